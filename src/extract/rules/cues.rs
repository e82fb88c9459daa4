//! Whether an occurrence of a cue form is a reporting cue here: sense constraints on
//! base forms, progressives, passives, nouns and embedded verbs, the frame an
//! evaluative cue needs, and whether a clause holds a cue of its own.

use crate::extract::lexicon::{self, is_in, Cue, Form, Frame, NOT_NAMES, PRONOUNS};
use crate::extract::text::{Tok, K};

use super::names::{self, is_cap, is_title, past_form};
use super::speakers;
use super::State;

impl<'a> State<'a> {
    /// Rule out verb forms that are nouns, adjectives, passives or embedded.
    pub(super) fn cue_usable(&self, toks: &[Tok], i: usize, c: Cue) -> bool {
        let prev = if i > 0 {
            self.word_at(toks, i - 1)
        } else {
            None
        };
        // "Economists, however, warn …": the subject is before the parenthetical.
        let parenthetical = i >= 4
            && toks[i - 1].k == K::Comma
            && self.is_word(toks, i - 2, lexicon::PARENTHETICALS)
            && toks[i - 3].k == K::Comma;
        let prev = if parenthetical {
            self.word_at(toks, i - 4)
        } else {
            prev
        };
        // "49% said no", "39 per cent agreed", "the remainder said": a share of a
        // poll's answers, no speaker (the word before the figure is no subject:
        // "… before Brexit, 49% said no").
        if i > 0
            && (&self.n[toks[i - 1].s..toks[i - 1].e] == "%"
                || prev.is_some_and(|p| p.eq_ignore_ascii_case("percent") || p == "remainder")
                || prev == Some("cent") && self.is_word(toks, i.wrapping_sub(2), &["per"]))
        {
            return false;
        }
        // "…, according to rules announced today …": a participle inside the
        // source's phrase, no cue of its own (but "a tally maintained by X" names
        // an author, "experts who say" a statement of their own).
        if self.w(&toks[i]).ends_with("ed")
            && !self.is_word(toks, i + 1, &["by"])
            && (i.saturating_sub(6)..i.saturating_sub(1)).any(|k| {
                self.is_word(toks, k, &["according"])
                    && self.is_word(toks, k + 1, &["to"])
                    && toks[k + 2..i]
                        .iter()
                        .all(|t| t.k == K::Word && !is_in(self.w(t), lexicon::RELATIVE_PRONOUNS))
            })
        {
            return false;
        }
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
                    // Inverted after a quotation or a clause: "…, say Ana Ruiz and
                    // Tom Ade." (rulebook R4).
                    let after_clause = i > 0 && matches!(toks[i - 1].k, K::Comma | K::Quote);
                    return after_clause
                        && cw.frame != Frame::Evaluative
                        && (is_cap(next) && !is_in(next, NOT_NAMES)
                            || self.final_unnamed_source(toks, i + 1));
                };
                // "Arkansas state Sen. …", "India's most populous state": a place or
                // an adjective in "-s" is no plural subject.
                let plural_word = |p: &str| {
                    is_in(p, lexicon::PLURAL_SUBJECT_ENDS)
                        || (p.len() > 3
                            && p.ends_with('s')
                            && !p.ends_with("ss")
                            && !p.ends_with("'s")
                            && !p.ends_with("ous")
                            && !is_in(p, lexicon::PLACE_ENDS)
                            && !is_in(p, lexicon::NOT_BEFORE_CUE)
                            && !lexicon::is_subject_adverb(p))
                };
                // "Critics of the move say", "Supporters of the bill say", "Data from
                // the ministry show": a plural group of people or a document before a
                // short "of" phrase (words only, no relative pronoun, up to four after
                // the preposition).
                // Also a group of people before a place phrase or a participle
                // ("Officials in Madagascar say", "Residents living near the plant
                // say"), not after a modal ("… would say").
                let plural_of = || {
                    (i.saturating_sub(7)..i.saturating_sub(1)).rev().any(|k| {
                        let of_like = self.is_word(toks, k, &["of", "at", "from"]);
                        let post = || {
                            self.is_word(
                                toks,
                                k,
                                &["in", "near", "on", "across", "inside", "outside", "around"],
                            ) || self.word_at(toks, k).is_some_and(|w| {
                                w.len() > 5
                                    && w.ends_with("ing")
                                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                                    && lexicon::cue_word(w).is_none()
                            })
                        };
                        // (Lower-case but at the sentence's start: "Most Republicans in
                        // the chamber" is a party's members, no unnamed group.)
                        // ("Drivers from Moldova say": any agent noun opening the
                        // sentence.)
                        let group = |w: &str| {
                            (k == 1 || w.starts_with(|c: char| c.is_ascii_lowercase()))
                                && (is_in(w, lexicon::ANON_NOUNS)
                                    || speakers::listed_people_plural(w)
                                    || k == 1 && speakers::people_plural(w))
                        };
                        k >= 1
                            && (of_like || post())
                            && !is_in(p, lexicon::CLAUSE_AUX)
                            && !is_in(p, &["may", "can", "must", "to", "do", "does"])
                            && toks[k + 1..i].iter().all(|t| {
                                t.k == K::Word
                                    && !is_in(self.w(t), lexicon::RELATIVE_PRONOUNS)
                                    && !is_in(self.w(t), &["and", "or", "to"])
                            })
                            && (self.is_word(toks, k - 1, lexicon::ANON_NOUNS)
                                || self.is_word(toks, k - 1, lexicon::SIDE_PLURALS)
                                || self.is_word(toks, k - 1, lexicon::DOCS)
                                || (!of_like || k == 1)
                                    && self.word_at(toks, k - 1).is_some_and(group))
                            && plural_word(self.w(&toks[k - 1]))
                    })
                };
                // "Officials now say", "The Ostlanders also claim": the subject
                // before adverbs (not before an auxiliary or a modal: "most people
                // would say" is no statement); "the Taliban say", "the Jahalin say": a
                // name after "the" that takes a plural verb (a people, a movement).
                let mut j = i - 1;
                while j > 0
                    && self.word_at(toks, j).is_some_and(|w| {
                        lexicon::is_subject_adverb(w)
                            && w != "been"
                            && !is_in(w, lexicon::CLAUSE_AUX)
                    })
                {
                    j -= 1;
                }
                let subject = if j + 1 < i {
                    self.word_at(toks, j).unwrap_or("")
                } else {
                    p
                };
                let plural_name = j > 0
                    && (cw.lemma == "say" || next.eq_ignore_ascii_case("that"))
                    && is_cap(subject)
                    && !is_in(subject, NOT_NAMES)
                    && self.is_word(toks, j - 1, &["the"])
                    // Not in a question ("What did the Kremlin say about …?").
                    && !(j >= 2 && self.is_word(toks, j - 2, &["did", "do", "does", "will", "would", "could", "can"]));
                // "… health insurers who say …": the plural before "who" (`people_who`).
                // "Ana Ruiz and Tom Ade say", "both Ruiz and Ade say": two names
                // joined by "and" (each name at most three words).
                let name = |k: usize| {
                    self.word_at(toks, k)
                        .is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES))
                };
                let coordinated = || {
                    let mut k = j;
                    let last = k;
                    while k > 0 && last - k < 3 && name(k) {
                        k -= 1;
                    }
                    // "Mr Lee and the Samsung Group deny …": a body after "and the"
                    // is a second party.
                    let the = k < last && k > 1 && self.is_word(toks, k, &["the"]);
                    if the {
                        k -= 1;
                    }
                    // (Not one body's name: "the Securities and Exchange Commission
                    // rule that …".)
                    k < last
                        && k >= 1
                        && self.is_word(toks, k, &["and"])
                        && name(k - 1)
                        && (the || !self.is_word(toks, last, lexicon::ORG_WORDS))
                };
                let plural = plural_word(subject)
                    || plural_name
                    || plural_of()
                    || self.people_who(toks, i)
                    || coordinated();
                if !plural || is_in(next, lexicon::NOT_AFTER_BASE_CUE) {
                    return false;
                }
                // "many state governors", "state employee": "state" is mostly a noun;
                // as a verb it takes "that" ("EU rules state that …").
                if cw.lemma == "state" && !next.eq_ignore_ascii_case("that") {
                    return false;
                }
                return cw.frame != Frame::Evaluative || cw.lemma != "call";
            }
            Form::Third | Form::Past => {}
        }
        // "he found many poor people had frostbitten ears", "she finds it hard to
        // talk": a person coming upon or feeling something, no finding; a finding
        // by a person says "that" ("Ruiz found that …"); "It found it would …" stays.
        if cw.lemma == "find" {
            let after = self.word_at(toks, i + 2).unwrap_or("");
            let felt = next.eq_ignore_ascii_case("it")
                && after.starts_with(|c: char| c.is_ascii_lowercase())
                && !is_in(after, lexicon::CLAUSE_AUX)
                && !is_in(after, &["may", "can", "must"]);
            let came_upon = prev.is_some_and(|p| is_in(p, &["he", "she"]))
                && !next.eq_ignore_ascii_case("that");
            if felt || came_upon {
                return false;
            }
        }
        // "concluded his remarks", "concluded the talks": ending something, no
        // finding; a finding is a clause ("concluded that …", "concluded the plan
        // was sound").
        if cw.lemma == "conclude"
            && (is_in(next, lexicon::POSSESSIVES) || is_in(next, lexicon::ARTICLES))
            && (i + 2..toks.len().min(i + 5))
                .take_while(|&k| toks[k].k == K::Word)
                .any(|k| self.is_word(toks, k, lexicon::CONCLUDED_THINGS))
        {
            return false;
        }
        // "the leaders' claims that …", "Ana Ruiz's reports": a noun after a
        // possessive (read as a noun cue by `noun_cues`).
        if is_in(self.w(&toks[i]), lexicon::NOUN_LIKE_CUES)
            && self.possessor_before(toks, i).is_some()
        {
            return false;
        }
        if cw.frame == Frame::Evaluative && !self.evaluative_object(toks, i, cw.lemma) {
            return false;
        }
        // "many other Chinese brands that position themselves as gifts": an "-s"
        // form before a relative pronoun, with a quantifier of a plural before it,
        // is a plural noun ("Ivo Brandt calls that argument false": a demonstrative).
        if cw.frame == Frame::Evaluative
            && cw.form == Form::Third
            && is_in(next, &["that", "which", "who"])
            && (i.saturating_sub(3)..i).any(|k| {
                self.is_word(
                    toks,
                    k,
                    &["many", "other", "several", "these", "those", "all"],
                )
            })
        {
            return false;
        }
        // "has not yet confirmed or denied …", "did not immediately say": a negated
        // cue (adverbs and a coordinated cue between) reports no statement.
        if self.negated(toks, i) || self.conditional(toks, i) {
            return false;
        }
        // "he responded with such hits as …": an answer in deeds, no speech (a
        // statement after it has a cue of its own, "with a statement saying …", or a
        // colon, "responded with the following: …").
        if matches!(cw.lemma, "respond" | "reply")
            && next.eq_ignore_ascii_case("with")
            && !toks[i + 1..toks.len().min(i + 6)]
                .iter()
                .any(|t| t.k == K::Colon)
        {
            return false;
        }
        // "he was explicitly told …": a passive with an adverb between; the subject
        // heard the statement (a quoted "was widely quoted" stays usable); "it was
        // later announced …" is impersonal.
        let adverb_passive = i >= 2
            && c != Cue::Quoted
            // Not "IS later said": the group's acronym.
            && self.word_at(toks, i - 2).is_some_and(|w| {
                w.starts_with(|c: char| c.is_lowercase()) && is_in(w, lexicon::PASSIVE_AUX)
            })
            && prev.is_some_and(|p| {
                p.starts_with(|c: char| c.is_lowercase())
                    && (p.len() > 4 && p.ends_with("ly")
                        || is_in(p, &["later", "also", "then", "now", "first", "again", "earlier"]))
            });
        if adverb_passive {
            return false;
        }
        // "Several Arab states, along with Ostland, have …": a plural noun before a
        // comma, not a verb, unless a quotation follows ("…, Ana Ruiz notes, …" is a
        // verb, so only "states").
        if self.w(&toks[i]).eq_ignore_ascii_case("states")
            && toks.get(i + 1).is_some_and(|t| t.k == K::Comma)
            && toks.get(i + 2).is_none_or(|t| t.k != K::Quote)
        {
            return false;
        }
        // "Member states make …", "some states have …": before a lower-case word
        // that opens no clause, a plural noun ("the report states the plan …" and
        // "… states that …" stay verbs).
        if self.w(&toks[i]).eq_ignore_ascii_case("states")
            && next.starts_with(|c: char| c.is_ascii_lowercase())
            && !next.eq_ignore_ascii_case("that")
            && !is_in(next, lexicon::DETERMINERS)
            && !is_in(next, PRONOUNS)
            // ("…," the tribe states in court documents.)
            && !(i.saturating_sub(8)..i).any(|k| toks[k].k == K::Quote)
        {
            return false;
        }
        // "uniting Muslim-majority states against ISIL", "Gulf states such as …": a
        // plural noun before these words, never the verb.
        if self.w(&toks[i]).eq_ignore_ascii_case("states")
            && self.is_word(toks, i + 1, lexicon::AFTER_STATES_NOUN)
        {
            return false;
        }
        // "… broke out in Blue Nile and South Kordofan states.": at the sentence's
        // end "states" is a verb only in a short closing clause ("…, the report
        // states.").
        if self.w(&toks[i]).eq_ignore_ascii_case("states")
            && toks.get(i + 1).is_none_or(|t| t.k == K::Other)
            && (0..i).rev().take(6).all(|k| toks[k].k == K::Word)
        {
            return false;
        }
        if let Some(p) = prev {
            let passive_ok = c == Cue::Quoted && is_in(p, lexicon::PASSIVE_AUX);
            let lower = p.starts_with(|c: char| c.is_lowercase());
            // "…, Name, who said …": a cue in a relative clause speaks for the antecedent.
            // "…, Addameer, which said …": after a capitalised name, "which" too.
            let relative = i >= 2
                && toks[i - 2].k == K::Comma
                && (p == "who"
                    || p == "which" && i >= 3 && self.word_at(toks, i - 3).is_some_and(is_cap))
                || self.people_who(toks, i);
            if !passive_ok && !relative && lower && is_in(p, lexicon::NOT_BEFORE_CUE) {
                return false;
            }
            // "repeat claims", "media reports": noun forms after a lower-case word.
            let ambiguous = is_in(self.w(&toks[i]), lexicon::NOUN_LIKE_CUES);
            // "dispute media reports that …": a medium before the form makes it a noun
            // even before "that" ("media said" is still a report).
            if ambiguous && lower && is_in(p, lexicon::NOUN_CUE_MODIFIERS) {
                return false;
            }
            if ambiguous
                && lower
                && !is_in(p, PRONOUNS)
                && !lexicon::is_subject_adverb(p)
                && !next.eq_ignore_ascii_case("that")
            {
                return false;
            }
            // "… drew criticism for often-unfiltered tweets that included …": a past
            // verb right after "that" makes it a relative pronoun, the form a noun.
            if ambiguous
                && lower
                && next == "that"
                && self
                    .word_at(toks, i + 2)
                    .is_some_and(|w| past_form(w) && !is_in(w, lexicon::RELATIVE_CLAUSE_CUES))
            {
                return false;
            }
        }
        let w = self.w(&toks[i]);
        // "a plant species called the hemlock water dropwort", "an app called Vell":
        // after an indefinite thing, not a person or body, "called" names it.
        let indefinite_np = || {
            (i.saturating_sub(5)..i.saturating_sub(1))
                .rev()
                .take_while(|&k| {
                    self.word_at(toks, k).is_some_and(|x| {
                        x.starts_with(|c: char| c.is_ascii_lowercase()) || is_in(x, &["a", "an"])
                    })
                })
                .any(|k| self.is_word(toks, k, &["a", "an"]))
        };
        if w == "called"
            && indefinite_np()
            && prev.is_some_and(|p| {
                p.starts_with(|c: char| c.is_ascii_lowercase())
                    && !speakers::people_plural(p)
                    && !is_in(p, lexicon::PERSON_REFS)
                    && !is_in(p, lexicon::TITLES)
                    && !is_in(p, lexicon::ORG_WORDS)
                    && !is_in(p, lexicon::INSTITUTIONS)
                    && !lexicon::AGENT_SUFFIXES.iter().any(|s| p.ends_with(s))
            })
        {
            return false;
        }
        // "rule(s)" is mostly a noun ("under the rules", "rules that govern …") and
        // "ruled by" a passive: of the verb "rule" only "ruled" is a cue.
        if is_in(w, lexicon::NOUN_ONLY_CUES) || (w == "ruled" && next == "by") {
            return false;
        }
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
        if next.eq_ignore_ascii_case("to") && is_in(cw.lemma, lexicon::NOT_BEFORE_TO_LEMMAS) {
            return false;
        }
        // "promised to leave no stone unturned", "vowed to fight on": a commitment,
        // not a statement (rulebook R1); "said to reporters" keeps its listener.
        if next.eq_ignore_ascii_case("to") && is_in(cw.lemma, lexicon::COMMITMENT_LEMMAS) {
            return false;
        }
        // "a photograph said to be from the scene", "reported to have fled": a
        // hedged passive, not a speech act.
        if next.eq_ignore_ascii_case("to") && self.is_word(toks, i + 2, &["be", "have"]) {
            return false;
        }
        // "told the story of …", "told lies": what was told, not whom.
        if c == Cue::Told {
            let object = if is_in(next, lexicon::ARTICLES) || is_in(next, lexicon::POSSESSIVES) {
                self.word_at(toks, i + 2).unwrap_or("")
            } else {
                next
            };
            if is_in(object, lexicon::TOLD_THINGS) {
                return false;
            }
        }
        true
    }

    /// Is the cue at `i` inside an "if"/"unless" clause ("If a judge determines that
    /// …, he will be immune", "… unless the court rules that …")? Hypothetical speech
    /// is no statement (rulebook R1). The clause runs from the conjunction to the cue
    /// with only words between.
    fn conditional(&self, toks: &[Tok], i: usize) -> bool {
        (i.saturating_sub(12)..i)
            .rev()
            .take_while(|&k| toks[k].k == K::Word)
            .any(|k| self.is_word(toks, k, &["if", "unless"]))
    }

    /// Is the cue at `i` under a negation: "not"/"never" before it, with adverbs
    /// ("yet", "immediately", "publicly") or "X or" (another cue) between?
    fn negated(&self, toks: &[Tok], i: usize) -> bool {
        let mut k = i;
        while k > 0 {
            k -= 1;
            let Some(w) = self.word_at(toks, k) else {
                return false;
            };
            if is_in(w, &["not", "never", "n't"]) {
                return true;
            }
            let adverb = (w.len() > 4 && w.ends_with("ly")) || is_in(w, &["yet", "also", "even"]);
            let coordinated = is_in(w, &["or", "nor"])
                && k > 0
                && self.word_at(toks, k - 1).and_then(lexicon::cue).is_some();
            if coordinated {
                k -= 1; // the cue before "or"
            } else if !adverb || i - k > 3 {
                return false;
            }
        }
        false
    }

    /// Does the sentence end with an unnamed source starting at `k` ("…, said local
    /// officials.", "…, said the report.")? At most five lower-case words whose last
    /// is a source noun or a document.
    pub(super) fn final_unnamed_source(&self, toks: &[Tok], k: usize) -> bool {
        let e = self.np_end(toks, k);
        let n = self.words(toks, k, e);
        (1..=5).contains(&n)
            && (e + 1 >= toks.len()
                || !self.is_word(toks, k, &["that"]) && self.final_relative(toks, e))
            && toks[k..e]
                .iter()
                .all(|t| self.w(t).starts_with(|c: char| c.is_lowercase()))
            && self.word_at(toks, e - 1).is_some_and(|h| {
                is_in(h, lexicon::ANON_NOUNS)
                    || is_in(h, lexicon::PERSON_REFS)
                    || is_in(h, lexicon::DOCS)
            })
    }

    /// Does a restrictive relative clause run from `e` to the end of the sentence
    /// ("…, said a source who asked not to be named.")? "who", then words only.
    pub(super) fn final_relative(&self, toks: &[Tok], e: usize) -> bool {
        self.is_word(toks, e, &["who"])
            && toks[e + 1..]
                .iter()
                .all(|t| matches!(t.k, K::Word | K::Other))
            && self.words(toks, e + 1, toks.len()) >= 2
    }

    /// "…, said manager Ana Ruiz." at the end of the sentence: lower-case title
    /// words (with their modifiers, at most three) and a capitalised name that ends
    /// the sentence.
    pub(super) fn final_titled_name(&self, toks: &[Tok], k: usize) -> bool {
        // "said zoo director Ana Ruiz": lower-case modifiers before the title; "says
        // the European politician Ana Ruiz": a capitalised one between them too.
        let lower = |w: &str| w.starts_with(|c: char| c.is_ascii_lowercase());
        let mut j = k;
        while j < toks.len().min(k + 3)
            && self.word_at(toks, j).is_some_and(|w| {
                lower(w)
                    || j > k
                        && is_cap(w)
                        && self.word_at(toks, j - 1).is_some_and(lower)
                        && self.word_at(toks, j + 1).is_some_and(lower)
            })
        {
            j += 1;
        }
        let mut e = j;
        while self.word_at(toks, e).is_some_and(is_cap) {
            e += 1;
        }
        j > k
            && self.word_at(toks, j - 1).is_some_and(|w| {
                // "says consultant and author Ana Ruiz": an agent noun too.
                is_title(w)
                    || is_in(w, lexicon::PERSON_REFS)
                    || is_in(w, lexicon::PEOPLE_NOUNS)
                    || lexicon::AGENT_SUFFIXES.iter().any(|s| w.ends_with(s))
                    // "said security firm Lookout", "said news agency Ostpress": the
                    // kind of body before its name.
                    || is_in(w, lexicon::FIRM_NOUNS)
                    || is_in(w, lexicon::MEDIUM_KINDS)
                    || w == "agency"
                    // "says former teammate Cobus Visagie": any noun before a
                    // person's full name (no preposition or article: "said in
                    // Port Aster").
                    || (e - j >= 2
                        && w.len() > 3
                        && !is_in(w, lexicon::PLACE_TIME_PREPS)
                        && !is_in(w, lexicon::IN_PLACE_PREPS)
                        && !is_in(w, lexicon::SUBORDINATORS)
                        && {
                            let run: Vec<&str> = (j..e).map(|x| self.w(&toks[x])).collect();
                            !names::is_org(&run) && names::person_name(&run).is_some()
                        })
            })
            && (1..=4).contains(&(e - j))
            && (e + 1 >= toks.len() && toks.get(e).is_none_or(|t| t.k == K::Other)
                // "…, says the politician Ana Ruiz, a Slovenian social democrat."
                || self.closing_apposition(toks, e))
    }

    /// "…, said the press service of the Ostland Navy." / "…, said the spokesman for
    /// Brindle Corp.": "the", a lower-case source noun, and a phrase that ends the
    /// sentence (at most fourteen words); where the phrase ends.
    pub(super) fn final_definite_source(&self, toks: &[Tok], k: usize) -> Option<usize> {
        if !self.is_word(toks, k, &["the"]) {
            return None;
        }
        let source_noun = |w: &str| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && (is_in(w, lexicon::SPOKES_WORDS)
                    || is_in(w, lexicon::PERSON_REFS)
                    || is_in(w, lexicon::ANON_NOUNS)
                    || is_title(w))
        };
        // "the assistant mayor", "the former envoy": up to two lower-case modifiers.
        let noun = (k + 1..k + 4).find(|&j| self.word_at(toks, j).is_some_and(source_noun))?;
        if !(k + 1..noun).all(|j| {
            self.word_at(toks, j).is_some_and(|w| {
                w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                    && lexicon::cue_word(w).is_none()
                    && !is_in(w, lexicon::CONNECTORS)
            })
        }) {
            return None;
        }
        // After the noun only names, their joining words and the words of a body
        // ("press service", "Ministry of …"): no verb, no clause.
        let name_word = |w: &str| {
            is_cap(w)
                || is_in(w, lexicon::CONNECTORS)
                || is_in(w, lexicon::ORG_WORDS)
                || is_in(w, lexicon::INSTITUTIONS)
                || is_in(w, lexicon::MEDIA_WORDS)
                || source_noun(w)
        };
        // A portfolio after a joining word may be lower-case ("the mayor for tourism").
        let mut e = noun + 1;
        let mut joined = false;
        while e < toks.len()
            && match toks[e].k {
                K::Word => {
                    let w = self.w(&toks[e]);
                    let portfolio = joined
                        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                        && lexicon::cue_word(w).is_none()
                        && !is_in(w, lexicon::CLAUSE_WORDS)
                        && !is_in(w, PRONOUNS);
                    joined |= is_in(w, lexicon::CONNECTORS);
                    name_word(w) || portfolio
                }
                K::Open | K::Close => true,
                _ => false,
            }
        {
            e += 1;
        }
        // "…, said the assistant mayor for tourism, Ana Ruiz.": the holder's name.
        if toks.get(e).is_some_and(|t| t.k == K::Comma) {
            let mut n = e + 1;
            while toks
                .get(n)
                .is_some_and(|t| t.k == K::Word && is_cap(self.w(t)))
            {
                n += 1;
            }
            if (2..=5).contains(&(n - e - 1)) && toks.get(n).is_none_or(|t| t.k == K::Other) {
                e = n;
            }
        }
        let ends = toks.get(e).is_none_or(|t| t.k == K::Other) && e + 1 >= toks.len();
        (ends && self.words(toks, k, e) <= 14).then_some(e)
    }

    /// An evaluative cue needs its frame: a short object, then `of`/`as`/`for` (or
    /// `on` for blame), or a quotation ("called the move "…""); "called for", "called
    /// on" and "described how" are not evaluations.
    pub(super) fn evaluative_object(&self, toks: &[Tok], i: usize, lemma: &str) -> bool {
        let len = toks.len();
        if self.is_word(toks, i + 1, lexicon::NOT_EVALUATIVE_OBJECT) {
            return false;
        }
        let preps = lexicon::evaluative_preps(lemma);
        for (k, t) in toks.iter().enumerate().take(len.min(i + 14)).skip(i + 1) {
            match t.k {
                K::Quote => return k > i + 1 && !lexicon::PREP_ONLY_EVALUATIVE.contains(&lemma),
                // ("dismissed the plan as a result": "as" opening an adverbial.)
                K::Word if k > i + 1 && is_in(self.w(t), preps) => {
                    return !(self.is_word(toks, k, &["as"])
                        && (self.is_word(toks, k + 1, &["well", "such", "usual", "expected"])
                            || self.is_word(toks, k + 1, &["a"])
                                && self.is_word(toks, k + 2, &["result", "whole"])));
                }
                K::Comma if lemma != "call" => return false,
                _ => {}
            }
        }
        false
    }

    /// Does a clause starting at `j` read "speaker (≤ 6 words) said/told/added …"?
    pub(super) fn clause_with_cue(&self, toks: &[Tok], j: usize) -> bool {
        (j..toks.len().min(j + 7)).any(|k| {
            k > j
                && self.is_word(toks, k, lexicon::CLAUSE_CUES)
                && toks[j..k].iter().all(|t| t.k == K::Word)
        })
    }
}

