//! What containment costs: the invoice planned and rendered in a worker
//! process (`folio::contain`), against the same plan and render in this
//! process, in the same run. `cargo bench --bench contain`.
//!
//! Latency: one render at a time, p50 and p99, HTML and one-page PDF.
//! Throughput: renders a second with `workers` renders always in flight,
//! for 10 s each: in workers, and in-process on as many blocking threads.

use folio::contain::{ContainConfig, PluginFiles, Workers};
use folio::contract::types::{Customer, Purpose, Request};
use folio::render::{Format, Renderer};
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod common;

use common::{percentile, time_calls};

fn main() {
    let (bundle, plugin) = common::invoice();
    let renderer = Arc::new(Renderer::new().expect("renderer"));
    renderer.preload_fonts(true).expect("fonts");
    let customer = Customer::new("cus_bench", "Kedai Runcit Aminah Sdn Bhd", "ms-MY", "Asia/Kuala_Lumpur", "smb");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T09:00:00Z").unwrap().with_timezone(&chrono::Utc);
    let request = Request::new("invoice", customer, &folio_invoice::sample_data().to_string(), Purpose::Batch, at).unwrap();

    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    let mut config = ContainConfig::new(env!("CARGO_BIN_EXE_folio").into());
    config.workers = 4;
    config.per_version = 4;
    let concurrency = config.workers;
    let workers = runtime.block_on(Workers::start(config)).expect("workers start");
    let bytes: Arc<[u8]> = bundle.to_bytes().unwrap().into();
    let files: Arc<PluginFiles> = runtime.block_on(workers.prepare(bytes, None)).expect("prepared").files;

    let in_process = |format: Format| {
        let plan = plugin.plan(&request).unwrap();
        renderer.render(&bundle, &plan, &request, format).unwrap().bytes.len()
    };
    let contained = |format: Format| runtime.block_on(workers.render(&files, request.clone(), format)).unwrap().bytes.len();
    for format in [Format::Html, Format::Pdf] {
        assert_eq!(in_process(format) > 0, contained(format) > 0); // warms both
    }

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("\ninvoice latency, one render at a time (this run):");
    println!("  {:<28} {:>6} {:>10} {:>10} {:>14}", "", "calls", "p50 (ms)", "p99 (ms)", "p50 / in-proc");
    for (name, format, n) in [("html", Format::Html, 3000), ("pdf, one page", Format::Pdf, 300)] {
        let inside = time_calls(n, || {
            black_box(in_process(format));
        });
        let worker = time_calls(n, || {
            black_box(contained(format));
        });
        let (i50, i99, w50, w99) =
            (percentile(&inside, 0.5), percentile(&inside, 0.99), percentile(&worker, 0.5), percentile(&worker, 0.99));
        println!("  {:<28} {:>6} {:>10.3} {:>10.3} {:>14}", format!("{name}, in-process"), n, ms(i50), ms(i99), "1.00");
        println!("  {:<28} {:>6} {:>10.3} {:>10.3} {:>14.2}", format!("{name}, contained"), n, ms(w50), ms(w99), ms(w50) / ms(i50));
    }

    println!("\ninvoice throughput, {concurrency} renders in flight, 10 s each (this run):");
    println!("  {:<28} {:>12} {:>16}", "", "renders/s", "contained / in");
    for (name, format) in [("html", Format::Html), ("pdf, one page", Format::Pdf)] {
        let window = Duration::from_secs(10);
        let inside = runtime.block_on(async {
            let started = Instant::now();
            let tasks: Vec<_> = (0..concurrency)
                .map(|_| {
                    let (bundle, plugin, renderer, request) = (bundle.clone(), plugin.clone(), renderer.clone(), request.clone());
                    tokio::task::spawn_blocking(move || {
                        let mut done = 0u64;
                        while started.elapsed() < window {
                            let plan = plugin.plan(&request).unwrap();
                            black_box(renderer.render(&bundle, &plan, &request, format).unwrap());
                            done += 1;
                        }
                        done
                    })
                })
                .collect();
            let mut total = 0;
            for t in tasks {
                total += t.await.unwrap();
            }
            total as f64 / started.elapsed().as_secs_f64()
        });
        let worker = runtime.block_on(async {
            let started = Instant::now();
            let tasks: Vec<_> = (0..concurrency)
                .map(|_| {
                    let (workers, files, request) = (workers.clone(), files.clone(), request.clone());
                    tokio::spawn(async move {
                        let mut done = 0u64;
                        while started.elapsed() < window {
                            black_box(workers.render(&files, request.clone(), format).await.unwrap());
                            done += 1;
                        }
                        done
                    })
                })
                .collect();
            let mut total = 0;
            for t in tasks {
                total += t.await.unwrap();
            }
            total as f64 / started.elapsed().as_secs_f64()
        });
        println!("  {:<28} {:>12.1}", format!("{name}, in-process"), inside);
        println!("  {:<28} {:>12.1} {:>16.2}", format!("{name}, contained"), worker, worker / inside);
    }
}
