//! Whatever a write accepts, the backup reproduces: for generated batches of reports,
//! sources, verdicts and claim links (with hostile-looking text), whatever `import` accepts, exported
//! as JSONL and imported into a fresh database, exports again byte for byte the same,
//! with the same claims. Whatever it refuses leaves nothing behind.

use corroborate::db::Database;
use corroborate::export::{self, ExportFormat, Request};
use corroborate::view::ClaimFilter;
use proptest::prelude::*;
use serde_json::json;

fn backup(db: &Database) -> String {
    let req = Request {
        format: ExportFormat::Jsonl,
        claims: vec![],
        filter: ClaimFilter::default(),
        skip_unreviewed: false,
    };
    let mut out = Vec::new();
    export::write(db, &req, &mut out).expect("export");
    String::from_utf8(out).expect("UTF-8 export")
}

fn import(db: &mut Database, text: &str) -> corroborate::Result<()> {
    db.import(text.as_bytes(), "test", &mut |_| {}).map(|_| ())
}

/// Free text: words, punctuation, accents, other scripts, and now and then a control
/// character, a zero-width or bidi character, or a very long word.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[A-Za-z\u{00C0}-\u{024F}\u{0400}-\u{04FF}][A-Za-z0-9 ,.'\u{00C0}-\u{024F}\u{0400}-\u{04FF}-]{0,40}",
        1 => any::<String>(),
        1 => "[a-z]{1,5}[\u{0000}-\u{001F}\u{200B}\u{202E}\u{FEFF}][a-z]{0,5}",
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}",
        1 => "[a-z]{2,8}\\.(com|org|example)",
        1 => text(),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (text(), prop::collection::vec((name(), any::<bool>()), 1..5), prop::option::of(0u32..40), prop::option::of("20[0-2][0-9]-0[1-9]-[12][0-9]"))
            .prop_map(|(claim, hops, url, date)| {
                let chain: Vec<String> = hops
                    .into_iter()
                    .map(|(n, anon)| if anon { format!("~{n}") } else { n })
                    .collect();
                let mut r = json!({"type": "report", "claim": claim, "chain": chain.join(" via ")});
                if let Some(u) = url {
                    r["url"] = json!(format!("https://news{u}.example/a/{u}"));
                }
                if let Some(d) = date {
                    r["published"] = json!(d);
                }
                r.to_string()
            }),
        2 => (name(), prop::collection::vec(name(), 0..3), prop::option::of(0.0f64..=1.0), prop::sample::select(vec!["wire_agency", "newspaper", "person", "other"]))
            .prop_map(|(n, aliases, rating, kind)| {
                let mut r = json!({"type": "source", "name": n, "aliases": aliases, "kind": kind});
                if let Some(x) = rating {
                    r["rating"] = json!(x);
                }
                r.to_string()
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn what_a_write_accepts_the_backup_reproduces(lines in prop::collection::vec(line(), 1..25), verdict_on in prop::option::of(0usize..25), links in prop::collection::vec((0usize..25, 0usize..25, any::<bool>(), prop::option::of(0.0f32..=1.0)), 0..6)) {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Database::open(&dir.path().join("a")).unwrap();
        let mut accepted = Vec::new();
        // Each line on its own, so that one refused line does not hide the others.
        for l in &lines {
            if import(&mut a, l).is_ok() {
                accepted.push(l.clone());
            }
        }
        // A verdict on one of the accepted claims, when there is one.
        if let Some(i) = verdict_on {
            let claims: Vec<_> = a.claims().map(|c| c.unwrap().id).collect();
            if !claims.is_empty() {
                let id = claims[i % claims.len()].to_hex();
                let v = json!({"type": "verdict", "claim_id": id, "verdict": "mixed", "by": "Desk", "note": "n"});
                import(&mut a, &v.to_string()).unwrap();
            }
        }
        // Links between accepted claims: a person's (same or different) or the matcher's.
        // Each may be refused (a person contradicting their own links); what is
        // accepted must come back from the backup with the same groups.
        let claims: Vec<_> = a.claims().map(|c| c.unwrap().id).collect();
        if claims.len() >= 2 {
            for (i, j, same, score) in &links {
                let (x, y) = (claims[i % claims.len()], claims[j % claims.len()]);
                let mut l = json!({"type": "link", "a": x.to_hex(), "b": y.to_hex(), "relation": if *same { "same" } else { "different" }});
                if let Some(s) = score {
                    l["by"] = json!("matcher");
                    l["score"] = json!(s);
                    l["model"] = json!("lexical");
                    l["threshold"] = json!(0.5);
                }
                let _ = import(&mut a, &l.to_string());
            }
        }
        let first = backup(&a);
        let mut b = Database::open(&dir.path().join("b")).unwrap();
        import(&mut b, &first).unwrap();
        let second = backup(&b);
        prop_assert_eq!(&first, &second);
        let ids = |db: &Database| db.claims().map(|c| c.unwrap().id).collect::<Vec<_>>();
        prop_assert_eq!(ids(&a), ids(&b));
        let groups = |db: &Database| {
            let g = db.groups().unwrap();
            db.claims().map(|c| g.group_id(&c.unwrap().id)).collect::<Vec<_>>()
        };
        prop_assert_eq!(groups(&a), groups(&b));
        prop_assert!(b.verify().unwrap().problems.is_empty());
        // A refused line left nothing behind: the ledger verifies and holds only what
        // was accepted.
        prop_assert!(a.verify().unwrap().problems.is_empty());
    }
}
