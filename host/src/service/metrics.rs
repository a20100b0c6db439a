//! Prometheus metrics, served at `GET /metrics`.

use crate::contain::Lane;
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
    /// Opens answered with the fallback without rendering, because the
    /// link's render was recently stopped (timeout, memory, crash).
    pub opens_suspended: prometheus::IntCounter,
    /// Render workers by lane (`interactive`, `batch`) and state (`alive`,
    /// `busy`), as of the last scrape.
    pub workers: prometheus::IntGaugeVec,
    /// Renders waiting for a worker, by lane, as of the last scrape.
    pub render_queue: prometheus::IntGaugeVec,
    /// Renders stopped by their budget or by a crash, by class.
    pub render_stops: IntCounterVec,
    /// Workers started in place of one that stopped.
    pub worker_replacements: prometheus::IntCounter,
    /// The webhook dispatcher's attempts, latency, backlog and requests in flight.
    pub webhooks: crate::webhook::DispatchMetrics,
    /// What the pool had counted at the last scrape.
    seen: std::sync::Mutex<crate::contain::PoolStats>,
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
        let requests = IntCounterVec::new(Opts::new("http_requests_total", "HTTP requests"), &["method", "route", "status"])?;
        let request_seconds = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "HTTP request latency").buckets(BUCKETS.to_vec()),
            &["route"],
        )?;
        let opens = IntCounterVec::new(
            Opts::new("opens_total", "Opens of open links, by plugin, kind, opener and outcome (fresh, fallback, head)"),
            &["plugin", "kind", "agent", "outcome"],
        )?;
        registry.register(Box::new(opens.clone()))?;
        let opens_limited =
            prometheus::IntCounter::new("opens_rate_limited_total", "Requests to /o/ refused by the per-address rate limit")?;
        registry.register(Box::new(opens_limited.clone()))?;
        let opens_unrecorded =
            prometheus::IntCounter::new("opens_unrecorded_total", "Open events and last good renders that could not be written")?;
        registry.register(Box::new(opens_unrecorded.clone()))?;
        let opens_suspended = prometheus::IntCounter::new(
            "opens_suspended_total",
            "Opens answered with the fallback, without rendering, while the link's render is suspended",
        )?;
        registry.register(Box::new(opens_suspended.clone()))?;
        let workers =
            prometheus::IntGaugeVec::new(Opts::new("render_workers", "Render worker processes by lane and state"), &["lane", "state"])?;
        registry.register(Box::new(workers.clone()))?;
        let render_queue = prometheus::IntGaugeVec::new(Opts::new("render_queue", "Renders waiting for a worker, by lane"), &["lane"])?;
        registry.register(Box::new(render_queue.clone()))?;
        let render_stops = IntCounterVec::new(
            Opts::new("render_stops_total", "Renders stopped by their CPU or memory budget, or by a worker crash"),
            &["class"],
        )?;
        registry.register(Box::new(render_stops.clone()))?;
        let worker_replacements =
            prometheus::IntCounter::new("render_worker_replacements_total", "Render workers started in place of one that stopped")?;
        registry.register(Box::new(worker_replacements.clone()))?;
        let webhooks = crate::webhook::DispatchMetrics {
            attempts: IntCounterVec::new(
                Opts::new(
                    "webhook_attempts_total",
                    "Webhook delivery attempts, by outcome: delivered, retrying, failed (gave up), gone (410)",
                ),
                &["outcome"],
            )?,
            attempt_seconds: prometheus::Histogram::with_opts(
                HistogramOpts::new("webhook_attempt_duration_seconds", "Time from sending a webhook to the end of its response's head")
                    .buckets(BUCKETS.to_vec()),
            )?,
            oldest_pending_seconds: IntGauge::new("webhook_oldest_pending_seconds", "Age of the oldest webhook delivery still waiting")?,
            in_flight: IntGauge::new("webhook_requests_in_flight", "Webhook requests in flight from this replica")?,
        };
        registry.register(Box::new(webhooks.attempts.clone()))?;
        registry.register(Box::new(webhooks.attempt_seconds.clone()))?;
        registry.register(Box::new(webhooks.oldest_pending_seconds.clone()))?;
        registry.register(Box::new(webhooks.in_flight.clone()))?;
        let in_flight = IntGauge::new("http_requests_in_flight", "HTTP requests being served")?;
        registry.register(Box::new(in_flight.clone()))?;
        registry.register(Box::new(renders.clone()))?;
        registry.register(Box::new(render_seconds.clone()))?;
        registry.register(Box::new(limit_violations.clone()))?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(request_seconds.clone()))?;
        Ok(Metrics {
            registry,
            renders,
            render_seconds,
            limit_violations,
            requests,
            request_seconds,
            in_flight,
            opens,
            opens_limited,
            opens_unrecorded,
            opens_suspended,
            workers,
            render_queue,
            render_stops,
            worker_replacements,
            webhooks,
            seen: Default::default(),
        })
    }

    /// Brings the pool's gauges and counters up to `stats`.
    pub fn observe_pool(&self, stats: &crate::contain::PoolStats) {
        let as_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        for (lane, of) in [(Lane::Interactive, &stats.interactive), (Lane::Batch, &stats.batch)] {
            self.workers.with_label_values(&[lane.as_str(), "alive"]).set(as_i64(of.alive));
            self.workers.with_label_values(&[lane.as_str(), "busy"]).set(as_i64(of.busy));
            self.render_queue.with_label_values(&[lane.as_str()]).set(as_i64(of.queued));
        }
        let mut seen = self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        self.render_stops.with_label_values(&["timeout"]).inc_by(stats.timeouts.saturating_sub(seen.timeouts));
        self.render_stops.with_label_values(&["memory"]).inc_by(stats.memory.saturating_sub(seen.memory));
        self.render_stops.with_label_values(&["crash"]).inc_by(stats.crashes.saturating_sub(seen.crashes));
        self.worker_replacements.inc_by(stats.replaced.saturating_sub(seen.replaced));
        *seen = stats.clone();
    }

    /// The metrics in Prometheus' text format.
    pub fn encode(&self) -> String {
        let mut out = Vec::new();
        // Encoding into a Vec cannot fail for well-formed metric families.
        let _ = TextEncoder::new().encode(&self.registry.gather(), &mut out);
        String::from_utf8(out).unwrap_or_default()
    }
}
