//! Page furniture: lines that are not prose but still attribute — a "Via X:" line
//! introducing a relayed block, and a caption ending in a photo credit
//! "(Photographer/Agency via Agency)" — and text that is no part of the article's
//! prose at all: an embedded social-media post (rulebook R1, "not items").

use crate::chain::HopSpec;
use crate::extract::lexicon::{
    is_in, ARTICLES, CLAUSE_CUES, CONNECTORS, PLACE_ENDS, TEASER_ENDS, TEASER_LABELS,
};
use crate::extract::text;
use crate::extract::{same_name, ExtractKind};

use super::{Found, State};

/// Does a sentence hold the signature line of an embedded social-media post — "— Name
/// (@handle) March 8, 2017" or a "pic.twitter.com/…" link? Scrapers glue the post's
/// text and its signature onto the prose; what the post says is not the article's
/// statement (rulebook R1: embedded posts are page furniture). Where the prose
/// resumes after the last signature: `Some(offset)` when a sentence of the article
/// (a capital, then at least four words) follows it, glued on with no stop ("…
/// pic.twitter.com/x1 Lahren refused to apologize, saying …"); `None` when the whole
/// sentence is the post's; the whole sentence (`Some(0)`) when no post is in it.
pub(super) fn prose_after_post(sentence: &str) -> Option<usize> {
    // (Runs for every sentence: one vectorised pass for the bytes both signatures
    // need, which most sentences lack.)
    const LINK: &[u8] = b"pic.twitter.com/";
    let b = sentence.as_bytes();
    if memchr::memchr2(b'@', b'/', b).is_none() {
        return Some(0);
    }
    let mut end = None;
    if let Some(k) = memchr::memmem::rfind(b, LINK) {
        let id = k + LINK.len();
        end = Some(
            id + b[id..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count(),
        );
    }
    let mut from = 0;
    while let Some(k) = memchr::memmem::find(&b[from..], b"(@") {
        let at = from + k + 2;
        let handle = b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        let close = at + handle;
        if handle > 0 && b.get(close) == Some(&b')') {
            let rest = &sentence[close + 1..];
            let mut words = rest.split_whitespace();
            let month = words.next().unwrap_or("");
            let day = words.next().unwrap_or("");
            if (is_in(month, crate::extract::lexicon::MONTHS) || month == "May")
                && day
                    .trim_end_matches(',')
                    .bytes()
                    .all(|c| c.is_ascii_digit())
                && !day.is_empty()
            {
                // The signature runs to its year ("March 8, 2017").
                let year = words
                    .next()
                    .filter(|y| y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()));
                let after_day = rest.find(day).map_or(0, |d| d + day.len());
                let sig_end = close
                    + 1
                    + year
                        .and_then(|y| rest[after_day..].find(y).map(|k| after_day + k + 4))
                        .unwrap_or(after_day);
                end = end.max(Some(sig_end));
            }
        }
        from = at;
    }
    let Some(end) = end else {
        return Some(0);
    };
    let rest = &sentence[end..];
    let prose = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Not another post's text ("… #Topic said you are a spy?", "MORE- The driver
    // …"): no hashtag or handle, no shouted first word.
    let first = prose.split_whitespace().next().unwrap_or("");
    let shouted = first.len() >= 4 && first.bytes().all(|c| !c.is_ascii_lowercase());
    (prose.starts_with(|c: char| c.is_ascii_uppercase())
        && prose.split_whitespace().count() >= 5
        && !shouted
        && !prose.contains(['#', '@']))
    .then(|| sentence.len() - prose.len())
}

