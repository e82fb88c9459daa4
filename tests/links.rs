//! Claim groups: wordings linked as the same claim are counted as one, a person's
//! "different" is a cannot-link, links are ledger records that survive a backup and a
//! rebuild, and every listing and export works on the group. Each test drives the real
//! binary on a fresh database; expected counts are worked out by hand in the comments.

mod common;

use common::{assert_schema, report, TestDb};
use serde_json::Value;

const WON: &str = "The party won 41 of 90 seats.";
const HOLDS: &str = "The ruling party now holds 41 seats.";
const OTHER: &str = "The party won 44 seats.";

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

/// Three wordings: WON via AP, HOLDS via Reuters (and again via AP), OTHER via an aide.
fn newsroom() -> (TestDb, String, String, String) {
    let db = TestDb::new();
    db.import(
        &[
            report(WON, "Daily News via AP"),
            report(HOLDS, "Evening Post via Reuters"),
            report(HOLDS, "Morning Star via AP"),
            report(OTHER, "Blog via ~an aide"),
        ]
        .join("\n"),
    );
    let id = |t: &str| corroborate::claim::ClaimId::of_text(t).to_hex();
    (db, id(WON), id(HOLDS), id(OTHER))
}

fn row<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no row {id} in {rows:?}"))
}

#[test]
fn a_link_counts_two_wordings_as_one_claim() {
    let (db, won, holds, other) = newsroom();
    // Before: WON has 1 source (AP), HOLDS 2 (Reuters, AP).
    let rows = db.claims(&[]);
    assert_eq!(rows.len(), 3);
    assert_eq!(row(&rows, &won)["independent_sources"], 1);
    assert_eq!(row(&rows, &won)["variants"], 1);
    assert_eq!(row(&rows, &won)["group"], won.as_str());

    let out = db.ok(&["link", &won[..8], &holds[..8]]);
    assert!(out.contains("linked"), "{out}");
    // After: one row for the group, id = WON (recorded first); its 3 reports come from
    // AP (twice) and Reuters: 2 independent sources, no longer single-source.
    let rows = db.claims(&[]);
    assert_eq!(rows.len(), 2);
    let g = row(&rows, &won);
    assert_eq!(g["group"], won.as_str());
    assert_eq!(g["variants"], 2);
    assert_eq!(g["reports"], 3);
    assert_eq!(g["independent_sources"], 2);
    assert_eq!(g["single_source"], false);
    assert_eq!(g["text"], WON);
    for r in &rows {
        assert_schema("claim.schema.json", r);
    }
    assert_eq!(row(&rows, &other)["variants"], 1);

    // --by-text: one row per wording, each naming its group.
    let by_text = db.claims(&["--by-text"]);
    assert_eq!(by_text.len(), 3);
    assert_eq!(row(&by_text, &holds)["group"], won.as_str());
    assert_eq!(row(&by_text, &holds)["reports"], 2);
    assert_eq!(row(&by_text, &holds)["variants"], 2);

    // Filters work on groups: the group is not single-source, OTHER is.
    let single = db.claims(&["--single-source"]);
    assert_eq!(single.len(), 1);
    assert_eq!(single[0]["id"], other.as_str());

    // show, by any wording's prefix, is the group's.
    let d = json(&db.ok(&["show", &holds[..10], "--format", "json"]));
    assert_schema("claim-detail.schema.json", &d);
    assert_eq!(d["id"], won.as_str());
    assert_eq!(d["reports"], 3);
    let wordings = d["wordings"].as_array().unwrap();
    assert_eq!(wordings.len(), 2);
    assert_eq!(wordings[0]["by"], "representative");
    assert_eq!(wordings[1]["id"], holds.as_str());
    assert_eq!(wordings[1]["by"], "person");
    assert!(wordings[1]["why"]
        .as_str()
        .unwrap()
        .contains("confirmed by a person"));
    let chains = d["chains"].as_array().unwrap();
    assert_eq!(
        chains
            .iter()
            .filter(|c| c["claim"] == holds.as_str())
            .count(),
        2
    );
    let table = db.ok(&["show", &won[..10], "--format", "table"]);
    assert!(
        table.contains("wordings (2, counted as one claim)"),
        "{table}"
    );

    // Linking again writes nothing.
    let again = db.ok(&["link", &holds[..8], &won[..8]]);
    assert!(again.contains("already"), "{again}");
}

