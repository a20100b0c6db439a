//! Shared setup for the integration tests: builds real plugins from source
//! with the guest toolchain (once per test process) and makes requests.
//! A missing toolchain fails the tests loudly; nothing is skipped.
#![allow(dead_code)]

pub mod payloads;
pub mod receiver;
pub mod server;

use folio::build::{BuildOptions, build_plugin, compile_component, compile_core, componentize, in_process};
use folio::contract::types::{Customer, Purpose, Request};
use folio::{Bundle, BundleLimits, Plugin, Runtime, RuntimeConfig};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("host/ has a parent").to_path_buf()
}

/// Runs `tests/browser/SCRIPT` with node (headless Chromium through
/// playwright-core, which `make setup` installs) and returns its output;
/// a missing install fails the test with what to run.
pub fn browser_script<S: AsRef<std::ffi::OsStr>>(script: &str, args: &[S]) -> std::process::Output {
    let dir = repo().join("tests/browser");
    assert!(
        dir.join("node_modules/playwright-core").is_dir(),
        "playwright-core is not installed in tests/browser; run `make setup` (it runs npm ci there)"
    );
    std::process::Command::new("node")
        .arg(dir.join(script))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node ({e}); `make setup` installs Node.js and Chromium"))
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
    let runtime = runtime();
    let bundle = build_plugin(&repo().join(rel), &in_process(&runtime), &options()).unwrap_or_else(|e| toolchain_hint(rel, e.to_string()));
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
    compile_component(&repo().join(rel), &options()).unwrap_or_else(|e| toolchain_hint(rel, e.to_string()))
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

/// The core Wasm module of the crate at `rel`, before componentizing.
pub fn core_module(rel: &str) -> Vec<u8> {
    compile_core(&repo().join(rel), &options()).unwrap_or_else(|e| toolchain_hint(rel, e.to_string()))
}

/// `core` with `count` functions appended that are small in bytes but
/// slow for Cranelift to compile (many locals, live across a loop through
/// many branches), made a component: a "load-heavy" plugin. Nothing calls
/// the functions; Cranelift compiles every function all the same.
pub fn with_heavy_functions(core: &[u8], count: u32, locals: u32, branches: u32) -> Vec<u8> {
    fn leb(mut n: u64, out: &mut Vec<u8>) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    fn read_leb(data: &[u8]) -> (u64, usize) {
        let (mut n, mut shift, mut i) = (0u64, 0, 0);
        loop {
            let byte = data[i];
            n |= u64::from(byte & 0x7f) << shift;
            i += 1;
            if byte & 0x80 == 0 {
                return (n, i);
            }
            shift += 7;
        }
    }
    // One body: `locals` i64 locals; a loop around `branches` blocks, each
    // left early on a condition and each reading and writing many locals.
    let mut body = Vec::new();
    leb(1, &mut body);
    leb(u64::from(locals), &mut body);
    body.push(0x7e); // i64
    body.extend([0x03, 0x40]); // loop
    for b in 0..branches {
        body.extend([0x02, 0x40]); // block
        body.extend([0x20, 0x00, 0xa7, 0x0d, 0x00]); // local.get 0; i32.wrap_i64; br_if 0
        for j in 0..8u32 {
            let (from, to) = ((b * 13 + j * 31) % locals, (b * 7 + j * 17 + 1) % locals);
            body.push(0x20);
            leb(u64::from(from), &mut body);
            body.push(0x20);
            leb(u64::from(to), &mut body);
            body.push(0x7c); // i64.add
            body.push(0x21);
            leb(u64::from(to), &mut body);
        }
        body.push(0x0b); // end block
    }
    body.extend([0x20, 0x01, 0xa7, 0x0d, 0x00]); // local.get 1; i32.wrap_i64; br_if 0 (loop)
    body.push(0x0b); // end loop
    body.push(0x0b); // end function

    let mut out = core[..8].to_vec();
    let mut type_index = None;
    for payload in wasmparser::Parser::new(0).parse_all(core) {
        let payload = payload.expect("the built core module parses");
        let Some((id, range)) = payload.as_section() else { continue };
        let data = &core[range];
        let mut section = Vec::new();
        match id {
            1 | 3 | 10 => {
                let (n, at) = read_leb(data);
                let extra = if id == 1 { 1 } else { u64::from(count) };
                leb(n + extra, &mut section);
                section.extend(&data[at..]);
                match id {
                    1 => {
                        type_index = Some(n);
                        section.extend([0x60, 0x00, 0x00]); // (func)
                    }
                    3 => {
                        for _ in 0..count {
                            leb(type_index.expect("the type section comes first"), &mut section);
                        }
                    }
                    _ => {
                        for _ in 0..count {
                            leb(body.len() as u64, &mut section);
                            section.extend(&body);
                        }
                    }
                }
            }
            _ => section.extend(data),
        }
        out.push(id);
        leb(section.len() as u64, &mut out);
        out.extend(section);
    }
    componentize(&out).expect("the load-heavy module componentizes")
}
