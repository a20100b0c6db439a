//! The parent side: render workers, who gets one, and what happens when a
//! call runs out of time, memory, or luck.
//!
//! Workers are in two lanes ([`Lane`]): documents someone waits for
//! (opens, interactions, the render API) and billing runs. Each lane has
//! its own workers and its own queue, so a run never takes the worker an
//! open needs; batch workers run at a lower CPU priority (`nice`), so
//! while a run uses every core the kernel still gives an open's render
//! the core it needs. Batch workers are forked when a run first needs
//! them. Within a lane a call waits in one queue for a worker, under one
//! timeout. A plugin version may hold only `per_version` interactive
//! workers at once; its other calls wait while calls for other versions
//! go ahead. Once it has a worker, a
//! call's CPU time is watched: the parent reads the worker's CPU clock and
//! sleeps for as long as the budget could last, so a healthy call costs no
//! polling. A worker past its budget is killed through its pidfd at once,
//! the call is answered `timeout`, and a fresh worker is forked in its
//! place. A worker that dies by itself is answered `memory` when its note
//! pipe says its budget refused an allocation, otherwise `crash` with the
//! signal it died of.

use super::config::{BatchPriority, Budget, ContainConfig};
use super::wire::{Call, JobError, MAX_BODY, MAX_HEADER, Reply, frame_prefix, parse_prefix};
use super::worker::WorkerSettings;
use super::zygote::{Spawned, Zygote, ZygoteInit};
use std::collections::{HashMap, VecDeque};
use std::os::fd::OwnedFd;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::oneshot;

/// Why a call got no answer from its worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StopClass {
    /// The call used its CPU budget (or, far later, the wall-clock backstop).
    Timeout,
    /// The call needed more memory than its budget.
    Memory,
    /// The worker crashed: a stack overflow, an abort, a fault.
    Crash,
}

impl StopClass {
    /// The class as the API and metrics spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            StopClass::Timeout => "timeout",
            StopClass::Memory => "memory",
            StopClass::Crash => "crash",
        }
    }
}

/// A call that did not produce its result.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Failure {
    /// The worker answered with an error: the plugin refused or broke a
    /// sandbox limit, a template failed, the bundle was refused.
    #[error("{0}")]
    Job(JobError),
    /// The worker was stopped, or stopped, before it answered. `detail`
    /// says how, without a subject ("used 1012 ms of CPU time, …"), so
    /// each caller can name what was stopped ([`Failure::described`]).
    #[error("the render {detail}")]
    Stopped { class: StopClass, detail: String },
    /// No worker came free in time.
    #[error("every render worker stayed busy for {}s; retry later", waited.as_secs())]
    Busy { waited: Duration },
    /// Workers cannot be started (a broken installation).
    #[error("render workers are unavailable: {0}")]
    Unavailable(String),
}

impl Failure {
    /// The failure as a sentence about `subject` ("compiling the plugin").
    pub fn described(&self, subject: &str) -> String {
        match self {
            Failure::Stopped { detail, .. } => format!("{subject} {detail}"),
            other => other.to_string(),
        }
    }

    /// The stop class, for failures that took the worker with them (a
    /// job that panicked or blew its memory budget counts too).
    pub fn stop_class(&self) -> Option<StopClass> {
        match self {
            Failure::Stopped { class, .. } => Some(*class),
            Failure::Job(JobError::Memory { .. }) => Some(StopClass::Memory),
            Failure::Job(JobError::Panic(_)) => Some(StopClass::Crash),
            _ => None,
        }
    }
}

/// Which work a call does: the lanes of the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lane {
    /// Documents someone is waiting for: opens, interactions, the render
    /// API, bundle checks.
    Interactive,
    /// Billing-run items: their own workers, at a lower CPU priority.
    Batch,
}

impl Lane {
    /// The lane as metrics spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Lane::Interactive => "interactive",
            Lane::Batch => "batch",
        }
    }

    fn index(self) -> usize {
        match self {
            Lane::Interactive => 0,
            Lane::Batch => 1,
        }
    }
}

