//! Ingest stage: reads inputs (files, directories, stdin) into [`RawArticle`]s.
//!
//! One reader per input format, each in its own directory with its own tests
//! (`text/`, `html/`, `jsonl/`, `warc/`, `feed/`), all behind the same shape: a
//! [`Source`] (a named byte stream plus the CLI defaults) goes in, a lazy stream of
//! [`Records`] comes out. `charset/` turns page bytes in any encoding into text.
//! This module only decides *which* reader a path goes to and walks directories.
//!
//! **Which reader**: the extension proposes, the content decides. The first 16 KiB of
//! every file (through gzip when they start with its magic bytes, whatever the name)
//! are looked at ([`Format::detect`]): an unmistakable signature — `WARC/1.`, an
//! `<rss>`/`<feed>`/`<rdf:RDF>` root, `<!doctype html>`/`<html>` — overrides an
//! extension that lies (a feed saved as `.html`, a page saved as `.xml` or `.txt`); weak
//! signs (`{`, other markup, prose) only decide when there is no extension (stdin, or a
//! file named without one). In a directory walk, files with an unknown extension are
//! passed over without being opened.
//!
//! Two promises shape everything here:
//! - **Streaming**: nothing is read before the caller asks for the next record; JSONL is
//!   read line by line and WARC record by record, so a 1 GB crawl never sits in memory
//!   whole. A single document (page, text, feed) is read whole, up to
//!   [`MAX_DOCUMENT_BYTES`] ([`feed::MAX_FEED_BYTES`] for a feed).
//! - **Nothing lost, nothing stops**: every unreadable file, line or record becomes
//!   exactly one [`IngestError`] naming the file (and line or record), and reading goes
//!   on with the next one.
//!
//! `Origin::line` is the 1-based line for JSONL, the line of the `<item>`/`<entry>` for
//! feeds, and the 1-based record number for WARC (the reason of a WARC error also gives
//! the byte offset).

pub mod charset;
pub mod feed;
pub mod html;
pub mod jsonl;
pub mod text;
pub mod warc;

#[cfg(test)]
mod tests;

use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Origin, RawArticle};

/// A record that could not be read, with the reason. Never aborts the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    pub origin: Origin,
    pub reason: String,
    pub kind: IngestErrorKind,
}

/// Whether a problem lost a record or only passed over a file that is not input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestErrorKind {
    /// A record (file or line) that should have been read and could not be:
    /// missing file, invalid UTF-8, binary content, malformed JSON, empty file,
    /// unknown extension of a file the user named explicitly.
    Unreadable,
    /// A file met while walking a directory whose extension is not an input format
    /// (e.g. `README.md`), or a WARC record that is not a page (an image, a redirect, a
    /// 404); reported in the summary but not an error.
    Ignored,
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

impl std::error::Error for IngestError {}

impl IngestError {
    /// A lost record: the common case, so it gets the short constructor.
    pub fn unreadable(path: &str, line: Option<u64>, reason: impl Into<String>) -> IngestError {
        IngestError {
            origin: Origin {
                path: path.to_string(),
                line,
            },
            reason: reason.into(),
            kind: IngestErrorKind::Unreadable,
        }
    }
}

/// Defaults applied to records that do not carry their own metadata.
#[derive(Debug, Clone, Default)]
pub struct InputDefaults {
    pub published: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

impl InputDefaults {
    /// Builds a record's metadata: the record's own value wins, an empty string counts as
    /// missing (scrapers often write `"published": ""`), and the CLI default fills the gap.
    pub fn fill(&self, own: Option<String>, default: &Option<String>) -> Option<String> {
        match own {
            Some(v) if !v.trim().is_empty() => Some(v),
            _ => default.clone(),
        }
    }
}

/// The stream every reader returns: one item per record or per unreadable record.
pub type Records = Box<dyn Iterator<Item = Result<RawArticle, IngestError>>>;

/// What a format reader gets: a byte stream, the name to report it under, the defaults.
pub struct Source {
    /// The path as the user gave it (or as the directory walk built it); `-` for stdin.
    pub path: String,
    pub input: Box<dyn BufRead>,
    pub defaults: Arc<InputDefaults>,
}

/// The input formats Herald reads. Adding one means a new directory with a
/// `read(Source) -> Records` function, a variant here, and its extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    /// WARC 1.x (and 0.17) crawls, plain or gzip (one member per record, or whole).
    Warc,
    /// RSS 2.0, RSS 1.0 (RDF) and Atom feeds.
    Feed,
}

