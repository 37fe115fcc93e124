//! Toponym recognition: which gazetteer names in the text are used as place names.
//!
//! The automaton finds every occurrence of every name; most are not places. The rules below
//! are general, about how English writes proper names, not lists of known mistakes:
//! - a place name is written capitalised (all words but particles: "Rio de Janeiro");
//! - a name inside a longer proper name is not a place: preceded by a person's title
//!   ("President Jordan"), by another capitalised word ("Michael Jordan"), or followed by one
//!   ("Paris Hilton", "Georgia Tech", "Washington Post", "Manchester United");
//! - a name that is also a common English word ("Mobile", "Reading", "Nice", "Police") is only a
//!   place with strong context: a dateline, a qualifier ("Mobile, Ala."), an area word
//!   ("Split region"), or a locative preposition *and* corroboration from the rest of the article
//!   (checked by the resolver) — never at a sentence start or in a headline, where capitals say
//!   nothing.
//!
//! Demonyms ("Kenyan") never match: the automaton's match must end at a word boundary.

use std::ops::Range;

use crate::knowledge::gazetteer::{Gazetteer, PlaceRef};

use super::layout::Layout;

/// A recognised toponym, before resolution.
#[derive(Debug, Clone)]
pub(super) struct Toponym {
    pub start: usize,
    pub end: usize,
    /// Automaton pattern (the name); its candidates are the places to choose from.
    pub pattern: usize,
    /// A place written right after it that contains it: "Paris, Texas", "Tripoli, Lebanon".
    pub qualifier: Option<Qualifier>,
    pub cue: Cue,
    /// Only a place if the article corroborates it (a common word after a preposition).
    pub needs_support: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Qualifier {
    /// Another name of the gazetteer (its country/admin1 candidates).
    Name(usize),
    /// A US state by AP or postal abbreviation ("Tex.", "TX").
    Admin1(u16),
}

/// A word next to the name that says what kind of place it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    None,
    /// "Kabul province", "the Idlib region", "province of Helmand".
    Area,
    /// "Kabul city", "the city of Kabul".
    City,
}

/// Person titles: a name right after one is a person's ("President Jordan", "Queen Victoria").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "minister", "premier",
    "chancellor", "senator", "sen", "rep", "gov", "governor", "gen", "general", "col", "colonel", "capt",
    "captain", "lt", "sgt", "maj", "major", "adm", "admiral", "king", "queen", "prince", "princess", "pope",
    "rev", "father", "sister", "brother", "judge", "justice", "secretary", "chairman", "chairwoman", "ambassador",
    "coach", "officer", "detective", "professor", "prof", "saint", "sheikh", "emir", "sultan", "ayatollah",
    "imam", "rabbi", "bishop", "cardinal", "uncle", "aunt", "st", "sens", "reps", "gens", "govs",
];

/// Capitalised words that may stand before a place name without making it part of another
/// name: sentence-opening function words and compass/size modifiers ("Northern Syria").
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "the", "in", "at", "on", "of", "from", "to", "for", "by", "with", "near", "outside", "inside", "across",
    "around", "throughout", "into", "over", "under", "after", "before", "since", "during", "while", "when",
    "where", "as", "and", "but", "or", "if", "both", "only", "even", "also", "like", "unlike", "between", "via",
    "toward", "towards", "meanwhile", "elsewhere", "here", "there", "then", "now", "today", "yesterday", "this",
    "that", "all", "many", "some", "most", "rural", "urban", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern", "greater", "downtown", "metropolitan",
    "upper", "lower", "inner", "outer", "neighbouring", "neighboring", "mainland", "coastal", "war-torn",
    "landlocked",
];

/// Words that may follow a place name, capitalised, without making it part of another name.
#[rustfmt::skip]
const FOLLOWERS: &[&str] = &[
    "province", "region", "state", "governorate", "district", "county", "prefecture", "oblast", "department",
    "city", "municipality", "governor", "gov", "mayor", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "and", "or", "but", "on", "in", "at", "to", "for", "is", "was", "has", "said", "says", "i", "it",
    "he", "she", "we", "they", "the", "a",
];

