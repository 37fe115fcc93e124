//! Wire-copy sentences: each count with its exact span, kind, value and background flag.

use super::*;

/// (span text, kind, value, background) for every count in `s`.
fn counts(s: &str) -> Vec<(String, CountKind, Option<u32>, bool)> {
    find_counts(s, 0..s.len())
        .into_iter()
        .map(|m| (s[m.start..m.end].to_string(), m.kind, m.value, m.background))
        .collect()
}

fn c(span: &str, kind: CountKind, value: Option<u32>) -> (String, CountKind, Option<u32>, bool) {
    (span.to_string(), kind, value, false)
}

fn bg(span: &str, kind: CountKind, value: Option<u32>) -> (String, CountKind, Option<u32>, bool) {
    (span.to_string(), kind, value, true)
}

use CountKind::{Arrested, Dead, Injured};

#[test]
fn object_counts_after_active_verbs() {
    assert_eq!(
        counts("A suicide bomber killed at least six people at a market in Maiduguri."),
        vec![c("killed at least six people", Dead, Some(6))]
    );
    assert_eq!(
        counts("Militants attacked a checkpoint, killing three soldiers and wounding 30 others."),
        vec![
            c("killing three soldiers", Dead, Some(3)),
            c("wounding 30 others", Injured, Some(30))
        ]
    );
    assert_eq!(
        counts("Police detained 25 after the rally."),
        vec![c("detained 25", Arrested, Some(25))]
    );
    assert_eq!(
        counts("Security forces arrested dozens of protesters in Khartoum."),
        vec![c("arrested dozens of protesters", Arrested, None)]
    );
}

#[test]
fn subject_counts_before_passive_verbs() {
    assert_eq!(
        counts("Six people were killed and 20 injured in the blast."),
        vec![
            c("Six people were killed", Dead, Some(6)),
            c("20 injured", Injured, Some(20))
        ]
    );
    assert_eq!(
        counts("At least 12 were injured, police said."),
        vec![c("At least 12 were injured", Injured, Some(12))]
    );
    assert_eq!(
        counts("One person died in the stampede."),
        vec![c("One person died", Dead, Some(1))]
    );
    assert_eq!(
        counts("A policeman was killed in the attack."),
        vec![c("A policeman was killed", Dead, Some(1))]
    );
    assert_eq!(
        counts("More than 100 protesters were arrested in Minsk on Sunday."),
        vec![c(
            "More than 100 protesters were arrested",
            Arrested,
            Some(100)
        )]
    );
    assert_eq!(
        counts("Dozens were arrested."),
        vec![c("Dozens were arrested", Arrested, None)]
    );
    assert_eq!(
        counts("Scores injured as police clash with fans."),
        vec![c("Scores injured", Injured, None)]
    );
    assert_eq!(
        counts("Hundreds of people were taken into custody."),
        vec![c(
            "Hundreds of people were taken into custody",
            Arrested,
            None
        )]
    );
    assert_eq!(
        counts("Twenty-three miners lost their lives in the explosion."),
        vec![c("Twenty-three miners lost their lives", Dead, Some(23))]
    );
    assert_eq!(
        counts("About 1,200 people were detained across the country."),
        vec![c("About 1,200 people were detained", Arrested, Some(1200))]
    );
    assert_eq!(
        counts("A dozen people were hurt."),
        vec![c("A dozen people were hurt", Injured, Some(12))]
    );
}

#[test]
fn coordinated_subjects_add_up() {
    assert_eq!(
        counts("Two soldiers and a civilian were killed in the ambush."),
        vec![c("Two soldiers and a civilian were killed", Dead, Some(3))]
    );
    assert_eq!(
        counts("Seven members of the same family, including five children, were killed in an air strike."),
        vec![c("Seven members of the same family, including five children, were killed", Dead, Some(7))]
    );
    assert_eq!(
        counts("Six people, including two children, were killed."),
        vec![c(
            "Six people, including two children, were killed",
            Dead,
            Some(6)
        )]
    );
}

#[test]
fn the_doer_is_not_the_victim() {
    assert_eq!(
        counts("Two gunmen killed a policeman in Peshawar."),
        vec![c("killed a policeman", Dead, Some(1))]
    );
    assert_eq!(counts("Six people held talks in Geneva."), vec![]);
    assert_eq!(
        counts("Israeli troops shot dead a Palestinian teenager on Friday."),
        vec![c("shot dead a Palestinian teenager", Dead, Some(1))]
    );
    assert_eq!(
        counts("At least 35 people were killed and dozens more wounded."),
        vec![
            c("At least 35 people were killed", Dead, Some(35)),
            c("dozens more wounded", Injured, None)
        ]
    );
}

