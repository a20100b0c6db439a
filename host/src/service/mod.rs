//! `folio serve`: the HTTP service billing systems and template authors use.
//!
//! One [`AppState`] (storage, render workers, metrics) shared by every
//! handler; extractors for authentication (`auth::Caller`); every error
//! mapped in one place (`problem::Problem`, RFC 9457). Data flows one way:
//! request → plugin plan → template render → output → archive → events. Plans and
//! renders run in contained worker processes (`crate::contain`).
//!
//! | module | job |
//! | --- | --- |
//! | `routes` | the handlers, one module per area, and the router |
//! | `pipeline` | the render path shared by rendering, reproducing and opens |
//! | `idempotency` | retries with an `Idempotency-Key` get the first answer |
//! | `archive` | a rendered document kept: blob, record, idempotency record |
//! | `download` | a document as an HTTP response (type, safe file name, policy) |
//! | `prepared` | plugin versions ready for the workers, by digest |
//! | `suspend` | open-time renders not retried for a while after they were stopped |
//! | `versions` | recently resolved plugin versions |
//! | `openlink` | open-link tokens and opener classification |
//! | `opencache` | open-time renders shared within their freshness window |
//! | `offer` | interactive documents on their page: the current offer, actions, acceptance |
//! | `ratelimit` | per-address limits on the routes anyone can call |
//! | `auth` | API keys and scopes |
//! | `customer` | customers as the API takes them: one shape, one set of rules |
//! | `batches` | billing runs: NDJSON submissions streamed into the queue, and the worker loop |
//! | `problem` | problem+json errors |
//! | `metrics` | Prometheus metrics |
//! | `openapi` | the generated OpenAPI document |

mod archive;
mod auth;
mod batches;
mod customer;
mod download;
mod idempotency;
mod metrics;
mod offer;
mod openapi;
mod opencache;
mod openlink;
mod openlog;
mod pipeline;
// Public for embedding and for the tests of the bounded plugin cache.
pub mod prepared;
mod problem;
mod ratelimit;
mod routes;
mod state;
mod suspend;
mod versions;

pub use state::AppState;

use crate::contain::{ContainConfig, Workers};
use crate::runtime::ArtifactCache;
use crate::store::{BlobStore, Store, redact};
use crate::webhook::{Dispatcher, SecretBox};
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Instant;

/// Where the service keeps its data and how it listens.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub addr: SocketAddr,
    /// SQLite database, blobs and compiled plugins, unless given elsewhere.
    pub data_dir: PathBuf,
    /// A PostgreSQL (or SQLite) URL instead of `data_dir/folio.db`.
    pub database_url: Option<String>,
    /// Blobs (bundles, rendered documents); default `data_dir/blobs`.
    /// Replicas sharing a database must share this directory too.
    pub blob_dir: Option<PathBuf>,
    /// How renders are contained: workers, budgets, the sandbox's limits.
    pub contain: ContainConfig,
    /// Compiled plugins; default `data_dir/compiled`.
    pub cache_dir: Option<PathBuf>,
    /// Where clients reach the service; open-link URLs start with it.
    /// Default: `http://<addr>` as bound.
    pub public_url: Option<String>,
    /// Requests a second per client address on `/o/…` (0: no limit).
    pub open_rate_limit: u32,
    /// How long an open link's render is not attempted again after it was
    /// stopped (timeout, memory, crash); opens get the fallback meanwhile.
    pub open_suspend: std::time::Duration,
    /// How webhooks are delivered (its `base_url` is filled in from the public URL).
    pub webhooks: crate::webhook::WebhookConfig,
    /// A person's open this long after their previous one raises `document.opened` again.
    pub reopen_after: chrono::Duration,
    /// Billing-run items this process works at a time (0: none). Default:
    /// twice its batch workers, so one item is archived while another
    /// renders. Runs render in workers of their own ([`crate::contain::Lane::Batch`]), so
    /// documents people wait for never wait behind them.
    pub batch_concurrency: Option<usize>,
    /// How long a claim on billing-run items lasts without a heartbeat.
    pub batch_lease: std::time::Duration,
}

