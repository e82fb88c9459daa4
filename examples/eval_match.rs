//! Measure claim matching on the labelled pair set of `tests/data/matching/`.
//!
//! `cargo run --release --example eval_match -- --split dev|test|test2 [--lexical]`
//! `[--vectors FILE] [--train] [--ablation] [--errors]`
//!
//! Rebuilds the statements from character offsets into
//! `../shared/data/news/news_articles_dev.csv` (or `$CORROBORATE_SHARED/data/…`), embeds
//! them with the model in `$CORROBORATE_MODEL` unless `--lexical` (or reads reference
//! vectors from `--vectors FILE`, lines `statement-id<TAB>v1,v2,…`), and reports:
//! recall@1, recall@5 and MRR of nearest-neighbour search (queries: side A of each
//! `same` pair; candidates: every other statement and the distractors); precision,
//! recall and F1 of `same` and the false-merge rate on hard negatives, for the lexical
//! similarity alone, the cosine alone, the cosine with the numbers check, and the final
//! decision. Baseline thresholds are chosen on the dev split (best F1) and applied
//! unchanged to the test splits (`test`, and `test2`, a second frozen split labelled
//! after `test` had been scored).
//!
//! `--train` (dev only) fits the combiners and prints them as Rust constants for
//! `src/similarity/mod.rs`; `--ablation` adds a table of what each check adds (each
//! variant trained on dev); `--errors` lists wrong decisions (refused on the frozen
//! test splits: never look at their per-pair results).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::exit;

use corroborate::similarity::eval::{
    classify, combiner_source, pick_threshold, retrieval, train, PairScores, PairSet, Split,
};
use corroborate::similarity::{
    default_threshold, features, Agreement, Combiner, Evidence, LexicalIndex, LEXICAL_COMBINER,
    MODEL_COMBINER, MODEL_LEXICAL, N_FEATURES,
};

/// Dev precision the trained threshold must reach (a margin over the 0.90 target, and
/// what keeps the false merges on dev hard negatives under 5 %).
const TRAIN_MIN_PRECISION: f64 = 0.95;

fn fail(msg: impl std::fmt::Display) -> ! {
    eprintln!("error: {msg}");
    exit(1)
}

fn read_vectors(path: &Path, set: &PairSet) -> Vec<Vec<f32>> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(format!("cannot read vectors {}: {e}", path.display())));
    let mut by_id: HashMap<u32, Vec<f32>> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let Some((id, vals)) = line.split_once('\t') else {
            fail(format!("{} line {}: no tab", path.display(), n + 1))
        };
        let id: u32 = id
            .parse()
            .unwrap_or_else(|_| fail(format!("{} line {}: bad id", path.display(), n + 1)));
        let v: Vec<f32> = vals
            .split(',')
            .map(|x| {
                x.parse().unwrap_or_else(|_| {
                    fail(format!("{} line {}: bad value", path.display(), n + 1))
                })
            })
            .collect();
        by_id.insert(id, v);
    }
    set.statements
        .iter()
        .map(|s| {
            by_id.remove(&s.id).unwrap_or_else(|| {
                fail(format!(
                    "{}: no vector for statement {}",
                    path.display(),
                    s.id
                ))
            })
        })
        .collect()
}

fn embed_all(set: &PairSet) -> (String, Vec<Vec<f32>>) {
    let Some(dir) = std::env::var_os("CORROBORATE_MODEL") else {
        fail(
            "no model: set CORROBORATE_MODEL to a model directory (config.json, tokenizer.json, \
             model.safetensors), pass --vectors FILE, or measure without a model with --lexical",
        )
    };
    embed_with_model(Path::new(&dir), set)
}

