//! Plugins loaded into the sandbox, shared by every render.
//!
//! Each bundle digest is loaded once (read from the blob store, verified,
//! compiled or taken from the artifact cache) and then shared by all
//! renders. Concurrent first requests for one digest wait for a single load;
//! loads run on the blocking pool, so loading a new version never pauses
//! renders of the others.

use super::problem::{ApiResult, Problem};
use crate::bundle::{Bundle, BundleLimits};
use crate::runtime::{Plugin, Runtime};
use crate::store::{BlobStore, PluginVersion};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::OnceCell;

/// A verified bundle and its loaded plugin.
pub struct Loaded {
    pub bundle: Bundle,
    pub plugin: Plugin,
}

/// Loaded plugins by bundle digest.
pub struct LoadedPlugins {
    runtime: Runtime,
    by_digest: Mutex<HashMap<String, Arc<OnceCell<Arc<Loaded>>>>>,
}

impl LoadedPlugins {
    /// An empty set over `runtime`.
    pub fn new(runtime: Runtime) -> Self {
        LoadedPlugins { runtime, by_digest: Mutex::new(HashMap::new()) }
    }

    /// The sandbox.
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// Parses, verifies and loads an uploaded bundle exactly as renders will
    /// use it, on the blocking pool. The error says why it was refused.
    pub async fn load_upload(&self, bytes: Arc<[u8]>) -> Result<Arc<Loaded>, String> {
        let runtime = self.runtime.clone();
        let loaded = tokio::task::spawn_blocking(move || -> Result<Loaded, String> {
            let bundle = Bundle::from_bytes(&bytes, &BundleLimits::default()).map_err(|e| e.to_string())?;
            let plugin = runtime.load(&bundle).map_err(|e| e.to_string())?;
            Ok(Loaded { bundle, plugin })
        })
        .await
        .map_err(|e| format!("loading the bundle failed: {e}"))??;
        let loaded = Arc::new(loaded);
        let cell = self.cell(loaded.bundle.digest());
        let _ = cell.set(loaded.clone());
        Ok(loaded)
    }

    /// The loaded plugin of a stored version, loading it on first use.
    pub async fn get(&self, version: &PluginVersion, blobs: &BlobStore) -> ApiResult<Arc<Loaded>> {
        let cell = self.cell(&version.digest);
        let loaded = cell
            .get_or_try_init(|| async {
                let runtime = self.runtime.clone();
                let blobs = blobs.clone();
                let version = version.clone();
                tokio::task::spawn_blocking(move || -> Result<Arc<Loaded>, String> {
                    let what = format!("stored bundle of {}@{}", version.name, version.version);
                    let bytes = blobs.get(&version.bundle_sha256).map_err(|e| format!("{what}: {e}"))?;
                    let bundle = Bundle::from_bytes(&bytes, &BundleLimits::default()).map_err(|e| format!("{what}: {e}"))?;
                    if bundle.digest() != version.digest {
                        return Err(format!("{what} has digest {}, not the recorded {}", bundle.digest(), version.digest));
                    }
                    let plugin = runtime.load(&bundle).map_err(|e| format!("{what}: {e}"))?;
                    Ok(Arc::new(Loaded { bundle, plugin }))
                })
                .await
                .map_err(|e| format!("loading a plugin failed: {e}"))?
            })
            .await
            .map_err(Problem::internal)?;
        Ok(loaded.clone())
    }

    fn cell(&self, digest: &str) -> Arc<OnceCell<Arc<Loaded>>> {
        self.by_digest.lock().unwrap_or_else(PoisonError::into_inner).entry(digest.to_string()).or_default().clone()
    }
}
