//! The wasmtime bindings of each contract version, one module per version
//! (`v0_1.rs` from `wit/v0.1/`), and the enums that dispatch to them. A 0.2
//! contract adds `v0_2.rs` and one arm per `match` here.

mod v0_1;

use super::CallState;
use crate::contract::ContractVersion;
use crate::contract::types;
use wasmtime::Store;
use wasmtime::component::{InstancePre, Linker};

/// A compiled plugin linked against its contract version's bindings.
pub(crate) enum Bindings {
    V0_1(v0_1::Pre),
}

/// A plan as returned by a plugin of some contract version, not yet checked.
pub(crate) enum RawPlan {
    V0_1(v0_1::RawPlan),
}

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