/// Extensions as listed to the user when a file is not recognised.
pub const KNOWN_EXTENSIONS: &str =
    ".txt, .html, .htm, .jsonl, .warc, .rss, .atom, .xml (each optionally .gz)";

/// The largest single document (text file, HTML page, WARC record payload) read into
/// memory; a larger one is one error, and reading goes on.
pub const MAX_DOCUMENT_BYTES: u64 = 32 << 20;

/// How many leading bytes decide the format.
const SNIFF_BYTES: usize = 16 << 10;

/// What the content of a stream says its format is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    pub format: Format,
    /// An unmistakable signature (WARC magic, a feed or `<html>` root): it overrides
    /// the extension. Otherwise the format is only a guess for unnamed streams.
    pub certain: bool,
}

impl Format {
    /// The format of a file extension (without the dot, any case). `.xml` is a feed
    /// unless its content says it is a page.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "warc" => Some(Format::Warc),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            _ => None,
        }
    }

    /// Guesses the format of an unnamed stream from its first non-blank byte: JSON Lines
    /// start every record with `{`, HTML with `<` (doctype, tag or comment); anything
    /// else is prose. [`Format::detect`] looks further and is what the readers use.
    pub fn sniff(first_non_blank: Option<u8>) -> Format {
        match first_non_blank {
            Some(b'{') => Format::Jsonl,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }

    /// The format the first bytes of a (decompressed) stream show: `WARC/1.` (or
    /// `WARC/0.`) → WARC; a root element `<rss>`, `<feed>` or `<rdf:RDF>` → feed, as is
    /// any other document that opens with `<?xml`; `<!doctype html>` or `<html>` → HTML;
    /// other markup → HTML; `{` → JSON Lines; anything else → text. Leading
    /// whitespace, a UTF-8 BOM, comments and processing instructions are skipped.
    pub fn detect(head: &[u8]) -> Detected {
        let weak = |format| Detected {
            format,
            certain: false,
        };
        let sure = |format| Detected {
            format,
            certain: true,
        };
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let Some(start) = head.iter().position(|b| !b.is_ascii_whitespace()) else {
            return weak(Format::Text);
        };
        let head = &head[start..];
        if warc::is_record_start(head) {
            return sure(Format::Warc);
        }
        match head[0] {
            b'{' => return weak(Format::Jsonl),
            b'<' => {}
            _ => return weak(Format::Text),
        }
        let mut xml = false;
        let mut rest = head;
        while let Some(lt) = rest.iter().position(|&b| b == b'<') {
            rest = &rest[lt..];
            let lower: Vec<u8> = rest[..rest.len().min(16)].to_ascii_lowercase();
            if lower.starts_with(b"<?xml") {
                xml = true;
            }
            if lower.starts_with(b"<!--") {
                match rest.windows(3).position(|w| w == b"-->") {
                    Some(end) => rest = &rest[end + 3..],
                    None => break,
                }
                continue;
            }
            if lower.starts_with(b"<!doctype") {
                let name = lower[9..].trim_ascii_start();
                if name.starts_with(b"html") {
                    return sure(Format::Html);
                }
            }
            if lower.starts_with(b"<?") || lower.starts_with(b"<!") {
                match rest.iter().position(|&b| b == b'>') {
                    Some(end) => rest = &rest[end + 1..],
                    None => break,
                }
                continue;
            }
            let name: Vec<u8> = lower[1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'-' | b'_'))
                .copied()
                .collect();
            return match name.as_slice() {
                b"rss" | b"feed" | b"rdf:rdf" => sure(Format::Feed),
                b"html" => sure(Format::Html),
                _ if xml => weak(Format::Feed),
                _ => weak(Format::Html),
            };
        }
        weak(if xml { Format::Feed } else { Format::Html })
    }

    /// Hands the source to this format's reader.
    pub fn read(self, source: Source) -> Records {
        match self {
            Format::Text => text::read(source),
            Format::Html => html::read(source),
            Format::Jsonl => jsonl::read(source),
            Format::Warc => warc::read(source),
            Format::Feed => feed::read(source),
        }
    }
}

