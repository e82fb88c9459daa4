//! Evaluation of the extractor against hand-labelled articles: precision, recall and F1
//! at two levels, the full chain and the origin only.
//!
//! Labels are JSON lines `{"article_id": "…", "start": B, "end": B, "chain": [hop, …]}`
//! with byte offsets into the article's `text` field and hops as strings, an anonymous
//! hop written with a leading `~`. A predicted statement matches a gold one when their
//! spans overlap by at least half of the shorter span and the chains match (every hop,
//! in order, by [`same_hop`]) — or, at the origin level, the last hops match. Pairs are
//! made one-to-one, greedily by decreasing overlap. See `docs/extraction.md`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::chain::HopSpec;
use crate::error::Error;

use super::{extract, same_hop, ArticleMeta, Extracted};

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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelLine {
    article_id: String,
    start: usize,
    end: usize,
    chain: Vec<String>,
}

/// Parse label lines (JSONL; blank lines and lines starting with `//` are ignored).
pub fn parse_labels(src: &str) -> Result<Vec<GoldStatement>, Error> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with("//") {
            continue;
        }
        let l: LabelLine = serde_json::from_str(t).map_err(|e| Error::Line {
            line: i as u64 + 1,
            message: format!("bad label: {e}"),
        })?;
        if l.end <= l.start || l.chain.len() < 2 {
            return Err(Error::Line {
                line: i as u64 + 1,
                message: "a label needs start < end and at least two hops".into(),
            });
        }
        let chain = l
            .chain
            .iter()
            .map(|h| match h.strip_prefix('~') {
                Some(r) => HopSpec::anonymous(r),
                None => HopSpec::named(h),
            })
            .collect();
        out.push(GoldStatement {
            article_id: l.article_id,
            start: l.start,
            end: l.end,
            chain,
        });
    }
    Ok(out)
}

/// Read a label file.
pub fn load_labels(path: &Path) -> Result<Vec<GoldStatement>, Error> {
    let src = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("reading labels {}", path.display()), e))?;
    parse_labels(&src)
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
        if self.predicted == 0 {
            1.0
        } else {
            self.tp as f64 / self.predicted as f64
        }
    }
    /// tp / gold (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.tp as f64 / self.gold as f64
        }
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

/// The result of an evaluation.
#[derive(Clone, Debug, Default)]
pub struct EvalReport {
    /// Labelled articles evaluated.
    pub articles: usize,
    /// Full-chain level.
    pub chain: Prf,
    /// Origin-only level.
    pub origin: Prf,
    /// Per outlet: (outlet, chain level, origin level).
    pub per_outlet: Vec<(String, Prf, Prf)>,
    /// Gold statements with three or more hops.
    pub gold_three_hop: usize,
    /// Human-readable lines about errors at the chain level (article, offsets, chains).
    pub errors: Vec<String>,
}

impl EvalReport {
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
        s.push_str(&format!(
            "articles {}, gold statements {}, of which {} with three or more hops\n",
            self.articles, self.chain.gold, self.gold_three_hop
        ));
        s
    }
}

/// The outlet name used as publisher for a development-set URL.
pub fn outlet_for_url(url: &str) -> Option<&'static str> {
    const OUTLETS: &[(&str, &str)] = &[
        ("aljazeera.com", "Al Jazeera"),
        ("tass.com", "TASS"),
        ("abcnews.go.com", "ABC News"),
        ("rte.ie", "RTE"),
        ("huffingtonpost.com", "HuffPost"),
        ("dw.com", "DW"),
        ("chinadaily.com.cn", "China Daily"),
        ("bbc.co.uk", "BBC"),
        ("bbc.com", "BBC"),
        ("cnn.com", "CNN"),
    ];
    let host = super::csvio::host_of(url)?;
    OUTLETS
        .iter()
        .find(|(d, _)| host == *d || host.ends_with(&format!(".{d}")))
        .map(|(_, n)| *n)
}

