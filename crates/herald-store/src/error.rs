//! Errors that tell the user what went wrong and what to do about it.
//!
//! Every message names the database file and, where there is one, ends with a hint in
//! parentheses: the user of `herald` sees this text and nothing else. The variants carry
//! plain strings rather than backend error types so that a PostgreSQL backend can report
//! through the same type and callers never depend on `rusqlite`.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
#[non_exhaustive]
pub enum StoreError {
    /// The database could not be opened or configured.
    Open {
        path: PathBuf,
        reason: String,
        hint: &'static str,
    },
    /// The file is a SQLite database that Herald did not create. Herald refuses to add
    /// its tables to someone else's database.
    NotHerald { path: PathBuf },
    /// The database was written by a newer Herald, with a schema this build does not know.
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// A schema migration failed; the database is left at the last version that succeeded.
    Migration {
        path: PathBuf,
        version: i64,
        reason: String,
    },
    /// A read or write failed after the database was open.
    Database {
        path: PathBuf,
        /// What the store was doing, as a phrase: "store the batch", "query events".
        operation: &'static str,
        reason: String,
        hint: &'static str,
    },
    /// A record handed to the store breaks the contract (e.g. an event that refers to an
    /// article that is neither in the batch nor stored). Nothing of the batch was stored.
    InvalidRecord { id: String, reason: String },
    /// A stored record cannot be read back, which means the file was edited by hand or
    /// damaged.
    CorruptRecord {
        path: PathBuf,
        id: String,
        reason: String,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Open { path, reason, hint } => {
                write!(f, "cannot open database {}: {reason}", path.display())?;
                write_hint(f, hint)
            }
            StoreError::NotHerald { path } => write!(
                f,
                "{} is a SQLite database that Herald did not create; \
                 choose another path (Herald will not add tables to it)",
                path.display()
            ),
            StoreError::TooNew { path, found, known } => write!(
                f,
                "database {} has schema version {found}, but this herald knows versions up to \
                 {known}; upgrade herald (or open the file with the version that wrote it)",
                path.display()
            ),
            StoreError::Migration {
                path,
                version,
                reason,
            } => write!(
                f,
                "cannot upgrade database {} to schema version {version}: {reason} \
                 (the database was left at version {}; free disk space or check permissions \
                 and run again)",
                path.display(),
                version - 1
            ),
            StoreError::Database {
                path,
                operation,
                reason,
                hint,
            } => {
                write!(
                    f,
                    "cannot {operation} in database {}: {reason}",
                    path.display()
                )?;
                write_hint(f, hint)
            }
            StoreError::InvalidRecord { id, reason } => {
                write!(f, "record {id} was not stored: {reason}")
            }
            StoreError::CorruptRecord { path, id, reason } => write!(
                f,
                "record {id} in database {} cannot be read back: {reason} \
                 (was the file edited by hand? restore it from a backup or re-run herald)",
                path.display()
            ),
        }
    }
}

fn write_hint(f: &mut fmt::Formatter<'_>, hint: &str) -> fmt::Result {
    if hint.is_empty() {
        Ok(())
    } else {
        write!(f, " ({hint})")
    }
}

impl std::error::Error for StoreError {}
