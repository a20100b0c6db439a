//! Open links: documents rendered again each time an email is opened,
//! from the customer's stored profile.

use super::audit::{Audit, AuditAction};
use super::{Store, StoreError, StoreResult, timestamp};
use chrono::Utc;
use serde::{Deserialize, Serialize};

/// A stored open link: what to render for whom. The customer is read from
/// their stored profile at each open.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct OpenLink {
    /// The link's id (`lnk_` and 32 hex digits).
    pub id: String,
    /// The plugin that renders it.
    pub plugin: String,
    /// The alias opens follow as it moves, when the link was made without an exact `version`.
    pub alias: Option<String>,
    /// The exact plugin version, when the link was made with one.
    pub version: Option<String>,
    /// The document kind.
    pub kind: String,
    /// The stored customer profile every open renders with.
    pub customer_id: String,
    /// The plugin's input, as JSON text.
    #[schema(value_type = Object)]
    #[serde(serialize_with = "super::raw_json")]
    pub data: String,
    /// After this instant the link answers 404 (RFC 3339); null when it never expires.
    pub expires_at: Option<String>,
    /// When the link was revoked (RFC 3339); null while it serves.
    pub revoked_at: Option<String>,
    /// The API key id that created it.
    pub created_by: String,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// SHA-256 of the last HTML render that succeeded: the page's fallback.
    pub last_good_sha256: Option<String>,
    /// When the last good HTML render was made.
    pub last_good_at: Option<String>,
    /// What the link serves: `html`, `png` or both.
    #[schema(value_type = Vec<LinkFormat>)]
    #[sqlx(try_from = "String")]
    pub formats: LinkFormats,
    /// SHA-256 of the last image render that succeeded: the image's fallback.
    pub last_good_png_sha256: Option<String>,
    /// When the last good image render was made.
    pub last_good_png_at: Option<String>,
}

impl OpenLink {
    /// True when the link serves `format`.
    pub fn serves(&self, format: LinkFormat) -> bool {
        self.formats.0.contains(&format)
    }

    /// The blob of the last good render in `format`.
    pub fn last_good(&self, format: LinkFormat) -> Option<&str> {
        match format {
            LinkFormat::Png => self.last_good_png_sha256.as_deref(),
            LinkFormat::Html => self.last_good_sha256.as_deref(),
        }
    }
}

/// What an open link serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum LinkFormat {
    /// The document as a page (`/o/{token}`).
    Html,
    /// Its personalised block as an image (`/o/{token}.png`).
    Png,
}

impl LinkFormat {
    /// Every format, in the order links list them.
    pub const ALL: [LinkFormat; 2] = [LinkFormat::Html, LinkFormat::Png];

    /// The name as the API, the database and metrics spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkFormat::Html => "html",
            LinkFormat::Png => "png",
        }
    }

    /// The format called `name`.
    pub fn parse(name: &str) -> Option<LinkFormat> {
        Self::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// The formats a link serves, in [`LinkFormat::ALL`] order, stored as
/// comma-separated text and parsed when the row is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct LinkFormats(pub Vec<LinkFormat>);

impl LinkFormats {
    /// The column's text.
    pub fn to_column(&self) -> String {
        self.0.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(",")
    }
}

impl TryFrom<String> for LinkFormat {
    type Error = StoreError;

    fn try_from(text: String) -> Result<Self, StoreError> {
        LinkFormat::parse(&text).ok_or_else(|| StoreError::Corrupt(format!("a record names the unknown link format `{text}`")))
    }
}

impl TryFrom<String> for LinkFormats {
    type Error = StoreError;

    fn try_from(text: String) -> Result<Self, StoreError> {
        text.split(',')
            .map(|name| {
                LinkFormat::parse(name).ok_or_else(|| StoreError::Corrupt(format!("an open link lists the unknown format `{name}`")))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(LinkFormats)
    }
}

impl Store {
    /// Stores a new link.
    pub async fn insert_link(&self, link: &OpenLink) -> StoreResult<()> {
        let doing = "creating an open link";
        let mut tx = self.begin(doing).await?;
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
        .bind(link.formats.to_column())
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::sql(doing, e))?;
        Audit {
            at: &link.created_at,
            actor: &link.created_by,
            action: AuditAction::LinkCreate,
            subject: link.id.clone(),
            detail: serde_json::json!({
                "plugin": link.plugin, "alias": link.alias, "version": link.version, "kind": link.kind,
                "formats": link.formats.to_column(), "expires_at": link.expires_at,
            }),
        }
        .write(&mut tx)
        .await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))
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
    pub async fn revoke_link(&self, id: &str, by: &str) -> StoreResult<bool> {
        let doing = "revoking an open link";
        let at = timestamp(Utc::now());
        let mut tx = self.begin(doing).await?;
        let result = sqlx::query("UPDATE open_links SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(&at)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::sql(doing, e))?;
        if result.rows_affected() != 1 {
            return Ok(false);
        }
        let entry = Audit { at: &at, actor: by, action: AuditAction::LinkRevoke, subject: id.to_string(), detail: serde_json::json!({}) };
        entry.write(&mut tx).await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))?;
        Ok(true)
    }
}

#[cfg(test)]
impl OpenLink {
    /// A link of customer `c1` to the invoice through `stable`, for the store's tests.
    pub(crate) fn fixture(id: &str) -> OpenLink {
        OpenLink {
            id: id.into(),
            plugin: "invoice".into(),
            alias: Some("stable".into()),
            version: None,
            kind: "invoice".into(),
            customer_id: "c1".into(),
            data: "{}".into(),
            expires_at: None,
            revoked_at: None,
            created_by: "k1".into(),
            created_at: super::timestamp(chrono::Utc::now()),
            last_good_sha256: None,
            last_good_at: None,
            formats: LinkFormats(vec![LinkFormat::Html]),
            last_good_png_sha256: None,
            last_good_png_at: None,
        }
    }
}
