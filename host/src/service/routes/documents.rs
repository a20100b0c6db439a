//! The render API and the document archive (billing systems).

use crate::contract::types::{Customer, OutputFormat, Purpose};
use crate::render::{Document, Format};
use crate::service::auth::Caller;
use crate::service::problem::{ApiResult, Problem, parse_json};
use crate::service::render::{Inputs, customer_from_profile, render, resolve_version};
use crate::service::state::AppState;
use crate::store::{DocumentRecord, IdempotencyRecord, PluginVersion, Recorded, Scope, new_id, timestamp};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// `POST /v1/documents`: what to render.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenderRequest {
    /// Plugin name.
    pub plugin: String,
    /// An exact version; drafts need `preview`. Not with `alias`.
    pub version: Option<String>,
    /// An alias such as `stable` (the default when neither is given).
    pub alias: Option<String>,
    /// The document kind the plugin declares.
    pub kind: String,
    /// The customer, inline. Exactly one of `customer` and `customer_id`.
    #[schema(value_type = Option<Object>)]
    pub customer: Option<Customer>,
    /// A stored customer profile to render for (with its current facts).
    pub customer_id: Option<String>,
    /// The plugin's input for this document.
    #[schema(value_type = Object)]
    pub data: Box<RawValue>,
    /// `html`, `text`, `pdf` or `json`.
    #[schema(value_type = String)]
    pub format: OutputFormat,
    /// The render instant (RFC 3339); default now.
    pub at: Option<DateTime<Utc>>,
    /// Overrides the customer's locale (BCP 47).
    pub locale: Option<String>,
    /// Archive the document and return its id in `Folio-Document-Id`.
    #[serde(default)]
    pub store: bool,
    /// Allow rendering a draft version (never archived).
    #[serde(default)]
    pub preview: bool,
    /// Why it is rendered: `batch`, `on-demand` (default), `open-time`.
    #[schema(value_type = Option<String>)]
    pub purpose: Option<Purpose>,
}

/// The policy of documents served by the API: a sandbox (no script, an
/// opaque origin), nothing loaded but images and inline styles.
const DOCUMENT_CSP: &str = "sandbox; default-src 'none'; img-src https: data: cid:; style-src 'unsafe-inline'; frame-ancestors 'none'";

/// `Content-Disposition: inline` with the document's file name, as RFC 6266
/// and RFC 5987 have it: the name reduced to a safe token, an ASCII
/// `filename` for old clients and the exact `filename*` in UTF-8.
pub(crate) fn content_disposition(file_name: &str, format: Format) -> HeaderValue {
    let stem = file_name.strip_suffix(&format!(".{}", format.extension())).unwrap_or(file_name);
    let stem = crate::render::safe_file_stem(stem).unwrap_or_else(|| "document".to_string());
    let name = format!("{stem}.{}", format.extension());
    let ascii: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    HeaderValue::from_str(&format!("inline; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"))
        .unwrap_or_else(|_| HeaderValue::from_static("inline"))
}

