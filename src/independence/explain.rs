//! Turning an [`Analysis`] into text: plain-English reasons for the count
//! ([`explain`]) and an indented tree of the attribution graph ([`render_tree`]).
//! All string formatting of the engine lives here, so that `analyze` stays cheap
//! when a full listing runs it for millions of claims.

use std::fmt::Write as _;

use super::SourceId;
use super::{Analysis, GraphNode, OriginGroup, Role, SourceView, Vertex};

/// Most lines [`render_tree`] prints before summarising the rest.
pub const MAX_TREE_LINES: usize = 200;

/// "1 report" / "3 reports".
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Small numbers as words, for "all three trace to …".
fn number_word(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// "A", "A and B", "A, B and C".
fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", head.join(", "), last.as_ref())
        }
    }
}

fn names<V: SourceView + ?Sized>(ids: &[SourceId], view: &V) -> Vec<String> {
    ids.iter().map(|&s| view.name(s).to_owned()).collect()
}

fn vertex_name<V: SourceView + ?Sized>(v: Vertex, view: &V) -> String {
    if v.anonymous {
        format!("anonymous source of {}", view.name(v.source))
    } else {
        view.name(v.source).to_owned()
    }
}

/// How a group is named in the summary sentence.
fn describe_group<V: SourceView + ?Sized>(g: &OriginGroup, view: &V) -> String {
    if g.shared_labels.is_empty() {
        let sources = g.sources();
        let who = join_and(&names(&sources, view));
        if g.anonymous_only {
            format!("an anonymous source vouched for by {who}")
        } else {
            who
        }
    } else {
        let members: Vec<String> = g.members.iter().map(|&m| vertex_name(m, view)).collect();
        format!("{} ({})", g.label(view), join_and(&members))
    }
}

/// One plain-English sentence per reason the count is what it is: a summary, then
/// affiliation merges, anonymous sources, circular reporting, single points of
/// failure and ignored chains.
pub fn explain<V: SourceView + ?Sized>(a: &Analysis, view: &V) -> Vec<String> {
    let mut out = Vec::new();
    let reports = count(a.reports, "report", "reports");
    let n = a.independent_sources;

    // Summary.
    if a.reports == 0 {
        out.push("No reports, so no independent source.".to_owned());
    } else if n == 0 {
        out.push(format!(
            "{reports}, 0 independent sources: every chain ends in circular reporting."
        ));
    } else if n == 1 {
        let who = a
            .groups
            .first()
            .map(|g| describe_group(g, view))
            .unwrap_or_default();
        let trace = match a.reports {
            1 => "it traces".to_owned(),
            2 => "both trace".to_owned(),
            r => format!("all {} trace", number_word(r)),
        };
        out.push(format!(
            "{reports}, 1 independent source: {trace} to {who}."
        ));
    } else {
        let parts: Vec<String> = a.groups.iter().map(|g| describe_group(g, view)).collect();
        out.push(format!(
            "{reports}, {n} independent sources: {}.",
            join_and(&parts)
        ));
    }

    // Affiliation merges.
    for g in &a.groups {
        for shared in &g.shared_labels {
            let who = join_and(&names(&shared.sources, view));
            let quantifier = if shared.sources.len() == 2 {
                "both".to_owned()
            } else {
                format!("all {}", number_word(shared.sources.len()))
            };
            if shared.linked {
                out.push(format!(
                    "{who} count as one source: their affiliations {} are held together by another source.",
                    shared.label
                ));
            } else {
                out.push(format!(
                    "{who} count as one source: {quantifier} carry the affiliation {}.",
                    shared.label
                ));
            }
        }
    }

    // Anonymous origins.
    for o in a.origins.iter().filter(|o| o.anonymous) {
        let x = view.name(o.source);
        out.push(format!(
            "{x} vouches for an anonymous source; it counts in {x}'s group."
        ));
    }
    if a.anonymous_only {
        out.push(
            "No named origin: every origin is an anonymous source vouched for by an outlet."
                .to_owned(),
        );
    }

    // Circular reporting.
    for cycle in &a.cycles {
        let who = names(cycle, view);
        let relation = if cycle.len() == 2 {
            "cite each other"
        } else {
            "cite one another in a loop"
        };
        let sink = a.circular_sinks.binary_search(cycle).is_ok();
        if sink {
            out.push(format!(
                "Circular: {} {relation} and nothing beyond, so they add no independent source.",
                join_and(&who)
            ));
        } else {
            out.push(format!(
                "Circular: {} {relation}; the loop also cites sources beyond it, which are counted.",
                join_and(&who)
            ));
        }
    }

    // Single points of failure (trivial for a single report, so not stated then).
    if a.reports >= 2 && !a.common_relays.is_empty() {
        let who = join_and(&names(&a.common_relays, view));
        let tail = if a.common_relays.len() == 1 {
            "it is a single point of failure"
        } else {
            "each is a single point of failure"
        };
        out.push(format!("Every report passes through {who}: {tail}."));
    }

    if a.rejected_chains > 0 {
        out.push(format!(
            "{} ignored: a chain must start with a named outlet.",
            count(a.rejected_chains, "chain", "chains")
        ));
    }
    out
}

