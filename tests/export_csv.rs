//! The CSV export through the real binary: one row per claim with the documented
//! columns, the same claims and counts as `claims`, filters applied, and claim text with
//! commas, quotes and newlines surviving Rust's and Python's CSV readers.

mod common;

use common::{report, TestDb};

const HOSTILE: &str =
    "He said \"no, never\", then left;\nsecond line, with a comma\r\nand a \"quoted\" end,";

fn sample_db() -> TestDb {
    let db = TestDb::new();
    db.import(
        &[
            report(HOSTILE, "Blog via AP via Osama al-Khatib"),
            report(HOSTILE, "Paper via ~an official"),
            report("Plain claim.", "Blog via Reuters"),
            report("Plain claim.", "Site via AFP"),
            report("Loop claim.", "A via B"),
            report("Loop claim.", "B via A"),
        ]
        .join("\n"),
    );
    db
}

#[test]
fn one_row_per_claim_with_the_claims_counts() {
    let db = sample_db();
    let out = db.ok(&["export", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "id",
            "text",
            "reports",
            "independent_sources",
            "origins",
            "flags",
            "support"
        ]
    );
    let mut rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    // Exports list claims in the order they were first recorded; the listing by id.
    rows.sort_by(|a, b| a[0].cmp(&b[0]));
    let claims = db.claims(&[]);
    assert_eq!(rows.len(), claims.len());
    for (row, c) in rows.iter().zip(&claims) {
        assert_eq!(&row[0], c["id"].as_str().unwrap());
        assert_eq!(&row[1], c["text"].as_str().unwrap());
        assert_eq!(
            row[2].parse::<u64>().unwrap(),
            c["reports"].as_u64().unwrap()
        );
        assert_eq!(
            row[3].parse::<u64>().unwrap(),
            c["independent_sources"].as_u64().unwrap()
        );
        let labels: Vec<&str> = c["origins"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["label"].as_str().unwrap())
            .collect();
        assert_eq!(&row[4], labels.join("; "));
    }
    let hostile = rows.iter().find(|r| &r[1] == HOSTILE).expect("hostile row");
    assert_eq!(&hostile[4], "Osama al-Khatib; Paper");
    assert_eq!(&hostile[5], "");
    let looped = rows.iter().find(|r| &r[1] == "Loop claim.").unwrap();
    assert_eq!(&looped[5], "unsourced circular");

    // Filters are those of `claims`.
    let two = db.ok(&["export", "--format", "csv", "--min-sources", "2"]);
    let n = csv::Reader::from_reader(two.as_bytes()).records().count();
    assert_eq!(n, db.claims(&["--min-sources", "2"]).len());
    assert_eq!(n, 2);
}

#[test]
fn hostile_text_survives_pythons_csv_module() {
    let py = common::python_with("csv");
    let db = sample_db();
    let out = db.ok(&["export", "--format", "csv"]);
    // As the csv module asks: a binary stream decoded without newline translation.
    let script = "import csv, io, json, sys\nf = io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline='')\nrows = list(csv.DictReader(f, strict=True))\nprint(json.dumps(rows))";
    let rows = common::run_python(&py, script, &out, "csv module");

    let mut rows = rows.as_array().unwrap().clone();
    rows.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    let claims = db.claims(&[]);
    assert_eq!(rows.len(), claims.len());
    for (row, c) in rows.iter().zip(&claims) {
        assert_eq!(row["id"], c["id"]);
        assert_eq!(row["text"], c["text"]);
        assert_eq!(row["reports"], c["reports"].to_string());
    }
    assert!(rows.iter().any(|r| r["text"] == HOSTILE));
}
