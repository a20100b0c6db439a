//! Admin routes: the audit log and API keys.

use crate::service::auth::Caller;
use crate::service::problem::{ApiResult, Problem, parse_json};
use crate::service::state::AppState;
use crate::store::{AuditEntry, KeyRecord, Scope};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

/// `?limit=` for the audit log.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct AuditQuery {
    /// At most this many entries (1-1000, default 100).
    pub limit: Option<i64>,
}

/// The audit log, newest first: uploads, publications, alias moves, API keys,
/// open links and signing keys.
#[utoipa::path(get, path = "/v1/audit", tag = "admin", params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>)), security(("bearer" = [])))]
pub async fn audit(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<AuditEntry>>> {
    caller.require(Scope::Admin)?;
    let Query(query) = query.map_err(|e| Problem::invalid("limit", e.body_text()))?;
    let limit = query.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(Problem::invalid("limit", "limit must be between 1 and 1000"));
    }
    Ok(Json(state.store().audit_log(limit).await?))
}

/// `POST /v1/keys`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewKey {
    /// What the key is for (`billing-eu`, `alice`).
    pub name: String,
    /// `render`, `plugins:write`, `plugins:publish`, `admin`.
    #[schema(value_type = Vec<String>)]
    pub scopes: Vec<String>,
}

/// A new key: the token is shown only here.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedKey {
    pub key: KeyRecord,
    /// The bearer token. It is stored only as a hash and cannot be shown again.
    pub token: String,
}

/// Create an API key.
#[utoipa::path(post, path = "/v1/keys", tag = "admin", request_body = NewKey,
    responses((status = 201, body = CreatedKey), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn create_key(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<CreatedKey>)> {
    caller.require(Scope::Admin)?;
    let input: NewKey = parse_json(&super::body(body)?)?;
    if input.name.trim().is_empty() || input.name.len() > 100 {
        return Err(Problem::invalid("name", "the key name must be 1-100 characters"));
    }
    let scopes = Scope::parse_list(&input.scopes.join(",")).map_err(|e| Problem::invalid("scopes", e))?;
    let (key, token) = state.store().create_key(&input.name, &scopes, caller.id()).await?;
    Ok((StatusCode::CREATED, Json(CreatedKey { key, token })))
}
