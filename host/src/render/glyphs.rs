//! Drawing an image's text from a cache of rasterised glyphs.
//!
//! resvg draws text by turning each span into one path and filling it,
//! every time. For the open-time images that was most of the cost of an
//! image (docs/benchmarks.md): the same few hundred glyphs, at the same few
//! sizes, were rasterised again for every open.
//!
//! [`draw`] walks the SVG tree itself. Plain text (a solid fill, no stroke,
//! no decoration, upright, from an ordinary outline font) is drawn glyph by
//! glyph from a [`GlyphCache`] of coverage masks, each rasterised once by
//! tiny-skia, the rasteriser resvg uses, at a quarter-pixel horizontal and
//! vertical offset. Everything else (shapes, images, isolated groups, and
//! text this module does not handle) is drawn by resvg, in document order.
//! The cache's contents never change what is drawn, only how quickly: a
//! glyph drawn from the cache and one rasterised afresh are the same bytes.

use resvg::tiny_skia::{self, FillRule, Mask, PixmapMut, Transform};
use resvg::usvg::{self, fontdb};
use skrifa::MetadataProvider;
use skrifa::raw::TableProvider;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Glyphs are placed at this fraction of a device pixel.
const SUBPIXELS: f32 = 4.0;

/// The bytes of coverage masks the cache keeps before starting afresh.
/// Latin and the Chinese of a few documents fit many times over.
const BUDGET: usize = 16 << 20;

/// Rasterised glyphs shared by every image a renderer draws, from the one
/// font database they are all laid out with.
pub struct GlyphCache {
    db: Arc<fontdb::Database>,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    masks: HashMap<Key, Arc<GlyphMask>>,
    bytes: usize,
    /// Whether a face is drawn here: outlines only, no colour, bitmap or
    /// SVG glyphs and no variation axes (which resvg would apply).
    plain_faces: HashMap<fontdb::ID, bool>,
}

/// One glyph at one size and sub-pixel offset.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    face: fontdb::ID,
    glyph: u32,
    scale_x: u32,
    scale_y: u32,
    offset_x: u8,
    offset_y: u8,
    even_odd: bool,
    anti_alias: bool,
}

/// A glyph's coverage, placed relative to the pixel its origin falls in.
struct GlyphMask {
    left: i32,
    top: i32,
    width: usize,
    coverage: Vec<u8>,
}

impl GlyphCache {
    /// An empty cache for glyphs of the faces in `db`.
    pub fn new(db: Arc<fontdb::Database>) -> Self {
        GlyphCache { db, inner: Mutex::new(Inner::default()) }
    }

    /// How many glyphs are cached (for tests).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().masks.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves only a cache behind; its
        // entries are complete, so carry on with it.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn is_plain(&self, face: fontdb::ID) -> bool {
        if let Some(&plain) = self.lock().plain_faces.get(&face) {
            return plain;
        }
        let plain = self
            .db
            .with_face_data(face, |data, index| {
                let font = skrifa::FontRef::from_index(data, index).ok()?;
                let special = [b"COLR", b"SVG ", b"CBDT", b"sbix", b"EBDT"];
                let has_special = special.iter().any(|tag| font.table_data(skrifa::Tag::new(tag)).is_some());
                Some(!has_special && font.axes().is_empty() && (font.glyf().is_ok() || font.cff().is_ok()))
            })
            .flatten()
            .unwrap_or(false);
        self.lock().plain_faces.insert(face, plain);
        plain
    }

    fn mask(&self, key: Key) -> Arc<GlyphMask> {
        if let Some(mask) = self.lock().masks.get(&key) {
            return mask.clone();
        }
        let mask = Arc::new(self.rasterise(key));
        let mut inner = self.lock();
        if inner.bytes + mask.coverage.len() > BUDGET {
            inner.masks.clear();
            inner.bytes = 0;
        }
        if inner.masks.insert(key, mask.clone()).is_none() {
            inner.bytes += mask.coverage.len();
        }
        mask
    }

    fn rasterise(&self, key: Key) -> GlyphMask {
        let empty = GlyphMask { left: 0, top: 0, width: 0, coverage: Vec::new() };
        let Some(outline) = self.db.with_face_data(key.face, |data, index| outline(data, index, key.glyph)).flatten() else {
            return empty;
        };
        let (sx, sy) = (f32::from_bits(key.scale_x), f32::from_bits(key.scale_y));
        let (dx, dy) = (key.offset_x as f32 / SUBPIXELS, key.offset_y as f32 / SUBPIXELS);
        let Some(path) = outline.transform(Transform::from_row(sx, 0.0, 0.0, sy, dx, dy)) else {
            return empty;
        };
        let bounds = path.bounds();
        // One pixel of margin each side for anti-aliasing.
        let (left, top) = (bounds.left().floor() as i32 - 1, bounds.top().floor() as i32 - 1);
        let (right, bottom) = (bounds.right().ceil() as i32 + 1, bounds.bottom().ceil() as i32 + 1);
        let Some(mut mask) = Mask::new((right - left) as u32, (bottom - top) as u32) else {
            return empty;
        };
        let rule = if key.even_odd { FillRule::EvenOdd } else { FillRule::Winding };
        mask.fill_path(&path, rule, key.anti_alias, Transform::from_translate(-left as f32, -top as f32));
        GlyphMask { left, top, width: mask.width() as usize, coverage: mask.take() }
    }
}

