//! What a run of capitalised words is: title words, capitalised words (with name
//! particles such as "al-"), runs and their pieces, a person's name after its titles,
//! an organisation, a known medium; surname matching and the clean-up of names
//! ("Oslo-based", a leading "the").

use crate::extract::lexicon::{self, is_in, ARTICLES, CONNECTORS, NOT_NAMES, PORTFOLIO_LINKS};
use crate::extract::normalise_name;

/// A title word; acronyms ("UN", "US", "EU") only in capitals, so that the name
/// "Un" or "Us" is not taken for one.
pub(super) fn is_title(w: &str) -> bool {
    // The tokenizer keeps the period of every abbreviated title before a name ("Adm.
    // Ana Ruiz"), so each of them is a title with its period too.
    if w.strip_suffix('.')
        .is_some_and(|a| is_in(a, lexicon::TITLE_ABBREVIATIONS))
    {
        return true;
    }
    if is_in(w, lexicon::TITLE_ACRONYMS) {
        return w.chars().all(|c| !c.is_lowercase());
    }
    if is_in(w, lexicon::TITLES) {
        return true;
    }
    // "Lieutenant-General", "Colonel-General": a compound of titles; "co-founder",
    // "ex-president": a title after a prefix.
    w.contains('-')
        && (w.split('-').all(|p| is_in(p, lexicon::TITLES))
            || w.split_once('-')
                .is_some_and(|(p, t)| is_in(p, &["co", "ex"]) && is_in(t, lexicon::TITLES)))
}

/// A lower-case word of five letters or more ending in "-ed": a past tense or
/// participle ("released", "quoted"), as far as the rules can tell without a
/// dictionary.
pub(super) fn past_form(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.starts_with(|c: char| c.is_ascii_lowercase())
}

pub(super) fn is_cap(w: &str) -> bool {
    if w.chars().next().is_some_and(|c| c.is_uppercase()) {
        return true;
    }
    // "?ireann": a capital the scrape lost (`text::mangled_initial`); a word token
    // starts with "?" for no other reason.
    if w.len() > 2 && w.starts_with('?') {
        return true;
    }
    // "al-Rashid", "el-Nour", "bin-Tariq": a lower-case particle joined to a name.
    match w.split_once('-') {
        Some((p, rest)) => {
            is_in(p, lexicon::NAME_PARTICLES)
                && rest.chars().next().is_some_and(|c| c.is_uppercase())
        }
        None => false,
    }
}

/// Does `full` (two or more words) stand for the one word `one` — its last word
/// ("al-Rashid" for "Rashid" too)?
pub(super) fn surname_matches(full: &str, one: &str) -> bool {
    // Without collecting the words: this runs for every earlier name on every lookup.
    let mut words = full.split_whitespace();
    words.next();
    let Some(last) = words.last() else {
        return false;
    };
    last == one || last.rsplit_once('-').is_some_and(|(_, r)| r == one)
}

/// A family name written first ("Chen" for "Chen Lihua").
/// Is `w` one or more pinyin syllables ("Zhenwei", "Xia"; not "Tower", "Law")?
/// Syllables that Mandarin lacks are refused where English words would pass: "o"
/// only after b, p, m, f, w or alone; j, q, x only before i or u; "er" alone.
pub(super) fn pinyin_word(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    if w.len() < 2 || w.len() > 12 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    // ok[i]: the first i bytes split into syllables.
    let b = w.as_bytes();
    let mut ok = vec![false; b.len() + 1];
    ok[0] = true;
    for i in 0..b.len() {
        if !ok[i] {
            continue;
        }
        for ini in lexicon::PINYIN_INITIALS {
            let Some(rest) = w[i..].strip_prefix(ini) else {
                continue;
            };
            for fin in lexicon::PINYIN_FINALS {
                if !rest.starts_with(fin) {
                    continue;
                }
                let fits = match *fin {
                    "o" => matches!(*ini, "b" | "p" | "m" | "f" | "w" | ""),
                    "er" => ini.is_empty(),
                    _ => true,
                } && (!matches!(*ini, "j" | "q" | "x") || fin.starts_with(['i', 'u']));
                if fits {
                    ok[i + ini.len() + fin.len()] = true;
                }
            }
        }
    }
    ok[b.len()]
}