impl ServeConfig {
    /// Billing-run items rendered at a time.
    pub fn batch_concurrency(&self) -> usize {
        self.batch_concurrency.unwrap_or(self.contain.batch_workers * 2)
    }
}

/// This process's billing-run worker, on a thread of its own.
struct BatchRunner {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: std::thread::JoinHandle<()>,
}

impl BatchRunner {
    /// Stops the runner: items in flight are left to their leases, and
    /// another worker takes them over.
    fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = self.thread.join();
    }
}

/// Starts this process's billing-run worker (unless its concurrency is 0)
/// on a thread with a runtime of its own, at the batch workers' CPU
/// priority: a run's archiving (hashing, blob writes, its records) then
/// yields the CPU to the requests this process serves, as its renders do.
fn start_batch_runner(
    state: &AppState,
    concurrency: usize,
    lease: std::time::Duration,
    priority: crate::contain::BatchPriority,
) -> Result<Option<BatchRunner>, String> {
    if concurrency == 0 {
        return Ok(None);
    }
    let owner = format!("{}:{}", std::process::id(), crate::store::new_id("run"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let state = state.clone();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the billing-run worker's runtime: {e}"))?;
    let thread = std::thread::Builder::new()
        .name("folio-batch".into())
        .spawn(move || {
            // This thread, and the threads it starts.
            if let Err(e) = crate::contain::lower_priority(0, priority) {
                tracing::warn!("cannot lower the billing-run worker's CPU priority: {e}");
            }
            runtime.block_on(async move {
                tokio::select! {
                    () = batches::run(state, owner, concurrency, lease) => {}
                    _ = stopped => {}
                }
            });
        })
        .map_err(|e| format!("cannot start the billing-run worker: {e}"))?;
    Ok(Some(BatchRunner { stop: Some(stop), thread }))
}

/// Opens the store a configuration names.
pub async fn open_store(data_dir: &std::path::Path, database_url: Option<&str>) -> Result<Store, String> {
    match database_url {
        Some(url) => Store::open(url).await,
        None => Store::open_sqlite(data_dir).await,
    }
    .map_err(|e| e.to_string())
}

/// Versions of plugins kept ready for the workers.
const PREPARED_PLUGINS: usize = 128;

/// Builds the state a configuration describes: opens (and migrates) the
/// database and blob store, and starts the render workers (which load the
/// fonts).
pub async fn build_state(config: &ServeConfig, bound: SocketAddr) -> Result<AppState, String> {
    let store = open_store(&config.data_dir, config.database_url.as_deref()).await?;
    let blob_dir = config.blob_dir.clone().unwrap_or_else(|| config.data_dir.join("blobs"));
    let blobs = BlobStore::open(&blob_dir).map_err(|e| format!("cannot open the blob store at {}: {e}", blob_dir.display()))?;
    let workers = Workers::start(config.contain.clone()).await?;
    let cache_dir = config.cache_dir.clone().unwrap_or_else(|| config.data_dir.join("compiled"));
    let artifacts = ArtifactCache::open(&cache_dir, workers.fingerprint())
        .map_err(|e| format!("cannot open the compiled-plugin cache at {}: {e}", cache_dir.display()))?;
    let plugins = prepared::PreparedPlugins::new(artifacts, PREPARED_PLUGINS);
    let metrics = metrics::Metrics::new().map_err(|e| format!("cannot register metrics: {e}"))?;
    let public_url = config.public_url.clone().unwrap_or_else(|| format!("http://{bound}")).trim_end_matches('/').to_string();
    let secrets = SecretBox::load(&config.data_dir).map_err(|e| e.to_string())?;
    if store.backend() == crate::store::Backend::Postgres && std::env::var_os(crate::webhook::KEY_ENV).is_none() {
        tracing::warn!(
            key = secrets.key_id(),
            "webhook secrets are sealed with this replica's own key file; replicas sharing the database must share one key: set {} on every replica",
            crate::webhook::KEY_ENV
        );
    }
    let mut webhooks = config.webhooks.clone();
    webhooks.base_url = public_url.clone();
    let webhook_policy = webhooks.policy;
    let dispatcher = Dispatcher::start(store.clone(), secrets.clone(), webhooks, metrics.webhooks.clone()).await?;
    let state = AppState::new(state::Parts {
        store,
        blobs,
        workers,
        plugins,
        metrics,
        public_url,
        secrets,
        webhook_policy,
        dispatcher,
        reopen_after: config.reopen_after,
    });
    Ok(state.with_open_limits(config.open_rate_limit, config.open_suspend))
}

/// The router with logging and metrics around every request.
pub fn app(state: AppState) -> axum::Router {
    routes::router(state.clone()).layer(axum::middleware::from_fn_with_state(state, observe))
}

/// Runs the service until SIGINT or SIGTERM, then stops accepting
/// connections, lets requests in flight finish and closes the database.
/// Prints `listening on http://ADDR` to standard output once bound.
pub async fn serve(config: ServeConfig) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(config.addr).await.map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let state = build_state(&config, addr).await?;
    let database = config.database_url.as_deref().map(redact).unwrap_or_else(|| config.data_dir.join("folio.db").display().to_string());
    tracing::info!(%addr, %database, "folio serving");
    {
        use std::io::Write;
        let mut out = std::io::stdout();
        let _ = writeln!(out, "listening on http://{addr}");
        let _ = out.flush();
    }
    let runner = start_batch_runner(&state, config.batch_concurrency(), config.batch_lease, config.contain.batch_priority)?;
    let service = app(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown_signal()).await.map_err(|e| format!("server error: {e}"))?;
    // Items in flight are left to their leases: another worker takes them over.
    if let Some(runner) = runner {
        runner.stop();
    }
    tracing::info!("shutting down: requests finished, writing queued opens, finishing webhook attempts, closing the database");
    state.open_recorder().close().await;
    state.dispatcher().close().await;
    state.store().close().await;
    Ok(())
}

/// `folio worker`: works billing runs, and nothing else, until SIGINT or
/// SIGTERM. It shares the service's database and blob store.
pub async fn work(config: ServeConfig) -> Result<(), String> {
    let state = build_state(&config, config.addr).await?;
    let concurrency = config.batch_concurrency().max(1);
    tracing::info!(concurrency, "folio worker: working billing runs");
    {
        use std::io::Write;
        let mut out = std::io::stdout();
        let _ = writeln!(out, "working billing runs, {concurrency} items at a time");
        let _ = out.flush();
    }
    let runner = start_batch_runner(&state, concurrency, config.batch_lease, config.contain.batch_priority)?;
    shutdown_signal().await;
    if let Some(runner) = runner {
        runner.stop();
    }
    state.dispatcher().close().await;
    state.store().close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutdown requested");
}

/// Logs each request and counts it in the metrics, by its route pattern
/// (never the raw path, which would make unbounded label values).
async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", |p| p.as_str()).to_string();
    // Counted down on drop, so a request whose client went away is not left counted.
    let in_flight = InFlight::enter(&state);
    let response = next.run(request).await;
    drop(in_flight);
    let elapsed = started.elapsed();
    let status = response.status();
    let metrics = state.metrics();
    metrics.requests.with_label_values(&[method.as_str(), route.as_str(), status.as_str()]).inc();
    metrics.request_seconds.with_label_values(&[route.as_str()]).observe(elapsed.as_secs_f64());
    if let Some(problem::Cause(cause)) = response.extensions().get::<problem::Cause>() {
        tracing::error!(%method, %route, status = status.as_u16(), %cause, "internal error");
    } else if status.is_server_error() {
        tracing::warn!(%method, %route, status = status.as_u16(), ms = elapsed.as_secs_f64() * 1e3, "request failed");
    } else {
        tracing::debug!(%method, %route, status = status.as_u16(), ms = elapsed.as_secs_f64() * 1e3, "request");
    }
    response
}

/// One request counted in `folio_http_requests_in_flight` while it lives.
struct InFlight(prometheus::IntGauge);

impl InFlight {
    fn enter(state: &AppState) -> Self {
        let gauge = state.metrics().in_flight.clone();
        gauge.inc();
        InFlight(gauge)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.dec();
    }
}
