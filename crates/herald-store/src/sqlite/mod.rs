//! The SQLite backend. Every SQL statement Herald runs against SQLite is in this module
//! (the schema in [`schema`]), so a second backend has one place to translate from.

mod schema;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use herald_core::model::{ActorRecord, Article, Event, EventType, Modality, SpanRecord};
use rusqlite::types::Value;
use rusqlite::{
    params, params_from_iter, Connection, ErrorCode, OptionalExtension, Transaction,
    TransactionBehavior,
};

use crate::{
    BatchOutcome, CountryCount, Digest, EventFilter, EventStore, LocationCount, ModalityCount,
    StoreError, Totals, TypeCount, DIGEST_TOP_LOCATIONS,
};
use schema::SchemaProblem;

/// The schema version this build writes and reads (newer files are refused).
pub const SCHEMA_VERSION: i64 = schema::MIGRATIONS[schema::MIGRATIONS.len() - 1].version;

/// How long a writer waits for another process's lock before giving up. WAL mode lets
/// readers (`herald serve`) run beside one writer (`herald run`); two writers take turns.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A Herald database in one SQLite file (WAL mode, foreign keys enforced).
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

const INSERT_ARTICLE: &str = "
INSERT INTO articles (id, url, title, published, source, language, text, body_start,
                      duplicate_of, story_id, ingested_at, authors)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
ON CONFLICT (id) DO NOTHING";

const INSERT_EVENT: &str = "
INSERT INTO events (id, article_id, story_id, event, mode, context, cameo, quad_code, modality,
                    date, date_precision, loc_place, loc_resolved, loc_geonameid, loc_lat, loc_lon,
                    loc_admin1, loc_country, loc_feature_code, loc_resolution, dead, injured,
                    arrested, sources, confidence, record)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
        ?20, ?21, ?22, ?23, ?24, ?25, ?26)
ON CONFLICT (id) DO NOTHING";

const INSERT_ACTOR: &str = "
INSERT INTO actors (event_id, role, position, code, sectors, name, entity_text, char_start, char_end)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

const INSERT_SPAN: &str = "
INSERT INTO spans (event_id, kind, char_start, char_end, text) VALUES (?1, ?2, ?3, ?4, ?5)";

const ARTICLE_EXISTS: &str = "SELECT 1 FROM articles WHERE id = ?1";

const SELECT_ARTICLE: &str = "
SELECT id, url, title, published, source, language, text, body_start, duplicate_of, story_id,
       authors
FROM articles WHERE id = ?1";

const COUNT_ARTICLES: &str = "SELECT COUNT(*) FROM articles";
const COUNT_EVENTS: &str = "SELECT COUNT(*) FROM events";
const EVENTS_BY_MODALITY: &str = "SELECT modality, COUNT(*) FROM events GROUP BY modality";
const ASSERTED_BY_TYPE: &str = "
SELECT event, COUNT(*) AS n FROM events WHERE modality = 'asserted'
GROUP BY event ORDER BY n DESC, event";
/// An event counts once per code, however many of its actors share it.
const ASSERTED_BY_COUNTRY: &str = "
SELECT a.code, COUNT(DISTINCT a.event_id) AS n
FROM actors a JOIN events e ON e.id = a.event_id
WHERE e.modality = 'asserted' AND a.code IS NOT NULL
GROUP BY a.code ORDER BY n DESC, a.code";
const ASSERTED_TOP_LOCATIONS: &str = "
SELECT loc_resolved, loc_country, COUNT(*) AS n FROM events
WHERE modality = 'asserted' AND loc_resolved IS NOT NULL
GROUP BY loc_resolved, loc_country ORDER BY n DESC, loc_resolved, loc_country LIMIT ?1";
const ASSERTED_DATE_RANGE: &str = "
SELECT MIN(date), MAX(date) FROM events WHERE modality = 'asserted' AND date IS NOT NULL";

