//! The audit log: every upload, publication, alias move, API key, open link,
//! signing-key and webhook-endpoint change, with who did it and when. Entries are only ever
//! added, and each is written in the same transaction as the change it
//! records: a change is never made without its entry, nor the other way.

use super::{Store, StoreError, StoreResult, new_id};
use serde::Serialize;
use sqlx::AnyConnection;

/// What an audited change did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub enum AuditAction {
    #[serde(rename = "plugin.upload")]
    PluginUpload,
    #[serde(rename = "plugin.publish")]
    PluginPublish,
    #[serde(rename = "alias.move")]
    AliasMove,
    #[serde(rename = "key.create")]
    KeyCreate,
    #[serde(rename = "link.create")]
    LinkCreate,
    #[serde(rename = "link.revoke")]
    LinkRevoke,
    #[serde(rename = "signing-key.create")]
    SigningKeyCreate,
    #[serde(rename = "signing-key.retire")]
    SigningKeyRetire,
    #[serde(rename = "webhook.create")]
    WebhookCreate,
    #[serde(rename = "webhook.update")]
    WebhookUpdate,
    #[serde(rename = "webhook.delete")]
    WebhookDelete,
    #[serde(rename = "webhook.rotate-secret")]
    WebhookRotate,
    #[serde(rename = "receipt-key.rotate")]
    ReceiptKeyRotate,
}

impl AuditAction {
    pub const ALL: [AuditAction; 13] = [
        AuditAction::PluginUpload,
        AuditAction::PluginPublish,
        AuditAction::AliasMove,
        AuditAction::KeyCreate,
        AuditAction::LinkCreate,
        AuditAction::LinkRevoke,
        AuditAction::SigningKeyCreate,
        AuditAction::SigningKeyRetire,
        AuditAction::WebhookCreate,
        AuditAction::WebhookUpdate,
        AuditAction::WebhookDelete,
        AuditAction::WebhookRotate,
        AuditAction::ReceiptKeyRotate,
    ];

    /// The name the log and the API use.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::PluginUpload => "plugin.upload",
            AuditAction::PluginPublish => "plugin.publish",
            AuditAction::AliasMove => "alias.move",
            AuditAction::KeyCreate => "key.create",
            AuditAction::LinkCreate => "link.create",
            AuditAction::LinkRevoke => "link.revoke",
            AuditAction::SigningKeyCreate => "signing-key.create",
            AuditAction::SigningKeyRetire => "signing-key.retire",
            AuditAction::WebhookCreate => "webhook.create",
            AuditAction::WebhookUpdate => "webhook.update",
            AuditAction::WebhookDelete => "webhook.delete",
            AuditAction::WebhookRotate => "webhook.rotate-secret",
            AuditAction::ReceiptKeyRotate => "receipt-key.rotate",
        }
    }
}

impl TryFrom<String> for AuditAction {
    type Error = StoreError;

    fn try_from(name: String) -> Result<Self, StoreError> {
        AuditAction::ALL
            .into_iter()
            .find(|a| a.as_str() == name)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown audit action `{name}` in the audit log")))
    }
}

/// One audited change.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct AuditEntry {
    /// The entry's id (`aud_…`).
    pub id: String,
    /// When it happened (RFC 3339, UTC).
    pub at: String,
    /// The API key id that acted, or `cli`.
    pub actor: String,
    /// What was done.
    #[sqlx(try_from = "String")]
    pub action: AuditAction,
    /// What was acted on: `invoice@1.0.0`, `invoice:stable`, a key, link or
    /// signing-key id.
    pub subject: String,
    /// Details: a JSON object.
    #[schema(value_type = Object)]
    #[serde(serialize_with = "super::raw_json")]
    pub detail: String,
}

/// An entry to write with the change it records.
pub(super) struct Audit<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub action: AuditAction,
    pub subject: String,
    pub detail: serde_json::Value,
}

impl Audit<'_> {
    /// Writes the entry on `conn`: the transaction making the change.
    pub(super) async fn write(self, conn: &mut AnyConnection) -> StoreResult<()> {
        sqlx::query("INSERT INTO audit (id, at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(new_id("aud"))
            .bind(self.at)
            .bind(self.actor)
            .bind(self.action.as_str())
            .bind(&self.subject)
            .bind(self.detail.to_string())
            .execute(conn)
            .await
            .map_err(|e| StoreError::sql("writing the audit log", e))?;
        Ok(())
    }
}

