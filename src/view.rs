//! Views: what listings and `show` say about claims and sources, as plain serializable
//! structs built from stored data and the independence engine's analysis. Views are the
//! JSON contract of `claims`, `show` and `sources` (see `schemas/`); they do no I/O.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use crate::claim::ClaimId;
use crate::credibility::{self, Credibility, GroupSupport, TrackRecord};
use crate::date::report_date;
use crate::find::{DateRange, Sightings, TextQuery};
use crate::independence::{self, Analysis};
use crate::record::VerdictEntry;
use crate::report::Claim;
use crate::report::Hop;
use crate::source::{Registry, Source, SourceId};

/// One independence group among a claim's origins.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct OriginView {
    /// The group's label: a shared affiliation label, or the source's name.
    pub label: String,
    /// Member sources (an anonymous-vouched member is written "anonymous source of X").
    pub sources: Vec<String>,
    /// True when every member is an anonymous source vouched for by a named outlet.
    pub anonymous: bool,
}

/// A claim in a listing (`claims`): counts, origins and flags. By default a row is a
/// claim group (every wording linked as the same claim, see `docs/matching.md`): `id`
/// and `text` are its representative's, the earliest recorded wording.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct ClaimSummary {
    /// Claim id (64 hex digits).
    pub id: String,
    /// The id of the claim's group (its earliest recorded wording; the claim's own id
    /// when it is linked to no other).
    pub group: String,
    /// Number of wordings in the group (1 when unlinked).
    pub variants: usize,
    /// Text as first seen.
    pub text: String,
    /// Number of reports.
    pub reports: usize,
    /// The earliest date among its reports: a report's publication date as written
    /// when it has one, else when it was recorded (`YYYY-MM-DDTHH:MM:SSZ`, UTC).
    pub first_seen: String,
    /// The latest date among its reports, by the same rule.
    pub last_seen: String,
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
    /// Support in [0, 1]: `1 − Π_g (1 − c_g)` over the independence groups, where c_g is
    /// the group's credibility (see `docs/credibility.md`); 0 when unsourced.
    pub support: f64,
    /// Support with every group at the low end of its credibility's 90 % interval.
    pub support_low: f64,
    /// Support with every group at the high end of its credibility's 90 % interval.
    pub support_high: f64,
}

/// One hop in a `show` chain.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
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
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct ChainView {
    /// Report id.
    pub report: String,
    /// The id of the wording this report carried (one of the group's `variants`).
    pub claim: String,
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
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
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
    /// Ledger offset of the verdict's entry: its identity (`retract verdict`).
    pub entry: u64,
}

/// Everything `show` prints about one claim.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
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
    /// How each independence group contributes to `support`, in the order of `origins`.
    pub support_groups: Vec<GroupSupport>,
    /// Every wording in the claim's group, the representative first, with why it is
    /// counted as this claim.
    pub wordings: Vec<WordingView>,
}

/// One wording of a claim group in `show`.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct WordingView {
    /// The wording's claim id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its reports.
    pub reports: usize,
    /// Why it is in the group, for people.
    pub why: String,
    /// `representative`, `person` or `matcher`.
    pub by: String,
    /// The matcher's score, model and threshold, when it joined the wording.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f32>,
}

/// A source in `sources`.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
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
    /// Posterior mean credibility (rating prior updated by the track record).
    pub credibility: f64,
    /// Number of claims in its blast radius (see [`SourceDetail::blast_radius`]).
    pub blast_radius: usize,
}

/// Run the independence engine over a claim's reports.
pub fn analyze(claim: &Claim, reg: &Registry) -> Analysis {
    let chains: Vec<Vec<independence::Hop>> =
        claim.reports.iter().map(|r| r.engine_hops(reg)).collect();
    independence::analyze(chains.iter().map(Vec::as_slice), reg)
}

/// Build a claim's listing entry, with support from the credibility in `cred`.
pub fn summarize(
    claim: &Claim,
    a: &Analysis,
    reg: &Registry,
    cred: &CredibilityIndex,
) -> ClaimSummary {
    let mut seen = Sightings::default();
    for r in &claim.reports {
        seen.add(report_date(r.published.as_deref(), r.added));
    }
    summary(
        claim.id,
        (claim.id, 1),
        &claim.text,
        (claim.reports.len(), &seen),
        a,
        reg,
        cred,
    )
}

