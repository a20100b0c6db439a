//! Rendering real plans from the real invoice plugin: golden files in every
//! locale, strict templates, escaping, determinism, and the errors a
//! template author sees.
//!
//! Golden files live in tests/golden/. After an intended change, review the
//! diff and accept it with `UPDATE_GOLDEN=1 cargo test --release --test render`.

mod support;

use folio::contract::types::{Customer, Plan, Purpose, Request};
use folio::render::{Format, Renderer};
use folio::{Bundle, Plugin};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock, PoisonError};
use support::*;

const AT: &str = "2026-11-22T09:00:00Z";
const KINDS: [&str; 3] = ["invoice", "renewal-proposal", "usage-report"];
const LOCALES: [&str; 4] = ["en-US", "ms-MY", "zh-CN", "zh-TW"];

/// The example plugin whose kind is `kind`, built and loaded once.
fn plugin_of(kind: &str) -> (Bundle, Plugin) {
    static LOADED: OnceLock<Mutex<HashMap<String, (Bundle, Plugin)>>> = OnceLock::new();
    let mut loaded = LOADED.get_or_init(Default::default).lock().unwrap_or_else(PoisonError::into_inner);
    loaded
        .entry(kind.to_string())
        .or_insert_with(|| {
            let bundle = bundle(&format!("plugins/{kind}"));
            let plugin = runtime().load(&bundle).expect("example plugin loads");
            (bundle, plugin)
        })
        .clone()
}

fn invoice() -> (Bundle, Plugin) {
    plugin_of("invoice")
}

fn renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new().expect("renderer"))
}

/// The example input examples/<kind>/<locale>.json as a request.
fn example_of(kind: &str, locale: &str) -> Request {
    let path = repo().join(format!("examples/{kind}/{locale}.json"));
    let input: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let customer: Customer = serde_json::from_value(input["customer"].clone()).expect("example customer");
    let at = chrono::DateTime::parse_from_rfc3339(AT).unwrap().with_timezone(&chrono::Utc);
    Request::new(kind, customer, &input["data"].to_string(), Purpose::Batch, at).unwrap()
}

/// The invoice example for `locale`.
fn example(locale: &str) -> Request {
    example_of("invoice", locale)
}

fn plan(request: &Request) -> Plan {
    plugin_of(&request.kind).1.plan(request).expect("plan")
}

fn render(request: &Request, format: Format) -> String {
    render_with(&plugin_of(&request.kind).0, request, format)
}

fn render_with(bundle: &Bundle, request: &Request, format: Format) -> String {
    let doc = renderer().render(bundle, &plan(request), request, format).expect("render");
    String::from_utf8(doc.bytes).unwrap()
}

/// Compares `actual` with tests/golden/<name>; UPDATE_GOLDEN=1 rewrites it.
fn golden(name: &str, actual: &str) {
    let path = repo().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("golden file {} is missing ({e}); create it with UPDATE_GOLDEN=1", path.display()));
    if expected != actual {
        let out: PathBuf = repo().join("target/golden-actual").join(name);
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        std::fs::write(&out, actual).unwrap();
        panic!(
            "{name} differs from its golden file; compare {} with {}, and if the change is intended accept it with UPDATE_GOLDEN=1",
            path.display(),
            out.display()
        );
    }
}

#[test]
fn golden_html_and_text_for_every_example() {
    for kind in KINDS {
        for locale in LOCALES {
            let request = example_of(kind, locale);
            golden(&format!("{kind}-{locale}.html"), &render(&request, Format::Html));
            golden(&format!("{kind}-{locale}.txt"), &render(&request, Format::Text));
        }
    }
}

#[test]
fn renewal_and_usage_blocks_follow_the_plan() {
    // Enterprise at-risk customer 12 days out: urgency, support, enterprise case study.
    let text = render(&example_of("renewal-proposal", "en-US"), Format::Text);
    for needle in ["Your plan renews in 12 days", "Book a free session with our", "A regional bank", "2 years, 12% off"] {
        assert!(text.contains(needle), "`{needle}` missing from\n{text}");
    }
    // Usage: the plural helper and the milestone block.
    let text = render(&example_of("usage-report", "en-US"), Format::Text);
    for needle in ["4 active users out of 40 licensed seats", "reports: 2 uses", "dashboards: 1 use", "Many seats are still unused"] {
        assert!(text.contains(needle), "`{needle}` missing from\n{text}");
    }
}