fn embed_with_model(dir: &Path, set: &PairSet) -> (String, Vec<Vec<f32>>) {
    let emb = corroborate::embed::Embedder::load(dir)
        .unwrap_or_else(|e| fail(format!("CORROBORATE_MODEL={}: {e}", dir.display())));
    let texts: Vec<&str> = set.statements.iter().map(|s| s.text.as_str()).collect();
    eprintln!(
        "embedding {} statements with {}",
        texts.len(),
        emb.model_id()
    );
    let mut last = 0;
    let vecs = emb
        .embed_with(&texts, &mut |done, total| {
            if done * 10 / total.max(1) != last * 10 / total.max(1) {
                eprintln!("  {done}/{total}");
            }
            last = done;
        })
        .unwrap_or_else(|e| fail(e));
    (
        emb.model_id().to_string(),
        vecs.into_iter().map(|v| v.to_vec()).collect(),
    )
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

struct Ctx {
    set: PairSet,
    index: LexicalIndex,
    vectors: Option<Vec<Vec<f32>>>,
}

impl Ctx {
    fn cosine(&self, a: usize, b: usize) -> Option<f32> {
        self.vectors.as_ref().map(|v| dot(&v[a], &v[b]))
    }
    fn evidence(&self, a: usize, b: usize) -> Evidence {
        let s = &self.set.statements;
        Evidence::new(&self.index, &s[a].text, &s[b].text, self.cosine(a, b))
    }
}

fn row(name: &str, threshold: String, s: &PairScores) -> String {
    format!(
        "| {name} | {threshold} | {:.3} | {:.3} | {:.3} | {:.3} ({}/{}) |",
        s.precision(),
        s.recall(),
        s.f1(),
        s.false_merge_rate(),
        s.fp,
        s.fp + s.tn
    )
}

fn vetoed(c: &Combiner, e: &Evidence) -> bool {
    (c.veto_numbers && e.checks.numbers == Agreement::Conflict)
        || (c.veto_negation && e.checks.negation == Agreement::Conflict)
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |f: &str| args.iter().any(|a| a == f);
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .map(|i| args.get(i + 1).cloned().unwrap_or_default())
    };
    let split = match value("--split").as_deref() {
        Some("dev") | None => Split::Dev,
        Some("test") => Split::Test,
        Some("test2") => Split::Test2,
        Some(other) => {
            eprintln!("error: --split must be dev, test or test2, not {other:?}");
            exit(2)
        }
    };
    let name = match split {
        Split::Dev => "dev",
        Split::Test => "test",
        Split::Test2 => "test2",
    };
    if split != Split::Dev && (has("--errors") || has("--train")) {
        eprintln!(
            "error: --errors and --train are refused on the {name} split: it is frozen and \
             scored once; tune and read errors on --split dev"
        );
        exit(2);
    }
    let set = PairSet::load_default(&root).unwrap_or_else(|e| fail(e));
    let (model, vectors) = if has("--lexical") {
        (MODEL_LEXICAL.to_string(), None)
    } else if let Some(path) = value("--vectors") {
        let v = read_vectors(Path::new(&path), &set);
        (format!("reference vectors {path}"), Some(v))
    } else {
        let (id, v) = embed_all(&set);
        (id, Some(v))
    };
    let mut index = LexicalIndex::new();
    for (i, s) in set.statements.iter().enumerate() {
        index.add(i as u64, &s.text);
    }
    let ctx = Ctx {
        set,
        index,
        vectors,
    };
    let set = &ctx.set;
    let pairs: Vec<_> = set.split(split).collect();
    let stories: std::collections::BTreeSet<u32> = pairs.iter().map(|p| p.story).collect();
    println!(
        "pair set: {} statements ({} distractors); split {name}: {} same and {} different pairs \
         over {} stories; model: {model}\n",
        set.statements.len(),
        set.statements.iter().filter(|s| s.distractor).count(),
        pairs.iter().filter(|p| p.same).count(),
        pairs.iter().filter(|p| !p.same).count(),
        stories.len()
    );

    // ---- retrieval
    println!("| ranking | queries | recall@1 | recall@5 | MRR |\n| --- | --- | --- | --- | --- |");
    let lex = retrieval(set, split, |q| {
        ctx.index
            .search(&set.statements[q].text, 101)
            .into_iter()
            .map(|(k, _)| k as usize)
            .filter(|&k| k != q)
            .collect()
    });
    println!(
        "| lexical (TF-IDF) | {} | {:.3} | {:.3} | {:.3} |",
        lex.queries, lex.recall_at_1, lex.recall_at_5, lex.mrr
    );
    if let Some(v) = &ctx.vectors {
        let cos = retrieval(set, split, |q| {
            let mut scored: Vec<(f32, usize)> = (0..v.len())
                .filter(|&c| c != q)
                .map(|c| (dot(&v[q], &v[c]), c))
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            scored.into_iter().take(100).map(|x| x.1).collect()
        });
        println!(
            "| cosine | {} | {:.3} | {:.3} | {:.3} |",
            cos.queries, cos.recall_at_1, cos.recall_at_5, cos.mrr
        );
    }
    println!();

    // ---- evidence for the pairs of dev (always: baselines are tuned there) and the split
    let ev: HashMap<u32, Evidence> = set
        .pairs
        .iter()
        .filter(|p| p.split == Split::Dev || p.split == split)
        .map(|p| (p.id, ctx.evidence(p.a, p.b)))
        .collect();
    let dev_scored = |f: &dyn Fn(&Evidence) -> Option<f32>| -> Vec<(f32, bool)> {
        set.split(Split::Dev)
            .map(|p| (f(&ev[&p.id]).unwrap_or(0.0), p.same))
            .collect()
    };
    println!(
        "| decision | threshold | precision | recall | F1 | hard negatives merged |\n\
         | --- | --- | --- | --- | --- | --- |"
    );
    let t_lex = pick_threshold(&dev_scored(&|e| Some(e.lexical)), 0.0);
    let s = classify(set, split, |p| ev[&p.id].lexical >= t_lex);
    println!(
        "{}",
        row("lexical alone", format!("{t_lex:.3} (best F1 on dev)"), &s)
    );
    if ctx.vectors.is_some() {
        let t_cos = pick_threshold(&dev_scored(&|e| e.cosine), 0.0);
        let s = classify(set, split, |p| ev[&p.id].cosine.unwrap_or(0.0) >= t_cos);
        println!(
            "{}",
            row("cosine alone", format!("{t_cos:.3} (best F1 on dev)"), &s)
        );
        let num_ok = |e: &Evidence| e.checks.numbers != Agreement::Conflict;
        let t_cn = pick_threshold(
            &dev_scored(&|e| num_ok(e).then_some(e.cosine.unwrap_or(0.0))),
            0.0,
        );
        let s = classify(set, split, |p| {
            let e = &ev[&p.id];
            num_ok(e) && e.cosine.unwrap_or(0.0) >= t_cn
        });
        println!(
            "{}",
            row(
                "cosine + numbers must agree",
                format!("{t_cn:.3} (best F1 on dev)"),
                &s
            )
        );
    }
    let with_model = ctx.vectors.is_some();
    let comb = if with_model {
        MODEL_COMBINER
    } else {
        LEXICAL_COMBINER
    };
    let t = default_threshold(with_model);
    let final_scores = classify(set, split, |p| comb.decide(&ev[&p.id], t).same);
    println!(
        "{}",
        row(
            &format!(
                "final: combiner + checks ({})",
                if with_model { "model" } else { "lexical" }
            ),
            format!("{t:.3} (default)"),
            &final_scores
        )
    );
    println!(
        "\n| hard negative kind | merged by the final decision | pairs |\n| --- | --- | --- |"
    );
    for (kind, (m, n)) in &final_scores.by_kind {
        println!("| {kind} | {m} | {n} |");
    }
    println!();

    // ---- ablation: what each check adds (every variant trained on dev)
    if has("--ablation") || has("--train") {
        let dev: Vec<_> = set.split(Split::Dev).collect();
        let xs: Vec<[f32; N_FEATURES]> = dev.iter().map(|p| features(&ev[&p.id])).collect();
        let ys: Vec<bool> = dev.iter().map(|p| p.same).collect();
        let base = if with_model { 0 } else { 1 };
        let variants: Vec<(&str, Vec<usize>, bool)> = vec![
            ("similarity only", vec![base], false),
            ("+ lexical", vec![0, 1], false),
            ("+ numbers (features)", vec![0, 1, 2, 3, 4], false),
            ("+ numbers veto", vec![0, 1, 2, 3, 4], true),
            ("+ negation", vec![0, 1, 2, 3, 4, 5], true),
            ("+ entities", vec![0, 1, 2, 3, 4, 5, 6, 7], true),
            ("+ modality (all)", vec![0, 1, 2, 3, 4, 5, 6, 7, 8], true),
        ];
        println!(
            "| combiner features (trained on dev) | threshold | precision | recall | F1 | hard negatives merged |\n\
             | --- | --- | --- | --- | --- | --- |"
        );
        let mut last = None;
        for (label, feats, veto) in variants {
            if !with_model && label == "+ lexical" {
                continue;
            }
            let mut mask = [false; N_FEATURES];
            for f in feats {
                if with_model || f != 0 {
                    mask[f] = true;
                }
            }
            let (bias, weights) = train(&xs, &ys, mask);
            let c = Combiner {
                bias,
                weights,
                veto_numbers: veto,
                veto_negation: false,
            };
            let scored: Vec<(f32, bool)> = dev
                .iter()
                .map(|p| {
                    let e = &ev[&p.id];
                    (if vetoed(&c, e) { 0.0 } else { c.score(e) }, p.same)
                })
                .collect();
            let th = pick_threshold(&scored, TRAIN_MIN_PRECISION);
            let s = classify(set, split, |p| c.decide(&ev[&p.id], th).same);
            println!("{}", row(label, format!("{th:.3}"), &s));
            last = Some((c, th));
        }
        println!();
        if has("--train") {
            if let Some((c, th)) = last {
                let cname = if with_model {
                    "MODEL_COMBINER"
                } else {
                    "LEXICAL_COMBINER"
                };
                println!("{}", combiner_source(cname, &c));
                println!(
                    "// default_threshold({with_model}) = {th:.3} (dev precision >= {TRAIN_MIN_PRECISION})\n"
                );
            }
        }
    }

    if has("--errors") {
        println!("wrong decisions on dev (final):");
        for p in set.split(Split::Dev) {
            let d = comb.decide(&ev[&p.id], t);
            if d.same != p.same {
                println!(
                    "pair {} [{}{}] score {:.2}\n  A: {}\n  B: {}\n  {}",
                    p.id,
                    if p.same { "missed " } else { "false merge " },
                    p.kind,
                    d.score,
                    set.statements[p.a].text,
                    set.statements[p.b].text,
                    d.reasons.join("; ")
                );
            }
        }
    }
}
