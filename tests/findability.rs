//! What a desk needs to find things from the command line (issue 15, item 7):
//! `claims --grep`, `--since/--until` on report dates, `first_seen`/`last_seen`,
//! `show` by a text fragment, `extract --csv --date-column`, and the default limit of
//! tables on a terminal. Each test drives the real binary on a fresh database; the
//! expected values are worked out by hand from the reports written here.

mod common;

use std::io::Write;

use common::{assert_schema, TestDb};
use corroborate::claim::ClaimId;
use proptest::prelude::*;
use serde_json::{json, Value};

const PALMYRA: &str = "Militants retook Palmyra on Sunday.";
const MUSEUM: &str = "Palmyra's museum was damaged.";
const ALEP: &str = "L'armée a repris la ville d'Alep.";
const BRIDGE: &str = "The bridge was closed for repairs.";

fn rec(claim: &str, chain: &str, published: Option<&str>) -> String {
    let mut v = json!({"type": "report", "claim": claim, "chain": chain});
    if let Some(p) = published {
        v["published"] = json!(p);
    }
    v.to_string()
}

/// Four claims, five reports:
/// - PALMYRA on 2017-02-07 and 2017-03-01T10:00:00Z (two reports: a gap in February),
/// - MUSEUM on 2017-02-20,
/// - ALEP on 2016-12-10,
/// - BRIDGE without a publication date (dated when recorded: now).
fn desk() -> TestDb {
    let db = TestDb::new();
    let lines = [
        rec(
            PALMYRA,
            "Daily Star via AP via ~a Syrian official",
            Some("2017-02-07"),
        ),
        rec(PALMYRA, "Blog via Reuters", Some("2017-03-01T10:00:00Z")),
        rec(MUSEUM, "BBC", Some("2017-02-20")),
        rec(ALEP, "Le Monde via AFP", Some("2016-12-10")),
        rec(BRIDGE, "City Blog via Daily News", None),
    ];
    db.import(&(lines.join("\n") + "\n"));
    db
}

fn id(text: &str) -> String {
    ClaimId::of_text(text).to_hex()
}

