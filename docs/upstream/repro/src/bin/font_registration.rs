//! The cost of laying out one small page, again and again, with a font
//! pool shared between calls (`build_font_pool` + `from_html_with_cache`),
//! as a server rendering many documents does.
//!
//! Published printpdf 0.12.8 registers the 14 built-in PDF fonts on every
//! call (each is gunzipped, parsed and registered under each spelling),
//! though the pool could hold them registered once. Prints the mean time
//! per call; compare it with and without the fix.

use std::collections::BTreeMap;
use std::time::Instant;

use printpdf::{GeneratePdfOptions, PdfDocument};

fn main() {
    let calls: u32 = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(200);
    let html = "<html><body><h1>Invoice 1042</h1><p>Total due: <b>$2,315.08</b></p>\
                <table><tr><td>Support plan</td><td>$1,200.00</td></tr></table></body></html>";
    let pool = printpdf::html::build_font_pool(&BTreeMap::new(), Some(&[]));
    let render = || {
        let mut warnings = Vec::new();
        let doc = PdfDocument::from_html_with_cache(
            html,
            &BTreeMap::new(),
            &BTreeMap::new(),
            &GeneratePdfOptions::default(),
            &mut warnings,
            Some(pool.clone()),
        );
        assert!(doc.is_ok_and(|d| d.pages.len() == 1), "one page expected");
    };
    render(); // the first call parses the fonts the pool then keeps
    let start = Instant::now();
    for _ in 0..calls {
        render();
    }
    let per_call = start.elapsed() / calls;
    println!("{calls} layouts with a shared font pool: {:.2} ms per call", per_call.as_secs_f64() * 1e3);
}
