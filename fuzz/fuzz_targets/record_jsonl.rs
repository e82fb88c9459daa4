//! JSONL record parsing and validation on arbitrary lines.
//!
//! Invariants: no panic; an accepted record serializes to a line that is accepted
//! again and serializes to the same line (what `export` writes, `import` reads).
#![no_main]

use corroborate::record::{parse_line, Record};
use libfuzzer_sys::fuzz_target;

fn check(line: &str) {
    let Ok(rec) = parse_line(line) else {
        return;
    };
    if let Record::Verdict(v) = &rec {
        v.claim_id().expect("an accepted verdict names its claim");
    }
    if let Record::Source(s) = &rec {
        s.patch().expect("an accepted source record gives a patch");
    }
    let out = serde_json::to_string(&rec).expect("a record serializes");
    let again = parse_line(&out)
        .unwrap_or_else(|e| panic!("{out} (written from {line:?}) is refused: {e}"));
    let out2 = serde_json::to_string(&again).expect("a record serializes");
    assert_eq!(out, out2, "round trip of {line:?}");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Each line is a record, as `import` reads them; the whole input too (a line may
    // hold escaped newlines only, but the parser must not care).
    for line in text.split('\n') {
        check(line);
    }
});
