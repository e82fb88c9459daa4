//! Property tests of the independence engine over random small claims (up to 8
//! sources, up to 12 reports of up to 6 hops, a few affiliation labels):
//!
//! * the engine agrees with a naive model written straight from the definition
//!   (transitive closure instead of Tarjan, repeated merging instead of union-find);
//! * the count does not depend on report order, and duplicate reports change only
//!   the report and edge counts;
//! * the count never exceeds the number of distinct sources that are the last named
//!   hop of some chain;
//! * adding an affiliation label never raises the count (label classes are taken over
//!   every source of the registry, so an origin turning into a relay cannot split a
//!   group);
//! * adding an alias (every hop naming source `a` now names `b`, and `b` carries the
//!   labels of both) never raises the count, except by one when `a` and `b` were
//!   exactly a circular sink pair (they cited only each other; merged, they are one
//!   source citing itself, which is an origin).

use std::collections::BTreeSet;

use corroborate::independence::{analyze, Analysis, Hop, TableView, Vertex};
use corroborate::source::SourceId;
use proptest::prelude::*;

const SOURCES: u32 = 8;
const LABELS: usize = 4;

#[derive(Clone, Debug)]
struct Claim {
    chains: Vec<Vec<Hop>>,
    labels: Vec<Vec<usize>>,
}

fn hop() -> impl Strategy<Value = Hop> {
    prop_oneof![
        4 => (0..SOURCES).prop_map(|s| Hop::Named(SourceId(s))),
        1 => Just(Hop::Anonymous),
    ]
}

fn chain() -> impl Strategy<Value = Vec<Hop>> {
    (0..SOURCES, prop::collection::vec(hop(), 0..6)).prop_map(|(first, rest)| {
        let mut c = vec![Hop::Named(SourceId(first))];
        c.extend(rest);
        c
    })
}

fn claim() -> impl Strategy<Value = Claim> {
    (
        prop::collection::vec(chain(), 0..12),
        prop::collection::vec(prop::collection::vec(0..LABELS, 0..3), SOURCES as usize),
    )
        .prop_map(|(chains, labels)| Claim { chains, labels })
}

