//! One bundle's templates, compiled once: the host's frame, the plugin's
//! document templates (`templates/<name>.hbs`), block variants
//! (`templates/blocks/<slot>/<variant>.hbs`) and their optional SVG forms
//! (`templates/blocks/<slot>/<variant>.svg.hbs`), with helpers and strings.
//!
//! Handlebars runs in strict mode: a missing variable is an error naming the
//! template, line and variable, never an empty string. Output is
//! HTML-escaped unless a template asks for raw output with `{{{ }}}`.
//! Every template is compiled with the guards of `limits.rs`.

use super::builtins;
use super::helpers::{self, Shared};
use super::limits::{self, Limit, RenderLimits};
use super::strings::Strings;
use crate::bundle::Bundle;
use handlebars::Handlebars;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Why a bundle's templates do not compile.
#[derive(Debug)]
pub enum CompileError {
    /// A syntax error, a bad strings file, a template the manifest names
    /// but the bundle lacks; the message names the file.
    Invalid(String),
    /// The templates break one of the render limits.
    Limit(Limit),
}

impl From<String> for CompileError {
    fn from(message: String) -> Self {
        CompileError::Invalid(message)
    }
}

/// Nesting of `{{#blocks}}` and `(subexpressions)` in a template's source
/// past which it is not even parsed (the parser recurses on both).
const MAX_SOURCE_NESTING: usize = 256;

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
    /// syntax error, or the template or block a declared kind lacks, or the
    /// limit the templates break.
    pub fn compile(bundle: &Bundle, formats: Arc<super::l10n::FormatCache>, limits: &RenderLimits) -> Result<Self, CompileError> {
        let strings = Arc::new(Strings::load(bundle)?);
        let shared = Arc::new(Shared { formats, strings: strings.clone() });
        let mut registry = strict_registry(&shared);
        let mut includes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (name, source, path) in [
            (LAYOUT_HTML, builtins::LAYOUT_HTML, "built-in templates/layout.html.hbs"),
            (LAYOUT_TEXT, builtins::LAYOUT_TEXT, "built-in templates/layout.text.hbs"),
            (LAYOUT_PRINT, builtins::LAYOUT_PRINT, "built-in templates/layout.print.hbs"),
        ] {
            register(&mut registry, name, source, path, limits, &mut includes)?;
        }

        let mut names = BTreeSet::new();
        for (path, bytes) in bundle.files() {
            let Some(name) = path.strip_prefix("templates/").and_then(|p| p.strip_suffix(".hbs")) else { continue };
            let source = std::str::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8"))?;
            register(&mut registry, name, source, path, limits, &mut includes)?;
            names.insert(name.to_string());
        }
        if let Some(cycle) = limits::find_cycle(&includes) {
            return Err(CompileError::Limit(Limit::PartialCycle { cycle }));
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
            return Err(format!("the bundle lacks templates its manifest declares: {}", missing.join(", ")).into());
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

/// Compiles `source` as template `name` (from `path`, for messages) with
/// its guards, and records the partials it includes by name.
fn register(
    registry: &mut Handlebars<'static>,
    name: &str,
    source: &str,
    path: &str,
    limits: &RenderLimits,
    includes: &mut BTreeMap<String, BTreeSet<String>>,
) -> Result<(), CompileError> {
    let nesting = source_nesting(source);
    if nesting > MAX_SOURCE_NESTING {
        return Err(CompileError::Limit(Limit::BlockDepth { template: name.to_string(), depth: nesting, max: limits.max_block_depth }));
    }
    registry.register_template_string(name, source).map_err(|e| format!("{path}: {e}"))?;
    let Some(mut template) = registry.get_template(name).cloned() else {
        return Err(CompileError::Invalid(format!("{path}: did not compile")));
    };
    let named = limits::guard(name, &mut template, limits.max_block_depth).map_err(CompileError::Limit)?;
    registry.register_template(name, template);
    includes.insert(name.to_string(), named.named);
    Ok(())
}

/// How deeply `{{#blocks}}` and parentheses nest in a template's source,
/// counted without parsing it.
fn source_nesting(source: &str) -> usize {
    let (mut blocks, mut parens, mut deepest) = (0usize, 0usize, 0usize);
    let mut rest = source;
    while let Some(at) = rest.find("{{") {
        rest = &rest[at + 2..];
        let end = rest.find("}}").unwrap_or(rest.len());
        let inner = rest[..end].trim_start_matches(['{', '~']);
        if inner.starts_with('#') {
            blocks += 1;
        } else if inner.starts_with('/') {
            blocks = blocks.saturating_sub(1);
        }
        for c in inner.chars() {
            match c {
                '(' => {
                    parens += 1;
                    deepest = deepest.max(blocks + parens);
                }
                ')' => parens = parens.saturating_sub(1),
                _ => {}
            }
        }
        parens = 0;
        deepest = deepest.max(blocks);
        rest = &rest[end..];
    }
    deepest
}

fn strict_registry(shared: &Arc<Shared>) -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.set_prevent_indent(true);
    helpers::register(&mut registry, shared);
    super::actions::register(&mut registry);
    registry.register_helper(limits::GUARD, Box::new(limits::Guard));
    registry
}
