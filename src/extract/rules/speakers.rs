//! Speakers and references: the speaker of a subject with its appositions, reading a
//! speaker phrase into a hop (named person, organisation, unnamed source), and
//! resolving pronouns, role nouns ("the minister"), definite descriptions ("the
//! agency") and surnames to earlier speakers and names the article has mentioned.

use crate::extract::lexicon::{
    self, is_in, ARTICLES, CONNECTORS, DETERMINERS, DOCS, DOC_AUTHOR_PREPS, NOT_NAMES,
    NOT_SUBJECT_START, PRONOUNS,
};
use crate::extract::text::{Tok, K};

use super::names::{
    acronym, cap_runs, family_first, first_name_sex, is_cap, is_known_media, is_known_media_run,
    is_org, is_title, known_first_name, name_tail, past_form, person_name, pinyin_word,
    split_connectors, strip_based, strip_leading_the, surname_matches, titled_person,
};
use super::{Spk, State};

impl<'a> State<'a> {
    /// Speaker of a subject `[cs, ci)` with appositions and fronted adverbials: a
    /// segment naming a person wins, else the last segment naming anything, else the
    /// last segment.
    pub(super) fn subject_speaker(&mut self, toks: &[Tok], cs: usize, ci: usize) -> Option<Spk> {
        let mut end = ci.min(toks.len());
        while end > cs && self.subject_adverb(toks, end - 1) {
            end -= 1;
        }
        while end > cs && matches!(toks[end - 1].k, K::Comma | K::Other) {
            end -= 1;
        }
        if end <= cs {
            return None;
        }
        // "… a nod to health insurers who say …": the people the plural names, unnamed
        // (`people_who`: the clause starts at the noun phrase).
        if self.people_who(toks, ci) && cs + 2 <= ci {
            let found = self.speaker(toks, (cs, ci - 1));
            return found.or_else(|| {
                let words: Vec<&str> = (cs..ci - 1).filter_map(|k| self.word_at(toks, k)).collect();
                Some(Spk::anonymous(&words.join(" "), false))
            });
        }
        // "Ivo Brandt visited Chile and Peru, where he declared …", "Lord Tebbit
        // drew jeers when he said …": after a subordinator the pronoun is the cue's
        // own subject: the sentence's subject if one was noted (`resolve` prefers
        // it), or the antecedent of a pronoun the main clause opens with, or of any
        // "he" when the subordinate clause opens the sentence; else a person the main
        // clause names (not a place: the object of "visited"), else nobody.
        if end >= cs + 3
            && self.is_word(toks, end - 1, &["he", "she"])
            && self.word_at(toks, end - 2).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_lowercase()) && is_in(w, lexicon::SUBORDINATORS)
            })
        {
            let pronoun = (end - 1, end);
            let first = (cs..end - 2).find(|&k| {
                toks[k].k == K::Word && !self.is_word(toks, k, lexicon::LEADING_LINKERS)
            });
            if self.subject_here || first.is_none_or(|k| self.is_word(toks, k, &["he", "she"])) {
                return self.speaker(toks, pronoun);
            }
            return self.subject_speaker(toks, cs, end - 2).filter(|s| {
                let last = s.hop.name.rsplit(' ').next().unwrap_or("");
                s.person && !s.hop.anonymous && !is_in(last, lexicon::PLACE_ENDS)
            });
        }
        let mut segs: Vec<(usize, usize)> = Vec::new();
        let mut glosses: Vec<(usize, usize)> = Vec::new();
        let mut a = cs;
        for (k, t) in toks.iter().enumerate().take(end).skip(cs) {
            if matches!(t.k, K::Comma | K::Open | K::Close) {
                // "Name, head of the Ruritanian Olympic Committee (ROC), said": a
                // bracketed segment glosses the apposition before it (an acronym, a
                // party) and is not the subject.
                if t.k == K::Close && a > cs && toks[a - 1].k == K::Open {
                    glosses.push((a, k));
                } else {
                    segs.push((a, k));
                }
                a = k + 1;
            } else if t.k == K::Quote && k > a && self.quoted_title_with_comma(t) {
                // "After it aired on "Shark Tank," Ana Ruiz said …": a comma inside
                // the closing quotation mark of a title ends the segment too.
                segs.push((a, k + 1));
                a = k + 1;
            }
        }
        segs.push((a, end));
        // Only after an apposition: "The Ruritanian Olympic Committee (ROC) said" and
        // "(ROC) said" keep the gloss, which names the same body.
        if segs
            .iter()
            .filter(|&&(a, b)| b > a && self.words(toks, a, b) > 0)
            .count()
            < 2
        {
            segs.extend(glosses);
            segs.sort_unstable();
        }
        // "Sen. Ana Ruiz, D-Mass., said", "Rep. Ivo Brandt, R-New Jersey, said": a
        // party-and-state label is an apposition.
        segs.retain(|&(a, b)| {
            b > a
                && self.words(toks, a, b) > 0
                && !((1..=3).contains(&self.words(toks, a, b))
                    && self
                        .word_at(toks, a)
                        .is_some_and(crate::extract::validity::party_label)
                    && (a + 1..b).filter_map(|k| self.word_at(toks, k)).all(is_cap))
        });
        // "a teacher from Paris, France,", "based in Houston, Texas,": a country or
        // state after a place is the end of that place, no segment (nor subject) of
        // its own.
        let mut k = 1;
        while k < segs.len() {
            let ((pa, pb), (la, lb)) = (segs[k - 1], segs[k]);
            let place = |j: usize| {
                self.word_at(toks, j)
                    .is_some_and(|w| is_cap(w) && !is_title(w))
            };
            // Closed by a comma: "… from ISIL, Turkey has stressed" is the subject.
            let tail = (1..=2).contains(&(lb - la))
                && toks.get(lb).is_some_and(|t| t.k == K::Comma)
                && (la..lb).all(place)
                && self.is_word(toks, lb - 1, lexicon::PLACE_ENDS);
            let after_place = pb >= pa + 3
                && place(pb - 1)
                && (self.is_word(toks, pb - 2, lexicon::LOCATION_PREPS)
                    || place(pb - 2) && self.is_word(toks, pb - 3, lexicon::LOCATION_PREPS));
            // "…, director of the consultancy Enright, Scott & Associates, says": a
            // short run of names joined by "&" after a capitalised word ends a firm's
            // name listed with commas.
            let firm_end = (3..=5).contains(&(lb - la))
                && toks.get(lb).is_some_and(|t| t.k == K::Comma)
                && place(pb - 1)
                && place(la)
                && place(lb - 1)
                && (la..lb).any(|j| &self.n[toks[j].s..toks[j].e] == "&");
            if tail && after_place || firm_end {
                segs[k - 1].1 = lb;
                segs.remove(k);
            } else {
                k += 1;
            }
        }
        // "Roy Webster, 40, of Ashbree, Ashford, Co Wicklow has admitted": a residence
        // ("of" and the places after it, after an optional age) describes the person
        // named first.
        if let Some(k) = segs.iter().position(|&(a, b)| {
            b > a + 1
                && self.is_word(toks, a, &["of"])
                && self.word_at(toks, a + 1).is_some_and(is_cap)
        }) {
            let place_word = |j: usize| {
                self.word_at(toks, j)
                    .is_some_and(|w| is_cap(w) && !is_title(w) && !is_in(w, lexicon::ORG_WORDS))
            };
            let age = |&(a, b): &(usize, usize)| {
                b == a + 1
                    && self
                        .word_at(toks, a)
                        .is_some_and(|w| w.bytes().all(|c| c.is_ascii_digit()))
            };
            let residence = k >= 1
                && segs[1..k].iter().all(age)
                && (segs[k].0 + 1..segs[k].1).all(place_word)
                && segs[k + 1..]
                    .iter()
                    .all(|&(a, b)| (1..=3).contains(&(b - a)) && (a..b).all(place_word));
            if residence {
                if let Some(s) = self
                    .speaker(toks, segs[0])
                    .filter(|s| s.person && !s.hop.anonymous)
                {
                    return Some(s);
                }
            }
        }
        // "Luo Qianxi, 26, a freelance illustrator in Beijing, says": an age between
        // commas is no segment of the subject.
        // (Only before an apposition: "Ana Ruiz, 24, was arrested …, police said"
        // is about her.)
        let age = |k: usize| {
            let (a, b) = segs[k];
            b == a + 1
                && self
                    .word_at(toks, a)
                    .is_some_and(|w| w.len() <= 3 && w.bytes().all(|c| c.is_ascii_digit()))
                && segs.get(k + 1).is_some_and(|&(n, _)| {
                    self.is_word(toks, n, ARTICLES)
                        || self.word_at(toks, n).is_some_and(|w| w.ends_with("'s"))
                })
        };
        if segs.len() > 2 {
            if let Some(k) = (1..segs.len() - 1).find(|&k| age(k)) {
                segs.remove(k);
            }
        }
        // "Ana Ruiz, who teaches at the University of Ostland, Brandt College, said",
        // "the organisers, who include Ostland First, Renew and Unity, told": a
        // relative clause ends the subject; the segments between it and the cue (a
        // comma inside the clause) are no subject.
        // Not after a participle or preposition ("Turning to Ruiz, who …, Brandt
        // said"), nor after a long segment (a glued caption), nor when a later
        // segment opens with a lower-case article or a conjunction ("…, who …, a
        // ministry statement said"; "…, who …, and his novel …, Brandt says").
        if let Some(k) = (1..segs.len().saturating_sub(1)).find(|&k| {
            let (a, b) = segs[k];
            b > a + 1 && self.word_at(toks, a) == Some("who")
        }) {
            let before = segs[k - 1].0;
            let subject_before = self.words(toks, before, segs[k - 1].1) <= 6
                && !self.is_word(toks, before, NOT_SUBJECT_START)
                && !self.word_at(toks, before).is_some_and(participle);
            let clause_after = segs[k + 1..].iter().all(|&(a, _)| {
                self.word_at(toks, a).is_some_and(|w| {
                    !is_in(w, &["and", "but", "or"]) && (is_cap(w) || !is_in(w, ARTICLES))
                })
            });
            if subject_before && clause_after {
                segs.truncate(k);
            }
        }
        // "…, according to residents, who told": the antecedent of "who".
        if let Some(&(la, lb)) = segs.last() {
            // "…, who on Thursday said": an adverbial may sit between "who" and the cue.
            let adverbial = |k: usize| {
                self.is_word(toks, k, lexicon::ADVERBIAL)
                    || self
                        .word_at(toks, k)
                        .is_some_and(lexicon::is_subject_adverb)
            };
            // "…, welcomed by Addameer, which said": "which" after a body's name.
            let which = self.word_at(toks, la) == Some("which")
                && segs.len() > 1
                && self.has_name(toks, segs[segs.len() - 2].0, segs[segs.len() - 2].1);
            if segs.len() > 1
                && (self.word_at(toks, la) == Some("who") || which)
                && (self.words(toks, la, lb) == 1
                    || self.words(toks, la, lb) <= 4 && adverbial(la + 1))
            {
                segs.pop();
                if let Some(last) = segs.last_mut() {
                    if self.is_word(toks, last.0, &["according"]) {
                        last.0 += 2;
                    } else if last.1 > last.0 && self.word_at(toks, last.1 - 1).is_some_and(is_cap)
                    {
                        // "… than the Mexicans or Trump, who said": the name right
                        // before "who" is its antecedent, not the clause it ends —
                        // after a word that joins it to the clause; after "of", "from"
                        // or "in" it is the person's body or place ("Ana Ruiz of
                        // Ostland, who said").
                        let mut k = last.1 - 1;
                        while k > last.0 && self.word_at(toks, k - 1).is_some_and(is_cap) {
                            k -= 1;
                        }
                        if k > last.0
                            && self.is_word(toks, k - 1, &["or", "and", "than", "unlike", "like"])
                        {
                            last.0 = k;
                        }
                    } else if let Some(k) = (last.0 + 2..last.1.saturating_sub(1))
                        .rev()
                        .find(|&k| {
                            self.is_word(toks, k, ARTICLES)
                                || self.is_word(toks, k, &["some", "several", "two", "three"])
                        })
                        .filter(|&k| {
                            // "The report drew fire from a senior Ostland official,
                            // who said": the clause's last noun phrase, after
                            // a past verb or "from"/"by"/"among" (not "the head of the
                            // agency, who said").
                            !self.is_word(toks, k - 1, &["of"])
                                && (self.is_word(toks, k - 1, &["from", "by", "among"])
                                    || (last.0 + 1..k)
                                        .any(|v| self.word_at(toks, v).is_some_and(past_form)))
                        })
                    {
                        last.0 = k;
                    }
                }
            }
        }
        // "… since leaving office in July The MP for Tatton said": a sub-heading or
        // caption glued before the sentence; its subject starts at the article that
        // opens it in capitals after a word that leads into nothing ("told The
        // Times", "in The Hague", "and The Greens" continue the sentence).
        if let Some(last) = segs.last_mut() {
            let glued = (last.0 + 2..last.1.saturating_sub(1)).rev().find(|&k| {
                toks[k - 1].k == K::Word
                    && self
                        .word_at(toks, k)
                        .is_some_and(|w| is_cap(w) && is_in(w, ARTICLES))
                    && self.word_at(toks, k - 1).is_some_and(|w| {
                        !lexicon::leads_in(w)
                            && !is_in(w, lexicon::CLAUSE_JOINERS)
                            && !is_in(w, &["or", "nor"])
                            && lexicon::cue_word(w).is_none()
                    })
            });
            if let Some(k) = glued {
                last.0 = k;
            }
        }
        // "GPs are burning out, they are overworked She says …": a capitalised pronoun
        // right before the cue, after a lower-case word, opens a sentence whose full
        // stop the scrape lost (a sub-heading glued before it); it is the subject.
        if let Some(&(a, b)) = segs.last() {
            let k = b.wrapping_sub(1);
            if b >= a + 2
                && b == end
                && self
                    .word_at(toks, k)
                    .is_some_and(|w| matches!(w, "He" | "She"))
                && self.word_at(toks, k - 1).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_lowercase())
                        && !lexicon::leads_in(w)
                        && !is_in(w, lexicon::CLAUSE_JOINERS)
                        && lexicon::cue_word(w).is_none()
                })
            {
                return self.speaker(toks, (k, b));
            }
        }
        // A fronted adverbial without a comma ("In 2015 Koh said", "In that show he
        // stated"): the subject starts at the first name, pronoun or article after it.
        if let (1, Some(last)) = (segs.len(), segs.last_mut()) {
            if self.is_word(toks, last.0, NOT_SUBJECT_START)
                && !self.is_word(toks, last.0, lexicon::RELATIVE_PRONOUNS)
            {
                // Not the object of a preposition ("in May", "in Paris").
                // A pronoun only after a place or time phrase: after "when", "while"
                // or "although" it is the subject of the subordinate clause.
                // "Later she said", "Earlier he told": a lone adverb before one too.
                let fronted_phrase = self.is_word(toks, last.0, lexicon::PLACE_TIME_PREPS);
                let lone_adverb = self.is_word(toks, last.0, lexicon::LEADING_LINKERS)
                    && !self.is_word(toks, last.0, lexicon::CLAUSE_JOINERS);
                // "Earlier reports said": the adverb is an adjective.
                let earlier_docs = |k: usize, w: &str| {
                    lone_adverb
                        && k == last.0 + 1
                        && k + 1 == last.1
                        && is_in(w, &["reports", "statements", "studies"])
                };
                let start = (last.0 + 1..last.1).find(|&k| {
                    let after_prep = self.is_word(toks, k - 1, lexicon::PLACE_TIME_PREPS);
                    let pronoun_ok = fronted_phrase || lone_adverb && k == last.0 + 1;
                    self.word_at(toks, k).is_some_and(|w| {
                        ((is_cap(w) && !is_in(w, NOT_NAMES)
                            || pronoun_ok && is_in(w, &["he", "she", "they"]))
                            && !after_prep)
                            || is_in(w, ARTICLES)
                            || earlier_docs(k, w)
                    })
                });
                if let Some(k) = start {
                    last.0 = k;
                }
            }
        }
        // "After meeting Ana Ruiz, on Saturday, the envoy said": a last segment after
        // an adverbial segment is the subject itself, no apposition of the name.
        let closed = segs.len() < 2
            || !self.is_word(toks, segs[segs.len() - 2].0, lexicon::PLACE_TIME_PREPS)
            || !self.is_word(toks, segs[segs.len() - 1].0, ARTICLES);
        // "She moved back to Sweden, and says …": a verb phrase coordinated after a
        // comma shares the pronoun that opens the sentence, never a name inside the
        // first verb phrase.
        if let [first, .., last] = segs[..] {
            if last.1 == last.0 + 1
                && self.is_word(toks, last.0, &["and", "but"])
                && self.is_word(toks, first.0, &["he", "she"])
            {
                return self.speaker(toks, (first.0, first.0 + 1));
            }
        }
        // "… yet the way Atletico tore them apart suggested that …": a manner or a
        // fact as the subject is the writer's inference, no source's statement.
        // (Exact bytes: this runs for every subject.)
        if let Some(&(a, _)) = segs.last() {
            let a = a + usize::from(matches!(self.word_at(toks, a), Some("yet" | "but" | "and")));
            if matches!(self.word_at(toks, a + 1), Some("way" | "fact"))
                && self.word_at(toks, a) == Some("the")
            {
                return None;
            }
        }
        // "The government appeared to bow to pressure, as Brexit Minister Ivo Brandt
        // announced that …": a subordinate clause right before the cue has its own
        // subject, a name or a described source; never the main clause's.
        if let [.., (a, b)] = segs[..] {
            let named = self
                .word_at(toks, a + 1)
                .is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES) || is_in(w, ARTICLES));
            // "The car was stolen, and Morgan said that …": a clause joined after the
            // comma has its own subject too (one word is enough there).
            let joined = self.is_word(toks, a, &["and", "but"]);
            if segs.len() > 1
                && b == end
                && (joined || self.is_word(toks, a, &["as", "while", "when", "after", "because"]))
                && named
                && (2 - usize::from(joined)..=6).contains(&(b - a - 1))
                && (a + 1..b).all(|k| toks[k].k == K::Word)
            {
                return self.speaker(toks, (a + 1, b));
            }
        }
        segs.retain(|&(a, b)| b > a && !self.is_word(toks, a, NOT_SUBJECT_START));
        // "Awarding Ms Ruiz damages, the judge said": a participle phrase before the
        // subject is no part of it (three words at least: "Fleming Smith, a lawyer,"
        // is a name).
        // Not before an indefinite apposition ("… Hanan Ashrawi, an executive member
        // of …, said": a name ends the first segment), nor a long first segment (a
        // glued sub-heading).
        if let [(a, b), (c, _), ..] = segs[..] {
            if self.word_at(toks, a).is_some_and(participle)
                && (3..=14).contains(&self.words(toks, a, b))
                && !self.is_word(toks, c, lexicon::INDEFINITE_OPENERS)
            {
                segs.remove(0);
            }
        }
        if segs.is_empty() {
            return None;
        }
        // "Jason Whatley, an attorney for the girl's father, Anthony Thomas, said": the
        // last name is in apposition to the person inside the description (the
        // father), so the subject is the first name.
        if let [first, desc, last] = segs[..] {
            let names = |(a, b): (usize, usize)| {
                (2..=4).contains(&(b - a))
                    && (a..b).all(|k| self.word_at(toks, k).is_some_and(is_cap))
            };
            let related = self.is_word(toks, desc.0, ARTICLES)
                && desc.1 - desc.0 >= 4
                && (desc.0..desc.1).any(|k| {
                    self.word_at(toks, k)
                        .is_some_and(|w| w.ends_with("'s") || is_in(w, &["for", "of"]))
                })
                && self.word_at(toks, desc.1 - 1).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_lowercase())
                        && (is_in(w, lexicon::KIN_NOUNS) || person_noun(w))
                });
            if names(first) && names(last) && related {
                if let Some(s) = self
                    .speaker(toks, first)
                    .filter(|s| s.person && !s.hop.anonymous)
                {
                    return Some(s);
                }
            }
        }
        if segs.len() > 1 {
            // The segments next to the cue: the last one and those before it while the
            // later one is an apposition ("Name, the title," / "Name, head of X,").
            let mut from = segs.len() - 1;
            // "…, from the country's ruling party, United Ostland, said": a name after
            // a segment ending with a body's common noun names that body.
            // (The segment before may have been dropped: "from …" holds no subject.)
            let names_body = |k: usize| {
                let a = segs[k].0;
                a >= 2
                    && toks[a - 1].k == K::Comma
                    && self.word_at(toks, a - 2).is_some_and(|w| {
                        w.starts_with(|c: char| c.is_ascii_lowercase())
                            && (is_in(w, lexicon::ORG_REFS) || is_in(w, lexicon::INSTITUTIONS))
                            && !is_in(w, DOCS)
                    })
                    && self.has_name(toks, a, segs[k].1)
            };
            // "Kirwan handed him a copy and, when asked, Mr Bailey responded": a
            // segment ending with a conjunction is a clause of its own, no name that
            // the next segment describes.
            let clause_before =
                |k: usize| self.is_word(toks, segs[k - 1].1 - 1, &["and", "but", "or"]);
            while from > 0
                && closed
                && !clause_before(from)
                && (self.appositive(toks, segs[from]) || names_body(from))
            {
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
        // "…, said Ana Ruiz, Europe and Central Asia Manager at the Ostland Bank
        // Watch": a capitalised title phrase (its portfolio before the title, the
        // body after "at", "of" or "for") after a short name is that person's title,
        // however long the body's name.
        if let [.., prev, last] = segs[..] {
            // (Cheap test first: the phrase opens with a capital.)
            let opens_cap = self.word_at(toks, last.0).is_some_and(is_cap);
            let title = (last.0..last.1.min(last.0 + 8))
                .take_while(|_| opens_cap)
                .find(|&k| {
                    self.word_at(toks, k)
                        .is_some_and(|w| is_title(w) && is_cap(w))
                });
            let title_phrase = title.is_some_and(|t| {
                (last.0..t).all(|k| {
                    self.word_at(toks, k)
                        .is_some_and(|w| is_cap(w) || is_in(w, &["and", "of"]))
                }) && (t + 1 == last.1 || self.is_word(toks, t + 1, &["at", "of", "for"]))
            });
            if title_phrase && self.words(toks, prev.0, prev.1) <= 4 {
                if let Some(named) = self
                    .speaker(toks, prev)
                    .filter(|n| n.person && !n.hop.anonymous)
                {
                    return Some(named);
                }
            }
        }
        if segs.len() > 1 {
            let last = segs[segs.len() - 1];
            if self.words(toks, last.0, last.1) <= 6 {
                if let Some(s) = self.speaker(toks, last) {
                    // "the People's Bank of China, the central bank, said": an
                    // unresolved definite description in apposition defers to the name.
                    let prev = segs[segs.len() - 2];
                    // "Ana Ruiz, a politician distrustful of Ostland, said": an
                    // indefinite apposition describes the name before it; the place
                    // inside it is no speaker.
                    // Only a closed apposition after a short name ("…, a politician
                    // …, said"); "Four days later, an official reprimand said" and
                    // "…, a law enforcement source said" have their subject last.
                    // After the cue ("…, said Ruiz, a campaigner.") the apposition
                    // closes the sentence and always describes the name.
                    let inverted =
                        cs > 0 && self.word_at(toks, cs - 1).and_then(lexicon::cue).is_some();
                    let indefinite = self.is_word(toks, last.0, lexicon::INDEFINITE_OPENERS)
                        && (inverted || toks.get(last.1).is_some_and(|t| t.k == K::Comma))
                        && self.words(toks, prev.0, prev.1) <= 5;
                    if indefinite && self.has_name(toks, prev.0, prev.1) {
                        if let Some(named) = self.speaker(toks, prev).filter(|n| !n.hop.anonymous) {
                            return Some(named);
                        }
                    }
                    // "…, says Ana Ruiz, Ostland Services Group Chairman for Deloitte":
                    // a capitalised title phrase read as a body is the person's title.
                    let titled = (last.0..last.1).any(|k| {
                        self.word_at(toks, k)
                            .is_some_and(|w| is_title(w) && is_cap(w))
                    });
                    if !s.person && !s.hop.anonymous && titled {
                        if let Some(named) = self
                            .speaker(toks, prev)
                            .filter(|n| n.person && !n.hop.anonymous)
                        {
                            return Some(named);
                        }
                    }
                    // ("JD.com Inc, China's largest online retailer, says" too; an owner
                    // of up to three words: "…, Ivo Brandt, Ana Ruiz's son, said".)
                    let owned = self.owner_within(toks, last.0, last.1).is_some();
                    if (s.hop.anonymous && (self.is_word(toks, last.0, &["the"]) || owned)
                        || owned
                            && !s.person
                            && (prev.0..prev.1).all(|k| {
                                self.word_at(toks, k)
                                    .is_some_and(|w| is_cap(w) || is_in(w, CONNECTORS))
                            }))
                        && closed
                        && self.words(toks, prev.0, prev.1) <= 8
                        && self.has_name(toks, prev.0, prev.1)
                    {
                        // A name of two words or more, or an acronym; never a lone
                        // capitalised adverb ("Instead, the panel said").
                        let name_like = |n: &Spk| {
                            !n.hop.anonymous
                                && (n.hop.name.split_whitespace().count() >= 2
                                    || n.hop.name.chars().all(|c| c.is_ascii_uppercase()))
                        };
                        if let Some(named) = self.speaker(toks, prev).filter(name_like) {
                            return Some(named);
                        }
                    }
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

    /// Is the quotation `t` a short capitalised title closed by a comma inside its
    /// quotation mark ("Shark Tank,", "Face the Nation,")?
    fn quoted_title_with_comma(&self, t: &Tok) -> bool {
        let q = self.n[t.s..t.e].trim_end();
        let inner = q.trim_matches(|c: char| !c.is_alphanumeric());
        q.ends_with(',')
            && (1..=4).contains(&inner.split_whitespace().count())
            && inner.starts_with(|c: char| c.is_uppercase())
            && inner
                .split_whitespace()
                .all(|w| is_cap(w) || is_in(w, &["the", "of", "and", "a", "in", "on"]))
    }

    /// An adverb or auxiliary between a subject and its cue ("also", "has"); not an
    /// acronym written like one ("IS said").
    pub(super) fn subject_adverb(&self, toks: &[Tok], i: usize) -> bool {
        self.word_at(toks, i).is_some_and(adverb_word)
    }

    /// Does a segment read like an apposition: "the/a …", "head of …", "Mr X's aide"?
    fn appositive(&self, toks: &[Tok], (a, b): (usize, usize)) -> bool {
        let first = self.word_at(toks, a).unwrap_or("");
        let head = first.split('-').next().unwrap_or(first);
        // "Name, Ruritania's foreign minister, said": a possessive opening a phrase
        // whose head is lower-case describes the name before it.
        let possessive_role = (first.ends_with("'s") || first.ends_with("\u{2019}s"))
            && self.words(toks, a, b) >= 2
            && self
                .word_at(toks, b - 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        // "Name, Cambodia director of the Solidarity Center, said": capitalised
        // modifiers before a role noun. "Name, Malaysian police chief, said": or
        // before a body's word and the role noun that ends the segment or opens its
        // "of"/"at"/"for".
        let role = |w: &str| {
            (is_in(w, lexicon::PERSON_REFS) || is_in(w, lexicon::TITLES))
                && !is_in(w, lexicon::ORG_WORDS)
        };
        let modified_role = || {
            (a..b.min(a + 4))
                .find(|&k| {
                    self.word_at(toks, k)
                        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
                })
                .is_some_and(|k| {
                    k > a
                        && (self.word_at(toks, k).is_some_and(role)
                            || (k + 1 < b
                                && (k + 2 == b || self.is_word(toks, k + 2, &["of", "at", "for"]))
                                && self.word_at(toks, k + 1).is_some_and(|w| {
                                    w.starts_with(|c: char| c.is_lowercase()) && role(w)
                                })))
                })
        };
        // "Name, Managing Director of the Energy Association, said": a capitalised
        // title of up to three words before its "of"/"at"/"for".
        let titled_role = || {
            (a..b.min(a + 3)).any(|k| {
                self.word_at(toks, k)
                    .is_some_and(|w| is_cap(w) && is_in(w, lexicon::TITLES))
                    && !self.is_word(toks, k, lexicon::ORG_WORDS)
                    && self.is_word(toks, k + 1, &["of", "at", "for"])
                    && (a..k).all(|j| self.word_at(toks, j).is_some_and(is_cap))
            })
        };
        // "In Kyreside, Tenbury Wells, Ms Passey said": an honorific and a name is
        // the subject itself, no description of the segment before.
        let honorific_name = is_in(
            first.trim_end_matches('.'),
            &["Mr", "Mrs", "Ms", "Miss", "Dr"],
        ) && (2..=4).contains(&self.words(toks, a, b))
            && (a + 1..b).all(|k| self.word_at(toks, k).is_some_and(is_cap));
        self.words(toks, a, b) <= 20
            && !honorific_name
            && (first.starts_with(|c: char| c.is_lowercase())
                || possessive_role
                || modified_role()
                || titled_role()
                || is_in(first, lexicon::TITLES)
                || is_in(head, lexicon::TITLES))
            && !is_in(first, NOT_SUBJECT_START)
    }

    pub(super) fn has_name(&self, toks: &[Tok], a: usize, b: usize) -> bool {
        toks[a..b].iter().any(|t| {
            let w = self.w(t);
            t.k == K::Word && is_cap(w) && !is_in(w, NOT_NAMES) && !w.ends_with("-based")
        })
    }

    /// Read a speaker phrase `[a, b)` into a hop, resolving references.
    pub(super) fn speaker(&mut self, toks: &[Tok], (a, b): (usize, usize)) -> Option<Spk> {
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
        // "A statement on Friday from the Ostland police said": the author, before
        // the time phrase is cut away below.
        if all.len() <= 12
            && all.len() > 3
            && is_in(all[0], ARTICLES)
            && (is_in(all[1], DOCS) || is_in(all[2], DOCS))
        {
            if let Some((_, owner)) = doc_owner(&all) {
                return Some(owner);
            }
        }
        // Cut at a relative clause or a comma.
        let mut end = b;
        // Where the speaker's words start: `a`, or a person's name after a place.
        let mut from = a;
        for k in a..b {
            if matches!(toks[k].k, K::Comma | K::Open | K::Close)
                || (k > a && self.is_word(toks, k, lexicon::RELATIVE_PRONOUNS))
            {
                // "people whose records suggested": the records speak, not the
                // people; "a firm whose spokesman said" is the firm (rulebook R3).
                // Only when the relative clause is the cue's subject (a few words
                // up to the cue), not "a victim whose attack led to …, saying".
                if k > a
                    && b - k <= 4
                    && self.word_at(toks, b).and_then(lexicon::cue).is_some()
                    && self.is_word(toks, k, &["whose"])
                    && (k + 1..b).any(|j| {
                        toks[j].k == K::Word && !self.is_word(toks, j, lexicon::SPOKES_WORDS)
                    })
                {
                    return None;
                }
                end = k;
                break;
            }
            // "Karen Lawrence from Ostland Shark Tours": a person's full name before
            // "from" and the body is the person, as before "of" (rulebook R3: a
            // named person speaks for no body).
            if k >= a + 2
                && self.is_word(toks, k, &["from"])
                && (a..k).all(|j| {
                    self.word_at(toks, j)
                        .is_some_and(|w| is_cap(w) && !is_title(w) && !w.ends_with("'s"))
                })
                && k - a <= 3
                && self
                    .word_at(toks, k + 1)
                    .is_some_and(|w| is_cap(w) || w == "the")
            {
                let run: Vec<&str> = (a..k).filter_map(|j| self.word_at(toks, j)).collect();
                if known_first_name(run[0]) && !is_org(&run) {
                    end = k;
                    break;
                }
            }
            // "Mitchell from the University of Edinburgh told …": a lone surname of a
            // person named before, before "from" and a body, is the person too;
            // never a plural or a role ("Experts from the University", "Officials
            // from …": the body's people) nor a plain noun ("Research from …").
            if k == a + 1
                && self.is_word(toks, k, &["from"])
                && self.is_word(toks, k + 1, &["the"])
                && toks.get(k + 2).is_some_and(|t| t.k == K::Word)
                && (k + 2..b).take_while(|&j| toks[j].k == K::Word).all(|j| {
                    self.word_at(toks, j)
                        .is_some_and(|w| is_cap(w) || w == "of")
                })
            {
                let one = self.w(&toks[a]);
                let lower = one.to_ascii_lowercase();
                let object: Vec<&str> = (k + 2..b)
                    .take_while(|&j| toks[j].k == K::Word)
                    .map(|j| self.w(&toks[j]))
                    .collect();
                if is_cap(one)
                    && self.name_words.contains(one)
                    && could_be_surname(one)
                    && !is_title(one)
                    && !is_org(&[one])
                    && !is_known_media(one)
                    && !people_plural(&lower)
                    && !person_noun(&lower)
                    && is_org(&object)
                {
                    end = k;
                    break;
                }
            }
            // "Adam Ode on Friday", "the commander in Chile": a time or place phrase
            // after the head noun is not part of the speaker.
            if k > a && self.is_word(toks, k, lexicon::SPEAKER_PHRASE_CUTS) {
                let nxt = self.word_at(toks, k + 1).unwrap_or("");
                let prev = self.word_at(toks, k - 1).unwrap_or("");
                let time = is_in(nxt, lexicon::WEEKDAYS)
                    || nxt.starts_with(|c: char| c.is_ascii_digit())
                    || (is_in(nxt, NOT_NAMES) && is_cap(nxt));
                // "Police in Lexington County", "Officials in Kiev": a role capitalised
                // as the first word, before "in" and a place's name (not "Officials
                // from the Department of Transport", who speak for it, rulebook R3).
                let lower_head = prev.starts_with(|c: char| c.is_lowercase());
                let in_place = k == a + 1
                    && self.is_word(toks, k, lexicon::IN_PLACE_PREPS)
                    && (k + 1..b)
                        .all(|j| toks[j].k != K::Word || self.word_at(toks, j).is_some_and(is_cap))
                    && !is_org(
                        &toks[k + 1..b]
                            .iter()
                            .filter(|t| t.k == K::Word)
                            .map(|t| self.w(t))
                            .collect::<Vec<_>>(),
                    );
                // "a spokesperson from the interior ministry", "an official at the
                // embassy": a voice of the body after it (rulebook R3), not a place.
                let voice_of = is_in(prev, lexicon::SPOKES_WORDS)
                    || (is_in(prev, &["official", "officials"]) && self.is_word(toks, k, &["at"]))
                    // "analysts at Citibank": people of a named body.
                    || (is_in(prev, lexicon::ANON_NOUNS)
                        && self.is_word(toks, k, &["at"])
                        && is_cap(nxt)
                        && !is_in(nxt, NOT_NAMES));
                let role_head = (lower_head || in_place)
                    && !voice_of
                    && (is_in(prev, lexicon::PERSON_REFS)
                        || is_in(prev, lexicon::ANON_NOUNS)
                        || is_in(prev, lexicon::INSTITUTIONS)
                        // "fishermen in Dravel", "teachers in Leeds": people where
                        // they are ("colleagues at Harvard" speak for Harvard).
                        || listed_people_plural(&prev.to_ascii_lowercase())
                            && self.is_word(toks, k, &["in"]));
                // "Russia's envoy in Geneva Alexey Borodavkin", "leader in Northern
                // Ireland Ana Ruiz": the place ends a title before the person's full
                // name, which closes the phrase and is the speaker.
                // A post abroad names its place first ("Russian ambassador in the
                // Islamic Republic Levan Dzhagaryan", "… envoy to Iran …"): the last
                // two capitalised words are the holder's name.
                let posted = is_in(prev, lexicon::POSTED_TITLES)
                    && self.is_word(toks, k, lexicon::POST_LINKS);
                let place_cut =
                    role_head && self.is_word(toks, k, lexicon::PLACE_OPENERS) || posted;
                let place = k + 1 + usize::from(posted && self.is_word(toks, k + 1, &["the"]));
                if place_cut {
                    if let Some(j) = (place + 1..b.saturating_sub(1)).find(|&j| {
                        (2..=3).contains(&(b - j))
                            && (known_first_name(self.w(&toks[j])) || posted && b - j == 2)
                            && toks[place..b]
                                .iter()
                                .all(|t| t.k == K::Word && is_cap(self.w(t)))
                    }) {
                        from = j;
                        break;
                    }
                }
                if time && self.is_word(toks, k, lexicon::TIME_OPENERS) || place_cut {
                    end = k;
                    break;
                }
            }
        }
        let mut words: Vec<&str> = toks[from..end]
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
        while words.len() > 1 && words.last().is_some_and(|w| adverb_word(w)) {
            words.pop();
        }
        // "Many media outlets wrongly reported": only from a phrase of three words or
        // more. "He allegedly claimed", "It vehemently denies" come in stretches of
        // narration where the antecedent is more often misread than not.
        if words.len() > 2 && words.last().is_some_and(|w| ly_adverb(w)) {
            words.pop();
        }
        if words.is_empty() || words.len() > 16 {
            return None;
        }
        let lower0 = words[0].to_ascii_lowercase().replace('\u{2019}', "'");
        if words.len() == 1 {
            // "He's also said …": a pronoun with "has" contracted ("It's said to …"
            // is impersonal).
            let pronoun = lower0
                .strip_suffix("'s")
                .or_else(|| lower0.strip_suffix("'ve"))
                .filter(|p| is_in(p, &["he", "she", "they"]))
                .unwrap_or(&lower0);
            match pronoun {
                "he" | "she" => return self.resolve_gendered(pronoun == "she"),
                "it" => return self.resolve_it(),
                "they" => return self.resolve_plural(),
                "i" | "we" | "you" | "this" | "that" | "there" | "who" | "which" | "what" => {
                    return None
                }
                _ => {}
            }
        }
        // "the artist", "the mining company": the entity an apposition described so.
        if let Some(s) = self.described_as(&words) {
            return Some(s);
        }
        // "The Fianna Fáil TD said", "the Lagan Valley MP": a member of a parliament
        // described by party or seat is the person the article is about, as "he"
        // would be (`resolve`), when a statement came at most two sentences before.
        if lower0 == "the"
            && (2..=5).contains(&words.len())
            && is_in(words[words.len() - 1], lexicon::LEGISLATOR_TITLES)
            && words[1..words.len() - 1].iter().all(|w| is_cap(w))
            && self
                .out
                .last()
                .is_some_and(|f| f.sentence + 2 >= self.sentence_no)
        {
            if let Some(s) = self.resolve(true).filter(|s| s.person && !s.hop.anonymous) {
                return Some(s);
            }
        }
        // "the prepared speech said", "the remarks said": a person's own words, folded
        // into their author (rulebook R3): the person who spoke last, when a statement
        // came at most two sentences before.
        if lower0 == "the"
            && (2..=3).contains(&words.len())
            && lexicon::spoken_doc(words[words.len() - 1])
            && words[1..]
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        {
            let recent = self
                .out
                .last()
                .is_some_and(|f| f.sentence + 2 >= self.sentence_no);
            let last = self.speakers.iter().rev().find(|s| !s.hop.anonymous);
            return last.filter(|s| recent && s.person).cloned();
        }
        // "The Russian diplomat said", "the top diplomat": the person the article
        // named with a diplomat's title (TASS writes this after every ambassador).
        if lower0 == "the"
            && words.len() <= 4
            && words[words.len() - 1].eq_ignore_ascii_case("diplomat")
            && words[1..words.len() - 1]
                .iter()
                .all(|w| is_cap(w) || is_in(w, &["top", "senior", "chief", "high-ranking"]))
        {
            // An unnamed diplomat brought in before ("a Western diplomat said …")
            // stays that source.
            if let Some(s) = self.by_role("diplomat", &[]).filter(|s| {
                s.hop.anonymous
                    && s.hop
                        .name
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| is_in(w, lexicon::INDEFINITE_OPENERS))
            }) {
                return Some(s);
            }
            let top = words.iter().any(|w| w.eq_ignore_ascii_case("top"));
            let nationality = words[1..words.len() - 1]
                .iter()
                .find(|w| is_cap(w))
                .copied();
            if let Some(s) = self.diplomat(top, nationality) {
                return Some(s);
            }
        }
        // "the ministry's statement", "a board's report": the owner speaks.
        let head = words.last().copied().unwrap_or("").to_ascii_lowercase();
        let head_is_lower = words
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        // "A report on the launch carried by the Ostwind news agency said": the author.
        if let Some((_, owner)) = doc_owner(&words) {
            return Some(owner);
        }
        if words.len() >= 2 && head_is_lower && (is_in(&head, DOCS) || lexicon::spoken_doc(&head)) {
            // "Court documents say …": papers filed in a court are the parties', not
            // the court's: an unnamed document.
            if words.len() == 2 && words[0].eq_ignore_ascii_case("court") {
                return Some(Spk::anonymous(&words.join(" "), false));
            }
            // "a Herald investigation", "a CDC flu report": the body or medium named
            // in front; the publisher's own is an unnamed document of its reporters
            // ("~a BBC investigation").
            if words.len() >= 3 && is_in(&lower0, ARTICLES) {
                let owner: Vec<&str> = words[1..words.len() - 1]
                    .iter()
                    .take_while(|w| is_cap(w) && !w.ends_with("'s"))
                    .copied()
                    .collect();
                let rest_lower = words[1 + owner.len()..words.len() - 1]
                    .iter()
                    .all(|w| w.starts_with(|c: char| c.is_lowercase()));
                let name = owner.join(" ");
                let media =
                    is_known_media(&name) || owner.iter().any(|w| is_in(w, lexicon::MEDIA_WORDS));
                if !owner.is_empty()
                    && rest_lower
                    && (media || is_org(&owner) || owner.len() == 1 && acronym(owner[0]))
                {
                    if name.eq_ignore_ascii_case(self.publisher) {
                        return Some(Spk::anonymous(&words.join(" "), false));
                    }
                    return Some(Spk::named(&name, false, media));
                }
            }
            if let Some(pos) = words.iter().rposition(|w| w.ends_with("'s")) {
                let mut owner: Vec<String> = words[..=pos].iter().map(|w| w.to_string()).collect();
                if let Some(l) = owner.last_mut() {
                    *l = l.trim_end_matches("'s").to_string();
                }
                let owner: Vec<&str> = owner.iter().map(String::as_str).collect();
                return self.phrase_speaker(&owner);
            }
            // "the report", "the research report", "its annual report".
            // ("the 43-page ruling": a measure is a plain modifier too.)
            let plain_mods = words[1..words.len() - 1].iter().all(|w| {
                w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit())
            });
            if is_in(&lower0, &["the", "its", "this"]) && words.len() <= 3 && plain_mods {
                // The document introduced earlier with its author, else the latest
                // medium or organisation that spoke, else an unnamed document
                // (rulebook: "~a 2023 survey").
                if let Some((_, s)) = self.docs.iter().rev().find(|d| d.0 == head) {
                    return Some(s.clone());
                }
                // With a modifier ("the budget document") the latest body is too
                // loose a guess (a place or a glued word as often as the author),
                // except for what bodies issue ("the press release", "the joint
                // statement": the latest body that spoke).
                if words.len() == 3 {
                    let issued = is_in(&head, &["release", "statement", "communique"]);
                    return issued
                        .then(|| self.resolve_org(false))
                        .flatten()
                        .or_else(|| Some(Spk::anonymous(&words.join(" "), false)));
                }
                let media_first = !is_in(&head, lexicon::COUNT_DOCS);
                // "the article" is a medium's, never another body's.
                let media_only = head == "article";
                return self
                    .resolve_org(media_first)
                    .or_else(|| (!media_only).then(|| self.resolve_org(false)).flatten())
                    .or_else(|| Some(Spk::anonymous(&words.join(" "), false)));
            }
        }
        // "a spokeswoman for Ana Ruiz" is Ruiz (rulebook R3), and a later "the
        // spokeswoman" is Ruiz again (`by_role`): the voice's noun is kept as the head.
        let voice = words
            .iter()
            .find(|w| w.starts_with(|c: char| c.is_lowercase()) && is_in(w, lexicon::SPOKES_WORDS))
            .map(|w| w.to_ascii_lowercase());
        let Some(s) = self.phrase_speaker(&words) else {
            // "a representative of Russia's arms exporter": an indefinite person or
            // voice whose body the rules cannot name is still an unnamed source,
            // never nothing (rulebook R3).
            let of = words
                .iter()
                .position(|w| is_in(w, &["of", "for", "at", "from"]))
                .unwrap_or(words.len());
            let voice = of >= 2
                && of < words.len()
                && words.len() <= 8
                && is_in(&lower0, &["a", "an"])
                && words[1..of].iter().all(|w| !is_cap(w))
                && (is_in(words[of - 1], lexicon::SPOKES_WORDS)
                    || is_in(words[of - 1], lexicon::PERSON_REFS)
                    || is_in(words[of - 1], &["representative", "source"]));
            return voice.then(|| Spk::anonymous(&words.join(" "), true));
        };
        match voice {
            Some(v) if !s.hop.anonymous && s.head.is_empty() => Some(s.with_head(&v)),
            _ => Some(s),
        }
    }

    /// The hop for a cleaned speaker phrase.
    pub(super) fn phrase_speaker(&mut self, words: &[&str]) -> Option<Spk> {
        let found = self.phrase_speaker_as_written(words);
        // "the President said": a capitalised title alone, which names nobody (no
        // "President" is a source), is the role noun: the person introduced with it
        // ("President Ana Ruiz"), if there is one (never simply the latest person).
        if let [the, title] = words {
            // (Cheap tests first: this runs for every two-word phrase.)
            let bare = || {
                found
                    .as_ref()
                    .is_none_or(|s| !crate::extract::validity::valid_source(&s.hop))
            };
            if the.eq_ignore_ascii_case("the") && is_cap(title) && is_title(title) && bare() {
                let lower = title.to_lowercase();
                let role = self.phrase_speaker_as_written(&[the, lower.as_str()]);
                if let Some(s) = role.filter(|s| !s.hop.anonymous && self.titled(s, &lower)) {
                    return Some(s);
                }
            }
        }
        // "The former Congressman said": with a qualifier, an epithet read as the role
        // noun in lower case (the person described so, else the latest person).
        if let [the, q, title] = words {
            let bare = || {
                found.as_ref().is_none_or(|s| {
                    !crate::extract::validity::valid_source(&s.hop) || s.hop.name == *title
                })
            };
            if the.eq_ignore_ascii_case("the")
                && is_in(q, lexicon::ROLE_QUALIFIERS)
                && is_cap(title)
                && is_title(title)
                && bare()
            {
                let lower = title.to_lowercase();
                return self.phrase_speaker_as_written(&[the, q, lower.as_str()]);
            }
        }
        found
    }

    /// Was `s` introduced with the title `title` (lower case), and not as a former
    /// holder ("The President has alleged that the former President …")?
    fn titled(&self, s: &Spk, title: &str) -> bool {
        let holds = |c: &str| {
            c.split_whitespace().any(|w| w == title) && !c.split_whitespace().any(|w| w == "former")
        };
        self.mentions
            .iter()
            .any(|(n, c)| *n == s.hop.name && holds(c))
            || self
                .described
                .iter()
                .any(|(n, c, ..)| *n == s.hop.name && holds(c))
    }

    fn phrase_speaker_as_written(&mut self, words: &[&str]) -> Option<Spk> {
        if words.is_empty() {
            return None;
        }
        let lower0 = words[0].to_ascii_lowercase();
        // "Recent polls show", "Senior doctors said": an adjective capitalised only
        // because it opens the sentence, before a lower-case noun, is no name.
        if words.len() >= 2
            && is_in(words[0], lexicon::OPENING_ADJECTIVES)
            && words[0] != lower0
            && words[1].starts_with(|c: char| c.is_ascii_lowercase())
        {
            let mut lowered = words.to_vec();
            lowered[0] = &lower0;
            // (A description keeps its words as written: "~Local reports".)
            return self.phrase_speaker_as_written(&lowered).map(|mut s| {
                if let Some(rest) = s.hop.name.strip_prefix(lower0.as_str()) {
                    s.hop.name = format!("{}{rest}", words[0]);
                }
                s
            });
        }
        let head = words.last().copied().unwrap_or("").to_ascii_lowercase();
        // "the CEO", "the company's CEO": a role written as an acronym is the role
        // noun ("the ceo"), an unnamed person, not a name.
        let n = words.len();
        let role_acronym = n >= 2
            && acronym(words[n - 1])
            && is_in(&head, lexicon::PERSON_REFS)
            && words[..n - 1]
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_lowercase()));
        // "CEO of Russian Helicopters rotorcraft manufacturer Andrei Boginsky": a
        // title's description ending in lower-case words, then a known first name
        // and a surname, is that person (rulebook R3: a named person speaks for no
        // body).
        if n >= 5
            && known_first_name(words[n - 2])
            && is_cap(words[n - 1])
            && !is_title(words[n - 1])
            && words[n - 3].len() > 3
            && words[n - 3].bytes().all(|b| b.is_ascii_lowercase())
            && !is_in(words[n - 3], CONNECTORS)
            && words[..n - 3].iter().any(|w| is_title(w))
        {
            let name = self.expand(&words[n - 2..].join(" "));
            return Some(Spk::named(&name, true, false));
        }
        // "Syrian state TV" is read as "Syrian state television" is (not as the
        // name "TV"), and keeps its own spelling.
        if n >= 2 && words[n - 1] == "TV" && words[n - 2] == "state" {
            let mut long = words.to_vec();
            long[n - 1] = "television";
            let written = words.join(" ");
            return self.phrase_speaker_as_written(&long).map(|mut s| {
                if s.hop.name == long.join(" ") {
                    s.hop.name = written;
                }
                s
            });
        }
        if role_acronym {
            let mut lower = words.to_vec();
            lower[n - 1] = &head;
            return self.phrase_speaker_as_written(&lower).map(|mut s| {
                if s.hop.anonymous {
                    s.hop.name = words.join(" ");
                }
                s
            });
        }
        // "the company's press service", "its press office", "the ministry's
        // spokesman": the body they speak for (rulebook R3).
        let press = n >= 3
            && words[n - 2].eq_ignore_ascii_case("press")
            && is_in(&head, &["office", "service"]);
        let voice = press || (n == 3 && is_in(&head, lexicon::SPOKES_WORDS));
        if voice && lower0 == "its" && n <= 3 {
            if let Some(s) = self.resolve_org(false) {
                return Some(s);
            }
        }
        if voice && lower0 == "the" && n == 3 + usize::from(press) {
            if let Some(owner) = words[1]
                .strip_suffix("'s")
                .filter(|o| is_in(o, lexicon::ORG_REFS) || is_in(o, lexicon::INSTITUTIONS))
            {
                return self.phrase_speaker(&["the", owner]);
            }
        }
        // "Several Ruiz donors", "Two Ostland confidants": a count of people named
        // by a plural common noun after a person's or place's name is an unnamed
        // group, not the name (a medium's or a body's people are read below).
        if (3..=5).contains(&n)
            && is_in(&lower0, lexicon::QUANTITY_OPENERS)
            && head.len() > 4
            && head.ends_with('s')
            && !head.ends_with("ss")
            && words[n - 1].starts_with(|c: char| c.is_ascii_lowercase())
            && words[1..n - 1].iter().all(|w| is_cap(w))
            && !is_org(&words[1..n - 1])
            && !is_known_media_run(&words[1..n - 1])
            && !acronym(words[1])
        {
            return Some(Spk::anonymous(&words.join(" "), true));
        }
        // "Some Bosnian Serbs", "Several Americans": a count of a people named by a
        // capitalised plural is an unnamed group too.
        if (2..=4).contains(&n)
            && is_in(&lower0, lexicon::QUANTITY_OPENERS)
            && lower0 != "both"
            && head.len() > 4
            && head.ends_with('s')
            && !head.ends_with("ss")
            && words[1..].iter().all(|w| is_cap(w))
            && !is_org(&words[1..])
            && !is_known_media_run(&words[1..])
            && !acronym(words[n - 1])
        {
            return Some(Spk::anonymous(&words.join(" "), true));
        }
        // "The father of three, who …, wrote": a parent described by a count of
        // children is the person spoken of before (rulebook R3: a definite
        // description resolves), never an unnamed one.
        if n == 4
            && lower0 == "the"
            && words[2] == "of"
            && is_in(words[1], &["father", "mother"])
            && (is_in(words[3], lexicon::COUNT_WORDS)
                || words[3].bytes().all(|b| b.is_ascii_digit()))
        {
            return self.resolve_gendered(words[1] == "mother");
        }
        // "the leaders of the Senate panel", "Members of the Senate Intelligence
        // Committee": people of a body. A body with a name speaks for them (as for
        // "officials at the Foreign Ministry"); else they are an unnamed description.
        if let Some(p) = words
            .iter()
            .take(4)
            .position(|w| is_in(w, &["of", "at", "from"]))
            .filter(|&p| p >= 1)
        {
            let group = words[p - 1].to_ascii_lowercase();
            let plural = group.len() > 5 && group.ends_with('s') && !group.ends_with("ss");
            let object = &words[p + 1..];
            // A short object that is no document's ("the authors of a report by
            // …" is the report's author) and no mis-read clause ("… correctly").
            let plain_object = (1..=6).contains(&object.len())
                && !object.iter().any(|w| is_in(w, DOCS))
                && !object.last().is_some_and(|w| w.ends_with("ly"));
            // "Supporters of leaving the EU": an action, not the body, follows.
            let action = object.first().is_some_and(|w| {
                w.len() > 4 && w.ends_with("ing") && w.starts_with(|c: char| c.is_lowercase())
            });
            if plural
                && plain_object
                && people_plural(&group)
                && words[..p - 1]
                    .iter()
                    .all(|w| !is_cap(w) || is_in(w, ARTICLES))
            {
                // The body's name is the object's head ("the Senate panel" is not
                // the Senate).
                // After "at" any name that is no place is the employer ("analysts
                // at Citibank", "representatives at PwC").
                let employer = |run: &[&str]| {
                    words[p].eq_ignore_ascii_case("at")
                        && run.len() == object.len()
                        && run.len() <= 3
                        && !is_in(run[run.len() - 1], lexicon::PLACE_ENDS)
                };
                let body = cap_runs(object).into_iter().find(|r| {
                    let run = &object[r.0..r.1];
                    r.1 == object.len()
                        && (is_org(run)
                            || is_known_media_run(run)
                            || acronym(run[0])
                            || employer(run))
                });
                if let Some(r) = body.filter(|_| !action) {
                    return Some(Spk::named(&object[r.0..r.1].join(" "), false, false));
                }
                // Plural: nobody's "he" or "she".
                return Some(Spk::anonymous(&words.join(" "), false));
            }
        }
        let head_lower = words
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) || w.ends_with("-year-old"));
        let caps = cap_runs(words);
        let phrase = words.join(" ");
        let determiner = is_in(&lower0, ARTICLES);
        // "South Korean politicians", "Google engineers": people described, unnamed.
        let people_head = listed_people_plural(&head);
        let anon_head = head_lower && (is_in(&head, lexicon::ANON_NOUNS) || people_head);
        // "the senior Republican", "House Democrats": a party's members, unnamed. The
        // capitalised head names nobody; "the Republican" is the one described before.
        if is_in(&head, lexicon::PARTY_MEMBERS)
            && words.len() <= 4
            && !words[..words.len() - 1]
                .iter()
                .any(|w| is_in(w, lexicon::PARTY_NAME_LEADS))
        {
            // "the Wisconsin Republican said": the legislator just quoted, like "the
            // senator"; "the senior Republican": the one described so before.
            if lower0 == "the" && !head.ends_with('s') {
                if let Some(s) = self.speaker_with_word(&head, |s| s.hop.anonymous) {
                    return Some(s);
                }
                if let Some(s) = self.resolve(true) {
                    return Some(s);
                }
            }
            return Some(Spk::anonymous(&phrase, true).with_head(&head));
        }
        // "Prosecutors said" at the start of a sentence: capitalised by position only;
        // the same group as an earlier "federal prosecutors".
        // ("Authorities say" too: a plural institution no article has just one of.)
        let plural_body = head.ends_with('s')
            && is_in(&head, lexicon::INSTITUTIONS)
            && !is_in(&head, lexicon::STANDING_BODIES);
        // "Malaysian authorities", "local authorities", "Kenyan prison authorities": a
        // plural body described, not named (not "EU authorities": an acronym names one).
        if plural_body
            && head_lower
            && (2..=3).contains(&words.len())
            && !is_in(&lower0, ARTICLES)
            && !words.iter().any(|w| {
                w.ends_with("'s") || acronym(w) || is_known_media(w) || is_in(w, CONNECTORS)
            })
            && !caps.iter().any(|r| is_org(&words[r.0..r.1]))
        {
            return Some(Spk::anonymous(&phrase, true).with_head(&head));
        }
        // "Research shows", "Studies show": unnamed documents (rulebook: anonymous).
        // "Others say", "Opponents argue": people taking sides.
        if words.len() == 1
            && (people_head
                || plural_body
                || is_in(&head, lexicon::ANON_NOUNS)
                || is_in(&head, lexicon::SIDE_PLURALS)
                || is_in(&head, lexicon::FINDING_PLURALS)
                || is_in(&head, &["others", "critics"])
                || is_cap(words[0]) && unnamed_docs(&head))
            && !is_known_media(words[0])
        {
            let earlier = self
                .speakers
                .iter()
                .rev()
                .find(|s| s.hop.anonymous && s.head == head);
            return Some(
                earlier
                    .cloned()
                    .unwrap_or_else(|| Spk::anonymous(&phrase, true).with_head(&head)),
            );
        }
        // A capitalised noun inside a name ("Joint Chiefs of Staff") is no unnamed
        // source; at the start of the phrase ("Officials") it still is.
        // "Citizens for Responsibility and Ethics" is a name.
        // ("Critics of the Trump cabinet" is not: its head is lower-case.)
        let opens_name = caps.first().is_some_and(|r| r.0 == 0 && r.1 > 1) && !head_lower;
        let anon_any = words
            .iter()
            .enumerate()
            .any(|(i, w)| is_in(w, lexicon::ANON_NOUNS) && (i == 0 && !opens_name || !is_cap(w)));
        let spokes = words.iter().any(|w| is_in(w, lexicon::SPOKES_WORDS));
        // "a spokesman for the Chilean president": the person described, as "the
        // Chilean president" alone would be read (never the demonym).
        if let Some(f) = words.iter().position(|w| is_in(w, &["for", "of"])) {
            let object = &words[f + 1..];
            let role = object.last().copied().unwrap_or("");
            // "a spokesman for Mrs Ruiz": the person, named in full if the article
            // named her so before.
            if (1..=2).contains(&f)
                && is_in(words[f - 1], lexicon::SPOKES_WORDS)
                && (2..=3).contains(&object.len())
                && is_in(object[0], lexicon::HONORIFICS)
                && object[1..].iter().all(|w| is_cap(w))
            {
                if let Some(s) = self
                    .phrase_speaker(object)
                    .filter(|s| s.person && !s.hop.anonymous)
                {
                    return Some(s);
                }
            }
            if (1..=2).contains(&f)
                && is_in(words[f - 1], lexicon::SPOKES_WORDS)
                && object.len() >= 2
                && object.len() <= 4
                && is_in(object[0], &["the"])
                && role.starts_with(|c: char| c.is_lowercase())
                && (is_in(role, lexicon::PERSON_REFS) || is_in(role, lexicon::TITLES))
                && !is_in(role, lexicon::ORG_WORDS)
            {
                return self.phrase_speaker(object);
            }
            // "a spokesperson for the school" after "Southwood School": the body the
            // article named (rulebook R3); unresolved, the phrase stays anonymous.
            if (1..=2).contains(&f)
                && is_in(words[f - 1], lexicon::SPOKES_WORDS)
                && object.len() == 2
                && is_in(object[0], &["the"])
                && role.starts_with(|c: char| c.is_lowercase())
                && !is_in(role, DOCS)
            {
                let body_noun =
                    is_in(role, lexicon::ORG_REFS) || is_in(role, lexicon::INSTITUTIONS);
                if let Some(body) = self.phrase_speaker(object).filter(|s| {
                    !s.hop.anonymous
                        && !s.person
                        && (body_noun
                            || s.hop.name.split(' ').any(|w| w.eq_ignore_ascii_case(role)))
                }) {
                    return Some(body);
                }
            }
        }
        let indefinite = is_in(&lower0, lexicon::ANON_OPENERS);
        // "The mother of Ana Ruiz", "a friend of the victim": a relation of somebody,
        // unnamed.
        if let Some(of) = words.iter().position(|w| *w == "of") {
            let rel = of.checked_sub(1).map(|k| words[k]);
            if (2..=3).contains(&of)
                && (determiner || indefinite || is_in(&lower0, lexicon::POSSESSIVES))
                && rel.is_some_and(|r| is_in(r, lexicon::KIN_NOUNS) && !is_cap(r))
                && words[..of].iter().skip(1).all(|w| !is_cap(w))
            {
                let kin = rel.unwrap_or_default().to_ascii_lowercase();
                return Some(Spk::anonymous(&phrase, true).with_head(&kin));
            }
        }
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
        // Rulebook R4: "Ana Ruiz and Tom Ade said" names two people; the whole phrase
        // is kept so that `coordinated` gives each one a statement. A side is a full
        // name, or a single word the article has already given as someone's surname.
        if let Some(and) = words.iter().position(|w| *w == "and") {
            let (l, r) = (&words[..and], &words[and + 1..]);
            // "both Ruiz and Ade say"
            let l = l.strip_prefix(&["both"]).unwrap_or(l);
            let named = |p: &[&str]| {
                !p.is_empty()
                    && p.iter().all(|w| is_cap(w))
                    && if p.len() == 1 {
                        self.expand(p[0]) != p[0]
                    } else {
                        // A full name, not a lone word after a possessive ("Ruritania's
                        // Industry and Trade Minister Ivo Brandt" is one person).
                        person_name(p).is_some_and(|n| n.split_whitespace().count() >= 2)
                    }
            };
            if named(l) && named(r) {
                return Some(Spk::named(&phrase, true, false));
            }
            // "South Korea and the US say", "France and Germany said": two countries
            // (a country's name, or an acronym of up to three letters after "the").
            let country = |p: &[&str]| {
                let (the, p) = match p {
                    [t, rest @ ..] if t.eq_ignore_ascii_case("the") => (true, rest),
                    _ => (false, p),
                };
                match p {
                    [one] if the && acronym(one) && one.len() <= 3 => true,
                    [.., last] if p.len() <= 3 => {
                        p.iter().all(|w| is_cap(w)) && is_in(last, lexicon::PLACE_ENDS)
                    }
                    _ => false,
                }
            };
            if country(l) && country(r) {
                return Some(Spk::named(&phrase, false, false));
            }
        }
        let org_head = head_lower
            && (is_in(&head, lexicon::INSTITUTIONS) || is_in(&head, lexicon::MEDIA_WORDS));
        // "the star of Downton Abbey", "the lawyer for Ana Ruiz": a name that is the
        // whole object of a role's preposition is what the role belongs to, not the
        // speaker (`role_of` reads the phrase).
        let role_object = words
            .iter()
            .position(|w| is_in(w, lexicon::ROLE_PREPS))
            .is_some_and(|p| {
                p >= 2
                    && words[p - 1].starts_with(|c: char| c.is_lowercase())
                    && caps.last().is_some_and(|r| {
                        r.1 == words.len()
                            && (r.0 == p + 1 || r.0 == p + 2 && is_in(words[p + 1], ARTICLES))
                    })
            });
        if role_object {
            if let Some(s) = self.role_of(words, spokes) {
                return Some(s);
            }
        }
        let person = if anon_head || org_head {
            None
        } else {
            caps.iter()
                .rev()
                .find_map(|r| {
                    // "UK Coastguard duty commander Peter Davies": a run right after a
                    // lower-case title is the titled name.
                    // ("a former New York police officer": "former" is no title's head.)
                    if r.0 >= 1
                        && is_title(words[r.0 - 1])
                        && !is_cap(words[r.0 - 1])
                        && !is_in(words[r.0 - 1], lexicon::TITLE_MODIFIERS)
                        && r.1 - r.0 >= 2
                    {
                        if let Some(p) = person_name(&words[r.0..r.1]) {
                            return Some(p);
                        }
                    }
                    let pieces = split_connectors(&words[r.0..r.1]);
                    let n = pieces.len();
                    pieces.iter().enumerate().find_map(|(i, p)| {
                        // "Ruritania's Joint Chiefs of Staff": a piece after a
                        // possessive, with no title, continued by "of …" in the same
                        // run, is a body's name rather than a person.
                        if i + 1 < n && !p.iter().any(|w| is_title(w)) {
                            return None;
                        }
                        // "Director General for Foreign Economic Activity Ivo Brandt":
                        // a long piece after a titled one is its portfolio, then the
                        // name at its end.
                        // (Only portfolio words before the name: not "of Police
                        // Khalid Abu Bakar".)
                        let portfolio_word = |w: &&str| {
                            let l = w.to_ascii_lowercase();
                            is_in(&l, lexicon::PORTFOLIOS)
                                || ["ic", "ity", "ment", "ion", "ions", "affairs"]
                                    .iter()
                                    .any(|e| l.ends_with(e))
                        };
                        if i > 0 && p.len() >= 4 && pieces[i - 1].iter().any(|w| is_title(w)) {
                            if let Some(t) = name_tail(p)
                                .filter(|t| p[..p.len() - t.len()].iter().all(portfolio_word))
                                .and_then(person_name)
                            {
                                return Some(t);
                            }
                        }
                        titled_person(p)
                    })
                })
                .or_else(|| {
                    // "… of the Center for Automotive Research in Ann Arbor": a run
                    // after "in" is a place, tried only when no other run names a
                    // person ("Russia's envoy in Geneva Ana Ruiz" lacks its comma).
                    let placed = |r: &(usize, usize)| {
                        r.0 >= 1 && is_in(words[r.0 - 1], lexicon::IN_PLACE_PREPS)
                    };
                    let elsewhere = caps.iter().rev().filter(|r| !placed(r));
                    // "the National Weather Service in New York City": a body named
                    // before the place is the speaker, never the place.
                    let body_before = caps.iter().any(|r| !placed(r) && is_org(&words[r.0..r.1]));
                    let after_in = caps.iter().rev().filter(|r| placed(r) && !body_before);
                    elsewhere.chain(after_in).find_map(|r| {
                        let headed = words.get(r.1).is_some_and(|w| {
                            is_in(w, lexicon::INSTITUTIONS)
                                || is_in(w, lexicon::MEDIA_WORDS)
                                || is_in(w, lexicon::ANON_NOUNS)
                                || is_in(w, lexicon::PERSON_REFS)
                        });
                        // The end of a titled run's portfolio, split off at its
                        // "and" ("Minister for Education and Skills Ana Ruiz").
                        // (Also after "the" and a lower-case title: "spokeswoman for
                        // the Security Council Ana Ruiz".)
                        let the = usize::from(r.0 >= 1 && words[r.0 - 1] == "the");
                        let l = r.0.saturating_sub(1 + the);
                        let portfolio_end = l >= 1
                            && is_in(words[l], lexicon::PORTFOLIO_LINKS)
                            && (caps.iter().any(|p| {
                                p.1 == l
                                    && words[p.0..p.1]
                                        .iter()
                                        .any(|w| is_title(w) && !is_in(w, lexicon::ORG_WORDS))
                            }) || !is_cap(words[l - 1])
                                && is_title(words[l - 1])
                                && !is_in(words[l - 1], lexicon::ORG_WORDS)
                                && name_tail(&words[r.0..r.1]).is_some_and(|t| {
                                    // A body's head word right before the name, or a
                                    // known first name ("… Laboratory" is no name).
                                    let Some(before) = (r.1 - t.len())
                                        .checked_sub(1)
                                        .filter(|&b| b >= r.0)
                                        .map(|b| words[b])
                                    else {
                                        return false;
                                    };
                                    is_in(before, lexicon::ORG_WORDS)
                                        || is_in(before, lexicon::INSTITUTIONS)
                                        || known_first_name(t[0])
                                }));
                        if headed {
                            None
                        } else if portfolio_end && r.1 - r.0 >= 3 {
                            name_tail(&words[r.0..r.1]).and_then(person_name)
                        } else {
                            let run = &words[r.0..r.1];
                            person_name(run).or_else(|| person_of(run))
                        }
                    })
                })
        };
        if let Some(p) = person {
            let full = self.expand(&p);
            let full = self.honorific_fit(words, &p, full);
            // "Russia's envoy in Geneva Ana Ruiz said": the description stays known
            // for a later "Russia's envoy said" (`by_owner`) or "the envoy"
            // (`described_as`).
            if words.len() > full.split_whitespace().count() + 1 {
                self.described
                    .push((full.clone(), phrase.to_lowercase(), true, self.turns));
            }
            return Some(Spk::named(&full, true, false));
        }
        if let Some(s) = self.role_of(words, spokes) {
            return Some(s);
        }
        // "the prosecutor's office said", "the state attorney's office said": the
        // office named before with these words ("the Paris prosecutor's office"),
        // else an unnamed description (no source is called "prosecutor's office").
        let n = words.len();
        if (3..=4).contains(&n)
            && lower0 == "the"
            && head_lower
            && head == "office"
            && words[1..].iter().all(|w| !is_cap(w))
            && words[n - 2].ends_with("'s")
        {
            // (Possessive or plural alike: "Federal Prosecutors Office".)
            fn stem(w: &str) -> &str {
                w.trim_end_matches("'s").trim_end_matches('s')
            }
            let key: Vec<String> = words[1..].iter().map(|w| stem(w).to_lowercase()).collect();
            let fits = |name: &str| {
                let lower = name.to_lowercase();
                let ws: Vec<&str> = lower.split_whitespace().map(stem).collect();
                ws.len() > key.len() && key.iter().all(|k| ws.contains(&k.as_str()))
            };
            let named = self
                .speakers
                .iter()
                .rev()
                .find(|s| !s.person && !s.hop.anonymous && fits(&s.hop.name))
                .cloned()
                .or_else(|| {
                    let o = self.orgs.iter().rev().find(|o| fits(o))?;
                    Some(Spk::named(o, false, false))
                });
            return named.or_else(|| Some(Spk::anonymous(&phrase, false)));
        }
        // "his office said", "her campaign said": a person's own office speaks for
        // the person (as "her spokesman" does); "her lawyer", "his foundation": someone
        // else, unnamed unless introduced with that role ("Her lawyer, Ivo Brandt, …").
        if words.len() == 2 && is_in(&lower0, &["his", "her"]) && head_lower && !spokes {
            if is_in(&head, lexicon::PERSONAL_OFFICES) {
                return self
                    .resolve_gendered(lower0 == "her")
                    .or_else(|| Some(Spk::anonymous(&phrase, false)));
            }
            if is_in(&head, lexicon::PERSON_REFS) || is_in(&head, lexicon::KIN_NOUNS) {
                let described = |_: &str, ctx: &str| ctx.split_whitespace().any(|w| w == head);
                return self
                    .by_role(&head, &[])
                    .or_else(|| self.described_person(described))
                    .or_else(|| Some(Spk::anonymous(&phrase, true).with_head(&head)));
            }
            if is_in(&head, lexicon::ORG_WORDS) || is_in(&head, lexicon::INSTITUTIONS) {
                return Some(Spk::anonymous(&phrase, false));
            }
        }
        // A lower-case head after capitalised modifiers: "the Chilean envoy",
        // "Peruvian farmers", "One harbour pilot", "Danish media".
        let definite = is_in(&lower0, lexicon::DEFINITE_OPENERS);
        // A title as the head ("the commissioner", "the prosecutor") is a role noun
        // too; a body's title word ("the ministry") is not.
        // "The 21-year-old said": an age stands for a person as a role noun does, and
        // only for the person described: unresolved it names nobody (no "~the
        // 29-year-old" to become the next "he").
        let age = head.ends_with("-year-old");
        let person_ref = is_in(&head, lexicon::PERSON_REFS) || age;
        let titled_role = !person_ref
            && lower0 == "the"
            && is_in(&head, lexicon::TITLES)
            && !is_in(&head, lexicon::OFFICE_WORDS)
            && !is_in(&head, lexicon::ORG_WORDS)
            && !is_in(&head, lexicon::INSTITUTIONS)
            && !is_in(&head, lexicon::MEDIA_WORDS);
        // "ISIL's leader", "the Ostland Front's leader": the role of a body or place
        // named in front is the person described with that owner before, never simply
        // the latest person; else it is an unnamed description.
        let owner = words[..words.len() - 1]
            .iter()
            .rev()
            .find_map(|w| w.strip_suffix("'s"))
            .filter(|o| is_cap(o));
        // "SIPTU's spokesman", "Ana Ruiz's spokeswoman": the owner (rulebook R3);
        // "Sinn Féin's housing spokesperson" too (a portfolio between; not a role's
        // "official spokesman": "the PM's official spokesman" is the PM's).
        let n = words.len();
        let portfolio = n == 4
            && words[1].ends_with("'s")
            && !is_title(words[1].trim_end_matches("'s"))
            && words[2].bytes().all(|b| b.is_ascii_lowercase())
            && !is_in(words[2], lexicon::SPOKES_WORDS)
            && words[2] != "official";
        if let Some(owner) = owner.filter(|_| head_lower && spokes && (n <= 3 || portfolio)) {
            if let Some(s) = self.phrase_speaker(&[owner]) {
                return Some(s);
            }
        }
        // "British Prime Minister Ana Ruiz's spokesman": the owner's whole capitalised
        // phrase, titles and all, right before the spokesperson's noun.
        if owner.is_some() && head_lower && spokes && n > 3 && words[n - 2].ends_with("'s") {
            let from = words[..n - 2]
                .iter()
                .rposition(|w| !is_cap(w))
                .map_or(0, |k| k + 1);
            if n - 2 - from >= 1 {
                let mut phrase: Vec<&str> = words[from..n - 1].to_vec();
                let last = phrase.len() - 1;
                phrase[last] = phrase[last].trim_end_matches("'s");
                if let Some(s) = self.phrase_speaker(&phrase).filter(|s| !s.hop.anonymous) {
                    return Some(s);
                }
            }
        }
        if let Some(owner) = owner.filter(|_| head_lower && person_ref) {
            if let Some(s) = self.by_owner(owner, &head) {
                return Some(s);
            }
            // A spokesperson unnamed speaks for the owner (read below). The rulebook
            // counts a unique role as named ("the Velmoran attorney general"), but an
            // anonymous hop lets a name in apposition win ("Pakistan's army chief,
            // Gen. Ana Ruiz, said": `subject_speaker` prefers a named person).
            if !spokes {
                return (!age).then(|| Spk::anonymous(&phrase, true));
            }
        }
        if head_lower && definite && (person_ref || titled_role) {
            // The speaker introduced with the same role noun, else a titled name with
            // it, else (for a bare "the minister") the most recent person.
            let mods: Vec<String> = words
                .iter()
                .map(|w| w.to_ascii_lowercase())
                .filter(|w| is_in(w, lexicon::ROLE_QUALIFIERS) || w.starts_with("ex-"))
                .collect();
            // "the prime minister" is not "Finance Minister Ana Ruiz": a portfolio
            // word before the head must not clash with the one a mention had.
            let portfolio = office_word(&words[..words.len() - 1]);
            let clash = |s: &Spk| self.portfolio_clash(&s.hop.name, &head, portfolio);
            let modifiers = &words[1..words.len() - 1];
            let same_body = |n: &str| !self.body_clash(n, &head, modifiers);
            if let Some(s) = self
                .by_role_where(&head, &mods, same_body)
                .filter(|s| !clash(s))
            {
                return Some(s);
            }
            // Not someone's lawyer or manager ("the defendant's lawyer", "the
            // 89-year-old's manager"): another person than the one described. A
            // person's spokesperson speaks for the person (rulebook R3).
            let anon = is_in(&head, lexicon::ANON_NOUNS);
            let someones = !is_in(&head, lexicon::SPOKES_WORDS)
                && words.iter().any(|w| {
                    w.strip_suffix("'s").is_some_and(|p| {
                        p.ends_with("-year-old")
                            || (p.starts_with(|c: char| c.is_lowercase()) && person_noun(p))
                    })
                });
            // "the former vice president" unmatched is not the latest person if
            // that one was named with the office unqualified ("Former President
            // Ivo Brandt").
            let other_office = |s: &Spk| {
                mods.iter()
                    .filter(|m| is_in(m, lexicon::OFFICE_QUALIFIERS))
                    .any(|q| {
                        self.mentions.iter().any(|(name, ctx)| {
                            *name == s.hop.name
                                && ctx.split_whitespace().any(|w| w == head)
                                && !ctx.split_whitespace().any(|w| w == q)
                        })
                    })
            };
            if words.len() <= 2 || !(anon || someones) {
                // Never an unnamed group or medium ("State media said …, while the
                // attorney general said …"): a role names one person.
                let group = |s: &Spk| {
                    let last = s
                        .hop
                        .name
                        .rsplit(' ')
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    // ("NGOs", "MPs": an acronym's plural is a group, named or not.)
                    let acronyms = last_cased(&s.hop.name)
                        .strip_suffix('s')
                        .is_some_and(|a| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()));
                    acronyms
                        || s.hop.anonymous
                            && (last.ends_with('s') && !last.ends_with("ss")
                                || last == "media"
                                || is_in(&last, lexicon::MEDIA_WORDS))
                };
                // "The victim said …. The taxi driver said": an unnamed person
                // brought in under another noun is not the role's holder.
                let other_person =
                    |s: &Spk| s.hop.anonymous && !s.head.is_empty() && s.head != head;
                // "its president", "their chief executive": a body's person, never
                // the person who spoke last.
                let bodys = is_in(&lower0, &["its", "their"]);
                // "… of US President Donald Trump …, a representative said. "…," the
                // diplomat said": a person only mentioned (never a speaker), under
                // another title, is not the role's holder. (Also a sentence's subject:
                // "Former President Sarkozy …. The former prime minister said" is
                // another man; measured on the dev CSV.)
                // (An epithet such as "the British leader" still goes to the latest
                // person; "attorney" is the same kind of title as "lawyer".)
                let surname = |n: &str| n.rsplit(' ').next().unwrap_or("").to_string();
                let other_title = |s: &Spk| {
                    let last = surname(&s.hop.name);
                    !is_in(&head, lexicon::EPITHET_HEADS)
                        && !self.speakers.iter().any(|p| surname(&p.hop.name) == last)
                        && self.mentions.iter().any(|(name, ctx)| {
                            *name == s.hop.name
                                && !ctx
                                    .split_whitespace()
                                    .any(|w| w == head || lexicon::same_kind_nouns(w, &head))
                        })
                };
                if let Some(s) = self.resolve(true).filter(|s| {
                    !bodys
                        && !other_office(s)
                        && !group(s)
                        && !other_person(s)
                        && !other_title(s)
                        && !clash(s)
                }) {
                    // "Ana Ruiz was upset, the attorney said": the sentence's own
                    // subject is rarely the role named after it; a person introduced
                    // with that role is ("Ivo Brandt, an attorney for …"), even after
                    // others spoke (`described_as` alone waits for no one else).
                    let own_subject = self.subject_here
                        && self
                            .subject
                            .as_ref()
                            .is_some_and(|(p, _)| p.hop.name == s.hop.name);
                    if own_subject {
                        if let Some(d) = self.described_as_any(words).filter(|d| d.person) {
                            return Some(d);
                        }
                    }
                    return Some(s);
                }
            }
            // A title left unresolved ("the campaigner", "the company's
            // representative") is read by the rules below; an office with its
            // portfolio ("the prime minister") names one person, unnamed here.
            if person_ref || portfolio.is_some() {
                return (!age).then(|| Spk::anonymous(&phrase, true).with_head(&head));
            }
        }
        if age {
            return None;
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
            // "The filmmaker said", "the passenger told investigators": a definite
            // agent noun (not a body, a document, a thing or someone's relative) is
            // the person an apposition described so, else the person the article is
            // about, as "she" would be (`resolve`), else an unnamed person (rulebook
            // R3; issue 12: an unresolved description is an anonymous hop), never
            // nothing.
            if lower0 == "the"
                && (2..=3).contains(&words.len())
                && caps.is_empty()
                && lexicon::AGENT_SUFFIXES.iter().any(|x| head.ends_with(x))
                && !is_in(&head, lexicon::NOT_AGENT_NOUNS)
                && !is_in(&head, lexicon::ORG_WORDS)
                && !is_in(&head, lexicon::INSTITUTIONS)
                && !is_in(&head, lexicon::MEDIA_WORDS)
                && !is_in(&head, lexicon::OFFICE_WORDS)
                && !is_in(&head, DOCS)
                && !is_in(&head, lexicon::KIN_NOUNS)
                // (Not someone's: "the boy's mother" is another person.)
                && !words.iter().any(|w| {
                    w.strip_suffix("'s")
                        .is_some_and(|p| p.starts_with(|c: char| c.is_lowercase()) && person_noun(p))
                })
            {
                return self
                    .described_as_any(words)
                    .or_else(|| self.by_role(&head, &[]))
                    .or_else(|| self.resolve(true).filter(|s| s.person && !s.hop.anonymous))
                    .or_else(|| Some(Spk::anonymous(&phrase, true).with_head(&head)));
            }
        }
        if caps.is_empty() && spokes && indefinite {
            // "But the government rejected the claims. A spokesman said: …": a bare
            // spokesperson right after a sentence about a named body speaks for it
            // (rulebook R3).
            if words.len() == 2 {
                if let Some((s, _, sentence)) = &self.body_subject {
                    if self.sentence_no <= sentence + 1 {
                        return Some(s.clone().with_head(&head));
                    }
                }
            }
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
                if let Some(s) = self.body_with_word(&head) {
                    return Some(s);
                }
            }
            // "the force": the police force named before; "the press office": the
            // latest body that spoke (rulebook R3: a press office speaks for it).
            if lower0 == "the" && words.len() == 2 && head == "force" {
                if let Some(s) = self
                    .body_with_word("police")
                    .or_else(|| self.body_with_word("constabulary"))
                {
                    return Some(s);
                }
            }
            if lower0 == "the"
                && words.len() == 3
                && words[1].eq_ignore_ascii_case("press")
                && is_in(&head, &["office", "service"])
            {
                if let Some(s) = self.resolve_org(false) {
                    return Some(s);
                }
            }
            if is_in(&head, lexicon::ORG_REFS) && is_in(&lower0, &["the", "its"]) {
                let media = is_in(&head, lexicon::MEDIA_REF_HEADS);
                // An earlier organisation named with this head ("the ministry" for
                // "Chile's Foreign Ministry"), else for a generic head the latest one.
                // ("the state attorney's office" is not the "Lee County Sheriff's
                // Office": a possessive modifier must be in the name.)
                let owner: Vec<String> = words[1..words.len() - 1]
                    .iter()
                    .filter_map(|w| w.strip_suffix("'s"))
                    .map(str::to_lowercase)
                    .collect();
                let fits = |s: &Spk| {
                    let name = s.hop.name.to_lowercase();
                    owner.iter().all(|o| {
                        name.split_whitespace()
                            .any(|w| w.trim_end_matches("'s") == o.as_str())
                    })
                };
                if let Some(s) =
                    self.speaker_with_word(&head, |s| !s.person && !s.hop.anonymous && fits(s))
                {
                    return Some(s);
                }
                let generic = media || is_in(&head, lexicon::GENERIC_ORG_HEADS);
                // "the agency" is a news agency or a government's: a medium that
                // relayed the statement before, else the latest body of either kind.
                let media_only = media && head != "agency";
                if head == "agency" {
                    if let Some(s) = self.medium_relayed() {
                        return Some(s);
                    }
                }
                if generic {
                    // "The company …" after "The appeals court said": a business,
                    // never the latest public body.
                    let business = is_in(&head, &["company", "firm"]);
                    let public = |s: &Spk| {
                        s.hop
                            .name
                            .split_whitespace()
                            .any(|w| is_in(&w.to_ascii_lowercase(), lexicon::PUBLIC_BODY_WORDS))
                    };
                    if let Some(s) = self
                        .resolve_org(media_only)
                        .filter(|s| !(business && public(s)))
                    {
                        return Some(s);
                    }
                }
                // "… records obtained by the Indianapolis Star. The newspaper
                // reported …": a medium that relayed an earlier statement.
                if media {
                    if let Some(s) = self.medium_relayed() {
                        return Some(s);
                    }
                }
            }
            if is_in(&head, lexicon::INSTITUTIONS) && words.len() <= 5 {
                // "a court", "an appeals court": one of many, so unnamed; "five judges
                // at the court": some of its people, unnamed.
                if is_in(&lower0, lexicon::INDEFINITE_OPENERS) {
                    return Some(Spk::anonymous(&phrase, false));
                }
                if is_in(&lower0, lexicon::QUANTITY_OPENERS) {
                    return Some(Spk::anonymous(&phrase, true));
                }
                // "the company", "the group" that no earlier name resolves: a bare
                // "company" would be one source for every article that says it, so
                // it is an unresolved description, an anonymous hop ("the department",
                // "the ministry" too). ("police", "the army" stay named: the article's
                // own police or army, `STANDING_BODIES`.)
                // A bare plural ("authorities say", "investigators found") is an
                // unnamed group too (rulebook R3: "officials").
                if (words.len() == 2 && lower0 == "the" || words.len() == 1)
                    && (is_in(&head, lexicon::GENERIC_ORG_HEADS)
                        || !is_in(&head, lexicon::STANDING_BODIES))
                {
                    return Some(Spk::anonymous(&phrase, false));
                }
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
                // "another former inmate", "one study": an unnamed person or
                // document; not "another scenario".
                && (determiner
                    || head.ends_with('s')
                    || indefinite && (person_noun(&head) || is_in(&head, DOCS)))
                && !words
                    .iter()
                    .skip(usize::from(determiner))
                    .any(|w| is_in(w, PRONOUNS) || is_in(w, CONNECTORS))
                && !is_in(&head, lexicon::ADVERBIAL)
                && !is_in(&head, NOT_NAMES)
            {
                let plural = head.ends_with('s') && !head.ends_with("ss");
                if !lower0.eq("the") {
                    return Some(Spk::anonymous(&phrase, plural));
                }
                // "the separatists", "the lawyers": a group of people; not "the
                // attacks" or "the returns", which are no one.
                if plural && people_plural(&head) || is_in(&head, lexicon::PEOPLE_GROUPS) {
                    return Some(Spk::anonymous(&phrase, true));
                }
                // "the bureau", "the central bank": a body named earlier with this word
                // in its name ("Bank of China"), else an unnamed body. A singular role
                // ("the father", "the campaigner") almost always stands for a person the
                // article named in a way the rules did not register: no source rather
                // than a wrong one.
                // A medium ("the newspaper") left unresolved is an outlet the rules
                // missed, not an unnamed source.
                let body = !plural
                    && (is_in(&head, lexicon::ORG_WORDS) || is_in(&head, lexicon::ORG_REFS))
                    && !is_in(&head, lexicon::MEDIA_REF_HEADS)
                    && !is_in(&head, lexicon::MEDIA_WORDS)
                    && !is_in(&head, lexicon::TITLES)
                    && !is_in(&head, lexicon::PERSON_REFS);
                if body {
                    return Some(
                        self.body_with_word(&head)
                            .unwrap_or_else(|| Spk::anonymous(&phrase, false)),
                    );
                }
            }
            return None;
        }
        // "Flight trials indicated", "Party moderates say": a capitalised modifier
        // before a plural common noun describes unnamed people or findings; the
        // modifier is no source.
        if words.len() == 2
            && caps.first() == Some(&(0, 1))
            && head_lower
            && head.len() > 4
            && head.ends_with('s')
            && !head.ends_with("ss")
            && !is_in(&head, lexicon::INSTITUTIONS)
            && !is_in(&head, lexicon::MEDIA_WORDS)
            && !is_in(&head, lexicon::OUTLET_TAIL_WORDS)
            && !is_in(&head, lexicon::STAFF_WORDS)
            && !is_known_media(words[0])
            // "EU rules state", "UN figures show": a body's document speaks for it.
            && !((is_in(&head, DOCS) || is_in(&head, &["rules", "regulations", "guidelines"]))
                && (is_org(&words[..1])
                    || acronym(words[0])))
        {
            return Some(Spk::anonymous(&phrase, true));
        }
        // "the United Nations health agency", "the Chinese central bank": a body's
        // description (capitalised modifiers, a lower-case head) is the body named
        // before with its head or one of its lower-case modifiers in its name ("World
        // Health Organization", "People's Bank of China"); else it reads on as below.
        if lower0 == "the"
            && (3..=5).contains(&words.len())
            && is_cap(words[1])
            && head_lower
            && (is_in(&head, lexicon::GENERIC_ORG_HEADS) || is_in(&head, lexicon::ORG_REFS))
            && !is_in(&head, lexicon::MEDIA_REF_HEADS)
        {
            // Its capitalised modifiers must be in that name too ("the Malaysian
            // foreign ministry" is no other country's ministry).
            let mods = &words[1..words.len() - 1];
            let in_name = |s: &Spk| {
                mods.iter().filter(|w| is_cap(w)).all(|m| {
                    s.hop
                        .name
                        .split_whitespace()
                        .any(|w| w.strip_suffix("'s").unwrap_or(w).eq_ignore_ascii_case(m))
                })
            };
            let lower_mods = mods
                .iter()
                .filter(|w| w.len() > 3 && !is_cap(w) && !is_in(w, CONNECTORS));
            if let Some(s) = std::iter::once(&head.as_str())
                .chain(lower_mods)
                .find_map(|w| self.body_with_word(w).filter(in_name))
            {
                return Some(s);
            }
        }
        // "the South Korean electronics giant", "the Doha-based airline", "a Greek
        // anarchist group": a body noun after place words (a country, a people,
        // "X-based") and lower-case modifiers describes a body and names none. After
        // "the" it is the body that spoke last, as "the company" is; after "a" one
        // body of many, unnamed.
        // (A capitalised article opens the run: "The South Korean firm".)
        let place_run = caps
            .last()
            .map(|&(a, b)| (a + usize::from(is_in(words[a], ARTICLES)), b));
        let placed = place_run.filter(|&(a, b)| {
            head_lower
                && described_body_head(&head)
                && a >= 1
                && a < b
                && words.len() - b <= 4
                && place_words(&words[a..b])
                && words[b..]
                    .iter()
                    .all(|w| w.bytes().all(|c| c.is_ascii_lowercase() || c == b'-'))
        });
        if let Some((a, _)) = placed {
            let article = words[a - 1].to_ascii_lowercase();
            let described = words[a - 1..].join(" ");
            if article == "the" {
                return Some(
                    self.resolve_org(false)
                        .filter(|s| !s.media)
                        .unwrap_or_else(|| Spk::anonymous(&described, false)),
                );
            }
            if is_in(&article, &["a", "an"]) {
                return Some(Spk::anonymous(&described, false));
            }
        }
        // "the French firm", "the US company": a generic body described by its
        // country is the body that spoke last, else an unnamed description.
        if lower0 == "the"
            && words.len() == 3
            && is_cap(words[1])
            && head_lower
            && is_in(&head, lexicon::GENERIC_ORG_HEADS)
            && !is_org(&words[1..2])
            && !is_known_media(words[1])
        {
            return Some(
                self.resolve_org(false)
                    .filter(|s| !s.media)
                    .unwrap_or_else(|| Spk::anonymous(&phrase, false)),
            );
        }
        // Capitalised names without a person: an organisation, possibly with a lower-case
        // head ("the U.S. military", "the Harbour Watch network").
        // Not a place after "in" when a body's name comes before ("Amnesty
        // International in London", "WPVI in Philadelphia").
        let body_run = |r: &&(usize, usize)| {
            let run = &words[r.0..r.1];
            is_org(run) || is_known_media_run(run) || run.len() == 1 && acronym(run[0])
        };
        let placed =
            |r: &(usize, usize)| r.0 >= 1 && is_in(words[r.0 - 1], lexicon::IN_PLACE_PREPS);
        let r = *caps
            .last()
            .filter(|l| placed(l))
            .and_then(|_| caps.iter().rev().filter(|r| !placed(r)).find(body_run))
            .or(caps.last())?;
        let mut org_end = r.1;
        // "Germany's central bank", "the DOJ's security division": after a possessive
        // name any body word heads the phrase.
        let owned_body = words[r.1 - 1].ends_with("'s")
            && (is_in(&head, lexicon::ORG_WORDS) || is_in(&head, lexicon::ORG_REFS)
                || is_in(&head, &["division", "bureau"]))
            // "Lebanon's capital" is a city.
            && head != "capital";
        if head_lower
            && (is_in(&head, lexicon::INSTITUTIONS) || owned_body)
            && words.len() - r.1 <= 3
        {
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
        // "a British newspaper", "an Australian government body": an indefinite medium or
        // body described by capitalised modifiers that name none is unnamed.
        if is_in(&lower0, lexicon::INDEFINITE_OPENERS)
            && words.len() <= 4
            && head_lower
            && (is_in(&head, lexicon::MEDIA_WORDS)
                || is_in(&head, lexicon::INSTITUTIONS)
                || is_in(&head, lexicon::GENERIC_ORG_HEADS))
            && !words[1..].iter().any(|w| {
                w.ends_with("'s") || is_in(w, lexicon::OBJECT_PREPS) || is_in(w, CONNECTORS)
            })
            && !spokes
            && !caps.iter().any(|c| {
                let run = &words[c.0..c.1];
                is_org(run) || is_known_media_run(run) || c.1 - c.0 > 2
            })
        {
            return Some(Spk::anonymous(&phrase, false));
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
        // "a senior White House adviser", "an Ostland Rail engineer": a person
        // described by a role after capitalised modifiers, unnamed.
        if head_lower
            && indefinite
            && !spokes
            && org_end == r.1
            && r.1 < words.len()
            && words[r.1..].iter().all(|w| !is_cap(w))
            && person_noun(&head)
        {
            return Some(Spk::anonymous(&phrase, true).with_head(&head));
        }
        // "a US think-tank", "a Ruritanian shipping giant": capitalised modifiers
        // before a lower-case head after "a" describe one body of many: unnamed.
        if head_lower
            && is_in(&lower0, lexicon::INDEFINITE_OPENERS)
            && words.len() <= 5
            && r.0 == 1
            && !spokes
            && org_end == r.1
            && r.1 < words.len()
            && words[r.1..]
                .iter()
                .all(|w| !is_cap(w) && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            && !caps.iter().any(|c| c.1 - c.0 > 2)
            && !is_in(&head, NOT_NAMES)
            && !is_in(&head, lexicon::ADVERBIAL)
        {
            // "a Yahoo investigation", "a State Council circular": a document whose
            // owner is named before its noun is the owner's ("a Pakistani
            // investigation", "a US-based poll" name none).
            let owner = &words[r.0..r.1];
            if is_in(&head, DOCS)
                && r.1 + 1 == words.len()
                && !owner.iter().any(|w| {
                    is_in(w, lexicon::NATIONALITIES)
                        || is_in(w, lexicon::DEMONYM_LIKE)
                        || w.contains("-based")
                        || is_in(w, PRONOUNS)
                        // The shape of a nationality the list lacks ("Ostlandic").
                        || ["ian", "ese", "ish", "ic", "i"].iter().any(|x| w.ends_with(x))
                })
            {
                let name = owner.join(" ");
                let media = is_known_media(&name);
                return Some(Spk::named(&name, false, media));
            }
            return Some(Spk::anonymous(&phrase, false));
        }
        // "the Ruritanian shipping giant": capitalised words between an article
        // and a lower-case head which names no kind of body are no name; the phrase is a
        // description the rules cannot resolve, so no source is credited.
        if head_lower
            && determiner
            && r.0 >= 1
            && !spokes
            && org_end == r.1
            && r.1 < words.len()
            && words[r.1..].iter().all(|w| !is_cap(w))
            && !is_in(&head, lexicon::INSTITUTIONS)
            && !is_in(&head, lexicon::ORG_WORDS)
            && !is_in(&head, lexicon::MEDIA_WORDS)
            && !lexicon::is_media_head(&head)
            && !is_in(&head, lexicon::OUTLET_TAIL_WORDS)
            && !is_in(&head, lexicon::ANON_NOUNS)
            && !is_in(&head, lexicon::PERSON_REFS)
            && !is_in(&head, lexicon::STAFF_WORDS)
        {
            return None;
        }
        let mut name_end = org_end;
        while name_end > r.1
            && is_in(words[name_end - 1], lexicon::OUTLET_TAIL_WORDS)
            && !is_cap(words[name_end - 1])
        {
            name_end -= 1;
        }
        // "the UN refugee agency": the tail goes only when the name is left whole
        // ("the Xinhua news agency"), never to leave "UN refugee".
        if name_end > r.1 {
            name_end = org_end;
        }
        // "posted by the Ruritanian Border Agency Friday night": a weekday after a
        // body's name is a time, not part of the name.
        if org_end == r.1 && is_org(&words[r.0..r.1]) {
            while name_end > r.0 + 1 && is_in(words[name_end - 1], lexicon::WEEKDAYS) {
                name_end -= 1;
            }
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
        if !org && !name.contains(' ') {
            // A single capitalised word: a surname seen before, else a name as written
            // (a person when it is a known first name: "Yolanda says …"). Without an
            // affiliation the earlier name may have had ("Dallas-based AT&T").
            let full = strip_based(&self.expand(&name));
            let full = self.honorific_fit(words, &name, full);
            let person =
                full != name || known_first_name(&name) && !is_in(&name, lexicon::PLACE_ENDS);
            return Some(Spk::named(&full, person, false));
        }
        Some(Spk::named(&name, !org, media))
    }

    /// A role tied by a preposition to what it serves: "Britain's ambassador to
    /// Ireland", "the mayor of Kyoto", "the head of the agency", "the director of the
    /// FBI". The place or body after the preposition is not the speaker: the person
    /// described with that role and owner before (`by_owner`), else, for the body of an
    /// organisation ("of the FBI"), that organisation speaking through its head, else
    /// the description, unnamed (an envoy is never the country that receives them).
    /// Spokespeople and officials are read elsewhere (rulebook R3: they give the body).
    fn role_of(&self, words: &[&str], spokes: bool) -> Option<Spk> {
        if spokes {
            return None;
        }
        let p = words.iter().position(|w| is_in(w, lexicon::ROLE_PREPS))?;
        let role = words.get(p.checked_sub(1)?)?.to_ascii_lowercase();
        let object = &words[p + 1..];
        if !words[p - 1].starts_with(|c: char| c.is_lowercase())
            || !(is_in(&role, lexicon::PERSON_REFS) || is_in(&role, lexicon::TITLES))
            || is_in(&role, lexicon::ANON_NOUNS)
            || is_in(&role, lexicon::SPOKES_WORDS)
            || is_in(&role, lexicon::KIN_NOUNS)
            || is_in(&role, lexicon::ORG_WORDS)
            || is_in(&role, lexicon::INSTITUTIONS)
            || object.is_empty()
            || object.iter().any(|w| *w == "and" || is_in(w, PRONOUNS))
        {
            return None;
        }
        let caps = cap_runs(object);
        // "US ambassador to the United Nations Nikki Haley": the holder's name closes
        // the run without its comma.
        if let Some(r) = caps
            .last()
            .filter(|r| r.1 == object.len() && r.1 - r.0 >= 3)
        {
            if let Some(tail) = name_tail(&object[r.0..r.1])
                .filter(|t| t.len() < r.1 - r.0 && known_first_name(t[0]))
            {
                return Some(Spk::named(&self.expand(&tail.join(" ")), true, false));
            }
        }
        let phrase = words.join(" ");
        // "a leader of one group": one of several, unnamed, and "the leader" later is
        // that one (`by_role`). A definite role ("Britain's ambassador to Ireland")
        // keeps no role noun: the article names its holder later more often than not,
        // and "the ambassador" then is the person named last.
        if is_in(words[0], lexicon::INDEFINITE_OPENERS) {
            return Some(Spk::anonymous(&phrase, true).with_head(&role));
        }
        let unnamed = || Some(Spk::anonymous(&phrase, true));
        // The holder described before with this role and this owner ("Ostland's envoy
        // to Ruritania, Ana Ruiz, …"), the owner before the role or after the
        // preposition.
        let owners: Vec<String> = words[..p - 1]
            .iter()
            .filter_map(|w| w.strip_suffix("'s"))
            .chain(caps.first().map(|r| object[r.0]))
            .map(|o| o.to_lowercase().chars().take(5).collect())
            .filter(|o: &String| o.chars().count() >= 3)
            .collect();
        let holder = self.described_person(|name, ctx| {
            let ctx_words = || ctx.split_whitespace();
            ctx_words().any(|w| w == role)
                && owners
                    .iter()
                    .any(|o| ctx_words().any(|w| w.starts_with(o.as_str())))
                && !owners
                    .iter()
                    .any(|o| name.to_lowercase().contains(o.as_str()))
        });
        if holder.is_some() {
            return holder;
        }
        let body = caps.iter().any(|r| {
            let run = &object[r.0..r.1];
            is_org(run) || (run.len() == 1 && acronym(run[0]))
        });
        if body && words[p] != "to" {
            return None;
        }
        unnamed()
    }

    /// "he"/"she": the most recent person speaker or sentence subject (`resolve`)
    /// unless its first name or description says the other sex; then the nearest
    /// earlier one known to be of the pronoun's sex. Without one, nobody: on the
    /// development CSV both the latest speaker of the other sex (12 of 12 read wrong,
    /// stop 42) and the latest of unknown sex (about 9 right of 22) were more often
    /// wrong than right. With no person at all before, a lone surname that spoke
    /// (`lone_surname`, stop 43).
    pub(super) fn resolve_gendered(&self, female: bool) -> Option<Spk> {
        let Some(first) = self.resolve(true) else {
            return self.lone_surname().or_else(|| self.in_passing(female));
        };
        let clash = |s: &Spk| self.sex_of(s).is_some_and(|f| f != female);
        if !clash(&first) {
            return Some(first);
        }
        let subject = self.subject.as_ref().map(|(s, _)| s);
        self.speakers
            .iter()
            .rev()
            .filter(|s| s.person)
            .chain(subject)
            .find(|s| self.sex_of(s) == Some(female))
            .cloned()
            .or_else(|| self.in_passing(female))
    }

    /// A person named in passing in the last two sentences before this one, whose
    /// first name says the pronoun's sex (`named_in_passing`).
    fn in_passing(&self, female: bool) -> Option<Spk> {
        let (name, f, at) = self.named_in_passing.as_ref()?;
        (*f == female && *at < self.sentence_no && at + 3 >= self.sentence_no)
            .then(|| Spk::named(name, true, false))
    }

    /// Does a verb start at token `i`, after a body's name ("NHS services are …",
    /// "Government forces took …": a noun after the name makes it a modifier)? An
    /// auxiliary, a common irregular past, a linking adverb or a past in "-ed".
    fn body_verb_at(&self, toks: &[Tok], i: usize) -> bool {
        self.word_at(toks, i).is_some_and(|w| {
            w.len() > 4 && w.ends_with("ed")
                || w.starts_with(|c: char| c.is_ascii_lowercase())
                    && is_in(w, lexicon::BODY_SUBJECT_VERBS)
        })
    }

    /// "Murray warned …; "…," he said.": with no person at all to refer to, "he" or
    /// "she" is the latest speaker named by one capitalised word that names no body,
    /// medium, place or acronym (such a word alone is not taken for a person when it
    /// speaks: "Alphabet", "Holiness" are not).
    fn lone_surname(&self) -> Option<Spk> {
        let s = self
            .speakers
            .iter()
            .rev()
            .find(|s| !s.hop.anonymous && !s.media)?;
        let name = s.hop.name.as_str();
        let lone = !name.contains(' ')
            && name.len() > 2
            && is_cap(name)
            && !acronym(name)
            && !is_org(&[name])
            && !is_in(name, lexicon::PLACE_ENDS)
            && !is_in(name, lexicon::DEMONYM_LIKE)
            && !is_in(name, NOT_NAMES);
        lone.then(|| {
            let mut p = s.clone();
            p.person = true;
            p
        })
    }

    /// The most recent person speaker (named or not), else a titled person mentioned.
    fn resolve(&self, person: bool) -> Option<Spk> {
        let last = self.speakers.iter().rposition(|s| !person || s.person);
        // A body that spoke through a spokesperson in the statement just before, at
        // most three sentences back (a quotation may run over several), is "he" or
        // "she" too ("A spokesman for the ministry said …. He added …"), unless a
        // person was made the subject since.
        if person && (last.is_none_or(|p| p + 1 < self.speakers.len())) {
            let spokes_body = self.speakers.last().filter(|s| {
                !s.person
                    && !s.hop.anonymous
                    && is_in(&s.head, &["spokesman", "spokeswoman", "spokesperson"])
            });
            let recent = self
                .out
                .last()
                .is_some_and(|f| f.sentence + 3 >= self.sentence_no);
            let subject_since = self
                .subject
                .as_ref()
                .is_some_and(|(_, turn)| *turn >= self.turns);
            if let Some(s) = spokes_body.filter(|_| recent && !subject_since) {
                return Some(s.clone());
            }
        }
        // A person named as the subject of a sentence after the last person who
        // spoke is the nearer antecedent ("Ana Ruiz ran the clinic. "…," she says.").
        if let Some((s, turn)) = self.subject.as_ref().filter(|_| person) {
            let spoke = last.map(|p| self.turn_of(p));
            if spoke.is_none_or(|t| t <= *turn) {
                return Some(s.clone());
            }
        }
        if let Some(p) = last {
            return Some(self.speakers[p].clone());
        }
        self.mentions.last().map(|m| Spk::named(&m.0, true, false))
    }

    /// Note the person a sentence is about when it opens with that person's name as
    /// its subject: "Ana Ruiz ran the clinic", "But Ivo Brandt, a lawyer, thinks …",
    /// "Mr Brandt has …", "Brandt later wrote …" (a surname of a person named before).
    /// A name counts only when it reads as a person: a title or an honorific in front,
    /// a surname of a known person, or two to four capitalised words that name no
    /// place, body or medium. The verb or apposition must follow at once. Whether one
    /// was noted.
    pub(super) fn note_subject(&mut self, toks: &[Tok]) -> bool {
        let mut i = 0;
        // "'Bureaucracy monster' Weber, head of …, is not …": a short quoted
        // subheading glued to the sentence (no stop between them) is no part of it.
        // (In single marks the quotation is no token of its own: the words between
        // two lone marks, at most four.)
        let mark = |t: Option<&Tok>| t.is_some_and(|t| t.k == K::Other && self.n[t.s..t.e] == *"'");
        let after = match toks.first() {
            Some(t)
                if t.k == K::Quote
                    && t.e - t.s <= 40
                    && !self.n[t.s..t.e].contains(['.', '!', '?']) =>
            {
                1
            }
            first if mark(first) => (2..6)
                .take_while(|&k| self.word_at(toks, k - 1).is_some())
                .find(|&k| mark(toks.get(k)))
                .map_or(0, |k| k + 1),
            _ => 0,
        };
        if after > 0 && self.word_at(toks, after).is_some_and(is_cap) {
            i = after;
        }
        // "But", "Now", "Today,": linkers and a fronted day before the subject.
        while self.is_word(toks, i, lexicon::LEADING_LINKERS)
            || (i > 0 && toks.get(i).is_some_and(|t| t.k == K::Comma))
            || (self.is_word(toks, i, lexicon::DAY_WORDS)
                && toks.get(i + 1).is_some_and(|t| t.k == K::Comma))
        {
            i += 1;
        }
        // "In his second career, Ana Ruiz is …": a fronted place or time phrase (at
        // most twelve words, up to its comma) comes before the subject.
        // ("Last September, Ana Ruiz …": a "last"/"this" time phrase too.)
        // "As a young boy, Wang enjoyed …": a fronted "as"/"while"/"when" clause too.
        if self.is_word(toks, i, lexicon::PLACE_TIME_PREPS)
            || (self.is_word(toks, i, lexicon::DEICTIC_TIME_OPENERS) && i + 2 < toks.len())
            || self.is_word(
                toks,
                i,
                &[
                    "as", "while", "when", "although", "though", "despite", "unlike", "like",
                    "with",
                ],
            )
        {
            if let Some(k) = (i + 1..toks.len().min(i + 14))
                .take_while(|&k| matches!(toks[k].k, K::Word | K::Comma))
                .find(|&k| toks[k].k == K::Comma)
            {
                // "As Kimmel concludes the show, he says …": the person who opens
                // the fronted clause is the main clause's "he" (not the latest
                // speaker).
                // (Cheap tests first: this runs for every fronted phrase.)
                let pronoun = toks
                    .get(k + 1)
                    .is_some_and(|t| t.k == K::Word && matches!(self.w(t), "he" | "she"))
                    && self.is_word(toks, i, &["as", "while", "when", "although", "though"]);
                if pronoun {
                    let mut e = i + 1;
                    while e < k && e < i + 4 && self.word_at(toks, e).is_some_and(is_cap) {
                        e += 1;
                    }
                    let verb = self
                        .word_at(toks, e)
                        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()));
                    if verb && e > i + 1 {
                        let run: Vec<&str> = (i + 1..e).map(|j| self.w(&toks[j])).collect();
                        let name = match run[..] {
                            [one]
                                if could_be_surname(one)
                                    && !is_in(one, NOT_NAMES)
                                    && !is_org(&run) =>
                            {
                                Some(self.expand(one)).filter(|n| n.contains(' '))
                            }
                            _ if !is_org(&run) => person_name(&run).filter(|n| n.contains(' ')),
                            _ => None,
                        };
                        if let Some(name) = name {
                            self.subject = Some((Spk::named(&name, true, false), self.turns));
                            return true;
                        }
                    }
                }
                i = k + 1;
            }
        }
        // "Her son, Imran, still limps.": a relative named in commas is the subject.
        if self.is_word(toks, i, &["his", "her", "their"])
            && self.is_word(toks, i + 1, lexicon::KIN_NOUNS)
            && toks.get(i + 2).is_some_and(|t| t.k == K::Comma)
        {
            let a = i + 3;
            let mut e = a;
            while self
                .word_at(toks, e)
                .is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES))
            {
                e += 1;
            }
            if (1..=3).contains(&(e - a)) && toks.get(e).is_some_and(|t| t.k == K::Comma) {
                let run: Vec<&str> = (a..e).map(|k| self.w(&toks[k])).collect();
                if !is_org(&run) && !is_in(run[run.len() - 1], lexicon::PLACE_ENDS) {
                    let name = self.expand(&run.join(" "));
                    self.subject = Some((Spk::named(&name, true, false), self.turns));
                    return true;
                }
            }
        }
        let honorific = self.is_word(toks, i, lexicon::HONORIFICS);
        if honorific {
            i += 1;
        }
        // "Fifty-year-old Ana Ruiz": an age in front is no part of the name.
        if self.word_at(toks, i).is_some_and(|w| {
            w.len() > 9
                && w.get(w.len() - 9..)
                    .is_some_and(|t| t.eq_ignore_ascii_case("-year-old"))
        }) {
            i += 1;
        }
        // "On Friday, the Global Times … shot back": a lower-case article before a
        // body's name (no person's).
        let the_lower = !honorific
            && self.word_at(toks, i) == Some("the")
            && self.word_at(toks, i + 1).is_some_and(is_cap);
        if the_lower {
            i += 1;
        }
        let start = i;
        self.subject_pos = toks.get(i).map_or(usize::MAX, |t| t.s);
        while toks
            .get(i)
            .is_some_and(|t| t.k == K::Word && is_cap(self.w(t)))
        {
            i += 1;
        }
        // Cheap checks first: this runs for every sentence.
        if i == start {
            // "But the government issued …": a standing body as the subject.
            if self.is_word(toks, i, &["the"])
                && self.is_word(toks, i + 1, lexicon::STANDING_BODIES)
                && self.word_at(toks, i + 1).is_some_and(|w| !is_cap(w))
                && self.body_verb_at(toks, i + 2)
            {
                let head = self.word_at(toks, i + 1).unwrap_or_default().to_string();
                if let Some(s) = self
                    .phrase_speaker(&["the", &head])
                    .filter(|s| !s.person && !s.hop.anonymous)
                {
                    self.body_subject = Some((s, self.turns, self.sentence_no));
                }
            }
            return self.note_named_after_description(toks, i);
        }
        if i - start > 6 {
            return false;
        }
        // "Mesgen - who was aboard a boat … - managed to …": a lone name that a
        // relative "who" describes is a person's, the subject and the next "he".
        // (Not a place, a people, an acronym or a body: "Ostberg, who declined …".)
        let lone = self.w(&toks[start]);
        if i == start + 1
            && !honorific
            && toks
                .get(i)
                .is_some_and(|t| matches!(t.k, K::Comma | K::Break))
            && self.is_word(toks, i + 1, &["who"])
            && could_be_surname(lone)
            && !is_org(&[lone])
            && !is_known_media(lone)
        {
            // (A surname of a person named before is that person: "Yemane Mesgen".)
            let name = if self.name_words.contains(lone) {
                self.expand(lone)
            } else {
                self.remember_name_words(lone);
                lone.to_string()
            };
            self.subject = Some((Spk::named(&name, true, false), self.turns));
            return true;
        }
        if !self.predicate_follows(toks, i) {
            return self.note_described_subject(toks, start);
        }
        let run: Vec<&str> = toks[start..i].iter().map(|t| self.w(t)).collect();
        // "The RMT held …", "Amnesty International has …": a named body as the
        // subject, an antecedent of a later "it" (`resolve_it`).
        let body = match run.split_first() {
            Some((&"The", rest)) if !rest.is_empty() => rest,
            _ => &run[..],
        };
        // Only when a verb follows at once (`body_verb_at`), or after an indefinite
        // apposition ("the Global Times, a state-run tabloid, shot back").
        // (The verb first: the cheapest test, and this runs for every sentence.)
        let verb_after_apposition = || {
            toks.get(i).is_some_and(|t| t.k == K::Comma)
                && self.is_word(toks, i + 1, lexicon::INDEFINITE_OPENERS)
                && (i + 2..toks.len().min(i + 14))
                    .take_while(|&k| matches!(toks[k].k, K::Word | K::Comma))
                    .find(|&k| toks[k].k == K::Comma)
                    .is_some_and(|k| self.body_verb_at(toks, k + 1))
        };
        if (self.body_verb_at(toks, i) || verb_after_apposition())
            && !honorific
            && !is_in(run[0], &["a", "an"])
            && !is_in(run[0], lexicon::QUESTION_OPENERS)
            // Scraping glue ("Bus ?ireann-warned") is no name.
            && body
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphanumeric() || matches!(c, '&' | '.')))
            && !body.iter().any(|w| w.ends_with("'s") || is_title(w))
            // A medium of one word only as an acronym ("People questioned": a
            // magazine's name is a plain word too).
            && (body.len() == 1
                && body[0].len() >= 2
                && body[0].bytes().all(|b| b.is_ascii_uppercase())
                && !is_title(body[0])
                || is_org(body) && !(body.len() == 1 && people_plural(&body[0].to_ascii_lowercase()))
                || body.len() >= 2 && is_known_media_run(body))
        {
            let name = body.join(" ");
            let media = is_known_media_run(body);
            self.body_subject = Some((
                Spk::named(&name, false, media),
                self.turns,
                self.sentence_no,
            ));
            return false;
        }
        if the_lower {
            return false;
        }
        // "Mr Ivo Brandt's visit has …": the subject is no person (and its possessor
        // is a weaker antecedent than the last speaker). "CNN's Ana Ruiz said" and
        // "Chile's Foreign Minister Ana Ruiz" name the person after the possessive.
        if run.last().is_some_and(|w| w.ends_with("'s")) {
            return false;
        }
        // "Capturing Raqqa …", "Does Ana Ruiz …": a headline or a question.
        let opener = is_in(run[0], lexicon::QUESTION_OPENERS)
            || is_in(run[0], lexicon::SUBORDINATORS)
            || (run[0].len() > 5 && run[0].ends_with("ing"));
        if opener {
            return false;
        }
        // "The former striker Ana Ruiz …", "Kremlin spokesman Ivo Brandt …": the
        // capitalised run is only the start of a description.
        if run.iter().any(|w| is_in(w, NOT_NAMES))
            || (run.len() == 1
                && !honorific
                && !self.name_words.contains(run[0])
                && !self.spoke_as_person(run[0])
                && (self.subject_pronoun(toks, start, i).is_none()
                    || !could_be_surname(run[0])
                    || !self.named_mid_sentence(run[0], toks[start].s)))
        {
            return self.note_described_subject(toks, start);
        }
        let name = if run.len() == 1 {
            // A surname: the person of that name who spoke or was named before (with
            // an honorific, any earlier full name that ends with it).
            let full = self.expand(run[0]);
            let spoke = self.spoke_as_person(&full);
            let known = spoke || self.mentions.iter().any(|m| m.0 == full);
            let words: Vec<&str> = full.split_whitespace().collect();
            // (A lone surname only when the article described it as a person or it
            // spoke as one: "…," said McCarthy, who has four children.)
            // "In her remarks, Merkel also …": a pronoun that can only be the
            // subject's sexes it and makes it a person.
            let sexed = (words.len() < 2)
                .then(|| self.subject_pronoun(toks, start, i))
                .flatten()
                .filter(|_| {
                    could_be_surname(run[0])
                        && !is_org(&run)
                        && self.named_mid_sentence(run[0], toks[start].s)
                });
            if let Some(female) = sexed {
                self.note_sex(&full, female);
            }
            let described = || self.described.iter().any(|d| d.2 && d.0 == full);
            if words.len() < 2 && !(spoke || described() || sexed.is_some())
                || words.len() >= 2 && !(honorific || known || person_like(&words, false).is_some())
            {
                return false;
            }
            full
        } else {
            let titled = honorific || run.iter().any(|w| is_title(w));
            match person_like(&run, titled) {
                Some(n) => self.expand(&n),
                None => return self.note_described_subject(toks, start),
            }
        };
        if run.len() > 1 {
            if let Some(female) = self.subject_pronoun(toks, start, i) {
                self.note_sex(&name, female);
            }
        }
        self.subject = Some((Spk::named(&name, true, false), self.turns));
        true
    }

    /// The sex of a pronoun in a subject's own sentence that can only be the
    /// subject's: a possessive in a fronted phrase with no other name ("In her
    /// remarks, Merkel …"), or the first he/she/his/her/him within five tokens after
    /// the subject (tokens `start..end`) and before any other capitalised word ("Cui
    /// lost her job"). `None` when there is none, or the fronted phrase holds both
    /// sexes.
    fn subject_pronoun(&self, toks: &[Tok], start: usize, end: usize) -> Option<bool> {
        let sex = |w: &str| {
            if !(2..=7).contains(&w.len()) || !w.starts_with(['h', 'H', 's', 'S']) {
                return None;
            }
            let is = |v: &[&str]| v.iter().any(|p| w.eq_ignore_ascii_case(p));
            if is(&["she", "her", "herself"]) {
                Some(true)
            } else if is(&["he", "his", "him", "himself"]) {
                Some(false)
            } else {
                None
            }
        };
        let fronted = || {
            toks[..start]
                .iter()
                .filter(|t| t.k == K::Word)
                .map(|t| self.w(t))
        };
        let mut found: Option<bool> = None;
        if start > 0 && !fronted().skip(1).any(is_cap) {
            for w in fronted() {
                if let Some(f) = sex(w) {
                    if found.is_some_and(|g| g != f) {
                        return None;
                    }
                    found = Some(f);
                }
            }
        }
        if found.is_some() {
            return found;
        }
        // Only near the verb ("Cui lost her job", not "MYbank assessed risks … and
        // decided to increase his credit"), and never a pronoun that a cue follows
        // ("Opel would have made a profit, he said" is someone else speaking).
        for (k, t) in toks.iter().enumerate().skip(end).take(5) {
            if t.k == K::Quote {
                return None;
            }
            if t.k != K::Word {
                continue;
            }
            let w = self.w(t);
            if let Some(f) = sex(w) {
                return self
                    .word_at(toks, k + 1)
                    .and_then(lexicon::cue)
                    .is_none()
                    .then_some(f);
            }
            if is_cap(w) {
                return None;
            }
        }
        None
    }

    /// Was `word` written capitalised inside a sentence before byte `before` (after a
    /// word or a comma, not at a sentence's start), so that it is a name and not a
    /// common noun capitalised by its position ("Merkel", not "Intelligence")?
    fn named_mid_sentence(&self, word: &str, before: usize) -> bool {
        // (Not a people: "Palestinians", "Americans", "Koreans"; "Evans" may be.)
        if lexicon::ends_with_any(word, &["ians", "cans", "eans"]) {
            return false;
        }
        let text = &self.n[..before.min(self.n.len())];
        text.match_indices(word).any(|(k, _)| {
            let after = text[k + word.len()..].chars().next();
            let prev = text[..k].trim_end_matches(' ');
            text[..k].ends_with(' ')
                && after.is_none_or(|c| !c.is_alphanumeric())
                && prev
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == ',')
        })
    }

    /// Count one reading of a name's sex (`sexes`).
    fn note_sex(&mut self, name: &str, female: bool) {
        let i = match self.sexes.iter().position(|s| s.0 == name) {
            Some(i) => i,
            None => {
                self.sexes.push((name.to_string(), 0, 0));
                self.sexes.len() - 1
            }
        };
        let e = &mut self.sexes[i];
        if female {
            e.1 = e.1.saturating_add(1);
        } else {
            e.2 = e.2.saturating_add(1);
        }
    }

    /// "Cui Yanbing said she …": a named person's indirect statement whose claim
    /// opens with "he" or "she" (most often the speaker speaking of themself) counts
    /// as one reading of the speaker's sex. For the statements found from `before`.
    /// A lone name that speaks of itself so ("Trump declared that he …") is a
    /// person's too, a candidate for the next "he".
    pub(super) fn note_self_reference(&mut self, before: usize) {
        for k in before..self.out.len() {
            let f = &self.out[k];
            if f.kind != crate::extract::ExtractKind::IndirectSpeech {
                continue;
            }
            let Some(&(a, b)) = f.pieces.first() else {
                continue;
            };
            // "Tyab said that Khalaf stated that she …": nested, the pronoun is the
            // inner speaker's, not the one this statement was found for.
            if !f.cited.is_empty() {
                continue;
            }
            let first = self.n[a..b].split(|c: char| !c.is_alphabetic()).next();
            let female = match first.unwrap_or("") {
                "she" | "She" => true,
                "he" | "He" => false,
                _ => continue,
            };
            let Some(s) = f.speaker.as_ref().filter(|s| {
                !s.hop.anonymous
                    && !s.media
                    && (s.person
                        || is_cap(&s.hop.name)
                            && !s.hop.name.contains(' ')
                            && could_be_surname(&s.hop.name)
                            && !is_org(&[s.hop.name.as_str()]))
            }) else {
                continue;
            };
            let name = s.hop.name.clone();
            if !s.person {
                for s in self.speakers.iter_mut().filter(|s| s.hop.name == name) {
                    s.person = true;
                }
                if let Some(s) = self.out[k].speaker.as_mut() {
                    s.person = true;
                }
            }
            self.note_sex(&name, female);
        }
    }

    /// The sex of a speaker: from a first name or a description, else from the
    /// article's pronouns when they never disagreed (`sexes`).
    fn sex_of(&self, s: &Spk) -> Option<bool> {
        gender_of(s).or_else(|| {
            if s.hop.anonymous {
                return None;
            }
            self.sexes
                .iter()
                .find(|e| e.0 == s.hop.name)
                .and_then(|e| match (e.1, e.2) {
                    (f, 0) if f > 0 => Some(true),
                    (0, m) if m > 0 => Some(false),
                    _ => None,
                })
        })
    }

    /// Did a person of exactly this name speak before?
    fn spoke_as_person(&self, name: &str) -> bool {
        self.speakers.iter().any(|s| s.person && s.hop.name == name)
    }

    /// "Much of the plan comes from its chief executive Ana Ruiz, a pharmacist and
    /// public health expert.": a sentence that closes by bringing in a person with an
    /// indefinite apposition makes that person the antecedent of the next "he"/"she".
    /// Called only for a sentence without a person subject and without a statement.
    pub(super) fn note_introduced(&mut self, toks: &[Tok]) {
        self.note_passive_agent(toks);
        let Some(c) = toks.iter().rposition(|t| t.k == K::Comma) else {
            return;
        };
        let apposition = &toks[c + 1..];
        if !self.is_word(toks, c + 1, &["a", "an"])
            || !apposition.iter().all(|t| matches!(t.k, K::Word | K::Other))
            || !self.person_head(&apposition[1..])
        {
            return;
        }
        let mut s = c;
        while s > 0 && self.word_at(toks, s - 1).is_some_and(is_cap) {
            s -= 1;
        }
        // After a lower-case word: a sentence-initial name is its subject, read by
        // `note_subject`.
        if !(2..=4).contains(&(c - s))
            || !self
                .word_at(toks, s.wrapping_sub(1))
                .is_some_and(|w| w.starts_with(|ch: char| ch.is_lowercase()))
        {
            return;
        }
        let run: Vec<&str> = toks[s..c].iter().map(|t| self.w(t)).collect();
        if run.iter().any(|w| is_in(w, NOT_NAMES)) {
            return;
        }
        if let Some(name) = person_like(&run, false) {
            self.subject = Some((Spk::named(&self.expand(&name), true, false), self.turns));
        }
    }

    /// "The warning has been made by NHS Providers, which represents … It said …": a
    /// body named as the agent of a passive verb (right after "by", the name running
    /// to a comma or the sentence's end) is the subject the sentence is about, an
    /// antecedent of the next "it". A body by its kind of name, or any name that a
    /// "which" describes (no "who": a person).
    fn note_passive_agent(&mut self, toks: &[Tok]) {
        let Some(by) = (2..toks.len()).find(|&k| {
            self.is_word(toks, k, &["by"])
                && self.word_at(toks, k - 1).is_some_and(|w| {
                    w.len() > 3 && (w.ends_with("ed") || w.ends_with("en") || w == "made")
                })
                && self.is_word(toks, k - 2, lexicon::PASSIVE_AUX)
        }) else {
            return;
        };
        let a = by + 1 + usize::from(self.is_word(toks, by + 1, &["the"]));
        let mut e = a;
        while self.word_at(toks, e).is_some_and(is_cap) {
            e += 1;
        }
        let end = toks.get(e).is_none_or(|t| t.k == K::Other);
        let which =
            toks.get(e).is_some_and(|t| t.k == K::Comma) && self.is_word(toks, e + 1, &["which"]);
        if !(1..=5).contains(&(e - a)) || !(end || which) {
            return;
        }
        let run: Vec<&str> = toks[a..e].iter().map(|t| self.w(t)).collect();
        if run.iter().any(|w| is_in(w, NOT_NAMES) || w.ends_with("'s")) || !(which || is_org(&run))
        {
            return;
        }
        let name = run.join(" ");
        let media = is_known_media_run(&run);
        self.body_subject = Some((
            Spk::named(&name, false, media),
            self.turns,
            self.sentence_no,
        ));
    }

    /// Is the head of a description a person ("former diplomat who …", "pharmacist and
    /// public health expert"; not "place renowned for …", "Independent Spirit Award")?
    /// The head is the last word before a joining word, a relative or the end.
    fn person_head(&self, toks: &[Tok]) -> bool {
        let words: Vec<&str> = toks
            .iter()
            .take_while(|t| t.k == K::Word)
            .map(|t| self.w(t))
            .take_while(|w| !is_in(w, lexicon::APPOSITION_CUTS) && !is_in(w, CONNECTORS))
            .collect();
        words.last().is_some_and(|h| {
            let h = h.to_ascii_lowercase();
            !is_cap(words[words.len() - 1])
                && (person_noun(&h) || is_in(&h, lexicon::PARTY_MEMBERS))
        })
    }

    /// Does a predicate start at token `i`, right after a subject's name: a
    /// lower-case word that does not continue a name ("of", "and") or a noun phrase
    /// ("in", "from"), or a comma and a lower-case word (an apposition)?
    fn predicate_follows(&self, toks: &[Tok], i: usize) -> bool {
        match toks.get(i) {
            // "Ana Ruiz, 25, a nurse from Leeds, is …": an age, then the apposition.
            Some(t)
                if t.k == K::Comma
                    && self.word_at(toks, i + 1).is_some_and(|w| {
                        (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
                    })
                    && toks.get(i + 2).is_some_and(|t| t.k == K::Comma) =>
            {
                self.word_at(toks, i + 3)
                    .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
            }
            Some(t) if t.k == K::Comma => self
                .word_at(toks, i + 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase())),
            Some(t) if t.k == K::Word => {
                let w = self.w(t);
                // "Anonymous PSD sources told …": a noun after the run makes it a
                // modifier.
                // ("California Fire Incident commander Ana Ruiz said": a title too.)
                w.starts_with(|c: char| c.is_ascii_lowercase())
                    && !is_in(w, CONNECTORS)
                    && !is_in(w, lexicon::NOT_AFTER_SUBJECT_NAME)
                    && !is_in(w, lexicon::ANON_NOUNS)
                    && !((is_in(w, lexicon::PERSON_REFS)
                        || is_title(w) && !is_in(w, lexicon::TITLE_MODIFIERS) && w != "first")
                        && lexicon::cue_word(w).is_none())
                    // "Pulitzer Prize winner Ana Ruiz …": a role before a name.
                    && (!is_in(w, lexicon::ROLE_HEADS)
                        || self.word_at(toks, i + 1).is_none_or(|n| !is_cap(n)))
            }
            _ => false,
        }
    }

    /// `note_subject` for a subject whose description mixes capitalised and
    /// lower-case words before the title and the name: "Former Leicester and England
    /// striker Ana Ruiz said …", "Acting state attorney Ivo Brandt has …". Only
    /// capitalised words, titles, their modifiers and the words that join them
    /// ("and", "of", "the") may come before the last title; after it, a full name of
    /// two to four capitalised words, then the predicate.
    fn note_described_subject(&mut self, toks: &[Tok], start: usize) -> bool {
        let mut title = None;
        let mut i = start;
        while let Some(w) = toks.get(i).filter(|t| t.k == K::Word).map(|t| self.w(t)) {
            if i - start >= 10 {
                return false;
            }
            if is_title(w) || !is_cap(w) && is_in(w, lexicon::ROLE_HEADS) {
                title = Some(i);
            } else if !(is_cap(w)
                || is_in(w, lexicon::TITLE_MODIFIERS)
                || is_in(w, &["and", "of", "the"]))
            {
                break;
            }
            i += 1;
        }
        let Some(t) = title else {
            return false;
        };
        // "The Foreign Secretary, Boris Johnson, expressed …": the name in commas
        // after the title, then the predicate.
        let (name_s, name_e, pred) = match self.comma_name_after(toks, t, i) {
            Some((s, e)) => (s, e, e + 1),
            None => (t + 1, i, i),
        };
        let name = &toks[name_s..name_e];
        if !(2..=4).contains(&name.len())
            || name.iter().any(|k| {
                let w = self.w(k);
                !is_cap(w) || is_in(w, NOT_NAMES) || is_in(w, lexicon::LEADING_LINKERS)
            })
            || !self.predicate_follows(toks, pred)
        {
            return false;
        }
        // (A role head is no title: "winner" is no part of the name.)
        let role = !is_title(self.w(&toks[t]));
        let words: Vec<&str> = std::iter::once(&toks[t])
            .skip(usize::from(role))
            .chain(name)
            .map(|k| self.w(k))
            .collect();
        let Some(name) = person_like(&words, true) else {
            return false;
        };
        let name = self.expand(&name);
        self.subject = Some((Spk::named(&name, true, false), self.turns));
        true
    }

    /// `note_subject` for a lower-case description that a person's name in commas
    /// follows, then the predicate: "But one of the architects of the deal, Ivo
    /// Brandt, former head of the party, was jubilant." The description opens with an
    /// article or "one" and runs at most ten words to its comma; the name is two to
    /// four capitalised words that read as a person's.
    fn note_named_after_description(&mut self, toks: &[Tok], i: usize) -> bool {
        // (Exact bytes: this runs for every sentence that opens in lower case.)
        if !matches!(
            self.word_at(toks, i),
            Some("the" | "a" | "an" | "one" | "another")
        ) {
            return false;
        }
        let Some(c) = (i + 1..toks.len().min(i + 11))
            .take_while(|&k| toks[k].k == K::Word)
            .last()
            .map(|k| k + 1)
            .filter(|&c| toks.get(c).is_some_and(|t| t.k == K::Comma))
        else {
            return false;
        };
        let mut e = c + 1;
        while e < toks.len() && e < c + 6 && self.word_at(toks, e).is_some_and(is_cap) {
            e += 1;
        }
        if !(2..=4).contains(&(e - c - 1))
            || toks.get(e).is_none_or(|t| t.k != K::Comma)
            || !self.predicate_follows(toks, e)
        {
            return false;
        }
        let run: Vec<&str> = (c + 1..e).map(|k| self.w(&toks[k])).collect();
        if run.iter().any(|w| is_in(w, NOT_NAMES) || is_title(w)) {
            return false;
        }
        let Some(name) = person_like(&run, false) else {
            return false;
        };
        let name = self.expand(&name);
        self.subject = Some((Spk::named(&name, true, false), self.turns));
        true
    }

    /// "… Secretary, Boris Johnson, expressed": when the run of a title at `t` ends
    /// at a comma (token `i`), the token range of a name of two to four capitalised
    /// words closed by the next comma.
    fn comma_name_after(&self, toks: &[Tok], t: usize, i: usize) -> Option<(usize, usize)> {
        if i != t + 1 || toks.get(i).map(|k| k.k) != Some(K::Comma) {
            return None;
        }
        let e = (i + 1..toks.len().min(i + 6)).find(|&k| toks[k].k != K::Word)?;
        (toks[e].k == K::Comma && (2..=4).contains(&(e - i - 1))).then_some((i + 1, e))
    }

    /// The latest speaker that `keep` accepts whose name has this (lower-case) word.
    fn speaker_with_word(&self, word: &str, keep: impl Fn(&Spk) -> bool) -> Option<Spk> {
        self.speakers
            .iter()
            .rev()
            .find(|s| {
                keep(s)
                    && s.hop
                        .name
                        .to_lowercase()
                        .split_whitespace()
                        .any(|w| w == word)
            })
            .cloned()
    }

    /// The person introduced with this role noun ("the minister" after "…, the
    /// minister, said"), else the latest titled name with it ("Minister Ana Ruiz").
    /// The qualifiers of the description ("former", "vice", "deputy") must be in the
    /// mention's too: "the former vice president" is neither the sitting president
    /// nor a former one named last.
    /// Whether a titled mention of `name` put another portfolio word before `head`
    /// than the description's ("finance minister" against "the prime minister").
    fn portfolio_clash(&self, name: &str, head: &str, portfolio: Option<&str>) -> bool {
        let Some(p) = portfolio else { return false };
        self.mentions.iter().any(|(n, ctx)| {
            let w: Vec<&str> = ctx.split_whitespace().collect();
            n == name
                && w.iter().enumerate().skip(1).any(|(i, x)| {
                    *x == head && office_word(&w[..i]).is_some_and(|q| !q.eq_ignore_ascii_case(p))
                })
        })
    }

    fn by_role(&self, head: &str, mods: &[String]) -> Option<Spk> {
        self.by_role_where(head, mods, |_| true)
    }

    /// [`Self::by_role`] among the names `accept`s.
    fn by_role_where(
        &self,
        head: &str,
        mods: &[String],
        accept: impl Fn(&str) -> bool,
    ) -> Option<Spk> {
        // A named speaker or a titled mention comes before an earlier unnamed one ("the
        // fire chief said …; Raleigh Fire Chief John McGrath said …; the fire chief
        // said …" is McGrath the second time), unless the unnamed one was brought in
        // as such ("A senior White House adviser said …": "the senior White House
        // adviser" stays that anonymous source, whoever else the article names).
        // "An official representing the firm": the head before a modifier, not the
        // phrase's last word.
        let modified_head = |s: &Spk| {
            let w: Vec<&str> = s.hop.name.split_whitespace().collect();
            w.len() > 2
                && is_in(w[0], lexicon::INDEFINITE_OPENERS)
                && (1..3).any(|k| {
                    w[k].eq_ignore_ascii_case(head)
                        && w.get(k + 1)
                            .is_some_and(|m| m.len() > 4 && m.ends_with("ing") && !is_cap(m))
                })
        };
        let speaker = |anonymous: bool| {
            self.speakers
                .iter()
                .rev()
                .find(|s| {
                    // A body's voice ("a spokesman for the ministry") is the body.
                    let voice = !anonymous && is_in(head, lexicon::SPOKES_WORDS);
                    // "one of the campaigners" is "the campaigner" later.
                    let one_of = || {
                        s.hop
                            .name
                            .to_ascii_lowercase()
                            .strip_prefix("one of the ")
                            .and_then(|r| r.strip_prefix(head))
                            .is_some_and(|r| r == "s" || r.starts_with("s "))
                    };
                    (s.person || voice || anonymous && one_of())
                        && (s.head == head || anonymous && (modified_head(s) || one_of()))
                        && s.hop.anonymous == anonymous
                        && (anonymous || accept(&s.hop.name))
                })
                .cloned()
        };
        let unnamed = speaker(true);
        let introduced = unnamed.as_ref().is_some_and(|s| {
            s.hop
                .name
                .split_whitespace()
                .next()
                .is_some_and(|w| is_in(w, lexicon::INDEFINITE_OPENERS))
        });
        if introduced {
            return unnamed;
        }
        // A speaker's head is kept without its qualifiers: "the former vice president"
        // is looked up only among the titled mentions, whose words are kept.
        let other_office = mods.iter().any(|m| is_in(m, lexicon::OFFICE_QUALIFIERS));
        if let Some(s) = speaker(false).filter(|_| !other_office) {
            return Some(s);
        }
        self.mentions
            .iter()
            .rev()
            .find(|m| {
                let words = || m.1.split_whitespace();
                let has = |q: &str| {
                    words().any(|w| {
                        w == q || (q.starts_with("ex-") || q == "former") && w.starts_with("ex-")
                    }) || (q.starts_with("ex-") && words().any(|w| w == "former"))
                };
                // "the president" is not "Vice President Ana Ruiz": a qualifier that
                // makes another office must be asked for.
                let other_office = words().zip(words().skip(1)).any(|(q, w)| {
                    w == head
                        && is_in(q, lexicon::OFFICE_QUALIFIERS)
                        && !mods.iter().any(|m| m == q)
                });
                words().any(|w| w == head)
                    && !other_office
                    && mods.iter().all(|q| has(q))
                    && accept(&m.0)
            })
            .map(|m| Spk::named(&m.0, true, false))
            .or(unnamed)
    }

    /// "the UN envoy" is not "Syrian government envoy Ana Ruiz": an acronym before the
    /// role (UN, EU, US) that no titled mention of `name` with the role has (nor its
    /// spelt-out form), where one put a country or a people before the role, says
    /// another body's holder.
    fn body_clash(&self, name: &str, head: &str, modifiers: &[&str]) -> bool {
        let Some(body) = modifiers.iter().find(|w| acronym(w) && w.len() <= 4) else {
            return false;
        };
        let body = body.replace('.', "").to_ascii_lowercase();
        let spelt = match body.as_str() {
            "un" => "united nations",
            "eu" => "european union",
            "us" => "united states",
            _ => "",
        };
        let names = |ctx: &str| {
            let plain = ctx.replace('.', "");
            plain.split_whitespace().any(|w| w == body)
                || !spelt.is_empty() && plain.contains(spelt)
        };
        // Only a mention that put a country or a people before the role ("syrian
        // government envoy"): "President Donald Trump" is still "the US president".
        let placed = |ctx: &str| {
            ctx.split_whitespace().take_while(|w| *w != head).any(|w| {
                is_in(w, lexicon::NATIONALITIES)
                    || is_in(w, lexicon::MORE_NATIONALITIES)
                    || is_in(w, lexicon::PLACE_ENDS)
            })
        };
        let roles: Vec<&str> = self
            .mentions
            .iter()
            .filter(|(n, ctx)| n == name && ctx.split_whitespace().any(|w| w == head))
            .map(|(_, ctx)| ctx.as_str())
            .collect();
        roles.iter().any(|c| placed(c)) && !roles.iter().any(|c| names(c))
    }

    /// "Chechnya's head", "ISIL's leader": the latest person whose description named
    /// the same owner and a role ("Chechnya's leader Ana Ruiz", "Chechen leader …";
    /// owners match on their first five letters), from the titled mentions and the
    /// described speakers; None when there is none.
    fn by_owner(&self, owner: &str, head: &str) -> Option<Spk> {
        let stem: String = owner.to_lowercase().chars().take(5).collect();
        if stem.chars().count() < 3 {
            return None;
        }
        // The owner, not the place a role is posted to ("Indonesia's ambassador to
        // Malaysia" is no owner of "Malaysia's minister"), and a role word of the
        // description.
        // Not an owner named inside a relative clause of the description ("an
        // activist who works with Garcia's family" is nobody's "Garcia's attorney").
        let fits = |ctx: &str| {
            let words: Vec<&str> = ctx
                .split_whitespace()
                .take_while(|w| !is_in(w, lexicon::RELATIVE_PRONOUNS))
                .collect();
            let owned = words
                .iter()
                .enumerate()
                .any(|(i, w)| w.starts_with(stem.as_str()) && (i == 0 || words[i - 1] != "to"));
            owned
                && words
                    .iter()
                    .any(|w| *w == head || is_title(w) || is_in(w, lexicon::PERSON_REFS))
        };
        // "Melania Trump's attorney" is not Melania Trump.
        self.described_person(|name, ctx| fits(ctx) && !name.to_lowercase().contains(stem.as_str()))
    }

    /// The latest person, from the titled mentions and then the persons described in
    /// apposition, whose (name, lower-case description) `fits`.
    fn described_person(&self, fits: impl Fn(&str, &str) -> bool) -> Option<Spk> {
        let described = self
            .described
            .iter()
            .rev()
            .filter(|d| d.2)
            .map(|d| (&d.0, &d.1));
        self.mentions
            .iter()
            .rev()
            .map(|m| (&m.0, &m.1))
            .chain(described)
            .find(|(name, ctx)| fits(name, ctx))
            .map(|(name, _)| Spk::named(name, true, false))
    }

    /// The latest person named or described with a diplomat's title: for "the top
    /// diplomat" a foreign minister or secretary of state; else also an ambassador,
    /// envoy, consul, permanent representative or a foreign ministry's spokesperson.
    /// A nationality ("the Russian diplomat") must be in the description, by its
    /// first four letters ("Russia's ambassador").
    fn diplomat(&self, top: bool, nationality: Option<&str>) -> Option<Spk> {
        let stem = nationality.map(|n| n.chars().take(4).collect::<String>().to_lowercase());
        let fits = |ctx: &str| {
            let has = |w: &str| ctx.split_whitespace().any(|x| x == w);
            if let Some(stem) = &stem {
                if !ctx.split_whitespace().any(|x| x.starts_with(stem.as_str())) {
                    return false;
                }
            }
            let foreign_minister = has("foreign") && has("minister")
                || has("secretary") && has("state") && !has("deputy");
            foreign_minister
                || !top
                    && (has("ambassador")
                        || has("envoy")
                        || has("diplomat")
                        || has("consul")
                        || has("representative") && has("permanent")
                        || has("foreign") && has("ministry"))
        };
        // The latest person who spoke and was described so comes first ("The diplomat
        // pointed out …" after the ambassador's quotations, though the foreign minister
        // was mentioned since).
        let described = |name: &str| {
            self.mentions
                .iter()
                .map(|m| (&m.0, &m.1))
                .chain(self.described.iter().filter(|d| d.2).map(|d| (&d.0, &d.1)))
                .any(|(n, ctx)| n == name && fits(ctx))
        };
        self.speakers
            .iter()
            .rev()
            .find(|s| s.person && !s.hop.anonymous && described(&s.hop.name))
            .cloned()
            .or_else(|| self.described_person(|_, ctx| fits(ctx)))
    }

    /// "they": the latest speaker when it can be plural — a body, a medium, unnamed
    /// sources. After one person it is somebody the rules did not register (lawyers,
    /// prosecutors, the experts of the sentence before): no speaker, rather than the
    /// person (number agreement) or an older body.
    /// An unnamed document in the singular ("the advice", "the report") is no "they".
    fn resolve_plural(&self) -> Option<Spk> {
        let one_doc = |s: &Spk| {
            s.hop.anonymous
                && s.hop
                    .name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| is_in(w, DOCS) && !w.ends_with('s'))
        };
        self.speakers
            .last()
            .filter(|s| !s.person && !one_doc(s))
            .cloned()
    }

    /// A known medium that relayed the last statement ("… obtained by the Ostland
    /// Times. The newspaper reported …").
    fn medium_relayed(&self) -> Option<Spk> {
        let f = self.out.last()?;
        f.outer
            .iter()
            .chain(f.via.iter())
            .chain(f.inner.iter())
            .chain(f.cited.iter())
            .find(|h| !h.anonymous && is_known_media(&h.name))
            .map(|h| Spk::named(&h.name, false, true))
    }

    /// "The RMT held talks … On Wednesday, it announced …": a body the article made
    /// the subject of a sentence after the last body that spoke (and at most three
    /// sentences back) is the nearer antecedent of "it"; else the latest body that
    /// spoke.
    fn resolve_it(&self) -> Option<Spk> {
        if let Some((s, turn, sentence)) = &self.body_subject {
            let last = self
                .speakers
                .iter()
                .rposition(|s| !s.person && !s.hop.anonymous);
            let spoke = last.map(|p| self.turn_of(p));
            if self.sentence_no <= sentence + 3 && spoke.is_none_or(|t| t <= *turn) {
                return Some(s.clone());
            }
        }
        // "A parliamentary committee stated that … "…," it further said.": an
        // unnamed body or document that spoke after every named body is "it" too
        // (rulebook R3: a pronoun resolves to its entity, named or not); only a
        // singular one ("officials", "reports" are "they").
        let latest = self.speakers.iter().rev().find(|s| !s.person);
        if let Some(s) = latest.filter(|s| s.hop.anonymous) {
            let head = s.hop.name.rsplit(' ').next().unwrap_or("");
            let singular = !head.ends_with('s') || head.ends_with("ss");
            if singular && (is_in(head, lexicon::INSTITUTIONS) || is_in(head, lexicon::DOCS)) {
                return Some(s.clone());
            }
        }
        self.resolve_org(false)
    }

    pub(super) fn resolve_org(&self, media: bool) -> Option<Spk> {
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
        // A relative named for a person ("his son, Eric Trump") is what the bare
        // surname stands for only when no one else of that name spoke, or, among
        // those only named, when no one else is named; and never when the surname
        // was used alone before the relative came in and the relative has not spoken
        // ("Trudeau …; his father, Pierre Trudeau").
        let kin = |n: &str| self.kin_named.iter().any(|(k, _)| k == n);
        let blocked = |n: &str| self.kin_named.iter().any(|(k, b)| *b && k == n);
        self.expand_speaker(one, |n| !kin(n))
            .or_else(|| self.expand_speaker(one, |_| true))
            .or_else(|| self.expand_mention(one, |n| !kin(n)))
            .or_else(|| self.expand_mention(one, |n| !blocked(n)))
            .or_else(|| self.expand_body(one))
            .or_else(|| self.expand_given(one))
            .unwrap_or_else(|| name.to_string())
    }

    /// "Police searched for Elizabeth Thomas …. Elizabeth said …": a person called by a
    /// given name alone is the one person named before with it first, among people who
    /// spoke or were described, and (for a known first name) any full name seen. Two
    /// such names ("Elizabeth Thomas", "Elizabeth Ruiz") leave the word as written. (Any
    /// full name for any word would make "Trump" "Trump Tower".)
    fn expand_given(&self, one: &str) -> Option<String> {
        let starts = |n: &str| {
            n.split_once(' ')
                .is_some_and(|(first, rest)| first == one && !rest.contains(' '))
        };
        let people = self
            .speakers
            .iter()
            .filter(|s| s.person && !s.hop.anonymous)
            .map(|s| s.hop.name.as_str())
            .chain(self.described.iter().filter(|d| d.2).map(|d| d.0.as_str()));
        let seen = self
            .names
            .iter()
            .map(String::as_str)
            .filter(|_| known_first_name(one));
        let mut found = people.chain(seen).filter(|n| starts(n));
        let first = found.next()?;
        found.all(|n| n == first).then(|| first.to_string())
    }

    /// "Purdue Pharma says …. Purdue said": a company that spoke, by the first word of
    /// its name (only a name a company word ends: "Purdue Pharma", "General Motors").
    fn expand_body(&self, one: &str) -> Option<String> {
        let s = self.speakers.iter().rev().find(|s| {
            !s.person
                && !s.hop.anonymous
                && s.hop
                    .name
                    .split_once(' ')
                    .is_some_and(|(first, _)| first == one)
        })?;
        let last = s.hop.name.rsplit(' ').next().unwrap_or("");
        is_in(&last.to_ascii_lowercase(), lexicon::COMPANY_ENDS).then(|| s.hop.name.clone())
    }

    /// "Mr Byrne" is not the Michelle Byrne named before, and "Mrs Kenny" not Enda
    /// Kenny: when the phrase's honorific says the other sex than the first name `full`
    /// (the expansion of the surname `one`) has, the latest person of that surname
    /// whose first name fits, else the bare surname.
    fn honorific_fit(&self, words: &[&str], one: &str, full: String) -> String {
        let Some(female) = honorific_female(words).filter(|&f| first_name_clash(&full, f)) else {
            return full;
        };
        let fits =
            |n: &str| surname_matches(n, one) && n.contains(' ') && !first_name_clash(n, female);
        self.speakers
            .iter()
            .rev()
            .map(|s| &s.hop.name)
            .chain(self.mentions.iter().rev().map(|m| &m.0))
            .chain(self.names.iter().rev())
            .find(|n| fits(n))
            .cloned()
            .unwrap_or_else(|| one.to_string())
    }

    /// The person who spoke that a bare surname `one` stands for, among the names
    /// `accept`s (a family name written first, "Chen" for "Chen Lihua", after).
    fn expand_speaker(&self, one: &str, accept: impl Fn(&str) -> bool) -> Option<String> {
        let find = |test: &dyn Fn(&str, &str) -> bool| {
            self.speakers
                .iter()
                .rev()
                .find(|s| {
                    s.person && !s.hop.anonymous && test(&s.hop.name, one) && accept(&s.hop.name)
                })
                .map(|s| s.hop.name.clone())
        };
        find(&surname_matches).or_else(|| find(&family_first))
    }

    /// The person named before that a bare surname `one` stands for, among the names
    /// `accept`s: a titled mention, else any name of two or three words.
    fn expand_mention(&self, one: &str, accept: impl Fn(&str) -> bool) -> Option<String> {
        let mention = |test: &dyn Fn(&str, &str) -> bool| {
            self.mentions
                .iter()
                .rev()
                .find(|m| test(&m.0, one) && accept(&m.0))
                .map(|m| m.0.clone())
        };
        if let Some(n) = mention(&surname_matches).or_else(|| mention(&family_first)) {
            return Some(n);
        }
        // "Somalia" is the country, never "Villa Somalia" named before (a person's
        // surname such as "York" was matched above).
        if is_in(one, lexicon::PLACE_ENDS) {
            return None;
        }
        // A short family name written first ("Chinese conductor Hong Xia …. Hong
        // recalls"; "Gu Ying, a teacher, …. Gu says") stands for a two-word name.
        let family = |m: &str| {
            family_first(m, one)
                && m.split_whitespace().count() == 2
                && (2..=6).contains(&one.len())
                && one.chars().skip(1).all(|c| c.is_ascii_lowercase())
        };
        self.mentions
            .iter()
            .rev()
            .map(|m| &m.0)
            .chain(self.names.iter().rev())
            .find(|m| surname_matches(m, one) && accept(m))
            .or_else(|| {
                // (Only a name given as a person's: "Trump Tower" and "Wu Promotion"
                // are seen as names too. A person described so, else a known first
                // name, a given name in pinyin or a Korean one: "Jae-yong".)
                let given = |m: &str| {
                    let g = m.rsplit(' ').next().unwrap_or("");
                    known_first_name(one)
                        || pinyin_word(g)
                        || g.split_once('-').is_some_and(|(_, b)| {
                            !b.is_empty() && b.chars().all(|c| c.is_ascii_lowercase())
                        })
                };
                let described = self.described.iter().rev().filter(|d| d.2).map(|d| &d.0);
                // (The cheap test first: `given` spells pinyin.)
                let named = self.names.iter().rev().filter(|m| family(m) && given(m));
                described.chain(named).find(|m| family(m) && accept(m))
            })
            .cloned()
    }

    /// The latest body that spoke, else the latest organisation named, whose name holds
    /// `word` ("the bureau" → "Tennessee Bureau of Investigation"; a possessive counts:
    /// "People's").
    fn body_with_word(&self, word: &str) -> Option<Spk> {
        let has = |n: &str| {
            n.split_whitespace()
                .any(|w| w.strip_suffix("'s").unwrap_or(w).eq_ignore_ascii_case(word))
        };
        if let Some(s) = self
            .speakers
            .iter()
            .rev()
            .find(|s| !s.person && !s.hop.anonymous && has(&s.hop.name))
        {
            return Some(s.clone());
        }
        let o = self.orgs.iter().rev().find(|o| has(o))?;
        Some(Spk::named(o, false, is_known_media(o)))
    }

    /// A definite description ("the artist", "the mining company") whose head noun is
    /// the head of a description an apposition gave a name earlier, and whose other
    /// words occur in it: that name. "the company" finds "a mining company"; "the
    /// farmers" does not find "the leader of the farmers".
    fn described_as(&self, words: &[&str]) -> Option<Spk> {
        self.described_entity(words, true)
    }

    /// `described_as` also when others spoke since the apposition.
    fn described_as_any(&self, words: &[&str]) -> Option<Spk> {
        self.described_entity(words, false)
    }

    fn described_entity(&self, words: &[&str], only_since: bool) -> Option<Spk> {
        if words.len() < 2 || words.len() > 4 {
            return None;
        }
        let rest = &words[1..];
        let plain =
            |w: &&str| w.len() > 1 && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        let head = rest[rest.len() - 1];
        // "her sister" after "Ana Ruiz, Tom Ade's sister,": a relative is named by
        // the apposition as by "the sister".
        let kin = is_in(words[0], &["his", "her"]) && is_in(head, lexicon::KIN_NOUNS);
        if !words[0].eq_ignore_ascii_case("the") && !kin {
            return None;
        }
        if !rest.iter().all(plain) || is_in(head, DOCS) {
            return None;
        }
        let (name, _, person, turn) = self.described.iter().rev().find(|(_, d, _, _)| {
            let core: Vec<&str> = d
                .split_whitespace()
                .take_while(|w| !is_in(w, lexicon::APPOSITION_CUTS))
                .collect();
            // "AARP, a group that …" is "the organization"; "a US firm", "the company".
            let same_head = |w: &str| w == head || lexicon::same_kind_nouns(w, head);
            core.last().is_some_and(|w| same_head(w))
                && rest[..rest.len() - 1].iter().all(|w| core.contains(w))
        })?;
        // Only while no other person (or body) has spoken since the apposition: "the
        // congressman" in an article about one congressman, after a colleague was
        // introduced as "a congressman from …", is still the article's own.
        let other = self
            .spoken_since(*turn)
            .iter()
            .any(|s| s.person == *person && !s.hop.anonymous && s.hop.name != *name);
        if other && only_since {
            return None;
        }
        Some(Spk::named(name, *person, !person && is_known_media(name)))
    }

    /// "Ana Ruiz, an artist from Lima, …", "…, said Ana Ruiz, the artist." and "a
    /// mining company, Ostberg Minerals, …": remember the description for later
    /// definite references. `chunks` are the runs of words between punctuation of one
    /// sentence and `comma[i]` says that a comma ends chunk `i`. The name must fill its
    /// chunk (after an article or a cue word), and the description must say what kind of
    /// thing it names — a person's role, or a kind of body — so that a place ("in the
    /// North Sea, the company …") is never registered.
    fn note_appositions(&mut self, chunks: &[&[&str]], comma: &[bool]) {
        // (name, is a person) for a chunk that is a name and nothing else.
        let entity = |c: &[&str]| -> Option<(Vec<String>, bool)> {
            let mut from = 0;
            while from < c.len()
                && (is_in(c[from], ARTICLES) || lexicon::cue_word(c[from]).is_some())
            {
                from += 1;
            }
            let run = &c[from..];
            let runs = cap_runs(run);
            (!run.is_empty()
                && run.len() <= 6
                && runs.len() == 1
                && runs[0] == (0, run.len())
                && !run.iter().any(|w| w.ends_with("'s")))
            .then(|| (run.iter().map(|w| w.to_string()).collect(), is_org(run)))
        };
        // The description's core ("artist" of "an artist from Lima"), lower-case.
        let description = |c: &[&str]| -> Option<(String, bool)> {
            // "the …", "a …", or an owner's ("Ostland's ambassador to Ruritania").
            // (An owner of up to three words: "Tom Ade's sister".)
            let owner = c
                .iter()
                .take(3)
                .position(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"))
                .is_some_and(|k| c[..=k].iter().all(|w| is_cap(w)));
            if c.len() < 2 || c.len() > 12 || !(is_in(c[0], &["a", "an", "the"]) || owner) {
                return None;
            }
            // A clause, not an apposition: "the minister said".
            if c.iter().any(|w| lexicon::cue_word(w).is_some()) {
                return None;
            }
            let d: Vec<String> = c.iter().take(8).map(|w| w.to_ascii_lowercase()).collect();
            let core: Vec<&String> = d
                .iter()
                .take_while(|w| !is_in(w, lexicon::APPOSITION_CUTS))
                .collect();
            let head = core.last()?;
            if core.len() < 2 || !c[core.len() - 1].starts_with(|ch: char| ch.is_lowercase()) {
                return None;
            }
            // ("Ana Ruiz, Tom Ade's sister,": a relative is a person too.)
            let person = is_in(head, lexicon::PERSON_REFS)
                || is_in(head, lexicon::TITLES)
                || is_in(head, lexicon::KIN_NOUNS);
            let body = is_in(head, lexicon::ORG_WORDS) || is_in(head, lexicon::INSTITUTIONS);
            (person != body).then(|| (d.join(" "), person))
        };
        // "Ivo Brandt, an attorney for the girl's father, Tom Ade, said": a
        // description that followed a name is that name's, not the next one's.
        let mut described_before = false;
        for i in 0..chunks.len().saturating_sub(1) {
            if !comma[i] {
                described_before = false;
                continue;
            }
            let (a, b) = (&chunks[i], &chunks[i + 1]);
            // The description first: it rejects most chunks at their first word.
            let after_name = description(b).and_then(|d| entity(a).map(|e| (e, d)));
            let found = if after_name.is_some() || described_before {
                after_name
            } else {
                description(a).and_then(|d| entity(b).map(|e| (e, d)))
            };
            described_before = found.is_some();
            let Some(((run, org_name), (desc, person))) = found else {
                continue;
            };
            let run: Vec<&str> = run.iter().map(String::as_str).collect();
            // "Zinke, an ex-Navy commander from Montana, keeps …": a lone surname
            // described as a person is a person's name when it opens a later
            // sentence ("But Zinke denied …", `note_subject`).
            if person
                && !org_name
                && i == 0
                && run.len() == 1
                && desc.starts_with('a')
                && could_be_surname(run[0])
            {
                self.remember_name_words(run[0]);
                self.note_described(run[0].to_string(), desc.clone(), true);
            }
            let name = if person && !org_name {
                titled_person(&run)
                    .or_else(|| person_name(&run))
                    .filter(|p| p.split_whitespace().count() >= 2)
            } else if !person {
                Some(strip_leading_the(&run.join(" ")))
            } else {
                None
            };
            if let Some(name) = name {
                self.note_described(name, desc, person);
            }
        }
    }

    /// Remember titled names ("Foreign Minister Ana Ruiz", "leader Tomas Brandt")
    /// and other multi-word names for later references.
    pub(super) fn note_names(&mut self, toks: &[Tok]) {
        // The words between punctuation tokens, as slices of one buffer (one
        // allocation per sentence, not one growing vector per chunk).
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| t.k == K::Word)
            .map(|t| self.w(t))
            .collect();
        let mut chunks: Vec<&[&str]> = Vec::new();
        let mut comma: Vec<bool> = Vec::new();
        let (mut from, mut to) = (0, 0);
        for t in toks {
            if t.k == K::Word {
                to += 1;
            } else {
                chunks.push(&words[from..to]);
                comma.push(t.k == K::Comma);
                from = to;
            }
        }
        chunks.push(&words[from..]);
        self.note_appositions(&chunks, &comma);
        for c in &chunks {
            self.note_kind_before_name(c);
        }
        // "his father, Pierre Trudeau,": a name in apposition to someone's kin.
        let start = toks.first().map_or(0, |t| t.s);
        for (i, pair) in chunks.windows(2).enumerate() {
            if comma[i]
                && kin_before(pair[0])
                && (2..=4).contains(&pair[1].len())
                && pair[1].iter().all(|w| is_cap(w))
            {
                self.note_kin(pair[1], start);
            }
        }
        self.sentence_runs.clear();
        for (ci, words) in chunks.iter().enumerate() {
            self.note_chunk(ci, words, start);
        }
        self.note_in_passing(&chunks);
        if self.mentions.len() > 64 {
            self.mentions.drain(..32);
        }
        if self.names.len() > 256 {
            self.names.drain(..128);
        }
    }

    /// "A photograph of Linda Ostrova went viral.": the one person a sentence names,
    /// by a first name the lexicon sexes and a surname, becomes `named_in_passing`.
    /// Not where another capitalised word could be a person ("under President Ivo
    /// Brandt, Kessler feels …"), nor a name after an article ("a Tom Ade diamond
    /// ring"), nor a possessive ("Linda Ostrova's mother Zoe": whose "she"?).
    fn note_in_passing(&mut self, chunks: &[&[&str]]) {
        // (Cheap test first: this runs for every sentence; most name nobody with a
        // listed first name.)
        let sexed = first_name_sex;
        let Some(&(fc, fa, fb)) = self
            .sentence_runs
            .iter()
            .find(|&&(ci, a, b)| b - a >= 2 && sexed(chunks[ci][a]).is_some())
        else {
            return;
        };
        let mut found = None;
        let mut persons = 0;
        for &(ci, a, b) in &self.sentence_runs {
            let c = chunks[ci];
            let run = &c[a..b];
            if run.len() == 1 {
                // A lone word that could be a person's name (not the sentence's
                // first word, which is capitalised anyway).
                if !(a == 0 && ci == 0)
                    && (self.name_words.contains(run[0]) || sexed(run[0]).is_some())
                {
                    persons += 1;
                }
            } else if (ci, a, b) == (fc, fa, fb) || !is_org(run) {
                persons += 1;
                if persons > 1 {
                    return;
                }
                let Some(female) = sexed(run[0]) else {
                    continue;
                };
                // "a Tom Ade diamond ring": after an article, a modifier.
                let modifier = a > 0 && is_in(c[a - 1], ARTICLES);
                let clean = run.len() <= 3
                    && !modifier
                    && !is_org(run)
                    && !run.iter().any(|w| w.contains("'s") || is_title(w));
                if clean {
                    found = Some((run.join(" "), female));
                }
            }
            if persons > 1 {
                return;
            }
        }
        if let Some((name, female)) = found {
            self.named_in_passing = Some((name, female, self.sentence_no));
        }
    }

    /// Remember that `desc` described `name` (`described`, kept to its latest 64).
    fn note_described(&mut self, name: String, desc: String, person: bool) {
        self.described.push((name, desc, person, self.turns));
        if self.described.len() > 64 {
            self.described.drain(..32);
        }
    }

    /// "the ride-hailing company Uber", "the news agency Reuters": a kind of body
    /// right before its name (after an article or a preposition and at most three
    /// lower-case words) describes it, so a later "the company" is that name
    /// (rulebook R3).
    fn note_kind_before_name(&mut self, c: &[&str]) {
        for k in 1..c.len().saturating_sub(1) {
            let head = c[k];
            // (Cheap tests first: this runs for every word of every sentence.)
            if !c[k + 1].starts_with(|ch: char| ch.is_ascii_uppercase())
                || !head.starts_with(|ch: char| ch.is_ascii_lowercase())
                || head.ends_with('s')
                || !(is_in(head, lexicon::ORG_WORDS) || is_in(head, lexicon::INSTITUTIONS))
            {
                continue;
            }
            // (Or after a preposition: "… happened with samba school Mocidade".)
            let opens = |w: &str| is_in(w, ARTICLES) || is_in(w, lexicon::KIND_OPENING_PREPS);
            let plain = |w: &&str| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
            // "… to take travel company TUI to court": a business with one lower-case
            // modifier needs no article (the word before it may be a verb).
            let bare_business =
                || is_in(head, &["company", "firm"]) && plain(&c[k - 1]) && c[k - 1].len() > 2;
            let Some(from) = (k.saturating_sub(4)..k)
                .rev()
                .find(|&j| opens(c[j]))
                .map(|a| a + 1)
                .or_else(|| bare_business().then(|| k - 1))
            else {
                continue;
            };
            // The name's capitalised words, and lower-case joiners inside it
            // ("Unidos da Tijuca", "Say NO to KHTO"); "and" between two names
            // ("the company Apple and Google") is two bodies: nothing noted.
            let cap = |j: usize| c.get(j).is_some_and(|w| is_cap(w) && !is_in(w, NOT_NAMES));
            let mut e = k + 1;
            while e < c.len() && e < k + 7 {
                if cap(e) {
                    e += 1;
                } else if e > k + 1 && cap(e + 1) && is_in(c[e], lexicon::NAME_INNER_JOINERS) {
                    e += 2;
                } else {
                    break;
                }
            }
            let run = &c[k + 1..e];
            if run.is_empty()
                || !c[from..k].iter().all(plain)
                || is_title(run[0])
                || run
                    .iter()
                    .any(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"))
                || c.get(e)
                    .is_some_and(|w| is_cap(w) || *w == "and" && cap(e + 1))
            {
                continue;
            }
            let desc = format!("a {}", c[from..=k].join(" ").to_ascii_lowercase());
            let name = run.join(" ");
            self.note_described(name, desc, false);
            return;
        }
    }

    /// Note a relative named in apposition to kin, and whether the bare surname was
    /// used before (a word not right after a capitalised one): then the surname goes
    /// on standing for the family's main person ("Trudeau …; his father, Pierre
    /// Trudeau, …").
    fn note_kin(&mut self, name: &[&str], sentence_start: usize) {
        let Some(surname) = name.last() else {
            return;
        };
        let before = &self.n[..sentence_start];
        let used = before.match_indices(surname).any(|(k, _)| {
            let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            // Not inside a full name ("Dannielynn Birkhead"): the word before is not
            // a capitalised one running into it.
            let bare =
                before[..k].trim_end().rsplit(' ').next().is_none_or(|w| {
                    !w.starts_with(char::is_uppercase) || w.ends_with(['.', ',', '"'])
                });
            edge(before[..k].chars().next_back())
                && edge(before[k + surname.len()..].chars().next())
                && bare
        });
        self.kin_named.push((name.join(" "), used));
        if self.kin_named.len() > 64 {
            self.kin_named.drain(..32);
        }
    }

    /// "In a statement, the airport said …": the document named with the cue is the
    /// speaker's, so that a later "the statement said" is the airport too. Only when
    /// the sentence's statements (from `from` in `self.out`) have one speaker.
    pub(super) fn note_statement_doc(&mut self, toks: &[Tok], from: usize) {
        let Some(d) = (2..toks.len()).find(|&k| {
            self.is_word(toks, k - 2, &["in"])
                && self.is_word(
                    toks,
                    k - 1,
                    &["a", "an", "its", "his", "her", "their", "the"],
                )
                && self.is_word(toks, k, DOCS)
        }) else {
            return;
        };
        let mut spks = self.out[from..].iter().filter_map(|f| f.speaker.as_ref());
        let Some(first) = spks.next().cloned() else {
            return;
        };
        if spks.all(|s| s.hop.name == first.hop.name) {
            self.note_doc((self.w(&toks[d]).to_ascii_lowercase(), first));
        }
    }

    /// Remember a document noun with its author, for a later "the report" (the
    /// latest 16 to 32 are kept).
    pub(super) fn note_doc(&mut self, doc: (String, Spk)) {
        self.docs.push(doc);
        if self.docs.len() > 32 {
            self.docs.drain(..16);
        }
    }

    fn note_chunk(&mut self, ci: usize, words: &[&str], sentence_start: usize) {
        if let Some(d) = doc_owner(words) {
            self.note_doc(d);
        }
        let runs = cap_runs(words);
        self.sentence_runs
            .extend(runs.iter().map(|r| (ci, r.0, r.1)));
        for r in runs {
            // "Trump's daughter Ivanka Trump": a name right after someone's kin.
            if kin_before(&words[..r.0]) && (2..=4).contains(&(r.1 - r.0)) {
                self.note_kin(&words[r.0..r.1], sentence_start);
            }
            // The whole run too ("Tennessee Bureau of Investigation", which the pieces
            // below split at "of"), noted last so that a reference finds it first.
            let whole = &words[r.0..r.1];
            let whole_org = (3..=8).contains(&whole.len())
                && !whole
                    .iter()
                    .any(|w| w.ends_with("'s") || is_in(w, &["and", "&"]))
                && split_connectors(whole).len() > 1
                && is_org(whole)
                // "US Ambassador to the United Nations Ana Ruiz" is a person.
                && titled_person(whole).is_none();
            let titled_before = r.0 > 0
                && (is_in(words[r.0 - 1], lexicon::TITLES)
                    || is_in(words[r.0 - 1], lexicon::PERSON_REFS));
            // "Mr Brandt's East Asian tour": the possessor is the name.
            let honorific_before = r.0 > 0 && is_in(words[r.0 - 1], lexicon::HONORIFICS);
            for (pi, piece) in split_connectors(&words[r.0..r.1]).into_iter().enumerate() {
                // "TD for Wicklow John Brady", "Chief of Staff Reince Priebus": after
                // a connector, a portfolio's last word before a first name is no part
                // of the name. (Not yet where the whole run is read as a titled
                // name: "Minister for Education and Skills Richard Bruton".)
                let piece = if pi > 0
                    && piece.len() >= 3
                    && !known_first_name(piece[0])
                    && known_first_name(piece[1])
                {
                    &piece[1..]
                } else {
                    piece
                };
                // Copied only when a possessive has to be cut.
                let mut piece = std::borrow::Cow::Borrowed(piece);
                // A possessive ends the name: "Minister Ana Ruiz's visit".
                // A possessive before a title is a modifier: "Chile's Foreign Minister X".
                while let Some(pos) = piece.iter().position(|w| w.ends_with("'s")) {
                    let before_title = piece.get(pos + 1).is_some_and(|w| is_title(w));
                    if before_title || (pos == 0 && !(pi == 0 && honorific_before)) {
                        piece.to_mut().remove(pos);
                    } else {
                        let owner = piece[pos].trim_end_matches("'s");
                        let piece = piece.to_mut();
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
                    // "President Trump": a surname after a person's title is a
                    // mention too ("the president" later); not "Prime Minister May".
                    let surname = !p.contains(' ')
                        && p.len() > 2
                        && !is_in(&p, NOT_NAMES)
                        && !is_in(&p, lexicon::CALENDAR)
                        && p.chars().any(|c| c.is_lowercase())
                        && piece
                            .iter()
                            .any(|w| is_in(w, lexicon::PERSON_TITLES) && is_cap(w));
                    let p = if surname { self.expand(&p) } else { p };
                    if surname || p.split_whitespace().count() >= 2 {
                        let from = r.0.saturating_sub(3);
                        let ctx = words[from..r.1].join(" ").to_ascii_lowercase();
                        self.mentions.retain(|m| m.0 != p);
                        self.remember_name_words(&p);
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
                    // "Meeting Lina and getting to know her …": a gerund opening the
                    // sentence is no first name.
                    && !(r.0 == 0
                        && pi == 0
                        && piece[0].len() > 5
                        && piece[0].ends_with("ing")
                        && !known_first_name(piece[0]))
                {
                    let p = piece.join(" ");
                    if !self.names.contains(&p) {
                        self.remember_name_words(&p);
                        self.names.push(p);
                    }
                }
            }
            if whole_org {
                let o = strip_leading_the(&whole.join(" "));
                self.orgs.retain(|x| *x != o);
                self.orgs.push(o);
            }
        }
    }
}

/// Do `words` end with someone's kin ("his father", "Trump's late wife")?
/// The portfolio word right before a role's head ("prime" in "the prime
/// minister", "finance" in "Finance Minister"), if the word there is one.
fn office_word<'w>(before: &[&'w str]) -> Option<&'w str> {
    let w = *before.last()?;
    is_in(&w.to_ascii_lowercase(), lexicon::PORTFOLIOS).then_some(w)
}

