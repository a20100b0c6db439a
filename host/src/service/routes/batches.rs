//! Billing runs: submit one (NDJSON), follow it, read its results, pause,
//! resume or cancel it.

use crate::service::auth::Caller;
use crate::service::batches::{BatchStatus, Received, Submission, receive};
use crate::service::problem::{ApiResult, Problem};
use crate::service::state::AppState;
use crate::store::{BatchCreated, BatchRecord, BatchState, Scope, new_id, timestamp};
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Map, Value, json};

/// `POST /v1/batches?…`: the defaults of every line, and strictness.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SubmitQuery {
    /// The plugin of every line that names none.
    #[param(example = "invoice")]
    pub plugin: Option<String>,
    /// The alias of every line that names neither `alias` nor `version` (resolved once, now).
    #[param(example = "stable")]
    pub alias: Option<String>,
    /// The exact version of every line that names neither.
    #[param(example = "1.0.0")]
    pub version: Option<String>,
    /// The document kind of every line that names none.
    #[param(example = "invoice")]
    pub kind: Option<String>,
    /// The output format of every line that names none (`html`, `text`, `json`, `pdf`).
    #[param(example = "pdf")]
    pub format: Option<String>,
    /// Refuse the whole run at its first line that is not valid, instead of recording that line as failed.
    #[serde(default)]
    pub strict: bool,
}

/// Submit a billing run: one document request per line (`application/x-ndjson`).
#[utoipa::path(post, path = "/v1/batches", operation_id = "submit_batch", tag = "batches", params(SubmitQuery,
        ("Idempotency-Key" = Option<String>, Header, description = "Submitting again with the same key and body returns the same run: 1-255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$", example = "billing-2026-11")),
    request_body(content = String, content_type = "application/x-ndjson",
        description = "One JSON object per line: the shape `POST /v1/documents` takes plus `key` (unique within the run), over the query's defaults and an optional first line `{\"defaults\": {...}}`"),
    responses(
        (status = 201, description = "The run, queued", body = BatchStatus),
        (status = 200, description = "The run submitted before with this idempotency key and body", body = BatchStatus),
        (status = 409, description = "The idempotency key's first submission is still being received", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "With `strict`, the first line that is not valid (its line number and JSON path); a defaults line or query that is not valid; an idempotency key used with another body", body = Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn submit(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    query: Result<Query<SubmitQuery>, axum::extract::rejection::QueryRejection>,
    body: Body,
) -> ApiResult<Response> {
    caller.require(Scope::Render)?;
    let Query(query) = query.map_err(|e| Problem::invalid("query", e.body_text()))?;
    let idempotency_key = idempotency_key(&headers)?;
    let mut defaults = Map::new();
    for (name, value) in
        [("plugin", &query.plugin), ("alias", &query.alias), ("version", &query.version), ("kind", &query.kind), ("format", &query.format)]
    {
        if let Some(value) = value {
            defaults.insert(name.to_string(), Value::String(value.clone()));
        }
    }
    let batch = BatchRecord {
        id: new_id("bat"),
        created_by: caller.id().to_string(),
        idempotency_key,
        request_sha256: String::new(),
        defaults: Value::Object(defaults.clone()).to_string(),
        state: BatchState::Paused,
        total: 0,
        created_at: timestamp(Utc::now()),
        started_at: None,
        finished_at: None,
    };
    if let BatchCreated::Existing(existing) = state.store().create_batch(&batch).await? {
        return resubmitted(&state, &existing, body).await;
    }
    let mut submission = Submission { defaults, strict: query.strict };
    let received = receive(&state, &batch, &mut submission, body).await;
    let (total, sha256) = match received {
        Ok(Received::Queued { total, sha256 }) => (total, sha256),
        Ok(Received::Refused(problem)) | Err(problem) => {
            state.store().discard_batch(&batch.id).await?;
            return Err(problem);
        }
    };
    if total == 0 {
        state.store().discard_batch(&batch.id).await?;
        return Err(Problem::invalid("body", "the run has no document requests: send one JSON object per line"));
    }
    let defaults = Value::Object(submission.defaults).to_string();
    state.store().start_batch(&batch.id, total, &sha256, &defaults, state.public_url()).await?;
    state.batch_signal().notify_waiters();
    Ok((StatusCode::CREATED, Json(status_of(&state, &batch.id).await?)).into_response())
}

/// A submission with an idempotency key already used: the same run if the
/// body is the same (read whole, to compare), else a refusal.
async fn resubmitted(state: &AppState, existing: &BatchRecord, body: Body) -> ApiResult<Response> {
    use futures_util::StreamExt;
    use sha2::{Digest, Sha256};
    if existing.request_sha256.is_empty() {
        return Err(Problem::conflict(
            "batch-in-progress",
            "a run with this Idempotency-Key is still being received; ask again when it has been (GET /v1/batches)",
        ));
    }
    let mut sha = Sha256::new();
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        sha.update(chunk.map_err(|e| Problem::malformed(format!("the body could not be read to its end: {e}")))?);
    }
    if hex::encode(sha.finalize()) != existing.request_sha256 {
        return Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency-key-reused",
            format!("Idempotency-Key was used for run `{}` with another body; use a new key for a new run", existing.id),
        )
        .at("Idempotency-Key"));
    }
    Ok((StatusCode::OK, Json(status_of(state, &existing.id).await?)).into_response())
}

