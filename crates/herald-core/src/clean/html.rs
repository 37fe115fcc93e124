//! HTML pages at v0: the `<title>`, the `<p>` elements of the main content, and the
//! publication date. Deliberately modest (full boilerplate removal comes later): it
//! relies on the semantic markup nearly every news CMS emits — `<article>`,
//! `itemprop="articleBody"`, `<main>` — and on the same line rules as plain text.

use std::sync::OnceLock;

use scraper::{ElementRef, Html, Node, Selector};

/// What the page gives the clean stage, before line rules.
#[derive(Debug, Default)]
pub struct Page {
    pub title: Option<String>,
    /// Raw text of each content paragraph (entities decoded, whitespace not yet).
    pub paragraphs: Vec<String>,
    /// Publication date as written in the page.
    pub published: Option<String>,
}

/// Selectors are parsed once per process: parsing one costs more than matching it.
fn selector(cell: &'static OnceLock<Selector>, css: &str) -> &'static Selector {
    cell.get_or_init(|| Selector::parse(css).expect("built-in selector parses"))
}

macro_rules! sel {
    ($css:expr) => {{
        static CELL: OnceLock<Selector> = OnceLock::new();
        selector(&CELL, $css)
    }};
}

pub fn read_page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    Page {
        title: page_title(&doc),
        paragraphs: content_paragraphs(&doc),
        published: published(&doc),
    }
}

/// Elements whose paragraphs are never article text.
fn is_furniture_tag(name: &str) -> bool {
    matches!(
        name,
        "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "figure"
            | "figcaption"
            | "noscript"
            | "template"
            | "button"
            | "select"
            | "dialog"
            | "menu"
    )
}

/// Class/id words of page furniture: `<p class="caption">`, `<div id="related-links">`.
///
/// Each class name is read the BEM way — `sidebar-grid__content` is the *content*
/// element of a sidebar-grid block, so only the part after the last `__` (without a
/// `--modifier`) counts — then split into words at `-`, `_`, so `article-body` is fine
/// and `shared` does not match `share`. Names carrying a state word
/// (`cs-sidebar-enabled`, `has-ads`) describe the page, not the element, and are ignored.
fn is_furniture_name(attr: &str) -> bool {
    attr.split_whitespace().any(|class| {
        let element = class.rsplit("__").next().unwrap_or(class);
        let element = element.split("--").next().unwrap_or(element);
        let words = || element.split(['-', '_']).map(str::to_ascii_lowercase);
        let is_state = words().any(|w| {
            matches!(
                w.as_str(),
                "enabled"
                    | "disabled"
                    | "active"
                    | "open"
                    | "loaded"
                    | "has"
                    | "no"
                    | "with"
                    | "is"
            )
        });
        !is_state
            && words().any(|w| {
                matches!(
                    w.as_str(),
                    "caption"
                        | "credit"
                        | "credits"
                        | "byline"
                        | "ad"
                        | "ads"
                        | "advert"
                        | "advertisement"
                        | "promo"
                        | "newsletter"
                        | "related"
                        | "share"
                        | "sharing"
                        | "social"
                        | "comments"
                        | "comment"
                        | "subscribe"
                        | "paywall"
                        | "cookie"
                        | "breadcrumb"
                        | "breadcrumbs"
                        | "sidebar"
                        | "footer"
                        | "nav"
                        | "menu"
                )
            })
    })
}

fn is_furniture(el: &ElementRef) -> bool {
    let v = el.value();
    is_furniture_tag(v.name())
        || v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
}

/// Class/id names describe the element they sit on *and* get inherited as page-state
/// flags (`<body class="nav-no-loaded">`, `<div class="cs-sidebar-enabled">`), so they
/// are only trusted close to the paragraph: on it and its nearest two ancestors.
fn has_furniture_name(el: &ElementRef) -> bool {
    let v = el.value();
    !matches!(v.name(), "html" | "body" | "main" | "article")
        && (v.attr("class").is_some_and(is_furniture_name)
            || v.attr("id").is_some_and(is_furniture_name))
}

