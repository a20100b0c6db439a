//! Timing helpers shared by the benches: individually timed calls, for
//! percentiles criterion does not report.
#![allow(dead_code)]

use std::time::{Duration, Instant};

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
