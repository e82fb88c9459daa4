//! The independence engine: for one claim, given the provenance chains of its reports
//! with every hop already resolved to a source, decide how many independent sources
//! support the claim, which flags apply (single source, anonymous only, unsourced,
//! circular reporting), which relays every report depends on, and why.
//!
//! The engine is pure: no I/O, no store, no printing. [`analyze`] builds the claim's
//! attribution graph (one node per source, plus one virtual node per outlet that
//! vouches for anonymous sources), condenses its strongly connected components, takes
//! the sink components as origins and merges origins into independence groups by
//! identity and shared affiliation labels. It does no string formatting; [`explain`]
//! and [`render_tree`] turn an [`Analysis`] into text. The full definition, with
//! worked examples, is in `docs/independence.md`.

mod explain;
mod scc;

pub use explain::{explain, render_tree, MAX_TREE_LINES};

/// Dense id of a source in one database (assigned in ledger order). Never shown to
/// users and never hashed: report ids hash canonical names, so they are the same in
/// every database. The registry (`crate::source`) assigns them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(pub u32);

/// One resolved hop of a report's chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hop {
    /// A source the report names, after alias resolution.
    Named(SourceId),
    /// A source the report does not name ("an official", "activists").
    Anonymous,
}

/// What the engine may know about sources.
pub trait SourceView {
    /// Display name of a source.
    fn name(&self, id: SourceId) -> &str;
    /// Group labels of a source (owner, state, …); empty if it has none.
    fn affiliations(&self, id: SourceId) -> &[String];
    /// The representative of `label`'s equivalence class. Labels are equivalent when
    /// one source carries both, transitively, across the whole registry (see
    /// [`label_classes`]). The default treats every label as its own class.
    fn label_class<'a>(&'a self, label: &'a str) -> &'a str {
        label
    }
}

/// Equivalence classes of affiliation labels: two labels are one class when some
/// source carries both (transitively). Returns each label that shares its class with
/// another, mapped to the class representative (its smallest label); labels alone in
/// their class are left out, so a missing label is its own representative.
pub fn label_classes<'a>(
    label_sets: impl IntoIterator<Item = &'a [String]>,
) -> std::collections::HashMap<String, String> {
    use std::collections::HashMap;
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut parent: Vec<usize> = Vec::new();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for set in label_sets {
        let mut first: Option<usize> = None;
        for label in set {
            let i = *index.entry(label.as_str()).or_insert_with(|| {
                names.push(label.as_str());
                parent.push(parent.len());
                parent.len() - 1
            });
            match first {
                None => first = Some(i),
                Some(f) => {
                    let (a, b) = (find(&mut parent, f), find(&mut parent, i));
                    // The root is the smallest label, so representatives are stable.
                    if names[a] <= names[b] {
                        parent[b] = a;
                    } else {
                        parent[a] = b;
                    }
                }
            }
        }
    }
    let roots: Vec<usize> = (0..names.len()).map(|i| find(&mut parent, i)).collect();
    let mut size = vec![0usize; names.len()];
    for &r in &roots {
        size[r] += 1;
    }
    let mut out = HashMap::new();
    for (i, &r) in roots.iter().enumerate() {
        if size[r] > 1 {
            out.insert(names[i].to_owned(), names[r].to_owned());
        }
    }
    out
}

/// A node of the attribution graph: a source, or the anonymous source(s) that a
/// source vouches for.
///
/// Ordered by source id, then named before anonymous, so every sorted list of
/// vertices is stable and "X" sits right before "anonymous source of X".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Vertex {
    /// The source, or for an anonymous vertex the outlet that vouches for it.
    pub source: SourceId,
    /// True for "anonymous source of `source`".
    pub anonymous: bool,
}

/// An origin of a claim: a sink of the attribution graph that is not part of a
/// circular sink component. `anonymous` means "anonymous source of `source`".
pub type Origin = Vertex;

impl Vertex {
    /// The named source itself.
    pub fn named(source: SourceId) -> Vertex {
        Vertex {
            source,
            anonymous: false,
        }
    }

    /// The anonymous source(s) `source` vouches for.
    pub fn anonymous_of(source: SourceId) -> Vertex {
        Vertex {
            source,
            anonymous: true,
        }
    }
}

/// An affiliation label that merged origins of different sources into one group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedLabel {
    /// The label as the registry spells it.
    pub label: String,
    /// The distinct origin sources of the group that carry it (at least two), sorted.
    pub sources: Vec<SourceId>,
    /// True when the origins carry different labels (joined with " / " in `label`)
    /// that another source of the registry carries together.
    pub linked: bool,
}

