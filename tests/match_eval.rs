//! The `same` decision and nearest-neighbour search on the dev split of the labelled
//! pair set (`tests/data/matching/`, texts rebuilt from the real news corpus in
//! `../shared`), held above floors a little under the measured dev numbers (see
//! docs/matching.md). Lexical mode always; with the model too when
//! `CORROBORATE_MODEL` names a model directory (CI sets it). Fails, never skips,
//! when the shared data is missing.

mod common;

use corroborate::similarity::eval::{classify, retrieval, PairSet, Split};
use corroborate::similarity::{decide, default_threshold, Evidence, LexicalIndex};

fn load() -> PairSet {
    let corpus = common::shared_file("data/news/news_articles_dev.csv");
    PairSet::load(&common::root().join("tests/data/matching"), &corpus)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn index(set: &PairSet) -> LexicalIndex {
    let mut idx = LexicalIndex::new();
    for (i, s) in set.statements.iter().enumerate() {
        idx.add(i as u64, &s.text);
    }
    idx
}

#[test]
fn the_pair_set_is_complete_and_split_by_story() {
    let set = load();
    let same = set.pairs.iter().filter(|p| p.same).count();
    let different = set.pairs.len() - same;
    assert!(
        same >= 120 && different >= 200,
        "{same} same, {different} different"
    );
    let stories: std::collections::BTreeSet<u32> = set.pairs.iter().map(|p| p.story).collect();
    assert!(stories.len() >= 30, "{} stories", stories.len());
    assert!(set.statements.iter().filter(|s| s.distractor).count() >= 2000);
    // no story is in two splits (dev, test, test2)
    for s in &stories {
        let mut splits = set.pairs.iter().filter(|p| p.story == *s).map(|p| p.split);
        let first = splits.next();
        assert!(
            splits.all(|x| Some(x) == first),
            "story {s} is in two splits"
        );
    }
    // no distractor comes from an article of a dev or test pair (retrieval drops such
    // distractors, so it drops none there; test2 came later, see the README)
    let articles: std::collections::HashSet<&str> = set
        .pairs
        .iter()
        .filter(|p| p.split != Split::Test2)
        .flat_map(|p| [p.a, p.b])
        .map(|i| set.statements[i].article.as_str())
        .collect();
    assert!(!set
        .statements
        .iter()
        .any(|s| s.distractor && articles.contains(s.article.as_str())));
}

#[test]
fn lexical_matching_holds_its_dev_floors() {
    let set = load();
    let idx = index(&set);
    let r = retrieval(&set, Split::Dev, |q| {
        idx.search(&set.statements[q].text, 11)
            .into_iter()
            .map(|(k, _)| k as usize)
            .filter(|&k| k != q)
            .collect()
    });
    // measured on dev: recall@1 0.955, recall@5 1.000, MRR 0.973
    assert!(r.recall_at_1 >= 0.93, "{r:?}");
    assert!(r.recall_at_5 >= 0.97, "{r:?}");
    assert!(r.mrr >= 0.95, "{r:?}");

    let t = default_threshold(false);
    let s = classify(&set, Split::Dev, |p| {
        let (a, b) = (&set.statements[p.a].text, &set.statements[p.b].text);
        decide(&Evidence::new(&idx, a, b, None), t).same
    });
    // measured on dev: precision 0.959, recall 0.752, false merges 5/169
    assert!(s.precision() >= 0.93, "{s:?}");
    assert!(s.recall() >= 0.72, "{s:?}");
    assert!(s.false_merge_rate() <= 0.05, "{s:?}");
}

/// With the model (when `CORROBORATE_MODEL` is set, as in CI): the pair statements are
/// embedded (not the distractors, to keep the test short), and the search among them
/// and the `same` decision on dev hold their floors.
#[test]
fn model_matching_holds_its_dev_floors() {
    let Some(dir) = std::env::var_os("CORROBORATE_MODEL") else {
        return; // lexical mode only (the test above); CI sets the model
    };
    let set = load();
    let idx = index(&set);
    let emb = corroborate::embed::Embedder::load(std::path::Path::new(&dir))
        .unwrap_or_else(|e| panic!("CORROBORATE_MODEL={}: {e}", dir.to_string_lossy()));
    let pair_statements: Vec<usize> = (0..set.statements.len())
        .filter(|&i| !set.statements[i].distractor)
        .collect();
    let texts: Vec<&str> = pair_statements
        .iter()
        .map(|&i| set.statements[i].text.as_str())
        .collect();
    let vecs = emb.embed(&texts).unwrap_or_else(|e| panic!("{e}"));
    let mut vec_of = vec![None; set.statements.len()];
    for (&i, v) in pair_statements.iter().zip(vecs) {
        vec_of[i] = Some(v);
    }
    let dot = |a: usize, b: usize| -> f32 {
        let (x, y) = (vec_of[a].as_ref().unwrap(), vec_of[b].as_ref().unwrap());
        x.iter().zip(y.iter()).map(|(p, q)| p * q).sum()
    };
    let r = retrieval(&set, Split::Dev, |q| {
        let mut scored: Vec<(f32, usize)> = pair_statements
            .iter()
            .filter(|&&c| c != q)
            .map(|&c| (dot(q, c), c))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(10).map(|x| x.1).collect()
    });
    // measured on dev (pair statements only): recall@1 0.930, recall@5 0.994, MRR 0.956
    assert!(r.recall_at_1 >= 0.90, "{r:?}");
    assert!(r.recall_at_5 >= 0.97, "{r:?}");
    assert!(r.mrr >= 0.93, "{r:?}");

    let t = default_threshold(true);
    let s = classify(&set, Split::Dev, |p| {
        let (a, b) = (&set.statements[p.a].text, &set.statements[p.b].text);
        decide(&Evidence::new(&idx, a, b, Some(dot(p.a, p.b))), t).same
    });
    // measured on dev: precision 0.953, recall 0.777, false merges 6/169
    assert!(s.precision() >= 0.93, "{s:?}");
    assert!(s.recall() >= 0.75, "{s:?}");
    assert!(s.false_merge_rate() <= 0.05, "{s:?}");
}
