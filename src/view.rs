//! Views: what listings and `show` say about claims and sources, as plain serializable
//! structs built from stored data and the independence engine's analysis. Views are the
//! JSON contract of `claims`, `show` and `sources` (see `schemas/`); they do no I/O.

use serde::Serialize;

use crate::claim::Claim;
use crate::independence::{self, Analysis};
use crate::record::VerdictEntry;
use crate::report::Hop;
use crate::source::{Registry, Source};

/// One independence group among a claim's origins.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct OriginView {
    /// The group's label: a shared affiliation label, or the source's name.
    pub label: String,
    /// Member sources (an anonymous-vouched member is written "anonymous source of X").
    pub sources: Vec<String>,
    /// True when every member is an anonymous source vouched for by a named outlet.
    pub anonymous: bool,
}

/// A claim in a listing (`claims`): counts, origins and flags.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimSummary {
    /// Claim id (64 hex digits).
    pub id: String,
    /// Text as first seen.
    pub text: String,
    /// Number of reports.
    pub reports: usize,
    /// Number of independent sources.
    pub independent_sources: usize,
    /// One entry per independence group.
    pub origins: Vec<OriginView>,
    /// Every origin source's name, flattened.
    pub origin_names: Vec<String>,
    /// Relays on every chain of the claim.
    pub common_relays: Vec<String>,
    /// Exactly one independent source.
    pub single_source: bool,
    /// Every origin is an anonymous source.
    pub anonymous_only: bool,
    /// Zero independent sources.
    pub unsourced: bool,
    /// Some sources cite each other in a loop.
    pub circular: bool,
    /// The sources of each loop.
    pub cycles: Vec<Vec<String>>,
    /// Reports per independent source (how much the claim is echoed); reports when unsourced.
    pub echo: f64,
}

/// One hop in a `show` chain.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct HopView {
    /// Canonical source name, or the anonymous description.
    pub name: String,
    /// The name as written, when it differs from the canonical name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
    /// Anonymous source.
    pub anonymous: bool,
}

/// One report of a claim in `show`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ChainView {
    /// Report id.
    pub report: String,
    /// The chain as text ("A via B via ~an official").
    pub chain: String,
    /// The hops.
    pub hops: Vec<HopView>,
    /// Where it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// When it was added (UTC).
    pub added: String,
}

/// A verdict in `show`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct VerdictView {
    /// true / false / mixed / unproven.
    pub verdict: String,
    /// Reviewer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Fact-check URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Date of the verdict, or when it was recorded.
    pub date: String,
}

/// Everything `show` prints about one claim.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimDetail {
    /// The listing fields.
    #[serde(flatten)]
    pub summary: ClaimSummary,
    /// Every report's chain.
    pub chains: Vec<ChainView>,
    /// Sentences explaining the count.
    pub explanation: Vec<String>,
    /// The attribution graph as an indented tree.
    pub tree: String,
    /// Verdicts, oldest first.
    pub verdicts: Vec<VerdictView>,
}

/// A source in `sources`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SourceSummary {
    /// Canonical name.
    pub name: String,
    /// Aliases.
    pub aliases: Vec<String>,
    /// Kind.
    pub kind: String,
    /// Homepage.
    pub homepage: Option<String>,
    /// Affiliation labels.
    pub affiliations: Vec<String>,
    /// Rating in [0, 1].
    pub rating: Option<f64>,
    /// Claims it appears in.
    pub claims: usize,
}

/// Run the independence engine over a claim's reports.
pub fn analyze(claim: &Claim, reg: &Registry) -> Analysis {
    let chains: Vec<Vec<independence::Hop>> =
        claim.reports.iter().map(|r| r.engine_hops(reg)).collect();
    independence::analyze(chains.iter().map(Vec::as_slice), reg)
}

/// Build a claim's listing entry from its analysis.
pub fn summarize(claim: &Claim, a: &Analysis, reg: &Registry) -> ClaimSummary {
    let name = |id| reg.display_name(id).to_string();
    let origins: Vec<OriginView> = a
        .groups
        .iter()
        .map(|g| OriginView {
            label: g.label(reg),
            sources: g
                .members
                .iter()
                .map(|m| {
                    if m.anonymous {
                        format!("anonymous source of {}", name(m.source))
                    } else {
                        name(m.source)
                    }
                })
                .collect(),
            anonymous: g.anonymous_only,
        })
        .collect();
    let origin_names = origins.iter().flat_map(|o| o.sources.clone()).collect();
    ClaimSummary {
        id: claim.id.to_hex(),
        text: claim.text.clone(),
        reports: claim.reports.len(),
        independent_sources: a.independent_sources,
        origins,
        origin_names,
        common_relays: a.common_relays.iter().map(|s| name(*s)).collect(),
        single_source: a.single_source,
        anonymous_only: a.anonymous_only,
        unsourced: a.unsourced,
        circular: a.circular,
        cycles: a
            .cycles
            .iter()
            .map(|c| c.iter().map(|s| name(*s)).collect())
            .collect(),
        echo: echo(claim.reports.len(), a.independent_sources),
    }
}

