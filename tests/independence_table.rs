//! Table-driven tests of the independence engine: every case from the definition in
//! `docs/independence.md`, with the expected origins, groups, flags and count worked
//! out by hand, plus edge cases (self-loops, repeated sources, 64-hop chains, 10,000
//! reports, unicode names, empty input) and the explanation and tree text.

use corroborate::independence::{
    analyze, explain, render_tree, Analysis, Hop, Origin, Role, SourceView, TableView, Vertex,
};
use corroborate::source::SourceId;

/// A small world of sources: names are registered on first use; aliases resolve to
/// an existing id, as the store does before calling the engine.
#[derive(Default)]
struct World {
    view: TableView,
    aliases: Vec<(String, SourceId)>,
}

impl World {
    fn new() -> World {
        World::default()
    }

    /// Register a source with affiliation labels (before it is used in a chain).
    fn source(&mut self, name: &str, labels: &[&str]) -> SourceId {
        self.view.add(name, labels)
    }

    fn alias(&mut self, alias: &str, of: &str) {
        let id = self.id(of);
        self.aliases.push((alias.to_owned(), id));
    }

    fn id(&mut self, name: &str) -> SourceId {
        if let Some((_, id)) = self.aliases.iter().find(|(a, _)| a == name) {
            return *id;
        }
        match self.view.names.iter().position(|n| n == name) {
            Some(i) => SourceId(i as u32),
            None => self.view.add(name, &[]),
        }
    }

    /// "Blog via AP via ~an official" → resolved hops.
    fn chain(&mut self, text: &str) -> Vec<Hop> {
        text.split(" via ")
            .map(|h| match h.strip_prefix('~') {
                Some(_) => Hop::Anonymous,
                None => Hop::Named(self.id(h)),
            })
            .collect()
    }

    fn run(&mut self, chains: &[&str]) -> Analysis {
        let resolved: Vec<Vec<Hop>> = chains.iter().map(|c| self.chain(c)).collect();
        analyze(resolved.iter().map(Vec::as_slice), &self.view)
    }

    fn named(&mut self, name: &str) -> Origin {
        Vertex::named(self.id(name))
    }

    fn anon(&mut self, name: &str) -> Origin {
        Vertex::anonymous_of(self.id(name))
    }

    fn ids(&mut self, names: &[&str]) -> Vec<SourceId> {
        let mut v: Vec<SourceId> = names.iter().map(|n| self.id(n)).collect();
        v.sort();
        v
    }
}

fn role_of(a: &Analysis, v: Vertex) -> Role {
    let i = a.graph.index_of(v).expect("vertex in graph");
    a.graph.nodes[i].role
}

fn edge_reports(a: &Analysis, from: Vertex, to: Vertex) -> Option<usize> {
    let (f, t) = (a.graph.index_of(from)?, a.graph.index_of(to)?);
    a.graph
        .edges
        .iter()
        .find(|e| e.from == f && e.to == t)
        .map(|e| e.reports)
}

#[test]
fn three_outlets_citing_ap() {
    let mut w = World::new();
    let a = w.run(&["NYT via AP", "Guardian via AP", "Le Monde via AP"]);
    assert_eq!(a.reports, 3);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.named("AP")]);
    assert_eq!(a.common_relays, Vec::<SourceId>::new());
    assert!(a.single_source && !a.unsourced && !a.anonymous_only && !a.circular);
    assert_eq!(a.outlets, w.ids(&["NYT", "Guardian", "Le Monde"]));
    assert_eq!(role_of(&a, w.named("NYT")), Role::Outlet);
    assert_eq!(role_of(&a, w.named("AP")), Role::Origin);
    let e = explain(&a, &w.view);
    assert_eq!(
        e[0],
        "3 reports, 1 independent source: all three trace to AP."
    );
    assert_eq!(e.len(), 1, "{e:?}");
}

