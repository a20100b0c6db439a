//! The keys that sign open-link tokens. The newest key not retired signs
//! new links; retired keys no longer verify.

use super::audit::{Audit, AuditAction};
use super::{Store, StoreError, StoreResult, random_bytes, timestamp};
use chrono::Utc;

/// A key that signs open-link tokens. Retired keys no longer verify.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SigningKey {
    /// 8 hex digits, carried in every token it signs.
    pub id: String,
    /// 32 random bytes, hex.
    pub secret: String,
    pub created_at: String,
    pub retired_at: Option<String>,
}

impl Store {
    /// The newest key that is not retired, creating one if there is none.
    /// `by` is who is asking (the first key is made on their behalf).
    pub async fn active_signing_key(&self, by: &str) -> StoreResult<SigningKey> {
        if let Some(key) = self.newest_signing_key().await? {
            return Ok(key);
        }
        self.rotate_signing_key(by).await
    }

    async fn newest_signing_key(&self) -> StoreResult<Option<SigningKey>> {
        sqlx::query_as("SELECT * FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1")
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading the link signing key", e))
    }

    /// Creates a new signing key, which signs every link from now on; the
    /// older keys keep verifying until retired.
    pub async fn rotate_signing_key(&self, by: &str) -> StoreResult<SigningKey> {
        let doing = "creating a link signing key";
        let key = SigningKey {
            id: hex::encode(random_bytes::<4>()),
            secret: hex::encode(random_bytes::<32>()),
            created_at: timestamp(Utc::now()),
            retired_at: None,
        };
        let mut tx = self.begin(doing).await?;
        sqlx::query("INSERT INTO signing_keys (id, secret, created_at) VALUES ($1, $2, $3)")
            .bind(&key.id)
            .bind(&key.secret)
            .bind(&key.created_at)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::sql(doing, e))?;
        let entry = Audit {
            at: &key.created_at,
            actor: by,
            action: AuditAction::SigningKeyCreate,
            subject: key.id.clone(),
            detail: serde_json::json!({}),
        };
        entry.write(&mut tx).await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))?;
        Ok(key)
    }

    /// Retires key `id`: tokens it signed stop verifying. Returns `false` if
    /// there is no such key still in service.
    pub async fn retire_signing_key(&self, id: &str, by: &str) -> StoreResult<bool> {
        let doing = "retiring a link signing key";
        let at = timestamp(Utc::now());
        let mut tx = self.begin(doing).await?;
        let result = sqlx::query("UPDATE signing_keys SET retired_at = $1 WHERE id = $2 AND retired_at IS NULL")
            .bind(&at)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::sql(doing, e))?;
        if result.rows_affected() != 1 {
            return Ok(false);
        }
        let entry =
            Audit { at: &at, actor: by, action: AuditAction::SigningKeyRetire, subject: id.to_string(), detail: serde_json::json!({}) };
        entry.write(&mut tx).await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))?;
        Ok(true)
    }

    /// Key `id`, if it is still in service.
    pub async fn signing_key(&self, id: &str) -> StoreResult<Option<SigningKey>> {
        sqlx::query_as("SELECT * FROM signing_keys WHERE id = $1 AND retired_at IS NULL")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading a link signing key", e))
    }
}
