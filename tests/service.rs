//! `folio serve` end to end: the real binary on a free loopback port, driven
//! over HTTP — upload → publish → render every format → archive → retrieve
//! → reproduce, keys and scopes, idempotency, customer profiles, concurrent
//! renders — against SQLite and against PostgreSQL, including two server
//! processes sharing one database and blob directory.
//!
//! PostgreSQL comes from `FOLIO_TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/test`, which `make setup` provides);
//! each test creates and drops its own database. If it cannot be reached the
//! PostgreSQL tests fail: they never skip.

mod support;

use reqwest::StatusCode;
use support::server::*;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use support::*;

/// The whole lifecycle against one server.
async fn lifecycle(server: &Server) {
    let c = client();
    let keys = Keys::create(server);

    // Upload: a draft that production renders do not see.
    let (status, headers, body) =
        send(c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(bundle_bytes("plugins/invoice"))).await;
    assert_eq!(status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&body));
    assert_eq!(headers["location"], "/v1/plugins/invoice");
    let uploaded: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(uploaded["status"], "draft");
    let version = uploaded["version"].as_str().unwrap().to_string();
    expect_problem(c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(bundle_bytes("plugins/invoice")), StatusCode::CONFLICT, "version-exists").await;

    let request = invoice_request("en-US", "html");
    let p = expect_problem(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&request), StatusCode::NOT_FOUND, "not-found").await;
    assert_eq!(p["path"], "alias");
    let mut pinned = request.clone();
    pinned["version"] = json!(version);
    expect_problem(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&pinned), StatusCode::CONFLICT, "version-not-published").await;
    let mut preview = pinned.clone();
    preview["preview"] = json!(true);
    let (status, _, body) = send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&preview)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("Harbor &amp; Pine Outfitters LLC"));
    preview["store"] = json!(true);
    expect_problem(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&preview), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;

    // Publish: not by the uploader, once, then point stable at it.
    let publish = server.url(&format!("/v1/plugins/invoice/versions/{version}/publish"));
    expect_problem(c.post(&publish).bearer_auth(&keys.author), StatusCode::FORBIDDEN, "forbidden").await;
    let published = json_ok(c.post(&publish).bearer_auth(&keys.approver)).await;
    assert_eq!(published["status"], "published");
    assert!(published["published_at"].is_string());
    expect_problem(c.post(&publish).bearer_auth(&keys.approver), StatusCode::CONFLICT, "already-published").await;
    let stable = server.url("/v1/plugins/invoice/aliases/stable");
    expect_problem(c.put(&stable).bearer_auth(&keys.approver).json(&json!({"version": "9.9.9"})), StatusCode::NOT_FOUND, "not-found").await;
    let alias = json_ok(c.put(&stable).bearer_auth(&keys.approver).json(&json!({"version": version}))).await;
    assert_eq!(alias["version"], json!(version));
    let listed = json_ok(c.get(server.url("/v1/plugins/invoice")).bearer_auth(&keys.billing)).await;
    assert_eq!(listed["aliases"][0]["alias"], "stable");
    assert_eq!(listed["versions"][0]["digest"], uploaded["digest"]);

    // Render every format through the alias, archived.
    for (format, content_type) in [("html", "text/html; charset=utf-8"), ("text", "text/plain; charset=utf-8"), ("json", "application/json"), ("pdf", "application/pdf")] {
        let mut req = invoice_request("en-US", format);
        req["store"] = json!(true);
        let (status, headers, bytes) = send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&req)).await;
        assert_eq!(status, StatusCode::OK, "{format}: {}", String::from_utf8_lossy(&bytes));
        assert_eq!(headers["content-type"], content_type);
        let id = headers["folio-document-id"].to_str().unwrap().to_string();
        match format {
            "pdf" => assert!(bytes.starts_with(b"%PDF-")),
            "json" => assert!(serde_json::from_slice::<Value>(&bytes).unwrap()["blocks"].is_array()),
            _ => assert!(String::from_utf8_lossy(&bytes).contains("Harbor"), "{format}"),
        }
        let meta = json_ok(c.get(server.url(&format!("/v1/documents/{id}"))).bearer_auth(&keys.billing)).await;
        assert_eq!(meta["sha256"], folio::digest::sha256_hex(&bytes));
        assert_eq!(meta["size"], bytes.len());
        assert_eq!(meta["plugin"], "invoice");
        assert_eq!(meta["digest"], uploaded["digest"]);
        assert_eq!(meta["customer_id"], "cus_us_0191");
        assert_eq!(meta["render_at"], "2026-11-22T09:00:00.000000Z");
        let (status, headers, content) = send(c.get(server.url(&format!("/v1/documents/{id}/content"))).bearer_auth(&keys.billing)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers["content-type"], content_type);
        assert_eq!(content, bytes, "{format}: archived bytes differ");
        let repro = json_ok(c.post(server.url(&format!("/v1/documents/{id}/reproduce"))).bearer_auth(&keys.billing)).await;
        assert_eq!(repro["matches"], true, "{format}: {repro}");
    }
    let timeline = json_ok(c.get(server.url("/v1/customers/cus_us_0191/documents")).bearer_auth(&keys.billing)).await;
    assert_eq!(timeline["documents"].as_array().unwrap().len(), 4);
    expect_problem(c.get(server.url("/v1/documents/doc_nope")).bearer_auth(&keys.billing), StatusCode::NOT_FOUND, "not-found").await;

    idempotency(server, &keys).await;
    auth_and_scopes(server, &keys).await;
    bad_input(server, &keys).await;
    profiles(server, &keys).await;
    concurrent_renders(server, &keys).await;

    let audit = json_ok(c.get(server.url("/v1/audit")).bearer_auth(&keys.admin)).await;
    let actions: Vec<&str> = audit.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for action in ["plugin.upload", "plugin.publish", "alias.move", "key.create"] {
        assert!(actions.contains(&action), "audit lacks {action}: {actions:?}");
    }
    let upload = audit.as_array().unwrap().iter().find(|e| e["action"] == "plugin.upload").unwrap();
    assert_eq!(upload["subject"], format!("invoice@{version}"));
    assert_eq!(upload["detail"]["digest"], uploaded["digest"]);
}

