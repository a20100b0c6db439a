//! The host's view of the contract's data, independent of contract version.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;

/// How a document kind is produced and used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentClass {
    /// Fixed in form, generated in bulk (invoices, statements).
    Structured,
    /// Adjusted and acted on by the customer (renewal proposals, offers).
    Interactive,
    /// Produced the moment someone asks (usage reports).
    OnDemand,
}

/// An output format the host renders plans into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    Html,
    Text,
    Pdf,
    Json,
}

/// A named template slot and the block variants that may fill it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    pub name: String,
    pub variants: Vec<String>,
}

/// One kind of document a plugin plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub name: String,
    pub class: DocumentClass,
    pub template: String,
    #[serde(default)]
    pub slots: Vec<Slot>,
    pub formats: Vec<OutputFormat>,
}

/// What a plugin says about itself (`describe`), and what its bundle's
/// `plugin.toml` must agree with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    pub version: String,
    pub kinds: Vec<Kind>,
}

impl Manifest {
    /// The kind called `name`, if the plugin declares it.
    pub fn kind(&self, name: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.name == name)
    }
}

/// Who a document is for. The API takes the same shape inline (`customer`
/// of a render request) and as a stored profile (`PUT /v1/customers/{id}`).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// The customer's id: 1-200 characters, not blank, no control characters.
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\u0000-\u001f\u007f-\u009f]*[^\s\u0000-\u001f\u007f-\u009f][^\u0000-\u001f\u007f-\u009f]*$",
        example = "cus_us_0042"
    )]
    pub id: String,
    /// The name documents address the customer by.
    #[serde(default)]
    #[schema(max_length = 500, example = "Harbor & Pine Outfitters LLC")]
    pub display_name: String,
    /// BCP 47 language tag documents are written in (default `en`).
    #[serde(default = "default_locale")]
    #[schema(example = "en-US")]
    pub locale: String,
    /// IANA time zone dates and times are shown in (default `UTC`).
    #[serde(default = "default_timezone")]
    #[schema(example = "America/Los_Angeles")]
    pub timezone: String,
    /// The plugin-defined segment (`enterprise`, `smb`).
    #[serde(default)]
    #[schema(max_length = 100, example = "smb")]
    pub segment: String,
    /// Free attributes: a JSON object.
    #[serde(default = "empty_object")]
    #[schema(value_type = Object)]
    pub attributes: Box<RawValue>,
}

impl Customer {
    /// A customer with no attributes.
    pub fn new(id: &str, display_name: &str, locale: &str, timezone: &str, segment: &str) -> Self {
        Customer {
            id: id.to_string(),
            display_name: display_name.to_string(),
            locale: locale.to_string(),
            timezone: timezone.to_string(),
            segment: segment.to_string(),
            attributes: empty_object(),
        }
    }
}

fn default_locale() -> String {
    "en".to_string()
}

fn default_timezone() -> String {
    "UTC".to_string()
}

/// `{}` as raw JSON.
#[expect(clippy::expect_used, reason = "a constant that is valid JSON; nothing here comes from input")]
pub fn empty_object() -> Box<RawValue> {
    RawValue::from_string("{}".to_string()).expect("`{}` is valid JSON")
}

/// Why a document is being rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    Batch,
    OnDemand,
    OpenTime,
    Interaction,
}

/// An action the customer took on an interactive document.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interaction {
    pub action: String,
    #[serde(default = "empty_object")]
    pub inputs: Box<RawValue>,
}

/// A request to plan one document. JSON payloads stay raw text: the host
/// passes them to the plugin without re-serializing them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Request {
    pub kind: String,
    pub customer: Customer,
    pub data: Box<RawValue>,
    pub purpose: Purpose,
    /// The instant the document is rendered for; plugins have no clock.
    pub at: DateTime<Utc>,
    pub interaction: Option<Interaction>,
}