/// Read a phrasal reporting verb and its particle as one word token ("pointed out",
/// "made it clear", "went on to say"), so the cue checks see one verb. Only a particle
/// that follows the verb with single spaces is joined; the token's text is then the
/// lexicon's form ("pointed out").
pub(super) fn join_phrasal_cues(n: &str, toks: &mut Vec<Tok>) {
    let b = n.as_bytes();
    let mut i = 1;
    while i < toks.len() {
        // The particle is tested first, on bytes: this runs for every token, and
        // particles are a handful of short words, while looking the verb up costs a
        // hash.
        let u = toks[i];
        i += 1;
        if u.k != K::Word || u.e - u.s > 5 || !lexicon::opens_particle(&b[u.s..u.e]) {
            continue;
        }
        let t = toks[i - 2];
        let w = &n[t.s..t.e];
        if t.k != K::Word || !w.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
        for particle in lexicon::phrasal_particles(w) {
            let mut k = i - 1;
            let mut end = t.e;
            let fits = particle.split(' ').all(|pw| {
                let ok = toks.get(k).is_some_and(|u| {
                    u.k == K::Word && u.s == end + 1 && b[end] == b' ' && &n[u.s..u.e] == pw
                });
                if ok {
                    end = toks[k].e;
                    k += 1;
                }
                ok
            });
            if fits {
                toks[i - 2].e = end;
                toks.drain(i - 1..k);
                break;
            }
        }
    }
}

