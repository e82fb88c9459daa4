//! Cheap agreement checks between two statements that may share most words but state
//! different facts: numbers, negation, named entities and modality (a plan or a
//! possibility against a done deed). Every check is symmetric: swapping the two
//! statements gives the same [`Checks`].

use std::collections::BTreeSet;

use super::lexical::capped as cap;
use super::tokens::{canonical_number, is_stopword, numbers_in_tokens, plain_words, Token};

/// How two statements compare on one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    /// Neither statement has anything this check reads.
    NotApplicable,
    /// They agree.
    Agree,
    /// One says more than the other, without contradiction (numbers or names on one
    /// side only).
    Partial,
    /// They disagree.
    Conflict,
}

impl Agreement {
    /// 1.0 for a conflict, 0.5 for partial agreement, else 0.0 (a combiner feature).
    pub fn penalty(self) -> f32 {
        match self {
            Agreement::Conflict => 1.0,
            Agreement::Partial => 0.5,
            _ => 0.0,
        }
    }
}

/// The result of the agreement checks on a pair of statements.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Checks {
    /// Numbers: a conflict when each side has a number the other lacks and the two
    /// speak of the same thing (a shared neighbouring word, or sizes within a third);
    /// values within 2 % count as the same, for rounding, except years.
    pub numbers: Agreement,
    /// Numbers found on one side only, canonical, sorted (for the reasons).
    pub unmatched_numbers: Vec<String>,
    /// Negation: a conflict when one statement is negated and the other is not.
    pub negation: Agreement,
    /// Named entities (capitalised names): a conflict when each side names someone or
    /// something the other does not.
    pub entities: Agreement,
    /// Names found on one side only, lower case, sorted.
    pub unmatched_entities: Vec<String>,
    /// Modality: a conflict when one statement speaks of a plan, expectation or
    /// possibility and the other does not.
    pub modality: Agreement,
    /// Distinct content words and numbers of the shorter statement: below
    /// [`MIN_CONTENT_WORDS`] it is a fragment ("was absurd", "the accusations") that
    /// says too little to be matched to anything automatically.
    pub shorter_content_words: usize,
}

/// Fewest distinct content words and numbers a statement needs before the matcher may
/// merge it automatically. Extracted fragments under this size matched each other
/// across unrelated stories on the news corpus (docs/matching.md); a person can still
/// link them.
pub const MIN_CONTENT_WORDS: usize = 4;

const NEGATIONS: &[&str] = &[
    "no", "not", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
    "deny", "denies", "denied", "denying", "refused", "refuses", "failed",
];

const MODAL_CUES: &[&str] = &[
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "shall",
    "plan",
    "plans",
    "planned",
    "planning",
    "expected",
    "expects",
    "expect",
    "intend",
    "intends",
    "intended",
    "propose",
    "proposed",
    "proposes",
    "seek",
    "seeks",
    "seeking",
    "wants",
    "want",
    "hope",
    "hopes",
    "hoping",
    "due",
    "if",
    "possible",
    "possibly",
    "likely",
    "unlikely",
    "potential",
    "potentially",
    "prepares",
    "preparing",
    "considering",
    "consider",
    "ll",
];

/// Capitalised words that are not names of anyone or anything in particular.
const NOT_NAMES: &[&str] = &[
    "a",
    "according",
    "after",
    "also",
    "an",
    "and",
    "april",
    "as",
    "at",
    "august",
    "but",
    "december",
    "earlier",
    "february",
    "friday",
    "he",
    "her",
    "his",
    "however",
    "i",
    "in",
    "it",
    "january",
    "july",
    "june",
    "last",
    "march",
    "may",
    "meanwhile",
    "monday",
    "more",
    "mr",
    "mrs",
    "ms",
    "november",
    "october",
    "on",
    "president",
    "read",
    "saturday",
    "september",
    "she",
    "sunday",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "thursday",
    "tuesday",
    "we",
    "wednesday",
    "when",
    "while",
    "who",
    "you",
];

