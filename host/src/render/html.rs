//! HTML: the document cleaned by the sanitizer, with the theme's styles
//! inlined, inside the host's email-safe table frame
//! (`templates/layout.html.hbs`).

use super::{Draft, RenderError, Renderer, TemplateSet, templates};
use serde_json::Value;

/// The document as an HTML page.
pub(super) fn render(draft: &mut Draft<'_>) -> Result<Vec<u8>, RenderError> {
    page(draft.renderer, draft.set, draft.plugin, &mut draft.data, &draft.fragment)
}

/// `fragment`, written by a template of `plugin`, cleaned and styled, in
/// the frame (a document, or a template's fallback).
pub(super) fn page(renderer: &Renderer, set: &TemplateSet, plugin: &str, data: &mut Value, fragment: &str) -> Result<Vec<u8>, RenderError> {
    let clean = renderer.clean(plugin, fragment)?;
    data["content"] = Value::String(renderer.styles.apply(&clean).map_err(RenderError::Output)?);
    Ok(renderer.render_template(&set.registry, templates::LAYOUT_HTML, data)?.into_bytes())
}
