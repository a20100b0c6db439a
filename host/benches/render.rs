//! Plan + render for the invoice, per output format, against plan alone in
//! the same run. `cargo bench --bench render`.

use criterion::Criterion;
use folio::build::{BuildOptions, build_plugin};
use folio::contract::types::{Customer, Purpose, Request};
use folio::render::{Format, Renderer};
use folio::{Runtime, RuntimeConfig};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn main() {
    let runtime = Runtime::new(RuntimeConfig { cache_dir: Some(repo().join("target/test-cache")), ..RuntimeConfig::default() })
        .expect("runtime");
    let target_dir = std::env::var_os("FOLIO_GUEST_TARGET_DIR").map(Into::into).unwrap_or_else(|| repo().join("target/guest"));
    let bundle = build_plugin(&repo().join("plugins/invoice"), &runtime, &BuildOptions { target_dir: Some(target_dir) })
        .unwrap_or_else(|e| panic!("building the invoice plugin failed (run `make setup`): {e}"));
    let plugin = runtime.load(&bundle).expect("invoice loads");
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
        let mut samples: Vec<Duration> = (0..n)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect();
        samples.sort();
        (samples[n / 2], samples[n * 99 / 100])
    };
    let us = |d: Duration| d.as_secs_f64() * 1e6;
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
}