struct TreeWriter<'g, V: ?Sized> {
    nodes: &'g [GraphNode],
    analysis: &'g Analysis,
    view: &'g V,
    out: String,
    lines: usize,
    printed: Vec<bool>,
    expanded: Vec<bool>,
    on_path: Vec<bool>,
    truncated: bool,
}

impl<V: SourceView + ?Sized> TreeWriter<'_, V> {
    fn mark(node: &GraphNode) -> &'static str {
        match node.role {
            Role::Origin => " [origin]",
            Role::AnonymousOrigin => " [anonymous origin]",
            Role::Circular => " [circular]",
            Role::Outlet | Role::Relay if node.in_cycle => " [cycle]",
            Role::Outlet | Role::Relay => "",
        }
    }

    /// Write node `i` with the given prefix, then its successors. Recursion depth is
    /// bounded by [`MAX_TREE_LINES`], since every level prints a line first.
    fn node(&mut self, i: usize, prefix: &str, branch: &str, child_prefix: &str) {
        if self.lines >= MAX_TREE_LINES {
            self.truncated = true;
            return;
        }
        let Some(node) = self.nodes.get(i) else {
            return;
        };
        let name = vertex_name(node.vertex, self.view);
        let mark = Self::mark(node);
        let children: Vec<usize> = self
            .analysis
            .graph
            .out_edges(i)
            .iter()
            .map(|e| e.to)
            .collect();
        let back = self.on_path.get(i).copied().unwrap_or(false);
        let seen = self.expanded.get(i).copied().unwrap_or(false);
        let suffix = if back {
            " ↺ (cycle: already on this path)"
        } else if seen && !children.is_empty() {
            " (see above)"
        } else {
            ""
        };
        let _ = writeln!(self.out, "{prefix}{branch}{name}{mark}{suffix}");
        self.lines += 1;
        if let Some(p) = self.printed.get_mut(i) {
            *p = true;
        }
        if back || seen {
            return;
        }
        if let Some(e) = self.expanded.get_mut(i) {
            *e = true;
        }
        if let Some(p) = self.on_path.get_mut(i) {
            *p = true;
        }
        let inner = format!("{prefix}{child_prefix}");
        let last = children.len().saturating_sub(1);
        for (k, &c) in children.iter().enumerate() {
            if k == last {
                self.node(c, &inner, "└─ ", "   ");
            } else {
                self.node(c, &inner, "├─ ", "│  ");
            }
        }
        if let Some(p) = self.on_path.get_mut(i) {
            *p = false;
        }
    }
}

/// The merged attribution graph as an indented tree, from each reader-facing outlet
/// down to the origins. Origins, anonymous origins, members of circular sinks and
/// other cycle members are marked; a node already expanded is shown once more with
/// "(see above)", and a citation back into the current path with "↺", so the output
/// is finite. At most [`MAX_TREE_LINES`] lines are printed, then "… N more".
pub fn render_tree<V: SourceView + ?Sized>(a: &Analysis, view: &V) -> String {
    let nodes = &a.graph.nodes;
    let n = nodes.len();
    let mut w = TreeWriter {
        nodes,
        analysis: a,
        view,
        out: String::new(),
        lines: 0,
        printed: vec![false; n],
        expanded: vec![false; n],
        on_path: vec![false; n],
        truncated: false,
    };
    for (i, node) in nodes.iter().enumerate() {
        if node.reader_facing {
            w.node(i, "", "", "");
        }
    }
    if w.truncated {
        let missing = w.printed.iter().filter(|p| !**p).count();
        if missing > 0 {
            let _ = writeln!(
                w.out,
                "… {missing} more {} not shown",
                if missing == 1 { "source" } else { "sources" }
            );
        } else {
            let _ = writeln!(w.out, "… more branches not shown");
        }
    }
    w.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lists_in_english() {
        assert_eq!(join_and::<&str>(&[]), "");
        assert_eq!(join_and(&["A"]), "A");
        assert_eq!(join_and(&["A", "B"]), "A and B");
        assert_eq!(join_and(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn spells_small_numbers() {
        assert_eq!(number_word(3), "three");
        assert_eq!(number_word(10), "ten");
        assert_eq!(number_word(11), "11");
        assert_eq!(count(1, "report", "reports"), "1 report");
        assert_eq!(count(0, "report", "reports"), "0 reports");
    }
}
