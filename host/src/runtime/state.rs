//! The per-call store state: resource limiter, log budget, and what the
//! guest said before it crashed. A fresh one is made for every call, so
//! nothing leaks from one customer's render into the next.

use crate::contract::types::LogLevel;
use std::sync::Arc;
use wasmtime::{ResourceLimiter, Result};

/// Which limit a call ran into, recorded by the host side of the boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Violation {
    Memory {
        desired: usize,
    },
    LogVolume,
    /// The wall-clock backstop, not the CPU limit, ended the call.
    WallClock,
}

/// Store data for one plugin call.
pub struct CallState {
    plugin: Arc<str>,
    limiter: Limiter,
    log_budget: usize,
    log_used: usize,
    panic: Option<String>,
}

/// The longest panic message kept for the error report.
const MAX_PANIC_MESSAGE: usize = 4096;
/// Per-message overhead charged to the log budget, so floods of empty
/// messages are bounded too.
const LOG_MESSAGE_OVERHEAD: usize = 32;

impl CallState {
    pub(crate) fn new(plugin: Arc<str>, max_memory: usize, log_budget: usize) -> Self {
        CallState { plugin, limiter: Limiter { max_memory, violation: None, charged: 0 }, log_budget, log_used: 0, panic: None }
    }

    pub(crate) fn limiter(&mut self) -> &mut dyn ResourceLimiter {
        &mut self.limiter
    }

    pub(crate) fn violation(&self) -> Option<Violation> {
        self.limiter.violation
    }

    /// Records that the wall-clock backstop stopped the call.
    pub(crate) fn stopped_by_wall_clock(&mut self) {
        self.limiter.violation = Some(Violation::WallClock);
    }

    /// The guest's panic message, if it panicked.
    pub(crate) fn panic_message(&self) -> Option<&str> {
        self.panic.as_deref()
    }

    /// Handles the guest's `log` import: forwards to tracing, charges the
    /// budget, and remembers a panic report. Exceeding the budget traps.
    pub(crate) fn log(&mut self, level: LogLevel, message: String) -> Result<()> {
        self.log_used = self.log_used.saturating_add(message.len() + LOG_MESSAGE_OVERHEAD);
        if self.log_used > self.log_budget {
            self.limiter.violation = Some(Violation::LogVolume);
            return Err(wasmtime::Error::msg("plugin exceeded its log volume limit"));
        }
        let plugin = &*self.plugin;
        if level == LogLevel::Error && message.starts_with("panicked at ") {
            // The panic surfaces in the call's error; log it only for debugging.
            tracing::debug!(plugin, "{message}");
            let mut text = message;
            truncate_at_char_boundary(&mut text, MAX_PANIC_MESSAGE);
            self.panic = Some(text);
            return Ok(());
        }
        match level {
            LogLevel::Trace => tracing::trace!(plugin, "{message}"),
            LogLevel::Debug => tracing::debug!(plugin, "{message}"),
            LogLevel::Info => tracing::info!(plugin, "{message}"),
            LogLevel::Warn => tracing::warn!(plugin, "{message}"),
            LogLevel::Error => tracing::error!(plugin, "{message}"),
        }
        Ok(())
    }
}

fn truncate_at_char_boundary(text: &mut String, max: usize) {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
}

/// Caps linear memory; growing past the cap traps and records why. In a
/// render worker the growth is also charged to the render's memory budget
/// (`crate::budget`), so one cap covers plan and render together.
struct Limiter {
    max_memory: usize,
    violation: Option<Violation>,
    /// Bytes charged to the process's budget, given back when the call ends.
    charged: usize,
}

impl Drop for Limiter {
    fn drop(&mut self) {
        crate::budget::release(self.charged);
    }
}

/// Tables, memories and instances a plugin component may create. A Rust
/// plugin needs one memory, a couple of tables and a few core instances.
const MAX_TABLE_ELEMENTS: usize = 100_000;
const MAX_INSTANCES: usize = 32;
const MAX_TABLES: usize = 32;
const MAX_MEMORIES: usize = 4;

impl ResourceLimiter for Limiter {
    fn memory_growing(&mut self, current: usize, desired: usize, _maximum: Option<usize>) -> Result<bool> {
        let growth = desired.saturating_sub(current);
        if desired > self.max_memory || !crate::budget::charge(growth) {
            self.violation = Some(Violation::Memory { desired });
            return Err(wasmtime::Error::msg("plugin exceeded its memory limit"));
        }
        self.charged += growth;
        Ok(true)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> Result<bool> {
        Ok(desired <= MAX_TABLE_ELEMENTS)
    }

    fn instances(&self) -> usize {
        MAX_INSTANCES
    }

    fn tables(&self) -> usize {
        MAX_TABLES
    }

    fn memories(&self) -> usize {
        MAX_MEMORIES
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_utf8() {
        let mut s = "ab漢字".to_string();
        truncate_at_char_boundary(&mut s, 3);
        assert_eq!(s, "ab");
    }

    #[test]
    fn log_budget_counts_overhead_and_trips_once() {
        let mut state = CallState::new("p".into(), 1 << 20, 100);
        assert!(state.log(LogLevel::Info, "x".repeat(10)).is_ok());
        assert!(state.log(LogLevel::Info, "x".repeat(60)).is_err());
        assert_eq!(state.violation(), Some(Violation::LogVolume));
    }

    #[test]
    fn panic_reports_are_remembered() {
        let mut state = CallState::new("p".into(), 1 << 20, 10_000);
        state.log(LogLevel::Error, "panicked at src/lib.rs:1:1:\nboom".into()).unwrap();
        assert_eq!(state.panic_message(), Some("panicked at src/lib.rs:1:1:\nboom"));
    }
}