/// The `SELECT` for an [`EventFilter`]: only the clauses the filter uses, so SQLite can
/// pick the index for the narrowest one (`?1 IS NULL OR …` would defeat the planner).
fn select_events(filter: &EventFilter) -> (String, Vec<Value>) {
    let mut sql = String::from("SELECT e.id, e.record FROM events e WHERE 1 = 1");
    let mut values = Vec::new();
    if let Some(event) = filter.event {
        sql.push_str(" AND e.event = ?");
        values.push(Value::Text(event.as_str().to_string()));
    }
    if let Some(country) = &filter.country {
        // A UNION of two indexed lookups rather than `OR EXISTS`, which would scan.
        sql.push_str(
            " AND e.id IN (SELECT event_id FROM actors WHERE code = ? \
             UNION SELECT id FROM events WHERE loc_country = ?)",
        );
        let code = country.trim().to_ascii_uppercase();
        values.push(Value::Text(code.clone()));
        values.push(Value::Text(code));
    }
    if let Some(since) = filter.since {
        sql.push_str(" AND e.date >= ?");
        values.push(Value::Text(iso_date(since)));
    }
    if let Some(until) = filter.until {
        sql.push_str(" AND e.date <= ?");
        values.push(Value::Text(iso_date(until)));
    }
    if let Some(modality) = filter.modality {
        sql.push_str(" AND e.modality = ?");
        values.push(Value::Text(modality.as_str().to_string()));
    }
    sql.push_str(" ORDER BY e.date IS NULL, e.date, e.article_id, e.id");
    if let Some(limit) = filter.limit {
        sql.push_str(" LIMIT ?");
        values.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
    }
    (sql, values)
}

