//! WARC crawls (ISO 28500: WARC/1.0 and 1.1, and the older WARC/0.17 of Heritrix), plain
//! or gzip — one gzip member per record as crawlers write them (`.warc.gz`, CC-NEWS), or
//! the whole file in one member.
//!
//! Written here rather than with the `warc` crate: what matters is what happens when a
//! crawl is damaged, and that needs control of every byte — a gzip member that does not
//! decode, a `Content-Length` that lies, a file cut short. The rules:
//! - **Streaming**: records are read one at a time through a 64 KiB buffer; a record's
//!   block is held in memory only up to [`BLOCK_LIMIT`] (a page and its HTTP headers).
//!   A larger record is skipped without being held (one error, or ignored when its
//!   HTTP headers show it is not a page).
//! - **Which records are articles**: `response` records carrying an HTTP response with
//!   status 200 and an HTML `Content-Type` (or none, with content that looks like
//!   HTML); `resource` and `conversion` records whose own `Content-Type` is HTML. Other
//!   responses (images, scripts, robots.txt, redirects, 404s, `dns:` records) and
//!   `revisit`s are counted as [`IngestErrorKind::Ignored`] with the reason; `warcinfo`,
//!   `request`, `metadata` and `continuation` records describe other records, hold no
//!   document and are passed over silently.
//! - **Metadata**: `WARC-Target-URI` is the article's url. `WARC-Date` is *not* used as
//!   `published`: it is when the crawler fetched the page, hours to years after
//!   publication, and a record-level date overrides the page's own metadata in the
//!   pipeline; left empty, the page's metadata (JSON-LD, `article:published_time`,
//!   `<time>`) and then the URL decide. The CLI's `--published` still fills it.
//! - **Payloads**: chunked transfer coding and `Content-Encoding: gzip`/`deflate`/`br` are
//!   undone (bounded); the charset comes from the HTTP header, BOM, `<meta>`, detection
//!   ([`super::charset::decode_html`]).
//! - **Damage**: each problem is one [`IngestErrorKind::Unreadable`] error naming the
//!   record number (1-based, all record types counted; also `Origin::line`) and its byte
//!   offset (for gzip files: the offset of the gzip member in the file, as CDX indexes
//!   give it, and the offset in the uncompressed stream). Reading then resynchronises on
//!   the next line that starts with `WARC/1.` or `WARC/0.`, looking first inside the
//!   bytes a too-long `Content-Length` swallowed, so a neighbour record is not lost. A
//!   gzip member that does not decode is skipped up to the next gzip header (`1f 8b 08`).
//!   Nothing here panics on any input (the tests cut a crawl at every position).

#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, BufRead, Read};
use std::rc::Rc;
use std::sync::Arc;

use super::charset::{content_type_charset, decode_html};
use super::{Format, IngestError, IngestErrorKind, InputDefaults, Records, Source};
use crate::model::{Origin, RawArticle, RawBody};

/// The largest record block held in memory: a page of [`super::MAX_DOCUMENT_BYTES`]
/// plus room for its HTTP headers.
pub const BLOCK_LIMIT: u64 = super::MAX_DOCUMENT_BYTES + (1 << 20);
/// The largest WARC header (all its fields).
const HEADER_LIMIT: usize = 256 << 10;
/// How much of a too-large block is kept to read its HTTP headers.
const HTTP_HEAD_LIMIT: usize = 64 << 10;

/// Reads a WARC stream lazily, one item per document record (or problem).
pub fn read(mut source: Source) -> Records {
    let gzipped = matches!(source.input.fill_buf(), Ok(head) if head.starts_with(&[0x1f, 0x8b]));
    let members = Rc::new(RefCell::new(VecDeque::new()));
    let inner: Box<dyn Read> = if gzipped {
        Box::new(GzMembers::new(source.input, members.clone()))
    } else {
        Box::new(source.input)
    };
    Box::new(WarcRecords {
        path: source.path,
        defaults: source.defaults,
        stream: Stream::new(inner, gzipped.then_some(members)),
        record: 0,
        resync: false,
        done: false,
    })
}

