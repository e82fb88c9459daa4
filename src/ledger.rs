//! The ledger: an append-only, hash-chained file that is the record of truth and the
//! audit trail. Only this module reads or writes `ledger.log`.
//!
//! Layout: a 16-byte header (`CRBLEDGER` magic, zero padding, u32 LE format version),
//! then entries. Each entry is `u32 LE body length`, the 32-byte SHA-256 of the
//! previous entry (of the header, for the first), and the body: a version byte, then
//! (version 2) a fixed kind tag and the postcard encoding of that kind's ledger-owned
//! struct, or (version 1, read only) the postcard encoding of the frozen `v1::Entry`.
//! [`Entry`] is the in-memory form; it is never encoded directly. An entry's hash is SHA-256 over its length, previous
//! hash and body. A command appends its records, then a [`Entry::Commit`], then fsyncs;
//! entries after the last commit are an unfinished write and are trimmed on open.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::record::Verdict;
use crate::source::SourceKind;

const MAGIC: &[u8; 12] = b"CRBLEDGER\0\0\0";
/// Ledger file format version.
pub const LEDGER_VERSION: u32 = 1;
/// Size of the file header.
pub const HEADER_LEN: u64 = 16;
/// Largest entry body accepted when reading (guards against a damaged length).
const MAX_BODY: u32 = 4 * 1024 * 1024;

/// A claim as a ledger entry refers to it: by text the first time, by id after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ClaimRef {
    /// First sighting: the text as seen (its id is computed from it).
    Text(String),
    /// A claim already in the ledger.
    Id([u8; 32]),
}

impl ClaimRef {
    /// The claim's id (computed from the text of a first sighting).
    pub fn id(&self) -> crate::claim::ClaimId {
        match self {
            ClaimRef::Text(t) => crate::claim::ClaimId::of_text(t),
            ClaimRef::Id(b) => crate::claim::ClaimId(*b),
        }
    }
}

/// A hop as written in the input (resolution happens when the entry is applied).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HopEntry {
    /// Name, alias, domain, URL or anonymous description.
    pub name: String,
    /// Anonymous source.
    pub anonymous: bool,
}

/// One ledger entry, as the program uses it. What is stored is the ledger-owned
/// encoding in [`v2`] (kind tags in [`tag`]); a new kind needs a new tag there.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A report record.
    Report {
        /// The claim.
        claim: ClaimRef,
        /// The chain as written.
        hops: Vec<HopEntry>,
        /// Where it was read.
        url: Option<String>,
        /// When it was published.
        published: Option<String>,
        /// When it was added (seconds since 1970).
        added: i64,
    },
    /// A source record: create the source or merge these attributes into it.
    Source {
        /// Name (resolved like a hop).
        name: String,
        /// Aliases to add.
        aliases: Vec<String>,
        /// Homepage to set.
        homepage: Option<String>,
        /// Kind to set.
        kind: Option<SourceKind>,
        /// Affiliations to add.
        affiliations: Vec<String>,
        /// Rating to set.
        rating: Option<f64>,
    },
    /// A verdict on a claim.
    Verdict {
        /// The claim's id.
        claim: [u8; 32],
        /// The verdict.
        verdict: Verdict,
        /// Reviewer.
        by: Option<String>,
        /// Fact-check URL.
        url: Option<String>,
        /// Note.
        note: Option<String>,
        /// Date of the verdict (ISO 8601), if given.
        date: Option<String>,
        /// When it was added.
        added: i64,
    },
    /// `into` absorbs `from`: `from` becomes an alias and its reports follow.
    Merge {
        /// Surviving source (any resolving name).
        into: String,
        /// Absorbed source (any resolving name).
        from: String,
    },
    /// Undo a merge: `from` (absorbed by an earlier merge into `into`) is a source of
    /// its own again; the names, labels and reports the merge gave `into` go back.
    Unmerge {
        /// The source that absorbed `from` (any resolving name).
        into: String,
        /// The absorbed source (its own name or one of its own aliases).
        from: String,
    },
    /// Remove an alias from a source.
    Unalias {
        /// The source (any resolving name).
        name: String,
        /// The alias to remove.
        alias: String,
    },
    /// Remove an affiliation label from a source.
    Unaffiliate {
        /// The source (any resolving name).
        name: String,
        /// The label to remove.
        label: String,
    },
    /// Take back a report or a verdict: it stays in the ledger, and leaves the store.
    Retract {
        /// The claim's id.
        claim: [u8; 32],
        /// What is taken back.
        target: RetractTarget,
        /// Why, in the words of whoever retracted it.
        reason: Option<String>,
    },
    /// A person's decision that two sources are not the same: source-resolution
    /// suggestions leave the pair out from then on.
    Distinct {
        /// One source (any resolving name, as written).
        a: String,
        /// The other source (any resolving name, as written).
        b: String,
    },
    /// A decision that two claims (by id) state the same fact, or do not: by a person,
    /// or by the matcher with its score, model and threshold. A later link of the same
    /// pair by the same kind of author replaces the earlier one.
    Link {
        /// One claim's id.
        a: [u8; 32],
        /// The other claim's id.
        b: [u8; 32],
        /// The decision and who made it.
        link: ClaimLink,
        /// When it was added (seconds since 1970).
        added: i64,
    },
    /// Remove every link between two claims (a person's and the matcher's).
    Unlink {
        /// One claim's id.
        a: [u8; 32],
        /// The other claim's id.
        b: [u8; 32],
    },
    /// End of one command's writes: everything before it since the previous commit is
    /// applied together or not at all.
    Commit {
        /// Records in this commit.
        records: u64,
        /// When (seconds since 1970).
        time: i64,
        /// What wrote it ("import data.jsonl", "add", ...).
        command: String,
        /// Who wrote it: the server's user, or the CLI's `$CORROBORATE_USER` / login
        /// name. `None` in commits written before authors were recorded.
        author: Option<String>,
    },
    /// A change to the server's users: added with a role, role changed, token reset,
    /// removed. Never holds a secret (tokens live in the database's `secrets` file).
    User {
        /// The user's name.
        name: String,
        /// What changed.
        change: UserChange,
    },
}

/// What an [`Entry::User`] changed. Stored by name ("add", "role", "reset",
/// "remove") with the role's name, never by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserChange {
    /// A new user with this role ("viewer", "editor", "admin").
    Add(String),
    /// The role changed to this one.
    Role(String),
    /// A new token was issued (the old one stops working).
    Reset,
    /// A new password was set (for the web page).
    Password,
    /// The user was removed.
    Remove,
}

/// A chain as written in the ledger, in the string form ("A via ~an official").
pub fn chain_words(hops: &[HopEntry]) -> String {
    hops.iter()
        .map(|h| {
            let tilde = if h.anonymous { "~" } else { "" };
            format!("{tilde}{}", h.name)
        })
        .collect::<Vec<_>>()
        .join(" via ")
}

/// What a [`Entry::Link`] says about two claims.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimLink {
    /// True: the same claim in other words; false: different claims (a cannot-link).
    pub same: bool,
    /// `None` when a person decided; the matcher's evidence when it did.
    pub matcher: Option<MatcherLink>,
}

/// The matcher's evidence for an automatic link.
#[derive(Clone, Debug, PartialEq)]
pub struct MatcherLink {
    /// Score in [0, 1].
    pub score: f32,
    /// The model's id ("lexical" without a model).
    pub model: String,
    /// The threshold the score was compared with.
    pub threshold: f32,
}