/// A name's last word as written.
fn last_cased(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or("")
}

fn kin_before(words: &[&str]) -> bool {
    let n = words.len();
    n >= 2
        && is_in(words[n - 1], lexicon::KIN_NOUNS)
        && words[n.saturating_sub(3)..n - 1]
            .iter()
            .any(|w| is_in(w, lexicon::POSSESSIVES) || w.ends_with("'s"))
}

/// A person's name in a subject's capitalised run, after its titles: never a body,
/// a medium, or (without a title) a place; two words or more without a title. A
/// title makes the run a person's even when it names the person's body ("Police
/// Commissioner Ana Ruiz"): `person_name` keeps only the words after the title,
/// and refuses a body's words there.
fn person_like(words: &[&str], titled: bool) -> Option<String> {
    let last = words[words.len() - 1];
    if !titled && (is_org(words) || is_in(last, lexicon::PLACE_ENDS)) {
        return None;
    }
    // The known-media check folds the name through a shared memo, so it comes last.
    person_name(words)
        .filter(|n| titled || n.split_whitespace().count() >= 2)
        .filter(|_| !is_known_media_run(words))
}

/// "Mick Jagger of the Rolling Stones", "Dora Vance of the Monroe Police
/// Department": a full name of two or three words, then "of" and the body or band
/// the person belongs to. The person is the origin.
fn person_of(run: &[&str]) -> Option<String> {
    let of = run.iter().position(|w| *w == "of")?;
    if !(2..=3).contains(&of) || run[..of].iter().any(|w| w.ends_with("'s")) {
        return None;
    }
    // "Joint Chiefs of Staff", "Member of Parliament": a body's or an office's name,
    // with a title or a body's word before or after "of".
    let after: Vec<&str> = run[of + 1..]
        .iter()
        .copied()
        .filter(|w| !w.eq_ignore_ascii_case("the"))
        .collect();
    let generic = |w: &str| {
        is_title(w)
            || is_in(w, lexicon::ORG_WORDS)
            || is_in(w, lexicon::ANON_NOUNS)
            || is_in(w, lexicon::INSTITUTIONS)
    };
    if run[..of].iter().any(|w| generic(w)) || (after.len() == 1 && generic(after[0])) {
        return None;
    }
    person_like(&run[..of], false).filter(|n| n.split_whitespace().count() >= 2)
}

