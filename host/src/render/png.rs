//! PNG: one content block drawn as an image, for email bodies.
//!
//! Mail clients run no code, so the personalised part of an email that is
//! rendered at open time arrives as an image. A block supports this by
//! having an SVG variant beside its HTML one
//! (`templates/blocks/<slot>/<variant>.svg.hbs`). The template renders in
//! the same strict, escaping handlebars as HTML, so customer data is XML
//! text, never markup; resvg then draws it with the fonts PDFs use (CJK
//! included) and nothing else: no system fonts, no external images, no
//! files. The same SVG always gives the same PNG bytes. Filters are costed
//! before they are drawn (`filter_cost`): one `feMorphology` with a large
//! radius over a large canvas is billions of operations.

use super::glyphs::{self, GlyphCache};
use super::limits::Limit;
use super::{Draft, Lang, RenderError, Renderer};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, ImageHrefResolver, fontdb};
use std::sync::Arc;

/// Device pixels per SVG pixel. Images are drawn at twice their declared
/// size so they stay sharp on high-density screens; an email shows them at
/// the SVG's own width (`<img width="…">`).
pub const SCALE: f32 = 2.0;

/// The largest width or height an SVG may declare, in SVG pixels. A
/// template declaring more is refused instead of allocating a huge canvas.
pub const MAX_SIDE: f32 = 2000.0;

/// The host's fonts as resvg sees them, loaded once, with the glyphs
/// already drawn from them.
pub struct ImageFonts {
    db: Arc<fontdb::Database>,
    glyphs: Option<GlyphCache>,
}

impl ImageFonts {
    /// The host's font files (see `fonts.rs`), with a cache of drawn
    /// glyphs when `glyph_cache` is set: the faces documents use, each
    /// sharing its file's mapping.
    pub fn from_files(files: &super::fonts::FontFiles, glyph_cache: bool) -> Self {
        let mut db = fontdb::Database::new();
        for file in files {
            let bytes: Arc<dyn AsRef<[u8]> + Send + Sync> = file.bytes.clone();
            for id in db.load_font_source(fontdb::Source::Binary(bytes)) {
                if db.face(id).is_some_and(|face| !file.faces.contains(&face.index)) {
                    db.remove_face(id);
                }
            }
        }
        db.set_sans_serif_family("Noto Sans");
        let db = Arc::new(db);
        ImageFonts { glyphs: glyph_cache.then(|| GlyphCache::new(db.clone())), db }
    }

    /// Reads the font files and loads them (tests).
    #[cfg(test)]
    pub(super) fn load(glyph_cache: bool) -> Result<Self, String> {
        Ok(Self::from_files(&super::fonts::read("PNG output")?, glyph_cache))
    }

    /// The font database text is laid out with.
    #[cfg(test)]
    pub(super) fn db(&self) -> &Arc<fontdb::Database> {
        &self.db
    }
}

/// The first block the plan chose that has an SVG variant, drawn as PNG.
pub(super) fn render(draft: &mut Draft<'_>) -> Result<Vec<u8>, RenderError> {
    let plan = draft.plan;
    let Some(template) = draft.set.image_block(plan) else {
        let candidates: Vec<String> = plan.blocks.iter().map(|b| format!("{}/{}", b.slot, b.variant)).collect();
        return Err(RenderError::NoImage {
            plugin: draft.plugin.to_string(),
            candidates: if candidates.is_empty() { "it chose none".into() } else { candidates.join(", ") },
        });
    };
    let svg = draft.renderer.render_template(&draft.set.registry, &template, &draft.data)?;
    draw(draft.renderer, draft.plugin, &svg, &template, draft.lang)
}

/// Draws `svg` (from `template` of `plugin`) as PNG, within the filter-cost limit.
pub(super) fn draw(renderer: &Renderer, plugin: &str, svg: &str, template: &str, lang: Lang) -> Result<Vec<u8>, RenderError> {
    let fonts = renderer.image_fonts()?;
    draw_svg(svg, template, fonts, lang, renderer.limits.max_filter_cost).map_err(|e| match e {
        ImageError::Limit(limit) => RenderError::Limit { plugin: plugin.to_string(), limit },
        ImageError::Other(message) => RenderError::Output(message),
    })
}