/// A listing entry from the parts of a claim it shows; `group` is the group's id and
/// number of wordings, `reports` the number of reports and their first and last dates.
fn summary(
    id: crate::claim::ClaimId,
    group: (ClaimId, usize),
    text: &str,
    (reports, seen): (usize, &Sightings),
    a: &Analysis,
    reg: &Registry,
    cred: &CredibilityIndex,
) -> ClaimSummary {
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
    let (support_low, support_high) = credibility::support_interval(a, &|s| cred.bounds(reg, s));
    ClaimSummary {
        id: id.to_hex(),
        group: group.0.to_hex(),
        variants: group.1,
        text: text.to_string(),
        reports,
        first_seen: seen.first(),
        last_seen: seen.last(),
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
        echo: echo(reports, a.independent_sources),
        support: credibility::support(a, &|s| cred.mean(reg, s)),
        support_low,
        support_high,
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

/// Build the full `show` view, with support from ratings alone (see [`claim_detail`]
/// for support that includes the sources' track records).
pub fn detail(claim: &Claim, verdicts: &[VerdictEntry], reg: &Registry) -> ClaimDetail {
    detail_with(claim, verdicts, reg, &CredibilityIndex::default())
}

/// The full `show` view of a claim in the database, with support from every source's
/// credibility (rating and track record).
/// `id` may be any wording of a group: the detail is the whole group's.
pub fn claim_detail(db: &crate::db::Database, id: &ClaimId) -> crate::Result<ClaimDetail> {
    let groups = db.groups()?;
    let (claim, wording) = db.group_claim(&groups, id)?;
    let cred = CredibilityIndex::build_with(db, &groups)?;
    let mut d = detail_with(
        &claim,
        &db.group_verdicts(&groups, id)?,
        db.registry(),
        &cred,
    );
    let members = groups.members(id);
    d.summary.variants = members.len();
    for (c, w) in d.chains.iter_mut().zip(&wording) {
        c.claim = w.to_hex();
    }
    if members.len() > 1 {
        d.wordings = members
            .iter()
            .map(|m| {
                let text = if *m == claim.id {
                    claim.text.clone()
                } else {
                    db.claim(m).map(|c| c.text).unwrap_or_default()
                };
                wording_view(
                    &groups,
                    &claim.id,
                    m,
                    text,
                    wording.iter().filter(|w| *w == m).count(),
                )
            })
            .collect();
        let short = |c: &ClaimId| c.to_hex()[..12].to_string();
        d.explanation.insert(
            0,
            format!(
                "{} wordings are counted as this one claim (its reports are theirs together); `wordings` says why each is in.",
                members.len()
            ),
        );
        for r in groups.refused() {
            if members.contains(&r.link.a) || members.contains(&r.link.b) {
                d.explanation.push(format!(
                    "Claims {} and {} were matched (score {:.3}) but are not counted as one: {} marked {} and {} as different claims.",
                    short(&r.link.a),
                    short(&r.link.b),
                    r.link.score.unwrap_or(0.0),
                    if r.because.person { "a person" } else { "the matcher" },
                    short(&r.because.a),
                    short(&r.because.b)
                ));
            }
        }
    }
    Ok(d)
}

/// Why wording `m` is in the group whose representative is `rep`.
fn wording_view(
    groups: &crate::groups::Groups,
    rep: &ClaimId,
    m: &ClaimId,
    text: String,
    reports: usize,
) -> WordingView {
    let mut v = WordingView {
        id: m.to_hex(),
        text,
        reports,
        why: "the group's representative: its earliest recorded wording".to_string(),
        by: "representative".to_string(),
        score: None,
        model: None,
        threshold: None,
    };
    if m == rep {
        return v;
    }
    let short = |c: &ClaimId| c.to_hex()[..12].to_string();
    let joined = groups.group_of(m).into_iter().flat_map(|g| &g.joined_by);
    // A person's link of this wording first, else the matcher's best.
    let mut best: Option<&crate::store::StoredLink> = None;
    for l in joined.filter(|l| l.a == *m || l.b == *m) {
        let better = match best {
            None => true,
            Some(b) => (l.person && !b.person) || (l.person == b.person && l.score > b.score),
        };
        if better {
            best = Some(l);
        }
    }
    if let Some(l) = best {
        let other = if l.a == *m { l.b } else { l.a };
        if l.person {
            v.by = "person".into();
            v.why = format!(
                "confirmed by a person as the same claim as {} (ledger offset {})",
                short(&other),
                l.entry
            );
        } else {
            v.by = "matcher".into();
            v.score = l.score;
            v.model = l.model.clone();
            v.threshold = l.threshold;
            v.why = format!(
                "matched automatically with {}: score {:.3} ≥ threshold {:.3}, model {}",
                short(&other),
                l.score.unwrap_or(0.0),
                l.threshold.unwrap_or(0.0),
                l.model.as_deref().unwrap_or("?")
            );
        }
    }
    v
}

/// Build the full `show` view with support from `cred`.
pub fn detail_with(
    claim: &Claim,
    verdicts: &[VerdictEntry],
    reg: &Registry,
    cred: &CredibilityIndex,
) -> ClaimDetail {
    let a = analyze(claim, reg);
    let chains = claim
        .reports
        .iter()
        .map(|r| ChainView {
            report: r.id.to_hex(),
            claim: claim.id.to_hex(),
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
        wordings: vec![WordingView {
            id: claim.id.to_hex(),
            text: claim.text.clone(),
            reports: claim.reports.len(),
            why: "the group's representative: its earliest recorded wording".to_string(),
            by: "representative".to_string(),
            score: None,
            model: None,
            threshold: None,
        }],
        summary: summarize(claim, &a, reg, cred),
        support_groups: credibility::support_breakdown(&a, reg, &|s| cred.mean(reg, s)),
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
                entry: v.seq,
            })
            .collect(),
    }
}

/// Build a source's listing entry (credibility from its rating alone, blast radius 0;
/// [`list_sources`] fills both in).
pub fn source_summary(s: &Source, claims: usize) -> SourceSummary {
    SourceSummary {
        name: s.name.clone(),
        aliases: s.aliases.clone(),
        kind: s.kind.as_str().to_string(),
        homepage: s.homepage.as_ref().map(|u| u.to_string()),
        affiliations: s.affiliations.clone(),
        rating: s.rating,
        claims,
        credibility: Credibility::from_record(s.rating, &TrackRecord::default()).mean,
        blast_radius: 0,
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
    /// At least this support.
    pub min_support: Option<f64>,
    /// At most this support.
    pub max_support: Option<f64>,
    /// Only claim groups one of whose wordings contains all these words
    /// ([`TextQuery`]).
    pub grep: Option<TextQuery>,
    /// Only claim groups with at least one report dated in this range
    /// ([`crate::date::report_date`]).
    pub dates: DateRange,
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
            && self.min_support.is_none_or(|m| s.support >= m)
            && self.max_support.is_none_or(|m| s.support <= m)
    }

    /// Whether a claim group with these wordings' texts and these report dates can
    /// be kept (checked before the engine runs, which [`ClaimFilter::keeps`] needs).
    pub fn keeps_texts_dates<'a>(
        &self,
        mut texts: impl Iterator<Item = &'a str>,
        dates: &[(i64, String)],
    ) -> bool {
        self.grep
            .as_ref()
            .is_none_or(|q| texts.any(|t| q.matches(t)))
            && (self.dates.is_open() || dates.iter().any(|d| self.dates.contains(d.0)))
    }
}

