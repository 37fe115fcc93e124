//! Wire-copy style sentences checked term by term. None is taken from the PLOVER gold set.

use super::*;

fn lexicon() -> &'static ActorLexicon {
    ActorLexicon::builtin()
}

/// The matched phrases of `text`, in order.
fn terms(text: &str) -> Vec<&str> {
    lexicon()
        .find(text, 0..text.len())
        .iter()
        .map(|t| &text[t.start..t.end])
        .collect()
}

/// The entry a phrase (alone) resolves to.
fn entry_of(phrase: &str) -> &'static ActorEntry {
    let found = lexicon().find(phrase, 0..phrase.len());
    assert_eq!(found.len(), 1, "{phrase:?} found {found:?}");
    assert_eq!(
        (found[0].start, found[0].end),
        (0, phrase.len()),
        "{phrase:?}"
    );
    lexicon().entry(found[0].entry)
}

/// The phrases `lex` finds in `text`, joined by `|`.
fn matched(lex: &ActorLexicon, text: &str) -> String {
    lex.find(text, 0..text.len())
        .iter()
        .map(|t| &text[t.start..t.end])
        .collect::<Vec<_>>()
        .join("|")
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_builtin_lexicon_loads_every_row() {
    let lex = lexicon();
    assert!(lex.len() > 500, "entries: {}", lex.len());
    assert!(lex.phrase_count() > 3000, "phrases: {}", lex.phrase_count());
    // Every code is a country of countries.tsv or an IGO code of igos.tsv.
    let mut known: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (_, e) in lex.entries() {
        if matches!(e.kind, ActorKind::Country | ActorKind::Igo) && e.form != ActorForm::Metonym {
            known.insert(e.code.as_deref().unwrap());
        }
    }
    for (_, e) in lex.entries() {
        for code in e.code.iter().chain(e.tenures.iter().map(|t| &t.code)) {
            assert!(
                known.contains(code.as_str()),
                "unknown code {code} in {e:?}"
            );
        }
    }
}

#[test]
fn countries_adjectives_demonyms_and_possessives() {
    assert_eq!(
        terms("Kenyan police fired tear gas at protesters in Nairobi on Tuesday."),
        ["Kenyan", "police", "protesters", "Nairobi"]
    );
    assert_eq!(
        terms("Kenya's president met Emirati officials."),
        ["Kenya", "president", "Emirati", "officials"]
    );
    assert_eq!(
        terms("Israelis and Palestinians, as well as two Britons, were among the dead."),
        ["Israelis", "Palestinians", "Britons"]
    );
    let kenya = entry_of("Kenya");
    assert_eq!(
        (kenya.kind, kenya.form, kenya.code.as_deref()),
        (ActorKind::Country, ActorForm::Name, Some("KEN"))
    );
    assert_eq!(entry_of("Kenyan").form, ActorForm::Adjective);
    assert_eq!(entry_of("Kenyans").form, ActorForm::Demonym);
    for (phrase, code) in [
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("American", "USA"),
        ("Britain", "GBR"),
        ("U.K.", "GBR"),
        ("British", "GBR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("South Korea", "KOR"),
        ("North Korean", "PRK"),
        ("Palestine", "PSE"),
        ("the Palestinian territories", "PSE"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("Dutch", "NLD"),
        ("Congolese", "COD"),
        ("Filipinos", "PHL"),
        ("Saudi", "SAU"),
    ] {
        assert_eq!(entry_of(phrase).code.as_deref(), Some(code), "{phrase}");
    }
}

#[test]
fn government_metonyms() {
    assert_eq!(
        terms("Washington and Moscow traded accusations as the Kremlin and the White House denied it."),
        ["Washington", "Moscow", "the Kremlin", "the White House"]
    );
    let pentagon = entry_of("the Pentagon");
    assert_eq!(
        (pentagon.code.as_deref(), &pentagon.sectors[..]),
        (Some("USA"), &["MIL".to_string()][..])
    );
    for (phrase, code) in [
        ("Beijing", "CHN"),
        ("Tehran", "IRN"),
        ("Downing Street", "GBR"),
        ("the Elysee", "FRA"),
        ("Kyiv", "UKR"),
    ] {
        let e = entry_of(phrase);
        assert_eq!(
            (e.form, e.code.as_deref()),
            (ActorForm::Metonym, Some(code)),
            "{phrase}"
        );
        assert_eq!(e.sectors, ["GOV"], "{phrase}");
    }
}

#[test]
fn international_bodies_prefer_the_longest_name() {
    assert_eq!(
        terms("The U.N. Security Council condemned the attack, NATO and the European Union said."),
        ["The U.N. Security Council", "NATO", "the European Union"]
    );
    assert_eq!(
        terms("the United Nations Security Council"),
        ["the United Nations Security Council"]
    );
    let council = entry_of("U.N. Security Council");
    assert_eq!(
        (council.kind, council.code.as_deref()),
        (ActorKind::Igo, Some("UNO"))
    );
    assert_eq!(entry_of("Arab League").code.as_deref(), Some("ARL"));
    assert_eq!(entry_of("African Union").code.as_deref(), Some("AU"));
    assert_eq!(entry_of("EU").code.as_deref(), Some("EU"));
    assert_eq!(entry_of("Human Rights Watch").sectors, ["NGO"]);
    assert_eq!(entry_of("UNHCR").sectors, ["IGO", "REF"]);
}

#[test]
fn agents_match_any_case_and_multiword_roles_win() {
    assert_eq!(
        terms("Security forces and militiamen clashed; the prime minister blamed rebels."),
        ["Security forces", "militiamen", "prime minister", "rebels"]
    );
    let sector = |p: &str| entry_of(p).sectors.clone();
    assert_eq!(sector("POLICE"), ["COP"]);
    assert_eq!(sector("troops"), ["MIL"]);
    assert_eq!(sector("gunmen"), ["UAF"]);
    assert_eq!(sector("militants"), ["REB"]);
    assert_eq!(sector("demonstrators"), ["CVL"]);
    assert_eq!(sector("lawmakers"), ["LEG"]);
    assert_eq!(sector("prosecutors"), ["JUD"]);
    assert_eq!(sector("journalists"), ["JRN"]);
    assert_eq!(sector("doctors"), ["MED"]);
    assert_eq!(sector("refugees"), ["REF"]);
    assert!(entry_of("spokeswoman").is_spokesperson());
    assert!(entry_of("police").takes_country_from_context());
    assert!(!entry_of("Kenya").takes_country_from_context());
}

#[test]
fn proper_names_need_their_capitals() {
    assert_eq!(
        terms("They ate turkey dinner with us in chad-like weather."),
        Vec::<&str>::new()
    );
    assert_eq!(terms("Turkey and Chad"), ["Turkey", "Chad"]);
    assert_eq!(terms("TURKEY SHELLS SYRIA"), ["TURKEY", "SYRIA"]);
    assert_eq!(terms("The US and Us"), ["US"]);
    assert_eq!(terms("USB cables from Kenyaland"), Vec::<&str>::new());
    // A failed proper name falls back to a shorter agent at the same place.
    assert_eq!(
        terms("the general assembly of shareholders"),
        ["general", "assembly"]
    );
    // Blockers keep shorter names from firing inside longer ones.
    assert_eq!(
        terms("Latin America and New Jersey, said the Washington Post"),
        Vec::<&str>::new()
    );
}

#[test]
fn ranges_restrict_and_offsets_stay_global() {
    let text = "Iran warned Israel. Egypt mediated.";
    let second = text.find("Egypt").unwrap();
    let found = lexicon().find(text, second..text.len());
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].start..found[0].end], "Egypt");
    assert_eq!(found[0].start, second);
    // A range that cuts a word does not produce half matches at its end.
    assert!(lexicon().find(text, 0..3).is_empty());
}

