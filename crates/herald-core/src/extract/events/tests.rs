//! The coder on real news sentences (wire-copy reporting of real events), one construction
//! per test: active and passive voice, reported speech, compound actors, nominal events,
//! modality, PLOVER's future rule, counts, places, dates and discards.

use crate::model::{Article, Event, EventType, Modality};
use crate::pipeline::code;
use chrono::NaiveDate;

pub(super) fn article(text: &str, published: &str) -> Article {
    Article {
        id: "a-test".into(),
        url: None,
        title: None,
        published: Some(NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap()),
        source: None,
        authors: Vec::new(),
        language: "en".into(),
        text: text.into(),
        body_start: 0,
        duplicate_of: None,
        story_id: None,
        origin: None,
    }
}

fn events(text: &str, published: &str) -> Vec<Event> {
    code(&article(text, published))
}

fn one(text: &str, published: &str) -> Event {
    let evs = events(text, published);
    assert_eq!(evs.len(), 1, "expected one event in {text:?}, got {evs:#?}");
    evs.into_iter().next().unwrap()
}

fn codes(list: &[crate::model::ActorRecord]) -> Vec<String> {
    list.iter()
        .map(|a| a.code.clone().unwrap_or_default())
        .collect()
}

fn sectors(list: &[crate::model::ActorRecord]) -> Vec<String> {
    list.iter()
        .map(|a| a.sector.first().cloned().unwrap_or_default())
        .collect()
}

#[test]
fn active_voice_with_mode_place_date_and_count() {
    let text =
        "Police fired tear gas at opposition supporters in Nairobi on Tuesday, injuring 12 people.";
    let e = one(text, "2023-03-15");
    assert_eq!(e.event, EventType::Assault);
    assert_eq!(e.mode, vec!["crowd-control"]);
    assert_eq!(e.actor[0].entity_text, "Police");
    assert_eq!(sectors(&e.actor), vec!["COP"]);
    assert_eq!(e.recipient[0].entity_text, "opposition supporters");
    assert_eq!(sectors(&e.recipient), vec!["OPP"]);
    let loc = e.event_loc.as_ref().expect("placed");
    assert_eq!(loc.extracted_place, "Nairobi");
    assert_eq!(loc.country_code.as_deref(), Some("KEN"));
    assert_eq!(
        codes(&e.actor),
        vec!["KEN"],
        "police take the country of the place of the event"
    );
    assert_eq!(e.date, NaiveDate::from_ymd_opt(2023, 3, 14));
    assert_eq!(e.date_text.as_ref().unwrap().text, "on Tuesday");
    assert_eq!(e.size.injured, Some(12));
    assert_eq!(e.modality, Modality::Asserted);
    // Provenance: offsets give the evidence back.
    let chars: Vec<char> = text.chars().collect();
    let span: String = chars[e.event_text.start..e.event_text.end].iter().collect();
    assert_eq!(span, e.event_text.text);
}

#[test]
fn passive_voice_swaps_actor_and_recipient() {
    let e = one(
        "Two Malian soldiers were killed by militants near the town of Gao on Sunday.",
        "2022-05-10",
    );
    assert_eq!(e.event, EventType::Assault);
    assert_eq!(e.actor[0].entity_text, "militants");
    assert_eq!(codes(&e.recipient), vec!["MLI"]);
    assert_eq!(sectors(&e.recipient), vec!["MIL"]);
    assert_eq!(e.size.dead, Some(2));
}

#[test]
fn reported_speech_codes_the_reported_act() {
    let e = one(
        "Ukraine's defence ministry said Russian forces shelled Kharkiv overnight.",
        "2022-03-02",
    );
    assert_eq!(e.event, EventType::Assault);
    assert_eq!(codes(&e.actor), vec!["RUS"]);
    assert_eq!(sectors(&e.actor), vec!["MIL"]);
    assert_eq!(e.mode, vec!["heavy-weapons"]);
}

#[test]
fn compound_actors_stay_one_event() {
    let e = one(
        "Egypt, Jordan and the European Union condemned the attack.",
        "2023-10-18",
    );
    assert_eq!(e.event, EventType::Accuse);
    assert_eq!(e.mode, vec!["disapprove"]);
    assert_eq!(codes(&e.actor), vec!["EGY", "JOR", "EU"]);
}

#[test]
fn leaders_are_coded_with_their_role_on_the_date() {
    let e = one("Chinese President Xi Jinping held talks with Russian President Vladimir Putin in Moscow on Monday.", "2023-03-21");
    assert_eq!(e.event, EventType::Consult);
    assert_eq!(codes(&e.actor), vec!["CHN"]);
    assert_eq!(sectors(&e.actor), vec!["GOV"]);
    assert_eq!(codes(&e.recipient), vec!["RUS"]);
    assert_eq!(e.event_loc.as_ref().unwrap().extracted_place, "Moscow");
}

#[test]
fn nested_trigger_is_coded_once_by_the_outer_event() {
    let e = one(
        "Iran threatened to close the Strait of Hormuz if the United States imposed new sanctions.",
        "2012-01-04",
    );
    assert_eq!(e.event, EventType::Threaten);
    assert_eq!(codes(&e.actor), vec!["IRN"]);
}

#[test]
fn nominal_event_with_adjective_actor_and_on_recipient() {
    let e = one(
        "Israeli airstrikes on Gaza killed at least 20 people, health officials said.",
        "2021-05-11",
    );
    assert_eq!(e.event, EventType::Assault);
    assert_eq!(e.mode, vec!["aerial"]);
    assert_eq!(codes(&e.actor), vec!["ISR"]);
    assert_eq!(e.size.dead, Some(20));
}

#[test]
fn negation_sets_modality() {
    let e = one(
        "Pakistan denied attacking Afghan border posts.",
        "2022-04-17",
    );
    assert_eq!(e.modality, Modality::Negated);
    let e = one("Police did not arrest any of the protesters.", "2022-04-17");
    assert_eq!(e.event, EventType::Coerce);
    assert_eq!(e.modality, Modality::Negated);
}

#[test]
fn future_cooperation_is_agree_and_future_hostility_is_threaten() {
    let e = one("Japan will send humanitarian aid to Turkey.", "2023-02-07");
    assert_eq!(e.event, EventType::Agree);
    assert_eq!(e.modality, Modality::Asserted);
    let e = one(
        "The European Union will impose sanctions on Belarus.",
        "2021-06-21",
    );
    assert_eq!(e.event, EventType::Threaten);
}

#[test]
fn background_totals_are_historical_and_not_counted() {
    let e = one(
        "Almost 600 protesters have been killed by security forces since 2019.",
        "2021-11-07",
    );
    assert_eq!(e.modality, Modality::Historical);
    assert_eq!(e.size.dead, None);
}

#[test]
fn sentences_without_a_date_inherit_the_story_date() {
    let text = "Gunmen stormed a police station in Kaduna on Friday. They killed three officers and freed 20 inmates.";
    let evs = events(text, "2021-11-08");
    let second = evs
        .iter()
        .find(|e| e.text_info.sequence == 1)
        .expect("second sentence coded");
    assert_eq!(second.date, NaiveDate::from_ymd_opt(2021, 11, 5));
    assert_eq!(second.date_text.as_ref().unwrap().text, "on Friday");
}

#[test]
fn undated_sentences_fall_back_to_the_publication_week() {
    let e = one(
        "Sudanese troops clashed with the Rapid Support Forces in Khartoum.",
        "2023-04-16",
    );
    assert_eq!(e.date, NaiveDate::from_ymd_opt(2023, 4, 16));
    assert_eq!(e.date_precision, Some(crate::model::DatePrecision::Week));
    assert!(e.date_text.is_none());
}

#[test]
fn sports_and_idioms_are_discarded() {
    assert!(events(
        "Real Madrid attacked down the left in the second half and Vinicius scored.",
        "2023-05-01"
    )
    .is_empty());
    assert!(events(
        "Liverpool stormed to victory over Manchester United.",
        "2023-03-06"
    )
    .is_empty());
}

#[test]
fn ids_are_stable_and_distinct() {
    let text = "Police arrested 25 protesters in Minsk. Belarus expelled two Polish diplomats.";
    let a = events(text, "2021-05-24");
    let b = events(text, "2021-05-24");
    assert_eq!(a, b);
    assert_eq!(a.len(), 2);
    assert_ne!(a[0].id, a[1].id);
    assert_eq!(a[0].size.arrested, Some(25));
    assert_eq!(a[1].event, EventType::Sanction);
}

