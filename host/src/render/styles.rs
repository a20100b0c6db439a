//! The theme's styles, written inline onto each element (mail clients drop
//! `<style>` blocks), for HTML, JSON blocks and the print frame. The HTML
//! has been cleaned by the sanitizer (`sanitize.rs`) before; the styles
//! come from the host's theme.

use lol_html::html_content::Element;
use lol_html::{ElementContentHandlers, RewriteStrSettings, Selector, rewrite_str};
use serde_json::Value;
use std::borrow::Cow;

/// Where an element's own style waits while theme styles are applied.
const OWN_STYLE: &str = "data-folio-own-style";

/// A rough CSS specificity: ids, then classes and attributes, then element
/// names. Enough to order a theme's rules as a browser would.
fn specificity(selector: &str) -> (usize, usize, usize) {
    let ids = selector.matches('#').count();
    let classes = selector.matches('.').count() + selector.matches('[').count();
    let elements = selector
        .split(|c: char| c.is_whitespace() || c == '>' || c == '+' || c == '~')
        .filter(|part| part.starts_with(|c: char| c.is_ascii_alphabetic()))
        .count();
    (ids, classes, elements)
}

/// The theme's `styles`: CSS selector → declarations, applied inline.
pub struct StyleSheet {
    rules: Vec<(Selector, String)>,
    any: Selector,
}

impl StyleSheet {
    /// Parses `theme.styles`; an invalid selector is an error naming it.
    pub fn from_theme(theme: &Value) -> Result<Self, String> {
        Self::from_sections(theme, &["styles"])
    }

    /// Parses the theme's style `sections` in order; at equal specificity a
    /// later section wins (`print_styles` over `styles` for PDF).
    pub fn from_sections(theme: &Value, sections: &[&str]) -> Result<Self, String> {
        let mut rules = Vec::new();
        for section in sections {
            let Some(styles) = theme[*section].as_object() else { continue };
            for (selector, style) in styles {
                let parsed = selector.parse::<Selector>().map_err(|e| format!("theme.json {section}: selector `{selector}`: {e}"))?;
                let style = style.as_str().ok_or_else(|| format!("theme.json {section}: `{selector}` must be a string"))?;
                rules.push((specificity(selector), parsed, style.to_string()));
            }
        }
        // As in CSS, a more specific rule wins: apply those last.
        rules.sort_by_key(|(specificity, _, _)| *specificity);
        let rules = rules.into_iter().map(|(_, selector, style)| (selector, style)).collect();
        let any = "*".parse().map_err(|e| format!("the universal selector: {e}"))?;
        Ok(StyleSheet { rules, any })
    }

    /// `fragment` (already sanitized) with the theme's styles inlined.
    pub fn apply(&self, fragment: &str) -> Result<String, String> {
        let mut settings = RewriteStrSettings::new();
        // Handlers run in the order they are added. The template's own
        // style is set aside first and put back last, so it wins; theme
        // rules each append, so the more specific ones (added later) win.
        settings = settings.append_element_content_handler((
            Cow::Borrowed(&self.any),
            ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                if let Some(own) = el.get_attribute("style") {
                    el.remove_attribute("style");
                    el.set_attribute(OWN_STYLE, &own)?;
                }
                Ok(())
            }),
        ));
        for (selector, style) in &self.rules {
            settings = settings.append_element_content_handler((
                Cow::Borrowed(selector),
                ElementContentHandlers::default().element(move |el: &mut Element<'_, '_>| {
                    let merged = el.get_attribute("style").unwrap_or_default() + style;
                    el.set_attribute("style", &merged)?;
                    Ok(())
                }),
            ));
        }
        settings = settings.append_element_content_handler((
            Cow::Borrowed(&self.any),
            ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                if let Some(own) = el.get_attribute(OWN_STYLE) {
                    el.remove_attribute(OWN_STYLE);
                    let merged = el.get_attribute("style").unwrap_or_default() + &own;
                    el.set_attribute("style", &merged)?;
                }
                Ok(())
            }),
        ));
        rewrite_str(fragment, settings).map_err(|e| format!("could not process the rendered HTML: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sheet() -> StyleSheet {
        StyleSheet::from_theme(&json!({"styles": {"p": "margin:0;", ".num": "text-align:right;"}})).unwrap()
    }

    #[test]
    fn inlines_theme_styles_before_the_templates_own() {
        let out = sheet().apply(r#"<p>a</p><td class="num" style="color:red">1</td>"#).unwrap();
        assert!(out.contains(r#"<p style="margin:0;">a</p>"#), "{out}");
        assert!(out.contains(r#"style="text-align:right;color:red""#), "{out}");
    }

    #[test]
    fn more_specific_rules_win_and_own_style_wins_over_all() {
        let sheet = StyleSheet::from_theme(&json!({"styles": {
            "a.button": "color:#fff;background:#00f;",
            "a": "color:#00f;",
        }}))
        .unwrap();
        let out = sheet.apply(r#"<a class="button" href="x">Pay</a>"#).unwrap();
        assert!(out.contains(r#"style="color:#00f;color:#fff;background:#00f;""#), "{out}");
        let out = sheet.apply(r#"<a class="button" style="color:red">Pay</a>"#).unwrap();
        assert!(out.contains(r#"style="color:#00f;color:#fff;background:#00f;color:red""#), "{out}");
        assert!(!out.contains(OWN_STYLE), "{out}");
    }

    #[test]
    fn later_sections_win_at_equal_specificity() {
        let theme =
            json!({"styles": {"table": "width:100%;"}, "print_styles": {"table": "table-layout:fixed;", "td:first-child": "width:40%;"}});
        let out = StyleSheet::from_sections(&theme, &["styles", "print_styles"])
            .unwrap()
            .apply("<table><tr><td>a</td><td>b</td></tr></table>")
            .unwrap();
        assert!(out.contains(r#"<table style="width:100%;table-layout:fixed;">"#), "{out}");
        assert!(out.contains(r#"<td style="width:40%;">a</td><td>b</td>"#), "{out}");
    }

    #[test]
    fn specificity_orders_ids_classes_elements() {
        assert!(specificity("a") < specificity("a.button"));
        assert!(specificity(".num") < specificity("td.num"));
        assert!(specificity("td.num") < specificity("#total"));
    }

    #[test]
    fn bad_selector_is_named() {
        let err = StyleSheet::from_theme(&json!({"styles": {"p[": "x"}})).err().unwrap();
        assert!(err.contains("styles: selector `p[`"), "{err}");
    }
}
