//! `sources suggest`, `source distinct` and `--apply-certain` through the real binary,
//! on an invented dataset where each kind of evidence has one pair to find; and the
//! precision of suggestions on the labelled pairs of the real news corpus.

mod common;

use common::TestDb;
use serde_json::{json, Value};

fn report(claim: &str, chain: &str, url: &str) -> String {
    json!({"type": "report", "claim": claim, "chain": chain, "url": url}).to_string()
}

/// Invented names only. Each pair below is one source under two names.
fn dataset() -> String {
    [
        // Case/punctuation only (certain).
        report("The dam held.", "Q.R.N.", "https://a.example/1"),
        report("The dam broke.", "QRN", "https://a.example/2"),
        // Accents only.
        report("Tides rose.", "Zoë Quill", "https://a.example/3"),
        report("Tides fell.", "Zoe Quill", "https://a.example/4"),
        // Possessive.
        report("Ferries stopped.", "Marsh's", "https://a.example/5"),
        report("Ferries resumed.", "Marsh", "https://a.example/6"),
        // Party tags.
        report(
            "The bill passed.",
            "Ada Vance, R-Calif",
            "https://a.example/7",
        ),
        report("The bill failed.", "Ada Vance", "https://a.example/8"),
        report("The vote slipped.", "R-Calif", "https://a.example/9"),
        report("The vote held.", "R-California", "https://a.example/10"),
        // Acronym and expansion, word order turned round.
        report("Charts changed.", "Tides Bureau", "https://a.example/11"),
        report("Charts stayed.", "BOT", "https://a.example/12"),
        // A publisher domain and the outlet name it spells, in the same article.
        report(
            "Lanterns were lit.",
            "harborherald.example via Harbor Herald",
            "https://harborherald.example/13",
        ),
        // A domain under an outlet's homepage (given below): certain.
        report(
            "Bells rang.",
            "news.tidewire.example",
            "https://news.tidewire.example/14",
        ),
        // A surname and the full name cited in the same article.
        report(
            "Nets were cast.",
            "Bay Post via Orla Brennick",
            "https://baypost.example/15",
        ),
        report(
            "Nets were mended.",
            "Bay Post via Brennick",
            "https://baypost.example/15",
        ),
    ]
    .join("\n")
        + "\n"
}

fn setup() -> TestDb {
    let db = TestDb::new();
    db.import(&dataset());
    db.ok(&[
        "source",
        "set",
        "Tide Wire",
        "--homepage",
        "https://www.tidewire.example/",
    ]);
    db
}

fn suggestions(db: &TestDb, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["sources", "suggest", "--format", "json", "--min-score", "0"];
    args.extend_from_slice(extra);
    let v: Value = serde_json::from_str(&db.ok(&args)).expect("json");
    v.as_array().expect("array").clone()
}

/// The suggestion for the pair {a, b}, in either order.
fn find<'a>(all: &'a [Value], a: &str, b: &str) -> Option<&'a Value> {
    all.iter().find(|s| {
        let (x, y) = (s["a"].as_str().unwrap(), s["b"].as_str().unwrap());
        (x == a && y == b) || (x == b && y == a)
    })
}

