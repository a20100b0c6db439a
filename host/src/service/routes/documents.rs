//! The render API and the document archive (billing systems).

use crate::contain::Lane;
use crate::contract::types::{Customer, OutputFormat, Purpose};
use crate::render::{Document, Format};
use crate::service::archive;
use crate::service::auth::Caller;
use crate::service::download::document_response;
use crate::service::idempotency::{Idempotency, format_named};
use crate::service::pipeline::{self, Inputs, customer_from_profile, resolve_version};
use crate::service::problem::{ApiResult, Problem, parse_json};
use crate::service::state::AppState;
use crate::store::{DocumentRecord, PluginVersion, Scope};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// `POST /v1/documents`: what to render.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenderRequest {
    /// The plugin's name.
    #[schema(pattern = "^[a-z][a-z0-9-]{0,63}$", example = "invoice")]
    pub plugin: String,
    /// An exact version; drafts need `preview`. Not with `alias`.
    #[schema(example = "1.0.0")]
    pub version: Option<String>,
    /// An alias such as `stable` (the default when neither is given).
    #[schema(pattern = "^[a-z][a-z0-9-]{0,63}$", example = "stable")]
    pub alias: Option<String>,
    /// The document kind the plugin declares.
    #[schema(pattern = "^[a-z][a-z0-9-]{0,63}$", example = "invoice")]
    pub kind: String,
    /// The customer, inline. Exactly one of `customer` and `customer_id`.
    pub customer: Option<Customer>,
    /// A stored customer profile to render for (with its current facts).
    #[schema(min_length = 1, max_length = 200, example = "cus_us_0042")]
    pub customer_id: Option<String>,
    /// The plugin's input for this document.
    #[schema(value_type = Object)]
    pub data: Box<RawValue>,
    /// The output format; the kind must offer it.
    pub format: OutputFormat,
    /// The render instant (RFC 3339); default now.
    pub at: Option<DateTime<Utc>>,
    /// Overrides the customer's locale (BCP 47).
    #[schema(example = "de-DE")]
    pub locale: Option<String>,
    /// Archive the document and return its id in `Folio-Document-Id`.
    #[serde(default)]
    pub store: bool,
    /// Allow rendering a draft version (never archived).
    #[serde(default)]
    pub preview: bool,
    /// Why it is rendered (default `on-demand`).
    pub purpose: Option<Purpose>,
}

