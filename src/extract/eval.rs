//! Evaluation of the extractor against hand-labelled articles, independent of the
//! extractor's own name matching.
//!
//! A label set is a directory (`tests/data/extraction/`) holding
//!
//! * `articles.tsv` — every labelled article with its outlet and split (`dev` or
//!   `test`); an article listed there with no label lines has no statements, and
//!   whatever is predicted for it counts against precision;
//! * `labels_<split>.jsonl` — one statement per line,
//!   `{"article_id": "…", "start": B, "end": B, "chain": [hop, …], "also": [[hop, …]]}`
//!   with byte offsets into the article's `text` field (`also`, optional, lists other
//!   chains the rulebook accepts for the same statement), an anonymous hop written with
//!   a leading `~`;
//! * `aliases.tsv` — names of one body that the comparison treats as equal
//!   (acronyms and short forms), one body per line, tab-separated.
//!
//! Name comparison ([`NameMatcher`]) drops case, accents, dots, articles, possessives,
//! titles and generic words, maps names through the alias table and then accepts two
//! names when the shorter one's words all occur in the longer one and include the
//! longer one's head (last) word. Predicted and gold statements of an article are paired
//! by maximum bipartite matching ([`max_matching`]); a pair needs overlapping spans (at
//! least half of the shorter) and matching chains at the level being scored. Whether
//! hops are marked anonymous is scored on its own ([`Anonymity`]). Intervals come from
//! a bootstrap over articles with a fixed seed. See `docs/extraction.md`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::chain::HopSpec;
use crate::error::Error;

use super::{extract, ArticleMeta, Extracted};

/// One gold statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldStatement {
    /// The article's `article_id`.
    pub article_id: String,
    /// Byte offset of the statement's start in the article text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// The chain, publisher first.
    pub chain: Vec<HopSpec>,
    /// Other chains the rulebook accepts for this statement.
    pub also: Vec<Vec<HopSpec>>,
}

impl GoldStatement {
    /// The preferred chain, then the accepted alternatives.
    pub fn chains(&self) -> impl Iterator<Item = &[HopSpec]> {
        std::iter::once(self.chain.as_slice()).chain(self.also.iter().map(Vec::as_slice))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelLine {
    article_id: String,
    start: usize,
    end: usize,
    chain: Vec<String>,
    #[serde(default)]
    also: Vec<Vec<String>>,
}

fn hops(chain: &[String]) -> Vec<HopSpec> {
    chain
        .iter()
        .map(|h| match h.strip_prefix('~') {
            Some(r) => HopSpec::anonymous(r),
            None => HopSpec::named(h),
        })
        .collect()
}

/// Parse label lines (JSONL; blank lines and lines starting with `//` are ignored).
pub fn parse_labels(src: &str) -> Result<Vec<GoldStatement>, Error> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        let bad = |message: String| Error::Line {
            line: i as u64 + 1,
            message,
        };
        let l: LabelLine = serde_json::from_str(t).map_err(|e| bad(format!("bad label: {e}")))?;
        if l.end <= l.start
            || l.chain.len() < 2
            || l.also.iter().any(|c| c.len() < 2)
            || std::iter::once(&l.chain).chain(&l.also).any(|c| {
                c.iter()
                    .any(|h| h.trim_start_matches('~').trim().is_empty())
            })
        {
            return Err(bad(
                "a label needs start < end and chains of at least two non-empty hops".into(),
            ));
        }
        out.push(GoldStatement {
            article_id: l.article_id,
            start: l.start,
            end: l.end,
            chain: hops(&l.chain),
            also: l.also.iter().map(|c| hops(c)).collect(),
        });
    }
    Ok(out)
}

/// Read a label file.
pub fn load_labels(path: &Path) -> Result<Vec<GoldStatement>, Error> {
    parse_labels(&read(path)?)
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::io(format!("reading {}", path.display()), e))
}

/// One labelled article of `articles.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelledArticle {
    /// The article's `article_id`.
    pub article_id: String,
    /// The outlet (publisher) name, the first hop of every gold chain.
    pub outlet: String,
    /// `dev` or `test`.
    pub split: String,
}

/// Parse `articles.tsv`: a header line (`article_id`, `outlet`, `split`, tab-separated),
/// then one article a line; lines starting with `#` are comments.
pub fn parse_articles(src: &str) -> Result<Vec<LabelledArticle>, Error> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, line) in src.lines().enumerate() {
        let t = line.trim_end_matches('\r');
        if t.trim().is_empty() || t.starts_with('#') || t.starts_with("article_id\t") {
            continue;
        }
        let bad = |message: String| Error::Line {
            line: i as u64 + 1,
            message,
        };
        let f: Vec<&str> = t.split('\t').collect();
        if f.len() != 3 || f.iter().any(|x| x.trim().is_empty()) {
            return Err(bad(
                "expected three tab-separated fields: article_id, outlet, split".into(),
            ));
        }
        if f[2] != "dev" && f[2] != "test" {
            return Err(bad(format!("split must be dev or test, not {:?}", f[2])));
        }
        if !seen.insert(f[0].to_string()) {
            return Err(bad(format!("article {} is listed twice", f[0])));
        }
        out.push(LabelledArticle {
            article_id: f[0].into(),
            outlet: f[1].into(),
            split: f[2].into(),
        });
    }
    Ok(out)
}

