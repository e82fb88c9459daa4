//! Every registry change can be undone, as a ledger record: `source unalias`,
//! `unmerge`, `unaffiliate`, `retract report|verdict`; joins of two sources that both
//! have reports need `--yes`; `source show` tells where names come from and what a
//! source relays. Each test drives the real binary on a fresh database.

mod common;

use common::{assert_schema, report, TestDb};
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

/// The independent-source count of each claim, by text.
fn counts(db: &TestDb) -> Vec<(String, u64, u64)> {
    let mut out: Vec<(String, u64, u64)> = db
        .claims(&[])
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap().to_string(),
                c["reports"].as_u64().unwrap(),
                c["independent_sources"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Claims a source appears in, per `sources`.
fn source_claims(db: &TestDb, name: &str) -> Option<u64> {
    let v = json(&db.ok(&["sources", "--format", "json"]));
    v.as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .map(|s| s["claims"].as_u64().unwrap())
}

fn newsroom() -> TestDb {
    let db = TestDb::new();
    db.import(
        &[
            report("The dam broke.", "Coast Herald via ~an engineer"),
            report("The dam broke.", "Inland Post via ~a witness"),
            report("The road is shut.", "Inland Post"),
            report("The road is shut.", "Coast Herald"),
            report("Rain is coming.", "Inland Post via Wire One"),
        ]
        .join("\n"),
    );
    db
}

fn verify_ok(db: &TestDb) {
    let out = db.ok(&["verify"]);
    assert!(out.trim_end().ends_with("ok"), "{out}");
}

/// What `claims`, `sources` and every `source show` say, for comparing two stores.
fn answers(db: &TestDb) -> (String, String) {
    (
        db.ok(&["claims", "--format", "json"]),
        db.ok(&["sources", "--format", "json"]),
    )
}

#[test]
fn an_alias_typo_undone_by_unalias_restores_both_sources() {
    let db = newsroom();
    let before = counts(&db);
    assert_eq!(
        before,
        [
            ("Rain is coming.".to_string(), 1, 1),
            ("The dam broke.".to_string(), 2, 2),
            ("The road is shut.".to_string(), 2, 2),
        ]
    );
    // The typo: both have reports, so it needs --yes.
    db.ok(&["source", "alias", "Coast Herald", "Inland Post", "--yes"]);
    assert_eq!(
        counts(&db),
        [
            ("Rain is coming.".to_string(), 1, 1),
            ("The dam broke.".to_string(), 2, 1),
            // The two reports became identical ("Coast Herald") and collapsed into one.
            ("The road is shut.".to_string(), 1, 1),
        ]
    );
    // A report recorded through the alias while it was one.
    db.ok(&["add", "The bridge held.", "--chain", "Inland Post via AP"]);
    assert_eq!(source_claims(&db, "Coast Herald"), Some(4));
    let out = db.ok(&["source", "unalias", "Coast Herald", "Inland Post"]);
    assert!(out.contains("no longer an alias"), "{out}");
    let mut want = before.clone();
    want.push(("The bridge held.".to_string(), 1, 1));
    want.sort();
    assert_eq!(counts(&db), want);
    // Each is back with its own claims, the new report included.
    assert_eq!(source_claims(&db, "Coast Herald"), Some(2));
    assert_eq!(source_claims(&db, "Inland Post"), Some(4));
    let fox = json(&db.ok(&["source", "show", "Inland Post", "--format", "json"]));
    assert_eq!(fox["relay_of"].as_array().unwrap().len(), 2, "{fox}");
    verify_ok(&db);
}

#[test]
fn merge_then_unmerge_restores_claims_verifies_and_rebuilds_identically() {
    let db = newsroom();
    db.ok(&[
        "source",
        "set",
        "Coast Herald",
        "--rating",
        "0.8",
        "--affiliation",
        "network:A",
    ]);
    db.ok(&[
        "source",
        "set",
        "Inland Post",
        "--alias",
        "Inland",
        "--affiliation",
        "network:A",
        "--affiliation",
        "network:B",
        "--homepage",
        "https://www.inlandpost.example",
    ]);
    let before = answers(&db);
    db.ok(&["source", "merge", "Coast Herald", "Inland Post", "--yes"]);
    let merged = json(&db.ok(&["source", "show", "Coast Herald", "--format", "json"]));
    assert_eq!(
        merged["aliases"],
        serde_json::json!(["Inland Post", "Inland"])
    );
    assert_eq!(
        merged["affiliations"],
        serde_json::json!(["network:A", "network:B"])
    );
    assert_eq!(merged["homepage"], "https://www.inlandpost.example/");
    verify_ok(&db);
    let out = db.ok(&["source", "unmerge", "Coast Herald", "Inland Post"]);
    assert!(out.contains("own again"), "{out}");
    // Exactly what the merge gave Coast Herald goes back: the shared label stays, its own
    // rating stays, Inland Post's names, label and homepage leave.
    assert_eq!(answers(&db), before);
    let cnn = json(&db.ok(&["source", "show", "Coast Herald", "--format", "json"]));
    assert_eq!(cnn["aliases"], serde_json::json!([]));
    assert_eq!(cnn["affiliations"], serde_json::json!(["network:A"]));
    assert_eq!(cnn["homepage"], Value::Null);
    assert_eq!(cnn["rating"], 0.8);
    verify_ok(&db);
    db.ok(&["rebuild"]);
    assert_eq!(answers(&db), before);
    verify_ok(&db);
    // Unmerging what is not merged changes nothing and says why.
    let err = db.fails(&["source", "unmerge", "Coast Herald", "Inland Post"], 2);
    assert!(err.contains("was not merged into"), "{err}");
    let err = db.fails(&["source", "unmerge", "Coast Herald", "Nobody"], 2);
    assert!(err.contains("no source is known"), "{err}");
}

#[test]
fn unaffiliate_splits_a_group_again() {
    let db = TestDb::new();
    db.import(
        &[
            report("Troops moved.", "RT"),
            report("Troops moved.", "Sputnik"),
        ]
        .join("\n"),
    );
    db.ok(&["source", "affiliate", "RT", "state-controlled:Russia"]);
    db.ok(&["source", "affiliate", "Sputnik", "state-controlled:Russia"]);
    assert_eq!(counts(&db), [("Troops moved.".to_string(), 2, 1)]);
    db.ok(&[
        "source",
        "unaffiliate",
        "Sputnik",
        "state-controlled:Russia",
    ]);
    assert_eq!(counts(&db), [("Troops moved.".to_string(), 2, 2)]);
    let err = db.fails(
        &[
            "source",
            "unaffiliate",
            "Sputnik",
            "state-controlled:Russia",
        ],
        2,
    );
    assert!(err.contains("is not affiliated with"), "{err}");
    verify_ok(&db);
}

#[test]
fn retracting_a_report_and_a_verdict_shows_in_claims_and_log() {
    let db = newsroom();
    let claim = db
        .claims(&[])
        .into_iter()
        .find(|c| c["text"] == "The road is shut.")
        .unwrap();
    let id = claim["id"].as_str().unwrap().to_string();
    db.ok(&["verdict", &id[..8], "false", "--by", "Desk"]);
    let show = json(&db.ok(&["show", &id, "--format", "json"]));
    assert_schema("claim-detail.schema.json", &show);
    let entry = show["verdicts"][0]["entry"].as_u64().unwrap().to_string();
    let fox_report = show["chains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["chain"] == "Inland Post")
        .unwrap()["report"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&[
        "retract",
        "report",
        &id[..8],
        &fox_report[..10],
        "--reason",
        "misattributed",
    ]);
    db.ok(&["retract", "verdict", &id[..8], &entry]);
    let show = json(&db.ok(&["show", &id, "--format", "json"]));
    assert_eq!(show["reports"], 1);
    assert_eq!(show["independent_sources"], 1);
    assert_eq!(show["verdicts"], serde_json::json!([]));
    // The same retraction twice is refused, changing nothing.
    let err = db.fails(&["retract", "verdict", &id[..8], &entry], 2);
    assert!(err.contains("no verdict at entry"), "{err}");
    // The last report of a claim cannot be retracted.
    let last = show["chains"][0]["report"].as_str().unwrap().to_string();
    let err = db.fails(&["retract", "report", &id[..8], &last], 2);
    assert!(err.contains("only report"), "{err}");
    // The history stays and says who did what.
    let log = json(
        &db.cmd()
            .env("CORROBORATE_USER", "maria")
            .args(["log", "--format", "json"])
            .output()
            .map(|o| String::from_utf8(o.stdout).unwrap())
            .unwrap(),
    );
    let whats: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["what"].as_str().unwrap())
        .collect();
    assert!(
        whats.iter().any(|w| w.starts_with("retract report")),
        "{whats:?}"
    );
    assert!(
        whats.iter().any(|w| w.starts_with("retract verdict")),
        "{whats:?}"
    );
    let per_claim = db.ok(&["log", "--claim", &id[..8], "--format", "json"]);
    assert!(per_claim.contains("misattributed"), "{per_claim}");
    assert!(per_claim.contains("retraction of verdict"), "{per_claim}");
    verify_ok(&db);
}

#[test]
fn the_audit_label_names_the_command_its_arguments_and_who_ran_it() {
    let db = newsroom();
    let run = |args: &[&str]| {
        let out = db
            .cmd()
            .env("CORROBORATE_USER", "maria")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
    };
    run(&["source", "alias", "Coast Herald", "Inland Post", "--yes"]);
    run(&["source", "unalias", "Coast Herald", "Inland Post"]);
    let log = json(&db.ok(&["log", "--format", "json"]));
    let whats: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["what"].as_str().unwrap())
        .collect();
    assert!(whats
        .contains(&"source alias \"Coast Herald\" \"Inland Post\" by maria: 1 records (1 merge)"));
    assert!(
        whats.contains(
            &"source unalias \"Coast Herald\" \"Inland Post\" by maria: 1 records (1 unmerge)"
        ),
        "{whats:?}"
    );
}

#[test]
fn joining_two_sources_with_reports_needs_yes() {
    let db = newsroom();
    let before = answers(&db);
    let log_len = db.ok(&["log", "--format", "jsonl"]).lines().count();
    // No terminal, no --yes: the plan is printed, nothing changes, exit 2.
    let out = db
        .cmd()
        .args(["source", "alias", "Coast Herald", "Inland Post"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "would merge \"Inland Post\" (3 reports in 3 claims) into \"Coast Herald\" (2 reports in 2 claims)"
        ),
        "{stdout}"
    );
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("nothing changed"));
    let err = db.fails(&["source", "merge", "Coast Herald", "Inland Post"], 2);
    assert!(err.contains("--yes"), "{err}");
    // --dry-run: the same plan, exit 0, nothing changes.
    let dry = db.ok(&[
        "source",
        "merge",
        "Coast Herald",
        "Inland Post",
        "--dry-run",
    ]);
    assert!(dry.contains("would merge"), "{dry}");
    assert!(dry.contains("nothing changed (dry run)"), "{dry}");
    assert_eq!(answers(&db), before);
    assert_eq!(
        db.ok(&["log", "--format", "jsonl"]).lines().count(),
        log_len
    );
    // A source without reports joins without asking.
    db.ok(&["source", "set", "Coast Herald Daily"]);
    db.ok(&["source", "alias", "Coast Herald", "Coast Herald Daily"]);
    // --yes and --dry-run together are a usage error.
    db.fails(
        &[
            "source",
            "merge",
            "Coast Herald",
            "Inland Post",
            "--yes",
            "--dry-run",
        ],
        2,
    );
}

