//! `GET /o/{token}` and `GET /o/{token}.png`: the document, or its
//! personalised block as an image, rendered at the moment it is opened.
//!
//! No API key: the token is the credential. Every failure to find a live
//! link (malformed, tampered, guessed, expired, revoked, retired key) is
//! the same bare 404, so the answer reveals nothing. Once the link is
//! found, the answer is always 200: a fresh render from the customer's
//! stored profile and facts (shared within the plan's freshness window,
//! see `opencache`), or — when the plugin fails, the profile is
//! gone or the store stumbles — the link's last good render, the
//! template's declared fallback, or a neutral page (a blank image for
//! `.png`). Mail clients and image proxies never see a 5xx or a broken image.
//!
//! Anybody with the link can open it, as often as the rate limit allows, so
//! a render that was stopped (its CPU or memory budget, a crash) suspends
//! the link's renders for a while (`suspend`): opens get the fallback
//! without rendering. Pages are served with a Content-Security-Policy that
//! allows no script and no framing: they come from Folio's own origin.

use crate::contain::{Failure, Lane};
use crate::contract::types::{DocumentClass, OutputFormat, Purpose};
use crate::render::Format;
use crate::service::offer;
use crate::service::openlink;
use crate::service::pipeline::{Inputs, customer_from_profile, link_profile, link_version, render_as};
use crate::service::problem::{ApiResult, Problem};
use crate::service::state::AppState;
use crate::store::{LastGood, LinkFormat, OpenEvent, OpenLink, OpenOutcome, timestamp};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde_json::value::RawValue;
use std::net::SocketAddr;

/// The policy of every page and image `/o/` serves: no script at all, no
/// plugins, no framing by other sites (clickjacking), forms only to Folio,
/// images and styles as documents use them.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; img-src 'self' https: data: cid:; style-src 'unsafe-inline'; \
font-src https: data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Shown when nothing fresh or previously good can be served.
const NEUTRAL_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Document</title></head>\
<body style=\"font-family:sans-serif;color:#333;\"><p>This document is not available right now. Please try again later.</p></body></html>\n";

/// Open a link: `/o/{token}` is the HTML document and `/o/{token}.png` the
/// personalised block as an image, both rendered now.
#[utoipa::path(get, path = "/o/{token}", operation_id = "open_link", tag = "open-time",
    params(("token" = String, Path, description = "The link's token (88 lower-case hex digits); append `.png` for the image", pattern = r"^[0-9a-f]{88}(\.png)?$")),
    responses(
        (status = 200, description = "The document or image, rendered now (or the fallback)", content_type = "text/html"),
        (status = 200, description = "With `.png`: the block as an image", content_type = "image/png"),
        (status = 404, description = "No live link"),
        (status = 429, description = "Too many opens from this address")))]
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
    let (token, served) = match token.strip_suffix(".png") {
        Some(token) => (token, LinkFormat::Png),
        None => (token.as_str(), LinkFormat::Html),
    };
    let Some((link, secret)) = live_link(&state, token).await.filter(|(link, _)| link.serves(served)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let agent_header = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let age = chrono::DateTime::parse_from_rfc3339(&link.created_at).map_or(i64::MAX, |c| Utc::now().timestamp() - c.timestamp());
    let agent = openlink::classify(method.as_str(), agent_header, age);
    let (body, outcome) = if method == Method::HEAD {
        // Scanners probe with HEAD; nothing is rendered for them.
        (Bytes::new(), OpenOutcome::Head)
    } else if state.suspensions().suspended(&(link.id.clone(), served.as_str())) {
        state.metrics().opens_suspended.inc();
        (Bytes::from(fallback(&state, &link, served).await), OpenOutcome::Fallback)
    } else if served == LinkFormat::Html && interactive(&state, &link).await {
        // An offer's page is planned on every open: it shows the current
        // offer, and its forms name it.
        match offer_page(&state, &link, &secret, token).await {
            Ok(bytes) => (Bytes::from(bytes), OpenOutcome::Fresh),
            Err(problem) => {
                tracing::warn!(link = %link.id, reason = %problem.cause.as_deref().unwrap_or(&problem.detail), "offer page failed; serving the fallback");
                (Bytes::from(fallback(&state, &link, served).await), OpenOutcome::Fallback)
            }
        }
    } else {
        match fresh(&state, &link, served).await {
            Ok((bytes, cached)) => (bytes, if cached { OpenOutcome::Cached } else { OpenOutcome::Fresh }),
            Err(problem) => {
                tracing::warn!(link = %link.id, format = served.as_str(), reason = %problem.cause.as_deref().unwrap_or(&problem.detail), "open-time render failed; serving the fallback");
                (Bytes::from(fallback(&state, &link, served).await), OpenOutcome::Fallback)
            }
        }
    };
    state.metrics().opens.with_label_values(&[link.plugin.as_str(), link.kind.as_str(), agent.as_str(), outcome.as_str()]).inc();
    state.open_recorder().open(OpenEvent::new(&link, served, method.as_str(), agent, outcome));
    let mut response = served_page(StatusCode::OK, body, render_format(served));
    response.headers_mut().insert("folio-open", HeaderValue::from_static(outcome.as_str()));
    response
}