/// One lane of the pool, as of a moment.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LaneStats {
    /// Workers configured.
    pub workers: usize,
    /// Workers running now.
    pub alive: usize,
    /// Workers in a call now.
    pub busy: usize,
    /// Calls waiting for a worker.
    pub queued: usize,
    /// How long the oldest waiting call has waited.
    pub oldest_wait_ms: u64,
}

/// A snapshot of the pool, for `/readyz` and metrics.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PoolStats {
    /// The workers of documents people wait for (what readiness watches).
    pub interactive: LaneStats,
    /// The workers of billing runs.
    pub batch: LaneStats,
    /// Workers started to replace one that stopped, since the pool started.
    pub replaced: u64,
    /// Calls stopped for their CPU budget.
    pub timeouts: u64,
    /// Calls stopped for their memory budget.
    pub memory: u64,
    /// Workers that crashed.
    pub crashes: u64,
}

/// A worker as the parent holds it.
struct Worker {
    pid: i32,
    pidfd: OwnedFd,
    stream: tokio::net::UnixStream,
    note: tokio::net::unix::pipe::Receiver,
}

/// How a call ended when its worker gave no answer.
enum Stop {
    Timeout {
        cpu: Duration,
        wall: Duration,
        of_wall: bool,
    },
    /// The stream ended or broke: the worker is gone.
    Gone(String),
}

/// CPU time `pid` has used, from its process CPU clock.
fn cpu_time(pid: i32) -> Option<Duration> {
    let mut clock: libc::clockid_t = 0;
    // SAFETY: plain libc calls with valid out-pointers.
    unsafe {
        if libc::clock_getcpuclockid(pid, &mut clock) != 0 {
            return None;
        }
        let mut ts: libc::timespec = std::mem::zeroed();
        if libc::clock_gettime(clock, &mut ts) != 0 {
            return None;
        }
        Some(Duration::new(u64::try_from(ts.tv_sec).ok()?, u32::try_from(ts.tv_nsec).ok()?))
    }
}

impl Worker {
    fn from_spawned(spawned: Spawned) -> Result<Worker, String> {
        let std_stream = std::os::unix::net::UnixStream::from(spawned.channel);
        std_stream.set_nonblocking(true).map_err(|e| e.to_string())?;
        let stream = tokio::net::UnixStream::from_std(std_stream).map_err(|e| e.to_string())?;
        let note = tokio::net::unix::pipe::Receiver::from_owned_fd(spawned.note).map_err(|e| e.to_string())?;
        Ok(Worker { pid: spawned.pid, pidfd: spawned.pidfd, stream, note })
    }

    fn kill(&self) {
        let _ = rustix::process::pidfd_send_signal(&self.pidfd, rustix::process::Signal::KILL);
    }

    /// Sends `call` (with `body` made of `parts`) and waits for the answer
    /// under `budget`, counting CPU from `cpu_start` and wall time from
    /// `wall_start`.
    async fn call(
        &mut self,
        call: &Call,
        parts: &[&[u8]],
        budget: Budget,
        cpu_start: Duration,
        wall_start: Instant,
    ) -> Result<(Reply, Vec<u8>), Stop> {
        let header = serde_json::to_vec(call).map_err(|e| Stop::Gone(e.to_string()))?;
        let body_len: usize = parts.iter().map(|p| p.len()).sum();
        let prefix = frame_prefix(header.len(), body_len).map_err(|e| Stop::Gone(e.to_string()))?;
        let wall = budget.wall();
        let Worker { pid, stream, .. } = self;
        let pid = *pid;
        let (mut reader, mut writer) = stream.split();
        let write = async {
            writer.write_all(&prefix).await?;
            writer.write_all(&header).await?;
            for part in parts {
                writer.write_all(part).await?;
            }
            writer.flush().await
        };
        let read = read_reply(&mut reader);
        tokio::pin!(read);
        tokio::pin!(write);
        let mut written = false;
        loop {
            let used = cpu_time(pid).map(|now| now.saturating_sub(cpu_start));
            let elapsed = wall_start.elapsed();
            let used = used.unwrap_or(Duration::ZERO);
            if used >= budget.cpu || elapsed >= wall {
                return Err(Stop::Timeout { cpu: used, wall: elapsed, of_wall: used < budget.cpu });
            }
            // The worker cannot use more CPU than wall time passes (it has
            // one thread at work), so until then there is nothing to check.
            let nap = (budget.cpu - used).min(wall - elapsed).max(Duration::from_millis(1));
            tokio::select! {
                result = &mut write, if !written => {
                    result.map_err(|e| Stop::Gone(format!("sending the call: {e}")))?;
                    written = true;
                }
                reply = &mut read => return reply.map_err(Stop::Gone),
                _ = tokio::time::sleep(nap) => {}
            }
        }
    }

