//! Tree construction: tokens to the flat [`Document`], with the parts of the WHATWG
//! tree-construction rules that decide where text belongs.
//!
//! Followed: void elements; `<p>` implicitly closed by block starts (within "button
//! scope"), `<li>`/`<dd>`/`<dt>` by their next sibling, cells, rows and row groups by
//! the next one, `<option>` by the next option, a heading by a heading; a second `<a>`
//! closes the first when only inline elements lie between; `</p>` with no open `<p>`
//! makes an empty paragraph; `</br>` is `<br>`; an end tag closes up to its element
//! unless a "special" element (a block, a table part) lies between, else it is
//! ignored; one `<html>`, `<head>`, `<body>`, and `<head>` closes at the first body
//! content; `/>` counts only inside SVG and MathML.
//!
//! Not followed (they move nothing between blocks): re-opening of formatting
//! elements, the adoption agency, foster parenting, frameset and quirks modes.
//!
//! Bounds: elements nest at most [`MAX_DEPTH`] deep — deeper start tags are dropped
//! with as many of the end tags after them, keeping their text — so 100,000 nested
//! `<div>`s cost linear time; searches of the open-element stack are bounded by it.

use super::tokenizer::{needs_decoding, tokenize, RawAttr, Token};
use super::{Attr, Data, Document, NodeData, Str};

/// Deepest element nesting kept. Real pages stay below a few hundred levels.
pub const MAX_DEPTH: usize = 1_000;

/// Elements that never have content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "image"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Start tags that close an open `<p>`: the block-level elements of HTML.
pub fn closes_p(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "center"
                | "details"
                | "dialog"
                | "dir"
                | "div"
                | "dl"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "header"
                | "hgroup"
                | "hr"
                | "main"
                | "menu"
                | "nav"
                | "ol"
                | "p"
                | "pre"
                | "listing"
                | "search"
                | "section"
                | "summary"
                | "table"
                | "ul"
                | "li"
                | "dd"
                | "dt"
                | "xmp"
                | "plaintext"
        )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements that bound the search for an open `<p>` ("button scope").
fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "template"
            | "button"
    )
}

/// HTML start tags that end SVG or MathML content left open (`<svg><use></div>` is
/// common: icon markup with a missing `</svg>`).
fn breaks_out_of_foreign(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "b" | "big"
                | "blockquote"
                | "body"
                | "br"
                | "center"
                | "code"
                | "dd"
                | "div"
                | "dl"
                | "dt"
                | "em"
                | "embed"
                | "head"
                | "hr"
                | "i"
                | "img"
                | "li"
                | "listing"
                | "menu"
                | "meta"
                | "nobr"
                | "ol"
                | "p"
                | "pre"
                | "ruby"
                | "s"
                | "small"
                | "span"
                | "strong"
                | "strike"
                | "sub"
                | "sup"
                | "table"
                | "tt"
                | "u"
                | "ul"
                | "var"
        )
}

/// The spec's "special" category: an end tag does not close across these. The block-level
/// elements (but `<dialog>`) and the elements with special parsing.
fn is_special(name: &str) -> bool {
    (closes_p(name) && name != "dialog")
        || matches!(
            name,
            "applet"
                | "area"
                | "base"
                | "basefont"
                | "bgsound"
                | "body"
                | "br"
                | "button"
                | "caption"
                | "col"
                | "colgroup"
                | "embed"
                | "frame"
                | "frameset"
                | "head"
                | "html"
                | "iframe"
                | "img"
                | "input"
                | "keygen"
                | "link"
                | "marquee"
                | "meta"
                | "noembed"
                | "noframes"
                | "noscript"
                | "object"
                | "param"
                | "script"
                | "select"
                | "source"
                | "style"
                | "tbody"
                | "td"
                | "template"
                | "textarea"
                | "tfoot"
                | "th"
                | "thead"
                | "title"
                | "tr"
                | "track"
                | "wbr"
        )
}

/// Elements that may stay in `<head>`; anything else starts the body.
fn belongs_in_head(name: &str) -> bool {
    matches!(
        name,
        "base"
            | "basefont"
            | "bgsound"
            | "link"
            | "meta"
            | "title"
            | "style"
            | "script"
            | "noscript"
            | "template"
            | "noframes"
    )
}

/// Tags whose open count is tracked, so the common case ("no `<p>` open") needs no
/// stack search.
#[derive(Clone, Copy)]
enum Counted {
    P,
    Li,
    DdDt,
    A,
    Cell,
    Row,
    Section,
    Foreign,
    Table,
}

