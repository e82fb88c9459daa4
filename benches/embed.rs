//! Embedding throughput: sentences per second of `corroborate::embed::Embedder` at
//! several batch sizes, with batches built from length-sorted inputs (what
//! `Embedder::embed` does) and from inputs in their given order, and the ratio.
//!
//! `CORROBORATE_MODEL=DIR cargo bench --bench embed -- [--sentences N] [--batches 8,32]
//! [--workers 1,2] [--reps R]`
//!
//! The sentences are the first N (default 1000) sentences of 30–400 characters of the
//! articles in `../shared/data/news/news_articles_dev.csv`, read at run time, in corpus
//! order. Each setting runs R times (default 2) and the fastest run is reported. The
//! load average of the machine is printed before and after, since other processes move
//! the numbers.

use std::path::PathBuf;
use std::time::Instant;

use corroborate::embed::Embedder;

fn list(s: &str) -> Vec<usize> {
    s.split(',')
        .map(|x| x.trim().parse().expect("a list of numbers: 8,32"))
        .collect()
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// Sentences of the corpus: article texts cut after `.`, `!` or `?` followed by a space.
fn sentences(n: usize) -> Vec<String> {
    let path = std::env::var_os("CORROBORATE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
        .join("data/news/news_articles_dev.csv");
    let mut reader = csv::Reader::from_path(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared data is needed)", path.display()));
    let text_col = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "text")
        .expect("a text column");
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.expect("CSV record");
        let text = record.get(text_col).unwrap_or("");
        let mut start = 0;
        let bytes = text.as_bytes();
        for i in 0..bytes.len() {
            let end = matches!(bytes[i], b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_none_or(|b| *b == b' ');
            if end {
                let s = text[start..=i].trim();
                if (30..=400).contains(&s.len()) {
                    out.push(s.to_string());
                    if out.len() == n {
                        return out;
                    }
                }
                start = i + 1;
            }
        }
    }
    out
}

fn main() {
    let mut n = 1000;
    let mut batches = vec![1, 8, 16, 32, 64];
    let mut workers = vec![1, 2];
    let mut reps = 2;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--sentences" => n = value().parse().expect("--sentences N"),
            "--batches" => batches = list(&value()),
            "--workers" => workers = list(&value()),
            "--reps" => reps = value().parse().expect("--reps R"),
            _ => {} // `cargo bench` passes `--bench`
        }
    }
    let dir = std::env::var_os("CORROBORATE_MODEL")
        .map(PathBuf::from)
        .expect(
            "set CORROBORATE_MODEL to the all-MiniLM-L6-v2 directory (README: Getting the model)",
        );
    let mut embedder = Embedder::load(&dir).expect("model");
    let texts = sentences(n);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let chars: usize = refs.iter().map(|s| s.chars().count()).sum();
    println!(
        "model {}, {} sentences (mean {:.0} characters), RAYON_NUM_THREADS={}, load average before: {}",
        embedder.model_id(),
        refs.len(),
        chars as f64 / refs.len().max(1) as f64,
        std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "unset".into()),
        loadavg()
    );
    println!();
    println!("| workers | batch | sorted (sent/s) | unsorted (sent/s) | sorted / unsorted |");
    println!("| ---: | ---: | ---: | ---: | ---: |");
    for &w in &workers {
        embedder.set_workers(w);
        for &b in &batches {
            let rate = |sorted: bool| {
                (0..reps)
                    .map(|_| {
                        let t = Instant::now();
                        let v = embedder
                            .embed_batched(&refs, b, sorted, &mut |_, _| {})
                            .expect("embed");
                        std::hint::black_box(v);
                        refs.len() as f64 / t.elapsed().as_secs_f64()
                    })
                    .fold(0.0, f64::max)
            };
            let sorted = rate(true);
            let unsorted = if b == 1 { sorted } else { rate(false) };
            println!(
                "| {w} | {b} | {sorted:.1} | {unsorted:.1} | {:.2} |",
                sorted / unsorted
            );
        }
    }
    println!();
    println!("load average after: {}", loadavg());
}
