//! Words and numbers as news writes them: "1,200", "six", "twenty-three", "a dozen",
//! "dozens". Shared by the count finder and the date resolver, which both need to read
//! a sentence word by word and both must tell a quantity ("six people") from a year,
//! a time or a decimal.
//!
//! The scanner is deliberately small: a sentence becomes a flat list of [`Word`]s
//! (letters, digits, or one punctuation character), each with its byte span, so the
//! finders can look a few words left and right without any regex backtracking and
//! without allocating strings.

use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// What a [`Word`] is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// A run of letters ("killed", "Oct", "th").
    Alpha,
    /// A run of ASCII digits, with thousands separators ("1,200") and a decimal part
    /// ("10.30", "2.5") kept inside, so that a time or a decimal is never read as two
    /// numbers.
    Digits,
    /// Any other single non-space character.
    Punct,
}

/// One word of a sentence (byte offsets into the whole text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
}

/// Splits `text[range]` into words, appending to `out` (which the caller may reuse
/// between sentences to avoid allocating).
pub fn scan_words(text: &str, range: Range<usize>, out: &mut Vec<Word>) {
    let bytes = text.as_bytes();
    let end = range.end.min(text.len());
    let mut i = range.start;
    while i < end {
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
        } else if c.is_ascii_digit() {
            let start = i;
            i += 1;
            loop {
                while i < end && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                // "1,200": a comma followed by exactly three digits stays inside.
                if i + 4 <= end
                    && bytes[i] == b','
                    && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                    && (i + 4 == end || !bytes[i + 4].is_ascii_digit())
                {
                    i += 4;
                    continue;
                }
                // "10.30", "2.5": a point between digits stays inside.
                if i + 1 < end && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                break;
            }
            out.push(Word {
                start,
                end: i,
                kind: WordKind::Digits,
            });
        } else if c.is_alphabetic() {
            let start = i;
            while i < end {
                match text[i..].chars().next() {
                    Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                    _ => break,
                }
            }
            out.push(Word {
                start,
                end: i,
                kind: WordKind::Alpha,
            });
        } else {
            out.push(Word {
                start: i,
                end: i + len,
                kind: WordKind::Punct,
            });
            i += len;
        }
    }
}

/// The value of a plain digit word: "1,200" → 1200; decimals ("2.5") and times
/// ("10.30") are not whole numbers and give `None`.
pub fn digits_value(word: &str) -> Option<u32> {
    if word.contains('.') {
        return None;
    }
    let mut value: u32 = 0;
    for b in word.bytes() {
        match b {
            b'0'..=b'9' => {
                value = value.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
            }
            b',' => {}
            _ => return None,
        }
    }
    Some(value)
}

/// The value of one English number word ("six" → 6, "twenty" → 20). Multipliers
/// ("hundred", "thousand") and vague amounts ("dozens") are handled by
/// [`parse_number`], which sees their neighbours.
pub fn cardinal_word(word: &str) -> Option<u32> {
    if let Some(i) = UNITS.iter().position(|u| u.eq_ignore_ascii_case(word)) {
        return Some(i as u32);
    }
    TENS.iter()
        .position(|t| t.eq_ignore_ascii_case(word))
        .map(|i| (i as u32 + 2) * 10)
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Whether [`parse_number`] can start at this word: digits, or one of the words a number
/// phrase opens with ("six", "dozens", "half", "a"). Callers that try a number at every word
/// of a sentence check this first: one hash probe instead of walking the word lists.
pub fn may_open_number(word: &Word, text: &str) -> bool {
    word.kind == WordKind::Digits || one_of_lowered(&text[word.start..word.end], number_openers())
}

fn number_openers() -> &'static FxHashSet<&'static str> {
    static OPENERS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    OPENERS.get_or_init(|| {
        UNITS
            .iter()
            .chain(&TENS)
            .chain(&VAGUE)
            .chain(&["half", "a", "an", "dozen"])
            .copied()
            .collect()
    })
}

/// Whether `word`, ASCII-lowercased, is in `set` (whose words are at most 16 bytes),
/// without allocating.
pub fn one_of_lowered(word: &str, set: &FxHashSet<&'static str>) -> bool {
    let mut lowered = [0u8; 16];
    let Some(buffer) = lowered.get_mut(..word.len()) else {
        return false;
    };
    buffer.copy_from_slice(word.as_bytes());
    buffer.make_ascii_lowercase();
    std::str::from_utf8(buffer).is_ok_and(|w| set.contains(w))
}

/// Words that say "many" without a number: the count exists but its value is unknown.
const VAGUE: [&str; 10] = [
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens",
    "millions",
    "several",
    "many",
    "numerous",
    "countless",
];

/// A number phrase read at some word: its value (`None` when vague, "dozens") and the
/// index of the first word after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberPhrase {
    pub value: Option<u32>,
    pub end: usize,
}