#[test]
fn all_reports_through_one_relay_is_a_single_point_of_failure() {
    let mut w = World::new();
    let a = w.run(&["NYT via AP via Khatib", "Guardian via AP via ~a witness"]);
    assert_eq!(a.independent_sources, 2);
    assert_eq!(a.origins, vec![w.anon("AP"), w.named("Khatib")]);
    assert_eq!(a.common_relays, w.ids(&["AP"]));
    let e = explain(&a, &w.view);
    assert!(
        e.contains(&"Every report passes through AP: it is a single point of failure.".into()),
        "{e:?}"
    );
}

fn palmyra(w: &mut World) -> Analysis {
    w.run(&[
        "Blog via Arutz Sheva via AP via Osama al-Khatib",
        "Blog via Washington Post via ~Syrian activists",
    ])
}

#[test]
fn palmyra_two_chains() {
    let mut w = World::new();
    let a = palmyra(&mut w);
    assert_eq!(a.independent_sources, 2);
    assert_eq!(
        a.origins,
        vec![w.named("Osama al-Khatib"), w.anon("Washington Post")]
    );
    assert_eq!(a.groups.len(), 2);
    assert!(!a.groups[0].anonymous_only);
    assert!(a.groups[1].anonymous_only);
    assert_eq!(a.groups[1].label(&w.view), "Washington Post");
    assert!(!a.single_source && !a.anonymous_only && !a.unsourced && !a.circular);
    // Blog is on both chains and cites others.
    assert_eq!(a.common_relays, w.ids(&["Blog"]));
    assert_eq!(a.graph.nodes.len(), 6);
    assert_eq!(a.graph.edges.len(), 5);
    assert_eq!(role_of(&a, w.named("Arutz Sheva")), Role::Relay);
    assert_eq!(role_of(&a, w.named("Washington Post")), Role::Relay);
    assert_eq!(
        role_of(&a, w.anon("Washington Post")),
        Role::AnonymousOrigin
    );
    let e = explain(&a, &w.view);
    assert_eq!(
        e,
        vec![
            "2 reports, 2 independent sources: Osama al-Khatib and an anonymous source vouched for by Washington Post.",
            "Washington Post vouches for an anonymous source; it counts in Washington Post's group.",
            "Every report passes through Blog: it is a single point of failure.",
        ]
    );
}

#[test]
fn palmyra_tree() {
    let mut w = World::new();
    let a = palmyra(&mut w);
    let expected = "\
Blog
├─ Arutz Sheva
│  └─ AP
│     └─ Osama al-Khatib [origin]
└─ Washington Post
   └─ anonymous source of Washington Post [anonymous origin]
";
    assert_eq!(render_tree(&a, &w.view), expected);
}

#[test]
fn alias_resolves_to_one_source() {
    let mut w = World::new();
    w.source("AP", &[]);
    w.alias("Associated Press", "AP");
    let a = w.run(&["NYT via AP", "Guardian via Associated Press"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.named("AP")]);
    assert_eq!(edge_reports(&a, w.named("NYT"), w.named("AP")), Some(1));
    assert_eq!(
        edge_reports(&a, w.named("Guardian"), w.named("AP")),
        Some(1)
    );
}

#[test]
fn affiliated_origins_rt_and_sputnik() {
    let mut w = World::new();
    w.source("RT", &["state-controlled:Russia"]);
    w.source("Sputnik", &["state-controlled:Russia"]);
    let a = w.run(&["Blog via RT", "Forum via Sputnik"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.named("RT"), w.named("Sputnik")]);
    assert_eq!(a.groups.len(), 1);
    let g = &a.groups[0];
    assert_eq!(g.members, vec![w.named("RT"), w.named("Sputnik")]);
    assert_eq!(g.shared_labels.len(), 1);
    assert_eq!(g.shared_labels[0].label, "state-controlled:Russia");
    assert_eq!(g.shared_labels[0].sources, w.ids(&["RT", "Sputnik"]));
    assert_eq!(g.label(&w.view), "state-controlled:Russia");
    let e = explain(&a, &w.view);
    assert_eq!(
        e,
        vec![
            "2 reports, 1 independent source: both trace to state-controlled:Russia (RT and Sputnik).",
            "RT and Sputnik count as one source: both carry the affiliation state-controlled:Russia.",
        ]
    );
}

