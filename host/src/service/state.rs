//! The one `AppState` every handler shares.

use super::auth::KeyCache;
use super::metrics::Metrics;
use super::prepared::PreparedPlugins;
use super::suspend::Suspensions;
use super::versions::VersionCache;
use crate::contain::Workers;
use crate::store::{BlobStore, OpenedPolicy, Store};
use crate::webhook::{AddressPolicy, Dispatcher, SecretBox};
use std::sync::Arc;

/// What the state is assembled from.
pub struct Parts {
    pub store: Store,
    pub blobs: BlobStore,
    pub workers: Workers,
    pub plugins: PreparedPlugins,
    pub metrics: Metrics,
    /// Where clients reach this service (`https://docs.example.com`):
    /// open-link URLs and the links events carry start with it.
    pub public_url: String,
    /// Seals webhook endpoint secrets.
    pub secrets: SecretBox,
    /// Where webhook URLs may point.
    pub webhook_policy: AddressPolicy,
    /// The running webhook dispatcher.
    pub dispatcher: Dispatcher,
    /// A person's open this long after their previous one raises `document.opened` again.
    pub reopen_after: chrono::Duration,
}

/// What the service's handlers share: storage, the render workers,
/// metrics, the webhook dispatcher. Cheap to clone.
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
    secrets: SecretBox,
    webhook_policy: AddressPolicy,
    dispatcher: Dispatcher,
    offer_locks: super::offer::OfferLocks,
    input_schemas: crate::offer::SchemaCache,
    batch_signal: tokio::sync::Notify,
}

impl AppState {
    /// Assembles the state from its parts. Must be called within the tokio
    /// runtime: it starts the open recorder's writer task.
    pub fn new(parts: Parts) -> Self {
        let Parts { store, blobs, workers, plugins, metrics, public_url, secrets, webhook_policy, dispatcher, reopen_after } = parts;
        let public_url = public_url.trim_end_matches('/').to_string();
        let opened = OpenedPolicy { base_url: public_url.clone(), reopen_after };
        AppState {
            inner: Arc::new(Inner {
                versions: VersionCache::default(),
                open_cache: Default::default(),
                open_recorder: super::openlog::OpenRecorder::start(store.clone(), metrics.opens_unrecorded.clone(), opened),
                open_limiter: super::ratelimit::RateLimiter::new(0),
                suspensions: Suspensions::new(std::time::Duration::from_secs(600)),
                public_url,
                store,
                blobs,
                workers,
                plugins,
                metrics,
                keys: KeyCache::default(),
                secrets,
                webhook_policy,
                dispatcher,
                offer_locks: Default::default(),
                input_schemas: Default::default(),
                batch_signal: tokio::sync::Notify::new(),
            }),
        }
    }

    /// Woken when a billing run is submitted or resumed in this process.
    pub(crate) fn batch_signal(&self) -> &tokio::sync::Notify {
        &self.inner.batch_signal
    }

    /// Turns taken by accepts of one link in this process.
    pub(crate) fn offer_locks(&self) -> &super::offer::OfferLocks {
        &self.inner.offer_locks
    }

    /// Actions' inputs schemas, compiled once.
    pub(crate) fn input_schemas(&self) -> &crate::offer::SchemaCache {
        &self.inner.input_schemas
    }

    /// Seals and opens webhook endpoint secrets (and receipt keys).
    pub fn secrets(&self) -> &SecretBox {
        &self.inner.secrets
    }

    /// Where webhook URLs may point.
    pub fn webhook_policy(&self) -> AddressPolicy {
        self.inner.webhook_policy
    }

    /// The webhook dispatcher.
    pub fn dispatcher(&self) -> &Dispatcher {
        &self.inner.dispatcher
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
