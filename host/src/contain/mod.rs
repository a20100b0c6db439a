//! Containment: every render runs in a worker process it cannot harm
//! anything from.
//!
//! The Wasm sandbox confines a plugin's code. Everything else a bundle
//! brings (templates and partials, SVG, the HTML that is laid out for PDF,
//! the component that Cranelift compiles) is processed by native code in
//! the host, which has bugs nobody has found yet. So that work happens in
//! worker processes, and a fault there costs one render, never the
//! service:
//!
//! - [`Workers`] is the pool, on the parent's side. Billing runs have
//!   workers of their own, at a lower CPU priority ([`Lane`]). A call
//!   waits in its lane's queue; one plugin version may hold only part of
//!   the interactive workers; a call's
//!   CPU time and memory are budgeted per output format ([`Budgets`]); a
//!   worker past its CPU budget is killed and replaced.
//! - The zygote (`zygote.rs`, `folio __zygote`) is a single-threaded
//!   process that loads what renders share (the renderer and its fonts)
//!   and forks workers, which share that memory copy-on-write.
//! - A worker (`worker.rs`) counts its allocations against the call's
//!   memory budget ([`crate::budget`], through the binary's allocator),
//!   and runs under a seccomp filter (`seccomp.rs`) that
//!   leaves it no files, sockets or processes.
//! - `wire.rs` frames the calls and answers.
//!
//! [`Failure`] says how a call failed: the worker's own answer (a plan or
//! template error, a refused bundle), or a [`StopClass`] (timeout, memory,
//! crash) when the worker did not survive to answer.

mod config;
mod pool;
mod seccomp;
mod wire;
mod worker;
mod zygote;

pub use config::{BatchPriority, Budget, Budgets, ContainConfig};
pub use pool::{Failure, Lane, LaneStats, PluginFiles, PoolStats, StopClass, Workers, lower_priority};
pub use wire::{Facts, JobError};
pub use zygote::run as run_zygote;

use crate::bundle::{BundleLimits, BundleManifest, WASM_FILE, peek_manifest};
use crate::contract::ContractVersion;
use crate::contract::types::{Manifest, Plan, Request};
use crate::render::{Document, Format, PageView};
use crate::runtime::ArtifactCache;
use chrono::{DateTime, Utc};
use std::sync::Arc;
use wire::{Call, Reply};

/// A bundle admitted by a contained compilation.
#[derive(Debug)]
pub struct Admitted {
    /// What the plugin's `describe` said (equal to its `plugin.toml`).
    pub manifest: Manifest,
    /// The bundle's content digest.
    pub digest: String,
    pub facts: Facts,
    /// The compiled plugin, for the artifact cache.
    pub artifact: Vec<u8>,
}

/// A bundle ready to load into workers.
#[derive(Debug)]
pub struct Prepared {
    pub files: Arc<PluginFiles>,
    /// Its `plugin.toml`.
    pub manifest: BundleManifest,
    /// Known when the bundle had to be admitted (compiled) to prepare it.
    pub facts: Option<Facts>,
}

fn unexpected(reply: Reply) -> Failure {
    Failure::Job(JobError::Protocol(format!("unexpected answer {reply:?}")))
}

impl Workers {
    /// Plans `request` with the plugin in `files` and renders it as `format`.
    pub async fn render(&self, files: &Arc<PluginFiles>, request: Request, format: Format) -> Result<Document, Failure> {
        let budget = self.config().budgets.for_format(format);
        let call = Call::Render { digest: files.digest.clone(), request, format, memory: budget.memory };
        match self.run(Some(files.clone()), call, Vec::new(), budget).await? {
            (Reply::Document { format, file_name, freshness_seconds }, bytes) => {
                Ok(Document { format, bytes, file_name, freshness_seconds })
            }
            (other, _) => Err(unexpected(other)),
        }
    }

    /// Renders `plan`, made by the plugin in `files` for `request`, as
    /// `format`; with `view`, as an interactive document's own page.
    pub async fn render_plan(
        &self,
        files: &Arc<PluginFiles>,
        request: Request,
        plan: Plan,
        format: Format,
        view: Option<PageView>,
    ) -> Result<Document, Failure> {
        let budget = self.config().budgets.for_format(format);
        let call = Call::RenderPlan { digest: files.digest.clone(), request, plan: Box::new(plan), format, view, memory: budget.memory };
        match self.run(Some(files.clone()), call, Vec::new(), budget).await? {
            (Reply::Document { format, file_name, freshness_seconds }, bytes) => {
                Ok(Document { format, bytes, file_name, freshness_seconds })
            }
            (other, _) => Err(unexpected(other)),
        }
    }

