//! How much a render may cost, and how many workers render at once.

use crate::render::{Format, RenderLimits};
use crate::runtime::Limits;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::Duration;

/// What one call in a worker may use: CPU time (enforced by the parent,
/// which kills the worker when it is spent) and memory (enforced inside
/// the worker by its allocator).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    /// CPU time: the worker's user and system time, not the wall clock,
    /// so a loaded machine does not fail well-behaved work.
    pub cpu: Duration,
    /// Bytes the call may allocate on top of what the worker already held,
    /// a plugin's linear memory included.
    pub memory: usize,
}

impl Budget {
    /// The wall-clock backstop for a call with this CPU budget: far above
    /// it, for a worker that is somehow not using CPU and not answering.
    pub fn wall(&self) -> Duration {
        self.cpu.saturating_mul(20).max(Duration::from_secs(10))
    }
}

/// The budget of each kind of call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budgets {
    pub html: Budget,
    pub text: Budget,
    pub json: Budget,
    pub pdf: Budget,
    pub png: Budget,
    /// Verifying a bundle and compiling its plugin with Cranelift, on
    /// upload, `folio plugin check`, and when a compiled plugin is not cached.
    pub compile: Budget,
}

const MIB: usize = 1 << 20;

impl Default for Budgets {
    fn default() -> Self {
        let second = Duration::from_secs(1);
        Budgets {
            html: Budget { cpu: second, memory: 256 * MIB },
            text: Budget { cpu: second, memory: 256 * MIB },
            json: Budget { cpu: second, memory: 256 * MIB },
            pdf: Budget { cpu: 10 * second, memory: 1024 * MIB },
            png: Budget { cpu: 2 * second, memory: 512 * MIB },
            compile: Budget { cpu: 30 * second, memory: 2048 * MIB },
        }
    }
}

impl Budgets {
    /// The budget of a render in `format` (a fallback or an inspection is
    /// budgeted as the format it serves).
    pub fn for_format(&self, format: Format) -> Budget {
        match format {
            Format::Html => self.html,
            Format::Text => self.text,
            Format::Json => self.json,
            Format::Pdf => self.pdf,
            Format::Png => self.png,
        }
    }

    /// The budget of `format`, to change it.
    pub fn for_format_mut(&mut self, format: Format) -> &mut Budget {
        match format {
            Format::Html => &mut self.html,
            Format::Text => &mut self.text,
            Format::Json => &mut self.json,
            Format::Pdf => &mut self.pdf,
            Format::Png => &mut self.png,
        }
    }

    /// The largest memory budget of any call.
    pub fn max_memory(&self) -> usize {
        [self.html, self.text, self.json, self.pdf, self.png, self.compile].iter().map(|b| b.memory).max().unwrap_or(0)
    }
}

/// The CPU priority of batch work (its render workers, and the threads
/// that archive it): what `--batch-nice` sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchPriority {
    /// A nice value, 0 to 19: the kernel shares a contended core by weight,
    /// 1.25 times less per step (nice 10 gets about a tenth of what nice 0
    /// gets, nice 19 about a seventieth).
    Nice(u8),
    /// Linux's `SCHED_IDLE`: the thread runs only on CPU time no ordinary
    /// thread wants, and a waking ordinary thread preempts it at once, so
    /// a run never delays an open, at the price of pausing while opens,
    /// interactions and the render API keep every core busy.
    Idle,
}

impl std::str::FromStr for BatchPriority {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        if text == "idle" {
            return Ok(BatchPriority::Idle);
        }
        match text.parse::<u8>() {
            Ok(nice) if nice <= 19 => Ok(BatchPriority::Nice(nice)),
            _ => Err(format!("`{text}` is neither `idle` nor a nice value from 0 to 19")),
        }
    }
}

impl std::fmt::Display for BatchPriority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchPriority::Nice(nice) => write!(f, "{nice}"),
            BatchPriority::Idle => f.write_str("idle"),
        }
    }
}

/// How renders are contained.
#[derive(Debug, Clone)]
pub struct ContainConfig {
    /// The `folio` binary, run as the zygote. Default: this executable.
    pub program: PathBuf,
    /// Render workers (processes); each renders one document at a time.
    /// Default: twice the number of cores, so one worker's answer is
    /// written while another renders.
    pub workers: usize,
    /// Workers of billing runs, forked when a run first needs them and
    /// run at CPU priority `batch_priority`, apart from the workers above so a
    /// run never takes the one an open needs. Default: one per core, so a
    /// run alone uses the whole machine.
    pub batch_workers: usize,
    /// How far below documents people wait for the kernel ranks batch
    /// workers. Default nice 10, which leaves an open's render about nine
    /// tenths of a contended core.
    pub batch_priority: BatchPriority,
    /// Workers one plugin version may hold at once, so one version's slow
    /// or hostile renders cannot take every worker. Default: half of them.
    pub per_version: usize,
    /// How long a render waits for a worker before it is answered `busy`.
    pub queue_timeout: Duration,
    pub budgets: Budgets,
    /// Bundles (compilations) verified at once; the rest wait.
    pub compile_concurrency: usize,
    /// The sandbox's limits for each plugin call inside a render.
    pub plugin_limits: Limits,
    /// What templates may do in one render (nesting, iterations, output, …).
    pub render_limits: RenderLimits,
    /// Parse fonts once in the zygote so workers share them (the
    /// service), instead of in each worker that needs them (the CLI, which
    /// renders one document).
    pub parse_fonts_early: bool,
    /// Bundles each worker keeps loaded.
    pub loaded_plugins: usize,
    /// A worker whose heap has grown this much since it started is
    /// replaced after its call.
    pub recycle_bytes: usize,
}

impl ContainConfig {
    /// The defaults, with `program` as the zygote's executable.
    pub fn new(program: PathBuf) -> Self {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        let workers = cores * 2;
        ContainConfig {
            program,
            workers,
            batch_workers: cores,
            batch_priority: BatchPriority::Nice(10),
            per_version: workers.div_ceil(2),
            queue_timeout: Duration::from_secs(10),
            budgets: Budgets::default(),
            compile_concurrency: 1,
            plugin_limits: Limits::default(),
            render_limits: RenderLimits::default(),
            parse_fonts_early: true,
            loaded_plugins: 32,
            recycle_bytes: 1024 * MIB,
        }
    }

    /// The defaults, with this executable as the zygote: right for the
    /// `folio` binary itself.
    pub fn for_this_program() -> Result<Self, String> {
        let program = std::env::current_exe().map_err(|e| format!("cannot find the folio executable to run workers: {e}"))?;
        Ok(Self::new(program))
    }
}

#[cfg(test)]
mod tests {
    use super::BatchPriority;

    #[test]
    fn batch_priority_is_a_nice_value_or_idle() {
        assert_eq!("10".parse(), Ok(BatchPriority::Nice(10)));
        assert_eq!("0".parse(), Ok(BatchPriority::Nice(0)));
        assert_eq!("idle".parse(), Ok(BatchPriority::Idle));
        for bad in ["20", "-1", "IDLE", ""] {
            let err = bad.parse::<BatchPriority>().unwrap_err();
            assert_eq!(err, format!("`{bad}` is neither `idle` nor a nice value from 0 to 19"));
        }
        assert_eq!(BatchPriority::Idle.to_string(), "idle");
    }
}