/// The articles and statements of one split, with the alias table.
#[derive(Clone, Debug)]
pub struct LabelSet {
    /// The split's articles, in file order.
    pub articles: Vec<LabelledArticle>,
    /// The split's statements.
    pub labels: Vec<GoldStatement>,
    /// The name comparison with the set's alias table.
    pub names: NameMatcher,
}

/// Read one split (`dev` or `test`) of the label set in `dir`: `articles.tsv`,
/// `labels_<split>.jsonl` and `aliases.tsv`. Every label must belong to an article of
/// the split and every chain start with that article's outlet.
pub fn load_label_set(dir: &Path, split: &str) -> Result<LabelSet, Error> {
    if split != "dev" && split != "test" {
        return Err(Error::Invalid(format!(
            "unknown split {split:?}: use dev or test"
        )));
    }
    let articles: Vec<LabelledArticle> = parse_articles(&read(&dir.join("articles.tsv"))?)?
        .into_iter()
        .filter(|a| a.split == split)
        .collect();
    let labels = load_labels(&dir.join(format!("labels_{split}.jsonl")))?;
    let by_id: HashMap<&str, &LabelledArticle> = articles
        .iter()
        .map(|a| (a.article_id.as_str(), a))
        .collect();
    for g in &labels {
        let Some(a) = by_id.get(g.article_id.as_str()) else {
            return Err(Error::Invalid(format!(
                "a {split} label names article {}, which articles.tsv does not list in the {split} split",
                g.article_id
            )));
        };
        if g.chains().any(|c| c[0].name != a.outlet) {
            return Err(Error::Invalid(format!(
                "a label of article {} does not start with its outlet {}",
                g.article_id, a.outlet
            )));
        }
    }
    let names = NameMatcher::new(&read(&dir.join("aliases.tsv"))?);
    Ok(LabelSet {
        articles,
        labels,
        names,
    })
}

/// Words dropped from names before comparing: articles, titles and honorifics, and
/// generic words for media and bodies.
const DROPPED: &[&str] = &[
    "the",
    "a",
    "an", // articles
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
    "rev",
    "reverend",
    "sheikh",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "gen",
    "general",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "maj",
    "major",
    "adm",
    "admiral",
    "commander",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "ambassador",
    "chairman",
    "chairwoman",
    "ceo",
    "director",
    "deputy",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "agency",
    "news",
    "newspaper",
    "daily",
    "group",
    "website",
    "channel",
    "tv",
    "television",
];

/// The name comparison of the evaluation: independent of the extractor's own.
#[derive(Clone, Debug, Default)]
pub struct NameMatcher {
    /// Normalised name → the normalised first name of its alias line.
    aliases: HashMap<String, String>,
}

impl NameMatcher {
    /// Build from an alias table: one body per line, its names tab-separated; blank
    /// lines and lines starting with `#` are ignored.
    pub fn new(table: &str) -> NameMatcher {
        let mut aliases = HashMap::new();
        for line in table.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut names = line.split('\t').map(|n| normal_words(n).join(" "));
            let Some(canon) = names.next() else { continue };
            for n in names.chain(std::iter::once(canon.clone())) {
                if !n.is_empty() {
                    aliases.entry(n).or_insert_with(|| canon.clone());
                }
            }
        }
        NameMatcher { aliases }
    }

    /// The words a name is compared by: normalised, then mapped through the alias table.
    pub fn words(&self, name: &str) -> Vec<String> {
        let w = normal_words(name);
        match self.aliases.get(&w.join(" ")) {
            Some(c) => c.split(' ').map(str::to_string).collect(),
            None => w,
        }
    }

    /// Are two names the same source? Equal after normalisation, or the shorter one's
    /// words all occur in the longer one and include its head (last) word. A name with
    /// the word "and" (two sources in one hop) only matches a name with "and".
    pub fn same_name(&self, a: &str, b: &str) -> bool {
        let (wa, wb) = (self.words(a), self.words(b));
        if wa.is_empty() || wb.is_empty() {
            return false;
        }
        if wa == wb {
            return true;
        }
        if joins_two(&wa) != joins_two(&wb) {
            return false;
        }
        let (short, long) = if wa.len() <= wb.len() {
            (&wa, &wb)
        } else {
            (&wb, &wa)
        };
        let head = long.last().expect("non-empty");
        short.contains(head) && short.iter().all(|w| long.contains(w))
    }

    /// Do two hops match? Two anonymous hops always do; otherwise the names are
    /// compared whatever the anonymity marks (those are scored by [`Anonymity`]). A hop
    /// joining two sources with "and" only matches another such hop.
    pub fn same_hop(&self, a: &HopSpec, b: &HopSpec) -> bool {
        if a.anonymous && b.anonymous {
            // Any two unnamed sources match, but a hop that joins two ("activists and
            // residents") counts as neither of them.
            return joins_two(&normal_words(&a.name)) == joins_two(&normal_words(&b.name));
        }
        self.same_name(&a.name, &b.name)
    }

    /// Same number of hops, each matching in order.
    pub fn chains_match(&self, gold: &[HopSpec], pred: &[HopSpec]) -> bool {
        gold.len() == pred.len() && gold.iter().zip(pred).all(|(g, p)| self.same_hop(g, p))
    }

    /// The last hops match.
    pub fn origins_match(&self, gold: &[HopSpec], pred: &[HopSpec]) -> bool {
        match (gold.last(), pred.last()) {
            (Some(g), Some(p)) => self.same_hop(g, p),
            _ => false,
        }
    }
}

