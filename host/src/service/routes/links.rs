//! Open links (billing systems create them; email opens follow them) and
//! the keys that sign them.

use crate::contract::types::{OutputFormat, Purpose, Request};
use crate::service::auth::Caller;
use crate::service::openlink;
use crate::service::pipeline::{customer_from_profile, resolve_version};
use crate::service::problem::{ApiResult, Problem, parse_json};
use crate::service::state::AppState;
use crate::store::{
    CustomerProfile, LinkFormat, LinkFormats, OpenEvent, OpenLink, OpenOutcome, OpenStats, OpenerClass, PluginVersion, Scope, new_id,
    timestamp,
};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// `POST /v1/open-links`: a document to render whenever the link is opened.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLink {
    /// The plugin that renders the link.
    #[schema(pattern = "^[a-z][a-z0-9-]{0,63}$", example = "invoice")]
    pub plugin: String,
    /// An exact published version; not with `alias`.
    #[schema(example = "1.0.0")]
    pub version: Option<String>,
    /// An alias (default `stable`): opens follow it as it moves.
    #[schema(pattern = "^[a-z][a-z0-9-]{0,63}$", example = "stable")]
    pub alias: Option<String>,
    /// The document kind.
    #[schema(pattern = "^[a-z][a-z0-9-]{0,63}$", example = "invoice")]
    pub kind: String,
    /// The stored customer profile each open renders with.
    #[schema(min_length = 1, max_length = 200, example = "cus_us_0042")]
    pub customer_id: String,
    /// The plugin's input.
    #[schema(value_type = Object)]
    pub data: Box<RawValue>,
    /// What the link serves: `html` (the page, `html_url`) and `png` (the
    /// personalised block as an image, `image_url`, for the email body).
    /// Default `["html"]`. `png` needs a block with an SVG variant.
    #[schema(value_type = Option<Vec<LinkFormat>>, min_items = 1)]
    pub formats: Option<Vec<String>>,
    /// After this instant the link answers 404.
    pub expires_at: Option<DateTime<Utc>>,
}

/// A created link. The URL is the credential: whoever has it sees the document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CreatedLink {
    /// The link's id, for revoking it and reading its opens.
    pub id: String,
    /// The page, when the link serves `html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html_url: Option<String>,
    /// The image (`<token>.png`), when the link serves `png`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// The token: the URLs' last segment, the link's only credential.
    pub token: String,
    /// The id of the key that signed the token.
    pub key_id: String,
    /// When the link stops working (RFC 3339); null when it never does.
    pub expires_at: Option<String>,
}

/// Create an open link.
#[utoipa::path(post, path = "/v1/open-links", operation_id = "create_open_link", tag = "open-time", request_body = NewLink,
    responses((status = 201, body = CreatedLink), (status = 404, body = Problem), (status = 422, body = Problem)), security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<(StatusCode, Json<CreatedLink>)> {
    caller.require(Scope::Render)?;
    let input: NewLink = parse_json(&super::body(body)?)?;
    let formats = link_formats(input.formats.as_deref())?;
    let now = Utc::now();
    if input.expires_at.is_some_and(|at| at <= now) {
        return Err(Problem::invalid("expires_at", "the link would already have expired"));
    }
    let version = resolve_version(&state, &input.plugin, input.version.as_deref(), input.alias.as_deref(), false).await?;
    super::documents::check_kind_and_format(&version, &input.kind, OutputFormat::Html)?;
    if formats.0.contains(&LinkFormat::Png) {
        check_images(&state, &version, &input.kind).await?;
    }
    let Some(profile) = state.store().customer(&input.customer_id).await? else {
        return Err(Problem::not_found(format!(
            "no customer profile `{}`; open links render from the stored profile, so PUT /v1/customers/{} first",
            input.customer_id, input.customer_id
        ))
        .at("customer_id"));
    };
    // The link's data never changes, so data the plugin refuses would make
    // every open a fallback: plan it once now and refuse the link instead.
    plan_once(&state, &version, &input.kind, &profile, &input.data).await?;
    let link = OpenLink {
        id: new_id("lnk"),
        plugin: input.plugin,
        alias: if input.version.is_some() { None } else { Some(input.alias.unwrap_or_else(|| "stable".into())) },
        version: input.version,
        kind: input.kind,
        customer_id: input.customer_id,
        data: input.data.get().to_string(),
        expires_at: input.expires_at.map(timestamp),
        revoked_at: None,
        created_by: caller.id().to_string(),
        created_at: timestamp(now),
        last_good_sha256: None,
        last_good_at: None,
        formats,
        last_good_png_sha256: None,
        last_good_png_at: None,
    };
    state.store().insert_link(&link).await?;
    let key = state.store().active_signing_key(caller.id()).await?;
    let token = openlink::sign(&key.id, &key.secret, &link.id, input.expires_at.map(|at| at.timestamp()))
        .ok_or_else(|| Problem::internal("could not sign an open-link token"))?;
    let url = format!("{}/o/{token}", state.public_url());
    let created = CreatedLink {
        html_url: link.serves(LinkFormat::Html).then(|| url.clone()),
        image_url: link.serves(LinkFormat::Png).then(|| format!("{url}.png")),
        id: link.id,
        token,
        key_id: key.id,
        expires_at: link.expires_at,
    };
    Ok((StatusCode::CREATED, Json(created)))
}

