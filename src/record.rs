//! Input records: the JSONL lines `import` reads (and `export --format jsonl` writes),
//! their validation and size limits. Published as JSON Schemas in `schemas/`.
//!
//! This module only parses and checks; it never touches the database.

use serde::{Deserialize, Serialize};

use crate::chain::Chain;
use crate::chars;
use crate::claim::{self, ClaimId};
use crate::error::{Error, Result};
use crate::source::{parse_http_url, SourceKind, SourcePatch};

/// Longest accepted input line, in bytes (1 MiB).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// A fact-check verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The claim is accurate.
    True,
    /// The claim is false.
    False,
    /// Partly true.
    Mixed,
    /// Could not be established either way.
    Unproven,
}

impl Verdict {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::True => "true",
            Verdict::False => "false",
            Verdict::Mixed => "mixed",
            Verdict::Unproven => "unproven",
        }
    }

    /// Parse a lowercase verdict name.
    pub fn parse(s: &str) -> Result<Verdict> {
        match s.to_ascii_lowercase().as_str() {
            "true" => Ok(Verdict::True),
            "false" => Ok(Verdict::False),
            "mixed" => Ok(Verdict::Mixed),
            "unproven" => Ok(Verdict::Unproven),
            _ => Err(Error::Invalid(format!(
                "unknown verdict {s:?}; use true, false, mixed or unproven"
            ))),
        }
    }
}

/// A verdict as stored: who said what about a claim, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictEntry {
    /// The claim.
    pub claim: ClaimId,
    /// The verdict.
    pub verdict: Verdict,
    /// Reviewer.
    pub by: Option<String>,
    /// Fact-check URL.
    pub url: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// Date given with the verdict (ISO 8601).
    pub date: Option<String>,
    /// When it was recorded, seconds since 1970.
    pub added: i64,
    /// Ledger offset of the verdict: orders verdicts and makes replays idempotent.
    pub seq: u64,
}

/// One input record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Record {
    /// A sighting of a claim with its provenance chain.
    Report(ReportRecord),
    /// A source registry entry (merges into an existing source of that name).
    Source(SourceRecord),
    /// A fact-check verdict on a claim.
    Verdict(VerdictRecord),
    /// Two claims that state the same fact in other words, or that do not.
    Link(LinkRecord),
}

/// `{"type":"link", ...}`: claims `a` and `b` (full ids) are the same claim
/// (`relation` `same`, the default) or different ones (`different`: no automatic
/// match may join them). `by` is `person` (the default) or `matcher`; a matcher's
/// link carries its `score`, `model` and `threshold`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkRecord {
    /// One claim's id (64 hex digits).
    pub a: String,
    /// The other claim's id (64 hex digits).
    pub b: String,
    /// `same` or `different`.
    #[serde(default)]
    pub relation: LinkRelation,
    /// `person` or `matcher`.
    #[serde(default)]
    pub by: LinkAuthor,
    /// The matcher's score in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// The matcher's model (`lexical` without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The threshold the matcher compared the score with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f32>,
}

/// What a link says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkRelation {
    /// The same claim in other words.
    #[default]
    Same,
    /// Different claims.
    Different,
}

/// Who made a link.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkAuthor {
    /// A person: always beats the matcher.
    #[default]
    Person,
    /// The automatic matcher.
    Matcher,
}

impl LinkRecord {
    /// The two claim ids, checked.
    pub fn ids(&self) -> Result<(ClaimId, ClaimId)> {
        let a = ClaimId::from_hex(&self.a)?;
        let b = ClaimId::from_hex(&self.b)?;
        if a == b {
            return Err(Error::Invalid(
                "a link needs two different claims; `a` and `b` are the same id".into(),
            ));
        }
        Ok((a, b))
    }
}

/// `{"type":"report", ...}`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRecord {
    /// The claim's text.
    pub claim: String,
    /// Reader-facing outlet first, origin last.
    pub chain: Chain,
    /// Where the claim was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published (ISO 8601 date or date-time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// When it was first recorded (ISO 8601; backups write `YYYY-MM-DDTHH:MM:SSZ`), so
    /// that a restored backup keeps the dates `claims` shows for reports without a
    /// publication date. When absent, the time of the import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded: Option<String>,
}

/// `{"type":"source", ...}`
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    /// Canonical name (or any name that already resolves to the source).
    pub name: String,
    /// Other names for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Homepage URL (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub homepage: Option<String>,
    /// Kind of source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// Group labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<String>,
    /// Rating in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<f64>,
}