/// Whether `bytes` start with a WARC version line (`WARC/1.0`, `WARC/1.1`, `WARC/0.17`).
pub fn is_record_start(bytes: &[u8]) -> bool {
    bytes.len() >= 7
        && bytes.starts_with(b"WARC/")
        && matches!(bytes[5], b'0' | b'1')
        && bytes[6] == b'.'
}

struct WarcRecords {
    path: String,
    defaults: Arc<InputDefaults>,
    stream: Stream,
    /// Number of the record being read (1-based; 0 before the first).
    record: u64,
    /// After damage: skip to the next line that starts a record.
    resync: bool,
    done: bool,
}

/// A parsed WARC header.
#[derive(Default)]
struct Header {
    kind: String,
    uri: Option<String>,
    content_type: Option<String>,
    length: Option<u64>,
}

/// Where a record starts, for messages.
#[derive(Clone, Copy)]
struct Place {
    offset: u64,
    member: Option<u64>,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.member {
            Some(member) => write!(
                f,
                "(gzip member at byte {member}, uncompressed byte {})",
                self.offset
            ),
            None => write!(f, "at byte {}", self.offset),
        }
    }
}

/// What became of one record.
enum Outcome {
    Article(RawArticle),
    Problem(IngestErrorKind, String),
    /// Not a document (warcinfo, request, metadata): nothing to report.
    Nothing,
}

impl Iterator for WarcRecords {
    type Item = Result<RawArticle, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.next_record() {
                Outcome::Article(article) => return Some(Ok(article)),
                Outcome::Problem(kind, reason) => {
                    return Some(Err(IngestError {
                        origin: Origin {
                            path: self.path.clone(),
                            line: Some(self.record.max(1)),
                        },
                        reason,
                        kind,
                    }))
                }
                Outcome::Nothing => {}
            }
        }
        None
    }
}

impl WarcRecords {
    /// Reads the next record, whatever it holds.
    fn next_record(&mut self) -> Outcome {
        let unreadable = |reason: String| Outcome::Problem(IngestErrorKind::Unreadable, reason);
        // 1. Find the start of the record.
        let found = if self.resync {
            self.stream.skip_to_record_start()
        } else {
            self.stream.skip_blank_lines()
        };
        match found {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                if self.record == 0 && !self.resync {
                    return unreadable("empty file (no WARC record)".into());
                }
                return Outcome::Nothing;
            }
            Err(err) => {
                // A gzip member failed before any record header: what it held is lost.
                self.record += 1;
                self.resync = true;
                return unreadable(format!("WARC record {} (or more) lost: {err}", self.record));
            }
        }
        let place = self.stream.place();
        let starts = match self.stream.peek(8) {
            Ok(head) => is_record_start(head),
            Err(err) => {
                self.record += 1;
                self.resync = true;
                return unreadable(format!("WARC record {} (or more) lost: {err}", self.record));
            }
        };
        if !starts {
            self.record += 1;
            self.resync = true;
            let shown = self.stream.peek(40).map(printable).unwrap_or_default();
            return unreadable(format!(
                "WARC record {} {place}: no WARC header here (found `{shown}`); skipping to the next record",
                self.record
            ));
        }
        self.resync = false;
        self.record += 1;
        let n = self.record;

        // 2. The header.
        let header = match self.read_header() {
            Ok(header) => header,
            Err(what) => {
                self.resync = true;
                return unreadable(format!("WARC record {n} {place}: {what}"));
            }
        };
        let Some(length) = header.length else {
            self.resync = true;
            return unreadable(format!(
                "WARC record {n} {place}: no valid Content-Length in the WARC header"
            ));
        };

        // 3. The block, then the record separator; damage resynchronises.
        let block = match self.read_block(length) {
            Ok(block) => block,
            Err(what) => {
                self.resync = true;
                return unreadable(format!("WARC record {n} {place}: {what}"));
            }
        };
        if let Err(what) = self.check_separator(&block, length) {
            self.resync = true;
            return unreadable(format!("WARC record {n} {place}: {what}"));
        }

