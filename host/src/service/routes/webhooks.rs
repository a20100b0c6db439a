//! Webhook endpoints: where events go, with their secrets, deliveries,
//! tests and replays. Scope `webhooks` (or `admin`).

use crate::event::{EventType, Payload, Ping};
use crate::service::auth::Caller;
use crate::service::problem::{ApiResult, Problem, parse_json};
use crate::service::state::AppState;
use crate::store::{AttemptRecord, EndpointChange, EndpointRecord, Replayed, Scope, new_id, timestamp};
use crate::webhook::{GuardedResolver, MAX_URL_LEN, ResolveError, check_url, new_secret, show, system_lookup};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How long a rotated-out secret keeps signing, in hours.
const ROTATION_OVERLAP_HOURS: i64 = 24;
/// How long a webhook host's name may take to resolve when it is checked.
const RESOLVE_TIMEOUT: Duration = Duration::from_secs(3);
/// Longest description.
const MAX_DESCRIPTION: usize = 500;

/// `POST /v1/webhooks`: an endpoint to send events to.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewEndpoint {
    /// Where to POST events: https, on a public address (checked again, after
    /// DNS, at every delivery). At most 2048 characters.
    #[schema(max_length = 2048, pattern = "^https://", example = "https://hooks.example.com/folio")]
    pub url: String,
    /// The event types to send (at least one; `ping` is sent only by the test route).
    #[schema(min_items = 1, example = json!(["document.created", "document.opened"]))]
    pub events: Vec<EventType>,
    /// What the endpoint is for (at most 500 characters).
    #[schema(max_length = 500, example = "CRM: proposal opens")]
    pub description: Option<String>,
}

/// `PATCH /v1/webhooks/{id}`: what to change (at least one field).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndpointPatch {
    /// A new URL (same rules as at creation).
    #[schema(max_length = 2048, pattern = "^https://", example = "https://hooks.example.com/folio/v2")]
    pub url: Option<String>,
    /// The event types to send from now on (replaces the list).
    #[schema(min_items = 1, example = json!(["document.created"]))]
    pub events: Option<Vec<EventType>>,
    /// A new description.
    #[schema(max_length = 500, example = "CRM")]
    pub description: Option<String>,
    /// `false` stops deliveries; `true` resumes them (and forgets past failures).
    #[schema(example = true)]
    pub enabled: Option<bool>,
}

/// An endpoint as the API shows it (never its secret).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Endpoint {
    /// The endpoint's id (`whk_…`).
    pub id: String,
    /// Where events are POSTed.
    pub url: String,
    /// What it is for.
    pub description: String,
    /// The event types it is sent.
    pub events: Vec<EventType>,
    /// Whether deliveries are made.
    pub enabled: bool,
    /// Why it is disabled: `manual`, `gone` (it answered 410) or `failing` (it failed for 5 days).
    pub disabled_reason: Option<String>,
    /// When it was disabled (RFC 3339, UTC).
    pub disabled_at: Option<String>,
    /// When its current run of failed attempts began.
    pub failing_since: Option<String>,
    /// Until when the secret before the last rotation still signs (both signatures are sent).
    pub previous_secret_valid_until: Option<String>,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// The API key id that created it.
    pub created_by: String,
    /// When it was last changed (RFC 3339, UTC).
    pub updated_at: String,
}

impl Endpoint {
    fn from_record(record: EndpointRecord, events: Vec<EventType>) -> Self {
        let now = timestamp(Utc::now());
        Endpoint {
            enabled: record.disabled_at.is_none(),
            previous_secret_valid_until: record.previous_until.filter(|until| *until > now),
            id: record.id,
            url: record.url,
            description: record.description,
            events,
            disabled_reason: record.disabled_reason,
            disabled_at: record.disabled_at,
            failing_since: record.failing_since,
            created_at: record.created_at,
            created_by: record.created_by,
            updated_at: record.updated_at,
        }
    }
}

