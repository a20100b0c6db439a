//! Rendering and the archive: the whole lifecycle on SQLite and on
//! PostgreSQL, idempotent retries, concurrent renders.

use crate::support::server::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Upload → publish → render every format → archive → retrieve → reproduce,
/// and the audit log of it, against `server`.
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
    expect_problem(
        c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(bundle_bytes("plugins/invoice")),
        StatusCode::CONFLICT,
        "version-exists",
    )
    .await;

    let request = invoice_request("en-US", "html");
    let p =
        expect_problem(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&request), StatusCode::NOT_FOUND, "not-found")
            .await;
    assert_eq!(p["path"], "alias");
    let mut pinned = request.clone();
    pinned["version"] = json!(version);
    expect_problem(
        c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&pinned),
        StatusCode::CONFLICT,
        "version-not-published",
    )
    .await;
    let mut preview = pinned.clone();
    preview["preview"] = json!(true);
    let (status, _, body) = send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&preview)).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert!(String::from_utf8_lossy(&body).contains("Harbor &amp; Pine Outfitters LLC"));
    preview["store"] = json!(true);
    expect_problem(
        c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&preview),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;

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
    let listed = json_ok(c.get(server.url("/v1/plugins/invoice")).bearer_auth(&keys.approver)).await;
    assert_eq!(listed["aliases"][0]["alias"], "stable");
    assert_eq!(listed["versions"][0]["digest"], uploaded["digest"]);

    // Render every format through the alias, archived.
    for (format, content_type) in [
        ("html", "text/html; charset=utf-8"),
        ("text", "text/plain; charset=utf-8"),
        ("json", "application/json"),
        ("pdf", "application/pdf"),
    ] {
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

    let audit = json_ok(c.get(server.url("/v1/audit")).bearer_auth(&keys.admin)).await;
    let actions: Vec<&str> = audit.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for action in ["plugin.upload", "plugin.publish", "alias.move", "key.create"] {
        assert!(actions.contains(&action), "audit lacks {action}: {actions:?}");
    }
    let upload = audit.as_array().unwrap().iter().find(|e| e["action"] == "plugin.upload").unwrap();
    assert_eq!(upload["subject"], format!("invoice@{version}"));
    assert_eq!(upload["detail"]["digest"], uploaded["digest"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_lifecycle_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Sqlite);
    lifecycle(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_lifecycle_on_postgres() {
    let db = PgDatabase::create().await;
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Postgres(db.url.clone()));
    lifecycle(&server).await;
}

/// Idempotent retries: the same key and body return the same document.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn retries_with_an_idempotency_key_get_the_first_document() {
    let (_dir, server, keys) = invoice_server().await;
    let (server, keys) = (&server, &keys);
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
    let (s3, h3, _) =
        send(c.post(server.url("/v1/documents")).bearer_auth(&other).header("Idempotency-Key", "run-42/INV-7").json(&req)).await;
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

/// Fifty renders at once, each showing its own customer only.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_renders_each_show_their_own_customer() {
    let (_dir, server, keys) = invoice_server().await;
    let (server, keys) = (&server, &keys);
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
