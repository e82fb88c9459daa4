//! End-to-end tests of every foundation command through the real binary, each with a
//! fresh database: add, import (and its error paths), claims, show, sources, source,
//! verdict, verify, rebuild, log, demo, exit codes and output formats.

mod common;

use common::{assert_schema, report, TestDb};
use corroborate::claim::ClaimId;
use serde_json::Value;

const PALMYRA: &str = "Militants re-entered the ancient city.";

fn sample() -> String {
    [
        r#"{"type":"source","name":"Associated Press","aliases":["AP"],"homepage":"https://apnews.com","kind":"wire_agency"}"#.to_string(),
        report(PALMYRA, "Blog via Arutz Sheva via AP via Osama al-Khatib"),
        report(PALMYRA, "Blog via Washington Post via ~Syrian activists"),
        report("Two hundred fighters came from Mosul.", "Blog via Syrian Observatory for Human Rights"),
    ]
    .join("\n")
}

#[test]
fn add_prints_the_id_and_counts() {
    let db = TestDb::new();
    let out = db.ok(&["add", PALMYRA, "--chain", "Blog via AP via Osama al-Khatib"]);
    let id = ClaimId::of_text(PALMYRA).to_hex();
    assert!(out.starts_with(&id), "{out}");
    assert!(out.contains("1 report, 1 independent source"), "{out}");
    // The same report again is stored once.
    let again = db.ok(&["add", PALMYRA, "--chain", "blog VIA ap via osama AL-KHATIB"]);
    assert!(again.contains("already recorded"), "{again}");
    let claims = db.claims(&[]);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["reports"], 1);
}