/// A created endpoint and its signing secret, shown this once.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedEndpoint {
    /// The endpoint.
    #[serde(flatten)]
    pub endpoint: Endpoint,
    /// The signing secret (`whsec_…`, Standard Webhooks format). Folio keeps
    /// it encrypted and never shows it again: store it now.
    pub secret: String,
}

/// A new secret, shown this once.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RotatedSecret {
    /// The new signing secret (`whsec_…`).
    pub secret: String,
    /// Until then deliveries carry signatures by both the old and the new secret.
    pub previous_valid_until: String,
}

/// The event a test queued.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TestSent {
    /// The `ping` event's id: the `webhook-id` the endpoint will see.
    pub event_id: String,
}

/// An endpoint's recent attempts and what still waits.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Deliveries {
    /// Deliveries waiting for an attempt (due now or retrying later).
    pub pending: i64,
    /// Attempts, newest first.
    pub attempts: Vec<AttemptRecord>,
}

/// `POST /v1/webhooks/{id}/replay`: a window of events to send again.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplayWindow {
    /// Events from this instant on.
    #[schema(example = "2026-11-30T00:00:00Z")]
    pub since: DateTime<Utc>,
    /// Events before this instant (default: now).
    #[schema(example = "2026-12-01T00:00:00Z")]
    pub until: Option<DateTime<Utc>>,
}

/// `?limit=` for deliveries.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveriesQuery {
    /// At most this many attempts (1-1000, default 100).
    #[param(minimum = 1, maximum = 1000, example = 100)]
    pub limit: Option<i64>,
}

fn not_found(id: &str) -> Problem {
    Problem::not_found(format!("no webhook endpoint `{id}`; GET /v1/webhooks lists them"))
}

/// Checks a webhook URL: its form, and where its host resolves to now
/// (it is checked again at every delivery, on the address connected to).
async fn checked_url(state: &AppState, text: &str, path: &str) -> ApiResult<String> {
    let policy = state.webhook_policy();
    let url = check_url(text, policy).map_err(|e| Problem::invalid(path, e.to_string()))?;
    if let Some(url::Host::Domain(host)) = url.host()
        && !policy.allow_private
    {
        let resolver = GuardedResolver::new(policy, system_lookup());
        // A name that does not resolve yet is accepted: deliveries retry.
        if let Ok(Err(ResolveError::Refused(why))) = tokio::time::timeout(RESOLVE_TIMEOUT, resolver.resolve_checked(host)).await {
            return Err(Problem::invalid(path, why.to_string()));
        }
    }
    Ok(url.to_string())
}

fn checked_events(events: &[EventType], path: &str) -> ApiResult<Vec<EventType>> {
    if events.is_empty() {
        return Err(Problem::invalid(path, "subscribe to at least one event type"));
    }
    if let Some(i) = events.iter().position(|e| !e.subscribable()) {
        return Err(Problem::invalid(
            &format!("{path}[{i}]"),
            "`ping` is sent only by POST /v1/webhooks/{id}/test; subscribe to other types",
        ));
    }
    let mut events = events.to_vec();
    events.sort();
    events.dedup();
    Ok(events)
}

fn checked_description(description: &str) -> ApiResult<()> {
    if description.chars().count() > MAX_DESCRIPTION || description.chars().any(char::is_control) {
        return Err(Problem::invalid("description", format!("at most {MAX_DESCRIPTION} characters, without control characters")));
    }
    Ok(())
}

/// Create a webhook endpoint. Its signing secret is in the answer, once.
#[utoipa::path(post, path = "/v1/webhooks", operation_id = "create_webhook", tag = "webhooks", request_body = NewEndpoint,
    responses((status = 201, body = CreatedEndpoint), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<CreatedEndpoint>)> {
    caller.require(Scope::Webhooks)?;
    let input: NewEndpoint = parse_json(&super::body(body)?)?;
    let url = checked_url(&state, &input.url, "url").await?;
    let events = checked_events(&input.events, "events")?;
    let description = input.description.unwrap_or_default();
    checked_description(&description)?;
    let id = new_id("whk");
    let secret = new_secret();
    let record = EndpointRecord::new(id.clone(), url, description, state.secrets().seal(&id, &secret), caller.id().to_string());
    state.store().create_endpoint(&record, &events).await?;
    Ok((StatusCode::CREATED, Json(CreatedEndpoint { endpoint: Endpoint::from_record(record, events), secret: show(&secret) })))
}