/// Render a document.
#[utoipa::path(post, path = "/v1/documents", operation_id = "render_document", tag = "documents",
    request_body = RenderRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key and body return the same document: 1-255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$", example = "invoice-INV-2026-0191")),
    responses(
        (status = 200, description = "The document's bytes, with the Content-Type of its format (text/html, text/plain, application/pdf, application/json); `Folio-Document-Id` when archived"),
        (status = 422, description = "Invalid input, naming the JSON path", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    caller.require(Scope::Render)?;
    let body = super::body(body)?;
    let request: RenderRequest = parse_json(&body)?;
    let idempotency = Idempotency::of(&headers, &body)?;
    if let Some(idempotency) = &idempotency
        && let Some(replayed) = idempotency.replayed(&state, caller.id()).await?
    {
        return Ok(replayed);
    }
    let store = request.store;
    let (version, inputs) = resolve(&state, request).await?;
    let document = pipeline::render(&state, &version, &inputs, Lane::Interactive).await?;
    archive::keep(&state, caller.id(), &inputs, &document, store, idempotency.as_ref()).await
}

/// What a render request names, resolved: the plugin version (alias or
/// pinned; drafts only as previews) and the inputs the render depends on
/// (the customer inline or from a stored profile with its facts).
pub(crate) async fn resolve(state: &AppState, request: RenderRequest) -> ApiResult<(PluginVersion, Inputs)> {
    let version = resolve_version(state, &request.plugin, request.version.as_deref(), request.alias.as_deref(), request.preview).await?;
    if request.preview && request.store {
        return Err(Problem::invalid("store", "previews of drafts are never archived; drop `store` or `preview`"));
    }
    check_kind_and_format(&version, &request.kind, request.format)?;
    let mut customer = customer_for(state, request.customer, request.customer_id.as_deref()).await?;
    if let Some(locale) = request.locale {
        crate::render::check_locale(&locale).map_err(|e| Problem::invalid("locale", e))?;
        customer.locale = locale;
    }
    let inputs = Inputs {
        plugin: version.name.clone(),
        version: version.version.clone(),
        digest: version.digest.clone(),
        kind: request.kind,
        customer,
        data: request.data,
        format: request.format,
        purpose: request.purpose.unwrap_or(Purpose::OnDemand),
        at: request.at.unwrap_or_else(Utc::now),
        interaction: None,
    };
    Ok((version, inputs))
}

/// Fails with 422 unless `version` declares `kind` and the kind offers `format`.
pub(crate) fn check_kind_and_format(version: &PluginVersion, kind: &str, format: OutputFormat) -> ApiResult<()> {
    let declared = version
        .manifest
        .kind(kind)
        .ok_or_else(|| Problem::invalid("kind", format!("plugin {}@{} has no document kind `{kind}`", version.name, version.version)))?;
    if !declared.formats.contains(&format) {
        let offered: Vec<&str> = declared.formats.iter().map(|f| Format::from(*f).name()).collect();
        return Err(Problem::invalid(
            "format",
            format!("kind `{kind}` does not offer format `{}`; it offers {}", Format::from(format).name(), offered.join(", ")),
        ));
    }
    Ok(())
}

/// The customer to render for: given inline, or read from a stored profile.
async fn customer_for(state: &AppState, inline: Option<Customer>, stored: Option<&str>) -> ApiResult<Customer> {
    match (inline, stored) {
        (Some(customer), None) => {
            crate::service::customer::check_inline(&customer)?;
            Ok(customer)
        }
        (None, Some(id)) => {
            let profile =
                state.store().customer(id).await?.ok_or_else(|| {
                    Problem::not_found(format!("no customer profile `{id}`; PUT /v1/customers/{id} first")).at("customer_id")
                })?;
            customer_from_profile(state, &profile).await
        }
        (Some(_), Some(_)) => Err(Problem::invalid("customer_id", "give either `customer` or `customer_id`, not both")),
        (None, None) => Err(Problem::invalid("customer", "give the `customer` inline or a stored `customer_id`")),
    }
}

async fn archived(state: &AppState, id: &str) -> ApiResult<DocumentRecord> {
    state.store().document(id).await?.ok_or_else(|| Problem::not_found(format!("no archived document `{id}`")))
}

/// An archived document's metadata.
#[utoipa::path(get, path = "/v1/documents/{id}", operation_id = "document_metadata", tag = "documents",
    params(("id" = String, Path, description = "The archived document's id", example = "doc_3f2a9c0e5b7d4a1f8e6c2b9d0a7f5e31")),
    responses((status = 200, body = DocumentRecord), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn metadata(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<DocumentRecord>> {
    caller.require(Scope::Render)?;
    Ok(Json(archived(&state, &id).await?))
}

/// An archived document's exact bytes.
#[utoipa::path(get, path = "/v1/documents/{id}/content", operation_id = "document_content", tag = "documents",
    params(("id" = String, Path, description = "The archived document's id", example = "doc_3f2a9c0e5b7d4a1f8e6c2b9d0a7f5e31")),
    responses((status = 200, description = "The bytes, with the Content-Type of the format"), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn content(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Response> {
    caller.require(Scope::Render)?;
    let record = archived(&state, &id).await?;
    let bytes = state.blobs().get(&record.sha256).map_err(Problem::internal)?;
    Ok(document_response(&bytes, format_named(&record.format)?, &record.file_name, Some(&record.id), false))
}

/// The outcome of re-rendering an archived document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Reproduction {
    /// The archived document.
    pub document_id: String,
    /// Whether the new render is byte-identical to the archived one.
    pub matches: bool,
    /// SHA-256 of the archived bytes.
    pub archived_sha256: String,
    /// SHA-256 of the new render.
    pub reproduced_sha256: String,
    /// Size in bytes of the new render.
    pub reproduced_size: usize,
}

/// Re-render an archived document from its recorded inputs and compare.
#[utoipa::path(post, path = "/v1/documents/{id}/reproduce", operation_id = "reproduce_document", tag = "documents",
    params(("id" = String, Path, description = "The archived document's id", example = "doc_3f2a9c0e5b7d4a1f8e6c2b9d0a7f5e31")),
    responses((status = 200, body = Reproduction), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn reproduce(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Reproduction>> {
    caller.require(Scope::Render)?;
    let record = archived(&state, &id).await?;
    let inputs: Inputs =
        serde_json::from_str(&record.inputs).map_err(|e| Problem::internal(format!("document {id} has unreadable inputs: {e}")))?;
    let version = state
        .store()
        .plugin_version(&inputs.plugin, &inputs.version)
        .await?
        .filter(|v| v.digest == inputs.digest)
        .ok_or_else(|| Problem::internal(format!("document {id} was rendered by a plugin version that is no longer stored")))?;
    let document: Document = pipeline::render(&state, &version, &inputs, Lane::Interactive).await?;
    let sha = crate::digest::sha256_hex(&document.bytes);
    Ok(Json(Reproduction {
        document_id: id,
        matches: sha == record.sha256,
        archived_sha256: record.sha256,
        reproduced_sha256: sha,
        reproduced_size: document.bytes.len(),
    }))
}