#[test]
fn add_rejects_bad_input_with_exit_2() {
    let db = TestDb::new();
    let cases: [(&[&str], &str); 6] = [
        (&["add", "x", "--chain", "via AP"], "hop 1 is empty"),
        (&["add", "x", "--chain", "~an official"], "anonymous"),
        (&["add", "  .  ", "--chain", "AP"], "empty"),
        (
            &["add", "x", "--chain", "AP", "--url", "ftp://example.org/x"],
            "http",
        ),
        (
            &["add", "x", "--chain", "AP", "--published", "last week"],
            "ISO 8601",
        ),
        (&["add", "x"], "--chain"),
    ];
    for (args, want) in cases {
        let err = db.fails(args, 2);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    let long_chain = vec!["X"; 65].join(" via ");
    assert!(db
        .fails(&["add", "x", "--chain", &long_chain], 2)
        .contains("at most 64"));
    let long_claim = "a".repeat(64 * 1024 + 1);
    assert!(db
        .fails(&["add", &long_claim, "--chain", "AP"], 2)
        .contains("65536"));
}

#[test]
fn import_summarizes_and_is_idempotent() {
    let db = TestDb::new();
    let out = db.import(&sample());
    assert!(out.contains("imported 4 records"), "{out}");
    assert!(out.contains("claims 2 new, 0 known"), "{out}");
    assert!(out.contains("reports 3 new, 0 duplicate"), "{out}");
    let again = db.import(&sample());
    assert!(again.contains("claims 0 new, 2 known"), "{again}");
    assert!(again.contains("reports 0 new, 3 duplicate"), "{again}");
    assert_eq!(db.claims(&[]).len(), 2);
}

#[test]
fn import_from_a_file() {
    let db = TestDb::new();
    let f = db.dir.path().join("in.jsonl");
    std::fs::write(&f, sample()).unwrap();
    let out = db.ok(&["import", f.to_str().unwrap()]);
    assert!(out.contains("reports 3 new"), "{out}");
    let missing = db.fails(&["import", "/nonexistent/file.jsonl"], 1);
    assert!(missing.contains("cannot open"), "{missing}");
}

#[test]
fn a_bad_line_aborts_the_whole_import() {
    let db = TestDb::new();
    db.import(&report("Known claim.", "A via B"));
    let cases = [
        (
            r#"{"type":"report","claim":"c","chain":"A","colour":"red"}"#,
            "unknown field",
        ),
        (r#"{"type":"report","claim":"c","chain":"A via"}"#, "chain"),
        (r#"{"type":"gossip"}"#, "type"),
        ("{not json", "key must be a string"),
        (
            r#"{"type":"verdict","claim":"never reported","verdict":"false"}"#,
            "no claim",
        ),
        (
            r#"{"type":"source","name":"X","homepage":"javascript:alert(1)"}"#,
            "http",
        ),
    ];
    for (bad, want) in cases {
        let input = format!("{}\n{}\n{bad}\n{}\n", sample(), "", report("After.", "Z"));
        let out = db
            .cmd()
            .args(["import", "-"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("line 6:"), "{bad}: {err}");
        assert!(err.contains(want), "{bad}: {err}");
        // Nothing from the failed import was written.
        let claims = db.claims(&[]);
        assert_eq!(claims.len(), 1, "{bad}");
    }
    assert!(db.ok(&["verify"]).contains("ok"));
}

#[test]
fn import_limits() {
    let db = TestDb::new();
    let big_line = format!(
        r#"{{"type":"report","claim":"x","chain":"A","url":"https://e.org/{}"}}"#,
        "a".repeat(1024 * 1024)
    );
    let out = db
        .cmd()
        .args(["import", "-"])
        .write_stdin(big_line)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1: the line is longer than"));
    let bad_utf8: &[u8] = b"{\"type\":\"report\",\"claim\":\"\xff\",\"chain\":\"A\"}\n";
    let out = db
        .cmd()
        .args(["import", "-"])
        .write_stdin(bad_utf8)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

#[test]
fn claims_output_matches_the_schema_and_filters_work() {
    let db = TestDb::new();
    db.import(&sample());
    let claims = db.claims(&[]);
    for c in &claims {
        assert_schema("claim.schema.json", c);
    }
    let single = db.claims(&["--single-source"]);
    assert!(single.iter().all(|c| c["independent_sources"] == 1));
    let two = db.claims(&["--min-sources", "2"]);
    assert_eq!(two.len(), 1);
    assert_eq!(two[0]["text"], PALMYRA);
    assert!(db.claims(&["--max-sources", "0"]).is_empty());
    // jsonl: one object per line; csv: header plus a row per claim.
    let jsonl = db.ok(&["claims", "--format", "jsonl"]);
    assert_eq!(jsonl.lines().count(), 2);
    for l in jsonl.lines() {
        assert_schema("claim.schema.json", &serde_json::from_str(l).unwrap());
    }
    let csv = db.ok(&["claims", "--format", "csv"]);
    assert!(csv.starts_with("id,text,reports,independent_sources,origins,flags"));
    assert_eq!(csv.lines().count(), 3);
    // In a pipe the default is jsonl.
    assert_eq!(db.ok(&["claims"]), jsonl);
    let table = db.ok(&["claims", "--format", "table"]);
    assert!(
        table.contains("sources") && table.contains("support"),
        "{table}"
    );
    assert!(
        table.contains(&ClaimId::of_text(PALMYRA).to_hex()[..12]),
        "{table}"
    );
}

#[test]
fn show_by_prefix_with_chains() {
    let db = TestDb::new();
    db.import(&sample());
    let id = ClaimId::of_text(PALMYRA).to_hex();
    let text = db.ok(&["show", &id[..6], "--format", "table"]);
    assert!(text.contains(&id), "{text}");
    assert!(
        text.contains("Blog via Arutz Sheva via Associated Press via Osama al-Khatib"),
        "{text}"
    );
    assert!(text.contains("\"AP\" = Associated Press"), "{text}");
    let v: Value = serde_json::from_str(&db.ok(&["show", &id, "--format", "json"])).unwrap();
    assert_schema("claim-detail.schema.json", &v);
    assert_eq!(v["chains"].as_array().unwrap().len(), 2);
    assert_eq!(v["id"], id);
}

#[test]
fn show_errors() {
    let db = TestDb::new();
    db.import(&sample());
    assert!(db.fails(&["show", "abc"], 2).contains("at least 4"));
    assert!(db.fails(&["show", "zzzz"], 2).contains("at least 4"));
    assert!(db.fails(&["show", "0000000"], 2).contains("no claim"));
}

#[test]
fn an_ambiguous_prefix_lists_the_candidates() {
    // Find two claim texts whose ids share their first 4 hex digits.
    let mut seen = std::collections::HashMap::new();
    let (a, b) = (0..100_000)
        .find_map(|i| {
            let t = format!("Claim number {i}");
            let p = ClaimId::of_text(&t).to_hex()[..4].to_string();
            seen.insert(p, t.clone()).map(|other| (other, t))
        })
        .expect("a collision among 100k ids");
    let db = TestDb::new();
    db.import(&[report(&a, "X"), report(&b, "Y")].join("\n"));
    let prefix = &ClaimId::of_text(&a).to_hex()[..4];
    let err = db.fails(&["show", prefix], 2);
    assert!(err.contains("ambiguous"), "{err}");
    assert!(err.contains(&ClaimId::of_text(&a).to_hex()), "{err}");
    assert!(err.contains(&ClaimId::of_text(&b).to_hex()), "{err}");
}

#[test]
fn sources_listing() {
    let db = TestDb::new();
    db.import(&sample());
    let v: Value = serde_json::from_str(&db.ok(&["sources", "--format", "json"])).unwrap();
    let rows = v.as_array().unwrap();
    for r in rows {
        assert_schema("source.schema.json", r);
    }
    let ap = rows
        .iter()
        .find(|r| r["name"] == "Associated Press")
        .unwrap();
    assert_eq!(ap["aliases"], serde_json::json!(["AP"]));
    assert_eq!(ap["kind"], "wire_agency");
    assert_eq!(ap["claims"], 1);
    let blog = rows.iter().find(|r| r["name"] == "Blog").unwrap();
    assert_eq!(blog["claims"], 2);
    // Anonymous hops are not sources.
    assert!(!rows.iter().any(|r| r["name"] == "Syrian activists"));
}

#[test]
fn domains_resolve_to_sources() {
    let db = TestDb::new();
    db.import(
        &[
            r#"{"type":"source","name":"CNN","homepage":"https://www.cnn.com"}"#.to_string(),
            report("A", "edition.cnn.com via AP"),
            report("B", "https://www.cnn.com/2016/12/10/x via AP"),
            report("C", "cnn.com.de via AP"),
        ]
        .join("\n"),
    );
    let v: Value = serde_json::from_str(&db.ok(&["sources", "--format", "json"])).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"CNN"));
    assert!(names.contains(&"cnn.com.de"), "{names:?}");
    let cnn = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "CNN")
        .unwrap();
    assert_eq!(cnn["claims"], 2);
}

#[test]
fn source_commands() {
    let db = TestDb::new();
    db.import(&[report("R", "Blog via RT"), report("R", "Site via Sputnik")].join("\n"));
    let id = ClaimId::of_text("R").to_hex();
    let before = db.claims(&[]);
    assert_eq!(before[0]["independent_sources"], 2);
    db.ok(&["source", "affiliate", "RT", "state-controlled:Russia"]);
    db.ok(&["source", "affiliate", "Sputnik", "state-controlled:Russia"]);
    db.ok(&[
        "source",
        "set",
        "Sputnik",
        "--kind",
        "wire_agency",
        "--rating",
        "0.2",
    ]);
    assert!(db
        .fails(&["source", "set", "X", "--rating", "2"], 2)
        .contains("outside"));
    assert!(db
        .fails(&["source", "set", "X", "--kind", "blog"], 2)
        .contains("unknown source kind"));
    assert!(db
        .fails(&["source", "affiliate", "Nobody", "x"], 2)
        .contains("no source"));
    // An alias that names an existing source merges it (both have reports: --yes).
    let out = db.ok(&["source", "alias", "RT", "Sputnik", "--yes"]);
    assert!(out.contains("merged"), "{out}");
    let after = db.claims(&[]);
    assert_eq!(after[0]["id"], id);
    assert_eq!(after[0]["independent_sources"], 1);
    assert!(db
        .fails(&["source", "merge", "RT", "Sputnik"], 2)
        .contains("already the same"));
    assert!(db.ok(&["verify"]).contains("ok"));
}

#[test]
fn verdicts_are_recorded_and_shown() {
    let db = TestDb::new();
    db.import(&sample());
    let id = ClaimId::of_text(PALMYRA).to_hex();
    db.ok(&[
        "verdict",
        &id[..8],
        "false",
        "--by",
        "Desk",
        "--note",
        "checked",
    ]);
    assert!(db
        .fails(&["verdict", &id[..8], "maybe"], 2)
        .contains("unknown verdict"));
    let v: Value = serde_json::from_str(&db.ok(&["show", &id, "--format", "json"])).unwrap();
    assert_eq!(v["verdicts"][0]["verdict"], "false");
    assert_eq!(v["verdicts"][0]["by"], "Desk");
}

#[test]
fn log_shows_the_audit_trail() {
    let db = TestDb::new();
    db.import(&sample());
    db.ok(&["add", "Another claim.", "--chain", "Blog via AP"]);
    let v: Value = serde_json::from_str(&db.ok(&["log", "--format", "json"])).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows[0]["what"]
        .as_str()
        .unwrap()
        .contains("import -: 4 records"));
    assert!(rows[1]["what"]
        .as_str()
        .unwrap()
        .starts_with("add: 1 records"));
    let id = ClaimId::of_text(PALMYRA).to_hex();
    let v: Value =
        serde_json::from_str(&db.ok(&["log", "--claim", &id[..10], "--format", "json"])).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert!(
        rows[0]["what"]
            .as_str()
            .unwrap()
            .contains("via ~Syrian activists")
            || rows[1]["what"]
                .as_str()
                .unwrap()
                .contains("via ~Syrian activists")
    );
    assert!(rows.iter().all(|r| r["time"].as_str().is_some()));
}

#[test]
fn demo_runs_without_a_database() {
    let mut c = assert_cmd::Command::cargo_bin("corroborate").unwrap();
    let out = c.arg("demo").env("NO_COLOR", "1").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Palmyra"), "{text}");
    assert!(text.contains("independent source"), "{text}");
}

#[test]
fn usage_errors_exit_2_and_help_teaches() {
    let db = TestDb::new();
    db.fails(&["frobnicate"], 2);
    db.fails(&["claims", "--min-sources", "many"], 2);
    let help = db.ok(&["--help"]);
    assert!(help.contains("Examples:"), "{help}");
    assert!(help.contains("Exit codes"), "{help}");
    let add_help = db.ok(&["add", "--help"]);
    assert!(add_help.contains("anonymous"), "{add_help}");
}

#[test]
fn not_a_database_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thesis.docx"), "precious").unwrap();
    let out = assert_cmd::Command::cargo_bin("corroborate")
        .unwrap()
        .arg("--db")
        .arg(dir.path())
        .arg("claims")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a corroborate database"));
    assert!(dir.path().join("thesis.docx").exists());
}

