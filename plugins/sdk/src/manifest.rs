//! What a plugin says about itself.

use serde::{Deserialize, Serialize};

/// How a document kind is produced and used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentClass {
    /// Fixed in form, generated in bulk (invoices, statements).
    Structured,
    /// Adjusted and acted on by the customer (renewal proposals, offers).
    Interactive,
    /// Produced the moment someone asks (usage reports).
    OnDemand,
}

/// An output format the host can render a plan into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    Html,
    Text,
    Pdf,
    Json,
}

impl OutputFormat {
    /// Every format, in the order the host documents them.
    pub const ALL: [OutputFormat; 4] = [OutputFormat::Html, OutputFormat::Text, OutputFormat::Pdf, OutputFormat::Json];
}

/// A named place in a template that one of several content blocks fills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub name: String,
    pub variants: Vec<String>,
}

/// One kind of document a plugin plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kind {
    pub name: String,
    pub class: DocumentClass,
    pub template: String,
    pub slots: Vec<Slot>,
    pub formats: Vec<OutputFormat>,
}

impl Kind {
    /// A kind rendered from `template`, offered in every output format.
    pub fn new(name: &str, class: DocumentClass, template: &str) -> Self {
        Kind { name: name.to_string(), class, template: template.to_string(), slots: Vec::new(), formats: OutputFormat::ALL.to_vec() }
    }

    /// Adds a content-block slot and the variants that may fill it.
    pub fn slot(mut self, name: &str, variants: &[&str]) -> Self {
        self.slots.push(Slot { name: name.to_string(), variants: variants.iter().map(|v| v.to_string()).collect() });
        self
    }

    /// Restricts the kind to these output formats.
    pub fn formats(mut self, formats: &[OutputFormat]) -> Self {
        self.formats = formats.to_vec();
        self
    }
}

/// A plugin's description of itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub name: String,
    pub version: String,
    pub kinds: Vec<Kind>,
}

impl Manifest {
    /// A manifest with no kinds yet; pass `env!("CARGO_PKG_VERSION")` as the version.
    pub fn new(name: &str, version: &str) -> Self {
        Manifest { name: name.to_string(), version: version.to_string(), kinds: Vec::new() }
    }

    /// Adds a document kind.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kinds.push(kind);
        self
    }

    /// The kind called `name`, if declared.
    pub fn find_kind(&self, name: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.name == name)
    }
}