async fn idempotency(server: &Server, keys: &Keys) {
    let c = client();
    let mut req = invoice_request("ms-MY", "pdf");
    req["store"] = json!(true);
    let post = || c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).header("Idempotency-Key", "run-42/INV-7");
    let (s1, h1, b1) = send(post().json(&req)).await;
    assert_eq!(s1, StatusCode::OK, "{}", String::from_utf8_lossy(&b1));
    // The same body with its keys in another order is the same request.
    let reordered: Value = serde_json::from_str(&serde_json::to_string(&req).unwrap()).unwrap();
    let (s2, h2, b2) = send(post().body(reordered_json(&reordered)).header("content-type", "application/json")).await;
    assert_eq!(s2, StatusCode::OK);
    assert_eq!(h1["folio-document-id"], h2["folio-document-id"]);
    assert_eq!(h2["idempotent-replayed"], "true");
    assert_eq!(b1, b2);
    req["data"]["number"] = json!("INV-OTHER");
    expect_problem(post().json(&req), StatusCode::UNPROCESSABLE_ENTITY, "idempotency-key-reused").await;
    // Another caller's key space is its own.
    let other = server.key("render");
    let (s3, h3, _) = send(c.post(server.url("/v1/documents")).bearer_auth(&other).header("Idempotency-Key", "run-42/INV-7").json(&req)).await;
    assert_eq!(s3, StatusCode::OK);
    assert_ne!(h3["folio-document-id"], h1["folio-document-id"]);
}

