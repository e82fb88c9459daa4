//! Text preparation for extraction: a same-length normalised copy of the article,
//! paragraphs, quotation segments, sentences that survive abbreviations and quotes, and
//! a small tokenizer. Every offset produced here is a byte offset into the original
//! text, because the normalised copy keeps every byte position.

/// Does the normalised text so far end with a whole reporting verb from
/// [`lexicon::GLUED_CUES`] (or "according to")?
fn glued_to_cue(out: &[u8]) -> bool {
    let start = out
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    let Ok(word) = std::str::from_utf8(&out[start..]) else {
        return false;
    };
    if word.eq_ignore_ascii_case("to") {
        // Only the ten bytes before "to": a copy of the whole prefix would make a text
        // full of "up-to-date" quadratic.
        const ACCORDING: &[u8] = b"according ";
        return start >= ACCORDING.len()
            && out[start - ACCORDING.len()..start].eq_ignore_ascii_case(ACCORDING);
    }
    crate::extract::lexicon::is_in(word, crate::extract::lexicon::GLUED_CUES)
}

/// Is the hyphen between `out` and `rest` a space the scraper mangled inside a name?
/// Certain only after a possessive ("Syria's-President"), an honorific or "The"
/// ("Ms-Fitzgerald", "The-White House"), after a person's title before a word that is
/// no title ("Councillor-Cieran Perry"; not "Attorney-General", "Vice-President"), or
/// between a known first name and a surname that ends the name ("Sergey-Rudskoi
/// said"; not "Jean-Claude Juncker", "Mary-Anne"). The word after is capitalised; a
/// word already joined by a hyphen ("Al-Baker-X") is left alone. (The first-name test
/// is `rules::names::known_first_name`'s, which this module cannot reach.)
fn glued_in_name(out: &[u8], rest: &[u8]) -> bool {
    use crate::extract::lexicon::{self, is_in};
    let after_len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if after_len < 2 || !rest[0].is_ascii_uppercase() || rest.get(after_len) == Some(&b'-') {
        return false;
    }
    // "Syria's-President Bashar al-Assad": after a possessive.
    if out.ends_with(b"'s") && out.len() > 3 && out[out.len() - 3].is_ascii_alphabetic() {
        return true;
    }
    let start = out
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    if out.len() - start < 2
        || !out[start].is_ascii_uppercase()
        || start > 0 && out[start - 1].is_ascii_alphanumeric()
        || start > 0 && out[start - 1] == b'-'
    {
        return false;
    }
    let (Ok(before), Ok(after)) = (
        std::str::from_utf8(&out[start..]),
        std::str::from_utf8(&rest[..after_len]),
    ) else {
        return false;
    };
    if before == "The" || is_in(before, lexicon::HONORIFICS) {
        return true;
    }
    let first_name =
        |w: &str| is_in(w, lexicon::MALE_FIRST_NAMES) || is_in(w, lexicon::FEMALE_FIRST_NAMES);
    let next_cap = rest.get(after_len) == Some(&b' ')
        && rest.get(after_len + 1).is_some_and(u8::is_ascii_uppercase);
    // "Mayo General Hospital-Derek Bennett", "But-Dave Chappelle": a body's word or a
    // linking word before a two-word name.
    if (is_in(before, lexicon::ORG_WORDS) || is_in(before, lexicon::LEADING_LINKERS))
        && !is_in(after, lexicon::ORG_WORDS)
        && !is_in(after, lexicon::TITLES)
        && next_cap
    {
        return true;
    }
    // A title before a first name or a two-word name; not a country's adjective,
    // which the title list also holds ("US-Census data", "British-Irish").
    if is_in(before, lexicon::TITLES) {
        let demonym = before.bytes().all(|b| b.is_ascii_uppercase())
            || lexicon::ends_with_any(
                &before.to_ascii_lowercase(),
                &["an", "ish", "ese", "i", "ch"],
            );
        return !demonym
            && !is_in(after, lexicon::TITLES)
            && !is_in(after, lexicon::ORG_WORDS)
            && (first_name(after) || next_cap);
    }
    // The name ends at the surname: no capitalised word follows it.
    first_name(before) && !first_name(after) && !next_cap
}

