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
