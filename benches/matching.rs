//! Matching benchmark: what claim matching costs, on news sentences.
//!
//! `cargo bench --bench matching -- [--claims N] [--queries Q] [--model DIR]`
//!
//! 1. Import N claims (sentences of `../shared/data/news/news_articles_dev.csv`, made
//!    unique with a suffix past the corpus's supply) into a fresh database: the
//!    baseline. Then the same import followed by lexical `match` (the ratio is what
//!    `import --match` costs without a model).
//! 2. `similar` latency (p50, p99 over Q queries, each a stored claim), lexical.
//! 3. With `--model DIR` (or `$CORROBORATE_MODEL`): every claim gets a vector under the
//!    model's id — random unit vectors, since embedding N claims takes N/100 seconds
//!    here; the search does not care what the vectors mean — and `similar` is timed
//!    again through the real code path (query embedding, vector scan, decisions). Also
//!    the disk the vectors add per claim.
//!
//! 4. The same searches on a corpus loaded once (`matching::Corpus`, what the server
//!    keeps between queries): its load time, then p50/p99 per query. `--search-only`
//!    leaves out the lexical `match` and the one-shot `similar` (minutes at 100k+).
//!
//! `--recall` (needs the model) measures instead what the sign-code shortlist of large
//! corpora misses on real vectors, and what narrower word searches cost `similar`'s
//! answers: see `recall` below and docs/matching.md, "Search at scale". `--db DIR`
//! keeps its database (with the vectors) for the next run.
//!
//! Prints a markdown table; numbers go to docs/benchmarks.md with the machine's load.

use std::path::{Path, PathBuf};
use std::time::Instant;

use corroborate::claim::ClaimId;
use corroborate::db::{Database, Quiet};
use corroborate::matching::{self, MatchOptions, Matcher, Query};

struct Args {
    claims: usize,
    queries: usize,
    model: Option<PathBuf>,
    /// Leave out the lexical `match` and the one-shot `similar` (for large N, where
    /// both take minutes): only the import and the kept-corpus searches.
    search_only: bool,
    /// Instead of the timings: embed the N claims with the model (real vectors) and
    /// measure what the sign-code shortlist of large corpora misses.
    recall: bool,
    /// `--recall`'s database, kept between runs (embedding 20,000 claims takes minutes;
    /// `match` is incremental, so a second run embeds nothing). Reuse it only with the
    /// same `--claims`: a kept database is opened as it is, not refilled.
    db: Option<PathBuf>,
}

fn parse_args() -> Args {
    let mut a = Args {
        claims: 20_000,
        queries: 50,
        model: std::env::var_os("CORROBORATE_MODEL").map(PathBuf::from),
        search_only: false,
        recall: false,
        db: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--claims" => a.claims = value().parse().expect("--claims N"),
            "--queries" => a.queries = value().parse().expect("--queries Q"),
            "--model" => a.model = Some(PathBuf::from(value())),
            "--search-only" => a.search_only = true,
            "--recall" => a.recall = true,
            "--db" => a.db = Some(PathBuf::from(value())),
            _ => {}
        }
    }
    a
}

fn shared() -> PathBuf {
    let p = std::env::var_os("CORROBORATE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    assert!(
        p.join("data/news/news_articles_dev.csv").is_file(),
        "the news corpus is missing: put the shared data beside the repository (../shared) or set CORROBORATE_SHARED"
    );
    p
}

/// Sentences of the corpus, at least 40 bytes long, unique, in corpus order.
fn sentences(n: usize) -> Vec<String> {
    let path = shared().join("data/news/news_articles_dev.csv");
    let mut rdr = csv::Reader::from_path(&path).expect("read the corpus");
    let headers = rdr.headers().expect("headers").clone();
    let col = headers
        .iter()
        .position(|h| h == "text")
        .expect("a text column");
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for row in rdr.records() {
        let row = row.expect("a row");
        for s in row.get(col).unwrap_or("").split(". ") {
            let s = s.trim();
            if s.len() >= 40 && s.len() <= 400 && seen.insert(s.to_string()) {
                out.push(format!("{s}."));
            }
        }
    }
    let supply = out.len();
    let mut k = 1;
    while out.len() < n {
        let s = format!("{} (variant {k})", &out[out.len() % supply]);
        out.push(s);
        k += 1;
    }
    out.truncate(n);
    out
}