fn kinds(s: &Value) -> Vec<String> {
    s["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn every_kind_of_evidence_is_found() {
    let db = setup();
    let all = suggestions(&db, &[]);
    let cases = [
        ("Q.R.N.", "QRN", "punctuation", true),
        ("Zoë Quill", "Zoe Quill", "accents", false),
        ("Marsh", "Marsh's", "possessive", false),
        ("Ada Vance", "Ada Vance, R-Calif", "party_tag", false),
        ("R-Calif", "R-California", "party_tag", false),
        ("Tides Bureau", "BOT", "acronym", false),
        ("Harbor Herald", "harborherald.example", "host_name", false),
        ("Tide Wire", "news.tidewire.example", "same_homepage", true),
        ("Orla Brennick", "Brennick", "short_form", false),
    ];
    for (a, b, kind, certain) in cases {
        let s = find(&all, a, b).unwrap_or_else(|| panic!("no suggestion {a} / {b}: {all:#?}"));
        assert!(kinds(s).contains(&kind.to_string()), "{a} / {b}: {s}");
        assert_eq!(s["certain"], certain, "{a} / {b}: {s}");
    }
    // The outlet name stays, the domain becomes its alias; the full name stays.
    let host = find(&all, "Harbor Herald", "harborherald.example").unwrap();
    assert_eq!(host["a"], "Harbor Herald");
    assert!(kinds(host).contains(&"same_article".to_string()), "{host}");
    assert_eq!(
        find(&all, "Orla Brennick", "Brennick").unwrap()["a"],
        "Orla Brennick"
    );
    assert_eq!(
        find(&all, "Tide Wire", "news.tidewire.example").unwrap()["a"],
        "Tide Wire"
    );
    // Nothing joins names that share no evidence.
    assert!(find(&all, "Marsh", "Orla Brennick").is_none());
}

#[test]
fn json_has_names_score_and_evidence() {
    let db = setup();
    let all = suggestions(&db, &["--limit", "3"]);
    assert_eq!(all.len(), 3);
    let mut last = f64::INFINITY;
    for s in &all {
        assert!(s["a"].is_string() && s["b"].is_string(), "{s}");
        let score = s["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&score), "{s}");
        assert!(score <= last, "best first");
        last = score;
        let ev = s["evidence"].as_array().expect("evidence list");
        assert!(!ev.is_empty());
        for e in ev {
            assert!(e["kind"].is_string() && e["reason"].is_string(), "{e}");
            assert!(
                e["weight"].as_f64().is_some_and(|w| w > 0.0 && w <= 1.0),
                "{e}"
            );
        }
    }
    // Certain pairs score 1 (same homepage) or 0.99 (punctuation), and come first.
    assert_eq!(all[0]["score"], 1.0);
    // The default minimum hides the weak pairs; CSV and the table render.
    let csv = db.ok(&["sources", "suggest", "--format", "csv"]);
    assert!(csv.starts_with("a,b,score,certain,evidence\n"), "{csv}");
    assert!(csv.contains("QRN"), "{csv}");
    let table = db.ok(&["sources", "suggest", "--format", "table"]);
    assert!(table.contains("Tide Wire"), "{table}");
    db.fails(&["sources", "suggest", "--min-score", "2"], 2);
}

#[test]
fn distinct_pairs_are_left_out_and_survive_a_rebuild() {
    let db = setup();
    assert!(find(&suggestions(&db, &[]), "Orla Brennick", "Brennick").is_some());
    let out = db.ok(&["source", "distinct", "Brennick", "Orla Brennick"]);
    assert!(out.contains("recorded as distinct"), "{out}");
    // Recording it again writes nothing.
    let again = db.ok(&["source", "distinct", "Orla Brennick", "brennick"]);
    assert!(again.contains("already"), "{again}");
    let log = db.ok(&["log", "--format", "csv"]);
    assert_eq!(log.matches("source distinct").count(), 1, "{log}");
    assert!(log.contains("1 distinct"), "{log}");
    assert!(find(&suggestions(&db, &[]), "Orla Brennick", "Brennick").is_none());
    // Other pairs are still suggested.
    assert!(find(&suggestions(&db, &[]), "Marsh", "Marsh's").is_some());
    db.ok(&["verify"]);
    db.ok(&["rebuild"]);
    db.ok(&["verify"]);
    assert!(find(&suggestions(&db, &[]), "Orla Brennick", "Brennick").is_none());
    // A pair that is one source already, and an unknown name, are refused.
    db.ok(&["source", "merge", "Marsh", "Marsh's", "--yes"]);
    let err = db.fails(&["source", "distinct", "Marsh", "Marsh's"], 2);
    assert!(err.contains("already the same source"), "{err}");
    db.fails(&["source", "distinct", "Marsh", "Nobody Known"], 2);
}

#[test]
fn apply_certain_merges_only_the_certain_pairs_and_the_log_says_so() {
    let db = setup();
    let before = suggestions(&db, &[]);
    let certain: Vec<&Value> = before.iter().filter(|s| s["certain"] == true).collect();
    assert_eq!(certain.len(), 2, "{before:#?}");
    let out = db.ok(&["sources", "suggest", "--apply-certain"]);
    assert!(out.contains("2 automatic merges"), "{out}");
    let log = db.ok(&["log", "--format", "json"]);
    let log: Value = serde_json::from_str(&log).unwrap();
    let automatic: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["what"].as_str().unwrap())
        .filter(|w| w.contains("automatic merge"))
        .collect();
    assert_eq!(automatic.len(), 2, "{log:#}");
    assert!(
        automatic.iter().any(|w| w.contains("same_homepage")),
        "{automatic:?}"
    );
    assert!(
        automatic.iter().any(|w| w.contains("punctuation")),
        "{automatic:?}"
    );
    // The merged names now resolve to one source; the uncertain pairs are untouched.
    let after = suggestions(&db, &[]);
    assert!(after.iter().all(|s| s["certain"] == false), "{after:#?}");
    assert!(find(&after, "Zoë Quill", "Zoe Quill").is_some());
    let sources = db.ok(&["sources", "--format", "json"]);
    let sources: Value = serde_json::from_str(&sources).unwrap();
    let tide = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Tide Wire")
        .expect("Tide Wire");
    assert!(
        tide["aliases"]
            .to_string()
            .contains("news.tidewire.example"),
        "{tide}"
    );
    // Nothing certain is left: a second run merges nothing.
    let again = db.ok(&["sources", "suggest", "--apply-certain"]);
    assert!(again.contains("0 automatic merges"), "{again}");
    db.ok(&["verify"]);
}

/// The labelled sample of the news corpus: automatic merges at least 0.95 right,
/// shown suggestions at least 0.8 (issue 14, item 7).
#[test]
fn precision_on_the_labelled_news_pairs() {
    let csv = common::shared_file("data/news/news_articles_dev.csv");
    let db = TestDb::new();
    db.ok(&[
        "extract",
        "--csv",
        csv.to_str().unwrap(),
        "--url-column",
        "article_source_link",
        "--id-column",
        "article_id",
        "--import",
    ]);
    let all = suggestions(&db, &[]);
    let listed: Vec<(String, String, f64, bool)> = all
        .iter()
        .map(|s| {
            (
                s["a"].as_str().unwrap().to_string(),
                s["b"].as_str().unwrap().to_string(),
                s["score"].as_f64().unwrap(),
                s["certain"].as_bool().unwrap(),
            )
        })
        .collect();
    let text = std::fs::read_to_string(common::root().join("tests/data/suggest/pairs.tsv"))
        .expect("tests/data/suggest/pairs.tsv");
    let labels = corroborate::suggest::parse_labels(&text).unwrap();
    assert_eq!(labels.len(), 100);
    let p = corroborate::suggest::precision(&listed, &labels);
    // The built-in outlet table resolves "cnn.com" and "CNN" at import, so the ten
    // labelled domain/outlet pairs are no longer suggested: 22 certain pairs remain.
    // Stop 25's extractor rules removed names some labelled pairs were made of (party
    // labels are never speakers: "R-Calif" ~ "R-California" and "D-Calif" ~
    // "D-California" can no longer arise; measured 19 certain and 45 shown pairs
    // after them, against 22 and 51). The floors follow what can still arise; the
    // precision floors are unchanged.
    // Stop 44: the certain pair "David Davis" ~ "David-Davis" no longer arises (see
    // below): measured 18 certain, all right.
    assert!(p.automatic.0 >= 18, "{p:?}");
    assert!(p.automatic_precision() >= 0.95, "{p:?}");
    // The labels were drawn from the extractor's output before issue 12's speaker
    // validity rule; that rule now drops possessives and weekdays as speakers
    // ("China's", "Monday's"), so the 18 labelled pairs made of such a name and its
    // base form can no longer arise, and 51 of the remaining labelled pairs are shown
    // (60 before). The precision floors below are unchanged. Redrawing the labels from
    // the current extractor is the follow-up (noted in issue 14's thread).
    // Stop 30's clause-shape rules changed the statements of about 400 articles, and
    // one more labelled pair is no longer shown: measured 44 shown, 42 of them right
    // (which pair was not traced). The precision floor is unchanged.
    // Stop 35: two more labelled pairs can no longer arise, traced by the names in the
    // whole-CSV output: "Mondays" was a mis-read speaker ("…, said manager Javier
    // Ramirez-Baron" is now read), and "Inspector-General Khalid Abu Bakar" is now
    // "Khalid Abu Bakar" (a compound title is no part of a name). Measured 42 shown,
    // 40 of them right.
    // Stop 38: the labelled pair "Iran" ~ "Iran's" can no longer arise, traced by
    // comparing `sources suggest` before and after: its only "Iran's" was a mis-read
    // relay ("Netanyahu said, referring to Iran's aggression, …" made "Iran's" a hop),
    // and "referring to" a name is now a topic, not a source. Measured 41 shown, 39
    // of them right.
    // Stop 42: the labelled pair "Kurdish-dominated SDF" ~ "SDF" can no longer arise,
    // traced by comparing every hop name of the whole-CSV output before and after: the
    // only "Kurdish-dominated SDF" was a mis-read speaker ("…, but the
    // Kurdish-dominated SDF, it argues, is not …" is now read as "X, it argues, Y",
    // the claim both sides). Measured 40 shown, 38 of them right.
    // Stop 44: the labelled pair "David Davis" ~ "David-Davis" can no longer arise:
    // the hyphen the scraper put between a first name and a surname is repaired when
    // the text is read ("Sergey-Rudskoi said", `text::normalise`), so every "David
    // Davis" is one source from the start. Measured 39 shown, 37 of them right.
    assert!(p.shown.0 >= 39, "{p:?}");
    assert!(p.shown_precision() >= 0.8, "{p:?}");
}
