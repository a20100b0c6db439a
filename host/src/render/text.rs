//! Plain text from the same rendered document: headings, paragraphs, lists
//! and tables laid out for a fixed-width reader (SMS, the text part of an
//! email), links written out, entities decoded. Derived from the document's
//! structure, not by stripping tags.

use super::{Draft, RenderError, templates};
use serde_json::Value;

/// The document as plain text: cleaned, in the text frame
/// (`templates/layout.text.hbs`), laid out in one pass.
pub(super) fn render(draft: &mut Draft<'_>) -> Result<Vec<u8>, RenderError> {
    let renderer = draft.renderer;
    draft.data["content"] = Value::String(renderer.clean(draft.plugin, &draft.fragment)?);
    let framed = renderer.render_template(&draft.set.registry, templates::LAYOUT_TEXT, &draft.data)?;
    renderer.check_depth(draft.plugin, &framed)?;
    let mut text = from_html(&framed).map_err(RenderError::Output)?;
    text.push('\n');
    Ok(text.into_bytes())
}

/// Line width of the text output.
pub const WIDTH: usize = 72;

/// The narrowest a table column may become.
const MIN_CELL_WIDTH: usize = 16;

/// The text form of an HTML fragment.
pub fn from_html(fragment: &str) -> Result<String, String> {
    let text = html2text::config::plain()
        .link_footnotes(true)
        .no_table_borders()
        // A table cell is never squeezed narrower than this, so amounts such
        // as `RM 1,234,567.89` keep to one line.
        .min_wrap_width(MIN_CELL_WIDTH)
        .string_from_read(fragment.as_bytes(), WIDTH)
        .map_err(|e| format!("could not lay out the document as text: {e}"))?;
    // Trailing spaces carry nothing in plain text and trip some SMS gateways.
    Ok(text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_cells_never_wrap() {
        let row = "<tr><td>A long description of a line item that wants all the room it can get</td>\
                   <td class=\"num\">12</td><td class=\"num\">RM 1,500.00</td><td class=\"num\">8%</td><td class=\"num\">RM 1,234,567.89</td></tr>";
        let text = from_html(&format!("<table>{row}{row}</table>")).unwrap();
        assert!(text.contains("RM 1,234,567.89") && text.contains("RM 1,500.00"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= WIDTH), "{text}");
    }

    #[test]
    fn lays_out_structure_and_decodes_entities() {
        let text = from_html(
            "<h1>Invoice</h1><p>Dear &lt;script&gt; Ltd,</p><table><tr><th>Item</th><th>Total</th></tr>\
             <tr><td>Seats</td><td>RM 10.00</td></tr></table><p><a href=\"https://pay.example/1\">Pay now</a></p>",
        )
        .unwrap();
        assert!(text.contains("Invoice"), "{text}");
        assert!(text.contains("Dear <script> Ltd,"), "{text}");
        assert!(text.contains("Seats") && text.contains("RM 10.00"), "{text}");
        assert!(text.contains("https://pay.example/1"), "{text}");
        assert!(!text.contains("<td>"), "{text}");
    }
}
