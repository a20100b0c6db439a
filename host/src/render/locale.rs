//! Which language a document is written in, from the customer's locale tag.
//!
//! Formatting (numbers, money, dates) follows the customer's full tag, so
//! `en-US` and `en-GB` format dates differently. Strings come from the four
//! languages templates are translated into; any other tag reads English.

use icu_locale_core::Locale;

/// A language templates carry strings for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ms,
    ZhCn,
    ZhTw,
}

impl Lang {
    /// Every supported language; English is the fallback.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ms, Lang::ZhCn, Lang::ZhTw];

    /// The strings file stem, e.g. `zh-TW` for `locales/zh-TW.json`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ms => "ms",
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// The language whose [`Lang::tag`] is `tag`; English for anything else.
    pub fn from_tag(tag: &str) -> Lang {
        Lang::ALL.into_iter().find(|l| l.tag() == tag).unwrap_or(Lang::En)
    }

    /// The language for the BCP 47 tag `tag` (see [`Lang::for_locale`]);
    /// English when the tag cannot be parsed.
    pub fn of_tag(tag: &str) -> Lang {
        parse_locale(tag).map_or(Lang::En, |locale| Lang::for_locale(&locale))
    }

    /// The language for a customer's locale: Malay for `ms*`; Traditional
    /// Chinese for `zh-TW`, `zh-HK`, `zh-MO` or `zh-Hant*`; Simplified for any
    /// other `zh*`; English otherwise.
    pub fn for_locale(locale: &Locale) -> Lang {
        let id = &locale.id;
        match id.language.as_str() {
            "ms" => Lang::Ms,
            "zh" => {
                let traditional =
                    id.script.is_some_and(|s| s.as_str() == "Hant") || id.region.is_some_and(|r| matches!(r.as_str(), "TW" | "HK" | "MO"));
                if traditional { Lang::ZhTw } else { Lang::ZhCn }
            }
            _ => Lang::En,
        }
    }
}

/// Parses a customer's BCP 47 tag; an unparseable tag is an error naming it.
pub fn parse_locale(tag: &str) -> Result<Locale, String> {
    tag.trim().replace('_', "-").parse::<Locale>().map_err(|e| format!("customer.locale `{tag}` is not a BCP 47 language tag ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_follow_the_customer_tag() {
        let lang = |t: &str| Lang::for_locale(&parse_locale(t).unwrap());
        assert_eq!(lang("ms-MY"), Lang::Ms);
        assert_eq!(lang("zh-TW"), Lang::ZhTw);
        assert_eq!(lang("zh-Hant"), Lang::ZhTw);
        assert_eq!(lang("zh-HK"), Lang::ZhTw);
        assert_eq!(lang("zh-CN"), Lang::ZhCn);
        assert_eq!(lang("zh"), Lang::ZhCn);
        assert_eq!(lang("en_US"), Lang::En);
        assert_eq!(lang("fr-FR"), Lang::En);
        assert!(parse_locale("not a tag!").is_err());
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), l);
        }
    }
}