/// What a [`Entry::Retract`] takes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetractTarget {
    /// The claim's report with this report id (as computed when the retraction was
    /// written: ids hash canonical names, which merges change).
    Report([u8; 32]),
    /// The verdict whose entry is at this ledger offset (its identity: offsets never
    /// change in an append-only ledger).
    Verdict(u64),
}

impl Entry {
    /// A short name of the entry's kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Entry::Report { .. } => "report",
            Entry::Source { .. } => "source",
            Entry::Verdict { .. } => "verdict",
            Entry::Merge { .. } => "merge",
            Entry::Unmerge { .. } => "unmerge",
            Entry::Unalias { .. } => "unalias",
            Entry::Unaffiliate { .. } => "unaffiliate",
            Entry::Retract { .. } => "retraction",
            Entry::Distinct { .. } => "distinct",
            Entry::Link { .. } => "link",
            Entry::Unlink { .. } => "unlink",
            Entry::Commit { .. } => "commit",
            Entry::User { .. } => "user",
        }
    }
}

/// An entry read back, with where it is.
#[derive(Clone, Debug)]
pub struct Located {
    /// 0-based entry number in the file.
    pub index: u64,
    /// Byte offset of the entry.
    pub offset: u64,
    /// Byte offset just past it.
    pub end: u64,
    /// Hash of this entry.
    pub hash: [u8; 32],
    /// The decoded entry.
    pub entry: Entry,
}

fn header_bytes() -> [u8; 16] {
    let mut h = [0u8; 16];
    h[..12].copy_from_slice(MAGIC);
    h[12..].copy_from_slice(&LEDGER_VERSION.to_le_bytes());
    h
}

/// Hash of the header: the "previous hash" of the first entry.
pub fn genesis_hash() -> [u8; 32] {
    Sha256::digest(header_bytes()).into()
}

fn entry_hash(len: &[u8; 4], prev: &[u8; 32], body: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(len);
    h.update(prev);
    h.update(body);
    h.finalize().into()
}

/// Version byte of the entries written before the ledger had types of its own: the
/// postcard encoding of [`v1::Entry`], whose variant numbers are frozen there. Read,
/// never written.
const ENTRY_V1: u8 = 1;
/// Version byte of current entries: a kind tag (one of [`tag`]) followed by the
/// postcard encoding of that kind's ledger-owned struct in `v2`. Domain enums (source
/// kinds, verdicts) are stored as their names, never as positions.
const ENTRY_V2: u8 = 2;

/// The kind tags of version-2 entries. Fixed numbers: a new kind takes a new number,
/// and no number is ever reused or renumbered.
pub mod tag {
    /// [`super::Entry::Report`].
    pub const REPORT: u8 = 1;
    /// [`super::Entry::Source`].
    pub const SOURCE: u8 = 2;
    /// [`super::Entry::Verdict`].
    pub const VERDICT: u8 = 3;
    /// [`super::Entry::Merge`].
    pub const MERGE: u8 = 4;
    /// [`super::Entry::Commit`].
    pub const COMMIT: u8 = 5;
    /// [`super::Entry::Unmerge`].
    pub const UNMERGE: u8 = 6;
    /// [`super::Entry::Unalias`].
    pub const UNALIAS: u8 = 7;
    /// [`super::Entry::Unaffiliate`].
    pub const UNAFFILIATE: u8 = 8;
    /// [`super::Entry::Retract`].
    pub const RETRACT: u8 = 9;
    // 10 is reserved for the `distinct` record.
    // 6 to 9 are taken by the undo kinds (unmerge, unalias, unaffiliate, retract).
    /// [`super::Entry::Distinct`].
    pub const DISTINCT: u8 = 10;
    /// [`super::Entry::Link`].
    pub const LINK: u8 = 11;
    /// [`super::Entry::Unlink`].
    pub const UNLINK: u8 = 12;
    /// [`super::Entry::Commit`] with its author.
    pub const COMMIT_BY: u8 = 13;
    /// [`super::Entry::User`].
    pub const USER: u8 = 14;
}

/// The persisted shapes of version-2 entries. These types belong to the ledger: they
/// change only by adding a new kind tag (or a new entry version), never in place.
mod v2 {
    use super::{ClaimRef, HopEntry};
    use serde::{Deserialize, Serialize};

