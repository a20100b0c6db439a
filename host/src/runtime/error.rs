//! What can go wrong loading or calling a plugin. Each limit has its own
//! variant so callers (and metrics) can tell a slow plugin from a greedy one.

use crate::contract::types::PlanError;
use std::time::Duration;

/// A plugin call that did not produce a plan.
#[derive(Debug, Clone, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum CallError {
    /// The plugin looked at the input and declined it.
    #[error("{0}")]
    Plan(PlanError),
    /// The request names a kind the plugin does not declare.
    #[error("plugin `{plugin}` has no document kind `{kind}`; it declares: {declared}")]
    UnknownKind { plugin: String, kind: String, declared: String },
    /// The request's caller-supplied content is over the limit.
    #[error("request is {size} bytes, over the {limit}-byte limit; send less data or raise limits.max_request_bytes")]
    RequestTooLarge { size: usize, limit: usize },
    /// The call used its CPU time (or, far later, the wall-clock backstop)
    /// and was interrupted.
    #[error("plugin `{plugin}` used more than its {} ms {} limit and was stopped", limit.as_millis(), if *wall { "wall-clock" } else { "CPU time" })]
    Timeout {
        plugin: String,
        limit: Duration,
        /// Whether it was the wall-clock backstop, not the CPU limit.
        #[serde(default)]
        wall: bool,
    },
    /// The instance tried to grow its memory past the cap.
    #[error("plugin `{plugin}` tried to grow its memory to {desired} bytes, over the {limit}-byte limit")]
    MemoryLimit { plugin: String, desired: usize, limit: usize },
    /// The call used more stack than allowed (usually unbounded recursion).
    #[error("plugin `{plugin}` overflowed its stack (deep or unbounded recursion)")]
    StackOverflow { plugin: String },
    /// The plan the plugin returned is over the size limit.
    #[error("plugin `{plugin}` returned a {size}-byte plan, over the {limit}-byte limit")]
    OutputTooLarge { plugin: String, size: usize, limit: usize },
    /// The plugin wrote more log output than allowed.
    #[error("plugin `{plugin}` wrote more than {limit} bytes of log messages in one call")]
    LogLimit { plugin: String, limit: usize },
    /// The plugin crashed: a panic (with its message) or another trap.
    #[error("plugin `{plugin}` crashed: {}", panic.as_deref().unwrap_or(trap))]
    Crash { plugin: String, trap: String, panic: Option<String> },
    /// The plugin returned a plan that breaks the contract.
    #[error("plugin `{plugin}` returned an invalid plan: `{field}` {message}")]
    InvalidPlan { plugin: String, field: String, message: String },
    /// No instance slot became free within the queue timeout.
    #[error("all {capacity} plugin instance slots stayed busy for {}s; retry later or raise max_concurrent_calls", waited.as_secs())]
    Busy { capacity: u32, waited: Duration },
    /// The host failed to instantiate the plugin.
    #[error("could not instantiate plugin `{plugin}`: {message}")]
    Instantiate { plugin: String, message: String },
}

impl CallError {
    /// Whether a sandbox limit stopped the call (as opposed to the plugin
    /// declining, a bad request, or a busy host).
    pub fn is_limit(&self) -> bool {
        matches!(
            self,
            CallError::Timeout { .. }
                | CallError::MemoryLimit { .. }
                | CallError::StackOverflow { .. }
                | CallError::OutputTooLarge { .. }
                | CallError::LogLimit { .. }
                | CallError::RequestTooLarge { .. }
                | CallError::Crash { .. }
        )
    }

    /// A short, stable name for the error class, for metrics and logs.
    pub fn class(&self) -> &'static str {
        match self {
            CallError::Plan(PlanError::InvalidInput { .. }) => "invalid-input",
            CallError::Plan(PlanError::MissingData { .. }) => "missing-data",
            CallError::Plan(PlanError::Internal { .. }) => "plugin-internal",
            CallError::UnknownKind { .. } => "unknown-kind",
            CallError::RequestTooLarge { .. } => "request-too-large",
            CallError::Timeout { .. } => "timeout",
            CallError::MemoryLimit { .. } => "memory-limit",
            CallError::StackOverflow { .. } => "stack-overflow",
            CallError::OutputTooLarge { .. } => "output-too-large",
            CallError::LogLimit { .. } => "log-limit",
            CallError::Crash { .. } => "crash",
            CallError::InvalidPlan { .. } => "invalid-plan",
            CallError::Busy { .. } => "busy",
            CallError::Instantiate { .. } => "instantiate",
        }
    }
}

/// A bundle whose plugin could not be loaded into the runtime.
#[derive(Debug, Clone, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum LoadError {
    #[error("plugin.wasm is not a valid component for this host: {0}")]
    Compile(String),
    #[error(
        "the component imports `{import}`, which the {contract} contract does not provide; \
         plugins may import only {allowed} (no WASI, clock, filesystem or network)"
    )]
    ForbiddenImport { import: String, contract: String, allowed: String },
    #[error("the component's exports do not match the {contract} `plugin` world: {message}")]
    Exports { contract: String, message: String },
    #[error("plugin.toml says {field} is {in_bundle}, but the plugin's describe() says {in_plugin}")]
    ManifestMismatch { field: String, in_bundle: String, in_plugin: String },
    #[error("the plugin's describe() failed: {0}")]
    Describe(#[source] CallError),
    #[error("the plugin's manifest is invalid: {0}")]
    Manifest(String),
    /// A compiled artifact this engine cannot use (from another version).
    #[error("the compiled plugin does not fit this host's engine: {0}")]
    Artifact(String),
}
