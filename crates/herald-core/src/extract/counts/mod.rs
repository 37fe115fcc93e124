//! Casualty and arrest counts: how many were killed, injured or arrested in *this*
//! event, and which numbers in a sentence are background totals instead.
//!
//! News states a count in a handful of shapes, and the finder reads exactly those,
//! word by word ([`numbers::scan_words`]):
//!
//! * **subject** counts: a number phrase, then an optional auxiliary, then a passive or
//!   intransitive trigger — "six people were killed", "at least 12 were injured",
//!   "one person died", "a policeman was killed", "two soldiers and a civilian were
//!   killed" (the coordinated phrases are summed), "dozens were arrested", "12 dead";
//! * **object** counts: an active trigger, then the number phrase — "killing three
//!   soldiers", "wounding 30 others", "police detained 25";
//! * **tolls**: "the death toll rose to 40", "the number of people arrested reached 300".
//!
//! A number is only a count where one of these shapes holds, which is what keeps years
//! ("in 2019"), ages ("a 25-year-old man" counts as one), times ("10.30"),
//! percentages, money and distances out: they never sit in a count's slot, and the
//! unit words that follow them ("years", "km", "%") are refused explicitly.
//!
//! **Background totals.** "Almost 600 protesters have been killed since 2019" is not
//! today's event. A sentence carries *background markers* — "since" (but not the
//! comparative "the deadliest since 2015", nor a running total "since Sunday"), "so far
//! this year", "in total", "over the past decade", "last year", "in 2019", a perfect
//! tense with "in the conflict/war" — and each marker makes the *nearest* count in the
//! sentence a background one, so "Six people were killed on Sunday, bringing to 600
//! the number killed since 2019" keeps the six as today's count.
//! [`is_background_sentence`] exposes the same markers for the event coder's
//! `historical` modality.

pub mod numbers;
#[cfg(test)]
mod tests;

use crate::extract::dates;
use numbers::{parse_number, scan_words, Word, WordKind};
use rustc_hash::FxHashSet;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountKind {
    Dead,
    Injured,
    Arrested,
}

/// A count phrase (byte offsets into the whole text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountMention {
    /// The whole count phrase, e.g. "at least six people were killed".
    pub start: usize,
    pub end: usize,
    pub kind: CountKind,
    /// `None` for vague amounts ("dozens", "scores").
    pub value: Option<u32>,
    /// A cumulative/background total ("almost 600 … have been killed since 2019").
    pub background: bool,
}

thread_local! {
    /// Reused word buffer: one sentence at a time per thread, no allocation per call.
    static WORDS: RefCell<Vec<Word>> = const { RefCell::new(Vec::new()) };
}

/// Finds counts in `text[range]`, in text order.
pub fn find_counts(text: &str, range: Range<usize>) -> Vec<CountMention> {
    WORDS.with(|cell| {
        let mut words = cell.borrow_mut();
        words.clear();
        scan_words(text, range, &mut words);
        let sentence = Sentence {
            text,
            words: &words,
        };
        let mut found = Vec::new();
        sentence.find(&mut found);
        found.sort_by_key(|m| m.start);
        sentence.mark_background(&mut found);
        found
    })
}

/// Whether `text[range]` reports background rather than news: cumulative totals
/// ("since 2019", "so far this year", "in total", "over the past decade", "have died
/// in the conflict") or earlier happenings ("last year", "in 2019"). The event coder
/// uses it for the `historical` modality.
pub fn is_background_sentence(text: &str, range: Range<usize>) -> bool {
    WORDS.with(|cell| {
        let mut words = cell.borrow_mut();
        words.clear();
        scan_words(text, range, &mut words);
        let sentence = Sentence {
            text,
            words: &words,
        };
        (0..words.len()).any(|i| sentence.background_marker(i))
    })
}