fn negated(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't"))
}

fn modal(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| MODAL_CUES.contains(&w.as_str()) || w.ends_with("'ll") || w.ends_with("'d"))
}

/// Capitalised words of `text` that look like names: lower-cased, dots, possessive
/// and apostrophes removed, minus common sentence openers, weekdays, months and titles.
fn entities(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'')) {
        let w = w.trim_matches(|c: char| c == '.' || c == '\'');
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !first.is_uppercase() {
            continue;
        }
        // WORDS IN CAPITALS longer than an acronym are headings, not names
        if w.chars().count() > 5 && w.chars().all(|c| !c.is_lowercase()) {
            continue;
        }
        let lower: String = w
            .to_lowercase()
            .strip_suffix("'s")
            .map(str::to_string)
            .unwrap_or_else(|| w.to_lowercase())
            .chars()
            .filter(|c| *c != '.' && *c != '\'')
            .collect();
        if lower.chars().count() < 2 || NOT_NAMES.contains(&lower.as_str()) || is_stopword(&lower) {
            continue;
        }
        out.insert(lower);
    }
    out
}

fn year_like(x: f64) -> bool {
    x.fract() == 0.0 && (1800.0..=2100.0).contains(&x)
}

/// The same value, allowing 2 % for rounding ("nearly 250" and "246"), but never
/// between two years.
fn close(x: f64, y: f64) -> bool {
    if x == y {
        return true;
    }
    if year_like(x) || year_like(y) {
        return false;
    }
    let m = x.abs().max(y.abs());
    m > 0.0 && (x - y).abs() / m <= 0.02
}

type Numbered = (f64, Option<String>, Option<String>);

/// Two different numbers that speak of the same thing: they share a neighbouring
/// word ("12 policemen", "11 policemen") or are of nearly the same size (within a
/// third: 7,583 and 7,853; category four and three).
fn comparable(x: &Numbered, y: &Numbered) -> bool {
    let shares = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
    if shares(&x.1, &y.1) || shares(&x.2, &y.2) {
        return true;
    }
    let (a, b) = (x.0.abs(), y.0.abs());
    let (lo, hi) = (a.min(b), a.max(b));
    lo > 0.0 && hi / lo <= 4.0 / 3.0
}

/// Run every check on `a` and `b`. Any input; never panics; symmetric.
pub fn checks(a: &str, b: &str) -> Checks {
    let read = |t: &str| Read::new(cap(t), &super::tokens::tokens(cap(t)));
    checks_read(&read(a), &read(b))
}

/// What the checks read in one statement (cut to the length cap), worked out once: a
/// statement compared with many others (`similar`'s query) is read only once.
#[derive(Debug, Clone)]
pub(crate) struct Read {
    numbers: Vec<Numbered>,
    negated: bool,
    modal: bool,
    entities: BTreeSet<String>,
    /// Distinct tokens.
    content: usize,
}

impl Read {
    /// Read `text` (already capped), whose tokens are `toks`.
    pub(crate) fn new(text: &str, toks: &[Token]) -> Read {
        let words = plain_words(text);
        Read {
            numbers: numbers_in_tokens(toks),
            negated: negated(&words),
            modal: modal(&words),
            entities: entities(text),
            content: toks.iter().collect::<BTreeSet<_>>().len(),
        }
    }
}

