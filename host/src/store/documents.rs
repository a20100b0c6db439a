//! The document archive and idempotency records.
//!
//! An archived document is immutable: its row records the plugin version and
//! digest, the exact inputs (request JSON, render instant) and the SHA-256 of
//! the bytes, which live in the blob store. An idempotency record remembers
//! what a request with an `Idempotency-Key` produced, so a retry returns the
//! same document.

use super::{ROWS_PER_STATEMENT, Store, StoreError, StoreResult, value_rows};
use crate::event::NewEvent;
use serde::Serialize;
use std::collections::HashSet;

/// An archived document's metadata.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct DocumentRecord {
    /// The document's id (`doc_…`).
    pub id: String,
    /// The plugin that rendered it.
    pub plugin: String,
    /// The plugin version that rendered it.
    pub version: String,
    /// The plugin bundle's content digest.
    pub digest: String,
    /// The document kind.
    pub kind: String,
    /// The customer it was rendered for.
    pub customer_id: String,
    /// The output format: `html`, `text`, `pdf` or `json`.
    pub format: String,
    /// The file name downloads are offered under.
    pub file_name: String,
    /// SHA-256 of the document's bytes.
    pub sha256: String,
    /// The document's size in bytes.
    pub size: i64,
    /// The instant the document was rendered for.
    pub render_at: String,
    /// When it was archived (RFC 3339, UTC).
    pub created_at: String,
    /// The API key id that asked for it.
    pub created_by: String,
    /// The exact inputs, as JSON: enough to render it again.
    #[serde(skip)]
    pub inputs: String,
    /// The billing run it was rendered in, if any (`bat_…`).
    pub batch_id: Option<String>,
    /// Its key within that run (an invoice number).
    pub batch_key: Option<String>,
}

/// What a request with an idempotency key produced.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IdempotencyRecord {
    pub key_id: String,
    pub idempotency_key: String,
    /// SHA-256 of the request body in canonical JSON.
    pub request_sha256: String,
    pub sha256: String,
    pub format: String,
    pub file_name: String,
    pub document_id: Option<String>,
    pub created_at: String,
}

/// The outcome of [`Store::record_render`].
pub enum Recorded {
    /// The records were written.
    New,
    /// Another request with the same idempotency key got there first; this
    /// is what it recorded.
    Existing(IdempotencyRecord),
}

impl DocumentRecord {
    /// Inserts the record on `conn`, a transaction archiving it.
    pub(super) async fn insert(&self, conn: &mut sqlx::AnyConnection) -> StoreResult<()> {
        Self::insert_all(conn, &[self], "").await.map(drop)
    }

    /// Inserts every one of `documents` whose run has not archived a
    /// document under its key already; the ids of those inserted.
    pub(super) async fn insert_once(conn: &mut sqlx::AnyConnection, documents: &[&DocumentRecord]) -> StoreResult<HashSet<String>> {
        Self::insert_all(conn, documents, " ON CONFLICT (batch_id, batch_key) DO NOTHING").await
    }

    /// Inserts `documents` with one statement per [`ROWS_PER_STATEMENT`]:
    /// a group's documents cost one round trip to the database, not one each.
    async fn insert_all(conn: &mut sqlx::AnyConnection, documents: &[&DocumentRecord], on_conflict: &str) -> StoreResult<HashSet<String>> {
        const COLUMNS: usize = 16;
        let mut inserted = HashSet::with_capacity(documents.len());
        for rows in documents.chunks(ROWS_PER_STATEMENT) {
            let sql = format!(
                "INSERT INTO documents (id, plugin, version, digest, kind, customer_id, format, file_name, sha256, size, render_at, created_at, created_by, inputs, batch_id, batch_key) \
                 VALUES {}{on_conflict} RETURNING id",
                value_rows(rows.len(), COLUMNS, 1)
            );
            let mut query = sqlx::query_as::<_, (String,)>(&sql);
            for d in rows {
                query = query
                    .bind(&d.id)
                    .bind(&d.plugin)
                    .bind(&d.version)
                    .bind(&d.digest)
                    .bind(&d.kind)
                    .bind(&d.customer_id)
                    .bind(&d.format)
                    .bind(&d.file_name)
                    .bind(&d.sha256)
                    .bind(d.size)
                    .bind(&d.render_at)
                    .bind(&d.created_at)
                    .bind(&d.created_by)
                    .bind(&d.inputs)
                    .bind(&d.batch_id)
                    .bind(&d.batch_key);
            }
            let ids = query.fetch_all(&mut *conn).await.map_err(|e| StoreError::sql("archiving a document", e))?;
            inserted.extend(ids.into_iter().map(|(id,)| id));
        }
        Ok(inserted)
    }
}