/// A glyph's outline in font units, as resvg reads it.
fn outline(data: &[u8], index: u32, glyph: u32) -> Option<tiny_skia::Path> {
    struct Pen(tiny_skia::PathBuilder);
    impl skrifa::outline::OutlinePen for Pen {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.move_to(x, y)
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.line_to(x, y)
        }
        fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
            self.0.quad_to(cx, cy, x, y)
        }
        fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
            self.0.cubic_to(cx0, cy0, cx1, cy1, x, y)
        }
        fn close(&mut self) {
            self.0.close()
        }
    }
    let font = skrifa::FontRef::from_index(data, index).ok()?;
    let glyph = font.outline_glyphs().get(skrifa::GlyphId::new(glyph))?;
    let mut pen = Pen(tiny_skia::PathBuilder::new());
    let settings = skrifa::outline::DrawSettings::unhinted(skrifa::prelude::Size::unscaled(), skrifa::prelude::LocationRef::default());
    glyph.draw(settings, &mut pen).ok()?;
    pen.0.finish()
}

/// Draws `tree` onto `pixmap` under `transform`, as `resvg::render` does,
/// taking plain text's glyphs from `cache` when there is one.
pub fn draw(tree: &usvg::Tree, transform: Transform, pixmap: &mut PixmapMut, cache: Option<&GlyphCache>) {
    // Faces are known by their id in the cache's database; a tree laid
    // out with another database is drawn by resvg alone.
    match cache.filter(|cache| Arc::ptr_eq(tree.fontdb(), &cache.db)) {
        Some(cache) => draw_group(tree.root(), transform, pixmap, cache),
        None => resvg::render(tree, transform, pixmap),
    }
}

fn draw_group(group: &usvg::Group, transform: Transform, pixmap: &mut PixmapMut, cache: &GlyphCache) {
    for node in group.children() {
        match node {
            usvg::Node::Group(inner) if !inner.should_isolate() => {
                draw_group(inner, transform.pre_concat(inner.transform()), pixmap, cache)
            }
            usvg::Node::Text(text) if draw_text(text, transform, pixmap, cache) => {}
            node => {
                // resvg::render_node places the node's layer box at the
                // origin; shifting back by it draws the node where
                // resvg::render would.
                if let Some(bbox) = node.abs_layer_bounding_box() {
                    resvg::render_node(node, transform.pre_translate(bbox.x(), bbox.y()), pixmap);
                }
            }
        }
    }
}

/// A glyph ready to composite: where, in what colour, with what coverage.
struct Placed {
    x: i32,
    y: i32,
    rgba: [u8; 4],
    key: Key,
}