        // 4. What the record holds.
        let url = header.uri.clone();
        let about = match &url {
            Some(url) => format!("WARC record {n} {place} ({url})"),
            None => format!("WARC record {n} {place}"),
        };
        match self.interpret(&header, block) {
            Ok(Some(html)) => Outcome::Article(RawArticle {
                origin: Origin {
                    path: self.path.clone(),
                    line: Some(n),
                },
                url: self.defaults.fill(url, &self.defaults.url),
                title: None,
                published: self.defaults.published.clone(),
                source: self.defaults.source.clone(),
                body: RawBody::Html(html),
            }),
            Ok(None) => Outcome::Nothing,
            Err((kind, what)) => Outcome::Problem(kind, format!("{about}: {what}")),
        }
    }

    /// Reads header lines up to the blank line that ends them.
    fn read_header(&mut self) -> Result<Header, String> {
        let mut header = Header::default();
        let mut size = 0;
        let mut first = true;
        loop {
            let line = match self.stream.read_line(HEADER_LIMIT) {
                Ok(Some(line)) => line,
                Ok(None) => return Err("the file ends inside the WARC header".into()),
                Err(err) => return Err(format!("WARC header unreadable: {err}")),
            };
            size += line.len();
            if size > HEADER_LIMIT {
                return Err(format!(
                    "WARC header longer than {} KiB (no blank line ends it)",
                    HEADER_LIMIT >> 10
                ));
            }
            if first {
                first = false;
                continue; // the version line
            }
            if is_record_start(&line) {
                // A record cut inside its header, and the next one right after it.
                self.stream.unread(&line);
                return Err("the WARC header is cut short: a new record starts inside it".into());
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                return Ok(header);
            }
            let Some((name, value)) = text.split_once(':') else {
                continue; // a folded or malformed line: nothing we need
            };
            let value = value.trim();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value.to_ascii_lowercase(),
                "warc-target-uri" => {
                    let uri = value.trim_start_matches('<').trim_end_matches('>').trim();
                    if !uri.is_empty() {
                        header.uri = Some(uri.to_string());
                    }
                }
                "content-type" => header.content_type = Some(value.to_string()),
                "content-length" => header.length = value.parse().ok(),
                _ => {}
            }
        }
    }

    /// Reads the record block: whole when it fits in [`BLOCK_LIMIT`], else its first
    /// [`HTTP_HEAD_LIMIT`] bytes (the rest is skipped unread).
    fn read_block(&mut self, length: u64) -> Result<Block, String> {
        let keep = if length <= BLOCK_LIMIT {
            length as usize
        } else {
            HTTP_HEAD_LIMIT
        };
        let mut bytes = Vec::with_capacity(keep.min(1 << 20));
        let outcome = self.stream.read_into(&mut bytes, keep).and_then(|()| {
            if bytes.len() == keep {
                self.stream.skip(length - keep as u64)
            } else {
                Ok(0)
            }
        });
        let got = bytes.len() as u64;
        match outcome {
            Ok(skipped) if got + skipped == length => Ok(Block {
                bytes,
                complete: length <= BLOCK_LIMIT,
                length,
            }),
            Ok(skipped) => {
                let had = got + skipped;
                self.recover_from(&bytes, &[]);
                Err(format!(
                    "truncated: Content-Length is {length} bytes but the data ends after {had}"
                ))
            }
            Err(err) => {
                self.recover_from(&bytes, &[]);
                Err(format!(
                    "unreadable after {got} of its {length} bytes: {err}"
                ))
            }
        }
    }

    /// After a block: the `\r\n\r\n` separator, then the next record or the end.
    /// Lenient about the separator itself (`\n\n`, missing at the very end), strict
    /// about what follows: anything else means the `Content-Length` lied.
    fn check_separator(&mut self, block: &Block, length: u64) -> Result<(), String> {
        let ahead = match self.stream.peek(64) {
            Ok(ahead) => ahead.to_vec(),
            Err(err) => {
                // The block was read whole: the damage is the next record's.
                self.stream.defer(err);
                return Ok(());
            }
        };
        let newlines = ahead
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let rest = &ahead[newlines..];
        // The exact separator is enough: junk after it is the next read's problem.
        if ahead.starts_with(b"\r\n\r\n")
            || rest.is_empty()
            || (newlines > 0 || block.length == 0) && is_record_start(rest)
        {
            let newlines = if ahead.starts_with(b"\r\n\r\n") {
                4
            } else {
                newlines
            };
            self.stream.consume(newlines);
            return Ok(());
        }
        if rest.len() < 7 && b"WARC/1.".starts_with(&rest[..rest.len().min(7)]) {
            // The file ends inside what looks like a next header: let it report itself.
            self.stream.consume(newlines);
            return Ok(());
        }
        let at = self.stream.place().offset;
        if block.complete {
            if let Some(start) = self.recover_from(&block.bytes, &ahead) {
                return Err(format!(
                    "Content-Length {length} runs past the end of the record: the next record \
                     starts {} bytes earlier",
                    block.bytes.len() - start
                ));
            }
        }
        Err(format!(
            "Content-Length {length} does not end the record: no record separator at \
             uncompressed byte {at} (found `{}`)",
            printable(&ahead[..ahead.len().min(24)])
        ))
    }

    /// Looks for a record start inside bytes already read (swallowed by a lying
    /// `Content-Length`), where the start may run on into the bytes `ahead` still
    /// unread, and gives them back to the stream from there. Returns where.
    fn recover_from(&mut self, bytes: &[u8], ahead: &[u8]) -> Option<usize> {
        let joined;
        let hay = if ahead.is_empty() {
            bytes
        } else {
            joined = [bytes, &ahead[..ahead.len().min(8)]].concat();
            &joined
        };
        // A block starts after a line break too (the header's blank line).
        let start = (0..bytes.len()).find(|&i| {
            (i == 0 || hay[i - 1] == b'\n') && hay[i] == b'W' && is_record_start(&hay[i..])
        })?;
        self.stream.unread(&bytes[start..]);
        Some(start)
    }

    /// The article a record holds, `None` for records that hold no document, or why
    /// it is not read.
    fn interpret(
        &self,
        header: &Header,
        block: Block,
    ) -> Result<Option<String>, (IngestErrorKind, String)> {
        let ignored = |what: String| Err((IngestErrorKind::Ignored, what));
        let unreadable = |what: String| Err((IngestErrorKind::Unreadable, what));
        let warc_type = header.content_type.as_deref().unwrap_or("");
        match header.kind.as_str() {
            "response" => {
                if !mime_of(warc_type).starts_with("application/http")
                    && !block.bytes.starts_with(b"HTTP/")
                {
                    return ignored(format!(
                        "not an HTTP response (Content-Type `{}`)",
                        mime_of(warc_type)
                    ));
                }
                let http = match parse_http(&block.bytes) {
                    Ok(http) => http,
                    Err(what) => return unreadable(what),
                };
                if http.status != 200 {
                    return ignored(format!("HTTP status {} (not a page)", http.status));
                }
                let payload = &block.bytes[http.body_start.min(block.bytes.len())..];
                if !is_html(http.content_type.as_deref(), payload) {
                    return ignored(format!(
                        "not a page (Content-Type `{}`)",
                        http.content_type
                            .as_deref()
                            .map(mime_of)
                            .unwrap_or_default()
                    ));
                }
                if !block.complete {
                    return unreadable(too_large(block.length));
                }
                let payload = match decode_payload(payload, &http) {
                    Ok(payload) => payload,
                    Err(what) => return unreadable(what),
                };
                let charset = http.content_type.as_deref().and_then(content_type_charset);
                decode_html(&payload, charset.as_deref(), header.uri.as_deref())
                    .map(|d| Some(d.text))
                    .map_err(|what| (IngestErrorKind::Unreadable, what))
            }
            "resource" | "conversion" => {
                if !is_html(header.content_type.as_deref(), &block.bytes) {
                    return ignored(format!(
                        "not a page (Content-Type `{}`)",
                        mime_of(warc_type)
                    ));
                }
                if !block.complete {
                    return unreadable(too_large(block.length));
                }
                let charset = content_type_charset(warc_type);
                decode_html(&block.bytes, charset.as_deref(), header.uri.as_deref())
                    .map(|d| Some(d.text))
                    .map_err(|what| (IngestErrorKind::Unreadable, what))
            }
            "revisit" => ignored("revisit record (the page is stored in an earlier record)".into()),
            "warcinfo" | "request" | "metadata" | "continuation" => Ok(None),
            "" => unreadable("no WARC-Type in the header".into()),
            other => ignored(format!("unknown record type `{other}`")),
        }
    }
}