/// `value` serialized with every object's keys in reverse order.
fn reordered_json(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<_> = map.keys().collect();
            keys.sort();
            keys.reverse();
            let parts: Vec<String> = keys.iter().map(|k| format!("{}:{}", Value::String((*k).clone()), reordered_json(&map[*k]))).collect();
            format!("{{{}}}", parts.join(","))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(reordered_json).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

async fn auth_and_scopes(server: &Server, keys: &Keys) {
    let c = client();
    let docs = server.url("/v1/documents");
    let req = invoice_request("en-US", "html");
    let (status, headers, body) = send(c.post(&docs).json(&req)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers["www-authenticate"], "Bearer");
    problem(status, &headers, &body);
    expect_problem(c.post(&docs).bearer_auth("folio_0123456789abcdef_".to_string() + &"0".repeat(64)).json(&req), StatusCode::UNAUTHORIZED, "unauthorized").await;
    expect_problem(c.post(&docs).bearer_auth("not-a-key").json(&req), StatusCode::UNAUTHORIZED, "unauthorized").await;
    // A real key id with a wrong secret.
    let forged = format!("{}{}", &keys.billing[..23], "f".repeat(64));
    expect_problem(c.post(&docs).bearer_auth(forged).json(&req), StatusCode::UNAUTHORIZED, "unauthorized").await;
    expect_problem(c.post(&docs).bearer_auth(&keys.author).json(&req), StatusCode::FORBIDDEN, "forbidden").await;
    expect_problem(c.post(server.url("/v1/plugins")).bearer_auth(&keys.billing).body(vec![1, 2, 3]), StatusCode::FORBIDDEN, "forbidden").await;
    expect_problem(c.get(server.url("/v1/audit")).bearer_auth(&keys.billing), StatusCode::FORBIDDEN, "forbidden").await;
    expect_problem(c.post(server.url("/v1/keys")).bearer_auth(&keys.approver).json(&json!({"name": "x", "scopes": ["admin"]})), StatusCode::FORBIDDEN, "forbidden").await;
    let created = json_ok(c.post(server.url("/v1/keys")).bearer_auth(&keys.admin).json(&json!({"name": "billing-eu", "scopes": ["render"]}))).await;
    let token = created["token"].as_str().unwrap();
    let (status, _, _) = send(c.post(&docs).bearer_auth(token).json(&req)).await;
    assert_eq!(status, StatusCode::OK);
    // Operations routes need no key.
    assert_eq!(send(c.get(server.url("/healthz"))).await.0, StatusCode::OK);
    assert_eq!(send(c.get(server.url("/readyz"))).await.0, StatusCode::OK);
    let metrics = String::from_utf8(send(c.get(server.url("/metrics"))).await.2).unwrap();
    assert!(metrics.contains("folio_renders_total{format=\"html\",kind=\"invoice\",outcome=\"ok\",plugin=\"invoice\"}"), "{metrics}");
    assert!(metrics.contains("folio_render_duration_seconds_bucket"));
    let openapi = json_ok(c.get(server.url("/openapi.json"))).await;
    assert!(openapi["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in ["/v1/documents", "/v1/plugins", "/v1/plugins/{name}/versions/{version}/publish", "/v1/documents/{id}/reproduce", "/v1/customers/{id}/events", "/v1/audit", "/v1/open-links", "/v1/open-stats", "/o/{token}"] {
        assert!(openapi["paths"][path].is_object(), "openapi lacks {path}");
    }
    expect_problem(c.get(server.url("/v2/nothing")), StatusCode::NOT_FOUND, "not-found").await;
}

async fn bad_input(server: &Server, keys: &Keys) {
    let c = client();
    let post = |body: Value| c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&body);
    let mut req = invoice_request("en-US", "html");
    req["colour"] = json!("blue");
    let p = expect_problem(post(req), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert!(p["detail"].as_str().unwrap().contains("unknown field `colour`"), "{p}");
    let mut req = invoice_request("en-US", "html");
    req["customer"]["nickname"] = json!("x");
    let p = expect_problem(post(req), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert_eq!(p["path"], "customer.nickname", "{p}");
    let mut req = invoice_request("en-US", "html");
    req["data"]["lines"][1]["quantity"] = json!(-3);
    let p = expect_problem(post(req), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert_eq!(p["path"], "data.lines[1].quantity", "{p}");
    let mut req = invoice_request("en-US", "docx");
    req["format"] = json!("docx");
    let p = expect_problem(post(req), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert_eq!(p["path"], "format", "{p}");
    let mut req = invoice_request("en-US", "html");
    req["kind"] = json!("receipt");
    let p = expect_problem(post(req), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert_eq!(p["path"], "kind");
    let mut req = invoice_request("en-US", "html");
    req["locale"] = json!("not a locale!");
    let p = expect_problem(post(req), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert_eq!(p["path"], "locale");
    let (status, headers, body) =
        send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).header("content-type", "application/json").body("{\"plugin\": ")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    problem(status, &headers, &body);
    // Just over the 2 MiB limit: the server has read all but the last bytes
    // when it refuses, so the client is never cut off mid-write (with a far
    // larger body the server's early answer and close can race the upload).
    let huge = json!({"plugin": "invoice", "kind": "invoice", "format": "html", "customer": {"id": "c"}, "data": {"pad": "x".repeat(2 << 20)}});
    expect_problem(post(huge), StatusCode::PAYLOAD_TOO_LARGE, "body-too-large").await;

    // A bundle whose component imports WASI is refused, naming the import.
    let wasi = wasi_bundle();
    let p = expect_problem(c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(wasi), StatusCode::UNPROCESSABLE_ENTITY, "invalid-bundle").await;
    assert!(p["detail"].as_str().unwrap().contains("wasi:clocks/wall-clock"), "{p}");
    let p = expect_problem(c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(b"not a bundle".to_vec()), StatusCode::UNPROCESSABLE_ENTITY, "invalid-bundle").await;
    assert!(p["detail"].as_str().unwrap().starts_with("bundle refused"), "{p}");
}

/// A well-formed bundle around the WASI-importing test component.
fn wasi_bundle() -> Vec<u8> {
    use folio::contract::types::{DocumentClass, Kind, Manifest, OutputFormat};
    let manifest = Manifest {
        name: "wasi-importer".into(),
        version: "0.1.0".into(),
        kinds: vec![Kind { name: "x".into(), class: DocumentClass::Structured, template: "x".into(), slots: vec![], formats: vec![OutputFormat::Html] }],
    };
    let files = [("templates/x.hbs".to_string(), b"x".to_vec())].into_iter().collect();
    let contract = folio::contract::ContractVersion::ALL[0];
    folio::Bundle::create(contract, manifest, component("tests/plugins/wasi-importer"), files).unwrap().to_bytes().unwrap()
}

async fn profiles(server: &Server, keys: &Keys) {
    let c = client();
    let profile_url = server.url("/v1/customers/cus_my_7");
    let p = expect_problem(c.put(&profile_url).bearer_auth(&keys.billing).json(&json!({"name": "Kedai Runcit Ali", "timezone": "Mars/Base"})), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert_eq!(p["path"], "timezone");
    let saved = json_ok(c.put(&profile_url).bearer_auth(&keys.billing).json(&json!({
        "name": "Kedai Runcit Ali Sdn Bhd", "locale": "ms-MY", "timezone": "Asia/Kuala_Lumpur", "segment": "smb",
        "attributes": {"tier": "gold"}
    }))).await;
    assert_eq!(saved["version"], 1);
    let events = c.post(format!("{profile_url}/events")).bearer_auth(&keys.billing);
    let stored = json_ok(events.json(&json!({"events": [{"name": "active_users", "value": 12, "at": "2026-11-20T00:00:00Z"}]}))).await;
    assert_eq!(stored[0]["value"], 12);
    let profile = json_ok(c.get(&profile_url).bearer_auth(&keys.billing)).await;
    assert_eq!(profile["version"], 2, "an event makes the profile newer");
    expect_problem(c.post(server.url("/v1/customers/nobody/events")).bearer_auth(&keys.billing).json(&json!({"events": [{"name": "x", "value": 1}]})), StatusCode::NOT_FOUND, "not-found").await;

    // A render for the stored profile uses its name and locale.
    let input = example("invoice", "ms-MY");
    let req = json!({"plugin": "invoice", "kind": "invoice", "format": "html", "customer_id": "cus_my_7", "data": input["data"], "at": "2026-11-22T09:00:00Z", "store": true});
    let (status, headers, body) = send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&req)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains("Kedai Runcit Ali Sdn Bhd") && html.contains("lang=\"ms"), "{html}");
    let id = headers["folio-document-id"].to_str().unwrap();
    let repro = json_ok(c.post(server.url(&format!("/v1/documents/{id}/reproduce"))).bearer_auth(&keys.billing)).await;
    assert_eq!(repro["matches"], true, "reproduction uses the recorded profile, not the current one");
    // A payment recorded as an event changes the next render of the same
    // request: the stored profile is read fresh every time.
    let en = example("invoice", "en-US");
    let reminder = json!({"plugin": "invoice", "kind": "invoice", "format": "text", "customer_id": "cus_my_7", "locale": "en-US", "data": en["data"], "at": "2026-11-22T09:00:00Z"});
    let before = String::from_utf8(send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&reminder)).await.2).unwrap();
    assert!(before.contains("Please pay") && !before.contains("Thank you"), "{before}");
    let paid = format!("paid:{}", en["data"]["number"].as_str().unwrap());
    json_ok(c.post(format!("{profile_url}/events")).bearer_auth(&keys.billing).json(&json!({"events": [{"name": paid, "value": {"amount": "331.00"}}]}))).await;
    let after = String::from_utf8(send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&reminder)).await.2).unwrap();
    assert!(after.contains("Thank you") && !after.contains("Please pay") && !after.contains("Pay now"), "{after}");

    let mut missing = req.clone();
    missing["customer_id"] = json!("cus_unknown");
    let p = expect_problem(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&missing), StatusCode::NOT_FOUND, "not-found").await;
    assert_eq!(p["path"], "customer_id");
}

