//! Dates and times: checking ISO 8601 input, ordering it, and formatting "now".
//!
//! Accepted: `YYYY-MM-DD`, and `YYYY-MM-DDTHH:MM[:SS[.fraction]]` with an optional `Z`
//! or `±HH:MM` offset (no offset means UTC). Stored as written; compared by
//! [`sort_key`], seconds since 1970 in UTC.

use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::{Error, Result};

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(s: &str, n: usize) -> Option<i64> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// Parse an accepted ISO 8601 date or date-time to seconds since 1970 (UTC).
pub fn sort_key(s: &str) -> Result<i64> {
    parse(s).ok_or_else(|| Error::BadDate(s.chars().take(64).collect()))
}

fn parse(s: &str) -> Option<i64> {
    if !s.is_ascii() || s.len() > 40 {
        return None;
    }
    let (date, time) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mut parts = date.split('-');
    let y = digits(parts.next()?, 4)?;
    let m = digits(parts.next()?, 2)?;
    let d = digits(parts.next()?, 2)?;
    if parts.next().is_some() || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) * 86_400;
    if let Some(t) = time {
        let (clock, offset) = split_offset(t)?;
        let mut f = clock.split(':');
        let hh = digits(f.next()?, 2)?;
        let mm = digits(f.next()?, 2)?;
        let ss = match f.next() {
            Some(sec) => {
                let whole = sec.split('.').next()?;
                if let Some(frac) = sec.split_once('.').map(|x| x.1) {
                    if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
                        return None;
                    }
                }
                digits(whole, 2)?
            }
            None => 0,
        };
        if f.next().is_some() || hh > 23 || mm > 59 || ss > 60 {
            return None;
        }
        secs += hh * 3600 + mm * 60 + ss - offset;
    }
    Some(secs)
}

/// Split `HH:MM:SS+02:00` into the clock part and the offset in seconds.
fn split_offset(t: &str) -> Option<(&str, i64)> {
    if let Some(c) = t.strip_suffix(['Z', 'z']) {
        return Some((c, 0));
    }
    match t.rfind(['+', '-']) {
        Some(i) => {
            let sign = if t.as_bytes()[i] == b'-' { -1 } else { 1 };
            let off = &t[i + 1..];
            let (oh, om) = match off.split_once(':') {
                Some((h, m)) => (digits(h, 2)?, digits(m, 2)?),
                None => (digits(off.get(..2)?, 2)?, digits(off.get(2..)?, 2)?),
            };
            if oh > 23 || om > 59 {
                return None;
            }
            Some((&t[..i], sign * (oh * 3600 + om * 60)))
        }
        None => Some((t, 0)),
    }
}

/// Earliest year a date given with a report or verdict may have.
pub const MIN_YEAR: i64 = 1800;

/// The latest year a date may have when the clock says `now` (seconds since 1970):
/// next year, so a date written in another time zone on New Year's Eve passes.
pub fn max_year(now: i64) -> i64 {
    civil_from_days(now.div_euclid(86_400)).0 + 1
}

/// Check that `s` is an accepted ISO 8601 date or date-time within the plausible range:
/// from 1800-01-01 to the end of next year. A date outside it is a typo (9999-12-31,
/// 0201-05-03) and would sort before or after everything real.
pub fn validate(s: &str) -> Result<()> {
    validate_at(s, now_secs())
}

/// [`validate`] with the clock given.
pub fn validate_at(s: &str, now: i64) -> Result<()> {
    sort_key(s)?;
    let max = max_year(now);
    // The year as written (sort_key checked that it is four digits).
    let year: i64 = s.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    if (MIN_YEAR..=max).contains(&year) {
        Ok(())
    } else {
        Err(Error::DateOutOfRange {
            date: s.to_string(),
            max_year: max,
        })
    }
}

/// Seconds since 1970 now.
pub fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Format seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_utc(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// English month names and their three-letter abbreviations (`Sept` too), by number.
fn month_number(word: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as i64 + 1)
}

