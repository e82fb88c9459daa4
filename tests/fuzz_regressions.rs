//! Regression tests for what the fuzz targets in `fuzz/` found (see docs/fuzzing.md).
//! Each feeds the minimised input through the same public API as its target and
//! asserts the correct behaviour.

use std::path::Path;

use corroborate::db::Database;
use corroborate::source::{parse_http_url, Registry, Resolution, SourcePatch};

fn fuzz_input(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn homepage(url: &str) -> SourcePatch {
    SourcePatch {
        homepage: Some(parse_http_url(url).unwrap()),
        ..Default::default()
    }
}

/// resolve_domain: a source whose homepage is replaced kept answering for its old
/// host until the registry was reloaded, so a hop resolved differently before and
/// after reopening the database. The input is the target's script: two source lines
/// giving `X` the homepage http://a.com, then http://b.com.
#[test]
fn replaced_homepage_stops_resolving_at_once() {
    let script = fuzz_input("resolve_domain-homepage-replaced");
    let mut reg = Registry::new();
    for line in script.lines() {
        let rest = line.strip_prefix("S ").expect("a source line");
        let (name, url) = rest.split_once("||").expect("name||homepage");
        reg.upsert(name, &homepage(url)).unwrap();
    }
    let x = reg.find("X").unwrap();
    assert_eq!(reg.resolve("a.com"), Resolution::Unknown);
    assert_eq!(reg.resolve("http://a.com/"), Resolution::Unknown);
    assert_eq!(reg.resolve("b.com"), Resolution::Known(x));
    let reloaded = Registry::from_sources(reg.all().to_vec()).unwrap();
    for w in ["a.com", "http://a.com/", "b.com", "www.b.com", "X"] {
        assert_eq!(reloaded.resolve(w), reg.resolve(w), "{w:?}");
    }
}

/// resolve_domain (CI smoke, 2 December): `Wire` is merged into `Desk`, `Desk` takes
/// Wire's homepage and then moves to its own. Moving dropped the old host from the
/// index although the merged `Wire` still has it there, so wire.example stopped
/// resolving until the registry was reloaded (and then resolved again). The script:
/// two sources, the merge, the two homepages.
#[test]
fn a_merged_source_keeps_its_homepage_when_the_live_one_moves() {
    let script = fuzz_input("resolve_domain-merged-homepage-kept");
    let mut reg = Registry::without_outlets();
    for line in script.lines() {
        match line.split_once(' ').expect("an operation") {
            ("S", rest) => {
                let (name, url) = rest.split_once("||").unwrap_or((rest, ""));
                let patch = match url {
                    "" => SourcePatch::default(),
                    u => homepage(u),
                };
                reg.upsert(name, &patch).unwrap();
            }
            ("M", rest) => {
                let (into, from) = rest.split_once('|').expect("into|from");
                let (into, from) = (reg.find(into).unwrap(), reg.find(from).unwrap());
                reg.merge(into, from).unwrap();
            }
            (op, _) => panic!("unexpected operation {op:?}"),
        }
    }
    let desk = reg.find("Desk").unwrap();
    assert_eq!(
        reg.resolve("https://wire.example/x"),
        Resolution::Known(desk)
    );
    assert_eq!(reg.resolve("desk.example"), Resolution::Known(desk));
    let reloaded = Registry::from_sources(reg.all().to_vec()).unwrap();
    for w in [
        "https://wire.example/x",
        "wire.example",
        "desk.example",
        "Wire",
    ] {
        assert_eq!(reloaded.resolve(w), reg.resolve(w), "{w:?}");
    }
}

/// The same through the database: the homepage changes in one command, a hop naming
/// the old host comes in the next (after a reopen); the store must still be what a
/// replay of the ledger gives, so `verify` finds nothing.
#[test]
fn replaced_homepage_keeps_the_store_a_function_of_the_ledger() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("db");
    {
        let mut db = Database::open(&dir).unwrap();
        let sources = concat!(
            r#"{"type":"source","name":"X","homepage":"http://a.com"}"#,
            "\n",
            r#"{"type":"source","name":"X","homepage":"http://b.com"}"#,
            "\n",
        );
        db.import(sources.as_bytes(), "import sources", &mut |_| {})
            .unwrap();
    }
    let mut db = Database::open(&dir).unwrap();
    let report = r#"{"type":"report","claim":"The dam broke.","chain":"Blog via a.com"}"#;
    db.import(report.as_bytes(), "import report", &mut |_| {})
        .unwrap();
    let rep = db.verify().unwrap();
    assert!(rep.problems.is_empty(), "{:?}", rep.problems);
    // a.com is no longer X's homepage, so the hop made a source of its own.
    assert_ne!(
        db.registry().find("a.com").unwrap(),
        db.registry().find("X").unwrap()
    );
}