#[test]
fn spokespeople_speak_for_their_organisation() {
    let e = one(
        "A police spokesman said officers arrested 14 people in Lagos on Monday.",
        "2020-10-21",
    );
    assert_eq!(e.event, EventType::Coerce);
    assert_eq!(sectors(&e.actor), vec!["COP"]);
    let e = one(
        "A spokesman for the Kenyan army condemned the attack.",
        "2019-01-16",
    );
    assert_eq!(e.event, EventType::Accuse);
    assert_eq!(e.actor[0].entity_text, "spokesman for the Kenyan army");
    assert_eq!(codes(&e.actor), vec!["KEN"]);
    assert_eq!(sectors(&e.actor), vec!["MIL"]);
}

#[test]
fn a_country_name_modifies_only_the_next_noun() {
    let e = one("Britain deployed troops to Estonia.", "2017-03-18");
    assert_eq!(e.event, EventType::Mobilize);
    assert_eq!(e.actor[0].entity_text, "Britain");
    let e = one("U.S. troops withdrew from Kabul.", "2021-08-31");
    assert_eq!(e.actor[0].entity_text, "U.S. troops");
    assert_eq!(sectors(&e.actor), vec!["MIL"]);
}

#[test]
fn a_generic_head_takes_the_sector_of_the_role_before_it() {
    let e = first_of(
        "Israeli intelligence officials accused Iran of plotting attacks on Jewish targets \
         in Europe.",
        "2024-11-20",
        EventType::Accuse,
    );
    assert_eq!(e.actor[0].entity_text, "Israeli intelligence officials");
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["ISR".into()], vec!["SPY".into()])
    );
    let e = first_of(
        "Hamas leaders rejected the Egyptian ceasefire proposal on Tuesday.",
        "2024-05-07",
        EventType::Reject,
    );
    assert_eq!(e.actor[0].entity_text, "Hamas leaders");
    assert_eq!(sectors(&e.actor), vec!["REB"]);
}

#[test]
fn peoples_are_coded_where_they_live_and_counted_nationals_are_civilians() {
    // An ethnic group named with its place of residence is that country's population.
    let e = first_of(
        "Ethnic Serbs in northern Kosovo protested on Friday against the installation of \
         ethnic Albanian mayors.",
        "2023-05-27",
        EventType::Protest,
    );
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["XKX".into()], vec!["CVL".into()])
    );
    // Counted nationals are people, not their state.
    let e = first_of(
        "Thousands of Kenyans marched in Nairobi on Tuesday to protest against proposed tax \
         increases.",
        "2024-06-26",
        EventType::Protest,
    );
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["KEN".into()], vec!["CVL".into()])
    );
    // An ethnic group noun after a country adjective: that country's population.
    let e = first_of(
        "Syrian Kurds accused Turkey of shelling villages near Kobani.",
        "2022-11-21",
        EventType::Accuse,
    );
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["SYR".into()], vec!["CVL".into()])
    );
}

#[test]
fn a_restriction_in_a_place_falls_on_its_people() {
    let e = first_of(
        "Authorities imposed a curfew in Leh on Wednesday after four people were killed in \
         clashes between police and protesters.",
        "2025-09-25",
        EventType::Coerce,
    );
    assert_eq!(e.recipient[0].entity_text, "Leh");
    assert_eq!(
        (codes(&e.recipient), sectors(&e.recipient)),
        (vec!["IND".into()], vec!["CVL".into()])
    );
    // A place that is only where the event happened is not a recipient.
    let e = first_of(
        "Police arrested three men in Leh on Wednesday.",
        "2025-09-25",
        EventType::Coerce,
    );
    assert!(e.recipient.iter().all(|r| r.entity_text != "Leh"));
}

#[test]
fn a_role_noun_before_a_thing_is_no_party() {
    // "military aid" names no party: the recipient is the country after it.
    let e = first_of(
        "Germany promised on Tuesday to continue military aid to Ukraine.",
        "2024-07-02",
        EventType::Agree,
    );
    assert_eq!(codes(&e.recipient), vec!["UKR"]);
    assert_eq!(sectors(&e.recipient), vec![""]);
}

#[test]
fn homes_and_towns_of_a_people_are_civilians() {
    let e = first_of(
        "Israeli forces demolished Palestinian homes in the village of Masafer Yatta on \
         Wednesday.",
        "2024-07-03",
        EventType::Coerce,
    );
    assert_eq!(e.recipient[0].entity_text, "Palestinian homes");
    assert_eq!(
        (codes(&e.recipient), sectors(&e.recipient)),
        (vec!["PSE".into()], vec!["CVL".into()])
    );
}

#[test]
fn a_former_office_holder_is_elite_not_government() {
    let e = first_of(
        "Former Pakistani prime minister Imran Khan called for nationwide protests on Friday.",
        "2024-07-05",
        EventType::Request,
    );
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["PAK".into()], vec!["ELI".into()])
    );
}

#[test]
fn residents_of_a_place_are_its_population() {
    let e = first_of(
        "Residents of the Gaza Strip accused Israel of blocking fuel deliveries.",
        "2024-07-02",
        EventType::Accuse,
    );
    assert_eq!(e.actor[0].entity_text, "Residents");
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["PSE".into()], vec!["CVL".into()])
    );
    let e = first_of(
        "The Serbs of northern Kosovo boycotted the local elections on Sunday.",
        "2023-04-24",
        EventType::Protest,
    );
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["XKX".into()], vec!["CVL".into()])
    );
}

#[test]
fn a_protest_is_against_the_state_party_the_sentence_names() {
    let e = first_of(
        "Thousands of Kenyans marched in Nairobi on Tuesday demanding the resignation of \
         President William Ruto.",
        "2024-07-02",
        EventType::Protest,
    );
    assert_eq!(
        (codes(&e.recipient), sectors(&e.recipient)),
        (vec!["KEN".into()], vec!["GOV".into()])
    );
    // The source of a report is not the target (the state of the place is: see
    // `protest_without_a_target_is_against_the_state_it_happens_in`).
    let e = first_of(
        "Protesters blocked roads in Dhaka on Monday, police said.",
        "2024-07-01",
        EventType::Protest,
    );
    assert!(
        e.recipient.iter().all(|r| r.entity_text != "police"),
        "{:?}",
        e.recipient
    );
}

#[test]
fn a_name_after_town_of_is_a_place_not_a_party() {
    let e = first_of(
        "Gunmen attacked a police station in the town of Chaman on Friday.",
        "2024-07-05",
        EventType::Assault,
    );
    assert!(
        e.recipient
            .iter()
            .chain(&e.actor)
            .all(|a| a.entity_text != "Chaman"),
        "{e:#?}"
    );
}

#[test]
fn a_bombing_with_no_one_named_is_by_unidentified_armed_actors() {
    let e = first_of(
        "A roadside bomb killed three soldiers near the town of Kidal on Monday.",
        "2024-07-01",
        EventType::Assault,
    );
    assert_eq!(e.actor[0].entity_text, "bomb");
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["MLI".into()], vec!["UAF".into()])
    );
    let e = first_of(
        "A journalist was killed in a car bomb explosion in Mogadishu on Saturday.",
        "2024-07-06",
        EventType::Assault,
    );
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["SOM".into()], vec!["UAF".into()])
    );
    // A named perpetrator is the actor, not the device.
    let e = first_of(
        "Al-Shabaab militants killed five soldiers with a roadside bomb in Lower Shabelle.",
        "2024-07-06",
        EventType::Assault,
    );
    assert_ne!(sectors(&e.actor), vec!["UAF"]);
}

#[test]
fn a_named_group_before_a_role_noun_is_its_members() {
    let e = first_of(
        "Hezbollah fighters attacked an Israeli army post near the border on Sunday.",
        "2024-01-07",
        EventType::Assault,
    );
    assert_eq!(e.actor[0].entity_text, "Hezbollah fighters");
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["LBN".into()], vec!["REB".into()])
    );
}

#[test]
fn a_titled_person_of_a_country_belongs_to_it() {
    let e = first_of(
        "Prime Minister Kristrun Frostadottir of Iceland met Danish Prime Minister Mette \
         Frederiksen in Copenhagen on Monday.",
        "2025-03-03",
        EventType::Consult,
    );
    assert_eq!(
        e.actor[0].entity_text,
        "Prime Minister Kristrun Frostadottir of Iceland"
    );
    assert_eq!(codes(&e.actor), vec!["ISL"]);
}

