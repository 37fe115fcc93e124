//! Date expressions. OWNER: dates/counts helper. Stub until filled.

use crate::model::DatePrecision;
use chrono::NaiveDate;
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
    let _ = (text, range, published, story);
    Vec::new()
}
