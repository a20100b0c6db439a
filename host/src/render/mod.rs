//! Rendering: a plan becomes the document a customer receives.
//!
//! A document is written once, as semantic HTML in a handlebars template
//! (`templates/<name>.hbs` in the plugin's bundle) that includes the block
//! variant the plan chose for each slot (`{{> (lookup blocks "status")}}`).
//! Every output derives from that one rendering:
//!
//! - **html**: the fragment cleaned by the sanitizer (`sanitize.rs`) with
//!   the theme's styles inlined, inside the host's email-safe table frame;
//! - **text**: the fragment inside the text frame (itself a little HTML),
//!   laid out as plain text in one pass;
//! - **json**: the plan plus each chosen block rendered as HTML and text,
//!   for in-app messages;
//! - **pdf**: the styled fragment in the flat print frame, laid out by
//!   printpdf with fonts the host supplies (see `pdf.rs`);
//! - **png**: the first chosen block that has an SVG variant
//!   (`blocks/<slot>/<variant>.svg.hbs`), drawn by resvg (see `png.rs`),
//!   for the image an email shows at open time.
//!
//! The render data templates see:
//!
//! | key | what |
//! | --- | --- |
//! | `view` | the plan's view model |
//! | `title` | the plan's title |
//! | `blocks` | slot → template name of the chosen variant |
//! | `actions` | the plan's actions |
//! | `theme` | `templates/theme.json` |
//! | `folio.locale`, `folio.timezone`, `folio.at` | the customer's locale and zone, the render instant |
//! | `folio.font` | the CSS font stack for the document's language (PDF and SVG) |
//! | `folio.page` | on an interactive document's own page: its actions, snapshot and nonce, field errors (`actions.rs`); else null |
//! | `folio.notice` | on a page: a message shown above the document (the offer changed, expired); else null |
//!
//! What templates may do in one render is bounded (`limits.rs`): block
//! nesting, partial recursion, iterations, output size, HTML depth and SVG
//! filter cost each fail the render with a [`Limit`] before the work.

mod actions;
mod builtins;
mod fonts;
mod glyphs;
mod helpers;
mod l10n;
mod limits;
mod locale;
mod sanitize;
mod strings;
mod styles;
mod templates;
// One module per output format, each with one entry point, `render(&mut Draft)`.
mod html;
mod json;
mod pdf;
mod png;
mod text;

pub use actions::{CONSENT_ATTRIBUTE, Page, consent_text};
pub use l10n::{FormatCache, LocaleFormats};
pub use limits::{Limit, RenderLimits, html_depth};
pub use locale::Lang;
pub use sanitize::{Sanitizer, URL_SCHEMES};
pub use templates::TemplateSet;

use crate::bundle::Bundle;
use crate::contract::types::{Plan, Request};
use serde_json::{Value, json};
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Text,
    Json,
    Pdf,
    /// One block as an image (open-time emails); not a plugin-declared format.
    Png,
}

impl Format {
    /// The HTTP content type of this format.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Html => "text/html; charset=utf-8",
            Format::Text => "text/plain; charset=utf-8",
            Format::Json => "application/json",
            Format::Pdf => "application/pdf",
            Format::Png => "image/png",
        }
    }

    /// The format's name as the API and the CLI spell it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
            Format::Json => "json",
            Format::Pdf => "pdf",
            Format::Png => "png",
        }
    }

    /// The format called `name` (see [`Format::name`]).
    pub fn from_name(name: &str) -> Option<Format> {
        [Format::Html, Format::Text, Format::Json, Format::Pdf, Format::Png].into_iter().find(|f| f.name() == name)
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "txt",
            Format::Json => "json",
            Format::Pdf => "pdf",
            Format::Png => "png",
        }
    }
}

