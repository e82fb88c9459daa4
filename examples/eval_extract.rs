//! Evaluate the attribution extractor on one split of the labelled articles and print
//! precision, recall and F1 at the chain and origin levels with bootstrap intervals.
//!
//! `cargo run --release --example eval_extract [-- --split dev|test] [--errors]`
//! `[--article ID]` `[--text PUBLISHER]`
//!
//! The split defaults to `dev`. The `test` split is frozen: score it only when a piece
//! of work is finished, and never read its errors (`--errors` is refused with it).
//! `--article` prints what is extracted from one article, `--text` from standard input.
//! The corpus is `../shared/data/news/news_articles_dev.csv` (or `$CORROBORATE_SHARED/data/…`),
//! the labels `tests/data/extraction/`.

use std::path::PathBuf;
use std::process::exit;

use corroborate::extract::eval::{evaluate_csv, load_label_set, outlet_for_url};
use corroborate::extract::{extract, ArticleMeta};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .map(|i| args.get(i + 1).cloned().unwrap_or_default())
    };
    let show_errors = args.iter().any(|a| a == "--errors");
    if let Some(publisher) = value("--text") {
        let mut text = String::new();
        if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
            eprintln!("error: reading standard input: {e}");
            exit(1);
        }
        let meta = ArticleMeta {
            publisher: if publisher.is_empty() {
                "Wire".into()
            } else {
                publisher
            },
            url: None,
            published: None,
        };
        for x in extract(&text, &meta) {
            println!(
                "{}..{} {:?} [{}] {}",
                x.span.0, x.span.1, x.kind, x.chain, x.claim
            );
        }
        return;
    }
    let shared = std::env::var_os("CORROBORATE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let csv = shared.join("data/news/news_articles_dev.csv");
    if !csv.exists() {
        eprintln!(
            "error: the development CSV {} is absent; set CORROBORATE_SHARED to the shared data directory",
            csv.display()
        );
        exit(1);
    }
    if let Some(id) = value("--article") {
        show_article(&csv, &id);
        return;
    }
    let split = value("--split").unwrap_or_else(|| "dev".into());
    if split == "test" && show_errors {
        eprintln!("error: the test split is frozen; its errors are not listed (use --split dev)");
        exit(2);
    }
    let set = match load_label_set(&root.join("tests/data/extraction"), &split) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            exit(2);
        }
    };
    match evaluate_csv(&csv, &set) {
        Ok(report) => {
            println!("split {split}");
            print!("{}", report.table());
            if show_errors {
                for e in report.errors() {
                    println!("{e}");
                }
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            exit(1);
        }
    }
}

/// Print the statements extracted from one article of the CSV.
fn show_article(csv_path: &std::path::Path, id: &str) {
    let mut rdr = match csv::Reader::from_path(csv_path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot open {}: {e}", csv_path.display());
            exit(1);
        }
    };
    for rec in rdr.records().flatten() {
        if rec.get(0) != Some(id) {
            continue;
        }
        let url = rec.get(2).unwrap_or("");
        let text = rec.get(5).unwrap_or("");
        let meta = ArticleMeta {
            publisher: outlet_for_url(url).unwrap_or_else(|| "unknown".to_string()),
            url: Some(url.to_string()),
            published: None,
        };
        for x in extract(text, &meta) {
            println!(
                "{}..{} {:?} [{}] {}",
                x.span.0, x.span.1, x.kind, x.chain, x.claim
            );
        }
    }
}