/// One independence group: origins that count as one source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginGroup {
    /// The origins in the group, sorted.
    pub members: Vec<Origin>,
    /// The labels that merged members of different sources, sorted by label. Empty
    /// when the group is a single source (possibly with its anonymous source).
    pub shared_labels: Vec<SharedLabel>,
    /// True when every member is an anonymous source vouched for by an outlet.
    pub anonymous_only: bool,
}

impl OriginGroup {
    /// Display label: the shared affiliation label(s) when members were merged by
    /// affiliation (joined with " + "), otherwise the source's name (for an anonymous
    /// origin, the name of the outlet that vouches for it).
    pub fn label<V: SourceView + ?Sized>(&self, view: &V) -> String {
        if self.shared_labels.is_empty() {
            let mut sources: Vec<SourceId> = self.members.iter().map(|m| m.source).collect();
            sources.dedup();
            let names: Vec<&str> = sources.iter().map(|&s| view.name(s)).collect();
            names.join(" + ")
        } else {
            let labels: Vec<&str> = self
                .shared_labels
                .iter()
                .map(|l| l.label.as_str())
                .collect();
            labels.join(" + ")
        }
    }

    /// The distinct sources of the members (vouching outlets for anonymous ones).
    pub fn sources(&self) -> Vec<SourceId> {
        let mut s: Vec<SourceId> = self.members.iter().map(|m| m.source).collect();
        s.dedup();
        s
    }
}

/// The part a node plays in the attribution graph.
///
/// When several apply, the first in this order wins: `Circular`, `AnonymousOrigin`,
/// `Origin`, `Outlet`, `Relay`. [`GraphNode::reader_facing`] and
/// [`GraphNode::in_cycle`] keep the facts the role hides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// First hop of some report, citing someone else.
    Outlet,
    /// Cites someone else and is not the first hop of any report.
    Relay,
    /// A named origin.
    Origin,
    /// "Anonymous source of X", an origin vouched for by X.
    AnonymousOrigin,
    /// A member of a circular sink component (cites only within its loop).
    Circular,
}

/// A node of [`Graph`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphNode {
    /// The source, or "anonymous source of" it.
    pub vertex: Vertex,
    /// Its part in the graph.
    pub role: Role,
    /// True when the node is the first hop of at least one report.
    pub reader_facing: bool,
    /// True when the node lies on a cycle (a strongly connected component of two or
    /// more nodes).
    pub in_cycle: bool,
}

/// An edge of [`Graph`]: `from` cites `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GraphEdge {
    /// Index of the citing node in [`Graph::nodes`].
    pub from: usize,
    /// Index of the cited node in [`Graph::nodes`].
    pub to: usize,
    /// How many reports traverse the edge (a report that repeats it counts once).
    pub reports: usize,
}

/// The merged attribution graph of a claim, for exporters (Graphviz) and
/// [`render_tree`]. Nodes are sorted by vertex; edges by (from, to).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    /// Nodes, sorted by [`Vertex`].
    pub nodes: Vec<GraphNode>,
    /// Edges, deduplicated, sorted by (from, to).
    pub edges: Vec<GraphEdge>,
}

impl Graph {
    /// Index of a vertex in [`Graph::nodes`], if present.
    pub fn index_of(&self, v: Vertex) -> Option<usize> {
        self.nodes.binary_search_by(|n| n.vertex.cmp(&v)).ok()
    }

    /// The edges leaving node `i` (a contiguous run, since edges are sorted).
    pub fn out_edges(&self, i: usize) -> &[GraphEdge] {
        let lo = self.edges.partition_point(|e| e.from < i);
        let hi = self.edges.partition_point(|e| e.from <= i);
        self.edges.get(lo..hi).unwrap_or(&[])
    }
}

