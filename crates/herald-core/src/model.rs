//! The domain model: what flows between Herald's stages, and the event record that is
//! Herald's contract with its users (see `DESIGN.md`, "The event record").
//!
//! Offsets: inside the engine every span is a **byte** range into the article's clean text
//! (cheap to slice in Rust). At the output boundary they are converted to Unicode
//! code-point offsets with [`CharIndex`], so that `text[start:end]` in Python returns the
//! evidence. Types that serialize (`Event`, `ActorRecord`, `SpanRecord`, …) always hold
//! code-point offsets; types that do not (`Sentence`, `Token`, mentions) hold byte offsets.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where an input record came from, for error messages and the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// File path as given by the user (`-` for stdin).
    pub path: String,
    /// 1-based line for line-oriented inputs (JSONL), `None` for whole-file inputs.
    pub line: Option<u64>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => write!(f, "{}", self.path),
        }
    }
}

/// The body of an input record before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawBody {
    Text(String),
    Html(String),
}

/// One input record as read by an `ingest` source, before any cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawArticle {
    pub origin: Origin,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date as the source gave it (validated by the pipeline).
    pub published: Option<String>,
    pub source: Option<String>,
    pub body: RawBody,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// A cleaned article: the text every offset refers to, and its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// `a-` + 16 hex digits of xxh3 over url (or, without url, over the clean text).
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    /// Bylines as the page gives them (meta author, JSON-LD, "By …" lines).
    #[serde(default)]
    pub authors: Vec<String>,
    pub language: String,
    /// The clean text. If the article has a title it is the first paragraph.
    pub text: String,
    /// Byte offset in `text` where the body starts (after the title paragraph).
    #[serde(skip)]
    pub body_start: usize,
    pub duplicate_of: Option<String>,
    pub story_id: Option<String>,
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// A token of the clean text (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// A sentence of the clean text (byte offsets), with its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    /// 0-based paragraph index (blank-line separated blocks of the clean text).
    pub paragraph: usize,
}

/// The 16 PLOVER v2.0 event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// Parses a PLOVER v2.0 name, also accepting the 2016 (0.5b1) names that were
    /// merged into v2.0 types (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT).
    pub fn parse(name: &str) -> Option<EventType> {
        let upper = name.trim().to_ascii_uppercase();
        let v2 = match upper.as_str() {
            "DEMAND" => "REQUEST",
            "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
            "FIGHT" => "ASSAULT",
            other => other,
        };
        EventType::ALL.into_iter().find(|t| t.as_str() == v2)
    }

    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict.
    pub fn quad_code(self) -> u8 {
        match self {
            EventType::Agree | EventType::Consult | EventType::Support | EventType::Concede => 1,
            EventType::Cooperate | EventType::Aid | EventType::Retreat => 2,
            EventType::Request
            | EventType::Accuse
            | EventType::Reject
            | EventType::Threaten
            | EventType::Protest => 3,
            EventType::Sanction | EventType::Mobilize | EventType::Coerce | EventType::Assault => 4,
        }
    }
}

/// PLOVER's auxiliary modes: how the text presents the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Historical,
    Future,
    Hypothetical,
    Negated,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Historical => "historical",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Negated => "negated",
        }
    }
}

/// A piece of evidence: text and its code-point offsets in the clean text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One actor or recipient of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub entity_text: String,
    pub start: usize,
    pub end: usize,
    /// ISO 3166-1 alpha-3 country, or an IGO code (`UNO`, `NATO`, `EU`, …).
    pub code: Option<String>,
    pub sector: Vec<String>,
    /// Canonical person or organisation name when known.
    pub name: Option<String>,
}

/// Where the event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRecord {
    pub extracted_place: String,
    pub start: usize,
    pub end: usize,
    pub resolved_place: Option<String>,
    pub geonameid: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub admin1: Option<String>,
    pub country_code: Option<String>,
    pub feature_code: Option<String>,
    /// 5 sub-city, 4 city, 3 district, 2 province, 1 country.
    pub resolution: u8,
}

/// Casualty and arrest counts of this event only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Size {
    pub dead: Option<u32>,
    pub injured: Option<u32>,
    pub arrested: Option<u32>,
}

