//! Clean stage: raw text or HTML to the clean text that every offset refers to.
//!
//! The clean text is the article as a reader would quote it: the title as the first
//! paragraph, then the body paragraphs, separated by exactly one blank line, with
//! page furniture (ads, photo credits, share prompts, bylines, category headers) gone
//! and whitespace normalised. Every later offset points into this string, so it must
//! be a deterministic function of the input — and rules must be about shapes that hold
//! for any outlet, not strings of the few pages we have seen.
//!
//! - [`normalize`]: characters of one line (ad shortcodes, entities, spaces).
//! - [`boilerplate`]: whole lines that are not article text.
//! - [`layout`]: header, title and paragraph structure from the surviving lines.
//! - [`html`]: main content of an HTML page (block scoring).
//! - [`metadata`]: title, publication date, authors, canonical URL, site name, language.

pub mod boilerplate;
pub mod dom;
pub mod html;
pub mod layout;
pub mod metadata;
pub mod normalize;

#[cfg(test)]
mod tests;

use crate::model::{RawArticle, RawBody};
use layout::{clean_lines, layout, text_lines, Layout};

/// The result of cleaning one raw article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// Title: from the record, the HTML `<title>`, or the first line of plain text.
    pub title: Option<String>,
    /// Clean text. If there is a title, it is the first paragraph, followed by "\n\n".
    pub text: String,
    /// Byte offset in `text` where the body starts (0 when there is no title paragraph).
    pub body_start: usize,
    /// Publication date found in the document itself (HTML meta), as written when it
    /// is ISO 8601, else normalised to `YYYY-MM-DD` from a written date.
    pub published: Option<String>,
    /// Authors the page names (meta author, JSON-LD author, `rel=author`, byline).
    pub authors: Vec<String>,
    /// The page's canonical URL (`<link rel=canonical>`, else `og:url`).
    pub canonical_url: Option<String>,
    /// The site's name (`og:site_name`, else the JSON-LD publisher).
    pub site_name: Option<String>,
    /// Primary language subtag the page declares (`<html lang="en-US">` → `en`).
    pub language: Option<String>,
}

/// Cleans one raw article. Errors are a human-readable reason ("empty after cleaning").
pub fn clean(raw: &RawArticle) -> Result<Cleaned, String> {
    let record_title = raw.title.as_deref().map(|t| {
        let mut title = String::new();
        normalize::normalize_line(t, &mut title);
        title
    });
    let record_title = record_title.filter(|t| !t.is_empty());
    match &raw.body {
        RawBody::Text(text) => {
            let lines = clean_lines(text_lines(text));
            assemble(layout(lines, record_title), None)
        }
        RawBody::Html(source) => {
            let page = html::read_page(source);
            // Each `<p>` is its own paragraph: a break after every one.
            let raw_lines = page.paragraphs.iter().flat_map(|p| [p.as_str(), ""]);
            let lines = clean_lines(raw_lines);
            let meta = page.meta;
            let page_title = meta.title.map(|t| {
                let mut title = String::new();
                normalize::normalize_line(&t, &mut title);
                title
            });
            let title = record_title.or(page_title.filter(|t| !t.is_empty()));
            // The page's own metadata first; a date in the URL ("/2021/11/07/") when the
            // page gives none.
            let published = meta
                .published
                .or_else(|| raw.url.as_deref().and_then(url_date));
            let mut cleaned = assemble(layout(lines, title), published)?;
            cleaned.authors = meta.authors;
            cleaned.canonical_url = meta.canonical_url;
            cleaned.site_name = meta.site_name;
            cleaned.language = meta.language;
            Ok(cleaned)
        }
    }
}

/// A publication day written in a URL path, as many news sites do: `/2021/11/07/`,
/// `/2021-11-07`, `/20211107/`. Returned as `YYYY-MM-DD`, validated as a calendar day;
/// a year-and-month path (`/2021/11/`) says too little and gives nothing.
pub fn url_date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let valid = |y: &str, m: &str, d: &str| {
        let (y, m, d) = (
            y.parse::<i32>().ok()?,
            m.parse::<u32>().ok()?,
            d.parse::<u32>().ok()?,
        );
        if !(1990..=2100).contains(&y) {
            return None;
        }
        chrono::NaiveDate::from_ymd_opt(y, m, d).map(|day| day.to_string())
    };
    for (i, seg) in segments.iter().enumerate() {
        if digits(seg, 4) {
            if let (Some(m), Some(d)) = (segments.get(i + 1), segments.get(i + 2)) {
                if digits(m, 2) && digits(d, 2) {
                    if let Some(day) = valid(seg, m, d) {
                        return Some(day);
                    }
                }
            }
        }
        if digits(seg, 8) {
            if let Some(day) = valid(&seg[..4], &seg[4..6], &seg[6..]) {
                return Some(day);
            }
        }
        let parts: Vec<&str> = seg.splitn(4, '-').collect();
        if parts.len() >= 3
            && digits(parts[0], 4)
            && digits(parts[1], 2)
            && parts[2].len() >= 2
            && digits(&parts[2][..2], 2)
        {
            let rest_ok = parts[2].len() == 2 || parts.len() > 3;
            if rest_ok {
                if let Some(day) = valid(parts[0], parts[1], &parts[2][..2]) {
                    return Some(day);
                }
            }
        }
    }
    None
}

/// Title + "\n\n" + paragraphs joined by "\n\n"; `body_start` just after the title.
///
/// A title-only article (some feeds carry only headlines) keeps its title as the text,
/// with `body_start` at its end: events can still be coded from a headline.
fn assemble(layout: Layout, published: Option<String>) -> Result<Cleaned, String> {
    let Layout { title, paragraphs } = layout;
    let body_len: usize = paragraphs.iter().map(|p| p.len() + 2).sum();
    let mut text = String::with_capacity(title.as_ref().map_or(0, |t| t.len() + 2) + body_len);
    if let Some(t) = &title {
        text.push_str(t);
        if !paragraphs.is_empty() {
            text.push_str("\n\n");
        }
    }
    let body_start = text.len();
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
        }
        text.push_str(p);
    }
    if text.is_empty() {
        return Err(
            "empty after cleaning: no article text left once ads, captions and \
                    share lines were removed"
                .into(),
        );
    }
    Ok(Cleaned {
        title,
        text,
        body_start,
        published,
        ..Cleaned::default()
    })
}
