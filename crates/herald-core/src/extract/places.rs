//! Toponyms and their resolution. OWNER: gazetteer/places helper. Stub until filled.

use crate::model::{PlaceRecord, Sentence};

/// A toponym in the text (byte offsets into the whole text) resolved to a place.
/// `place.start`/`place.end` are left 0 here: the pipeline fills code-point offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub place: PlaceRecord,
}

/// All resolved toponyms of an article, plus its main place.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticlePlaces {
    /// In text order, non-overlapping.
    pub mentions: Vec<PlaceMention>,
    /// Index into `mentions` of the dateline place, or else the article's main place.
    pub main: Option<usize>,
}

/// Finds and disambiguates the toponyms of an article.
pub fn find_places(text: &str, sentences: &[Sentence], url: Option<&str>) -> ArticlePlaces {
    let _ = (text, sentences, url);
    ArticlePlaces::default()
}
