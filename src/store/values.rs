//! Persisted value types of the sled store (format version 1), kept apart from the
//! domain types so that a change to the program's types never silently changes what
//! is on disk. Every value is one version byte followed by its postcard encoding.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::error::{Error, Result};

/// Version byte of every value written by this build.
pub const VALUE_V1: u8 = 1;

/// Encode a value with its version byte.
pub fn encode<T: Serialize>(v: &T) -> Result<Vec<u8>> {
    let mut out = vec![VALUE_V1];
    out.extend(postcard::to_stdvec(v).map_err(|e| Error::Encoding(e.to_string()))?);
    Ok(out)
}

/// Decode a value written by [`encode`]; `what` names it in errors.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], what: &str) -> Result<T> {
    decode_borrowed(bytes, what)
}

/// The claims first recorded in one import batch, a run of at most 64 in number
/// order (tree `heads`, key = the first claim's number, u64 big-endian).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct GroupV1<'a> {
    /// The claims, in number order.
    #[serde(borrow)]
    pub claims: Vec<HeadV1<'a>>,
}

/// A claim and its reports from the batch that first recorded it. Its text is not
/// copied here: it is in the ledger entry at the claim's number.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct HeadV1<'a> {
    /// Claim number minus the group's key.
    pub n: u64,
    /// Claim id (also the key of tree `ids`, which maps it to the claim number).
    pub id: [u8; 32],
    /// First added, seconds since 1970.
    pub added: i64,
    /// Its reports in that batch, in ledger order.
    #[serde(borrow)]
    pub reports: Vec<ReportV2<'a>>,
}

/// The reports of a claim that a later batch added (tree `chunks`, key = claim number
/// ++ batch key, both u64 big-endian).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct ChunkV1<'a> {
    /// Reports new in that batch, in ledger order.
    #[serde(borrow)]
    pub reports: Vec<ReportV2<'a>>,
}

/// One report inside a [`HeadV1`] or [`ChunkV1`]: where its entry is in the ledger and how its hops
/// resolved. The URL, the dates, the names as written and anonymous descriptions are
/// read from the ledger entry when a command shows them. (Version 1, in store format
/// 1, held all of that, and the report id, which is recomputed from the hops.)
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct ReportV2<'a> {
    /// Ledger offset of the report's entry.
    pub entry: u64,
    /// Hops, reader-facing first: per hop a varint, the source id plus one for a
    /// named hop, zero for an anonymous one.
    pub hops: &'a [u8],
}

/// The claims of one source in one batch (tree `postings`): the claim numbers in
/// ascending order, each stored as its difference from the previous one (varints, so
/// most take one to three bytes).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct PostingV1 {
    /// Claim numbers, delta-encoded.
    pub deltas: Vec<u64>,
}

/// A source (tree `sources`, key = id as u32 big-endian).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct SourceV1 {
    /// Canonical name.
    pub name: String,
    /// Aliases.
    pub aliases: Vec<String>,
    /// Homepage URL.
    pub homepage: Option<String>,
    /// Kind, as its snake_case name.
    pub kind: String,
    /// Affiliation labels.
    pub affiliations: Vec<String>,
    /// Rating in [0, 1].
    pub rating: Option<f64>,
    /// Merged into this source id.
    pub merged_into: Option<u32>,
}

/// A verdict (tree `verdicts`, key = claim id ++ ledger offset u64 big-endian).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct VerdictV1 {
    /// "true", "false", "mixed" or "unproven".
    pub verdict: String,
    /// Reviewer.
    pub by: Option<String>,
    /// Fact-check URL.
    pub url: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Date given with the verdict.
    pub date: Option<String>,
    /// When it was added.
    pub added: i64,
}

/// What a merge changed (tree `merges`, key = the absorbed source's id, u32 BE), kept
/// so that `source unmerge` can take back exactly that: the names and labels the
/// surviving source gained, whether it took the homepage and the rating, and the
/// reports collapsed into others because the merge made them identical.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct MergeV1 {
    /// The surviving source's id.
    pub into: u32,
    /// Ledger offset of the merge entry.
    pub at: u64,
    /// Aliases the surviving source gained.
    pub aliases: Vec<String>,
    /// Affiliation labels it gained.
    pub affiliations: Vec<String>,
    /// It took the absorbed source's homepage.
    pub homepage: bool,
    /// It took the absorbed source's rating.
    pub rating: bool,
    /// Reports the merge collapsed: (claim number, report entry offset, hops as in
    /// [`ReportV2`]).
    pub collapsed: Vec<(u64, u64, Vec<u8>)>,
}

/// Two sources a person said are not the same (tree `distinct`, key = the two source
/// ids, u32 big-endian each, the smaller first).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct DistinctV1 {
    /// Ledger offset of the `distinct` entry that recorded the pair (the latest one).
    pub entry: u64,
}

/// A link between two claims (tree `links`, key = the two claim ids, the smaller
/// first, then one byte: 0 a person's link, 1 the matcher's).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct LinkV1 {
    /// True: the same claim; false: different claims.
    pub same: bool,
    /// The matcher's score, model and threshold (absent for a person's link).
    pub score: Option<f32>,
    pub model: Option<String>,
    pub threshold: Option<f32>,
    /// Ledger offset of the `link` entry that recorded it (the latest one).
    pub entry: u64,
}

/// A user of the server (tree `users`, key = the name). The role by name
/// (`viewer`, `editor`, `admin`), never a secret.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct UserV1 {
    pub role: String,
    /// Ledger offset of the entry that set the role.
    pub entry: u64,
}

/// A claim's sentence embedding, or the mark that the lexical matcher has seen it
/// (tree `vectors`, key = claim id). A cache: deterministic from the text and the
/// model, never compared by `verify` and computed again by `match` when missing.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct VectorV1 {
    /// The model's id (`lexical`: no vector).
    pub model: String,
    /// The L2-normalised embedding (empty for `lexical`).
    pub vector: Vec<f32>,
}

/// Decode a value written by [`encode`] as a borrowed reading of it.
pub fn decode_borrowed<'a, T: Deserialize<'a>>(bytes: &'a [u8], what: &str) -> Result<T> {
    match bytes.split_first() {
        Some((&VALUE_V1, rest)) => postcard::from_bytes(rest)
            .map_err(|e| Error::Corrupt(format!("a stored {what} does not decode ({e})"))),
        Some((v, _)) => Err(Error::Corrupt(format!(
            "a stored {what} has value version {v}, which this build does not know"
        ))),
        None => Err(Error::Corrupt(format!("a stored {what} is empty"))),
    }
}
