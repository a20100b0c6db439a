//! What the benches share: the invoice plugin built and loaded, and timing
//! helpers for individually timed calls (percentiles criterion does not report).
#![allow(dead_code)]

use folio::build::{BuildOptions, build_plugin, in_process};
use folio::{Bundle, Plugin, Runtime, RuntimeConfig};
use std::path::Path;
use std::time::{Duration, Instant};

/// The repository root.
pub fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The invoice plugin, built from source with the guest toolchain and loaded.
pub fn invoice() -> (Bundle, Plugin) {
    let runtime =
        Runtime::new(RuntimeConfig { cache_dir: Some(repo().join("target/test-cache")), ..RuntimeConfig::default() }).expect("runtime");
    let target_dir = std::env::var_os("FOLIO_GUEST_TARGET_DIR").map(Into::into).unwrap_or_else(|| repo().join("target/guest"));
    let bundle = build_plugin(&repo().join("plugins/invoice"), &in_process(&runtime), &BuildOptions { target_dir: Some(target_dir) })
        .unwrap_or_else(|e| panic!("building the invoice plugin failed (run `make setup`): {e}"));
    let plugin = runtime.load(&bundle).expect("invoice loads");
    (bundle, plugin)
}

/// Times `n` calls of `f` one by one, after `n / 10` warm-up calls.
pub fn time_calls(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    for _ in 0..n / 10 {
        f();
    }
    (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect()
}

/// The `q` quantile (0.0 to 1.0) of `samples`.
pub fn percentile(samples: &[Duration], q: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// Microseconds, for printing.
pub fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
