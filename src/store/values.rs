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

/// A claim and all its reports (tree `claims`, key = claim id).
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct ClaimV1 {
    /// Text as first seen.
    pub text: String,
    /// First added, seconds since 1970.
    pub added: i64,
    /// Every report of the claim, in the order they were first recorded.
    pub reports: Vec<ReportV1>,
}

/// One report inside a [`ClaimV1`].
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct ReportV1 {
    /// Report id.
    pub id: [u8; 32],
    /// Hops, reader-facing first.
    pub hops: Vec<HopV1>,
    /// Where it was read.
    pub url: Option<String>,
    /// When published (ISO 8601 as written).
    pub published: Option<String>,
    /// When added.
    pub added: i64,
}

/// One hop of a stored report.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum HopV1 {
    /// A registry source (dense id) and the name as written when it differs.
    Named(u32, Option<String>),
    /// An anonymous source's description.
    Anonymous(String),
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

/// A borrowed reading of [`ClaimV1`] (same bytes): what listings need, without
/// allocating a string per URL, date or written name.
#[derive(Deserialize, Debug)]
pub struct ClaimLiteV1<'a> {
    /// Text as first seen.
    #[serde(borrow)]
    pub text: &'a str,
    /// First added.
    pub added: i64,
    /// Every report.
    #[serde(borrow)]
    pub reports: Vec<ReportLiteV1<'a>>,
}

/// A borrowed reading of [`ReportV1`].
#[derive(Deserialize, Debug)]
pub struct ReportLiteV1<'a> {
    /// Report id.
    pub id: [u8; 32],
    /// Hops.
    #[serde(borrow)]
    pub hops: Vec<HopLiteV1<'a>>,
    /// Where it was read.
    #[serde(borrow)]
    pub url: Option<&'a str>,
    /// When published.
    #[serde(borrow)]
    pub published: Option<&'a str>,
    /// When added.
    pub added: i64,
}

/// A borrowed reading of [`HopV1`].
#[derive(Deserialize, Debug)]
pub enum HopLiteV1<'a> {
    /// A registry source and the name as written.
    Named(u32, #[serde(borrow)] Option<&'a str>),
    /// An anonymous source's description.
    Anonymous(&'a str),
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
