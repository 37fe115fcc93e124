//! Refinements of a sentence's participant phrases that need a word or two of context
//! beyond the phrase builder's: who a generic role belongs to ("Israeli *intelligence
//! officials*" are intelligence, "Hamas leaders" are Hamas), where a people lives ("ethnic
//! Albanians in south Serbia") and when nationals are people rather
//! than their state ("thousands of Kenyans"); and the population a restriction falls on
//! ("imposed a curfew in Abidjan").
//!
//! Runs after the phrases are built and before in-document learning, so an apposition
//! such as "X, an intelligence officer," sees the refined phrase.

use super::phrases::ActorPhrase;
use super::SentenceView;
use super::WordList;
use crate::knowledge::actors::{ActorForm, ActorKind};
use crate::model::{ActorRecord, EventType, PlaceRecord};

/// Role nouns that say only that someone speaks or acts for a body, not which kind of
/// body: after another role or a named body they take its sector ("intelligence
/// officials", "rebel leaders", "Red Cross officials").
const GENERIC_HEADS: &[&str] = &[
    "official",
    "officials",
    "leader",
    "leaders",
    "aide",
    "aides",
    "representative",
    "representatives",
    "member",
    "members",
    "source",
    "sources",
    "chief",
    "chiefs",
    "head",
    "personnel",
];

/// Words between "in"/"of" and a place that keep the place the people's home ("in
/// *south* Serbia", "of the *Israeli-occupied* West Bank").
const PLACE_MODIFIERS: &[&str] = &[
    "the",
    "south",
    "north",
    "east",
    "west",
    "southern",
    "northern",
    "eastern",
    "western",
    "central",
    "southeastern",
    "southwestern",
    "northeastern",
    "northwestern",
    "occupied",
    "israeli-occupied",
    "eastern",
];

/// Nouns for places that a name after "of" specifies ("the town of Cizre").
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "port",
    "capital",
    "island",
    "state",
    "county",
    "municipality",
    "governorate",
    "camp",
];

/// Words before nationals that count or describe them as persons: "thousands of
/// Nigerians", "168 Liberians", "young Algerians".
const COUNTED: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "tens",
    "millions",
    "scores",
    "some",
    "many",
    "several",
    "young",
    "ordinary",
    "angry",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Applies the phrase refinements of the module docs, in place.
pub fn refine_phrases(phrases: &mut Vec<ActorPhrase>, s: &SentenceView) {
    locatives_with_modifiers(phrases, s.words);
    bodies_keep_their_sector(phrases, s);
    join_generic_heads(phrases, s.words);
    group_members(phrases, s);
    unknown_name_members(phrases, s);
    of_country(phrases, s);
    adjective_before_institution(phrases, s);
    phrases.retain(|p| !modifies_a_thing(p, s.words) && !forces_sent(p, s.words));
    dwellings(phrases, s.words, s.spans);
    former_roles(phrases, s.words, s.raw);
    peoples(phrases, s);
    shared_adjective(phrases, s.words);
}

/// "Israeli helicopters and tanks", "Russian jets and troops": a country adjective before
/// the first of two coordinated nouns is the second's too — a lone role noun after "and"
/// takes the adjective's country instead of one from the sentence's places.
fn shared_adjective(phrases: &mut [ActorPhrase], words: &[&str]) {
    for k in 1..phrases.len() {
        let p = &phrases[k];
        if p.first != p.last || p.code.is_some() || p.sectors.is_empty() || p.first < 3 {
            continue;
        }
        let noun = words[p.first - 2];
        let coordinated = words[p.first - 1] == "and"
            && noun.len() > 2
            && noun.chars().all(|c| c.is_ascii_lowercase())
            && !phrases
                .iter()
                .any(|q| q.first <= p.first - 2 && p.first - 2 <= q.last);
        let adjective = phrases[..k]
            .iter()
            .rfind(|q| q.last + 3 == p.first)
            .filter(|q| q.bare_adjective && q.code.is_some());
        if let (true, Some(code)) = (coordinated, adjective.and_then(|q| q.code.clone())) {
            let p = &mut phrases[k];
            p.code = Some(code);
            p.code_from_text = true;
        }
    }
}