pub(super) fn family_first(full: &str, one: &str) -> bool {
    let mut words = full.split_whitespace();
    words.next() == Some(one) && words.next().is_some() && !is_in(one, NOT_NAMES)
}

/// "Food and Drug Administration", "US Patent and Trademark Office": a short
/// capitalised run (no person's, no medium's), "and", and capitalised words ending
/// with an organisation word name one body (`e` is at the "and").
pub(super) fn and_body(words: &[&str], s: usize, e: usize) -> bool {
    let right = words[e + 1..]
        .iter()
        .take_while(|w| is_cap(w) && !w.ends_with("'s"))
        .count();
    // (Two words on the left only after an abbreviation or a body's modifier: "US
    // Patent", "National Health", not "Ana Ruiz".)
    // ("US-China Economic", "China Economic": a place or a pair of places too.)
    let place = |w: &str| {
        w.split('-')
            .all(|p| is_in(p, lexicon::PLACE_ENDS) || acronym(p))
    };
    (e - s == 1
        || e - s == 2
            && (acronym(words[s]) || is_in(words[s], lexicon::DEMONYM_LIKE) || place(words[s])))
        && (2..=3).contains(&right)
        && (is_in(words[e + right], lexicon::ORG_WORDS)
            || is_in(
                words[e + right],
                &["enforcement", "protection", "prevention"],
            ))
        && !known_first_name(words[s])
        && !is_known_media_run(&words[s..e])
}

/// Where a body's name in `words[s..e]` starts: after an owner's possessive that opens
/// the run ("Bulletin's Science and Security Board"), else at `s`.
pub(super) fn owned_from(words: &[&str], s: usize, e: usize) -> usize {
    if e > s + 1 && words[s].ends_with("'s") {
        s + 1
    } else {
        s
    }
}

/// Runs of capitalised words (with inner connectors such as "of", "for the", "al").
pub(super) fn cap_runs(words: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // "the Sunday Times": a weekday opens a paper's name.
        if is_cap(words[i])
            && (!is_in(words[i], NOT_NAMES)
                || lexicon::weekday_paper(words[i], words.get(i + 1).copied()))
        {
            let s = i;
            let mut e = i + 1;
            loop {
                if e < words.len() && is_cap(words[e]) && !is_in(words[e], ARTICLES) {
                    e += 1;
                    continue;
                }
                let mut j = e;
                while j < words.len()
                    && words[j].starts_with(|c: char| c.is_lowercase())
                    && is_in(words[j], CONNECTORS)
                {
                    j += 1;
                }
                // "Renmin University of China on Dec 28": a date after "on" is no part
                // of the name.
                if j > e
                    && j < words.len()
                    && is_cap(words[j])
                    && !lexicon::date_word(words[j])
                    && j - e <= 2
                    && (!is_in(words[e], &["and"])
                        || is_org(&words[s..e])
                        || and_body(words, s, e)
                        || owned_from(words, s, e) > s && and_body(words, s + 1, e))
                    // "Ambassador to the UN", "Mission to Geneva", not "a letter from
                    // Trump to Xi".
                    && (!is_in(words[e], lexicon::WEAK_CONNECTORS)
                        || is_org(&words[s..e])
                        || is_title(words[e - 1]))
                {
                    e = j + 1;
                    continue;
                }
                break;
            }
            out.push((s, e));
            i = e;
        } else {
            i += 1;
        }
    }
    out
}

/// Pieces of a run between connector words ("de", "al" stay inside names).
/// (Not at the "and" of one body's name: `and_body`.)
pub(super) fn split_connectors<'r, 'w>(run: &'r [&'w str]) -> Vec<&'r [&'w str]> {
    // (The common case first: this runs for every capitalised run.)
    let is_and = |w: &str| matches!(w.as_bytes(), [b'a', b'n', b'd']);
    if !run.iter().any(|w| is_and(w)) {
        return run
            .split(|w| is_in(w, lexicon::NAME_SPLITTERS))
            .filter(|p| !p.is_empty())
            .collect();
    }
    let mut out = Vec::new();
    let mut s = 0;
    for (k, w) in run.iter().enumerate() {
        let b = owned_from(run, s, k);
        if is_in(w, lexicon::NAME_SPLITTERS) && !(is_and(w) && k > b && and_body(run, b, k)) {
            if k > s {
                out.push(&run[s..k]);
            }
            s = k + 1;
        }
    }
    if s < run.len() {
        out.push(&run[s..]);
    }
    out
}

