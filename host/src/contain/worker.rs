//! The worker side: a process forked from the zygote that takes calls from
//! its socket one at a time and answers each on the same socket.
//!
//! Before its first call a worker makes itself small and shut in: it dies
//! with the zygote, dumps no core, counts its allocations (`budget`),
//! starts the Wasm engine (whose epoch thread is the only other thread it
//! will ever have), and installs its seccomp filter. From then on it can
//! read and write what it holds and little else. Anything that goes wrong
//! inside a call is answered as a [`JobError`]; anything that takes the
//! process down (a stack overflow, an abort, memory past the budget) is
//! the parent's to classify.

use super::seccomp;
use super::wire::{Call, Facts, JobError, Reply, read_frame, write_frame};
use crate::budget;
use crate::bundle::{Bundle, BundleLimits};
use crate::render::Renderer;
use crate::runtime::{Plugin, Runtime, RuntimeConfig};
use lru::LruCache;
use std::io::{BufReader, BufWriter};
use std::num::NonZeroUsize;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;

/// How a worker is set up, sent by the parent when the zygote starts.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct WorkerSettings {
    /// The sandbox's per-call limits.
    pub(crate) plugin_limits: crate::runtime::Limits,
    /// Bundles a worker keeps loaded (least recently used go first).
    pub(crate) loaded_plugins: usize,
    /// A worker whose heap has grown this far past where it started exits
    /// after its call, and the parent starts a fresh one.
    pub(crate) recycle_bytes: usize,
    /// The most memory one call may be given; sizes the worker's
    /// address-space backstop (`RLIMIT_DATA`).
    pub(crate) max_call_bytes: usize,
}

/// A loaded bundle: its files and its plugin.
struct Loaded {
    bundle: Bundle,
    plugin: Plugin,
}

/// Why the worker stops after answering.
enum After {
    Continue,
    Exit,
}

/// Runs a worker on `channel` until the parent hangs up. Called in the
/// child right after the zygote forks; never returns.
pub(crate) fn run(renderer: &Renderer, settings: &WorkerSettings, channel: OwnedFd, note: OwnedFd) -> ! {
    let code = match serve(renderer, settings, channel, note) {
        Ok(()) => 0,
        Err(message) => {
            tracing::error!("render worker stopped: {message}");
            1
        }
    };
    // SAFETY: ends this process; nothing is left to unwind or flush that matters.
    unsafe { libc::_exit(code) }
}

fn serve(renderer: &Renderer, settings: &WorkerSettings, channel: OwnedFd, note: OwnedFd) -> Result<(), String> {
    shut_in_before_engine(settings)?;
    budget::enforce(note.as_raw_fd());
    let runtime = Runtime::new(RuntimeConfig {
        limits: settings.plugin_limits.clone(),
        // One call at a time, plus `describe` while a bundle loads.
        max_concurrent_calls: 2,
        cache_dir: None,
        // A worker may not start threads (its seccomp filter forbids them).
        parallel_compilation: false,
        ..RuntimeConfig::default()
    })
    .map_err(|e| format!("cannot start the Wasm engine: {e:#}"))?;
    let filter = seccomp::worker_filter(std::process::id() as i32)?;
    seccomp::install(&filter)?;

    let stream = UnixStream::from(channel);
    let mut input = BufReader::with_capacity(64 << 10, stream.try_clone().map_err(|e| e.to_string())?);
    let mut output = BufWriter::with_capacity(64 << 10, stream);
    let capacity = NonZeroUsize::new(settings.loaded_plugins.max(1)).unwrap_or(NonZeroUsize::MIN);
    let mut state = State { renderer, runtime: &runtime, plugins: LruCache::new(capacity) };
    let baseline = budget::live();
    loop {
        let Some((call, body)) = read_frame::<Call>(&mut input).map_err(|e| format!("reading a call: {e}"))? else {
            return Ok(());
        };
        let memory = call.memory();
        if let Some(limit) = memory {
            budget::start_job(limit);
        }
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| state.handle(call, body)));
        let tripped = budget::end_job();
        let (reply, body, mut after) = match outcome {
            // The budget refused an allocation the code then coped with: the
            // answer cannot be trusted to be complete.
            _ if tripped => (Reply::Failed(JobError::Memory { limit: memory.unwrap_or_default() }), Vec::new(), After::Exit),
            Ok((reply, body)) => (reply, body, After::Continue),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("a panic without a message");
                (Reply::Failed(JobError::Panic(message.to_string())), Vec::new(), After::Exit)
            }
        };
        if budget::live().saturating_sub(baseline) > isize::try_from(settings.recycle_bytes).unwrap_or(isize::MAX) {
            after = After::Exit;
        }
        write_frame(&mut output, &reply, &body).map_err(|e| format!("writing an answer: {e}"))?;
        if let After::Exit = after {
            return Ok(());
        }
    }
}