/// An aside between dashes that parts a subject from its cue: a name for a
/// description before it ("a critic - Ana Ruiz, of the clinic - says …") is read as
/// an apposition between commas, which the speaker rules know; any other aside ("Ana
/// Ruiz - who runs the clinic - said …", "… the drivers - A, B and C - told …") is
/// dropped, so that the subject and the cue meet as in a plain clause. Only a pair
/// of dashes with 1–20 tokens of words and commas between them, a word before and a
/// cue form (or a subject adverb and a cue form) right after.
pub(super) fn read_dash_asides(n: &str, toks: &mut Vec<Tok>) {
    let dash = |t: &Tok| t.k == K::Break && t.e == t.s + 1 && n.as_bytes()[t.s] == b'-';
    let mut a = 1;
    while a < toks.len() {
        if !dash(&toks[a]) || toks[a - 1].k != K::Word {
            a += 1;
            continue;
        }
        let Some(b) = (a + 1..toks.len().min(a + 22))
            .find(|&k| !matches!(toks[k].k, K::Word | K::Comma))
            .filter(|&b| b > a + 1 && dash(&toks[b]))
        else {
            a += 1;
            continue;
        };
        let word = |k: usize| toks.get(k).filter(|t| t.k == K::Word).map(|t| &n[t.s..t.e]);
        let cue_at = |k: usize| word(k).is_some_and(|w| lexicon::cue(w).is_some());
        let adverb = word(b + 1).is_some_and(lexicon::is_subject_adverb);
        if !(cue_at(b + 1) || (adverb && cue_at(b + 2))) {
            a += 1;
            continue;
        }
        let naming = word(a - 1).is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
            && word(a + 1).is_some_and(is_cap)
            && !(a + 1..b).any(|k| word(k).is_some_and(|w| is_in(w, &["and", "or"])));
        if naming {
            toks[a].k = K::Comma;
            toks[b].k = K::Comma;
            a = b + 1;
        } else {
            toks.drain(a..=b);
            a += 1;
        }
    }
}
