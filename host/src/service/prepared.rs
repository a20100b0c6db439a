//! Plugin versions made ready for the render workers, by bundle digest.
//!
//! The service never parses or loads a bundle itself beyond its
//! `plugin.toml`: it holds each version's bundle bytes and compiled plugin
//! (from the artifact cache, or from a contained compilation) and hands
//! them to the workers, which verify and load them. Concurrent first
//! requests for one digest wait for a single preparation. At most
//! `capacity` versions are kept (least recently used go first); an evicted
//! version is simply prepared again when it is next asked for.

use super::problem::{ApiResult, Problem};
use crate::contain::{Facts, PluginFiles, Workers};
use crate::runtime::ArtifactCache;
use crate::store::{BlobStore, PluginVersion};
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::OnceCell;

/// A version ready to load into workers.
pub struct Prepared {
    pub files: Arc<PluginFiles>,
    /// What its templates can render, learned once.
    facts: OnceCell<Facts>,
}

impl Prepared {
    /// What the version's templates can render (compiled in a worker on
    /// first use).
    pub async fn facts(&self, workers: &Workers) -> ApiResult<Facts> {
        self.facts.get_or_try_init(|| async { workers.inspect(&self.files).await.map_err(Problem::from) }).await.cloned()
    }
}

/// Prepared versions by digest.
pub struct PreparedPlugins {
    artifacts: ArtifactCache,
    by_digest: Mutex<lru::LruCache<String, Arc<OnceCell<Arc<Prepared>>>>>,
    loads: std::sync::atomic::AtomicU64,
}

impl PreparedPlugins {
    /// Keeps at most `capacity` versions, with compiled plugins cached in `artifacts`.
    pub fn new(artifacts: ArtifactCache, capacity: usize) -> Self {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        PreparedPlugins { artifacts, by_digest: Mutex::new(lru::LruCache::new(capacity)), loads: Default::default() }
    }

    /// The compiled-plugin cache.
    pub fn artifacts(&self) -> &ArtifactCache {
        &self.artifacts
    }

    /// How many times a version was prepared (read from the blob store).
    pub fn loads(&self) -> u64 {
        self.loads.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Keeps an uploaded version that was just admitted.
    pub fn insert(&self, files: Arc<PluginFiles>, facts: Facts) {
        let cell = Arc::new(OnceCell::new());
        let digest = files.digest.clone();
        let _ = cell.set(Arc::new(Prepared { files, facts: OnceCell::new_with(Some(facts)) }));
        self.by_digest.lock().unwrap_or_else(PoisonError::into_inner).put(digest, cell);
    }

    /// The prepared version, preparing it on first use.
    pub async fn get(&self, version: &PluginVersion, blobs: &BlobStore, workers: &Workers) -> ApiResult<Arc<Prepared>> {
        let cell = {
            let mut map = self.by_digest.lock().unwrap_or_else(PoisonError::into_inner);
            match map.get(&version.digest) {
                Some(cell) => cell.clone(),
                None => {
                    let cell = Arc::new(OnceCell::new());
                    map.put(version.digest.clone(), cell.clone());
                    cell
                }
            }
        };
        let prepared = cell
            .get_or_try_init(|| async {
                let what = format!("the stored bundle of {}@{}", version.name, version.version);
                let blobs = blobs.clone();
                let sha = version.bundle_sha256.clone();
                let bytes = tokio::task::spawn_blocking(move || blobs.get(&sha))
                    .await
                    .map_err(|e| Problem::internal(format!("reading {what}: {e}")))?
                    .map_err(|e| Problem::internal(format!("{what}: {e}")))?;
                self.loads.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let prepared = workers
                    .prepare(Arc::from(bytes), Some(&self.artifacts))
                    .await
                    .map_err(|e| Problem::internal(format!("{what} cannot be prepared: {e}")))?;
                if prepared.files.digest != version.digest {
                    return Err(Problem::internal(format!(
                        "{what} has digest {}, not the recorded {}",
                        prepared.files.digest, version.digest
                    )));
                }
                let facts = match prepared.facts {
                    Some(facts) => OnceCell::new_with(Some(facts)),
                    None => OnceCell::new(),
                };
                Ok(Arc::new(Prepared { files: prepared.files, facts }))
            })
            .await?;
        Ok(prepared.clone())
    }
}
