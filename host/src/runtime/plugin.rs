//! One loaded plugin version: compiled once, pre-linked, called many times.

use super::bindings::Bindings;
use super::state::{CallState, Violation};
use super::{CallError, LoadError, Shared};
use crate::contract::types::{Manifest, Plan, Request};
use std::sync::Arc;
use std::time::{Duration, Instant};
use wasmtime::{Store, Trap, UpdateDeadline};

/// A plugin ready to plan documents. Clone it freely; every clone shares the
/// compiled code. Each call runs in a fresh store and instance.
#[derive(Clone)]
pub struct Plugin {
    inner: Arc<Inner>,
}

struct Inner {
    shared: Arc<Shared>,
    bindings: Bindings,
    digest: String,
    name: Arc<str>,
    manifest: Manifest,
    compiled_from: CompiledFrom,
}

/// Where a loaded plugin's machine code came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompiledFrom {
    /// Compiled from the component by Cranelift for this load.
    Cranelift,
    /// Deserialized from an artifact compiled before (the artifact cache, or
    /// a contained worker's compile).
    Artifact,
}

impl Plugin {
    /// Wraps compiled bindings and learns the plugin's manifest by calling `describe`.
    pub(super) fn new(
        shared: Arc<Shared>,
        bindings: Bindings,
        digest: String,
        name_hint: &str,
        compiled_from: CompiledFrom,
    ) -> Result<Self, LoadError> {
        let name: Arc<str> = Arc::from(name_hint);
        let manifest = call(&shared, &name, |store| bindings.describe(store)).map_err(LoadError::Describe)?;
        manifest.check().map_err(LoadError::Manifest)?;
        let name = Arc::from(manifest.name.as_str());
        Ok(Plugin { inner: Arc::new(Inner { shared, bindings, digest, name, manifest, compiled_from }) })
    }

    /// What the plugin declared about itself.
    pub fn manifest(&self) -> &Manifest {
        &self.inner.manifest
    }

    /// The plugin's name.
    pub fn name(&self) -> &str {
        &self.inner.name
    }

    /// The SHA-256 of its component (the bundle's Wasm file), hex.
    pub fn digest(&self) -> &str {
        &self.inner.digest
    }

    /// Whether this load compiled the component or reused compiled code.
    pub fn compiled_from(&self) -> CompiledFrom {
        self.inner.compiled_from
    }

    /// Plans one document. Blocks the calling thread for at most the time
    /// limit (plus any wait for a free instance slot); from async code use
    /// [`Plugin::plan_async`].
    pub fn plan(&self, request: &Request) -> Result<Plan, CallError> {
        let inner = &*self.inner;
        let limits = &inner.shared.config.limits;
        let Some(kind) = inner.manifest.kind(&request.kind) else {
            return Err(CallError::UnknownKind {
                plugin: inner.name.to_string(),
                kind: request.kind.clone(),
                declared: inner.manifest.kinds.iter().map(|k| k.name.as_str()).collect::<Vec<_>>().join(", "),
            });
        };
        let size = request.payload_size();
        if size > limits.max_request_bytes {
            return Err(CallError::RequestTooLarge { size, limit: limits.max_request_bytes });
        }
        let raw = call(&inner.shared, &inner.name, |store| inner.bindings.plan(store, request))?
            .map_err(|e| CallError::Plan(e.truncated(limits.max_error_bytes)))?;
        let size = raw.size();
        if size > limits.max_output_bytes {
            return Err(CallError::OutputTooLarge { plugin: inner.name.to_string(), size, limit: limits.max_output_bytes });
        }
        let invalid = |(field, message): (String, String)| CallError::InvalidPlan { plugin: inner.name.to_string(), field, message };
        let plan = raw.into_plan().map_err(invalid)?;
        plan.check(kind, limits.max_view_model_depth).map_err(invalid)?;
        Ok(plan)
    }

    /// [`Plugin::plan`] on tokio's blocking pool, so async callers never
    /// stall a runtime worker on guest code.
    pub async fn plan_async(&self, request: Request) -> Result<Plan, CallError> {
        let plugin = self.clone();
        match tokio::task::spawn_blocking(move || plugin.plan(&request)).await {
            Ok(result) => result,
            Err(join) => Err(CallError::Instantiate { plugin: self.name().to_string(), message: join.to_string() }),
        }
    }
}