/// Plans the link's document as an open would (the stored profile, now),
/// failing with the plugin's problem (422 naming the path) when it refuses.
async fn plan_once(state: &AppState, version: &PluginVersion, kind: &str, profile: &CustomerProfile, data: &RawValue) -> ApiResult<()> {
    let prepared = state.plugins().get(version, state.blobs(), state.workers()).await?;
    let request = Request {
        kind: kind.to_string(),
        customer: customer_from_profile(state, profile).await?,
        data: data.to_owned(),
        purpose: Purpose::OpenTime,
        at: Utc::now(),
        interaction: None,
    };
    state.workers().plan(&prepared.files, request).await.map(drop).map_err(Problem::from)
}

/// The formats a link serves, in a fixed order: `html`, `png`.
fn link_formats(asked: Option<&[String]>) -> ApiResult<LinkFormats> {
    let Some(asked) = asked else { return Ok(LinkFormats(vec![LinkFormat::Html])) };
    if let Some(other) = asked.iter().find(|f| LinkFormat::parse(f).is_none()) {
        return Err(Problem::invalid("formats", format!("open links serve `html` and `png`, not `{other}`")));
    }
    let formats: Vec<LinkFormat> = LinkFormat::ALL.into_iter().filter(|f| asked.iter().any(|a| a == f.as_str())).collect();
    if formats.is_empty() {
        return Err(Problem::invalid("formats", "name at least one format: `html`, `png`"));
    }
    Ok(LinkFormats(formats))
}

/// Fails with 422 unless some block of `kind` has an SVG variant to draw.
async fn check_images(state: &AppState, version: &PluginVersion, kind: &str) -> ApiResult<()> {
    let prepared = state.plugins().get(version, state.blobs(), state.workers()).await?;
    let facts = prepared.facts(state.workers()).await?;
    if !facts.image_kinds.iter().any(|k| k == kind) {
        return Err(Problem::invalid(
            "formats",
            format!(
                "kind `{kind}` of {}@{} has no block with an image variant (templates/blocks/<slot>/<variant>.svg.hbs), \
                 so its links cannot serve `png`",
                version.name, version.version
            ),
        ));
    }
    Ok(())
}