fn counted(name: &str) -> Option<Counted> {
    Some(match name {
        "p" => Counted::P,
        "li" => Counted::Li,
        "dd" | "dt" => Counted::DdDt,
        "a" => Counted::A,
        "td" | "th" => Counted::Cell,
        "tr" => Counted::Row,
        "tbody" | "thead" | "tfoot" => Counted::Section,
        "svg" | "math" => Counted::Foreign,
        "table" => Counted::Table,
        _ => return None,
    })
}

struct Builder {
    doc: Document,
    /// Open elements, outermost first.
    open: Vec<u32>,
    counts: [u32; 9],
    /// Start tags dropped beyond [`MAX_DEPTH`] whose end tags are still to come.
    excess: usize,
    seen_html: bool,
    seen_head: bool,
    seen_body: bool,
    head: Option<u32>,
    /// Reused for lower-casing tag and attribute names.
    scratch: String,
}

pub fn build(html: &str) -> Document {
    let mut b = Builder {
        doc: Document {
            // Tags and scripts are dropped, so a fraction of the page suffices.
            nodes: Vec::with_capacity(html.len() / 64),
            attrs: Vec::with_capacity(html.len() / 64),
            strings: String::with_capacity(html.len() / 2),
        },
        open: Vec::new(),
        counts: [0; 9],
        excess: 0,
        seen_html: false,
        seen_head: false,
        seen_body: false,
        head: None,
        scratch: String::new(),
    };
    tokenize(html, |token| match token {
        Token::Start {
            name,
            attrs,
            self_closing,
        } => {
            b.start(name, attrs, self_closing);
            // Inside SVG or MathML, `<title>` and `<style>` hold markup.
            b.count(Counted::Foreign) > 0
        }
        Token::End { name } => {
            b.end(name);
            false
        }
        Token::Text { text, escaped } => {
            b.text(text, escaped);
            false
        }
    });
    while !b.open.is_empty() {
        b.pop();
    }
    b.doc
}

impl Builder {
    fn count(&self, c: Counted) -> u32 {
        self.counts[c as usize]
    }

    fn name_of(&self, id: u32) -> &str {
        match self.doc.nodes[id as usize].data {
            Data::Element { name, .. } => self.doc.str(name),
            Data::Text(_) => "",
        }
    }

