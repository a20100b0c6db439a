//! The plugin registry's records: immutable versions, their publication,
//! and aliases (`stable`) that point at published versions.

use super::audit::{Audit, AuditAction};
use super::{Store, StoreError, StoreResult};
use crate::contract::types::Manifest;
use crate::event::{AliasMoved, Payload, PluginPublished};
use serde::Serialize;

/// Where a version is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum VersionStatus {
    /// Uploaded; renders only as an explicit preview.
    Draft,
    /// Approved; serves production renders.
    Published,
}

impl VersionStatus {
    fn parse(text: &str) -> StoreResult<Self> {
        match text {
            "draft" => Ok(VersionStatus::Draft),
            "published" => Ok(VersionStatus::Published),
            other => Err(StoreError::Corrupt(format!("plugin version has unknown status `{other}`"))),
        }
    }
}

/// One uploaded plugin version.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PluginVersion {
    /// The plugin's name.
    pub name: String,
    /// The version (semver), unique per plugin and never changed.
    pub version: String,
    /// The bundle's content digest (`plugin.toml`), hex SHA-256.
    pub digest: String,
    /// SHA-256 of the bundle file in the blob store.
    pub bundle_sha256: String,
    /// The bundle file's size in bytes.
    pub bundle_size: i64,
    /// The plugin's manifest (kinds, slots, formats).
    #[schema(value_type = Object)]
    pub manifest: Manifest,
    /// Draft or published.
    pub status: VersionStatus,
    /// The API key id that uploaded it.
    pub uploaded_by: String,
    /// When it was uploaded (RFC 3339, UTC).
    pub uploaded_at: String,
    /// The API key id that published it; null for drafts.
    pub published_by: Option<String>,
    /// When it was published; null for drafts.
    pub published_at: Option<String>,
}

/// An alias and the version it points at.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct AliasRecord {
    /// The plugin's name.
    pub name: String,
    /// The alias (`stable`, `canary`).
    pub alias: String,
    /// The published version it points at.
    pub version: String,
    /// The API key id that last moved it.
    pub updated_by: String,
    /// When it last moved (RFC 3339, UTC).
    pub updated_at: String,
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    name: String,
    version: String,
    digest: String,
    bundle_sha256: String,
    bundle_size: i64,
    manifest: String,
    status: String,
    uploaded_by: String,
    uploaded_at: String,
    published_by: Option<String>,
    published_at: Option<String>,
}

impl VersionRow {
    fn into_version(self) -> StoreResult<PluginVersion> {
        Ok(PluginVersion {
            manifest: serde_json::from_str(&self.manifest)
                .map_err(|e| StoreError::Corrupt(format!("plugin {}@{} has an unreadable manifest: {e}", self.name, self.version)))?,
            status: VersionStatus::parse(&self.status)?,
            name: self.name,
            version: self.version,
            digest: self.digest,
            bundle_sha256: self.bundle_sha256,
            bundle_size: self.bundle_size,
            uploaded_by: self.uploaded_by,
            uploaded_at: self.uploaded_at,
            published_by: self.published_by,
            published_at: self.published_at,
        })
    }
}

fn versions(rows: Vec<VersionRow>) -> StoreResult<Vec<PluginVersion>> {
    rows.into_iter().map(VersionRow::into_version).collect()
}