/// Revoke an open link: its URL answers 404 from now on.
#[utoipa::path(delete, path = "/v1/open-links/{id}", operation_id = "revoke_open_link", tag = "open-time",
    params(("id" = String, Path, description = "The open link's id", example = "lnk_00112233445566778899aabbccddeeff")),
    responses((status = 204), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn revoke(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<StatusCode> {
    caller.require(Scope::Render)?;
    if !state.store().revoke_link(&id, caller.id()).await? {
        return Err(Problem::not_found(format!("no open link `{id}` in service")));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// A link's opens, and how many of them were people.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LinkOpens {
    /// The link.
    pub link: OpenLink,
    /// Opens by people (`agent` = `human`): what open rates count.
    pub human_opens: usize,
    /// Proxy and scanner opens, which are not counted as opens by people.
    pub unverified_opens: usize,
    /// Opens answered with the fallback rather than a fresh render.
    pub fallback_opens: usize,
    /// Newest first, at most 500.
    pub opens: Vec<OpenEvent>,
}

/// The opens of a link.
#[utoipa::path(get, path = "/v1/open-links/{id}/opens", operation_id = "link_opens", tag = "open-time",
    params(("id" = String, Path, description = "The open link's id", example = "lnk_00112233445566778899aabbccddeeff")),
    responses((status = 200, body = LinkOpens), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn opens(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<LinkOpens>> {
    caller.require(Scope::Render)?;
    let link = state.store().link(&id).await?.ok_or_else(|| Problem::not_found(format!("no open link `{id}`")))?;
    state.open_recorder().flush().await;
    let opens = state.store().link_opens(&id, 500).await?;
    let human_opens = opens.iter().filter(|o| o.agent == OpenerClass::Human).count();
    let fallback_opens = opens.iter().filter(|o| o.outcome == OpenOutcome::Fallback).count();
    Ok(Json(LinkOpens { link, human_opens, unverified_opens: opens.len() - human_opens, fallback_opens, opens }))
}

/// A signing key as the API shows it (never its secret).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SigningKeyInfo {
    /// The signing key's id (8 hex digits), as tokens carry it.
    pub id: String,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
}

/// Start signing new links with a new key; links signed before keep working
/// until their key is retired.
#[utoipa::path(post, path = "/v1/signing-keys", operation_id = "rotate_signing_key", tag = "open-time",
    responses((status = 201, body = SigningKeyInfo)), security(("bearer" = [])))]
pub async fn rotate(State(state): State<AppState>, caller: Caller) -> ApiResult<(StatusCode, Json<SigningKeyInfo>)> {
    caller.require(Scope::Admin)?;
    let key = state.store().rotate_signing_key(caller.id()).await?;
    Ok((StatusCode::CREATED, Json(SigningKeyInfo { id: key.id, created_at: key.created_at })))
}

/// Retire a signing key: every link it signed answers 404 from now on.
#[utoipa::path(delete, path = "/v1/signing-keys/{id}", operation_id = "retire_signing_key", tag = "open-time",
    params(("id" = String, Path, description = "The signing key's id (8 hex digits)", example = "a1b2c3d4")),
    responses((status = 204), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn retire(State(state): State<AppState>, caller: Caller, Path(id): Path<String>) -> ApiResult<StatusCode> {
    caller.require(Scope::Admin)?;
    if !state.store().retire_signing_key(&id, caller.id()).await? {
        return Err(Problem::not_found(format!("no signing key `{id}` in service")));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `?plugin=&kind=` for open statistics.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// Only this plugin's links (default: every plugin).
    #[param(example = "invoice")]
    pub plugin: Option<String>,
    /// Only this document kind (default: every kind).
    #[param(example = "invoice")]
    pub kind: Option<String>,
}

/// Open statistics per plugin and kind: links, opens, unique human opens,
/// proxy and scanner opens, fallbacks. Open rates should count only human
/// opens.
#[utoipa::path(get, path = "/v1/open-stats", operation_id = "open_stats", tag = "open-time", params(StatsQuery),
    responses((status = 200, body = Vec<OpenStats>)), security(("bearer" = [])))]
pub async fn stats(
    State(state): State<AppState>,
    caller: Caller,
    query: Result<Query<StatsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Vec<OpenStats>>> {
    caller.require(Scope::Render)?;
    let Query(query) = query.map_err(|e| Problem::invalid("query", e.body_text()))?;
    state.open_recorder().flush().await;
    let stats = state.store().open_stats(query.plugin.as_deref().unwrap_or(""), query.kind.as_deref().unwrap_or("")).await?;
    Ok(Json(stats))
}