    /// Plans `request` with the plugin in `files`, without rendering.
    pub async fn plan(&self, files: &Arc<PluginFiles>, request: Request) -> Result<Plan, Failure> {
        let budget = self.config().budgets.for_format(Format::Json);
        let call = Call::Plan { digest: files.digest.clone(), request, memory: budget.memory };
        match self.run(Some(files.clone()), call, Vec::new(), budget).await? {
            (Reply::Plan(plan), _) => Ok(plan),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// Renders the fallback `template` declares, in `format`, for a reader
    /// in `locale`; `None` when it declares none.
    pub async fn fallback(
        &self,
        files: &Arc<PluginFiles>,
        template: &str,
        locale: &str,
        at: DateTime<Utc>,
        format: Format,
    ) -> Result<Option<Document>, Failure> {
        let budget = self.config().budgets.for_format(format);
        let call = Call::Fallback {
            digest: files.digest.clone(),
            template: template.to_string(),
            locale: locale.to_string(),
            at,
            format,
            memory: budget.memory,
        };
        match self.run(Some(files.clone()), call, Vec::new(), budget).await? {
            (Reply::Document { format, file_name, freshness_seconds }, bytes) => {
                Ok(Some(Document { format, bytes, file_name, freshness_seconds }))
            }
            (Reply::NoFallback, _) => Ok(None),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// What the bundle in `files` can render (its templates compiled).
    pub async fn inspect(&self, files: &Arc<PluginFiles>) -> Result<Facts, Failure> {
        let budget = self.config().budgets.html;
        let call = Call::Inspect { digest: files.digest.clone(), memory: budget.memory };
        match self.run(Some(files.clone()), call, Vec::new(), budget).await? {
            (Reply::Facts(facts), _) => Ok(facts),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// Verifies a bundle and compiles its plugin in a worker of its own,
    /// under the compile budget: digests, contract, exports, `describe`
    /// against `plugin.toml`, and every template. With `compiled` (this
    /// engine's artifact for the bundle's component, from the cache) the
    /// plugin is loaded from it rather than compiled again.
    pub async fn admit(&self, bundle: &[u8], compiled: Option<&[u8]>) -> Result<Admitted, Failure> {
        let budget = self.config().budgets.compile;
        let mut body = Vec::with_capacity(bundle.len() + compiled.map_or(0, <[u8]>::len));
        body.extend_from_slice(bundle);
        body.extend_from_slice(compiled.unwrap_or_default());
        match self.run_alone(Call::Admit { bundle_len: bundle.len(), memory: budget.memory }, body, budget).await? {
            (Reply::Admitted { manifest, digest, facts }, artifact) => Ok(Admitted { manifest, digest, facts, artifact }),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// Compiles a component that has no bundle yet (`folio plugin build`)
    /// in a worker of its own, and returns what it describes and the
    /// compiled artifact.
    pub async fn compile(&self, wasm: Vec<u8>, contract: ContractVersion) -> Result<(Manifest, Vec<u8>), Failure> {
        let budget = self.config().budgets.compile;
        match self.run_alone(Call::Compile { contract, memory: budget.memory }, wasm, budget).await? {
            (Reply::Compiled { manifest }, artifact) => Ok((manifest, artifact)),
            (other, _) => Err(unexpected(other)),
        }
    }

    /// The compiled plugin `cache` holds for the component `manifest` lists.
    pub fn cached_artifact(cache: Option<&ArtifactCache>, manifest: &BundleManifest) -> Option<Vec<u8>> {
        let wasm = crate::digest::untagged(manifest.files.get(WASM_FILE)?);
        cache?.get(wasm)
    }

    /// Makes `bundle` ready to load: its compiled plugin from `cache` (the
    /// component's digest, under this engine's fingerprint), or else a
    /// contained compilation whose result is cached. Reads only the
    /// bundle's `plugin.toml` itself; everything else happens in workers.
    pub async fn prepare(&self, bundle: Arc<[u8]>, cache: Option<&ArtifactCache>) -> Result<Prepared, Failure> {
        let manifest = peek_manifest(&bundle, &BundleLimits::default()).map_err(|e| Failure::Job(JobError::Bundle(e.to_string())))?;
        let wasm_digest = manifest.files.get(WASM_FILE).map(|d| crate::digest::untagged(d).to_string());
        let digest = crate::digest::untagged(&manifest.digest).to_string();
        if let (Some(cache), Some(wasm_digest)) = (cache, &wasm_digest)
            && let Some(artifact) = cache.get(wasm_digest)
        {
            let files = Arc::new(PluginFiles { digest, bundle, artifact: artifact.into() });
            return Ok(Prepared { files, manifest, facts: None });
        }
        let admitted = self.admit(&bundle, None).await?;
        if let (Some(cache), Some(wasm_digest)) = (cache, &wasm_digest) {
            cache.put(wasm_digest, &admitted.artifact);
        }
        let files = Arc::new(PluginFiles { digest: admitted.digest, bundle, artifact: admitted.artifact.into() });
        Ok(Prepared { files, manifest, facts: Some(admitted.facts) })
    }
}
