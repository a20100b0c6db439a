//! The plugin registry (template authors and approvers): upload immutable
//! versions, publish them, and point aliases at published versions.

use crate::bundle::{BundleLimits, WASM_FILE, peek_manifest};
use crate::contain::{Failure, JobError, PluginFiles};
use crate::contract::types::is_name;
use crate::service::auth::Caller;
use crate::service::problem::{ApiResult, Problem, parse_json};
use crate::service::state::AppState;
use crate::store::{AliasRecord, PluginVersion, Scope, VersionStatus, timestamp};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Largest bundle upload accepted (the bundle reader's own limit).
pub fn max_bundle_bytes() -> usize {
    BundleLimits::default().max_bundle_bytes
}

/// Who may read the registry: the people who govern plugins (template
/// authors, approvers, admins). It names uploaders' and approvers' key ids,
/// which render keys (billing systems) have no need to see; they render by
/// alias or version without it.
const REGISTRY_READERS: [Scope; 2] = [Scope::PluginsWrite, Scope::PluginsPublish];

/// A plugin with its versions and aliases.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PluginSummary {
    /// The plugin's name.
    pub name: String,
    /// Every uploaded version, oldest first.
    pub versions: Vec<PluginVersion>,
    /// Its aliases and the versions they point at.
    pub aliases: Vec<AliasRecord>,
}

/// Upload a `.folio` bundle as a new draft version.
#[utoipa::path(post, path = "/v1/plugins", operation_id = "upload_plugin", tag = "plugins",
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "A .folio bundle"),
    responses(
        (status = 201, body = PluginVersion),
        (status = 409, description = "This name and version already exist", body = Problem),
        (status = 422, description = "The bundle was refused; `detail` says why", body = Problem),
    ),
    security(("bearer" = [])))]
pub async fn upload(State(state): State<AppState>, caller: Caller, body: Result<Bytes, BytesRejection>) -> ApiResult<Response> {
    caller.require(Scope::PluginsWrite)?;
    let body = super::body(body)?;
    let refused = |reason: String| Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid-bundle", format!("bundle refused: {reason}"));
    // Only plugin.toml is read here, to learn the name and version. Nothing
    // is verified, compiled or kept for a version that already exists.
    let claimed = peek_manifest(&body, &BundleLimits::default()).map_err(|e| refused(e.to_string()))?;
    let plugin = &claimed.plugin;
    let conflict = || {
        Problem::conflict(
            "version-exists",
            format!(
                "{}@{} was already uploaded and versions never change; bump the version in Cargo.toml and rebuild",
                plugin.name, plugin.version
            ),
        )
    };
    if state.store().plugin_version(&plugin.name, &plugin.version).await?.is_some() {
        return Err(conflict());
    }
    // Everything else (digests, contract, the component compiled by
    // Cranelift, describe, templates) in a worker of its own, under the
    // compile budget.
    let cached = crate::contain::Workers::cached_artifact(Some(state.plugins().artifacts()), &claimed);
    let admitted = state.workers().admit(&body, cached.as_deref()).await.map_err(|failure| match failure {
        Failure::Job(JobError::Bundle(why)) => refused(why),
        Failure::Job(JobError::Load(why)) => refused(why.to_string()),
        Failure::Job(JobError::Render(why)) => refused(why.to_string()),
        stopped @ Failure::Stopped { .. } => refused(stopped.described("checking and compiling it")),
        other => Problem::from(other),
    })?;
    let bytes: Arc<[u8]> = Arc::from(body.as_ref());
    let bundle_sha256 = state.blobs().put(&bytes).map_err(Problem::internal)?;
    let now = timestamp(Utc::now());
    let version = PluginVersion {
        name: plugin.name.clone(),
        version: plugin.version.clone(),
        digest: admitted.digest.clone(),
        bundle_sha256,
        bundle_size: bytes.len() as i64,
        manifest: admitted.manifest,
        status: VersionStatus::Draft,
        uploaded_by: caller.id().to_string(),
        uploaded_at: now.clone(),
        published_by: None,
        published_at: None,
    };
    if !state.store().insert_plugin_version(&version).await? {
        return Err(conflict());
    }
    let subject = format!("{}@{}", version.name, version.version);
    if let Some(wasm) = claimed.files.get(WASM_FILE) {
        state.plugins().artifacts().put(crate::digest::untagged(wasm), &admitted.artifact);
    }
    let files = Arc::new(PluginFiles { digest: admitted.digest, bundle: bytes, artifact: admitted.artifact.into() });
    state.plugins().insert(files, admitted.facts);
    tracing::info!(plugin = %subject, digest = %version.digest, by = caller.id(), "plugin uploaded");
    let mut response = (StatusCode::CREATED, Json(&version)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/v1/plugins/{}", version.name)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Publish a draft version. The uploader may not publish their own upload
/// unless their key is an admin key.
#[utoipa::path(post, path = "/v1/plugins/{name}/versions/{version}/publish", operation_id = "publish_version", tag = "plugins",
    params(("name" = String, Path, description = "The plugin's name", pattern = "^[a-z][a-z0-9-]{0,63}$", example = "invoice"), ("version" = String, Path, description = "The uploaded version to publish", example = "1.0.0")),
    responses((status = 200, body = PluginVersion), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)),
    security(("bearer" = [])))]
