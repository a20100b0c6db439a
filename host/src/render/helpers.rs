//! The template helpers. Every one formats for the document's locale
//! (`folio.locale` in the render data) and returns text that handlebars
//! then escapes like any other value.
//!
//! | helper | example | en output |
//! | --- | --- | --- |
//! | `money` | `{{money view.total}}` or `{{money "12.5" "USD"}}` | `$12.50` |
//! | `number` | `{{number view.seats}}` | `1,200` |
//! | `percent` | `{{percent view.adoption_percent}}` | `80%` |
//! | `date` | `{{date view.due_on}}` (`YYYY-MM-DD`) | `Dec 1, 2026` |
//! | `datetime` | `{{datetime folio.at}}` (RFC 3339, customer's zone) | `Nov 22, 2026, 5:00 PM` |
//! | `relative_days` | `{{relative_days view.days_until_due}}` | `in 9 days` |
//! | `t` | `{{t "invoice.title" number=view.number}}` | the translated string |
//! | `plural` | `{{plural view.seats "seats"}}` | `seats.one` / `seats.other`, `{count}` filled |

use super::l10n::FormatCache;
use super::locale::Lang;
use super::strings::{Strings, interpolate};
use chrono::{DateTime, NaiveDate, Utc};
use handlebars::{Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason, ScopedJson};
use serde_json::Value;
use std::sync::Arc;

/// What the helpers share: formatters and the bundle's strings.
pub struct Shared {
    pub formats: Arc<FormatCache>,
    pub strings: Arc<Strings>,
}

/// Registers every helper in `registry`.
pub fn register(registry: &mut Handlebars<'static>, shared: &Arc<Shared>) {
    for name in ["money", "number", "percent", "date", "datetime", "relative_days", "t", "plural"] {
        registry.register_helper(name, Box::new(FolioHelper { name, shared: shared.clone() }));
    }
}

struct FolioHelper {
    name: &'static str,
    shared: Arc<Shared>,
}

fn fail(helper: &str, message: impl std::fmt::Display) -> RenderError {
    RenderErrorReason::Other(format!("helper `{helper}`: {message}")).into()
}

/// A parameter as text: strings as they are, numbers in their JSON form.
fn text(helper: &str, h: &Helper<'_>, index: usize, what: &str) -> Result<String, RenderError> {
    match h.param(index).map(|p| p.value()) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        Some(Value::Null) | None => Err(fail(helper, format!("needs {what} as argument {}", index + 1))),
        Some(other) => Err(fail(helper, format!("argument {} ({what}) must be text or a number, not {other}", index + 1))),
    }
}

impl FolioHelper {
    fn format(&self, h: &Helper<'_>, ctx: &Context) -> Result<String, RenderError> {
        let folio = &ctx.data()["folio"];
        let formats = self.shared.formats.get(folio["locale"].as_str().unwrap_or("en")).map_err(|e| fail(self.name, e))?;
        let lang = Lang::from_tag(folio["lang"].as_str().unwrap_or("en"));
        let name = self.name;
        let err = |e: String| fail(name, e);
        match name {
            "money" => match h.param(0).map(|p| p.value()) {
                Some(Value::Object(m)) => {
                    let amount =
                        m.get("amount").and_then(Value::as_str).ok_or_else(|| err("the money object has no `amount` text".into()))?;
                    let currency =
                        m.get("currency").and_then(Value::as_str).ok_or_else(|| err("the money object has no `currency`".into()))?;
                    formats.money(amount, currency).map_err(err)
                }
                _ => formats.money(&text(name, h, 0, "an amount")?, &text(name, h, 1, "a currency code")?).map_err(err),
            },
            "number" => formats.number(&text(name, h, 0, "a number")?).map_err(err),
            "percent" => formats.percent(&text(name, h, 0, "a percentage")?).map_err(err),
            "date" => {
                let value = text(name, h, 0, "a date")?;
                let date = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
                    .map_err(|_| err(format!("`{value}` is not a date (YYYY-MM-DD)")))?;
                formats.date(date).map_err(err)
            }
            "datetime" => {
                let value = text(name, h, 0, "an instant")?;
                let at = DateTime::parse_from_rfc3339(value.trim())
                    .map_err(|_| err(format!("`{value}` is not an RFC 3339 instant")))?
                    .with_timezone(&Utc);
                let zone = folio["timezone"].as_str().unwrap_or("UTC");
                formats.datetime(at, zone).map_err(err)
            }
            "relative_days" => {
                let value = text(name, h, 0, "a number of days")?;
                let days: i64 = value.trim().parse().map_err(|_| err(format!("`{value}` is not a whole number of days")))?;
                Ok(formats.relative_days(days))
            }
            "t" => {
                let key = text(name, h, 0, "a string key")?;
                self.translate(h, lang, &key, Vec::new())
            }
            "plural" => {
                let count = text(name, h, 0, "a count")?;
                let key = text(name, h, 1, "a string key")?;
                let category = formats.plural_category(&count).map_err(err)?;
                let formatted = formats.number(&count).map_err(err)?;
                let specific = format!("{key}.{category}");
                let chosen = if self.shared.strings.get(lang, &specific).is_some() { specific } else { format!("{key}.other") };
                self.translate(h, lang, &chosen, vec![("count", formatted)])
            }
            other => Err(fail(other, "is not a Folio helper")),
        }
    }

    fn translate<'h>(&self, h: &Helper<'h>, lang: Lang, key: &str, mut args: Vec<(&'h str, String)>) -> Result<String, RenderError> {
        let template = self
            .shared
            .strings
            .get(lang, key)
            .ok_or_else(|| fail(self.name, format!("no string `{key}` in locales/en.json or locales/{}.json", lang.tag())))?;
        for (name, value) in h.hash() {
            let value = match value.value() {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            args.push((name, value));
        }
        Ok(interpolate(template, &args))
    }
}

impl HelperDef for FolioHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        Ok(ScopedJson::Derived(Value::String(self.format(h, ctx)?)))
    }
}
