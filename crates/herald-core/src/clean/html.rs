//! HTML pages: main content and metadata.
//!
//! The page is parsed into Herald's flat document tree ([`super::dom`]), then read in
//! **one iterative walk** of the tree (no recursion, so 100,000 nested `<div>`s cannot overflow the
//! stack; memory is linear in the page). The walk cuts the page into *blocks* — the
//! text of a `<p>`, heading, list item, quote, table cell, or of a `<div>` whose text is
//! not in `<p>`s (a `<br>` there ends a block) — and records the metadata the page
//! carries ([`super::metadata`]).
//!
//! Main-content selection is written here by hand: no Rust crate does it well enough
//! (the Readability ports are slower and tuned to Firefox's reader view, not to news
//! text). It follows the approach good extractors share:
//! 1. page furniture is set aside by tag (`nav`, `footer`, `aside`, `figure`, hidden
//!    elements, forms controls) and by class/id words (`share`, `related`, `comment`,
//!    `newsletter`, `cookie`, `promo`, `sidebar`, …, unless the same name also says
//!    `article`/`content`/`body`/`story`);
//! 2. every prose block (25+ characters) scores its parent, grandparent and
//!    great-grandparent with commas and length, and each candidate container starts
//!    from its tag, its class/id hints and its semantic markup (`<article>`,
//!    `itemprop=articleBody`, `<main>`); the score is discounted by the container's
//!    link density;
//! 3. the best container is the body — or the ancestor that holds several near-scoring
//!    chunks, or much more of the page's paragraph text (a story in sections) — joined
//!    by its siblings that score close to it (stories split around an ad slot);
//! 4. inside it, headings (h2–h6), paragraphs, list items, quotes and text blocks are
//!    kept in document order, except link lists, furniture and headings left with
//!    nothing after them; the standfirst between the headline and the body is added
//!    before them, and closing calls to subscribe or download an app are dropped.
//!
//! An element that holds more than half of the page's text is never furniture (an
//! unclosed `<header>`, a wrapper named after its sidebar).
//!
//! When the class/id words leave almost nothing (a page that calls its whole wrapper
//! `has-share-bar`), the selection is repeated trusting tags only.

use super::dom::{Document, Edge, Element, NodeId, Value};

use super::metadata::{MetaCollector, Metadata};

/// What the page gives the clean stage, before line rules.
#[derive(Debug, Default)]
pub struct Page {
    /// Raw text of each content block (entities decoded, whitespace not yet).
    pub paragraphs: Vec<String>,
    /// Title, publication date, authors, canonical URL, site name, language.
    pub meta: Metadata,
}

pub fn read_page(html: &str) -> Page {
    read(html, true)
}

/// `fallbacks`: whether the story may come from JSON-LD or `<noscript>` when the HTML
/// holds little of it (not again inside such a story).
fn read(html: &str, fallbacks: bool) -> Page {
    let doc = Document::parse(html);
    let mut walk = Walk::default();
    walk.run(&doc);
    let mut paragraphs = walk.select_content();
    let mut meta = walk.meta.finish();
    if fallbacks {
        for story in [meta.article_body.take(), walk.noscript.take()]
            .into_iter()
            .flatten()
        {
            paragraphs = script_rendered_story(paragraphs, &story);
        }
    }
    Page { paragraphs, meta }
}

/// The story from the page's JSON-LD `articleBody` or its `<noscript>` when the HTML
/// holds much less of it: pages that render the article with scripts ship a shell (a
/// headline, a teaser, menus) and the full text as data, or as the version for readers
/// without scripts. A body no longer than the HTML's text is a teaser (paywalled sites
/// give the first paragraph) or a tracking pixel and changes nothing.
fn script_rendered_story(from_html: Vec<String>, body: &str) -> Vec<String> {
    let html_chars: usize = from_html
        .iter()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    let body_chars = body.chars().filter(|c| !c.is_whitespace()).count();
    if body_chars < 400 || body_chars < 2 * html_chars {
        return from_html;
    }
    if body.contains('<') {
        // Some publishers put the article's HTML in the field: read it as a page.
        let inner = read(&format!("<article>{body}</article>"), false);
        if !inner.paragraphs.is_empty() {
            return inner.paragraphs;
        }
    }
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// What a block is, for scoring and keeping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Title,
    Heading,
    Item,
    Quote,
    Pre,
    Cell,
    /// Text directly in a `<div>`, `<section>`, … (no `<p>`).
    Loose,
}

/// One run of text with its owner element.
#[derive(Debug)]
struct Block {
    text: String,
    kind: Kind,
    /// Index of the owning element in `Walk::els`.
    el: u32,
    chars: u32,
    link_chars: u32,
    /// Inside furniture by tag or hidden (never content).
    tag_furniture: bool,
    /// Inside furniture by class/id words.
    name_furniture: bool,
}