/// How a claim listing is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClaimSort {
    /// By claim id.
    #[default]
    Id,
    /// Most independent sources first.
    Sources,
    /// Most reports first.
    Reports,
    /// Most reports per independent source first (the most echoed claims).
    Echo,
    /// Highest support first, by the low end of its interval (`support_low`), then
    /// by support: what rests on evidence ranks above what rests on no rating.
    Support,
}

impl crate::choice::Choice for ClaimSort {
    const WHAT: &'static str = "sort";
    const CHOICES: &'static [(Self, &'static str, &'static str)] = &[
        (ClaimSort::Id, "id", "By claim id"),
        (ClaimSort::Sources, "sources", "Most independent sources first"),
        (ClaimSort::Reports, "reports", "Most reports first"),
        (
            ClaimSort::Echo,
            "echo",
            "Most reports per independent source first (the most echoed claims)",
        ),
        (
            ClaimSort::Support,
            "support",
            "Highest support first, by the low end of its interval (`support_low`), then by support: what rests on evidence ranks above what rests on no rating",
        ),
    ];
}

/// One claim group's reports as a listing sees them: the representative's text,
/// every wording's text, the dates of its reports (empty unless asked for), and its
/// numbers of reports and wordings.
struct GroupRows<'a> {
    id: ClaimId,
    text: &'a str,
    texts: &'a [String],
    dates: &'a [(i64, String)],
    reports: usize,
    variants: usize,
}

/// Visit every claim in record order with its hops canonicalised (merges followed)
/// and, when `dated`, its reports' dates (one ledger read per report).
fn scan_claims(
    db: &crate::db::Database,
    dated: bool,
    mut f: impl FnMut(
        ClaimId,
        &str,
        &[std::ops::Range<usize>],
        &[independence::Hop],
        &[(i64, String)],
    ) -> crate::Result<()>,
) -> crate::Result<()> {
    let reg = db.registry();
    let canon = |hops: &mut [independence::Hop]| {
        for h in hops.iter_mut() {
            if let independence::Hop::Named(s) = h {
                *s = reg.canonical(*s);
            }
        }
    };
    if dated {
        db.scan_dated(|id, text, ranges, hops, dates| {
            canon(hops);
            f(id, text, ranges, hops, dates)
        })
    } else {
        db.scan_chains(|id, text, ranges, hops| {
            canon(hops);
            f(id, text, ranges, hops, &[])
        })
    }
}

