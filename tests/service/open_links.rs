//! Open links: rendered at every open from the freshest profile, with
//! fallbacks, statistics and rate limits.

use crate::support::server::*;
use crate::support::*;
use reqwest::StatusCode;
use serde_json::json;

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
    json_ok(
        c.put(&profile)
            .bearer_auth(&keys.billing)
            .json(&json!({"display_name": "Harbor <b>&</b> Pine", "locale": "en-US", "timezone": "America/Los_Angeles"})),
    )
    .await;
    let invoice = example("invoice", "en-US")["data"].clone();
    let p = expect_problem(
        c.post(server.url("/v1/open-links"))
            .bearer_auth(&keys.billing)
            .json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_nobody", "data": invoice})),
        StatusCode::NOT_FOUND,
        "not-found",
    )
    .await;
    assert_eq!(p["path"], "customer_id");
    let p = expect_problem(
        c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(
            &json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice, "formats": ["html", "gif"]}),
        ),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "formats");
    let (id, url) =
        open_link(server, &keys.billing, json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice}))
            .await;

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
    json_ok(
        c.put(&profile2)
            .bearer_auth(&keys.billing)
            .json(&json!({"display_name": "</text><b>&</b>", "locale": "zh-TW", "timezone": "Asia/Taipei"})),
    )
    .await;
    let created =
        json_ok(c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(
            &json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_2", "data": invoice, "formats": ["png", "html"]}),
        ))
        .await;
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
    json_ok(c.post(format!("{profile2}/events")).bearer_auth(&keys.billing).json(&json!({"events": [{"name": paid, "value": true}]})))
        .await;
    let (_, headers, thanked) = send(c.get(image_url).header("user-agent", IPHONE)).await;
    assert_eq!(headers["folio-open"], "fresh");
    assert_eq!(png_size(&thanked), (1200, 300));
    assert_ne!(thanked, unpaid, "the same image URL now draws the thank-you block");
    let (_, headers, again) = send(c.get(image_url).header("user-agent", IPHONE)).await;
    assert_eq!((headers["folio-open"].to_str().unwrap(), again), ("cached", thanked));
    assert_eq!(send(c.get(format!("{url}.png"))).await.0, StatusCode::NOT_FOUND, "an HTML-only link serves no image");
    let html_only = json_ok(
        c.post(server.url("/v1/open-links"))
            .bearer_auth(&keys.billing)
            .json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_2", "data": invoice, "formats": ["png"]})),
    )
    .await;
    assert!(html_only.get("html_url").is_none(), "{html_only}");
    assert_eq!(send(c.get(html_only["image_url"].as_str().unwrap().trim_end_matches(".png"))).await.0, StatusCode::NOT_FOUND);
    let p = expect_problem(
        c.post(server.url("/v1/open-links"))
            .bearer_auth(&keys.billing)
            .json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_2", "data": invoice, "formats": []})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "formats");

    // Tampered, truncated, guessed, other-key and revoked tokens: a bare 404.
    let token = url.rsplit('/').next().unwrap().to_string();
    let base = format!("{}/o/", server.base);
    let flipped = format!("{}{}", &token[..40], if &token[40..41] == "0" { "1" } else { "0" }) + &token[41..];
    let other_key = format!("{}{}", if &token[..8] == "00000000" { "11111111" } else { "00000000" }, &token[8..]);
    // Only the token's own spelling works: upper-case hex is another URL.
    let upper = token.to_ascii_uppercase();
    assert_ne!(upper, token);
    for bad in [flipped, token[..87].to_string(), "ab".repeat(44), other_key, "zz".repeat(44), upper] {
        let (status, _, body) = send(c.get(format!("{base}{bad}"))).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
        assert!(body.is_empty(), "a 404 reveals nothing");
    }
    assert_eq!(send(c.delete(server.url(&format!("/v1/open-links/{id}"))).bearer_auth(&keys.billing)).await.0, StatusCode::NO_CONTENT);
    assert_eq!(send(c.get(&url)).await.0, StatusCode::NOT_FOUND, "revoked");
    expect_problem(c.delete(server.url(&format!("/v1/open-links/{id}"))).bearer_auth(&keys.billing), StatusCode::NOT_FOUND, "not-found")
        .await;

    // Expiry is part of the signed token.
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let (_, expiring) = open_link(
        server,
        &keys.billing,
        json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice, "expires_at": soon}),
    )
    .await;
    assert_eq!(send(c.get(&expiring)).await.0, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(send(c.get(&expiring)).await.0, StatusCode::NOT_FOUND, "expired");

    // Signing keys rotate: old links verify until their key is retired.
    let (_, old) =
        open_link(server, &keys.billing, json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice}))
            .await;
    let old_key = old.rsplit('/').next().unwrap()[..8].to_string();
    let rotated = json_ok(c.post(server.url("/v1/signing-keys")).bearer_auth(&keys.admin)).await;
    let (_, new) =
        open_link(server, &keys.billing, json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_open_1", "data": invoice}))
            .await;
    assert_eq!(&new.rsplit('/').next().unwrap()[..8], rotated["id"].as_str().unwrap());
    assert_eq!(send(c.get(&old)).await.0, StatusCode::OK, "old key still verifies");
    assert_eq!(send(c.delete(server.url(&format!("/v1/signing-keys/{old_key}"))).bearer_auth(&keys.admin)).await.0, StatusCode::NO_CONTENT);
    assert_eq!(send(c.get(&old)).await.0, StatusCode::NOT_FOUND, "retired key");
    assert_eq!(send(c.get(&new)).await.0, StatusCode::OK);

    // Each of those changes is in the audit log, with who made it.
    let audit = json_ok(c.get(server.url("/v1/audit")).bearer_auth(&keys.admin)).await;
    let entries = audit.as_array().unwrap();
    let by =
        |action: &str, subject: &str| entries.iter().find(|e| e["action"] == action && e["subject"] == subject).map(|e| e["actor"].clone());
    assert_eq!(by("link.revoke", &id), Some(json!(key_id(&keys.billing))), "{audit}");
    assert_eq!(by("signing-key.create", rotated["id"].as_str().unwrap()), Some(json!(key_id(&keys.admin))), "{audit}");
    assert_eq!(by("signing-key.retire", &old_key), Some(json!(key_id(&keys.admin))), "{audit}");
    assert!(entries.iter().filter(|e| e["action"] == "link.create").count() >= 4, "{audit}");
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
    json_ok(c.put(&profile).bearer_auth(&keys.billing).json(&json!({"display_name": "Fallback Co"}))).await;
    let (id, url) =
        open_link(&server, &keys.billing, json!({"plugin": "hostile", "kind": "ok", "customer_id": "cus_fb", "data": {}})).await;
    let (status, headers, good) = open_as(&url, IPHONE).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap()), (StatusCode::OK, "fresh"), "{good}");
    assert!(good.contains("for cus_fb"), "{good}");
    // The plugin starts failing: the open gets the last good render.
    json_ok(
        c.post(format!("{profile}/events")).bearer_auth(&keys.billing).json(&json!({"events": [{"name": "hostile.panic", "value": true}]})),
    )
    .await;
    let (status, headers, html) = open_as(&url, IPHONE).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap()), (StatusCode::OK, "fallback"));
    assert_eq!(html, good);
    let opens = json_ok(c.get(server.url(&format!("/v1/open-links/{id}/opens"))).bearer_auth(&keys.billing)).await;
    assert_eq!(opens["fallback_opens"], 1);
    // Links are planned when they are created: data the plugin refuses, or
    // a plugin that fails, is refused then, never left to every open.
    let p = expect_problem(
        c.post(server.url("/v1/open-links"))
            .bearer_auth(&keys.billing)
            .json(&json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_fb", "data": {"currency": "MYR"}})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert!(p["path"].as_str().unwrap().starts_with("data."), "{p}");
    expect_problem(
        c.post(server.url("/v1/open-links"))
            .bearer_auth(&keys.billing)
            .json(&json!({"plugin": "hostile", "kind": "panic", "customer_id": "cus_fb", "data": {}})),
        StatusCode::BAD_GATEWAY,
        "plugin-failed",
    )
    .await;
    // A link that planned well but never rendered well gets its template's
    // fallback (the customer's facts turn the plugin hostile after creation)…
    let fresh_profile = |name: &str| server.url(&format!("/v1/customers/{name}"));
    json_ok(c.put(fresh_profile("cus_fb2")).bearer_auth(&keys.billing).json(&json!({"display_name": "Never Rendered"}))).await;
    let created = json_ok(
        c.post(server.url("/v1/open-links"))
            .bearer_auth(&keys.billing)
            .json(&json!({"plugin": "hostile", "kind": "framed", "customer_id": "cus_fb2", "data": {}, "formats": ["html", "png"]})),
    )
    .await;
    let panic_event = json!({"events": [{"name": "hostile.panic", "value": true}]});
    json_ok(c.post(format!("{}/events", fresh_profile("cus_fb2"))).bearer_auth(&keys.billing).json(&panic_event)).await;
    let (status, headers, html) = open_as(created["html_url"].as_str().unwrap(), IPHONE).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap()), (StatusCode::OK, "fallback"));
    assert!(html.contains("Its latest status cannot be shown right now"), "{html}");
    let (status, headers, image) = send(c.get(created["image_url"].as_str().unwrap())).await;
    assert_eq!(
        (status, headers["folio-open"].to_str().unwrap(), headers["content-type"].to_str().unwrap()),
        (StatusCode::OK, "fallback", "image/png")
    );
    assert_eq!(png_size(&image), (1200, 300), "the template's fallback image, at twice its size");
    // …and where the template declares none, the neutral page.
    json_ok(c.put(fresh_profile("cus_fb3")).bearer_auth(&keys.billing).json(&json!({"display_name": "No Fallback"}))).await;
    let (_, broken) =
        open_link(&server, &keys.billing, json!({"plugin": "hostile", "kind": "ok", "customer_id": "cus_fb3", "data": {}})).await;
    json_ok(c.post(format!("{}/events", fresh_profile("cus_fb3"))).bearer_auth(&keys.billing).json(&panic_event)).await;
    let (status, headers, html) = open_as(&broken, IPHONE).await;
    assert_eq!((status, headers["folio-open"].to_str().unwrap()), (StatusCode::OK, "fallback"));
    assert!(html.contains("not available right now"), "{html}");
    // A kind without image blocks cannot serve PNG.
    let p = expect_problem(
        c.post(server.url("/v1/open-links"))
            .bearer_auth(&keys.billing)
            .json(&json!({"plugin": "hostile", "kind": "ok", "customer_id": "cus_fb", "data": {}, "formats": ["png"]})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "formats");
    assert!(p["detail"].as_str().unwrap().contains("no block with an image variant"), "{p}");
    let metrics = String::from_utf8(send(c.get(server.url("/metrics"))).await.2).unwrap();
    assert!(metrics.contains("folio_opens_total{agent=\"scanner\",kind=\"ok\",outcome=\"fallback\",plugin=\"hostile\"} 2"), "{metrics}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_of_opens_from_one_address_is_limited_without_affecting_others() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir.path(), &dir.path().join("blobs"), &Db::Sqlite, &["--open-rate-limit", "5"]);
    let keys = Keys::create(&server);
    install(&server, &keys, "tests/plugins/hostile").await;
    json_ok(client().put(server.url("/v1/customers/cus_rl")).bearer_auth(&keys.billing).json(&json!({"display_name": "Rate Ltd"}))).await;
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