#[test]
fn affiliation_of_relays_does_not_merge_origins() {
    let mut w = World::new();
    w.source("RT", &["state-controlled:Russia"]);
    w.source("Sputnik", &["state-controlled:Russia"]);
    let a = w.run(&["Blog via RT via X", "Forum via Sputnik via Y"]);
    assert_eq!(a.independent_sources, 2);
    assert!(a.groups.iter().all(|g| g.shared_labels.is_empty()));
}

#[test]
fn transitive_relay() {
    let mut w = World::new();
    let a = w.run(&["Blog via AP", "AP via Khatib", "CNN via Khatib"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.named("Khatib")]);
    // AP is the first hop of one report, so it is reader-facing, yet it cites
    // Khatib: its role is Outlet (not Origin).
    assert_eq!(role_of(&a, w.named("AP")), Role::Outlet);
    assert_eq!(a.common_relays, Vec::<SourceId>::new());
}

#[test]
fn pure_cycle() {
    let mut w = World::new();
    let a = w.run(&["A via B", "B via A"]);
    assert_eq!(a.independent_sources, 0);
    assert!(a.circular && a.unsourced && !a.single_source && !a.anonymous_only);
    assert!(a.origins.is_empty() && a.groups.is_empty());
    assert_eq!(a.cycles, vec![w.ids(&["A", "B"])]);
    assert_eq!(a.circular_sinks, vec![w.ids(&["A", "B"])]);
    assert_eq!(role_of(&a, w.named("A")), Role::Circular);
    assert!(a.graph.nodes.iter().all(|n| n.in_cycle));
    // Both are on every chain and cite someone.
    assert_eq!(a.common_relays, w.ids(&["A", "B"]));
    let e = explain(&a, &w.view);
    assert_eq!(
        e[0],
        "2 reports, 0 independent sources: every chain ends in circular reporting."
    );
    assert!(e.contains(
        &"Circular: A and B cite each other and nothing beyond, so they add no independent source."
            .into()
    ));
    let tree = render_tree(&a, &w.view);
    assert_eq!(
        tree,
        "A [circular]\n└─ B [circular]\n   └─ A [circular] ↺ (cycle: already on this path)\nB [circular] (see above)\n"
    );
}

#[test]
fn three_way_circular_sink() {
    let mut w = World::new();
    let a = w.run(&["A via B via C via A"]);
    assert_eq!(a.independent_sources, 0);
    assert_eq!(a.cycles, vec![w.ids(&["A", "B", "C"])]);
    let e = explain(&a, &w.view);
    assert!(e.contains(&"Circular: A, B and C cite one another in a loop and nothing beyond, so they add no independent source.".into()), "{e:?}");
}

#[test]
fn anonymous_vouched_by_two_unaffiliated_outlets() {
    let mut w = World::new();
    let a = w.run(&["WaPo via ~an official", "NYT via ~a diplomat"]);
    assert_eq!(a.independent_sources, 2);
    assert_eq!(a.origins, vec![w.anon("WaPo"), w.anon("NYT")]);
    assert!(a.anonymous_only);
    assert!(a.groups.iter().all(|g| g.anonymous_only));
    let e = explain(&a, &w.view);
    assert!(e.contains(
        &"No named origin: every origin is an anonymous source vouched for by an outlet.".into()
    ));
}

#[test]
fn anonymous_vouched_by_two_affiliated_outlets() {
    let mut w = World::new();
    w.source("Fox News", &["owner:Fox Corporation"]);
    w.source("WSJ", &["owner:News Corp", "owner:Fox Corporation"]);
    let a = w.run(&["Fox News via ~an insider", "WSJ via ~people familiar"]);
    assert_eq!(a.independent_sources, 1);
    assert!(a.anonymous_only && a.single_source);
    let g = &a.groups[0];
    assert!(g.anonymous_only);
    assert_eq!(g.members, vec![w.anon("Fox News"), w.anon("WSJ")]);
    assert_eq!(g.shared_labels.len(), 1);
    assert_eq!(g.shared_labels[0].label, "owner:Fox Corporation");
}

