//! What can go wrong building a plugin, with the facts of each case.

use crate::bundle::BundleError;
use std::path::PathBuf;

/// A plugin that could not be built, scaffolded or packed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// No guest toolchain can build for `wasm32-unknown-unknown`.
    #[error("{0}")]
    Toolchain(String),
    #[error("{dir} is not a plugin crate: cannot open {manifest} ({reason})")]
    NotACrate { dir: PathBuf, manifest: PathBuf, reason: String },
    #[error("cannot run cargo ({toolchain}): {reason}")]
    Cargo { toolchain: String, reason: String },
    #[error("cargo build for {manifest} failed ({status}); its errors are printed above")]
    CargoFailed { manifest: PathBuf, status: String },
    #[error("cargo built {manifest} but produced no .wasm; the crate needs `[lib] crate-type = [\"cdylib\", \"rlib\"]`")]
    NoWasm { manifest: PathBuf },
    #[error("cannot {doing} {path}: {reason}")]
    Io { doing: &'static str, path: PathBuf, reason: String },
    #[error("{name:?} in {dir} is not UTF-8")]
    NotUtf8 { name: String, dir: PathBuf },
    #[error("{path} is not a regular file; bundles carry regular files only")]
    NotAFile { path: PathBuf },
    #[error("the build output is not a WebAssembly module")]
    NotWasm,
    #[error("the module has no usable component type information (was it built with the folio-plugin SDK?): {0}")]
    NoComponentType(String),
    #[error("could not turn the module into a component: {0}")]
    Componentize(String),
    /// The component was refused when it was loaded and described.
    #[error("the built plugin was refused: {0}")]
    Refused(String),
    #[error(transparent)]
    Bundle(#[from] BundleError),
    #[error("the packed bundle does not verify: {0}")]
    Verify(BundleError),
    /// `folio plugin new` was given something it cannot use.
    #[error("{0}")]
    Scaffold(String),
}

impl BuildError {
    pub(super) fn io(doing: &'static str, path: impl Into<PathBuf>, e: std::io::Error) -> Self {
        BuildError::Io { doing, path: path.into(), reason: e.to_string() }
    }
}
