//! The `extract` command through the real binary: one article from a file or stdin,
//! records that validate against the import schema, `--import` into the database, the
//! corpus mode over a CSV (publisher from a column or from the URL's domain through
//! the source registry), and its errors.

mod common;

use common::{assert_schema, TestDb};
use serde_json::Value;

const ARTICLE: &str = "Troops withdrew from the northern ridge overnight, the state news agency SANA reported, citing a military source.\n\n\"We will rebuild the bridge within a month,\" the regional governor Ahmad Haddad told reporters on Sunday.\n\nAccording to the monitoring group Syria Watch, at least twelve civilians were hurt in the shelling.\n";

fn chains(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            assert_schema("record.schema.json", &v);
            let hops: Vec<String> = v["chain"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| match h {
                    Value::String(s) => s.clone(),
                    o => format!("~{}", o["name"].as_str().unwrap()),
                })
                .collect();
            hops.join(" via ")
        })
        .collect()
}

#[test]
fn one_article_to_records() {
    let db = TestDb::new();
    let out = db.ok_stdin(
        &[
            "extract",
            "-",
            "--publisher",
            "Daily Ledger",
            "--url",
            "https://ledger.example/a",
            "--published",
            "2017-02-07",
        ],
        ARTICLE,
    );
    assert_eq!(
        chains(&out),
        vec![
            "Daily Ledger via SANA via ~a military source",
            "Daily Ledger via Ahmad Haddad",
            "Daily Ledger via Syria Watch",
        ]
    );
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["url"], "https://ledger.example/a");
    assert_eq!(first["published"], "2017-02-07");
    // Nothing was written without --import.
    assert!(db.claims(&[]).is_empty());
}

#[test]
fn import_goes_into_the_database() {
    let db = TestDb::new();
    let f = db.dir.path().join("a.txt");
    std::fs::write(&f, ARTICLE).unwrap();
    let out = db.ok(&[
        "extract",
        f.to_str().unwrap(),
        "--publisher",
        "Daily Ledger",
        "--import",
    ]);
    assert!(out.contains("reports 3 new"), "{out}");
    let claims = db.claims(&["--anonymous-only"]);
    assert_eq!(claims.len(), 1);
    assert_eq!(
        claims[0]["origins"][0]["sources"][0],
        "anonymous source of Syrian Arab News Agency"
    );
    let log = db.ok(&["log", "--format", "jsonl"]);
    assert!(log.contains("extract"), "{log}");
}

#[test]
fn corpus_mode_streams_a_csv() {
    let db = TestDb::new();
    // The registry knows the outlet behind ledger.example.
    db.import(r#"{"type":"source","name":"Daily Ledger","homepage":"https://www.ledger.example"}"#);
    let csv_path = db.dir.path().join("corpus.csv");
    let mut w = csv::Writer::from_path(&csv_path).unwrap();
    w.write_record(["id", "link", "body"]).unwrap();
    w.write_record(["1", "https://news.ledger.example/x", ARTICLE])
        .unwrap();
    w.write_record([
        "2",
        "https://unknown.example/y",
        "Officials said the market would reopen on Monday.",
    ])
    .unwrap();
    w.write_record(["3", "https://unknown.example/z", ""])
        .unwrap();
    w.flush().unwrap();
    let out = db
        .cmd()
        .args([
            "extract",
            "--csv",
            csv_path.to_str().unwrap(),
            "--text-column",
            "body",
            "--url-column",
            "link",
            "--id-column",
            "id",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let got = chains(&stdout);
    assert!(
        got.contains(&"Daily Ledger via Syria Watch".to_string()),
        "{got:?}"
    );
    assert!(
        got.iter().any(|c| c.starts_with("unknown.example via ")),
        "{got:?}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "extracted {} statements from 3 articles (0 rows skipped)",
            got.len()
        )),
        "{stderr}"
    );
    // --import: all or nothing into the database.
    let imported = db.ok(&[
        "extract",
        "--csv",
        csv_path.to_str().unwrap(),
        "--text-column",
        "body",
        "--url-column",
        "link",
        "--import",
    ]);
    assert!(imported.contains("imported"), "{imported}");
    assert_eq!(db.claims(&[]).len(), got.len());
}

#[test]
fn extract_errors() {
    let db = TestDb::new();
    // A publisher is required for one article; FILE and --csv exclude each other.
    db.fails(&["extract", "-"], 2);
    db.fails(
        &["extract", "a.txt", "--csv", "b.csv", "--publisher", "X"],
        2,
    );
    let err = db.fails(
        &["extract", "/nonexistent/article.txt", "--publisher", "X"],
        1,
    );
    assert!(err.contains("cannot open"), "{err}");
    let csv_path = db.dir.path().join("c.csv");
    std::fs::write(&csv_path, "a,b\n1,2\n").unwrap();
    let err = db.fails(
        &[
            "extract",
            "--csv",
            csv_path.to_str().unwrap(),
            "--text-column",
            "text",
            "--publisher-column",
            "b",
        ],
        2,
    );
    assert!(err.contains("no column") && err.contains("a, b"), "{err}");
    let out = db
        .cmd()
        .args(["extract", "-", "--publisher", "X"])
        .write_stdin(vec![0xffu8, 0xfe])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_real_corpus_runs_end_to_end() {
    let csv_path = common::shared_file("data/news/news_articles_dev.csv");
    let db = TestDb::new();
    let out = db.ok(&[
        "extract",
        "--csv",
        csv_path.to_str().unwrap(),
        "--text-column",
        "text",
        "--url-column",
        "article_source_link",
        "--id-column",
        "article_id",
    ]);
    let n = out.lines().count();
    assert!(n > 5_000, "only {n} statements from 2,868 articles");
}
