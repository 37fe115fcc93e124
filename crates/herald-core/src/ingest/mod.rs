//! Ingest stage: reads inputs (files, directories, stdin) into [`RawArticle`]s.
//!
//! One reader per input format, each in its own directory with its own tests
//! (`text/`, `html/`, `jsonl/`), all behind the same shape: a [`Source`] (a named
//! byte stream plus the CLI defaults) goes in, a lazy stream of [`Records`] comes out.
//! This module only decides *which* reader a path goes to (by extension, or by sniffing
//! the first byte for stdin) and walks directories.
//!
//! Two promises shape everything here:
//! - **Streaming**: nothing is read before the caller asks for the next record, and a
//!   JSONL file is read line by line, so a 1 GB crawl never sits in memory whole.
//! - **Nothing lost, nothing stops**: every unreadable file or line becomes exactly one
//!   [`IngestError`] naming the file (and line), and reading goes on with the next one.

pub mod html;
pub mod jsonl;
pub mod text;

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
    /// (e.g. `README.md`); reported in the summary but not an error.
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
}

/// Extensions as listed to the user when a file is not recognised.
pub const KNOWN_EXTENSIONS: &str = ".txt, .html, .htm, .jsonl (optionally .gz)";

impl Format {
    /// The format of a file extension (without the dot, any case).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// Guesses the format of an unnamed stream from its first non-blank byte: JSON Lines
    /// start every record with `{`, HTML with `<` (doctype, tag or comment); anything
    /// else is prose.
    pub fn sniff(first_non_blank: Option<u8>) -> Format {
        match first_non_blank {
            Some(b'{') => Format::Jsonl,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }

    /// Hands the source to this format's reader.
    pub fn read(self, source: Source) -> Records {
        match self {
            Format::Text => text::read(source),
            Format::Html => html::read(source),
            Format::Jsonl => jsonl::read(source),
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

/// Stdin has no name to go by, so its format is sniffed from the first non-blank byte.
fn read_stdin(defaults: Arc<InputDefaults>) -> Records {
    let stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
    sniffed("-".to_string(), Box::new(stdin), defaults)
}

/// Sniffs the format of `input`, then gives the whole stream (sniffed bytes included,
/// so JSONL line numbers stay right) to that format's reader.
fn sniffed(path: String, mut input: Box<dyn BufRead>, defaults: Arc<InputDefaults>) -> Records {
    let mut prefix = Vec::new();
    let mut first = None;
    loop {
        let chunk = match input.fill_buf() {
            Ok(chunk) => chunk,
            Err(err) => return error_once(IngestError::unreadable(&path, None, io_reason(&err))),
        };
        if chunk.is_empty() {
            break;
        }
        // Skip whitespace and a UTF-8 byte-order mark before deciding.
        let skip = chunk
            .iter()
            .position(|b| !(b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF)))
            .unwrap_or(chunk.len());
        prefix.extend_from_slice(&chunk[..skip]);
        if skip < chunk.len() {
            first = Some(chunk[skip]);
        }
        input.consume(skip);
        if first.is_some() {
            break;
        }
    }
    let input: Box<dyn BufRead> = Box::new(BufReader::new(Cursor::new(prefix).chain(input)));
    Format::sniff(first).read(Source {
        path,
        input,
        defaults,
    })
}

/// One file: picks the reader by extension (after an optional `.gz`).
///
/// `walked` says whether the file was met in a directory walk: there, a file of an
/// unknown type is merely passed over ([`IngestErrorKind::Ignored`]); named explicitly,
/// it is a record the user expected and did not get.
fn read_file(path: &Path, walked: bool, defaults: Arc<InputDefaults>) -> Records {
    let name = path.to_string_lossy().into_owned();
    let (ext, gzipped) = extension(path);
    let format = ext.as_deref().and_then(Format::from_extension);
    if format.is_none() && (walked || ext.is_some()) {
        let shown = ext
            .map(|e| format!("`.{e}`"))
            .unwrap_or_else(|| "(none)".into());
        return error_once(IngestError {
            origin: Origin {
                path: name,
                line: None,
            },
            reason: if walked {
                format!("not an input file: extension {shown} (expected {KNOWN_EXTENSIONS})")
            } else {
                format!("unknown extension {shown} (expected {KNOWN_EXTENSIONS})")
            },
            kind: if walked {
                IngestErrorKind::Ignored
            } else {
                IngestErrorKind::Unreadable
            },
        });
    }
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) => return error_once(IngestError::unreadable(&name, None, io_reason(&err))),
    };
    let input: Box<dyn BufRead> = if gzipped {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(file),
        ))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    };
    match format {
        Some(format) => format.read(Source {
            path: name,
            input,
            defaults,
        }),
        // An explicitly named file without any extension: look at its content instead.
        None => sniffed(name, input, defaults),
    }
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
    let mut bytes = Vec::new();
    if let Err(err) = source.input.read_to_end(&mut bytes) {
        return Err(IngestError::unreadable(&source.path, None, io_reason(&err)));
    }
    decode_document(bytes).map_err(|reason| IngestError::unreadable(&source.path, None, reason))
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
