//! Instantiate + plan for the invoice plugin in the sandbox, against the
//! same plan logic compiled natively, in one run.
//!
//! `cargo bench --bench plan` prints criterion's estimates and then a
//! latency table (p50, p99 over individually timed calls) with the
//! Wasm/native ratio. The Wasm path is everything a render pays: a fresh
//! pooled instance, the canonical-ABI copy of the request, the guest's JSON
//! parse, plan and serialization, and the host's parse and check of the
//! plan. The native path is the plugin's own work: parse the request JSON,
//! plan, serialize the view model.

use criterion::Criterion;
use folio::contract::types::{Customer, Purpose, Request};
use folio_plugin::Plugin as _;
use std::hint::black_box;
mod common;

use common::{percentile, time_calls, us};

const AT: &str = "2026-11-22T09:00:00Z";

fn host_request(data: &str) -> Request {
    let customer = Customer::new("cus_bench", "Kedai Runcit Aminah Sdn Bhd", "ms-MY", "Asia/Kuala_Lumpur", "smb");
    let at = chrono::DateTime::parse_from_rfc3339(AT).unwrap().with_timezone(&chrono::Utc);
    Request::new("invoice", customer, data, Purpose::Batch, at).unwrap()
}

/// The plugin's own work, natively: parse, plan, serialize.
fn native_plan(data: &str) -> usize {
    let customer = folio_plugin::Customer::new("cus_bench", "Kedai Runcit Aminah Sdn Bhd", "ms-MY", "Asia/Kuala_Lumpur", "smb");
    let at = folio_plugin::chrono::DateTime::parse_from_rfc3339(AT).unwrap().with_timezone(&folio_plugin::chrono::Utc);
    let data: serde_json::Value = serde_json::from_str(data).unwrap();
    let request = folio_plugin::Request::for_test("invoice", customer, data, at);
    folio_invoice::Invoice::plan(&request).unwrap().view_model_json().len()
}

fn main() {
    let data = folio_invoice::sample_data().to_string();
    let (_, plugin) = common::invoice();
    let request = host_request(&data);
    assert_eq!(plugin.plan(&request).unwrap().view_model_value().unwrap()["total"]["amount"], "2315.08");
    assert!(native_plan(&data) > 0);

    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group("invoice_plan");
    group.bench_function("wasm_instantiate_and_plan", |b| b.iter(|| black_box(plugin.plan(black_box(&request)).unwrap())));
    group.bench_function("native_plan", |b| b.iter(|| black_box(native_plan(black_box(&data)))));
    group.finish();
    criterion.final_summary();

    // Individually timed calls for the tail, in the same run as the baseline.
    let n = 20_000;
    let wasm = time_calls(n, || {
        black_box(plugin.plan(black_box(&request)).unwrap());
    });
    let native = time_calls(n, || {
        black_box(native_plan(black_box(&data)));
    });
    let (wasm_p50, wasm_p99) = (percentile(&wasm, 0.5), percentile(&wasm, 0.99));
    let (native_p50, native_p99) = (percentile(&native, 0.5), percentile(&native, 0.99));
    println!("\ninvoice plan latency over {n} calls each (this run):");
    println!("  {:<28} {:>9} {:>9}", "", "p50 (us)", "p99 (us)");
    println!("  {:<28} {:>9.1} {:>9.1}", "wasm instantiate + plan", us(wasm_p50), us(wasm_p99));
    println!("  {:<28} {:>9.1} {:>9.1}", "native plan (baseline)", us(native_p50), us(native_p99));
    println!("  {:<28} {:>9.2} {:>9.2}", "wasm / native", us(wasm_p50) / us(native_p50), us(wasm_p99) / us(native_p99));
}