#[test]
fn death_tolls() {
    assert_eq!(
        counts("The death toll rose to 40 on Tuesday."),
        vec![c("death toll rose to 40", Dead, Some(40))]
    );
    assert_eq!(
        counts("The death toll from the quake climbed from 30 to at least 45."),
        vec![c(
            "death toll from the quake climbed from 30 to at least 45",
            Dead,
            Some(45)
        )]
    );
}

#[test]
fn ages_years_and_units_are_not_counts() {
    assert_eq!(
        counts("A 25-year-old man was killed in the shooting."),
        vec![c("A 25-year-old man was killed", Dead, Some(1))]
    );
    assert_eq!(counts("He was killed in 2019 during protests."), vec![]);
    assert_eq!(
        counts("The victims were killed 30 km from the border."),
        vec![]
    );
    assert_eq!(counts("They were arrested two days ago."), vec![]);
    assert_eq!(
        counts("The attack killed 5% of the village's livestock."),
        vec![]
    );
    assert_eq!(counts("The blast at 10.30 injured nobody."), vec![]);
    assert_eq!(
        counts("Three men aged 20, 21 and 25 were arrested."),
        vec![c(
            "Three men aged 20, 21 and 25 were arrested",
            Arrested,
            Some(3)
        )]
    );
    // A number in a count's slot is a count, even if it looks like a year.
    assert_eq!(
        counts("The floods killed 2021 people."),
        vec![c("killed 2021 people", Dead, Some(2021))]
    );
}

#[test]
fn background_totals() {
    assert_eq!(
        counts("Almost 600 protesters have been killed since 2019."),
        vec![bg(
            "Almost 600 protesters have been killed",
            Dead,
            Some(600)
        )]
    );
    assert_eq!(
        counts("More than 10,000 people have died in the conflict."),
        vec![bg("More than 10,000 people have died", Dead, Some(10_000))]
    );
    assert_eq!(
        counts("At least 300 people have been killed so far this year."),
        vec![bg("At least 300 people have been killed", Dead, Some(300))]
    );
    assert_eq!(
        counts("Some 400 people were arrested in total."),
        vec![bg("Some 400 people were arrested", Arrested, Some(400))]
    );
    assert_eq!(
        counts("About 2,000 people have been killed over the past decade."),
        vec![bg("About 2,000 people have been killed", Dead, Some(2000))]
    );
    // Today's count stays news; the total beside it is background.
    assert_eq!(
        counts("Six people were killed on Sunday, bringing to 600 the number of protesters killed since 2019."),
        vec![
            c("Six people were killed", Dead, Some(6)),
            bg("bringing to 600 the number of protesters killed", Dead, Some(600)),
        ]
    );
    // A comparison is not a total.
    assert_eq!(
        counts("At least 40 people were killed in the deadliest attack since 2015."),
        vec![c("At least 40 people were killed", Dead, Some(40))]
    );
    // A running total of the event itself is news.
    assert_eq!(
        counts("At least 12 people have been killed since Sunday."),
        vec![c("At least 12 people have been killed", Dead, Some(12))]
    );
}

#[test]
fn background_sentences() {
    let yes = [
        "Almost 600 protesters have been killed since 2019.",
        "Similar protests last year were put down by force.",
        "More than 10,000 people have died in the conflict.",
        "Some 400 people were arrested in total.",
        "The virus has killed more than 5 million people worldwide.",
    ];
    let no = [
        "Police fired tear gas at protesters on Sunday.",
        "At least 40 people were killed in the deadliest attack since 2015.",
        "Six people were killed and 20 injured in the blast.",
    ];
    for s in yes {
        assert!(is_background_sentence(s, 0..s.len()), "{s}");
    }
    for s in no {
        assert!(!is_background_sentence(s, 0..s.len()), "{s}");
    }
}

#[test]
fn offsets_are_into_the_whole_text() {
    let text = "Police fired tear gas. Three people were injured.";
    let start = text.find("Three").unwrap();
    let found = find_counts(text, start..text.len());
    assert_eq!(found.len(), 1);
    assert_eq!(
        &text[found[0].start..found[0].end],
        "Three people were injured"
    );
}

#[test]
fn nationalities_are_people() {
    let text = "WFP officials said four Pakistanis and one Iraqi national were killed.";
    let counts = find_counts(text, 0..text.len());
    assert_eq!(counts.len(), 1, "{counts:?}");
    assert_eq!(counts[0].value, Some(5));
    assert_eq!(counts[0].kind, CountKind::Dead);
}

#[test]
fn a_count_covers_nouns_joined_to_it() {
    let text = "Over 200 protesters and police officers were injured in Saturday's protests.";
    let counts = find_counts(text, 0..text.len());
    assert_eq!(counts.len(), 1, "{counts:?}");
    assert_eq!(
        (counts[0].kind, counts[0].value),
        (CountKind::Injured, Some(200))
    );
}
