//! Billing runs: many documents handed over in one request, worked through
//! a queue in the database by every replica (and `folio worker`), each
//! item archived exactly once, with a status, results and an event when
//! the run completes.
//!
//! - `submit.rs`: the NDJSON body streamed into the queue.
//! - `runner.rs`: the worker loop: claim, render, archive, renew leases.
//! - `committer.rs`: finished items made durable and recorded in groups.
//! - `archive.rs`: a run's documents as one zip, streamed.

pub mod archive;
mod committer;
mod runner;
mod submit;

pub use runner::run;
pub use submit::{Received, Submission, receive};

use crate::store::{BatchRecord, BatchState, ItemCounts};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Runs `f`, a file operation that can block for tens of milliseconds (a
/// sync waits for the disk; creating a file can wait for the filesystem's
/// journal), on tokio's blocking pool. The runner's runtime has one
/// thread: blocking it stops every item from being dispatched to a render
/// worker or collected from one meanwhile. Measured on a SQLite PDF run
/// before this: the runner's thread spent a fifth of the run in `syncfs`.
/// The pool's threads are started by the runner's and so share its lowered
/// CPU priority.
async fn off_thread<T: Send + 'static>(f: impl FnOnce() -> std::io::Result<T> + Send + 'static) -> std::io::Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(std::io::Error::other(format!("a file operation of the billing-run worker did not finish: {e}"))))
}

/// A run as `GET /v1/batches/{id}` shows it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchStatus {
    /// The run (`bat_` and 32 hex digits).
    pub id: String,
    /// `running`, `paused`, `cancelled` or `done`.
    pub state: BatchState,
    /// Lines submitted.
    pub total: i64,
    /// Items per state.
    pub counts: ItemCounts,
    /// Documents finished (done or failed) per second since the run started.
    pub documents_per_second: f64,
    /// Seconds left at that rate, while items wait.
    pub seconds_left: Option<f64>,
    /// The defaults every line started from.
    #[schema(value_type = Object)]
    pub defaults: serde_json::Value,
    /// When it was submitted (RFC 3339).
    pub created_at: String,
    /// When its first item was claimed.
    pub started_at: Option<String>,
    /// When its last item finished.
    pub finished_at: Option<String>,
    /// Its results, one NDJSON line per item in submission order.
    pub results_url: String,
}

impl BatchStatus {
    /// The status of `batch` with `counts`, at `now`, its URLs under `base_url`.
    pub fn of(batch: &BatchRecord, counts: ItemCounts, now: DateTime<Utc>, base_url: &str) -> BatchStatus {
        let parse = |t: &Option<String>| t.as_deref().and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map(|t| t.with_timezone(&Utc));
        let end = parse(&batch.finished_at).unwrap_or(now);
        let finished = (counts.done + counts.failed) as f64;
        let rate = match parse(&batch.started_at) {
            Some(start) if end > start => finished / ((end - start).num_milliseconds() as f64 / 1000.0),
            _ => 0.0,
        };
        let waiting = (counts.queued + counts.running) as f64;
        let seconds_left = (rate > 0.0 && waiting > 0.0 && batch.state == BatchState::Running).then(|| waiting / rate);
        BatchStatus {
            id: batch.id.clone(),
            state: batch.state,
            total: batch.total,
            counts,
            documents_per_second: (rate * 10.0).round() / 10.0,
            seconds_left: seconds_left.map(|s| s.round()),
            defaults: serde_json::from_str(&batch.defaults).unwrap_or(serde_json::Value::Null),
            created_at: batch.created_at.clone(),
            started_at: batch.started_at.clone(),
            finished_at: batch.finished_at.clone(),
            results_url: format!("{base_url}/v1/batches/{}/results", batch.id),
        }
    }
}
