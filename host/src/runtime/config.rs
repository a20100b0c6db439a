//! Runtime configuration: per-call limits and pool sizing, with safe defaults.

use std::path::PathBuf;
use std::time::Duration;

/// What one plugin call may consume. Every limit has a distinct
/// [`super::CallError`] variant when it is exceeded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Limits {
    /// CPU time one call (instantiate + `plan`) may use: the calling
    /// thread's CPU clock, so a loaded machine does not fail well-behaved
    /// plugins. Default 100 ms.
    pub timeout: Duration,
    /// Wall-clock backstop for one call, far above `timeout`, for a call
    /// that somehow neither finishes nor uses CPU. Default 5 s.
    pub wall_timeout: Duration,
    /// Linear memory an instance may grow to. Default 64 MiB.
    pub max_memory_bytes: usize,
    /// Size of the plan a plugin may return (view model and all strings). Default 1 MiB.
    pub max_output_bytes: usize,
    /// Size of the request's caller-supplied content. Default 1 MiB.
    pub max_request_bytes: usize,
    /// Bytes of log messages one call may write. Default 64 KiB.
    pub max_log_bytes: usize,
    /// Wasm stack a call may use before it traps with a stack overflow. Default 512 KiB.
    pub max_stack_bytes: usize,
    /// Nesting of objects and arrays in a plan's view model. Default 64.
    pub max_view_model_depth: usize,
    /// Length of the message of a plugin's `plan-error`; longer ones are
    /// cut, with a marker. Default 4 KiB.
    pub max_error_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_millis(100),
            wall_timeout: Duration::from_secs(5),
            max_memory_bytes: crate::contract::layout::MAX_MEMORY,
            max_output_bytes: crate::contract::layout::MAX_PLAN,
            max_request_bytes: crate::contract::layout::MAX_REQUEST,
            max_log_bytes: 64 << 10,
            max_stack_bytes: 512 << 10,
            max_view_model_depth: 64,
            max_error_bytes: 4 << 10,
        }
    }
}

/// How a [`super::Runtime`] is set up.
#[derive(Debug, Clone)]
pub struct RuntimeConfig {
    pub limits: Limits,
    /// Calls that may run at once; also sizes the pooling allocator. Calls
    /// beyond it wait (up to `queue_timeout`, which does not count against
    /// their time limit). Default: the number of available cores.
    pub max_concurrent_calls: u32,
    /// How long a call waits for a free instance slot. Default 10 s.
    pub queue_timeout: Duration,
    /// Where compiled plugins are cached; `None` compiles on every load.
    pub cache_dir: Option<PathBuf>,
    /// How often the epoch ticker runs; timeouts are accurate to one tick. Default 5 ms.
    pub epoch_tick: Duration,
    /// Compile with a thread per core. Off in render workers, which may
    /// not start threads. Default on.
    pub parallel_compilation: bool,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            limits: Limits::default(),
            max_concurrent_calls: std::thread::available_parallelism().map(|n| u32::try_from(n.get()).unwrap_or(u32::MAX)).unwrap_or(1),
            queue_timeout: Duration::from_secs(10),
            cache_dir: None,
            epoch_tick: Duration::from_millis(5),
            parallel_compilation: true,
        }
    }
}

impl RuntimeConfig {
    /// The default configuration with the cache in the user's cache directory
    /// (`$FOLIO_CACHE_DIR`, else `$XDG_CACHE_HOME/folio`, else `~/.cache/folio`).
    pub fn with_default_cache() -> Self {
        RuntimeConfig { cache_dir: default_cache_dir(), ..Self::default() }
    }
}

/// The user's cache directory for compiled plugins, if one can be found.
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("FOLIO_CACHE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("folio").join("compiled"))
}