#[test]
fn anonymous_origin_groups_with_affiliated_named_origin() {
    let mut w = World::new();
    w.source("WaPo", &["owner:Bezos"]);
    w.source("Amazon", &["owner:Bezos"]);
    let a = w.run(&["WaPo via ~an official", "Blog via Amazon"]);
    assert_eq!(a.independent_sources, 1);
    assert!(!a.anonymous_only);
    assert!(!a.groups[0].anonymous_only);
}

#[test]
fn single_hop_outlet_is_the_origin() {
    let mut w = World::new();
    let a = w.run(&["Washington Post"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.named("Washington Post")]);
    let n = &a.graph.nodes[0];
    assert_eq!(n.role, Role::Origin);
    assert!(n.reader_facing);
    assert!(a.common_relays.is_empty());
    assert_eq!(
        explain(&a, &w.view),
        vec!["1 report, 1 independent source: it traces to Washington Post."]
    );
    assert_eq!(render_tree(&a, &w.view), "Washington Post [origin]\n");
}

#[test]
fn outlet_with_own_anonymous_source_and_a_cited_agency() {
    let mut w = World::new();
    let a = w.run(&["WaPo via ~an official", "WaPo via AP"]);
    assert_eq!(a.independent_sources, 2);
    assert_eq!(a.origins, vec![w.anon("WaPo"), w.named("AP")]);
    assert_eq!(role_of(&a, w.named("WaPo")), Role::Outlet);
    assert_eq!(a.common_relays, w.ids(&["WaPo"]));
}

#[test]
fn relayed_anonymous_source_counts_once() {
    let mut w = World::new();
    let a = w.run(&["NYT via WaPo", "WaPo via ~an official"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.anon("WaPo")]);
    assert!(a.anonymous_only);
    // NYT and WaPo are both reader-facing; WaPo is expanded under NYT first.
    assert_eq!(
        render_tree(&a, &w.view),
        "NYT\n└─ WaPo\n   └─ anonymous source of WaPo [anonymous origin]\nWaPo (see above)\n"
    );
}

#[test]
fn self_loop_is_dropped() {
    let mut w = World::new();
    let a = w.run(&["A via A"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.named("A")]);
    assert!(!a.circular && a.cycles.is_empty());
    assert!(a.graph.edges.is_empty());
}

#[test]
fn chain_repeating_a_source() {
    let mut w = World::new();
    let a = w.run(&["A via B via A via C"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.named("C")]);
    assert!(a.circular);
    assert_eq!(a.cycles, vec![w.ids(&["A", "B"])]);
    assert!(a.circular_sinks.is_empty());
    assert_eq!(role_of(&a, w.named("B")), Role::Relay);
    assert!(a.graph.nodes[a.graph.index_of(w.named("B")).unwrap()].in_cycle);
}

#[test]
fn cycle_that_is_not_a_sink() {
    let mut w = World::new();
    let a = w.run(&["A via B", "B via A", "B via C"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.named("C")]);
    assert!(a.circular && !a.unsourced);
    assert_eq!(a.cycles, vec![w.ids(&["A", "B"])]);
    assert!(a.circular_sinks.is_empty());
    let e = explain(&a, &w.view);
    assert!(e.contains(&"Circular: A and B cite each other; the loop also cites sources beyond it, which are counted.".into()), "{e:?}");
    let tree = render_tree(&a, &w.view);
    assert_eq!(
        tree,
        "A [cycle]\n└─ B [cycle]\n   ├─ A [cycle] ↺ (cycle: already on this path)\n   └─ C [origin]\nB [cycle] (see above)\n"
    );
}

