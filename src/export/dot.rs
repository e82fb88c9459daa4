//! The Graphviz export: the attribution graph of each selected claim, as one graph
//! ([`write`], at most a few hundred claims) or one graph per claim ([`write_claim`],
//! for the split export). Running Graphviz is the `graphviz` module's job.
//!
//! Layout decision: **one cluster per claim** (`subgraph cluster_N`, labelled with the
//! claim's short id, text, counts and independence groups), not one graph merged over
//! claims. A source's
//! role is a fact about one claim — AP is the origin of one story and a relay of
//! another — so merging would have to style a node by a role it only has sometimes.
//! Inside a cluster the graph is the engine's merged graph for that claim: one node
//! per source (plus "anonymous source of X"), one edge per citation, edges labelled
//! with the number of reports that traverse them; arrows point from the citing source
//! to the cited one (reader-facing outlets → relays → origins), left to right.
//!
//! Styles by role (see `docs/exports.md` for the legend): outlets are blue boxes,
//! relays grey rounded boxes, named origins green ellipses, anonymous origins dashed
//! yellow ellipses, members of a circular sink red octagons; a reader-facing node that
//! is also an origin or relay gets a double border; edges inside a citation loop are
//! red. Every string is quoted and escaped ([`escape`]); node identifiers are
//! generated (`cN_M`), never taken from names.

use std::io::{self, Write};

use crate::chars::shorten;
use crate::db::Database;
use crate::error::{Error, Result};
use crate::independence::{Analysis, GraphNode, Role};
use crate::report::Claim;
use crate::source::Registry;
use crate::view::ClaimSummary;

use super::{write_error, Selection, Summary};

/// The graph's opening line and default attributes.
const HEADER: &str = "digraph corroborate {\n  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labeljust=l, nodesep=0.3, ranksep=0.6];\n  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];";

/// Write the DOT source of the selection's attribution graphs as one graph, one
/// cluster per claim. A selection of more than `limit` claims is refused with advice
/// before anything is written to `out` (Graphviz's layout of one graph grows much
/// faster than its size).
pub(super) fn write(
    db: &Database,
    sel: &Selection,
    limit: usize,
    out: &mut dyn Write,
) -> Result<Summary> {
    let reg = db.registry();
    let mut sum = Summary::default();
    let mut body = Vec::new();
    sel.for_each(db, |c, a, s| {
        if sum.claims == limit {
            return Err(Error::Invalid(format!(
                "the selection has more than {limit} claims, too many for one graph (Graphviz would take minutes to hours to lay it out); write one graph per claim into a new directory with `--split -o DIR`, or select fewer claims with --claim ID or the filters (--single-source, --circular, --min-sources N, …)"
            )));
        }
        write_cluster(&mut body, sum.claims, &title(c, s), a, reg).map_err(write_error)?;
        sum.claims += 1;
        sum.items += 1;
        Ok(())
    })?;
    writeln!(out, "{HEADER}").map_err(write_error)?;
    out.write_all(&body).map_err(write_error)?;
    if sum.claims == 0 {
        writeln!(out, "  label=\"no claims selected\";").map_err(write_error)?;
    }
    writeln!(out, "}}").map_err(write_error)?;
    Ok(sum)
}

/// Write one claim's attribution graph as a graph of its own (one cluster, as in
/// [`write`]), for the split export.
pub(super) fn write_claim(
    out: &mut dyn Write,
    c: &Claim,
    a: &Analysis,
    s: &ClaimSummary,
    reg: &Registry,
) -> io::Result<()> {
    writeln!(out, "{HEADER}")?;
    write_cluster(out, 0, &title(c, s), a, reg)?;
    writeln!(out, "}}")
}

