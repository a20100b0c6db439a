//! Receipts: an acceptance record signed by the server, checkable offline.
//!
//! A receipt is `{"record": {...}, "signature": {...}}`. The signature is
//! Ed25519 (RFC 8032, the `ed25519-dalek` crate) over the record in
//! canonical JSON (RFC 8785), so any JCS implementation and any Ed25519
//! library can check it. The signature names its key and carries the
//! public key; the keys the server has signed with are listed at
//! `GET /receipt-keys` (no key needed), so a verifier can pin them.
//! `record.documents` lists the SHA-256 of each archived accepted
//! document, which `folio verify --document` compares.

use super::canonical;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The one signature algorithm receipts use.
pub const ALGORITHM: &str = "Ed25519";

/// A signed acceptance record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// The acceptance record, as signed (see `Acceptance` for its fields).
    #[schema(value_type = Object)]
    pub record: Value,
    /// The Ed25519 signature over the record's canonical JSON, and the key that made it.
    pub signature: ReceiptSignature,
}

/// How a receipt was signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiptSignature {
    /// Always `Ed25519`.
    #[schema(example = "Ed25519")]
    pub algorithm: String,
    /// The signing key's id, as `GET /receipt-keys` lists it.
    #[schema(example = "rk_3f9a1c2e")]
    pub key_id: String,
    /// The signing key's public key: 32 bytes, base64.
    pub public_key: String,
    /// The signature over the record's canonical JSON (RFC 8785): 64 bytes, base64.
    pub value: String,
}

/// A receipt signing key.
pub struct KeyPair {
    pub id: String,
    key: SigningKey,
}

impl KeyPair {
    /// The key `id` with secret `secret` (32 bytes).
    pub fn new(id: &str, secret: &[u8; 32]) -> Self {
        KeyPair { id: id.to_string(), key: SigningKey::from_bytes(secret) }
    }

    /// The public key, base64.
    pub fn public_key(&self) -> String {
        BASE64.encode(self.key.verifying_key().to_bytes())
    }

    /// `record` signed.
    pub fn sign(&self, record: Value) -> Result<Receipt, ReceiptError> {
        let message = canonical(&record).map_err(ReceiptError::Record)?;
        let signature = self.key.sign(message.as_bytes());
        Ok(Receipt {
            record,
            signature: ReceiptSignature {
                algorithm: ALGORITHM.to_string(),
                key_id: self.id.clone(),
                public_key: self.public_key(),
                value: BASE64.encode(signature.to_bytes()),
            },
        })
    }
}

/// Why a receipt does not verify.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReceiptError {
    #[error("the record cannot be put in canonical form: {0}")]
    Record(String),
    #[error("the signature algorithm is `{0}`; receipts are signed with Ed25519")]
    Algorithm(String),
    #[error("signature.{field} is not valid base64 of {bytes} bytes")]
    Encoding { field: &'static str, bytes: usize },
    #[error("the signature does not match the record: the receipt was changed after signing, or signed by another key")]
    Mismatch,
    #[error("signed by key `{key_id}`, which is not one of the keys given (--key)")]
    UnknownKey { key_id: String },
}

/// What a receipt that verifies says.
#[derive(Debug, Clone, PartialEq)]
pub struct Verified {
    pub key_id: String,
    pub public_key: String,
}

impl Receipt {
    /// Checks the signature against the public key the receipt carries,
    /// and, with `trusted` (public keys, base64), that the key is one of them.
    pub fn verify(&self, trusted: Option<&[String]>) -> Result<Verified, ReceiptError> {
        let s = &self.signature;
        if s.algorithm != ALGORITHM {
            return Err(ReceiptError::Algorithm(s.algorithm.clone()));
        }
        let public: [u8; 32] = decode(&s.public_key, "public_key")?;
        let signature: [u8; 64] = decode(&s.value, "value")?;
        let key = VerifyingKey::from_bytes(&public).map_err(|_| ReceiptError::Encoding { field: "public_key", bytes: 32 })?;
        let message = canonical(&self.record).map_err(ReceiptError::Record)?;
        key.verify_strict(message.as_bytes(), &Signature::from_bytes(&signature)).map_err(|_| ReceiptError::Mismatch)?;
        if let Some(trusted) = trusted
            && !trusted.iter().any(|k| k == &s.public_key)
        {
            return Err(ReceiptError::UnknownKey { key_id: s.key_id.clone() });
        }
        Ok(Verified { key_id: s.key_id.clone(), public_key: s.public_key.clone() })
    }

    /// The SHA-256 the record gives for its archived document in `format`.
    pub fn document_sha256(&self, format: &str) -> Option<&str> {
        self.record["documents"].as_array()?.iter().find(|d| d["format"] == format)?["sha256"].as_str()
    }
}

fn decode<const N: usize>(text: &str, field: &'static str) -> Result<[u8; N], ReceiptError> {
    BASE64.decode(text).ok().and_then(|bytes| bytes.try_into().ok()).ok_or(ReceiptError::Encoding { field, bytes: N })
}

/// The SHA-256 of `bytes`, hex, as receipts give documents'.
pub fn document_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn signs_and_verifies_and_notices_any_change() {
        let key = KeyPair::new("rk_1", &[7; 32]);
        let receipt = key.sign(json!({"b": 1, "a": "x", "documents": [{"format": "pdf", "sha256": "ab"}]})).unwrap();
        assert_eq!(receipt.verify(None).unwrap().key_id, "rk_1");
        assert_eq!(receipt.verify(Some(&[key.public_key()])).unwrap().public_key, key.public_key());
        assert_eq!(receipt.document_sha256("pdf"), Some("ab"));
        // Key order is not part of what is signed; content is.
        let reordered: Receipt =
            serde_json::from_str(&serde_json::to_string(&receipt).unwrap().replace("\"b\":1,\"a\":\"x\"", "\"a\":\"x\",\"b\":1")).unwrap();
        assert!(reordered.verify(None).is_ok());
        let mut changed = receipt.clone();
        changed.record["b"] = json!(2);
        assert_eq!(changed.verify(None), Err(ReceiptError::Mismatch));
        let other = KeyPair::new("rk_2", &[8; 32]);
        let mut swapped = receipt.clone();
        swapped.signature.public_key = other.public_key();
        assert_eq!(swapped.verify(None), Err(ReceiptError::Mismatch));
        assert_eq!(receipt.verify(Some(&[other.public_key()])), Err(ReceiptError::UnknownKey { key_id: "rk_1".into() }));
    }
}
