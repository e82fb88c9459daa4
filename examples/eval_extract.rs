//! Evaluate the attribution extractor on the labelled development articles and print a
//! table of precision, recall and F1 at the chain and origin levels.
//!
//! `cargo run --release --example eval_extract [-- --errors] [--article ID] [--text PUBLISHER]`
//! (`--article` prints what is extracted from one article, `--text` from standard
//! input); paths default to
//! `../shared/data/news/news_articles_dev.csv` and `tests/data/extraction/dev_labels.jsonl`.

use std::path::PathBuf;

use corroborate::extract::eval::{evaluate_csv, load_labels};

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let csv = root.join("../shared/data/news/news_articles_dev.csv");
    let labels = root.join("tests/data/extraction/dev_labels.jsonl");
    if !csv.exists() {
        eprintln!(
            "the development CSV {} is absent; nothing to evaluate",
            csv.display()
        );
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--text") {
        // Extract from text given on standard input, with the publisher after --text.
        let publisher = args.get(i + 1).cloned().unwrap_or_else(|| "Wire".into());
        let mut text = String::new();
        if std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).is_ok() {
            let meta = corroborate::extract::ArticleMeta {
                publisher,
                url: None,
                published: None,
            };
            for x in corroborate::extract::extract(&text, &meta) {
                println!(
                    "{}..{} {:?} [{}] {}",
                    x.span.0, x.span.1, x.kind, x.chain, x.claim
                );
            }
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--article") {
        if let Some(id) = args.get(i + 1) {
            show_article(&csv, id);
        }
        return;
    }
    let gold = match load_labels(&labels) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    match evaluate_csv(&csv, &gold) {
        Ok(report) => {
            print!("{}", report.table());
            if show_errors {
                for e in &report.errors {
                    println!("{e}");
                }
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

/// Print the statements extracted from one article of the CSV.
fn show_article(csv_path: &std::path::Path, id: &str) {
    use corroborate::extract::{eval::outlet_for_url, extract, ArticleMeta};
    let Ok(mut rdr) = csv::Reader::from_path(csv_path) else {
        eprintln!("cannot open {}", csv_path.display());
        return;
    };
    for rec in rdr.records().flatten() {
        if rec.get(0) != Some(id) {
            continue;
        }
        let url = rec.get(2).unwrap_or("");
        let text = rec.get(5).unwrap_or("");
        let meta = ArticleMeta {
            publisher: outlet_for_url(url).unwrap_or("unknown").to_string(),
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
