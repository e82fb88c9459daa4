//! Evaluation of attribution extraction on the dev split of the labelled articles
//! (`tests/data/extraction/`, texts in `../shared/data/news/news_articles_dev.csv`, or
//! under `$CORROBORATE_SHARED`):
//! prints the table to stderr and fails when the scores fall below floors set a little
//! under the measured dev scores, so a regression fails. The test split is frozen and
//! is never scored here (only its shape is checked). Fails when the shared data is
//! absent: a missing corpus must not pass silently.

mod common;

use std::path::PathBuf;

use corroborate::extract::eval::{evaluate_csv, load_label_set};

fn root() -> PathBuf {
    common::root().to_path_buf()
}

/// The corpus, from `../shared` (or `$CORROBORATE_SHARED`); panics, saying what is
/// missing, when it is absent.
fn corpus() -> PathBuf {
    common::shared_file("data/news/news_articles_dev.csv")
}

#[test]
fn dev_split_stays_above_floors() {
    let csv = corpus();
    let set =
        load_label_set(&root().join("tests/data/extraction"), "dev").expect("dev labels load");
    let report = evaluate_csv(&csv, &set).expect("evaluation runs");
    eprintln!("{}", report.table());
    // The label set itself: enough articles and statements, every outlet.
    assert!(
        report.articles() >= 60,
        "only {} dev articles",
        report.articles()
    );
    assert!(
        report.chain.gold >= 400,
        "only {} dev statements",
        report.chain.gold
    );
    assert_eq!(
        report.per_outlet.len(),
        9,
        "outlets: {:?}",
        report.per_outlet.iter().map(|o| &o.0).collect::<Vec<_>>()
    );
    // Floors: a little below the scores of the extractor when the labels were frozen
    // (see docs/extraction.md). Raise them when the extractor improves; never lower them
    // to make a change pass.
    let (c, o) = (report.chain, report.origin);
    assert!(
        c.precision() >= FLOOR_CHAIN_P,
        "chain precision {:.3} < {FLOOR_CHAIN_P}",
        c.precision()
    );
    assert!(
        c.recall() >= FLOOR_CHAIN_R,
        "chain recall {:.3} < {FLOOR_CHAIN_R}",
        c.recall()
    );
    assert!(
        c.f1() >= FLOOR_CHAIN_F1,
        "chain F1 {:.3} < {FLOOR_CHAIN_F1}",
        c.f1()
    );
    assert!(
        o.f1() >= FLOOR_ORIGIN_F1,
        "origin F1 {:.3} < {FLOOR_ORIGIN_F1}",
        o.f1()
    );
    // Origin level is never below chain level; the interval holds the estimate.
    assert!(o.tp >= c.tp);
    assert!(report.chain_ci.f1.lo <= c.f1() && c.f1() <= report.chain_ci.f1.hi);
}

// Measured on 2026-12-03 after the stop-30 clause-shape changes (possessive
// appositions, "media said", quantities and day phrases after the cue, "telling",
// coordinated predicates and people, glued "Name-said", "accusing"): chain P 0.916,
// R 0.778, F1 0.842; origin F1 0.858 (docs/extraction.md).
// Measured on 2026-12-03 after the stop-27 changes (bracketed glosses and roles after
// the cue are not the speaker; a body named with "and"; a possessive before a body named
// with "of"): chain P 0.911, R 0.748, F1 0.822; origin F1 0.838 (docs/extraction.md).
// Measured on 2026-12-03 after the stop-26 change (a document introduced with its
// author speaks for it, and "the report" resolves to that author): chain P 0.895,
// R 0.734, F1 0.807; origin F1 0.823 (docs/extraction.md).
// Measured on 2026-12-02 after the stop-25 changes (coordinated-clause subjects,
// parentheticals, party labels, embedded posts, nouns after prepositions, shared heads,
// modifier descriptions): chain P 0.887, R 0.728, F1 0.799; origin F1 0.816
// (docs/extraction.md). Before them (issue 12): 0.877 / 0.721 / 0.791 and 0.808; the
// frozen rules had scored 0.831 / 0.648 / 0.728 and 0.760.
const FLOOR_CHAIN_P: f64 = 0.90;
const FLOOR_CHAIN_R: f64 = 0.76;
const FLOOR_CHAIN_F1: f64 = 0.83;
const FLOOR_ORIGIN_F1: f64 = 0.84;

#[test]
fn test_split_is_whole_and_apart() {
    // Loads the frozen test split and checks its shape, without scoring it.
    let dir = root().join("tests/data/extraction");
    let test = load_label_set(&dir, "test").expect("test labels load");
    let dev = load_label_set(&dir, "dev").expect("dev labels load");
    assert!(
        test.articles.len() >= 25,
        "only {} test articles",
        test.articles.len()
    );
    assert!(
        test.labels.len() >= 150,
        "only {} test statements",
        test.labels.len()
    );
    let outlets: std::collections::BTreeSet<&str> =
        test.articles.iter().map(|a| a.outlet.as_str()).collect();
    assert_eq!(outlets.len(), 9, "test outlets: {outlets:?}");
    for a in &test.articles {
        assert!(
            !dev.articles.iter().any(|d| d.article_id == a.article_id),
            "article {} is in both splits",
            a.article_id
        );
    }
    // The corpus must be there too, and hold every test article.
    let csv = corpus();
    let ids: std::collections::HashSet<String> = csv::Reader::from_path(&csv)
        .expect("corpus opens")
        .records()
        .map(|r| r.expect("corpus row")[0].to_string())
        .collect();
    for a in &test.articles {
        assert!(
            ids.contains(&a.article_id),
            "test article {} not in the corpus",
            a.article_id
        );
    }
}
