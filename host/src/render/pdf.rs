//! PDF: the same document, laid out for print by printpdf's HTML engine.
//!
//! The print frame (`templates/layout.print.hbs`) is flat HTML: printpdf's
//! layout engine does not lay out block content nested in table cells, so
//! the email frame cannot be reused. The host's fonts (`fonts.rs`) are
//! parsed once into a shared font pool, and every PDF embeds the subset it
//! uses. Metadata is fixed by the render (title, author, the render
//! instant as creation date, an identifier derived from the content), so the
//! same inputs give byte-identical PDFs. The catalog carries the
//! document's language (`/Lang`).

use super::{Draft, RenderError, strings, templates};
use printpdf::html::SharedFontPool;
use printpdf::{
    Color, FontId, GeneratePdfOptions, OffsetDateTime, Op, PdfDocument, PdfFontHandle, PdfSaveOptions, Point, Pt, Rgb, TextItem,
};
use serde_json::Value;
use std::collections::BTreeMap;

/// A4 with 18 mm margins.
const PAGE: (f32, f32, f32) = (210.0, 297.0, 18.0);

/// Parsed fonts shared by every PDF render.
pub struct PdfFonts {
    pool: SharedFontPool,
    /// The font cache's own mappings of the files, held so that every
    /// layout shares them: the cache keeps only a weak reference, and
    /// would map a file again (an `open` a render worker may not make)
    /// once nothing holds it.
    _mapped: Vec<std::sync::Arc<printpdf::html::rust_fontconfig::FontBytes>>,
}

impl PdfFonts {
    /// The font files (`fonts.rs`) as the layout engine's fonts: each face
    /// documents use, registered by the file's path so that the font cache
    /// maps the file instead of copying it, with the file mapped now.
    pub fn from_files(files: &super::fonts::FontFiles) -> Result<Self, String> {
        use printpdf::html::rust_fontconfig::{FcFontPath, FcParseFontBytes};
        // No family names to scan for: only the fonts below are available.
        let pool = printpdf::html::build_font_pool(&BTreeMap::new(), Some(&[]));
        let mut mapped = Vec::new();
        for file in files {
            // The cache shares one mapping among the faces of a file by this
            // key; Folio's files have distinct paths, so the path's digest is one.
            let digest = <sha2::Sha256 as sha2::Digest>::digest(file.path.as_bytes());
            let bytes_hash = u64::from_be_bytes(std::array::from_fn(|i| digest[i])) | 1;
            for &index in &file.faces {
                // Parsing the whole file would copy it once per face it holds.
                let description = file.description(index)?;
                let (pattern, _) = FcParseFontBytes(&description, &file.path)
                    .and_then(|faces| faces.into_iter().next())
                    .ok_or_else(|| format!("face {index} of the font {} cannot be read", file.path))?;
                let font_index = usize::try_from(index).map_err(|e| e.to_string())?;
                let id = pool.fc_cache.insert_fast_pattern(pattern, FcFontPath { path: file.path.clone(), font_index, bytes_hash });
                let bytes = pool.fc_cache.get_font_bytes(&id).ok_or_else(|| format!("cannot map the font {}", file.path))?;
                if !mapped.iter().any(|held| std::sync::Arc::ptr_eq(held, &bytes)) {
                    mapped.push(bytes);
                }
            }
        }
        Ok(PdfFonts { pool, _mapped: mapped })
    }
}

/// Lays out one small page with text in every face documents use (Latin,
/// Simplified and Traditional Chinese, regular and bold) and drops it: the
/// faces' parsed data is then in the pool (see `Renderer::preload_fonts`).
pub fn warm_up(fonts: &PdfFonts) -> Result<(), String> {
    let faces = ["'Noto Sans'", "'Noto Sans CJK SC'", "'Noto Sans CJK TC'"];
    let paragraphs: String = faces
        .iter()
        .flat_map(|family| {
            ["normal", "bold"].map(|weight| format!("<p style=\"font-family: {family}; font-weight: {weight}\">Folio 0123 发票 發票</p>"))
        })
        .collect();
    let html = format!("<html><body>{paragraphs}</body></html>");
    let info = PdfInfo {
        title: "warm-up",
        author: "Folio",
        subject: "warm-up",
        at: chrono::DateTime::UNIX_EPOCH,
        identifier: String::new(),
        lang: "en",
    };
    layout(&html, fonts, &info, &|page, pages| format!("{page} / {pages}")).map(drop)
}