async fn concurrent_renders(server: &Server, keys: &Keys) {
    let mut tasks = Vec::new();
    for i in 0..50 {
        let url = server.url("/v1/documents");
        let key = keys.billing.clone();
        tasks.push(tokio::spawn(async move {
            let mut req = invoice_request(["en-US", "ms-MY", "zh-CN", "zh-TW"][i % 4], "html");
            let name = format!("Concurrent Customer {i:02}");
            req["customer"]["display_name"] = json!(name);
            req["customer"]["id"] = json!(format!("cus_conc_{i}"));
            let (status, _, body) = send(client().post(url).bearer_auth(key).json(&req)).await;
            (i, status, String::from_utf8(body).unwrap())
        }));
    }
    for task in tasks {
        let (i, status, html) = task.await.unwrap();
        assert_eq!(status, StatusCode::OK, "render {i}: {html}");
        assert!(html.contains(&format!("Concurrent Customer {i:02}")), "render {i} lacks its own customer");
        for j in (0..50).filter(|j| *j != i) {
            assert!(!html.contains(&format!("Concurrent Customer {j:02}")), "render {i} shows customer {j}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn lifecycle_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Sqlite);
    lifecycle(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn lifecycle_on_postgres() {
    let db = PgDatabase::create().await;
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Postgres(db.url.clone()));
    lifecycle(&server).await;
    drop(server);
    db.drop_now().await;
}

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
    req["data"]["lines"] = Value::Array((1..=60).map(|i| json!({"description": format!("Line {i}"), "quantity": i, "unit_price": "1.25", "tax_rate": "8"})).collect());
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
fn greeter_bundle(dir: &Path, version: &str, marker: &str) -> Vec<u8> {
    let crate_dir = dir.join(format!("greeter-{version}"));
    folio::build::scaffold(&crate_dir, "greeter", &folio::build::default_sdk_path()).unwrap();
    let manifest = crate_dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap().replacen("version = \"0.1.0\"", &format!("version = \"{version}\""), 1);
    std::fs::write(&manifest, text).unwrap();
    std::fs::write(crate_dir.join("templates/greeter.hbs"), format!("<h1>{{{{title}}}}</h1>\n<p>{marker}: {{{{view.message}}}}</p>\n")).unwrap();
    let options = folio::build::BuildOptions { target_dir: Some(guest_target_dir()) };
    let bundle = folio::build::build_plugin(&crate_dir, &folio::build::in_process(&runtime()), &options).unwrap_or_else(|e| panic!("building greeter {version}: {e}"));
    bundle.to_bytes().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn moving_stable_back_is_the_rollback() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = greeter_bundle(dir.path(), "1.0.0", "first edition");
    let v2 = greeter_bundle(dir.path(), "1.1.0", "second edition");
    let server = Server::start(&dir.path().join("data"), &dir.path().join("blobs"), &Db::Sqlite);
    let keys = Keys::create(&server);
    let c = client();
    for (bytes, version) in [(v1, "1.0.0"), (v2, "1.1.0")] {
        let (status, _, body) = send(c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(bytes)).await;
        assert_eq!(status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&body));
        json_ok(c.post(server.url(&format!("/v1/plugins/greeter/versions/{version}/publish"))).bearer_auth(&keys.approver)).await;
    }
    let stable = server.url("/v1/plugins/greeter/aliases/stable");
    let render = || async {
        let req = json!({"plugin": "greeter", "kind": "greeter", "format": "text", "customer": {"id": "c1"}, "data": {"message": "hello"}, "store": true});
        let (status, headers, body) = send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&req)).await;
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
        let id = headers["folio-document-id"].to_str().unwrap().to_string();
        let meta = json_ok(c.get(server.url(&format!("/v1/documents/{id}"))).bearer_auth(&keys.billing)).await;
        (String::from_utf8(body).unwrap(), meta["version"].as_str().unwrap().to_string())
    };
    json_ok(c.put(&stable).bearer_auth(&keys.approver).json(&json!({"version": "1.1.0"}))).await;
    let (text, version) = render().await;
    assert!(text.contains("second edition: hello"), "{text}");
    assert_eq!(version, "1.1.0");
    // Roll back: stable points at 1.0.0 again and renders follow at once.
    let moved = json_ok(c.put(&stable).bearer_auth(&keys.approver).json(&json!({"version": "1.0.0"}))).await;
    assert_eq!(moved["version"], "1.0.0");
    let (text, version) = render().await;
    assert!(text.contains("first edition: hello"), "{text}");
    assert_eq!(version, "1.0.0");
    let audit = json_ok(c.get(server.url("/v1/audit")).bearer_auth(&keys.admin)).await;
    let rollback = audit.as_array().unwrap().iter().find(|e| e["action"] == "alias.move").unwrap();
    assert_eq!(rollback["detail"], json!({"from": "1.1.0", "to": "1.0.0"}), "newest first: {audit}");
    // Both versions stay listed, newest upload last.
    let listed = json_ok(c.get(server.url("/v1/plugins/greeter")).bearer_auth(&keys.billing)).await;
    let versions: Vec<&str> = listed["versions"].as_array().unwrap().iter().map(|v| v["version"].as_str().unwrap()).collect();
    assert_eq!(versions, ["1.0.0", "1.1.0"]);
}

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

/// Creates an open link and returns (id, url).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_open_link_renders_the_freshest_profile_at_every_open() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Sqlite);
    open_links(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn open_links_on_postgres() {
    let db = PgDatabase::create().await;
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Postgres(db.url.clone()));
    open_links(&server).await;
    drop(server);
    db.drop_now().await;
}

/// Open links end to end against one server.
async fn open_links(server: &Server) {
    let keys = Keys::create(server);
    install(server, &keys, "plugins/invoice").await;
    let c = client();
    let profile = server.url("/v1/customers/cus_open_1");
    json_ok(c.put(&profile).bearer_auth(&keys.billing).json(&json!({"name": "Harbor <b>&</b> Pine", "locale": "en-US", "timezone": "America/Los_Angeles"}))).await;
    let invoice = example("invoice", "en-US")["data"].clone();
    let p = expect_problem(c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_nobody", "data": invoice})), StatusCode::NOT_FOUND, "not-found").await;
    assert_eq!(p["path"], "customer_id");
    let p = expect_problem(c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice, "formats": ["html", "gif"]})), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert_eq!(p["path"], "formats");
    let (id, url) = open_link(server, &keys.billing, json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice})).await;

    // Unpaid: the reminder asks for payment; the customer's markup is escaped.
    let (status, headers, html) = open_as(&url, IPHONE).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "no-cache, max-age=0");
    assert_eq!(headers["folio-open"], "fresh");
    assert!(html.contains("Please pay") && html.contains("Pay now"), "{html}");
    assert!(html.contains("Harbor &lt;b&gt;&amp;&lt;/b&gt; Pine") && !html.contains("<b>&</b>"), "markup must be escaped");
    // Opened again with nothing changed, within the plan's freshness window:
    // the same render, from the cache.
    let (_, headers, again) = open_as(&url, IPHONE).await;
    assert_eq!(headers["folio-open"], "cached");
    assert_eq!(again, html);
    // The billing system records the payment; the same URL now says thank you.
    let paid = format!("paid:{}", invoice["number"].as_str().unwrap());
    json_ok(c.post(format!("{profile}/events")).bearer_auth(&keys.billing).json(&json!({"events": [{"name": paid, "value": true}]}))).await;
    let (_, headers, html) = open_as(&url, IPHONE).await;
    assert_eq!(headers["folio-open"], "fresh", "the payment made the profile newer");
    assert!(html.contains("Thank you") && !html.contains("Pay now"), "{html}");

    // Every open is recorded and classified; scanners' HEAD renders nothing.
    let (status, headers, body) = send(c.head(&url).header("user-agent", IPHONE)).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap(), body.len()), (StatusCode::OK, "head", 0));
    open_as(&url, "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)").await;
    let opens = json_ok(c.get(server.url(&format!("/v1/open-links/{id}/opens"))).bearer_auth(&keys.billing)).await;
    let agents: Vec<&str> = opens["opens"].as_array().unwrap().iter().map(|o| o["agent"].as_str().unwrap()).collect();
    // Opens within 10 s of the link's creation count as scanners (mail gateways).
    assert_eq!(agents.len(), 5, "{opens}");
    assert!(agents.iter().all(|a| *a == "scanner" || *a == "gmail-proxy"), "{agents:?}");
    assert_eq!(opens["human_opens"], 0);
    let timeline = json_ok(c.get(server.url("/v1/customers/cus_open_1/documents")).bearer_auth(&keys.billing)).await;
    assert_eq!(timeline["opens"].as_array().unwrap().len(), 5);
    let stats = json_ok(c.get(server.url("/v1/open-stats?plugin=invoice")).bearer_auth(&keys.billing)).await;
    assert_eq!(
        stats,
        json!([{"plugin": "invoice", "kind": "invoice", "links": 1, "opens": 5, "unique_human_opens": 0,
                "proxy_opens": 0, "scanner_opens": 5, "fallback_opens": 0}]),
        "within 10 s of the link's creation every opener counts as a scanner"
    );

    // The image: the same freshness, drawn as PNG for the email body.
    let profile2 = server.url("/v1/customers/cus_open_2");
    json_ok(c.put(&profile2).bearer_auth(&keys.billing).json(&json!({"name": "</text><b>&</b>", "locale": "zh-TW", "timezone": "Asia/Taipei"}))).await;
    let created = json_ok(c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_2", "data": invoice, "formats": ["png", "html"]}))).await;
    let image_url = created["image_url"].as_str().unwrap();
    assert_eq!(image_url, format!("{}.png", created["html_url"].as_str().unwrap()));
    // Each token shows its own customer only.
    let (_, _, b_page) = open_as(created["html_url"].as_str().unwrap(), IPHONE).await;
    assert!(b_page.contains("&lt;/text&gt;&lt;b&gt;&amp;&lt;/b&gt;") && !b_page.contains("Harbor"), "{b_page}");
    let (_, _, a_page) = open_as(&url, IPHONE).await;
    assert!(a_page.contains("Harbor") && !a_page.contains("&lt;/text&gt;"), "{a_page}");
    let (status, headers, unpaid) = send(c.get(image_url).header("user-agent", IPHONE)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(headers["cache-control"], "no-cache, max-age=0");
    // Fresh, not the fallback: the customer's markup was escaped into SVG text.
    assert_eq!(headers["folio-open"], "fresh");
    assert_eq!(png_size(&unpaid), (1200, 300));
    json_ok(c.post(format!("{profile2}/events")).bearer_auth(&keys.billing).json(&json!({"events": [{"name": paid, "value": true}]}))).await;
    let (_, headers, thanked) = send(c.get(image_url).header("user-agent", IPHONE)).await;
    assert_eq!(headers["folio-open"], "fresh");
    assert_eq!(png_size(&thanked), (1200, 300));
    assert_ne!(thanked, unpaid, "the same image URL now draws the thank-you block");
    let (_, headers, again) = send(c.get(image_url).header("user-agent", IPHONE)).await;
    assert_eq!((headers["folio-open"].to_str().unwrap(), again), ("cached", thanked));
    assert_eq!(send(c.get(format!("{url}.png"))).await.0, StatusCode::NOT_FOUND, "an HTML-only link serves no image");
    let html_only = json_ok(c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_2", "data": invoice, "formats": ["png"]}))).await;
    assert!(html_only.get("html_url").is_none(), "{html_only}");
    assert_eq!(send(c.get(html_only["image_url"].as_str().unwrap().trim_end_matches(".png"))).await.0, StatusCode::NOT_FOUND);
    let p = expect_problem(c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_2", "data": invoice, "formats": []})), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert_eq!(p["path"], "formats");

    // Tampered, truncated, guessed, other-key and revoked tokens: a bare 404.
    let token = url.rsplit('/').next().unwrap().to_string();
    let base = format!("{}/o/", server.base);
    let flipped = format!("{}{}", &token[..40], if &token[40..41] == "0" { "1" } else { "0" }) + &token[41..];
    let other_key = format!("{}{}", if &token[..8] == "00000000" { "11111111" } else { "00000000" }, &token[8..]);
    for bad in [flipped, token[..87].to_string(), "ab".repeat(44), other_key, "zz".repeat(44)] {
        let (status, _, body) = send(c.get(format!("{base}{bad}"))).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
        assert!(body.is_empty(), "a 404 reveals nothing");
    }
    assert_eq!(send(c.delete(server.url(&format!("/v1/open-links/{id}"))).bearer_auth(&keys.billing)).await.0, StatusCode::NO_CONTENT);
    assert_eq!(send(c.get(&url)).await.0, StatusCode::NOT_FOUND, "revoked");
    expect_problem(c.delete(server.url(&format!("/v1/open-links/{id}"))).bearer_auth(&keys.billing), StatusCode::NOT_FOUND, "not-found").await;

    // Expiry is part of the signed token.
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let (_, expiring) = open_link(server, &keys.billing, json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice, "expires_at": soon})).await;
    assert_eq!(send(c.get(&expiring)).await.0, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(send(c.get(&expiring)).await.0, StatusCode::NOT_FOUND, "expired");

    // Signing keys rotate: old links verify until their key is retired.
    let (_, old) = open_link(server, &keys.billing, json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice})).await;
    let old_key = old.rsplit('/').next().unwrap()[..8].to_string();
    let rotated = json_ok(c.post(server.url("/v1/signing-keys")).bearer_auth(&keys.admin)).await;
    let (_, new) = open_link(server, &keys.billing, json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice})).await;
    assert_eq!(&new.rsplit('/').next().unwrap()[..8], rotated["id"].as_str().unwrap());
    assert_eq!(send(c.get(&old)).await.0, StatusCode::OK, "old key still verifies");
    assert_eq!(send(c.delete(server.url(&format!("/v1/signing-keys/{old_key}"))).bearer_auth(&keys.admin)).await.0, StatusCode::NO_CONTENT);
    assert_eq!(send(c.get(&old)).await.0, StatusCode::NOT_FOUND, "retired key");
    assert_eq!(send(c.get(&new)).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_failing_open_serves_the_last_good_render_or_a_neutral_page_never_a_5xx() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Sqlite);
    let keys = Keys::create(&server);
    install(&server, &keys, "tests/plugins/hostile").await;
    install(&server, &keys, "plugins/invoice").await;
    let c = client();
    let profile = server.url("/v1/customers/cus_fb");
    json_ok(c.put(&profile).bearer_auth(&keys.billing).json(&json!({"name": "Fallback Co"}))).await;
    let (id, url) = open_link(&server, &keys.billing, json!({"plugin": "hostile", "kind": "ok", "customer_id": "cus_fb", "data": {}})).await;
    let (status, headers, good) = open_as(&url, IPHONE).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap()), (StatusCode::OK, "fresh"), "{good}");
    assert!(good.contains("for cus_fb"), "{good}");
    // The plugin starts failing: the open gets the last good render.
    json_ok(c.post(format!("{profile}/events")).bearer_auth(&keys.billing).json(&json!({"events": [{"name": "hostile.panic", "value": true}]}))).await;
    let (status, headers, html) = open_as(&url, IPHONE).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap()), (StatusCode::OK, "fallback"));
    assert_eq!(html, good);
    let opens = json_ok(c.get(server.url(&format!("/v1/open-links/{id}/opens"))).bearer_auth(&keys.billing)).await;
    assert_eq!(opens["fallback_opens"], 1);
    // A link that never rendered well gets its template's fallback…
    let created = json_ok(c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_fb", "data": {"currency": "MYR"}, "formats": ["html", "png"]}))).await;
    let (status, headers, html) = open_as(created["html_url"].as_str().unwrap(), IPHONE).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap()), (StatusCode::OK, "fallback"));
    assert!(html.contains("Its latest status cannot be shown right now"), "{html}");
    let (status, headers, image) = send(c.get(created["image_url"].as_str().unwrap())).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap(), headers["content-type"].to_str().unwrap()), (StatusCode::OK, "fallback", "image/png"));
    assert_eq!(png_size(&image), (1200, 300), "the template's fallback image");
    // …and where the template declares none, the neutral page.
    let (_, broken) = open_link(&server, &keys.billing, json!({"plugin": "hostile", "kind": "panic", "customer_id": "cus_fb", "data": {}})).await;
    let (status, headers, html) = open_as(&broken, IPHONE).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap()), (StatusCode::OK, "fallback"));
    assert!(html.contains("not available right now"), "{html}");
    // A kind without image blocks cannot serve PNG.
    let p = expect_problem(c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(&json!({"plugin": "hostile", "kind": "ok", "customer_id": "cus_fb", "data": {}, "formats": ["png"]})), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
    assert_eq!(p["path"], "formats");
    assert!(p["detail"].as_str().unwrap().contains("no block with an image variant"), "{p}");
    let metrics = String::from_utf8(send(c.get(server.url("/metrics"))).await.2).unwrap();
    assert!(metrics.contains("folio_opens_total{agent=\"scanner\",kind=\"ok\",outcome=\"fallback\",plugin=\"hostile\"} 1"), "{metrics}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_of_opens_from_one_address_is_limited_without_affecting_others() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir.path(), &dir.path().join("blobs"), &Db::Sqlite, &["--open-rate-limit", "5"]);
    let keys = Keys::create(&server);
    install(&server, &keys, "tests/plugins/hostile").await;
    json_ok(client().put(server.url("/v1/customers/cus_rl")).bearer_auth(&keys.billing).json(&json!({"name": "Rate Ltd"}))).await;
    let (_, url) = open_link(&server, &keys.billing, json!({"plugin": "hostile", "kind": "ok", "customer_id": "cus_rl", "data": {}})).await;
    // 127.0.0.1 floods: beyond a burst of 10 it is refused.
    let mut statuses = Vec::new();
    let started = std::time::Instant::now();
    for _ in 0..40 {
        statuses.push(send(client().get(&url)).await.0);
    }
    // Allowed: the burst of 10, plus 5 a second refilled while flooding.
    let allowed_at_most = 10 + (5.0 * started.elapsed().as_secs_f64()).ceil() as usize;
    let served = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!(served + refused, 40, "{statuses:?}");
    assert!(refused > 0 && served <= allowed_at_most, "served {served}, at most {allowed_at_most}: {statuses:?}");
    assert!(statuses[..10].iter().all(|s| *s == StatusCode::OK), "{statuses:?}");
    // Another address is served as usual.
    let other = reqwest::Client::builder().local_address("127.0.0.2".parse::<std::net::IpAddr>().unwrap()).build().unwrap();
    for _ in 0..5 {
        assert_eq!(send(other.get(&url)).await.0, StatusCode::OK);
    }
    let metrics = String::from_utf8(send(client().get(server.url("/metrics"))).await.2).unwrap();
    assert!(metrics.contains(&format!("folio_opens_rate_limited_total {refused}")), "{metrics}");
}
