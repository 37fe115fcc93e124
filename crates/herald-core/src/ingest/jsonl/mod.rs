//! JSON Lines: one article per line, `{"url", "title", "published", "source", "text" | "html"}`.
//!
//! Read line by line through one reusable buffer, so memory is bounded by the longest
//! line, not the file: a 1 GB crawl streams. Each bad line is one error naming its
//! 1-based line number, and the lines after it are still read; blank lines are not
//! records and are skipped silently (editors and `cat a b` leave them behind).

#[cfg(test)]
mod tests;

use std::io::BufRead;
use std::sync::Arc;

use serde::Deserialize;

use super::{io_reason, IngestError, InputDefaults, Records, Source};
use crate::model::{Origin, RawArticle, RawBody};

/// Reads a JSONL stream lazily, one record per non-blank line.
pub fn read(source: Source) -> Records {
    Box::new(JsonlRecords {
        path: source.path,
        input: source.input,
        defaults: source.defaults,
        buf: Vec::new(),
        line: 0,
        seen_content: false,
        done: false,
    })
}

/// One line as written by scrapers. Unknown fields are ignored, so richer exports
/// (e.g. with `authors` or `language`) read without configuration.
#[derive(Deserialize)]
#[serde(expecting = "a JSON object with `text` or `html`")]
struct Line {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
}

struct JsonlRecords {
    path: String,
    input: Box<dyn BufRead>,
    defaults: Arc<InputDefaults>,
    buf: Vec<u8>,
    /// 1-based number of the line in `buf`.
    line: u64,
    /// Whether any non-blank line was met (an all-blank file is an "empty file").
    seen_content: bool,
    done: bool,
}

impl JsonlRecords {
    fn error(&self, line: Option<u64>, reason: impl Into<String>) -> IngestError {
        IngestError::unreadable(&self.path, line, reason)
    }

    /// Turns the current line into a record, or the reason it is not one.
    fn record(&self, bytes: &[u8]) -> Result<RawArticle, String> {
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                let at = err.valid_up_to();
                return Err(format!("invalid UTF-8 at byte {at} of the line"));
            }
        };
        if !text.starts_with('{') {
            // serde would read `["a","b"]` as a struct in field order: refuse it here.
            return Err("not a JSON object (each line must be one `{...}` record)".into());
        }
        let line: Line = serde_json::from_str(text).map_err(json_reason)?;
        let body = match (line.text, line.html) {
            (Some(text), _) if !text.trim().is_empty() => RawBody::Text(text),
            (_, Some(html)) if !html.trim().is_empty() => RawBody::Html(html),
            (None, None) => return Err("record has neither `text` nor `html`".into()),
            _ => return Err("record has an empty `text`/`html`".into()),
        };
        let defaults = &self.defaults;
        Ok(RawArticle {
            origin: Origin {
                path: self.path.clone(),
                line: Some(self.line),
            },
            url: defaults.fill(line.url, &defaults.url),
            title: line.title.filter(|t| !t.trim().is_empty()),
            published: defaults.fill(line.published, &defaults.published),
            source: defaults.fill(line.source, &defaults.source),
            body,
        })
    }
}

impl Iterator for JsonlRecords {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            if self.line == 0 {
                // A binary file may have no newline for megabytes: look before reading lines.
                match self.input.fill_buf() {
                    Ok(head) if head.contains(&0) => {
                        self.done = true;
                        return Some(Err(self.error(None, "binary file (NUL bytes)")));
                    }
                    _ => {}
                }
            }
            self.buf.clear();
            match self.input.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    if !self.seen_content {
                        return Some(Err(self.error(None, "empty file")));
                    }
                    return None;
                }
                Ok(_) => self.line += 1,
                Err(err) => {
                    self.done = true;
                    return Some(Err(self.error(Some(self.line + 1), io_reason(&err))));
                }
            }
            let mut bytes = self.buf.as_slice();
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            let bytes = bytes.trim_ascii();
            if bytes.is_empty() {
                continue;
            }
            self.seen_content = true;
            if bytes.contains(&0) {
                self.done = true;
                return Some(Err(self.error(Some(self.line), "binary data (NUL bytes)")));
            }
            return Some(
                self.record(bytes)
                    .map_err(|reason| self.error(Some(self.line), reason)),
            );
        }
        None
    }
}

/// serde_json's message without its "at line 1" (always 1: we parse one line), with
/// the column kept so the user can find the spot.
fn json_reason(err: serde_json::Error) -> String {
    use serde_json::error::Category;
    let message = err.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    let message = message.replace("EOF while parsing", "line ended inside");
    let what = match err.classify() {
        Category::Data => "malformed record",
        _ => "malformed JSON",
    };
    format!("{what}: {message} at column {}", err.column())
}