/// The paragraphs of the main content.
///
/// The container is the `[itemprop=articleBody]`, else `<article>`, else `<main>`,
/// holding the most paragraph text (pages list teasers as small `<article>`s too) —
/// unless it holds less than half of the page's paragraph text, which means the CMS
/// put the story outside its semantic markup; then the whole page is used. Pages
/// whose story is not in `<p>`s at all (some CMSs use `<div>` paragraphs) fall back to
/// the text of block elements, one line each.
fn content_paragraphs(doc: &Html) -> Vec<String> {
    let root = doc.root_element();
    let size = |ps: &[String]| ps.iter().map(String::len).sum::<usize>();
    let mut best: Option<(usize, Vec<String>)> = None;
    let containers = [
        sel!("[itemprop=articleBody]"),
        sel!("article"),
        sel!("main, [role=main]"),
    ];
    for container_sel in containers {
        for container in doc.select(container_sel) {
            let paragraphs = paragraphs_in(container);
            let n = size(&paragraphs);
            let better = match &best {
                Some(b) => n > b.0,
                None => true,
            };
            if better {
                best = Some((n, paragraphs));
            }
        }
        if best.as_ref().is_some_and(|b| b.0 > 0) {
            break;
        }
    }
    let page = paragraphs_in(root);
    let paragraphs = match best {
        Some((n, paragraphs)) if n > 0 && n * 2 >= size(&page) => paragraphs,
        _ => page,
    };
    if size(&paragraphs) >= MIN_PARAGRAPH_TEXT {
        return paragraphs;
    }
    // Little or no `<p>` text: the story may sit in `<div>` paragraphs. Block text is
    // the last resort and catches menus too, so keep only blocks that read as prose
    // (four words or more, or a sentence end); menus, tabs and buttons are shorter.
    let lines_of = |el: ElementRef| {
        let mut text = String::new();
        block_text(el, &mut text);
        text.split('\n')
            .filter(|b| {
                b.split_whitespace().nth(3).is_some() || b.trim_end().ends_with(['.', '!', '?'])
            })
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let mut blocks = Vec::new();
    for el in containers.iter().flat_map(|s| doc.select(s)) {
        let candidate = lines_of(el);
        if size(&candidate) > size(&blocks) {
            blocks = candidate;
        }
    }
    if blocks.is_empty() {
        blocks = lines_of(root);
    }
    if size(&blocks) > 2 * size(&paragraphs) {
        blocks
    } else {
        paragraphs
    }
}

/// Below this much `<p>` text (bytes) a page is assumed to keep its story elsewhere.
const MIN_PARAGRAPH_TEXT: usize = 200;

fn paragraphs_in(container: ElementRef) -> Vec<String> {
    let mut out = Vec::new();
    'p: for p in container.select(sel!("p")) {
        if is_furniture(&p) || has_furniture_name(&p) {
            continue;
        }
        for (depth, ancestor) in p.ancestors().enumerate() {
            if ancestor.id() == container.id() {
                break;
            }
            if let Some(el) = ElementRef::wrap(ancestor) {
                if is_furniture(&el) || (depth < 2 && has_furniture_name(&el)) {
                    continue 'p;
                }
            }
        }
        let mut text = String::new();
        inline_text(p, &mut text);
        if !text.trim().is_empty() && !is_link_list(p, &text) {
            out.push(text);
        }
    }
    out
}

/// A paragraph that is (almost) all link text is a teaser for another story
/// ("2 NY RESIDENTS ALLEGEDLY RAN SECRET…" linking elsewhere), not this article's prose.
fn is_link_list(p: ElementRef, text: &str) -> bool {
    let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let linked: usize = p
        .select(sel!("a"))
        .map(|a| a.text().map(visible).sum::<usize>())
        .sum();
    let total = visible(text);
    total > 0 && linked * 10 >= total * 9
}

/// Text of an inline subtree; `<br>` becomes a space, scripts and styles are skipped.
fn inline_text(el: ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => match e.name() {
                "script" | "style" | "noscript" | "template" => {}
                "br" => out.push(' '),
                _ => {
                    if let Some(child) = ElementRef::wrap(child) {
                        inline_text(child, out)
                    }
                }
            },
            _ => {}
        }
    }
}

