//! Customer profiles, events and the document timeline.

use crate::service::auth::Caller;
use crate::service::customer::{self, CustomerInput};
use crate::service::problem::{ApiResult, Problem, parse_json};
use crate::service::state::AppState;
use crate::store::{CustomerEvent, CustomerProfile, DocumentRecord, LinkActivity, OpenEvent, Scope, TimelineEvent, timestamp};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

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

/// An archived document with what happened to it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TimelineDocument {
    /// The document.
    #[serde(flatten)]
    pub document: DocumentRecord,
    /// Its events (`document.created`, …), newest first, each with its webhook deliveries counted.
    pub events: Vec<TimelineEvent>,
}

/// An open link (a document sent by email) with who opened it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TimelineLink {
    /// The link and its opens by class.
    #[serde(flatten)]
    pub link: LinkActivity,
    /// Its events (`document.opened`, `document.interaction`, `document.accepted`, …), newest first, each with its webhook deliveries counted.
    pub events: Vec<TimelineEvent>,
    /// For an interactive document the customer accepted: the acceptance, with its receipt.
    pub acceptance: Option<super::acceptances::Acceptance>,
}

/// What a customer has received, and what became of it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Timeline {
    /// The customer.
    pub customer_id: String,
    /// Archived documents, newest first, with their events.
    pub documents: Vec<TimelineDocument>,
    /// Open links, newest first: who opened each (people, mail proxies,
    /// scanners) and its events. An important document no person opened
    /// was never read.
    pub links: Vec<TimelineLink>,
    /// Every open of the customer's links, newest first.
    pub opens: Vec<OpenEvent>,
}

/// The customer's timeline: each document with its events and webhook
/// deliveries, each open link with who opened it, and every open.
#[utoipa::path(get, path = "/v1/customers/{id}/documents", operation_id = "customer_timeline", tag = "customers",
    params(("id" = String, Path, description = "The customer's id: 1-200 characters, not blank, no control characters", min_length = 1, max_length = 200, pattern = r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*$", example = "cus_us_0042")),
    responses((status = 200, body = Timeline)), security(("bearer" = [])))]
pub async fn timeline(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Timeline>> {
    caller.require(Scope::Render)?;
    customer::check_id(&id, "id")?;
    state.open_recorder().flush().await;
    let documents = state.store().customer_documents(&id, 500).await?;
    let links = state.store().customer_links(&id, 500).await?;
    let opens = state.store().customer_opens(&id, 500).await?;
    // Each event under what it is about, newest first as read: one pass, not one per document.
    let mut events: HashMap<String, Vec<TimelineEvent>> = HashMap::new();
    for event in state.store().customer_timeline_events(&id, 2000).await? {
        if let Some(subject) = event.subject.clone() {
            events.entry(subject).or_default().push(event);
        }
    }
    let mut take = |subject: &str| events.remove(subject).unwrap_or_default();
    let documents = documents.into_iter().map(|document| TimelineDocument { events: take(&document.id), document }).collect();
    let mut acceptances: HashMap<String, super::acceptances::Acceptance> = HashMap::new();
    for record in state.store().acceptances(Some(&id), None, 500).await? {
        acceptances.insert(record.link_id.clone(), super::acceptances::Acceptance::of(&record)?);
    }
    let links = links
        .into_iter()
        .map(|link| TimelineLink { events: take(&link.link_id), acceptance: acceptances.remove(&link.link_id), link })
        .collect();
    Ok(Json(Timeline { customer_id: id, documents, links, opens }))
}

/// `?since=&kind=&limit=` for unopened documents.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnopenedQuery {
    /// Links created at or after this instant (RFC 3339).
    #[param(example = "2026-11-01T00:00:00Z")]
    pub since: DateTime<Utc>,
    /// Only this document kind (default: every kind).
    #[param(example = "renewal-proposal")]
    pub kind: Option<String>,
    /// At most this many (1-1000, default 100).
    #[param(minimum = 1, maximum = 1000, example = 100)]
    pub limit: Option<i64>,
}

/// Documents nobody has read.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Unopened {
    /// Open links no person has opened (scanners and Apple Mail's
    /// prefetching do not count), oldest first, with what fetched them.
    pub documents: Vec<LinkActivity>,
}

/// Documents sent (open links) since an instant that no person has
/// opened: whom a customer-success manager calls first.
#[utoipa::path(get, path = "/v1/documents/unopened", operation_id = "unopened_documents", tag = "customers", params(UnopenedQuery),
    responses((status = 200, body = Unopened), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn unopened(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<UnopenedQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Unopened>> {
    caller.require(Scope::Render)?;
    let Query(query) = query.map_err(|e| Problem::invalid("query", e.body_text()))?;
    let limit = super::page_limit(query.limit)?;
    state.open_recorder().flush().await;
    let documents = state.store().unopened_links(&timestamp(query.since), query.kind.as_deref().unwrap_or(""), limit).await?;
    Ok(Json(Unopened { documents }))
}