/// Limits that must be set before the engine reserves its memory.
fn shut_in_before_engine(settings: &WorkerSettings) -> Result<(), String> {
    // SAFETY: plain libc calls on this process.
    unsafe {
        // Die with the zygote (and so with the server).
        if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
            return Err(format!("prctl(PR_SET_PDEATHSIG): {}", std::io::Error::last_os_error()));
        }
        // A core dump would write customer data to disk.
        let none = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        libc::setrlimit(libc::RLIMIT_CORE, &none);
        // Descriptors: the socket, the note pipe, wasmtime's memfds.
        let few = libc::rlimit { rlim_cur: 256, rlim_max: 256 };
        libc::setrlimit(libc::RLIMIT_NOFILE, &few);
    }
    // A backstop under the budget: writable private memory (what the
    // worker inherited, one call's worth, the plugin pool, some slack).
    let inherited = data_bytes().unwrap_or(1 << 30);
    let backstop = inherited
        .saturating_add(settings.max_call_bytes.saturating_mul(2) as u64)
        .saturating_add(settings.plugin_limits.max_memory_bytes.saturating_mul(4) as u64)
        .saturating_add(1 << 30) as libc::rlim_t;
    let data = libc::rlimit { rlim_cur: backstop, rlim_max: backstop };
    // SAFETY: as above.
    if unsafe { libc::setrlimit(libc::RLIMIT_DATA, &data) } != 0 {
        return Err(format!("setrlimit(RLIMIT_DATA): {}", std::io::Error::last_os_error()));
    }
    Ok(())
}

/// This process's data size (`VmData`), read before the filter forbids files.
fn data_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmData:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

struct State<'a> {
    renderer: &'a Renderer,
    runtime: &'a Runtime,
    plugins: LruCache<String, Loaded>,
}

