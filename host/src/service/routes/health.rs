//! Liveness, readiness, metrics and the OpenAPI document: no key needed.

use crate::service::problem::Problem;
use crate::service::state::AppState;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Renders that have waited this long for a worker make the service not ready.
const SATURATED_AFTER_MS: u64 = 1000;

/// Liveness: the process is serving and has render workers. The body says,
/// for each lane, how many workers run, how many are busy and how many
/// renders wait.
#[utoipa::path(get, path = "/healthz", operation_id = "healthz", tag = "operations",
    responses((status = 200, description = "ok, with the render workers' state"), (status = 503, description = "no render worker is running")))]
pub async fn healthz(State(state): State<AppState>) -> Response {
    let stats = state.workers().stats();
    let (interactive, batch) = (&stats.interactive, &stats.batch);
    let body = format!(
        "{}\nworkers: {} of {} running, {} busy; {} renders waiting\nbatch workers: {} of {} running, {} busy; {} items waiting\n",
        if interactive.alive > 0 { "ok" } else { "no render worker is running" },
        interactive.alive,
        interactive.workers,
        interactive.busy,
        interactive.queued,
        batch.alive,
        batch.workers,
        batch.busy,
        batch.queued
    );
    let status = if interactive.alive > 0 { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, body).into_response()
}

/// Readiness: the database answers, the blob store accepts writes, and the
/// render workers keep up (no render has waited a second for one; billing
/// runs, which have workers of their own, do not count).
#[utoipa::path(get, path = "/readyz", operation_id = "readyz", tag = "operations",
    responses((status = 200, description = "ready"), (status = 503, body = Problem)))]
pub async fn readyz(State(state): State<AppState>) -> Response {
    let check = async {
        state.store().ping().await.map_err(|e| e.to_string())?;
        state.blobs().check_writable().map_err(|e| format!("the blob store does not accept writes: {e}"))?;
        let stats = state.workers().stats().interactive;
        if stats.alive == 0 {
            return Err("no render worker is running".to_string());
        }
        if stats.queued > 0 && stats.oldest_wait_ms >= SATURATED_AFTER_MS {
            return Err(format!(
                "saturated: all {} render workers are busy and {} renders wait, the oldest for {} ms",
                stats.alive, stats.queued, stats.oldest_wait_ms
            ));
        }
        Ok(())
    };
    match check.await {
        Ok(()) => "ready\n".into_response(),
        Err(reason) => {
            tracing::warn!(%reason, "not ready");
            Problem::new(StatusCode::SERVICE_UNAVAILABLE, "not-ready", reason).into_response()
        }
    }
}

/// Prometheus metrics.
#[utoipa::path(get, path = "/metrics", operation_id = "metrics", tag = "operations", responses((status = 200, description = "Prometheus text format")))]
pub async fn metrics(State(state): State<AppState>) -> Response {
    state.metrics().observe_pool(&state.workers().stats());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics().encode()).into_response()
}