impl Store {
    /// Opens the database at `path`, creating the file if it does not exist, and applies
    /// pending schema migrations. Refuses files written by a newer Herald and SQLite
    /// files Herald did not create.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| open_error(path, &e))?;
        Store::configure(conn, path.to_path_buf())
    }

    /// A store that lives in memory and vanishes when dropped: for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| open_error(&path, &e))?;
        Store::configure(conn, path)
    }

    fn configure(mut conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        let setup = |conn: &Connection| -> rusqlite::Result<()> {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            // The first statement that reads the file: a non-database file fails here.
            // In-memory databases answer "memory" and stay so, which is fine.
            let _mode: String =
                conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
            // NORMAL is durable against corruption in WAL mode; it may lose the last
            // transaction on power loss, which a re-run restores (ingest is idempotent).
            conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        };
        setup(&conn).map_err(|e| open_error(&path, &e))?;
        schema::migrate(&mut conn).map_err(|problem| match problem {
            SchemaProblem::NotHerald => StoreError::NotHerald { path: path.clone() },
            SchemaProblem::TooNew { found } => StoreError::TooNew {
                path: path.clone(),
                found,
                known: SCHEMA_VERSION,
            },
            SchemaProblem::Failed { version, source } => StoreError::Migration {
                path: path.clone(),
                version,
                reason: source.to_string(),
            },
            SchemaProblem::Unreadable(source) => open_error(&path, &source),
        })?;
        Ok(Store { conn, path })
    }

    /// The file this store reads and writes (`:memory:` for in-memory stores).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database (always [`SCHEMA_VERSION`] after `open`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|e| self.db_error("read the schema version", &e))
    }

    /// Stores a batch of articles, each with the events coded from it, in one
    /// transaction: a failure stores nothing of the batch, and the caller can retry it.
    ///
    /// Idempotent: an article whose id is already stored (or appears earlier in the same
    /// batch) is skipped together with its events, so re-running over the same inputs
    /// changes nothing. Batches of a few hundred to a few thousand articles amortise the
    /// commit (one fsync) without holding the write lock for long.
    ///
    /// An event may name another article as its `article_id` (a merged event keeps its
    /// first report's article), provided that article is stored or earlier in the batch;
    /// otherwise the batch is refused with [`StoreError::InvalidRecord`].
    pub fn insert_batch(
        &mut self,
        batch: &[(Article, Vec<Event>)],
    ) -> Result<BatchOutcome, StoreError> {
        let ingested_at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db_error(&self.path, "store the batch", &e))?;
        let outcome = write_batch(&tx, batch, &ingested_at).map_err(|failure| match failure {
            BatchFailure::Sql(e) => db_error(&self.path, "store the batch", &e),
            BatchFailure::Invalid(error) => error,
        })?;
        tx.commit()
            .map_err(|e| db_error(&self.path, "store the batch", &e))?;
        Ok(outcome)
    }

    /// Events matching `filter`, in the stable order: date (undated last), article id,
    /// event id. Each is the exact record that was inserted.
    pub fn query(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        let mut events = Vec::new();
        self.for_each_event(filter, |event| {
            events.push(event);
            ControlFlow::Continue(())
        })?;
        Ok(events)
    }

    /// Like [`Store::query`], but hands the events over one at a time, so an export of
    /// millions of events does not hold them all in memory. Return
    /// `ControlFlow::Break(())` to stop early. Returns how many events were visited.
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut visit: impl FnMut(Event) -> ControlFlow<()>,
    ) -> Result<usize, StoreError> {
        let (sql, values) = select_events(filter);
        let query_error = |e: &rusqlite::Error| self.db_error("query events", e);
        let mut statement = self
            .conn
            .prepare_cached(&sql)
            .map_err(|e| query_error(&e))?;
        let mut rows = statement
            .query(params_from_iter(values))
            .map_err(|e| query_error(&e))?;
        let mut visited = 0;
        while let Some(row) = rows.next().map_err(|e| query_error(&e))? {
            let id: String = row.get(0).map_err(|e| query_error(&e))?;
            let record: String = row.get(1).map_err(|e| query_error(&e))?;
            let event: Event =
                serde_json::from_str(&record).map_err(|e| StoreError::CorruptRecord {
                    path: self.path.clone(),
                    id,
                    reason: e.to_string(),
                })?;
            visited += 1;
            if visit(event).is_break() {
                break;
            }
        }
        Ok(visited)
    }

    /// The article record with this id, if stored. `origin` is not stored (it names a
    /// local input file) and comes back as `None`.
    pub fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let found = self
            .conn
            .prepare_cached(SELECT_ARTICLE)
            .and_then(|mut statement| {
                statement
                    .query_row([id], |row| {
                        let published: Option<String> = row.get(3)?;
                        let body_start: i64 = row.get(7)?;
                        let authors: String = row.get(10)?;
                        Ok((
                            Article {
                                id: row.get(0)?,
                                url: row.get(1)?,
                                title: row.get(2)?,
                                published: None,
                                source: row.get(4)?,
                                authors: serde_json::from_str(&authors).unwrap_or_default(),
                                language: row.get(5)?,
                                text: row.get(6)?,
                                body_start: usize::try_from(body_start).unwrap_or(0),
                                duplicate_of: row.get(8)?,
                                story_id: row.get(9)?,
                                origin: None,
                            },
                            published,
                        ))
                    })
                    .optional()
            })
            .map_err(|e| self.db_error("read an article", &e))?;
        let Some((mut article, published)) = found else {
            return Ok(None);
        };
        if let Some(published) = published {
            article.published =
                Some(
                    parse_iso_date(&published).ok_or_else(|| StoreError::CorruptRecord {
                        path: self.path.clone(),
                        id: article.id.clone(),
                        reason: format!("published date {published:?} is not YYYY-MM-DD"),
                    })?,
                );
        }
        Ok(Some(article))
    }

    /// How many articles and events are stored (all modalities).
    pub fn totals(&self) -> Result<Totals, StoreError> {
        Ok(Totals {
            articles: self.count(COUNT_ARTICLES)?,
            events: self.count(COUNT_EVENTS)?,
        })
    }

    pub fn article_count(&self) -> Result<u64, StoreError> {
        self.count(COUNT_ARTICLES)
    }

    pub fn event_count(&self) -> Result<u64, StoreError> {
        self.count(COUNT_EVENTS)
    }

    /// Figures for people; see [`Digest`] for what counts.
    pub fn digest(&self) -> Result<Digest, StoreError> {
        let fail = |e: rusqlite::Error| self.db_error("summarise events", &e);
        let totals = self.totals()?;

        let mut per_modality = [0u64; 5];
        let stored: Vec<(String, u64)> = self.pairs(EVENTS_BY_MODALITY, [])?;
        for (name, events) in stored {
            let modality =
                parse_modality(&name).ok_or_else(|| self.corrupt_column("modality", &name))?;
            per_modality[MODALITIES.iter().position(|m| *m == modality).unwrap_or(0)] += events;
        }
        let by_modality = MODALITIES
            .iter()
            .zip(per_modality)
            .map(|(&modality, events)| ModalityCount { modality, events })
            .collect();

        let by_type = self
            .pairs(ASSERTED_BY_TYPE, [])?
            .into_iter()
            .map(|(name, events)| {
                EventType::parse(&name)
                    .map(|event| TypeCount { event, events })
                    .ok_or_else(|| self.corrupt_column("event", &name))
            })
            .collect::<Result<_, _>>()?;

        let by_country = self
            .pairs(ASSERTED_BY_COUNTRY, [])?
            .into_iter()
            .map(|(code, events)| CountryCount { code, events })
            .collect();

        let top = i64::try_from(DIGEST_TOP_LOCATIONS).unwrap_or(i64::MAX);
        let top_locations = self
            .conn
            .prepare_cached(ASSERTED_TOP_LOCATIONS)
            .and_then(|mut statement| {
                statement
                    .query_map([top], |row| {
                        Ok(LocationCount {
                            resolved_place: row.get(0)?,
                            country_code: row.get(1)?,
                            events: count_value(row.get(2)?),
                        })
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(fail)?;

        let (first, last): (Option<String>, Option<String>) = self
            .conn
            .query_row(ASSERTED_DATE_RANGE, [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .map_err(fail)?;
        let date = |text: Option<String>| -> Result<Option<NaiveDate>, StoreError> {
            text.map(|t| parse_iso_date(&t).ok_or_else(|| self.corrupt_column("date", &t)))
                .transpose()
        };

        Ok(Digest {
            totals,
            by_modality,
            by_type,
            by_country,
            top_locations,
            first_date: date(first)?,
            last_date: date(last)?,
        })
    }

    fn count(&self, sql: &str) -> Result<u64, StoreError> {
        self.conn
            .query_row(sql, [], |row| row.get::<_, i64>(0))
            .map(count_value)
            .map_err(|e| self.db_error("count records", &e))
    }

    /// Rows of (text, count) from a grouping query.
    fn pairs<P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
    ) -> Result<Vec<(String, u64)>, StoreError> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut statement| {
                statement
                    .query_map(params, |row| Ok((row.get(0)?, count_value(row.get(1)?))))?
                    .collect()
            })
            .map_err(|e| self.db_error("summarise events", &e))
    }

    fn db_error(&self, operation: &'static str, error: &rusqlite::Error) -> StoreError {
        db_error(&self.path, operation, error)
    }

    fn corrupt_column(&self, column: &str, value: &str) -> StoreError {
        StoreError::CorruptRecord {
            path: self.path.clone(),
            id: format!("events.{column}"),
            reason: format!("unknown value {value:?}"),
        }
    }
}

impl EventStore for Store {
    fn insert_batch(
        &mut self,
        batch: &[(Article, Vec<Event>)],
    ) -> Result<BatchOutcome, StoreError> {
        Store::insert_batch(self, batch)
    }
    fn query(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        Store::query(self, filter)
    }
    fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        Store::article(self, id)
    }
    fn digest(&self) -> Result<Digest, StoreError> {
        Store::digest(self)
    }
    fn totals(&self) -> Result<Totals, StoreError> {
        Store::totals(self)
    }
}

enum BatchFailure {
    Sql(rusqlite::Error),
    Invalid(StoreError),
}

impl From<rusqlite::Error> for BatchFailure {
    fn from(error: rusqlite::Error) -> Self {
        BatchFailure::Sql(error)
    }
}

fn write_batch(
    tx: &Transaction<'_>,
    batch: &[(Article, Vec<Event>)],
    ingested_at: &str,
) -> Result<BatchOutcome, BatchFailure> {
    let mut insert_article = tx.prepare_cached(INSERT_ARTICLE)?;
    let mut insert_event = tx.prepare_cached(INSERT_EVENT)?;
    let mut insert_actor = tx.prepare_cached(INSERT_ACTOR)?;
    let mut insert_span = tx.prepare_cached(INSERT_SPAN)?;
    let mut article_exists = tx.prepare_cached(ARTICLE_EXISTS)?;
    let mut outcome = BatchOutcome::default();

    for (article, events) in batch {
        let inserted = insert_article.execute(params![
            article.id,
            article.url,
            article.title,
            article.published.map(iso_date),
            article.source,
            article.language,
            article.text,
            article.body_start,
            article.duplicate_of,
            article.story_id,
            ingested_at,
            serde_json::to_string(&article.authors).expect("strings serialize"),
        ])?;
        if inserted == 0 {
            outcome.articles_existing += 1;
            continue;
        }
        outcome.articles_new += 1;

        for event in events {
            if event.article_id != article.id && !article_exists.exists([&event.article_id])? {
                return Err(BatchFailure::Invalid(StoreError::InvalidRecord {
                    id: event.id.clone(),
                    reason: format!(
                        "it refers to article {}, which is neither stored nor earlier in the batch \
                         (store that article first; nothing of this batch was stored)",
                        event.article_id
                    ),
                }));
            }
            let record = serde_json::to_string(event).map_err(|e| {
                BatchFailure::Invalid(StoreError::InvalidRecord {
                    id: event.id.clone(),
                    reason: format!("it cannot be written as JSON: {e}"),
                })
            })?;
            let json_list =
                |list: &[String]| serde_json::to_string(list).unwrap_or_else(|_| "[]".into());
            let loc = event.event_loc.as_ref();
            let inserted = insert_event.execute(params![
                event.id,
                event.article_id,
                event.story_id,
                event.event.as_str(),
                json_list(&event.mode),
                json_list(&event.context),
                event.cameo,
                event.quad_code,
                event.modality.as_str(),
                event.date.map(iso_date),
                event.date_precision.map(|p| p.as_str()),
                loc.map(|l| &l.extracted_place),
                loc.and_then(|l| l.resolved_place.as_ref()),
                loc.and_then(|l| l.geonameid),
                loc.and_then(|l| l.lat),
                loc.and_then(|l| l.lon),
                loc.and_then(|l| l.admin1.as_ref()),
                loc.and_then(|l| l.country_code.as_ref()),
                loc.and_then(|l| l.feature_code.as_ref()),
                loc.map(|l| l.resolution),
                event.size.dead,
                event.size.injured,
                event.size.arrested,
                event.sources,
                f64::from(event.confidence),
                record,
            ])?;
            if inserted == 0 {
                outcome.events_existing += 1;
                continue;
            }
            outcome.events_new += 1;

            for (role, actors) in [("actor", &event.actor), ("recipient", &event.recipient)] {
                for (position, actor) in actors.iter().enumerate() {
                    write_actor(
                        &mut insert_actor,
                        &event.id,
                        role,
                        position,
                        actor,
                        &json_list(&actor.sector),
                    )?;
                }
            }
            // The provenance, one row per supported field: (kind, start, end, text).
            let mut spans: Vec<(&str, usize, usize, &str)> =
                vec![span_row("event_text", &event.event_text)];
            if let Some(date_text) = &event.date_text {
                spans.push(span_row("date_text", date_text));
            }
            if let Some(loc) = loc {
                spans.push(("event_loc", loc.start, loc.end, &loc.extracted_place));
            }
            for (kind, start, end, text) in spans {
                insert_span.execute(params![event.id, kind, start, end, text])?;
            }
            let info = &event.text_info;
            insert_span.execute(params![
                event.id,
                "text_info",
                info.start,
                info.end,
                info.text
            ])?;
        }
    }
    Ok(outcome)
}

fn span_row<'a>(kind: &'a str, span: &'a SpanRecord) -> (&'a str, usize, usize, &'a str) {
    (kind, span.start, span.end, &span.text)
}

