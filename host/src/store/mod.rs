//! Storage: what the service keeps between requests.
//!
//! Two parts, one job each:
//! - [`Store`]: records (API keys, plugin versions and aliases, archived
//!   documents, idempotency records, customer profiles and events, the audit
//!   log, open links and their opens, the event outbox, webhook endpoints
//!   and their deliveries) in SQL, through sqlx's `Any` driver. The same portable SQL and the
//!   same migrations run on SQLite (the default: one file in the data
//!   directory, nothing else to install) and on PostgreSQL (several
//!   `folio serve` replicas share one database).
//! - [`BlobStore`]: bytes (bundles and rendered documents), as files named by
//!   their SHA-256, written atomically and verified when read.
//!
//! Instants are stored as RFC 3339 UTC text with microseconds ([`timestamp`]),
//! which sorts as text on both backends.

mod audit;
mod batches;
mod blobs;
mod customers;
mod documents;
mod events;
mod keys;
mod links;
mod offers;
mod opens;
mod plugins;
mod signing_keys;
mod webhooks;

pub use audit::{AuditAction, AuditEntry};
pub use batches::{BatchItem, BatchRecord, BatchState, Created as BatchCreated, ItemCounts, ItemOutcome, NewItem, item_state};
pub use blobs::BlobStore;
pub use customers::{CustomerEvent, CustomerProfile};
pub use documents::{DocumentRecord, IdempotencyRecord, Recorded};
pub use events::{Event, TimelineEvent};
pub use keys::{KeyRecord, Scope, split_token};
pub use links::{LinkFormat, LinkFormats, OpenLink};
pub use offers::{AcceptanceRecord, Accepted, ReceiptKeyRecord, SnapshotRecord};
pub use opens::{LastGood, LinkActivity, OpenEvent, OpenOutcome, OpenStats, OpenedPolicy, OpenerClass};
pub use plugins::{AliasRecord, PluginVersion, VersionStatus};
pub use signing_keys::SigningKey;
pub use webhooks::{AttemptOutcome, AttemptRecord, AttemptResult, Claimed, DisablePolicy, EndpointChange, EndpointRecord, Replayed};

use chrono::{DateTime, Utc};
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::time::Duration;

/// Which database a [`Store`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A storage failure, with the facts of what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A statement failed.
    #[error("database error while {doing}: {source}")]
    Sql {
        doing: &'static str,
        #[source]
        source: sqlx::Error,
    },
    /// The database cannot be reached or set up.
    #[error("cannot {doing} the database at {url}: {reason}; check the URL and that the server runs")]
    Connect { doing: &'static str, url: String, reason: String },
    /// The database URL names no backend Folio runs on.
    #[error("database URL `{url}` is neither sqlite:// nor postgres://")]
    UnknownBackend { url: String },
    /// The data directory cannot be created.
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A stored record cannot be read back (written by another version, or damaged).
    #[error("{0}")]
    Corrupt(String),
    /// A concurrent change got there first; trying again will do.
    #[error("{0}; try again")]
    Conflict(String),
}

impl StoreError {
    fn sql(doing: &'static str, source: sqlx::Error) -> Self {
        StoreError::Sql { doing, source }
    }
}

/// Result of a store call.
pub type StoreResult<T> = Result<T, StoreError>;

/// The service's records, in SQLite or PostgreSQL.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Signalled when this process commits an event (`events::outbox`).
    outbox: std::sync::Arc<tokio::sync::Notify>,
    /// SQLite's one writer, taken by [`Store::begin`] in this process.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// A write transaction from [`Store::begin`]: it derefs to the connection
/// (`&mut *tx`), and ends with [`Tx::commit`] or [`Tx::rollback`] (or is
/// rolled back when dropped). On SQLite it holds this process's writer
/// turn until it ends.
pub(super) struct Tx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl Tx {
    pub(super) async fn commit(self) -> Result<(), sqlx::Error> {
        let Tx { tx, _turn } = self;
        tx.commit().await
    }

    pub(super) async fn rollback(self) -> Result<(), sqlx::Error> {
        let Tx { tx, _turn } = self;
        tx.rollback().await
    }
}