#[test]
fn the_subject_of_must_keeps_its_place() {
    // "the paramilitaries in Khartoum must": the demand is on the paramilitaries.
    let e = first_of(
        "Britain's foreign secretary said on Friday that the Sudanese army and the \
         paramilitaries in Khartoum must agree to a ceasefire.",
        "2025-03-02",
        EventType::Request,
    );
    assert_eq!(codes(&e.recipient), vec!["SDN", "SDN"]);
    assert_eq!(sectors(&e.recipient), vec!["MIL", "PRM"]);
}

#[test]
fn a_country_adjective_owns_the_institution_after_it() {
    // "the Treasury" alone is the U.S. Treasury; "Argentine Treasury" is not.
    let e = first_of(
        "Argentine Treasury Secretary Mario Brodersohn met creditor banks in New York on \
         Tuesday.",
        "1987-03-03",
        EventType::Consult,
    );
    assert_eq!(codes(&e.actor), vec!["ARG"]);
    assert_eq!(sectors(&e.actor), vec!["GOV"]);
}

#[test]
fn a_party_after_from_or_with_later_in_the_clause_is_the_recipient() {
    let e = first_of(
        "Students in Dhaka demanded greater political freedoms and fair job quotas from the \
         Bangladeshi government.",
        "2024-07-02",
        EventType::Request,
    );
    assert_eq!(
        (codes(&e.recipient), sectors(&e.recipient)),
        (vec!["BGD".into()], vec!["GOV".into()])
    );
    let e = first_of(
        "Russia announced on Tuesday the withdrawal of some troops from Belarus after joint \
         exercises.",
        "2024-07-02",
        EventType::Retreat,
    );
    assert_eq!(codes(&e.recipient), vec!["BLR"]);
    // A country name that modifies a noun is no party.
    let e = first_of(
        "The central bank governor rejected calls to halt the rise of the Taiwan dollar \
         against the U.S. dollar.",
        "1987-03-02",
        EventType::Reject,
    );
    assert!(
        e.recipient.iter().all(|r| r.entity_text != "U.S."),
        "{:?}",
        e.recipient
    );
}

#[test]
fn forces_sent_are_the_senders_means_not_a_party() {
    // The troops are Germany's, not Lithuania's: the recipient is Lithuania itself.
    let e = first_of(
        "Germany will deploy 4,800 troops to Lithuania to strengthen NATO's eastern flank.",
        "2023-06-26",
        EventType::Threaten,
    );
    assert_eq!(codes(&e.recipient), vec!["LTU"]);
    assert_eq!(sectors(&e.recipient), vec![""]);
    // Troops "in" a country are not of it either: the recipient is the country.
    let e = first_of(
        "Japan has refused to deploy troops in Afghanistan, a government spokesman said.",
        "2001-10-02",
        EventType::Reject,
    );
    assert_eq!(
        (codes(&e.recipient), sectors(&e.recipient)),
        (vec!["AFG".to_string()], vec![String::new()])
    );
}

#[test]
fn security_officials_are_security_forces() {
    let e = first_of(
        "Egyptian security officials arrested 12 suspected militants in North Sinai on \
         Tuesday.",
        "2018-02-13",
        EventType::Coerce,
    );
    assert_eq!(
        (codes(&e.actor), sectors(&e.actor)),
        (vec!["EGY".into()], vec!["COP".into()])
    );
}

fn first_of(text: &str, published: &str, t: EventType) -> Event {
    events(text, published)
        .into_iter()
        .find(|e| e.event == t)
        .unwrap_or_else(|| panic!("no {t:?} event in {text:?}"))
}

#[test]
fn unknown_names_join_the_role_or_people_before_them() {
    // A name the dictionaries do not know is kept as text, with the country the context gives.
    let e = one(
        "Kenyan opposition leader Raila Odinga called for mass protests.",
        "2023-03-20",
    );
    assert_eq!(e.event, EventType::Request);
    assert_eq!(
        e.actor[0].entity_text,
        "Kenyan opposition leader Raila Odinga"
    );
    assert_eq!(codes(&e.actor), vec!["KEN"]);
    let e = one(
        "Thousands of Syrian Kurds demonstrated in Qamishli on Sunday.",
        "2019-10-14",
    );
    assert_eq!(e.event, EventType::Protest);
    assert_eq!(e.actor[0].entity_text, "Syrian Kurds");
    assert_eq!(codes(&e.actor), vec!["SYR"]);
}

#[test]
fn capitalised_trigger_words_inside_a_sentence_are_names() {
    // "March" is the month, "Strike" part of a name: no PROTEST, no ASSAULT.
    assert!(events(
        "The report was published in March by the Joint Strike Fighter office.",
        "2018-04-02"
    )
    .is_empty());
    // Headline case keeps its triggers.
    let e = one(
        "Kenyan Police Arrest Opposition Leaders In Nairobi",
        "2023-03-20",
    );
    assert_eq!(e.event, EventType::Coerce);
}

#[test]
fn weak_triggers_need_named_parties() {
    // "support" and "offer" are everyday words; without a named party they are not events.
    assert!(events(
        "The company will offer discounts to people who support the campaign.",
        "2018-01-15"
    )
    .is_empty());
    let e = one("Germany offered to support Ukraine.", "2022-02-26");
    assert_eq!(e.event, EventType::Agree);
    assert_eq!(codes(&e.actor), vec!["DEU"]);
    assert_eq!(codes(&e.recipient), vec!["UKR"]);
}

#[test]
fn a_demand_needs_no_other_trigger() {
    let e = one(
        "The European Commission said Poland must restore the independence of its courts.",
        "2021-07-14",
    );
    assert_eq!(e.event, EventType::Request);
    assert_eq!(codes(&e.actor), vec!["EU"]);
    assert_eq!(codes(&e.recipient), vec!["POL"]);
}

#[test]
fn a_declared_intent_not_to_cooperate_is_a_refusal() {
    let e = one(
        "Hungary will not accept migrants under the EU quota plan, its foreign minister said.",
        "2015-09-22",
    );
    assert_eq!(e.event, EventType::Reject);
    assert_eq!(e.modality, Modality::Asserted);
    // A plain negated meeting stays a negated CONSULT.
    let e = one("Putin did not meet Zelensky in Istanbul.", "2025-05-16");
    assert_eq!(e.event, EventType::Consult);
    assert_eq!(e.modality, Modality::Negated);
}

#[test]
fn a_purpose_clause_after_an_event_noun_is_its_own_event() {
    let evs = events(
        "Thousands of Kenyans gathered for a rally in Nairobi to protest against tax rises.",
        "2024-06-25",
    );
    let e = evs
        .iter()
        .find(|e| e.event == EventType::Protest)
        .expect("the protest");
    assert_eq!(codes(&e.actor), vec!["KEN"]);
}

#[test]
fn a_visit_is_hosted_by_the_country_visited() {
    let e = one(
        "Chinese Foreign Minister Wang Yi arrived in Nairobi on Sunday for a three-day visit.",
        "2024-01-15",
    );
    assert_eq!(e.event, EventType::Consult);
    assert_eq!(codes(&e.actor), vec!["CHN"]);
    assert_eq!(codes(&e.recipient), vec!["KEN"]);
    assert_eq!(e.recipient[0].entity_text, "Nairobi");
}

#[test]
fn an_apposition_between_subject_and_verb_is_skipped() {
    let e = one(
        "Pakistan, a key U.S. ally in the region, has refused to deploy troops to Iraq.",
        "2004-07-20",
    );
    assert_eq!(e.event, EventType::Reject);
    assert_eq!(codes(&e.actor), vec!["PAK"]);
}

#[test]
fn hardware_names_and_states_of_action() {
    // Aircraft stand for the air force; "were engaged in" is not a passive.
    let e = one(
        "Russian aircraft killed 46 Afghan civilians in an attack on a village in Herat province.",
        "1987-06-01",
    );
    assert_eq!(codes(&e.actor), vec!["RUS"]);
    assert_eq!(sectors(&e.actor), vec!["MIL"]);
    assert_eq!(e.size.dead, Some(46));
    let e = one("Myanmar troops were engaged in ethnic cleansing against the Rohingya, UN investigators said.", "2018-08-27");
    assert_eq!(e.event, EventType::Assault);
    assert_eq!(codes(&e.actor), vec!["MMR"]);
    // A lone adjective right before the event word is its actor.
    let e = one(
        "Palestinian riots against Israeli military rule continued in Gaza.",
        "1988-02-01",
    );
    assert_eq!(e.event, EventType::Protest);
    assert_eq!(codes(&e.actor), vec!["PSE"]);
    // An unknown name takes the country named after "of".
    let e = one(
        "Sheikh Tamim of Qatar hosted the Taliban delegation in Doha.",
        "2020-02-29",
    );
    assert_eq!(codes(&e.actor), vec!["QAT"]);
}

