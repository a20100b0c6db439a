//! Offers: what an interactive document proposes, as its customer adjusts
//! it, and the evidence when they accept.
//!
//! - A **snapshot** is the offer as one page shows it: the customer's
//!   selections so far and the plan the plugin made for them. Its id is
//!   derived from the link, the selections and the plan ([`snapshot_id`]),
//!   so a page that re-plans to the same offer names the same snapshot, and
//!   showing a page stores nothing.
//! - The page's forms carry a **nonce** bound to the link and snapshot
//!   ([`nonce`]): a post from elsewhere needs the link's token and a page
//!   it served.
//! - What the customer sends is checked against the action's JSON Schema
//!   before the plugin sees it (`inputs.rs`).
//! - The plan's view model states the offer's **terms** (`offer.valid_until`,
//!   `offer.totals`: [`Terms`]).
//! - An acceptance is recorded, and a **receipt** signed with Ed25519 over
//!   its canonical JSON (`receipt.rs`), which `folio verify` checks offline.

mod inputs;
mod receipt;
mod words;

pub use inputs::{FieldError, FieldProblem, InputSchema, SchemaCache, SchemaError};
pub use receipt::{KeyPair, Receipt, ReceiptError, ReceiptSignature, Verified, document_sha256};
pub use words::{Notice, field_message};

use crate::contract::types::Plan;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use hmac::{Hmac, Mac};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The customer's selections so far: every action's inputs, later ones over earlier.
pub type Selections = Map<String, Value>;

/// `earlier` with `inputs` merged over it.
pub fn merge(earlier: &Selections, inputs: &Selections) -> Selections {
    let mut merged = earlier.clone();
    merged.extend(inputs.iter().map(|(k, v)| (k.clone(), v.clone())));
    merged
}

/// The id of the snapshot that shows `plan` for `selections` on link
/// `link_id`: `snp_` and 32 hex digits of a SHA-256 over all three (JSON
/// in canonical form, RFC 8785).
pub fn snapshot_id(link_id: &str, selections: &Selections, plan: &Plan) -> Result<String, String> {
    let plan = serde_json::to_value(plan).map_err(|e| format!("the plan cannot be read: {e}"))?;
    let mut hash = Sha256::new();
    for part in [link_id.as_bytes().to_vec(), canonical(&Value::Object(selections.clone()))?.into_bytes(), canonical(&plan)?.into_bytes()] {
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(&part);
    }
    Ok(format!("snp_{}", &hex::encode(hash.finalize())[..32]))
}

/// `value` as canonical JSON (RFC 8785): what is hashed and signed.
pub fn canonical(value: &Value) -> Result<String, String> {
    serde_json_canonicalizer::to_string(value).map_err(|e| format!("cannot write canonical JSON: {e}"))
}

