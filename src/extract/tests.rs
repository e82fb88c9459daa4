//! Unit tests of the extraction rules, one pattern each, with sentences written for the
//! tests.

use super::*;

fn meta(p: &str) -> ArticleMeta {
    ArticleMeta {
        publisher: p.into(),
        url: None,
        published: None,
    }
}

fn chains(text: &str, publisher: &str) -> Vec<String> {
    extract(text, &meta(publisher))
        .iter()
        .map(|x| x.chain.to_string())
        .collect()
}

/// Every statement from "Wire", as (chain, claim) in order.
fn chains_and_claims(text: &str) -> Vec<(String, String)> {
    extract(text, &meta("Wire"))
        .into_iter()
        .map(|x| (x.chain.to_string(), x.claim))
        .collect()
}

/// The text's (chain, claim) pairs from "Wire" are exactly `expected`, in order.
fn assert_chains_and_claims(text: &str, expected: &[(&str, &str)]) {
    let got = chains_and_claims(text);
    let got: Vec<(&str, &str)> = got.iter().map(|(c, k)| (c.as_str(), k.as_str())).collect();
    assert_eq!(got, expected, "{text}");
}

fn one(text: &str, publisher: &str) -> Extracted {
    let v = extract(text, &meta(publisher));
    assert_eq!(v.len(), 1, "expected one statement in {text:?}, got {v:#?}");
    v.into_iter().next().unwrap()
}

/// Each text gives one statement, from "Wire", with this chain and claim.
fn one_each(cases: &[(&str, &str, &str)]) {
    for &(text, chain, claim) in cases {
        let x = one(text, "Wire");
        assert_eq!(
            (x.chain.to_string().as_str(), x.claim.as_str()),
            (chain, claim),
            "{text}"
        );
    }
}

#[test]
fn speaker_first_indirect() {
    let x = one(
        "Mayor Lena Varga said the bridge would reopen in May.",
        "Daily Bugle",
    );
    assert_eq!(x.chain.to_string(), "Daily Bugle via Lena Varga");
    assert_eq!(x.claim, "the bridge would reopen in May");
    assert_eq!(x.kind, ExtractKind::IndirectSpeech);
}

#[test]
fn quote_first_with_pronoun() {
    let t =
        "Fire chief Tomas Brandt said crews worked all night. \"We saved the school,\" he said.";
    let v = extract(t, &meta("Gazette"));
    assert_eq!(v.len(), 2);
    assert_eq!(v[1].chain.to_string(), "Gazette via Tomas Brandt");
    assert_eq!(v[1].claim, "We saved the school,".trim_end_matches(','));
    assert_eq!(v[1].kind, ExtractKind::DirectQuote);
}

#[test]
fn told_agency_is_a_relay() {
    let x = one(
        "Colonel Aru Mendez told the AFP news agency that the convoy had been hit.",
        "Gazette",
    );
    assert_eq!(x.chain.to_string(), "Gazette via AFP via Aru Mendez");
}

#[test]
fn told_the_publisher_collapses() {
    let x = one(
        "The talks will go on, envoy Pita Sorensen told TASS on Monday.",
        "TASS",
    );
    assert_eq!(x.chain.to_string(), "TASS via Pita Sorensen");
    assert_eq!(x.claim, "The talks will go on");
}

#[test]
fn reported_citing_anonymous() {
    let x = one(
        "The SANA news agency reported, citing an official source, that two bridges were repaired.",
        "TASS",
    );
    assert_eq!(x.chain.to_string(), "TASS via SANA via ~an official source");
    assert!(x.chain.hops()[2].anonymous);
}

#[test]
fn content_first_with_agency() {
    let x = one(
        "Rebels pulled back from the hills overnight, the Interfax news agency reported.",
        "Gazette",
    );
    assert_eq!(x.chain.to_string(), "Gazette via Interfax");
}

#[test]
fn quoted_as_saying() {
    let x = one(
        "Minister Olga Petrova was quoted by Izvestia as saying that prices would fall.",
        "Gazette",
    );
    assert_eq!(x.chain.to_string(), "Gazette via Izvestia via Olga Petrova");
    let x = one(
        "Interfax quoted Deputy Minister Ivan Sokol as saying the plant was safe.",
        "Gazette",
    );
    assert_eq!(x.chain.to_string(), "Gazette via Interfax via Ivan Sokol");
}

#[test]
fn according_to_both_positions() {
    let x = one(
        "According to local activists, the market was shelled twice.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via ~local activists");
    assert_eq!(x.kind, ExtractKind::AccordingTo);
    let x = one(
        "The dam held through the storm, according to the Regional Water Board.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Regional Water Board");
    let x = one(
        "The port was closed, according to a statement carried by the SANA news agency.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via SANA");
}

#[test]
fn according_to_a_source_quoted_in_a_medium() {
    let x = one(
        "According to a navy officer quoted in Russia Today, \"the ships are staying.\"",
        "Blog",
    );
    assert_eq!(
        x.chain.to_string(),
        "Blog via Russia Today via ~a navy officer"
    );
}

#[test]
fn via_block_prefixes_the_chain() {
    let t = "Intro line without any cue.\nVia Harbor Times:\nDock worker Ana Ruiz said the cranes stopped at noon.";
    let v = extract(t, &meta("Blog"));
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].chain.to_string(), "Blog via Harbor Times via Ana Ruiz");
}

#[test]
fn speaking_to_relay_and_surname() {
    let t = "Trader Omar al-Rashid said the bazaar was empty. \"Nobody came,\" he said. Bread prices have doubled, al-Rashid said, speaking to Reuters by phone.";
    let v = chains(t, "Blog");
    // Rulebook R2: the relay belongs to its own sentence only.
    assert_eq!(
        v,
        [
            "Blog via Omar al-Rashid",
            "Blog via Omar al-Rashid",
            "Blog via Reuters via Omar al-Rashid"
        ]
    );
}

#[test]
fn photo_credit_chain() {
    let t = "Boats in the harbour at dawn (Jan Kowal/Reuters via AP)\nNothing else.";
    let v = extract(t, &meta("Blog"));
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].kind, ExtractKind::PhotoCredit);
    assert_eq!(
        v[0].chain.to_string(),
        "Blog via AP via Reuters via Jan Kowal"
    );
    assert_eq!(v[0].claim, "Boats in the harbour at dawn");
}

#[test]
fn multi_sentence_quote_and_continuation() {
    let t = "\"We are tired. We want peace,\" said farmer Ines Koh. \"Nobody listens.\"";
    let v = extract(t, &meta("Wire"));
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].chain.to_string(), "Wire via Ines Koh");
    assert!(v[0].claim.contains("We are tired") && v[0].claim.contains("Nobody listens"));
}

#[test]
fn abbreviations_do_not_break_attribution() {
    let x = one(
        "Sen. Maria Lund of the U.S. Senate said on Feb. 3 the vote was delayed.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Maria Lund");
}

#[test]
fn anonymous_sources() {
    for (t, want) in [
        (
            "Sources close to the ministry said the deal was off.",
            "Wire via ~Sources close to the ministry",
        ),
        ("Witnesses said the car sped away.", "Wire via ~Witnesses"),
        (
            "An official source told the agency that the road was open again.",
            "Wire via ~An official source",
        ),
    ] {
        let x = one(t, "Wire");
        assert_eq!(x.chain.to_string(), want);
        assert!(x.chain.hops().last().unwrap().anonymous);
    }
}

#[test]
fn role_noun_resolves_to_last_speaker() {
    let t = "Minister Karl Ode said taxes would rise. The minister added that schools would get more money.";
    let v = chains(t, "Wire");
    assert_eq!(v, vec!["Wire via Karl Ode", "Wire via Karl Ode"]);
}

#[test]
fn not_a_report() {
    for t in [
        "The reported attack took place at night.",
        "Three people were reported dead after the flood.",
        "He refused to say anything.",
        "The claims were dismissed by the court.",
    ] {
        assert!(
            chains(t, "Wire").is_empty(),
            "{t:?} gave {:?}",
            chains(t, "Wire")
        );
    }
}

#[test]
fn record_has_only_known_fields() {
    let x = one("Coach Ben Ito said the team was ready.", "Wire");
    let m = ArticleMeta {
        publisher: "Wire".into(),
        url: Some("https://wire.example/a".into()),
        published: Some("2017-02-03".into()),
    };
    let r = x.to_record(&m);
    let o = r.as_object().unwrap();
    let mut keys: Vec<&str> = o.keys().map(|k| k.as_str()).collect();
    keys.sort();
    assert_eq!(keys, vec!["chain", "claim", "published", "type", "url"]);
    assert_eq!(o["chain"], serde_json::json!(["Wire", "Ben Ito"]));
    let r = x.to_record(&meta("Wire"));
    assert_eq!(r.as_object().unwrap().len(), 3);
}

#[test]
fn names_compare_with_aliases() {
    assert!(same_name("the Associated Press", "AP"));
    assert!(same_name("Varga", "Lena Varga"));
    assert!(same_name(
        "Britain-based Syrian Observatory for Human Rights",
        "Syrian Observatory for Human Rights"
    ));
    assert!(!same_name("Varga", "Lena Vargas"));
    assert!(same_hop(
        &HopSpec::anonymous("officials"),
        &HopSpec::anonymous("a source")
    ));
    assert!(!same_hop(
        &HopSpec::anonymous("officials"),
        &HopSpec::named("officials")
    ));
}

#[test]
fn oversized_and_empty_inputs() {
    assert!(extract("", &meta("Wire")).is_empty());
    assert!(extract("He said.", &meta("")).is_empty());
    let big = "a".repeat(MAX_ARTICLE_BYTES + 1);
    assert!(extract(&big, &meta("Wire")).is_empty());
}

#[test]
fn inverted_said_name() {
    let x = one(
        "The ferry will sail again on Friday, said Ines Koh, head of the harbour board.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ines Koh");
    assert_eq!(x.claim, "The ferry will sail again on Friday");
}

#[test]
fn second_clause_with_its_own_speaker() {
    let v = chains(
        "Mayor Lena Varga said the bridge was safe, while engineer Tomas Brandt said it needed repairs.",
        "Wire",
    );
    assert_eq!(v, vec!["Wire via Lena Varga", "Wire via Tomas Brandt"]);
}

#[test]
fn participle_carries_the_statement() {
    let x = one(
        "The Harbour Watch network issued a warning on Monday, saying that the water level was rising.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Harbour Watch network");
    assert_eq!(x.claim, "the water level was rising");
}

#[test]
fn apposition_next_to_the_cue() {
    for t in [
        "Ana Ruiz, a spokeswoman for the port authority, told Reuters that the cranes were idle.",
        "The cranes were idle, Ana Ruiz, a spokeswoman for the port authority, told Reuters.",
    ] {
        let x = one(t, "Wire");
        assert_eq!(x.chain.to_string(), "Wire via Reuters via Ana Ruiz", "{t}");
    }
    let x = one(
        "The Harbour Board, a Lisbon-based shipping body, said that fees would rise.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Harbour Board");
}

#[test]
fn lower_case_institution_head_stays_in_the_name() {
    let x = one(
        "The Chilean foreign ministry said the envoy would return.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Chilean foreign ministry");
}

#[test]
fn partial_quotation_closing_reported_speech() {
    let x = one(
        "The pilots had tried to land twice but \"the wind was simply too strong,\" the airline said.",
        "Wire",
    );
    // An unresolved "the airline" is an unnamed description.
    assert_eq!(x.chain.to_string(), "Wire via ~the airline");
    assert!(x.claim.starts_with("The pilots had tried"));
}

#[test]
fn relay_is_never_carried_to_another_sentence() {
    // Rulebook R2 (it replaced the old convention that carried a relay to the same
    // speaker's statements within three sentences).
    let t = "Farmer Ines Koh said the wells were dry. \"We wait for rain,\" she said. \
        The harvest failed, Koh said, speaking to AFP by phone. Prices rose. Bread ran out. \
        Shops closed. Schools shut. In 2015 Koh said the wells had been full.";
    let v = chains(t, "Wire");
    assert_eq!(
        v,
        [
            "Wire via Ines Koh",
            "Wire via Ines Koh",
            "Wire via AFP via Ines Koh",
            "Wire via Ines Koh"
        ]
    );
}

#[test]
fn mangled_scraped_quotes() {
    // Closing quotes scraped as `"?` and apostrophes as `"` between letters.
    let x = one(
        "\"We couldn\"t stop it,\"?Captain Ana Ruiz told the AFP news agency.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via AFP via Ana Ruiz");
    assert_eq!(x.kind, ExtractKind::DirectQuote);
}

#[test]
fn citing_a_topic_is_not_a_source() {
    let x = one(
        "Lawyer Ben Ito said the law was unfair, citing the cost of the appeals.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ben Ito");
    let x = one(
        "Lawyer Ben Ito said the law was unfair, citing court sources.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ben Ito via ~court sources");
}

#[test]
fn outlet_named_like_a_document() {
    let x = one("The Post later reported the mayor had resigned.", "Wire");
    assert_eq!(x.chain.to_string(), "Wire via Post");
}

#[test]
fn reported_on_a_day_citing_a_source() {
    let x = one(
        "The harbour is ready to reopen, the SANA news agency reported on Monday citing an official source.",
        "TASS",
    );
    assert_eq!(x.chain.to_string(), "TASS via SANA via ~an official source");
    assert!(chains("The agency reported on the attack in detail.", "TASS").is_empty());
}

#[test]
fn told_an_audience_then_a_colon() {
    let t = "Envoy Lena Varga met the council. Late in May Varga told a session of the council: \"The harbour is ready.\"";
    let v = chains(t, "Wire");
    assert_eq!(v, vec!["Wire via Lena Varga"]);
}

#[test]
fn time_and_place_after_the_speaker() {
    let x = one(
        "Port spokesman Adam Ode on Friday denied that any ship had sunk.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Adam Ode");
    let t = "Admiral Rosa Lind took command in March. The top navy commander in Chile said the fleet was ready.";
    assert_eq!(chains(t, "Wire"), vec!["Wire via Rosa Lind"]);
}

#[test]
fn trailing_adverbial_after_a_content_first_cue() {
    let x = one(
        "Rebels took the airport, state television said, in a blow to the garrison.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via state television");
    assert_eq!(x.claim, "Rebels took the airport");
}

#[test]
fn quoted_as_saying_after_an_outlet_and_possessive_names() {
    let t = "Chile's Foreign Minister Ana Ruiz's visit began on Monday, the Ostwind news agency reported. \
        \"The talks went well,\" Ruiz was quoted as saying.";
    let v = chains(t, "TASS");
    assert_eq!(v.last().unwrap(), "TASS via Ostwind via Ana Ruiz", "{v:?}");
}

#[test]
fn acronym_titles_need_capitals() {
    let t = "Leader Kim Jong Un inspected the port. \"It is ready,\" the leader said.";
    assert_eq!(chains(t, "Wire"), vec!["Wire via Kim Jong Un"]);
}

#[test]
fn coordinated_sources_give_one_statement_each() {
    let v = chains(
        "Activists and residents said the market had been shelled twice.",
        "Wire",
    );
    assert_eq!(v, ["Wire via ~Activists", "Wire via ~residents"]);
    // One body whose name contains "and" stays one source.
    let x = one(
        "The Ministry of Trade and Industry said exports rose by a tenth.",
        "Wire",
    );
    assert_eq!(
        x.chain.to_string(),
        "Wire via Ministry of Trade and Industry"
    );
}

#[test]
fn adding_that_gives_a_second_statement() {
    let v = chains(
        "Mayor Tomas Quill said the flood barrier held overnight, adding that two pumping stations had failed.",
        "Wire",
    );
    assert_eq!(v, ["Wire via Tomas Quill", "Wire via Tomas Quill"]);
}

#[test]
fn evaluative_acts_and_fact_objects_are_statements() {
    let x = one(
        "The dock workers' union accused Greyfield Mining of hiding two accidents.",
        "Wire",
    );
    assert!(
        x.claim.starts_with("Greyfield Mining of hiding"),
        "{}",
        x.claim
    );
    let x = one("Greyfield Mining denied any role in the collapse.", "Wire");
    assert_eq!(x.chain.to_string(), "Wire via Greyfield Mining");
    // A directive and a topic are not.
    assert!(chains("The water board urged residents to boil water.", "Wire").is_empty());
    assert!(chains("The mayor called for an inquiry into the floods.", "Wire").is_empty());
}

