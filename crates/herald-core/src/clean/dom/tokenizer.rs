//! The HTML tokenizer: bytes of a page to start tags, end tags and text runs.
//!
//! Written by hand because speed is the point: html5ever tokenizes these news pages at
//! about 45 MB/s and html5gum at about 85 MB/s on one core (measured on the
//! article-extraction-benchmark pages), while an average news page is 170 KB, three
//! quarters of it scripts, styles and inline JSON. This scanner jumps between `<`s
//! with `memchr` and over whole script and style bodies with `memmem`, so it runs at
//! memory speed on the parts Herald never reads.
//!
//! It follows the WHATWG tokenizer where the outcome changes what text a reader sees:
//! a `<` starts a tag only before an ASCII letter (`a < b` is text); comments end at
//! `-->` (`<!-->` is an empty comment); `<!DOCTYPE>`, `<?…>` and `</ junk>` are bogus
//! comments ending at `>`; attribute values may be quoted or bare and a `>` inside
//! quotes does not end the tag; `<script>`, `<style>` and the other raw-text elements
//! run to their own end tag; `<title>` and `<textarea>` are RCDATA (entities decoded,
//! no tags); `<plaintext>` runs to the end; a tag cut off by the end of the file is
//! dropped. Not followed: script-data escape states (`<!--<script>` inside scripts)
//! and the spec's parse-error bookkeeping — neither changes article text.
//!
//! Everything is sliced at ASCII bytes, so every `&str` handed out is valid UTF-8.

use memchr::{memchr, memchr2, memmem};

/// One attribute as written: name in its original case, value still escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawAttr<'a> {
    pub name: &'a str,
    pub value: &'a str,
}

/// What the tokenizer hands to the tree builder.
#[derive(Debug, PartialEq, Eq)]
pub enum Token<'t, 'a> {
    /// A start tag; `name` in its original case.
    Start {
        name: &'a str,
        attrs: &'t [RawAttr<'a>],
        self_closing: bool,
    },
    End {
        name: &'a str,
    },
    /// Text as written. `escaped`: entities in it are still to be decoded (false for
    /// the body of `<script>`, `<style>` and other raw-text elements).
    Text {
        text: &'a str,
        escaped: bool,
    },
}

/// How the content of an element is tokenized.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    Markup,
    /// No tags, no entities, up to the element's end tag.
    Raw,
    /// No tags, entities decoded, up to the element's end tag.
    Rcdata,
    /// Everything to the end of the file is text.
    Plaintext,
}

fn content_of(name: &str) -> Content {
    // Tag names are compared case-insensitively without allocating.
    let is = |n: &str| name.eq_ignore_ascii_case(n);
    if is("script")
        || is("style")
        || is("xmp")
        || is("iframe")
        || is("noembed")
        || is("noframes")
        || is("noscript")
    {
        Content::Raw
    } else if is("title") || is("textarea") {
        Content::Rcdata
    } else if is("plaintext") {
        Content::Plaintext
    } else {
        Content::Markup
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Tokenizes `html`, handing each token to `sink` in document order. For a start tag,
/// `sink` answers whether the element's content is markup even though its name says
/// raw text: true inside SVG and MathML, where `<title/>` and `<style>` are ordinary
/// elements (the tree builder knows the context; the tokenizer does not).
pub fn tokenize<'a>(html: &'a str, mut sink: impl FnMut(Token<'_, 'a>) -> bool) {
    let b = html.as_bytes();
    let mut attrs: Vec<RawAttr<'a>> = Vec::new();
    // Start of the text not yet handed out (a `<` that starts no tag stays in it).
    let mut text_start = 0usize;
    let mut pos = 0usize;
    let emit_text = |sink: &mut dyn FnMut(Token<'_, 'a>) -> bool, from: usize, to: usize| {
        if to > from {
            sink(Token::Text {
                text: &html[from..to],
                escaped: true,
            });
        }
    };
    while let Some(off) = memchr(b'<', &b[pos..]) {
        let lt = pos + off;
        let next = b.get(lt + 1).copied();
        match next {
            Some(c) if c.is_ascii_alphabetic() => {
                let Some(tag) = read_tag(b, lt + 1, &mut attrs) else {
                    // Cut off by the end of the file: the spec drops the tag.
                    emit_text(&mut sink, text_start, lt);
                    return;
                };
                emit_text(&mut sink, text_start, lt);
                let name = &html[lt + 1..tag.name_end];
                let foreign = sink(Token::Start {
                    name,
                    attrs: &attrs,
                    self_closing: tag.self_closing,
                });
                pos = tag.end;
                let content = if foreign {
                    Content::Markup
                } else {
                    content_of(name)
                };
                match content {
                    Content::Markup => {}
                    Content::Plaintext => {
                        if pos < b.len() {
                            sink(Token::Text {
                                text: &html[pos..],
                                escaped: false,
                            });
                        }
                        return;
                    }
                    kind => {
                        let (body_end, after) = raw_text_end(b, pos, name.as_bytes());
                        if body_end > pos {
                            sink(Token::Text {
                                text: &html[pos..body_end],
                                escaped: kind == Content::Rcdata,
                            });
                        }
                        sink(Token::End { name });
                        pos = after;
                    }
                }
                text_start = pos;
            }
            Some(b'/') => {
                emit_text(&mut sink, text_start, lt);
                match b.get(lt + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        // End tags may carry (ignored) attributes; quotes still count.
                        let Some(tag) = read_tag(b, lt + 2, &mut attrs) else {
                            return;
                        };
                        sink(Token::End {
                            name: &html[lt + 2..tag.name_end],
                        });
                        pos = tag.end;
                    }
                    Some(b'>') => pos = lt + 3,
                    None => {
                        // "</" at the very end is text.
                        sink(Token::Text {
                            text: &html[lt..],
                            escaped: false,
                        });
                        return;
                    }
                    Some(_) => pos = bogus_comment_end(b, lt + 2),
                }
                text_start = pos;
            }
            Some(b'!') => {
                emit_text(&mut sink, text_start, lt);
                pos = if b[lt..].starts_with(b"<!--") {
                    comment_end(b, lt + 4)
                } else {
                    bogus_comment_end(b, lt + 2)
                };
                text_start = pos;
            }
            Some(b'?') => {
                emit_text(&mut sink, text_start, lt);
                pos = bogus_comment_end(b, lt + 1);
                text_start = pos;
            }
            // A `<` before anything else is text; keep scanning after it.
            _ => pos = lt + 1,
        }
        if pos >= b.len() {
            break;
        }
    }
    emit_text(&mut sink, text_start, b.len());
}