/// Words that, following a place name, make it part of an organisation's name even in a
/// headline ("Georgia Tech", "Washington Post", "Manchester United", "Kenya Airways").
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "university", "college", "tech", "institute", "school", "academy", "post", "times", "herald", "journal",
    "tribune", "gazette", "chronicle", "observer", "guardian", "telegraph", "standard", "daily", "united", "fc",
    "rovers", "wanderers", "athletic", "airlines", "airways", "air", "bank", "company", "corp", "inc", "ltd",
    "group", "stock", "exchange", "club", "capitals", "nationals", "rangers",
];

/// "X of <Place>" that names an institution or a title rather than the place.
#[rustfmt::skip]
const INSTITUTIONS: &[&str] = &[
    "university", "college", "institute", "bank", "museum", "school", "church", "duke", "duchess", "earl",
    "archbishop", "bishop", "prince", "princess", "king", "queen", "gulf", "bay", "sea", "strait", "straits",
];

/// Words for an area: "X province", "the X region", "province of X".
#[rustfmt::skip]
const AREA_WORDS: &[&str] = &[
    "province", "provinces", "region", "state", "governorate", "district", "county", "prefecture", "oblast",
    "department", "territory",
];

/// Prepositions that introduce a location: "in Mobile", "near Reading".
#[rustfmt::skip]
const LOCATIVES: &[&str] = &[
    "in", "near", "outside", "at", "from", "to", "into", "across", "around", "toward", "towards", "via",
    "through", "throughout",
];

/// Lowercase particles allowed inside a multi-word place name.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "des", "di", "do", "dos", "da", "das", "du", "la", "le",
    "les", "el", "al", "of", "the", "and", "upon", "on", "sur", "en", "y", "i", "am", "an", "im",
    "bei", "van", "von", "ter", "ten", "aan", "op", "sous", "e", "a", "na", "nad", "pod",
];

/// AP-style abbreviations of US states, used only as qualifiers ("Paris, Tex.").
#[rustfmt::skip]
const AP_STATES: &[(&str, &str)] = &[
    ("Ala.", "AL"), ("Ariz.", "AZ"), ("Ark.", "AR"), ("Calif.", "CA"), ("Colo.", "CO"), ("Conn.", "CT"), ("Del.",
    "DE"), ("Fla.", "FL"), ("Ga.", "GA"), ("Ill.", "IL"), ("Ind.", "IN"), ("Kan.", "KS"), ("Ky.", "KY"), ("La.",
    "LA"), ("Md.", "MD"), ("Mass.", "MA"), ("Mich.", "MI"), ("Minn.", "MN"), ("Miss.", "MS"), ("Mo.", "MO"),
    ("Mont.", "MT"), ("Neb.", "NE"), ("Nev.", "NV"), ("N.H.", "NH"), ("N.J.", "NJ"), ("N.M.", "NM"), ("N.Y.",
    "NY"), ("N.C.", "NC"), ("N.D.", "ND"), ("Okla.", "OK"), ("Ore.", "OR"), ("Pa.", "PA"), ("R.I.", "RI"),
    ("S.C.", "SC"), ("S.D.", "SD"), ("Tenn.", "TN"), ("Tex.", "TX"), ("Vt.", "VT"), ("Va.", "VA"), ("Wash.",
    "WA"), ("W.Va.", "WV"), ("Wis.", "WI"), ("Wyo.", "WY"), ("D.C.", "DC"),
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn lower_in(word: &str, list: &[&str]) -> bool {
    let w = word.trim_end_matches('.');
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word right before `pos` when only spaces separate them (not punctuation, not a line
/// break): `(start, word)`, the word keeping a trailing period ("Mr.", "Gov.").
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let before = &text[..pos];
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == before.len() {
        return None;
    }
    let end = trimmed.len();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c) || c == '.' || c == '\'' || c == '-')
        .last()
        .map(|(i, _)| i)?;
    let word = &trimmed[start..end];
    word.chars().next().filter(|c| c.is_alphanumeric())?;
    Some((start, word))
}

/// The word right after `pos` when only spaces separate them: `(start, word)`.
fn word_after(text: &str, pos: usize) -> Option<(usize, &str)> {
    let after = &text[pos..];
    let trimmed = after.trim_start_matches([' ', '\t', '\u{a0}']);
    if trimmed.len() == after.len() {
        return None;
    }
    let start = pos + after.len() - trimmed.len();
    let len = trimmed
        .char_indices()
        .take_while(|&(_, c)| is_word_char(c) || c == '.' || c == '\'')
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let word = text[start..start + len].trim_end_matches(['.', '\'']);
    if word.is_empty() {
        return None;
    }
    Some((start, word))
}

