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
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// At most this many entries (1-1000, default 100).
    #[param(minimum = 1, maximum = 1000, example = 100)]
    pub limit: Option<i64>,
}

/// The audit log, newest first: uploads, publications, alias moves, API keys,
/// open links and signing keys.
#[utoipa::path(get, path = "/v1/audit", operation_id = "audit_log", tag = "admin", params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>)), security(("bearer" = [])))]
pub async fn audit(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<AuditQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<AuditEntry>>> {
    caller.require(Scope::Admin)?;
    let Query(query) = query.map_err(|e| Problem::invalid("limit", e.body_text()))?;
    let limit = super::page_limit(query.limit)?;
    Ok(Json(state.store().audit_log(limit).await?))
}

/// `POST /v1/keys`.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewKey {
    /// What the key is for (`billing-eu`, `alice`): 1-100 characters, not blank.
    #[schema(min_length = 1, max_length = 100, pattern = r"\S", example = "billing-eu")]
    pub name: String,
    /// What the key may do: at least one scope.
    #[schema(value_type = Vec<Scope>, min_items = 1, example = json!(["render"]))]
    pub scopes: Vec<String>,
}

/// A new key: the token is shown only here.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedKey {
    /// The key as it is stored (never its secret).
    pub key: KeyRecord,
    /// The bearer token. It is stored only as a hash and cannot be shown again.
    pub token: String,
}

/// Create an API key.
#[utoipa::path(post, path = "/v1/keys", operation_id = "create_key", tag = "admin", request_body = NewKey,
    responses((status = 201, body = CreatedKey), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn create_key(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<CreatedKey>)> {
    caller.require(Scope::Admin)?;
    let input: NewKey = parse_json(&super::body(body)?)?;
    if input.name.trim().is_empty() || input.name.chars().count() > 100 {
        return Err(Problem::invalid("name", "the key name must be 1-100 characters"));
    }
    let scopes = Scope::parse_list(&input.scopes.join(",")).map_err(|e| Problem::invalid("scopes", e))?;
    let (key, token) = state.store().create_key(&input.name, &scopes, caller.id()).await?;
    Ok((StatusCode::CREATED, Json(CreatedKey { key, token })))
}