/// Why an image could not be drawn.
#[derive(Debug)]
pub enum ImageError {
    /// The SVG breaks a render limit.
    Limit(Limit),
    /// Anything else, named.
    Other(String),
}

impl From<String> for ImageError {
    fn from(message: String) -> Self {
        ImageError::Other(message)
    }
}

/// Draws `svg` (rendered from template `template`, for error messages) as
/// PNG bytes, for a document in `lang`, if its filters cost at most
/// `max_filter_cost` pixel operations.
pub fn draw_svg(svg: &str, template: &str, fonts: &ImageFonts, lang: Lang, max_filter_cost: f64) -> Result<Vec<u8>, ImageError> {
    let options = usvg::Options {
        resources_dir: None,
        font_family: "Noto Sans".to_string(),
        languages: vec![lang.tag().to_string()],
        // Nothing outside the SVG is ever read: no files, no data URLs.
        image_href_resolver: ImageHrefResolver { resolve_data: Box::new(|_, _, _| None), resolve_string: Box::new(|_, _| None) },
        font_resolver: usvg::FontResolver { select_font: usvg::FontResolver::default_font_selector(), select_fallback: cjk_fallback(lang) },
        fontdb: fonts.db.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("template `{template}` does not render valid SVG: {e}"))?;
    let size = tree.size();
    if size.width() > MAX_SIDE || size.height() > MAX_SIDE {
        return Err(ImageError::Other(format!(
            "template `{template}` declares a {}×{} image; at most {MAX_SIDE}×{MAX_SIDE} SVG pixels are drawn",
            size.width(),
            size.height()
        )));
    }
    let (width, height) = ((size.width() * SCALE).ceil() as u32, (size.height() * SCALE).ceil() as u32);
    let cost = filter_cost(tree.root(), width as f32, height as f32);
    if cost > max_filter_cost {
        return Err(ImageError::Limit(Limit::FilterCost { cost, max: max_filter_cost }));
    }
    let mut pixmap =
        Pixmap::new(width.max(1), height.max(1)).ok_or_else(|| format!("template `{template}`: cannot draw a {width}×{height} image"))?;
    glyphs::draw(&tree, Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut(), fonts.glyphs.as_ref());
    Ok(encode(pixmap).map_err(|e| format!("template `{template}`: could not encode the PNG: {e}"))?)
}

/// An estimate of the pixel operations drawing every filter under `group`
/// takes, on a canvas of `width` × `height` device pixels: for each
/// filtered group, the pixels of its filter region (on the canvas) times
/// each primitive's work per pixel. Morphology and convolution cost their
/// kernel's area; the rest a small constant.
fn filter_cost(group: &usvg::Group, width: f32, height: f32) -> f64 {
    use usvg::filter::Kind;
    let mut cost = 0.0;
    if !group.filters().is_empty() {
        let ts = group.abs_transform().post_scale(SCALE, SCALE);
        let scale = f64::from((ts.sx * ts.sx + ts.ky * ts.ky).sqrt().max((ts.kx * ts.kx + ts.sy * ts.sy).sqrt()));
        let pixels = group
            .filters_bounding_box()
            .and_then(|r| r.transform(ts))
            .map(|r| {
                let w = (r.right().min(width) - r.left().max(0.0)).max(0.0);
                let h = (r.bottom().min(height) - r.top().max(0.0)).max(0.0);
                f64::from(w) * f64::from(h)
            })
            .unwrap_or(f64::from(width) * f64::from(height));
        for filter in group.filters() {
            for primitive in filter.primitives() {
                let per_pixel = match primitive.kind() {
                    Kind::Morphology(m) => {
                        (2.0 * f64::from(m.radius_x().get()) * scale + 1.0) * (2.0 * f64::from(m.radius_y().get()) * scale + 1.0)
                    }
                    Kind::ConvolveMatrix(c) => f64::from(c.matrix().columns()) * f64::from(c.matrix().rows()),
                    Kind::Turbulence(t) => 16.0 * f64::from(t.num_octaves().max(1)),
                    Kind::DiffuseLighting(_) | Kind::SpecularLighting(_) => 32.0,
                    Kind::GaussianBlur(_) | Kind::DropShadow(_) => 16.0,
                    _ => 2.0,
                };
                cost += pixels * per_pixel;
            }
        }
    }
    for node in group.children() {
        if let usvg::Node::Group(child) = node {
            cost += filter_cost(child, width, height);
        }
    }
    cost
}