    /// How the worker ended, from its note pipe: its own "memory" note, and
    /// the zygote's "exit: signal N" once it has reaped it.
    async fn obituary(&mut self, budget: Budget) -> (StopClass, String) {
        let mut text = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(2), self.note.read_to_end(&mut text)).await;
        let text = String::from_utf8_lossy(&text);
        let signal = text.lines().find_map(|l| l.strip_prefix("exit: signal ")).and_then(|n| n.trim().parse::<i32>().ok()).map(signal_name);
        if text.lines().any(|l| l.as_bytes() == crate::budget::MEMORY_NOTE.trim_ascii_end()) {
            return (StopClass::Memory, format!("needed more than its budget of {} MiB of memory and was stopped", budget.memory >> 20));
        }
        let how = match signal {
            Some(name) => format!("crashed its worker process ({name})"),
            None => match text.lines().find_map(|l| l.strip_prefix("exit: status ")) {
                Some(code) => format!("ended its worker process (exit status {}) before answering", code.trim()),
                None => "ended its worker process before answering".to_string(),
            },
        };
        (StopClass::Crash, how)
    }
}

fn signal_name(signal: i32) -> String {
    match signal {
        libc::SIGSEGV => "SIGSEGV: a stack overflow or a memory fault".into(),
        libc::SIGABRT => "SIGABRT: it aborted".into(),
        libc::SIGBUS => "SIGBUS".into(),
        libc::SIGILL => "SIGILL".into(),
        libc::SIGFPE => "SIGFPE".into(),
        libc::SIGKILL => "SIGKILL".into(),
        libc::SIGSYS => "SIGSYS: a forbidden system call".into(),
        other => format!("signal {other}"),
    }
}

/// Reads one reply frame (cancel-safe only as a whole: it is kept pinned
/// across the deadline checks, never restarted).
async fn read_reply(reader: &mut tokio::net::unix::ReadHalf<'_>) -> Result<(Reply, Vec<u8>), String> {
    let mut prefix = [0u8; 8];
    reader.read_exact(&mut prefix).await.map_err(|e| format!("the worker's answer: {e}"))?;
    let (header_len, body_len) = parse_prefix(prefix).map_err(|e| e.to_string())?;
    debug_assert!(header_len <= MAX_HEADER && body_len <= MAX_BODY);
    let mut header = vec![0u8; header_len];
    reader.read_exact(&mut header).await.map_err(|e| format!("the worker's answer: {e}"))?;
    let mut body = vec![0u8; body_len];
    reader.read_exact(&mut body).await.map_err(|e| format!("the worker's answer: {e}"))?;
    let reply = serde_json::from_slice(&header).map_err(|e| format!("a garbled answer from the worker: {e}"))?;
    Ok((reply, body))
}

/// A bundle and its compiled plugin, as a worker loads them.
#[derive(Debug)]
pub struct PluginFiles {
    /// The bundle's content digest.
    pub digest: String,
    /// The `.folio` bytes.
    pub bundle: Arc<[u8]>,
    /// The plugin compiled by this host's engine (from the artifact cache,
    /// or from a contained compilation).
    pub artifact: Arc<[u8]>,
}

/// Who waits for a worker.
struct Waiter {
    id: u64,
    version: Option<String>,
    since: Instant,
    handoff: oneshot::Sender<Worker>,
}