fn idempotency_key(headers: &HeaderMap) -> ApiResult<Option<String>> {
    let Some(value) = headers.get("idempotency-key") else { return Ok(None) };
    let key = value.to_str().ok().filter(|k| (1..=255).contains(&k.len()) && k.bytes().all(|b| (b'!'..=b'~').contains(&b)));
    key.map(|k| Some(k.to_string()))
        .ok_or_else(|| Problem::invalid("Idempotency-Key", "Idempotency-Key must be 1-255 visible ASCII characters"))
}

async fn status_of(state: &AppState, id: &str) -> ApiResult<BatchStatus> {
    let batch = state.store().batch(id).await?;
    let batch = batch.ok_or_else(|| Problem::not_found(format!("no batch `{id}`; GET /v1/batches lists them")).at("id"))?;
    let counts = state.store().batch_counts(id).await?;
    Ok(BatchStatus::of(&batch, counts, Utc::now(), state.public_url()))
}

/// A run's progress: counts per state, rate, time left.
#[utoipa::path(get, path = "/v1/batches/{id}", operation_id = "get_batch", tag = "batches",
    params(("id" = String, Path, description = "The run's id", pattern = "^bat_[0-9a-f]{32}$", example = "bat_00112233445566778899aabbccddeeff")),
    responses((status = 200, body = BatchStatus), (status = 404, body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn show(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<BatchStatus>> {
    caller.require(Scope::Render)?;
    Ok(Json(status_of(&state, &id).await?))
}

/// `?limit=` for runs.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// At most this many (1-1000, default 100).
    #[param(minimum = 1, maximum = 1000, example = 100)]
    pub limit: Option<i64>,
}

/// Runs, newest first.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Batches {
    /// The runs, newest first.
    pub batches: Vec<BatchStatus>,
}

/// Billing runs, newest first.
#[utoipa::path(get, path = "/v1/batches", operation_id = "list_batches", tag = "batches", params(ListQuery),
    responses((status = 200, body = Batches), (status = 422, body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Batches>> {
    caller.require(Scope::Render)?;
    let Query(query) = query.map_err(|e| Problem::invalid("query", e.body_text()))?;
    let limit = super::page_limit(query.limit)?;
    let records = state.store().batches(limit).await?;
    let ids: Vec<&str> = records.iter().map(|b| b.id.as_str()).collect();
    let counts = state.store().batches_counts(&ids).await?;
    let now = Utc::now();
    let batches = records.iter().zip(counts).map(|(batch, counts)| BatchStatus::of(batch, counts, now, state.public_url())).collect();
    Ok(Json(Batches { batches }))
}

/// Items read per query while results stream.
const RESULTS_PAGE: i64 = 1000;

/// A run's results: one NDJSON line per item, in submission order: its
/// key and line, and its document id and SHA-256, or its problem. Streamed.
#[utoipa::path(get, path = "/v1/batches/{id}/results", operation_id = "batch_results", tag = "batches",
    params(("id" = String, Path, description = "The run's id", pattern = "^bat_[0-9a-f]{32}$", example = "bat_00112233445566778899aabbccddeeff")),
    responses((status = 200, description = "One JSON object per line: `{line, key, state, document_id, sha256}` or `{line, key, state, problem}`", body = String, content_type = "application/x-ndjson"),
        (status = 404, body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn results(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Response> {
    caller.require(Scope::Render)?;
    status_of(&state, &id).await?;
    let pages = futures_util::stream::unfold(Some(0i64), move |after| {
        let (state, id) = (state.clone(), id.clone());
        async move {
            let after = after?;
            match state.store().batch_items(&id, after, RESULTS_PAGE).await {
                Ok(items) if items.is_empty() => None,
                Ok(items) => {
                    let next = items.last().map(|i| i.seq);
                    let mut text = String::new();
                    for item in &items {
                        let mut line = json!({"line": item.line, "key": item.item_key, "state": item.state});
                        match &item.problem {
                            Some(problem) => line["problem"] = json!(problem),
                            None if item.document_id.is_some() => {
                                line["document_id"] = json!(item.document_id);
                                line["sha256"] = json!(item.sha256);
                            }
                            None => {}
                        }
                        text.push_str(&line.to_string());
                        text.push('\n');
                    }
                    Some((Ok::<Bytes, std::io::Error>(Bytes::from(text)), next))
                }
                Err(e) => Some((Err(std::io::Error::other(e.to_string())), None)),
            }
        }
    });
    let mut response = Body::from_stream(pages).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-ndjson"));
    Ok(response)
}

/// A run's documents in one zip, streamed as it is written, with a
/// `manifest.json` (each key's file name and SHA-256) as its last entry.
#[utoipa::path(get, path = "/v1/batches/{id}/archive", operation_id = "batch_archive", tag = "batches",
    params(("id" = String, Path, description = "The run's id", pattern = "^bat_[0-9a-f]{32}$", example = "bat_00112233445566778899aabbccddeeff")),
    responses((status = 200, description = "A zip of every document the run archived, named by key, and `manifest.json`", body = String, content_type = "application/zip"),
        (status = 404, body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn archive(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Response> {
    caller.require(Scope::Render)?;
    status_of(&state, &id).await?;
    let chunks = crate::service::batches::archive::stream(state, id.clone());
    let body = Body::from_stream(futures_util::stream::unfold(chunks, |mut rx| async move { rx.recv().await.map(|c| (c, rx)) }));
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    if let Ok(disposition) = HeaderValue::from_str(&format!("attachment; filename=\"{id}.zip\"")) {
        h.insert(header::CONTENT_DISPOSITION, disposition);
    }
    Ok(response)
}

/// Cancel a run: items not started are dropped; those being rendered finish.
#[utoipa::path(delete, path = "/v1/batches/{id}", operation_id = "cancel_batch", tag = "batches",
    params(("id" = String, Path, description = "The run's id", pattern = "^bat_[0-9a-f]{32}$", example = "bat_00112233445566778899aabbccddeeff")),
    responses((status = 200, body = BatchStatus), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The run has already finished", body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn cancel(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<BatchStatus>> {
    change(&state, &caller, &id, &[BatchState::Running, BatchState::Paused], BatchState::Cancelled).await
}

/// Pause a run: no item is started until it is resumed.
#[utoipa::path(post, path = "/v1/batches/{id}/pause", operation_id = "pause_batch", tag = "batches",
    params(("id" = String, Path, description = "The run's id", pattern = "^bat_[0-9a-f]{32}$", example = "bat_00112233445566778899aabbccddeeff")),
    responses((status = 200, body = BatchStatus), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The run is not running", body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn pause(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<BatchStatus>> {
    change(&state, &caller, &id, &[BatchState::Running], BatchState::Paused).await
}

/// Resume a paused run.
#[utoipa::path(post, path = "/v1/batches/{id}/resume", operation_id = "resume_batch", tag = "batches",
    params(("id" = String, Path, description = "The run's id", pattern = "^bat_[0-9a-f]{32}$", example = "bat_00112233445566778899aabbccddeeff")),
    responses((status = 200, body = BatchStatus), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The run is not paused", body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn resume(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<BatchStatus>> {
    change(&state, &caller, &id, &[BatchState::Paused], BatchState::Running).await
}

async fn change(state: &AppState, caller: &Caller, id: &str, from: &[BatchState], to: BatchState) -> ApiResult<Json<BatchStatus>> {
    caller.require(Scope::Render)?;
    let before = status_of(state, id).await?;
    if !state.store().set_batch_state(id, from, to).await? {
        return Err(Problem::conflict("batch-state", format!("run `{id}` is {}; it cannot be {}", before.state.as_str(), verb(to))));
    }
    if to == BatchState::Cancelled {
        state.store().finish_batch_if_done(id, state.public_url()).await?;
    }
    state.batch_signal().notify_waiters();
    Ok(Json(status_of(state, id).await?))
}

fn verb(to: BatchState) -> &'static str {
    match to {
        BatchState::Running => "resumed",
        BatchState::Paused => "paused",
        BatchState::Cancelled => "cancelled",
        BatchState::Done => "finished",
    }
}