/// Draws `text` from cached glyphs, or returns false, having drawn
/// nothing, when it uses something only resvg draws.
fn draw_text(text: &usvg::Text, transform: Transform, pixmap: &mut PixmapMut, cache: &GlyphCache) -> bool {
    let anti_alias = text.rendering_mode() != usvg::TextRendering::OptimizeSpeed;
    let mut placed = Vec::new();
    for span in text.layouted() {
        let decorated = span.underline.is_some() || span.overline.is_some() || span.line_through.is_some();
        // Variations (usvg sets `wght` from font-weight) apply only to
        // faces with axes, and those are left to resvg (`is_plain`).
        if span.stroke.is_some() || decorated {
            return false;
        }
        let Some(fill) = span.fill.as_ref().filter(|_| span.visible) else {
            continue;
        };
        let usvg::Paint::Color(color) = fill.paint() else {
            return false;
        };
        let rgba = [color.red, color.green, color.blue, fill.opacity().to_u8()];
        for glyph in &span.positioned_glyphs {
            let t = transform.pre_concat(glyph.outline_transform());
            if t.kx != 0.0 || t.ky != 0.0 || !t.is_finite() || !cache.is_plain(glyph.font) {
                return false;
            }
            let (x, offset_x) = subpixel(t.tx);
            let (y, offset_y) = subpixel(t.ty);
            let key = Key {
                face: glyph.font,
                glyph: glyph.id.0,
                scale_x: t.sx.to_bits(),
                scale_y: t.sy.to_bits(),
                offset_x,
                offset_y,
                even_odd: fill.rule() == usvg::FillRule::EvenOdd,
                anti_alias,
            };
            placed.push(Placed { x, y, rgba, key });
        }
    }
    for glyph in placed {
        composite(pixmap, &cache.mask(glyph.key), glyph.x, glyph.y, glyph.rgba);
    }
    true
}

/// The whole pixel `v` falls in and its offset within it, in quarters.
fn subpixel(v: f32) -> (i32, u8) {
    let whole = v.floor();
    let quarters = ((v - whole) * SUBPIXELS).round();
    if quarters >= SUBPIXELS { (whole as i32 + 1, 0) } else { (whole as i32, quarters as u8) }
}

/// Source-over of `rgba` through `mask`'s coverage, onto premultiplied
/// RGBA pixels, clipped to the pixmap.
fn composite(pixmap: &mut PixmapMut, mask: &GlyphMask, x: i32, y: i32, rgba: [u8; 4]) {
    if mask.width == 0 {
        return;
    }
    let (width, height) = (pixmap.width() as i32, pixmap.height() as i32);
    let data = pixmap.data_mut();
    for (row, coverage) in mask.coverage.chunks_exact(mask.width).enumerate() {
        let py = y + mask.top + row as i32;
        if py < 0 || py >= height {
            continue;
        }
        for (column, &c) in coverage.iter().enumerate() {
            let px = x + mask.left + column as i32;
            if c == 0 || px < 0 || px >= width {
                continue;
            }
            let alpha = div255(c as u32 * rgba[3] as u32);
            let i = (py * width + px) as usize * 4;
            let keep = 255 - alpha;
            for channel in 0..3 {
                let source = div255(rgba[channel] as u32 * alpha);
                data[i + channel] = (source + div255(data[i + channel] as u32 * keep)) as u8;
            }
            data[i + 3] = (alpha + div255(data[i + 3] as u32 * keep)) as u8;
        }
    }
}