/// Things a role noun can modify: "military aid", "naval exercises", "terrorist
/// activities" name no party — the word is an adjective there. (Event nouns such as
/// "offensive" or "strikes" are left out: "the army offensive" is the army's act.)
const THINGS: &[&str] = &[
    "aid",
    "assistance",
    "exercises",
    "exercise",
    "drills",
    "program",
    "programme",
    "programs",
    "programmes",
    "presence",
    "policy",
    "policies",
    "equipment",
    "hardware",
    "cooperation",
    "ties",
    "spending",
    "budget",
    "activities",
    "activity",
    "installations",
    "facilities",
    "contact",
    "contacts",
    "visit",
    "blockade",
];

/// Acts that a role word which is only an adjective ("military", "naval", "official")
/// modifies: "a new military offensive", "lodged an official protest". ("The army
/// offensive", "a student protest" stay the army's and the students' acts: those are
/// nouns.)
const ACTS_OF_ADJECTIVE_ROLES: &[&str] = &[
    "offensive",
    "offensives",
    "operation",
    "operations",
    "campaign",
    "action",
    "intervention",
    "protest",
    "complaint",
];

/// A role noun used as an adjective ("continue *military* aid to Mozambique"): not a
/// participant, so the search for the recipient goes on to the party after it.
fn modifies_a_thing(p: &ActorPhrase, words: &[&str]) -> bool {
    p.first == p.last
        && !p.code_from_text
        && p.name.is_none()
        && !p.sectors.is_empty()
        && words.get(p.last + 1).is_some_and(|w| {
            THINGS.has_word(w)
                || (matches!(words[p.first], "military" | "naval" | "official")
                    && ACTS_OF_ADJECTIVE_ROLES.has_word(w))
        })
}

/// Verbs whose object is the subject's own forces: "deployed troops", "will send
/// peacekeepers", "mobilized army reservists", "withdraw troops".
const SENDING: &[&str] = &[
    "deploy",
    "deploys",
    "deployed",
    "deploying",
    "send",
    "sends",
    "sent",
    "sending",
    "dispatch",
    "dispatches",
    "dispatched",
    "contribute",
    "contributes",
    "contributed",
    "mobilize",
    "mobilized",
    "mobilise",
    "mobilised",
    "station",
    "stationed",
    "withdraw",
    "withdraws",
    "withdrew",
    "withdrawing",
];

/// A military or police role with no country of its own right after a verb of sending
/// (numbers and adjectives may stand between): the actor's own means, not a party — and
/// not of the country it is sent to ("refused to deploy peacekeepers in Iraq" are not
/// Iraqi). The search for the recipient goes on to the place or party after it.
fn forces_sent(p: &ActorPhrase, words: &[&str]) -> bool {
    // A code the phrase's own words give ("Polish troops") makes them a party; a lone
    // role noun's code from the place after it ("troops in Iraq") does not.
    let own_code = p.code_from_text && p.first < p.last;
    if own_code || !p.sectors.iter().any(|s| s == "MIL" || s == "COP") {
        return false;
    }
    // "contribute up to 4,000 troops": "up to" before a number is part of the amount.
    let amount_to = |i: usize| words[i] == "to" && i > 0 && words[i - 1] == "up";
    (1..=5)
        .filter_map(|k| p.first.checked_sub(k))
        .take_while(|&i| {
            let w = words[i];
            SENDING.has_word(w)
                || w.chars()
                    .all(|c| c.is_alphanumeric() || c == ',' || c == '-')
        })
        .take_while(|&i| {
            amount_to(i) || !matches!(words[i], "," | "and" | "the" | "to" | "of" | "in")
        })
        .any(|i| SENDING.has_word(words[i]))
}

/// Where people live: "Palestinian homes", "Iraqi towns", "the besieged Bosnian town".
const DWELLINGS: &[&str] = &[
    "home",
    "homes",
    "house",
    "houses",
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "cities",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "settlement",
    "settlements",
];

/// A country adjective before a dwelling noun names the people living there (CVL): an
/// attack on "Iraqi towns" or "Palestinian homes" falls on civilians.
fn dwellings(phrases: &mut [ActorPhrase], words: &[&str], spans: &[(usize, usize)]) {
    for p in phrases.iter_mut() {
        let next = p.last + 1;
        if p.bare_adjective
            && p.code.is_some()
            && words.get(next).is_some_and(|w| DWELLINGS.has_word(w))
        {
            p.last = next;
            p.end = spans[next].1;
            p.bare_adjective = false;
            p.sectors = vec!["CVL".into()];
        }
    }
}