#[test]
fn broken_pipe_exits_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let db = TestDb::new();
    let lines: Vec<String> = (0..3000)
        .map(|i| report(&format!("Claim {i}"), "A via B"))
        .collect();
    db.import(&lines.join("\n"));
    // Every format of a listing, a detail and an export: reading ten bytes and closing
    // the pipe is what `| head -c 10` does.
    let runs: Vec<Vec<&str>> = vec![
        vec!["claims", "--format", "jsonl"],
        vec!["claims", "--format", "json"],
        vec!["claims", "--format", "csv"],
        vec!["claims", "--format", "table"],
        vec!["sources", "--format", "json"],
        vec!["log", "--format", "csv"],
        vec!["export", "--format", "jsonl"],
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "prov"],
    ];
    for args in runs {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("corroborate"))
            .arg("--db")
            .arg(db.path())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_format_before_the_subcommand_is_honoured_or_refused() {
    let db = TestDb::new();
    db.import(&sample());
    // Before `export`: csv and jsonl are export formats too, and are honoured.
    let csv = db.ok(&["--format", "csv", "export"]);
    assert!(csv.starts_with("id,"), "{csv}");
    assert_eq!(csv, db.ok(&["export", "--format", "csv"]));
    let jsonl = db.ok(&["--format", "jsonl", "export"]);
    assert_eq!(jsonl, db.ok(&["export"]));
    // Listing formats that are not export formats, and two different formats, are
    // refused with advice (exit 2), never ignored.
    let err = db.fails(&["--format", "json", "export"], 2);
    assert!(err.contains("after `export`"), "{err}");
    let err = db.fails(&["--format", "csv", "export", "--format", "jsonl"], 2);
    assert!(err.contains("two formats"), "{err}");
    // Before any other command, the global flags apply as if written after it.
    assert_eq!(
        db.ok(&["--format", "json", "claims"]),
        db.ok(&["claims", "--format", "json"])
    );
    assert_eq!(
        db.ok(&["--wait", "1", "claims", "--format", "csv"]),
        db.ok(&["claims", "--format", "csv", "--wait", "1"])
    );
}

