//! JSON, for in-app messages: the plan, plus each block it chose rendered
//! as HTML (cleaned and styled) and as text.

use super::{Draft, RenderError, templates, text};
use serde::Serialize;
use serde_json::json;

/// The plan with each chosen block rendered as HTML and text.
pub(super) fn render(draft: &mut Draft<'_>) -> Result<Vec<u8>, RenderError> {
    #[derive(Serialize)]
    struct Block<'a> {
        slot: &'a str,
        variant: &'a str,
        html: String,
        text: String,
    }
    let (renderer, plan) = (draft.renderer, draft.plan);
    let mut blocks = Vec::new();
    for choice in &plan.blocks {
        let template = templates::block_template(&choice.slot, &choice.variant);
        let fragment = renderer.render_template(&draft.set.registry, &template, &draft.data)?;
        let clean = renderer.clean(draft.plugin, &fragment)?;
        blocks.push(Block {
            slot: &choice.slot,
            variant: &choice.variant,
            html: renderer.styles.apply(&clean).map_err(RenderError::Output)?,
            text: text::from_html(&clean).map_err(RenderError::Output)?,
        });
    }
    let out = json!({
        "title": plan.title,
        "file_name": plan.file_name,
        "template": plan.template,
        "locale": draft.data["folio"]["locale"],
        "freshness_seconds": plan.freshness_seconds,
        "view_model": plan.view_model,
        "blocks": blocks,
        "actions": plan.actions,
    });
    let mut bytes = serde_json::to_vec_pretty(&out).map_err(|e| RenderError::Output(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}
