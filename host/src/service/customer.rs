//! Customers as the API takes them: one shape and one set of rules, whether
//! the customer arrives inline in a render request (`customer`) or as the
//! body of `PUT /v1/customers/{id}`.

use super::problem::{ApiResult, Problem};
use crate::contract::types::Customer;
use serde::Deserialize;

/// Longest customer id accepted, in characters.
pub const MAX_ID: usize = 200;

/// The body of `PUT /v1/customers/{id}`: the inline customer's shape, with
/// `id` optional (the path names it).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerInput {
    /// The customer's id; optional here, and when given it must equal the
    /// id in the path.
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*$",
        example = "cus_my_0042"
    )]
    pub id: Option<String>,
    /// The name documents address the customer by.
    #[serde(default)]
    #[schema(max_length = 500, example = "Kedai Runcit Ali Sdn Bhd")]
    pub display_name: String,
    /// BCP 47 language tag (default `en`): `en-US`, `de-DE`, `ms-MY`, `zh-TW`.
    #[schema(example = "ms-MY")]
    pub locale: Option<String>,
    /// IANA time zone (default `UTC`).
    #[schema(example = "Asia/Kuala_Lumpur")]
    pub timezone: Option<String>,
    /// The plugin-defined segment (`enterprise`, `smb`), default empty.
    #[serde(default)]
    #[schema(max_length = 100, example = "smb")]
    pub segment: String,
    /// Free attributes: a JSON object. `facts` is reserved: renders fill it
    /// from the customer's events.
    #[schema(value_type = Option<Object>)]
    pub attributes: Option<serde_json::Value>,
}

/// Fails with 422 at `path` unless `id` is a customer id: 1-200
/// characters, not blank, no control characters (the OpenAPI document's
/// pattern says the same).
pub fn check_id(id: &str, path: &str) -> ApiResult<()> {
    if id.trim().is_empty() || id.chars().count() > MAX_ID || id.chars().any(char::is_control) {
        return Err(Problem::invalid(path, format!("a customer id is 1-{MAX_ID} characters, not blank, without control characters")));
    }
    Ok(())
}

/// Fails with 422 at `path` unless `locale` is a BCP 47 tag Folio can format for.
pub fn check_locale(locale: &str, path: &str) -> ApiResult<()> {
    crate::render::check_locale(locale).map_err(|e| Problem::invalid(path, e))
}

/// Fails with 422 at `path` unless `timezone` is an IANA time zone.
pub fn check_timezone(timezone: &str, path: &str) -> ApiResult<()> {
    timezone
        .parse::<chrono_tz::Tz>()
        .map(drop)
        .map_err(|_| Problem::invalid(path, format!("`{timezone}` is not an IANA time zone such as Asia/Kuala_Lumpur")))
}

/// Checks an inline customer (at `customer` in the request) by the same
/// rules as a stored profile.
pub fn check_inline(customer: &Customer) -> ApiResult<()> {
    check_id(&customer.id, "customer.id")?;
    check_fields(&customer.display_name, &customer.segment, "customer.")?;
    check_locale(&customer.locale, "customer.locale")?;
    check_timezone(&customer.timezone, "customer.timezone")?;
    if !customer.attributes.get().trim_start().starts_with('{') {
        return Err(Problem::invalid("customer.attributes", "attributes must be a JSON object"));
    }
    Ok(())
}

/// The lengths of the free-text fields, under `prefix` (`customer.` or empty).
pub fn check_fields(display_name: &str, segment: &str, prefix: &str) -> ApiResult<()> {
    if display_name.chars().count() > 500 {
        return Err(Problem::invalid(&format!("{prefix}display_name"), "display_name is at most 500 characters"));
    }
    if segment.chars().count() > 100 {
        return Err(Problem::invalid(&format!("{prefix}segment"), "segment is at most 100 characters"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_ids_follow_one_rule() {
        for good in ["c1", "cus_kedai runcit", "../x", &"x".repeat(MAX_ID)] {
            assert!(check_id(good, "id").is_ok(), "{good}");
        }
        for bad in ["", "  ", "a\u{0}b", "a\nb", &"x".repeat(MAX_ID + 1)] {
            let problem = check_id(bad, "customer.id").unwrap_err();
            assert_eq!(problem.path.as_deref(), Some("customer.id"), "{bad:?}");
        }
    }

    #[test]
    fn inline_customers_are_checked_like_profiles() {
        let mut customer = Customer::new("../../x\u{0}y", "Ali", "en", "UTC", "");
        assert_eq!(check_inline(&customer).unwrap_err().path.as_deref(), Some("customer.id"));
        customer.id = "ali".into();
        assert!(check_inline(&customer).is_ok());
        customer.timezone = "Mars/Base".into();
        assert_eq!(check_inline(&customer).unwrap_err().path.as_deref(), Some("customer.timezone"));
        customer.timezone = "UTC".into();
        customer.locale = "not a locale!".into();
        assert_eq!(check_inline(&customer).unwrap_err().path.as_deref(), Some("customer.locale"));
        customer.locale = "en".into();
        customer.attributes = serde_json::value::RawValue::from_string("[1]".into()).unwrap();
        assert_eq!(check_inline(&customer).unwrap_err().path.as_deref(), Some("customer.attributes"));
    }
}
