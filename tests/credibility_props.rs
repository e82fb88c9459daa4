//! Property tests of claim support: adding an independent origin with positive
//! credibility never lowers a claim's support, whatever the chains, labels and
//! credibilities already are.

use corroborate::credibility::{support, support_of};
use corroborate::independence::{analyze, Hop, TableView};
use corroborate::source::SourceId;
use proptest::prelude::*;

const LABELS: [&str; 3] = ["owner:a", "owner:b", "state:x"];

fn chains_strategy() -> impl Strategy<Value = Vec<Vec<(u8, bool)>>> {
    // Hops over 6 sources; (source, anonymous).
    prop::collection::vec(
        prop::collection::vec((0u8..6, prop::bool::weighted(0.15)), 1..5),
        0..6,
    )
}

proptest! {
    #[test]
    fn adding_an_independent_origin_never_lowers_support(
        chains in chains_strategy(),
        labels in prop::collection::vec(prop::option::of(0usize..3), 6),
        means in prop::collection::vec(0.0f64..=1.0, 6),
        new_mean in 0.0001f64..=1.0,
        anonymous in any::<bool>(),
    ) {
        let mut view = TableView::default();
        for (i, l) in labels.iter().enumerate() {
            let ls: Vec<&str> = l.iter().map(|&k| LABELS[k]).collect();
            view.add(&format!("S{i}"), &ls);
        }
        let fresh = view.add("Fresh", &[]);
        // A new reader-facing outlet, so that no existing source changes role.
        let outlet = view.add("New outlet", &[]);
        let mut hops: Vec<Vec<Hop>> = chains
            .iter()
            .map(|c| {
                let mut h: Vec<Hop> = c
                    .iter()
                    .map(|&(s, anon)| if anon { Hop::Anonymous } else { Hop::Named(SourceId(u32::from(s))) })
                    .collect();
                // The store never keeps a chain starting with an anonymous hop.
                if matches!(h.first(), Some(Hop::Anonymous)) {
                    h[0] = Hop::Named(SourceId(0));
                }
                h
            })
            .collect();
        let mean = |s: SourceId| if s == fresh { new_mean } else { means.get(s.0 as usize).copied().unwrap_or(0.5) };
        let before = support(&analyze(hops.iter().map(Vec::as_slice), &view), &mean);
        let mut extra = vec![Hop::Named(outlet), Hop::Named(fresh)];
        if anonymous {
            extra.push(Hop::Anonymous);
        }
        hops.push(extra);
        let a = analyze(hops.iter().map(Vec::as_slice), &view);
        let after = support(&a, &mean);
        prop_assert!(after >= before - 1e-12, "before {before}, after {after}");
        prop_assert!((0.0..=1.0).contains(&after));
        // Fresh has no labels and cites no one, so it is a group of its own: support
        // strictly grows unless it was already 1.
        if before < 1.0 - 1e-9 {
            prop_assert!(after > before, "before {before}, after {after}");
        }
    }

    #[test]
    fn support_of_is_monotone_in_each_group(
        cs in prop::collection::vec(0.0f64..=1.0, 0..8),
        i in 0usize..8,
        bump in 0.0f64..=1.0,
    ) {
        let base = support_of(cs.iter().copied());
        let mut more = cs.clone();
        if let Some(c) = more.get_mut(i) {
            *c = (*c + bump).min(1.0);
        }
        prop_assert!(support_of(more) >= base - 1e-12);
    }
}
