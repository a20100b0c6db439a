//! Finding and running the Wasm guest toolchain.
//!
//! Plugins target `wasm32-unknown-unknown`. Two toolchains work:
//! - rustup's, where `rustup target add wasm32-unknown-unknown` has been run
//!   (most machines outside Debian);
//! - Debian's `rustc-web`/`cargo-web` with `rust-web-src` and `lld`, which
//!   builds std from source (`-Zbuild-std`) — used where rustup cannot fetch
//!   targets. `scripts/setup.sh` installs it.
//!
//! `FOLIO_GUEST_TOOLCHAIN=rustup|debian` forces a choice.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The target triple plugins are compiled for.
pub const TARGET: &str = "wasm32-unknown-unknown";

use crate::contract::layout::{INITIAL_MEMORY as GUEST_INITIAL_MEMORY, STACK as GUEST_STACK};

/// A toolchain able to build plugins.
#[derive(Debug, Clone)]
pub enum Toolchain {
    /// rustup's toolchain with the wasm32 target installed.
    Rustup { cargo: PathBuf },
    /// Debian's Rust with std sources, built with `-Zbuild-std`.
    Debian { cargo: PathBuf, rustc: PathBuf, linker: PathBuf },
}

const DEBIAN_CARGO: &str = "/usr/bin/cargo";
const DEBIAN_RUSTC: &str = "/usr/bin/rustc";
const DEBIAN_STD_SRC: &str = "/usr/lib/rustlib/src/rust/library";

impl Toolchain {
    /// Finds a usable toolchain, preferring rustup's wasm32 target.
    pub fn detect() -> Result<Self, String> {
        match std::env::var("FOLIO_GUEST_TOOLCHAIN").ok().as_deref() {
            Some("rustup") => return rustup().ok_or_else(|| "FOLIO_GUEST_TOOLCHAIN=rustup, but rustup's rustc has no wasm32-unknown-unknown target; run `rustup target add wasm32-unknown-unknown`".into()),
            Some("debian") => return debian(),
            Some("") | None => {}
            Some(other) => return Err(format!("FOLIO_GUEST_TOOLCHAIN=`{other}` is not `rustup` or `debian`")),
        }
        if let Some(found) = rustup() {
            return Ok(found);
        }
        debian().map_err(|why| {
            format!(
                "no Wasm guest toolchain found: rustup has no wasm32-unknown-unknown target, and {why}. \
                 Run `make setup` (installs Debian's rustc-web cargo-web rust-web-src lld-22) \
                 or `rustup target add wasm32-unknown-unknown`"
            )
        })
    }

    /// A short description for progress messages.
    pub fn describe(&self) -> String {
        match self {
            Toolchain::Rustup { .. } => "rustup (wasm32-unknown-unknown target)".into(),
            Toolchain::Debian { linker, .. } => format!("Debian rustc-web with -Zbuild-std, linker {}", linker.display()),
        }
    }

    /// A `cargo build --release` command for the crate at `manifest`, with
    /// JSON messages on stdout (to find the artifact) and rendered
    /// diagnostics on stderr. Variables an outer cargo (e.g. `cargo test`)
    /// set are cleared so they cannot redirect this build.
    pub fn cargo_build(&self, manifest: &Path, target_dir: Option<&Path>) -> Command {
        let mut cmd = match self {
            Toolchain::Rustup { cargo } => Command::new(cargo),
            Toolchain::Debian { cargo, .. } => Command::new(cargo),
        };
        for (key, _) in std::env::vars_os() {
            if is_leaked_build_var(&key) {
                cmd.env_remove(&key);
            }
        }
        cmd.arg("build")
            .arg("--release")
            .arg("--target")
            .arg(TARGET)
            .arg("--manifest-path")
            .arg(manifest)
            .arg("--message-format=json-render-diagnostics");
        if let Some(dir) = target_dir {
            cmd.arg("--target-dir").arg(dir);
        }
        // The stack and initial memory of `contract::layout`: a typical plan
        // neither grows memory nor leaves the slot's resident window.
        cmd.env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            format!("-C link-arg=-zstack-size={GUEST_STACK} -C link-arg=--initial-memory={GUEST_INITIAL_MEMORY}"),
        );
        if let Toolchain::Debian { rustc, linker, .. } = self {
            let mut path = OsString::from("/usr/bin");
            if let Some(old) = std::env::var_os("PATH") {
                path.push(":");
                path.push(old);
            }
            cmd.arg("-Zbuild-std=std,panic_abort")
                .env("PATH", path)
                .env("RUSTC", rustc)
                .env("RUSTC_BOOTSTRAP", "1")
                .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", linker);
        }
        cmd
    }
}

