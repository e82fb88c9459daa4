//! The claim matcher: finds wordings of the same claim among the stored claims and
//! records what it finds as the matcher's "same" links (see `groups` and
//! `docs/matching.md`). Two operations:
//!
//! - [`run`] (`corroborate match`): embeds every claim the current model has not seen,
//!   stores the vectors (a cache in the store), compares each new claim with every
//!   claim, decides each close pair with [`crate::similarity`] and writes the links in
//!   one commit. Incremental: a claim is matched once per model.
//! - [`similar`] (`corroborate similar`): the claims nearest to one claim or to a text,
//!   best first, with the decision for each. It reads stored vectors; it embeds only
//!   the query.
//!
//! Without a model, both use the lexical similarity of `similarity` (reported as
//! `"model": "lexical"`). Search is exact: every stored vector is compared (see
//! `docs/matching.md` for what that costs and where it stops being enough). What a
//! search reads — every text, the lexical index, every vector — is a [`Corpus`], which
//! a front-end answering many queries keeps until the next write.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::claim::ClaimId;
use crate::db::{Database, Observer};
use crate::embed::{Embedder, DIM};
use crate::error::{Error, Result};
use crate::groups::Groups;
use crate::record::{LinkAuthor, LinkRecord, LinkRelation, Record};
use crate::similarity::{self, top_k, Evidence, LexicalIndex, MODEL_LEXICAL};
use crate::store::StoredLink;

/// Candidates per new claim that are decided on (the nearest ones).
const CANDIDATES: usize = 10;

/// The matcher: a sentence-embedding model, or lexical similarity alone.
pub struct Matcher {
    embedder: Option<Embedder>,
}

impl Matcher {
    /// The model in `explicit` (refused with the reason when it does not load), else the
    /// one `embed::locate` finds (`$CORROBORATE_MODEL`, the database's `model/`), else
    /// lexical matching.
    pub fn open(explicit: Option<&Path>, db_dir: &Path) -> Result<Matcher> {
        let embedder = match crate::embed::locate(explicit, db_dir) {
            Some(dir) => Some(Embedder::load(&dir)?),
            None => None,
        };
        Ok(Matcher { embedder })
    }

    /// Lexical matching only.
    pub fn lexical() -> Matcher {
        Matcher { embedder: None }
    }

    /// The model's id, or `lexical`.
    pub fn model_id(&self) -> &str {
        self.embedder
            .as_ref()
            .map_or(MODEL_LEXICAL, |e| e.model_id())
    }

    /// The default threshold for this matcher.
    pub fn default_threshold(&self) -> f32 {
        similarity::default_threshold(self.embedder.is_some())
    }

    fn threshold(&self, t: Option<f32>) -> Result<f32> {
        match t {
            None => Ok(self.default_threshold()),
            Some(t) if t.is_finite() && (0.0..=1.0).contains(&t) => Ok(t),
            Some(t) => Err(Error::Invalid(format!(
                "--threshold must be a number from 0 to 1, not {t}"
            ))),
        }
    }
}

/// What `match` is asked to do.
#[derive(Clone, Debug, Default)]
pub struct MatchOptions {
    /// The score at which two claims count as one (default: the matcher's).
    pub threshold: Option<f32>,
    /// Decide and report, write nothing (no links, no vectors).
    pub dry_run: bool,
}

/// One automatic link `match` made (or would make).
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct MatchedPair {
    /// One claim's id.
    pub a: String,
    /// The other claim's id.
    pub b: String,
    /// Their texts.
    pub a_text: String,
    pub b_text: String,
    /// The score.
    pub score: f32,
}

/// What `match` did.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct MatchSummary {
    /// The model (`lexical` without one).
    pub model: String,
    /// The threshold used.
    pub threshold: f32,
    /// Claims stored.
    pub claims: usize,
    /// Claims matched in this run (those the model had not seen).
    pub new_claims: usize,
    /// Pairs decided on.
    pub pairs_compared: usize,
    /// Links recorded (or, in a dry run, that would be).
    pub links: usize,
    /// Matches left out because a person marked the claims different.
    pub refused: usize,
    /// Matches left out because they would join two groups whose representatives
    /// (earliest wordings) do not match each other: groups do not chain.
    pub kept_apart: usize,
    /// True when nothing was written.
    pub dry_run: bool,
    /// The links, best first.
    pub pairs: Vec<MatchedPair>,
}

/// Every claim text, in record order.
/// A link the matcher made that no person has confirmed or rejected: the queue a desk
/// works through (`GET /api/links/pending`, the page's "Matches").
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct PendingLink {
    /// The two claims (full ids, the smaller first) and their texts.
    pub a: String,
    pub a_text: String,
    pub b: String,
    pub b_text: String,
    /// The matcher's score, model and threshold when it linked them.
    pub score: f32,
    pub model: String,
    pub threshold: f32,
}