/// Is the hyphen between `out` and `rest` a space mangled by the scraper, before a
/// lower-case reporting verb that ends its word: after a capitalised word
/// ("Trump-said."), after punctuation ("chief,-said") or, for "said/says/told", after
/// a lower-case word that does not form compounds with them? Compounds such as
/// "Al-Said" keep their capital.
fn cue_glued_to_name(out: &[u8], rest: &[u8]) -> bool {
    let len = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
    if rest.get(len).is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let Ok(cue) = std::str::from_utf8(&rest[..len]) else {
        return false;
    };
    if !crate::extract::lexicon::GLUED_CUES.contains(&cue) {
        return false;
    }
    // "chief,-said", "protection,"-says", "(ECJ)-said": punctuation never joins a
    // compound word.
    if out
        .last()
        .is_some_and(|b| matches!(b, b',' | b'"' | b')' | b']'))
    {
        return true;
    }
    let start = out
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |p| p + 1);
    let word = &out[start..];
    if word.len() < 2 {
        return false;
    }
    if word[0].is_ascii_uppercase() {
        return true;
    }
    // "the skipper-said", "who-said": of the plain verbs only, and never the
    // compounds the corpus does write ("under-reported", "so-called", "well-said").
    matches!(cue, "said" | "says" | "told")
        && std::str::from_utf8(word).is_ok_and(|w| {
            !crate::extract::lexicon::is_in(w, crate::extract::lexicon::CUE_COMPOUND_PREFIXES)
        })
}

/// Does `rest` (after a hyphen) open with a function word and a space ("-that ",
/// "-also ", "-was ")? Not after a short lower-case word ("as-is ").
fn glued_function_word(out: &[u8], rest: &[u8]) -> bool {
    let prev = out
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let short_lower = prev <= 2
        && out
            .get(out.len().wrapping_sub(prev))
            .is_some_and(u8::is_ascii_lowercase);
    !short_lower
        && crate::extract::lexicon::GLUED_FUNCTION_WORDS
            .iter()
            .any(|w| rest.starts_with(w.as_bytes()) && rest.get(w.len()) == Some(&b' '))
}

/// Does `out` end with a conjunction after a space ("… notes that")?
fn conjunction_before(out: &[u8]) -> bool {
    let n = out
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let s = out.len() - n;
    s > 0
        && out[s - 1] == b' '
        && crate::extract::lexicon::GLUED_CONJUNCTIONS
            .iter()
            .any(|w| w.as_bytes() == &out[s..])
}

/// Is the hyphen at `src[i]` a space mangled by the scraper (`out` holds the
/// normalised text before it)? Kept out of `normalise`'s byte loop: inlined, these
/// tests slowed every byte (measured with cachegrind, stop 53).
#[inline(never)]
fn hyphen_is_space(out: &[u8], src: &[u8], i: usize) -> bool {
    let rest = &src[i + 1..];
    let next = rest.first().copied().unwrap_or(b' ');
    let prev = out.last().copied().unwrap_or(b' ');
    // "…," Trump-said.": a name glued to the reporting verb after it.
    (next.is_ascii_alphabetic() && cue_glued_to_name(out, rest))
        // "Ms-Fitzgerald", "Councillor-Cieran Perry", "Sergey-Rudskoi said".
        || glued_in_name(out, rest)
        // "said-the minister", "according to-Kirpichenko", "said-"Washington …"": a
        // space mangled into a hyphen after a reporting verb, which is never the
        // first half of a compound word.
        || ((next.is_ascii_alphabetic() || next == b'"') && glued_to_cue(out))
        // "reported on Thursday-that …", "Zappone-also said", "He-was": no compound
        // word ends in an auxiliary, an article or a pronoun followed by a space.
        || (prev.is_ascii_alphabetic() && glued_function_word(out, rest))
        // "notes that-Chiyangwa has …": no compound word is a conjunction joined to
        // a capitalised word.
        || (next.is_ascii_uppercase() && conjunction_before(out))
        // A no-break space mangled into a hyphen: after sentence punctuation or
        // before a word that follows a space. A comma is never joined to a word by a
        // hyphen ("Syria from ISIL,-according to …"), nor a word to a bracket
        // ("Industry-(BDEW)").
        || (matches!(prev, b'.' | b'!' | b'?' | b'"')
            && (next == b'-' || next == b' ' || next.is_ascii_uppercase() || next == b'"')
            && !abbreviation_joined_to_place(out, rest))
        || (matches!(prev, b' ' | b',') && next.is_ascii_alphabetic())
        // "…,"-he told the committee": after a quotation closed on a comma.
        || (prev == b'"' && out.ends_with(b",\"") && next.is_ascii_lowercase())
        || (prev.is_ascii_alphabetic() && next == b'(')
}

