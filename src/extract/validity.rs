//! The speaker validity check (precision): a source hop must read as a source. A
//! possessive, a weekday or month, a bare title, a lone sentence adverb, or a phrase
//! that holds a finite verb, a subject pronoun or a pronoun's contraction is a mis-read
//! of the sentence, and the statement is dropped
//! rather than credited to it (rulebook R3: the origin is a source the article names
//! or describes, never a fragment of the clause).

use crate::chain::HopSpec;

use super::lexicon::{
    self, is_in, CALENDAR, CLAUSE_WORDS, PERSON_TITLES, PRONOUNS, SUBJECT_ADVERBS,
};

/// A party-and-state label of US politics ("D-Mass.", "R-Texas", "I-Vt."): an
/// apposition after a legislator's name, never a source of its own.
pub(crate) fn party_label(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let b = w.as_bytes();
    (3..=14).contains(&b.len())
        && matches!(b[0], b'D' | b'R' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && b[2..].iter().all(|c| c.is_ascii_alphabetic() || *c == b'.')
}

/// Does this hop read as a source?
pub(crate) fn valid_source(hop: &HopSpec) -> bool {
    let name = hop.name.trim();
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(last) = words.last() else {
        return false;
    };
    if last.ends_with("'s")
        || last.ends_with("\u{2019}s")
        || last.ends_with("s'") && words.len() == 1
    {
        return false;
    }
    // A weekday or month in a name is a misread time phrase, except a weekday paper
    // ("Sunday Times").
    let paper_day = |k: usize| lexicon::weekday_paper(words[k], words.get(k + 1).copied());
    if (0..words.len()).any(|k| is_in(words[k], CALENDAR) && !paper_day(k)) && !hop.anonymous {
        return false;
    }
    // Only function words ("the", "this"): a fragment of a mis-read clause.
    if words
        .iter()
        .all(|w| is_in(w, lexicon::DETERMINERS) || is_in(w, PRONOUNS))
    {
        return false;
    }
    if words.len() == 1 && is_in(words[0], PERSON_TITLES) {
        return false;
    }
    // A lone quantifier ("Most said …") is a group left unnamed, no name.
    if words.len() == 1 && !hop.anonymous && is_in(words[0], lexicon::QUANTITY_OPENERS) {
        return false;
    }
    // A nationality adjective ("Turkish" from "the Turkish coastguard command") is a
    // word of a description, never a source.
    if words.len() == 1
        && !hop.anonymous
        && (is_in(words[0], lexicon::NATIONALITIES) || is_in(words[0], lexicon::MORE_NATIONALITIES))
    {
        return false;
    }
    if name.split_whitespace().any(party_label) {
        return false;
    }
    if words
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && is_in(w, CLAUSE_WORDS))
    {
        return false;
    }
    // A sentence adverb or connective read as a name ("Still", "Besides"); an
    // all-capitals word is an acronym ("IS") and stays.
    if words.len() == 1
        && words[0] != words[0].to_uppercase()
        && (is_in(words[0], SUBJECT_ADVERBS) || is_in(words[0], lexicon::SENTENCE_CONNECTIVES))
    {
        return false;
    }
    // "No party says it is willing …", "Neither Kushner nor the firm commented on
    // …": a negated subject names nobody who said anything ("No 10", Downing
    // Street, stays).
    if is_in(words[0], lexicon::NEGATIVE_SUBJECTS)
        && !words
            .get(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    // "…, including 80 jobs added last year": a phrase that opens with a preposition
    // is part of the clause, no source.
    if words[0] == "including" {
        return false;
    }
    // "in federal court", "filed in federal court" (from "The lawsuit, now in federal
    // court, accuses …"): a place phrase or a participle's phrase, no source; so is a
    // phrase opening with another preposition or a conjunction ("of the", "and").
    let lower0 = words[0].starts_with(|c: char| c.is_ascii_lowercase());
    if lower0
        && (is_in(words[0], lexicon::PLACE_TIME_PREPS)
            || is_in(words[0], lexicon::PARTICIPLE_PREPS)
            || is_in(words[0], lexicon::CLAUSE_JOINERS)
            || is_in(words[0], &["or", "nor"])
            || words.len() > 1
                && words[0].len() > 4
                && words[0].ends_with("ed")
                && is_in(words[1], lexicon::PARTICIPLE_PREPS))
    {
        return false;
    }
    // "Praising the survivors for their bravery, the duke told them": a participle
    // with its object, fronted before the subject, is no source ("Ruling party
    // officials", "Striking workers" have no article after the "-ing").
    if words.len() > 2
        && words[0].len() > 5
        && words[0].ends_with("ing")
        && (is_in(words[1], lexicon::ARTICLES) || is_in(words[1], lexicon::POSSESSIVES))
    {
        return false;
    }
    // A pronoun's contraction ("They're", "I'm"), not a name like "O'Neill".
    if words.iter().any(|w| {
        let mut parts = w.split(['\'', '\u{2019}']);
        parts.next().is_some_and(|p| is_in(p, PRONOUNS)) && parts.next().is_some()
    }) {
        return false;
    }
    // A reporting verb in the past with an object ("officials dismissed the notion",
    // "the minister stressed that"): a clause, not a source. A participle before a
    // preposition is a description ("an official briefed on the plan", "a statement
    // released by the ministry").
    // After an article or adverb the participle is an adjective ("an informed
    // source", "some alleged victims", "a well-informed source").
    let finite_cue = words.windows(2).enumerate().any(|(i, w)| {
        i > 0
            && !is_in(words[i - 1], lexicon::ADJECTIVE_LEADS)
            && !words[i - 1].ends_with("'s")
            && w[0].ends_with("ed")
            && w[0].starts_with(|c: char| c.is_ascii_lowercase())
            && lexicon::cue_word(w[0]).is_some()
            && !is_in(w[1], lexicon::PARTICIPLE_PREPS)
    });
    if finite_cue {
        return false;
    }
    // A description longer than a sentence fragment is a clause mis-read as a subject.
    words.len() <= 12
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(n: &str) -> HopSpec {
        HopSpec {
            name: n.into(),
            anonymous: false,
        }
    }

    fn anon(n: &str) -> HopSpec {
        HopSpec {
            name: n.into(),
            anonymous: true,
        }
    }

    #[test]
    fn sources_pass() {
        for n in [
            "Ana Ruiz",
            "Ministry of Ports",
            "UN",
            "Pakistan's military",
            "Reuters",
            "IS",
            "Shaun O'Neill",
            "No 10",
        ] {
            assert!(valid_source(&named(n)), "{n}");
        }
        for n in [
            "officials",
            "a police source",
            "people familiar with the talks",
            "an official briefed on the plan",
            "a statement released by the commission",
            "an informed source",
            "One well-informed source with extensive knowledge of the prison system",
            "Some alleged victims",
            "the newspaper's informed source",
        ] {
            assert!(valid_source(&anon(n)), "{n}");
        }
    }

    #[test]
    fn fragments_fail() {
        for n in [
            "the",
            "The",
            "Trump's",
            "Mexico Wednesday",
            "Donald Trump-on Wednesday",
            "President",
            "D-Mass",
            "R-Texas.",
            "Still",
            "Already",
            "They're",
            "I'm",
            "",
            "No party",
            "No",
            "in federal court",
            "filed in federal court",
            "of the",
            "and",
            "spoke to the group",
            "Turkish",
            "Congolese",
        ] {
            assert!(!valid_source(&named(n)), "{n}");
        }
        for n in [
            "a daily ritual that he",
            "Sessions recused himself today from any current or future investigations",
            "Two senior officials dismissed the notion",
            "the deputy minister stressed that the participants",
            "neither Kushner nor the family firm",
            "Praising the survivors for their bravery",
            "pointing a gun at people",
            "of amateur sports people",
        ] {
            assert!(!valid_source(&anon(n)), "{n}");
        }
        // An "-ing" adjective before its noun is no participle phrase.
        assert!(valid_source(&anon("Striking dock workers")));
    }
}
