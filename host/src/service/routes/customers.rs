//! Customer profiles, events and the document timeline.

use crate::service::auth::Caller;
use crate::service::customer::{self, CustomerInput};
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

/// Create or replace a customer's profile. The body is the inline
/// customer's shape (`id` optional, and equal to the path's when given).
#[utoipa::path(put, path = "/v1/customers/{id}", operation_id = "put_customer", tag = "customers", request_body = CustomerInput,
    params(("id" = String, Path, description = "The customer's id: 1-200 characters, not blank, no control characters", min_length = 1, max_length = 200, pattern = r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*$", example = "cus_us_0042")),
    responses((status = 200, body = CustomerProfile), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn put_profile(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<CustomerProfile>> {
    caller.require(Scope::Render)?;
    customer::check_id(&id, "id")?;
    let input: CustomerInput = parse_json(&super::body(body)?)?;
    if input.id.as_ref().is_some_and(|given| *given != id) {
        return Err(Problem::invalid("id", format!("the body's id differs from the path's `{id}`; drop it or make them equal")));
    }
    customer::check_fields(&input.display_name, &input.segment, "")?;
    let locale = input.locale.unwrap_or_else(|| "en".to_string());
    customer::check_locale(&locale, "locale")?;
    let timezone = input.timezone.unwrap_or_else(|| "UTC".to_string());
    customer::check_timezone(&timezone, "timezone")?;
    let attributes = input.attributes.unwrap_or_else(|| serde_json::json!({}));
    if !attributes.is_object() {
        return Err(Problem::invalid("attributes", "attributes must be a JSON object"));
    }
    if attributes.get("facts").is_some() {
        return Err(Problem::invalid("attributes.facts", "`facts` is reserved: renders fill it from the customer's events"));
    }
    let profile = CustomerProfile {
        id,
        display_name: input.display_name,
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
#[utoipa::path(get, path = "/v1/customers/{id}", operation_id = "get_customer", tag = "customers",
    params(("id" = String, Path, description = "The customer's id: 1-200 characters, not blank, no control characters", min_length = 1, max_length = 200, pattern = r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*$", example = "cus_us_0042")),
    responses((status = 200, body = CustomerProfile), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn get_profile(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<CustomerProfile>> {
    caller.require(Scope::Render)?;
    customer::check_id(&id, "id")?;
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
    /// What happened or what is measured: `invoice.paid`, `active_users`
    /// (1-100 characters, not blank, no control characters).
    #[schema(
        min_length = 1,
        max_length = 100,
        pattern = r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*$",
        example = "paid:INV-2026-0042"
    )]
    pub name: String,
    /// Any JSON value.
    #[schema(value_type = Value, example = json!(true))]
    pub value: serde_json::Value,
    /// When it happened (default now).
    pub at: Option<DateTime<Utc>>,
}

/// The body of `POST /v1/customers/{id}/events`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventsInput {
    /// 1 to 1000 events.
    #[schema(min_items = 1, max_items = 1000)]
    pub events: Vec<EventInput>,
}

/// Most events accepted in one request.
const MAX_EVENTS: usize = 1000;

/// Record usage metrics and facts about a customer.
#[utoipa::path(post, path = "/v1/customers/{id}/events", operation_id = "add_customer_events", tag = "customers",
    params(("id" = String, Path, description = "The customer's id: 1-200 characters, not blank, no control characters", min_length = 1, max_length = 200, pattern = r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*$", example = "cus_us_0042")), request_body = EventsInput,
    responses((status = 201, body = Vec<CustomerEvent>), (status = 404, body = Problem), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn add_events(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<Vec<CustomerEvent>>)> {
    caller.require(Scope::Render)?;
    customer::check_id(&id, "id")?;
    let input: EventsInput = parse_json(&super::body(body)?)?;
    profile(&state, &id).await?;
    if input.events.is_empty() || input.events.len() > MAX_EVENTS {
        return Err(Problem::invalid("events", format!("send 1 to {MAX_EVENTS} events")));
    }
    let now = Utc::now();
    let mut rows = Vec::with_capacity(input.events.len());
    for (i, event) in input.events.into_iter().enumerate() {
        let name = event.name.trim();
        if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
            return Err(Problem::invalid(&format!("events[{i}].name"), "event names are 1-100 characters without control characters"));
        }
        rows.push((name.to_string(), event.value.to_string(), timestamp(event.at.unwrap_or(now))));
    }
    let stored = state.store().add_events(&id, &rows, &timestamp(now)).await?;
    Ok((StatusCode::CREATED, Json(stored)))
}

/// A customer's events, newest first.
#[utoipa::path(get, path = "/v1/customers/{id}/events", operation_id = "list_customer_events", tag = "customers",
    params(("id" = String, Path, description = "The customer's id: 1-200 characters, not blank, no control characters", min_length = 1, max_length = 200, pattern = r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*$", example = "cus_us_0042")),
    responses((status = 200, body = Vec<CustomerEvent>)), security(("bearer" = [])))]
pub async fn list_events(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Vec<CustomerEvent>>> {
    caller.require(Scope::Render)?;
    customer::check_id(&id, "id")?;
    Ok(Json(state.store().customer_events(&id, 500).await?))
}

/// What a customer has received.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Timeline {
    /// The customer.
    pub customer_id: String,
    /// Archived documents, newest first.
    pub documents: Vec<DocumentRecord>,
    /// Opens of the customer's open links, newest first: an important
    /// document with no human open was never read.
    pub opens: Vec<OpenEvent>,
}

/// The customer's timeline: archived documents and opens, newest first.
#[utoipa::path(get, path = "/v1/customers/{id}/documents", operation_id = "customer_timeline", tag = "customers",
    params(("id" = String, Path, description = "The customer's id: 1-200 characters, not blank, no control characters", min_length = 1, max_length = 200, pattern = r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*$", example = "cus_us_0042")),
    responses((status = 200, body = Timeline)), security(("bearer" = [])))]
pub async fn timeline(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Timeline>> {
    caller.require(Scope::Render)?;
    customer::check_id(&id, "id")?;
    let documents = state.store().customer_documents(&id, 500).await?;
    state.open_recorder().flush().await;
    let opens = state.store().customer_opens(&id, 500).await?;
    Ok(Json(Timeline { customer_id: id, documents, opens }))
}