/// "U.S.-China", "U.K.-Ireland": a dotted abbreviation joined by a hyphen to a
/// place's name is a compound, not a mangled space.
fn abbreviation_joined_to_place(out: &[u8], rest: &[u8]) -> bool {
    let dotted = out.len() >= 4
        && out[out.len() - 4..].iter().enumerate().all(|(k, &c)| {
            if k % 2 == 0 {
                c.is_ascii_uppercase()
            } else {
                c == b'.'
            }
        });
    let word = rest.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    dotted
        && std::str::from_utf8(&rest[..word])
            .is_ok_and(|w| crate::extract::lexicon::is_in(w, crate::extract::lexicon::PLACE_ENDS))
}

/// Make a copy of `text` with the same length in bytes in which typographic quotes,
/// dashes, no-break spaces and the `"?` mangling found in some scraped corpora are
/// replaced by plain ASCII, so that the rules only ever look at ASCII punctuation.
///
/// Replacements keep the byte length: a three-byte `“` becomes two spaces and `"`,
/// a three-byte `”` becomes `"` and two spaces, `"?` becomes `"` + space after
/// sentence punctuation, `' ` after a letter and `- ` after a space.
pub(crate) fn normalise(text: &str) -> String {
    let src = text.as_bytes();
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        if b == b'"' && src.get(i + 1) == Some(&b'?') {
            let prev = out.last().copied().unwrap_or(b' ');
            let next = src.get(i + 2).copied().unwrap_or(b' ');
            if prev.is_ascii_whitespace() {
                out.extend_from_slice(b"- ");
            } else if prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric() {
                out.extend_from_slice(b"' ");
            } else {
                out.extend_from_slice(b"\" ");
            }
            i += 2;
            continue;
        }
        if b == b'"' {
            // A straight quote between two letters is a mangled apostrophe.
            let prev = out.last().copied().unwrap_or(b' ');
            let next = src.get(i + 1).copied().unwrap_or(b' ');
            if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() {
                out.push(b'\'');
                i += 1;
                continue;
            }
        }
        if b == b'-' && hyphen_is_space(&out, src, i) {
            out.push(b' ');
            i += 1;
            continue;
        }
        if b == 0xC2 && src.get(i + 1) == Some(&0xA0) {
            out.extend_from_slice(b"  ");
            i += 2;
            continue;
        }
        if b == 0xE2 && src.get(i + 1) == Some(&0x80) {
            if let Some(&c) = src.get(i + 2) {
                let rep: Option<&[u8; 3]> = match c {
                    0x9C | 0x9E => Some(b"  \""), // “ „
                    0x9D => Some(b"\"  "),        // ”
                    0x98 => Some(b"  '"),         // ‘
                    0x99 => Some(b"'  "),         // ’
                    0x93..=0x95 => Some(b" - "),  // – — ―
                    0xA8 | 0xA9 => Some(b"\n  "), // line/paragraph separators
                    _ => None,
                };
                if let Some(r) = rep {
                    out.extend_from_slice(r);
                    i += 3;
                    continue;
                }
            }
        }
        if b == b'\r' {
            out.push(b'\n');
            i += 1;
            continue;
        }
        out.push(b);
        i += 1;
    }
    // Every replacement is ASCII for a complete character, so the result is UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Largest char boundary of `s` at or before `i`.
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary of `s` at or after `i`.
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Paragraph ranges: runs of text between newlines, skipping empty ones.
pub(crate) fn paragraphs(n: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    // (memchr: the byte-at-a-time loop it replaces was 1-2 % of extraction.)
    for i in memchr::memchr_iter(b'\n', n.as_bytes()) {
        if !n[start..i].trim().is_empty() {
            out.push((start, i));
        }
        start = i + 1;
    }
    if !n[start..].trim().is_empty() {
        out.push((start, n.len()));
    }
    out
}

