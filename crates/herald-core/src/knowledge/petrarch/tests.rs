use chrono::NaiveDate;

use super::{actors, agents, discards};

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn actors_with_synonyms_and_dated_codes() {
    let file = actors::read(
        "# a comment\n\
         BARACK_OBAMA\n\
         +MR_OBAMA_\n\
         +PRESIDENT_BARACK_OBAMA  # inline comment\n\
         \t[USAELI 780101-000101]\n\
         \t[USAGOV >090120]\n\
         AFGHANISTAN_  [AFG]\n\
         +AFGHAN_\n\
         INDIAN_OCEAN  [---]\n\
         ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# later UNICEF\n\
         IVO_JOSIPOVIC_\n\
         PRESIDENT_JOSIPOVIC_\n\
         \t[HRVGOV >20120219]\n",
    );
    assert_eq!(
        file.actors[4].phrases,
        ["IVO JOSIPOVIC", "PRESIDENT JOSIPOVIC"]
    );
    assert_eq!(file.actors[4].codes[0].from, day(2012, 2, 19));
    assert!(file.defects.is_empty(), "{:?}", file.defects);
    let obama = &file.actors[0];
    assert_eq!(obama.line, 2);
    assert_eq!(
        obama.phrases,
        ["BARACK OBAMA", "MR OBAMA", "PRESIDENT BARACK OBAMA"]
    );
    assert_eq!(obama.codes[0].code, "USAELI");
    assert_eq!(obama.codes[0].from, day(1978, 1, 1));
    assert_eq!(obama.codes[0].to, day(2000, 1, 1));
    assert_eq!(obama.codes[1].from, day(2009, 1, 20));
    assert_eq!(obama.codes[1].to, None);
    assert_eq!(file.actors[1].phrases, ["AFGHANISTAN", "AFGHAN"]);
    assert!(file.actors[2].codes[0].is_null());
    assert_eq!(file.actors[3].codes.len(), 2);
    assert_eq!(file.actors[3].codes[1].code, "IGOUNOKID");
}

#[test]
fn known_defects_are_repaired_or_reported_with_their_line() {
    let file = actors::read(
        "ADEN_ABYAN_ISLAMIC_ARMY_ [YEMREB]\n\
         +ADEN_ISLAMIC_ARMY_+_ISLAMIC_ADEN_ARMY_\n\
         +COTE_D\u{fffd}IVOIRE_\n\
         IRAQ_OCCUPATION_AUTHORITY\n\
         \t[IRQOCC 1920030320-20060520]\n\
         \t[USAGOV > 130701]\n\
         ARMENIAN_REBELS\n\
         \t[ARMUNR 9008223-911221]\n\
         \t[s]\n\
         KOREAN_BUSINESS [KORGOVBUS 2004017-20061201]\n\
         CONTROL\u{7}_BYTES_ [ABC]\n\
         NO_CODE_HERE_\n",
    );
    let aden = &file.actors[0];
    assert_eq!(
        aden.phrases,
        [
            "ADEN ABYAN ISLAMIC ARMY",
            "ADEN ISLAMIC ARMY",
            "ISLAMIC ADEN ARMY"
        ]
    );
    let iraq = &file.actors[1];
    assert_eq!(iraq.codes[0].from, day(2003, 3, 20));
    assert_eq!(iraq.codes[1].from, day(2013, 7, 1));
    // One bad bound: the good one is kept.
    assert_eq!(file.actors[3].codes[0].to, day(2006, 12, 1));
    assert_eq!(file.actors[3].codes[0].from, None);
    assert_eq!(file.actors[4].phrases, ["CONTROL BYTES"]);
    let lines: Vec<usize> = file.defects.iter().map(|d| d.line).collect();
    // split synonyms (2), undecodable phrase (3), ten-digit date (5), one bad bound
    // (8, 10), not a code (9), control bytes (11), no code by the end of the file (12).
    assert_eq!(file.actors[2].codes[0].to, day(1991, 12, 21));
    for line in [2, 3, 5, 8, 9, 10, 11, 12] {
        assert!(
            lines.contains(&line),
            "no defect on line {line}: {:?}",
            file.defects
        );
    }
}