/// Analyse every claim group: `f` gets the group ([`GroupRows`]) and the analysis of
/// all its members' reports together, in the order the group's last member was first
/// recorded. `pre` decides from the texts and dates whether a group is worth the
/// engine's time. Unlinked claims cost what they cost before; a group's members are
/// held until its last member is read.
fn analyze_groups(
    db: &crate::db::Database,
    groups: &crate::groups::Groups,
    dated: bool,
    pre: impl Fn(&GroupRows) -> bool,
    mut f: impl FnMut(&GroupRows, &Analysis) -> crate::Result<()>,
) -> crate::Result<()> {
    #[derive(Default)]
    struct Pending {
        text: String,
        texts: Vec<String>,
        dates: Vec<(i64, String)>,
        chains: Vec<Vec<independence::Hop>>,
        seen: usize,
    }
    let reg = db.registry();
    let mut pending: HashMap<ClaimId, Pending> = HashMap::new();
    scan_claims(db, dated, |id, text, ranges, hops, dates| {
        match groups.group_of(&id) {
            None => {
                let texts = [text.to_string()];
                let g = GroupRows {
                    id,
                    text,
                    texts: &texts,
                    dates,
                    reports: ranges.len(),
                    variants: 1,
                };
                if pre(&g) {
                    let a = independence::analyze(ranges.iter().map(|r| &hops[r.clone()]), reg);
                    f(&g, &a)?;
                }
                Ok(())
            }
            Some(grp) => {
                let gid = grp.members[0];
                let p = pending.entry(gid).or_default();
                if id == gid {
                    p.text = text.to_string();
                }
                p.texts.push(text.to_string());
                p.dates.extend_from_slice(dates);
                p.chains
                    .extend(ranges.iter().map(|r| hops[r.clone()].to_vec()));
                p.seen += 1;
                if p.seen == grp.members.len() {
                    let p = pending.remove(&gid).expect("held above");
                    let g = GroupRows {
                        id: gid,
                        text: &p.text,
                        texts: &p.texts,
                        dates: &p.dates,
                        reports: p.chains.len(),
                        variants: grp.members.len(),
                    };
                    if pre(&g) {
                        let a = independence::analyze(p.chains.iter().map(Vec::as_slice), reg);
                        f(&g, &a)?;
                    }
                }
                Ok(())
            }
        }
    })
}

/// Run the independence engine over chains given as engine hops with stored source
/// ids (merges are followed here, in place) in one flat buffer, one range per report,
/// in the order the reports were recorded.
pub fn analyze_chains(
    hops: &mut [independence::Hop],
    ranges: &[std::ops::Range<usize>],
    reg: &Registry,
) -> Analysis {
    for h in hops.iter_mut() {
        if let independence::Hop::Named(s) = h {
            *s = reg.canonical(*s);
        }
    }
    independence::analyze(ranges.iter().map(|r| &hops[r.clone()]), reg)
}

/// The listing entry (`claims`) of a claim group from all its members' reports'
/// chains ([`analyze_chains`]): `id` and `text` are the group's (those of its
/// earliest-recorded member), `variants` its number of wordings, and every range is
/// one report, in the order recorded; `dates` has each report's date
/// ([`crate::date::report_date`]; any order). What `claims` computes for a group, for
/// the Spark engine (`columnar::Engine`).
#[allow(clippy::too_many_arguments)]
pub fn summarize_chains(
    id: ClaimId,
    variants: usize,
    text: &str,
    hops: &mut [independence::Hop],
    ranges: &[std::ops::Range<usize>],
    dates: &[(i64, String)],
    reg: &Registry,
    cred: &CredibilityIndex,
) -> ClaimSummary {
    let a = analyze_chains(hops, ranges, reg);
    summary(
        id,
        (id, variants),
        text,
        (ranges.len(), &sightings(dates)),
        &a,
        reg,
        cred,
    )
}

/// The first and last of these report dates.
fn sightings(dates: &[(i64, String)]) -> Sightings {
    let mut s = Sightings::default();
    for d in dates {
        s.add(d.clone());
    }
    s
}

/// Every claim group that passes `filter`, analysed and sorted: one row per group
/// (`by_text` false), or one row per wording (`by_text` true; each row still names
/// its group and the group's number of wordings).
pub fn list_claims(
    db: &crate::db::Database,
    filter: &ClaimFilter,
    sort: ClaimSort,
) -> crate::Result<Vec<ClaimSummary>> {
    list_claims_as(db, filter, sort, false)
}

