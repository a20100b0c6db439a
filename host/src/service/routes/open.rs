//! `GET /o/{token}`: the document rendered at the moment it is opened.
//!
//! No API key: the token is the credential. Every failure to find a live
//! link (malformed, tampered, guessed, expired, revoked, retired key) is
//! the same bare 404, so the answer reveals nothing. Once the link is
//! found, the answer is always 200: a fresh render from the customer's
//! stored profile and facts (shared within the plan's freshness window,
//! see `opencache`), or — when the plugin fails, the profile is
//! gone or the store stumbles — the link's last good render, or a neutral
//! page. Mail clients and image proxies never see a 5xx.

use crate::contract::types::{OutputFormat, Purpose};
use crate::service::openlink;
use crate::service::problem::{ApiResult, Problem};
use crate::service::render::{Inputs, customer_from_profile, render, resolve_version};
use crate::service::state::AppState;
use crate::store::{OpenLink, timestamp};
use axum::extract::{ConnectInfo, Path, State};
use std::net::SocketAddr;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde_json::value::RawValue;

/// Shown when nothing fresh or previously good can be served.
const NEUTRAL_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Document</title></head>\
<body style=\"font-family:sans-serif;color:#333;\"><p>This document is not available right now. Please try again later.</p></body></html>\n";

/// Open a link: the HTML document, rendered now.
#[utoipa::path(get, path = "/o/{token}", tag = "open-time",
    responses((status = 200, description = "The document, rendered now (or the fallback)", content_type = "text/html"), (status = 404, description = "No live link")))]
pub async fn open(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    if !state.open_limiter().allow(client.ip()) {
        state.metrics().opens_limited.inc();
        return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response();
    }
    let Some(link) = live_link(&state, &token).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let agent_header = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let age = chrono::DateTime::parse_from_rfc3339(&link.created_at).map_or(i64::MAX, |c| Utc::now().timestamp() - c.timestamp());
    let agent = openlink::classify(method.as_str(), agent_header, age);
    let (body, outcome) = if method == Method::HEAD {
        // Scanners probe with HEAD; nothing is rendered for them.
        (Vec::new(), "head")
    } else {
        match fresh(&state, &link).await {
            Ok((bytes, cached)) => (bytes, if cached { "cached" } else { "fresh" }),
            Err(problem) => {
                tracing::warn!(link = %link.id, reason = %problem.detail, "open-time render failed; serving the fallback");
                (fallback(&state, &link), "fallback")
            }
        }
    };
    state.metrics().opens.with_label_values(&[link.plugin.as_str(), link.kind.as_str(), agent, outcome]).inc();
    if let Err(e) = state.store().record_open(&link, "html", method.as_str(), agent, outcome).await {
        tracing::warn!(link = %link.id, error = %e, "could not record an open");
    }
    let mut response = (StatusCode::OK, body).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    // Re-opens must fetch again: the content changes with the customer.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache, max-age=0"));
    h.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert("folio-open", HeaderValue::from_static(outcome));
    response
}

/// The link `token` names, if the token verifies and the link is in service.
async fn live_link(state: &AppState, token: &str) -> Option<OpenLink> {
    let key = state.store().signing_key(&openlink::key_id(token)?).await.ok()??;
    let claims = openlink::verify(token, &key.secret, Utc::now().timestamp())?;
    state.store().link(&claims.link_id).await.ok()?.filter(|link| link.revoked_at.is_none())
}

/// Renders the link now, from the customer's stored profile, and keeps the
/// bytes as the link's last good render; or, within the plan's freshness
/// window, the render already made for this profile version. Returns the
/// bytes and whether they came from the cache.
async fn fresh(state: &AppState, link: &OpenLink) -> ApiResult<(Vec<u8>, bool)> {
    let profile = state
        .store()
        .customer(&link.customer_id)
        .await?
        .ok_or_else(|| Problem::not_found(format!("customer profile `{}` is gone", link.customer_id)))?;
    let version = resolve_version(state, &link.plugin, link.version.as_deref(), link.alias.as_deref(), false).await?;
    let key = (link.id.clone(), profile.version, version.digest.clone());
    let (bytes, cached) = state
        .open_cache()
        .get_or_render(key, || async {
            let inputs = Inputs {
                plugin: version.name.clone(),
                version: version.version.clone(),
                digest: version.digest.clone(),
                kind: link.kind.clone(),
                customer: customer_from_profile(state, &profile).await?,
                data: RawValue::from_string(link.data.clone()).map_err(Problem::internal)?,
                format: OutputFormat::Html,
                purpose: Purpose::OpenTime,
                at: Utc::now(),
            };
            let document = render(state, &version, &inputs).await?;
            let sha256 = state.blobs().put(&document.bytes).map_err(Problem::internal)?;
            if link.last_good_sha256.as_deref() != Some(sha256.as_str()) {
                state.store().set_last_good(&link.id, &sha256, &timestamp(inputs.at)).await?;
            }
            Ok::<_, Problem>((document.bytes, document.freshness_seconds))
        })
        .await?;
    Ok((bytes.as_ref().clone(), cached))
}

/// The link's last good render, else the neutral page.
fn fallback(state: &AppState, link: &OpenLink) -> Vec<u8> {
    link.last_good_sha256
        .as_deref()
        .and_then(|sha| state.blobs().get(sha).ok())
        .unwrap_or_else(|| NEUTRAL_PAGE.as_bytes().to_vec())
}
