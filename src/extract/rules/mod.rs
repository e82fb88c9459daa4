//! The attribution rules, by concern: this module holds the per-article state, runs
//! every rule over an article (paragraph by paragraph, sentence by sentence), chooses
//! the rule for a sentence (the first usable cue, else "according to", else a
//! participle), records statements (one per coordinated speaker, second statements,
//! quotation continuations) and hands back the chains. The rules themselves:
//! `furniture` (lines that are page furniture rather than prose: "Via X:" blocks, photo
//! credits), `cues` (whether a cue form is a cue here, and the token rewrites before
//! the rules: phrasal cues joined, dash asides), `clauses` (the attribution
//! patterns of a clause and the bounds of its content), `speakers` (the speaker phrase
//! and references back to earlier speakers and sentence subjects), `relays` (the relays and cited origins
//! around a cue, and assembling the chain), `names` (what a run of capitalised words
//! is: a person, an organisation, a medium). Works on token indices of one sentence at
//! a time; every word list is in `lexicon`.

mod clauses;
mod cues;
mod furniture;
mod names;
mod relays;
mod speakers;

use crate::chain::HopSpec;

use super::lexicon::{self, is_in, DETERMINERS, PARTICIPLES};
use super::text::{self, Tok, K};
use super::ExtractKind;
use furniture::{
    blank_credit_initials, blank_dateline, blank_place_dateline, blank_signoff_emails,
    blank_teasers, photo_credit, prose_after_post, via_line,
};
use names::is_cap;
use relays::{assemble, Mods};

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
    /// Documents introduced with their author ("a report … by the Ostwind news
    /// agency"), as (head noun, author), most recent last: "the report" → the author.
    docs: Vec<(String, Spk)>,
    /// The one person a sentence without subject or statement named by a first name
    /// the lexicon sexes ("A photograph of Linda Ostrova went viral.",
    /// `note_in_passing`), as (name, is female, `sentence_no`): the antecedent of a
    /// "she"/"he" in the next two sentences that nobody else fits
    /// (`resolve_gendered`). Cleared by a sentence with a subject or a statement.
    named_in_passing: Option<(String, bool, usize)>,
    /// The capitalised runs of the sentence being read, as (chunk, start, end) in
    /// `note_names`' chunks (reused buffer).
    sentence_runs: Vec<(usize, usize, usize)>,
    /// Names given a description in apposition ("Ana Ruiz, an artist from Lima",
    /// "a mining company, Ostberg Minerals"), most recent last: "the artist" → Ana
    /// Ruiz. Each entry is (name, lower-case description, is a person, `turns` when
    /// it was noted).
    described: Vec<(String, String, bool, usize)>,
    /// Names brought in as someone's kin ("his son, Eric Trump", "Trump's daughter
    /// Ivanka Trump"), each with whether the bare surname was in use before: a bare
    /// surname later stands for another bearer of the name first (`expand`).
    kin_named: Vec<(String, bool)>,
    /// The sex the article's own pronouns give a name that neither a first name nor
    /// a description sexes ("Cui said she …", "In her remarks, Merkel …"), as
    /// (name, times read female, times read male); used only when one count is zero
    /// (`sex_of`).
    sexes: Vec<(String, u16, u16)>,
    /// Speakers pushed so far (`speakers` itself is trimmed).
    turns: usize,
    /// The latest person a sentence opened with as its subject, with `turns` when
    /// noted: an antecedent of "he"/"she" besides the speakers.
    subject: Option<(Spk, usize)>,
    /// The latest named body a sentence opened with as its subject ("The RMT held
    /// talks …"), with `turns` and `sentence_no` when noted: an antecedent of "it"
    /// besides the bodies that spoke, for the next few sentences.
    body_subject: Option<(Spk, usize, usize)>,
    /// Byte offset of the subject `note_subject` last read (valid when it noted one).
    subject_pos: usize,
    /// Whether `note_subject` noted a subject in the sentence being read.
    subject_here: bool,
    /// The first and last word of every name in `speakers`, `mentions` and `names`:
    /// a quick "never seen" before a surname is looked up (`note_subject` runs for
    /// every sentence). Only grows, so it may say "seen" for a name since dropped.
    name_words: std::collections::HashSet<Box<str>, foldhash::fast::RandomState>,
    via: Vec<HopSpec>,
    out: Vec<Found>,
    sentence_no: usize,
    /// Starts of the paragraph's quotations attributed by the sentence after them
    /// (`join_quote_attributions`).
    attributed_quotes: Vec<usize>,
}

