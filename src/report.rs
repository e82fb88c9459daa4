//! Reports: one sighting of a claim with its resolved provenance chain, and the
//! report id (content address of a claim id plus resolved hops).
//!
//! Report id v1 = SHA-256 of `"corroborate/report/v1\0"`, the claim id's 32 bytes, then
//! for each hop a tag byte (`N` named, `A` anonymous), the hop's key (for a named hop
//! the `name_key` of the resolved source's canonical name; for an anonymous hop the
//! `name_key` of its description) and a `0x00` terminator. Hashing canonical names, not
//! database-local numbers, makes ids equal across databases (export, re-import).

use sha2::{Digest, Sha256};

use crate::claim::ClaimId;
use crate::source::{name_key, Registry, SourceId};

/// Domain-separation prefix of report ids, version 1.
const REPORT_DOMAIN_V1: &[u8] = b"corroborate/report/v1\0";

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

/// Compute a report id from the claim and hops resolved against `reg`.
pub fn report_id(claim: &ClaimId, hops: &[Hop], reg: &Registry) -> ReportId {
    let mut h = Sha256::new();
    h.update(REPORT_DOMAIN_V1);
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