/// The ids of `claims --format json` with `extra`, sorted.
fn ids(db: &TestDb, extra: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = db
        .claims(extra)
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

fn sorted(texts: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = texts.iter().map(|t| id(t)).collect();
    v.sort();
    v
}

#[test]
fn grep_matches_all_words_in_any_order_ignoring_case_and_accents() {
    let db = desk();
    assert_eq!(ids(&db, &["--grep", "palmyra retook"]), sorted(&[PALMYRA]));
    // A word may be the start of a word; case does not matter.
    assert_eq!(ids(&db, &["--grep", "PALMYR"]), sorted(&[PALMYRA, MUSEUM]));
    // Accents do not matter either way: "armee" finds "armée", "ARMÉE" too.
    assert_eq!(ids(&db, &["--grep", "armee alep"]), sorted(&[ALEP]));
    assert_eq!(ids(&db, &["--grep", "ARMÉE"]), sorted(&[ALEP]));
    // Inside a word is not a match; every word must be there.
    assert!(ids(&db, &["--grep", "myra"]).is_empty());
    assert!(ids(&db, &["--grep", "palmyra bridge"]).is_empty());
    // With the other filters and sorts.
    assert_eq!(
        ids(&db, &["--grep", "palmyra", "--max-sources", "1"]),
        sorted(&[MUSEUM])
    );
    assert_eq!(
        ids(&db, &["--grep", "palmyra", "--sort", "reports"]),
        sorted(&[PALMYRA, MUSEUM])
    );
    // In every format.
    let jsonl = db.ok(&["claims", "--grep", "bridge", "--format", "jsonl"]);
    assert_eq!(jsonl.lines().count(), 1);
    assert!(jsonl.contains(&id(BRIDGE)));
    let csv = db.ok(&["claims", "--grep", "bridge", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    let table = db.ok(&["claims", "--grep", "bridge", "--format", "table"]);
    assert!(table.contains(&id(BRIDGE)[..12]), "{table}");
    assert!(!table.contains(&id(ALEP)[..12]), "{table}");
    // A search with no word is a usage error.
    let err = db.fails(&["claims", "--grep", " ,. "], 2);
    assert!(err.contains("no word"), "{err}");
}

#[test]
fn grep_searches_every_wording_of_a_group() {
    let db = desk();
    db.ok(&["link", &id(PALMYRA), &id(MUSEUM)]);
    // "museum" is only in the second wording; the row is the group's (PALMYRA is
    // its earliest recorded wording).
    let rows = db.claims(&["--grep", "museum"]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], id(PALMYRA));
    assert_eq!(rows[0]["variants"], 2);
    assert_eq!(rows[0]["reports"], 3);
    // The group's dates are those of all three reports.
    assert_eq!(rows[0]["first_seen"], "2017-02-07");
    assert_eq!(rows[0]["last_seen"], "2017-03-01T10:00:00Z");
    // One row per wording: only the wording that has the word.
    let rows = db.claims(&["--grep", "museum", "--by-text"]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], id(MUSEUM));
    assert_eq!(rows[0]["first_seen"], "2017-02-20");
    assert_eq!(rows[0]["last_seen"], "2017-02-20");
}

#[test]
fn since_and_until_keep_claims_with_a_report_in_the_range() {
    let db = desk();
    // Whole days, both ends included.
    assert_eq!(
        ids(&db, &["--since", "2016-12-10", "--until", "2016-12-10"]),
        sorted(&[ALEP])
    );
    assert_eq!(
        ids(&db, &["--grep", "palmyra", "--until", "2017-02-07"]),
        sorted(&[PALMYRA])
    );
    assert!(ids(&db, &["--grep", "palmyra", "--until", "2017-02-06"]).is_empty());
    // PALMYRA's reports (7 February, 1 March) straddle the range but none is in it.
    assert_eq!(
        ids(&db, &["--since", "2017/2/8", "--until", "Feb 28, 2017"]),
        sorted(&[MUSEUM])
    );
    // A date-time bound is exact: 10:00:00Z is in, 10:00:01Z is past it.
    assert_eq!(
        ids(
            &db,
            &["--since", "2017-03-01T10:00:00Z", "--until", "2017-12-31"]
        ),
        sorted(&[PALMYRA])
    );
    assert!(ids(
        &db,
        &["--since", "2017-03-01T10:00:01Z", "--until", "2017-12-31"]
    )
    .is_empty());
    // A report without a publication date counts by when it was recorded (now).
    assert_eq!(ids(&db, &["--since", "2020-01-01"]), sorted(&[BRIDGE]));
    assert_eq!(
        ids(&db, &["--until", "7 February 2017"]),
        sorted(&[PALMYRA, ALEP])
    );
    // With the other filters.
    assert!(
        ids(
            &db,
            &[
                "--since",
                "2016-12-10",
                "--single-source",
                "--until",
                "2016-12-31"
            ]
        )
        .len()
            == 1
    );
    // Bad dates are usage errors with an example of a good one.
    for bad in [
        vec!["--since", "yesterday"],
        vec!["--until", "2017-02-30"],
        vec!["--since", "2/7/2017"],
    ] {
        let mut args = vec!["claims"];
        args.extend(bad.iter().copied());
        let err = db.fails(&args, 2);
        assert!(err.contains("2016-12-10"), "{bad:?}: {err}");
    }
    let err = db.fails(
        &["claims", "--since", "2017-03-01", "--until", "2017-02-01"],
        2,
    );
    assert!(err.contains("--since"), "{err}");
}

#[test]
fn listings_show_first_and_last_sightings() {
    let db = desk();
    let rows = db.claims(&[]);
    assert_eq!(rows.len(), 4);
    let row = |text: &str| -> Value {
        rows.iter()
            .find(|r| r["id"] == id(text))
            .cloned()
            .unwrap_or_else(|| panic!("no row for {text}"))
    };
    for r in &rows {
        assert_schema("claim.schema.json", r);
    }
    assert_eq!(row(PALMYRA)["first_seen"], "2017-02-07");
    assert_eq!(row(PALMYRA)["last_seen"], "2017-03-01T10:00:00Z");
    assert_eq!(row(MUSEUM)["first_seen"], "2017-02-20");
    assert_eq!(row(ALEP)["last_seen"], "2016-12-10");
    // Recorded now: a UTC time stamp, the same at both ends.
    let b = row(BRIDGE);
    let seen = b["first_seen"].as_str().unwrap();
    assert_eq!(b["last_seen"], seen);
    assert!(seen.len() == 20 && seen.ends_with('Z'), "{seen}");
    // No field was removed or renamed.
    for field in [
        "id",
        "group",
        "variants",
        "text",
        "reports",
        "independent_sources",
        "support",
    ] {
        assert!(row(PALMYRA).get(field).is_some(), "{field}");
    }
    // CSV: the two columns at the end; the table: one compact column.
    let csv = db.ok(&["claims", "--format", "csv"]);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",support,first_seen,last_seen"),
        "{csv}"
    );
    assert!(csv.contains(",2017-02-07,2017-03-01T10:00:00Z"), "{csv}");
    let out = db
        .cmd()
        .args(["claims", "--format", "table"])
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("2017-02-07…2017-03-01"), "{table}");
    assert!(table.contains("2016-12-10"), "{table}");
    // `show` has them too.
    let d: Value =
        serde_json::from_str(&db.ok(&["show", &id(PALMYRA), "--format", "json"])).unwrap();
    assert_schema("claim-detail.schema.json", &d);
    assert_eq!(d["first_seen"], "2017-02-07");
    assert_eq!(d["last_seen"], "2017-03-01T10:00:00Z");
    let text = db.ok(&["show", &id(PALMYRA), "--format", "table"]);
    assert!(
        text.contains("seen    2017-02-07 to 2017-03-01T10:00:00Z"),
        "{text}"
    );
}

