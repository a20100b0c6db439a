//! The Wasm side of the contract: wit-bindgen bindings for
//! `folio:document@0.1.0` and the conversions between them and the SDK's
//! types. Only compiled for `wasm32`; plugin authors never touch it.

use crate::{Manifest, Plan, PlanError, Plugin, Request, log::Level, request::parse_json};
use chrono::{DateTime, Utc};

#[doc(hidden)]
pub mod bindings {
    wit_bindgen::generate!({
        world: "plugin",
        path: "../../wit/v0.1",
        pub_export_macro: true,
        export_macro_name: "export_bindings",
        default_bindings_module: "folio_plugin::guest::bindings",
    });
}

use bindings::folio::document::{host, types as wit};

/// Sends a log message to the host.
pub(crate) fn log(level: Level, message: &str) {
    let level = match level {
        Level::Trace => host::LogLevel::Trace,
        Level::Debug => host::LogLevel::Debug,
        Level::Info => host::LogLevel::Info,
        Level::Warn => host::LogLevel::Warn,
        Level::Error => host::LogLevel::Error,
    };
    host::log(level, message);
}

/// Reports panics to the host before the instance traps, so the host can
/// say *why* the plugin crashed. The host recognises the `panicked at` prefix.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            host::log(host::LogLevel::Error, &info.to_string());
        }))
    });
}

#[doc(hidden)]
pub fn describe<P: Plugin>() -> wit::Manifest {
    install_panic_hook();
    manifest_to_wit(P::describe())
}

#[doc(hidden)]
pub fn plan<P: Plugin>(request: wit::Request) -> Result<wit::Plan, wit::PlanError> {
    install_panic_hook();
    let request = request_from_wit(request).map_err(error_to_wit)?;
    P::plan(&request).map(plan_to_wit).map_err(error_to_wit)
}

fn request_from_wit(r: wit::Request) -> Result<Request, PlanError> {
    let at = DateTime::<Utc>::from_timestamp(r.at.seconds, r.at.nanoseconds).ok_or_else(|| PlanError::invalid("at", "is out of range"))?;
    Ok(Request {
        kind: r.kind,
        customer: crate::Customer {
            id: r.customer.id,
            display_name: r.customer.display_name,
            locale: r.customer.locale,
            timezone: r.customer.timezone,
            segment: r.customer.segment,
            attributes: parse_json("customer.attributes", &r.customer.attributes)?,
        },
        data: parse_json("data", &r.data)?,
        purpose: match r.purpose {
            wit::Purpose::Batch => crate::Purpose::Batch,
            wit::Purpose::OnDemand => crate::Purpose::OnDemand,
            wit::Purpose::OpenTime => crate::Purpose::OpenTime,
            wit::Purpose::Interaction => crate::Purpose::Interaction,
        },
        at,
        interaction: match r.interaction {
            None => None,
            Some(i) => Some(crate::Interaction { action: i.action, inputs: parse_json("interaction.inputs", &i.inputs)? }),
        },
    })
}

fn plan_to_wit(p: Plan) -> wit::Plan {
    let Plan { template, view_model, blocks, title, file_name, freshness_seconds, actions } = p;
    wit::Plan {
        template,
        view_model,
        blocks: blocks.into_iter().map(|b| wit::BlockChoice { slot: b.slot, variant: b.variant }).collect(),
        title,
        file_name,
        freshness_seconds,
        actions: actions.into_iter().map(|a| wit::Action { name: a.name, label: a.label, inputs: a.inputs.to_string() }).collect(),
    }
}

fn error_to_wit(e: PlanError) -> wit::PlanError {
    match e {
        PlanError::InvalidInput { path, message } => wit::PlanError::InvalidInput(wit::InputError { path, message }),
        PlanError::MissingData(what) => wit::PlanError::MissingData(what),
        PlanError::Internal(message) => wit::PlanError::Internal(message),
    }
}

fn manifest_to_wit(m: Manifest) -> wit::Manifest {
    use crate::{DocumentClass as C, OutputFormat as F};
    wit::Manifest {
        name: m.name,
        version: m.version,
        kinds: m
            .kinds
            .into_iter()
            .map(|k| wit::Kind {
                name: k.name,
                class: match k.class {
                    C::Structured => wit::DocumentClass::Structured,
                    C::Interactive => wit::DocumentClass::Interactive,
                    C::OnDemand => wit::DocumentClass::OnDemand,
                },
                template: k.template,
                slots: k.slots.into_iter().map(|s| wit::Slot { name: s.name, variants: s.variants }).collect(),
                formats: k
                    .formats
                    .into_iter()
                    .map(|f| match f {
                        F::Html => wit::OutputFormat::Html,
                        F::Text => wit::OutputFormat::Text,
                        F::Pdf => wit::OutputFormat::Pdf,
                        F::Json => wit::OutputFormat::Json,
                    })
                    .collect(),
            })
            .collect(),
    }
}