#[test]
fn a_second_sighting_is_kept_and_a_reimport_adds_nothing() {
    let db = TestDb::new();
    let first = r#"{"type":"report","claim":"The dam was opened.","chain":"Blog via AP","url":"https://blog.example/1","published":"2024-01-02"}"#;
    db.import(first);
    // The same claim and chain at another URL, and on another date: two more sightings.
    let other_url = first.replace("/1", "/2");
    let other_date = first.replace("2024-01-02", "2024-01-03");
    let out = db.import(&format!("{other_url}\n{other_date}"));
    assert!(out.contains("reports 2 new, 0 duplicate"), "{out}");
    let c = &db.claims(&[])[0];
    assert_eq!(c["reports"], 3);
    let id = c["id"].as_str().unwrap().to_string();
    let shown = db.ok(&["show", &id]);
    assert!(
        shown.contains("blog.example/2") || shown.contains("2024-01-03"),
        "{shown}"
    );
    // Importing everything again writes nothing to the ledger.
    let ledger = db.path().join("ledger.log");
    let size = std::fs::metadata(&ledger).unwrap().len();
    let again = db.import(&format!("{first}\n{other_url}\n{other_date}"));
    assert!(again.contains("reports 0 new, 3 duplicate"), "{again}");
    assert_eq!(std::fs::metadata(&ledger).unwrap().len(), size);
    assert!(db.ok(&["verify"]).contains("ok"));
}