fn write_actor(
    insert: &mut rusqlite::CachedStatement<'_>,
    event_id: &str,
    role: &str,
    position: usize,
    actor: &ActorRecord,
    sectors: &str,
) -> rusqlite::Result<usize> {
    insert.execute(params![
        event_id,
        role,
        position,
        actor.code,
        sectors,
        actor.name,
        actor.entity_text,
        actor.start,
        actor.end,
    ])
}

const MODALITIES: [Modality; 5] = [
    Modality::Asserted,
    Modality::Historical,
    Modality::Future,
    Modality::Hypothetical,
    Modality::Negated,
];

fn parse_modality(name: &str) -> Option<Modality> {
    MODALITIES.into_iter().find(|m| m.as_str() == name)
}

fn iso_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// SQLite counts are never negative; clamp rather than panic if a file says otherwise.
fn count_value(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn open_error(path: &Path, error: &rusqlite::Error) -> StoreError {
    StoreError::Open {
        path: path.to_path_buf(),
        reason: reason(error),
        hint: hint(error),
    }
}

fn db_error(path: &Path, operation: &'static str, error: &rusqlite::Error) -> StoreError {
    StoreError::Database {
        path: path.to_path_buf(),
        operation,
        reason: reason(error),
        hint: hint(error),
    }
}

/// SQLite's own words, without rusqlite's wrapping.
fn reason(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(failure, Some(message)) => {
            let generic = failure.to_string();
            if message == &generic {
                generic
            } else {
                message.clone()
            }
        }
        other => other.to_string(),
    }
}

/// What the user can do about a SQLite failure.
fn hint(error: &rusqlite::Error) -> &'static str {
    let Some(code) = error.sqlite_error_code() else {
        return "";
    };
    match code {
        ErrorCode::CannotOpen => "does the directory exist, and is it writable?",
        ErrorCode::NotADatabase => "the file is not a SQLite database; choose another path",
        ErrorCode::ReadOnly | ErrorCode::PermissionDenied => {
            "is the file and its directory writable?"
        }
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
            "another program is writing to this database; wait for it to finish and retry"
        }
        ErrorCode::DiskFull => "free some disk space and retry",
        ErrorCode::DatabaseCorrupt => {
            "the file is damaged; restore it from a backup or re-run herald into a new file"
        }
        ErrorCode::SystemIoFailure => "check the disk and retry",
        _ => "",
    }
}