/// The sex an honorific in the phrase gives ("Mr" → male, "Ms"/"Mrs"/"Miss" →
/// female), as "is female".
fn honorific_female(words: &[&str]) -> Option<bool> {
    words.iter().find_map(|w| match w.trim_end_matches('.') {
        "Mr" => Some(false),
        "Mrs" | "Ms" | "Miss" => Some(true),
        _ => None,
    })
}

/// Is the first name of `full` known to be of the other sex than `female`?
fn first_name_clash(full: &str, female: bool) -> bool {
    let first = full.split_whitespace().next().unwrap_or("");
    if female {
        is_in(first, lexicon::MALE_FIRST_NAMES)
    } else {
        is_in(first, lexicon::FEMALE_FIRST_NAMES)
    }
}

/// Whether a speaker is a woman (true) or a man (false), from a first name the
/// lexicon knows or a gendered word in a description or role ("spokeswoman").
fn gender_of(s: &Spk) -> Option<bool> {
    let word = |w: &str| {
        if is_in(w, lexicon::FEMALE_WORDS) {
            Some(true)
        } else if is_in(w, lexicon::MALE_WORDS) {
            Some(false)
        } else {
            None
        }
    };
    if s.hop.anonymous {
        return word(&s.head).or_else(|| s.hop.name.split_whitespace().rev().find_map(word));
    }
    // A one-word name is a surname ("Scott", "Ahmed"), which says nothing.
    let mut words = s.hop.name.split_whitespace();
    let first = words.next()?;
    if words.next().is_none() {
        return word(&s.head);
    }
    first_name_sex(first).or_else(|| word(&s.head))
}

