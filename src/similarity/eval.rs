//! The labelled pair set of `tests/data/matching/` and its measures: loading (texts
//! rebuilt from character offsets into the news corpus, each checked against its
//! stored hash prefix), nearest-neighbour retrieval (recall@1, recall@5, MRR),
//! precision, recall and F1 of a `same` decision, the false-merge rate on hard
//! negatives, threshold choice and the training of the logistic combiner. Used by
//! `examples/eval_match.rs` and `tests/match_eval.rs`; reads files, writes nothing.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{Combiner, FEATURES, N_FEATURES};

/// What went wrong loading the pair set.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file is missing or unreadable.
    #[error(
        "cannot read {path}: {source}; the pair set needs the repository's tests/data/matching/ \
         and the news corpus shared/data/news/news_articles_dev.csv beside the repository \
         (or set CORROBORATE_SHARED to the shared directory)"
    )]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of a TSV file or the corpus does not parse.
    #[error("{path} line {line}: {what}; the file is damaged: restore it from git")]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        what: String,
    },
    /// The text at a statement's offsets is not the labelled text.
    #[error(
        "statement {id}: the text at article {article} chars {start}..{end} does not match its \
         hash; the news corpus differs from the one the pairs were labelled on: use the \
         unmodified shared/data/news/news_articles_dev.csv"
    )]
    Mismatch {
        /// Statement id.
        id: u32,
        /// Article id.
        article: String,
        /// Start (characters).
        start: usize,
        /// End (characters).
        end: usize,
    },
}

/// Which part of the pair set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// For tuning.
    Dev,
    /// Frozen: scored once at the end.
    Test,
    /// A second frozen split (stories 62–92), labelled 2026-12-02 after the first test
    /// split had been scored; scored once.
    Test2,
}

/// One statement (a pair side or a distractor).
#[derive(Debug, Clone)]
pub struct Statement {
    /// Id in `statements.tsv`.
    pub id: u32,
    /// A distractor (in no pair).
    pub distractor: bool,
    /// The corpus article it was cut from (`article_id`).
    pub article: String,
    /// The text, rebuilt from the corpus.
    pub text: String,
}

/// One labelled pair.
#[derive(Debug, Clone)]
pub struct Pair {
    /// Id in `pairs.tsv`.
    pub id: u32,
    /// Story number (pairs of one story share a split).
    pub story: u32,
    /// Its split.
    pub split: Split,
    /// Labelled the same claim.
    pub same: bool,
    /// `copy` or `paraphrase` for same; `number`, `negation`, `modality`, `actor`,
    /// `scope` or `fact` for different.
    pub kind: String,
    /// Index of side A in [`PairSet::statements`].
    pub a: usize,
    /// Index of side B.
    pub b: usize,
}