#[test]
fn transitive_affiliation() {
    let mut w = World::new();
    w.source("X", &["l1"]);
    w.source("Y", &["l1", "l2"]);
    w.source("Z", &["l2"]);
    let a = w.run(&["P via X", "Q via Y", "R via Z"]);
    assert_eq!(a.independent_sources, 1);
    let g = &a.groups[0];
    assert_eq!(g.members.len(), 3);
    let labels: Vec<(&str, Vec<SourceId>)> = g
        .shared_labels
        .iter()
        .map(|l| (l.label.as_str(), l.sources.clone()))
        .collect();
    assert_eq!(
        labels,
        vec![("l1", w.ids(&["X", "Y"])), ("l2", w.ids(&["Y", "Z"]))]
    );
    assert_eq!(g.label(&w.view), "l1 + l2");
}

#[test]
fn labels_linked_by_a_relay_still_merge_origins() {
    // Y carries both labels but is only a relay here; the labels stay one class,
    // because affiliation is a fact about the registry, not about one claim's roles.
    let mut w = World::new();
    w.source("X", &["l1"]);
    w.source("Y", &["l1", "l2"]);
    w.source("Z", &["l2"]);
    let a = w.run(&["P via Y via X", "R via Z"]);
    assert_eq!(a.origins, vec![w.named("X"), w.named("Z")]);
    assert_eq!(a.independent_sources, 1);
    let g = &a.groups[0];
    assert_eq!(g.shared_labels.len(), 1);
    assert_eq!(g.shared_labels[0].label, "l1 / l2");
    assert!(g.shared_labels[0].linked);
    let text = explain(&a, &w.view);
    assert!(
        text.contains(&"X and Z count as one source: their affiliations l1 / l2 are held together by another source.".to_string()),
        "{text:?}"
    );
}

#[test]
fn anonymous_middle_hop_is_skipped() {
    let mut w = World::new();
    let a = w.run(&["Blog via ~an insider via AP"]);
    assert_eq!(a.origins, vec![w.named("AP")]);
    assert_eq!(edge_reports(&a, w.named("Blog"), w.named("AP")), Some(1));
    assert_eq!(a.graph.nodes.len(), 2);
}

#[test]
fn several_trailing_anonymous_hops() {
    let mut w = World::new();
    let a = w.run(&["Blog via AP via ~a fixer via ~a witness"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.anon("AP")]);
    assert_eq!(edge_reports(&a, w.named("AP"), w.anon("AP")), Some(1));
    assert!(a.graph.index_of(w.anon("Blog")).is_none());
}

#[test]
fn empty_input() {
    let w = World::new();
    let a = analyze(std::iter::empty::<&[Hop]>(), &w.view);
    assert_eq!(a.reports, 0);
    assert_eq!(a.independent_sources, 0);
    assert!(a.unsourced && !a.single_source && !a.anonymous_only && !a.circular);
    assert!(a.graph.nodes.is_empty() && a.common_relays.is_empty());
    assert_eq!(
        explain(&a, &w.view),
        vec!["No reports, so no independent source."]
    );
    assert_eq!(render_tree(&a, &w.view), "");
}

#[test]
fn malformed_chains_are_ignored() {
    let mut w = World::new();
    let good = w.chain("NYT via AP");
    let anonymous_first = vec![Hop::Anonymous, Hop::Named(w.id("AP"))];
    let empty: Vec<Hop> = Vec::new();
    let chains = [
        anonymous_first.as_slice(),
        empty.as_slice(),
        good.as_slice(),
    ];
    let a = analyze(chains, &w.view);
    assert_eq!(a.reports, 1);
    assert_eq!(a.rejected_chains, 2);
    assert_eq!(a.origins, vec![w.named("AP")]);
    let e = explain(&a, &w.view);
    assert_eq!(
        e.last().map(String::as_str),
        Some("2 chains ignored: a chain must start with a named outlet.")
    );
}

