//! Casualty and arrest counts. OWNER: dates/counts helper. Stub until filled.

use std::ops::Range;

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

/// Finds counts in `text[range]`.
pub fn find_counts(text: &str, range: Range<usize>) -> Vec<CountMention> {
    let _ = (text, range);
    Vec::new()
}
