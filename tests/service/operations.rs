//! Running the service: replicas on one database, a clean stop, misbehaving
//! plugins, JSON logs.

use crate::support::server::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_share_one_postgres_database() {
    let db = PgDatabase::create().await;
    let dir = tempfile::tempdir().unwrap();
    let blobs = dir.path().join("shared-blobs");
    let pg = Db::Postgres(db.url.clone());
    // Both start (and migrate) at once.
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| Server::start(&dir.path().join("a"), &blobs, &pg));
        let b = s.spawn(|| Server::start(&dir.path().join("b"), &blobs, &pg));
        (a.join().unwrap(), b.join().unwrap())
    });
    let keys = Keys::create(&a);
    let c = client();
    // Upload and publish through A; render through B; read back through A.
    install(&a, &keys, "plugins/invoice").await;
    let mut req = invoice_request("zh-TW", "pdf");
    req["store"] = json!(true);
    let (status, headers, bytes) = send(c.post(b.url("/v1/documents")).bearer_auth(&keys.billing).json(&req)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&bytes));
    let id = headers["folio-document-id"].to_str().unwrap();
    let (status, _, content) = send(c.get(a.url(&format!("/v1/documents/{id}/content"))).bearer_auth(&keys.billing)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content, bytes);
    let repro = json_ok(c.post(a.url(&format!("/v1/documents/{id}/reproduce"))).bearer_auth(&keys.billing)).await;
    assert_eq!(repro["matches"], true);
    // An idempotency key used on A is honoured by B.
    let post = |s: &Server| c.post(s.url("/v1/documents")).bearer_auth(&keys.billing).header("Idempotency-Key", "shared-1").json(&req);
    let (_, h1, b1) = send(post(&a)).await;
    let (_, h2, b2) = send(post(&b)).await;
    assert_eq!(h1["folio-document-id"], h2["folio-document-id"]);
    assert_eq!(b1, b2);
    drop((a, b));
    db.drop_now().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_stops_the_server_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Sqlite);
    let keys = Keys::create(&server);
    install(&server, &keys, "plugins/invoice").await;
    // A 60-line PDF render is in flight when the signal arrives; it still completes.
    let url = server.url("/v1/documents");
    let key = keys.billing.clone();
    let mut req = invoice_request("zh-CN", "pdf");
    req["data"]["lines"] = Value::Array(
        (1..=60).map(|i| json!({"description": format!("Line {i}"), "quantity": i, "unit_price": "1.25", "tax_rate": "8"})).collect(),
    );
    let in_flight = tokio::spawn(async move { send(client().post(url).bearer_auth(key).json(&req)).await });
    // Wait until the server is serving it: this /metrics request plus the render.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let metrics = String::from_utf8(send(client().get(server.url("/metrics"))).await.2).unwrap();
        if metrics.lines().any(|l| l.strip_prefix("folio_http_requests_in_flight ").is_some_and(|n| n.trim() != "1")) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the render never started");
    }
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let (status, _, body) = in_flight.await.unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with(b"%PDF-"));
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "folio serve exited with {exit}");
}

/// Builds the scaffolded `greeter` plugin at `version`, its template saying `marker`.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_misbehaving_plugin_gets_a_problem_and_a_metric_and_the_server_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Sqlite);
    let keys = Keys::create(&server);
    install(&server, &keys, "tests/plugins/hostile").await;
    let c = client();
    let render = |kind: &str| {
        let req = json!({"plugin": "hostile", "kind": kind, "format": "html", "customer": {"id": "c1"}, "data": {}});
        c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&req)
    };
    for (kind, says) in [("loop", "time limit"), ("memory", "memory"), ("recursion", "stack"), ("panic", "panicked on purpose")] {
        let p = expect_problem(render(kind), StatusCode::BAD_GATEWAY, "plugin-failed").await;
        assert!(p["detail"].as_str().unwrap().contains(says), "{kind}: {p}");
    }
    let (status, _, body) = send(render("ok")).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8(body).unwrap().contains("call 1 for c1"), "a fresh instance per call");
    let metrics = String::from_utf8(send(c.get(server.url("/metrics"))).await.2).unwrap();
    for limit in ["timeout", "memory-limit", "stack-overflow", "crash"] {
        let line = format!("folio_plugin_limit_violations_total{{limit=\"{limit}\",plugin=\"hostile\"}} 1");
        assert!(metrics.contains(&line), "missing {line}:\n{metrics}");
    }
    assert!(metrics.contains("folio_renders_total{format=\"html\",kind=\"loop\",outcome=\"timeout\",plugin=\"hostile\"} 1"), "{metrics}");
}

#[test]
fn logs_can_be_one_json_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = folio_command(dir.path(), &Db::Sqlite)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("FOLIO_LOG", "info")
        .env("FOLIO_LOG_FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let event: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"));
    assert_eq!(event["level"], "INFO");
    assert_eq!(event["fields"]["message"], "folio serving");
    assert!(event["fields"]["addr"].as_str().unwrap().starts_with("127.0.0.1:"));
}
