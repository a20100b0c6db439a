//! One bundle's templates, compiled once: the host's frame, the plugin's
//! document templates (`templates/<name>.hbs`), block variants
//! (`templates/blocks/<slot>/<variant>.hbs`) and their optional SVG forms
//! (`templates/blocks/<slot>/<variant>.svg.hbs`), with helpers and strings.
//!
//! Handlebars runs in strict mode: a missing variable is an error naming the
//! template, line and variable, never an empty string. Output is
//! HTML-escaped unless a template asks for raw output with `{{{ }}}`.

use super::builtins;
use super::helpers::{self, Shared};
use super::strings::Strings;
use crate::bundle::Bundle;
use handlebars::Handlebars;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Name of the HTML frame template.
pub const LAYOUT_HTML: &str = "folio/layout.html";
/// Name of the text frame template.
pub const LAYOUT_TEXT: &str = "folio/layout.text";
/// Name of the print frame template (PDF).
pub const LAYOUT_PRINT: &str = "folio/layout.print";

/// A bundle's compiled templates.
pub struct TemplateSet {
    /// Document templates, blocks and both frames. Everything renders to
    /// HTML (escaped); the text output is laid out from that HTML.
    pub(super) registry: Handlebars<'static>,
    /// The bundle's strings (also what the `t` helper reads).
    pub(super) strings: Arc<Strings>,
    names: BTreeSet<String>,
}

impl TemplateSet {
    /// Compiles the bundle's templates. Errors name the file and line of a
    /// syntax error, or the template or block a declared kind lacks.
    pub fn compile(bundle: &Bundle, formats: Arc<super::format::FormatCache>) -> Result<Self, String> {
        let strings = Arc::new(Strings::load(bundle)?);
        let shared = Arc::new(Shared { formats, strings: strings.clone() });
        let mut registry = strict_registry(&shared);
        registry
            .register_template_string(LAYOUT_HTML, builtins::LAYOUT_HTML)
            .map_err(|e| format!("built-in templates/layout.html.hbs: {e}"))?;
        registry
            .register_template_string(LAYOUT_TEXT, builtins::LAYOUT_TEXT)
            .map_err(|e| format!("built-in templates/layout.text.hbs: {e}"))?;
        registry
            .register_template_string(LAYOUT_PRINT, builtins::LAYOUT_PRINT)
            .map_err(|e| format!("built-in templates/layout.print.hbs: {e}"))?;

        let mut names = BTreeSet::new();
        for (path, bytes) in bundle.files() {
            let Some(name) = path.strip_prefix("templates/").and_then(|p| p.strip_suffix(".hbs")) else { continue };
            let source = std::str::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8"))?;
            registry.register_template_string(name, source).map_err(|e| format!("{path}: {e}"))?;
            names.insert(name.to_string());
        }

        // Every kind's template and every declared block variant must exist.
        let mut missing = Vec::new();
        for kind in &bundle.manifest().plugin.kinds {
            if !names.contains(&kind.template) {
                missing.push(format!("templates/{}.hbs (template of kind `{}`)", kind.template, kind.name));
            }
            for slot in &kind.slots {
                for variant in &slot.variants {
                    let name = block_template(&slot.name, variant);
                    if !names.contains(&name) {
                        missing.push(format!("templates/{name}.hbs (slot `{}` of kind `{}`)", slot.name, kind.name));
                    }
                }
            }
        }
        if !missing.is_empty() {
            return Err(format!("the bundle lacks templates its manifest declares: {}", missing.join(", ")));
        }
        Ok(TemplateSet { registry, strings, names })
    }

    /// True when the bundle has a template called `name`.
    pub fn has(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    /// The SVG template of the first block `plan` chose that has one: the
    /// block an image (PNG) shows.
    pub fn image_block(&self, plan: &crate::contract::types::Plan) -> Option<String> {
        plan.blocks.iter().map(|b| image_template(&b.slot, &b.variant)).find(|name| self.has(name))
    }

    /// True when some block variant `kind` declares has an SVG template, so
    /// its documents may be served as images.
    pub fn has_images(&self, kind: &crate::contract::types::Kind) -> bool {
        kind.slots.iter().any(|slot| slot.variants.iter().any(|v| self.has(&image_template(&slot.name, v))))
    }
}

/// The template name of a block variant's SVG (image) form.
pub fn image_template(slot: &str, variant: &str) -> String {
    format!("blocks/{slot}/{variant}.svg")
}

/// The template name of a block variant.
pub fn block_template(slot: &str, variant: &str) -> String {
    format!("blocks/{slot}/{variant}")
}

fn strict_registry(shared: &Arc<Shared>) -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.set_prevent_indent(true);
    helpers::register(&mut registry, shared);
    registry
}