impl From<crate::contract::types::OutputFormat> for Format {
    fn from(format: crate::contract::types::OutputFormat) -> Self {
        use crate::contract::types::OutputFormat;
        match format {
            OutputFormat::Html => Format::Html,
            OutputFormat::Text => Format::Text,
            OutputFormat::Json => Format::Json,
            OutputFormat::Pdf => Format::Pdf,
        }
    }
}

/// A transparent one-pixel PNG: the image an open link serves when it has
/// nothing better, so a mail client never shows a broken image.
pub fn blank_png() -> Vec<u8> {
    png::blank()
}

/// Checks `tag` is a BCP 47 locale the renderer can use; the error says why not.
pub fn check_locale(tag: &str) -> Result<(), String> {
    locale::parse_locale(tag).map(drop)
}

/// A rendered document.
#[derive(Debug, Clone)]
pub struct Document {
    pub format: Format,
    pub bytes: Vec<u8>,
    /// The plan's file name with this format's extension.
    pub file_name: String,
    /// How long the plan says its content stays true (seconds; 0 = re-render
    /// every time). Open-time caching honours it.
    pub freshness_seconds: u32,
}

impl Document {
    /// `bytes` rendered from `plan` as `format`, named by the plan's file
    /// name reduced to a safe token ([`safe_file_stem`]).
    fn of(plan: &Plan, format: Format, bytes: Vec<u8>) -> Document {
        let stem = safe_file_stem(&plan.file_name).unwrap_or_else(|| safe_file_stem(&plan.template).unwrap_or_else(|| "document".into()));
        Document { format, bytes, file_name: format!("{stem}.{}", format.extension()), freshness_seconds: plan.freshness_seconds }
    }
}

/// The longest file name stem kept, in bytes.
const MAX_STEM: usize = 120;

/// `name` as a file name stem that is safe everywhere it goes (a download's
/// `Content-Disposition`, a zip entry, a disk): letters and digits of any
/// script, `-`, `_` and `.`, with runs of anything else (spaces, slashes,
/// quotes, control characters) turned into one `-`, no leading dot, at most
/// 120 bytes. `None` when nothing is left.
pub fn safe_file_stem(name: &str) -> Option<String> {
    let mut out = String::new();
    let mut gap = false;
    for c in name.chars() {
        // A dot only right after a letter or digit: no `..`, no hidden names.
        let dot_allowed = c != '.' || (!gap && out.chars().last().is_some_and(char::is_alphanumeric));
        if dot_allowed && (c.is_alphanumeric() || matches!(c, '-' | '_' | '.')) {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            if out.len() + c.len_utf8() > MAX_STEM {
                break;
            }
            out.push(c);
        } else {
            gap = true;
        }
    }
    let trimmed = out.trim_start_matches(['.', '-']).trim_end_matches(['.', '-']);
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// A document on its way to an output format (`html`, `text`, `json`,
/// `pdf`, `png`: one module each): the document template's HTML, the data
/// templates see, and what the format needs besides.
struct Draft<'a> {
    renderer: &'a Renderer,
    set: &'a TemplateSet,
    /// The plugin's name, for errors.
    plugin: &'a str,
    plan: &'a Plan,
    /// The render instant.
    at: chrono::DateTime<chrono::Utc>,
    lang: Lang,
    data: Value,
    /// The document template, rendered.
    fragment: String,
    /// Whether this is an interactive document's own page (forms allowed).
    page: bool,
}

/// How a document is shown on its own page (`GET /o/{token}`).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PageView {
    /// Its actions, while the offer is open; `None` shows it without forms.
    pub page: Option<Page>,
    /// A message above the document.
    pub notice: Option<String>,
}

