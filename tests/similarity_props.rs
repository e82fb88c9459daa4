//! Properties of the claim-similarity layer: the tokenizer and number normaliser take
//! any input and agree on every spelling of a number; the lexical similarity, the
//! checks and the decision are symmetric; search is ordered and bounded.

use corroborate::similarity::tokens::{canonical_number, tokens, Token};
use corroborate::similarity::{checks, decide, Evidence, LexicalIndex};
use proptest::prelude::*;

/// English words for 0..1_000_000, written the way news copy does ("forty-one",
/// "two hundred thirty", "twelve thousand five hundred").
fn spell(n: u64) -> String {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64) -> String {
        let mut parts = Vec::new();
        if n >= 100 {
            parts.push(format!("{} hundred", SMALL[(n / 100) as usize]));
        }
        let r = n % 100;
        if r > 0 || n == 0 {
            parts.push(if r < 20 {
                SMALL[r as usize].to_string()
            } else if r.is_multiple_of(10) {
                TENS[(r / 10) as usize].to_string()
            } else {
                format!("{}-{}", TENS[(r / 10) as usize], SMALL[(r % 10) as usize])
            });
        }
        parts.join(" ")
    }
    if n < 1000 {
        return below_thousand(n);
    }
    let (th, rest) = (n / 1000, n % 1000);
    if rest == 0 {
        format!("{} thousand", below_thousand(th))
    } else {
        format!("{} thousand {}", below_thousand(th), below_thousand(rest))
    }
}

fn with_commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn number(n: u64) -> Vec<Token> {
    vec![Token::Number(n.to_string())]
}

/// Statements made of news-like words, so that pairs overlap often.
fn statement() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Police",
        "said",
        "12",
        "11",
        "policemen",
        "were",
        "killed",
        "not",
        "in",
        "Helmand",
        "Kabul",
        "will",
        "forty-one",
        "41",
        "seats",
        "1,200",
        "people",
        "the",
        "Reuters",
        "no",
        "evidence",
        "$5.3m",
        "2016",
        "2017",
        "nearly",
        "250",
        "246",
        "Mr",
        "Trump",
        "arrested",
        "plans",
        "to",
        "",
        "U.S.",
        "percent",
        "-",
        ",",
        "\"",
        "é",
        "\u{202e}",
    ]);
    prop::collection::vec(words, 0..16).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn tokens_never_panic_and_numbers_are_canonical(s in "\\PC{0,80}") {
        for t in tokens(&s) {
            match t {
                Token::Number(n) => {
                    let v: f64 = n.parse().expect("a number token parses");
                    prop_assert_eq!(canonical_number(v), Some(n));
                }
                Token::Word(w) => prop_assert!(!w.is_empty()),
            }
        }
    }

    #[test]
    fn tokens_take_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let s = String::from_utf8_lossy(&bytes);
        let _ = tokens(&s);
        let _ = checks(&s, "12 people");
    }

    #[test]
    fn every_spelling_of_a_number_is_one_token(n in 0u64..1_000_000) {
        prop_assert_eq!(tokens(&n.to_string()), number(n));
        prop_assert_eq!(tokens(&with_commas(n)), number(n));
        prop_assert_eq!(tokens(&spell(n)), number(n), "{}", spell(n));
    }

    #[test]
    fn scaled_numbers(whole in 1u64..1000, tenth in 0u64..10) {
        let text = format!("{whole}.{tenth} million");
        let expect = whole * 1_000_000 + tenth * 100_000;
        prop_assert_eq!(tokens(&text), number(expect));
        prop_assert_eq!(tokens(&format!("${whole}.{tenth}m")), number(expect));
    }

    #[test]
    fn canonical_number_round_trips(x in -1e9f64..1e9) {
        let s = canonical_number(x).expect("finite and in range");
        let back: f64 = s.parse().unwrap();
        prop_assert!((back - x).abs() <= 1e-6 + x.abs() * 1e-12, "{} -> {}", x, s);
        prop_assert_eq!(canonical_number(back), Some(s));
    }

    #[test]
    fn lexical_similarity_is_symmetric_and_bounded(a in statement(), b in statement(),
                                                   docs in prop::collection::vec(statement(), 0..6)) {
        let mut idx = LexicalIndex::new();
        for (i, d) in docs.iter().enumerate() {
            idx.add(i as u64, d);
        }
        let (ab, ba) = (idx.similarity(&a, &b), idx.similarity(&b, &a));
        prop_assert_eq!(ab.to_bits(), ba.to_bits());
        prop_assert!((0.0..=1.0).contains(&ab));
        if tokens(&a).is_empty() {
            prop_assert_eq!(idx.similarity(&a, &a), 0.0);
        } else {
            prop_assert!((idx.similarity(&a, &a) - 1.0).abs() < 1e-5);
        }
    }

    #[test]
    fn checks_are_symmetric(a in statement(), b in statement()) {
        prop_assert_eq!(checks(&a, &b), checks(&b, &a));
    }

    #[test]
    fn decisions_are_symmetric(a in statement(), b in statement(),
                               cos in prop::option::of(-1.5f32..1.5), t in 0.0f32..1.0) {
        let mut idx = LexicalIndex::new();
        idx.add(1, &a);
        let ab = decide(&Evidence::new(&idx, &a, &b, cos), t);
        let ba = decide(&Evidence::new(&idx, &b, &a, cos), t);
        prop_assert!((0.0..=1.0).contains(&ab.score));
        prop_assert_eq!(ab, ba);
    }

    #[test]
    fn search_is_ordered_and_bounded(q in statement(), k in 0usize..8,
                                     docs in prop::collection::vec(statement(), 0..12)) {
        let mut idx = LexicalIndex::new();
        for (i, d) in docs.iter().enumerate() {
            idx.add(i as u64, d);
        }
        let hits = idx.search(&q, k);
        prop_assert!(hits.len() <= k);
        for w in hits.windows(2) {
            prop_assert!(w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0));
        }
        for (key, score) in &hits {
            prop_assert!((0.0..=1.0).contains(score) && *score > 0.0);
            // search and pairwise similarity agree on the score
            let s = idx.similarity(&q, &docs[*key as usize]);
            prop_assert!((s - score).abs() < 1e-5, "{} vs {}", s, score);
        }
    }

    /// `prepare` (norms computed once; scores summed in an array for small keys) is
    /// only faster: the same hits with the same scores, bit for bit, with dense keys
    /// and with sparse ones.
    #[test]
    fn a_prepared_index_finds_exactly_the_same(q in statement(), k in 0usize..8,
                                              docs in prop::collection::vec(statement(), 0..12),
                                              spread in prop::sample::select(vec![1u64, 1_000_003])) {
        let mut idx = LexicalIndex::new();
        for (i, d) in docs.iter().enumerate() {
            idx.add(i as u64 * spread, d);
        }
        let plain = idx.search(&q, k);
        idx.prepare();
        prop_assert_eq!(idx.search(&q, k), plain);
        // A change after `prepare` drops what it computed.
        idx.add(7, &q);
        let mut fresh = idx.clone();
        fresh.prepare();
        prop_assert_eq!(idx.search(&q, k), fresh.search(&q, k));
    }
}