#[test]
fn agents_expand_substitution_sets_and_keep_plural_rules() {
    let file = agents::read(
        "!PERSON! = MAN, MEN, WOMAN\n\
         FARMER [~AGR]\n\
         CATTLE!PERSON! [~AGR]\n\
         CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]\n\
         ARMED_POLICE {} [~COP]\n\
         PEACEKEEPING_TROOPS {} [IGO~]\n\
         DEPARMENT_OF_ENVIRONMENT [~ENV}\n\
         ISLAMIC_EXTREMIST\n",
    );
    let a = &file.agents;
    assert_eq!(a[0].phrases, ["FARMER"]);
    assert_eq!(a[0].plurals, None);
    assert_eq!(a[0].code.code, "~AGR");
    assert_eq!(a[1].phrases, ["CATTLEMAN", "CATTLEMEN", "CATTLEWOMAN"]);
    assert_eq!(a[2].plurals, Some(vec!["CHAMBERS OF COMMERCE".to_string()]));
    assert_eq!(a[3].plurals, Some(vec![]));
    assert_eq!(a[4].code.code, "IGO~");
    assert_eq!(a[5].code.code, "~ENV");
    assert_eq!(a.len(), 6);
    let lines: Vec<usize> = file.defects.iter().map(|d| d.line).collect();
    assert_eq!(lines, [7, 8]);
}

#[test]
fn discards_have_sentence_and_story_scope() {
    let file = discards::read(
        "# Story-level discards are indicated with a '+'.\n\
         FIRST SEED\n\
         +World Golf Championships   # pas 26-Feb-2014\n\
         1914\n",
    );
    let d = &file.discards;
    assert_eq!(d[0].phrase, "FIRST SEED");
    assert_eq!(d[0].scope, discards::Scope::Sentence);
    assert_eq!(d[1].phrase, "WORLD GOLF CHAMPIONSHIPS");
    assert_eq!(d[1].scope, discards::Scope::Story);
    assert_eq!(d[2].phrase, "1914");
}

/// The Phoenix files themselves (skipped when `../shared/data` is absent): every entry
/// is read or reported, and no code carries a date the files could not have written.
#[test]
fn the_phoenix_files_read_with_few_defects() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/phoenix-cameo-dictionaries");
    if !dir.exists() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let read =
        |name: &str| String::from_utf8_lossy(&std::fs::read(dir.join(name)).unwrap()).into_owned();
    let mut total = 0;
    for name in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ] {
        let file = actors::read(&read(name));
        total += file.actors.len();
        assert!(
            file.defects.len() * 50 < file.actors.len(),
            "{name}: {} defects for {} actors",
            file.defects.len(),
            file.actors.len()
        );
        for actor in &file.actors {
            for code in &actor.codes {
                let latest = code.from.into_iter().chain(code.to).max();
                assert!(
                    latest.is_none_or(|d| d <= day(2020, 12, 31).unwrap()),
                    "{name}:{} {:?}",
                    actor.line,
                    code
                );
            }
        }
    }
    assert!(total > 20_000, "{total} actors");
    let obama_era = actors::read(&read("Phoenix.Countries.actors.txt"));
    let obama = obama_era
        .actors
        .iter()
        .find(|a| a.phrases.iter().any(|p| p == "BARACK OBAMA"))
        .expect("Obama");
    assert!(obama
        .codes
        .iter()
        .any(|c| c.code == "USAGOV" && c.from == day(2009, 1, 20)));
    let agents = agents::read(&read("Phoenix.agents.txt"));
    assert!(agents.agents.len() > 1_500, "{}", agents.agents.len());
    assert!(agents
        .agents
        .iter()
        .any(|a| a.phrases.contains(&"POLICEMAN".to_string()) && a.code.code == "~COP"));
    let discards = discards::read(&read("Phoenix.discards.txt"));
    assert!(discards.discards.len() > 300);
}

#[test]
fn codes_split_into_country_and_sectors() {
    use super::lexicon::split_code;
    assert_eq!(
        split_code("USAGOV"),
        (Some("USA".into()), vec!["GOV".into()])
    );
    assert_eq!(
        split_code("IGOUNOKID"),
        (Some("IGO".into()), vec!["UNO".into(), "KID".into()])
    );
    assert_eq!(split_code("---GOV"), (None, vec!["GOV".into()]));
    assert_eq!(
        split_code("~GOVMED"),
        (None, vec!["GOV".into(), "MED".into()])
    );
    assert_eq!(split_code("ARN"), (Some("ARN".into()), vec![]));
}

