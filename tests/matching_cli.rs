//! `match`, `similar`, `import --match` through the real binary on fresh databases:
//! lexical matching (no model: `CORROBORATE_MODEL` removed) everywhere, and the
//! sentence-embedding model where CI installs it (`CORROBORATE_MODEL`, set by
//! `.ci/run`; the model test fails without it, it never passes untested).

mod common;

use common::{report, TestDb};
use serde_json::Value;

const COPY_A: &str = "Floods in the northern province killed 12 people on Monday, officials said.";
const COPY_B: &str = "Floods in the northern province killed 12 people on Monday, officials say.";
const OTHER_NUMBER: &str =
    "Floods in the northern province killed 14 people on Monday, officials said.";
const UNRELATED: &str = "The central bank left its main interest rate unchanged at 4.5 percent.";

fn id(t: &str) -> String {
    corroborate::claim::ClaimId::of_text(t).to_hex()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON")
}

/// A database and a command runner without any model.
fn lexical_db() -> TestDb {
    let db = TestDb::new();
    db.import(
        &[
            report(COPY_A, "Daily News via AP"),
            report(COPY_B, "Evening Post via Reuters"),
            report(OTHER_NUMBER, "Morning Star via AFP"),
            report(UNRELATED, "Wire Digest via Bloomberg"),
        ]
        .join("\n"),
    );
    db
}