/// `v / 255`, rounded, for `v` up to 255 × 255.
fn div255(v: u32) -> u32 {
    let v = v + 128;
    (v + (v >> 8)) >> 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::png::ImageFonts;

    fn tree(svg: &str, fonts: &ImageFonts) -> usvg::Tree {
        let options = usvg::Options { fontdb: fonts.db().clone(), ..usvg::Options::default() };
        usvg::Tree::from_str(svg, &options).unwrap()
    }

    fn both_ways(svg: &str) -> (tiny_skia::Pixmap, tiny_skia::Pixmap, usize) {
        let fonts = ImageFonts::load(true).expect("the fonts `make setup` installs");
        let tree = tree(svg, &fonts);
        let (w, h) = ((tree.size().width() * 2.0) as u32, (tree.size().height() * 2.0) as u32);
        let (mut ours, mut theirs) = (tiny_skia::Pixmap::new(w, h).unwrap(), tiny_skia::Pixmap::new(w, h).unwrap());
        let cache = GlyphCache::new(fonts.db().clone());
        draw(&tree, Transform::from_scale(2.0, 2.0), &mut ours.as_mut(), Some(&cache));
        resvg::render(&tree, Transform::from_scale(2.0, 2.0), &mut theirs.as_mut());
        (ours, theirs, cache.len())
    }

    /// The mean and largest difference of any channel, in 0..=255.
    fn difference(a: &tiny_skia::Pixmap, b: &tiny_skia::Pixmap) -> (f64, u8) {
        let diffs: Vec<u8> = a.data().iter().zip(b.data()).map(|(x, y)| x.abs_diff(*y)).collect();
        (diffs.iter().map(|&d| d as f64).sum::<f64>() / diffs.len() as f64, diffs.into_iter().max().unwrap_or(0))
    }

    const CARD: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="320" height="90" viewBox="0 0 320 90" font-family="Noto Sans">
<rect width="320" height="90" fill="#fff"/><rect x="0" y="0" width="6" height="90" fill="#c0392b"/>
<text x="20" y="30" font-size="18" font-weight="bold" fill="#1a3d6d">Invoice INV-2026-0042 RM 1,234.50</text>
<text x="300" y="55" font-size="14" text-anchor="end" fill="#555" fill-opacity="0.8">Hello Harbor &amp; Pine 海港貿易 ago</text>
<g transform="translate(3.3 0.6)"><text x="20" y="80" font-size="13" fill="#c0392b">Overdue since 3 November</text></g>
</svg>"##;

    #[test]
    fn plain_text_is_drawn_from_the_cache_as_resvg_draws_it() {
        let (ours, theirs, cached) = both_ways(CARD);
        assert!(cached > 40, "the card's glyphs were cached ({cached})");
        let (mean, max) = difference(&ours, &theirs);
        // Glyphs sit on a quarter-pixel grid and overlapping edges add
        // separately, so a few edge pixels differ slightly.
        assert!(mean < 0.5 && max < 100, "mean {mean:.3}, max {max}");
        assert_ne!(ours.data(), tiny_skia::Pixmap::new(ours.width(), ours.height()).unwrap().data());
    }

    #[test]
    fn a_second_draw_from_a_warm_cache_gives_the_same_pixels() {
        let fonts = ImageFonts::load(true).unwrap();
        let tree = tree(CARD, &fonts);
        let cache = GlyphCache::new(fonts.db().clone());
        let mut first = tiny_skia::Pixmap::new(640, 180).unwrap();
        draw(&tree, Transform::from_scale(2.0, 2.0), &mut first.as_mut(), Some(&cache));
        let mut second = tiny_skia::Pixmap::new(640, 180).unwrap();
        draw(&tree, Transform::from_scale(2.0, 2.0), &mut second.as_mut(), Some(&cache));
        assert_eq!(first.data(), second.data());
    }

    #[test]
    fn text_only_resvg_draws_is_left_to_resvg() {
        // Stroked, underlined, rotated and gradient text: none is cached,
        // and every pixel is resvg's own.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120" font-family="Noto Sans">
<defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="#00f"/></linearGradient></defs>
<text x="10" y="20" font-size="14" stroke="#000" fill="none">stroked</text>
<text x="10" y="45" font-size="14" text-decoration="underline">underlined</text>
<text x="10" y="70" font-size="14" transform="rotate(5)">rotated</text>
<text x="10" y="95" font-size="14" fill="url(#g)">gradient</text>
<g opacity="0.5"><text x="100" y="20" font-size="14">in a layer</text></g>
</svg>"##;
        let (ours, theirs, cached) = both_ways(svg);
        assert_eq!(cached, 0);
        assert_eq!(ours.data(), theirs.data());
    }

    #[test]
    fn subpixel_offsets_round_into_the_next_pixel() {
        assert_eq!(subpixel(10.0), (10, 0));
        assert_eq!(subpixel(10.3), (10, 1));
        assert_eq!(subpixel(10.9), (11, 0));
        assert_eq!(subpixel(-0.25), (-1, 3));
    }

    #[test]
    fn glyphs_partly_outside_the_canvas_are_clipped() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20" font-family="Noto Sans">
<text x="-7" y="8" font-size="16">Wide text past the edge</text></svg>"##;
        let (ours, theirs, _) = both_ways(svg);
        let (mean, _) = difference(&ours, &theirs);
        assert!(mean < 1.0, "mean {mean:.3}");
    }
}
