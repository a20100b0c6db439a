//! The service's render path: recorded [`Inputs`] → plugin plan → template
//! render → document bytes, all of it in a contained render worker
//! (`crate::contain`). The archive keeps the `Inputs` of every stored
//! document, so the same function reproduces it later.

use super::problem::{ApiResult, Problem};
use super::state::AppState;
use super::versions::Selector;
use crate::contain::{Failure, JobError, Lane};
use crate::contract::types::{Customer, Interaction, OutputFormat, Purpose, Request};
use crate::render::{Document, Format, RenderError};
use crate::store::{CustomerProfile, OpenLink, PluginVersion};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::time::Instant;

/// Everything a render depends on, recorded with archived documents.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inputs {
    pub plugin: String,
    pub version: String,
    /// The bundle's content digest: the exact plugin and templates.
    pub digest: String,
    pub kind: String,
    /// The customer as rendered (after the locale override, or as read
    /// from the stored profile).
    pub customer: Customer,
    pub data: Box<RawValue>,
    pub format: OutputFormat,
    pub purpose: Purpose,
    /// The render instant.
    pub at: DateTime<Utc>,
    /// The customer's action, for documents of an interactive offer (its
    /// accepted form): the action and their selections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interaction: Option<Interaction>,
}

/// Renders `inputs` with `version`'s plugin in `lane`'s workers, recording metrics.
pub async fn render(state: &AppState, version: &PluginVersion, inputs: &Inputs, lane: Lane) -> ApiResult<Document> {
    render_as(state, version, inputs, Format::from(inputs.format), lane).await.map_err(Problem::from)
}

/// [`render`] in `format`, which may be one no plugin declares (PNG, for
/// open links); `inputs.format` is then ignored. The failure is returned as
/// it is, so a caller can tell a render that was stopped from one the
/// plugin declined.
pub async fn render_as(
    state: &AppState,
    version: &PluginVersion,
    inputs: &Inputs,
    format: Format,
    lane: Lane,
) -> Result<Document, Failure> {
    let prepared = state.plugins().get(version, state.blobs(), state.workers()).await.map_err(|p| Failure::Unavailable(p.detail))?;
    let request = Request {
        kind: inputs.kind.clone(),
        customer: inputs.customer.clone(),
        data: inputs.data.clone(),
        purpose: inputs.purpose,
        at: inputs.at,
        interaction: inputs.interaction.clone(),
    };
    let started = Instant::now();
    let result = state.workers().in_lane(lane).render(&prepared.files, request, format).await;
    let metrics = state.metrics();
    metrics.render_seconds.with_label_values(&[format.name()]).observe(started.elapsed().as_secs_f64());
    let (outcome, limit) = outcome(&result);
    metrics.renders.with_label_values(&[inputs.plugin.as_str(), inputs.kind.as_str(), format.name(), outcome]).inc();
    if limit {
        metrics.limit_violations.with_label_values(&[inputs.plugin.as_str(), outcome]).inc();
    }
    if let Err(failure) = &result
        && failure.stop_class().is_some()
    {
        tracing::warn!(plugin = %inputs.plugin, version = %inputs.version, kind = %inputs.kind, format = format.name(), "render stopped: {failure}");
    }
    result
}

/// The metric label of a render's outcome, and whether it was a limit the
/// sandbox or the containment enforced.
pub fn outcome(result: &Result<Document, Failure>) -> (&'static str, bool) {
    match result {
        Ok(_) => ("ok", false),
        Err(Failure::Job(JobError::Plan(e))) => (e.class(), e.is_limit()),
        Err(Failure::Job(JobError::Render(RenderError::Limit { .. }))) => ("render-limit", true),
        Err(Failure::Job(JobError::Render(_))) => ("render-failed", false),
        Err(failure) => match failure.stop_class() {
            Some(crate::contain::StopClass::Timeout) => ("render-timeout", true),
            Some(crate::contain::StopClass::Memory) => ("render-memory", true),
            Some(crate::contain::StopClass::Crash) => ("render-crash", true),
            None if matches!(failure, Failure::Busy { .. }) => ("busy", false),
            None => ("internal", false),
        },
    }
}

