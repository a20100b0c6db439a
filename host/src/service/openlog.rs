//! What opens write, written in batches off the request path.
//!
//! Every open records an event, and every fresh render moves the link's
//! last good render. At the rates a billing run's reminder is opened (thousands a
//! second), one transaction per write would make the database the
//! bottleneck, SQLite above all. Handlers hand their writes to one
//! [`OpenRecorder`] task instead; it writes whatever has queued up in one
//! transaction, so a quiet server writes each open at once and a busy one
//! writes hundreds together.
//!
//! Readers of opens (a link's opens, open statistics, a customer's timeline)
//! call [`OpenRecorder::flush`] first, so this process's opens are never
//! missing from its own answers. Shutdown writes what is queued. A crash
//! loses at most the batch being written; a queue over [`QUEUE`] entries
//! (the database far behind) drops new opens rather than grow without
//! bound, and counts them.

use crate::store::{LastGood, OpenEvent, OpenedPolicy, Store};
use prometheus::IntCounter;
use std::sync::{Mutex, PoisonError};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// Writes waiting at most.
pub const QUEUE: usize = 65_536;
/// Writes in one transaction at most.
const BATCH: usize = 1_000;

enum Message {
    Open(OpenEvent),
    LastGood(LastGood),
    Flush(oneshot::Sender<()>),
}

/// The batching writer of open events and last good renders.
pub struct OpenRecorder {
    sender: mpsc::Sender<Message>,
    worker: Mutex<Option<JoinHandle<()>>>,
    dropped: IntCounter,
}

impl OpenRecorder {
    /// Starts the writer task on the current tokio runtime. `dropped` counts
    /// writes refused or lost (queue full, database errors); `policy` says
    /// which opens raise `document.opened`.
    pub fn start(store: Store, dropped: IntCounter, policy: OpenedPolicy) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        let worker = tokio::spawn(write_batches(store, receiver, dropped.clone(), policy));
        OpenRecorder { sender, worker: Mutex::new(Some(worker)), dropped }
    }

    /// Queues an open event.
    pub fn open(&self, event: OpenEvent) {
        self.send(Message::Open(event));
    }

    /// Queues a link's new last good render.
    pub fn last_good(&self, last_good: LastGood) {
        self.send(Message::LastGood(last_good));
    }

    fn send(&self, message: Message) {
        if self.sender.try_send(message).is_err() {
            self.dropped.inc();
            tracing::warn!("the open recorder's queue is full; an open was not recorded");
        }
    }

    /// Returns once everything queued before the call is written.
    pub async fn flush(&self) {
        let (done, written) = oneshot::channel();
        if self.sender.send(Message::Flush(done)).await.is_ok() {
            let _ = written.await;
        }
    }

    /// Writes what is queued and stops the writer. Later writes are dropped.
    pub async fn close(&self) {
        self.flush().await;
        let worker = self.worker.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(worker) = worker {
            worker.abort();
            let _ = worker.await;
        }
    }
}

async fn write_batches(store: Store, mut receiver: mpsc::Receiver<Message>, dropped: IntCounter, policy: OpenedPolicy) {
    while let Some(first) = receiver.recv().await {
        let (mut opens, mut last_good, mut flushes) = (Vec::new(), Vec::new(), Vec::new());
        let mut next = Some(first);
        while let Some(message) = next {
            match message {
                Message::Open(event) => opens.push(event),
                Message::LastGood(entry) => last_good.push(entry),
                Message::Flush(done) => flushes.push(done),
            }
            next = if opens.len() + last_good.len() < BATCH { receiver.try_recv().ok() } else { None };
        }
        if (!opens.is_empty() || !last_good.is_empty())
            && let Err(e) = store.record_opens(&opens, &last_good, &policy).await
        {
            dropped.inc_by((opens.len() + last_good.len()) as u64);
            tracing::warn!(error = %e, opens = opens.len(), "could not record opens");
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}
