//! The discards file (`Phoenix.discards.txt`): phrases that mean a text is not about
//! political events — sports ("FIRST SEED", "World Golf Championships"), awards,
//! entertainment, and the years of the world wars (a sentence about 1914 is history).
//! A `+` phrase discards the whole story, a plain one the sentence.

use super::{content_lines, phrase, Defect};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Sentence,
    Story,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    pub line: usize,
    pub phrase: String,
    pub scope: Scope,
}

#[derive(Debug, Default)]
pub struct DiscardFile {
    pub discards: Vec<Discard>,
    pub defects: Vec<Defect>,
}

pub fn read(text: &str) -> DiscardFile {
    let mut file = DiscardFile::default();
    for (line, content) in content_lines(text, &mut file.defects) {
        let trimmed = content.trim();
        let (scope, written) = match trimmed.strip_prefix('+') {
            Some(rest) => (Scope::Story, rest),
            None => (Scope::Sentence, trimmed),
        };
        match phrase(written) {
            Some(phrase) => file.discards.push(Discard {
                line,
                phrase,
                scope,
            }),
            None => file.defects.push(Defect {
                line,
                what: format!("discard '{}' is unreadable: left out", written.trim()),
            }),
        }
    }
    file
}
