//! Action inputs as JSON Schema, without writing the schema by hand.
//!
//! The host validates what a customer sends against an action's schema
//! (with a JSON Schema validator, draft 2020-12) before the plugin sees it,
//! so a plugin can rely on the types and bounds it declares here.
//!
//! ```
//! use folio_plugin::Inputs;
//!
//! let seats = Inputs::new().integer("seats", 1, 500).title("seats", "Seats");
//! let schema = serde_json::Value::from(seats);
//! assert_eq!(schema["properties"]["seats"]["maximum"], 500);
//! assert_eq!(schema["required"][0], "seats");
//! ```

use serde_json::{Map, Value, json};

/// The inputs one action accepts: a JSON object whose fields are declared
/// here, each required unless made [`Inputs::optional`]. Fields not
/// declared are refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inputs {
    properties: Map<String, Value>,
    required: Vec<String>,
}

impl Inputs {
    /// An action without inputs (`accept`, say).
    pub fn new() -> Self {
        Self::default()
    }

    fn field(mut self, name: &str, schema: Value) -> Self {
        self.properties.insert(name.to_string(), schema);
        if !self.required.iter().any(|r| r == name) {
            self.required.push(name.to_string());
        }
        self
    }

    /// A whole number from `min` to `max`, inclusive.
    pub fn integer(self, name: &str, min: i64, max: i64) -> Self {
        self.field(name, json!({"type": "integer", "minimum": min, "maximum": max}))
    }

    /// A number from `min` to `max`, inclusive.
    pub fn number(self, name: &str, min: f64, max: f64) -> Self {
        self.field(name, json!({"type": "number", "minimum": min, "maximum": max}))
    }

    /// One of `choices` (their ids, as the form or script sends them).
    pub fn one_of(self, name: &str, choices: &[&str]) -> Self {
        self.field(name, json!({"type": "string", "enum": choices}))
    }

    /// Text of at most `max_length` characters.
    pub fn text(self, name: &str, max_length: u32) -> Self {
        self.field(name, json!({"type": "string", "maxLength": max_length}))
    }

    /// Yes or no.
    pub fn boolean(self, name: &str) -> Self {
        self.field(name, json!({"type": "boolean"}))
    }

    /// Makes `name` optional.
    pub fn optional(mut self, name: &str) -> Self {
        self.required.retain(|r| r != name);
        self
    }

    /// What a person sees as the field's name (JSON Schema `title`),
    /// used in error messages.
    pub fn title(mut self, name: &str, title: &str) -> Self {
        if let Some(Value::Object(field)) = self.properties.get_mut(name) {
            field.insert("title".to_string(), Value::String(title.to_string()));
        }
        self
    }
}

impl From<Inputs> for Value {
    fn from(inputs: Inputs) -> Value {
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": inputs.properties,
            "required": inputs.required,
            "additionalProperties": false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_closed_object_schema() {
        let schema = Value::from(Inputs::new().one_of("option", &["1-year", "2-year"]).integer("seats", 1, 9).optional("seats"));
        assert_eq!(schema["type"], "object");
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(schema["properties"]["option"]["enum"], json!(["1-year", "2-year"]));
        assert_eq!(schema["required"], json!(["option"]));
        assert_eq!(Value::from(Inputs::new())["properties"], json!({}));
    }
}
