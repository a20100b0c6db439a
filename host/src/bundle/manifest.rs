//! `plugin.toml`: the bundle's manifest.
//!
//! ```toml
//! contract = "folio:document@0.1.0"
//! digest = "sha256:…"            # content digest of the whole bundle
//!
//! [plugin]                        # what the plugin's describe() returns
//! name = "invoice"
//! version = "0.1.0"
//! [[plugin.kinds]]
//! name = "invoice"
//! …
//!
//! [files]                         # SHA-256 of every other file in the bundle
//! "plugin.wasm" = "sha256:…"
//! "templates/invoice.hbs" = "sha256:…"
//! ```

use crate::contract::ContractVersion;
use crate::contract::types::Manifest;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The parsed `plugin.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleManifest {
    /// The contract package the plugin was built against.
    pub contract: String,
    /// `sha256:<hex>` content digest; see [`content_digest`].
    pub digest: String,
    pub plugin: Manifest,
    /// `sha256:<hex>` of each file, by path.
    pub files: BTreeMap<String, String>,
}

impl BundleManifest {
    /// The contract version, or an error naming the unsupported package.
    pub fn contract_version(&self) -> Result<ContractVersion, String> {
        ContractVersion::parse(&self.contract).ok_or_else(|| {
            let supported: Vec<_> = ContractVersion::ALL.iter().map(|v| v.package()).collect();
            format!(
                "plugin.toml: contract `{}` is not supported by this host (it runs {}); rebuild the plugin with a matching SDK",
                self.contract,
                supported.join(", ")
            )
        })
    }
}

/// `sha256:<hex>` of a file's `bytes`, as `plugin.toml` lists it.
pub fn file_digest(bytes: &[u8]) -> String {
    crate::digest::sha256_tagged(bytes)
}

/// The bundle's content digest (hex): SHA-256 over the contract, the
/// plugin's manifest as JSON, and each file's path and digest in path order.
/// It identifies the bundle's content independently of tar and gzip framing.
#[expect(clippy::expect_used, reason = "a Manifest has only string keys and always serializes")]
pub fn content_digest(contract: &str, plugin: &Manifest, files: &BTreeMap<String, String>) -> String {
    let mut hash = Sha256::new();
    hash.update(b"folio-bundle-v1\n");
    hash.update(format!("contract {contract}\n"));
    let manifest = serde_json::to_string(plugin).expect("manifests always serialize");
    hash.update(format!("manifest {manifest}\n"));
    for (path, digest) in files {
        hash.update(format!("file {path} {digest}\n"));
    }
    hex::encode(hash.finalize())
}