    /// The report's first field must stay `claim`: `Cursor::claim_text_at` reads it
    /// without decoding the rest.
    #[derive(Serialize, Deserialize)]
    pub struct Report {
        pub claim: ClaimRef,
        pub hops: Vec<HopEntry>,
        pub url: Option<String>,
        pub published: Option<String>,
        pub added: i64,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Source {
        pub name: String,
        pub aliases: Vec<String>,
        pub homepage: Option<String>,
        /// A source kind by name (`wire_agency`, …; see `kind_name`).
        pub kind: Option<String>,
        pub affiliations: Vec<String>,
        pub rating: Option<f64>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Verdict {
        pub claim: [u8; 32],
        /// `true`, `false`, `mixed` or `unproven`.
        pub verdict: String,
        pub by: Option<String>,
        pub url: Option<String>,
        pub note: Option<String>,
        pub date: Option<String>,
        pub added: i64,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Merge {
        pub into: String,
        pub from: String,
    }

    /// Two sources a person says are not the same, by the names as written.
    #[derive(Serialize, Deserialize)]
    pub struct Distinct {
        pub a: String,
        pub b: String,
    }

    /// Two claims linked as the same or as different, by a person (no score, model or
    /// threshold) or by the matcher (all three).
    #[derive(Serialize, Deserialize)]
    pub struct Link {
        pub a: [u8; 32],
        pub b: [u8; 32],
        /// `same` or `different`.
        pub relation: String,
        /// `person` or `matcher`.
        pub by: String,
        pub score: Option<f32>,
        pub model: Option<String>,
        pub threshold: Option<f32>,
        pub added: i64,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Unlink {
        pub a: [u8; 32],
        pub b: [u8; 32],
    }

    #[derive(Serialize, Deserialize)]
    pub struct Commit {
        pub records: u64,
        pub time: i64,
        pub command: String,
    }

    /// A commit with who made it (tag 13); a commit without one stays tag 5.
    #[derive(Serialize, Deserialize)]
    pub struct CommitBy {
        pub records: u64,
        pub time: i64,
        pub command: String,
        pub author: String,
    }

    #[derive(Serialize, Deserialize)]
    pub struct User {
        pub name: String,
        /// `add`, `role`, `reset`, `password` or `remove`.
        pub change: String,
        /// The role's name for `add` and `role`, empty otherwise.
        pub role: String,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Unmerge {
        pub into: String,
        pub from: String,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Unalias {
        pub name: String,
        pub alias: String,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Unaffiliate {
        pub name: String,
        pub label: String,
    }

    /// What a retraction takes back. Variant numbers are fixed: 0 report, 1 verdict.
    #[derive(Serialize, Deserialize)]
    pub enum Retracted {
        /// A report of the claim, by report id.
        Report([u8; 32]),
        /// A verdict, by the ledger offset of its entry.
        Verdict(u64),
    }

    #[derive(Serialize, Deserialize)]
    pub struct Retract {
        pub claim: [u8; 32],
        pub target: Retracted,
        pub reason: Option<String>,
    }
}

/// The entries of version 1, frozen as corroborate 0.1 wrote them: postcard numbered
/// the variants of `Entry` and of the domain enums `SourceKind` and `Verdict` by their
/// position at the time. Those positions are copied here once and for all, so that the
/// domain enums can change without changing what an old ledger means.
mod v1 {
    use super::{ClaimRef, HopEntry};
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub enum Entry {
        Report {
            claim: ClaimRef,
            hops: Vec<HopEntry>,
            url: Option<String>,
            published: Option<String>,
            added: i64,
        },
        Source {
            name: String,
            aliases: Vec<String>,
            homepage: Option<String>,
            kind: Option<Kind>,
            affiliations: Vec<String>,
            rating: Option<f64>,
        },
        Verdict {
            claim: [u8; 32],
            verdict: Verdict,
            by: Option<String>,
            url: Option<String>,
            note: Option<String>,
            date: Option<String>,
            added: i64,
        },
        Merge {
            into: String,
            from: String,
        },
        Commit {
            records: u64,
            time: i64,
            command: String,
        },
    }

    /// Source kinds in the order of 0.1 (postcard variant 0 = wire agency, …).
    #[derive(Deserialize)]
    pub enum Kind {
        WireAgency,
        Newspaper,
        Broadcaster,
        OnlineOutlet,
        Ngo,
        Government,
        Person,
        SocialAccount,
        Other,
    }

    impl Kind {
        pub fn name(&self) -> &'static str {
            match self {
                Kind::WireAgency => "wire_agency",
                Kind::Newspaper => "newspaper",
                Kind::Broadcaster => "broadcaster",
                Kind::OnlineOutlet => "online_outlet",
                Kind::Ngo => "ngo",
                Kind::Government => "government",
                Kind::Person => "person",
                Kind::SocialAccount => "social_account",
                Kind::Other => "other",
            }
        }
    }

    /// Verdicts in the order of 0.1.
    #[derive(Deserialize)]
    pub enum Verdict {
        True,
        False,
        Mixed,
        Unproven,
    }

    impl Verdict {
        pub fn name(&self) -> &'static str {
            match self {
                Verdict::True => "true",
                Verdict::False => "false",
                Verdict::Mixed => "mixed",
                Verdict::Unproven => "unproven",
            }
        }
    }
}

/// The stored names of source kinds and verdicts. Spelled out here (not taken from
/// serde or from the enums' order) so that the ledger's words cannot drift with the
/// domain types; each table is read in both directions.
const KIND_NAMES: [(SourceKind, &str); 9] = [
    (SourceKind::WireAgency, "wire_agency"),
    (SourceKind::Newspaper, "newspaper"),
    (SourceKind::Broadcaster, "broadcaster"),
    (SourceKind::OnlineOutlet, "online_outlet"),
    (SourceKind::Ngo, "ngo"),
    (SourceKind::Government, "government"),
    (SourceKind::Person, "person"),
    (SourceKind::SocialAccount, "social_account"),
    (SourceKind::Other, "other"),
];

const VERDICT_NAMES: [(Verdict, &str); 4] = [
    (Verdict::True, "true"),
    (Verdict::False, "false"),
    (Verdict::Mixed, "mixed"),
    (Verdict::Unproven, "unproven"),
];

fn name_of<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map(|(_, n)| *n)
        .expect("every value has a stored name")
}

fn value_of<T: Copy>(table: &[(T, &str)], name: &str, what: &str, offset: u64) -> Result<T> {
    table
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(v, _)| *v)
        .ok_or_else(|| Error::LedgerCorrupt {
            offset,
            why: format!("unknown {what} {name:?}; a newer corroborate may have written it"),
        })
}

/// Encode an entry body (always the current version).
fn encode(entry: &Entry) -> Result<Vec<u8>> {
    fn put<T: Serialize>(t: u8, value: &T) -> Result<Vec<u8>> {
        postcard::to_extend(value, vec![ENTRY_V2, t]).map_err(|e| Error::Encoding(e.to_string()))
    }
    match entry.clone() {
        Entry::Report {
            claim,
            hops,
            url,
            published,
            added,
        } => put(
            tag::REPORT,
            &v2::Report {
                claim,
                hops,
                url,
                published,
                added,
            },
        ),
        Entry::Source {
            name,
            aliases,
            homepage,
            kind,
            affiliations,
            rating,
        } => put(
            tag::SOURCE,
            &v2::Source {
                name,
                aliases,
                homepage,
                kind: kind.map(|k| name_of(&KIND_NAMES, k).to_string()),
                affiliations,
                rating,
            },
        ),
        Entry::Verdict {
            claim,
            verdict,
            by,
            url,
            note,
            date,
            added,
        } => put(
            tag::VERDICT,
            &v2::Verdict {
                claim,
                verdict: name_of(&VERDICT_NAMES, verdict).to_string(),
                by,
                url,
                note,
                date,
                added,
            },
        ),
        Entry::Merge { into, from } => put(tag::MERGE, &v2::Merge { into, from }),
        Entry::Unmerge { into, from } => put(tag::UNMERGE, &v2::Unmerge { into, from }),
        Entry::Unalias { name, alias } => put(tag::UNALIAS, &v2::Unalias { name, alias }),
        Entry::Unaffiliate { name, label } => {
            put(tag::UNAFFILIATE, &v2::Unaffiliate { name, label })
        }
        Entry::Retract {
            claim,
            target,
            reason,
        } => put(
            tag::RETRACT,
            &v2::Retract {
                claim,
                target: match target {
                    RetractTarget::Report(id) => v2::Retracted::Report(id),
                    RetractTarget::Verdict(at) => v2::Retracted::Verdict(at),
                },
                reason,
            },
        ),
        Entry::Distinct { a, b } => put(tag::DISTINCT, &v2::Distinct { a, b }),
        Entry::Link { a, b, link, added } => put(
            tag::LINK,
            &v2::Link {
                a,
                b,
                relation: if link.same { "same" } else { "different" }.to_string(),
                by: if link.matcher.is_some() {
                    "matcher"
                } else {
                    "person"
                }
                .to_string(),
                score: link.matcher.as_ref().map(|m| m.score),
                model: link.matcher.as_ref().map(|m| m.model.clone()),
                threshold: link.matcher.as_ref().map(|m| m.threshold),
                added,
            },
        ),
        Entry::Unlink { a, b } => put(tag::UNLINK, &v2::Unlink { a, b }),
        Entry::Commit {
            records,
            time,
            command,
            author: None,
        } => put(
            tag::COMMIT,
            &v2::Commit {
                records,
                time,
                command,
            },
        ),
        Entry::Commit {
            records,
            time,
            command,
            author: Some(author),
        } => put(
            tag::COMMIT_BY,
            &v2::CommitBy {
                records,
                time,
                command,
                author,
            },
        ),
        Entry::User { name, change } => {
            let (change, role) = match change {
                UserChange::Add(r) => ("add", r),
                UserChange::Role(r) => ("role", r),
                UserChange::Reset => ("reset", String::new()),
                UserChange::Password => ("password", String::new()),
                UserChange::Remove => ("remove", String::new()),
            };
            put(
                tag::USER,
                &v2::User {
                    name,
                    change: change.into(),
                    role,
                },
            )
        }
    }
}

fn decode(body: &[u8], offset: u64) -> Result<Entry> {
    let bad = |e: postcard::Error| Error::LedgerCorrupt {
        offset,
        why: format!("the entry does not decode ({e})"),
    };
    let invalid = |why: String| Error::LedgerCorrupt {
        offset,
        why: format!("the entry does not decode ({why})"),
    };
    match body {
        [ENTRY_V2, t, rest @ ..] => {
            let entry = match *t {
                tag::REPORT => {
                    let r: v2::Report = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Report {
                        claim: r.claim,
                        hops: r.hops,
                        url: r.url,
                        published: r.published,
                        added: r.added,
                    }
                }
                tag::SOURCE => {
                    let s: v2::Source = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Source {
                        name: s.name,
                        aliases: s.aliases,
                        homepage: s.homepage,
                        kind: s
                            .kind
                            .map(|k| value_of(&KIND_NAMES, &k, "source kind", offset))
                            .transpose()?,
                        affiliations: s.affiliations,
                        rating: s.rating,
                    }
                }
                tag::VERDICT => {
                    let v: v2::Verdict = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Verdict {
                        claim: v.claim,
                        verdict: value_of(&VERDICT_NAMES, &v.verdict, "verdict", offset)?,
                        by: v.by,
                        url: v.url,
                        note: v.note,
                        date: v.date,
                        added: v.added,
                    }
                }
                tag::MERGE => {
                    let m: v2::Merge = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Merge {
                        into: m.into,
                        from: m.from,
                    }
                }
                tag::UNMERGE => {
                    let m: v2::Unmerge = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Unmerge {
                        into: m.into,
                        from: m.from,
                    }
                }
                tag::UNALIAS => {
                    let u: v2::Unalias = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Unalias {
                        name: u.name,
                        alias: u.alias,
                    }
                }
                tag::UNAFFILIATE => {
                    let u: v2::Unaffiliate = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Unaffiliate {
                        name: u.name,
                        label: u.label,
                    }
                }
                tag::RETRACT => {
                    let r: v2::Retract = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Retract {
                        claim: r.claim,
                        target: match r.target {
                            v2::Retracted::Report(id) => RetractTarget::Report(id),
                            v2::Retracted::Verdict(at) => RetractTarget::Verdict(at),
                        },
                        reason: r.reason,
                    }
                }
                tag::DISTINCT => {
                    let d: v2::Distinct = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Distinct { a: d.a, b: d.b }
                }
                tag::LINK => {
                    let l: v2::Link = postcard::from_bytes(rest).map_err(bad)?;
                    let same = match l.relation.as_str() {
                        "same" => true,
                        "different" => false,
                        other => return Err(invalid(format!("unknown link relation {other:?}"))),
                    };
                    let matcher = match (l.by.as_str(), l.score, l.model, l.threshold) {
                        ("person", None, None, None) => None,
                        ("matcher", Some(score), Some(model), Some(threshold)) => {
                            Some(MatcherLink {
                                score,
                                model,
                                threshold,
                            })
                        }
                        (by, ..) => {
                            return Err(invalid(format!(
                                "a link by {by:?} with the wrong evidence"
                            )))
                        }
                    };
                    Entry::Link {
                        a: l.a,
                        b: l.b,
                        link: ClaimLink { same, matcher },
                        added: l.added,
                    }
                }
                tag::UNLINK => {
                    let u: v2::Unlink = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Unlink { a: u.a, b: u.b }
                }
                tag::COMMIT => {
                    let c: v2::Commit = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Commit {
                        records: c.records,
                        time: c.time,
                        command: c.command,
                        author: None,
                    }
                }
                tag::COMMIT_BY => {
                    let c: v2::CommitBy = postcard::from_bytes(rest).map_err(bad)?;
                    Entry::Commit {
                        records: c.records,
                        time: c.time,
                        command: c.command,
                        author: Some(c.author),
                    }
                }
                tag::USER => {
                    let u: v2::User = postcard::from_bytes(rest).map_err(bad)?;
                    let change = match u.change.as_str() {
                        "add" => UserChange::Add(u.role),
                        "role" => UserChange::Role(u.role),
                        "reset" => UserChange::Reset,
                        "password" => UserChange::Password,
                        "remove" => UserChange::Remove,
                        other => {
                            return Err(invalid(format!(
                                "unknown user change {other:?}; a newer corroborate may have written it"
                            )))
                        }
                    };
                    Entry::User {
                        name: u.name,
                        change,
                    }
                }
                other => {
                    return Err(Error::LedgerCorrupt {
                        offset,
                        why: format!(
                            "unknown entry kind {other}; a newer corroborate may have written it"
                        ),
                    })
                }
            };
            Ok(entry)
        }
        [ENTRY_V1, rest @ ..] => Ok(match postcard::from_bytes(rest).map_err(bad)? {
            v1::Entry::Report {
                claim,
                hops,
                url,
                published,
                added,
            } => Entry::Report {
                claim,
                hops,
                url,
                published,
                added,
            },
            v1::Entry::Source {
                name,
                aliases,
                homepage,
                kind,
                affiliations,
                rating,
            } => Entry::Source {
                name,
                aliases,
                homepage,
                kind: kind
                    .map(|k| value_of(&KIND_NAMES, k.name(), "source kind", offset))
                    .transpose()?,
                affiliations,
                rating,
            },
            v1::Entry::Verdict {
                claim,
                verdict,
                by,
                url,
                note,
                date,
                added,
            } => Entry::Verdict {
                claim,
                verdict: value_of(&VERDICT_NAMES, verdict.name(), "verdict", offset)?,
                by,
                url,
                note,
                date,
                added,
            },
            v1::Entry::Merge { into, from } => Entry::Merge { into, from },
            v1::Entry::Commit {
                records,
                time,
                command,
            } => Entry::Commit {
                records,
                time,
                command,
                author: None,
            },
        }),
        [v, ..] => Err(Error::LedgerCorrupt {
            offset,
            why: format!("unknown entry version {v}; a newer corroborate wrote it"),
        }),
        [] => Err(Error::LedgerCorrupt {
            offset,
            why: "empty entry".into(),
        }),
    }
}

/// The ledger file of one database.
#[derive(Debug)]
pub struct Ledger {
    path: PathBuf,
    file: File,
    /// Readers stop here: the end of what a pinned view may see (see
    /// [`Ledger::open_pinned`]); `u64::MAX` for the whole file.
    limit: u64,
}

/// Sequential reader over ledger entries from some offset.
pub struct Reader {
    r: BufReader<File>,
    pos: u64,
    index: u64,
    prev: [u8; 32],
    check_links: bool,
    /// Entries at or past this offset are not read.
    limit: u64,
}

impl Reader {
    /// Next entry; `Ok(None)` at the end of the file or at a torn (partial) last
    /// entry, whose offset [`Reader::position`] then gives.
    pub fn next_entry(&mut self) -> Result<Option<Located>> {
        let offset = self.pos;
        if offset >= self.limit {
            return Ok(None);
        }
        let mut len = [0u8; 4];
        if !read_full(&mut self.r, &mut len).map_err(|e| Error::io("reading the ledger", e))? {
            return Ok(None);
        }
        let n = u32::from_le_bytes(len);
        if n == 0 || n > MAX_BODY {
            return Err(Error::LedgerCorrupt {
                offset,
                why: format!("entry {} has an impossible length {n}", self.index),
            });
        }
        let mut prev = [0u8; 32];
        let mut body = vec![0u8; n as usize];
        if !read_full(&mut self.r, &mut prev).map_err(|e| Error::io("reading the ledger", e))?
            || !read_full(&mut self.r, &mut body).map_err(|e| Error::io("reading the ledger", e))?
        {
            self.pos = offset;
            return Ok(None);
        }
        if self.check_links && prev != self.prev {
            return Err(Error::LedgerCorrupt {
                offset,
                why: format!(
                    "entry {} records a previous-entry hash that does not match entry {} (one of them was altered)",
                    self.index,
                    self.index.saturating_sub(1)
                ),
            });
        }
        let hash = entry_hash(&len, &prev, &body);
        let entry = decode(&body, offset)?;
        let end = offset + 4 + 32 + u64::from(n);
        self.pos = end;
        self.prev = hash;
        let index = self.index;
        self.index += 1;
        Ok(Some(Located {
            index,
            offset,
            end,
            hash,
            entry,
        }))
    }

    /// Offset of the next unread byte.
    pub fn position(&self) -> u64 {
        self.pos
    }

    /// Hash of the last entry read.
    pub fn last_hash(&self) -> [u8; 32] {
        self.prev
    }
}

/// Read exactly `buf.len()` bytes; false at a clean or partial end of file.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<bool> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => return Ok(false),
            Ok(k) => got += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}

impl Ledger {
    /// Open the ledger at `path`, creating it (with its header) when absent.
    pub fn open(path: &Path) -> Result<Ledger> {
        let ctx = || format!("opening the ledger {}", path.display());
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| Error::io(ctx(), e))?;
        let len = file.metadata().map_err(|e| Error::io(ctx(), e))?.len();
        if len < HEADER_LEN {
            // New (or torn at creation): write the header.
            file.set_len(0).map_err(|e| Error::io(ctx(), e))?;
            file.write_all(&header_bytes())
                .map_err(|e| Error::io(ctx(), e))?;
            file.sync_all().map_err(|e| Error::io(ctx(), e))?;
        } else {
            let mut h = [0u8; 16];
            file.read_exact(&mut h).map_err(|e| Error::io(ctx(), e))?;
            Self::check_header(path, &h)?;
        }
        Ok(Ledger {
            path: path.to_path_buf(),
            file,
            limit: u64::MAX,
        })
    }

