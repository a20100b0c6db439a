//! Customer profiles and their events.

use crate::support::server::*;
use reqwest::StatusCode;
use serde_json::json;

/// Stored customer profiles and their events.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn customer_profiles_and_their_events_feed_renders() {
    let (_dir, server, keys) = invoice_server().await;
    let (server, keys) = (&server, &keys);
    let c = client();
    let profile_url = server.url("/v1/customers/cus_my_7");
    let p = expect_problem(
        c.put(&profile_url).bearer_auth(&keys.billing).json(&json!({"display_name": "Kedai Runcit Ali", "timezone": "Mars/Base"})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "timezone");
    let saved = json_ok(c.put(&profile_url).bearer_auth(&keys.billing).json(&json!({
        "display_name": "Kedai Runcit Ali Sdn Bhd", "locale": "ms-MY", "timezone": "Asia/Kuala_Lumpur", "segment": "smb",
        "attributes": {"tier": "gold"}
    })))
    .await;
    assert_eq!(saved["version"], 1);
    let events = c.post(format!("{profile_url}/events")).bearer_auth(&keys.billing);
    let stored = json_ok(events.json(&json!({"events": [{"name": "active_users", "value": 12, "at": "2026-11-20T00:00:00Z"}]}))).await;
    assert_eq!(stored[0]["value"], 12);
    let profile = json_ok(c.get(&profile_url).bearer_auth(&keys.billing)).await;
    assert_eq!(profile["version"], 2, "an event makes the profile newer");
    expect_problem(
        c.post(server.url("/v1/customers/nobody/events")).bearer_auth(&keys.billing).json(&json!({"events": [{"name": "x", "value": 1}]})),
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;

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
    json_ok(
        c.post(format!("{profile_url}/events"))
            .bearer_auth(&keys.billing)
            .json(&json!({"events": [{"name": paid, "value": {"amount": "331.00"}}]})),
    )
    .await;
    let after = String::from_utf8(send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&reminder)).await.2).unwrap();
    assert!(after.contains("Thank you") && !after.contains("Please pay") && !after.contains("Pay now"), "{after}");

    let mut missing = req.clone();
    missing["customer_id"] = json!("cus_unknown");
    let p =
        expect_problem(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&missing), StatusCode::NOT_FOUND, "not-found")
            .await;
    assert_eq!(p["path"], "customer_id");
}

/// A profile and an inline customer are one shape under one set of rules:
/// the customer of an example can be stored as it is, and an id a profile
/// may not have is refused inline too.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn profiles_take_the_inline_customers_shape_and_rules() {
    let (_dir, server, keys) = invoice_server().await;
    let c = client();
    let input = example("invoice", "en-US");
    let customer = &input["customer"];
    let id = customer["id"].as_str().unwrap();
    let saved = json_ok(c.put(server.url(&format!("/v1/customers/{id}"))).bearer_auth(&keys.billing).json(customer)).await;
    assert_eq!(saved["id"], customer["id"]);
    assert_eq!(saved["display_name"], customer["display_name"]);
    assert_eq!(saved["locale"], customer["locale"]);
    let p = expect_problem(
        c.put(server.url("/v1/customers/someone-else")).bearer_auth(&keys.billing).json(customer),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "id");

    // The inline id that a profile path refuses is refused inline, and nothing is archived.
    let p = expect_problem(
        c.put(server.url("/v1/customers/..%2F..%2Fx%00y")).bearer_auth(&keys.billing).json(&json!({})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "id");
    let mut req = invoice_request("en-US", "html");
    req["customer"]["id"] = json!("../../x\u{0}y");
    req["store"] = json!(true);
    let p = expect_problem(
        c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&req),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "customer.id");
    // Every route that names a customer follows the same rule.
    for path in ["", "/documents", "/events"] {
        let url = server.url(&format!("/v1/customers/..%2F..%2Fx%00y{path}"));
        let p = expect_problem(c.get(url).bearer_auth(&keys.billing), StatusCode::UNPROCESSABLE_ENTITY, "invalid-input").await;
        assert_eq!(p["path"], "id");
    }
    req["customer"]["id"] = json!("cus_ok");
    req["customer"]["timezone"] = json!("Mars/Base");
    let p = expect_problem(
        c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&req),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "customer.timezone");
}
