//! The independence engine (placeholder until the real engine lands: counts distinct
//! last named hops).

use crate::source::SourceId;

/// A resolved hop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hop {
    /// A source.
    Named(SourceId),
    /// An anonymous source.
    Anonymous,
}

/// What the engine may know about sources.
pub trait SourceView {
    /// Display name.
    fn name(&self, id: SourceId) -> &str;
    /// Affiliation labels.
    fn affiliations(&self, id: SourceId) -> &[String];
}

/// One origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The source (or the vouching source when anonymous).
    pub source: SourceId,
    /// Anonymous source of `source`.
    pub anonymous: bool,
}

/// One independence group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginGroup {
    /// Label.
    pub label: String,
    /// Members.
    pub members: Vec<Origin>,
    /// All members anonymous.
    pub anonymous_only: bool,
}

/// The result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Reports.
    pub reports: usize,
    /// Count.
    pub independent_sources: usize,
    /// Groups.
    pub groups: Vec<OriginGroup>,
    /// Common relays.
    pub common_relays: Vec<SourceId>,
    /// Circular.
    pub circular: bool,
    /// Cycles.
    pub cycles: Vec<Vec<SourceId>>,
    /// Flag.
    pub single_source: bool,
    /// Flag.
    pub anonymous_only: bool,
    /// Flag.
    pub unsourced: bool,
}

/// Analyze.
pub fn analyze<'a, V: SourceView>(
    chains: impl IntoIterator<Item = &'a [Hop]>,
    view: &V,
) -> Analysis {
    let mut a = Analysis::default();
    let mut last = Vec::new();
    for c in chains {
        a.reports += 1;
        if let Some(Hop::Named(s)) = c.iter().rev().find(|h| matches!(h, Hop::Named(_))) {
            last.push(*s);
        }
    }
    last.sort();
    last.dedup();
    for s in last {
        a.groups.push(OriginGroup {
            label: view.name(s).to_string(),
            members: vec![Origin {
                source: s,
                anonymous: false,
            }],
            anonymous_only: false,
        });
    }
    a.independent_sources = a.groups.len();
    a.single_source = a.independent_sources == 1;
    a.unsourced = a.independent_sources == 0;
    a
}

/// Explain.
pub fn explain<V: SourceView>(a: &Analysis, _view: &V) -> Vec<String> {
    vec![format!(
        "{} reports, {} independent sources.",
        a.reports, a.independent_sources
    )]
}

/// Tree.
pub fn render_tree<V: SourceView>(_a: &Analysis, _view: &V) -> String {
    String::new()
}