    /// Open an existing ledger for reading only (a database that cannot be written
    /// here, or the source of `salvage`).
    pub fn open_read_only(path: &Path) -> Result<Ledger> {
        let ctx = || format!("opening the ledger {}", path.display());
        let mut file = File::open(path).map_err(|e| Error::io(ctx(), e))?;
        let mut h = [0u8; 16];
        file.read_exact(&mut h).map_err(|e| Error::io(ctx(), e))?;
        Self::check_header(path, &h)?;
        Ok(Ledger {
            path: path.to_path_buf(),
            file,
            limit: u64::MAX,
        })
    }

    /// Open an existing ledger for reading only, as it was when its length was `end`:
    /// its readers stop there, whatever a writer appends meanwhile (a pinned view of a
    /// database, see `Database::snapshot`).
    pub fn open_pinned(path: &Path, end: u64) -> Result<Ledger> {
        let mut l = Self::open_read_only(path)?;
        l.limit = end;
        Ok(l)
    }

    fn check_header(path: &Path, h: &[u8; 16]) -> Result<()> {
        if &h[..12] != MAGIC {
            return Err(Error::LedgerCorrupt {
                offset: 0,
                why: "the file does not start with the ledger header".into(),
            });
        }
        let v = u32::from_le_bytes([h[12], h[13], h[14], h[15]]);
        if v > LEDGER_VERSION {
            return Err(Error::NewerFormat {
                path: path.to_path_buf(),
                found: v,
                supported: LEDGER_VERSION,
            });
        }
        Ok(())
    }

