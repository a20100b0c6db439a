//! A plugin whose document kind says how to misbehave. The host's tests use
//! it to prove every limit holds and the host keeps serving afterwards.
//!
//! Some kinds misbehave in the plugin (loops, memory, panics, oversized or
//! malformed plans); others plan normally and leave the damage to their
//! templates (`templates/`), which the host renders: HTML nested 100,000
//! deep, `{{#each}}` nested over one array, partials that include each
//! other through computed names, an SVG filter of enormous cost, links that
//! try to run script, output without end. One (`framed`) is well behaved
//! and declares fallbacks, for the open-time fallback tests.

use folio_plugin::prelude::*;
use folio_plugin::serde_json::json;
use std::hint::black_box;
use std::sync::atomic::{AtomicU32, Ordering};

pub struct Hostile;

/// Global state: a fresh instance per call must always see it at zero.
static CALLS: AtomicU32 = AtomicU32::new(0);

const KINDS: [&str; 13] = [
    "ok",
    "loop",
    "memory",
    "recursion",
    "panic",
    "big-plan",
    "log-flood",
    "bad-slot",
    "slow",
    "alloc-churn",
    "deep-view",
    "huge-error",
    "file-name",
];

/// Kinds whose own template does the damage: (kind, template).
const TEMPLATE_KINDS: [(&str, &str); 7] = [
    ("deep-html", "deep-html"),
    ("nested-each", "nested-each"),
    ("partial-loop", "partial-loop"),
    ("links", "links"),
    ("big-output", "big-output"),
    ("svg-filter", "hostile"),
    ("framed", "framed"),
];

impl Plugin for Hostile {
    fn describe() -> Manifest {
        let manifest = KINDS.iter().fold(Manifest::new("hostile", "0.1.0"), |m, k| {
            m.kind(Kind::new(k, DocumentClass::OnDemand, "hostile").slot("mood", &["calm"]))
        });
        TEMPLATE_KINDS.iter().fold(manifest, |m, (kind, template)| {
            let k = Kind::new(kind, DocumentClass::OnDemand, template).slot("mood", &["calm"]);
            m.kind(match *kind {
                "svg-filter" => k.slot("card", &["morph"]),
                "framed" => k.slot("badge", &["plain"]),
                _ => k,
            })
        })
    }

    fn plan(request: &Request) -> Result<Plan, PlanError> {
        let calls = CALLS.fetch_add(1, Ordering::SeqCst) + 1;
        // A customer fact turns any kind hostile, so a test can make a plugin
        // fail after it has planned well (open links are planned when they
        // are created; their opens then fall back).
        if request.attributes().get("facts").get("hostile.panic").value().is_some() {
            panic!("hostile plugin told to panic by the customer's facts");
        }
        match request.kind.as_str() {
            "loop" => loop {
                black_box(calls);
            },
            "memory" => {
                // Grows linear memory a MiB at a time, writing one byte of
                // each: the limit it reaches is the memory limit, never the
                // CPU limit, however slow the machine's page faults are.
                let mut hoard: Vec<Vec<u8>> = Vec::new();
                loop {
                    let mut chunk = Vec::with_capacity(1 << 20);
                    chunk.push(1u8);
                    hoard.push(black_box(chunk));
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
            "alloc-churn" => return churn(),
            "deep-view" => {
                // 129 levels: one past what serde_json reads by default.
                let mut deep = json!("bottom");
                for _ in 0..129 {
                    deep = json!({ "down": deep });
                }
                return Plan::new("hostile", &json!({ "deep": deep }))?.block("mood", "calm").ok();
            }
            "huge-error" => return Err(PlanError::internal("x".repeat(8 << 20))),
            "file-name" => {
                let name = request.data.get("file_name").and_then(|n| n.as_str()).unwrap_or("plain").to_string();
                return Plan::new("hostile", &json!({"customer": request.customer.id, "calls": calls}))?
                    .block("mood", "calm")
                    .title("named")
                    .file_name(name)
                    .ok();
            }
            other => {
                if let Some((_, template)) = TEMPLATE_KINDS.iter().find(|(k, _)| *k == other) {
                    let plan = Plan::new(template, &json!({"customer": request.customer.id, "data": request.data, "calls": calls}))?
                        .block("mood", "calm")
                        .title(format!("{other} for {}", request.customer.id));
                    return match other {
                        "svg-filter" => plan.block("card", "morph").ok(),
                        "framed" => plan.block("badge", "plain").ok(),
                        _ => plan.ok(),
                    };
                }
            }
        }
        Plan::new("hostile", &json!({"customer": request.customer.id, "data": request.data, "calls": calls}))?
            .block("mood", "calm")
            .title(format!("for {}", request.customer.id))
            .ok()
    }
}

/// The text word `i` must hold: derivable from `i` alone, so corruption shows.
fn word(i: usize) -> String {
    (0..i % 37).map(|j| char::from(b'a' + ((i + j) % 26) as u8)).collect()
}

/// Exercises the allocator: strings grown in place, temporaries freed in and
/// out of order, vectors reallocated while other blocks sit above them, a map
/// rebuilt. Every value is then checked against `word`.
fn churn() -> Result<Plan, PlanError> {
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut scratch_sum = 0usize;
    for i in 0..5000 {
        let temp: Vec<usize> = (0..i % 11).collect();
        let mut w = String::new();
        for c in word(i).chars() {
            w.push(c);
        }
        scratch_sum += temp.iter().sum::<usize>();
        words.push((i, w));
        if i % 3 == 0 {
            words.remove(words.len() / 2);
        }
    }
    let mut map = std::collections::BTreeMap::new();
    for (i, w) in &words {
        if *w != word(*i) {
            return Err(PlanError::internal(format!("word {i} was corrupted: {w:?}")));
        }
        map.insert(w.clone(), *i);
    }
    let bytes: usize = words.iter().map(|(_, w)| w.len()).sum();
    Plan::new("hostile", &json!({"words": words.len(), "bytes": bytes, "distinct": map.len(), "scratch": scratch_sum}))?
        .block("mood", "calm")
        .ok()
}

/// Unbounded recursion the optimiser cannot turn into a loop.
fn recurse(n: u64) -> u64 {
    if n == 0 { 0 } else { black_box(recurse(black_box(n - 1))) + 1 }
}

folio_plugin::export_plugin!(Hostile);