/// [`list_claims`], choosing rows per group or per wording.
pub fn list_claims_as(
    db: &crate::db::Database,
    filter: &ClaimFilter,
    sort: ClaimSort,
    by_text: bool,
) -> crate::Result<Vec<ClaimSummary>> {
    let reg = db.registry();
    let groups = db.groups()?;
    let cred = CredibilityIndex::build_with(db, &groups)?;
    let mut out = Vec::new();
    if by_text {
        scan_claims(db, true, |id, text, ranges, hops, dates| {
            if !filter.keeps_texts_dates(std::iter::once(text), dates) {
                return Ok(());
            }
            let a = independence::analyze(ranges.iter().map(|r| &hops[r.clone()]), reg);
            let g = (groups.group_id(&id), groups.members(&id).len());
            let s = summary(
                id,
                g,
                text,
                (ranges.len(), &sightings(dates)),
                &a,
                reg,
                &cred,
            );
            if filter.keeps(&s) {
                out.push(s);
            }
            Ok(())
        })?;
    } else {
        analyze_groups(
            db,
            &groups,
            true,
            |g| filter.keeps_texts_dates(g.texts.iter().map(String::as_str), g.dates),
            |g, a| {
                let s = summary(
                    g.id,
                    (g.id, g.variants),
                    g.text,
                    (g.reports, &sightings(g.dates)),
                    a,
                    reg,
                    &cred,
                );
                if filter.keeps(&s) {
                    out.push(s);
                }
                Ok(())
            },
        )?;
    }
    // The store keeps claims in the order they were first recorded; ties of the other
    // orders stay in id order.
    out.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    match sort {
        ClaimSort::Id => {}
        ClaimSort::Sources => out.sort_by_key(|s| std::cmp::Reverse(s.independent_sources)),
        ClaimSort::Reports => out.sort_by_key(|s| std::cmp::Reverse(s.reports)),
        ClaimSort::Echo => out.sort_by(|a, b| b.echo.total_cmp(&a.echo)),
        // By what the claim is worth at the least, so that a claim resting on an
        // unrated source (support 0.5, low end 0.05) ranks below one resting on a
        // rated source; the point support breaks ties.
        ClaimSort::Support => out.sort_by(|a, b| {
            b.support_low
                .total_cmp(&a.support_low)
                .then(b.support.total_cmp(&a.support))
        }),
    }
    Ok(out)
}

// ---- credibility, track records, blast radius ---------------------------------------

/// Every source's track record, computed once per command from the verdicts (verdict
/// claims are few: each is analysed once), and the credibility derived from it.
#[derive(Clone, Debug, Default)]
pub struct CredibilityIndex {
    records: HashMap<SourceId, TrackRecord>,
    /// Credible intervals computed so far, by source (quantiles cost a bisection).
    bounds: std::cell::RefCell<HashMap<SourceId, (f64, f64)>>,
}

impl CredibilityIndex {
    /// Read every verdict, decide each judged claim's outcome
    /// ([`credibility::consensus`]) and credit it to each distinct origin source of
    /// the claim (named origins and outlets vouching for anonymous origins).
    pub fn build(db: &crate::db::Database) -> crate::Result<CredibilityIndex> {
        Self::build_with(db, &db.groups()?)
    }

    /// [`CredibilityIndex::build`] with the claim groups read already: verdicts on any
    /// wording of a group judge the group, whose origins are credited once.
    pub fn build_with(
        db: &crate::db::Database,
        groups: &crate::groups::Groups,
    ) -> crate::Result<CredibilityIndex> {
        let reg = db.registry();
        let mut by_group: std::collections::BTreeMap<ClaimId, Vec<VerdictEntry>> =
            Default::default();
        for v in db.verdicts() {
            let v = v?;
            by_group
                .entry(groups.group_id(&v.claim))
                .or_default()
                .push(v);
        }
        let mut records: HashMap<SourceId, TrackRecord> = HashMap::new();
        for (id, mut verdicts) in by_group {
            verdicts.sort_by_key(|v| v.seq);
            let outcome = credibility::consensus(&verdicts);
            let (claim, _) = db.group_claim(groups, &id)?;
            let a = analyze(&claim, reg);
            let sources: BTreeSet<SourceId> = a.origins.iter().map(|o| o.source).collect();
            for s in sources {
                records.entry(s).or_default().add(outcome);
            }
        }
        Ok(CredibilityIndex::from_records(records))
    }

    /// An index of the given track records (by live source id), such as those
    /// exported to `sources.parquet`.
    pub fn from_records(records: HashMap<SourceId, TrackRecord>) -> CredibilityIndex {
        CredibilityIndex {
            records,
            bounds: Default::default(),
        }
    }

    /// A source's track record (empty when it originated no judged claim).
    pub fn track_record(&self, id: SourceId) -> TrackRecord {
        self.records.get(&id).copied().unwrap_or_default()
    }

    /// A source's full credibility, with its credible interval.
    pub fn credibility(&self, reg: &Registry, id: SourceId) -> Credibility {
        let rating = reg.get(reg.canonical(id)).and_then(|s| s.rating);
        Credibility::from_record(rating, &self.track_record(reg.canonical(id)))
    }

