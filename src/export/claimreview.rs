//! The schema.org ClaimReview export (JSON-LD), for publishing fact-checks where
//! search engines and fact-check aggregators read them.
//!
//! Output: one JSON array of `ClaimReview` objects, each with its own `@context`, ready
//! to paste (whole, or one element) into a page's
//! `<script type="application/ld+json">`. For each selected claim with verdicts there
//! is one ClaimReview per reviewer (verdicts grouped by `by`, compared
//! case-insensitively; verdicts without `by` form one group without an `author`),
//! built from that reviewer's latest verdict (latest by its date, or the time it was
//! recorded when it has none; ties go to the one recorded last):
//! - `url`: the verdict's URL (required; a verdict without one is an error that says
//!   how to add it), `datePublished`: its date (or recording time, UTC);
//! - `claimReviewed`: the claim's text; `author`: the reviewer as an `Organization`;
//!   `reviewBody`: the verdict's note, when there is one;
//! - `reviewRating`: a `Rating` with `alternateName` the verdict ("True", "False",
//!   "Mixed", "Unproven") on a dense four-step scale ordered by how far the claim was
//!   shown to hold: false = 1, unproven = 2, mixed = 3, true = 4 (`worstRating` 1,
//!   `bestRating` 4);
//! - `itemReviewed`: a `Claim` with `identifier` the claim id, `appearance` one
//!   `CreativeWork` per distinct report URL (with its `datePublished` and the
//!   reader-facing outlet as `author`), and `firstAppearance`: among the reports with
//!   a `published` date whose chain *ends at an origin of the claim* (its last hop is
//!   an origin according to the independence engine, named or anonymous), the one
//!   with the earliest date (compared with `date::sort_key`; ties go to the report
//!   recorded first). It is left out when no report qualifies.
//!
//! Selected claims without any verdict are an error (exit 2) unless
//! `skip_unreviewed`, which leaves them out.

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{json, Value};

use crate::db::Database;
use crate::error::{Error, Result};
use crate::independence::Analysis;
use crate::record::{Verdict, VerdictEntry};
use crate::report::Claim;
use crate::report::{Hop, Report};
use crate::source::{name_key, Registry, SourceKind};

use super::prov::ends_at_origin;
use super::{json_error, write_error, Selection, Summary};

/// Worst and best `ratingValue`.
pub const WORST_RATING: u8 = 1;
/// See [`WORST_RATING`].
pub const BEST_RATING: u8 = 4;

/// The numeric rating and the `alternateName` of a verdict.
pub fn rating(v: Verdict) -> (u8, &'static str) {
    match v {
        Verdict::False => (1, "False"),
        Verdict::Unproven => (2, "Unproven"),
        Verdict::Mixed => (3, "Mixed"),
        Verdict::True => (4, "True"),
    }
}

/// Write the ClaimReview array.
pub(super) fn write(
    db: &Database,
    sel: &Selection,
    skip_unreviewed: bool,
    out: &mut dyn Write,
) -> Result<Summary> {
    let reg = db.registry();
    let mut items: Vec<Value> = Vec::new();
    let mut unreviewed: Vec<String> = Vec::new();
    let mut unreviewed_count = 0usize;
    let mut sum = Summary::default();
    let groups = db.groups()?;
    sel.for_each(db, |c, a, _| {
        let verdicts = db.group_verdicts(&groups, &c.id)?;
        if verdicts.is_empty() {
            unreviewed_count += 1;
            if unreviewed.len() < 5 {
                unreviewed.push(format!(
                    "  {}  {}",
                    &c.id.to_hex()[..12],
                    c.text.chars().take(60).collect::<String>()
                ));
            }
            return Ok(());
        }
        let item = item_reviewed(c, a, reg);
        for v in latest_per_reviewer(&verdicts) {
            items.push(review(c, v, &item)?);
        }
        sum.claims += 1;
        Ok(())
    })?;
    if unreviewed_count > 0 && !skip_unreviewed {
        return Err(Error::Invalid(format!(
            "{unreviewed_count} selected claim{} no verdict, and a ClaimReview publishes a verdict:\n{}{}\nrecord verdicts with `corroborate verdict ID false --by DESK --url URL`, select reviewed claims with --claim, or pass --skip-unreviewed to leave them out",
            if unreviewed_count == 1 { " has" } else { "s have" },
            unreviewed.join("\n"),
            if unreviewed_count > unreviewed.len() { "\n  …" } else { "" },
        )));
    }
    sum.items = items.len();
    // Ready to paste into an HTML page: `</script>` in a claim cannot end the element.
    let mut w = crate::output::Escaping::new(&mut *out, crate::output::Mode::JsonInHtml);
    serde_json::to_writer_pretty(&mut w, &items).map_err(json_error)?;
    w.write_all(b"\n").map_err(write_error)?;
    Ok(sum)
}

/// When a verdict was given, for ordering: its date, else when it was recorded.
fn verdict_time(v: &VerdictEntry) -> i64 {
    v.date
        .as_deref()
        .and_then(|d| crate::date::sort_key(d).ok())
        .unwrap_or(v.added)
}

