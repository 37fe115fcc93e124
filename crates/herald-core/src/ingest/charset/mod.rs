//! Charsets of web pages: bytes in any encoding to UTF-8 text.
//!
//! The rule for HTML (files, WARC records, feeds that are really pages), in order:
//! 1. a byte-order mark (UTF-8, UTF-16LE/BE) — first, as browsers do (WHATWG
//!    Encoding Standard): a BOM is written by the program that wrote the bytes, while a
//!    header or `<meta>` is often copied from a template;
//! 2. the HTTP `Content-Type` charset (WARC responses);
//! 3. `<meta charset>` / `<meta http-equiv="Content-Type" content="…; charset=…">`, then an
//!    XML declaration's `encoding`, found in the first 4 KiB;
//! 4. detection: valid UTF-8 is UTF-8; otherwise `chardetng` (Firefox's detector), with
//!    the top-level domain of the page's URL as a hint.
//!
//! A declared legacy charset is overruled by the bytes in one case: when they are valid
//! UTF-8 *with* multi-byte characters (a page re-saved as UTF-8 that kept its old
//! `<meta charset=iso-8859-1>`) — legacy text practically never forms valid UTF-8
//! sequences by chance. Labels are the WHATWG ones (`encoding_rs`), so `latin1`,
//! `iso-8859-1` and `us-ascii` mean windows-1252, as in every browser, and a `<meta>`
//! that says UTF-16 on ASCII-compatible bytes means UTF-8.
//!
//! Decoding never fails: bytes invalid in the chosen encoding become U+FFFD. The only
//! refusals are an empty page and binary data (NUL bytes in the first KiB, outside
//! UTF-16). Plain-text files keep the stricter rule of [`super::decode_document`]: they
//! must be UTF-8, since nothing in a `.txt` file declares its encoding.

#[cfg(test)]
mod tests;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How far into a page `<meta charset>` is looked for (browsers: 1024 bytes; pages
/// with long `<head>` scripts put it later, so a little more).
const META_SCAN: usize = 4096;
/// How many bytes the detector sees (enough for any language; bounds the time).
const DETECT_SCAN: usize = 64 * 1024;

/// Where the encoding of a decoded page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    Bom,
    Http,
    Meta,
    /// Valid UTF-8 without any declaration (or overruling a declared legacy charset).
    Utf8,
    Detected,
}

/// A page as text, with the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding (`UTF-8`, `windows-1252`, `Shift_JIS`, …).
    pub encoding: &'static str,
    pub source: CharsetSource,
}

/// Decodes an HTML page. `http_charset` is the `charset` of an HTTP `Content-Type`
/// (WARC responses), `url` gives the detector its top-level-domain hint.
pub fn decode_html(
    bytes: &[u8],
    http_charset: Option<&str>,
    url: Option<&str>,
) -> Result<Decoded, String> {
    let bom = Encoding::for_bom(bytes);
    if bom.is_none() && bytes[..bytes.len().min(1024)].contains(&0) {
        return Err("binary data (NUL bytes), not a page".into());
    }
    let (encoding, source) = choose(bytes, bom.map(|(e, _)| e), http_charset, url);
    let (text, _, _) = encoding.decode(bytes); // removes a BOM of any kind
    let mut text = text.into_owned();
    if text.contains('\0') {
        // A stray NUL deep inside a page: no reader wants it in the text.
        text = text.replace('\0', "\u{fffd}");
    }
    if text.trim().is_empty() {
        return Err("empty page".into());
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        source,
    })
}

/// Decodes an XML document (a feed): BOM, then the XML declaration's `encoding`, then
/// UTF-8 when valid, else detection as for pages.
pub fn decode_xml(bytes: &[u8]) -> Decoded {
    let declared = xml_declared(&bytes[..bytes.len().min(META_SCAN)]).map(usable);
    let (encoding, source) = match Encoding::for_bom(bytes) {
        Some((e, _)) => (e, CharsetSource::Bom),
        None => match declared {
            Some(e) if !(e != UTF_8 && is_multibyte_utf8(bytes)) => (e, CharsetSource::Meta),
            _ if std::str::from_utf8(bytes).is_ok() => (UTF_8, CharsetSource::Utf8),
            _ => (detect(bytes, None), CharsetSource::Detected),
        },
    };
    let (text, _, _) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        source,
    }
}