/// Blank the teasers for other stories in the normalised text: "READ MORE: <headline>"
/// (and RELATED, WATCH, INTERACTIVE, ALSO READ, "Read more from <name>" …) become spaces with a line
/// break at each end, so the sentence before and the sentence after are paragraphs of
/// their own and the headline is neither a statement nor part of the next sentence's
/// subject (rulebook R1: teasers are page furniture). Scrapers drop the line breaks, so
/// the headline runs into the next sentence; it ends before an opening double quote, a
/// capitalised sentence-opening word after its first word (`TEASER_ENDS`), a
/// capitalised word after a country name (`PLACE_ENDS`) or a closing quote, or after a word ending in `?`
/// or `!` (or "here:", as in "Read more on X here:"). Where none of these comes first —
/// within 20 words, before a word ending a sentence with a period, a bracket, a
/// capitalised word before a comma, an article after a comma or a past-tense cue
/// ("Name,", ", the director of", "said": the article's own sentence has begun;
/// headlines say "says") — nothing is changed: no real sentence is ever removed. Byte
/// positions are kept.
pub(super) fn blank_teasers(n: String) -> String {
    // Only a capital that starts some label is looked at, found with two vectorised
    // passes (a plain byte loop cost 2 % of all extraction) and visited in text order.
    let b = n.as_bytes();
    let mut starts: Vec<usize> = memchr::memchr3_iter(b'R', b'A', b'S', b)
        .chain(memchr::memchr2_iter(b'W', b'I', b))
        .collect();
    starts.sort_unstable();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for at in starts {
        for label in TEASER_LABELS {
            if n.as_bytes()[at..].starts_with(label.as_bytes()) {
                if let Some(span) = teaser_at(&n, at, label)
                    .or_else(|| credit_at(&n, at, label))
                    .or_else(|| share_bar_at(&n, at, label))
                {
                    spans.push(span);
                }
            }
        }
    }
    blank(n, &spans)
}

/// Blank a writer's e-mail address that follows a sentence's end ("… say analysts.
/// ana@example.com (Vell Weekly page 27)"): it signs the article off, and since it
/// opens in lower case the sentence before it would run on into it and lose its
/// closing cue. An address inside a sentence ("write to ana@example.com for …") is
/// left alone. Byte positions are kept.
pub(super) fn blank_signoff_emails(n: String) -> String {
    let b = n.as_bytes();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for at in memchr::memchr_iter(b'@', b) {
        let mut s = at;
        while s > 0 && !b[s - 1].is_ascii_whitespace() {
            s -= 1;
        }
        let mut e = at + 1;
        while e < b.len() && !b[e].is_ascii_whitespace() {
            e += 1;
        }
        let mut k = s;
        while k > 0 && b[k - 1].is_ascii_whitespace() {
            k -= 1;
        }
        let after_end = k < s && k > 0 && matches!(b[k - 1], b'.' | b'!' | b'?' | b'"');
        let address = at > s
            && e - s <= 64
            && b[s].is_ascii_alphanumeric()
            && b[at + 1..e].contains(&b'.')
            && spans.last().is_none_or(|l| l.1 <= s);
        if after_end && address {
            spans.push((s, e));
        }
    }
    blank(n, &spans)
}