/// The word starting exactly at `pos`, if any.
fn word_at(text: &str, pos: usize) -> Option<(usize, &str)> {
    let len = text[pos..]
        .char_indices()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    Some((pos, &text[pos..pos + len]))
}

/// The word ending exactly at `pos`, if any.
fn word_ending_at(text: &str, pos: usize) -> Option<(usize, &str)> {
    let start = text[..pos]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    Some((start, &text[start..pos]))
}

/// A name occurrence that is written like a proper name at word boundaries.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    pattern: usize,
}

/// The longest gazetteer name written as a proper name that starts at `start` (leftmost-longest:
/// "New York" over "York", "Rio de Janeiro" over "Rio"). Candidate ends are the word ends up to
/// the gazetteer's longest name, never across a line break.
fn longest_name_at(
    text: &str,
    lower: &str,
    start: usize,
    shorter_than: usize,
    gaz: &Gazetteer,
) -> Option<Hit> {
    const MAX_ENDS: usize = 24;
    let mut ends = [0usize; MAX_ENDS];
    let mut n = 0;
    let mut words = 1;
    let limit = start + gaz.max_name_len();
    let mut prev = ' ';
    let mut reached_end = true;
    for (off, c) in text[start..].char_indices() {
        let pos = start + off;
        if pos > limit || c == '\n' {
            reached_end = false;
            break;
        }
        if !is_word_char(c) && (is_word_char(prev) || prev == '.') && n < MAX_ENDS {
            ends[n] = pos;
            n += 1;
        }
        if c == ' ' || c == '-' {
            words += 1;
            if words > gaz.max_name_words() {
                reached_end = false;
                break;
            }
        }
        prev = c;
    }
    if reached_end && (is_word_char(prev) || prev == '.') && n < MAX_ENDS {
        ends[n] = text.len();
        n += 1;
    }
    ends[..n]
        .iter()
        .rev()
        .filter(|&&end| end < shorter_than)
        .find_map(|&end| {
            let pattern = gaz.lookup(&lower[start..end])?;
            proper_at(text, start, end, pattern, gaz).then_some(Hit {
                start,
                end,
                pattern,
            })
        })
}

/// Written like a proper name: boundaries on both sides, capitalised words (particles aside),
/// and exact case for all-capitals aliases ("US" but not "us").
fn proper_at(text: &str, start: usize, end: usize, pattern: usize, gaz: &Gazetteer) -> bool {
    let span = &text[start..end];
    if !span.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if let Some(before) = text[..start].chars().next_back() {
        if is_word_char(before) || before == '@' || before == '#' || before == '/' || before == '_'
        {
            return false;
        }
        // An apostrophe inside a word ("d'Ivoire") or a dot inside a host name ("www.Paris").
        if matches!(before, '\'' | '’' | '.')
            && text[..start - before.len_utf8()]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
        {
            return false;
        }
    }
    if let Some(after) = text[end..].chars().next() {
        if is_word_char(after) || after == '@' || after == '_' {
            return false;
        }
        if after == '.' && text[end + 1..].chars().next().is_some_and(is_word_char) {
            return false; // "Paris.com"
        }
    }
    if let Some(cased) = &gaz.name_info(pattern).exact_case {
        return &**cased == span;
    }
    span.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .all(|w| capitalised(w) || lower_in(w, PARTICLES))
}

