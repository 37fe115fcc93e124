use super::*;

fn places(text: &str) -> ArticlePlaces {
    find_places(text, &[], None)
}

/// `(surface text, geonameid, country)` of every mention.
fn found(text: &str) -> Vec<(&str, u32, String)> {
    let p = places(text);
    p.mentions
        .iter()
        .map(|m| {
            (
                &text[m.start..m.end],
                m.place.geonameid.unwrap(),
                m.place.country_code.clone().unwrap(),
            )
        })
        .collect()
}

fn surfaces(text: &str) -> Vec<&str> {
    places(text)
        .mentions
        .iter()
        .map(|m| &text[m.start..m.end])
        .collect()
}

#[test]
fn cities_and_countries_with_exact_spans() {
    let text = "Police fired tear gas at opposition supporters in Nairobi on Tuesday, as protests spread across Kenya.";
    let p = places(text);
    assert_eq!(p.mentions.len(), 2);
    let nairobi = &p.mentions[0];
    assert_eq!(&text[nairobi.start..nairobi.end], "Nairobi");
    assert_eq!(nairobi.start, text.find("Nairobi").unwrap());
    assert_eq!(nairobi.place.geonameid, Some(184745));
    assert_eq!(nairobi.place.admin1.as_deref(), Some("Nairobi Area"));
    assert_eq!(nairobi.place.country_code.as_deref(), Some("KEN"));
    assert_eq!(nairobi.place.feature_code.as_deref(), Some("PPLC"));
    assert_eq!(nairobi.place.resolution, 4);
    let kenya = &p.mentions[1];
    assert_eq!(&text[kenya.start..kenya.end], "Kenya");
    assert_eq!(kenya.place.geonameid, Some(192950));
    assert_eq!(kenya.place.resolution, 1);
    assert_eq!(kenya.place.admin1, None);
}

#[test]
fn multi_word_names() {
    let text = "Flights from New York to Rio de Janeiro were diverted to Bandar Seri Begawan after the storm.";
    assert_eq!(
        found(text),
        vec![
            ("New York", 5128581, "USA".to_string()),
            ("Rio de Janeiro", 3451190, "BRA".to_string()),
            ("Bandar Seri Begawan", 1820906, "BRN".to_string()),
        ]
    );
}

#[test]
fn country_names_and_aliases() {
    let text = "The U.S. and Britain condemned the strikes in Syria, while South Korea and the United Arab Emirates called for calm.";
    let got: Vec<(&str, String)> = found(text).into_iter().map(|(s, _, c)| (s, c)).collect();
    assert_eq!(
        got,
        vec![
            ("U.S.", "USA".to_string()),
            ("Britain", "GBR".to_string()),
            ("Syria", "SYR".to_string()),
            ("South Korea", "KOR".to_string()),
            ("United Arab Emirates", "ARE".to_string()),
        ]
    );
    // All-caps aliases need their exact case: "us" is a pronoun.
    assert!(surfaces("They told us the talks would resume.").is_empty());
}

#[test]
fn area_words_and_directions_keep_the_toponym() {
    let text = "Taliban fighters overran a district in Helmand province and attacked checkpoints in northern Afghanistan.";
    let p = places(text);
    let got: Vec<(&str, u8)> = p
        .mentions
        .iter()
        .map(|m| (&text[m.start..m.end], m.place.resolution))
        .collect();
    assert_eq!(got, vec![("Helmand", 2), ("Afghanistan", 1)]);
    assert_eq!(p.mentions[0].place.admin1.as_deref(), Some("Helmand"));
    // "Kabul province" is the province, plain "Kabul" the city.
    let text =
        "Gunmen attacked a school in Kabul province. Officials in Kabul said two people died.";
    let p = places(text);
    assert_eq!(p.mentions.len(), 2);
    assert_eq!(p.mentions[0].place.resolution, 2);
    assert_eq!(p.mentions[1].place.resolution, 4);
    assert_eq!(p.mentions[1].place.geonameid, Some(1138958));
}

#[test]
fn paris_texas_versus_paris() {
    let text = "A tornado tore through Paris on Sunday night, the National Weather Service said. Texas Gov. Greg Abbott declared a disaster for Lamar County.";
    let paris = &places(text).mentions[0];
    assert_eq!(paris.place.geonameid, Some(4717560), "{paris:?}");
    assert_eq!(paris.place.admin1.as_deref(), Some("Texas"));

    let text = "Thousands marched through Paris on Saturday against the pension reform.";
    assert_eq!(places(text).mentions[0].place.geonameid, Some(2988507));

    // A qualifier settles it, and later bare mentions follow (one sense per discourse).
    let text = "PARIS, Texas (AP) — A man was arrested after a shooting at a store. Police in Paris said the victim survived.";
    let p = places(text);
    let ids: Vec<u32> = p
        .mentions
        .iter()
        .filter(|m| m.place.resolution == 4)
        .map(|m| m.place.geonameid.unwrap())
        .collect();
    assert_eq!(ids, vec![4717560, 4717560]);
    assert_eq!(p.main, Some(0));
}