/// One block-level element.
#[derive(Debug)]
struct El {
    parent: u32,
    kind: Kind,
    /// Blocks emitted inside this element: `first_block..end_block`.
    first_block: u32,
    end_block: u32,
    /// Elements inside this one are `self + 1..end_el` in `Walk::els`.
    end_el: u32,
    /// Tag-based and class/id-based starting score of the container.
    base: f32,
    /// Inside (or itself) furniture by tag, and by class/id words.
    tag_furniture: bool,
    name_furniture: bool,
    /// Itself furniture by tag, and by class/id words.
    own_tag_furniture: bool,
    own_name_furniture: bool,
    /// A `<header>`: furniture of the page, but inside a story it holds the standfirst.
    header: bool,
    /// Visible characters and link characters in the subtree.
    chars: u32,
    link_chars: u32,
}

#[derive(Default)]
struct Walk {
    /// Open elements about other pages (menus, sidebars, related lists, comments):
    /// their dates and names are not this page's.
    elsewhere: u32,
    els: Vec<El>,
    blocks: Vec<Block>,
    meta: MetaCollector,
    /// The largest `<noscript>` outside page furniture, as written (a page may show its
    /// story only to readers without scripts).
    noscript: Option<String>,
}

/// Elements whose subtree is never read as text.
fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            // Ruby annotations: the reading printed over East Asian text (furigana), not
            // words of the text.
            | "rt"
            | "rp"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "head"
            | "dialog"
            | "map"
    )
}

/// Elements whose text is never article text (kept out of content and scoring).
fn is_furniture_tag(name: &str) -> bool {
    matches!(
        name,
        "nav" | "header" | "footer" | "aside" | "figure" | "figcaption" | "menu" | "label"
    )
}

fn is_block_tag(name: &str) -> bool {
    // HTML's block-level elements, plus the page's roots, table parts, form labels and
    // custom elements (`<story-body>`), which pages use as blocks.
    super::dom::is_block_level(name)
        || matches!(
            name,
            "html"
                | "body"
                | "tbody"
                | "thead"
                | "tfoot"
                | "tr"
                | "td"
                | "th"
                | "caption"
                | "legend"
                | "label"
        )
        || name.contains('-')
}

fn kind_of(name: &str) -> Kind {
    match name {
        "p" => Kind::Paragraph,
        "h1" => Kind::Title,
        "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "li" | "dd" | "dt" => Kind::Item,
        "blockquote" => Kind::Quote,
        "pre" => Kind::Pre,
        "td" | "th" => Kind::Cell,
        _ => Kind::Loose,
    }
}

/// Words of a class or id value: each class read the BEM way (`sidebar-grid__content`
/// is the *content* element of a sidebar grid, so only the part after the last `__`,
/// without its `--modifier`, counts), split at `-`, `_` and camelCase humps, lower case.
fn name_words(attr: &str, mut f: impl FnMut(&str)) {
    for class in attr.split_whitespace() {
        // Byte scans, not `str::split("__")`: a two-way searcher per class costs more
        // than the whole word test (the walk meets tens of thousands of classes).
        let b = class.as_bytes();
        let element = match b.windows(2).rposition(|w| w == b"__") {
            Some(k) => &class[k + 2..],
            None => class,
        };
        let element = match element.as_bytes().windows(2).position(|w| w == b"--") {
            Some(k) => &element[..k],
            None => element,
        };
        if !element
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            // The common case, all lower-case ASCII: words are slices, no allocation.
            for w in element.split(['-', '_', ':', '.']) {
                if !w.is_empty() {
                    f(w);
                }
            }
            continue;
        }
        let mut word = String::new();
        let mut prev_lower = false;
        for c in element.chars() {
            if c == '-' || c == '_' || c == ':' || c == '.' {
                if !word.is_empty() {
                    f(&word);
                    word.clear();
                }
                prev_lower = false;
                continue;
            }
            if c.is_uppercase() && prev_lower && !word.is_empty() {
                f(&word);
                word.clear();
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            word.extend(c.to_lowercase());
        }
        if !word.is_empty() {
            f(&word);
        }
    }
}