/// Words that put a role in the past: the person is a former official (ELI).
const PAST_ROLE: &[&str] = &["former", "ousted", "deposed", "exiled", "ex", "toppled"];

/// "Ousted President Askar Akayev", "Former Socialist prime minister Andreas
/// Papandreou": a role held in the past makes the person one of the elite (ELI), not the
/// government (one capitalised word, a party or nationality, may stand between).
fn former_roles(phrases: &mut [ActorPhrase], words: &[&str], raw: &[&str]) {
    for p in phrases.iter_mut() {
        if p.sectors.is_empty() {
            continue;
        }
        // "Nigeria former president …": the word may stand inside the phrase.
        if (p.first..p.last).any(|i| PAST_ROLE.has_word(words[i])) {
            p.sectors = vec!["ELI".into()];
            continue;
        }
        if p.first == 0 {
            continue;
        }
        let mut b = p.first - 1;
        let capitalised = |i: usize| raw[i].chars().next().is_some_and(char::is_uppercase);
        if b > 0 && !PAST_ROLE.has_word(words[b]) && capitalised(b) {
            b -= 1;
        }
        if PAST_ROLE.has_word(words[b]) {
            p.sectors = vec!["ELI".into()];
        }
    }
}

/// "in south Serbia", "in East Jerusalem", "in the occupied West Bank": a country or
/// capital after a locative preposition and compass or status words is a place, as it is
/// right after the preposition.
fn locatives_with_modifiers(phrases: &mut [ActorPhrase], words: &[&str]) {
    for p in phrases.iter_mut().filter(|p| p.place_like && !p.locative) {
        // "the town of Samarra", "the West Bank city of Hebron": a name after a
        // settlement or area noun and "of" is that place.
        if p.first >= 2 && words[p.first - 1] == "of" && PLACE_NOUNS.has_word(words[p.first - 2]) {
            p.locative = true;
            continue;
        }
        let mut t = p.first;
        let mut steps = 0;
        while t > 0 && steps < 3 && PLACE_MODIFIERS.has_word(words[t - 1]) {
            t -= 1;
            steps += 1;
        }
        if steps > 0 && t > 0 && super::phrases::LOCATIVE.has_word(words[t - 1]) {
            p.locative = true;
        }
    }
}

/// "UN officials", "Red Cross officials": a body's people act for the body, with its
/// sector, not the generic head's (the phrase builder gives a name + noun the noun's).
fn bodies_keep_their_sector(phrases: &mut [ActorPhrase], s: &SentenceView) {
    for p in phrases.iter_mut() {
        if p.first == p.last || !GENERIC_HEADS.has_word(s.words[p.last]) {
            continue;
        }
        let start = s.spans[p.first].0;
        let Some(body) = s.terms.iter().find(|t| t.start == start) else {
            continue;
        };
        let e = s.lexicon.entry(body.entry);
        if matches!(e.kind, ActorKind::Igo | ActorKind::Group) && !e.sectors.is_empty() {
            p.sectors = e.sectors.clone();
        }
    }
}

/// "Israeli intelligence" + "officials" → one phrase with the intelligence sector:
/// a generic head right after a phrase that has a sector belongs to it.
fn join_generic_heads(phrases: &mut Vec<ActorPhrase>, words: &[&str]) {
    let mut i = 0;
    while i + 1 < phrases.len() {
        let (p, q) = (&phrases[i], &phrases[i + 1]);
        let generic = q.first == q.last
            && GENERIC_HEADS.has_word(words[q.first])
            && q.code.is_none()
            && q.name.is_none();
        let owner = q.first == p.last + 1 && !p.sectors.is_empty() && !p.locative;
        if generic && owner {
            let (last, end) = (q.last, q.end);
            let p = &mut phrases[i];
            p.last = last;
            p.end = end;
            p.bare_adjective = false;
            p.place_like = false;
            p.country_name = false;
            phrases.remove(i + 1);
            continue;
        }
        i += 1;
    }
}