#[test]
fn one_happening_told_twice_is_one_event() {
    // The claim, the toll and the nationalities of the dead are one bombing.
    let text = "The Pakistani Taliban claimed responsibility for the suicide bombing of the World Food Program office in Islamabad. Monday's blast in Islamabad killed five U.N. employees and wounded five others. Officials said four Pakistanis and one Iraqi national were killed.";
    let evs = events(text, "2009-10-06");
    let assaults: Vec<&Event> = evs
        .iter()
        .filter(|e| e.event == EventType::Assault)
        .collect();
    assert_eq!(assaults.len(), 1, "{assaults:#?}");
    let a = assaults[0];
    assert_eq!(codes(&a.actor), vec!["PAK"]);
    assert_eq!(a.size.dead, Some(5));
    assert_eq!(a.size.injured, Some(5));
    assert_eq!(a.date, NaiveDate::from_ymd_opt(2009, 10, 5));
    assert_eq!(a.mode, vec!["suicide-attack"]);
    // Two protests on different days stay two.
    let text = "Thousands of protesters rallied in Nairobi on Tuesday. Protesters rallied again in Nairobi on Thursday.";
    let protests = events(text, "2023-03-24")
        .into_iter()
        .filter(|e| e.event == EventType::Protest)
        .count();
    assert_eq!(protests, 2);
}

#[test]
fn a_passive_met_is_not_a_meeting() {
    assert!(events(
        "The convoy was met with gunfire near the border.",
        "2020-01-01"
    )
    .iter()
    .all(|e| e.event != EventType::Consult));
    let e = one(
        "Emmanuel Macron met Olaf Scholz in Berlin on Monday.",
        "2023-10-10",
    );
    assert_eq!(e.event, EventType::Consult);
    assert_eq!(codes(&e.actor), vec!["FRA"]);
    assert_eq!(codes(&e.recipient), vec!["DEU"]);
}

#[test]
fn past_perfect_and_last_years_events_are_historical() {
    let e = one(
        "Police had arrested the opposition leader in Harare before the vote, his lawyer said on Friday.",
        "2023-08-25",
    );
    assert_eq!(e.event, EventType::Coerce);
    assert_eq!(e.modality, Modality::Historical);
    let e = one(
        "Last year's attack on the embassy in Kabul killed 12 people.",
        "2023-08-25",
    );
    assert_eq!(e.event, EventType::Assault);
    assert_eq!(e.modality, Modality::Historical);
}

#[test]
fn a_meeting_with_names_the_other_party() {
    let evs = events(
        "German Foreign Minister Annalena Baerbock's meeting with Chinese officials in Beijing ended without agreement.",
        "2023-04-14",
    );
    let e = &evs[0];
    assert_eq!(e.event, EventType::Consult);
    assert_eq!(codes(&e.actor), vec!["DEU"]);
    assert_eq!(codes(&e.recipient), vec!["CHN"]);
    // "without agreement": no agreement happened.
    assert!(evs[1..]
        .iter()
        .all(|e| e.event != EventType::Agree || e.modality == Modality::Negated));
}

#[test]
fn a_warning_of_another_partys_act_is_hypothetical_not_a_threat() {
    let e = one(
        "Russia could attack Ukraine's power grid again if talks fail, Kyiv warned on Monday.",
        "2024-05-10",
    );
    assert_eq!(e.event, EventType::Assault);
    assert_eq!(e.modality, Modality::Hypothetical);
    assert_eq!(codes(&e.actor), vec!["RUS"]);
    // The party itself saying what it may do is its threat (PLOVER's rule).
    let e = one(
        "Hezbollah could attack Israeli cities if the war expands, its leader said.",
        "2023-11-03",
    );
    assert_eq!(e.event, EventType::Threaten);
}

#[test]
fn a_relative_clause_takes_its_antecedent_as_subject() {
    let evs = events(
        "The M23 rebels, who attacked the army near Goma on Monday, later withdrew into the hills.",
        "2024-05-10",
    );
    let attack = evs.iter().find(|e| e.event == EventType::Assault).unwrap();
    assert_eq!(attack.actor[0].entity_text, "M23 rebels");
    assert_eq!(sectors(&attack.actor), vec!["REB"]);
    let retreat = evs.iter().find(|e| e.event == EventType::Retreat).unwrap();
    assert_eq!(retreat.actor[0].entity_text, "M23 rebels");
}

#[test]
fn condemnation_from_names_who_condemns() {
    let e = one(
        "The verdict drew swift condemnation from the United Nations and the European Union on Wednesday.",
        "2024-05-10",
    );
    assert_eq!(e.event, EventType::Accuse);
    assert_eq!(codes(&e.actor), vec!["UNO", "EU"]);
    // After a noun of movement, "from" names a place left, not an actor.
    let e = one(
        "Israel completed its withdrawal from Gaza on Monday.",
        "2005-09-12",
    );
    assert_eq!(e.event, EventType::Retreat);
    assert_eq!(codes(&e.actor), vec!["ISR"]);
}

#[test]
fn an_act_going_on_since_a_past_date_is_historical() {
    let e = one(
        "Israel has blockaded Gaza since 2007, officials said on Monday.",
        "2024-05-10",
    );
    assert_eq!(e.event, EventType::Coerce);
    assert_eq!(e.mode, vec!["restrict"]);
    assert_eq!(e.modality, Modality::Historical);
    assert_eq!(codes(&e.actor), vec!["ISR"]);
    assert_eq!(codes(&e.recipient), vec!["PSE"]);
}

/// The built-in actors with a PETRARCH-format verb dictionary.
fn with_verbs(verbs: &str, text: &str, published: &str) -> Vec<Event> {
    use super::dictionaries::Dictionaries;
    use super::triggers::TriggerLexicon;
    let builtin = Dictionaries::builtin();
    let (lexicon, _, defects) = TriggerLexicon::from_petrarch_verbs(verbs);
    assert!(defects.is_empty(), "{defects:?}");
    let dictionaries = Dictionaries {
        actors: builtin.actors.clone(),
        triggers: std::sync::Arc::new(lexicon),
        discards: builtin.discards.clone(),
    };
    crate::pipeline::code_with(&article(text, published), &dictionaries)
}

