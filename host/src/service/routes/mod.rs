//! The HTTP routes, one module per area, and the router that joins them.

pub mod acceptances;
pub mod actions;
pub mod admin;
pub mod batches;
pub mod customers;
pub mod documents;
pub mod events;
pub mod health;
pub mod links;
pub mod open;
pub mod plugins;
pub mod webhooks;

use super::problem::{ApiResult, Problem};
use super::state::AppState;
use axum::Router;
use axum::body::Bytes;
use axum::extract::DefaultBodyLimit;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::routing::{get, post, put};

/// Largest JSON request body accepted.
pub const MAX_JSON_BYTES: usize = 2 << 20;

/// Every route. Body limits are per route: bundles may be large, JSON may not.
pub fn router(state: AppState) -> Router {
    let uploads = Router::new()
        .route("/v1/plugins", post(plugins::upload).get(plugins::list))
        .layer(DefaultBodyLimit::max(plugins::max_bundle_bytes()));
    let api = Router::new()
        .route("/v1/plugins/{name}", get(plugins::show))
        .route("/v1/plugins/{name}/versions/{version}/publish", post(plugins::publish))
        .route("/v1/plugins/{name}/aliases/{alias}", put(plugins::set_alias))
        .route("/v1/documents", post(documents::create))
        .route("/v1/documents/unopened", get(customers::unopened))
        .route("/v1/documents/{id}", get(documents::metadata))
        .route("/v1/documents/{id}/content", get(documents::content))
        .route("/v1/documents/{id}/reproduce", post(documents::reproduce))
        .route("/v1/customers/{id}", put(customers::put_profile).get(customers::get_profile))
        .route("/v1/customers/{id}/events", post(customers::add_events).get(customers::list_events))
        .route("/v1/customers/{id}/documents", get(customers::timeline))
        .route("/v1/audit", get(admin::audit))
        .route("/v1/keys", post(admin::create_key))
        .route("/v1/open-links", post(links::create))
        .route("/v1/open-links/{id}", axum::routing::delete(links::revoke))
        .route("/v1/open-links/{id}/opens", get(links::opens))
        .route("/v1/open-stats", get(links::stats))
        .route("/v1/signing-keys", post(links::rotate))
        .route("/v1/signing-keys/{id}", axum::routing::delete(links::retire))
        .route("/v1/webhooks", post(webhooks::create).get(webhooks::list))
        .route("/v1/webhooks/{id}", get(webhooks::show_one).patch(webhooks::update).delete(webhooks::delete))
        .route("/v1/webhooks/{id}/rotate-secret", post(webhooks::rotate))
        .route("/v1/webhooks/{id}/test", post(webhooks::test))
        .route("/v1/webhooks/{id}/deliveries", get(webhooks::deliveries))
        .route("/v1/webhooks/{id}/replay", post(webhooks::replay))
        .route("/v1/events", get(events::list))
        .route("/v1/acceptances", get(acceptances::list))
        .route("/v1/acceptances/{id}", get(acceptances::show))
        .route("/v1/receipt-keys", post(acceptances::rotate))
        .route("/v1/batches/{id}", get(batches::show).delete(batches::cancel))
        .route("/v1/batches/{id}/results", get(batches::results))
        .route("/v1/batches/{id}/archive", get(batches::archive))
        .route("/v1/batches/{id}/pause", post(batches::pause))
        .route("/v1/batches/{id}/resume", post(batches::resume))
        .layer(DefaultBodyLimit::max(MAX_JSON_BYTES));
    // A run's body is streamed line by line, each line bounded: no limit on the whole.
    let runs = Router::new().route("/v1/batches", post(batches::submit).get(batches::list)).layer(DefaultBodyLimit::disable());
    let actions =
        Router::new().route("/o/{token}/actions/{action}", post(actions::act)).layer(DefaultBodyLimit::max(actions::MAX_ACTION_BYTES));
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .route("/openapi.json", get(super::openapi::serve))
        .route("/o/{token}", get(open::open))
        .route("/receipt-keys", get(acceptances::keys))
        .merge(uploads)
        .merge(api)
        .merge(actions)
        .merge(runs)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

async fn not_found(uri: axum::http::Uri) -> Problem {
    Problem::not_found(format!("no route {}; GET /openapi.json lists every route", uri.path()))
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> Problem {
    Problem::new(StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed", format!("{} does not accept {method}", uri.path()))
}

/// The `?limit=` of a listing: 1 to 1000, 100 when not given.
pub(crate) fn page_limit(limit: Option<i64>) -> ApiResult<i64> {
    let limit = limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(Problem::invalid("limit", "limit must be between 1 and 1000"));
    }
    Ok(limit)
}

/// A request body, or the problem that kept it from being read (too large, cut off).
pub(crate) fn body(body: Result<Bytes, BytesRejection>) -> ApiResult<Bytes> {
    body.map_err(|e| {
        let status = e.status();
        let slug = if status == StatusCode::PAYLOAD_TOO_LARGE { "body-too-large" } else { "malformed-request" };
        Problem::new(status, slug, e.body_text())
    })
}
