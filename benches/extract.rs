//! Throughput of attribution extraction on the development corpus
//! (`../shared/data/news/news_articles_dev.csv`): extraction alone over texts held in
//! memory, and the streaming CSV path end to end. Prints MB/s and articles/s; the
//! target is the whole file in under two seconds on one core (release build).
//!
//! `cargo bench --bench extract`

use std::path::PathBuf;
use std::time::Instant;

use corroborate::extract::eval::outlet_for_url;
use corroborate::extract::{extract, extract_csv, ArticleMeta, CsvOptions};

fn main() {
    let csv =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/news/news_articles_dev.csv");
    let bytes = match std::fs::read(&csv) {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "skipping the extraction benchmark: cannot read {}: {e}",
                csv.display()
            );
            return;
        }
    };
    let mut rdr = csv::Reader::from_reader(bytes.as_slice());
    let mut articles: Vec<(ArticleMeta, String)> = Vec::new();
    for rec in rdr.records().flatten() {
        let url = rec.get(2).unwrap_or("").to_string();
        let meta = ArticleMeta {
            publisher: outlet_for_url(&url).unwrap_or_else(|| "unknown".to_string()),
            url: Some(url),
            published: None,
        };
        articles.push((meta, rec.get(5).unwrap_or("").to_string()));
    }
    let text_bytes: usize = articles.iter().map(|a| a.1.len()).sum();

    // Warm up once, then take the best of three runs.
    let mut best = f64::MAX;
    let mut statements = 0usize;
    for _ in 0..4 {
        let t = Instant::now();
        statements = articles
            .iter()
            .map(|(m, text)| extract(text, m).len())
            .sum();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "extract: {} articles, {:.1} MB of text, {} statements in {:.3} s: {:.1} MB/s, {:.0} articles/s",
        articles.len(),
        text_bytes as f64 / 1e6,
        statements,
        best,
        text_bytes as f64 / 1e6 / best,
        articles.len() as f64 / best
    );

    let opts = CsvOptions {
        text_column: "text".into(),
        publisher_column: None,
        url_column: Some("article_source_link".into()),
        id_column: Some("article_id".into()),
        date_column: None,
    };
    let lookup = outlet_for_url;
    let t = Instant::now();
    let mut emitted = 0u64;
    let summary = extract_csv(
        bytes.as_slice(),
        &opts,
        &lookup,
        &mut |x, m| {
            emitted += x
                .to_record(m)
                .as_object()
                .map_or(0, |o| o.len() as u64)
                .min(1);
            Ok(())
        },
        &mut |_| {},
    );
    let secs = t.elapsed().as_secs_f64();
    match summary {
        Ok(s) => println!(
            "extract_csv (with records): {} articles, {} statements, {:.1} MB in {:.3} s: {:.1} MB/s, {:.0} articles/s",
            s.articles,
            s.statements,
            bytes.len() as f64 / 1e6,
            secs,
            bytes.len() as f64 / 1e6 / secs,
            s.articles as f64 / secs
        ),
        Err(e) => eprintln!("extract_csv failed: {e}"),
    }
    let _ = emitted;
}