    /// A source's 90 % credible interval (low, high), computed once per source.
    pub fn bounds(&self, reg: &Registry, id: SourceId) -> (f64, f64) {
        let id = reg.canonical(id);
        if let Some(b) = self.bounds.borrow().get(&id) {
            return *b;
        }
        let c = self.credibility(reg, id);
        self.bounds.borrow_mut().insert(id, (c.low, c.high));
        (c.low, c.high)
    }

    /// A source's posterior mean (no interval: cheap enough for every claim).
    pub fn mean(&self, reg: &Registry, id: SourceId) -> f64 {
        let id = reg.canonical(id);
        let (a0, b0) = credibility::prior(reg.get(id).and_then(|s| s.rating));
        let t = self.track_record(id);
        let a = a0 + f64::from(t.true_) + 0.5 * f64::from(t.mixed);
        let b = b0 + f64::from(t.false_) + 0.5 * f64::from(t.mixed);
        a / (a + b)
    }
}

/// A claim a source is an origin of.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct OriginOf {
    /// Claim id.
    pub id: String,
    /// Claim text.
    pub text: String,
    /// Independent sources of the claim.
    pub independent_sources: usize,
    /// The claim's support.
    pub support: f64,
}

/// A claim a source relays: it appears on a chain (as the reader-facing outlet or a
/// middle hop) but is not an origin.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct RelayOf {
    /// Claim id.
    pub id: String,
    /// Claim text.
    pub text: String,
    /// Independent sources of the claim.
    pub independent_sources: usize,
    /// The claim's support.
    pub support: f64,
}

/// One step of a source's credibility history: a verdict on a claim it originates,
/// and its credibility once that verdict counts.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct CredibilityStep {
    /// Ledger offset of the verdict's entry (`retract verdict` takes it).
    pub entry: u64,
    /// Date of the verdict, or when it was recorded.
    pub date: String,
    /// The claim judged.
    pub claim: String,
    /// true / false / mixed / unproven.
    pub verdict: String,
    /// Reviewer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Posterior mean after it.
    pub mean: f64,
    /// 5 % quantile after it.
    pub low: f64,
    /// 95 % quantile after it.
    pub high: f64,
}

/// A claim in a source's blast radius.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct BlastEntry {
    /// Claim id.
    pub id: String,
    /// Claim text.
    pub text: String,
    /// Independent sources now.
    pub independent_sources: usize,
    /// Independent sources if the source were discredited.
    pub without: usize,
}

/// Everything `source show` prints about one source (`schemas/source-detail.schema.json`).
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct SourceDetail {
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
    /// Outcomes of the judged claims it is an origin of.
    pub track_record: TrackRecord,
    /// Beta posterior: mean, 90 % interval, parameters.
    pub credibility: Credibility,
    /// Where each alias came from (which list or import, which command, which merge),
    /// for the aliases whose origin the ledger shows.
    pub alias_origins: Vec<crate::db::Provenance>,
    /// Where each affiliation label came from (which list or command).
    pub affiliation_origins: Vec<crate::db::Provenance>,
    /// Claims it is an origin of (named or vouching for an anonymous origin).
    pub origin_of: Vec<OriginOf>,
    /// Claims it relays without being an origin (reader-facing outlet or middle hop).
    pub relay_of: Vec<RelayOf>,
    /// The verdicts on the claims it originates, oldest first, each with the
    /// credibility once it counts (the last one is `credibility`'s mean).
    pub credibility_history: Vec<CredibilityStep>,
    /// Claims that would be left with no independent source, or drop below two, if
    /// this source were discredited: its origin vertices (named, and the anonymous
    /// origin it vouches for) are removed and the rest regrouped by the engine.
    pub blast_radius: Vec<BlastEntry>,
}