/// The sentence the event was coded from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextInfo {
    pub sequence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The article the event was coded from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CiteInfo {
    pub url: Option<String>,
    pub title: Option<String>,
    pub publication: Option<String>,
    pub published: Option<NaiveDate>,
}

/// The event record: Herald's output contract (a superset of the PLOVER JSON record).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub article_id: String,
    pub story_id: Option<String>,
    pub event: EventType,
    pub mode: Vec<String>,
    pub context: Vec<String>,
    pub cameo: Option<String>,
    pub quad_code: u8,
    pub modality: Modality,
    pub date: Option<NaiveDate>,
    pub date_precision: Option<DatePrecision>,
    pub date_text: Option<SpanRecord>,
    pub actor: Vec<ActorRecord>,
    pub recipient: Vec<ActorRecord>,
    pub event_loc: Option<PlaceRecord>,
    pub size: Size,
    pub event_text: SpanRecord,
    pub text_info: TextInfo,
    pub cite_info: CiteInfo,
    pub sources: u32,
    pub confidence: f32,
}

/// Converts byte offsets of one text into Unicode code-point offsets.
///
/// Built once per article; lookups are a binary search over the positions of
/// multi-byte characters, so ASCII-heavy news text costs almost nothing.
pub struct CharIndex {
    /// Byte offsets of every non-ASCII char start, with the extra bytes before it.
    multibyte: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        let mut multibyte = Vec::new();
        let mut extra = 0usize;
        for (i, c) in text.char_indices() {
            let len = c.len_utf8();
            if len > 1 {
                extra += len - 1;
                multibyte.push((i, extra));
            }
        }
        CharIndex { multibyte }
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        // Extra bytes contributed by multi-byte chars that start strictly before `byte`.
        let idx = self.multibyte.partition_point(|&(pos, _)| pos < byte);
        let extra = if idx == 0 {
            0
        } else {
            self.multibyte[idx - 1].1
        };
        byte - extra
    }

    /// A [`SpanRecord`] for the byte range `start..end` of `text`.
    pub fn span(&self, text: &str, start: usize, end: usize) -> SpanRecord {
        SpanRecord {
            text: text[start..end].to_string(),
            start: self.char_offset(start),
            end: self.char_offset(end),
        }
    }
}

/// Stable 64-bit id over some parts, as 16 hex digits. xxh3 is specified and stable
/// across versions and machines, unlike `ahash` or `DefaultHasher`.
pub fn stable_id(prefix: &str, parts: &[&str]) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update(&[0x1f]);
    }
    format!("{}-{:016x}", prefix, hasher.digest())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "Café in Zürich: police fired";
        let idx = CharIndex::new(text);
        let byte = text.find("police").unwrap();
        assert_eq!(idx.char_offset(byte), 16);
        let span = idx.span(text, byte, byte + "police".len());
        assert_eq!(span.start, 16);
        assert_eq!(span.end, 22);
        let chars: Vec<char> = text.chars().collect();
        let back: String = chars[span.start..span.end].iter().collect();
        assert_eq!(back, "police");
    }

    #[test]
    fn old_plover_names_map_to_v2() {
        assert_eq!(EventType::parse("DEMAND"), Some(EventType::Request));
        assert_eq!(EventType::parse("DISAPPROVE"), Some(EventType::Accuse));
        assert_eq!(EventType::parse("INVESTIGATE"), Some(EventType::Accuse));
        assert_eq!(EventType::parse("FIGHT"), Some(EventType::Assault));
        assert_eq!(EventType::parse("assault"), Some(EventType::Assault));
        assert_eq!(EventType::parse("DOCUMENT"), None);
    }

    #[test]
    fn stable_ids_do_not_change() {
        // Pinned: ids are part of the contract and must never drift between releases.
        assert_eq!(
            stable_id("a", &["https://example.org/x"]),
            stable_id("a", &["https://example.org/x"])
        );
        assert_ne!(stable_id("a", &["ab", "c"]), stable_id("a", &["a", "bc"]));
        assert_eq!(stable_id("a", &["x"]).len(), 18);
    }
}
