//! What a bundle's templates may do in one render, checked before the
//! expensive work: nesting of block helpers (when the templates compile),
//! partials that include themselves, directly or through others (when they
//! compile, for literal names, and while rendering, for computed ones),
//! items `{{#each}}` visits, the size of what a template writes, and the
//! nesting of the HTML handed to layout.
//!
//! Handlebars has no such limits, so each compiled template is rewritten:
//! every partial inclusion and every block helper is wrapped in the
//! `folio-guard` helper, which counts the render's nesting and iterations
//! (kept per thread: a render runs on one thread) and fails the render,
//! naming the limit, before the stack or the CPU budget runs out.

use handlebars::template::{ExpressionSpecBuilder, HelperTemplate, Parameter, Template, TemplateElement};
use handlebars::{Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderErrorReason, Renderable};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};

/// What one render may do. Each has its own [`Limit`] when passed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RenderLimits {
    /// Block helpers (`{{#each}}`, `{{#if}}`, ...) nested in one template.
    pub max_block_depth: usize,
    /// Partials nested in partials while rendering.
    pub max_include_depth: usize,
    /// Items every `{{#each}}` of one render visits, together.
    pub max_iterations: u64,
    /// Bytes one template may write.
    pub max_output_bytes: usize,
    /// Elements nested in the HTML a document is laid out from.
    pub max_html_depth: usize,
    /// Estimated work of an image's SVG filters, in pixel operations.
    pub max_filter_cost: f64,
}

impl Default for RenderLimits {
    fn default() -> Self {
        RenderLimits {
            max_block_depth: 32,
            max_include_depth: 16,
            max_iterations: 200_000,
            max_output_bytes: 8 << 20,
            max_html_depth: 128,
            max_filter_cost: 400e6,
        }
    }
}

/// A limit a render ran into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum Limit {
    #[error("template `{template}` nests block helpers {depth} deep; at most {max} are allowed")]
    BlockDepth { template: String, depth: usize, max: usize },
    #[error("templates include each other in a loop: {cycle}; a partial may not include itself, directly or through others")]
    PartialCycle { cycle: String },
    #[error("partials nested more than {max} deep (a template that includes itself through a computed name?)")]
    IncludeDepth { max: usize },
    #[error("`{{{{#each}}}}` visited more than {max} items in one render")]
    Iterations { max: u64 },
    #[error("a template wrote more than {max} bytes")]
    Output { max: usize },
    #[error("the HTML nests elements more than {max} deep")]
    HtmlDepth { max: usize },
    #[error("the image's SVG filters would take about {cost:.0} pixel operations; at most {max:.0} are allowed (smaller regions or radii)")]
    FilterCost { cost: f64, max: f64 },
}

/// The helper every partial and block helper is wrapped in.
pub(super) const GUARD: &str = "folio-guard";

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static INCLUDES: Cell<usize> = const { Cell::new(0) };
    static ITERATIONS: Cell<u64> = const { Cell::new(0) };
    static SCOPES: Cell<usize> = const { Cell::new(0) };
    static LIMITS: Cell<RenderLimits> = Cell::new(RenderLimits::default());
    static HIT: Cell<Option<Limit>> = const { Cell::new(None) };
}

/// The counters of one render, from when it is entered to when it is
/// dropped. Nested scopes share the outermost one's counters.
pub(super) struct Scope(());

impl Scope {
    pub(super) fn enter(limits: RenderLimits) -> Scope {
        if SCOPES.with(|s| s.replace(s.get() + 1)) == 0 {
            DEPTH.with(|c| c.set(0));
            INCLUDES.with(|c| c.set(0));
            ITERATIONS.with(|c| c.set(0));
            LIMITS.with(|c| c.set(limits));
            HIT.with(|c| c.set(None));
        }
        Scope(())
    }

    /// The limit this render ran into, if any (taken: asked once).
    pub(super) fn hit(&self) -> Option<Limit> {
        HIT.with(|c| c.take())
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        SCOPES.with(|s| s.set(s.get().saturating_sub(1)));
    }
}

/// Records that the render in progress ran into `limit`; the render's
/// [`Scope`] reports it in place of the template error it causes.
pub(super) fn record(limit: Limit) {
    HIT.with(|c| c.set(Some(limit)));
}

fn fail(limit: Limit) -> handlebars::RenderError {
    let message = limit.to_string();
    record(limit);
    RenderErrorReason::Other(message).into()
}

/// `folio-guard "include" | "block" | "each" [collection]`: counts, then
/// renders what it wraps.
pub(super) struct Guard;