    /// The ledger file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Copy the first `end` bytes of the ledger to `out`.
    pub fn copy_prefix(&self, end: u64, out: &mut impl Write) -> Result<()> {
        let f = File::open(&self.path).map_err(|e| Error::io("opening the ledger", e))?;
        let copied =
            std::io::copy(&mut f.take(end), out).map_err(|e| Error::io("copying the ledger", e))?;
        if copied != end {
            return Err(Error::io(
                "copying the ledger",
                std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the ledger ended early"),
            ));
        }
        Ok(())
    }

    /// Current file size in bytes.
    pub fn size(&self) -> Result<u64> {
        Ok(self
            .file
            .metadata()
            .map_err(|e| Error::io("reading the ledger size", e))?
            .len())
    }

    /// A reader starting at `offset` (an entry boundary) whose previous hash is `prev`.
    /// With `check_links`, a broken hash link is an error.
    pub fn reader(&self, offset: u64, prev: [u8; 32], check_links: bool) -> Result<Reader> {
        let mut f = File::open(&self.path).map_err(|e| Error::io("opening the ledger", e))?;
        f.seek(SeekFrom::Start(offset))
            .map_err(|e| Error::io("seeking in the ledger", e))?;
        Ok(Reader {
            r: BufReader::with_capacity(1 << 20, f),
            pos: offset,
            index: 0,
            prev,
            check_links,
            limit: self.limit,
        })
    }

    /// A reader over the whole ledger, checking every hash link.
    pub fn read_all(&self) -> Result<Reader> {
        self.reader(HEADER_LEN, genesis_hash(), true)
    }

    /// Whether every byte from `offset` to the end of the file is zero.
    pub fn zeros_from(&self, offset: u64) -> Result<bool> {
        let mut f = File::open(&self.path).map_err(|e| Error::io("opening the ledger", e))?;
        f.seek(SeekFrom::Start(offset))
            .map_err(|e| Error::io("seeking in the ledger", e))?;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = f
                .read(&mut buf)
                .map_err(|e| Error::io("reading the ledger", e))?;
            if n == 0 {
                return Ok(true);
            }
            if buf[..n].iter().any(|b| *b != 0) {
                return Ok(false);
            }
        }
    }

    /// Cut the file at `offset` (dropping an unfinished tail) and sync.
    pub fn truncate(&mut self, offset: u64) -> Result<()> {
        self.file
            .set_len(offset)
            .and_then(|_| self.file.sync_all())
            .map_err(|e| Error::io("trimming the ledger", e))
    }

    /// A [`Cursor`] reading entries by offset through a window of `window` bytes.
    pub fn cursor(&self, window: usize) -> Cursor<'_> {
        // Positioned reads leave the file offset that appends use alone.
        Cursor {
            file: &self.file,
            buf: Vec::new(),
            base: 0,
            window,
        }
    }

    /// Start appending at the current end; `prev` is the hash of the last entry.
    pub fn appender(&mut self, prev: [u8; 32]) -> Result<Appender<'_>> {
        let start = self
            .file
            .seek(SeekFrom::End(0))
            .map_err(|e| Error::io("seeking in the ledger", e))?;
        Ok(Appender {
            start,
            pos: start,
            prev,
            records: 0,
            w: BufWriter::with_capacity(1 << 20, &mut self.file),
        })
    }
}

/// What a pass over the whole ledger's hash links found (see [`Ledger::scan_links`]).
#[derive(Clone, Debug)]
pub struct LinkScan {
    /// Entries whose links hold.
    pub entries: u64,
    /// Commits among them.
    pub commits: u64,
    /// Offset just past the last commit whose links hold: everything before it is sound.
    pub committed: u64,
    /// Hash of the entry that ends at `committed` (the genesis hash when none).
    pub committed_head: [u8; 32],
    /// Hash of the entry ending exactly at the offset asked about, when one does.
    pub hash_at: Option<[u8; 32]>,
    /// Offset of the last entry whose link held (where damage is, the entry that
    /// may have been altered: its successor's link no longer matches it).
    pub last_entry: u64,
    /// The first damage: its offset and what is wrong. `None` when every entry links up
    /// to the end, or only an unfinished write follows (a torn entry, or zeros).
    pub damage: Option<(u64, String)>,
    /// File size.
    pub len: u64,
    /// Offset where the scan stopped reading entries (the file size, or where damage
    /// or an unfinished write begins).
    pub stopped: u64,
}

