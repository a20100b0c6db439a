//! Billing runs: batches of document requests, their items, and the queue
//! workers claim items from (chunks with leases and heartbeats).
//!
//! The queue is plain SQL on both backends, not a job-queue crate: claims
//! must be atomic with the items' own state (an item is the job), and
//! exactly-once archiving rests on the unique (batch, key) of `documents`,
//! which a queue in other tables could not share a transaction with.
//! PostgreSQL claims with `FOR UPDATE SKIP LOCKED`, so replicas and
//! `folio worker` processes never block on each other's chunks; SQLite has
//! one writer, so a claim is one `UPDATE … RETURNING`.

use super::{Backend, DocumentRecord, ROWS_PER_STATEMENT, Store, StoreError, StoreResult, placeholders, timestamp, value_rows};
use crate::event::{BatchCompleted, BatchFailure, NewEvent, Payload};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// A batch's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum BatchState {
    /// Items are being rendered (or wait for a worker).
    Running,
    /// No item is claimed until it is resumed.
    Paused,
    /// Items not started were dropped; those started finished.
    Cancelled,
    /// Every item is done or failed.
    Done,
}

impl BatchState {
    pub fn as_str(self) -> &'static str {
        match self {
            BatchState::Running => "running",
            BatchState::Paused => "paused",
            BatchState::Cancelled => "cancelled",
            BatchState::Done => "done",
        }
    }
}

impl TryFrom<String> for BatchState {
    type Error = StoreError;
    fn try_from(text: String) -> Result<Self, StoreError> {
        [BatchState::Running, BatchState::Paused, BatchState::Cancelled, BatchState::Done]
            .into_iter()
            .find(|s| s.as_str() == text)
            .ok_or_else(|| StoreError::Corrupt(format!("a batch has the unknown state `{text}`")))
    }
}

/// A stored batch.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BatchRecord {
    pub id: String,
    pub created_by: String,
    pub idempotency_key: Option<String>,
    /// SHA-256 of the submitted body.
    pub request_sha256: String,
    /// The defaults every line started from, as JSON text.
    pub defaults: String,
    #[sqlx(try_from = "String")]
    pub state: BatchState,
    /// Lines submitted.
    pub total: i64,
    pub created_at: String,
    /// When its first item was claimed.
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
}

/// How a worked item ended, as [`Store::record_batch_items`] records it.
#[derive(Debug)]
pub enum ItemOutcome {
    /// Rendered: its document (bytes already in the blob store) and the
    /// `document.created` event that announces it.
    Archived { document: Box<DocumentRecord>, event: NewEvent },
    /// Could not be rendered, and why (with the JSON path where there is one).
    Failed { problem: String },
}

impl ItemOutcome {
    /// The document it archived, if it archived one.
    pub fn document(&self) -> Option<&DocumentRecord> {
        match self {
            ItemOutcome::Archived { document, .. } => Some(document),
            ItemOutcome::Failed { .. } => None,
        }
    }
}

/// An item's state.
pub mod item_state {
    pub const QUEUED: &str = "queued";
    pub const RUNNING: &str = "running";
    pub const DONE: &str = "done";
    pub const FAILED: &str = "failed";
    pub const CANCELLED: &str = "cancelled";
    /// Every state, in the order counts are reported.
    pub const ALL: [&str; 5] = [QUEUED, RUNNING, DONE, FAILED, CANCELLED];
}

/// One line of a batch.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BatchItem {
    pub batch_id: String,
    /// Its place in submission order.
    pub seq: i64,
    /// Its line number in the submitted body (1-based).
    pub line: i64,
    pub item_key: Option<String>,
    pub state: String,
    /// The document request, resolved at submission (JSON text); none for a line that was not valid.
    pub request: Option<String>,
    pub lease_owner: Option<String>,
    pub lease_until: Option<String>,
    pub attempts: i32,
    pub document_id: Option<String>,
    pub sha256: Option<String>,
    pub problem: Option<String>,
    pub finished_at: Option<String>,
}