/// Header carrying an archived document's id.
pub const DOCUMENT_ID: &str = "folio-document-id";
const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// Render a document.
#[utoipa::path(post, path = "/v1/documents", tag = "documents",
    request_body = RenderRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Retries with the same key and body return the same document")),
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
    let idempotency = idempotency_key(&headers)?;
    // Only requests that may be retried need their canonical hash.
    let request_sha256 = if idempotency.is_some() { canonical_sha256(&body)? } else { String::new() };
    if let Some(key) = &idempotency
        && let Some(existing) = state.store().idempotency(caller.id(), key).await?
    {
        return replay(&state, &existing, &request_sha256);
    }

    let version = resolve_version(&state, &request.plugin, request.version.as_deref(), request.alias.as_deref(), request.preview).await?;
    if request.preview && request.store {
        return Err(Problem::invalid("store", "previews of drafts are never archived; drop `store` or `preview`"));
    }
    check_kind_and_format(&version, &request.kind, request.format)?;
    let mut customer = customer_for(&state, request.customer, request.customer_id.as_deref()).await?;
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
    };
    let document = render(&state, &version, &inputs).await?;
    if !request.store && idempotency.is_none() {
        return Ok(document_response(&document.bytes, document.format, &document.file_name, None, false));
    }

    let sha256 = state.blobs().put(&document.bytes).map_err(Problem::internal)?;
    let now = timestamp(Utc::now());
    let record = request.store.then(|| DocumentRecord {
        id: new_id("doc"),
        plugin: inputs.plugin.clone(),
        version: inputs.version.clone(),
        digest: inputs.digest.clone(),
        kind: inputs.kind.clone(),
        customer_id: inputs.customer.id.clone(),
        format: document.format.name().to_string(),
        file_name: document.file_name.clone(),
        sha256: sha256.clone(),
        size: document.bytes.len() as i64,
        render_at: timestamp(inputs.at),
        created_at: now.clone(),
        created_by: caller.id().to_string(),
        inputs: serde_json::to_string(&inputs).unwrap_or_default(),
    });
    let idem_record = idempotency.map(|key| IdempotencyRecord {
        key_id: caller.id().to_string(),
        idempotency_key: key,
        request_sha256: request_sha256.clone(),
        sha256,
        format: document.format.name().to_string(),
        file_name: document.file_name.clone(),
        document_id: record.as_ref().map(|r| r.id.clone()),
        created_at: now,
    });
    match state.store().record_render(idem_record.as_ref(), record.as_ref()).await? {
        Recorded::New => Ok(document_response(
            &document.bytes,
            document.format,
            &document.file_name,
            record.as_ref().map(|r| r.id.as_str()),
            false,
        )),
        // A concurrent request with the same key finished first.
        Recorded::Existing(existing) => replay(&state, &existing, &request_sha256),
    }
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
            if customer.id.trim().is_empty() {
                return Err(Problem::invalid("customer.id", "the customer id is empty"));
            }
            Ok(customer)
        }
        (None, Some(id)) => {
            let profile = state.store().customer(id).await?.ok_or_else(|| {
                Problem::not_found(format!("no customer profile `{id}`; PUT /v1/customers/{id} first")).at("customer_id")
            })?;
            customer_from_profile(state, &profile).await
        }
        (Some(_), Some(_)) => Err(Problem::invalid("customer_id", "give either `customer` or `customer_id`, not both")),
        (None, None) => Err(Problem::invalid("customer", "give the `customer` inline or a stored `customer_id`")),
    }
}

/// The response to a retry: the first request's document, or 422 when the
/// key was used for a different body.
fn replay(state: &AppState, existing: &IdempotencyRecord, request_sha256: &str) -> ApiResult<Response> {
    if existing.request_sha256 != request_sha256 {
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency-key-reused",
            format!(
                "Idempotency-Key `{}` was first used {} with a different request body; use a new key for a new request",
                existing.idempotency_key, existing.created_at
            ),
        ));
    }
    let bytes = state.blobs().get(&existing.sha256).map_err(Problem::internal)?;
    let format = format_named(&existing.format)?;
    Ok(document_response(&bytes, format, &existing.file_name, existing.document_id.as_deref(), true))
}

fn idempotency_key(headers: &HeaderMap) -> ApiResult<Option<String>> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY) else { return Ok(None) };
    let key = value.to_str().ok().map(str::trim).filter(|k| !k.is_empty() && k.len() <= 255 && k.bytes().all(|b| b.is_ascii_graphic()));
    key.map(|k| Some(k.to_string()))
        .ok_or_else(|| Problem::invalid("Idempotency-Key", "the Idempotency-Key header must be 1-255 visible ASCII characters"))
}

/// SHA-256 of the body as canonical JSON (object keys sorted, no spaces),
/// so a retry that reorders keys is still the same request.
fn canonical_sha256(body: &[u8]) -> ApiResult<String> {
    fn canonical(value: serde_json::Value) -> serde_json::Value {
        match value {
            serde_json::Value::Object(map) => {
                let mut entries: Vec<_> = map.into_iter().collect();
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                let mut out = serde_json::Map::new();
                for (k, v) in entries {
                    out.insert(k, canonical(v));
                }
                serde_json::Value::Object(out)
            }
            serde_json::Value::Array(items) => serde_json::Value::Array(items.into_iter().map(canonical).collect()),
            other => other,
        }
    }
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| Problem::malformed(format!("request body: {e}")))?;
    let text = serde_json::to_vec(&canonical(value)).map_err(Problem::internal)?;
    Ok(crate::digest::sha256_hex(&text))
}