/// Why a plan could not be rendered. Each names the template or file at fault.
#[derive(Debug, Clone, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum RenderError {
    /// The bundle's templates or strings are broken.
    #[error("plugin `{plugin}` templates: {message}")]
    Templates { plugin: String, message: String },
    /// The plan names a template the bundle does not have.
    #[error("plugin `{plugin}` planned template `{template}`, which its bundle does not contain (templates/{template}.hbs)")]
    UnknownTemplate { plugin: String, template: String },
    /// A template failed while rendering (strict mode: a missing variable, a helper's bad input, ...).
    #[error("{0}")]
    Template(String),
    /// PNG was asked for, but no block the plan chose has an SVG variant.
    #[error(
        "plugin `{plugin}`: no block this plan chose has an image variant ({candidates}); \
         add templates/blocks/<slot>/<variant>.svg.hbs for one of them, or ask for another format"
    )]
    NoImage { plugin: String, candidates: String },
    /// The request's locale could not be used.
    #[error("{0}")]
    Locale(String),
    /// Post-processing the output failed.
    #[error("{0}")]
    Output(String),
    /// The bundle's templates ran into one of the render limits.
    #[error("plugin `{plugin}`: {limit}")]
    Limit { plugin: String, limit: Limit },
}

/// Renders plans. Create one per process: it caches locale formatters and
/// each bundle's compiled templates.
pub struct Renderer {
    formats: Arc<FormatCache>,
    theme: Value,
    styles: styles::StyleSheet,
    /// `styles` plus the theme's `print_styles`, for PDF.
    print_styles: styles::StyleSheet,
    sanitizer: Sanitizer,
    /// The allow-list of an interactive document's own page (forms).
    page_sanitizer: Sanitizer,
    limits: RenderLimits,
    /// Compiled templates of the bundles rendered most recently.
    sets: Mutex<lru::LruCache<String, Arc<TemplateSet>>>,
    /// The font files, mapped on first use or by [`Renderer::preload_fonts`].
    font_files: OnceLock<Result<fonts::FontFiles, String>>,
    /// Parsed PDF fonts, loaded on the first PDF render.
    pdf_fonts: OnceLock<Result<pdf::PdfFonts, String>>,
    /// Fonts for PNG, loaded on the first PNG render.
    image_fonts: OnceLock<Result<png::ImageFonts, String>>,
    /// Whether PNG text is drawn from cached glyphs (`glyphs.rs`).
    glyph_cache: bool,
}

/// Bundles whose compiled templates a renderer keeps.
const KEPT_TEMPLATE_SETS: NonZeroUsize = match NonZeroUsize::new(32) {
    Some(n) => n,
    None => NonZeroUsize::MIN,
};

impl Renderer {
    /// A renderer with the built-in theme and the default limits.
    pub fn new() -> Result<Self, RenderError> {
        let theme = builtins::theme().map_err(RenderError::Output)?;
        let styles = styles::StyleSheet::from_theme(&theme).map_err(RenderError::Output)?;
        let print_styles = styles::StyleSheet::from_sections(&theme, &["styles", "print_styles"]).map_err(RenderError::Output)?;
        Ok(Renderer {
            formats: Arc::new(FormatCache::default()),
            theme,
            styles,
            print_styles,
            sanitizer: Sanitizer::new(),
            page_sanitizer: Sanitizer::for_pages(),
            limits: RenderLimits::default(),
            sets: Mutex::new(lru::LruCache::new(KEPT_TEMPLATE_SETS)),
            font_files: OnceLock::new(),
            pdf_fonts: OnceLock::new(),
            image_fonts: OnceLock::new(),
            glyph_cache: true,
        })
    }

    /// This renderer with other limits.
    pub fn with_limits(mut self, limits: RenderLimits) -> Self {
        self.limits = limits;
        self
    }

    /// The limits renders run under.
    pub fn limits(&self) -> &RenderLimits {
        &self.limits
    }

    /// This renderer, drawing PNG text with resvg alone instead of from
    /// cached glyphs. Images look the same but take longer; it is the
    /// baseline the cache is measured against (`cargo bench --bench
    /// render`) and a way to rule the cache out when an image looks wrong.
    pub fn without_glyph_cache(mut self) -> Self {
        self.glyph_cache = false;
        self
    }