impl Request {
    /// A request for `kind` with `data` (JSON text), rendered for instant `at`.
    /// Fails if `data` is not valid JSON.
    pub fn new(kind: &str, customer: Customer, data: &str, purpose: Purpose, at: DateTime<Utc>) -> serde_json::Result<Self> {
        Ok(Request { kind: kind.to_string(), customer, data: RawValue::from_string(data.to_string())?, purpose, at, interaction: None })
    }

    /// The bytes of caller-supplied content in this request, checked against
    /// the runtime's request-size limit.
    pub fn payload_size(&self) -> usize {
        let c = &self.customer;
        let interaction = self.interaction.as_ref().map_or(0, |i| i.action.len() + i.inputs.get().len());
        self.kind.len()
            + c.id.len()
            + c.display_name.len()
            + c.locale.len()
            + c.timezone.len()
            + c.segment.len()
            + c.attributes.get().len()
            + self.data.get().len()
            + interaction
    }
}

/// Which block variant fills a slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockChoice {
    pub slot: String,
    pub variant: String,
}

/// An action an interactive document offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub name: String,
    pub label: String,
    pub inputs: serde_json::Value,
}

/// A plugin's plan for one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Plan {
    pub template: String,
    /// The view model exactly as the plugin wrote it: JSON text, checked to
    /// be a well-formed JSON object but not parsed into a tree. The renderer
    /// parses it; JSON output and the archive carry it verbatim.
    pub view_model: Box<RawValue>,
    pub blocks: Vec<BlockChoice>,
    pub title: String,
    pub file_name: String,
    pub freshness_seconds: u32,
    pub actions: Vec<Action>,
}

/// Why a plugin declined to plan a document (its own, well-formed answer;
/// crashes and limit violations are the sandbox's `CallError`s).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum PlanError {
    /// The input is wrong at `path`.
    InvalidInput { path: String, message: String },
    /// Data the plan needs is absent.
    MissingData { what: String },
    /// The plugin failed internally.
    Internal { message: String },
}

impl PlanError {
    /// The same error with its text cut to at most `max` bytes (on a
    /// character boundary), marked where it was cut: a plugin's message
    /// ends up in logs and API responses.
    pub fn truncated(self, max: usize) -> PlanError {
        let cut = |text: String| truncate_marked(text, max);
        match self {
            PlanError::InvalidInput { path, message } => PlanError::InvalidInput { path: cut(path), message: cut(message) },
            PlanError::MissingData { what } => PlanError::MissingData { what: cut(what) },
            PlanError::Internal { message } => PlanError::Internal { message: cut(message) },
        }
    }
}

/// `text` cut to at most `max` bytes plus a marker saying how much was cut.
pub fn truncate_marked(mut text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    let total = text.len();
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text.push_str(&format!("… [cut: {total} bytes in all]"));
    text
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::InvalidInput { path, message } => write!(f, "invalid input at `{path}`: {message}"),
            PlanError::MissingData { what } => write!(f, "missing data: {what}"),
            PlanError::Internal { message } => write!(f, "plugin internal error: {message}"),
        }
    }
}

/// Severity of a plugin's log message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}

/// The most document kinds a plugin may declare.
pub const MAX_KINDS: usize = 64;
/// The most slots a kind may declare.
pub const MAX_SLOTS: usize = 32;
/// The most variants a slot may declare.
pub const MAX_VARIANTS: usize = 64;

