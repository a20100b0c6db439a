//! Plugin bundles: the `.folio` files template authors ship.
//!
//! A bundle is a gzipped tar holding `plugin.toml` (the manifest),
//! `plugin.wasm` (the component) and the plugin's `templates/` and
//! `locales/` files. `plugin.toml` lists every file's SHA-256 and a content
//! digest over all of it, so a bundle is verified end to end when it is
//! read. Bundles are written deterministically: the same inputs give the
//! same bytes.

mod archive;
mod manifest;

pub use archive::{BundleLimits, MAX_MANIFEST_BYTES};
pub use manifest::{BundleManifest, content_digest, file_digest};

use crate::contract::ContractVersion;
use crate::contract::types::Manifest;
use std::collections::BTreeMap;
use std::path::Path;

/// Name of the manifest inside a bundle.
pub const MANIFEST_FILE: &str = "plugin.toml";
/// Name of the component inside a bundle.
pub const WASM_FILE: &str = "plugin.wasm";
/// Folders a bundle may carry besides its two fixed files.
pub const CONTENT_DIRS: [&str; 2] = ["templates/", "locales/"];

/// A verified plugin bundle in memory.
#[derive(Debug, Clone)]
pub struct Bundle {
    manifest: BundleManifest,
    contract: ContractVersion,
    digest: String,
    wasm: Vec<u8>,
    files: BTreeMap<String, Vec<u8>>,
}

