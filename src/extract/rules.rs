//! The attribution rules: finding a reporting cue in a sentence, reading the speaker
//! phrase and the content around it, collecting relays (told X, citing Y, carried by
//! Z, "Via X:" blocks), resolving pronouns and role nouns to earlier speakers, and
//! assembling the chain. Works on token indices of one sentence at a time.

use crate::chain::HopSpec;

use super::lexicon::{
    self, is_in, Cue, Form, Frame, ARTICLES, CONNECTORS, DETERMINERS, DOCS, NOT_NAMES,
    NOT_SUBJECT_START, NP_STOP, PARTICIPLES, PRONOUNS, SUBJECT_ADVERBS,
};
use super::text::{self, Tok, K};
use super::{normalise_name, same_name, ExtractKind};

/// A statement found by the rules, before validation into an `Extracted`.
#[derive(Clone)]
pub(crate) struct Found {
    /// Byte range in the text (may cover two pieces of an interrupted quotation).
    pub span: (usize, usize),
    /// Byte ranges whose text makes the claim (usually just `span`).
    pub pieces: Vec<(usize, usize)>,
    pub kind: ExtractKind,
    pub hops: Vec<HopSpec>,
    /// Index of the last sentence it covers (for quotation continuations).
    sentence: usize,
    /// Index of the sentence where it was attributed (for relay propagation).
    origin: usize,
    /// The speaker, kept for relay propagation.
    speaker: Option<Spk>,
    /// Relays the speaker talked to (told X, speaking to X) — propagated to the same
    /// speaker's other statements that name no relay.
    inner: Vec<HopSpec>,
    via: Vec<HopSpec>,
    outer: Vec<HopSpec>,
    cited: Vec<HopSpec>,
}

impl Found {
    /// The claim text, from the original `text`, given the snapped span.
    pub(crate) fn claim_text(&self, text: &str, s: usize, e: usize) -> String {
        if self.pieces.len() <= 1 {
            return text.get(s..e).unwrap_or("").to_string();
        }
        let mut out = String::new();
        for &(a, b) in &self.pieces {
            let a = text::ceil_boundary(text, a);
            let b = text::floor_boundary(text, b);
            if b > a {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(text.get(a..b).unwrap_or("").trim());
            }
        }
        out
    }
}

/// A resolved speaker.
#[derive(Clone, Debug)]
struct Spk {
    hop: HopSpec,
    person: bool,
    media: bool,
    /// The role noun it was introduced with ("official"), if any.
    head: String,
}

impl Spk {
    fn named(name: &str, person: bool, media: bool) -> Spk {
        Spk {
            hop: HopSpec::named(name),
            person,
            media,
            head: String::new(),
        }
    }
    fn anonymous(desc: &str, person: bool) -> Spk {
        // A plural description ("sources", "officials") is nobody's "he" or "she".
        let plural = desc
            .split_whitespace()
            .last()
            .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"));
        Spk {
            hop: HopSpec::anonymous(desc),
            person: person && !plural,
            media: false,
            head: String::new(),
        }
    }
    fn with_head(mut self, head: &str) -> Spk {
        self.head = head.to_string();
        self
    }
}

/// Per-article state.
struct State<'a> {
    n: &'a str,
    publisher: &'a str,
    /// Speakers so far, most recent last (anonymous ones included).
    speakers: Vec<Spk>,
    /// Names introduced with a title, with the words around the title
    /// ("Foreign Minister Ana Ruiz").
    mentions: Vec<(String, String)>,
    /// Every capitalised multi-word name seen, for surname expansion.
    names: Vec<String>,
    /// Every organisation named so far (a capitalised run with an organisation word),
    /// for definite descriptions ("the agency" → "Korean Central News Agency").
    orgs: Vec<String>,
    via: Vec<HopSpec>,
    out: Vec<Found>,
    sentence_no: usize,
}

/// Run every rule over an article; `publisher` is the first hop.
pub(crate) fn analyse(original: &str, publisher: &str) -> Vec<Found> {
    let n = text::normalise(original);
    let mut st = State {
        n: &n,
        publisher,
        speakers: Vec::new(),
        mentions: Vec::new(),
        names: Vec::new(),
        orgs: Vec::new(),
        via: Vec::new(),
        out: Vec::new(),
        sentence_no: 0,
    };
    for para in text::paragraphs(&n) {
        if let Some(v) = via_line(&n, para) {
            st.via = vec![HopSpec::named(&v)];
            continue;
        }
        if photo_credit(&mut st, para) {
            continue;
        }
        let qs = text::quotes(&n, para);
        for sent in text::sentences(&n, para) {
            st.sentence_no += 1;
            let toks = text::tokenize(&n, sent, &qs);
            st.note_names(&toks);
            st.sentence(&toks);
        }
        st.sentence_no += 1; // quotations do not continue across paragraphs here
    }
    // Rulebook R2: a relay is never carried to another sentence.
    for f in &mut st.out {
        if f.hops.is_empty() {
            f.hops = assemble(
                publisher,
                &f.via,
                &f.outer,
                &f.inner,
                f.speaker.as_ref(),
                &f.cited,
            );
        }
    }
    st.out.retain(|f| f.hops.len() >= 2);
    st.out
}