/// The plugin version a render asks for: an explicit `version`, else
/// `alias` (default `stable`). Drafts are served only with `preview`.
pub async fn resolve_version(
    state: &AppState,
    plugin: &str,
    version: Option<&str>,
    alias: Option<&str>,
    preview: bool,
) -> ApiResult<PluginVersion> {
    let Some(selector) = Selector::of(version, alias) else {
        return Err(Problem::invalid("alias", "give either `version` or `alias`, not both"));
    };
    if let Some(found) = state.versions().get(plugin, &selector)
        && (found.status == crate::store::VersionStatus::Published || preview)
    {
        return Ok(found);
    }
    let (version, via) = match &selector {
        Selector::Version(v) => (v.clone(), None),
        Selector::Alias(alias) => {
            let alias = alias.as_str();
            let target = state.store().alias(plugin, alias).await?.ok_or_else(|| {
                Problem::not_found(format!(
                    "plugin `{plugin}` has no alias `{alias}`; publish a version and point the alias at it \
                     (PUT /v1/plugins/{plugin}/aliases/{alias}), or name a `version`"
                ))
                .at("alias")
            })?;
            (target, Some(alias))
        }
    };
    let found = state.store().plugin_version(plugin, &version).await?.ok_or_else(|| {
        let path = if via.is_some() { "alias" } else { "version" };
        Problem::not_found(format!("plugin `{plugin}` has no version `{version}`; GET /v1/plugins/{plugin} lists its versions")).at(path)
    })?;
    if found.status == crate::store::VersionStatus::Draft && !preview {
        return Err(Problem::conflict(
            "version-not-published",
            format!("{plugin}@{version} is a draft: publish it, or send `\"preview\": true` to render the draft"),
        )
        .at("version"));
    }
    if found.status == crate::store::VersionStatus::Published {
        state.versions().put(plugin, &selector, &found);
    }
    Ok(found)
}

/// The plugin version an open link renders with: its pinned version, or
/// where its alias points now.
pub async fn link_version(state: &AppState, link: &OpenLink) -> ApiResult<PluginVersion> {
    resolve_version(state, &link.plugin, link.version.as_deref(), link.alias.as_deref(), false).await
}

/// The stored profile an open link renders for; 404 when it is gone.
pub async fn link_profile(state: &AppState, link: &OpenLink) -> ApiResult<CustomerProfile> {
    state
        .store()
        .customer(&link.customer_id)
        .await?
        .ok_or_else(|| Problem::not_found(format!("customer profile `{}` is gone", link.customer_id)))
}

/// A customer as a render sees it, from a stored profile: the profile's
/// fields, and its attributes plus `facts`, the newest value of each event.
pub async fn customer_from_profile(state: &AppState, profile: &CustomerProfile) -> ApiResult<Customer> {
    let facts = state.store().customer_facts(&profile.id).await?;
    let mut attributes = match &profile.attributes {
        serde_json::Value::Object(map) => map.clone(),
        _ => serde_json::Map::new(),
    };
    let mut fact_map = serde_json::Map::new();
    for event in facts {
        let value: serde_json::Value = serde_json::from_str(&event.value).map_err(Problem::internal)?;
        fact_map.insert(event.name, serde_json::json!({ "value": value, "at": event.at }));
    }
    attributes.insert("facts".to_string(), serde_json::Value::Object(fact_map));
    let attributes = RawValue::from_string(serde_json::Value::Object(attributes).to_string()).map_err(Problem::internal)?;
    Ok(Customer {
        id: profile.id.clone(),
        display_name: profile.display_name.clone(),
        locale: profile.locale.clone(),
        timezone: profile.timezone.clone(),
        segment: profile.segment.clone(),
        attributes,
    })
}