/// Words for people, which turn "a"/"an"/"one" into a count of one and confirm that a
/// number counts people ("killing three soldiers").
const PERSON_NOUNS: &[&str] = &[
    "people",
    "person",
    "persons",
    "civilian",
    "civilians",
    "soldier",
    "soldiers",
    "troops",
    "trooper",
    "troopers",
    "policeman",
    "policemen",
    "policewoman",
    "police",
    "officer",
    "officers",
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrator",
    "demonstrators",
    "student",
    "students",
    "child",
    "children",
    "kid",
    "kids",
    "teenager",
    "teenagers",
    "boy",
    "boys",
    "girl",
    "girls",
    "woman",
    "women",
    "man",
    "men",
    "other",
    "others",
    "militant",
    "militants",
    "fighter",
    "fighters",
    "rebel",
    "rebels",
    "insurgent",
    "insurgents",
    "member",
    "members",
    "worker",
    "workers",
    "passenger",
    "passengers",
    "villager",
    "villagers",
    "resident",
    "residents",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "suspect",
    "suspects",
    "migrant",
    "migrants",
    "refugee",
    "refugees",
    "worshipper",
    "worshippers",
    "pilgrim",
    "pilgrims",
    "miner",
    "miners",
    "guard",
    "guards",
    "personnel",
    "gunman",
    "gunmen",
    "attacker",
    "attackers",
    "activist",
    "activists",
    "supporter",
    "supporters",
    "farmer",
    "farmers",
    "prisoner",
    "prisoners",
    "inmate",
    "inmates",
    "victim",
    "victims",
    "bystander",
    "bystanders",
    "pedestrian",
    "pedestrians",
    "tourist",
    "tourists",
    "national",
    "nationals",
    "citizen",
    "citizens",
    "youth",
    "youths",
    "infant",
    "infants",
    "baby",
    "babies",
    "constable",
    "constables",
    "sergeant",
    "commander",
    "commanders",
    "leader",
    "leaders",
    "staff",
    "employee",
    "employees",
    "doctor",
    "doctors",
    "nurse",
    "nurses",
    "colonist",
    "settler",
    "settlers",
    "individual",
    "individuals",
    "adult",
    "adults",
    "family",
    "marine",
    "marines",
    "peacekeeper",
    "peacekeepers",
    "jihadist",
    "jihadists",
    "militiaman",
    "militiamen",
    "crew",
    "driver",
    "drivers",
    "individuals",
    "opposition",
    "lawmaker",
    "lawmakers",
];

/// Units and measures: a number followed by one of these is an age, a time, a
/// distance, an amount of money or a share — never a head count.
const UNIT_WORDS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "percent",
    "per",
    "pc",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "feet",
    "foot",
    "kg",
    "tonnes",
    "tons",
    "dollars",
    "euros",
    "pounds",
    "rupees",
    "yuan",
    "am",
    "pm",
    "times",
    "o",
    "percentage",
    "points",
    "mm",
    "cm",
    "m",
    "bn",
    "billion",
    "p",
];

const QUANTIFIERS: &[&[&str]] = &[
    &["at", "least"],
    &["at", "most"],
    &["more", "than"],
    &["fewer", "than"],
    &["less", "than"],
    &["as", "many", "as"],
    &["up", "to"],
    &["an", "estimated"],
    &["a", "further"],
    &["a", "total", "of"],
    &["over"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["some"],
    &["roughly"],
    &["approximately"],
    &["estimated"],
    &["another"],
    &["further"],
    &["only"],
    &["just"],
    &["all"],
    &["the"],
    &["those"],
    &["these"],
];

/// Words that may stand between a counted subject and its trigger: auxiliaries,
/// hedges and adverbs ("were reportedly killed", "are feared dead", "was seriously
/// injured").
const BETWEEN: &[&str] = &[
    "were",
    "was",
    "have",
    "has",
    "had",
    "been",
    "are",
    "is",
    "be",
    "being",
    "reportedly",
    "also",
    "later",
    "all",
    "allegedly",
    "confirmed",
    "now",
    "feared",
    "believed",
    "thought",
    "said",
    "to",
    "reported",
    "initially",
    "subsequently",
    "seriously",
    "critically",
    "badly",
    "slightly",
    "severely",
    "lightly",
    "gravely",
    "mortally",
    "fatally",
    "shot",
    "and",
    "who",
    "that",
    "either",
    "both",
    "already",
    "eventually",
    "then",
    "not",
];

/// Forms of "to be": a transitive trigger after one of these is passive.
const BE_FORMS: &[&str] = &["were", "was", "been", "are", "is", "be", "being"];

/// Cumulative-sounding conflict nouns: "have died in the conflict".
const LONG_RUNNING: &[&str] = &[
    "conflict",
    "war",
    "insurgency",
    "crackdown",
    "uprising",
    "pandemic",
    "crisis",
    "revolution",
    "campaign",
    "occupation",
    "virus",
    "coronavirus",
    "disease",
    "epidemic",
    "outbreak",
    "covid",
];

/// Whether `word` names people ("protesters", "policeman"): after a number it makes
/// the number a head count, which the date resolver uses to refuse "March 10 people".
pub fn is_person_noun(word: &str) -> bool {
    one_of(word, PERSON_NOUNS)
}

fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A trigger word and what it says.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Trigger {
    kind: CountKind,
    /// Takes an object ("killed three"): as a bare subject trigger it must not be
    /// followed by one ("two gunmen killed a soldier" counts the soldier).
    transitive: bool,
    /// Words the trigger spans.
    len: usize,
}

struct Sentence<'a> {
    text: &'a str,
    words: &'a [Word],
}