#[test]
fn tripoli_follows_the_country_the_article_names() {
    let text = "Clashes erupted in Tripoli overnight between rival militias, Libya's health ministry said.";
    assert_eq!(found(text)[0].2, "LBY");
    let text = "The Lebanese army deployed in Tripoli after clashes killed three people, in the worst violence to hit Lebanon's second city this year. Lebanon's caretaker government called for calm.";
    assert_eq!(found(text)[0], ("Tripoli", 266826, "LBN".to_string()));
}

#[test]
fn hyderabad_india_or_pakistan() {
    let text = "Heavy rain flooded low-lying areas of Hyderabad, and the Telangana government closed schools.";
    assert_eq!(found(text)[0].2, "IND");
    let text = "Heavy rain flooded low-lying areas of Hyderabad, the second-largest city in Sindh, Pakistan's meteorological department said.";
    let got = found(text);
    assert_eq!(got[0].0, "Hyderabad");
    assert_eq!(got[0].2, "PAK");
}

#[test]
fn people_are_not_places() {
    assert!(surfaces("Jordan Peterson spoke at the event.").is_empty());
    assert!(surfaces("Socialite Paris Hilton attended the premiere.").is_empty());
    assert!(
        surfaces("Former basketball star Michael Jordan bought a stake in the team.").is_empty()
    );
    assert!(surfaces("A portrait of Queen Victoria was sold at auction.").is_empty());
    assert!(surfaces("The report was written by Mr. Houston and his aides.").is_empty());
    // The country is still found where it is one.
    assert_eq!(
        surfaces("King Abdullah of Jordan met Egypt's president in Cairo."),
        vec!["Jordan", "Egypt", "Cairo"]
    );
}

#[test]
fn organisations_are_not_places() {
    assert!(surfaces("Researchers at Georgia Tech built the robot.").is_empty());
    assert!(surfaces("The Washington Post reported the story first.").is_empty());
    assert!(surfaces("Manchester United lost again on Sunday.").is_empty());
    assert!(surfaces("She studied at the University of Texas before joining the firm.").is_empty());
}

#[test]
fn demonyms_are_not_places() {
    assert!(surfaces("Kenyan officials and Syrian refugees met with Afghan elders.").is_empty());
}

#[test]
fn common_words_need_strong_context() {
    // Sentence-initial, headline or lowercase: never.
    assert!(
        surfaces("Police said the Union would strike. Reading the statement, she paused.")
            .is_empty()
    );
    assert!(surfaces("It was a nice day with little hope of rain.").is_empty());
    // A qualifier is strong context.
    let text = "The storm made landfall near Mobile, Alabama, on Wednesday.";
    let got = found(text);
    assert_eq!(got[0].0, "Mobile");
    assert_eq!(got[0].2, "USA");
    // A preposition alone is not enough without corroboration from the article.
    assert!(surfaces("The festival was held in Split last year.").is_empty());
    let text = "Tourists crowded the old town in Split, as Croatia's coast had its busiest summer.";
    assert_eq!(surfaces(text), vec!["Split", "Croatia"]);
}

#[test]
fn datelines_make_the_main_place() {
    for (text, id) in [
        ("NAIROBI, Kenya (AP) — Police fired tear gas at opposition supporters on Tuesday as protests spread.", 184745),
        ("KABUL (Reuters) - A suicide bomber killed at least 10 people near a mosque in the city on Friday.", 1138958),
        ("Nairobi, Oct 12 — Kenya's parliament passed the finance bill after a heated debate on Thursday.", 184745),
        ("GENEVA — The World Health Organization said on Monday that cases had risen in Europe and Africa.", 2660646),
    ] {
        let p = places(text);
        let main = p.main_place().unwrap_or_else(|| panic!("no main place in {text}"));
        assert_eq!(main.place.geonameid, Some(id), "{text}");
        assert_eq!(main.start, 0);
    }
    assert_eq!(
        dateline("GENEVA — The World Health Organization said on Monday that cases had risen."),
        Some(0..6)
    );
    assert_eq!(
        dateline("Kenya Police Fire Tear Gas - Reuters\n\nMore text here."),
        None
    );
}