/// Free workers, waiting calls, and how many workers each version holds.
#[derive(Default)]
struct Sched {
    idle: Vec<Worker>,
    alive: usize,
    /// Workers being forked for this lane (counted against its size).
    starting: usize,
    busy: usize,
    by_version: HashMap<String, usize>,
    waiters: VecDeque<Waiter>,
    next_id: u64,
}

impl Sched {
    fn stats(&self, workers: usize) -> LaneStats {
        LaneStats {
            workers,
            alive: self.alive,
            busy: self.busy,
            queued: self.waiters.len(),
            oldest_wait_ms: self.waiters.front().map_or(0, |w| w.since.elapsed().as_millis() as u64),
        }
    }

    fn under_share(&self, version: Option<&str>, share: usize) -> bool {
        version.is_none_or(|v| self.by_version.get(v).copied().unwrap_or(0) < share)
    }

    fn hold(&mut self, version: Option<&str>) {
        self.busy += 1;
        if let Some(v) = version {
            *self.by_version.entry(v.to_string()).or_default() += 1;
        }
    }

    fn unhold(&mut self, version: Option<&str>) {
        self.busy = self.busy.saturating_sub(1);
        if let Some(v) = version
            && let Some(n) = self.by_version.get_mut(v)
        {
            *n = n.saturating_sub(1);
            if *n == 0 {
                self.by_version.remove(v);
            }
        }
    }

    /// Gives `worker` to the first waiter whose version is under its share,
    /// else keeps it idle.
    fn hand_off(&mut self, mut worker: Worker, share: usize) {
        let mut i = 0;
        while i < self.waiters.len() {
            if self.under_share(self.waiters[i].version.as_deref(), share) {
                let Some(waiter) = self.waiters.remove(i) else { break };
                self.hold(waiter.version.as_deref());
                match waiter.handoff.send(worker) {
                    Ok(()) => return,
                    // The waiter gave up a moment ago: try the next.
                    Err(back) => {
                        worker = back;
                        self.unhold(waiter.version.as_deref());
                        continue;
                    }
                }
            }
            i += 1;
        }
        self.idle.push(worker);
    }
}

struct Inner {
    config: ContainConfig,
    init: ZygoteInit,
    zygote: Mutex<Option<Zygote>>,
    /// One scheduler per [`Lane`], by [`Lane::index`].
    lanes: [Mutex<Sched>; 2],
    fingerprint: String,
    compiles: tokio::sync::Semaphore,
    replaced: AtomicU64,
    timeouts: AtomicU64,
    memory: AtomicU64,
    crashes: AtomicU64,
}

/// The render workers. Cheap to clone; every clone shares the pool, and
/// calls through it use its lane (interactive unless [`Workers::in_lane`]
/// says otherwise).
#[derive(Clone)]
pub struct Workers {
    inner: Arc<Inner>,
    lane: Lane,
}

impl Inner {
    fn sched(&self, lane: Lane) -> std::sync::MutexGuard<'_, Sched> {
        self.lanes[lane.index()].lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// How many workers `lane` has, and how many of them one version may hold.
    fn size(&self, lane: Lane) -> (usize, usize) {
        match lane {
            Lane::Interactive => (self.config.workers.max(1), self.config.per_version),
            // A run's version may use every batch worker: runs are worked
            // in the order they were claimed, and opens have their own.
            Lane::Batch => (self.config.batch_workers, self.config.batch_workers),
        }
    }
}

/// A worker taken for one call; given back (or replaced) when dropped.
struct Lease {
    workers: Workers,
    lane: Lane,
    version: Option<String>,
    worker: Option<Worker>,
    keep: bool,
}

impl Drop for Lease {
    fn drop(&mut self) {
        let Some(worker) = self.worker.take() else { return };
        let inner = &self.workers.inner;
        let mut sched = inner.sched(self.lane);
        sched.unhold(self.version.as_deref());
        if self.keep {
            sched.hand_off(worker, inner.size(self.lane).1);
        } else {
            worker.kill();
            sched.alive = sched.alive.saturating_sub(1);
            sched.starting += 1;
            drop(sched);
            inner.replaced.fetch_add(1, Ordering::Relaxed);
            self.workers.replace(self.lane);
        }
    }
}