#[test]
fn different_is_a_cannot_link_and_unlink_undoes() {
    let (db, won, holds, other) = newsroom();
    // Joined through HOLDS: a person's "different" between WON and OTHER is refused,
    // naming the links in the way.
    db.ok(&["link", &won[..8], &holds[..8]]);
    db.ok(&["link", &holds[..8], &other[..8]]);
    let err = db.fails(&["link", "--different", &won[..8], &other[..8]], 2);
    assert!(err.contains("linked them as the same"), "{err}");
    db.ok(&["unlink", &holds[..8], &other[..8]]);
    db.ok(&["link", "--different", &won[..8], &other[..8]]);
    // HOLDS ~ OTHER would now put WON and OTHER in one group: refused, naming the pair
    // and the way out.
    let err = db.fails(&["link", &holds[..8], &other[..8]], 2);
    assert!(err.contains("marked"), "{err}");
    assert!(
        err.contains(&won[..12]) && err.contains(&other[..12]),
        "{err}"
    );
    assert!(err.contains("corroborate unlink"), "{err}");
    // A person may change their mind about one pair: the new link replaces the old.
    db.ok(&["link", "--different", &holds[..8], &won[..8]]);
    assert_eq!(db.claims(&[]).len(), 3);
    db.ok(&["link", &holds[..8], &won[..8]]);
    assert_eq!(db.claims(&[]).len(), 2);

    // Unlink: only a direct link, and the counts are back.
    let err = db.fails(&["unlink", &holds[..8], &other[..8]], 2);
    assert!(err.contains("not linked"), "{err}");
    db.ok(&["unlink", &won[..8], &holds[..8]]);
    let rows = db.claims(&[]);
    assert_eq!(rows.len(), 3);
    assert_eq!(row(&rows, &won)["independent_sources"], 1);

    // The audit trail has every step about WON: 4 links (same, different, different,
    // same) and 1 unlink; verify counts the live links (WON ≠ OTHER).
    let log = db.ok(&["log", "--claim", &won[..8], "--format", "jsonl"]);
    assert_eq!(
        log.lines()
            .filter(|l| l.contains("\"kind\":\"link\""))
            .count(),
        4,
        "{log}"
    );
    assert_eq!(
        log.lines()
            .filter(|l| l.contains("\"kind\":\"unlink\""))
            .count(),
        1
    );
    let v = json(&db.ok(&["verify", "--format", "json"]));
    assert_eq!(v["links"], 1);
    assert_eq!(v["groups"], 0);
    assert!(v["problems"].as_array().unwrap().is_empty());
}

