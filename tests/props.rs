//! Property tests of the parsers and the normalization contract: normalization is
//! idempotent and ignores what it promises to ignore, ids change on any meaningful edit,
//! chains round-trip through their string form, and no input makes a parser panic.

use corroborate::chain::{Chain, HopSpec};
use corroborate::claim::{normalize_v1, ClaimId};
use corroborate::record::parse_line;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Hop names that the string form can carry: no word "via", no leading ~, no control
/// characters, non-empty after white-space folding.
fn hop_name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[A-Za-z\u{00C0}-\u{024F}\u{0600}-\u{06FF}][A-Za-z0-9\u{00C0}-\u{024F}\u{0600}-\u{06FF}.,'-]{0,12}( [A-Za-z0-9\u{00C0}-\u{024F}.,'-]{1,10}){0,3}")
        .expect("regex")
        .prop_filter("no separator word", |s| {
            !s.split_whitespace().any(|w| w.eq_ignore_ascii_case("via"))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Rule v1 is frozen and lowercases after NFKC, so lowercasing can leave text NFKC
    /// would change again ("W" + U+030A has no precomposed capital; its lowercase
    /// composes to U+1E98): idempotent wherever the normalized text is NFKC-stable, and
    /// a fixed point after two passes always (docs/fuzzing.md, finding 2; the fuzz
    /// target `normalize_hash` checks the same).
    #[test]
    fn normalization_is_idempotent(s in any::<String>()) {
        let once = normalize_v1(&s);
        let twice = normalize_v1(&once);
        if once.nfkc().eq(once.chars()) {
            prop_assert_eq!(&twice, &once);
        }
        prop_assert_eq!(normalize_v1(&twice), twice);
    }

    #[test]
    fn normalization_ignores_case_space_and_trailing_periods(s in "[a-zA-Z0-9 ,;:'!?-]{1,60}") {
        let base = ClaimId::of_text(&s);
        let noisy = format!("  {}\t. ..\n", s.to_uppercase().replace(' ', "  \u{00A0}"));
        prop_assert_eq!(ClaimId::of_text(&noisy), base);
        let curly = s.replace('\'', "\u{2019}").replace('-', "\u{2014}");
        prop_assert_eq!(ClaimId::of_text(&curly), base);
    }

    #[test]
    fn a_meaningful_edit_changes_the_id(s in "[a-z]{1,20}( [a-z]{1,20}){0,6}", pos in any::<prop::sample::Index>(), c in "[a-z0-9]") {
        // Inserting a letter or digit anywhere changes the normalized text, so the id.
        let mut chars: Vec<char> = s.chars().collect();
        let i = pos.index(chars.len() + 1);
        chars.insert(i, c.chars().next().unwrap());
        let edited: String = chars.into_iter().collect();
        prop_assert_ne!(ClaimId::of_text(&edited), ClaimId::of_text(&s));
    }

    #[test]
    fn chains_round_trip_through_text(names in prop::collection::vec((hop_name(), any::<bool>()), 1..8)) {
        let hops: Vec<HopSpec> = names
            .iter()
            .enumerate()
            .map(|(i, (n, anon))| if *anon && i > 0 { HopSpec::anonymous(n) } else { HopSpec::named(n) })
            .collect();
        let chain = Chain::new(hops).unwrap();
        let text = chain.to_string();
        prop_assert_eq!(Chain::parse(&text).unwrap(), chain.clone());
        let json = serde_json::to_string(&chain).unwrap();
        prop_assert_eq!(serde_json::from_str::<Chain>(&json).unwrap(), chain);
    }

    #[test]
    fn the_ascii_fast_path_matches_the_full_rule(s in "[ -~\t\n\x0b\x0c\r]{0,80}") {
        // A trailing no-break space (white space, so it changes nothing) forces the
        // full Unicode rule; it must agree with the ASCII fast path.
        let mut padded = s.clone();
        padded.push('\u{00A0}');
        prop_assert_eq!(normalize_v1(&padded), normalize_v1(&s));
        prop_assert_eq!(corroborate::source::name_key(&padded), corroborate::source::name_key(&s));
    }

    #[test]
    fn validation_agrees_with_normalization(s in any::<String>()) {
        let empty = normalize_v1(&s).is_empty();
        let rejected = matches!(corroborate::claim::validate_text(&s), Err(corroborate::Error::EmptyClaim));
        prop_assert_eq!(empty, rejected);
    }

    #[test]
    fn chain_parser_never_panics(s in any::<String>()) {
        let _ = Chain::parse(&s);
    }

    #[test]
    fn record_parser_never_panics(s in any::<String>()) {
        let _ = parse_line(&s);
    }

    #[test]
    fn record_parser_never_panics_on_near_valid_json(
        claim in any::<String>(),
        chain in any::<String>(),
        url in any::<String>(),
        date in any::<String>(),
    ) {
        let line = serde_json::json!({"type": "report", "claim": claim, "chain": chain, "url": url, "published": date}).to_string();
        let _ = parse_line(&line);
    }

    #[test]
    fn dates_never_panic(s in any::<String>()) {
        let _ = corroborate::date::validate(&s);
    }

    #[test]
    fn domains_never_panic(s in any::<String>()) {
        let mut reg = corroborate::source::Registry::new();
        let _ = reg.resolve_or_create(&s);
        let _ = corroborate::source::domain_of(&s);
    }
}