impl Manifest {
    /// Checks the manifest is well formed: a plugin name of lowercase letters,
    /// digits and dashes, a semantic version, and at most [`MAX_KINDS`]
    /// uniquely named kinds, each with a template, its output formats and
    /// at most [`MAX_SLOTS`] well-formed slots of at most [`MAX_VARIANTS`]
    /// variants. Runs in time linear in the manifest's size. The error
    /// names the offending field.
    pub fn check(&self) -> Result<(), String> {
        use std::collections::HashSet;
        if !is_name(&self.name) {
            return Err(format!(
                "name `{}` must be 1-64 lowercase letters, digits or dashes, starting with a letter",
                truncate_marked(self.name.clone(), 80)
            ));
        }
        if self.version.len() > 64 {
            return Err("version is longer than 64 characters".into());
        }
        semver::Version::parse(&self.version).map_err(|e| format!("version `{}` is not a semantic version: {e}", self.version))?;
        if self.kinds.is_empty() {
            return Err("kinds: a plugin must declare at least one document kind".into());
        }
        if self.kinds.len() > MAX_KINDS {
            return Err(format!("kinds: {} declared; a plugin may declare at most {MAX_KINDS}", self.kinds.len()));
        }
        let mut kinds = HashSet::new();
        for (i, kind) in self.kinds.iter().enumerate() {
            let at = format!("kinds[{i}]");
            if !is_name(&kind.name) {
                return Err(format!("{at}.name `{}` must be lowercase letters, digits or dashes", truncate_marked(kind.name.clone(), 80)));
            }
            if !kinds.insert(kind.name.as_str()) {
                return Err(format!("{at}.name `{}` is declared twice", kind.name));
            }
            if !is_template_name(&kind.template) {
                return Err(format!(
                    "{at}.template `{}` must be 1-64 letters, digits, `-` or `_`",
                    truncate_marked(kind.template.clone(), 80)
                ));
            }
            if kind.formats.is_empty() {
                return Err(format!("{at}.formats must list at least one output format"));
            }
            let mut formats = HashSet::new();
            if let Some(twice) = kind.formats.iter().find(|f| !formats.insert(**f)) {
                return Err(format!("{at}.formats lists {twice:?} twice"));
            }
            if kind.slots.len() > MAX_SLOTS {
                return Err(format!("{at}.slots: {} declared; a kind may declare at most {MAX_SLOTS}", kind.slots.len()));
            }
            let mut slots = HashSet::new();
            for (j, slot) in kind.slots.iter().enumerate() {
                if !is_name(&slot.name) {
                    return Err(format!(
                        "{at}.slots[{j}].name `{}` must be lowercase letters, digits or dashes",
                        truncate_marked(slot.name.clone(), 80)
                    ));
                }
                if !slots.insert(slot.name.as_str()) {
                    return Err(format!("{at}.slots[{j}].name `{}` is declared twice", slot.name));
                }
                if slot.variants.is_empty() || slot.variants.len() > MAX_VARIANTS || slot.variants.iter().any(|v| !is_name(v)) {
                    return Err(format!("{at}.slots[{j}].variants must be a list of 1 to {MAX_VARIANTS} lowercase names"));
                }
                let mut variants = HashSet::new();
                if let Some(twice) = slot.variants.iter().find(|v| !variants.insert(v.as_str())) {
                    return Err(format!("{at}.slots[{j}].variants lists `{twice}` twice"));
                }
            }
        }
        Ok(())
    }
}

