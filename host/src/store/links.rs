//! Open links (documents rendered when an email is opened), the keys that
//! sign their tokens, and the record of every open.

use super::{Store, StoreError, StoreResult, new_id, random_bytes, timestamp};
use chrono::Utc;
use serde::Serialize;

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

/// A stored open link: what to render for whom. The customer is read from
/// their stored profile at each open.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct OpenLink {
    pub id: String,
    pub plugin: String,
    pub alias: Option<String>,
    pub version: Option<String>,
    pub kind: String,
    pub customer_id: String,
    /// The plugin's input, as JSON text.
    #[schema(value_type = Object)]
    #[serde(serialize_with = "super::raw_json")]
    pub data: String,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
    pub created_by: String,
    pub created_at: String,
    /// SHA-256 of the last HTML render that succeeded: the page's fallback.
    pub last_good_sha256: Option<String>,
    pub last_good_at: Option<String>,
    /// What the link serves, comma-separated: `html`, `png` or both.
    #[schema(value_type = Vec<String>)]
    #[serde(serialize_with = "comma_list")]
    pub formats: String,
    /// SHA-256 of the last image render that succeeded: the image's fallback.
    pub last_good_png_sha256: Option<String>,
    pub last_good_png_at: Option<String>,
}

impl OpenLink {
    /// True when the link serves `format` (`html` or `png`).
    pub fn serves(&self, format: &str) -> bool {
        self.formats.split(',').any(|f| f == format)
    }

    /// The blob of the last good render in `format`.
    pub fn last_good(&self, format: &str) -> Option<&str> {
        match format {
            "png" => self.last_good_png_sha256.as_deref(),
            _ => self.last_good_sha256.as_deref(),
        }
    }
}

fn comma_list<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(text.split(',').filter(|f| !f.is_empty()))
}

/// One open of a link.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct OpenEvent {
    pub id: String,
    pub link_id: String,
    pub customer_id: String,
    pub at: String,
    pub format: String,
    /// `GET` or `HEAD`.
    pub method: String,
    /// Who opened: `human`, `gmail-proxy`, `apple-mpp`, `scanner`.
    pub agent: String,
    /// `fresh` (rendered now), `cached` (rendered for the same profile
    /// version within the plan's freshness window), `fallback` (the last
    /// good render, the template's fallback or the host's neutral page or
    /// blank image) or `head` (nothing rendered).
    pub outcome: String,
}

impl OpenEvent {
    /// An open of `link` now, in `format` (`html` or `png`).
    pub fn new(link: &OpenLink, format: &str, method: &str, agent: &str, outcome: &str) -> Self {
        OpenEvent {
            id: new_id("opn"),
            link_id: link.id.clone(),
            customer_id: link.customer_id.clone(),
            at: timestamp(Utc::now()),
            format: format.to_string(),
            method: method.to_string(),
            agent: agent.to_string(),
            outcome: outcome.to_string(),
        }
    }
}

/// A link's newest successful render in one format: the blob its fallback serves.
#[derive(Debug, Clone)]
pub struct LastGood {
    pub link_id: String,
    /// `html` or `png`.
    pub format: String,
    pub sha256: String,
    pub at: String,
}

/// Open statistics of one plugin's document kind.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct OpenStats {
    pub plugin: String,
    pub kind: String,
    /// Links created.
    pub links: i64,
    /// Every recorded open, whoever made it.
    pub opens: i64,
    /// Links opened at least once by a person: what open rates count.
    pub unique_human_opens: i64,
    /// Opens by mail proxies (Gmail's image proxy, Apple Mail Privacy Protection).
    pub proxy_opens: i64,
    /// Opens by link scanners and bots.
    pub scanner_opens: i64,
    /// Opens answered with the fallback instead of a fresh render.
    pub fallback_opens: i64,
}

