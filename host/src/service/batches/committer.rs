//! Recording a run's finished items in groups. Every item a runner
//! finishes is handed to one committer task, which takes whatever has
//! finished since its last commit, waiting up to [`LINGER`] for more (up
//! to [`GROUP`] items), syncs their documents' files, and records them
//! all in one transaction. A runner's slot is free as soon as its item is
//! handed over, but the item counts as finished only once its group is
//! committed, so a chunk is only finished once its items are on disk.
//!
//! One commit per item cost a transaction, a commit and an fsync of its
//! own per document: at a hundred and more PDFs a second that was a third
//! of a core in the server, which batch renders then lacked. Grouping
//! costs an item at most [`LINGER`] of latency, which no one waits on in a
//! billing run, and amortises both.

use super::super::state::AppState;
use super::off_thread;
use crate::store::{BatchItem, ItemOutcome};
use tokio::sync::{mpsc, oneshot};

/// The most items committed together: one multi-row statement per table
/// (`store::ROWS_PER_STATEMENT`).
const GROUP: usize = 64;

/// How long a group that is not full waits for more finished items before
/// it is synced and committed. Items finish one at a time at a run's pace,
/// so without it nearly every group held one item and cost a sync, a
/// transaction and a wakeup of the webhook dispatcher of its own. Since a
/// group is written with one statement per table, its size no longer
/// lengthens the transaction (nor, on PostgreSQL, how long it holds the
/// lock that orders events), so a longer linger costs the opens nothing.
/// Measured (`make bench-batch`, PDF, two A/B runs against 10 ms and
/// groups of 32): Folio's own CPU per document fell from 1.5 to 0.8 ms on
/// SQLite and from 1.2-1.3 to 0.7-0.9 ms on PostgreSQL, whose server's
/// fell from 2.1-2.2 to 1.1-1.5 ms; the opens' p99 during a PostgreSQL
/// run was 62 and 67 ms against 68 and 117 (docs/benchmarks.md,
/// "Billing runs").
const LINGER: std::time::Duration = std::time::Duration::from_millis(40);

/// A handle to the committer task; cheap to clone.
#[derive(Clone)]
pub(super) struct Committer {
    sender: mpsc::Sender<(BatchItem, ItemOutcome, oneshot::Sender<()>)>,
}

impl Committer {
    /// Starts the committer task of `state`'s runner.
    pub(super) fn start(state: AppState) -> Self {
        let (sender, receiver) = mpsc::channel(GROUP * 4);
        tokio::spawn(commit_groups(state, receiver));
        Committer { sender }
    }

    /// Hands over how `item` ended, waiting only while the committer is
    /// [`GROUP`]s behind. The answer resolves once its group is committed,
    /// or failed to be: then the item stays claimed and is done again once
    /// its lease lapses, and the failure is logged.
    pub(super) async fn submit(&self, item: BatchItem, outcome: ItemOutcome) -> oneshot::Receiver<()> {
        let (done, committed) = oneshot::channel();
        // The task ends only with the runtime; then nothing waits for the answer.
        let _ = self.sender.send((item, outcome, done)).await;
        committed
    }
}

async fn commit_groups(state: AppState, mut receiver: mpsc::Receiver<(BatchItem, ItemOutcome, oneshot::Sender<()>)>) {
    let mut received = Vec::with_capacity(GROUP);
    while receiver.recv_many(&mut received, GROUP).await > 0 {
        if received.len() < GROUP {
            let _ = tokio::time::timeout(LINGER, async {
                loop {
                    let room = GROUP - received.len();
                    if room == 0 || receiver.recv_many(&mut received, room).await == 0 {
                        break;
                    }
                }
            })
            .await;
        }
        let (group, acks): (Vec<_>, Vec<_>) = received.drain(..).map(|(item, outcome, done)| ((item, outcome), done)).unzip();
        commit(&state, &group).await;
        for done in acks {
            let _ = done.send(());
        }
    }
}

/// Syncs the group's documents, then records the group in one
/// transaction; if that fails, item by item, so one item's problem (a
/// record the database refuses) does not hold back the others.
async fn commit(state: &AppState, group: &[(BatchItem, ItemOutcome)]) {
    let archived: Vec<String> = group.iter().filter_map(|(_, outcome)| Some(outcome.document()?.sha256.clone())).collect();
    if !archived.is_empty() {
        let blobs = state.blobs().clone();
        if let Err(e) = off_thread(move || blobs.sync(&archived)).await {
            tracing::warn!(items = group.len(), error = %e, "could not sync rendered batch documents to disk; their items will be done again");
            return;
        }
    }
    let Err(e) = state.store().record_batch_items(group).await else { return };
    if group.len() == 1 {
        let (item, _) = &group[0];
        tracing::warn!(batch = %item.batch_id, seq = item.seq, error = %e, "could not record a batch item; it will be done again");
        return;
    }
    tracing::debug!(items = group.len(), error = %e, "recording a group of batch items failed; recording them one by one");
    for one in group.chunks(1) {
        if let Err(e) = state.store().record_batch_items(one).await {
            let (item, _) = &one[0];
            tracing::warn!(batch = %item.batch_id, seq = item.seq, error = %e, "could not record a batch item; it will be done again");
        }
    }
}