#[test]
fn each_locale_formats_money_dates_and_strings() {
    let cases = [
        ("ms-MY", vec!["Invois INV-2026-0042", "RM\u{a0}2,315.08", "dalam 9 hari", "1 Dis 2026", "Bayar sekarang"]),
        ("en-US", vec!["Invoice INV-2026-0191", "$331.00", "Nov 14, 2026", "Please pay as soon as you"]),
        ("zh-CN", vec!["发票 INV-2026-0088", "¥1,520.04", "3天后到期", "2026年11月25日", "（折扣 20%）"]),
        ("zh-TW", vec!["發票 INV-2026-0107", "$71,820.00", "謝謝！本發票已全額付清。", "2026年12月1日"]),
    ];
    for (locale, expected) in cases {
        let text = render(&example(locale), Format::Text);
        for needle in expected {
            assert!(text.contains(needle), "{locale}: `{needle}` missing from\n{text}");
        }
    }
}

#[test]
fn paid_invoices_say_thank_you_and_offer_no_payment() {
    let html = render(&example("zh-TW"), Format::Html);
    assert!(html.contains("謝謝！本發票已全額付清。"));
    assert!(!html.contains("立即付款") && !html.contains("class=\"button\""), "a paid invoice has no pay button");
    let due = render(&example("ms-MY"), Format::Html);
    assert!(due.contains(r#"href="https://pay.example.com/i/INV-2026-0042""#) && due.contains("Bayar sekarang"));
    // The button's text must be readable: the last colour declared on it is white.
    let button = due.split(r#"<a class="button""#).nth(1).unwrap();
    let style = button.split("style=\"").nth(1).unwrap().split('"').next().unwrap();
    let last_color = style.split(';').rfind(|d| d.trim_start().starts_with("color:")).unwrap();
    assert_eq!(last_color, "color:#ffffff", "{style}");
}

#[test]
fn customer_markup_is_escaped_in_html_and_plain_in_text() {
    let mut request = example("en-US");
    request.customer.display_name = "<script>alert(1)</script>".into();
    let html = render(&request, Format::Html);
    assert!(!html.contains("<script>"), "markup reached the HTML:\n{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let text = render(&request, Format::Text);
    assert!(text.contains("Dear <script>alert(1)</script>,"), "{text}");
}

#[test]
fn rendering_is_deterministic() {
    for format in [Format::Html, Format::Text, Format::Json] {
        let request = example("ms-MY");
        assert_eq!(render(&request, format), render(&request, format), "{format:?}");
    }
}

#[test]
fn json_carries_the_plan_and_each_block_as_html_and_text() {
    let out: Value = serde_json::from_str(&render(&example("ms-MY"), Format::Json)).unwrap();
    assert_eq!(out["template"], "invoice");
    assert_eq!(out["locale"], "ms-MY");
    assert_eq!(out["view_model"]["total"]["amount"], "2315.08");
    let blocks = out["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0]["slot"], "status");
    assert_eq!(blocks[0]["variant"], "due");
    assert!(blocks[0]["html"].as_str().unwrap().starts_with("<p style="), "{}", blocks[0]["html"]);
    assert_eq!(blocks[0]["text"], "RM\u{a0}2,315.08 perlu dibayar dalam 9 hari.");
    assert_eq!(blocks[1]["variant"], "link");
}

/// The invoice bundle with `path` replaced by `text` (or removed when `None`).
fn altered(path: &str, text: Option<&str>) -> Bundle {
    let real = &invoice().0;
    let mut files = real.files().clone();
    match text {
        Some(t) => files.insert(path.to_string(), t.as_bytes().to_vec()),
        None => files.remove(path),
    };
    Bundle::create(real.contract(), real.manifest().plugin.clone(), real.wasm().to_vec(), files).unwrap()
}

#[test]
fn a_missing_variable_names_template_line_and_variable() {
    let bundle = altered("templates/invoice.hbs", Some("<h1>{{view.number}}</h1>\n<p>{{view.no_such_field}}</p>\n"));
    let request = example("en-US");
    let err = renderer().render(&bundle, &plan(&request), &request, Format::Html).unwrap_err().to_string();
    assert!(err.contains("template `invoice` line 2"), "{err}");
    assert!(err.contains("view.no_such_field"), "{err}");
}

#[test]
fn template_syntax_errors_and_missing_blocks_are_caught_when_compiling() {
    let bundle = altered("templates/invoice.hbs", Some("<h1>{{#if view.number}}</h1>\n"));
    let err = renderer().templates(&bundle).err().unwrap().to_string();
    assert!(err.contains("templates/invoice.hbs"), "{err}");

    let bundle = altered("templates/blocks/payment/none.hbs", None);
    let err = renderer().templates(&bundle).err().unwrap().to_string();
    assert!(err.contains("templates/blocks/payment/none.hbs (slot `payment` of kind `invoice`)"), "{err}");
}

#[test]
fn a_string_missing_in_a_language_falls_back_to_english() {
    let real = &invoice().0;
    let mut strings: serde_json::Map<String, Value> = serde_json::from_slice(&real.files()["locales/ms.json"]).unwrap();
    strings.remove("invoice.pay_now");
    let bundle = altered("locales/ms.json", Some(&Value::Object(strings).to_string()));
    let html = render_with(&bundle, &example("ms-MY"), Format::Html);
    assert!(html.contains("Pay now") && html.contains("Invois INV-2026-0042"), "English fallback for one string only");

    let bundle = altered("templates/invoice.hbs", Some("<p>{{t \"no.such.key\"}}</p>"));
    let request = example("ms-MY");
    let err = renderer().render(&bundle, &plan(&request), &request, Format::Html).unwrap_err().to_string();
    assert!(err.contains("no string `no.such.key`"), "{err}");
}

#[test]
fn html_is_an_email_safe_document() {
    let html = render(&example("en-US"), Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-US\">"));
    assert!(html.contains(r#"<meta charset="utf-8">"#));
    assert!(!html.contains("<script") && !html.contains("<style"), "no scripts or style blocks");
    // Every styled element carries its style inline.
    assert!(html.contains(r#"<h1 style=""#) && html.contains(r#"<td class="num" style=""#));
    let text = render(&example("en-US"), Format::Text);
    assert!(text.lines().all(|l| l.chars().count() <= 72), "{text}");
}

// --- PDF, checked with independent tools (poppler's pdftotext and pdfinfo, qpdf) ---

fn pdf(request: &Request) -> Vec<u8> {
    let (bundle, _) = plugin_of(&request.kind);
    renderer().render(&bundle, &plan(request), request, Format::Pdf).expect("pdf").bytes
}

/// Runs `tool` on `bytes` (written to a temp file) and returns its stdout.
fn pdf_tool(tool: &str, args: &[&str], bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("`{tool}` is needed to check PDFs ({e}); install poppler-utils and qpdf with `make setup`"));
    assert!(out.status.success(), "{tool} failed on the PDF: {}", String::from_utf8_lossy(&out.stderr));
    // PDFs carry no-break spaces as ordinary spaces; compare on plain spaces.
    String::from_utf8_lossy(&out.stdout).replace('\u{a0}', " ")
}

#[test]
fn pdf_text_holds_names_totals_and_cjk_in_every_locale() {
    let cases = [
        ("ms-MY", vec!["Invois INV-2026-0042", "Kedai Runcit Aminah Sdn Bhd", "RM 2,315.08", "1 Dis 2026", "Bayar sekarang"]),
        ("en-US", vec!["Invoice INV-2026-0191", "Harbor & Pine Outfitters LLC", "$331.00"]),
        ("zh-CN", vec!["发票 INV-2026-0088", "杭州青禾餐饮管理有限公司", "¥1,520.04", "2026年11月25日"]),
        ("zh-TW", vec!["發票 INV-2026-0107", "台灣精密科技股份有限公司", "$71,820.00", "謝謝！本發票已全額付清。"]),
    ];
    for (locale, expected) in cases {
        let bytes = pdf(&example(locale));
        assert!(bytes.starts_with(b"%PDF-"), "{locale}");
        let text = pdf_tool("pdftotext", &["-layout"], &bytes);
        for needle in expected {
            assert!(text.contains(needle), "{locale}: `{needle}` missing from the PDF text:\n{text}");
        }
        let check = pdf_tool("qpdf", &["--check"], &bytes);
        assert!(check.contains("No syntax or stream encoding errors"), "{locale}: {check}");
    }
}

#[test]
fn pdf_lines_follow_the_cjk_line_breaking_rules_in_every_example() {
    // Closing punctuation and small kana never start a line, opening
    // punctuation never ends one (the zh-TW renewal proposal once had a
    // line starting with "）"). `-layout` prints table columns side by side,
    // two or more spaces apart: each column's text is checked.
    const NO_START: &str = "，。、；：？！）】》」』〕〉”’…ーぁぃぅぇぉっゃゅょァィゥェォッャュョ";
    const NO_END: &str = "（【《「『〔〈“‘";
    for kind in ["invoice", "renewal-proposal", "usage-report"] {
        for locale in ["zh-CN", "zh-TW", "ms-MY"] {
            let text = pdf_tool("pdftotext", &["-layout"], &pdf(&example_of(kind, locale)));
            for line in text.lines() {
                for column in line.split("  ").map(str::trim).filter(|c| !c.is_empty()) {
                    let (first, last) = (column.chars().next(), column.chars().last());
                    assert!(!first.is_some_and(|c| NO_START.contains(c)), "{kind} {locale}: a line starts with {first:?}: `{line}`");
                    assert!(!last.is_some_and(|c| NO_END.contains(c)), "{kind} {locale}: a line ends with {last:?}: `{line}`");
                }
            }
        }
    }
}

#[test]
fn pdf_embeds_its_fonts_and_carries_metadata() {
    let bytes = pdf(&example("zh-TW"));
    let fonts = pdf_tool("pdffonts", &[], &bytes);
    assert!(fonts.contains("NotoSans-Regular") && fonts.contains("NotoSansCJKtc"), "{fonts}");
    for line in fonts.lines().skip(2) {
        let columns: Vec<&str> = line.split_whitespace().rev().collect();
        assert_eq!(columns.get(4), Some(&"yes"), "font not embedded: {line}");
        // `sub` says yes only for a name tagged with six upper-case letters and `+` (ISO 32000-1 §9.6.4).
        assert_eq!(columns.get(3), Some(&"yes"), "font not marked as a subset: {line}");
        let tag = line.split('+').next().unwrap_or_default();
        assert!(tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()), "subset tag `{tag}`: {line}");
    }
    let info = pdf_tool("pdfinfo", &[], &bytes);
    assert!(info.contains("Title:           Invoice INV-2026-0107"), "{info}");
    assert!(info.contains("Author:          Folio"), "{info}");
    assert!(info.contains("CreationDate:    Sun Nov 22 09:00:00 2026 UTC"), "the creation date is the render instant: {info}");
    // The catalog states the document's language (PDF/UA, screen readers).
    let catalog = pdf_tool("qpdf", &["--show-object=trailer", "--filtered-stream-data"], &bytes);
    let root = catalog.split("/Root ").nth(1).and_then(|r| r.split_whitespace().next()).unwrap().to_string();
    let catalog = pdf_tool("qpdf", &[&format!("--show-object={root}")], &bytes);
    assert!(catalog.contains("/Lang (zh-TW)"), "{catalog}");
}

#[test]
fn pdf_is_byte_identical_for_the_same_inputs() {
    let request = example("ms-MY");
    // Compare digests: a failure should not print two PDFs byte by byte.
    let digest = |bytes: Vec<u8>| folio::bundle::file_digest(&bytes);
    assert_eq!(digest(pdf(&request)), digest(pdf(&request)));
    let other = example("en-US");
    assert_ne!(digest(pdf(&request)), digest(pdf(&other)), "different documents differ");
}

#[test]
fn a_sixty_line_invoice_paginates_without_losing_a_line() {
    let bytes = pdf(&sixty_line_invoice());
    let pages = page_count(&bytes);
    assert!(pages >= 2, "60 lines must not fit one page: {pages} pages");
    let text = pdf_tool("pdftotext", &["-layout"], &bytes);
    for i in 1..=60 {
        assert!(text.contains(&format!("Usage line {i:02}")), "line {i} missing");
    }
    // 1.25 × (1 + 2 + … + 60) = 2,287.50; tax 8% rounded per line.
    assert!(text.contains("$2,287.50"), "{text}");
    // Every page is numbered, in the document's language, and every page
    // the lines continue on repeats the table's header row above them, on
    // a line of its own (not drawn over the first line of the page).
    let mut pages_with_lines = 0;
    for page in 1..=pages {
        let on_page = page_text(&bytes, page);
        assert!(on_page.contains(&format!("Page {page} of {pages}")), "page {page}:\n{on_page}");
        let Some(first_line) = on_page.lines().position(|l| l.contains("Usage line")) else { continue };
        pages_with_lines += 1;
        let header = on_page.lines().position(|l| {
            let words: Vec<&str> = l.split_whitespace().collect();
            words == ["Description", "Qty", "Unit", "price", "Tax", "Amount"]
        });
        assert!(header.is_some_and(|h| h < first_line), "page {page} has no header row above its lines:\n{on_page}");
    }
    assert!(pages_with_lines >= 2, "the lines span {pages_with_lines} page(s)");
}

/// The en-US example invoice with 60 lines ("Usage line 01" to "60").
fn sixty_line_invoice() -> Request {
    let mut request = example("en-US");
    let lines: Vec<Value> = (1..=60)
        .map(|i| serde_json::json!({"description": format!("Usage line {i:02}"), "quantity": i, "unit_price": "1.25", "tax_rate": "8"}))
        .collect();
    let mut data: Value = serde_json::from_str(request.data.get()).unwrap();
    data["lines"] = Value::Array(lines);
    request.data = serde_json::value::RawValue::from_string(data.to_string()).unwrap();
    request
}

/// The number of pages (pdfinfo).
fn page_count(bytes: &[u8]) -> u32 {
    let info = pdf_tool("pdfinfo", &[], bytes);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

/// One page's text, laid out (`pdftotext -layout`).
fn page_text(bytes: &[u8], page: u32) -> String {
    let n = page.to_string();
    pdf_tool("pdftotext", &["-layout", "-f", &n, "-l", &n], bytes)
}

/// Page height and the bottom of each word (`pdftotext -bbox`), in points
/// from the top, on one page.
fn word_bottoms(bytes: &[u8], page: u32) -> (f32, Vec<f32>) {
    let n = page.to_string();
    let xml = pdf_tool("pdftotext", &["-bbox", "-f", &n, "-l", &n], bytes);
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let page_tag = xml.lines().find(|l| l.trim_start().starts_with("<page ")).unwrap();
    let bottoms = xml.lines().filter(|l| l.trim_start().starts_with("<word ")).map(|l| attr(l, "yMax")).collect();
    (attr(page_tag, "height"), bottoms)
}

#[test]
fn a_sixty_line_invoice_fills_its_pages_and_keeps_its_totals_with_lines() {
    let bytes = pdf(&sixty_line_invoice());
    let pages = page_count(&bytes);
    // Chromium prints the same HTML on 3 pages (checked against Chromium itself
    // by a_sixty_line_invoice_takes_no_more_pages_than_chromium_prints_it_on).
    assert!(pages <= 3, "60 lines took {pages} pages");
    // 18 mm margins: the content area is the page less 51 pt at either end;
    // the page label sits in the bottom margin and does not count.
    let margin = 18.0 * 72.0 / 25.4;
    for page in 1..pages {
        let (height, bottoms) = word_bottoms(&bytes, page);
        let content_bottom = height - margin;
        let lowest = bottoms.into_iter().filter(|b| *b <= content_bottom).fold(0.0_f32, f32::max);
        let empty = (content_bottom - lowest) / (content_bottom - margin);
        assert!(
            empty <= 0.15,
            "page {page} of {pages} is {:.0}% empty (its lowest text ends at {lowest} pt of {content_bottom} pt)",
            empty * 100.0
        );
    }
    // The totals stand on a page with invoice lines above them.
    let (totals_page, on_page) =
        (1..=pages).map(|page| (page, page_text(&bytes, page))).find(|(_, text)| text.contains("Subtotal")).unwrap();
    assert!(on_page.contains("Usage line"), "the totals stand alone on page {totals_page}:\n{on_page}");
}

#[test]
fn a_sixty_line_invoice_takes_no_more_pages_than_chromium_prints_it_on() {
    // The independent check: Chromium prints the same print HTML on the
    // same page (A4, 18 mm margins) through tests/browser/print-pdf.mjs.
    let request = sixty_line_invoice();
    let (bundle, _) = plugin_of(&request.kind);
    let html = renderer().print_html(&bundle, &plan(&request), &request).expect("print HTML");
    let dir = tempfile::tempdir().unwrap();
    let (input, output) = (dir.path().join("print.html"), dir.path().join("chromium.pdf"));
    std::fs::write(&input, &html).unwrap();
    let run = browser_script("print-pdf.mjs", &[&input, &output]);
    assert!(run.status.success(), "Chromium could not print the invoice: {}", String::from_utf8_lossy(&run.stderr));
    let chromium = std::fs::read(&output).unwrap();
    // Chromium laid out every line too, so the page counts compare like with like.
    assert!(pdf_tool("pdftotext", &[], &chromium).contains("Usage line 60"), "Chromium's print lost lines");
    let (folio, chromium) = (page_count(&pdf(&request)), page_count(&chromium));
    eprintln!("60-line invoice: Folio {folio} pages, Chromium {chromium}");
    assert!(folio <= chromium, "Folio takes {folio} pages for the 60-line invoice, Chromium {chromium}");
}

#[test]
fn pdf_page_labels_follow_the_locale() {
    for (locale, label) in [("ms-MY", "Halaman 1 daripada 1"), ("zh-CN", "第 1 页，共 1 页"), ("zh-TW", "第 1 頁，共 1 頁")] {
        let text = pdf_tool("pdftotext", &[], &pdf(&example(locale)));
        assert!(text.contains(label), "{locale}: {text}");
    }
}

#[test]
fn customer_markup_is_plain_text_in_pdf() {
    let mut request = example("en-US");
    request.customer.display_name = "<script>alert(1)</script>".into();
    let text = pdf_tool("pdftotext", &["-layout"], &pdf(&request));
    assert!(text.contains("Dear <script>alert(1)</script>,"), "{text}");
}

/// The HTML5 parse errors html5ever reports for `html` (the WHATWG parsing
/// algorithm's own error list: misnested or stray tags, bad attributes,
/// a missing doctype, …).
fn html5_errors(html: &str) -> Vec<String> {
    use html5ever::tendril::TendrilSink;
    use html5ever::tree_builder::TreeBuilderOpts;
    use html5ever::{ParseOpts, parse_document};
    let opts = ParseOpts { tree_builder: TreeBuilderOpts { exact_errors: true, ..Default::default() }, ..Default::default() };
    let dom = parse_document(markup5ever_rcdom::RcDom::default(), opts).one(html);
    dom.errors.borrow().iter().map(|e| e.to_string()).collect()
}

#[test]
fn every_html_output_is_valid_html5() {
    for kind in KINDS {
        for locale in LOCALES {
            let html = render(&example_of(kind, locale), Format::Html);
            assert!(html.starts_with("<!DOCTYPE html>"), "{kind}-{locale}: no doctype");
            let errors = html5_errors(&html);
            assert!(errors.is_empty(), "{kind}-{locale}.html is not valid HTML5: {errors:?}");
        }
    }
    // The checker itself catches what it should.
    assert!(!html5_errors("<!DOCTYPE html><html><body><p><table></p></body></html>").is_empty());
    assert!(!html5_errors("<html><body>no doctype</body></html>").is_empty());
}

fn png(bundle: &Bundle, request: &Request) -> Vec<u8> {
    renderer().render(bundle, &plan(request), request, Format::Png).expect("png").bytes
}

#[test]
fn the_status_block_is_drawn_as_png_in_every_locale_and_follows_the_plan() {
    let bundle = &invoice().0;
    let mut images = Vec::new();
    for locale in LOCALES {
        let request = example(locale);
        let image = png(bundle, &request);
        // The SVG is 600×150; images are drawn at twice that.
        assert_eq!(png_size(&image), (1200, 300), "{locale}");
        assert_eq!(image, png(bundle, &request), "{locale}: the same inputs give the same bytes");
        images.push(image);
    }
    images.dedup();
    assert_eq!(images.len(), LOCALES.len(), "each locale draws its own text");

    let mut request = example("en-US");
    let due = png(bundle, &request);
    request.data = serde_json::value::RawValue::from_string({
        let mut data: Value = serde_json::from_str(request.data.get()).unwrap();
        data["paid"] = Value::Bool(true);
        data.to_string()
    })
    .unwrap();
    assert_eq!(plan(&request).blocks[0].variant, "paid");
    assert_ne!(png(bundle, &request), due, "a paid invoice draws the thank-you block");
}

#[test]
fn customer_markup_in_an_image_is_text_not_svg() {
    let bundle = &invoice().0;
    let mut request = example("en-US");
    request.customer.display_name = r#"</text><image href="/etc/passwd"/><text>"#.into();
    // Unescaped, the name would end the text element and the SVG would not
    // parse; escaped, it is drawn as characters.
    let image = png(bundle, &request);
    assert_eq!(png_size(&image), (1200, 300));
    request.customer.display_name = "Someone else".into();
    assert_ne!(png(bundle, &request), image);
}

#[test]
fn png_needs_a_block_with_an_svg_variant_and_names_the_candidates() {
    let mut bundle = invoice().0;
    for variant in ["due", "overdue", "paid", "credit-note"] {
        let mut files = bundle.files().clone();
        files.remove(&format!("templates/blocks/status/{variant}.svg.hbs"));
        bundle = Bundle::create(bundle.contract(), bundle.manifest().plugin.clone(), bundle.wasm().to_vec(), files).unwrap();
    }
    let request = example("en-US");
    let err = renderer().render(&bundle, &plan(&request), &request, Format::Png).unwrap_err().to_string();
    assert!(err.contains("no block this plan chose has an image variant (status/overdue, payment/link)"), "{err}");
    assert!(err.contains("templates/blocks/<slot>/<variant>.svg.hbs"), "{err}");

    let bundle = altered("templates/blocks/status/overdue.svg.hbs", Some("<svg><text>{{view.nope}}</text></svg>"));
    let err = renderer().render(&bundle, &plan(&request), &request, Format::Png).unwrap_err().to_string();
    assert!(err.contains("template `blocks/status/overdue.svg` line 1") && err.contains("view.nope"), "{err}");
    let bundle = altered("templates/blocks/status/overdue.svg.hbs", Some("<svg><rect></svg>"));
    let err = renderer().render(&bundle, &plan(&request), &request, Format::Png).unwrap_err().to_string();
    assert!(err.contains("template `blocks/status/overdue.svg` does not render valid SVG"), "{err}");
}

#[test]
fn the_templates_fallback_renders_without_a_plan_in_the_customers_language() {
    let bundle = &invoice().0;
    let at = chrono::DateTime::parse_from_rfc3339(AT).unwrap().with_timezone(&chrono::Utc);
    let page = renderer().fallback(bundle, "invoice", "zh-TW", at, Format::Html).unwrap().expect("the invoice declares a fallback");
    let html = String::from_utf8(page.bytes).unwrap();
    assert!(html.contains("暫時無法顯示此發票的最新狀態") && html.contains("<!DOCTYPE html>"), "{html}");
    assert!(html5_errors(&html).is_empty(), "{:?}", html5_errors(&html));
    let image = renderer().fallback(bundle, "invoice", "ms-MY", at, Format::Png).unwrap().unwrap();
    assert_eq!(png_size(&image.bytes), (1200, 300));
    let none = altered("templates/invoice.fallback.hbs", None);
    assert!(renderer().fallback(&none, "invoice", "en", at, Format::Html).unwrap().is_none());
}

// --- Script in documents: the payloads of tests/support/payloads.rs -------

/// The hostile plugin, built and loaded once.
fn hostile_plugin() -> &'static (Bundle, Plugin) {
    static LOADED: OnceLock<(Bundle, Plugin)> = OnceLock::new();
    LOADED.get_or_init(|| {
        let bundle = bundle("tests/plugins/hostile");
        let plugin = runtime().load(&bundle).expect("hostile plugin loads");
        (bundle, plugin)
    })
}

/// Where an attribute's value is a URL a browser may load or run.
const URL_ATTRIBUTES: [&str; 10] =
    ["href", "src", "action", "formaction", "data", "background", "poster", "srcdoc", "xlink:href", "content"];

/// The scheme a browser would see in `url`: leading C0 controls and spaces
/// stripped, tabs and newlines removed, as the WHATWG URL parser does.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let (scheme, _) = cleaned.split_once(':')?;
    scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')).then(|| scheme.to_ascii_lowercase())
}

/// Every way `html` could run script, parsed by html5ever as a browser would.
fn script_in(html: &str) -> Vec<String> {
    use html5ever::tendril::TendrilSink;
    use markup5ever_rcdom::{NodeData, RcDom};
    let dom = html5ever::parse_document(RcDom::default(), Default::default()).one(html);
    let mut found = Vec::new();
    let mut stack = vec![dom.document.clone()];
    while let Some(node) = stack.pop() {
        if let NodeData::Element { name, attrs, .. } = &node.data {
            let tag = name.local.to_string();
            if ["script", "iframe", "object", "embed", "form", "base", "meta", "link", "frame", "frameset", "applet"]
                .contains(&tag.as_str())
                && !(tag == "meta" && attrs.borrow().iter().any(|a| &*a.name.local == "charset" || &*a.name.local == "name"))
            {
                found.push(format!("<{tag}>"));
            }
            for attr in attrs.borrow().iter() {
                let name = attr.name.local.to_string();
                let value = attr.value.to_string();
                if name.starts_with("on") {
                    found.push(format!("<{tag} {name}>"));
                }
                if URL_ATTRIBUTES.contains(&name.as_str())
                    && let Some(scheme) = scheme(&value)
                    && !folio::render::URL_SCHEMES.contains(&scheme.as_str())
                {
                    found.push(format!("<{tag} {name}={value:?}>"));
                }
                if name == "style" && ["javascript", "expression", "url("].iter().any(|bad| value.to_ascii_lowercase().contains(bad)) {
                    found.push(format!("<{tag} style={value:?}>"));
                }
            }
        }
        stack.extend(node.children.borrow().iter().cloned());
    }
    found
}

#[test]
fn script_smuggled_into_a_document_is_gone_from_every_output() {
    let (bundle, plugin) = hostile_plugin();
    let data = serde_json::json!({"urls": payloads::URL_TRICKS, "html": payloads::MARKUP_TRICKS.join("\n")});
    let customer = Customer::new("cus_x", "<script>alert(1)</script>", "en", "UTC", "");
    let at = chrono::DateTime::parse_from_rfc3339(AT).unwrap().with_timezone(&chrono::Utc);
    let request = Request::new("links", customer, &data.to_string(), Purpose::OnDemand, at).unwrap();
    let plan = plugin.plan(&request).unwrap();
    let render = |format| renderer().render(bundle, &plan, &request, format).unwrap().bytes;

    let html = String::from_utf8(render(Format::Html)).unwrap();
    assert_eq!(script_in(&html), Vec::<String>::new(), "{html}");
    // The links are still there, without their targets; the safe one keeps its own.
    assert_eq!(html.matches(">link ").count(), payloads::URL_TRICKS.len(), "{html}");
    assert!(html.contains(r#"href="https://example.com/ok""#), "{html}");

    // Text runs nothing, but a link written out must not invite a reader
    // to paste script into a browser either: every link target it lists
    // has a scheme on the allow-list, or none (a relative reference).
    let text = String::from_utf8(render(Format::Text)).unwrap();
    for target in text.lines().filter_map(|l| l.split_once("]: ").map(|(_, url)| url)) {
        let scheme = scheme(target);
        assert!(scheme.as_deref().is_none_or(|s| folio::render::URL_SCHEMES.contains(&s)), "the text lists {target:?}");
    }
    assert!(!text.contains("<script"), "{text}");

    let json: Value = serde_json::from_slice(&render(Format::Json)).unwrap();
    for block in json["blocks"].as_array().unwrap() {
        assert_eq!(script_in(block["html"].as_str().unwrap()), Vec::<String>::new(), "{block}");
    }

    // In the PDF, no action or link may run script: every object, uncompressed.
    let pdf = render(Format::Pdf);
    let dir = tempfile::tempdir().unwrap();
    let (input, expanded) = (dir.path().join("in.pdf"), dir.path().join("out.pdf"));
    std::fs::write(&input, &pdf).unwrap();
    let status = std::process::Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(&input)
        .arg(&expanded)
        .status()
        .expect("qpdf is needed to check PDFs; run `make setup`");
    assert!(status.success());
    let objects = String::from_utf8_lossy(&std::fs::read(&expanded).unwrap()).to_ascii_lowercase();
    for bad in ["javascript", "/js ", "/launch", "vbscript"] {
        assert!(!objects.contains(bad), "`{bad}` in the PDF");
    }
}
