//! Relays and cited origins around a cue ("told X", "speaking to X", "citing Y",
//! "carried by Z", "according to W", a closing ", the agency reported"), what makes a
//! phrase a medium, and assembling the chain: publisher, "Via" block, outer relays,
//! inner relays, speaker, cited origins.

use crate::chain::HopSpec;
use crate::extract::lexicon::{self, is_in, Cue, CONNECTORS, DOCS, NOT_NAMES};
use crate::extract::text::{Tok, K};
use crate::extract::{normalise_name, same_name};

use super::names::{
    acronym, is_cap, is_known_media, is_known_media_run, known_first_name, strip_based,
    titled_person,
};
use super::{Spk, State};

/// What the words after a cue word in `modifiers` name: a cited source ("citing …"), an
/// outer relay ("according to …"), an inner relay ("told …"), or an inner relay only
/// when it is a known outlet ("said on …").
#[derive(Clone, Copy)]
enum Take {
    Cited,
    Outer,
    /// An outer relay that is any proper name ("an article in the Fresno Bee").
    OuterNamed,
    Inner,
    InnerMedia,
    /// A relay the speaker talked to that is any proper name ("in an interview with
    /// the Valley Review", "wrote in the Harbour Journal").
    InnerNamed,
}

/// Relays and origins found around a cue.
#[derive(Default)]
pub(super) struct Mods {
    pub(super) outer: Vec<HopSpec>,
    pub(super) inner: Vec<HopSpec>,
    pub(super) cited: Vec<HopSpec>,
}

/// Build the chain: publisher, "Via" block, outer relays, inner relays, speaker, cited
/// origins. Hops equal to the publisher and repeated hops are dropped; nothing follows
/// an anonymous hop.
pub(super) fn assemble(
    publisher: &str,
    via: &[HopSpec],
    outer: &[HopSpec],
    inner: &[HopSpec],
    speaker: Option<&Spk>,
    cited: &[HopSpec],
) -> Vec<HopSpec> {
    let mut hops = vec![HopSpec::named(publisher)];
    // An unnamed relay is a middle hop (rulebook R2): the speaker still follows it.
    // So is an unnamed medium that speaks citing its sources ("South Korean media
    // reports, citing government sources, said …").
    let medium_speaker = speaker
        .map(|s| &s.hop)
        .filter(|h| !cited.is_empty() && lexicon::names_a_medium(&h.name));
    let anonymous_relays: Vec<&String> = via
        .iter()
        .chain(outer)
        .chain(inner)
        .filter(|h| h.anonymous && lexicon::names_a_medium(&h.name))
        .chain(medium_speaker)
        .map(|h| &h.name)
        .collect();
    let all = via
        .iter()
        .chain(outer)
        .chain(inner)
        .chain(speaker.map(|s| &s.hop))
        .chain(cited);
    for h in all {
        if h.name.is_empty() {
            continue;
        }
        // The publisher, a trailing part of its name, or a name ending with its whole
        // name ("Hu Jianhuan For China Daily"); never a longer name that only ends
        // with its folded form ("People's Bank of China" in China Daily, whose name
        // folds to "china").
        if !h.anonymous
            && same_name(&h.name, publisher)
            && (normalise_name(&h.name).split(' ').count()
                <= normalise_name(publisher).split(' ').count()
                || h.name.len() > publisher.len()
                    && h.name.is_char_boundary(h.name.len() - publisher.len())
                    && h.name[h.name.len() - publisher.len()..].eq_ignore_ascii_case(publisher))
        {
            continue;
        }
        if let Some(last) = hops.last() {
            if last.anonymous && !anonymous_relays.contains(&&last.name) {
                break;
            }
            // A repeated hop is one hop, named or not ("~an official source via
            // ~an official source" would be an unnamed relay that is no medium).
            if normalise_name(&last.name) == normalise_name(&h.name) {
                continue;
            }
        }
        hops.push(h.clone());
    }
    hops
}

