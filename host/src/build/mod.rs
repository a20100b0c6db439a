//! Building plugins: compile a plugin crate to Wasm with the guest
//! toolchain, turn it into a component, ask it to describe itself, and
//! package it with its templates and locale strings as a `.folio` bundle.

mod componentize;
mod error;
mod scaffold;
mod toolchain;

pub use componentize::componentize;
pub use error::BuildError;
pub use scaffold::{default_sdk_path, scaffold};
pub use toolchain::{TARGET, Toolchain};

use crate::bundle::{Bundle, BundleLimits, CONTENT_DIRS};
use crate::contract::ContractVersion;
use crate::contract::types::Manifest;
use crate::runtime::Runtime;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// Options for [`build_plugin`].
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Cargo target directory for guest builds; sharing one across plugins
    /// avoids rebuilding std. Defaults to `$FOLIO_GUEST_TARGET_DIR`, else cargo's default.
    pub target_dir: Option<PathBuf>,
}

/// Loads a component the way a host would and returns what it describes:
/// [`in_process`] here, or a contained compilation (the `folio` CLI).
pub type Describe<'a> = dyn Fn(&[u8], ContractVersion) -> Result<Manifest, String> + 'a;

/// [`Describe`] with `runtime` in this process, compiled plugins cached as
/// the runtime caches them.
pub fn in_process(runtime: &Runtime) -> impl Fn(&[u8], ContractVersion) -> Result<Manifest, String> + '_ {
    move |component, contract| {
        let digest = crate::digest::sha256_hex(component);
        runtime.load_component(component, contract, &digest, "plugin").map(|plugin| plugin.manifest().clone()).map_err(|e| e.to_string())
    }
}

/// Builds the plugin crate in `crate_dir` into a verified bundle: compiles
/// it, checks the component loads under this host's contract rules and asks
/// it to describe itself (`describe`), and packs it with its templates and
/// locale files.
pub fn build_plugin(crate_dir: &Path, describe: &Describe<'_>, options: &BuildOptions) -> Result<Bundle, BuildError> {
    let component = compile_component(crate_dir, options)?;
    let contract = contract_of(&component);
    let manifest = describe(&component, contract).map_err(BuildError::Refused)?;

    let content = collect_content(crate_dir)?;
    let bundle = Bundle::create(contract, manifest, component, content)?;
    // Read the packed bytes back, exactly as a host will, before anyone sees them.
    let bytes = bundle.to_bytes()?;
    Bundle::from_bytes(&bytes, &BundleLimits::default()).map_err(BuildError::Verify)
}

/// Compiles the crate in `crate_dir` with the guest toolchain and returns
/// the componentized Wasm, without checking it against any contract.
pub fn compile_component(crate_dir: &Path, options: &BuildOptions) -> Result<Vec<u8>, BuildError> {
    componentize(&compile_core(crate_dir, options)?)
}

/// Compiles the crate in `crate_dir` with the guest toolchain and returns
/// its core Wasm module, before it is made a component.
pub fn compile_core(crate_dir: &Path, options: &BuildOptions) -> Result<Vec<u8>, BuildError> {
    let manifest_path = crate_dir.join("Cargo.toml");
    let manifest_path = manifest_path.canonicalize().map_err(|e| BuildError::NotACrate {
        dir: crate_dir.to_path_buf(),
        manifest: manifest_path.clone(),
        reason: e.to_string(),
    })?;
    let toolchain = Toolchain::detect().map_err(BuildError::Toolchain)?;
    tracing::info!(toolchain = %toolchain.describe(), "building {}", crate_dir.display());
    let target_dir =
        options.target_dir.clone().or_else(|| std::env::var_os("FOLIO_GUEST_TARGET_DIR").filter(|v| !v.is_empty()).map(PathBuf::from));
    let core_path = run_cargo(&toolchain, &manifest_path, target_dir.as_deref())?;
    std::fs::read(&core_path).map_err(|e| BuildError::io("read", &core_path, e))
}

/// Runs cargo and returns the path of the crate's `.wasm` artifact.
fn run_cargo(toolchain: &Toolchain, manifest_path: &Path, target_dir: Option<&Path>) -> Result<PathBuf, BuildError> {
    let mut cmd = toolchain.cargo_build(manifest_path, target_dir);
    cmd.stdout(Stdio::piped()).stderr(Stdio::inherit());
    let output = cmd.output().map_err(|e| BuildError::Cargo { toolchain: toolchain.describe(), reason: e.to_string() })?;
    if !output.status.success() {
        return Err(BuildError::CargoFailed { manifest: manifest_path.to_path_buf(), status: output.status.to_string() });
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut found = None;
    for line in stdout.lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        if msg["reason"] != "compiler-artifact" {
            continue;
        }
        let same_crate = msg["manifest_path"].as_str().map(Path::new) == Some(manifest_path);
        let is_cdylib = msg["target"]["kind"].as_array().is_some_and(|k| k.iter().any(|k| k == "cdylib"));
        if same_crate && is_cdylib {
            found = msg["filenames"]
                .as_array()
                .and_then(|f| f.iter().filter_map(|f| f.as_str()).find(|f| f.ends_with(".wasm")))
                .map(PathBuf::from);
        }
    }
    found.ok_or_else(|| BuildError::NoWasm { manifest: manifest_path.to_path_buf() })
}

/// The contract a component was built against, from its `folio:document` imports.
fn contract_of(component: &[u8]) -> ContractVersion {
    let mut found = None;
    for payload in wasmparser::Parser::new(0).parse_all(component) {
        if let Ok(wasmparser::Payload::ComponentImportSection(reader)) = payload {
            for import in reader.into_iter().flatten() {
                let name = import.name.0;
                found = found.or_else(|| ContractVersion::ALL.into_iter().find(|v| v.allowed_imports().contains(&name)));
            }
        }
    }
    found.unwrap_or(ContractVersion::LATEST)
}

/// The crate's `templates/` and `locales/` files, by bundle path.
fn collect_content(crate_dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, BuildError> {
    let mut files = BTreeMap::new();
    for dir in CONTENT_DIRS {
        let root = crate_dir.join(dir.trim_end_matches('/'));
        if root.is_dir() {
            walk(&root, dir.trim_end_matches('/'), &mut files)?;
        }
    }
    Ok(files)
}

fn walk(dir: &Path, prefix: &str, files: &mut BTreeMap<String, Vec<u8>>) -> Result<(), BuildError> {
    let entries = std::fs::read_dir(dir).map_err(|e| BuildError::io("read", dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| BuildError::io("read", dir, e))?;
        let name = entry.file_name().into_string().map_err(|n| BuildError::NotUtf8 { name: format!("{n:?}"), dir: dir.to_path_buf() })?;
        if name.starts_with('.') {
            continue;
        }
        let path = format!("{prefix}/{name}");
        let kind = entry.file_type().map_err(|e| BuildError::io("stat", entry.path(), e))?;
        if kind.is_dir() {
            walk(&entry.path(), &path, files)?;
        } else if kind.is_file() {
            let bytes = std::fs::read(entry.path()).map_err(|e| BuildError::io("read", entry.path(), e))?;
            files.insert(path, bytes);
        } else {
            return Err(BuildError::NotAFile { path: entry.path() });
        }
    }
    Ok(())
}
