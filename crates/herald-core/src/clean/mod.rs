//! Clean stage: raw text or HTML to the clean text that every offset refers to.
//! OWNER: clean/segment/ingest helper. Stub until filled.

use crate::model::RawArticle;

/// The result of cleaning one raw article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// Title: from the record, the HTML `<title>`, or the first line of plain text.
    pub title: Option<String>,
    /// Clean text. If there is a title, it is the first paragraph, followed by "\n\n".
    pub text: String,
    /// Byte offset in `text` where the body starts (0 when there is no title paragraph).
    pub body_start: usize,
    /// Publication date found in the document itself (HTML meta), as written.
    pub published: Option<String>,
}

/// Cleans one raw article. Errors are a human-readable reason ("empty after cleaning").
pub fn clean(raw: &RawArticle) -> Result<Cleaned, String> {
    let _ = raw;
    Err("clean: not implemented".into())
}