impl<'a> State<'a> {
    /// Relays and origins named around the cue at `ci`, outside the content ranges.
    pub(super) fn modifiers(
        &mut self,
        toks: &[Tok],
        content: &[(usize, usize)],
        ci: usize,
        c: Cue,
    ) -> Mods {
        let mut m = Mods::default();
        let inside = |k: usize| content.iter().any(|&(s, e)| k >= s && k < e);
        let len = toks.len();
        let mut k = 0;
        while k < len {
            if inside(k) || toks[k].k != K::Word {
                k += 1;
                continue;
            }
            let (mut lb, mut nb) = ([0u8; 16], [0u8; 16]);
            let lw = lexicon::lower_key(self.w(&toks[k]), &mut lb);
            let next = lexicon::lower_key(self.word_at(toks, k + 1).unwrap_or(""), &mut nb);
            // What the words after the cue are, and how many words the cue takes.
            let found = match lw {
                "citing" | "quoting" => Some((1, Take::Cited)),
                "referring" if next == "to" => Some((2, Take::Cited)),
                "according" if next == "to" => Some((2, Take::Outer)),
                "carried" | "published" | "broadcast" | "aired" | "cited" | "circulated"
                    if next == "by" || next == "on" || next == "in" =>
                {
                    Some((2, Take::Outer))
                }
                // "…, said an official, as reported by AFP": the medium carried it.
                "reported" if next == "by" && k > 0 && self.is_word(toks, k - 1, &["as"]) => {
                    Some((2, Take::Outer))
                }
                "told" | "tells" | "telling" if k == ci || c != Cue::Told => Some((1, Take::Inner)),
                "interview" | "interviewed" if next == "with" || next == "by" => {
                    Some((2, Take::InnerNamed))
                }
                "article" | "interview" | "op-ed" | "column" | "editorial"
                    if next == "in" || next == "for" =>
                {
                    Some((2, Take::OuterNamed))
                }
                "wrote" | "writing" | "writes" | "write" if next == "in" || next == "for" => {
                    Some((2, Take::InnerNamed))
                }
                "speaking" | "talking" | "interview" | "interviewed" | "comments" | "remarks"
                    if next == "to" || next == "with" || next == "by" =>
                {
                    Some((2, Take::Inner))
                }
                "statement" if next == "to" => Some((2, Take::Inner)),
                // "In a Reuters interview, …", "said in a Fox News TV interview that …":
                // a known medium named before "interview".
                "in" if (next == "a" || next == "an") && self.medium_interview(toks, k + 2) => {
                    Some((2, Take::InnerMedia))
                }
                "on" if k == ci + 1 => Some((1, Take::InnerMedia)),
                // "confirmed to Izvestia that …", "said to the BBC": a medium after the
                // cue and "to" relays it (other listeners are no relays).
                _ if k == ci && next == "to" && c != Cue::Told => Some((2, Take::InnerMedia)),
                _ => None,
            };
            // "told "Associated Press" that …": a publication's title in quotation
            // marks after "told" relays it (rulebook R2).
            if matches!(lw, "told" | "tells" | "telling") && (k == ci || c != Cue::Told) {
                let q = k + 1 + usize::from(self.is_word(toks, k + 1, &["the"]));
                if let Some(name) = self.quoted_title(toks, q) {
                    m.inner.push(HopSpec::named(&name));
                    k = q + 1;
                    continue;
                }
            }
            if let Some((words, take)) = found {
                let a = k + words;
                let e = match take {
                    Take::Cited | Take::Outer | Take::OuterNamed => {
                        self.np_end_content(toks, a, content)
                    }
                    Take::Inner | Take::InnerMedia | Take::InnerNamed => self.np_end(toks, a),
                };
                match take {
                    Take::Cited => m.cited.extend(self.cited_source(toks, a, e)),
                    Take::Outer => m.outer.extend(self.relay(toks, a, e, true)),
                    // ("in an interview in Beijing": after "in", a place; only a
                    // known medium or one named with "the" is a publication.)
                    Take::OuterNamed => m.outer.extend(self.relay(toks, a, e, true).filter(|r| {
                        next != "in" || is_known_media(&r.name) || self.is_word(toks, a, &["the"])
                    })),
                    Take::Inner => m.inner.extend(
                        self.relay(toks, a, e, false)
                            .or_else(|| self.told_outlet(toks, a, e, lw)),
                    ),
                    Take::InnerNamed => m.inner.extend(self.relay(toks, a, e, true)),
                    Take::InnerMedia => m.inner.extend(
                        self.relay(toks, a, e, false)
                            .filter(|r| is_known_media(&r.name)),
                    ),
                }
                k = e.max(k + 1);
                continue;
            }
            k += 1;
        }
        m
    }