#[test]
fn dated_codes_become_tenures_and_the_undated_code_fills_the_gaps() {
    use crate::knowledge::actors::{ActorKind, LexiconBuilder};
    let file = super::actors::read(
        "ROBERT_KOCHARYAN_\n\
         \t[ARMGOV 980204-080409]\n\
         \t[ARMGOV 970320-980410]\n\
         \t[ARMELI]\n\
         GONDOR [GON]\n\
         MINAS_TIRITH [GONGOV]\n\
         ORC_HORDE [MRGREB]\n\
         THE_WHITE_COUNCIL [---]\n",
    );
    let mut builder = LexiconBuilder::new();
    let loaded = super::lexicon::add_actors(&mut builder, &file.actors);
    assert_eq!((loaded.entries, loaded.null), (4, 1));
    let lexicon = builder.build();
    let text = "Robert Kocharyan met Gondor's envoy in Minas Tirith; the Orc Horde and the White Council watched.";
    let found = lexicon.find(text, 0..text.len());
    let names: Vec<&str> = found.iter().map(|t| &text[t.start..t.end]).collect();
    assert_eq!(
        names,
        ["Robert Kocharyan", "Gondor", "Minas Tirith", "Orc Horde"]
    );
    let person = lexicon.entry(found[0].entry);
    assert_eq!(person.kind, ActorKind::Person);
    assert_eq!(
        person.resolve(day(2000, 1, 1).unwrap()),
        (Some("ARM"), &["GOV".to_string()][..])
    );
    assert_eq!(
        person.resolve(day(2010, 1, 1).unwrap()),
        (Some("ARM"), &["ELI".to_string()][..])
    );
    assert_eq!(
        person.resolve(day(1990, 1, 1).unwrap()),
        (Some("ARM"), &["ELI".to_string()][..])
    );
    assert_eq!(lexicon.entry(found[1].entry).kind, ActorKind::Country);
    assert_eq!(lexicon.entry(found[3].entry).kind, ActorKind::Group);
    // Capitals are required for a name the file writes in capitals.
    assert!(lexicon.find("gondor", 0..6).is_empty());
}

#[test]
fn agents_get_their_listed_or_regular_plurals() {
    use super::lexicon::plural;
    assert_eq!(plural("FARMER"), "FARMERS");
    assert_eq!(plural("ARMED POLICEMAN"), "ARMED POLICEMEN");
    assert_eq!(plural("MILITARY DEPUTY"), "MILITARY DEPUTIES");
    assert_eq!(plural("BOSS"), "BOSSES");
    assert_eq!(plural("ATTORNEY"), "ATTORNEYS");
    let file = super::agents::read(
        "<!-- AGENTS -->\nFARMER [~AGR]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nPOLICE {} [~COP]\n",
    );
    assert!(file.defects.is_empty(), "{:?}", file.defects);
    let mut builder = crate::knowledge::actors::LexiconBuilder::new();
    super::lexicon::add_agents(&mut builder, &file.agents);
    let lexicon = builder.build();
    let text = "Farmers, golden geese and police";
    let found = lexicon.find(text, 0..text.len());
    let sectors: Vec<&str> = found
        .iter()
        .map(|t| lexicon.entry(t.entry).sectors[0].as_str())
        .collect();
    assert_eq!(sectors, ["AGR", "GGS", "COP"]);
}

#[test]
fn phoenix_codes_take_herald_conventions() {
    use super::convert::herald_code;
    let code = |c: &str| {
        let d = super::DatedCode {
            code: c.into(),
            joint: Vec::new(),
            from: None,
            to: None,
        };
        herald_code(&d).map(|h| (h.code, h.sectors))
    };
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(code("USAGOV"), Some((Some("USA".into()), s(&["GOV"]))));
    // CAMEO's MED is the media, HLH health; PLOVER calls them JRN and MED.
    assert_eq!(code("EGYMED"), Some((Some("EGY".into()), s(&["JRN"]))));
    assert_eq!(
        code("IGOUNOHLHWHO"),
        Some((Some("UNO".into()), s(&["IGO", "MED"])))
    );
    assert_eq!(code("IGOWSTNAT"), Some((Some("NATO".into()), s(&["IGO"]))));
    assert_eq!(code("NGOHRIAMN"), Some((Some("AMN".into()), s(&["NGO"]))));
    // A body the curated table does not know is coded as what it is.
    assert_eq!(code("NGOUSA"), Some((Some("NGO".into()), s(&["NGO"]))));
    assert_eq!(code("MNCUSA"), Some((Some("USA".into()), s(&["BUS"]))));
    assert_eq!(code("KSVGOV"), Some((Some("XKX".into()), s(&["GOV"]))));
    assert_eq!(code("SUNGOV"), Some((None, s(&["GOV"]))));
    assert_eq!(code("---"), None);
}