/// A page or image `/o/` serves, with the headers every one carries: no
/// caching (the content changes with the customer), no indexing, no
/// referrer (the token is the credential), the policy that allows no
/// script and no framing.
pub(crate) fn served_page(status: StatusCode, body: impl Into<Bytes>, format: Format) -> Response {
    let mut response = (status, body.into()).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache, max-age=0"));
    h.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Whether the link's kind is interactive (its page offers actions).
pub(crate) async fn interactive(state: &AppState, link: &OpenLink) -> bool {
    match link_version(state, link).await {
        Ok(version) => version.manifest.kind(&link.kind).is_some_and(|k| k.class == DocumentClass::Interactive),
        Err(_) => false,
    }
}

/// The page of an offer: once accepted, the archived accepted document;
/// before, the current offer with its actions.
pub(crate) async fn offer_page(state: &AppState, link: &OpenLink, secret: &str, token: &str) -> ApiResult<Vec<u8>> {
    if let Some(acceptance) = state.store().link_acceptance(&link.id).await? {
        return accepted_page(state, &acceptance).await;
    }
    let current = offer::current(state, link).await?;
    offer::OnPage { state, link, secret, token }.page(&current, None, &[]).await
}

/// The archived HTML of an acceptance: what the accepted page shows.
pub(crate) async fn accepted_page(state: &AppState, acceptance: &crate::store::AcceptanceRecord) -> ApiResult<Vec<u8>> {
    let document = state
        .store()
        .document(&acceptance.html_document_id)
        .await?
        .ok_or_else(|| Problem::internal(format!("acceptance `{}` names a document that is gone", acceptance.id)))?;
    state.blobs().get(&document.sha256).map_err(Problem::internal)
}

/// The output format a link format is rendered in.
fn render_format(served: LinkFormat) -> Format {
    match served {
        LinkFormat::Png => Format::Png,
        LinkFormat::Html => Format::Html,
    }
}

/// Whether a failure is one that costs CPU or memory every time it is
/// tried: a render stopped by its budget or a crash, or a plugin call
/// stopped by a sandbox limit.
fn costly(failure: &Failure) -> bool {
    match failure {
        Failure::Job(crate::contain::JobError::Plan(e)) => e.is_limit(),
        Failure::Job(crate::contain::JobError::Render(crate::render::RenderError::Limit { .. })) => true,
        other => other.stop_class().is_some(),
    }
}

/// The link `token` names and its signing secret, if the token verifies
/// and the link is in service.
async fn live_link(state: &AppState, token: &str) -> Option<(OpenLink, String)> {
    match token_link(state, token).await? {
        (link, secret, false) => Some((link, secret)),
        (_, _, true) => None,
    }
}

/// The link a genuine `token` names (revoked links excepted), its signing
/// secret, and whether the token has expired.
pub(crate) async fn token_link(state: &AppState, token: &str) -> Option<(OpenLink, String, bool)> {
    let key = state.store().signing_key(&openlink::key_id(token)?).await.ok()??;
    let claims = openlink::verify_signature(token, &key.secret)?;
    let link = state.store().link(&claims.link_id).await.ok()?.filter(|link| link.revoked_at.is_none())?;
    Some((link, key.secret, claims.expired(Utc::now().timestamp())))
}

/// Renders the link now in `format`, from the customer's stored profile,
/// and keeps the bytes as the link's last good render; or, within the
/// plan's freshness window, the render already made for this profile
/// version. Returns the bytes and whether they came from the cache.
async fn fresh(state: &AppState, link: &OpenLink, served: LinkFormat) -> ApiResult<(Bytes, bool)> {
    let format = render_format(served);
    let profile = link_profile(state, link).await?;
    let version = link_version(state, link).await?;
    let key = (link.id.clone(), served.as_str(), profile.version, version.digest.clone());
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
                interaction: None,
            };
            let document = match render_as(state, &version, &inputs, format, Lane::Interactive).await {
                Ok(document) => document,
                Err(failure) => {
                    if costly(&failure) {
                        state.suspensions().suspend((link.id.clone(), served.as_str()));
                    }
                    return Err(Problem::from(failure));
                }
            };
            // The fallback's copy: not synced, as the next good open rewrites it.
            let sha256 = state.blobs().put_unsynced(&document.bytes).map_err(Problem::internal)?;
            if link.last_good(served) != Some(sha256.as_str()) {
                state.open_recorder().last_good(LastGood { link_id: link.id.clone(), format: served, sha256, at: timestamp(inputs.at) });
            }
            Ok::<_, Problem>((document.bytes, document.freshness_seconds))
        })
        .await?;
    Ok((bytes, cached))
}