impl Workers {
    /// Starts the zygote and the workers, and waits until every worker has
    /// answered. Fails (naming why) if none can start: a host where
    /// rendering cannot be contained does not render.
    pub async fn start(config: ContainConfig) -> Result<Workers, String> {
        let init = ZygoteInit {
            parse_fonts: config.parse_fonts_early,
            render_limits: config.render_limits,
            worker: WorkerSettings {
                plugin_limits: config.plugin_limits.clone(),
                loaded_plugins: config.loaded_plugins,
                recycle_bytes: config.recycle_bytes,
                max_call_bytes: config.budgets.max_memory(),
            },
        };
        let program = config.program.clone();
        let init_copy = init.clone();
        let zygote = tokio::task::spawn_blocking(move || Zygote::start(&program, &init_copy)).await.map_err(|e| e.to_string())??;
        let first = tokio::task::spawn_blocking({
            let spawned = zygote.spawn();
            move || spawned
        })
        .await
        .map_err(|e| e.to_string())??;
        let mut first = Worker::from_spawned(first)?;
        let fingerprint = match hello(&mut first).await? {
            (Reply::Hello { fingerprint, .. }, _) => fingerprint,
            (other, _) => return Err(format!("a new render worker answered {other:?} to hello")),
        };
        let compiles = tokio::sync::Semaphore::new(config.compile_concurrency.max(1));
        let workers = Workers {
            inner: Arc::new(Inner {
                init,
                zygote: Mutex::new(Some(zygote)),
                lanes: [Mutex::new(Sched::default()), Mutex::new(Sched::default())],
                fingerprint,
                compiles,
                replaced: AtomicU64::new(0),
                timeouts: AtomicU64::new(0),
                memory: AtomicU64::new(0),
                crashes: AtomicU64::new(0),
                config,
            }),
            lane: Lane::Interactive,
        };
        {
            let mut sched = workers.inner.sched(Lane::Interactive);
            sched.alive = 1;
            sched.idle.push(first);
        }
        let (size, share) = workers.inner.size(Lane::Interactive);
        for _ in 1..size {
            let worker = workers.spawn(Lane::Interactive).await?;
            let mut sched = workers.inner.sched(Lane::Interactive);
            sched.alive += 1;
            sched.hand_off(worker, share);
        }
        Ok(workers)
    }

    /// This pool, with calls in `lane`.
    pub fn in_lane(&self, lane: Lane) -> Workers {
        Workers { inner: self.inner.clone(), lane }
    }

    /// The fingerprint of the workers' Wasm engine: compiled plugins are
    /// cached under it.
    pub fn fingerprint(&self) -> &str {
        &self.inner.fingerprint
    }

    /// The configuration the pool runs with.
    pub fn config(&self) -> &ContainConfig {
        &self.inner.config
    }

    /// A snapshot of the pool.
    pub fn stats(&self) -> PoolStats {
        let lane = |lane: Lane| self.inner.sched(lane).stats(self.inner.size(lane).0);
        PoolStats {
            interactive: lane(Lane::Interactive),
            batch: lane(Lane::Batch),
            replaced: self.inner.replaced.load(Ordering::Relaxed),
            timeouts: self.inner.timeouts.load(Ordering::Relaxed),
            memory: self.inner.memory.load(Ordering::Relaxed),
            crashes: self.inner.crashes.load(Ordering::Relaxed),
        }
    }

