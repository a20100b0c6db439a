//! Working billing runs: claim a chunk of items, render and archive each,
//! keep the chunk's leases alive while working, and finish the runs the
//! chunk completed. Finished items are recorded in groups
//! (`committer.rs`). Every `folio serve` replica runs one; `folio worker`
//! is a process that runs only this.
//!
//! A worker that dies mid-chunk stops renewing its leases; once they lapse
//! another worker claims those items again. An item's document is archived
//! in the transaction that marks it done, under the run's unique
//! (batch, key), so an item done twice is archived once.

use super::super::archive;
use super::super::pipeline;
use super::super::problem::Problem;
use super::super::routes::documents::{RenderRequest, resolve};
use super::super::state::AppState;
use super::committer::Committer;
use super::off_thread;
use crate::contain::Lane;
use crate::event::Payload;
use crate::store::{BatchItem, DocumentRecord, ItemOutcome, timestamp};
use chrono::Utc;
use futures_util::StreamExt;
use std::time::Duration;

/// Items claimed at a time.
const CHUNK: i64 = 16;

/// A claimed chunk: its heartbeat, and how many of its items are not done.
struct Chunk {
    heartbeat: tokio::task::JoinHandle<()>,
    left: std::sync::atomic::AtomicUsize,
    batches: Vec<String>,
}

/// Runs batches until the process ends: `concurrency` items at a time.
/// Claims hold their items for `lease`, renewed every third of it. The
/// next chunk is claimed as soon as a slot is free and the last chunk's
/// items have all started, so no slot waits for a chunk's slowest item.
pub async fn run(state: AppState, owner: String, concurrency: usize, lease: Duration) {
    let concurrency = concurrency.max(1);
    let items = futures_util::stream::unfold((), |()| {
        let (state, owner) = (state.clone(), owner.clone());
        async move { Some((claim(&state, &owner, lease).await, ())) }
    })
    .flat_map(futures_util::stream::iter);
    let committer = Committer::start(state.clone());
    items
        .for_each_concurrent(concurrency, |(item, chunk)| {
            let (state, committer) = (state.clone(), committer.clone());
            async move {
                let outcome = work(&state, &item).await;
                let committed = committer.submit(item, outcome).await;
                tokio::spawn(async move {
                    let _ = committed.await;
                    chunk.item_finished(&state).await;
                });
            }
        })
        .await;
}

impl Chunk {
    /// Counts one of the chunk's items finished; after the last one, stops
    /// renewing the chunk's leases and finishes the runs it completed.
    async fn item_finished(&self, state: &AppState) {
        if self.left.fetch_sub(1, std::sync::atomic::Ordering::AcqRel) != 1 {
            return;
        }
        self.heartbeat.abort();
        for batch in &self.batches {
            if let Err(e) = state.store().finish_batch_if_done(batch, state.public_url()).await {
                tracing::warn!(batch, error = %e, "could not finish a batch; the next chunk will");
            }
        }
    }
}

/// Claims the next chunk, waiting (for a new run's signal, or half a
/// second) while there is none.
async fn claim(state: &AppState, owner: &str, lease: Duration) -> Vec<(BatchItem, std::sync::Arc<Chunk>)> {
    let lease_for = chrono::Duration::from_std(lease).unwrap_or_else(|_| chrono::Duration::seconds(30));
    loop {
        let now = Utc::now();
        let claimed = match state.store().claim_batch_items(owner, now, now + lease_for, CHUNK).await {
            Ok(claimed) => claimed,
            Err(e) => {
                tracing::warn!(error = %e, "claiming batch items failed; trying again shortly");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        if claimed.is_empty() {
            tokio::select! {
                () = state.batch_signal().notified() => {}
                () = tokio::time::sleep(Duration::from_millis(500)) => {}
            }
            continue;
        }
        let mut batches: Vec<String> = claimed.iter().map(|i| i.batch_id.clone()).collect();
        batches.dedup();
        let heartbeat = tokio::spawn(heartbeat(state.clone(), owner.to_string(), claimed.clone(), lease));
        let chunk = std::sync::Arc::new(Chunk { heartbeat, left: claimed.len().into(), batches });
        return claimed.into_iter().map(|item| (item, chunk.clone())).collect();
    }
}

/// Renews the leases of `items` while they are worked on.
async fn heartbeat(state: AppState, owner: String, items: Vec<BatchItem>, lease: Duration) {
    let lease_for = chrono::Duration::from_std(lease).unwrap_or_else(|_| chrono::Duration::seconds(30));
    loop {
        tokio::time::sleep(lease / 3).await;
        let until = Utc::now() + lease_for;
        let mut batches: Vec<&str> = items.iter().map(|i| i.batch_id.as_str()).collect();
        batches.dedup();
        for batch in batches {
            let seqs: Vec<i64> = items.iter().filter(|i| i.batch_id == batch).map(|i| i.seq).collect();
            if let Err(e) = state.store().extend_batch_leases(&owner, batch, &seqs, until).await {
                tracing::warn!(batch, error = %e, "could not renew batch leases");
            }
        }
    }
}

/// Renders one item and keeps its bytes, or says why it failed. A busy
/// render queue is waited out.
async fn work(state: &AppState, item: &BatchItem) -> ItemOutcome {
    loop {
        match render(state, item).await {
            Ok(archived) => return archived,
            Err(problem) if problem.status == 503 => tokio::time::sleep(Duration::from_millis(200)).await,
            Err(problem) => {
                let problem = match &problem.path {
                    Some(path) => format!("{path}: {}", problem.detail),
                    None => problem.detail.clone(),
                };
                return ItemOutcome::Failed { problem };
            }
        }
    }
}

/// The item's document rendered, its bytes written (unsynced: the
/// committer syncs a group at once), and the records that archive it.
async fn render(state: &AppState, item: &BatchItem) -> Result<ItemOutcome, Problem> {
    let text = item.request.as_deref().ok_or_else(|| Problem::internal("a queued batch item has no request"))?;
    let request: RenderRequest = serde_json::from_str(text).map_err(Problem::internal)?;
    let (version, inputs) = resolve(state, request).await?;
    let document = pipeline::render(state, &version, &inputs, Lane::Batch).await?;
    let blobs = state.blobs().clone();
    let (document, sha256) =
        off_thread(move || blobs.put_unsynced(&document.bytes).map(|sha256| (document, sha256))).await.map_err(Problem::internal)?;
    let record = DocumentRecord {
        batch_id: Some(item.batch_id.clone()),
        batch_key: item.item_key.clone(),
        ..archive::record(&inputs, &document, sha256, format!("batch:{}", item.batch_id), timestamp(Utc::now()))?
    };
    let event = archive::created(state, &record).event();
    Ok(ItemOutcome::Archived { document: Box::new(record), event })
}
