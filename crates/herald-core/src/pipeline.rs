//! One article through every per-article stage: clean → segment → places → events.
//!
//! [`process`] is a pure function of the raw record and the built-in knowledge, so
//! callers may run it on any number of threads and in any order; the output for a given
//! record never changes.

use crate::clean;
use crate::extract::events::{code_article, ArticleInput};
use crate::extract::places::find_places;
use crate::model::{stable_id, Article, Event, Origin, RawArticle};
use crate::segment;
use chrono::NaiveDate;

/// An article and the events coded from it.
#[derive(Debug, Clone)]
pub struct Processed {
    pub article: Article,
    pub events: Vec<Event>,
}

/// A record that was read but could not be turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub origin: Origin,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

/// Parses a publication date given as `YYYY-MM-DD` or an ISO 8601 timestamp
/// (`2021-11-07T10:00:00Z`): the first ten characters must be a valid calendar day.
pub fn parse_published(value: &str) -> Result<NaiveDate, String> {
    let v = value.trim();
    let day = v.get(..10).unwrap_or(v);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map_err(|_| format!("publication date `{v}` is not a date (expected YYYY-MM-DD)"))
}

/// Runs all per-article stages on one raw record.
pub fn process(raw: &RawArticle) -> Result<Processed, Skipped> {
    let skip = |reason: String| Skipped {
        origin: raw.origin.clone(),
        reason,
    };
    let cleaned = clean::clean(raw).map_err(skip)?;
    let published = match raw.published.as_deref().or(cleaned.published.as_deref()) {
        Some(p) if !p.trim().is_empty() => Some(parse_published(p).map_err(skip)?),
        _ => None,
    };
    // The id covers the url and the exact clean text: the same record always gets the
    // same id, and a changed page (new edition of a story) is a new article.
    let id = stable_id("a", &[raw.url.as_deref().unwrap_or(""), &cleaned.text]);
    let article = Article {
        id,
        url: raw.url.clone(),
        title: cleaned.title.clone(),
        published,
        source: raw.source.clone(),
        language: "en".to_string(),
        text: cleaned.text,
        body_start: cleaned.body_start,
        duplicate_of: None,
        story_id: None,
        origin: Some(raw.origin.clone()),
    };
    let events = code(&article);
    Ok(Processed { article, events })
}

/// Codes the events of an already clean article.
pub fn code(article: &Article) -> Vec<Event> {
    let sentences = segment::sentences(&article.text);
    let places = find_places(&article.text, &sentences, article.url.as_deref());
    code_article(&ArticleInput {
        article,
        sentences: &sentences,
        places: &places,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_dates_are_validated() {
        assert_eq!(
            parse_published("2021-11-07").unwrap(),
            NaiveDate::from_ymd_opt(2021, 11, 7).unwrap()
        );
        assert_eq!(
            parse_published("2021-11-07T10:00:00Z").unwrap(),
            NaiveDate::from_ymd_opt(2021, 11, 7).unwrap()
        );
        assert!(parse_published("2021-02-30").is_err());
        assert!(parse_published("20211-01-01").is_err());
        assert!(parse_published("yesterday")
            .unwrap_err()
            .contains("YYYY-MM-DD"));
    }
}
