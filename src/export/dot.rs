//! The Graphviz export: the attribution graph of each selected claim, and SVG
//! rendering through Graphviz's `dot` program.
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

use std::io::{self, Read, Write};
use std::process::{Command, Stdio};

use crate::db::Database;
use crate::error::{Error, Result};
use crate::independence::{Analysis, GraphNode, Role};
use crate::output::shorten;
use crate::source::Registry;

use super::{write_error, Selection, Summary};

/// Write the DOT source of the selection's attribution graphs.
pub(super) fn write(db: &Database, sel: &Selection, out: &mut dyn Write) -> Result<Summary> {
    let reg = db.registry();
    let mut sum = Summary::default();
    writeln!(
        out,
        "digraph corroborate {{\n  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labeljust=l, nodesep=0.3, ranksep=0.6];\n  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];"
    )
    .map_err(write_error)?;
    sel.for_each(db, |c, a, s| {
        let groups: Vec<&str> = s.origins.iter().map(|o| o.label.as_str()).collect();
        let title = format!(
            "claim {}: {}\n{} report{}, {} independent source{}{}{}",
            &s.id[..12],
            shorten(&c.text, 90),
            s.reports,
            if s.reports == 1 { "" } else { "s" },
            s.independent_sources,
            if s.independent_sources == 1 { "" } else { "s" },
            if groups.is_empty() { "" } else { ": " },
            shorten(&groups.join("; "), 120),
        );
        write_cluster(out, sum.claims, &title, a, reg).map_err(write_error)?;
        sum.claims += 1;
        sum.items += 1;
        Ok(())
    })?;
    if sum.claims == 0 {
        writeln!(out, "  label=\"no claims selected\";").map_err(write_error)?;
    }
    writeln!(out, "}}").map_err(write_error)?;
    Ok(sum)
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

/// What to tell someone who asked for SVG without Graphviz installed.
const INSTALL_HINT: &str = "--format svg needs Graphviz's `dot` program, which was not found on PATH; install Graphviz (Debian/Ubuntu: apt install graphviz; macOS: brew install graphviz; others: https://graphviz.org/download/) or use --format dot and render it elsewhere";

/// Render DOT source to SVG with Graphviz's `dot -Tsvg`, writing the SVG to `out`.
/// Fails with an install hint when `dot` is not installed.
pub fn render_svg(dot_source: &[u8], out: &mut dyn Write) -> Result<()> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                Error::io(INSTALL_HINT, e)
            } else {
                Error::io("starting Graphviz's `dot`", e)
            }
        })?;
    let feeder = child.stdin.take().map(|mut stdin| {
        let src = dot_source.to_vec();
        std::thread::spawn(move || stdin.write_all(&src))
    });
    let mut stderr = child.stderr.take();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = stderr.as_mut() {
            let _ = e.read_to_string(&mut s);
        }
        s
    });
    let mut copied = Ok(0);
    if let Some(mut stdout) = child.stdout.take() {
        copied = io::copy(&mut stdout, out);
    }
    if copied.is_err() {
        // Nobody reads the rest (a closed pipe, a full disk): stop `dot` rather than
        // wait for it to finish writing into a pipe no one drains.
        let _ = child.kill();
    }
    let status = child
        .wait()
        .map_err(|e| Error::io("waiting for Graphviz's `dot`", e))?;
    let fed = feeder.map(|h| h.join());
    let messages = err_reader.join().unwrap_or_default();
    copied.map_err(write_error)?;
    if !status.success() {
        return Err(Error::io(
            format!(
                "Graphviz's `dot` failed ({status}): {}",
                messages.trim().chars().take(2000).collect::<String>()
            ),
            io::Error::other("dot exited with an error"),
        ));
    }
    if let Some(Ok(Err(e))) = fed {
        return Err(Error::io("sending the graph to Graphviz's `dot`", e));
    }
    Ok(())
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