    /// Maps the font files and registers them with the PDF font cache now
    /// (a render worker cannot open files), and with `parse` also parses
    /// them for PDF and PNG, so that processes forked from this one share
    /// the parsed fonts.
    ///
    /// Parsing includes laying out a small page in every face: the layout
    /// engine parses a face's outlines and metrics on first use and keeps
    /// them, so doing it here, once, means forked workers share them
    /// instead of each making its own copy.
    pub fn preload_fonts(&self, parse: bool) -> Result<(), RenderError> {
        let pdf_fonts = self.pdf_fonts()?;
        if parse {
            pdf::warm_up(pdf_fonts).map_err(RenderError::Output)?;
            self.image_fonts()?;
        }
        Ok(())
    }

    fn font_files(&self) -> Result<&fonts::FontFiles, String> {
        self.font_files.get_or_init(|| fonts::read("PDF and PNG output")).as_ref().map_err(Clone::clone)
    }

    fn pdf_fonts(&self) -> Result<&pdf::PdfFonts, RenderError> {
        self.pdf_fonts
            .get_or_init(|| self.font_files().and_then(pdf::PdfFonts::from_files))
            .as_ref()
            .map_err(|e| RenderError::Output(e.clone()))
    }

    /// The bundle's compiled templates, compiling them on first use. This
    /// also checks every declared template and block variant exists, and
    /// that the templates keep within the render limits.
    pub fn templates(&self, bundle: &Bundle) -> Result<Arc<TemplateSet>, RenderError> {
        if let Some(set) = self.sets.lock().unwrap_or_else(PoisonError::into_inner).get(bundle.digest()) {
            return Ok(set.clone());
        }
        let plugin = bundle.manifest().plugin.name.clone();
        let set = TemplateSet::compile(bundle, self.formats.clone(), &self.limits).map_err(|e| match e {
            templates::CompileError::Invalid(message) => RenderError::Templates { plugin: plugin.clone(), message },
            templates::CompileError::Limit(limit) => RenderError::Limit { plugin: plugin.clone(), limit },
        })?;
        let set = Arc::new(set);
        self.sets.lock().unwrap_or_else(PoisonError::into_inner).put(bundle.digest().to_string(), set.clone());
        Ok(set)
    }

    /// Renders `plan`, made by `bundle`'s plugin for `request`, as `format`.
    pub fn render(&self, bundle: &Bundle, plan: &Plan, request: &Request, format: Format) -> Result<Document, RenderError> {
        self.render_with(bundle, plan, request, format, None)
    }

    /// Renders `plan` as `format`; with `view`, as an interactive
    /// document's own page (HTML): its actions as forms, and `notice`
    /// above the document.
    pub fn render_with(
        &self,
        bundle: &Bundle,
        plan: &Plan,
        request: &Request,
        format: Format,
        view: Option<&PageView>,
    ) -> Result<Document, RenderError> {
        let bytes = self.with_draft(bundle, plan, request, view, |draft| match format {
            Format::Html => html::render(draft),
            Format::Text => text::render(draft),
            Format::Json => json::render(draft),
            Format::Pdf => pdf::render(draft),
            Format::Png => png::render(draft),
        })?;
        Ok(Document::of(plan, format, bytes))
    }

    /// The complete HTML document a PDF of `plan` is laid out from: the
    /// document styled for print in the print frame. Lets the layout be
    /// compared with a browser's print of the same HTML.
    pub fn print_html(&self, bundle: &Bundle, plan: &Plan, request: &Request) -> Result<String, RenderError> {
        self.with_draft(bundle, plan, request, None, pdf::print_html)
    }

