//! What the recognizer needs to know about the text around a word: does a sentence start
//! there, and is its line written in Title Case (a headline), where capitals say nothing.

use crate::model::Sentence;

pub(super) struct Layout {
    /// Sentence starts from the segmenter (may be empty: we then rely on punctuation).
    sentence_starts: Vec<usize>,
    /// Byte ranges of lines where most words are capitalised (headlines, all-caps lines).
    title_lines: Vec<(usize, usize)>,
}

impl Layout {
    pub(super) fn new(text: &str, sentences: &[Sentence]) -> Layout {
        let mut title_lines = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            if is_title_case(line) {
                title_lines.push((start, start + line.len()));
            }
            start += line.len();
        }
        Layout {
            sentence_starts: sentences.iter().map(|s| s.start).collect(),
            title_lines,
        }
    }

    /// True if `pos` lies in a headline-style line where every word is capitalised.
    pub(super) fn title_case(&self, pos: usize) -> bool {
        let i = self.title_lines.partition_point(|&(_, e)| e <= pos);
        self.title_lines.get(i).is_some_and(|&(s, _)| s <= pos)
    }

    /// True if the word at `pos` opens a sentence: a segmenter sentence start, or the first
    /// word after sentence punctuation, a line break, a dash or an opening quote.
    pub(super) fn sentence_initial(&self, text: &str, pos: usize) -> bool {
        if self.sentence_starts.binary_search(&pos).is_ok() {
            return true;
        }
        let before = text[..pos].trim_end_matches([' ', '\t', '"', '“', '‘', '\'', '(', '[']);
        match before.chars().next_back() {
            None => true,
            Some(c) => {
                matches!(c, '.' | '!' | '?' | ':' | ';' | '\n' | '—' | '–')
                    || before.ends_with(" -")
            }
        }
    }
}

/// A line is Title Case when at least 70% of its words of four or more letters (after the
/// first) start with a capital; short lines of fewer than three such words never are.
fn is_title_case(line: &str) -> bool {
    let mut long = 0;
    let mut capital = 0;
    for w in line.split_whitespace().skip(1) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) {
            long += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                capital += 1;
            }
        }
    }
    long >= 3 && capital * 10 >= long * 7
}
