//! Segment stage: sentences and tokens with byte offsets into the clean text.
//! OWNER: clean/segment/ingest helper. Stub until filled.

use crate::model::Sentence;

/// Splits clean text into sentences (with tokens).
pub fn sentences(text: &str) -> Vec<Sentence> {
    let _ = text;
    Vec::new()
}