fn too_large(length: u64) -> String {
    format!(
        "record of {} MiB is larger than the {} MiB limit for a page: not read",
        length >> 20,
        BLOCK_LIMIT >> 20
    )
}

/// A record block as read.
struct Block {
    /// The whole block, or its first [`HTTP_HEAD_LIMIT`] bytes when not `complete`.
    bytes: Vec<u8>,
    complete: bool,
    length: u64,
}

/// The parts of an HTTP response a reader needs.
#[derive(Debug, Default)]
struct Http {
    status: u16,
    content_type: Option<String>,
    transfer_encoding: Option<String>,
    content_encoding: Option<String>,
    body_start: usize,
}

/// Parses the status line and headers of an HTTP response (LF or CRLF lines).
fn parse_http(block: &[u8]) -> Result<Http, String> {
    if !block.starts_with(b"HTTP/") {
        let shown = printable(&block[..block.len().min(24)]);
        return Err(format!(
            "no HTTP status line in the response (found `{shown}`)"
        ));
    }
    let head = &block[..block.len().min(HTTP_HEAD_LIMIT)];
    let mut http = Http::default();
    let mut at = 0;
    let mut first = true;
    loop {
        let Some(nl) = head[at..].iter().position(|&b| b == b'\n') else {
            // Headers without an end: a response cut short; whatever body there is
            // is not trustworthy.
            return Err("HTTP headers do not end (response truncated)".into());
        };
        let line = String::from_utf8_lossy(&head[at..at + nl]);
        let line = line.trim_end_matches('\r');
        at += nl + 1;
        if first {
            first = false;
            http.status = line
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| {
                    format!(
                        "malformed HTTP status line `{}`",
                        printable(line.as_bytes())
                    )
                })?;
            continue;
        }
        if line.is_empty() {
            http.body_start = at;
            return Ok(http);
        }
        if let Some((name, value)) = line.split_once(':') {
            let value = Some(value.trim().to_string());
            match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => http.content_type = value,
                "transfer-encoding" => http.transfer_encoding = value,
                "content-encoding" => http.content_encoding = value,
                _ => {}
            }
        }
    }
}