/// [`checks`] on two statements read already.
pub(crate) fn checks_read(a: &Read, b: &Read) -> Checks {
    let (na, nb) = (&a.numbers, &b.numbers);
    let only_a: Vec<&Numbered> = na
        .iter()
        .filter(|x| !nb.iter().any(|y| close(x.0, y.0)))
        .collect();
    let only_b: Vec<&Numbered> = nb
        .iter()
        .filter(|y| !na.iter().any(|x| close(x.0, y.0)))
        .collect();
    let numbers = if na.is_empty() && nb.is_empty() {
        Agreement::NotApplicable
    } else if only_a
        .iter()
        .any(|x| only_b.iter().any(|y| comparable(x, y)))
    {
        Agreement::Conflict
    } else if !only_a.is_empty() || !only_b.is_empty() {
        Agreement::Partial
    } else {
        Agreement::Agree
    };
    let unmatched_numbers: BTreeSet<String> = only_a
        .iter()
        .chain(only_b.iter())
        .filter_map(|x| canonical_number(x.0))
        .collect();

    let negation = if a.negated == b.negated {
        Agreement::Agree
    } else {
        Agreement::Conflict
    };
    let modality = if a.modal == b.modal {
        Agreement::Agree
    } else {
        Agreement::Conflict
    };

    let (ea, eb) = (&a.entities, &b.entities);
    let ua: BTreeSet<&String> = ea.difference(eb).collect();
    let ub: BTreeSet<&String> = eb.difference(ea).collect();
    let entities = if ea.is_empty() && eb.is_empty() {
        Agreement::NotApplicable
    } else if !ua.is_empty() && !ub.is_empty() {
        Agreement::Conflict
    } else if !ua.is_empty() || !ub.is_empty() {
        Agreement::Partial
    } else {
        Agreement::Agree
    };
    let unmatched_entities: BTreeSet<String> = ua.into_iter().chain(ub).cloned().collect();

    Checks {
        numbers,
        unmatched_numbers: unmatched_numbers.into_iter().collect(),
        negation,
        entities,
        unmatched_entities: unmatched_entities.into_iter().collect(),
        modality,
        shorter_content_words: a.content.min(b.content),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_numbers_conflict_and_rounding_agrees() {
        let c = checks(
            "Taliban fighters killed 12 policemen",
            "Taliban fighters killed 11 policemen",
        );
        assert_eq!(c.numbers, Agreement::Conflict);
        assert_eq!(c.unmatched_numbers, ["11", "12"]);
        let c = checks(
            "Floods have killed nearly 250 people",
            "Floods have killed 246 people",
        );
        assert_eq!(c.numbers, Agreement::Agree);
        let c = checks("He won 41 seats", "He won forty-one seats on Sunday");
        assert_eq!(c.numbers, Agreement::Agree);
        let c = checks("He won 41 seats in 2017", "He won forty-one seats");
        assert_eq!(c.numbers, Agreement::Partial);
        assert_eq!(
            checks("No numbers", "None here").numbers,
            Agreement::NotApplicable
        );
    }

    #[test]
    fn negation_and_modality() {
        assert_eq!(
            checks(
                "The court found enough evidence",
                "The court did not find enough evidence"
            )
            .negation,
            Agreement::Conflict
        );
        assert_eq!(
            checks("Police don't have evidence", "Malaysia has no evidence").negation,
            Agreement::Agree
        );
        assert_eq!(
            checks("Hawaii will file a lawsuit", "Hawaii filed a lawsuit").modality,
            Agreement::Conflict
        );
        assert_eq!(
            checks("Hawaii filed a lawsuit", "Hawaii has sued").modality,
            Agreement::Agree
        );
    }

    #[test]
    fn entities() {
        let c = checks(
            "Mugabe declared a national disaster",
            "Kasukuwere declared a national disaster on Thursday",
        );
        assert_eq!(c.entities, Agreement::Conflict);
        assert_eq!(c.unmatched_entities, ["kasukuwere", "mugabe"]);
        let c = checks(
            "The U.S. Federal Reserve raised rates",
            "The US Federal Reserve raised rates, Reuters said",
        );
        assert_eq!(c.entities, Agreement::Partial);
        assert_eq!(c.unmatched_entities, ["reuters"]);
    }

    #[test]
    fn symmetric_on_examples() {
        let (a, b) = (
            "Mr Trump paid $38m in 2005",
            "Trump did not pay $31m, AP said",
        );
        assert_eq!(checks(a, b), checks(b, a));
    }
}