/// Cargo and rustc variables that would hijack a nested build.
fn is_leaked_build_var(key: &std::ffi::OsStr) -> bool {
    let Some(key) = key.to_str() else { return false };
    const KEEP: [&str; 5] = ["CARGO_HOME", "CARGO_NET_", "CARGO_HTTP_", "CARGO_REGISTRIES_", "CARGO_TERM_"];
    if KEEP.iter().any(|k| key.starts_with(k)) {
        return false;
    }
    key.starts_with("CARGO")
        || key.starts_with("RUSTC")
        || key.starts_with("RUSTDOC")
        || key == "RUSTFLAGS"
        || key == "RUSTUP_TOOLCHAIN"
        || key.starts_with("__CARGO")
        || key == "OUT_DIR"
}

fn rustup() -> Option<Toolchain> {
    let out = Command::new("rustc").args(["--print", "sysroot"]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let sysroot = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    if !sysroot.join("lib/rustlib").join(TARGET).join("lib").is_dir() {
        return None;
    }
    // The cargo beside that rustc, so both come from the same toolchain.
    let cargo = sysroot.join("bin/cargo");
    Some(Toolchain::Rustup { cargo: if cargo.exists() { cargo } else { PathBuf::from("cargo") } })
}

fn debian() -> Result<Toolchain, String> {
    for (path, package) in [(DEBIAN_CARGO, "cargo-web"), (DEBIAN_RUSTC, "rustc-web"), (DEBIAN_STD_SRC, "rust-web-src")] {
        if !Path::new(path).exists() {
            return Err(format!("{path} is missing (Debian package {package})"));
        }
    }
    let linker = find_wasm_ld().ok_or("no wasm-ld found (Debian package lld-22)")?;
    Ok(Toolchain::Debian { cargo: DEBIAN_CARGO.into(), rustc: DEBIAN_RUSTC.into(), linker })
}

/// The newest `/usr/lib/llvm-N/bin/wasm-ld`, else `wasm-ld` on PATH.
fn find_wasm_ld() -> Option<PathBuf> {
    let mut versioned: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let version: u32 = name.strip_prefix("llvm-")?.parse().ok()?;
            let ld = e.path().join("bin/wasm-ld");
            ld.exists().then_some((version, ld))
        })
        .collect();
    versioned.sort();
    if let Some((_, ld)) = versioned.pop() {
        return Some(ld);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join("wasm-ld")).find(|p| p.exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outer_cargo_variables_are_cleared_but_network_settings_kept() {
        for leaked in [
            "CARGO",
            "CARGO_MANIFEST_DIR",
            "CARGO_TARGET_DIR",
            "RUSTC",
            "RUSTC_WRAPPER",
            "RUSTFLAGS",
            "CARGO_ENCODED_RUSTFLAGS",
            "RUSTUP_TOOLCHAIN",
            "OUT_DIR",
        ] {
            assert!(is_leaked_build_var(leaked.as_ref()), "{leaked}");
        }
        for kept in ["CARGO_HOME", "CARGO_NET_OFFLINE", "CARGO_HTTP_TIMEOUT", "PATH", "HOME"] {
            assert!(!is_leaked_build_var(kept.as_ref()), "{kept}");
        }
    }
}