impl std::ops::Deref for Tx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.tx
    }
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl Store {
    /// Opens the SQLite database `folio.db` in `data_dir`, creating both.
    pub async fn open_sqlite(data_dir: &Path) -> StoreResult<Self> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir { path: data_dir.to_path_buf(), source })?;
        let path = data_dir.join("folio.db");
        let url = format!("sqlite://{}?mode=rwc", path.display());
        Self::open(&url).await
    }

    /// Connects to `url` (`sqlite://…` or `postgres://…`) and runs the
    /// migrations. Several processes may do this at once: on PostgreSQL the
    /// migrator holds an advisory lock.
    pub async fn open(url: &str) -> StoreResult<Self> {
        install_default_drivers();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            return Err(StoreError::UnknownBackend { url: redact(url) });
        };
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
        options = match backend {
            // SQLite: WAL so readers never wait for the writer, and writers
            // wait (not fail) for each other.
            Backend::Sqlite => options.max_connections(8).after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    conn.execute("PRAGMA busy_timeout = 10000").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    Ok(())
                })
            }),
            Backend::Postgres => options.max_connections(16),
        };
        let pool =
            options.connect(url).await.map_err(|e| StoreError::Connect { doing: "connect to", url: redact(url), reason: e.to_string() })?;
        MIGRATOR.run(&pool).await.map_err(|e| StoreError::Connect { doing: "migrate", url: redact(url), reason: e.to_string() })?;
        Ok(Store { pool, backend, outbox: Default::default(), writer: Default::default() })
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await.map_err(|e| StoreError::sql("checking the connection", e))?;
        Ok(())
    }

    /// Closes every connection, waiting for queries in flight.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Starts a transaction that will write. On SQLite it takes the write
    /// lock at once (`BEGIN IMMEDIATE`): a transaction that reads first and
    /// takes the lock later can find another writer got there in between
    /// and fail with `database is locked` instead of waiting. Writers of
    /// this process take turns first, in order, on an async lock: waiting
    /// inside SQLite for its lock sleeps 1, 2, 5, 10… ms between tries,
    /// which made every contended write cost milliseconds of nothing (a
    /// billing run's items, archived four at a time, ran at a fifth of
    /// their render rate). PostgreSQL's row locks need nothing more.
    pub(super) async fn begin(&self, doing: &'static str) -> StoreResult<Tx> {
        let (turn, begun) = match self.backend {
            Backend::Sqlite => {
                let turn = self.writer.clone().lock_owned().await;
                (Some(turn), self.pool.begin_with("BEGIN IMMEDIATE").await)
            }
            Backend::Postgres => (None, self.pool.begin().await),
        };
        Ok(Tx { tx: begun.map_err(|e| StoreError::sql(doing, e))?, _turn: turn })
    }
}

/// `url` with any password replaced, for error messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!("{}{}:***{}", &url[..scheme + 3], &userinfo[..colon], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// An instant as the store writes it: RFC 3339, UTC, microseconds.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// A new random identifier, `<prefix>_<32 hex digits>`: 128 bits, so ids
/// cannot be guessed or enumerated.
pub fn new_id(prefix: &str) -> String {
    format!("{prefix}_{}", hex::encode(random_bytes::<16>()))
}

/// Bytes from the operating system's random source.
#[expect(clippy::expect_used, reason = "without a random source no id, key or token can be made safely; nothing to fall back to")]
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    bytes
}

/// `count` numbered placeholders from `$first`, comma-separated
/// (`$3, $4` for 2, 3): an `IN (…)` list, or a row of a `VALUES` list.
fn placeholders(count: usize, first: usize) -> String {
    (first..first + count).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// The row lists of a multi-row statement: `rows` parenthesised groups of
/// `columns` numbered placeholders, the first numbered `first`
/// (`($1, $2), ($3, $4)` for 2, 2, 1).
fn value_rows(rows: usize, columns: usize, first: usize) -> String {
    (0..rows).map(|r| format!("({})", placeholders(columns, first + r * columns))).collect::<Vec<_>>().join(", ")
}

/// The most rows one multi-row statement writes: with at most 16 columns,
/// 1,024 parameters, far inside SQLite's 32,766 and PostgreSQL's 65,535.
const ROWS_PER_STATEMENT: usize = 64;

/// Serializes JSON text stored in a column as the JSON it holds.
fn raw_json<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    let raw: &serde_json::value::RawValue = serde_json::from_str(text).map_err(serde::ser::Error::custom)?;
    raw.serialize(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_hides_passwords_only() {
        assert_eq!(redact("postgres://u:secret@h:5432/db"), "postgres://u:***@h:5432/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite://x.db"), "sqlite://x.db");
    }

    #[test]
    fn timestamps_sort_as_text() {
        let a = DateTime::parse_from_rfc3339("2026-01-02T03:04:05Z").unwrap().with_timezone(&Utc);
        let b = a + chrono::Duration::microseconds(1);
        assert!(timestamp(a) < timestamp(b));
        assert_eq!(timestamp(a), "2026-01-02T03:04:05.000000Z");
    }

    #[test]
    fn value_rows_number_every_placeholder_once() {
        assert_eq!(placeholders(2, 3), "$3, $4");
        assert_eq!(placeholders(0, 1), "");
        assert_eq!(value_rows(2, 2, 1), "($1, $2), ($3, $4)");
        assert_eq!(value_rows(1, 3, 4), "($4, $5, $6)");
        assert_eq!(value_rows(0, 3, 1), "");
    }

    #[test]
    fn ids_are_prefixed_and_unique() {
        let a = new_id("doc");
        assert!(a.starts_with("doc_") && a.len() == 36, "{a}");
        assert_ne!(a, new_id("doc"));
    }
}