/// PNG bytes of `pixmap`. png's default (balanced deflate, adaptive
/// filters) spent most of an image's time compressing; `Fast` (fdeflate)
/// with the Paeth filter trades a larger file for far less time (the
/// figures are in docs/benchmarks.md, "PNG: the open-time image").
fn encode(pixmap: Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let rgba = demultiply(pixmap.take());
    let mut bytes = Vec::with_capacity(rgba.len() / 8);
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(FILTER);
    encoder.write_header()?.write_image_data(&rgba)?;
    Ok(bytes)
}

const FILTER: png::Filter = png::Filter::Paeth;

/// Straight-alpha RGBA from tiny-skia's premultiplied pixels, with the
/// same rounding as `Pixmap::take_demultiplied`. Images are mostly opaque,
/// so runs of four opaque pixels are checked at once and left as they are;
/// that took a sixth of an image's time pixel by pixel.
fn demultiply(mut rgba: Vec<u8>) -> Vec<u8> {
    const ALPHAS: u128 = u128::from_ne_bytes([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
    let mut fours = rgba.chunks_exact_mut(16);
    for four in &mut fours {
        let word = u128::from_ne_bytes(std::array::from_fn(|i| four[i]));
        if word & ALPHAS != ALPHAS {
            four.chunks_exact_mut(4).for_each(demultiply_pixel);
        }
    }
    fours.into_remainder().chunks_exact_mut(4).for_each(demultiply_pixel);
    rgba
}

fn demultiply_pixel(pixel: &mut [u8]) {
    let alpha = pixel[3];
    if alpha != 255 && alpha != 0 {
        let a = alpha as f64 / 255.0;
        for channel in &mut pixel[..3] {
            *channel = (*channel as f64 / a + 0.5) as u8;
        }
    }
}

/// Characters the chosen font lacks (Chinese, in a Noto Sans run) are
/// drawn with the Noto Sans CJK face for the document's language, in the
/// same weight: Traditional Chinese glyphs for zh-TW, Simplified for the
/// rest. (resvg's own fallback takes the first face with the glyph, the
/// Japanese one.)
fn cjk_fallback(lang: Lang) -> usvg::FallbackSelectionFn<'static> {
    let families: [&'static str; 2] = match lang {
        Lang::ZhTw => ["Noto Sans CJK TC", "Noto Sans CJK SC"],
        _ => ["Noto Sans CJK SC", "Noto Sans CJK TC"],
    };
    let others = usvg::FontResolver::default_fallback_selector();
    Box::new(move |c, used, db| {
        let base = db.face(*used.first()?)?;
        let (weight, style, stretch) = (base.weight, base.style, base.stretch);
        // A face tried already is in `used`: resvg asks again, with it
        // added, for characters it still lacks, so the next face gets a turn.
        let preferred = families.iter().find_map(|family| {
            let query = fontdb::Query { families: &[fontdb::Family::Name(family)], weight, style, stretch };
            db.query(&query).filter(|id| !used.contains(id))
        });
        preferred.or_else(|| others(c, used, db))
    })
}

/// A transparent one-pixel PNG.
pub fn blank() -> Vec<u8> {
    Pixmap::new(1, 1).and_then(|p| encode(p).ok()).unwrap_or_default()
}

/// The text an SVG draws, chunk by chunk, in document order.
#[cfg(test)]
fn drawn_text(svg: &str, fonts: &ImageFonts) -> Vec<String> {
    fn walk(group: &usvg::Group, out: &mut Vec<String>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, out),
                usvg::Node::Text(t) => out.extend(t.chunks().iter().map(|c| c.text().to_string())),
                _ => {}
            }
        }
    }
    let options = usvg::Options { fontdb: fonts.db.clone(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).unwrap();
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> ImageFonts {
        ImageFonts::load(true).expect("the fonts `make setup` installs")
    }

    fn png_size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
        (be(16), be(20))
    }

    const CARD: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80">