/// Text of a subtree with a line break around each block element.
fn block_text(el: ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                if matches!(name, "script" | "style" | "head" | "title" | "svg")
                    || is_furniture(&child)
                    || has_furniture_name(&child)
                {
                    continue;
                }
                let block = matches!(
                    name,
                    "div"
                        | "p"
                        | "br"
                        | "li"
                        | "ul"
                        | "ol"
                        | "section"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "tr"
                        | "td"
                        | "th"
                        | "table"
                        | "blockquote"
                        | "pre"
                        | "dd"
                        | "dt"
                        | "body"
                        | "center"
                );
                if block {
                    out.push('\n');
                }
                block_text(child, out);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

/// `<title>` without its site suffix, else `og:title`, else the first `<h1>`.
fn page_title(doc: &Html) -> Option<String> {
    let text = |el: ElementRef| {
        let mut s = String::new();
        inline_text(el, &mut s);
        collapse(&s)
    };
    let candidates = [
        doc.select(sel!("title"))
            .next()
            .map(text)
            .map(|t| strip_site_suffix(&t).to_string()),
        doc.select(sel!("meta[property='og:title']"))
            .next()
            .and_then(|m| m.attr("content"))
            .map(collapse),
        doc.select(sel!("h1")).next().map(text),
    ];
    candidates.into_iter().flatten().find(|t| !t.is_empty())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Kenya police fire tear gas | World | Example News" → "Kenya police fire tear gas".
///
/// A part after ` | `, ` - `, ` – `, ` — ` or ` · ` is cut only when it looks like a site
/// or section name — at most five words, each capitalised, a connector, or a domain —
/// so "Sudan ceasefire collapses - army blames RSF" keeps its second half.
pub fn strip_site_suffix(title: &str) -> &str {
    let mut title = title.trim();
    loop {
        let cut = [" | ", " - ", " – ", " — ", " · ", " :: "]
            .iter()
            .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
            .max_by_key(|&(i, _)| i);
        let Some((at, sep_len)) = cut else {
            return title;
        };
        let suffix = &title[at + sep_len..];
        // "Wikinews, the free news source": a site name with a tagline after a comma is
        // judged by the name.
        let site = suffix.split(',').next().unwrap_or(suffix);
        let words: Vec<&str> = site.split_whitespace().collect();
        let site_like = !words.is_empty()
            && words.len() <= 5
            && words.iter().all(|w| {
                w.contains('.')
                    || matches!(*w, "of" | "the" | "and" | "&" | "on" | "in" | "de" | "la")
                    || w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
        let head = title[..at].trim_end();
        if !site_like || head.split_whitespace().count() < 2 {
            return title;
        }
        title = head;
    }
}

/// The publication date as the page writes it, from the most to the least explicit
/// source: Open Graph article meta, generic date metas, JSON-LD `datePublished`,
/// then `<time datetime>` (one marked as the publication time first).
fn published(doc: &Html) -> Option<String> {
    let usable = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.bytes().any(|b| b.is_ascii_digit())).then(|| s.to_string())
    };
    let metas = [
        sel!("meta[property='article:published_time']"),
        sel!("meta[itemprop='datePublished']"),
        sel!("meta[name='date' i], meta[name='pubdate' i], meta[name='publishdate' i], meta[name='publish-date' i], meta[name='publication_date' i], meta[name='dc.date.issued' i], meta[name='dc.date' i], meta[name='dcterms.created' i], meta[name='sailthru.date' i], meta[name='parsely-pub-date' i], meta[property='og:published_time' i]"),
    ];
    for meta in metas {
        if let Some(date) = doc
            .select(meta)
            .filter_map(|m| m.attr("content"))
            .find_map(usable)
        {
            return Some(date);
        }
    }
    for script in doc.select(sel!("script[type='application/ld+json']")) {
        let mut json = String::new();
        inline_text(script, &mut json);
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(json.trim()) {
            if let Some(date) = find_key(&value, "datePublished").and_then(usable) {
                return Some(date);
            }
        }
    }
    let marked = sel!("time[pubdate][datetime], time[itemprop='datePublished'][datetime]");
    let any = sel!("article time[datetime], time[datetime]");
    [marked, any].into_iter().find_map(|s| {
        doc.select(s)
            .filter_map(|t| t.attr("datetime"))
            .find_map(usable)
    })
}

/// First string value of `key` anywhere in a JSON-LD document (`@graph` arrays included).
fn find_key<'v>(value: &'v serde_json::Value, key: &str) -> Option<&'v str> {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get(key) {
                return Some(s);
            }
            map.values().find_map(|v| find_key(v, key))
        }
        Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}