/// "Hezbollah guerrillas", "Hamas militants", "Houthi rebels": a named group followed by
/// a role noun is the group's members, with the group's code and sector (the role noun
/// alone would take the country of the place or the article).
fn group_members(phrases: &mut Vec<ActorPhrase>, s: &SentenceView) {
    let mut i = 0;
    while i + 1 < phrases.len() {
        let (p, q) = (&phrases[i], &phrases[i + 1]);
        let group = p.code.is_some()
            && s.terms
                .iter()
                .find(|t| t.start == p.start)
                .is_some_and(|t| s.lexicon.entry(t.entry).kind == ActorKind::Group);
        let role = q.first == p.last + 1
            && q.first == q.last
            && !q.code_from_text
            && q.name.is_none()
            && !q.sectors.is_empty();
        if group && role {
            let (last, end) = (q.last, q.end);
            let p = &mut phrases[i];
            p.last = last;
            p.end = end;
            phrases.remove(i + 1);
            continue;
        }
        i += 1;
    }
}

/// Sectors of armed and opposition groups, whose members a local name qualifies.
const ARMED_GROUP_SECTORS: &[&str] = &["REB", "MIL", "UAF", "COP", "OPP", "INS"];

/// "Shona rebels", "Karen guerrillas", "Kirkuk police": a name the dictionaries do not
/// know before the role noun of an armed or opposition group is the group or place the
/// members belong to — one phrase with the role's sector, whose country comes from
/// context like the role noun's alone (the name is never guessed a code).
fn unknown_name_members(phrases: &mut Vec<ActorPhrase>, s: &SentenceView) {
    let mut i = 0;
    while i + 1 < phrases.len() {
        let (p, q) = (&phrases[i], &phrases[i + 1]);
        let unknown = p.code.is_none()
            && p.sectors.is_empty()
            && p.name.is_none()
            && !p.locative
            && !p.bare_adjective;
        // Armed and opposition groups only: "European farmers", "Korean official" are
        // nationals the name does not resolve, whom a context country would miscode.
        let armed = q
            .sectors
            .iter()
            .any(|s| ARMED_GROUP_SECTORS.has_word(s.as_str()));
        let role = q.first == p.last + 1
            && q.first == q.last
            && q.code.is_none()
            && q.name.is_none()
            && armed;
        let nationality = ["an", "ese", "ish"]
            .iter()
            .any(|e| s.words[p.last].ends_with(e));
        if unknown && role && !nationality {
            let (last, end, sectors) = (q.last, q.end, q.sectors.clone());
            let p = &mut phrases[i];
            p.last = last;
            p.end = end;
            p.sectors = sectors;
            p.place_like = false;
            p.country_name = false;
            phrases.remove(i + 1);
            continue;
        }
        i += 1;
    }
}

/// "King Hassan of Morocco", "President Ruto of Kenya": a titled person followed by "of"
/// and a country belongs to that country, whatever a dictionary guessed from the name.
fn of_country(phrases: &mut Vec<ActorPhrase>, s: &SentenceView) {
    let mut i = 0;
    while i + 1 < phrases.len() {
        let (p, q) = (&phrases[i], &phrases[i + 1]);
        let titled = !p.sectors.is_empty()
            && p.first < p.last
            && s.raw[p.last].chars().next().is_some_and(char::is_uppercase)
            && !p.locative;
        let of = s.words.get(p.last + 1) == Some(&"of") && q.first == p.last + 2;
        if titled && of && q.country_name && q.code.is_some() {
            let (code, last, end) = (q.code.clone(), q.last, q.end);
            let p = &mut phrases[i];
            p.code = code;
            p.code_from_text = true;
            p.last = last;
            p.end = end;
            phrases.remove(i + 1);
        }
        i += 1;
    }
}

/// "Argentine Treasury Secretary Mario Brodersohn": an institution's name that stands for
/// one country's when alone ("the Treasury" is the U.S. Treasury) belongs to the country
/// of the adjective before it.
fn adjective_before_institution(phrases: &mut Vec<ActorPhrase>, s: &SentenceView) {
    let mut i = 0;
    while i + 1 < phrases.len() {
        let (a, p) = (&phrases[i], &phrases[i + 1]);
        let institution = p.first == a.last + 1
            && s.terms
                .iter()
                .find(|t| t.start == p.start)
                .is_some_and(|t| {
                    let e = s.lexicon.entry(t.entry);
                    e.kind == ActorKind::Country && e.form == ActorForm::Metonym
                });
        if a.bare_adjective && a.code.is_some() && institution && !p.locative {
            let (code, first, start) = (a.code.clone(), a.first, a.start);
            let p = &mut phrases[i + 1];
            p.code = code;
            p.code_from_text = true;
            p.first = first;
            p.start = start;
            p.place_like = false;
            p.country_name = false;
            phrases.remove(i);
            continue;
        }
        i += 1;
    }
}

