//! Load benchmark of `corroborate serve` (a measurement, not a test): readers hammer the
//! API while one editor imports a large file through it.
//!
//! ```sh
//! cargo build --release
//! cargo run --release --example load -- --binary target/release/corroborate \
//!     [--base 20000] [--import 100000] [--readers 50] [--seconds 30]
//! ```
//!
//! It makes a temporary database with `--base` generated reports (benches/support's
//! generator, seed 1), a viewer and an editor, starts the server on a free loopback
//! port, runs `--readers` threads for `--seconds` (each request one of: the claims
//! listing with `limit=50`, one of 5,000 claims (mostly not among the answers the
//! server keeps, so computed), the sources listing, in turn), and two seconds
//! in posts the next `--import` reports of the same generated world as one all-or-nothing import.
//! It prints throughput, p50/p99/max latency (all reads, and reads that overlapped the
//! import), errors, the import's time and summary, and `verify` after the run.

#[path = "../benches/support/gen_core.rs"]
mod gen_core;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn usage() -> ! {
    eprintln!("usage: load --binary PATH [--base N] [--import N] [--readers N] [--seconds S]");
    std::process::exit(2);
}

fn generate(reports: u64, seed: u64) -> Vec<u8> {
    let mut buf = Vec::new();
    gen_core::generate(&gen_core::GenConfig { reports, seed }, &mut buf).expect("generate");
    buf
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let (mut binary, mut base, mut import, mut readers, mut seconds) =
        (None::<String>, 20_000u64, 100_000u64, 50usize, 30u64);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut v = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--binary" => binary = Some(v()),
            "--base" => base = v().parse().unwrap_or_else(|_| usage()),
            "--import" => import = v().parse().unwrap_or_else(|_| usage()),
            "--readers" => readers = v().parse().unwrap_or_else(|_| usage()),
            "--seconds" => seconds = v().parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let binary = binary.unwrap_or_else(|| usage());
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("db");
    let cli = |args: &[&str], stdin: Option<&[u8]>| -> String {
        let mut c = Command::new(&binary);
        c.arg("--db").arg(&db).args(args).stdout(Stdio::piped());
        c.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        let mut child = c.spawn().expect("run the binary");
        if let Some(bytes) = stdin {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(bytes).unwrap();
        }
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?} failed");
        String::from_utf8(out.stdout).unwrap()
    };
    // One generated world: its sources and first `base` reports are imported before
    // the run, its next `import` reports during it.
    let (mut before, mut payload) = (Vec::new(), Vec::new());
    let mut seen_reports = 0u64;
    for line in generate(base + import, 1).split_inclusive(|b| *b == b'\n') {
        if line.starts_with(br#"{"type":"report""#) {
            seen_reports += 1;
            if seen_reports > base {
                payload.extend_from_slice(line);
                continue;
            }
        }
        before.extend_from_slice(line);
    }
    let t = Instant::now();
    cli(&["import", "-"], Some(&before));
    eprintln!(
        "base: {base} reports imported in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let token = |name: &str, role: &str| {
        cli(&["user", "add", name, "--role", role], None)
            .lines()
            .last()
            .unwrap()
            .to_string()
    };
    let viewer = token("reader", "viewer");
    let editor = token("importer", "editor");

    let mut server = Command::new(&binary)
        .arg("--db")
        .arg(&db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the server");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().trim_start_matches("listening on ").to_string();
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    let ids: Vec<String> = {
        let v: serde_json::Value = client
            .get(format!("{url}/api/claims?limit=5000"))
            .bearer_auth(&viewer)
            .send()
            .unwrap()
            .json()
            .unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };

    let stop = Arc::new(AtomicBool::new(false));
    let importing = Arc::new(Mutex::new(None::<(Instant, Option<Instant>)>));
    // (latency, overlapped the import, ok)
    let samples = Arc::new(Mutex::new(Vec::<(Duration, bool, bool)>::new()));
    let start = Instant::now();
    let mut threads = Vec::new();
    for r in 0..readers {
        let (client, url, viewer, ids) = (client.clone(), url.clone(), viewer.clone(), ids.clone());
        let (stop, samples, importing) = (stop.clone(), samples.clone(), importing.clone());
        threads.push(std::thread::spawn(move || {
            let mut i = r;
            let mut mine = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                // One claim of thousands: the server keeps 256 answers, so most of
                // these are computed, not served from kept answers.
                let path = match i % 3 {
                    0 => "/api/claims?limit=50&sort=reports".to_string(),
                    1 => format!("/api/claims/{}", ids[(i * 7919) % ids.len()]),
                    _ => "/api/sources?limit=50".to_string(),
                };
                i += 1;
                let t0 = Instant::now();
                let ok = client
                    .get(format!("{url}{path}"))
                    .bearer_auth(&viewer)
                    .send()
                    .map(|r| r.status().is_success())
                    .unwrap_or(false);
                let t1 = Instant::now();
                let during = match *importing.lock().unwrap() {
                    Some((s, None)) => t1 > s,
                    Some((s, Some(e))) => t1 > s && t0 < e,
                    None => false,
                };
                mine.push((t1 - t0, during, ok));
            }
            samples.lock().unwrap().extend(mine);
        }));
    }
    std::thread::sleep(Duration::from_secs(2));
    let t0 = Instant::now();
    *importing.lock().unwrap() = Some((t0, None));
    let resp = client
        .post(format!("{url}/api/import"))
        .bearer_auth(&editor)
        .header("content-type", "application/x-ndjson")
        .body(payload)
        .send()
        .expect("import");
    let import_time = t0.elapsed();
    importing.lock().unwrap().as_mut().unwrap().1 = Some(Instant::now());
    let import_status = resp.status();
    let import_body = resp.text().unwrap_or_default();
    let rest = Duration::from_secs(seconds).saturating_sub(start.elapsed());
    std::thread::sleep(rest);
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().unwrap();
    }
    let wall = start.elapsed();
    let verify: serde_json::Value = client
        .get(format!("{url}/api/verify"))
        .bearer_auth(&viewer)
        .send()
        .unwrap()
        .json()
        .unwrap();
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let _ = server.wait();

    let samples = samples.lock().unwrap();
    let mut all: Vec<Duration> = samples.iter().map(|s| s.0).collect();
    let mut during: Vec<Duration> = samples.iter().filter(|s| s.1).map(|s| s.0).collect();
    let errors = samples.iter().filter(|s| !s.2).count();
    all.sort();
    during.sort();
    println!(
        "readers: {readers}, run: {:.1} s, base: {base} reports, import: {import} reports",
        wall.as_secs_f64()
    );
    println!(
        "reads: {} ({:.1}/s), errors: {errors}; latency p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        all.len(),
        all.len() as f64 / wall.as_secs_f64(),
        pct(&all, 0.5).as_secs_f64() * 1e3,
        pct(&all, 0.99).as_secs_f64() * 1e3,
        all.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    println!(
        "reads overlapping the import: {}; p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        during.len(),
        pct(&during, 0.5).as_secs_f64() * 1e3,
        pct(&during, 0.99).as_secs_f64() * 1e3,
        during.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
    let summary: serde_json::Value = serde_json::from_str(&import_body).unwrap_or_default();
    if !import_status.is_success() {
        println!("import refused: {import_body}");
    }
    println!(
        "import: HTTP {} in {:.1} s, reports_new {}",
        import_status.as_u16(),
        import_time.as_secs_f64(),
        summary["reports_new"]
    );
    let problems = verify["problems"].as_array().map_or(0, |p| p.len());
    println!("verify after the run: {problems} problems");
    if errors > 0 || !import_status.is_success() || problems > 0 {
        std::process::exit(1);
    }
}
