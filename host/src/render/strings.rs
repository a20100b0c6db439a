//! Translated strings: the bundle's `locales/<lang>.json` over the host's
//! built-in ones, with English as the fallback for a missing string.
//!
//! A strings file is a flat JSON object of keys to text; `{name}` in the
//! text is replaced by the `name=` argument of the `t` helper.

use super::builtins;
use super::locale::Lang;
use crate::bundle::Bundle;
use std::collections::HashMap;

/// Every string of one bundle, in every supported language.
#[derive(Debug, Default)]
pub struct Strings {
    by_lang: HashMap<Lang, HashMap<String, String>>,
}

impl Strings {
    /// Loads the built-in strings and the bundle's `locales/*.json`. A file
    /// that is not a flat object of strings is an error naming the file and key.
    pub fn load(bundle: &Bundle) -> Result<Self, String> {
        let mut by_lang = HashMap::new();
        for lang in Lang::ALL {
            let mut table = parse("templates/locales (built in)", builtins::strings(lang))?;
            let path = format!("locales/{}.json", lang.tag());
            if let Some(bytes) = bundle.files().get(&path) {
                let text = std::str::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8"))?;
                table.extend(parse(&path, text)?);
            }
            by_lang.insert(lang, table);
        }
        Ok(Strings { by_lang })
    }

    /// The string `key` in `lang`, else in English (logged), else `None`.
    pub fn get(&self, lang: Lang, key: &str) -> Option<&str> {
        if let Some(text) = self.by_lang.get(&lang).and_then(|t| t.get(key)) {
            return Some(text);
        }
        let english = self.by_lang.get(&Lang::En).and_then(|t| t.get(key))?;
        if lang != Lang::En {
            tracing::warn!(key, lang = lang.tag(), "string missing in this language; using English");
        }
        Some(english)
    }
}

fn parse(path: &str, text: &str) -> Result<HashMap<String, String>, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))?;
    let object = value.as_object().ok_or_else(|| format!("{path}: must be a JSON object of key: text"))?;
    object
        .iter()
        .map(|(k, v)| match v.as_str() {
            Some(s) => Ok((k.clone(), s.to_string())),
            None => Err(format!("{path}: `{k}` must be a string")),
        })
        .collect()
}

/// Replaces each `{name}` in `text` with its value; unknown names are left
/// as they are, so a missing argument shows instead of vanishing.
pub fn interpolate(text: &str, args: &[(&str, String)]) -> String {
    let mut out = text.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_named_arguments() {
        assert_eq!(interpolate("Due {date}, {who}", &[("date", "1 Dec".into())]), "Due 1 Dec, {who}");
    }

    #[test]
    fn parse_names_the_file_and_key() {
        assert!(parse("locales/ms.json", r#"{"a": 1}"#).unwrap_err().contains("locales/ms.json: `a`"));
        assert!(parse("locales/ms.json", "[").unwrap_err().starts_with("locales/ms.json:"));
    }
}
