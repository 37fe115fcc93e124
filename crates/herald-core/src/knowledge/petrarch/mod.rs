//! Readers for PETRARCH/TABARI-format dictionaries: the open Phoenix/CAMEO actor,
//! agent and discard files, and any user's own in the same format.
//!
//! The format is line-based and forgiving, and the files are hand-edited, so every
//! reader here repairs what it safely can and reports the rest as [`Defect`]s with
//! their line numbers instead of failing the file:
//!
//! - **Phrases** are words joined by `_` (`BARACK_OBAMA`); a trailing `_` marks a whole
//!   word (no stemming) and is dropped here, since Herald matches whole words anyway.
//!   Phrases come back upper-case with single spaces (`BARACK OBAMA`).
//! - **Codes** sit in brackets: `[USA]`, `[USAGOV >090120]` (from 2009-01-20 on),
//!   `[USAELI 780101-000101]` (a range), `[IGOUNO <070201]` (until), `[---]` (known
//!   phrase, not an actor), `[~COP]` (an agent's sector), `[FRO/BIL/SAM]` (one phrase
//!   naming several actors, each coded). Dates are `YYMMDD` (years up
//!   to 30 are 20xx, as the files were written before 2019) or `YYYYMMDD`.
//! - **Comments** run from `#` to the end of the line.
//!
//! Known defects of the Phoenix files, and what is done about them: a `}` closing a
//! bracket (repaired), `> 130701` with a space (repaired), a ten-digit date that is a
//! valid eight-digit one behind a stray century (`1920030320`, repaired to the last
//! eight digits), other malformed dates (the code is kept without the bad bound when
//! the other bound is good, else dropped), two synonyms run together on one line
//! (`+A_+B`, split), control bytes (removed), and phrases with undecodable characters
//! (`COTE_D\u{fffd}IVOIRE`, dropped: each is a misspelt variant of a phrase the file
//! also has correctly).

pub mod actors;
pub mod agents;
pub mod convert;
pub mod discards;
pub mod lexicon;
pub mod verbs;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

/// Something in a dictionary file that was repaired or left out, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defect {
    /// 1-based line number.
    pub line: usize,
    pub what: String,
}

/// A CAMEO code with the dates it holds (inclusive; `None` = open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// As written, upper case: `USAGOV`, `IGOUNOKID`, `~COP`, `---`.
    pub code: String,
    /// Further codes written with it, `[FRO/BIL/SAM]`: the phrase names several actors
    /// at once, and PETRARCH codes each of them (`FRO`, then `BIL` and `SAM` here).
    pub joint: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DatedCode {
    /// `[---]`: the phrase is known and deliberately not an actor.
    pub fn is_null(&self) -> bool {
        self.code.chars().all(|c| c == '-')
    }
}

/// The non-blank lines of a file (1-based numbers) with comments (`#` to the end of
/// the line, whole `<!-- … -->` lines) cut and control bytes
/// removed (reported). Undecodable bytes were already turned into U+FFFD by the caller's
/// lossy decoding.
fn content_lines(text: &str, defects: &mut Vec<Defect>) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        // PETRARCH's own files also carry XML-style comment lines (`<!-- VERSION -->`).
        if raw.trim_start().starts_with("<!--") {
            continue;
        }
        let content = raw.split('#').next().unwrap_or("");
        let content: String = if content.chars().any(|c| c.is_control() && c != '\t') {
            defects.push(Defect {
                line: i + 1,
                what: "control bytes removed".into(),
            });
            content
                .chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect()
        } else {
            content.to_string()
        };
        if !content.trim().is_empty() {
            out.push((i + 1, content));
        }
    }
    out
}

/// A phrase as written (`BARACK_OBAMA_`) to Herald's form (`BARACK OBAMA`). `None` for
/// a phrase with undecodable characters or nothing left.
fn phrase(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.contains('\u{fffd}') {
        return None;
    }
    let words: Vec<&str> = raw
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(words.join(" ").to_uppercase())
}

