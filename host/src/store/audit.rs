//! The audit log: every upload, publication, alias move and key creation,
//! with who did it and when. Entries are only ever added.

use super::{Store, StoreError, StoreResult, new_id};
use serde::Serialize;

/// One audited action.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: String,
    pub at: String,
    /// The API key id that acted, or `cli`.
    pub actor: String,
    /// `plugin.upload`, `plugin.publish`, `alias.move`, `key.create`.
    pub action: String,
    /// What was acted on: `invoice@1.0.0`, `invoice:stable`, a key id.
    pub subject: String,
    /// Details: a JSON object.
    #[schema(value_type = Object)]
    #[serde(serialize_with = "super::raw_json")]
    pub detail: String,
}

impl Store {
    /// Appends an entry.
    pub async fn audit(&self, at: &str, actor: &str, action: &str, subject: &str, detail: serde_json::Value) -> StoreResult<()> {
        sqlx::query("INSERT INTO audit (id, at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(new_id("aud"))
            .bind(at)
            .bind(actor)
            .bind(action)
            .bind(subject)
            .bind(detail.to_string())
            .execute(self.pool())
            .await
            .map_err(|e| StoreError::sql("writing the audit log", e))?;
        Ok(())
    }

    /// The newest entries first, at most `limit`.
    pub async fn audit_log(&self, limit: i64) -> StoreResult<Vec<AuditEntry>> {
        sqlx::query_as("SELECT * FROM audit ORDER BY at DESC, id DESC LIMIT $1")
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading the audit log", e))
    }
}