/// Reads a number phrase starting at `words[i]`: digits ("1,200", "2 million"), number
/// words ("six", "twenty-three", "one hundred and twenty", "a dozen", "half a dozen")
/// or vague amounts ("dozens", "scores of", "tens of thousands", "several").
///
/// The article "a" alone is not a number here: "a policeman" is a count only where a
/// person noun follows, which the caller decides.
pub fn parse_number(text: &str, words: &[Word], i: usize) -> Option<NumberPhrase> {
    let word = |k: usize| words.get(k).map(|w| &text[w.start..w.end]);
    let is = |k: usize, s: &str| word(k).is_some_and(|w| w.eq_ignore_ascii_case(s));
    let first = words.get(i)?;
    let multiplier = |k: usize| -> Option<u32> {
        match word(k)?.to_ascii_lowercase().as_str() {
            "hundred" => Some(100),
            "thousand" => Some(1_000),
            "million" => Some(1_000_000),
            _ => None,
        }
    };
    if first.kind == WordKind::Digits {
        let raw = &text[first.start..first.end];
        if let Some(m) = multiplier(i + 1) {
            // "2 million", "1.5 million"
            let value: f64 = raw.replace(',', "").parse().ok()?;
            let total = value * f64::from(m);
            if total > f64::from(u32::MAX) {
                return None;
            }
            return Some(NumberPhrase {
                value: Some(total.round() as u32),
                end: i + 2,
            });
        }
        let value = digits_value(raw)?;
        return Some(NumberPhrase {
            value: Some(value),
            end: i + 1,
        });
    }
    if first.kind != WordKind::Alpha {
        return None;
    }
    // Vague amounts, with their "of" ("dozens of", "tens of thousands of") left to
    // the caller except the inner one of "tens of thousands".
    if VAGUE.iter().any(|v| is(i, v)) {
        let mut end = i + 1;
        if is(i, "tens") || is(i, "hundreds") {
            if is(i + 1, "of") && (is(i + 2, "thousands") || is(i + 2, "millions")) {
                end = i + 3;
            } else if is(i, "tens") {
                return None;
            }
        }
        return Some(NumberPhrase { value: None, end });
    }
    if is(i, "half") && is(i + 1, "a") && is(i + 2, "dozen") {
        return Some(NumberPhrase {
            value: Some(6),
            end: i + 3,
        });
    }
    if (is(i, "a") || is(i, "one")) && is(i + 1, "dozen") {
        return Some(NumberPhrase {
            value: Some(12),
            end: i + 2,
        });
    }
    if is(i, "dozen") {
        return Some(NumberPhrase {
            value: Some(12),
            end: i + 1,
        });
    }
    if (is(i, "a") || is(i, "an")) && multiplier(i + 1).is_some() {
        // "a hundred", "a thousand"
        let m = multiplier(i + 1)?;
        return Some(NumberPhrase {
            value: Some(m),
            end: i + 2,
        });
    }
    // Spelled-out numbers: tens[-unit] [hundred [and] tens[-unit]] [thousand ...].
    let mut total: u32 = 0;
    let mut group: u32 = 0;
    let mut k = i;
    let mut read_any = false;
    while let Some(w) = word(k) {
        if let Some(v) = cardinal_word(w) {
            // Two plain numbers in a row ("two three") are not one number.
            // (Remainders kept in names: `is_multiple_of` is newer than our MSRV.)
            let units = group % 10;
            let below_hundred = group % 100;
            if read_any && units != 0 && v < 100 {
                break;
            }
            if read_any && below_hundred != 0 && v >= 20 {
                break;
            }
            group += v;
            read_any = true;
            k += 1;
            // "twenty-three": hyphen glued to both neighbours.
            if v >= 20
                && v % 10 == 0
                && words
                    .get(k)
                    .is_some_and(|p| p.kind == WordKind::Punct && p.start == words[k - 1].end)
                && is(k, "-")
                && words.get(k + 1).is_some_and(|n| n.start == words[k].end)
            {
                if let Some(u) = word(k + 1).and_then(cardinal_word) {
                    if (1..10).contains(&u) {
                        group += u;
                        k += 2;
                    }
                }
            }
            continue;
        }
        if read_any {
            match multiplier(k) {
                Some(100) if group > 0 && group < 100 => {
                    group *= 100;
                    k += 1;
                    if is(k, "and") && word(k + 1).and_then(cardinal_word).is_some() {
                        k += 1;
                    }
                    continue;
                }
                Some(m) if m >= 1_000 && group > 0 => {
                    total = total.checked_add(group.checked_mul(m)?)?;
                    group = 0;
                    k += 1;
                    if is(k, "and") && word(k + 1).and_then(cardinal_word).is_some() {
                        k += 1;
                    }
                    continue;
                }
                _ => {}
            }
        }
        break;
    }
    if !read_any {
        return None;
    }
    Some(NumberPhrase {
        value: Some(total + group),
        end: k,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(Option<u32>, usize)> {
        let mut words = Vec::new();
        scan_words(s, 0..s.len(), &mut words);
        parse_number(s, &words, 0).map(|p| (p.value, p.end))
    }

    #[test]
    fn scanner_keeps_separators_inside_numbers() {
        let s = "1,200 at 10.30, on 10,2021 and 2021-10-10.";
        let mut words = Vec::new();
        scan_words(s, 0..s.len(), &mut words);
        let texts: Vec<&str> = words.iter().map(|w| &s[w.start..w.end]).collect();
        assert_eq!(
            texts,
            [
                "1,200", "at", "10.30", ",", "on", "10", ",", "2021", "and", "2021", "-", "10",
                "-", "10", "."
            ]
        );
    }

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(read("1,200 people"), Some((Some(1200), 1)));
        assert_eq!(read("six people"), Some((Some(6), 1)));
        assert_eq!(read("twenty-three people"), Some((Some(23), 3)));
        assert_eq!(read("one hundred and twenty people"), Some((Some(120), 4)));
        assert_eq!(read("two thousand five hundred"), Some((Some(2500), 4)));
        assert_eq!(read("a dozen people"), Some((Some(12), 2)));
        assert_eq!(read("half a dozen"), Some((Some(6), 3)));
        assert_eq!(read("2 million people"), Some((Some(2_000_000), 2)));
        assert_eq!(read("dozens of people"), Some((None, 1)));
        assert_eq!(read("tens of thousands of people"), Some((None, 3)));
        assert_eq!(read("10.30"), None);
        assert_eq!(read("a man"), None);
        assert_eq!(read("two three"), Some((Some(2), 1)));
    }
}
