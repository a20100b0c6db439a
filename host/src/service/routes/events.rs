//! The event log: what a consumer that missed deliveries polls to catch up.

use crate::event::EventType;
use crate::service::auth::Caller;
use crate::service::problem::{ApiResult, Problem};
use crate::service::state::AppState;
use crate::store::{Event, Scope};
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// `?after=&types=&limit=` for the event log.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// The last event id the consumer has: the answer starts after it
    /// (default: from the oldest event kept).
    #[param(example = "evt_00112233445566778899aabbccddeeff", pattern = "^evt_[0-9a-f]{32}$")]
    pub after: Option<String>,
    /// Only these types, comma-separated (default: every type).
    #[param(
        example = "document.created,document.opened",
        pattern = r"^(document\.created|document\.opened|document\.interaction|document\.accepted|batch\.completed|plugin\.published|alias\.moved|endpoint\.disabled|ping)(,(document\.created|document\.opened|document\.interaction|document\.accepted|batch\.completed|plugin\.published|alias\.moved|endpoint\.disabled|ping))*$"
    )]
    pub types: Option<String>,
    /// At most this many events (1-1000, default 100).
    #[param(minimum = 1, maximum = 1000, example = 100)]
    pub limit: Option<i64>,
}

/// A page of the event log.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EventPage {
    /// Events in the order they were committed, oldest first.
    pub events: Vec<Event>,
    /// Pass as `after` for the next page; the request's own `after` (or null) when this page is empty.
    pub next_after: Option<String>,
}

/// Events in commit order, after the one given: poll with the last id seen
/// to catch up on what deliveries missed. An event is never listed before
/// one committed ahead of it. Events are kept for 30 days (`--event-retention`).
#[utoipa::path(get, path = "/v1/events", operation_id = "list_events", tag = "webhooks", params(EventsQuery),
    responses((status = 200, body = EventPage), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<EventsQuery>, QueryRejection>,
) -> ApiResult<Json<EventPage>> {
    caller.require(Scope::Webhooks)?;
    let Query(query) = query.map_err(|e| Problem::invalid("query", e.body_text()))?;
    let limit = super::page_limit(query.limit)?;
    let mut types = BTreeSet::new();
    if let Some(list) = &query.types {
        // Exactly the documented form: names joined by commas, nothing else.
        for part in list.split(',') {
            types.insert(part.parse::<EventType>().map_err(|e| Problem::invalid("types", format!("{e}; separate types by commas alone")))?);
        }
    }
    let after = match &query.after {
        Some(id) => {
            let event = state.store().event(id).await?.ok_or_else(|| {
                Problem::invalid(
                    "after",
                    format!("no event `{id}`: it never existed or is older than the retention; list again without `after`"),
                )
            })?;
            event.seq
        }
        None => 0,
    };
    let events = state.store().events_after(after, &types, limit).await?;
    let next_after = events.last().map(|e| e.id.clone()).or(query.after);
    Ok(Json(EventPage { events, next_after }))
}

#[cfg(test)]
mod tests {
    use crate::event::EventType;

    /// The `types` pattern the OpenAPI document states names every type.
    #[test]
    fn the_types_pattern_names_every_type() {
        let doc = crate::service::openapi::document();
        let params = doc["paths"]["/v1/events"]["get"]["parameters"].as_array().cloned().unwrap_or_default();
        let pattern =
            params.iter().find(|p| p["name"] == "types").and_then(|p| p["schema"]["pattern"].as_str()).unwrap_or_default().to_string();
        for t in EventType::ALL {
            assert!(pattern.contains(&t.as_str().replace('.', "\\.")), "{t} is missing from {pattern}");
        }
    }
}
