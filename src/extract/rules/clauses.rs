//! The attribution patterns of a clause around its cue — quotation first, speaker
//! first, content first, inverted, "according to", "quoted … as saying", participles,
//! noun cues ("Name's claim that …") — and the bounds they need: where a clause
//! starts, where a noun phrase, an apposition or the content ends, and which quotation
//! a cue attributes.

use crate::extract::lexicon::{
    self, is_in, Cue, Form, Frame, ARTICLES, CONNECTORS, DETERMINERS, DOCS, DOC_AUTHOR_PREPS,
    NOT_NAMES, NOT_SUBJECT_START, NP_STOP, PRONOUNS,
};
use crate::extract::text::{Tok, K};
use crate::extract::ExtractKind;

use super::names::{
    acronym, is_cap, is_known_media_run, is_org, is_title, known_first_name, past_form, person_name,
};
use super::relays::Mods;
use super::speakers::{could_be_surname, people_plural};
use super::{Found, Spk, State};
use crate::chain::HopSpec;

impl<'a> State<'a> {
    /// "Ana Ruiz, author of Airline: Style At 30,000 Feet, told …": is the colon at `j`
    /// inside a work's title in an apposition (after "of" since the last comma, then
    /// at most six capitalised words or figures to the comma right before the cue at
    /// `i`)?
    #[inline(never)]
    fn title_colon(&self, toks: &[Tok], j: usize, i: usize) -> bool {
        let title = i >= j + 3
            && i <= j + 8
            && toks[i - 1].k == K::Comma
            && toks[j + 1..i - 1].iter().all(|t| {
                t.k == K::Word
                    && self
                        .w(t)
                        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            });
        title
            && (j.saturating_sub(6)..j)
                .rev()
                .take_while(|&k| toks[k].k == K::Word)
                .any(|k| self.w(&toks[k]) == "of")
    }

