//! Date expressions: a past-biased, tense-aware resolver for news.
//!
//! News is written about what already happened, so an unqualified "Sunday" in a story
//! published on Wednesday 10 November is the Sunday just gone (7 November), not the
//! next one — the opposite of general-purpose parsers, which look forward. Only where
//! the clause speaks of the future ("will meet on Friday", "is due to vote Friday",
//! "plans to travel on Friday") does a weekday or month name point forward.
//!
//! **Anchors.** Deictic expressions ("yesterday", "on Sunday", "last week", "two days
//! ago", "Oct. 10", "in March") count from the publication date; anaphoric ones ("two
//! days earlier", "the next day", "the day before", "a week later", "that day") count
//! from the story's current reference date, which the pipeline tracks.
//!
//! **Tense rule** ([`tense_at`]): look back from the expression, up to eight words
//! within its clause (stopping at `;`, `:`, brackets); the nearest tense marker
//! decides. Future markers: will, shall, 'll, won't, going to, scheduled, expected,
//! planned/plans/planning, intends, upcoming, tomorrow, and be + to/due/set ("is to",
//! "are due to", "is set to"). Past markers: said, told, was, were, had, did, been,
//! ago, yesterday, last, common irregular past verbs (met, held, took, …) and other
//! words ending in "-ed". With nothing behind (a fronted "On Friday, the ministers will
//! meet"), look ahead the same way. No marker means past (news convention).
//!
//! **Year of a month-day without year** ("Oct. 10"): in a future clause the next such
//! day on or after publication, in a past clause the latest on or before it, and with
//! no marker the one nearest to publication (a December date in a November story is
//! usually the coming one; an October date the one just past).
//!
//! **Numeric dates** ("10/10/2021") are read US-style (month first) unless the first
//! part is above 12; locale hints from the source will refine this later.
//!
//! Every date is validated: "Feb. 30", month 13 or a year outside 1800..=2100 is no
//! date and is left out. Numbers are only years in a year's slot ("in 2019", "March
//! 2020", "the 2019 election"), never "killed 2021 people".

#[cfg(test)]
mod tests;

use super::counts::numbers::{
    digits_value, may_open_number, parse_number, scan_words, Word, WordKind,
};
use crate::model::DatePrecision;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::cell::RefCell;
use std::ops::Range;

/// Absolute dates are written out ("Oct. 10", "2021-10-10"); relative ones are
/// resolved against the reference date ("on Sunday", "yesterday", "last week").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Absolute,
    Relative,
}

/// A resolved date expression (byte offsets into the whole text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
    pub precision: DatePrecision,
    pub kind: DateKind,
}

/// The time a clause speaks of, as far as local words tell (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// No marker nearby; news defaults to the past.
    Unknown,
}

thread_local! {
    /// Reused word buffer: no allocation per call beyond the result.
    static WORDS: RefCell<Vec<Word>> = const { RefCell::new(Vec::new()) };
}

/// Finds and resolves the date expressions of `text[range]`.
///
/// `published` anchors deictic expressions ("yesterday", "on Sunday", "last week",
/// "two days ago", "Oct. 10" without a year); `story` anchors anaphoric ones that count
/// from the story's current reference date ("two days earlier", "the next day",
/// "the day before"); the pipeline passes the latest date of the story thread, or
/// `published` when there is none.
pub fn find_dates(
    text: &str,
    range: Range<usize>,
    published: NaiveDate,
    story: NaiveDate,
) -> Vec<DateMention> {
    WORDS.with(|cell| {
        let mut words = cell.borrow_mut();
        words.clear();
        scan_words(text, range, &mut words);
        Resolver {
            text,
            words: &words,
            published,
            story,
        }
        .run()
    })
}

/// The tense of the clause around byte offset `at` in `text[range]` (see the module
/// docs for the rule). The event coder can use it for the `future` modality.
pub fn tense_at(text: &str, range: Range<usize>, at: usize) -> Tense {
    WORDS.with(|cell| {
        let mut words = cell.borrow_mut();
        words.clear();
        scan_words(text, range, &mut words);
        let first = words.partition_point(|w| w.end <= at);
        let end = words.partition_point(|w| w.start <= at).max(first);
        Resolver {
            text,
            words: &words,
            published: NaiveDate::MIN,
            story: NaiveDate::MIN,
        }
        .tense(first, end)
    })
}

/// Which preposition a match may take into its span: "on Sunday", "in March".
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lead {
    On,
    In,
    Nothing,
}

