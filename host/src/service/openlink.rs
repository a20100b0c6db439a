//! Open-link tokens and opener classification, as pure functions.
//!
//! A token is the link's credential: anyone holding it may view the
//! document, so it must be unguessable and unforgeable, and reveal nothing.
//! It is 88 hex digits:
//!
//! ```text
//! key id (4 bytes) | link id (16 bytes) | expiry (8 bytes, Unix seconds, 0 = never) | MAC (16 bytes)
//! ```
//!
//! The MAC is HMAC-SHA256 (truncated to 128 bits) under the signing key
//! named by the key id, over a domain label and the first 28 bytes. Signing
//! keys rotate: new links are signed with the newest key; tokens signed
//! with older keys verify until their key is retired.

use crate::store::OpenerClass;
use hmac::{Hmac, Mac};
use sha2::Sha256;

const LABEL: &[u8] = b"folio open-link v1\0";
const BODY: usize = 4 + 16 + 8;
const MAC: usize = 16;

/// What a token says, once its MAC is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenClaims {
    /// The link id, `lnk_<32 hex>`.
    pub link_id: String,
    /// Expiry in Unix seconds; `None` for links that do not expire.
    pub expires: Option<i64>,
}

/// The id of the key that signed `token`, if the token is well formed.
pub fn key_id(token: &str) -> Option<String> {
    let bytes = decode(token)?;
    Some(hex::encode(&bytes[..4]))
}

/// Signs a token for link `link_id` (`lnk_<32 hex>`) with key `key_id`
/// (8 hex digits) and secret `secret` (hex). `None` if an id is malformed.
pub fn sign(key_id: &str, secret: &str, link_id: &str, expires: Option<i64>) -> Option<String> {
    let mut body = Vec::with_capacity(BODY + MAC);
    body.extend(hex::decode(key_id).ok().filter(|k| k.len() == 4)?);
    body.extend(hex::decode(link_id.strip_prefix("lnk_")?).ok().filter(|l| l.len() == 16)?);
    body.extend(expires.unwrap_or(0).to_be_bytes());
    let mac = mac(secret, &body)?;
    body.extend(&mac[..MAC]);
    Some(hex::encode(body))
}

impl TokenClaims {
    /// Whether the token has expired at `now` (Unix seconds).
    pub fn expired(&self, now: i64) -> bool {
        self.expires.is_some_and(|expires| now >= expires)
    }
}

/// Checks `token` against the signing key's `secret`: what a genuine
/// token says, or `None` for anything wrong (malformed, tampered, signed
/// by another key); callers answer every `None` the same way. Whether it
/// has expired is [`TokenClaims::expired`]: an open of an expired link is
/// a 404 like any other, an action on one is told it expired.
pub fn verify_signature(token: &str, secret: &str) -> Option<TokenClaims> {
    let bytes = decode(token)?;
    let (body, given) = bytes.split_at(BODY);
    let mut verifier = <Hmac<Sha256>>::new_from_slice(&hex::decode(secret).ok()?).ok()?;
    verifier.update(LABEL);
    verifier.update(body);
    verifier.verify_truncated_left(given).ok()?;
    let expires = i64::from_be_bytes(body[20..28].try_into().ok()?);
    Some(TokenClaims { link_id: format!("lnk_{}", hex::encode(&body[4..20])), expires: (expires != 0).then_some(expires) })
}

/// The token's bytes. Only the spelling `sign` produces is accepted (lower
/// case hex), so each link has exactly one working URL.
fn decode(token: &str) -> Option<Vec<u8>> {
    if token.len() != 2 * (BODY + MAC) || !token.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    hex::decode(token).ok()
}

fn mac(secret: &str, body: &[u8]) -> Option<Vec<u8>> {
    let mut mac = <Hmac<Sha256>>::new_from_slice(&hex::decode(secret).ok()?).ok()?;
    mac.update(LABEL);
    mac.update(body);
    Some(mac.finalize().into_bytes().to_vec())
}