fn jsonl(texts: &[String]) -> String {
    let mut s = String::new();
    for (i, t) in texts.iter().enumerate() {
        let line = serde_json::json!({
            "type": "report",
            "claim": t,
            "chain": format!("Outlet {} via Source {}", i % 97, i % 389),
        });
        s.push_str(&line.to_string());
        s.push('\n');
    }
    s
}

fn import(dir: &Path, data: &str) -> (Database, f64) {
    let mut db = Database::open(dir).expect("open");
    let t = Instant::now();
    db.import(data.as_bytes(), "bench", &mut |_| {})
        .expect("import");
    (db, t.elapsed().as_secs_f64())
}

fn dir_size(p: &Path) -> u64 {
    let mut n = 0;
    for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
        let m = e.metadata().expect("metadata");
        n += if m.is_dir() {
            dir_size(&e.path())
        } else {
            m.len()
        };
    }
    n
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn time_similar(db: &Database, m: &Matcher, ids: &[ClaimId], q: usize) -> (f64, f64) {
    let mut times = Vec::new();
    for id in ids.iter().step_by((ids.len() / q).max(1)).take(q) {
        let t = Instant::now();
        let rows = matching::similar(db, m, &Query::Claim(*id), 10, None).expect("similar");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(rows);
    }
    (percentile(&mut times, 0.5), percentile(&mut times, 0.99))
}

/// `similar` as the server answers it: the corpus loaded once (its load time), then
/// each query searches it.
fn time_kept(db: &Database, m: &Matcher, ids: &[ClaimId], q: usize) -> (f64, f64, f64) {
    let t = Instant::now();
    let corpus = matching::Corpus::load(db, m).expect("load the corpus");
    let load = t.elapsed().as_secs_f64() * 1000.0;
    let mut times = Vec::new();
    for id in ids.iter().step_by((ids.len() / q).max(1)).take(q) {
        let t = Instant::now();
        let rows = matching::similar_in(&corpus, m, &Query::Claim(*id), 10, None).expect("similar");
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(rows);
    }
    // The first query is also printed alone: it has been the slowest, so the p99 of
    // 50 queries is mostly its time.
    if let Some(first) = times.first() {
        eprintln!("first query after the load: {first:.1} ms");
    }
    (
        load,
        percentile(&mut times, 0.5),
        percentile(&mut times, 0.99),
    )
}

/// `--recall`: the N sentences embedded with the model, then for Q of them (spread
/// over the corpus) the 10 nearest by the sign-code shortlist (which corpora of
/// 200,000 claims and more use, passing on 1/50 of the claims to the i8 scan) against
/// the i8 scan of every claim. The shortlist passes on the same fraction here as at a
/// million claims, so what it misses here is what it misses there if the claims are
/// alike. Reports recall of the 10 nearest, and of those at cosine ≥ 0.5 and ≥ 0.7
/// (the ones `same` can turn on).
fn recall(a: &Args, texts: &[String], dir: &Path) {
    let model = a
        .model
        .as_ref()
        .expect("--recall needs --model DIR or CORROBORATE_MODEL");
    let mut db = match &a.db {
        Some(kept) if kept.exists() => Database::open(kept).expect("open the kept database"),
        kept => import(kept.as_deref().unwrap_or(dir), &jsonl(texts)).0,
    };
    let m = Matcher::open(Some(model), dir).expect("load the model");
    let t = Instant::now();
    matching::run(&mut db, &m, &MatchOptions::default(), &mut Quiet).expect("embed");
    eprintln!(
        "embedded {} claims in {:.0} s",
        texts.len(),
        t.elapsed().as_secs_f64()
    );
    let corpus = matching::Corpus::load(&db, &m).expect("load the corpus");
    let (mut hit, mut all) = ([0usize; 3], [0usize; 3]);
    let step = (corpus.len() / a.queries).max(1);
    for i in (0..corpus.len()).step_by(step).take(a.queries) {
        let Some(exact) = corpus.nearest_to_claim(i, 10, false) else {
            continue;
        };
        let got = corpus.nearest_to_claim(i, 10, true).unwrap_or_default();
        for (j, cos) in exact {
            for (b, floor) in [f32::MIN, 0.5, 0.7].iter().enumerate() {
                if cos >= *floor {
                    all[b] += 1;
                    hit[b] += usize::from(got.iter().any(|(g, _)| *g == j));
                }
            }
        }
    }
    println!(
        "| sign-code shortlist against the full i8 scan ({} claims, {} queries) | recall |",
        corpus.len(),
        a.queries
    );
    println!("| --- | --- |");
    for (b, label) in [
        "10 nearest",
        "those at cosine ≥ 0.5",
        "those at cosine ≥ 0.7",
    ]
    .iter()
    .enumerate()
    {
        let r = hit[b] as f64 / all[b].max(1) as f64;
        println!("| {label} | {r:.4} ({} of {}) |", hit[b], all[b]);
    }
    words_left_out(a, texts, &corpus, &m);
}

