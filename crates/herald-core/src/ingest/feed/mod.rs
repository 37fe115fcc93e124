//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each `<item>`/`<entry>` is an article.
//!
//! - **Body**: `content:encoded`, else Atom `content`, else `description`/`summary`, as
//!   HTML (wrapped in `<article>` so the clean stage reads it as a page); Atom content
//!   of `type="text"` is plain text; `type="xhtml"` keeps its inline markup.
//! - **Metadata**: `title`; `link` (Atom: `rel="alternate"` or no `rel`), else a
//!   permalink `guid` or an `http` Atom `id`; `pubDate` / `published` / `dc:date`, then
//!   `updated`, in RFC 822 or RFC 3339, as `YYYY-MM-DD` in the feed's own time zone (an
//!   unreadable date is left empty for the page metadata to decide, never an error);
//!   the channel's `title` is the source. The CLI defaults fill what an item lacks.
//! - **Position**: `Origin::line` is the line of the item's opening tag.
//! - **Bounds**: a feed is read whole, up to [`MAX_FEED_BYTES`], and decoded by its BOM
//!   or XML declaration ([`super::charset::decode_xml`]).
//! - **Not a feed**: a file that is really an HTML page is read as one page; other XML
//!   (a sitemap, an OPML list) is passed over ([`IngestErrorKind::Ignored`]) with its
//!   root element named.
//!
//! Parsed with `quick-xml`, a pull parser whose only dependency is `memchr` (about 3 s
//! of build), with Herald's own mapping of the elements: `feed-rs` would do the mapping
//! but pulls in `url`, `uuid`, `mime`, `regex` features and its own date parsing for the
//! handful of fields an article needs. Feeds are often not well-formed: end-tag names
//! are not checked, HTML entities that XML does not know (`&nbsp;`, `&eacute;`) are
//! resolved from the HTML table ([`crate::clean::dom::named_entity`]), unknown ones kept
//! as written, a bare `&` is kept, and a syntax error loses the item
//! it is in (one error with its line), not the rest of the feed.

#[cfg(test)]
mod tests;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::charset::decode_xml;
use super::{read_bytes, Format, IngestError, IngestErrorKind, Records, Source};
use crate::model::{Origin, RawArticle, RawBody};

/// The largest feed read (feeds are lists of short items; this bounds memory).
pub const MAX_FEED_BYTES: u64 = 64 << 20;
/// At most this many syntax errors are stepped over before the rest of a feed is given up.
const MAX_SYNTAX_ERRORS: usize = 100;

/// Reads a feed: lazily, the whole file on the first `next()`.
pub fn read(mut source: Source) -> Records {
    let mut started = false;
    let mut items: std::vec::IntoIter<Result<RawArticle, IngestError>> = Vec::new().into_iter();
    Box::new(std::iter::from_fn(move || {
        if !started {
            started = true;
            items = read_all(&mut source).into_iter();
        }
        items.next()
    }))
}

fn read_all(source: &mut Source) -> Vec<Result<RawArticle, IngestError>> {
    let bytes = match read_bytes(source, MAX_FEED_BYTES) {
        Ok(bytes) => bytes,
        Err(err) => return vec![Err(err)],
    };
    let path = source.path.clone();
    let unreadable = |line, reason: String| Err(IngestError::unreadable(&path, line, reason));
    if bytes.trim_ascii().is_empty() {
        return vec![unreadable(None, "empty file".into())];
    }
    let detected = Format::detect(&bytes[..bytes.len().min(16 << 10)]);
    if detected.format == Format::Html {
        // A "feed" that is a page (an error page, a login wall, a site that moved):
        // read it as what it is.
        return vec![super::html::page_article(&bytes, &path, &source.defaults)];
    }
    if bytes[..bytes.len().min(1024)].contains(&0)
        && !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF])
    {
        return vec![unreadable(None, "binary file (NUL bytes)".into())];
    }
    let text = decode_xml(&bytes).text;
    let mut parsed = parse(&text);
    if parsed.not_a_feed {
        // A sitemap or another XML file among the inputs: not an input format.
        let reason = parsed.fatal.take().unwrap_or_default();
        return vec![Err(IngestError {
            origin: Origin { path, line: None },
            reason,
            kind: IngestErrorKind::Ignored,
        })];
    }
    if let Some(reason) = parsed.fatal.take() {
        parsed.items.push(Err((None, reason)));
    }
    let defaults = &source.defaults;
    let channel_source = parsed.channel_title.clone();
    parsed
        .items
        .into_iter()
        .map(|item| match item {
            Ok(item) => item
                .into_article(&path, defaults, channel_source.clone())
                .map_err(|(line, reason)| IngestError::unreadable(&path, line, reason)),
            Err((line, reason)) => unreadable(line, reason),
        })
        .collect()
}