fn run(db: &TestDb, args: &[&str]) -> String {
    let out = db
        .cmd()
        .env_remove("CORROBORATE_MODEL")
        .args(args)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn match_links_a_near_copy_but_not_a_different_number() {
    let db = lexical_db();
    // Dry run: one link (the two copies), nothing written.
    let s = json(&run(&db, &["match", "--dry-run", "--format", "json"]));
    assert_eq!(s["model"], "lexical");
    assert_eq!(s["dry_run"], true);
    assert_eq!(s["new_claims"], 4);
    assert_eq!(s["links"], 1, "{s}");
    let pair = &s["pairs"][0];
    let mut got = [pair["a"].as_str().unwrap(), pair["b"].as_str().unwrap()];
    got.sort();
    let mut want = [id(COPY_A), id(COPY_B)];
    want.sort();
    assert_eq!(got, [want[0].as_str(), want[1].as_str()]);
    assert_eq!(db.claims(&[]).len(), 4);

    // For real: the two copies are one claim with two independent sources (AP, Reuters).
    let s = json(&run(&db, &["match", "--format", "json"]));
    assert_eq!(s["links"], 1);
    let rows = db.claims(&[]);
    assert_eq!(rows.len(), 3);
    let g = rows.iter().find(|r| r["id"] == id(COPY_A)).unwrap();
    assert_eq!(g["variants"], 2);
    assert_eq!(g["independent_sources"], 2);
    let d = json(&run(&db, &["show", &id(COPY_B)[..10], "--format", "json"]));
    assert_eq!(d["wordings"][1]["by"], "matcher");
    assert_eq!(d["wordings"][1]["model"], "lexical");
    assert!(d["wordings"][1]["why"]
        .as_str()
        .unwrap()
        .contains("matched automatically"));

    // Incremental: nothing new to match.
    let s = json(&run(&db, &["match", "--format", "json"]));
    assert_eq!(s["new_claims"], 0);
    assert_eq!(s["links"], 0);

    // A person's "different" wins over the match.
    run(
        &db,
        &["link", "--different", &id(COPY_A)[..8], &id(COPY_B)[..8]],
    );
    assert_eq!(db.claims(&[]).len(), 4);
    let log = run(&db, &["log", "--format", "jsonl"]);
    assert!(log.contains("match (model lexical"), "{log}");
}

#[test]
fn similar_follows_the_json_contract() {
    let db = lexical_db();
    let v = json(&run(
        &db,
        &[
            "similar",
            &id(COPY_A)[..8],
            "--limit",
            "3",
            "--format",
            "json",
        ],
    ));
    let rows = v.as_array().unwrap();
    assert!(!rows.is_empty() && rows.len() <= 3, "{v}");
    let mut last = f64::INFINITY;
    for r in rows {
        let hex = r["id"].as_str().unwrap();
        assert!(hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(hex, id(COPY_A), "the query itself is left out");
        assert!(r["text"].is_string());
        let score = r["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        assert!(score <= last, "best first");
        last = score;
        assert!(r["same"].is_boolean() && r["linked"].is_boolean());
        assert_eq!(r["model"], "lexical");
    }
    assert_eq!(rows[0]["id"], id(COPY_B));
    assert_eq!(rows[0]["same"], true);
    assert_eq!(rows[0]["linked"], false);
    let other = rows.iter().find(|r| r["id"] == id(OTHER_NUMBER)).unwrap();
    assert_eq!(other["same"], false, "12 and 14 people are different facts");

    // After `match`, the copy is linked; by text works too.
    run(&db, &["match"]);
    let v = json(&run(
        &db,
        &["similar", "--text", COPY_B, "--format", "json"],
    ));
    let first = &v.as_array().unwrap()[0];
    assert_eq!(first["id"], id(COPY_A));
    assert_eq!(first["linked"], true);
    assert_eq!(first["same"], true);

    // Bad input is a usage error, not a crash.
    let out = db
        .cmd()
        .env_remove("CORROBORATE_MODEL")
        .args(["similar", "--text", COPY_A, "--threshold", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn import_with_match_matches_the_new_claims() {
    let db = lexical_db();
    run(&db, &["match"]);
    let more = report(
        "Floods in the northern province killed 12 people on Monday, officials told reporters.",
        "City Paper via ~a rescue worker",
    );
    let path = db.dir.path().join("more.jsonl");
    std::fs::write(&path, more).unwrap();
    let out = run(&db, &["import", path.to_str().unwrap(), "--match"]);
    assert!(out.contains("recorded 1 claim link"), "{out}");
    assert!(out.contains("1 new of 5 claims"), "{out}");
    let g = db
        .claims(&[])
        .into_iter()
        .find(|r| r["id"] == id(COPY_A))
        .unwrap();
    assert_eq!(g["variants"], 3);
}

#[test]
fn the_model_matches_a_paraphrase() {
    let model = std::env::var("CORROBORATE_MODEL").expect(
        "CORROBORATE_MODEL must point at the all-MiniLM-L6-v2 model directory (`.ci/run` installs it; see README \"Getting the model\")",
    );
    let db = TestDb::new();
    db.import(
        &[
            report(
                "The governing party won 41 of the 90 seats in parliament.",
                "Daily News via AP",
            ),
            report(
                "The ruling party secured 41 out of 90 parliamentary seats.",
                "Evening Post via Reuters",
            ),
            report(UNRELATED, "Wire Digest via Bloomberg"),
        ]
        .join("\n"),
    );
    let q = id("The governing party won 41 of the 90 seats in parliament.");
    let v = json(&db.ok(&["similar", &q[..8], "--model", &model, "--format", "json"]));
    let first = &v.as_array().unwrap()[0];
    assert_eq!(
        first["id"],
        id("The ruling party secured 41 out of 90 parliamentary seats.")
    );
    assert!(
        first["model"]
            .as_str()
            .unwrap()
            .starts_with("all-MiniLM-L6-v2"),
        "{first}"
    );
    assert!(first["cosine"].as_f64().unwrap() > 0.7, "{first}");
}

// Three wordings where each neighbour pair is close but the two ends are not (lexical
// scores measured with `similar`: first–second 0.84, second–third 0.71, first–third
// 0.23, threshold 0.60).
const CHAIN_1: &str =
    "Heavy rain flooded the old market district and the river port on Sunday night";
const CHAIN_2: &str = "Heavy rain flooded the river port and the railway station on Sunday night";
const CHAIN_3: &str = "Strong winds damaged the railway station and the river port on Sunday night";

#[test]
fn groups_do_not_chain_and_fragments_are_never_matched() {
    let db = TestDb::new();
    db.import(
        &[
            report(CHAIN_1, "Daily News via AP"),
            report(CHAIN_2, "Evening Post via Reuters"),
            report(CHAIN_3, "Morning Star via AFP"),
            report("It was absurd.", "Daily News via AP"),
            report("The plan was absurd.", "Evening Post via Reuters"),
        ]
        .join("\n"),
    );
    // The fragments are alike in words, but too short to be matched automatically.
    let v = json(&run(
        &db,
        &["similar", "--text", "It was absurd.", "--format", "json"],
    ));
    let plan = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["text"] == "The plan was absurd.")
        .expect("the other fragment is found");
    assert_eq!(plan["same"], false, "{plan}");
    assert!(plan["reasons"].as_array().unwrap().iter().any(|r| r
        .as_str()
        .unwrap()
        .contains("too short to match automatically")));

    // The best pair (1–2) joins; 2–3 would chain the third wording onto a group whose
    // first wording it does not match, so it is kept apart; the fragments stay apart.
    let s = json(&run(&db, &["match", "--format", "json"]));
    assert_eq!(s["links"], 1, "{s}");
    assert_eq!(s["kept_apart"], 1, "{s}");
    let rows = db.claims(&[]);
    assert_eq!(rows.len(), 4);
    let g = rows.iter().find(|r| r["id"] == id(CHAIN_1)).unwrap();
    assert_eq!(g["variants"], 2);
    let third = rows.iter().find(|r| r["id"] == id(CHAIN_3)).unwrap();
    assert_eq!(third["variants"], 1);
    // A person can still put the third wording in the group.
    run(&db, &["link", &id(CHAIN_2)[..10], &id(CHAIN_3)[..10]]);
    assert_eq!(db.claims(&[]).len(), 3);
}

#[test]
fn a_dry_run_shows_claim_texts_escaped() {
    let db = TestDb::new();
    let a = "Floods in the northern province killed 12 people on Monday, \u{1b}[31mofficials said.";
    let b = "Floods in the northern province killed 12 people on Monday, \u{1b}[31mofficials say.";
    db.import(
        &[
            report(a, "Daily News via AP"),
            report(b, "Evening Post via Reuters"),
        ]
        .join("\n"),
    );
    let out = run(&db, &["match", "--dry-run"]);
    assert!(out.contains("would record 1 claim link"), "{out}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
}