fn format_named(name: &str) -> ApiResult<Format> {
    Format::from_name(name).ok_or_else(|| Problem::internal(format!("stored format `{name}` is unknown")))
}

/// A document's bytes with its content type, file name and, when archived, id.
fn document_response(bytes: &[u8], format: Format, file_name: &str, id: Option<&str>, replayed: bool) -> Response {
    let mut response = (StatusCode::OK, bytes.to_vec()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    headers.insert(header::CONTENT_DISPOSITION, content_disposition(file_name, format));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // A document opened from the API runs nothing and cannot be framed.
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(DOCUMENT_CSP));
    if let Some(id) = id.and_then(|id| HeaderValue::from_str(id).ok()) {
        headers.insert(DOCUMENT_ID, id);
    }
    if replayed {
        headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    response
}

async fn archived(state: &AppState, id: &str) -> ApiResult<DocumentRecord> {
    state.store().document(id).await?.ok_or_else(|| Problem::not_found(format!("no archived document `{id}`")))
}

/// An archived document's metadata.
#[utoipa::path(get, path = "/v1/documents/{id}", tag = "documents",
    responses((status = 200, body = DocumentRecord), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn metadata(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<DocumentRecord>> {
    caller.require(Scope::Render)?;
    Ok(Json(archived(&state, &id).await?))
}

/// An archived document's exact bytes.
#[utoipa::path(get, path = "/v1/documents/{id}/content", tag = "documents",
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
    pub document_id: String,
    /// Whether the new render is byte-identical to the archived one.
    pub matches: bool,
    pub archived_sha256: String,
    pub reproduced_sha256: String,
    pub reproduced_size: usize,
}

/// Re-render an archived document from its recorded inputs and compare.
#[utoipa::path(post, path = "/v1/documents/{id}/reproduce", tag = "documents",
    responses((status = 200, body = Reproduction), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn reproduce(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Reproduction>> {
    caller.require(Scope::Render)?;
    let record = archived(&state, &id).await?;
    let inputs: Inputs = serde_json::from_str(&record.inputs)
        .map_err(|e| Problem::internal(format!("document {id} has unreadable inputs: {e}")))?;
    let version = state
        .store()
        .plugin_version(&inputs.plugin, &inputs.version)
        .await?
        .filter(|v| v.digest == inputs.digest)
        .ok_or_else(|| Problem::internal(format!("document {id} was rendered by a plugin version that is no longer stored")))?;
    let document: Document = render(&state, &version, &inputs).await?;
    let sha = crate::digest::sha256_hex(&document.bytes);
    Ok(Json(Reproduction {
        document_id: id,
        matches: sha == record.sha256,
        archived_sha256: record.sha256,
        reproduced_sha256: sha,
        reproduced_size: document.bytes.len(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_safe_header_values() {
        let header = |name: &str| content_disposition(name, Format::Html).to_str().unwrap().to_string();
        assert_eq!(header("INV-2026-0042.html"), r#"inline; filename="INV-2026-0042.html"; filename*=UTF-8''INV-2026-0042.html"#);
        let hostile = header("a\r\nSet-Cookie:x=1;filename=../../x.html\"");
        assert!(!hostile.contains('\r') && !hostile.contains('\n') && !hostile.contains(".."), "{hostile}");
        assert!(hostile.starts_with(r#"inline; filename="a-Set-Cookie-x-1-filename-x.html"#), "{hostile}");
        let chinese = header("發票-42.html");
        assert!(chinese.contains(r#"filename="__-42.html""#) && chinese.contains("filename*=UTF-8''%E7%99%BC%E7%A5%A8-42.html"), "{chinese}");
    }
}