/// The matcher's "same" links no person has decided on, weakest score first (those most
/// worth a look).
pub fn pending(db: &Database) -> Result<Vec<PendingLink>> {
    let groups = db.groups()?;
    let mut out = Vec::new();
    for l in groups.links().iter().filter(|l| !l.person && l.same) {
        if groups.links_between(&l.a, &l.b).iter().any(|o| o.person) {
            continue;
        }
        out.push(PendingLink {
            a: l.a.to_hex(),
            a_text: db.claim(&l.a)?.text,
            b: l.b.to_hex(),
            b_text: db.claim(&l.b)?.text,
            score: l.score.unwrap_or(0.0),
            model: l.model.clone().unwrap_or_default(),
            threshold: l.threshold.unwrap_or(0.0),
        });
    }
    out.sort_by(|x, y| {
        x.score
            .total_cmp(&y.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    Ok(out)
}

fn texts(db: &Database) -> Result<Vec<(ClaimId, String)>> {
    let mut out = Vec::new();
    db.claim_texts_from(0, |id, text| out.push((id, text.to_string())))?;
    Ok(out)
}

/// How many coarse candidates per wanted one are scored again exactly.
const RERANK: usize = 4;

/// From this many claims on, [`Corpus::nearest`] first ranks every claim by the signs
/// of its vector's components (48 bytes a claim instead of 384: the i8 scan of a
/// million claims reads 384 MB a query, which alone took 50–80 ms here) and scans only
/// the best [`SIGN_KEEP`] of them with the i8 vectors. Below it the i8 scan covers
/// every claim. See docs/matching.md, "Search at scale", for what this costs in recall.
const SIGN_SCAN_FROM: usize = 200_000;

/// The fraction (1/SIGN_KEEP) of the claims the sign-bit ranking passes on.
const SIGN_KEEP: usize = 50;

/// 64-bit words of sign bits per vector.
const WORDS: usize = DIM / 64;

/// Bit `j` of a vector's sign code is set when its component `j` is positive. The
/// number of bits two codes differ in grows with the angle between the vectors
/// (on average `DIM × angle / π` for vectors in general position).
fn sign_bits(v: &[f32]) -> [u64; WORDS] {
    let mut w = [0u64; WORDS];
    for (j, x) in v.iter().take(DIM).enumerate() {
        if *x > 0.0 {
            w[j / 64] |= 1 << (j % 64);
        }
    }
    w
}

/// The number of bits `a` and `b` differ in.
#[inline(always)]
fn hamming(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x ^ y).count_ones()).sum()
}

/// `f` over `0..n` cut into one range per processor (up to four; one range when `n`
/// is at most `single`), its answers in range order.
fn parts<T: Send>(n: usize, single: usize, f: impl Fn(usize, usize) -> T + Sync) -> Vec<T> {
    let threads = if n <= single {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |p| p.get().min(4))
    };
    let part = n.div_ceil(threads).max(1);
    if threads <= 1 {
        return vec![f(0, n)];
    }
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = (0..n)
            .step_by(part)
            .map(|lo| s.spawn(move || f(lo, (lo + part).min(n))))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// A unit vector's component (in [-1, 1]) as a multiple of 1/127.
fn quantize(x: f32) -> i8 {
    (x * 127.0).round().clamp(-127.0, 127.0) as i8
}

/// The dot product of two coarse vectors (127² times the cosine, give or take the
/// rounding), with sixteen running sums so that it vectorizes.
fn dot_i8(a: &[i8], b: &[i8]) -> i32 {
    let mut acc = [0i32; 16];
    let (ca, cb) = (a.chunks_exact(16), b.chunks_exact(16));
    let tail: i32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| i32::from(*x) * i32::from(*y))
        .sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..16 {
            acc[i] += i32::from(x[i]) * i32::from(y[i]);
        }
    }
    acc.iter().sum::<i32>() + tail
}

/// The dot product of two vectors (their cosine: the model's vectors are unit
/// length). Eight running sums instead of one, so that the compiler can keep them in
/// one SIMD register: one sum is a chain of dependent additions, about 8× slower over
/// the 384 dimensions (`similar` scans every stored vector).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            acc[i] += x[i] * y[i];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// A claim [`sign_distances`] leaves out (not wanted): above every real distance.
const NONE: u16 = u16::MAX;

/// The sign-code distance of each claim in `range` from `qs` ([`NONE`] for those not
/// `wanted`), and how many claims are at each distance. The hot loop of a search at a
/// million claims. A baseline x86-64 build counts bits without the `popcnt`
/// instruction (which processors have had since about 2008); with it the whole vector
/// search of a million claims took half the time (docs/benchmarks.md, "Claim
/// matching"), so the scan is compiled twice and the processor chooses. Both are the
/// same integer code: same answers.
fn sign_distances(
    qs: &[u64; WORDS],
    signs: &[u64],
    range: std::ops::Range<usize>,
    wanted: &(impl Fn(usize) -> bool + Sync),
) -> (Vec<u16>, [u32; DIM + 1]) {
    #[inline(always)]
    fn scan(
        qs: &[u64; WORDS],
        signs: &[u64],
        range: std::ops::Range<usize>,
        wanted: &impl Fn(usize) -> bool,
    ) -> (Vec<u16>, [u32; DIM + 1]) {
        // Plain loops, no closures handed to library code: what is compiled into
        // `scan_popcnt` must be this body itself, with `hamming` inlined.
        let mut histogram = [0u32; DIM + 1];
        let mut distances = Vec::with_capacity(range.len());
        for i in range {
            let mut d = NONE;
            if wanted(i) {
                d = hamming(qs, &signs[i * WORDS..(i + 1) * WORDS]) as u16;
                histogram[usize::from(d)] += 1;
            }
            distances.push(d);
        }
        (distances, histogram)
    }
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "popcnt")]
    fn scan_popcnt(
        qs: &[u64; WORDS],
        signs: &[u64],
        range: std::ops::Range<usize>,
        wanted: &impl Fn(usize) -> bool,
    ) -> (Vec<u16>, [u32; DIM + 1]) {
        scan(qs, signs, range, wanted)
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("popcnt") {
        // SAFETY: `scan_popcnt` only needs the popcnt instruction, which the processor
        // was just seen to have.
        return unsafe { scan_popcnt(qs, signs, range, wanted) };
    }
    scan(qs, signs, range, wanted)
}

