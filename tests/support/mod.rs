//! Shared setup for the integration tests: builds real plugins from source
//! with the guest toolchain (once per test process) and makes requests.
//! A missing toolchain fails the tests loudly; nothing is skipped.
#![allow(dead_code)]

use folio::build::{BuildOptions, build_plugin, compile_component};
use folio::contract::types::{Customer, Purpose, Request};
use folio::{Bundle, BundleLimits, Plugin, Runtime, RuntimeConfig};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("host/ has a parent").to_path_buf()
}

/// One guest target dir for every plugin build, so std is built once.
pub fn guest_target_dir() -> PathBuf {
    std::env::var_os("FOLIO_GUEST_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| repo().join("target/guest"))
}

/// The compiled-plugin cache the tests share.
pub fn cache_dir() -> PathBuf {
    repo().join("target/test-cache")
}

/// A runtime with default limits and the shared test cache.
pub fn runtime() -> Runtime {
    runtime_with(RuntimeConfig { cache_dir: Some(cache_dir()), ..RuntimeConfig::default() })
}

pub fn runtime_with(config: RuntimeConfig) -> Runtime {
    Runtime::new(config).expect("runtime starts")
}

fn options() -> BuildOptions {
    BuildOptions { target_dir: Some(guest_target_dir()) }
}

fn toolchain_hint(what: &str, err: String) -> ! {
    panic!(
        "building {what} failed: {err}\n\
         The integration tests build real plugins and need the Wasm guest toolchain: run `make setup` (or `make test`)."
    )
}

/// Builds the plugin crate at `rel` (relative to the repo) into a bundle
/// file under target/test-bundles, once per process, and returns its path.
pub fn bundle_path(rel: &str) -> PathBuf {
    static BUILT: OnceLock<Mutex<HashMap<String, PathBuf>>> = OnceLock::new();
    let mut built = BUILT.get_or_init(Default::default).lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(path) = built.get(rel) {
        return path.clone();
    }
    let bundle = build_plugin(&repo().join(rel), &runtime(), &options()).unwrap_or_else(|e| toolchain_hint(rel, e));
    let path = repo().join("target/test-bundles").join(bundle.file_name());
    bundle.write(&path).expect("bundle written");
    built.insert(rel.to_string(), path.clone());
    path
}

/// The bundle built from the crate at `rel`.
pub fn bundle(rel: &str) -> Bundle {
    Bundle::read(&bundle_path(rel), &BundleLimits::default()).expect("built bundle verifies")
}

/// The componentized Wasm of the crate at `rel`, unchecked.
pub fn component(rel: &str) -> Vec<u8> {
    compile_component(&repo().join(rel), &options()).unwrap_or_else(|e| toolchain_hint(rel, e))
}

/// Loads the plugin built from `rel` into `runtime`.
pub fn load(runtime: &Runtime, rel: &str) -> Plugin {
    runtime.load(&bundle(rel)).unwrap_or_else(|e| panic!("loading {rel}: {e}"))
}

/// A request for `kind` for customer `id` with `data`, at a fixed instant.
pub fn request(kind: &str, id: &str, data: serde_json::Value) -> Request {
    let customer = Customer::new(id, &format!("Customer {id}"), "ms-MY", "Asia/Kuala_Lumpur", "smb");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T09:00:00Z").unwrap().with_timezone(&chrono::Utc);
    Request::new(kind, customer, &data.to_string(), Purpose::Batch, at).unwrap()
}

/// A PNG's width and height, from its header.
pub fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}