/// The media type of a `Content-Type`, lower case, without parameters.
fn mime_of(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Whether a payload is a page: declared HTML/XHTML, or undeclared and looking like HTML.
fn is_html(content_type: Option<&str>, payload: &[u8]) -> bool {
    match content_type.map(mime_of).as_deref() {
        Some("text/html" | "application/xhtml+xml" | "text/xhtml") => true,
        Some("" | "application/octet-stream" | "unknown/unknown") | None => {
            Format::detect(&payload[..payload.len().min(4096)]).format == Format::Html
        }
        Some(_) => false,
    }
}

/// Undoes chunked transfer coding and gzip/deflate/brotli content coding, each only when the
/// bytes really are so (crawlers such as Common Crawl store decoded payloads but keep
/// the original headers). Bounded by [`super::MAX_DOCUMENT_BYTES`].
fn decode_payload(payload: &[u8], http: &Http) -> Result<Vec<u8>, String> {
    let chunked = http
        .transfer_encoding
        .as_deref()
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let mut body = match chunked.then(|| dechunk(payload)).flatten() {
        Some(body) => body,
        None => payload.to_vec(),
    };
    let coding = http
        .content_encoding
        .as_deref()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let limit = super::MAX_DOCUMENT_BYTES;
    let inflate = |reader: &mut dyn Read| -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        reader.take(limit + 1).read_to_end(&mut out)?;
        Ok(out)
    };
    let decoded = match coding.as_str() {
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => Some(
            inflate(&mut flate2::read::MultiGzDecoder::new(&body[..]))
                .map_err(|e| format!("Content-Encoding gzip does not decode: {e}"))?,
        ),
        "deflate" if !body.trim_ascii_start().starts_with(b"<") => Some(
            inflate(&mut flate2::read::ZlibDecoder::new(&body[..]))
                .or_else(|_| inflate(&mut flate2::read::DeflateDecoder::new(&body[..])))
                .map_err(|e| format!("Content-Encoding deflate does not decode: {e}"))?,
        ),
        // Brotli has no magic number: a payload that does not decode is taken as
        // stored decoded when it reads as markup, else reported.
        "br" => match inflate(&mut brotli_decompressor::Decompressor::new(&body[..], 4096)) {
            Ok(out) => Some(out),
            Err(_) if body.trim_ascii_start().starts_with(b"<") => None,
            Err(e) => return Err(format!("Content-Encoding br does not decode: {e}")),
        },
        _ => None,
    };
    if let Some(decoded) = decoded {
        if decoded.len() as u64 > limit {
            return Err(format!(
                "page decompresses to more than {} MiB: not read",
                limit >> 20
            ));
        }
        body = decoded;
    }
    Ok(body)
}

