//! Measure source-resolution suggestions on a database (issue 14, item 7):
//! precision on labelled pairs, and how many "publisher domain via outlet" chains
//! resolve both hops to one source.
//!
//! ```text
//! cargo run --example suggest_eval -- DB tests/data/suggest/pairs.tsv
//! ```
//!
//! The pairs file lists names with a label (see `corroborate::suggest::parse_labels`).
//! A chain counts as "publisher domain via its outlet" when its first hop is written
//! as a domain and the first two hops are a pair labelled `same` there.

use std::collections::HashSet;
use std::path::PathBuf;

use corroborate::db::Database;
use corroborate::report::Hop;
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

    let same: HashSet<(String, String)> = labels
        .iter()
        .filter(|l| l.same)
        .flat_map(|l| {
            let (a, b) = (name_key(&l.a), name_key(&l.b));
            [(a.clone(), b.clone()), (b, a)]
        })
        .collect();
    let (mut chains, mut outlet_chains, mut resolved) = (0u64, 0u64, 0u64);
    for claim in db.claims() {
        for r in claim?.reports {
            chains += 1;
            let named: Vec<(corroborate::source::SourceId, String)> = r
                .hops
                .iter()
                .take(2)
                .filter_map(|h| match h {
                    Hop::Named { source, written } => Some((
                        reg.canonical(*source),
                        written
                            .clone()
                            .unwrap_or_else(|| reg.display_name(reg.canonical(*source)).into()),
                    )),
                    Hop::Anonymous(_) => None,
                })
                .collect();
            if let [(s0, w0), (s1, w1)] = named.as_slice() {
                if r.hops.len() >= 2
                    && domain_of(w0).is_some()
                    && same.contains(&(name_key(w0), name_key(w1)))
                {
                    outlet_chains += 1;
                    resolved += u64::from(s0 == s1);
                }
            }
        }
    }
    println!(
        "chains: {chains}; written 'publisher domain via its outlet': {outlet_chains} ({:.1} %), of which {resolved} resolve both hops to one source ({:.1} %)",
        100.0 * outlet_chains as f64 / chains.max(1) as f64,
        100.0 * resolved as f64 / outlet_chains.max(1) as f64
    );
    Ok(())
}
