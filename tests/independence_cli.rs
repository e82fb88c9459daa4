//! The independence cases of the definition, end to end through the binary: import
//! chains, read `claims --format json` and `show`, change the registry after the fact
//! and see every affected count change at once.

mod common;

use common::{report, TestDb};
use corroborate::claim::ClaimId;
use serde_json::Value;

/// Import `chains` for one claim (plus `setup` records) and return its JSON summary.
fn count(setup: &[&str], chains: &[&str]) -> Value {
    let db = TestDb::new();
    let mut lines: Vec<String> = setup.iter().map(|s| s.to_string()).collect();
    lines.extend(chains.iter().map(|c| report("The claim under test.", c)));
    db.import(&lines.join("\n"));
    let claims = db.claims(&[]);
    assert_eq!(claims.len(), 1);
    claims[0].clone()
}

const RT: &str = r#"{"type":"source","name":"RT","affiliations":["state-controlled:Russia"]}"#;
const SPUTNIK: &str =
    r#"{"type":"source","name":"Sputnik","affiliations":["state-controlled:Russia"]}"#;
const AP: &str = r#"{"type":"source","name":"Associated Press","aliases":["AP"]}"#;

#[test]
fn the_definitions_cases() {
    // (setup, chains, independent sources, circular, anonymous_only), by hand.
    type Case<'a> = (&'a [&'a str], &'a [&'a str], u64, bool, bool);
    let cases: Vec<Case> = vec![
        (
            &[],
            &["CNN via AP", "BBC via AP", "Fox via AP"],
            1,
            false,
            false,
        ),
        (
            &[],
            &[
                "Blog via Arutz Sheva via AP via Osama al-Khatib",
                "Blog via Washington Post via ~Syrian activists",
            ],
            2,
            false,
            false,
        ),
        (
            &[AP],
            &["CNN via AP", "BBC via Associated Press"],
            1,
            false,
            false,
        ),
        (
            &[RT, SPUTNIK],
            &["Blog via RT", "Site via Sputnik"],
            1,
            false,
            false,
        ),
        (
            &[],
            &["Blog via AP", "AP via Khatib", "CNN via Khatib"],
            1,
            false,
            false,
        ),
        (&[], &["A via B", "B via A"], 0, true, false),
        (
            &[],
            &["WaPo via ~an official", "NYT via ~a senior aide"],
            2,
            false,
            true,
        ),
        (
            &[RT, SPUTNIK],
            &["RT via ~an official", "Sputnik via ~a source"],
            1,
            false,
            true,
        ),
        (&[], &["Washington Post"], 1, false, false),
        (
            &[],
            &["WaPo via ~an official", "WaPo via AP"],
            2,
            false,
            false,
        ),
        (
            &[],
            &["NYT via WaPo", "WaPo via ~an official"],
            1,
            false,
            true,
        ),
        (&[], &["A via A"], 1, false, false),
    ];
    for (setup, chains, want, circular, anon) in cases {
        let c = count(setup, chains);
        assert_eq!(c["independent_sources"], want, "{chains:?}: {c}");
        assert_eq!(c["circular"], circular, "{chains:?}: {c}");
        assert_eq!(c["anonymous_only"], anon, "{chains:?}: {c}");
        assert_eq!(c["single_source"], want == 1, "{chains:?}");
        assert_eq!(c["unsourced"], want == 0, "{chains:?}");
        common::assert_schema("claim.schema.json", &c);
    }
}

#[test]
fn origins_relays_and_cycles_are_named() {
    // AP is the built-in table's Associated Press.
    let c = count(&[], &["Blog via AP via Khatib", "Site via AP via Reuters"]);
    assert_eq!(c["common_relays"], serde_json::json!(["Associated Press"]));
    assert_eq!(c["origin_names"], serde_json::json!(["Khatib", "Reuters"]));
    let c = count(&[], &["A via B", "B via A", "B via C"]);
    assert_eq!(c["independent_sources"], 1);
    assert_eq!(c["circular"], true);
    assert_eq!(c["cycles"], serde_json::json!([["A", "B"]]));
    let c = count(&[RT, SPUTNIK], &["Blog via RT", "Site via Sputnik"]);
    assert_eq!(c["origins"][0]["label"], "state-controlled:Russia");
    assert_eq!(
        c["origins"][0]["sources"],
        serde_json::json!(["RT", "Sputnik"])
    );
}

#[test]
fn registry_changes_change_every_affected_count_at_once() {
    let db = TestDb::new();
    db.import(
        &[
            report("First.", "CNN via NWA"),
            report("First.", "BBC via Northwind Agency"),
            report("Second.", "Blog via Northwind Agency"),
            report("Second.", "Blog via Eastwind Wire"),
            report("Third.", "Site via RT"),
            report("Third.", "Site via Sputnik"),
            report("Untouched.", "Daily via Herald"),
        ]
        .join("\n"),
    );
    let by_text = |db: &TestDb| -> std::collections::BTreeMap<String, u64> {
        db.claims(&[])
            .iter()
            .map(|c| {
                (
                    c["text"].as_str().unwrap().to_string(),
                    c["independent_sources"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let before = by_text(&db);
    assert_eq!(before["First."], 2);
    assert_eq!(before["Second."], 2);
    assert_eq!(before["Third."], 2);
    // NWA and Northwind Agency were two sources; the alias makes them one.
    db.ok(&["source", "alias", "NWA", "Northwind Agency", "--yes"]);
    let after_alias = by_text(&db);
    assert_eq!(after_alias["First."], 1);
    assert_eq!(after_alias["Second."], 2);
    // A shared affiliation merges RT and Sputnik.
    db.ok(&["source", "affiliate", "RT", "state-controlled:Russia"]);
    assert_eq!(by_text(&db)["Third."], 2);
    db.ok(&["source", "affiliate", "Sputnik", "state-controlled:Russia"]);
    let after = by_text(&db);
    assert_eq!(after["Third."], 1);
    assert_eq!(after["Untouched."], 1);
    // Merge: Eastwind Wire becomes an alias of NWA; "Second." now has one source, and its two
    // reports resolve to the same chain (Blog via NWA), so they are one report now.
    db.ok(&["source", "merge", "NWA", "Eastwind Wire", "--yes"]);
    assert_eq!(by_text(&db)["Second."], 1);
    let second = db
        .claims(&[])
        .into_iter()
        .find(|c| c["text"] == "Second.")
        .unwrap();
    assert_eq!(second["reports"], 1);
    let show = db.ok(&[
        "show",
        &ClaimId::of_text("Second.").to_hex()[..8],
        "--format",
        "table",
    ]);
    assert!(show.contains("\"Northwind Agency\" = NWA"), "{show}");
    // The store still agrees with the ledger after all of it, and a rebuild gives the
    // same answers.
    assert!(db.ok(&["verify"]).contains("ok"));
    let answers = db.ok(&["claims", "--format", "jsonl"]);
    db.ok(&["rebuild"]);
    assert_eq!(db.ok(&["claims", "--format", "jsonl"]), answers);
}

#[test]
fn show_explains_the_count() {
    let db = TestDb::new();
    db.import(
        &[
            report("Echoed.", "CNN via AP"),
            report("Echoed.", "BBC via AP"),
            report("Echoed.", "Fox via AP"),
        ]
        .join("\n"),
    );
    let id = ClaimId::of_text("Echoed.").to_hex();
    let text = db.ok(&["show", &id[..8], "--format", "table"]);
    assert!(text.contains("3 reports, 1 independent source"), "{text}");
    assert!(
        text.contains("all three trace to Associated Press"),
        "{text}"
    );
    assert!(text.contains("Associated Press [origin]"), "{text}");
    let v: Value = serde_json::from_str(&db.ok(&["show", &id, "--format", "json"])).unwrap();
    assert!(v["explanation"][0]
        .as_str()
        .unwrap()
        .contains("all three trace to Associated Press"));
}

#[test]
fn filters_and_echo_sort() {
    let db = TestDb::new();
    db.import(
        &[
            report("Echoed.", "CNN via AP"),
            report("Echoed.", "BBC via AP"),
            report("Echoed.", "Fox via AP"),
            report("Two.", "CNN via AP"),
            report("Two.", "CNN via Reuters"),
            report("Loop.", "A via B"),
            report("Loop.", "B via A"),
            report("Whisper.", "WaPo via ~an aide"),
        ]
        .join("\n"),
    );
    let texts = |args: &[&str]| -> Vec<String> {
        db.claims(args)
            .iter()
            .map(|c| c["text"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(texts(&["--circular"]), vec!["Loop."]);
    assert_eq!(texts(&["--unsourced"]), vec!["Loop."]);
    assert_eq!(texts(&["--anonymous-only"]), vec!["Whisper."]);
    assert_eq!(texts(&["--min-sources", "2"]), vec!["Two."]);
    let mut single = texts(&["--single-source"]);
    single.sort();
    assert_eq!(single, vec!["Echoed.", "Whisper."]);
    assert_eq!(texts(&["--sort", "echo"])[0], "Echoed.");
    assert_eq!(texts(&["--sort", "sources"])[0], "Two.");
    assert_eq!(texts(&["--sort", "reports"])[0], "Echoed.");
}

#[test]
fn ten_thousand_reports_of_one_claim() {
    let db = TestDb::new();
    let lines: Vec<String> = (0..10_000)
        .map(|i| {
            report(
                "Widely repeated.",
                &format!("Outlet {i} via Agency {} via Person {}", i % 50, i % 3),
            )
        })
        .collect();
    let out = db.import(&lines.join("\n"));
    assert!(out.contains("reports 10000 new"), "{out}");
    let c = &db.claims(&[])[0];
    assert_eq!(c["reports"], 10_000);
    assert_eq!(c["independent_sources"], 3);
}

#[test]
fn unicode_and_long_chains() {
    let c = count(
        &[],
        &[
            "Al Jazeera via وكالة الأنباء السورية via ~مصدر عسكري",
            "Ελληνική Ραδιοφωνία via Агентство ТАСС",
        ],
    );
    assert_eq!(c["independent_sources"], 2);
    let hops: Vec<String> = (0..64).map(|i| format!("Hop {i}")).collect();
    let c = count(&[], &[&hops.join(" via ")]);
    assert_eq!(c["independent_sources"], 1);
    assert_eq!(c["origin_names"], serde_json::json!(["Hop 63"]));
}

#[test]
fn labels_held_together_by_a_third_source_merge_origins() {
    // X carries l1, Z carries l2; Y (not in this claim) carries both, so l1 and l2 are
    // one class across the registry and X and Z count once.
    let setup = [
        r#"{"type":"source","name":"X","affiliations":["l1"]}"#,
        r#"{"type":"source","name":"Y","affiliations":["l1","l2"]}"#,
        r#"{"type":"source","name":"Z","affiliations":["l2"]}"#,
    ];
    let c = count(&setup, &["Blog via X", "Site via Z"]);
    assert_eq!(c["independent_sources"], 1, "{c}");
    assert_eq!(c["origins"][0]["label"], "l1 / l2");
    // Without Y the labels are unrelated.
    let c = count(
        &setup[..1]
            .iter()
            .chain(&setup[2..])
            .copied()
            .collect::<Vec<_>>(),
        &["Blog via X", "Site via Z"],
    );
    assert_eq!(c["independent_sources"], 2, "{c}");
}
