//! The JSONL backup: every source, report and verdict as the import records of
//! `schemas/record.schema.json`, so that `export --format jsonl | import -` into an
//! empty database reproduces the same claim ids, report ids, counts and verdicts.
//!
//! Order of the output:
//! 1. one `source` record per live source, in creation order, with its name, aliases,
//!    kind, affiliations and rating but **no homepage** — so that each record creates
//!    its source by name, never by matching an earlier source's homepage domain;
//! 2. one `source` record with the homepage for each source that has one;
//! 3. per claim (in the order first recorded, or the order given): its reports (chain in array form
//!    with canonical names, url, published), then its verdicts, oldest first, each
//!    with `claim_id` and a `date` (the recorded time when none was given, so the
//!    restored verdict shows the same date).
//!
//! Merged sources are not written: their names are aliases of the source they were
//! merged into. Lists longer than the record limit (256 aliases or affiliations) are
//! split over several records, which import adds up. With a selection, only the
//! sources the selected reports cite are written.

use std::collections::BTreeSet;
use std::io::Write;

use crate::chain::{Chain, HopSpec};
use crate::claim::ClaimId;
use crate::db::Database;
use crate::error::{Error, Result};
use crate::record::{Record, ReportRecord, SourceRecord, VerdictRecord};
use crate::report::Claim;
use crate::report::Hop;
use crate::source::{Source, SourceId};

use super::{hop_name, json_error, write_error, Selection, Summary};

/// Most aliases or affiliations one source record may carry.
const LIST_LIMIT: usize = 256;

/// Write the backup of the selection.
pub(super) fn write(db: &Database, sel: &Selection, out: &mut dyn Write) -> Result<Summary> {
    let reg = db.registry();
    let mut sum = Summary::default();
    if sel.is_everything() {
        let sources: Vec<&Source> = reg.live().collect();
        sum.items += write_sources(&sources, out)?;
        for c in db.claims() {
            let c = c?;
            sum.items += write_claim(db, &c, out)?;
            sum.claims += 1;
        }
        sum.items += write_links(db, |_| true, out)?;
    } else {
        // First pass: which claims, and which sources they cite (ids only).
        let mut ids = Vec::new();
        let mut cited: BTreeSet<SourceId> = BTreeSet::new();
        let groups = db.groups()?;
        sel.for_each(db, |c, _, _| {
            // Each wording of the group, as recorded (a backup keeps texts apart).
            ids.extend(groups.members(&c.id));
            for r in &c.reports {
                for h in &r.hops {
                    if let Hop::Named { source, .. } = h {
                        cited.insert(reg.canonical(*source));
                    }
                }
            }
            Ok(())
        })?;
        let sources: Vec<&Source> = cited.iter().filter_map(|id| reg.get(*id)).collect();
        sum.items += write_sources(&sources, out)?;
        for id in &ids {
            sum.items += write_claim(db, &db.claim(id)?, out)?;
            sum.claims += 1;
        }
        let chosen: std::collections::HashSet<ClaimId> = ids.iter().copied().collect();
        sum.items += write_links(db, |l| chosen.contains(&l.a) && chosen.contains(&l.b), out)?;
    }
    Ok(sum)
}

/// The live claim links that `keep` keeps, as link records (after every claim: import
/// needs both claims first). A backup holds the links as they stand, not their history
/// (the ledger keeps that).
fn write_links(
    db: &Database,
    keep: impl Fn(&crate::store::StoredLink) -> bool,
    out: &mut dyn Write,
) -> Result<usize> {
    use crate::record::{LinkAuthor, LinkRecord, LinkRelation};
    let mut links: Vec<_> = db
        .store()
        .links()?
        .into_iter()
        .filter(|l| keep(l))
        .collect();
    links.sort_by_key(|l| l.entry);
    for l in &links {
        let rec = LinkRecord {
            a: l.a.to_hex(),
            b: l.b.to_hex(),
            relation: if l.same {
                LinkRelation::Same
            } else {
                LinkRelation::Different
            },
            by: if l.person {
                LinkAuthor::Person
            } else {
                LinkAuthor::Matcher
            },
            score: l.score,
            model: l.model.clone(),
            threshold: l.threshold,
        };
        write_record(&Record::Link(rec), out)?;
    }
    Ok(links.len())
}

fn write_record(rec: &Record, out: &mut dyn Write) -> Result<()> {
    // Whatever is written must import again: check it as import will.
    rec.validate().map_err(|e| {
        Error::Invalid(format!(
            "cannot export a record that import would refuse ({e}); fix the data first"
        ))
    })?;
    let mut w = crate::output::Escaping::new(&mut *out, crate::output::Mode::Json);
    serde_json::to_writer(&mut w, rec).map_err(json_error)?;
    out.write_all(b"\n").map_err(write_error)
}

/// Write the source records (both passes); returns the number of records.
fn write_sources(sources: &[&Source], out: &mut dyn Write) -> Result<usize> {
    let mut n = 0;
    for s in sources {
        let aliases: Vec<&[String]> = s.aliases.chunks(LIST_LIMIT).collect();
        let labels: Vec<&[String]> = s.affiliations.chunks(LIST_LIMIT).collect();
        let parts = aliases.len().max(labels.len()).max(1);
        for i in 0..parts {
            let first = i == 0;
            let rec = SourceRecord {
                name: s.name.clone(),
                aliases: aliases.get(i).map(|a| a.to_vec()).unwrap_or_default(),
                homepage: None,
                kind: first.then_some(s.kind),
                affiliations: labels.get(i).map(|a| a.to_vec()).unwrap_or_default(),
                rating: if first { s.rating } else { None },
            };
            write_record(&Record::Source(rec), out)?;
            n += 1;
        }
    }
    for s in sources {
        if let Some(h) = &s.homepage {
            let rec = SourceRecord {
                name: s.name.clone(),
                aliases: Vec::new(),
                homepage: Some(h.to_string()),
                kind: None,
                affiliations: Vec::new(),
                rating: None,
            };
            write_record(&Record::Source(rec), out)?;
            n += 1;
        }
    }
    Ok(n)
}

/// Write one claim's reports and verdicts; returns the number of records.
fn write_claim(db: &Database, c: &Claim, out: &mut dyn Write) -> Result<usize> {
    let reg = db.registry();
    let mut n = 0;
    for r in &c.reports {
        let hops = r
            .hops
            .iter()
            .map(|h| match h {
                Hop::Named { source, .. } => hop_name(reg, *source).map(|n| HopSpec::named(&n)),
                Hop::Anonymous(d) => Ok(HopSpec::anonymous(d)),
            })
            .collect::<Result<Vec<_>>>()?;
        let rec = ReportRecord {
            claim: c.text.clone(),
            chain: Chain::new(hops)?,
            url: r.url.clone(),
            published: r.published.clone(),
            recorded: Some(crate::date::format_utc(r.added)),
        };
        write_record(&Record::Report(rec), out)?;
        n += 1;
    }
    for v in db.verdicts_of(&c.id)? {
        let rec = VerdictRecord {
            claim: None,
            claim_id: Some(c.id.to_hex()),
            verdict: v.verdict,
            by: v.by,
            url: v.url,
            note: v.note,
            date: Some(v.date.unwrap_or_else(|| crate::date::format_utc(v.added))),
        };
        write_record(&Record::Verdict(rec), out)?;
        n += 1;
    }
    Ok(n)
}