impl Ledger {
    /// Follow every hash link from the header to the end without decoding entries,
    /// noting the hash of the entry that ends at `at`. Damage is reported in the
    /// result, not as an error; only failing to read the file is an error.
    pub fn scan_links(&self, at: u64) -> Result<LinkScan> {
        let len = self.size()?;
        let mut f = File::open(&self.path).map_err(|e| Error::io("opening the ledger", e))?;
        f.seek(SeekFrom::Start(HEADER_LEN))
            .map_err(|e| Error::io("seeking in the ledger", e))?;
        let mut r = BufReader::with_capacity(1 << 20, f);
        let read = |e| Error::io("reading the ledger", e);
        let mut s = LinkScan {
            entries: 0,
            commits: 0,
            committed: HEADER_LEN,
            committed_head: genesis_hash(),
            hash_at: (at == HEADER_LEN).then(genesis_hash),
            last_entry: HEADER_LEN,
            damage: None,
            len,
            stopped: HEADER_LEN,
        };
        let mut pos = HEADER_LEN;
        let mut prev = genesis_hash();
        let mut body = Vec::new();
        loop {
            let mut head = [0u8; 36];
            if !read_full(&mut r, &mut head).map_err(read)? {
                break;
            }
            let n = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
            if n == 0 || n > MAX_BODY {
                if !self.zeros_from(pos)? {
                    s.damage = Some((
                        pos,
                        format!("entry {} has an impossible length {n}", s.entries),
                    ));
                }
                break;
            }
            body.resize(n as usize, 0);
            if !read_full(&mut r, &mut body).map_err(read)? {
                break; // a torn last entry: an unfinished write
            }
            if head[4..] != prev {
                s.damage = Some((
                    pos,
                    format!(
                        "entry {} records a previous-entry hash that does not match entry {} (one of them was altered)",
                        s.entries,
                        s.entries.saturating_sub(1)
                    ),
                ));
                break;
            }
            let len4 = [head[0], head[1], head[2], head[3]];
            prev = entry_hash(&len4, &head[4..].try_into().unwrap_or([0; 32]), &body);
            s.last_entry = pos;
            pos += 36 + u64::from(n);
            s.entries += 1;
            if pos == at {
                s.hash_at = Some(prev);
            }
            if is_commit(&body) {
                s.commits += 1;
                s.committed = pos;
                s.committed_head = prev;
            }
        }
        s.stopped = pos;
        Ok(s)
    }
}

/// Whether an entry body is a commit, from its first bytes (no decoding).
fn is_commit(body: &[u8]) -> bool {
    match body {
        [ENTRY_V2, t, ..] => *t == tag::COMMIT || *t == tag::COMMIT_BY,
        // Version 1: postcard's variant number of `v1::Entry::Commit`.
        [ENTRY_V1, 4, ..] => true,
        _ => false,
    }
}

/// Reads single entries at offsets the store recorded, through a window of the file
/// (a scan in ledger order refills it once per `window` bytes; a small window suits
/// point reads). Hash links are not checked here: `verify` and
/// the sequential [`Reader`] do that.
pub struct Cursor<'a> {
    file: &'a File,
    buf: Vec<u8>,
    base: u64,
    window: usize,
}

/// The first field of a version-1 entry: enough to read a claim's text without
/// decoding the rest (postcard decodes fields in order and ignores what follows).
/// Version 2 needs no such type: its report body starts with the claim.
#[derive(Deserialize)]
enum EntryPrefix<'a> {
    Report {
        #[serde(borrow)]
        claim: ClaimRefPrefix<'a>,
    },
}

#[derive(Deserialize)]
enum ClaimRefPrefix<'a> {
    Text(&'a str),
    Id(#[allow(dead_code)] [u8; 32]),
}

impl Cursor<'_> {
    fn covers(&self, offset: u64, len: usize) -> bool {
        // Offsets come from the store; a damaged one must not overflow.
        offset >= self.base
            && offset.saturating_add(len as u64) <= self.base + self.buf.len() as u64
    }

    fn fill(&mut self, offset: u64, len: usize) -> Result<()> {
        use std::os::unix::fs::FileExt;
        self.buf.resize(len, 0);
        let mut got = 0;
        while got < len {
            match self
                .file
                .read_at(&mut self.buf[got..], offset.saturating_add(got as u64))
            {
                Ok(0) => break,
                Ok(k) => got += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::io("reading the ledger", e)),
            }
        }
        self.buf.truncate(got);
        self.base = offset;
        Ok(())
    }

    /// The body of the entry at `offset`.
    fn body_at(&mut self, offset: u64) -> Result<&[u8]> {
        const HEAD: usize = 4 + 32;
        let short = || Error::LedgerCorrupt {
            offset,
            why: "the store refers to an entry past the end of the ledger".into(),
        };
        if !self.covers(offset, HEAD) {
            self.fill(offset, HEAD.max(self.window))?;
            if !self.covers(offset, HEAD) {
                return Err(short());
            }
        }
        let at = (offset - self.base) as usize;
        let n = u32::from_le_bytes([
            self.buf[at],
            self.buf[at + 1],
            self.buf[at + 2],
            self.buf[at + 3],
        ]);
        if n == 0 || n > MAX_BODY {
            return Err(Error::LedgerCorrupt {
                offset,
                why: format!("the entry has an impossible length {n}"),
            });
        }
        let total = HEAD + n as usize;
        if !self.covers(offset, total) {
            self.fill(offset, total.max(self.window))?;
            if !self.covers(offset, total) {
                return Err(short());
            }
        }
        let at = (offset - self.base) as usize;
        Ok(&self.buf[at + HEAD..at + total])
    }

    /// The entry at `offset`.
    pub fn entry_at(&mut self, offset: u64) -> Result<Entry> {
        let body = self.body_at(offset)?;
        decode(body, offset)
    }

    /// The claim text of the report entry at `offset`, which must be the claim's
    /// first sighting (the entry that carries its text).
    pub fn claim_text_at(&mut self, offset: u64) -> Result<&str> {
        let body = self.body_at(offset)?;
        let bad = |why: &str| Error::LedgerCorrupt {
            offset,
            why: format!("the store expects a claim's first report here, but {why}"),
        };
        let claim = match body {
            [ENTRY_V2, tag::REPORT, rest @ ..] => postcard::from_bytes::<ClaimRefPrefix>(rest),
            [ENTRY_V2, ..] => return Err(bad("the entry is not a report")),
            [ENTRY_V1, rest @ ..] => match postcard::from_bytes::<EntryPrefix>(rest) {
                Ok(EntryPrefix::Report { claim }) => Ok(claim),
                Err(e) => Err(e),
            },
            _ => return Err(bad("the entry has an unknown version")),
        };
        match claim {
            Ok(ClaimRefPrefix::Text(t)) => Ok(t),
            Ok(ClaimRefPrefix::Id(_)) => Err(bad("the entry refers to the claim by id")),
            Err(_) => Err(bad("the entry is not a report")),
        }
    }
}

/// Appends entries for one command. Dropping it without [`Appender::commit`] leaves an
/// unfinished tail that the caller must [`Ledger::truncate`] (or the next open trims).
pub struct Appender<'a> {
    start: u64,
    pos: u64,
    prev: [u8; 32],
    records: u64,
    w: BufWriter<&'a mut File>,
}