/// Do two byte spans overlap by at least half of the shorter one?
pub fn spans_match(a: (usize, usize), b: (usize, usize)) -> bool {
    overlap(a, b) * 2 >= (a.1 - a.0).min(b.1 - b.0).max(1)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Every hop matches, in order.
pub fn chains_match(gold: &[HopSpec], pred: &[HopSpec]) -> bool {
    gold.len() == pred.len() && gold.iter().zip(pred).all(|(g, p)| same_hop(g, p))
}

/// The last hops match.
pub fn origins_match(gold: &[HopSpec], pred: &[HopSpec]) -> bool {
    match (gold.last(), pred.last()) {
        (Some(g), Some(p)) => same_hop(g, p),
        _ => false,
    }
}

/// Greedy one-to-one matching; returns matched (gold, pred) index pairs.
fn greedy(
    gold: &[&GoldStatement],
    pred: &[Extracted],
    ok: &dyn Fn(&[HopSpec], &[HopSpec]) -> bool,
) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if spans_match((g.start, g.end), p.span) && ok(&g.chain, p.chain.hops()) {
                cands.push((overlap((g.start, g.end), p.span), gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut ug = HashSet::new();
    let mut up = HashSet::new();
    let mut out = Vec::new();
    for (_, gi, pi) in cands {
        if ug.contains(&gi) || up.contains(&pi) {
            continue;
        }
        ug.insert(gi);
        up.insert(pi);
        out.push((gi, pi));
    }
    out
}

/// Score predictions for one article.
pub fn score_article(gold: &[&GoldStatement], pred: &[Extracted]) -> (Prf, Prf) {
    let c = greedy(gold, pred, &chains_match).len();
    let o = greedy(gold, pred, &origins_match).len();
    (
        Prf {
            tp: c,
            predicted: pred.len(),
            gold: gold.len(),
        },
        Prf {
            tp: o,
            predicted: pred.len(),
            gold: gold.len(),
        },
    )
}

fn show(h: &[HopSpec]) -> String {
    h.iter()
        .map(HopSpec::to_string)
        .collect::<Vec<_>>()
        .join(" > ")
}

/// Evaluate on the labelled articles of a development CSV (columns `article_id`,
/// `article_source_link`, `text`); every article with at least one label is scored.
pub fn evaluate_csv(csv_path: &Path, labels: &[GoldStatement]) -> Result<EvalReport, Error> {
    let mut by_article: BTreeMap<&str, Vec<&GoldStatement>> = BTreeMap::new();
    for g in labels {
        by_article.entry(g.article_id.as_str()).or_default().push(g);
    }
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
    let (id_i, url_i, text_i) = (
        col("article_id")?,
        col("article_source_link")?,
        col("text")?,
    );
    let mut report = EvalReport::default();
    let mut outlets: HashMap<String, (Prf, Prf)> = HashMap::new();
    let mut seen = HashSet::new();
    for rec in rdr.records() {
        let rec =
            rec.map_err(|e| Error::Invalid(format!("reading {}: {e}", csv_path.display())))?;
        let id = rec.get(id_i).unwrap_or("");
        let Some(gold) = by_article.get(id) else {
            continue;
        };
        seen.insert(id.to_string());
        let url = rec.get(url_i).unwrap_or("");
        let text = rec.get(text_i).unwrap_or("");
        let publisher = outlet_for_url(url).unwrap_or("unknown").to_string();
        let meta = ArticleMeta {
            publisher: publisher.clone(),
            url: Some(url.to_string()),
            published: None,
        };
        let pred = extract(text, &meta);
        let (c, o) = score_article(gold, &pred);
        report.chain.add(c);
        report.origin.add(o);
        let e = outlets.entry(publisher).or_default();
        e.0.add(c);
        e.1.add(o);
        report.articles += 1;
        report.gold_three_hop += gold.iter().filter(|g| g.chain.len() >= 3).count();
        // Error listing at the chain level.
        let pairs = greedy(gold, &pred, &chains_match);
        for (gi, g) in gold.iter().enumerate() {
            if !pairs.iter().any(|p| p.0 == gi) {
                let near = pred.iter().find(|p| spans_match((g.start, g.end), p.span));
                report.errors.push(format!(
                    "{id} MISS {}..{} gold [{}] pred [{}]",
                    g.start,
                    g.end,
                    show(&g.chain),
                    near.map(|p| show(p.chain.hops()))
                        .unwrap_or_else(|| "-".into())
                ));
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !pairs.iter().any(|x| x.1 == pi)
                && !gold.iter().any(|g| spans_match((g.start, g.end), p.span))
            {
                report.errors.push(format!(
                    "{id} EXTRA {}..{} pred [{}]",
                    p.span.0,
                    p.span.1,
                    show(p.chain.hops())
                ));
            }
        }
    }
    for id in by_article.keys() {
        if !seen.contains(*id) {
            return Err(Error::Invalid(format!(
                "labelled article {id} is not in {}",
                csv_path.display()
            )));
        }
    }
    let mut per: Vec<(String, Prf, Prf)> =
        outlets.into_iter().map(|(k, (c, o))| (k, c, o)).collect();
    per.sort_by(|a, b| a.0.cmp(&b.0));
    report.per_outlet = per;
    Ok(report)
}