/// `{"type":"verdict", ...}`: exactly one of `claim` and `claim_id`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictRecord {
    /// The claim's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// The claim's full id (64 hex digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_id: Option<String>,
    /// The verdict.
    pub verdict: Verdict,
    /// Who reviewed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Where the fact-check is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When the verdict was given (ISO 8601); defaults to the time it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl VerdictRecord {
    /// The id of the claim this verdict is about.
    pub fn claim_id(&self) -> Result<ClaimId> {
        match (&self.claim, &self.claim_id) {
            (Some(text), None) => Ok(ClaimId::of_text(text)),
            (None, Some(hex)) => ClaimId::from_hex(hex),
            _ => Err(Error::Invalid(
                "a verdict needs exactly one of `claim` (text) and `claim_id` (64 hex digits)"
                    .into(),
            )),
        }
    }
}

impl SourceRecord {
    /// The registry change this record asks for (after validation).
    pub fn patch(&self) -> Result<SourcePatch> {
        Ok(SourcePatch {
            aliases: self.aliases.clone(),
            homepage: self.homepage.as_deref().map(parse_http_url).transpose()?,
            kind: self.kind,
            affiliations: self.affiliations.clone(),
            rating: self.rating,
        })
    }
}

/// Longest free-text field (reviewer, note, name), in bytes.
const MAX_FIELD_BYTES: usize = 4096;

/// Check a source name given to a registry command (a merge's two names).
pub fn check_name(what: &str, s: &str) -> Result<()> {
    check_field(what, s)
}

fn check_field(what: &str, s: &str) -> Result<()> {
    if s.len() > MAX_FIELD_BYTES {
        return Err(Error::Invalid(format!(
            "`{what}` is {} bytes long; at most {MAX_FIELD_BYTES} are allowed",
            s.len()
        )));
    }
    if s.trim().is_empty() {
        return Err(Error::Invalid(format!("`{what}` is empty")));
    }
    Ok(())
}

/// Check a rating value.
pub fn check_rating(r: f64) -> Result<()> {
    if r.is_finite() && (0.0..=1.0).contains(&r) {
        Ok(())
    } else {
        Err(Error::BadRating(r))
    }
}

impl Record {
    /// Check every rule a record must satisfy beyond its JSON shape.
    pub fn validate(&self) -> Result<()> {
        match self {
            Record::Report(r) => {
                claim::validate_text(&r.claim)?;
                if let Some(u) = &r.url {
                    parse_http_url(u)?;
                }
                if let Some(d) = &r.published {
                    crate::date::validate(d)?;
                }
                if let Some(d) = &r.recorded {
                    crate::date::validate(d)?;
                }
                Ok(())
            }
            Record::Source(s) => {
                check_field("name", &s.name)?;
                chars::check_name("the name", &s.name)?;
                for a in &s.aliases {
                    check_field("aliases", a)?;
                    chars::check_name("an alias", a)?;
                }
                for a in &s.affiliations {
                    check_field("affiliations", a)?;
                    chars::check_name("an affiliation label", a)?;
                }
                if s.aliases.len() > 256 || s.affiliations.len() > 256 {
                    return Err(Error::Invalid(format!(
                        "the source has {} aliases and {} affiliations; at most 256 of each are allowed",
                        s.aliases.len(),
                        s.affiliations.len()
                    )));
                }
                if let Some(r) = s.rating {
                    check_rating(r)?;
                }
                s.patch().map(|_| ())
            }
            Record::Verdict(v) => {
                if let Some(text) = &v.claim {
                    claim::validate_text(text)?;
                }
                v.claim_id()?;
                if let Some(u) = &v.url {
                    parse_http_url(u)?;
                }
                if let Some(b) = &v.by {
                    check_field("by", b)?;
                    chars::check_name("the reviewer (`by`)", b)?;
                }
                if let Some(n) = &v.note {
                    if n.len() > claim::MAX_CLAIM_BYTES {
                        return Err(Error::Invalid("`note` is longer than 64 KiB".into()));
                    }
                }
                if let Some(d) = &v.date {
                    crate::date::validate(d)?;
                }
                Ok(())
            }
            Record::Link(l) => {
                l.ids()?;
                let unit = |what: &str, x: Option<f32>| match x {
                    Some(x) if !(x.is_finite() && (0.0..=1.0).contains(&x)) => Err(Error::Invalid(
                        format!("`{what}` must be a number from 0 to 1, not {x}"),
                    )),
                    _ => Ok(()),
                };
                unit("score", l.score)?;
                unit("threshold", l.threshold)?;
                if let Some(m) = &l.model {
                    check_field("model", m)?;
                    chars::check_name("the model", m)?;
                }
                match (l.by, l.score, &l.model, l.threshold) {
                    (LinkAuthor::Person, None, None, None) => Ok(()),
                    (LinkAuthor::Person, ..) => Err(Error::Invalid(
                        "a person's link has no `score`, `model` or `threshold`; set `\"by\": \"matcher\"` for an automatic one".into(),
                    )),
                    (LinkAuthor::Matcher, Some(_), Some(_), Some(_)) => Ok(()),
                    (LinkAuthor::Matcher, ..) => Err(Error::Invalid(
                        "a matcher's link needs `score`, `model` and `threshold`".into(),
                    )),
                }
            }
        }
    }
}