/// normalize_hash: rule v1 is not idempotent when a capital I with dot (U+0130) is
/// followed by a combining mark of lower combining class (here the Hebrew point sheva
/// U+05B0): NFKC keeps İ composed, lowercasing then gives i + U+0307 before U+05B0,
/// and a second pass puts them in canonical order. v1 is a frozen contract (a change
/// is a new version), so this pins what it does: ids come from the text as written,
/// stay stable, and a second pass reaches a fixed point.
#[test]
fn dotted_capital_i_before_a_combining_mark() {
    let text = fuzz_input("normalize_hash-dotted-capital-i");
    assert_eq!(text, "\u{130}\u{5b0}");
    let once = corroborate::claim::normalize_v1(&text);
    assert_eq!(once, "i\u{307}\u{5b0}");
    let twice = corroborate::claim::normalize_v1(&once);
    assert_eq!(twice, "i\u{5b0}\u{307}");
    assert_eq!(corroborate::claim::normalize_v1(&twice), twice);
    let id = corroborate::claim::ClaimId::of_text(&text);
    assert_eq!(id, corroborate::claim::ClaimId::of_normalized(&once));
    assert_eq!(id, corroborate::claim::ClaimId::of_text(&text));
}

/// Found by the property test `normalization_is_idempotent` in CI (stop 60): a capital
/// with no precomposed form with its mark stays decomposed under NFKC, and its
/// lowercase composes on a second pass. Rule v1 is frozen; the id is the text's.
#[test]
fn capital_w_with_a_ring_composes_only_on_a_second_pass() {
    let once = corroborate::claim::normalize_v1("W\u{30a}");
    assert_eq!(once, "w\u{30a}");
    let twice = corroborate::claim::normalize_v1(&once);
    assert_eq!(twice, "\u{1e98}");
    assert_eq!(corroborate::claim::normalize_v1(&twice), twice);
    assert_eq!(
        corroborate::claim::ClaimId::of_text("W\u{30a}"),
        corroborate::claim::ClaimId::of_normalized(&once)
    );
}

/// resolve_domain: `domain_of("https://.")` gave the empty host key (the host "." without
/// its trailing dot), a domain that names nothing. A rating file with such a cell then
/// failed with "\"\" does not make a homepage URL" instead of skipping the row.
#[test]
fn a_url_whose_host_is_only_dots_is_no_domain() {
    for s in ["https://.", "http://...", "https://./news", " https://.. "] {
        assert_eq!(corroborate::source::domain_of(s), None, "{s:?}");
    }
    assert_eq!(
        corroborate::source::domain_of("https://www.cnn.com./x"),
        Some("cnn.com".to_string())
    );
    let csv = fuzz_input("ratings_csv-empty-host.csv");
    let opts = corroborate::ratings::RatingOptions {
        domain_column: "domain".into(),
        rating_column: "rating".into(),
        scale: (0.0, 100.0),
        override_existing: false,
    };
    let plan = corroborate::ratings::plan_ratings(csv.as_bytes(), &Registry::new(), &opts)
        .expect("the row is skipped, not an error");
    assert_eq!(plan.rows, 2);
    assert_eq!(plan.created, 1);
    assert_eq!(plan.skipped.len(), 1);
    assert_eq!(plan.skipped[0].line, 2);
    assert_eq!(plan.skipped[0].value, "https://.");
    assert_eq!(plan.patches[0].1, "cnn.com");
}

/// The CI smoke of `extract_text` (seed 1) found a statement that was only "." and
/// became a report record `import` refuses (an empty claim). Extraction now proposes
/// only what `import` accepts.
#[test]
fn extraction_never_proposes_an_empty_claim() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz/extract_text-empty-claim");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let data = String::from_utf8_lossy(&bytes);
    let (publisher, text) = data.split_once('\n').expect("publisher line");
    let meta = corroborate::extract::ArticleMeta {
        publisher: publisher.to_string(),
        ..Default::default()
    };
    for e in corroborate::extract::extract(text, &meta) {
        let line = serde_json::to_string(&e.to_record(&meta)).unwrap();
        corroborate::record::parse_line(&line)
            .unwrap_or_else(|err| panic!("{line} is refused by import: {err}"));
    }
    // And the statement that was only punctuation is not proposed at all.
    assert!(
        corroborate::extract::extract("Desert\n\".\" a police officer said.", &meta)
            .iter()
            .all(|e| !e.claim.trim_matches('.').is_empty())
    );
}