#[test]
fn leaders_resolve_by_date() {
    let boris = entry_of("Boris Johnson");
    assert_eq!(boris.kind, ActorKind::Person);
    assert_eq!(
        boris.resolve(day("2021-06-01")),
        (Some("GBR"), &["GOV".to_string()][..])
    );
    assert_eq!(
        terms("Prime Minister Boris Johnson met Vladimir Putin."),
        ["Prime Minister", "Boris Johnson", "Vladimir Putin"]
    );

    // Inauguration day belongs to the incoming president.
    let trump = entry_of("Trump");
    let biden = entry_of("Biden");
    assert_eq!(
        biden.tenure_on(day("2016-06-01")).unwrap().role,
        "vice president"
    );
    assert_eq!(
        trump.tenure_on(day("2021-01-19")).unwrap().role,
        "president"
    );
    assert_eq!(
        trump.tenure_on(day("2021-01-20")).unwrap().to,
        Some(day("2021-01-20"))
    );
    assert_eq!(
        biden.tenure_on(day("2021-01-20")).unwrap().role,
        "president"
    );
    assert_eq!(
        trump.tenure_on(day("2017-01-20")).unwrap().role,
        "president"
    );
    assert_eq!(
        trump.tenure_on(day("2021-01-21")).unwrap().to,
        Some(day("2021-01-20"))
    );
    assert_eq!(
        trump.tenure_on(day("2025-02-01")).unwrap().from,
        day("2025-01-20")
    );

    let putin = entry_of("Putin");
    assert_eq!(
        putin.tenure_on(day("2010-03-01")).unwrap().role,
        "prime minister"
    );
    assert_eq!(
        putin.tenure_on(day("2015-03-01")).unwrap().role,
        "president"
    );
    // Before the first tenure: the nearest one.
    assert_eq!(
        putin.tenure_on(day("1990-01-01")).unwrap().from,
        day("1999-08-16")
    );

    let guterres = entry_of("António Guterres");
    assert_eq!(guterres.resolve(day("2020-01-01")).0, Some("UNO"));
    assert_eq!(guterres.resolve(day("2000-01-01")).0, Some("PRT"));
}

