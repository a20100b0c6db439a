//! What a customer sends with an action, checked against the action's JSON
//! Schema by a JSON Schema validator (the `jsonschema` crate, draft 2020-12,
//! no remote references) before the plugin sees it.
//!
//! Forms send text; [`InputSchema::from_form`] reads each field as the type
//! the schema declares for it (`integer`, `number`, `boolean`), so the same
//! schema checks a form post and a script's JSON alike.

use super::Selections;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use lru::LruCache;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::fmt;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

/// An action's inputs schema, compiled.
pub struct InputSchema {
    schema: Value,
    validator: jsonschema::Validator,
}

/// The plan's schema for an action cannot be used: the plugin's fault.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the plan's `inputs` schema of action `{action}` is not a usable JSON Schema: {message}")]
pub struct SchemaError {
    pub action: String,
    pub message: String,
}

/// One field the customer got wrong.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FieldError {
    /// The field's name (a dotted path below the inputs object; empty for
    /// the object as a whole).
    pub field: String,
    #[serde(flatten)]
    pub problem: FieldProblem,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum FieldProblem {
    Required,
    NotAllowed,
    WrongType { expected: String },
    Below { limit: String },
    Above { limit: String },
    NotOneOf { choices: Vec<String> },
    TooLong { limit: u64 },
    Invalid { message: String },
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = if self.field.is_empty() { "inputs".to_string() } else { format!("inputs.{}", self.field) };
        match &self.problem {
            FieldProblem::Required => write!(f, "{field} is required"),
            FieldProblem::NotAllowed => write!(f, "{field} is not an input of this action; remove it"),
            FieldProblem::WrongType { expected } => write!(f, "{field} must be {expected}"),
            FieldProblem::Below { limit } => write!(f, "{field} must be at least {limit}"),
            FieldProblem::Above { limit } => write!(f, "{field} must be at most {limit}"),
            FieldProblem::NotOneOf { choices } => write!(f, "{field} must be one of {}", choices.join(", ")),
            FieldProblem::TooLong { limit } => write!(f, "{field} must be at most {limit} characters"),
            FieldProblem::Invalid { message } => write!(f, "{field}: {message}"),
        }
    }
}

impl InputSchema {
    /// Compiles `schema`, the inputs schema of `action`.
    pub fn new(action: &str, schema: &Value) -> Result<Self, SchemaError> {
        let fail = |message: String| SchemaError { action: action.to_string(), message };
        if !schema.is_object() {
            return Err(fail("it must be a JSON object".into()));
        }
        let validator = jsonschema::validator_for(schema).map_err(|e| fail(e.to_string()))?;
        Ok(InputSchema { schema: schema.clone(), validator })
    }

    /// `inputs` (a script's JSON) checked: the selections it makes, or every field that is wrong.
    pub fn check(&self, inputs: &Value) -> Result<Selections, Vec<FieldError>> {
        let Value::Object(object) = inputs else {
            return Err(vec![FieldError { field: String::new(), problem: FieldProblem::WrongType { expected: "a JSON object".into() } }]);
        };
        let errors: Vec<FieldError> =
            self.validator.iter_errors(inputs).flat_map(|e| field_errors(e.instance_path().as_str(), e.kind())).collect();
        match errors.is_empty() {
            true => Ok(object.clone()),
            false => Err(errors),
        }
    }