/// A match in word indices, before conversion to bytes.
struct Found {
    first: usize,
    end: usize,
    date: NaiveDate,
    precision: DatePrecision,
    kind: DateKind,
    lead: Lead,
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

const WEEKDAY_ABBREVIATIONS: [(&str, Weekday); 10] = [
    ("Mon", Weekday::Mon),
    ("Tue", Weekday::Tue),
    ("Tues", Weekday::Tue),
    ("Wed", Weekday::Wed),
    ("Thu", Weekday::Thu),
    ("Thur", Weekday::Thu),
    ("Thurs", Weekday::Thu),
    ("Fri", Weekday::Fri),
    ("Sat", Weekday::Sat),
    ("Sun", Weekday::Sun),
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Whether a word is a weekday's full name ("Sunday"), in any case.
pub fn is_weekday_name(word: &str) -> bool {
    WEEKDAYS.iter().any(|(n, _)| n.eq_ignore_ascii_case(word))
}

/// Whether a word is a month's full name ("March"), in any case.
pub fn is_month_name(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// The number of a month written in full or cut short ("Sept", "Oct", "Janu"), in any
/// case: at least three letters that begin the month's name. The one place other stages
/// (counts, page metadata) read month names, so they agree with this resolver.
pub fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 || !word.is_ascii() {
        return None;
    }
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.len() >= word.len() && m[..word.len()].eq_ignore_ascii_case(word))
        .map(|i| i as u32 + 1)
}

/// Named days that are not "the most recent such weekday": "Bloody Sunday",
/// "Super Tuesday", "Good Friday" (before) and newspapers, "the Sunday Times" (after).
const NAMED_DAY_BEFORE: &[&str] = &[
    "Bloody", "Super", "Black", "Good", "Palm", "Easter", "Ash", "Holy", "Cyber", "Maundy",
    "Shrove", "Whit", "Giving", "Blue", "Mad", "Manic", "Fat",
];
const NAMED_DAY_AFTER: &[&str] = &[
    "Times",
    "Telegraph",
    "Mirror",
    "Express",
    "Post",
    "Herald",
    "Mail",
    "People",
    "Sport",
    "Independent",
    "Star",
    "Tribune",
    "Observer",
    "Standard",
    "Night",
    "Nation",
    "Review",
    "Edition",
    "Magazine",
    "Trading",
    "Prayers",
];

/// Words that introduce a bare month or year: "in March", "since 2019", "mid-2020".
const PERIOD_INTRODUCERS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "before",
    "after",
    "during",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "of",
    "between",
    "-",
];

const IRREGULAR_PAST: &[&str] = &[
    "met", "held", "took", "went", "came", "fought", "shot", "left", "began", "broke", "fled",
    "gave", "made", "saw", "struck", "won", "lost", "rose", "fell", "spoke", "led", "sent", "hit",
    "set", "put", "told", "said", "ran", "stood", "threw", "drove", "flew", "brought", "caught",
    "sought", "found", "got", "knew", "became", "withdrew", "wrote", "stole", "tore", "beat",
];

struct Resolver<'a> {
    text: &'a str,
    words: &'a [Word],
    published: NaiveDate,
    story: NaiveDate,
}

