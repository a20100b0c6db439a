//! The epoch ticker: a thread that advances the engine's epoch at a fixed
//! interval, which is how a running plugin learns its deadline has passed.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;
use wasmtime::Engine;

/// Runs until dropped.
pub(crate) struct Ticker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Ticker {
    /// Starts the thread, and returns once it runs: a render worker
    /// installs its seccomp filter next, and a thread still starting then
    /// would be refused the calls thread start-up makes.
    pub(crate) fn start(engine: Engine, tick: Duration) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let (running, started) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new().name("folio-epoch".into()).spawn(move || {
            let _ = running.send(());
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(tick);
                engine.increment_epoch();
            }
        })?;
        started.recv().map_err(|_| std::io::Error::other("the epoch thread stopped as it started"))?;
        Ok(Ticker { stop, thread: Some(thread) })
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
