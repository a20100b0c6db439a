//! Acceptances of interactive documents, with their receipts, and the
//! public keys that sign receipts.

use crate::offer::Receipt;
use crate::service::auth::Caller;
use crate::service::offer::{receipt, rotate_receipt_key};
use crate::service::problem::{ApiResult, Problem};
use crate::service::state::AppState;
use crate::store::{AcceptanceRecord, ReceiptKeyRecord, Scope};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A customer's acceptance of an offer: what they accepted, when, and the
/// signed receipt that proves it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Acceptance {
    /// The acceptance (`acc_` and 32 hex digits).
    pub id: String,
    /// The open link whose offer was accepted.
    pub link_id: String,
    /// The customer who accepted.
    pub customer_id: String,
    /// The plugin that planned the offer.
    pub plugin: String,
    /// Its version.
    pub version: String,
    /// The snapshot accepted: the offer as the customer's page showed it.
    pub snapshot_id: String,
    /// When (RFC 3339, UTC).
    pub accepted_at: String,
    /// The customer's selections.
    #[schema(value_type = Object)]
    pub selections: Value,
    /// The accepted totals, as the plan stated them.
    #[schema(value_type = Object)]
    pub totals: Value,
    /// The accepted document as HTML (`GET /v1/documents/{id}`; `/reproduce` re-renders it byte for byte).
    pub html_document_id: String,
    /// The accepted document as PDF.
    pub pdf_document_id: String,
    /// The record as signed, and its Ed25519 signature: check it offline
    /// with `folio verify receipt.json --document accepted.pdf`.
    pub receipt: Receipt,
}

impl Acceptance {
    /// The API's view of a stored acceptance.
    pub(crate) fn of(record: &AcceptanceRecord) -> ApiResult<Acceptance> {
        let receipt = receipt(record)?;
        Ok(Acceptance {
            id: record.id.clone(),
            link_id: record.link_id.clone(),
            customer_id: record.customer_id.clone(),
            plugin: record.plugin.clone(),
            version: record.version.clone(),
            snapshot_id: record.snapshot_id.clone(),
            accepted_at: record.accepted_at.clone(),
            selections: receipt.record["selections"].clone(),
            totals: receipt.record["totals"].clone(),
            html_document_id: record.html_document_id.clone(),
            pdf_document_id: record.pdf_document_id.clone(),
            receipt,
        })
    }
}

/// One acceptance, with its receipt.
#[utoipa::path(get, path = "/v1/acceptances/{id}", operation_id = "get_acceptance", tag = "interactive",
    params(("id" = String, Path, description = "The acceptance's id", pattern = "^acc_[0-9a-f]{32}$", example = "acc_00112233445566778899aabbccddeeff")),
    responses((status = 200, body = Acceptance), (status = 404, body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn show(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Acceptance>> {
    caller.require(Scope::Render)?;
    let record = state.store().acceptance(&id).await?.ok_or_else(|| Problem::not_found(format!("no acceptance `{id}`")).at("id"))?;
    Ok(Json(Acceptance::of(&record)?))
}

/// `?customer=&plugin=&limit=` for acceptances.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AcceptanceQuery {
    /// Only this customer's acceptances.
    #[param(example = "cus_tw_7")]
    pub customer: Option<String>,
    /// Only acceptances of this plugin's offers.
    #[param(example = "renewal-proposal")]
    pub plugin: Option<String>,
    /// At most this many (1-1000, default 100).
    #[param(minimum = 1, maximum = 1000, example = 100)]
    pub limit: Option<i64>,
}

/// Acceptances, newest first.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Acceptances {
    /// The acceptances, newest first.
    pub acceptances: Vec<Acceptance>,
}

/// Acceptances, newest first: a customer's, a plugin's, or all.
#[utoipa::path(get, path = "/v1/acceptances", operation_id = "list_acceptances", tag = "interactive", params(AcceptanceQuery),
    responses((status = 200, body = Acceptances), (status = 422, body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<AcceptanceQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Acceptances>> {
    caller.require(Scope::Render)?;
    let Query(query) = query.map_err(|e| Problem::invalid("query", e.body_text()))?;
    let limit = super::page_limit(query.limit)?;
    let records = state.store().acceptances(query.customer.as_deref(), query.plugin.as_deref(), limit).await?;
    let acceptances = records.iter().map(Acceptance::of).collect::<ApiResult<_>>()?;
    Ok(Json(Acceptances { acceptances }))
}

/// The keys that sign receipts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReceiptKeys {
    /// Every key, newest first; the newest not retired signs now. A
    /// receipt's `signature.key_id` names its key.
    pub keys: Vec<ReceiptKeyRecord>,
}

/// The public keys receipts are signed with: pin them to check receipts
/// offline (`folio verify --key`). No API key needed.
#[utoipa::path(get, path = "/receipt-keys", operation_id = "receipt_keys", tag = "interactive", responses((status = 200, body = ReceiptKeys)))]
pub async fn keys(State(state): State<AppState>) -> ApiResult<Json<ReceiptKeys>> {
    Ok(Json(ReceiptKeys { keys: state.store().receipt_keys().await? }))
}

/// Sign receipts with a new key from now on; receipts signed before stay
/// valid and their keys stay listed.
#[utoipa::path(post, path = "/v1/receipt-keys", operation_id = "rotate_receipt_key", tag = "interactive",
    responses((status = 201, body = ReceiptKeyRecord), (status = 403, body = Problem, content_type = "application/problem+json")), security(("bearer" = [])))]
pub async fn rotate(State(state): State<AppState>, caller: Caller) -> ApiResult<(StatusCode, Json<ReceiptKeyRecord>)> {
    caller.require(Scope::Admin)?;
    Ok((StatusCode::CREATED, Json(rotate_receipt_key(&state, caller.id()).await?)))
}
