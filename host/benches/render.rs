//! Plan + render for the invoice, per output format, against plan alone in
//! the same run. `cargo bench --bench render`.

use criterion::Criterion;
use folio::contract::types::{Customer, Purpose, Request};
use folio::render::{Format, Renderer};
use std::hint::black_box;
use std::time::Duration;

mod common;

use common::{percentile, time_calls, us};

fn main() {
    let (bundle, plugin) = common::invoice();
    let renderer = Renderer::new().expect("renderer");

    let customer = Customer::new("cus_bench", "Kedai Runcit Aminah Sdn Bhd", "ms-MY", "Asia/Kuala_Lumpur", "smb");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T09:00:00Z").unwrap().with_timezone(&chrono::Utc);
    let data = folio_invoice::sample_data().to_string();
    let request = Request::new("invoice", customer, &data, Purpose::Batch, at).unwrap();
    let render = |format: Format| {
        let plan = plugin.plan(&request).unwrap();
        renderer.render(&bundle, &plan, &request, format).unwrap().bytes.len()
    };
    assert!(render(Format::Html) > 0); // warms the template and formatter caches

    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group("invoice_render");
    group.bench_function("plan_only", |b| b.iter(|| black_box(plugin.plan(black_box(&request)).unwrap())));
    for (name, format) in [("plan_and_html", Format::Html), ("plan_and_text", Format::Text), ("plan_and_json", Format::Json)] {
        group.bench_function(name, |b| b.iter(|| black_box(render(format))));
    }
    group.finish();
    criterion.final_summary();

    let n = 5_000;
    let time = |f: &dyn Fn()| {
        let samples = time_calls(n, f);
        (percentile(&samples, 0.5), percentile(&samples, 0.99))
    };
    let (plan50, plan99) = time(&|| {
        black_box(plugin.plan(&request).unwrap());
    });
    println!("\ninvoice render latency over {n} calls each (this run):");
    println!("  {:<16} {:>9} {:>9} {:>12}", "", "p50 (us)", "p99 (us)", "p50 / plan");
    println!("  {:<16} {:>9.1} {:>9.1} {:>12.2}", "plan only", us(plan50), us(plan99), 1.0);
    for (name, format) in [("plan + html", Format::Html), ("plan + text", Format::Text), ("plan + json", Format::Json)] {
        let (p50, p99) = time(&|| {
            black_box(render(format));
        });
        println!("  {:<16} {:>9.1} {:>9.1} {:>12.2}", name, us(p50), us(p99), us(p50) / us(plan50));
    }

    // PNG: the status block drawn as an image, in Malay and in Traditional
    // Chinese (CJK text through the fallback face); text from the glyph
    // cache, against resvg drawing all of it, in the same run.
    let taiwan = Customer::new("cus_bench_tw", "台灣精密科技股份有限公司", "zh-TW", "Asia/Taipei", "enterprise");
    let tw = Request::new("invoice", taiwan, &data, Purpose::Batch, at).unwrap();
    let resvg_only = Renderer::new().expect("renderer").without_glyph_cache();
    println!("\ninvoice PNG latency over 500 calls each (this run):");
    println!("  {:<28} {:>9} {:>9} {:>14}", "", "p50 (us)", "p99 (us)", "resvg / cache");
    for (name, req) in [("plan + png (ms)", &request), ("plan + png (zh-TW)", &tw)] {
        let png = |renderer: &Renderer| {
            let samples = time_calls(500, || {
                let plan = plugin.plan(req).unwrap();
                black_box(renderer.render(&bundle, &plan, req, Format::Png).unwrap());
            });
            (percentile(&samples, 0.5), percentile(&samples, 0.99))
        };
        // The first call loads the fonts, and fills the cache.
        let ((c50, c99), (r50, r99)) = (png(&renderer), png(&resvg_only));
        println!("  {:<28} {:>9.1} {:>9.1}", format!("{name}, glyph cache"), us(c50), us(c99));
        println!("  {:<28} {:>9.1} {:>9.1} {:>14.2}", format!("{name}, resvg text"), us(r50), us(r99), us(r50) / us(c50));
    }

    // PDF: one page and 60 lines, with the renderer's parsed-font cache,
    // against a renderer made fresh for each document (fonts read and parsed
    // every time: printpdf used without a font pool), in the same run.
    let mut long_data = folio_invoice::sample_data();
    long_data["lines"] = serde_json::Value::Array(
        (1..=60)
            .map(|i| serde_json::json!({"description": format!("Usage line {i}"), "quantity": i, "unit_price": "1.25", "tax_rate": "8"}))
            .collect(),
    );
    let long = Request::new("invoice", request.customer.clone(), &long_data.to_string(), Purpose::Batch, at).unwrap();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("\ninvoice PDF latency (this run):");
    println!("  {:<24} {:>6} {:>9} {:>9} {:>16}", "", "calls", "p50 (ms)", "p99 (ms)", "uncached / cached");
    for (name, req) in [("one page", &request), ("60 lines", &long)] {
        let plan = plugin.plan(req).unwrap();
        renderer.render(&bundle, &plan, req, Format::Pdf).unwrap(); // loads the fonts once
        let cached = time_calls(200, || {
            black_box(renderer.render(&bundle, &plan, req, Format::Pdf).unwrap());
        });
        let uncached = time_calls(5, || {
            let fresh = Renderer::new().unwrap();
            black_box(fresh.render(&bundle, &plan, req, Format::Pdf).unwrap());
        });
        let (c50, c99) = (percentile(&cached, 0.5), percentile(&cached, 0.99));
        let (u50, u99) = (percentile(&uncached, 0.5), percentile(&uncached, 0.99));
        println!("  {:<24} {:>6} {:>9.1} {:>9.1}", format!("{name}, cached fonts"), 200, ms(c50), ms(c99));
        println!("  {:<24} {:>6} {:>9.1} {:>9.1} {:>16.1}", format!("{name}, uncached"), 5, ms(u50), ms(u99), ms(u50) / ms(c50));
    }
}