/// Build the chain: publisher, "Via" block, outer relays, inner relays, speaker, cited
/// origins. Hops equal to the publisher and repeated hops are dropped; nothing follows
/// an anonymous hop.
fn assemble(
    publisher: &str,
    via: &[HopSpec],
    outer: &[HopSpec],
    inner: &[HopSpec],
    speaker: Option<&Spk>,
    cited: &[HopSpec],
) -> Vec<HopSpec> {
    let mut hops = vec![HopSpec::named(publisher)];
    // An unnamed relay is a middle hop (rulebook R2): the speaker still follows it.
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

/// A paragraph of the form "Via X:" introducing a relayed block.
fn via_line(n: &str, para: (usize, usize)) -> Option<String> {
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
fn photo_credit(st: &mut State, para: (usize, usize)) -> bool {
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
struct Mods {
    outer: Vec<HopSpec>,
    inner: Vec<HopSpec>,
    cited: Vec<HopSpec>,
}

impl<'a> State<'a> {
    fn w(&self, t: &Tok) -> &'a str {
        &self.n[t.s..t.e]
    }

    fn word_at(&self, toks: &[Tok], i: usize) -> Option<&'a str> {
        toks.get(i).filter(|t| t.k == K::Word).map(|t| self.w(t))
    }

    fn is_word(&self, toks: &[Tok], i: usize, list: &[&str]) -> bool {
        self.word_at(toks, i).is_some_and(|w| is_in(w, list))
    }

    fn words(&self, toks: &[Tok], a: usize, b: usize) -> usize {
        toks[a.min(b)..b].iter().filter(|t| t.k == K::Word).count()
    }

    /// Analyse one sentence.
    fn sentence(&mut self, toks: &[Tok]) {
        if toks.is_empty() || self.continuation(toks) {
            return;
        }
        // The first usable reporting cue, else "according to", else a participle.
        let mut according = None;
        let mut participle = None;
        for i in 0..toks.len() {
            if toks[i].k != K::Word {
                continue;
            }
            let w = self.w(&toks[i]);
            if w.eq_ignore_ascii_case("according") && self.is_word(toks, i + 1, &["to"]) {
                according = according.or(Some(i));
                continue;
            }
            if participle.is_none()
                && is_in(w, PARTICIPLES)
                && i > 0
                && matches!(toks[i - 1].k, K::Comma | K::Close)
                && !w.eq_ignore_ascii_case("adding")
            {
                participle = Some(i);
            }
            if !w.starts_with(|c: char| c.is_ascii_lowercase()) {
                continue;
            }
            let Some(c) = lexicon::cue(w) else {
                continue;
            };
            if !self.cue_usable(toks, i, c) {
                continue;
            }
            if let Some(f) = self.with_cue(toks, i, c) {
                let end = f.span.1;
                let second = self.second_statement(toks, &f);
                self.push(f);
                if let Some(g) = second {
                    self.push(g);
                }
                // "A said X, while B said Y": a second clause with its own speaker.
                if let Some(k) = (i + 1..toks.len()).find(|&k| toks[k].s >= end) {
                    if let Some(j) = (k..toks.len().min(k + 3))
                        .find(|&j| self.is_word(toks, j, lexicon::CLAUSE_JOINERS))
                    {
                        if self.clause_with_cue(toks, j + 1) {
                            self.sentence(&toks[j + 1..]);
                        }
                    }
                }
                return;
            }
        }
        if let Some(a) = according {
            if let Some(f) = self.with_according(toks, a) {
                self.push(f);
                return;
            }
        }
        if let Some(p) = participle {
            if let Some(f) = self.with_participle(toks, p) {
                self.push(f);
            }
        }
    }

    /// ", adding/noting (that) …" after a statement: a second statement by the same
    /// speaker, with the same relays (rulebook R1: one statement per cue).
    fn second_statement(&self, toks: &[Tok], f: &Found) -> Option<Found> {
        let len = toks.len();
        let k = (0..len).find(|&k| toks[k].s >= f.span.1)?;
        let pi = (k..len).find(|&j| {
            j > 0
                && toks[j - 1].k == K::Comma
                && self.is_word(toks, j, lexicon::SECOND_STATEMENT_PARTICIPLES)
        })?;
        let mut s = pi + 1;
        while s < len && (toks[s].k == K::Comma || self.is_word(toks, s, &["that"])) {
            s += 1;
        }
        if s >= len || self.is_word(toks, s, &["to", "for", "on"]) {
            return None;
        }
        let e = self.content_end(toks, s);
        if e <= s || (self.words(toks, s, e) < 3 && !toks[s..e].iter().any(|t| t.k == K::Quote)) {
            return None;
        }
        let direct = toks[s..e].iter().all(|t| t.k != K::Word);
        let (a, b) = trim_punct(self.n, toks[s].s, toks[e - 1].e);
        Some(Found {
            span: (a, b),
            pieces: vec![(a, b)],
            kind: if direct {
                ExtractKind::DirectQuote
            } else {
                ExtractKind::IndirectSpeech
            },
            hops: Vec::new(),
            sentence: f.sentence,
            origin: f.origin,
            speaker: f.speaker.clone(),
            inner: f.inner.clone(),
            via: f.via.clone(),
            outer: f.outer.clone(),
            cited: Vec::new(),
        })
    }

    fn push(&mut self, f: Found) {
        if let Some(parts) = f
            .speaker
            .as_ref()
            .and_then(|s| self.coordinated(&s.hop.name))
        {
            for spk in parts {
                let mut g = f.clone();
                g.speaker = Some(spk);
                self.push_one(g);
            }
            return;
        }
        self.push_one(f);
    }

    /// Rulebook R4: "A and B said …" is one statement per source. The parts of a
    /// speaker phrase joined by "and" (or a comma list ending in "and"), when every
    /// part reads as a source on its own; `None` for a single source. Names of one
    /// body that contain "and" ("Ministry of Trade and Industry") are not split.
    fn coordinated(&mut self, name: &str) -> Option<Vec<Spk>> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let and = words.iter().position(|w| *w == "and" || *w == "&")?;
        if and == 0 || and + 1 >= words.len() {
            return None;
        }
        let left = &words[..and];
        let right = &words[and + 1..];
        let right_cap = right
            .iter()
            .find(|w| !is_in(w, DETERMINERS))
            .is_some_and(|w| is_cap(w));
        if right_cap && left.iter().any(|w| is_in(w, &["of", "for", "on"])) {
            return None;
        }
        let mut pieces: Vec<Vec<&str>> = Vec::new();
        let mut cur: Vec<&str> = Vec::new();
        for w in left {
            match w.strip_suffix(',') {
                Some(stem) => {
                    cur.push(stem);
                    pieces.push(std::mem::take(&mut cur));
                }
                None => cur.push(w),
            }
        }
        pieces.push(cur);
        pieces.push(right.to_vec());
        if pieces.len() > 4 || pieces.iter().any(|p| p.is_empty() || p.len() > 8) {
            return None;
        }
        let mut out = Vec::new();
        for p in &pieces {
            // A bare adjective or a lone lower-case modifier is not a source.
            if p.len() == 1 && !is_cap(p[0]) && !is_in(p[0], lexicon::ANON_NOUNS) {
                return None;
            }
            let spk = self.phrase_speaker(p)?;
            if spk.hop.name.split_whitespace().any(|w| w == "and") {
                return None;
            }
            out.push(spk);
        }
        Some(out)
    }

    fn push_one(&mut self, f: Found) {
        if f.speaker
            .as_ref()
            .is_some_and(|s| !super::validity::valid_source(&s.hop))
        {
            return;
        }
        if let Some(s) = &f.speaker {
            self.speakers.push(s.clone());
            if self.speakers.len() > 256 {
                self.speakers.drain(..128);
            }
        }
        self.out.push(f);
    }

    /// A sentence that is only a quotation right after a quoted statement continues it.
    fn continuation(&mut self, toks: &[Tok]) -> bool {
        let quotes: Vec<&Tok> = toks.iter().filter(|t| t.k == K::Quote).collect();
        if quotes.len() != 1 || toks.iter().any(|t| t.k == K::Word) {
            return false;
        }
        let q = quotes[0];
        let sn = self.sentence_no;
        let Some(last) = self.out.last_mut() else {
            return false;
        };
        if last.kind != ExtractKind::DirectQuote || last.sentence + 1 != sn || q.s < last.span.1 {
            return false;
        }
        last.span.1 = q.e;
        last.pieces.push((q.s, q.e));
        last.sentence = sn;
        true
    }

    /// Rule out verb forms that are nouns, adjectives, passives or embedded.
    fn cue_usable(&self, toks: &[Tok], i: usize, c: Cue) -> bool {
        let prev = if i > 0 {
            self.word_at(toks, i - 1)
        } else {
            None
        };
        let next = self.word_at(toks, i + 1).unwrap_or("");
        let Some(cw) = lexicon::cue_word(self.w(&toks[i])) else {
            return false;
        };
        match cw.form {
            // "are saying": only as a progressive, never a participle or a noun.
            Form::Progressive => {
                return prev.is_some_and(|p| is_in(p, lexicon::PROGRESSIVE_AUX))
                    && cw.frame != Frame::Evaluative;
            }
            // "officials say", "they deny": only after a plural subject; a base form
            // after anything else is an infinitive, an imperative or a noun.
            Form::Base => {
                let Some(p) = prev else {
                    return false;
                };
                let plural = is_in(p, lexicon::PLURAL_SUBJECT_ENDS)
                    || (p.len() > 3
                        && p.ends_with('s')
                        && !p.ends_with("ss")
                        && !p.ends_with("'s")
                        && !is_in(p, lexicon::NOT_BEFORE_CUE)
                        && !is_in(p, SUBJECT_ADVERBS));
                if !plural || is_in(next, lexicon::NOT_AFTER_BASE_CUE) {
                    return false;
                }
                return cw.frame != Frame::Evaluative || cw.lemma != "call";
            }
            Form::Third | Form::Past => {}
        }
        if cw.frame == Frame::Evaluative && !self.evaluative_object(toks, i, cw.lemma) {
            return false;
        }
        if let Some(p) = prev {
            let passive_ok = c == Cue::Quoted && is_in(p, lexicon::PASSIVE_AUX);
            let lower = p.starts_with(|c: char| c.is_lowercase());
            // "…, Name, who said …": a cue in a relative clause speaks for the antecedent.
            let relative = p == "who" && i >= 2 && toks[i - 2].k == K::Comma;
            if !passive_ok && !relative && lower && is_in(p, lexicon::NOT_BEFORE_CUE) {
                return false;
            }
            // "repeat claims", "media reports": noun forms after a lower-case word.
            let ambiguous = is_in(self.w(&toks[i]), lexicon::NOUN_LIKE_CUES);
            if ambiguous
                && lower
                && !is_in(p, PRONOUNS)
                && !is_in(p, SUBJECT_ADVERBS)
                && !next.eq_ignore_ascii_case("that")
            {
                return false;
            }
        }
        let w = self.w(&toks[i]);
        if is_in(w, &["reported", "reports"])
            && is_in(next, lexicon::NOT_AFTER_REPORTED)
            && !(next.eq_ignore_ascii_case("on")
                && self.word_at(toks, i + 2).is_some_and(|d| {
                    is_in(d, lexicon::WEEKDAYS)
                        || is_in(d, NOT_NAMES)
                        || d.starts_with(|c: char| c.is_ascii_digit())
                }))
        {
            return false;
        }
        if c == Cue::Told && is_in(next, &["to", "by"]) {
            return false;
        }
        true
    }

    /// An evaluative cue needs its frame: a short object, then `of`/`as`/`for` (or
    /// `on` for blame), or a quotation ("called the move "…""); "called for", "called
    /// on" and "described how" are not evaluations.
    fn evaluative_object(&self, toks: &[Tok], i: usize, lemma: &str) -> bool {
        let len = toks.len();
        if self.is_word(toks, i + 1, lexicon::NOT_EVALUATIVE_OBJECT) {
            return false;
        }
        let preps = lexicon::evaluative_preps(lemma);
        for (k, t) in toks.iter().enumerate().take(len.min(i + 14)).skip(i + 1) {
            match t.k {
                K::Quote => return k > i + 1 && lemma != "accuse" && lemma != "blame",
                K::Word if k > i + 1 && is_in(self.w(t), preps) => return true,
                K::Comma if lemma != "call" => return false,
                _ => {}
            }
        }
        false
    }

    /// Does a clause starting at `j` read "speaker (≤ 6 words) said/told/added …"?
    fn clause_with_cue(&self, toks: &[Tok], j: usize) -> bool {
        (j..toks.len().min(j + 7)).any(|k| {
            k > j
                && self.is_word(toks, k, lexicon::CLAUSE_CUES)
                && toks[j..k].iter().all(|t| t.k == K::Word)
        })
    }

    /// Clause start: after the last quotation, break or colon before `i`; after a
    /// relative pronoun close to the cue ("…, who officials say had …").
    fn clause_start(&self, toks: &[Tok], i: usize) -> usize {
        let mut s = 0;
        for (j, t) in toks[..i].iter().enumerate() {
            let opening_quote =
                t.k == K::Quote && j + 1 < i && !toks[..j].iter().any(|x| x.k == K::Word);
            if matches!(t.k, K::Break | K::Colon) || opening_quote {
                s = j + 1;
            }
        }
        for j in (s..i).rev() {
            // Lower case only: "WHO said" is the World Health Organization.
            if self
                .word_at(toks, j)
                .is_some_and(|w| matches!(w, "who" | "which" | "whom" | "what"))
            {
                let between = self.words(toks, j + 1, i);
                if (1..=4).contains(&between) && toks[j + 1..i].iter().all(|t| t.k == K::Word) {
                    let first = self.word_at(toks, j + 1).unwrap_or("");
                    if !is_in(first, SUBJECT_ADVERBS) {
                        return j + 1;
                    }
                }
                break;
            }
        }
        s
    }

    fn with_cue(&mut self, toks: &[Tok], ci: usize, c: Cue) -> Option<Found> {
        let len = toks.len();
        // 1. Quotation first: "…," speaker said / "…," said speaker.
        if let Some((q, lead)) = self.quote_before(toks, ci) {
            let mut a = q + 1;
            while a < ci && toks[a].k != K::Word {
                a += 1;
            }
            let (spk, after) = if a < ci {
                (self.subject_speaker(toks, a, ci), ci + 1)
            } else {
                let e = self.np_end(toks, ci + 1);
                let e2 = self.appos_end(toks, e);
                (self.subject_speaker(toks, ci + 1, e2), e2)
            };
            let spk = spk?;
            let start = if lead { toks[0].s } else { toks[q].s };
            let mut pieces = vec![(start, toks[q].e)];
            // "…," he said, "…"
            let mut k = after;
            while k < len && toks[k].k != K::Quote {
                if toks[k].k == K::Word && !is_in(self.w(&toks[k]), lexicon::ADVERBIAL) {
                    break;
                }
                k += 1;
            }
            if k < len && toks[k].k == K::Quote && toks[k - 1].k == K::Comma {
                pieces.push((toks[k].s, toks[k].e));
            }
            let mut mods = self.modifiers(toks, &[(0, q + 1)], ci, c);
            if c == Cue::Quoted && mods.outer.is_empty() && mods.inner.is_empty() {
                // "…," X was quoted as saying: by the outlet of the previous statement.
                mods.outer.extend(self.previous_outlet());
            }
            let kind = if lead {
                ExtractKind::IndirectSpeech
            } else {
                ExtractKind::DirectQuote
            };
            return Some(self.found(pieces, kind, spk, mods));
        }
        if c == Cue::Quoted {
            return self.with_quoted(toks, ci);
        }
        let cs = self.clause_start(toks, ci);
        // Inverted: "…, said Ines Koh, head of …"
        if ci > cs + 2 && matches!(toks[ci - 1].k, K::Comma | K::Quote) {
            if let Some(w) = self.word_at(toks, ci + 1) {
                if is_cap(w) && !is_in(w, NOT_NAMES) && c != Cue::Told {
                    let e = self.appos_end(toks, self.np_end(toks, ci + 1));
                    if e >= len.saturating_sub(1) || toks.get(e).is_some_and(|t| t.k == K::Other) {
                        let spk = self.subject_speaker(toks, ci + 1, e)?;
                        let e2 = if toks[ci - 1].k == K::Quote {
                            ci
                        } else {
                            ci - 1
                        };
                        let s = cs;
                        if self.words(toks, s, e2) >= 2
                            || toks[s..e2].iter().any(|t| t.k == K::Quote)
                        {
                            let mods = self.modifiers(toks, &[(s, e2)], ci, c);
                            let direct = toks[s..e2].iter().all(|t| t.k != K::Word);
                            let kind = if direct {
                                ExtractKind::DirectQuote
                            } else {
                                ExtractKind::IndirectSpeech
                            };
                            return Some(self.found(
                                vec![(toks[s].s, toks[e2 - 1].e)],
                                kind,
                                spk,
                                mods,
                            ));
                        }
                    }
                    // "…, says Name "…"": a headline fragment, not a clause.
                    let e = self.np_end(toks, ci + 1);
                    if toks.get(e).is_some_and(|t| t.k == K::Quote) {
                        return None;
                    }
                }
            }
        }
        // 2. Complement after the cue.
        let mut p = ci + 1;
        if c == Cue::Told {
            p = self.np_end(toks, p);
            // "told a session of the council: "…"": the listener runs to the colon.
            if let Some(col) = (p..len.min(p + 10)).find(|&k| toks[k].k == K::Colon) {
                if toks[p..col].iter().all(|t| t.k == K::Word) {
                    p = col;
                }
            }
        }
        loop {
            if p >= len {
                break;
            }
            let t = toks[p];
            match t.k {
                K::Word => {
                    let w = self.w(&t);
                    if w.eq_ignore_ascii_case("that") {
                        break;
                    }
                    if w.eq_ignore_ascii_case("by")
                        && self.is_word(toks, p + 1, lexicon::CONTACT_MEANS)
                    {
                        p += 2;
                        continue;
                    }
                    if is_in(w, lexicon::ADVERBIAL) {
                        p = self.skip_phrase(toks, p + 1);
                        continue;
                    }
                    break;
                }
                K::Comma => {
                    let nx = self.word_at(toks, p + 1).unwrap_or("");
                    if is_in(nx, lexicon::COMMA_ADVERBIALS) {
                        // A comma-led adverbial runs to the next comma.
                        p += 2;
                        while p < len && toks[p].k == K::Word {
                            p += 1;
                        }
                        continue;
                    }
                    // A short tail after a comma ("…, Norway.") is no content clause.
                    let tail = self.words(toks, p + 1, len);
                    if tail <= 3 && !toks[p + 1..].iter().any(|t| t.k == K::Quote) {
                        p = len;
                        break;
                    }
                    p += 1;
                    break;
                }
                _ => break,
            }
        }
        let at = |k: K| p < len && toks[p].k == k;
        let mut content: Option<(usize, usize, bool)> = None; // token range, direct?
        if p < len && self.is_word(toks, p, &["that"]) {
            let e = self.content_end(toks, p + 1);
            if e > p + 1 {
                content = Some((p + 1, e, false));
            }
        } else if at(K::Colon) || at(K::Quote) {
            let s = if at(K::Colon) { p + 1 } else { p };
            let e = self.content_end(toks, s);
            if e > s {
                let direct = toks[s..e].iter().all(|t| t.k != K::Word);
                content = Some((s, e, direct));
            }
        } else if p < len && toks[p].k == K::Word {
            let first = self.w(&toks[p]);
            let bare_ok = match c {
                Cue::Bare => true,
                Cue::Told => p > ci + 1,
                Cue::Clausal => {
                    is_in(first, PRONOUNS)
                        || ((is_cap(first) || is_in(first, DETERMINERS))
                            && (p + 1..len.min(p + 4))
                                .any(|j| self.is_word(toks, j, lexicon::CLAUSE_AUX)))
                }
                Cue::Quoted => false,
            };
            // An evaluative act's object and frame, or a verb whose noun object is a
            // checkable fact ("denied any role", "confirmed the toll"), is the claim.
            let frame = lexicon::cue_word(self.w(&toks[ci])).map(|c| c.frame);
            let object_ok = p == ci + 1
                && match frame {
                    Some(Frame::Evaluative) => true,
                    // "claimed responsibility/credit for …": the claim is the object.
                    Some(Frame::Clausal)
                        if lexicon::cue_word(self.w(&toks[ci]))
                            .is_some_and(|c| c.lemma == "claim") =>
                    {
                        is_in(first, lexicon::CLAIMED_OBJECTS)
                    }
                    Some(Frame::FactObject) => {
                        !is_in(first, lexicon::NOT_FACT_OBJECT)
                            && (first.starts_with(|c: char| c.is_ascii_lowercase())
                                || first.starts_with(|c: char| c.is_ascii_digit()))
                    }
                    _ => false,
                };
            if bare_ok || object_ok {
                let e = self.content_end(toks, p);
                let quoted = toks[p..e].iter().filter(|t| t.k == K::Quote).count();
                let min = if object_ok { 2 } else { 3 };
                if self.words(toks, p, e) + 2 * quoted >= min {
                    content = Some((p, e, false));
                }
            }
        }
        if let Some((s, e, direct)) = content {
            let spk = self.subject_speaker(toks, cs, ci)?;
            let mut mods = self.modifiers(toks, &[(s, e)], ci, c);
            if let Some(r) = self.trailing_relay(toks, e) {
                mods.outer.insert(0, r);
            }
            let kind = if direct {
                ExtractKind::DirectQuote
            } else {
                ExtractKind::IndirectSpeech
            };
            return Some(self.found(vec![(toks[s].s, toks[e - 1].e)], kind, spk, mods));
        }
        // 3. Content first: "…, speaker said."
        if p < len && toks[p].k == K::Word {
            return None;
        }
        let mut end = ci;
        while end > cs && self.is_word(toks, end - 1, SUBJECT_ADVERBS) {
            end -= 1;
        }
        let (content_end, spk_start) = self.split_content_first(toks, cs, end)?;
        let spk = self.subject_speaker(toks, spk_start, end)?;
        let (s, e) = (cs, content_end);
        if e <= s || (self.words(toks, s, e) < 2 && !toks[s..e].iter().any(|t| t.k == K::Quote)) {
            return None;
        }
        let direct = toks[s..e].iter().all(|t| t.k != K::Word);
        let mods = self.modifiers(toks, &[(s, e)], ci, c);
        let kind = if direct {
            ExtractKind::DirectQuote
        } else {
            ExtractKind::IndirectSpeech
        };
        Some(self.found(vec![(toks[s].s, toks[e - 1].e)], kind, spk, mods))
    }

    /// "…, the Ostwind news agency reported." after content: the outlet relays it.
    fn trailing_relay(&self, toks: &[Tok], e: usize) -> Option<HopSpec> {
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

    /// "Y quoted X as saying …" and "X was quoted (by Y) as saying …".
    fn with_quoted(&mut self, toks: &[Tok], ci: usize) -> Option<Found> {
        let len = toks.len();
        let as_i = (ci + 1..len.min(ci + 14)).find(|&k| {
            self.is_word(toks, k, &["as"]) && self.is_word(toks, k + 1, lexicon::QUOTED_AS_VERBS)
        })?;
        let mut s = as_i + 2;
        if self.is_word(toks, s, &["that"]) {
            s += 1;
        }
        while s < len && matches!(toks[s].k, K::Comma | K::Colon) {
            s += 1;
        }
        let e = self.content_end(toks, s);
        if e <= s {
            return None;
        }
        let cs = self.clause_start(toks, ci);
        let passive = ci > 0 && self.is_word(toks, ci - 1, lexicon::PASSIVE_AUX);
        let mut mods = self.modifiers(toks, &[(s, e)], ci, Cue::Quoted);
        let spk = if passive {
            let mut end = ci - 1;
            while end > cs && self.is_word(toks, end - 1, lexicon::AUX_BEFORE_PASSIVE) {
                end -= 1;
            }
            if self.is_word(toks, ci + 1, &["by", "in"]) {
                if let Some(r) = self.relay(toks, ci + 2, as_i, true) {
                    mods.outer.push(r);
                }
            } else {
                mods.outer.extend(self.previous_outlet());
            }
            self.subject_speaker(toks, cs, end)?
        } else {
            let relay = self.subject_speaker(toks, cs, ci)?;
            mods.outer.push(relay.hop);
            self.subject_speaker(toks, ci + 1, as_i)?
        };
        let direct = toks[s..e].iter().all(|t| t.k != K::Word);
        let kind = if direct {
            ExtractKind::DirectQuote
        } else {
            ExtractKind::IndirectSpeech
        };
        Some(self.found(vec![(toks[s].s, toks[e - 1].e)], kind, spk, mods))
    }

    /// "X did something, saying (that) …": the subject of the sentence said it.
    fn with_participle(&mut self, toks: &[Tok], pi: usize) -> Option<Found> {
        let len = toks.len();
        let mut s = pi + 1;
        while s < len && (toks[s].k == K::Comma || self.is_word(toks, s, &["that"])) {
            s += 1;
        }
        let e = self.content_end(toks, s);
        if e <= s || (self.words(toks, s, e) < 3 && !toks[s..e].iter().any(|t| t.k == K::Quote)) {
            return None;
        }
        // The subject: the first segment that can hold one, cut at its verb.
        let cs = self.clause_start(toks, pi);
        let mut a = cs;
        let mut seg_end = pi - 1;
        for k in cs..pi {
            if toks[k].k == K::Comma {
                if self.words(toks, a, k) > 0 && !self.is_word(toks, a, NOT_SUBJECT_START) {
                    seg_end = k;
                    break;
                }
                a = k + 1;
            }
        }
        if a >= seg_end {
            return None;
        }
        let mut v = a;
        while v < seg_end {
            if let Some(w) = self.word_at(toks, v) {
                let verbish = v > a
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && (w.ends_with("ed") || is_in(w, lexicon::SUBJECT_VERBS));
                if verbish {
                    break;
                }
            }
            v += 1;
        }
        let spk = self.speaker(toks, (a, v))?;
        let mods = self.modifiers(toks, &[(s, e)], pi, Cue::Bare);
        let direct = toks[s..e].iter().all(|t| t.k != K::Word);
        let kind = if direct {
            ExtractKind::DirectQuote
        } else {
            ExtractKind::IndirectSpeech
        };
        Some(self.found(vec![(toks[s].s, toks[e - 1].e)], kind, spk, mods))
    }

    /// The outlet of the statement in the previous sentence (its speaker when that is
    /// a medium, else its relays): who quoted a speaker "was quoted as saying".
    fn previous_outlet(&self) -> Vec<HopSpec> {
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

    /// "According to X, …" and "…, according to X".
    fn with_according(&mut self, toks: &[Tok], a: usize) -> Option<Found> {
        let len = toks.len();
        let np_s = a + 2;
        let mut np_e = np_s;
        while np_e < len && toks[np_e].k == K::Word {
            np_e += 1;
        }
        if np_e == np_s {
            return None;
        }
        // Split off "quoted in/by Y", "carried by Y", "cited by Y".
        let mut src_e = np_e;
        let mut outer = Vec::new();
        for k in np_s..np_e {
            if self.is_word(toks, k, lexicon::CARRIED_BY_VERBS)
                && self.is_word(toks, k + 1, &["by", "in", "on"])
            {
                src_e = k;
                if let Some(r) = self.relay(toks, k + 2, np_e, true) {
                    outer.push(r);
                }
                break;
            }
        }
        let cs = self.clause_start(toks, a);
        let (s, e) = if a <= cs + 1 && np_e < len && toks[np_e].k == K::Comma {
            let s = np_e + 1;
            (s, self.content_end(toks, s))
        } else if a > cs + 1 && toks[a - 1].k == K::Comma {
            (cs, a - 1)
        } else {
            return None;
        };
        if e <= s || (self.words(toks, s, e) < 2 && !toks[s..e].iter().any(|t| t.k == K::Quote)) {
            return None;
        }
        let mut spk = if src_e > np_s {
            self.document_source(toks, np_s, src_e)
        } else {
            None
        };
        // "…, according to the panel's chair, Ana Ruiz."
        if a > cs + 1 && np_e + 1 < len && toks[np_e].k == K::Comma {
            let tail_end = (np_e + 1..len)
                .find(|&j| toks[j].k != K::Word)
                .unwrap_or(len);
            if tail_end + 1 >= len && (1..=4).contains(&self.words(toks, np_e + 1, tail_end)) {
                if let Some(p) = self.speaker(toks, (np_e + 1, tail_end)) {
                    if p.person {
                        spk = Some(p);
                    }
                }
            }
        }
        let spk = match (spk, outer.is_empty()) {
            (Some(s), _) => s,
            (None, false) => {
                // "according to a statement carried by X": X is the source.
                let h = outer.remove(0);
                Spk {
                    hop: h,
                    person: false,
                    media: true,
                    head: String::new(),
                }
            }
            (None, true) => return None,
        };
        let mods = Mods {
            outer,
            inner: Vec::new(),
            cited: Vec::new(),
        };
        Some(self.found(
            vec![(toks[s].s, toks[e - 1].e)],
            ExtractKind::AccordingTo,
            spk,
            mods,
        ))
    }

    /// The source named in an "according to" phrase, seeing through documents
    /// ("a statement from the ministry", "the report" = the last outlet's report).
    fn document_source(&mut self, toks: &[Tok], s: usize, e: usize) -> Option<Spk> {
        let mut k = s;
        while k < e && self.is_word(toks, k, lexicon::DOC_MODIFIERS) {
            k += 1;
        }
        if k < e && self.is_word(toks, k, DOCS) {
            let doc = self.w(&toks[k]);
            let mut j = k + 1;
            while j < e && !self.is_word(toks, j, lexicon::DOC_OWNER_PREPS) {
                j += 1;
            }
            if j + 1 < e {
                return self.speaker(toks, (j + 1, e));
            }
            if is_in(doc, &["reports"]) {
                let d = self.n[toks[s].s..toks[e - 1].e].to_string();
                return Some(Spk::anonymous(&d, false));
            }
            if k > s && self.is_word(toks, k - 1, lexicon::DOC_BACK_REFS) && k + 1 == e {
                return self.resolve_org(true).or_else(|| self.resolve_org(false));
            }
            return None;
        }
        self.speaker(toks, (s, e))
    }

    fn found(&self, pieces: Vec<(usize, usize)>, kind: ExtractKind, spk: Spk, mods: Mods) -> Found {
        let span = (
            pieces.iter().map(|p| p.0).min().unwrap_or(0),
            pieces.iter().map(|p| p.1).max().unwrap_or(0),
        );
        let (s, e) = trim_punct(self.n, span.0, span.1);
        let pieces = if pieces.len() == 1 {
            vec![(s, e)]
        } else {
            pieces
        };
        Found {
            span: (s, e),
            pieces,
            kind,
            hops: Vec::new(),
            sentence: self.sentence_no,
            origin: self.sentence_no,
            speaker: Some(spk),
            inner: mods.inner,
            via: self.via.clone(),
            outer: mods.outer,
            cited: mods.cited,
        }
    }

    /// The quotation that a cue at `ci` attributes: the last one before the cue,
    /// followed by at most a speaker phrase. The flag is set when words precede the
    /// quotation (a partial quotation inside reported speech).
    fn quote_before(&self, toks: &[Tok], ci: usize) -> Option<(usize, bool)> {
        let q = (0..ci).rev().find(|&k| toks[k].k == K::Quote)?;
        let words = self.words(toks, q + 1, ci);
        if words > 24
            || toks[q + 1..ci]
                .iter()
                .any(|t| matches!(t.k, K::Quote | K::Colon | K::Break))
        {
            return None;
        }
        // Words before the quotation make it a partial quotation closing reported
        // speech, unless they hold a cue of their own (then only the quotation counts).
        let lead = toks[..q].iter().any(|t| t.k == K::Word)
            && !toks[..q].iter().any(|t| {
                t.k == K::Word
                    && self.w(t).starts_with(|c: char| c.is_ascii_lowercase())
                    && lexicon::cue_word(self.w(t))
                        .is_some_and(|c| matches!(c.form, Form::Past | Form::Third))
            })
            && !toks[..q].iter().any(|t| t.k == K::Colon);
        if lead {
            // Only "… "quoted words," speaker said" with a comma after the quotation.
            let comma_inside = self.n[..toks[q].e].trim_end().ends_with(',');
            if !(toks.get(q + 1).map(|t| t.k) == Some(K::Comma) || comma_inside) || words > 12 {
                return None;
            }
            if toks[..q].iter().any(|t| t.k == K::Quote) {
                return None;
            }
        }
        Some((q, lead))
    }

    /// End (exclusive) of a short noun phrase starting at `i`; a capitalised phrase
    /// ends with its last capitalised word (plus generic media words).
    fn np_end(&self, toks: &[Tok], i: usize) -> usize {
        let mut k = i;
        let mut n = 0;
        let first_cap = self.word_at(toks, i).is_some_and(is_cap);
        while k < toks.len() && toks[k].k == K::Word && n < 8 {
            let w = self.w(&toks[k]);
            if n > 0 && is_in(w, NP_STOP) {
                break;
            }
            if n > 0 && (is_in(w, DETERMINERS) || is_in(w, PRONOUNS)) {
                break;
            }
            if first_cap
                && n > 0
                && !is_cap(w)
                && !w.starts_with(|c: char| c.is_ascii_digit())
                && !is_in(w, CONNECTORS)
                && !is_in(w, lexicon::MEDIA_WORDS)
            {
                break;
            }
            k += 1;
            n += 1;
        }
        // "told Reuters Justice Minister X …": a known outlet ends the phrase.
        if first_cap && k > i + 1 {
            for len in 1..=3.min(k - i - 1) {
                let name: Vec<&str> = toks[i..i + len].iter().map(|t| self.w(t)).collect();
                if is_known_media(&name.join(" "))
                    && self.word_at(toks, i + len).is_some_and(is_cap)
                {
                    return i + len;
                }
            }
        }
        k
    }

    /// Extend a speaker phrase over a following apposition ", the …," up to the next
    /// comma or the end.
    fn appos_end(&self, toks: &[Tok], e: usize) -> usize {
        let mut k = e;
        if k < toks.len() && toks[k].k == K::Comma {
            k += 1;
            while k < toks.len() && toks[k].k == K::Word {
                k += 1;
            }
            return k;
        }
        e
    }

    /// Skip an adverbial phrase to the next comma, colon, quotation or "that", or to a
    /// pronoun or determiner that opens the content clause.
    fn skip_phrase(&self, toks: &[Tok], mut i: usize) -> usize {
        let start = i;
        while i < toks.len() {
            match toks[i].k {
                K::Comma | K::Colon | K::Quote | K::Break => return i,
                K::Word => {
                    let w = self.w(&toks[i]);
                    if w.eq_ignore_ascii_case("that") {
                        return i;
                    }
                    if i > start && is_in(w, lexicon::CITING_WORDS) {
                        return i;
                    }
                    if i > start && is_in(w, PRONOUNS) && !w.eq_ignore_ascii_case("it") {
                        return i;
                    }
                    if i >= start + 2 && (is_in(w, DETERMINERS) || is_in(w, PRONOUNS)) {
                        return i;
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        i
    }

    /// End (exclusive) of content starting at `s`: stops before ", citing …" style
    /// trailers, a final ", X reported", and final punctuation.
    fn content_end(&self, toks: &[Tok], s: usize) -> usize {
        let len = toks.len();
        let mut e = len;
        for k in s..len {
            if k > s
                && toks[k].k == K::Word
                && toks[k - 1].k == K::Quote
                && self.trailer_at(toks, k)
            {
                e = k;
                break;
            }
            if k > s
                && self.is_word(toks, k, &["and", "but"])
                && self.is_word(toks, k + 1, lexicon::COORDINATED_CUES)
            {
                e = k;
                break;
            }
            if k > s
                && matches!(toks[k - 1].k, K::Comma | K::Quote)
                && self.is_word(toks, k, lexicon::CLAUSE_JOINERS)
                && self.clause_with_cue(toks, k + 1)
            {
                e = k;
                break;
            }
            if toks[k].k != K::Comma {
                continue;
            }
            if self.is_word(toks, k + 1, lexicon::CONTENT_TRAILERS) {
                e = k;
                break;
            }
            // ", he said." / ", the news agency reported." closing the sentence.
            let rest: Vec<usize> = (k + 1..len).filter(|&j| toks[j].k == K::Word).collect();
            if (1..=7).contains(&rest.len())
                && rest
                    .iter()
                    .skip(1)
                    .any(|&j| self.is_word(toks, j, lexicon::CLOSING_CUES))
                && !toks[k + 1..].iter().any(|t| t.k == K::Quote)
            {
                e = k;
                break;
            }
        }
        while e > s && matches!(toks[e - 1].k, K::Other | K::Comma | K::Colon | K::Open) {
            e -= 1;
        }
        e
    }

    /// Do the tokens from `k` to the end read "speaker said." (a closing attribution)?
    fn trailer_at(&self, toks: &[Tok], k: usize) -> bool {
        let rest: Vec<usize> = (k..toks.len()).filter(|&j| toks[j].k == K::Word).collect();
        (2..=8).contains(&rest.len())
            && rest
                .iter()
                .skip(1)
                .any(|&j| self.is_word(toks, j, lexicon::CLOSING_CUES))
            && !toks[k..].iter().any(|t| t.k == K::Quote)
    }

    /// Split a content-first clause `[cs, end)`: returns (content end, speaker start).
    fn split_content_first(&self, toks: &[Tok], cs: usize, end: usize) -> Option<(usize, usize)> {
        let commas: Vec<usize> = (cs..end).filter(|&k| toks[k].k == K::Comma).collect();
        let &last = commas.last()?;
        let mut spk_start = last + 1;
        let mut cut = last;
        if spk_start >= end {
            // "…, Lena Varga, told": the speaker is the segment before the last comma.
            let prev = commas.iter().rev().nth(1).copied()?;
            spk_start = prev + 1;
            cut = prev;
        }
        let seg = self.words(toks, spk_start, end);
        if seg == 0 || seg > 14 {
            return None;
        }
        // Appositions: "…, Title of Org, Name, said" / "…, Name, the title, said".
        let pos = commas.iter().position(|&c| c == cut)?;
        if pos > 0 {
            let before = commas[pos - 1] + 1;
            let first = self.word_at(toks, before).unwrap_or("");
            let spk_first = self.word_at(toks, spk_start).unwrap_or("");
            let seg_b = self.words(toks, before, cut);
            if seg_b <= 8 && is_in(first, lexicon::TITLES) && is_cap(first) && is_cap(spk_first) {
                return Some((commas[pos - 1], before));
            }
            if seg_b <= 4
                && is_in(spk_first, ARTICLES)
                && toks[before..cut]
                    .iter()
                    .all(|t| t.k == K::Word && is_cap(self.w(t)))
            {
                return Some((commas[pos - 1], before));
            }
        }
        Some((cut, spk_start))
    }

    /// Speaker of a subject `[cs, ci)` with appositions and fronted adverbials: a
    /// segment naming a person wins, else the last segment naming anything, else the
    /// last segment.
    fn subject_speaker(&mut self, toks: &[Tok], cs: usize, ci: usize) -> Option<Spk> {
        let mut end = ci.min(toks.len());
        while end > cs && self.is_word(toks, end - 1, SUBJECT_ADVERBS) {
            end -= 1;
        }
        while end > cs && matches!(toks[end - 1].k, K::Comma | K::Other) {
            end -= 1;
        }
        if end <= cs {
            return None;
        }
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut a = cs;
        for (k, t) in toks.iter().enumerate().take(end).skip(cs) {
            if matches!(t.k, K::Comma | K::Open | K::Close) {
                segs.push((a, k));
                a = k + 1;
            }
        }
        segs.push((a, end));
        segs.retain(|&(a, b)| b > a && self.words(toks, a, b) > 0);
        // "…, according to residents, who told": the antecedent of "who".
        if let Some(&(la, lb)) = segs.last() {
            if segs.len() > 1
                && self.words(toks, la, lb) == 1
                && self.word_at(toks, la) == Some("who")
            {
                segs.pop();
                if let Some(last) = segs.last_mut() {
                    if self.is_word(toks, last.0, &["according"]) {
                        last.0 += 2;
                    }
                }
            }
        }
        // A fronted adverbial without a comma ("In 2015 Koh said"): the subject starts
        // at the first name or determiner after it.
        if let (1, Some(last)) = (segs.len(), segs.last_mut()) {
            if self.is_word(toks, last.0, NOT_SUBJECT_START)
                && !self.is_word(toks, last.0, lexicon::RELATIVE_PRONOUNS)
            {
                // Not the object of a preposition ("in May", "in Paris").
                let start = (last.0 + 1..last.1).find(|&k| {
                    let after_prep = self.is_word(toks, k - 1, lexicon::PLACE_TIME_PREPS);
                    self.word_at(toks, k).is_some_and(|w| {
                        (is_cap(w) && !is_in(w, NOT_NAMES) && !after_prep) || is_in(w, ARTICLES)
                    })
                });
                if let Some(k) = start {
                    last.0 = k;
                }
            }
        }
        segs.retain(|&(a, b)| b > a && !self.is_word(toks, a, NOT_SUBJECT_START));
        if segs.is_empty() {
            return None;
        }
        if segs.len() > 1 {
            // The segments next to the cue: the last one and those before it while the
            // later one is an apposition ("Name, the title," / "Name, head of X,").
            let mut from = segs.len() - 1;
            while from > 0 && self.appositive(toks, segs[from]) {
                from -= 1;
            }
            for &seg in &segs[from..] {
                if self.words(toks, seg.0, seg.1) > 16 {
                    continue;
                }
                if let Some(s) = self.speaker(toks, seg) {
                    let last = s.hop.name.split_whitespace().last().unwrap_or("");
                    let named_here = toks[seg.0..seg.1]
                        .iter()
                        .any(|t| t.k == K::Word && self.w(t).contains(last));
                    if s.person && !s.hop.anonymous && named_here {
                        return Some(s);
                    }
                }
            }
        }
        if segs.len() > 1 {
            let last = segs[segs.len() - 1];
            if self.words(toks, last.0, last.1) <= 6 {
                if let Some(s) = self.speaker(toks, last) {
                    return Some(s);
                }
            }
        }
        // An indefinite apposition ("a UK-based group …") does not hold the name.
        let named = segs
            .iter()
            .rev()
            .find(|&&(a, b)| {
                self.has_name(toks, a, b)
                    && !self.is_word(toks, a, lexicon::INDEFINITE_OPENERS)
                    && !self.word_at(toks, a).is_some_and(|w| {
                        w.starts_with(|c: char| c.is_lowercase()) && !is_in(w, DETERMINERS)
                    })
            })
            .copied();
        let seg = named.or_else(|| segs.last().copied())?;
        if self.words(toks, seg.0, seg.1) > 16 {
            return None;
        }
        self.speaker(toks, seg)
    }

    /// Does a segment read like an apposition: "the/a …", "head of …", "Mr X's aide"?
    fn appositive(&self, toks: &[Tok], (a, b): (usize, usize)) -> bool {
        let first = self.word_at(toks, a).unwrap_or("");
        let head = first.split('-').next().unwrap_or(first);
        self.words(toks, a, b) <= 20
            && (first.starts_with(|c: char| c.is_lowercase())
                || is_in(first, lexicon::TITLES)
                || is_in(head, lexicon::TITLES))
            && !is_in(first, NOT_SUBJECT_START)
    }

    fn has_name(&self, toks: &[Tok], a: usize, b: usize) -> bool {
        toks[a..b].iter().any(|t| {
            let w = self.w(t);
            t.k == K::Word && is_cap(w) && !is_in(w, NOT_NAMES) && !w.ends_with("-based")
        })
    }

    /// Relays and origins named around the cue at `ci`, outside the content ranges.
    fn modifiers(&mut self, toks: &[Tok], content: &[(usize, usize)], ci: usize, c: Cue) -> Mods {
        let mut m = Mods::default();
        let inside = |k: usize| content.iter().any(|&(s, e)| k >= s && k < e);
        let len = toks.len();
        let mut k = 0;
        while k < len {
            if inside(k) || toks[k].k != K::Word {
                k += 1;
                continue;
            }
            let lw = self.w(&toks[k]).to_ascii_lowercase();
            let next = self.word_at(toks, k + 1).unwrap_or("").to_ascii_lowercase();
            // What the words after the cue are, and how many words the cue takes.
            let found = match lw.as_str() {
                "citing" | "quoting" => Some((1, Take::Cited)),
                "referring" if next == "to" => Some((2, Take::Cited)),
                "according" if next == "to" => Some((2, Take::Outer)),
                "carried" | "published" | "broadcast" | "aired" | "cited" | "circulated"
                    if next == "by" || next == "on" || next == "in" =>
                {
                    Some((2, Take::Outer))
                }
                "told" | "tells" if k == ci || c != Cue::Told => Some((1, Take::Inner)),
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
    /// name written there — not a topic ("citing her status", "referring to the call").
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
        if !sourcey && !named {
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

    fn np_end_content(&self, toks: &[Tok], i: usize, content: &[(usize, usize)]) -> usize {
        let mut k = i;
        while k < toks.len() && toks[k].k == K::Word && !content.iter().any(|&(s, _)| s == k) {
            let w = self.w(&toks[k]);
            if k > i && is_in(w, lexicon::RELAY_NP_STOP) {
                break;
            }
            k += 1;
        }
        k
    }

    /// A media outlet named in `[s, e)` ("the AFP news agency", "Harbor TV's evening anchor",
    /// "Norway's Nordposten daily"); `any_named` also accepts other proper names. An
    /// unnamed outlet ("a regional radio station") is no hop.
    fn relay(&self, toks: &[Tok], s: usize, e: usize, any_named: bool) -> Option<HopSpec> {
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
            if words.len() <= 6 && lexicon::is_media_head(head) {
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
            if is_known_media(&name) || p.iter().any(|w| is_in(w, lexicon::MEDIA_WORDS)) {
                return Some(HopSpec::named(&name));
            }
        }
        if has_media_word {
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

    /// Read a speaker phrase `[a, b)` into a hop, resolving references.
    fn speaker(&mut self, toks: &[Tok], (a, b): (usize, usize)) -> Option<Spk> {
        let b = b.min(toks.len());
        if a >= b || toks[a..b].iter().any(|t| t.k == K::Quote) {
            return None;
        }
        let all: Vec<&str> = toks[a..b]
            .iter()
            .filter(|t| t.k == K::Word)
            .map(|t| self.w(t))
            .collect();
        // "… the name X", "named X", "identified as X"
        for (i, w) in all.iter().enumerate() {
            let after = if is_in(w, &["name", "named"]) {
                Some(i + 1)
            } else if is_in(w, &["identified", "known"])
                && all.get(i + 1).is_some_and(|x| x.eq_ignore_ascii_case("as"))
            {
                Some(i + 2)
            } else {
                None
            };
            if let Some(mut j) = after {
                while all.get(j).is_some_and(|x| is_in(x, &["only", "as"])) {
                    j += 1;
                }
                let run: Vec<&str> = all[j.min(all.len())..]
                    .iter()
                    .take_while(|x| is_cap(x) || is_in(x, CONNECTORS))
                    .copied()
                    .collect();
                if !run.is_empty() {
                    return Some(Spk::named(&run.join(" "), true, false));
                }
            }
        }
        // Cut at a relative clause or a comma.
        let mut end = b;
        for k in a..b {
            if matches!(toks[k].k, K::Comma | K::Open | K::Close)
                || (k > a && self.is_word(toks, k, lexicon::RELATIVE_PRONOUNS))
            {
                end = k;
                break;
            }
            // "Adam Ode on Friday", "the commander in Chile": a time or place phrase
            // after the head noun is not part of the speaker.
            if k > a && self.is_word(toks, k, lexicon::SPEAKER_PHRASE_CUTS) {
                let nxt = self.word_at(toks, k + 1).unwrap_or("");
                let prev = self.word_at(toks, k - 1).unwrap_or("");
                let time = is_in(nxt, lexicon::WEEKDAYS)
                    || nxt.starts_with(|c: char| c.is_ascii_digit())
                    || (is_in(nxt, NOT_NAMES) && is_cap(nxt));
                let role_head = prev.starts_with(|c: char| c.is_lowercase())
                    && (is_in(prev, lexicon::PERSON_REFS)
                        || is_in(prev, lexicon::ANON_NOUNS)
                        || is_in(prev, lexicon::INSTITUTIONS));
                if time && self.is_word(toks, k, lexicon::TIME_OPENERS)
                    || role_head && self.is_word(toks, k, lexicon::PLACE_OPENERS)
                {
                    end = k;
                    break;
                }
            }
        }
        let mut words: Vec<&str> = toks[a..end]
            .iter()
            .filter(|t| t.k == K::Word)
            .map(|t| self.w(t))
            .collect();
        while words
            .first()
            .is_some_and(|w| is_in(w, lexicon::LEADING_LINKERS))
        {
            words.remove(0);
        }
        while words.len() > 1 && words.last().is_some_and(|w| is_in(w, SUBJECT_ADVERBS)) {
            words.pop();
        }
        if words.is_empty() || words.len() > 16 {
            return None;
        }
        let lower0 = words[0].to_ascii_lowercase();
        if words.len() == 1 {
            match lower0.as_str() {
                "he" | "she" => return self.resolve(true),
                "it" => return self.resolve_org(false),
                "they" => return self.speakers.last().cloned(),
                "i" | "we" | "you" | "this" | "that" | "there" | "who" | "which" | "what" => {
                    return None
                }
                _ => {}
            }
        }
        // "the ministry's statement", "a board's report": the owner speaks.
        let head = words.last().copied().unwrap_or("").to_ascii_lowercase();
        let head_is_lower = words
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        if words.len() >= 2 && head_is_lower && is_in(&head, DOCS) {
            if let Some(pos) = words.iter().rposition(|w| w.ends_with("'s")) {
                let mut owner: Vec<String> = words[..=pos].iter().map(|w| w.to_string()).collect();
                if let Some(l) = owner.last_mut() {
                    *l = l.trim_end_matches("'s").to_string();
                }
                let owner: Vec<&str> = owner.iter().map(String::as_str).collect();
                return self.phrase_speaker(&owner);
            }
            if is_in(&lower0, &["the", "its", "this"]) && words.len() == 2 {
                return self.resolve_org(true).or_else(|| self.resolve_org(false));
            }
        }
        self.phrase_speaker(&words)
    }

    /// The hop for a cleaned speaker phrase.
    fn phrase_speaker(&mut self, words: &[&str]) -> Option<Spk> {
        if words.is_empty() {
            return None;
        }
        let lower0 = words[0].to_ascii_lowercase();
        let head = words.last().copied().unwrap_or("").to_ascii_lowercase();
        let head_lower = words
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        let caps = cap_runs(words);
        let phrase = words.join(" ");
        let determiner = is_in(&lower0, ARTICLES);
        let anon_head = head_lower && is_in(&head, lexicon::ANON_NOUNS);
        let anon_any = words.iter().any(|w| is_in(w, lexicon::ANON_NOUNS));
        let spokes = words.iter().any(|w| is_in(w, lexicon::SPOKES_WORDS));
        let indefinite = is_in(&lower0, lexicon::ANON_OPENERS);
        // Person names inside the phrase.
        // "Reuters correspondents": the outlet's own staff speak for it.
        if head_lower && is_in(&head, lexicon::STAFF_WORDS) {
            if let Some(m) = caps
                .iter()
                .map(|r| words[r.0..r.1].join(" "))
                .find(|n| is_known_media(n))
            {
                return Some(Spk::named(&m, false, true));
            }
        }
        let org_head = head_lower
            && (is_in(&head, lexicon::INSTITUTIONS) || is_in(&head, lexicon::MEDIA_WORDS));
        let person = if anon_head || org_head {
            None
        } else {
            caps.iter()
                .rev()
                .find_map(|r| {
                    split_connectors(&words[r.0..r.1])
                        .iter()
                        .find_map(|p| titled_person(p))
                })
                .or_else(|| {
                    caps.iter().rev().find_map(|r| {
                        let headed = words.get(r.1).is_some_and(|w| {
                            is_in(w, lexicon::INSTITUTIONS)
                                || is_in(w, lexicon::MEDIA_WORDS)
                                || is_in(w, lexicon::ANON_NOUNS)
                                || is_in(w, lexicon::PERSON_REFS)
                        });
                        if headed {
                            None
                        } else {
                            person_name(&words[r.0..r.1])
                        }
                    })
                })
        };
        if let Some(p) = person {
            let full = self.expand(&p);
            return Some(Spk::named(&full, true, false));
        }
        // A lower-case head after capitalised modifiers: "the Chilean envoy",
        // "Peruvian farmers", "One harbour pilot", "Danish media".
        let definite = is_in(&lower0, lexicon::DEFINITE_OPENERS);
        if head_lower && definite && is_in(&head, lexicon::PERSON_REFS) {
            // The speaker introduced with the same role noun, else a titled name with
            // it, else (for a bare "the minister") the most recent person.
            if let Some(s) = self
                .speakers
                .iter()
                .rev()
                .find(|s| s.person && s.head == head)
            {
                return Some(s.clone());
            }
            if let Some(m) = self
                .mentions
                .iter()
                .rev()
                .find(|m| m.1.split_whitespace().any(|w| w == head))
            {
                return Some(Spk::named(&m.0, true, false));
            }
            if words.len() <= 2 || !is_in(&head, lexicon::ANON_NOUNS) {
                if let Some(s) = self.resolve(true) {
                    return Some(s);
                }
            }
            return Some(Spk::anonymous(&phrase, true).with_head(&head));
        }
        if head_lower && !spokes {
            if anon_head && (indefinite || !determiner || caps.is_empty()) {
                return Some(Spk::anonymous(&phrase, true).with_head(&head));
            }
            if is_in(&head, lexicon::PERSON_REFS) {
                if indefinite {
                    return Some(Spk::anonymous(&phrase, true).with_head(&head));
                }
                if determiner || is_in(&lower0, lexicon::POSSESSIVES) || !caps.is_empty() {
                    if let Some(s) = self.resolve(true) {
                        return Some(s);
                    }
                    return Some(Spk::anonymous(&phrase, true));
                }
            }
            if anon_head {
                return Some(Spk::anonymous(&phrase, true));
            }
        }
        if caps.is_empty() && spokes && indefinite {
            return Some(Spk::anonymous(&phrase, true));
        }
        if caps.is_empty() {
            let desc = words
                .iter()
                .skip(usize::from(is_in(&lower0, &["the"])))
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            if anon_any && !is_in(&lower0, lexicon::THE_OR_POSSESSIVE) {
                return Some(Spk::anonymous(&phrase, true));
            }
            // "the government", "the agency": an earlier speaker, else an organisation
            // named earlier in the article, whose name has this head word.
            if is_in(&lower0, &["the", "its"])
                && words.len() <= 3
                && !anon_head
                && (is_in(&head, lexicon::ORG_REFS) || is_in(&head, lexicon::INSTITUTIONS))
            {
                let has_head = |n: &str| {
                    n.split_whitespace()
                        .any(|w| w.trim_end_matches("'s").eq_ignore_ascii_case(&head))
                };
                if let Some(s) = self
                    .speakers
                    .iter()
                    .rev()
                    .find(|s| !s.person && !s.hop.anonymous && has_head(&s.hop.name))
                {
                    return Some(s.clone());
                }
                if let Some(o) = self.orgs.iter().rev().find(|o| has_head(o)) {
                    return Some(Spk::named(o, false, is_known_media(o)));
                }
            }
            if is_in(&head, lexicon::ORG_REFS) && is_in(&lower0, &["the", "its"]) {
                let media = is_in(&head, lexicon::MEDIA_REF_HEADS);
                // An earlier organisation named with this head ("the ministry" for
                // "Chile's Foreign Ministry"), else for a generic head the latest one.
                if let Some(s) = self.speakers.iter().rev().find(|s| {
                    !s.person
                        && !s.hop.anonymous
                        && s.hop
                            .name
                            .to_lowercase()
                            .split_whitespace()
                            .any(|w| w == head)
                }) {
                    return Some(s.clone());
                }
                let generic = media || is_in(&head, lexicon::GENERIC_ORG_HEADS);
                if generic {
                    if let Some(s) = self.resolve_org(media) {
                        return Some(s);
                    }
                }
            }
            if is_in(&head, lexicon::INSTITUTIONS) && words.len() <= 5 {
                return Some(Spk::named(&desc, false, false));
            }
            if anon_any {
                return Some(Spk::anonymous(&phrase, true));
            }
            // An unresolved description ("the separatists", "the airport") is an
            // anonymous hop, never someone else's name (issue 12, reference resolution).
            if words.len() <= 4
                && head_lower
                && head.len() > 3
                && head.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && (determiner || head.ends_with('s'))
                && !words
                    .iter()
                    .any(|w| is_in(w, PRONOUNS) || is_in(w, CONNECTORS))
                && !is_in(&head, lexicon::ADVERBIAL)
                && !is_in(&head, NOT_NAMES)
            {
                return Some(Spk::anonymous(&phrase, head.ends_with('s')));
            }
            return None;
        }
        // Capitalised names without a person: an organisation, possibly with a lower-case
        // head ("the U.S. military", "the Harbour Watch network").
        let r = *caps.last()?;
        let mut org_end = r.1;
        if head_lower && is_in(&head, lexicon::INSTITUTIONS) && words.len() - r.1 <= 3 {
            // "the Turkish foreign ministry": the lower-case head belongs to the name.
            org_end = words.len();
        }
        while org_end < words.len() {
            let w = words[org_end];
            let generic = is_in(w, lexicon::INSTITUTIONS) || is_in(w, lexicon::MEDIA_WORDS);
            let modifier = is_in(w, lexicon::ORG_NAME_MODIFIERS)
                && words.get(org_end + 1).is_some_and(|n| {
                    is_in(n, lexicon::INSTITUTIONS)
                        || is_in(n, lexicon::MEDIA_WORDS)
                        || is_in(n, &["hall"])
                });
            if generic || modifier || is_in(w, &["hall"]) {
                org_end += 1;
            } else {
                break;
            }
        }
        if anon_any
            && !spokes
            && (indefinite || !determiner)
            && !caps
                .iter()
                .any(|c| is_org(&words[c.0..c.1]) && org_end == words.len())
        {
            return Some(Spk::anonymous(&phrase, true));
        }
        let mut name_end = org_end;
        while name_end > r.1
            && is_in(words[name_end - 1], lexicon::OUTLET_TAIL_WORDS)
            && !is_cap(words[name_end - 1])
        {
            name_end -= 1;
        }
        let name = strip_leading_the(&strip_based(&words[r.0..name_end].join(" ")));
        if name.is_empty() {
            return None;
        }
        let media = is_known_media(&name)
            || words[r.0..org_end]
                .iter()
                .any(|w| is_in(w, lexicon::MEDIA_WORDS));
        let org = media || org_end > r.1 || is_org(&words[r.0..r.1]) || spokes;
        if !org && r.1 - r.0 == 1 {
            // A single capitalised word: a surname seen before, else a name as written.
            let full = self.expand(&name);
            let person = full != name;
            return Some(Spk::named(&full, person, false));
        }
        Some(Spk::named(&name, !org, media))
    }

    /// The most recent person speaker (named or not), else a titled person mentioned.
    fn resolve(&self, person: bool) -> Option<Spk> {
        if let Some(s) = self.speakers.iter().rev().find(|s| !person || s.person) {
            return Some(s.clone());
        }
        self.mentions.last().map(|m| Spk::named(&m.0, true, false))
    }

    fn resolve_org(&self, media: bool) -> Option<Spk> {
        self.speakers
            .iter()
            .rev()
            .find(|s| !s.person && !s.hop.anonymous && (!media || s.media))
            .cloned()
    }

    /// Expand a surname (or a one-word family name written first) to the full name of
    /// an earlier speaker or name.
    fn expand(&self, name: &str) -> String {
        let parts: Vec<&str> = name.split_whitespace().collect();
        if parts.len() != 1 {
            return name.to_string();
        }
        let one = parts[0];
        for s in self.speakers.iter().rev() {
            if s.person && !s.hop.anonymous && surname_matches(&s.hop.name, one) {
                return s.hop.name.clone();
            }
        }
        for m in self.mentions.iter().rev() {
            if surname_matches(&m.0, one) {
                return m.0.clone();
            }
        }
        for s in self.speakers.iter().rev() {
            if s.person && !s.hop.anonymous && family_first(&s.hop.name, one) {
                return s.hop.name.clone();
            }
        }
        for m in self.mentions.iter().rev() {
            if family_first(&m.0, one) {
                return m.0.clone();
            }
        }
        for m in self
            .mentions
            .iter()
            .rev()
            .map(|m| &m.0)
            .chain(self.names.iter().rev())
        {
            if surname_matches(m, one) {
                return m.clone();
            }
        }
        name.to_string()
    }

    /// Remember titled names ("Foreign Minister Ana Ruiz", "leader Tomas Brandt")
    /// and other multi-word names for later references.
    fn note_names(&mut self, toks: &[Tok]) {
        let mut chunks: Vec<Vec<&str>> = vec![Vec::new()];
        for t in toks {
            if t.k == K::Word {
                if let Some(c) = chunks.last_mut() {
                    c.push(self.w(t));
                }
            } else {
                chunks.push(Vec::new());
            }
        }
        for words in chunks {
            self.note_chunk(&words);
        }
        if self.mentions.len() > 64 {
            self.mentions.drain(..32);
        }
        if self.names.len() > 256 {
            self.names.drain(..128);
        }
    }

    fn note_chunk(&mut self, words: &[&str]) {
        for r in cap_runs(words) {
            let titled_before = r.0 > 0
                && (is_in(words[r.0 - 1], lexicon::TITLES)
                    || is_in(words[r.0 - 1], lexicon::PERSON_REFS));
            for mut piece in split_connectors(&words[r.0..r.1]) {
                // A possessive ends the name: "Minister Ana Ruiz's visit".
                // A possessive before a title is a modifier: "Chile's Foreign Minister X".
                while let Some(pos) = piece.iter().position(|w| w.ends_with("'s")) {
                    let before_title = piece.get(pos + 1).is_some_and(|w| is_title(w));
                    if before_title || pos == 0 {
                        piece.remove(pos);
                    } else {
                        let owner = piece[pos].trim_end_matches("'s");
                        piece.truncate(pos);
                        piece.push(owner);
                        break;
                    }
                }
                let p = titled_person(&piece).or_else(|| {
                    if titled_before {
                        person_name(&piece)
                    } else {
                        None
                    }
                });
                if let Some(p) = p {
                    if p.split_whitespace().count() >= 2 {
                        let from = r.0.saturating_sub(3);
                        let ctx = words[from..r.1].join(" ").to_ascii_lowercase();
                        self.mentions.retain(|m| m.0 != p);
                        self.mentions.push((p, ctx));
                    }
                } else if (2..=6).contains(&piece.len()) && is_org(&piece) {
                    let o = piece.join(" ");
                    self.orgs.retain(|x| *x != o);
                    self.orgs.push(o);
                    if self.orgs.len() > 128 {
                        self.orgs.drain(..64);
                    }
                } else if (2..=3).contains(&piece.len())
                    && !piece
                        .iter()
                        .any(|w| is_in(w, lexicon::ORG_WORDS) || is_title(w))
                {
                    let p = piece.join(" ");
                    if !self.names.contains(&p) {
                        self.names.push(p);
                    }
                }
            }
        }
    }
}

/// A title word; acronyms ("UN", "US", "EU") only in capitals, so that the name
/// "Un" or "Us" is not taken for one.
fn is_title(w: &str) -> bool {
    if is_in(w, lexicon::TITLE_ACRONYMS) {
        return w.chars().all(|c| !c.is_lowercase());
    }
    is_in(w, lexicon::TITLES)
}

fn is_cap(w: &str) -> bool {
    if w.chars().next().is_some_and(|c| c.is_uppercase()) {
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
fn surname_matches(full: &str, one: &str) -> bool {
    let parts: Vec<&str> = full.split_whitespace().collect();
    if parts.len() < 2 {
        return false;
    }
    let last = parts[parts.len() - 1];
    last == one || last.rsplit_once('-').is_some_and(|(_, r)| r == one)
}

/// A family name written first ("Chen" for "Chen Lihua").
fn family_first(full: &str, one: &str) -> bool {
    let parts: Vec<&str> = full.split_whitespace().collect();
    parts.len() >= 2 && parts[0] == one && !is_in(one, NOT_NAMES)
}

/// Runs of capitalised words (with inner connectors such as "of", "for the", "al").
fn cap_runs(words: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if is_cap(words[i]) && !is_in(words[i], NOT_NAMES) {
            let s = i;
            let mut e = i + 1;
            loop {
                if e < words.len() && is_cap(words[e]) && !is_in(words[e], ARTICLES) {
                    e += 1;
                    continue;
                }
                let mut j = e;
                while j < words.len()
                    && is_in(words[j], CONNECTORS)
                    && words[j].starts_with(|c: char| c.is_lowercase())
                {
                    j += 1;
                }
                if j > e
                    && j < words.len()
                    && is_cap(words[j])
                    && j - e <= 2
                    && (!is_in(words[e], &["and"]) || is_org(&words[s..e]))
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
fn split_connectors<'w>(run: &[&'w str]) -> Vec<Vec<&'w str>> {
    let mut out = vec![Vec::new()];
    for w in run {
        if is_in(w, lexicon::NAME_SPLITTERS) {
            out.push(Vec::new());
        } else if let Some(last) = out.last_mut() {
            last.push(*w);
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// A person's name preceded by a title word in the same piece.
fn titled_person(piece: &[&str]) -> Option<String> {
    let t = piece
        .iter()
        .rposition(|w| is_title(w) || w.ends_with("'s"))?;
    if t + 1 >= piece.len() {
        return None;
    }
    person_name(piece)
}

fn is_org(run: &[&str]) -> bool {
    run.iter().any(|w| {
        is_in(w.trim_end_matches("'s"), lexicon::ORG_WORDS) || is_in(w, lexicon::MEDIA_WORDS)
    }) || is_known_media(&run.join(" "))
}

/// The person's name in a capitalised run, after its last title word ("Russian Foreign
/// Minister Sergey Lavrov" → "Sergey Lavrov"); None for organisations and bare titles.
fn person_name(run: &[&str]) -> Option<String> {
    let run: Vec<&str> = run
        .iter()
        .copied()
        .filter(|w| !w.ends_with("-based") && !w.ends_with("-run"))
        .collect();
    if run.iter().any(|w| is_in(w, lexicon::NAME_SPLITTERS)) {
        return None;
    }
    let last_title = run.iter().rposition(|w| is_title(w) || w.ends_with("'s"));
    let rest = match last_title {
        Some(t) => &run[t + 1..],
        None => &run[..],
    };
    if rest.is_empty() || rest.len() > 4 {
        return None;
    }
    if rest.iter().any(|w| {
        is_in(w.trim_end_matches("'s"), lexicon::ORG_WORDS) || is_in(w, lexicon::MEDIA_WORDS)
    }) {
        return None;
    }
    if is_known_media(&rest.join(" ")) {
        return None;
    }
    // A single word without a title in front is ambiguous (a surname or a place).
    if rest.len() == 1 && last_title.is_none() {
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

fn is_known_media(name: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| lexicon::MEDIA.iter().map(|m| normalise_name(m)).collect());
    set.contains(&normalise_name(name))
}

fn strip_based(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| {
            let l = w.to_ascii_lowercase();
            !lexicon::AFFILIATION_SUFFIXES
                .iter()
                .chain(lexicon::OWNERSHIP_SUFFIXES)
                .any(|x| l.ends_with(x))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn strip_leading_the(s: &str) -> String {
    let t = s.trim();
    for p in ["The ", "the "] {
        if let Some(r) = t.strip_prefix(p) {
            return r.to_string();
        }
    }
    t.to_string()
}

/// Trim white space and trailing commas/colons from a byte range.
fn trim_punct(n: &str, s: usize, e: usize) -> (usize, usize) {
    let b = n.as_bytes();
    let (mut s, mut e) = text::trim_range(n, s, e.min(n.len()));
    while e > s && matches!(b[e - 1], b',' | b':' | b';' | b' ' | b'-') {
        e -= 1;
    }
    while s < e && matches!(b[s], b' ' | b',' | b':' | b'-') {
        s += 1;
    }
    (s, e)
}