/// Does a plural noun name people: a role or unnamed-source noun in the plural
/// ("officials", "ministers"), or an agent noun ("lawyers", "separatists",
/// "respondents", "parliamentarians")?
pub(super) fn people_plural(head: &str) -> bool {
    is_in(head, lexicon::ANON_NOUNS) || person_noun(head.strip_suffix('s').unwrap_or(head))
}

/// A plural that names people by a listed role or kind ("officials", "lawyers",
/// "activists", "fishermen"); unlike [`people_plural`], no bare agent suffix
/// ("documents", "numbers" are no one).
pub(super) fn listed_people_plural(head: &str) -> bool {
    head.len() > 5 && head.ends_with("men")
        || head.len() > 4
            && head.ends_with('s')
            && !head.ends_with("ss")
            && head.strip_suffix('s').is_some_and(|sg| {
                is_in(sg, lexicon::PERSON_REFS)
                    || is_in(sg, lexicon::TITLES)
                    || is_in(sg, lexicon::PEOPLE_NOUNS)
                    || lexicon::ends_with_any(sg, &["ist", "ian"])
            })
}

/// Does a singular noun name a person: a role noun, or an agent noun ("passenger",
/// "separatist", "patient", "parliamentarian")?
fn person_noun(head: &str) -> bool {
    is_in(head, lexicon::PERSON_REFS)
        || is_in(head, lexicon::TITLES)
        || is_in(head, lexicon::PEOPLE_NOUNS)
        || lexicon::AGENT_SUFFIXES.iter().any(|s| head.ends_with(s))
}