/// A dictionary date: `YYMMDD` or `YYYYMMDD`, or ten digits whose last eight are a date
/// (a known typo: a century written twice).
fn date(raw: &str) -> Option<NaiveDate> {
    if !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let ymd = |y: i32, md: &str| {
        let m = md[..2].parse().ok()?;
        let d = md[2..4].parse().ok()?;
        NaiveDate::from_ymd_opt(y, m, d)
    };
    match raw.len() {
        6 => {
            let yy: i32 = raw[..2].parse().ok()?;
            ymd(if yy <= 30 { 2000 + yy } else { 1900 + yy }, &raw[2..])
        }
        8 => ymd(raw[..4].parse().ok()?, &raw[4..]),
        10 => date(&raw[2..]),
        _ => None,
    }
}

/// The bracketed codes of one line, in order. Repairs `}` for `]`; reports what it
/// cannot read.
fn codes(text: &str, line: usize, defects: &mut Vec<Defect>) -> Vec<DatedCode> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let (inner, next) = match after.find([']', '}']) {
            Some(k) => {
                if after.as_bytes()[k] == b'}' {
                    defects.push(Defect {
                        line,
                        what: format!("bracket closed by '}}' in [{}}}: repaired", &after[..k]),
                    });
                }
                (&after[..k], &after[k + 1..])
            }
            None => {
                defects.push(Defect {
                    line,
                    what: format!("unclosed bracket [{after}: left out"),
                });
                break;
            }
        };
        if let Some(code) = dated_code(inner, line, defects) {
            out.push(code);
        }
        rest = next;
    }
    out
}

fn dated_code(inner: &str, line: usize, defects: &mut Vec<Defect>) -> Option<DatedCode> {
    let mut parts = inner.split_whitespace();
    let written = parts.next()?.to_uppercase();
    let valid_code = |code: &str| {
        code.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '~' || c == '-')
            && (code.len() >= 3 || code.starts_with('~') || code.ends_with('~'))
    };
    // `[FRO/BIL/SAM]`: several actors under one phrase.
    let mut members = written.split('/').map(str::to_string);
    let code = members.next().unwrap_or_default();
    let joint: Vec<String> = members.collect();
    if !valid_code(&code) || !joint.iter().all(|c| valid_code(c)) {
        defects.push(Defect {
            line,
            what: format!("'[{inner}]' is not a code: left out"),
        });
        return None;
    }
    // "> 130701": the bound may be written apart from its sign.
    let when: String = parts.collect();
    let mut dated = DatedCode {
        code,
        joint,
        from: None,
        to: None,
    };
    if when.is_empty() {
        return Some(dated);
    }
    let bad = |what: &str, defects: &mut Vec<Defect>| {
        defects.push(Defect {
            line,
            what: format!("date '{when}' of [{inner}] {what}"),
        });
    };
    if let Some(from) = when.strip_prefix('>') {
        dated.from = date(from);
        if dated.from.is_none() {
            bad("does not parse: code left out", defects);
            return None;
        }
    } else if let Some(to) = when.strip_prefix('<') {
        dated.to = date(to);
        if dated.to.is_none() {
            bad("does not parse: code left out", defects);
            return None;
        }
    } else if let Some((from, to)) = when.split_once('-') {
        dated.from = date(from);
        dated.to = date(to);
        match (dated.from, dated.to) {
            (None, None) => {
                bad("does not parse: code left out", defects);
                return None;
            }
            (None, Some(_)) | (Some(_), None) => {
                bad("has one bound that does not parse: kept the other", defects)
            }
            (Some(f), Some(t)) if f > t => {
                bad("ends before it starts: code left out", defects);
                return None;
            }
            _ => {}
        }
    } else {
        bad("does not parse: code left out", defects);
        return None;
    }
    if date_repaired(&when) {
        bad("has a ten-digit date: read its last eight digits", defects);
    }
    Some(dated)
}

fn date_repaired(when: &str) -> bool {
    when.split(['-', '<', '>'])
        .any(|d| d.len() == 10 && d.bytes().all(|b| b.is_ascii_digit()))
}
