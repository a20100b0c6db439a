//! Customer profiles, events and the document timeline.

use crate::service::auth::Caller;
use crate::service::problem::{ApiResult, Problem, parse_json};
use crate::service::state::AppState;
use crate::store::{CustomerEvent, CustomerProfile, DocumentRecord, OpenEvent, Scope, timestamp};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `PUT /v1/customers/{id}`: a customer's profile.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileInput {
    pub name: String,
    /// BCP 47 tag (default `en`).
    pub locale: Option<String>,
    /// IANA time zone (default `UTC`).
    pub timezone: Option<String>,
    #[serde(default)]
    pub segment: String,
    /// Free attributes: a JSON object.
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<serde_json::Value>,
}

/// Longest customer id accepted.
const MAX_ID: usize = 200;

fn check_id(id: &str) -> ApiResult<()> {
    if id.trim().is_empty() || id.len() > MAX_ID || id.chars().any(char::is_control) {
        return Err(Problem::invalid("id", format!("customer id must be 1-{MAX_ID} characters without control characters")));
    }
    Ok(())
}

/// Create or replace a customer's profile.
#[utoipa::path(put, path = "/v1/customers/{id}", tag = "customers", request_body = ProfileInput,
    responses((status = 200, body = CustomerProfile), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn put_profile(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<CustomerProfile>> {
    caller.require(Scope::Render)?;
    check_id(&id)?;
    let input: ProfileInput = parse_json(&super::body(body)?)?;
    let locale = input.locale.unwrap_or_else(|| "en".to_string());
    crate::render::check_locale(&locale).map_err(|e| Problem::invalid("locale", e))?;
    let timezone = input.timezone.unwrap_or_else(|| "UTC".to_string());
    timezone
        .parse::<chrono_tz::Tz>()
        .map_err(|_| Problem::invalid("timezone", format!("`{timezone}` is not an IANA time zone such as Asia/Kuala_Lumpur")))?;
    let attributes = input.attributes.unwrap_or_else(|| serde_json::json!({}));
    if !attributes.is_object() {
        return Err(Problem::invalid("attributes", "attributes must be a JSON object"));
    }
    if attributes.get("facts").is_some() {
        return Err(Problem::invalid("attributes.facts", "`facts` is reserved: renders fill it from the customer's events"));
    }
    let profile = CustomerProfile {
        id,
        name: input.name,
        locale,
        timezone,
        segment: input.segment,
        attributes,
        version: 0,
        updated_at: timestamp(Utc::now()),
    };
    Ok(Json(state.store().put_customer(&profile).await?))
}

/// A customer's profile.
#[utoipa::path(get, path = "/v1/customers/{id}", tag = "customers",
    responses((status = 200, body = CustomerProfile), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn get_profile(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<CustomerProfile>> {
    caller.require(Scope::Render)?;
    Ok(Json(profile(&state, &id).await?))
}

async fn profile(state: &AppState, id: &str) -> ApiResult<CustomerProfile> {
    state
        .store()
        .customer(id)
        .await?
        .ok_or_else(|| Problem::not_found(format!("no customer profile `{id}`; create it with PUT /v1/customers/{id}")))
}

/// One event in `POST /v1/customers/{id}/events`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// What happened or what is measured: `invoice.paid`, `active_users`.
    pub name: String,
    /// Any JSON value.
    #[schema(value_type = Object)]
    pub value: serde_json::Value,
    /// When it happened (default now).
    pub at: Option<DateTime<Utc>>,
}

/// The body of `POST /v1/customers/{id}/events`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventsInput {
    pub events: Vec<EventInput>,
}

/// Most events accepted in one request.
const MAX_EVENTS: usize = 1000;

/// Record usage metrics and facts about a customer.
#[utoipa::path(post, path = "/v1/customers/{id}/events", tag = "customers", request_body = EventsInput,
    responses((status = 201, body = Vec<CustomerEvent>), (status = 404, body = Problem), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn add_events(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<Vec<CustomerEvent>>)> {
    caller.require(Scope::Render)?;
    let input: EventsInput = parse_json(&super::body(body)?)?;
    profile(&state, &id).await?;
    if input.events.is_empty() || input.events.len() > MAX_EVENTS {
        return Err(Problem::invalid("events", format!("send 1 to {MAX_EVENTS} events")));
    }
    let now = Utc::now();
    let mut rows = Vec::with_capacity(input.events.len());
    for (i, event) in input.events.into_iter().enumerate() {
        let name = event.name.trim();
        if name.is_empty() || name.len() > 100 || name.chars().any(char::is_control) {
            return Err(Problem::invalid(&format!("events[{i}].name"), "event names are 1-100 characters without control characters"));
        }
        rows.push((name.to_string(), event.value.to_string(), timestamp(event.at.unwrap_or(now))));
    }
    let stored = state.store().add_events(&id, &rows, &timestamp(now)).await?;
    Ok((StatusCode::CREATED, Json(stored)))
}

/// A customer's events, newest first.
#[utoipa::path(get, path = "/v1/customers/{id}/events", tag = "customers",
    responses((status = 200, body = Vec<CustomerEvent>)), security(("bearer" = [])))]
pub async fn list_events(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Vec<CustomerEvent>>> {
    caller.require(Scope::Render)?;
    Ok(Json(state.store().customer_events(&id, 500).await?))
}

/// What a customer has received.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Timeline {
    pub customer_id: String,
    /// Archived documents, newest first.
    pub documents: Vec<DocumentRecord>,
    /// Opens of the customer's open links, newest first: an important
    /// document with no human open was never read.
    pub opens: Vec<OpenEvent>,
}

/// The customer's timeline: archived documents and opens, newest first.
#[utoipa::path(get, path = "/v1/customers/{id}/documents", tag = "customers",
    responses((status = 200, body = Timeline)), security(("bearer" = [])))]
pub async fn timeline(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Timeline>> {
    caller.require(Scope::Render)?;
    let documents = state.store().customer_documents(&id, 500).await?;
    state.open_recorder().flush().await;
    let opens = state.store().customer_opens(&id, 500).await?;
    Ok(Json(Timeline { customer_id: id, documents, opens }))
}
