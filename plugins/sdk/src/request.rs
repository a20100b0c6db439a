//! Everything a plugin gets to plan one document.

use crate::PlanError;
use crate::input::{Json, deserialize_at};
use crate::time::LocalTime;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why the document is being rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Batch,
    OnDemand,
    OpenTime,
    Interaction,
}

/// Who the document is for.
#[derive(Debug, Clone, PartialEq)]
pub struct Customer {
    pub id: String,
    pub display_name: String,
    /// A BCP 47 tag such as `ms-MY` or `zh-TW`.
    pub locale: String,
    /// An IANA time zone such as `Asia/Kuala_Lumpur`.
    pub timezone: String,
    pub segment: String,
    /// Free attributes (a JSON object, or null when none were given).
    pub attributes: Value,
}

/// An action the customer took on an interactive document.
#[derive(Debug, Clone, PartialEq)]
pub struct Interaction {
    pub action: String,
    pub inputs: Value,
}

/// A request to plan one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub kind: String,
    pub customer: Customer,
    pub data: Value,
    pub purpose: Purpose,
    /// The instant the document is rendered for. Plugins have no clock: use this.
    pub at: DateTime<Utc>,
    pub interaction: Option<Interaction>,
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
/// Parses JSON text that arrived at `path`, naming the path on failure.
pub(crate) fn parse_json(path: &str, text: &str) -> Result<Value, PlanError> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text).map_err(|e| PlanError::invalid(path, format!("is not valid JSON: {e}")))
}

impl Request {
    /// The request's data deserialized into `T`; errors name the failing path
    /// below `data` (e.g. `data.lines[3].quantity`).
    pub fn data_as<T: DeserializeOwned>(&self) -> Result<T, PlanError> {
        deserialize_at("data", &self.data)
    }

    /// The request's data for path-aware ad-hoc reads.
    pub fn data(&self) -> Json<'_> {
        Json::new("data", &self.data)
    }

    /// The customer's free attributes for path-aware reads.
    pub fn attributes(&self) -> Json<'_> {
        Json::new("customer.attributes", &self.customer.attributes)
    }

    /// The customer's id, which must not be empty.
    pub fn customer_id(&self) -> Result<&str, PlanError> {
        let id = self.customer.id.trim();
        if id.is_empty() {
            return Err(PlanError::invalid("customer.id", "is required"));
        }
        Ok(id)
    }

    /// The render instant in the customer's time zone.
    pub fn local_now(&self) -> Result<LocalTime, PlanError> {
        LocalTime::new(self.at, &self.customer.timezone)
    }

    /// The render instant, UTC.
    pub fn now(&self) -> DateTime<Utc> {
        self.at
    }

    /// A request for `kind` at `at`, used by tests and native benchmarks.
    pub fn for_test(kind: &str, customer: Customer, data: Value, at: DateTime<Utc>) -> Self {
        Request { kind: kind.to_string(), customer, data, purpose: Purpose::OnDemand, at, interaction: None }
    }
}

impl Customer {
    /// A customer with an empty attribute object, for tests.
    pub fn new(id: &str, display_name: &str, locale: &str, timezone: &str, segment: &str) -> Self {
        Customer {
            id: id.to_string(),
            display_name: display_name.to_string(),
            locale: locale.to_string(),
            timezone: timezone.to_string(),
            segment: segment.to_string(),
            attributes: Value::Object(Default::default()),
        }
    }
}
