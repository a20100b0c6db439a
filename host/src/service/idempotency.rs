//! Idempotent renders: a retry with the same `Idempotency-Key` and the same
//! body (as canonical JSON, so reordered keys are the same request) gets
//! the first request's document; the same key with another body is refused.

use super::download::document_response;
use super::problem::{ApiResult, Problem};
use super::state::AppState;
use crate::render::Format;
use crate::store::IdempotencyRecord;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// A request's `Idempotency-Key` and the hash of its body.
#[derive(Debug, Clone)]
pub(crate) struct Idempotency {
    pub(crate) key: String,
    /// SHA-256 of the body as canonical JSON.
    pub(crate) request_sha256: String,
}

impl Idempotency {
    /// The request's idempotency, if it sent a key.
    pub(crate) fn of(headers: &HeaderMap, body: &[u8]) -> ApiResult<Option<Idempotency>> {
        let Some(key) = idempotency_key(headers)? else { return Ok(None) };
        Ok(Some(Idempotency { key, request_sha256: canonical_sha256(body)? }))
    }

    /// The answer to an earlier request with this key, if there was one.
    pub(crate) async fn replayed(&self, state: &AppState, key_id: &str) -> ApiResult<Option<Response>> {
        match state.store().idempotency(key_id, &self.key).await? {
            Some(existing) => replay(state, &existing, &self.request_sha256).map(Some),
            None => Ok(None),
        }
    }
}

/// The response to a retry: the first request's document, or 422 when the
/// key was used for a different body.
pub(crate) fn replay(state: &AppState, existing: &IdempotencyRecord, request_sha256: &str) -> ApiResult<Response> {
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
    // The handler has parsed the body already, so a body that is not JSON
    // never gets here. One that serde_json's `Value` cannot hold (nested past
    // its recursion limit, a number beyond f64) is hashed as sent: its status
    // is then the plugin's to decide, the same with or without a key.
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Ok(crate::digest::sha256_hex(&[b"raw:".as_slice(), body].concat()));
    };
    let text = serde_json::to_vec(&canonical(value)).map_err(Problem::internal)?;
    Ok(crate::digest::sha256_hex(&text))
}

pub(crate) fn format_named(name: &str) -> ApiResult<Format> {
    Format::from_name(name).ok_or_else(|| Problem::internal(format!("stored format `{name}` is unknown")))
}