impl State<'_> {
    fn handle(&mut self, call: Call, body: Vec<u8>) -> (Reply, Vec<u8>) {
        match self.answer(call, body) {
            Ok(answer) => answer,
            Err(error) => (Reply::Failed(error), Vec::new()),
        }
    }

    fn answer(&mut self, call: Call, body: Vec<u8>) -> Result<(Reply, Vec<u8>), JobError> {
        match call {
            Call::Hello => Ok((Reply::Hello { pid: std::process::id(), fingerprint: self.runtime.fingerprint().to_string() }, Vec::new())),
            Call::Load { digest, bundle_len } => {
                if bundle_len > body.len() {
                    return Err(JobError::Protocol(format!("a {bundle_len}-byte bundle in a {}-byte body", body.len())));
                }
                let (bundle_bytes, artifact) = body.split_at(bundle_len);
                let bundle = Bundle::from_bytes(bundle_bytes, &BundleLimits::default()).map_err(|e| JobError::Bundle(e.to_string()))?;
                if bundle.digest() != digest {
                    return Err(JobError::Protocol(format!("bundle {} sent as {digest}", bundle.digest())));
                }
                let plugin = self.runtime.load_precompiled(&bundle, artifact).map_err(JobError::Load)?;
                self.plugins.put(digest, Loaded { bundle, plugin });
                Ok((Reply::Loaded, Vec::new()))
            }
            Call::Render { digest, request, format, .. } => {
                let Some(loaded) = self.plugins.get(&digest) else { return Ok((Reply::Missing, Vec::new())) };
                let plan = loaded.plugin.plan(&request).map_err(JobError::Plan)?;
                let document = self.renderer.render(&loaded.bundle, &plan, &request, format).map_err(JobError::Render)?;
                let reply = Reply::Document {
                    format: document.format,
                    file_name: document.file_name,
                    freshness_seconds: document.freshness_seconds,
                };
                Ok((reply, document.bytes))
            }
            Call::RenderPlan { digest, request, plan, format, view, .. } => {
                let Some(loaded) = self.plugins.get(&digest) else { return Ok((Reply::Missing, Vec::new())) };
                let document =
                    self.renderer.render_with(&loaded.bundle, &plan, &request, format, view.as_ref()).map_err(JobError::Render)?;
                let reply = Reply::Document {
                    format: document.format,
                    file_name: document.file_name,
                    freshness_seconds: document.freshness_seconds,
                };
                Ok((reply, document.bytes))
            }
            Call::Plan { digest, request, .. } => {
                let Some(loaded) = self.plugins.get(&digest) else { return Ok((Reply::Missing, Vec::new())) };
                let plan = loaded.plugin.plan(&request).map_err(JobError::Plan)?;
                Ok((Reply::Plan(plan), Vec::new()))
            }
            Call::Fallback { digest, template, locale, at, format, .. } => {
                let Some(loaded) = self.plugins.get(&digest) else { return Ok((Reply::Missing, Vec::new())) };
                match self.renderer.fallback(&loaded.bundle, &template, &locale, at, format).map_err(JobError::Render)? {
                    Some(document) => Ok((
                        Reply::Document { format: document.format, file_name: document.file_name, freshness_seconds: 0 },
                        document.bytes,
                    )),
                    None => Ok((Reply::NoFallback, Vec::new())),
                }
            }
            Call::Inspect { digest, .. } => {
                let Some(loaded) = self.plugins.get(&digest) else { return Ok((Reply::Missing, Vec::new())) };
                let facts = facts(self.renderer, &loaded.bundle)?;
                Ok((Reply::Facts(facts), Vec::new()))
            }
            Call::Admit { bundle_len, .. } => {
                if bundle_len > body.len() {
                    return Err(JobError::Protocol(format!("a {bundle_len}-byte bundle in a {}-byte body", body.len())));
                }
                let (bundle_bytes, cached) = body.split_at(bundle_len);
                let bundle = Bundle::from_bytes(bundle_bytes, &BundleLimits::default()).map_err(|e| JobError::Bundle(e.to_string()))?;
                let artifact = match self.runtime.load_precompiled(&bundle, cached) {
                    Ok(_) if !cached.is_empty() => cached.to_vec(),
                    Err(e) if !cached.is_empty() && !matches!(e, crate::runtime::LoadError::Artifact(_)) => return Err(JobError::Load(e)),
                    _ => self.runtime.compile_bundle(&bundle).map_err(JobError::Load)?.1,
                };
                let facts = facts(self.renderer, &bundle)?;
                let reply = Reply::Admitted { manifest: bundle.manifest().plugin.clone(), digest: bundle.digest().to_string(), facts };
                Ok((reply, artifact))
            }
            Call::Compile { contract, .. } => {
                let (plugin, artifact) = self.runtime.compile(&body, contract, "plugin").map_err(JobError::Load)?;
                Ok((Reply::Compiled { manifest: plugin.manifest().clone() }, artifact))
            }
        }
    }
}

/// What `bundle` can render: its templates compiled, and which kinds have
/// image variants.
fn facts(renderer: &Renderer, bundle: &Bundle) -> Result<Facts, JobError> {
    let templates = renderer.templates(bundle).map_err(JobError::Render)?;
    let image_kinds = bundle.manifest().plugin.kinds.iter().filter(|k| templates.has_images(k)).map(|k| k.name.clone()).collect();
    Ok(Facts { image_kinds })
}
