//! HTML files: one page per file. The page is passed on as it is; finding the article
//! in it (title, paragraphs, date) is the clean stage's job, so that HTML arriving
//! inside JSONL records gets exactly the same treatment.
//!
//! Pages in any encoding are read ([`super::charset::decode_html`]: BOM, `<meta>`,
//! detection); a page is at most [`super::MAX_DOCUMENT_BYTES`].

#[cfg(test)]
mod tests;

use super::charset::decode_html;
use super::{read_bytes, IngestError, InputDefaults, Records, Source, MAX_DOCUMENT_BYTES};
use crate::model::{Origin, RawArticle, RawBody};

/// Reads one HTML page. Lazy: the file is read when the record is asked for.
pub fn read(mut source: Source) -> Records {
    Box::new(std::iter::once_with(move || {
        let bytes = read_bytes(&mut source, MAX_DOCUMENT_BYTES)?;
        page_article(&bytes, &source.path, &source.defaults)
    }))
}

/// One page file as an article, the CLI defaults filling what a saved page lacks.
pub fn page_article(
    bytes: &[u8],
    path: &str,
    defaults: &InputDefaults,
) -> Result<RawArticle, IngestError> {
    let html = page_text(bytes, defaults.url.as_deref())
        .map_err(|reason| IngestError::unreadable(path, None, reason))?;
    Ok(RawArticle {
        origin: Origin {
            path: path.to_string(),
            line: None,
        },
        url: defaults.url.clone(),
        title: None,
        published: defaults.published.clone(),
        source: defaults.source.clone(),
        body: RawBody::Html(html),
    })
}

/// The text of a page file, or why there is none.
pub fn page_text(bytes: &[u8], url: Option<&str>) -> Result<String, String> {
    if bytes.trim_ascii().is_empty() {
        return Err("empty file".into());
    }
    decode_html(bytes, None, url).map(|d| d.text)
}
