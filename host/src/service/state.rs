//! The one `AppState` every handler shares.

use super::auth::KeyCache;
use super::loaded::LoadedPlugins;
use super::metrics::Metrics;
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
}

impl AppState {
    /// Assembles the state from its parts.
    pub fn new(store: Store, blobs: BlobStore, runtime: Runtime, renderer: Renderer, metrics: Metrics) -> Self {
        AppState {
            inner: Arc::new(Inner {
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

    /// Recently verified API keys.
    pub fn keys(&self) -> &KeyCache {
        &self.inner.keys
    }
}
