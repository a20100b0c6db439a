//! The sandbox against real plugins: the invoice plans for real, every
//! hostile behaviour gets its own typed error within its limit, the host
//! keeps serving afterwards, and concurrent calls stay isolated.

mod support;

use folio::contract::types::PlanError;
use folio::runtime::{CompiledFrom, Limits};
use folio::{Bundle, CallError, LoadError, RuntimeConfig};
use serde_json::json;
use std::time::{Duration, Instant};
use support::*;

const HOSTILE: &str = "tests/plugins/hostile";
const INVOICE: &str = "plugins/invoice";

fn invoice_data() -> serde_json::Value {
    json!({
        "number": "INV-7", "currency": "MYR", "issued_on": "2026-11-01", "payment_terms_days": 30,
        "payment_url": "https://pay.example.com/i/7",
        "lines": [
            {"description": "Seats", "quantity": 12, "unit_price": "49.90", "discount_percent": "10", "tax_rate": "8"},
            {"description": "Workshop", "quantity": 1, "unit_price": "1500.00", "tax_rate": "8"},
            {"description": "SMS", "quantity": 3, "unit_price": "35.55", "tax_rate": "6"}
        ]
    })
}

#[test]
fn invoice_plugin_returns_a_real_plan() {
    let runtime = runtime();
    let plugin = load(&runtime, INVOICE);
    let plan = plugin.plan(&request("invoice", "cus_1", invoice_data())).expect("plan");
    assert_eq!(plan.template, "invoice");
    assert_eq!(plan.view_model_value().unwrap()["total"]["amount"], "2315.08");
    assert_eq!(plan.view_model_value().unwrap()["customer"]["id"], "cus_1");
    assert_eq!(plan.blocks[0].slot, "status");
    assert_eq!(plan.blocks[0].variant, "due");
    assert_eq!(plan.title, "Invoice INV-7");
    assert_eq!(plan.freshness_seconds, 300);
}