fn view(labels: &[Vec<usize>]) -> TableView {
    let mut v = TableView::default();
    for (i, ls) in labels.iter().enumerate() {
        let names: Vec<String> = ls.iter().map(|l| format!("l{l}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        v.add(&format!("S{i}"), &refs);
    }
    v
}

fn run(c: &Claim) -> Analysis {
    analyze(c.chains.iter().map(Vec::as_slice), &view(&c.labels))
}

/// Sources that are the last named hop of some chain.
fn last_named(c: &Claim) -> BTreeSet<SourceId> {
    c.chains
        .iter()
        .filter_map(|ch| {
            ch.iter().rev().find_map(|h| match h {
                Hop::Named(s) => Some(*s),
                Hop::Anonymous => None,
            })
        })
        .collect()
}

/// The definition, computed the slow and obvious way.
struct Model {
    origins: Vec<Vertex>,
    cycles: Vec<Vec<SourceId>>,
    circular_sinks: Vec<Vec<SourceId>>,
    groups: usize,
    common_relays: Vec<SourceId>,
}

fn model(c: &Claim) -> Model {
    let mut vertices: BTreeSet<Vertex> = BTreeSet::new();
    let mut edges: BTreeSet<(Vertex, Vertex)> = BTreeSet::new();
    let mut common: Option<BTreeSet<SourceId>> = None;
    for ch in &c.chains {
        let named: Vec<SourceId> = ch
            .iter()
            .filter_map(|h| match h {
                Hop::Named(s) => Some(*s),
                Hop::Anonymous => None,
            })
            .collect();
        vertices.insert(Vertex::named(named[0]));
        for w in named.windows(2) {
            if w[0] != w[1] {
                edges.insert((Vertex::named(w[0]), Vertex::named(w[1])));
                vertices.insert(Vertex::named(w[1]));
            }
        }
        if ch.last() == Some(&Hop::Anonymous) {
            let x = *named.last().unwrap();
            edges.insert((Vertex::named(x), Vertex::anonymous_of(x)));
            vertices.insert(Vertex::anonymous_of(x));
        }
        let set: BTreeSet<SourceId> = named.into_iter().collect();
        common = Some(match common {
            None => set,
            Some(prev) => prev.intersection(&set).copied().collect(),
        });
    }
    let vs: Vec<Vertex> = vertices.into_iter().collect();
    let n = vs.len();
    let at = |v: &Vertex| vs.iter().position(|x| x == v).unwrap();
    // reach[i][j]: a path of one or more edges from i to j.
    let mut reach = vec![vec![false; n]; n];
    for (f, t) in &edges {
        reach[at(f)][at(t)] = true;
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                if reach[i][k] && reach[k][j] {
                    reach[i][j] = true;
                }
            }
        }
    }
    let out_degree = |i: usize| edges.iter().filter(|(f, _)| *f == vs[i]).count();
    let origins: Vec<Vertex> = (0..n)
        .filter(|&i| out_degree(i) == 0)
        .map(|i| vs[i])
        .collect();
    let mut cycles: Vec<Vec<SourceId>> = Vec::new();
    let mut circular_sinks = Vec::new();
    let mut done = vec![false; n];
    for i in 0..n {
        if done[i] || !reach[i][i] {
            continue;
        }
        let members: Vec<usize> = (0..n).filter(|&j| reach[i][j] && reach[j][i]).collect();
        for &j in &members {
            done[j] = true;
        }
        let ids: Vec<SourceId> = members.iter().map(|&j| vs[j].source).collect();
        // A sink component: everything it reaches reaches back.
        if (0..n).all(|j| !reach[i][j] || reach[j][i]) {
            circular_sinks.push(ids.clone());
        }
        cycles.push(ids);
    }
    // Label classes: labels carried together by any source (not only origins) are
    // one class; merge until nothing changes.
    let mut class: Vec<usize> = (0..LABELS).collect();
    loop {
        let mut changed = false;
        for ls in &c.labels {
            for &a in ls {
                for &b in ls {
                    let (lo, hi) = (class[a].min(class[b]), class[a].max(class[b]));
                    for x in class.iter_mut() {
                        if *x == hi && hi != lo {
                            *x = lo;
                            changed = true;
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Groups: start from singletons and merge until nothing changes.
    let mut groups: Vec<BTreeSet<usize>> = origins
        .iter()
        .map(|o| {
            c.labels[o.source.0 as usize]
                .iter()
                .map(|&l| class[l] + 1000)
                .collect()
        })
        .collect();
    // Each group's key set holds its labels (offset) and its sources.
    for (g, o) in groups.iter_mut().zip(&origins) {
        g.insert(o.source.0 as usize);
    }
    loop {
        let mut merged = false;
        'outer: for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                if !groups[i].is_disjoint(&groups[j]) {
                    let g = groups.remove(j);
                    groups[i].extend(g);
                    merged = true;
                    break 'outer;
                }
            }
        }
        if !merged {
            break;
        }
    }
    let common_relays = common
        .unwrap_or_default()
        .into_iter()
        .filter(|&s| edges.iter().any(|(f, _)| *f == Vertex::named(s)))
        .collect();
    Model {
        origins,
        cycles,
        circular_sinks,
        groups: groups.len(),
        common_relays,
    }
}

/// The parts of an analysis that must not change when reports are duplicated.
fn shape(a: &Analysis) -> impl PartialEq + std::fmt::Debug {
    (
        a.independent_sources,
        a.groups.clone(),
        a.origins.clone(),
        a.common_relays.clone(),
        a.cycles.clone(),
        a.circular_sinks.clone(),
        (a.circular, a.single_source, a.anonymous_only, a.unsourced),
        a.graph.nodes.clone(),
        a.graph
            .edges
            .iter()
            .map(|e| (e.from, e.to))
            .collect::<Vec<_>>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn agrees_with_the_naive_model(c in claim()) {
        let a = run(&c);
        let m = model(&c);
        prop_assert_eq!(&a.origins, &m.origins);
        prop_assert_eq!(&a.cycles, &m.cycles);
        prop_assert_eq!(&a.circular_sinks, &m.circular_sinks);
        prop_assert_eq!(a.independent_sources, m.groups);
        prop_assert_eq!(&a.common_relays, &m.common_relays);
        prop_assert_eq!(a.independent_sources, a.groups.len());
        prop_assert_eq!(a.circular, !a.cycles.is_empty());
        prop_assert_eq!(a.unsourced, a.independent_sources == 0);
        prop_assert_eq!(a.single_source, a.independent_sources == 1);
        prop_assert_eq!(
            a.anonymous_only,
            !a.origins.is_empty() && a.origins.iter().all(|o| o.anonymous)
        );
        prop_assert_eq!(a.reports, c.chains.len());
        // Every origin is in exactly one group.
        let mut members: Vec<Vertex> = a.groups.iter().flat_map(|g| g.members.clone()).collect();
        members.sort();
        prop_assert_eq!(&members, &a.origins);
        // A circular sink exists whenever the claim is unsourced despite reports.
        if a.reports > 0 && a.unsourced {
            prop_assert!(!a.circular_sinks.is_empty());
        }
    }

    #[test]
    fn order_and_duplicates_do_not_matter(
        c in claim(),
        seed in any::<u64>(),
        dups in prop::collection::vec(any::<prop::sample::Index>(), 0..4),
    ) {
        let a = run(&c);
        // Permutation: a deterministic shuffle driven by the seed.
        let mut shuffled = c.clone();
        let mut s = seed | 1;
        for i in (1..shuffled.chains.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            shuffled.chains.swap(i, (s % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(&run(&shuffled), &a);
        // Duplicates: same shape, more reports.
        let mut doubled = shuffled;
        if !c.chains.is_empty() {
            for d in &dups {
                doubled.chains.push(d.get(&c.chains).clone());
            }
        }
        let b = run(&doubled);
        prop_assert_eq!(shape(&b), shape(&a));
        prop_assert_eq!(b.reports, doubled.chains.len());
    }

    #[test]
    fn bounded_by_distinct_last_named_hops(c in claim()) {
        let a = run(&c);
        prop_assert!(a.independent_sources <= last_named(&c).len());
    }

    #[test]
    fn adding_an_affiliation_never_raises_the_count(
        c in claim(),
        source in 0..SOURCES as usize,
        label in 0..LABELS,
    ) {
        let before = run(&c).independent_sources;
        let mut more = c.clone();
        more.labels[source].push(label);
        prop_assert!(run(&more).independent_sources <= before);
    }

    #[test]
    fn adding_an_alias_never_raises_the_count_except_a_circular_pair(
        c in claim(),
        a_id in 0..SOURCES,
        b_id in 0..SOURCES,
    ) {
        prop_assume!(a_id != b_id);
        let before = run(&c);
        let mut aliased = c.clone();
        for ch in &mut aliased.chains {
            for h in ch.iter_mut() {
                if *h == Hop::Named(SourceId(a_id)) {
                    *h = Hop::Named(SourceId(b_id));
                }
            }
        }
        let moved = aliased.labels[a_id as usize].clone();
        aliased.labels[b_id as usize].extend(moved);
        let after = run(&aliased);
        let mut pair = vec![SourceId(a_id), SourceId(b_id)];
        pair.sort();
        let collapsed = before.circular_sinks.contains(&pair);
        prop_assert!(
            after.independent_sources <= before.independent_sources + usize::from(collapsed),
            "before {} after {} collapsed {}",
            before.independent_sources,
            after.independent_sources,
            collapsed
        );
    }
}