/// Every webhook endpoint, oldest first.
#[utoipa::path(get, path = "/v1/webhooks", operation_id = "list_webhooks", tag = "webhooks",
    responses((status = 200, body = Vec<Endpoint>)), security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<Endpoint>>> {
    caller.require(Scope::Webhooks)?;
    let endpoints = state.store().endpoints().await?;
    Ok(Json(endpoints.into_iter().map(|(record, events)| Endpoint::from_record(record, events)).collect()))
}

async fn find(state: &AppState, id: &str) -> ApiResult<Endpoint> {
    let (record, events) = state.store().endpoint(id).await?.ok_or_else(|| not_found(id))?;
    Ok(Endpoint::from_record(record, events))
}

/// One webhook endpoint.
#[utoipa::path(get, path = "/v1/webhooks/{id}", operation_id = "get_webhook", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id (`whk_…`)", example = "whk_00112233445566778899aabbccddeeff")),
    responses((status = 200, body = Endpoint), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn show_one(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Endpoint>> {
    caller.require(Scope::Webhooks)?;
    Ok(Json(find(&state, &id).await?))
}

/// Change an endpoint's URL, events or description, or disable or enable it.
#[utoipa::path(patch, path = "/v1/webhooks/{id}", operation_id = "update_webhook", tag = "webhooks", request_body = EndpointPatch,
    params(("id" = String, Path, description = "The endpoint's id (`whk_…`)", example = "whk_00112233445566778899aabbccddeeff")),
    responses((status = 200, body = Endpoint), (status = 404, body = Problem), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<Endpoint>> {
    caller.require(Scope::Webhooks)?;
    let patch: EndpointPatch = parse_json(&super::body(body)?)?;
    if patch.url.is_none() && patch.events.is_none() && patch.description.is_none() && patch.enabled.is_none() {
        return Err(Problem::invalid("", "nothing to change: give url, events, description or enabled"));
    }
    find(&state, &id).await?;
    let url = match &patch.url {
        Some(url) => Some(checked_url(&state, url, "url").await?),
        None => None,
    };
    let events = patch.events.as_deref().map(|e| checked_events(e, "events")).transpose()?;
    if let Some(description) = &patch.description {
        checked_description(description)?;
    }
    let change = EndpointChange { url, description: patch.description, events, enabled: patch.enabled };
    if !state.store().update_endpoint(&id, &change, caller.id(), &timestamp(Utc::now())).await? {
        return Err(not_found(&id));
    }
    Ok(Json(find(&state, &id).await?))
}

/// Delete an endpoint, with its pending deliveries and its attempts.
#[utoipa::path(delete, path = "/v1/webhooks/{id}", operation_id = "delete_webhook", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id (`whk_…`)", example = "whk_00112233445566778899aabbccddeeff")),
    responses((status = 204), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn delete(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<StatusCode> {
    caller.require(Scope::Webhooks)?;
    if !state.store().delete_endpoint(&id, caller.id(), &timestamp(Utc::now())).await? {
        return Err(not_found(&id));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Give an endpoint a new signing secret. For 24 hours every delivery
/// carries signatures by both secrets, so the receiver can switch over
/// without losing one.
#[utoipa::path(post, path = "/v1/webhooks/{id}/rotate-secret", operation_id = "rotate_webhook_secret", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id (`whk_…`)", example = "whk_00112233445566778899aabbccddeeff")),
    responses((status = 200, body = RotatedSecret), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn rotate(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<RotatedSecret>> {
    caller.require(Scope::Webhooks)?;
    find(&state, &id).await?;
    let secret = new_secret();
    let now = Utc::now();
    let until = timestamp(now + chrono::Duration::hours(ROTATION_OVERLAP_HOURS));
    let sealed = state.secrets().seal(&id, &secret);
    if !state.store().rotate_endpoint_secret(&id, &sealed, &until, caller.id(), &timestamp(now)).await? {
        return Err(not_found(&id));
    }
    Ok(Json(RotatedSecret { secret: show(&secret), previous_valid_until: until }))
}

/// Send the endpoint a `ping` event, now.
#[utoipa::path(post, path = "/v1/webhooks/{id}/test", operation_id = "test_webhook", tag = "webhooks",
    params(("id" = String, Path, description = "The endpoint's id (`whk_…`)", example = "whk_00112233445566778899aabbccddeeff")),
    responses((status = 202, body = TestSent), (status = 404, body = Problem), (status = 409, body = Problem)), security(("bearer" = [])))]
pub async fn test(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<(StatusCode, Json<TestSent>)> {
    caller.require(Scope::Webhooks)?;
    let endpoint = find(&state, &id).await?;
    if !endpoint.enabled {
        return Err(Problem::conflict(
            "endpoint-disabled",
            format!("endpoint `{id}` is disabled; enable it with PATCH {{\"enabled\": true}} first"),
        ));
    }
    let ping = Ping { endpoint_id: id.clone(), sent_by: caller.id().to_string(), sent_at: timestamp(Utc::now()) };
    let event_id = state.store().record_event(&ping.event(), Some(&id)).await?;
    Ok((StatusCode::ACCEPTED, Json(TestSent { event_id })))
}

/// An endpoint's recent delivery attempts: event, time, status or error,
/// latency, next attempt.
#[utoipa::path(get, path = "/v1/webhooks/{id}/deliveries", operation_id = "webhook_deliveries", tag = "webhooks", params(("id" = String, Path, description = "The endpoint's id (`whk_…`)", example = "whk_00112233445566778899aabbccddeeff"), DeliveriesQuery),
    responses((status = 200, body = Deliveries), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn deliveries(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    query: Result<Query<DeliveriesQuery>, QueryRejection>,
) -> ApiResult<Json<Deliveries>> {
    caller.require(Scope::Webhooks)?;
    let Query(query) = query.map_err(|e| Problem::invalid("limit", e.body_text()))?;
    let limit = super::page_limit(query.limit)?;
    find(&state, &id).await?;
    let pending = state.store().pending_deliveries(&id).await?;
    let attempts = state.store().endpoint_attempts(&id, limit).await?;
    Ok(Json(Deliveries { pending, attempts }))
}

/// Send again what an endpoint did not get in a window: failed deliveries
/// start over from the first attempt, and events of its types it never
/// got (while it was disabled) are queued for it.
#[utoipa::path(post, path = "/v1/webhooks/{id}/replay", operation_id = "replay_webhook", tag = "webhooks", request_body = ReplayWindow,
    params(("id" = String, Path, description = "The endpoint's id (`whk_…`)", example = "whk_00112233445566778899aabbccddeeff")),
    responses((status = 202, body = Replayed), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn replay(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<Replayed>)> {
    caller.require(Scope::Webhooks)?;
    let window: ReplayWindow = parse_json(&super::body(body)?)?;
    let now = Utc::now();
    let until = window.until.unwrap_or(now);
    if window.since >= until {
        return Err(Problem::invalid("since", "since must be before until"));
    }
    let endpoint = find(&state, &id).await?;
    if !endpoint.enabled {
        return Err(Problem::conflict(
            "endpoint-disabled",
            format!("endpoint `{id}` is disabled; enable it with PATCH {{\"enabled\": true}} first"),
        ));
    }
    let replayed = state.store().replay(&id, &timestamp(window.since), &timestamp(until), &timestamp(now)).await?;
    Ok((StatusCode::ACCEPTED, Json(replayed)))
}

/// The URL length the schema states, kept equal to the check's.
const _: () = assert!(MAX_URL_LEN == 2048);