/// Reports per independent source.
pub fn echo(reports: usize, sources: usize) -> f64 {
    if sources == 0 {
        reports as f64
    } else {
        reports as f64 / sources as f64
    }
}

/// Build the full `show` view.
pub fn detail(claim: &Claim, verdicts: &[VerdictEntry], reg: &Registry) -> ClaimDetail {
    let a = analyze(claim, reg);
    let chains = claim
        .reports
        .iter()
        .map(|r| ChainView {
            report: r.id.to_hex(),
            chain: r.chain_text(reg),
            hops: r
                .hops
                .iter()
                .map(|h| match h {
                    Hop::Named { source, written } => HopView {
                        name: reg.display_name(reg.canonical(*source)).to_string(),
                        written: written.clone(),
                        anonymous: false,
                    },
                    Hop::Anonymous(d) => HopView {
                        name: d.clone(),
                        written: None,
                        anonymous: true,
                    },
                })
                .collect(),
            url: r.url.clone(),
            published: r.published.clone(),
            added: crate::date::format_utc(r.added),
        })
        .collect();
    let mut explanation = independence::explain(&a, reg);
    // Which written names were merged into one source, and why.
    let mut merged: Vec<(String, String)> = claim
        .reports
        .iter()
        .flat_map(|r| r.hops.iter())
        .filter_map(|h| match h {
            Hop::Named {
                source,
                written: Some(w),
            } => Some((
                w.clone(),
                reg.display_name(reg.canonical(*source)).to_string(),
            )),
            _ => None,
        })
        .collect();
    merged.sort();
    merged.dedup();
    for (written, name) in merged {
        explanation.push(format!(
            "\"{written}\" is counted as {name}: it is an alias, domain or other spelling of it."
        ));
    }
    ClaimDetail {
        summary: summarize(claim, &a, reg),
        chains,
        explanation,
        tree: independence::render_tree(&a, reg),
        verdicts: verdicts
            .iter()
            .map(|v| VerdictView {
                verdict: v.verdict.as_str().to_string(),
                by: v.by.clone(),
                url: v.url.clone(),
                note: v.note.clone(),
                date: v
                    .date
                    .clone()
                    .unwrap_or_else(|| crate::date::format_utc(v.added)),
            })
            .collect(),
    }
}

/// Build a source's listing entry.
pub fn source_summary(s: &Source, claims: usize) -> SourceSummary {
    SourceSummary {
        name: s.name.clone(),
        aliases: s.aliases.clone(),
        kind: s.kind.as_str().to_string(),
        homepage: s.homepage.as_ref().map(|u| u.to_string()),
        affiliations: s.affiliations.clone(),
        rating: s.rating,
        claims,
    }
}

/// Which claims a listing keeps.
#[derive(Clone, Debug, Default)]
pub struct ClaimFilter {
    /// Only claims with exactly one independent source.
    pub single_source: bool,
    /// Only claims whose origins are all anonymous.
    pub anonymous_only: bool,
    /// Only claims with circular reporting.
    pub circular: bool,
    /// Only claims with zero independent sources.
    pub unsourced: bool,
    /// At least this many independent sources.
    pub min_sources: Option<usize>,
    /// At most this many independent sources.
    pub max_sources: Option<usize>,
}

impl ClaimFilter {
    /// Whether a claim with this summary is kept.
    pub fn keeps(&self, s: &ClaimSummary) -> bool {
        (!self.single_source || s.single_source)
            && (!self.anonymous_only || s.anonymous_only)
            && (!self.circular || s.circular)
            && (!self.unsourced || s.unsourced)
            && self.min_sources.is_none_or(|m| s.independent_sources >= m)
            && self.max_sources.is_none_or(|m| s.independent_sources <= m)
    }
}

/// How a claim listing is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimSort {
    /// By claim id (the store's order).
    #[default]
    Id,
    /// Most independent sources first.
    Sources,
    /// Most reports first.
    Reports,
    /// Most reports per independent source first (the most echoed claims).
    Echo,
}

/// Every claim that passes `filter`, analysed and sorted.
pub fn list_claims(
    db: &crate::db::Database,
    filter: &ClaimFilter,
    sort: ClaimSort,
) -> crate::Result<Vec<ClaimSummary>> {
    let reg = db.registry();
    let mut out = Vec::new();
    for c in db.claims() {
        let c = c?;
        let s = summarize(&c, &analyze(&c, reg), reg);
        if filter.keeps(&s) {
            out.push(s);
        }
    }
    match sort {
        ClaimSort::Id => {}
        ClaimSort::Sources => out.sort_by_key(|s| std::cmp::Reverse(s.independent_sources)),
        ClaimSort::Reports => out.sort_by_key(|s| std::cmp::Reverse(s.reports)),
        ClaimSort::Echo => out.sort_by(|a, b| b.echo.total_cmp(&a.echo)),
    }
    Ok(out)
}
