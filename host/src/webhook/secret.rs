//! Endpoint signing secrets: made, shown once, and kept encrypted at rest.
//!
//! A secret is 32 random bytes, shown as `whsec_<base64>` (the Standard
//! Webhooks format). The database holds it sealed with ChaCha20-Poly1305
//! under the webhook key, bound to its endpoint's id (so a sealed secret
//! copied onto another endpoint's row does not open), as
//! `v1:<key id>:<nonce>:<ciphertext>` in hex. The key id (the first 8 hex
//! digits of the key's SHA-256) names which key sealed it, so a replica
//! started with the wrong key says so instead of signing garbage.
//!
//! The key comes from `FOLIO_WEBHOOK_KEY` (64 hex digits) when set, else
//! from `<data dir>/webhook.key`, created (mode 0600) on first start.
//! Replicas sharing a database must share the key: set the variable on all
//! of them.

use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The environment variable that holds the webhook key.
pub const KEY_ENV: &str = "FOLIO_WEBHOOK_KEY";
/// The key's file in the data directory, when the variable is not set.
pub const KEY_FILE: &str = "webhook.key";

/// Why a secret could not be sealed or opened, or the key not loaded.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("{source_name} must be 64 hex digits (32 bytes); make one with `openssl rand -hex 32`")]
    BadKey { source_name: String },
    #[error("cannot read or create the webhook key {path}: {reason}")]
    KeyFile { path: String, reason: String },
    #[error(
        "this endpoint's secret was sealed with webhook key {sealed_with}, but this server has key {have}; \
         start every replica with the same {KEY_ENV}"
    )]
    WrongKey { sealed_with: String, have: String },
    #[error("this endpoint's stored secret is damaged ({0}); rotate it with POST /v1/webhooks/{{id}}/rotate-secret")]
    Damaged(&'static str),
}

/// Seals and opens endpoint secrets with the webhook key. Cheap to clone.
#[derive(Clone)]
pub struct SecretBox {
    cipher: ChaCha20Poly1305,
    key_id: String,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretBox").field("key_id", &self.key_id).finish_non_exhaustive()
    }
}

impl SecretBox {
    /// The box for a 32-byte key.
    pub fn new(key: &[u8; 32]) -> Self {
        let key_id = hex::encode(&Sha256::digest(key)[..4]);
        SecretBox { cipher: ChaCha20Poly1305::new(Key::from_slice(key)), key_id }
    }

    /// The key from `FOLIO_WEBHOOK_KEY`, else from `data_dir/webhook.key`
    /// (made if missing).
    pub fn load(data_dir: &Path) -> Result<Self, SecretError> {
        if let Ok(text) = std::env::var(KEY_ENV) {
            return Ok(Self::new(&parse_key(&text, KEY_ENV)?));
        }
        let path = data_dir.join(KEY_FILE);
        let shown = path.display().to_string();
        let file_error = |e: std::io::Error| SecretError::KeyFile { path: shown.clone(), reason: e.to_string() };
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Self::new(&parse_key(&text, &shown)?)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(data_dir).map_err(file_error)?;
                let key: [u8; 32] = crate::store::random_bytes();
                write_new_key(&path, &hex::encode(key)).map_err(file_error)?;
                // Another process may have made it first: use what is there.
                let text = std::fs::read_to_string(&path).map_err(file_error)?;
                Ok(Self::new(&parse_key(&text, &shown)?))
            }
            Err(e) => Err(file_error(e)),
        }
    }

    /// Which key this is (8 hex digits), as sealed secrets record it.
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// Seals `secret` for endpoint `endpoint_id`.
    pub fn seal(&self, endpoint_id: &str, secret: &[u8]) -> String {
        let nonce: [u8; 12] = crate::store::random_bytes();
        // Encryption with a valid key and nonce cannot fail; an empty
        // ciphertext would fail to open, never sign.
        let sealed =
            self.cipher.encrypt(Nonce::from_slice(&nonce), Payload { msg: secret, aad: endpoint_id.as_bytes() }).unwrap_or_default();
        format!("v1:{}:{}:{}", self.key_id, hex::encode(nonce), hex::encode(sealed))
    }

    /// Opens what [`SecretBox::seal`] sealed for `endpoint_id`.
    pub fn open(&self, endpoint_id: &str, sealed: &str) -> Result<Vec<u8>, SecretError> {
        let mut parts = sealed.split(':');
        let (Some("v1"), Some(key_id), Some(nonce), Some(text), None) =
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(SecretError::Damaged("not in the v1 format"));
        };
        if key_id != self.key_id {
            return Err(SecretError::WrongKey { sealed_with: key_id.to_string(), have: self.key_id.clone() });
        }
        let nonce = hex::decode(nonce).ok().filter(|n| n.len() == 12).ok_or(SecretError::Damaged("bad nonce"))?;
        let text = hex::decode(text).map_err(|_| SecretError::Damaged("bad ciphertext"))?;
        self.cipher
            .decrypt(Nonce::from_slice(&nonce), Payload { msg: &text, aad: endpoint_id.as_bytes() })
            .map_err(|_| SecretError::Damaged("it does not open with this key for this endpoint"))
    }
}