impl Appender<'_> {
    /// Offset where this command's entries start.
    pub fn start(&self) -> u64 {
        self.start
    }

    /// Records appended so far.
    pub fn records(&self) -> u64 {
        self.records
    }

    /// Append one entry; returns its offset.
    pub fn append(&mut self, entry: &Entry) -> Result<u64> {
        let body = encode(entry)?;
        let len = u32::try_from(body.len())
            .ok()
            .filter(|n| *n <= MAX_BODY)
            .ok_or_else(|| Error::Invalid("a record is too large for the ledger".into()))?
            .to_le_bytes();
        let hash = entry_hash(&len, &self.prev, &body);
        let at = self.pos;
        self.w
            .write_all(&len)
            .and_then(|_| self.w.write_all(&self.prev))
            .and_then(|_| self.w.write_all(&body))
            .map_err(|e| Error::io("appending to the ledger", e))?;
        self.pos += 4 + 32 + body.len() as u64;
        self.prev = hash;
        if !matches!(entry, Entry::Commit { .. }) {
            self.records += 1;
        }
        Ok(at)
    }

    /// Append the commit entry, flush and fsync. Returns (end offset, last hash).
    pub fn commit(
        mut self,
        command: &str,
        author: Option<&str>,
        time: i64,
    ) -> Result<(u64, [u8; 32])> {
        let records = self.records;
        self.append(&Entry::Commit {
            records,
            time,
            command: command.chars().take(200).collect(),
            author: author.map(|a| a.chars().take(64).collect()),
        })?;
        self.w
            .flush()
            .map_err(|e| Error::io("writing the ledger", e))?;
        self.w
            .get_ref()
            .sync_data()
            .map_err(|e| Error::io("syncing the ledger to disk", e))?;
        Ok((self.pos, self.prev))
    }
}