/// Words that name page furniture.
fn is_furniture_word(w: &str) -> bool {
    matches!(
        w,
        "caption"
            | "captions"
            | "credit"
            | "credits"
            | "byline"
            | "ad"
            | "ads"
            | "adv"
            | "advert"
            | "adverts"
            | "advertisement"
            | "advertising"
            | "dfp"
            | "gpt"
            | "promo"
            | "promos"
            | "promotion"
            | "newsletter"
            | "newsletters"
            | "signup"
            | "related"
            | "recommended"
            | "recommendations"
            | "recirc"
            | "trending"
            | "popular"
            | "share"
            | "sharing"
            | "sharebar"
            | "social"
            | "comments"
            | "comment"
            | "disqus"
            | "subscribe"
            | "subscription"
            | "paywall"
            | "cookie"
            | "cookies"
            | "consent"
            | "gdpr"
            | "breadcrumb"
            | "breadcrumbs"
            | "sidebar"
            | "footer"
            | "nav"
            | "navbar"
            | "navigation"
            | "menu"
            | "masthead"
            | "outbrain"
            | "taboola"
            | "sponsor"
            | "sponsored"
            | "widget"
            | "popup"
            | "modal"
            | "overlay"
            | "toolbar"
            | "tags"
            | "keywords"
            | "pagination"
            | "pager"
            | "skip"
            | "hidden"
            | "hide"
            | "invisible"
            | "sr"
            | "visually"
            | "print"
            | "login"
            | "rating"
            | "tooltip"
            | "copyright"
            | "disclaimer"
            | "meta"
            | "dateline"
            | "timestamp"
            | "author"
            | "authors"
            | "bio"
            | "banner"
            | "headline"
            | "kicker"
            | "teaser"
            | "teasers"
    )
}

/// Words that name the story itself (they override furniture words in the same name).
fn is_content_word(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "articles"
            | "content"
            | "contents"
            | "body"
            | "story"
            | "entry"
            | "post"
            | "text"
            | "main"
            | "hentry"
            | "articlebody"
            | "storybody"
            | "blog"
            | "prose"
            | "paragraph"
            | "copy"
    )
}

/// Words that say a class describes page state, not the element
/// (`cs-sidebar-enabled`, `has-ads`): such a class is ignored.
fn is_state_word(w: &str) -> bool {
    matches!(
        w,
        "enabled"
            | "disabled"
            | "active"
            | "open"
            | "loaded"
            | "has"
            | "no"
            | "with"
            | "is"
            | "show"
            | "visible"
            | "template"
            | "layout"
            | "page"
            | "wrapper"
            | "wrap"
            | "container"
    )
}

/// (furniture, content hint) from the class and id of an element.
/// What an element's class and id words say about it.
#[derive(Debug, Clone, Copy, Default)]
struct NameHints {
    /// Page furniture (`share-bar`, `newsletter`), unless a story word excuses it.
    furniture: bool,
    /// The story itself (`article-body`).
    content: bool,
    /// About other pages (`related`, `sidebar`, `comments`): dates and names there are
    /// not this page's.
    elsewhere: bool,
}

/// The class and id words of an element, read in one pass.
fn name_hints(el: &Element) -> NameHints {
    let (mut strong, mut weak, mut content, mut elsewhere) = (false, false, false, false);
    for attr in [el.attr("class"), el.attr("id")].into_iter().flatten() {
        for class in attr.split_whitespace() {
            let (mut s, mut f, mut c, mut state) = (false, false, false, false);
            name_words(class, |w| {
                s |= is_strong_furniture_word(w);
                f |= is_furniture_word(w);
                c |= is_content_word(w);
                state |= is_state_word(w);
                elsewhere |= is_elsewhere_word(w);
            });
            if !state {
                strong |= s;
                weak |= f && !c;
                content |= c && !f;
            }
        }
    }
    // A story-naming class rescues weak furniture words (`widget Blog`), never strong
    // ones (`article-related`, `story-comments`).
    NameHints {
        furniture: strong || (weak && !content),
        content: content && !strong,
        elsewhere,
    }
}

/// Furniture words that a content word in the same name does not excuse.
fn is_strong_furniture_word(w: &str) -> bool {
    matches!(
        w,
        "related"
            | "recommended"
            | "recirc"
            | "trending"
            | "popular"
            | "comment"
            | "comments"
            | "disqus"
            | "share"
            | "sharing"
            | "sharebar"
            | "social"
            | "newsletter"
            | "newsletters"
            | "cookie"
            | "consent"
            | "promo"
            | "sidebar"
            | "outbrain"
            | "taboola"
            | "advertisement"
            | "ad"
            | "ads"
            | "subscribe"
            | "paywall"
            | "footer"
            | "breadcrumb"
            | "breadcrumbs"
            | "caption"
            | "credit"
    )
}

/// Elements about other pages: menus, sidebars, related lists, comments, teasers.
fn is_elsewhere(name: &str, hints: NameHints) -> bool {
    matches!(name, "nav" | "aside" | "footer" | "menu") || hints.elsewhere
}

/// Class words of elements about other pages: menus, sidebars, related lists, comments.
fn is_elsewhere_word(w: &str) -> bool {
    matches!(
        w,
        "related"
            | "recommended"
            | "recirc"
            | "trending"
            | "popular"
            | "sidebar"
            | "comment"
            | "comments"
            | "teaser"
            | "teasers"
            | "promo"
            | "nav"
            | "navigation"
            | "menu"
            | "footer"
            | "outbrain"
            | "taboola"
    )
}

