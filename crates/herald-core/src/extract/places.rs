//! Toponyms and their resolution: finds place names in English news text with the built-in
//! [gazetteer](crate::knowledge::gazetteer) and decides which place each one means.
//!
//! Three steps, each in its own module:
//! 1. [`dateline`]: the wire-copy dateline ("NAIROBI, Kenya (AP) —") that says where the story
//!    was filed, and so is the article's main place when it has one.
//! 2. `recognize`: one Aho-Corasick scan over the text for every gazetteer name, then rules that
//!    separate place names from the people, organisations and common words that share their
//!    spelling (capitalisation, titles, neighbouring capitalised words, sentence starts).
//! 3. `resolve`: every toponym's candidates scored by the article's own evidence (a qualifier
//!    such as ", Texas", the countries and provinces it names, nearby unambiguous places, the
//!    outlet's home) over a population prior.
//!
//! Byte offsets throughout; the pipeline converts to code points at the output boundary.

mod dateline;
mod layout;
mod recognize;
mod resolve;
#[cfg(test)]
mod tests;

use crate::knowledge::gazetteer::{gazetteer, PlaceRef};
use crate::model::{PlaceRecord, Sentence};

pub use dateline::dateline;

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
    /// Index into `mentions` of the dateline place alone, when the article opens with one.
    pub dateline: Option<usize>,
}

impl ArticlePlaces {
    /// The mentions lying entirely inside `start..end` (byte offsets, e.g. a sentence or a
    /// clause), with their indices into `mentions`. Binary search: cheap per sentence.
    pub fn in_range(
        &self,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = (usize, &PlaceMention)> {
        let first = self.mentions.partition_point(|m| m.start < start);
        self.mentions[first..]
            .iter()
            .enumerate()
            .take_while(move |(_, m)| m.start < end)
            .filter(move |(_, m)| m.end <= end)
            .map(move |(i, m)| (first + i, m))
    }

    /// The dateline place, or else the article's main place.
    pub fn main_place(&self) -> Option<&PlaceMention> {
        self.main.map(|i| &self.mentions[i])
    }

    /// The most specific mention (highest resolution; the first one on ties) inside
    /// `start..end`: the natural location of an event coded from that span.
    pub fn most_specific_in(&self, start: usize, end: usize) -> Option<&PlaceMention> {
        self.in_range(start, end)
            .map(|(_, m)| m)
            .fold(None, |best: Option<&PlaceMention>, m| match best {
                Some(b) if b.place.resolution >= m.place.resolution => Some(b),
                _ => Some(m),
            })
    }
}

/// Finds and disambiguates the toponyms of an article.
///
/// `sentences` may be empty (the recognizer then finds sentence starts from punctuation
/// itself); `url` is used to look up the outlet's home as weak evidence for local news.
pub fn find_places(text: &str, sentences: &[Sentence], url: Option<&str>) -> ArticlePlaces {
    if text.is_empty() {
        return ArticlePlaces::default();
    }
    let gaz = gazetteer();
    let layout = layout::Layout::new(text, sentences);
    let dateline = dateline(text);
    let toponyms = recognize::toponyms(text, &layout, dateline.clone(), gaz);
    let outlet = url.and_then(|u| gaz.outlet_home(u));
    let resolved = resolve::resolve(&toponyms, outlet, gaz);

    let mut mentions = Vec::with_capacity(toponyms.len());
    let mut places: Vec<PlaceRef> = Vec::with_capacity(toponyms.len());
    let mut main = None;
    for (t, place) in toponyms.iter().zip(resolved) {
        let Some(place) = place else { continue };
        if main.is_none() && dateline.as_ref().is_some_and(|d| d.contains(&t.start)) {
            main = Some(mentions.len());
        }
        mentions.push(PlaceMention {
            start: t.start,
            end: t.end,
            place: gaz.record(place, &text[t.start..t.end]),
        });
        places.push(place);
    }
    let dateline_place = main;
    let main = main.or_else(|| main_by_support(&places, gaz));
    ArticlePlaces {
        mentions,
        main,
        dateline: dateline_place,
    }
}

/// Without a dateline, the main place is the one the article supports most: its own mentions
/// count 1 each, mentions of the province or country containing it half each, so an article
/// that names Aleppo twice and Syria three times is about Aleppo (3.5 > 3), one that names Syria
/// five times and Aleppo once is about Syria. Ties go to the more specific place, then the first.
fn main_by_support(
    places: &[PlaceRef],
    gaz: &crate::knowledge::gazetteer::Gazetteer,
) -> Option<usize> {
    let mut best: Option<(f64, u8, usize)> = None;
    for (i, &p) in places.iter().enumerate() {
        if places[..i].contains(&p) {
            continue;
        }
        let support: f64 = places
            .iter()
            .map(|&q| {
                if q == p {
                    1.0
                } else if gaz.contains(q, p) {
                    0.5
                } else {
                    0.0
                }
            })
            .sum();
        let res = gaz.resolution(p);
        let better = match best {
            None => true,
            Some((s, r, _)) => support > s + 1e-9 || ((support - s).abs() < 1e-9 && res > r),
        };
        if better {
            best = Some((support, res, i));
        }
    }
    best.map(|(_, _, i)| i)
}
