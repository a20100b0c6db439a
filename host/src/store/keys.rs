//! API keys: random secrets shown once and stored only as a SHA-256 hash.
//!
//! A key reads `folio_<id>_<secret>`: the id (public, 16 hex digits) finds
//! the record, and the secret (256 random bits, 64 hex digits) is checked
//! against its stored hash in constant time.

use super::audit::{Audit, AuditAction};
use super::{Store, StoreError, StoreResult, new_id, random_bytes, timestamp};
use chrono::Utc;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// What a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
pub enum Scope {
    /// Render documents and manage customer profiles (billing systems).
    #[serde(rename = "render")]
    Render,
    /// Upload plugin bundles (template authors).
    #[serde(rename = "plugins:write")]
    PluginsWrite,
    /// Publish plugin versions and move aliases (approvers).
    #[serde(rename = "plugins:publish")]
    PluginsPublish,
    /// Manage webhook endpoints and read the event log (the systems that
    /// listen to Folio).
    #[serde(rename = "webhooks")]
    Webhooks,
    /// Everything, including keys and the audit log.
    #[serde(rename = "admin")]
    Admin,
}

impl Scope {
    /// Every scope, in the order they are listed.
    pub const ALL: [Scope; 5] = [Scope::Render, Scope::PluginsWrite, Scope::PluginsPublish, Scope::Webhooks, Scope::Admin];

    /// The scope's name as keys and the API spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Render => "render",
            Scope::PluginsWrite => "plugins:write",
            Scope::PluginsPublish => "plugins:publish",
            Scope::Webhooks => "webhooks",
            Scope::Admin => "admin",
        }
    }

    /// Parses a comma-separated list such as `render,plugins:write`.
    pub fn parse_list(text: &str) -> Result<Vec<Scope>, String> {
        let mut scopes: Vec<Scope> = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let scope = part.parse()?;
            if !scopes.contains(&scope) {
                scopes.push(scope);
            }
        }
        if scopes.is_empty() {
            return Err("no scopes given; choose from render, plugins:write, plugins:publish, webhooks, admin".into());
        }
        scopes.sort();
        Ok(scopes)
    }
}

impl FromStr for Scope {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Scope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == s)
            .ok_or_else(|| format!("unknown scope `{s}`; choose from render, plugins:write, plugins:publish, webhooks, admin"))
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stored key, without its secret.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct KeyRecord {
    /// The key's public id: the part of the token between `folio_` and the secret.
    pub id: String,
    /// What the key is for (`billing-eu`, `alice`).
    pub name: String,
    /// What the key may do.
    pub scopes: Vec<Scope>,
    /// When the key was created (RFC 3339, UTC).
    pub created_at: String,
    /// The key id that created it, or `cli`.
    pub created_by: String,
    #[serde(skip)]
    secret_sha256: String,
}

impl KeyRecord {
    /// Whether the key grants `scope` (admin grants every scope).
    pub fn allows(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope) || self.scopes.contains(&Scope::Admin)
    }

    /// Whether `secret` is this key's secret. Constant time in the secret.
    pub fn verify(&self, secret: &str) -> bool {
        let given = crate::digest::sha256_hex(secret.as_bytes());
        given.len() == self.secret_sha256.len() && given.bytes().zip(self.secret_sha256.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
    }
}

/// A presented bearer token split into its id and secret, or `None` when it
/// is not shaped like a Folio key.
pub fn split_token(token: &str) -> Option<(&str, &str)> {
    let rest = token.strip_prefix("folio_")?;
    let (id, secret) = rest.split_once('_')?;
    let hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
    (hex(id, 16) && hex(secret, 64)).then_some((id, secret))
}

#[derive(sqlx::FromRow)]
struct KeyRow {
    id: String,
    secret_sha256: String,
    name: String,
    scopes: String,
    created_at: String,
    created_by: String,
}

impl KeyRow {
    fn into_record(self) -> StoreResult<KeyRecord> {
        let scopes =
            Scope::parse_list(&self.scopes).map_err(|e| StoreError::Corrupt(format!("api key {} has unreadable scopes: {e}", self.id)))?;
        Ok(KeyRecord {
            id: self.id,
            name: self.name,
            scopes,
            created_at: self.created_at,
            created_by: self.created_by,
            secret_sha256: self.secret_sha256,
        })
    }
}

impl Store {
    /// Creates a key with `scopes`, records it in the audit log, and returns
    /// its record and the full token, which is never stored and cannot be
    /// shown again. `created_by` is the creating key's id, or `cli`.
    pub async fn create_key(&self, name: &str, scopes: &[Scope], created_by: &str) -> StoreResult<(KeyRecord, String)> {
        let id = new_id("k");
        let id = id.trim_start_matches("k_")[..16].to_string();
        let secret = hex::encode(random_bytes::<32>());
        let scopes_text = scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",");
        let row = KeyRow {
            id: id.clone(),
            secret_sha256: crate::digest::sha256_hex(secret.as_bytes()),
            name: name.to_string(),
            scopes: scopes_text,
            created_at: timestamp(Utc::now()),
            created_by: created_by.to_string(),
        };
        let doing = "creating an API key";
        let mut tx = self.begin(doing).await?;
        sqlx::query("INSERT INTO api_keys (id, secret_sha256, name, scopes, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&row.id)
            .bind(&row.secret_sha256)
            .bind(&row.name)
            .bind(&row.scopes)
            .bind(&row.created_at)
            .bind(&row.created_by)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::sql(doing, e))?;
        Audit {
            at: &row.created_at,
            actor: created_by,
            action: AuditAction::KeyCreate,
            subject: row.id.clone(),
            detail: serde_json::json!({ "name": row.name, "scopes": row.scopes }),
        }
        .write(&mut tx)
        .await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))?;
        let token = format!("folio_{id}_{secret}");
        Ok((row.into_record()?, token))
    }

    /// The key with public id `id`.
    pub async fn key(&self, id: &str) -> StoreResult<Option<KeyRecord>> {
        let row: Option<KeyRow> = sqlx::query_as("SELECT * FROM api_keys WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("looking up an API key", e))?;
        row.map(KeyRow::into_record).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse_and_reject_unknown_names() {
        assert_eq!(Scope::parse_list("plugins:write, render,render").unwrap(), vec![Scope::Render, Scope::PluginsWrite]);
        assert!(Scope::parse_list("render,root").unwrap_err().contains("unknown scope `root`"));
        assert!(Scope::parse_list(" , ").is_err());
    }

    #[test]
    fn tokens_split_only_when_well_formed() {
        let token = format!("folio_{}_{}", "a".repeat(16), "b".repeat(64));
        assert_eq!(split_token(&token), Some(("a".repeat(16).as_str(), "b".repeat(64).as_str())));
        assert_eq!(split_token("folio_abc_def"), None);
        assert_eq!(split_token(&token.replace("folio_", "other_")), None);
    }
}
