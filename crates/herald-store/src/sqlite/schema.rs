//! The SQLite schema, as an ordered list of migrations.
//!
//! The schema version lives in SQLite's own header field `PRAGMA user_version`, and
//! `PRAGMA application_id` marks the file as Herald's. Each migration runs in its own
//! `BEGIN IMMEDIATE` transaction together with the bump of `user_version`, so a crash or a
//! full disk leaves the file at the last complete version, and two processes opening a
//! fresh file at once cannot both apply the same step.
//!
//! Rules for adding a migration: append, never edit a released one (files in the wild
//! were built from it); one step per schema change; keep it plain SQL that SQLite 3.31
//! (Ubuntu 20.04's `sqlite3`) can read, so analysts can open the file with the tools they
//! have. That is also why the tables are not `STRICT`.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

/// "HRLD": marks a SQLite file as a Herald database (`PRAGMA application_id`).
pub(crate) const APPLICATION_ID: i32 = 0x4852_4c44;

/// One schema step: applying `sql` to a database at `version - 1` gives `version`.
pub(crate) struct Migration {
    pub version: i64,
    pub sql: &'static str,
}

/// All migrations, in order. `MIGRATIONS[i].version == i + 1`.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: V1_ARTICLES_EVENTS_PROVENANCE,
    },
    Migration {
        version: 2,
        sql: V2_ARTICLE_AUTHORS,
    },
];

/// Bylines of an article, as a JSON array (empty when the page names none).
const V2_ARTICLE_AUTHORS: &str = "
ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
";

/// Offsets (`char_start`, `char_end`) are Unicode code-point offsets into
/// `articles.text`, as in the event record; `body_start` alone is a byte offset, because
/// it is the engine's internal field (see `herald_core::model::Article`).
/// Dates are ISO `YYYY-MM-DD` text, which sorts and compares correctly as text.
/// Lists (mode, context, sectors) are JSON arrays, searchable with `json_each`.
const V1_ARTICLES_EVENTS_PROVENANCE: &str = "
CREATE TABLE articles (
    id           TEXT PRIMARY KEY NOT NULL,
    url          TEXT,
    title        TEXT,
    published    TEXT,
    source       TEXT,
    language     TEXT NOT NULL,
    text         TEXT NOT NULL,
    body_start   INTEGER NOT NULL DEFAULT 0,
    duplicate_of TEXT,
    story_id     TEXT,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_story ON articles (story_id);

CREATE TABLE events (
    id               TEXT PRIMARY KEY NOT NULL,
    article_id       TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    story_id         TEXT,
    event            TEXT NOT NULL,
    mode             TEXT NOT NULL DEFAULT '[]',
    context          TEXT NOT NULL DEFAULT '[]',
    cameo            TEXT,
    quad_code        INTEGER NOT NULL,
    modality         TEXT NOT NULL,
    date             TEXT,
    date_precision   TEXT,
    loc_place        TEXT,
    loc_resolved     TEXT,
    loc_geonameid    INTEGER,
    loc_lat          REAL,
    loc_lon          REAL,
    loc_admin1       TEXT,
    loc_country      TEXT,
    loc_feature_code TEXT,
    loc_resolution   INTEGER,
    dead             INTEGER,
    injured          INTEGER,
    arrested         INTEGER,
    sources          INTEGER NOT NULL,
    confidence       REAL NOT NULL,
    record           TEXT NOT NULL
);
CREATE INDEX events_order ON events (date, article_id, id);
CREATE INDEX events_type_date ON events (event, date);
CREATE INDEX events_modality_date ON events (modality, date);
CREATE INDEX events_loc_country ON events (loc_country);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_story ON events (story_id);

CREATE TABLE actors (
    event_id    TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    position    INTEGER NOT NULL,
    code        TEXT,
    sectors     TEXT NOT NULL DEFAULT '[]',
    name        TEXT,
    entity_text TEXT NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    PRIMARY KEY (event_id, role, position)
) WITHOUT ROWID;
CREATE INDEX actors_code ON actors (code, event_id);

CREATE TABLE spans (
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('event_text', 'date_text', 'event_loc', 'text_info')),
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (event_id, kind)
) WITHOUT ROWID;
";

/// The newest schema version this build knows.
pub(crate) fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// Why the schema could not be brought up to date; turned into a `StoreError` (which
/// needs the path) by the caller.
pub(crate) enum SchemaProblem {
    NotHerald,
    TooNew {
        found: i64,
    },
    Failed {
        version: i64,
        source: rusqlite::Error,
    },
    /// Reading the header failed before any migration ran.
    Unreadable(rusqlite::Error),
}

fn header(conn: &Connection) -> rusqlite::Result<(i32, i64)> {
    let application_id: i32 = conn.query_row("PRAGMA application_id", [], |row| row.get(0))?;
    let user_version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    Ok((application_id, user_version))
}

/// Brings the database up to [`latest_version`]; a no-op when it is already there.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), SchemaProblem> {
    let (application_id, version) = header(conn).map_err(SchemaProblem::Unreadable)?;
    if application_id != APPLICATION_ID {
        // A file with no Herald mark is only ours to fill if it is empty.
        let foreign = application_id != 0
            || version != 0
            || has_tables(conn).map_err(SchemaProblem::Unreadable)?;
        if foreign {
            return Err(SchemaProblem::NotHerald);
        }
    }
    if version > latest_version() {
        return Err(SchemaProblem::TooNew { found: version });
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > version) {
        apply(conn, migration).map_err(|source| SchemaProblem::Failed {
            version: migration.version,
            source,
        })?;
    }
    Ok(())
}

fn has_tables(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT 1 FROM sqlite_master LIMIT 1", [], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

fn apply(conn: &mut Connection, migration: &Migration) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have applied this step between our header read and our lock.
    let current: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if current >= migration.version {
        return Ok(());
    }
    tx.execute_batch(migration.sql)?;
    // PRAGMA values cannot be bound parameters; both are integers we control.
    tx.execute_batch(&format!(
        "PRAGMA user_version = {}; PRAGMA application_id = {};",
        migration.version, APPLICATION_ID
    ))?;
    tx.commit()
}
