//! Finding claims: word search in claim texts (`claims --grep`, `show` by a text
//! fragment), the report-date range of `claims --since/--until`, and the first and
//! last sighting of a claim (`first_seen`, `last_seen` in listings).
//!
//! The date of a report is its publication date when it has one, else when it was
//! recorded; both are compared in UTC.

use unicode_normalization::UnicodeNormalization;

use crate::claim::ClaimId;
use crate::error::{Error, Result};

/// The words of a search, folded. A text matches when every word of the search begins
/// a word of the text, in any order, ignoring case and accents ("palmyr" finds
/// "Palmyra", "etat" finds "État").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextQuery {
    words: Vec<String>,
}

/// Split `text` into words (runs of letters and digits), lowercased and without
/// accents (NFKD with the combining marks removed).
pub fn fold_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut push = |cur: &mut String| {
        if !cur.is_empty() {
            words.push(std::mem::take(cur));
        }
    };
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else {
            push(&mut cur);
        }
    }
    push(&mut cur);
    words
}

impl TextQuery {
    /// A search for the words of `q`; a search without a word (empty, punctuation
    /// only) is a usage error.
    pub fn new(q: &str) -> Result<TextQuery> {
        let mut words = fold_words(q);
        if words.is_empty() {
            return Err(Error::Invalid(format!(
                "{:?} has no word to look for: give words of the claim, such as --grep \"retook palmyra\"",
                q.chars().take(64).collect::<String>()
            )));
        }
        words.sort();
        words.dedup();
        Ok(TextQuery { words })
    }

    /// Whether every word of the search begins a word of `text`.
    pub fn matches(&self, text: &str) -> bool {
        let have = fold_words(text);
        self.words
            .iter()
            .all(|w| have.iter().any(|h| h.starts_with(w.as_str())))
    }
}

/// The first and last sighting of a claim among its reports' dates. Ties are broken by
/// the text, so the result does not depend on the order the reports are given in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sightings {
    first: Option<(i64, String)>,
    last: Option<(i64, String)>,
}

impl Sightings {
    /// Count one report's date ([`crate::date::report_date`]).
    pub fn add(&mut self, date: (i64, String)) {
        if self.first.as_ref().is_none_or(|f| date < *f) {
            self.first = Some(date.clone());
        }
        if self.last.as_ref().is_none_or(|l| date > *l) {
            self.last = Some(date);
        }
    }

    /// The earliest date's text (empty when no report was counted).
    pub fn first(&self) -> String {
        self.first.as_ref().map(|f| f.1.clone()).unwrap_or_default()
    }

    /// The latest date's text (empty when no report was counted).
    pub fn last(&self) -> String {
        self.last.as_ref().map(|l| l.1.clone()).unwrap_or_default()
    }
}

/// A range of report dates, both ends included (`claims --since/--until`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateRange {
    /// Earliest key kept (seconds since 1970, UTC).
    pub since: Option<i64>,
    /// Latest key kept.
    pub until: Option<i64>,
}

impl DateRange {
    /// The range from the `--since` and `--until` values. A date without a time covers
    /// its whole day (UTC): `--until 2017-02-07` keeps a report of 2017-02-07T18:00Z.
    /// Dates are read like [`crate::date::parse_loose`] (ISO 8601, `2017/2/7`,
    /// `7 February 2017`, …); anything else is a usage error.
    pub fn parse(since: Option<&str>, until: Option<&str>) -> Result<DateRange> {
        let bound = |s: &str, end: bool| -> Result<i64> {
            let iso = crate::date::parse_loose(s)
                .ok_or_else(|| Error::BadDate(s.chars().take(64).collect()))?;
            let k = crate::date::sort_key(&iso)?;
            Ok(if end && iso.len() == 10 {
                k + 86_399
            } else {
                k
            })
        };
        let r = DateRange {
            since: since.map(|s| bound(s, false)).transpose()?,
            until: until.map(|s| bound(s, true)).transpose()?,
        };
        if let (Some(a), Some(b)) = (r.since, r.until) {
            if a > b {
                return Err(Error::Invalid(format!(
                    "--since {} is after --until {}: give the earlier date to --since",
                    since.unwrap_or_default(),
                    until.unwrap_or_default()
                )));
            }
        }
        Ok(r)
    }