    /// "told ProPublica", "told the Sacramento Bee", "told KNXV": after "told", a short
    /// proper name that is nothing the article or the lexicon knows as a person, a body,
    /// a place or a nationality is a medium the list lacks (rulebook R2: *told VPA*).
    /// One to three capitalised words, perhaps after "the"; a four-letter call sign
    /// beginning K or W is a US broadcaster's.
    fn told_outlet(&self, toks: &[Tok], a: usize, e: usize, cue: &str) -> Option<HopSpec> {
        if !matches!(cue, "told" | "tells" | "telling") {
            return None;
        }
        let a = if self.is_word(toks, a, &["the"]) {
            a + 1
        } else {
            a
        };
        let e = e.min(toks.len());
        if a >= e || e - a > 3 || toks[a..e].iter().any(|t| t.k != K::Word) {
            return None;
        }
        let mut words: Vec<&str> = toks[a..e].iter().map(|t| self.w(t)).collect();
        // Scraping glue after the name: "the Orange County Register-Friday".
        if let Some(last) = words.last_mut() {
            if let Some((name, glued)) = last.rsplit_once('-') {
                if glued.starts_with(|c: char| c.is_lowercase()) || lexicon::date_word(glued) {
                    *last = name;
                }
            }
        }
        let call_sign = |w: &str| {
            w.len() == 4 && w.starts_with(['K', 'W']) && w.bytes().all(|b| b.is_ascii_uppercase())
        };
        let known = |w: &str| {
            !is_cap(w)
                || w.ends_with("'s")
                || is_in(w, NOT_NAMES)
                || is_in(w, lexicon::TITLES)
                || is_in(w, lexicon::HONORIFICS)
                || is_in(w, lexicon::NATIONALITIES)
                || is_in(w, lexicon::DEMONYM_LIKE)
                || is_in(w, lexicon::PLACE_ENDS)
                || is_in(w, lexicon::INSTITUTIONS)
                || is_in(w, lexicon::ORG_WORDS)
                || is_in(w, lexicon::PEOPLE_NOUNS)
                || lexicon::date_word(w)
                || known_first_name(w)
                || (acronym(w) && !call_sign(w))
        };
        let plural_acronym = |w: &str| w.strip_suffix('s').is_some_and(acronym);
        let demonym = |w: &str| {
            let l = w.to_lowercase();
            lexicon::DEMONYM_ENDINGS.iter().any(|x| l.ends_with(x))
        };
        if words.iter().any(|w| {
            known(w)
                || plural_acronym(w)
                || w.contains('\u{FFFD}')
                || is_in(&w.to_lowercase(), lexicon::LEGISLATURES)
        }) || (words.len() == 1 && demonym(words[0]))
        {
            return None;
        }
        // The name ends here: "told Vietnamese officials", "told Orlando station WKMG"
        // ran on.
        if e < toks.len()
            && toks[e].k == K::Word
            && !self.is_word(toks, e, lexicon::AFTER_TOLD_MEDIUM)
        {
            return None;
        }
        // A word of another name ("Karl Voss" for "told Voss") or of a speaker's; the
        // names noted include this one.
        let name = words.join(" ");
        let shares = |n: &str| n != name && n.split_whitespace().any(|w| words.contains(&w));
        if self.names.iter().any(|n| shares(n))
            || self.speakers.iter().any(|s| shares(&s.hop.name))
            || self.mentions.iter().any(|m| shares(&m.0))
        {
            return None;
        }
        // One plain word without "the" ("told Tillerson", "told Panorama"): a person
        // when the article gives it a first name, title or honorific anywhere.
        let plain = words.len() == 1
            && !self.is_word(toks, a.wrapping_sub(1), &["the"])
            && !call_sign(words[0])
            && !words[0].bytes().skip(1).any(|b| b.is_ascii_uppercase());
        if plain && self.titled_anywhere(words[0], true) {
            return None;
        }
        // "told Darren Byrne": a surname the article gives an honorific or title
        // elsewhere ("Mr Byrne").
        if words.len() > 1 && words.last().is_some_and(|w| self.titled_anywhere(w, false)) {
            return None;
        }
        Some(HopSpec::named(&name))
    }

