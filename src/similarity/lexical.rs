//! TF-IDF cosine over the tokens of [`super::tokens`], with an inverted index for
//! search over a growing set of claim texts. Needs no model. Term weights are
//! `(1 + ln tf) · idf` with the smoothed `idf = 1 + ln((n + 1) / (df + 1))`, taken
//! from the index at the moment of the call, so a score is always the exact cosine
//! under the current document frequencies (adding texts may move later scores a
//! little; nothing is cached that could go stale).

use std::collections::{BTreeMap, HashMap};

use super::tokens::{tokens, Token};

/// Texts longer than this are cut (at a character boundary) before tokenizing: a claim
/// is a sentence or two, and the cap bounds the work any one input can cause.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

pub(crate) fn capped(text: &str) -> &str {
    if text.len() <= MAX_TEXT_BYTES {
        return text;
    }
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How often each token occurs in `toks`.
pub(crate) fn counts(toks: &[Token]) -> BTreeMap<Token, u32> {
    let mut m: BTreeMap<Token, u32> = BTreeMap::new();
    for t in toks {
        *m.entry(t.clone()).or_insert(0) += 1;
    }
    m
}

/// An inverted index of claim texts under caller-chosen `u64` keys.
#[derive(Debug, Default, Clone)]
pub struct LexicalIndex {
    /// term string -> term id
    vocab: HashMap<Token, u32>,
    /// per term id: documents containing it
    df: Vec<u32>,
    /// per term id: (key, tf) postings in insertion order
    postings: Vec<Vec<(u64, u32)>>,
    /// per key: its terms sorted by id with their counts
    docs: HashMap<u64, Vec<(u32, u32)>>,
    /// per key: its TF-IDF norm, computed by [`LexicalIndex::prepare`] for the index as
    /// it is (any change empties it).
    norms: HashMap<u64, f64>,
    /// The same, by key, when the keys are small numbers (`0..n`, as `matching` uses
    /// them): searches then add up scores in an array instead of a hash map.
    dense: Vec<f64>,
}

/// A bag of terms: term id (or `u32::MAX` and up for terms the index has never seen,
/// numbered in order of appearance) with its count, sorted by id.
type Bag = Vec<(u32, u32)>;

impl LexicalIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of texts in the index.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the index holds no text.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Add `text` under `key`. Adding a key again replaces its text.
    pub fn add(&mut self, key: u64, text: &str) {
        self.remove(key);
        self.norms.clear();
        self.dense.clear();
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for t in tokens(capped(text)) {
            let next = self.df.len() as u32;
            let id = *self.vocab.entry(t).or_insert(next);
            if id == next {
                self.df.push(0);
                self.postings.push(Vec::new());
            }
            *counts.entry(id).or_insert(0) += 1;
        }
        let mut bag: Bag = counts.into_iter().collect();
        bag.sort_unstable();
        for &(id, tf) in &bag {
            self.df[id as usize] += 1;
            self.postings[id as usize].push((key, tf));
        }
        self.docs.insert(key, bag);
    }

    /// Remove the text under `key` (no-op when absent).
    pub fn remove(&mut self, key: u64) {
        if let Some(bag) = self.docs.remove(&key) {
            self.norms.clear();
            self.dense.clear();
            for (id, _) in bag {
                self.df[id as usize] -= 1;
                self.postings[id as usize].retain(|(k, _)| *k != key);
            }
        }
    }

    /// Compute every text's norm once, for an index that will be searched many times
    /// before it changes (searches then skip that work; their results are the same).
    pub fn prepare(&mut self) {
        let norms: HashMap<u64, f64> = self
            .docs
            .iter()
            .map(|(key, bag)| (*key, self.norm(bag)))
            .collect();
        let top = norms.keys().max().copied().unwrap_or(0);
        self.dense.clear();
        if top < 2 * norms.len() as u64 + 64 {
            // A key without a text gets norm 0, which `search` never returns.
            self.dense = vec![0.0; top as usize + 1];
            for (k, n) in &norms {
                self.dense[*k as usize] = *n;
            }
        }
        self.norms = norms;
    }

    fn idf(&self, id: u32) -> f64 {
        let n = self.docs.len() as f64;
        let df = self.df.get(id as usize).copied().unwrap_or(0) as f64;
        1.0 + ((n + 1.0) / (df + 1.0)).ln()
    }

    fn bag(&self, text: &str) -> Bag {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut unseen: HashMap<Token, u32> = HashMap::new();
        for t in tokens(capped(text)) {
            let id = match self.vocab.get(&t) {
                Some(id) => *id,
                None => {
                    let next = u32::MAX - unseen.len() as u32;
                    *unseen.entry(t).or_insert(next)
                }
            };
            *counts.entry(id).or_insert(0) += 1;
        }
        let mut bag: Bag = counts.into_iter().collect();
        bag.sort_unstable();
        bag
    }

    fn weight(&self, id: u32, tf: u32) -> f64 {
        (1.0 + (tf as f64).ln()) * self.idf(id)
    }

    fn norm(&self, bag: &Bag) -> f64 {
        bag.iter()
            .map(|&(id, tf)| self.weight(id, tf).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    fn idf_of(&self, t: &Token) -> f64 {
        match self.vocab.get(t) {
            Some(id) => self.idf(*id),
            None => self.idf(u32::MAX),
        }
    }

    /// TF-IDF cosine of two texts under this index's document frequencies (0..1).
    /// Symmetric bit for bit: the sums run over terms in sorted order, whichever text
    /// comes first.
    pub fn similarity(&self, a: &str, b: &str) -> f32 {
        let count = |text: &str| counts(&tokens(capped(text)));
        self.similarity_counts(&count(a), &count(b))
    }

    /// [`LexicalIndex::similarity`] of two texts' token counts ([`counts`]).
    pub(crate) fn similarity_counts(
        &self,
        ca: &BTreeMap<Token, u32>,
        cb: &BTreeMap<Token, u32>,
    ) -> f32 {
        let w = |t: &Token, tf: u32| (1.0 + (tf as f64).ln()) * self.idf_of(t);
        let norm = |c: &BTreeMap<Token, u32>| {
            c.iter()
                .map(|(t, tf)| w(t, *tf).powi(2))
                .sum::<f64>()
                .sqrt()
        };
        let (na, nb) = (norm(ca), norm(cb));
        if na == 0.0 || nb == 0.0 {
            return 0.0;
        }
        let dot: f64 = ca
            .iter()
            .filter_map(|(t, tfa)| cb.get(t).map(|tfb| w(t, *tfa) * w(t, *tfb)))
            .sum();
        ((dot / (na * nb)) as f32).clamp(0.0, 1.0)
    }

    /// The `k` texts most similar to `text`, best first, as `(key, score)` with
    /// score in 0..1; ties are broken by the smaller key. Texts sharing no term with
    /// `text` are never returned.
    pub fn search(&self, text: &str, k: usize) -> Vec<(u64, f32)> {
        self.search_terms(text, k, u32::MAX)
    }

    /// [`search`](Self::search) over the query's rarer terms only: a term in more than
    /// `percent` % of the texts (and more than 100) is left out of the sums. A
    /// candidate search for large corpora: a common word's postings are most of a
    /// search's work and say least about which texts are alike. Scores are those of
    /// the rare terms (still in 0..1), so they rank candidates and are not the lexical
    /// similarity of [`similarity`](Self::similarity).
    pub fn search_rare(&self, text: &str, k: usize, percent: u8) -> Vec<(u64, f32)> {
        let cap = (self.docs.len() * usize::from(percent) / 100).max(100);
        self.search_terms(text, k, u32::try_from(cap).unwrap_or(u32::MAX))
    }

    fn search_terms(&self, text: &str, k: usize, max_df: u32) -> Vec<(u64, f32)> {
        if k == 0 || self.docs.is_empty() {
            return Vec::new();
        }
        let q = self.bag(text);
        let qn = self.norm(&q);
        if qn == 0.0 {
            return Vec::new();
        }
        // Each text's dot product with the query, summed term by term in the query's
        // order (the same sums whichever container holds them).
        let each_posting = |f: &mut dyn FnMut(u64, f64)| {
            for &(id, tf) in &q {
                let Some(posts) = self.postings.get(id as usize) else {
                    continue; // a term the index has never seen
                };
                if self.df.get(id as usize).copied().unwrap_or(0) > max_df {
                    continue;
                }
                let qw = self.weight(id, tf);
                let idf = self.idf(id);
                for &(key, dtf) in posts {
                    // `weight(id, dtf)`, with the term's idf computed once.
                    let dw = match dtf {
                        1 => idf,
                        _ => (1.0 + (dtf as f64).ln()) * idf,
                    };
                    f(key, qw * dw);
                }
            }
        };
        let score = |key: u64, dot: f64, dn: f64| {
            (dn > 0.0).then(|| (key, ((dot / (qn * dn)) as f32).clamp(0.0, 1.0)))
        };
        if self.dense.is_empty() {
            let mut dots: HashMap<u64, f64> = HashMap::new();
            each_posting(&mut |key, x| *dots.entry(key).or_insert(0.0) += x);
            let scored = dots.into_iter().filter_map(|(key, dot)| {
                let dn = match self.norms.get(&key) {
                    Some(n) => *n,
                    None => self.norm(self.docs.get(&key)?),
                };
                score(key, dot, dn)
            });
            return super::top_k(scored, k);
        }
        // The sums by key in an array the size of the index, kept per thread (a fresh
        // one per search cost megabytes of page faults at a million texts) and set
        // back to zero where the last search wrote, first thing (so even a search
        // that stopped half-way leaves nothing behind).
        thread_local! {
            static SUMS: std::cell::RefCell<(Vec<f64>, Vec<u64>)> = Default::default();
        }
        SUMS.with(|cell| {
            let mut guard = cell.borrow_mut();
            let (dots, touched) = &mut *guard;
            for &key in touched.iter() {
                dots[key as usize] = 0.0;
            }
            touched.clear();
            if dots.len() < self.dense.len() {
                dots.resize(self.dense.len(), 0.0);
            }
            // Every term weight is positive (idf ≥ 1), so a sum is 0 until its first
            // term: each key is pushed once.
            each_posting(&mut |key, x| {
                let d = &mut dots[key as usize];
                if *d == 0.0 {
                    touched.push(key);
                }
                *d += x;
            });
            super::top_k(
                touched
                    .iter()
                    .filter_map(|&key| score(key, dots[key as usize], self.dense[key as usize])),
                k,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one_and_disjoint_zero() {
        let idx = LexicalIndex::new();
        let s = idx.similarity("Floods killed 246 people", "Floods killed 246 people");
        assert!((s - 1.0).abs() < 1e-6, "{s}");
        assert_eq!(
            idx.similarity("Floods killed people", "Markets rallied"),
            0.0
        );
        assert_eq!(idx.similarity("", "anything"), 0.0);
    }

    #[test]
    fn numbers_match_across_spellings() {
        let idx = LexicalIndex::new();
        let s = idx.similarity("forty-one seats", "41 seats");
        assert!((s - 1.0).abs() < 1e-6, "{s}");
    }

    #[test]
    fn search_ranks_best_first_and_uses_idf() {
        let mut idx = LexicalIndex::new();
        idx.add(1, "The governing party won 41 of 90 seats");
        idx.add(2, "The party congress opens on Monday");
        idx.add(3, "Turnout was the highest since 1998");
        let hits = idx.search("the ruling party now holds 41 seats", 3);
        assert_eq!(hits.first().map(|h| h.0), Some(1));
        assert!(hits.iter().all(|h| h.1 > 0.0 && h.1 <= 1.0));
        assert!(
            !hits.iter().any(|h| h.0 == 3),
            "no shared term, not returned"
        );
        // replacing and removing keep the index consistent
        idx.add(1, "Markets rallied");
        assert_ne!(idx.search("41 seats", 1).first().map(|h| h.0), Some(1));
        idx.remove(2);
        idx.remove(2);
        assert_eq!(idx.len(), 2);
        assert!(idx.search("party congress", 5).is_empty());
    }

    #[test]
    fn unseen_terms_count_in_similarity() {
        let mut idx = LexicalIndex::new();
        idx.add(1, "something else entirely");
        let s = idx.similarity("Zealandia continent", "Zealandia continent");
        assert!((s - 1.0).abs() < 1e-6, "{s}");
        assert_eq!(idx.similarity("Zealandia", "continent"), 0.0);
    }

    #[test]
    fn the_rare_search_leaves_out_only_common_words() {
        // "floods" is in all 301 texts (above 5 % and above 100 of them); "Tarvos"
        // and "dam" are in one.
        let mut idx = LexicalIndex::new();
        for i in 0..300 {
            idx.add(i, &format!("Floods reached district number {i}"));
        }
        idx.add(1000, "Floods broke the Tarvos dam");
        idx.prepare();
        let rare = idx.search_rare("Floods broke the Tarvos dam overnight", 10, 5);
        assert_eq!(rare.iter().map(|h| h.0).collect::<Vec<_>>(), vec![1000]);
        // Every word, and a cut no word reaches, give the full search.
        let all = idx.search("Floods broke the Tarvos dam overnight", 10);
        assert_eq!(all.len(), 10);
        assert_eq!(all[0].0, 1000);
        assert_eq!(
            idx.search_rare("Floods broke the Tarvos dam overnight", 10, 100),
            all
        );
        // Below the floor of 100 texts nothing is cut, whatever the percentage.
        let mut small = LexicalIndex::new();
        for i in 0..50 {
            small.add(i, &format!("Floods reached district number {i}"));
        }
        small.prepare();
        assert_eq!(small.search_rare("floods", 5, 1), small.search("floods", 5));
        assert_eq!(small.search_rare("floods", 5, 1).len(), 5);
    }
}