/// The engine's answer for one claim. Every list is sorted by source id (vertices:
/// by source id, named before anonymous).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Reports analysed (chains accepted).
    pub reports: usize,
    /// Chains ignored because they were empty or began with an anonymous hop (the
    /// store rejects such chains; the engine skips them defensively).
    pub rejected_chains: usize,
    /// Number of independence groups among the origins.
    pub independent_sources: usize,
    /// The independence groups, sorted by their first member.
    pub groups: Vec<OriginGroup>,
    /// All origins (sinks outside circular components), sorted.
    pub origins: Vec<Origin>,
    /// Reader-facing outlets: first hops of the reports.
    pub outlets: Vec<SourceId>,
    /// Named sources, other than origins, that appear in every report's chain and
    /// cite someone: single points of failure.
    pub common_relays: Vec<SourceId>,
    /// True when the graph has any cycle.
    pub circular: bool,
    /// Sources of every cycle (strongly connected component of two or more
    /// sources), each sorted; the list sorted by first member.
    pub cycles: Vec<Vec<SourceId>>,
    /// The cycles that are sink components: they cite nothing beyond themselves and
    /// so contribute no independent source.
    pub circular_sinks: Vec<Vec<SourceId>>,
    /// Exactly one independent source.
    pub single_source: bool,
    /// There is at least one origin and every origin is anonymous.
    pub anonymous_only: bool,
    /// Zero independent sources.
    pub unsourced: bool,
    /// The merged attribution graph.
    pub graph: Graph,
}

/// Analyse one claim: `chains` yields each report's resolved chain (first hop the
/// reader-facing outlet, last hop the earliest known source); `view` supplies
/// affiliations. See the module documentation and `docs/independence.md`.
pub fn analyze<'a, V: SourceView + ?Sized>(
    chains: impl IntoIterator<Item = &'a [Hop]>,
    view: &V,
) -> Analysis {
    let mut reports = 0usize;
    let mut rejected = 0usize;
    // Every edge traversal, one entry per (report, distinct edge of that report).
    let mut all_edges: Vec<(Vertex, Vertex)> = Vec::new();
    let mut outlets: Vec<SourceId> = Vec::new();
    // Sources present in every chain so far (None before the first chain).
    let mut common: Option<Vec<SourceId>> = None;
    // Per-chain scratch buffers, reused.
    let mut chain_edges: Vec<(Vertex, Vertex)> = Vec::new();
    let mut chain_named: Vec<SourceId> = Vec::new();

    for chain in chains {
        let first = match chain.first() {
            Some(Hop::Named(s)) => *s,
            _ => {
                rejected += 1;
                continue;
            }
        };
        reports += 1;
        outlets.push(first);
        chain_edges.clear();
        chain_named.clear();
        let mut prev = first;
        chain_named.push(first);
        let mut trailing_anonymous = false;
        for hop in chain.iter().skip(1) {
            match *hop {
                Hop::Named(s) => {
                    trailing_anonymous = false;
                    if s != prev {
                        chain_edges.push((Vertex::named(prev), Vertex::named(s)));
                        chain_named.push(s);
                        prev = s;
                    }
                }
                Hop::Anonymous => trailing_anonymous = true,
            }
        }
        if trailing_anonymous {
            chain_edges.push((Vertex::named(prev), Vertex::anonymous_of(prev)));
        }
        chain_edges.sort_unstable();
        chain_edges.dedup();
        all_edges.extend_from_slice(&chain_edges);

        chain_named.sort_unstable();
        chain_named.dedup();
        match common.as_mut() {
            None => common = Some(chain_named.clone()),
            Some(c) => c.retain(|s| chain_named.binary_search(s).is_ok()),
        }
    }

    outlets.sort_unstable();
    outlets.dedup();

    // Vertices: outlets plus every edge endpoint.
    let mut vertices: Vec<Vertex> = Vec::with_capacity(outlets.len() + 2 * all_edges.len());
    vertices.extend(outlets.iter().map(|&s| Vertex::named(s)));
    all_edges.sort_unstable();
    // Deduplicate edges, counting reports per edge.
    let mut edges: Vec<(Vertex, Vertex, usize)> = Vec::new();
    for &(f, t) in &all_edges {
        match edges.last_mut() {
            Some(last) if last.0 == f && last.1 == t => last.2 += 1,
            _ => edges.push((f, t, 1)),
        }
    }
    drop(all_edges);
    for &(f, t, _) in &edges {
        vertices.push(f);
        vertices.push(t);
    }
    vertices.sort_unstable();
    vertices.dedup();
    let n = vertices.len();
    let idx = |v: &Vertex| vertices.binary_search(v).ok();

    // Edges as index pairs; sorted by (from, to) because the index map is monotone.
    let mut graph_edges: Vec<GraphEdge> = Vec::with_capacity(edges.len());
    for &(f, t, count) in &edges {
        if let (Some(from), Some(to)) = (idx(&f), idx(&t)) {
            graph_edges.push(GraphEdge {
                from,
                to,
                reports: count,
            });
        }
    }
    let mut offsets = vec![0usize; n + 1];
    for e in &graph_edges {
        if let Some(o) = offsets.get_mut(e.from + 1) {
            *o += 1;
        }
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let csr = scc::Csr {
        offsets,
        targets: graph_edges.iter().map(|e| e.to).collect(),
    };
    let (comp, n_comp) = scc::components(&csr);

    // Component sizes and sinks.
    let mut comp_size = vec![0usize; n_comp];
    let mut comp_sink = vec![true; n_comp];
    for (v, &c) in comp.iter().enumerate() {
        comp_size[c] += 1;
        if csr.successors(v).iter().any(|&w| comp[w] != c) {
            comp_sink[c] = false;
        }
    }

    // Cycles: components of two or more nodes. Virtual nodes have no out-edges and
    // so are never in one.
    let mut cycles: Vec<Vec<SourceId>> = Vec::new();
    let mut circular_sinks: Vec<Vec<SourceId>> = Vec::new();
    {
        let mut members: Vec<(usize, SourceId)> = comp
            .iter()
            .zip(&vertices)
            .filter(|(&c, _)| comp_size[c] > 1)
            .map(|(&c, v)| (c, v.source))
            .collect();
        members.sort_unstable();
        for run in members.chunk_by(|a, b| a.0 == b.0) {
            let c = run[0].0;
            let mut sources: Vec<SourceId> = run.iter().map(|&(_, s)| s).collect();
            sources.sort_unstable();
            if comp_sink[c] {
                circular_sinks.push(sources.clone());
            }
            cycles.push(sources);
        }
        cycles.sort_unstable();
        circular_sinks.sort_unstable();
    }

    // Origins: nodes of sink components of size one.
    let origins: Vec<Origin> = vertices
        .iter()
        .zip(&comp)
        .filter(|(_, &c)| comp_sink[c] && comp_size[c] == 1)
        .map(|(&v, _)| v)
        .collect();

    let groups = group_origins(&origins, view);

    let common_relays: Vec<SourceId> = common
        .unwrap_or_default()
        .into_iter()
        .filter(|&s| {
            idx(&Vertex::named(s))
                .map(|i| !csr.successors(i).is_empty())
                .unwrap_or(false)
        })
        .collect();

    let nodes: Vec<GraphNode> = vertices
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let c = comp[i];
            let in_cycle = comp_size[c] > 1;
            let reader_facing = !v.anonymous && outlets.binary_search(&v.source).is_ok();
            let role = if in_cycle && comp_sink[c] {
                Role::Circular
            } else if comp_sink[c] && v.anonymous {
                Role::AnonymousOrigin
            } else if comp_sink[c] {
                Role::Origin
            } else if reader_facing {
                Role::Outlet
            } else {
                Role::Relay
            };
            GraphNode {
                vertex: v,
                role,
                reader_facing,
                in_cycle,
            }
        })
        .collect();

    let independent_sources = groups.len();
    Analysis {
        reports,
        rejected_chains: rejected,
        independent_sources,
        anonymous_only: !origins.is_empty() && origins.iter().all(|o| o.anonymous),
        single_source: independent_sources == 1,
        unsourced: independent_sources == 0,
        groups,
        origins,
        outlets,
        common_relays,
        circular: !cycles.is_empty(),
        cycles,
        circular_sinks,
        graph: Graph {
            nodes,
            edges: graph_edges,
        },
    }
}