#[test]
fn show_finds_a_claim_by_a_fragment_of_its_words() {
    let db = desk();
    let shown = |arg: &str| -> String {
        let d: Value = serde_json::from_str(&db.ok(&["show", arg, "--format", "json"])).unwrap();
        d["id"].as_str().unwrap().to_string()
    };
    assert_eq!(shown("retook palmyra"), id(PALMYRA));
    assert_eq!(shown("BRIDGE closed"), id(BRIDGE));
    // An id prefix still works, and wins.
    assert_eq!(shown(&id(ALEP)[..8]), id(ALEP));
    // Several claims: exit 2 with the candidates and what to do.
    let err = db.fails(&["show", "palmyra"], 2);
    assert!(err.contains(&id(PALMYRA)[..12]), "{err}");
    assert!(err.contains(&id(MUSEUM)[..12]), "{err}");
    assert!(err.contains("Militants retook Palmyra"), "{err}");
    assert!(err.contains("longer fragment"), "{err}");
    // Nothing: exit 2.
    let err = db.fails(&["show", "no such words"], 2);
    assert!(err.contains("no claim"), "{err}");
    // Linked wordings are one claim: the fragment is no longer ambiguous.
    db.ok(&["link", &id(PALMYRA), &id(MUSEUM)]);
    assert_eq!(shown("palmyra"), id(PALMYRA));
    assert_eq!(shown("museum"), id(PALMYRA));
}

#[test]
fn ambiguous_fragments_list_at_most_ten_escaped() {
    let db = TestDb::new();
    let mut lines = Vec::new();
    for i in 0..12 {
        lines.push(rec(
            &format!("Harbor crane {i} stopped \u{1b}[2J"),
            "Port News",
            None,
        ));
    }
    db.import(&(lines.join("\n") + "\n"));
    let err = db.fails(&["show", "harbor crane"], 2);
    assert!(err.starts_with("error: 12 claims"), "{err}");
    // Ten candidates listed, each an id prefix and its text.
    let listed = err.lines().filter(|l| l.contains("Harbor crane")).count();
    assert_eq!(listed, 10, "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "raw escape reached the terminal: {err:?}"
    );
}