impl Store {
    /// Open statistics per plugin and kind; `plugin` and `kind` filter when
    /// not empty.
    pub async fn open_stats(&self, plugin: &str, kind: &str) -> StoreResult<Vec<OpenStats>> {
        sqlx::query_as(
            "SELECT l.plugin AS plugin, l.kind AS kind, COUNT(DISTINCT l.id) AS links, COUNT(e.id) AS opens, \
             COUNT(DISTINCT CASE WHEN e.agent = 'human' THEN e.link_id END) AS unique_human_opens, \
             SUM(CASE WHEN e.agent IN ('gmail-proxy', 'apple-mpp') THEN 1 ELSE 0 END) AS proxy_opens, \
             SUM(CASE WHEN e.agent = 'scanner' THEN 1 ELSE 0 END) AS scanner_opens, \
             SUM(CASE WHEN e.outcome = 'fallback' THEN 1 ELSE 0 END) AS fallback_opens \
             FROM open_links l LEFT JOIN open_events e ON e.link_id = l.id \
             WHERE ($1 = '' OR l.plugin = $1) AND ($2 = '' OR l.kind = $2) \
             GROUP BY l.plugin, l.kind ORDER BY l.plugin, l.kind",
        )
        .bind(plugin)
        .bind(kind)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::sql("computing open statistics", e))
    }

    /// The newest key that is not retired, creating one if there is none.
    pub async fn active_signing_key(&self) -> StoreResult<SigningKey> {
        if let Some(key) = self.newest_signing_key().await? {
            return Ok(key);
        }
        self.rotate_signing_key().await
    }

    async fn newest_signing_key(&self) -> StoreResult<Option<SigningKey>> {
        sqlx::query_as("SELECT * FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1")
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading the link signing key", e))
    }

    /// Creates a new signing key, which signs every link from now on; the
    /// older keys keep verifying until retired.
    pub async fn rotate_signing_key(&self) -> StoreResult<SigningKey> {
        let key = SigningKey {
            id: hex::encode(random_bytes::<4>()),
            secret: hex::encode(random_bytes::<32>()),
            created_at: timestamp(Utc::now()),
            retired_at: None,
        };
        sqlx::query("INSERT INTO signing_keys (id, secret, created_at) VALUES ($1, $2, $3)")
            .bind(&key.id)
            .bind(&key.secret)
            .bind(&key.created_at)
            .execute(self.pool())
            .await
            .map_err(|e| StoreError::sql("creating a link signing key", e))?;
        Ok(key)
    }

    /// Retires key `id`: tokens it signed stop verifying. Returns `false` if
    /// there is no such key still in service.
    pub async fn retire_signing_key(&self, id: &str) -> StoreResult<bool> {
        let result = sqlx::query("UPDATE signing_keys SET retired_at = $1 WHERE id = $2 AND retired_at IS NULL")
            .bind(timestamp(Utc::now()))
            .bind(id)
            .execute(self.pool())
            .await
            .map_err(|e| StoreError::sql("retiring a link signing key", e))?;
        Ok(result.rows_affected() == 1)
    }

    /// Key `id`, if it is still in service.
    pub async fn signing_key(&self, id: &str) -> StoreResult<Option<SigningKey>> {
        sqlx::query_as("SELECT * FROM signing_keys WHERE id = $1 AND retired_at IS NULL")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading a link signing key", e))
    }

    /// Stores a new link.
    pub async fn insert_link(&self, link: &OpenLink) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO open_links (id, plugin, alias, version, kind, customer_id, data, expires_at, created_by, created_at, formats) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&link.id)
        .bind(&link.plugin)
        .bind(&link.alias)
        .bind(&link.version)
        .bind(&link.kind)
        .bind(&link.customer_id)
        .bind(&link.data)
        .bind(&link.expires_at)
        .bind(&link.created_by)
        .bind(&link.created_at)
        .bind(&link.formats)
        .execute(self.pool())
        .await
        .map_err(|e| StoreError::sql("creating an open link", e))?;
        Ok(())
    }

    /// Link `id`, revoked or not.
    pub async fn link(&self, id: &str) -> StoreResult<Option<OpenLink>> {
        sqlx::query_as("SELECT * FROM open_links WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading an open link", e))
    }

    /// Revokes link `id`; `false` if it does not exist or was revoked already.
    pub async fn revoke_link(&self, id: &str) -> StoreResult<bool> {
        let result = sqlx::query("UPDATE open_links SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(timestamp(Utc::now()))
            .bind(id)
            .execute(self.pool())
            .await
            .map_err(|e| StoreError::sql("revoking an open link", e))?;
        Ok(result.rows_affected() == 1)
    }

    /// Writes `opens` and moves links' last good renders, in one
    /// transaction (see `service::openlog`). Of several `last_good` entries
    /// for one link and format, the last wins.
    pub async fn record_opens(&self, opens: &[OpenEvent], last_good: &[LastGood]) -> StoreResult<()> {
        let fail = |e| StoreError::sql("recording opens", e);
        let mut tx = self.pool().begin().await.map_err(fail)?;
        for event in opens {
            sqlx::query(
                "INSERT INTO open_events (id, link_id, customer_id, at, format, method, agent, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&event.id)
            .bind(&event.link_id)
            .bind(&event.customer_id)
            .bind(&event.at)
            .bind(&event.format)
            .bind(&event.method)
            .bind(&event.agent)
            .bind(&event.outcome)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        }
        for entry in last_good {
            let statement = match entry.format.as_str() {
                "png" => "UPDATE open_links SET last_good_png_sha256 = $1, last_good_png_at = $2 WHERE id = $3",
                _ => "UPDATE open_links SET last_good_sha256 = $1, last_good_at = $2 WHERE id = $3",
            };
            sqlx::query(statement).bind(&entry.sha256).bind(&entry.at).bind(&entry.link_id).execute(&mut *tx).await.map_err(fail)?;
        }
        tx.commit().await.map_err(fail)
    }

    /// The opens of link `id`, newest first.
    pub async fn link_opens(&self, id: &str, limit: i64) -> StoreResult<Vec<OpenEvent>> {
        sqlx::query_as("SELECT * FROM open_events WHERE link_id = $1 ORDER BY at DESC, id DESC LIMIT $2")
            .bind(id)
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing a link's opens", e))
    }

    /// A customer's opens, newest first (for their timeline).
    pub async fn customer_opens(&self, customer_id: &str, limit: i64) -> StoreResult<Vec<OpenEvent>> {
        sqlx::query_as("SELECT * FROM open_events WHERE customer_id = $1 ORDER BY at DESC, id DESC LIMIT $2")
            .bind(customer_id)
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing a customer's opens", e))
    }
}
