//! The rulebook's own worked examples (`../shared/extraction/rulebook.md`, read at
//! run time, never copied here): the first sentence of each numbered example is
//! extracted with the rulebook's publisher and its chains compared with the
//! rulebook's, by the evaluator's independent name comparison (`NameMatcher`), as a
//! set. The examples the extractor reads right are listed; one that stops agreeing
//! fails the test. The test fails, saying what is missing, when the rulebook is absent.

mod common;

use common::shared_file;
use corroborate::chain::{Chain, HopSpec};
use corroborate::extract::eval::NameMatcher;
use corroborate::extract::{extract, ArticleMeta};

/// Examples whose first sentence gives exactly the rulebook's chains (29 at 9591b83;
/// since stop 47 also 23, 24 and 27: nesting in a quotation, in a noun cue and in a
/// reported clause). Not yet: 11 (needs the company's full name from earlier in an
/// article), 25 (the accused outlet as the source of "a false report that …"), 26
/// ("rejected" as a cue: tried at stop 47, most dev-CSV rejections read wrong), 33
/// (an outlet's own reporters as a relay and a hop).
const AGREEING: &[u32] = &[
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 27, 28, 30,
    31, 32, 34, 35, 36, 37,
];

/// (number, first sentence, expected chains) of every numbered example.
fn examples(text: &str) -> Vec<(u32, String, Vec<String>)> {
    let mut out: Vec<(u32, String, Vec<String>)> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let t = line.trim();
        let numbered = t
            .split_once(". *")
            .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if let Some((n, rest)) = numbered {
            if let Some(end) = rest.find('*') {
                out.push((n.parse().unwrap(), rest[..end].to_string(), Vec::new()));
                open = true;
                continue;
            }
        }
        let other_number = t
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if t.starts_with('*') || t.starts_with('#') || other_number {
            // A second sentence of the same example, the next section, or an example
            // that does not open with its sentence.
            open = false;
        }
        if let (true, Some(rest), Some(last)) = (open, t.strip_prefix("→ `"), out.last_mut()) {
            if let Some((chain, _claim)) = rest.split_once("` ::") {
                last.2.push(chain.to_string());
            }
        }
    }
    out
}

fn hops(chain: &Chain) -> Vec<HopSpec> {
    chain.hops().to_vec()
}

/// Does every expected chain match a distinct extracted one, and nothing more?
fn agrees(m: &NameMatcher, expected: &[String], got: &[Chain]) -> bool {
    if expected.len() != got.len() {
        return false;
    }
    let mut used = vec![false; got.len()];
    expected.iter().all(|e| {
        let e = hops(&Chain::parse(e).expect("the rulebook's chain parses"));
        let hit = (0..got.len()).find(|&k| !used[k] && m.chains_match(&e, &hops(&got[k])));
        hit.map(|k| used[k] = true).is_some()
    })
}

#[test]
fn the_rulebooks_worked_examples_that_agree_keep_agreeing() {
    let path = shared_file("extraction/rulebook.md");
    let text = std::fs::read_to_string(&path).expect("the rulebook reads");
    let all = examples(&text);
    // 37 numbered examples; number 29 opens with the earlier context it needs, not
    // with its sentence, and is not read here.
    assert_eq!(
        all.len(),
        36,
        "expected the rulebook's 36 numbered examples that open with their sentence in {}",
        path.display()
    );
    let m = NameMatcher::new("");
    let meta = ArticleMeta {
        publisher: "Harbour Herald".into(),
        url: None,
        published: None,
    };
    let mut broken = Vec::new();
    let mut agreeing = Vec::new();
    for (n, sentence, expected) in &all {
        let got: Vec<Chain> = extract(sentence, &meta)
            .into_iter()
            .map(|x| x.chain)
            .collect();
        if agrees(&m, expected, &got) {
            agreeing.push(*n);
        } else if AGREEING.contains(n) {
            let got: Vec<String> = got.iter().map(ToString::to_string).collect();
            broken.push(format!(
                "{n}: {sentence}\n  rulebook {expected:?}\n  extracted {got:?}"
            ));
        }
    }
    eprintln!("rulebook examples agreeing: {agreeing:?}");
    assert!(
        broken.is_empty(),
        "examples that no longer agree:\n{}",
        broken.join("\n")
    );
}
