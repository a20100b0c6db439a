//! Bindings for contract `folio:document@0.1.0` (`wit/v0.1/`).
//!
//! Generates the wasmtime bindings, implements the `host` interface on the
//! per-call store state, and converts between the generated types and the
//! host's version-independent [`crate::contract::types`].

use crate::contract::types as t;
use crate::runtime::CallState;
use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use wasmtime::component::{HasSelf, InstancePre, Linker};
use wasmtime::{Result, Store};

mod generated {
    wasmtime::component::bindgen!({
        world: "plugin",
        path: "../wit/v0.1",
        imports: { "folio:document/host.log": trappable },
    });
}

use generated::folio::document::{host, types as wit};

/// A plugin compiled and linked against contract 0.1, ready to instantiate.
pub(crate) struct Pre(generated::PluginPre<CallState>);

/// Registers the 0.1 host interface in `linker`.
pub(crate) fn add_to_linker(linker: &mut Linker<CallState>) -> Result<()> {
    generated::Plugin::add_to_linker::<CallState, HasSelf<CallState>>(linker, |state| state)
}

impl Pre {
    /// Checks the component's exports against the 0.1 world.
    pub(crate) fn new(pre: InstancePre<CallState>) -> Result<Self> {
        Ok(Pre(generated::PluginPre::new(pre)?))
    }

    pub(crate) fn describe(&self, store: &mut Store<CallState>) -> Result<t::Manifest> {
        let instance = self.0.instantiate(&mut *store)?;
        Ok(manifest_from_wit(instance.call_describe(store)?))
    }

    pub(crate) fn plan(&self, store: &mut Store<CallState>, request: &t::Request) -> Result<Result<RawPlan, t::PlanError>> {
        let instance = self.0.instantiate(&mut *store)?;
        let request = request_to_wit(request);
        Ok(instance.call_plan(store, &request)?.map(RawPlan).map_err(plan_error_from_wit))
    }
}

/// A plan as the plugin returned it, before the host checks and parses it.
pub(crate) struct RawPlan(wit::Plan);

impl RawPlan {
    /// Bytes of plugin output in this plan, checked against the output limit.
    pub(crate) fn size(&self) -> usize {
        let p = &self.0;
        p.template.len()
            + p.view_model.len()
            + p.title.len()
            + p.file_name.len()
            + p.blocks.iter().map(|b| b.slot.len() + b.variant.len()).sum::<usize>()
            + p.actions.iter().map(|a| a.name.len() + a.label.len() + a.inputs.len()).sum::<usize>()
    }

    /// Converts to the host's plan, parsing its JSON fields. The error names
    /// the field of the plan that is not valid JSON.
    pub(crate) fn into_plan(self) -> std::result::Result<t::Plan, (String, String)> {
        let p = self.0;
        let view_model = RawValue::from_string(p.view_model).map_err(|e| ("view-model".to_string(), e.to_string()))?;
        let actions = p
            .actions
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let inputs = serde_json::from_str(&a.inputs).map_err(|e| (format!("actions[{i}].inputs"), e.to_string()))?;
                Ok(t::Action { name: a.name, label: a.label, inputs })
            })
            .collect::<std::result::Result<_, (String, String)>>()?;
        Ok(t::Plan {
            template: p.template,
            view_model,
            blocks: p.blocks.into_iter().map(|b| t::BlockChoice { slot: b.slot, variant: b.variant }).collect(),
            title: p.title,
            file_name: p.file_name,
            freshness_seconds: p.freshness_seconds,
            actions,
        })
    }
}

impl host::Host for CallState {
    fn log(&mut self, level: host::LogLevel, message: String) -> Result<()> {
        let level = match level {
            host::LogLevel::Trace => t::LogLevel::Trace,
            host::LogLevel::Debug => t::LogLevel::Debug,
            host::LogLevel::Info => t::LogLevel::Info,
            host::LogLevel::Warn => t::LogLevel::Warn,
            host::LogLevel::Error => t::LogLevel::Error,
        };
        self.log(level, message)
    }
}

impl wit::Host for CallState {}

fn raw(json: &RawValue) -> String {
    json.get().to_string()
}

fn instant(at: DateTime<Utc>) -> wit::Instant {
    wit::Instant { seconds: at.timestamp(), nanoseconds: at.timestamp_subsec_nanos() }
}

fn request_to_wit(r: &t::Request) -> wit::Request {
    wit::Request {
        kind: r.kind.clone(),
        customer: wit::Customer {
            id: r.customer.id.clone(),
            display_name: r.customer.display_name.clone(),
            locale: r.customer.locale.clone(),
            timezone: r.customer.timezone.clone(),
            segment: r.customer.segment.clone(),
            attributes: raw(&r.customer.attributes),
        },
        data: raw(&r.data),
        purpose: match r.purpose {
            t::Purpose::Batch => wit::Purpose::Batch,
            t::Purpose::OnDemand => wit::Purpose::OnDemand,
            t::Purpose::OpenTime => wit::Purpose::OpenTime,
            t::Purpose::Interaction => wit::Purpose::Interaction,
        },
        at: instant(r.at),
        interaction: r.interaction.as_ref().map(|i| wit::Interaction { action: i.action.clone(), inputs: raw(&i.inputs) }),
    }
}

fn plan_error_from_wit(e: wit::PlanError) -> t::PlanError {
    match e {
        wit::PlanError::InvalidInput(e) => t::PlanError::InvalidInput { path: e.path, message: e.message },
        wit::PlanError::MissingData(what) => t::PlanError::MissingData { what },
        wit::PlanError::Internal(message) => t::PlanError::Internal { message },
    }
}

fn manifest_from_wit(m: wit::Manifest) -> t::Manifest {
    t::Manifest {
        name: m.name,
        version: m.version,
        kinds: m
            .kinds
            .into_iter()
            .map(|k| t::Kind {
                name: k.name,
                class: match k.class {
                    wit::DocumentClass::Structured => t::DocumentClass::Structured,
                    wit::DocumentClass::Interactive => t::DocumentClass::Interactive,
                    wit::DocumentClass::OnDemand => t::DocumentClass::OnDemand,
                },
                template: k.template,
                slots: k.slots.into_iter().map(|s| t::Slot { name: s.name, variants: s.variants }).collect(),
                formats: k
                    .formats
                    .into_iter()
                    .map(|f| match f {
                        wit::OutputFormat::Html => t::OutputFormat::Html,
                        wit::OutputFormat::Text => t::OutputFormat::Text,
                        wit::OutputFormat::Pdf => t::OutputFormat::Pdf,
                        wit::OutputFormat::Json => t::OutputFormat::Json,
                    })
                    .collect(),
            })
            .collect(),
    }
}
