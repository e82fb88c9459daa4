//! Measure source-resolution suggestions on a database (issue 14, item 7):
//! precision on labelled pairs, and how many "publisher domain via outlet" chains
//! resolve both hops to one source.
//!
//! ```text
//! cargo run --example suggest_eval -- DB tests/data/suggest/pairs.tsv
//! ```
//!
//! The pairs file lists names with a label (see `corroborate::suggest::parse_labels`).
//! A chain counts as "publisher via its own outlet name" when its second hop names the
//! outlet of its article's host: a name labelled `same` as that host in the pairs file
//! ("abcnews.go.com" / "ABC"), or a name the built-in outlet table gives that host.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use corroborate::db::Database;
use corroborate::report::Hop;
use corroborate::source::outlets::builtin;
use corroborate::source::{domain_of, name_key};
use corroborate::suggest;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(db), Some(pairs)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: suggest_eval DB PAIRS.tsv");
    };
    let labels = suggest::parse_labels(&std::fs::read_to_string(PathBuf::from(&pairs))?)?;
    let db = Database::open(&PathBuf::from(db))?;
    let reg = db.registry();
    let facts = suggest::gather(&db)?;
    let opts = suggest::Options {
        min_score: 0.0,
        limit: None,
    };
    let all = suggest::suggest(reg, &facts, &db.distinct_pairs()?, &opts);
    let listed: Vec<(String, String, f64, bool)> = all
        .iter()
        .map(|s| (s.a.clone(), s.b.clone(), s.score, s.certain))
        .collect();
    let p = suggest::precision(&listed, &labels);
    println!(
        "labelled pairs: {} ({} same)",
        labels.len(),
        labels.iter().filter(|l| l.same).count()
    );
    println!(
        "automatic merges: {} of {} right, precision {:.3}",
        p.automatic.1,
        p.automatic.0,
        p.automatic_precision()
    );
    println!(
        "shown suggestions (score >= {}): {} of {} right, precision {:.3}; {} labelled pairs not shown",
        suggest::DEFAULT_MIN_SCORE,
        p.shown.1,
        p.shown.0,
        p.shown_precision(),
        p.not_shown
    );
    println!(
        "suggestions now: {} listed by default, {} certain",
        all.iter()
            .filter(|s| s.certain || s.score >= suggest::DEFAULT_MIN_SCORE)
            .count(),
        all.iter().filter(|s| s.certain).count()
    );

    // Publisher host → the names labelled `same` as it (cnn.com → CNN), and the names
    // the built-in outlet table gives the outlet of that host.
    let mut outlet_names: HashMap<String, HashSet<String>> = HashMap::new();
    for l in labels.iter().filter(|l| l.same) {
        for (d, n) in [(&l.a, &l.b), (&l.b, &l.a)] {
            if let Some(host) = domain_of(d) {
                outlet_names.entry(host).or_default().insert(name_key(n));
            }
        }
    }
    let (mut chains, mut outlet_chains, mut resolved) = (0u64, 0u64, 0u64);
    for claim in db.claims() {
        for r in claim?.reports {
            chains += 1;
            let Some(host) = r.url.as_deref().and_then(domain_of) else {
                continue;
            };
            let written = |h: &Hop| match h {
                Hop::Named { source, written } => Some((
                    reg.canonical(*source),
                    written
                        .clone()
                        .unwrap_or_else(|| reg.display_name(reg.canonical(*source)).into()),
                )),
                Hop::Anonymous(_) => None,
            };
            let (Some((s0, _)), Some((s1, w1))) = (
                r.hops.first().and_then(written),
                r.hops.get(1).and_then(written),
            ) else {
                continue;
            };
            let key = name_key(&w1);
            let labelled = outlet_names.get(&host).is_some_and(|n| n.contains(&key));
            let tabled = builtin()
                .by_host(&host)
                .is_some_and(|o| o.names().any(|n| name_key(n) == key));
            if labelled || tabled {
                outlet_chains += 1;
                resolved += u64::from(s0 == s1);
            }
        }
    }
    println!(
        "chains: {chains}; 'publisher via its own outlet name' (second hop names the outlet of the article's host): {outlet_chains} ({:.1} %), of which {resolved} resolve both hops to one source ({:.1} %)",
        100.0 * outlet_chains as f64 / chains.max(1) as f64,
        100.0 * resolved as f64 / outlet_chains.max(1) as f64
    );
    Ok(())
}
