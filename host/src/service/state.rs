//! The one `AppState` every handler shares.

use super::auth::KeyCache;
use super::metrics::Metrics;
use super::prepared::PreparedPlugins;
use super::suspend::Suspensions;
use super::versions::VersionCache;
use crate::contain::Workers;
use crate::store::{BlobStore, Store};
use std::sync::Arc;

/// What the service's handlers share: storage, the render workers,
/// metrics. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    blobs: BlobStore,
    workers: Workers,
    plugins: PreparedPlugins,
    metrics: Metrics,
    keys: KeyCache,
    versions: VersionCache,
    public_url: String,
    open_cache: super::opencache::OpenCache,
    open_recorder: super::openlog::OpenRecorder,
    open_limiter: super::ratelimit::RateLimiter,
    suspensions: Suspensions,
}

impl AppState {
    /// Assembles the state from its parts.
    /// `public_url` is where clients reach this service (`https://docs.example.com`):
    /// open-link URLs start with it. Must be called within the tokio runtime:
    /// it starts the open recorder's writer task.
    pub fn new(store: Store, blobs: BlobStore, workers: Workers, plugins: PreparedPlugins, metrics: Metrics, public_url: String) -> Self {
        AppState {
            inner: Arc::new(Inner {
                versions: VersionCache::default(),
                public_url: public_url.trim_end_matches('/').to_string(),
                open_cache: Default::default(),
                open_recorder: super::openlog::OpenRecorder::start(store.clone(), metrics.opens_unrecorded.clone()),
                open_limiter: super::ratelimit::RateLimiter::new(0),
                suspensions: Suspensions::new(std::time::Duration::from_secs(600)),
                store,
                blobs,
                workers,
                plugins,
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

    /// The render workers: every plan and render runs there.
    pub fn workers(&self) -> &Workers {
        &self.inner.workers
    }

    /// Plugin versions ready for the workers, by digest.
    pub fn plugins(&self) -> &PreparedPlugins {
        &self.inner.plugins
    }

    /// The Prometheus metrics.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// The base URL clients reach this service at, without a trailing slash.
    pub fn public_url(&self) -> &str {
        &self.inner.public_url
    }

    /// The same state with `rate` requests a second per address on `/o/…`,
    /// and open-time renders that were stopped suspended for `suspend`.
    /// Call before the state is shared.
    pub fn with_open_limits(mut self, rate: u32, suspend: std::time::Duration) -> Self {
        if let Some(inner) = Arc::get_mut(&mut self.inner) {
            inner.open_limiter = super::ratelimit::RateLimiter::new(rate);
            inner.suspensions = Suspensions::new(suspend);
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

    /// Open-time renders not attempted for a while after they were stopped.
    pub fn suspensions(&self) -> &Suspensions {
        &self.inner.suspensions
    }

    /// Recently resolved plugin versions.
    pub fn versions(&self) -> &VersionCache {
        &self.inner.versions
    }

    /// Recently verified API keys.
    pub fn keys(&self) -> &KeyCache {
        &self.inner.keys
    }
}