/// Quotation segments of a paragraph as (content start, content end), found by pairing
/// double quotes; a quote still open at the end of the paragraph is dropped.
pub(crate) fn quotes(n: &str, para: (usize, usize)) -> Vec<(usize, usize)> {
    let b = n.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for i in para.0..para.1 {
        if b[i] != b'"' {
            continue;
        }
        let prev = if i > para.0 { b[i - 1] } else { b' ' };
        let next = if i + 1 < para.1 { b[i + 1] } else { b' ' };
        let can_open = matches!(prev, b' ' | b'\t' | b'(' | b'[' | b'-' | b':' | b'\n')
            && !next.is_ascii_whitespace();
        let can_close = !prev.is_ascii_whitespace()
            && (next.is_ascii_whitespace() || next.is_ascii_punctuation() || i + 1 == para.1);
        match (open, can_open, can_close) {
            (Some(o), _, true) => {
                if i > o + 1 && !medium_title(n, o, i) {
                    out.push((o + 1, i));
                }
                open = None;
            }
            (_, true, _) => open = Some(i),
            (Some(o), false, false) => {
                // A quote glued on both sides: close when one is open.
                if i > o + 1 {
                    out.push((o + 1, i));
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Is the quotation between the marks at `o` and `c` the name of a medium written in
/// quotes after its kind ("the German daily "Die Welt"", "the magazine "Attitude."")?
/// Then it is a name, read as plain words, not a quotation to attribute. Only a short
/// run of capitalised words (joining words aside, one lower-case word at most in three
/// or more: "Le Canard enchaine") counts.
fn medium_title(n: &str, o: usize, c: usize) -> bool {
    let kind = n[..o].trim_end().rsplit(' ').next().unwrap_or("");
    if !super::lexicon::is_in(kind, super::lexicon::MEDIUM_KINDS) {
        return false;
    }
    let body = n[o + 1..c].trim_end_matches(['.', ',']);
    if body.contains(['.', '!', '?', ',', ':', ';']) {
        return false;
    }
    let words: Vec<&str> = body.split_whitespace().collect();
    let lower = words
        .iter()
        .filter(|w| {
            !w.starts_with(|ch: char| ch.is_uppercase())
                && !super::lexicon::is_in(w, super::lexicon::CONNECTORS)
        })
        .count();
    !words.is_empty()
        && words.len() <= 5
        && words[0].starts_with(|ch: char| ch.is_uppercase())
        && (lower == 0 || lower == 1 && words.len() >= 3)
}

/// Is a `?` between `before` (the word so far) and `after` a letter the scrape could
/// not decode ("Sch?uble", "L?fven", "Mu?oz"), not a question's end or a mangled
/// apostrophe ("Trump?s", "don?t", "they?re")? Only inside a capitalised word, after
/// its capital or a lower-case letter and before a lower-case one.
fn mangled_letter(before: &[u8], after: &[u8]) -> bool {
    let tail = after
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .map_or(after, |k| &after[..k]);
    before.first().is_some_and(u8::is_ascii_uppercase)
        && (before.len() == 1 || before.last().is_some_and(u8::is_ascii_lowercase))
        && tail.first().is_some_and(u8::is_ascii_lowercase)
        && !matches!(tail, b"s" | b"t" | b"d" | b"m" | b"re" | b"ll" | b"ve")
}

/// Is a `?` at the start of a word, after a capitalised word and before lower-case
/// letters, a capital the scrape could not decode ("Bus ?ireann", "Director ?amonn")?
/// Clean text never puts a question mark there.
fn mangled_initial(before: &[u8], after: &[u8]) -> bool {
    let Some(prev) = before.strip_suffix(b" ") else {
        return false;
    };
    let word = prev.rsplit(|&c| c == b' ').next().unwrap_or(prev);
    word.first().is_some_and(u8::is_ascii_uppercase)
        && word.len() >= 2
        && after.len() >= 2
        && after[..2].iter().all(u8::is_ascii_lowercase)
}

/// Sentence ranges of a paragraph (trimmed of surrounding white space).
pub(crate) fn sentences(n: &str, para: (usize, usize)) -> Vec<(usize, usize)> {
    let b = n.as_bytes();
    let mut out = Vec::new();
    let mut start = para.0;
    let mut i = para.0;
    // Jump from one `.`, `!` or `?` to the next (memchr: most bytes are none).
    while let Some(o) = memchr::memchr3(b'.', b'!', b'?', &b[i.min(para.1)..para.1]) {
        i += o;
        let c = b[i];
        let mut j = i + 1;
        while j < para.1 && matches!(b[j], b'"' | b'\'' | b')' | b']' | b'.' | b'!' | b'?') {
            j += 1;
        }
        if j < para.1 && b[j] == b'-' && j + 1 < para.1 && b[j + 1] == b' ' {
            j += 1;
        }
        // "… terra firma."Janet Bednarek told …": the scrape lost the space after a
        // closing quotation; a capitalised word right after it starts a sentence.
        let glued = j == i + 2
            && b[i + 1] == b'"'
            && j + 1 < para.1
            && b[j].is_ascii_uppercase()
            && b[j + 1].is_ascii_lowercase();
        if j < para.1 && !b[j].is_ascii_whitespace() && !glued {
            i += 1;
            continue;
        }
        let mut k = j;
        while k < para.1 && b[k].is_ascii_whitespace() {
            k += 1;
        }
        if k >= para.1 {
            break;
        }
        let nc = b[k];
        let starts_new = nc.is_ascii_uppercase()
            || nc.is_ascii_digit()
            || matches!(nc, b'"' | b'\'' | b'(' | b'[' | b'-')
            || nc >= 0x80;
        // A period after an abbreviation ends no sentence, unless a company's suffix
        // or a dotted abbreviation before a sentence opener ends it.
        let ends = || {
            c != b'.'
                || !is_abbreviation(n, para.0, i)
                || company_end(n, para.0, i, k)
                || opener_after_dotted(n, para.0, i, k)
        };
        if starts_new && ends() {
            push_trimmed(n, &mut out, start, j);
            start = k;
            i = k;
            continue;
        }
        i += 1;
    }
    push_trimmed(n, &mut out, start, para.1);
    out
}

fn push_trimmed(n: &str, out: &mut Vec<(usize, usize)>, s: usize, e: usize) {
    // "… questions. Ana Ruiz (@anaruiz) March 13, 2017 Mr Walsh said …": an embedded
    // tweet's signature ends a sentence though no full stop follows it.
    if let Some(cut) = tweet_signature_end(n, s, e) {
        push_trimmed(n, out, s, cut);
        push_trimmed(n, out, cut, e);
        return;
    }
    let (s, e) = trim_range(n, s, e);
    if e > s {
        out.push((s, e));
    }
}

/// Where the text after a tweet signature ("(@handle) Month D, YYYY ") starts in
/// `s..e`, when a capital letter follows it.
#[inline(never)]
fn tweet_signature_end(n: &str, s: usize, e: usize) -> Option<usize> {
    let b = &n.as_bytes()[..e];
    let mut from = s;
    // (A plain byte search: this runs for every sentence.)
    while let Some(o) = memchr::memchr(b'@', &b[from..]) {
        let at = from + o;
        from = at + 1;
        if at == 0 || b[at - 1] != b'(' {
            continue;
        }
        let at = at - 1;
        let Some(close) = b[at..e.min(at + 40)].iter().position(|&c| c == b')') else {
            continue;
        };
        // ") March 13, 2017 M"
        let mut k = at + close + 1;
        let mut take = |pred: &dyn Fn(u8) -> bool, min: usize, max: usize| {
            let start = k;
            while k < e && k - start < max && pred(b[k]) {
                k += 1;
            }
            k - start >= min
        };
        let ok = take(&|c| c == b' ', 1, 1)
            && take(&|c| c.is_ascii_alphabetic(), 3, 9)
            && take(&|c| c == b' ', 1, 1)
            && take(&|c| c.is_ascii_digit(), 1, 2)
            && take(&|c| c == b',', 1, 1)
            && take(&|c| c == b' ', 1, 1)
            && take(&|c| c.is_ascii_digit(), 4, 4)
            && take(&|c| c == b' ', 1, 3);
        if ok && k < e && b[k].is_ascii_uppercase() {
            return Some(k);
        }
    }
    None
}

/// Shrink a range past surrounding ASCII white space.
pub(crate) fn trim_range(n: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = n.as_bytes();
    while s < e && b[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && b[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    (s, e)
}

/// Does a company's abbreviated suffix end the sentence ("… Railway Co. Yang Hao
/// says")? It does unless another suffix follows ("Co. Ltd."): on the dev CSV all of
/// 30 such periods before a capital ended a sentence.
fn company_end(n: &str, floor: usize, dot: usize, next: usize) -> bool {
    let b = n.as_bytes();
    let mut s = dot;
    while s > floor && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    let word = &n[s..dot];
    let after = n[next..]
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    use super::lexicon::{is_in, COMPANY_SUFFIXES};
    is_in(word, COMPANY_SUFFIXES) && !is_in(after, COMPANY_SUFFIXES)
}

/// Does a sentence opener follow a dotted abbreviation ("… in the U.S. The …")? A
/// single initial ("J. Smith") or a title ("Dr.") never ends a sentence this way.
fn opener_after_dotted(n: &str, floor: usize, dot: usize, next: usize) -> bool {
    let b = n.as_bytes();
    let mut s = dot;
    while s > floor && (b[s - 1].is_ascii_alphabetic() || b[s - 1] == b'.') {
        s -= 1;
    }
    if !n[s..dot].contains('.') {
        return false;
    }
    let word_end = n[next..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .map_or(n.len(), |o| next + o);
    b.get(word_end) == Some(&b' ')
        && super::lexicon::OPENERS_AFTER_DOTTED.contains(&&n[next..word_end])
}

/// Is the word ending just before the period at `dot` an abbreviation or an initial?
fn is_abbreviation(n: &str, floor: usize, dot: usize) -> bool {
    let b = n.as_bytes();
    let mut s = dot;
    while s > floor && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'.') {
        s -= 1;
    }
    let word = &n[s..dot];
    if word.is_empty() {
        return false;
    }
    // Initials and dotted abbreviations: "J.", "U.S.", "a.m."; not a temperature unit
    // after a number ("a target of 2 C. The …").
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        let unit = matches!(word.as_bytes()[0], b'C' | b'F')
            && s >= floor + 2
            && b[s - 1] == b' '
            && b[s - 2].is_ascii_digit();
        return !unit;
    }
    // Dotted abbreviations ("U.S.", "a.m."), not domain names ("PennLive.com").
    if word.contains('.') && word.split('.').all(|p| p.len() <= 3) {
        return true;
    }
    super::lexicon::ABBREVIATIONS
        .iter()
        .any(|a| word.eq_ignore_ascii_case(a))
}

/// Kinds of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum K {
    /// A word (letters, digits, inner hyphens, apostrophes and dots).
    Word,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `;` or a dash between words
    Break,
    /// `(`
    Open,
    /// `)`
    Close,
    /// A quotation: the token spans the quoted content.
    Quote,
    /// `.`, `!` or `?` ending a sentence, and other punctuation.
    Other,
}

/// A token: its kind and byte range.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub k: K,
    pub s: usize,
    pub e: usize,
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// Tokenize a sentence range; quotation segments overlapping it become single
/// [`K::Quote`] tokens spanning the whole quoted content (even beyond the sentence).
/// The tokens are written into `toks` (cleared first): the caller keeps one buffer
/// for all of an article's sentences, since a fresh vector per sentence was a large
/// share of the allocator's work.
pub(crate) fn tokenize(n: &str, sent: (usize, usize), qs: &[(usize, usize)], toks: &mut Vec<Tok>) {
    let b = n.as_bytes();
    toks.clear();
    let mut i = sent.0;
    let mut qi = qs.iter().position(|q| q.1 >= sent.0).unwrap_or(qs.len());
    while i < sent.1 {
        if qi < qs.len() && qs[qi].0 <= i + 1 && i < qs[qi].1 + 1 {
            // Inside or at the opening mark of a quotation.
            let q = qs[qi];
            if q.0 < sent.1 && q.1 + 1 > sent.0 && !nickname(n, q, toks.last(), sent.1) {
                toks.push(Tok {
                    k: K::Quote,
                    s: q.0,
                    e: q.1,
                });
            }
            i = (q.1 + 1).max(i + 1);
            qi += 1;
            continue;
        }
        if qi < qs.len() && qs[qi].1 < i {
            qi += 1;
            continue;
        }
        let c = b[i];
        let initial = c == b'?' && mangled_initial(&b[sent.0..i], &b[i + 1..sent.1]);
        if is_word_byte(c) || initial {
            let s = i;
            i += usize::from(initial);
            while i < sent.1 {
                let c = b[i];
                if is_word_byte(c) {
                    i += 1;
                    continue;
                }
                // ("U.S.-China": a dotted abbreviation joined by a hyphen.)
                let dotted_hyphen = || {
                    c == b'.'
                        && i + 2 < sent.1
                        && b[i + 1] == b'-'
                        && b[i + 2].is_ascii_uppercase()
                        && n[s..i].contains('.')
                };
                let inner = (matches!(c, b'-' | b'\'' | b'.' | b'/' | b'&')
                    && i + 1 < sent.1
                    && is_word_byte(b[i + 1])
                    && !(c == b'.' && b[i + 1] >= 0x80))
                    || dotted_hyphen()
                    || (c == b'?' && i > s && mangled_letter(&b[s..i], &b[i + 1..sent.1]))
                    || (matches!(c, b',' | b':')
                        && i > s
                        && b[i - 1].is_ascii_digit()
                        && i + 1 < sent.1
                        && b[i + 1].is_ascii_digit());
                if inner {
                    i += 1;
                } else {
                    break;
                }
            }
            // Keep the period of an abbreviation such as "U.S." with the word, and of a
            // capitalised one before a name ("Lt. Gov. Dan Patrick", "Dr. Ana Ruiz"), so
            // that a title stays inside the speaker's phrase.
            // A middle initial ("James P. Ruiz") keeps its period too, so that the
            // name stays one run of words.
            let before_name = || {
                i + 2 < sent.1
                    && b[i + 1] == b' '
                    && b[i + 2].is_ascii_uppercase()
                    && b[s].is_ascii_uppercase()
                    && (i - s == 1
                        || super::lexicon::TITLE_ABBREVIATIONS
                            .iter()
                            .any(|a| n[s..i].eq_ignore_ascii_case(a)))
            };
            // Not after a web address ("… told Philly.com."): there it ends the sentence.
            let dotted = || n[s..i].contains('.') && !super::lexicon::is_web_address(&n[s..i]);
            if i < sent.1 && b[i] == b'.' && (dotted() || before_name()) {
                i += 1;
            }
            toks.push(Tok {
                k: K::Word,
                s,
                e: i,
            });
            continue;
        }
        let k = match c {
            b',' => K::Comma,
            b':' => K::Colon,
            // "($5.79 billion; 5.38 billion euros)": inside brackets a semicolon
            // separates a list, no clause.
            b';' if toks
                .iter()
                .rev()
                .find(|t| matches!(t.k, K::Open | K::Close | K::Break))
                .is_some_and(|t| t.k == K::Open) =>
            {
                K::Comma
            }
            b';' => K::Break,
            b'-' if i + 1 < sent.1 && b[i + 1] == b' ' && i > sent.0 && b[i - 1] == b' ' => {
                K::Break
            }
            b'(' | b'[' => K::Open,
            b')' | b']' => K::Close,
            b'"' => {
                i += 1;
                continue;
            }
            c if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            _ => K::Other,
        };
        toks.push(Tok { k, s: i, e: i + 1 });
        i += 1;
    }
}

/// Is the quotation `q` a nickname inside a name (James "Spider" Marks): one or two
/// capitalised words, right after a capitalised word and before one? It is no
/// quotation then, and the name reads as one run of words without it.
fn nickname(n: &str, q: (usize, usize), prev: Option<&Tok>, end: usize) -> bool {
    let b = n.as_bytes();
    let cap_word = |w: &str| {
        w.len() > 1
            && w.as_bytes()[0].is_ascii_uppercase()
            && w.bytes().skip(1).all(|c| c.is_ascii_lowercase())
    };
    // (Typographic marks are normalised to a mark and two spaces: up to three
    // spaces and a mark on either side.)
    let gap = |a: usize, z: usize| {
        (2..=4).contains(&(z - a)) && b[a..z].iter().all(|&c| c == b' ' || c == b'"')
    };
    let after = (q.1 + 2..end.min(q.1 + 5)).find(|&k| b[k] != b' ');
    // (Cheap tests first: this runs for every quotation of every sentence.)
    q.1 <= q.0 + 24
        && after.is_some_and(|k| b[k].is_ascii_uppercase() && b[q.1 + 1] == b' ')
        && prev
            .is_some_and(|t| t.k == K::Word && t.e < q.0 && gap(t.e, q.0) && cap_word(&n[t.s..t.e]))
        && n[q.0..q.1].split(' ').count() <= 2
        && n[q.0..q.1].split(' ').all(cap_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<String> {
        let n = normalise(t);
        paragraphs(&n)
            .into_iter()
            .flat_map(|p| sentences(&n, p))
            .map(|(s, e)| t[s..e].to_string())
            .collect()
    }

    #[test]
    fn a_lost_letter_is_inside_a_word_but_a_lost_apostrophe_is_not() {
        for (before, after, inside) in [
            ("Sch", "uble said", true),
            ("L", "fven", true),
            ("I", "m", false),
            ("SC", "ble", false),
            ("Mu", "oz", true),
            ("Ruiz", "s aide", false),
            ("Trump", "ll go", false),
            ("don", "t", false),
            ("budget", "uble", false), // not a capitalised word
            ("Sch", " said", false),
        ] {
            assert_eq!(
                mangled_letter(before.as_bytes(), after.as_bytes()),
                inside,
                "{before}?{after}"
            );
        }
        // A lost capital opens the next word of a name, never a question's end.
        for (before, after, initial) in [
            ("Bus ", "ireann said", true),
            ("Director ", "amonn Meehan", true),
            ("Is it ", "yes", false), // after a lower-case word
            ("Bus", "ireann", false), // not after a space
            ("Bus ", "I said", false),
            ("Bus ", "a", false),
            ("I ", "am", false), // one letter is no name
        ] {
            assert_eq!(
                mangled_initial(before.as_bytes(), after.as_bytes()),
                initial,
                "{before}?{after}"
            );
        }
    }

    #[test]
    fn normalise_keeps_length() {
        for t in [
            "“Yes,” she said — twice.",
            "a\u{a0}b",
            "x \"?y",
            "Tom\"?s dog",
            "ok,\"?he said",
        ] {
            assert_eq!(normalise(t).len(), t.len());
        }
        assert_eq!(normalise("ok,\"?he said"), "ok,\" he said");
        assert_eq!(normalise("x \"?y"), "x - y");
        // A name glued to the cue after it; compounds and capitalised halves stay.
        assert_eq!(normalise("late,\" Ruiz-said."), "late,\" Ruiz said.");
        for kept in ["Al-Said", "Ruiz-saidnot", "well-said", "Ruiz-Said"] {
            assert_eq!(normalise(kept), kept);
        }
        // A comma is never joined to a word by a hyphen.
        assert_eq!(
            normalise("from ISIL,-according to sources"),
            "from ISIL, according to sources"
        );
        assert_eq!(normalise("1,-2 and x-y"), "1,-2 and x-y");
        assert_eq!(normalise("Industry-(BWI) said"), "Industry (BWI) said");
        // An article glued to the capitalised word after it; compounds stay.
        assert_eq!(
            normalise("according to the-Food and Agriculture Organization, a-SIPTU official"),
            "according to the Food and Agriculture Organization, a SIPTU official"
        );
        for kept in ["state-of-the-art", "the-then", "Bread-A-Day"] {
            assert_eq!(normalise(kept), kept);
        }
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = sents(
            "Mr. Lee met Dr. Ann Roe in the U.S. capital on Feb. 3. They talked. J. Smith left.",
        );
        assert_eq!(s.len(), 3, "{s:?}");
        assert!(s[0].ends_with("on Feb. 3."));
    }

    #[test]
    fn a_sentence_opener_after_a_dotted_abbreviation_splits() {
        let s = sents("They were told to apply in the U.S. An official said so. He met U.S. Army staff at 3 p.m. The talks ended. J. A Smith left.");
        assert_eq!(
            s,
            [
                "They were told to apply in the U.S.",
                "An official said so.",
                "He met U.S. Army staff at 3 p.m.",
                "The talks ended.",
                "J. A Smith left."
            ]
        );
    }

    #[test]
    fn quotes_pair_and_keep_sentences() {
        let t = "\"We are ready. We will win,\" the coach said. Fans cheered.";
        let n = normalise(t);
        let q = quotes(&n, (0, n.len()));
        assert_eq!(q.len(), 1);
        assert_eq!(&t[q[0].0..q[0].1], "We are ready. We will win,");
        assert_eq!(sents(t).len(), 3);
    }

    #[test]
    fn lowercase_after_quote_does_not_split() {
        let s = sents("\"Is it over?\" she asked. \"No!\" he replied.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn a_sentence_glued_to_a_closing_quote_is_split() {
        let s = sents("\"Fashion follows the ground,\" Ivo said. \"It mimics terra firma.\"Ana Ruiz told us the shift began in 1970.");
        assert_eq!(
            s[1..],
            [
                "\"It mimics terra firma.\"",
                "Ana Ruiz told us the shift began in 1970."
            ]
        );
        // An acronym or a mid-word quote is no sentence end.
        assert_eq!(sents("He said \"U.S.\"Army units left.").len(), 1);
    }

    #[test]
    fn a_hyphen_mangled_inside_a_name_is_a_space() {
        // After an honorific, "The", a person's title before a first name or a
        // two-word name, and between a first name and the surname that ends a name.
        assert_eq!(normalise("Ms-Ruiz said"), "Ms Ruiz said");
        assert_eq!(normalise("Prof-Brandt added"), "Prof Brandt added");
        assert_eq!(
            normalise("told The-Daily Ostlander"),
            "told The Daily Ostlander"
        );
        assert_eq!(normalise("Councillor-Ana Ruiz"), "Councillor Ana Ruiz");
        assert_eq!(normalise("Director-Ivo Brandt"), "Director Ivo Brandt");
        assert_eq!(normalise("Sergey-Brandt said"), "Sergey Brandt said");
        assert_eq!(
            normalise("Ostland's-President Ana Ruiz"),
            "Ostland's President Ana Ruiz"
        );
        // Compounds stay whole: a title of two words, a double first name, a
        // country's adjective, a hyphenated surname after a first name.
        for clean in [
            "Attorney-General Ana Ruiz",
            "Vice-President Ivo Brandt",
            "Jean-Claude Brandt said",
            "Mary-Anne said",
            "US-Census data",
            "British-Irish Council",
            "Ana Ruiz-Brandt said",
            "Hewlett-Packard said",
        ] {
            assert_eq!(normalise(clean), clean);
        }
    }
}