    /// Runs `output` on the draft of `plan` (the document template
    /// rendered with the frame's data) under the render limits.
    fn with_draft<T>(
        &self,
        bundle: &Bundle,
        plan: &Plan,
        request: &Request,
        view: Option<&PageView>,
        output: impl FnOnce(&mut Draft<'_>) -> Result<T, RenderError>,
    ) -> Result<T, RenderError> {
        let set = self.templates(bundle)?;
        let plugin = bundle.manifest().plugin.name.as_str();
        if !set.has(&plan.template) {
            return Err(RenderError::UnknownTemplate { plugin: plugin.to_string(), template: plan.template.clone() });
        }
        let scope = limits::Scope::enter(self.limits);
        let limited = |e: RenderError| match scope.hit() {
            Some(limit) => RenderError::Limit { plugin: plugin.to_string(), limit },
            None => e,
        };
        let (mut data, lang) = self.frame_data(&request.customer.locale, &request.customer.timezone, request.at)?;
        data["view"] = plan
            .view_model_value()
            .map_err(|e| RenderError::Output(format!("plugin `{plugin}` planned a view model that cannot be read: {e}")))?;
        data["title"] = Value::String(plan.title.clone());
        data["blocks"] = plan
            .blocks
            .iter()
            .map(|b| (b.slot.clone(), Value::String(templates::block_template(&b.slot, &b.variant))))
            .collect::<serde_json::Map<_, _>>()
            .into();
        data["actions"] = serde_json::to_value(&plan.actions).map_err(|e| RenderError::Output(e.to_string()))?;
        if let Some(view) = view {
            if let Some(page) = &view.page {
                data["folio"]["page"] = serde_json::to_value(page).map_err(|e| RenderError::Output(e.to_string()))?;
            }
            data["folio"]["notice"] = view.notice.clone().map_or(Value::Null, Value::String);
        }
        // Rendered for every format, PNG too, so a broken document template
        // fails the same way whatever is asked for.
        let fragment = self.render_template(&set.registry, &plan.template, &data).map_err(limited)?;
        let page = view.is_some();
        let mut draft = Draft { renderer: self, set: &set, plugin, plan, at: request.at, lang, data, fragment, page };
        output(&mut draft).map_err(limited)
    }

    /// What every template sees besides the plan: the theme and the
    /// `folio` values for a customer in `locale` and `timezone` at `at`.
    /// A plan adds `view`, `title`, `blocks` and `actions`.
    fn frame_data(&self, locale: &str, timezone: &str, at: chrono::DateTime<chrono::Utc>) -> Result<(Value, Lang), RenderError> {
        let locale = locale::parse_locale(locale).map_err(RenderError::Locale)?;
        let lang = Lang::for_locale(&locale);
        let data = json!({
            "view": {},
            "title": self.theme["brand"],
            "blocks": {},
            "actions": [],
            "theme": self.theme,
            "folio": {
                "locale": locale.to_string(),
                "lang": lang.tag(),
                "timezone": timezone,
                "at": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "font": fonts::font_stack(lang),
                "page": null,
                "notice": null,
            },
        });
        Ok((data, lang))
    }

    /// `fragment`, written by a template of `plugin`, made safe to show:
    /// its nesting checked, then cleaned by the sanitizer.
    fn clean(&self, plugin: &str, fragment: &str) -> Result<String, RenderError> {
        self.check_depth(plugin, fragment)?;
        Ok(self.sanitizer.clean(fragment))
    }

    /// [`Renderer::clean`] for an interactive document's own page, whose
    /// forms are kept.
    fn clean_page(&self, plugin: &str, fragment: &str) -> Result<String, RenderError> {
        self.check_depth(plugin, fragment)?;
        Ok(self.page_sanitizer.clean(fragment))
    }

    /// Refuses HTML nested deeper than the limit, before any parser or
    /// layout engine walks it.
    fn check_depth(&self, plugin: &str, html: &str) -> Result<(), RenderError> {
        let max = self.limits.max_html_depth;
        if html_depth(html, max) > max {
            return Err(RenderError::Limit { plugin: plugin.to_string(), limit: Limit::HtmlDepth { max } });
        }
        Ok(())
    }

    /// What a document of `template` shows when no plan can be had (the
    /// plugin failed, the customer's profile is gone): the bundle's
    /// `templates/<template>.fallback.hbs` as an HTML page, or
    /// `templates/<template>.fallback.svg.hbs` as PNG, rendered with the
    /// theme, the strings and the `folio` values but no view model.
    /// `Ok(None)` when the bundle has no fallback for `format`.
    pub fn fallback(
        &self,
        bundle: &Bundle,
        template: &str,
        locale: &str,
        at: chrono::DateTime<chrono::Utc>,
        format: Format,
    ) -> Result<Option<Document>, RenderError> {
        let set = self.templates(bundle)?;
        let plugin = bundle.manifest().plugin.name.as_str();
        let name = match format {
            Format::Png => format!("{template}.fallback.svg"),
            _ => format!("{template}.fallback"),
        };
        if !set.has(&name) {
            return Ok(None);
        }
        let scope = limits::Scope::enter(self.limits);
        let limited = |e: RenderError| match scope.hit() {
            Some(limit) => RenderError::Limit { plugin: plugin.to_string(), limit },
            None => e,
        };
        let (mut data, lang) = self.frame_data(locale, "UTC", at)?;
        let rendered = self.render_template(&set.registry, &name, &data).map_err(limited)?;
        let bytes = match format {
            Format::Png => png::draw(self, plugin, &rendered, &name, lang)?,
            Format::Html => html::page(self, &set, plugin, &mut data, &rendered).map_err(limited)?,
            other => return Err(RenderError::Output(format!("templates have no fallback in {}", other.name()))),
        };
        Ok(Some(Document { format, bytes, file_name: format!("{template}.{}", format.extension()), freshness_seconds: 0 }))
    }

    fn image_fonts(&self) -> Result<&png::ImageFonts, RenderError> {
        self.image_fonts
            .get_or_init(|| self.font_files().map(|files| png::ImageFonts::from_files(files, self.glyph_cache)))
            .as_ref()
            .map_err(|e| RenderError::Output(e.clone()))
    }
}

/// A `Write` that refuses to grow past a limit.
struct Capped {
    bytes: Vec<u8>,
    max: usize,
    over: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.max {
            self.over = true;
            return Err(std::io::Error::other(format!("the template wrote more than {} bytes", self.max)));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Renderer {
    /// Renders one template, at most `max_output_bytes` of it, turning
    /// handlebars' error into one line that names the template, line and
    /// column, and what went wrong.
    fn render_template(&self, registry: &handlebars::Handlebars<'static>, name: &str, data: &Value) -> Result<String, RenderError> {
        let max = self.limits.max_output_bytes;
        let mut out = Capped { bytes: Vec::with_capacity(16 << 10), max, over: false };
        let context = handlebars::Context::wraps(data).map_err(|e| RenderError::Output(e.to_string()))?;
        let result = registry.render_with_context_to_write(name, &context, &mut out);
        if let Err(e) = result {
            if out.over {
                limits::record(Limit::Output { max });
            }
            return Err(template_error(name, &e));
        }
        String::from_utf8(out.bytes).map_err(|e| RenderError::Output(format!("template `{name}` wrote text that is not UTF-8: {e}")))
    }
}

/// Handlebars' error as one line naming the template, line and column.
fn template_error(name: &str, e: &handlebars::RenderError) -> RenderError {
    let template = e.template_name.clone().unwrap_or_else(|| name.to_string());
    let at = match (e.line_no, e.column_no) {
        (Some(line), Some(column)) => format!(" line {line}, column {column}"),
        _ => String::new(),
    };
    let what = match e.reason() {
        handlebars::RenderErrorReason::MissingVariable(Some(path)) => {
            format!("variable `{path}` is missing from the render data (templates run in strict mode)")
        }
        reason => reason.to_string(),
    };
    RenderError::Template(format!("template `{template}`{at}: {what}"))
}
