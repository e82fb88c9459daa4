//! The importers on the real lists in `../shared/data/` (never copied into the
//! repository): Lin et al.'s domain quality ratings and the State Media Matrix. Each
//! test fails, saying what is missing, when the shared directory is absent.

mod common;

use common::{report, shared_file, TestDb};
use serde_json::Value;

fn data(file: &str) -> String {
    shared_file(&format!("data/{file}")).display().to_string()
}

fn source(db: &TestDb, name: &str) -> Value {
    let v: Value =
        serde_json::from_str(&db.ok(&["source", "show", name, "--format", "json"])).unwrap();
    common::assert_schema("source-detail.schema.json", &v);
    v
}

fn rating(db: &TestDb, name: &str) -> f64 {
    source(db, name)["rating"].as_f64().unwrap()
}

#[test]
fn domain_pc1_imports_with_the_domain_rule_and_idempotently() {
    let path = data("domain_pc1.csv");
    let db = TestDb::new();
    let args = [
        "sources",
        "import-ratings",
        path.as_str(),
        "--domain-column",
        "domain",
        "--rating-column",
        "pc1",
        "--format",
        "json",
    ];
    let start = std::time::Instant::now();
    let sum: Value = serde_json::from_str(&db.ok(&args)).unwrap();
    eprintln!(
        "domain_pc1.csv imported in {:?} (debug build)",
        start.elapsed()
    );
    assert_eq!(sum["rows"], 11_520);
    let created = sum["created"].as_u64().unwrap();
    let folded = sum["folded"].as_u64().unwrap();
    let skipped = sum["skipped"].as_array().unwrap().len() as u64;
    assert_eq!(created + folded + skipped, 11_520);
    assert!(created > 11_000, "{sum}");
    // Rows with a path (rfi.fr/en) are not domains; they are reported, not guessed.
    assert!(sum["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["value"] == "rfi.fr/en"));

    // edition.cnn.com (its own row says 0.682…) takes cnn.com's rating.
    let cnn = rating(&db, "cnn.com");
    assert!((cnn - 0.658_031_073_873_161).abs() < 1e-12, "{cnn}");
    assert_eq!(source(&db, "edition.cnn.com")["name"], "CNN");
    assert_eq!(rating(&db, "https://edition.cnn.com/2016/12/10/world"), cnn);
    // Look-alikes never mix with the real outlets.
    assert_eq!(source(&db, "cnn.com.de")["name"], "cnn.com.de");
    assert!((rating(&db, "cnn.com.de") - 0.382_008_270_355_183).abs() < 1e-12);
    assert_eq!(
        source(&db, "washingtonpost.com.co")["name"],
        "washingtonpost.com.co"
    );
    assert!((rating(&db, "washingtonpost.com") - 0.818_780_596_798_307).abs() < 1e-12);
    // news.cn, www.xinhuanet.com and xinhuanet.com are hosts of one outlet in the
    // built-in table (Xinhua); the first row in parents-first order (news.cn) wins.
    assert_eq!(
        source(&db, "www.xinhuanet.com")["name"],
        "Xinhua News Agency"
    );
    assert!((rating(&db, "xinhuanet.com") - 0.691_128_182_520_535).abs() < 1e-12);
    assert_eq!(rating(&db, "reuters.com"), 1.0);

    // Again: nothing changes, nothing is written.
    let before = db.ok(&["log", "--format", "jsonl"]).lines().count();
    let again: Value = serde_json::from_str(&db.ok(&args)).unwrap();
    assert_eq!(again["unchanged"].as_u64().unwrap(), created);
    assert_eq!(again["created"], 0);
    assert_eq!(db.ok(&["log", "--format", "jsonl"]).lines().count(), before);
}

#[test]
fn state_media_matrix_makes_rt_and_sputnik_one_source() {
    let path = data("state_media_matrix.csv");
    let db = TestDb::new();
    // A desk that already follows RT and Sputnik under its own names.
    db.ok(&["source", "set", "RT", "--homepage", "https://www.rt.com"]);
    db.ok(&[
        "source",
        "set",
        "Sputnik",
        "--homepage",
        "https://sputniknews.com",
    ]);
    let args = common::import_affiliations_args(path.as_str());
    let out = db.ok(&args);
    assert!(out.starts_with("read 1156 rows"), "{out}");
    let rt = source(&db, "RT");
    let sputnik = source(&db, "Sputnik");
    let labels = |v: &Value| -> Vec<String> {
        v["affiliations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        labels(&rt).contains(&"state-controlled:Russia".to_string()),
        "{rt}"
    );
    assert!(
        labels(&sputnik).contains(&"state-controlled:Russia".to_string()),
        "{sputnik}"
    );
    // The rows' outlet names now resolve to the desk's sources.
    assert_eq!(source(&db, "RT International")["name"], "RT");
    assert_eq!(source(&db, "Sputnik International")["name"], "Sputnik");

    db.import(
        &[
            report("Palmyra was retaken.", "Blog via RT"),
            report("Palmyra was retaken.", "Site via Sputnik"),
            report(
                "Palmyra was retaken.",
                "Paper via https://arabic.sputniknews.com/x",
            ),
        ]
        .join("\n"),
    );
    let claims = db.claims(&[]);
    assert_eq!(claims[0]["independent_sources"], 1, "{}", claims[0]);

    // Importing the matrix again writes nothing.
    let before = db.ok(&["log", "--format", "jsonl"]).lines().count();
    let out = db.ok(&args);
    assert!(out.contains("0 sources created, 0 updated"), "{out}");
    assert_eq!(db.ok(&["log", "--format", "jsonl"]).lines().count(), before);
}