/// A new signing secret: 32 random bytes.
pub fn new_secret() -> [u8; 32] {
    crate::store::random_bytes()
}

/// A secret as its endpoint's owner is shown it: `whsec_<base64>`.
pub fn show(secret: &[u8]) -> String {
    format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(secret))
}

fn parse_key(text: &str, source_name: &str) -> Result<[u8; 32], SecretError> {
    let bad = || SecretError::BadKey { source_name: source_name.to_string() };
    hex::decode(text.trim()).ok().and_then(|bytes| <[u8; 32]>::try_from(bytes).ok()).ok_or_else(bad)
}

/// Writes a new key file readable by its owner only, never replacing one.
fn write_new_key(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
        Ok(mut file) => {
            file.write_all(text.as_bytes())?;
            file.sync_all()
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_for_its_endpoint_and_key() {
        let one = SecretBox::new(&[7; 32]);
        let secret = new_secret();
        let sealed = one.seal("whk_a", &secret);
        assert!(!sealed.contains(&hex::encode(secret)), "the secret is not stored in the clear");
        assert_eq!(one.open("whk_a", &sealed).unwrap(), secret);
        assert!(matches!(one.open("whk_b", &sealed), Err(SecretError::Damaged(_))), "bound to its endpoint");
        let other = SecretBox::new(&[8; 32]);
        let err = other.open("whk_a", &sealed).unwrap_err();
        assert!(matches!(err, SecretError::WrongKey { .. }), "{err}");
        assert!(err.to_string().contains(KEY_ENV), "{err}");
        assert!(matches!(one.open("whk_a", "v1:zz"), Err(SecretError::Damaged(_))));
    }

    #[test]
    fn the_key_file_is_made_once_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        // The file is what this test is about: the variable would win over it.
        assert!(std::env::var(KEY_ENV).is_err(), "unset {KEY_ENV} to run this test");
        let first = SecretBox::load(dir.path()).unwrap();
        let second = SecretBox::load(dir.path()).unwrap();
        assert_eq!(first.key_id(), second.key_id());
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(KEY_FILE)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        std::fs::write(dir.path().join(KEY_FILE), "not hex").unwrap();
        let err = SecretBox::load(dir.path()).unwrap_err().to_string();
        assert!(err.contains("webhook.key") && err.contains("64 hex digits"), "{err}");
    }

    #[test]
    fn secrets_are_shown_in_the_standard_webhooks_format() {
        let shown = show(&[0u8; 32]);
        assert!(shown.starts_with("whsec_"));
        assert!(standardwebhooks::Webhook::new(&shown).is_ok());
    }
}
