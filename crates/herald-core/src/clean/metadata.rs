//! Page metadata: title, publication date, authors, canonical URL, site name, language.
//!
//! [`MetaCollector`] is fed every element of the page by the HTML walk (one pass, no
//! extra tree traversals) and keeps only what it needs, with bounded counts and text
//! lengths; [`MetaCollector::finish`] then picks each field from the most explicit
//! source the page offers.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use super::dom::{Element, NodeRef, Value};

use super::html::strip_site_suffix;

/// The metadata fields of a page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    /// The story's text as the page's JSON-LD gives it (`articleBody`), for pages whose
    /// HTML is a shell that scripts fill.
    pub article_body: Option<String>,
}

/// At most this many items of each kind are kept (hostile pages repeat tags).
const MAX_ITEMS: usize = 24;
/// At most this many characters of an element's text are read.
const MAX_TEXT: usize = 300;

#[derive(Debug, Default)]
pub struct MetaCollector {
    lang: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    /// (lower-case name/property/itemprop, content).
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    json_ld: Vec<String>,
    /// `<time datetime>` values, with whether the element says it is the publication time.
    times: Vec<(String, bool)>,
    /// Text of elements whose class/id speaks of a date, with whether it says published.
    date_texts: Vec<(String, bool)>,
    /// Author names from `rel=author`, `itemprop=author` and byline elements.
    author_texts: Vec<String>,
    /// Text blocks read since the first `<h1>` (none before it).
    blocks_after_h1: Option<usize>,
    /// A short line near the headline that holds a date ("March 20, 2023 | 9:14 am").
    date_line: Option<String>,
    /// Whether that line is in local time (it names neither GMT nor UTC).
    date_line_local: bool,
    /// The page's headline as its metadata gives it (lower case), read at the first block.
    headlines: Option<Vec<String>>,
    /// Blocks read since the last one that repeats the headline.
    blocks_after_headline: Option<usize>,
    /// A date line under a block that repeats the headline, and whether it is local time.
    headline_date_line: Option<(String, bool)>,
    /// Elements seen so far (a bound for the work spent on hostile pages).
    seen: usize,
}

/// Text of a subtree (lazy, iterative), cut at `MAX_TEXT` characters.
fn text_of(node: NodeRef<'_>) -> String {
    let mut out = String::new();
    for t in node.texts() {
        out.push(' ');
        out.push_str(t);
        if out.len() > MAX_TEXT {
            let mut cut = MAX_TEXT;
            while !out.is_char_boundary(cut) {
                cut -= 1;
            }
            out.truncate(cut);
            break;
        }
    }
    collapse(&out)
}

