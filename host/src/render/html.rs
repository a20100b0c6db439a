//! HTML: the document cleaned by the sanitizer, with the theme's styles
//! inlined, inside the host's email-safe table frame
//! (`templates/layout.html.hbs`).

use super::{Draft, RenderError, Renderer, TemplateSet, templates};
use serde_json::Value;

/// The document as an HTML page.
pub(super) fn render(draft: &mut Draft<'_>) -> Result<Vec<u8>, RenderError> {
    let (renderer, plugin) = (draft.renderer, draft.plugin);
    let clean = match draft.page {
        true => renderer.clean_page(plugin, &draft.fragment)?,
        false => renderer.clean(plugin, &draft.fragment)?,
    };
    framed(renderer, draft.set, &mut draft.data, &clean)
}

/// `fragment`, written by a template of `plugin`, cleaned and styled, in
/// the frame (a document, or a template's fallback).
pub(super) fn page(renderer: &Renderer, set: &TemplateSet, plugin: &str, data: &mut Value, fragment: &str) -> Result<Vec<u8>, RenderError> {
    let clean = renderer.clean(plugin, fragment)?;
    framed(renderer, set, data, &clean)
}

/// `clean` HTML styled, in the frame.
fn framed(renderer: &Renderer, set: &TemplateSet, data: &mut Value, clean: &str) -> Result<Vec<u8>, RenderError> {
    data["content"] = Value::String(renderer.styles.apply(clean).map_err(RenderError::Output)?);
    Ok(renderer.render_template(&set.registry, templates::LAYOUT_HTML, data)?.into_bytes())
}