/// All recognised toponyms in text order, non-overlapping.
pub(super) fn toponyms(
    text: &str,
    layout: &Layout,
    dateline: Option<Range<usize>>,
    gaz: &Gazetteer,
) -> Vec<Toponym> {
    // ASCII lowercasing keeps byte offsets: name keys are sliced out of this copy.
    let lower = text.to_ascii_lowercase();
    let mut chosen: Vec<Hit> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let at_word_start = c.is_uppercase() && !prev.is_some_and(is_word_char);
        prev = Some(c);
        if !at_word_start || chosen.last().is_some_and(|h| i < h.end) {
            continue;
        }
        if let Some(h) = longest_name_at(text, &lower, i, usize::MAX, gaz) {
            chosen.push(h);
        }
    }

    let starts_place = |pos: usize| {
        chosen
            .binary_search_by_key(&pos, |h| h.start)
            .ok()
            .map(|i| &chosen[i])
    };
    let mut out = Vec::with_capacity(chosen.len());
    let mut people: Vec<usize> = Vec::new();
    for h in &chosen {
        // When the longest name is not a place here, a shorter one at the same start may be:
        // "Seoul City" (an alternate name) is cut short by "Hall", "Seoul" is followed by "City".
        let mut h = *h;
        loop {
            match judge(text, layout, dateline.as_ref(), gaz, &h, &starts_place) {
                Ok(t) => out.push(t),
                Err(Rejected::Person) => people.push(h.pattern),
                Err(Rejected::Other) => {
                    if let Some(shorter) = longest_name_at(text, &lower, h.start, h.end, gaz) {
                        h = shorter;
                        continue;
                    }
                }
            }
            break;
        }
    }
    // One sense per discourse for people: once "Barack Obama" or "President Obama" shows the
    // name is a person's, a bare "Obama" elsewhere in the article is that person too, not
    // Obama, Japan. Country names, cities of a million or more, and mentions with their own
    // place evidence (dateline, qualifier, area word) keep their place reading.
    if !people.is_empty() {
        out.retain(|t| {
            if !people.contains(&t.pattern) || t.qualifier.is_some() || t.cue != Cue::None {
                return true;
            }
            if dateline.as_ref().is_some_and(|d| d.contains(&t.start)) {
                return true;
            }
            let cands = gaz.candidates(t.pattern);
            cands.iter().any(|c| {
                matches!(c.place, PlaceRef::Country(_)) || gaz.population(c.place) >= 1_000_000
            })
        });
    }
    out
}

/// Why a proper-name hit is not a toponym: as part of a person's name (which then holds for
/// the whole article), or for any other reason (which holds for that occurrence only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rejected {
    Person,
    Other,
}

