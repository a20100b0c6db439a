//! The CLI's render workers: `folio render`, `plan`, `plugin check` and
//! `plugin build` plan, render and compile in a contained worker exactly as
//! the service does, so a hostile bundle or input fails them with one line
//! instead of crashing the command.

use folio::bundle::{BundleLimits, BundleManifest, peek_manifest};
use folio::contain::{Admitted, Budgets, ContainConfig, Failure, Prepared, Workers};
use folio::render::RenderLimits;
use folio::runtime::ArtifactCache;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What every contained command shares: budgets and the compiled-plugin cache.
#[derive(Debug, Clone)]
pub struct Settings {
    pub budgets: Budgets,
    pub render_limits: RenderLimits,
    /// `None`: compile on every run.
    pub cache_dir: Option<PathBuf>,
}

/// One worker for a one-off command.
pub struct Contained {
    runtime: tokio::runtime::Runtime,
    workers: Workers,
    cache: Option<ArtifactCache>,
}

impl Contained {
    /// Starts the zygote and one worker.
    pub fn start(settings: &Settings) -> Result<Self, String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the async runtime: {e}"))?;
        let mut config = ContainConfig::for_this_program()?;
        config.workers = 1;
        config.per_version = 1;
        config.parse_fonts_early = false;
        config.budgets = settings.budgets.clone();
        config.render_limits = settings.render_limits;
        let workers = runtime.block_on(Workers::start(config))?;
        let cache = match &settings.cache_dir {
            Some(dir) => Some(
                ArtifactCache::open(dir, workers.fingerprint())
                    .map_err(|e| format!("cannot open the compiled-plugin cache at {}: {e}", dir.display()))?,
            ),
            None => None,
        };
        Ok(Contained { runtime, workers, cache })
    }

    pub fn workers(&self) -> &Workers {
        &self.workers
    }

    /// Runs `future` to completion.
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// The bundle file at `path`, ready to load into the worker.
    pub fn prepare(&self, path: &Path) -> Result<Prepared, String> {
        let bytes = read_bundle(path)?;
        self.block_on(self.workers.prepare(bytes, self.cache.as_ref())).map_err(|e| format!("{}: {}", path.display(), line(&e)))
    }

    /// The bundle file at `path` verified and compiled: its claimed
    /// manifest and what the contained check found.
    pub fn admit(&self, path: &Path) -> Result<(BundleManifest, Admitted), String> {
        let bytes = read_bundle(path)?;
        let claimed = peek_manifest(&bytes, &BundleLimits::default()).map_err(|e| format!("{}: {e}", path.display()))?;
        let cached = Workers::cached_artifact(self.cache.as_ref(), &claimed);
        let admitted = self
            .block_on(self.workers.admit(&bytes, cached.as_deref()))
            .map_err(|e| format!("{}: {}", path.display(), line_about(&e, "checking and compiling it")))?;
        if let (Some(cache), Some(wasm)) = (&self.cache, claimed.files.get(folio::bundle::WASM_FILE)) {
            cache.put(folio::digest::untagged(wasm), &admitted.artifact);
        }
        Ok((claimed, admitted))
    }
}

/// A bundle file's bytes, refused early when over the size limit.
fn read_bundle(path: &Path) -> Result<Arc<[u8]>, String> {
    let limit = BundleLimits::default().max_bundle_bytes;
    let size = std::fs::metadata(path).map_err(|e| format!("cannot read bundle {}: {e}", path.display()))?.len();
    if size > limit as u64 {
        return Err(format!("{}: bundle is {size} bytes, over the {limit}-byte limit", path.display()));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read bundle {}: {e}", path.display()))?;
    Ok(Arc::from(bytes))
}

/// A failure of a render as the one line the CLI prints.
pub fn line(failure: &Failure) -> String {
    line_about(failure, "the render")
}

/// A failure of `subject` ("checking the bundle") as one line.
pub fn line_about(failure: &Failure, subject: &str) -> String {
    match failure.stop_class() {
        Some(class) => format!("stopped ({}): {}", class.as_str(), failure.described(subject)),
        None => failure.to_string(),
    }
}
