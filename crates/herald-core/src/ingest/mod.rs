//! Ingest stage: reads inputs (files, directories, stdin) into [`RawArticle`]s.
//! OWNER: clean/segment/ingest helper. Stub until filled.

use crate::model::{Origin, RawArticle};

/// A record that could not be read, with the reason. Never aborts the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    pub origin: Origin,
    pub reason: String,
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
