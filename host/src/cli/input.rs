//! Reading the JSON input files the CLI takes: `{"customer": {…}, "data": {…}}`.

use folio::contract::types::{Customer, Interaction, Purpose, Request};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::path::Path;

/// The document input envelope; unknown fields are refused so typos show.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    customer: Customer,
    data: Box<RawValue>,
    #[serde(default)]
    interaction: Option<Interaction>,
}

/// Reads `path` into a request for `kind` at instant `at`. Errors name the
/// file and, for JSON errors, the line and column.
pub fn read_request(
    path: &Path,
    kind: &str,
    purpose: Purpose,
    at: chrono::DateTime<chrono::Utc>,
    locale: Option<&str>,
) -> Result<Request, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let input: Input = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut customer = input.customer;
    if customer.id.trim().is_empty() {
        return Err(format!("{}: customer.id is empty", path.display()));
    }
    if let Some(locale) = locale {
        customer.locale = locale.to_string();
    }
    Ok(Request { kind: kind.to_string(), customer, data: input.data, purpose, at, interaction: input.interaction })
}

/// Parses an RFC 3339 instant given for `flag`.
pub fn parse_instant(flag: &str, text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| format!("{flag} `{text}` is not an RFC 3339 instant such as 2026-11-22T09:30:00Z: {e}"))
}