/// Decides whether one proper-name hit is a toponym, with its qualifier and cue.
fn judge<'a>(
    text: &str,
    layout: &Layout,
    dateline: Option<&Range<usize>>,
    gaz: &Gazetteer,
    h: &Hit,
    starts_place: &dyn Fn(usize) -> Option<&'a Hit>,
) -> Result<Toponym, Rejected> {
    let span = &text[h.start..h.end];
    let info = gaz.name_info(h.pattern);
    let cands = gaz.candidates(h.pattern);
    if cands.is_empty() {
        return Err(Rejected::Other); // a continent or world region: recognised so its words are spent, not resolved
    }
    let is_country_name = cands
        .iter()
        .any(|c| c.main_name && matches!(c.place, PlaceRef::Country(_)));
    let qualifier = qualifier_after(text, h.end, gaz, starts_place);
    let mut t = Toponym {
        start: h.start,
        end: h.end,
        pattern: h.pattern,
        qualifier,
        cue: Cue::None,
        needs_support: false,
    };

    if dateline.is_some_and(|d| d.contains(&h.start)) {
        return Ok(t);
    }
    let title = layout.title_case(h.start);
    let initial = layout.sentence_initial(text, h.start);
    let letters = span.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = span
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && letters > 1;
    // A short word in capitals outside a dateline is an acronym ("ERV", "MSF"), not "Erv".
    if all_caps && letters <= 4 && info.exact_case.is_none() {
        return Err(Rejected::Other);
    }

    // An AP state abbreviation ("Kan.", "Ind.") is not the town spelled like it.
    if text[h.end..].starts_with('.') {
        let abbr = &text[h.start..h.end + 1];
        if AP_STATES.iter().any(|(a, _)| *a == abbr) {
            return Err(Rejected::Other);
        }
    }
    // Half of a hyphenated proper name ("Wal-Mart", "Coca-Cola") unless the other half is a
    // place as well ("Israel-Gaza", "U.S.-China").
    let hyphen_name = |w: Option<(usize, &str)>| {
        w.is_some_and(|(pos, w)| capitalised(w) && starts_place(pos).is_none())
    };
    if text[h.end..].starts_with('-') && hyphen_name(word_at(text, h.end + 1)) {
        return Err(Rejected::Other);
    }
    if text[..h.start].ends_with('-') && hyphen_name(word_ending_at(text, h.start - 1)) {
        return Err(Rejected::Other);
    }

    let before = word_before(text, h.start);
    let after = word_after(text, h.end);

    // A person's title right before: "President Jordan", "Queen Victoria", "Mr. Paris".
    if let Some((_, w)) = before {
        if capitalised(w) && lower_in(w, TITLES) {
            return Err(Rejected::Person);
        }
    }
    // Part of a longer proper name: "Michael Jordan", "Royal Nairobi".
    if let Some((_, w)) = before {
        if !title
            && capitalised(w)
            && !lower_in(w, OPENERS)
            && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        {
            return Err(Rejected::Person);
        }
    }
    // "University of Texas", "Gulf of Mexico", "Duke of York".
    if let Some((of_start, w)) = before {
        if w == "of" {
            if let Some((_, inst)) = word_before(text, of_start) {
                if capitalised(inst) && lower_in(inst, INSTITUTIONS) {
                    return Err(Rejected::Other);
                }
                if lower_in(inst, AREA_WORDS) {
                    t.cue = Cue::Area;
                } else if inst.eq_ignore_ascii_case("city") {
                    t.cue = Cue::City;
                }
            }
        }
    }
    if let Some((next_start, w)) = after {
        if lower_in(w, ORG_WORDS) && capitalised(w) {
            return Err(Rejected::Other);
        }
        let next_is_place = starts_place(next_start).is_some();
        // Even when the next word is a place too: "Michael Jordan" (Michael is a sheading of
        // the Isle of Man). Genuine place pairs are written with a comma: "Paris, Texas".
        if !title && capitalised(w) && !lower_in(w, FOLLOWERS) {
            return Err(Rejected::Other); // "Paris Hilton", "Jordan Peterson"
        }
        if info.common_word && next_is_place {
            return Err(Rejected::Other); // a modifier: "Central Kabul" read as the region "Central"
        }
        // "Laurel County", "Licking County": a county is an admin1 area in some countries
        // (Kenya's "Kisumu County") and a smaller unit, absent from the gazetteer, in others
        // (the United States): never the town of the same name.
        if lower_in(w, &["county", "parish", "borough", "township"])
            && !cands.iter().any(|c| matches!(c.place, PlaceRef::Admin1(_)))
        {
            return Err(Rejected::Other);
        }
        if lower_in(w, AREA_WORDS) {
            t.cue = Cue::Area;
        } else if w.eq_ignore_ascii_case("city") && t.cue == Cue::None {
            t.cue = Cue::City;
        }
    }

    if info.common_word && !is_country_name {
        let strong = t.qualifier.is_some() || t.cue == Cue::Area;
        if strong {
            return Ok(t);
        }
        if initial || title || all_caps {
            return Err(Rejected::Other);
        }
        let after_locative = before.is_some_and(|(_, w)| !capitalised(w) && lower_in(w, LOCATIVES));
        if !after_locative {
            return Err(Rejected::Other);
        }
        let biggest = cands
            .iter()
            .map(|c| gaz.population(c.place))
            .max()
            .unwrap_or(0);
        t.needs_support = biggest < 1_000_000;
    }
    Ok(t)
}

/// ", Texas" / ", Lebanon" / ", Tex." / ", TX" right after a name: the containing place.
fn qualifier_after<'a>(
    text: &str,
    end: usize,
    gaz: &Gazetteer,
    starts_place: &dyn Fn(usize) -> Option<&'a Hit>,
) -> Option<Qualifier> {
    let rest = text[end..].strip_prefix(',')?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == rest.len() {
        return None;
    }
    let pos = text.len() - trimmed.len();
    if let Some(h) = starts_place(pos) {
        let areas = gaz
            .candidates(h.pattern)
            .iter()
            .any(|c| !matches!(c.place, PlaceRef::City(_)));
        if areas {
            return Some(Qualifier::Name(h.pattern));
        }
    }
    for (abbr, code) in AP_STATES {
        if trimmed.starts_with(abbr) {
            return gaz
                .admin1_by_key(&format!("US.{code}"))
                .map(Qualifier::Admin1);
        }
    }
    // Postal codes: exactly two capitals followed by a non-letter ("Paris, TX").
    let b = trimmed.as_bytes();
    if b.len() >= 2
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && b.get(2).is_none_or(|c| !c.is_ascii_alphanumeric())
    {
        return gaz
            .admin1_by_key(&format!("US.{}", &trimmed[..2]))
            .map(Qualifier::Admin1);
    }
    None
}