fn is_hidden(el: &Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(style_hides)
}

/// `display: none` or `visibility: hidden` in a style attribute, in any case and
/// spacing. Short styles (nearly all) are compacted on the stack, not in a `String`.
fn style_hides(style: &str) -> bool {
    let hides = |compact: &[u8]| {
        let has = |needle: &[u8]| compact.windows(needle.len()).any(|w| w == needle);
        has(b"display:none") || has(b"visibility:hidden")
    };
    let mut buf = [0u8; 256];
    let mut n = 0;
    for b in style.bytes().filter(|b| !b.is_ascii_whitespace()) {
        if n == buf.len() {
            let long: Vec<u8> = style
                .bytes()
                .filter(|b| !b.is_ascii_whitespace())
                .map(|b| b.to_ascii_lowercase())
                .collect();
            return hides(&long);
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    hides(&buf[..n])
}

/// Per-open-element state on the walk's stack.
struct Open {
    id: NodeId,
    /// Index into `Walk::els` for block elements.
    el: Option<u32>,
    is_link: bool,
}

impl Walk {
    fn run(&mut self, doc: &Document) {
        // Stack of open elements (parallel to the tree path); `blocks_stack` holds the
        // open block elements with the text gathered for them so far.
        let mut stack: Vec<Open> = Vec::new();
        let mut block_stack: Vec<(u32, String, u32, u32)> = Vec::new(); // el, text, chars, link chars
        let mut skip: Option<NodeId> = None;
        let mut links = 0u32;
        let mut tag_furniture = 0u32;
        let mut name_furniture = 0u32;
        // Furniture counts are attached to open elements so they can be undone.
        let mut furniture_marks: Vec<(bool, bool, bool)> = Vec::new();
        // Open elements about other pages (menus, sidebars, related lists, comments):
        // their dates and names are not this page's.
        for edge in doc.edges() {
            match edge {
                Edge::Open(node) => {
                    if skip.is_some() {
                        // Metadata lives in skipped parts too (`<head>`, JSON-LD scripts).
                        if let Value::Element(e) = node.value() {
                            self.meta.element(node, &e, true);
                        }
                        continue;
                    }
                    match node.value() {
                        Value::Text(t) => {
                            if let Some((_, text, chars, link_chars)) = block_stack.last_mut() {
                                text.push_str(t);
                                let n = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                                *chars += n;
                                if links > 0 {
                                    *link_chars += n;
                                }
                            }
                        }
                        Value::Element(e) => {
                            let e = &e;
                            let name = e.name();
                            self.meta.element(node, e, self.elsewhere > 0);
                            if is_skipped_tag(name)
                                || (is_hidden(e) && !matches!(name, "html" | "body"))
                            {
                                if name == "noscript" && self.elsewhere == 0 {
                                    let raw: String = node.texts().collect();
                                    if raw.len() > self.noscript.as_ref().map_or(0, String::len) {
                                        self.noscript = Some(raw);
                                    }
                                }
                                skip = Some(node.id());
                                continue;
                            }
                            if name == "br" || name == "hr" {
                                // A line break ends a block except inside a paragraph.
                                if let Some((el, text, ..)) = block_stack.last_mut() {
                                    let in_p = matches!(
                                        self.kind_of_el(*el),
                                        Kind::Paragraph | Kind::Item | Kind::Heading
                                    );
                                    if in_p {
                                        text.push(' ');
                                    } else {
                                        self.flush(&mut block_stack, tag_furniture, name_furniture);
                                    }
                                }
                                continue;
                            }
                            let is_link = name == "a";
                            if is_link {
                                links += 1;
                            }
                            let mut el_index = None;
                            if is_block_tag(name) {
                                self.flush(&mut block_stack, tag_furniture, name_furniture);
                                let tag_f = is_furniture_tag(name);
                                // Class and id words, read once for the walk and the score.
                                // The page's own root describes page state
                                // (`<body class="nav-no-loaded">`), never furniture or
                                // another page.
                                let hints = if matches!(name, "html" | "body") {
                                    NameHints::default()
                                } else {
                                    name_hints(e)
                                };
                                let (name_f, content) =
                                    if matches!(name, "html" | "body" | "main" | "article") {
                                        (false, true)
                                    } else {
                                        (hints.furniture, hints.content)
                                    };
                                let name_f =
                                    name_f && e.attr("itemprop").is_none_or(|p| p != "articleBody");
                                tag_furniture += u32::from(tag_f);
                                name_furniture += u32::from(name_f);
                                let away = is_elsewhere(name, hints);
                                self.elsewhere += u32::from(away);
                                furniture_marks.push((tag_f, name_f, away));
                                let parent = block_stack.last().map_or(u32::MAX, |b| b.0);
                                let idx = self.els.len() as u32;
                                self.els.push(El {
                                    parent,
                                    first_block: self.blocks.len() as u32,
                                    end_block: self.blocks.len() as u32,
                                    end_el: idx + 1,
                                    kind: kind_of(name),
                                    base: base_score(name, e, hints, content),
                                    tag_furniture: tag_furniture > 0,
                                    name_furniture: name_furniture > 0,
                                    own_tag_furniture: tag_f,
                                    own_name_furniture: name_f,
                                    header: name == "header",
                                    chars: 0,
                                    link_chars: 0,
                                });
                                block_stack.push((idx, String::new(), 0, 0));
                                el_index = Some(idx);
                            }
                            stack.push(Open {
                                id: node.id(),
                                el: el_index,
                                is_link,
                            });
                        }
                    }
                }
                Edge::Close(node) => {
                    if let Some(id) = skip {
                        if id == node.id() {
                            skip = None;
                        }
                        continue;
                    }
                    let Value::Element(e) = node.value() else {
                        continue;
                    };
                    if e.name() == "br" || e.name() == "hr" {
                        continue;
                    }
                    // The document's edges nest properly: this is the innermost open
                    // element.
                    if let Some(open) = stack.pop() {
                        debug_assert_eq!(open.id, node.id());
                        if open.is_link {
                            links = links.saturating_sub(1);
                        }
                        if let Some(idx) = open.el {
                            self.flush(&mut block_stack, tag_furniture, name_furniture);
                            block_stack.pop();
                            let (tag_f, name_f, away) = furniture_marks.pop().unwrap_or_default();
                            self.elsewhere = self.elsewhere.saturating_sub(u32::from(away));
                            tag_furniture = tag_furniture.saturating_sub(u32::from(tag_f));
                            name_furniture = name_furniture.saturating_sub(u32::from(name_f));
                            let i = idx as usize;
                            self.els[i].end_block = self.blocks.len() as u32;
                            self.els[i].end_el = self.els.len() as u32;
                            let (chars, link_chars) = (self.els[i].chars, self.els[i].link_chars);
                            let parent = self.els[i].parent;
                            if let Some(p) = self.els.get_mut(parent as usize) {
                                p.chars += chars;
                                p.link_chars += link_chars;
                            }
                        }
                    }
                }
            }
        }
    }

    fn kind_of_el(&self, el: u32) -> Kind {
        self.els.get(el as usize).map_or(Kind::Loose, |e| e.kind)
    }

    /// Ends the text gathered for the innermost open block element as one block.
    fn flush(
        &mut self,
        block_stack: &mut [(u32, String, u32, u32)],
        tag_furniture: u32,
        name_furniture: u32,
    ) {
        let Some((el, text, chars, link_chars)) = block_stack.last_mut() else {
            return;
        };
        if *chars == 0 {
            text.clear();
            return;
        }
        self.meta.block(text, self.elsewhere > 0);
        let e = &mut self.els[*el as usize];
        e.chars += *chars;
        e.link_chars += *link_chars;
        self.blocks.push(Block {
            text: std::mem::take(text),
            kind: e.kind,
            el: *el,
            chars: *chars,
            link_chars: *link_chars,
            tag_furniture: tag_furniture > 0,
            name_furniture: name_furniture > 0,
        });
        *chars = 0;
        *link_chars = 0;
    }
}

/// A container's starting score: its tag, its class/id words (`hints`, from
/// [`name_hints`]), its semantic markup.
fn base_score(name: &str, e: &Element, hints: NameHints, content_hint: bool) -> f32 {
    let tag = match name {
        "div" => 5.0,
        "article" => 10.0,
        "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let (furniture, content) = if matches!(name, "html" | "body") {
        (false, false)
    } else {
        (
            hints.furniture,
            hints.content || (content_hint && name != "main" && name != "article"),
        )
    };
    let mut score = tag;
    if content {
        score += 25.0;
    }
    if furniture {
        score -= 25.0;
    }
    if e.attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        score += 40.0;
    }
    if e.attr("role") == Some("main") {
        score += 5.0;
    }
    score
}

/// Below this many visible characters the selection trusting class/id words is
/// deemed to have lost the story.
const MIN_CONTENT_CHARS: u32 = 250;

impl Walk {
    /// The text of the main-content blocks, in document order.
    fn select_content(&self) -> Vec<String> {
        let strict = self.choose(true);
        let size = |bs: &[usize]| bs.iter().map(|&i| self.blocks[i].chars).sum::<u32>();
        let chosen = if size(&strict) >= MIN_CONTENT_CHARS {
            strict
        } else {
            let lenient = self.choose(false);
            if size(&lenient) > size(&strict) * 2 {
                lenient
            } else {
                strict
            }
        };
        chosen
            .into_iter()
            .map(|i| self.blocks[i].text.clone())
            .collect()
    }

    /// Indices of the kept blocks; `trust_names`: class/id words mark furniture.
    fn choose(&self, trust_names: bool) -> Vec<usize> {
        let furniture = self.furniture(trust_names, true);
        let el_furniture = |i: usize| furniture[i];
        let block_furniture =
            |b: &Block| (b.tag_furniture || b.name_furniture) && furniture[b.el as usize];
        let mut score: Vec<f32> = vec![f32::NAN; self.els.len()];
        for b in &self.blocks {
            if block_furniture(b) || b.chars < 25 {
                continue;
            }
            let start = match b.kind {
                Kind::Paragraph | Kind::Pre | Kind::Quote => self.els[b.el as usize].parent,
                // Text outside `<p>` scores only as sentences: lists of names or links
                // separated by `<br>` are not a story.
                Kind::Loose | Kind::Cell if b.chars >= 60 && has_sentence_end(&b.text) => b.el,
                Kind::Loose | Kind::Cell => continue,
                Kind::Title | Kind::Heading | Kind::Item => continue,
            };
            let commas = b.text.matches([',', '，', '、']).count() as f32;
            let points = 1.0 + commas + (b.chars as f32 / 100.0).min(3.0);
            let mut at = start;
            for divider in [1.0, 2.0, 6.0] {
                let Some(e) = self.els.get(at as usize) else {
                    break;
                };
                let s = &mut score[at as usize];
                if s.is_nan() {
                    *s = e.base;
                }
                *s += points / divider;
                at = e.parent;
            }
        }
        let final_score = |i: usize| -> Option<f32> {
            let e = &self.els[i];
            let s = score[i];
            if s.is_nan() || el_furniture(i) {
                return None;
            }
            let density = if e.chars > 0 {
                e.link_chars as f32 / e.chars as f32
            } else {
                0.0
            };
            Some(s * (1.0 - density))
        };
        let top = (0..self.els.len())
            .filter_map(|i| final_score(i).map(|s| (i, s)))
            .fold(None::<(usize, f32)>, |best, (i, s)| match best {
                Some((_, b)) if b >= s => best,
                _ => Some((i, s)),
            });
        let Some((top, top_score)) = top else {
            // No prose block at all: every block that reads as prose.
            return (0..self.blocks.len())
                .filter(|&i| {
                    let b = &self.blocks[i];
                    !block_furniture(b) && b.kind != Kind::Title && reads_as_prose(&b.text)
                })
                .collect();
        };
        let top = self.ascend(top, top_score, &final_score);
        let top = self.widen(top, &furniture);
        let top_score = final_score(top).unwrap_or(top_score);
        // The top container and the siblings that score near it or read as prose.
        let parent = self.els[top].parent;
        let threshold = (top_score * 0.2).max(10.0);
        let mut ranges = Vec::new();
        if parent == u32::MAX {
            ranges.push(top);
        } else {
            let p = &self.els[parent as usize];
            // Siblings are the elements whose parent is `parent`, inside its block range;
            // scan elements created after the parent.
            for i in (parent as usize + 1)..p.end_el as usize {
                let e = &self.els[i];
                if e.parent != parent {
                    continue;
                }
                if i == top {
                    ranges.push(i);
                    continue;
                }
                if el_furniture(i) {
                    continue;
                }
                let keep = final_score(i).is_some_and(|s| s >= threshold)
                    || (e.kind == Kind::Paragraph && {
                        let density = e.link_chars as f32 / e.chars.max(1) as f32;
                        (e.chars > 80 && density < 0.25)
                            || (e.chars > 0
                                && density == 0.0
                                && (e.first_block..e.end_block).any(|b| {
                                    self.blocks[b as usize].text.trim_end().ends_with('.')
                                }))
                    });
                if keep {
                    ranges.push(i);
                }
            }
        }
        let mut kept = Vec::new();
        for i in ranges {
            let e = &self.els[i];
            for bi in e.first_block..e.end_block {
                let b = &self.blocks[bi as usize];
                if block_furniture(b) || b.kind == Kind::Title {
                    continue;
                }
                if b.link_chars * 2 > b.chars {
                    continue;
                }
                kept.push(bi as usize);
            }
        }
        self.add_standfirst(&mut kept, top, trust_names);
        // The last few paragraphs of a page often ask the reader to subscribe, follow or
        // not reprint; a story's own last paragraphs rarely do, and never in so few words.
        let tail = kept.len().saturating_sub(6);
        let mut at = kept.len();
        while at > tail {
            at -= 1;
            if is_call_to_action(&self.blocks[kept[at]].text) {
                kept.remove(at);
            }
        }
        // Headings with nothing of theirs after them ("Related", "More on this"), and
        // labels with nothing after them ("Release Date:", "Last modified:"): what
        // follows a label was not kept, so the label introduces nothing.
        while kept.last().is_some_and(|&i| {
            let b = &self.blocks[i];
            b.kind == Kind::Heading || is_dangling_label(&b.text)
        }) {
            kept.pop();
        }
        kept
    }
}

impl Walk {
    /// Paragraph text in an element's blocks: `<p>`s of prose, outside furniture and links.
    fn prose_chars(&self, el: usize, furniture: &[bool]) -> u32 {
        let e = &self.els[el];
        self.blocks[e.first_block as usize..e.end_block as usize]
            .iter()
            .filter(|b| {
                b.kind == Kind::Paragraph
                    && b.chars >= 25
                    && b.link_chars * 2 < b.chars
                    && !furniture[b.el as usize]
            })
            .map(|b| b.chars - b.link_chars)
            .sum()
    }

    /// A story cut into sections (one container per chapter, or chunks between photos
    /// and ad slots) gives the top score to one section: the body is the ancestor, a few
    /// levels up, that holds much more of the page's paragraph text with few links.
    fn widen(&self, top: usize, furniture: &[bool]) -> usize {
        let base = self.prose_chars(top, furniture);
        let mut best = top;
        let mut at = top;
        for _ in 0..6 {
            let parent = self.els[at].parent as usize;
            let Some(p) = self.els.get(parent) else {
                break;
            };
            // Never the document or its `<body>`.
            if self
                .els
                .get(p.parent as usize)
                .is_none_or(|g| g.parent == u32::MAX)
                || furniture[parent]
            {
                break;
            }
            at = parent;
            let e = &self.els[at];
            if e.link_chars * 4 > e.chars {
                break;
            }
            if self.prose_chars(at, furniture) as f32 >= base as f32 * 1.3 {
                best = at;
                break;
            }
        }
        best
    }

    /// The standfirst: prose between the headline and the body that the body container
    /// does not hold (`<p class=lead>` in the story's `<header>`, a deck in an `<h2>`
    /// above the text). Read backwards from the first kept block, within a few levels
    /// above the body, skipping captions, bylines and dates, stopping at the headline
    /// or at a link list.
    fn add_standfirst(&self, kept: &mut Vec<usize>, top: usize, trust_names: bool) {
        let Some(&first) = kept.first() else {
            return;
        };
        // The story is the smallest container above the body that holds the headline
        // (the nearest `<h1>` before it); without one, a few levels above the body.
        let headline = (first.saturating_sub(64)..first)
            .rev()
            .find(|&bi| self.blocks[bi].kind == Kind::Title);
        let mut scope = top;
        for level in 0..8 {
            if headline.is_some_and(|h| self.els[scope].first_block as usize <= h) || level == 4 {
                break;
            }
            let parent = self.els[scope].parent as usize;
            match self.els.get(parent) {
                Some(p) if p.parent != u32::MAX => scope = parent,
                _ => break,
            }
        }
        let scope_start = self.els[scope].first_block as usize;
        let furniture = self.furniture(trust_names, false);
        let mut lead = Vec::new();
        for bi in (scope_start..first).rev().take(16) {
            let b = &self.blocks[bi];
            if b.kind == Kind::Title || (b.link_chars * 4 > b.chars && b.chars >= 40) {
                break;
            }
            if furniture[b.el as usize] || b.chars < 25 {
                continue;
            }
            let prose = match b.kind {
                Kind::Paragraph | Kind::Loose => {
                    (b.chars >= 50 && has_sentence_end(&b.text))
                        || (b.chars >= 100 && reads_as_prose(&b.text))
                }
                Kind::Heading => b.chars >= 60 && reads_as_prose(&b.text),
                _ => false,
            };
            if prose {
                lead.push(bi);
                if lead.len() == 3 {
                    break;
                }
            }
        }
        lead.reverse();
        lead.append(kept);
        *kept = lead;
    }

    /// Whether each element is furniture (by tag, or by class/id words when
    /// `trust_names`), inherited from its ancestors. An element that holds more than half
    /// of the page's text is not furniture whatever its tag or name (`headers`: whether
    /// `<header>` counts as furniture): a `<header>` left
    /// unclosed swallows the whole page, and a wrapper called `has-sidebar` or
    /// `site-footer-push` holds the story rather than sits beside it.
    fn furniture(&self, trust_names: bool, headers: bool) -> Vec<bool> {
        let page: u64 = self
            .blocks
            .iter()
            .map(|b| u64::from(b.chars.saturating_sub(b.link_chars)))
            .sum();
        let mut out: Vec<bool> = Vec::with_capacity(self.els.len());
        for e in &self.els {
            if !e.tag_furniture && !e.name_furniture {
                // Neither it nor any ancestor is marked: the common case.
                out.push(false);
                continue;
            }
            let inherited = out.get(e.parent as usize).copied().unwrap_or(false);
            let own = (e.own_tag_furniture && (headers || !e.header))
                || (trust_names && e.own_name_furniture);
            let holds_page = u64::from(e.chars.saturating_sub(e.link_chars)) * 2 > page;
            out.push(inherited || (own && !holds_page));
        }
        out
    }

    /// Readability's step up from the top candidate: when two or more other containers
    /// score nearly as well (a story cut into chunks by ad slots; Readability asks for
    /// three, but a story cut once by a photo and once by an ad is as common), the body
    /// is the nearest ancestor holding two of them; and a parent that scores higher than the child it
    /// was reached from is the better body.
    fn ascend(&self, top: usize, top_score: f32, score: &dyn Fn(usize) -> Option<f32>) -> usize {
        // Element indices are in document order and `end_el` bounds the subtree.
        let is_ancestor = |a: usize, d: usize| d > a && d < self.els[a].end_el as usize;
        let alternatives: Vec<usize> = (0..self.els.len())
            .filter(|&i| i != top && !is_ancestor(i, top) && !is_ancestor(top, i))
            .filter(|&i| score(i).is_some_and(|s| s >= 0.75 * top_score))
            .take(64)
            .collect();
        let mut top = top;
        if alternatives.len() >= 2 {
            let mut at = self.els[top].parent;
            while let Some(e) = self.els.get(at as usize) {
                let a = at as usize;
                let contained = alternatives.iter().filter(|&&i| is_ancestor(a, i)).count();
                if contained >= 2 {
                    top = a;
                    break;
                }
                at = e.parent;
            }
        }
        // Walk up while the parent scores at least a third of its child, taking it when it
        // scores more.
        let mut last = score(top).unwrap_or(top_score);
        let threshold = last / 3.0;
        let mut at = self.els[top].parent;
        while let Some(e) = self.els.get(at as usize) {
            if e.parent == u32::MAX {
                break; // never the whole document
            }
            if let Some(s) = score(at as usize) {
                if s < threshold {
                    break;
                }
                if s > last {
                    top = at as usize;
                    break;
                }
                last = s;
            }
            at = e.parent;
        }
        top
    }
}

/// A short paragraph that addresses the reader about the site rather than the story:
/// subscriptions, newsletters, log-ins, the site's own accounts and apps, reprint rights.
fn is_call_to_action(text: &str) -> bool {
    if text.split_whitespace().nth(30).is_some() {
        return false;
    }
    // Words joined by one plain space: pages often write `&nbsp;` between them.
    let lower = text
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ");
    let word_starts = [
        "subscri",
        "newsletter",
        "copyright",
        "reprint",
        "suscrib",
        "suscríb",
        "abonn",
        "subskryp",
        "síguenos",
        "siguenos",
    ];
    let phrases = [
        "sign up",
        "signing up",
        "log in",
        "never miss",
        "stay up to date",
        "stay up-to-date",
        "all rights reserved",
        "follow us",
        "our app",
        "apps for ios",
        "submit your",
        "become a member",
        "hazte miembro",
        "werde mitglied",
        "devenez membre",
        "cancel anytime",
        "cancela cuando quieras",
        "our channel",
        "nuestro canal",
    ];
    // An invitation to follow or join the site on a social network ("Follow the Gleaner
    // on Twitter", "Únete a nuestro canal de Telegram"): a network's name alone is not
    // enough, news quotes what people said on Twitter.
    let networks = [
        "twitter",
        "instagram",
        "facebook",
        "telegram",
        "whatsapp",
        "youtube",
        "tiktok",
        "linkedin",
    ];
    let invitations = [
        "follow",
        "join",
        "keep up",
        "únete",
        "unete",
        "síguenos",
        "suivez",
        "folgen",
        "segui",
    ];
    let invites_to_network =
        networks.iter().any(|n| lower.contains(n)) && invitations.iter().any(|v| lower.contains(v));
    invites_to_network
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| word_starts.iter().any(|s| w.starts_with(s)))
        || phrases.iter().any(|p| lower.contains(p))
}

/// A few words ending with a colon: a label whose value is not there.
fn is_dangling_label(text: &str) -> bool {
    let text = text.trim();
    text.ends_with(':') && text.split_whitespace().nth(4).is_none()
}

fn has_sentence_end(text: &str) -> bool {
    text.contains(['.', '!', '?', '。', '！', '？', '؟'])
}

/// Four words or more, or a sentence end: not a menu entry, tab or button.
fn reads_as_prose(text: &str) -> bool {
    text.split_whitespace().nth(3).is_some() || text.trim_end().ends_with(['.', '!', '?'])
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