/// Reads all inputs in order, streaming: one item per record or per unreadable record.
pub fn read_inputs(
    inputs: &[String],
    defaults: &InputDefaults,
) -> Box<dyn Iterator<Item = Result<RawArticle, IngestError>>> {
    let defaults = Arc::new(defaults.clone());
    let inputs = inputs.to_vec();
    Box::new(
        inputs
            .into_iter()
            .flat_map(move |input| read_input(input, defaults.clone())),
    )
}

/// One command-line input: stdin, a directory or a file.
fn read_input(input: String, defaults: Arc<InputDefaults>) -> Records {
    if input == "-" {
        return read_stdin(defaults);
    }
    let path = PathBuf::from(&input);
    match std::fs::metadata(&path) {
        Err(err) => error_once(IngestError::unreadable(&input, None, io_reason(&err))),
        Ok(meta) if meta.is_dir() => Box::new(Walk::new(path).flat_map(move |entry| match entry {
            Ok(file) => read_file(&file, true, defaults.clone()),
            Err(err) => error_once(err),
        })),
        Ok(_) => read_file(&path, false, defaults),
    }
}

/// Stdin has no name to go by: its format is detected from its content.
fn read_stdin(defaults: Arc<InputDefaults>) -> Records {
    let stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
    dispatch("-".to_string(), Box::new(stdin), None, defaults)
}

/// One file: picks the reader by extension (after an optional `.gz`) and content.
///
/// `walked` says whether the file was met in a directory walk: there, a file of an
/// unknown type is merely passed over ([`IngestErrorKind::Ignored`]) without being
/// opened; named explicitly, it is read if its content shows a format, and otherwise
/// it is a record the user expected and did not get.
fn read_file(path: &Path, walked: bool, defaults: Arc<InputDefaults>) -> Records {
    let name = path.to_string_lossy().into_owned();
    let (ext, _) = extension(path);
    let format = ext.as_deref().and_then(Format::from_extension);
    if format.is_none() && walked {
        return error_once(unknown_extension(&name, ext.as_deref(), true));
    }
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) => return error_once(IngestError::unreadable(&name, None, io_reason(&err))),
    };
    let input = Box::new(BufReader::with_capacity(1 << 16, file));
    match (format, ext) {
        (Some(format), _) => dispatch(name, input, Some(format), defaults),
        // An explicitly named file without any extension: its content decides.
        (None, None) => dispatch(name, input, None, defaults),
        // An unknown extension: read it only when the content is unmistakable.
        (None, Some(ext)) => dispatch_or(name, input, defaults, move |name| {
            unknown_extension(name, Some(&ext), false)
        }),
    }
}

fn unknown_extension(name: &str, ext: Option<&str>, walked: bool) -> IngestError {
    let shown = ext
        .map(|e| format!("`.{e}`"))
        .unwrap_or_else(|| "(none)".into());
    let arc = if ext == Some("arc") {
        " — ARC, the WARC's predecessor, is not read: convert it to WARC (e.g. `warcio recompress` or JWAT's `arc2warc`)"
    } else {
        ""
    };
    IngestError {
        origin: Origin {
            path: name.to_string(),
            line: None,
        },
        reason: if walked {
            format!("not an input file: extension {shown} (expected {KNOWN_EXTENSIONS}){arc}")
        } else {
            format!("unknown extension {shown} (expected {KNOWN_EXTENSIONS}){arc}")
        },
        kind: if walked {
            IngestErrorKind::Ignored
        } else {
            IngestErrorKind::Unreadable
        },
    }
}

/// Looks at the head of `input` (through gzip), settles the format — the extension's
/// `proposed` one unless the content is certain of another — and hands the whole
/// stream, looked-at bytes included, to that reader. Gzip is undone here for every
/// format but WARC, whose reader takes gzip members one by one to survive a bad one.
fn dispatch(
    path: String,
    input: Box<dyn BufRead>,
    proposed: Option<Format>,
    defaults: Arc<InputDefaults>,
) -> Records {
    let (detected, gzipped, input) = match sniff(&path, input) {
        Ok(sniffed) => sniffed,
        Err(Unsniffed::Io(err)) => return error_once(err),
        Err(Unsniffed::Unknown(reason)) => {
            return error_once(IngestError::unreadable(&path, None, reason))
        }
    };
    let format = match proposed {
        Some(format) if !detected.certain || detected.format == format => format,
        _ => detected.format,
    };
    open_as(format, gzipped, path, input, defaults)
}