/// What the PDF's document information says.
pub struct PdfInfo<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub subject: &'a str,
    /// The render instant: creation and modification date.
    pub at: chrono::DateTime<chrono::Utc>,
    /// A stable identifier for this exact document (`sha256:<hex>`).
    pub identifier: String,
    /// The document's language, a BCP 47 tag.
    pub lang: &'a str,
}

/// The document as PDF: cleaned and styled for print (`print_styles` over
/// `styles`) in the flat print frame (`templates/layout.print.hbs`), laid
/// out with the host's fonts, every page numbered in its language.
pub(super) fn render(draft: &mut Draft<'_>) -> Result<Vec<u8>, RenderError> {
    let (renderer, plan) = (draft.renderer, draft.plan);
    let print = print_html(draft)?;
    let page_label = draft.set.strings.get(draft.lang, "folio.page").unwrap_or("{page} / {pages}").to_string();
    let locale_tag = draft.data["folio"]["locale"].as_str().unwrap_or_default().to_string();
    let info = PdfInfo {
        title: &plan.title,
        author: renderer.theme["brand"].as_str().unwrap_or("Folio"),
        subject: &plan.template,
        at: draft.at,
        identifier: crate::digest::sha256_tagged(print.as_bytes()),
        lang: &locale_tag,
    };
    let label = |page: usize, pages: usize| strings::interpolate(&page_label, &[("page", page.to_string()), ("pages", pages.to_string())]);
    layout(&print, renderer.pdf_fonts()?, &info, &label).map_err(RenderError::Output)
}

/// The print document: the fragment cleaned and styled for print in the
/// print frame, within the depth limit.
pub(super) fn print_html(draft: &mut Draft<'_>) -> Result<String, RenderError> {
    let renderer = draft.renderer;
    let clean = renderer.clean(draft.plugin, &draft.fragment)?;
    draft.data["content"] = Value::String(renderer.print_styles.apply(&clean).map_err(RenderError::Output)?);
    let print = renderer.render_template(&draft.set.registry, templates::LAYOUT_PRINT, &draft.data)?;
    renderer.check_depth(draft.plugin, &print)?;
    Ok(print)
}

/// Lays out `html` (a complete print document) as PDF bytes, with
/// `page_label(page, pages)` written at the foot of every page.
pub fn layout(html: &str, fonts: &PdfFonts, info: &PdfInfo<'_>, page_label: &dyn Fn(usize, usize) -> String) -> Result<Vec<u8>, String> {
    let options = GeneratePdfOptions {
        page_width: Some(PAGE.0),
        page_height: Some(PAGE.1),
        margin_top: Some(PAGE.2),
        margin_right: Some(PAGE.2),
        margin_bottom: Some(PAGE.2),
        margin_left: Some(PAGE.2),
        ..GeneratePdfOptions::default()
    };
    let mut warnings = Vec::new();
    let mut doc =
        PdfDocument::from_html_with_cache(html, &BTreeMap::new(), &BTreeMap::new(), &options, &mut warnings, Some(fonts.pool.clone()))
            .map_err(|e| format!("PDF layout failed: {e}"))?;
    if doc.pages.is_empty() {
        let reasons: Vec<String> = warnings.iter().take(3).map(|w| format!("{w:?}")).collect();
        return Err(format!("PDF layout produced no pages: {}", reasons.join("; ")));
    }
    number_pages(&mut doc, page_label)?;
    let at = OffsetDateTime::from_unix_timestamp(info.at.timestamp())
        .map_err(|e| format!("render instant out of range for PDF metadata: {e}"))?;
    let meta = &mut doc.metadata.info;
    meta.document_title = info.title.to_string();
    meta.author = info.author.to_string();
    meta.subject = info.subject.to_string();
    meta.creator = "Folio".to_string();
    meta.producer = "Folio".to_string();
    meta.creation_date = at;
    meta.modification_date = at;
    meta.metadata_date = at;
    meta.identifier = info.identifier.clone();
    save(&doc, info)
}

