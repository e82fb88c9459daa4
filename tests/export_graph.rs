//! The Graphviz exports through the real binary: the DOT of a known claim (nodes,
//! roles, edge counts), one cluster per claim, escaping of hostile names and texts,
//! SVG rendered by the real `dot` and parsed as XML with the expected node labels, and
//! the install hint when `dot` is missing.

mod common;

use std::process::{Command, Stdio};

use common::{report, TestDb};

const DEMO: &str = include_str!("../src/demo.jsonl");
const PALMYRA: &str =
    "Islamic State militants have retaken much of Palmyra, nine months after losing it.";

fn have_dot() -> bool {
    Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The `[...]` attributes of the node whose label is `label`, and its identifier.
fn node<'a>(dot: &'a str, label: &str) -> (&'a str, &'a str) {
    let needle = format!("[label=\"{label}\"");
    let line = dot
        .lines()
        .find(|l| l.contains(&needle))
        .unwrap_or_else(|| panic!("no node {label:?} in\n{dot}"));
    let id = line.split_whitespace().next().unwrap();
    (id, line)
}

#[test]
fn dot_of_one_claim_has_its_graph_roles_and_counts() {
    let db = TestDb::new();
    db.import(DEMO);
    let id = corroborate::claim::ClaimId::of_text(PALMYRA).to_hex();
    let dot = db.ok(&["export", "--format", "dot", "--claim", &id[..10]]);
    assert!(dot.starts_with("digraph corroborate {"), "{dot}");
    assert_eq!(dot.matches("subgraph cluster_").count(), 1);
    assert!(
        dot.contains(&format!(
            "label=\"claim {}: {PALMYRA}\\n3 reports, 2 independent sources: ",
            &id[..12]
        )),
        "{dot}"
    );
    // Two reader-facing outlets, two relays and AP, two origins (one anonymous).
    let (dd, l) = node(&dot, "Desert Dispatch");
    assert!(
        l.contains("shape=box") && l.contains("reader-facing outlet"),
        "{l}"
    );
    let (lwd, l) = node(&dot, "Levant Wire Digest");
    assert!(l.contains("reader-facing outlet"), "{l}");
    let (ap, l) = node(&dot, "Associated Press");
    assert!(l.contains("tooltip=\"relay\""), "{l}");
    let (arutz, _) = node(&dot, "Arutz Sheva");
    let (wapo, _) = node(&dot, "The Washington Post");
    let (osama, l) = node(&dot, "Osama al-Khatib");
    assert!(
        l.contains("tooltip=\"origin\"") && l.contains("#cdebc5"),
        "{l}"
    );
    let (anon, l) = node(&dot, "anonymous source of The Washington Post");
    assert!(l.contains("dashed"), "{l}");
    assert_eq!(
        dot.matches(" [label=").count() - dot.matches(" -> ").count(),
        7
    );
    for (from, to, n) in [
        (dd, wapo, 1),
        (dd, arutz, 1),
        (arutz, ap, 1),
        (lwd, ap, 1),
        (ap, osama, 2),
        (wapo, anon, 1),
    ] {
        let edge = format!("{from} -> {to} [label=\"{n}\"]");
        assert!(dot.contains(&edge), "missing {edge} in\n{dot}");
    }
    assert_eq!(dot.matches(" -> ").count(), 6);

    // Everything: one cluster per claim; a loop is red.
    let all = db.ok(&["export", "--format", "dot"]);
    assert_eq!(
        all.matches("subgraph cluster_").count(),
        db.claims(&[]).len()
    );
    assert!(all.contains("shape=octagon") && all.contains("color=\"#c00000\", fontcolor"));
    // Nothing selected is still a graph.
    let none = db.ok(&["export", "--format", "dot", "--min-sources", "9"]);
    assert!(none.contains("no claims selected") && none.trim_end().ends_with('}'));
}

const EVIL_TEXT: &str = "A \"quoted\" claim\\N with \\G escapes\nand a second line }; digraph x {";

fn hostile_db() -> TestDb {
    let db = TestDb::new();
    db.import(
        &[
            r#"{"type":"source","name":"Evil \"Outlet\" \\N\\L","aliases":["evil"]}"#.to_string(),
            r#"{"type":"source","name":"Two\nLines\\","aliases":["twolines"]}"#.to_string(),
            report(
                EVIL_TEXT,
                "evil via twolines via <b>Html</b> & Co via ~an \"insider\" ]; x -> y",
            ),
        ]
        .join("\n"),
    );
    db
}

