//! The plugin contract, `folio:document`, as the host sees it.
//!
//! [`types`] holds the host's own, version-independent view of manifests,
//! requests and plans. Each contract version has one binding module
//! (`v0_1`, later `v0_2`, ...) that generates wasmtime bindings from
//! `wit/vX.Y/` and converts between them and [`types`]. Adding a contract
//! version adds a module; plugins built against older versions keep working.

pub mod types;
pub(crate) mod v0_1;

use std::fmt;

/// A version of the plugin contract the host can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ContractVersion {
    /// `folio:document@0.1.0`.
    V0_1,
}

impl ContractVersion {
    /// Every version this host supports, oldest first.
    pub const ALL: [ContractVersion; 1] = [ContractVersion::V0_1];

    /// The newest version; `folio plugin build` targets it.
    pub const LATEST: ContractVersion = ContractVersion::V0_1;

    /// The WIT package id, e.g. `folio:document@0.1.0`.
    pub fn package(self) -> &'static str {
        match self {
            ContractVersion::V0_1 => "folio:document@0.1.0",
        }
    }

    /// The component imports a plugin of this version may have: the `types`
    /// interface (types only) and the `host` interface. Anything else — WASI
    /// included — is refused at load time.
    pub fn allowed_imports(self) -> &'static [&'static str] {
        match self {
            ContractVersion::V0_1 => &["folio:document/types@0.1.0", "folio:document/host@0.1.0"],
        }
    }

    /// The functions a plugin of this version must export.
    pub fn required_exports(self) -> &'static [&'static str] {
        match self {
            ContractVersion::V0_1 => &["describe", "plan"],
        }
    }

    /// Parses a package id as written in `plugin.toml` (`folio:document@0.1.0`).
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.package() == text.trim())
    }
}

impl fmt::Display for ContractVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.package())
    }
}

/// A compiled plugin linked against its contract version's bindings.
pub(crate) enum Bindings {
    V0_1(v0_1::Pre),
}

/// A plan as returned by a plugin of some contract version, not yet checked.
pub(crate) enum RawPlan {
    V0_1(v0_1::RawPlan),
}

use crate::runtime::CallState;
use wasmtime::Store;
use wasmtime::component::{InstancePre, Linker};

impl Bindings {
    /// Registers `version`'s host interfaces in `linker`.
    pub(crate) fn add_to_linker(version: ContractVersion, linker: &mut Linker<CallState>) -> wasmtime::Result<()> {
        match version {
            ContractVersion::V0_1 => v0_1::add_to_linker(linker),
        }
    }

    /// Checks the component's exports against `version`'s world.
    pub(crate) fn new(version: ContractVersion, pre: InstancePre<CallState>) -> wasmtime::Result<Self> {
        match version {
            ContractVersion::V0_1 => Ok(Bindings::V0_1(v0_1::Pre::new(pre)?)),
        }
    }

    /// Instantiates the plugin in `store` and calls `describe`.
    pub(crate) fn describe(&self, store: &mut Store<CallState>) -> wasmtime::Result<types::Manifest> {
        match self {
            Bindings::V0_1(pre) => pre.describe(store),
        }
    }

    /// Instantiates the plugin in `store` and calls `plan`.
    pub(crate) fn plan(
        &self,
        store: &mut Store<CallState>,
        request: &types::Request,
    ) -> wasmtime::Result<Result<RawPlan, types::PlanError>> {
        match self {
            Bindings::V0_1(pre) => Ok(pre.plan(store, request)?.map(RawPlan::V0_1)),
        }
    }
}

impl RawPlan {
    /// Bytes of plugin output in the plan.
    pub(crate) fn size(&self) -> usize {
        match self {
            RawPlan::V0_1(p) => p.size(),
        }
    }

    /// The host's plan; the error names the plan field that is not valid JSON.
    pub(crate) fn into_plan(self) -> Result<types::Plan, (String, String)> {
        match self {
            RawPlan::V0_1(p) => p.into_plan(),
        }
    }
}