    /// Clause start: after the last quotation, break or colon before `i`; after a
    /// relative pronoun close to the cue ("…, who officials say had …").
    fn clause_start(&self, toks: &[Tok], i: usize) -> usize {
        if self.people_who(toks, i) {
            return self.people_who_start(toks, i - 2);
        }
        let mut s = 0;
        for (j, t) in toks[..i].iter().enumerate() {
            let opening_quote =
                t.k == K::Quote && j + 1 < i && !toks[..j].iter().any(|x| x.k == K::Word);
            if matches!(t.k, K::Break | K::Colon)
                && !(t.k == K::Colon && self.title_colon(toks, j, i))
                || opening_quote
            {
                s = j + 1;
            }
        }
        // "… came as (the) authorities said that …": after "as" only a plural group
        // of unnamed sources is a subject.
        // ("as conservative Republicans complain", "as key industry groups said": up
        // to two lower-case modifiers before it, or a party's members.)
        let as_group = |k: usize| {
            let k = k + usize::from(self.is_word(toks, k, &["the"]));
            // (Not "as a huge headquarters", nor "as soon as these observers say".)
            let modifier = |p: &str| !is_cap(p) && !is_in(p, DETERMINERS);
            let soon = k >= 2 && self.is_word(toks, k - 2, &["soon", "long"]);
            (k..k + 3)
                .take_while(|&m| {
                    !soon && (m == k || self.word_at(toks, m - 1).is_some_and(modifier))
                })
                .any(|m| {
                    self.word_at(toks, m).is_some_and(|w| {
                        w.ends_with('s')
                            && (is_in(w, lexicon::ANON_NOUNS)
                                || is_in(w, lexicon::INSTITUTIONS)
                                || m > k && is_in(w, lexicon::PARTY_MEMBERS))
                    })
                })
        };
        for j in (s..i).rev() {
            // Lower case only: "WHO said" is the World Health Organization. A
            // subordinate clause has its own subject too ("…, where the government
            // declared …", "Although Pyongyang denies …"; capitalised only as the
            // clause's first word), but not after "as" ("works as a consultant
            // said") or before a pronoun, which more often means the main clause's
            // subject ("Lord Tebbit drew jeers when he said …") and is read from the
            // whole span.
            // "… when told that members said …", "after learning that the ministry
            // said …": a lower-case "that" before a subject (a determiner, a name or
            // a plural noun for people) opens the cue's clause, complement or
            // relative alike ("the figure that officials said was …"). Not before a
            // singular noun ("judges at that court wrote": a demonstrative) nor a
            // pronoun, which is read from the whole span; nor where nothing follows
            // the cue ("…, a message that Ana Ruiz reiterated, …" points back).
            let that_subject = || {
                j > s
                    && toks.get(i + 1).is_some_and(|t| t.k == K::Word)
                    && self.word_at(toks, j + 1).is_some_and(|f| {
                        is_in(f, DETERMINERS)
                            || is_cap(f)
                            || (f.ends_with('s') || f == "police")
                                && (is_in(f, lexicon::PERSON_REFS)
                                    || is_in(f, lexicon::ANON_NOUNS)
                                    || is_in(f, lexicon::INSTITUTIONS))
                    })
            };
            let opener = self.word_at(toks, j).is_some_and(|w| {
                lexicon::RELATIVE_OPENERS.contains(&w)
                    || w == "that" && that_subject()
                    || is_in(w, lexicon::SUBORDINATORS)
                        && (!w.eq_ignore_ascii_case("as") || as_group(j + 1))
                        && (j == s || w.starts_with(|c: char| c.is_ascii_lowercase()))
                        && !w.bytes().all(|b| b.is_ascii_uppercase())
                        && !self.is_word(toks, j + 1, PRONOUNS)
            });
            if opener {
                let between = self.words(toks, j + 1, i);
                // ("…, which South Korea and the US say was …": two names joined make
                // a longer subject.)
                let most = if self.word_at(toks, j + 1).is_some_and(is_cap)
                    && (j + 2..i).any(|k| self.is_word(toks, k, &["and"]))
                    && (j + 1..i).all(|k| {
                        self.word_at(toks, k)
                            .is_some_and(|w| is_cap(w) || is_in(w, &["and", "the"]))
                    }) {
                    7
                } else {
                    4
                };
                if (1..=most).contains(&between) && toks[j + 1..i].iter().all(|t| t.k == K::Word) {
                    let first = self.word_at(toks, j + 1).unwrap_or("");
                    // "The official who briefed reporters said": after "who" the
                    // relative clause's verb, no subject of its own; the subject is
                    // read before "who". A subject opens with a name, a determiner,
                    // a pronoun or a noun for people ("…, who officials say had").
                    let relative_verb = self.is_word(toks, j, &["who"])
                        && first.starts_with(|c: char| c.is_ascii_lowercase())
                        && !is_in(first, DETERMINERS)
                        && !is_in(first, PRONOUNS)
                        && !is_in(first, lexicon::PERSON_REFS)
                        && !is_in(first, lexicon::ANON_NOUNS)
                        && !is_in(first, lexicon::INSTITUTIONS);
                    if relative_verb {
                        break;
                    }
                    // "…, who on Thursday said": an adverbial, not a subject.
                    if !lexicon::is_subject_adverb(first) && !is_in(first, lexicon::ADVERBIAL) {
                        return j + 1;
                    }
                }
                break;
            }
        }
        // "…, but the board says …": a coordinated clause has its own subject.
        for j in (s..i).rev() {
            if toks[j].k != K::Word {
                break;
            }
            // ("…, but has also said": an auxiliary and adverbs only are no subject;
            // the sentence's subject says it, read by `first_predicate`.)
            if self.is_word(toks, j, lexicon::CLAUSE_CONJUNCTIONS)
                && j > s
                && (1..=8).contains(&self.words(toks, j + 1, i))
                && !(j + 1..i).all(|k| {
                    self.is_word(toks, k, &["has", "have", "had"])
                        || self
                            .word_at(toks, k)
                            .is_some_and(lexicon::is_subject_adverb)
                })
            {
                return j + 1;
            }
            // "… in connection with the attack and Commissioner Ana Ruiz said": a
            // name after "and" that ends a clause with lower-case words opens a new
            // clause ("Ana Ruiz and Ivo Brandt said" stays one subject, rulebook R4).
            if self.is_word(toks, j, &["and"])
                && j >= s + 4
                && (1..=6).contains(&(i - j - 1))
                && (j + 1..i).all(|k| self.word_at(toks, k).is_some_and(is_cap))
                && toks[s..j].iter().all(|t| matches!(t.k, K::Word | K::Quote))
                && self
                    .word_at(toks, j - 1)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
            {
                return j + 1;
            }
            // "… the recall of its device and reports have suggested …", "…
            // tariffs on imports and his top adviser on trade accused …": a clause
            // joined by "and" after lower-case words, with its own described subject.
            if self.is_word(toks, j, &["and"])
                && j >= s + 4
                && toks[s..j].iter().all(|t| matches!(t.k, K::Word | K::Quote))
                && self
                    .word_at(toks, j - 1)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
                && self.described_subject(toks, j + 1, i)
            {
                return j + 1;
            }
            // "Others in DHS disagree with that assessment and a senior official in
            // the Department of Homeland Security told CNN …": a described person
            // with a place or body after the noun, no verb before the cue.
            if self.w(&toks[j]) == "and"
                && j >= s + 4
                && self.is_word(toks, j + 1, lexicon::ARTICLES)
                && toks[s..j].iter().all(|t| matches!(t.k, K::Word | K::Quote))
                && self.word_at(toks, j - 1).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_lowercase()) && !people_plural(w)
                })
                && (4..=12).contains(&(i - j - 1))
                && (j + 2..(j + 5).min(i)).any(|k| {
                    self.is_word(toks, k, lexicon::PERSON_REFS)
                        || self.is_word(toks, k, lexicon::ANON_NOUNS)
                })
                && (j + 2..i).all(|k| {
                    self.word_at(toks, k).is_some_and(|w| {
                        is_cap(w)
                            || !(is_in(w, lexicon::CLAUSE_AUX)
                                || w.len() > 4 && w.ends_with("ed")
                                || lexicon::cue_word(w).is_some())
                    })
                })
            {
                return j + 1;
            }
        }
        s
    }

    /// "… opposed by many investors who said it undervalued …": a restrictive
    /// relative clause on a plural noun for people, right before the cue at `i`; the
    /// people speak (rulebook R1: cues in relative clauses count).
    pub(super) fn people_who(&self, toks: &[Tok], i: usize) -> bool {
        // (Only as an object, after a verb: as the sentence's subject, "Groups of
        // artists who say they were blacklisted had set up tents", the statement's
        // end is unmarked.)
        let verb_before = |h: usize| {
            (0..h).any(|k| {
                self.word_at(toks, k).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_lowercase())
                        && (is_in(w, lexicon::CLAUSE_AUX)
                            || is_in(w, lexicon::BODY_SUBJECT_VERBS)
                            || w.len() > 4 && w.ends_with("ed"))
                })
            })
        };
        i >= 2
            && toks[i - 1].k == K::Word
            && self.w(&toks[i - 1]).eq_ignore_ascii_case("who")
            && toks[i - 2].k == K::Word
            && self.word_at(toks, i - 2).is_some_and(|w| {
                // Plural only: "a man who admitted assault" is the subject of a
                // court report, no speaker.
                // ("who" says the plural names people: "insurers", "groups").
                w.len() > 3
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.ends_with("'s")
                    && !is_in(w, lexicon::CLAUSE_AUX)
            })
            // "Two men who admitted blackmailing …": a plea in a court report, no
            // statement.
            && !self
                .word_at(toks, i + 1)
                .is_some_and(|w| w.len() > 5 && w.ends_with("ing"))
            && verb_before(i - 2)
    }

    /// Start of the noun phrase whose head is at `h` ("some EU officials", "prison
    /// custody officers"): back over modifiers and quantifiers, to a preposition,
    /// a verb, a comma or the sentence's start.
    fn people_who_start(&self, toks: &[Tok], h: usize) -> usize {
        let mut a = h;
        while a > 0 && a + 4 > h && toks[a - 1].k == K::Word {
            let Some(w) = self.word_at(toks, a - 1) else {
                break;
            };
            let lower = w.to_ascii_lowercase();
            let w = lower.as_str();
            if is_in(w, CONNECTORS)
                || is_in(w, NP_STOP)
                || is_in(w, lexicon::OBJECT_PREPS)
                || is_in(w, lexicon::PLACE_TIME_PREPS)
                || is_in(w, PRONOUNS)
                || lexicon::cue_word(w).is_some()
                || is_in(w, lexicon::CLAUSE_AUX)
            {
                break;
            }
            a -= 1;
        }
        a
    }

    /// Do the words from `a` to the cue at `i` read as a described subject: a
    /// determiner or possessive and lower-case words up to a person's or document's
    /// noun ("his top adviser on trade", "the ministry"), or a plural document or
    /// unnamed group ("reports", "officials"), an auxiliary allowed before the cue?
    fn described_subject(&self, toks: &[Tok], a: usize, i: usize) -> bool {
        let mut e = i;
        while e > a && self.is_word(toks, e - 1, lexicon::AUX_BEFORE_PASSIVE) {
            e -= 1;
        }
        let n = self.words(toks, a, e);
        if !(1..=5).contains(&n) || toks[a..e].iter().any(|t| t.k != K::Word) {
            return false;
        }
        let lower = (a..e).all(|k| {
            self.word_at(toks, k)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
        });
        let noun = |k: usize| {
            self.is_word(toks, k, lexicon::PERSON_REFS)
                || self.is_word(toks, k, lexicon::TITLES)
                || self.is_word(toks, k, lexicon::ANON_NOUNS)
                || self.is_word(toks, k, lexicon::DOCS)
                || self.is_word(toks, k, lexicon::INSTITUTIONS)
        };
        lower
            && if n == 1 {
                noun(a) && self.word_at(toks, a).is_some_and(|w| w.ends_with('s'))
            } else {
                self.is_word(toks, a, lexicon::DEFINITE_OPENERS) && (a + 1..e).any(noun)
            }
    }

    pub(super) fn with_cue(&mut self, toks: &[Tok], ci: usize, c: Cue) -> Option<Found> {
        let len = toks.len();
        // 1. Quotation first: "…," speaker said / "…," said speaker.
        if let Some((q, lead)) = self.quote_before(toks, ci) {
            let mut a = q + 1;
            while a < ci && toks[a].k != K::Word {
                a += 1;
            }
            // "…", succeeding Ismail Haniya, the officials said: a participle phrase
            // after the quotation is no part of the speaker.
            // ("ranking member Rep. Ana Ruiz" is a description: a name must follow.)
            let participle = a + 1 < ci
                && self.w(&toks[a]).ends_with("ing")
                && !is_cap(self.w(&toks[a]))
                && self
                    .word_at(toks, a + 1)
                    .is_some_and(|w| is_cap(w) && !is_title(w));
            if participle {
                if let Some(k) = (a..ci).rev().find(|&k| toks[k].k == K::Comma) {
                    a = k + 1;
                }
            }
            // "…," Ostland Radio quoted Ana Ruiz as saying: the subject relays, the
            // object speaks.
            let as_saying =
                (c == Cue::Quoted && a < ci && !self.is_word(toks, ci - 1, lexicon::PASSIVE_AUX))
                    .then(|| {
                        (ci + 1..len.min(ci + 14)).find(|&k| {
                            self.is_word(toks, k, &["as"])
                                && self.is_word(toks, k + 1, lexicon::QUOTED_AS_VERBS)
                        })
                    })
                    .flatten();
            // A quoted title ('"Die Welt" newspaper quoted …') is no quotation of the
            // speaker's: the quotation closes with its comma.
            let closed = || {
                toks[q + 1..a].iter().any(|t| t.k == K::Comma)
                    || self.n[toks[q].s..toks[q].e]
                        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                        .ends_with(',')
            };
            if as_saying.is_some() && !closed() {
                return None;
            }
            let (spk, after) = if let Some(as_i) = as_saying {
                // "… quoted him as saying": the person just spoken of.
                let object = if as_i == ci + 2 {
                    self.word_at(toks, ci + 1)
                        .filter(|w| is_in(w, &["him", "her"]))
                        .map(|w| w.eq_ignore_ascii_case("her"))
                } else {
                    None
                };
                let spk = match object {
                    Some(female) => self.resolve_gendered(female),
                    None => self.subject_speaker(toks, ci + 1, as_i),
                };
                (spk, as_i + 2)
            } else if a < ci {
                (self.subject_speaker(toks, a, ci), ci + 1)
            } else {
                let e2 = self.inverted_speaker_end(toks, ci + 1);
                let spk = self.subject_speaker(toks, ci + 1, e2);
                (
                    spk.map(|s| self.person_by_relative(s, toks, (ci + 1, e2))),
                    e2,
                )
            };
            let spk = spk?;
            let start = if lead { toks[0].s } else { toks[q].s };
            let mut pieces = vec![(start, toks[q].e)];
            // "…," he said, "…" / "…," he said in a statement today, "…"
            let mut k = after;
            while k < len && toks[k].k != K::Quote {
                if toks[k].k == K::Word {
                    if !is_in(self.w(&toks[k]), lexicon::ADVERBIAL) {
                        break;
                    }
                    k = self.skip_phrase(toks, k + 1);
                    continue;
                }
                k += 1;
            }
            // Not a quotation with a cue of its own ("…," said Ana Ruiz. "…," said
            // Ivo Brandt): that one is another speaker's.
            let own_cue = || {
                (k + 1..(k + 4).min(len))
                    .any(|j| self.word_at(toks, j).and_then(lexicon::cue).is_some())
            };
            if k < len && toks[k].k == K::Quote && toks[k - 1].k == K::Comma && !own_cue() {
                pieces.push((toks[k].s, toks[k].e));
            }
            let mut mods = self.modifiers(toks, &[(0, q + 1)], ci, c);
            let by_after = (c == Cue::Quoted && as_saying.is_none())
                .then(|| self.by_after_as_saying(toks, ci))
                .flatten();
            if as_saying.is_some() {
                if let Some(relay) = self.subject_speaker(toks, a, ci) {
                    mods.outer.push(relay.hop);
                }
            } else if let Some((relay, _)) = by_after {
                mods.outer.push(relay);
            } else if c == Cue::Quoted && mods.outer.is_empty() && mods.inner.is_empty() {
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
            // "Ana Ruiz, reporting from Lima, said Ostberg …": the part before the cue
            // ends with a participle phrase about its subject, so it is no claim.
            // The participle must follow a short name at the start of the clause (a
            // participle after a clause belongs to the claim: "…, giving firms more
            // room, said Ana Ruiz").
            let participle_before = (cs..ci - 1)
                .rev()
                .find(|&k| toks[k].k == K::Comma)
                .filter(|&k| {
                    (1..=5).contains(&self.words(toks, cs, k)) && self.has_name(toks, cs, k)
                })
                .filter(|&k| toks[cs..k].iter().all(|t| t.k == K::Word))
                .and_then(|k| self.word_at(toks, k + 1))
                .is_some_and(|w| {
                    w.len() > 4 && w.ends_with("ing") && w.starts_with(|c: char| c.is_lowercase())
                });
            let definite_end = self.final_definite_source(toks, ci + 1);
            if let Some(w) = self.word_at(toks, ci + 1).filter(|_| !participle_before) {
                // "…, said local officials." at the end of the sentence: an unnamed
                // source of at most five lower-case words with a source noun as head.
                // "…, said the BBC.", "…, reports the Kremlin.": a name after "the"
                // that ends the sentence or is followed by a comma ("…, said the
                // United States would …" is a clause).
                let the_name = w.eq_ignore_ascii_case("the")
                    && self
                        .word_at(toks, ci + 2)
                        .is_some_and(|n| is_cap(n) && !is_in(n, NOT_NAMES))
                    && {
                        let mut k = ci + 2;
                        while self
                            .word_at(toks, k)
                            .is_some_and(|n| is_cap(n) || is_in(n, CONNECTORS))
                        {
                            k += 1;
                        }
                        k + 1 >= len || toks[k].k == K::Comma
                    };
                // "…, said Mr Ade.": an honorific before a name.
                let honorific_name = is_in(w, lexicon::HONORIFICS)
                    && self
                        .word_at(toks, ci + 2)
                        .is_some_and(|n| is_cap(n) && !is_in(n, NOT_NAMES));
                if (is_cap(w) && !is_in(w, NOT_NAMES)
                    || honorific_name
                    || the_name
                    || self.final_unnamed_source(toks, ci + 1)
                    || self.final_titled_name(toks, ci + 1)
                    || definite_end.is_some())
                    && c != Cue::Told
                {
                    let e = definite_end.unwrap_or_else(|| self.inverted_speaker_end(toks, ci + 1));
                    // "My first error, says Mr Shaw, was to trust …": the cue and its
                    // speaker set off by commas between a short subject and its verb;
                    // the claim is both sides.
                    let resumed = (ci + 2..=e.min(len - 1)).find(|&k| {
                        toks[k].k == K::Comma && self.is_word(toks, k + 1, lexicon::CLAUSE_AUX)
                    });
                    if let Some(k) = resumed.filter(|_| {
                        toks[ci - 1].k == K::Comma
                            && self.words(toks, cs, ci - 1) <= 8
                            && toks[cs..ci - 1].iter().all(|t| t.k == K::Word)
                            && !(cs..ci - 1).any(|j| self.is_word(toks, j, lexicon::CLAUSE_AUX))
                    }) {
                        let end = self.content_end(toks, k + 1);
                        if end > k + 2 {
                            let spk = self.subject_speaker(toks, ci + 1, k)?;
                            let spk = self.person_by_relative(spk, toks, (ci + 1, k));
                            let mods = self.modifiers(toks, &[(cs, ci - 1), (k + 1, end)], ci, c);
                            let pieces = vec![
                                (toks[cs].s, toks[ci - 2].e),
                                (toks[k + 1].s, toks[end - 1].e),
                            ];
                            return Some(self.found(
                                pieces,
                                ExtractKind::IndirectSpeech,
                                spk,
                                mods,
                            ));
                        }
                    }
                    if e >= len.saturating_sub(1)
                        || toks.get(e).is_some_and(|t| t.k == K::Other)
                        || self.closing_tail(toks, e)
                        || self.final_relative(toks, e)
                        || self.closing_apposition(toks, e)
                        || self.closing_subordinate(toks, e)
                        || self.closing_adverbial(toks, e)
                    {
                        let spk = self.subject_speaker(toks, ci + 1, e)?;
                        let spk = self.person_by_relative(spk, toks, (ci + 1, e));
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
                    // "…, says Name "…"": a headline fragment before the next quotation,
                    // not a clause ("…, said Mr Ade "clearly misled" the panel": a short
                    // quotation inside the clause that goes on).
                    let e = self.np_end(toks, ci + 1);
                    if toks.get(e).is_some_and(|t| {
                        t.k == K::Quote
                            && (self.w(t).split_whitespace().count() > 3
                                || toks[e + 1..].iter().all(|t| t.k == K::Other))
                    }) {
                        return None;
                    }
                }
            }
        }
        // 2. Complement after the cue.
        // "argued against the levy", "argued in favour of closing the port", "argued
        // for cutting aid": a side taken, with a noun or gerund object, is no
        // checkable statement (rulebook R1: a verb's noun object counts only when it
        // is itself a fact).
        let side = |k: usize| {
            self.is_word(toks, k, &["against"])
                || self.is_word(toks, k, &["in"])
                    && self.is_word(toks, k + 1, &["favor", "favour"])
                    && self.is_word(toks, k + 2, &["of"])
                || self.is_word(toks, k, &["for"])
                    && self
                        .word_at(toks, k + 1)
                        .is_some_and(|g| g.len() > 5 && g.ends_with("ing") && !is_cap(g))
        };
        if side(ci + 1) {
            return None;
        }
        let mut p = ci + 1;
        if c == Cue::Told {
            // "told him cuts would come", "told her abuse might be an issue": an object
            // pronoun is the whole listener ("her" is one only before a noun and a
            // verb; "told her staff …" has a listener of two words).
            // (Written in lower case: "told US officials" has a listener of two
            // words. A directive follows as "not"/"to": "told him not to leave"; an
            // adverbial goes on as before: "told him in a letter that …".)
            let object = self
                .word_at(toks, p)
                .is_some_and(|w| matches!(w, "him" | "them" | "us" | "me"))
                || self.word_at(toks, p) == Some("her")
                    && self.is_word(toks, p + 2, lexicon::CLAUSE_AUX);
            let clause_next = self.word_at(toks, p + 1).is_some_and(|w| {
                w.starts_with(char::is_alphanumeric)
                    && !is_in(w, &["not", "without"])
                    && !is_in(w, lexicon::ADVERBIAL)
            });
            // "told "Associated Press" that …", "told the "Washington Post" that …":
            // a medium's name in quotation marks (one quotation token) is the
            // listener.
            let q = p + usize::from(self.is_word(toks, p, &["the"]));
            let quoted_name = self
                .quoted_title(toks, q)
                .filter(|_| self.is_word(toks, q + 1, &["that"]))
                .map(|_| q);
            // "…, Ana Ruiz told in an interview with TASS": no listener, an adverbial
            // (read as after "said").
            let adverbial = self.is_word(toks, p, &["in", "during", "at", "on"])
                && self.is_word(toks, p + 1, lexicon::ARTICLES);
            p = if let Some(k) = quoted_name {
                k + 1
            } else if object && clause_next || adverbial {
                p + usize::from(!adverbial)
            } else {
                self.np_end(toks, p)
            };
            // "told Fine Gael TDs and Senators that …", "told reporters and editors
            // that …": a second listener joined with "and" before the "that".
            if self.is_word(toks, p, &["and"]) {
                if let Some(that) = (p + 2..len.min(p + 6))
                    .take_while(|&k| toks[k].k == K::Word)
                    .find(|&k| self.is_word(toks, k, &["that"]))
                {
                    let listener = (p + 1..that).all(|k| {
                        let w = self.w(&toks[k]);
                        (is_cap(w) || is_in(w, DETERMINERS) || people_plural(w))
                            && !is_in(w, lexicon::CLAUSE_AUX)
                            && lexicon::cue_word(w).is_none()
                    });
                    if listener {
                        p = that;
                    }
                }
            }
            // "told officials a similar story": what was told, after the listener.
            if self.is_word(toks, p, lexicon::ARTICLES)
                && (p + 1..len.min(p + 3)).any(|k| self.is_word(toks, k, lexicon::TOLD_THINGS))
            {
                return None;
            }
            // "told Sen. Ana Ruiz, a member of the panel, that …": over the listener's
            // apposition to its "that".
            if p < len && toks[p].k == K::Comma {
                if let Some(q) = (p + 1..len.min(p + 14)).find(|&k| toks[k].k != K::Word) {
                    if toks[q].k == K::Comma && self.is_word(toks, q + 1, &["that"]) {
                        p = q + 1;
                    }
                }
            }
            // "told a session of the council: "…"": the listener runs to the colon;
            // "told Russian state media Ria Novosti, "…"": to the comma before the
            // quotation.
            if let Some(col) = (p..len.min(p + 10)).find(|&k| toks[k].k != K::Word) {
                let quote_next =
                    toks[col].k == K::Comma && toks.get(col + 1).is_some_and(|t| t.k == K::Quote);
                // ("… in Washington, D.C., "…"": a place's state or district after
                // the comma is still the listener's phrase.)
                let place_end = (toks[col].k == K::Comma && !quote_next)
                    .then(|| (col + 1..len.min(col + 5)).find(|&k| toks[k].k != K::Word))
                    .flatten()
                    .filter(|&e| {
                        e > col + 1
                            && toks[e].k == K::Comma
                            && toks.get(e + 1).is_some_and(|t| t.k == K::Quote)
                            && self.word_at(toks, col - 1).is_some_and(is_cap)
                            && (col + 1..e).all(|k| is_cap(self.w(&toks[k])))
                    });
                if toks[col].k == K::Colon || quote_next {
                    p = col;
                } else if let Some(e) = place_end {
                    p = e;
                }
            }
        }
        // "warned residents that …", "assured them that …", "informed the WTO that
        // …": a listener between the cue and its "that".
        if p == ci + 1
            && lexicon::cue_word(self.w(&toks[ci])).is_some_and(|c| {
                matches!(
                    c.lemma,
                    "warn" | "assure" | "inform" | "notify" | "remind" | "caution" | "promise"
                )
            })
        {
            if let Some(that) = (p + 1..len.min(p + 4))
                .take_while(|&k| toks[k].k == K::Word)
                .find(|&k| self.is_word(toks, k, &["that"]))
            {
                let first = self.w(&toks[p]);
                let listener = is_in(first, &["him", "her", "them", "us", "me", "you"])
                    || is_in(first, DETERMINERS)
                    || is_in(first, lexicon::POSSESSIVES)
                    || is_cap(first)
                    || first.ends_with('s') && that == p + 1;
                let plain = (p..that).all(|k| {
                    let w = self.w(&toks[k]);
                    !is_in(w, lexicon::CLAUSE_AUX) && lexicon::cue_word(w).is_none()
                });
                if listener && plain {
                    p = that;
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
                    // "said there were no casualties": an existential "there" opens
                    // the content; elsewhere it is a place adverbial ("said there").
                    let existential = w.eq_ignore_ascii_case("there")
                        && self.is_word(toks, p + 1, lexicon::EXISTENTIAL_VERBS);
                    // "said at least 30 …": a quantity opens the content.
                    let quantity = w.eq_ignore_ascii_case("at")
                        && self.is_word(toks, p + 1, lexicon::LEAST_MOST);
                    // "said this meeting is …": "this"/"last" make a time phrase only
                    // before a unit of time ("this week", "last month").
                    let subject = is_in(w, lexicon::DEICTIC_TIME_OPENERS)
                        && !self.is_word(toks, p + 1, lexicon::TIME_UNITS);
                    // "said as recently as this week that …": a degree phrase of time (not "as
                    // long as …", a condition inside the claim).
                    if w == "as"
                        && self.is_word(toks, p + 1, &["recently", "early", "late"])
                        && self.is_word(toks, p + 2, &["as"])
                    {
                        p = self.skip_phrase(toks, p + 3);
                        continue;
                    }
                    if is_in(w, lexicon::ADVERBIAL) && !existential && !quantity && !subject {
                        let q = self.skip_phrase(toks, p + 1);
                        // "said early morning departures were delayed": a phrase that
                        // runs to the sentence's end holding a verb was the content.
                        let to_end = toks[q..].iter().all(|t| t.k == K::Other);
                        if to_end
                            && p == ci + 1
                            && (p + 2..q).any(|k| self.is_word(toks, k, lexicon::CLAUSE_AUX))
                        {
                            break;
                        }
                        // "…, he said after the bureau released figures showing …": a
                        // subordinate clause of time (a verb inside) after a cue that
                        // follows a comma is no adverbial before content; the claim
                        // came first. ("said while the deaths are tragic, the cases
                        // …" opens its content so.)
                        if is_in(w, &["after", "before"])
                            && self.speaker_after_content(toks, ci)
                            && (p + 2..q).any(|k| {
                                self.word_at(toks, k).is_some_and(past_form)
                                    || self.is_word(toks, k, lexicon::CLAUSE_AUX)
                            })
                        {
                            p = len;
                            break;
                        }
                        p = q;
                        continue;
                    }
                    // "reported a day earlier that …", "said two weeks ago that …":
                    // a counted span of time dates the telling ("a few days later").
                    let unit = p
                        + 1
                        + usize::from(
                            w.eq_ignore_ascii_case("a") && self.is_word(toks, p + 1, &["few"]),
                        );
                    if (is_in(w, lexicon::COUNT_WORDS) || w.bytes().all(|b| b.is_ascii_digit()))
                        && self.is_word(toks, unit, lexicon::SPAN_UNITS)
                        && self.is_word(toks, unit + 1, lexicon::SPAN_ENDS)
                    {
                        p = unit + 2;
                        continue;
                    }
                    // "…, Ivo Brandt said Thursday as he left for Delhi": a subordinate
                    // clause after the cue is no content; the claim came first.
                    if p > ci + 1 && is_in(w, lexicon::SUBORDINATORS) {
                        p = len;
                    }
                    break;
                }
                K::Comma => {
                    let nx = self.word_at(toks, p + 1).unwrap_or("");
                    // "…, analysts say, which may …", "…, she told the BBC, which
                    // …": a relative clause after the cue is no claim.
                    if lexicon::RELATIVE_PRONOUNS.contains(&nx) {
                        p = len;
                        break;
                    }
                    if is_in(nx, lexicon::COMMA_ADVERBIALS) {
                        // A comma-led adverbial runs to the next comma.
                        p += 2;
                        while p < len && toks[p].k == K::Word {
                            p += 1;
                        }
                        continue;
                    }
                    // "…, the White House has said, acknowledging …": a participle
                    // after the cue's comma is a second statement or an aside (read
                    // by `second_statement`), never the claim; the claim came first.
                    if nx.len() > 5
                        && nx.ends_with("ing")
                        && nx.starts_with(|c: char| c.is_ascii_lowercase())
                    {
                        p = len;
                        break;
                    }
                    // "…," Ana Ruiz added, before reaffirming …": a subordinate clause
                    // after the cue's comma is about the speaking, no claim.
                    // The claim came first, right before the cue ("…, some officers
                    // insisted on not intervening, because …" has none).
                    // "…, the report said, with overcrowding forcing …", "…, amid …": a
                    // prepositional phrase after the cue's comma is no content either.
                    if is_in(nx, lexicon::SUBORDINATORS) || is_in(nx, &["with", "amid", "despite"])
                    {
                        if p > ci + 1 {
                            return None;
                        }
                        p = len;
                        break;
                    }
                    // "…, a spokesman told Reuters, and the sheriff said …": a clause
                    // joined after the comma is another statement; the claim came first.
                    if is_in(nx, lexicon::PREDICATE_JOINERS)
                        && ci > 0
                        && toks[..ci].iter().any(|t| t.k == K::Comma)
                    {
                        p = len;
                        break;
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
            // "emphasized that that "the issue …"": a doubled "that" before a
            // quotation is a typing slip.
            if self.is_word(toks, p + 1, &["that"])
                && toks.get(p + 2).is_some_and(|t| t.k == K::Quote)
            {
                p += 1;
            }
            // "said that was because …": "that" before a finite verb is the claim's
            // demonstrative subject, not its conjunction; after an adverbial it is a
            // relative pronoun ("a list Ana Ruiz announced in May that was drawn up
            // by …"), and the cue has no claim. (Exact case: "that IS might …".)
            let finite = self
                .word_at(toks, p + 1)
                .is_some_and(|w| matches!(w, "was" | "is" | "has" | "had" | "will" | "would"));
            if finite && p > ci + 1 {
                return None;
            }
            let s = if finite { p } else { p + 1 };
            let e = self.content_end(toks, s);
            if e > s && e > p + 1 {
                content = Some((s, e, false));
            }
        } else if at(K::Colon) || at(K::Quote) {
            let s = if at(K::Colon) { p + 1 } else { p };
            let e = self.content_end(toks, s);
            // "The inquiry found: Ana Ruiz, its chair, said: "…"": the words after
            // the colon introduce another speaker's statement, not this one's.
            let own_colon = at(K::Colon)
                && (s..e.min(s + 16)).any(|k| {
                    toks.get(k + 1).is_some_and(|t| t.k == K::Colon)
                        && self.word_at(toks, k).and_then(lexicon::cue).is_some()
                });
            if e > s && !own_colon {
                let direct = toks[s..e].iter().all(|t| t.k != K::Word);
                content = Some((s, e, direct));
            }
        } else if p < len && toks[p].k == K::Word {
            let first = self.w(&toks[p]);
            // "showed they …", "showed a baby …": a finding needs its "that" (a
            // survey showed that …); without it the verb is about what is seen.
            let finding = lexicon::cue_word(self.w(&toks[ci])).is_some_and(|c| c.lemma == "show");
            // "added their support to the effort", "added 211,000 vehicles to a
            // recall": "add" with an object and "to" is no speech act.
            let adds_to = || {
                lexicon::cue_word(self.w(&toks[ci])).is_some_and(|c| c.lemma == "add")
                    && (p + 1..len.min(p + 7))
                        .take_while(|&j| toks[j].k == K::Word)
                        .find(|&j| self.is_word(toks, j, &["to"]))
                        .is_some_and(|to| {
                            // No verb before the "to" ("added efforts … in seeking to
                            // …", "added [Tunisia] be shown … to", "added that-…").
                            (p..to).all(|j| {
                                let w = self.w(&toks[j]);
                                !is_in(w, lexicon::CLAUSE_AUX)
                                    && !is_in(w, &["be", "been", "being"])
                                    && !w.starts_with("that-")
                                    && !(j > p && (w.ends_with("ed") || w.ends_with("ing")))
                            })
                        })
            };
            // "stressed the need to work together": a stance, no checkable fact.
            let stance = || {
                (is_in(first, &["the"]) || is_in(first, lexicon::POSSESSIVES))
                    && p + 2 < len
                    && self.is_word(toks, p + 1, lexicon::STANCE_NOUNS)
                    && self.is_word(toks, p + 2, &["to", "of", "for"])
                    && !(p + 3..self.content_end(toks, p))
                        .any(|j| self.is_word(toks, j, &["is", "was", "are", "were"]))
            };
            // "declared a state of emergency", "declared war on …", "declared the
            // drought a national disaster": an official act, not a statement (R1: a
            // noun object counts only when it is a checkable fact). A clause after
            // the cue ("declared the war was over") is still a statement.
            let declared_act = || {
                lexicon::cue_word(self.w(&toks[ci])).is_some_and(|c| c.lemma == "declare")
                    && (p..len.min(p + 6))
                        .take_while(|&j| {
                            matches!(toks[j].k, K::Word | K::Quote)
                                && !self.is_word(toks, j, lexicon::CLAUSE_AUX)
                        })
                        .any(|j| {
                            let act = match toks[j].k {
                                // A short quotation: 'declared a "caliphate"'.
                                K::Quote => {
                                    let words = self
                                        .w(&toks[j])
                                        .split(|c: char| !c.is_alphabetic())
                                        .filter(|w| !w.is_empty());
                                    words.clone().count() <= 4
                                        && words.into_iter().any(|w| {
                                            is_in(&w.to_lowercase(), lexicon::DECLARED_ACTS)
                                        })
                                }
                                _ => self.is_word(toks, j, lexicon::DECLARED_ACTS),
                            };
                            act && !self.is_word(toks, j + 1, lexicon::CLAUSE_AUX)
                        })
            };
            // "Prices will rise next year, said the man in the hat": a whole clause
            // before the cue's comma is the claim of an inverted cue (whose speaker
            // was not read), never the subject of a complement.
            // (One stretch of words with no subordinator: "…, though an official,
            // Ana Ruiz, said …" and "As prices have risen, Ana Ruiz said …" have
            // their subject after the clause.)
            let clause_before = || {
                ci > cs
                    && toks[ci - 1].k == K::Comma
                    && toks[cs..ci - 1].iter().all(|t| t.k == K::Word)
                    && (cs + 1..ci - 1).any(|j| self.is_word(toks, j, lexicon::CLAUSE_AUX))
                    && !(cs..ci - 1).any(|j| {
                        self.is_word(toks, j, lexicon::RELATIVE_PRONOUNS)
                            || self.is_word(toks, j, lexicon::SUBORDINATORS)
                    })
            };
            // "…, alongside their parents, said Prince Ivo Brandt, the great-grandson
            // of …": after the cue's comma a name and its apposition, with no verb,
            // is the speaker of an inverted cue that was not read, never a claim.
            let speaker_after = || {
                ci > 0 && toks[ci - 1].k == K::Comma && {
                    let e = self.content_end(toks, p);
                    let n = self.np_end(toks, p);
                    n < e
                        && self.words(toks, p, n) <= 4
                        && toks[n].k == K::Comma
                        && !(p..e).any(|j| self.is_word(toks, j, lexicon::CLAUSE_AUX))
                }
            };
            let bare_ok = match c {
                Cue::Bare => {
                    !adds_to()
                        && !stance()
                        && !declared_act()
                        && !clause_before()
                        && !speaker_after()
                }
                Cue::Told => p > ci + 1,
                Cue::Clausal if finding => false,
                // "As the channel Al-Alam reported, militants have moved …": after a
                // fronted "As X reported," the main clause is the claim.
                Cue::Clausal
                    if p > ci + 1
                        && toks[p - 1].k == K::Comma
                        && self.is_word(toks, 0, &["as"])
                        && !toks[1..ci].iter().any(|t| t.k != K::Word) =>
                {
                    true
                }
                Cue::Clausal => {
                    is_in(first, PRONOUNS)
                        || ((is_cap(first)
                            || is_in(first, DETERMINERS)
                            || is_in(first, lexicon::QUANTITY_OPENERS)
                            || first.starts_with(|c: char| c.is_ascii_digit()))
                            && ((p + 1..len.min(p + 4))
                                .any(|j| self.is_word(toks, j, lexicon::CLAUSE_AUX))
                                || self.of_phrase_subject(toks, p)
                                || self.past_verb_after_subject(toks, p)))
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
                    // "reported 14 rescues on Saturday" (rulebook R1, example 10): a
                    // counted object is a checkable fact.
                    Some(Frame::Clausal)
                        if lexicon::cue_word(self.w(&toks[ci]))
                            .is_some_and(|c| c.lemma == "report") =>
                    {
                        first.bytes().all(|b| b.is_ascii_digit() || b == b',')
                            || is_in(first, lexicon::COUNT_WORDS) && first.len() > 2
                    }
                    Some(Frame::FactObject) => {
                        !is_in(first, lexicon::NOT_FACT_OBJECT)
                            && (first.starts_with(|c: char| c.is_ascii_lowercase())
                                || first.starts_with(|c: char| c.is_ascii_digit()))
                            && !(p..p + 3).any(|j| self.is_word(toks, j, lexicon::DECIDED_THINGS))
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
        if let Some((s, mut e, direct)) = content {
            // "Although Ana Ruiz said the port is closed, ships …": a statement in an
            // opening subordinate clause ends at the clause's comma.
            if cs > 0
                && self.is_word(toks, cs - 1, lexicon::SUBORDINATORS)
                && !toks[..cs - 1].iter().any(|t| t.k == K::Word)
            {
                if let Some(k) = (s..e).find(|&k| toks[k].k == K::Comma).filter(|&k| k > s) {
                    e = k;
                }
            }
            // "Mr Trump, who as a candidate criticised the leader for …, will seek
            // …": a statement in a relative clause set off by commas ends at the
            // comma before the main clause's verb.
            let relative = (ci.saturating_sub(4)..ci).find(|&j| {
                j > 0
                    && toks[j - 1].k == K::Comma
                    && self.is_word(toks, j, &["who"])
                    && toks[j + 1..ci].iter().all(|t| t.k == K::Word)
            });
            if relative.is_some() && !direct {
                let main_verb = |k: usize| {
                    toks[k].k == K::Comma
                        && self.word_at(toks, k + 1).is_some_and(|w| {
                            w.starts_with(|c: char| c.is_ascii_lowercase())
                                && (is_in(w, lexicon::CLAUSE_AUX)
                                    || is_in(w, lexicon::BODY_SUBJECT_VERBS)
                                    || is_in(w, lexicon::CLAUSE_CUES)
                                    || w.len() > 4 && w.ends_with("ed"))
                        })
                };
                if let Some(k) = (s + 1..e).find(|&k| main_verb(k)) {
                    e = k;
                }
            }
            // "Every lie told would, he said, be a waste …": the cue set off by commas
            // inside the claim; the claim is both sides.
            if let Some(k) = self.parenthetical_subject(toks, cs, ci, s) {
                // "Younger Russians, he says, "want …"": the pronoun is not the
                // subject of the claim around it (which `note_subject` took for the
                // sentence's).
                let own = if self.subject_here {
                    self.subject.take()
                } else {
                    None
                };
                let spk = self.subject_speaker(toks, k + 1, ci);
                if own.is_some() {
                    self.subject = own;
                }
                let spk = spk?;
                let mods = self.modifiers(toks, &[(cs, k), (s, e)], ci, c);
                // "However, he said, …": a lone connective is no part of the claim.
                let connective = k == cs + 1 && {
                    let w = self.w(&toks[cs]);
                    is_in(w, lexicon::SENTENCE_CONNECTIVES)
                        || is_in(w, lexicon::LEADING_LINKERS)
                        || lexicon::is_subject_adverb(w)
                        || w.ends_with("ly")
                };
                let mut pieces = vec![(toks[cs].s, toks[k - 1].e), (toks[s].s, toks[e - 1].e)];
                if connective {
                    pieces.remove(0);
                }
                return Some(self.found(pieces, ExtractKind::IndirectSpeech, spk, mods));
            }
            let spk = match self.first_predicate(toks, cs, ci) {
                Some((a, v)) => self.subject_speaker(toks, a, v)?,
                None => self.subject_speaker(toks, cs, ci)?,
            };
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
        while end > cs && self.subject_adverb(toks, end - 1) {
            end -= 1;
        }
        let (content_end, spk_start) = self.split_content_first(toks, cs, end)?;
        let spk = self.subject_speaker(toks, spk_start, end)?;
        let spk = self.company_of_claim(toks, cs, &spk).unwrap_or(spk);
        let content_end = self.fronted_apposition(toks, cs, content_end, &spk);
        let (s, e) = (cs, content_end);
        if e <= s || (self.words(toks, s, e) < 2 && !toks[s..e].iter().any(|t| t.k == K::Quote)) {
            return None;
        }
        // "In the House of Commons, May promised to …": a fronted place or time phrase
        // is no claim.
        if self.is_word(toks, s, lexicon::PLACE_TIME_PREPS)
            && self.words(toks, s, e) <= 8
            && toks[s..e].iter().all(|t| t.k == K::Word)
        {
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

    /// "…, the Ostlandic Minister of Heritage, Ana Ruiz said": the speaker's title set
    /// before the name closes no claim; the claim ends at the comma before it (a
    /// definite or indefinite phrase of at most twelve words with a title and no
    /// verb, before a named person). `e` otherwise.
    fn fronted_apposition(&self, toks: &[Tok], s: usize, e: usize, spk: &Spk) -> usize {
        if !spk.person || spk.hop.anonymous {
            return e;
        }
        let Some(c) = (s..e).rev().find(|&k| toks[k].k != K::Word) else {
            return e;
        };
        // (Cheap tests first: this runs for every content-first statement.)
        if toks[c].k != K::Comma
            || !(2..=12).contains(&self.words(toks, c + 1, e))
            || !self.is_word(toks, c + 1, ARTICLES)
            || self.words(toks, s, c) < 3
        {
            return e;
        }
        // The title is the phrase's head, near its start: the phrase ends after it
        // or goes on with its portfolio ("the chief of …", "the ambassador to …"), not with a
        // predicate ("the military directly help …").
        let titled = (c + 2..e.min(c + 6)).any(|k| {
            self.word_at(toks, k).is_some_and(|w| {
                (is_title(w) && !is_in(w, lexicon::ORG_WORDS) || is_in(w, lexicon::ROLE_HEADS))
                    && (k + 1 == e
                        || self.is_word(toks, k + 1, lexicon::ROLE_PREPS)
                        || self.is_word(toks, k + 1, lexicon::POST_LINKS))
            })
        });
        let verb = || {
            (c + 1..e).any(|k| {
                self.word_at(toks, k).is_some_and(|w| {
                    is_in(w, lexicon::CLAUSE_AUX)
                        || w.starts_with(|c: char| c.is_ascii_lowercase())
                            && (w.len() > 4 && w.ends_with("ed") || lexicon::cue(w).is_some())
                })
            })
        };
        let fronted = titled && !verb();
        if fronted {
            c
        } else {
            e
        }
    }

    /// "Shell has begun consultations on …, the company said": a "company" or "firm"
    /// that nothing resolved is the body whose name opens the claim as its subject
    /// (a capitalised run of at most four words, then a lower-case verb; no person,
    /// place or medium).
    fn company_of_claim(&self, toks: &[Tok], s: usize, spk: &Spk) -> Option<Spk> {
        let unresolved = spk.hop.anonymous
            && ["the company", "the firm"]
                .iter()
                .any(|n| spk.hop.name.eq_ignore_ascii_case(n));
        if !unresolved {
            return None;
        }
        let mut a = s;
        while self.is_word(toks, a, lexicon::LEADING_LINKERS) {
            a += 1;
        }
        let mut b = a;
        while self.word_at(toks, b).is_some_and(is_cap) {
            b += 1;
        }
        let run: Vec<&str> = (a..b).filter_map(|k| self.word_at(toks, k)).collect();
        let verb = self.word_at(toks, b).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && !is_in(w, CONNECTORS)
                && !is_in(w, lexicon::NOT_AFTER_SUBJECT_NAME)
        });
        let body_like = (1..=4).contains(&run.len())
            && verb
            && !run.iter().any(|w| {
                is_title(w)
                    // "Twenty-five percent of …" too.
                    || w.split('-').next().is_some_and(|p| is_in(p, NOT_NAMES))
                    || is_in(w, PRONOUNS)
                    || is_in(w, lexicon::PLACE_ENDS)
                    || w.ends_with("'s")
            })
            && !known_first_name(run[0])
            && !is_known_media_run(&run)
            && person_name(&run).is_none_or(|_| is_org(&run));
        body_like.then(|| Spk::named(&run.join(" "), false, false))
    }

    /// "Every lie told to the tribunal would, he said, be a waste …": the comma before
    /// a short subject (a pronoun or a name) whose cue is followed by a comma and the
    /// rest of the claim at `s`. `None` otherwise.
    fn parenthetical_subject(&self, toks: &[Tok], cs: usize, ci: usize, s: usize) -> Option<usize> {
        if s != ci + 2 || toks.get(ci + 1).is_none_or(|t| t.k != K::Comma) {
            return None;
        }
        // (Or a quotation that goes on in lower case: "Issues at the bar, it said,
        // "related to poor management".")
        let quoted = toks.get(s)?.k == K::Quote;
        let first = if quoted {
            self.w(&toks[s])
                .trim_start_matches(|c: char| !c.is_alphanumeric())
        } else {
            self.word_at(toks, s)?
        };
        if !first.starts_with(|c: char| c.is_ascii_lowercase()) {
            return None;
        }
        let k = (cs..ci).rev().find(|&k| toks[k].k != K::Word)?;
        // (Then a short subject before it, no relative clause's opening: "…
        // surveillance that, Ana Ruiz said, "collected" data" is a clause of its own.)
        if quoted
            && (self.words(toks, cs, k) > 10
                || self.is_word(toks, k.saturating_sub(1), lexicon::RELATIVE_PRONOUNS))
        {
            return None;
        }
        let subject = &toks[k + 1..ci];
        let short_name = (1..=3).contains(&subject.len())
            && subject.iter().all(|t| is_cap(self.w(t)))
            || subject.len() == 1 && is_in(self.w(&subject[0]), PRONOUNS);
        (toks[k].k == K::Comma
            && short_name
            && self.words(toks, cs, k) >= 1
            && toks[cs..k]
                .iter()
                .all(|t| matches!(t.k, K::Word | K::Comma)))
        .then_some(k)
    }

    /// "Agencies did not expect a default and said …": with "and"/"but" right before
    /// the cue, the subject ends at the verb of the first predicate: (subject start,
    /// verb). `None` when the cue is not coordinated this way or no verb is seen (the
    /// subject is then read as usual).
    fn first_predicate(&self, toks: &[Tok], cs: usize, ci: usize) -> Option<(usize, usize)> {
        // "… called it a hoax, but has also said": an auxiliary and adverbs may
        // stand between the joiner and the cue (not "then": "and then concluded his
        // remarks" is a sequence of deeds).
        // (Cheap test first: this runs for every cue; a joiner must stand within
        // three words before it.)
        let mut ci = ci;
        let joiner_near = ci > cs + 3
            && (ci - 4..ci - 1).any(|k| self.is_word(toks, k, lexicon::PREDICATE_JOINERS));
        while joiner_near
            && ci > cs + 3
            && (self.is_word(toks, ci - 1, &["has", "have", "had"])
                || self.subject_adverb(toks, ci - 1) && !self.is_word(toks, ci - 1, &["then"]))
            && !self.is_word(toks, ci - 1, lexicon::PREDICATE_JOINERS)
        {
            ci -= 1;
        }
        // "The president used his speech to tout …, and said": one comma may come
        // before the joiner.
        let comma = ci >= 2 && toks[ci - 2].k == K::Comma;
        if ci < cs + 3
            || !self.is_word(toks, ci - 1, lexicon::PREDICATE_JOINERS)
            || toks[cs..ci].iter().enumerate().any(|(k, t)| {
                // "… described it as "a usurpation" and said": a quotation may be
                // part of the first predicate.
                !(matches!(t.k, K::Word | K::Quote) || comma && cs + k == ci - 2)
            })
        {
            return None;
        }
        // "Smuggling became dangerous after ISIL stopped all movement and announced
        // …": a subordinate clause before the joiner, a name right after its
        // subordinator and a past or an auxiliary after the name, has its own
        // subject.
        let sub = (cs + 1..ci - 1).rev().find(|&b| {
            self.word_at(toks, b).is_some_and(|w| {
                w != "as"
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && is_in(w, lexicon::SUBORDINATORS)
            })
        });
        if let Some(b) = sub {
            let the = self.is_word(toks, b + 1, &["the"])
                && self
                    .word_at(toks, b + 2)
                    .is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES));
            let mut v = b + 1 + usize::from(the);
            while v < ci - 1
                && v < b + 4 + usize::from(the)
                && self
                    .word_at(toks, v)
                    .is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES))
            {
                v += 1;
            }
            let verb = self
                .word_at(toks, v)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ed") || is_in(w, lexicon::CLAUSE_AUX));
            if v > b + 1 + usize::from(the) && verb {
                return Some((b + 1, v));
            }
        }
        // One clause, and a subject of at most six words.
        let v = (cs + 1..ci - 1).find(|&v| {
            let Some(w) = self.word_at(toks, v) else {
                return false;
            };
            if w.starts_with(|c: char| !c.is_ascii_lowercase()) {
                return false;
            }
            // ("Ana Ruiz said the plan of the board was "unwise" but insisted …": a
            // reporting verb is the first predicate's verb.)
            let reporting = || {
                !is_in(w, lexicon::NOUN_LIKE_CUES)
                    && lexicon::cue_word(w)
                        .is_some_and(|c| matches!(c.form, Form::Past | Form::Third))
            };
            if is_in(w, lexicon::CLAUSE_AUX) || is_in(w, lexicon::SUBJECT_VERBS) || reporting() {
                return true;
            }
            // A past tense takes an object ("visited the port", "expected a default");
            // a participle modifier takes a noun ("armed police", "the embattled mayor").
            let after_determiner = self.is_word(toks, v - 1, DETERMINERS);
            let next = self.word_at(toks, v + 1).unwrap_or("");
            // After a personal pronoun (and adverbs) any past is the verb ("She also
            // expressed concern … and said").
            let after_pronoun = self.is_word(toks, cs, &["he", "she", "they", "we"])
                && (cs + 1..v).all(|k| self.subject_adverb(toks, k));
            w.len() > 4
                && w.ends_with("ed")
                && !after_determiner
                && (after_pronoun
                    || is_in(next, DETERMINERS)
                    || is_in(next, PRONOUNS)
                    || is_in(next, lexicon::PLACE_TIME_PREPS)
                    || (is_cap(next) && !is_in(next, NOT_NAMES))
                    || next.starts_with(|c: char| c.is_ascii_digit())
                    // "denied having …": a gerund object.
                    || (next.len() > 5 && next.ends_with("ing"))
                    // "declined to comment": an infinitive.
                    || next == "to")
        })?;
        (self.words(toks, cs, v) <= 6).then_some((cs, v))
    }

    /// A quotation token at `q` that holds only a short capitalised name (a
    /// publication's title: "Associated Press", "Die Welt"): the name.
    pub(super) fn quoted_title(&self, toks: &[Tok], q: usize) -> Option<String> {
        let t = toks.get(q).filter(|t| t.k == K::Quote)?;
        let inner: Vec<&str> = self.n[t.s..t.e]
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '.' && c != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        // ("GMA." with the sentence's full stop inside the marks; "U.S." keeps its.)
        let last = inner.last()?;
        let name = if last.matches('.').count() == 1 && last.ends_with('.') {
            inner.join(" ").trim_end_matches('.').to_string()
        } else {
            inner.join(" ")
        };
        ((1..=5).contains(&inner.len()) && inner.iter().all(|w| is_cap(w))).then_some(name)
    }

    /// "X was quoted as saying by Y, …": the medium named after "as saying" (rather
    /// than before it, rulebook example 6), and the token after its phrase, which
    /// runs to the first comma, colon, quotation or "that".
    fn by_after_as_saying(&self, toks: &[Tok], ci: usize) -> Option<(HopSpec, usize)> {
        if ci == 0 || !self.is_word(toks, ci - 1, lexicon::PASSIVE_AUX) {
            return None;
        }
        let b = ci + 3;
        if !(self.is_word(toks, ci + 1, &["as"])
            && self.is_word(toks, ci + 2, lexicon::QUOTED_AS_VERBS)
            && self.is_word(toks, b, &["by", "in"]))
        {
            return None;
        }
        let end = (b + 1..toks.len())
            .find(|&k| toks[k].k != K::Word || self.is_word(toks, k, &["that"]))
            .unwrap_or(toks.len());
        Some((self.relay(toks, b + 1, end, true)?, end))
    }

    /// "Y quoted X as saying …" and "X was quoted (by Y) as saying …".
    fn with_quoted(&mut self, toks: &[Tok], ci: usize) -> Option<Found> {
        let len = toks.len();
        let as_i = (ci + 1..len.min(ci + 14)).find(|&k| {
            self.is_word(toks, k, &["as"]) && self.is_word(toks, k + 1, lexicon::QUOTED_AS_VERBS)
        })?;
        let by_after = self.by_after_as_saying(toks, ci);
        let mut s = by_after.as_ref().map_or(as_i + 2, |b| b.1);
        if self.is_word(toks, s, &["that"]) {
            s += 1;
        }
        while s < len && matches!(toks[s].k, K::Comma | K::Colon) {
            s += 1;
        }
        let e = self.content_end(toks, s);
        let cs = self.clause_start(toks, ci);
        let passive = ci > 0 && self.is_word(toks, ci - 1, lexicon::PASSIVE_AUX);
        // "…, Reuters quoted Ivo Brandt as saying (on Thursday).": nothing but a time
        // or place after the verb, so the claim is the clause before the relay.
        let tail_only = e <= s
            || (self.words(toks, s, e) <= 4
                && toks[s..e].iter().all(|t| t.k == K::Word)
                && self.is_word(toks, s, lexicon::PLACE_TIME_PREPS));
        if tail_only && !passive {
            let (content_end, relay_start) = self.split_content_first(toks, cs, ci)?;
            if self.words(toks, cs, content_end) < 3 {
                return None;
            }
            let relay = self.subject_speaker(toks, relay_start, ci)?;
            let spk = self.subject_speaker(toks, ci + 1, as_i)?;
            let mut mods = self.modifiers(toks, &[(cs, content_end)], ci, Cue::Quoted);
            mods.outer.push(relay.hop);
            return Some(self.found(
                vec![(toks[cs].s, toks[content_end - 1].e)],
                ExtractKind::IndirectSpeech,
                spk,
                mods,
            ));
        }
        if e <= s {
            return None;
        }
        let mut mods = self.modifiers(toks, &[(s, e)], ci, Cue::Quoted);
        let spk = if passive {
            let mut end = ci - 1;
            while end > cs && self.is_word(toks, end - 1, lexicon::AUX_BEFORE_PASSIVE) {
                end -= 1;
            }
            if let Some((r, _)) = by_after {
                mods.outer.push(r);
            } else if self.is_word(toks, ci + 1, &["by", "in"]) {
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

    /// "reported the number of hacked accounts was …": a subject of a noun and an "of"
    /// phrase (the "of" second or third from `p`), then its verb within eight words, all
    /// plain words with no relative pronoun or "that" between.
    fn of_phrase_subject(&self, toks: &[Tok], p: usize) -> bool {
        if !(self.is_word(toks, p + 1, &["of"]) || self.is_word(toks, p + 2, &["of"])) {
            return false;
        }
        (p + 1..toks.len().min(p + 8))
            .take_while(|&j| {
                toks[j].k == K::Word
                    && !self.is_word(toks, j, lexicon::RELATIVE_PRONOUNS)
                    && !self.is_word(toks, j, &["that"])
            })
            .any(|j| self.is_word(toks, j, lexicon::CLAUSE_AUX))
    }

    /// Rulebook R2, nesting in a reported clause: "Nordlicht Wire reported that harbour
    /// master Elke Saarin said two tugs were missing" is one statement, the wire only
    /// relaying: the source that opens the reported clause, with its own cue right after
    /// it (`NESTED_CUES`, perhaps after "had"), becomes the next hop and the claim is
    /// what that source said. Only a short phrase of words that reads as a source and
    /// is named in those words (no pronoun, no resolution to someone named elsewhere),
    /// and only when at least three words remain to say.
    pub(super) fn nest(&mut self, toks: &[Tok], f: &mut Found) {
        // Nothing follows an anonymous hop (`assemble`): "officials said residents say
        // …" keeps its whole claim.
        if f.pieces.len() != 1
            || !f.cited.is_empty()
            || f.speaker.as_ref().is_none_or(|s| s.hop.anonymous)
        {
            return;
        }
        match f.kind {
            ExtractKind::IndirectSpeech => self.nest_in(toks, f),
            // "\"Rescuers say at least nine people are still missing,\" the Herald's
            // correspondent Jonah Feld said." (rulebook example 23): the quotation read
            // as a clause of its own.
            ExtractKind::DirectQuote => {
                // Only the quotation's opening words can hold its source and cue: read
                // those (every quoted statement passes here).
                let mut e = f.span.1.min(f.span.0 + 160);
                while !self.n.is_char_boundary(e) {
                    e -= 1;
                }
                let head = &self.n[f.span.0..e];
                if !head
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| is_in(w, lexicon::NESTED_CUES))
                {
                    return;
                }
                let mut inner = Vec::new();
                crate::extract::text::tokenize(self.n, (f.span.0, e), &[], &mut inner);
                self.nest_in(&inner, f);
            }
            _ => {}
        }
    }

    fn nest_in(&mut self, toks: &[Tok], f: &mut Found) {
        let Some(mut s) = toks.iter().position(|t| t.s >= f.span.0) else {
            return;
        };
        if self.is_word(toks, s, &["that"]) {
            s += 1;
        }
        // "Ruiz said prison officials told him that …": "told" with the outer
        // speaker as its listener (an object pronoun) nests too, when a statement
        // follows ("that", a colon or comma before a quotation, a subject pronoun);
        // "told him to skip it", "told her of allegations" are no statements.
        let told_back = |k: usize| {
            self.is_word(toks, k, &["told"])
                && self.is_word(toks, k + 1, &["him", "her", "them", "me", "us"])
                && toks.get(k + 2).is_some_and(|t| match t.k {
                    K::Comma | K::Colon | K::Quote => true,
                    K::Word => is_in(
                        self.w(t),
                        &["that", "he", "she", "they", "it", "we", "I", "there"],
                    ),
                    _ => false,
                })
        };
        let Some(j) = (s + 1..toks.len().min(s + 8))
            .take_while(|&k| toks[k].k == K::Word)
            .find(|&k| self.is_word(toks, k, lexicon::NESTED_CUES) || told_back(k))
        else {
            return;
        };
        let subject_end = if self.is_word(toks, j - 1, lexicon::NESTED_AUX) {
            j - 1
        } else {
            j
        };
        let mut c = j + 1 + usize::from(told_back(j));
        if self.is_word(toks, c, &["that"]) {
            c += 1;
        }
        let end = toks
            .iter()
            .rposition(|t| t.e <= f.span.1)
            .map_or(0, |k| k + 1);
        if subject_end <= s || c >= end || self.words(toks, c, end) < 3 {
            return;
        }
        let words: Vec<&str> = toks[s..subject_end].iter().map(|t| self.w(t)).collect();
        // The phrase opens with a name or a determiner, is one word ("police"), or is
        // a role before a name ("harbour master Elke Saarin"): "throwing person from
        // helicopter De Lima has said" is scraped debris.
        let named_from = words.iter().position(|w| is_cap(w)).unwrap_or(words.len());
        let role_before_name = named_from > 0
            && words.len() - named_from >= 2
            && words[..named_from].iter().all(|w| {
                !w.ends_with("ing")
                    && !is_in(w, lexicon::ROLE_PREPS)
                    && !is_in(w, lexicon::SPEAKER_PHRASE_CUTS)
            });
        // "Hence the said decision …": "said" after a determiner is an adjective.
        if words.last().is_some_and(|w| is_in(w, DETERMINERS)) {
            return;
        }
        let opens = is_cap(words[0])
            || is_in(words[0], DETERMINERS)
            || words.len() == 1
            || role_before_name;
        let cue_lower = self
            .w(&toks[j])
            .starts_with(|c: char| c.is_ascii_lowercase());
        if !opens
            || !cue_lower
            || words.iter().any(|w| {
                let lw = w.to_ascii_lowercase();
                is_in(&lw, PRONOUNS)
                    || is_in(&lw, lexicon::NESTED_NOT_SOURCE)
                    || is_in(&lw, lexicon::NESTED_CUES)
            })
        {
            return;
        }
        let Some(inner) = self.speaker(toks, (s, subject_end)) else {
            return;
        };
        let head = inner.hop.name.split_whitespace().last().unwrap_or("");
        if inner.hop.name.is_empty()
            || (!inner.hop.anonymous && !words.iter().any(|w| w.contains(head)))
            || !crate::extract::validity::valid_source(&inner.hop)
        {
            return;
        }
        let (a, b) = super::trim_punct(self.n, toks[c].s, f.span.1);
        f.span = (a, b);
        f.pieces = vec![(a, b)];
        f.cited.push(inner.hop);
    }

    /// "a Dravel Post report", "the Reuters claim": where the name of a medium or a
    /// body that premodifies the statement noun at `i` starts (after "a", "an" or
    /// "the", at most four capitalised words).
    fn medium_before_noun(&self, toks: &[Tok], i: usize) -> Option<usize> {
        let mut a = i;
        while a > 0
            && i - a < 4
            && self
                .word_at(toks, a - 1)
                .is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES) && !w.ends_with("'s"))
        {
            a -= 1;
        }
        let run: Vec<&str> = (a..i).map(|j| self.w(&toks[j])).collect();
        (a < i
            && self.is_word(toks, a.wrapping_sub(1), &["a", "an", "the"])
            && (is_known_media_run(&run) || is_org(&run)))
        .then_some(a)
    }

    /// Is the word before `i` a document the subject put out ("issued a statement",
    /// "signed letters", "posted a brief message"), perhaps with where it was put
    /// ("posted a statement on its Facebook page")? Then "saying" after it needs no comma.
    pub(super) fn issued_doc_before(&self, toks: &[Tok], i: usize) -> bool {
        let doc = if self.is_word(toks, i.wrapping_sub(1), lexicon::ISSUED_DOCS) {
            i - 1
        } else {
            // "… a statement on its website saying": a short place phrase between;
            // "… a message this morning saying": a time phrase.
            match (i.saturating_sub(8)..i.saturating_sub(2)).rev().find(|&d| {
                self.is_word(toks, d, lexicon::ISSUED_DOCS)
                    && (self.is_word(toks, d + 1, lexicon::ISSUED_WHERE)
                        || self.is_word(toks, d + 1, lexicon::TIME_OPENERS)
                        || self.is_word(toks, d + 1, lexicon::CALENDAR))
            }) {
                Some(d) if toks[d..i].iter().all(|t| t.k == K::Word) => d,
                _ => return false,
            }
        };
        doc >= 2
            && (doc.saturating_sub(4)..doc).any(|k| {
                self.word_at(toks, k).is_some_and(|w| {
                    is_in(w, lexicon::ISSUING_VERBS)
                        && w.starts_with(|c: char| c.is_ascii_lowercase())
                }) && toks[k..doc].iter().all(|t| t.k == K::Word)
            })
    }

    /// The "with" that opens an absolute clause whose subject runs up to the
    /// participle at `pi` ("with residents saying", "with Ana Ruiz telling"): at most
    /// seven words, none of them a verb or "and", and no punctuation between. The
    /// "with" opens the sentence or follows a comma: "met with Ana Ruiz and saying",
    /// "agreed with Ruiz saying", "cartons with stickers stating" are no such clause.
    pub(super) fn absolute_with(&self, toks: &[Tok], pi: usize) -> Option<usize> {
        let k = (pi.saturating_sub(8)..pi.saturating_sub(1))
            .rev()
            .find(|&k| self.is_word(toks, k, &["with"]))?;
        let opens = k == 0 || toks[k - 1].k == K::Comma;
        let subject_only = toks[k + 1..pi].iter().all(|t| {
            t.k == K::Word && {
                let w = self.w(t);
                !(is_in(w, lexicon::CLAUSE_AUX)
                    || is_in(w, &["and"])
                    || w.len() > 4 && w.ends_with("ing"))
            }
        });
        (opens && subject_only).then_some(k)
    }

    /// "X did something, saying (that) …": the subject of the sentence said it.
    pub(super) fn with_participle(&mut self, toks: &[Tok], pi: usize) -> Option<Found> {
        let len = toks.len();
        // "…, accusing the country of …": an evaluative act needs its frame.
        if let Some(cw) = lexicon::cue_word(self.w(&toks[pi])) {
            if cw.frame == Frame::Evaluative && !self.evaluative_object(toks, pi, cw.lemma) {
                return None;
            }
        }
        let mut s = pi + 1;
        // "…, telling reporters that …": the listener comes first; only a "that", a
        // colon or a quotation after it opens the content.
        if self.is_word(toks, pi, lexicon::TELLING) {
            s = self.np_end(toks, s);
            let opens = self.is_word(toks, s, &["that"])
                || toks
                    .get(s)
                    .is_some_and(|t| matches!(t.k, K::Colon | K::Quote));
            if s == pi + 1 || !opens {
                return None;
            }
        }
        while s < len
            && (matches!(toks[s].k, K::Comma | K::Colon) || self.is_word(toks, s, &["that"]))
        {
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
        // "…, with the committee justifying the awards by explaining that …": the
        // subject of the "with" clause the means belongs to.
        if self.is_word(toks, pi - 1, &["by"]) {
            let absolute =
                |k: usize| k > cs && toks[k - 1].k == K::Comma && self.is_word(toks, k, &["with"]);
            if let Some(w) = (cs..pi - 1).rev().find(|&k| absolute(k)) {
                let ing = (w + 2..(pi - 1).min(w + 7)).find(|&k| {
                    self.word_at(toks, k).is_some_and(|x| {
                        x.len() > 5
                            && x.ends_with("ing")
                            && x.starts_with(|c: char| c.is_ascii_lowercase())
                    })
                });
                if let Some(g) = ing {
                    a = w + 1;
                    seg_end = g;
                }
            }
        }
        // "…, with residents saying …": the absolute clause's subject.
        if let Some(w) = self.absolute_with(toks, pi).filter(|&w| w >= cs) {
            a = w + 1;
            seg_end = pi;
        }
        if a >= seg_end {
            return None;
        }
        let mut v = a;
        while v < seg_end {
            if let Some(w) = self.word_at(toks, v) {
                let verbish = v > a
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && (w.ends_with("ed")
                        || is_in(w, lexicon::SUBJECT_VERBS)
                        || is_in(w, lexicon::ISSUING_VERBS));
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

    /// "According to X, …" and "…, according to X".
    pub(super) fn with_according(&mut self, toks: &[Tok], a: usize) -> Option<Found> {
        let len = toks.len();
        let np_s = a + 2;
        let mut np_e = np_s;
        while np_e < len && toks[np_e].k == K::Word {
            np_e += 1;
        }
        if np_e == np_s {
            return None;
        }
        // "according to a statement issued by X prior to the service": the time
        // phrase is no part of the source.
        if let Some(k) = (np_s + 2..np_e)
            .find(|&k| self.is_word(toks, k, &["prior"]) && self.is_word(toks, k + 1, &["to"]))
        {
            np_e = k;
        }
        // Split off "quoted in/by Y", "carried by Y", "cited by Y".
        let mut src_e = np_e;
        let mut outer = Vec::new();
        let mut author = None;
        for k in np_s..np_e {
            // "according to the water agency as photos showed …": a subordinate clause
            // after the source ends it ("as well as" joins two sources).
            if k > np_s + 1
                && self.is_word(toks, k, lexicon::SUBORDINATORS)
                && !self.is_word(toks, k + 1, &["well"])
                && !self.is_word(toks, k - 1, &["as", "well", "such"])
            {
                src_e = k;
                break;
            }
            // "according to Ostland's statistics office on Feb 24": a date ends it
            // ("a report released on Jan 8 by X" names its author after the date).
            if k > np_s
                && self.is_date_after_on(toks, k)
                && !(k..np_e).any(|j| self.is_word(toks, j, &["by"]))
            {
                src_e = k;
                break;
            }
            if self.is_word(toks, k, lexicon::CARRIED_BY_VERBS)
                && self.is_word(toks, k + 1, &["by", "in", "on"])
            {
                src_e = k;
                if let Some(r) = self.relay(toks, k + 2, np_e, true) {
                    outer.push(r);
                } else if np_e == k + 3 && self.is_word(toks, k + 2, lexicon::OWN_INSTITUTIONS) {
                    // "according to a bulletin published by police": the author.
                    author = Some(Spk::named(self.w(&toks[k + 2]), false, false));
                    src_e = np_s;
                }
                break;
            }
            // "according to a four-decade study that found …", "a government agency
            // tasked with …": a relative clause or a participle (with no author after
            // it: "a report released on Monday by X") ends it too.
            // (The participle only after a body's noun, and with no name after it:
            // "a study published in the Lancet" is the journal's, "a diplomat
            // involved in the talks" keeps its description.)
            let body_noun = |j: usize| {
                (self.is_word(toks, j, lexicon::INSTITUTIONS)
                    || self.is_word(toks, j, lexicon::ORG_REFS))
                    && !self.is_word(toks, j, DOCS)
            };
            // (Neither with a name inside: "a letter that Ana Ruiz sent" is hers.)
            // ("rules announced today in the wake of …": after any noun when a time
            // word follows and no author after "by".)
            let past = self.word_at(toks, k).is_some_and(past_form);
            let timed =
                past && self.is_word(
                    toks,
                    k + 1,
                    &["today", "yesterday", "earlier", "last", "this"],
                ) && !(k..np_e).any(|j| self.is_word(toks, j, &["by"]));
            let participle = past && body_noun(k - 1) || timed;
            if k > np_s
                && (self.is_word(toks, k, &["that", "which", "who"]) && k > np_s + 1 || participle)
                && (timed || !(k..np_e).any(|j| self.word_at(toks, j).is_some_and(is_cap)))
                && self.word_at(toks, k - 1).is_some_and(|w| !is_cap(w))
            {
                src_e = k;
                break;
            }
        }
        let cs = self.clause_start(toks, a);
        // "as reported by X" starts at its "as".
        let lead = if a > 0 && self.is_word(toks, a, &["reported"]) {
            a - 1
        } else {
            a
        };
        let mut apposition_author = None;
        // "\"The camps are full,\" according to the Harbour Board.": a quotation
        // opening the sentence is the claim (`clause_start` is past it).
        // (The comma is inside the quotation's token or after it.)
        let comma = usize::from(lead >= 1 && toks[lead - 1].k == K::Comma);
        // "… a "high rate of speed," according to …": a comma closing a quotation
        // ends the clause as a comma after it does.
        let quote_comma = lead >= 1 && self.quote_with_comma(toks, lead - 1);
        let quote_first = lead > comma
            && toks[lead - comma - 1].k == K::Quote
            && (comma == 1 || quote_comma)
            && !toks[..lead - comma - 1].iter().any(|t| t.k == K::Word);
        // "However, according to X, …", "Rather, according to X, …": a linking word
        // and its comma open the sentence before the phrase.
        let linked = lead == cs + 2
            && toks[cs + 1].k == K::Comma
            && self.word_at(toks, cs).is_some_and(|w| {
                is_in(w, lexicon::LEADING_LINKERS)
                    || is_in(w, &["rather", "well"])
                    || w.len() > 5 && w.ends_with("ly")
            });
        // "…, and according to X, the problem …", "… but according to X, …", "…,
        // where according to X, rates are …": a clause joined to the sentence opens
        // with the phrase.
        let joined = lead > cs + 1
            && self.is_word(toks, lead - 1, &["and", "but", "where", "while", "whereas"])
            && (toks[lead - 2].k == K::Comma || !self.is_word(toks, lead - 1, &["and"]));
        let opens = lead <= cs + 1 || linked || joined;
        // "According to Television New Zealand (TVNZ), …": an abbreviation in
        // brackets after the source.
        let np_next = if toks.get(np_e).is_some_and(|t| t.k == K::Open)
            && toks.get(np_e + 1).is_some_and(|t| t.k == K::Word)
            && toks.get(np_e + 2).is_some_and(|t| t.k == K::Close)
        {
            np_e + 3
        } else {
            np_e
        };
        let (s, e) = if quote_first {
            (lead - comma - 1, lead - comma)
        } else if opens && np_next < len && toks[np_next].k == K::Comma {
            let mut s = np_next + 1;
            // "According to a new study, released in November by X, there were …":
            // a participle phrase describes the document (and may name its author,
            // X); the claim follows it. So do a relative clause and an indefinite
            // apposition ("According to TVNZ, which broke the story, …").
            // (An apposition only when it reads as one: no verb, and a word for a
            // person's role or a body; "according to police, a preliminary analysis
            // found …" opens the claim.)
            let apposition = |c: usize| {
                let ws = (s + 1..c).filter_map(|k| self.word_at(toks, k));
                let mut role = false;
                for w in ws {
                    let lower = w.starts_with(|c: char| c.is_ascii_lowercase());
                    if lower
                        && (w.len() > 4 && w.ends_with("ed")
                            || is_in(w, lexicon::BODY_SUBJECT_VERBS)
                            || is_in(w, lexicon::CLAUSE_AUX))
                    {
                        return false;
                    }
                    role |= lower
                        && (is_title(w)
                            || is_in(w, lexicon::ORG_WORDS)
                            || is_in(w, lexicon::FIRM_NOUNS)
                            || is_in(w, lexicon::MEDIUM_KINDS)
                            || lexicon::AGENT_SUFFIXES.iter().any(|x| w.ends_with(x)));
                }
                role
            };
            let opener = self.word_at(toks, s).unwrap_or("");
            // ("According to Dr Ana Ruiz, the executive director of the centre,
            // rates are …": a definite apposition after a name too.)
            let named =
                self.has_name(toks, np_s, np_e) && self.word_at(toks, np_e - 1).is_some_and(is_cap);
            let described = is_in(opener, &["which", "who"])
                || (is_in(opener, &["a", "an"]) || named && opener == "the")
                    && (s + 1..len.min(s + 16))
                        .find(|&k| toks[k].k == K::Comma)
                        .is_some_and(apposition);
            if described
                || opener.ends_with("ed") && opener.starts_with(|c: char| c.is_ascii_lowercase())
            {
                if let Some(c) = (s + 1..len.min(s + 14)).find(|&k| toks[k].k == K::Comma) {
                    apposition_author = (s + 1..c)
                        .find(|&k| self.is_word(toks, k, &["by"]))
                        .filter(|&k| k + 1 < c && self.has_name(toks, k + 1, c))
                        .map(|k| (k + 1, c));
                    s = c + 1;
                }
            }
            (s, self.content_end(toks, s))
        } else if lead > cs + 1
            && (toks[lead - 1].k == K::Comma
                || quote_comma
                || self.unpunctuated_source(toks, lead, np_s, np_e))
        {
            // The comma is left out of the claim; a closing quotation is kept.
            (
                cs,
                if toks[lead - 1].k == K::Comma {
                    lead - 1
                } else {
                    lead
                },
            )
        } else {
            return None;
        };
        if e <= s || (self.words(toks, s, e) < 2 && !toks[s..e].iter().any(|t| t.k == K::Quote)) {
            return None;
        }
        let mut spk = if src_e > np_s {
            self.document_source(toks, np_s, src_e)
        } else {
            author
        };
        if let Some(author) = apposition_author {
            if let Some(a) = self.speaker(toks, author) {
                spk = Some(a);
            }
        }
        // "according to a report published by X", "according to figures released by
        // X": X, not the unnamed document.
        if !outer.is_empty()
            && spk.as_ref().is_none_or(|s| s.hop.anonymous)
            && (np_s..src_e).any(|k| self.is_word(toks, k, DOCS))
        {
            spk = None;
        }
        // "the nonprofit Citizens for Responsibility and Ethics in Washington (CREW)":
        // a capitalised run whose initials spell the abbreviation after it is the
        // source's whole name ("in Washington" is no place phrase here).
        if np_next > np_e {
            let abbr = self.w(&toks[np_e + 1]);
            let mut r = np_e;
            while r > np_s
                && self
                    .word_at(toks, r - 1)
                    .is_some_and(|w| is_cap(w) || is_in(w, CONNECTORS) || is_in(w, &["in", "at"]))
            {
                r -= 1;
            }
            while r < np_e && !self.word_at(toks, r).is_some_and(is_cap) {
                r += 1;
            }
            let run: Vec<&str> = (r..np_e).map(|k| self.w(&toks[k])).collect();
            let initials: String = run
                .iter()
                .filter(|w| is_cap(w))
                .flat_map(|w| w.split('-'))
                .filter_map(|w| {
                    if w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase()) {
                        Some(w.to_string())
                    } else {
                        w.chars().next().map(String::from)
                    }
                })
                .collect();
            // Only to complete a name read short ("Washington", "Anti-Doping"), not
            // over a source inside the body ("a source in the Deposit Insurance
            // Agency (DIA)").
            let name = run.join(" ");
            let short = spk
                .as_ref()
                .is_none_or(|s| !s.hop.anonymous && name.contains(s.hop.name.as_str()));
            if run.len() >= 2 && short && initials.eq_ignore_ascii_case(abbr) {
                spk = Some(Spk::named(&name, false, is_known_media_run(&run)));
            }
        }
        // "…, according to the panel's chair, Ana Ruiz."
        if !opens && np_e + 1 < len && toks[np_e].k == K::Comma {
            let tail_end = (np_e + 1..len)
                .find(|&j| toks[j].k != K::Word)
                .unwrap_or(len);
            if tail_end + 1 >= len && (1..=4).contains(&self.words(toks, np_e + 1, tail_end)) {
                if let Some(p) = self.speaker(toks, (np_e + 1, tail_end)) {
                    if p.person && !p.hop.anonymous {
                        spk = Some(p);
                    }
                }
            }
        }
        let mut pieces = vec![(toks[s].s, toks[e - 1].e)];
        // "His message, according to an official, was forceful": the claim continues
        // after the phrase (unless the tail is the speaker's name, read above).
        if !opens && np_e + 1 < len && toks[np_e].k == K::Comma {
            let t_s = np_e + 1;
            let t_e = self.content_end(toks, t_s);
            // A short tail, or a role ("information officer of the Ostland Lab",
            // "public policy coordinator at the Hotline": an agent noun before the
            // first preposition).
            let role = (t_s..t_e.min(t_s + 5))
                .take_while(|&j| !self.is_word(toks, j, lexicon::ROLE_PREPS))
                .any(|j| {
                    self.word_at(toks, j).is_some_and(|w| {
                        !is_cap(w)
                            && (is_in(w, lexicon::TITLES)
                                || is_in(w, lexicon::PERSON_REFS)
                                || lexicon::AGENT_SUFFIXES.iter().any(|x| w.ends_with(x))
                                    && !is_in(w, lexicon::NOT_AGENT_NOUNS))
                    })
                });
            let named_tail = spk.as_ref().is_some_and(|p| p.person)
                && (t_s..t_e).all(|j| toks[j].k == K::Word)
                && (self.words(toks, t_s, t_e) <= 4 || role);
            if !named_tail
                && t_e > t_s
                && self.words(toks, t_s, t_e) >= 2
                && self.word_at(toks, t_s).is_some_and(|w| {
                    // Determiners include the articles; the openers include the
                    // relative pronouns.
                    !is_cap(w)
                        && !is_in(w, DETERMINERS)
                        && !is_in(w, lexicon::NOT_PREDICATE_OPENERS)
                        && !w.ends_with("ing")
                })
            {
                pieces.push((toks[t_s].s, toks[t_e - 1].e));
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
        Some(self.found(pieces, ExtractKind::AccordingTo, spk, mods))
    }

    /// The source named in an "according to" phrase, seeing through documents
    /// ("a statement from the ministry", "the report" = the last outlet's report).
    fn document_source(&mut self, toks: &[Tok], s: usize, e: usize) -> Option<Spk> {
        // "according to Ana Ruiz's Twitter page", "his Facebook account": a person's
        // own page is the person, not the platform (rulebook R2: no relay).
        // (The owner opens the phrase: "a post on the centre's Facebook page" is an
        // unnamed document.)
        if let Some(p) = (s..e.min(s + 5)).find(|&k| {
            self.is_word(toks, k + 1, lexicon::PLATFORMS)
                && self
                    .word_at(toks, k)
                    .is_some_and(|w| w.ends_with("'s") || is_in(w, lexicon::POSSESSIVES))
                && (s..k).all(|j| self.word_at(toks, j).is_some_and(is_cap))
        }) {
            let owner: Vec<&str> = (s..=p)
                .filter_map(|j| self.word_at(toks, j))
                .map(|w| w.trim_end_matches("'s"))
                .collect();
            return match owner[..] {
                [w] if is_in(w, &["his", "her"]) => {
                    self.resolve_gendered(w.eq_ignore_ascii_case("her"))
                }
                [w] if is_in(w, lexicon::POSSESSIVES) => None,
                _ => self.phrase_speaker(&owner),
            };
        }
        let mut k = s;
        // "a 2014 Pew Research Center survey": a year is a modifier too.
        while k < e
            && (self.is_word(toks, k, lexicon::DOC_MODIFIERS)
                || self
                    .word_at(toks, k)
                    .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())))
        {
            k += 1;
        }
        // "a CDC flu report", "the Pentagon's report last week": the capitalised owner
        // in front of the document, when one names a body.
        if k < e && self.word_at(toks, k).is_some_and(is_cap) {
            let mut c = k;
            while c < e && self.word_at(toks, c).is_some_and(is_cap) {
                c += 1;
            }
            let mut d = c;
            while d < e
                && d < c + 2
                && self
                    .word_at(toks, d)
                    .is_some_and(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
                && !self.is_word(toks, d, DOCS)
            {
                d += 1;
            }
            let owner: Vec<&str> = (k..c)
                .filter_map(|j| self.word_at(toks, j))
                .map(|w| w.trim_end_matches("'s"))
                .collect();
            let body = is_org(&owner) || owner.len() == 1 && acronym(owner[0]);
            if body && d < e && self.is_word(toks, d, DOCS) {
                return Some(Spk::named(&owner.join(" "), false, false));
            }
        }
        // "trading data", "market figures": lower-case modifiers before the document.
        if let Some(d) = (k + 1..e.min(k + 3)).find(|&d| self.is_word(toks, d, DOCS)) {
            // ("census data": a document word may modify the last.)
            let d = (d + 1..e.min(k + 3))
                .take_while(|&j| self.is_word(toks, j, DOCS))
                .last()
                .unwrap_or(d);
            let plain = (k..d).all(|j| {
                self.word_at(toks, j).is_some_and(|w| {
                    w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                        && !is_in(w, lexicon::ORG_WORDS)
                        && !is_in(w, lexicon::INSTITUTIONS)
                        && (!is_in(w, DOCS) || j + 1 == d)
                })
            });
            // (Not a document word that modifies the next noun: "the research and
            // consulting group PHI".)
            let ends = d + 1 >= e
                || self.word_at(toks, d + 1).is_some_and(|w| w.ends_with("ed"))
                || self.is_word(toks, d + 1, lexicon::PLACE_TIME_PREPS)
                || self.is_word(toks, d + 1, lexicon::DOC_OWNER_PREPS);
            if plain && ends {
                k = d;
            }
        }
        // "research firm IDC", "data company Brindle": a document word that modifies a
        // body's noun names no document.
        let modifier = self.is_word(toks, k + 1, lexicon::FIRM_NOUNS);
        if k < e && self.is_word(toks, k, DOCS) && !modifier {
            let doc = self.w(&toks[k]);
            let mut j = k + 1;
            // "a study in the Journal of Clinical Oncology": the journal it is in.
            let in_medium = |j: usize| {
                self.is_word(toks, j, &["in"])
                    && (j + 1..e).any(|m| {
                        self.word_at(toks, m)
                            .is_some_and(|w| is_cap(w) && is_in(w, lexicon::MEDIA_WORDS))
                    })
            };
            while j < e && !self.is_word(toks, j, lexicon::DOC_OWNER_PREPS) && !in_medium(j) {
                j += 1;
            }
            if j + 1 < e {
                let owner = self.speaker(toks, (j + 1, e));
                // "according to a record of the interview": what follows is the
                // document's topic, not its author; an unnamed document.
                if owner.is_none() && self.is_word(toks, s, lexicon::INDEFINITE_OPENERS) {
                    let d = self.n[toks[s].s..toks[e - 1].e].to_string();
                    return Some(Spk::anonymous(&d, false));
                }
                // A later "the summary" is this author's ("according to a summary
                // released by the committee"; `doc_owner` notes only named authors).
                // (Only an author: "a report by X", "a summary released by X"; not a
                // medium that obtained it.)
                let author = self.is_word(toks, j, DOC_AUTHOR_PREPS)
                    && (j == k + 1 || j == k + 2 && self.is_word(toks, k + 1, lexicon::AUTHORING));
                if let Some(o) = owner.as_ref().filter(|o| author && !o.hop.anonymous) {
                    self.note_doc((doc.to_ascii_lowercase(), o.clone()));
                }
                return owner;
            }
            // "according to reports", "according to a report released Wednesday": an
            // unnamed document is an anonymous source (rulebook R3); not one whose
            // author is named inside ("a letter that Ana Ruiz sent").
            // "according to official figures": a plural or mass document with only
            // lower-case modifiers is unnamed too ("government figures" is the
            // government's, not read here).
            let bare = is_in(doc, lexicon::BARE_DOCS)
                && (s..k).all(|j| {
                    self.word_at(toks, j).is_some_and(|w| {
                        w.starts_with(|c: char| c.is_ascii_lowercase())
                            && !is_in(w, lexicon::ORG_WORDS)
                            && !is_in(w, lexicon::INSTITUTIONS)
                    })
                });
            let unnamed = (self.is_word(toks, s, lexicon::INDEFINITE_OPENERS) || bare)
                && !self.has_name(toks, k + 1, e)
                && !is_in(doc, &["statement", "document", "documents"]);
            if is_in(doc, &["reports"]) || unnamed {
                // Without a participle after it ("figures released" on Tuesday).
                let end = (k + 1..e)
                    .find(|&j| self.word_at(toks, j).is_some_and(past_form))
                    .unwrap_or(e);
                let d = self.n[toks[s].s..toks[end - 1].e].to_string();
                return Some(Spk::anonymous(&d, false));
            }
            if k > s && self.is_word(toks, k - 1, lexicon::DOC_BACK_REFS) && k + 1 == e {
                // The document introduced before with its author ("a summary released
                // by the committee … According to the summary, …"), else the latest
                // medium or body that spoke.
                let lower = doc.to_ascii_lowercase();
                if let Some((_, author)) = self.docs.iter().rev().find(|d| d.0 == lower) {
                    return Some(author.clone());
                }
                if let Some(body) = self.resolve_org(true).or_else(|| self.resolve_org(false)) {
                    return Some(body);
                }
            }
            // "according to the new study", "according to court documents": read as
            // "the study said" would be (the document introduced before, else an
            // unnamed document). Not with words after the document ("a letter Ana
            // Ruiz sent to …", "statistics released in Lima"): its author, if any, is
            // inside.
            if k + 1 == e {
                // "according to his congressional biography": a person's document the
                // rules cannot read as anyone's is still an unnamed source.
                let personal = self.is_word(toks, s, &["his", "her", "their"]);
                return self.speaker(toks, (s, e)).or_else(|| {
                    personal.then(|| Spk::anonymous(&self.n[toks[s].s..toks[e - 1].e], false))
                });
            }
            return None;
        }
        self.speaker(toks, (s, e))
    }

    /// "… but later "apologised to the authorities" according to a military source.":
    /// an "according to" without its comma attributes only when a source noun heads
    /// the phrase and the phrase ends the sentence ("according to plan", "according to
    /// the laws of physics" and "dressed according to the motto" do not).
    fn unpunctuated_source(&self, toks: &[Tok], lead: usize, np_s: usize, np_e: usize) -> bool {
        let ends = np_e + 1 >= toks.len() && toks.get(np_e).is_none_or(|t| t.k == K::Other);
        // The head comes before the phrase's "of"/"from" ("the chief executive officer
        // of X", "the latest data from X").
        let of = (np_s..np_e)
            .find(|&k| self.is_word(toks, k, lexicon::DOC_OWNER_PREPS))
            .unwrap_or(np_e);
        let head = (np_s..of)
            .rev()
            .filter_map(|k| self.word_at(toks, k))
            .find(|w| !is_cap(w) || is_title(w));
        // (Up to ten words: "the latest figures from the National Treatment
        // Purchase Fund".)
        ends && matches!(toks[lead - 1].k, K::Word | K::Quote)
            && (np_e - np_s) <= 10
            && head.is_some_and(|h| {
                is_in(h, lexicon::ANON_NOUNS)
                    || is_in(h, DOCS)
                    || is_in(h, lexicon::SPOKES_WORDS)
                    || is_title(h)
            })
    }

    /// Is token `k` a quotation that closes with a comma inside it ("…,")?
    fn quote_with_comma(&self, toks: &[Tok], k: usize) -> bool {
        toks[k].k == K::Quote && self.n[..toks[k].e].trim_end().ends_with(',')
    }

    /// The quotation that a cue at `ci` attributes: the last one before the cue,
    /// followed by at most a speaker phrase. The flag is set when words precede the
    /// quotation (a partial quotation inside reported speech).
    fn quote_before(&self, toks: &[Tok], ci: usize) -> Option<(usize, bool)> {
        let q = (0..ci).rev().find(|&k| toks[k].k == K::Quote)?;
        let words = self.words(toks, q + 1, ci);
        // "… as "a usurpation" and said …": a cue joined to the predicate before is
        // not the quotation's attribution.
        if ci == q + 2 && self.is_word(toks, q + 1, lexicon::PREDICATE_JOINERS) {
            return None;
        }
        if words > 24
            || toks[q + 1..ci]
                .iter()
                .any(|t| matches!(t.k, K::Quote | K::Colon | K::Break))
        {
            return None;
        }
        // Words before the quotation make it a partial quotation closing reported
        // speech, unless they hold a cue of their own (then only the quotation counts).
        // (A passive is no cue of its own: "Ana Ruiz is accused of shooting him
        // before a showing of "Lone Survivor," police said.")
        let passive = |k: usize| k > 0 && self.is_word(toks, k - 1, lexicon::PASSIVE_AUX);
        let own_cue = (0..q).any(|k| {
            let t = &toks[k];
            t.k == K::Word
                && self.w(t).starts_with(|c: char| c.is_ascii_lowercase())
                && lexicon::cue_word(self.w(t))
                    .is_some_and(|c| matches!(c.form, Form::Past | Form::Third))
                && !passive(k)
        });
        // A quotation of a whole sentence (a capital and more than six words) after
        // words that do not lead into it is a sentence of its own whose full stop the
        // scrape lost ("… to cling to power "The trend is worrying," Ames said").
        let glued_sentence = || {
            self.n[toks[q].s..].starts_with(|c: char| c.is_uppercase())
                && self.n[toks[q].s..toks[q].e].split_whitespace().count() > 6
                && toks[q - 1].k != K::Comma
                && self
                    .word_at(toks, q - 1)
                    .is_none_or(|w| !lexicon::leads_in(w))
        };
        let lead = toks[..q].iter().any(|t| t.k == K::Word)
            && !own_cue
            && !toks[..q].iter().any(|t| t.k == K::Colon)
            && !glued_sentence();
        if lead {
            // Only "… "quoted words," speaker said" with a comma after the quotation.
            let comma_inside = self.quote_with_comma(toks, q);
            if !(toks.get(q + 1).map(|t| t.k) == Some(K::Comma) || comma_inside) || words > 12 {
                return None;
            }
            // Two quotations before the cue, or a clause after the quotation ("… a
            // "quantum leap," it could make defences obsolete, Ana Ruiz said"): the
            // claim runs to the comma before the speaker, read as content first.
            let first = (q + 1..ci).find(|&k| toks[k].k == K::Word);
            let clause_after = first.is_some_and(|k| self.is_word(toks, k, PRONOUNS))
                && toks[q + 1..ci].iter().any(|t| t.k == K::Comma);
            if clause_after || toks[..q].iter().any(|t| t.k == K::Quote) {
                return None;
            }
            // "Three years after it appeared on "Shark Tank," Ana Ruiz said he was
            // shocked …": a cue with a clause of its own after it does not close the
            // quoted title before it.
            // ("Speaking on "Real Time with Bill Maher," the anchor acknowledged that
            // …": any cue with "that" and a clause.)
            if (self.is_word(toks, ci, &["said", "says"]) && self.is_word(toks, ci + 1, PRONOUNS)
                || self.is_word(toks, ci + 1, &["that"]))
                && self.words(toks, ci + 1, toks.len()) >= 3
            {
                return None;
            }
        }
        Some((q, lead))
    }

    /// Is the sentence only an attribution: a subject, a reporting verb and at most a
    /// recipient and a time or place ("Ana Ruiz, chief of the bureau, said at a news
    /// conference.", "He told the Daily Post on Monday.")? Then it attributes the
    /// quotation that ended the sentence before with a full stop, question or
    /// exclamation mark inside its quotation marks (`analyse` reads the two as one).
    pub(super) fn attribution_only(&self, toks: &[Tok]) -> bool {
        if toks.iter().any(|t| t.k == K::Quote) || !self.word_at(toks, 0).is_some_and(is_cap) {
            return false;
        }
        let Some(ci) = (1..toks.len().min(16)).find(|&k| {
            self.word_at(toks, k).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase())
                    && lexicon::cue_word(w).is_some_and(|c| {
                        matches!(c.form, Form::Past | Form::Third)
                            && matches!(c.frame, Frame::Bare | Frame::Clausal | Frame::Told)
                    })
            })
        }) else {
            return false;
        };
        if toks[..ci]
            .iter()
            .any(|t| matches!(t.k, K::Colon | K::Break))
        {
            return false;
        }
        // The subject: a pronoun, or a name (capitalised words and their connectors),
        // then at most an apposition closed by a comma before the verb ("Ana Ruiz,
        // chief of the bureau, said"); never a clause ("No evidence has been found").
        let first = toks[..ci].iter().position(|t| t.k != K::Word).unwrap_or(ci);
        let pronoun = first == 1 && self.is_word(toks, 0, PRONOUNS);
        let name = first <= 8
            && toks[..first].iter().all(|t| {
                let w = self.w(t);
                is_cap(w) || is_in(w, CONNECTORS)
            });
        let apposition = first == ci || toks[first].k == K::Comma && toks[ci - 1].k == K::Comma;
        if !(pronoun || name) || !apposition {
            return false;
        }
        let mut j = ci + 1;
        if lexicon::cue(self.w(&toks[ci])) == Some(Cue::Told) {
            j = self.np_end(toks, j);
        }
        // The rest: nothing, or a time or place ("at a news conference in Beijing",
        // "on Jan 11", "in an interview with DW") with no clause of its own.
        let rest = &toks[j.min(toks.len())..];
        let words = rest.iter().filter(|t| t.k == K::Word).count();
        if words == 0 {
            return rest.iter().all(|t| t.k == K::Other);
        }
        let opener = self.word_at(toks, j).is_some_and(|w| {
            is_in(w, lexicon::PLACE_TIME_PREPS)
                || is_in(w, lexicon::DAY_WORDS)
                || is_in(w, &["earlier", "later", "recently", "when", "while"])
        });
        // ("said at least 21 died": a quantity; "said in 2016 the firm …": a clause
        // after the phrase.)
        let phrase_end = self.skip_phrase(toks, j);
        opener
            && words <= 14
            && !(self.is_word(toks, j, &["at"]) && self.is_word(toks, j + 1, lexicon::LEAST_MOST))
            && toks[phrase_end..].iter().all(|t| t.k != K::Word)
            && !rest.iter().any(|t| {
                t.k == K::Word && {
                    let w = self.w(t);
                    is_in(w, &["that"])
                        || lexicon::cue_word(w)
                            .is_some_and(|c| matches!(c.form, Form::Past | Form::Third))
                }
            })
    }

    /// End (exclusive) of a short noun phrase starting at `i`; a capitalised phrase
    /// ends with its last capitalised word (plus generic media words).
    pub(super) fn np_end(&self, toks: &[Tok], i: usize) -> usize {
        let mut k = i;
        let mut n = 0;
        let first_cap = self.word_at(toks, i).is_some_and(is_cap);
        while k < toks.len() && toks[k].k == K::Word && n < 8 {
            let w = self.w(&toks[k]);
            // "told BBC Radio 4's Today programme …": a programme ends the phrase.
            if first_cap && n > 0 && is_in(w, lexicon::PROGRAMMES) {
                k += 1;
                break;
            }
            if first_cap && n > 0 && is_cap(w) && self.is_word(toks, k + 1, lexicon::PROGRAMMES) {
                k += 2;
                break;
            }
            // "said one of the organisers", "says some of their neighbours": a
            // part of a group goes on over "of" and its determiner.
            if n == 1
                && w == "of"
                && self.is_word(toks, k - 1, lexicon::PARTITIVE_QUANTIFIERS)
                && (self.is_word(toks, k + 1, &["the", "those"])
                    || self.is_word(toks, k + 1, lexicon::POSSESSIVES))
            {
                // (Not counted against the phrase's length.)
                k += 2;
                continue;
            }
            if n > 0 && is_in(w, NP_STOP) {
                break;
            }
            // "a member of the public", "a source with knowledge of the plans": "the"
            // and a lower-case word after "of" go on with a lower-case phrase.
            if n > 0
                && (is_in(w, DETERMINERS) || is_in(w, PRONOUNS))
                && !(w == "the"
                    && !first_cap
                    && self.is_word(toks, k - 1, &["of"])
                    && self
                        .word_at(toks, k + 1)
                        .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_lowercase())))
            {
                break;
            }
            // "told US representatives that …": people after a capitalised modifier
            // are the listeners when "that" follows.
            // ("told US officials the port …": a determiner after them opens it too.)
            let listeners = people_plural(w)
                && (self.is_word(toks, k + 1, &["that"]) || self.is_word(toks, k + 1, DETERMINERS));
            // "said Ostland's foreign minister", "says Lina's husband": the phrase a
            // possessive name opens goes on over lower-case words, to a preposition.
            // (Tested last, only where the phrase would end.)
            let possessed = || {
                n < 5
                    && (i..k).any(|j| {
                        let p = self.w(&toks[j]);
                        is_cap(p) && (p.ends_with("'s") || p.ends_with("\u{2019}s"))
                    })
                    && !is_in(w, lexicon::OBJECT_PREPS)
                    && !is_in(w, lexicon::PLACE_TIME_PREPS)
                    && !is_in(w, lexicon::CLAUSE_AUX)
                    && lexicon::cue_word(w).is_none()
            };
            if first_cap
                && n > 0
                && !is_cap(w)
                && !w.starts_with(|c: char| c.is_ascii_digit())
                && !is_in(w, CONNECTORS)
                && !is_in(w, lexicon::MEDIA_WORDS)
                && !listeners
                && !possessed()
                // ("told Syrian state TV that …")
                && !(w == "state"
                    && self
                        .word_at(toks, k + 1)
                        .is_some_and(|x| x == "TV" || is_in(x, lexicon::MEDIA_WORDS)))
            {
                break;
            }
            // "told reporters Trump asked …": a name after a plural of people opens
            // the content.
            if !first_cap
                && n > 0
                && is_cap(w)
                && self.word_at(toks, k - 1).is_some_and(|p| {
                    p.starts_with(|c: char| c.is_ascii_lowercase())
                        && p.ends_with('s')
                        && people_plural(p)
                })
            {
                break;
            }
            k += 1;
            n += 1;
        }
        // "told Reuters Justice Minister X …": a known outlet ends the phrase (not
        // before a word of its own name: "told ABC News the lake …").
        if first_cap && k > i + 1 {
            for len in 1..=3.min(k - i - 1) {
                let name: Vec<&str> = toks[i..i + len].iter().map(|t| self.w(t)).collect();
                // "says CNN's Ana Ruiz": a possessive outlet goes on to its person.
                let possessive =
                    name[len - 1].ends_with("'s") || name[len - 1].ends_with("\u{2019}s");
                // "says Sun Fuquan, an analyst": a one-word outlet's name opening a
                // two-word run that the phrase ends with is a person's.
                let person = len == 1
                    && k == i + 2
                    && toks
                        .get(k)
                        .is_none_or(|t| matches!(t.k, K::Comma | K::Other))
                    && !self.word_at(toks, i + 1).is_some_and(is_title);
                if is_known_media_run(&name)
                    && !possessive
                    && !person
                    && self.word_at(toks, i + len).is_some_and(is_cap)
                    && !self.is_word(toks, i + len, lexicon::MEDIA_WORDS)
                {
                    return i + len;
                }
            }
        }
        k
    }

    /// End of a speaker phrase after the cue ("…," said Name): the noun phrase, and
    /// over a lower-case role phrase that ends in a title or role noun followed by a
    /// name ("said Ruritania army spokesman Tom Ade", "says Dravel mayor Ilse Marrow"):
    /// the place or body before the role only modifies the person who speaks.
    fn speaker_np_end(&self, toks: &[Tok], i: usize) -> usize {
        let e = self.np_end(toks, i);
        if !self.word_at(toks, i).is_some_and(is_cap) {
            return e;
        }
        let mut k = e;
        while k < toks.len() && k < e + 4 {
            let Some(w) = self.word_at(toks, k) else {
                return e;
            };
            if !w.starts_with(|c: char| c.is_lowercase())
                || is_in(w, NP_STOP)
                || is_in(w, DETERMINERS)
                || is_in(w, PRONOUNS)
                || is_in(w, CONNECTORS)
            {
                return e;
            }
            let role =
                is_title(w) || is_in(w, lexicon::PERSON_REFS) || is_in(w, lexicon::ROLE_HEADS);
            let next = self.word_at(toks, k + 1).unwrap_or("");
            if role && is_cap(next) && !is_in(next, NOT_NAMES) && !is_title(next) {
                return self.np_end(toks, k + 1);
            }
            k += 1;
        }
        e
    }

    /// End of the speaker phrase after an inverted cue ("…," said Name, the title):
    /// the noun phrase, a second name joined by "and" (rulebook R4: "say Ana Ruiz and
    /// Tom Ade"), and an apposition.
    fn inverted_speaker_end(&self, toks: &[Tok], i: usize) -> usize {
        let mut e = self.speaker_np_end(toks, i);
        // "…, said Ana Ruiz of the Ostland Institute.": the body a named person
        // belongs to, a capitalised run that ends the sentence. (The noun phrase may
        // hold the "of" when "the" stopped it.)
        let of_in =
            e > i + 2 && self.is_word(toks, e - 1, &["of"]) && self.is_word(toks, e, &["the"]);
        if of_in {
            e -= 1;
        }
        if e > i + 1
            && self.word_at(toks, i).is_some_and(is_cap)
            && self.is_word(toks, e, &["of", "from"])
        {
            let a = e + 1 + usize::from(self.is_word(toks, e + 1, &["the"]));
            let mut k = a;
            while self.word_at(toks, k).is_some_and(|w| {
                is_cap(w)
                    || k > a
                        && is_in(w, CONNECTORS)
                        && self.word_at(toks, k + 1).is_some_and(is_cap)
            }) {
                k += 1;
            }
            if k > a && toks.get(k).is_none_or(|t| t.k == K::Other) && k + 1 >= toks.len() {
                return k;
            }
        }
        if of_in {
            e += 1;
        }
        // "…," said a statement by the interior ministry: the document's author.
        if e > i && self.is_word(toks, e - 1, DOCS) && self.is_word(toks, e, DOC_AUTHOR_PREPS) {
            let a = e + 1 + usize::from(self.is_word(toks, e + 1, ARTICLES));
            if self.word_at(toks, a).is_some_and(is_cap) {
                // A name: its capitalised run ("Ping An Securities", "Bank of X").
                let mut k = a + 1;
                while k < a + 6
                    && self.word_at(toks, k).is_some_and(|w| {
                        is_cap(w)
                            || is_in(w, CONNECTORS) && self.word_at(toks, k + 1).is_some_and(is_cap)
                    })
                {
                    k += 1;
                }
                e = k;
            } else if let Some(h) = (a..a + 3)
                .take_while(|&k| self.word_at(toks, k).is_some_and(|w| !is_cap(w)))
                .find(|&k| self.is_word(toks, k, lexicon::ORG_WORDS))
            {
                // A body in lower case ("the interior ministry").
                e = h + 1;
            }
        }
        // The speaker reading decides whether the phrase names two people or one
        // ("Medical Director and Public Health Officer Dr. Ana Ruiz").
        if self.word_at(toks, i).is_some_and(is_cap)
            && self.is_word(toks, e, &["and"])
            && self
                .word_at(toks, e + 1)
                .is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES))
        {
            e = self.speaker_np_end(toks, e + 1);
        } else if self
            .word_at(toks, i)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
            && self.is_word(toks, e, &["and"])
            && self
                .word_at(toks, e + 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
        {
            // "says consultant and author Ana Ruiz": two roles of one person.
            e = self.speaker_np_end(toks, e + 1);
        }
        self.appos_end(toks, e)
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
            // "…, president of the Africa Wildlife Foundation (AWF)": with its gloss.
            if toks.get(k).is_some_and(|t| t.k == K::Open) {
                if let Some(c) = (k + 1..toks.len().min(k + 6)).find(|&c| toks[c].k == K::Close) {
                    k = c + 1;
                }
            }
            return k;
        }
        e
    }

    /// Does a further apposition run from the comma at `e` to the end of the
    /// sentence ("…, says Ana Ruiz, head of Ostberg, a mining company that …")? It
    /// opens with an article or a title and holds no quotation.
    pub(super) fn closing_apposition(&self, toks: &[Tok], e: usize) -> bool {
        toks.get(e).is_some_and(|t| t.k == K::Comma)
            && (self.is_word(toks, e + 1, lexicon::ARTICLES)
                || self.word_at(toks, e + 1).is_some_and(is_title))
            && toks[e + 1..]
                .iter()
                .all(|t| matches!(t.k, K::Word | K::Comma | K::Open | K::Close | K::Other))
    }

    /// "…," said McCarthy, who has four children.": a relative "who" after a lone
    /// name that closes the sentence makes it a person's (the next "she" may be
    /// McCarthy), unless the name is a body's, a place's or an acronym.
    fn person_by_relative(&self, mut spk: Spk, toks: &[Tok], (a, e): (usize, usize)) -> Spk {
        if !spk.person
            && !spk.media
            && !spk.hop.anonymous
            && !spk.hop.name.contains(' ')
            && (a..e.min(toks.len()))
                .find(|&k| toks[k].k != K::Word)
                .is_some_and(|k| toks[k].k == K::Comma && self.is_word(toks, k + 1, &["who"]))
            && could_be_surname(&spk.hop.name)
            && !is_org(&[spk.hop.name.as_str()])
        {
            spk.person = true;
        }
        spk
    }

    /// "…, said Ana Ruiz at a news conference in February.": a place or time phrase
    /// of at most ten words, no clause or name in it, closing the sentence after the
    /// speaker.
    fn closing_adverbial(&self, toks: &[Tok], e: usize) -> bool {
        let p = e + usize::from(toks.get(e).is_some_and(|t| t.k == K::Comma));
        self.is_word(toks, p, &["at", "in", "on", "during"])
            && (2..=10).contains(&self.words(toks, p, toks.len()))
            && toks[p..]
                .iter()
                .all(|t| matches!(t.k, K::Word | K::Other | K::Comma))
            && (p..toks.len()).all(|k| {
                self.word_at(toks, k).is_none_or(|w| {
                    !is_in(w, lexicon::CLAUSE_AUX)
                        && !is_in(w, lexicon::RELATIVE_PRONOUNS)
                        && !is_in(w, PRONOUNS)
                        && lexicon::cue_word(w).is_none()
                        // No name in it: "said Special Agent in Charge Eric Jackson",
                        // "says Business in the Community" are one name.
                        && (!is_cap(w) || is_in(w, lexicon::CALENDAR))
                })
            })
    }

    /// Does a last short segment after the comma at `e` end the sentence ("…, said
    /// his sister, Ana Ruiz, 28.", "…, managing director of a consultancy,
    /// Brandtworks.")? At most three words, no verb, nothing but words to the end.
    fn closing_tail(&self, toks: &[Tok], e: usize) -> bool {
        toks.get(e).is_some_and(|t| t.k == K::Comma)
            && (1..=3).contains(&self.words(toks, e + 1, toks.len()))
            && toks[e + 1..]
                .iter()
                .all(|t| matches!(t.k, K::Word | K::Other))
            && (e + 1..toks.len()).all(|k| {
                self.word_at(toks, k).is_none_or(|w| {
                    !is_in(w, lexicon::CLAUSE_AUX)
                        && !is_in(w, lexicon::RELATIVE_PRONOUNS)
                        && lexicon::cue_word(w).is_none()
                })
            })
    }

    /// Does a subordinate or relative clause about the speaker follow the comma at
    /// `e` ("…, says Ana Ruiz, head of Ostberg, because …", "…, said Ivo Brandt,
    /// who is visiting …")?
    fn closing_subordinate(&self, toks: &[Tok], e: usize) -> bool {
        toks.get(e).is_some_and(|t| t.k == K::Comma)
            && self.word_at(toks, e + 1).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase())
                    && (is_in(w, lexicon::SUBORDINATORS) || is_in(w, lexicon::RELATIVE_PRONOUNS))
            })
    }

    /// "Tourism can grow, Ana Ruiz said …", "…, he said …": is the cue's subject a
    /// pronoun or a short name (one to three capitalised words) right after a comma
    /// that ends at least four words of content? (Not "Ana Ruiz, the minister,
    /// said": an apposition.)
    fn speaker_after_content(&self, toks: &[Tok], ci: usize) -> bool {
        let Some(c) = (ci.saturating_sub(4)..ci)
            .rev()
            .find(|&k| toks[k].k != K::Word)
        else {
            return false;
        };
        toks[c].k == K::Comma
            && (1..=3).contains(&(ci - c - 1))
            && (c + 1..ci).all(|k| {
                self.word_at(toks, k)
                    .is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES) || is_in(w, PRONOUNS))
            })
            && self.words(toks, 0, c) >= 4
    }

    /// Skip an adverbial phrase to the next comma, colon, quotation or "that", or to a
    /// pronoun or determiner that opens the content clause.
    fn skip_phrase(&self, toks: &[Tok], mut i: usize) -> usize {
        let start = i;
        while i < toks.len() {
            match toks[i].k {
                // "said on "GMA" this morning that …": a show's title in quotation
                // marks as the preposition's object.
                K::Quote if i == start && self.quoted_title(toks, i).is_some() => i += 1,
                K::Comma | K::Colon | K::Quote | K::Break => return i,
                K::Word => {
                    let w = self.w(&toks[i]);
                    if w.eq_ignore_ascii_case("that") {
                        return i;
                    }
                    // "said on Monday 30 people …", "said Monday night the port …": a
                    // day (and its part) ends the phrase.
                    // Not a day that modifies a noun ("in a Wednesday filing").
                    let day = |k: usize| {
                        self.is_word(toks, k, lexicon::DAY_WORDS)
                            && !(k > 0 && self.is_word(toks, k - 1, DETERMINERS))
                    };
                    let after_day = i > 0
                        && !is_in(w, lexicon::PARTS_OF_DAY)
                        && (day(i - 1)
                            || i > 1
                                && self.is_word(toks, i - 1, lexicon::PARTS_OF_DAY)
                                && day(i - 2));
                    if after_day {
                        return i;
                    }
                    if i > start && is_in(w, lexicon::CITING_WORDS) {
                        return i;
                    }
                    if i > start && is_in(w, PRONOUNS) && !w.eq_ignore_ascii_case("it") {
                        return i;
                    }
                    // A determiner opens the content unless a preposition governs it
                    // ("said on the night of the attack that …").
                    let governed = i > 0
                        && (self.is_word(toks, i - 1, lexicon::PLACE_TIME_PREPS)
                            || self.is_word(toks, i - 1, lexicon::OBJECT_PREPS));
                    // After a name it does at once ("said on Twitter an operation …"),
                    // and after a unit of time ("said last week the port …").
                    let opens = i >= start + 2
                        || (i == start + 1
                            && (self
                                .word_at(toks, start)
                                .is_some_and(|n| is_cap(n) && !n.ends_with("'s"))
                                || self.is_word(toks, start, lexicon::TIME_UNITS)
                                    && start > 0
                                    && self.is_word(
                                        toks,
                                        start - 1,
                                        lexicon::DEICTIC_TIME_OPENERS,
                                    )));
                    if opens && !governed && (is_in(w, DETERMINERS) || is_in(w, PRONOUNS)) {
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
    pub(super) fn content_end(&self, toks: &[Tok], s: usize) -> usize {
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
                && (self.clause_with_cue(toks, k + 1)
                    || self.is_word(toks, k, lexicon::CONTRAST_JOINERS)
                        && self.contrasted_speaker(toks, k + 1)
                    || self.is_word(toks, k, &["but"])
                        && toks[k - 1].k == K::Comma
                        && self.contrasted_after_but(toks, k + 1))
            {
                e = k;
                break;
            }
            // "… as politically motivated and the Kremlin said Russia …": another
            // speaker's clause joined without a comma.
            if k > s + 1
                && toks[k - 1].k == K::Word
                && self.is_word(toks, k, lexicon::CLAUSE_JOINERS)
                && self.joined_speaker_clause(toks, k + 1)
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
            // "…, saying that …", "…, noting that …": a second statement (read by
            // `second_statement`).
            if self.is_word(toks, k + 1, lexicon::SECOND_STATEMENT_PARTICIPLES)
                && self.is_word(toks, k + 2, &["that"])
            {
                e = k;
                break;
            }
            if self.closing_attribution(toks, k) {
                e = k;
                break;
            }
            // "… accused US media of covering up attacks, the Egyptian diplomat noted
            // that …": another speaker's clause after the comma.
            if self.speaker_clause_at(toks, k + 1, true) {
                e = k;
                break;
            }
        }
        // Trailing punctuation goes, but not a per cent sign: "up to 5%" is the claim.
        while e > s
            && matches!(toks[e - 1].k, K::Other | K::Comma | K::Colon | K::Open)
            && self.n.get(toks[e - 1].s..toks[e - 1].e) != Some("%")
        {
            e -= 1;
        }
        e
    }

    /// "…, while EU leaders have called the allegations offensive": after a
    /// contrasting joiner, a short subject and any reporting verb (its auxiliary
    /// allowed) open another speaker's statement.
    pub(super) fn contrasted_speaker(&self, toks: &[Tok], j: usize) -> bool {
        // "…, while 62 percent stated …": a poll's other figure, the same finding.
        let subject = self.word_at(toks, j).is_some_and(|w| {
            !is_in(w, lexicon::NOT_SUBJECT_START) && !w.starts_with(|c: char| c.is_ascii_digit())
        });
        subject
            && (j + 1..toks.len().min(j + 7)).any(|k| {
                self.word_at(toks, k).and_then(lexicon::cue).is_some()
                    && toks[j..k].iter().all(|t| t.k == K::Word)
            })
    }

    /// "…, but Democrats have characterized the move as …", "…, but he admitted
    /// …": as `contrasted_speaker`, and the clause has its own subject (not the
    /// speaker's claim going on: "…, but that …", "…, but also …") and a verb, not a
    /// noun ("…, but an estimated 25 percent …", "…, but comedy shows …").
    pub(super) fn contrasted_after_but(&self, toks: &[Tok], j: usize) -> bool {
        // "…, but declined to say more", "…, but did not comment further": the
        // speaker's own refusal ends the claim too.
        // (Only a refusal to tell: "…, but did not surrender weapons" is a claim.)
        let negated = |k: usize| {
            self.is_word(toks, k, &["not", "no"])
                || self.word_at(toks, k).is_some_and(|w| w.ends_with("n't"))
        };
        let refusal = self.is_word(toks, j, lexicon::REFUSALS)
            || self.is_word(toks, j, lexicon::REFUSAL_AUX) && (j + 1..j + 3).any(negated)
            || self.word_at(toks, j).is_some_and(|w| {
                w.ends_with("n't") && is_in(&w.replace("n't", ""), lexicon::REFUSAL_AUX)
            });
        let told = || {
            (j + 1..toks.len().min(j + 5)).any(|k| {
                self.is_word(toks, k, lexicon::REFUSED_ACTS)
                    && toks[j..k].iter().all(|t| t.k == K::Word)
            })
        };
        if refusal && told() {
            return true;
        }
        let own = self.word_at(toks, j).is_some_and(|w| {
            !is_in(w, lexicon::NOT_AFTER_BUT)
                && (is_cap(w)
                    || is_in(w, PRONOUNS)
                    || is_in(w, DETERMINERS)
                    || is_in(w, lexicon::ANON_NOUNS)
                    || people_plural(w))
        });
        own && (j + 1..toks.len().min(j + 7)).any(|k| {
            let Some(w) = self.word_at(toks, k) else {
                return false;
            };
            lexicon::cue(w).is_some()
                && !is_in(w, lexicon::NOUN_LIKE_CUES)
                && !self.is_word(toks, k - 1, lexicon::ARTICLES)
                && toks[j..k].iter().all(|t| t.k == K::Word)
        })
    }

    /// Does a clause "the Kremlin said …", "Ana Ruiz said …", "officials said …" start
    /// at `j`: a short subject that names or describes a source, a clause cue, and
    /// words after it?
    pub(super) fn joined_speaker_clause(&self, toks: &[Tok], j: usize) -> bool {
        self.speaker_clause_at(toks, j, false)
    }

    /// As `joined_speaker_clause`, and with `any_cue` any finite reporting verb
    /// before "that" ("the Egyptian diplomat noted that …").
    pub(super) fn speaker_clause_at(&self, toks: &[Tok], j: usize, any_cue: bool) -> bool {
        // ("… the US but critics say it is …": "say" after a plural group.)
        // (Exact bytes first: this runs for every word after a joiner.)
        let plural_say = |c: usize| {
            c > j
                && self.word_at(toks, c) == Some("say")
                && self.word_at(toks, c - 1).is_some_and(|w| {
                    w.ends_with('s') && (is_in(w, lexicon::ANON_NOUNS) || people_plural(w))
                })
        };
        let cue_at = |c: usize| {
            self.is_word(toks, c, lexicon::CLAUSE_CUES)
                || plural_say(c)
                || any_cue
                    && self.is_word(toks, c + 1, &["that"])
                    && self
                        .word_at(toks, c)
                        .and_then(lexicon::cue_word)
                        .is_some_and(|w| {
                            matches!(w.form, Form::Past | Form::Third)
                                && w.frame != Frame::Evaluative
                        })
        };
        let Some(c) = (j + 1..toks.len().min(j + 5)).find(|&c| cue_at(c) || toks[c].k != K::Word)
        else {
            return false;
        };
        if !cue_at(c) || self.word_at(toks, c + 1).is_none() {
            return false;
        }
        let words: Vec<&str> = (j..c).filter_map(|k| self.word_at(toks, k)).collect();
        let source = |w: &str| {
            is_in(w, lexicon::ANON_NOUNS)
                || is_in(w, lexicon::PERSON_REFS) && !is_in(w, PRONOUNS)
                || is_in(w, lexicon::ORG_WORDS)
                || is_in(w, lexicon::INSTITUTIONS)
        };
        match words.as_slice() {
            ["the", rest @ ..] => rest
                .last()
                .is_some_and(|h| is_cap(h) && !is_in(h, NOT_NAMES) || source(h)),
            [one] => is_cap(one) && !is_in(one, NOT_NAMES) && !is_in(one, PRONOUNS) || source(one),
            name => name.iter().all(|w| is_cap(w) && !is_in(w, NOT_NAMES)),
        }
    }

    /// Do the tokens after the comma at `k` close the sentence with an attribution:
    /// ", he said.", ", the news agency reported.", ", Ostlandic presidential
    /// spokesman Ivo Brandt said on Thursday." (the cue within eight words, at most
    /// two more after it)?
    pub(super) fn closing_attribution(&self, toks: &[Tok], k: usize) -> bool {
        // (Cheap tests first: this runs for every comma of a statement's content.)
        let words = || (k + 1..toks.len()).filter(|&j| toks[j].k == K::Word);
        let n = words().take(11).count();
        if !(1..=10).contains(&n) || toks[k + 1..].iter().any(|t| t.k == K::Quote) {
            return false;
        }
        if n > 7
            && !(words().any(|j| self.word_at(toks, j).is_some_and(is_cap))
                && words().skip(n - 3).any(|j| {
                    self.is_word(toks, j, lexicon::DAY_WORDS)
                        || self.is_word(toks, j, lexicon::CLOSING_CUES)
                }))
        {
            return false;
        }
        // "…, says Nejm.", "…, said the minister.": inverted, the cue first and a
        // name or a definite source after it (not "…, said to be …").
        let inverted = || {
            let mut w = words();
            w.next()
                .is_some_and(|j| self.is_word(toks, j, &["said", "says", "added"]))
                && w.next()
                    .and_then(|j| self.word_at(toks, j))
                    .is_some_and(|x| {
                        is_cap(x) && !is_in(x, NOT_NAMES) && !is_in(x, PRONOUNS)
                            || is_in(x, &["the", "a", "an"])
                    })
        };
        inverted()
            || words()
                .take(8)
                .skip(1)
                .any(|j| self.is_word(toks, j, lexicon::CLOSING_CUES))
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
        // Commas, and quotations closed by a comma inside them ("… "obsolete," Ana
        // Ruiz said"), which stay with the content.
        let commas: Vec<usize> = (cs..end)
            .filter(|&k| toks[k].k == K::Comma || self.quote_with_comma(toks, k))
            .collect();
        let cut_at = |k: usize| k + usize::from(toks[k].k == K::Quote);
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
        // A capitalised title opens the long speakers of agency copy ("…, Chairman of
        // the Ruritanian-Ostlandic Business Council at the Chamber of Commerce and
        // Industry Ivo Brandt told TASS"): they may run longer.
        let titled = self
            .word_at(toks, spk_start)
            .is_some_and(|w| is_cap(w) && is_in(w, lexicon::TITLES));
        if seg == 0 || seg > if titled { 20 } else { 14 } {
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
                return Some((cut_at(commas[pos - 1]), before));
            }
            // "…, Name, the title, said" and "…, Name, head of X, said": a role after
            // a short name describes it.
            // The role may follow lower-case modifiers or an owner ("political leader
            // of …", "Ostland's minister of …").
            // ("…, Ivo Brandt, Ana Ruiz's son, told": a kinship noun after an owner.)
            let role_word = |w: &str| {
                !is_cap(w)
                    && (is_in(w, lexicon::TITLES)
                        || is_in(w, lexicon::PERSON_REFS)
                        || is_in(w, lexicon::ROLE_HEADS)
                        || is_in(w, lexicon::KIN_NOUNS))
                    && !is_in(w, lexicon::ORG_WORDS)
            };
            let owner = |w: &str| is_cap(w) && (w.ends_with("'s") || w.ends_with("\u{2019}s"));
            // "…, Ivo Brandt, Deputy Head of the Ostland Railways said": capitalised
            // titles and then "of", "for" or "at" — a post, not a titled name
            // ("…, President Ruiz said").
            let titles = (spk_start..end)
                .take_while(|&k| {
                    self.word_at(toks, k)
                        .is_some_and(|w| is_cap(w) && is_title(w))
                })
                .count();
            let post = titles > 0
                && self.is_word(toks, spk_start + titles, &["of", "for", "at"])
                // ("…, Secretary of State Rex Tillerson said" names its holder.)
                && !(spk_start..end.saturating_sub(1)).any(|k| {
                    self.word_at(toks, k).is_some_and(known_first_name)
                        && self.word_at(toks, k + 1).is_some_and(is_cap)
                });
            // "…, Simon Bailey, of the Police Council, told": a body the short name
            // belongs to.
            let mut role = is_in(spk_first, ARTICLES) || post || is_in(spk_first, &["of", "from"]);
            // An owner of up to three capitalised words ("Sesame Workshop's senior
            // vice president").
            let from = self.owner_within(toks, spk_start, end).unwrap_or(spk_start);
            for k in from..end.min(from + 3) {
                let Some(w) = self.word_at(toks, k) else {
                    break;
                };
                if role_word(w) {
                    role = true;
                    break;
                }
                if !(owner(w) || !is_cap(w) && !is_in(w, PRONOUNS)) {
                    break;
                }
            }
            if seg_b <= 4
                && role
                && toks[before..cut]
                    .iter()
                    .all(|t| t.k == K::Word && is_cap(self.w(t)))
            {
                return Some((cut_at(commas[pos - 1]), before));
            }
            // "…, the People's Bank of China, the central bank, said" (and "data from
            // …"): a body's name, then its description with a body's head noun.
            let head = (spk_start..end).rev().find_map(|k| self.word_at(toks, k));
            let body_head = spk_first == "the"
                && head.is_some_and(|h| {
                    !is_cap(h)
                        && (is_in(h, lexicon::ORG_WORDS)
                            || is_in(h, lexicon::GENERIC_ORG_HEADS)
                            || is_in(h, lexicon::INSTITUTIONS))
                });
            let mut b = before;
            if self.is_word(toks, b, DOCS) && self.is_word(toks, b + 1, &["from", "by", "of"]) {
                b += 2;
            }
            if self.is_word(toks, b, &["the"]) {
                b += 1;
            }
            let named = (1..=8).contains(&cut.saturating_sub(b))
                && self.word_at(toks, b).is_some_and(is_cap)
                && toks[b..cut]
                    .iter()
                    .all(|t| t.k == K::Word && (is_cap(self.w(t)) || is_in(self.w(t), CONNECTORS)));
            if body_head && named {
                return Some((cut_at(commas[pos - 1]), before));
            }
        }
        Some((cut_at(cut), spk_start))
    }
}

impl<'a> State<'a> {
    /// The owner that opens a phrase at `a` (before `b`): the index of the first word
    /// ending in "'s" among up to three capitalised words ("China's largest retailer",
    /// "Ana Ruiz's son", "Sesame Workshop's senior vice president").
    pub(super) fn owner_within(&self, toks: &[Tok], a: usize, b: usize) -> Option<usize> {
        (a..b.min(a + 3))
            .take_while(|&k| self.word_at(toks, k).is_some_and(is_cap))
            .find(|&k| {
                self.word_at(toks, k)
                    .is_some_and(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"))
            })
    }

    /// The possessor word before token `i` ("Ana Ruiz's claim", "the leaders' claim"):
    /// its index and its text without the possessive ending.
    pub(super) fn possessor_before(&self, toks: &[Tok], i: usize) -> Option<(usize, &'a str)> {
        let p = self.word_at(toks, i.checked_sub(1)?);
        if let Some(stem) = p.and_then(|p| p.strip_suffix("'s").or(p.strip_suffix("\u{2019}s"))) {
            return Some((i - 1, stem));
        }
        // "leaders' claim": the apostrophe after a plural is a token of its own.
        let apostrophe = toks[i - 1].k == K::Other && matches!(self.w(&toks[i - 1]), "'");
        let stem = self.word_at(toks, i.checked_sub(2)?)?;
        (apostrophe && stem.ends_with('s') && toks[i - 1].s == toks[i - 2].e)
            .then_some((i - 2, stem))
    }

    /// "claimed Flynn stepped aside", "claims the missiles downed a jet": after a
    /// cue of assertion ("claim", "allege", "insist") right before it, a name or
    /// "the" + noun and then a verb in "-ed" that no preposition follows, so that a
    /// clause follows the cue without "that" (not "claimed the lives of", "alleged
    /// victims named in the suit").
    fn past_verb_after_subject(&self, toks: &[Tok], p: usize) -> bool {
        let asserting = p > 0
            && lexicon::cue_word(self.w(&toks[p - 1]))
                .is_some_and(|c| matches!(c.lemma, "claim" | "allege" | "insist"));
        let first = self.w(&toks[p]);
        let subject_end = if is_in(first, &["the", "its", "their"]) {
            p + 2
        } else if is_cap(first) {
            (p..toks.len().min(p + 3))
                .take_while(|&j| self.word_at(toks, j).is_some_and(is_cap))
                .last()
                .map_or(p + 1, |j| j + 1)
        } else {
            return false;
        };
        asserting
            && (p..subject_end).all(|j| toks.get(j).is_some_and(|t| t.k == K::Word))
            && self.word_at(toks, subject_end).is_some_and(|w| {
                w.len() > 4
                    && w.ends_with("ed")
                    && !w.ends_with("eed")
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
            })
            && !self.is_word(toks, subject_end + 1, lexicon::PARTICIPLE_PREPS)
    }

    /// Rulebook R1, noun cues: "Ana Ruiz's claim that …", "reports from Ostland Radio
    /// that …" each give a statement by the owner or the author, after the sentence's
    /// other statements (those from `from` on in `self.out`). Inside another
    /// statement's reported clause the claim is nested under that statement's speaker
    /// ("police said they could not confirm a claim from X that …" → police via X);
    /// as the object of the sentence's own act it is the narrator's report
    /// ("Greyfield rejected claims by Ostland Radio that …" → Ostland Radio, rulebook
    /// R2). The owner or author must be a name: "claims by environmental groups" and
    /// "the group's claims" give nothing.
    pub(super) fn noun_cues(&mut self, toks: &[Tok], from: usize) {
        // Runs for every sentence: only the words before a "that" are looked at (the
        // noun right before it, or one before a "by"/"from" up to eight words back).
        let mut candidates = Vec::new();
        for t in 2..toks.len() {
            if self.is_word(toks, t, &["that"]) {
                candidates.push(t - 1);
                candidates.extend(
                    (t.saturating_sub(8).max(2)..t - 1)
                        .filter(|&k| self.is_word(toks, k, &["by", "from"]))
                        .map(|k| k - 1),
                );
            }
        }
        for i in candidates {
            if !self.is_word(toks, i, lexicon::STATEMENT_NOUNS) {
                continue;
            }
            // Only a named owner or author: a description ("the group's claims") was
            // resolved wrongly more often than not on the development CSV.
            let (owner, that, np): (Vec<&str>, usize, usize) = if let Some((k, stem)) =
                self.possessor_before(toks, i)
            {
                // The owner: the capitalised run ending in the possessive ("Ana
                // Ruiz's claim", "Priebus' assertion").
                if !is_cap(stem) || is_in(stem, NOT_NAMES) {
                    continue;
                }
                let mut a = k;
                while a > 0
                    && k - a < 4
                    && self
                        .word_at(toks, a - 1)
                        .is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES) || is_in(w, CONNECTORS))
                {
                    a -= 1;
                }
                while a < k && self.is_word(toks, a, CONNECTORS) {
                    a += 1;
                }
                let mut words: Vec<&str> = (a..k).filter_map(|j| self.word_at(toks, j)).collect();
                words.push(stem);
                (words, i + 1, a)
            } else if let Some(a) = self.medium_before_noun(toks, i) {
                // "denied a Dravel Post report that …": a medium or a body named
                // before the noun is its author.
                let words = (a..i).filter_map(|j| self.word_at(toks, j)).collect();
                (words, i + 1, a - 1)
            } else if self.is_word(toks, i + 1, &["by", "from"]) {
                // "reports from Ostland Radio that": a name of capitalised words (with
                // "the", "of") right up to "that".
                let Some(t) =
                    (i + 3..(i + 9).min(toks.len())).find(|&k| self.is_word(toks, k, &["that"]))
                else {
                    continue;
                };
                // Or a body's name with its kind after it ("a claim from the Red Marsh
                // group that"), or unnamed people or media ("claims by environmental
                // groups that", "reports from local media that"; rulebook examples
                // 24, 26).
                let name_word = |j: usize| {
                    self.word_at(toks, j).is_some_and(|w| {
                        is_cap(w) && !is_in(w, NOT_NAMES) || is_in(w, &["the", "of"])
                    })
                };
                let last = self.word_at(toks, t - 1).unwrap_or("");
                let kind_last = t - 1 > i + 2
                    && is_in(last, lexicon::ORG_WORDS)
                    && self.word_at(toks, t - 2).is_some_and(is_cap);
                let name_like = (i + 2..t - 1).all(name_word) && (kind_last || name_word(t - 1));
                let unnamed = t - (i + 2) <= 4
                    && (i + 2..t).all(|j| {
                        self.word_at(toks, j)
                            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
                    })
                    && !self.is_word(toks, i + 2, DETERMINERS)
                    && (super::speakers::listed_people_plural(last)
                        || lexicon::is_media_head(last)
                        || last
                            .strip_suffix('s')
                            .is_some_and(|one| is_in(one, lexicon::ORG_WORDS)));
                if !(name_like || unnamed) || self.is_word(toks, t - 1, &["the", "of"]) {
                    continue;
                }
                let words = (i + 2..t).filter_map(|j| self.word_at(toks, j)).collect();
                let det = usize::from(self.is_word(toks, i - 1, DETERMINERS));
                (words, t, i - det)
            } else {
                continue;
            };
            // A subject ("Ana Ruiz's claim that the port was closed drew criticism"):
            // where the that-clause ends is not known, so no statement.
            let subject = !toks[..np].iter().any(|t| t.k == K::Word)
                || self.is_word(toks, np - 1, lexicon::LEADING_LINKERS);
            if subject || !self.is_word(toks, that, &["that"]) || owner.is_empty() {
                continue;
            }
            // "denied a Dravel Post report that said officials …": the relative
            // clause's own cue opens the content; any other verb there makes "that"
            // a relative pronoun ("a report that quoted one of the hosts", "a report
            // that forecast coverage losses"): no content clause.
            let mut s = that + 1;
            if self.is_word(toks, s, lexicon::RELATIVE_CLAUSE_CUES) {
                s += 1 + usize::from(self.is_word(toks, s + 1, &["that"]));
            } else if self.word_at(toks, s).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase())
                    && (w.len() > 4 && w.ends_with("ed") || is_in(w, &["forecast", "put", "set"]))
            }) {
                continue;
            }
            if s >= toks.len() {
                continue;
            }
            let mut e = self.content_end(toks, s);
            // "… deflected a question about a Dravel Post report that X met Y,
            // saying he needs to know more": the participle is the sentence
            // subject's, no part of the report.
            if let Some(k) = (s + 1..e).find(|&k| {
                toks[k - 1].k == K::Comma
                    && self.is_word(toks, k, lexicon::SECOND_STATEMENT_PARTICIPLES)
            }) {
                e = k - 1;
            }
            if e <= s || self.words(toks, s, e) < 3 {
                continue;
            }
            let (a, b) = super::trim_punct(self.n, toks[s].s, toks[e - 1].e);
            if self.out[from..].iter().any(|f| f.span == (a, b)) {
                continue;
            }
            let Some(spk) = self.phrase_speaker(&owner) else {
                continue;
            };
            let np_start = toks[np].s;
            let outer = self.out[from..]
                .iter()
                .rev()
                .find(|f| f.span.0 < np_start && f.span.1 >= b)
                .cloned();
            // No hop follows an unnamed speaker (`assemble`): nested under one, the
            // statement would only repeat the outer one's source.
            if outer
                .as_ref()
                .is_some_and(|g| g.speaker.as_ref().is_none_or(|s| s.hop.anonymous))
            {
                continue;
            }
            let mut f = Found {
                span: (a, b),
                pieces: vec![(a, b)],
                kind: ExtractKind::IndirectSpeech,
                hops: Vec::new(),
                sentence: self.sentence_no,
                origin: self.sentence_no,
                speaker: Some(spk),
                inner: Vec::new(),
                via: self.via.clone(),
                outer: Vec::new(),
                cited: Vec::new(),
            };
            if let Some(g) = outer {
                f.via = g.via;
                f.outer = g.outer;
                f.inner = g.inner;
                f.inner.extend(g.speaker.map(|s| s.hop));
            }
            self.push(f);
        }
    }
}