/// Saves as printpdf's `save` does (build the lopdf document, compress,
/// write), setting on the way what printpdf cannot: the document language
/// (`/Lang` in the catalog) and a trailer `/ID` derived from the content,
/// where printpdf would draw one at random and make every PDF unique.
fn save(doc: &PdfDocument, info: &PdfInfo<'_>) -> Result<Vec<u8>, String> {
    use lopdf::{Object, StringFormat};
    let options = PdfSaveOptions::default();
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    pdf.catalog_mut()
        .map_err(|e| format!("the PDF has no catalog: {e}"))?
        .set("Lang", Object::String(info.lang.as_bytes().to_vec(), StringFormat::Literal));
    let id = crate::digest::untagged(&info.identifier);
    let (first, second) = id.split_at(id.len() / 2);
    pdf.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(first.as_bytes().to_vec(), StringFormat::Literal),
            Object::String(second.as_bytes().to_vec(), StringFormat::Literal),
        ]),
    );
    if options.optimize {
        compress(&mut pdf).map_err(|e| format!("could not compress the PDF's streams: {e}"))?;
    }
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| format!("could not write the PDF: {e}"))?;
    Ok(bytes)
}

/// Deflates every stream that is not yet filtered, as lopdf's `compress`
/// does, but at deflate's fastest level instead of its best. On the zh-TW
/// invoice's streams (179 KB raw, mostly the two font subsets) level 1
/// takes 0.44 ms and gives 37.9 KB; level 9 takes 1.45 ms for 35.6 KB
/// (miniz_oxide, this machine): a tenth of a one-page PDF's CPU for 6% of
/// its size. flate2 runs on zlib-rs (`host/Cargo.toml`), which deflates the
/// en-US invoice's 48 KB at level 1 in 0.24 ms against miniz_oxide's 0.55.
/// Deflate is deterministic (zlib-rs picks no CPU-dependent hash), so the
/// output stays byte-identical.
fn compress(pdf: &mut lopdf::Document) -> std::io::Result<()> {
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;
    for object in pdf.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else { continue };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::with_capacity(stream.content.len() / 2), Compression::fast());
        encoder.write_all(&stream.content)?;
        let compressed = encoder.finish()?;
        // Kept only when it pays for the `/Filter /FlateDecode` entry.
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// Size of the page label, in points.
const LABEL_SIZE: f32 = 8.0;

/// Writes each page's label, right-aligned to the margin, in the bottom
/// margin. The font is the first one the document embeds (in a stable
/// order) that has a glyph for every character of the label, so a Chinese
/// label uses the CJK face and a Latin one Noto Sans.
fn number_pages(doc: &mut PdfDocument, page_label: &dyn Fn(usize, usize) -> String) -> Result<(), String> {
    let pages = doc.pages.len();
    let fonts = &doc.resources.fonts.map;
    for (index, page) in doc.pages.iter_mut().enumerate() {
        let label = page_label(index + 1, pages);
        let (font, width) = fonts
            .iter()
            .find_map(|(id, font)| text_width(&font.parsed_font, &label).map(|w| (id.clone(), w)))
            .ok_or_else(|| format!("no embedded font can draw the page label `{label}`"))?;
        let page_width = page.media_box.width.0;
        let mm = |v: f32| v * 72.0 / 25.4;
        let origin = Point { x: Pt(page_width - mm(PAGE.2) - width), y: Pt(mm(PAGE.2 / 2.0)) };
        page.ops.extend(label_ops(font, origin, label));
    }
    Ok(())
}

/// The width of `text` in points at the label size, if `font` covers it.
fn text_width(font: &printpdf::ParsedFont, text: &str) -> Option<f32> {
    let units = f32::from(font.pdf_font_metrics.units_per_em.max(1));
    let mut width = 0.0;
    for c in text.chars() {
        let glyph = font.lookup_glyph_index(c as u32)?;
        width += f32::from(font.get_horizontal_advance(glyph));
    }
    Some(width / units * LABEL_SIZE)
}