/// "a report (on the launch, carried early Monday) by the Ostwind news agency", "a
/// statement from the Harbour Board": a document noun after an article, then within
/// eight words *by*/*from* and a capitalised name of an organisation or medium, which
/// is the document's author. Gives (document noun, author).
fn doc_owner(words: &[&str]) -> Option<(String, Spk)> {
    // Runs for every chunk of every sentence: the length test rejects most words
    // before any list is searched.
    // One lower-case modifier may stand between ("a research note from …").
    let article = |w: &str| w.len() <= 3 && is_in(w, ARTICLES);
    let lower = |w: &str| w.starts_with(|c: char| c.is_lowercase());
    let d = (1..words.len()).find(|&i| {
        (article(words[i - 1]) || (i >= 2 && article(words[i - 2]) && lower(words[i - 1])))
            && lower(words[i])
            && is_in(words[i], DOCS)
    })?;
    let p = (d + 1..words.len().min(d + 9)).find(|&k| is_in(words[k], DOC_AUTHOR_PREPS))?;
    let mut a = p + 1;
    if words.get(a).is_some_and(|w| is_in(w, ARTICLES)) {
        a += 1;
    }
    // "a bulletin published by police": the article's own police, army or court
    // (rulebook example 24), as the last word.
    if a + 1 == words.len() && is_in(words[a], lexicon::OWN_INSTITUTIONS) {
        return Some((
            words[d].to_ascii_lowercase(),
            Spk::named(words[a], false, false),
        ));
    }
    // "a statement by the interior ministry": a body named in lower case, as
    // "the interior ministry said" names it.
    let rest = &words[a..];
    if (2..=3).contains(&rest.len())
        && rest
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        && is_in(rest[rest.len() - 1], lexicon::ORG_WORDS)
        && !is_in(rest[0], DETERMINERS)
        && !is_in(rest[0], PRONOUNS)
    {
        return Some((
            words[d].to_ascii_lowercase(),
            Spk::named(&rest.join(" "), false, false),
        ));
    }
    let run = cap_runs(rest).into_iter().next()?;
    if run.0 != 0 {
        return None;
    }
    let mut piece: Vec<&str> = words[a..a + run.1].to_vec();
    // "the North's Korean Central News Agency": the possessive is a modifier.
    if let Some(pos) = piece.iter().rposition(|w| w.ends_with("'s")) {
        piece.drain(..=pos);
    }
    if piece.is_empty() || !is_org(&piece) {
        return None;
    }
    let name = strip_leading_the(&piece.join(" "));
    let media = is_known_media(&name) || piece.iter().any(|w| is_in(w, lexicon::MEDIA_WORDS));
    Some((
        words[d].to_ascii_lowercase(),
        Spk::named(&name, false, media),
    ))
}