#[test]
fn plugin_errors_carry_the_json_path() {
    let runtime = runtime();
    let plugin = load(&runtime, INVOICE);
    let mut data = invoice_data();
    data["lines"][2]["quantity"] = json!(-1);
    match plugin.plan(&request("invoice", "cus_1", data)) {
        Err(CallError::Plan(PlanError::InvalidInput { path, .. })) => assert_eq!(path, "data.lines[2].quantity"),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[test]
fn every_example_plugin_loads_and_describes_itself() {
    let runtime = runtime();
    for (rel, kind) in [(INVOICE, "invoice"), ("plugins/renewal-proposal", "renewal-proposal"), ("plugins/usage-report", "usage-report")] {
        let plugin = load(&runtime, rel);
        assert!(plugin.manifest().kind(kind).is_some(), "{rel} declares {kind}");
    }
}

/// Runs `kind` on the hostile plugin, then proves a normal call still works.
fn misbehave(kind: &str) -> (CallError, Duration) {
    let runtime = runtime();
    let plugin = load(&runtime, HOSTILE);
    let started = Instant::now();
    let err = plugin.plan(&request(kind, "mallory", json!({}))).expect_err("hostile call must fail");
    let elapsed = started.elapsed();
    let after = plugin.plan(&request("ok", "alice", json!({"n": 1}))).expect("a normal call right after succeeds");
    assert_eq!(after.view_model_value().unwrap()["customer"], "alice");
    (err, elapsed)
}

#[test]
fn infinite_loop_times_out() {
    let (err, elapsed) = misbehave("loop");
    assert!(matches!(err, CallError::Timeout { limit, .. } if limit == Duration::from_millis(100)), "{err:?}");
    // It ran until its deadline and was then stopped (the upper bound only guards against a hang).
    assert!(elapsed >= Duration::from_millis(100), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    assert_eq!(err.class(), "timeout");
}

#[test]
fn unbounded_memory_hits_the_cap() {
    let (err, _) = misbehave("memory");
    match err {
        CallError::MemoryLimit { desired, limit, .. } => {
            assert_eq!(limit, 64 << 20);
            assert!(desired > limit);
        }
        other => panic!("expected memory limit, got {other:?}"),
    }
}

#[test]
fn deep_recursion_overflows_the_stack() {
    let (err, _) = misbehave("recursion");
    assert!(matches!(err, CallError::StackOverflow { .. }), "{err:?}");
}

#[test]
fn panic_is_reported_with_its_message() {
    let (err, _) = misbehave("panic");
    match &err {
        CallError::Crash { panic: Some(message), .. } => {
            assert!(message.contains("hostile plugin panicked on purpose for customer mallory"), "{message}");
        }
        other => panic!("expected a crash with a panic message, got {other:?}"),
    }
    assert!(err.to_string().contains("panicked on purpose"));
}

#[test]
fn oversized_plan_is_refused() {
    let (err, _) = misbehave("big-plan");
    assert!(matches!(err, CallError::OutputTooLarge { size, limit, .. } if size > limit && limit == 1 << 20), "{err:?}");
}

#[test]
fn log_flood_is_cut_off() {
    let (err, _) = misbehave("log-flood");
    assert!(matches!(err, CallError::LogLimit { limit, .. } if limit == 64 << 10), "{err:?}");
}

#[test]
fn plan_filling_an_undeclared_slot_is_invalid() {
    let (err, _) = misbehave("bad-slot");
    assert!(matches!(err, CallError::InvalidPlan { ref field, .. } if field == "blocks[0]"), "{err:?}");
}

#[test]
fn guest_allocator_keeps_data_intact_under_churn() {
    let runtime = runtime();
    let plugin = load(&runtime, HOSTILE);
    let plan = plugin.plan(&request("alloc-churn", "a", json!({}))).expect("the guest verified every value");
    let vm = plan.view_model_value().unwrap();
    // 5000 pushes, one removal per third iteration (i = 0, 3, ..., 4998).
    assert_eq!(vm["words"], 5000 - 1667);
    assert!(vm["bytes"].as_u64().unwrap() > 50_000, "{vm}");
}

#[test]
fn unknown_kind_and_oversized_request_are_refused_before_running() {
    let runtime = runtime_with(RuntimeConfig {
        cache_dir: Some(cache_dir()),
        limits: Limits { max_request_bytes: 4096, ..Limits::default() },
        ..RuntimeConfig::default()
    });
    let plugin = load(&runtime, HOSTILE);
    let err = plugin.plan(&request("no-such-kind", "a", json!({}))).unwrap_err();
    assert!(matches!(err, CallError::UnknownKind { ref kind, .. } if kind == "no-such-kind"), "{err:?}");
    let err = plugin.plan(&request("ok", "a", json!({"blob": "z".repeat(10_000)}))).unwrap_err();
    assert!(matches!(err, CallError::RequestTooLarge { limit: 4096, .. }), "{err:?}");
}

#[test]
fn component_importing_wasi_is_refused_naming_the_import() {
    let wasm = component("tests/plugins/wasi-importer");
    let manifest = folio::Manifest { name: "wasi-importer".into(), version: "0.1.0".into(), kinds: vec![] };
    let bundle = Bundle::create(folio::contract::ContractVersion::V0_1, manifest, wasm, Default::default()).unwrap();
    match runtime().load(&bundle) {
        Err(LoadError::ForbiddenImport { import, .. }) => assert_eq!(import, "wasi:clocks/wall-clock@0.2.0"),
        Err(other) => panic!("expected a forbidden import, got {other}"),
        Ok(_) => panic!("a WASI-importing component must not load"),
    }
}

#[test]
fn bundle_manifest_must_agree_with_describe() {
    let real = bundle(INVOICE);
    let mut manifest = real.manifest().plugin.clone();
    manifest.version = "9.9.9".into();
    let lying = Bundle::create(real.contract(), manifest, real.wasm().to_vec(), real.files().clone()).unwrap();
    match runtime().load(&lying) {
        Err(LoadError::ManifestMismatch { field, in_bundle, in_plugin }) => {
            assert_eq!((field.as_str(), in_bundle.as_str(), in_plugin.as_str()), ("version", "9.9.9", "0.1.0"));
        }
        Err(other) => panic!("expected a manifest mismatch, got {other}"),
        Ok(_) => panic!("a bundle whose manifest lies must not load"),
    }
}

#[test]
fn global_state_never_carries_across_calls() {
    let runtime = runtime();
    let plugin = load(&runtime, HOSTILE);
    for i in 0..20 {
        let plan = plugin.plan(&request("ok", &format!("c{i}"), json!({}))).unwrap();
        assert_eq!(plan.view_model_value().unwrap()["calls"], 1, "call {i} saw state from an earlier call");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_calls_are_correct_and_isolated() {
    let runtime = runtime();
    let hostile = load(&runtime, HOSTILE);
    let invoice = load(&runtime, INVOICE);
    let mut tasks = Vec::new();
    for i in 0..200 {
        let (hostile, invoice) = (hostile.clone(), invoice.clone());
        tasks.push(tokio::spawn(async move {
            let id = format!("cust-{i}");
            match i % 10 {
                // A few misbehaving neighbours in the mix must not disturb the rest.
                0 => {
                    let err = hostile.plan_async(request("loop", &id, json!({}))).await.unwrap_err();
                    assert!(matches!(err, CallError::Timeout { .. }), "{err:?}");
                }
                1 => {
                    let err = hostile.plan_async(request("panic", &id, json!({}))).await.unwrap_err();
                    assert!(matches!(err, CallError::Crash { .. }), "{err:?}");
                }
                2..=5 => {
                    let plan = invoice.plan_async(request("invoice", &id, invoice_data())).await.unwrap();
                    assert_eq!(plan.view_model_value().unwrap()["customer"]["id"], id);
                    assert_eq!(plan.view_model_value().unwrap()["total"]["amount"], "2315.08");
                }
                _ => {
                    let plan = hostile.plan_async(request("ok", &id, json!({"i": i}))).await.unwrap();
                    assert_eq!(plan.view_model_value().unwrap()["customer"], id);
                    assert_eq!(plan.view_model_value().unwrap()["data"]["i"], i);
                    assert_eq!(plan.view_model_value().unwrap()["calls"], 1);
                }
            }
        }));
    }
    for task in tasks {
        task.await.expect("task completes without panicking");
    }
}

#[test]
fn compiled_artifacts_are_cached_and_tampered_ones_recompiled() {
    let dir = tempfile::tempdir().unwrap();
    let config = RuntimeConfig { cache_dir: Some(dir.path().to_path_buf()), ..RuntimeConfig::default() };
    let bundle = bundle(INVOICE);
    let first = runtime_with(config.clone()).load(&bundle).expect("first load compiles");
    assert_eq!(first.compiled_from(), CompiledFrom::Cranelift, "nothing cached yet");
    let artifacts: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "cwasm"))
        .collect();
    assert_eq!(artifacts.len(), 1, "one artifact per component: {artifacts:?}");
    let good = std::fs::read(&artifacts[0]).unwrap();

    // A fresh runtime (a new process, in effect) deserializes the cached
    // artifact rather than compiling, and the cache file stays as it was.
    let plugin = runtime_with(config.clone()).load(&bundle).expect("load from cache");
    assert_eq!(plugin.compiled_from(), CompiledFrom::Artifact, "the second load must use the cached artifact");
    assert!(plugin.plan(&request("invoice", "c", invoice_data())).is_ok());
    assert_eq!(std::fs::read(&artifacts[0]).unwrap(), good);

    // Corrupt the artifact: the next load must not run it, but recompile.
    let mut bad = good.clone();
    let middle = bad.len() / 2;
    bad[middle] ^= 0x55;
    std::fs::write(&artifacts[0], &bad).unwrap();
    let plugin = runtime_with(config.clone()).load(&bundle).expect("load after tampering");
    assert_eq!(plugin.compiled_from(), CompiledFrom::Cranelift, "a tampered artifact is never deserialized");
    assert!(plugin.plan(&request("invoice", "c", invoice_data())).is_ok());
    assert_ne!(std::fs::read(&artifacts[0]).unwrap(), bad, "the tampered artifact was replaced");
    let plugin = runtime_with(config).load(&bundle).expect("load from the replaced artifact");
    assert_eq!(plugin.compiled_from(), CompiledFrom::Artifact, "the recompiled artifact is cached again");
}