impl Store {
    /// The newest entries first, at most `limit`.
    pub async fn audit_log(&self, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        sqlx::query_as("SELECT * FROM audit ORDER BY at DESC, id DESC LIMIT $1")
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading the audit log", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::types::Manifest;
    use crate::store::{OpenLink, PluginVersion, Scope, VersionStatus, timestamp};
    use chrono::Utc;

    fn version(v: &str) -> PluginVersion {
        PluginVersion {
            name: "invoice".into(),
            version: v.into(),
            digest: format!("digest-{v}"),
            bundle_sha256: "0".repeat(64),
            bundle_size: 1,
            manifest: Manifest { name: "invoice".into(), version: v.into(), kinds: vec![] },
            status: VersionStatus::Draft,
            uploaded_by: "uploader".into(),
            uploaded_at: timestamp(Utc::now()),
            published_by: None,
            published_at: None,
        }
    }

    async fn count(store: &Store, table: &str) -> i64 {
        let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(store.pool()).await.unwrap();
        n
    }

    /// Every audited change, with the audit table made to refuse inserts:
    /// each fails and leaves nothing behind.
    #[tokio::test]
    async fn a_change_whose_audit_entry_fails_is_not_made() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(dir.path()).await.unwrap();
        // What the refused changes act on, made while the log works.
        assert!(store.insert_plugin_version(&version("1.0.0")).await.unwrap());
        assert!(store.publish_plugin_version("invoice", "1.0.0", "approver", &timestamp(Utc::now()), "http://folio.test").await.unwrap());
        assert!(store.insert_plugin_version(&version("1.1.0")).await.unwrap());
        store.insert_link(&OpenLink::fixture("l1")).await.unwrap();
        let key = store.rotate_signing_key("admin").await.unwrap();
        let made: Vec<AuditAction> = store.audit_log(100).await.unwrap().into_iter().rev().map(|e| e.action).collect();
        assert_eq!(
            made,
            [
                AuditAction::PluginUpload,
                AuditAction::PluginPublish,
                AuditAction::PluginUpload,
                AuditAction::LinkCreate,
                AuditAction::SigningKeyCreate
            ]
        );
        let api_keys = count(&store, "api_keys").await;

        sqlx::query("ALTER TABLE audit RENAME TO audit_refused").execute(store.pool()).await.unwrap();
        let refused = |e: StoreError| assert!(e.to_string().contains("writing the audit log"), "{e}");

        refused(store.insert_plugin_version(&version("2.0.0")).await.unwrap_err());
        assert!(store.plugin_version("invoice", "2.0.0").await.unwrap().is_none());

        refused(
            store.publish_plugin_version("invoice", "1.1.0", "approver", &timestamp(Utc::now()), "http://folio.test").await.unwrap_err(),
        );
        assert_eq!(store.plugin_version("invoice", "1.1.0").await.unwrap().unwrap().status, VersionStatus::Draft);

        refused(store.set_alias("invoice", "stable", "1.0.0", "approver", &timestamp(Utc::now()), "http://folio.test").await.unwrap_err());
        assert_eq!(store.alias("invoice", "stable").await.unwrap(), None);

        refused(store.insert_link(&OpenLink::fixture("l2")).await.unwrap_err());
        assert!(store.link("l2").await.unwrap().is_none());

        refused(store.revoke_link("l1", "k1").await.unwrap_err());
        assert_eq!(store.link("l1").await.unwrap().unwrap().revoked_at, None);

        refused(store.rotate_signing_key("admin").await.unwrap_err());
        assert_eq!(store.active_signing_key("admin").await.unwrap().id, key.id);

        refused(store.retire_signing_key(&key.id, "admin").await.unwrap_err());
        assert!(store.signing_key(&key.id).await.unwrap().is_some());

        refused(store.create_key("ops", &[Scope::Render], "cli").await.unwrap_err());
        assert_eq!(count(&store, "api_keys").await, api_keys);

        sqlx::query("ALTER TABLE audit_refused RENAME TO audit").execute(store.pool()).await.unwrap();
        assert_eq!(store.audit_log(100).await.unwrap().len(), made.len(), "no entry without its change either");
        // With the log back, the same change goes through, entry and all.
        assert!(store.retire_signing_key(&key.id, "admin").await.unwrap());
        assert_eq!(store.audit_log(1).await.unwrap()[0].action, AuditAction::SigningKeyRetire);
    }
}
