//! Issue 4 end to end through the binary: importing rating and affiliation lists,
//! verdicts and track records, credibility with its interval, claim support and blast
//! radius. Each test uses a fresh database; fixtures are in `tests/data/credibility/`.

mod common;

use common::{assert_schema, report, root, TestDb};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    root()
        .join("tests/data/credibility")
        .join(name)
        .display()
        .to_string()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// `source show NAME --format json`, validated against its schema.
fn show_source(db: &TestDb, name: &str) -> Value {
    let v: Value =
        serde_json::from_str(&db.ok(&["source", "show", name, "--format", "json"])).unwrap();
    assert_schema("source-detail.schema.json", &v);
    v
}

fn sources(db: &TestDb, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["sources", "--format", "json"];
    args.extend_from_slice(extra);
    let v: Value = serde_json::from_str(&db.ok(&args)).unwrap();
    let rows = v.as_array().unwrap().clone();
    for r in &rows {
        assert_schema("source.schema.json", r);
    }
    rows
}

fn ledger_commits(db: &TestDb) -> usize {
    db.ok(&["log", "--format", "jsonl"]).lines().count()
}

/// `sources import-ratings` of the fixture at `path` (columns `domain` and `score`).
fn ratings_args<'a>(path: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "sources",
        "import-ratings",
        path,
        "--domain-column",
        "domain",
        "--rating-column",
        "score",
    ];
    args.extend_from_slice(extra);
    args
}

fn import_ratings(db: &TestDb, file: &str, extra: &[&str]) -> Value {
    let path = fixture(file);
    let mut args = ratings_args(&path, extra);
    args.extend(["--format", "json"]);
    serde_json::from_str(&db.ok(&args)).unwrap()
}