impl ClaimLink {
    /// The ledger's form of what a link record says (after validation).
    pub fn from_record(l: &crate::record::LinkRecord) -> ClaimLink {
        use crate::record::{LinkAuthor, LinkRelation};
        ClaimLink {
            same: l.relation == LinkRelation::Same,
            matcher: match l.by {
                LinkAuthor::Person => None,
                LinkAuthor::Matcher => Some(MatcherLink {
                    score: l.score.unwrap_or(0.0),
                    model: l.model.clone().unwrap_or_default(),
                    threshold: l.threshold.unwrap_or(0.0),
                }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Entry {
        Entry::Report {
            claim: ClaimRef::Text(text.into()),
            hops: vec![HopEntry {
                name: "AP".into(),
                anonymous: false,
            }],
            url: None,
            published: None,
            added: 1,
        }
    }

    #[test]
    fn cursors_read_entries_by_offset() {
        let dir = tempfile::tempdir().unwrap();
        let mut l = Ledger::open(&dir.path().join("ledger.log")).unwrap();
        let mut a = l.appender(genesis_hash()).unwrap();
        let first = a.append(&report("one")).unwrap();
        let second = a.append(&report(&"long ".repeat(2000))).unwrap();
        let (end, _) = a.commit("test", None, 5).unwrap();
        for window in [0, 64, 1 << 20] {
            let mut c = l.cursor(window);
            assert_eq!(c.claim_text_at(second).unwrap().len(), 10_000);
            assert_eq!(c.claim_text_at(first).unwrap(), "one");
            assert_eq!(c.entry_at(first).unwrap(), report("one"));
            assert!(matches!(
                c.entry_at(end - 10),
                Err(Error::LedgerCorrupt { .. })
            ));
            assert!(c.entry_at(end).is_err());
            assert!(c.entry_at(u64::MAX - 3).is_err());
            // The commit is not a report: asking it for a claim text is an error.
            let mut r = l.read_all().unwrap();
            let commit = std::iter::from_fn(|| r.next_entry().unwrap())
                .last()
                .unwrap();
            assert_eq!(commit.entry.kind(), "commit");
            assert!(c.claim_text_at(commit.offset).is_err());
        }
    }

    #[test]
    fn append_read_and_chain() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ledger.log");
        let mut l = Ledger::open(&p).unwrap();
        let mut a = l.appender(genesis_hash()).unwrap();
        a.append(&report("one")).unwrap();
        a.append(&report("two")).unwrap();
        let (end, head) = a.commit("test", None, 5).unwrap();
        assert_eq!(end, l.size().unwrap());
        let mut r = l.read_all().unwrap();
        let mut kinds = vec![];
        while let Some(e) = r.next_entry().unwrap() {
            kinds.push(e.entry.kind());
        }
        assert_eq!(kinds, ["report", "report", "commit"]);
        assert_eq!(r.last_hash(), head);
    }

    #[test]
    fn flipped_byte_breaks_the_next_link() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ledger.log");
        let mut l = Ledger::open(&p).unwrap();
        let mut a = l.appender(genesis_hash()).unwrap();
        let second = {
            a.append(&report("one")).unwrap();
            a.append(&report("two")).unwrap()
        };
        a.commit("test", None, 5).unwrap();
        drop(l);
        let mut bytes = std::fs::read(&p).unwrap();
        // Flip a byte inside the first entry's body (just before the second entry).
        bytes[second as usize - 2] ^= 0x01;
        std::fs::write(&p, &bytes).unwrap();
        let l = Ledger::open(&p).unwrap();
        let mut r = l.read_all().unwrap();
        let mut err = None;
        loop {
            match r.next_entry() {
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        let msg = err.expect("the flip must be detected").to_string();
        assert!(msg.contains("entry 1") || msg.contains("decode"), "{msg}");
    }

    /// The bytes of version-2 bodies are a contract: these are worked out by hand from
    /// postcard's rules (varint lengths, strings as length + UTF-8, `Option` as 0/1,
    /// `bool` as 0/1, enum variants of ledger-owned types as their number).
    #[test]
    fn version_2_bodies_are_stable() {
        let verdict = Entry::Verdict {
            claim: [7; 32],
            verdict: Verdict::Mixed,
            by: Some("D".into()),
            url: None,
            note: None,
            date: None,
            added: 3,
        };
        let mut want = vec![ENTRY_V2, tag::VERDICT];
        want.extend([7u8; 32]);
        want.extend([5, b'm', b'i', b'x', b'e', b'd', 1, 1, b'D', 0, 0, 0, 6]);
        assert_eq!(encode(&verdict).unwrap(), want);
        let source = Entry::Source {
            name: "A".into(),
            aliases: vec![],
            homepage: None,
            kind: Some(SourceKind::Ngo),
            affiliations: vec![],
            rating: None,
        };
        assert_eq!(
            encode(&source).unwrap(),
            [
                ENTRY_V2,
                tag::SOURCE,
                1,
                b'A',
                0,
                0,
                1,
                3,
                b'n',
                b'g',
                b'o',
                0,
                0
            ]
        );
        let report = Entry::Report {
            claim: ClaimRef::Text("x".into()),
            hops: vec![HopEntry {
                name: "B".into(),
                anonymous: true,
            }],
            url: None,
            published: None,
            added: -1,
        };
        assert_eq!(
            encode(&report).unwrap(),
            [ENTRY_V2, tag::REPORT, 0, 1, b'x', 1, 1, b'B', 1, 0, 0, 1]
        );
        for e in [verdict, source, report] {
            assert_eq!(decode(&encode(&e).unwrap(), 0).unwrap(), e);
        }
    }

    /// The undo kinds (tags 6–9), byte by byte, worked out by hand like the above.
    #[test]
    fn version_2_undo_bodies_are_stable() {
        let cases: Vec<(Entry, Vec<u8>)> = vec![
            (
                Entry::Unmerge {
                    into: "A".into(),
                    from: "Bc".into(),
                },
                vec![ENTRY_V2, 6, 1, b'A', 2, b'B', b'c'],
            ),
            (
                Entry::Unalias {
                    name: "A".into(),
                    alias: "b".into(),
                },
                vec![ENTRY_V2, 7, 1, b'A', 1, b'b'],
            ),
            (
                Entry::Unaffiliate {
                    name: "A".into(),
                    label: "x:y".into(),
                },
                vec![ENTRY_V2, 8, 1, b'A', 3, b'x', b':', b'y'],
            ),
        ];
        let mut report = vec![ENTRY_V2, 9];
        report.extend([4u8; 32]);
        report.push(0); // variant 0: a report
        report.extend([5u8; 32]);
        report.extend([1, 2, b'n', b'o']); // Some("no")
        let mut verdict = vec![ENTRY_V2, 9];
        verdict.extend([4u8; 32]);
        verdict.extend([1, 0xac, 0x02]); // variant 1: a verdict at offset 300 (varint)
        verdict.push(0); // no reason
        let cases = cases.into_iter().chain([
            (
                Entry::Retract {
                    claim: [4; 32],
                    target: RetractTarget::Report([5; 32]),
                    reason: Some("no".into()),
                },
                report,
            ),
            (
                Entry::Retract {
                    claim: [4; 32],
                    target: RetractTarget::Verdict(300),
                    reason: None,
                },
                verdict,
            ),
        ]);
        for (e, want) in cases {
            assert_eq!(encode(&e).unwrap(), want, "{}", e.kind());
            assert_eq!(decode(&want, 0).unwrap(), e);
        }
        assert_eq!(
            (tag::UNMERGE, tag::UNALIAS, tag::UNAFFILIATE, tag::RETRACT),
            (6, 7, 8, 9)
        );
    }

    /// Tag 10 is `distinct`: the two names as written, each as length + UTF-8.
    #[test]
    fn distinct_bodies_are_stable() {
        let distinct = Entry::Distinct {
            a: "Ann".into(),
            b: "É".into(),
        };
        let bytes = encode(&distinct).unwrap();
        assert_eq!(bytes, [ENTRY_V2, 10, 3, b'A', b'n', b'n', 2, 0xC3, 0x89]);
        assert_eq!(decode(&bytes, 0).unwrap(), distinct);
        assert_eq!(distinct.kind(), "distinct");
        // A truncated body is damage, not a panic.
        assert!(decode(&bytes[..5], 0).is_err());
    }

    /// Tag 13 is a commit with its author (a commit without one keeps tag 5, so
    /// ledgers written before authors read unchanged); tag 14 a user change, by name.
    #[test]
    fn author_and_user_bodies_are_stable() {
        let plain = Entry::Commit {
            records: 2,
            time: 5,
            command: "a".into(),
            author: None,
        };
        assert_eq!(encode(&plain).unwrap(), [ENTRY_V2, 5, 2, 10, 1, b'a']);
        let by = Entry::Commit {
            records: 2,
            time: 5,
            command: "a".into(),
            author: Some("ed".into()),
        };
        let bytes = encode(&by).unwrap();
        assert_eq!(bytes, [ENTRY_V2, 13, 2, 10, 1, b'a', 2, b'e', b'd']);
        assert_eq!(decode(&bytes, 0).unwrap(), by);
        assert!(is_commit(&bytes) && is_commit(&encode(&plain).unwrap()));

        let add = Entry::User {
            name: "ed".into(),
            change: UserChange::Add("viewer".into()),
        };
        let bytes = encode(&add).unwrap();
        let mut want = vec![ENTRY_V2, 14, 2, b'e', b'd', 3];
        want.extend_from_slice(b"add");
        want.push(6);
        want.extend_from_slice(b"viewer");
        assert_eq!(bytes, want);
        assert_eq!(decode(&bytes, 0).unwrap(), add);
        for change in [UserChange::Reset, UserChange::Password, UserChange::Remove] {
            let e = Entry::User {
                name: "ed".into(),
                change,
            };
            assert_eq!(decode(&encode(&e).unwrap(), 0).unwrap(), e);
        }
        // A change this version does not know is damage with a reason, not a guess.
        let mut odd = vec![ENTRY_V2, 14, 2, b'e', b'd', 3];
        odd.extend_from_slice(b"own");
        odd.push(0);
        let err = decode(&odd, 0).unwrap_err().to_string();
        assert!(err.contains("unknown user change"), "{err}");
    }

    /// Version-1 bodies read as they were written by 0.1: the kind and verdict
    /// numbers are 0.1's positions (online_outlet was 3, unproven was 3).
    #[test]
    fn version_1_bodies_keep_their_meaning() {
        // Source { name "A", no aliases, no homepage, kind Some(3), no affiliations,
        // no rating } as postcard wrote `Entry::Source` (variant 1).
        let body = [ENTRY_V1, 1, 1, b'A', 0, 0, 1, 3, 0, 0];
        let Entry::Source { kind, .. } = decode(&body, 0).unwrap() else {
            panic!("not a source")
        };
        assert_eq!(kind, Some(SourceKind::OnlineOutlet));
        let mut body = vec![ENTRY_V1, 2];
        body.extend([9u8; 32]);
        body.extend([3, 0, 0, 0, 0, 2]);
        let Entry::Verdict { verdict, added, .. } = decode(&body, 0).unwrap() else {
            panic!("not a verdict")
        };
        assert_eq!((verdict, added), (Verdict::Unproven, 1));
        assert!(is_commit(&[ENTRY_V1, 4, 0]));
        assert!(!is_commit(&[ENTRY_V1, 1, 0]));
    }

    #[test]
    fn the_committed_version_1_fixture_reads_to_the_end() {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ledger-v1/ledger.log");
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("ledger.log");
        std::fs::copy(&p, &copy).expect("the committed fixture tests/data/ledger-v1/ledger.log");
        let l = Ledger::open(&copy).unwrap();
        let mut r = l.read_all().unwrap();
        let mut kinds = std::collections::BTreeMap::new();
        while let Some(e) = r.next_entry().unwrap() {
            *kinds.entry(e.entry.kind()).or_insert(0) += 1;
        }
        assert_eq!(r.position(), l.size().unwrap());
        let scan = l.scan_links(0).unwrap();
        assert!(scan.damage.is_none());
        assert_eq!(
            (scan.entries, scan.commits, scan.committed),
            (36, 7, l.size().unwrap())
        );
        assert_eq!(kinds.get("commit"), Some(&7));
        assert_eq!(kinds.get("merge"), Some(&1));
        assert_eq!(kinds.get("verdict"), Some(&4));
    }

    #[test]
    fn scan_links_finds_the_hash_at_an_offset_and_stops_at_damage() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("ledger.log");
        let mut l = Ledger::open(&p).unwrap();
        let mut a = l.appender(genesis_hash()).unwrap();
        a.append(&report("one")).unwrap();
        let (first, head1) = a.commit("a", None, 1).unwrap();
        let mut a = l.appender(head1).unwrap();
        let second = a.append(&report("two")).unwrap();
        let (end, head2) = a.commit("b", None, 2).unwrap();
        let s = l.scan_links(first).unwrap();
        assert_eq!(s.hash_at, Some(head1));
        assert_eq!((s.committed, s.committed_head, s.commits), (end, head2, 2));
        assert!(s.damage.is_none());
        // An unfinished tail (zeros) is not damage.
        drop(l);
        let mut bytes = std::fs::read(&p).unwrap();
        bytes.extend([0u8; 100]);
        std::fs::write(&p, &bytes).unwrap();
        let l = Ledger::open(&p).unwrap();
        let s = l.scan_links(first).unwrap();
        assert!(s.damage.is_none());
        assert_eq!(s.committed, end);
        // A flipped byte in the second report breaks the link of the commit after it.
        bytes.truncate(end as usize);
        bytes[second as usize + 40] ^= 1;
        std::fs::write(&p, &bytes).unwrap();
        let s = l.scan_links(first).unwrap();
        assert_eq!(s.committed, first);
        assert!(s.damage.is_some_and(|(at, _)| at > second));
    }
}