/// Blank an editors' sign-off after a sentence's end: their initials and the agencies
/// the article drew on ("… held by Obama. tj/rt (AFP, AP)", "jm/kms (Reuters, dpa)").
/// It opens in lower case, so the sentence before would run on into it and carry it
/// in its claim. Two to four sets of one to four lower-case letters joined by
/// slashes, then a bracket of names (capitalised, or "dpa"-style initials) and
/// commas, ending the text or a line. Byte positions are kept.
pub(super) fn blank_credit_initials(n: String) -> String {
    let b = n.as_bytes();
    let initials = |k: usize| b[k..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for slash in memchr::memchr_iter(b'/', b) {
        // The first set of initials, after a sentence's end.
        let mut s = slash;
        while s > 0 && b[s - 1].is_ascii_lowercase() {
            s -= 1;
        }
        // (A scraped dash may follow the end: "… of 2016.- cw/xx (AFP, Reuters)".)
        let gap = b[..s]
            .iter()
            .rev()
            .take(3)
            .take_while(|&&c| c == b' ' || c == b'-')
            .count();
        let opened = gap >= 1
            && s > gap
            && b[s - 1] == b' '
            && matches!(b[s - gap - 1], b'.' | b'!' | b'?' | b'"')
            && !(slash - s > 4 || slash == s)
            && spans.last().is_none_or(|l| l.1 <= s);
        if !opened {
            continue;
        }
        let mut e = slash;
        let mut sets = 1;
        while b.get(e) == Some(&b'/') && (1..=4).contains(&initials(e + 1)) {
            e += 1 + initials(e + 1);
            sets += 1;
        }
        if !(2..=4).contains(&sets) || !b[e..].starts_with(b" (") {
            continue;
        }
        let inner = e + 2;
        let Some(len) = b[inner..].iter().take(60).position(|&c| c == b')') else {
            continue;
        };
        let names = &n[inner..inner + len];
        let plain = !names.is_empty()
            && names.split(", ").all(|w| {
                !w.is_empty()
                    && w.bytes().all(|c| c.is_ascii_alphabetic() || c == b' ')
                    && (w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() <= 4)
            });
        let close = inner + len + 1;
        let ends = b.get(close).is_none_or(u8::is_ascii_whitespace);
        if plain && ends {
            spans.push((s, close));
        }
    }
    blank(n, &spans)
}

/// Spaces over each byte range of `n` (whole characters), a line break at each end,
/// so the text around becomes paragraphs of its own; byte positions are kept.
fn blank(n: String, spans: &[(usize, usize)]) -> String {
    if spans.is_empty() {
        return n;
    }
    let mut b = n.into_bytes();
    for &(s, e) in spans {
        b[s..e].fill(b' ');
        b[s] = b'\n';
        b[e - 1] = b'\n';
    }
    // Whole characters became ASCII, so the text is still UTF-8.
    String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Blank a place dateline opening the text — "Silwad, Occupied West Bank - From a
/// distance, Ana Ruiz …" (Al Jazeera's features) — so that the first sentence opens
/// with its own subject. One to six capitalised words (commas between allowed) within
/// the first 60 bytes, then a spaced dash and a capital letter ("Mesgen - who …" is
/// no dateline). Byte positions are kept.
pub(super) fn blank_place_dateline(n: String) -> String {
    let b = n.as_bytes();
    let s = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    let mut i = s;
    let mut words = 0;
    while i < b.len().min(s + 60) {
        if !b[i].is_ascii_uppercase() {
            return n;
        }
        while i < b.len() && (b[i].is_ascii_alphabetic() || matches!(b[i], b'\'' | b'-')) {
            i += 1;
        }
        words += 1;
        if b.get(i) == Some(&b',') {
            i += 1;
        }
        if b.get(i) != Some(&b' ') || words > 6 {
            return n;
        }
        i += 1;
        let dash = [&b"- "[..], "\u{2013} ".as_bytes(), "\u{2014} ".as_bytes()]
            .into_iter()
            .find(|d| b[i..].starts_with(d));
        if let Some(d) = dash {
            let e = i + d.len();
            if b.get(e).is_some_and(u8::is_ascii_uppercase) && b[i - 2] != b',' {
                return blank(n, &[(s, e)]);
            }
            return n;
        }
    }
    n
}

/// Blank an agency dateline opening the text — "MOSCOW, February 9. /TASS/." and
/// "TAIPEI, Taiwan, Feb. 7, 2017 /PRNewswire/." — so that it is never the start of the
/// first statement, even when the scrape dropped the space or the period after it
/// ("9./TASS/.Russia is ready …"). It opens with a word in capitals and the agency
/// sits between slashes within the first 120 bytes. Byte positions are kept.
pub(super) fn blank_dateline(n: String) -> String {
    let b = n.as_bytes();
    let s = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    if !(b.len() > s + 2 && b[s..s + 2].iter().all(u8::is_ascii_uppercase)) {
        return n;
    }
    let head = &b[s..b.len().min(s + 120)];
    // The agency: "/Name/" or "/Name, Reporter Name/", every word capitalised, after
    // the date (a digit) and before any quotation mark ("BONN /Germany/, February 16.
    // /TASS/." keeps looking past the country).
    let mut from = 0;
    let span = loop {
        let Some(k) = head[from..].iter().position(|&c| c == b'/') else {
            return n;
        };
        let open = from + k;
        let before = &head[..open];
        if before.contains(&b'"') {
            return n;
        }
        let close = head[open + 1..].iter().position(|&c| c == b'/');
        if let Some(close) = close.map(|c| open + 1 + c) {
            let inner = &head[open + 1..close];
            let agency = inner.first().is_some_and(u8::is_ascii_uppercase)
                && inner
                    .split(|&c| c == b' ')
                    .all(|w| w.is_empty() || w[0].is_ascii_uppercase())
                && inner.len() <= 60;
            if agency && before.iter().any(u8::is_ascii_digit) {
                break (open, close);
            }
        }
        from = open + 1;
    };
    let mut e = s + span.1 + 1;
    while e < b.len() && matches!(b[e], b'.' | b' ' | b'-' | b'/') {
        e += 1;
    }
    blank(n, &[(s, e)])
}

/// The byte range to blank for a teaser label found at `at`, or `None` when the label
/// is ordinary prose ("read more about it", "related to").
fn teaser_at(n: &str, at: usize, label: &str) -> Option<(usize, usize)> {
    let bytes = n.as_bytes();
    if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    let after = at + label.len();
    let rest = &n[after..];
    let trimmed = rest.trim_start_matches(' ');
    let caps = label.bytes().all(|c| !c.is_ascii_lowercase());
    let title = if let Some(t) = trimmed.strip_prefix([':', '-']) {
        n.len() - t.trim_start_matches([' ', '-', ':']).len()
    } else if rest.starts_with(' ')
        && ((label.ends_with("more")
            && (trimmed.starts_with("from ") || trimmed.starts_with("on ")))
            || (caps && trimmed.starts_with(|c: char| c.is_uppercase())))
    {
        // "Read more from Laura", "READ MORE Headline": the label has no colon.
        n.len() - trimmed.len()
    } else {
        return None;
    };
    let para_end = n[title..].find('\n').map_or(n.len(), |k| title + k);
    let mut end = None;
    let mut prev: (&str, bool) = ("", false);
    let mut after_comma = false;
    // "… since World War II' Ahmad al-Sayed": a headline that ends in its own quotation.
    let mut closed_quote = false;
    for (k, w) in n[title..para_end]
        .split(' ')
        .filter(|w| !w.is_empty())
        .enumerate()
        .take(20)
    {
        let ws = text_offset(n, w);
        let core = w
            .trim_start_matches(['(', '\''])
            .trim_end_matches([',', ';', ':', '.', '?', '!', '\'', '"', ')']);
        let cap = core.starts_with(|c: char| c.is_uppercase());
        if k >= 1
            && (w.starts_with('"')
                || (cap && is_in(core, TEASER_ENDS))
                || (cap && prev.1 && is_in(prev.0, PLACE_ENDS))
                || (cap && closed_quote))
        {
            end = Some(ws);
            break;
        }
        // The article's own sentence has begun: ", said", ", the director of",
        // a bracket, a full stop.
        if (after_comma && is_in(core, ARTICLES))
            || (is_in(core, CLAUSE_CUES) && !core.eq_ignore_ascii_case("says"))
            || w.starts_with('(')
            || (cap && w.ends_with(','))
            || (w.ends_with('.') && !core.contains('.'))
        {
            return None;
        }
        if w.ends_with(['?', '!']) || w.eq_ignore_ascii_case("here:") {
            end = Some(ws + w.len());
            break;
        }
        after_comma = w.ends_with(',');
        closed_quote = w.len() > 1 && w.ends_with(['\'', '"']) && !w.starts_with(['\'', '"']);
        // "… the war in Yemen Gregory": a place ends the headline, but not in "Turkey: Coup".
        prev = (core, cap && w.ends_with(|c: char| c.is_alphanumeric()));
    }
    end.map(|e| (at, e))
}

/// "Author: Oleg Brandt Roger Ruiz, director of …": where the credit's end is unsure,
/// the label and the two capitalised words of the name after it.
fn credit_at(n: &str, at: usize, label: &str) -> Option<(usize, usize)> {
    if label != "Author" {
        return None;
    }
    let rest = n[at..].strip_prefix(label)?.strip_prefix(": ")?;
    let mut end = n.len() - rest.len();
    for _ in 0..2 {
        let w = n[end..].split(' ').next()?;
        if !w.starts_with(|c: char| c.is_uppercase()) || !w.ends_with(|c: char| c.is_alphabetic()) {
            return None;
        }
        end += w.len() + 1;
    }
    Some((at, end - 1))
}

/// DW's closing "aw/rc (AFP, AP, dpa) Send Facebook Twitter … Permalink <url>": the
/// editors' initials, the agencies, the share buttons and the link, glued to the
/// last sentence by the scrape.
fn share_bar_at(n: &str, at: usize, label: &str) -> Option<(usize, usize)> {
    if label != "Send Facebook Twitter" {
        return None;
    }
    let before = n[..at].trim_end_matches(' ');
    let mut start = before.len();
    if before.ends_with(')') {
        if let Some(open) = before.rfind('(').filter(|&o| before.len() - o <= 40) {
            start = open;
        }
    }
    let head = n[..start].trim_end_matches([' ', '-']);
    let initials = head.rsplit(' ').next().unwrap_or("");
    let is_initials = initials.split_once('/').is_some_and(|(a, b)| {
        (1..=4).contains(&a.len())
            && (1..=4).contains(&b.len())
            && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_lowercase())
    });
    if is_initials {
        start = head.len() - initials.len();
    }
    let para_end = n[at..].find('\n').map_or(n.len(), |k| at + k);
    let end = match n[at..para_end].find("Permalink") {
        Some(k) => {
            let after = at + k + "Permalink".len();
            let rest = n[after..para_end].trim_start_matches(' ');
            let url = rest.split(' ').next().unwrap_or("");
            para_end - rest.len() + url.len()
        }
        None => para_end,
    };
    (end > start).then_some((start, end))
}

/// Byte offset of `part`, a sub-slice of `whole`, in `whole`.
fn text_offset(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

/// A paragraph of the form "Via X:" introducing a relayed block.
pub(super) fn via_line(n: &str, para: (usize, usize)) -> Option<String> {
    let t = n[para.0..para.1].trim();
    let rest = t.strip_suffix(':')?;
    if rest.len() < 5 || !rest.is_char_boundary(4) || !rest[..4].eq_ignore_ascii_case("via ") {
        return None;
    }
    let name = rest[4..].trim();
    if name.is_empty() || name.split_whitespace().count() > 6 {
        return None;
    }
    Some(name.to_string())
}

/// A caption line ending in a credit "(Photographer/Agency via Agency)".
pub(super) fn photo_credit(st: &mut State, para: (usize, usize)) -> bool {
    let n = st.n;
    let (ps, pe) = text::trim_range(n, para.0, para.1);
    let t = &n[ps..pe];
    if !t.ends_with(')') || t.len() > 400 {
        return false;
    }
    let Some(open) = t.rfind('(') else {
        return false;
    };
    let inner = &t[open + 1..t.len() - 1];
    if inner.len() > 120 || !(inner.contains('/') || inner.contains(" via ")) {
        return false;
    }
    let mut names: Vec<&str> = Vec::new();
    for p in inner.split(" via ").collect::<Vec<_>>().iter().rev() {
        for q in p.split('/').rev() {
            let q = q.trim();
            let ok = !q.is_empty()
                && q.split_whitespace().all(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                        || is_in(w, CONNECTORS)
                });
            if !ok {
                return false;
            }
            names.push(q);
        }
    }
    let (cs, ce) = text::trim_range(n, ps, ps + open);
    if n[cs..ce].split_whitespace().count() < 2 {
        return false;
    }
    let mut hops = vec![HopSpec::named(st.publisher)];
    for nm in names {
        if !same_name(nm, st.publisher) {
            hops.push(HopSpec::named(nm));
        }
    }
    st.out.push(Found {
        span: (cs, ce),
        pieces: vec![(cs, ce)],
        kind: ExtractKind::PhotoCredit,
        hops,
        sentence: st.sentence_no,
        origin: st.sentence_no,
        speaker: None,
        inner: Vec::new(),
        via: Vec::new(),
        outer: Vec::new(),
        cited: Vec::new(),
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_editors_sign_off_is_blanked_and_nothing_else() {
        let text = "It was also held by the previous government. tj/rt (AFP, AP)\nIt rose.- cw/xx (AFP, Reuters)\nMore: jm/kms (Reuters, dpa) follows. See and/or (AFP) here.";
        let n = text::normalise(text);
        let b = blank_credit_initials(n.clone());
        assert!(!b.contains("tj/rt") && !b.contains("cw/xx"), "{b}");
        assert!(b.contains("held by the previous government."), "{b}");
        // Not after a sentence's end, or not ending one: left alone.
        assert!(b.contains("jm/kms (Reuters, dpa) follows"), "{b}");
        assert!(b.contains("and/or (AFP)"), "{b}");
        assert_eq!(b.len(), n.len());
    }

    #[test]
    fn every_teaser_label_opens_with_a_capital_the_scan_looks_for() {
        // `blank_teasers` visits only R, A, S, W and I: a label opening with any other
        // letter would never be found.
        for label in TEASER_LABELS {
            assert!(label.starts_with(['R', 'A', 'S', 'W', 'I']), "{label}");
        }
    }

    #[test]
    fn a_teaser_whose_end_is_unsure_is_left_alone() {
        // Where the headline's end cannot be found before the article's own sentence has
        // begun ("Anna Weiss, the finance minister, said"), nothing is blanked: a wrong cut
        // would remove a real statement.
        for text in [
            "READ MORE: Budget talks stall Anna Weiss, the finance minister, said the gap was small.",
            "Voters want to read more about it, Anna Weiss said.",
            "The related costs rose, Anna Weiss said.",
        ] {
            let n = text::normalise(text);
            assert_eq!(blank_teasers(n.clone()), n, "{text}");
        }
    }

    #[test]
    fn an_agency_dateline_is_blanked_however_the_scrape_glued_it() {
        for (text, rest) in [
            (
                "MOSCOW, February 9./TASS/.Ostland is ready.",
                "Ostland is ready.",
            ),
            (
                "MOSCOW, February 7. /TASS/ The law holds.",
                "The law holds.",
            ),
            (
                "MOSCOW, February 9./TASS/. /Ostland and Ruritania met.",
                "Ostland and Ruritania met.",
            ),
            (
                "BONN /Germany/, February 16. /TASS/. -The talks began.",
                "The talks began.",
            ),
            (
                "TAIPEI, Taiwan, Feb. 7, 2017 /PRNewswire/.-Ostco, Inc. grew.",
                "Ostco, Inc. grew.",
            ),
        ] {
            let b = blank_dateline(text.to_string());
            assert_eq!(b.len(), text.len());
            assert_eq!(b.trim_start(), rest, "{text}");
        }
        // Prose with a slash is no dateline.
        for text in [
            "NATO/EU forces said 30 people left.",
            "EU officials said on 9 May that the A/B test failed.",
            "US \"9/11 Truth\" groups met.",
        ] {
            assert_eq!(blank_dateline(text.to_string()), text);
        }
    }

    #[test]
    fn a_place_dateline_is_blanked_and_a_subject_with_an_aside_is_not() {
        for (text, rest) in [
            (
                "Silwad, Occupied West Bank - From a distance, Ana Ruiz waved.",
                "From a distance, Ana Ruiz waved.",
            ),
            ("Ramallah - Ana Ruiz waved.", "Ana Ruiz waved."),
            ("Lesbos, Greece \u{2013} The boats came.", "The boats came."),
        ] {
            let b = blank_place_dateline(text.to_string());
            assert_eq!(b.len(), text.len());
            assert_eq!(b.trim_start(), rest, "{text}");
        }
        for text in [
            "Mesgen - who was aboard a boat - reached Germany.",
            "Ana Ruiz said the port - which is closed - would open.",
            "The port is closed - Ana Ruiz said so.",
            "- Ana Ruiz waved.",
        ] {
            assert_eq!(blank_place_dateline(text.to_string()), text);
        }
    }

    #[test]
    fn a_teaser_becomes_blank_lines_of_the_same_length() {
        let n = "Rain fell. READ MORE: Dam holds for now The river rose.".to_string();
        let b = blank_teasers(n.clone());
        assert_eq!(b.len(), n.len());
        let words: Vec<&str> = b.split_whitespace().collect();
        assert_eq!(words, ["Rain", "fell.", "The", "river", "rose."]);
        assert_eq!(b.matches('\n').count(), 2);
    }

    #[test]
    fn a_share_bar_with_its_initials_and_agencies_is_blanked() {
        let n = "The firm said it acted fast. ab/cd (AFP, dpa) Send Facebook Twitter Google+ \
                 Whatsapp Permalink http://example.org/p/1 The court ruled."
            .to_string();
        let b = blank_teasers(n.clone());
        let words: Vec<&str> = b.split_whitespace().collect();
        assert_eq!(
            words,
            ["The", "firm", "said", "it", "acted", "fast.", "The", "court", "ruled."]
        );
        // Without "Permalink", to the paragraph's end; without initials, from the label.
        let n = "It acted fast. Send Facebook Twitter Google+".to_string();
        let words: Vec<String> = blank_teasers(n)
            .split_whitespace()
            .map(String::from)
            .collect();
        assert_eq!(words, ["It", "acted", "fast."]);
    }

    #[test]
    fn a_credit_line_and_the_sub_heading_after_it_are_blanked() {
        let n =
            "Rain fell. Author: Ana Ruiz Dam holds The minister said the river rose.".to_string();
        let b = blank_teasers(n.clone());
        let words: Vec<&str> = b.split_whitespace().collect();
        assert_eq!(
            words,
            ["Rain", "fell.", "The", "minister", "said", "the", "river", "rose."]
        );
        // Where the sub-heading's end is unsure, the name alone.
        let n = "Author: Ana Ruiz Ivo Brandt, director of the port, said it rose.".to_string();
        let words: Vec<String> = blank_teasers(n)
            .split_whitespace()
            .map(String::from)
            .collect();
        assert_eq!(words[..3], ["Ivo", "Brandt,", "director"]);
        // Prose with the word is left alone.
        let n = "The author said the river rose.".to_string();
        assert_eq!(blank_teasers(n.clone()), n);
    }
}
