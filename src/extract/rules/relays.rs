//! Relays and cited origins around a cue ("told X", "speaking to X", "citing Y",
//! "carried by Z", "according to W", a closing ", the agency reported"), what makes a
//! phrase a medium, and assembling the chain: publisher, "Via" block, outer relays,
//! inner relays, speaker, cited origins.

use crate::chain::HopSpec;
use crate::extract::lexicon::{self, is_in, Cue, CONNECTORS, DOCS, NOT_NAMES};
use crate::extract::text::{Tok, K};
use crate::extract::{normalise_name, same_name};

use super::names::{is_cap, is_known_media, strip_based};
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
        .filter(|h| !cited.is_empty() && h.name.split_whitespace().any(lexicon::is_media_head));
    let anonymous_relays: Vec<&String> = via
        .iter()
        .chain(outer)
        .chain(inner)
        .filter(|h| {
            h.anonymous
                && h.name
                    .split_whitespace()
                    .last()
                    .is_some_and(lexicon::is_media_head)
        })
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
        if !h.anonymous && same_name(&h.name, publisher) {
            continue;
        }
        if let Some(last) = hops.last() {
            if last.anonymous && !anonymous_relays.contains(&&last.name) {
                break;
            }
            if !h.anonymous && normalise_name(&last.name) == normalise_name(&h.name) {
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
                "on" if k == ci + 1 => Some((1, Take::InnerMedia)),
                // "confirmed to Izvestia that …", "said to the BBC": a medium after the
                // cue and "to" relays it (other listeners are no relays).
                _ if k == ci && next == "to" && c != Cue::Told => Some((2, Take::InnerMedia)),
                _ => None,
            };
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
                    Take::OuterNamed => m.outer.extend(self.relay(toks, a, e, true)),
                    Take::Inner => m.inner.extend(self.relay(toks, a, e, false)),
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
        let words: Vec<&str> = toks[s..e]
            .iter()
            .filter(|t| t.k == K::Word)
            .map(|t| self.w(t))
            .collect();
        if words.iter().any(|w| is_in(w, lexicon::PLATFORMS)) {
            return None;
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
                let name = strip_based(&p.join(" "));
                if !name.is_empty() {
                    return Some(HopSpec::named(&name));
                }
            }
        }
        None
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