/// What `similar` loses with a narrower word search once every claim has a vector:
/// for the same queries, its answer (10 rows) with candidates from the vectors only,
/// and from the vectors and the query's words in at most 1, 5 (what `similar` does)
/// and 10 % of the claims, against the answer with candidates from the vectors and
/// every word.
fn words_left_out(a: &Args, texts: &[String], corpus: &matching::Corpus, m: &Matcher) {
    use matching::Words;
    let step = (texts.len() / a.queries).max(1);
    let queries: Vec<Query> = texts
        .iter()
        .step_by(step)
        .take(a.queries)
        .map(|t| Query::Text(t.clone()))
        .collect();
    let answers = |words: Words| {
        let clock = Instant::now();
        let rows: Vec<Vec<matching::SimilarRow>> = queries
            .iter()
            .map(|q| {
                matching::similar_in_with(corpus, m, q, 10, None, words)
                    .expect("similar")
                    .0
            })
            .collect();
        let ms = clock.elapsed().as_secs_f64() * 1000.0 / queries.len().max(1) as f64;
        (rows, ms)
    };
    let (full, t_full) = answers(Words::All);
    println!();
    println!(
        "| `similar`'s candidates ({} claims, {} queries, 10 rows), against vectors + every word | vectors only | vectors + words in ≤ 1 % | ≤ 5 % | ≤ 10 % |",
        corpus.len(),
        queries.len()
    );
    println!("| --- | --- | --- | --- | --- |");
    let mut cells: Vec<[String; 5]> = Vec::new();
    for words in [Words::None, Words::Rare(1), Words::Rare(5), Words::Rare(10)] {
        let (got, ms) = answers(words);
        let (mut identical, mut first) = (0, 0);
        let (mut rows, mut missing, mut same, mut same_missing) = (0, 0, 0, 0);
        for (g, f) in got.iter().zip(&full) {
            let ids =
                |r: &[matching::SimilarRow]| r.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
            identical += usize::from(ids(g) == ids(f));
            first += usize::from(g.first().map(|x| &x.id) == f.first().map(|x| &x.id));
            for r in f {
                let found = g.iter().any(|x| x.id == r.id);
                rows += 1;
                missing += usize::from(!found);
                same += usize::from(r.same);
                same_missing += usize::from(r.same && !found);
            }
        }
        let n = queries.len();
        cells.push([
            format!("{identical} of {n}"),
            format!("{first} of {n}"),
            format!("{missing} of {rows}"),
            format!("{same_missing} of {same}"),
            format!("{ms:.1} ms (every word: {t_full:.1} ms)"),
        ]);
    }
    for (i, label) in [
        "answers identical (same rows, same order)",
        "same first row",
        "rows of the full answer missing",
        "`same` rows of the full answer missing (matches the desk would not see)",
        "mean time per query",
    ]
    .iter()
    .enumerate()
    {
        let row: Vec<&str> = cells.iter().map(|c| c[i].as_str()).collect();
        println!("| {label} | {} |", row.join(" | "));
    }
}

