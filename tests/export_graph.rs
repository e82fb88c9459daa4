//! The Graphviz exports through the real binary: the DOT of a known claim (nodes,
//! roles, edge counts), one cluster per claim, escaping of hostile names and texts,
//! SVG rendered by the real `dot` and parsed as XML with the expected node labels, the
//! install hint when `dot` is missing, the limit of one graph and the split export
//! (one graph per claim and an index), and — with a fake `dot` on PATH that waits for
//! the test's signal — that Graphviz runs after the database lock is released and
//! that an interrupted export leaves no temporary file.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{report, TestDb};

const DEMO: &str = include_str!("../src/demo.jsonl");
const PALMYRA: &str =
    "Islamic State militants have retaken much of Palmyra, nine months after losing it.";

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
    common::require_dot();
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
    common::require_dot();
    let py = common::python_with("xml.etree.ElementTree");
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

/// A database with `n` single-report claims.
fn db_with_claims(n: usize) -> TestDb {
    let db = TestDb::new();
    let lines: Vec<String> = (0..n)
        .map(|i| {
            report(
                &format!("Numbered claim {i} was reported."),
                "Daily Bugle via AP",
            )
        })
        .collect();
    db.import(&lines.join("\n"));
    db
}

/// Names in `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn one_graph_takes_at_most_300_claims_and_advises_split() {
    let db = db_with_claims(301);
    for format in ["dot", "svg"] {
        let err = db.fails(&["export", "--format", format], 2);
        assert!(
            err.contains("more than 300 claims")
                && err.contains("--split -o DIR")
                && err.contains("--claim"),
            "{err}"
        );
    }
    // Refused before anything is written: no file, no temporary file.
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("all.svg");
    db.fails(
        &["export", "--format", "svg", "-o", file.to_str().unwrap()],
        2,
    );
    assert!(entries(out.path()).is_empty(), "{:?}", entries(out.path()));
}

#[test]
fn exactly_300_claims_are_one_graph() {
    let db = db_with_claims(300);
    let dot = db.ok(&["export", "--format", "dot"]);
    assert_eq!(dot.matches("subgraph cluster_").count(), 300);
}

