//! Chain parsing: the string form and the JSON forms, on arbitrary input.
//!
//! Invariants: no panic; every accepted chain keeps the rules (1..=64 hops, names
//! non-empty, at most 512 bytes, no control characters, first hop named); a chain
//! parsed from the string form prints back to a string that parses to the same chain;
//! every accepted chain survives a JSON round trip.
#![no_main]

use corroborate::chain::{Chain, MAX_HOPS, MAX_HOP_NAME_BYTES};
use libfuzzer_sys::fuzz_target;

fn check_rules(c: &Chain) {
    let hops = c.hops();
    assert!(
        !hops.is_empty() && hops.len() <= MAX_HOPS,
        "{} hops",
        hops.len()
    );
    assert!(!hops[0].anonymous, "first hop anonymous: {c:?}");
    for h in hops {
        assert!(!h.name.is_empty(), "empty hop in {c:?}");
        assert!(h.name.len() <= MAX_HOP_NAME_BYTES, "long hop in {c:?}");
        assert!(
            !h.name.chars().any(char::is_control),
            "control char in {c:?}"
        );
    }
}

fn check_json_round_trip(c: &Chain) {
    let json = serde_json::to_string(c).expect("a chain serializes");
    let back: Chain =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json} does not parse back: {e}"));
    assert_eq!(&back, c, "JSON round trip changed the chain ({json})");
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(c) = Chain::parse(&s) {
        check_rules(&c);
        let printed = c.to_string();
        let again = Chain::parse(&printed)
            .unwrap_or_else(|e| panic!("{printed:?} (printed from {s:?}) does not parse: {e}"));
        assert_eq!(again, c, "print/parse round trip of {s:?}");
        check_json_round_trip(&c);
    }
    // The same bytes as the JSON value of a `chain` field (string or array form).
    if let Ok(c) = serde_json::from_str::<Chain>(&s) {
        check_rules(&c);
        check_json_round_trip(&c);
    }
});