#[test]
fn alias_and_affiliate_on_unknown_names() {
    let db = TestDb::new();
    // A typo must not create a source: the error gives the command that does.
    let err = db.fails(&["source", "affiliate", "RT", "state-controlled:Russia"], 2);
    assert!(
        err.contains("corroborate source set \"RT\" --affiliation \"state-controlled:Russia\""),
        "{err}"
    );
    let err = db.fails(&["source", "alias", "Associated Press", "AP"], 2);
    assert!(
        err.contains("corroborate source set \"Associated Press\" --alias \"AP\""),
        "{err}"
    );
    assert_eq!(db.ok(&["sources", "--format", "json"]).trim(), "[]");
    // Following the advice works.
    db.ok(&[
        "source",
        "set",
        "RT",
        "--affiliation",
        "state-controlled:Russia",
    ]);
    db.ok(&["source", "set", "Associated Press", "--alias", "AP"]);
    // A known alias and an unknown name: most likely swapped; nothing changes.
    let err = db.fails(&["source", "alias", "Agence France-Presse", "AP"], 2);
    assert!(
        err.contains("corroborate source alias \"Associated Press\" \"Agence France-Presse\""),
        "{err}"
    );
    let v = json(&db.ok(&["sources", "--format", "json"]));
    assert_eq!(v.as_array().unwrap().len(), 2);
    // Removing an alias the source does not have says what it has.
    let err = db.fails(&["source", "unalias", "Associated Press", "APF"], 2);
    assert!(err.contains("its aliases: AP"), "{err}");
}

