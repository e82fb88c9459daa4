//! Workload generator for the store benchmarks: writes a deterministic JSONL file in
//! the import format (source records first, then reports) for a given report count
//! and seed. The same seed always gives the same bytes.
//!
//! `cargo run --release --example gen -- --reports 100000 --seed 1 --out work.jsonl`
//! (without `--out` the lines go to standard output).

#[path = "../benches/support/gen_core.rs"]
mod gen_core;

use std::io::{BufWriter, Write};

fn usage() -> ! {
    eprintln!("usage: gen --reports N [--seed S] [--out FILE]");
    std::process::exit(2);
}

fn main() {
    let mut reports: Option<u64> = None;
    let mut seed = 1u64;
    let mut out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |what: &str| {
            args.next().unwrap_or_else(|| {
                eprintln!("{what} needs a value");
                usage()
            })
        };
        match a.as_str() {
            "--reports" => reports = value("--reports").parse().ok().or_else(|| usage()),
            "--seed" => seed = value("--seed").parse().unwrap_or_else(|_| usage()),
            "--out" => out = Some(value("--out")),
            "-h" | "--help" => usage(),
            other => {
                eprintln!("unknown argument {other:?}");
                usage()
            }
        }
    }
    let Some(reports) = reports else { usage() };
    let cfg = gen_core::GenConfig { reports, seed };
    let sink: Box<dyn Write> = match &out {
        Some(path) => Box::new(std::fs::File::create(path).expect("create the output file")),
        None => Box::new(std::io::stdout().lock()),
    };
    let stats = gen_core::generate(&cfg, BufWriter::with_capacity(1 << 20, sink))
        .expect("write the workload");
    eprintln!(
        "wrote {} sources, {} claims ({} circular), {} reports ({} with an anonymous origin), {} bytes",
        stats.sources,
        stats.claims,
        stats.circular_claims,
        stats.reports,
        stats.anonymous_origins,
        stats.bytes
    );
}