/// The whole labelled set.
#[derive(Debug, Clone)]
pub struct PairSet {
    /// Every statement; its index is its key in searches.
    pub statements: Vec<Statement>,
    /// Every pair.
    pub pairs: Vec<Pair>,
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn parse_err(path: &Path, line: usize, what: impl Into<String>) -> EvalError {
    EvalError::Parse {
        path: path.to_path_buf(),
        line,
        what: what.into(),
    }
}

impl PairSet {
    /// Load the pair set from `data_dir` (`tests/data/matching`) and the corpus CSV.
    pub fn load(data_dir: &Path, corpus_csv: &Path) -> Result<PairSet, EvalError> {
        let spath = data_dir.join("statements.tsv");
        let ppath = data_dir.join("pairs.tsv");
        let stext = read(&spath)?;
        let ptext = read(&ppath)?;
        // the articles we need
        struct Row {
            id: u32,
            distractor: bool,
            article: String,
            start: usize,
            end: usize,
            hash: String,
        }
        let mut rows = Vec::new();
        for (n, line) in stext.lines().enumerate().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 6 {
                return Err(parse_err(&spath, n + 1, "expected 6 tab-separated fields"));
            }
            let num = |s: &str| {
                s.parse::<usize>()
                    .map_err(|_| parse_err(&spath, n + 1, format!("not a number: {s:?}")))
            };
            rows.push(Row {
                id: num(f[0])? as u32,
                distractor: f[1] == "distractor",
                article: f[2].to_string(),
                start: num(f[3])?,
                end: num(f[4])?,
                hash: f[5].to_string(),
            });
        }
        let wanted: std::collections::HashSet<&str> =
            rows.iter().map(|r| r.article.as_str()).collect();
        let mut articles: HashMap<String, String> = HashMap::new();
        let file = std::fs::File::open(corpus_csv).map_err(|source| EvalError::Read {
            path: corpus_csv.to_path_buf(),
            source,
        })?;
        let mut rdr = csv::Reader::from_reader(file);
        let headers = rdr
            .headers()
            .map_err(|e| parse_err(corpus_csv, 1, e.to_string()))?
            .clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| parse_err(corpus_csv, 1, format!("no column {name}")))
        };
        let (cid, ctext) = (col("article_id")?, col("text")?);
        for (n, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| parse_err(corpus_csv, n + 2, e.to_string()))?;
            let id = rec.get(cid).unwrap_or("");
            if wanted.contains(id) {
                articles.insert(id.to_string(), rec.get(ctext).unwrap_or("").to_string());
            }
        }
        let mut statements = Vec::with_capacity(rows.len());
        let mut index_of: HashMap<u32, usize> = HashMap::new();
        for r in rows {
            let mismatch = || EvalError::Mismatch {
                id: r.id,
                article: r.article.clone(),
                start: r.start,
                end: r.end,
            };
            let art = articles.get(&r.article).ok_or_else(mismatch)?;
            if r.end < r.start {
                return Err(mismatch());
            }
            let text: String = art.chars().skip(r.start).take(r.end - r.start).collect();
            let h = Sha256::digest(text.as_bytes());
            if crate::hex::encode(&h[..4]) != r.hash {
                return Err(mismatch());
            }
            index_of.insert(r.id, statements.len());
            statements.push(Statement {
                id: r.id,
                distractor: r.distractor,
                article: r.article,
                text,
            });
        }
        let mut pairs = Vec::new();
        for (n, line) in ptext.lines().enumerate().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 7 {
                return Err(parse_err(&ppath, n + 1, "expected 7 tab-separated fields"));
            }
            let num = |s: &str| {
                s.parse::<u32>()
                    .map_err(|_| parse_err(&ppath, n + 1, format!("not a number: {s:?}")))
            };
            let side = |s: &str| {
                let id = num(s)?;
                index_of
                    .get(&id)
                    .copied()
                    .ok_or_else(|| parse_err(&ppath, n + 1, format!("no statement {id}")))
            };
            let split = match f[2] {
                "dev" => Split::Dev,
                "test" => Split::Test,
                "test2" => Split::Test2,
                other => return Err(parse_err(&ppath, n + 1, format!("split {other:?}"))),
            };
            let same = match f[3] {
                "same" => true,
                "different" => false,
                other => return Err(parse_err(&ppath, n + 1, format!("label {other:?}"))),
            };
            pairs.push(Pair {
                id: num(f[0])?,
                story: num(f[1])?,
                split,
                same,
                kind: f[4].to_string(),
                a: side(f[5])?,
                b: side(f[6])?,
            });
        }
        Ok(PairSet { statements, pairs })
    }

    /// The pair set under the repository root `root`, with the corpus from
    /// `$CORROBORATE_SHARED` or `root/../shared`.
    pub fn load_default(root: &Path) -> Result<PairSet, EvalError> {
        let shared = std::env::var_os("CORROBORATE_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("../shared"));
        PairSet::load(
            &root.join("tests/data/matching"),
            &shared.join("data/news/news_articles_dev.csv"),
        )
    }

    /// The pairs of one split.
    pub fn split(&self, split: Split) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(move |p| p.split == split)
    }

    /// For every statement, the other statements labelled the same claim (closed
    /// transitively over the `same` pairs of every split).
    pub fn same_groups(&self) -> Vec<Vec<usize>> {
        let n = self.statements.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], mut x: usize) -> usize {
            while p[x] != x {
                p[x] = p[p[x]];
                x = p[x];
            }
            x
        }
        for p in self.pairs.iter().filter(|p| p.same) {
            let (ra, rb) = (find(&mut parent, p.a), find(&mut parent, p.b));
            parent[ra] = rb;
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..n {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
        let mut out = vec![Vec::new(); n];
        for members in groups.values() {
            for &m in members {
                out[m] = members.iter().copied().filter(|&x| x != m).collect();
            }
        }
        out
    }
}

/// Retrieval quality of a nearest-neighbour search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Retrieval {
    /// Number of queries (side A of each `same` pair of the split).
    pub queries: usize,
    /// Share of queries with a labelled match first.
    pub recall_at_1: f64,
    /// Share with a labelled match in the first five.
    pub recall_at_5: f64,
    /// Mean reciprocal rank of the first labelled match (0 beyond the ranking given).
    pub mrr: f64,
}

/// Measure retrieval: `rank(query)` returns candidate statement indices best first
/// (the query itself excluded, at least 5 when there are enough candidates).
///
/// Distractors cut from an article of one of the split's own pairs are dropped from the
/// ranking: distractors are meant to come from outside the labelled stories, and the
/// 4,000 were drawn before `test2` was labelled, so 82 of them come from articles of
/// `test2` pairs (27 with the very offsets of a `test2` pair side). None do for `dev`
/// and `test`, where nothing is dropped.
pub fn retrieval(
    set: &PairSet,
    split: Split,
    mut rank: impl FnMut(usize) -> Vec<usize>,
) -> Retrieval {
    let groups = set.same_groups();
    let split_articles: std::collections::HashSet<&str> = set
        .split(split)
        .flat_map(|p| [p.a, p.b])
        .map(|i| set.statements[i].article.as_str())
        .collect();
    let dropped = |c: usize| {
        let s = &set.statements[c];
        s.distractor && split_articles.contains(s.article.as_str())
    };
    let (mut n, mut r1, mut r5, mut rr) = (0usize, 0usize, 0usize, 0.0f64);
    for p in set.split(split).filter(|p| p.same) {
        n += 1;
        let ranked = rank(p.a);
        let pos = ranked
            .iter()
            .filter(|&&c| c != p.a && !dropped(c))
            .position(|c| groups[p.a].contains(c));
        if let Some(pos) = pos {
            r1 += usize::from(pos == 0);
            r5 += usize::from(pos < 5);
            rr += 1.0 / (pos + 1) as f64;
        }
    }
    let d = n.max(1) as f64;
    Retrieval {
        queries: n,
        recall_at_1: r1 as f64 / d,
        recall_at_5: r5 as f64 / d,
        mrr: rr / d,
    }
}