/// What an open gets when no fresh render can be had: the link's last good
/// render in `format`, else the template's own fallback (see
/// `Renderer::fallback`), else the neutral page or a blank image.
async fn fallback(state: &AppState, link: &OpenLink, served: LinkFormat) -> Vec<u8> {
    // The newest last good render may still be queued for writing.
    state.open_recorder().flush().await;
    let newest = state.store().link(&link.id).await.ok().flatten();
    let last_good = newest.as_ref().unwrap_or(link).last_good(served);
    if let Some(bytes) = last_good.and_then(|sha| state.blobs().get(sha).ok()) {
        return bytes;
    }
    match declared_fallback(state, link, served).await {
        Ok(Some(bytes)) => return bytes,
        Ok(None) => {}
        Err(problem) => {
            tracing::warn!(link = %link.id, reason = %problem.cause.as_deref().unwrap_or(&problem.detail), "the template's fallback failed too")
        }
    }
    match served {
        LinkFormat::Png => crate::render::blank_png(),
        LinkFormat::Html => NEUTRAL_PAGE.as_bytes().to_vec(),
    }
}

/// The bundle's fallback for the link's kind, in the customer's language
/// when their profile can still be read. A fallback whose render was
/// stopped is suspended like a link's render.
async fn declared_fallback(state: &AppState, link: &OpenLink, served: LinkFormat) -> ApiResult<Option<Vec<u8>>> {
    let format = render_format(served);
    let version = link_version(state, link).await?;
    let suspension = (format!("fallback:{}:{}", version.digest, link.kind), served.as_str());
    if state.suspensions().suspended(&suspension) {
        return Ok(None);
    }
    let Some(template) = version.manifest.kind(&link.kind).map(|k| k.template.clone()) else {
        return Ok(None);
    };
    let prepared = state.plugins().get(&version, state.blobs(), state.workers()).await?;
    let locale = match state.store().customer(&link.customer_id).await {
        Ok(Some(profile)) => profile.locale,
        _ => "en".to_string(),
    };
    match state.workers().fallback(&prepared.files, &template, &locale, Utc::now(), format).await {
        Ok(document) => Ok(document.map(|d| d.bytes)),
        Err(failure) => {
            if costly(&failure) {
                state.suspensions().suspend(suspension);
            }
            Err(Problem::from(failure))
        }
    }
}