/// Build `source show` for the source `written` resolves to (name, alias, domain, URL).
pub fn source_detail(db: &crate::db::Database, written: &str) -> crate::Result<SourceDetail> {
    let reg = db.registry();
    let id = reg.find(written)?;
    let src = reg
        .get(id)
        .ok_or_else(|| crate::Error::NoSuchSource(written.to_string()))?;
    let cred = CredibilityIndex::build(db)?;
    let mut origin_of = Vec::new();
    let mut relay_of = Vec::new();
    let mut blast_radius = Vec::new();
    let mut judged: Vec<ClaimId> = Vec::new();
    for claim in db.claims_of_source(id)? {
        let claim = claim?;
        let cid = claim.id;
        let a = analyze(&claim, reg);
        if !credibility::is_origin(&a, id) {
            let cites = claim
                .reports
                .iter()
                .any(|r| r.engine_hops(reg).contains(&independence::Hop::Named(id)));
            if cites {
                relay_of.push(RelayOf {
                    id: cid.to_hex(),
                    text: claim.text.clone(),
                    independent_sources: a.independent_sources,
                    support: credibility::support(&a, &|s| cred.mean(reg, s)),
                });
            }
            continue;
        }
        judged.push(cid);
        origin_of.push(OriginOf {
            id: cid.to_hex(),
            text: claim.text.clone(),
            independent_sources: a.independent_sources,
            support: credibility::support(&a, &|s| cred.mean(reg, s)),
        });
        if let Some(without) = credibility::blast(&a, id, reg) {
            blast_radius.push(BlastEntry {
                id: cid.to_hex(),
                text: claim.text.clone(),
                independent_sources: a.independent_sources,
                without,
            });
        }
    }
    // The credibility history: every verdict on a claim it originates, in ledger
    // order, with the track record recomputed over the claims judged so far.
    let mut verdicts: Vec<VerdictEntry> = Vec::new();
    for c in &judged {
        verdicts.extend(db.verdicts_of(c)?);
    }
    verdicts.sort_by_key(|v| v.seq);
    let mut so_far: HashMap<ClaimId, Vec<VerdictEntry>> = HashMap::new();
    let mut credibility_history = Vec::with_capacity(verdicts.len());
    for v in verdicts {
        so_far.entry(v.claim).or_default().push(v.clone());
        let mut t = TrackRecord::default();
        for vs in so_far.values() {
            t.add(credibility::consensus(vs));
        }
        let c = Credibility::from_record(src.rating, &t);
        credibility_history.push(CredibilityStep {
            entry: v.seq,
            date: v
                .date
                .clone()
                .unwrap_or_else(|| crate::date::format_utc(v.added)),
            claim: v.claim.to_hex(),
            verdict: v.verdict.as_str().to_string(),
            by: v.by.clone(),
            mean: c.mean,
            low: c.low,
            high: c.high,
        });
    }
    let prov = db.provenance(id)?;
    Ok(SourceDetail {
        alias_origins: prov.aliases,
        affiliation_origins: prov.affiliations,
        relay_of,
        credibility_history,
        name: src.name.clone(),
        aliases: src.aliases.clone(),
        kind: src.kind.as_str().to_string(),
        homepage: src.homepage.as_ref().map(|u| u.to_string()),
        affiliations: src.affiliations.clone(),
        rating: src.rating,
        track_record: cred.track_record(id),
        credibility: cred.credibility(reg, id),
        origin_of,
        blast_radius,
    })
}

/// How a source listing is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SourceSort {
    /// By the order sources were first seen.
    #[default]
    Id,
    /// By name (case-insensitive).
    Name,
    /// Most claims first.
    Claims,
    /// Largest blast radius first: the sources the desk depends on most.
    BlastRadius,
}

impl crate::choice::Choice for SourceSort {
    const WHAT: &'static str = "sort";
    const CHOICES: &'static [(Self, &'static str, &'static str)] = &[
        (SourceSort::Id, "id", "By the order sources were first seen"),
        (SourceSort::Name, "name", "By name (case-insensitive)"),
        (SourceSort::Claims, "claims", "Most claims first"),
        (
            SourceSort::BlastRadius,
            "blast-radius",
            "Largest blast radius first: the sources the desk depends on most",
        ),
    ];
}

/// Every live source with claim counts, credibility and blast radius, sorted. One
/// pass over the claims: each claim is analysed once and checked against each of its
/// origin sources.
pub fn list_sources(
    db: &crate::db::Database,
    sort: SourceSort,
) -> crate::Result<Vec<SourceSummary>> {
    let reg = db.registry();
    let groups = db.groups()?;
    let cred = CredibilityIndex::build_with(db, &groups)?;
    let counts = db.claim_counts()?;
    let mut blast: HashMap<SourceId, usize> = HashMap::new();
    analyze_groups(
        db,
        &groups,
        false,
        |_| true,
        |_, a| {
            let sources: BTreeSet<SourceId> = a.origins.iter().map(|o| o.source).collect();
            for s in sources {
                if credibility::blast(a, s, reg).is_some() {
                    *blast.entry(s).or_default() += 1;
                }
            }
            Ok(())
        },
    )?;
    let mut rows: Vec<SourceSummary> = reg
        .live()
        .map(|s| {
            let mut row = source_summary(s, counts.get(&s.id).copied().unwrap_or(0));
            row.credibility = cred.mean(reg, s.id);
            row.blast_radius = blast.get(&s.id).copied().unwrap_or(0);
            row
        })
        .collect();
    match sort {
        SourceSort::Id => {}
        SourceSort::Name => rows.sort_by_cached_key(|r| crate::source::name_key(&r.name)),
        SourceSort::Claims => rows.sort_by_key(|r| std::cmp::Reverse(r.claims)),
        SourceSort::BlastRadius => rows.sort_by_key(|r| {
            (
                std::cmp::Reverse(r.blast_radius),
                std::cmp::Reverse(r.claims),
            )
        }),
    }
    Ok(rows)
}