/// Joins the chunks of a chunked body; `None` when the bytes are not chunked after all.
fn dechunk(mut bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    loop {
        let nl = bytes.iter().position(|&b| b == b'\n')?;
        let line = std::str::from_utf8(&bytes[..nl]).ok()?.trim();
        let size = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size, 16).ok()?;
        bytes = &bytes[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        if size > bytes.len() {
            // The last chunk is cut short (a truncated capture): keep what is there.
            out.extend_from_slice(bytes);
            return Some(out);
        }
        out.extend_from_slice(&bytes[..size]);
        bytes = &bytes[size..];
        let skip = bytes
            .iter()
            .take(2)
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        bytes = &bytes[skip..];
        if bytes.is_empty() {
            return Some(out);
        }
    }
}

/// Bytes for a message: lossy UTF-8, control characters escaped, at most 40 chars.
fn printable(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .take(40)
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Compressed offset at which each gzip member starts, by the uncompressed offset of
/// its first byte (sorted; bounded).
type MemberMap = Rc<RefCell<VecDeque<(u64, u64)>>>;
const MEMBER_MAP_LIMIT: usize = 4096;

/// A byte stream with look-ahead, give-back and offsets, over a plain or gzip input.
struct Stream {
    inner: Box<dyn Read>,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// Uncompressed offset of `buf[pos]`.
    offset: u64,
    /// Whether `buf[pos]` starts a line (or a fresh gzip member).
    line_start: bool,
    members: Option<MemberMap>,
    /// An error of the gzip layer met after the buffered bytes: delivered once they
    /// are consumed.
    pending: Option<String>,
}

impl Stream {
    fn new(inner: Box<dyn Read>, members: Option<MemberMap>) -> Stream {
        Stream {
            inner,
            buf: Vec::new(),
            pos: 0,
            eof: false,
            offset: 0,
            line_start: true,
            members,
            pending: None,
        }
    }

    fn place(&self) -> Place {
        let member = self.members.as_ref().and_then(|map| {
            let map = map.borrow();
            let i = map.partition_point(|&(start, _)| start <= self.offset);
            i.checked_sub(1).map(|i| map[i].1)
        });
        Place {
            offset: self.offset,
            member,
        }
    }

    /// Makes at least `n` bytes available and returns them all: fewer only at the end
    /// of the data or just before a gzip error, which the next call returns once the
    /// bytes before it are consumed.
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        if self.buf.len() - self.pos < n {
            if let Some(err) = self.pending.take() {
                if self.buf.len() > self.pos {
                    self.pending = Some(err);
                    return Ok(&self.buf[self.pos..]);
                }
                self.line_start = true;
                return Err(io::Error::new(io::ErrorKind::InvalidData, err));
            }
        }
        while self.buf.len() - self.pos < n && !self.eof {
            if self.pos > 0 {
                self.buf.drain(..self.pos);
                self.pos = 0;
            }
            let have = self.buf.len();
            let want = (n - have).max(64 << 10);
            self.buf.resize(have + want, 0);
            match self.inner.read(&mut self.buf[have..]) {
                Ok(0) => {
                    self.buf.truncate(have);
                    self.eof = true;
                }
                Ok(got) => self.buf.truncate(have + got),
                Err(err) if err.kind() == io::ErrorKind::Interrupted => self.buf.truncate(have),
                Err(err) => {
                    self.buf.truncate(have);
                    if self.buf.len() > self.pos {
                        self.pending = Some(err.to_string());
                        break;
                    }
                    // The gzip layer goes on with the next member: a new start.
                    self.line_start = true;
                    return Err(err);
                }
            }
        }
        Ok(&self.buf[self.pos..])
    }

    /// Puts back an error met while looking ahead, for the next read to report.
    fn defer(&mut self, err: io::Error) {
        self.pending = Some(err.to_string());
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.buf.len() - self.pos);
        if n > 0 {
            self.line_start = self.buf[self.pos + n - 1] == b'\n';
        }
        self.pos += n;
        self.offset += n as u64;
    }

    /// Gives bytes just consumed back, in front of the stream; they start a line.
    fn unread(&mut self, bytes: &[u8]) {
        let mut buf = Vec::with_capacity(bytes.len() + self.buf.len() - self.pos);
        buf.extend_from_slice(bytes);
        buf.extend_from_slice(&self.buf[self.pos..]);
        self.buf = buf;
        self.pos = 0;
        self.offset -= bytes.len() as u64;
        self.line_start = true;
    }

    /// A line with its `\n`, at most `max` bytes (a longer one is returned cut);
    /// `None` at the end.
    fn read_line(&mut self, max: usize) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        loop {
            let avail = self.peek(1)?;
            if avail.is_empty() {
                return Ok((!line.is_empty()).then_some(line));
            }
            let room = max + 1 - line.len();
            match avail.iter().take(room).position(|&b| b == b'\n') {
                Some(nl) => {
                    line.extend_from_slice(&avail[..=nl]);
                    self.consume(nl + 1);
                    return Ok(Some(line));
                }
                None => {
                    let take = avail.len().min(room);
                    line.extend_from_slice(&avail[..take]);
                    self.consume(take);
                    if line.len() > max {
                        return Ok(Some(line));
                    }
                }
            }
        }
    }

    /// Appends up to `n` bytes to `out` (fewer only at the end of the data).
    fn read_into(&mut self, out: &mut Vec<u8>, n: usize) -> io::Result<()> {
        while out.len() < n {
            let avail = self.peek(1)?;
            if avail.is_empty() {
                return Ok(());
            }
            let take = avail.len().min(n - out.len());
            out.extend_from_slice(&avail[..take]);
            self.consume(take);
        }
        Ok(())
    }

    /// Skips up to `n` bytes; returns how many were there.
    fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut done = 0;
        while done < n {
            let avail = self.peek(1)?.len();
            if avail == 0 {
                break;
            }
            let take = (avail as u64).min(n - done) as usize;
            self.consume(take);
            done += take as u64;
        }
        Ok(done)
    }

    /// Skips blank lines; `true` when something (hopefully a record) follows.
    fn skip_blank_lines(&mut self) -> io::Result<bool> {
        loop {
            let avail = self.peek(1)?;
            if avail.is_empty() {
                return Ok(false);
            }
            let blank = avail.iter().take_while(|b| b.is_ascii_whitespace()).count();
            if blank == 0 {
                return Ok(true);
            }
            self.consume(blank);
        }
    }

    /// Skips to the next line that starts with a WARC version; `false` at the end.
    fn skip_to_record_start(&mut self) -> io::Result<bool> {
        loop {
            let line_start = self.line_start;
            let avail = self.peek(8)?;
            if avail.len() < 8 {
                // Too short to hold a record: the end (or bytes before a gzip error).
                let n = avail.len();
                self.consume(n);
                if self.eof && self.pending.is_none() {
                    return Ok(false);
                }
                continue;
            }
            if line_start && is_record_start(avail) {
                return Ok(true);
            }
            let found = avail
                .windows(8)
                .position(|w| w[0] == b'\n' && is_record_start(&w[1..]));
            match found {
                Some(i) => {
                    self.consume(i + 1);
                    return Ok(true);
                }
                None => {
                    let n = avail.len() - 7;
                    self.consume(n);
                }
            }
        }
    }
}