/// A day-of-month or month number of one or two digits.
fn small(s: &str) -> Option<i64> {
    if (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// Read a calendar date written as people and spreadsheets write it, and return it as
/// ISO 8601 (`YYYY-MM-DD`), or `None`. Accepted: any date or date-time [`sort_key`]
/// accepts (returned unchanged), `2017/2/7` and `2017-2-7` (year, month, day),
/// `7 February 2017`, `7 Feb 2017`, `February 7, 2017` and `Feb 7 2017`, each
/// optionally followed by a clock time `H:MM[:SS]` (taken as UTC: `2016/12/30 7:11`
/// becomes `2016-12-30T07:11`). Forms whose order is ambiguous (`2/7/2017`: February
/// or July?) are refused. The year must have four digits; the day must exist. Never
/// panics.
pub fn parse_loose(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 40 {
        return None;
    }
    if parse(s).is_some() {
        return Some(s.to_string());
    }
    // A clock time after the date (`2016/12/30 7:11`), taken as UTC.
    if let Some((date, time)) = s.rsplit_once(char::is_whitespace) {
        if let Some(clock) = loose_time(time) {
            return parse_loose_date(date.trim()).map(|d| format!("{d}T{clock}"));
        }
    }
    parse_loose_date(s)
}

/// `H:MM` or `H:MM:SS` (hours 0–23) as `HH:MM[:SS]`.
fn loose_time(t: &str) -> Option<String> {
    let f: Vec<&str> = t.split(':').collect();
    if !(2..=3).contains(&f.len()) {
        return None;
    }
    let h = small(f[0])?;
    let m = digits(f[1], 2)?;
    let sec = match f.get(2) {
        Some(x) => Some(digits(x, 2)?),
        None => None,
    };
    if h > 23 || m > 59 || sec.is_some_and(|x| x > 59) {
        return None;
    }
    Some(match sec {
        Some(x) => format!("{h:02}:{m:02}:{x:02}"),
        None => format!("{h:02}:{m:02}"),
    })
}

/// The date part of [`parse_loose`].
fn parse_loose_date(s: &str) -> Option<String> {
    if s.is_empty() {
        return None;
    }
    if parse(s).is_some() && s.len() == 10 {
        return Some(s.to_string());
    }
    let ymd = |y: i64, m: i64, d: i64| {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    // 2017/2/7, 2017-2-7, 2017.2.7
    for sep in ['/', '-', '.'] {
        let parts: Vec<&str> = s.split(sep).collect();
        if parts.len() == 3 {
            if let (Some(y), Some(m), Some(d)) =
                (digits(parts[0], 4), small(parts[1]), small(parts[2]))
            {
                return ymd(y, m, d);
            }
        }
    }
    // 7 February 2017, February 7, 2017, Feb 7 2017
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 3 {
        let y = digits(words[2], 4)?;
        if let (Some(d), Some(m)) = (small(words[0]), month_number(words[1])) {
            return ymd(y, m, d);
        }
        let d = small(words[1].trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']))?;
        let m = month_number(words[0])?;
        return ymd(y, m, d);
    }
    None
}

/// When a report was seen: its `published` date when it has one, else the time it was
/// recorded (`added`, seconds since 1970). The key orders it (seconds since 1970,
/// UTC); the text is what listings print (the publication date as written, or the
/// recording time as `YYYY-MM-DDTHH:MM:SSZ`).
pub fn report_date(published: Option<&str>, added: i64) -> (i64, String) {
    if let Some(p) = published {
        // Stored dates were validated on the way in; an unreadable one falls back.
        if let Ok(k) = sort_key(p) {
            return (k, p.to_string());
        }
    }
    (added, format_utc(added))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_and_ordered() {
        let table = [
            ("1970-01-01", 0),
            ("2016-12-10", 1_481_328_000),
            ("2016-12-10T18:30:00Z", 1_481_394_600),
            ("2016-12-10T18:30Z", 1_481_394_600),
            ("2016-12-10T20:30:00+02:00", 1_481_394_600),
            ("2016-12-10T18:30:00.250Z", 1_481_394_600),
            ("2000-02-29", 951_782_400),
        ];
        for (s, want) in table {
            assert_eq!(sort_key(s).unwrap(), want, "{s}");
        }
    }

    #[test]
    fn rejected() {
        for s in [
            "",
            "yesterday",
            "2016-13-01",
            "2016-02-30",
            "2001-02-29",
            "16-12-10",
            "2016-12-10T25:00",
            "2016-12-10T10:00:00.Z",
            "2016-12-10T10",
            "2016/12/10",
        ] {
            assert!(validate(s).is_err(), "{s:?}");
        }
    }

    #[test]
    fn plausible_range() {
        // 2026-12-01T00:00:00Z.
        let now = 1_796_083_200;
        assert_eq!(format_utc(now), "2026-12-01T00:00:00Z");
        assert_eq!(max_year(now), 2027);
        for ok in ["1800-01-01", "2016-12-10", "2027-12-31T23:59:59Z"] {
            assert!(validate_at(ok, now).is_ok(), "{ok}");
        }
        for bad in ["1799-12-31", "9999-12-31", "2028-01-01", "0001-01-01"] {
            let e = validate_at(bad, now).unwrap_err().to_string();
            assert!(
                e.contains("between 1800-01-01 and 2027-12-31"),
                "{bad}: {e}"
            );
        }
        // The year is the one written, whatever the offset.
        assert!(validate_at("1800-01-01T00:30:00+01:00", now).is_ok());
    }

    #[test]
    fn loose_forms() {
        for (s, want) in [
            ("2017/2/7", Some("2017-02-07")),
            (" 2017/02/07 ", Some("2017-02-07")),
            ("2017-2-7", Some("2017-02-07")),
            ("2017-02-07", Some("2017-02-07")),
            ("2017-02-07T10:00:00Z", Some("2017-02-07T10:00:00Z")),
            ("7 February 2017", Some("2017-02-07")),
            ("7 feb 2017", Some("2017-02-07")),
            ("Feb 7, 2017", Some("2017-02-07")),
            ("February 7th, 2017", Some("2017-02-07")),
            ("Sept 30 2016", Some("2016-09-30")),
            ("2016/2/29", Some("2016-02-29")),
            ("2017/2/29", None),
            ("2/7/2017", None),
            ("7.2.2017", None),
            ("17/2/7", None),
            ("2017/13/1", None),
            ("yesterday", None),
            ("", None),
            ("7 Febuary 2017", None),
            ("Feb 32, 2017", None),
            ("          2016/12/30 7:11", Some("2016-12-30T07:11")),
            ("7 Feb 2017 23:05:09", Some("2017-02-07T23:05:09")),
            ("2016/12/30 24:00", None),
            ("2016/12/30 7:11 extra", None),
            ("7:11", None),
        ] {
            assert_eq!(parse_loose(s).as_deref(), want, "{s:?}");
        }
    }

    #[test]
    fn format_round_trip() {
        for secs in [0, 1_481_394_600, 4_102_444_799] {
            assert_eq!(sort_key(&format_utc(secs)).unwrap(), secs);
        }
        assert_eq!(format_utc(1_481_394_600), "2016-12-10T18:30:00Z");
    }
}