    /// Forks a worker for `lane` and checks it answers.
    async fn spawn(&self, lane: Lane) -> Result<Worker, String> {
        let inner = self.inner.clone();
        let spawned = tokio::task::spawn_blocking(move || {
            let mut zygote = inner.zygote.lock().unwrap_or_else(PoisonError::into_inner);
            if !zygote.as_mut().is_some_and(Zygote::alive) {
                tracing::warn!("the render zygote is not running; starting it again");
                *zygote = None;
                *zygote = Some(Zygote::start(&inner.config.program, &inner.init)?);
            }
            let result = zygote.as_ref().map(Zygote::spawn).unwrap_or_else(|| Err("no zygote".into()));
            if result.is_err() {
                *zygote = None;
            }
            result
        })
        .await
        .map_err(|e| e.to_string())??;
        let mut worker = Worker::from_spawned(spawned)?;
        if lane == Lane::Batch {
            lower_worker_priority(worker.pid, self.inner.config.batch_priority);
        }
        match hello(&mut worker).await? {
            (Reply::Hello { .. }, _) => Ok(worker),
            (other, _) => Err(format!("a new render worker answered {other:?} to hello")),
        }
    }

    /// Starts a worker for `lane` (in the place of one that stopped, or
    /// one more for a lane that grows on demand), retrying with a growing
    /// pause while that fails. The caller has counted it as `starting`.
    fn replace(&self, lane: Lane) {
        let workers = self.clone();
        tokio::spawn(async move {
            let mut pause = Duration::from_millis(100);
            loop {
                match workers.spawn(lane).await {
                    Ok(worker) => {
                        let mut sched = workers.inner.sched(lane);
                        sched.starting = sched.starting.saturating_sub(1);
                        sched.alive += 1;
                        sched.hand_off(worker, workers.inner.size(lane).1);
                        return;
                    }
                    Err(why) => {
                        tracing::error!(
                            retry_in_ms = pause.as_millis() as u64,
                            lane = lane.as_str(),
                            "cannot start a render worker: {why}"
                        );
                        tokio::time::sleep(pause).await;
                        pause = (pause * 2).min(Duration::from_secs(30));
                    }
                }
            }
        });
    }

    /// Waits (up to the queue timeout) for a worker of this lane that
    /// `version` may use. A lane with fewer workers than its size (the
    /// batch lane, until a run needs it) forks one more.
    async fn acquire(&self, version: Option<&str>) -> Result<Lease, Failure> {
        let lane = self.lane;
        let (size, share) = self.inner.size(lane);
        if size == 0 {
            return Err(Failure::Unavailable(format!("this process has no {} render workers", lane.as_str())));
        }
        let (id, mut handoff) = {
            let mut sched = self.inner.sched(lane);
            // A worker is idle only while every waiter is held back by its
            // version's share, so a call that may use it takes it at once.
            if sched.under_share(version, share)
                && let Some(worker) = sched.idle.pop()
            {
                sched.hold(version);
                return Ok(self.lease(version, worker));
            }
            if sched.idle.is_empty() && sched.alive + sched.starting < size {
                sched.starting += 1;
                self.replace(lane);
            }
            let (tx, rx) = oneshot::channel();
            let id = sched.next_id;
            sched.next_id += 1;
            sched.waiters.push_back(Waiter { id, version: version.map(str::to_string), since: Instant::now(), handoff: tx });
            (id, rx)
        };
        let waited = self.inner.config.queue_timeout;
        match tokio::time::timeout(waited, &mut handoff).await {
            Ok(Ok(worker)) => Ok(self.lease(version, worker)),
            Ok(Err(_)) => Err(Failure::Unavailable("the worker pool stopped".into())),
            Err(_) => {
                let mut sched = self.inner.sched(lane);
                if let Some(at) = sched.waiters.iter().position(|w| w.id == id) {
                    sched.waiters.remove(at);
                    return Err(Failure::Busy { waited });
                }
                drop(sched);
                // Handed a worker just as the wait ran out: use it.
                match handoff.try_recv() {
                    Ok(worker) => Ok(self.lease(version, worker)),
                    Err(_) => Err(Failure::Busy { waited }),
                }
            }
        }
    }

    fn lease(&self, version: Option<&str>, worker: Worker) -> Lease {
        Lease { workers: self.clone(), lane: self.lane, version: version.map(str::to_string), worker: Some(worker), keep: false }
    }