impl Store {
    /// Writes what a render produced, in one transaction: the idempotency
    /// record (if any) first, and the archived document (if any) with its
    /// `document.created` event only if the idempotency record was new, so
    /// concurrent retries archive once.
    pub async fn record_render(
        &self,
        idempotency: Option<&IdempotencyRecord>,
        document: Option<(&DocumentRecord, &NewEvent)>,
    ) -> StoreResult<Recorded> {
        let err = |e| StoreError::sql("archiving a document", e);
        let mut tx = self.begin("archiving a document").await?;
        if let Some(record) = idempotency {
            let inserted = sqlx::query(
                "INSERT INTO idempotency (key_id, idempotency_key, request_sha256, sha256, format, file_name, document_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key_id, idempotency_key) DO NOTHING",
            )
            .bind(&record.key_id)
            .bind(&record.idempotency_key)
            .bind(&record.request_sha256)
            .bind(&record.sha256)
            .bind(&record.format)
            .bind(&record.file_name)
            .bind(&record.document_id)
            .bind(&record.created_at)
            .execute(&mut *tx)
            .await
            .map_err(err)?
            .rows_affected();
            if inserted == 0 {
                tx.rollback().await.map_err(err)?;
                return match self.idempotency(&record.key_id, &record.idempotency_key).await? {
                    Some(existing) => Ok(Recorded::Existing(existing)),
                    None => Err(StoreError::Corrupt("an idempotency record vanished while it was being read".into())),
                };
            }
        }
        if let Some((d, event)) = document {
            d.insert(&mut tx).await?;
            event.write(&mut tx, self.backend, None).await?;
        }
        tx.commit().await.map_err(err)?;
        if document.is_some() {
            self.wake_outbox();
        }
        Ok(Recorded::New)
    }

    /// The idempotency record for `key` presented by API key `key_id`.
    pub async fn idempotency(&self, key_id: &str, key: &str) -> StoreResult<Option<IdempotencyRecord>> {
        sqlx::query_as("SELECT * FROM idempotency WHERE key_id = $1 AND idempotency_key = $2")
            .bind(key_id)
            .bind(key)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("looking up an idempotency key", e))
    }

    /// One archived document.
    pub async fn document(&self, id: &str) -> StoreResult<Option<DocumentRecord>> {
        sqlx::query_as("SELECT * FROM documents WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("looking up a document", e))
    }

    /// A customer's documents, newest first, at most `limit`.
    pub async fn customer_documents(&self, customer_id: &str, limit: i64) -> StoreResult<Vec<DocumentRecord>> {
        sqlx::query_as("SELECT * FROM documents WHERE customer_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2")
            .bind(customer_id)
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing a customer's documents", e))
    }
}

#[cfg(test)]
impl DocumentRecord {
    /// An HTML invoice of customer `c1`, in no run, for the store's tests.
    pub(crate) fn fixture(id: &str) -> DocumentRecord {
        let now = super::timestamp(chrono::Utc::now());
        DocumentRecord {
            id: id.into(),
            plugin: "invoice".into(),
            version: "1.0.0".into(),
            digest: "d".into(),
            kind: "invoice".into(),
            customer_id: "c1".into(),
            format: "html".into(),
            file_name: "x.html".into(),
            sha256: "0".repeat(64),
            size: 1,
            render_at: now.clone(),
            created_at: now,
            created_by: "k1".into(),
            inputs: "{}".into(),
            batch_id: None,
            batch_key: None,
        }
    }
}
