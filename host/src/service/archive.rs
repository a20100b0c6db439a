//! Keeping a rendered document: its bytes in the blob store, then, in one
//! transaction, its archive record and `document.created` event (when asked
//! to store it) and its idempotency record (when the request carried a key). A concurrent
//! request with the same key that finished first wins, and this one is
//! answered with its document.

use super::download::document_response;
use super::idempotency::{Idempotency, replay};
use super::pipeline::Inputs;
use super::problem::{ApiResult, Problem};
use super::state::AppState;
use crate::event::{DocumentCreated, Payload};
use crate::render::Document;
use crate::store::{DocumentRecord, IdempotencyRecord, Recorded, new_id, timestamp};
use axum::response::Response;
use chrono::Utc;

/// Archives `document`, rendered from `inputs` for key `key_id`: when
/// `store` asks for it, and under `idempotency` when the request was
/// idempotent. Answers with the document (and its archive id).
pub(crate) async fn keep(
    state: &AppState,
    key_id: &str,
    inputs: &Inputs,
    document: &Document,
    store: bool,
    idempotency: Option<&Idempotency>,
) -> ApiResult<Response> {
    if !store && idempotency.is_none() {
        return Ok(document_response(&document.bytes, document.format, &document.file_name, None, false));
    }
    let sha256 = state.blobs().put(&document.bytes).map_err(Problem::internal)?;
    let now = timestamp(Utc::now());
    let record = match store {
        true => Some(record(inputs, document, sha256.clone(), key_id.to_string(), now.clone())?),
        false => None,
    };
    let idempotency_record = idempotency.map(|i| IdempotencyRecord {
        key_id: key_id.to_string(),
        idempotency_key: i.key.clone(),
        request_sha256: i.request_sha256.clone(),
        sha256,
        format: document.format.name().to_string(),
        file_name: document.file_name.clone(),
        document_id: record.as_ref().map(|r| r.id.clone()),
        created_at: now,
    });
    let created = record.as_ref().map(|r| created(state, r).event());
    let archived = record.as_ref().zip(created.as_ref());
    match state.store().record_render(idempotency_record.as_ref(), archived).await? {
        Recorded::New => {
            let id = record.as_ref().map(|r| r.id.as_str());
            Ok(document_response(&document.bytes, document.format, &document.file_name, id, false))
        }
        // A concurrent request with the same key finished first.
        Recorded::Existing(existing) => {
            let request_sha256 = idempotency.map_or("", |i| i.request_sha256.as_str());
            replay(state, &existing, request_sha256)
        }
    }
}

/// The `document.created` payload of archived document `r`.
pub(crate) fn created(state: &AppState, r: &DocumentRecord) -> DocumentCreated {
    let url = format!("{}/v1/documents/{}", state.public_url(), r.id);
    DocumentCreated {
        document_id: r.id.clone(),
        plugin: r.plugin.clone(),
        version: r.version.clone(),
        kind: r.kind.clone(),
        customer_id: r.customer_id.clone(),
        format: r.format.clone(),
        sha256: r.sha256.clone(),
        size: r.size,
        created_at: r.created_at.clone(),
        content_url: format!("{url}/content"),
        url,
    }
}

/// The archive record of `document`, rendered from `inputs` and kept as blob
/// `sha256`, asked for by `created_by` at `created_at`; in no billing run.
pub(crate) fn record(
    inputs: &Inputs,
    document: &Document,
    sha256: String,
    created_by: String,
    created_at: String,
) -> ApiResult<DocumentRecord> {
    Ok(DocumentRecord {
        id: new_id("doc"),
        plugin: inputs.plugin.clone(),
        version: inputs.version.clone(),
        digest: inputs.digest.clone(),
        kind: inputs.kind.clone(),
        customer_id: inputs.customer.id.clone(),
        format: document.format.name().to_string(),
        file_name: document.file_name.clone(),
        sha256,
        size: document.bytes.len() as i64,
        render_at: timestamp(inputs.at),
        created_at,
        created_by,
        inputs: serde_json::to_string(inputs).map_err(Problem::internal)?,
        batch_id: None,
        batch_key: None,
    })
}