    /// Runs `call` on a pool worker within `budget`, loading `files` into
    /// it first if it does not hold them. The call runs in its own task, so
    /// a caller that gives up (a client that hangs up) cannot leave a
    /// worker half-way through a call.
    pub(crate) async fn run(
        &self,
        files: Option<Arc<PluginFiles>>,
        call: Call,
        body: Vec<u8>,
        budget: Budget,
    ) -> Result<(Reply, Vec<u8>), Failure> {
        let workers = self.clone();
        tokio::spawn(async move { workers.run_here(files, call, body, budget).await })
            .await
            .map_err(|e| Failure::Unavailable(format!("the render task failed: {e}")))?
    }

    async fn run_here(
        &self,
        files: Option<Arc<PluginFiles>>,
        call: Call,
        body: Vec<u8>,
        budget: Budget,
    ) -> Result<(Reply, Vec<u8>), Failure> {
        let version = files.as_ref().map(|f| f.digest.clone());
        let mut lease = self.acquire(version.as_deref()).await?;
        let Some(worker) = lease.worker.as_mut() else { return Err(Failure::Unavailable("no worker".into())) };
        let (cpu_start, wall_start) = (cpu_time(worker.pid).unwrap_or_default(), Instant::now());
        let mut result = worker.call(&call, &[&body], budget, cpu_start, wall_start).await;
        if let (Ok((Reply::Missing, _)), Some(files)) = (&result, &files) {
            let load = Call::Load { digest: files.digest.clone(), bundle_len: files.bundle.len() };
            result = match worker.call(&load, &[&files.bundle, &files.artifact], budget, cpu_start, wall_start).await {
                Ok((Reply::Loaded, _)) => worker.call(&call, &[&body], budget, cpu_start, wall_start).await,
                other => other,
            };
        }
        self.settle(&mut lease, result, budget).await
    }

    /// Turns a worker's answer (or silence) into the call's result, and
    /// decides whether the worker goes back to the pool.
    async fn settle(&self, lease: &mut Lease, result: Result<(Reply, Vec<u8>), Stop>, budget: Budget) -> Result<(Reply, Vec<u8>), Failure> {
        let inner = &self.inner;
        match result {
            Ok((Reply::Failed(error @ (JobError::Memory { .. } | JobError::Panic(_))), _)) => {
                // The worker exits after such an answer; do not reuse it.
                let counter = if matches!(error, JobError::Memory { .. }) { &inner.memory } else { &inner.crashes };
                counter.fetch_add(1, Ordering::Relaxed);
                Err(Failure::Job(error))
            }
            Ok((Reply::Failed(error), _)) => {
                lease.keep = true;
                Err(Failure::Job(error))
            }
            Ok(answer) => {
                lease.keep = true;
                Ok(answer)
            }
            Err(Stop::Timeout { cpu, wall, of_wall }) => {
                if let Some(worker) = &lease.worker {
                    worker.kill();
                }
                inner.timeouts.fetch_add(1, Ordering::Relaxed);
                let detail = if of_wall {
                    format!("ran for {} ms of wall-clock time without finishing and was stopped", wall.as_millis())
                } else {
                    format!("used {} ms of CPU time, past its budget of {} ms, and was stopped", cpu.as_millis(), budget.cpu.as_millis())
                };
                Err(Failure::Stopped { class: StopClass::Timeout, detail })
            }
            Err(Stop::Gone(why)) => {
                let Some(worker) = lease.worker.as_mut() else { return Err(Failure::Unavailable(why)) };
                let (class, detail) = worker.obituary(budget).await;
                let counter = if class == StopClass::Memory { &inner.memory } else { &inner.crashes };
                counter.fetch_add(1, Ordering::Relaxed);
                tracing::debug!(pid = worker.pid, %why, "render worker stopped");
                Err(Failure::Stopped { class, detail })
            }
        }
    }