#[test]
fn phoenix_entries_code_real_news_names_with_their_office_on_the_day() {
    use crate::knowledge::actors::ActorLexicon;
    // Neither person is in the curated leaders table: both come from Phoenix.
    let lex = ActorLexicon::builtin();
    let text = "Former Finance Minister Pravin Gordhan criticised the budget, and Nuri al-Maliki met clerics in Najaf.";
    let found = lex.find(text, 0..text.len());
    let names: Vec<&str> = found.iter().map(|t| &text[t.start..t.end]).collect();
    assert!(names.contains(&"Pravin Gordhan"), "{names:?}");
    let maliki = found
        .iter()
        .find(|t| text[t.start..t.end].contains("Maliki"))
        .expect("al-Maliki is in Phoenix");
    let entry = lex.entry(maliki.entry);
    assert_eq!(entry.resolve(day(2008, 5, 1).unwrap()).0, Some("IRQ"));
    assert_eq!(
        entry.resolve(day(2008, 5, 1).unwrap()).1,
        &["GOV".to_string()][..]
    );
}

#[test]
fn verb_blocks_forms_patterns_and_synsets() {
    use super::verbs::{self, Atom, VerbCode};
    let file = verbs::read(
        "<!-- VERBS -->\n\
         &CURRENCY\n\
         +DOLLARS\n\
         +SWISS FRANCS\n\
         &NEG_\n\
         +DID N'T\n\
         --- BREAK [1717] ---\n\
         BREAK { BROKE BROKEN  }\n\
         +BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN }\n\
         WIRE_+TAP [1711]\n\
         - + KNOWN_ * IN_ $  [076]  # comment\n\
         - * &CURRENCY [903]\n\
         - &NEG * [---]\n\
         - * FXLL [+++]\n\
         - * (TO BORDER) {ARMS SHIPMENT} [025?]\n\
         --- ARRIVE [032:033] ---\n\
         ARRIVE\n\
         - * (BEFORE COURT) [:173]\n\
         ~ a (a b ATTACK) SAY = a b 015\n",
    );
    assert_eq!(file.blocks.len(), 2);
    assert_eq!(file.blocks[0].code, VerbCode::Event("1717".into()));
    assert_eq!(
        file.blocks[1].code,
        VerbCode::Pair {
            forward: Some("032".into()),
            reverse: Some("033".into())
        }
    );
    let heads: Vec<&str> = file.verbs[0]
        .forms
        .iter()
        .map(|f| f.head.as_str())
        .collect();
    assert_eq!(heads, ["BREAK", "BROKE", "BROKEN"]);
    assert_eq!(file.verbs[1].forms[2].head, "BROKE");
    assert_eq!(file.verbs[1].forms[2].after, ["DOWN"]);
    assert_eq!(file.verbs[2].forms[0].before, ["WIRE"]);
    assert_eq!(file.verbs[2].forms[2].head, "TAPED"); // PETRARCH's rule, no doubling
    assert_eq!(file.verbs[2].code, Some(VerbCode::Event("1711".into())));
    let arrive: Vec<&str> = file.verbs[3]
        .forms
        .iter()
        .map(|f| f.head.as_str())
        .collect();
    assert_eq!(arrive, ["ARRIVE", "ARRIVES", "ARRIVED", "ARRIVING"]);
    let p = &file.patterns[0];
    assert_eq!(
        p.atoms,
        [
            Atom::Target,
            Atom::Word("KNOWN".into()),
            Atom::Verb,
            Atom::Word("IN".into()),
            Atom::Source
        ]
    );
    assert_eq!(p.joined, [false; 5]); // a trailing `_` marks a whole word, not a join
    assert_eq!(file.patterns[2].code, VerbCode::Null);
    // `[+++]` is left out; `[025?]` repaired; braces join, parentheses only group.
    assert_eq!(file.patterns.len(), 5);
    assert_eq!(file.patterns[3].code, VerbCode::Event("025".into()));
    assert_eq!(file.patterns[3].joined, [false, false, false, true, false]);
    assert_eq!(
        file.patterns[4].code,
        VerbCode::Pair {
            forward: None,
            reverse: Some("173".into())
        }
    );
    assert_eq!(
        file.synsets["CURRENCY"],
        vec![
            vec!["DOLLARS".to_string()],
            vec!["SWISS".to_string(), "FRANCS".to_string()],
        ]
    );
    assert_eq!(
        file.synsets["NEG"],
        vec![vec!["DID".to_string(), "N'T".to_string()]]
    );
    let lines: Vec<usize> = file.defects.iter().map(|d| d.line).collect();
    assert_eq!(lines, [14, 15, 19]);
}

