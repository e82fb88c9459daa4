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
            report("The dam broke.", "CNN via ~an engineer"),
            report("The dam broke.", "Fox News via ~a witness"),
            report("The road is shut.", "Fox News"),
            report("The road is shut.", "CNN"),
            report("Rain is coming.", "Fox News via Reuters"),
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
    db.ok(&["source", "alias", "CNN", "Fox News", "--yes"]);
    assert_eq!(
        counts(&db),
        [
            ("Rain is coming.".to_string(), 1, 1),
            ("The dam broke.".to_string(), 2, 1),
            // The two reports became identical ("CNN") and collapsed into one.
            ("The road is shut.".to_string(), 1, 1),
        ]
    );
    // A report recorded through the alias while it was one.
    db.ok(&["add", "The bridge held.", "--chain", "Fox News via AP"]);
    assert_eq!(source_claims(&db, "CNN"), Some(4));
    let out = db.ok(&["source", "unalias", "CNN", "Fox News"]);
    assert!(out.contains("no longer an alias"), "{out}");
    let mut want = before.clone();
    want.push(("The bridge held.".to_string(), 1, 1));
    want.sort();
    assert_eq!(counts(&db), want);
    // Each is back with its own claims, the new report included.
    assert_eq!(source_claims(&db, "CNN"), Some(2));
    assert_eq!(source_claims(&db, "Fox News"), Some(4));
    let fox = json(&db.ok(&["source", "show", "Fox News", "--format", "json"]));
    assert_eq!(fox["relay_of"].as_array().unwrap().len(), 2, "{fox}");
    verify_ok(&db);
}

#[test]
fn merge_then_unmerge_restores_claims_verifies_and_rebuilds_identically() {
    let db = newsroom();
    db.ok(&[
        "source",
        "set",
        "CNN",
        "--rating",
        "0.8",
        "--affiliation",
        "network:A",
    ]);
    db.ok(&[
        "source",
        "set",
        "Fox News",
        "--alias",
        "Fox",
        "--affiliation",
        "network:A",
        "--affiliation",
        "network:B",
        "--homepage",
        "https://www.foxnews.com",
    ]);
    let before = answers(&db);
    db.ok(&["source", "merge", "CNN", "Fox News", "--yes"]);
    let merged = json(&db.ok(&["source", "show", "CNN", "--format", "json"]));
    assert_eq!(merged["aliases"], serde_json::json!(["Fox News", "Fox"]));
    assert_eq!(
        merged["affiliations"],
        serde_json::json!(["network:A", "network:B"])
    );
    assert_eq!(merged["homepage"], "https://www.foxnews.com/");
    verify_ok(&db);
    let out = db.ok(&["source", "unmerge", "CNN", "Fox News"]);
    assert!(out.contains("own again"), "{out}");
    // Exactly what the merge gave CNN goes back: the shared label stays, its own
    // rating stays, Fox's names, label and homepage leave.
    assert_eq!(answers(&db), before);
    let cnn = json(&db.ok(&["source", "show", "CNN", "--format", "json"]));
    assert_eq!(cnn["aliases"], serde_json::json!([]));
    assert_eq!(cnn["affiliations"], serde_json::json!(["network:A"]));
    assert_eq!(cnn["homepage"], Value::Null);
    assert_eq!(cnn["rating"], 0.8);
    verify_ok(&db);
    db.ok(&["rebuild"]);
    assert_eq!(answers(&db), before);
    verify_ok(&db);
    // Unmerging what is not merged changes nothing and says why.
    let err = db.fails(&["source", "unmerge", "CNN", "Fox News"], 2);
    assert!(err.contains("was not merged into"), "{err}");
    let err = db.fails(&["source", "unmerge", "CNN", "Nobody"], 2);
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
        .find(|c| c["chain"] == "Fox News")
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
    run(&["source", "alias", "CNN", "Fox News", "--yes"]);
    run(&["source", "unalias", "CNN", "Fox News"]);
    let log = json(&db.ok(&["log", "--format", "json"]));
    let whats: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["what"].as_str().unwrap())
        .collect();
    assert!(whats.contains(&"source alias \"CNN\" \"Fox News\" by maria: 1 records (1 merge)"));
    assert!(
        whats.contains(&"source unalias \"CNN\" \"Fox News\" by maria: 1 records (1 unmerge)"),
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
        .args(["source", "alias", "CNN", "Fox News"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains(
            "would merge \"Fox News\" (3 reports in 3 claims) into \"CNN\" (2 reports in 2 claims)"
        ),
        "{stdout}"
    );
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("nothing changed"));
    let err = db.fails(&["source", "merge", "CNN", "Fox News"], 2);
    assert!(err.contains("--yes"), "{err}");
    // --dry-run: the same plan, exit 0, nothing changes.
    let dry = db.ok(&["source", "merge", "CNN", "Fox News", "--dry-run"]);
    assert!(dry.contains("would merge"), "{dry}");
    assert!(dry.contains("nothing changed (dry run)"), "{dry}");
    assert_eq!(answers(&db), before);
    assert_eq!(
        db.ok(&["log", "--format", "jsonl"]).lines().count(),
        log_len
    );
    // A source without reports joins without asking.
    db.ok(&["source", "set", "Cable News Network"]);
    db.ok(&["source", "alias", "CNN", "Cable News Network"]);
    // --yes and --dry-run together are a usage error.
    db.fails(
        &["source", "merge", "CNN", "Fox News", "--yes", "--dry-run"],
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
            report("Shelling hit the port.", "Daily via AP via ~an official"),
            report("The port reopened.", "AP via Reuters"),
            report("Ships left.", "Daily via AP"),
        ]
        .join("\n"),
    );
    db.ok(&["source", "alias", "AP", "Associated Press"]);
    db.ok(&["source", "set", "Reuters"]);
    db.ok(&["source", "set", "AP News"]);
    db.ok(&["source", "merge", "AP", "AP News"]);
    db.ok(&["source", "affiliate", "AP", "coop:US"]);
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
    let v = json(&db.ok(&["source", "show", "Associated Press", "--format", "json"]));
    assert_schema("source-detail.schema.json", &v);
    assert_eq!(v["name"], "AP");
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
    assert_eq!(origins[0]["value"], "Associated Press");
    assert!(origins[0]["command"]
        .as_str()
        .unwrap()
        .starts_with("source alias \"AP\" \"Associated Press\""));
    assert_eq!(origins[1]["value"], "AP News");
    assert_eq!(origins[1]["how"], "merge of \"AP News\" into \"AP\"");
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
    let reuters = json(&db.ok(&["source", "show", "Reuters", "--format", "json"]));
    assert_schema("source-detail.schema.json", &reuters);
    assert_eq!(reuters["origin_of"].as_array().unwrap().len(), 1);
    assert_eq!(reuters["relay_of"], serde_json::json!([]));
    let text = db.ok(&["source", "show", "AP", "--format", "table"]);
    assert!(text.contains("relays 1 claim(s)"), "{text}");
    assert!(text.contains("credibility history"), "{text}");
    verify_ok(&db);
}
