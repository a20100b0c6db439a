//! The HTML a template writes, cleaned for email and for Folio's own pages.
//!
//! Templates are written by plugin authors and fill in customer data, so
//! what they produce is parsed by a real HTML parser (html5ever, through
//! ammonia) and rebuilt from an allow-list: the elements and attributes
//! documents use, and links only to `https`, `http`, `mailto`, `tel` and
//! `cid` URLs. Everything else goes: `<script>`, `<style>`, `<iframe>`,
//! `<form>`, event handlers, `javascript:` in any spelling a browser would
//! still run (entities, tabs and newlines inside the scheme,
//! `xlink:href`), and style attributes that could load or run anything.

use std::borrow::Cow;
use std::collections::HashSet;

/// URL schemes links and images may use.
pub const URL_SCHEMES: [&str; 5] = ["https", "http", "mailto", "tel", "cid"];

/// The allow-list, built once.
pub struct Sanitizer {
    builder: ammonia::Builder<'static>,
}

impl Default for Sanitizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Sanitizer {
    /// The email allow-list.
    pub fn new() -> Self {
        let mut builder = Self::email();
        builder.attribute_filter(|_element, attribute, value| {
            if attribute == "style" && !safe_style(value) {
                return None;
            }
            Some(Cow::Borrowed(value))
        });
        Sanitizer { builder }
    }

    /// The email allow-list, without its attribute filter (ammonia takes one).
    fn email() -> ammonia::Builder<'static> {
        let mut builder = ammonia::Builder::default();
        let mut tags = builder.clone_tags();
        tags.extend(["tfoot", "section", "address", "main", "font", "center"]);
        builder
            .tags(tags)
            .generic_attributes(HashSet::from([
                "class", "style", "id", "lang", "dir", "title", "role", "align", "valign", "width", "height", "bgcolor", "border",
            ]))
            .generic_attribute_prefixes(HashSet::from(["data-", "aria-"]))
            .add_tag_attributes("a", ["href", "hreflang", "target", "name"])
            .add_tag_attributes("img", ["src", "alt"])
            .add_tag_attributes("td", ["colspan", "rowspan", "scope", "nowrap"])
            .add_tag_attributes("th", ["colspan", "rowspan", "scope", "nowrap"])
            .add_tag_attributes("table", ["cellpadding", "cellspacing", "summary"])
            .add_tag_attributes("ol", ["start", "type", "reversed"])
            .add_tag_attributes("li", ["value"])
            .add_tag_attributes("font", ["color", "face", "size"])
            .url_schemes(HashSet::from(URL_SCHEMES))
            .url_relative(ammonia::UrlRelative::PassThrough)
            // No rel is added, so a clean document is the template's own.
            .link_rel(None)
            .strip_comments(true);
        builder
    }

    /// The allow-list of an interactive document's own page: the email
    /// list plus the form controls the `action` helper and templates write
    /// (`actions.rs`). A form may only post, and only to an open link's
    /// action URL on Folio's origin; inputs are the plain kinds (no file
    /// uploads, no `formaction` or other attribute that redirects a post).
    pub fn for_pages() -> Self {
        let mut builder = Self::email();
        let mut tags = builder.clone_tags();
        tags.extend(["form", "input", "button", "label", "select", "option", "fieldset", "legend"]);
        builder
            .tags(tags)
            .add_tag_attributes("form", ["method", "action"])
            .add_tag_attributes("input", ["type", "name", "value", "min", "max", "step", "checked", "required", "inputmode", "size"])
            .add_tag_attributes("button", ["type", "name", "value"])
            .add_tag_attributes("label", ["for"])
            .add_tag_attributes("select", ["name", "required"])
            .add_tag_attributes("option", ["value", "selected"])
            .attribute_filter(|element, attribute, value| match (element, attribute) {
                (_, "style") if !safe_style(value) => None,
                ("form", "method") => value.eq_ignore_ascii_case("post").then_some(Cow::Borrowed("post")),
                ("form", "action") => action_url(value).then_some(Cow::Borrowed(value)),
                ("input", "type") => ["hidden", "number", "text", "radio", "checkbox"].contains(&value).then_some(Cow::Borrowed(value)),
                ("button", "type") => (value == "submit").then_some(Cow::Borrowed(value)),
                _ => Some(Cow::Borrowed(value)),
            });
        Sanitizer { builder }
    }

    /// `fragment` with everything not on the allow-list removed.
    pub fn clean(&self, fragment: &str) -> String {
        self.builder.clean(fragment).to_string()
    }
}

