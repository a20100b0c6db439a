//! Path-aware access to request JSON.
//!
//! Every error names the JSON path of the offending value (`data.lines[2].quantity`)
//! so the caller knows exactly what to fix.

use crate::PlanError;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Deserializes `value` into `T`, reporting the failing field's full path
/// below `root` (e.g. `data.lines[0].unit_price`).
pub(crate) fn deserialize_at<T: DeserializeOwned>(root: &str, value: &Value) -> Result<T, PlanError> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let inner = err.path().to_string();
        let path = if inner == "." { root.to_string() } else { join_path(root, &inner) };
        PlanError::invalid(path, err.into_inner().to_string())
    })
}

fn join_path(root: &str, inner: &str) -> String {
    if inner.starts_with('[') { format!("{root}{inner}") } else { format!("{root}.{inner}") }
}

/// A JSON value together with its path in the request, for reading loosely
/// structured input (customer attributes, optional extras) with good errors.
/// Looking up an absent field is not an error until a required accessor reads it.
#[derive(Debug, Clone)]
pub struct Json<'a> {
    value: Option<&'a Value>,
    path: String,
}

impl<'a> Json<'a> {
    /// Wraps `value`, which lives at `path` in the request.
    pub fn new(path: impl Into<String>, value: &'a Value) -> Self {
        Json { value: Some(value), path: path.into() }
    }

    /// The path of this value, e.g. `customer.attributes.health`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The value, if present and not null.
    pub fn value(&self) -> Option<&'a Value> {
        self.value.filter(|v| !v.is_null())
    }

    /// A field of this object (absent if this is not an object or lacks it).
    pub fn get(&self, field: &str) -> Json<'a> {
        Json { value: self.value().and_then(|v| v.get(field)), path: join_path(&self.path, field) }
    }

    fn required(&self) -> Result<&'a Value, PlanError> {
        self.value().ok_or_else(|| PlanError::invalid(&self.path, "is required"))
    }

    /// The value as a string; an error if absent or not a string.
    pub fn str(&self) -> Result<&'a str, PlanError> {
        self.required()?.as_str().ok_or_else(|| PlanError::invalid(&self.path, "must be a string"))
    }

    /// The value as a string, `None` if absent or null.
    pub fn opt_str(&self) -> Result<Option<&'a str>, PlanError> {
        self.value().map(|_| self.str()).transpose()
    }

    /// The elements of this array, each with its indexed path (`data.lines[2]`).
    pub fn items(&self) -> Result<Vec<Json<'a>>, PlanError> {
        let array = self.required()?.as_array().ok_or_else(|| PlanError::invalid(&self.path, "must be an array"))?;
        Ok(array.iter().enumerate().map(|(i, v)| Json { value: Some(v), path: format!("{}[{i}]", self.path) }).collect())
    }

    /// The value as a non-negative whole number, `None` if absent or null.
    pub fn opt_u32(&self) -> Result<Option<u32>, PlanError> {
        self.value()
            .map(|v| {
                v.as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| PlanError::invalid(&self.path, "must be a whole number from 0 to 4294967295"))
            })
            .transpose()
    }

    /// The value as a boolean, `None` if absent or null.
    pub fn opt_bool(&self) -> Result<Option<bool>, PlanError> {
        self.value().map(|v| v.as_bool().ok_or_else(|| PlanError::invalid(&self.path, "must be true or false"))).transpose()
    }

    /// The value as a number, `None` if absent or null.
    pub fn opt_f64(&self) -> Result<Option<f64>, PlanError> {
        self.value().map(|v| v.as_f64().ok_or_else(|| PlanError::invalid(&self.path, "must be a number"))).transpose()
    }

    /// The value as an exact decimal: a JSON string (`"12.50"`, `"-3"`: an
    /// optional minus, digits, optionally a point and more digits; nothing
    /// else) or a JSON integer. Floating-point JSON numbers are refused:
    /// money must not pass through binary floats. So are values with more
    /// than 28 significant digits, which the arithmetic cannot carry
    /// exactly: they are refused, naming the path, never rounded.
    pub fn decimal(&self) -> Result<Decimal, PlanError> {
        match self.required()? {
            Value::String(s) => parse_decimal(&self.path, s),
            Value::Number(n) if n.is_i64() || n.is_u64() => parse_decimal(&self.path, &n.to_string()),
            Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0 && f.abs() >= 9.2e18) => Err(PlanError::invalid(
                &self.path,
                format!(
                    "{n} is a whole number too large for a JSON number to carry exactly; send it as a decimal string such as \"18446744073709551616\""
                ),
            )),
            Value::Number(_) => {
                Err(PlanError::invalid(&self.path, "must be a decimal string such as \"12.50\", not a floating-point number"))
            }
            _ => Err(PlanError::invalid(&self.path, "must be a decimal string such as \"12.50\"")),
        }
    }

    /// Deserializes the value into `T`; an error if absent.
    pub fn to<T: DeserializeOwned>(&self) -> Result<T, PlanError> {
        deserialize_at(&self.path, self.required()?)
    }

    /// Deserializes the value into `T`, `None` if absent or null.
    pub fn opt<T: DeserializeOwned>(&self) -> Result<Option<T>, PlanError> {
        self.value().map(|v| deserialize_at(&self.path, v)).transpose()
    }
}