<rect width="300" height="80" fill="#fff"/><text x="10" y="40" font-family="Noto Sans" font-size="16">NAME</text></svg>"##;

    #[test]
    fn draws_at_twice_the_declared_size_and_the_same_svg_gives_the_same_bytes() {
        let fonts = fonts();
        let svg = CARD.replace("NAME", "Harbor &amp; Pine 海港");
        let png = draw(&svg, &fonts, Lang::En).unwrap();
        assert_eq!(png_size(&png), (600, 160));
        assert_eq!(png, draw(&svg, &fonts, Lang::En).unwrap());
        let other = draw(&CARD.replace("NAME", "Someone else"), &fonts, Lang::En).unwrap();
        assert_ne!(png, other, "different text draws different pixels");
    }

    #[test]
    fn chinese_is_drawn_with_the_face_for_the_documents_language() {
        // 直 and 骨 are drawn differently in Traditional and Simplified Chinese.
        let fonts = fonts();
        let svg = CARD.replace("NAME", "直骨 Pine");
        let (tw, cn) = (draw(&svg, &fonts, Lang::ZhTw).unwrap(), draw(&svg, &fonts, Lang::ZhCn).unwrap());
        assert_ne!(tw, cn);
        assert_eq!(cn, draw(&svg, &fonts, Lang::Ms).unwrap(), "other languages use the Simplified face");
    }

    #[test]
    fn escaped_markup_is_drawn_as_text() {
        // What handlebars makes of a customer called `</text><image href="x"/><text>`.
        let escaped = "&lt;/text&gt;&lt;image href&#x3D;&quot;x&quot;/&gt;&lt;text&gt;";
        let text = drawn_text(&CARD.replace("NAME", escaped), &fonts());
        assert_eq!(text, vec![r#"</text><image href="x"/><text>"#.to_string()]);
    }

    #[test]
    fn demultiplies_as_tiny_skia_does() {
        // 7 pixels: not a whole number of the four-pixel runs.
        let mut pixmap = Pixmap::new(7, 1).unwrap();
        let premultiplied =
            [[255, 255, 255, 255], [10, 20, 30, 40], [0, 0, 0, 0], [1, 2, 3, 3], [128, 64, 0, 128], [9, 9, 9, 255], [0, 0, 200, 201]];
        for (pixel, rgba) in pixmap.data_mut().chunks_exact_mut(4).zip(premultiplied) {
            pixel.copy_from_slice(&rgba);
        }
        assert_eq!(demultiply(pixmap.data().to_vec()), pixmap.clone().take_demultiplied());
        let mut opaque = Pixmap::new(5, 3).unwrap();
        opaque.fill(resvg::tiny_skia::Color::from_rgba8(200, 100, 50, 255));
        assert_eq!(demultiply(opaque.data().to_vec()), opaque.clone().take_demultiplied());
    }

    fn draw(svg: &str, fonts: &ImageFonts, lang: Lang) -> Result<Vec<u8>, String> {
        draw_svg(svg, "blocks/status/due.svg", fonts, lang, 400e6).map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn bad_svg_oversized_images_and_external_references_are_handled() {
        let fonts = fonts();
        let err = draw("<svg", &fonts, Lang::En).unwrap_err();
        assert!(err.contains("template `blocks/status/due.svg` does not render valid SVG"), "{err}");
        let huge = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"/>"#;
        let err = draw(huge, &fonts, Lang::En).unwrap_err();
        assert!(err.contains("declares a 100000×100000 image"), "{err}");
        // A file reference is not read: the image draws as if it were absent.
        let with_file = CARD.replace("</svg>", r#"<image href="/etc/passwd" width="10" height="10"/></svg>"#).replace("NAME", "x");
        assert_eq!(draw(&with_file, &fonts, Lang::En).unwrap(), draw(&CARD.replace("NAME", "x"), &fonts, Lang::En).unwrap());
    }

    #[test]
    fn costly_filters_are_refused_before_drawing() {
        let fonts = fonts();
        let morph = |radius: u32| {
            format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000"><filter id="f"><feMorphology operator="dilate" radius="{radius}"/></filter><rect width="1000" height="1000" fill="#09c" filter="url(#f)"/></svg>"##
            )
        };
        let started = std::time::Instant::now();
        let err = draw_svg(&morph(500), "t", &fonts, Lang::En, 400e6).unwrap_err();
        assert!(matches!(err, ImageError::Limit(Limit::FilterCost { .. })), "{err:?}");
        assert!(started.elapsed() < std::time::Duration::from_secs(1), "refused before drawing");
        assert!(draw(&morph(0), &fonts, Lang::En).is_ok(), "a cheap filter draws");
    }
}