/// An open link's action URL, `/o/<88 hex digits>/actions/<name>`: the only
/// place a page's form may post.
fn action_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("/o/") else { return false };
    let Some((token, action)) = rest.split_once("/actions/") else { return false };
    token.len() == 88
        && token.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        && (1..=64).contains(&action.len())
        && action.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_'))
}

/// A style attribute that cannot load anything or run anything in any mail
/// client: no CSS escapes (which could spell the rest), no `url()` but to
/// https, no expressions, bindings or behaviours of old browsers.
fn safe_style(style: &str) -> bool {
    let lower = style.to_ascii_lowercase();
    if lower.contains('\\') || lower.contains("expression") || lower.contains("behavior") || lower.contains("binding") {
        return false;
    }
    if lower.contains("javascript") || lower.contains("vbscript") || lower.contains("@import") {
        return false;
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let target = rest.trim_start().trim_start_matches(['"', '\'']);
        if !(target.starts_with("https:") || target.starts_with("cid:")) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_documents_use() {
        let s = Sanitizer::new();
        let html = r#"<h1>Invoice</h1><table><thead><tr><th class="num">Qty</th></tr></thead><tbody><tr><td class="num" style="color:red">1</td></tr></tbody></table><p><a class="button" href="https://pay.example/1">Pay</a><br><a href="mailto:a@example.com">m</a></p>"#;
        assert_eq!(s.clean(html), html);
    }

    #[test]
    fn removes_active_content() {
        let s = Sanitizer::new();
        let out = s.clean(r#"<p onclick="x()">a</p><script>alert(1)</script><iframe src="https://x"></iframe><form action="https://x"><input></form><a href="javascript:alert(1)">b</a>"#);
        for bad in ["script", "onclick", "iframe", "form", "input", "javascript", "alert"] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
    }

    #[test]
    fn pages_keep_forms_that_post_to_their_own_actions_only() {
        let s = Sanitizer::for_pages();
        let token = "a".repeat(88);
        let own = format!(
            r#"<form method="post" action="/o/{token}/actions/change-seats"><input type="number" name="seats" value="150" min="1" max="500"><button type="submit">Update</button></form>"#
        );
        assert_eq!(s.clean(&own), own);
        let out = s.clean(&format!(
            r#"<form method="get" action="https://evil.example/steal"><input type="file" name="f"><input type="image" src="x"><button type="submit" formaction="https://evil.example/">x</button></form><form action="/o/{token}/actions/x/../../../v1/keys"></form><form action="/o/short/actions/x"></form>"#
        ));
        for bad in ["evil", "get", "file", "image", "formaction", "/v1/keys", "short"] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        assert!(out.starts_with("<form><input"), "a form that would post elsewhere posts nowhere: {out}");
        // Email keeps none of it.
        assert!(!Sanitizer::new().clean(&own).contains("<form"));
    }

    #[test]
    fn styles_that_load_or_run_are_dropped() {
        assert!(safe_style("color:#333;background:url(https://cdn.example/x.png)"));
        assert!(!safe_style("background:url(javascript:alert(1))"));
        assert!(!safe_style("width: expression(alert(1))"));
        assert!(!safe_style("background:url(http://tracker.example/p.gif)"));
        assert!(!safe_style(r"background:u\72l(x)"));
        assert!(!safe_style("-moz-binding:url(https://x/x.xml#x)"));
    }
}