/// One item as read from the feed.
#[derive(Debug, Default)]
struct Item {
    line: u64,
    title: Option<String>,
    link: Option<String>,
    alternate: Option<String>,
    guid: Option<String>,
    encoded: Option<String>,
    content: Option<String>,
    /// Atom `type="text"` content or summary: plain text, not HTML.
    content_is_text: bool,
    description: Option<String>,
    description_is_text: bool,
    published: Option<String>,
    updated: Option<String>,
}

impl Item {
    fn into_article(
        self,
        path: &str,
        defaults: &super::InputDefaults,
        channel: Option<String>,
    ) -> Result<RawArticle, (Option<u64>, String)> {
        let line = Some(self.line);
        let body = [
            (self.encoded, false),
            (self.content, self.content_is_text),
            (self.description, self.description_is_text),
        ]
        .into_iter()
        .find_map(|(text, plain)| text.filter(|t| !t.trim().is_empty()).map(|t| (t, plain)));
        let Some((body, plain)) = body else {
            let what = match &self.title {
                Some(title) => format!("feed item `{}` has no text", clip(title)),
                None => "feed item has no text".to_string(),
            };
            return Err((
                line,
                format!(
                    "{what} (no content:encoded, content, description or summary: only its page has the article)"
                ),
            ));
        };
        let url = self
            .alternate
            .or(self.link)
            .or(self.guid)
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty());
        let published = self
            .published
            .as_deref()
            .and_then(feed_date)
            .or_else(|| self.updated.as_deref().and_then(feed_date));
        Ok(RawArticle {
            origin: Origin {
                path: path.to_string(),
                line,
            },
            url: defaults.fill(url, &defaults.url),
            title: self.title.filter(|t| !t.trim().is_empty()),
            published: defaults.fill(published, &defaults.published),
            source: defaults.fill(channel, &defaults.source),
            body: if plain {
                RawBody::Text(body)
            } else {
                RawBody::Html(format!(
                    "<!doctype html><html><body><article>{body}</article></body></html>"
                ))
            },
        })
    }
}

fn clip(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// What a feed holds.
#[derive(Default)]
struct Parsed {
    channel_title: Option<String>,
    items: Vec<Result<Item, (Option<u64>, String)>>,
    /// Why the feed could not be read at all (not a feed, or given up).
    fatal: Option<String>,
    /// XML, well-formed enough, with another root element (a sitemap, OPML).
    not_a_feed: bool,
}

/// Which field of an item text goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Guid,
    Encoded,
    Content,
    Description,
    Published,
    Updated,
    ChannelTitle,
}