/// Why a bundle was refused, with the file or field at fault. Messages say
/// what to do where something can be done.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BundleError {
    /// The bundle file cannot be read or written.
    #[error("cannot {doing} {path}: {reason}")]
    Io { doing: &'static str, path: String, reason: String },
    /// A bundle read from `path` was refused.
    #[error("{path}: {source}")]
    File { path: String, source: Box<BundleError> },
    #[error("bundle is {size} bytes, over the {limit}-byte limit")]
    TooLarge { size: u64, limit: usize },
    #[error("bundle unpacks to more than {limit} bytes (at `{path}`)")]
    UnpacksTooLarge { limit: usize, path: String },
    #[error("bundle has more than {limit} files")]
    TooManyFiles { limit: usize },
    /// Not a gzipped tar file, or a damaged one.
    #[error("not a valid gzipped tar file: {reason}")]
    NotAnArchive { reason: String },
    #[error("bundle path `{path}` {why}")]
    BadPath { path: String, why: &'static str },
    #[error("bundle entry `{path}` is a {kind}; bundles hold regular files only")]
    NotAFile { path: String, kind: String },
    #[error("bundle has `{path}` twice")]
    Duplicate { path: String },
    #[error("the bundle's first file is `{found}`; {MANIFEST_FILE} must come first (rebuild it with `folio plugin build`)")]
    ManifestNotFirst { found: String },
    #[error("{MANIFEST_FILE} is over {limit} bytes")]
    ManifestTooLarge { limit: usize },
    /// `plugin.toml` cannot be read, or says something invalid.
    #[error("{MANIFEST_FILE}: {reason}")]
    Manifest { reason: String },
    #[error("the bundle has no {path}")]
    Missing { path: String },
    #[error("{path} is in the bundle but not listed in {MANIFEST_FILE} [files]")]
    Unlisted { path: String },
    #[error("{MANIFEST_FILE} lists {path}, which is not in the bundle")]
    Unbundled { path: String },
    #[error("{path} does not match its digest in {MANIFEST_FILE}; the bundle is corrupt or was altered")]
    DigestMismatch { path: String },
    #[error("{MANIFEST_FILE}: digest {claimed} does not match the bundle's content (sha256:{actual})")]
    ContentDigest { claimed: String, actual: String },
}

/// A bundle's `plugin.toml`, read and checked without unpacking anything
/// else (it is the bundle's first file, at most [`MAX_MANIFEST_BYTES`]):
/// name, version, kinds and the digests it claims. The claims are verified
/// only when the whole bundle is read ([`Bundle::from_bytes`]).
pub fn peek_manifest(bytes: &[u8], limits: &BundleLimits) -> Result<BundleManifest, BundleError> {
    let toml_bytes = archive::first_manifest(bytes, limits)?;
    Ok(parse_manifest(&toml_bytes)?.0)
}

/// Parses and checks `plugin.toml` (in time linear in its size).
fn parse_manifest(toml_bytes: &[u8]) -> Result<(BundleManifest, ContractVersion), BundleError> {
    let text = std::str::from_utf8(toml_bytes).map_err(|_| BundleError::Manifest { reason: "is not UTF-8 text".into() })?;
    let manifest: BundleManifest = toml::from_str(text).map_err(|e| BundleError::Manifest { reason: e.to_string() })?;
    let contract = manifest.contract_version().map_err(|reason| BundleError::Manifest { reason })?;
    manifest.plugin.check().map_err(|e| BundleError::Manifest { reason: format!("[plugin] {e}") })?;
    Ok((manifest, contract))
}

impl Bundle {
    /// Assembles a bundle from a component, its manifest and content files
    /// (paths under `templates/` or `locales/`), computing every digest.
    pub fn create(
        contract: ContractVersion,
        plugin: Manifest,
        wasm: Vec<u8>,
        files: BTreeMap<String, Vec<u8>>,
    ) -> Result<Self, BundleError> {
        for path in files.keys() {
            archive::check_content_path(path)?;
        }
        let mut digests: BTreeMap<String, String> = files.iter().map(|(p, b)| (p.clone(), file_digest(b))).collect();
        digests.insert(WASM_FILE.to_string(), file_digest(&wasm));
        let digest = content_digest(contract.package(), &plugin, &digests);
        let manifest =
            BundleManifest { contract: contract.package().to_string(), digest: format!("sha256:{digest}"), plugin, files: digests };
        Ok(Bundle { manifest, contract, digest, wasm, files })
    }

    /// Reads and verifies a bundle file.
    pub fn read(path: &Path, limits: &BundleLimits) -> Result<Self, BundleError> {
        let size = std::fs::metadata(path)
            .map_err(|e| BundleError::Io { doing: "read bundle", path: path.display().to_string(), reason: e.to_string() })?
            .len();
        if size > limits.max_bundle_bytes as u64 {
            return Err(BundleError::File {
                path: path.display().to_string(),
                source: Box::new(BundleError::TooLarge { size, limit: limits.max_bundle_bytes }),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| BundleError::Io {
            doing: "read bundle",
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        Self::from_bytes(&bytes, limits).map_err(|e| BundleError::File { path: path.display().to_string(), source: Box::new(e) })
    }

    /// Parses and verifies a bundle from its bytes: every file's digest, the
    /// content digest, the contract version and the manifest's shape.
    pub fn from_bytes(bytes: &[u8], limits: &BundleLimits) -> Result<Self, BundleError> {
        let mut entries = archive::unpack(bytes, limits)?;
        let toml_bytes = entries.remove(MANIFEST_FILE).ok_or_else(|| BundleError::Missing { path: MANIFEST_FILE.into() })?;
        let (manifest, contract) = parse_manifest(&toml_bytes)?;

        for (path, bytes) in &entries {
            match manifest.files.get(path) {
                None => return Err(BundleError::Unlisted { path: path.clone() }),
                Some(expected) if *expected != file_digest(bytes) => {
                    return Err(BundleError::DigestMismatch { path: path.clone() });
                }
                Some(_) => {}
            }
        }
        if let Some(missing) = manifest.files.keys().find(|p| !entries.contains_key(*p)) {
            return Err(BundleError::Unbundled { path: missing.clone() });
        }
        let digest = content_digest(&manifest.contract, &manifest.plugin, &manifest.files);
        if manifest.digest != format!("sha256:{digest}") {
            return Err(BundleError::ContentDigest { claimed: manifest.digest.clone(), actual: digest });
        }
        let wasm = entries.remove(WASM_FILE).ok_or_else(|| BundleError::Missing { path: WASM_FILE.into() })?;
        Ok(Bundle { manifest, contract, digest, wasm, files: entries })
    }

    /// The bundle's deterministic gzipped-tar bytes (`plugin.toml` first).
    pub fn to_bytes(&self) -> Result<Vec<u8>, BundleError> {
        let toml = toml::to_string(&self.manifest).map_err(|e| BundleError::Io {
            doing: "write",
            path: MANIFEST_FILE.into(),
            reason: e.to_string(),
        })?;
        let mut all: Vec<(&str, &[u8])> = vec![(MANIFEST_FILE, toml.as_bytes()), (WASM_FILE, &self.wasm)];
        all.extend(self.files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
        archive::pack(&all)
    }

    /// Writes the bundle to `path` atomically (a temporary file renamed into place).
    pub fn write(&self, path: &Path) -> Result<(), BundleError> {
        let bytes = self.to_bytes()?;
        crate::fsutil::write_atomically(path, &bytes).map_err(|e| BundleError::Io {
            doing: "write",
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    }

    /// The conventional file name, `<name>-<version>.folio`.
    pub fn file_name(&self) -> String {
        format!("{}-{}.folio", self.manifest.plugin.name, self.manifest.plugin.version)
    }

    /// The parsed `plugin.toml`.
    pub fn manifest(&self) -> &BundleManifest {
        &self.manifest
    }

    /// The contract version the plugin targets.
    pub fn contract(&self) -> ContractVersion {
        self.contract
    }

    /// The content digest, hex SHA-256.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// The component bytes.
    pub fn wasm(&self) -> &[u8] {
        &self.wasm
    }

    /// The component's SHA-256 (hex), as `plugin.toml` records it; verified
    /// against the bytes when the bundle was read or created.
    pub fn wasm_digest(&self) -> &str {
        self.manifest.files.get(WASM_FILE).map_or("", |d| crate::digest::untagged(d))
    }

    /// Template and locale files, by path.
    pub fn files(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.files
    }
}