fn label_ops(font: FontId, origin: Point, label: String) -> [Op; 8] {
    let grey = Color::Rgb(Rgb { r: 0.42, g: 0.42, b: 0.42, icc_profile: None });
    [
        Op::SaveGraphicsState,
        Op::SetFillColor { col: grey },
        Op::StartTextSection,
        Op::SetFont { font: PdfFontHandle::External(font), size: Pt(LABEL_SIZE) },
        Op::SetTextCursor { pos: origin },
        Op::ShowText { items: vec![TextItem::Text(label)] },
        Op::EndTextSection,
        Op::RestoreGraphicsState,
    ]
}

#[cfg(test)]
mod tests {
    use super::super::Lang;
    use super::*;

    /// The text of each page (pdftotext).
    fn pages(body: &str) -> Vec<String> {
        pdftotext(body, &[])
    }

    /// Every line of every page as laid out (`pdftotext -layout`, which
    /// does not join a line ending in a hyphen to the next), spaces removed.
    fn lines(body: &str) -> Vec<String> {
        pdftotext(body, &["-layout"])
            .iter()
            .flat_map(|page| page.lines().map(|line| line.chars().filter(|c| !c.is_whitespace()).collect::<String>()))
            .filter(|line| !line.is_empty())
            .collect()
    }

    /// `html`'s body laid out as a PDF.
    fn pdf_bytes(body: &str) -> Vec<u8> {
        static FONTS: std::sync::OnceLock<PdfFonts> = std::sync::OnceLock::new();
        let fonts = FONTS.get_or_init(|| PdfFonts::from_files(&super::super::fonts::read("the PDF tests").unwrap()).unwrap());
        let info =
            PdfInfo { title: "t", author: "a", subject: "s", at: chrono::DateTime::UNIX_EPOCH, identifier: "sha256:00".into(), lang: "en" };
        let html = format!("<html><body style=\"font-family: 'Noto Sans'; font-size: 10pt; line-height: 14pt\">{body}</body></html>");
        layout(&html, fonts, &info, &|_, _| String::new()).unwrap()
    }

