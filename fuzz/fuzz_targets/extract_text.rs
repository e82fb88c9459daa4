//! Attribution extraction on arbitrary text.
//!
//! Input: the first line is the publisher, the rest the article; with a first byte of
//! `#` the input is instead a corpus CSV for `extract_csv`. Invariants: nothing panics;
//! extraction is deterministic; every statement's span lies in the text on character
//! boundaries; its chain's first hop is named; and the report record it
//! turns into is one `import` accepts (what `extract --import` writes).
#![no_main]

use corroborate::extract::{extract, extract_csv, ArticleMeta, CsvOptions, Extracted};
use corroborate::record::parse_line;
use libfuzzer_sys::fuzz_target;

fn check_one(text: &str, meta: &ArticleMeta, e: &Extracted) {
    let (s, t) = e.span;
    assert!(s < t && t <= text.len(), "span {s}..{t} outside the text");
    assert!(
        text.is_char_boundary(s) && text.is_char_boundary(t),
        "span {s}..{t} splits a character"
    );
    assert!(!e.claim.is_empty());
    assert!(!e.chain.hops()[0].anonymous);
    let line = serde_json::to_string(&e.to_record(meta)).expect("a record serializes");
    if let Err(err) = parse_line(&line) {
        panic!("extracted record {line} is refused by import: {err}");
    }
}

fuzz_target!(|data: &[u8]| {
    if data.first() == Some(&b'#') {
        let opts = CsvOptions {
            text_column: "text".into(),
            publisher_column: Some("outlet".into()),
            url_column: Some("url".into()),
            id_column: Some("id".into()),
            date_column: Some("date".into()),
        };
        let _ = extract_csv(
            &data[1..],
            &opts,
            &|u: &str| {
                u.contains("dispatch")
                    .then(|| "Desert Dispatch".to_string())
            },
            &mut |e: &Extracted, meta: &ArticleMeta| {
                let line = serde_json::to_string(&e.to_record(meta)).expect("serializes");
                assert!(!line.is_empty());
                Ok(())
            },
            &mut |_| {},
        );
        return;
    }
    let text = String::from_utf8_lossy(data);
    let (publisher, body) = text.split_once('\n').unwrap_or(("Desert Dispatch", &text));
    let meta = ArticleMeta {
        publisher: publisher.to_string(),
        url: None,
        published: None,
    };
    let found = extract(body, &meta);
    for e in &found {
        check_one(body, &meta, e);
    }
    assert_eq!(
        found,
        extract(body, &meta),
        "extraction is not deterministic"
    );
});