/// Parses a decoded feed.
fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.expand_empty_elements = false;
    config.trim_text(false);

    let mut lines = LineCounter::new(text);
    let mut stack: Vec<String> = Vec::new();
    let mut root_seen = false;
    let mut item: Option<Item> = None;
    let mut item_broken: Option<String> = None;
    let mut field: Option<(Field, usize)> = None;
    let mut buf = String::new();
    let mut errors = 0;

    loop {
        let before = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                let line = lines.line_at(before as usize);
                errors += 1;
                let reason = format!("malformed XML at line {line}: {err}");
                if item.is_some() {
                    item_broken.get_or_insert(reason);
                } else if !root_seen {
                    parsed.fatal = Some(format!("not a readable feed: {reason}"));
                    return parsed;
                } else {
                    parsed.items.push(Err((Some(line), reason)));
                }
                if errors >= MAX_SYNTAX_ERRORS || reader.buffer_position() <= before {
                    if let Some(it) = item.take() {
                        let reason = item_broken.take().unwrap_or_default();
                        parsed.items.push(Err((Some(it.line), reason)));
                    }
                    parsed.fatal = Some(format!(
                        "reading stopped at line {line}: the XML is too damaged to go on"
                    ));
                    return parsed;
                }
                continue;
            }
        };
        match event {
            Event::Eof => break,
            Event::Start(start) => {
                let name = qname(&start);
                if !root_seen {
                    root_seen = true;
                    match name.as_str() {
                        "rss" | "feed" | "rdf:rdf" => {}
                        other => {
                            parsed.not_a_feed = true;
                            parsed.fatal = Some(format!(
                                "XML but not an RSS or Atom feed (root element <{other}>)"
                            ));
                            return parsed;
                        }
                    }
                }
                let depth = stack.len();
                if field.is_none() {
                    if let Some(it) = item.as_mut() {
                        if let Some(f) = item_field(&name, &start, it) {
                            if f == Field::Content
                                && attr(&start, "type").as_deref() == Some("xhtml")
                            {
                                // Inline XHTML: keep the markup as written.
                                match reader.read_to_end(start.name()) {
                                    Ok(span) => {
                                        let inner = text
                                            .get(span.start as usize..span.end as usize)
                                            .unwrap_or("");
                                        it.content = Some(inner.to_string());
                                    }
                                    Err(err) => {
                                        item_broken.get_or_insert(format!("malformed XML: {err}"));
                                    }
                                }
                                continue;
                            }
                            field = Some((f, depth));
                            buf.clear();
                        }
                    } else if name == "item" || name == "entry" {
                        let line = lines.line_at(before as usize);
                        item = Some(Item {
                            line,
                            ..Item::default()
                        });
                        item_broken = None;
                    } else if name == "title"
                        && parsed.channel_title.is_none()
                        && matches!(stack.last().map(String::as_str), Some("channel" | "feed"))
                    {
                        field = Some((Field::ChannelTitle, depth));
                        buf.clear();
                    }
                } else {
                    // Markup inside a field (HTML written unescaped): keep it as text.
                    buf.push_str(&raw_tag(&start, false));
                }
                stack.push(name);
            }
            Event::Empty(start) => {
                let name = qname(&start);
                if field.is_some() {
                    buf.push_str(&raw_tag(&start, true));
                } else if let Some(it) = item.as_mut() {
                    if name == "link" {
                        atom_link(&start, it);
                    }
                }
            }
            Event::End(_) => {
                let Some(name) = stack.pop() else {
                    continue;
                };
                if stack.is_empty() && field.is_none() && item.is_none() {
                    break; // the root is closed: whatever follows is not the feed
                }
                let depth = stack.len();
                if let Some((f, at)) = field {
                    if depth > at {
                        buf.push_str(&format!("</{name}>"));
                        continue;
                    }
                    field = None;
                    let value = std::mem::take(&mut buf);
                    if f == Field::ChannelTitle {
                        let title = plain_text(&value);
                        if !title.is_empty() {
                            parsed.channel_title = Some(title);
                        }
                    } else if let Some(it) = item.as_mut() {
                        store(it, f, value);
                    }
                    continue;
                }
                if name == "item" || name == "entry" {
                    if let Some(it) = item.take() {
                        match item_broken.take() {
                            Some(reason) => parsed.items.push(Err((Some(it.line), reason))),
                            None => parsed.items.push(Ok(it)),
                        }
                    }
                }
            }
            Event::Text(t) if field.is_some() => {
                let raw = String::from_utf8_lossy(t.as_ref());
                buf.push_str(&unescape(&raw));
            }
            Event::CData(t) if field.is_some() => {
                buf.push_str(&String::from_utf8_lossy(t.as_ref()));
            }
            _ => {}
        }
    }
    if !root_seen {
        parsed.fatal = Some("XML without any element: not a feed".into());
    }
    if let Some(it) = item.take() {
        let reason = item_broken
            .take()
            .unwrap_or_else(|| "the feed ends inside this item (file truncated?)".into());
        parsed.items.push(Err((Some(it.line), reason)));
    }
    if root_seen && parsed.items.is_empty() && parsed.fatal.is_none() {
        parsed.fatal = Some("feed without any item or entry".into());
    }
    parsed
}

/// The lower-case qualified name of an element (`content:encoded`, `rdf:rdf`).
fn qname(start: &BytesStart) -> String {
    String::from_utf8_lossy(start.name().as_ref()).to_ascii_lowercase()
}

fn attr(start: &BytesStart, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref().eq_ignore_ascii_case(name.as_bytes()))
        .map(|a| {
            unescape(&String::from_utf8_lossy(&a.value))
                .trim()
                .to_string()
        })
}

/// Which item field an element opens, noting its kind (text or HTML).
fn item_field(name: &str, start: &BytesStart, item: &mut Item) -> Option<Field> {
    let text_type = || attr(start, "type").is_some_and(|t| t.eq_ignore_ascii_case("text"));
    match name {
        "title" => Some(Field::Title),
        "link" => {
            // Atom links are empty elements with `href`; some write `<link href=..></link>`.
            if attr(start, "href").is_some() {
                atom_link(start, item);
                None
            } else {
                Some(Field::Link)
            }
        }
        "guid" => {
            let permalink =
                attr(start, "ispermalink").is_none_or(|v| !v.eq_ignore_ascii_case("false"));
            permalink.then_some(Field::Guid)
        }
        "id" => Some(Field::Guid),
        "content:encoded" => Some(Field::Encoded),
        "content" => {
            item.content_is_text = text_type();
            Some(Field::Content)
        }
        "description" | "summary" => {
            item.description_is_text = name == "summary" && text_type();
            Some(Field::Description)
        }
        "pubdate" | "published" | "dc:date" | "issued" => Some(Field::Published),
        "updated" | "modified" => Some(Field::Updated),
        _ => None,
    }
}