#[test]
fn links_survive_a_backup_and_a_rebuild() {
    let (db, won, holds, other) = newsroom();
    db.ok(&["link", &won[..8], &holds[..8]]);
    db.ok(&["link", "--different", &won[..8], &other[..8]]);
    let before = db.claims(&[]);
    let backup = db.ok(&["export", "--format", "jsonl"]);
    assert_eq!(
        backup
            .lines()
            .filter(|l| l.contains("\"type\":\"link\""))
            .count(),
        2
    );
    for l in backup.lines() {
        assert_schema("record.schema.json", &json(l));
    }

    let copy = TestDb::new();
    copy.import(&backup);
    assert_eq!(copy.claims(&[]), before);

    db.ok(&["rebuild"]);
    assert_eq!(db.claims(&[]), before);
    let v = json(&db.ok(&["verify", "--format", "json"]));
    assert_eq!(v["links"], 2);
    assert_eq!(v["groups"], 1);

    // A selection of one wording exports its whole group and the link between them.
    let part = db.ok(&["export", "--format", "jsonl", "--claim", &holds[..8]]);
    assert_eq!(
        part.lines()
            .filter(|l| l.contains("\"type\":\"report\""))
            .count(),
        3
    );
    assert_eq!(
        part.lines()
            .filter(|l| l.contains("\"type\":\"link\""))
            .count(),
        1
    );
    // CSV: one row per group.
    let csv = db.ok(&["export", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 1 + 2, "{csv}");
}

#[test]
fn verdicts_on_any_wording_judge_the_group() {
    let (db, won, holds, _) = newsroom();
    db.ok(&["link", &won[..8], &holds[..8]]);
    db.ok(&["verdict", &holds[..8], "false", "--by", "Desk"]);
    let d = json(&db.ok(&["show", &won[..8], "--format", "json"]));
    assert_eq!(d["verdicts"].as_array().unwrap().len(), 1);
    // AP and Reuters each originated one judged (false) claim: one group, counted once.
    let ap = json(&db.ok(&["source", "show", "AP", "--format", "json"]));
    assert_eq!(ap["track_record"]["false"], 1, "{ap}");
}

#[test]
fn link_records_are_validated_on_import() {
    let (db, won, holds, _) = newsroom();
    let bad = [
        (
            format!(r#"{{"type":"link","a":"{won}","b":"{won}"}}"#),
            "two different claims",
        ),
        (
            format!(r#"{{"type":"link","a":"{won}","b":"{}"}}"#, "ab".repeat(32)),
            "no claim",
        ),
        (
            format!(r#"{{"type":"link","a":"{won}","b":"{holds}","by":"matcher"}}"#),
            "needs `score`",
        ),
        (
            format!(r#"{{"type":"link","a":"{won}","b":"{holds}","score":0.9}}"#),
            "no `score`",
        ),
        (
            format!(
                r#"{{"type":"link","a":"{won}","b":"{holds}","by":"matcher","score":1.5,"model":"m","threshold":0.5}}"#
            ),
            "from 0 to 1",
        ),
    ];
    for (line, want) in bad {
        let out = db
            .cmd()
            .args(["import", "-"])
            .write_stdin(line.clone())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{line}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("line 1") && err.contains(want),
            "{line}: {err}"
        );
    }
    // A matcher's link imports, and a person's "different" hides it.
    db.import(&format!(
        r#"{{"type":"link","a":"{won}","b":"{holds}","by":"matcher","score":0.93,"model":"lexical","threshold":0.8}}"#
    ));
    let d = json(&db.ok(&["show", &holds[..8], "--format", "json"]));
    assert_eq!(d["wordings"][1]["by"], "matcher");
    assert_eq!(d["wordings"][1]["model"], "lexical");
    db.ok(&["link", "--different", &won[..8], &holds[..8]]);
    assert_eq!(db.claims(&[]).len(), 3);
}

#[test]
fn pending_lists_the_matchers_links_until_a_person_decides() {
    let (db, won, holds, other) = newsroom();
    let waiting = || db.ok(&["--format", "table", "match", "--pending"]);
    assert!(waiting().contains("no match is waiting"));
    db.import(&format!(
        "{}\n{}",
        format_args!(
            r#"{{"type":"link","a":"{won}","b":"{holds}","by":"matcher","score":0.93,"model":"lexical","threshold":0.8}}"#
        ),
        format_args!(
            r#"{{"type":"link","a":"{holds}","b":"{other}","by":"matcher","score":0.81,"model":"lexical","threshold":0.8}}"#
        )
    ));
    let pending = json(&db.ok(&["--format", "json", "match", "--pending"]));
    let pending = pending.as_array().unwrap();
    assert_eq!(pending.len(), 2, "{pending:?}");
    // Weakest first, with both texts.
    assert_eq!(pending[0]["score"].as_f64().unwrap(), 0.81);
    assert!(!pending[1]["a_text"].as_str().unwrap().is_empty());
    // A person's "same" confirms one, a person's "different" rejects the other: the
    // queue is empty, and only the confirmed pair is one claim.
    db.ok(&["link", &won[..10], &holds[..10]]);
    db.ok(&["link", "--different", &holds[..10], &other[..10]]);
    assert!(waiting().contains("no match is waiting"));
    let claims = db.claims(&[]);
    assert_eq!(claims.len(), 2, "{claims:?}");
    // --pending writes nothing and takes no matcher option.
    db.fails(&["match", "--pending", "--threshold", "0.5"], 2);
}