    /// Runs `tool ARGS FILE EXTRA` on `bytes` written to a temporary file
    /// and returns its standard output.
    fn pdf_tool(tool: &str, args: &[&str], bytes: &[u8], extra: &[&str]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.pdf");
        std::fs::write(&path, bytes).unwrap();
        let out = std::process::Command::new(tool)
            .args(args)
            .arg(&path)
            .args(extra)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {tool} ({e}); make setup installs poppler-utils and qpdf"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// `html`'s body laid out as a PDF; each page's text by `pdftotext ARGS`.
    fn pdftotext(body: &str, args: &[&str]) -> Vec<String> {
        let text = pdf_tool("pdftotext", args, &pdf_bytes(body), &["-"]);
        let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
        if pages.last().is_some_and(|p| p.trim().is_empty()) {
            pages.pop();
        }
        pages
    }

    #[test]
    fn streams_are_deflated_and_decode() {
        let bytes = pdf_bytes(&filler(60));
        // Two pages' content, the font subset and its ToUnicode map.
        let deflated = bytes.windows(12).filter(|w| w == b"/FlateDecode").count();
        assert!(deflated >= 4, "{deflated} deflated streams");
        let report = pdf_tool("qpdf", &["--check"], &bytes, &[]);
        assert!(report.contains("No syntax or stream encoding errors"), "{report}");
    }

    /// Ten ideographs, 20 px each: a 205 px box holds ten to a line.
    const TEN: &str = "一二三四五六七八九十";
    const CJK_BOX: &str = "width: 205px; font-size: 20px; line-height: 28px; margin: 0 0 8px 0";

    /// Closing punctuation (UAX #14 CL, CP, EX, IS, IN, QU-final) and the
    /// small kana and prolonged sound mark (CJ): never at a line's start.
    const NO_START: &str = "，。、；：？！）】》」』〕〉〗〙〞”’…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー";
    /// Opening punctuation (OP, QU-initial): never at a line's end.
    const NO_END: &str = "（【《「『〔〈〖〘〝“‘";

    #[test]
    fn cjk_lines_never_start_with_closing_punctuation_or_small_kana_nor_end_with_opening() {
        for lang in [Lang::ZhCn, Lang::ZhTw] {
            let style = format!("font-family: {}; {CJK_BOX}", super::super::fonts::font_stack(lang));
            // Each paragraph puts one character exactly where a break
            // between any two characters would fall: a closer eleventh
            // (after a full line), an opener tenth (ending a full line).
            let closers = NO_START.chars().map(|c| format!("<p style=\"{style}\">{TEN}{c}一二三</p>"));
            let openers = NO_END.chars().map(|c| format!("<p style=\"{style}\">{}{c}一二三</p>", &TEN[..27]));
            // Two ellipses or two dashes are one mark: never split.
            let pairs = ["……", "——", "‥‥"].map(|pair| format!("<p style=\"{style}\">{}{pair}一二三</p>", &TEN[..27]));
            let control = format!("<p style=\"{style}\">{TEN}十一二三</p>");
            let body: String = std::iter::once(control).chain(closers).chain(openers).chain(pairs).collect();
            let lines = lines(&body);
            let paragraphs = 1 + NO_START.chars().count() + NO_END.chars().count() + 3;
            // The control shows the box holds ten: it breaks after the tenth.
            assert_eq!(lines[..2], [TEN.to_string(), "十一二三".to_string()], "{lang:?}: {lines:?}");
            assert_eq!(lines.len(), 2 * paragraphs, "{lang:?}: every paragraph takes two lines: {lines:?}");
            assert_kinsoku(&lines, &format!("{lang:?}"));
            // Kept by moving a character down, not by overflowing the box:
            // no line holds more than ten full-width characters (the curly
            // quotes and the two-dot leader come from Noto Sans, narrower).
            let wide = |line: &String| line.chars().filter(|c| !"“”‘’‥".contains(*c)).count();
            assert!(lines.iter().all(|line| wide(line) <= 10), "{lang:?}: {lines:?}");
        }
    }

    /// No line starts with a `NO_START` character or ends with a `NO_END`
    /// one, and no ellipsis or dash pair is split.
    fn assert_kinsoku(lines: &[String], what: &str) {
        for pair in lines.windows(2) {
            let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
            assert!(!start.is_some_and(|c| NO_START.contains(c)), "{what}: a line starts with {start:?}: {lines:?}");
            assert!(!end.is_some_and(|c| NO_END.contains(c)), "{what}: a line ends with {end:?}: {lines:?}");
            assert!(!(end == start && end.is_some_and(|c| "…—‥".contains(c))), "{what}: {end:?}{start:?} is split: {lines:?}");
        }
    }

    /// The lines of `text` set in `lang`'s font stack with `style` (empty, or
    /// declarations each ending in `; `), once in a
    /// box of each of `widths` (px); the narrow boxes must wrap it.
    fn lines_at_widths(text: &str, lang: Lang, style: &str, widths: impl Iterator<Item = u32>) -> Vec<String> {
        let family = super::super::fonts::font_stack(lang);
        let boxes: String = widths
            .map(|width| format!("<p style=\"font-family: {family}; width: {width}px; {style}margin: 0 0 8px 0\">{text}</p>"))
            .collect();
        let lines = lines(&boxes);
        assert!(lines.len() > 100, "the narrow boxes wrap: {lines:?}");
        lines
    }

    #[test]
    fn balanced_cjk_lines_keep_the_same_rules() {
        // `text-wrap: balance` chooses breaks by another algorithm
        // (Knuth-Plass) from the same opportunities: a punctuated zh-TW
        // sentence at many widths.
        let text = "感謝您選擇「Folio 雲端服務」（企業方案）！您的續約提案已更新：年費為 NT$120,000，\
                    較去年節省 12%。請於十二月三十一日前確認……如有疑問——請聯絡您的客戶經理『王小明』。";
        let lines = lines_at_widths(text, Lang::ZhTw, "text-wrap: balance; ", (100..=400).step_by(10));
        assert_kinsoku(&lines, "balance");
    }

    #[test]
    fn malay_lines_break_after_hyphens_and_keep_brackets_and_marks_with_their_words() {
        // Reduplication ("kanak-kanak") breaks after the hyphen, never
        // before it; brackets, percentages and stops stay with their words.
        let text = "Syarikat-syarikat kecil (PKS) dan kanak-kanak menerima 15% diskaun, bermula 1/12/2026. \
                    Bayaran (RM 1,234.50) perlu dijelaskan: sila semak butir-butir akaun anda!";
        let lines = lines_at_widths(text, Lang::Ms, "", (60..=260).step_by(5));
        for pair in lines.windows(2) {
            let (end, start) = (pair[0].chars().last(), pair[1].chars().next());
            assert!(!start.is_some_and(|c| "-),.:;!?%".contains(c)), "a line starts with {start:?}: {pair:?}");
            assert!(end != Some('('), "a line ends with '(': {pair:?}");
        }
        // Hyphens do give way: some line ends at one.
        assert!(lines.iter().any(|line| line.ends_with('-')), "{lines:?}");
    }

    /// `n` one-line paragraphs: 18.7 px each (14 pt), 52 to a page.
    fn filler(n: usize) -> String {
        (1..=n).map(|i| format!("<p style=\"margin: 0\">filler {i}</p>")).collect()
    }

    #[test]
    fn break_before_and_after_start_a_new_page() {
        let p = pages("<p>one</p><p style=\"break-before: page\">two</p><p style=\"break-after: page\">three</p><p>four</p>");
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].contains("one") && p[1].contains("two") && p[1].contains("three") && p[2].contains("four"), "{p:?}");
    }

    #[test]
    fn break_inside_avoid_moves_the_whole_block() {
        // Room for two more lines on page 1; the block has five.
        let block = (1..=5).map(|i| format!("<p style=\"margin: 0\">kept line {i}</p>")).collect::<String>();
        let torn = pages(&format!("{}<div style=\"background: #eeeeee\">{block}</div>", filler(50)));
        assert!(
            torn.len() == 2 && torn[0].contains("kept line 1") && torn[1].contains("kept line 5"),
            "without avoid the block is torn: {torn:?}"
        );
        let kept = pages(&format!("{}<div style=\"background: #eeeeee; break-inside: avoid\">{block}</div>", filler(50)));
        assert!(kept.len() == 2 && !kept[0].contains("kept line") && kept[1].contains("kept line 1"), "{kept:?}");
    }

    /// The numbers of the `line N` lines on each page.
    fn paragraph_lines_per_page(filler_lines: usize, lines: usize, style: &str) -> Vec<Vec<usize>> {
        let text = (1..=lines).map(|i| format!("line {i}")).collect::<Vec<_>>().join("<br>");
        let pages = pages(&format!("{}<p style=\"margin: 0; {style}\">{text}</p>", filler(filler_lines)));
        let per_page: Vec<Vec<usize>> =
            pages.iter().map(|page| page.lines().filter_map(|line| line.strip_prefix("line ")?.trim().parse().ok()).collect()).collect();
        // Every line once, in order: no line lost, doubled or cut in two.
        assert_eq!(per_page.concat(), (1..=lines).collect::<Vec<_>>(), "{style}: {pages:?}");
        per_page
    }

    #[test]
    fn a_paragraph_breaks_between_its_lines_and_keeps_orphans_and_widows() {
        // Room for 2 lines at the foot of page 1 (51 filler lines): with
        // the default `orphans: 2` they stay; `orphans: 3` moves the
        // paragraph whole.
        assert_eq!(paragraph_lines_per_page(51, 10, "").iter().map(Vec::len).collect::<Vec<_>>(), [2, 8]);
        assert_eq!(paragraph_lines_per_page(51, 10, "orphans: 3").iter().map(Vec::len).collect::<Vec<_>>(), [0, 10]);
        // Room for 13 of 14 lines (40 filler lines): the default `widows:
        // 2` takes two lines over, `widows: 3` three.
        let spilt = |style| paragraph_lines_per_page(40, 14, style).last().map_or(0, Vec::len);
        assert_eq!(spilt(""), 2);
        assert_eq!(spilt("widows: 3"), 3);
        // A paragraph longer than the room left splits where the page ends,
        // not up to a third of a page early: page 1 is full to within a line.
        let split = paragraph_lines_per_page(30, 40, "");
        assert!(split[0].len() >= 22, "{split:?}");
    }
}