/// Nationals and ethnic groups: where they live and whether they are persons.
fn peoples(phrases: &mut [ActorPhrase], s: &SentenceView) {
    let words = s.words;
    let mut i = 0;
    while i < phrases.len() {
        let p = &phrases[i];
        let demonym = p.first == p.last
            && words[p.first].ends_with('s')
            && term_form_at(p.first, s) == Some((ActorKind::Country, ActorForm::Demonym));
        // "inhabitants of the Syrian Golan Heights", "residents of Gaza".
        let people = p.sectors == ["CVL"] && !p.code_from_text;
        if people && !demonym {
            if let Some((code, at)) = residence_after(p.last, phrases, s) {
                let p = &mut phrases[i];
                p.code = Some(code);
                p.code_from_text = true;
                if let Some(at) = at {
                    phrases[at].locative = true;
                }
            }
            i += 1;
            continue;
        }
        if !demonym {
            i += 1;
            continue;
        }
        let before = |k: usize| p.first.checked_sub(k).map(|b| words[b]);
        let ethnic = before(1) == Some("ethnic");
        let counted = before(1).is_some_and(|w| {
            COUNTED.has_word(w) || w.chars().all(|c| c.is_ascii_digit() || c == ',')
        }) || (before(1) == Some("of")
            && before(2).is_some_and(|w| COUNTED.has_word(w)));
        let residence = residence_after(p.last, phrases, s);
        if let Some((_, Some(at))) = residence {
            // The home is a place here, not a second participant.
            phrases[at].locative = true;
        }
        let p = &mut phrases[i];
        if let Some((code, _)) = residence {
            p.code = Some(code);
            p.code_from_text = true;
            p.sectors = vec!["CVL".into()];
        } else if ethnic {
            // An ethnic group is not its kin state: the country is where the sentence
            // places it ("killed three ethnic Albanians … in southeastern Serbia"), else
            // it comes from context.
            p.code = sentence_residence(s);
            p.code_from_text = p.code.is_some();
            p.sectors = vec!["CVL".into()];
        } else if counted {
            p.sectors = vec!["CVL".into()];
        }
        i += 1;
    }
}

/// The kind and form of the dictionary term starting at token `t`.
fn term_form_at(t: usize, s: &SentenceView) -> Option<(ActorKind, ActorForm)> {
    let start = s.spans.get(t)?.0;
    s.terms.iter().find(|x| x.start == start).map(|x| {
        let e = s.lexicon.entry(x.entry);
        (e.kind, e.form)
    })
}

/// "… in south Serbia", "… of southern Serbia", "… living in the West Bank", "… of the
/// Syrian Golan Heights": the country of a place named right after a people, and the
/// phrase naming that place, if any.
fn residence_after(
    last: usize,
    phrases: &[ActorPhrase],
    s: &SentenceView,
) -> Option<(String, Option<usize>)> {
    let words = s.words;
    let mut t = last + 1;
    if words.get(t) == Some(&"living") {
        t += 1;
    }
    if !matches!(words.get(t), Some(&"in") | Some(&"of")) {
        return None;
    }
    t += 1;
    let mut steps = 0;
    while steps < 3 && words.get(t).is_some_and(|w| PLACE_MODIFIERS.has_word(w)) {
        t += 1;
        steps += 1;
    }
    let start = s.spans.get(t)?.0;
    let phrase = phrases.iter().position(|p| p.first <= t && t <= p.last);
    let place = s
        .places
        .mentions
        .iter()
        .find(|m| m.start == start)
        .and_then(|m| m.place.country_code.clone());
    // A country-coded phrase with no role of its own ("the Syrian Golan Heights").
    let coded = phrase
        .map(|k| &phrases[k])
        .filter(|q| q.code_from_text && q.sectors.is_empty())
        .and_then(|q| q.code.clone());
    Some((place.or(coded)?, phrase))
}

