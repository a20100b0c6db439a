//! Prometheus metrics, served at `GET /metrics`.

use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts, Registry, TextEncoder};

/// The service's counters and histograms.
pub struct Metrics {
    registry: Registry,
    /// Renders by plugin, kind, format and outcome (`ok` or an error class).
    pub renders: IntCounterVec,
    /// Render latency (plan + template + output) by format.
    pub render_seconds: HistogramVec,
    /// Plugin calls stopped by a sandbox limit, by plugin and limit.
    pub limit_violations: IntCounterVec,
    /// HTTP requests by method, route and status.
    pub requests: IntCounterVec,
    /// HTTP latency by route.
    pub request_seconds: HistogramVec,
    /// Requests being served right now.
    pub in_flight: IntGauge,
    /// Opens of open links by plugin, kind, opener and outcome.
    pub opens: IntCounterVec,
    /// Requests to `/o/…` refused by the per-address rate limit.
    pub opens_limited: prometheus::IntCounter,
    /// Open events and last good renders not written (queue full, database errors).
    pub opens_unrecorded: prometheus::IntCounter,
}

const BUCKETS: &[f64] = &[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

impl Metrics {
    /// Creates and registers every metric.
    pub fn new() -> Result<Self, prometheus::Error> {
        let registry = Registry::new_custom(Some("folio".into()), None)?;
        let renders = IntCounterVec::new(
            Opts::new("renders_total", "Documents rendered, by plugin, kind, format and outcome"),
            &["plugin", "kind", "format", "outcome"],
        )?;
        let render_seconds = HistogramVec::new(
            HistogramOpts::new("render_duration_seconds", "Time to plan and render a document").buckets(BUCKETS.to_vec()),
            &["format"],
        )?;
        let limit_violations = IntCounterVec::new(
            Opts::new("plugin_limit_violations_total", "Plugin calls stopped by a sandbox limit"),
            &["plugin", "limit"],
        )?;
        let requests =
            IntCounterVec::new(Opts::new("http_requests_total", "HTTP requests"), &["method", "route", "status"])?;
        let request_seconds = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "HTTP request latency").buckets(BUCKETS.to_vec()),
            &["route"],
        )?;
        let opens = IntCounterVec::new(
            Opts::new("opens_total", "Opens of open links, by plugin, kind, opener and outcome (fresh, fallback, head)"),
            &["plugin", "kind", "agent", "outcome"],
        )?;
        registry.register(Box::new(opens.clone()))?;
        let opens_limited = prometheus::IntCounter::new("opens_rate_limited_total", "Requests to /o/ refused by the per-address rate limit")?;
        registry.register(Box::new(opens_limited.clone()))?;
        let opens_unrecorded =
            prometheus::IntCounter::new("opens_unrecorded_total", "Open events and last good renders that could not be written")?;
        registry.register(Box::new(opens_unrecorded.clone()))?;
        let in_flight = IntGauge::new("http_requests_in_flight", "HTTP requests being served")?;
        registry.register(Box::new(in_flight.clone()))?;
        registry.register(Box::new(renders.clone()))?;
        registry.register(Box::new(render_seconds.clone()))?;
        registry.register(Box::new(limit_violations.clone()))?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(request_seconds.clone()))?;
        Ok(Metrics { registry, renders, render_seconds, limit_violations, requests, request_seconds, in_flight, opens, opens_limited, opens_unrecorded })
    }

    /// The metrics in Prometheus' text format.
    pub fn encode(&self) -> String {
        let mut out = Vec::new();
        // Encoding into a Vec cannot fail for well-formed metric families.
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
        String::from_utf8(out).unwrap_or_default()
    }
}

/// Whether a plugin call error class is a sandbox limit violation.
pub fn is_limit(class: &str) -> bool {
    matches!(class, "timeout" | "memory-limit" | "stack-overflow" | "output-too-large" | "log-limit" | "request-too-large" | "crash")
}
