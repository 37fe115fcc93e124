//! # herald-store
//!
//! Where Herald keeps what it has read: article records and the event records coded from
//! them (see `DESIGN.md`, "The event record"), in an embedded SQLite file by default.
//!
//! Three promises shape this crate:
//!
//! - **Idempotent ingest.** Ids are stable hashes made by `herald-core`; the store never
//!   invents one. Storing an article whose id is already present is a no-op (its events are
//!   skipped too), so re-running `herald run` over the same inputs does not double-count.
//! - **Exact round trip.** Every event keeps its full JSON record, so [`Store::query`] returns
//!   exactly what was inserted. The columns and side tables (`actors`, `spans`) beside it are
//!   there for filtering, counting and for analysts who query the file with plain SQL: the
//!   provenance (which characters support which field) is a table, not a blob.
//! - **A stable order.** Queries return events by date (undated events last), then article
//!   id, then event id, so two runs over the same database print the same lines.
//!
//! The public API uses only `herald-core` types and plain Rust values, never `rusqlite`
//! ones, and the operations are gathered in the [`EventStore`] trait: a PostgreSQL backend
//! can implement the same trait without callers changing. All SQLite SQL lives in the
//! private `sqlite` module (schema and migrations in `sqlite/schema.rs`).

mod error;
mod sqlite;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use herald_core::model::{Article, Event, EventType, Modality};
use serde::{Deserialize, Serialize};

pub use error::StoreError;
pub use sqlite::{Store, SCHEMA_VERSION};

/// Which events a query returns. Every field narrows the result; the default filter
/// returns every event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventFilter {
    /// Only events of this PLOVER type.
    pub event: Option<EventType>,
    /// ISO 3166-1 alpha-3 code (or IGO code such as `NATO`) that must appear as the code
    /// of any actor or recipient, or as the country of the event location. Compared
    /// case-insensitively.
    pub country: Option<String>,
    /// Events on or after this date (inclusive). Undated events never match a date bound:
    /// an event whose date is unknown cannot be said to fall inside a range.
    pub since: Option<NaiveDate>,
    /// Events on or before this date (inclusive).
    pub until: Option<NaiveDate>,
    /// Only events with this modality. `None` returns all modalities; callers that build
    /// counts or maps should usually ask for [`Modality::Asserted`] (see `DESIGN.md`).
    pub modality: Option<Modality>,
    /// At most this many events, the first ones in the stable order.
    pub limit: Option<usize>,
}

/// What one [`Store::insert_batch`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchOutcome {
    /// Articles stored by this batch.
    pub articles_new: usize,
    /// Articles skipped because their id was already stored (earlier, or earlier in the
    /// same batch). Their events were skipped with them.
    pub articles_existing: usize,
    /// Events stored by this batch.
    pub events_new: usize,
    /// Events of new articles skipped because an event with the same id was already
    /// stored (the same happening coded twice gets the same stable id).
    pub events_existing: usize,
}

impl BatchOutcome {
    /// Adds another batch's figures, for run summaries over many batches.
    pub fn add(&mut self, other: BatchOutcome) {
        self.articles_new += other.articles_new;
        self.articles_existing += other.articles_existing;
        self.events_new += other.events_new;
        self.events_existing += other.events_existing;
    }
}

/// How much the store holds, all modalities included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub articles: u64,
    pub events: u64,
}

/// Number of rows in [`Digest::top_locations`].
pub const DIGEST_TOP_LOCATIONS: usize = 10;

/// A summary of the store for people: what happened, where, and who was involved.
///
/// Only `asserted` events count in the figures by type, by country and by location: a
/// massacre mentioned as background ("almost 600 protesters were killed in 2019") or a
/// strike announced for next week did not happen in the period the news covers. The
/// other modalities are reported in [`Digest::by_modality`] so nothing is hidden.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    pub totals: Totals,
    /// Every modality in PLOVER order (asserted first), zero counts included.
    pub by_modality: Vec<ModalityCount>,
    /// Asserted events per type, most frequent first (ties by type name).
    pub by_type: Vec<TypeCount>,
    /// Asserted events per actor or recipient code, most frequent first (ties by code).
    /// An event counts once per code however many of its actors carry it; IGO codes
    /// (`UNO`, `NATO`, …) are listed like countries.
    pub by_country: Vec<CountryCount>,
    /// The [`DIGEST_TOP_LOCATIONS`] resolved places with the most asserted events.
    pub top_locations: Vec<LocationCount>,
    /// Date of the earliest and latest dated asserted event.
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModalityCount {
    pub modality: Modality,
    pub events: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeCount {
    pub event: EventType,
    pub events: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryCount {
    pub code: String,
    pub events: u64,
}

/// A place as the gazetteer resolved it. The name alone is ambiguous (there are
/// Londons in GBR, CAN and USA), so the country is part of the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationCount {
    pub resolved_place: String,
    pub country_code: Option<String>,
    pub events: u64,
}

/// The operations every Herald backend offers. [`Store`] (SQLite) implements it; a
/// PostgreSQL backend will too, so the CLI and the server can hold a `Box<dyn EventStore>`
/// and not care which database is behind it.
pub trait EventStore {
    /// Stores a batch of articles with their events in one transaction: either the whole
    /// batch is stored or none of it. See [`Store::insert_batch`].
    fn insert_batch(&mut self, batch: &[(Article, Vec<Event>)])
        -> Result<BatchOutcome, StoreError>;
    /// Events matching `filter`, in the stable order (date, article id, event id).
    fn query(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError>;
    /// The article record with this id, if stored.
    fn article(&self, id: &str) -> Result<Option<Article>, StoreError>;
    /// Figures for people; see [`Digest`].
    fn digest(&self) -> Result<Digest, StoreError>;
    fn totals(&self) -> Result<Totals, StoreError>;
}