/// The one country of the sentence's places named after a locative preposition (compass
/// and status words allowed between), if they agree on one.
fn sentence_residence(s: &SentenceView) -> Option<String> {
    let (first, last) = (s.spans.first()?.0, s.spans.last()?.1);
    let mut found: Option<&str> = None;
    for (_, m) in s.places.in_range(first, last) {
        let Some(mut t) = s.spans.iter().position(|&(st, _)| st == m.start) else {
            continue;
        };
        while t > 0 && PLACE_MODIFIERS.has_word(s.words[t - 1]) {
            t -= 1;
        }
        if t == 0 || !super::phrases::LOCATIVE.has_word(s.words[t - 1]) {
            continue;
        }
        let code = m.place.country_code.as_deref()?;
        match found {
            Some(c) if c != code => return None,
            _ => found = Some(code),
        }
    }
    found.map(str::to_string)
}

/// A restriction (curfew, martial law, state of emergency or siege, a ban) imposed,
/// threatened or lifted in a place falls on the people there: with no party named as
/// recipient, the place is — its population (CVL) for a city or region, the country
/// itself for a country.
pub fn restriction_recipient(
    event: EventType,
    cameo: &str,
    mode: Option<&str>,
    place: Option<&PlaceRecord>,
) -> Option<ActorRecord> {
    let restriction = match event {
        EventType::Coerce => cameo.starts_with("172"),
        EventType::Concede => cameo.starts_with("081"),
        EventType::Threaten => mode == Some("restrict"),
        _ => false,
    };
    let place = place?;
    if !restriction || place.country_code.is_none() {
        return None;
    }
    let sector = if place.resolution > 1 {
        vec!["CVL".to_string()]
    } else {
        Vec::new()
    };
    Some(ActorRecord {
        entity_text: place.extracted_place.clone(),
        start: place.start,
        end: place.end,
        code: place.country_code.clone(),
        sector,
        name: None,
    })
}

/// States' roles: what a protest is against when the sentence names it ("… to demand the
/// resignation of President X", "… from President Bouteflika's government").
const STATE_SECTORS: &[&str] = &["GOV", "LEG", "JUD", "MIL", "COP"];

/// Protests are directed at the state: with no recipient found next to the trigger, the
/// first state party (a government, parliament, court, army or police with a country)
/// named later in the sentence — before a reporting verb ("…, police said") — is it.
pub fn protest_target(
    trigger_last: usize,
    actor: &[usize],
    phrases: &[ActorPhrase],
    words: &[&str],
) -> Vec<usize> {
    let mut stop = (trigger_last + 1..words.len())
        .find(|&i| {
            matches!(
                words[i],
                "said" | "says" | "told" | "according" | "reported"
            )
        })
        .unwrap_or(words.len());
    // The reporting clause's own source is no target: ", Belgrade radio said".
    if let Some(comma) = (stop.saturating_sub(5)..stop)
        .rev()
        .find(|&i| words[i] == ",")
    {
        stop = stop.min(comma).max(trigger_last + 1);
    }
    phrases
        .iter()
        .enumerate()
        .filter(|(k, p)| p.first > trigger_last && p.last < stop && !actor.contains(k))
        .find(|(_, p)| {
            // A capital is as likely the place of the protest as its government.
            !p.locative
                && !p.place_like
                && p.code.is_some()
                && p.sectors.iter().any(|s| STATE_SECTORS.has_word(s.as_str()))
        })
        .map(|(k, _)| vec![k])
        .unwrap_or_default()
}

/// The state a protest in `place` is directed at when the sentence names no target: the
/// government of the place's country, if every protester with a code is of that country
/// (Kurds demonstrating in Berlin about Turkey are not protesting against Germany).
pub fn protest_state(place: &PlaceRecord, actor: &[ActorRecord]) -> Option<ActorRecord> {
    let country = place.country_code.as_deref()?;
    if actor
        .iter()
        .any(|a| a.code.as_deref().is_some_and(|c| c != country))
    {
        return None;
    }
    Some(ActorRecord {
        entity_text: place.extracted_place.clone(),
        start: place.start,
        end: place.end,
        code: Some(country.to_string()),
        sector: vec!["GOV".to_string()],
        name: None,
    })
}

/// Whether a word names an explosive device or its going off.
fn explosive(w: &str) -> bool {
    matches!(
        w,
        "bomb"
            | "bombs"
            | "bombing"
            | "bombings"
            | "blast"
            | "blasts"
            | "explosion"
            | "explosions"
            | "explosive"
            | "ied"
            | "ieds"
            | "mine"
            | "mines"
            | "landmine"
            | "landmines"
            | "minefield"
    )
}

