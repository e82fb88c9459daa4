//! Evaluation of attribution extraction on the labelled development articles of
//! `../shared/data/news/news_articles_dev.csv` (labels in
//! `tests/data/extraction/dev_labels.jsonl`): prints the table to stderr and checks the
//! targets (chain-level F1 ≥ 0.85 with precision ≥ 0.90). Fails, saying what is
//! missing, when the shared data is absent.

mod common;

use corroborate::extract::eval::{evaluate_csv, load_labels};

#[test]
fn dev_set_meets_targets() {
    let csv = common::shared_file("data/news/news_articles_dev.csv");
    let labels = load_labels(&common::root().join("tests/data/extraction/dev_labels.jsonl"))
        .expect("labels parse");
    let report = evaluate_csv(&csv, &labels).expect("evaluation runs");
    eprintln!("{}", report.table());
    // The label set itself: enough articles, chains and long chains, every outlet.
    assert!(
        report.articles >= 15,
        "only {} labelled articles",
        report.articles
    );
    assert!(
        report.chain.gold >= 100,
        "only {} gold chains",
        report.chain.gold
    );
    assert!(
        report.gold_three_hop >= 25,
        "only {} gold chains with 3+ hops",
        report.gold_three_hop
    );
    assert!(
        report.per_outlet.len() >= 9,
        "outlets: {:?}",
        report.per_outlet.iter().map(|o| &o.0).collect::<Vec<_>>()
    );
    let c = report.chain;
    assert!(
        c.precision() >= 0.90,
        "chain precision {:.3} < 0.90",
        c.precision()
    );
    assert!(c.f1() >= 0.85, "chain F1 {:.3} < 0.85", c.f1());
    // Origin level is never below chain level.
    assert!(report.origin.tp >= c.tp);
}
