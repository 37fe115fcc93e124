//! Wire-copy datelines: "NAIROBI, Kenya (AP) —", "KABUL (Reuters) -", "Nairobi, Oct 12 —",
//! "GENEVA —". A dateline names where the story was filed, which for most news is where it
//! happened, so it is the article's main place.

use std::ops::Range;

/// How far into a line a dateline may reach, and how much prose must follow it: a dateline is a
/// short run of capitalised words before a dash at the start of a paragraph of body text. A
/// headline such as "Kenya Police Fire Tear Gas - Reuters" fails on both counts.
const MAX_DATELINE: usize = 80;
const MIN_PROSE_AFTER: usize = 30;
/// Lines looked at: the title (the first paragraph when the article has one) and the next two.
const LINES: usize = 3;

/// The byte range of the dateline prefix (before its dash), if the article opens with one.
pub fn dateline(text: &str) -> Option<Range<usize>> {
    let mut line_start = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        if let Some(r) = in_line(line) {
            return Some(start + r.start..start + r.end);
        }
        if seen >= LINES {
            break;
        }
    }
    None
}

fn in_line(line: &str) -> Option<Range<usize>> {
    let lead = line.len() - line.trim_start().len();
    let head = &line[lead..];
    let (dash, dash_len) = [("—", 3), ("–", 3), ("--", 2), (" - ", 3)]
        .iter()
        .filter_map(|(d, l)| head.find(d).map(|p| (p, *l)))
        .min()?;
    if dash == 0 || dash > MAX_DATELINE {
        return None;
    }
    let prefix = &head[..dash];
    let rest = &head[dash + dash_len..];
    if rest.trim().len() < MIN_PROSE_AFTER || !rest.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    if !prefix.chars().next()?.is_uppercase() {
        return None;
    }
    // Outside parentheses ("(AP)", "(Reuters)"), every word is capitalised, a number, or a
    // short lowercase particle ("de" in "RIO DE JANEIRO" written "Rio de Janeiro").
    let mut depth = 0i32;
    let mut outside = String::with_capacity(prefix.len());
    for c in prefix.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = outside
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 7 {
        return None;
    }
    let ok = words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(*w, "de" | "del" | "da" | "do" | "la" | "el" | "al" | "es")
    });
    if !ok {
        return None;
    }
    Some(lead..lead + prefix.trim_end().len())
}