/// An Atom `<link href=… rel=…/>`: the alternate (or rel-less) link is the article's.
fn atom_link(start: &BytesStart, item: &mut Item) {
    let Some(href) = attr(start, "href") else {
        return;
    };
    match attr(start, "rel").as_deref() {
        None | Some("alternate") => {
            item.alternate.get_or_insert(href);
        }
        _ => {
            item.link.get_or_insert(href);
        }
    }
}

fn store(item: &mut Item, field: Field, value: String) {
    let slot = match field {
        Field::Title => {
            item.title.get_or_insert(plain_text(&value));
            return;
        }
        Field::Link => &mut item.link,
        Field::Guid => {
            let v = value.trim();
            if v.starts_with("http://") || v.starts_with("https://") {
                item.guid.get_or_insert(v.to_string());
            }
            return;
        }
        Field::Encoded => &mut item.encoded,
        Field::Content => &mut item.content,
        Field::Description => &mut item.description,
        Field::Published => &mut item.published,
        Field::Updated => &mut item.updated,
        Field::ChannelTitle => return,
    };
    if slot.is_none() && !value.trim().is_empty() {
        *slot = Some(value);
    }
}

/// A start tag written back as markup (HTML written unescaped inside a description).
fn raw_tag(start: &BytesStart, empty: bool) -> String {
    let raw = String::from_utf8_lossy(start);
    if empty {
        format!("<{raw}/>")
    } else {
        format!("<{raw}>")
    }
}

/// Text for a title: entities decoded a second time (feeds often escape twice), tags
/// dropped, whitespace collapsed.
fn plain_text(value: &str) -> String {
    let once = unescape(value);
    let mut out = String::with_capacity(once.len());
    let mut in_tag = false;
    for c in once.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    // `<` not closing a tag (a title about "x < y"): keep the text as decoded.
    if in_tag {
        out = once.clone();
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes XML character references and entities, and the HTML named entities feeds
/// use; anything else (`AT&T`, an unknown `&foo;`) is kept as written.
pub fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .char_indices()
            .take(32)
            .find(|&(_, c)| c == ';' || c == '&' || c.is_whitespace() || c == '<')
            .filter(|&(_, c)| c == ';')
            .map(|(i, _)| i + 1);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                code.and_then(char::from_u32).map(String::from)
            } else {
                crate::clean::dom::named_entity(name).map(String::from)
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A feed date as `YYYY-MM-DD`, in the time zone the feed wrote it in: RFC 3339 /
/// ISO 8601 (`2023-03-14T10:00:00Z`, `2023-03-14`), RFC 822 (`Tue, 14 Mar 2023
/// 10:00:00 GMT`, with two-digit years or without the weekday) and the loose
/// day-month-year forms feeds actually write.
pub fn feed_date(value: &str) -> Option<String> {
    let v = value.trim();
    let valid = |y: i32, m: u32, d: u32| {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .filter(|_| (1990..=2100).contains(&y))
            .map(|day| day.to_string())
    };
    if let Some(iso) = v.get(..10) {
        let b = iso.as_bytes();
        if b[4] == b'-' && b[7] == b'-' {
            if let (Ok(y), Ok(m), Ok(d)) = (iso[..4].parse(), iso[5..7].parse(), iso[8..10].parse())
            {
                return valid(y, m, d);
            }
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(v) {
        return Some(dt.date_naive().to_string()).filter(|d| d.as_str() >= "1990");
    }
    // Loose RFC 822: "14 Mar 2023", "Tue, 14 March 2023 10:00 EST", "14 Mar 23".
    let words: Vec<&str> = v
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for w in words.windows(3) {
        let Ok(d) = w[0].parse::<u32>() else { continue };
        let Some(m) = month(w[1]) else { continue };
        let Ok(y) = w[2].parse::<i32>() else { continue };
        let y = match (w[2].len(), y) {
            (2, y) if y < 70 => 2000 + y,
            (2, y) => 1900 + y,
            (4, y) => y,
            _ => continue,
        };
        return valid(y, m, d);
    }
    None
}

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if w.len() < 3 {
        return None;
    }
    months
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// Byte offset to 1-based line number, moving forward through the text.
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: usize) -> u64 {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            self.at = 0;
            self.line = 1;
        }
        self.line += self.text[self.at..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.at = offset;
        self.line
    }
}