/// Who opened a link, from the request and how long after the link was made.
///
/// - `scanner`: a `HEAD` request, a known link-scanner or bot agent, or a
///   fetch within 10 seconds of the link's creation (security gateways
///   follow links on delivery, before any person could);
/// - `gmail-proxy`: Gmail's image proxy (`GoogleImageProxy`), which fetches
///   when the person opens the mail, so it is an open, but unverified;
/// - `apple-mpp`: Apple Mail Privacy Protection, which prefetches every
///   message soon after delivery with a bare `Mozilla/5.0` agent;
/// - `human`: anything else.
///
/// Only `human` opens count towards open rates by default.
pub fn classify(method: &str, user_agent: &str, seconds_since_created: i64) -> OpenerClass {
    const SCANNERS: [&str; 12] = [
        "bot",
        "crawler",
        "spider",
        "scanner",
        "preview",
        "barracuda",
        "proofpoint",
        "mimecast",
        "urldefense",
        "safelinks",
        "curl",
        "python-requests",
    ];
    let agent = user_agent.to_ascii_lowercase();
    if method.eq_ignore_ascii_case("HEAD") || SCANNERS.iter().any(|s| agent.contains(s)) || seconds_since_created < 10 {
        OpenerClass::Scanner
    } else if user_agent.contains("GoogleImageProxy") {
        OpenerClass::GmailProxy
    } else if user_agent.trim() == "Mozilla/5.0" && seconds_since_created < 2 * 3600 {
        OpenerClass::AppleMpp
    } else {
        OpenerClass::Human
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token that verifies and has not expired at `now`.
    fn verify(token: &str, secret: &str, now: i64) -> Option<TokenClaims> {
        verify_signature(token, secret).filter(|claims| !claims.expired(now))
    }

    const SECRET: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    const LINK: &str = "lnk_00112233445566778899aabbccddeeff";

    #[test]
    fn tokens_round_trip_and_carry_the_key_id() {
        let token = sign("a1b2c3d4", SECRET, LINK, Some(2_000)).unwrap();
        assert_eq!(token.len(), 88);
        assert_eq!(key_id(&token).as_deref(), Some("a1b2c3d4"));
        assert_eq!(verify(&token, SECRET, 1_999), Some(TokenClaims { link_id: LINK.into(), expires: Some(2_000) }));
        let forever = sign("a1b2c3d4", SECRET, LINK, None).unwrap();
        assert_eq!(verify(&forever, SECRET, i64::MAX - 1).unwrap().expires, None);
    }

    #[test]
    fn tampered_truncated_expired_or_foreign_tokens_fail() {
        let token = sign("a1b2c3d4", SECRET, LINK, Some(2_000)).unwrap();
        assert_eq!(verify(&token, SECRET, 2_000), None, "expired");
        for i in 0..token.len() {
            let mut bytes = token.clone().into_bytes();
            bytes[i] = if bytes[i] == b'0' { b'1' } else { b'0' };
            assert_eq!(verify(&String::from_utf8(bytes).unwrap(), SECRET, 0), None, "flipped digit {i}");
        }
        assert_eq!(verify(&token[..86], SECRET, 0), None, "truncated");
        assert_eq!(verify(&format!("{token}00"), SECRET, 0), None, "extended");
        let other = "ff".repeat(32);
        assert_eq!(verify(&token, &other, 0), None, "another key");
        assert_eq!(verify("not a token", SECRET, 0), None);
        assert_eq!(verify(&token.to_ascii_uppercase(), SECRET, 0), None, "upper case");
        let one_upper = token.replacen(|c: char| c.is_ascii_lowercase(), "A", 1);
        assert_ne!(one_upper, token);
        assert_eq!(verify(&one_upper, SECRET, 0), None, "one upper-case digit");
        assert_eq!(key_id(&token.to_ascii_uppercase()), None);
        assert_eq!(sign("a1b2c3d4", SECRET, "doc_00112233445566778899aabbccddeeff", None), None);
    }

    #[test]
    fn openers_are_classified() {
        assert_eq!(classify("HEAD", "Mozilla/5.0 (Windows NT 10.0)", 3600), OpenerClass::Scanner);
        assert_eq!(classify("GET", "Mozilla/5.0 (compatible; Barracuda Sentinel)", 3600), OpenerClass::Scanner);
        assert_eq!(classify("GET", "Mozilla/5.0 (Macintosh) Safari/605", 3), OpenerClass::Scanner);
        assert_eq!(
            classify("GET", "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", 600),
            OpenerClass::GmailProxy
        );
        assert_eq!(classify("GET", "Mozilla/5.0", 120), OpenerClass::AppleMpp);
        assert_eq!(classify("GET", "Mozilla/5.0", 3 * 86_400), OpenerClass::Human);
        assert_eq!(classify("GET", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148", 7200), OpenerClass::Human);
    }
}