#[test]
fn ratings_follow_the_domain_rule_and_reimport_writes_nothing() {
    let db = TestDb::new();
    let sum = import_ratings(&db, "ratings.csv", &[]);
    assert_eq!(sum["rows"], 8);
    assert_eq!(sum["created"], 5);
    assert_eq!(
        sum["folded"], 2,
        "edition.cnn.com and the second example-news.org"
    );
    assert_eq!(sum["skipped"][0]["line"], 9);
    // edition.cnn.com takes cnn.com's rating, through the sub-domain rule.
    let cnn = show_source(&db, "https://edition.cnn.com/2016/12/10/world");
    // cnn.com is the built-in table's CNN.
    assert_eq!(cnn["name"], "CNN");
    assert_eq!(cnn["rating"], 0.6);
    // Look-alikes are sources of their own.
    let de = show_source(&db, "cnn.com.de");
    assert_eq!(
        (de["name"].as_str(), de["rating"].as_f64()),
        (Some("cnn.com.de"), Some(0.1))
    );
    let co = show_source(&db, "washingtonpost.com.co");
    assert_eq!(co["rating"], 0.2);
    assert_eq!(show_source(&db, "washingtonpost.com")["rating"], 0.8);
    // The www. row and the bare row are one source; the first row wins.
    assert_eq!(show_source(&db, "example-news.org")["rating"], 0.5);
    assert_eq!(sources(&db, &[]).len(), 5);

    // Importing again changes nothing and writes no ledger entry.
    let before = ledger_commits(&db);
    let again = import_ratings(&db, "ratings.csv", &[]);
    assert_eq!(
        (again["created"].as_u64(), again["updated"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(again["unchanged"], 5);
    assert_eq!(ledger_commits(&db), before);
}

#[test]
fn later_lists_override_only_when_asked_and_scales_are_mapped() {
    let db = TestDb::new();
    db.ok(&[
        "source",
        "set",
        "CNN",
        "--homepage",
        "https://www.cnn.com",
        "--rating",
        "0.9",
    ]);
    let path = fixture("ratings_0_100.csv");
    let args = |extra: &'static [&'static str]| {
        let mut a = vec![
            "sources",
            "import-ratings",
            path.as_str(),
            "--domain-column",
            "site",
            "--rating-column",
            "quality",
            "--scale",
            "0:100",
        ];
        a.extend_from_slice(extra);
        a
    };
    let out = db.ok(&args(&[]));
    assert!(
        out.contains("1 kept their rating (use --override to replace)"),
        "{out}"
    );
    assert_eq!(show_source(&db, "CNN")["rating"], 0.9);
    assert_eq!(show_source(&db, "apnews.com")["rating"], 0.95);
    assert_eq!(show_source(&db, "newsite.example")["rating"], 0.5);
    db.ok(&args(&["--override"]));
    assert_eq!(show_source(&db, "cnn.com")["rating"], 0.3);
}

#[test]
fn bad_rows_stop_the_import_with_their_line_and_write_nothing() {
    let db = TestDb::new();
    let cases: [(&str, &[&str], &str); 4] = [
        ("ratings_bad_value.csv", &[], "line 3: the rating \"high\" in column \"score\" is not a number"),
        ("ratings_out_of_scale.csv", &[], "line 4: the rating 1.7 is outside the scale 0:1"),
        ("ratings_0_100.csv", &[], "line 1: there is no column \"domain\" (--domain-column); the columns are: \"site\", \"quality\""),
        ("ratings.csv", &["--scale", "5:1"], "--scale \"5:1\" is not MIN:MAX"),
    ];
    for (file, extra, want) in cases {
        let path = fixture(file);
        let err = db.fails(&ratings_args(&path, extra), 2);
        assert!(err.contains(want), "{file}: {err}");
    }
    assert!(sources(&db, &[]).is_empty());
    assert_eq!(ledger_commits(&db), 0);
}

fn import_affiliations(db: &TestDb) -> String {
    let path = fixture("affiliations.csv");
    db.ok(&common::import_affiliations_args(&path))
}

#[test]
fn affiliation_lists_make_state_media_one_source() {
    let db = TestDb::new();
    // The desk already knows Sputnik under another name, by its homepage.
    db.ok(&[
        "source",
        "set",
        "Sputnik News Agency",
        "--homepage",
        "https://sputniknews.com",
    ]);
    let out = import_affiliations(&db);
    assert!(out.starts_with("read 8 rows"), "{out}");
    let sputnik = show_source(&db, "Sputnik News Agency");
    assert_eq!(
        sputnik["affiliations"],
        json!(["Rossiya Segodnya", "state-controlled:Russia"])
    );
    // The row named "Sputnik" became an alias; arabic.sputniknews.com is its sub-domain.
    assert_eq!(sputnik["aliases"], json!(["Sputnik", "Sputnik Arabic"]));
    // The row "RT International" created the built-in table's RT, and is its alias.
    let rt = show_source(&db, "rt.com");
    assert_eq!(rt["name"], "RT");
    assert_eq!(rt["aliases"], json!(["RT International", "RT Deutsch"]));
    // A mirror with another homepage is a namesake with the same labels.
    let mirror = show_source(&db, "rt-mirror.example");
    assert_eq!(mirror["name"], "RT Deutsch (rt-mirror.example)");
    assert_eq!(mirror["affiliations"], rt["affiliations"]);
    // Rows without a (usable) URL; the uncertain typology code maps to its word.
    assert_eq!(show_source(&db, "Farland Radio")["homepage"], Value::Null);
    assert_eq!(
        show_source(&db, "Farland TV")["affiliations"],
        json!([
            "Farland Broadcasting",
            "independent-state-funded-and-managed:Farland"
        ])
    );
    // RT and Sputnik share state-controlled:Russia: one independent source.
    db.import(
        &[
            report("The claim.", "Blog via RT International"),
            report("The claim.", "Site via Sputnik"),
        ]
        .join("\n"),
    );
    let c = db.claims(&[]);
    assert_eq!(c[0]["independent_sources"], 1);
    assert_schema("claim.schema.json", &c[0]);
    // Importing again writes nothing.
    let before = ledger_commits(&db);
    let out = import_affiliations(&db);
    assert!(out.contains("0 sources created, 0 updated"), "{out}");
    assert_eq!(ledger_commits(&db), before);
}

#[test]
fn affiliation_import_errors() {
    let db = TestDb::new();
    let path = fixture("affiliations.csv");
    let base = [
        "sources",
        "import-affiliations",
        path.as_str(),
        "--name-column",
    ];
    let err = db.fails(
        &[&base[..], &["Outlet", "--affiliation-column", "Country"]].concat(),
        2,
    );
    assert!(err.contains("line 1: there is no column \"Outlet\" (--name-column); the columns are: \"Region\", \"Country\""), "{err}");
    let err = db.fails(&[&base[..], &["Main assets"]].concat(), 2);
    assert!(
        err.contains("give at least one --affiliation-column, --label-template or --alias-column"),
        "{err}"
    );
    let err = db.fails(
        &[&base[..], &["Main assets", "--label-template", "{Typology"]].concat(),
        2,
    );
    assert!(err.contains("is not closed"), "{err}");
    assert!(sources(&db, &[]).is_empty());
}

/// The newsroom of `docs/credibility.md`'s worked examples.
fn newsroom() -> TestDb {
    let db = TestDb::new();
    let mut lines = vec![
        json!({"type":"source","name":"AP","rating":0.8}).to_string(),
        json!({"type":"source","name":"WaPo","rating":0.6}).to_string(),
    ];
    for (claim, chains) in [
        ("AP one.", &["Blog via AP"][..]),
        ("AP two.", &["CNN via AP"]),
        ("AP three.", &["Blog via AP"]),
        ("AP four.", &["Blog via AP"]),
        ("AP five.", &["Blog via AP"]),
        ("Two groups.", &["Blog via AP", "Site via Reuters"]),
        (
            "Three groups.",
            &["Blog via AP", "Blog via Reuters", "Blog via AFP"],
        ),
        ("Anonymous.", &["WaPo via ~an official"]),
    ] {
        for ch in chains {
            lines.push(report(claim, ch));
        }
    }
    let verdict = |claim: &str, v: &str, by: &str| {
        json!({"type":"verdict","claim":claim,"verdict":v,"by":by}).to_string()
    };
    lines.push(verdict("AP one.", "true", "Desk"));
    lines.push(verdict("AP two.", "true", "Desk"));
    // The latest verdict of a reviewer counts.
    lines.push(verdict("AP three.", "true", "Desk"));
    lines.push(verdict("AP three.", "false", "desk"));
    // Reviewers disagree: mixed, contested.
    lines.push(verdict("AP four.", "true", "Desk"));
    lines.push(verdict("AP four.", "false", "Checkers"));
    lines.push(verdict("AP five.", "unproven", "Desk"));
    db.import(&lines.join("\n"));
    db
}

#[test]
fn track_record_and_credibility_follow_the_documented_rules() {
    let db = newsroom();
    let ap = show_source(&db, "AP");
    assert_eq!(
        ap["track_record"],
        json!({"true": 2, "false": 1, "mixed": 1, "contested": 1, "unproven": 1})
    );
    let c = &ap["credibility"];
    // Prior Beta(1 + 10·0.8, 1 + 10·0.2) = Beta(9, 3); + 2 true, 1 false, ½ + ½ mixed.
    assert!(close(c["prior_alpha"].as_f64().unwrap(), 9.0));
    assert!(close(c["prior_beta"].as_f64().unwrap(), 3.0));
    assert!(close(c["alpha"].as_f64().unwrap(), 11.5));
    assert!(close(c["beta"].as_f64().unwrap(), 4.5));
    assert!(close(c["mean"].as_f64().unwrap(), 0.71875));
    // The 90 % interval of Beta(11.5, 4.5) (documented in docs/credibility.md).
    assert!((c["low"].as_f64().unwrap() - 0.5241).abs() < 5e-4, "{c}");
    assert!((c["high"].as_f64().unwrap() - 0.8814).abs() < 5e-4, "{c}");
    // Unrated and unjudged: the uniform prior.
    let reuters = show_source(&db, "Reuters");
    assert_eq!(reuters["credibility"]["mean"], 0.5);
    assert!(close(reuters["credibility"]["low"].as_f64().unwrap(), 0.05));
    // The table form says the same.
    let text = db.ok(&["source", "show", "AP", "--format", "table"]);
    assert!(
        text.contains("2 true, 1 false, 1 mixed (1 contested), 1 unproven"),
        "{text}"
    );
    assert!(
        text.contains("0.719  (90 % interval 0.524–0.881; Beta(11.5, 4.5) from prior Beta(9, 3))"),
        "{text}"
    );
}

#[test]
fn many_verdicts_give_a_narrower_interval_than_few() {
    let db = TestDb::new();
    let mut lines = Vec::new();
    for (src, n) in [("Small", 2), ("Big", 200)] {
        for i in 0..n {
            let claim = format!("{src} claim {i}.");
            lines.push(report(&claim, &format!("Blog via {src}")));
            lines.push(json!({"type":"verdict","claim":claim,"verdict":"true"}).to_string());
        }
    }
    db.import(&lines.join("\n"));
    let width = |name: &str| {
        let c = &show_source(&db, name)["credibility"];
        c["high"].as_f64().unwrap() - c["low"].as_f64().unwrap()
    };
    let (small, big) = (width("Small"), width("Big"));
    assert!(big * 5.0 < small, "small {small}, big {big}");
}

#[test]
fn support_combines_independent_groups() {
    let db = newsroom();
    let ap_mean = 0.71875;
    let by_text = |rows: &[Value], t: &str| rows.iter().find(|c| c["text"] == t).unwrap().clone();
    let rows = db.claims(&[]);
    for r in &rows {
        assert_schema("claim.schema.json", r);
    }
    // AP (0.71875) and Reuters (unrated, 0.5): 1 − 0.28125 · 0.5.
    let two = by_text(&rows, "Two groups.");
    assert!(close(
        two["support"].as_f64().unwrap(),
        1.0 - (1.0 - ap_mean) * 0.5
    ));
    assert!(close(two["support"].as_f64().unwrap(), 0.859375));
    // WaPo rated 0.6 (Beta(7, 5), mean 7/12) vouching for an anonymous origin: × ½.
    let anon = by_text(&rows, "Anonymous.");
    assert!(close(anon["support"].as_f64().unwrap(), 7.0 / 24.0));
    let one = by_text(&rows, "AP one.");
    assert!(close(one["support"].as_f64().unwrap(), ap_mean));

    // Filters and sorting.
    let strong = db.claims(&["--min-support", "0.8"]);
    let texts: Vec<&str> = strong.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.contains(&"Two groups.") && texts.contains(&"Three groups."));
    assert_eq!(db.claims(&["--max-support", "0.3"]).len(), 1);
    let sorted = db.claims(&["--sort", "support"]);
    assert_eq!(sorted[0]["text"], "Three groups.");
    assert_eq!(sorted.last().unwrap()["text"], "Anonymous.");

    // show explains the score group by group.
    let id = two["id"].as_str().unwrap();
    let d: Value = serde_json::from_str(&db.ok(&["show", &id[..12], "--format", "json"])).unwrap();
    assert_schema("claim-detail.schema.json", &d);
    assert_eq!(d["support_groups"].as_array().unwrap().len(), 2);
    assert_eq!(d["support_groups"][0]["source"], "Associated Press");
    let text = db.ok(&["show", &id[..12], "--format", "table"]);
    assert!(text.contains("support 0.859"), "{text}");
    assert!(
        text.contains("support = 1 − (1 − 0.719) × (1 − 0.500) = 0.859"),
        "{text}"
    );
}

#[test]
fn blast_radius_lists_claims_that_would_fall_below_two_sources() {
    let db = newsroom();
    let ap = show_source(&db, "AP");
    // AP originates 7 claims; without it the five single-source ones drop to 0 and
    // "Two groups." to 1, while "Three groups." keeps two.
    assert_eq!(ap["origin_of"].as_array().unwrap().len(), 7);
    let blast: Vec<(&str, u64)> = ap["blast_radius"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["text"].as_str().unwrap(), b["without"].as_u64().unwrap()))
        .collect();
    assert_eq!(blast.len(), 6, "{blast:?}");
    assert!(blast.contains(&("Two groups.", 1)));
    assert!(!blast.iter().any(|b| b.0 == "Three groups."));
    // Relays are never in a blast radius.
    assert!(show_source(&db, "Blog")["blast_radius"]
        .as_array()
        .unwrap()
        .is_empty());
    // The ranking: AP first, then Reuters (one claim) and WaPo (its anonymous origin).
    let rows = sources(&db, &["--sort", "blast-radius"]);
    let top: Vec<(&str, u64)> = rows
        .iter()
        .take(3)
        .map(|r| {
            (
                r["name"].as_str().unwrap(),
                r["blast_radius"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(top[0], ("Associated Press", 6));
    assert_eq!(top[1].1, 1);
    assert_eq!(top[2].1, 1);
    let rows = sources(&db, &["--sort", "name"]);
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    // AFP, AP and WaPo are written names of the built-in table's outlets.
    assert_eq!(
        names,
        [
            "Agence France-Presse",
            "Associated Press",
            "Blog",
            "CNN",
            "Reuters",
            "Site",
            "The Washington Post"
        ]
    );
    let err = db.fails(&["source", "show", "no such outlet"], 2);
    assert!(
        err.contains("no source is known as \"no such outlet\""),
        "{err}"
    );
}