#[test]
fn base_forms_and_progressives_are_cues_only_in_their_frames() {
    let x = one(
        "Local traders are saying the catch has halved since spring.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via ~Local traders");
    let x = one(
        "Shipping officials say the port reopened on Monday.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via ~Shipping officials");
    // An infinitive and a noun are not cues.
    assert!(chains("The port wants to say the season was good.", "Wire").is_empty());
    assert!(chains(
        "The report was published on Monday by the harbour office.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn unnamed_relays_are_anonymous_middle_hops_and_interviews_name_any_relay() {
    let x = one(
        "Two port officials told local media that the cranes had been sabotaged.",
        "Wire",
    );
    assert_eq!(
        x.chain.to_string(),
        "Wire via ~local media via ~Two port officials"
    );
    let x = one(
        "In an interview with the Valley Review, Piet Varnum said the mine would stay open.",
        "Wire",
    );
    assert_eq!(
        x.chain.to_string(),
        "Wire via Valley Review via Piet Varnum"
    );
    // A social platform is no relay.
    let x = one(
        "Piet Varnum wrote on Twitter that the mine would stay open.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Piet Varnum");
}

#[test]
fn definite_descriptions_resolve_to_an_organisation_named_earlier() {
    let v = chains(
        "A report carried by the Valmont Press Agency said the dam held. The agency said repairs would take a week.",
        "Wire",
    );
    assert_eq!(
        v,
        [
            "Wire via Valmont Press Agency",
            "Wire via Valmont Press Agency"
        ]
    );
}

#[test]
fn an_unresolved_generic_body_is_an_anonymous_hop() {
    // No organisation before it: "company" would be one source for every article.
    one_each(&[
        (
            "The company said the plant would close in March.",
            "Wire via ~The company",
            "the plant would close in March",
        ),
        (
            "The agency said the figures were provisional.",
            "Wire via ~The agency",
            "the figures were provisional",
        ),
    ]);
    // An organisation that spoke before is the one meant.
    assert_eq!(
        chains(
            "Brindle Corp said on Monday that output rose by 4 percent. The company said the plant would close.",
            "Wire"
        ),
        [
            "Wire via Brindle Corp",
            "Wire via Brindle Corp"
        ]
    );
    // The article's own police stay named.
    assert_eq!(
        chains("The road was closed, police said.", "Wire"),
        ["Wire via police"]
    );
}

#[test]
fn a_short_outlet_or_body_name_is_the_one_named_in_full_before() {
    assert_eq!(
        chains(
            "The Valmont Post reported on Monday that the mayor had resigned. \
             Officials said the mayor left office in March, according to the Post.",
            "Wire"
        ),
        [
            "Wire via Valmont Post",
            "Wire via Valmont Post via ~Officials"
        ]
    );
    // The head before "of …" counts too.
    assert_eq!(
        chains(
            "The Valmont Observatory for Human Rights said 12 people died. \
             The toll would rise, the Observatory said.",
            "Wire"
        ),
        [
            "Wire via Valmont Observatory for Human Rights",
            "Wire via Valmont Observatory for Human Rights"
        ]
    );
    // No earlier full name: the word stays as written.
    assert_eq!(
        chains("The toll would rise, the Post reported.", "Wire"),
        ["Wire via Post"]
    );
}

#[test]
fn a_cue_in_a_relative_clause_speaks_for_the_antecedent() {
    let x = one(
        "The governor met Mayor Elke Saarin, who said two tugs were missing.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Elke Saarin");
}

#[test]
fn an_unresolved_description_is_an_anonymous_hop() {
    let x = one(
        "\"Keeping it closed is unfair to the people of the town,\" a shopkeeper said.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via ~a shopkeeper");
    let x = one(
        "Prices will rise by a tenth next year, some estimates say.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via ~some estimates");
    let x = one(
        "A rebel spokesman claimed responsibility for both attacks.",
        "Wire",
    );
    assert!(x.claim.starts_with("responsibility for"), "{}", x.claim);
    // "claimed" with any other object is not a statement.
    assert!(chains("The rebels claimed the town after a week.", "Wire").is_empty());
}

#[test]
fn a_document_speaks_for_its_author_and_the_report_resolves_to_it() {
    let t = "The Harbour Board said the quay would reopen. A report on the storm carried \
             by the Ostwind News Agency said two tugs sank. The report said the harbour \
             master had resigned.";
    assert_eq!(
        chains(t, "Herald"),
        vec![
            "Herald via Harbour Board",
            "Herald via Ostwind News Agency",
            "Herald via Ostwind News Agency",
        ]
    );
}

#[test]
fn a_bracketed_gloss_after_an_apposition_is_not_the_speaker() {
    let x = one(
        "Dravel will bid for the Games, Ilse Marrow, the president of the Ruritanian \
         Olympic Committee (ROC), said on Tuesday.",
        "Herald",
    );
    assert_eq!(x.chain.to_string(), "Herald via Ilse Marrow");
    // Without an apposition the gloss names the same body and is kept.
    let x = one(
        "The Ruritanian Olympic Committee (ROC) said the bid was ready.",
        "Herald",
    );
    assert!(
        x.chain.to_string().starts_with("Herald via R"),
        "{}",
        x.chain
    );
}

#[test]
fn a_place_or_body_before_a_role_after_the_cue_modifies_the_person() {
    let x = one(
        "\"We shall defend the coast,\" tweeted Ruritania army spokesman Tom Ade.",
        "Herald",
    );
    assert_eq!(x.chain.to_string(), "Herald via Tom Ade");
    let x = one(
        "\"The quay flooded twice,\" said Dravel resident Piet Varnum.",
        "Herald",
    );
    assert_eq!(x.chain.to_string(), "Herald via Piet Varnum");
}

#[test]
fn a_body_named_with_and_after_an_organisation_word_is_one_source() {
    let t = "According to one document posted online by Ruritanian Customs and Border \
             Protection Friday night, the fence should be nine metres high. However, it \
             says designs over six metres high could be acceptable.";
    assert_eq!(
        chains(t, "Herald"),
        vec![
            "Herald via Ruritanian Customs and Border Protection",
            "Herald via Ruritanian Customs and Border Protection",
        ]
    );
    // Two bodies, each with its own determiner, stay two sources (R4).
    assert_eq!(
        chains(
            "The Kessing Relief Network and the Velmoran Red Shield said the camps were full.",
            "Herald"
        ),
        vec![
            "Herald via Kessing Relief Network",
            "Herald via Velmoran Red Shield"
        ]
    );
}

#[test]
fn a_possessive_before_a_body_named_with_of_is_no_person() {
    let x = one(
        "Ruritania's Joint Chiefs of Staff said the missile was fired from the coast.",
        "Herald",
    );
    assert_eq!(
        x.chain.to_string(),
        "Herald via Ruritania's Joint Chiefs of Staff"
    );
    assert!(!x.chain.to_string().contains('~'));
    // A titled person before "of" is still the person.
    let x = one(
        "Prime Minister Jane Roe of the Ruritanian Labour Party said the vote would be held in May.",
        "Herald",
    );
    assert_eq!(x.chain.to_string(), "Herald via Jane Roe");
}

#[test]
fn teasers_for_other_stories_are_not_read() {
    // Rulebook R1: a teaser is page furniture. Its headline is neither a statement
    // ("Mayor says ...") nor part of the next sentence's subject.
    let text = "The port was shut on Monday, the ministry said. READ MORE: Mayor says the \
                bridge will reopen The union said talks with the port authority had failed.";
    assert_eq!(
        chains(text, "Wire"),
        ["Wire via ~the ministry", "Wire via ~The union"],
        "{:#?}",
        extract(text, &meta("Wire"))
    );
    // A headline ending in a country name runs straight into the speaker's name.
    let x = one(
        "READ MORE: Floods return to the north of Portugal Tomas Quill said the river rose \
         two metres overnight.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Tomas Quill");
    assert_eq!(x.claim, "the river rose two metres overnight");
    // "Read more from <name>" (a columnist's page) and a question as the headline.
    for text in [
        "Read more from Laura By then Anna Berg said the vote was lost.",
        "WATCH: Is the dam safe? Anna Berg said the vote was lost.",
    ] {
        assert_eq!(
            one(text, "Wire").chain.to_string(),
            "Wire via Anna Berg",
            "{text}"
        );
    }
}

#[test]
fn they_is_never_one_person() {
    // Number agreement: "they" after one named speaker is somebody the rules did not
    // register (the city's lawyers), so the statement has no speaker rather than hers.
    let t = "Mayor Anna Berg said the vote was lost. Lawyers for the city filed an appeal. \
             They said the ruling was flawed.";
    assert_eq!(chains(t, "Wire"), ["Wire via Anna Berg"]);
    // After a body or unnamed sources, "they" is that speaker.
    let t = "The Ministry of Ports said the harbour would reopen. They added that two \
             ferries had been damaged.";
    assert_eq!(
        chains(t, "Wire"),
        ["Wire via Ministry of Ports", "Wire via Ministry of Ports"]
    );
    let t = "Residents said the water rose overnight. They said the pumps had failed.";
    assert_eq!(
        chains(t, "Wire"),
        ["Wire via ~Residents", "Wire via ~Residents"]
    );
}

#[test]
fn a_definite_description_finds_the_name_an_apposition_described() {
    // Rulebook R3: "the artist" is the person introduced as "an artist", even when
    // the name came without a title.
    let t = "Maria Lopez, an artist from Lima, opened a show on Friday. \"I slowly came \
             round to the idea,\" the artist said.";
    assert_eq!(chains(t, "Wire"), ["Wire via Maria Lopez"]);
    // The description may come first.
    let t = "A mining company, Ostberg Minerals, bought the site. The company said it \
             would hire 300 people.";
    assert_eq!(chains(t, "Wire"), ["Wire via Ostberg Minerals"]);
    // The head must be the description's own head: "the farmers" is not "the leader of
    // the farmers".
    let t = "Tomas Brandt, the leader of the farmers, opened the meeting. The farmers said \
             the price was too low.";
    assert_eq!(chains(t, "Wire"), ["Wire via ~The farmers"]);
    // A place before a comma is never described ("in the North Sea, the company …").
    let t = "The rig stands in the North Sea, the company's oldest field. The company said \
             output had fallen.";
    assert!(
        !chains(t, "Wire").iter().any(|c| c.contains("North Sea")),
        "{:?}",
        chains(t, "Wire")
    );
}

#[test]
fn a_described_name_yields_once_someone_else_has_spoken() {
    // "the congressman" of an article about one congressman stays his after a
    // colleague was introduced as "a congressman from …" and then he spoke again.
    let t = "Rep. Dana Holt said the inquiry would be fair. Rep. Lee Marsh, a congressman \
             from a nearby district, said Holt was diligent. Holt said the hearings would \
             be public. The congressman said he had done nothing improper.";
    let c = chains(t, "Wire");
    assert_eq!(
        c.last().map(String::as_str),
        Some("Wire via Dana Holt"),
        "{c:?}"
    );
}

#[test]
fn an_unresolved_definite_body_or_role_is_an_unnamed_source() {
    // A body named earlier with the description's head word.
    let t = "The Tennessee Bureau of Investigation issued an alert. The suspect is armed, \
             the state investigative bureau said.";
    assert_eq!(
        chains(t, "Wire"),
        ["Wire via Tennessee Bureau of Investigation"]
    );
    // None named: an unnamed body, written with "~".
    let t = "The school said the trip had been cancelled.";
    assert_eq!(chains(t, "Wire"), ["Wire via ~The school"]);
    // A group of people in the plural is an unnamed source; things are not.
    let t = "The separatists said the town was calm. The attacks showed that the border \
             was open.";
    assert_eq!(chains(t, "Wire"), ["Wire via ~The separatists"]);
    // A singular role with no antecedent is an unnamed person (rulebook R3; issue 12:
    // "an unresolved description is an anonymous hop"), no longer nothing.
    let t = "The campaigner said the law was unjust.";
    assert_eq!(chains(t, "Wire"), ["Wire via ~The campaigner"]);
    // An unresolved medium is an outlet the rules missed, not an unnamed source.
    let t = "The newspaper said the minister had resigned.";
    assert!(chains(t, "Wire").is_empty(), "{:?}", chains(t, "Wire"));
}

#[test]
fn a_definite_description_in_apposition_defers_to_the_name() {
    let t = "The Ostland National Bank, the central bank, said reserves rose by 3 percent.";
    assert_eq!(chains(t, "Wire"), ["Wire via Ostland National Bank"]);
    // A lone capitalised adverb is no name to defer to.
    let t = "Instead, the panel said, the funds would be returned.";
    assert!(
        !chains(t, "Wire").iter().any(|c| c.contains("Instead")),
        "{:?}",
        chains(t, "Wire")
    );
}

#[test]
fn an_existential_there_opens_the_content() {
    // "there" after a cue is a place adverbial only when no verb follows it.
    let x = one(
        "Ana Ruiz said there had been no warning before the flood.",
        "Wire",
    );
    assert_eq!(x.claim, "there had been no warning before the flood");
    assert_eq!(x.chain.to_string(), "Wire via Ana Ruiz");
}

#[test]
fn a_hyphen_glued_to_a_reporting_verb_is_a_space() {
    // The scraped corpus sometimes has "said-the" for "said the".
    let x = one(
        "Mayor Anna Berg said-the bridge would reopen in May.",
        "Wire",
    );
    assert_eq!(x.claim, "the bridge would reopen in May");
    assert_eq!(x.chain.to_string(), "Wire via Anna Berg");
    // A compound stays whole; "according to-Name" is repaired too.
    let n = crate::extract::text::normalise("a so-called deal, a well-said line, up-to-date");
    assert_eq!(n, "a so-called deal, a well-said line, up-to-date");
    let n = crate::extract::text::normalise("according to-Kirpichenko");
    assert_eq!(n, "according to Kirpichenko");
}

#[test]
fn another_or_one_person_is_an_unnamed_source_but_not_another_thing() {
    assert_eq!(
        chains(
            "Another former inmate said the guards had taken parcels from the post room.",
            "Wire"
        ),
        ["Wire via ~Another former inmate"]
    );
    assert_eq!(
        chains("One study said the river had risen by a metre.", "Wire"),
        ["Wire via ~One study"]
    );
    assert!(chains(
        "Another scenario said the rebels would enter the town.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn possessive_appositions_and_unnamed_media_speak() {
    assert_eq!(
        chains(
            "Ivo Brandt, Ruritania's chief trade negotiator, said the two sides had agreed on tariffs.",
            "Wire"
        ),
        ["Wire via Ivo Brandt"]
    );
    assert_eq!(
        chains("Local media said the ferry had run aground twice.", "Wire"),
        ["Wire via ~Local media"]
    );
    // "media reports that" is a noun phrase, not a report.
    assert!(chains(
        "The palace continues to dispute media reports that the king had left.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn adverbials_do_not_swallow_the_claim() {
    for (t, claim) in [
        (
            "Harbour officials said at least 30 boats had sunk in the storm.",
            "at least 30 boats had sunk in the storm",
        ),
        (
            "Harbour officials told reporters at least 30 boats had sunk.",
            "at least 30 boats had sunk",
        ),
        (
            "Harbour officials said on Monday 30 boats had sunk in the storm.",
            "30 boats had sunk in the storm",
        ),
        (
            "Harbour officials said Monday night the pier would close.",
            "the pier would close",
        ),
        (
            "Harbour officials said on the night of the storm that the pier would close.",
            "the pier would close",
        ),
        (
            "Mayor Ines Koh said this harbour is safer than in past years.",
            "this harbour is safer than in past years",
        ),
    ] {
        assert_eq!(one(t, "Wire").claim, claim, "{t}");
    }
    // A day that modifies a noun is no time phrase.
    let x = one(
        "Greyfield said in a Wednesday filing with regulators that the recall will cost $9 million.",
        "Wire",
    );
    assert_eq!(x.claim, "the recall will cost $9 million");
}

#[test]
fn coordinated_predicates_and_people_and_inverted_unnamed_sources() {
    // "X did Y and said Z": the subject ends at the first verb.
    assert_eq!(
        chains(
            "Rating agencies did not expect a default and said the bank was sound.",
            "Wire"
        ),
        ["Wire via ~Rating agencies"]
    );
    // Rulebook R4: two named people, one statement each, speaker first or inverted.
    for t in [
        "Ana Ruiz and Tom Ade said the pier will close.",
        "The pier will close, say Ana Ruiz and Tom Ade.",
        "\"The pier will close,\" said Ana Ruiz and Tom Ade.",
    ] {
        assert_eq!(
            chains(t, "Wire"),
            ["Wire via Ana Ruiz", "Wire via Tom Ade"],
            "{t}"
        );
    }
    // One person with two titles stays one.
    assert_eq!(
        chains(
            "The pier was closed overnight, said Port Director and Harbour Officer Dr. Ana Ruiz.",
            "Wire"
        ),
        ["Wire via Ana Ruiz"]
    );
    for t in [
        "The pier will close, said harbour officials.",
        "The pier will close, say harbour officials.",
    ] {
        assert_eq!(chains(t, "Wire"), ["Wire via ~harbour officials"], "{t}");
    }
}

#[test]
fn according_to_in_the_middle_and_before_a_cue() {
    let x = one(
        "The ferry, according to two crew members, had left an hour early.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via ~two crew members");
    assert!(x.claim.contains("The ferry") && x.claim.contains("had left an hour early"));
    // The "according to" statement and the relative clause's statement are two.
    assert_eq!(
        chains(
            "The ferry left early, according to two crew members, who said at least nine cars were aboard.",
            "Wire"
        ),
        ["Wire via ~two crew members", "Wire via ~two crew members"]
    );
    // A trailing apposition is not part of the claim.
    let x = one(
        "Dockers are angry about the closure, according to Ivo Brandt, a lawyer who advises the union.",
        "Wire",
    );
    assert_eq!(x.claim, "Dockers are angry about the closure");
    // An abbreviated title stays inside the speaker's phrase.
    let x = one(
        "The jersey was stolen, according to a statement from Lt. Gov. Dan Ostrow.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Dan Ostrow");
    // Every abbreviated title the tokenizer keeps with its period is a title, not
    // part of the name (found as "Adm. Robert Harward" beside "Robert Harward").
    for title in ["Adm.", "Cmdr.", "Insp.", "Rev."] {
        let x = one(
            &format!("{title} Ivo Brandt said the port was closed."),
            "Wire",
        );
        assert_eq!(x.chain.to_string(), "Wire via Ivo Brandt", "{title}");
    }
}

#[test]
fn telling_gives_a_statement_after_its_listener() {
    let x = one(
        "Mayor Ines Koh left the meeting early, telling reporters that the budget was a fiction.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ines Koh");
    assert_eq!(x.claim, "the budget was a fiction");
    assert!(chains("Mayor Ines Koh waved, telling them to go home.", "Wire").is_empty());
}

#[test]
fn clauses_about_the_telling_are_not_its_content() {
    // A subordinate clause after the cue: the claim came first.
    let x = one(
        "The fund will invest in shipyards, Trade Minister Ivo Brandt said Thursday as he left for Delhi.",
        "Wire",
    );
    assert_eq!(x.claim, "The fund will invest in shipyards");
    // The listener's apposition is skipped up to its "that".
    let x = one(
        "Ivo Brandt told Sen. Ana Ruiz, a member of the trade panel, that the fund was empty.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ivo Brandt");
    assert_eq!(x.claim, "the fund was empty");
    // A fronted place phrase is no claim.
    assert!(chains(
        "In the assembly hall, Ruiz promised to represent every district in the talks to come.",
        "Wire"
    )
    .is_empty());
    // "Industry and Trade Minister Ivo Brandt" is one person.
    assert_eq!(
        chains(
            "Ruritania's Industry and Trade Minister Ivo Brandt said the fund was empty.",
            "Wire"
        ),
        ["Wire via Ivo Brandt"]
    );
}

#[test]
fn a_name_glued_to_its_cue_and_an_intelligence_service_speak() {
    let x = one(
        "\"The harbour fees are far too high,\" Ana Ruiz-said.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ana Ruiz");
    let x = one(
        "According to Ruritanian intelligence, nine men have left the country.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ruritanian intelligence");
}

#[test]
fn relative_clauses_with_adverbials_earlier_and_accusing() {
    assert_eq!(
        chains(
            "The pier stayed open, unlike the ferry, said Ana Ruiz, who on Thursday said the ferry would stop.",
            "Wire"
        )
        .last()
        .map(String::as_str),
        Some("Wire via Ana Ruiz")
    );
    let x = one(
        "Port Commissioner Ivo Brandt earlier said that the pier should close.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ivo Brandt");
    // "earlier reports/claims" stay nouns.
    assert!(chains(
        "The mayor rejected earlier claims that the pier would close.",
        "Wire"
    )
    .is_empty());
    let x = one(
        "Ruritania has blamed the blast on Ostland, accusing its navy of laying mines.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ruritania");
    // Two people joined by "to" are not one name.
    assert!(chains(
        "A letter from Ana Ruiz to Ivo Brandt two days earlier, which expressed regret, was read out.",
        "Wire"
    )
    .iter()
    .all(|c| !c.contains("Ruiz to")));
}

#[test]
fn remembered_name_folds_equal_fresh_ones_past_the_memo_limit() {
    // More distinct names than the memo holds, each asked twice, interleaved with a
    // name that changes under the alias table and the possessive rule.
    for i in 0..5_000 {
        let name = format!("The Agency Number {i}'s");
        assert_eq!(normalise_name(&name), fold_name(&name));
        assert_eq!(normalise_name(&name), fold_name(&name));
        assert_eq!(normalise_name("the AP"), fold_name("the AP"));
    }
    assert_eq!(normalise_name("The Agency Number 7's"), "agency number 7");
}

#[test]
fn a_portfolio_after_a_title_ends_with_the_name() {
    for (text, chain) in [
        (
            "Ruritania's Ambassador to Chile Ivo Brandt said the talks went well.",
            "Wire via Ivo Brandt",
        ),
        (
            "Ambassador to the Republic of Chile Ivo Brandt said the talks went well.",
            "Wire via Ivo Brandt",
        ),
        (
            "Minister for Health Ana Ruiz said the wards were full.",
            "Wire via Ana Ruiz",
        ),
        (
            "Minister for Ports and Harbours Ana Ruiz said the wards were full.",
            "Wire via Ana Ruiz",
        ),
        (
            "Chief of Staff Tomas de Brandt said the plan was ready.",
            "Wire via Tomas de Brandt",
        ),
    ] {
        assert_eq!(one(text, "Wire").chain.to_string(), chain, "{text}");
    }
    // A body's name is no title with a portfolio.
    let x = one(
        "Exports rose, according to figures from the Ministry of Ports and Harbour Works.",
        "Wire",
    );
    assert_eq!(
        x.chain.to_string(),
        "Wire via Ministry of Ports and Harbour Works"
    );
    // A portfolio with no name after it names nobody.
    for text in [
        "The Minister for Foreign Affairs said the border was open.",
        "Minister for Foreign Affairs said the border was open.",
    ] {
        assert!(
            !chains(text, "Wire")
                .iter()
                .any(|c| c.ends_with("via Foreign Affairs")),
            "{text}"
        );
    }
}

#[test]
fn phrasal_reporting_verbs_are_cues() {
    for (text, claim) in [
        (
            "Ana Ruiz pointed out that the wards were full.",
            "the wards were full",
        ),
        (
            "The wards were full, Ana Ruiz pointed out.",
            "The wards were full",
        ),
        (
            "Ana Ruiz made it clear that the wards were full.",
            "the wards were full",
        ),
        (
            "Ana Ruiz made clear she would not resign.",
            "she would not resign",
        ),
        (
            "Ana Ruiz went on to say the wards were full.",
            "the wards were full",
        ),
    ] {
        let x = one(text, "Wire");
        assert_eq!(x.chain.to_string(), "Wire via Ana Ruiz", "{text}");
        assert_eq!(x.claim, claim, "{text}");
    }
    // A second statement after a phrasal participle.
    let x = one(
        "Ana Ruiz rejected the plan, pointing out that it had no funding.",
        "Wire",
    );
    assert_eq!(
        (x.chain.to_string().as_str(), x.claim.as_str()),
        ("Wire via Ana Ruiz", "it had no funding")
    );
    // Without a clause the verb is no cue, and the particle must follow at once.
    for text in [
        "Ana Ruiz pointed out the window.",
        "Ana Ruiz pointed at the window and out came the wards.",
    ] {
        assert!(chains(text, "Wire").is_empty(), "{text}");
    }
}

#[test]
fn a_sentence_subject_is_an_antecedent_of_he_and_she() {
    let text = "Ivo Brandt said the wards were full. Ana Ruiz ran the clinic for a decade. \
                \"We had no beds,\" she says.";
    assert_eq!(
        chains(text, "Wire"),
        ["Wire via Ivo Brandt", "Wire via Ana Ruiz"]
    );
    // A surname after an honorific, and a subject inside its own sentence.
    let text = "Ivo Brandt said the wards were full. Ana Ruiz said the roads were cut. \
                Mr Brandt left early. \"There was no help,\" he said. \
                Ana Ruiz stayed behind, she added.";
    assert_eq!(
        chains(text, "Wire"),
        [
            "Wire via Ivo Brandt",
            "Wire via Ana Ruiz",
            "Wire via Ivo Brandt",
            "Wire via Ana Ruiz"
        ]
    );
    // A place, a body or a question is no person.
    for middle in [
        "North Korea fired a missile.",
        "Ostberg Mining Company closed the mine.",
        "Does Ana Ruiz know?",
    ] {
        let text =
            format!("Ivo Brandt said the wards were full. {middle} \"It was a test,\" he said.");
        assert_eq!(
            chains(&text, "Wire"),
            ["Wire via Ivo Brandt", "Wire via Ivo Brandt"],
            "{text}"
        );
    }
}

#[test]
fn an_aside_between_dashes_does_not_part_subject_and_cue() {
    for text in [
        "Ana Ruiz - who runs the clinic - said the wards were full.",
        "Ana Ruiz \u{2014} a nurse at the clinic \u{2014} said the wards were full.",
        "Another critic - Ana Ruiz, of the Ostberg Academy - says the wards were full.",
    ] {
        let x = one(text, "Wire");
        assert_eq!(x.chain.to_string(), "Wire via Ana Ruiz", "{text}");
        assert_eq!(x.claim, "the wards were full", "{text}");
    }
    // A list inside the dashes is no apposition of the subject.
    let x = one(
        "Ana Ruiz, for the nurses - Ivo Brandt, Tom Ade and Lea Kos - told the court the wards were full.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via Ana Ruiz");
}

#[test]
fn an_indefinite_medium_described_by_a_demonym_is_unnamed() {
    for (text, chain) in [
        (
            "A Ruritanian newspaper reported that the minister had resigned.",
            "Wire via ~A Ruritanian newspaper",
        ),
        (
            "One Ruritanian broadcaster reported that the minister had resigned.",
            "Wire via ~One Ruritanian broadcaster",
        ),
    ] {
        assert_eq!(one(text, "Wire").chain.to_string(), chain, "{text}");
    }
}

#[test]
fn a_title_modifier_alone_makes_no_name_and_a_story_is_no_listener() {
    for text in [
        "Former Ostberg star Ana Ruiz said the game was great.",
        "Former Ostberg and Valmont star Ana Ruiz said the game was great.",
    ] {
        assert_eq!(chains(text, "Wire"), ["Wire via Ana Ruiz"], "{text}");
    }
    assert!(chains(
        "Ana Ruiz told the story of the cops who found the body.",
        "Wire"
    )
    .is_empty());
    assert!(chains("Ana Ruiz told her story to the court.", "Wire").is_empty());
}

#[test]
fn a_ruling_is_a_finding_and_an_indefinite_court_is_unnamed() {
    let x = one("Judge Ana Ruiz ruled that the search was illegal.", "Wire");
    assert_eq!(
        (x.chain.to_string().as_str(), x.claim.as_str()),
        ("Wire via Ana Ruiz", "the search was illegal")
    );
    assert_eq!(
        chains(
            "A regional court ruled that the search was illegal.",
            "Wire"
        ),
        ["Wire via ~A regional court"]
    );
    for text in [
        "Under the rules, the search was illegal, Ana Ruiz said.",
        "Ostberg is ruled by a council that meets twice a year.",
        "Ana Ruiz ruled out a second vote.",
    ] {
        assert!(
            chains(text, "Wire")
                .iter()
                .all(|c| c == "Wire via Ana Ruiz"),
            "{text}"
        );
    }
}

#[test]
fn a_subordinate_clause_has_its_own_subject_and_ends_at_its_comma() {
    one_each(&[
        (
            "The drought also hurts farmers in Ostberg, where the government recently \
             said half of its provinces faced a national disaster.",
            "Wire via government",
            "half of its provinces faced a national disaster",
        ),
        (
            "Although Ruritania officially denies the camps exist, satellite images show \
             new fences.",
            "Wire via Ruritania",
            "the camps exist",
        ),
        (
            "Ana Ruiz was fired after an outside firm found the clinic had lost files.",
            "Wire via ~an outside firm",
            "the clinic had lost files",
        ),
    ]);
    // A pronoun after the subordinator still means the main clause's subject, and
    // "as" is also a preposition ("works as a consultant").
    assert_eq!(
        chains(
            "Senator Ivo Brandt drew jeers when he said the debate was about nothing.",
            "Wire"
        ),
        ["Wire via Ivo Brandt"]
    );
    assert_eq!(
        chains(
            "A former police chief who now works as a security consultant said he was \
             detained for hours.",
            "Wire"
        ),
        ["Wire via ~A former police chief"]
    );
}

#[test]
fn relations_occupations_relative_tails_and_responding() {
    one_each(&[
        // A relation of a named person is that relation, unnamed.
        (
            "The mother of harbour attacker Ivo Brandt has said she is shocked by his acts.",
            "Wire via ~The mother of harbour attacker Ivo Brandt",
            "she is shocked by his acts",
        ),
        // An occupation before a full name is no part of it.
        (
            "Biologist Ana Ruiz said the beavers were healthy.",
            "Wire via Ana Ruiz",
            "the beavers were healthy",
        ),
        // A relative clause after a parenthetical cue is no claim.
        (
            "Recent defaults have shown the lack of risk controls, analysts say, which may \
             speed up reforms.",
            "Wire via ~analysts",
            "Recent defaults have shown the lack of risk controls",
        ),
        // "responded to a call" is no speech, so the later cue is read.
        (
            "On Monday, police responded to a call of shots fired at a bar in Ostberg, \
             said Ostberg Police Chief Ivo Brandt.",
            "Wire via Ivo Brandt",
            "On Monday, police responded to a call of shots fired at a bar in Ostberg",
        ),
    ]);
    // "Peter", "Victor", "Brian": first names with an agent ending stay names.
    assert_eq!(
        chains("Peter Van Dyke said the beavers were healthy.", "Wire"),
        ["Wire via Peter Van Dyke"]
    );
    // A participle about the subject before the cue makes no inverted speaker.
    one_each(&[(
        "Ana Ruiz, reporting from Lima, said Ostberg Brigades' sources confirmed-reports \
         that the port was lost.",
        "Wire via Ana Ruiz",
        "Ostberg Brigades' sources confirmed-reports that the port was lost",
    )]);
    // "determined to" is no cue: the sentence's one statement is Ana Ruiz's.
    assert_eq!(
        chains(
            "Ostberg is determined to stop the dam, Ana Ruiz said.",
            "Wire"
        ),
        ["Wire via Ana Ruiz"]
    );
}

#[test]
fn she_skips_a_man_and_he_skips_a_woman() {
    let text = "Maria Ruiz said the port had closed. Peter Brandt said the ships waited. \
                \"It was hard for everyone,\" she said.";
    assert_eq!(
        chains(text, "Wire"),
        [
            "Wire via Maria Ruiz",
            "Wire via Peter Brandt",
            "Wire via Maria Ruiz"
        ]
    );
    // A one-word name is a surname, which says nothing; and only a speaker known to
    // be a woman replaces the latest one. Without one, "she" is nobody: neither the
    // man nor the earlier speaker of unknown sex.
    let text = "Lady Scott said the case was strict. \"It has a wide scope,\" she said.";
    assert_eq!(chains(text, "Wire"), ["Wire via Scott", "Wire via Scott"]);
    let text = "Ostra Ruiz said the port had closed. Peter Brandt said the ships waited. \
                \"It was hard for everyone,\" she said.";
    assert_eq!(
        chains(text, "Wire"),
        ["Wire via Ostra Ruiz", "Wire via Peter Brandt"]
    );
}

#[test]
fn a_subject_with_a_mixed_description_is_the_antecedent_of_he() {
    // The description before the title mixes capitalised and lower-case words; the
    // person named after it, not the last speaker, is the one "he" means.
    assert_eq!(
        chains(
            "\"We thank him,\" said chairman Ivo Brandt. Former Ostland and Ruritania striker Tomas Veld expressed his surprise. \"It is a sad day,\" he said.",
            "Wire"
        ),
        ["Wire via Ivo Brandt", "Wire via Tomas Veld"]
    );
    // A title that names the person's body is still a person's title.
    assert_eq!(
        chains(
            "Ostland City has lowered its estimate. Police Commissioner Ana P. Ruiz has written to the council. She says the cost was $24 million.",
            "Wire"
        ),
        ["Wire via Ana P. Ruiz"]
    );
}

#[test]
fn a_listener_or_a_relative_possessive_is_no_speaker() {
    // "was explicitly told": a passive with an adverb; the subject heard it.
    assert!(chains(
        "Ana Ruiz spoke on television after she was explicitly told the adviser had not met him.",
        "Wire"
    )
    .is_empty());
    // "people whose records suggested": the records, not the people, speak.
    assert!(chains(
        "The insurer refused cover to people whose records suggested they were at risk.",
        "Wire"
    )
    .is_empty());
    // A spokesman of the antecedent speaks for it.
    assert_eq!(
        chains(
            "Brindle Corp, whose spokesman said the plant would close, declined to comment.",
            "Wire"
        ),
        ["Wire via Brindle Corp"]
    );
}

#[test]
fn a_hyphen_glued_before_a_reporting_verb_is_a_space() {
    one_each(&[
        (
            "Ivo Brandt, the fire chief,-said the blaze was out.",
            "Wire via Ivo Brandt",
            "the blaze was out",
        ),
        (
            "The port was closed, the captain-said.",
            "Wire via ~the captain",
            "The port was closed",
        ),
    ]);
    // A compound stays one word: "under-reported" is no cue.
    assert!(chains("The outbreak was under-reported by officials.", "Wire").is_empty());
}

#[test]
fn a_closed_indefinite_apposition_describes_the_name_before_it() {
    assert_eq!(
        chains(
            "Brandt, a politician deeply distrustful of Ostland, once said the pact was a trap.",
            "Wire"
        ),
        ["Wire via Brandt"]
    );
    // "…, a law enforcement source said": the indefinite phrase is the subject.
    assert_eq!(
        chains(
            "The two met in Lima, D.C., a law enforcement source said.",
            "Wire"
        ),
        ["Wire via ~a law enforcement source"]
    );
}

#[test]
fn a_two_word_body_name_is_the_one_named_in_full_before() {
    assert_eq!(
        chains(
            "The BFM TV channel said the school was closed. Nobody was hurt, the TV channel said.",
            "Wire"
        ),
        ["Wire via BFM TV channel", "Wire via BFM TV channel"]
    );
    // Written otherwise, it is another body: "the Syrian army" is no "Free Syrian Army".
    assert_eq!(
        chains(
            "The Free Syrian Army said the road was open. The Syrian army said it was shut.",
            "Wire"
        ),
        ["Wire via Free Syrian Army", "Wire via Syrian army"]
    );
}

#[test]
fn relays_and_authors_found_in_more_places() {
    one_each(&[
        // An inverted cue before a lower-case title and a name that ends the sentence.
        (
            "Slots on Mondays take 15 clients, but scores are turned away, said manager Ivo Brandt.",
            "Wire via Ivo Brandt",
            "Slots on Mondays take 15 clients, but scores are turned away",
        ),
        // The author of a statement behind a time phrase.
        (
            "A statement on Friday from the Ostland Coast Guard said the search had ended.",
            "Wire via Ostland Coast Guard",
            "the search had ended",
        ),
        // "confirmed to <medium>": the medium relays.
        (
            "Former Chief of Staff of the Ostland Missile Forces Viktor Brandt confirmed to Izvestia that the drills were large.",
            "Wire via Izvestia via Viktor Brandt",
            "the drills were large",
        ),
        // "as reported by X" reads like "according to X", alone or after a speaker.
        (
            "The minister resigned on Friday, as reported by Reuters.",
            "Wire via Reuters",
            "The minister resigned on Friday",
        ),
        (
            "\"We will meet on 31 March,\" said a NATO official, as reported by AFP.",
            "Wire via AFP via ~a NATO official",
            "We will meet on 31 March",
        ),
        // A compound title is no part of the name.
        (
            "Lieutenant-General Ana Ruiz said the road was open.",
            "Wire via Ana Ruiz",
            "the road was open",
        ),
    ]);
}

#[test]
fn hedged_passives_and_bare_showings_are_no_statements() {
    for text in [
        "A photograph said to be from the scene showed a dusty baby in a red blanket.",
        "The rebels are reported to have fled the town.",
        "But the Republicans who opposed the bill showed they neither fear nor love him.",
    ] {
        assert!(chains(text, "Wire").is_empty(), "{text}");
    }
    // A finding with its "that" still counts.
    assert_eq!(
        chains(
            "A survey by the Ostland Statistics Office showed that prices rose.",
            "Wire"
        ),
        ["Wire via Ostland Statistics Office"]
    );
}

#[test]
fn negated_cues_report_nothing() {
    for text in [
        "President Ivo Brandt has not yet confirmed or denied whether he will run again.",
        "The ministry did not immediately say whether the talks had failed.",
        "Ostland has never publicly accused Ruritania of staging the attack.",
    ] {
        assert!(chains(text, "Wire").is_empty(), "{text}");
    }
}

#[test]
fn the_force_and_the_press_office_are_the_bodies_named_before() {
    assert_eq!(
        chains(
            "The port reopened, the press office of the Ostland Navy said. Ships will anchor in the bay, the press office said. Westshire Police lost the file. The force said it had let the family down.",
            "Wire"
        ),
        [
            "Wire via Ostland Navy",
            "Wire via Ostland Navy",
            "Wire via Westshire Police"
        ]
    );
}

#[test]
fn a_role_held_towards_another_person_is_someone_else() {
    // "the defendant's lawyer" is not the defendant who spoke before.
    assert_eq!(
        chains(
            "Ana Ruiz said she was innocent. The defendant's lawyer said the case was weak.",
            "Wire"
        ),
        ["Wire via Ana Ruiz", "Wire via ~The defendant's lawyer"]
    );
    // A subject named after a description is the antecedent of "he".
    assert_eq!(
        chains(
            "Kremlin spokesman Ivo Brandt declined to comment on the row involving adviser Tomas Veld. \"We give no comments,\" he said.",
            "Wire"
        ),
        ["Wire via Ivo Brandt"]
    );
}

#[test]
fn definite_and_described_speakers_after_an_inverted_cue() {
    one_each(&[
        (
            "The law can be broken, said the press service of the Ostland Institute of Physics.",
            "Wire via Ostland Institute of Physics",
            "The law can be broken",
        ),
        (
            "Deep learning trains computers, says Ana Ruiz, head of Laiye, a Lima-based company that writes software.",
            "Wire via Ana Ruiz",
            "Deep learning trains computers",
        ),
    ]);
    // The phrase after "said the" must be a name, not a clause: the speaker is the
    // one before the cue.
    assert_eq!(
        chains(
            "Commenting on the plan, the minister of sport, Ivo Brandt, said the fans responded with humour.",
            "Wire"
        ),
        ["Wire via Ivo Brandt"]
    );
}

#[test]
fn a_bulletin_by_police_and_a_titled_role_noun_resolve() {
    assert_eq!(
        chains(
            "Two girls were shot, according to a bulletin published by police. No one is in custody, the bulletin said.",
            "Wire"
        ),
        ["Wire via police", "Wire via police"]
    );
    // "the commissioner": a title as a role noun finds the titled speaker.
    assert_eq!(
        chains(
            "Garda Commissioner Ana Ruiz said she was taking responsibility. The commissioner also said it takes courage.",
            "Wire"
        ),
        ["Wire via Ana Ruiz", "Wire via Ana Ruiz"]
    );
}

#[test]
fn quoted_as_saying_at_the_end_takes_the_clause_before() {
    one_each(&[
        (
            "The talks failed because nobody came, Nordwire quoted Ivo Brandt as saying.",
            "Wire via Nordwire via Ivo Brandt",
            "The talks failed because nobody came",
        ),
        (
            "Weapons were seized from four cells, the Ostland Press Agency quoted the ministry as saying on Thursday.",
            "Wire via Ostland Press Agency via ~the ministry",
            "Weapons were seized from four cells",
        ),
    ]);
}

#[test]
fn party_members_and_described_groups_are_unnamed() {
    // "the senior Republican" is the one described so before.
    assert_eq!(
        chains(
            "A senior Republican familiar with the talks said the deal was close. \"It is a question of trust,\" the senior Republican said.",
            "Wire"
        ),
        [
            "Wire via ~A senior Republican familiar with the talks",
            "Wire via ~A senior Republican familiar with the talks"
        ]
    );
    // "the Ohio Republican": the legislator just quoted.
    assert_eq!(
        chains(
            "Senator Ivo Brandt said the bill was dead. \"We tried,\" the Ohio Republican said.",
            "Wire"
        ),
        ["Wire via Ivo Brandt", "Wire via Ivo Brandt"]
    );
    one_each(&[
        (
            "House Democrats said the vote was rigged.",
            "Wire via ~House Democrats",
            "the vote was rigged",
        ),
        (
            "Ostlandic politicians said the spy agency had briefed them.",
            "Wire via ~Ostlandic politicians",
            "the spy agency had briefed them",
        ),
        (
            "Prosecutors said the ferry had been overloaded.",
            "Wire via ~Prosecutors",
            "the ferry had been overloaded",
        ),
        (
            "A senior Harbour Board adviser said the cranes were sold.",
            "Wire via ~A senior Harbour Board adviser",
            "the cranes were sold",
        ),
        // A party's name ends in "Democrats" too.
        (
            "The Liberal Democrats said the tax was unfair.",
            "Wire via Liberal Democrats",
            "the tax was unfair",
        ),
    ]);
}

#[test]
fn person_of_a_body_and_a_body_voice() {
    one_each(&[
        (
            "Ana Ruiz of the Harbour Board said the cranes were sold.",
            "Wire via Ana Ruiz",
            "the cranes were sold",
        ),
        // A post is no medium: no hop.
        (
            "\"The air is tense,\" Ivo Brandt wrote in a weekend online post.",
            "Wire via Ivo Brandt",
            "The air is tense",
        ),
    ]);
    // "the company's press service": the company named before.
    assert_eq!(
        chains(
            "Ostberg Mining Company said the mine was safe. The company's press service said the shaft would reopen.",
            "Wire"
        ),
        ["Wire via Ostberg Mining Company", "Wire via Ostberg Mining Company"]
    );
}

#[test]
fn a_role_of_a_named_owner_is_the_person_described_with_it() {
    // The envoy described with the same country, not the latest person.
    assert_eq!(
        chains(
            "Ruritania's envoy Ivo Brandt said talks would resume. Tomas Ade said he was hopeful. Ruritania's envoy said the draft was ready.",
            "Wire"
        ),
        ["Wire via Ivo Brandt", "Wire via Tomas Ade", "Wire via Ivo Brandt"]
    );
    // Nobody was described as the group's leader: an unnamed description.
    assert_eq!(
        chains(
            "Captain Ana Ruiz said the bridge was taken. The Ostland Front's leader said the war was over.",
            "Wire"
        ),
        ["Wire via Ana Ruiz", "Wire via ~The Ostland Front's leader"]
    );
}

#[test]
fn a_titled_surname_is_a_mention_for_the_role() {
    // "President Brandt" alone names the president a later "the president" means.
    assert_eq!(
        chains(
            "The message came from President Brandt himself. \"Believe me,\" the president told a meeting of sheriffs.",
            "Wire"
        ),
        ["Wire via Brandt"]
    );
    // "the former president" is not the sitting one named last.
    assert_eq!(
        chains(
            "Former president Ivo Ade said he had sent no letter. He wrote nothing to President Brandt. \"It was a statement,\" the former president said.",
            "Wire"
        ),
        ["Wire via Ivo Ade", "Wire via Ivo Ade"]
    );
}

#[test]
fn content_first_with_a_role_after_the_name_and_a_subject_after_an_adverbial() {
    // "…, Name, head of X, said": the role describes the name; the claim stops
    // before the name.
    one_each(&[(
        "A trade zone could give ties a new impetus, Ivo Brandt, head of the Asian department of the Ostland Foreign Ministry, said on Thursday.",
        "Wire via Ivo Brandt",
        "A trade zone could give ties a new impetus",
    )]);
    // A fronted clause names someone else; after "on Saturday," the subject is the
    // last segment, not an apposition of that name.
    let x = one(
        "After meeting his counterpart, Foreign Minister Ana Ruiz, on Saturday, the top Ostland diplomat stressed that the talks went well.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via ~the top Ostland diplomat");
    // A possessive subject is no person: "he" stays the last speaker.
    assert_eq!(
        chains(
            "Tomas Ade said the port was open. Mr Brandt's visit was cut short. \"It is a pity,\" he said.",
            "Wire"
        ),
        ["Wire via Tomas Ade", "Wire via Tomas Ade"]
    );
}

#[test]
fn a_document_with_a_modifier_speaks_for_its_author() {
    one_each(&[
        (
            "A research note from Ostberg Securities said rates would fall.",
            "Wire via Ostberg Securities",
            "rates would fall",
        ),
        (
            "Rates will fall, a research note from Ostberg Securities said.",
            "Wire via Ostberg Securities",
            "Rates will fall",
        ),
    ]);
}

#[test]
fn irregular_past_ends_the_first_predicate_and_qualifiers_narrow_a_role() {
    // "paid tribute to Y and said": the subject is the one who paid it.
    assert_eq!(
        chains(
            "President Ivo Brandt paid tribute to Bishop Casey and said many will remember his work.",
            "Wire"
        ),
        ["Wire via Ivo Brandt"]
    );
    // "the former vice president" is not a former president named last: the
    // description falls back to the latest speaker.
    assert_eq!(
        chains(
            "Tomas Ade said the vote was close. The former vice president also spoke on the plan of former President Ana Ruiz, saying it had failed.",
            "Wire"
        ),
        ["Wire via Tomas Ade", "Wire via Tomas Ade"]
    );
}

#[test]
fn places_after_a_place_and_building_names_are_no_speakers() {
    // A state or country after "based in City," ends the place; the name before the
    // apposition speaks, and "the organization" is that name later.
    assert_eq!(
        chains(
            "Ostland House Dunmore, a charity based in Dunmore, Texas, called Ivo Brandt a \"true hero\". The organization said the money would help him.",
            "Wire"
        ),
        ["Wire via Ostland House Dunmore", "Wire via Ostland House Dunmore"]
    );
    one_each(&[
        (
            "Ana Ruiz, a teacher from Lyon, France, said the school was closed.",
            "Wire via Ana Ruiz",
            "the school was closed",
        ),
        // A place after "in" is never the person when another run names one.
        (
            "Tomas Ade of the Centre for Road Research in Port Ellen, Ohio, says that the plan is realistic.",
            "Wire via Tomas Ade",
            "the plan is realistic",
        ),
        // "Police in <place>": the police, not the place.
        (
            "Police in Dunmore County, Texas, said the teacher was arrested.",
            "Wire via Police",
            "the teacher was arrested",
        ),
    ]);
    // Without the closing comma the country is the subject itself.
    assert_eq!(
        chains(
            "Since its troops began to move on Dunmore from Ostland, Turkey has stressed that it will take part.",
            "Wire"
        ),
        ["Wire via Turkey"]
    );
}

#[test]
fn a_role_with_capitalised_modifiers_is_an_apposition() {
    // "Name, Ostland director of the X Center, a rights group, told …": both
    // segments describe the name.
    assert_eq!(
        chains(
            "Tomas Ade, Ostland director of the Harbour Workers Center, a US-based rights group, told Reuters that wages are too low. \"Brands squeeze factories,\" he said.",
            "Wire"
        ),
        ["Wire via Reuters via Tomas Ade", "Wire via Tomas Ade"]
    );
    // A run before an unnamed group's noun is no person "he" could mean.
    assert_eq!(
        chains(
            "Tomas Ade said the talks failed. Anonymous PSD sources said the minister would resign. \"We must go back to work,\" he said.",
            "Wire"
        )[2],
        "Wire via Tomas Ade"
    );
}

#[test]
fn interactive_teasers_and_quoted_headlines_are_furniture() {
    assert_eq!(
        chains(
            "INTERACTIVE: Mapping hunger in the Horn of Africa  Ivo Brandt, Ostland's deputy envoy, said the government rejects the report.",
            "Wire"
        ),
        ["Wire via Ivo Brandt"]
    );
    assert_eq!(
        chains(
            "READ MORE - Ostland war: 'Worst disaster since World War II' Ana Ruiz, Ostland's attorney general, said the attack was planned.",
            "Wire"
        ),
        ["Wire via Ana Ruiz"]
    );
}

#[test]
fn a_bare_role_is_not_the_holder_of_a_qualified_office() {
    // "the president" is not "Vice President Tomas Ade" named last.
    assert_eq!(
        chains(
            "President Ana Ruiz said the port was open. She spoke of Vice President Tomas Ade. The president denied the reports, calling them false.",
            "Wire"
        ),
        ["Wire via Ana Ruiz", "Wire via Ana Ruiz"]
    );
}

#[test]
fn a_quotation_with_its_own_attribution_does_not_continue_the_last_one() {
    // The second quotation spans two sentences and ends in a comma: its attribution
    // follows, so it is not more of the first speaker's words.
    let xs: Vec<(String, String)> = extract(
        "\"The corals won't have time to come back,\" said Ana Ruiz. \"If the coral dies, it is no reef. The skeletons are colonised by algae,\" said Ivo Brandt, a professor.",
        &meta("Wire"),
    )
    .into_iter()
    .map(|x| (x.chain.to_string(), x.claim))
    .collect();
    let expect = [
        (
            "Wire via Ana Ruiz",
            "The corals won't have time to come back",
        ),
        (
            "Wire via Ivo Brandt",
            "If the coral dies, it is no reef. The skeletons are colonised by algae",
        ),
    ];
    assert_eq!(xs.len(), 2, "{xs:#?}");
    for (x, e) in xs.iter().zip(expect) {
        assert_eq!((x.0.as_str(), x.1.as_str()), e);
    }
}

#[test]
fn noun_cues_give_the_owner_or_author_a_statement() {
    // Rulebook R1: "X's claim that …", "reports from X that …".
    one_each(&[
        (
            "Critics dismissed Ana Ruiz's claim that the port was closed.",
            "Wire via Ana Ruiz",
            "the port was closed",
        ),
        (
            "There were reports from Ostland Radio that the border had reopened.",
            "Wire via Ostland Radio",
            "the border had reopened",
        ),
    ]);
    // Inside a reported clause the claim is nested under its speaker (rulebook R2).
    let xs: Vec<String> = chains(
        "Tomas Ade said he could not confirm Ana Ruiz's claim that the mine had closed.",
        "Wire",
    );
    assert_eq!(
        xs,
        ["Wire via Tomas Ade", "Wire via Tomas Ade via Ana Ruiz"]
    );
    // A subject's that-clause has no known end; a description is not resolved.
    assert!(chains(
        "Ana Ruiz's claim that the port was closed drew criticism.",
        "Wire"
    )
    .is_empty());
    assert!(chains(
        "Critics dismissed the group's claims that the port was closed.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn a_gerund_object_ends_the_first_predicate_and_a_listener_runs_to_its_quotation() {
    // "X denied having … with Ostland and said": X, not Ostland.
    assert_eq!(
        chains(
            "Ana Ruiz denied having any dealings with Ostland and said \"the only ones who ask are the reporters.\"",
            "Wire"
        ),
        ["Wire via Ana Ruiz"]
    );
    // "told <listener>, "…"": the listener is no part of the claim. (Whether an
    // unlisted station is a relay hop is another matter: only the claim and the
    // origin are checked here.)
    let x = one(
        "Ivo Brandt, a ministry official, told Ostland state radio Radio Nord, \"It is an absolutely false claim.\"",
        "Wire",
    );
    assert_eq!(x.claim, "It is an absolutely false claim.");
    assert!(
        x.chain.to_string().ends_with("via Ivo Brandt"),
        "{}",
        x.chain
    );
}

#[test]
fn a_commitment_is_no_statement() {
    // "promised to …", "vowed to …": an intention (rulebook R1); "said to reporters"
    // still names its listener.
    assert!(chains(
        "The new government has promised to leave no stone unturned when it comes to investigating the abuses.",
        "Wire"
    )
    .is_empty());
    one_each(&[(
        "\"We are exploring options,\" Ana Ruiz said to reporters on Monday.",
        "Wire via Ana Ruiz",
        "We are exploring options",
    )]);
}

#[test]
fn a_name_after_and_opens_a_clause_and_a_comma_may_precede_the_joiner() {
    // "… with the attack and Commissioner X said": X, not "the attack and X".
    one_each(&[(
        "Two more \"significant arrests\" have been made in connection with the attack and Deputy Commissioner Ana Ruiz said the suspects were held overnight.",
        "Wire via Ana Ruiz",
        "the suspects were held overnight",
    )]);
    // A body's name with "and" inside stays whole.
    one_each(&[(
        "The Ostland Ministry of Immigration and Displacement said as many as 600 civilians remained trapped.",
        "Wire via Ostland Ministry of Immigration and Displacement",
        "as many as 600 civilians remained trapped",
    )]);
    // "X did Y, and said …": the subject before the first predicate.
    one_each(&[(
        "Ostland Airlines grounded five planes on Friday, and said a battery fault was the likely cause.",
        "Wire via Ostland Airlines",
        "a battery fault was the likely cause",
    )]);
}

#[test]
fn an_inverted_title_may_have_lower_case_modifiers() {
    one_each(&[(
        "He had suffered multiple wounds to his body, said zoo director Ana Ruiz.",
        "Wire via Ana Ruiz",
        "He had suffered multiple wounds to his body",
    )]);
}

#[test]
fn an_unnamed_document_is_an_anonymous_source() {
    one_each(&[
        (
            "Violations were found at a detention facility, according to a report released Wednesday.",
            "Wire via ~a report",
            "Violations were found at a detention facility",
        ),
        // A participle phrase after the document describes it and names its
        // author; the claim follows.
        (
            "According to a new study, released in November by Ostberg Business School, there were 91 takeovers.",
            "Wire via Ostberg Business School",
            "there were 91 takeovers",
        ),
    ]);
    // The publisher of an unnamed report is the source.
    assert_eq!(
        chains(
            "Violations were found at a facility, according to a report published by Amnesty International.",
            "Wire"
        ),
        ["Wire via Amnesty International"]
    );
}

#[test]
fn an_aside_after_the_cue_is_not_the_claim() {
    // "…, the White House has said, acknowledging …": the claim came first.
    let xs = extract(
        "Ana Ruiz paid $38m in taxes in 2005, the ministry has said, acknowledging details it had refused to release.",
        &meta("Wire"),
    );
    assert_eq!(
        (xs[0].chain.to_string().as_str(), xs[0].claim.as_str()),
        (
            "Wire via ~the ministry",
            "Ana Ruiz paid $38m in taxes in 2005"
        )
    );
    // "added to her tally" is no speech.
    assert!(chains(
        "She added to her tally by winning Song of the Year, the second time she has won with producer Ivo Brandt.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn state_is_a_cue_only_before_that() {
    // "Brindle state Sen. …", "India's most populous state": a noun.
    assert!(chains(
        "Ana Ruiz, the former Ostland state employee who filed a lawsuit, lost the case.",
        "Wire"
    )
    .is_empty());
    assert_eq!(
        chains(
            "Port Aster is Ostland's most populous state where the party won.",
            "Wire"
        ),
        Vec::<String>::new()
    );
    one_each(&[(
        "EU rules state that a driver must rest for nine hours.",
        "Wire via EU",
        "a driver must rest for nine hours",
    )]);
}

#[test]
fn there_with_a_negated_verb_opens_the_claim() {
    one_each(&[(
        "Ana Ruiz said there wasn't much debate about the law.",
        "Wire via Ana Ruiz",
        "there wasn't much debate about the law",
    )]);
}

#[test]
fn a_connective_or_a_preposition_is_no_speaker() {
    assert!(chains("Besides, said Ruiz, she is in Ostland working.", "Wire").is_empty());
    assert!(chains(
        "It will bring employment to 400 staff by 2019, including 80 jobs added last year.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn a_plural_body_word_keeps_the_whole_name() {
    one_each(&[(
        "The disease is rare, according to the National Institutes of Health (NIH).",
        "Wire via National Institutes of Health",
        "The disease is rare",
    )]);
}

#[test]
fn a_residence_after_a_name_describes_the_person() {
    one_each(&[(
        "Ivo Brandt, 40, of Ashbree, Dravel, Co Marrow has admitted that he hit her.",
        "Wire via Ivo Brandt",
        "he hit her",
    )]);
}

#[test]
fn an_interrupted_quotation_joins_across_an_adverbial() {
    let xs = extract(
        "\"Ana Ruiz's claims that the process is slow,\" Ivo Brandt said in a statement today, \"reflect ignorance of the rules.\"",
        &meta("Wire"),
    );
    assert_eq!(xs.len(), 1);
    assert_eq!(xs[0].chain.to_string(), "Wire via Ivo Brandt");
    assert_eq!(
        xs[0].claim,
        "Ana Ruiz's claims that the process is slow, reflect ignorance of the rules."
    );
}

#[test]
fn a_temperature_unit_ends_a_sentence() {
    // "2 C." is no initial: the claim ends there.
    one_each(&[(
        "Ana Ruiz said the old target was 2 C. The new target is lower.",
        "Wire via Ana Ruiz",
        "the old target was 2 C",
    )]);
}

#[test]
fn referring_to_a_name_is_a_topic_not_a_source() {
    assert_eq!(
        chains(
            "\"We want to reexamine certain agreements,\" Ana Ruiz told journalists, referring to the Ostland Free Trade Agreement between Ostland and Velmora.",
            "Wire"
        ),
        ["Wire via Ana Ruiz"]
    );
}

#[test]
fn a_named_law_is_no_person() {
    // A pronoun never resolves to a law's name ("Health" read as a title, "Care Act"
    // as a person).
    let cs = chains(
        "Nobody knew why the American Health Care Act failed. On Monday, Ana Ruiz blamed Ivo Brandt, who she described as \"a menace\".",
        "Wire",
    );
    assert!(cs.iter().all(|c| !c.contains("Act")), "{cs:?}");
}

#[test]
fn a_party_label_with_a_two_word_state_is_an_apposition() {
    one_each(&[(
        "Rep. Ivo Brandt, R-New Jersey, said that the decision moved some colleagues.",
        "Wire via Ivo Brandt",
        "the decision moved some colleagues",
    )]);
}

#[test]
fn a_subject_after_a_fronted_phrase_is_an_antecedent() {
    let cs = chains(
        "The franchisee is Ana Ruiz, a broadcaster. In her second career as she tops 70, Ana Ruiz is running restaurants. Television and food are not much different, she says.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ana Ruiz"]);
}

#[test]
fn a_subject_inside_another_speakers_claim_is_no_nearer_antecedent() {
    // Ivo Brandt opens the claim; "he" in the next sentence is the speaker, Tom Ade.
    let xs = extract(
        "Tom Ade is a spokesman. In 2015, Ivo Brandt hired a law firm to review his emails, Tom Ade said. Any email would have been archived, he added.",
        &meta("Wire"),
    );
    let cs: Vec<String> = xs.iter().map(|x| x.chain.to_string()).collect();
    assert_eq!(cs, ["Wire via Tom Ade", "Wire via Tom Ade"]);
}

#[test]
fn a_plural_noun_form_of_a_cue_after_an_adjective_is_a_noun() {
    assert!(chains(
        "Foreign Minister Ana Ruiz arrived in Lima for talks expected to focus on Ostland's nuclear program, trade and South China Sea territorial disputes.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn a_hyphen_between_a_cue_and_a_quotation_is_a_space() {
    one_each(&[(
        "Ana Ruiz, adviser to-President Ivo Brandt, said-\"Ostland does not dare to attack\".",
        "Wire via Ana Ruiz",
        "Ostland does not dare to attack",
    )]);
}

#[test]
fn a_country_is_no_subject_for_a_pronoun() {
    let cs = chains(
        "Ana Ruiz led the study. During the study period, New Zealand had high lead levels. \"We found long-term effects,\" she said.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ana Ruiz"]);
}

#[test]
fn states_before_a_comma_is_a_noun() {
    assert!(chains(
        "Several Velmoran states, along with Ostland, have provided weapons to rebel groups.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn a_country_is_not_expanded_to_a_longer_name() {
    assert_eq!(
        chains(
            "Villa Somalia is the presidential palace. Somalia recently said the drought was a national disaster.",
            "Wire"
        ),
        ["Wire via Somalia"]
    );
}

#[test]
fn airports_name_a_body_for_it() {
    let cs = chains(
        "The Royal Ostland Police said the airport was closed. Ostland Airports later insisted in a statement that the airport was safe. It said the cleaning staff are in good health.",
        "Wire",
    );
    assert_eq!(
        cs,
        [
            "Wire via Royal Ostland Police",
            "Wire via Ostland Airports",
            "Wire via Ostland Airports"
        ]
    );
}

#[test]
fn a_participle_opening_a_sentence_is_no_speaker() {
    assert!(chains(
        "Having once described the plan as \"a nightmare,\" the actor has also praised Ostland as a model of stability.",
        "Wire"
    )
    .iter()
    .all(|c| !c.contains("Having")));
}

#[test]
fn a_known_outlet_keeps_the_words_of_its_name_as_listener() {
    one_each(&[
        (
            "Mayor Ana Ruiz told ABC News the lake had been lowered to 2 feet.",
            "Wire via ABC News via Ana Ruiz",
            "the lake had been lowered to 2 feet",
        ),
        (
            "Ivo Brandt told BBC Radio 4's Today programme that enough is enough.",
            "Wire via BBC Radio via Ivo Brandt",
            "enough is enough",
        ),
    ]);
}

#[test]
fn a_date_after_on_is_no_part_of_a_name() {
    one_each(&[
        (
            "More students run their own business, according to a survey released by Ostland University on Dec 28.",
            "Wire via Ostland University",
            "More students run their own business",
        ),
        (
            "Exports grew, according to Ostland's Federal Statistics Office on Feb 24.",
            "Wire via Ostland's Federal Statistics Office",
            "Exports grew",
        ),
    ]);
    // The author after the date still counts.
    one_each(&[(
        "Reforms have taken effect, according to a report released on Jan 8 by Ostland investment bank Brindle.",
        "Wire via Brindle",
        "Reforms have taken effect",
    )]);
}

#[test]
fn a_decision_on_a_request_is_no_statement() {
    assert!(chains(
        "Earlier, a Vienna court denied his extradition to Ostland.",
        "Wire"
    )
    .is_empty());
    one_each(&[(
        "The ministry denied any role in the attack.",
        "Wire via ~The ministry",
        "any role in the attack",
    )]);
}

#[test]
fn a_clause_joined_after_an_inverted_cue_is_not_its_claim() {
    let xs = extract(
        "The coast guard is searching by air and sea, a spokesman told Reuters, and the sheriff said it is still possible they are alive.",
        &meta("Wire"),
    );
    assert_eq!(
        (xs[0].chain.to_string().as_str(), xs[0].claim.as_str()),
        (
            "Wire via Reuters via ~a spokesman",
            "The coast guard is searching by air and sea"
        )
    );
}

#[test]
fn a_cue_joined_to_a_statement_makes_a_second_statement() {
    let xs = extract(
        "Ana Ruiz criticised the ruling as \"a usurpation of power\" and said the ministry is considering options.",
        &meta("Wire"),
    );
    let got: Vec<(String, &str)> = xs
        .iter()
        .map(|x| (x.chain.to_string(), x.claim.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Wire via Ana Ruiz".to_string(),
                "the ruling as \"a usurpation of power"
            ),
            (
                "Wire via Ana Ruiz".to_string(),
                "the ministry is considering options"
            )
        ]
    );
    // The joined past tense goes with the first predicate's past, not with the
    // present inside the claim (the dev-CSV sentence: Coveney added it, not
    // Fitzgerald; until stop 61 the second statement was left out rather than
    // credited to her).
    assert_chains_and_claims(
        "Ivo Brandt said he believes Ana Ruiz when she says something and added that the statement was a twist.",
        &[
            ("Wire via Ivo Brandt", "he believes Ana Ruiz when she says something"),
            ("Wire via Ivo Brandt", "the statement was a twist"),
        ],
    );
}

#[test]
fn a_document_word_before_a_firm_noun_names_no_document() {
    one_each(&[(
        "Brindle has a 7 percent market share, according to research firm Ostland Data Corp.",
        "Wire via Ostland Data Corp",
        "Brindle has a 7 percent market share",
    )]);
}

#[test]
fn bare_plural_documents_are_anonymous_sources() {
    one_each(&[(
        "Turnout was high, according to official figures.",
        "Wire via ~official figures",
        "Turnout was high",
    )]);
    // Their publisher, when named, is the source.
    one_each(&[(
        "Deaths quadrupled, according to figures previously released by the Ostland Health Agency.",
        "Wire via Ostland Health Agency",
        "Deaths quadrupled",
    )]);
}

#[test]
fn an_inverted_speakers_apposition_may_end_with_a_gloss() {
    one_each(&[(
        "Previous models in Europe and Asia have compromised wildlife, says Ana Ruiz, president of the Ostland Wildlife Foundation (OWF).",
        "Wire via Ana Ruiz",
        "Previous models in Europe and Asia have compromised wildlife",
    )]);
}

#[test]
fn according_to_without_its_comma_needs_a_source_noun_that_ends_the_sentence() {
    one_each(&[
        (
            "The forces mutinied, but later \"apologised to the authorities\" according to a high-level military source.",
            "Wire via ~a high-level military source",
            "The forces mutinied, but later \"apologised to the authorities",
        ),
        (
            "The business model is broken according to the chief executive officer of Brindle Media.",
            "Wire via Brindle Media",
            "The business model is broken",
        ),
    ]);
    for s in [
        "The project would develop according to plan.",
        "The ships were built according to the size of the river and the port.",
        "Candidates are then elected according to the share of the vote they receive.",
    ] {
        assert!(chains(s, "Wire").is_empty(), "{s}");
    }
}

#[test]
fn a_role_prefers_the_named_holder_over_an_earlier_definite_description() {
    let cs = chains(
        "The tower had been inspected 50 times, the fire chief said Friday. Other buildings were damaged, Dravel Fire Chief Ivo Brandt said. \"This building was vulnerable,\" the fire chief said.",
        "Wire",
    );
    assert_eq!(
        cs,
        [
            "Wire via ~the fire chief",
            "Wire via Ivo Brandt",
            "Wire via Ivo Brandt"
        ]
    );
    // A source brought in as unnamed stays unnamed, whoever else is named.
    let cs = chains(
        "A senior White House adviser said the speech was ready. Trump gathered with his advisers -- spokeswoman Eva Lund, senior adviser Ana Ruiz and others -- in the map room, the senior White House adviser told Wire.",
        "Wire",
    );
    assert!(cs.iter().all(|c| !c.contains("Ana Ruiz")), "{cs:?}");
}

#[test]
fn a_role_tied_to_a_place_is_never_the_place() {
    one_each(&[
        (
            "Ostland's ambassador to Ruritania said a trade deal was important.",
            "Wire via ~Ostland's ambassador to Ruritania",
            "a trade deal was important",
        ),
        (
            "The mayor of Dravel said the bridge would reopen.",
            "Wire via ~The mayor of Dravel",
            "the bridge would reopen",
        ),
        // A body after "of" still speaks through its head.
        (
            "The director of the Ostland Health Agency said cases had doubled.",
            "Wire via Ostland Health Agency",
            "cases had doubled",
        ),
        // The holder's name closing the run without its comma.
        (
            "Ostland's ambassador to the United Nations Anna Lund said the vote was fair.",
            "Wire via Anna Lund",
            "the vote was fair",
        ),
        // "The state of …" is a body, no role.
        (
            "The state of Ruritania argued the order was unlawful.",
            "Wire via Ruritania",
            "the order was unlawful",
        ),
    ]);
    // The holder described before with the same role and owner.
    let cs = chains(
        "Ana Ruiz, Ostland's ambassador to Ruritania, arrived on Monday. Ostland's ambassador to Ruritania said the talks had failed.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ana Ruiz"]);
}

#[test]
fn a_content_first_speaker_keeps_the_name_before_a_modified_role() {
    one_each(&[
        (
            "The rebels have left the coalition, Ivo Brandt, political leader of the Ostland Front, said on Thursday.",
            "Wire via Ivo Brandt",
            "The rebels have left the coalition",
        ),
        (
            "Floods have killed 246 people, Ana Ruiz, Ostland's minister of local government, said Thursday.",
            "Wire via Ana Ruiz",
            "Floods have killed 246 people",
        ),
        // An apposition after a named "according to" source describes it.
        (
            "They created 5,000 jobs, according to Eva Lund, information officer of the Ostland Lab.",
            "Wire via Eva Lund",
            "They created 5,000 jobs",
        ),
    ]);
}

#[test]
fn an_inverted_role_may_have_modifiers_a_portfolio_and_its_holder() {
    one_each(&[
        (
            "The tower draws six million visitors a year and the wall will stop vehicles, said the assistant mayor for tourism, Ana Ruiz.",
            "Wire via Ana Ruiz",
            "The tower draws six million visitors a year and the wall will stop vehicles",
        ),
        (
            "The port will reopen on Monday, said the former port director.",
            "Wire via ~the former port director",
            "The port will reopen on Monday",
        ),
    ]);
}

#[test]
fn a_person_brought_in_with_an_indefinite_apposition_is_the_next_he() {
    let cs = chains(
        "Ivo Brandt said the plan worked. Much of the vision comes from its chief executive Tomas Kerr, a pharmacist and public health expert. He says the funds have tended to concentrate on cost control.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ivo Brandt", "Wire via Tomas Kerr"]);
    // Not a place or a prize brought in so.
    let cs = chains(
        "Ivo Brandt said the plan worked. The village sits on the bank of the Dravel River, a place renowned for its beauty. He said the houses were old.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ivo Brandt", "Wire via Ivo Brandt"]);
    // A fronted day does not hide a sentence's subject.
    let cs = chains(
        "The scheme is no surprise to General Tomas Kerr, who ran the office. Ana Ruiz said passports were sold. Today, Kerr is living in Miami. He told Wire that officials ordered passports.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ana Ruiz", "Wire via Tomas Kerr"]);
}

#[test]
fn another_speakers_clause_joined_without_a_comma_ends_the_claim() {
    let cs = chains(
        "The Ostland Foreign Ministry dismissed the inquiry as politically motivated and the Kremlin said Ostland wasn't involved.",
        "Wire",
    );
    assert_eq!(
        cs,
        ["Wire via Ostland Foreign Ministry", "Wire via Kremlin"]
    );
    let cs = chains(
        "Police said two men were arrested and Ana Ruiz said the port was closed.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Police", "Wire via Ana Ruiz"]);
    // A plain "and" inside the claim stays.
    one_each(&[(
        "Ana Ruiz said prices rose and the index said nothing new.",
        "Wire via Ana Ruiz",
        "prices rose and the index said nothing new",
    )]);
}

#[test]
fn a_company_suffix_ends_a_sentence_unless_another_suffix_follows() {
    let cs = chains(
        "The line made a profit, quoting Dravel Railway Construction Co, a shareholder of Ostland Railway Co. Ivo Brandt, a professor of transport, says the returns should not be judged on profit alone.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ivo Brandt"]);
    one_each(&[(
        "Ostland Railway Co. Ltd. said the line made a profit.",
        "Wire via Ostland Railway Co Ltd",
        "the line made a profit",
    )]);
}

#[test]
fn a_word_glued_before_a_first_name_is_no_part_of_the_name() {
    one_each(&[
        (
            "Insurance exec: Don't manipulate Medicaid Alexandra Eidenberg, the president of an insurance company, said she had been glued to the television.",
            "Wire via Alexandra Eidenberg",
            "she had been glued to the television",
        ),
        (
            "Reviewer Richard Stevenson said the design was good.",
            "Wire via Richard Stevenson",
            "the design was good",
        ),
        // The inner part of a compound name stays.
        (
            "Rami Abdel Rahman said the clashes had spread.",
            "Wire via Rami Abdel Rahman",
            "the clashes had spread",
        ),
        (
            "Josep Maria Bartomeu said it was a historic achievement.",
            "Wire via Josep Maria Bartomeu",
            "it was a historic achievement",
        ),
    ]);
}

#[test]
fn a_subordinate_clause_after_the_cue_is_no_claim() {
    one_each(&[(
        "Intelligence can play a key role in trade talks, Ana Ruiz said, although it is only a sliver of the agencies' work.",
        "Wire via Ana Ruiz",
        "Intelligence can play a key role in trade talks",
    )]);
    assert!(chains(
        "Even during the course, some officers insisted on not intervening in family matters, because they could not tell them apart.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn recall_of_acronyms_contractions_fronted_pronouns_and_infinitive_predicates() {
    one_each(&[
        // An acronym is no auxiliary ("is").
        (
            "IS said it was behind the attacks.",
            "Wire via IS",
            "it was behind the attacks",
        ),
        // The owner of a document in front of it.
        (
            "Flu activity was high, according to a CDC flu report last week.",
            "Wire via CDC",
            "Flu activity was high",
        ),
        // A body's name before a place after "in".
        (
            "The probe was reopened, Ostland Radio in Dravel reported.",
            "Wire via Ostland Radio",
            "The probe was reopened",
        ),
    ]);
    let cs = chains(
        "Ivo Brandt said the port was shut. He's also said that the bridge \"just can't get any worse.\" In that show he stated that the ferry was late. He declined to comment on the vote and said it was wrong to force Ana Ruiz out.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ivo Brandt"; 4]);
    // "It's said to …" is impersonal.
    let cs = chains(
        "The Ostland Times said a list exists. It's said to identify 300 people.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ostland Times"]);
}

#[test]
fn an_inverted_speaker_may_hold_two_roles_before_the_name() {
    one_each(&[(
        "\"Reviving a brand is very difficult indeed,\" says consultant and author Ana Ruiz.",
        "Wire via Ana Ruiz",
        "Reviving a brand is very difficult indeed",
    )]);
}

#[test]
fn first_names_days_and_unresolved_bodies() {
    // A known first name alone is a person, so "she" can be her.
    let cs = chains(
        "Ivo Brandt said the camp was full. Yolanda says she left Ostland at 17. She says both she and her husband lost their jobs.",
        "Wire",
    );
    assert_eq!(
        cs,
        [
            "Wire via Ivo Brandt",
            "Wire via Yolanda",
            "Wire via Yolanda"
        ]
    );
    // "today" between the name and the cue is no part of the name.
    one_each(&[(
        "Attorney General Ana Ruiz today said that she never spoke to the envoy.",
        "Wire via Ana Ruiz",
        "she never spoke to the envoy",
    )]);
    // An unresolved "the department" is no named source called "department".
    one_each(&[(
        "\"The dogs are ready,\" the department wrote in a post.",
        "Wire via ~the department",
        "The dogs are ready",
    )]);
}

#[test]
fn a_generic_body_described_by_its_country_is_the_body_that_spoke() {
    let cs = chains(
        "Brindle Group argued that the test was too hard. The Ostland firm said it would appeal the ruling.",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Brindle Group", "Wire via Brindle Group"]);
    one_each(&[(
        "A toy was designed by a girl, the Ostland company said.",
        "Wire via ~the Ostland company",
        "A toy was designed by a girl",
    )]);
    // A capitalised head names the body ("the Soufan Group").
    one_each(&[(
        "Fewer people sign up, the Soufan Group said.",
        "Wire via Soufan Group",
        "Fewer people sign up",
    )]);
}

#[test]
fn descriptions_that_name_no_source() {
    // The name after a description that holds a person is that person's.
    one_each(&[
        (
            "Ana Ruiz, an attorney for the girl's father, Ivo Brandt, said the teen was taken in January.",
            "Wire via Ana Ruiz",
            "the teen was taken in January",
        ),
        // A capitalised modifier before a plural common noun is no name.
        (
            "Party moderates say the bill will push people off coverage.",
            "Wire via ~Party moderates",
            "the bill will push people off coverage",
        ),
        // An indefinite body described by its country is unnamed.
        (
            "Scams peak in February, an Ostland government body has warned.",
            "Wire via ~an Ostland government body",
            "Scams peak in February",
        ),
    ]);
    // "The opposition" is no role noun for the person who spoke last.
    let cs = chains(
        "Ivo Brandt said the talks would resume. The opposition has also said any talks must include the militias.",
        "Wire",
    );
    assert!(
        cs.iter().filter(|c| c.contains("Ivo Brandt")).count() == 1,
        "{cs:?}"
    );
}

#[test]
fn a_bodys_name_run_into_a_persons_name_gives_the_person() {
    one_each(&[(
        "Professor of Law at the University of Dravel Sean Brandt said the network was closed.",
        "Wire via Sean Brandt",
        "the network was closed",
    )]);
}

#[test]
fn partial_quotations_before_a_content_first_speaker() {
    one_each(&[
        // Two quoted phrases in the claim, the second closed by a comma.
        (
            "The missile is such a \"quantum leap\" that defences may be \"obsolete,\" analyst Tim Brandt told the Herald.",
            "Wire via Herald via Tim Brandt",
            "The missile is such a \"quantum leap\" that defences may be \"obsolete",
        ),
        // A clause after the quoted phrase belongs to the claim.
        (
            "The missile is a \"quantum leap,\" it could make defences obsolete, analyst Tim Brandt said.",
            "Wire via Tim Brandt",
            "The missile is a \"quantum leap,\" it could make defences obsolete",
        ),
        // A description and a name after the quoted phrase stay the speaker.
        (
            "She became \"increasingly upset,\" her lawyer, Ana Ruiz, said.",
            "Wire via Ana Ruiz",
            "She became \"increasingly upset",
        ),
    ]);
}

#[test]
fn a_preposition_or_gerund_before_a_first_name_is_no_part_of_it() {
    let cs = chains(
        "Ivo Brandt was 25 in 2011. Like Lina, he was studying architecture. Meeting Lina and working with her changed his mind. \"There is still hope,\" Lina says.",
        "Wire",
    );
    assert_eq!(cs, vec!["Wire via Lina".to_string()], "{cs:?}");
}

#[test]
fn a_persons_lawyer_is_someone_else_and_an_office_speaks_for_the_person() {
    one_each(&[
        (
            "Ana Ruiz was convicted on Monday. Her lawyer said she will appeal.",
            "Wire via ~Her lawyer",
            "she will appeal",
        ),
        (
            "Ivo Brandt, a Dravel attorney, called his client an entrepreneur. His attorney concedes that the client was not secretive.",
            "Wire via Ivo Brandt",
            "the client was not secretive",
        ),
        (
            "Ana Ruiz visited the base last week, her office confirmed.",
            "Wire via Ana Ruiz",
            "Ana Ruiz visited the base last week",
        ),
        (
            "Ana Ruiz died on Tuesday at the age of 87, her foundation said.",
            "Wire via ~her foundation",
            "Ana Ruiz died on Tuesday at the age of 87",
        ),
    ]);
}

#[test]
fn a_bare_surname_is_not_a_relative_named_for_someone() {
    // A relative who spoke yields to another speaker of the name.
    let cs = chains(
        "President Ivo Brandt said the wall will be built. His son, Tomas Brandt, said the business is fine. Brandt said the wall is cheap.",
        "Wire",
    );
    assert_eq!(
        cs,
        vec![
            "Wire via Ivo Brandt".to_string(),
            "Wire via Tomas Brandt".to_string(),
            "Wire via Ivo Brandt".to_string()
        ]
    );
    // A relative named after the bare surname was in use is not what it stands for.
    let cs = chains(
        "Brandt is popular. He took the office his father, Pierre Brandt, held decades earlier. Brandt said the economy is fine.",
        "Wire",
    );
    assert_eq!(cs, vec!["Wire via Brandt".to_string()]);
    // The only bearer of the name who spoke is the one, relative or not.
    let cs = chains(
        "Ana Ruiz survived the crash. Ruiz's husband Tomas Ruiz said his wife was stable. Her relatives were coming to help, Ruiz said.",
        "Wire",
    );
    assert_eq!(
        cs,
        vec![
            "Wire via Tomas Ruiz".to_string(),
            "Wire via Tomas Ruiz".to_string()
        ]
    );
}

#[test]
fn people_of_a_body_are_the_named_body_or_unnamed() {
    one_each(&[
        (
            "The leaders of the Senate panel said Ivo Brandt had agreed to be interviewed.",
            "Wire via ~The leaders of the Senate panel",
            "Ivo Brandt had agreed to be interviewed",
        ),
        (
            "Members of the Dravel Intelligence Committee said Ivo Brandt had agreed to be interviewed.",
            "Wire via Dravel Intelligence Committee",
            "Ivo Brandt had agreed to be interviewed",
        ),
        (
            "Critics of the move say it would give commanders more room.",
            "Wire via ~Critics of the move",
            "it would give commanders more room",
        ),
    ]);
}

#[test]
fn a_subordinate_clause_after_an_according_to_source_ends_it() {
    one_each(&[(
        "The spillway was damaged, according to the Dravel Department of Water Resources as photos showed a hole.",
        "Wire via Dravel Department of Water Resources",
        "The spillway was damaged",
    )]);
}

#[test]
fn a_clock_time_and_a_capitalised_title_do_not_cut_the_statement() {
    one_each(&[
        (
            "The girl was wounded at around 7:15 p.m. and taken to hospital, WDRV reported.",
            "Wire via WDRV",
            "The girl was wounded at around 7:15 p.m. and taken to hospital",
        ),
        (
            "Ana Ruiz, Managing Director of the Federal Association of the Water Industry-(BWI) told the Herald that January was cold.",
            "Wire via Herald via Ana Ruiz",
            "January was cold",
        ),
    ]);
}

#[test]
fn a_determiner_after_a_named_medium_opens_the_claim() {
    one_each(&[(
        "The Dravel police said on Twitter an operation was under way after a person was hurt by a parcel.",
        "Wire via Dravel police",
        "an operation was under way after a person was hurt by a parcel",
    )]);
}

#[test]
fn a_number_opens_a_content_clause_without_that() {
    one_each(&[(
        "The Dravel Budget Office estimated 24 million people would lose their insurance.",
        "Wire via Dravel Budget Office",
        "24 million people would lose their insurance",
    )]);
}

#[test]
fn a_brand_unit_named_for_a_country_keeps_its_first_word() {
    one_each(&[(
        "Aston Martin China said the policy may have some impact on sales.",
        "Wire via Aston Martin China",
        "the policy may have some impact on sales",
    )]);
}

#[test]
fn an_owners_spokesperson_is_the_owner() {
    one_each(&[
        (
            "SIPTU's spokesman said the workers were astonished.",
            "Wire via SIPTU",
            "the workers were astonished",
        ),
        (
            "Ana Ruiz met the envoy. Ruiz's spokeswoman said the two would talk about security.",
            "Wire via Ana Ruiz",
            "the two would talk about security",
        ),
    ]);
}

#[test]
fn a_spokesperson_from_or_at_a_body_is_the_body() {
    one_each(&[
        (
            "Prosecutors will look at the case, a spokesperson from the Dravel interior ministry told the Herald.",
            "Wire via Herald via Dravel interior ministry",
            "Prosecutors will look at the case",
        ),
        (
            "A spokesman at the Dravel Interior Ministry said prosecutors will look at the case.",
            "Wire via Dravel Interior Ministry",
            "prosecutors will look at the case",
        ),
    ]);
}

#[test]
fn adding_a_thing_to_something_is_no_statement() {
    let cs = chains(
        "Four more senators added their support to a growing effort to block the vote. Dravel Motors added 211,000 vehicles to a 2015 recall.",
        "Wire",
    );
    assert!(cs.is_empty(), "{cs:?}");
    one_each(&[(
        "Ana Ruiz added the association wanted to reassure people.",
        "Wire via Ana Ruiz",
        "the association wanted to reassure people",
    )]);
}

#[test]
fn people_at_a_named_employer_are_the_employer() {
    one_each(&[
        (
            "Analysts at Dravelbank said the world is moving to a new rate paradigm.",
            "Wire via Dravelbank",
            "the world is moving to a new rate paradigm",
        ),
        (
            "An employee at Ostland Robotics said some of its robots had been sold abroad.",
            "Wire via Ostland Robotics",
            "some of its robots had been sold abroad",
        ),
    ]);
}

#[test]
fn stressing_a_need_or_importance_is_no_statement() {
    let cs = chains(
        "Ana Ruiz stressed the need to work together with Ostland officials. The minister underlined the importance of the harbour ties.",
        "Wire",
    );
    assert!(cs.is_empty(), "{cs:?}");
    one_each(&[(
        "Ana Ruiz stressed the need to act was urgent.",
        "Wire via Ana Ruiz",
        "the need to act was urgent",
    )]);
}

#[test]
fn declaring_an_emergency_or_war_is_an_act_not_a_statement() {
    let cs = chains(
        "Governor Ana Ruiz declared a state of emergency in the valley. Ostland declared war on its neighbour. The council declared the floods a national disaster. Mayor Ivo Brandt declared a \"curfew\" until Friday.",
        "Wire",
    );
    assert!(cs.is_empty(), "{cs:?}");
    one_each(&[
        (
            "Ana Ruiz declared the war was over.",
            "Wire via Ana Ruiz",
            "the war was over",
        ),
        (
            "Ana Ruiz declared the bridge safe for traffic.",
            "Wire via Ana Ruiz",
            "the bridge safe for traffic",
        ),
    ]);
}

#[test]
fn states_before_against_or_such_as_is_a_plural_noun() {
    let cs = chains(
        "The pact unites Ostland-majority states against the rebels. Several Ostland states such as Vell and Marrow follow the ruling.",
        "Wire",
    );
    assert!(cs.is_empty(), "{cs:?}");
    one_each(&[(
        "The Vell Port Authority states that the harbour is closed.",
        "Wire via Vell Port Authority",
        "the harbour is closed",
    )]);
}

#[test]
fn a_statement_posted_somewhere_saying_is_its_posters() {
    one_each(&[
        (
            "The Vell Port Authority posted a statement on its Facebook page saying the harbour was closed.",
            "Wire via Vell Port Authority",
            "the harbour was closed",
        ),
        (
            "Dock workers sent a letter to the mayor yesterday saying the cranes were broken.",
            "Wire via ~Dock workers",
            "the cranes were broken",
        ),
    ]);
}

#[test]
fn a_cue_inside_a_participles_content_is_part_of_it() {
    // The participle's statement holds the inner cue, as "said parents complained"
    // does; the platform named on the way is nobody's speaker.
    one_each(&[(
        "The Vell Port Authority posted a statement on its Facebook page saying parents complained the water was dirty.",
        "Wire via Vell Port Authority",
        "parents complained the water was dirty",
    )]);
    // A closing cue after the participle still speaks for the whole sentence.
    one_each(&[(
        "Care homes have closed wards, saying they cannot pay staff, an Ostland Radio investigation has found.",
        "Wire via Ostland Radio",
        "Care homes have closed wards, saying they cannot pay staff",
    )]);
}

#[test]
fn a_group_described_before_is_the_organization() {
    one_each(&[(
        "Velmo Aid, a group that helps older people, shares her concern. The organization said the bill would raise costs.",
        "Wire via Velmo Aid",
        "the bill would raise costs",
    )]);
}

#[test]
fn a_body_named_before_a_place_is_the_speaker() {
    one_each(&[
        (
            "The Vell Weather Service in New Ostberg City said the roads were closed.",
            "Wire via Vell Weather Service",
            "the roads were closed",
        ),
        (
            "The roads were closed, according to the Ostland Union in South Vell.",
            "Wire via Ostland Union",
            "The roads were closed",
        ),
    ]);
}

#[test]
fn a_member_is_a_person_described() {
    // "FARC member Ana Ruiz" names a person, whom "she" is later.
    let cs = chains_and_claims(
        "Camps were built for rebel member Ana Ruiz and others. Ruiz, 54, has fought since 14. She said she was hopeful for the future.",
    );
    assert_eq!(
        cs,
        [(
            "Wire via Ana Ruiz".to_string(),
            "she was hopeful for the future".to_string()
        )]
    );
    one_each(&[(
        "The Ostland member of parliament told reporters he met the envoy twice.",
        "Wire via ~The Ostland member of parliament",
        "he met the envoy twice",
    )]);
}

#[test]
fn people_after_a_capitalised_listener_word_are_listeners() {
    one_each(&[(
        "Ana Ruiz told Ostland diplomats that the ferry would sail on Monday.",
        "Wire via Ana Ruiz",
        "the ferry would sail on Monday",
    )]);
}

#[test]
fn an_agency_described_keeps_its_description() {
    one_each(&[
        (
            "Many families have fled, the UN refugee agency said on Monday.",
            "Wire via UN refugee agency",
            "Many families have fled",
        ),
        (
            "Many families have fled, the Vellpress news agency said on Monday.",
            "Wire via Vellpress",
            "Many families have fled",
        ),
    ]);
}

#[test]
fn called_after_an_indefinite_thing_names_it() {
    let cs = chains(
        "Ostland created a new unit called Vellmo, which aims to make cars. A rare plant species called the \"marsh fennel\" would die out.",
        "Wire",
    );
    assert!(cs.is_empty(), "{cs:?}");
    one_each(&[(
        "An official called the plan \"a disaster\".",
        "Wire via ~An official",
        "the plan \"a disaster",
    )]);
}

#[test]
fn a_participle_after_a_quotation_is_no_speaker() {
    one_each(&[(
        "\"Ivo Brandt was elected to head the port board\", succeeding Ana Ruiz, the officials said.",
        "Wire via ~the officials",
        "Ivo Brandt was elected to head the port board",
    )]);
}

#[test]
fn a_name_in_commas_after_a_title_is_the_next_pronoun() {
    let text = "Ivo Brandt said the talks would start in June. The Foreign Secretary, Ana Ruiz, expressed her delight at the outcome. \"It is a great day,\" she said.";
    assert_chains_and_claims(
        text,
        &[
            ("Wire via Ivo Brandt", "the talks would start in June"),
            ("Wire via Ana Ruiz", "It is a great day"),
        ],
    );
}

#[test]
fn a_statement_by_a_body_is_the_body() {
    let text = "A statement by the interior ministry said the camps were ready. \"The fence is done,\" the statement said. \"Guards are posted,\" said a statement by the Ostland Border Police.";
    assert_chains_and_claims(
        text,
        &[
            ("Wire via interior ministry", "the camps were ready"),
            ("Wire via interior ministry", "The fence is done"),
            ("Wire via Ostland Border Police", "Guards are posted"),
        ],
    );
}

#[test]
fn a_document_without_an_author_is_anonymous() {
    one_each(&[
        (
            "The report said the port had 609 ships.",
            "Wire via ~The report",
            "the port had 609 ships",
        ),
        (
            "The port, with 609 ships, led the list, the study found.",
            "Wire via ~the study",
            "The port, with 609 ships, led the list",
        ),
    ]);
}

#[test]
fn the_statement_is_the_speakers_who_spoke_in_it() {
    let text = "In a statement, Ana Ruiz said the harbour was closed. \"Ships wait outside,\" the statement said.";
    assert_chains_and_claims(
        text,
        &[
            ("Wire via Ana Ruiz", "the harbour was closed"),
            ("Wire via Ana Ruiz", "Ships wait outside"),
        ],
    );
}

#[test]
fn authorities_and_investigators_are_unnamed_groups() {
    one_each(&[
        (
            "Authorities say the port was closed.",
            "Wire via ~Authorities",
            "the port was closed",
        ),
        (
            "The ship sank after investigators said the hull had cracked.",
            "Wire via ~investigators",
            "the hull had cracked",
        ),
        (
            "Police said the port was closed.",
            "Wire via Police",
            "the port was closed",
        ),
    ]);
}

#[test]
fn a_letter_the_scrape_lost_stays_inside_the_name() {
    one_each(&[(
        "Finance Minister Wolfgang Sch?uble said the budget was balanced.",
        "Wire via Wolfgang Sch?uble",
        "the budget was balanced",
    )]);
}

#[test]
fn a_fronted_last_or_this_time_phrase_comes_before_the_subject() {
    let text = "Foreign Minister Ana Ruiz declined to comment. An official told the team that questions were banned. Last September, Ruiz spoke at the UN. \"You are going to hurt yourself,\" she said.";
    let got = chains(text, "Wire");
    assert_eq!(got, ["Wire via ~An official", "Wire via Ana Ruiz"]);
}

#[test]
fn the_role_is_the_one_introduced_last_even_with_a_modifier() {
    let text = "A senior port official said the meeting was short. An official representing the shipping firm responded on Wednesday, saying Ana Ruiz was the only executive there. \"The bank is not lending to us,\" the official said.";
    let got = chains(text, "Wire");
    assert_eq!(
        got,
        [
            "Wire via ~A senior port official",
            "Wire via ~An official representing the shipping firm",
            "Wire via ~An official representing the shipping firm",
        ]
    );
}

#[test]
fn everyday_bodies_are_resolved_or_unnamed() {
    one_each(&[
        (
            "Ana Ruiz visited the Dravel National Gallery. The gallery said the painting was scratched.",
            "Wire via Dravel National Gallery",
            "the painting was scratched",
        ),
        (
            "The electricity provider says supply may not return until the evening.",
            "Wire via ~The electricity provider",
            "supply may not return until the evening",
        ),
    ]);
}

#[test]
fn a_dated_document_is_its_authors_or_its_journals() {
    one_each(&[
        (
            "Most ports are full, according to a 2014 Dravel Research Center survey.",
            "Wire via Dravel Research Center",
            "Most ports are full",
        ),
        (
            "Most ports are full, according to a 2012 study in the Journal of Harbour Science.",
            "Wire via Journal of Harbour Science",
            "Most ports are full",
        ),
    ]);
}

#[test]
fn a_document_named_after_its_owner_is_the_owners() {
    one_each(&[(
        "Landlords prefer pets to tenants, a Herald investigation has found.",
        "Wire via Herald",
        "Landlords prefer pets to tenants",
    )]);
    let x = one(
        "Landlords prefer pets to tenants, a Wire investigation has found.",
        "Wire",
    );
    assert_eq!(x.chain.to_string(), "Wire via ~a Wire investigation");
    // A colon that opens another speaker's statement is not this cue's content.
    let cs = chains(
        "The inquiry, which followed a Herald report, found: Ana Ruiz, its chair, said: \"Our inquiry uncovered failures.\"",
        "Wire",
    );
    assert_eq!(cs, ["Wire via Ana Ruiz"]);
}

#[test]
fn a_per_cent_sign_stays_with_its_number() {
    one_each(&[(
        "Ana Ruiz said exports could grow by up to 5%.",
        "Wire via Ana Ruiz",
        "exports could grow by up to 5%",
    )]);
}

#[test]
fn a_name_after_a_lower_case_title_is_the_titled_person() {
    one_each(&[
        (
            "UK Harbourguard duty commander Ivo Brandt said the search would go on overnight.",
            "Wire via Ivo Brandt",
            "the search would go on overnight",
        ),
        (
            "Barrister Ana Ruiz said the van was not damaged.",
            "Wire via Ana Ruiz",
            "the van was not damaged",
        ),
        // "former" is no title's head: the place after it names nobody.
        (
            "A former New Dravel police officer said the port was closed.",
            "Wire via ~A former New Dravel police officer",
            "the port was closed",
        ),
    ]);
}

#[test]
fn a_doubled_that_before_a_quotation_is_skipped() {
    one_each(&[(
        "Asked about the visas, Ivo Brandt emphasized that that \"the issue is not on the agenda.\"",
        "Wire via Ivo Brandt",
        "the issue is not on the agenda.",
    )]);
}

#[test]
fn a_capital_lost_by_the_scrape_starts_a_name() {
    // "Bus Éireann" scraped as "Bus ?ireann": one name, a body ("the company").
    assert_chains_and_claims(
        "Bus ?ireann said the strike will cost it money. The company said talks had failed.",
        &[
            ("Wire via Bus ?ireann", "the strike will cost it money"),
            ("Wire via Bus ?ireann", "talks had failed"),
        ],
    );
}

#[test]
fn a_cue_set_off_by_commas_inside_the_claim_keeps_both_sides() {
    one_each(&[(
        "Ivo Brandt opened the hearing. Every lie told to the tribunal would, he said, be a waste of public money.",
        "Wire via Ivo Brandt",
        "Every lie told to the tribunal would be a waste of public money",
    )]);
}

#[test]
fn a_contrasting_clause_with_another_speaker_ends_the_claim() {
    let got = chains_and_claims(
        "Ana Ruiz has called the plan \"reckless,\" while port officials have described it as overdue.",
    );
    assert_eq!(
        got[0],
        (
            "Wire via Ana Ruiz".to_string(),
            "the plan \"reckless".to_string()
        )
    );
}

#[test]
fn states_closing_a_long_clause_is_a_noun() {
    // "… in Blue Nile and South Dravel states.": no closing cue (the scrape's dashes
    // join the sentence to the one before).
    assert_eq!(
        chains(
            "At least 300 people have died since the conflict began, the United Nations says.---- In 2011, similar rebellions against Brandt's regime also broke out in Blue Nile and South Dravel states.",
            "Wire"
        ),
        ["Wire via United Nations"]
    );
}

#[test]
fn an_adverb_ending_a_speakers_phrase_is_dropped() {
    one_each(&[(
        "Many media outlets wrongly reported that the envoy was arrested.",
        "Wire via ~Many media outlets",
        "the envoy was arrested",
    )]);
}

#[test]
fn the_vice_president_is_not_the_president_who_spoke() {
    // "the former vice president" is not the former president who spoke before.
    let got = chains(
        "Former President Ivo Brandt said the treaty held. Dravel also warned of unrest. The former vice president said times had changed.",
        "Wire",
    );
    assert_eq!(got[0], "Wire via Ivo Brandt");
    assert!(
        got[1..].iter().all(|c| !c.contains("Ivo Brandt")),
        "{got:?}"
    );
}

#[test]
fn a_connective_before_he_said_is_no_part_of_the_claim() {
    one_each(&[
        (
            "Ivo Brandt spoke last. However, he said, the port is still closed.",
            "Wire via Ivo Brandt",
            "the port is still closed",
        ),
        // One word that is no connective is the claim's subject.
        (
            "Ivo Brandt spoke last. Ships, he said, have to wait for days.",
            "Wire via Ivo Brandt",
            "Ships have to wait for days",
        ),
    ]);
}

#[test]
fn a_name_after_a_bodys_noun_names_the_body_not_the_speaker() {
    one_each(&[(
        "The lawmaker who drafted the order, Ivo Brandt, from the country's ruling party, United Dravelia, said the check was a response to calls abroad.",
        "Wire via Ivo Brandt",
        "the check was a response to calls abroad",
    )]);
}

#[test]
fn research_and_studies_opening_a_sentence_are_unnamed_documents() {
    one_each(&[
        (
            "Research shows that ships wait longer in winter.",
            "Wire via ~Research",
            "ships wait longer in winter",
        ),
        (
            "Studies show that ships wait longer in winter.",
            "Wire via ~Studies",
            "ships wait longer in winter",
        ),
    ]);
}

#[test]
fn an_age_between_a_name_and_its_apposition_is_skipped() {
    one_each(&[
        (
            "Ana Ruiz, 26, a freelance illustrator in Dravel City, says the trade lacks agents who help creators.",
            "Wire via Ana Ruiz",
            "the trade lacks agents who help creators",
        ),
        (
            "Molly Brandt, 32, Ivo's sister, said he had lived in the flat for a year.",
            "Wire via Molly Brandt",
            "he had lived in the flat for a year",
        ),
    ]);
}

#[test]
fn a_clause_joined_by_and_has_its_own_described_subject() {
    assert_chains_and_claims(
        "Ivo Brandt has called for public calm and his family has said they trust the courts of Dravel.",
        &[(
            "Wire via ~his family",
            "they trust the courts of Dravel"
        )],
    );
    one_each(&[(
        "Ostberg Minerals is reeling from the recall of its device and reports have suggested that it could face sanctions abroad.",
        "Wire via ~reports",
        "it could face sanctions abroad",
    )]);
}

#[test]
fn a_body_owned_by_a_named_place_is_that_body() {
    one_each(&[
        (
            "The reserves rose to 210 tons, Ruritania's central bank said.",
            "Wire via Ruritania's central bank",
            "The reserves rose to 210 tons",
        ),
        (
            "The Treasury's fraud division has long said that the scheme was legal.",
            "Wire via Treasury's fraud division",
            "the scheme was legal",
        ),
    ]);
    // A country's capital is a city, no body.
    assert_chains_and_claims(
        "Thousands rallied in Dravel's capital against tax rises that the government has said are needed.",
        &[],
    );
}

#[test]
fn a_statement_put_out_saying_needs_no_comma() {
    one_each(&[
        (
            "The Dravel Police Department has issued a statement saying that the chief recommended dismissing both sergeants.",
            "Wire via Dravel Police Department",
            "the chief recommended dismissing both sergeants",
        ),
        (
            "Five jurors signed statements saying they would have voted differently.",
            "Wire via ~Five jurors",
            "they would have voted differently",
        ),
    ]);
    // Someone else's document: no statement by the subject.
    assert_chains_and_claims(
        "Police disregarded her report saying she was in danger.",
        &[],
    );
}

#[test]
fn a_number_word_is_no_name() {
    one_each(&[(
        "Five judges at the court said the ruling was wrong.",
        "Wire via ~Five judges at the court",
        "the ruling was wrong",
    )]);
}

#[test]
fn reply_and_respond_need_a_clause() {
    // "responded swiftly …" is no content; the participle after it carries it.
    one_each(&[(
        "Ruiz responded swiftly Wednesday, strongly stating that she never discussed the port deal.",
        "Wire via Ruiz",
        "she never discussed the port deal",
    )]);
    assert_chains_and_claims("Three deputies responded to the call on Friday.", &[]);
}

#[test]
fn a_name_after_told_reporters_opens_the_content() {
    one_each(&[(
        "As he left the meeting, Brandt told reporters Ruiz asked if he would stay on.",
        "Wire via Brandt",
        "Ruiz asked if he would stay on",
    )]);
}

#[test]
fn the_agency_is_the_latest_body_unless_a_medium_relayed() {
    let text = "The Harbour Herald reported the fence was breached. A man was arrested after \
                climbing a barrier, the Dravel Coast Guard said. The man was detained at \
                once, the agency said in a statement.";
    assert_eq!(
        chains(text, "Wire")[2],
        "Wire via Dravel Coast Guard".to_string()
    );
    // A news agency that relayed the statement before stays "the agency".
    let text = "Ivo Brandt said the boats were moving fast, the Reuters news agency reported. \
                Ten passengers spent 15 minutes in the water, the agency said.";
    assert_eq!(chains(text, "Wire")[1], "Wire via Reuters".to_string());
}

#[test]
fn a_participle_with_that_after_the_claim_is_a_second_statement() {
    assert_chains_and_claims(
        "Election officials claimed that almost all voters cast their ballots on Sunday, saying that turnout was above 97 percent.",
        &[
            ("Wire via ~Election officials", "almost all voters cast their ballots on Sunday"),
            ("Wire via ~Election officials", "turnout was above 97 percent"),
        ],
    );
}

#[test]
fn an_affiliation_stays_when_it_is_all_that_names_a_body() {
    one_each(&[
        (
            "The Dravel-led coalition said the strike was carried out by a helicopter.",
            "Wire via Dravel-led coalition",
            "the strike was carried out by a helicopter",
        ),
        // With a name left, the affiliation goes.
        (
            "The Oslo-based Harbour Watch said the strike was carried out by a helicopter.",
            "Wire via Harbour Watch",
            "the strike was carried out by a helicopter",
        ),
        (
            "The Ostland Academy of Sciences said the survey was complete.",
            "Wire via Ostland Academy of Sciences",
            "the survey was complete",
        ),
    ]);
}

#[test]
fn a_possessive_outlet_after_the_cue_goes_on_to_its_person() {
    one_each(&[(
        "The leaders were longing for leadership, says CNN's Ana Ruiz.",
        "Wire via Ana Ruiz",
        "The leaders were longing for leadership",
    )]);
    assert_chains_and_claims(
        "A senior official told CNN's Ana Ruiz that the layoffs were likely.",
        &[(
            "Wire via CNN via ~A senior official",
            "the layoffs were likely",
        )],
    );
}

#[test]
fn a_pronoun_with_no_person_before_is_the_lone_surname_that_spoke() {
    let text = "Brandt said the exit hurt. \"The end of last season was tough,\" he told the Harbour Herald.";
    assert_eq!(
        chains(text, "Wire"),
        ["Wire via Brandt", "Wire via Harbour Herald via Brandt"]
    );
    // A place, a body or an acronym that spoke is nobody's "he".
    for body in ["Dravel Police", "NATO", "Pakistan"] {
        let text = format!("{body} said the exit hurt. \"It was tough,\" he said.");
        assert_eq!(chains(&text, "Wire").len(), 1, "{text}");
    }
}

#[test]
fn a_plural_of_people_or_findings_opening_a_sentence_is_no_name() {
    one_each(&[
        (
            "Opponents argue the plan will kill coal-mining jobs.",
            "Wire via ~Opponents",
            "the plan will kill coal-mining jobs",
        ),
        (
            "Others say the criticism is hypocritical.",
            "Wire via ~Others",
            "the criticism is hypocritical",
        ),
        // Findings and records so capitalised are unnamed documents.
        (
            "Tests showed that 96.8 percent of samples met standards.",
            "Wire via ~Tests",
            "96.8 percent of samples met standards",
        ),
    ]);
}

#[test]
fn a_capitalised_title_phrase_after_a_name_is_the_persons_title() {
    one_each(&[(
        "Such deals will continue, says Ana Ruiz-Brandt, Ostland Services Group Chairman for Deloitte.",
        "Wire via Ana Ruiz-Brandt",
        "Such deals will continue",
    )]);
}

#[test]
fn the_spokeswoman_again_is_whom_she_speaks_for() {
    let text = "Ivo Brandt met Ana Ruiz. A spokeswoman for Ruiz said the talks went well. \
                \"What happens now is that the deal must be enforced,\" the spokeswoman said.";
    assert_eq!(chains(text, "Wire"), ["Wire via Ruiz", "Wire via Ruiz"]);
}

#[test]
fn a_voice_for_a_described_person_is_that_person() {
    one_each(&[(
        "The talks failed, a spokesman for the Dravelian president said.",
        "Wire via ~the Dravelian president",
        "The talks failed",
    )]);
    let text = "Prime Minister Ana Ruiz will write to the council. The talks failed, a \
                spokesman for the Dravelian leader said.";
    assert_eq!(chains(text, "Wire"), ["Wire via Ana Ruiz"]);
}

#[test]
fn a_prepositional_phrase_after_a_closing_cue_is_no_claim() {
    one_each(&[(
        "More than 260,000 inmates are held in 148 prisons, the report said, with the overcrowding forcing inmates to live in harsh conditions.",
        "Wire via ~the report",
        "More than 260,000 inmates are held in 148 prisons",
    )]);
}

#[test]
fn a_web_address_is_a_publication_and_its_full_stop_ends_the_sentence() {
    assert_chains_and_claims(
        "The ladder gave way under her, Police Chief Ivo Brandt told Dravel.com. She was hurt.",
        &[(
            "Wire via Dravel.com via Ivo Brandt",
            "The ladder gave way under her",
        )],
    );
    assert_chains_and_claims(
        "More than 4,000 flights were cancelled, according to FlightTracker.com.",
        &[(
            "Wire via FlightTracker.com",
            "More than 4,000 flights were cancelled",
        )],
    );
}

#[test]
fn a_pronoun_after_a_subordinator_is_the_sentence_subject_not_a_place_in_its_object() {
    // The object of "visited" is no speaker; the sentence's subject is.
    let text = "Ivo Brandt said the talks went well. He arrived in North Ostland from \
                Ruritania, where he said that years of efforts to disarm the North had failed.";
    assert_eq!(
        chains(text, "Wire"),
        ["Wire via Ivo Brandt", "Wire via Ivo Brandt"]
    );
    // A subject the sentence opens with, named after another speaker.
    let text = "Ana Ruiz said the talks went well. Ivo Brandt angered Ruiz when he said \
                that the port would stay closed all winter.";
    assert_eq!(
        chains(text, "Wire"),
        ["Wire via Ana Ruiz", "Wire via Ivo Brandt"]
    );
    // No person in the main clause and none noted: no source.
    let text = "Ana Ruiz said the talks went well. The mood in South Korea changed when \
                she said that the port would stay closed all winter.";
    assert_eq!(chains(text, "Wire"), ["Wire via Ana Ruiz"]);
}

#[test]
fn unnamed_media_citing_their_sources_are_a_middle_hop() {
    one_each(&[(
        "Ostlandic media reports, citing unidentified government sources, said two envoys had left the capital.",
        "Wire via ~Ostlandic media reports via ~unidentified government sources",
        "two envoys had left the capital",
    )]);
}

#[test]
fn prof_before_a_surname_is_a_title() {
    let text =
        "Professor Ana Ruiz said the study was small. Prof Ruiz said the results were clear.";
    assert_eq!(
        chains(text, "Wire"),
        ["Wire via Ana Ruiz", "Wire via Ana Ruiz"]
    );
}

#[test]
fn a_role_after_a_claim_about_a_person_is_the_one_introduced_with_it() {
    let text = "Ivo Brandt, an attorney for the girl's father, Tom Ade, said the events began in \
                January. The principal, Ana Ruiz, said the school acted at once. Tom Ade was \
                upset to learn the teacher was still teaching, the attorney said.";
    assert_eq!(
        chains(text, "Wire"),
        [
            "Wire via Ivo Brandt",
            "Wire via Ana Ruiz",
            "Wire via Ivo Brandt"
        ]
    );
}

#[test]
fn an_inverted_speaker_may_be_followed_by_a_clause_about_them() {
    one_each(&[
        (
            "Parents are keen to use technology, says Ana Ruiz, a manager at Ostberg, because it is one area where they struggle.",
            "Wire via Ana Ruiz",
            "Parents are keen to use technology",
        ),
        (
            "The aides who stay are a special breed, said Ivo Brandt, of Lima, who has worked as an aide for nine years.",
            "Wire via Ivo Brandt",
            "The aides who stay are a special breed",
        ),
    ]);
}

#[test]
fn a_name_that_a_role_belongs_to_is_not_the_speaker() {
    one_each(&[
        (
            "The star of Harbour Lights said the roles were hard to find.",
            "Wire via ~The star of Harbour Lights",
            "the roles were hard to find",
        ),
        (
            "An adviser to President Ana Ruiz said the talks were useful.",
            "Wire via ~An adviser to President Ana Ruiz",
            "the talks were useful",
        ),
    ]);
}

#[test]
fn a_birthplace_is_no_part_of_a_name() {
    let text = "Actress Ana Ruiz has said she cannot work here. Lima-born Ruiz said the \
                dramas made for slim pickings.";
    assert_eq!(
        chains(text, "Wire"),
        ["Wire via Ana Ruiz", "Wire via Ana Ruiz"]
    );
}

#[test]
fn a_name_before_a_role_noun_is_a_modifier_not_the_subject() {
    let text = "Ivo Brandt said the dam held. Ostland Fire Incident commander, Tom Ade, said \
                officials stood by the decision. He said a wall of water could follow.";
    assert_eq!(
        chains(text, "Wire"),
        [
            "Wire via Ivo Brandt",
            "Wire via Tom Ade",
            "Wire via Tom Ade"
        ]
    );
}

#[test]
fn an_unresolved_company_is_the_body_its_claim_opens_with() {
    one_each(&[
        (
            "Ostberg has begun consultations on closing the field, the company said.",
            "Wire via Ostberg",
            "Ostberg has begun consultations on closing the field",
        ),
        // Not a number, a person or a place.
        (
            "Twenty-five percent of firms have no female directors, the company said.",
            "Wire via ~the company",
            "Twenty-five percent of firms have no female directors",
        ),
    ]);
}

#[test]
fn a_possessive_description_after_a_name_defers_to_it() {
    one_each(&[(
        "Ostmart Inc, Ruritania's second-largest online retailer, says the new plan will help small traders.",
        "Wire via Ostmart Inc",
        "the new plan will help small traders",
    )]);
}

#[test]
fn a_statement_made_by_saying_is_the_main_clauses_subjects() {
    one_each(&[
        (
            "Ostland angered its neighbour by saying it would close the border in May.",
            "Wire via Ostland",
            "it would close the border in May",
        ),
        (
            "The site won the award, with the committee justifying it by explaining that the design was unique.",
            "Wire via ~the committee",
            "the design was unique",
        ),
    ]);
}

#[test]
fn condemning_or_denouncing_as_is_an_evaluative_statement() {
    one_each(&[(
        "Ana Ruiz condemned the missile launch as absolutely intolerable and reckless.",
        "Wire via Ana Ruiz",
        "the missile launch as absolutely intolerable and reckless",
    )]);
    // Without "as" nothing is stated.
    assert!(chains(
        "Ana Ruiz condemned the attack on the convoy on Monday.",
        "Wire"
    )
    .is_empty());
    assert!(chains(
        "Ana Ruiz denounced the \"illegal\" raid on the harbour.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn a_plural_body_described_is_unnamed() {
    one_each(&[
        (
            "Ostlandic authorities said the substance was a nerve agent.",
            "Wire via ~Ostlandic authorities",
            "the substance was a nerve agent",
        ),
        (
            "Local authorities said the bomb squad had finished its search.",
            "Wire via ~Local authorities",
            "the bomb squad had finished its search",
        ),
    ]);
}

#[test]
fn a_counted_span_of_time_after_the_cue_dates_the_telling() {
    one_each(&[
        (
            "Ostland Radio reported a day earlier that the bridge had closed.",
            "Wire via Ostland Radio",
            "the bridge had closed",
        ),
        (
            "Ana Ruiz said two weeks ago the plant would reopen.",
            "Wire via Ana Ruiz",
            "the plant would reopen",
        ),
        (
            "Ana Ruiz said a few days later that the plant would reopen.",
            "Wire via Ana Ruiz",
            "the plant would reopen",
        ),
    ]);
}

#[test]
fn a_mediums_name_in_quotation_marks_is_a_name_not_a_quotation() {
    one_each(&[
        (
            "The ferry will sail again, Ana Ruiz said in an interview with the weekly \"Ostland Post.\"",
            "Wire via Ostland Post via Ana Ruiz",
            "The ferry will sail again",
        ),
        (
            "\"The ferry will sail again,\" Ana Ruiz told the daily \"Nordposten\" in 2015.",
            "Wire via Nordposten via Ana Ruiz",
            "The ferry will sail again",
        ),
        // Unquoted, after a nationality: the name, not "German daily".
        (
            "\"The ferry will sail again,\" Ana Ruiz told the German daily Nordposten in 2015.",
            "Wire via Nordposten via Ana Ruiz",
            "The ferry will sail again",
        ),
    ]);
    // A quotation after a medium that is a sentence stays a quotation.
    one_each(&[(
        "Ana Ruiz told the newspaper \"we will sail again.\"",
        "Wire via Ana Ruiz",
        "we will sail again.",
    )]);
}

#[test]
fn counted_figures_are_the_latest_bodys_not_the_latest_outlets() {
    let got = chains(
        "Exports fell, Reuters reported. Imports fell by a third, the Ostland statistics office said. Visits were flat, the figures showed.",
        "Wire",
    );
    assert_eq!(
        got.last().map(String::as_str),
        Some("Wire via Ostland statistics office")
    );
}

#[test]
fn a_nationality_alone_is_never_a_source() {
    assert!(chains(
        "There are 300 roads crossing the Irish border and no-one is suggesting there will be checks on each one.",
        "Wire"
    )
    .is_empty());
    one_each(&[(
        "The ferry sank off the coast, the Turkish coastguard said.",
        "Wire via Turkish coastguard",
        "The ferry sank off the coast",
    )]);
}

#[test]
fn a_long_title_of_agency_copy_still_names_the_speaker() {
    one_each(&[(
        "The ferry line will reopen in May, Chairman of the Ruritanian-Ostlandic Business Council at Ruritania's Chamber of Commerce and Industry Ivo Brandt told TASS on Thursday.",
        "Wire via TASS via Ivo Brandt",
        "The ferry line will reopen in May",
    )]);
}

#[test]
fn a_couple_or_family_unresolved_is_an_unnamed_group() {
    one_each(&[(
        "The couple said they would not meet the board again.",
        "Wire via ~The couple",
        "they would not meet the board again",
    )]);
}

#[test]
fn a_message_posted_at_a_time_saying_is_its_authors() {
    one_each(&[
        (
            "Ana Ruiz posted a message this morning saying the story was false.",
            "Wire via Ana Ruiz",
            "the story was false",
        ),
        (
            "Ana Ruiz tweeted a message saying \"The story is false.\"",
            "Wire via Ana Ruiz",
            "The story is false.",
        ),
    ]);
}

#[test]
fn a_document_of_a_topic_is_an_unnamed_document() {
    one_each(&[(
        "The officer believed her, according to a record of the interview.",
        "Wire via ~a record of the interview",
        "The officer believed her",
    )]);
}

#[test]
fn a_counted_object_of_reported_is_a_checkable_fact() {
    one_each(&[
        (
            "The Velmoran Coast Guard reported 14 rescues on Saturday.",
            "Wire via Velmoran Coast Guard",
            "14 rescues on Saturday",
        ),
        (
            "Ostlandic officers reported seven ceasefire violations near the border.",
            "Wire via ~Ostlandic officers",
            "seven ceasefire violations near the border",
        ),
    ]);
    // An uncounted object is no fact checked here.
    assert!(chains("The company reported a loss.", "Wire").is_empty());
}

#[test]
fn an_absolute_with_clause_has_its_own_speaker() {
    one_each(&[
        (
            "Water reached the second floor of the clinic, with residents saying the alarm never sounded.",
            "Wire via ~residents",
            "the alarm never sounded",
        ),
        (
            "The talks ended early, with Ana Ruiz telling reporters that no deal was near.",
            "Wire via Ana Ruiz",
            "no deal was near",
        ),
    ]);
    // "with" as the main verb's preposition opens no clause.
    assert!(chains(
        "Ana Ruiz agreed with Ivo Brandt saying the term was not helpful.",
        "Wire"
    )
    .iter()
    .all(|c| c != "Wire via Ivo Brandt"));
}

#[test]
fn people_named_by_a_plural_in_men_or_where_they_are_are_unnamed() {
    one_each(&[
        (
            "Fishermen in Dravel are saying the catch has halved since spring.",
            "Wire via ~Fishermen",
            "the catch has halved since spring",
        ),
        (
            "Local gunmen said they would hold the bridge.",
            "Wire via ~Local gunmen",
            "they would hold the bridge",
        ),
    ]);
}

#[test]
fn a_sentence_adverb_before_the_subject_is_no_part_of_it() {
    // Rulebook R2, example 21: the publisher as listener adds no hop.
    assert_chains_and_claims(
        "Piet Varnum told reporters the strike was over. Later he told the Wire that wages would rise.",
        &[
            ("Wire via Piet Varnum", "the strike was over"),
            ("Wire via Piet Varnum", "wages would rise"),
        ],
    );
    assert_chains_and_claims(
        "Ana Ruiz left the port. Earlier, Ivo Brandt said the catch would halve.",
        &[("Wire via Ivo Brandt", "the catch would halve")],
    );
}

#[test]
fn a_role_never_resolves_to_an_unnamed_group_or_medium() {
    // Rulebook R3, example 34 (the rulebook names the role; anonymous here, as every
    // unresolved role is, rather than the unnamed medium before it).
    assert_chains_and_claims(
        "State media said the governor had resigned, while the Ostlandic attorney general said no charges had been filed.",
        &[
            ("Wire via ~State media", "the governor had resigned"),
            (
                "Wire via ~the Ostlandic attorney general",
                "no charges had been filed",
            ),
        ],
    );
}

#[test]
fn an_inverted_speaker_may_be_named_after_its_kind() {
    one_each(&[
        (
            "The ban is in effect, said research firm Ostdata.",
            "Wire via Ostdata",
            "The ban is in effect",
        ),
        (
            "The ban is in effect, said news agency Ostpress.",
            "Wire via Ostpress",
            "The ban is in effect",
        ),
    ]);
}

#[test]
fn a_document_with_a_modifier_is_unnamed_unless_a_body_issued_it() {
    one_each(&[
        (
            "Leasing will take a fifth of the market, the research note said.",
            "Wire via ~the research note",
            "Leasing will take a fifth of the market",
        ),
        // An article is a medium's: with none before it, unnamed.
        (
            "The hackers changed the profile image, the article stated.",
            "Wire via ~the article",
            "The hackers changed the profile image",
        ),
    ]);
    assert_chains_and_claims(
        "Ostbank said it would sell the unit. Its reserves were enough to pay every customer, the press release said.",
        &[
            ("Wire via Ostbank", "it would sell the unit"),
            (
                "Wire via Ostbank",
                "Its reserves were enough to pay every customer",
            ),
        ],
    );
}

#[test]
fn an_indefinite_voice_of_an_unnamed_body_is_unnamed() {
    one_each(&[(
        "A lawyer for the officer charged with theft said any damage was done by accident.",
        "Wire via ~A lawyer for the officer charged with theft",
        "any damage was done by accident",
    )]);
}

#[test]
fn a_source_opening_a_reported_clause_or_a_quotation_is_one_more_hop() {
    one_each(&[
        // Rulebook R2, nesting: one hop per level, the outer speaker only relays.
        (
            "Ostwind Radio reported that harbour master Ida Brenner said three barges were missing.",
            "Wire via Ostwind Radio via Ida Brenner",
            "three barges were missing",
        ),
        (
            "The Ports Ministry said the Lune Port Authority had reported that two cranes were damaged.",
            "Wire via Ports Ministry via Lune Port Authority",
            "two cranes were damaged",
        ),
        (
            "\"Witnesses say the hull is cracked in two places,\" the inspector Ivo Marek said.",
            "Wire via Ivo Marek via ~Witnesses",
            "the hull is cracked in two places",
        ),
        // Nothing follows an unnamed hop: the claim stays whole.
        (
            "Officials said residents say the water is not fit to drink.",
            "Wire via ~Officials",
            "residents say the water is not fit to drink",
        ),
        // Not a source: a noun "say", an adjective "said", a clause, a pronoun.
        (
            "Ida Brenner said the council would get a say on the final plan.",
            "Wire via Ida Brenner",
            "the council would get a say on the final plan",
        ),
        (
            "Ida Brenner said the said decision was void from the start.",
            "Wire via Ida Brenner",
            "the said decision was void from the start",
        ),
        (
            "Ida Brenner said what the council said was wrong and unfair.",
            "Wire via Ida Brenner",
            "what the council said was wrong and unfair",
        ),
        (
            "Ida Brenner said she said the plan was wrong from the start.",
            "Wire via Ida Brenner",
            "she said the plan was wrong from the start",
        ),
    ]);
}

#[test]
fn a_noun_cue_by_a_body_with_its_kind_or_by_unnamed_people_gives_their_statement() {
    // Rulebook examples 24 and 26: nested under a named speaker when inside what that
    // speaker said; on its own when it is the object of the cue (a denial relays
    // nothing).
    assert_chains_and_claims(
        "Police said they could not confirm a claim from the Ostmark Front group that it set the fire.",
        &[
            (
                "Wire via Police",
                "they could not confirm a claim from the Ostmark Front group that it set the fire",
            ),
            ("Wire via Police via Ostmark Front group", "it set the fire"),
        ],
    );
    assert_chains_and_claims(
        "Ida Brenner denied claims by local activists that the mill had closed.",
        &[
            (
                "Wire via Ida Brenner",
                "claims by local activists that the mill had closed",
            ),
            ("Wire via ~local activists", "the mill had closed"),
        ],
    );
    // A definite description is no owner: whose it is would be a guess.
    assert_chains_and_claims(
        "Ida Brenner denied claims by the activists that the mill had closed.",
        &[(
            "Wire via Ida Brenner",
            "claims by the activists that the mill had closed",
        )],
    );
}

#[test]
fn an_unlisted_medium_told_something_relays_it() {
    one_each(&[
        (
            "Ida Brenner told the Lakeside Courant that the mill had closed.",
            "Wire via Lakeside Courant via Ida Brenner",
            "the mill had closed",
        ),
        (
            "Ida Brenner told Grainline that the mill had closed.",
            "Wire via Grainline via Ida Brenner",
            "the mill had closed",
        ),
        (
            "Her son told KVLM that she had always helped her neighbours.",
            "Wire via KVLM via ~Her son",
            "she had always helped her neighbours",
        ),
        // Not media: a person named before, a chamber, a nationality, a name that
        // runs on, a plural acronym.
        (
            "Mayor Ivo Marek met the minister. Ana Ruiz told Marek that the mill had closed.",
            "Wire via Ana Ruiz",
            "the mill had closed",
        ),
        (
            "Ida Brenner told the Storting that the mill had closed.",
            "Wire via Ida Brenner",
            "the mill had closed",
        ),
        (
            "Ida Brenner told Ostlandic officials that the mill had closed.",
            "Wire via Ida Brenner",
            "the mill had closed",
        ),
        (
            "Ida Brenner told MPs that the mill had closed.",
            "Wire via Ida Brenner",
            "the mill had closed",
        ),
    ]);
    // A word the article gives a first name is a person's.
    assert_chains_and_claims(
        "Ida Brenner told Voss that the mill had closed. The talks were chaired by Karl Voss.",
        &[("Wire via Ida Brenner", "the mill had closed")],
    );
}

#[test]
fn the_medium_that_carried_a_piece_relays_it() {
    one_each(&[
        (
            "Ida Brenner said the mill had closed, according to a report in the Lakeside Courant.",
            "Wire via Lakeside Courant via Ida Brenner",
            "the mill had closed",
        ),
        (
            "Ida Brenner said the mill had closed, according to an interview published by the Lakeside Courant.",
            "Wire via Lakeside Courant via Ida Brenner",
            "the mill had closed",
        ),
        (
            "In a Reuters interview, Ida Brenner said the mill had closed.",
            "Wire via Reuters via Ida Brenner",
            "the mill had closed",
        ),
        (
            "Ida Brenner said in a Fox News interview that the mill had closed.",
            "Wire via Fox News via Ida Brenner",
            "the mill had closed",
        ),
        // A date before "interview" is no medium.
        (
            "In a December interview, Ida Brenner said the mill had closed.",
            "Wire via Ida Brenner",
            "the mill had closed",
        ),
        // A report "by" a body is its author's, no medium's.
        (
            "Ida Brenner said the mill had closed, according to a report by the Ostmark Mill Workers Union.",
            "Wire via Ida Brenner",
            "the mill had closed",
        ),
    ]);
}

#[test]
fn an_honorific_picks_the_bearer_of_a_surname_of_that_sex() {
    assert_chains_and_claims(
        "Judge Michelle Varga heard Peter Varga's claim. Mr Varga said his van never moved. Ms Varga said the claim failed.",
        &[
            ("Wire via Peter Varga", "his van never moved"),
            ("Wire via Michelle Varga", "the claim failed"),
        ],
    );
}

#[test]
fn a_clause_whose_subject_has_an_of_phrase_or_takes_sides_is_reported() {
    one_each(&[
        (
            "Ostwind Radio reported the number of flooded homes was well into the hundreds.",
            "Wire via Ostwind Radio",
            "the number of flooded homes was well into the hundreds",
        ),
        (
            "Supporters of the levy say it will pay for the new harbour wall.",
            "Wire via ~Supporters of the levy",
            "it will pay for the new harbour wall",
        ),
    ]);
    // A noun object with an "of" phrase and no verb of its own is no claim.
    assert!(chains(
        "She reported the theft of her car to the police on Monday.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn a_priest_from_a_saints_church_is_the_speaker_not_the_church() {
    // "Fr" without its period is a title, and "St Brigid's Church" after "from" is
    // where he serves, not a person called Church.
    assert_chains_and_claims(
        "Fr Tomas Ardagh from St Brigid's Church in Kilrane described the fire as a great loss. He said the parish would rebuild the hall.",
        &[
            ("Wire via Tomas Ardagh", "the fire as a great loss"),
            ("Wire via Tomas Ardagh", "the parish would rebuild the hall"),
        ],
    );
}

#[test]
fn it_after_a_sentence_about_a_named_body_is_that_body() {
    // The union is the subject of the sentence before; the ministry spoke earlier.
    assert_chains_and_claims(
        "The Transport Ministry said the talks would resume. The RMT held separate talks with managers this week. On Wednesday, it announced a strike, saying conductors would walk out on 22 February.",
        &[
            ("Wire via Transport Ministry", "the talks would resume"),
            ("Wire via RMT", "conductors would walk out on 22 February"),
        ],
    );
    // A noun after the name makes it a modifier, not the subject: "it" stays with
    // the body that spoke.
    assert_chains_and_claims(
        "The Transport Ministry said the talks would resume. NHS services are under strain. It said the budget would rise.",
        &[
            ("Wire via Transport Ministry", "the talks would resume"),
            ("Wire via Transport Ministry", "the budget would rise"),
        ],
    );
}

#[test]
fn an_impersonal_passive_with_an_adverb_has_no_source() {
    assert_chains_and_claims(
        "The Transport Ministry said the talks would resume. It was later announced that several rafters had been selected.",
        &[("Wire via Transport Ministry", "the talks would resume")],
    );
    // "IS later said": an acronym, not the auxiliary "is".
    one_each(&[(
        "IS later said he was acting on its behalf.",
        "Wire via IS",
        "he was acting on its behalf",
    )]);
}

#[test]
fn a_long_capitalised_title_after_a_name_is_the_persons_title() {
    one_each(&[
        (
            "\"The harbour fund has pledged to help,\" said Ana Ruiz, Europe and Central Asia Manager at the Ostland Harbour Watch Center (OHWC), a watchdog group.",
            "Wire via Ana Ruiz",
            "The harbour fund has pledged to help",
        ),
        (
            "\"The harbour fund has pledged to help,\" Ana Ruiz, Europe and Central Asia Manager at the Ostland Harbour Watch Center, said.",
            "Wire via Ana Ruiz",
            "The harbour fund has pledged to help",
        ),
    ]);
}

#[test]
fn a_weekday_paper_keeps_its_day() {
    one_each(&[
        (
            "The board had voiced concern, according to the Sunday Times.",
            "Wire via Sunday Times",
            "The board had voiced concern",
        ),
        (
            "The board had voiced concern, the Sunday Independent reported.",
            "Wire via Sunday Independent",
            "The board had voiced concern",
        ),
    ]);
}

#[test]
fn the_newspaper_told_is_the_medium_named_last() {
    // "the paper" in a later sentence is the paper the article named, a reference
    // rather than a relay carried over (rulebook R2).
    assert_chains_and_claims(
        "The board had voiced concern, according to the Sunday Times. A friend of Ms Varga told the paper that she would not stand down.",
        &[
            ("Wire via Sunday Times", "The board had voiced concern"),
            ("Wire via Sunday Times via ~A friend of Ms Varga", "she would not stand down"),
        ],
    );
    // The medium named earlier in the same sentence comes first.
    assert_eq!(
        chains(
            "Ana Ruiz told Ostland Radio the port would close. Newsweek reported that the mayor met Ruiz 25 times, which is, according to the magazine, a record.",
            "Wire"
        ),
        ["Wire via Ostland Radio via Ana Ruiz", "Wire via Newsweek"]
    );
}

#[test]
fn a_bare_spokesperson_after_a_body_speaks_for_it_and_is_he_after() {
    // Rulebook R3: a spokesperson speaks for the body; "the government" was the
    // subject of the sentence before, and "He added" is the same spokesman.
    assert_chains_and_claims(
        "Ana Ruiz said the levy was unfair. But the government rejected the claims. A spokesman said: \"These claims are false.\" He added that 600 firms would pay nothing.",
        &[
            ("Wire via Ana Ruiz", "the levy was unfair"),
            ("Wire via government", "These claims are false."),
            ("Wire via government", "600 firms would pay nothing"),
        ],
    );
    // Named with the body: "he" is the body too, not the person before.
    assert_chains_and_claims(
        "Ana Ruiz said the levy was unfair. A spokesman for the Transport Ministry said the claims were false. He added that 600 firms would pay nothing.",
        &[
            ("Wire via Ana Ruiz", "the levy was unfair"),
            ("Wire via Transport Ministry", "the claims were false"),
            ("Wire via Transport Ministry", "600 firms would pay nothing"),
        ],
    );
}

#[test]
fn a_subject_with_an_age_is_the_antecedent_and_a_coordinated_verb_keeps_the_pronoun() {
    // "Lena Berg, 25, a nurse …, is …" makes her the next "she"; "…, and says" after
    // "She moved back to Ostland" is still she, never the place.
    assert_chains_and_claims(
        "Tomas Ardagh said the clinic was busy. Lena Berg, 25, a nurse from Varby, is new in town. She recently moved back to Ostland, and says she noticed a difference. \"The wards are full,\" she explains.",
        &[
            ("Wire via Tomas Ardagh", "the clinic was busy"),
            ("Wire via Lena Berg", "she noticed a difference"),
            ("Wire via Lena Berg", "The wards are full"),
        ],
    );
}

#[test]
fn a_quotation_then_outlet_quoted_person_as_saying_is_one_hop_per_level() {
    assert_chains_and_claims(
        "\"The port will close,\" Ostland Radio quoted Ana Ruiz as saying. \"The tugs are gone,\" the Harbour Post quoted her as saying.",
        &[
            ("Wire via Ostland Radio via Ana Ruiz", "The port will close"),
            ("Wire via Harbour Post via Ana Ruiz", "The tugs are gone"),
        ],
    );
}

#[test]
fn the_diplomat_is_the_person_named_with_a_diplomats_title() {
    assert_chains_and_claims(
        "Ostland Ambassador to Ruritania Ivo Brandt said visits rose by half. Ostland Foreign Minister Ana Ruiz will visit in May. The Ostland diplomat also said the rise began in 2014. \"We welcome the visit,\" the Ostland top diplomat said.",
        &[
            ("Wire via Ivo Brandt", "visits rose by half"),
            ("Wire via Ivo Brandt", "the rise began in 2014"),
            ("Wire via Ana Ruiz", "We welcome the visit"),
        ],
    );
    // An unnamed diplomat brought in first stays that source; another nationality
    // names nobody.
    assert_chains_and_claims(
        "A Western diplomat said the talks had stalled. Ostland Ambassador Ivo Brandt was not present. The diplomat said the envoy would leave.",
        &[
            ("Wire via ~A Western diplomat", "the talks had stalled"),
            ("Wire via ~A Western diplomat", "the envoy would leave"),
        ],
    );
}

#[test]
fn a_name_then_its_post_or_kinship_after_the_content_is_the_speaker() {
    one_each(&[
        (
            "The line will reopen in May, Ivo Brandt, Deputy Head of the Ostland Railways Main Directorate said on Friday.",
            "Wire via Ivo Brandt",
            "The line will reopen in May",
        ),
        (
            "Her sister was killed, Ivo Brandt, Ana Ruiz's son, told the court.",
            "Wire via Ivo Brandt",
            "Her sister was killed",
        ),
        (
            "The puppet was years in the making, Ana Ruiz, Harbour Workshop's senior vice president of outreach said.",
            "Wire via Ana Ruiz",
            "The puppet was years in the making",
        ),
        // A post that names its holder is the speaker; the name before it is content.
        (
            "The talks will go ahead with his counterpart, Ivo Brandt, Secretary of State Rex Moller said.",
            "Wire via Rex Moller",
            "The talks will go ahead with his counterpart, Ivo Brandt",
        ),
    ]);
}

#[test]
fn it_after_a_body_named_with_a_lower_case_article_and_an_apposition() {
    assert_chains_and_claims(
        "The Ostland Rail Authority said the ban was lawful. On Friday, the Ostland Workers Union, a rail union, hit back. It said the ban had hurt the port.",
        &[
            ("Wire via Ostland Rail Authority", "the ban was lawful"),
            ("Wire via Ostland Workers Union", "the ban had hurt the port"),
        ],
    );
}

#[test]
fn a_quotation_closed_by_its_full_stop_is_attributed_by_the_sentence_after_it() {
    assert_chains_and_claims(
        "\"The economy is within a proper range.\"  Ana Ruiz, chief of the Ostland Bureau of Statistics, said at a news conference in Lima. \"We had no choice. It was late.\" Ivo Brandt said on Monday.",
        &[
            ("Wire via Ana Ruiz", "The economy is within a proper range."),
            ("Wire via Ivo Brandt", "We had no choice. It was late."),
        ],
    );
    // Not when the next sentence has content of its own, is no attribution, or the
    // quotation is a lone question.
    assert_chains_and_claims(
        "\"It burned.\" Ana Ruiz said at least 21 people died. \"We had no choice.\" No evidence has been found on his part. \"Could it be worse?\" Ivo Brandt said on Monday.",
        &[("Wire via Ana Ruiz", "at least 21 people died")],
    );
    // A question continued by a quotation after its attribution is a statement.
    assert_chains_and_claims(
        "\"Do you take the tweets literally?\" Ana Ruiz said. \"If so, the president was wrong.\"",
        &[(
            "Wire via Ana Ruiz",
            "Do you take the tweets literally? If so, the president was wrong.",
        )],
    );
}

#[test]
fn the_words_before_a_closing_quotation_are_content_unless_a_sentence_was_glued_on() {
    one_each(&[
        // A passive is no cue of its own: the whole clause is the claim.
        (
            "Ana Ruiz is accused of shooting Ivo Brandt before a showing of \"Lone Harbour,\" police said.",
            "Wire via police",
            "Ana Ruiz is accused of shooting Ivo Brandt before a showing of \"Lone Harbour",
        ),
        // A caption or sub-heading glued on before a whole quoted sentence is not.
        (
            "Boats in the harbour at dawn \"The boats are back and the harbour is full again,\" Ana Ruiz said.",
            "Wire via Ana Ruiz",
            "The boats are back and the harbour is full again",
        ),
        // A word leading into the quotation keeps the sentence whole.
        (
            "The forum was dubbed \"The Harbour - a Place of Talks for All Nations,\" Ivo Brandt said.",
            "Wire via Ivo Brandt",
            "The forum was dubbed \"The Harbour - a Place of Talks for All Nations",
        ),
    ]);
}

#[test]
fn a_participle_phrase_before_the_subject_is_no_part_of_the_speaker() {
    assert_chains_and_claims(
        "Judge Ivo Brandt said the floor was wet. Awarding Ms Ana Ruiz damages of 500 euro, the judge said the shop had been dangerous.",
        &[
            ("Wire via Ivo Brandt", "the floor was wet"),
            ("Wire via Ivo Brandt", "the shop had been dangerous"),
        ],
    );
}

#[test]
fn a_lone_surname_described_as_a_person_is_the_subject_and_the_next_he() {
    assert_chains_and_claims(
        "Ana Ruiz said the plan was fine. Moller, a former navy commander from Lima, keeps changing his position. Initially in favour, he later denied the port would reopen in May. But Moller is sure the tugs will stay. \"We will keep them all,\" he said.",
        &[
            ("Wire via Ana Ruiz", "the plan was fine"),
            ("Wire via Moller", "the port would reopen in May"),
            ("Wire via Moller", "We will keep them all"),
        ],
    );
}

#[test]
fn a_bodys_description_with_capitalised_modifiers_is_the_body_named_before() {
    assert_chains_and_claims(
        "The UN Human Rights Committee said the police must investigate the killings. The government must find the missing men, the UN committee said. The envoy was recalled for talks, the Ostland foreign ministry said.",
        &[
            ("Wire via UN Human Rights Committee", "the police must investigate the killings"),
            ("Wire via UN Human Rights Committee", "The government must find the missing men"),
            ("Wire via Ostland foreign ministry", "The envoy was recalled for talks"),
        ],
    );
}

#[test]
fn a_longer_name_ending_with_the_publishers_folded_name_is_no_publisher() {
    // "China Daily" folds to "china" (a generic outlet word dropped); the bank and
    // the data behind a description are sources of their own.
    assert_eq!(
        chains(
            "Reserves rose by 6.9 billion in February, the first rise in a year, data from the People's Bank of China, the central bank, showed on March 7. The policy will stay, China Daily said.",
            "China Daily"
        ),
        ["China Daily via People's Bank of China"]
    );
}

#[test]
fn the_name_joined_right_before_who_is_its_antecedent() {
    one_each(&[(
        "Ana Ruiz sought to cool tempers as she adopted a softer tone than the unions or Ivo Brandt, who on Thursday said the port would close.",
        "Wire via Ivo Brandt",
        "the port would close",
    )]);
}

#[test]
fn as_opening_an_adverbial_is_no_evaluative_description() {
    assert_chains_and_claims(
        "Ostland has refused to discuss the transfer, and dismissed Ana Ruiz's plan as a result. The report condemned the arrests as well as the fines.",
        &[],
    );
    one_each(&[(
        "Ostland dismissed Ana Ruiz's plan as a fantasy.",
        "Wire via Ostland",
        "Ana Ruiz's plan as a fantasy",
    )]);
}

#[test]
fn the_party_or_seat_and_a_parliament_title_is_the_member_just_quoted() {
    assert_chains_and_claims(
        "Ostland Party justice spokesman Ivo Brandt said the inquiry was too narrow. The Ostland Party TD said he had raised it twice. Mr Tom Moller rejected that. The Lagan Valley MP said the money came from donors.",
        &[
            ("Wire via Ivo Brandt", "the inquiry was too narrow"),
            ("Wire via Ivo Brandt", "he had raised it twice"),
            ("Wire via Tom Moller", "the money came from donors"),
        ],
    );
}

#[test]
fn a_relative_clause_ends_the_subject_even_across_a_comma_in_a_name() {
    one_each(&[
        (
            "Ana Ruiz, who teaches law at the University of Ostland, Brandt College, said the ruling would stand.",
            "Wire via Ana Ruiz",
            "the ruling would stand",
        ),
        (
            "The organisers, who include Ostland First, Renew and Unity, told reporters the march would go ahead.",
            "Wire via ~The organisers",
            "the march would go ahead",
        ),
        // A participle phrase before "who" is no subject: the name after the clause is.
        (
            "Turning to Ana Ruiz, who had criticised the plan, Ivo Brandt said the two sides now agreed.",
            "Wire via Ivo Brandt",
            "the two sides now agreed",
        ),
    ]);
}

#[test]
fn a_spokesperson_for_the_body_named_before_speaks_for_it() {
    assert_chains_and_claims(
        "A ceiling collapsed at Brandtwood School on Monday. A spokesperson for the school said the hall would stay closed.",
        &[("Wire via Brandtwood School", "the hall would stay closed")],
    );
    // No body of that kind named: the spokesperson stays an unnamed source.
    assert_chains_and_claims(
        "A ceiling collapsed at a school on Monday. A spokesperson for the school said the hall would stay closed.",
        &[("Wire via ~A spokesperson for the school", "the hall would stay closed")],
    );
}

#[test]
fn a_second_body_after_a_body_with_of_or_for_is_its_own_source() {
    assert_chains_and_claims(
        "According to a joint survey by the Centre for Economic Research and Ostland University, growth will slow to 4 percent.",
        &[
            ("Wire via Centre for Economic Research", "growth will slow to 4 percent"),
            ("Wire via Ostland University", "growth will slow to 4 percent"),
        ],
    );
    one_each(&[
        (
            "The Ministry of Trade and Industry said exports rose by 4 percent.",
            "Wire via Ministry of Trade and Industry",
            "exports rose by 4 percent",
        ),
        (
            "The Ostland Department of Agriculture's Food Safety and Inspection Service said the recall covers 900 pounds.",
            "Wire via Ostland Department of Agriculture's Food Safety and Inspection Service",
            "the recall covers 900 pounds",
        ),
    ]);
}

#[test]
fn a_base_form_cue_after_adverbs_or_a_name_that_takes_a_plural() {
    one_each(&[
        (
            "Officials now say that the bridge will reopen in May.",
            "Wire via ~Officials",
            "the bridge will reopen in May",
        ),
        (
            "The Ostlanders also claim the plot of land is too close to the river.",
            "Wire via Ostlanders",
            "the plot of land is too close to the river",
        ),
        (
            "The Jahalin say that the plot of land is too close to the herding ground.",
            "Wire via Jahalin",
            "the plot of land is too close to the herding ground",
        ),
    ]);
    // A modal makes it no report; a question asks about one.
    assert_chains_and_claims(
        "Most people would say that the plan is too costly for the town. What did the Kremlin say about the protests in the capital?",
        &[],
    );
}

#[test]
fn two_countries_coordinated_are_two_sources() {
    assert_chains_and_claims(
        "Spain and the US say the system is needed as a defence against attacks.",
        &[
            (
                "Wire via Spain",
                "the system is needed as a defence against attacks",
            ),
            (
                "Wire via US",
                "the system is needed as a defence against attacks",
            ),
        ],
    );
    assert_chains_and_claims(
        "France and Germany said the talks would resume in March.",
        &[
            ("Wire via France", "the talks would resume in March"),
            ("Wire via Germany", "the talks would resume in March"),
        ],
    );
}

#[test]
fn a_caption_glued_before_the_subject_is_no_part_of_it() {
    one_each(&[
        (
            "Rivals clash over port plan The Ostland Port Authority said the deal was off.",
            "Wire via Ostland Port Authority",
            "the deal was off",
        ),
        (
            "Ana Ruiz reacts to the vote A source close to the party said the leader would stay.",
            "Wire via ~A source close to the party",
            "the leader would stay",
        ),
        // A capitalised article after a word that leads into it continues the sentence.
        (
            "Ivo Brandt, who was quoted in The Times, said the deal was off.",
            "Wire via Ivo Brandt",
            "the deal was off",
        ),
    ]);
}

#[test]
fn a_relative_named_by_an_apposition_is_her_sister_later() {
    one_each(&[(
        "Ana Ruiz, Tom Ade's sister, wrote a book about the trial. Ade has yet to have an appeal heard, although her sister says it is ready.",
        "Wire via Ana Ruiz",
        "it is ready",
    )]);
}

#[test]
fn a_definite_document_at_the_end_is_an_unnamed_source_when_nothing_names_its_author() {
    one_each(&[
        (
            "Detainees were housed in the barracks against policy, said the report.",
            "Wire via ~the report",
            "Detainees were housed in the barracks against policy",
        ),
        (
            "Detainees were housed in the barracks against policy, according to the new survey.",
            "Wire via ~the new survey",
            "Detainees were housed in the barracks against policy",
        ),
    ]);
    // Words after the document may name its author: no guess.
    assert_chains_and_claims(
        "Ana Ruiz called the school the next day, according to a letter Tom Ade sent to the board.",
        &[],
    );
}

#[test]
fn a_lawsuit_speaks_as_a_document() {
    one_each(&[
        (
            "The products could have included apparel and fragrance, among others, the suit says.",
            "Wire via ~the suit",
            "The products could have included apparel and fragrance, among others",
        ),
        (
            "Ana Ruiz's lawsuit argues that the school's policy is unconstitutional.",
            "Wire via Ana Ruiz",
            "the school's policy is unconstitutional",
        ),
    ]);
}

#[test]
fn an_inverted_cue_before_the_and_a_name_that_ends_the_sentence() {
    one_each(&[
        (
            "Ana Ruiz has faced criticism from the party, reports the Ostland Herald.",
            "Wire via Ostland Herald",
            "Ana Ruiz has faced criticism from the party",
        ),
        // A clause after the name is the claim of the subject before the cue.
        (
            "Tom Ade, a long-standing critic, said the United States would change course.",
            "Wire via Tom Ade",
            "the United States would change course",
        ),
    ]);
}

#[test]
fn a_party_portfolio_spokesperson_unnamed_speaks_for_the_party() {
    one_each(&[(
        "Sinn Féin's housing spokesperson has also said there are not enough houses being built.",
        "Wire via Sinn Féin",
        "there are not enough houses being built",
    )]);
}

#[test]
fn a_lone_name_described_by_who_is_the_next_he() {
    assert_chains_and_claims(
        "Ana Ruiz said the crossing cost $11,000. Brandtsen - who was aboard a boat that was lost at sea - managed to reach Ostland in 2015. He said he paid $10,000 for a similar trip.",
        &[
            ("Wire via Ana Ruiz", "the crossing cost $11,000"),
            ("Wire via Brandtsen", "he paid $10,000 for a similar trip"),
        ],
    );
}

#[test]
fn a_titled_person_after_according_to_is_named_without_the_title() {
    one_each(&[
        (
            "Kelly said the clinics were closed, according to Rep. Ana Ruiz.",
            "Wire via Ana Ruiz via Kelly",
            "the clinics were closed",
        ),
        (
            "Kelly said the clinics were closed, according to General Motors.",
            "Wire via General Motors via Kelly",
            "the clinics were closed",
        ),
    ]);
}

#[test]
fn a_cue_inside_an_if_clause_is_hypothetical() {
    // Rulebook R1: hypothetical speech is no statement; the main clause's cue is.
    let text = "If a judge determines that Tom Ade acted in self-defense, he will be \
                immune. The pumps will stay off unless the court rules that the dam is \
                safe. Ana Ruiz said that if the court rules that the law is void, it falls.";
    assert_chains_and_claims(
        text,
        &[(
            "Wire via Ana Ruiz",
            "if the court rules that the law is void, it falls",
        )],
    );
}

#[test]
fn an_asserting_cue_takes_a_clause_without_that() {
    one_each(&[
        (
            "Ostland claims the missiles downed one jet.",
            "Wire via Ostland",
            "the missiles downed one jet",
        ),
        (
            "Ana Ruiz also claimed Tom Ade stepped aside for misleading officials.",
            "Wire via Ana Ruiz",
            "Tom Ade stepped aside for misleading officials",
        ),
    ]);
    // An object and a participle is no clause.
    assert!(chains("Ana Ruiz claimed the seats contested in the north.", "Wire").is_empty());
}

#[test]
fn a_fronted_as_clause_with_an_asserting_cue_gives_the_main_clause() {
    one_each(&[(
        "As the Valley Review reported, fishermen have now left the harbour.",
        "Wire via Valley Review",
        "fishermen have now left the harbour",
    )]);
}

#[test]
fn a_prefixed_title_ends_a_body_before_a_name() {
    one_each(&[(
        "\"Yoga helps,\" says Lotus Studio co-founder Mira Sand.",
        "Wire via Mira Sand",
        "Yoga helps",
    )]);
}

#[test]
fn a_body_s_headquarters_in_a_city_is_the_body_s() {
    one_each(&[(
        "The UN headquarters in New York announced it would close before the storm.",
        "Wire via UN headquarters",
        "it would close before the storm",
    )]);
}

#[test]
fn a_clause_ending_in_and_is_no_name_the_next_segment_describes() {
    let text = "Ian Bailey appeared in court. Det Sgt Tom Kirwan handed him a copy of the \
                warrant and, when asked if he wished to say anything, Mr Bailey \
                responded: \"The warrant is severely flawed.\"";
    assert_chains_and_claims(
        text,
        &[("Wire via Ian Bailey", "The warrant is severely flawed.")],
    );
}

#[test]
fn which_after_a_body_s_name_speaks_for_the_body() {
    one_each(&[(
        "The plan was welcomed by Harbour Watch, which said it would support the move.",
        "Wire via Harbour Watch",
        "it would support the move",
    )]);
    // Not after a common noun.
    assert!(chains(
        "The plan was backed by the report, which said it would help.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn a_listener_between_warned_and_that_is_skipped() {
    one_each(&[
        (
            "Officials warned residents that the dam could fail.",
            "Wire via ~Officials",
            "the dam could fail",
        ),
        (
            "Ostland informed the WTO Secretariat that it had requested consultations.",
            "Wire via Ostland",
            "it had requested consultations",
        ),
        (
            "The transport authority reminded passengers that other operators run on many routes.",
            "Wire via ~The transport authority",
            "other operators run on many routes",
        ),
    ]);
}

#[test]
fn a_stance_object_and_an_answer_in_deeds_are_no_statements() {
    let text = "Ana Ruiz reiterated her calls for free school meals in a speech. Tom Ade \
                responded with such hits as \"Harbour Lights\". Asked where it would be, \
                Lena Varga responded with the following: \"Across from my desk.\"";
    assert_chains_and_claims(text, &[("Wire via Lena Varga", "Across from my desk.")]);
}

#[test]
fn a_speaker_is_never_the_listener_and_two_roles_are_one_person() {
    // The described subject would resolve to the host named after "told".
    assert!(chains(
        "The host, who backed the mayor, told host Tom Ade that the leaks were bad.",
        "Wire"
    )
    .is_empty());
    // "The minister" is not the latest person, the one told (a mayor): an unnamed
    // minister (stop 60; before, the statement was dropped as the listener's).
    assert_eq!(
        chains(
            "Mayor Ivo Marek met the minister. The minister told Marek that the mill had closed.",
            "Wire"
        ),
        vec!["Wire via ~The minister"]
    );
    one_each(&[(
        "The studio host and owner of the Harbour Hawks told reporters that the leaks were bad.",
        "Wire via ~The studio host and owner of the Harbour Hawks",
        "the leaks were bad",
    )]);
}

#[test]
fn quoted_as_saying_by_a_medium_relays_and_a_general_staff_is_a_body() {
    one_each(&[
        (
            "Ivo Brandt, a lawyer at Harbour Legal, was quoted as saying by Nordwire that the deal would grow.",
            "Wire via Nordwire via Ivo Brandt",
            "the deal would grow",
        ),
        (
            "\"The port will close,\" Ana Ruiz was quoted as saying by the Ostland Press Agency.",
            "Wire via Ostland Press Agency via Ana Ruiz",
            "The port will close",
        ),
        (
            "The General Staff of the Ostland army said the bridge was shelled.",
            "Wire via General Staff of the Ostland army",
            "the bridge was shelled",
        ),
    ]);
}

#[test]
fn a_firm_name_with_commas_and_an_ampersand_stays_in_the_apposition() {
    one_each(&[(
        "Ivo Brandt, director of the consultancy Brandt, Marek & Partners, says the port will grow.",
        "Wire via Ivo Brandt",
        "the port will grow",
    )]);
}

#[test]
fn an_indefinite_body_with_capitalised_modifiers_is_unnamed_and_a_document_is_its_owners() {
    one_each(&[
        (
            "A Ruritanian think-tank said in July that the restrictions drove 100 people abroad.",
            "Wire via ~A Ruritanian think-tank",
            "the restrictions drove 100 people abroad",
        ),
        (
            "A Nordwire investigation found that the breach was reported late.",
            "Wire via Nordwire",
            "the breach was reported late",
        ),
        (
            "An Ostlandic investigation found that the fire was arson.",
            "Wire via ~An Ostlandic investigation",
            "the fire was arson",
        ),
    ]);
}

#[test]
fn legal_advice_speaks_and_is_no_they() {
    assert_chains_and_claims(
        "The advice says that member states have wide discretion. They say that the \
         charge was lawful.",
        &[("Wire via ~The advice", "member states have wide discretion")],
    );
}

#[test]
fn a_group_before_a_place_phrase_or_participle_takes_a_base_form_cue() {
    one_each(&[
        (
            "Officials in Ostland say the death toll has risen to five.",
            "Wire via ~Officials",
            "the death toll has risen to five",
        ),
        (
            "Residents living near the plant say the water is dirty.",
            "Wire via ~Residents living near the plant",
            "the water is dirty",
        ),
    ]);
    // After a modal it is no statement; a party's members are no unnamed group.
    assert!(chains("Experts in the field would say the water is dirty.", "Wire").is_empty());
    assert!(chains(
        "People in the city may find it odd, the mayor thinks.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn an_indefinite_apposition_after_an_inverted_surname_describes_it() {
    one_each(&[(
        "More than 230 leaders are on trial, said Ruiz, a campaigner.",
        "Wire via Ruiz",
        "More than 230 leaders are on trial",
    )]);
}

#[test]
fn a_cue_joined_after_a_pronoun_and_a_bare_noun_object_keeps_the_pronoun() {
    assert_chains_and_claims(
        "Ana Ruiz arrived at noon. She also expressed concern over the lack of details and \
         said the delay made planning difficult.",
        &[("Wire via Ana Ruiz", "the delay made planning difficult")],
    );
}

#[test]
fn a_time_phrase_of_this_or_last_and_a_unit_ends_before_the_content() {
    one_each(&[
        (
            "Ana Ruiz said last week the races will be held in May.",
            "Wire via Ana Ruiz",
            "the races will be held in May",
        ),
        (
            "Ana Ruiz told reporters this year the self-declared republic would keep its army.",
            "Wire via Ana Ruiz",
            "the self-declared republic would keep its army",
        ),
    ]);
}

#[test]
fn an_honorific_and_a_name_after_a_place_is_the_subject() {
    assert_chains_and_claims(
        "Lisa Passey lost her son in May. At their home in Kyreside, Tenbury Wells, Ms \
         Passey said: \"I don't want any pity.\"",
        &[("Wire via Lisa Passey", "I don't want any pity.")],
    );
}

#[test]
fn an_unnamed_document_loses_its_participle_and_keeps_lower_case_modifiers() {
    one_each(&[
        (
            "Oil fell 2% to $54 per barrel, according to trading data released on Tuesday.",
            "Wire via ~trading data",
            "Oil fell 2% to $54 per barrel",
        ),
        (
            "Prices rose, according to a report released on Tuesday.",
            "Wire via ~a report",
            "Prices rose",
        ),
        (
            "Prices rose, according to the nonprofit research and consulting group Brindle.",
            "Wire via Brindle",
            "Prices rose",
        ),
    ]);
}

#[test]
fn a_relative_named_in_commas_opening_a_sentence_is_the_next_he() {
    assert_chains_and_claims(
        "Rakan Sukur said the strike killed ten. Her son, Imran, still walks on crutches. \
         \"I had one breath there,\" he recalled.",
        &[
            ("Wire via Rakan Sukur", "the strike killed ten"),
            ("Wire via Imran", "I had one breath there"),
        ],
    );
}

#[test]
fn an_adverb_opening_a_clause_after_the_cue_and_earlier_reports() {
    one_each(&[
        (
            "A spokesperson for Harbour Air said early morning departures were delayed by wind.",
            "Wire via Harbour Air",
            "early morning departures were delayed by wind",
        ),
        (
            "Earlier reports said that the pair had beaten a world record.",
            "Wire via ~reports",
            "the pair had beaten a world record",
        ),
    ]);
    // A time phrase alone after the cue is still no claim.
    assert!(chains("Ana Ruiz said on Monday.", "Wire").is_empty());
}

#[test]
fn an_inverted_name_of_a_body_ends_the_sentence() {
    assert_chains_and_claims(
        "Gene tools have greatly developed, says Ivo Brandt of the University of Ostland. \
         Sequencing is cheaper now, he says.",
        &[
            ("Wire via Ivo Brandt", "Gene tools have greatly developed"),
            ("Wire via Ivo Brandt", "Sequencing is cheaper now"),
        ],
    );
}

#[test]
fn an_age_or_a_parent_described_is_the_person_named_before() {
    assert_chains_and_claims(
        "Among the mourners was Tavi Oster, a trainee imam. The 21-year-old said the town \
         had come together. Mara Vell wrote that she was leaving. The mother of two, who \
         lives in Kyre, said the rent had doubled.",
        &[
            ("Wire via Tavi Oster", "the town had come together"),
            ("Wire via Mara Vell", "she was leaving"),
            ("Wire via Mara Vell", "the rent had doubled"),
        ],
    );
    // With nobody described before, an age names nobody: no "~the 29-year-old".
    assert!(chains("\"It was tough,\" added the 29-year-old.", "Wire").is_empty());
}

#[test]
fn a_fronted_as_or_despite_clause_comes_before_the_subject() {
    assert_chains_and_claims(
        "Ivo Brandt said the plan was sound. As a young boy, Oren Saal worked in the \
         fields. He said that he found peace in labour. Ruth Mare said it was late. \
         Despite this, Oren Saal still hopes to stay. \"We can change,\" he said.",
        &[
            ("Wire via Ivo Brandt", "the plan was sound"),
            ("Wire via Oren Saal", "he found peace in labour"),
            ("Wire via Ruth Mare", "it was late"),
            ("Wire via Oren Saal", "We can change"),
        ],
    );
}

#[test]
fn a_quotation_then_according_to_is_the_sources() {
    one_each(&[
        (
            "Rates rose. \"The levy will cost millions,\" according to Richard Vale.",
            "Wire via Richard Vale",
            "The levy will cost millions",
        ),
        (
            "\"Ana Ruiz will not attend the funeral,\" according to a statement issued by \
             the Harbour Board prior to the service.",
            "Wire via Harbour Board",
            "Ana Ruiz will not attend the funeral",
        ),
        // A comma closing a quotation inside the clause ends the clause too.
        (
            "Last week, the spillway was \"damaged by erosion,\" according to the Ostland \
             Water Agency.",
            "Wire via Ostland Water Agency",
            "Last week, the spillway was \"damaged by erosion",
        ),
        // A linking word and its comma before the phrase.
        (
            "However, according to Ana Ruiz, the ban covers only a portion of the trade.",
            "Wire via Ana Ruiz",
            "the ban covers only a portion of the trade",
        ),
        // A space mangled into a hyphen before "that".
        (
            "The news agency AFP reported on Thursday-that 80,000 migrants had left.",
            "Wire via AFP",
            "80,000 migrants had left",
        ),
        // A no-break space mangled into a hyphen after the closing quotation.
        (
            "Ana Ruiz spoke. \"The levy will cost millions,\"-she said.",
            "Wire via Ana Ruiz",
            "The levy will cost millions",
        ),
    ]);
}

#[test]
fn any_noun_before_a_full_name_ending_the_sentence_and_a_palace() {
    one_each(&[
        (
            "His work will never be forgotten, says former teammate Cobus Varn.",
            "Wire via Cobus Varn",
            "His work will never be forgotten",
        ),
        (
            "The king will appoint a new prime minister, the royal palace has announced.",
            "Wire via royal palace",
            "The king will appoint a new prime minister",
        ),
    ]);
    // A place after a preposition is no speaker.
    assert!(chains(
        "His work will never be forgotten, said in Port Aster.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn a_body_named_with_and_is_one_source() {
    one_each(&[
        (
            "The Food and Drug Administration said the drug was safe.",
            "Wire via Food and Drug Administration",
            "the drug was safe",
        ),
        (
            "Immigration and Customs Enforcement said the man was deported.",
            "Wire via Immigration and Customs Enforcement",
            "the man was deported",
        ),
    ]);
    // Two sources stay two (rulebook R4).
    assert_chains_and_claims(
        "Amnesty and the Ostland Coast Guard said the camps were full.",
        &[
            ("Wire via Amnesty", "the camps were full"),
            ("Wire via Ostland Coast Guard", "the camps were full"),
        ],
    );
}

#[test]
fn according_to_a_source_with_its_abbreviation_and_a_description() {
    one_each(&[
        (
            "According to Television Ostland (TVO), which broke the story, the envoy was hurt.",
            "Wire via Television Ostland",
            "the envoy was hurt",
        ),
        (
            "According to data from Ostwelt Hilfe, a German environmental organisation, \
             three billion cups are thrown away.",
            "Wire via Ostwelt Hilfe",
            "three billion cups are thrown away",
        ),
        // The abbreviation's letters spell the whole name, "in Port Aster" included.
        (
            "Rather, according to the nonprofit Citizens for Ethics in Port Aster (CEPA), \
             the ban covers only a portion of the trade.",
            "Wire via Citizens for Ethics in Port Aster",
            "the ban covers only a portion of the trade",
        ),
    ]);
    // "a …" opening the claim is no apposition.
    assert_chains_and_claims(
        "According to police, a preliminary analysis found a nerve agent, who knew.",
        &[(
            "Wire via police",
            "a preliminary analysis found a nerve agent, who knew",
        )],
    );
}

#[test]
fn groups_of_people_named_by_any_agent_noun_or_a_tribe() {
    one_each(&[
        (
            "Drivers from Moldova say they earn 150 euros a month.",
            "Wire via ~Drivers from Moldova",
            "they earn 150 euros a month",
        ),
        (
            "The tribes also say the pipeline threatens their water.",
            "Wire via ~The tribes",
            "the pipeline threatens their water",
        ),
    ]);
}

#[test]
fn according_to_a_document_with_a_relative_clause_or_a_modifying_document() {
    one_each(&[
        (
            "Damage lasts well into adulthood, according to a four-decade study that found \
             that children did worse.",
            "Wire via ~a four-decade study",
            "Damage lasts well into adulthood",
        ),
        (
            "Millions would lose coverage, according to a government agency tasked with \
             costing bills.",
            "Wire via ~a government agency",
            "Millions would lose coverage",
        ),
        (
            "The median income was lower in 2015, according to census data.",
            "Wire via ~census data",
            "The median income was lower in 2015",
        ),
    ]);
    // A name inside the relative clause is the document's author or nobody.
    assert!(chains(
        "The deal may harm relations, according to a letter that Ana Ruiz sent to the court.",
        "Wire"
    )
    .iter()
    .all(|c| !c.contains("~a letter")));
}

#[test]
fn an_embedded_tweet_signature_ends_a_sentence() {
    assert_chains_and_claims(
        "Critics want answers. Ana Ruiz (@anaruiz) March 13, 2017 Mr Walsh said the police \
         would not be deputised.",
        &[("Wire via Walsh", "the police would not be deputised")],
    );
}

#[test]
fn a_hyphen_glued_before_a_function_word_or_after_a_linking_word_is_a_space() {
    one_each(&[
        (
            "Katherine Zappone-also said it was up to the coroner to decide.",
            "Wire via Katherine Zappone",
            "it was up to the coroner to decide",
        ),
        (
            "But-Dave Rennick said the jokes were getting stale.",
            "Wire via Dave Rennick",
            "the jokes were getting stale",
        ),
    ]);
}

#[test]
fn a_lone_surname_that_spoke_as_a_person_is_the_subject_and_the_next_she() {
    // Stop 54: a one-word name had to be described as a person to be a subject, so
    // "she" went past it to an earlier woman.
    assert_chains_and_claims(
        "Dana Holt said the trials were slow. \"I want to live,\" said Ferreira, who has four children. \"Patients are pleased,\" Kovalenko said. As someone with incurable cancer, Ferreira remains frustrated. Scientists, she said, are asking the wrong questions.",
        &[
            ("Wire via Dana Holt", "the trials were slow"),
            ("Wire via Ferreira", "I want to live"),
            ("Wire via Kovalenko", "Patients are pleased"),
            ("Wire via Ferreira", "Scientists are asking the wrong questions"),
        ],
    );
}

#[test]
fn a_role_head_between_a_prize_and_a_name_is_no_predicate() {
    // Stop 54: "winner" was read as the verb after "Pulitzer Prize", the subject.
    assert_chains_and_claims(
        "Pulitzer Prize winner Ivo Brandt mocked the ruling. \"Maybe I can claim the deduction,\" he wrote.",
        &[("Wire via Ivo Brandt", "Maybe I can claim the deduction")],
    );
}

#[test]
fn the_articles_own_pronouns_sex_a_name_that_no_first_name_does() {
    // Stop 54: "Lin Qiaowen said she …" reads Lin Qiaowen as a woman, so a later
    // "she" passes over a man who spoke since; "In her remarks, Ostrova …" makes a
    // lone name seen before a woman and the subject; "Halvorsen declared that he …"
    // makes a lone name a person.
    assert_chains_and_claims(
        "Lin Qiaowen said she had saved most of her money. \"The rent is high,\" John Smith said. \"We will go home soon,\" she said.",
        &[
            ("Wire via Lin Qiaowen", "she had saved most of her money"),
            ("Wire via John Smith", "The rent is high"),
            ("Wire via Lin Qiaowen", "We will go home soon"),
        ],
    );
    assert_chains_and_claims(
        "\"These nations must pay,\" Halvorsen said beside Ostrova. In her remarks, Ostrova also referred to past tensions. \"It is better to talk,\" she said.",
        &[
            ("Wire via Halvorsen", "These nations must pay"),
            ("Wire via Ostrova", "It is better to talk"),
        ],
    );
    assert_chains_and_claims(
        "Ana Ruiz said the talks were over. Later, Brandt declared that he would not act as a global leader. \"I represent my country,\" he said.",
        &[
            ("Wire via Ana Ruiz", "the talks were over"),
            ("Wire via Brandt", "he would not act as a global leader"),
            ("Wire via Brandt", "I represent my country"),
        ],
    );
}

#[test]
fn a_known_surname_with_a_dashed_who_clause_is_the_subject() {
    // Stop 54: a lone name described by "- who …" became the subject only when the
    // article had not named the person before.
    assert_chains_and_claims(
        "That is the lesson learned by Tesfai Gebre on his journey. Aman Kidane said the trip cost $11,000. Gebre - who was aboard a boat that was lost at sea - managed to reach Germany. He said he paid $10,000.",
        &[
            ("Wire via Aman Kidane", "the trip cost $11,000"),
            ("Wire via Tesfai Gebre", "he paid $10,000"),
        ],
    );
}

#[test]
fn a_closing_name_with_an_of_apposition_is_the_speaker() {
    // Stop 54 (from the unseen sample): the body after "of" was the speaker and the
    // name stayed in the claim.
    assert_chains_and_claims(
        "Police forces cannot cope with the rise in reports, Chief Constable Simon Grey, of the National Police Council, told the BBC.",
        &[("Wire via BBC via Simon Grey", "Police forces cannot cope with the rise in reports")],
    );
}

#[test]
fn a_restrictive_who_clause_after_the_subject_is_no_subject() {
    // Stop 55 (recall audit, seed 4044): "The official who briefed reporters said"
    // gave the hop "~briefed reporters", or no statement at all.
    assert_chains_and_claims(
        "The official who briefed reporters said the plan is still under discussion.",
        &[(
            "Wire via ~The official",
            "the plan is still under discussion",
        )],
    );
    assert_chains_and_claims(
        "A woman who lives near the plant told the Vell Courier the smell is unbearable.",
        &[(
            "Wire via Vell Courier via ~A woman",
            "the smell is unbearable",
        )],
    );
}

#[test]
fn a_statement_in_a_who_clause_ends_before_the_main_verb() {
    // Stop 55: the claim ran on over the main clause ("…, has repeatedly criticised
    // the rule").
    assert_chains_and_claims(
        "Ivo Brandt, who has called the levy \"a disaster\" for farmers, has repeatedly criticised the rule.",
        &[("Wire via Ivo Brandt", "the levy \"a disaster\" for farmers")],
    );
    assert_chains_and_claims(
        "Ana Ruiz, who said the port is closed, the ships are gone and the town is quiet, left on Monday.",
        &[("Wire via Ana Ruiz", "the port is closed, the ships are gone and the town is quiet")],
    );
}

#[test]
fn a_capitalised_title_alone_is_the_person_introduced_with_it() {
    // Stop 55: "the President said" gave no statement ("President" is no source),
    // although "the president said" read the person introduced with the title.
    assert_chains_and_claims(
        "President Ana Ruiz met the farmers. \"This is going to be great,\" the President said.",
        &[("Wire via Ana Ruiz", "This is going to be great")],
    );
    // Never simply the latest person, nor someone introduced as a former holder.
    assert_chains_and_claims(
        "Senator Ivo Brandt spoke first. \"This is going to be great,\" the President said.",
        &[],
    );
    assert_chains_and_claims(
        "Former President Ana Ruiz spoke first. \"This is going to be great,\" the President said.",
        &[],
    );
}

#[test]
fn people_named_by_a_plural_before_who_speak() {
    // Stop 55: "many investors who said …" gave no statement (a cue after "who" was
    // read only in a relative clause set off by a comma).
    assert_chains_and_claims(
        "The merger was opposed by many investors who said it undervalued the shares.",
        &[("Wire via ~many investors", "it undervalued the shares")],
    );
    assert_chains_and_claims(
        "The plan sparked an angry reaction from some Vell officials who say security is too important to trade.",
        &[("Wire via ~some Vell officials", "security is too important to trade")],
    );
    // As the subject the clause's end is unmarked; a plea is no statement.
    assert_chains_and_claims(
        "Groups of artists who say they were blacklisted had set up tents.",
        &[],
    );
    assert_chains_and_claims(
        "The court was told two men who admitted blackmailing a player were jailed.",
        &[],
    );
}

#[test]
fn a_closing_speaker_may_open_with_a_possessive() {
    // Stop 55: "…," said Ostland's president / says Lina's husband, Youssef Moussa:
    // the phrase stopped after the possessive and gave no statement.
    assert_chains_and_claims(
        "\"It was in April,\" says Mira's husband, Tomas Berg.",
        &[("Wire via Tomas Berg", "It was in April")],
    );
    assert_chains_and_claims(
        "\"We need more jobs,\" said Vell's new Trade Minister Ana Ruiz.",
        &[("Wire via Ana Ruiz", "We need more jobs")],
    );
    assert_chains_and_claims(
        "Vell's President Ana Ruiz arrived. \"We need more jobs,\" said Vell's president.",
        &[("Wire via Ana Ruiz", "We need more jobs")],
    );
}

#[test]
fn a_person_from_a_body_is_the_person() {
    // Stop 55: "…, says Karen Ode from Ostland Shark Tours." gave no statement, and
    // as a subject the body spoke.
    assert_chains_and_claims(
        "It must be stopped, says Karen Ode from the Vell Party.",
        &[("Wire via Karen Ode", "It must be stopped")],
    );
    assert_chains_and_claims(
        "Karen Ode from Ostland Shark Tours said white sharks breach here.",
        &[("Wire via Karen Ode", "white sharks breach here")],
    );
}

#[test]
fn according_to_in_a_joined_clause_and_after_a_long_source() {
    // Stop 55 (recall audit, seed 4048).
    assert_chains_and_claims(
        "The data reached Vell a month later, but according to the Dutch attorneys, the problem stems from the format.",
        &[("Wire via ~the Dutch attorneys", "the problem stems from the format")],
    );
    assert_chains_and_claims(
        "Rates are high in Kell and Sahu, where according to Dr Ana Ruiz, the executive director of the Vell Health Centre, rates are at 20 percent.",
        &[("Wire via Ana Ruiz", "rates are at 20 percent")],
    );
    assert_chains_and_claims(
        "Waiting lists have increased to 614,620 according to the latest figures from the Vell National Treatment Purchase Fund.",
        &[(
            "Wire via Vell National Treatment Purchase Fund",
            "Waiting lists have increased to 614,620",
        )],
    );
}

#[test]
fn a_described_person_after_and_opens_a_clause() {
    // Stop 55 (recall audit, seed 4048): the clause after "and" had a body inside
    // its subject, so the whole sentence was read as the subject.
    assert_chains_and_claims(
        "Others in the agency disagree with that reading of the report and a senior official in the Vell Department of Security told the Vell Courier that some staff are concerned.",
        &[("Wire via Vell Courier via ~a senior official", "some staff are concerned")],
    );
}

#[test]
fn a_persons_document_is_an_unnamed_source() {
    // Stop 55: "according to his congressional biography" gave no statement.
    assert_chains_and_claims(
        "Ivo Brandt spoke. As a teenager, he raised cattle, according to his congressional biography.",
        &[(
            "Wire via ~his congressional biography",
            "As a teenager, he raised cattle",
        )],
    );
}

#[test]
fn a_medium_named_before_its_piece_relays() {
    // Stop 55: "according to a Reuters report" after a closing cue dropped the relay
    // ("a report by Reuters" kept it).
    assert_chains_and_claims(
        "\"We can never be too strict,\" President Ana Ruiz said, according to a Vell Television report on Jan 3.",
        &[("Wire via Vell Television via Ana Ruiz", "We can never be too strict")],
    );
    assert_chains_and_claims(
        "Ivo Brandt wrote in a Vell Times op-ed that the episode raises concerns.",
        &[(
            "Wire via Vell Times via Ivo Brandt",
            "the episode raises concerns",
        )],
    );
}

#[test]
fn an_honorific_opens_a_closing_speaker() {
    // Stop 56 (recall audit, seed 4049): "…, said Dr Ouma Oluga" after an unquoted
    // claim gave nothing ("Mr"/"Dr" are no names), or the claim's first noun as the
    // speaker of the name.
    assert_chains_and_claims(
        "Prices will rise sharply next year, said Dr Tomas Vell, head of the union.",
        &[("Wire via Tomas Vell", "Prices will rise sharply next year")],
    );
    assert_chains_and_claims(
        "The plan failed, said Mr Ade.",
        &[("Wire via Ade", "The plan failed")],
    );
    // A short quotation inside the clause after the name is no headline.
    assert_chains_and_claims(
        "Ana Ruiz, the top member of the panel, said Mr Ade \"clearly misled\" the panel.",
        &[("Wire via Ana Ruiz", "Mr Ade \"clearly misled\" the panel")],
    );
}

#[test]
fn a_failed_inverted_cue_gives_no_complement() {
    // Stop 56: when the speaker after "…, said" was not read, the clause before the
    // comma became the subject of the words after the cue ("Prices" said "the man
    // in the hat").
    assert_chains_and_claims(
        "Prices will rise sharply next year, said the man in the hat.",
        &[],
    );
    assert_chains_and_claims(
        "The remains will rest in the old chapel, alongside the parents, said Prince Ivo Brandt, the great-grandson of the sister, Lina.",
        &[("Wire via Ivo Brandt", "The remains will rest in the old chapel, alongside the parents")],
    );
    assert_chains_and_claims(
        "Ma's case will stir emotions in Vell, said Tom Ade, managing director of a Vell-based consultancy, e-vell.",
        &[("Wire via Tom Ade", "Ma's case will stir emotions in Vell")],
    );
}

#[test]
fn a_closing_cue_between_subject_and_verb_splits_the_claim() {
    // Stop 56: "My error, says Mr Shaw, was to …" gave only "My error".
    assert_chains_and_claims(
        "My first error, says Mr Tom Ade, was to let the hardware do the heavy lifting.",
        &[(
            "Wire via Tom Ade",
            "My first error was to let the hardware do the heavy lifting",
        )],
    );
}

#[test]
fn coordinated_names_take_a_base_form_cue() {
    // Stop 56: "Ana Ruiz and Tom Ade say …" gave nothing ("say" after a singular
    // word), and "both Ruiz and Ade" kept only the second name.
    assert_chains_and_claims(
        "Ana Ruiz and Tom Ade say there are limits to the plan.",
        &[
            ("Wire via Ana Ruiz", "there are limits to the plan"),
            ("Wire via Tom Ade", "there are limits to the plan"),
        ],
    );
    assert_chains_and_claims(
        "Ana Ruiz spoke. Tom Ade agreed. But without floods, both Ruiz and Ade say there are limits to the plan.",
        &[
            ("Wire via Ana Ruiz", "there are limits to the plan"),
            ("Wire via Tom Ade", "there are limits to the plan"),
        ],
    );
    // One body's name is no pair.
    assert_chains_and_claims(
        "Lawmakers rolled back a Vell Securities and Exchange Commission rule that ramped up disclosures for oil firms.",
        &[],
    );
}

#[test]
fn a_group_after_as_is_a_subject() {
    // Stop 56: "… came as authorities said that …" gave the whole clause as speaker.
    assert_chains_and_claims(
        "The evacuation orders came as authorities said that a spillway could give way at any time.",
        &[("Wire via ~authorities", "a spillway could give way at any time")],
    );
}

#[test]
fn a_capitalised_the_opens_a_closing_source() {
    // Stop 56: "…, notes The Vell Press." gave nothing.
    assert_chains_and_claims(
        "The busiest bridges are in the north, notes The Vell Press.",
        &[(
            "Wire via Vell Press",
            "The busiest bridges are in the north",
        )],
    );
}

#[test]
fn a_writers_email_address_ends_the_sentence_before_it() {
    // Stop 56: the sign-off address after the last sentence opens in lower case, so
    // it was read as part of the sentence and the closing cue was lost.
    assert_chains_and_claims(
        "Prices will rise sharply next year, say analysts. ana.ruiz@example.com (Vell Weekly 12/16/2016 page27)",
        &[("Wire via ~analysts", "Prices will rise sharply next year")],
    );
    // An address inside a sentence is part of it.
    assert_chains_and_claims(
        "Ana Ruiz said readers can write to ana.ruiz@example.com for the full list.",
        &[(
            "Wire via Ana Ruiz",
            "readers can write to ana.ruiz@example.com for the full list",
        )],
    );
}

#[test]
fn an_auxiliary_may_stand_between_the_joiner_and_the_cue() {
    // Stop 56: "… and always emphasised that …" took the object of the first
    // verb as the speaker.
    assert_chains_and_claims(
        "Tom Ade never challenged Ivo Ade openly, and always emphasised that he did not care about politics.",
        &[("Wire via Tom Ade", "he did not care about politics")],
    );
    // "and then concluded his remarks" is a sequence of deeds.
    assert_chains_and_claims(
        "Ana Ruiz praised the effort and then concluded his remarks on the vote with four words.",
        &[],
    );
}

#[test]
fn the_company_is_never_the_latest_public_body() {
    // Stop 56: "The company …" after "The appeals court said" became the court.
    assert_chains_and_claims(
        "The Vell Court of Appeals said the tribes had not met the requirements. The company is wrapping up work and has said oil could start flowing on Monday.",
        &[
            ("Wire via Vell Court of Appeals", "the tribes had not met the requirements"),
            ("Wire via ~The company", "oil could start flowing on Monday"),
        ],
    );
}

#[test]
fn concluding_a_thing_is_no_finding() {
    // Stop 56: "concluded the deal for …", "concluded his remarks" were read as
    // findings; "an investigation concluded her team reacted too slowly" is one (a
    // named body's investigation is the body's).
    assert_chains_and_claims(
        "Vell Grid, the utility, concluded the deal for a 54 percent stake in Ostpower in May.",
        &[],
    );
    assert_chains_and_claims(
        "A Vell Mail investigation concluded her management team reacted too slowly to the breach.",
        &[(
            "Wire via Vell Mail",
            "her management team reacted too slowly to the breach",
        )],
    );
}

#[test]
fn the_person_who_opens_a_fronted_clause_is_the_main_clauses_pronoun() {
    // Stop 56: "As Kimmel concludes the show, he says" gave the quotation to the
    // latest speaker.
    assert_chains_and_claims(
        "Tom Ade hosted. Ivo Brandt said it was fine. As Ade closes the show, he says, \"I do not know what happened.\"",
        &[
            ("Wire via Ivo Brandt", "it was fine"),
            ("Wire via Tom Ade", "I do not know what happened."),
        ],
    );
}

#[test]
fn a_persons_own_page_is_the_person() {
    // Stop 56 (precision sample, seed 4057): "according to Ana Ruiz's Twitter page"
    // gave the platform as the source.
    assert_chains_and_claims(
        "According to Ana Ruiz's Twitter page, she was an autograph collector.",
        &[("Wire via Ana Ruiz", "she was an autograph collector")],
    );
    // A post on a body's page is still an unnamed document.
    assert_chains_and_claims(
        "The man ripped the books, according to a post on the centre's Facebook page.",
        &[(
            "Wire via ~a post on the centre's Facebook page",
            "The man ripped the books",
        )],
    );
}

#[test]
fn a_cue_in_commas_before_a_lower_case_quotation_splits_the_claim() {
    // Stop 56: "Issues at the bar, it said, "related to …"" made "Issues" the
    // speaker; "Younger Ostlanders, he says, "want …"" made the subject the speaker.
    assert_chains_and_claims(
        "Tom Ade said the vote was fair. Younger Ostlanders, he says, \"want to live in a different country.\"",
        &[
            ("Wire via Tom Ade", "the vote was fair"),
            (
                "Wire via Tom Ade",
                "Younger Ostlanders want to live in a different country.",
            ),
        ],
    );
}

#[test]
fn a_closing_unnamed_source_may_end_with_a_relative_clause() {
    // Stop 56: "…, said a lawyer who represents the family." gave nothing after an
    // unquoted claim (after a quotation it did).
    assert_chains_and_claims(
        "The talks failed, said a source who asked not to be named.",
        &[("Wire via ~a source", "The talks failed")],
    );
    // "said that people who …" is a content clause, no closing source.
    assert_chains_and_claims(
        "Ana Ruiz, a psychiatrist, said that people who have risked everything carry a burden.",
        &[(
            "Wire via Ana Ruiz",
            "people who have risked everything carry a burden",
        )],
    );
}

#[test]
fn it_after_an_unnamed_body_is_that_body_and_after_unnamed_people_is_no_one() {
    assert_chains_and_claims(
        "A parliamentary committee stated that \"the levy is a separate charge\". \"The state ought to repay it,\" it said.",
        &[
            ("Wire via ~A parliamentary committee", "the levy is a separate charge"),
            ("Wire via ~A parliamentary committee", "The state ought to repay it"),
        ],
    );
    // "officials" are "they", never "it".
    assert_chains_and_claims(
        "Officials said the levy was separate. It also said the state must repay it.",
        &[("Wire via ~Officials", "the levy was separate")],
    );
}

#[test]
fn a_kind_of_body_right_before_its_name_describes_it() {
    assert_chains_and_claims(
        "Ivo Brandt, head of the ride-hailing company Velocab, has resigned, the company said. \"We thank Ivo,\" it said.",
        &[
            ("Wire via Velocab", "Ivo Brandt, head of the ride-hailing company Velocab, has resigned"),
            ("Wire via Velocab", "We thank Ivo"),
        ],
    );
    // A name with joiners inside ("Unidos da Tijuca"), and after a preposition.
    assert_eq!(
        chains(
            "A float of the samba school Unidos da Lapa collapsed. The samba school said nine were hurt.",
            "Wire"
        ),
        ["Wire via Unidos da Lapa"]
    );
    // Two bodies joined by "and" describe neither.
    assert_eq!(
        chains(
            "Shares of the company Velocab and Ostline fell. The company said it would appeal.",
            "Wire"
        ),
        ["Wire via ~The company"]
    );
}

#[test]
fn a_full_name_after_a_place_that_ends_a_title_is_the_speaker() {
    assert_eq!(
        chains(
            "The delegation has arrived in Ostberg, Velmoran envoy in Ostberg Alexey Varenko said.",
            "Wire"
        ),
        ["Wire via Alexey Varenko"]
    );
    assert_eq!(
        chains(
            "The talks failed, the party's leader in New Ostland Michelle Ruiz said.",
            "Wire"
        ),
        ["Wire via Michelle Ruiz"]
    );
}

#[test]
fn coming_upon_or_feeling_something_is_no_finding() {
    assert!(chains(
        "Ana Ruiz walked home in the snow. On the way, she found many poor people had frozen ears.",
        "Wire"
    )
    .is_empty());
    assert!(chains("Tom Ade finds it difficult to talk about the war.", "Wire").is_empty());
    // A person's finding says "that"; a body's "found it would …" stays.
    assert_eq!(
        chains(
            "Ana Ruiz led the study. She found that most drugs had no benefit. The Budget Office found it would cost 30 jobs.",
            "Wire"
        ),
        ["Wire via Ana Ruiz", "Wire via Budget Office"]
    );
}

#[test]
fn a_part_of_a_group_after_a_closing_cue_is_an_unnamed_source() {
    assert_chains_and_claims(
        "\"The march aims to make people think,\" said one of the organisers behind the event. \"The vote is due,\" said a member of the public. \"It will sail in May,\" said one of the sources with knowledge of the plan.",
        &[
            ("Wire via ~one of the organisers", "The march aims to make people think"),
            ("Wire via ~a member of the public", "The vote is due"),
            ("Wire via ~one of the sources with knowledge of the plan", "It will sail in May"),
        ],
    );
    // An unquoted claim is never read as the speaker of the words after the cue.
    assert_chains_and_claims(
        "The march aims to make people think, said one of the organisers.",
        &[(
            "Wire via ~one of the organisers",
            "The march aims to make people think",
        )],
    );
}

#[test]
fn a_share_of_a_poll_is_no_speaker() {
    assert!(chains(
        "Asked about a second vote before Brexit, 49% said no, 39% agreed and the remainder said they were unsure. Only 3 per cent said they would move.",
        "Wire"
    )
    .is_empty());
}

#[test]
fn a_conjunction_glued_to_a_name_is_a_mangled_space() {
    assert_chains_and_claims(
        "Ana Ruiz, an analyst from Ostberg,-notes that-Brandt has a good network.",
        &[("Wire via Ana Ruiz", "Brandt has a good network")],
    );
}

#[test]
fn a_pronoun_in_a_nested_claim_does_not_sex_the_outer_speaker() {
    assert_chains_and_claims(
        "Our reporter Imtiaz Varga said that Rima Ostrova stated that she was standing by the report. \"The curious thing is that everyone knew,\" he said.",
        &[
            ("Wire via Imtiaz Varga via Rima Ostrova", "she was standing by the report"),
            ("Wire via Imtiaz Varga", "The curious thing is that everyone knew"),
        ],
    );
}

#[test]
fn a_title_with_a_body_word_after_a_name_describes_the_name() {
    assert_chains_and_claims(
        "\"We have asked for help,\" Tarek Halimov, Ostlandic police chief, announced on Thursday.",
        &[("Wire via Tarek Halimov", "We have asked for help")],
    );
}

#[test]
fn a_segment_opening_with_through_is_no_subject() {
    assert_chains_and_claims(
        "Carmakers, through their lobbying groups, have said the rules were too costly.",
        &[("Wire via Carmakers", "the rules were too costly")],
    );
}

#[test]
fn a_listed_first_name_gives_the_sex() {
    // The man is not registered from "In a call Joseph Oster placed", so "he" has no
    // one to go to; a woman's listed first name keeps it from her.
    let text = "JoAnna Oster was 24 weeks pregnant when she was shot in the head in the family room of their home on March 7, 2014, as she organized clothes. In a call Joseph Oster placed to 911 after the shooting, he tells a dispatcher: \"I, ah, was cleaning. I was about to clean my gun, and I did not see it.\" He can then be heard.";
    let got = chains(text, "Wire");
    assert!(got.iter().all(|c| !c.contains("JoAnna")), "{got:?}");
}

#[test]
fn a_titled_persons_spokesman_speaks_for_the_person() {
    assert_chains_and_claims(
        "Earlier, Ostlandic Prime Minister Ana Ruiz's spokesman said she received assurances. A spokesman for Mrs Ruiz said that the charge was ridiculous.",
        &[
            ("Wire via Ana Ruiz", "she received assurances"),
            ("Wire via Ana Ruiz", "the charge was ridiculous"),
        ],
    );
}

#[test]
fn a_closing_attribution_relays_the_statement_before_it() {
    assert_chains_and_claims(
        "The Ostland Palace denies any deal on a new vote, presidential spokesman Ivo Brandt said on Thursday.",
        &[("Wire via Ivo Brandt via Ostland Palace", "any deal on a new vote")],
    );
    assert_chains_and_claims(
        "Ana Ruiz said her doctors say she was poisoned. Her doctors say she was poisoned by an unknown substance, she added.",
        &[
            ("Wire via Ana Ruiz via ~her doctors", "she was poisoned"),
            ("Wire via Ana Ruiz via ~Her doctors", "she was poisoned by an unknown substance"),
        ],
    );
    // A description resolved elsewhere is no relay named here.
    assert_chains_and_claims(
        "Ostsoft said it is cooperating with the regulator, the company said.",
        &[("Wire via Ostsoft", "it is cooperating with the regulator")],
    );
    // A long tail without a name is part of the claim, not its attribution.
    assert_chains_and_claims(
        "The bank said it earned 279 million euros last year, way below the 1.1-billion-euro result it reported for 2015.",
        &[(
            "Wire via ~The bank",
            "it earned 279 million euros last year, way below the 1.1-billion-euro result it reported for 2015",
        )],
    );
}

#[test]
fn a_quoted_title_before_a_speaker_with_a_clause_is_no_claim() {
    assert_chains_and_claims(
        "After Ostfruit appeared on \"Face the Market,\" Ana Ruiz said she was shocked by the price of pears.",
        &[("Wire via Ana Ruiz", "she was shocked by the price of pears")],
    );
    // The title's comma ends a segment: the surname after it is the subject.
    assert_chains_and_claims(
        "Years after Ostfruit appeared on \"Shark Pool,\" Ostrova said she was shocked by the price of pears.",
        &[("Wire via Ostrova", "she was shocked by the price of pears")],
    );
}

#[test]
fn an_agent_noun_epithet_is_the_person_or_an_unnamed_one() {
    // The person the article is about.
    assert_chains_and_claims(
        "Mira Ostrova did not cut the monologues. The filmmaker said cutting them would have been wrong.",
        &[("Wire via Mira Ostrova", "cutting them would have been wrong")],
    );
    // No one to be: an unnamed person, never nothing.
    assert_chains_and_claims(
        "\"People were coughing the entire way home,\" the passenger told investigators.",
        &[(
            "Wire via ~the passenger",
            "People were coughing the entire way home",
        )],
    );
    // Someone's relative is another person; a list is no person.
    let got = chains(
        "Sgt Ivo Brandt said a boy had threatened the officer. The boy's mother said her son had done nothing. The division list showed that seven peers voted for it.",
        "Wire",
    );
    assert!(
        got.iter().filter(|c| c.contains("Ivo Brandt")).count() == 1,
        "{got:?}"
    );
}

#[test]
fn a_place_or_time_phrase_after_an_inverted_speaker_closes_the_sentence() {
    assert_chains_and_claims(
        "Trade grew fast, said Ana Ruiz at a news conference in February.",
        &[("Wire via Ana Ruiz", "Trade grew fast")],
    );
    assert_chains_and_claims(
        "Trade grew fast, said Ivo Brandt, a spokesman, at a news conference.",
        &[("Wire via Ivo Brandt", "Trade grew fast")],
    );
    // A name after the preposition is part of the speaker's name or title.
    let got = chains(
        "The shooting is under investigation, said Ostland Police Special Agent in Charge Ivo Brandt.",
        "Wire",
    );
    assert!(got.iter().all(|c| !c.ends_with("via Agent")), "{got:?}");
}

#[test]
fn a_described_name_closing_the_sentence_after_the_cue_is_the_speaker() {
    assert_chains_and_claims(
        "The union has lost its focus, says the Ostlandic politician Mira Ostrova, a social democrat who fears a split.",
        &[("Wire via Mira Ostrova", "The union has lost its focus")],
    );
}

#[test]
fn a_portfolio_word_before_a_first_name_is_no_part_of_the_name() {
    assert_chains_and_claims(
        "The bill was raised by Ostland Party TD for Ostshire John Oster. Mr Oster said the pension was a challenge.",
        &[("Wire via John Oster", "the pension was a challenge")],
    );
}

#[test]
fn a_person_named_in_passing_is_the_next_pronoun_nobody_else_fits() {
    assert_chains_and_claims(
        "A photograph of Linda Ostrova went viral. She said she had just left a cafe.",
        &[("Wire via Linda Ostrova", "she had just left a cafe")],
    );
    // Not when the sentence names another person, nor a name used as a modifier.
    for text in [
        "A photograph of Linda Ostrova beside Ivo Brandt went viral. She said she had just left a cafe.",
        "He proposed with a John Oster diamond ring. He said the ring was new.",
    ] {
        let got = chains(text, "Wire");
        assert!(got.iter().all(|c| !c.contains("Ostrova") && !c.contains("Oster")), "{got:?}");
    }
}

#[test]
fn a_named_persons_parent_is_an_unnamed_speaker() {
    assert_chains_and_claims(
        "Ms Ostrova's mother said the family was delighted.",
        &[("Wire via ~Ms Ostrova's mother", "the family was delighted")],
    );
    assert_chains_and_claims(
        "The boy's father said the family was delighted.",
        &[("Wire via ~The boy's father", "the family was delighted")],
    );
}

#[test]
fn a_named_persons_adviser_is_an_unnamed_speaker() {
    assert_chains_and_claims(
        "Ostrova's adviser said the plan would work.",
        &[("Wire via ~Ostrova's adviser", "the plan would work")],
    );
}

#[test]
fn a_panel_is_a_body() {
    assert_chains_and_claims(
        "\"We deny the motion,\" the panel wrote in the decision on Thursday.",
        &[("Wire via ~the panel", "We deny the motion")],
    );
}

#[test]
fn but_with_an_auxiliary_before_the_cue_keeps_the_sentences_subject() {
    assert_chains_and_claims(
        "Ana Ruiz has called the plan a hoax, but has also said she has an open mind about it.",
        &[("Wire via Ana Ruiz", "she has an open mind about it")],
    );
}

#[test]
fn who_after_a_clause_refers_to_its_last_noun_phrase() {
    assert_chains_and_claims(
        "The report drew criticism from some Ostland officials, who said it was unfair.",
        &[("Wire via ~some Ostland officials", "it was unfair")],
    );
    // Not inside a noun phrase with "of".
    assert_chains_and_claims(
        "The head of the harbour board, who said the port was safe, resigned.",
        &[(
            "Wire via ~The head of the harbour board",
            "the port was safe",
        )],
    );
}

#[test]
fn a_count_of_people_after_a_name_is_an_unnamed_group() {
    assert_chains_and_claims(
        "Several Ostrova donors said that she will run again.",
        &[("Wire via ~Several Ostrova donors", "she will run again")],
    );
    assert_chains_and_claims(
        "Several Ostrova associates have warned that she will run again.",
        &[("Wire via ~Several Ostrova associates", "she will run again")],
    );
}

#[test]
fn a_participle_with_a_time_word_ends_the_according_to_source() {
    assert_chains_and_claims(
        "Ostland will ban new MPs from employing relatives, according to rules announced today in the wake of a scandal that has rocked Westria.",
        &[("Wire via ~rules", "Ostland will ban new MPs from employing relatives")],
    );
}

#[test]
fn a_relay_that_reads_as_no_source_is_dropped() {
    let got = chains(
        "In an interview with Russian and Ukrainian journalists in February, Ana Ruiz said she had not asked for troops.",
        "Wire",
    );
    // Not "Wire via Russian via Ana Ruiz": a nationality adjective is no relay.
    assert!(got.iter().any(|c| c.ends_with("Ana Ruiz")), "{got:?}");
    assert!(got.iter().all(|c| !c.contains("Russian")), "{got:?}");
}

#[test]
fn a_role_is_not_an_unnamed_person_brought_in_under_another_noun() {
    assert_chains_and_claims(
        "The victim said she was 16. The taxi driver later said he thought the girl was 20.",
        &[
            ("Wire via ~The victim", "she was 16"),
            ("Wire via ~The taxi driver", "he thought the girl was 20"),
        ],
    );
}

#[test]
fn a_petition_is_a_document() {
    assert_chains_and_claims(
        "\"We can't just let them go,\" the petition said.",
        &[("Wire via ~the petition", "We can't just let them go")],
    );
}

#[test]
fn the_role_is_one_of_the_group_introduced_before() {
    assert_chains_and_claims(
        "Ivo Brandt may be out of a job, but he is in demand. \"This aims to make people think,\" says one of the campaigners behind the drive. \"We did not launch this to promote ourselves,\" said the campaigner.",
        &[
            ("Wire via ~one of the campaigners", "This aims to make people think"),
            ("Wire via ~one of the campaigners", "We did not launch this to promote ourselves"),
        ],
    );
}

#[test]
fn a_side_taken_is_no_statement() {
    assert_chains_and_claims(
        "Mayor Tom Quill argued against raising the fees. Critics argued in favour of closing the port on Sundays. Linda Ross has argued for cutting aid. His lawyers argued against a trial, arguing the attack was too long ago.",
        &[("Wire via ~His lawyers", "the attack was too long ago")],
    );
}

#[test]
fn scholars_are_unnamed_sources() {
    assert_chains_and_claims(
        "\"The port lobby is the most powerful,\" the two scholars wrote.",
        &[(
            "Wire via ~the two scholars",
            "The port lobby is the most powerful",
        )],
    );
}

#[test]
fn a_station_named_by_its_network_is_one_listener() {
    assert_chains_and_claims(
        "Two girls were shot in Dravel, police told Ostland station KDRV. The girls survived.",
        &[("Wire via KDRV via police", "Two girls were shot in Dravel")],
    );
}

#[test]
fn an_owner_inside_a_relative_clause_owns_no_role() {
    assert_chains_and_claims(
        "\"Nothing happened,\" said Linda Ross, an activist who has been working with Brandt's family. The port was closed, Brandt's attorney said.",
        &[
            ("Wire via Linda Ross", "Nothing happened"),
            ("Wire via ~Brandt's attorney", "The port was closed"),
        ],
    );
}

#[test]
fn a_bodys_executive_is_an_unnamed_person_not_the_last_speaker() {
    assert_chains_and_claims(
        "The quay will be rebuilt, John Quill said. The firm will grow, its chief executive said. Sales rose, the company's CEO said.",
        &[
            ("Wire via John Quill", "The quay will be rebuilt"),
            ("Wire via ~its chief executive", "The firm will grow"),
            ("Wire via ~the company's CEO", "Sales rose"),
        ],
    );
}

#[test]
fn coordinated_unnamed_sources_give_one_item_each() {
    assert_chains_and_claims(
        "The quay flooded twice, police and medical officials said. The port was closed, city and state officials said. The fees rose, current and former officials said.",
        &[
            ("Wire via police", "The quay flooded twice"),
            ("Wire via ~medical officials", "The quay flooded twice"),
            ("Wire via ~city officials", "The port was closed"),
            ("Wire via ~state officials", "The port was closed"),
            ("Wire via ~current and former officials", "The fees rose"),
        ],
    );
}

#[test]
fn an_object_pronoun_is_the_whole_listener() {
    assert_chains_and_claims(
        "Linda Ross had told her abuse might be an issue. John Quill told him cuts would come. John Quill told him not to leave. Linda Ross told US officials the port was closed. John Quill told Ostland officials a similar story.",
        &[
            ("Wire via Linda Ross", "abuse might be an issue"),
            ("Wire via John Quill", "cuts would come"),
            ("Wire via Linda Ross", "the port was closed"),
        ],
    );
}

#[test]
fn a_count_of_a_people_is_an_unnamed_group() {
    assert_chains_and_claims(
        "Some Ostland Serbs have said they will boycott the vote. Several Americans said the bill would hurt them. Most said the port was closed.",
        &[
            ("Wire via ~Some Ostland Serbs", "they will boycott the vote"),
            ("Wire via ~Several Americans", "the bill would hurt them"),
        ],
    );
}

#[test]
fn a_body_named_with_and_after_a_national_modifier_is_one_body() {
    assert_chains_and_claims(
        "The rate fell, according to the National Ports and Harbour Planning Commission.",
        &[(
            "Wire via National Ports and Harbour Planning Commission",
            "The rate fell",
        )],
    );
}

#[test]
fn court_documents_are_an_unnamed_document() {
    assert_chains_and_claims(
        "Court documents say the man fled to Dravel.",
        &[("Wire via ~Court documents", "the man fled to Dravel")],
    );
}

#[test]
fn the_document_is_the_one_its_author_released_before() {
    assert_chains_and_claims(
        "The probe will examine leaks, according to a summary released by the Ostland Harbour Committee. Linda Ross called the news \"fabricated.\" According to the summary, the committee is investigating links. The port flooded, according to court documents obtained by Dravel Radio. The fees rose, according to the court documents.",
        &[
            ("Wire via Ostland Harbour Committee", "The probe will examine leaks"),
            ("Wire via Linda Ross", "the news \"fabricated."),
            ("Wire via Ostland Harbour Committee", "the committee is investigating links"),
            ("Wire via Dravel Radio", "The port flooded"),
            ("Wire via ~the court documents", "The fees rose"),
        ],
    );
}

#[test]
fn a_role_is_not_a_person_only_mentioned_under_another_title() {
    assert_chains_and_claims(
        "The government of Ostland President John Quill will not interfere, a representative of the Ostland government said. \"We respect that,\" the diplomat said.",
        &[
            ("Wire via Ostland government", "The government of Ostland President John Quill will not interfere"),
            ("Wire via ~the diplomat", "We respect that"),
        ],
    );
}

#[test]
fn plural_nouns_of_speech_after_a_modifier_are_no_cue() {
    assert_chains_and_claims(
        "John Quill drew criticism over offensive remarks he made about farmers in 2005. Linda Ross faced questions over comments she posted online.",
        &[],
    );
}

#[test]
fn a_that_clause_has_its_own_subject() {
    assert_chains_and_claims(
        "Quill was defensive, particularly when told that members said they were not satisfied. Crowds rallied against the levy that critics say could close the mill.",
        &[
            ("Wire via ~members", "they were not satisfied"),
            ("Wire via ~critics", "could close the mill"),
        ],
    );
}

#[test]
fn a_that_message_repeated_by_a_name_points_back() {
    assert_chains_and_claims(
        "Quill has offered full support, a message that Linda Ross reiterated, saying the two ports had a lasting bond. Judges at that court wrote a letter saying the ruling was an error.",
        &[
            ("Wire via Linda Ross", "Quill has offered full support"),
            ("Wire via Linda Ross", "the two ports had a lasting bond"),
            ("Wire via ~Judges at that court", "the ruling was an error"),
        ],
    );
}

#[test]
fn a_subordinate_clause_before_the_joined_cue_has_its_own_subject() {
    assert_chains_and_claims(
        "The trade became dangerous after the Dravel Council stopped all traffic and announced that anyone leaving faces a fine.",
        &[("Wire via Dravel Council", "anyone leaving faces a fine")],
    );
}

#[test]
fn an_inverted_closing_attribution_relays_the_sentence() {
    assert_chains_and_claims(
        "Linda Ross runs a shop in Dravel. The trade became dangerous after the Dravel Council stopped all traffic and announced that anyone leaving faces a fine, says Ross.",
        &[("Wire via Linda Ross via Dravel Council", "anyone leaving faces a fine")],
    );
    // The short form need not be the name's last word.
    assert_chains_and_claims(
        "The trade became dangerous, says Nejm al-Din al-Nejm, a journalist. Rents rose after the Dravel Council announced that anyone leaving faces a fine, says Nejm.",
        &[
            ("Wire via Nejm al-Din al-Nejm", "The trade became dangerous"),
            ("Wire via Nejm al-Din al-Nejm via Dravel Council", "anyone leaving faces a fine"),
        ],
    );
}

#[test]
fn a_semicolon_inside_brackets_is_no_clause_break() {
    assert_chains_and_claims(
        "Revenue rose to 40 billion yuan ($5.79 billion; 5.38 billion euros), according to Linda Ross.",
        &[(
            "Wire via Linda Ross",
            "Revenue rose to 40 billion yuan ($5.79 billion; 5.38 billion euros)",
        )],
    );
}

#[test]
fn another_speakers_clause_after_a_comma_ends_the_claim() {
    assert_chains_and_claims(
        "Replying to remarks by John Quill, who accused the press of hiding attacks, the Ostland diplomat noted that nine attacks took place in Dravel.",
        &[
            ("Wire via John Quill", "the press of hiding attacks"),
            ("Wire via ~the Ostland diplomat", "nine attacks took place in Dravel"),
        ],
    );
}

#[test]
fn the_main_cue_after_a_relative_clause_statement_has_its_own() {
    assert_chains_and_claims(
        "John Quill, who accused the press of lying, noted that nine attacks took place in Dravel. Linda Ross, who said the port was closed, added that ships were waiting.",
        &[
            ("Wire via John Quill", "the press of lying"),
            ("Wire via John Quill", "nine attacks took place in Dravel"),
            ("Wire via Linda Ross", "the port was closed"),
            ("Wire via Linda Ross", "ships were waiting"),
        ],
    );
}

#[test]
fn a_denial_or_warning_joined_to_a_statement_is_one_of_its_own() {
    assert_chains_and_claims(
        "Ostland Mining admitted paying the two foundations, but denied seeking favours in return. Linda Ross said the rejection of the harbour plan was \"deeply disappointing\" but insisted the board would press on.",
        &[
            ("Wire via Ostland Mining", "paying the two foundations"),
            ("Wire via Ostland Mining", "seeking favours in return"),
            ("Wire via Linda Ross", "the rejection of the harbour plan was \"deeply disappointing"),
            ("Wire via Linda Ross", "the board would press on"),
        ],
    );
}

#[test]
fn a_clause_joined_after_a_joined_statement_is_read() {
    assert_chains_and_claims(
        "John Quill said he saw no smoke and denied starting the fire, and Linda Ross told the court the door was open.",
        &[
            ("Wire via John Quill", "he saw no smoke"),
            ("Wire via John Quill", "starting the fire"),
            ("Wire via Linda Ross", "the door was open"),
        ],
    );
}

#[test]
fn two_bodies_joined_by_and_the_take_a_plural_cue() {
    assert_chains_and_claims(
        "The Dravel Union and the Ostland Press Council say the bureau must look harder.",
        &[
            ("Wire via Dravel Union", "the bureau must look harder"),
            (
                "Wire via Ostland Press Council",
                "the bureau must look harder",
            ),
        ],
    );
}

#[test]
fn a_belief_verb_ends_the_subject_of_a_participle() {
    assert_chains_and_claims(
        "Ross believes the West is right to be worried, warning that a new arms race was now unavoidable.",
        &[("Wire via Ross", "a new arms race was now unavoidable")],
    );
}

#[test]
fn a_title_in_quotation_marks_after_told_is_the_listener_and_relays() {
    assert_chains_and_claims(
        "An unnamed official told \"Dravel Radio\" that the cost was about $21 billion. Linda Ross told the \"Ostland Courier.\" that the mill would close.",
        &[
            ("Wire via Dravel Radio via ~An unnamed official", "the cost was about $21 billion"),
            ("Wire via Ostland Courier via Linda Ross", "the mill would close"),
        ],
    );
}

#[test]
fn states_before_a_word_that_opens_no_clause_is_a_noun() {
    assert_chains_and_claims(
        "Member states make both mandatory and voluntary contributions. Lawmakers in at least 20 states are pushing new rules.",
        &[],
    );
    assert_chains_and_claims(
        "The report states that the plan failed. \"The harm is certain,\" the Dravel River Tribe states in court documents.",
        &[
            ("Wire via ~The report", "the plan failed"),
            ("Wire via Dravel River Tribe", "The harm is certain"),
        ],
    );
}

#[test]
fn state_tv_is_read_as_state_television() {
    assert_chains_and_claims(
        "Police chief John Quill told state TV that a man arrived. A building was hit, Ostlandic state TV reported. Linda Ross told Ostlandic state television that the port closed.",
        &[
            ("Wire via ~state TV via John Quill", "a man arrived"),
            ("Wire via Ostlandic state TV", "A building was hit"),
            ("Wire via Ostlandic state television via Linda Ross", "the port closed"),
        ],
    );
}

#[test]
fn a_role_with_another_portfolio_is_not_the_minister_named_before() {
    assert_chains_and_claims(
        "Ivo Brandt insisted that his partners must side with him. But Finance Minister Linda Ross said the plan would start next month. The prime minister said he called an early election.",
        &[
            ("Wire via Ivo Brandt", "his partners must side with him"),
            ("Wire via Linda Ross", "the plan would start next month"),
            ("Wire via ~The prime minister", "he called an early election"),
        ],
    );
    assert_chains_and_claims(
        "Ivo Brandt insisted that his partners must side with him. But Finance Minister Linda Ross said the plan would start next month. The finance minister said the bank was ready.",
        &[
            ("Wire via Ivo Brandt", "his partners must side with him"),
            ("Wire via Linda Ross", "the plan would start next month"),
            ("Wire via Linda Ross", "the bank was ready"),
        ],
    );
}

#[test]
fn an_acronyms_plural_is_no_person_for_a_role() {
    assert_chains_and_claims(
        "Ostlandic NGOs have been harassed by the authorities. The prime minister said the idea would destabilise Dravel.",
        &[("Wire via ~The prime minister", "the idea would destabilise Dravel")],
    );
}

#[test]
fn v_between_two_parties_ends_no_sentence() {
    assert_chains_and_claims(
        "Linda Ross said the case echoed Quill v. Ostland, the ruling of 1973.",
        &[(
            "Wire via Linda Ross",
            "the case echoed Quill v. Ostland, the ruling of 1973",
        )],
    );
}

#[test]
fn another_speaker_or_a_refusal_after_but_ends_the_claim() {
    assert_chains_and_claims(
        "The ministry insisted the ads were a waste of money, but critics have characterized the move as sabotage.",
        &[
            ("Wire via ~The ministry", "the ads were a waste of money"),
            ("Wire via ~critics", "the move as sabotage"),
        ],
    );
    assert_chains_and_claims(
        "Linda Ross said the port would close, but declined to say when. John Quill said the mill would close, but did not provide details.",
        &[
            ("Wire via Linda Ross", "the port would close"),
            ("Wire via John Quill", "the mill would close"),
        ],
    );
    // The speaker's claim going on, and a refusal of something else, are kept.
    assert_chains_and_claims(
        "Linda Ross said the plan had failed, but that the talks would go on. John Quill said the rebels would stop fighting, but did not surrender weapons.",
        &[
            ("Wire via Linda Ross", "the plan had failed, but that the talks would go on"),
            ("Wire via John Quill", "the rebels would stop fighting, but did not surrender weapons"),
        ],
    );
}

#[test]
fn a_posted_title_before_a_place_and_a_name_is_the_named_holder() {
    assert_chains_and_claims(
        "The forces will act, Ostlandic ambassador in the Dravel Republic Ivo Brandt said. The banks did well, Ostlandic ambassador in Dravel Stanis Quill told reporters. Ostland's UN envoy in Geneva Tomas Wend said on Monday the claims were one-sided.",
        &[
            ("Wire via Ivo Brandt", "The forces will act"),
            ("Wire via Stanis Quill", "The banks did well"),
            ("Wire via Tomas Wend", "the claims were one-sided"),
        ],
    );
}

#[test]
fn a_family_name_written_first_stands_for_the_given_name_too() {
    assert_chains_and_claims(
        "Ostlandic conductor Hong Wenli had her best birthday in Dravel. \"I totally forgot my birthday,\" Hong recalls. Staff at Quill Tower were busy. \"We are ready,\" Quill said.",
        &[
            ("Wire via Hong Wenli", "I totally forgot my birthday"),
            ("Wire via Quill", "We are ready"),
        ],
    );
}

#[test]
fn a_title_set_before_the_speakers_name_is_no_part_of_the_claim() {
    assert_chains_and_claims(
        "The army has regained two towns near Dravel, the chief of the Ostlandic General Staff's operations directorate, Ivo Brandt said. By performing combat tasks abroad, the military directly help ensure Ostland's security, Linda Ross said.",
        &[
            ("Wire via Ivo Brandt", "The army has regained two towns near Dravel"),
            (
                "Wire via Linda Ross",
                "By performing combat tasks abroad, the military directly help ensure Ostland's security",
            ),
        ],
    );
}

#[test]
fn a_role_after_the_name_in_a_trailing_according_to_is_no_part_of_the_claim() {
    assert_chains_and_claims(
        "Ostland does not monitor what happens to the migrants who land in Dravel, according to Linda Ross, public policy coordinator at the Hotline for Refugees.",
        &[(
            "Wire via Linda Ross",
            "Ostland does not monitor what happens to the migrants who land in Dravel",
        )],
    );
}

#[test]
fn a_qualified_capitalised_title_is_the_role_noun() {
    assert_chains_and_claims(
        "\"This is a hard budget,\" Ivo Brandt, the budget chief, said. The former Congressman said he read the campaign speeches.",
        &[
            ("Wire via Ivo Brandt", "This is a hard budget"),
            ("Wire via Ivo Brandt", "he read the campaign speeches"),
        ],
    );
}

#[test]
fn an_interview_in_a_place_relays_nothing() {
    assert_chains_and_claims(
        "Ivo Brandt told Reuters in an interview in Dravel that his company would grow.",
        &[("Wire via Reuters via Ivo Brandt", "his company would grow")],
    );
}

#[test]
fn a_one_word_outlets_name_opening_a_persons_name_is_the_person() {
    assert_chains_and_claims(
        "\"It will have implications,\" says Sun Wenli, an analyst at the Dravel Academy.",
        &[("Wire via Sun Wenli", "It will have implications")],
    );
}

#[test]
fn a_lower_case_title_for_a_body_then_a_name_is_the_named_person() {
    assert_chains_and_claims(
        "The service has decided to impose sanctions on several MPs, spokeswoman for the Security Council Yelena Quill said on Monday. Researchers will look again, director of the Human Neuroimaging Laboratory said.",
        &[
            ("Wire via Yelena Quill", "The service has decided to impose sanctions on several MPs"),
            ("Wire via Human Neuroimaging Laboratory", "Researchers will look again"),
        ],
    );
}

#[test]
fn according_to_after_a_subordinate_clauses_statement_has_its_own() {
    assert_chains_and_claims(
        "Although Ostland officially denies the camps exist, according to a Dravel Treasury statement, Ivo Brandt directed the beatings that took place there.",
        &[
            ("Wire via Ostland", "the camps exist"),
            ("Wire via Dravel Treasury", "Ivo Brandt directed the beatings that took place there"),
        ],
    );
}

#[test]
fn a_name_in_commas_after_a_lower_case_description_is_the_next_he() {
    assert_chains_and_claims(
        "Ivo Brandt, leader of the opposition, said the plan was reckless. But one of the main authors of the plan, John Quill, former head of the Dravel Party, was jubilant. \"The dream is happening,\" he wrote on Twitter.",
        &[
            ("Wire via Ivo Brandt", "the plan was reckless"),
            ("Wire via John Quill", "The dream is happening"),
        ],
    );
}

#[test]
fn an_evaluative_s_form_after_a_plural_quantifier_and_before_that_is_a_noun() {
    assert_chains_and_claims(
        "While Dravel Tea and many other Ostland brands that position themselves as gifts have made progress, there is room for more. But Ivo Brandt, of the Dravel Institute, calls that argument \"a red herring.\"",
        &[("Wire via Ivo Brandt", "argument \"a red herring.")],
    );
}

#[test]
fn a_fronted_participle_phrase_names_no_speaker() {
    assert_chains_and_claims(
        "An article in the Ostland daily \"Dravel Post\" warned that the grid was failing. Using data from Agora, the newspaper said that coal gave 90 percent of the power. Drawing on statistics from the Agora Energiewende energy think-tank and policy laboratory, the report said that gas gave the rest.",
        &[
            ("Wire via Dravel Post", "the grid was failing"),
            ("Wire via Dravel Post", "coal gave 90 percent of the power"),
            ("Wire via Dravel Post", "gas gave the rest"),
        ],
    );
}

#[test]
fn an_evaluative_s_form_before_a_modal_is_a_noun() {
    assert_chains_and_claims(
        "Ostland companies also appear to accept that established global brands should be left as individual brands. Ivo Brandt labels the plan as reckless.",
        &[("Wire via Ivo Brandt", "the plan as reckless")],
    );
}

#[test]
fn an_owners_body_named_with_and_is_one_body() {
    assert_chains_and_claims(
        "The Bulletin's Science and Security Board said that the world was less safe. Muslim women suffer a triple penalty, according to the UK's Women and Equalities Committee.",
        &[
            ("Wire via Bulletin's Science and Security Board", "the world was less safe"),
            ("Wire via UK's Women and Equalities Committee", "Muslim women suffer a triple penalty"),
        ],
    );
}

#[test]
fn a_speech_or_remarks_said_is_their_author() {
    assert_chains_and_claims(
        "Linda Ross said on Tuesday that crime was rising. \"We have seen clear warning signs,\" the prepared speech said. Gang violence is growing, the minister's prepared remarks said. Ivo Brandt left. The sun set. The rain fell. The remarks said that police were maligned.",
        &[
            ("Wire via Linda Ross", "crime was rising"),
            ("Wire via Linda Ross", "We have seen clear warning signs"),
            ("Wire via Linda Ross", "Gang violence is growing"),
        ],
    );
}

#[test]
fn a_cue_with_that_after_a_quoted_show_title_takes_its_own_clause() {
    assert_chains_and_claims(
        "Speaking on Friday's \"Real Time with Bill Quill,\" Linda Ross acknowledged that lying was not invented in January.",
        &[("Wire via Linda Ross", "lying was not invented in January")],
    );
}

#[test]
fn a_listeners_place_with_its_state_ends_before_the_quotation() {
    assert_chains_and_claims(
        "Linda Ross told a conference this morning in Portland, Oregon, \"Crime is going back up again.\"",
        &[("Wire via Linda Ross", "Crime is going back up again.")],
    );
}

#[test]
fn a_capitalised_pronoun_after_a_glued_sub_heading_is_the_subject() {
    assert_chains_and_claims(
        "Dr Linda Ross has been a GP since 2007. \"The work is hard,\" she says. Doctors are burning out, they are overworked She says the demand on doctors has increased.",
        &[
            ("Wire via Linda Ross", "The work is hard"),
            ("Wire via Linda Ross", "the demand on doctors has increased"),
        ],
    );
}

#[test]
fn a_quoted_show_after_the_cues_preposition_is_no_part_of_the_claim() {
    assert_chains_and_claims(
        "Ivo Brandt said on \"Dravel Sunday\" this morning that the money is small.",
        &[("Wire via Ivo Brandt", "the money is small")],
    );
}

#[test]
fn after_as_a_modified_group_is_the_subject() {
    assert_chains_and_claims(
        "The vote on Capitol Hill comes amid controversy, as conservative Republicans complain that the bill does not go far enough. Linda Ross described it as a huge headquarters and said the company was leaving space.",
        &[
            ("Wire via ~conservative Republicans", "the bill does not go far enough"),
            ("Wire via Linda Ross", "the company was leaving space"),
        ],
    );
}

#[test]
fn but_critics_say_without_a_comma_is_another_statement() {
    assert_chains_and_claims(
        "Ivo Brandt insists the ban is to stop smuggling but critics say it is unfair.",
        &[
            ("Wire via Ivo Brandt", "the ban is to stop smuggling"),
            ("Wire via ~critics", "it is unfair"),
        ],
    );
}

#[test]
fn a_documents_measure_is_a_plain_modifier() {
    assert_chains_and_claims(
        "The 43-page ruling argued that the order was biased.",
        &[("Wire via ~The 43-page ruling", "the order was biased")],
    );
}

#[test]
fn that_before_a_finite_verb_is_the_claims_subject() {
    assert_chains_and_claims(
        "Ivo Brandt said that was because the party was happy. He was on a list Linda Ross announced in May that was drawn up by the Dravel Institute.",
        &[("Wire via Ivo Brandt", "that was because the party was happy")],
    );
}

#[test]
fn a_portfolio_piece_after_a_title_ends_with_the_name() {
    assert_chains_and_claims(
        "\"The market is important for the group,\" Dravel Deputy Director General for Foreign Economic Activity Ivo Brandt said. \"We will grow,\" Inspector General of Police Khalid Abu Bakar said.",
        &[
            ("Wire via Ivo Brandt", "The market is important for the group"),
            ("Wire via Khalid Abu Bakar", "We will grow"),
        ],
    );
}

#[test]
fn a_colon_inside_an_appositions_book_title_opens_no_clause() {
    assert_chains_and_claims(
        "Ivo Brandt, author of Airline: Style At 30,000 Feet, told reporters that early flights had no classes.",
        &[("Wire via Ivo Brandt", "early flights had no classes")],
    );
}

#[test]
fn the_way_something_happened_is_no_source() {
    assert_chains_and_claims(
        "They lost to Dravel United. They may have another leg to play in Ostland, yet the way Dravel tore them apart on Tuesday night to win 4-2 suggested that little can be done.",
        &[],
    );
}

#[test]
fn a_business_described_without_an_article_is_the_later_company() {
    assert_chains_and_claims(
        "Families plan to take travel company Vellor to a civil court. The company maintained it was \"wholly erroneous\" to claim it had been neglectful.",
        &[(
            "Wire via Vellor",
            "it was \"wholly erroneous\" to claim it had been neglectful",
        )],
    );
}

#[test]
fn a_name_a_company_word_ends_is_a_body_and_its_first_word_stands_for_it() {
    assert_chains_and_claims(
        "Ostland-based Dravel Pharma says the lawsuit paints a flawed picture of the events. \"We look forward to presenting the facts in court,\" the company said in a statement. Dravel said it was deeply troubled by the misuse of its medication.",
        &[
            ("Wire via Dravel Pharma", "the lawsuit paints a flawed picture of the events"),
            ("Wire via Dravel Pharma", "We look forward to presenting the facts in court"),
            ("Wire via Dravel Pharma", "it was deeply troubled by the misuse of its medication"),
        ],
    );
}

#[test]
fn a_body_described_by_its_place_is_the_body_that_spoke_or_unnamed() {
    assert_chains_and_claims(
        "Vellor Mobile Corp said it would recall the phone. The South Korean electronics giant said it had since put in additional safety measures. The incident came as a Greek anarchist group claimed that it had sent a letter bomb to the ministry.",
        &[
            ("Wire via Vellor Mobile Corp", "it would recall the phone"),
            ("Wire via Vellor Mobile Corp", "it had since put in additional safety measures"),
            ("Wire via ~a Greek anarchist group", "it had sent a letter bomb to the ministry"),
        ],
    );
}

#[test]
fn a_place_with_an_affiliation_goes_whole_from_a_name() {
    assert_chains_and_claims(
        "At least 500 people were killed by security forces, according to New York-based Ostland Rights Watch.",
        &[(
            "Wire via Ostland Rights Watch",
            "At least 500 people were killed by security forces",
        )],
    );
}

#[test]
fn an_occupation_or_nationality_before_a_full_name_is_no_part_of_it() {
    assert_chains_and_claims(
        "Survivor Tomas Vrell told reporters he was alone on the beach for 20 minutes. Singer-songwriter Ivo Brandt said his music would last forever. Indonesian Ana Ruiz said she was innocent of the charges.",
        &[
            ("Wire via Tomas Vrell", "he was alone on the beach for 20 minutes"),
            ("Wire via Ivo Brandt", "his music would last forever"),
            ("Wire via Ana Ruiz", "she was innocent of the charges"),
        ],
    );
}

#[test]
fn a_given_name_alone_is_the_one_person_named_with_it() {
    assert_chains_and_claims(
        "Police searched for Elizabeth Vrell on Monday. Elizabeth said that she had trusted the teacher completely.",
        &[(
            "Wire via Elizabeth Vrell",
            "she had trusted the teacher completely",
        )],
    );
}

#[test]
fn a_second_listener_joined_with_and_runs_to_the_that() {
    assert_chains_and_claims(
        "Ana Ruiz has told Dravel Party TDs and Senators that the party must be ready for an election.",
        &[("Wire via Ana Ruiz", "the party must be ready for an election")],
    );
}

#[test]
fn a_role_with_a_bodys_acronym_is_not_another_countrys_holder() {
    assert_chains_and_claims(
        "United Nations envoy Tomas Vrell said the talks would resume on Monday. Syrian government envoy Ivo Brandt said the opposition was undermining the talks. \"I am not expecting miracles,\" the UN envoy said.",
        &[
            ("Wire via Tomas Vrell", "the talks would resume on Monday"),
            ("Wire via Ivo Brandt", "the opposition was undermining the talks"),
            ("Wire via Tomas Vrell", "I am not expecting miracles"),
        ],
    );
}

#[test]
fn told_without_a_listener_before_an_adverbial_reads_as_said() {
    assert_chains_and_claims(
        "Ankara is set to raise the issue of visas at the council, Tomas Vrell, deputy chairman of the ruling party, told in an exclusive interview with the Wire. Dravel will lift the ban next year, Ivo Brandt told at a press conference.",
        &[
            ("Wire via Tomas Vrell", "Ankara is set to raise the issue of visas at the council"),
            ("Wire via Ivo Brandt", "Dravel will lift the ban next year"),
        ],
    );
}

#[test]
fn a_quoted_subheading_glued_to_a_sentence_leaves_its_subject() {
    assert_chains_and_claims(
        "The plan was put forward by Tomas Vrell, a member of parliament. \"It will help students,\" said Ivo Brandt, the education commissioner. 'Paper mountain' Vrell, head of the group, is not pleased with the smaller plan. \"The commission is missing a chance,\" he said.",
        &[
            ("Wire via Ivo Brandt", "It will help students"),
            ("Wire via Tomas Vrell", "The commission is missing a chance"),
        ],
    );
}

#[test]
fn told_him_that_inside_a_reported_clause_nests_its_teller() {
    assert_chains_and_claims(
        "Ana Ruiz said Dravel prison officials told him that the prisoner had surgery in 2006. Ivo Brandt said the governor told him to leave the room at once.",
        &[
            ("Wire via Ana Ruiz via ~Dravel prison officials", "the prisoner had surgery in 2006"),
            ("Wire via Ivo Brandt", "the governor told him to leave the room at once"),
        ],
    );
}

#[test]
fn a_body_named_as_a_passive_agent_is_the_next_it() {
    assert_chains_and_claims(
        "The warning has been made by Dravel Care Providers, which represents hospital trusts. It said front-line services do not have enough money.",
        &[("Wire via Dravel Care Providers", "front-line services do not have enough money")],
    );
}

#[test]
fn a_known_surname_from_a_university_is_the_person() {
    assert_chains_and_claims(
        "Tomas Vrell, a professor of politics, has studied the vote. Vrell from the University of Ostland told the Wire that the region's case is stronger than ever. Research from the University of Ostland found that recycling rates fell.",
        &[
            ("Wire via Tomas Vrell", "the region's case is stronger than ever"),
            ("Wire via University of Ostland", "recycling rates fell"),
        ],
    );
}

#[test]
fn a_medium_named_before_a_report_noun_is_its_author() {
    assert_chains_and_claims(
        "Ana Ruiz denied a Dravel Post report that said officials tried to block the witness. Ivo Brandt deflected a question about a Dravel Post report that the minister met the envoy twice, saying he needs to know more. The debate follows a Dravel Post report that quoted one of the hosts.",
        &[
            ("Wire via Ana Ruiz", "a Dravel Post report that said officials tried to block the witness"),
            ("Wire via Dravel Post", "officials tried to block the witness"),
            ("Wire via Ivo Brandt", "he needs to know more"),
            ("Wire via Dravel Post", "the minister met the envoy twice"),
        ],
    );
}

#[test]
fn a_subordinate_clause_before_the_cue_has_its_own_subject() {
    assert_chains_and_claims(
        "Ahead of the vote on Tuesday, the government appeared to bow to pressure, as Brexit Minister Ivo Brandt announced that MPs will get to vote on the deal.",
        &[("Wire via Ivo Brandt", "MPs will get to vote on the deal")],
    );
}

#[test]
fn a_time_clause_after_a_trailing_cue_is_no_content() {
    assert_chains_and_claims(
        "Tourism can grow further next year, Ana Ruiz said after the bureau released figures showing a sharp rise in arrivals. Ivo Brandt, the bureau's head, said after the meeting that arrivals rose.",
        &[
            ("Wire via Ana Ruiz", "Tourism can grow further next year"),
            ("Wire via Ivo Brandt", "arrivals rose"),
        ],
    );
}

#[test]
fn prose_glued_after_an_embedded_post_is_read() {
    assert_chains_and_claims(
        "Ana Ruiz spoke on the show. \"I speak my truth,\" she tweeted. There is only the truth. pic.twitter.com/dD1tnPDbp Ivo Brandt refused to apologize, saying that he has moderate views. He also pointed out that it is fine for members to disagree. Both sides met. #Topic pic.twitter.com/K77hwo Me to the cook: #Topic said you are a spy?",
        &[
            ("Wire via Ana Ruiz", "I speak my truth"),
            ("Wire via Ivo Brandt", "he has moderate views"),
            ("Wire via Ivo Brandt", "it is fine for members to disagree"),
        ],
    );
}

#[test]
fn a_clause_joined_after_a_comma_has_its_own_subject() {
    assert_chains_and_claims(
        "Sheriff Tomas Vrell spoke on Monday. Dana Kell's white Dravel Coupe was stolen, and Vrell said that video showed the pair took the car.",
        &[("Wire via Tomas Vrell", "video showed the pair took the car")],
    );
}

#[test]
fn as_recently_as_before_that_is_an_adverbial() {
    assert_chains_and_claims(
        "The ministry said as recently as this week that it was calling for the activist's release. Ana Ruiz said as long as growth is positive, jobs will come back.",
        &[
            ("Wire via ~The ministry", "it was calling for the activist's release"),
            ("Wire via Ana Ruiz", "as long as growth is positive, jobs will come back"),
        ],
    );
}

#[test]
fn a_speaker_phrase_holding_did_is_a_misread_clause() {
    assert_chains_and_claims(
        "At the same time, opposition members did not accept the council's decision who later said that all events held on Saturday would be unlawful.",
        &[],
    );
}

#[test]
fn a_known_name_after_a_lower_case_description_is_the_person() {
    assert_chains_and_claims(
        "The Emirates want to buy more helicopters, CEO of Russian Helicopters rotorcraft manufacturer Andrei Volkov said on Thursday.",
        &[("Wire via Andrei Volkov", "The Emirates want to buy more helicopters")],
    );
}

#[test]
fn a_relative_clause_with_two_names_joined_gives_each_name() {
    assert_chains_and_claims(
        "Ties have soured since the killing, which South Africa and the US say was a murder planned by agents.",
        &[
            ("Wire via South Africa", "was a murder planned by agents"),
            ("Wire via US", "was a murder planned by agents"),
        ],
    );
}

#[test]
fn a_quoted_nickname_inside_a_name_is_no_quotation() {
    assert_chains_and_claims(
        "Ret. Gen. Tomas \"Hawk\" Vrell, a military analyst, warned at a forum that the force was tired.",
        &[("Wire via Tomas Vrell", "the force was tired")],
    );
    // Typographic marks too.
    assert_chains_and_claims(
        "Ret. Gen. Tomas \u{201c}Hawk\u{201d} Vrell warned at a forum that the force was tired.",
        &[("Wire via Tomas Vrell", "the force was tired")],
    );
}

#[test]
fn a_sentence_after_a_dotted_abbreviation_has_its_own_subject() {
    assert_chains_and_claims(
        "Migrants who arrive are told to apply in the U.S. An opposition lawmaker grilled the minister on Thursday, saying the pact pushes refugees away from checkpoints.",
        &[(
            "Wire via ~An opposition lawmaker",
            "the pact pushes refugees away from checkpoints",
        )],
    );
}

#[test]
fn a_quotation_after_a_colon_and_before_a_closing_cue_is_one_statement() {
    assert_chains_and_claims(
        "Analyst Tomas Vrell told Ostland Radio: \"The thaw is under way. Dialogue matters,\" he explained.",
        &[(
            "Wire via Ostland Radio via Tomas Vrell",
            "The thaw is under way. Dialogue matters",
        )],
    );
}

#[test]
fn a_roles_office_is_the_office_named_before_else_unnamed() {
    assert_chains_and_claims(
        "The raid was ordered, according to the Ostland County Sheriff's Office. The suspect was calm, the state attorney's office said. The Port Aster prosecutor's office said a case was opened. The men were armed, the prosecutor's office said.",
        &[
            ("Wire via Ostland County Sheriff's Office", "The raid was ordered"),
            ("Wire via ~the state attorney's office", "The suspect was calm"),
            ("Wire via Port Aster prosecutor's office", "a case was opened"),
            ("Wire via Port Aster prosecutor's office", "The men were armed"),
        ],
    );
}

#[test]
fn a_body_described_with_another_owner_is_not_the_body_named_before() {
    assert_chains_and_claims(
        "The bodies were recovered on Monday, Ostland's defence ministry said. The breakaway region's self-declared defence ministry accused Ostland's army of trying to enter its land.",
        &[("Wire via Ostland's defence ministry", "The bodies were recovered on Monday")],
    );
}

#[test]
fn a_body_named_for_two_places_keeps_its_whole_name() {
    assert_chains_and_claims(
        "The submarines are quiet, the U.S.-China Economic and Security Review Commission said in a report.",
        &[(
            "Wire via U.S.-China Economic and Security Review Commission",
            "The submarines are quiet",
        )],
    );
}

#[test]
fn a_noun_cue_before_that_and_a_past_verb_is_a_noun() {
    assert_chains_and_claims(
        "Ivo Brandt drew criticism for often-unfiltered tweets that included mocking a judge. Ana Ruiz made comments that appeared to contradict her envoy.",
        &[],
    );
}

#[test]
fn an_adjective_opening_a_sentence_is_no_name() {
    assert_chains_and_claims(
        "Senior surgeons at the hospital said they had warned managers. Local reports said the group came from Ostland. Recent studies found that girls guess less often.",
        &[
            ("Wire via ~Senior surgeons at the hospital", "they had warned managers"),
            ("Wire via ~Local reports", "the group came from Ostland"),
            ("Wire via ~Recent studies", "girls guess less often"),
        ],
    );
}