pub async fn publish(
    State(state): State<AppState>,
    caller: Caller,
    Path((name, version)): Path<(String, String)>,
) -> ApiResult<Json<PluginVersion>> {
    caller.require(Scope::PluginsPublish)?;
    let found = state
        .store()
        .plugin_version(&name, &version)
        .await?
        .ok_or_else(|| Problem::not_found(format!("plugin `{name}` has no version `{version}`")))?;
    if found.status == VersionStatus::Published {
        return Err(Problem::conflict("already-published", format!("{name}@{version} is already published")));
    }
    if found.uploaded_by == caller.id() && !caller.is_admin() {
        return Err(Problem::forbidden(format!(
            "{name}@{version} was uploaded with this key; another approver (or an admin key) must publish it"
        )));
    }
    let now = timestamp(Utc::now());
    if !state.store().publish_plugin_version(&name, &version, caller.id(), &now, state.public_url()).await? {
        return Err(Problem::conflict("already-published", format!("{name}@{version} is already published")));
    }
    state.versions().forget(&name);
    let published = state.store().plugin_version(&name, &version).await?.ok_or_else(|| Problem::internal("published version vanished"))?;
    Ok(Json(published))
}

/// Where to point an alias.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AliasTarget {
    /// A published version of the plugin.
    #[schema(example = "1.0.0")]
    pub version: String,
}

/// Point an alias (`stable`) at a published version. Pointing it back at an
/// older version is the rollback.
#[utoipa::path(put, path = "/v1/plugins/{name}/aliases/{alias}", operation_id = "set_alias", tag = "plugins",
    params(("name" = String, Path, description = "The plugin's name", pattern = "^[a-z][a-z0-9-]{0,63}$", example = "invoice"), ("alias" = String, Path, description = "The alias: lowercase letters, digits and dashes", pattern = "^[a-z][a-z0-9-]{0,63}$", example = "stable")),
    request_body = AliasTarget,
    responses((status = 200, body = AliasRecord), (status = 404, body = Problem), (status = 409, body = Problem)),
    security(("bearer" = [])))]
pub async fn set_alias(
    State(state): State<AppState>,
    caller: Caller,
    Path((name, alias)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Json<AliasRecord>> {
    caller.require(Scope::PluginsPublish)?;
    let target: AliasTarget = parse_json(&super::body(body)?)?;
    if !is_name(&alias) {
        return Err(Problem::invalid("alias", format!("alias `{alias}` must be lowercase letters, digits or dashes")));
    }
    let found = state
        .store()
        .plugin_version(&name, &target.version)
        .await?
        .ok_or_else(|| Problem::not_found(format!("plugin `{name}` has no version `{}`", target.version)).at("version"))?;
    if found.status != VersionStatus::Published {
        return Err(Problem::conflict(
            "version-not-published",
            format!("{name}@{} is a draft; publish it before pointing `{alias}` at it", target.version),
        )
        .at("version"));
    }
    let now = timestamp(Utc::now());
    state.store().set_alias(&name, &alias, &target.version, caller.id(), &now, state.public_url()).await?;
    state.versions().forget(&name);
    Ok(Json(AliasRecord { name, alias, version: target.version, updated_by: caller.id().to_string(), updated_at: now }))
}

/// Every plugin with its versions and aliases.
#[utoipa::path(get, path = "/v1/plugins", operation_id = "list_plugins", tag = "plugins", responses((status = 200, body = Vec<PluginSummary>)), security(("bearer" = [])))]
pub async fn list(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<PluginSummary>>> {
    caller.require_any(&REGISTRY_READERS)?;
    let mut out: Vec<PluginSummary> = Vec::new();
    for version in state.store().all_plugin_versions().await? {
        match out.last_mut() {
            Some(last) if last.name == version.name => last.versions.push(version),
            _ => out.push(PluginSummary { name: version.name.clone(), versions: vec![version], aliases: Vec::new() }),
        }
    }
    for summary in &mut out {
        summary.aliases = state.store().aliases(&summary.name).await?;
    }
    Ok(Json(out))
}

/// One plugin's versions (digest, status, who uploaded and published when) and aliases.
#[utoipa::path(get, path = "/v1/plugins/{name}", operation_id = "show_plugin", tag = "plugins", params(("name" = String, Path, description = "The plugin's name", pattern = "^[a-z][a-z0-9-]{0,63}$", example = "invoice")), responses((status = 200, body = PluginSummary), (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn show(State(state): State<AppState>, caller: Caller, Path(name): Path<String>) -> ApiResult<Json<PluginSummary>> {
    caller.require_any(&REGISTRY_READERS)?;
    let versions = state.store().plugin_versions(&name).await?;
    if versions.is_empty() {
        return Err(Problem::not_found(format!("no plugin `{name}` has been uploaded")));
    }
    let aliases = state.store().aliases(&name).await?;
    Ok(Json(PluginSummary { name, versions, aliases }))
}