/// A person's name preceded by a title word in the same piece.
pub(super) fn titled_person(piece: &[&str]) -> Option<String> {
    let t = piece
        .iter()
        .rposition(|w| is_title(w) || w.ends_with("'s"))?;
    if t + 1 >= piece.len() {
        return None;
    }
    person_name(piece)
}

/// A first name of the lexicon's lists ("Sean", "Alexandra").
pub(super) fn known_first_name(w: &str) -> bool {
    is_in(w, lexicon::MALE_FIRST_NAMES) || is_in(w, lexicon::FEMALE_FIRST_NAMES)
}

/// The sex a listed first name gives (true: female), if the lexicon lists it.
pub(super) fn first_name_sex(w: &str) -> Option<bool> {
    if is_in(w, lexicon::FEMALE_FIRST_NAMES) {
        Some(true)
    } else if is_in(w, lexicon::MALE_FIRST_NAMES) {
        Some(false)
    } else {
        None
    }
}

/// An acronym of two letters or more written in capitals ("CDC", "UN").
pub(super) fn acronym(w: &str) -> bool {
    w.len() >= 2 && w == w.to_uppercase()
}

pub(super) fn is_org(run: &[&str]) -> bool {
    run.iter().any(|w| {
        is_in(w.trim_end_matches("'s"), lexicon::ORG_WORDS) || is_in(w, lexicon::MEDIA_WORDS)
    }) || is_known_media_run(run)
}