#[test]
fn dateline_after_title_line() {
    let text = "Bomb kills 10 at Kabul mosque\n\nKABUL (Reuters) - A suicide bomber killed at least 10 people at a mosque in Afghanistan's capital.";
    let p = places(text);
    let main = p.main_place().unwrap();
    assert_eq!(&text[main.start..main.end], "KABUL");
}

#[test]
fn main_place_without_dateline_is_the_best_supported() {
    let text = "Fighting raged in Aleppo on Monday. Syria's army said it had retaken parts of Aleppo, and Syria's allies sent aid.";
    let p = places(text);
    assert_eq!(p.main_place().unwrap().place.geonameid, Some(170063));
}

#[test]
fn in_range_finds_places_of_a_sentence() {
    let text = "Protesters gathered in Nairobi. Police dispersed them in Mombasa and Kisumu.";
    let p = places(text);
    let second = text.find("Police").unwrap();
    let got: Vec<(usize, &str)> = p
        .in_range(second, text.len())
        .map(|(i, m)| (i, &text[m.start..m.end]))
        .collect();
    assert_eq!(got, vec![(1, "Mombasa"), (2, "Kisumu")]);
    assert_eq!(p.in_range(0, second).count(), 1);
    assert_eq!(
        p.most_specific_in(0, second).map(|m| m.start),
        Some(text.find("Nairobi").unwrap())
    );
}

#[test]
fn outlet_home_breaks_ties_for_local_news() {
    // Athens, Georgia in an Atlanta paper with no other context; Athens, Greece otherwise.
    let text = "The city council in Athens voted on Tuesday to expand the bus network.";
    assert_eq!(
        find_places(text, &[], None).mentions[0]
            .place
            .country_code
            .as_deref(),
        Some("GRC")
    );
    let p = find_places(text, &[], Some("https://www.ajc.com/news/local/x"));
    assert_eq!(
        p.mentions[0].place.country_code.as_deref(),
        Some("GRC"),
        "outlet home is weaker than a capital"
    );
}

#[test]
fn empty_and_placeless_text() {
    assert_eq!(places(""), ArticlePlaces::default());
    assert!(
        places("The committee met on Tuesday and agreed to meet again.")
            .mentions
            .is_empty()
    );
}

#[test]
fn a_person_stays_a_person_for_the_whole_article() {
    let text = "President Barack Obama met aid workers on Monday. Obama said the outbreak was under control.";
    assert!(surfaces(text).is_empty(), "{:?}", surfaces(text));
    // A country keeps its place reading even after "Michael Jordan".
    let text = "Michael Jordan visited Amman. He said Jordan had welcomed him.";
    assert_eq!(surfaces(text), vec!["Amman", "Jordan"]);
}

#[test]
fn abbreviations_and_hyphenated_names_are_not_towns() {
    // "Kan." is Kansas, not the town Kan; "Wal-Mart" is a company.
    assert!(
        surfaces("The company opened a Wal-Mart store in Topeka, Kan., last year.")
            .iter()
            .all(|s| *s != "Kan" && *s != "Wal")
    );
    // Place pairs joined by a hyphen are both places.
    assert_eq!(
        surfaces("The Israel-Gaza ceasefire held overnight."),
        vec!["Israel", "Gaza"]
    );
    // Town names made of common words need context like any common word.
    assert!(surfaces("Reporters gathered outside the White House on Friday.").is_empty());
}

#[test]
fn counties_and_city_councils() {
    // A US county is not the town it is named after; Kenya's counties are its admin1 areas.
    assert!(surfaces("Deputies in Laurel County arrested two men.").is_empty());
    let text = "Floods displaced hundreds of families in Kisumu County, Kenya.";
    let p = places(text);
    assert_eq!(p.mentions[0].place.resolution, 2, "{:?}", p.mentions[0]);
    assert_eq!(&text[p.mentions[0].start..p.mentions[0].end], "Kisumu");
    // "Dublin City Council" names the city.
    assert_eq!(
        surfaces("The Dublin City Council voted to close the road."),
        vec!["Dublin"]
    );
}

#[test]
fn a_shorter_name_is_tried_when_the_longest_is_no_place() {
    let text = "Police buses blocked protesters from entering the plaza in front of Seoul City Hall on Sunday.";
    let p = places(text);
    assert_eq!(p.mentions.len(), 1);
    assert_eq!(&text[p.mentions[0].start..p.mentions[0].end], "Seoul");
    assert_eq!(p.mentions[0].place.geonameid, Some(1835848));
}