/// An item as submitted.
#[derive(Debug, Clone)]
pub struct NewItem {
    pub line: i64,
    pub key: Option<String>,
    /// The resolved request, or why the line is not valid.
    pub request: Result<String, String>,
}

/// Items of a batch per state.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct ItemCounts {
    /// Waiting for a worker.
    pub queued: i64,
    /// Being rendered.
    pub running: i64,
    /// Rendered and archived.
    pub done: i64,
    /// Not valid, or failed to render.
    pub failed: i64,
    /// Dropped by a cancel before they started.
    pub cancelled: i64,
}

/// The outcome of creating a batch.
pub enum Created {
    New,
    /// A batch with the same idempotency key exists: it.
    Existing(Box<BatchRecord>),
}

impl Store {
    /// Creates `batch`, unless its caller already made one with the same
    /// idempotency key (then that one is returned and nothing is written).
    pub async fn create_batch(&self, batch: &BatchRecord) -> StoreResult<Created> {
        let doing = "creating a batch";
        let inserted = sqlx::query(
            "INSERT INTO batches (id, created_by, idempotency_key, request_sha256, defaults, state, total, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 0, $7) ON CONFLICT (created_by, idempotency_key) DO NOTHING",
        )
        .bind(&batch.id)
        .bind(&batch.created_by)
        .bind(&batch.idempotency_key)
        .bind(&batch.request_sha256)
        .bind(&batch.defaults)
        .bind(BatchState::Paused.as_str())
        .bind(&batch.created_at)
        .execute(self.pool())
        .await
        .map_err(|e| StoreError::sql(doing, e))?
        .rows_affected();
        if inserted == 1 {
            return Ok(Created::New);
        }
        let existing: Option<BatchRecord> = sqlx::query_as("SELECT * FROM batches WHERE created_by = $1 AND idempotency_key = $2")
            .bind(&batch.created_by)
            .bind(&batch.idempotency_key)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql(doing, e))?;
        existing
            .map(|b| Created::Existing(Box::new(b)))
            .ok_or_else(|| StoreError::Corrupt("a batch vanished while it was being read".into()))
    }

    /// Adds `items` to batch `id` (numbered on from `first_seq`). A key
    /// already used in the batch makes that line a failed item saying so.
    pub async fn add_batch_items(&self, id: &str, first_seq: i64, items: &[NewItem]) -> StoreResult<()> {
        let doing = "adding batch items";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        for (i, item) in items.iter().enumerate() {
            let seq = first_seq + i as i64;
            let (state, request, problem) = match &item.request {
                Ok(request) => (item_state::QUEUED, Some(request.as_str()), None),
                Err(problem) => (item_state::FAILED, None, Some(problem.as_str())),
            };
            let finished = (state == item_state::FAILED).then(|| timestamp(Utc::now()));
            let inserted = sqlx::query(
                "INSERT INTO batch_items (batch_id, seq, line, item_key, state, request, problem, finished_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (batch_id, item_key) DO NOTHING",
            )
            .bind(id)
            .bind(seq)
            .bind(item.line)
            .bind(&item.key)
            .bind(state)
            .bind(request)
            .bind(problem)
            .bind(&finished)
            .execute(&mut *tx)
            .await
            .map_err(err)?
            .rows_affected();
            if inserted == 0 {
                let key = item.key.as_deref().unwrap_or_default();
                sqlx::query(
                    "INSERT INTO batch_items (batch_id, seq, line, item_key, state, problem, finished_at) VALUES ($1, $2, $3, NULL, $4, $5, $6)",
                )
                .bind(id)
                .bind(seq)
                .bind(item.line)
                .bind(item_state::FAILED)
                .bind(format!("key: `{key}` is used by an earlier line of this run; keys are unique within a run"))
                .bind(timestamp(Utc::now()))
                .execute(&mut *tx)
                .await
                .map_err(err)?;
            }
        }
        tx.commit().await.map_err(err)
    }

    /// Opens batch `id` for workers, with `total` items: submission is complete.
    /// `sha256` is the body's, for resubmissions with the same idempotency
    /// key; `defaults` those its lines started from (the query's and the
    /// body's first line).
    pub async fn start_batch(&self, id: &str, total: i64, sha256: &str, defaults: &str, base_url: &str) -> StoreResult<()> {
        sqlx::query("UPDATE batches SET state = $1, total = $2, request_sha256 = $3, defaults = $4 WHERE id = $5")
            .bind(BatchState::Running.as_str())
            .bind(total)
            .bind(sha256)
            .bind(defaults)
            .bind(id)
            .execute(self.pool())
            .await
            .map_err(|e| StoreError::sql("starting a batch", e))?;
        // A run whose every line was refused is complete at once.
        self.finish_batch_if_done(id, base_url).await.map(drop)
    }

    /// Deletes batch `id` and its items (a submission that was refused).
    pub async fn discard_batch(&self, id: &str) -> StoreResult<()> {
        let doing = "discarding a batch";
        let mut tx = self.begin(doing).await?;
        for table in ["batch_items", "batches"] {
            let column = if table == "batches" { "id" } else { "batch_id" };
            sqlx::query(&format!("DELETE FROM {table} WHERE {column} = $1"))
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(|e| StoreError::sql(doing, e))?;
        }
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))
    }

    /// Batch `id`, once its submission has been received.
    pub async fn batch(&self, id: &str) -> StoreResult<Option<BatchRecord>> {
        sqlx::query_as("SELECT * FROM batches WHERE id = $1 AND request_sha256 <> ''")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading a batch", e))
    }

    /// Batches received, newest first.
    pub async fn batches(&self, limit: i64) -> StoreResult<Vec<BatchRecord>> {
        sqlx::query_as("SELECT * FROM batches WHERE request_sha256 <> '' ORDER BY created_at DESC, id DESC LIMIT $1")
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing batches", e))
    }

    /// Batch `id`'s items per state.
    pub async fn batch_counts(&self, id: &str) -> StoreResult<ItemCounts> {
        let mut counts = self.batches_counts(&[id]).await?;
        Ok(counts.pop().unwrap_or_default())
    }

    /// The items per state of each batch of `ids`, in the same order, in
    /// one query (a listing's page costs one scan of the `(batch, state)`
    /// index, not one query per batch).
    pub async fn batches_counts(&self, ids: &[&str]) -> StoreResult<Vec<ItemCounts>> {
        items_per_state(self.pool(), ids).await
    }

    /// Up to `limit` items of batch `id` after `after_seq`, in submission order.
    pub async fn batch_items(&self, id: &str, after_seq: i64, limit: i64) -> StoreResult<Vec<BatchItem>> {
        sqlx::query_as("SELECT * FROM batch_items WHERE batch_id = $1 AND seq > $2 ORDER BY seq LIMIT $3")
            .bind(id)
            .bind(after_seq)
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading batch items", e))
    }

    /// Moves batch `id` from one of `from` to `to`; whether it did.
    pub async fn set_batch_state(&self, id: &str, from: &[BatchState], to: BatchState) -> StoreResult<bool> {
        let doing = "changing a batch's state";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let sql = format!("UPDATE batches SET state = $1 WHERE id = $2 AND state IN ({})", placeholders(from.len(), 3));
        let mut query = sqlx::query(&sql).bind(to.as_str()).bind(id);
        for state in from {
            query = query.bind(state.as_str());
        }
        let changed = query.execute(&mut *tx).await.map_err(err)?.rows_affected() == 1;
        if changed && to == BatchState::Cancelled {
            sqlx::query("UPDATE batch_items SET state = $1, finished_at = $2 WHERE batch_id = $3 AND state = $4")
                .bind(item_state::CANCELLED)
                .bind(timestamp(Utc::now()))
                .bind(id)
                .bind(item_state::QUEUED)
                .execute(&mut *tx)
                .await
                .map_err(err)?;
        }
        tx.commit().await.map_err(err)?;
        Ok(changed)
    }

    /// Claims up to `limit` items of running batches for `owner` until
    /// `until`: first running ones whose lease has lapsed (their worker
    /// died), then queued ones of the oldest running batch that has any, in
    /// submission order. Each step reads an index range (`state, batch_id,
    /// seq`), so a claim costs the same in a run of ten items or of a
    /// million.
    pub async fn claim_batch_items(
        &self,
        owner: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<BatchItem>> {
        let doing = "claiming batch items";
        let skip_locked = if self.backend == Backend::Postgres { "FOR UPDATE OF i SKIP LOCKED" } else { "" };
        let set = "UPDATE batch_items SET state = $1, lease_owner = $2, lease_until = $3, attempts = attempts + 1";
        let lapsed = format!(
            "{set} WHERE (batch_id, seq) IN ( \
               SELECT i.batch_id, i.seq FROM batch_items i JOIN batches b ON b.id = i.batch_id \
               WHERE i.state = 'running' AND i.lease_until < $4 AND b.state = 'running' \
               ORDER BY i.batch_id, i.seq LIMIT $5 {skip_locked}) \
             RETURNING *"
        );
        let queued = format!(
            "{set} WHERE (batch_id, seq) IN ( \
               SELECT i.batch_id, i.seq FROM batch_items i \
               WHERE i.state = 'queued' AND i.batch_id = ( \
                 SELECT b.id FROM batches b WHERE b.state = 'running' \
                 AND EXISTS (SELECT 1 FROM batch_items q WHERE q.state = 'queued' AND q.batch_id = b.id) \
                 ORDER BY b.created_at, b.id LIMIT 1) \
               ORDER BY i.seq LIMIT $5 {skip_locked}) \
             RETURNING *"
        );
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let mut claimed: Vec<BatchItem> = Vec::new();
        for sql in [lapsed, queued] {
            let wanted = limit - claimed.len() as i64;
            if wanted <= 0 {
                break;
            }
            let mut more: Vec<BatchItem> = sqlx::query_as(&sql)
                .bind(item_state::RUNNING)
                .bind(owner)
                .bind(timestamp(until))
                .bind(timestamp(now))
                .bind(wanted)
                .fetch_all(&mut *tx)
                .await
                .map_err(err)?;
            claimed.append(&mut more);
        }
        claimed.sort_by(|a, b| (&a.batch_id, a.seq).cmp(&(&b.batch_id, b.seq)));
        let mut started: Vec<&str> = claimed.iter().map(|i| i.batch_id.as_str()).collect();
        started.dedup();
        for id in started {
            sqlx::query("UPDATE batches SET started_at = $1 WHERE id = $2 AND started_at IS NULL")
                .bind(timestamp(now))
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(err)?;
        }
        tx.commit().await.map_err(err)?;
        Ok(claimed)
    }

    /// Extends `owner`'s leases on `items` to `until` (its heartbeat).
    pub async fn extend_batch_leases(&self, owner: &str, batch_id: &str, seqs: &[i64], until: DateTime<Utc>) -> StoreResult<()> {
        for seq in seqs {
            sqlx::query(
                "UPDATE batch_items SET lease_until = $1 WHERE batch_id = $2 AND seq = $3 AND lease_owner = $4 AND state = 'running'",
            )
            .bind(timestamp(until))
            .bind(batch_id)
            .bind(seq)
            .bind(owner)
            .execute(self.pool())
            .await
            .map_err(|e| StoreError::sql("extending batch leases", e))?;
        }
        Ok(())
    }

    /// Records how each of `finished` ended, in one transaction (one
    /// commit for a group of items, not one each), with one statement per
    /// table for the whole group: its documents, its items' rows and its
    /// events. An archived item's document and its event are written with
    /// the item. If the run's key was archived already (the chunk was done
    /// twice: its first worker lost its lease after committing), that
    /// document stands and the item names it. The documents' events are
    /// written last, after every item's row: on PostgreSQL the first takes
    /// the lock that orders events, and every other event writer (an open,
    /// an action) waits for it until this transaction commits.
    pub async fn record_batch_items(&self, finished: &[(BatchItem, ItemOutcome)]) -> StoreResult<()> {
        const COLUMNS: usize = 6;
        let doing = "recording finished batch items";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let archived: Vec<&DocumentRecord> = finished.iter().filter_map(|(_, outcome)| outcome.document()).collect();
        let inserted = DocumentRecord::insert_once(&mut tx, &archived).await?;
        // What each item's row gets: a document (the one its key already
        // has, if it has one) or a problem. A failed item keeps any
        // document an earlier attempt recorded.
        struct Row<'a> {
            item: &'a BatchItem,
            state: &'static str,
            /// The id and SHA-256 of the item's document.
            document: Option<(String, String)>,
            problem: Option<&'a str>,
        }
        let mut rows = Vec::with_capacity(finished.len());
        let mut events = Vec::with_capacity(archived.len());
        for (item, outcome) in finished {
            match outcome {
                ItemOutcome::Archived { document, event } if inserted.contains(&document.id) => {
                    events.push(event);
                    let document = Some((document.id.clone(), document.sha256.clone()));
                    rows.push(Row { item, state: item_state::DONE, document, problem: None });
                }
                ItemOutcome::Archived { .. } => {
                    let named = sqlx::query_as("SELECT id, sha256 FROM documents WHERE batch_id = $1 AND batch_key = $2")
                        .bind(&item.batch_id)
                        .bind(&item.item_key)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(err)?;
                    rows.push(Row { item, state: item_state::DONE, document: Some(named), problem: None });
                }
                ItemOutcome::Failed { problem } => {
                    rows.push(Row { item, state: item_state::FAILED, document: None, problem: Some(problem) })
                }
            }
        }
        let now = timestamp(Utc::now());
        for rows in rows.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "WITH v (batch_id, seq, state, document_id, sha256, problem) AS (VALUES {}) \
                 UPDATE batch_items SET state = v.state, document_id = COALESCE(v.document_id, batch_items.document_id), \
                 sha256 = COALESCE(v.sha256, batch_items.sha256), problem = v.problem, finished_at = $1, lease_owner = NULL \
                 FROM v WHERE batch_items.batch_id = v.batch_id AND batch_items.seq = v.seq",
                value_rows(rows.len(), COLUMNS, 2)
            );
            let mut query = sqlx::query(&sql).bind(&now);
            for Row { item, state, document, problem } in rows {
                let (document_id, sha256) = document.as_ref().map(|(id, sha)| (id.as_str(), sha.as_str())).unzip();
                query = query.bind(&item.batch_id).bind(item.seq).bind(*state).bind(document_id).bind(sha256).bind(*problem);
            }
            query.execute(&mut *tx).await.map_err(err)?;
        }
        NewEvent::write_all(&mut tx, self.backend, &events, None).await?;
        tx.commit().await.map_err(err)?;
        if !events.is_empty() {
            self.wake_outbox();
        }
        Ok(())
    }

    /// Marks batch `id` finished once no item is queued or running (done,
    /// or cancelled if it was), with its `batch.completed` event, in one
    /// transaction. Returns whether this call finished it.
    pub async fn finish_batch_if_done(&self, id: &str, base_url: &str) -> StoreResult<bool> {
        let doing = "finishing a batch";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let finished = sqlx::query(
            "UPDATE batches SET state = CASE WHEN state = 'cancelled' THEN 'cancelled' ELSE 'done' END, finished_at = $1 \
             WHERE id = $2 AND state IN ('running', 'cancelled') AND finished_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM batch_items WHERE batch_id = $2 AND state IN ('queued', 'running'))",
        )
        .bind(timestamp(Utc::now()))
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(err)?
        .rows_affected()
            == 1;
        if !finished {
            tx.rollback().await.map_err(err)?;
            return Ok(false);
        }
        let batch: BatchRecord = sqlx::query_as("SELECT * FROM batches WHERE id = $1").bind(id).fetch_one(&mut *tx).await.map_err(err)?;
        let counts = items_per_state(&mut *tx, &[id]).await?.pop().unwrap_or_default();
        let failures: Vec<(i64, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT line, item_key, problem FROM batch_items WHERE batch_id = $1 AND state = 'failed' ORDER BY seq LIMIT $2",
        )
        .bind(id)
        .bind(BatchCompleted::FAILURES_SHOWN)
        .fetch_all(&mut *tx)
        .await
        .map_err(err)?;
        let url = format!("{base_url}/v1/batches/{id}");
        let completed = BatchCompleted {
            batch_id: id.to_string(),
            state: batch.state.as_str().to_string(),
            total: batch.total,
            done: counts.done,
            failed: counts.failed,
            cancelled: counts.cancelled,
            failures: failures
                .into_iter()
                .map(|(line, key, problem)| BatchFailure::new(line, key, problem.as_deref().unwrap_or_default()))
                .collect(),
            started_at: batch.started_at.clone(),
            finished_at: batch.finished_at.clone().unwrap_or_default(),
            results_url: format!("{url}/results"),
            url,
        };
        completed.event().write(&mut tx, self.backend, None).await?;
        tx.commit().await.map_err(err)?;
        self.wake_outbox();
        Ok(true)
    }
}