/// Does a name join two sources ("Oxfam and Care")?
fn joins_two(words: &[String]) -> bool {
    words.iter().any(|w| w == "and")
}

/// Lower case, accents removed, dots removed (`U.S.` → `us`), possessive `'s` and
/// other apostrophes removed, other punctuation (hyphens too) a word break; then the
/// [`DROPPED`] words removed — unless nothing would be left, when only the articles
/// are removed.
pub fn normal_words(name: &str) -> Vec<String> {
    let folded: String = name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' || c == '`' { '\'' } else { c })
        .collect();
    let mut words = Vec::new();
    for raw in folded.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'')) {
        let w = raw.strip_suffix("'s").unwrap_or(raw);
        let w: String = w.chars().filter(|c| *c != '.' && *c != '\'').collect();
        if !w.is_empty() {
            words.push(w);
        }
    }
    let kept: Vec<String> = words
        .iter()
        .filter(|w| !DROPPED.contains(&w.as_str()))
        .cloned()
        .collect();
    if kept.is_empty() {
        words
            .into_iter()
            .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
            .collect()
    } else {
        kept
    }
}

/// A maximum one-to-one matching between `left` and `right` items where `edge(l, r)`
/// says which pairs may be matched (augmenting paths; sizes here are small). Returns
/// the matched `(l, r)` pairs sorted by `l`.
pub fn max_matching(
    left: usize,
    right: usize,
    edge: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    max_matching_from(left, right, edge, &[])
}

/// [`max_matching`] grown from a starting matching `start` (pairs that must be edges,
/// each side used once): only unmatched left items look for augmenting paths, so the
/// result keeps every item of `start` matched (possibly to another partner).
pub fn max_matching_from(
    left: usize,
    right: usize,
    edge: impl Fn(usize, usize) -> bool,
    start: &[(usize, usize)],
) -> Vec<(usize, usize)> {
    let adj: Vec<Vec<usize>> = (0..left)
        .map(|l| (0..right).filter(|&r| edge(l, r)).collect())
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; right];
    let mut matched = vec![false; left];
    for &(l, r) in start {
        if l < left && r < right && owner[r].is_none() && !matched[l] && adj[l].contains(&r) {
            owner[r] = Some(l);
            matched[l] = true;
        }
    }
    for l in (0..left).filter(|&l| !matched[l]) {
        let mut seen = vec![false; right];
        augment(l, &adj, &mut owner, &mut seen);
    }
    let mut out: Vec<(usize, usize)> = owner
        .iter()
        .enumerate()
        .filter_map(|(r, o)| o.map(|l| (l, r)))
        .collect();
    out.sort_unstable();
    out
}

/// Try to give `l` a partner, moving earlier partners along (an explicit stack, so deep
/// paths cannot overflow).
fn augment(l: usize, adj: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    // Each frame: (left node, next index into its adjacency list, right node taken).
    let mut stack: Vec<(usize, usize, Option<usize>)> = vec![(l, 0, None)];
    while let Some(top) = stack.last_mut() {
        let (node, idx) = (top.0, top.1);
        if idx >= adj[node].len() {
            stack.pop();
            continue;
        }
        top.1 += 1;
        let r = adj[node][idx];
        if seen[r] {
            continue;
        }
        seen[r] = true;
        top.2 = Some(r);
        match owner[r] {
            None => {
                // Free: flip the whole path.
                for &(ln, _, rn) in &stack {
                    if let Some(rn) = rn {
                        owner[rn] = Some(ln);
                    }
                }
                return true;
            }
            Some(other) => stack.push((other, 0, None)),
        }
    }
    false
}

/// Counts at one level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Matched pairs.
    pub tp: usize,
    /// Predicted statements.
    pub predicted: usize,
    /// Gold statements.
    pub gold: usize,
}

impl Prf {
    /// tp / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }
    /// tp / gold (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Anonymity of the origin, over statements paired by span alone: how often the
/// prediction marks the origin anonymous exactly when the label does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Anonymity {
    /// Pairs (gold, prediction) made by span overlap alone.
    pub pairs: usize,
    /// Both origins anonymous.
    pub both: usize,
    /// Only the gold origin anonymous.
    pub gold_only: usize,
    /// Only the predicted origin anonymous.
    pub pred_only: usize,
}

impl Anonymity {
    /// Share of pairs whose anonymity marks agree.
    pub fn accuracy(&self) -> f64 {
        ratio(self.pairs - self.gold_only - self.pred_only, self.pairs)
    }
    fn add(&mut self, o: Anonymity) {
        self.pairs += o.pairs;
        self.both += o.both;
        self.gold_only += o.gold_only;
        self.pred_only += o.pred_only;
    }
}

/// The scores of one article.
#[derive(Clone, Debug, Default)]
pub struct ArticleScore {
    /// The article's id.
    pub article_id: String,
    /// Its outlet.
    pub outlet: String,
    /// Full-chain level.
    pub chain: Prf,
    /// Origin-only level.
    pub origin: Prf,
    /// Anonymity of the origin.
    pub anonymity: Anonymity,
    /// Human-readable lines about errors at the chain level.
    pub errors: Vec<String>,
}

/// Do two byte spans overlap by at least half of the shorter one?
pub fn spans_match(a: (usize, usize), b: (usize, usize)) -> bool {
    let overlap = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    overlap * 2
        >= (a.1.saturating_sub(a.0))
            .min(b.1.saturating_sub(b.0))
            .max(1)
}

fn show(h: &[HopSpec]) -> String {
    h.iter()
        .map(HopSpec::to_string)
        .collect::<Vec<_>>()
        .join(" > ")
}

/// Score the predictions of one article against its gold statements.
pub fn score_article(
    names: &NameMatcher,
    article: &LabelledArticle,
    gold: &[&GoldStatement],
    pred: &[Extracted],
) -> ArticleScore {
    let span_ok = |g: usize, p: usize| spans_match((gold[g].start, gold[g].end), pred[p].span);
    let chain_pairs = max_matching(gold.len(), pred.len(), |g, p| {
        span_ok(g, p)
            && gold[g]
                .chains()
                .any(|c| names.chains_match(c, pred[p].chain.hops()))
    });
    let origin_pairs = max_matching(gold.len(), pred.len(), |g, p| {
        span_ok(g, p)
            && gold[g]
                .chains()
                .any(|c| names.origins_match(c, pred[p].chain.hops()))
    });
    // Pairs by span alone, grown from the origin-level pairs so that a statement
    // whose origin matches is compared with that prediction.
    let span_pairs = max_matching_from(gold.len(), pred.len(), span_ok, &origin_pairs);
    let mut anonymity = Anonymity::default();
    for &(g, p) in &span_pairs {
        let ga = gold[g].chain.last().is_some_and(|h| h.anonymous);
        let pa = pred[p].chain.hops().last().is_some_and(|h| h.anonymous);
        anonymity.pairs += 1;
        match (ga, pa) {
            (true, true) => anonymity.both += 1,
            (true, false) => anonymity.gold_only += 1,
            (false, true) => anonymity.pred_only += 1,
            (false, false) => {}
        }
    }
    let mut errors = Vec::new();
    let id = &article.article_id;
    for (g, s) in gold.iter().enumerate() {
        if !chain_pairs.iter().any(|x| x.0 == g) {
            let near = (0..pred.len()).find(|&p| span_ok(g, p));
            errors.push(format!(
                "{id} MISS {}..{} gold [{}] pred [{}]",
                s.start,
                s.end,
                show(&s.chain),
                near.map(|p| show(pred[p].chain.hops()))
                    .unwrap_or_else(|| "-".into())
            ));
        }
    }
    for (p, x) in pred.iter().enumerate() {
        if !chain_pairs.iter().any(|m| m.1 == p) && !(0..gold.len()).any(|g| span_ok(g, p)) {
            errors.push(format!(
                "{id} EXTRA {}..{} pred [{}]",
                x.span.0,
                x.span.1,
                show(x.chain.hops())
            ));
        }
    }
    let level = |tp| Prf {
        tp,
        predicted: pred.len(),
        gold: gold.len(),
    };
    ArticleScore {
        article_id: article.article_id.clone(),
        outlet: article.outlet.clone(),
        chain: level(chain_pairs.len()),
        origin: level(origin_pairs.len()),
        anonymity,
        errors,
    }
}

/// A 95 % bootstrap interval (2.5th and 97.5th percentiles).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

/// Bootstrap intervals of precision, recall and F1 at one level.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PrfIntervals {
    /// Precision.
    pub precision: Interval,
    /// Recall.
    pub recall: Interval,
    /// F1.
    pub f1: Interval,
}

/// Resamples drawn by [`bootstrap`].
pub const BOOTSTRAP_RESAMPLES: usize = 2000;
/// The fixed seed of [`bootstrap`].
pub const BOOTSTRAP_SEED: u64 = 12;

/// SplitMix64: a small, fixed pseudo-random sequence, so intervals are reproducible.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        // n is small (articles), so the modulo bias is negligible (< n / 2^64).
        (self.next() % n as u64) as usize
    }
}

/// Percentile bootstrap over articles: `resamples` draws of as many articles as there
/// are, with replacement, summing the counts of each draw. Returns intervals at the
/// chain and origin levels.
pub fn bootstrap(
    articles: &[ArticleScore],
    resamples: usize,
    seed: u64,
) -> (PrfIntervals, PrfIntervals) {
    if articles.is_empty() || resamples == 0 {
        return Default::default();
    }
    let mut rng = SplitMix(seed);
    let mut stats: [Vec<f64>; 6] = Default::default();
    for _ in 0..resamples {
        let (mut c, mut o) = (Prf::default(), Prf::default());
        for _ in 0..articles.len() {
            let a = &articles[rng.below(articles.len())];
            c.add(a.chain);
            o.add(a.origin);
        }
        for (i, v) in [
            c.precision(),
            c.recall(),
            c.f1(),
            o.precision(),
            o.recall(),
            o.f1(),
        ]
        .into_iter()
        .enumerate()
        {
            stats[i].push(v);
        }
    }
    let iv = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let at = |q: f64| v[((q * (v.len() - 1) as f64).round() as usize).min(v.len() - 1)];
        Interval {
            lo: at(0.025),
            hi: at(0.975),
        }
    };
    let [cp, cr, cf, op, or, of] = &mut stats;
    (
        PrfIntervals {
            precision: iv(cp),
            recall: iv(cr),
            f1: iv(cf),
        },
        PrfIntervals {
            precision: iv(op),
            recall: iv(or),
            f1: iv(of),
        },
    )
}

/// The result of an evaluation.
#[derive(Clone, Debug, Default)]
pub struct EvalReport {
    /// Per article, in the order of `articles.tsv`.
    pub per_article: Vec<ArticleScore>,
    /// Full-chain level, summed over articles.
    pub chain: Prf,
    /// Origin-only level, summed over articles.
    pub origin: Prf,
    /// Bootstrap intervals at the chain level.
    pub chain_ci: PrfIntervals,
    /// Bootstrap intervals at the origin level.
    pub origin_ci: PrfIntervals,
    /// Anonymity of the origin.
    pub anonymity: Anonymity,
    /// Per outlet: (outlet, chain level, origin level), sorted by outlet.
    pub per_outlet: Vec<(String, Prf, Prf)>,
    /// Gold statements with three or more hops.
    pub gold_three_hop: usize,
    /// Gold statements with an anonymous origin.
    pub gold_anonymous: usize,
}

impl EvalReport {
    /// Labelled articles evaluated.
    pub fn articles(&self) -> usize {
        self.per_article.len()
    }

    /// Error lines (misses and unmatched predictions) of every article.
    pub fn errors(&self) -> impl Iterator<Item = &String> {
        self.per_article.iter().flat_map(|a| &a.errors)
    }

    /// A plain-text table of the scores.
    pub fn table(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!(
            "{:<14} {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}\n",
            "outlet", "gold", "pred", "tp", "P", "R", "F1", "oP", "oR", "oF1"
        ));
        let mut row = |name: &str, c: &Prf, o: &Prf| {
            s.push_str(&format!(
                "{:<14} {:>5} {:>5} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3}\n",
                name,
                c.gold,
                c.predicted,
                c.tp,
                c.precision(),
                c.recall(),
                c.f1(),
                o.precision(),
                o.recall(),
                o.f1()
            ));
        };
        for (name, c, o) in &self.per_outlet {
            row(name, c, o);
        }
        row("ALL", &self.chain, &self.origin);
        let ci = |i: Interval| format!("{:.3}–{:.3}", i.lo, i.hi);
        s.push_str(&format!(
            "95% bootstrap intervals over articles ({BOOTSTRAP_RESAMPLES} resamples, seed {BOOTSTRAP_SEED}):\n  chain  P {}  R {}  F1 {}\n  origin P {}  R {}  F1 {}\n",
            ci(self.chain_ci.precision),
            ci(self.chain_ci.recall),
            ci(self.chain_ci.f1),
            ci(self.origin_ci.precision),
            ci(self.origin_ci.recall),
            ci(self.origin_ci.f1),
        ));
        let a = self.anonymity;
        s.push_str(&format!(
            "origin anonymity on {} span-matched pairs: accuracy {:.3} (both anonymous {}, only gold {}, only predicted {})\n",
            a.pairs,
            a.accuracy(),
            a.both,
            a.gold_only,
            a.pred_only
        ));
        s.push_str(&format!(
            "articles {}, gold statements {}, of which {} with three or more hops and {} with an anonymous origin\n",
            self.articles(),
            self.chain.gold,
            self.gold_three_hop,
            self.gold_anonymous
        ));
        s
    }
}

/// The outlet name used as publisher for an article URL: the built-in outlet table
/// (`src/source/outlets.rs`, extendable by a user through the source registry) looked up
/// through the source registry's host rules (parent domains walked, `www.` dropped).
/// `None` when no outlet of the table has the URL's host.
pub fn outlet_for_url(url: &str) -> Option<String> {
    thread_local! {
        static REGISTRY: crate::source::Registry = crate::source::Registry::new();
    }
    let host = super::csvio::host_of(url)?;
    REGISTRY.with(|r| r.name_for_host(&host))
}

/// Score `predict(text, outlet)` on every article of a label set, reading the texts
/// from a corpus CSV (columns `article_id` and `text`).
pub fn evaluate_with(
    csv_path: &Path,
    set: &LabelSet,
    predict: impl Fn(&str, &str) -> Vec<Extracted>,
) -> Result<EvalReport, Error> {
    let mut by_article: BTreeMap<&str, Vec<&GoldStatement>> = BTreeMap::new();
    for g in &set.labels {
        by_article.entry(g.article_id.as_str()).or_default().push(g);
    }
    let wanted: HashMap<&str, &LabelledArticle> = set
        .articles
        .iter()
        .map(|a| (a.article_id.as_str(), a))
        .collect();
    let file = std::fs::File::open(csv_path)
        .map_err(|e| Error::io(format!("opening {}", csv_path.display()), e))?;
    let mut rdr = csv::Reader::from_reader(std::io::BufReader::new(file));
    let headers = rdr
        .headers()
        .map_err(|e| Error::Invalid(format!("reading {}: {e}", csv_path.display())))?
        .clone();
    let col = |n: &str| {
        headers
            .iter()
            .position(|h| h == n)
            .ok_or_else(|| Error::Invalid(format!("{} has no column {n:?}", csv_path.display())))
    };
    let (id_i, text_i) = (col("article_id")?, col("text")?);
    let mut scores: HashMap<String, ArticleScore> = HashMap::new();
    for rec in rdr.records() {
        let rec =
            rec.map_err(|e| Error::Invalid(format!("reading {}: {e}", csv_path.display())))?;
        let id = rec.get(id_i).unwrap_or("");
        let Some(article) = wanted.get(id) else {
            continue;
        };
        let text = rec.get(text_i).unwrap_or("");
        let gold = by_article.get(id).map(Vec::as_slice).unwrap_or(&[]);
        if let Some(g) = gold.iter().find(|g| g.end > text.len()) {
            return Err(Error::Invalid(format!(
                "a label of article {id} ends at byte {}, past the article's {} bytes: the labels do not belong to this CSV",
                g.end,
                text.len()
            )));
        }
        let pred = predict(text, &article.outlet);
        scores.insert(
            id.to_string(),
            score_article(&set.names, article, gold, &pred),
        );
    }
    let mut report = EvalReport::default();
    let mut outlets: BTreeMap<String, (Prf, Prf)> = BTreeMap::new();
    for a in &set.articles {
        let Some(s) = scores.remove(&a.article_id) else {
            return Err(Error::Invalid(format!(
                "labelled article {} is not in {}: evaluate against the corpus the labels were made for (news_articles_dev.csv)",
                a.article_id,
                csv_path.display()
            )));
        };
        report.chain.add(s.chain);
        report.origin.add(s.origin);
        report.anonymity.add(s.anonymity);
        let e = outlets.entry(s.outlet.clone()).or_default();
        e.0.add(s.chain);
        e.1.add(s.origin);
        report.per_article.push(s);
    }
    report.gold_three_hop = set.labels.iter().filter(|g| g.chain.len() >= 3).count();
    report.gold_anonymous = set
        .labels
        .iter()
        .filter(|g| g.chain.last().is_some_and(|h| h.anonymous))
        .count();
    report.per_outlet = outlets.into_iter().map(|(k, (c, o))| (k, c, o)).collect();
    (report.chain_ci, report.origin_ci) =
        bootstrap(&report.per_article, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED);
    Ok(report)
}

/// Score the extractor ([`extract`], publisher = the article's outlet) on a label set.
pub fn evaluate_csv(csv_path: &Path, set: &LabelSet) -> Result<EvalReport, Error> {
    evaluate_with(csv_path, set, |text, outlet| {
        let meta = ArticleMeta {
            publisher: outlet.to_string(),
            url: None,
            published: None,
        };
        extract(text, &meta)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> NameMatcher {
        NameMatcher::new(
            "# test table\nAssociated Press\tAP\nValmont Press Agency\tVPA\nSyrian Observatory for Human Rights\tSOHR\tObservatory\n",
        )
    }

    #[test]
    fn names_by_hand() {
        let m = m();
        // A surname keeps the head word of the full name.
        assert!(m.same_name("Donald Trump", "Trump"));
        assert!(m.same_name("Trump", "Donald Trump"));
        // A place never matches the organisation it names: the head word is missing.
        assert!(!m.same_name("London", "London Metropolitan Police"));
        assert!(!m.same_name("Donald Trump", "Donald"));
        assert!(!m.same_name("Justice Ministry", "Foreign Ministry"));
        assert!(m.same_name("Foreign Ministry", "Russia's Foreign Ministry"));
        // Dots in acronyms, case.
        assert!(m.same_name("U.S.", "US"));
        assert!(m.same_name("the u.s.", "US"));
        // Titles and honorifics.
        assert!(m.same_name("Dr. Jane Roe", "Jane Roe"));
        assert!(m.same_name("Foreign Minister Jane Roe", "Roe"));
        // Accents, possessives, articles, generic words.
        assert!(m.same_name("José Núñez", "Jose Nunez"));
        assert!(m.same_name("Russia's Foreign Ministry", "the Russia Foreign Ministry"));
        assert!(m.same_name("the Kestrel Daily", "Kestrel"));
        // Acronyms only through the table.
        assert!(m.same_name("AP", "the Associated Press"));
        assert!(m.same_name("the VPA news agency", "Valmont Press Agency"));
        assert!(!m.same_name("Valmont", "Valmont Press Agency"));
        assert!(m.same_name("SOHR", "Observatory"));
        assert!(!m.same_name("UNHCR", "United Nations High Commissioner for Refugees"));
        // Two sources in one hop never count as either.
        assert!(!m.same_name("Oxfam and Care", "Oxfam"));
        assert!(m.same_name(
            "Ministry of Trade and Industry",
            "the ministry of trade and industry"
        ));
        // Nothing left after dropping: compared as written.
        assert!(m.same_name("the President", "president"));
        assert!(!m.same_name("", ""));
    }

    #[test]
    fn hops_and_chains() {
        let m = m();
        let n = HopSpec::named;
        let a = HopSpec::anonymous;
        assert!(m.same_hop(&a("officials"), &a("witnesses")));
        assert!(!m.same_hop(&a("activists and residents"), &a("residents")));
        assert!(m.same_hop(&a("activists and residents"), &a("residents and activists")));
        // Anonymity marks do not decide a name match; they are scored apart.
        assert!(m.same_hop(&a("police"), &n("police")));
        assert!(!m.same_hop(&a("officials"), &n("Trump")));
        let g = [n("Herald"), n("AP"), n("Jane Roe")];
        assert!(m.chains_match(&g, &[n("Herald"), n("Associated Press"), n("Roe")]));
        assert!(!m.chains_match(&g, &[n("Herald"), n("Roe")]));
        assert!(m.origins_match(&g, &[n("Herald"), n("Roe")]));
    }

    #[test]
    fn matching_is_maximum() {
        // Greedy in index order would pair 0-0 and leave 1 alone; the maximum is 2.
        let edges = [(0, 0), (0, 1), (1, 0)];
        let got = max_matching(2, 2, |l, r| edges.contains(&(l, r)));
        assert_eq!(got, vec![(0, 1), (1, 0)]);
        // A longer augmenting path: 0-0, 1-1 must shift to admit 2.
        let edges = [(0, 0), (1, 0), (1, 1), (2, 1), (2, 2), (0, 2)];
        assert_eq!(max_matching(3, 3, |l, r| edges.contains(&(l, r))).len(), 3);
        let edges = [(0, 0), (1, 0), (2, 0)];
        assert_eq!(max_matching(3, 1, |l, r| edges.contains(&(l, r))).len(), 1);
        // Grown from a start: the start's left items stay matched, and the result is
        // still maximum.
        let edges = [(0, 0), (0, 1), (1, 0)];
        let got = max_matching_from(2, 2, |l, r| edges.contains(&(l, r)), &[(0, 0)]);
        assert_eq!(got, vec![(0, 1), (1, 0)]);
        // A start pair that is not an edge is ignored.
        let got = max_matching_from(2, 2, |l, r| edges.contains(&(l, r)), &[(1, 1)]);
        assert_eq!(got.len(), 2);
        assert!(max_matching(0, 4, |_, _| true).is_empty());
    }

    #[test]
    fn spans() {
        assert!(spans_match((0, 10), (5, 10)));
        assert!(spans_match((0, 10), (2, 6)));
        assert!(!spans_match((0, 10), (8, 20)));
        assert!(!spans_match((0, 10), (10, 20)));
    }

    #[test]
    fn labels_and_articles_parse() {
        let l = parse_labels(
            "{\"article_id\":\"1\",\"start\":0,\"end\":5,\"chain\":[\"CNN\",\"~a source\"],\"also\":[[\"CNN\",\"Roe\"]]}\n",
        )
        .unwrap();
        assert_eq!(l[0].chains().count(), 2);
        assert!(l[0].chain[1].anonymous);
        assert!(parse_labels(
            "{\"article_id\":\"1\",\"start\":5,\"end\":5,\"chain\":[\"CNN\",\"X\"]}"
        )
        .is_err());
        assert!(parse_labels(
            "{\"article_id\":\"1\",\"start\":0,\"end\":5,\"chain\":[\"CNN\",\"~\"]}"
        )
        .is_err());
        assert!(parse_labels(
            "{\"article_id\":\"1\",\"start\":0,\"end\":5,\"chain\":[\"CNN\"],\"text\":\"x\"}"
        )
        .is_err());
        let a = parse_articles("article_id\toutlet\tsplit\n1\tCNN\tdev\n2\tBBC\ttest\n").unwrap();
        assert_eq!(a.len(), 2);
        assert!(parse_articles("1\tCNN\tdev\n1\tCNN\tdev\n").is_err());
        assert!(parse_articles("1\tCNN\ttrain\n").is_err());
    }

    fn score(tp: usize, predicted: usize, gold: usize) -> ArticleScore {
        let p = Prf {
            tp,
            predicted,
            gold,
        };
        ArticleScore {
            chain: p,
            origin: p,
            ..Default::default()
        }
    }

    #[test]
    fn outlet_for_url_reads_the_outlet_table() {
        // Outlets of the built-in table, sub-domains and `www.` included; the names
        // are the table's, not a list kept here.
        assert_eq!(
            outlet_for_url("https://edition.cnn.com/2017/x.html").as_deref(),
            Some("CNN")
        );
        assert_eq!(
            outlet_for_url("http://www.dw.com/en/a-1").as_deref(),
            Some("Deutsche Welle")
        );
        assert_eq!(
            outlet_for_url("https://www.reuters.com/article/x").as_deref(),
            Some("Reuters")
        );
        assert_eq!(outlet_for_url("https://harbour-herald.example/x"), None);
        assert_eq!(outlet_for_url("not a url"), None);
    }

    #[test]
    fn bootstrap_brackets_the_estimate_and_is_reproducible() {
        // tp per article cycles 0, 1, 2, 3 over 30 articles: 8 + 14 + 21 = 43 matched
        // of 90 predicted and 120 gold.
        let arts: Vec<ArticleScore> = (0..30).map(|i| score(i % 4, 3, 4)).collect();
        let (c, _) = bootstrap(&arts, 500, 7);
        let (c2, _) = bootstrap(&arts, 500, 7);
        assert_eq!(c, c2);
        let (p, r) = (43.0 / 90.0, 43.0 / 120.0);
        assert!(c.precision.lo < p && p < c.precision.hi, "{c:?}");
        assert!(c.recall.lo < r && r < c.recall.hi, "{c:?}");
        assert!(c.f1.lo < c.f1.hi);
        // All articles alike: no spread.
        let same: Vec<ArticleScore> = (0..10).map(|_| score(2, 4, 4)).collect();
        let (c, _) = bootstrap(&same, 100, 1);
        assert_eq!(c.precision, Interval { lo: 0.5, hi: 0.5 });
    }

    fn pred(span: (usize, usize), chain: &str) -> Extracted {
        Extracted {
            claim: "x".into(),
            chain: crate::chain::Chain::parse(chain).unwrap(),
            span,
            kind: super::super::ExtractKind::IndirectSpeech,
        }
    }

    fn gold(start: usize, end: usize, chain: &[&str]) -> GoldStatement {
        GoldStatement {
            article_id: "7".into(),
            start,
            end,
            chain: hops(&chain.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
            also: vec![],
        }
    }

    #[test]
    fn one_article_scored_by_hand() {
        let m = m();
        let art = LabelledArticle {
            article_id: "7".into(),
            outlet: "Herald".into(),
            split: "dev".into(),
        };
        // Two statements in one sentence (0..100) by different sources, one later
        // statement with a relay, one statement the extractor misses.
        let g = [
            gold(0, 100, &["Herald", "Jane Roe"]),
            gold(0, 100, &["Herald", "~two officials"]),
            gold(120, 200, &["Herald", "AP", "Jane Roe"]),
            gold(300, 380, &["Herald", "Water Board"]),
        ];
        let gr: Vec<&GoldStatement> = g.iter().collect();
        let p = [
            // The officials, spelled differently: anonymous hops match.
            pred((10, 90), "Herald via ~officials"),
            // Roe by surname with a title.
            pred((5, 95), "Herald via Ms Roe"),
            // Right origin, relay missing: origin level only.
            pred((130, 190), "Herald via Roe"),
            // Nothing there.
            pred((400, 450), "Herald via Someone"),
        ];
        let s = score_article(&m, &art, &gr, &p);
        assert_eq!(
            s.chain,
            Prf {
                tp: 2,
                predicted: 4,
                gold: 4
            }
        );
        assert_eq!(
            s.origin,
            Prf {
                tp: 3,
                predicted: 4,
                gold: 4
            }
        );
        // Span pairs: three; anonymity agrees on all (one both anonymous).
        assert_eq!(
            s.anonymity,
            Anonymity {
                pairs: 3,
                both: 1,
                gold_only: 0,
                pred_only: 0
            }
        );
        assert_eq!(s.errors.len(), 2 + 1, "{:?}", s.errors);
    }
}