impl<'a> Resolver<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.words.get(i).map_or("", |w| &self.text[w.start..w.end])
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(s)
    }

    fn is_any(&self, i: usize, list: &[&str]) -> bool {
        let w = self.word(i);
        !w.is_empty() && list.iter().any(|s| s.eq_ignore_ascii_case(w))
    }

    fn kind(&self, i: usize) -> Option<WordKind> {
        self.words.get(i).map(|w| w.kind)
    }

    /// Word `i` is written straight after word `i - 1`, without a space.
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.words.len() && self.words[i].start == self.words[i - 1].end
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Digits at `i` with at most `len` characters and their value.
    fn small_number(&self, i: usize, len: usize) -> Option<u32> {
        if self.kind(i) != Some(WordKind::Digits) || self.word(i).len() > len {
            return None;
        }
        digits_value(self.word(i))
    }

    /// A four-digit year in range at `i`.
    fn year(&self, i: usize) -> Option<i32> {
        if self.kind(i) != Some(WordKind::Digits) || self.word(i).len() != 4 {
            return None;
        }
        let y = digits_value(self.word(i))?;
        (1800..=2100).contains(&y).then_some(y as i32)
    }

    /// Whether word `i` can be the core of a date expression: digits, a month or weekday
    /// name, or a word of time (today, night, weeks, weekend, …). Every recognizer in
    /// [`Resolver::at`] needs one within its first few words.
    fn is_time_anchor(&self, i: usize) -> bool {
        // Figures with a comma or a point ("1,544,000", "1.13") are never part of a date
        // (days, months and years are plain digits; an offset over 400 is refused), and
        // number-heavy copy is full of them.
        (self.kind(i) == Some(WordKind::Digits) && !self.word(i).contains([',', '.']))
            || self.month_name(i).is_some()
            || self.weekday_name(i).is_some()
            || self.is_any(
                i,
                &[
                    "today",
                    "tonight",
                    "yesterday",
                    "tomorrow",
                    "morning",
                    "afternoon",
                    "evening",
                    "night",
                    "overnight",
                    "day",
                    "days",
                    "week",
                    "weeks",
                    "weekend",
                    "month",
                    "months",
                    "year",
                    "years",
                ],
            )
    }

    fn run(&self) -> Vec<DateMention> {
        // Most words are nowhere near a date: `at` (eleven recognizers) runs only where a
        // time anchor lies within the next few words — as far as any recognizer looks
        // ahead for one ("two hundred and fifty days ago").
        const REACH: usize = 8;
        let mut next_anchor = vec![usize::MAX; self.words.len() + 1];
        for k in (0..self.words.len()).rev() {
            next_anchor[k] = if self.is_time_anchor(k) {
                k
            } else {
                next_anchor[k + 1]
            };
        }
        let mut out = Vec::new();
        let mut floor = 0;
        let mut i = 0;
        while i < self.words.len() {
            if next_anchor[i] > i.saturating_add(REACH) {
                i += 1;
                continue;
            }
            let Some(found) = self.at(i) else {
                i += 1;
                continue;
            };
            let mut first = found.first;
            let lead = match found.lead {
                Lead::On => "on",
                Lead::In => "in",
                Lead::Nothing => "",
            };
            if !lead.is_empty() && first > floor && self.is(first - 1, lead) {
                first -= 1;
            }
            out.push(DateMention {
                start: self.words[first].start,
                end: self.words[found.end - 1].end,
                date: found.date,
                precision: found.precision,
                kind: found.kind,
            });
            i = found.end;
            floor = found.end;
        }
        out
    }

    fn at(&self, i: usize) -> Option<Found> {
        self.numeric(i)
            .or_else(|| self.day_month(i))
            .or_else(|| self.ordinal_day(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.month_day(i))
            .or_else(|| self.month(i))
            .or_else(|| self.bare_year(i))
            .or_else(|| self.deictic(i))
            .or_else(|| self.counted_offset(i))
            .or_else(|| self.anaphoric(i))
            .or_else(|| self.period(i))
    }

    // ---- tense ------------------------------------------------------------------

    fn tense(&self, first: usize, end: usize) -> Tense {
        let mut k = first;
        let mut seen = 0;
        while k > 0 && seen < 8 {
            k -= 1;
            if self.is_any(k, &[";", ":", "(", ")", "—"]) {
                break;
            }
            if let Some(t) = self.tense_marker(k) {
                // A participle after an infinitive auxiliary ("will be held", "is to
                // have left") takes its tense from further back.
                let infinitive = k > 0 && self.is_any(k - 1, &["be", "have"]);
                if !(t == Tense::Past && infinitive) {
                    return t;
                }
            }
            if self.kind(k) == Some(WordKind::Alpha) {
                seen += 1;
            }
        }
        if first == 0
            || seen == 0
            || self.is(first.saturating_sub(1), ",")
            || self.is(first.saturating_sub(1), "On")
        {
            let mut k = end;
            let mut seen = 0;
            while k < self.words.len() && seen < 8 {
                if self.is_any(k, &[";", ":", "(", ")", "—"]) {
                    break;
                }
                if let Some(t) = self.tense_marker(k) {
                    return t;
                }
                if self.kind(k) == Some(WordKind::Alpha) {
                    seen += 1;
                }
                k += 1;
            }
        }
        Tense::Unknown
    }

    fn tense_marker(&self, k: usize) -> Option<Tense> {
        if self.kind(k) != Some(WordKind::Alpha) {
            return None;
        }
        let w = self.word(k).to_ascii_lowercase();
        let apostrophe_before = k > 0 && self.is_any(k - 1, &["'", "’"]) && self.glued(k);
        let be_before = k > 0 && self.is_any(k - 1, &["is", "are", "am", "was", "were", "be"]);
        match w.as_str() {
            "will" | "shall" | "upcoming" | "tomorrow" | "scheduled" | "expected" | "planned"
            | "plans" | "plan" | "planning" | "intends" | "intend" => Some(Tense::Future),
            "ll" if apostrophe_before => Some(Tense::Future),
            "won" if self.is_any(k + 1, &["'", "’"]) && self.is(k + 2, "t") => {
                Some(Tense::Future)
            }
            "going" if self.is(k + 1, "to") => Some(Tense::Future),
            "due" | "set" | "to" if be_before => Some(Tense::Future),
            "said" | "told" | "was" | "were" | "had" | "did" | "been" | "ago" | "yesterday"
            | "last" => Some(Tense::Past),
            _ if IRREGULAR_PAST.contains(&w.as_str()) => Some(Tense::Past),
            _ if w.len() > 4 && w.ends_with("ed") => Some(Tense::Past),
            _ => None,
        }
    }

    // ---- explicit dates ---------------------------------------------------------

    /// "2021-10-10", "10/10/2021".
    fn numeric(&self, i: usize) -> Option<Found> {
        if self.kind(i) != Some(WordKind::Digits) {
            return None;
        }
        let glued_run = (1..5).all(|d| self.glued(i + d));
        if !glued_run || (self.glued(i) && i > 0 && self.kind(i - 1) != Some(WordKind::Alpha)) {
            return None;
        }
        // Nothing glued after: "2021-10-10-5" is a code, not a date.
        if self.glued(i + 5) && self.kind(i + 5) != Some(WordKind::Punct) {
            return None;
        }
        if self.glued(i + 5) && self.is_any(i + 5, &["-", "/"]) {
            return None;
        }
        let date = if self.is(i + 1, "-") && self.is(i + 3, "-") {
            let y = self.year(i)?;
            let m = self.small_number(i + 2, 2)?;
            let d = self.small_number(i + 4, 2)?;
            NaiveDate::from_ymd_opt(y, m, d)?
        } else if self.is(i + 1, "/") && self.is(i + 3, "/") {
            let a = self.small_number(i, 2)?;
            let b = self.small_number(i + 2, 2)?;
            let y = self.year(i + 4)?;
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            NaiveDate::from_ymd_opt(y, m, d)?
        } else {
            return None;
        };
        Some(Found {
            first: i,
            end: i + 5,
            date,
            precision: DatePrecision::Day,
            kind: DateKind::Absolute,
            lead: Lead::On,
        })
    }

    /// A month name at `i`: its number and the index after it (abbreviations take
    /// their period). Month names must be capitalized: "may" is a verb, "march" a walk.
    fn month_name(&self, i: usize) -> Option<(u32, usize)> {
        if self.kind(i) != Some(WordKind::Alpha) || !self.capitalized(i) {
            return None;
        }
        let w = self.word(i);
        if let Some(m) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)) {
            // "Theresa May": a capitalized word right before May makes it a name.
            if m == 4
                && i > 0
                && self.capitalized(i - 1)
                && self.kind(i - 1) == Some(WordKind::Alpha)
                && !self.is_any(i - 1, PERIOD_INTRODUCERS)
            {
                return None;
            }
            return Some((m as u32 + 1, i + 1));
        }
        let (_, m) = MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == w)?;
        let end = if self.is(i + 1, ".") && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((*m, end))
    }

    /// A day number at `i` ("10", "10th"): its value and the index after it.
    fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        let d = self.small_number(i, 2)?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let mut end = i + 1;
        if self.glued(end) && self.is_any(end, &["st", "nd", "rd", "th"]) {
            end += 1;
        }
        // Times and scores glued on: "10:30", "10-5".
        if self.glued(end) && self.is_any(end, &[":", "-", "/"]) {
            return None;
        }
        Some((d, end))
    }

    /// An optional year after a day: "…, 2021" or "… 2021". Returns (year, end).
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        let k = if self.is(i, ",") { i + 1 } else { i };
        let y = self.year(k)?;
        if self.glued(k + 1) && self.kind(k + 1) != Some(WordKind::Punct) {
            return None;
        }
        Some((y, k + 1))
    }

    /// "Oct. 10", "October 10, 2021", "Oct 10th".
    fn month_day(&self, i: usize) -> Option<Found> {
        let (m, k) = self.month_name(i)?;
        let (d, end) = self.day_number(k)?;
        // "In March 10 people died": a day never runs into a counted noun.
        if super::counts::is_person_noun(self.word(end)) {
            return None;
        }
        self.month_day_found(i, end, m, d)
    }

    fn month_day_found(&self, first: usize, end: usize, m: u32, d: u32) -> Option<Found> {
        let (date, end) = match self.trailing_year(end) {
            Some((y, e)) => (NaiveDate::from_ymd_opt(y, m, d)?, e),
            None => (self.month_day_without_year(first, end, m, d)?, end),
        };
        Some(Found {
            first,
            end,
            date,
            precision: DatePrecision::Day,
            kind: DateKind::Absolute,
            lead: Lead::On,
        })
    }

    fn month_day_without_year(
        &self,
        first: usize,
        end: usize,
        m: u32,
        d: u32,
    ) -> Option<NaiveDate> {
        let p = self.published;
        let candidates =
            [p.year() - 1, p.year(), p.year() + 1].map(|y| NaiveDate::from_ymd_opt(y, m, d));
        match self.tense(first, end) {
            Tense::Future => candidates.into_iter().flatten().find(|c| *c >= p),
            Tense::Past => candidates.into_iter().flatten().rfind(|c| *c <= p),
            Tense::Unknown => candidates
                .into_iter()
                .flatten()
                .min_by_key(|c| ((*c - p).num_days().abs(), *c > p)),
        }
    }

    /// "10 October", "10th October 2021", "the 10th of October".
    fn day_month(&self, i: usize) -> Option<Found> {
        let first = i;
        let k = if self.is(i, "the") { i + 1 } else { i };
        let (d, mut k) = self.day_number(k)?;
        if first != k - 1 && !self.is(k - 1, "th") && !self.is_any(k - 1, &["st", "nd", "rd"]) {
            // "the 10 October" is not English; "the" needs an ordinal.
            return None;
        }
        if self.is(k, "of") {
            k += 1;
        }
        let (m, end) = self.month_name(k)?;
        self.month_day_found(first, end, m, d)
    }

    /// "the 10th": a day of the publication month, or of the previous month when that
    /// would lie in the future (the next month in a future clause).
    fn ordinal_day(&self, i: usize) -> Option<Found> {
        if !self.is(i, "the") {
            return None;
        }
        let (d, end) = self.day_number(i + 1)?;
        if end != i + 3 {
            return None; // needs the ordinal suffix
        }
        // "the 10th floor", "the 5th anniversary": an ordinal before a noun.
        let next_is_noun = self.kind(end) == Some(WordKind::Alpha)
            && !self.capitalized(end)
            && !self.is_any(
                end,
                &[
                    "and",
                    "when",
                    "at",
                    "in",
                    "after",
                    "before",
                    "but",
                    "as",
                    "to",
                    "with",
                    "while",
                    "that",
                    "this",
                    "the",
                    "was",
                    "is",
                    "were",
                    "or",
                    "amid",
                    "during",
                    "following",
                    "despite",
                ],
            );
        if next_is_noun || (self.kind(end) == Some(WordKind::Alpha) && self.capitalized(end)) {
            return None;
        }
        let p = self.published;
        let this_month = NaiveDate::from_ymd_opt(p.year(), p.month(), d);
        let future = self.tense(i, end) == Tense::Future;
        let date = match this_month {
            Some(t) if future && t >= p => t,
            Some(t) if !future && t <= p => t,
            _ => {
                let first_of_month = p.with_day(1)?;
                let other = if future {
                    first_of_month.checked_add_months(Months::new(1))?
                } else {
                    first_of_month.checked_sub_months(Months::new(1))?
                };
                NaiveDate::from_ymd_opt(other.year(), other.month(), d)?
            }
        };
        Some(Found {
            first: i,
            end,
            date,
            precision: DatePrecision::Day,
            kind: DateKind::Relative,
            lead: Lead::On,
        })
    }

    /// "in March", "last March", "March 2020", "in March last year", "in early March".
    fn month(&self, i: usize) -> Option<Found> {
        let mut first = i;
        let mut modifier = None;
        if self.is_any(i, &["last", "next", "this"]) {
            modifier = Some(self.word(i).to_ascii_lowercase());
            first = i;
        } else if self.is_any(i, &["early", "late", "mid"]) {
            first = i;
        }
        let k = if first == i && (modifier.is_some() || self.is_any(i, &["early", "late", "mid"])) {
            if self.is(i + 1, "-") {
                i + 2
            } else {
                i + 1
            }
        } else {
            i
        };
        let (m, end) = self.month_name(k)?;
        let p = self.published;
        // An explicit year: "March 2020", "March of 2020".
        let of = usize::from(self.is(end, "of") && self.year(end + 1).is_some());
        if let Some(y) = self.year(end + of) {
            if !(self.glued(end + of + 1) && self.kind(end + of + 1) != Some(WordKind::Punct)) {
                return Some(Found {
                    first,
                    end: end + of + 1,
                    date: NaiveDate::from_ymd_opt(y, m, 1)?,
                    precision: DatePrecision::Month,
                    kind: DateKind::Absolute,
                    lead: Lead::In,
                });
            }
        }
        // "March last year", "March this year", "March of last year".
        let of = usize::from(self.is(end, "of"));
        if self.is_any(end + of, &["last", "this", "next"]) && self.is(end + of + 1, "year") {
            let y = match self.word(end + of).to_ascii_lowercase().as_str() {
                "last" => p.year() - 1,
                "next" => p.year() + 1,
                _ => p.year(),
            };
            return Some(Found {
                first,
                end: end + of + 2,
                date: NaiveDate::from_ymd_opt(y, m, 1)?,
                precision: DatePrecision::Month,
                kind: DateKind::Relative,
                lead: Lead::In,
            });
        }
        // A bare month needs a word that makes it a time: "in March", "since May".
        if first == k && !(k > 0 && self.is_any(k - 1, PERIOD_INTRODUCERS)) {
            return None;
        }
        if k > 0 && self.is(k - 1, "-") && !self.is(k.saturating_sub(2), "mid") {
            return None;
        }
        let future = self.tense(first, end) == Tense::Future;
        let y = match modifier.as_deref() {
            Some("last") if m < p.month() => p.year(),
            Some("last") => p.year() - 1,
            Some("next") if m > p.month() => p.year(),
            Some("next") => p.year() + 1,
            Some(_) => p.year(),
            None if future && m < p.month() => p.year() + 1,
            None if !future && m > p.month() => p.year() - 1,
            None => p.year(),
        };
        Some(Found {
            first,
            end,
            date: NaiveDate::from_ymd_opt(y, m, 1)?,
            precision: DatePrecision::Month,
            kind: if modifier.is_some() {
                DateKind::Relative
            } else {
                DateKind::Absolute
            },
            lead: Lead::In,
        })
    }

    /// "in 2019", "since 2015", "in early 2020", "the 2019 election".
    fn bare_year(&self, i: usize) -> Option<Found> {
        let (first, k) = if self.is_any(i, &["early", "late", "mid"]) {
            (i, if self.is(i + 1, "-") { i + 2 } else { i + 1 })
        } else {
            (i, i)
        };
        let y = self.year(k)?;
        // "1990s", "2019-20", "2019/20": decades and seasons are not one year.
        if self.glued(k + 1) && !self.is_any(k + 1, &[",", ".", ";", ":", ")", "'", "’"]) {
            return None;
        }
        if first == k {
            let before = if k > 0 { self.word(k - 1) } else { "" };
            let introduced = k > 0 && self.is_any(k - 1, PERIOD_INTRODUCERS) && before != "-";
            let range_end =
                k > 1 && self.is_any(k - 1, &["to", "and", "-", "–"]) && self.year(k - 2).is_some();
            let determiner = k > 0
                && self.is_any(k - 1, &["the", "its", "their", "his", "her"])
                && !super::counts::is_person_noun(self.word(k + 1));
            if !(introduced || range_end || determiner) {
                return None;
            }
        }
        Some(Found {
            first,
            end: k + 1,
            date: NaiveDate::from_ymd_opt(y, 1, 1)?,
            precision: DatePrecision::Year,
            kind: DateKind::Absolute,
            lead: Lead::In,
        })
    }

    // ---- weekdays ---------------------------------------------------------------

    /// A weekday name at `i` and the index after it (abbreviations take their period
    /// and only count with it: "Sun" alone is a newspaper, "Wed" a verb).
    fn weekday_name(&self, i: usize) -> Option<(Weekday, usize)> {
        let w = self.word(i);
        if let Some((_, d)) = WEEKDAYS.iter().find(|(n, _)| n.eq_ignore_ascii_case(w)) {
            return Some((*d, i + 1));
        }
        let (_, d) = WEEKDAY_ABBREVIATIONS.iter().find(|(n, _)| *n == w)?;
        (self.is(i + 1, ".") && self.glued(i + 1) && !(i > 0 && self.is(i - 1, "the")))
            .then_some((*d, i + 2))
    }

    /// "on Sunday", "last Friday", "this Tuesday", "next Monday", "Monday night",
    /// and "Sunday, Oct. 10" (the written date wins).
    fn weekday(&self, i: usize) -> Option<Found> {
        let modifier = self
            .is_any(i, &["last", "this", "next", "past", "coming"])
            .then(|| self.word(i).to_ascii_lowercase());
        let k = if modifier.is_some() { i + 1 } else { i };
        let (wd, mut end) = self.weekday_name(k)?;
        if k > 0 && self.is_any(k - 1, NAMED_DAY_BEFORE) && self.capitalized(k - 1) {
            return None;
        }
        if self.is_any(k + 1, NAMED_DAY_AFTER) && self.capitalized(k + 1) {
            return None;
        }
        // "Sunday, Oct. 10" / "Sunday 10 October": the written date decides.
        let after = if self.is(end, ",") { end + 1 } else { end };
        if let Some(f) = self.month_day(after).or_else(|| self.day_month(after)) {
            return Some(Found { first: i, ..f });
        }
        if self.is_any(
            end,
            &["morning", "afternoon", "evening", "night", "overnight"],
        ) {
            end += 1;
        }
        let p = self.published;
        let back = (7 + p.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
        let ahead = (7 + wd.num_days_from_monday() - p.weekday().num_days_from_monday()) % 7;
        let date = match modifier.as_deref() {
            Some("last") | Some("past") => {
                p - Days::new(u64::from(if back == 0 { 7 } else { back }))
            }
            Some("next") | Some("coming") => {
                p + Days::new(u64::from(if ahead == 0 { 7 } else { ahead }))
            }
            _ if self.tense(i, end) == Tense::Future => p + Days::new(u64::from(ahead)),
            _ => p - Days::new(u64::from(back)),
        };
        Some(Found {
            first: i,
            end,
            date,
            precision: DatePrecision::Day,
            kind: DateKind::Relative,
            lead: Lead::On,
        })
    }

    // ---- relative to publication ------------------------------------------------

    /// "today", "tonight", "this morning", "yesterday", "last night",
    /// "the day before yesterday", "tomorrow".
    fn deictic(&self, i: usize) -> Option<Found> {
        let p = self.published;
        let day = |first: usize, end: usize, date: NaiveDate| {
            Some(Found {
                first,
                end,
                date,
                precision: DatePrecision::Day,
                kind: DateKind::Relative,
                lead: Lead::Nothing,
            })
        };
        let part_of_day = |k: usize| -> usize {
            if self.is_any(k, &["morning", "afternoon", "evening", "night"]) {
                k + 1
            } else {
                k
            }
        };
        let w = self.word(i).to_ascii_lowercase();
        match w.as_str() {
            "earlier" | "later" if self.is_any(i + 1, &["today", "tonight"]) => day(i, i + 2, p),
            "today" | "tonight" => day(i, i + 1, p),
            "this" if self.is_any(i + 1, &["morning", "afternoon", "evening"]) => day(i, i + 2, p),
            "yesterday" => day(i, part_of_day(i + 1), p.pred_opt()?),
            "last" if self.is_any(i + 1, &["night", "evening"]) => day(i, i + 2, p.pred_opt()?),
            "tomorrow" => day(i, part_of_day(i + 1), p.succ_opt()?),
            "the"
                if self.is(i + 1, "day")
                    && self.is_any(i + 2, &["before", "after"])
                    && self.is_any(i + 3, &["yesterday", "tomorrow"]) =>
            {
                let date = if self.is(i + 3, "yesterday") {
                    p - Days::new(2)
                } else {
                    p + Days::new(2)
                };
                day(i, i + 4, date)
            }
            _ => None,
        }
    }

    /// A count of time units at `i`: "two days", "a week", "three weeks".
    /// Returns (count, unit precision, index after the unit).
    fn time_span(&self, i: usize) -> Option<(u32, DatePrecision, usize)> {
        let (n, k) = if self.is_any(i, &["a", "an"]) {
            (1, i + 1)
        } else {
            if !self
                .words
                .get(i)
                .is_some_and(|w| may_open_number(w, self.text))
            {
                return None;
            }
            let p = parse_number(self.text, self.words, i)?;
            (p.value?, p.end)
        };
        let unit = match self.word(k).to_ascii_lowercase().as_str() {
            "day" | "days" => DatePrecision::Day,
            "week" | "weeks" => DatePrecision::Week,
            "month" | "months" => DatePrecision::Month,
            "year" | "years" => DatePrecision::Year,
            _ => return None,
        };
        if n > 400 {
            return None;
        }
        Some((n, unit, k + 1))
    }

    /// "two days ago" (from publication); "two days earlier", "a week later", "three
    /// days after." (from the story's reference date).
    fn counted_offset(&self, i: usize) -> Option<Found> {
        let (n, unit, k) = self.time_span(i)?;
        let (anchor, back) = match self.word(k).to_ascii_lowercase().as_str() {
            "ago" => (self.published, true),
            "earlier" => (self.story, true),
            "later" => (self.story, false),
            "before" | "after" if self.kind(k + 1) != Some(WordKind::Alpha) => {
                (self.story, self.is(k, "before"))
            }
            _ => return None,
        };
        let date = shift(anchor, unit, n, back)?;
        Some(Found {
            first: i,
            end: k + 1,
            date: period_start(date, unit),
            precision: unit,
            kind: DateKind::Relative,
            lead: Lead::Nothing,
        })
    }

    /// "the next day", "the following week", "the day before", "the previous night",
    /// "that day", "the same day", "later that day".
    fn anaphoric(&self, i: usize) -> Option<Found> {
        let s = self.story;
        let found = |end: usize, date: NaiveDate, precision: DatePrecision| {
            Some(Found {
                first: i,
                end,
                date: period_start(date, precision),
                precision,
                kind: DateKind::Relative,
                lead: Lead::Nothing,
            })
        };
        let unit = |k: usize| -> Option<DatePrecision> {
            match self.word(k).to_ascii_lowercase().as_str() {
                "day" | "morning" | "afternoon" | "evening" | "night" => Some(DatePrecision::Day),
                "week" => Some(DatePrecision::Week),
                "month" => Some(DatePrecision::Month),
                "year" => Some(DatePrecision::Year),
                _ => None,
            }
        };
        if self.is_any(i, &["earlier", "later"])
            && self.is(i + 1, "that")
            && self.is_any(i + 2, &["day", "morning", "afternoon", "evening", "night"])
        {
            return found(i + 3, s, DatePrecision::Day);
        }
        if self.is(i, "that")
            && self.is_any(i + 1, &["day", "morning", "afternoon", "evening", "night"])
            && !self.is(i + 2, "of")
        {
            // "that day" at the start of a relative clause ("the day that") is not anaphoric.
            if i > 0 && self.is(i - 1, "day") {
                return None;
            }
            return found(i + 2, s, DatePrecision::Day);
        }
        if !self.is(i, "the") {
            return None;
        }
        if self.is(i + 1, "same")
            && self.is_any(i + 2, &["day", "morning", "afternoon", "evening", "night"])
        {
            return found(i + 3, s, DatePrecision::Day);
        }
        if self.is(i + 1, "day")
            && self.is_any(i + 2, &["before", "after"])
            && !self.is_any(i + 3, &["yesterday", "tomorrow"])
        {
            let date = if self.is(i + 2, "before") {
                s.pred_opt()?
            } else {
                s.succ_opt()?
            };
            return found(i + 3, date, DatePrecision::Day);
        }
        let forward = self.is_any(i + 1, &["next", "following"]);
        let backward = self.is_any(i + 1, &["previous", "preceding"]);
        if !(forward || backward) {
            return None;
        }
        let precision = unit(i + 2)?;
        // "the next day of talks" is fine, but "the following month's election" too;
        // only refuse "the next few days" style spans, which unit() already does.
        let date = shift(s, precision, 1, backward)?;
        found(i + 3, date, precision)
    }

    /// "last week", "this week", "earlier this month", "late last year", "next year",
    /// "over the weekend".
    fn period(&self, i: usize) -> Option<Found> {
        let p = self.published;
        let mut first = i;
        let mut k = i;
        if self.is_any(k, &["earlier", "later", "early", "late"]) {
            k += 1;
        }
        // Weekends: "last weekend", "this weekend", "over the weekend", "at the weekend".
        if self.is(k + 1, "weekend") && self.is_any(k, &["last", "this", "the", "next"]) {
            if self.is(k, "the") && !(k > 0 && self.is_any(k - 1, &["over", "at", "during"])) {
                return None;
            }
            if self.is(k, "the") {
                first = k - 1;
            }
            let saturday_back = (7 + p.weekday().num_days_from_monday() - 5) % 7;
            let saturday_ahead = (7 + 5 - p.weekday().num_days_from_monday()) % 7;
            let date = match self.word(k).to_ascii_lowercase().as_str() {
                "last" => p.checked_sub_days(Days::new(7))?,
                "next" => p.checked_add_days(Days::new(7))?,
                _ if self.tense(first, k + 2) == Tense::Future => {
                    p + Days::new(u64::from(saturday_ahead))
                }
                _ => p - Days::new(u64::from(saturday_back)),
            };
            return Some(Found {
                first,
                end: k + 2,
                date: period_start(date, DatePrecision::Week),
                precision: DatePrecision::Week,
                kind: DateKind::Relative,
                lead: Lead::Nothing,
            });
        }
        if !self.is_any(k, &["last", "this", "next"]) {
            return None;
        }
        let precision = match self.word(k + 1).to_ascii_lowercase().as_str() {
            "week" => DatePrecision::Week,
            "month" => DatePrecision::Month,
            "year" => DatePrecision::Year,
            _ => return None,
        };
        let offset = match self.word(k).to_ascii_lowercase().as_str() {
            "last" => Some(true),
            "next" => Some(false),
            _ => None,
        };
        let date = match offset {
            Some(back) => shift(p, precision, 1, back)?,
            None => p,
        };
        Some(Found {
            first,
            end: k + 2,
            date: period_start(date, precision),
            precision,
            kind: DateKind::Relative,
            lead: Lead::Nothing,
        })
    }
}