/// The head of a description of a body by its place ("the South Korean electronics
/// giant", "the UK-based war monitor"): a generic body noun or a business's.
fn described_body_head(head: &str) -> bool {
    is_in(head, lexicon::GENERIC_ORG_HEADS) && head != "it"
        || is_in(head, lexicon::DESCRIBED_BODY_HEADS)
}

/// Capitalised words that say where a body is from and name none: a country, a
/// people ("South Korean"), or a place with an affiliation ("Doha-based", "San
/// Francisco-headquartered").
fn place_words(run: &[&str]) -> bool {
    let last = run[run.len() - 1];
    lexicon::ends_with_any(last, lexicon::AFFILIATION_SUFFIXES)
        || run.iter().all(|w| {
            is_in(w, lexicon::NATIONALITIES)
                || is_in(w, lexicon::MORE_NATIONALITIES)
                || is_in(w, lexicon::PLACE_ENDS)
                || is_in(w, &["north", "south", "east", "west"])
                || lexicon::ends_with_any(w, &["ian", "ean", "ese", "ish"])
        }) && !is_org(run)
}

/// A document word or its plural ("research", "studies", "polls"), lower case.
fn unnamed_docs(head: &str) -> bool {
    let singular = match head.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => head.strip_suffix('s').unwrap_or(head).to_string(),
    };
    is_in(head, DOCS) || is_in(&singular, DOCS)
}

/// See `State::subject_adverb`.
fn adverb_word(w: &str) -> bool {
    lexicon::is_subject_adverb(w) && w != w.to_uppercase()
}

/// Any lower-case "-ly" adverb ("wrongly", "mistakenly"), not a noun so spelt ("the
/// family said"): dropped from the end of a speaker's phrase of three words or more.
fn ly_adverb(w: &str) -> bool {
    w.len() >= 6
        && w.ends_with("ly")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !is_in(w, lexicon::LY_NOUNS)
}

/// A word that opens a participle phrase ("Awarding", "Turning"), not a first name
/// ending in "-ing" ("Sterling").
fn participle(w: &str) -> bool {
    w.len() >= 5 && w.ends_with("ing") && !known_first_name(w)
}

/// Can a lone capitalised word that an apposition or a relative "who" describes be a
/// person's surname ("Zinke, an ex-Navy commander,", "Mesgen - who …")? Not a listed
/// non-name, place, people or acronym.
pub(super) fn could_be_surname(w: &str) -> bool {
    !is_in(w, NOT_NAMES)
        && !is_in(w, lexicon::PLACE_ENDS)
        && !is_in(w, lexicon::DEMONYM_LIKE)
        && !acronym(w)
}
