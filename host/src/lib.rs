//! # Folio
//!
//! A document-generation host for sandboxed WebAssembly plugins. A plugin
//! turns a customer's data into a document [`Plan`](contract::types::Plan);
//! the host renders and delivers it. Data flows one way:
//! request → plugin plan → template render → output → archive.
//!
//! Modules, one concept each:
//! - [`contract`]: the `folio:document` WIT contract, one binding module per version.
//! - [`bundle`]: `.folio` plugin bundles — reading, verifying, writing.
//! - [`runtime`]: the wasmtime sandbox that runs plugins under hard limits.
//! - [`render`]: plans into documents — HTML, text, JSON, PDF and PNG from one template.
//! - [`build`]: the guest toolchain — building, componentizing and scaffolding plugins.
//! - [`contain`]: render worker processes — every plan, render and compilation runs
//!   in one, under a CPU and memory budget and a seccomp filter.
//! - [`budget`]: the memory budget a render worker's allocator enforces.
//! - [`store`]: the service's records (SQLite or PostgreSQL) and blobs.
//! - [`service`]: `folio serve` — the HTTP API over all of the above.

// Nothing derived from input may panic the host: no `unwrap`/`expect` outside
// tests (the few on constants say why with `#[expect]`). `make test` runs clippy.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod budget;
pub mod build;
pub mod bundle;
pub mod contain;
pub mod contract;
pub mod fsutil;
pub mod render;
pub mod runtime;
pub mod service;
pub mod store;

pub use bundle::{Bundle, BundleLimits};
pub use contract::types::{Manifest, Plan, PlanError, Request};
pub use runtime::{CallError, LoadError, Plugin, Runtime, RuntimeConfig};