impl HelperDef for Guard {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let limits = LIMITS.with(Cell::get);
        let what = h.param(0).and_then(|p| p.value().as_str()).unwrap_or("block");
        if what == "include" {
            let includes = INCLUDES.with(|c| c.get()) + 1;
            if includes > limits.max_include_depth {
                return Err(fail(Limit::IncludeDepth { max: limits.max_include_depth }));
            }
            INCLUDES.with(|c| c.set(includes));
        }
        if what == "each" {
            let items = match h.param(1).map(|p| p.value()) {
                Some(Value::Array(a)) => a.len() as u64,
                Some(Value::Object(o)) => o.len() as u64,
                _ => 0,
            };
            let total = ITERATIONS.with(|c| c.get()).saturating_add(items);
            if total > limits.max_iterations {
                return Err(fail(Limit::Iterations { max: limits.max_iterations }));
            }
            ITERATIONS.with(|c| c.set(total));
        }
        // Blocks nest within a template (checked when it compiles) and
        // through partials; this bounds the stack whatever the path.
        let depth = DEPTH.with(|c| c.get()) + 1;
        let max_depth = limits.max_block_depth.saturating_add(limits.max_include_depth).saturating_mul(2);
        if depth > max_depth {
            return Err(fail(Limit::IncludeDepth { max: limits.max_include_depth }));
        }
        DEPTH.with(|c| c.set(depth));
        let result = match h.template() {
            Some(t) => t.render(r, ctx, rc, out),
            None => Ok(()),
        };
        DEPTH.with(|c| c.set(depth - 1));
        if what == "include" {
            INCLUDES.with(|c| c.set(c.get().saturating_sub(1)));
        }
        result
    }
}

/// What a template's partial inclusions name.
#[derive(Debug, Default)]
pub(super) struct Includes {
    /// Literal names.
    pub(super) named: BTreeSet<String>,
}

/// Wraps every partial and block helper of `template` in the guard, and
/// returns the partials it names. Fails if block helpers nest deeper than
/// `max_block_depth`.
pub(super) fn guard(name: &str, template: &mut Template, max_block_depth: usize) -> Result<Includes, Limit> {
    let mut includes = Includes::default();
    let deepest = wrap(&mut template.elements, 0, &mut includes)?;
    if deepest > max_block_depth {
        return Err(Limit::BlockDepth { template: name.to_string(), depth: deepest, max: max_block_depth });
    }
    Ok(includes)
}

/// Wraps in place; returns the deepest block nesting below `depth`.
fn wrap(elements: &mut [TemplateElement], depth: usize, includes: &mut Includes) -> Result<usize, Limit> {
    let mut deepest = depth;
    for element in elements.iter_mut() {
        match element {
            TemplateElement::HelperBlock(helper) => {
                let inner = depth + 1;
                for t in [&mut helper.template, &mut helper.inverse].into_iter().flatten() {
                    deepest = deepest.max(wrap(&mut t.elements, inner, includes)?);
                }
                deepest = deepest.max(inner);
                let collection = (helper.name.as_name() == Some("each")).then(|| helper.params.first().cloned()).flatten();
                let kind = if collection.is_some() { "each" } else { "block" };
                let original = std::mem::replace(element, TemplateElement::RawString(String::new()));
                *element = guarded(kind, collection, original);
            }
            TemplateElement::PartialExpression(partial) | TemplateElement::PartialBlock(partial) => {
                if let Some(t) = partial.template.as_mut() {
                    deepest = deepest.max(wrap(&mut t.elements, depth + 1, includes)?);
                }
                if let Parameter::Name(name) = &partial.name {
                    includes.named.insert(name.clone());
                }
                let original = std::mem::replace(element, TemplateElement::RawString(String::new()));
                *element = guarded("include", None, original);
            }
            TemplateElement::DecoratorBlock(decorator) => {
                if let Some(t) = decorator.template.as_mut() {
                    deepest = deepest.max(wrap(&mut t.elements, depth + 1, includes)?);
                }
            }
            _ => {}
        }
    }
    Ok(deepest)
}

/// `{{#folio-guard "<kind>" [collection]}}<original>{{/folio-guard}}`.
fn guarded(kind: &str, collection: Option<Parameter>, original: TemplateElement) -> TemplateElement {
    let mut params = vec![Parameter::Literal(Value::String(kind.to_string()))];
    params.extend(collection);
    let spec = ExpressionSpecBuilder::default()
        .name(Parameter::Name(GUARD.to_string()))
        .params(params)
        .hash(Default::default())
        .omit_pre_ws(false)
        .omit_pro_ws(false)
        .build();
    let Ok(spec) = spec else { return original };
    let mut helper = HelperTemplate::new(spec, true, false);
    let mut inner = Template::new();
    inner.elements.push(original);
    helper.template = Some(inner);
    TemplateElement::HelperBlock(Box::new(helper))
}

