//! A ledger written by corroborate 0.1 (entry version 1, committed under
//! `tests/data/ledger-v1/`) must always read, with the same answers: the ledger is
//! the record of truth, and what an old record means cannot change with the program.

mod common;

use std::path::PathBuf;

use common::TestDb;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ledger-v1")
        .join(name)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

fn expected(name: &str) -> Value {
    json(&std::fs::read_to_string(fixture(name)).expect("the committed fixture"))
}

/// The fields of each object that the ledger decides (not formulas that may evolve).
fn pick(v: &Value, fields: &[&str]) -> Vec<Vec<Value>> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|o| fields.iter().map(|f| o[f].clone()).collect())
        .collect()
}

fn old_db() -> TestDb {
    let db = TestDb::new();
    std::fs::create_dir_all(db.path()).unwrap();
    std::fs::copy(fixture("ledger.log"), db.path().join("ledger.log")).unwrap();
    db
}

#[test]
fn claims_read_from_a_version_1_ledger_are_unchanged() {
    let db = old_db();
    let fields = [
        "id",
        "text",
        "reports",
        "independent_sources",
        "origin_names",
        "common_relays",
        "single_source",
        "anonymous_only",
        "unsourced",
        "circular",
        "cycles",
    ];
    let got = json(&db.ok(&["claims", "--format", "json"]));
    assert_eq!(pick(&got, &fields), pick(&expected("claims.json"), &fields));
}

#[test]
fn sources_kinds_and_verdicts_read_from_a_version_1_ledger_are_unchanged() {
    let db = old_db();
    let fields = [
        "name",
        "aliases",
        "kind",
        "homepage",
        "affiliations",
        "rating",
        "claims",
    ];
    let got = json(&db.ok(&["sources", "--format", "json"]));
    assert_eq!(
        pick(&got, &fields),
        pick(&expected("sources.json"), &fields)
    );
    // The backup holds every verdict (all four values) and every kind as 0.1 wrote them.
    let backup = db.ok(&["export", "--format", "jsonl"]);
    let want = std::fs::read_to_string(fixture("export.jsonl")).unwrap();
    assert_eq!(backup, want);
    for v in ["true", "false", "mixed", "unproven"] {
        assert!(backup.contains(&format!("\"verdict\":\"{v}\"")), "{v}");
    }
}

#[test]
fn the_audit_trail_of_a_version_1_ledger_is_unchanged_and_verifies() {
    let db = old_db();
    let fields = ["entry", "kind", "what"];
    let got = json(&db.ok(&["log", "--format", "json"]));
    assert_eq!(pick(&got, &fields), pick(&expected("log.json"), &fields));
    assert!(db.ok(&["verify"]).contains("ok"));
    // New entries (version 2) follow the old ones in the same chain.
    db.ok(&["add", "A new claim.", "--chain", "Bay Blog via NW"]);
    assert!(db.ok(&["verify"]).contains("ok"));
}
