//! The page of an interactive document: its actions as plain HTML forms.
//!
//! A template marks where each action goes; the host writes the form, so
//! every form posts to this link's own action URL and carries the snapshot
//! the customer is looking at and its nonce:
//!
//! | helper | example |
//! | --- | --- |
//! | `action` | `{{#action "change-seats"}}<input type="number" name="seats"> <button>Update</button>{{else}}Open the page to change seats{{/action}}` |
//! | `action` with consent | `{{#action "accept" consent=(t "offer.consent")}}<button>Accept</button>{{/action}}` |
//! | `action-error` | `{{action-error "seats"}}`: the message for a field the customer got wrong |
//!
//! The block renders as a form only on the link's page, while the offer
//! is open and the plan offers the action; everywhere else (email, PDF,
//! text, an accepted or expired offer) the `{{else}}` part renders, or
//! nothing. The consent text is written next to the button, where the host
//! reads it back as the text the customer agreed to.

use handlebars::html_escape as escape;
use handlebars::{Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderError, RenderErrorReason, Renderable};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// What a page needs to offer its actions, in the render data as `folio.page`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Where each offered action posts: name → URL path.
    pub actions: BTreeMap<String, String>,
    /// The snapshot the page shows.
    pub snapshot: String,
    /// The form nonce bound to the snapshot.
    pub nonce: String,
    /// Messages for fields the customer got wrong, by field name.
    pub errors: BTreeMap<String, String>,
}

/// The attribute marking the consent text an action's form shows.
pub const CONSENT_ATTRIBUTE: &str = "data-folio-consent";

/// Registers `action` and `action-error` in `registry`.
pub fn register(registry: &mut Handlebars<'static>) {
    registry.register_helper("action", Box::new(ActionForm));
    registry.register_helper("action-error", Box::new(ActionError));
}

fn fail(helper: &str, message: &str) -> RenderError {
    RenderErrorReason::Other(format!("helper `{helper}`: {message}")).into()
}

fn name<'a>(helper: &str, h: &'a Helper<'_>) -> Result<&'a str, RenderError> {
    h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| fail(helper, "needs the action's name (text) as argument 1"))
}

struct ActionForm;

impl HelperDef for ActionForm {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let action = name("action", h)?;
        let page = &ctx.data()["folio"]["page"];
        let Some(url) = page["actions"].get(action).and_then(Value::as_str) else {
            if let Some(inverse) = h.inverse() {
                inverse.render(r, ctx, rc, out)?;
            }
            return Ok(());
        };
        let field = |name: &str, value: &Value| {
            format!("<input type=\"hidden\" name=\"{name}\" value=\"{}\">", escape(value.as_str().unwrap_or("")))
        };
        out.write(&format!(
            "<form method=\"post\" action=\"{}\" class=\"folio-action\" data-action=\"{}\">{}{}",
            escape(url),
            escape(action),
            field("_snapshot", &page["snapshot"]),
            field("_nonce", &page["nonce"]),
        ))?;
        match h.hash_get("consent").map(|v| v.value()) {
            Some(Value::String(consent)) => {
                out.write(&format!("<p class=\"folio-consent\" {CONSENT_ATTRIBUTE}=\"{}\">{}</p>", escape(action), escape(consent)))?
            }
            Some(_) => return Err(fail("action", "`consent=` must be text")),
            None => {}
        }
        if let Some(template) = h.template() {
            template.render(r, ctx, rc, out)?;
        }
        out.write("</form>")?;
        Ok(())
    }
}

struct ActionError;

impl HelperDef for ActionError {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let field = name("action-error", h)?;
        if let Some(message) = ctx.data()["folio"]["page"]["errors"].get(field).and_then(Value::as_str) {
            out.write(&format!("<span class=\"folio-error\" role=\"alert\" data-field=\"{}\">{}</span>", escape(field), escape(message)))?;
        }
        Ok(())
    }
}

/// The consent text the page shows in `action`'s form, read back from the
/// page's HTML (as the sanitizer wrote it: text only, entities escaped).
pub fn consent_text(page: &str, action: &str) -> Option<String> {
    // Styles may be inlined after the attribute: the text starts after the tag.
    let marker = format!("{CONSENT_ATTRIBUTE}=\"{}\"", escape(action));
    let tag = page.find(&marker)? + marker.len();
    let start = tag + page[tag..].find('>')? + 1;
    let end = start + page[start..].find("</p>")?;
    Some(unescape(&page[start..end]))
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consent_is_read_back_as_the_page_shows_it() {
        let page = r#"<form><p class="folio-consent" data-folio-consent="accept" style="margin:0">I agree for Harbor &amp; Pine &lt;LLC&gt;, total $1.00.</p><button>OK</button></form>"#;
        assert_eq!(consent_text(page, "accept").as_deref(), Some("I agree for Harbor & Pine <LLC>, total $1.00."));
        assert_eq!(consent_text(page, "decline"), None);
    }
}
