//! Properties of extraction on arbitrary input: never panics, spans are in bounds and
//! on character boundaries, chains are valid (publisher first, an anonymous hop last
//! unless it is an unnamed medium relaying the speaker),
//! and the output is deterministic.

use corroborate::extract::{extract, ArticleMeta};
use proptest::prelude::*;

fn meta() -> ArticleMeta {
    ArticleMeta {
        publisher: "Wire".into(),
        url: None,
        published: None,
    }
}

/// Head words of an unnamed medium (a subset of the lexicon's media words plus
/// "media", "network", "station", "outlet(s)"): the only anonymous middle hops.
const MEDIA_HEADS: &[&str] = &[
    "news",
    "tv",
    "television",
    "radio",
    "agency",
    "times",
    "post",
    "journal",
    "press",
    "daily",
    "gazette",
    "tribune",
    "herald",
    "telegraph",
    "guardian",
    "channel",
    "broadcasting",
    "broadcaster",
    "magazine",
    "newspaper",
    "paper",
    "chronicle",
    "mail",
    "observer",
    "standard",
    "examiner",
    "reporter",
    "weekly",
    "today",
    "online",
    "wire",
    "media",
    "network",
    "station",
    "outlet",
    "outlets",
];

/// Does the name end in a medium's head word, singular or plural, a trailing
/// "report(s)" aside?
fn names_a_medium(name: &str) -> bool {
    let mut words = name.split_whitespace().rev().peekable();
    words.next_if(|w| w.eq_ignore_ascii_case("reports") || w.eq_ignore_ascii_case("report"));
    let head = |w: &str| MEDIA_HEADS.iter().any(|m| w.eq_ignore_ascii_case(m));
    words.next().is_some_and(|w| {
        head(w)
            || w.strip_suffix("ies")
                .is_some_and(|s| head(&format!("{s}y")))
            || w.strip_suffix('s').is_some_and(head)
    })
}

fn check(text: &str) {
    let a = extract(text, &meta());
    for x in &a {
        assert!(x.span.0 < x.span.1 && x.span.1 <= text.len());
        assert!(text.is_char_boundary(x.span.0) && text.is_char_boundary(x.span.1));
        let hops = x.chain.hops();
        assert!(hops.len() >= 2);
        assert_eq!(hops[0].name, "Wire");
        // Rulebook R2: an anonymous hop before the last is an unnamed medium relaying
        // the speaker ("~local media", "~various media agencies", "~Ostlandic media
        // reports"); an anonymous speaker is always last.
        assert!(
            hops[..hops.len() - 1]
                .iter()
                .all(|h| !h.anonymous || names_a_medium(&h.name)),
            "an anonymous middle hop that is no medium in {:?}",
            x.chain
        );
        // A hop is never repeated next to itself.
        assert!(
            hops.windows(2).all(|p| p[0].name != p[1].name),
            "{:?}",
            x.chain
        );
        assert!(!x.claim.is_empty());
    }
    assert_eq!(a, extract(text, &meta()));
}

/// Pieces that exercise the rules: cues, quotes of every kind, mangled quotes,
/// abbreviations, names and punctuation.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("said".to_string()),
        Just(" told ".to_string()),
        Just("according to".to_string()),
        Just(", citing ".to_string()),
        Just(" quoted ".to_string()),
        Just(" as saying ".to_string()),
        Just("\"".to_string()),
        Just("\"?".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("’".to_string()),
        Just("—".to_string()),
        Just("\u{a0}".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just(":\n".to_string()),
        Just("Via ".to_string()),
        Just("(A/B via C)\n".to_string()),
        Just(" READ MORE: ".to_string()),
        Just("Read more from ".to_string()),
        Just("RELATED:-".to_string()),
        Just(" The ".to_string()),
        Just(" Portugal ".to_string()),
        Just("Anna Berg".to_string()),
        Just(" he ".to_string()),
        Just(" the AFP news agency ".to_string()),
        Just("an official source".to_string()),
        "[A-Za-z ]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_utf8_never_panics(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn rule_shaped_text_never_panics(parts in proptest::collection::vec(piece(), 0..40)) {
        check(&parts.concat());
    }
}

/// Found by `rule_shaped_text_never_panics` in a CI run: a run of words read as an
/// anonymous speaker ending in no medium's word, then cited again after "citing", gave
/// "Wire via ~X via ~X".
#[test]
fn a_speaker_cited_again_is_one_hop() {
    check("Read more from , citing  the AFP news agency an official source told \"");
    check("Prices rose, citing the AFP news agency an official source told reporters.");
}
