//! # Folio
//!
//! A document-generation host for sandboxed WebAssembly plugins. A plugin
//! turns a customer's data into a document [`Plan`];
//! the host renders and delivers it. Data flows one way:
//! request → plugin plan → template render → output → archive → events.
//!
//! Modules, one concept each:
//! - [`contract`]: the `folio:document` WIT contract: its versions and the host's view of its data (no wasmtime).
//! - [`bundle`]: `.folio` plugin bundles — reading, verifying, writing.
//! - [`runtime`]: the wasmtime sandbox that runs plugins under hard limits.
//! - [`render`]: plans into documents — HTML, text, JSON, PDF and PNG from one template.
//! - [`offer`]: interactive documents' offers — snapshots, inputs checked against JSON Schema,
//!   nonces, terms, and signed acceptance receipts.
//! - [`build`]: the guest toolchain — building, componentizing and scaffolding plugins.
//! - [`contain`]: render worker processes — every plan, render and compilation runs
//!   in one, under a CPU and memory budget and a seccomp filter.
//! - [`budget`]: the memory budget a render worker's allocator enforces.
//! - [`digest`]: SHA-256, as Folio names content.
//! - [`event`]: the events Folio tells other systems about: their types and payloads.
//! - [`store`]: the service's records (SQLite or PostgreSQL) and blobs, and the event outbox.
//! - [`webhook`]: events delivered to receivers: signed, retried, SSRF-checked.
//! - [`service`]: `folio serve` — the HTTP API over all of the above.

// Nothing derived from input may panic the host: no `unwrap`/`expect` outside
// tests (the few on constants say why with `#[expect]`). `make test` runs clippy.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod budget;
pub mod build;
pub mod bundle;
pub mod contain;
pub mod contract;
pub mod digest;
pub mod event;
pub mod fsutil;
pub mod offer;
pub mod render;
pub mod runtime;
pub mod service;
pub mod store;
pub mod webhook;

pub use bundle::{Bundle, BundleLimits};
pub use contract::types::{Manifest, Plan, PlanError, Request};
pub use runtime::{CallError, LoadError, Plugin, Runtime, RuntimeConfig};

/// The layering, checked: which module may use which (the table in
/// docs/architecture.md), read off the source, with no cycles.
#[cfg(test)]
mod layering {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// Module → the modules it may use. Data flows one way: request → plan
    /// → render → output → archive, and the service and the CLI sit on top.
    const ALLOWED: &[(&str, &[&str])] = &[
        ("budget", &[]),
        ("digest", &[]),
        ("fsutil", &[]),
        ("contract", &[]),
        ("event", &[]),
        ("bundle", &["contract", "digest", "fsutil"]),
        ("runtime", &["contract", "bundle", "budget", "digest"]),
        ("build", &["contract", "bundle", "runtime", "digest", "fsutil"]),
        ("render", &["contract", "bundle", "digest"]),
        ("offer", &["contract", "render"]),
        ("store", &["contract", "event", "digest", "fsutil"]),
        ("webhook", &["event", "store"]),
        ("contain", &["contract", "bundle", "runtime", "render", "budget", "digest"]),
        ("service", &["contract", "bundle", "runtime", "render", "offer", "contain", "event", "store", "webhook", "digest", "fsutil"]),
    ];

    fn sources(path: &Path, out: &mut Vec<String>) {
        if path.is_dir() {
            for entry in std::fs::read_dir(path).unwrap().flatten() {
                sources(&entry.path(), out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(path).unwrap());
        }
    }

    /// The modules of this crate each module's code names (`crate::x`).
    fn uses() -> BTreeMap<String, BTreeSet<String>> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let modules: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
        let mut graph = BTreeMap::new();
        for module in &modules {
            let mut texts = Vec::new();
            let dir = src.join(module);
            sources(if dir.is_dir() { &dir } else { &src }, &mut texts);
            if !dir.is_dir() {
                texts = vec![std::fs::read_to_string(src.join(format!("{module}.rs"))).unwrap()];
            }
            let mut used = BTreeSet::new();
            for text in texts {
                for (at, _) in text.match_indices("crate::") {
                    let name: String = text[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    if name != *module && modules.contains(name.as_str()) {
                        used.insert(name);
                    }
                }
            }
            graph.insert(module.to_string(), used);
        }
        graph
    }

    #[test]
    fn modules_use_only_what_the_layering_allows() {
        let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
        for (module, used) in uses() {
            for dependency in used {
                assert!(
                    allowed[module.as_str()].contains(&dependency.as_str()),
                    "`{module}` uses `{dependency}`, which the layering (host/src/lib.rs, docs/architecture.md) does not allow"
                );
            }
        }
    }

    #[test]
    fn the_allowed_graph_has_no_cycle() {
        let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
        // Every module may only use modules listed before it.
        let order: Vec<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
        for (i, module) in order.iter().enumerate() {
            for dependency in allowed[module] {
                assert!(order[..i].contains(dependency), "`{module}` → `{dependency}` points up the layering");
            }
        }
    }
}