/// "A roadside bombing near Samarra killed one U.S. soldier", "A minefield explosion
/// killed two youths": an attack the sentence tells by its device, naming nobody who
/// carried it out, is by unidentified armed actors (PLOVER's UAF) of the country where it
/// happened. Returns the token of the device word (the evidence), looked for in the
/// trigger, before it in its clause, or just after it behind "in"/"by" ("was killed in a
/// car bomb explosion", "killed by a roadside bomb").
pub fn unattributed_device(
    words: &[&str],
    first: usize,
    last: usize,
    clause_of: &[usize],
) -> Option<usize> {
    let same_clause = |i: usize| clause_of[i] == clause_of[first];
    if let Some(i) = (0..=last)
        .rev()
        .filter(|&i| same_clause(i))
        .find(|&i| explosive(words[i]))
    {
        return Some(i);
    }
    let by = last + 1;
    if !matches!(words.get(by), Some(&"in") | Some(&"by")) {
        return None;
    }
    (by + 1..(by + 6).min(words.len()))
        .take_while(|&i| same_clause(i) && !matches!(words[i], "," | "and" | "of"))
        .find(|&i| explosive(words[i]))
}

/// Words that may follow a party named after a preposition ("… from Japan *and* the World
/// Bank", "… with Serbia *on* Wednesday"); any other lowercase word makes the name a
/// modifier of a noun.
pub(super) const AFTER_A_PARTY: &[&str] = &[
    "and",
    "or",
    "on",
    "in",
    "at",
    "for",
    "to",
    "over",
    "after",
    "before",
    "since",
    "as",
    "by",
    "with",
    "from",
    "said",
    "says",
    "last",
    "this",
    "next",
    "which",
    "who",
    "that",
    "of",
    "until",
    "during",
    "amid",
    "despite",
    "because",
    "but",
    "if",
    "unless",
    "while",
    "when",
    "earlier",
    "later",
    "today",
    "yesterday",
    "s",
];

/// Prepositions that introduce the party an act is done to, from or with: "demanding
/// autonomy *from* Serbian authorities", "the withdrawal of invasion forces *from*
/// Panama", "a suspension of air links *with* Serbia".
const PARTY_PREPOSITIONS: &[&str] = &["from", "with", "against", "to", "on"];

/// With no recipient next to the trigger, the first party later in the same clause that a
/// preposition of `PARTY_PREPOSITIONS` introduces (up to 15 tokens on, before a comma or
/// a reporting verb), with the parties listed after it; not a place, not the actor itself
/// or its own country by name.
pub fn prepositional_recipient(
    trigger_last: usize,
    actor: &[usize],
    phrases: &[ActorPhrase],
    words: &[&str],
    clause_of: &[usize],
) -> Vec<usize> {
    let clause = clause_of[trigger_last];
    let actor_codes: Vec<&Option<String>> = actor.iter().map(|&i| &phrases[i].code).collect();
    let end = (trigger_last + 16).min(words.len());
    for t in trigger_last + 1..end {
        if clause_of[t] != clause
            || matches!(
                words[t],
                "," | ";" | ":" | "said" | "says" | "told" | "according"
            )
        {
            break;
        }
        if !PARTY_PREPOSITIONS.has_word(words[t]) {
            continue;
        }
        let start = t + 1 + usize::from(words.get(t + 1) == Some(&"the"));
        let Some(k) = phrases.iter().position(|p| p.first == start) else {
            continue;
        };
        let p = &phrases[k];
        // The actor's own country by name is its home, not a party ("Serbia … from
        // Serbia"); a role of that country is ("students … from the government").
        let own_country = p.sectors.is_empty() && actor_codes.contains(&&p.code);
        // "against the U.S. dollar": a country name before a common noun modifies it.
        let modifier = p.sectors.is_empty()
            && words.get(p.last + 1).is_some_and(|w| {
                w.chars().all(|c| c.is_ascii_lowercase()) && !AFTER_A_PARTY.has_word(w)
            });
        if p.locative || p.code.is_none() || actor.contains(&k) || own_country || modifier {
            continue;
        }
        // "lift embargoes on sales to Iran, Libya, North Korea and Sudan": every party of
        // the list is a recipient.
        return super::compound_right(k, phrases, words);
    }
    Vec::new()
}