/// The latest verdict of each reviewer, reviewers in name order (no reviewer first).
fn latest_per_reviewer(verdicts: &[VerdictEntry]) -> Vec<&VerdictEntry> {
    let mut latest: BTreeMap<Option<String>, &VerdictEntry> = BTreeMap::new();
    for v in verdicts {
        let key = v.by.as_deref().map(name_key);
        let newer = latest
            .get(&key)
            .is_none_or(|old| (verdict_time(v), v.seq) >= (verdict_time(old), old.seq));
        if newer {
            latest.insert(key, v);
        }
    }
    latest.into_values().collect()
}

/// A report's reader-facing outlet as a schema.org author.
fn outlet_author(r: &Report, reg: &Registry) -> Option<Value> {
    r.hops.first().and_then(|h| match h {
        Hop::Named { source, .. } => {
            let id = reg.canonical(*source);
            let kind = reg.get(id).map(|s| s.kind).unwrap_or_default();
            let t = if kind == SourceKind::Person {
                "Person"
            } else {
                "Organization"
            };
            Some(json!({"@type": t, "name": reg.display_name(id)}))
        }
        Hop::Anonymous(_) => None,
    })
}

fn creative_work(r: &Report, reg: &Registry) -> Value {
    let mut w = json!({"@type": "CreativeWork"});
    if let Some(u) = &r.url {
        w["url"] = json!(u);
    }
    if let Some(p) = &r.published {
        w["datePublished"] = json!(p);
    }
    if let Some(a) = outlet_author(r, reg) {
        w["author"] = a;
    }
    w
}

/// The `itemReviewed` Claim object.
fn item_reviewed(c: &Claim, a: &Analysis, reg: &Registry) -> Value {
    let mut seen = std::collections::HashSet::new();
    let appearance: Vec<Value> = c
        .reports
        .iter()
        .filter(|r| r.url.as_ref().is_some_and(|u| seen.insert(u.clone())))
        .map(|r| creative_work(r, reg))
        .collect();
    let first = c
        .reports
        .iter()
        .filter(|r| ends_at_origin(&r.hops, reg, &a.origins))
        .filter_map(|r| {
            r.published
                .as_deref()
                .and_then(|p| crate::date::sort_key(p).ok())
                .map(|k| (k, r))
        })
        .min_by_key(|(k, _)| *k)
        .map(|(_, r)| creative_work(r, reg));
    let mut item = json!({
        "@type": "Claim",
        "identifier": c.id.to_hex(),
        "appearance": appearance,
    });
    if let Some(f) = first {
        item["firstAppearance"] = f;
    }
    item
}

/// One ClaimReview.
fn review(c: &Claim, v: &VerdictEntry, item: &Value) -> Result<Value> {
    let Some(url) = &v.url else {
        return Err(Error::Invalid(format!(
            "the verdict {}on claim {} has no URL, and a ClaimReview must link to the fact-check; record it again with `corroborate verdict {} {}{} --url URL`",
            v.by.as_ref().map(|b| format!("by {b:?} ")).unwrap_or_default(),
            &c.id.to_hex()[..12],
            &c.id.to_hex()[..12],
            v.verdict.as_str(),
            v.by.as_ref().map(|b| format!(" --by {b:?}")).unwrap_or_default(),
        )));
    };
    let (value, name) = rating(v.verdict);
    let mut r = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "datePublished": v.date.clone().unwrap_or_else(|| crate::date::format_utc(v.added)),
        "claimReviewed": c.text,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": name,
        },
        "itemReviewed": item,
    });
    if let Some(by) = &v.by {
        r["author"] = json!({"@type": "Organization", "name": by});
    }
    if let Some(note) = &v.note {
        r["reviewBody"] = json!(note);
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::ClaimId;

    fn v(
        by: Option<&str>,
        verdict: Verdict,
        date: Option<&str>,
        added: i64,
        seq: u64,
    ) -> VerdictEntry {
        VerdictEntry {
            claim: ClaimId([0; 32]),
            verdict,
            by: by.map(str::to_string),
            url: None,
            note: None,
            date: date.map(str::to_string),
            added,
            seq,
        }
    }

    #[test]
    fn latest_verdict_per_reviewer() {
        let vs = [
            v(Some("Desk"), Verdict::False, Some("2016-12-12"), 0, 1),
            v(Some("desk"), Verdict::Mixed, Some("2016-12-11"), 0, 2),
            v(Some("Other"), Verdict::True, None, 100, 3),
            v(Some("Other"), Verdict::Unproven, None, 100, 4),
            v(None, Verdict::Mixed, None, 5, 5),
        ];
        let got: Vec<(Option<&str>, Verdict)> = latest_per_reviewer(&vs)
            .iter()
            .map(|v| (v.by.as_deref(), v.verdict))
            .collect();
        assert_eq!(
            got,
            vec![
                (None, Verdict::Mixed),
                (Some("Desk"), Verdict::False),
                (Some("Other"), Verdict::Unproven),
            ]
        );
    }

    #[test]
    fn rating_scale_is_ordered() {
        let order = [
            Verdict::False,
            Verdict::Unproven,
            Verdict::Mixed,
            Verdict::True,
        ];
        let values: Vec<u8> = order.iter().map(|v| rating(*v).0).collect();
        assert_eq!(values, vec![WORST_RATING, 2, 3, BEST_RATING]);
    }
}