/// A template name: 1-64 ASCII letters, digits, `-` and `_`, so it names a
/// file `templates/<name>.hbs` and nothing else.
pub fn is_template_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// How deeply objects and arrays nest in `json` (well-formed JSON text), in
/// one pass without parsing: brackets inside strings do not count.
pub fn json_depth(json: &str) -> usize {
    let (mut depth, mut deepest, mut bytes) = (0usize, 0usize, json.bytes());
    while let Some(byte) = bytes.next() {
        match byte {
            b'"' => {
                // To the closing quote, stepping over escaped characters.
                while let Some(c) = bytes.next() {
                    match c {
                        b'"' => break,
                        b'\\' => {
                            bytes.next();
                        }
                        _ => {}
                    }
                }
            }
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// How deeply `json` nests, when that is deeper than `max`; else `None`.
/// This runs on every plan: nesting is no deeper than the number of `{` and
/// `[` bytes (in strings or not), which `memchr` counts several times
/// faster than [`json_depth`] scans, so only JSON with more than `max` of
/// them is scanned.
pub fn json_depth_beyond(json: &str, max: usize) -> Option<usize> {
    memchr::memchr2_iter(b'{', b'[', json.as_bytes()).nth(max)?;
    Some(json_depth(json)).filter(|&depth| depth > max)
}

/// Lowercase ASCII letters, digits and dashes, starting with a letter, at
/// most 64 long: the rule for plugin, kind, slot and variant names.
pub fn is_name(s: &str) -> bool {
    s.len() <= 64
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl Plan {
    /// The view model parsed into a JSON value. Fails only for a plan that
    /// was not checked ([`Plan::check`] bounds its depth).
    pub fn view_model_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_str(self.view_model.get())
    }

    /// Checks the plan against the kind it was made for: a template, a JSON
    /// object as view model nested at most `max_depth` deep, and blocks that
    /// fill declared slots with declared variants, each slot at most once.
    /// Returns the offending field and why.
    pub fn check(&self, kind: &Kind, max_depth: usize) -> Result<(), (String, String)> {
        if self.template.trim().is_empty() {
            return Err(("template".into(), "is empty".into()));
        }
        if !self.view_model.get().trim_start().starts_with('{') {
            return Err(("view-model".into(), "must be a JSON object".into()));
        }
        if let Some(depth) = json_depth_beyond(self.view_model.get(), max_depth) {
            return Err((
                "view-model".into(),
                format!("nests objects and arrays {depth} deep; at most {max_depth} levels are allowed (limits.max_view_model_depth)"),
            ));
        }
        for (i, block) in self.blocks.iter().enumerate() {
            let field = format!("blocks[{i}]");
            let Some(slot) = kind.slots.iter().find(|s| s.name == block.slot) else {
                return Err((field, format!("fills slot `{}`, which kind `{}` does not declare", block.slot, kind.name)));
            };
            if !slot.variants.contains(&block.variant) {
                return Err((
                    field,
                    format!("uses variant `{}` for slot `{}`; declared variants: {}", block.variant, slot.name, slot.variants.join(", ")),
                ));
            }
            if self.blocks[..i].iter().any(|b| b.slot == block.slot) {
                return Err((field, format!("fills slot `{}` a second time", block.slot)));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// The depth by parsing, to check the scanner against.
    fn parsed_depth(value: &Value) -> usize {
        match value {
            Value::Array(items) => 1 + items.iter().map(parsed_depth).max().unwrap_or(0),
            Value::Object(fields) => 1 + fields.values().map(parsed_depth).max().unwrap_or(0),
            _ => 0,
        }
    }

    #[test]
    fn json_depth_counts_brackets_outside_strings_only() {
        let texts = [
            r#"{}"#,
            r#"[]"#,
            r#""[[[""#,
            r#"{"a": "]]]{{{", "b": [1, [2, [3]]]}"#,
            r#"{"q": "say \"[hi]\"", "n": [[{"x": "\\"}]], "m": "\\\\\"[", "end": {}}"#,
            r#"["\u005b\u005b", "漢字[", {"k\"[": [{"deep": [[]]}]}]"#,
            r#"{"a":{"b":{"c":{"d":{"e":[1,2,{"f":"}"}]}}}}}"#,
            r#"  [ "\\" , [ "\\\\" ] ]  "#,
            r#"12"#,
        ];
        for text in texts {
            let value: Value = serde_json::from_str(text).unwrap();
            assert_eq!(json_depth(text), parsed_depth(&value), "{text}");
        }
        // Text that is not JSON (an unterminated string) ends the scan; it
        // never reads past the end.
        assert_eq!(json_depth(r#"[["\"#), 2);
        assert_eq!(json_depth(r#"["abc"#), 1);
    }

    #[test]
    fn json_depth_beyond_answers_only_past_the_limit() {
        let deep = format!("{}{}", "[".repeat(70), "]".repeat(70));
        assert_eq!(json_depth_beyond(&deep, 64), Some(70));
        assert_eq!(json_depth_beyond(&deep, 70), None);
        // Many brackets, little nesting: counted, then scanned, and fine.
        let wide = format!("[{}]", vec!["[]"; 100].join(","));
        assert_eq!(json_depth_beyond(&wide, 64), None);
        // Brackets in strings count towards the quick bound but not the depth.
        let quoted = format!(r#"["{}"]"#, "[".repeat(100));
        assert_eq!(json_depth_beyond(&quoted, 64), None);
    }
}