/// Finds a loop among literal partial inclusions (`a` includes `b`, which
/// includes `a`) in `graph` (template → the templates it includes), and
/// describes it (`a → b → a`).
pub(super) fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    // Iterative depth-first search, so a long chain cannot overflow the stack.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: BTreeMap<&str, Mark> = BTreeMap::new();
    for start in graph.keys() {
        if marks.contains_key(start.as_str()) {
            continue;
        }
        let mut path: Vec<&str> = vec![start];
        let mut stack: Vec<std::collections::btree_set::Iter<'_, String>> = vec![graph[start].iter()];
        marks.insert(start, Mark::Open);
        while let Some(edges) = stack.last_mut() {
            match edges.next() {
                Some(next) if next.as_str() == *path.last().unwrap_or(&"") => {
                    // Handlebars refuses a template that includes itself directly.
                }
                Some(next) => match marks.get(next.as_str()) {
                    Some(Mark::Open) => {
                        let from = path.iter().position(|p| *p == next.as_str()).unwrap_or(0);
                        let mut cycle: Vec<&str> = path[from..].to_vec();
                        cycle.push(next);
                        return Some(cycle.join(" → "));
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(next, Mark::Open);
                        path.push(next);
                        stack.push(graph.get(next).map(|s| s.iter()).unwrap_or_default());
                    }
                },
                None => {
                    stack.pop();
                    if let Some(done) = path.pop() {
                        marks.insert(done, Mark::Done);
                    }
                }
            }
        }
    }
    None
}

/// How deeply elements nest in `html`, read as a browser's parser would
/// nest them closely enough to bound it: every start tag that is not void
/// or self-closed opens a level, and an end tag closes up to the nearest
/// open element of its name (end tags of elements that are not open are
/// ignored, as parsers ignore them). Stops counting once past `max`.
pub fn html_depth(html: &str, max: usize) -> usize {
    const VOID: [&str; 14] =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
    const RAW: [&str; 5] = ["script", "style", "textarea", "title", "xmp"];
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut deepest = 0;
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        let rest = &html[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with('!') || rest.starts_with('?') {
            i += rest.find('>').map_or(rest.len(), |e| e + 1);
            continue;
        }
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name: String = rest[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() {
            continue;
        }
        let end = tag_end(rest);
        let self_closed = end > 0 && rest.as_bytes().get(end - 1) == Some(&b'/');
        i += end.min(rest.len()).max(1);
        if closing {
            if let Some(at) = open.iter().rposition(|n| *n == name) {
                open.truncate(at);
            }
            continue;
        }
        if VOID.contains(&name.as_str()) || self_closed {
            continue;
        }
        if RAW.contains(&name.as_str()) {
            i += raw_text_end(&html[i..], &name);
            continue;
        }
        open.push(name);
        deepest = deepest.max(open.len());
        if deepest > max {
            return deepest;
        }
    }
    deepest
}

/// Where the raw text of element `name` (script, style, ...) ends: at
/// its end tag, matched without regard to case.
fn raw_text_end(rest: &str, name: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(at) = rest[from..].find("</") {
        let start = from + at + 2;
        if bytes.get(start..start + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes())) {
            return from + at;
        }
        from = start;
    }
    rest.len()
}

/// The index of the `>` that ends the tag `rest` starts with, skipping
/// quoted attribute values; the end of `rest` if there is none.
fn tag_end(rest: &str) -> usize {
    let mut quote = None;
    for (i, b) in rest.bytes().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i,
            _ => {}
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_depth_follows_open_elements() {
        assert_eq!(html_depth("<div><p>a</p><p>b<br></p></div>", 100), 2);
        assert_eq!(html_depth("<div><img src=x><hr/><span/></div>", 100), 1);
        // End tags of elements that are not open do not lower the count.
        assert_eq!(html_depth(&"<div></span>".repeat(50), 100), 50);
        assert_eq!(html_depth(&"<div>".repeat(100_000), 128), 129, "stops counting past the limit");
        assert_eq!(html_depth(r#"<a title="x>y"><b>z</b></a>"#, 100), 2);
        assert_eq!(html_depth("<!-- <div><div> --><style><div><div></style><p>", 100), 1);
    }

    #[test]
    fn cycles_are_found_and_named() {
        let graph = |edges: &[(&str, &str)]| {
            let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for (a, b) in edges {
                g.entry(a.to_string()).or_default().insert(b.to_string());
                g.entry(b.to_string()).or_default();
            }
            g
        };
        assert_eq!(find_cycle(&graph(&[("a", "b"), ("b", "c")])), None);
        assert_eq!(find_cycle(&graph(&[("a", "b"), ("b", "a")])).as_deref(), Some("a → b → a"));
        assert_eq!(find_cycle(&graph(&[("x", "a"), ("a", "b"), ("b", "c"), ("c", "a")])).as_deref(), Some("a → b → c → a"));
        let long: Vec<(String, String)> = (0..100_000).map(|i| (format!("t{i}"), format!("t{}", i + 1))).collect();
        let edges: Vec<(&str, &str)> = long.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(find_cycle(&graph(&edges)), None, "a long chain is no loop, and no stack overflow");
    }
}