    /// Do the words from `a` name something before "interview" ("Reuters interview",
    /// "Fox News TV interview"): capitalised words, perhaps a medium's kind, then
    /// "interview"?
    fn medium_interview(&self, toks: &[Tok], a: usize) -> bool {
        let Some(i) = (a + 1..(a + 5).min(toks.len()))
            .take_while(|&j| toks[j].k == K::Word)
            .find(|&j| self.is_word(toks, j, &["interview"]))
        else {
            return false;
        };
        toks[a].k == K::Word
            && (a..i).all(|j| {
                self.word_at(toks, j)
                    .is_some_and(|w| is_cap(w) || is_in(w, lexicon::MEDIUM_KINDS))
            })
    }

    /// Does `word` follow a first name, a title, an honorific or (`any_capitalised`)
    /// another capitalised word inside a sentence anywhere in the article ("Rex
    /// Tillerson", "Secretary Tillerson", "Mr Muller")?
    fn titled_anywhere(&self, word: &str, any_capitalised: bool) -> bool {
        self.n.match_indices(word).any(|(i, _)| {
            let before = self.n[..i].trim_end();
            if before.len() == i {
                return false; // inside a longer word, or after punctuation
            }
            let seg = before
                .rsplit(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
                .next()
                .unwrap_or("");
            let rest = before[..before.len() - seg.len()].trim_end();
            let prev = seg.trim_end_matches('.');
            if prev.is_empty() || !is_cap(prev) {
                return false;
            }
            known_first_name(prev)
                || is_in(prev, lexicon::TITLES)
                || is_in(prev, lexicon::HONORIFICS)
                || (any_capitalised
                    && !is_in(prev, NOT_NAMES)
                    && prev.len() > 2
                    && !rest.is_empty()
                    && !rest.ends_with(['.', '!', '?', '"', '\n']))
        })
    }

    /// The source after "citing"/"referring to", if it is one: an unnamed source
    /// ("an official source", "its own sources"), a document's owner, or a proper
    /// name written after "citing" — not a topic ("citing her status", "referring to the
    /// call", "referring to Ana Ruiz").
    fn cited_source(&mut self, toks: &[Tok], a: usize, e: usize) -> Option<HopSpec> {
        let words: Vec<&str> = toks[a..e.min(toks.len())]
            .iter()
            .filter(|t| t.k == K::Word)
            .map(|t| self.w(t))
            .collect();
        let first = *words.first()?;
        let sourcey = words.iter().any(|w| {
            is_in(w, lexicon::ANON_NOUNS) || is_in(w, DOCS) || is_in(w, lexicon::MEDIA_WORDS)
        });
        let named = (is_cap(first) && !is_in(first, NOT_NAMES))
            || (is_in(first, &["the"]) && words.get(1).is_some_and(|w| is_cap(w)));
        // "referring to the North American Free Trade Agreement", "referring to
        // Trump": after "referring to" a name is the topic; only a source noun cites.
        let referring = a >= 2 && self.is_word(toks, a - 2, &["referring"]);
        if !sourcey && (!named || referring) {
            return None;
        }
        let s = self.speaker(toks, (a, e))?;
        let last = s
            .hop
            .name
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        if !s.hop.anonymous && !words.iter().any(|w| w.contains(last.as_str())) {
            return None; // resolved to someone not named here
        }
        Some(s.hop)
    }

    /// Is the word at `k` an "on" before a date ("on Jan 11", "on Monday")?
    pub(super) fn is_date_after_on(&self, toks: &[Tok], k: usize) -> bool {
        self.is_word(toks, k, &["on"]) && self.word_at(toks, k + 1).is_some_and(lexicon::date_word)
    }

    fn np_end_content(&self, toks: &[Tok], i: usize, content: &[(usize, usize)]) -> usize {
        let mut k = i;
        while k < toks.len() && toks[k].k == K::Word && !content.iter().any(|&(s, _)| s == k) {
            let w = self.w(&toks[k]);
            if k > i && is_in(w, lexicon::RELAY_NP_STOP) {
                break;
            }
            // "according to the ministry on Jan 11": a date ends the name.
            if k > i && self.is_date_after_on(toks, k) {
                break;
            }
            k += 1;
        }
        k
    }

    /// A media outlet named in `[s, e)` ("the AFP news agency", "Harbor TV's evening anchor",
    /// "Norway's Nordposten daily"); `any_named` also accepts other proper names. An
    /// unnamed outlet ("a regional radio station") is no hop.
    pub(super) fn relay(
        &self,
        toks: &[Tok],
        s: usize,
        e: usize,
        any_named: bool,
    ) -> Option<HopSpec> {
        let e = e.min(toks.len());
        if s >= e {
            return None;
        }
        // "a report in the Fresno Bee", "an interview published by Ostland Radio": the
        // medium that carried the piece, whatever its name.
        if self.is_word(toks, s, lexicon::ARTICLES) {
            if let Some(k) =
                (s + 1..(s + 3).min(e)).find(|&k| self.is_word(toks, k, lexicon::MEDIUM_PIECES))
            {
                let lower = (s + 1..k).all(|j| {
                    self.word_at(toks, j)
                        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
                });
                let mut j = k + 1;
                let carried = self.is_word(toks, j, lexicon::CARRIED_PARTICIPLES);
                if carried {
                    j += 1;
                }
                // "a report by Human Rights Watch": an author, a medium only when it
                // is one.
                let by = self.is_word(toks, j, &["by"]);
                if lower && (by || self.is_word(toks, j, &["in", "on"])) {
                    return self.relay(toks, j + 1, e, carried || !by);
                }
            }
            // "according to a Reuters report", "a China Central Television report":
            // the medium named before its piece.
            let k = (s + 2..e.min(s + 6)).find(|&k| self.is_word(toks, k, lexicon::MEDIUM_PIECES));
            if let Some(k) =
                k.filter(|&k| (s + 1..k).all(|j| self.word_at(toks, j).is_some_and(is_cap)))
            {
                let run: Vec<&str> = (s + 1..k).filter_map(|j| self.word_at(toks, j)).collect();
                let name = run.join(" ");
                if is_known_media(&name) || run.iter().any(|w| is_in(w, lexicon::MEDIA_WORDS)) {
                    return Some(HopSpec::named(&name));
                }
            }
        }
        let words: Vec<&str> = toks[s..e]
            .iter()
            .filter(|t| t.k == K::Word)
            .map(|t| self.w(t))
            .collect();
        if words.iter().any(|w| is_in(w, lexicon::PLATFORMS)) {
            return None;
        }
        // "told the newspaper", "quoted in the paper": the medium the article named
        // last (a reference, not a relay carried from another sentence).
        if words.len() == 2
            && words[0].eq_ignore_ascii_case("the")
            && is_in(words[1], lexicon::MEDIA_REF_HEADS)
            && !is_in(words[1], &["agency", "report", "website", "outlet"])
        {
            return self.medium_before(toks, s).or_else(|| self.latest_medium());
        }
        // "told state TV", "told Syrian state TV": read as "state television" is (an
        // unnamed medium; named by its country), not as a medium called "TV".
        if let [rest @ .., "state", "TV"] = words.as_slice() {
            if rest
                .iter()
                .all(|w| !is_cap(w) || is_in(w, lexicon::DEMONYM_LIKE))
            {
                let name = words.join(" ");
                return Some(if rest.iter().any(|w| is_cap(w)) {
                    HopSpec::named(&name)
                } else {
                    HopSpec::anonymous(&name)
                });
            }
        }
        let unnamed = words
            .iter()
            .all(|w| !is_cap(w) || is_in(w, lexicon::DEMONYM_LIKE) || is_in(w, NOT_NAMES));
        if words
            .first()
            .is_some_and(|w| is_in(w, lexicon::UNNAMED_RELAY_OPENERS))
            || (unnamed && words.first().is_some_and(|w| !is_in(w, &["the"])))
        {
            // Rulebook R2: an unnamed medium ("a local TV network", "local media",
            // "regional television") is an anonymous middle hop.
            let head = words.last().copied().unwrap_or("");
            if words.len() <= 6
                && lexicon::is_media_head(head)
                && !is_in(head, lexicon::NAME_ONLY_MEDIA_WORDS)
            {
                return Some(HopSpec::anonymous(&words.join(" ")));
            }
            return None;
        }
        // Capitalised pieces, split at possessives.
        let mut pieces: Vec<Vec<&str>> = Vec::new();
        let mut cur: Vec<&str> = Vec::new();
        for w in &words {
            let number = !cur.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
            if (is_cap(w) && !is_in(w, NOT_NAMES)) || number {
                if let Some(base) = w.strip_suffix("'s") {
                    cur.push(base);
                    pieces.push(std::mem::take(&mut cur));
                } else {
                    cur.push(w);
                }
            } else if !cur.is_empty() && is_in(w, lexicon::RELAY_NAME_CONNECTORS) {
                cur.push(w);
            } else if !cur.is_empty() {
                while cur.last().is_some_and(|x| is_in(x, CONNECTORS)) {
                    cur.pop();
                }
                pieces.push(std::mem::take(&mut cur));
            }
        }
        while cur.last().is_some_and(|x| is_in(x, CONNECTORS)) {
            cur.pop();
        }
        if !cur.is_empty() {
            pieces.push(cur);
        }
        let has_media_word = words.iter().any(|w| is_in(w, lexicon::MEDIA_WORDS));
        for p in &pieces {
            let name = p.join(" ");
            // "told Philly.com": a web address names a publication.
            let web = p.iter().any(|w| lexicon::is_web_address(w));
            if web || is_known_media(&name) || p.iter().any(|w| is_in(w, lexicon::MEDIA_WORDS)) {
                return Some(HopSpec::named(&name));
            }
        }
        if has_media_word {
            // "the German daily Die Zeit", "the weekly Nordposten": a name after the
            // kind of medium is the medium's name.
            let kind = words.iter().rposition(|w| is_in(w, lexicon::MEDIUM_KINDS));
            if let Some(k) = kind {
                if let Some(p) = pieces.iter().find(|p| {
                    words
                        .iter()
                        .position(|w| *w == p[0])
                        .is_some_and(|i| i == k + 1)
                }) {
                    return Some(HopSpec::named(&p.join(" ")));
                }
            }
            if let Some(p) = pieces.first() {
                // "Latvian state TV": keep the words from the first name to the media word.
                let first = p[0];
                let from = words.iter().position(|w| *w == first).unwrap_or(0);
                let to = words
                    .iter()
                    .rposition(|w| is_in(w, lexicon::MEDIA_WORDS))
                    .unwrap_or(words.len() - 1);
                if to >= from {
                    return Some(HopSpec::named(&words[from..=to].join(" ")));
                }
            }
        }
        if any_named {
            if let Some(p) = pieces.first() {
                // "according to Rep. Ana Ruiz", "according to President Ana Ruiz":
                // the person, as a speaker is named; not "General Motors".
                let person =
                    p.len() >= 3 || p[0].ends_with('.') || is_in(p[0], lexicon::HONORIFICS);
                let name = titled_person(p)
                    .filter(|_| person)
                    .unwrap_or_else(|| strip_based(&p.join(" ")));
                if !name.is_empty() {
                    return Some(HopSpec::named(&name));
                }
            }
        }
        None
    }

    /// A known medium named earlier in the same sentence ("Newspost reported that
    /// …, according to the magazine, …").
    fn medium_before(&self, toks: &[Tok], s: usize) -> Option<HopSpec> {
        let words: Vec<&str> = toks[..s.min(toks.len())]
            .iter()
            .filter(|t| t.k == K::Word)
            .map(|t| self.w(t))
            .collect();
        (0..words.len()).rev().find_map(|end| {
            (end.saturating_sub(3)..=end)
                .map(|start| &words[start..=end])
                .find(|run| {
                    run.iter().all(|w| is_cap(w))
                        && is_known_media_run(run)
                        && !run.join(" ").eq_ignore_ascii_case(self.publisher)
                })
                .map(|run| HopSpec::named(&run.join(" ")))
        })
    }

    /// The medium named last in the article's statements, as a speaker or a relay,
    /// other than the publisher.
    fn latest_medium(&self) -> Option<HopSpec> {
        self.out.iter().rev().find_map(|f| {
            f.speaker
                .iter()
                .filter(|s| {
                    s.media
                        || !s.person
                            && (is_known_media(&s.hop.name)
                                || s.hop.name.rsplit(' ').next().is_some_and(|w| {
                                    is_in(w, lexicon::MEDIA_WORDS) || is_in(w, &["star"])
                                }))
                })
                .map(|s| &s.hop)
                .chain(f.inner.iter())
                .chain(f.via.iter())
                .chain(f.outer.iter())
                .chain(f.cited.iter())
                .find(|h| !h.anonymous && !h.name.eq_ignore_ascii_case(self.publisher))
                .cloned()
        })
    }

    /// "…, the Ostwind news agency reported." after content: the outlet relays it.
    pub(super) fn trailing_relay(&self, toks: &[Tok], e: usize) -> Option<HopSpec> {
        let mut k = e;
        while k < toks.len()
            && toks[k].k != K::Comma
            && !(k > 0 && toks[k - 1].k == K::Quote && toks[k].k == K::Word)
        {
            k += 1;
        }
        if k >= toks.len() {
            return None;
        }
        let k = if toks[k].k == K::Comma { k } else { k - 1 };
        let rest: Vec<usize> = (k + 1..toks.len())
            .filter(|&j| toks[j].k == K::Word)
            .collect();
        if rest.len() < 2 || rest.len() > 7 {
            return None;
        }
        let cue_at = rest
            .iter()
            .position(|&j| self.is_word(toks, j, lexicon::TRAILING_RELAY_CUES))?;
        if cue_at == 0 {
            return None;
        }
        self.relay(toks, k + 1, rest[cue_at], false)
    }

    /// The outlet of the statement in the previous sentence (its speaker when that is
    /// a medium, else its relays): who quoted a speaker "was quoted as saying".
    pub(super) fn previous_outlet(&self) -> Vec<HopSpec> {
        let Some(prev) = self.out.last() else {
            return Vec::new();
        };
        if prev.sentence + 1 != self.sentence_no {
            return Vec::new();
        }
        if let Some(ps) = &prev.speaker {
            if ps.media {
                return vec![ps.hop.clone()];
            }
        }
        prev.outer.clone()
    }
}