#[test]
fn a_dictionary_pair_codes_the_visit_and_the_hosting() {
    let evs = with_verbs(
        "--- ARRIVE [032:033] ---\nARRIVE\n",
        "French President Emmanuel Macron arrived in Lebanon on Thursday.",
        "2020-08-07",
    );
    let got: Vec<(Vec<String>, Vec<String>, String)> = evs
        .iter()
        .map(|e| {
            (
                codes(&e.actor),
                codes(&e.recipient),
                e.cameo.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (vec!["FRA".into()], vec!["LBN".into()], "032".into()),
            (vec!["LBN".into()], vec!["FRA".into()], "033".into()),
        ]
    );
    assert_ne!(evs[0].id, evs[1].id);
}

#[test]
fn a_compound_subject_without_object_acts_among_its_members() {
    let evs = with_verbs(
        "--- RENEW [---] ---\nRENEW\n- * DIPLOMATIC [064:064]\n",
        "Egypt and Qatar renewed diplomatic ties on Tuesday after a three-year rift.",
        "2021-01-20",
    );
    let pairs: Vec<(Vec<String>, Vec<String>)> = evs
        .iter()
        .map(|e| (codes(&e.actor), codes(&e.recipient)))
        .collect();
    assert_eq!(
        pairs,
        [
            (vec!["EGY".into()], vec!["QAT".into()]),
            (vec!["QAT".into()], vec!["EGY".into()]),
        ]
    );
    assert!(evs.iter().all(|e| e.cameo.as_deref() == Some("064")));
}

#[test]
fn a_dictionary_code_is_kept_under_future_and_negation() {
    let verbs = "&CURRENCY\n+EUROS\n--- CONTRIBUTE [070] ---\nCONTRIBUTE\n- * &CURRENCY [071]\n\
                 --- WIRETAP [1711] ---\nWIRE_+TAP {WIRE_+TAPPED}\n- WILL NOT * [081]\n";
    let e = &with_verbs(
        verbs,
        "Germany will contribute 100 million euros to Ukraine, the chancellor said.",
        "2022-06-01",
    )[0];
    assert_eq!(e.cameo.as_deref(), Some("071"));
    assert_eq!(e.event, EventType::Aid);
    assert_eq!(codes(&e.recipient), ["UKR"]);
    let e = &with_verbs(
        verbs,
        "Britain will not wire tap the communications of France, the minister said.",
        "2022-06-01",
    )[0];
    assert_eq!(e.cameo.as_deref(), Some("081"));
}

#[test]
fn neither_nor_joins_a_compound_actor() {
    let evs = events(
        "Neither Russia nor China condemned the strike on Syria.",
        "2018-04-15",
    );
    assert_eq!(codes(&evs[0].actor), ["RUS", "CHN"]);
}

#[test]
fn a_name_after_a_capitalised_title_is_the_holder_not_a_country() {
    let e = &events(
        "Israeli Defense Minister Israel Katz accused Iran of launching the drones.",
        "2025-01-10",
    )[0];
    assert_eq!(codes(&e.actor), ["ISR"]);
    assert_eq!(sectors(&e.actor), ["GOV"]);
    assert!(e.actor[0].entity_text.ends_with("Israel Katz"));
}

#[test]
fn a_compound_slot_before_the_verb_takes_the_whole_subject_list() {
    let evs = with_verbs(
        "--- DELAY [120] ---\nPOSTPONE\n- % HAVE * [191]\n",
        "Russia and Ukraine have postponed their talks in Istanbul.",
        "2022-03-28",
    );
    let pairs: Vec<(Vec<String>, Vec<String>, String)> = evs
        .iter()
        .map(|e| {
            (
                codes(&e.actor),
                codes(&e.recipient),
                e.cameo.clone().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            (vec!["RUS".into()], vec!["UKR".into()], "191".into()),
            (vec!["UKR".into()], vec!["RUS".into()], "191".into()),
        ]
    );
}

#[test]
fn with_a_dictionary_the_target_is_the_first_coded_actor_of_the_verb_phrase() {
    let evs = with_verbs(
        "--- RESCHEDULE [082] ---\nRESCHEDULE\n",
        "Hungary has rescheduled its long-planned annual trade fair with Serbia.",
        "2021-05-03",
    );
    assert_eq!(codes(&evs[0].actor), ["HUN"]);
    assert_eq!(codes(&evs[0].recipient), ["SRB"]);
}

#[test]
fn a_role_of_a_country_list_is_held_for_each_country() {
    let e = &with_verbs(
        "--- PRESENT [---] ---\nPRESENT\n- * CREDENTIALS [032]\n",
        "The ambassadors of France, Germany and Italy presented their credentials to Kenya's president on Wednesday.",
        "2019-05-02",
    );
    let evs: Vec<&Event> = e.iter().filter(|e| e.actor.len() == 3).collect();
    assert!(!evs.is_empty(), "{e:#?}");
    assert_eq!(codes(&evs[0].actor), ["FRA", "DEU", "ITA"]);
    assert!(evs[0]
        .actor
        .iter()
        .all(|a| a.sector.first().map(String::as_str) == Some("GOV")));
}

#[test]
fn soldiers_from_a_country_are_its_military() {
    let evs = with_verbs(
        "--- EXCLUDE [1721] ---\n+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}\n",
        "Soldiers from Chad have cordoned off the roads leading into Niger.",
        "2021-04-20",
    );
    assert_eq!(codes(&evs[0].actor), ["TCD"]);
    assert_eq!(sectors(&evs[0].actor), ["MIL"]);
    assert_eq!(codes(&evs[0].recipient), ["NER"]);
}

#[test]
fn a_coordinated_verb_shares_the_subject_and_a_degree_adverb_makes_an_adjective() {
    let evs = with_verbs(
        "--- CONDEMN [122] ---\nCONDEMN\n--- PROMISE [050] ---\nPROMISE\n--- CLOSE [---] ---\nCLOSE\n- * BORDER [192]\n",
        "The German government condemned an attack by Russian soldiers in eastern Ukraine on Thursday and promised aid to the affected Ukrainian villages very close to the border.",
        "2022-04-08",
    );
    let got: Vec<(Vec<String>, String)> = evs
        .iter()
        .map(|e| (codes(&e.actor), e.cameo.clone().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (vec!["DEU".to_string()], "122".to_string()),
            (vec!["DEU".to_string()], "050".to_string())
        ]
    );
    assert_eq!(codes(&evs[1].recipient), ["UKR"]);
}

#[test]
fn list_members_may_carry_their_own_adjectives() {
    let evs = events(
        "Egypt, Saudi Arabia and tiny Qatar condemned the attack on the mosque.",
        "2019-11-05",
    );
    assert_eq!(codes(&evs[0].actor), ["EGY", "SAU", "QAT"]);
    // Without a comma or "and", words between two names are not a list.
    let evs = events("Egypt accused Israel of violating the truce.", "2019-11-05");
    assert_eq!(codes(&evs[0].actor), ["EGY"]);
}

#[test]
fn an_aside_in_parentheses_belongs_to_the_name_before_it() {
    let evs = with_verbs(
        "--- AGREE [---] ---\nAGREE\n- % * [030:030]\n",
        "The Philippines and the European Union (EU) agree that the disputes should be settled by arbitration.",
        "2016-07-13",
    );
    assert_eq!(evs.len(), 2, "{evs:#?}");
    assert_eq!(codes(&evs[0].actor), codes(&evs[1].recipient));
    assert_eq!(codes(&evs[0].recipient), codes(&evs[1].actor));
    assert_eq!(codes(&evs[0].actor), ["PHL"]);
}

#[test]
fn a_comma_between_adjectives_does_not_end_the_object() {
    let evs = with_verbs(
        "--- RESTORE [064] ---\nRESTORE\n",
        "Qatar is about to restore complete, full diplomatic ties with Egypt, a senior official said.",
        "2021-01-18",
    );
    assert_eq!(codes(&evs[0].actor), ["QAT"]);
    assert_eq!(codes(&evs[0].recipient), ["EGY"]);
}

#[test]
fn a_role_in_a_list_of_countries_is_held_in_each() {
    let evs = with_verbs(
        "--- WELCOME [041] ---\nWELCOME\n",
        "Lawmakers in Chile and Peru welcomed the resumption of talks with Bolivia.",
        "2018-10-02",
    );
    assert_eq!(codes(&evs[0].actor), ["CHL", "PER"]);
    assert_eq!(sectors(&evs[0].actor), ["LEG", "LEG"]);
    assert_eq!(codes(&evs[0].recipient), ["BOL"]);
    // One place after "in" stays a place: the police are Kenya's, Nairobi is where.
    let e = one(
        "Police in Nairobi fired tear gas at protesters on Tuesday.",
        "2023-03-15",
    );
    assert_eq!(e.actor[0].entity_text, "Police");
    assert_eq!(e.event_loc.as_ref().unwrap().extracted_place, "Nairobi");
}

#[test]
fn promise_codes_the_party_of_the_nested_act_after_adverbials() {
    // The infinitive stands after time adverbials; amounts are no content words.
    let text = "The European Union agreed on Monday to provide 50 million euros of humanitarian aid for Sudan and Chad.";
    let e = one(text, "2024-05-13");
    assert_eq!(e.event, EventType::Agree);
    assert_eq!(codes(&e.actor), vec!["EU"]);
    assert_eq!(codes(&e.recipient), vec!["SDN", "TCD"]);
}

#[test]
fn prepositional_recipient_takes_the_whole_list() {
    let text = "Venezuela agreed on Thursday to resume oil shipments in January to Cuba, Nicaragua and Bolivia.";
    let e = one(text, "2019-11-21");
    assert_eq!(e.event, EventType::Agree);
    assert_eq!(codes(&e.recipient), vec!["CUB", "NIC", "BOL"]);
}

#[test]
fn a_country_modifying_the_actors_own_possession_is_no_party() {
    // "its remaining Iranian oil assets" are Russia's; the buyer is the recipient.
    let text = "Russia agreed on Friday to sell its remaining Iranian oil assets to China.";
    let e = one(text, "2018-06-08");
    assert_eq!(codes(&e.recipient), vec!["CHN"]);
}

#[test]
fn protest_without_a_target_is_against_the_state_it_happens_in() {
    let e = one(
        "Thousands of Kenyans demonstrated in Nairobi on Tuesday, witnesses said.",
        "2024-06-25",
    );
    assert_eq!(e.event, EventType::Protest);
    assert_eq!(codes(&e.recipient), vec!["KEN"]);
    assert_eq!(sectors(&e.recipient), vec!["GOV"]);
    assert_eq!(e.recipient[0].entity_text, "Nairobi");
    // Foreigners protesting abroad are not protesting against their host.
    let e = one(
        "Hundreds of Turkish students demonstrated in Berlin on Saturday, police said.",
        "2019-10-12",
    );
    assert!(e.recipient.is_empty(), "{:?}", e.recipient);
}

#[test]
fn ditransitive_grant_is_aid_to_the_first_object() {
    let e = one(
        "The Canadian government gave Haiti a grant of 10 million dollars on Monday.",
        "2010-02-01",
    );
    assert_eq!(e.event, EventType::Aid);
    assert_eq!(codes(&e.actor), vec!["CAN"]);
    assert_eq!(codes(&e.recipient), vec!["HTI"]);
}

#[test]
fn a_clause_opened_by_but_shares_the_subject_of_the_clause_before() {
    let text = "Egypt reopened the Rafah crossing on Saturday, but was still refusing entry to Palestinian men under 40, officials said.";
    let e = first_of(text, "2023-11-04", EventType::Reject);
    assert_eq!(codes(&e.actor), vec!["EGY"]);
}

#[test]
fn members_named_after_including_belong_to_the_subject() {
    let text =
        "Russian aircraft including Sukhoi bombers struck rebel positions near Idlib on Tuesday.";
    let e = first_of(text, "2019-05-14", EventType::Assault);
    assert_eq!(codes(&e.actor), vec!["RUS"]);
    assert_eq!(e.actor[0].entity_text, "Russian aircraft");
}

#[test]
fn opposed_to_is_a_stance_not_a_passive() {
    let text = "Turkey is opposed to Swedish membership of NATO, a Turkish official said.";
    let e = first_of(text, "2022-06-01", EventType::Reject);
    assert_eq!(codes(&e.actor), vec!["TUR"]);
    assert_eq!(codes(&e.recipient), vec!["SWE"]);
}

#[test]
fn a_place_after_a_compass_word_codes_the_sentence_country() {
    // "in eastern Kyiv": the journalist is Ukrainian by the place of the attack, not
    // Russian by the other place the sentence mentions.
    let text = "A prominent anti-Moscow journalist was shot dead in eastern Kyiv on Monday.";
    let e = first_of(text, "2024-05-27", EventType::Assault);
    assert_eq!(codes(&e.recipient), vec!["UKR"]);
}

#[test]
fn refusing_to_meet_demands_is_a_rejection() {
    // "meet * demands" is a concession (a possessive may stand in the gap); refused in
    // the future, it is PLOVER's REJECT.
    let text = "The Kenyan government said it would not meet the doctors' demands for higher pay.";
    let e = first_of(text, "2017-01-10", EventType::Reject);
    assert_eq!(codes(&e.actor), vec!["KEN"]);
}

#[test]
fn closing_borders_is_a_sanction_on_the_neighbours() {
    let e = one(
        "Russia closed its southern borders with Iran and Turkey.",
        "2020-03-16",
    );
    assert_eq!(e.event, EventType::Sanction);
    assert_eq!(codes(&e.actor), vec!["RUS"]);
    assert_eq!(codes(&e.recipient), vec!["IRN", "TUR"]);
}

#[test]
fn a_country_adjective_covers_both_coordinated_nouns() {
    // The tanks are Israeli, not Palestinian by the place the sentence names.
    let text = "Israeli helicopters and tanks shelled positions of Palestinian security forces near the town of Rafah.";
    let e = first_of(text, "2004-05-18", EventType::Assault);
    assert_eq!(codes(&e.actor), vec!["ISR"]);
}

#[test]
fn an_unknown_name_before_a_rebel_noun_is_the_group() {
    // "Fano" is in no dictionary: the rebels take the country from context, the name
    // stays in the phrase's text and is never guessed a code of its own.
    let e = one(
        "Ethiopian troops attacked Fano rebels in the Amhara region on Tuesday.",
        "2023-08-08",
    );
    assert_eq!(e.recipient[0].entity_text, "Fano rebels");
    assert_eq!(
        (codes(&e.recipient), sectors(&e.recipient)),
        (vec!["ETH".to_string()], vec!["REB".to_string()])
    );
    let e = one(
        "The Sudanese government accused Darfur rebels of violating the ceasefire.",
        "2004-05-20",
    );
    assert_eq!(codes(&e.recipient), vec!["SDN"]);
}

#[test]
fn military_and_naval_before_an_act_are_adjectives_not_parties() {
    let e = one(
        "Iran threatened on Monday to launch a new military offensive against Iraq.",
        "1987-01-05",
    );
    assert_eq!(e.event, EventType::Threaten);
    assert_eq!(
        (codes(&e.recipient), sectors(&e.recipient)),
        (vec!["IRQ".to_string()], vec![String::new()])
    );
    let e = first_of(
        "NATO said it would tighten the naval blockade of Libya.",
        "2011-04-20",
        EventType::Threaten,
    );
    assert_eq!(
        (codes(&e.recipient), sectors(&e.recipient)),
        (vec!["LBY".to_string()], vec![String::new()])
    );
}

#[test]
fn a_pronoun_that_must_act_is_the_party_addressed() {
    let e = first_of(
        "The United States told Iran on Monday that it must stop enriching uranium.",
        "2006-04-17",
        EventType::Request,
    );
    assert_eq!(codes(&e.actor), vec!["USA"]);
    assert_eq!(codes(&e.recipient), vec!["IRN"]);
}

#[test]
fn the_speaker_of_a_closing_reporting_clause_is_not_in_the_list() {
    // "the Parliament speaker said": the body before "speaker said" reports the event.
    let e = one(
        "Kurmanbek Bakiyev agreed to fly to Belarus, the Parliament speaker said on Friday.",
        "2010-04-16",
    );
    assert_eq!(codes(&e.recipient), vec!["BLR"]);
}

#[test]
fn a_place_after_the_town_of_places_the_event() {
    let e = one(
        "Hundreds of Kenyans protested in the western town of Kisumu on Friday, witnesses said.",
        "2024-06-28",
    );
    let loc = e.event_loc.as_ref().expect("placed");
    assert_eq!(loc.extracted_place, "Kisumu");
    assert_eq!(codes(&e.recipient), vec!["KEN"]);
}

#[test]
fn a_threatened_restriction_as_infinitive_object_gives_the_mode_and_recipient() {
    let e = first_of(
        "Ecuador's president threatened to institute a curfew in Guayaquil after a wave of prison riots.",
        "2021-09-30",
        EventType::Threaten,
    );
    assert_eq!(e.mode, vec!["restrict"]);
    assert_eq!(
        (codes(&e.recipient), sectors(&e.recipient)),
        (vec!["ECU".to_string()], vec!["CVL".to_string()])
    );
}
/// PETRARCH-format actor, agent and verb dictionaries alone, as `--dictionaries` loads
/// them.
fn with_dictionaries(
    actors: &str,
    agents: &str,
    verbs: &str,
    text: &str,
    published: &str,
) -> Vec<Event> {
    use super::dictionaries::Dictionaries;
    use super::triggers::TriggerLexicon;
    use crate::knowledge::actors::LexiconBuilder;
    use crate::knowledge::petrarch;
    let mut builder = LexiconBuilder::new();
    let actor_file = petrarch::actors::read(actors);
    assert!(actor_file.defects.is_empty(), "{:?}", actor_file.defects);
    petrarch::lexicon::add_actors(&mut builder, &actor_file.actors);
    let agent_file = petrarch::agents::read(agents);
    assert!(agent_file.defects.is_empty(), "{:?}", agent_file.defects);
    petrarch::lexicon::add_agents(&mut builder, &agent_file.agents);
    let (lexicon, _, defects) = TriggerLexicon::from_petrarch_verbs(verbs);
    assert!(defects.is_empty(), "{defects:?}");
    let dictionaries = Dictionaries {
        actors: std::sync::Arc::new(builder.build()),
        triggers: std::sync::Arc::new(lexicon),
        discards: Dictionaries::builtin().discards.clone(),
    };
    crate::pipeline::code_with(&article(text, published), &dictionaries)
}

/// Each event as `SOURCE>TARGET:CODE` strings, one per actor and recipient pair, codes
/// written as PETRARCH writes them (country block, then sectors).
fn dyads(evs: &[Event]) -> Vec<String> {
    let code = |a: &crate::model::ActorRecord| {
        let mut s = a.code.clone().unwrap_or_else(|| "---".into());
        s.extend(a.sector.iter().map(String::as_str));
        s
    };
    let mut out = Vec::new();
    for e in evs {
        for a in &e.actor {
            for r in &e.recipient {
                out.push(format!(
                    "{}>{}:{}",
                    code(a),
                    code(r),
                    e.cameo.clone().unwrap_or_default()
                ));
            }
        }
    }
    out
}

#[test]
fn a_phrase_naming_several_actors_codes_each_of_them() {
    let evs = with_dictionaries(
        "THE_BALTIC_STATES  [EST/LVA/LTU]\nRUSSIAN [RUS]\n",
        "DIPLOMAT [~GOV]\n",
        "--- SUMMON [1246] ---\nSUMMON\n",
        "The Baltic States summoned Russian diplomats on Friday over the embassy incident.",
        "2022-04-29",
    );
    assert_eq!(
        dyads(&evs),
        ["EST>RUSGOV:1246", "LVA>RUSGOV:1246", "LTU>RUSGOV:1246"]
    );
}

#[test]
fn coordinated_roles_hold_their_role_in_each_country_of_the_complement() {
    let e = &events(
        "Lawmakers and officials in Chile and Peru criticized the ruling by the International Court of Justice on Monday.",
        "2014-01-28",
    )[0];
    let actors: Vec<String> = e
        .actor
        .iter()
        .map(|a| {
            format!(
                "{}{}",
                a.code.as_deref().unwrap_or("---"),
                a.sector.concat()
            )
        })
        .collect();
    assert_eq!(actors, ["CHLLEG", "PERLEG", "CHLGOV", "PERGOV"]);
}

#[test]
fn a_list_ends_before_a_named_speaker() {
    let evs = with_dictionaries(
        "QATAR [QAT]\nSUDAN [SDN]\nSUDANESE [SDN]\nCHAD [TCD]\n",
        "NEWSPAPER [~MED]\n",
        "--- PLEDGE [030] ---\nPLEDGE\n",
        "Qatar pledged aid to Sudan and Chad, the Sudanese newspaper Al-Sudani said on Sunday.",
        "2023-05-14",
    );
    assert_eq!(dyads(&evs), ["QAT>SDN:030", "QAT>TCD:030"]);
}

#[test]
fn a_country_named_after_a_possessed_role_is_its_holder() {
    let dictionaries = (
        "ISRAEL [ISR]\nHEZBOLLAH [LBNREB]\n",
        "DEFENSE_MINISTER [~GOV]\n",
        "--- THREATEN [130] ---\nTHREATEN\n",
    );
    let code = |text: &str| {
        let (actors, agents, verbs) = dictionaries;
        dyads(&with_dictionaries(
            actors,
            agents,
            verbs,
            text,
            "2024-11-10",
        ))
    };
    // A lower-case role that has its country from the possessive takes the name after
    // it as its holder, though the dictionary files the name under a country code.
    assert_eq!(
        code("Israel's defense minister Israel Katz threatened Hezbollah on Sunday."),
        ["ISRGOV>LBNREB:130"]
    );
    // Coordinated modifiers between the possessive and the role.
    assert_eq!(
        code("Israel's outspoken and hawkish defense minister Israel Katz threatened Hezbollah on Sunday."),
        ["ISRGOV>LBNREB:130"]
    );
}

#[test]
fn a_prefix_agent_goes_before_the_country() {
    let evs = with_dictionaries(
        "BELGIUM [BEL]\nGREEK [GRC]\n",
        "MSF {} [NGO~]\nGOVERNMENT [~GOV]\n",
        "--- CRITICIZE [111] ---\nCRITICIZE\n",
        "MSF Belgium criticized the Greek government on Friday over the treatment of migrants on Lesbos.",
        "2020-09-11",
    );
    assert_eq!(dyads(&evs), ["NGOBEL>GRCGOV:111"]);
}

#[test]
fn a_dictionary_verb_after_an_article_and_modifiers_is_a_noun() {
    let code = |text: &str| {
        let evs = with_dictionaries(
            "INDIAN [IND]\nJAPANESE [JPN]\nAUSTRALIAN [AUS]\nTOKYO [JPN]\n",
            "PRIME_MINISTER [~GOV]\nLEADER [~GOV]\n",
            "--- MEET [031:031] ---\nMEET\n\n--- VISIT [032:032] ---\nVISIT\n",
            text,
            "2023-05-20",
        );
        evs.iter()
            .filter_map(|e| e.cameo.clone())
            .collect::<Vec<String>>()
    };
    assert_eq!(
        code("Indian Prime Minister Narendra Modi will meet Japanese and Australian leaders during a brief private visit to Tokyo on Sunday."),
        ["031", "031"]
    );
    assert_eq!(
        code("Indian Prime Minister Narendra Modi will visit Tokyo on Sunday."),
        ["032", "032"]
    );
}

#[test]
fn a_participle_after_to_be_is_passive_even_with_its_own_preposition() {
    let evs = with_dictionaries(
        "RUSSIA [RUS]\nRUSSIAN [RUS]\nGERMANY [DEU]\nMOSCOW [RUS]\n",
        "COURT [~JUD]\nACTIVIST [~OPP]\n",
        "--- ALLOW [080] ---\nALLOW\n- * LEAVE [066]\n\n--- ASK [020] ---\nASK\n",
        "Jailed Russian activists asked a Moscow court on Monday to be allowed to leave Russia for treatment in Germany.",
        "2021-01-11",
    );
    // The activists are allowed; nobody named allows them.
    let allowed = evs
        .iter()
        .find(|e| e.cameo.as_deref() == Some("066"))
        .expect("066");
    assert!(allowed.actor.is_empty(), "{:?}", allowed.actor);
    assert_eq!(dyads(&evs), ["RUSOPP>RUSJUD:020"]);
}

#[test]
fn a_pronoun_after_an_introductory_phrase_is_the_subject() {
    let evs = with_dictionaries(
        "RUSSIA [RUS]\nEUROPEAN_UNION [IGOEEU]\n",
        "MINISTER [~GOV]\n",
        "--- CRITICIZE [111] ---\nCRITICIZE\n",
        "Asked about Russia's grain exports, he criticized the European Union on Tuesday.",
        "2023-07-18",
    );
    assert!(dyads(&evs).is_empty(), "{:?}", dyads(&evs));
}

#[test]
fn words_of_a_dictionary_pattern_are_not_events_of_their_own() {
    let evs = with_dictionaries(
        "GERMANY [DEU]\nRUSSIA [RUS]\n",
        "MINISTER [~GOV]\n",
        "--- SHOULD [101] ---\nSHOULD\n\n--- ACT [100] ---\nACT\n- INDICATED SHOULD * [1011]\n",
        "Germany indicated on Monday it should have acted against Russia sooner.",
        "2022-03-07",
    );
    assert_eq!(dyads(&evs), ["DEU>RUS:1011"]);
}

#[test]
fn a_pair_after_between_ends_at_its_and() {
    let code = |text: &str| {
        dyads(&with_dictionaries(
            "TURKEY [TUR]\nARMENIA [ARM]\nAZERBAIJAN [AZE]\nSERBIA [SRB]\nKOSOVO [XKX]\n",
            "MINISTER [~GOV]\n",
            "--- URGE [081] ---\nURGE\n",
            text,
            "2023-07-18",
        ))
    };
    assert_eq!(
        code("Turkey urged reconciliation between Armenia and Azerbaijan, and Serbia and Kosovo, on Monday."),
        ["TUR>ARM:081", "TUR>AZE:081"]
    );
    // A list of three after "between" is still one list.
    assert_eq!(
        code("Turkey urged reconciliation between Armenia, Azerbaijan and Serbia on Monday."),
        ["TUR>ARM:081", "TUR>AZE:081", "TUR>SRB:081"]
    );
}

#[test]
fn a_role_adds_its_sectors_after_a_dictionary_names_own() {
    let code = |text: &str| {
        dyads(&with_dictionaries(
            "JUSTICE_DEPARTMENT [USAJUD]\nWHITE_HOUSE [USAGOV]\nRUSSIAN [RUS]\n",
            "INVESTIGATOR [~COP]\nHACKER [~CRM]\nOFFICIAL [~GOV]\n",
            "--- ACCUSE [112] ---\nACCUSE\n",
            text,
            "2024-11-10",
        ))
    };
    assert_eq!(
        code("Justice Department investigators accused Russian hackers of the attack on Friday."),
        ["USAJUDCOP>RUSCRM:112"]
    );
    assert_eq!(
        code("Investigators of the Justice Department accused Russian hackers of the attack on Friday."),
        ["USAJUDCOP>RUSCRM:112"]
    );
    // A sector both name is written once.
    assert_eq!(
        code("White House officials accused Russian hackers of the attack on Friday."),
        ["USAGOV>RUSCRM:112"]
    );
}

#[test]
fn names_in_a_between_complement_are_not_the_subject() {
    let code = |text: &str| {
        dyads(&with_dictionaries(
            "QATAR [QAT]\nEGYPT [EGY]\nETHIOPIA [ETH]\nSUDAN [SDN]\n",
            "ENVOY [~GOV]\n",
            "--- CALL [---] ---\nCALL\n- * ON + [095]\n",
            text,
            "2021-06-20",
        ))
    };
    assert_eq!(
        code("Qatar's envoy at the centre of a diplomatic row between Egypt and Ethiopia called on Sudan on Sunday to host talks."),
        ["QATGOV>SDN:095"]
    );
}

#[test]
fn the_speaker_is_not_the_subject_of_the_reported_clause() {
    let code = |text: &str| {
        with_dictionaries(
            "ISRAEL [ISR]\nGAZA [PSE]\nHAMAS [PSEHMS]\n",
            "SPOKESMAN [~GOV]\n",
            "--- LAUNCH [---] ---\nLAUNCH\n- * OFFENSIVE [223]\n\n--- KILL [223] ---\nKILL\n",
            text,
            "2023-10-28",
        )
    };
    let killed = code("Hamas spokesmen said 54 civilians were killed.");
    assert_eq!(killed.len(), 1);
    assert!(killed[0].actor.is_empty() && killed[0].recipient.is_empty());
    assert_eq!(
        dyads(&code(
            "Israel launched a new offensive against Gaza after Hamas spokesmen said 54 civilians were killed."
        )),
        ["ISR>PSE:223"]
    );
}

#[test]
fn a_country_name_joins_a_former_role_after_it() {
    let evs = with_dictionaries(
        "NIGERIA [NGA]\nNIGERIAN [NGA]\nGHANA [GHA]\n",
        "PRESIDENT [~GOV]\nOFFICIAL [~GOV]\n",
        "--- CRITICIZE [111] ---\nCRITICIZE\n",
        "Ghana former president John Mahama criticized Nigeria and Nigerian officials on Monday.",
        "2019-03-04",
    );
    assert_eq!(dyads(&evs), ["GHAELI>NGA:111", "GHAELI>NGAGOV:111"]);
}
/// The first event's type in a sentence, for the trigger-gap and trigger-row tests.
fn first_type(text: &str) -> Option<EventType> {
    events(text, "2024-05-10").first().map(|e| e.event)
}

#[test]
fn a_gap_skips_an_amount_as_one_unit() {
    // "5 million dollars of", "more than 300 tonnes of", "12 days of": one gap unit each.
    assert_eq!(
        first_type("Japan gave Mongolia 5 million dollars of aid for the harsh winter."),
        Some(EventType::Aid)
    );
    assert_eq!(
        first_type(
            "Red Cross workers handed over more than 300 tonnes of food to villagers in Malawi."
        ),
        Some(EventType::Aid)
    );
    assert_eq!(
        first_type("Indian and French warships launched 12 days of war games off Goa on Monday."),
        Some(EventType::Cooperate)
    );
}

#[test]
fn a_gap_skips_an_actor_phrase_and_a_list() {
    // "former president Alberto Fujimori" is one unit; "and other" joins a list.
    assert_eq!(
        first_type("A Peruvian judge ordered former president Alberto Fujimori to appear before the court on Monday."),
        Some(EventType::Request)
    );
    assert_eq!(
        first_type("Britain is providing satellite images and other military intelligence to Ukraine, officials said."),
        Some(EventType::Aid)
    );
}

#[test]
fn denying_permission_or_an_allocation_is_reject() {
    assert_eq!(
        first_type(
            "Israeli authorities denied permission for the march through Jerusalem's Old City."
        ),
        Some(EventType::Reject)
    );
    assert_eq!(
        first_type("Egypt's government denied the allocation of fuel to the Gaza power plant."),
        Some(EventType::Reject)
    );
}

#[test]
fn training_fighters_troops_militants_or_hackers_is_mobilize() {
    for text in [
        "Iran has trained thousands of fighters in Syria, a U.S. official said.",
        "The Lebanese army trained 500 new troops near Beirut last month.",
        "Hezbollah trained Iraqi militants in southern Lebanon, officials said.",
        "Russia's military intelligence has trained dozens of hackers to attack Ukrainian power grids.",
    ] {
        assert_eq!(first_type(text), Some(EventType::Mobilize), "{text}");
    }
}

#[test]
fn a_gap_skips_a_by_amount_of_time_or_proportion() {
    // "by two hours" is one gap unit; "by" before a party still breaks the gap.
    assert_eq!(
        first_type(
            "Kenya's government shortened by two hours the nightly curfew in Mombasa on Friday."
        ),
        Some(EventType::Concede)
    );
}

#[test]
fn a_future_withdrawal_or_refusal_unless_the_other_side_acts_is_a_threat() {
    // An ultimatum; the same withdrawal announced without a condition is a concession.
    assert_eq!(
        first_type("Kenya said it will withdraw its troops from Somalia unless the African Union pays their salaries."),
        Some(EventType::Threaten)
    );
    assert_eq!(
        first_type("Kenya said it will withdraw its troops from Somalia by the end of the year."),
        Some(EventType::Concede)
    );
    assert_eq!(
        first_type("Turkey said it will veto Sweden's NATO membership unless Stockholm cracks down on Kurdish militants."),
        Some(EventType::Threaten)
    );
}

#[test]
fn a_gap_may_still_end_inside_an_actor_phrase() {
    // "two" is an amount and "Russian diplomats" an actor phrase; the gap steps word by
    // word too, so "expelled * diplomats" ends on "diplomats".
    assert_eq!(
        first_type("Poland expelled two Russian diplomats on Friday for spying, the foreign ministry said."),
        Some(EventType::Sanction)
    );
}

#[test]
fn an_event_noun_before_another_is_its_modifier() {
    // "ceasefire agreement": one thing, the agreement; the ceasefire is not a second event.
    let evs = events(
        "Hamas accused Israel of breaching the ceasefire agreement brokered by Qatar and Egypt.",
        "2025-02-10",
    );
    assert!(
        evs.iter().all(|e| e.event_text.text != "ceasefire"),
        "{evs:#?}"
    );
    assert_eq!(evs[0].event, EventType::Accuse);
    // A gerund before a role is the verb with its object, not a modifier (Reuters,
    // March 1987).
    let evs = events(
        "He spoke to reporters at the presidential palace after meeting president Alan Garcia, whom he said recently spoke by telephone with Mexican president Miguel de la Madrid.",
        "1987-03-10",
    );
    assert!(
        evs.iter()
            .any(|e| e.event == EventType::Consult && e.event_text.text == "meeting"),
        "{evs:#?}"
    );
}

#[test]
fn pressure_groups_are_civil_society_not_pressure() {
    // Reuters, 1987: "pressure" in "pressure groups" is the name of a kind of body.
    let evs = events(
        "Land reform pressure groups have called on Aquino to break up her family's 6,000-hectare sugar estate.",
        "1987-03-10",
    );
    assert!(
        evs.iter().all(|e| e.event_text.text != "pressure"),
        "{evs:#?}"
    );
    let e = one(
        "The government banned several pressure groups in Harare on Tuesday.",
        "2023-05-16",
    );
    assert_eq!(e.event, EventType::Coerce);
    assert_eq!(sectors(&e.recipient), vec!["NGO"]);
}

#[test]
fn troops_arriving_are_deployed_not_visiting() {
    let e = one(
        "The first Kenyan troops arrived in Port-au-Prince on Tuesday to lead a multinational security mission.",
        "2024-06-26",
    );
    assert_eq!(e.event, EventType::Mobilize);
    assert_eq!(e.mode, vec!["troops"]);
    // An official arriving is a visit.
    let e = one(
        "Kenyan President William Ruto arrived in Washington on Wednesday for a state visit.",
        "2024-05-22",
    );
    assert_eq!(e.event, EventType::Consult);
    assert_eq!(e.mode, vec!["visit"]);
}