/// Counts the compressed bytes consumed from a gzip file.
struct Counted {
    inner: Box<dyn BufRead>,
    count: u64,
}

impl Read for Counted {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(out)?;
        self.count += n as u64;
        Ok(n)
    }
}

impl BufRead for Counted {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.inner.consume(n);
        self.count += n as u64;
    }
}

/// Decodes gzip member after member. A member that fails to decode is reported once
/// (an `io::Error` naming its offset) and skipped up to the next gzip header, where
/// decoding goes on — so one damaged record does not end the crawl.
struct GzMembers {
    decoder: Option<flate2::bufread::GzDecoder<Counted>>,
    /// Compressed offset of the member being decoded.
    member: u64,
    /// Uncompressed bytes produced so far.
    produced: u64,
    map: MemberMap,
}

impl GzMembers {
    fn new(input: Box<dyn BufRead>, map: MemberMap) -> GzMembers {
        map.borrow_mut().push_back((0, 0));
        GzMembers {
            decoder: Some(flate2::bufread::GzDecoder::new(Counted {
                inner: input,
                count: 0,
            })),
            member: 0,
            produced: 0,
            map,
        }
    }

    /// Starts decoding a new member where `inner` stands.
    fn start(&mut self, inner: Counted) {
        self.member = inner.count;
        let mut map = self.map.borrow_mut();
        if map.len() >= MEMBER_MAP_LIMIT {
            map.pop_front();
        }
        if map.back().is_some_and(|&(start, _)| start == self.produced) {
            map.pop_back();
        }
        map.push_back((self.produced, self.member));
        drop(map);
        self.decoder = Some(flate2::bufread::GzDecoder::new(inner));
    }

