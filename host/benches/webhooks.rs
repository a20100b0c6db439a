//! `make bench-webhooks`: webhook delivery against a receiver on loopback.
//!
//! - Baseline: the receiver's own rate, driven by a plain HTTP client with
//!   as many requests in flight as the dispatcher may send to one endpoint.
//! - Throughput: N events queued, then the dispatcher started; deliveries
//!   per second until the receiver has all of them, as a ratio of the baseline.
//! - Latency: events committed one at a time at a steady rate while the
//!   dispatcher runs; commit-to-first-attempt p50 and p95 (target p95 < 1 s).
//!
//! SQLite (the default store) unless `FOLIO_BENCH_POSTGRES_URL` is set.
//! `BENCH_EVENTS` sets N (default 20,000).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use folio::event::{Payload, Ping};
use folio::store::{EndpointRecord, Store};
use folio::webhook::{AddressPolicy, DispatchMetrics, Dispatcher, SecretBox, WebhookConfig, new_secret};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

type Arrivals = Arc<Mutex<HashMap<String, Instant>>>;

async fn receive(State(arrivals): State<Arrivals>, headers: HeaderMap, _body: Bytes) -> &'static str {
    let id = headers.get("webhook-id").and_then(|v| v.to_str().ok()).unwrap_or("baseline").to_string();
    arrivals.lock().unwrap().entry(id).or_insert_with(Instant::now);
    "ok"
}

async fn receiver() -> (String, Arrivals) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let arrivals: Arrivals = Default::default();
    let app = axum::Router::new().fallback(receive).with_state(arrivals.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, arrivals)
}

fn metrics() -> DispatchMetrics {
    DispatchMetrics {
        attempts: prometheus::IntCounterVec::new(prometheus::Opts::new("a", "a"), &["outcome"]).unwrap(),
        attempt_seconds: prometheus::Histogram::with_opts(prometheus::HistogramOpts::new("b", "b")).unwrap(),
        oldest_pending_seconds: prometheus::IntGauge::new("c", "c").unwrap(),
        in_flight: prometheus::IntGauge::new("d", "d").unwrap(),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let events: usize = std::env::var("BENCH_EVENTS").ok().and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let (url, arrivals) = receiver().await;
    let config =
        WebhookConfig { policy: AddressPolicy { allow_private: true }, base_url: "http://folio.bench".into(), ..WebhookConfig::default() };
    let per_endpoint = config.per_endpoint;

    // Baseline: the receiver's own rate, same body size, same concurrency.
    let body = folio::event::envelope(
        "evt_00112233445566778899aabbccddeeff",
        folio::event::EventType::Ping,
        "2026-12-01T00:00:00.000000Z",
        r#"{"endpoint_id":"whk_00112233445566778899aabbccddeeff","sent_by":"k_0011223344556677","sent_at":"2026-12-01T00:00:00.000000Z"}"#,
    );
    let client = reqwest::Client::new();
    let started = Instant::now();
    let mut lanes = Vec::new();
    for lane in 0..per_endpoint {
        let (client, url, body) = (client.clone(), url.clone(), body.clone());
        lanes.push(tokio::spawn(async move {
            for i in (lane..events).step_by(per_endpoint) {
                let r = client.post(&url).header("webhook-id", format!("base_{i}")).body(body.clone()).send().await.unwrap();
                r.bytes().await.unwrap();
            }
        }));
    }
    for lane in lanes {
        lane.await.unwrap();
    }
    let baseline = events as f64 / started.elapsed().as_secs_f64();
    println!("baseline: receiver driven directly, {per_endpoint} in flight: {baseline:.0} requests/s");

    let dir = tempfile::tempdir().unwrap();
    let store = match std::env::var("FOLIO_BENCH_POSTGRES_URL") {
        Ok(url) => Store::open(&url).await.unwrap(),
        Err(_) => Store::open_sqlite(dir.path()).await.unwrap(),
    };
    let secrets = SecretBox::new(&[9; 32]);
    let endpoint =
        EndpointRecord::new("whk_bench".into(), url.clone(), String::new(), secrets.seal("whk_bench", &new_secret()), "bench".into());
    store.create_endpoint(&endpoint, &[folio::event::EventType::AliasMoved]).await.unwrap();
    let ping = |i: usize| Ping { endpoint_id: "whk_bench".into(), sent_by: "bench".into(), sent_at: format!("{i}") }.event();

    // Throughput: queue N, then start the dispatcher.
    for i in 0..events {
        store.record_event(&ping(i), Some("whk_bench")).await.unwrap();
    }
    arrivals.lock().unwrap().clear();
    let started = Instant::now();
    let dispatcher = Dispatcher::start(store.clone(), secrets.clone(), config.clone(), metrics()).await.unwrap();
    while arrivals.lock().unwrap().len() < events {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let rate = events as f64 / started.elapsed().as_secs_f64();
    println!("throughput: {events} queued deliveries: {rate:.0} deliveries/s = {:.2} of the baseline", rate / baseline);

    // Latency: one event every 4 ms (250/s), commit to arrival.
    arrivals.lock().unwrap().clear();
    let samples = (events / 10).clamp(500, 2_000);
    let mut committed = HashMap::with_capacity(samples);
    let mut tick = tokio::time::interval(Duration::from_millis(4));
    for i in 0..samples {
        tick.tick().await;
        let id = store.record_event(&ping(i), Some("whk_bench")).await.unwrap();
        committed.insert(id, Instant::now());
    }
    while arrivals.lock().unwrap().len() < samples {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let arrived = arrivals.lock().unwrap().clone();
    let mut latencies: Vec<Duration> = committed.iter().map(|(id, at)| arrived[id].saturating_duration_since(*at)).collect();
    latencies.sort();
    println!(
        "latency: commit to first attempt over {samples} events at 250/s: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.95).as_secs_f64() * 1e3,
        latencies.last().unwrap().as_secs_f64() * 1e3
    );
    dispatcher.close().await;
}