/// Runs `f` in a fresh store under the runtime's limits and classifies any
/// failure into a [`CallError`].
fn call<T>(shared: &Shared, name: &Arc<str>, f: impl FnOnce(&mut Store<CallState>) -> wasmtime::Result<T>) -> Result<T, CallError> {
    let limits = &shared.config.limits;
    let _pass = shared
        .gate
        .enter(shared.config.queue_timeout)
        .ok_or(CallError::Busy { capacity: shared.gate.capacity(), waited: shared.config.queue_timeout })?;
    let mut store = Store::new(&shared.engine, CallState::new(name.clone(), limits.max_memory_bytes, limits.max_log_bytes));
    store.limiter(|state| state.limiter());
    // The deadline counts the thread's CPU time: on a loaded machine a call
    // may have had far less CPU than wall-clock time, and it gets the rest,
    // up to the wall-clock backstop. Reading the thread's CPU clock is a
    // system call and most calls end long before the first epoch tick, so
    // it is first read at that tick, and the time before it is charged as
    // `before_first_tick` says.
    let tick = shared.config.epoch_tick;
    let (cpu_limit, wall_limit, wall_start) = (limits.timeout, limits.wall_timeout, Instant::now());
    let mut clock: Option<(Duration, Duration)> = None; // thread CPU time at the first tick, time charged before it
    store.set_epoch_deadline(1);
    store.epoch_deadline_callback(move |mut store| {
        let wall = wall_start.elapsed();
        if wall >= wall_limit {
            store.data_mut().stopped_by_wall_clock();
            return Err(Trap::Interrupt.into());
        }
        let now = thread_cpu_time();
        let (first, before) = *clock.get_or_insert((now, before_first_tick(wall, tick)));
        let used = before + now.saturating_sub(first);
        if used >= cpu_limit {
            return Err(Trap::Interrupt.into());
        }
        Ok(UpdateDeadline::Continue(deadline_ticks(cpu_limit - used, tick)))
    });
    f(&mut store).map_err(|err| classify(err, store.data(), name, limits))
}

/// What a call is charged for the time before its first epoch callback,
/// which came `wall` after it started.
///
/// Guest code checks the epoch at every function entry and loop back-edge,
/// so the callback runs as soon as the guest runs after the first tick,
/// which comes at most one `tick` after the call started. Before it the
/// guest had at most that tick of CPU (plus the few instructions to its next
/// check); any wall time beyond it is time the thread waited for a core
/// (another thread, another process, the hypervisor's steal). Charging the
/// whole wall time stopped plain calls as timeouts whenever the machine was
/// busy; charging a tick keeps the limit to within a tick, as the ticks do.
fn before_first_tick(wall: Duration, tick: Duration) -> Duration {
    wall.min(tick)
}

/// The CPU time the calling thread has used.
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes the timespec it is given.
    if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(u64::try_from(ts.tv_sec).unwrap_or(0), u32::try_from(ts.tv_nsec).unwrap_or(0))
}

/// Epoch ticks for `timeout`, plus one: the first tick may come at once.
fn deadline_ticks(timeout: Duration, tick: Duration) -> u64 {
    let tick = tick.as_nanos().max(1);
    (timeout.as_nanos().div_ceil(tick) as u64).saturating_add(1)
}

fn classify(err: wasmtime::Error, state: &CallState, name: &Arc<str>, limits: &super::Limits) -> CallError {
    let plugin = name.to_string();
    match state.violation() {
        Some(Violation::Memory { desired }) => {
            return CallError::MemoryLimit { plugin, desired, limit: limits.max_memory_bytes };
        }
        Some(Violation::LogVolume) => return CallError::LogLimit { plugin, limit: limits.max_log_bytes },
        Some(Violation::WallClock) => return CallError::Timeout { plugin, limit: limits.wall_timeout, wall: true },
        None => {}
    }
    match err.downcast_ref::<Trap>() {
        Some(Trap::Interrupt) => CallError::Timeout { plugin, limit: limits.timeout, wall: false },
        Some(Trap::StackOverflow) => CallError::StackOverflow { plugin },
        Some(trap) => CallError::Crash { plugin, trap: trap.to_string(), panic: state.panic_message().map(str::to_string) },
        None => CallError::Instantiate { plugin, message: format!("{err:#}") },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_for_a_core_before_the_first_tick_is_not_charged() {
        let tick = Duration::from_millis(5);
        // A call that ran promptly is charged what passed.
        assert_eq!(before_first_tick(Duration::from_millis(3), tick), Duration::from_millis(3));
        // One that waited 150 ms for a core (a busy machine, steal time) is
        // charged at most the tick it could have run before the first tick,
        // not a timeout's worth of waiting.
        assert_eq!(before_first_tick(Duration::from_millis(150), tick), tick);
    }

    #[test]
    fn deadline_rounds_up_and_adds_a_tick() {
        assert_eq!(deadline_ticks(Duration::from_millis(100), Duration::from_millis(5)), 21);
        assert_eq!(deadline_ticks(Duration::from_millis(101), Duration::from_millis(5)), 22);
    }
}