#[test]
fn named_groups() {
    assert_eq!(
        terms("Hamas and Hezbollah praised the Houthis; al-Shabaab and Islamic State did not."),
        [
            "Hamas",
            "Hezbollah",
            "the Houthis",
            "al-Shabaab",
            "Islamic State"
        ]
    );
    let rsf = entry_of("Rapid Support Forces");
    assert_eq!(
        (rsf.kind, rsf.code.as_deref(), &rsf.sectors[..]),
        (ActorKind::Group, Some("SDN"), &["REB".to_string()][..])
    );
    assert_eq!(entry_of("Al-Qaeda").code.as_deref(), Some("AFG"));
}

#[test]
fn builder_takes_other_sources_first_come_first_served() {
    let mut builder = LexiconBuilder::new();
    let fifa = builder.add_entry(ActorEntry {
        kind: ActorKind::Igo,
        form: ActorForm::Name,
        code: Some("FIF".into()),
        sectors: vec!["NGO".into()],
        name: Some("FIFA".into()),
        tenures: Vec::new(),
        joint: Vec::new(),
        agent_sectors_append: false,
    });
    assert_eq!(
        builder.add_phrase("FIFA", fifa, PhraseCase::Proper),
        PhraseAdded::Added
    );
    assert_eq!(
        builder.add_phrase("fifa", fifa, PhraseCase::Proper),
        PhraseAdded::AlreadyTaken { entry: Some(fifa) }
    );
    let lex = builder.build();
    assert_eq!(lex.find("FIFA fined them", 0..15).len(), 1);
    assert!(ActorLexicon::default().find("anything", 0..8).is_empty());
}

#[test]
fn capitals_only_dictionary_names_match_capitalised_words() {
    let mut builder = LexiconBuilder::new();
    let entry = |builder: &mut LexiconBuilder, name: &str| {
        builder.add_entry(ActorEntry {
            kind: ActorKind::Person,
            form: ActorForm::Name,
            code: Some("USA".into()),
            sectors: vec!["GOV".into()],
            name: Some(name.into()),
            tenures: Vec::new(),
            joint: Vec::new(),
            agent_sectors_append: false,
        })
    };
    let obama = entry(&mut builder, "Barack Obama");
    let laden = entry(&mut builder, "Osama bin Laden");
    builder.add_phrase("BARACK OBAMA", obama, PhraseCase::Capitalized);
    builder.add_phrase("OSAMA BIN LADEN", laden, PhraseCase::Capitalized);
    builder.add_phrase("AL-QAEDA", laden, PhraseCase::Capitalized);
    let lex = builder.build();
    let found = |text: &str| matched(&lex, text);
    assert_eq!(found("Barack Obama met aides."), "Barack Obama");
    assert_eq!(found("BARACK OBAMA MEETS AIDES"), "BARACK OBAMA");
    assert_eq!(found("a barack obama impersonator"), "");
    assert_eq!(found("Osama bin Laden was killed"), "Osama bin Laden");
    assert_eq!(found("an al-Qaeda cell"), "al-Qaeda");
    assert_eq!(found("an al-qaeda cell"), "");
}

/// The search probes only word starts whose word begins some phrase: phrases still match
/// after punctuation, before a hyphen and after non-ASCII text, never inside a word, and
/// a phrase that begins with a symbol is still found.
#[test]
fn phrases_match_at_word_starts_only() {
    let mut builder = LexiconBuilder::new();
    let mut entry = |code: &str| {
        builder.add_entry(ActorEntry {
            kind: ActorKind::Country,
            form: ActorForm::Name,
            code: Some(code.into()),
            sectors: Vec::new(),
            name: None,
            tenures: Vec::new(),
            joint: Vec::new(),
            agent_sectors_append: false,
        })
    };
    let usa = entry("USA");
    let gbr = entry("GBR");
    let sym = entry("XYZ");
    builder.add_phrase("U.S.", usa, PhraseCase::Proper);
    builder.add_phrase("United Kingdom", gbr, PhraseCase::Proper);
    builder.add_phrase("#Gondor", sym, PhraseCase::Proper);
    let lex = builder.build();
    let found = |text: &str| matched(&lex, text);
    assert_eq!(
        found("The U.S.-led coalition and the United Kingdom (#Gondor) said."),
        "U.S.|United Kingdom|#Gondor"
    );
    assert_eq!(found("Zürich: “United Kingdom” envoys."), "United Kingdom");
    assert_eq!(found("DisUnited Kingdoms, thus U.S.A"), "U.S.");
    assert_eq!(found("BU.S. United Kingdomx"), "");
}