    /// Appends `s` to the string store (lower-cased when `lower`).
    fn store(&mut self, s: &str, lower: bool) -> Str {
        let start = self.doc.strings.len() as u32;
        if lower && s.bytes().any(|c| c.is_ascii_uppercase()) {
            self.doc
                .strings
                .extend(s.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            self.doc.strings.push_str(s);
        }
        Str {
            start,
            len: self.doc.strings.len() as u32 - start,
        }
    }

    /// Appends text, decoding entities and turning CR and CRLF into LF.
    fn store_text(&mut self, s: &str, escaped: bool) -> Str {
        let start = self.doc.strings.len() as u32;
        if needs_decoding(s) {
            let decoded = if escaped {
                htmlize::unescape(s)
            } else {
                std::borrow::Cow::Borrowed(s)
            };
            if decoded.contains('\r') {
                let lf = decoded.replace("\r\n", "\n").replace('\r', "\n");
                self.doc.strings.push_str(&lf);
            } else {
                self.doc.strings.push_str(&decoded);
            }
        } else {
            self.doc.strings.push_str(s);
        }
        Str {
            start,
            len: self.doc.strings.len() as u32 - start,
        }
    }

    fn pop(&mut self) {
        let Some(id) = self.open.pop() else { return };
        let end = self.doc.nodes.len() as u32;
        self.doc.nodes[id as usize].end = end;
        if let Some(c) = counted(self.name_of(id)) {
            self.counts[c as usize] = self.counts[c as usize].saturating_sub(1);
        }
        if self.head == Some(id) {
            self.head = None;
        }
    }

    /// Pops up to and including the open element at stack position `pos`.
    fn pop_to(&mut self, pos: usize) {
        while self.open.len() > pos {
            self.pop();
        }
    }

    /// Stack position of the innermost open element for which `is_target` holds,
    /// searching down from the top until `stop` holds for an element.
    fn find_open(
        &self,
        is_target: impl Fn(&str) -> bool,
        stop: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        for (pos, &id) in self.open.iter().enumerate().rev() {
            let name = self.name_of(id);
            if is_target(name) {
                return Some(pos);
            }
            if stop(name) {
                return None;
            }
        }
        None
    }

    fn close_p(&mut self) {
        if self.count(Counted::P) > 0 {
            if let Some(pos) = self.find_open(|n| n == "p", is_scope_boundary) {
                self.pop_to(pos);
            }
        }
    }

    fn close_head(&mut self) {
        if let Some(head) = self.head {
            if let Some(pos) = self.open.iter().rposition(|&id| id == head) {
                self.pop_to(pos);
            }
            self.head = None;
        }
    }

    /// Closes what the start of `name` implicitly ends.
    fn implied_ends(&mut self, name: &str) {
        if self.count(Counted::Foreign) > 0 && breaks_out_of_foreign(name) {
            if let Some(pos) = self.find_open(|n| n == "svg" || n == "math", |_| false) {
                // Outermost foreign root: search again from there down.
                let outer = self.open[..pos]
                    .iter()
                    .position(|&id| matches!(self.name_of(id), "svg" | "math"))
                    .unwrap_or(pos);
                self.pop_to(outer);
            }
        }
        if self.head.is_some() && !belongs_in_head(name) {
            self.close_head();
        }
        if closes_p(name) {
            self.close_p();
        }
        match name {
            "li" if self.count(Counted::Li) > 0 => {
                let stop = |n: &str| is_special(n) && !matches!(n, "address" | "div" | "p");
                if let Some(pos) = self.find_open(|n| n == "li", stop) {
                    self.pop_to(pos);
                }
            }
            "dd" | "dt" if self.count(Counted::DdDt) > 0 => {
                let stop = |n: &str| is_special(n) && !matches!(n, "address" | "div" | "p");
                if let Some(pos) = self.find_open(|n| n == "dd" || n == "dt", stop) {
                    self.pop_to(pos);
                }
            }
            "td" | "th" if self.count(Counted::Cell) > 0 => {
                let stop =
                    |n: &str| matches!(n, "tr" | "table" | "tbody" | "thead" | "tfoot" | "html");
                if let Some(pos) = self.find_open(|n| n == "td" || n == "th", stop) {
                    self.pop_to(pos);
                }
            }
            "tr" if self.count(Counted::Row) > 0 => {
                let stop = |n: &str| matches!(n, "table" | "tbody" | "thead" | "tfoot" | "html");
                if let Some(pos) = self.find_open(|n| n == "tr", stop) {
                    self.pop_to(pos);
                }
            }
            "tbody" | "thead" | "tfoot" if self.count(Counted::Section) > 0 => {
                let stop = |n: &str| matches!(n, "table" | "html");
                if let Some(pos) =
                    self.find_open(|n| matches!(n, "tbody" | "thead" | "tfoot"), stop)
                {
                    self.pop_to(pos);
                }
            }
            "option" | "optgroup" => {
                if self
                    .open
                    .last()
                    .is_some_and(|&id| self.name_of(id) == "option")
                {
                    self.pop();
                }
                if name == "optgroup"
                    && self
                        .open
                        .last()
                        .is_some_and(|&id| self.name_of(id) == "optgroup")
                {
                    self.pop();
                }
            }
            "a" if self.count(Counted::A) > 0 => {
                // A link does not nest in a link: the new one ends the old one when
                // only inline elements lie between them.
                if let Some(pos) = self.find_open(|n| n == "a", is_special) {
                    self.pop_to(pos);
                }
            }
            _ if is_heading(name)
                && self
                    .open
                    .last()
                    .is_some_and(|&id| is_heading(self.name_of(id))) =>
            {
                self.pop();
            }
            _ => {}
        }
    }

    fn start(&mut self, raw_name: &str, attrs: &[RawAttr<'_>], self_closing: bool) {
        let mut name = std::mem::take(&mut self.scratch);
        name.clear();
        name.extend(raw_name.chars().map(|c| c.to_ascii_lowercase()));
        self.start_lower(&name, attrs, self_closing);
        self.scratch = name;
    }

    fn start_lower(&mut self, name: &str, attrs: &[RawAttr<'_>], self_closing: bool) {
        match name {
            "html" => {
                if std::mem::replace(&mut self.seen_html, true) {
                    return;
                }
            }
            "head" => {
                if self.seen_head || self.seen_body {
                    return;
                }
                self.seen_head = true;
            }
            "body" => {
                self.close_head();
                if std::mem::replace(&mut self.seen_body, true) {
                    return;
                }
            }
            // Table parts outside a table are ignored, their text kept (a `<caption>`
            // in a paragraph would otherwise hide the paragraph from the reader).
            "caption" | "col" | "colgroup" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th"
                if self.count(Counted::Table) == 0 =>
            {
                return;
            }
            _ => self.implied_ends(name),
        }
        let foreign = self.count(Counted::Foreign) > 0 || matches!(name, "svg" | "math");
        let keeps_open = !(is_void(name) || self_closing && foreign);
        if keeps_open && self.open.len() >= MAX_DEPTH {
            self.excess += 1;
            return;
        }
        let id = self.doc.nodes.len() as u32;
        let name_str = self.store(name, false);
        let first_attr = self.doc.attrs.len() as u32;
        for a in attrs {
            let attr_name = self.store(a.name, true);
            // The spec keeps the first of duplicated attributes.
            let first = first_attr as usize;
            let duplicate = self.doc.attrs[first..]
                .iter()
                .any(|x| self.doc.str(x.name) == self.doc.str(attr_name));
            if duplicate {
                continue;
            }
            let value = if a.value.contains('&') {
                let decoded = htmlize::unescape_attribute(a.value);
                self.store(&decoded, false)
            } else {
                self.store(a.value, false)
            };
            self.doc.attrs.push(Attr {
                name: attr_name,
                value,
            });
        }
        let attr_count = self.doc.attrs.len() as u32 - first_attr;
        self.doc.nodes.push(NodeData {
            parent: self.open.last().copied().unwrap_or(u32::MAX),
            end: id + 1,
            data: Data::Element {
                name: name_str,
                first_attr,
                attr_count,
            },
        });
        if keeps_open {
            self.open.push(id);
            if let Some(c) = counted(name) {
                self.counts[c as usize] += 1;
            }
            if name == "head" {
                self.head = Some(id);
            }
        }
    }

    fn end(&mut self, raw_name: &str) {
        if self.excess > 0 {
            self.excess -= 1;
            return;
        }
        let mut name = std::mem::take(&mut self.scratch);
        name.clear();
        name.extend(raw_name.chars().map(|c| c.to_ascii_lowercase()));
        match name.as_str() {
            // Content after `</body>` or `</html>` is still the body's.
            "html" | "body" => {}
            "head" => self.close_head(),
            "br" => self.start_lower("br", &[], false),
            "p" if self.count(Counted::P) == 0
                || self.find_open(|n| n == "p", is_scope_boundary).is_none() =>
            {
                // A stray `</p>` is an empty paragraph: it still ends the text run.
                self.start_lower("p", &[], false);
                self.pop();
            }
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" => {
                // Table parts close in "table scope": across cells, not across tables.
                let n = name.as_str();
                let stop = |o: &str| matches!(o, "html" | "table" | "template");
                if let Some(pos) = self.find_open(|o| o == n, stop) {
                    self.pop_to(pos);
                }
            }
            n if is_special(n) => {
                // Block end tags close their element when it is "in scope": table
                // cells, captions and the like bound the search, not other blocks
                // (`<div><p>text</div>` closes the paragraph and the div).
                let stop = |o: &str| is_scope_boundary(o) && o != "button";
                if let Some(pos) = self.find_open(|o| o == n, stop) {
                    self.pop_to(pos);
                }
            }
            n => {
                // Inline end tags do not close across a block.
                if let Some(pos) = self.find_open(|o| o == n, is_special) {
                    self.pop_to(pos);
                }
            }
        }
        self.scratch = name;
    }

    fn text(&mut self, text: &str, escaped: bool) {
        if self.head.is_some() && text.bytes().any(|c| !c.is_ascii_whitespace()) {
            let in_head_element = self.open.last() != self.head.as_ref();
            if !in_head_element {
                self.close_head();
            }
        }
        let parent = self.open.last().copied().unwrap_or(u32::MAX);
        // Text split by a comment or a dropped tag joins the run before it.
        let joins_last = matches!(
            self.doc.nodes.last(),
            Some(NodeData { parent: p, data: Data::Text(s), .. })
                if *p == parent && (s.start + s.len) as usize == self.doc.strings.len()
        );
        let id = self.doc.nodes.len() as u32;
        let s = self.store_text(text, escaped);
        if s.len == 0 {
            return;
        }
        if joins_last {
            if let Some(NodeData {
                data: Data::Text(last),
                ..
            }) = self.doc.nodes.last_mut()
            {
                last.len += s.len;
            }
            return;
        }
        self.doc.nodes.push(NodeData {
            parent,
            end: id + 1,
            data: Data::Text(s),
        });
    }
}