/// The person's name in a capitalised run, after its last title word ("Russian Foreign
/// Minister Sergey Lavrov" → "Sergey Lavrov"); None for organisations and bare titles.
pub(super) fn person_name(run: &[&str]) -> Option<String> {
    let run: Vec<&str> = run
        .iter()
        .copied()
        .filter(|w| !lexicon::ends_with_any(w, lexicon::AFFILIATION_SUFFIXES))
        .collect();
    let last_title = run.iter().rposition(|w| is_title(w) || w.ends_with("'s"));
    // A portfolio after a person's title ("Minister for Health Ana Ruiz", "Ambassador
    // to the Republic of Chile Ivo Brandt"): the name is the run's last words, after at
    // least one word of portfolio ("Minister for Foreign Affairs" names nobody). A
    // body's title word ("Ministry of Industry and Information Technology") has none.
    let mut rest = match last_title {
        Some(t) => &run[t + 1..],
        None => &run[..],
    };
    // "General Staff", "Joint Chiefs of Staff": a title before "Staff" names a body.
    if rest.len() == 1 && rest[0] == "Staff" {
        return None;
    }
    let person_title = last_title.is_some_and(|t| !is_in(run[t], lexicon::ORG_WORDS));
    if person_title
        && rest
            .first()
            .is_some_and(|w| is_in(w, PORTFOLIO_LINKS) && !is_cap(w))
    {
        let tail = name_tail(rest)?;
        if rest.len() < tail.len() + 2 {
            return None;
        }
        rest = tail;
    } else if let Some(t) = name_tail(&run).filter(|t| {
        // "University of Limerick Sean Redmond": a body's name run into a person's
        // that opens with a known first name.
        t.len() < run.len()
            && known_first_name(t[0])
            && !t.iter().any(|w| is_in(w, lexicon::ORG_WORDS))
            && run[..run.len() - t.len()]
                .iter()
                .any(|w| is_in(w, lexicon::ORG_WORDS))
    }) {
        return Some(t.join(" "));
    } else if run.iter().any(|w| is_in(w, lexicon::NAME_SPLITTERS)) {
        // "Chief of Staff of the Strategic Missile Forces Ivo Brandt": a person's
        // title, the body it belongs to, then two or three words of a name.
        // The words must read as a name: a known first name, or no plural noun
        // at the end ("… Armed Forces Engineering Troops").
        let body = run.iter().rposition(|w| is_in(w, lexicon::ORG_WORDS))?;
        let tail = &run[body + 1..];
        if !(2..=3).contains(&tail.len()) {
            return None;
        }
        let name_like = known_first_name(tail[0]) || !tail[tail.len() - 1].ends_with('s');
        if !person_title
            || !name_like
            || tail
                .iter()
                .any(|w| !is_cap(w) || is_in(w, lexicon::NAME_SPLITTERS))
        {
            return None;
        }
        rest = tail;
    }
    // "Biologist Ana Ruiz": an occupation before a full name is no part of it.
    if rest.len() >= 3 && is_cap(rest[0]) {
        let lower = rest[0].to_ascii_lowercase();
        // ("Survivor Allen Pembroke", "Singer-songwriter Huey Lewis", "Indonesian
        // Siti Aisyah": a listed occupation, each part of a compound one, or a
        // nationality, capitalised only by its place.)
        if lexicon::OCCUPATION_ENDINGS
            .iter()
            .any(|e| lower.ends_with(e))
            || is_in(&lower, lexicon::PEOPLE_NOUNS)
            || lower
                .split('-')
                .all(|p| is_in(p, lexicon::OCCUPATION_NOUNS))
            || is_in(&lower, lexicon::NATIONALITIES)
            || is_in(&lower, lexicon::MORE_NATIONALITIES)
        {
            rest = &rest[1..];
        }
    }
    // "Don't manipulate Medicaid Alexandra Eidenberg": a headline glued to a name;
    // a word before a known first name that is none itself is no part of the name.
    // Not the inner part of a compound name ("Rami Abdel Rahman", "Anat Ben Nun",
    // "Josep Maria Bartomeu", "Nur Ahmed al-Nur").
    if rest.len() >= 3
        && known_first_name(rest[1])
        && !known_first_name(rest[0])
        && !is_in(rest[0], lexicon::COMPOUND_NAME_PARTS)
        && !is_in(rest[1], lexicon::COMPOUND_NAME_PARTS)
        && !rest.iter().any(|w| {
            w.split_once('-')
                .is_some_and(|(p, _)| is_in(p, lexicon::NAME_PARTICLES))
        })
        && rest[0].trim_end_matches('.').chars().count() > 1
        && !is_in(rest[0], CONNECTORS)
        // "Aston Martin China": a brand's unit, no person, after the first name.
        && !is_in(rest[rest.len() - 1], lexicon::PLACE_ENDS)
    {
        rest = &rest[1..];
    }
    if rest.is_empty() || rest.len() > 4 {
        return None;
    }
    if rest.iter().any(|w| {
        is_in(w.trim_end_matches("'s"), lexicon::ORG_WORDS) || is_in(w, lexicon::MEDIA_WORDS)
    }) {
        return None;
    }
    if is_known_media_run(rest) {
        return None;
    }
    // "the Paris Agreement", "the Affordable Care Act": a named document or law.
    if rest
        .last()
        .is_some_and(|w| is_in(w, lexicon::NAMED_DOCUMENT_HEADS))
    {
        return None;
    }
    // A single word without a title in front is ambiguous (a surname or a place); so
    // is one after modifiers alone ("Former Chelsea star …", "Acting Ruritania …").
    if rest.len() == 1
        && last_title.is_none_or(|t| {
            run[..=t]
                .iter()
                .filter(|w| is_title(w) || w.ends_with("'s"))
                .all(|w| is_in(w, lexicon::TITLE_MODIFIERS))
        })
    {
        return None;
    }
    // "India House Houston": a title word that names a building or chamber ("House",
    // "Senate", "White") before a single word is part of a name, not a title of it.
    if rest.len() == 1 && last_title.is_some_and(|t| is_in(run[t], &["house", "senate", "white"])) {
        return None;
    }
    if rest.len() == 1
        && rest[0]
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic())
    {
        return None; // an acronym
    }
    Some(rest.join(" "))
}

