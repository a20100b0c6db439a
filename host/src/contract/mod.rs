//! The plugin contract, `folio:document`, as the host sees it.
//!
//! [`types`] holds the host's own, version-independent view of manifests,
//! requests and plans, and [`ContractVersion`] names the versions the host
//! runs. Nothing here depends on wasmtime: each contract version's bindings
//! live with the sandbox (`runtime/bindings/v0_x.rs`), as in Zed's extension
//! host, and convert between the generated types and [`types`]. Adding a
//! contract version adds a binding module; plugins built against older
//! versions keep working.

pub mod layout;
pub mod types;

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