/// Digits the arithmetic carries exactly.
const MAX_DIGITS: usize = 28;

/// Parses `text` (found at `path`) as an exact decimal: `-?digits(.digits)?`
/// with at most 28 significant digits.
fn parse_decimal(path: &str, text: &str) -> Result<Decimal, PlanError> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return Err(PlanError::invalid(
            path,
            format!(
                "`{text}` is not a decimal number: write digits with an optional minus sign and decimal point, such as \"-1234.50\" (no spaces, separators, signs or exponents)"
            ),
        ));
    }
    // Leading zeros are not significant (of the fraction too, when the
    // whole part is zero).
    let significant = match whole.trim_start_matches('0') {
        "" => fraction.unwrap_or("").trim_start_matches('0').len(),
        whole => whole.len() + fraction.map_or(0, str::len),
    };
    if significant > MAX_DIGITS || fraction.is_some_and(|f| f.len() > MAX_DIGITS) {
        return Err(PlanError::invalid(
            path,
            format!("`{text}` has more than {MAX_DIGITS} significant digits, more than the arithmetic carries exactly; round it"),
        ));
    }
    Decimal::from_str_exact(text).map_err(|e| PlanError::invalid(path, format!("`{text}` cannot be carried exactly ({e}); round it")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Line {
        quantity: u32,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Data {
        lines: Vec<Line>,
    }

    #[test]
    fn deserialize_errors_name_the_full_path() {
        let value = json!({"lines": [{"quantity": 1}, {"quantity": -3}]});
        let err = deserialize_at::<Data>("data", &value).unwrap_err();
        match err {
            PlanError::InvalidInput { path, message } => {
                assert_eq!(path, "data.lines[1].quantity");
                assert!(message.contains("-3"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn missing_root_field_names_it() {
        let err = deserialize_at::<Data>("data", &json!({})).unwrap_err();
        assert_eq!(err, PlanError::invalid("data", "missing field `lines`"));
    }

    #[test]
    fn decimal_accepts_strings_and_integers_but_not_floats() {
        let value = json!({"a": "12.50", "b": 7, "c": 0.1, "d": "x"});
        let j = Json::new("data", &value);
        assert_eq!(j.get("a").decimal().unwrap(), Decimal::new(1250, 2));
        assert_eq!(j.get("b").decimal().unwrap(), Decimal::new(7, 0));
        assert!(matches!(j.get("c").decimal(), Err(PlanError::InvalidInput { path, .. }) if path == "data.c"));
        assert!(matches!(j.get("d").decimal(), Err(PlanError::InvalidInput { path, .. }) if path == "data.d"));
        assert!(matches!(j.get("e").decimal(), Err(PlanError::InvalidInput { path, .. }) if path == "data.e"));
    }

    #[test]
    fn decimals_are_strict_and_exact() {
        let value: Value = serde_json::from_str(
            r#"{
            "underscore": "1_0", "grouped": "1_000.00", "plus": "+1", "exponent": "1e3", "space": " 1", "empty": "",
            "dot": "1.", "lead": ".5", "long": "0.0000000000000000000000000001", "too_long": "0.00000000000000000000000000001",
            "digits": "12345678901234567890123456789", "ok": "-0012.50", "huge": 18446744073709551616, "float": 1.5
        }"#,
        )
        .unwrap();
        let j = Json::new("data", &value);
        for field in ["underscore", "grouped", "plus", "exponent", "space", "empty", "dot", "lead"] {
            match j.get(field).decimal() {
                Err(PlanError::InvalidInput { path, message }) => {
                    assert_eq!(path, format!("data.{field}"));
                    assert!(message.contains("is not a decimal number"), "{field}: {message}");
                }
                other => panic!("{field}: {other:?}"),
            }
        }
        assert_eq!(j.get("long").decimal().unwrap(), Decimal::new(1, 28));
        for field in ["too_long", "digits"] {
            let err = j.get(field).decimal().unwrap_err();
            assert!(err.to_string().contains("more than 28 significant digits"), "{field}: {err}");
        }
        assert_eq!(j.get("ok").decimal().unwrap(), Decimal::new(-1250, 2));
        let err = j.get("huge").decimal().unwrap_err();
        assert!(err.to_string().contains("too large for a JSON number") && !err.to_string().contains("floating-point"), "{err}");
        assert!(j.get("float").decimal().unwrap_err().to_string().contains("not a floating-point number"));
    }

    #[test]
    fn items_carry_indexed_paths() {
        let value = json!({"lines": [{"q": 1}, {"q": "x"}]});
        let lines = Json::new("data", &value).get("lines").items().unwrap();
        assert_eq!(lines[1].get("q").path(), "data.lines[1].q");
        assert!(Json::new("data", &value).get("q").items().is_err());
        assert!(lines[1].get("q").opt_u32().is_err());
        assert_eq!(lines[0].get("q").opt_u32().unwrap(), Some(1));
    }

    #[test]
    fn optional_accessors_treat_null_as_absent() {
        let value = json!({"a": null, "b": "x", "n": 3});
        let j = Json::new("customer.attributes", &value);
        assert_eq!(j.get("a").opt_str().unwrap(), None);
        assert_eq!(j.get("b").opt_str().unwrap(), Some("x"));
        assert_eq!(j.get("n").opt_f64().unwrap(), Some(3.0));
        assert!(j.get("n").opt_str().is_err());
    }
}
