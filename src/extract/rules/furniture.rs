//! Page furniture: lines that are not prose but still attribute — a "Via X:" line
//! introducing a relayed block, and a caption ending in a photo credit
//! "(Photographer/Agency via Agency)" — and text that is no part of the article's
//! prose at all: an embedded social-media post (rulebook R1, "not items").

use crate::chain::HopSpec;
use crate::extract::lexicon::{is_in, CONNECTORS};
use crate::extract::text;
use crate::extract::{same_name, ExtractKind};

use super::{Found, State};

/// Does a sentence hold the signature line of an embedded social-media post — "— Name
/// (@handle) March 8, 2017" or a "pic.twitter.com/…" link? Scrapers glue the post's
/// text and its signature onto the prose; what the post says is not the article's
/// statement (rulebook R1: embedded posts are page furniture).
pub(super) fn embedded_post(sentence: &str) -> bool {
    if sentence.contains("pic.twitter.com/") {
        return true;
    }
    let b = sentence.as_bytes();
    let mut from = 0;
    while let Some(k) = sentence[from..].find("(@") {
        let at = from + k + 2;
        let handle = b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        let close = at + handle;
        if handle > 0 && b.get(close) == Some(&b')') {
            let rest = sentence[close + 1..].trim_start();
            let month = rest.split_whitespace().next().unwrap_or("");
            let day = rest.split_whitespace().nth(1).unwrap_or("");
            if (is_in(month, crate::extract::lexicon::MONTHS) || month == "May")
                && day
                    .trim_end_matches(',')
                    .bytes()
                    .all(|c| c.is_ascii_digit())
                && !day.is_empty()
            {
                return true;
            }
        }
        from = at;
    }
    false
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
