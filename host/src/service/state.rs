//! The one `AppState` every handler shares.

use super::auth::KeyCache;
use super::loaded::LoadedPlugins;
use super::metrics::Metrics;
use super::problem::{ApiResult, Problem};
use super::versions::VersionCache;
use crate::render::Renderer;
use crate::runtime::Runtime;
use crate::store::{BlobStore, Store};
use std::sync::Arc;

/// What the service's handlers share: storage, the sandbox, the renderer,
/// metrics. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    blobs: BlobStore,
    plugins: LoadedPlugins,
    renderer: Arc<Renderer>,
    metrics: Metrics,
    keys: KeyCache,
    versions: VersionCache,
    renders: tokio::sync::Semaphore,
    queue_timeout: std::time::Duration,
    public_url: String,
    open_cache: super::opencache::OpenCache,
    open_recorder: super::openlog::OpenRecorder,
    open_limiter: super::ratelimit::RateLimiter,
}

impl AppState {
    /// Assembles the state from its parts.
    /// `public_url` is where clients reach this service (`https://docs.example.com`):
    /// open-link URLs start with it. Must be called within the tokio runtime:
    /// it starts the open recorder's writer task.
    pub fn new(store: Store, blobs: BlobStore, runtime: Runtime, renderer: Renderer, metrics: Metrics, public_url: String) -> Self {
        let config = runtime.config();
        let (slots, queue_timeout) = (config.max_concurrent_calls.max(1) as usize * 4, config.queue_timeout);
        AppState {
            inner: Arc::new(Inner {
                versions: VersionCache::default(),
                renders: tokio::sync::Semaphore::new(slots),
                queue_timeout,
                public_url: public_url.trim_end_matches('/').to_string(),
                open_cache: Default::default(),
                open_recorder: super::openlog::OpenRecorder::start(store.clone(), metrics.opens_unrecorded.clone()),
                open_limiter: super::ratelimit::RateLimiter::new(0),
                store,
                blobs,
                plugins: LoadedPlugins::new(runtime),
                renderer: Arc::new(renderer),
                metrics,
                keys: KeyCache::default(),
            }),
        }
    }

    /// The records.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// Bundles and rendered bytes.
    pub fn blobs(&self) -> &BlobStore {
        &self.inner.blobs
    }

    /// Plugins loaded into the sandbox, by digest.
    pub fn plugins(&self) -> &LoadedPlugins {
        &self.inner.plugins
    }

    /// The renderer (shared with blocking render tasks).
    pub fn renderer(&self) -> &Arc<Renderer> {
        &self.inner.renderer
    }

    /// The Prometheus metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// The base URL clients reach this service at, without a trailing slash.
    pub fn public_url(&self) -> &str {
        &self.inner.public_url
    }

    /// The same state with `rate` requests a second per address on `/o/…`.
    /// Call before the state is shared.
    pub fn with_open_rate_limit(mut self, rate: u32) -> Self {
        if let Some(inner) = Arc::get_mut(&mut self.inner) {
            inner.open_limiter = super::ratelimit::RateLimiter::new(rate);
        }
        self
    }

    /// The per-address limiter for `/o/…`.
    pub fn open_limiter(&self) -> &super::ratelimit::RateLimiter {
        &self.inner.open_limiter
    }

    /// Open-time renders within their freshness window.
    pub fn open_cache(&self) -> &super::opencache::OpenCache {
        &self.inner.open_cache
    }

    /// The batching writer of open events and last good renders.
    pub fn open_recorder(&self) -> &super::openlog::OpenRecorder {
        &self.inner.open_recorder
    }

    /// Recently resolved plugin versions.
    pub fn versions(&self) -> &VersionCache {
        &self.inner.versions
    }

    /// A render slot: one per core. Waits up to the runtime's queue timeout,
    /// then answers 503 so callers back off instead of piling up.
    pub async fn render_permit(&self) -> ApiResult<tokio::sync::SemaphorePermit<'_>> {
        let wait = self.inner.queue_timeout;
        match tokio::time::timeout(wait, self.inner.renders.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => {
                let mut p = Problem::new(
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    "busy",
                    format!("every render slot stayed busy for {}s; retry later", wait.as_secs()),
                );
                p.retry_after = Some(1);
                Err(p)
            }
        }
    }

    /// Recently verified API keys.
    pub fn keys(&self) -> &KeyCache {
        &self.inner.keys
    }
}