/// Parse and validate one JSONL line (without its newline).
pub fn parse_line(line: &str) -> Result<Record> {
    let rec = parse_unchecked(line)?;
    rec.validate()?;
    Ok(rec)
}

/// Parse one JSONL line without the rule checks of [`Record::validate`]: for the
/// database's write path, which validates every record it writes itself.
pub fn parse_unchecked(line: &str) -> Result<Record> {
    // A file saved with a byte order mark starts with one; a trailing carriage return
    // (CRLF line ends) is white space to JSON.
    let line = chars::strip_bom(line);
    if line.len() > MAX_LINE_BYTES {
        return Err(Error::Invalid(format!(
            "the line is {} bytes long; at most {MAX_LINE_BYTES} (1 MiB) are allowed",
            line.len()
        )));
    }
    serde_json::from_str(line).map_err(|e| Error::Invalid(describe_json_error(&e)))
}

/// Turn a serde_json error into a message a user can act on.
fn describe_json_error(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    // serde_json appends " at line 1 column N"; the column helps, the line does not.
    let msg = match msg.rfind(" at line 1 column ") {
        Some(i) => format!("{} (column {})", &msg[..i], &msg[i + 18..]),
        None => msg,
    };
    if msg.contains("missing field `type`") || msg.contains("unknown variant") {
        format!("{msg}; `type` must be \"report\", \"source\", \"verdict\" or \"link\"")
    } else {
        msg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_records() {
        let r = parse_line(r#"{"type":"report","claim":"X happened.","chain":"Blog via AP","url":"https://example.org/a","published":"2016-12-10"}"#).unwrap();
        assert!(matches!(r, Record::Report(_)));
        let s = parse_line(r#"{"type":"source","name":"AP","aliases":["Associated Press"],"homepage":"https://apnews.com","kind":"wire_agency","affiliations":["x"],"rating":0.9}"#).unwrap();
        assert!(matches!(s, Record::Source(_)));
        let v =
            parse_line(r#"{"type":"verdict","claim":"X happened","verdict":"false","by":"Desk"}"#)
                .unwrap();
        let Record::Verdict(v) = v else { panic!() };
        assert_eq!(v.claim_id().unwrap(), ClaimId::of_text("x happened."));
    }

    #[test]
    fn bad_records() {
        let cases = [
            (
                r#"{"type":"report","claim":"x","chain":"A","extra":1}"#,
                "unknown field",
            ),
            (r#"{"type":"rumour","claim":"x"}"#, "unknown variant"),
            (r#"{"claim":"x","chain":"A"}"#, "missing field `type`"),
            (r#"{"type":"report","claim":"x","chain":"via A"}"#, "chain"),
            (
                r#"{"type":"report","claim":"x","chain":"A","url":"ftp://a.b/c"}"#,
                "http",
            ),
            (
                r#"{"type":"report","claim":"x","chain":"A","published":"yesterday"}"#,
                "ISO 8601",
            ),
            (r#"{"type":"report","claim":" . ","chain":"A"}"#, "empty"),
            (r#"{"type":"source","name":"A","rating":1.5}"#, "outside"),
            (
                r#"{"type":"source","name":"A","kind":"blog"}"#,
                "unknown source kind \"blog\"; use one of wire_agency, newspaper,",
            ),
            (r#"{"type":"verdict","verdict":"false"}"#, "exactly one"),
            (
                r#"{"type":"verdict","claim_id":"abc","verdict":"false"}"#,
                "64 hexadecimal",
            ),
            (
                r#"{"type":"verdict","claim":"x","verdict":"maybe"}"#,
                "unknown variant",
            ),
            ("not json", "expected"),
        ];
        for (line, want) in cases {
            let err = parse_line(line).unwrap_err().to_string();
            assert!(err.contains(want), "{line}: {err}");
        }
        let long = format!(
            r#"{{"type":"report","claim":"{}","chain":"A"}}"#,
            "a".repeat(70_000)
        );
        assert!(parse_line(&long).unwrap_err().to_string().contains("65536"));
    }

    #[test]
    fn round_trip_through_json() {
        let line = r#"{"type":"report","claim":"c","chain":["A",{"name":"an official","anonymous":true}]}"#;
        let r = parse_line(line).unwrap();
        assert_eq!(serde_json::to_string(&r).unwrap(), line);
    }
}
