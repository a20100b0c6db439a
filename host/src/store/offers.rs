//! Offers of interactive documents: the snapshots customers' actions made,
//! acceptances (one per link) and the keys that sign their receipts.

use super::audit::{Audit, AuditAction};
use super::{DocumentRecord, Store, StoreError, StoreResult};
use crate::event::NewEvent;
use serde::Serialize;

/// An offer as a customer's action left it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SnapshotRecord {
    pub link_id: String,
    /// Its place among the link's snapshots: the newest is the current offer.
    #[serde(skip)]
    pub seq: i64,
    /// `snp_…`, derived from the link, selections and plan.
    pub id: String,
    /// The action that made it; empty for the offer as first opened (its
    /// snapshot is recorded only when it is accepted unchanged). Read it
    /// through [`SnapshotRecord::made_by`].
    pub action: String,
    /// The customer's selections so far, as JSON text.
    pub selections: String,
    /// The plan made for them, as JSON text.
    pub plan: String,
    /// SHA-256 of the page the plan rendered.
    pub page_sha256: String,
    pub created_at: String,
}

/// An acceptance: who accepted which offer, its documents and receipt.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AcceptanceRecord {
    pub id: String,
    pub link_id: String,
    pub customer_id: String,
    pub plugin: String,
    pub version: String,
    pub snapshot_id: String,
    pub accepted_at: String,
    pub html_document_id: String,
    pub pdf_document_id: String,
    /// The signed receipt, as JSON text.
    pub receipt: String,
}

/// The outcome of [`Store::record_acceptance`].
pub enum Accepted {
    /// This acceptance was recorded.
    New,
    /// The link had already been accepted: that acceptance.
    Existing(Box<AcceptanceRecord>),
}

/// A key that signs receipts.
#[derive(Debug, Clone, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ReceiptKeyRecord {
    /// The key's id (`rk_` and 8 hex digits), as receipts name it.
    pub id: String,
    /// The Ed25519 public key, 32 bytes, base64.
    pub public_key: String,
    /// The secret key, sealed (never served).
    #[serde(skip)]
    pub secret: String,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it stopped signing (RFC 3339); receipts it signed stay valid.
    pub retired_at: Option<String>,
}

impl SnapshotRecord {
    /// The action that made this offer: none for the offer as first opened,
    /// which is planned again with no interaction (a plugin refuses an
    /// action it does not offer).
    pub fn made_by(&self) -> Option<&str> {
        (!self.action.is_empty()).then_some(self.action.as_str())
    }
}