/// A claim's cluster label: short id, text, counts and independence groups.
fn title(c: &Claim, s: &ClaimSummary) -> String {
    let groups: Vec<&str> = s.origins.iter().map(|o| o.label.as_str()).collect();
    format!(
        "claim {}: {}\n{} report{}, {} independent source{}{}{}",
        &s.id[..12],
        shorten(&c.text, 90),
        s.reports,
        if s.reports == 1 { "" } else { "s" },
        s.independent_sources,
        if s.independent_sources == 1 { "" } else { "s" },
        if groups.is_empty() { "" } else { ": " },
        shorten(&groups.join("; "), 120),
    )
}

/// One claim's graph as `subgraph cluster_<n>`.
fn write_cluster(
    out: &mut dyn Write,
    n: usize,
    title: &str,
    a: &Analysis,
    reg: &Registry,
) -> io::Result<()> {
    writeln!(out, "  subgraph cluster_{n} {{")?;
    writeln!(
        out,
        "    label={}; style=rounded; color=\"#999999\";",
        escape(title)
    )?;
    let g = &a.graph;
    for (i, node) in g.nodes.iter().enumerate() {
        writeln!(out, "    c{n}_{i} [{}];", node_attrs(node, reg))?;
    }
    for e in &g.edges {
        let (Some(from), Some(to)) = (g.nodes.get(e.from), g.nodes.get(e.to)) else {
            continue;
        };
        let looped = !from.vertex.anonymous
            && !to.vertex.anonymous
            && a.cycles.iter().any(|cy| {
                cy.binary_search(&from.vertex.source).is_ok()
                    && cy.binary_search(&to.vertex.source).is_ok()
            });
        let style = if looped {
            ", color=\"#c00000\", fontcolor=\"#c00000\", penwidth=1.5"
        } else {
            ""
        };
        writeln!(
            out,
            "    c{n}_{} -> c{n}_{} [label={}{style}];",
            e.from,
            e.to,
            escape(&e.reports.to_string())
        )?;
    }
    writeln!(out, "  }}")
}

/// The attribute list of a node: label, shape and colours by role.
fn node_attrs(node: &GraphNode, reg: &Registry) -> String {
    let name = reg.display_name(node.vertex.source);
    let label = if node.vertex.anonymous {
        format!("anonymous source of {name}")
    } else {
        name.to_string()
    };
    let (shape, style, fill, role) = match node.role {
        Role::Outlet => ("box", "filled", "#d6e6f5", "reader-facing outlet"),
        Role::Relay => ("box", "filled,rounded", "#eeeeee", "relay"),
        Role::Origin => ("ellipse", "filled", "#cdebc5", "origin"),
        Role::AnonymousOrigin => (
            "ellipse",
            "filled,dashed",
            "#fff1b8",
            "anonymous origin (vouched for by a named outlet)",
        ),
        Role::Circular => (
            "octagon",
            "filled",
            "#f6c7c7",
            "circular: cites only its loop",
        ),
    };
    let mut attrs = format!(
        "label={}, shape={shape}, style={}, fillcolor={}, tooltip={}",
        escape(&label),
        escape(style),
        escape(fill),
        escape(role)
    );
    if node.reader_facing && node.role != Role::Outlet {
        attrs.push_str(", peripheries=2");
    }
    if node.in_cycle {
        attrs.push_str(", color=\"#c00000\"");
    }
    attrs
}

/// A DOT double-quoted string with everything that could end it or be read as a
/// Graphviz escape neutralised: `\` → `\\`, `"` → `\"`, a newline → `\n` (a centred
/// line break), other control characters → a space.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escaping_table() {
        let cases = [
            ("AP", "\"AP\""),
            ("say \"hi\"", "\"say \\\"hi\\\"\""),
            ("back\\slash", "\"back\\\\slash\""),
            ("two\nlines", "\"two\\nlines\""),
            ("tab\there", "\"tab here\""),
            ("\\N \\G \\L", "\"\\\\N \\\\G \\\\L\""),
            ("end\\", "\"end\\\\\""),
            ("\"]; x -> y [label=\"", "\"\\\"]; x -> y [label=\\\"\""),
            ("<b>html</b>", "\"<b>html</b>\""),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }
}
