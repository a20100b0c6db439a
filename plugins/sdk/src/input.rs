//! Path-aware access to request JSON.
//!
//! Every error names the JSON path of the offending value (`data.lines[2].quantity`)
//! so the caller knows exactly what to fix.

use crate::PlanError;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::str::FromStr;

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
        Ok(array
            .iter()
            .enumerate()
            .map(|(i, v)| Json { value: Some(v), path: format!("{}[{i}]", self.path) })
            .collect())
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
        self.value()
            .map(|v| v.as_bool().ok_or_else(|| PlanError::invalid(&self.path, "must be true or false")))
            .transpose()
    }

    /// The value as a number, `None` if absent or null.
    pub fn opt_f64(&self) -> Result<Option<f64>, PlanError> {
        self.value()
            .map(|v| v.as_f64().ok_or_else(|| PlanError::invalid(&self.path, "must be a number")))
            .transpose()
    }

    /// The value as an exact decimal: a JSON string (`"12.50"`) or an integer.
    /// Floating-point JSON numbers are refused: money must not pass through binary floats.
    pub fn decimal(&self) -> Result<Decimal, PlanError> {
        match self.required()? {
            Value::String(s) => Decimal::from_str(s.trim())
                .map_err(|_| PlanError::invalid(&self.path, format!("`{s}` is not a decimal number"))),
            Value::Number(n) if n.is_i64() || n.is_u64() => Decimal::from_str(&n.to_string())
                .map_err(|_| PlanError::invalid(&self.path, "is out of range")),
            Value::Number(_) => Err(PlanError::invalid(
                &self.path,
                "must be a decimal string such as \"12.50\", not a floating-point number",
            )),
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