/// Like [`dispatch`] for a file whose extension is unknown: read only when the content
/// is certain, else the error `refuse` builds.
fn dispatch_or(
    path: String,
    input: Box<dyn BufRead>,
    defaults: Arc<InputDefaults>,
    refuse: impl FnOnce(&str) -> IngestError,
) -> Records {
    let (detected, gzipped, input) = match sniff(&path, input) {
        Ok(sniffed) => sniffed,
        Err(Unsniffed::Io(err)) => return error_once(err),
        Err(Unsniffed::Unknown(_)) => return error_once(refuse(&path)),
    };
    if !detected.certain {
        return error_once(refuse(&path));
    }
    open_as(detected.format, gzipped, path, input, defaults)
}

/// Why [`sniff`] settled no format.
enum Unsniffed {
    /// The stream could not be read.
    Io(IngestError),
    /// The head was read but says nothing readable (bad gzip, …).
    Unknown(String),
}

/// Reads the head of `input` (through gzip) and detects its format; hands back the
/// whole stream, looked-at bytes included, and whether it is gzipped.
fn sniff(
    path: &str,
    input: Box<dyn BufRead>,
) -> Result<(Detected, bool, Box<dyn BufRead>), Unsniffed> {
    let (head, input) = peek(input)
        .map_err(|err| Unsniffed::Io(IngestError::unreadable(path, None, io_reason(&err))))?;
    let (detected, gzipped) = detect_stream(&head).map_err(Unsniffed::Unknown)?;
    Ok((detected, gzipped, input))
}

fn open_as(
    format: Format,
    gzipped: bool,
    path: String,
    input: Box<dyn BufRead>,
    defaults: Arc<InputDefaults>,
) -> Records {
    let input: Box<dyn BufRead> = if gzipped && format != Format::Warc {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(input),
        ))
    } else {
        input
    };
    format.read(Source {
        path,
        input,
        defaults,
    })
}

/// The format the head of a stream shows, looking inside gzip; and whether it is gzip.
/// Gzip data whose start does not decompress is the reason why not.
fn detect_stream(head: &[u8]) -> Result<(Detected, bool), String> {
    if head.starts_with(&[0x1f, 0x8b]) {
        let inner = gunzip_head(head, SNIFF_BYTES)?;
        Ok((Format::detect(&inner), true))
    } else {
        Ok((Format::detect(head), false))
    }
}

/// Up to `limit` bytes decompressed from the start of a gzip stream of which only
/// `head` is at hand (the decoder stops, harmlessly, where `head` ends); an error when
/// not even the first bytes decompress.
fn gunzip_head(head: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let mut decoder = flate2::bufread::MultiGzDecoder::new(head);
    let mut out = vec![0; limit];
    let mut filled = 0;
    while filled < limit {
        match decoder.read(&mut out[filled..]) {
            Ok(0) => break,
            Err(err) if filled == 0 => {
                let what = if err.kind() == std::io::ErrorKind::UnexpectedEof {
                    "truncated".to_string()
                } else {
                    err.to_string()
                };
                return Err(format!("gzip data that does not decompress ({what})"));
            }
            Err(_) => break,
            Ok(n) => filled += n,
        }
    }
    out.truncate(filled);
    Ok(out)
}

/// Reads the first [`SNIFF_BYTES`] of `input` (fewer at end of stream, or once a
/// first byte other than `<` or gzip's has been seen with a few bytes after it, so a
/// pipe is not held up) and gives back a stream that replays them.
fn peek(mut input: Box<dyn BufRead>) -> std::io::Result<(Vec<u8>, Box<dyn BufRead>)> {
    let mut head = Vec::new();
    while head.len() < SNIFF_BYTES {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if chunk.is_empty() {
            break;
        }
        let take = chunk.len().min(SNIFF_BYTES - head.len());
        head.extend_from_slice(&chunk[..take]);
        input.consume(take);
        let first = head
            .iter()
            .position(|b| !(b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF)));
        if let Some(at) = first {
            if !matches!(head[at], b'<' | 0x1f) && head.len() >= at + 16 {
                break;
            }
        }
    }
    let replay: Box<dyn BufRead> = Box::new(BufReader::with_capacity(
        1 << 16,
        Cursor::new(head.clone()).chain(input),
    ));
    Ok((head, replay))
}