/// Full text of a small element such as `<script>` or `<title>` (direct text children).
fn own_text(node: NodeRef<'_>) -> String {
    let mut out = String::new();
    for n in node.children() {
        if let Value::Text(t) = n.value() {
            out.push_str(t);
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` has the words of `lower` (already collapsed and lower-cased), in any
/// case and spacing.
fn same_words_any_case(text: &str, lower: &str) -> bool {
    // Quick rejections first: most blocks are far longer or shorter than a headline, or
    // start with another letter.
    let trimmed = text.trim_start();
    if trimmed.len() * 2 < lower.len() || trimmed.len() > lower.len() * 3 + 16 {
        return false;
    }
    let first = |s: &str| s.chars().next().map(|c| c.to_lowercase().next());
    if first(trimmed) != first(lower) {
        return false;
    }
    let mut theirs = lower.split(' ');
    for word in text.split_whitespace() {
        let Some(other) = theirs.next() else {
            return false;
        };
        if !word.chars().flat_map(char::to_lowercase).eq(other.chars()) {
            return false;
        }
    }
    theirs.next().is_none()
}

fn class_id_words(e: &Element<'_>) -> (bool, bool, bool) {
    // (date-like, published-like, author-like)
    let (mut date, mut published, mut author) = (false, false, false);
    // Jumps between candidate first letters with memchr: this runs for most elements
    // of every page.
    let has = |hay: &str, needle: &str| {
        let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
        let (lower, upper) = (needle[0], needle[0].to_ascii_uppercase());
        memchr::memchr2_iter(lower, upper, hay).any(|at| {
            hay.get(at..at + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        })
    };
    for attr in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        date |= has(attr, "date") || has(attr, "time") || has(attr, "posted");
        published |= has(attr, "publish") || has(attr, "posted");
        author |= has(attr, "byline") || has(attr, "author");
    }
    (date, published, author)
}

impl MetaCollector {
    /// Looks at one element of the page (called in document order).
    /// `aside`: the element sits in page furniture or a skipped part (`<head>` and
    /// scripts count as skipped: their metadata is read, their visible text is not).
    pub fn element(&mut self, node: NodeRef<'_>, e: &Element<'_>, aside: bool) {
        self.seen += 1;
        let name = e.name();
        match name {
            "html" if self.lang.is_none() => {
                self.lang = e.attr("lang").or(e.attr("xml:lang")).and_then(language_tag);
            }
            "title" if self.title.is_none() && !node.ancestors().any(is_svg) => {
                self.title = Some(collapse(&own_text(node)));
            }
            "h1" if self.h1.is_none() => {
                self.h1 = Some(text_of(node));
                self.blocks_after_h1 = Some(0);
            }
            "meta" => {
                let key = e
                    .attr("property")
                    .or(e.attr("name"))
                    .or(e.attr("itemprop"))
                    .or(e.attr("http-equiv"));
                if let (Some(key), Some(content)) = (key, e.attr("content")) {
                    if self.metas.len() < 4 * MAX_ITEMS {
                        self.metas
                            .push((key.trim().to_ascii_lowercase(), content.trim().to_string()));
                    }
                }
            }
            "link" => {
                let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && self.canonical.is_none() {
                    self.canonical = e.attr("href").map(|h| h.trim().to_string());
                }
            }
            "script" => {
                let is_ld = e
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_ld && self.json_ld.len() < MAX_ITEMS {
                    self.json_ld.push(own_text(node));
                }
            }
            _ => {}
        }
        if self.seen > 200_000 || (aside && name != "meta") {
            return;
        }
        let itemprop = e.attr("itemprop").unwrap_or("");
        if name == "time" || itemprop == "datePublished" {
            let value = e.attr("datetime").or(e.attr("content"));
            let marked = e.attr("pubdate").is_some() || itemprop == "datePublished";
            if self.times.len() < MAX_ITEMS {
                match value {
                    Some(v) => self.times.push((v.trim().to_string(), marked)),
                    None if marked => self.times.push((text_of(node), true)),
                    None => {}
                }
            }
        }
        if itemprop == "author" || e.attr("rel").is_some_and(|r| r.contains("author")) {
            if self.author_texts.len() < MAX_ITEMS {
                let name = node
                    .descendants()
                    .find_map(|d| {
                        let de = d.element()?;
                        (de.attr("itemprop") == Some("name")).then_some((d, de))
                    })
                    .map(|(d, de)| {
                        de.attr("content")
                            .map(str::to_string)
                            .unwrap_or_else(|| text_of(d))
                    })
                    .or_else(|| e.attr("content").map(str::to_string))
                    .unwrap_or_else(|| text_of(node));
                self.author_texts.push(name);
            }
            return;
        }
        if matches!(name, "html" | "body" | "head" | "main" | "article") {
            return;
        }
        let (date, published, author) = class_id_words(e);
        if date && self.date_texts.len() < MAX_ITEMS {
            self.date_texts.push((text_of(node), published));
        }
        if author && self.author_texts.len() < MAX_ITEMS {
            let text = text_of(node);
            if let Some(rest) = text
                .strip_prefix("By ")
                .or_else(|| text.strip_prefix("by "))
                .or_else(|| text.strip_prefix("BY "))
            {
                self.author_texts.push(rest.to_string());
            } else if text.split_whitespace().count() <= 4 {
                self.author_texts.push(text);
            }
        }
    }

    /// Looks at one text block of the page (in document order): a short line holding
    /// a date among the few blocks after the headline is the visible date line.
    pub fn block(&mut self, text: &str, aside: bool) {
        self.headline_block(text, aside);
        let Some(n) = self.blocks_after_h1.as_mut() else {
            return;
        };
        *n += 1;
        if *n > 8 || aside || self.date_line.is_some() || text.len() > 150 {
            return;
        }
        let words = text.split_whitespace().count();
        if words <= 12 {
            self.date_line = text_date(text);
            self.date_line_local = !names_utc(text);
        }
    }

    /// The first `<h1>` is not always the headline (a masthead, a logo), and some pages
    /// set their headline in another element: a block that repeats the title the
    /// metadata gives is the headline, and a short date line soon under it is the
    /// article's.
    fn headline_block(&mut self, text: &str, aside: bool) {
        if self.headline_date_line.is_some() {
            return;
        }
        if self.headlines.is_none() {
            let titles = [
                self.meta(&["og:title"]),
                self.meta(&["twitter:title"]),
                self.title.as_deref(),
            ];
            self.headlines = Some(
                titles
                    .into_iter()
                    .flatten()
                    .flat_map(headline_forms)
                    .collect(),
            );
        }
        // Compared word by word without building the block's lower-case form: the walk
        // hands over thousands of blocks per page.
        if text.len() <= MAX_TEXT
            && self
                .headlines
                .iter()
                .flatten()
                .any(|h| same_words_any_case(text, h))
        {
            self.blocks_after_headline = Some(0);
            return;
        }
        let Some(n) = self.blocks_after_headline.as_mut() else {
            return;
        };
        *n += 1;
        // The line right under the headline is the article's even when the page builds
        // its date bar as a navigation list; further down, furniture is other pages'.
        let furniture = aside && *n > 1;
        if *n > 8 || furniture || text.len() > 150 || text.split_whitespace().count() > 12 {
            return;
        }
        if let Some(day) = text_date(text) {
            self.headline_date_line = Some((day, !names_utc(text)));
        }
    }

    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(name, content)| name == k && !content.is_empty())
                .map(|(_, c)| c.as_str())
        })
    }

    /// Picks each field from the most explicit source.
    pub fn finish(self) -> Metadata {
        let ld: Vec<serde_json::Value> = self
            .json_ld
            .iter()
            .filter_map(|s| serde_json::from_str(s.trim()).ok())
            .collect();
        let ld_str = |key: &str| -> Option<String> {
            ld.iter().find_map(|v| {
                find_key(v, key)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            })
        };
        let title = [
            self.meta(&["og:title", "twitter:title"])
                .map(|t| strip_site_suffix(&collapse(t)).to_string()),
            ld_str("headline").map(|t| collapse(&t)),
            self.title
                .as_deref()
                .map(|t| strip_site_suffix(t).to_string()),
            self.h1.clone(),
        ]
        .into_iter()
        .flatten()
        .find(|t| !t.is_empty());

        let published = self.published(&ld);

        let mut authors = Vec::new();
        let mut add = |raw: &str| {
            for name in split_authors(raw) {
                if !authors
                    .iter()
                    .any(|a: &String| a.eq_ignore_ascii_case(&name))
                {
                    authors.push(name);
                }
            }
        };
        for v in &ld {
            if let Some(a) = find_key(v, "author") {
                for name in json_names(a) {
                    add(&name);
                }
            }
        }
        if let Some(a) = self.meta(&["author", "article:author", "dc.creator", "byl"]) {
            add(a);
        }
        for a in &self.author_texts {
            add(a);
        }

        let canonical_url = self
            .canonical
            .clone()
            .filter(|c| !c.is_empty())
            .or_else(|| self.meta(&["og:url"]).map(str::to_string));
        let site_name = self
            .meta(&["og:site_name"])
            .map(collapse)
            .or_else(|| {
                ld.iter().find_map(|v| {
                    find_key(v, "publisher")
                        .and_then(|p| json_names(p).into_iter().next())
                        .map(|n| collapse(&n))
                })
            })
            .or_else(|| self.meta(&["application-name"]).map(collapse))
            .filter(|s| !s.is_empty());
        let language = self.lang.clone().or_else(|| {
            self.meta(&["content-language", "og:locale", "language", "dc.language"])
                .and_then(language_tag)
        });
        Metadata {
            title,
            published,
            authors,
            canonical_url,
            site_name,
            language,
            article_body: ld_str("articleBody").filter(|b| !b.trim().is_empty()),
        }
    }

    /// The publication date: the most explicit source's, written in the publisher's
    /// own time zone where the page allows.
    fn published(&self, ld: &[serde_json::Value]) -> Option<String> {
        let best = self.declared_published(ld)?;
        let Some((utc, Some(0))) = timestamp(&best) else {
            return Some(best);
        };
        // A UTC timestamp is a conversion: the publisher's day may be the one before or
        // after. Another declared publication time of the same instant that carries the
        // publisher's offset says which.
        let same_instant = self.declared_times(ld).into_iter().find(|v| {
            timestamp(v).is_some_and(|(local, offset)| match offset {
                Some(o) if o != 0 => {
                    let at_utc = local - chrono::Duration::minutes(i64::from(o));
                    (at_utc - utc).num_minutes().abs() <= 1
                }
                _ => false,
            })
        });
        if same_instant.is_some() {
            return same_instant;
        }
        // Else the day the page shows its readers is written in local time.
        if let Some(day) = self.visible_day() {
            if day != utc.date().to_string() && utc_day_may_be(&best, &day) {
                return Some(day);
            }
        }
        Some(best)
    }

    /// Every publication time the page declares in its metadata, in no particular
    /// order of trust (for cross-checking one against another).
    fn declared_times(&self, ld: &[serde_json::Value]) -> Vec<String> {
        let re = raw_date_published();
        let mut out: Vec<String> = self
            .metas
            .iter()
            .filter(|(k, _)| {
                matches!(
                    k.as_str(),
                    "article:published_time" | "og:article:published_time" | "datepublished"
                )
            })
            .map(|(_, v)| v.clone())
            .collect();
        out.extend(ld.iter().filter_map(|v| {
            find_key(v, "datePublished")
                .and_then(|d| d.as_str())
                .map(str::to_string)
        }));
        for s in &self.json_ld {
            out.extend(
                re.captures_iter(s)
                    .take(MAX_ITEMS)
                    .filter_map(|c| Some(c.get(1)?.as_str().to_string())),
            );
        }
        out.extend(
            self.times
                .iter()
                .filter(|(_, marked)| *marked)
                .map(|(v, _)| v.clone()),
        );
        out
    }

    /// The publication day as the page shows it to readers in local time: a text
    /// marked as the publication date, the date line under the headline, a date-named
    /// element. Texts that say they are in GMT or UTC are conversions too.
    fn visible_day(&self) -> Option<String> {
        let is_timestamp = |v: &str| {
            v.get(..4)
                .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
        };
        let local_date = |t: &str| text_date(t).filter(|_| !names_utc(t));
        self.times
            .iter()
            .filter(|(v, marked)| *marked && !is_timestamp(v))
            .find_map(|(v, _)| local_date(v))
            .or_else(|| {
                let (day, local) = self.headline_date_line.as_ref()?;
                Some(day.clone()).filter(|_| *local)
            })
            .or_else(|| {
                self.date_texts
                    .iter()
                    .filter(|(_, p)| *p)
                    .find_map(|(t, _)| local_date(t))
            })
            .or_else(|| self.date_texts.iter().find_map(|(t, _)| local_date(t)))
            .or_else(|| self.date_line.clone().filter(|_| self.date_line_local))
    }

    /// The publication date, from the most to the least explicit source.
    fn declared_published(&self, ld: &[serde_json::Value]) -> Option<String> {
        let from_meta = |keys: &[&str]| -> Option<String> {
            keys.iter().find_map(|k| {
                self.metas
                    .iter()
                    .filter(|(name, _)| name == k)
                    .find_map(|(_, c)| normalize_date(c))
            })
        };
        from_meta(&["article:published_time", "og:article:published_time"])
            .or_else(|| {
                ld.iter().find_map(|v| {
                    find_key(v, "datePublished")
                        .and_then(|d| d.as_str())
                        .and_then(normalize_date)
                })
            })
            .or_else(|| {
                // JSON-LD that does not parse (trailing commas, raw newlines) still names
                // its date plainly.
                let re = raw_date_published();
                self.json_ld.iter().find_map(|s| {
                    re.captures(s)
                        .and_then(|c| normalize_date(c.get(1)?.as_str()))
                })
            })
            .or_else(|| from_meta(&["datepublished"]))
            .or_else(|| {
                self.times
                    .iter()
                    .filter(|(_, marked)| *marked)
                    .find_map(|(v, _)| normalize_date(v).or_else(|| text_date(v)))
            })
            .or_else(|| {
                from_meta(&[
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "publish_date",
                    "published_date",
                    "published-date",
                    "publication_date",
                    "publication-date",
                    "article.published",
                    "article_date_original",
                    "original-publish-date",
                    "date",
                    "dc.date.issued",
                    "dc.date",
                    "dcterms.date",
                    "dcterms.issued",
                    "dcterms.created",
                    "citation_publication_date",
                    "citation_date",
                    "sailthru.date",
                    "parsely-pub-date",
                    "og:published_time",
                    "published_time",
                    "article:published",
                    "cxenseparse:recs:publishtime",
                    "date.available",
                    "created",
                    "dc.date.created",
                    "rnews:datepublished",
                    "datecreated",
                    "displaydate",
                    "pubdate_date",
                    "live_date",
                ])
            })
            .or_else(|| {
                ld.iter().find_map(|v| {
                    find_key(v, "dateCreated")
                        .and_then(|d| d.as_str())
                        .and_then(normalize_date)
                })
            })
            // A `<time datetime>` outside page furniture is markup that says "this is a
            // time"; visible text near a headline may be a member's join date or a clock.
            .or_else(|| self.times.iter().find_map(|(v, _)| normalize_date(v)))
            // The line under the repeated headline is placed as the article's date; a
            // date-named element may be anywhere, such as a header showing today's date.
            .or_else(|| self.headline_date_line.as_ref().map(|(day, _)| day.clone()))
            .or_else(|| {
                // Visible date lines: "Published March 20, 2023" first.
                let published = self
                    .date_texts
                    .iter()
                    .filter(|(_, p)| *p)
                    .find_map(|(t, _)| text_date(t));
                published.or_else(|| self.date_texts.iter().find_map(|(t, _)| text_date(t)))
            })
            .or_else(|| self.date_line.clone())
    }
}

fn is_svg(node: NodeRef<'_>) -> bool {
    node.element().is_some_and(|e| e.name() == "svg")
}

/// "en-US" → "en"; "und" and junk give nothing.
fn language_tag(raw: &str) -> Option<String> {
    let primary = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (matches!(primary.len(), 2 | 3)
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && primary != "und")
        .then_some(primary)
}

/// First value of `key` anywhere in a JSON-LD document (`@graph` arrays included);
/// serde_json's nesting limit (128) bounds the recursion.
pub fn find_key<'v>(value: &'v serde_json::Value, key: &str) -> Option<&'v serde_json::Value> {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(v) = map.get(key) {
                if !v.is_null() {
                    return Some(v);
                }
            }
            map.values().find_map(|v| find_key(v, key))
        }
        Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

/// Names in a JSON-LD person/organisation value: a string, `{"name": …}`, or a list.
fn json_names(value: &serde_json::Value) -> Vec<String> {
    use serde_json::Value;
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Object(map) => map
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        Value::Array(items) => items.iter().take(MAX_ITEMS).flat_map(json_names).collect(),
        _ => Vec::new(),
    }
}

/// "By Jane Doe and John Roe, Reuters" → ["Jane Doe", "John Roe"]: names only, no
/// URLs, e-mail addresses or sentences.
pub fn split_authors(raw: &str) -> Vec<String> {
    let raw = collapse(raw);
    let raw = raw
        .strip_prefix("By ")
        .or_else(|| raw.strip_prefix("by "))
        .or_else(|| raw.strip_prefix("BY "))
        .unwrap_or(&raw);
    raw.split([',', '&', '|', ';', '\n'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_matches(|c: char| !c.is_alphanumeric()).trim())
        .filter(|p| {
            let words = p.split_whitespace().count();
            (1..=5).contains(&words)
                && p.len() >= 3
                && p.len() <= 60
                && !p.contains("://")
                && !p.contains('@')
                && !p.starts_with("www.")
                && !p.bytes().any(|b| b.is_ascii_digit())
                && p.chars().next().is_some_and(char::is_alphabetic)
                && p.chars().next().is_some_and(|c| !c.is_lowercase())
        })
        .map(str::to_string)
        .collect()
}

/// A date value from metadata: kept as written when it starts with an ISO 8601 day
/// (`2023-03-20`, `2023-03-20T14:05Z`, `20230320`, `2023/03/20`), else read as a written
/// date ("Mon, 20 Mar 2023 14:05:00 GMT", "March 20, 2023") and given as `YYYY-MM-DD`.
pub fn normalize_date(raw: &str) -> Option<String> {
    let v = raw.trim();
    if v.is_empty() || !v.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let plausible = |d: NaiveDate| {
        use chrono::Datelike;
        (1990..=2100).contains(&d.year())
    };
    let iso = v
        .get(..10)
        .and_then(|d| {
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(d, "%Y/%m/%d"))
                .ok()
        })
        .or_else(|| {
            v.get(..8)
                .filter(|_| v.len() == 8 || v.as_bytes().get(8) == Some(&b'T'))
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok())
        });
    if let Some(d) = iso {
        return plausible(d).then(|| v.to_string());
    }
    // Unix time in seconds or milliseconds.
    if v.bytes().all(|b| b.is_ascii_digit()) && (v.len() == 10 || v.len() == 13) {
        let secs: i64 = v[..10].parse().ok()?;
        let d = chrono::DateTime::from_timestamp(secs, 0)?.date_naive();
        return plausible(d).then(|| d.to_string());
    }
    text_date(v)
}

/// The forms a page's headline takes in its title metadata, lower case: the whole title,
/// and its longest part between separators ("Site :: Headline", "Headline | Site")
/// when that part has a headline's length.
fn headline_forms(title: &str) -> Vec<String> {
    // Lower case char by char (not `str::to_lowercase`, whose final sigma differs), as
    // `same_words_any_case` compares.
    let whole: String = collapse(title)
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    let mut forms = Vec::new();
    let longest = [" | ", " - ", " – ", " — ", " · ", " :: "]
        .iter()
        .fold(vec![whole.as_str()], |parts, sep| {
            parts.iter().flat_map(|p| p.split(sep)).collect()
        })
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.len())
        .filter(|p| p.split_whitespace().count() >= 3 && p.len() < whole.len())
        .map(str::to_string);
    if whole.split_whitespace().count() >= 2 {
        forms.push(whole);
    }
    forms.extend(longest);
    forms
}

/// `"datePublished": "…"` as written in JSON-LD, for scripts that do not parse.
fn raw_date_published() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r#""datePublished"\s*:\s*"([^"]{6,40})""#).expect("regex"))
}

/// Whether a date text says it is in GMT or UTC.
fn names_utc(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w == "GMT" || w == "UTC")
}

/// A timestamp with a time of day: the date and time as written, and the UTC offset
/// in minutes when it gives one ("2020-05-02T02:54:29.000Z", "20200414T00:38:07Z",
/// "2020-12-25T01:59:50+02:00", "2020-12-05T23:15:0Z").
fn timestamp(v: &str) -> Option<(chrono::NaiveDateTime, Option<i32>)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?x)^\s*(\d{4})-?(\d\d)-?(\d\d)[T\x20](\d{1,2}):?(\d\d)(?::?(\d{1,2})(?:[.,]\d+)?)?
              \s*(?:(?P<z>Z|UTC|GMT)|(?P<sign>[+-])(?P<oh>\d\d):?(?P<om>\d\d)?)?\s*$",
        )
        .expect("timestamp regex")
    });
    let c = re.captures(v)?;
    let num = |i: usize| c.get(i).map_or(Some(0), |m| m.as_str().parse::<u32>().ok());
    let day = NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3)?)?;
    let at = day.and_hms_opt(num(4)?, num(5)?, num(6)?.min(59))?;
    let offset = if c.name("z").is_some() {
        Some(0)
    } else if let Some(sign) = c.name("sign") {
        let h: i32 = c.name("oh")?.as_str().parse().ok()?;
        let m: i32 = c.name("om").map_or(Some(0), |m| m.as_str().parse().ok())?;
        let minutes = h * 60 + m;
        Some(if sign.as_str() == "-" {
            -minutes
        } else {
            minutes
        })
    } else {
        None
    };
    Some((at, offset))
}

/// Whether a UTC timestamp can fall on `day` (`YYYY-MM-DD`) in the time zone of some
/// publisher: the inhabited zones with news outlets run from UTC−10 (Hawaii) to
/// UTC+14.
pub fn utc_day_may_be(utc_timestamp: &str, day: &str) -> bool {
    let (Some((at, Some(0))), Ok(day)) = (
        timestamp(utc_timestamp),
        NaiveDate::parse_from_str(day, "%Y-%m-%d"),
    ) else {
        return false;
    };
    let earliest = (at - chrono::Duration::hours(10)).date();
    let latest = (at + chrono::Duration::hours(14)).date();
    (earliest..=latest).contains(&day)
}

/// A month name as a page writes it ("Mar.", "March", "sept"), in English or in one of
/// the languages news sites most often write their date lines in ("17 de marzo de
/// 2020", "9 oktober 2020", "07 أكتوبر 2020").
fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.');
    crate::extract::dates::month_number(name).or_else(|| foreign_month(name))
}

/// Month names (and their usual abbreviations) of Spanish, Portuguese, French, Italian,
/// German, Dutch, Romanian, Indonesian, Turkish, Polish, Russian and Ukrainian (the
/// genitive forms that dates use), and the Arabic names used in Egypt and the Gulf.
fn foreign_month(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "enero ene janeiro janvier janv gennaio gen januar jänner januari ianuarie ocak \
         stycznia января січня يناير",
        "febrero fevereiro fev février fevrier févr fév febbraio februar februari februarie \
         şubat subat lutego февраля лютого فبراير",
        "marzo março marco mars märz maerz mär mrz maart mrt martie maret mart marca марта \
         березня مارس",
        "abril abr avril avr aprile aprilie nisan kwietnia апреля квітня أبريل ابريل إبريل",
        "mayo maio mai maggio mag mei mayıs mayis maja мая травня مايو",
        "junio junho juin giugno giu juni iunie haziran czerwca июня червня يونيو يونيه",
        "julio julho juillet juil luglio lug juli iulie temmuz lipca июля липня يوليو يوليه",
        "agosto ago août aout augustus agustus ağustos agustos sierpnia августа серпня أغسطس \
         اغسطس",
        "septiembre setiembre setembro septembre settembre set septembrie eylül eylul września \
         wrzesnia сентября вересня سبتمبر",
        "octubre outubro out octobre ottobre ott oktober okt octombrie ekim października \
         pazdziernika октября жовтня أكتوبر اكتوبر",
        "noviembre novembro novembre noiembrie kasım kasim listopada ноября листопада نوفمبر",
        "diciembre dic dezembro dez décembre decembre déc dicembre dezember desember decembrie \
         aralık aralik grudnia декабря грудня ديسمبر",
    ];
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.split_whitespace().any(|n| n == lower))
        .map(|i| i as u32 + 1)
}

/// The first day written in a short text, as `YYYY-MM-DD`: ISO days, "March 20, 2023",
/// "Mar. 20 2023", "20 March 2023", "Mon, 20 Mar 2023", "20 de marzo de 2023",
/// "2023年3月20日", "20.03.2023", and numeric `M/D/YYYY` (read day-first when the first
/// number cannot be a month).
pub fn text_date(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?P<iy>(?:19|20)\d\d)[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})\b
          | (?P<cy>(?:19|20)\d\d)\s*[年년]\s*(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일]
          | \b(?P<mn>\p{L}{3,12}\.?)\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>(?:19|20)\d\d)\b
          | \b(?P<dd>\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:of\s+|de\s+)?(?P<dn>\p{L}{3,12}\.?),?\s+(?:de\s+|del\s+)?(?P<dy>(?:19|20)\d\d)\b
          | \b(?P<na>\d{1,2})(?P<sep>[/.])(?P<nb>\d{1,2})[/.](?P<ny>(?:19|20)\d\d)\b
        ",
        )
        .expect("date regex")
    });
    let text = if text.len() > MAX_TEXT {
        let mut cut = MAX_TEXT;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        &text[..cut]
    } else {
        text
    };
    // Every form has a year 19xx/20xx: without one, the (Unicode-aware, so slow
    // capturing) regex is not run at all.
    let has_year = text
        .as_bytes()
        .windows(4)
        .any(|w| matches!(&w[..2], b"19" | b"20") && w[2..].iter().all(u8::is_ascii_digit));
    if !has_year {
        return None;
    }
    for c in re.captures_iter(text) {
        let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
        let day = if let Some(y) = c.name("iy") {
            let y: i32 = y.as_str().parse().ok()?;
            NaiveDate::from_ymd_opt(y, num("im")?, num("id")?)
        } else if let Some(y) = c.name("cy") {
            let y: i32 = y.as_str().parse().ok()?;
            NaiveDate::from_ymd_opt(y, num("cm")?, num("cd")?)
        } else if let Some(m) = c.name("mn") {
            let y: i32 = c.name("my")?.as_str().parse().ok()?;
            month_number(m.as_str()).and_then(|m| NaiveDate::from_ymd_opt(y, m, num("md")?))
        } else if let Some(m) = c.name("dn") {
            let y: i32 = c.name("dy")?.as_str().parse().ok()?;
            month_number(m.as_str()).and_then(|m| NaiveDate::from_ymd_opt(y, m, num("dd")?))
        } else {
            let y: i32 = c.name("ny")?.as_str().parse().ok()?;
            let (a, b) = (num("na")?, num("nb")?);
            let dotted = c.name("sep").is_some_and(|s| s.as_str() == ".");
            if dotted || a > 12 {
                NaiveDate::from_ymd_opt(y, b, a)
            } else {
                NaiveDate::from_ymd_opt(y, a, b)
            }
        };
        if let Some(d) = day {
            return Some(d.to_string());
        }
    }
    None
}