struct TagEnd {
    /// End of the tag name.
    name_end: usize,
    /// Just after the closing `>`.
    end: usize,
    self_closing: bool,
}

/// Reads a tag from its name (at `start`) to its `>`, filling `attrs`. `None` when the
/// file ends inside the tag.
fn read_tag<'a>(b: &'a [u8], start: usize, attrs: &mut Vec<RawAttr<'a>>) -> Option<TagEnd> {
    attrs.clear();
    let mut i = start;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name_end = i;
    let mut self_closing = false;
    loop {
        // Between attributes: spaces and stray slashes.
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        let c = *b.get(i)?;
        if c == b'>' {
            return Some(TagEnd {
                name_end,
                end: i + 1,
                self_closing: self_closing && b[i - 1] == b'/',
            });
        }
        self_closing = false;
        // Attribute name: a leading `=` belongs to the name, as the spec says.
        let name_start = i;
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name_end_a = i;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let mut value = (i, i);
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match *b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = i + 1 + memchr(q, &b[i + 1..])?;
                    value = (i + 1, close);
                    i = close + 1;
                }
                b'>' => value = (i, i),
                _ => {
                    let s = i;
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    value = (s, i);
                }
            }
        }
        // Names and values end at ASCII bytes, so these are char boundaries.
        let text = |from: usize, to: usize| std::str::from_utf8(&b[from..to]).unwrap_or("");
        attrs.push(RawAttr {
            name: text(name_start, name_end_a),
            value: text(value.0, value.1),
        });
    }
}

/// Where the body of a raw-text element ends (its `</name` followed by a space, `/`
/// or `>`) and where the text after its end tag starts. Without an end tag, the body
/// runs to the end of the file.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let finder = memmem::Finder::new(b"</");
    let mut at = from;
    while let Some(off) = finder.find(&b[at..]) {
        let lt = at + off;
        let name_start = lt + 2;
        let name_end = name_start + name.len();
        if name_end <= b.len()
            && b[name_start..name_end].eq_ignore_ascii_case(name)
            && b.get(name_end)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            let after = memchr(b'>', &b[name_end..]).map_or(b.len(), |k| name_end + k + 1);
            return (lt, after);
        }
        at = lt + 2;
    }
    (b.len(), b.len())
}

/// End of a `<!-- … -->` comment whose content starts at `from`.
fn comment_end(b: &[u8], from: usize) -> usize {
    // `<!-->` and `<!--->` are complete (empty) comments.
    if b.get(from) == Some(&b'>') {
        return from + 1;
    }
    if b.get(from..from + 2) == Some(b"->") {
        return from + 2;
    }
    memmem::find(&b[from..], b"-->").map_or(b.len(), |k| from + k + 3)
}

/// End of a bogus comment (`<!DOCTYPE …>`, `<?xml …?>`, `</ junk>`): the next `>`.
fn bogus_comment_end(b: &[u8], from: usize) -> usize {
    memchr(b'>', &b[from.min(b.len())..]).map_or(b.len(), |k| from + k + 1)
}

/// Whether `text` needs entity decoding or line-ending normalisation.
pub fn needs_decoding(text: &str) -> bool {
    memchr2(b'&', b'\r', text.as_bytes()).is_some()
}