/// Run the matcher over the claims the model has not seen yet; see the module docs.
pub fn run(
    db: &mut Database,
    m: &Matcher,
    opts: &MatchOptions,
    obs: &mut dyn Observer,
) -> Result<MatchSummary> {
    let threshold = m.threshold(opts.threshold)?;
    let model = m.model_id().to_string();
    let all = texts(db)?;
    let mut fresh: Vec<usize> = Vec::new();
    for (i, (id, _)) in all.iter().enumerate() {
        if db.store().vector_model(id)?.as_deref() != Some(model.as_str()) {
            fresh.push(i);
        }
    }
    let mut lex = LexicalIndex::new();
    for (i, (_, t)) in all.iter().enumerate() {
        lex.add(i as u64, t);
    }
    lex.prepare();
    // Vectors: the stored ones, and the new claims' computed now.
    let mut vectors: Vec<Option<Vec<f32>>> = vec![None; all.len()];
    let mut computed: Vec<(ClaimId, Vec<f32>)> = Vec::new();
    if let Some(e) = &m.embedder {
        let index: HashMap<ClaimId, usize> = all
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        db.store().each_vector(&model, |id, v| {
            if let Some(&i) = index.get(&id) {
                if v.len() == DIM {
                    vectors[i] = Some(v.to_vec());
                }
            }
        })?;
        let need: Vec<&str> = fresh.iter().map(|&i| all[i].1.as_str()).collect();
        obs.stage("embedding claims", need.len() as u64);
        let got = e.embed_with(&need, &mut |done, _| obs.progress(done as u64));
        obs.done();
        for (&i, v) in fresh.iter().zip(got?) {
            vectors[i] = Some(v.to_vec());
            computed.push((all[i].0, v.to_vec()));
        }
    }
    // Candidates of each new claim among all claims.
    let groups = db.groups()?;
    let linked: HashSet<(ClaimId, ClaimId)> = groups.links().iter().map(|l| (l.a, l.b)).collect();
    let pair_key = |a: ClaimId, b: ClaimId| if a.0 <= b.0 { (a, b) } else { (b, a) };
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut proposals: Vec<(usize, usize, f32)> = Vec::new();
    let mut compared = 0usize;
    obs.stage("finding the nearest claims", fresh.len() as u64);
    // The nearest claims of each new claim: an exact scan, split over the processors.
    let nearest = |i: usize| -> Vec<(usize, f32)> {
        match &vectors[i] {
            Some(q) => top_k(
                vectors
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .filter_map(|(j, v)| v.as_ref().map(|v| (j, dot(q, v)))),
                CANDIDATES,
            ),
            None => lex
                .search(&all[i].1, CANDIDATES + 1)
                .into_iter()
                .map(|(j, s)| (j as usize, s))
                .filter(|(j, _)| *j != i)
                .take(CANDIDATES)
                .collect(),
        }
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = fresh.len().div_ceil(workers).max(1);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let mut found: Vec<Vec<(usize, f32)>> = Vec::with_capacity(fresh.len());
    std::thread::scope(|scope| {
        let handles: Vec<_> = fresh
            .chunks(chunk)
            .map(|part| {
                let (nearest, done) = (&nearest, &done);
                scope.spawn(move || {
                    part.iter()
                        .map(|&i| {
                            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            nearest(i)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            while !h.is_finished() {
                obs.progress(done.load(std::sync::atomic::Ordering::Relaxed) as u64);
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            found.extend(h.join().expect("a search thread panicked"));
        }
    });
    obs.done();
    obs.stage("deciding pairs", fresh.len() as u64);
    for (n, (&i, candidates)) in fresh.iter().zip(found).enumerate() {
        if n % 64 == 0 {
            obs.progress(n as u64);
        }
        for (j, cos) in candidates {
            let key = (i.min(j), i.max(j));
            if !seen.insert(key) {
                continue;
            }
            let (a, b) = (all[i].0, all[j].0);
            if groups.same(&a, &b) || linked.contains(&pair_key(a, b)) {
                continue;
            }
            compared += 1;
            let cosine = m.embedder.as_ref().map(|_| cos);
            let e = Evidence::new(&lex, &all[i].1, &all[j].1, cosine);
            let d = similarity::decide(&e, threshold);
            if d.same {
                proposals.push((key.0, key.1, d.score));
            }
        }
    }
    obs.done();
    // Leave out the matches a person's "different" forbids (those the groups would
    // refuse anyway), best score first as the groups join them.
    proposals.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut trial: Vec<StoredLink> = groups.links().to_vec();
    for (k, (i, j, s)) in proposals.iter().enumerate() {
        let (a, b) = pair_key(all[*i].0, all[*j].0);
        trial.push(StoredLink {
            a,
            b,
            person: false,
            same: true,
            score: Some(*s),
            model: Some(model.clone()),
            threshold: Some(threshold),
            entry: u64::MAX - proposals.len() as u64 + k as u64,
        });
    }
    let number: HashMap<ClaimId, u64> = all
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i as u64))
        .collect();
    let tried = Groups::build(trial, |c| number.get(c).copied());
    let refused: HashSet<(ClaimId, ClaimId)> = tried
        .refused()
        .iter()
        .filter(|r| !r.link.person)
        .map(|r| (r.link.a, r.link.b))
        .collect();
    // One link per join: a proposal between claims already joined (by the groups or
    // by a better proposal) adds nothing and is left out, so that unlinking one wrong
    // match is enough to undo it.
    let mut parent: HashMap<ClaimId, ClaimId> = HashMap::new();
    fn root(parent: &mut HashMap<ClaimId, ClaimId>, mut x: ClaimId) -> ClaimId {
        while let Some(&p) = parent.get(&x) {
            if p == x {
                break;
            }
            x = p;
        }
        x
    }
    // The representative (earliest-recorded wording, an index into `all`) of each
    // group's root; a claim alone is its own.
    let mut rep: HashMap<ClaimId, usize> = HashMap::new();
    for g in groups.groups() {
        for m in &g.members[1..] {
            parent.insert(*m, g.members[0]);
        }
        if let Some(first) = g.members.iter().filter_map(|c| number.get(c)).min() {
            rep.insert(g.members[0], *first as usize);
        }
    }
    let mut pairs = Vec::new();
    let mut records = Vec::new();
    let mut kept_apart = 0usize;
    for (i, j, s) in &proposals {
        let (a, b) = pair_key(all[*i].0, all[*j].0);
        if refused.contains(&(a, b)) {
            continue;
        }
        let (ri, rj) = (root(&mut parent, all[*i].0), root(&mut parent, all[*j].0));
        if ri == rj {
            continue;
        }
        // No chaining: two groups join only when their representatives match too, so
        // a group cannot drift one close pair at a time to a different claim.
        let (pi, pj) = (
            rep.get(&ri).copied().unwrap_or(*i),
            rep.get(&rj).copied().unwrap_or(*j),
        );
        if (pi, pj) != (*i, *j) {
            let cosine = match (&vectors[pi], &vectors[pj]) {
                (Some(x), Some(y)) if m.embedder.is_some() => Some(dot(x, y)),
                _ => None,
            };
            let e = Evidence::new(&lex, &all[pi].1, &all[pj].1, cosine);
            if !similarity::decide(&e, threshold).same {
                kept_apart += 1;
                continue;
            }
        }
        parent.insert(rj, ri);
        rep.insert(ri, pi.min(pj));
        // `a` is the smaller id of the two, whichever of i and j it is.
        let (ta, tb) = if a == all[*i].0 { (*i, *j) } else { (*j, *i) };
        pairs.push(MatchedPair {
            a: a.to_hex(),
            b: b.to_hex(),
            a_text: all[ta].1.clone(),
            b_text: all[tb].1.clone(),
            score: *s,
        });
        records.push(Record::Link(LinkRecord {
            a: a.to_hex(),
            b: b.to_hex(),
            relation: LinkRelation::Same,
            by: LinkAuthor::Matcher,
            score: Some(*s),
            model: Some(model.clone()),
            threshold: Some(threshold),
        }));
    }
    if !opts.dry_run {
        if !records.is_empty() {
            let label = format!("match (model {model}, threshold {threshold:.3})");
            db.write_records(records.into_iter().map(|r| Ok((0, r))), &label)?;
        }
        // Only now are the new claims matched: a failed write matches them again.
        if m.embedder.is_some() {
            db.put_vectors(&model, &computed)?;
        } else {
            let marks: Vec<(ClaimId, Vec<f32>)> =
                fresh.iter().map(|&i| (all[i].0, Vec::new())).collect();
            db.put_vectors(&model, &marks)?;
        }
    }
    Ok(MatchSummary {
        model,
        threshold,
        claims: all.len(),
        new_claims: fresh.len(),
        pairs_compared: compared,
        links: pairs.len(),
        refused: refused.len(),
        kept_apart,
        dry_run: opts.dry_run,
        pairs,
    })
}

/// What `similar` looks for.
#[derive(Clone, Debug)]
pub enum Query {
    /// Claims like this stored claim.
    Claim(ClaimId),
    /// Claims like this text.
    Text(String),
}

/// One claim `similar` found.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct SimilarRow {
    /// Full claim id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// How alike, 0–1 (higher = more alike): the matcher's score.
    pub score: f32,
    /// The tool counts the two as one claim: already in one group, or the matcher
    /// decides so at the threshold.
    pub same: bool,
    /// Already in the same group.
    pub linked: bool,
    /// The embedding cosine (absent without a model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cosine: Option<f32>,
    /// The lexical similarity.
    pub lexical: f32,
    /// The model (`lexical` without one).
    pub model: String,
    /// Why, for people.
    pub reasons: Vec<String>,
}

/// What `similar` searches: every claim's text, the lexical index over them and the
/// stored vectors, as of one state of the database. Loading it reads every text and
/// vector, which is most of what a single `similar` costs; a front-end that answers
/// many queries (the server) keeps one and brings it up to date after a write (see
/// [`Corpus::current`]).
#[derive(Clone)]
pub struct Corpus {
    /// The ledger offset the database had applied when this was loaded.
    applied: u64,
    /// The model whose vectors these are (`lexical`: none).
    model: String,
    ids: Vec<ClaimId>,
    texts: Vec<String>,
    index: HashMap<ClaimId, usize>,
    lex: LexicalIndex,
    /// `DIM` floats per claim, flat; meaningful where `has` is true.
    vectors: Vec<f32>,
    /// The same vectors with each component rounded to a multiple of 1/127 (as `i8`):
    /// a quarter of the bytes, which is what a scan of a large corpus waits for. The
    /// scan ranks by these and the best are scored again with `vectors`.
    coarse: Vec<i8>,
    /// The vectors' sign codes ([`sign_bits`], `WORDS` words a claim): what a scan of
    /// a corpus of [`SIGN_SCAN_FROM`] claims or more ranks by first.
    signs: Vec<u64>,
    has: Vec<bool>,
    /// The claim groups of the same state (built from every link: costly with many
    /// links, so once per state rather than once per query).
    groups: Groups,
    /// Claims without a vector (`match` has not embedded them yet).
    unseen: usize,
}

impl Corpus {
    /// Read every claim's text and (with a model) stored vector from `db`.
    pub fn load(db: &Database, m: &Matcher) -> Result<Corpus> {
        let mut c = Corpus {
            applied: 0,
            model: m.model_id().to_string(),
            ids: Vec::new(),
            texts: Vec::new(),
            index: HashMap::new(),
            lex: LexicalIndex::new(),
            vectors: Vec::new(),
            coarse: Vec::new(),
            signs: Vec::new(),
            has: Vec::new(),
            groups: Groups::default(),
            unseen: 0,
        };
        c.take_in(db, m)?;
        Ok(c)
    }

    /// The corpus of `db`'s state for `m`, given the one kept from an earlier state:
    /// `None` when `kept` is still right (nothing was written since); `kept` with
    /// what was written since taken in when it is older; else one loaded afresh.
    pub fn current(kept: Option<&Corpus>, db: &Database, m: &Matcher) -> Result<Option<Corpus>> {
        let applied = db.store().progress()?.map_or(0, |p| p.applied);
        match kept {
            Some(k) if k.model == m.model_id() && k.applied == applied => Ok(None),
            Some(k) if k.model == m.model_id() && k.applied < applied => {
                let mut c = k.clone();
                c.take_in(db, m)?;
                Ok(Some(c))
            }
            _ => Corpus::load(db, m).map(Some),
        }
    }

    /// Take in what was written since `self.applied`: the claims first recorded since
    /// (texts never change, and claims are never removed), and the vectors `match`
    /// stored since for claims that had none (a claim's vector under one model never
    /// changes).
    fn take_in(&mut self, db: &Database, m: &Matcher) -> Result<()> {
        let applied = db.store().progress()?.map_or(0, |p| p.applied);
        let before = self.ids.len();
        db.claim_texts_from(self.applied, |id, t| {
            if self.index.contains_key(&id) {
                return;
            }
            let i = self.ids.len();
            self.lex.add(i as u64, t);
            self.index.insert(id, i);
            self.ids.push(id);
            self.texts.push(t.to_string());
        })?;
        if self.ids.len() > before {
            self.lex.prepare();
        }
        let n = self.ids.len();
        self.unseen += n - before;
        if m.embedder.is_some() {
            self.vectors.resize(n * DIM, 0.0);
            self.coarse.resize(n * DIM, 0);
            self.signs.resize(n * WORDS, 0);
            self.has.resize(n, false);
            let put = |c: &mut Corpus, i: usize, v: &[f32]| {
                if v.len() == DIM && !c.has[i] {
                    c.vectors[i * DIM..(i + 1) * DIM].copy_from_slice(v);
                    for (q, x) in c.coarse[i * DIM..(i + 1) * DIM].iter_mut().zip(v) {
                        *q = quantize(*x);
                    }
                    c.signs[i * WORDS..(i + 1) * WORDS].copy_from_slice(&sign_bits(v));
                    c.has[i] = true;
                    c.unseen -= 1;
                }
            };
            if self.unseen > n / 4 {
                // Many to find: one pass over the stored vectors.
                let model = self.model.clone();
                db.store().each_vector(&model, |id, v| {
                    if let Some(&i) = self.index.get(&id) {
                        put(self, i, v);
                    }
                })?;
            } else {
                for i in 0..n {
                    if !self.has[i] {
                        if let Some(v) = db.store().vector(&self.ids[i], &self.model)? {
                            put(self, i, &v);
                        }
                    }
                }
            }
        }
        self.groups = db.groups()?;
        self.applied = applied;
        Ok(())
    }

    /// The ledger offset of the state it holds.
    pub fn applied(&self) -> u64 {
        self.applied
    }

    /// Claims in it.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether it holds no claim.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The `k` claims whose vectors are nearest `qv` (leaving out claim `skip`), best
    /// first, with their exact cosines: ranked by the coarse vectors (in a large
    /// corpus, only those the sign codes rank in the best 1/[`SIGN_KEEP`]), then the best
    /// `RERANK × k` scored exactly.
    fn nearest(&self, qv: &[f32], k: usize, skip: Option<usize>) -> Vec<(usize, f32)> {
        self.nearest_from(qv, k, skip, SIGN_SCAN_FROM)
    }

    /// [`Corpus::nearest`] with the corpus size from which the sign codes rank first.
    fn nearest_from(
        &self,
        qv: &[f32],
        k: usize,
        skip: Option<usize>,
        sign_from: usize,
    ) -> Vec<(usize, f32)> {
        let qc: Vec<i8> = qv.iter().map(|x| quantize(*x)).collect();
        let n = self.has.len();
        let pool = k.saturating_mul(RERANK);
        let wanted = |i: usize| self.has[i] && Some(i) != skip;
        let coarse = |i: usize| (i, dot_i8(&qc, &self.coarse[i * DIM..(i + 1) * DIM]) as f32);
        let rough: Vec<(usize, f32)> = if n >= sign_from {
            let shortlist = self.sign_shortlist(&sign_bits(qv), (n / SIGN_KEEP).max(pool), wanted);
            // Scattered rows: each costs a few cache misses, so both cores help from a
            // few thousand on (20,000 at a million claims).
            let parts = parts(shortlist.len(), 5_000, |lo, hi| {
                top_k(shortlist[lo..hi].iter().map(|&i| coarse(i)), pool)
            });
            top_k(parts.into_iter().flatten(), pool)
        } else {
            let parts = parts(n, 50_000, |lo, hi| {
                top_k((lo..hi).filter(|&i| wanted(i)).map(coarse), pool)
            });
            top_k(parts.into_iter().flatten(), pool)
        };
        let exact = rough
            .into_iter()
            .filter_map(|(i, _)| Some((i, dot(qv, self.vector(i)?))));
        top_k(exact, k)
    }

    /// The claims (those `wanted`) whose sign codes differ least from `qs`: every one
    /// within the smallest distance that takes in at least `keep` of them (ties at
    /// that distance all come along), in index order.
    fn sign_shortlist(
        &self,
        qs: &[u64; WORDS],
        keep: usize,
        wanted: impl Fn(usize) -> bool + Sync,
    ) -> Vec<usize> {
        let n = self.has.len();
        // Each part counts its own distances, so only the 385-bin histograms are
        // summed on one thread.
        let parts = parts(n, 50_000, |lo, hi| {
            sign_distances(qs, &self.signs, lo..hi, &wanted)
        });
        let mut histogram = [0usize; DIM + 1];
        for (_, h) in &parts {
            for (total, count) in histogram.iter_mut().zip(h) {
                *total += *count as usize;
            }
        }
        let mut within = 0;
        let mut limit = DIM as u16;
        for (d, count) in histogram.iter().enumerate() {
            within += count;
            if within >= keep {
                limit = d as u16;
                break;
            }
        }
        parts
            .iter()
            .flat_map(|(d, _)| d)
            .enumerate()
            .filter(|(_, d)| **d <= limit)
            .map(|(i, _)| i)
            .collect()
    }

    /// For benches/matching.rs, which measures what the sign-code shortlist misses:
    /// the `k` claims nearest claim `i`'s stored vector, through the shortlist
    /// (`signs`, whatever the corpus size) or the i8 scan of every claim.
    #[doc(hidden)]
    pub fn nearest_to_claim(&self, i: usize, k: usize, signs: bool) -> Option<Vec<(usize, f32)>> {
        let qv = self.vector(i)?.to_vec();
        let from = if signs { 0 } else { usize::MAX };
        Some(self.nearest_from(&qv, k, Some(i), from))
    }

    fn vector(&self, i: usize) -> Option<&[f32]> {
        self.has
            .get(i)
            .copied()
            .unwrap_or(false)
            .then(|| &self.vectors[i * DIM..(i + 1) * DIM])
    }
}

/// The claims nearest to `q`, best first (at most `limit`); the query claim itself is
/// left out. Claims the model has not seen yet (`corroborate match` embeds them) are
/// found by their words only; the second value counts them. Loads the whole corpus:
/// see [`similar_in`] to search one kept between queries.
pub fn similar(
    db: &Database,
    m: &Matcher,
    q: &Query,
    limit: usize,
    threshold: Option<f32>,
) -> Result<(Vec<SimilarRow>, usize)> {
    similar_in(&Corpus::load(db, m)?, m, q, limit, threshold)
}

/// [`similar`] over a loaded corpus (its groups, which say what is already one claim,
/// are those of the state it was loaded or brought up to date at).
///
/// Candidates come from the vectors (with a model) and from the words. Once every
/// claim has a vector, the word search reads only the query's words found in at most
/// 5 % of the claims ([`LexicalIndex::search_rare`]): at a million claims the full
/// word search was half of a query's time, leaving words out altogether lost 15 of
/// 125 `same` rows on 20,000 real sentences, and the 5 % search none
/// (docs/matching.md, "Search at scale").
pub fn similar_in(
    corpus: &Corpus,
    m: &Matcher,
    q: &Query,
    limit: usize,
    threshold: Option<f32>,
) -> Result<(Vec<SimilarRow>, usize)> {
    let words = if m.embedder.is_none() || corpus.unseen > 0 {
        Words::All
    } else {
        Words::Rare(RARE_PERCENT)
    };
    similar_in_with(corpus, m, q, limit, threshold, words)
}

/// [`similar_in`]'s word search once every claim has a vector: words in more than this
/// percentage of the claims are left out.
const RARE_PERCENT: u8 = 5;

/// Where [`similar_in`] finds candidates besides the vectors.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// Vectors only.
    None,
    /// The query's words in at most this percentage of the claims
    /// ([`LexicalIndex::search_rare`]).
    Rare(u8),
    /// Every word of the query ([`LexicalIndex::search`]).
    All,
}

/// [`similar_in`] with the word search chosen (benches/matching.rs measures what each
/// candidate source adds).
#[doc(hidden)]
pub fn similar_in_with(
    corpus: &Corpus,
    m: &Matcher,
    q: &Query,
    limit: usize,
    threshold: Option<f32>,
    words: Words,
) -> Result<(Vec<SimilarRow>, usize)> {
    let threshold = m.threshold(threshold)?;
    let model = m.model_id().to_string();
    let c = corpus;
    let (qid, qtext) = match q {
        Query::Claim(id) => {
            let i = *c
                .index
                .get(id)
                .ok_or_else(|| Error::NoSuchClaim(id.to_hex()))?;
            (Some(*id), c.texts[i].clone())
        }
        Query::Text(t) => {
            crate::claim::validate_text(t)?;
            (Some(ClaimId::of_text(t)), t.clone())
        }
    };
    let qi = qid.and_then(|id| c.index.get(&id).copied());
    let wanted = (limit.max(1) * 3).max(20);
    let mut candidates: HashMap<usize, Option<f32>> = HashMap::new();
    let mut query_vector: Option<Vec<f32>> = None;
    if let Some(e) = &m.embedder {
        let qv: Vec<f32> = match qi.and_then(|i| c.vector(i)) {
            Some(v) => v.to_vec(),
            None => e.embed(&[qtext.as_str()])?[0].to_vec(),
        };
        for (i, cos) in c.nearest(&qv, wanted, qi) {
            candidates.insert(i, Some(cos));
        }
        query_vector = Some(qv);
    }
    // Words find what the model has not seen (and everything without a model).
    let found = match words {
        Words::None => Vec::new(),
        Words::Rare(percent) => c.lex.search_rare(&qtext, wanted, percent),
        Words::All => c.lex.search(&qtext, wanted),
    };
    for (j, _) in found {
        let j = j as usize;
        if Some(j) != qi {
            candidates.entry(j).or_insert(None);
        }
    }
    let groups = &c.groups;
    let embedder = m.embedder.as_ref();
    let query = similarity::Statement::new(&qtext);
    let mut rows: Vec<SimilarRow> = Vec::new();
    for (j, cos) in candidates {
        let cos = match (cos, embedder, &query_vector) {
            (Some(x), _, _) => Some(x),
            // Found by its words: its stored vector, or (a claim `match` has not seen)
            // embed it, so that its score is comparable.
            (None, Some(e), Some(qv)) => Some(match c.vector(j) {
                Some(v) => dot(qv, v),
                None => dot(qv, &e.embed(&[c.texts[j].as_str()])?[0]),
            }),
            _ => None,
        };
        let ev = Evidence::between(
            &c.lex,
            &query,
            &similarity::Statement::new(&c.texts[j]),
            cos,
        );
        let d = similarity::decide(&ev, threshold);
        let linked = qi.is_some() && qid.is_some_and(|q| groups.same(&q, &c.ids[j]));
        rows.push(SimilarRow {
            id: c.ids[j].to_hex(),
            text: c.texts[j].clone(),
            score: d.score,
            same: linked || d.same,
            linked,
            cosine: ev.cosine,
            lexical: ev.lexical,
            model: model.clone(),
            reasons: d.reasons,
        });
    }
    rows.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.linked.cmp(&a.linked))
            .then(a.id.cmp(&b.id))
    });
    rows.truncate(limit);
    Ok((rows, c.unseen))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` unit vectors from a fixed xorshift, as a corpus with no texts.
    fn corpus(n: usize, seed: u64) -> Corpus {
        let mut x = seed;
        let mut vectors = Vec::with_capacity(n * DIM);
        for _ in 0..n {
            let v: Vec<f32> = (0..DIM)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x >> 40) as f32 / (1u64 << 24) as f32 - 0.5
                })
                .collect();
            let norm = v.iter().map(|a| a * a).sum::<f32>().sqrt();
            vectors.extend(v.iter().map(|a| a / norm));
        }
        Corpus {
            applied: 0,
            model: "test".into(),
            ids: (0..n)
                .map(|i| ClaimId::of_text(&format!("claim {i}")))
                .collect(),
            texts: vec![String::new(); n],
            index: HashMap::new(),
            lex: LexicalIndex::new(),
            coarse: vectors.iter().map(|x| quantize(*x)).collect(),
            signs: vectors.chunks(DIM).flat_map(sign_bits).collect(),
            vectors,
            has: vec![true; n],
            groups: Groups::default(),
            unseen: 0,
        }
    }

    /// Ranking by the coarse vectors and scoring the best again exactly finds the
    /// same nearest claims, with the same cosines, as scoring every claim exactly
    /// (random vectors: the hard case, their cosines all crowd near zero).
    #[test]
    fn the_coarse_scan_finds_what_the_exact_one_does() {
        for (n, seed) in [(3_000, 1u64), (60_000, 7)] {
            let c = corpus(n, seed);
            for q in [0usize, 17, n / 2, n - 1] {
                let qv = c.vector(q).unwrap().to_vec();
                let exact = top_k(
                    (0..n)
                        .filter(|&i| i != q)
                        .map(|i| (i, dot(&qv, c.vector(i).unwrap()))),
                    30,
                );
                assert_eq!(c.nearest(&qv, 30, Some(q)), exact, "n {n}, query {q}");
            }
        }
    }

    /// The sign-code shortlist (forced on a small corpus) still finds every claim
    /// near the query — here near-copies planted at cosines from 0.50 to 0.95 among
    /// random vectors — with the exact cosines, best first. (Among the random ones
    /// it is approximate by design: their cosines with the query all crowd near zero.)
    #[test]
    fn the_sign_shortlist_finds_the_near_claims() {
        let n = 20_000;
        let mut c = corpus(n, 11);
        let mut x = 99u64;
        let mut noise = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 40) as f32 / (1u64 << 24) as f32 - 0.5
        };
        for q in [5usize, 9_000] {
            let qv = c.vector(q).unwrap().to_vec();
            // Ten claims at cosine 0.95, 0.90, … 0.50 with the query: the query plus
            // a random direction orthogonal to it, mixed to that angle.
            let planted: Vec<usize> = (0..10).map(|j| (q * 7 + 131 * j + 1) % n).collect();
            for (j, &i) in planted.iter().enumerate() {
                let target = 0.95 - 0.05 * j as f32;
                let mut r: Vec<f32> = (0..DIM).map(|_| noise()).collect();
                let along = dot(&r, &qv);
                r.iter_mut().zip(&qv).for_each(|(a, b)| *a -= along * b);
                let rn = dot(&r, &r).sqrt();
                let v: Vec<f32> = qv
                    .iter()
                    .zip(&r)
                    .map(|(a, b)| target * a + (1.0 - target * target).sqrt() * b / rn)
                    .collect();
                c.vectors[i * DIM..(i + 1) * DIM].copy_from_slice(&v);
                for (d, y) in c.coarse[i * DIM..(i + 1) * DIM].iter_mut().zip(&v) {
                    *d = quantize(*y);
                }
                c.signs[i * WORDS..(i + 1) * WORDS].copy_from_slice(&sign_bits(&v));
            }
            let found = c.nearest_from(&qv, 10, Some(q), 0);
            let ids: Vec<usize> = found.iter().map(|(i, _)| *i).collect();
            assert_eq!(ids, planted, "query {q}");
            for (i, cos) in found {
                assert_eq!(cos, dot(&qv, c.vector(i).unwrap()));
            }
        }
    }

    #[test]
    fn sign_codes_count_differing_signs() {
        let mut a = vec![0.5f32; DIM];
        let b = a.clone();
        assert_eq!(hamming(&sign_bits(&a), &sign_bits(&b)), 0);
        for j in [0, 63, 64, 200, DIM - 1] {
            a[j] = -0.5;
        }
        assert_eq!(hamming(&sign_bits(&a), &sign_bits(&b)), 5);
        // Zero counts as not positive.
        a[1] = 0.0;
        assert_eq!(hamming(&sign_bits(&a), &sign_bits(&b)), 6);
    }

    /// The scan of a range (with whichever bit count the processor offers) gives each
    /// wanted claim its distance, `NONE` to the others, and counts the distances.
    #[test]
    fn the_sign_scan_counts_each_wanted_claim_once() {
        let c = corpus(500, 3);
        let q = sign_bits(c.vector(7).unwrap());
        let wanted = |i: usize| !i.is_multiple_of(3);
        let (d, histogram) = sign_distances(&q, &c.signs, 100..400, &wanted);
        assert_eq!(d.len(), 300);
        let mut expected = [0u32; DIM + 1];
        for (i, d) in (100..400).zip(&d) {
            if wanted(i) {
                let h = hamming(&q, &c.signs[i * WORDS..(i + 1) * WORDS]);
                assert_eq!(u32::from(*d), h, "claim {i}");
                expected[h as usize] += 1;
            } else {
                assert_eq!(*d, NONE, "claim {i}");
            }
        }
        assert_eq!(histogram, expected);
        assert_eq!(histogram.iter().sum::<u32>(), 200);
    }

    #[test]
    fn the_dot_products_agree_with_the_plain_sums() {
        let c = corpus(50, 3);
        for i in 0..50 {
            let (a, b) = (c.vector(i).unwrap(), c.vector((i + 1) % 50).unwrap());
            let plain: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
            assert!((dot(a, b) - plain).abs() < 1e-5);
            let ca = &c.coarse[i * DIM..(i + 1) * DIM];
            let coarse = dot_i8(ca, ca) as f32 / (127.0 * 127.0);
            assert!((coarse - 1.0).abs() < 0.02, "{coarse}");
        }
    }

    proptest::proptest! {
        /// The bounded `top_k` equals sorting everything and taking the first `k`
        /// (scores from a few values, so ties on the floor are common; NaN and
        /// infinities are left out).
        #[test]
        fn top_k_is_the_first_k_of_a_full_sort(
            raw in proptest::collection::vec(0u8..12, 0..600),
            k in 0usize..150,
        ) {
            let scores: Vec<(usize, f32)> = raw
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let s = match r {
                        10 => f32::NAN,
                        11 => f32::INFINITY,
                        r => f32::from(*r),
                    };
                    (i, s)
                })
                .collect();
            let mut all: Vec<(usize, f32)> =
                scores.iter().copied().filter(|(_, s)| s.is_finite()).collect();
            all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            all.truncate(k);
            // Reversed order too: the scan's parts need not arrive in index order.
            let reversed: Vec<(usize, f32)> = scores.iter().rev().copied().collect();
            proptest::prop_assert_eq!(&top_k(scores.into_iter(), k), &all);
            proptest::prop_assert_eq!(&top_k(reversed.into_iter(), k), &all);
        }
    }
}