/// Counts of a `same` decision against the labels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PairScores {
    /// Same, decided same.
    pub tp: usize,
    /// Different, decided same (a false merge).
    pub fp: usize,
    /// Same, decided different.
    pub fn_: usize,
    /// Different, decided different.
    pub tn: usize,
    /// Per kind of hard negative: (merged, total).
    pub by_kind: BTreeMap<String, (usize, usize)>,
}

impl PairScores {
    /// Precision of `same` (1 when nothing was decided same).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Recall of `same`.
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    /// F1 of `same`.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Share of the hard negatives (every `different` pair: same story, shared words)
    /// decided the same.
    pub fn false_merge_rate(&self) -> f64 {
        self.fp as f64 / (self.fp + self.tn).max(1) as f64
    }
}

/// Score a decision over the pairs of a split.
pub fn classify(set: &PairSet, split: Split, mut same: impl FnMut(&Pair) -> bool) -> PairScores {
    let mut s = PairScores::default();
    for p in set.split(split) {
        let d = same(p);
        match (p.same, d) {
            (true, true) => s.tp += 1,
            (true, false) => s.fn_ += 1,
            (false, true) => s.fp += 1,
            (false, false) => s.tn += 1,
        }
        if !p.same {
            let e = s.by_kind.entry(p.kind.clone()).or_insert((0, 0));
            e.0 += usize::from(d);
            e.1 += 1;
        }
    }
    s
}

/// The threshold on `scored` (score, labelled same) with the best F1 among those whose
/// precision reaches `min_precision`, or the best F1 overall when none does.
pub fn pick_threshold(scored: &[(f32, bool)], min_precision: f64) -> f32 {
    let mut cands: Vec<f32> = scored.iter().map(|s| s.0).collect();
    cands.sort_by(f32::total_cmp);
    cands.dedup();
    let total_pos = scored.iter().filter(|s| s.1).count().max(1) as f64;
    let mut best: Option<(bool, f64, f32)> = None;
    for t in cands {
        let tp = scored.iter().filter(|s| s.1 && s.0 >= t).count() as f64;
        let fp = scored.iter().filter(|s| !s.1 && s.0 >= t).count() as f64;
        let p = if tp + fp == 0.0 { 1.0 } else { tp / (tp + fp) };
        let r = tp / total_pos;
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        let key = (p >= min_precision, f1, t);
        if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
            best = Some(key);
        }
    }
    best.map(|b| b.2).unwrap_or(0.5)
}

/// Fit a logistic regression of `same` on the features (only those where `use_feature`
/// is true; the others get weight 0) by full-batch gradient descent with a small L2
/// penalty. Deterministic.
pub fn train(
    xs: &[[f32; N_FEATURES]],
    ys: &[bool],
    use_feature: [bool; N_FEATURES],
) -> (f32, [f32; N_FEATURES]) {
    let mut w = [0.0f64; N_FEATURES];
    let mut b = 0.0f64;
    let n = xs.len().max(1) as f64;
    let (lr, l2) = (0.5, 1e-3);
    for _ in 0..20_000 {
        let mut gw = [0.0f64; N_FEATURES];
        let mut gb = 0.0;
        for (x, &y) in xs.iter().zip(ys) {
            let z = b
                + (0..N_FEATURES)
                    .filter(|&k| use_feature[k])
                    .map(|k| w[k] * x[k] as f64)
                    .sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - if y { 1.0 } else { 0.0 };
            gb += err;
            for k in 0..N_FEATURES {
                if use_feature[k] {
                    gw[k] += err * x[k] as f64;
                }
            }
        }
        b -= lr * gb / n;
        for k in 0..N_FEATURES {
            if use_feature[k] {
                w[k] -= lr * (gw[k] / n + l2 * w[k]);
            }
        }
    }
    let mut out = [0.0f32; N_FEATURES];
    for k in 0..N_FEATURES {
        out[k] = w[k] as f32;
    }
    (b as f32, out)
}

/// Print a combiner as the Rust constant it would be in `similarity/mod.rs`.
pub fn combiner_source(name: &str, c: &Combiner) -> String {
    let ws: Vec<String> = c.weights.iter().map(|w| format!("{w:.3}")).collect();
    format!(
        "pub const {name}: Combiner = Combiner {{\n    bias: {:.3},\n    weights: [{}],\n    \
         veto_numbers: {},\n    veto_negation: {},\n}};\n// features: {}",
        c.bias,
        ws.join(", "),
        c.veto_numbers,
        c.veto_negation,
        FEATURES.join(", ")
    )
}