    /// Whether the range is unbounded (keeps everything).
    pub fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether a report dated `key` falls in the range.
    pub fn contains(&self, key: i64) -> bool {
        self.since.is_none_or(|s| key >= s) && self.until.is_none_or(|u| key <= u)
    }
}

/// The claim `arg` names for `show`: a claim id or unique prefix of one, else the one
/// claim group one of whose wordings has all the words of `arg` ([`TextQuery`]). The
/// id returned is the group's. Several groups are a usage error listing the first ten
/// (id prefix and text); none is [`Error::NoClaimMatches`].
pub fn resolve_claim_or_text(db: &crate::db::Database, arg: &str) -> Result<ClaimId> {
    match db.resolve_claim(arg) {
        Ok(id) => return Ok(id),
        Err(Error::BadPrefix(_) | Error::NoSuchClaim(_)) => {}
        Err(e) => return Err(e),
    }
    let q = TextQuery::new(arg).map_err(|_| Error::NoClaimMatches(short(arg)))?;
    let groups = db.groups()?;
    let mut found: Vec<(ClaimId, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    db.scan_chains(|id, text, _, _| {
        if q.matches(text) {
            let g = groups.group_id(&id);
            if seen.insert(g) {
                found.push((g, text.to_string()));
            }
        }
        Ok(())
    })?;
    match found.len() {
        0 => Err(Error::NoClaimMatches(short(arg))),
        1 => Ok(found[0].0),
        total => Err(Error::AmbiguousText {
            fragment: short(arg),
            candidates: found
                .iter()
                .take(10)
                .map(|(id, text)| {
                    format!(
                        "  {}  {}",
                        &id.to_hex()[..12],
                        crate::chars::visible(&crate::chars::shorten(text, 70))
                    )
                })
                .collect(),
            total,
        }),
    }
}

/// At most 64 characters of what was given, for a message.
fn short(s: &str) -> String {
    s.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::report_date;

    #[test]
    fn words_fold_case_and_accents() {
        assert_eq!(
            fold_words("L'État a RETAKEN  Palmyra, 7 km!"),
            ["l", "etat", "a", "retaken", "palmyra", "7", "km"]
        );
        let q = TextQuery::new("palmyr ÉTAT").unwrap();
        assert!(q.matches("Palmyra is held by the état"));
        assert!(!q.matches("Palmyra is held"));
        // A word must begin a word: "myra" is inside "Palmyra", not at its start.
        assert!(!TextQuery::new("myra").unwrap().matches("Palmyra"));
        assert!(TextQuery::new(" ,. ").is_err());
    }

    #[test]
    fn sightings_take_extremes_and_break_ties_by_text() {
        let mut s = Sightings::default();
        s.add(report_date(Some("2017-02-07"), 0));
        s.add(report_date(None, 1_481_394_600)); // 2016-12-10T18:30:00Z
        s.add(report_date(Some("2017-02-07T00:00:00Z"), 0));
        assert_eq!(s.first(), "2016-12-10T18:30:00Z");
        // 2017-02-07 and 2017-02-07T00:00:00Z are the same instant: the larger text.
        assert_eq!(s.last(), "2017-02-07T00:00:00Z");
    }

    #[test]
    fn ranges_cover_whole_days() {
        let r = DateRange::parse(Some("2017/2/7"), Some("7 February 2017")).unwrap();
        assert_eq!(r.since, Some(1_486_425_600));
        assert_eq!(r.until, Some(1_486_425_600 + 86_399));
        assert!(r.contains(crate::date::sort_key("2017-02-07T23:59:59Z").unwrap()));
        assert!(!r.contains(crate::date::sort_key("2017-02-08").unwrap()));
        assert!(DateRange::parse(Some("tomorrow"), None).is_err());
        assert!(DateRange::parse(Some("2017-02-08"), Some("2017-02-07")).is_err());
    }
}