fn main() {
    let a = parse_args();
    let texts = sentences(a.claims);
    if a.recall {
        let work = tempfile::tempdir().expect("temp dir");
        recall(&a, &texts, work.path());
        return;
    }
    let data = jsonl(&texts);
    let ids: Vec<ClaimId> = texts.iter().map(|t| ClaimId::of_text(t)).collect();
    let work = tempfile::tempdir().expect("temp dir");
    println!(
        "| measure ({} claims of news sentences) | value |",
        a.claims
    );
    println!("| --- | --- |");

    let (db, base) = import(&work.path().join("base"), &data);
    println!("| import, no matching (baseline) | {base:.2} s |");
    drop(db);

    let (mut db, t_import) = if a.search_only {
        (import(&work.path().join("lexical"), &data).0, 0.0)
    } else {
        import(&work.path().join("lexical"), &data)
    };
    let lexical = Matcher::lexical();
    let (load, p50, p99) = time_kept(&db, &lexical, &ids, a.queries);
    println!("| corpus load, lexical | {load:.0} ms |");
    println!("| `similar` on a kept corpus (the server's path), lexical: p50 / p99 | {p50:.1} ms / {p99:.1} ms |");
    if !a.search_only {
        let t = Instant::now();
        let s = matching::run(
            &mut db,
            &Matcher::lexical(),
            &MatchOptions::default(),
            &mut Quiet,
        )
        .expect("match");
        let t_match = t.elapsed().as_secs_f64();
        println!(
            "| import + lexical `match` | {:.2} s ({:.2}× the baseline; {} links) |",
            t_import + t_match,
            (t_import + t_match) / base,
            s.links
        );
        let (p50, p99) = time_similar(&db, &Matcher::lexical(), &ids, a.queries);
        println!("| `similar`, lexical: p50 / p99 | {p50:.1} ms / {p99:.1} ms |");
    }

    if let Some(model) = &a.model {
        let m = Matcher::open(Some(model), work.path()).expect("load the model");
        let before = dir_size(&work.path().join("lexical"));
        // Random unit vectors (a fixed xorshift), one per claim, under the model's id.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut vectors = Vec::with_capacity(ids.len());
        for id in &ids {
            let mut v: Vec<f32> = (0..corroborate::embed::DIM)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x >> 40) as f32 / (1u64 << 24) as f32 - 0.5
                })
                .collect();
            let n = v.iter().map(|a| a * a).sum::<f32>().sqrt();
            v.iter_mut().for_each(|a| *a /= n);
            vectors.push((*id, v));
        }
        db.put_vectors(m.model_id(), &vectors)
            .expect("store vectors");
        db.flush().expect("flush");
        let after = dir_size(&work.path().join("lexical"));
        println!(
            "| disk added by vectors | {:.0} bytes per claim |",
            (after.saturating_sub(before)) as f64 / ids.len() as f64
        );
        if !a.search_only {
            let (p50, p99) = time_similar(&db, &m, &ids, a.queries);
            println!(
                "| `similar`, model {}: p50 / p99 | {p50:.1} ms / {p99:.1} ms |",
                m.model_id()
            );
        }
        let (load, p50, p99) = time_kept(&db, &m, &ids, a.queries);
        println!("| corpus load, model | {load:.0} ms |");
        println!(
            "| `similar` on a kept corpus, model {}: p50 / p99 | {p50:.1} ms / {p99:.1} ms |",
            m.model_id()
        );
        // After a write of 1,000 new claims: the kept corpus brought up to date (what
        // the server does) against loading it again.
        let kept = matching::Corpus::load(&db, &m).expect("load the corpus");
        let more: Vec<String> = (0..1000)
            .map(|i| format!("{} (later {i})", texts[i % texts.len()]))
            .collect();
        db.import(jsonl(&more).as_bytes(), "bench", &mut |_| {})
            .expect("import");
        let t = Instant::now();
        let updated = matching::Corpus::current(Some(&kept), &db, &m).expect("bring up to date");
        let refresh = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let fresh = matching::Corpus::load(&db, &m).expect("load");
        let reload = t.elapsed().as_secs_f64() * 1000.0;
        assert_eq!(updated.map(|c| c.len()), Some(fresh.len()));
        println!(
            "| after importing 1,000 claims: corpus brought up to date / loaded again | {refresh:.0} ms / {reload:.0} ms |"
        );
    }
}
