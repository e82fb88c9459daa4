//! Reports: one sighting of a claim with its resolved provenance chain, and the
//! report id (content address of a claim id, resolved hops, URL and date).
//!
//! Report id v2 = SHA-256 of `"corroborate/report/v2\0"`, the claim id's 32 bytes, then
//! for each hop a tag byte (`N` named, `A` anonymous), the hop's key (for a named hop
//! the `name_key` of the resolved source's canonical name; for an anonymous hop the
//! `name_key` of its description) and a `0x00` terminator; then, when present, `U`, the
//! URL and `0x00`, and `P`, the publication date and `0x00`. Hashing canonical names,
//! not database-local numbers, makes ids equal across databases (export, re-import).
//! The same claim through the same chain seen at another URL or on another date is
//! another sighting, so another report (v1 left URL and date out, and so dropped it).

use sha2::{Digest, Sha256};

use crate::claim::ClaimId;
use crate::source::{name_key, Registry, SourceId};

/// Domain-separation prefix of report ids, version 2.
const REPORT_DOMAIN_V2: &[u8] = b"corroborate/report/v2\0";

/// The content address of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReportId(pub [u8; 32]);

impl ReportId {
    /// Lowercase hex.
    pub fn to_hex(&self) -> String {
        crate::hex::encode(&self.0)
    }
}

/// One resolved hop of a stored report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hop {
    /// A source in the registry; `written` keeps the text as written when it differs
    /// from the source's canonical name (an alias, a domain, another spelling).
    Named {
        /// The source (follow merges with `Registry::canonical`).
        source: SourceId,
        /// The name as written, when it is not the canonical name.
        written: Option<String>,
    },
    /// An unnamed source ("a Syrian military official").
    Anonymous(String),
}

/// A stored report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Content address.
    pub id: ReportId,
    /// The claim reported.
    pub claim: ClaimId,
    /// Reader-facing outlet first, origin last.
    pub hops: Vec<Hop>,
    /// Where it was read.
    pub url: Option<String>,
    /// When it was published (ISO 8601, as written).
    pub published: Option<String>,
    /// When it was added, seconds since 1970 (UTC).
    pub added: i64,
}

/// Compute a report id from the claim, the hops resolved against `reg`, and where
/// and when the report was published.
pub fn report_id(
    claim: &ClaimId,
    hops: &[Hop],
    url: Option<&str>,
    published: Option<&str>,
    reg: &Registry,
) -> ReportId {
    let mut h = Sha256::new();
    h.update(REPORT_DOMAIN_V2);
    h.update(claim.0);
    for hop in hops {
        match hop {
            Hop::Named { source, .. } => {
                h.update(b"N");
                h.update(reg.key(*source).as_bytes());
            }
            Hop::Anonymous(desc) => {
                h.update(b"A");
                h.update(name_key(desc).as_bytes());
            }
        }
        h.update([0u8]);
    }
    for (tag, field) in [(b"U", url), (b"P", published)] {
        if let Some(v) = field {
            h.update(tag);
            h.update(v.as_bytes());
            h.update([0u8]);
        }
    }
    ReportId(h.finalize().into())
}

impl Report {
    /// The chain as readable text with canonical names ("A via B via ~an official").
    pub fn chain_text(&self, reg: &Registry) -> String {
        self.hops
            .iter()
            .map(|h| match h {
                Hop::Named { source, .. } => reg.display_name(reg.canonical(*source)).to_string(),
                Hop::Anonymous(d) => format!("~{d}"),
            })
            .collect::<Vec<_>>()
            .join(" via ")
    }

    /// The hops as the independence engine sees them (merges followed).
    pub fn engine_hops(&self, reg: &Registry) -> Vec<crate::independence::Hop> {
        self.hops
            .iter()
            .map(|h| match h {
                Hop::Named { source, .. } => {
                    crate::independence::Hop::Named(reg.canonical(*source))
                }
                Hop::Anonymous(_) => crate::independence::Hop::Anonymous,
            })
            .collect()
    }
}

/// A stored claim with every report of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Content address.
    pub id: ClaimId,
    /// Text as first seen.
    pub text: String,
    /// When first added, seconds since 1970.
    pub added: i64,
    /// Its reports, in the order they were first recorded.
    pub reports: Vec<Report>,
}