/// `date` moved `n` units back or forward (months clamp to the month's end).
fn shift(date: NaiveDate, unit: DatePrecision, n: u32, back: bool) -> Option<NaiveDate> {
    match (unit, back) {
        (DatePrecision::Day, true) => date.checked_sub_days(Days::new(u64::from(n))),
        (DatePrecision::Day, false) => date.checked_add_days(Days::new(u64::from(n))),
        (DatePrecision::Week, true) => date.checked_sub_days(Days::new(7 * u64::from(n))),
        (DatePrecision::Week, false) => date.checked_add_days(Days::new(7 * u64::from(n))),
        (DatePrecision::Month, true) => date.checked_sub_months(Months::new(n)),
        (DatePrecision::Month, false) => date.checked_add_months(Months::new(n)),
        (DatePrecision::Year, true) => date.checked_sub_months(Months::new(12 * n)),
        (DatePrecision::Year, false) => date.checked_add_months(Months::new(12 * n)),
    }
}

/// The first day of the period of `precision` that contains `date`: weeks start on
/// Monday (ISO 8601), months on the 1st, years on 1 January.
pub fn period_start(date: NaiveDate, precision: DatePrecision) -> NaiveDate {
    match precision {
        DatePrecision::Day => date,
        DatePrecision::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
        DatePrecision::Month => date.with_day(1).unwrap_or(date),
        DatePrecision::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
    }
}