impl<'a> Sentence<'a> {
    /// A word naming people: a person noun, or a capitalised plural that, after a number,
    /// is a nationality or people ("four Pakistanis", "two Britons", "three Israelis").
    fn is_person(&self, i: usize) -> bool {
        if self.is_any(i, PERSON_NOUNS) {
            return true;
        }
        let w = self.word(i);
        w.len() > 4
            && w.ends_with('s')
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(|c| c.is_lowercase())
    }

    fn word(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| &self.text[w.start..w.end])
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(s)
    }

    fn is_any(&self, i: usize, list: &[&str]) -> bool {
        i < self.words.len() && one_of(self.word(i), list)
    }

    fn kind(&self, i: usize) -> Option<WordKind> {
        self.words.get(i).map(|w| w.kind)
    }

    /// Two words written without a space between them ("25-year").
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.words.len() && self.words[i].start == self.words[i - 1].end
    }

    fn find(&self, found: &mut Vec<CountMention>) {
        let n = self.words.len();
        for i in 0..n {
            if let Some(m) = self.toll(i) {
                push(found, m);
            }
        }
        for i in 0..n {
            if let Some(m) = self.subject_count(i) {
                push(found, m);
            }
        }
        for i in 0..n {
            if let Some(m) = self.object_count(i) {
                push(found, m);
            }
        }
    }

    /// The trigger at `i` as it reads after a counted subject ("were killed",
    /// "died", "taken into custody", "lost their lives").
    fn passive_trigger(&self, i: usize) -> Option<Trigger> {
        let w = self.word(i).to_ascii_lowercase();
        let t = |kind, transitive, len| {
            Some(Trigger {
                kind,
                transitive,
                len,
            })
        };
        match w.as_str() {
            "killed" | "slain" | "massacred" | "murdered" | "executed" => {
                t(CountKind::Dead, true, 1)
            }
            "dead" | "died" | "perished" | "drowned" => t(CountKind::Dead, false, 1),
            "lost" if self.is(i + 1, "their") && self.is(i + 2, "lives") => {
                t(CountKind::Dead, false, 3)
            }
            "lost"
                if (self.is(i + 1, "his") || self.is(i + 1, "her")) && self.is(i + 2, "life") =>
            {
                t(CountKind::Dead, false, 3)
            }
            "injured" | "wounded" | "hurt" => t(CountKind::Injured, true, 1),
            "hospitalised" | "hospitalized" => t(CountKind::Injured, false, 1),
            "arrested" | "detained" | "apprehended" => t(CountKind::Arrested, true, 1),
            "held" => t(CountKind::Arrested, true, 1),
            "taken" if self.is(i + 1, "into") && self.is(i + 2, "custody") => {
                t(CountKind::Arrested, false, 3)
            }
            "rounded" if self.is(i + 1, "up") => t(CountKind::Arrested, true, 2),
            "in" if self.is(i + 1, "custody") => t(CountKind::Arrested, false, 2),
            _ => None,
        }
    }

    /// The trigger at `i` as an active verb before its object ("killing three").
    fn active_trigger(&self, i: usize) -> Option<Trigger> {
        let w = self.word(i).to_ascii_lowercase();
        let t = |kind, len| {
            Some(Trigger {
                kind,
                transitive: true,
                len,
            })
        };
        match w.as_str() {
            "killed" | "killing" | "kill" | "kills" | "massacred" | "massacring"
            | "slaughtered" => t(CountKind::Dead, 1),
            "injured" | "injuring" | "injures" | "wounded" | "wounding" | "wounds" | "hurting" => {
                t(CountKind::Injured, 1)
            }
            "arrested" | "arresting" | "arrests" | "detained" | "detaining" | "detains"
            | "apprehended" => t(CountKind::Arrested, 1),
            "held" | "holding" => t(CountKind::Arrested, 1),
            "rounded" | "rounding" if self.is(i + 1, "up") => t(CountKind::Arrested, 2),
            "shot" | "shooting" if self.is(i + 1, "dead") => t(CountKind::Dead, 2),
            _ => None,
        }
    }

    /// Nouns that name the counted thing themselves: "12 deaths", "40 bodies",
    /// "300 arrests", "12 dead".
    fn count_noun(&self, i: usize) -> Option<CountKind> {
        match self.word(i).to_ascii_lowercase().as_str() {
            "deaths" | "fatalities" | "bodies" | "dead" | "corpses" => Some(CountKind::Dead),
            "injuries" => Some(CountKind::Injured),
            "arrests" | "detentions" | "detainees" => Some(CountKind::Arrested),
            _ => None,
        }
    }

    /// Whether a counted noun phrase can start at `i`: digits, a number word, an article,
    /// or a quantifier's first word. It is tried at every word of every sentence, and most
    /// words are none of these, so one hash probe saves walking the quantifier and
    /// number-word lists.
    fn may_open_count(&self, i: usize) -> bool {
        static OPENERS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
        let Some(word) = self.words.get(i) else {
            return false;
        };
        let openers = OPENERS.get_or_init(|| {
            QUANTIFIERS
                .iter()
                .map(|q| q[0])
                .chain(["a", "an", "one", "another"])
                .collect()
        });
        numbers::may_open_number(word, self.text)
            || numbers::one_of_lowered(&self.text[word.start..word.end], openers)
    }

    /// Quantifier words at `i` ("at least", "more than"): the index after them.
    fn skip_quantifier(&self, i: usize) -> usize {
        let mut k = i;
        // At most two stacked quantifiers: "the at least six", "all the".
        for _ in 0..2 {
            let Some(q) = QUANTIFIERS
                .iter()
                .find(|q| q.iter().enumerate().all(|(j, w)| self.is(k + j, w)))
            else {
                break;
            };
            k += q.len();
        }
        k
    }

    /// Whether the number word at `i` is really an age, unit, year, date, money or
    /// share rather than a head count.
    fn number_is_not_a_count(&self, i: usize, end: usize) -> bool {
        let w = self.word(i);
        if self.kind(i) == Some(WordKind::Digits) {
            // Money and ordinals: "$5", "£20", "No. 10", "10th".
            if i > 0 && self.glued(i) && self.is_any(i - 1, &["$", "€", "£", "¥", "#"]) {
                return true;
            }
            if self.glued(end) && self.kind(end) == Some(WordKind::Alpha) {
                return true; // "10th", "5km", "25mph"
            }
            if self.glued(end) && self.is_any(end, &["%", ":"]) {
                return true;
            }
            // Years after a preposition: "in 2019", "since 2015".
            if w.len() == 4 {
                if let Some(y) = numbers::digits_value(w) {
                    if (1800..=2100).contains(&y)
                        && i > 0
                        && self.is_any(
                            i - 1,
                            &[
                                "in", "since", "of", "until", "till", "by", "from", "before",
                                "after", "during", "through", "early", "late", "mid", "-",
                            ],
                        )
                    {
                        return true;
                    }
                }
            }
        }
        // Labels and ages, also down a list: "aged 20, 21 and 25".
        let mut b = i;
        while b > 1
            && self.is_any(b - 1, &[",", "and", "to"])
            && self.kind(b - 2) == Some(WordKind::Digits)
        {
            b -= 2;
        }
        if b > 0
            && self.is_any(
                b - 1,
                &[
                    "aged", "age", "ages", "no", "number", "route", "article", "chapter",
                ],
            )
        {
            return true;
        }
        // Dates: "Oct. 10", "March 10".
        if i > 0 && self.kind(i) == Some(WordKind::Digits) {
            let prev = if self.is(i - 1, ".") && i > 1 {
                i - 2
            } else {
                i - 1
            };
            if dates::month_number(self.word(prev)).is_some() {
                return true;
            }
        }
        // Ages and units after the number: "25-year-old", "30 km", "40 percent".
        let next = if self.is(end, "-") { end + 1 } else { end };
        self.is_any(next, UNIT_WORDS) || self.is(end, "%")
    }

    /// A counted noun phrase at `i`: quantifier, number, then modifiers and an optional
    /// person noun ("at least six Palestinian teenagers"), or "a"/"an"/"one" + person
    /// noun ("a 25-year-old man" is one). Returns (value, index after the phrase,
    /// whether a person noun was seen).
    fn noun_phrase(&self, i: usize) -> Option<(Option<u32>, usize, bool)> {
        if !self.may_open_count(i) {
            return None;
        }
        let k = self.skip_quantifier(i);
        let (value, mut j) = if self.is_any(k, &["a", "an", "one", "another"])
            && matches!(
                parse_number(self.text, self.words, k),
                None | Some(numbers::NumberPhrase { value: Some(1), .. })
            ) {
            (Some(1), k + 1)
        } else {
            let p = parse_number(self.text, self.words, k)?;
            if self.number_is_not_a_count(k, p.end) {
                return None;
            }
            (p.value, p.end)
        };
        let singular = value == Some(1);
        // "dozens more", "two more people", "three others".
        if self.is(j, "more") {
            j += 1;
        }
        if self.is(j, "of") {
            j += 1; // "dozens of protesters", "six of them"
            if self.is_any(j, &["the", "them", "those", "whom"]) {
                j += 1;
            }
        }
        // Modifiers up to the person noun: "Palestinian", "unarmed", "25-year-old".
        let mut person = false;
        let mut k = j;
        for _ in 0..4 {
            if self.is_person(k) {
                person = true;
                k += 1;
                // "police officers", "security personnel": keep the last noun.
                while self.is_any(k, PERSON_NOUNS) {
                    k += 1;
                }
                break;
            }
            // An age inside the phrase: "a 25-year-old man".
            if self.kind(k) == Some(WordKind::Digits)
                && self.is(k + 1, "-")
                && self.is_any(k + 2, &["year", "years"])
            {
                k += 3;
                while self.is(k, "-") || self.is_any(k, &["old"]) {
                    k += 1;
                }
                continue;
            }
            if self.kind(k) == Some(WordKind::Alpha)
                && !self.is_any(k, UNIT_WORDS)
                && !self.is_any(k, BETWEEN)
                && self.passive_trigger(k).is_none()
                && self.count_noun(k).is_none()
                && !self.is_any(
                    k,
                    &[
                        "and",
                        "or",
                        "in",
                        "on",
                        "at",
                        "of",
                        "by",
                        "from",
                        "including",
                        "with",
                        "the",
                    ],
                )
                && parse_number(self.text, self.words, k).is_none()
            {
                k += 1;
                continue;
            }
            if self.is(k, "-") && self.glued(k) {
                k += 1;
                continue;
            }
            break;
        }
        if person {
            j = self.skip_noun_tail(k);
        } else if singular {
            // "a" without a person noun is just an article ("a bomb killed").
            return None;
        } else if self.is_any(j, UNIT_WORDS) {
            return None;
        }
        Some((value, j, person))
    }

    /// What may follow a person noun inside its phrase: "of the same family",
    /// "aged 20, 21 and 25", "from the village".
    fn skip_noun_tail(&self, mut k: usize) -> usize {
        if self.is_any(k, &["aged", "ages"]) {
            let mut e = k + 1;
            while self.kind(e) == Some(WordKind::Digits) {
                e += 1;
                if self.is_any(e, &[",", "and", "to"]) && self.kind(e + 1) == Some(WordKind::Digits)
                {
                    e += 1;
                }
            }
            if e > k + 1 {
                k = e;
            }
        }
        if self.is_any(k, &["of", "from"]) {
            let mut e = k + 1;
            while e < k + 5
                && self.kind(e) == Some(WordKind::Alpha)
                && !self.is_any(e, BETWEEN)
                && self.passive_trigger(e).is_none()
                && !self.is_any(e, &["including", "and"])
            {
                e += 1;
            }
            // Only a whole phrase up to the verb or a comma counts as the tail.
            if e > k + 1
                && (self.is(e, ",") || self.is_any(e, BETWEEN) || self.passive_trigger(e).is_some())
            {
                k = e;
            }
        }
        k
    }

    /// "six people were killed", "two soldiers and a civilian were killed", "12 dead".
    fn subject_count(&self, i: usize) -> Option<CountMention> {
        let (mut value, mut j, _) = self.noun_phrase(i)?;
        // Count nouns: "12 deaths", "40 bodies", "300 arrests", "12 dead".
        if let Some(kind) = self.count_noun(j) {
            return Some(self.mention(i, j + 1, kind, value));
        }
        // Coordinated phrases add up; a parenthetical "including two children" does not.
        loop {
            if self.is(j, "and") {
                if let Some((v, e, _)) = self.noun_phrase(j + 1) {
                    value = match (value, v) {
                        (Some(a), Some(b)) => a.checked_add(b),
                        _ => None,
                    };
                    j = e;
                    continue;
                }
                // "200 protesters and police officers": a second noun without its own
                // number shares the first one's count.
                let mut e = j + 1;
                while e < j + 4
                    && self.kind(e) == Some(WordKind::Alpha)
                    && !self.is_person(e)
                    && !self.is_any(e, BETWEEN)
                {
                    e += 1;
                }
                if self.is_person(e) {
                    e += 1;
                    while self.is_any(e, PERSON_NOUNS) {
                        e += 1;
                    }
                    j = e;
                    continue;
                }
            }
            let comma = usize::from(self.is(j, ","));
            if self.is_any(j + comma, &["including", "among"]) {
                let mut e = j + comma + 1;
                if self.is(e, "them") {
                    e += 1;
                }
                if let Some((_, end, _)) = self.noun_phrase(e) {
                    j = end + usize::from(comma == 1 && self.is(end, ","));
                    continue;
                }
            }
            break;
        }
        let mut k = j;
        let mut passive = false;
        let mut perfect = false;
        while self.is_any(k, BETWEEN) && k < j + 5 {
            if self.is_any(k, BE_FORMS) {
                passive = true;
            }
            if self.is_any(k, &["have", "has", "had"]) {
                perfect = true;
            }
            if self.is(k, "and") && !self.is(k - 1, "shot") {
                break;
            }
            k += 1;
        }
        let trigger = self.passive_trigger(k)?;
        let end = k + trigger.len;
        if trigger.transitive {
            // "two gunmen killed a soldier", "six people held talks": active, the
            // number is the doer, not the victims.
            let bare = !passive;
            if bare && (perfect || self.starts_object(end)) {
                return None;
            }
            if self.is(k, "held") && !passive {
                return None;
            }
        }
        // "Fatally wounded"/"shot dead" say death.
        let kind = if (k > j && self.is(k - 1, "fatally")) || (self.is(k - 1, "mortally")) {
            CountKind::Dead
        } else {
            trigger.kind
        };
        Some(self.mention(i, end, kind, value))
    }

    /// Whether an object noun phrase starts at `i` (after an active verb).
    fn starts_object(&self, i: usize) -> bool {
        self.is_any(
            i,
            &[
                "a", "an", "the", "his", "her", "their", "its", "at", "more", "dozens", "scores",
                "hundreds", "several",
            ],
        ) || self.is_any(i, PERSON_NOUNS)
            || parse_number(self.text, self.words, i).is_some()
    }

    /// "killing three soldiers", "police detained 25", "wounding 30 others".
    fn object_count(&self, i: usize) -> Option<CountMention> {
        let trigger = self.active_trigger(i)?;
        let k = i + trigger.len;
        let (value, end, person) = self.noun_phrase(k)?;
        if self.is_any(i, &["held", "holding"]) && !person {
            return None; // "held 3 meetings"
        }
        // "killed 30 km from", "were killed two days ago": refused in noun_phrase.
        Some(self.mention(i, end, trigger.kind, value))
    }

    /// "bringing to 600 the number of protesters killed": the figure comes first.
    fn raised_total(&self, i: usize) -> Option<CountMention> {
        if !self.is_any(
            i,
            &[
                "bringing", "raising", "taking", "pushing", "brings", "raises", "takes",
            ],
        ) || !self.is(i + 1, "to")
        {
            return None;
        }
        let q = self.skip_quantifier(i + 2);
        let p = parse_number(self.text, self.words, q)?;
        let mut k = p.end;
        if self.is(k, "the") {
            k += 1;
        }
        let (kind, end) = if self.is(k, "death") && self.is(k + 1, "toll") {
            (CountKind::Dead, k + 2)
        } else if self.is_any(k, &["number", "total", "tally"]) && self.is(k + 1, "of") {
            let mut e = k + 2;
            loop {
                if e >= k + 7 || e >= self.words.len() {
                    return None;
                }
                if let Some(kind) = self
                    .count_noun(e)
                    .or_else(|| self.passive_trigger(e).map(|t| t.kind))
                {
                    break (kind, e + 1);
                }
                e += 1;
            }
        } else {
            return None;
        };
        Some(self.mention(i, end, kind, p.value))
    }

    /// "the death toll rose to 40", "the number of people arrested reached 300".
    fn toll(&self, i: usize) -> Option<CountMention> {
        if let Some(m) = self.raised_total(i) {
            return Some(m);
        }
        let (kind, start, mut k) = if self.is(i, "toll") {
            let start = if i > 0 && self.is(i - 1, "death") {
                i - 1
            } else {
                i
            };
            if self.is(start.wrapping_sub(1), "injury") {
                return None;
            }
            (CountKind::Dead, start, i + 1)
        } else if self.is(i, "number") && self.is(i + 1, "of") {
            let mut kind = None;
            let mut k = i + 2;
            while k < i + 6 && kind.is_none() {
                kind = self
                    .count_noun(k)
                    .or_else(|| self.passive_trigger(k).map(|t| t.kind));
                k += 1;
            }
            (kind?, i, k)
        } else {
            return None;
        };
        let limit = k + 8;
        while k < limit && k < self.words.len() {
            if self.is_any(k, &[".", ";", ","]) {
                return None;
            }
            if self.is(k, "from") {
                // "rose from 30 to 40": skip the old figure.
                k = self.noun_phrase(k + 1).map_or(k + 1, |(_, e, _)| e);
                continue;
            }
            if self.is_any(
                k,
                &[
                    "to", "at", "of", "reached", "hit", "passed", "topped", "exceeded", "is",
                    "was", "stood", "stands",
                ],
            ) {
                let q = self.skip_quantifier(k + 1);
                if let Some(p) = parse_number(self.text, self.words, q) {
                    if !self.number_is_not_a_count(q, p.end) {
                        return Some(self.mention(start, p.end, kind, p.value));
                    }
                }
            }
            k += 1;
        }
        None
    }

    fn mention(
        &self,
        first: usize,
        end: usize,
        kind: CountKind,
        value: Option<u32>,
    ) -> CountMention {
        CountMention {
            start: self.words[first].start,
            end: self.words[end - 1].end,
            kind,
            value,
            background: false,
        }
    }

    /// Whether word `i` starts a background marker (see the module docs).
    fn background_marker(&self, i: usize) -> bool {
        let w = self.word(i).to_ascii_lowercase();
        match w.as_str() {
            "since" => {
                // "the deadliest attack since 2015" compares, it does not total.
                let comparative = (i.saturating_sub(5)..i).any(|k| {
                    let p = self.word(k).to_ascii_lowercase();
                    (p.ends_with("est") && p.len() > 4)
                        || matches!(
                            p.as_str(),
                            "worst" | "first" | "most" | "biggest" | "largest"
                        )
                });
                // "since Sunday", "since yesterday": a running total of the event itself.
                let recent = dates::is_weekday_name(self.word(i + 1))
                    || self.is_any(
                        i + 1,
                        &[
                            "yesterday",
                            "dawn",
                            "then",
                            "morning",
                            "midnight",
                            "tonight",
                            "today",
                        ],
                    )
                    || (self.is(i + 1, "last") && self.is_any(i + 2, &["night", "week"]))
                    || (self.is(i + 1, "this") && self.is_any(i + 2, &["morning", "week"]));
                !comparative && !recent && i + 1 < self.words.len()
            }
            "so" => self.is(i + 1, "far") && self.is_any(i + 2, &["this", "in"]),
            // Counts "this year" are running totals of many events.
            "this" => {
                self.is(i + 1, "year")
                    && !(i > 0 && self.is_any(i - 1, &["early", "earlier", "late", "later"]))
                    || self.is(i + 1, "year") && self.is(i + 2, "alone")
            }
            "worldwide" | "globally" => self.has_perfect(),
            "in" | "during" | "over" | "for" | "within" => {
                (self.is(i + 1, "total")
                    && (i + 2 >= self.words.len() || self.kind(i + 2) == Some(WordKind::Punct)))
                    || self.is_year(i + 1)
                    || (self.is(i + 1, "the")
                        && self.kind(i + 2) == Some(WordKind::Digits)
                        && self.is(i + 3, "s"))
                    || (self.is(i + 1, "previous")
                        && self.is_any(i + 2, &["years", "year", "decades"]))
                    || self.past_period(i + 1)
            }
            "last" => self.is(i + 1, "year") || self.is(i + 1, "month"),
            "earlier" => self.is(i + 1, "this") && self.is_any(i + 2, &["year", "month"]),
            "years" | "decades" => self.is(i + 1, "ago"),
            "year" => i > 0 && self.is(i - 1, "a") && self.is_any(i + 1, &["ago", "earlier"]),
            _ if one_of(&w, LONG_RUNNING) => {
                // "have died in the conflict", "the war has killed"
                i > 0
                    && (self.is_any(
                        i - 1,
                        &["the", "civil", "year", "years", "decade", "long", "of"],
                    ) || self.glued(i))
                    && self.has_perfect()
            }
            _ => false,
        }
    }

    /// "the past decade", "the last five years", "past months".
    fn past_period(&self, mut k: usize) -> bool {
        if self.is(k, "the") {
            k += 1;
        }
        if !self.is_any(k, &["past", "last"]) {
            return false;
        }
        k += 1;
        if let Some(p) = parse_number(self.text, self.words, k) {
            k = p.end;
        } else if self.is(k, "few") {
            k += 1;
        }
        self.is_any(
            k,
            &["years", "year", "decade", "decades", "months", "century"],
        )
    }

    /// Whether a ", bringing …" style participle clause starts between two byte
    /// offsets: what follows it ("…, bringing the total since 2019 to 600") says
    /// nothing about the count before it.
    fn participle_clause_between(&self, from: usize, to: usize) -> bool {
        self.words.iter().enumerate().any(|(k, w)| {
            w.start >= from
                && w.end <= to
                && self.is(k, ",")
                && self.word(k + 1).len() > 4
                && self.word(k + 1).to_ascii_lowercase().ends_with("ing")
        })
    }

    /// A present perfect of a count verb: "have been killed", "has killed", "have died".
    fn has_perfect(&self) -> bool {
        (0..self.words.len()).any(|k| {
            self.is_any(k, &["have", "has"])
                && (self.is(k + 1, "been")
                    || self.passive_trigger(k + 1).is_some()
                    || self.active_trigger(k + 1).is_some())
        })
    }

    fn is_year(&self, i: usize) -> bool {
        self.kind(i) == Some(WordKind::Digits)
            && self.word(i).len() == 4
            && numbers::digits_value(self.word(i)).is_some_and(|y| (1800..=2100).contains(&y))
            && !self.is_any(i + 1, PERSON_NOUNS)
    }

    /// Marks as background the count nearest to each background marker.
    fn mark_background(&self, found: &mut [CountMention]) {
        if found.is_empty() {
            return;
        }
        for i in 0..self.words.len() {
            if !self.background_marker(i) {
                continue;
            }
            let at = self.words[i].start;
            let nearest = found
                .iter()
                .enumerate()
                .filter(|(_, m)| m.end > at || !self.participle_clause_between(m.end, at))
                .min_by_key(|(_, m)| {
                    if at >= m.end {
                        at - m.end
                    } else {
                        m.start.saturating_sub(at)
                    }
                })
                .map(|(k, _)| k);
            if let Some(k) = nearest {
                found[k].background = true;
            }
        }
    }
}

/// Adds `m` unless it overlaps a count already found (earlier passes win).
fn push(found: &mut Vec<CountMention>, m: CountMention) {
    if !found.iter().any(|f| f.start < m.end && m.start < f.end) {
        found.push(m);
    }
}