/// Run every rule over an article; `publisher` is the first hop.
pub(crate) fn analyse(original: &str, publisher: &str) -> Vec<Found> {
    let n = blank_credit_initials(blank_signoff_emails(blank_place_dateline(blank_dateline(
        blank_teasers(text::normalise(original)),
    ))));
    let mut st = State {
        n: &n,
        publisher,
        speakers: Vec::new(),
        mentions: Vec::new(),
        names: Vec::new(),
        orgs: Vec::new(),
        docs: Vec::new(),
        described: Vec::new(),
        named_in_passing: None,
        sentence_runs: Vec::new(),
        kin_named: Vec::new(),
        sexes: Vec::new(),
        turns: 0,
        subject: None,
        body_subject: None,
        subject_pos: 0,
        subject_here: false,
        name_words: Default::default(),
        via: Vec::new(),
        out: Vec::new(),
        sentence_no: 0,
        attributed_quotes: Vec::new(),
    };
    let mut toks = Vec::new();
    for para in text::paragraphs(&n) {
        if let Some(v) = via_line(&n, para) {
            st.via = vec![HopSpec::named(&v)];
            continue;
        }
        if photo_credit(&mut st, para) {
            continue;
        }
        let qs = text::quotes(&n, para);
        let sents = st.join_quote_attributions(text::sentences(&n, para), &qs, &mut toks);
        for sent in sents {
            st.sentence_no += 1;
            // An embedded post is page furniture; prose glued after its signature
            // is read on its own.
            let Some(skip) = prose_after_post(&n[sent.0..sent.1]) else {
                continue;
            };
            let sent = (sent.0 + skip, sent.1);
            text::tokenize(&n, sent, &qs, &mut toks);
            cues::join_phrasal_cues(&n, &mut toks);
            cues::read_dash_asides(&n, &mut toks);
            st.note_names(&toks);
            // The subject is an antecedent inside its own sentence ("Ana Ruiz left
            // early, she said") and, after it, nearer than the sentence's speakers,
            // which are more often mis-read than a sentence's opening name.
            let subject = st.note_subject(&toks);
            st.subject_here = subject;
            let before = st.out.len();
            st.sentence(&toks);
            // "At the end of his term, Ivo Brandt hired a firm, Ana Ruiz said": a
            // subject inside another person's claim stays behind that speaker.
            let in_claim = subject
                && st.out[before..].iter().any(|f| {
                    f.speaker.as_ref().is_some_and(|s| s.person)
                        && f.pieces
                            .iter()
                            .any(|&(a, b)| (a..b).contains(&st.subject_pos))
                });
            st.noun_cues(&toks, before);
            st.note_statement_doc(&toks, before);
            st.note_self_reference(before);
            if !subject && st.out.len() == before {
                st.note_introduced(&toks);
            } else {
                // A subject or a speaker is a nearer antecedent than a name in passing.
                st.named_in_passing = None;
            }
            if subject && !in_claim {
                if let Some(s) = st.subject.as_mut() {
                    s.1 = st.turns;
                }
            }
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

impl<'a> State<'a> {
    fn w(&self, t: &Tok) -> &'a str {
        &self.n[t.s..t.e]
    }

    fn word_at(&self, toks: &[Tok], i: usize) -> Option<&'a str> {
        toks.get(i).filter(|t| t.k == K::Word).map(|t| self.w(t))
    }

    fn is_word(&self, toks: &[Tok], i: usize, list: impl lexicon::WordList) -> bool {
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
            // "…, as reported by Reuters" reads like "according to".
            if w == "reported"
                && i > 0
                && self.is_word(toks, i - 1, &["as"])
                && self.is_word(toks, i + 1, &["by"])
            {
                according = according.or(Some(i));
                continue;
            }
            // Cheap tests first: this runs for every word.
            // "…, strongly stating that …": an adverb may come between.
            let after_comma = |k: usize| matches!(toks[k].k, K::Comma | K::Close);
            // "… angered its neighbour by saying it …": the means of the main verb.
            if participle.is_none()
                && i > 0
                && (after_comma(i - 1)
                    || self.is_word(toks, i - 1, &["by"])
                    || i > 1
                        && after_comma(i - 2)
                        && self.word_at(toks, i - 1).is_some_and(|a| {
                            a.len() > 4
                                && a.ends_with("ly")
                                && a.starts_with(|c: char| c.is_ascii_lowercase())
                        }))
                && is_in(w, PARTICIPLES)
                && !w.eq_ignore_ascii_case("adding")
            {
                participle = Some(i);
            }
            // "…, with residents saying the alarm never sounded": the absolute
            // clause's own subject says it (rulebook R1, example 4).
            if participle.is_none()
                && is_in(w, PARTICIPLES)
                && !w.eq_ignore_ascii_case("adding")
                && self.absolute_with(toks, i).is_some()
            {
                participle = Some(i);
            }
            if participle.is_none()
                && is_in(w, lexicon::QUOTED_AS_VERBS)
                && !w.eq_ignore_ascii_case("telling")
                && self.issued_doc_before(toks, i)
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
            if let Some(mut f) = self.with_cue(toks, i, c) {
                // "The host …, who backed Clinton, told host Jake Tapper that …": a
                // described subject resolved to the listener named after the cue is
                // a misreading; the statement is left out rather than credited to
                // the person it was told to.
                if c == lexicon::Cue::Told && self.speaker_is_listener(toks, i, &f) {
                    return;
                }
                // "… posted a statement saying parents complained the pipes were
                // dirty": a statement whose claim is inside a participle's content is
                // part of it, as after "said" ("…, saying …, the report found" is not).
                if participle.is_some_and(|p| f.span.0 >= toks[p].e) {
                    break;
                }
                // "X happened, according to three officials, who said Y": the
                // "according to" statement before the cue is one of its own.
                if let Some(a) = according.filter(|&a| toks[a].e <= f.span.0) {
                    if let Some(g) = self.with_according(toks, a) {
                        if g.span.1 <= f.span.0 {
                            self.push(g);
                        }
                    }
                }
                self.nest(toks, &mut f);
                self.closing_relay(toks, &mut f);
                let mut end = f.span.1;
                let first_speaker = f.speaker.as_ref().map(|s| s.hop.name.clone());
                let second = self.second_statement(toks, &f);
                self.push(f);
                if let Some(g) = second {
                    self.push(g);
                }
                // "Ana Ruiz described the ruling as unfair and said …": a cue joined
                // to the statement's end has the same subject and a claim of its own.
                if let Some(k) = (i + 1..toks.len()).find(|&k| toks[k].e > end) {
                    if let Some(j) = (k..toks.len().min(k + 2)).find(|&j| {
                        self.is_word(toks, j, lexicon::PREDICATE_JOINERS)
                            && self.is_word(toks, j + 1, lexicon::COORDINATED_CUES)
                    }) {
                        let c2 = lexicon::cue(self.w(&toks[j + 1]));
                        if let Some(c2) = c2.filter(|&c2| self.cue_usable(toks, j + 1, c2)) {
                            // Only when it reads the same subject ("… when she says
                            // something and added …" is not hers).
                            if let Some(g) = self.with_cue(toks, j + 1, c2) {
                                let same = g.speaker.as_ref().map(|s| &s.hop.name)
                                    == first_speaker.as_ref();
                                if same && g.span.0 >= end {
                                    // (A clause joined after it follows its claim.)
                                    end = g.span.1;
                                    self.push(g);
                                }
                            }
                        }
                    }
                }
                // "Ana Ruiz, who accused the board of lying, said …": after a
                // statement in a relative clause set off by commas, the main clause's
                // cue right after the closing comma has a statement of its own.
                let relative = (i.saturating_sub(4)..i).any(|j| {
                    j > 0
                        && toks[j - 1].k == K::Comma
                        && self.is_word(toks, j, &["who"])
                        && toks[j + 1..i].iter().all(|t| t.k == K::Word)
                });
                // The first token after the statement(s) read so far.
                let after = (i + 1..toks.len()).find(|&k| toks[k].s >= end);
                if let Some(k) = after {
                    let main = (toks[k].k == K::Comma)
                        .then(|| self.word_at(toks, k + 1))
                        .flatten()
                        .filter(|w| relative && w.starts_with(|c: char| c.is_ascii_lowercase()))
                        .and_then(lexicon::cue)
                        .filter(|&c2| self.cue_usable(toks, k + 1, c2));
                    if let Some(g) = main.and_then(|c2| self.with_cue(toks, k + 1, c2)) {
                        if g.span.0 >= end {
                            self.push(g);
                        }
                    } else if toks[k].k == K::Comma
                        && (self.speaker_clause_at(toks, k + 1, true)
                            || self.is_word(toks, k + 1, &["according"])
                                && self.is_word(toks, k + 2, &["to"])
                                && self.word_at(toks, 0).is_some_and(|w| {
                                    is_in(&w.to_ascii_lowercase(), lexicon::SUBORDINATORS)
                                }))
                    {
                        // "…, who accused X of lying, the diplomat noted that …":
                        // another speaker's clause (where `content_end` ended it).
                        // "Although Pyongyang denies the camps exist, according to a
                        // Treasury statement, …": the main clause's own source.
                        self.sentence(&toks[k + 1..]);
                        return;
                    }
                }
                // "A said X, while B said Y": a second clause with its own speaker.
                if let Some(k) = after {
                    if let Some(j) = (k..toks.len().min(k + 3))
                        .find(|&j| self.is_word(toks, j, lexicon::CLAUSE_JOINERS))
                    {
                        // (Also any reporting verb after "while" or ", but": "…, but
                        // critics have characterized the move as …", where
                        // `content_end` ended the claim.)
                        let contrasted = || {
                            self.is_word(toks, j, lexicon::CONTRAST_JOINERS)
                                && self.contrasted_speaker(toks, j + 1)
                                || self.is_word(toks, j, &["but"])
                                    && toks[j - 1].k == K::Comma
                                    && self.contrasted_after_but(toks, j + 1)
                        };
                        // ("… the US but critics say it is …": a speaker's clause
                        // joined without a comma, where `content_end` ended it.)
                        let joined =
                            || toks[j - 1].k == K::Word && self.joined_speaker_clause(toks, j + 1);
                        if self.clause_with_cue(toks, j + 1) || contrasted() || joined() {
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

    /// "The Kremlin denies any deal, spokesman Ivo Brandt said on Thursday.": a
    /// closing attribution after a statement reports the whole sentence, so its
    /// speaker relays the statement's (rulebook R2: one hop per level).
    fn closing_relay(&mut self, toks: &[Tok], f: &mut Found) {
        if f.kind != ExtractKind::IndirectSpeech
            || !(f.inner.is_empty() && f.outer.is_empty() && f.cited.is_empty())
        {
            return;
        }
        let Some(k) = (0..toks.len()).find(|&k| toks[k].s >= f.span.1) else {
            return;
        };
        let Some(k) = (k..toks.len().min(k + 2)).find(|&k| toks[k].k == K::Comma) else {
            return;
        };
        if !self.closing_attribution(toks, k) {
            return;
        }
        let Some((j, c)) = (k + 1..toks.len()).find_map(|j| {
            let w = self.word_at(toks, j)?;
            let c = lexicon::cue(w).filter(|_| is_in(w, lexicon::CLOSING_CUES))?;
            Some((j, c))
        }) else {
            return;
        };
        if !self.cue_usable(toks, j, c) {
            return;
        }
        let Some(g) = self.with_cue(toks, j, c) else {
            return;
        };
        let (Some(outer), Some(own)) = (g.speaker.as_ref(), f.speaker.as_ref()) else {
            return;
        };
        // Only a speaker named in the attribution, or "he"/"she" ("…, the company
        // said" resolved to another body would invent a hop); never an unnamed one
        // that is no medium, after whom nothing follows (`assemble`: "Ana Ruiz
        // complained …, authorities said" would lose her).
        // (Any capitalised word of the name: "…, says Nejm" is "Nejm al-Din
        // al-Nejm".)
        let last = outer.hop.name.rsplit(' ').next().unwrap_or("");
        let named = toks[k + 1..].iter().any(|t| {
            let w = self.w(t);
            t.k == K::Word && (w == last || is_cap(w) && outer.hop.name.split(' ').any(|n| n == w))
        }) || self.is_word(toks, j - 1, &["he", "she"]);
        if g.span.0 >= f.span.0
            || !named
            || outer.hop.name == own.hop.name
            || outer.hop.anonymous && !lexicon::names_a_medium(&outer.hop.name)
        {
            return;
        }
        f.via = g.via;
        f.outer = g.outer;
        f.inner = g.inner;
        f.inner.extend(g.speaker.map(|s| s.hop));
    }

    /// Is the speaker found for the "told" at `ci` named only in its listener ("told
    /// host Jake Tapper"), not before the cue?
    fn speaker_is_listener(&self, toks: &[Tok], ci: usize, f: &Found) -> bool {
        let Some(last) = f
            .speaker
            .as_ref()
            .filter(|s| !s.hop.anonymous)
            .and_then(|s| s.hop.name.split_whitespace().last())
        else {
            return false;
        };
        let named = |a: usize, b: usize| {
            toks[a..b.min(toks.len())]
                .iter()
                .any(|t| t.k == K::Word && self.w(t) == last)
        };
        // Not an inverted speaker after a quotation ("…," tells al-Taweel).
        let after_quote = (ci.saturating_sub(2)..ci).any(|k| toks[k].k == K::Quote);
        ci > 0 && !after_quote && named(ci + 1, self.np_end(toks, ci + 1)) && !named(0, ci)
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
        // "the Food and Drug Administration": one body (`names::and_body`).
        // ("the Bulletin's Science and Security Board": the body after its owner.)
        let s0 = names::owned_from(
            &words,
            usize::from(words[0].eq_ignore_ascii_case("the")),
            and,
        );
        if and > s0 && names::and_body(&words, s0, and) {
            return None;
        }
        let left = &words[..and];
        let right = &words[and + 1..];
        // "The "Shark Tank" host and owner of the Dallas Mavericks": two roles of one
        // person under one article.
        let role =
            |w: &str| !is_cap(w) && (is_in(w, lexicon::PERSON_REFS) || is_in(w, lexicon::TITLES));
        if left.last().is_some_and(|w| role(w)) && role(right[0]) {
            return None;
        }
        let right_cap = right
            .iter()
            .find(|w| !is_in(w, DETERMINERS))
            .is_some_and(|w| is_cap(w));
        // "Ruritanian Customs and Border Protection": a body's name (an organisation
        // word in capitals on the left) continued by capitalised words with no
        // determiner, no organisation word and no title of their own is one body.
        let body = |ws: &[&str]| {
            ws.iter()
                .any(|w| is_cap(w) && is_in(w.trim_end_matches("'s"), lexicon::ORG_WORDS))
        };
        // "the Ministry of Trade and Industry" is one body; "the Centre for Economic
        // Research and Ostland University" two: the right side ends with its own
        // organisation word (not after a possessive: "the Department of Agriculture's
        // Food Safety and Inspection Service" is one).
        let own_body = right.len() >= 2
            && right.last().is_some_and(|w| body(&[w]))
            && !left.iter().any(|w| w.ends_with("'s"));
        if right_cap && !own_body && left.iter().any(|w| is_in(w, &["of", "for", "on"])) {
            return None;
        }
        if body(left)
            && right.len() <= 3
            && right.iter().all(|w| is_cap(w))
            && !body(right)
            && !right
                .iter()
                .any(|w| is_in(w, lexicon::MEDIA_WORDS) || is_in(w, lexicon::TITLES))
        {
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
        // "Ruritanian intelligence and customs officials": the pieces share the last
        // piece's plural head; a piece ending in a modifier takes that head too.
        if let Some(head) = right
            .last()
            .copied()
            .filter(|h| !is_cap(h) && is_in(h, lexicon::ANON_NOUNS) && h.ends_with('s'))
        {
            let n = pieces.len() - 1;
            for p in pieces.iter_mut().take(n) {
                let modifier = |w: &str| {
                    !is_cap(w)
                        && !is_in(w, lexicon::ANON_NOUNS)
                        && !is_in(w, lexicon::PERSON_REFS)
                        && !is_in(w, lexicon::INSTITUTIONS)
                        && !is_in(w, DETERMINERS)
                };
                // A lone modifier too ("security and medical sources", "city and
                // state officials"), unless it is a people noun ("police and medical
                // officials") or a qualifier of one party ("current and former
                // officials" stay one source).
                let lone = p.len() == 1
                    && modifier(p[0])
                    && !p[0].ends_with('s')
                    && !speakers::people_plural(p[0])
                    && !is_in(p[0], lexicon::ROLE_QUALIFIERS)
                    && !is_in(p[0], lexicon::TENURE_WORDS);
                let needs_head = p.last().is_some_and(|w| modifier(w)) && (p.len() >= 2 || lone);
                if needs_head {
                    p.push(head);
                }
            }
        }
        if pieces.len() > 4 || pieces.iter().any(|p| p.is_empty() || p.len() > 8) {
            return None;
        }
        let mut out = Vec::new();
        for p in &pieces {
            // A bare adjective or a lone lower-case modifier is not a source.
            // A plural of people or a plural institution ("police", "authorities")
            // is one; "group" alone is no body.
            let plural = p[0].ends_with('s') || is_in(p[0], lexicon::PLURAL_SUBJECT_ENDS);
            let people = is_in(p[0], lexicon::ANON_NOUNS)
                || plural && (speakers::people_plural(p[0]) || is_in(p[0], lexicon::INSTITUTIONS));
            if p.len() == 1 && !is_cap(p[0]) && !people {
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

    fn push_one(&mut self, mut f: Found) {
        if f.speaker
            .as_ref()
            .is_some_and(|s| !super::validity::valid_source(&s.hop))
        {
            return;
        }
        // "the Post", "the Ministry": the outlet or body named in full earlier.
        if let Some(s) = f.speaker.as_mut().filter(|s| !s.person) {
            self.name_in_full(&mut s.hop);
        }
        for hops in [&mut f.inner, &mut f.via, &mut f.outer, &mut f.cited] {
            // A relay that reads as no source ("with Russian and Ukrainian
            // journalists" read as "Russian") is dropped; the statement stays.
            hops.retain(super::validity::valid_source);
            for h in hops.iter_mut() {
                self.name_in_full(h);
            }
        }
        // "X told Ostland Radio: "…," he explained.": the colon's cue and the closing
        // one attribute one quotation to one speaker; one statement, with the relays
        // either names. (Only the latest few statements are looked at: the two cues'
        // statements come close together, and a long article stays linear.)
        let hops = |g: &Found| g.inner.len() + g.via.len() + g.outer.len() + g.cited.len();
        fn name(g: &Found) -> Option<&str> {
            g.speaker.as_ref().map(|s| s.hop.name.as_str())
        }
        let from = self.out.len().saturating_sub(8);
        if let Some(k) = self.out[from..]
            .iter()
            .rposition(|g| g.span == f.span && name(g) == name(&f))
            .map(|k| from + k)
        {
            if hops(&f) > hops(&self.out[k]) {
                self.out[k] = f;
            }
            return;
        }
        if let Some(s) = &f.speaker {
            self.remember_name_words(&s.hop.name);
            self.speakers.push(s.clone());
            self.turns += 1;
            if self.speakers.len() > 256 {
                self.speakers.drain(..128);
            }
        }
        self.out.push(f);
    }

    /// The turn (`turns` after the push) at which `speakers[p]` spoke: `turns` counts
    /// every speaker pushed, `speakers` keeps only the latest ones.
    fn turn_of(&self, p: usize) -> usize {
        self.turns + p + 1 - self.speakers.len()
    }

    /// The speakers (of those kept) who spoke after `turns` stood at `turn`.
    fn spoken_since(&self, turn: usize) -> &[Spk] {
        let since = (self.turns - turn).min(self.speakers.len());
        &self.speakers[self.speakers.len() - since..]
    }

    /// A named hop of one word ("Post", "Ministry") that is the head of a body or
    /// outlet named earlier in the article ("Washington Post", "Economic Development
    /// Ministry") gets that name: the short form is the same source, and a hop called "Post" would
    /// be one source for every article that writes it.
    fn name_in_full(&self, hop: &mut HopSpec) {
        // Only a body's or medium's head word ("Post", "Ministry", "Times"): a short
        // person's name has its own expansion (`expand`), and a full name that ends
        // in a surname is as often a mis-read run ("Volkswagen Group Matthias Muller").
        // Two words at most, the last a body's or medium's word ("the TV channel":
        // "BFM TV channel").
        let short: Vec<&str> = hop.name.split(' ').collect();
        let head = short[short.len() - 1];
        if hop.anonymous
            || short.len() > 2
            || !is_cap(&hop.name)
            || !(is_in(head, lexicon::ORG_WORDS)
                || is_in(head, lexicon::MEDIA_WORDS)
                || is_in(head, lexicon::INSTITUTIONS))
        {
            return;
        }
        // The words are the name's head: its last words, or those before its "of …"
        // ("the Observatory": "Syrian Observatory for Human Rights").
        // Two words must match as written: "the Syrian army" is not the "Free Syrian
        // Army". A person's title before the matched words makes the name a
        // person's ("Secretary-General of the Arab League"), and a leading linker
        // ("Yet the White House") a mis-read run.
        let same = |a: &str, b: &str| {
            if short.len() == 1 {
                a.eq_ignore_ascii_case(b)
            } else {
                a == b
            }
        };
        let ends_with = |n: &str| {
            let words: Vec<&str> = n.split(' ').collect();
            words.len() > short.len()
                && !n.contains("'s")
                && !is_in(words[0], lexicon::LEADING_LINKERS)
                && words.windows(short.len()).enumerate().any(|(i, w)| {
                    w.iter().zip(&short).all(|(a, b)| same(a, b))
                        && !words[..i]
                            .iter()
                            .any(|p| p.split('-').any(|p| is_in(p, lexicon::PERSON_TITLES)))
                        && words
                            .get(i + short.len())
                            .is_none_or(|next| is_in(next, &["of", "for"]))
                })
        };
        let earlier_hop = |f: &Found| {
            let spoke = f.speaker.iter().filter(|s| !s.person).map(|s| &s.hop);
            spoke
                .chain(f.inner.iter())
                .chain(f.via.iter())
                .chain(f.outer.iter())
                .chain(f.cited.iter())
                .find(|h| !h.anonymous && ends_with(&h.name))
                .map(|h| h.name.clone())
        };
        // The nearest mention first: names noted in the text so far (this sentence's
        // included), then the sources of earlier statements.
        let full = self
            .orgs
            .iter()
            .rev()
            .find(|o| ends_with(o))
            .cloned()
            .or_else(|| self.out.iter().rev().find_map(earlier_hop));
        if let Some(full) = full {
            // "UK-based Syrian Observatory …": where it is based is no part of it.
            let mut words = full.split(' ').peekable();
            while words.next_if(|w| w.ends_with("-based")).is_some() {}
            hop.name = words.collect::<Vec<_>>().join(" ");
        }
    }

    /// Note the first and last word of a name in `name_words`.
    fn remember_name_words(&mut self, name: &str) {
        let mut words = name.split_whitespace();
        if let Some(first) = words.next() {
            let last = words.last().unwrap_or(first);
            // "Rashid" stands for "Ali al-Rashid" too (`names::surname_matches`).
            let after_hyphen = last.rsplit_once('-').map_or(last, |(_, r)| r);
            for w in [first, last, after_hyphen] {
                if !self.name_words.contains(w) {
                    self.name_words.insert(w.into());
                }
            }
        }
    }

    /// `"… efficiency."  Ana Ruiz, chief of the bureau, said at a news conference.`:
    /// a quotation closed by its own full stop (or question or exclamation mark) and
    /// then a sentence that is only its attribution (`attribution_only`) are read as one
    /// sentence, as if a comma closed the quotation. The quotations so attributed are
    /// noted so that no earlier speaker takes them as a continuation.
    fn join_quote_attributions(
        &mut self,
        mut sents: Vec<(usize, usize)>,
        qs: &[(usize, usize)],
        toks: &mut Vec<Tok>,
    ) -> Vec<(usize, usize)> {
        self.attributed_quotes.clear();
        let b = self.n.as_bytes();
        let mut k = 0;
        while k + 1 < sents.len() {
            let (s, e) = sents[k];
            // (Cheap test first: the sentence ends with `."`, `?"` or `!"`.)
            let closes = e >= s + 2 && b[e - 1] == b'"' && matches!(b[e - 2], b'.' | b'?' | b'!');
            if closes {
                // The quotation must be whole sentences: its opening mark starts one.
                let q = qs
                    .iter()
                    .find(|q| q.1 + 1 == e && sents[..=k].iter().any(|p| p.0 + 1 == q.0))
                    // Not a lone question (rulebook R1: questions are no items), unless
                    // a quotation continues it after the attribution ("…?" Ana Ruiz
                    // said. "If so, …").
                    .filter(|q| {
                        b[e - 2] != b'?'
                            || b.get(q.0..q.1 - 1).is_some_and(|inner| {
                                inner.iter().any(|c| matches!(c, b'.' | b'!' | b'?'))
                            })
                            || sents.get(k + 2).is_some_and(|n| b[n.0] == b'"')
                    })
                    .copied();
                if let Some(q) = q {
                    text::tokenize(self.n, sents[k + 1], qs, toks);
                    if self.attribution_only(toks) {
                        self.attributed_quotes.push(q.0);
                        sents[k].1 = sents[k + 1].1;
                        sents.remove(k + 1);
                    }
                }
            }
            k += 1;
        }
        sents
    }

    /// A sentence that is only a quotation right after a quoted statement continues it.
    fn continuation(&mut self, toks: &[Tok]) -> bool {
        let quotes: Vec<&Tok> = toks.iter().filter(|t| t.k == K::Quote).collect();
        if quotes.len() != 1 || toks.iter().any(|t| t.k == K::Word) {
            return false;
        }
        let q = quotes[0];
        // A quotation whose attribution follows in the next sentence is its own.
        if self.attributed_quotes.contains(&q.s) {
            return false;
        }
        // A quotation that ends in a comma ("…, it's no longer a reef. The skeletons
        // are colonised," said Ivo Brandt) has an attribution of its own after it.
        let b = self.n.as_bytes();
        let closes_with_comma = b[q.s..q.e.min(b.len())]
            .iter()
            .rev()
            .find(|c| !c.is_ascii_whitespace())
            == Some(&b',')
            || b.get(q.e..(q.e + 3).min(b.len()))
                .is_some_and(|t| t.iter().find(|c| !matches!(c, b'"' | b' ')) == Some(&b','));
        if closes_with_comma {
            return false;
        }
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