/// The nonce a page's forms carry for `snapshot` of `link_id`, keyed by
/// the link's signing secret: HMAC-SHA256, 32 hex digits.
pub fn nonce(secret: &str, link_id: &str, snapshot: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else { return String::new() };
    mac.update(b"folio offer nonce\0");
    mac.update(link_id.as_bytes());
    mac.update(b"\0");
    mac.update(snapshot.as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}

/// Whether `given` is the nonce of `snapshot`, compared in constant time.
pub fn nonce_matches(secret: &str, link_id: &str, snapshot: &str, given: &str) -> bool {
    let expected = nonce(secret, link_id, snapshot);
    !expected.is_empty() && expected.len() == given.len() && expected.bytes().zip(given.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// The terms a plan states for its offer, from its view model's `offer`.
#[derive(Debug, Clone, PartialEq)]
pub struct Terms {
    /// After this instant the offer cannot be accepted.
    pub valid_until: Option<DateTime<Utc>>,
    /// What the customer accepts: `offer.totals`, as the plugin wrote it.
    pub totals: Value,
}

impl Terms {
    /// The terms of `plan`, for a customer in `timezone` (a date in
    /// `valid_until` ends at midnight there). The error names the field.
    pub fn of(plan: &Plan, timezone: &str) -> Result<Terms, String> {
        let view: Value = plan.view_model_value().map_err(|e| format!("view-model: {e}"))?;
        let offer = &view["offer"];
        let valid_until = match &offer["valid_until"] {
            Value::Null => None,
            Value::String(text) => Some(end_of(text, timezone).ok_or_else(|| {
                format!("view-model.offer.valid_until: `{text}` is neither an RFC 3339 date-time nor a date (YYYY-MM-DD)")
            })?),
            other => return Err(format!("view-model.offer.valid_until: must be text, not {other}")),
        };
        let totals = match &offer["totals"] {
            Value::Null => Value::Object(Map::new()),
            totals @ Value::Object(_) => totals.clone(),
            other => return Err(format!("view-model.offer.totals: must be an object, not {other}")),
        };
        Ok(Terms { valid_until, totals })
    }

    /// Whether the offer is past its validity at `now`.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        self.valid_until.is_some_and(|until| now > until)
    }
}

/// The instant `text` names: an RFC 3339 date-time, or the end of a date in `timezone`.
fn end_of(text: &str, timezone: &str) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let end = date.succ_opt()?.and_time(NaiveTime::MIN);
    let zone: chrono_tz::Tz = timezone.parse().unwrap_or(chrono_tz::UTC);
    zone.from_local_datetime(&end).earliest().map(|at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn plan(view: Value) -> Plan {
        Plan {
            template: "t".into(),
            view_model: serde_json::value::RawValue::from_string(view.to_string()).unwrap(),
            blocks: vec![],
            title: String::new(),
            file_name: String::new(),
            freshness_seconds: 0,
            actions: vec![],
        }
    }

    #[test]
    fn selections_merge_later_over_earlier() {
        let earlier = json!({"option": "2-year", "seats": 120}).as_object().cloned().unwrap();
        let inputs = json!({"seats": 150}).as_object().cloned().unwrap();
        assert_eq!(Value::Object(merge(&earlier, &inputs)), json!({"option": "2-year", "seats": 150}));
    }

    #[test]
    fn snapshot_ids_follow_the_offer_not_its_spelling() {
        let selections = json!({"seats": 150, "option": "2-year"}).as_object().cloned().unwrap();
        let reordered = json!({"option": "2-year", "seats": 150}).as_object().cloned().unwrap();
        let a = snapshot_id("lnk_1", &selections, &plan(json!({"a": 1, "b": 2}))).unwrap();
        assert_eq!(a, snapshot_id("lnk_1", &reordered, &plan(json!({"b": 2, "a": 1}))).unwrap());
        assert_ne!(a, snapshot_id("lnk_2", &selections, &plan(json!({"a": 1, "b": 2}))).unwrap());
        assert_ne!(a, snapshot_id("lnk_1", &selections, &plan(json!({"a": 1, "b": 3}))).unwrap());
        assert!(a.starts_with("snp_") && a.len() == 36);
    }

    #[test]
    fn nonces_bind_link_and_snapshot() {
        let n = nonce("secret", "lnk_1", "snp_a");
        assert!(nonce_matches("secret", "lnk_1", "snp_a", &n));
        assert!(!nonce_matches("secret", "lnk_1", "snp_b", &n));
        assert!(!nonce_matches("secret", "lnk_2", "snp_a", &n));
        assert!(!nonce_matches("other", "lnk_1", "snp_a", &n));
        assert!(!nonce_matches("secret", "lnk_1", "snp_a", ""));
    }

    #[test]
    fn terms_read_validity_in_the_customers_zone() {
        let terms = Terms::of(&plan(json!({"offer": {"valid_until": "2027-03-02", "totals": {"total": 1}}})), "Asia/Taipei").unwrap();
        // The end of 2 March in Taipei is 16:00 UTC that day.
        assert_eq!(terms.valid_until.unwrap().to_rfc3339(), "2027-03-02T16:00:00+00:00");
        assert!(!terms.expired("2027-03-02T15:59:59Z".parse().unwrap()));
        assert!(terms.expired("2027-03-02T16:00:01Z".parse().unwrap()));
        assert_eq!(terms.totals, json!({"total": 1}));
        assert_eq!(Terms::of(&plan(json!({})), "UTC").unwrap(), Terms { valid_until: None, totals: json!({}) });
        let err = Terms::of(&plan(json!({"offer": {"valid_until": "soon"}})), "UTC").unwrap_err();
        assert!(err.starts_with("view-model.offer.valid_until"), "{err}");
    }
}