#[test]
fn split_writes_one_dot_graph_per_claim_and_an_index() {
    let db = db_with_claims(301);
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("graphs");
    let msg = db.ok(&[
        "export",
        "--format",
        "dot",
        "--split",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(msg.contains("exported 301 claims"), "{msg}");
    // Only the new directory appeared beside it: no temporary directory is left.
    assert_eq!(entries(out.path()), ["graphs"]);
    let files = entries(&dir);
    assert_eq!(files.len(), 302, "301 graphs and the index");
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    for c in db.claims(&[]) {
        let id = c["id"].as_str().unwrap();
        let name = format!("{id}.dot");
        assert!(files.contains(&name), "{name} missing");
        let graph = std::fs::read_to_string(dir.join(&name)).unwrap();
        assert!(graph.starts_with("digraph corroborate {"), "{graph}");
        assert_eq!(graph.matches("subgraph cluster_").count(), 1);
        assert!(graph.contains(&format!("claim {}: ", &id[..12])), "{graph}");
        assert!(graph.contains("[label=\"Daily Bugle\""), "{graph}");
        assert!(
            index.contains(&format!(
                "<a href=\"{name}\"><code>{}</code></a>",
                &id[..12]
            )),
            "{id} not linked from the index"
        );
    }
    assert_eq!(index.matches("<tr><td><a href=").count(), 301);
    assert!(
        index.contains("301 claims, one graph per claim (dot)"),
        "{index}"
    );

    // The directory is never replaced nor written into.
    let err = db.fails(
        &[
            "export",
            "--format",
            "dot",
            "--split",
            "-o",
            dir.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(entries(&dir).len(), 302);
    // --split is for the graph formats only, and needs -o.
    let other = out.path().join("other");
    let err = db.fails(
        &[
            "export",
            "--format",
            "csv",
            "--split",
            "-o",
            other.to_str().unwrap(),
        ],
        2,
    );
    assert!(
        err.contains("--split applies to --format dot and svg only"),
        "{err}"
    );
    db.fails(&["export", "--format", "svg", "--split"], 2);
    // Its parent must exist: only the export's own directory is created.
    let deep = out.path().join("no/such/dir");
    let err = db.fails(
        &[
            "export",
            "--format",
            "dot",
            "--split",
            "-o",
            deep.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("does not exist"), "{err}");
    assert_eq!(entries(out.path()), ["graphs"]);
}

#[test]
fn split_svg_is_rendered_by_graphviz_with_an_escaped_index() {
    common::require_dot();
    let py = common::python_with("xml.etree.ElementTree");
    let db = TestDb::new();
    db.import(DEMO);
    let script_text = "<script>alert(1)</script> & \"quotes\"";
    db.import(&report(script_text, "Daily Bugle via AP"));
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("svg");
    db.ok(&[
        "export",
        "--format",
        "svg",
        "--split",
        "-o",
        dir.to_str().unwrap(),
    ]);
    let claims = db.claims(&[]);
    assert_eq!(entries(&dir).len(), claims.len() + 1);
    for c in &claims {
        let id = c["id"].as_str().unwrap();
        let svg = std::fs::read_to_string(dir.join(format!("{id}.svg"))).unwrap();
        let texts = svg_texts(&py, &svg);
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with(&format!("claim {}: ", &id[..12]))),
            "{texts:?}"
        );
    }
    let palmyra = corroborate::claim::ClaimId::of_text(PALMYRA).to_hex();
    let svg = std::fs::read_to_string(dir.join(format!("{palmyra}.svg"))).unwrap();
    let texts = svg_texts(&py, &svg);
    for label in ["Desert Dispatch", "Associated Press", "Osama al-Khatib"] {
        assert_eq!(texts.iter().filter(|t| *t == label).count(), 1, "{label:?}");
    }
    // The index is HTML whose text carries the claim verbatim, not as markup.
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(!index.contains("<script>"), "{index}");
    let parse = "import html.parser, json, sys\nclass P(html.parser.HTMLParser):\n    def __init__(self):\n        super().__init__(); self.cells = []; self.links = []; self.tags = set()\n    def handle_starttag(self, tag, attrs):\n        self.tags.add(tag)\n        if tag == 'a': self.links.append(dict(attrs)['href'])\n    def handle_data(self, d):\n        self.cells.append(d)\np = P(); p.feed(sys.stdin.read())\nprint(json.dumps({'cells': p.cells, 'links': p.links, 'script': 'script' in p.tags}))";
    let v = common::run_python(&py, parse, &index, "index.html");
    assert_eq!(v["script"], false);
    assert!(
        v["cells"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == script_text),
        "{v}"
    );
    let mut links: Vec<String> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    links.sort();
    let mut want: Vec<String> = claims
        .iter()
        .map(|c| format!("{}.svg", c["id"].as_str().unwrap()))
        .collect();
    want.sort();
    assert_eq!(links, want);
}

/// A directory with a fake `dot` that records that it started, then waits until the
/// test creates `release` (or 120 s pass) and writes a minimal SVG: `dot -Tsvg`
/// (standard input to standard output) and `dot -Tsvg -O FILE…` (FILE.svg each).
struct FakeDot {
    dir: tempfile::TempDir,
}

impl FakeDot {
    fn new() -> FakeDot {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        let marks = dir.path().display().to_string();
        let script = format!(
            "#!/bin/sh\ntouch '{marks}/started'\ni=0\nwhile [ ! -e '{marks}/release' ]; do\n  sleep 0.05\n  i=$((i+1))\n  [ $i -gt 2400 ] && exit 3\ndone\nsvg='<svg xmlns=\"http://www.w3.org/2000/svg\"/>'\nif [ \"$2\" = -O ]; then\n  shift 2\n  for f in \"$@\"; do echo \"$svg\" > \"$f.svg\"; done\nelse\n  cat > /dev/null\n  echo \"$svg\"\nfi\n"
        );
        let path = bin.join("dot");
        std::fs::write(&path, script).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        FakeDot { dir }
    }

    /// PATH with the fake `dot` first.
    fn path_var(&self) -> String {
        format!(
            "{}:{}",
            self.dir.path().join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        )
    }

    /// Wait until the fake `dot` has started (the export is in its Graphviz phase).
    fn wait_started(&self, export: &mut Child) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while !self.dir.path().join("started").exists() {
            if let Some(status) = export.try_wait().unwrap() {
                panic!("the export ended ({status}) before running dot");
            }
            assert!(Instant::now() < deadline, "the fake dot never started");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn release(&self) {
        std::fs::write(self.dir.path().join("release"), "").unwrap();
    }
}

/// Start `corroborate export ARGS` on `db` with the fake `dot` on PATH.
fn spawn_export(db: &TestDb, fake: &FakeDot, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("corroborate"))
        .arg("--db")
        .arg(db.path())
        .arg("export")
        .args(args)
        .env("NO_COLOR", "1")
        .env("PATH", fake.path_var())
        .env_remove("CORROBORATE_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Wait for `child` (at most 120 s, then kill it and fail); its exit code and stderr.
fn finish(mut child: Child) -> (Option<i32>, String) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the export did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn graphviz_runs_after_the_database_lock_is_released() {
    let db = TestDb::new();
    db.import(DEMO);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("demo.svg");
    let dir = out.path().join("graphs");
    let runs: [Vec<&str>; 2] = [
        vec!["--format", "svg", "-o", file.to_str().unwrap()],
        vec!["--format", "svg", "--split", "-o", dir.to_str().unwrap()],
    ];
    let mut exported = 0;
    for (i, args) in runs.iter().enumerate() {
        exported = db.claims(&[]).len();
        let fake = FakeDot::new();
        let mut export = spawn_export(&db, &fake, args);
        fake.wait_started(&mut export);
        // While `dot` runs, other commands can open the database, even to write.
        assert_eq!(db.claims(&[]).len(), exported);
        db.ok(&[
            "add",
            &format!("Claim {i} was added while Graphviz ran."),
            "--chain",
            "Daily Bugle",
        ]);
        fake.release();
        let (code, err) = finish(export);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert_eq!(db.claims(&[]).len(), exported + 1);
    }
    assert!(std::fs::read_to_string(&file).unwrap().contains("<svg"));
    assert_eq!(
        entries(&dir).len(),
        exported + 1,
        "the graphs and the index"
    );
    assert_eq!(entries(out.path()), ["demo.svg", "graphs"]);
}

#[test]
fn an_interrupted_export_leaves_no_temporary_file() {
    let db = TestDb::new();
    db.import(DEMO);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("demo.svg");
    let dir = out.path().join("graphs");
    let runs: [(&str, Vec<&str>); 4] = [
        ("INT", vec!["--format", "svg", "-o", file.to_str().unwrap()]),
        (
            "TERM",
            vec!["--format", "svg", "-o", file.to_str().unwrap()],
        ),
        (
            "INT",
            vec!["--format", "svg", "--split", "-o", dir.to_str().unwrap()],
        ),
        (
            "TERM",
            vec!["--format", "svg", "--split", "-o", dir.to_str().unwrap()],
        ),
    ];
    for (signal, args) in runs {
        let fake = FakeDot::new();
        let mut export = spawn_export(&db, &fake, &args);
        fake.wait_started(&mut export);
        // The temporary file or directory exists while Graphviz runs.
        assert_eq!(entries(out.path()).len(), 1, "{:?}", entries(out.path()));
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(export.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let (code, err) = finish(export);
        assert_eq!(code, Some(130), "{signal} {args:?}: {err}");
        assert!(err.contains("interrupted"), "{err}");
        assert!(
            entries(out.path()).is_empty(),
            "{signal} {args:?} left {:?}",
            entries(out.path())
        );
    }
    // Standard output gets nothing from an interrupted SVG export.
    let fake = FakeDot::new();
    let mut export = spawn_export(&db, &fake, &["--format", "svg"]);
    fake.wait_started(&mut export);
    Command::new("kill")
        .arg("-INT")
        .arg(export.id().to_string())
        .status()
        .unwrap();
    let mut stdout = export.stdout.take().unwrap();
    let (code, _) = finish(export);
    assert_eq!(code, Some(130));
    let mut printed = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut printed).unwrap();
    assert!(printed.is_empty(), "{printed}");
}
