//! In-document actor learning on multi-sentence wire copy (2015-2025 reporting): an
//! introduction by title or apposition codes later mentions by surname, role noun and
//! pronoun; unknown names stay uncoded; shared surnames are not resolved.

use crate::model::{ActorRecord, Event, EventType};
use crate::pipeline::code;

fn events(text: &str, published: &str) -> Vec<Event> {
    code(&crate::extract::events::tests::article(text, published))
}

fn of_type(evs: &[Event], t: EventType) -> &Event {
    evs.iter()
        .find(|e| e.event == t)
        .unwrap_or_else(|| panic!("no {t:?} event in {evs:#?}"))
}

fn triple(a: &ActorRecord) -> (&str, Option<&str>, Option<&str>) {
    (
        a.entity_text.as_str(),
        a.code.as_deref(),
        a.sector.first().map(String::as_str),
    )
}

#[test]
fn an_apposition_codes_the_name_and_its_surname_later() {
    let text = "Tom Fletcher, the United Nations Emergency Relief Coordinator, arrived in Gaza \
                on Monday. Fletcher accused Israel of blocking aid convoys at the Kerem Shalom \
                crossing.";
    let evs = events(text, "2025-03-04");
    let visit = of_type(&evs, EventType::Consult);
    assert_eq!(
        triple(&visit.actor[0]),
        ("Tom Fletcher", Some("UNO"), Some("IGO"))
    );
    let accuse = of_type(&evs, EventType::Accuse);
    let a = &accuse.actor[0];
    // The mention keeps its own text and offsets; the code and full name are learned.
    assert_eq!(triple(a), ("Fletcher", Some("UNO"), Some("IGO")));
    assert_eq!(a.name.as_deref(), Some("Tom Fletcher"));
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[a.start..a.end].iter().collect::<String>(), "Fletcher");
}

#[test]
fn an_apposition_beats_a_dictionary_guess_from_the_name() {
    // The Phoenix dictionary knows Kenzo Oshima as a Japanese official; in 2006 the
    // text says he spoke for the United Nations.
    let evs = events(
        "Kenzo Oshima, the United Nations Emergency Relief Coordinator, urged Sudan to \
         allow aid workers into Darfur.",
        "2006-08-10",
    );
    let e = of_type(&evs, EventType::Request);
    assert_eq!(
        triple(&e.actor[0]),
        ("Kenzo Oshima", Some("UNO"), Some("IGO"))
    );
}

#[test]
fn a_title_teaches_the_role_noun() {
    let evs = events(
        "Pakistani Prime Minister Shehbaz Sharif arrived in Beijing on Tuesday for a \
         four-day visit. The premier condemned the attack on Chinese engineers in \
         Balochistan.",
        "2024-06-05",
    );
    let e = of_type(&evs, EventType::Accuse);
    // Without learning "premier" would take the article's country (China).
    assert_eq!(triple(&e.actor[0]), ("premier", Some("PAK"), Some("GOV")));
    assert_eq!(e.actor[0].name.as_deref(), Some("Shehbaz Sharif"));
}

#[test]
fn the_minister_is_the_learned_foreign_minister() {
    let evs = events(
        "Ishaq Dar, Pakistan's foreign minister, met Afghan officials in Kabul on Saturday. \
         The minister urged the Taliban to act against militants who attack Pakistani \
         soldiers.",
        "2025-04-20",
    );
    let e = of_type(&evs, EventType::Request);
    assert_eq!(triple(&e.actor[0]), ("minister", Some("PAK"), Some("GOV")));
}

#[test]
fn he_opening_a_sentence_is_the_one_person_before() {
    let evs = events(
        "Abu Obeida, a Hamas commander, spoke in a video broadcast on Saturday. He \
         threatened to attack Israeli troops in Rafah.",
        "2024-05-12",
    );
    let e = of_type(&evs, EventType::Threaten);
    assert_eq!(triple(&e.actor[0]), ("He", Some("PSE"), Some("REB")));
    assert_eq!(e.actor[0].name.as_deref(), Some("Abu Obeida"));
    // The apposition's group is a description, not a participant of another event.
    assert!(evs
        .iter()
        .all(|e| e.actor.iter().all(|a| a.entity_text != "Hamas")));
}

#[test]
fn he_after_two_persons_is_not_resolved() {
    let evs = events(
        "Abu Obeida, a Hamas commander, spoke after Benjamin Netanyahu addressed the \
         Knesset on Saturday. He threatened to attack Israeli troops in Rafah.",
        "2024-05-12",
    );
    assert!(evs
        .iter()
        .flat_map(|e| &e.actor)
        .all(|a| a.entity_text != "He"));
}

#[test]
fn an_unknown_person_without_context_stays_uncoded() {
    let evs = events(
        "Ahmed Salem told reporters in Cairo that the attack had been planned for weeks. \
         Police said Salem had fled the scene before officers arrested the driver.",
        "2023-02-14",
    );
    for a in evs.iter().flat_map(|e| e.actor.iter().chain(&e.recipient)) {
        if a.entity_text.contains("Salem") {
            assert_eq!(a.code, None, "{a:?}");
            assert!(a.sector.is_empty(), "{a:?}");
        }
    }
}

#[test]
fn two_persons_sharing_a_surname_are_not_resolved() {
    let evs = events(
        "Ahmed Salem, Egypt's interior minister, visited the wounded in Cairo on Sunday. \
         Khaled Salem, a Hamas commander, denied any role in the bombing. Police said \
         Salem accused Israel of staging the attack.",
        "2023-02-14",
    );
    let e = of_type(&evs, EventType::Accuse);
    assert!(
        e.actor.iter().all(|a| a.code.is_none()),
        "an ambiguous surname is left uncoded: {:?}",
        e.actor
    );
}

#[test]
fn he_after_saying_is_the_speaker() {
    let evs = events(
        "Kenya's President William Ruto was quoted as saying he would meet opposition \
         leaders next week.",
        "2025-03-02",
    );
    let e = of_type(&evs, EventType::Agree);
    assert_eq!(triple(&e.actor[0]), ("he", Some("KEN"), Some("GOV")));
    assert_eq!(e.actor[0].name.as_deref(), Some("William Ruto"));
}

#[test]
fn a_name_in_commas_after_a_role_learns_the_role() {
    let evs = events(
        "Kenya's interior minister, Kipchumba Murkomen, visited Eldoret on Monday. Murkomen \
         accused opposition politicians of inciting violence.",
        "2025-07-08",
    );
    let e = of_type(&evs, EventType::Accuse);
    assert_eq!(triple(&e.actor[0]), ("Murkomen", Some("KEN"), Some("GOV")));
    assert_eq!(e.actor[0].name.as_deref(), Some("Kipchumba Murkomen"));
}