/// The lowercase extension that decides the format, and whether a `.gz` wraps it:
/// `crawl.jsonl.gz` → (`jsonl`, true).
fn extension(path: &Path) -> (Option<String>, bool) {
    let ext = |p: &Path| {
        p.extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
    };
    match ext(path) {
        Some(e) if e == "gz" => (ext(&path.with_extension("")), true),
        other => (other, false),
    }
}

fn error_once(err: IngestError) -> Records {
    Box::new(std::iter::once(Err(err)))
}

/// A short, lower-case reason for an I/O error, in the words users know from the shell.
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => {
            "permission denied (check the file's read permission)".into()
        }
        ErrorKind::InvalidData => format!("corrupt or unreadable data: {err}"),
        _ => {
            let text = err.to_string();
            // Drop the "(os error 21)" tail: it helps nobody reading a summary.
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_lowercase(),
                None => text.to_lowercase(),
            }
        }
    }
}

/// Reads a whole-document input (text, HTML) and checks that it is UTF-8 text.
///
/// Documents are small (an article), so reading them whole is fine; what matters is
/// that each kind of bad file gets a reason the user can act on.
pub fn read_document(source: &mut Source) -> Result<String, IngestError> {
    let bytes = read_bytes(source, MAX_DOCUMENT_BYTES)?;
    decode_document(bytes).map_err(|reason| IngestError::unreadable(&source.path, None, reason))
}

/// Reads a whole source, refusing (with a reason) one larger than `limit` bytes.
pub fn read_bytes(source: &mut Source, limit: u64) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    if let Err(err) = (&mut source.input).take(limit + 1).read_to_end(&mut bytes) {
        return Err(IngestError::unreadable(&source.path, None, io_reason(&err)));
    }
    if bytes.len() as u64 > limit {
        return Err(IngestError::unreadable(
            &source.path,
            None,
            format!("larger than {} MiB: not read", limit >> 20),
        ));
    }
    Ok(bytes)
}

/// Bytes to text, or the reason they are not a readable document.
pub fn decode_document(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("UTF-16 text (convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`)".into());
    }
    if bytes.contains(&0) {
        return Err("binary file (NUL bytes)".into());
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            return Err(format!(
                "invalid UTF-8 at byte {at} (convert the file to UTF-8, e.g. with `iconv`)"
            ));
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    if text.trim().is_empty() {
        return Err("empty file".into());
    }
    Ok(text)
}

/// Walks a directory tree depth-first, lazily, in sorted (byte-wise) name order so
/// that runs are reproducible on any filesystem. Hidden entries (`.git`, `.DS_Store`)
/// are skipped, and symbolic links to directories are not followed, which keeps a
/// link cycle from walking forever.
struct Walk {
    stack: Vec<std::vec::IntoIter<PathBuf>>,
    pending_error: Option<IngestError>,
}

impl Walk {
    fn new(root: PathBuf) -> Walk {
        let mut walk = Walk {
            stack: Vec::new(),
            pending_error: None,
        };
        walk.enter(&root);
        walk
    }

    fn enter(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                let name = dir.to_string_lossy();
                self.pending_error = Some(IngestError::unreadable(&name, None, io_reason(&err)));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        self.stack.push(paths.into_iter());
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(err) = self.pending_error.take() {
                return Some(Err(err));
            }
            let path = match self.stack.last_mut()?.next() {
                Some(path) => path,
                None => {
                    self.stack.pop();
                    continue;
                }
            };
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            let meta = match std::fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(err) => {
                    let name = path.to_string_lossy();
                    return Some(Err(IngestError::unreadable(&name, None, io_reason(&err))));
                }
            };
            if meta.is_dir() {
                self.enter(&path);
                continue;
            }
            if meta.file_type().is_symlink() && path.is_dir() {
                continue;
            }
            return Some(Ok(path));
        }
    }
}