/// The items per state of each batch of `ids`, in the same order, read
/// through `executor` (the pool, or a transaction that needs its own view).
async fn items_per_state<'e, E>(executor: E, ids: &[&str]) -> StoreResult<Vec<ItemCounts>>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT batch_id, state, COUNT(*) FROM batch_items WHERE batch_id IN ({}) GROUP BY batch_id, state",
        placeholders(ids.len(), 1)
    );
    let mut query = sqlx::query_as::<_, (String, String, i64)>(&sql);
    for id in ids {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(executor).await.map_err(|e| StoreError::sql("counting batch items", e))?;
    let index: std::collections::HashMap<&str, usize> = ids.iter().enumerate().map(|(at, id)| (*id, at)).collect();
    let mut counts = vec![ItemCounts::default(); ids.len()];
    for (batch_id, state, n) in rows {
        let Some(&at) = index.get(batch_id.as_str()) else { continue };
        let slot = match state.as_str() {
            item_state::QUEUED => &mut counts[at].queued,
            item_state::RUNNING => &mut counts[at].running,
            item_state::DONE => &mut counts[at].done,
            item_state::FAILED => &mut counts[at].failed,
            item_state::CANCELLED => &mut counts[at].cancelled,
            other => return Err(StoreError::Corrupt(format!("a batch item has the unknown state `{other}`"))),
        };
        *slot = n;
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::EventType;
    use crate::store::EndpointRecord;

    fn document(id: &str, key: &str) -> DocumentRecord {
        DocumentRecord {
            format: "pdf".into(),
            file_name: format!("{key}.pdf"),
            sha256: format!("{id}-sha"),
            created_by: "batch:bat_1".into(),
            batch_id: Some("bat_1".into()),
            batch_key: Some(key.into()),
            ..DocumentRecord::fixture(id)
        }
    }

    fn archived(id: &str, key: &str) -> ItemOutcome {
        let event = NewEvent {
            event_type: EventType::DocumentCreated,
            customer_id: Some("c1".into()),
            subject: Some(id.into()),
            data: serde_json::json!({ "document_id": id }),
        };
        ItemOutcome::Archived { document: Box::new(document(id, key)), event }
    }

    /// A group is recorded in one go: archived and failed items side by
    /// side, and an item whose chunk was done twice keeps its first
    /// document, with no second document and no second event. The
    /// group's events take consecutive positions, in the items' order, and
    /// each has its delivery.
    #[tokio::test]
    async fn a_group_records_each_item_and_a_redone_item_keeps_its_first_document() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(dir.path()).await.unwrap();
        let now = timestamp(Utc::now());
        let batch = BatchRecord {
            id: "bat_1".into(),
            created_by: "key_1".into(),
            idempotency_key: None,
            request_sha256: String::new(),
            defaults: "{}".into(),
            state: BatchState::Paused,
            total: 0,
            created_at: now,
            started_at: None,
            finished_at: None,
        };
        assert!(matches!(store.create_batch(&batch).await.unwrap(), Created::New));
        let items: Vec<NewItem> = ["A-1", "A-2", "A-3", "A-4"]
            .iter()
            .zip(1..)
            .map(|(key, line)| NewItem { line, key: Some(key.to_string()), request: Ok("{}".into()) })
            .collect();
        store.add_batch_items("bat_1", 0, &items).await.unwrap();
        let endpoint =
            EndpointRecord::new("whk_1".into(), "https://hooks.example.com/".into(), String::new(), "sealed".into(), "k1".into());
        store.create_endpoint(&endpoint, &[EventType::DocumentCreated]).await.unwrap();
        store.start_batch("bat_1", 4, "", "{}", "http://f").await.unwrap();
        let claimed = store.claim_batch_items("w", Utc::now(), Utc::now() + chrono::Duration::seconds(30), 16).await.unwrap();
        assert_eq!(claimed.len(), 4);

        // The first worker archived A-1, then lost its lease.
        store.record_batch_items(&[(claimed[0].clone(), archived("doc_first", "A-1"))]).await.unwrap();
        // The second did the whole chunk again.
        let group = vec![
            (claimed[0].clone(), archived("doc_again", "A-1")),
            (claimed[1].clone(), ItemOutcome::Failed { problem: "data.lines[0].amount: not a number".into() }),
            (claimed[2].clone(), archived("doc_3", "A-3")),
            (claimed[3].clone(), archived("doc_4", "A-4")),
        ];
        store.record_batch_items(&group).await.unwrap();

        let items = store.batch_items("bat_1", -1, 10).await.unwrap();
        let seen: Vec<_> = items.iter().map(|i| (i.state.as_str(), i.document_id.as_deref(), i.problem.as_deref())).collect();
        assert_eq!(
            seen,
            [
                ("done", Some("doc_first"), None),
                ("failed", None, Some("data.lines[0].amount: not a number")),
                ("done", Some("doc_3"), None),
                ("done", Some("doc_4"), None)
            ]
        );
        let (documents,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM documents").fetch_one(store.pool()).await.unwrap();
        assert_eq!(documents, 3);
        let events = store.events_after(0, &[EventType::DocumentCreated].into(), 100).await.unwrap();
        let subjects: Vec<_> = events.iter().map(|e| e.subject.as_deref()).collect();
        assert_eq!(subjects, [Some("doc_first"), Some("doc_3"), Some("doc_4")]);
        assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3]);
        let deliveries: Vec<(String, String)> =
            sqlx::query_as("SELECT d.event_id, d.endpoint_id FROM webhook_deliveries d JOIN events e ON e.id = d.event_id ORDER BY e.seq")
                .fetch_all(store.pool())
                .await
                .unwrap();
        let expected: Vec<(String, String)> = events.iter().map(|e| (e.id.clone(), "whk_1".to_string())).collect();
        assert_eq!(deliveries, expected);
        assert!(store.finish_batch_if_done("bat_1", "http://f").await.unwrap());
    }
}
