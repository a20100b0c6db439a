//! The host's shared templates (`templates/` in the repository), compiled
//! into the binary so `folio` needs no files beside it.

use super::locale::Lang;
use serde_json::Value;

/// The HTML frame around a document.
pub const LAYOUT_HTML: &str = include_str!("../../../templates/layout.html.hbs");
/// The plain-text frame around a document.
pub const LAYOUT_TEXT: &str = include_str!("../../../templates/layout.text.hbs");
/// The print frame PDFs are laid out from.
pub const LAYOUT_PRINT: &str = include_str!("../../../templates/layout.print.hbs");
const THEME: &str = include_str!("../../../templates/theme.json");

/// The frame's own strings for `lang`.
pub fn strings(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../../templates/locales/en.json"),
        Lang::Ms => include_str!("../../../templates/locales/ms.json"),
        Lang::ZhCn => include_str!("../../../templates/locales/zh-CN.json"),
        Lang::ZhTw => include_str!("../../../templates/locales/zh-TW.json"),
    }
}

/// The theme: brand, font, colours and the styles inlined into HTML.
pub fn theme() -> Result<Value, String> {
    serde_json::from_str(THEME).map_err(|e| format!("the built-in templates/theme.json: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_files_parse() {
        assert!(theme().unwrap()["styles"].is_object());
        for lang in Lang::ALL {
            let strings: serde_json::Map<String, Value> = serde_json::from_str(strings(lang)).unwrap();
            assert!(strings.contains_key("folio.footer"), "{lang:?}");
        }
    }
}