/// Both real verb files read with few defects (skipped without `../shared/data`).
#[test]
fn the_verb_files_read_with_few_defects() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let files = [
        ("petrarch2-unittests/PETR.Validate.verbs.txt", 90, 300, 20),
        ("phoenix-cameo-dictionaries/CAMEO.2.0.txt", 390, 4_500, 40),
    ];
    for (name, blocks, patterns, max_defects) in files {
        let path = root.join(name);
        if !path.exists() {
            eprintln!("skipped: {} not found", path.display());
            return;
        }
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let file = super::verbs::read(&text);
        for d in &file.defects {
            eprintln!("{name}:{}: {}", d.line, d.what);
        }
        assert!(
            file.blocks.len() >= blocks,
            "{name}: {} blocks",
            file.blocks.len()
        );
        assert!(
            file.patterns.len() >= patterns,
            "{name}: {} patterns",
            file.patterns.len()
        );
        assert!(
            file.defects.len() <= max_defects,
            "{name}: {} defects",
            file.defects.len()
        );
    }
}

#[test]
fn verb_forms_in_any_script_do_not_break_the_trigger_table() {
    // Found by the `dictionaries` fuzz target: a verb form ending in a two-byte character
    // was cut by byte count.
    let (_, _, _) = crate::extract::events::triggers::TriggerLexicon::from_petrarch_verbs(
        "--- ATTACKϬ [190] ---\nATTACKϬ\nATTACKϬS\n- * BACK [190]\n",
    );
}

#[test]
fn a_slash_code_names_several_actors_under_one_phrase() {
    use crate::knowledge::actors::{JointActor, LexiconBuilder};
    let file = actors::read(
        "THE_BALTIC_STATES  [EST/LVA/LTU]\n\
         TUNISIA  [TUN]\n",
    );
    assert!(file.defects.is_empty(), "{:?}", file.defects);
    // The entry keeps its own phrases: a code the reader could not take used to leave it
    // without one, and the next root line was read as its synonym.
    assert_eq!(file.actors.len(), 2);
    assert_eq!(file.actors[0].codes[0].code, "EST");
    assert_eq!(file.actors[0].codes[0].joint, ["LVA", "LTU"]);
    let mut builder = LexiconBuilder::new();
    super::lexicon::add_actors(&mut builder, &file.actors);
    let lexicon = builder.build();
    let text = "The Baltic States";
    let found = lexicon.find(text, 0..text.len());
    let entry = lexicon.entry(found[0].entry);
    assert_eq!(entry.code.as_deref(), Some("EST"));
    let joint = |c: &str| JointActor {
        code: Some(c.into()),
        sectors: Vec::new(),
    };
    assert_eq!(entry.joint, [joint("LVA"), joint("LTU")]);
}

#[test]
fn date_restrictions_hold_for_countries_too() {
    use crate::knowledge::actors::LexiconBuilder;
    let file = actors::read(
        "ZIMBABWE\n\
         \t[RHO <790606]\n\
         \t[ZBW]\n",
    );
    let mut builder = LexiconBuilder::new();
    super::lexicon::add_actors(&mut builder, &file.actors);
    let lexicon = builder.build();
    let found = lexicon.find("Zimbabwe", 0..8);
    let zimbabwe = lexicon.entry(found[0].entry);
    assert_eq!(zimbabwe.resolve(day(1978, 12, 23).unwrap()).0, Some("RHO"));
    assert_eq!(zimbabwe.resolve(day(1980, 4, 18).unwrap()).0, Some("ZBW"));
}
