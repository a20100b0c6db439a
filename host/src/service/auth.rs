//! API key authentication: the [`Caller`] extractor.
//!
//! Every `/v1` route takes a `Caller`: a request without a valid
//! `Authorization: Bearer folio_…` key is refused with 401 before the
//! handler runs, and [`Caller::require`] turns a missing scope into 403.
//! Verified keys are kept for a few seconds so a burst of renders does not
//! read the key table once per request.

use super::problem::{ApiResult, Problem};
use super::state::AppState;
use crate::store::{KeyRecord, Scope, Store, split_token};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    pub key: KeyRecord,
}

impl Caller {
    /// The caller's key id, as the audit log and records name it.
    pub fn id(&self) -> &str {
        &self.key.id
    }

    /// Fails with 403 unless the key grants `scope`.
    pub fn require(&self, scope: Scope) -> ApiResult<()> {
        if self.key.allows(scope) {
            Ok(())
        } else {
            let has = self.key.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
            Err(Problem::forbidden(format!(
                "this API key lacks the `{scope}` scope (it has: {has}); use a key created with --scopes {scope}"
            )))
        }
    }

    /// Fails with 403 unless the key grants one of `scopes` (admin grants all).
    pub fn require_any(&self, scopes: &[Scope]) -> ApiResult<()> {
        if scopes.iter().any(|s| self.key.allows(*s)) {
            return Ok(());
        }
        let wanted = scopes.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" or ");
        let has = self.key.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        Err(Problem::forbidden(format!("this route needs a key with {wanted} (this key has: {has})")))
    }

    /// Whether the key is an admin key.
    pub fn is_admin(&self) -> bool {
        self.key.scopes.contains(&Scope::Admin)
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Problem> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or_else(|| Problem::unauthorized("this route needs an API key: send `Authorization: Bearer folio_…`"))?;
        let token = header
            .to_str()
            .ok()
            .and_then(bearer_token)
            .ok_or_else(|| Problem::unauthorized("the Authorization header must be `Bearer <api key>`"))?;
        let key = state.keys().verify(state.store(), token).await?;
        Ok(Caller { key })
    }
}

/// The credentials of an `Authorization: Bearer <token>` value. The scheme
/// is case-insensitive (RFC 9110 §11.1): `bearer` and `BEARER` work too.
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim_start().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// How long a verified key is trusted without reading the table again.
const KEY_TTL: Duration = Duration::from_secs(10);
/// At most this many keys are kept; the cache is emptied when it fills.
const KEY_CACHE_SIZE: usize = 10_000;

/// Recently verified keys, by token hash.
#[derive(Default)]
pub struct KeyCache {
    verified: Mutex<HashMap<String, (KeyRecord, Instant)>>,
}

impl KeyCache {
    /// The key `token` belongs to, or 401.
    pub async fn verify(&self, store: &Store, token: &str) -> ApiResult<KeyRecord> {
        let invalid =
            || Problem::unauthorized("the API key is not valid; check it was copied whole, or create one with `folio keys create`");
        let (id, secret) = split_token(token).ok_or_else(invalid)?;
        let cache_key = crate::digest::sha256_hex(token.as_bytes());
        if let Some((record, at)) = self.lock().get(&cache_key)
            && at.elapsed() < KEY_TTL
        {
            return Ok(record.clone());
        }
        let record = store.key(id).await?.filter(|k| k.verify(secret)).ok_or_else(invalid)?;
        let mut cache = self.lock();
        if cache.len() >= KEY_CACHE_SIZE {
            cache.clear();
        }
        cache.insert(cache_key, (record.clone(), Instant::now()));
        Ok(record)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (KeyRecord, Instant)>> {
        self.verified.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::bearer_token;

    #[test]
    fn the_bearer_scheme_is_case_insensitive() {
        for value in ["Bearer folio_a.b", "bearer folio_a.b", "BEARER  folio_a.b ", "BeArEr folio_a.b"] {
            assert_eq!(bearer_token(value), Some("folio_a.b"), "{value}");
        }
        for value in ["Basic folio_a.b", "Bearer", "Bearer   ", "Bearerfolio_a.b", "folio_a.b"] {
            assert_eq!(bearer_token(value), None, "{value}");
        }
    }
}
