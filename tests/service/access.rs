//! Who may do what: keys and scopes, and bad input answered with one
//! problem naming the field.

use crate::support::server::*;
use crate::support::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Keys and scopes.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn keys_and_scopes_decide_who_may_do_what() {
    let (_dir, server, keys) = invoice_server().await;
    let (server, keys) = (&server, &keys);
    let c = client();
    let docs = server.url("/v1/documents");
    let req = invoice_request("en-US", "html");
    let (status, headers, body) = send(c.post(&docs).json(&req)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers["www-authenticate"], "Bearer");
    problem(status, &headers, &body);
    expect_problem(
        c.post(&docs).bearer_auth("folio_0123456789abcdef_".to_string() + &"0".repeat(64)).json(&req),
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    expect_problem(c.post(&docs).bearer_auth("not-a-key").json(&req), StatusCode::UNAUTHORIZED, "unauthorized").await;
    // A real key id with a wrong secret.
    let forged = format!("{}{}", &keys.billing[..23], "f".repeat(64));
    expect_problem(c.post(&docs).bearer_auth(forged).json(&req), StatusCode::UNAUTHORIZED, "unauthorized").await;
    expect_problem(c.post(&docs).bearer_auth(&keys.author).json(&req), StatusCode::FORBIDDEN, "forbidden").await;
    expect_problem(c.post(server.url("/v1/plugins")).bearer_auth(&keys.billing).body(vec![1, 2, 3]), StatusCode::FORBIDDEN, "forbidden")
        .await;
    expect_problem(c.get(server.url("/v1/audit")).bearer_auth(&keys.billing), StatusCode::FORBIDDEN, "forbidden").await;
    // The registry (with uploaders' key ids) is for those who govern plugins.
    for path in ["/v1/plugins", "/v1/plugins/invoice"] {
        expect_problem(c.get(server.url(path)).bearer_auth(&keys.billing), StatusCode::FORBIDDEN, "forbidden").await;
        for reader in [&keys.author, &keys.approver, &keys.admin] {
            assert_eq!(send(c.get(server.url(path)).bearer_auth(reader)).await.0, StatusCode::OK, "{path}");
        }
    }
    // The scheme of `Authorization` is case-insensitive (RFC 9110 §11.1).
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let (status, _, body) = send(c.post(&docs).header("authorization", format!("{scheme} {}", keys.billing)).json(&req)).await;
        assert_eq!(status, StatusCode::OK, "{scheme}: {}", String::from_utf8_lossy(&body));
    }
    expect_problem(
        c.post(server.url("/v1/keys")).bearer_auth(&keys.approver).json(&json!({"name": "x", "scopes": ["admin"]})),
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let created =
        json_ok(c.post(server.url("/v1/keys")).bearer_auth(&keys.admin).json(&json!({"name": "billing-eu", "scopes": ["render"]}))).await;
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
    for path in [
        "/v1/documents",
        "/v1/plugins",
        "/v1/plugins/{name}/versions/{version}/publish",
        "/v1/documents/{id}/reproduce",
        "/v1/customers/{id}/events",
        "/v1/audit",
        "/v1/open-links",
        "/v1/open-stats",
        "/o/{token}",
    ] {
        assert!(openapi["paths"][path].is_object(), "openapi lacks {path}");
    }
    expect_problem(c.get(server.url("/v2/nothing")), StatusCode::NOT_FOUND, "not-found").await;
}

/// Bad input: one problem naming the field.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bad_input_gets_a_problem_naming_what_is_wrong() {
    let (_dir, server, keys) = invoice_server().await;
    let (server, keys) = (&server, &keys);
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
    let (status, headers, body) = send(
        c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).header("content-type", "application/json").body("{\"plugin\": "),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    problem(status, &headers, &body);
    // Just over the 2 MiB limit: the server has read all but the last bytes
    // when it refuses, so the client is never cut off mid-write (with a far
    // larger body the server's early answer and close can race the upload).
    let huge =
        json!({"plugin": "invoice", "kind": "invoice", "format": "html", "customer": {"id": "c"}, "data": {"pad": "x".repeat(2 << 20)}});
    expect_problem(post(huge), StatusCode::PAYLOAD_TOO_LARGE, "body-too-large").await;

    // A bad body gets the same answer with or without an Idempotency-Key.
    let mut unknown = invoice_request("en-US", "html");
    unknown["colour"] = json!("blue");
    let mut negative = invoice_request("en-US", "html");
    negative["data"]["lines"][1]["quantity"] = json!(-3);
    let plain = serde_json::to_string(&invoice_request("en-US", "html")).unwrap();
    let deep = plain.replacen("\"data\":{", &format!("\"data\":{{\"deep\":{}1{},", "[".repeat(200), "]".repeat(200)), 1);
    let huge_number = plain.replacen("\"data\":{", "\"data\":{\"big\":1e400,", 1);
    let bodies = [
        unknown.to_string(),
        negative.to_string(),
        deep,
        huge_number,
        "{\"plugin\": ".to_string(),
        "[]".to_string(),
        "{\"plugin\": \"invoice\"} trailing".to_string(),
    ];
    for (i, body) in bodies.iter().enumerate() {
        let bare =
            || c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).header("content-type", "application/json").body(body.clone());
        let (without, headers, answer) = send(bare()).await;
        let first = problem(without, &headers, &answer);
        let (with, headers, answer) = send(bare().header("idempotency-key", format!("bad-body-{i}"))).await;
        let second = problem(with, &headers, &answer);
        assert!(without.is_client_error(), "body {i}: {without} {first}");
        assert_eq!((with, &second["type"]), (without, &first["type"]), "body {i}: {first} / {second}");
    }

    // A bundle whose component imports WASI is refused, naming the import.
    let wasi = wasi_bundle();
    let p = expect_problem(
        c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(wasi),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-bundle",
    )
    .await;
    assert!(p["detail"].as_str().unwrap().contains("wasi:clocks/wall-clock"), "{p}");
    let p = expect_problem(
        c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(b"not a bundle".to_vec()),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-bundle",
    )
    .await;
    assert!(p["detail"].as_str().unwrap().starts_with("bundle refused"), "{p}");
}

/// A well-formed bundle around the WASI-importing test component.
fn wasi_bundle() -> Vec<u8> {
    use folio::contract::types::{DocumentClass, Kind, Manifest, OutputFormat};
    let manifest = Manifest {
        name: "wasi-importer".into(),
        version: "0.1.0".into(),
        kinds: vec![Kind {
            name: "x".into(),
            class: DocumentClass::Structured,
            template: "x".into(),
            slots: vec![],
            formats: vec![OutputFormat::Html],
        }],
    };
    let files = [("templates/x.hbs".to_string(), b"x".to_vec())].into_iter().collect();
    let contract = folio::contract::ContractVersion::ALL[0];
    folio::Bundle::create(contract, manifest, component("tests/plugins/wasi-importer"), files).unwrap().to_bytes().unwrap()
}
