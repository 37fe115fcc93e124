//! Ingest stage: reads inputs (files, directories, stdin) into [`RawArticle`]s.
//! OWNER: clean/segment/ingest helper. Stub until filled.

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

/// Defaults applied to records that do not carry their own metadata.
#[derive(Debug, Clone, Default)]
pub struct InputDefaults {
    pub published: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// Reads all inputs in order, streaming: one item per record or per unreadable record.
pub fn read_inputs(
    inputs: &[String],
    defaults: &InputDefaults,
) -> Box<dyn Iterator<Item = Result<RawArticle, IngestError>>> {
    let _ = (inputs, defaults);
    Box::new(std::iter::empty())
}