#[test]
fn hostile_names_are_escaped_and_graphviz_accepts_them() {
    let db = hostile_db();
    let dot = db.ok(&["export", "--format", "dot"]);
    assert!(dot.contains(r#"[label="Evil \"Outlet\" \\N\\L""#), "{dot}");
    assert!(dot.contains(r#"[label="Two\nLines\\""#), "{dot}");
    assert!(dot.contains(r#"[label="<b>Html</b> & Co""#), "{dot}");
    assert!(
        dot.contains(r#"A \"quoted\" claim\\N with \\G escapes\nand a second line }; digraph x {"#),
        "{dot}"
    );
    // Exactly one graph, whose braces balance outside quoted strings.
    let mut depth = 0i32;
    let mut in_str = false;
    let mut esc = false;
    for ch in dot.chars() {
        match (in_str, esc, ch) {
            (true, true, _) => esc = false,
            (true, false, '\\') => esc = true,
            (true, false, '"') => in_str = false,
            (false, _, '"') => in_str = true,
            (false, _, '{') => depth += 1,
            (false, _, '}') => {
                depth -= 1;
                assert!(depth >= 0);
            }
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    assert!(!in_str);
    if !have_dot() {
        println!("skipped the Graphviz half: `dot` is not installed (apt install graphviz)");
        return;
    }
    let mut child = Command::new("dot")
        .arg("-Tcanon")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Graphviz read one graph with 4 nodes and 3 edges: nothing leaked out of a string.
    let canon = String::from_utf8(out.stdout).unwrap();
    let graphs = canon
        .lines()
        .filter(|l| l.trim_start().starts_with("digraph") || l.contains("subgraph"))
        .count();
    assert_eq!(graphs, 2, "one graph and its one cluster: {canon}");
    assert_eq!(canon.matches(" -> ").count(), 3, "{canon}");
}

/// Every `<text>` of an SVG document, via Python's XML parser (which fails on
/// malformed XML).
fn svg_texts(py: &str, svg: &str) -> Vec<String> {
    let script = "import json, sys, xml.etree.ElementTree as ET\nroot = ET.fromstring(sys.stdin.buffer.read())\nassert root.tag == '{http://www.w3.org/2000/svg}svg', root.tag\nprint(json.dumps([t.text or '' for t in root.iter('{http://www.w3.org/2000/svg}text')]))";
    let v = common::run_python(py, script, svg, "not valid SVG XML");
    serde_json::from_value(v).unwrap()
}

#[test]
fn svg_is_rendered_by_graphviz_and_parses_with_the_node_labels() {
    if !have_dot() {
        println!("skipped: Graphviz `dot` is not installed (apt install graphviz); CI installs it");
        return;
    }
    let Some(py) = common::python_with("xml.etree.ElementTree") else {
        println!("skipped: no Python to parse the SVG (set CORROBORATE_PYTHON or install python3)");
        return;
    };
    let db = TestDb::new();
    db.import(DEMO);
    let id = corroborate::claim::ClaimId::of_text(PALMYRA).to_hex();
    let svg = db.ok(&["export", "--format", "svg", "--claim", &id[..8]]);
    let texts = svg_texts(&py, &svg);
    for label in [
        "Desert Dispatch",
        "Levant Wire Digest",
        "Arutz Sheva",
        "Associated Press",
        "The Washington Post",
        "Osama al-Khatib",
        "anonymous source of The Washington Post",
    ] {
        assert_eq!(
            texts.iter().filter(|t| *t == label).count(),
            1,
            "{label:?} in {texts:?}"
        );
    }
    // Edge labels: five edges of one report, one of two.
    assert_eq!(texts.iter().filter(|t| *t == "1").count(), 5, "{texts:?}");
    assert_eq!(texts.iter().filter(|t| *t == "2").count(), 1, "{texts:?}");

    // Hostile names survive into the picture as text, not markup.
    let hostile = hostile_db();
    let svg = hostile.ok(&["export", "--format", "svg"]);
    let texts = svg_texts(&py, &svg);
    for want in [
        "Evil \"Outlet\" \\N\\L",
        "Two",
        "Lines\\",
        "<b>Html</b> & Co",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want:?} in {texts:?}");
    }
}

#[test]
fn svg_without_graphviz_says_how_to_install_it() {
    let db = TestDb::new();
    db.import(DEMO);
    let empty = tempfile::tempdir().unwrap();
    let out = db
        .cmd()
        .env("PATH", empty.path())
        .args(["export", "--format", "svg"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("install Graphviz") && err.contains("--format dot"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn the_demo_picture_in_docs_shows_every_demo_claim() {
    // docs/demo-graph.svg is `export --format svg` of src/demo.jsonl; regenerate it
    // when this fails (see docs/exports.md).
    let svg = std::fs::read_to_string(common::root().join("docs/demo-graph.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.trim_end().ends_with("</svg>"));
    let db = TestDb::new();
    db.import(DEMO);
    for c in db.claims(&[]) {
        let short = &c["id"].as_str().unwrap()[..12];
        assert!(svg.contains(&format!("claim {short}: ")), "{short} missing");
    }
}
