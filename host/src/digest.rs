//! SHA-256, the one hash Folio names content by: bundles and their files,
//! blobs, documents, request bodies. [`sha256_hex`] is the bare hex that
//! blob names and records carry; [`sha256_tagged`] is `sha256:<hex>`, as
//! `plugin.toml` and PDF identifiers write it.

use sha2::{Digest, Sha256};

/// The SHA-256 of `bytes`, as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The SHA-256 of `bytes` as `sha256:<hex>`.
pub fn sha256_tagged(bytes: &[u8]) -> String {
    format!("sha256:{}", sha256_hex(bytes))
}

/// `digest` without its `sha256:` tag, if it has one.
pub fn untagged(digest: &str) -> &str {
    digest.strip_prefix("sha256:").unwrap_or(digest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_and_tagged_agree() {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(sha256_hex(b""), empty);
        assert_eq!(sha256_tagged(b""), format!("sha256:{empty}"));
        assert_eq!(untagged(&sha256_tagged(b"")), empty);
        assert_eq!(untagged(empty), empty);
    }
}