    /// Skips to the next gzip header (`1f 8b 08`) at or after where `inner` stands;
    /// returns how many bytes were skipped and whether they were all zero (padding).
    fn seek_header(inner: &mut Counted) -> io::Result<(u64, bool)> {
        let mut skipped = 0u64;
        let mut zeros = true;
        loop {
            let avail = inner.fill_buf()?;
            if avail.is_empty() {
                return Ok((skipped, zeros));
            }
            if avail.len() < 3 {
                // Too short to hold a header: whatever it is, it ends the file.
                let n = avail.len();
                zeros &= avail.iter().all(|&b| b == 0);
                inner.consume(n);
                skipped += n as u64;
                continue;
            }
            match avail.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]) {
                Some(i) => {
                    zeros &= avail[..i].iter().all(|&b| b == 0);
                    inner.consume(i);
                    return Ok((skipped + i as u64, zeros));
                }
                None => {
                    let n = avail.len() - 2;
                    zeros &= avail[..n].iter().all(|&b| b == 0);
                    inner.consume(n);
                    skipped += n as u64;
                }
            }
        }
    }
}

impl Read for GzMembers {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            match decoder.read(out) {
                Ok(0) if !out.is_empty() => {
                    // The member is complete: another one, junk, or the end.
                    let mut inner = self
                        .decoder
                        .take()
                        .map(|d| d.into_inner())
                        .expect("decoder");
                    let at = inner.count;
                    match inner.fill_buf() {
                        Ok([]) => return Ok(0),
                        Ok([0x1f, 0x8b, ..]) => self.start(inner),
                        Ok(_) => {
                            let (skipped, zeros) = Self::seek_header(&mut inner)?;
                            let more = !inner.fill_buf()?.is_empty();
                            if more {
                                self.start(inner);
                            }
                            if !zeros {
                                return Err(io::Error::new(
                                    io::ErrorKind::InvalidData,
                                    format!("{skipped} bytes that are not gzip data at byte {at} skipped"),
                                ));
                            }
                        }
                        Err(err) => return Err(err),
                    }
                }
                Ok(n) => {
                    self.produced += n as u64;
                    return Ok(n);
                }
                Err(err) => {
                    let member = self.member;
                    let mut inner = self
                        .decoder
                        .take()
                        .map(|d| d.into_inner())
                        .expect("decoder");
                    // Never restart on the same header.
                    if inner.count == member {
                        let step = inner.fill_buf()?.len().min(1);
                        inner.consume(step);
                    }
                    Self::seek_header(&mut inner)?;
                    if !inner.fill_buf()?.is_empty() {
                        self.start(inner);
                    }
                    let what = if err.kind() == io::ErrorKind::UnexpectedEof {
                        "is truncated".to_string()
                    } else {
                        format!("is corrupt ({err})")
                    };
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("gzip member at byte {member} {what}"),
                    ));
                }
            }
        }
    }
}