    /// A form's fields (`name`, text) read as the types the schema declares,
    /// then checked like [`InputSchema::check`]. A name given twice keeps the last.
    pub fn from_form(&self, fields: &[(String, String)]) -> Result<Selections, Vec<FieldError>> {
        let mut inputs = Map::new();
        let mut errors = Vec::new();
        for (name, text) in fields {
            match self.read(name, text) {
                Ok(value) => {
                    inputs.insert(name.clone(), value);
                }
                Err(expected) => errors.push(FieldError { field: name.clone(), problem: FieldProblem::WrongType { expected } }),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.check(&Value::Object(inputs))
    }

    /// A form field's text as the type the schema declares for `name`.
    fn read(&self, name: &str, text: &str) -> Result<Value, String> {
        let declared = &self.schema["properties"][name]["type"];
        let text = text.trim();
        match declared.as_str() {
            Some("integer") => text.parse::<i64>().map(Value::from).map_err(|_| "a whole number".to_string()),
            Some("number") => {
                text.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map(Value::Number).ok_or_else(|| "a number".to_string())
            }
            Some("boolean") => match text {
                "true" | "on" | "yes" | "1" => Ok(Value::Bool(true)),
                "false" | "off" | "no" | "0" | "" => Ok(Value::Bool(false)),
                _ => Err("yes or no".to_string()),
            },
            _ => Ok(Value::String(text.to_string())),
        }
    }
}

/// Inputs schemas compiled once and kept, by the SHA-256 of their JSON:
/// a plan is made afresh for every action, but its schemas rarely change,
/// and compiling one costs a hundred times checking a form against it
/// (the renewal proposal's: about 10 µs against 0.1 µs, and 1.5 µs for the
/// key; more for `pattern`s, which are regular expressions). Bounded: the
/// least recently used go first, and a schema longer than
/// [`KEPT_SCHEMA_BYTES`] is compiled for its post and dropped, so what a
/// plugin's plans leave behind stays small whatever they declare (a plan
/// may carry up to a MiB). A schema that does not compile is not kept.
pub struct SchemaCache {
    by_digest: Mutex<LruCache<[u8; 32], Arc<InputSchema>>>,
}

/// Schemas a [`SchemaCache`] keeps.
const KEPT_SCHEMAS: NonZeroUsize = NonZeroUsize::new(256).unwrap();

/// The longest schema (its JSON text) a [`SchemaCache`] keeps: an action's
/// is usually a few hundred bytes (the renewal proposal's, about 300).
const KEPT_SCHEMA_BYTES: usize = 4 * 1024;

impl Default for SchemaCache {
    fn default() -> Self {
        SchemaCache { by_digest: Mutex::new(LruCache::new(KEPT_SCHEMAS)) }
    }
}

impl SchemaCache {
    /// `schema`, the inputs schema of `action`, compiled (or as compiled before).
    pub fn get(&self, action: &str, schema: &Value) -> Result<Arc<InputSchema>, SchemaError> {
        let text = schema.to_string();
        if text.len() > KEPT_SCHEMA_BYTES {
            return InputSchema::new(action, schema).map(Arc::new);
        }
        let digest: [u8; 32] = Sha256::digest(text.as_bytes()).into();
        if let Some(kept) = self.lock().get(&digest) {
            return Ok(kept.clone());
        }
        let compiled = Arc::new(InputSchema::new(action, schema)?);
        self.lock().put(digest, compiled.clone());
        Ok(compiled)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LruCache<[u8; 32], Arc<InputSchema>>> {
        // A panic while holding the lock leaves the map itself sound.
        self.by_digest.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The field a JSON pointer below the inputs names, as a dotted path.
fn field_of(pointer: &str) -> String {
    pointer.trim_start_matches('/').split('/').map(|p| p.replace("~1", "/").replace("~0", "~")).collect::<Vec<_>>().join(".")
}

fn joined(base: &str, name: &str) -> String {
    if base.is_empty() { name.to_string() } else { format!("{base}.{name}") }
}

fn text_of(value: &Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_string)
}

fn field_errors(pointer: &str, kind: &ValidationErrorKind) -> Vec<FieldError> {
    let field = field_of(pointer);
    let one = |problem| vec![FieldError { field: field.clone(), problem }];
    match kind {
        ValidationErrorKind::Required { property } => {
            vec![FieldError { field: joined(&field, &text_of(property)), problem: FieldProblem::Required }]
        }
        ValidationErrorKind::AdditionalProperties { unexpected } | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            unexpected.iter().map(|name| FieldError { field: joined(&field, name), problem: FieldProblem::NotAllowed }).collect()
        }
        ValidationErrorKind::Type { kind } => one(FieldProblem::WrongType { expected: expected_type(kind) }),
        ValidationErrorKind::Minimum { limit } | ValidationErrorKind::ExclusiveMinimum { limit } => {
            one(FieldProblem::Below { limit: text_of(limit) })
        }
        ValidationErrorKind::Maximum { limit } | ValidationErrorKind::ExclusiveMaximum { limit } => {
            one(FieldProblem::Above { limit: text_of(limit) })
        }
        ValidationErrorKind::Enum { options } => {
            one(FieldProblem::NotOneOf { choices: options.as_array().map(|o| o.iter().map(text_of).collect()).unwrap_or_default() })
        }
        ValidationErrorKind::Constant { expected_value } => one(FieldProblem::NotOneOf { choices: vec![text_of(expected_value)] }),
        ValidationErrorKind::MaxLength { limit } => one(FieldProblem::TooLong { limit: *limit }),
        other => one(FieldProblem::Invalid { message: format!("{other:?}").chars().take(200).collect() }),
    }
}

fn expected_type(kind: &TypeKind) -> String {
    let name = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "integer" => "a whole number".to_string(),
        "number" => "a number".to_string(),
        "string" => "text".to_string(),
        "boolean" => "yes or no".to_string(),
        "object" => "a JSON object".to_string(),
        "array" => "a list".to_string(),
        other => other.to_string(),
    };
    match kind {
        TypeKind::Single(t) => name(t),
        TypeKind::Multiple(set) => set.iter().map(|t| name(&t)).collect::<Vec<_>>().join(" or "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn seats() -> InputSchema {
        let schema = json!({"type": "object", "properties": {"seats": {"type": "integer", "minimum": 1, "maximum": 600},
            "option": {"type": "string", "enum": ["1-year", "2-year"]}}, "required": ["seats"], "additionalProperties": false});
        InputSchema::new("change-seats", &schema).unwrap()
    }

    #[test]
    fn forms_are_read_as_the_declared_types() {
        assert_eq!(Value::Object(seats().from_form(&[("seats".into(), " 150 ".into())]).unwrap()), json!({"seats": 150}));
        let errors = seats().from_form(&[("seats".into(), "lots".into())]).unwrap_err();
        assert_eq!(errors[0].to_string(), "inputs.seats must be a whole number");
    }

    #[test]
    fn each_wrong_field_is_named() {
        let message = |inputs: Value| seats().check(&inputs).unwrap_err().iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(message(json!({"seats": 601})), ["inputs.seats must be at most 600"]);
        assert_eq!(message(json!({"seats": 0})), ["inputs.seats must be at least 1"]);
        assert_eq!(message(json!({})), ["inputs.seats is required"]);
        assert_eq!(message(json!({"seats": 2, "price": 0})), ["inputs.price is not an input of this action; remove it"]);
        assert_eq!(message(json!({"seats": 2, "option": "5-year"})), ["inputs.option must be one of 1-year, 2-year"]);
        assert_eq!(message(json!({"seats": "2"})), ["inputs.seats must be a whole number"]);
        assert_eq!(message(json!([1])), ["inputs must be a JSON object"]);
    }

    #[test]
    fn a_schema_is_compiled_once_and_a_broken_one_not_kept() {
        let cache = SchemaCache::default();
        let schema = json!({"type": "object", "properties": {"seats": {"type": "integer", "minimum": 1}}});
        let first = cache.get("change-seats", &schema).unwrap();
        let again = cache.get("change-seats", &schema.clone()).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "the same schema is compiled once");
        let other =
            cache.get("change-seats", &json!({"type": "object", "properties": {"seats": {"type": "integer", "minimum": 2}}})).unwrap();
        assert!(!Arc::ptr_eq(&first, &other), "another schema is compiled on its own");
        assert_eq!(other.check(&json!({"seats": 1})).unwrap_err()[0].to_string(), "inputs.seats must be at least 2");
        let err = cache.get("x", &json!({"type": "no-such-type"})).err().unwrap();
        assert!(err.to_string().contains("action `x`"), "{err}");
        assert_eq!(cache.len(), 2, "a schema that does not compile is not kept");
        let long = format!("{:x>width$}", "", width = KEPT_SCHEMA_BYTES);
        let large = json!({"type": "object", "description": long, "properties": {"seats": {"type": "integer"}}});
        let once = cache.get("change-seats", &large).unwrap();
        assert!(!Arc::ptr_eq(&once, &cache.get("change-seats", &large).unwrap()), "a large schema is compiled for each post");
        assert_eq!(once.check(&json!({"seats": "many"})).unwrap_err()[0].to_string(), "inputs.seats must be a whole number");
        assert_eq!(cache.len(), 2, "and not kept");
    }

    #[test]
    fn a_broken_schema_is_the_plugins_fault() {
        let err = InputSchema::new("x", &json!({"type": "no-such-type"})).err().unwrap();
        assert!(err.to_string().contains("action `x`"), "{err}");
        assert!(InputSchema::new("x", &json!({"$ref": "https://example.com/s.json"})).is_err());
    }
}
