//! HTML files: one page per file. The page is passed on as it is; finding the article
//! in it (title, paragraphs, date) is the clean stage's job, so that HTML arriving
//! inside JSONL records gets exactly the same treatment.

#[cfg(test)]
mod tests;

use super::{read_document, Records, Source};
use crate::model::{Origin, RawArticle, RawBody};

/// Reads one HTML page. Lazy: the file is read when the record is asked for.
pub fn read(mut source: Source) -> Records {
    Box::new(std::iter::once_with(move || {
        let html = read_document(&mut source)?;
        let defaults = &source.defaults;
        Ok(RawArticle {
            origin: Origin {
                path: source.path.clone(),
                line: None,
            },
            url: defaults.url.clone(),
            title: None,
            published: defaults.published.clone(),
            source: defaults.source.clone(),
            body: RawBody::Html(html),
        })
    }))
}