impl Store {
    /// The link's current offer: its newest snapshot.
    pub async fn current_snapshot(&self, link_id: &str) -> StoreResult<Option<SnapshotRecord>> {
        sqlx::query_as("SELECT * FROM offer_snapshots WHERE link_id = $1 ORDER BY seq DESC LIMIT 1")
            .bind(link_id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading an offer snapshot", e))
    }

    /// Records `snapshot` as the link's current offer (its `seq` is
    /// assigned here), with `event`, in one transaction. A concurrent
    /// snapshot of the same link that took the same place is a
    /// [`StoreError::Conflict`]; try again.
    pub async fn record_snapshot(&self, snapshot: &SnapshotRecord, event: &NewEvent) -> StoreResult<()> {
        let doing = "recording an offer snapshot";
        let mut tx = self.begin(doing).await?;
        insert_snapshot(&mut tx, snapshot).await?;
        event.write(&mut tx, self.backend, None).await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))?;
        self.wake_outbox();
        Ok(())
    }

    /// Records an acceptance in one transaction: the acceptance (unless the
    /// link already has one), the snapshot accepted (when it is not yet
    /// the link's newest), its archived documents, and `events` (written
    /// last, in order).
    pub async fn record_acceptance(
        &self,
        acceptance: &AcceptanceRecord,
        snapshot: Option<&SnapshotRecord>,
        documents: &[&DocumentRecord],
        events: &[NewEvent],
    ) -> StoreResult<Accepted> {
        let doing = "recording an acceptance";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let inserted = sqlx::query(
            "INSERT INTO acceptances (id, link_id, customer_id, plugin, version, snapshot_id, accepted_at, html_document_id, pdf_document_id, receipt) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (link_id) DO NOTHING",
        )
        .bind(&acceptance.id)
        .bind(&acceptance.link_id)
        .bind(&acceptance.customer_id)
        .bind(&acceptance.plugin)
        .bind(&acceptance.version)
        .bind(&acceptance.snapshot_id)
        .bind(&acceptance.accepted_at)
        .bind(&acceptance.html_document_id)
        .bind(&acceptance.pdf_document_id)
        .bind(&acceptance.receipt)
        .execute(&mut *tx)
        .await
        .map_err(err)?
        .rows_affected();
        if inserted == 0 {
            tx.rollback().await.map_err(err)?;
            return match self.link_acceptance(&acceptance.link_id).await? {
                Some(existing) => Ok(Accepted::Existing(Box::new(existing))),
                None => Err(StoreError::Corrupt("an acceptance vanished while it was being read".into())),
            };
        }
        if let Some(snapshot) = snapshot {
            insert_snapshot(&mut tx, snapshot).await?;
        }
        for document in documents {
            document.insert(&mut tx).await?;
        }
        for event in events {
            event.write(&mut tx, self.backend, None).await?;
        }
        tx.commit().await.map_err(err)?;
        self.wake_outbox();
        Ok(Accepted::New)
    }

    /// The acceptance of link `link_id`, if it was accepted.
    pub async fn link_acceptance(&self, link_id: &str) -> StoreResult<Option<AcceptanceRecord>> {
        sqlx::query_as("SELECT * FROM acceptances WHERE link_id = $1")
            .bind(link_id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading an acceptance", e))
    }

    /// Acceptance `id`.
    pub async fn acceptance(&self, id: &str) -> StoreResult<Option<AcceptanceRecord>> {
        sqlx::query_as("SELECT * FROM acceptances WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading an acceptance", e))
    }

    /// Acceptances, newest first, of one customer and/or one plugin, at most `limit`.
    pub async fn acceptances(&self, customer_id: Option<&str>, plugin: Option<&str>, limit: i64) -> StoreResult<Vec<AcceptanceRecord>> {
        sqlx::query_as(
            "SELECT * FROM acceptances WHERE ($1 IS NULL OR customer_id = $1) AND ($2 IS NULL OR plugin = $2) \
             ORDER BY accepted_at DESC, id DESC LIMIT $3",
        )
        .bind(customer_id)
        .bind(plugin)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::sql("listing acceptances", e))
    }

    /// The receipt key that signs now, if there is one.
    pub async fn active_receipt_key(&self) -> StoreResult<Option<ReceiptKeyRecord>> {
        sqlx::query_as("SELECT * FROM receipt_keys WHERE retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1")
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading the receipt key", e))
    }

    /// Every receipt key, newest first, retired ones too (their receipts stay valid).
    pub async fn receipt_keys(&self) -> StoreResult<Vec<ReceiptKeyRecord>> {
        sqlx::query_as("SELECT * FROM receipt_keys ORDER BY created_at DESC, id DESC")
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing receipt keys", e))
    }

    /// Makes `key` the key that signs receipts from now on, retiring the
    /// one before it, audited as done by `by`.
    pub async fn rotate_receipt_key(&self, key: &ReceiptKeyRecord, by: &str) -> StoreResult<()> {
        let doing = "rotating the receipt key";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        sqlx::query("UPDATE receipt_keys SET retired_at = $1 WHERE retired_at IS NULL")
            .bind(&key.created_at)
            .execute(&mut *tx)
            .await
            .map_err(err)?;
        sqlx::query("INSERT INTO receipt_keys (id, public_key, secret, created_at) VALUES ($1, $2, $3, $4)")
            .bind(&key.id)
            .bind(&key.public_key)
            .bind(&key.secret)
            .bind(&key.created_at)
            .execute(&mut *tx)
            .await
            .map_err(err)?;
        let detail = serde_json::json!({"public_key": key.public_key});
        Audit { at: &key.created_at, actor: by, action: AuditAction::ReceiptKeyRotate, subject: key.id.clone(), detail }
            .write(&mut tx)
            .await?;
        tx.commit().await.map_err(err)?;
        Ok(())
    }
}

/// Inserts `snapshot` as its link's newest, its `seq` one past the newest.
async fn insert_snapshot(conn: &mut sqlx::AnyConnection, snapshot: &SnapshotRecord) -> StoreResult<()> {
    let result = sqlx::query(
        "INSERT INTO offer_snapshots (link_id, seq, id, action, selections, plan, page_sha256, created_at) \
         SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5, $6, $7 FROM offer_snapshots WHERE link_id = $1",
    )
    .bind(&snapshot.link_id)
    .bind(&snapshot.id)
    .bind(&snapshot.action)
    .bind(&snapshot.selections)
    .bind(&snapshot.plan)
    .bind(&snapshot.page_sha256)
    .bind(&snapshot.created_at)
    .execute(&mut *conn)
    .await;
    match result {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            Err(StoreError::Conflict(format!("another action on link `{}` was recorded at the same moment", snapshot.link_id)))
        }
        Err(e) => Err(StoreError::sql("recording an offer snapshot", e)),
    }
}
