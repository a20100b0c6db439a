//! A plugin's decision about one document.

use crate::PlanError;
use serde::Serialize;
use serde_json::Value;

/// Which block variant fills a slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockChoice {
    pub slot: String,
    pub variant: String,
}

/// An action an interactive document offers the customer.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub name: String,
    pub label: String,
    /// The inputs the action accepts, as a JSON Schema (see [`crate::Inputs`]).
    pub inputs: Value,
}

/// The document plan a plugin returns: template, view model, blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub template: String,
    /// The view model as JSON text: serialized once, straight from the
    /// plugin's own types, because that is how it crosses to the host.
    pub(crate) view_model: String,
    pub blocks: Vec<BlockChoice>,
    pub title: String,
    pub file_name: String,
    pub freshness_seconds: u32,
    pub actions: Vec<Action>,
}

impl Plan {
    /// A plan rendering `template` with `view_model`, which must serialize to a JSON object.
    pub fn new(template: &str, view_model: &impl Serialize) -> Result<Self, PlanError> {
        let view_model =
            serde_json::to_string(view_model).map_err(|e| PlanError::internal(format!("view model does not serialize: {e}")))?;
        if !view_model.starts_with('{') {
            return Err(PlanError::internal("view model must be a JSON object"));
        }
        Ok(Plan {
            template: template.to_string(),
            view_model,
            blocks: Vec::new(),
            title: String::new(),
            file_name: String::new(),
            freshness_seconds: 0,
            actions: Vec::new(),
        })
    }

    /// Fills `slot` with block `variant`.
    pub fn block(mut self, slot: &str, variant: &str) -> Self {
        self.blocks.push(BlockChoice { slot: slot.to_string(), variant: variant.to_string() });
        self
    }

    /// Sets the document title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// Sets the file name (without extension).
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = name.into();
        self
    }

    /// How long, in seconds, this content may be served from a cache.
    pub fn freshness(mut self, seconds: u32) -> Self {
        self.freshness_seconds = seconds;
        self
    }

    /// Offers an action on an interactive document. `inputs` is its JSON
    /// Schema, usually built with [`crate::Inputs`].
    pub fn action(mut self, name: &str, label: impl Into<String>, inputs: impl Into<Value>) -> Self {
        self.actions.push(Action { name: name.to_string(), label: label.into(), inputs: inputs.into() });
        self
    }

    /// Wraps the plan in `Ok`, to end a builder chain.
    pub fn ok(self) -> Result<Self, PlanError> {
        Ok(self)
    }

    /// The view model as JSON text, as it crosses to the host.
    pub fn view_model_json(&self) -> &str {
        &self.view_model
    }

    /// The view model parsed back into a JSON value (for tests and inspection).
    pub fn view_model(&self) -> Value {
        serde_json::from_str(&self.view_model).expect("the view model was serialized from a value")
    }
}