#[test]
fn sixty_four_hop_chain() {
    let mut w = World::new();
    let names: Vec<String> = (0..64).map(|i| format!("S{i}")).collect();
    let text = names.join(" via ");
    let a = w.run(&[&text]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.named("S63")]);
    assert_eq!(a.graph.edges.len(), 63);
    let relays: Vec<&str> = names[..63].iter().map(String::as_str).collect();
    assert_eq!(a.common_relays, w.ids(&relays));
    // A 64-hop loop back to the outlet is one circular sink.
    let mut looped = names[..63].to_vec();
    looped.push("S0".into());
    let a = w.run(&[&looped.join(" via ")]);
    assert_eq!(a.independent_sources, 0);
    assert_eq!(a.cycles.len(), 1);
    assert_eq!(a.cycles[0].len(), 63);
    let tree = render_tree(&a, &w.view);
    assert_eq!(tree.lines().count(), 64);
    // Outlet and 63 anonymous hops.
    let mut anon = vec!["Outlet"];
    anon.extend(std::iter::repeat_n("~someone", 63));
    let a = w.run(&[&anon.join(" via ")]);
    assert_eq!(a.origins, vec![w.anon("Outlet")]);
}

#[test]
fn ten_thousand_reports() {
    let mut w = World::new();
    let texts: Vec<String> = (0..10_000)
        .map(|i| format!("Outlet{} via Agency{} via Origin{}", i % 100, i % 7, i % 5))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let a = w.run(&refs);
    assert_eq!(a.reports, 10_000);
    assert_eq!(a.independent_sources, 5);
    assert_eq!(a.outlets.len(), 100);
    // Every report traverses exactly two edges.
    let total: usize = a.graph.edges.iter().map(|e| e.reports).sum();
    assert_eq!(total, 20_000);
    let e = edge_reports(&a, w.named("Agency0"), w.named("Origin0")).unwrap();
    // i ≡ 0 (mod 7) and i ≡ 0 (mod 5): i ≡ 0 (mod 35); 0..10_000 has 286 such.
    assert_eq!(e, 286);
    // The tree is capped.
    let tree = render_tree(&a, &w.view);
    assert!(tree.lines().count() <= 201, "{}", tree.lines().count());
    assert!(tree.ends_with("more sources not shown\n"), "{tree}");
}

#[test]
fn unicode_names() {
    let mut w = World::new();
    let a = w.run(&["Аль-Джазира via 新华社 via ~مصدر مطلع", "Blog via 新华社"]);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(a.origins, vec![w.anon("新华社")]);
    let e = explain(&a, &w.view);
    assert_eq!(
        e[0],
        "2 reports, 1 independent source: both trace to an anonymous source vouched for by 新华社."
    );
    assert!(render_tree(&a, &w.view).contains("anonymous source of 新华社 [anonymous origin]"));
}

#[test]
fn duplicate_reports_count_edges_per_report() {
    let mut w = World::new();
    let a = w.run(&["NYT via AP", "NYT via AP", "NYT via AP via AP"]);
    assert_eq!(a.reports, 3);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(edge_reports(&a, w.named("NYT"), w.named("AP")), Some(3));
    // A report that repeats an edge counts once on it.
    let a = w.run(&["A via B via A via B via C"]);
    assert_eq!(edge_reports(&a, w.named("A"), w.named("B")), Some(1));
}

#[test]
fn alias_collapsing_a_circular_pair_adds_a_source() {
    // The one way an alias can raise the count: A and B cite only each other
    // (circular, 0), and turn out to be one source, which then cites only itself
    // and so is an origin.
    let mut w = World::new();
    let before = w.run(&["A via B", "B via A", "D"]);
    assert_eq!(before.independent_sources, 1);
    let mut w = World::new();
    w.source("A", &[]);
    w.alias("B", "A");
    let after = w.run(&["A via B", "B via A", "D"]);
    assert_eq!(after.independent_sources, 2);
    assert!(!after.circular);
}

#[test]
fn analysis_through_a_trait_object() {
    let mut w = World::new();
    let chains = [w.chain("NYT via AP")];
    let view: &dyn SourceView = &w.view;
    let a = analyze(chains.iter().map(Vec::as_slice), view);
    assert_eq!(a.independent_sources, 1);
    assert_eq!(explain(&a, view).len(), 1);
}