    /// Runs one call in a worker of its own that is discarded afterwards:
    /// compilations, which are rare, heavy, and of untrusted code. At most
    /// `compile_concurrency` run at once; the rest wait in line.
    pub(crate) async fn run_alone(&self, call: Call, body: Vec<u8>, budget: Budget) -> Result<(Reply, Vec<u8>), Failure> {
        let workers = self.clone();
        tokio::spawn(async move {
            let waited = workers.inner.config.queue_timeout.max(Duration::from_secs(60));
            let _permit = tokio::time::timeout(waited, workers.inner.compiles.acquire())
                .await
                .map_err(|_| Failure::Busy { waited })?
                .map_err(|_| Failure::Unavailable("the compile queue closed".into()))?;
            let lane = Lane::Interactive;
            let worker = workers.spawn(lane).await.map_err(Failure::Unavailable)?;
            // Counted as alive and busy while it works, so /readyz and
            // metrics see it; its lease retires it afterwards.
            {
                let mut sched = workers.inner.sched(lane);
                sched.alive += 1;
                sched.hold(None);
            }
            let mut lease = Lease { workers: workers.clone(), lane, version: None, worker: Some(worker), keep: false };
            let Some(worker) = lease.worker.as_mut() else { return Err(Failure::Unavailable("no worker".into())) };
            let (cpu_start, wall_start) = (cpu_time(worker.pid).unwrap_or_default(), Instant::now());
            let result = worker.call(&call, &[&body], budget, cpu_start, wall_start).await;
            let settled = workers.settle(&mut lease, result, budget).await;
            // Not returned to the pool, and not replaced either.
            if let Some(worker) = lease.worker.take() {
                worker.kill();
                let mut sched = workers.inner.sched(lane);
                sched.unhold(None);
                sched.alive = sched.alive.saturating_sub(1);
            }
            settled
        })
        .await
        .map_err(|e| Failure::Unavailable(format!("the compile task failed: {e}")))?
    }
}

/// Lowers thread `tid` (0: the calling thread) to `priority`. Linux keeps
/// a nice value and a scheduling policy per thread, and threads inherit
/// their creator's. Raising a nice value, or moving to `SCHED_IDLE`, needs
/// no privilege; going back does, so what is lowered stays lowered.
pub fn lower_priority(tid: libc::id_t, priority: BatchPriority) -> std::io::Result<()> {
    let failed = match priority {
        // SAFETY: a plain system call; a thread id that is not ours is refused.
        BatchPriority::Nice(nice) => unsafe { libc::setpriority(libc::PRIO_PROCESS, tid, libc::c_int::from(nice)) != 0 },
        BatchPriority::Idle => {
            let param = libc::sched_param { sched_priority: 0 };
            let tid = libc::pid_t::try_from(tid).map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
            // SAFETY: as above; `param` outlives the call.
            unsafe { libc::sched_setscheduler(tid, libc::SCHED_IDLE, &param) != 0 }
        }
    };
    if failed {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Lowers every thread of worker `pid` to `priority`, so batch workers
/// stay batch workers. A failure only costs priority, so it is logged,
/// not fatal.
fn lower_worker_priority(pid: i32, priority: BatchPriority) {
    let tasks = match std::fs::read_dir(format!("/proc/{pid}/task")) {
        Ok(tasks) => tasks,
        Err(e) => {
            tracing::warn!(pid, "cannot list a batch worker's threads to lower their priority: {e}");
            return;
        }
    };
    for task in tasks.flatten() {
        let Some(tid) = task.file_name().to_str().and_then(|t| t.parse::<libc::id_t>().ok()) else { continue };
        if let Err(e) = lower_priority(tid, priority) {
            tracing::warn!(pid, tid, %priority, "cannot lower a batch worker's priority: {e}");
        }
    }
}

/// The first exchange with a new worker.
async fn hello(worker: &mut Worker) -> Result<(Reply, Vec<u8>), String> {
    let budget = Budget { cpu: Duration::from_secs(5), memory: 0 };
    let cpu = cpu_time(worker.pid).unwrap_or_default();
    worker.call(&Call::Hello, &[], budget, cpu, Instant::now()).await.map_err(|stop| match stop {
        Stop::Timeout { .. } => "a new render worker did not answer".to_string(),
        Stop::Gone(why) => format!("a new render worker stopped before answering ({why}); the server log has its error"),
    })
}