/// `show`'s sentences about support, group by group.
pub fn support_explanation(d: &ClaimDetail) -> Vec<String> {
    let mut out = Vec::new();
    if d.support_groups.is_empty() {
        out.push("support 0: the claim has no independent source.".to_string());
        return out;
    }
    for g in &d.support_groups {
        let who = if g.anonymous {
            format!(
                "the anonymous source of {} ({} × {})",
                g.source,
                fmt3(g.credibility / credibility::ANONYMOUS_DISCOUNT),
                credibility::ANONYMOUS_DISCOUNT
            )
        } else {
            g.source.clone()
        };
        out.push(format!(
            "{}: credibility {} from {who}",
            g.label,
            fmt3(g.credibility)
        ));
    }
    let factors: Vec<String> = d
        .support_groups
        .iter()
        .map(|g| format!("(1 − {})", fmt3(g.credibility)))
        .collect();
    out.push(format!(
        "support = 1 − {} = {}",
        factors.join(" × "),
        fmt3(d.summary.support)
    ));
    out
}

fn fmt3(x: f64) -> String {
    format!("{x:.3}")
}

impl SourceDetail {
    /// The text `source show` prints on a terminal.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let mut line = |k: &str, v: String| s.push_str(&format!("{k:<13}{v}\n"));
        line("source", self.name.clone());
        line("aliases", self.aliases.join(", "));
        line("kind", self.kind.clone());
        line("homepage", self.homepage.clone().unwrap_or_default());
        line("affiliations", self.affiliations.join(", "));
        line(
            "rating",
            self.rating
                .map_or("unrated".to_string(), |r| format!("{r:.3}")),
        );
        let t = &self.track_record;
        line(
            "track record",
            format!(
                "{} true, {} false, {} mixed ({} contested), {} unproven",
                t.true_, t.false_, t.mixed, t.contested, t.unproven
            ),
        );
        let c = &self.credibility;
        line(
            "credibility",
            format!(
                "{:.3}  (90 % interval {:.3}–{:.3}; Beta({}, {}) from prior Beta({}, {}))",
                c.mean,
                c.low,
                c.high,
                trim_num(c.alpha),
                trim_num(c.beta),
                trim_num(c.prior_alpha),
                trim_num(c.prior_beta)
            ),
        );
        s.push_str(&format!("\norigin of {} claim(s)\n", self.origin_of.len()));
        for o in &self.origin_of {
            s.push_str(&format!(
                "  {}  {} source(s), support {:.3}  {}\n",
                &o.id[..12],
                o.independent_sources,
                o.support,
                crate::chars::shorten(&o.text, 70)
            ));
        }
        s.push_str(&format!(
            "\nrelays {} claim(s) it does not originate\n",
            self.relay_of.len()
        ));
        for o in &self.relay_of {
            s.push_str(&format!(
                "  {}  {} source(s), support {:.3}  {}\n",
                &o.id[..12],
                o.independent_sources,
                o.support,
                crate::chars::shorten(&o.text, 70)
            ));
        }
        if !self.alias_origins.is_empty() || !self.affiliation_origins.is_empty() {
            s.push_str("\nwhere its names and labels come from\n");
            for (what, list) in [
                ("alias", &self.alias_origins),
                ("label", &self.affiliation_origins),
            ] {
                for p in list {
                    s.push_str(&format!(
                        "  {what} {:?}: {} ({}, entry {}, {})\n",
                        p.value, p.how, p.command, p.entry, p.time
                    ));
                }
            }
        }
        if !self.credibility_history.is_empty() {
            s.push_str("\ncredibility history\n");
            for h in &self.credibility_history {
                s.push_str(&format!(
                    "  {}  {} on {}{} → {:.3} ({:.3}–{:.3})  [entry {}]\n",
                    h.date,
                    h.verdict,
                    &h.claim[..12],
                    h.by.as_ref()
                        .map(|b| format!(" by {b}"))
                        .unwrap_or_default(),
                    h.mean,
                    h.low,
                    h.high,
                    h.entry
                ));
            }
        }
        s.push_str(&format!(
            "\nblast radius: {} claim(s) would drop below two independent sources without it\n",
            self.blast_radius.len()
        ));
        for b in &self.blast_radius {
            s.push_str(&format!(
                "  {}  {} → {}  {}\n",
                &b.id[..12],
                b.independent_sources,
                b.without,
                crate::chars::shorten(&b.text, 70)
            ));
        }
        s
    }
}

/// A number without trailing zeros (9, 11.5, 2.3).
fn trim_num(x: f64) -> String {
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
