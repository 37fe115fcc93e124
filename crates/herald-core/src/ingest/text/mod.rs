//! Plain-text files: one article per file, the whole file is the body.
//!
//! The title is not decided here: the clean stage looks at the first line, because it
//! also has to tell a headline from a category header or a dateline.

#[cfg(test)]
mod tests;

use super::{read_document, Records, Source};
use crate::model::{Origin, RawArticle, RawBody};

/// Reads one plain-text article. Lazy: the file is read when the record is asked for.
pub fn read(mut source: Source) -> Records {
    Box::new(std::iter::once_with(move || {
        let text = read_document(&mut source)?;
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
            body: RawBody::Text(text),
        })
    }))
}