/// Run the binary with its standard output on a pseudo-terminal (Python's `pty`),
/// returning what it printed there.
fn on_terminal(db: &TestDb, args: &[&str]) -> String {
    let py = common::python_with("pty");
    let bin = assert_cmd::cargo::cargo_bin("corroborate");
    let script = r#"
import os, pty, subprocess, sys
m, s = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdout=s, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
os.close(s)
out = b""
while True:
    try:
        chunk = os.read(m, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
err = p.stderr.read()
code = p.wait()
sys.stdout.buffer.write(out)
sys.stderr.buffer.write(err)
sys.exit(code)
"#;
    let out = std::process::Command::new(py)
        .arg("-c")
        .arg(script)
        .arg(bin)
        .arg("--db")
        .arg(db.path())
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .env_remove("CORROBORATE_DB")
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{args:?} on a terminal failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

/// Table rows that show a claim of the many-claims database.
fn claim_rows(table: &str) -> usize {
    table.lines().filter(|l| l.contains("Claim number")).count()
}

#[test]
fn terminal_tables_stop_at_fifty_rows_unless_asked() {
    let db = TestDb::new();
    let mut lines = Vec::new();
    for i in 0..55 {
        lines.push(rec(
            &format!("Claim number {i} was made."),
            &format!("Outlet {i}"),
            None,
        ));
    }
    db.import(&(lines.join("\n") + "\n"));

    let table = on_terminal(&db, &["claims"]);
    assert_eq!(claim_rows(&table), 50, "{table}");
    assert!(
        table.contains("… 5 more; --all shows every row, --limit N shows N"),
        "{table}"
    );
    let table = on_terminal(&db, &["claims", "--all"]);
    assert_eq!(claim_rows(&table), 55);
    assert!(!table.contains("more;"));
    let table = on_terminal(&db, &["claims", "--limit", "3"]);
    assert_eq!(claim_rows(&table), 3);
    assert!(table.contains("… 52 more;"), "{table}");
    // Sources: 55 outlets.
    let table = on_terminal(&db, &["sources"]);
    assert_eq!(table.lines().filter(|l| l.contains("Outlet ")).count(), 50);
    assert!(table.contains("… 5 more;"), "{table}");
    assert_eq!(
        on_terminal(&db, &["sources", "--all"])
            .lines()
            .filter(|l| l.contains("Outlet "))
            .count(),
        55
    );
    // JSON on a terminal, and every format in a pipe, get every row by default.
    let json: Value =
        serde_json::from_str(&on_terminal(&db, &["claims", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 55);
    assert_eq!(claim_rows(&db.ok(&["claims", "--format", "table"])), 55);
    assert_eq!(db.ok(&["claims"]).lines().count(), 55);
    assert_eq!(db.ok(&["claims", "--format", "csv"]).lines().count(), 56);
    assert_eq!(db.ok(&["sources", "--format", "jsonl"]).lines().count(), 55);
    // An explicit --limit holds in every format.
    assert_eq!(db.ok(&["claims", "--limit", "4"]).lines().count(), 4);
    assert_eq!(
        db.ok(&["sources", "--limit", "2", "--format", "csv"])
            .lines()
            .count(),
        3
    );
    db.fails(&["claims", "--all", "--limit", "3"], 2);
}

fn write_csv(dir: &std::path::Path, body: &str) -> String {
    let p = dir.join("articles.csv");
    let mut f = std::fs::File::create(&p).unwrap();
    f.write_all(body.as_bytes()).unwrap();
    p.to_str().unwrap().to_string()
}

const CSV_HEAD: &str = "article_id,publish_date,article_source_link,text\n";

#[test]
fn extract_date_column_sets_published() {
    let db = TestDb::new();
    let csv = write_csv(
        db.dir.path(),
        &format!(
            "{CSV_HEAD}\
             1,2017/2/7,https://harbor-times.example/a,\"Dock worker Ana Ruiz said the cranes stopped at noon.\"\n\
             2,7 February 2017,https://harbor-times.example/b,\"Captain Li Wen said the port was closed.\"\n\
             3,\"Feb 8, 2017\",https://harbor-times.example/c,\"Pilot Omar Haddad said the channel was dredged.\"\n\
             4,,https://harbor-times.example/d,\"Clerk Mia Sato said the ferry was late.\"\n"
        ),
    );
    let out = db.ok(&[
        "extract",
        "--csv",
        &csv,
        "--url-column",
        "article_source_link",
        "--id-column",
        "article_id",
        "--date-column",
        "publish_date",
    ]);
    let recs: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 4, "{out}");
    let published: Vec<Option<&str>> = recs.iter().map(|r| r["published"].as_str()).collect();
    assert_eq!(
        published,
        [
            Some("2017-02-07"),
            Some("2017-02-07"),
            Some("2017-02-08"),
            None
        ]
    );
    // Imported: the dates are the reports' publication dates.
    db.ok(&[
        "extract",
        "--csv",
        &csv,
        "--url-column",
        "article_source_link",
        "--date-column",
        "publish_date",
        "--import",
    ]);
    let rows = db.claims(&["--until", "2017-02-07"]);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows.iter().all(|r| r["first_seen"] == "2017-02-07"));
}

#[test]
fn extract_date_column_refuses_unreadable_dates_naming_line_and_value() {
    let db = TestDb::new();
    let csv = write_csv(
        db.dir.path(),
        &format!(
            "{CSV_HEAD}\
             1,2017/2/7,https://harbor-times.example/a,\"Dock worker Ana Ruiz said the cranes stopped at noon.\"\n\
             2,2017/2/30,https://harbor-times.example/b,\"Captain Li Wen said the port was closed.\"\n"
        ),
    );
    let args = [
        "extract",
        "--csv",
        &csv,
        "--url-column",
        "article_source_link",
        "--date-column",
        "publish_date",
        "--import",
    ];
    let err = db.fails(&args, 2);
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("2017/2/30"), "{err}");
    // All or nothing: the first row was not imported either.
    assert!(db.claims(&[]).is_empty());
    // A column that is not there is named.
    let err = db.fails(
        &[
            "extract",
            "--csv",
            &csv,
            "--url-column",
            "article_source_link",
            "--date-column",
            "date",
        ],
        2,
    );
    assert!(err.contains("no column \"date\""), "{err}");
}

#[test]
fn the_news_corpus_date_column_reads_on_every_row() {
    // The real corpus writes its dates as 2017/2/7; every record gets an ISO date.
    let csv = common::shared_file("data/news/news_articles_dev.csv");
    let db = TestDb::new();
    let out = db.ok(&[
        "extract",
        "--csv",
        csv.to_str().unwrap(),
        "--url-column",
        "article_source_link",
        "--date-column",
        "publish_date",
    ]);
    let mut n = 0;
    for l in out.lines() {
        let r: Value = serde_json::from_str(l).unwrap();
        let p = r["published"].as_str().expect("every row has a date");
        // 2016/8/23 → 2016-08-23; one row has a time: 2016/12/30 7:11 → 2016-12-30T07:11.
        assert!(
            (p.len() == 10 || p.len() == 16)
                && corroborate::date::sort_key(p).is_ok()
                && (p.starts_with("2016-") || p.starts_with("2017-")),
            "{p}"
        );
        n += 1;
    }
    assert!(n > 100, "only {n} records");
}

proptest! {
    #[test]
    fn date_and_word_parsers_never_panic(s in ".{0,60}") {
        if let Some(iso) = corroborate::date::parse_loose(&s) {
            // What it returns is a date the strict parser accepts.
            prop_assert!(corroborate::date::sort_key(&iso).is_ok(), "{iso}");
        }
        let _ = corroborate::find::DateRange::parse(Some(&s), Some(&s));
        if let Ok(q) = corroborate::find::TextQuery::new(&s) {
            // A text always has the words it is searched for with.
            prop_assert!(q.matches(&s));
        }
    }

    #[test]
    fn loose_dates_round_trip(y in 1800i64..2100, m in 1i64..=12, d in 1i64..=28) {
        let months = ["January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"];
        let want = format!("{y:04}-{m:02}-{d:02}");
        let name = months[(m - 1) as usize];
        for s in [
            format!("{y}/{m}/{d}"),
            format!("{d} {name} {y}"),
            format!("{} {d}, {y}", &name[..3]),
            want.clone(),
        ] {
            prop_assert_eq!(corroborate::date::parse_loose(&s), Some(want.clone()), "{}", s);
        }
    }
}

#[test]
fn a_backup_keeps_when_each_report_was_recorded() {
    // A report without a publication date is dated by when it was recorded; a backup
    // writes that time (`recorded`) and a restore keeps it.
    let db = TestDb::new();
    db.import(
        &(json!({"type": "report", "claim": BRIDGE, "chain": "City Blog", "recorded": "2019-05-06T07:08:09Z"})
            .to_string()
            + "\n"),
    );
    let rows = db.claims(&[]);
    assert_eq!(rows[0]["first_seen"], "2019-05-06T07:08:09Z");
    assert_eq!(rows[0]["last_seen"], "2019-05-06T07:08:09Z");
    let backup = db.ok(&["export", "--format", "jsonl"]);
    assert!(
        backup.contains("\"recorded\":\"2019-05-06T07:08:09Z\""),
        "{backup}"
    );
    let copy = TestDb::new();
    copy.import(&backup);
    assert_eq!(copy.claims(&[]), rows);
    assert_eq!(
        ids(&copy, &["--since", "2019-05-06", "--until", "2019-05-06"]),
        sorted(&[BRIDGE])
    );
    // A recording time is checked like a publication date.
    let out = copy
        .cmd()
        .args(["import", "-"])
        .write_stdin(
            json!({"type": "report", "claim": "Y", "chain": "A", "recorded": "9999-01-01"})
                .to_string(),
        )
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("check the year"));
}