fn choose(
    bytes: &[u8],
    bom: Option<&'static Encoding>,
    http_charset: Option<&str>,
    url: Option<&str>,
) -> (&'static Encoding, CharsetSource) {
    if let Some(e) = bom {
        return (e, CharsetSource::Bom);
    }
    let head = &bytes[..bytes.len().min(META_SCAN)];
    let declared = http_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .map(|e| (e, CharsetSource::Http))
        .or_else(|| meta_charset(head).map(|e| (e, CharsetSource::Meta)))
        .or_else(|| xml_declared(head).map(|e| (e, CharsetSource::Meta)));
    if let Some((e, source)) = declared {
        let e = usable(e);
        if e != UTF_8 && is_multibyte_utf8(bytes) {
            return (UTF_8, CharsetSource::Utf8);
        }
        return (e, source);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, CharsetSource::Utf8);
    }
    (detect(bytes, url), CharsetSource::Detected)
}

/// What a declared label may mean for ASCII-compatible bytes: UTF-16 cannot be declared
/// from inside them (WHATWG: read as UTF-8), and `replacement` (ISO-2022-KR and other
/// labels browsers refuse) or `x-user-defined` would lose the page: windows-1252 instead.
fn usable(e: &'static Encoding) -> &'static Encoding {
    if e == UTF_16LE || e == UTF_16BE {
        UTF_8
    } else if e == encoding_rs::REPLACEMENT || e == encoding_rs::X_USER_DEFINED {
        WINDOWS_1252
    } else {
        e
    }
}

/// Valid UTF-8 containing at least one non-ASCII character.
fn is_multibyte_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// chardetng over the first [`DETECT_SCAN`] bytes, hinted by the URL's top-level domain.
fn detect(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(DETECT_SCAN)];
    detector.feed(sample, sample.len() == bytes.len());
    let tld = url.and_then(tld_of);
    detector.guess(tld.as_deref().map(str::as_bytes), Utf8Detection::Allow)
}

/// The top-level domain of a URL, lower case and ASCII (as chardetng requires; it
/// panics otherwise, so anything unusual gives no hint).
pub fn tld_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    let tld = host.trim_end_matches('.').rsplit('.').next()?;
    if tld.is_empty() || !tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    Some(tld.to_ascii_lowercase())
}

/// The `charset` parameter of a `Content-Type` value: `text/html; charset="utf-8"`.
pub fn content_type_charset(content_type: &str) -> Option<String> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let value = attribute_value(&content_type.as_bytes()[at + "charset".len()..])?;
    Some(value)
}

/// After an attribute name: optional spaces, `=`, optional spaces and quotes, the
/// value up to a quote, space, `;`, `>` or `/`.
fn attribute_value(after_name: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < after_name.len() && after_name[i].is_ascii_whitespace() {
        i += 1;
    }
    if after_name.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while i < after_name.len()
        && matches!(after_name[i], b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'\'')
    {
        i += 1;
    }
    let start = i;
    while i < after_name.len()
        && !matches!(after_name[i], b'"' | b'\'' | b';' | b'>' | b'/' | b',')
        && !after_name[i].is_ascii_whitespace()
    {
        i += 1;
    }
    let value = std::str::from_utf8(&after_name[start..i]).ok()?;
    (!value.is_empty()).then(|| value.to_string())
}

/// The encoding a `<meta>` in `head` declares: `<meta charset="x">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=x">`. Comments are
/// skipped; the first `<meta>` with a known label wins.
pub fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = find(&lower[at..], b"<") {
        let start = at + found;
        if lower[start..].starts_with(b"<!--") {
            at = match find(&lower[start + 4..], b"-->") {
                Some(end) => start + 4 + end + 3,
                None => return None,
            };
            continue;
        }
        at = start + 1;
        if !lower[start..].starts_with(b"<meta") {
            continue;
        }
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        let mut from = 0;
        while let Some(pos) = find(&tag[from..], b"charset") {
            let after = from + pos + b"charset".len();
            if let Some(label) = attribute_value(&tag[after..]) {
                if let Some(e) = Encoding::for_label(label.as_bytes()) {
                    return Some(e);
                }
            }
            from = after;
        }
        at = end;
    }
    None
}

/// The `encoding` of an XML declaration at the start of `head`.
fn xml_declared(head: &[u8]) -> Option<&'static Encoding> {
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = find(head, b"?>")?;
    let decl = &head[..end];
    let pos = find(decl, b"encoding")?;
    let label = attribute_value(&decl[pos + b"encoding".len()..])?;
    Encoding::for_label(label.as_bytes())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
