//! A plugin whose document kind says how to misbehave. The host's tests use
//! it to prove every limit holds and the host keeps serving afterwards.

use folio_plugin::prelude::*;
use folio_plugin::serde_json::json;
use std::hint::black_box;
use std::sync::atomic::{AtomicU32, Ordering};

pub struct Hostile;

/// Global state: a fresh instance per call must always see it at zero.
static CALLS: AtomicU32 = AtomicU32::new(0);

const KINDS: [&str; 9] = ["ok", "loop", "memory", "recursion", "panic", "big-plan", "log-flood", "bad-slot", "slow"];

impl Plugin for Hostile {
    fn describe() -> Manifest {
        KINDS.iter().fold(Manifest::new("hostile", "0.1.0"), |m, k| {
            m.kind(Kind::new(k, DocumentClass::OnDemand, "hostile").slot("mood", &["calm"]))
        })
    }

    fn plan(request: &Request) -> Result<Plan, PlanError> {
        let calls = CALLS.fetch_add(1, Ordering::SeqCst) + 1;
        match request.kind.as_str() {
            "loop" => loop {
                black_box(calls);
            },
            "memory" => {
                let mut hoard: Vec<Vec<u8>> = Vec::new();
                loop {
                    hoard.push(vec![1u8; 1 << 20]);
                    black_box(&hoard);
                }
            }
            "recursion" => {
                black_box(recurse(black_box(u64::MAX)));
            }
            "panic" => panic!("hostile plugin panicked on purpose for customer {}", request.customer.id),
            "big-plan" => {
                return Plan::new("hostile", &json!({"blob": "x".repeat(2 << 20)}));
            }
            "log-flood" => {
                let line = "y".repeat(1024);
                for _ in 0..10_000 {
                    folio_plugin::log::info(&line);
                }
            }
            "bad-slot" => return Plan::new("hostile", &json!({}))?.block("not-a-slot", "calm").ok(),
            "slow" => {
                // Busy work that finishes well inside the limit.
                let mut x = 0u64;
                for i in 0..200_000u64 {
                    x = black_box(x.wrapping_mul(31).wrapping_add(i));
                }
                black_box(x);
            }
            _ => {}
        }
        Plan::new("hostile", &json!({"customer": request.customer.id, "data": request.data, "calls": calls}))?
            .block("mood", "calm")
            .title(format!("for {}", request.customer.id))
            .ok()
    }
}

/// Unbounded recursion the optimiser cannot turn into a loop.
fn recurse(n: u64) -> u64 {
    if n == 0 { 0 } else { black_box(recurse(black_box(n - 1))) + 1 }
}

folio_plugin::export_plugin!(Hostile);