/// The name that ends a title's portfolio: its last two words, three when the middle
/// one is an initial ("Ana M. Ruiz") or a particle ("Ivo de Brandt"); None unless they
/// are capitalised.
pub(super) fn name_tail<'r, 'w>(run: &'r [&'w str]) -> Option<&'r [&'w str]> {
    let n = run.len();
    if n < 2 {
        return None;
    }
    let mid = run[n - 2];
    let initial = mid.trim_end_matches('.').chars().count() == 1;
    let particle = is_in(mid, CONNECTORS) && !is_cap(mid);
    let tail = if (initial || particle) && n >= 3 {
        &run[n - 3..]
    } else {
        &run[n - 2..]
    };
    (is_cap(tail[0]) && is_cap(tail[tail.len() - 1])).then_some(tail)
}

pub(super) fn is_known_media(name: &str) -> bool {
    if let Some(hit) = MEDIA_MEMO.with(|m| m.borrow().0.get(name).copied()) {
        return hit;
    }
    static SET: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| lexicon::MEDIA.iter().map(|m| normalise_name(m)).collect());
    let known = set.contains(&normalise_name(name));
    MEDIA_MEMO.with(|m| {
        let memo = &mut m.borrow_mut().0;
        if memo.len() >= 4096 {
            memo.clear();
        }
        memo.insert(name.into(), known);
    });
    known
}

/// [`is_known_media`] of the words joined by spaces, without allocating when the
/// answer is remembered.
pub(super) fn is_known_media_run(run: &[&str]) -> bool {
    let hit = MEDIA_MEMO.with(|m| {
        let (memo, buf) = &mut *m.borrow_mut();
        buf.clear();
        for (i, w) in run.iter().enumerate() {
            if i > 0 {
                buf.push(' ');
            }
            buf.push_str(w);
        }
        memo.get(buf.as_str()).copied()
    });
    hit.unwrap_or_else(|| is_known_media(&run.join(" ")))
}

// The rules ask whether a name is a known outlet of the same candidates again and
// again (about 150 times per article on news): the answers are remembered per thread,
// like `normalise_name`'s, so a repeated question costs one hash lookup and no
// allocation. Keys come from the input, so the hash is seeded per process, and the
// memo is bounded. The string is a reusable buffer for joining a run's words.
type MediaMemo = std::collections::HashMap<Box<str>, bool, foldhash::fast::RandomState>;
thread_local! {
    static MEDIA_MEMO: std::cell::RefCell<(MediaMemo, String)> =
        std::cell::RefCell::new((MediaMemo::default(), String::new()));
}

pub(super) fn strip_based(s: &str) -> String {
    let affiliation = |w: &str| {
        lexicon::ends_with_any(w, lexicon::AFFILIATION_SUFFIXES)
            || lexicon::ends_with_any(w, lexicon::OWNERSHIP_SUFFIXES)
    };
    let words: Vec<&str> = s.split_whitespace().collect();
    // "New York-based Human Rights Watch": the place's first words go with the
    // affiliation word when a name follows it (not "New Human Rights Watch").
    let from = words
        .iter()
        .rposition(|w| affiliation(w))
        .filter(|&p| words[p + 1..].iter().any(|w| is_cap(w)))
        .map_or(0, |p| p + 1);
    let kept: Vec<&str> = words[from..]
        .iter()
        .copied()
        .filter(|w| !affiliation(w))
        .collect();
    // "the Saudi-led coalition": with no name left the affiliation is what names
    // the body; it stays.
    if !kept.is_empty()
        && !kept.iter().any(|w| is_cap(w))
        && kept.len() < s.split_whitespace().count()
    {
        return s.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    kept.join(" ")
}

pub(super) fn strip_leading_the(s: &str) -> String {
    let t = s.trim();
    for p in ["The ", "the "] {
        if let Some(r) = t.strip_prefix(p) {
            return r.to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::pinyin_word;

    #[test]
    fn pinyin_words_are_told_from_english_ones() {
        for w in [
            "Zhenwei", "Xia", "Jinping", "Wenli", "Qianyi", "Shu", "Chuhan",
        ] {
            assert!(pinyin_word(w), "{w}");
        }
        for w in [
            "Tower",
            "Law",
            "States",
            "Promotion",
            "Conservation",
            "Browder",
            "O",
            "Ao1",
        ] {
            assert!(!pinyin_word(w), "{w}");
        }
    }
}