/// Merge origins into independence groups: same source, or an affiliation label of
/// the same class (labels carried together by any source are one class, transitively).
fn group_origins<V: SourceView + ?Sized>(origins: &[Origin], view: &V) -> Vec<OriginGroup> {
    let m = origins.len();
    let mut parent: Vec<usize> = (0..m).collect();

    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    fn union(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(parent, a), find(parent, b));
        // Keep the smaller index as root so roots are deterministic.
        if ra < rb {
            parent[rb] = ra;
        } else if rb < ra {
            parent[ra] = rb;
        }
    }

    // Same source: origins are sorted, so equal sources are adjacent.
    for i in 1..m {
        if origins[i].source == origins[i - 1].source {
            union(&mut parent, i - 1, i);
        }
    }

    // Shared labels: sort (label class, label, origin) triples and union each run of
    // one class (labels carried together by any source of the registry are one class).
    let mut pairs: Vec<(&str, &str, usize)> = Vec::new();
    for (i, o) in origins.iter().enumerate() {
        for label in view.affiliations(o.source) {
            pairs.push((view.label_class(label), label.as_str(), i));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    // (root found later, label, sources carrying it) for label classes carried by
    // two or more distinct sources.
    let mut merges: Vec<(usize, SharedLabel)> = Vec::new();
    for run in pairs.chunk_by(|a, b| a.0 == b.0) {
        let head = run[0].2;
        for &(_, _, i) in &run[1..] {
            union(&mut parent, head, i);
        }
        // Explain per label: each label carried by two or more origins.
        let mut labels: Vec<&str> = Vec::new();
        for sub in run.chunk_by(|a, b| a.1 == b.1) {
            labels.push(sub[0].1);
            let sources = distinct_sources(sub.iter().map(|&(_, _, i)| i), origins);
            if sources.len() > 1 {
                merges.push((
                    head,
                    SharedLabel {
                        label: sub[0].1.to_owned(),
                        sources,
                        linked: false,
                    },
                ));
            }
        }
        // Different labels of one class, none of the origins carrying two of them:
        // the link comes from another source of the registry; say so.
        let mut carriers: Vec<usize> = run.iter().map(|&(_, _, i)| i).collect();
        carriers.sort_unstable();
        let origin_bridges = carriers.windows(2).any(|w| w[0] == w[1]);
        let sources = distinct_sources(run.iter().map(|&(_, _, i)| i), origins);
        if labels.len() > 1 && !origin_bridges && sources.len() > 1 {
            merges.push((
                head,
                SharedLabel {
                    label: labels.join(" / "),
                    sources,
                    linked: true,
                },
            ));
        }
    }

    // Collect groups; roots are the smallest member index, so iterating origins in
    // order creates groups sorted by first member.
    let mut group_of_root: Vec<usize> = vec![usize::MAX; m];
    let mut groups: Vec<OriginGroup> = Vec::new();
    for (i, &o) in origins.iter().enumerate() {
        let r = find(&mut parent, i);
        let g = if group_of_root[r] == usize::MAX {
            group_of_root[r] = groups.len();
            groups.push(OriginGroup {
                members: Vec::new(),
                shared_labels: Vec::new(),
                anonymous_only: true,
            });
            groups.len() - 1
        } else {
            group_of_root[r]
        };
        if let Some(group) = groups.get_mut(g) {
            group.members.push(o);
            group.anonymous_only &= o.anonymous;
        }
    }
    for (head, shared) in merges {
        let r = find(&mut parent, head);
        if let Some(group) = group_of_root.get(r).and_then(|&g| groups.get_mut(g)) {
            group.shared_labels.push(shared);
        }
    }
    // Labels arrive in label order already (pairs were sorted by label).
    groups
}

/// The distinct sources of the origins at these indexes, sorted.
fn distinct_sources(idx: impl Iterator<Item = usize>, origins: &[Origin]) -> Vec<SourceId> {
    let mut sources: Vec<SourceId> = idx
        .filter_map(|i| origins.get(i).map(|o| o.source))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    sources
}

/// A [`SourceView`] backed by two vectors indexed by `SourceId`: handy for tests,
/// documentation examples and callers that already hold the registry in memory.
/// Unknown ids have the name "?" and no affiliations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableView {
    /// Display names, indexed by `SourceId.0`.
    pub names: Vec<String>,
    /// Affiliation labels, indexed by `SourceId.0` (may be shorter than `names`).
    pub affiliations: Vec<Vec<String>>,
    /// Label classes over all `affiliations` (recomputed by [`TableView::add`]).
    pub classes: std::collections::HashMap<String, String>,
}

impl TableView {
    /// Add a source with its affiliation labels; returns its id.
    pub fn add(&mut self, name: &str, labels: &[&str]) -> SourceId {
        let id = SourceId(self.names.len() as u32);
        self.names.push(name.to_owned());
        self.affiliations.resize(self.names.len() - 1, Vec::new());
        self.affiliations
            .push(labels.iter().map(|l| (*l).to_owned()).collect());
        self.classes = label_classes(self.affiliations.iter().map(Vec::as_slice));
        id
    }
}

impl SourceView for TableView {
    fn name(&self, id: SourceId) -> &str {
        self.names.get(id.0 as usize).map_or("?", String::as_str)
    }

    fn affiliations(&self, id: SourceId) -> &[String] {
        self.affiliations
            .get(id.0 as usize)
            .map_or(&[], Vec::as_slice)
    }

    fn label_class<'a>(&'a self, label: &'a str) -> &'a str {
        self.classes.get(label).map_or(label, String::as_str)
    }
}
