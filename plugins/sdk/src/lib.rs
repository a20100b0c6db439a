//! # folio-plugin: write Folio document plugins
//!
//! A Folio plugin turns one customer's data into a document [`Plan`]: which
//! template to render, the view model, and which content block fills each
//! slot. The host renders the plan; the plugin only decides.
//!
//! ```
//! use folio_plugin::prelude::*;
//!
//! struct Hello;
//!
//! impl Plugin for Hello {
//!     fn describe() -> Manifest {
//!         Manifest::new("hello", env!("CARGO_PKG_VERSION"))
//!             .kind(Kind::new("greeting", DocumentClass::OnDemand, "greeting"))
//!     }
//!
//!     fn plan(request: &Request) -> Result<Plan, PlanError> {
//!         #[derive(serde::Deserialize)]
//!         struct Data { topic: String }
//!         let data: Data = request.data_as()?;
//!         Plan::new("greeting", &serde_json::json!({
//!             "name": request.customer.display_name,
//!             "topic": data.topic,
//!         }))?
//!         .title("Hello")
//!         .file_name("hello")
//!         .ok()
//!     }
//! }
//!
//! folio_plugin::export_plugin!(Hello);
//! ```
//!
//! The crate compiles natively as well as for `wasm32-unknown-unknown`, so a
//! plugin's logic can be unit-tested and benchmarked with plain `cargo test`.

mod error;
mod input;
pub mod log;
mod manifest;
mod money;
mod plan;
mod request;
mod schema;
mod time;

#[cfg(target_arch = "wasm32")]
mod allocator;
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod guest;

pub use error::PlanError;
pub use input::Json;
pub use manifest::{DocumentClass, Kind, Manifest, OutputFormat, Slot};
pub use money::{Currency, Money, exact_mul, exact_percent};
pub use plan::{Action, BlockChoice, Plan};
pub use request::{Customer, Interaction, Purpose, Request};
pub use rust_decimal::Decimal;
pub use schema::Inputs;
// Re-exported so plugins use the same versions the SDK does.
pub use chrono;
pub use chrono_tz;
pub use serde_json;
pub use time::{LocalTime, parse_date};

/// The contract version this SDK implements.
pub const CONTRACT: &str = "folio:document@0.1.0";

/// What every plugin implements. Export it with [`export_plugin!`].
pub trait Plugin {
    /// Describes the plugin. Must agree with the bundle's `plugin.toml`,
    /// which `folio plugin build` writes from this.
    fn describe() -> Manifest;

    /// Plans one document. Return a [`PlanError`] for bad or missing input;
    /// a panic is reported by the host as a crash of the plugin.
    fn plan(request: &Request) -> Result<Plan, PlanError>;
}

/// Everything a plugin usually needs, in one import.
pub mod prelude {
    pub use crate::{
        Action, Currency, Decimal, DocumentClass, Inputs, Json, Kind, LocalTime, Manifest, Money, OutputFormat, Plan, PlanError, Plugin,
        Purpose, Request, Slot,
    };
}

/// Exports a [`Plugin`] implementation as the component's `describe` and
/// `plan` functions. Use it once per plugin crate. On native targets it
/// expands to nothing, so the crate still builds for tests and benchmarks.
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        #[cfg(target_arch = "wasm32")]
        const _: () = {
            struct FolioGuest;
            impl $crate::guest::bindings::Guest for FolioGuest {
                fn describe() -> $crate::guest::bindings::Manifest {
                    $crate::guest::describe::<$plugin>()
                }
                fn plan(
                    request: $crate::guest::bindings::Request,
                ) -> ::core::result::Result<$crate::guest::bindings::Plan, $crate::guest::bindings::PlanError> {
                    $crate::guest::plan::<$plugin>(request)
                }
            }
            $crate::guest::bindings::export_bindings!(
                FolioGuest with_types_in $crate::guest::bindings
            );
        };
    };
}