#[test]
fn source_show_has_relays_alias_origins_and_credibility_history() {
    let db = TestDb::new();
    db.import(
        &[
            report("Shelling hit the port.", "Daily via GW via ~an official"),
            report("The port reopened.", "GW via Delta Agency"),
            report("Ships left.", "Daily via GW"),
        ]
        .join("\n"),
    );
    db.ok(&["source", "alias", "GW", "Gulf Wire Service"]);
    db.ok(&["source", "set", "Delta Agency"]);
    db.ok(&["source", "set", "GW News"]);
    db.ok(&["source", "merge", "GW", "GW News"]);
    db.ok(&["source", "affiliate", "GW", "coop:US"]);
    let claims = db.claims(&[]);
    let id_of = |text: &str| {
        claims.iter().find(|c| c["text"] == text).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    db.ok(&["verdict", &id_of("Ships left.")[..8], "true"]);
    db.ok(&[
        "verdict",
        &id_of("Shelling hit the port.")[..8],
        "false",
        "--by",
        "Desk",
    ]);
    let v = json(&db.ok(&["source", "show", "Gulf Wire Service", "--format", "json"]));
    assert_schema("source-detail.schema.json", &v);
    assert_eq!(v["name"], "GW");
    // Originated: its own claim, and the one whose last hop is its anonymous source.
    let ids = |k: &str| -> Vec<String> {
        let mut x: Vec<String> = v[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["text"].as_str().unwrap().to_string())
            .collect();
        x.sort();
        x
    };
    assert_eq!(ids("origin_of"), ["Shelling hit the port.", "Ships left."]);
    assert_eq!(ids("relay_of"), ["The port reopened."]);
    // Where each alias came from.
    let origins = v["alias_origins"].as_array().unwrap();
    assert_eq!(origins.len(), 2, "{v}");
    assert_eq!(origins[0]["value"], "Gulf Wire Service");
    assert!(origins[0]["command"]
        .as_str()
        .unwrap()
        .starts_with("source alias \"GW\" \"Gulf Wire Service\""));
    assert_eq!(origins[1]["value"], "GW News");
    assert_eq!(origins[1]["how"], "merge of \"GW News\" into \"GW\"");
    assert_eq!(v["affiliation_origins"][0]["value"], "coop:US");
    // Credibility history: unrated prior Beta(1, 1); a true → Beta(2, 1), mean 2/3;
    // then a false → Beta(2, 2), mean 1/2.
    let h = v["credibility_history"].as_array().unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["verdict"], "true");
    assert!((h[0]["mean"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(h[1]["verdict"], "false");
    assert_eq!(h[1]["by"], "Desk");
    assert!((h[1]["mean"].as_f64().unwrap() - 0.5).abs() < 1e-12);
    assert_eq!(h[1]["mean"], v["credibility"]["mean"]);
    let reuters = json(&db.ok(&["source", "show", "Delta Agency", "--format", "json"]));
    assert_schema("source-detail.schema.json", &reuters);
    assert_eq!(reuters["origin_of"].as_array().unwrap().len(), 1);
    assert_eq!(reuters["relay_of"], serde_json::json!([]));
    let text = db.ok(&["source", "show", "GW", "--format", "table"]);
    assert!(text.contains("relays 1 claim(s)"), "{text}");
    assert!(text.contains("credibility history"), "{text}");
    verify_ok(&db);
}
