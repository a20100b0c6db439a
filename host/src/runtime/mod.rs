//! The sandbox: runs plugin components under wasmtime with hard limits.
//!
//! Shaped like wasmtime's own embedding API, one job per type:
//! - [`Runtime`]: the engine, the pooling allocator, the epoch ticker, the
//!   artifact cache and the instance gate; shared by every plugin.
//! - [`Plugin`]: one plugin version, compiled once and pre-linked
//!   (`InstancePre`); cheap to clone and safe to call from many threads.
//! - `CallState`: the store data of a single call. Every call gets a fresh
//!   store and instance, so no state can carry from one render to the next.
//!
//! Every way a call can go wrong is a [`CallError`] variant; none of them
//! panics the host or disturbs other calls.

mod bindings;
mod cache;
mod config;
mod error;
mod gate;
mod plugin;
mod state;
mod ticker;

pub use cache::ArtifactCache;
pub use config::{Limits, RuntimeConfig, default_cache_dir};
pub use error::{CallError, LoadError};
pub use plugin::{CompiledFrom, Plugin};
pub use state::CallState;

use crate::bundle::Bundle;
use crate::contract::ContractVersion;
use bindings::Bindings;
use gate::Gate;
use std::collections::HashMap;
use std::sync::Arc;
use ticker::Ticker;
use wasmtime::component::{Component, Linker};
use wasmtime::{Config, Enabled, Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

/// Runs plugins. Create one per process and share it (it is cheap to clone).
#[derive(Clone)]
pub struct Runtime {
    inner: Arc<Shared>,
}

/// What every call on every plugin shares.
pub(crate) struct Shared {
    engine: Engine,
    linkers: HashMap<ContractVersion, Linker<CallState>>,
    config: RuntimeConfig,
    cache: Option<ArtifactCache>,
    fingerprint: String,
    gate: Gate,
    _ticker: Ticker,
}

impl Runtime {
    /// Builds the engine and starts the epoch ticker. Fails if the pooling
    /// allocator cannot reserve its address space or the cache directory
    /// cannot be created.
    pub fn new(config: RuntimeConfig) -> anyhow::Result<Self> {
        let engine = Engine::new(&engine_config(&config)).map_err(|e| anyhow::anyhow!("could not create the wasmtime engine: {e}"))?;
        let mut linkers = HashMap::new();
        for version in ContractVersion::ALL {
            let mut linker = Linker::new(&engine);
            Bindings::add_to_linker(version, &mut linker)
                .map_err(|e| anyhow::anyhow!("could not link the {version} host interface: {e}"))?;
            linkers.insert(version, linker);
        }
        let fingerprint = cache::engine_fingerprint(&engine);
        let cache = match &config.cache_dir {
            Some(dir) => Some(
                ArtifactCache::open(dir, &fingerprint)
                    .map_err(|e| anyhow::anyhow!("could not open the compiled-plugin cache at {}: {e}", dir.display()))?,
            ),
            None => None,
        };
        let ticker = Ticker::start(engine.clone(), config.epoch_tick)
            .map_err(|e| anyhow::anyhow!("could not start the epoch ticker thread: {e}"))?;
        let gate = Gate::new(config.max_concurrent_calls);
        Ok(Runtime { inner: Arc::new(Shared { engine, linkers, config, cache, fingerprint, gate, _ticker: ticker }) })
    }

    /// The configuration the runtime was built with.
    pub fn config(&self) -> &RuntimeConfig {
        &self.inner.config
    }

    /// The limits every call runs under.
    pub fn limits(&self) -> &Limits {
        &self.inner.config.limits
    }

    /// A short hex fingerprint of the wasmtime version and the engine
    /// settings that shape compiled code: compiled plugins are only
    /// interchangeable between engines with the same fingerprint.
    pub fn fingerprint(&self) -> &str {
        &self.inner.fingerprint
    }

    /// Loads a bundle's plugin: compiles it (or takes it from the cache),
    /// checks its imports and exports against its contract, calls `describe`
    /// and checks the answer agrees with the bundle's manifest. Keep the
    /// [`Plugin`] to call it again; the runtime holds no plugins itself.
    pub fn load(&self, bundle: &Bundle) -> Result<Plugin, LoadError> {
        let expected = &bundle.manifest().plugin;
        // Compiled code is cached by the component's own digest, so bundles
        // that differ only in templates share one compiled artifact.
        let plugin = self.load_component(bundle.wasm(), bundle.contract(), bundle.wasm_digest(), &expected.name)?;
        compare_manifests(expected, plugin.manifest())?;
        Ok(plugin)
    }

    /// Loads a component that has no bundle yet (as `folio plugin build`
    /// does to learn its manifest). `digest` (the component's SHA-256, hex)
    /// keys the artifact cache.
    pub fn load_component(&self, wasm: &[u8], contract: ContractVersion, digest: &str, name_hint: &str) -> Result<Plugin, LoadError> {
        let shared = &self.inner;
        if let Some(cache) = &shared.cache
            && let Some(artifact) = cache.get(digest)
        {
            match self.link(self.deserialize(&artifact)?, contract, digest, name_hint, CompiledFrom::Artifact) {
                Ok(plugin) => return Ok(plugin),
                Err(LoadError::Artifact(why)) => {
                    tracing::warn!(digest, "discarding a cached compiled plugin: {why}");
                    cache.remove(digest);
                }
                Err(other) => return Err(other),
            }
        }
        let (plugin, artifact) = self.compile(wasm, contract, name_hint)?;
        if let Some(cache) = &shared.cache {
            cache.put(digest, &artifact);
        }
        Ok(plugin)
    }

    /// Compiles a component with Cranelift, checks it against its contract
    /// and asks it to describe itself. Returns the plugin and the compiled
    /// artifact (for a cache, or for another process with the same
    /// [`Runtime::fingerprint`] to load with [`Runtime::load_precompiled`]).
    pub fn compile(&self, wasm: &[u8], contract: ContractVersion, name_hint: &str) -> Result<(Plugin, Vec<u8>), LoadError> {
        let component = Component::new(&self.inner.engine, wasm).map_err(|e| LoadError::Compile(format!("{e:#}")))?;
        let artifact = component.serialize().map_err(|e| LoadError::Compile(format!("cannot serialize the compiled plugin: {e:#}")))?;
        let digest = crate::digest::sha256_hex(wasm);
        let plugin = self.link(component, contract, &digest, name_hint, CompiledFrom::Cranelift)?;
        Ok((plugin, artifact))
    }

    /// [`Runtime::compile`] for a bundle's component, also checking that the
    /// plugin describes itself as the bundle's `plugin.toml` says.
    pub fn compile_bundle(&self, bundle: &Bundle) -> Result<(Plugin, Vec<u8>), LoadError> {
        let expected = &bundle.manifest().plugin;
        let (plugin, artifact) = self.compile(bundle.wasm(), bundle.contract(), &expected.name)?;
        compare_manifests(expected, plugin.manifest())?;
        Ok((plugin, artifact))
    }

    /// Loads a bundle's plugin from an artifact compiled by an engine with
    /// this runtime's fingerprint, with the same checks as [`Runtime::load`].
    ///
    /// The artifact is machine code: pass only bytes this host compiled
    /// itself (from an [`ArtifactCache`], or from [`Runtime::compile`] in a
    /// contained worker).
    pub fn load_precompiled(&self, bundle: &Bundle, artifact: &[u8]) -> Result<Plugin, LoadError> {
        let expected = &bundle.manifest().plugin;
        let plugin =
            self.link(self.deserialize(artifact)?, bundle.contract(), bundle.wasm_digest(), &expected.name, CompiledFrom::Artifact)?;
        compare_manifests(expected, plugin.manifest())?;
        Ok(plugin)
    }

    fn deserialize(&self, artifact: &[u8]) -> Result<Component, LoadError> {
        // SAFETY: callers pass only artifacts this host compiled (see
        // `load_precompiled`); wasmtime also checks the artifact was made by
        // an engine with this configuration.
        unsafe { Component::deserialize(&self.inner.engine, artifact) }.map_err(|e| LoadError::Artifact(format!("{e:#}")))
    }

    /// Checks a compiled component against its contract and wraps it.
    fn link(
        &self,
        component: Component,
        contract: ContractVersion,
        digest: &str,
        name_hint: &str,
        from: CompiledFrom,
    ) -> Result<Plugin, LoadError> {
        let shared = &self.inner;
        check_imports(&shared.engine, &component, contract)?;
        let linker = &shared.linkers[&contract];
        let pre = linker
            .instantiate_pre(&component)
            .map_err(|e| LoadError::Exports { contract: contract.to_string(), message: format!("{e:#}") })?;
        let bindings =
            Bindings::new(contract, pre).map_err(|e| LoadError::Exports { contract: contract.to_string(), message: format!("{e:#}") })?;
        Plugin::new(self.inner.clone(), bindings, digest.to_string(), name_hint, from)
    }
}

/// Linear memory per pool slot kept resident and reset in place (only its
/// dirtied pages) rather than decommitted: see `contract::layout`.
const KEEP_RESIDENT_BYTES: usize = crate::contract::layout::RESIDENT_WINDOW;

fn engine_config(config: &RuntimeConfig) -> Config {
    let n = config.max_concurrent_calls.max(1);
    let mut pool = PoolingAllocationConfig::new();
    // A Rust plugin component has one memory, a few tables and a few core
    // instances (the module plus canonical-ABI shims).
    pool.total_component_instances(n)
        .total_core_instances(n.saturating_mul(4))
        .total_memories(n.saturating_mul(2))
        .total_tables(n.saturating_mul(4))
        .max_memory_size(config.limits.max_memory_bytes.next_multiple_of(64 << 10))
        // Reset only the pages a call dirtied, and keep them resident, so the
        // next call on the slot takes no page faults (Linux 6.7+; elsewhere
        // wasmtime falls back to madvise).
        .pagemap_scan(Enabled::Auto)
        .linear_memory_keep_resident(KEEP_RESIDENT_BYTES)
        .table_keep_resident(64 << 10);
    let mut wasm = Config::new();
    wasm.parallel_compilation(config.parallel_compilation);
    wasm.wasm_component_model(true)
        .epoch_interruption(true)
        .max_wasm_stack(config.limits.max_stack_bytes)
        .memory_init_cow(true)
        .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
    wasm
}

/// Refuses components that import anything outside their contract's world.
fn check_imports(engine: &Engine, component: &Component, contract: ContractVersion) -> Result<(), LoadError> {
    let allowed = contract.allowed_imports();
    for (name, _) in component.component_type().imports(engine) {
        if !allowed.contains(&name) {
            return Err(LoadError::ForbiddenImport {
                import: name.to_string(),
                contract: contract.to_string(),
                allowed: allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(" and "),
            });
        }
    }
    Ok(())
}

/// The bundle's manifest must say exactly what the plugin says.
fn compare_manifests(bundle: &crate::contract::types::Manifest, plugin: &crate::contract::types::Manifest) -> Result<(), LoadError> {
    let mismatch = |field: &str, a: String, b: String| LoadError::ManifestMismatch { field: field.to_string(), in_bundle: a, in_plugin: b };
    if bundle.name != plugin.name {
        return Err(mismatch("name", bundle.name.clone(), plugin.name.clone()));
    }
    if bundle.version != plugin.version {
        return Err(mismatch("version", bundle.version.clone(), plugin.version.clone()));
    }
    if bundle.kinds != plugin.kinds {
        let json = |v: &Vec<_>| serde_json::to_string(v).unwrap_or_default();
        return Err(mismatch("kinds", json(&bundle.kinds), json(&plugin.kinds)));
    }
    Ok(())
}