impl Store {
    /// Records a new draft version. Returns `false` (and changes nothing)
    /// when `name@version` already exists: versions are immutable.
    pub async fn insert_plugin_version(&self, v: &PluginVersion) -> StoreResult<bool> {
        let doing = "recording a plugin version";
        let mut tx = self.begin(doing).await?;
        let result = sqlx::query(
            "INSERT INTO plugin_versions (name, version, digest, bundle_sha256, bundle_size, manifest, status, uploaded_by, uploaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8) ON CONFLICT (name, version) DO NOTHING",
        )
        .bind(&v.name)
        .bind(&v.version)
        .bind(&v.digest)
        .bind(&v.bundle_sha256)
        .bind(v.bundle_size)
        .bind(serde_json::to_string(&v.manifest).map_err(|e| StoreError::Corrupt(format!("cannot encode a manifest: {e}")))?)
        .bind(&v.uploaded_by)
        .bind(&v.uploaded_at)
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::sql(doing, e))?;
        if result.rows_affected() != 1 {
            return Ok(false);
        }
        Audit {
            at: &v.uploaded_at,
            actor: &v.uploaded_by,
            action: AuditAction::PluginUpload,
            subject: format!("{}@{}", v.name, v.version),
            detail: serde_json::json!({ "digest": v.digest, "size": v.bundle_size }),
        }
        .write(&mut tx)
        .await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))?;
        Ok(true)
    }

    /// One version of plugin `name`.
    pub async fn plugin_version(&self, name: &str, version: &str) -> StoreResult<Option<PluginVersion>> {
        let row: Option<VersionRow> = sqlx::query_as("SELECT * FROM plugin_versions WHERE name = $1 AND version = $2")
            .bind(name)
            .bind(version)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("looking up a plugin version", e))?;
        row.map(VersionRow::into_version).transpose()
    }

    /// The version whose bundle has content digest `digest`.
    pub async fn plugin_version_by_digest(&self, digest: &str) -> StoreResult<Option<PluginVersion>> {
        let row: Option<VersionRow> = sqlx::query_as("SELECT * FROM plugin_versions WHERE digest = $1 LIMIT 1")
            .bind(digest)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("looking up a plugin by digest", e))?;
        row.map(VersionRow::into_version).transpose()
    }

    /// Every version of plugin `name`, oldest upload first.
    pub async fn plugin_versions(&self, name: &str) -> StoreResult<Vec<PluginVersion>> {
        let rows: Vec<VersionRow> = sqlx::query_as("SELECT * FROM plugin_versions WHERE name = $1 ORDER BY uploaded_at, version")
            .bind(name)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing plugin versions", e))?;
        versions(rows)
    }

    /// Every version of every plugin, by name then upload.
    pub async fn all_plugin_versions(&self) -> StoreResult<Vec<PluginVersion>> {
        let rows: Vec<VersionRow> = sqlx::query_as("SELECT * FROM plugin_versions ORDER BY name, uploaded_at, version")
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing plugins", e))?;
        versions(rows)
    }

    /// Marks a draft published, with its `plugin.published` event (its
    /// links start at `base_url`). Returns `false` if it was not a draft.
    pub async fn publish_plugin_version(&self, name: &str, version: &str, by: &str, at: &str, base_url: &str) -> StoreResult<bool> {
        let doing = "publishing a plugin version";
        let mut tx = self.begin(doing).await?;
        let result = sqlx::query(
            "UPDATE plugin_versions SET status = 'published', published_by = $1, published_at = $2 \
             WHERE name = $3 AND version = $4 AND status = 'draft'",
        )
        .bind(by)
        .bind(at)
        .bind(name)
        .bind(version)
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::sql(doing, e))?;
        if result.rows_affected() != 1 {
            return Ok(false);
        }
        let (digest,): (String,) = sqlx::query_as("SELECT digest FROM plugin_versions WHERE name = $1 AND version = $2")
            .bind(name)
            .bind(version)
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| StoreError::sql(doing, e))?;
        Audit {
            at,
            actor: by,
            action: AuditAction::PluginPublish,
            subject: format!("{name}@{version}"),
            detail: serde_json::json!({ "digest": digest }),
        }
        .write(&mut tx)
        .await?;
        let event = PluginPublished {
            plugin: name.to_string(),
            version: version.to_string(),
            digest,
            published_by: by.to_string(),
            published_at: at.to_string(),
            url: format!("{base_url}/v1/plugins/{name}"),
        };
        event.event().write(&mut tx, self.backend, None).await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))?;
        self.wake_outbox();
        Ok(true)
    }

    /// Points `alias` of plugin `name` at `version`, with its `alias.moved`
    /// event (its links start at `base_url`); returns the version it
    /// pointed at before, if any.
    pub async fn set_alias(
        &self,
        name: &str,
        alias: &str,
        version: &str,
        by: &str,
        at: &str,
        base_url: &str,
    ) -> StoreResult<Option<String>> {
        let doing = "moving an alias";
        let mut tx = self.begin(doing).await?;
        let previous: Option<(String,)> = sqlx::query_as("SELECT version FROM plugin_aliases WHERE name = $1 AND alias = $2")
            .bind(name)
            .bind(alias)
            .fetch_optional(&mut *tx)
            .await
            .map_err(|e| StoreError::sql(doing, e))?;
        let previous = previous.map(|(v,)| v);
        sqlx::query(
            "INSERT INTO plugin_aliases (name, alias, version, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        )
        .bind(name)
        .bind(alias)
        .bind(version)
        .bind(by)
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::sql(doing, e))?;
        Audit {
            at,
            actor: by,
            action: AuditAction::AliasMove,
            subject: format!("{name}:{alias}"),
            detail: serde_json::json!({ "from": previous, "to": version }),
        }
        .write(&mut tx)
        .await?;
        let event = AliasMoved {
            plugin: name.to_string(),
            alias: alias.to_string(),
            from: previous.clone(),
            to: version.to_string(),
            moved_by: by.to_string(),
            moved_at: at.to_string(),
            url: format!("{base_url}/v1/plugins/{name}"),
        };
        event.event().write(&mut tx, self.backend, None).await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))?;
        self.wake_outbox();
        Ok(previous)
    }

    /// The version `alias` of plugin `name` points at.
    pub async fn alias(&self, name: &str, alias: &str) -> StoreResult<Option<String>> {
        let row: Option<(String,)> = sqlx::query_as("SELECT version FROM plugin_aliases WHERE name = $1 AND alias = $2")
            .bind(name)
            .bind(alias)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("looking up an alias", e))?;
        Ok(row.map(|(v,)| v))
    }

    /// Every alias of plugin `name`.
    pub async fn aliases(&self, name: &str) -> StoreResult<Vec<AliasRecord>> {
        sqlx::query_as("SELECT * FROM plugin_aliases WHERE name = $1 ORDER BY alias")
            .bind(name)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing aliases", e))
    }
}
