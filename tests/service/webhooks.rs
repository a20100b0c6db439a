//! Events and webhooks: every event type reaches a real receiver on
//! loopback, signed (checked by the `standardwebhooks` package from PyPI),
//! retried, never lost across a crash, never sent twice by two replicas,
//! and never sent to an address the SSRF rules refuse.

use crate::support::receiver::{Received, Receiver};
use crate::support::server::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant};

/// Test servers send to the loopback receiver and retry quickly.
const FAST: [&str; 5] = ["--webhook-allow-private", "--webhook-retry-schedule", "300ms,300ms,300ms", "--webhook-timeout", "2s"];

fn fast_server(dir: &tempfile::TempDir) -> Server {
    Server::start_with(dir.path(), &dir.path().join("blobs"), &Db::Sqlite, &FAST)
}

/// Creates an endpoint; returns its id and secret.
async fn endpoint(server: &Server, key: &str, url: &str, events: &[&str]) -> (String, String) {
    let created = json_ok(
        client().post(server.url("/v1/webhooks")).bearer_auth(key).json(&json!({"url": url, "events": events, "description": "test"})),
    )
    .await;
    (created["id"].as_str().unwrap().to_string(), created["secret"].as_str().unwrap().to_string())
}

async fn ping(server: &Server, key: &str, endpoint: &str) -> String {
    let sent = json_ok(client().post(server.url(&format!("/v1/webhooks/{endpoint}/test"))).bearer_auth(key)).await;
    sent["event_id"].as_str().unwrap().to_string()
}

/// The first attempt endpoint `id` has on record, waiting up to `within` for one.
async fn first_attempt(server: &Server, key: &str, id: &str, within: Duration) -> Value {
    let started = Instant::now();
    loop {
        let deliveries = json_ok(client().get(server.url(&format!("/v1/webhooks/{id}/deliveries"))).bearer_auth(key)).await;
        if let Some(first) = deliveries["attempts"].as_array().and_then(|a| a.last()).cloned() {
            return first;
        }
        assert!(started.elapsed() < within, "no attempt recorded: {deliveries}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

const ALL: [&str; 5] = ["document.created", "document.opened", "plugin.published", "alias.moved", "endpoint.disabled"];

/// Every event type, from the change that raises it to a receiver, with
/// signatures an independent implementation accepts; the event log, the
/// customer's timeline and the unopened-documents list agree with it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_event_type_reaches_the_receiver_signed() {
    let receiver = Receiver::start().await;
    let dir = tempfile::tempdir().unwrap();
    let server = fast_server(&dir);
    let keys = Keys::create(&server);
    let hooks = server.key("webhooks");
    let c = client();
    let (all, secret) = endpoint(&server, &hooks, &receiver.url("/all"), &ALL).await;
    let (gone, _) = endpoint(&server, &hooks, &receiver.url("/gone"), &["document.created"]).await;
    // plugin.published and alias.moved.
    install(&server, &keys, "plugins/invoice").await;
    // An open link to open later (an open within 10 s of creation is a scanner's).
    json_ok(
        c.put(server.url("/v1/customers/cus_hooks"))
            .bearer_auth(&keys.billing)
            .json(&json!({"display_name": "Hooks Ltd", "locale": "en-US"})),
    )
    .await;
    let invoice = example("invoice", "en-US")["data"].clone();
    let link_body = json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_hooks", "data": invoice});
    let (opened_link, opened_url) = open_link(&server, &keys.billing, link_body.clone()).await;
    let (unopened_link, unopened_url) = open_link(&server, &keys.billing, link_body).await;
    let created_at = Instant::now();
    // document.created (and endpoint.disabled, when /gone answers 410).
    let mut request = invoice_request("en-US", "html");
    request["customer"]["id"] = json!("cus_hooks");
    request["store"] = json!(true);
    let (status, headers, _) = send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&request)).await;
    assert_eq!(status, StatusCode::OK);
    let document_id = headers["folio-document-id"].to_str().unwrap().to_string();
    // document.opened: a person, past the scanners' first seconds; a
    // scanner's fetch of the other link raises nothing.
    tokio::time::sleep(Duration::from_secs(11).saturating_sub(created_at.elapsed())).await;
    assert_eq!(open_as(&opened_url, IPHONE).await.0, StatusCode::OK);
    assert_eq!(open_as(&opened_url, IPHONE).await.0, StatusCode::OK, "a second open within days raises no event");
    assert_eq!(open_as(&unopened_url, "Mozilla/5.0 (compatible; Barracuda scanner)").await.0, StatusCode::OK);
    let ping_id = ping(&server, &hooks, &all).await;

    let got = receiver
        .wait_for("/all", Duration::from_secs(30), |got| {
            let types: BTreeSet<String> = got.iter().map(Received::event_type).collect();
            ALL.iter().all(|t| types.contains(*t)) && types.contains("ping")
        })
        .await;
    let by_type = |t: &str| got.iter().filter(|r| r.event_type() == t).map(Received::json).collect::<Vec<_>>();
    assert_eq!(by_type("document.opened").len(), 1, "one person's first open, one event: {:?}", by_type("document.opened"));
    let opened = &by_type("document.opened")[0]["data"];
    assert_eq!(
        (opened["link_id"].as_str(), opened["opener"].as_str(), opened["first_open"].as_bool()),
        (Some(opened_link.as_str()), Some("human"), Some(true))
    );
    let created = &by_type("document.created")[0]["data"];
    assert_eq!(created["document_id"], document_id.as_str());
    let metadata = json_ok(c.get(server.url(&format!("/v1/documents/{document_id}"))).bearer_auth(&keys.billing)).await;
    assert_eq!(created["sha256"], metadata["sha256"]);
    assert_eq!(created["url"], server.url(&format!("/v1/documents/{document_id}")).as_str());
    assert!(!got.iter().any(|r| r.body.contains("<html")), "payloads carry ids and URLs, never the document");
    let disabled = &by_type("endpoint.disabled")[0]["data"];
    assert_eq!((disabled["endpoint_id"].as_str(), disabled["reason"].as_str()), (Some(gone.as_str()), Some("gone")));
    let published = &by_type("plugin.published")[0]["data"];
    assert_eq!(published["plugin"], "invoice");
    assert_eq!(by_type("alias.moved")[0]["data"]["to"], published["version"]);
    assert_eq!(by_type("ping")[0]["id"], ping_id.as_str());
    for r in &got {
        assert_eq!(r.json()["id"], r.id(), "the body's id is the webhook-id");
        assert!(r.body.len() < 20 * 1024);
    }
    Receiver::verify_independently(&got, &secret);

    // The 410 disabled its endpoint at once.
    let endpoint_gone = json_ok(c.get(server.url(&format!("/v1/webhooks/{gone}"))).bearer_auth(&hooks)).await;
    assert_eq!((endpoint_gone["enabled"].as_bool(), endpoint_gone["disabled_reason"].as_str()), (Some(false), Some("gone")));
    assert_eq!(receiver.on("/gone").len(), 1);

    // The event log: every event, in order, pageable, filterable.
    let page = json_ok(c.get(server.url("/v1/events?limit=1000")).bearer_auth(&hooks)).await;
    let listed: Vec<String> = page["events"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_string()).collect();
    for r in &got {
        assert!(listed.contains(&r.id()), "{} is in the log", r.id());
    }
    let first = json_ok(c.get(server.url("/v1/events?limit=2")).bearer_auth(&hooks)).await;
    let after = first["next_after"].as_str().unwrap();
    let rest = json_ok(c.get(server.url(&format!("/v1/events?after={after}&limit=1000"))).bearer_auth(&hooks)).await;
    assert_eq!(rest["events"].as_array().unwrap().len(), listed.len() - 2);
    assert_eq!(rest["events"][0]["id"], listed[2].as_str());
    let only = json_ok(c.get(server.url("/v1/events?types=alias.moved,ping")).bearer_auth(&hooks)).await;
    let types: BTreeSet<&str> = only["events"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(types, BTreeSet::from(["alias.moved", "ping"]));
    // A list repeating a type 10,000 times is one filter: one query parameter, not ten thousand.
    let repeated = vec!["ping"; 10_000].join(",");
    let pings = json_ok(c.get(server.url(&format!("/v1/events?types={repeated}"))).bearer_auth(&hooks)).await;
    assert_eq!(pings["events"].as_array().unwrap().len(), 1);
    let p = expect_problem(
        c.get(server.url("/v1/events?after=evt_nope")).bearer_auth(&hooks),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "after");
    expect_problem(c.get(server.url("/v1/events")).bearer_auth(&keys.billing), StatusCode::FORBIDDEN, "forbidden").await;

    // The customer-success view.
    let timeline = json_ok(c.get(server.url("/v1/customers/cus_hooks/documents")).bearer_auth(&keys.billing)).await;
    let document = &timeline["documents"][0];
    assert_eq!(document["id"], document_id.as_str());
    assert_eq!(document["events"][0]["type"], "document.created");
    assert_eq!(document["events"][0]["delivered"], 1, "{document}");
    assert_eq!(document["events"][0]["failed"], 1, "the /gone endpoint's delivery failed: {document}");
    let links: HashMap<&str, &Value> = timeline["links"].as_array().unwrap().iter().map(|l| (l["link_id"].as_str().unwrap(), l)).collect();
    assert_eq!(links[opened_link.as_str()]["human_opens"], 2);
    assert_eq!(links[opened_link.as_str()]["events"][0]["type"], "document.opened");
    assert_eq!(links[unopened_link.as_str()]["scanner_opens"], 1);
    assert!(links[unopened_link.as_str()]["first_opened_at"].is_null());
    let unopened =
        json_ok(c.get(server.url("/v1/documents/unopened?since=2000-01-01T00:00:00Z&kind=invoice")).bearer_auth(&keys.billing)).await;
    let ids: Vec<&str> = unopened["documents"].as_array().unwrap().iter().map(|d| d["link_id"].as_str().unwrap()).collect();
    assert_eq!(ids, [unopened_link.as_str()], "only the link no person opened");
    let none =
        json_ok(c.get(server.url("/v1/documents/unopened?since=2000-01-01T00:00:00Z&kind=renewal-proposal")).bearer_auth(&keys.billing))
            .await;
    assert_eq!(none["documents"], json!([]));
}

/// 500, 500, 200: three attempts, one webhook-id, each recorded.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_failing_receiver_is_retried_with_the_same_id() {
    let receiver = Receiver::start().await;
    let dir = tempfile::tempdir().unwrap();
    let server = fast_server(&dir);
    let hooks = server.key("webhooks");
    let (id, secret) = endpoint(&server, &hooks, &receiver.url("/flaky"), &["alias.moved"]).await;
    let event = ping(&server, &hooks, &id).await;
    let got = receiver.wait_for("/flaky", Duration::from_secs(20), |got| got.iter().any(|r| r.answered == 200)).await;
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|r| r.id() == event), "one webhook-id on every attempt");
    assert_eq!(got.iter().map(|r| r.answered).collect::<Vec<_>>(), [500, 500, 200]);
    Receiver::verify_independently(&got, &secret);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let deliveries = json_ok(client().get(server.url(&format!("/v1/webhooks/{id}/deliveries"))).bearer_auth(&hooks)).await;
    let attempts = deliveries["attempts"].as_array().unwrap();
    let statuses: Vec<i64> = attempts.iter().rev().map(|a| a["status"].as_i64().unwrap()).collect();
    assert_eq!(statuses, [500, 500, 200]);
    assert!(attempts[1]["next_attempt_at"].is_string() && attempts[0]["next_attempt_at"].is_null(), "{deliveries}");
    assert_eq!(deliveries["pending"], 0);
    let metrics = String::from_utf8(send(client().get(server.url("/metrics"))).await.2).unwrap();
    assert!(metrics.contains("folio_webhook_attempts_total{outcome=\"retrying\"} 2"), "{metrics}");
    assert!(metrics.contains("folio_webhook_attempts_total{outcome=\"delivered\"} 1"), "{metrics}");
    assert!(metrics.contains("folio_webhook_oldest_pending_seconds"), "{metrics}");
}

/// A receiver that never answers times out, and meanwhile another
/// endpoint's deliveries go out at once (long before the timeout, so the
/// test cannot pass by waiting behind it).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hanging_receiver_does_not_delay_others() {
    let receiver = Receiver::start().await;
    let dir = tempfile::tempdir().unwrap();
    let server =
        Server::start_with(dir.path(), &dir.path().join("blobs"), &Db::Sqlite, &["--webhook-allow-private", "--webhook-timeout", "8s"]);
    let hooks = server.key("webhooks");
    let (hang, _) = endpoint(&server, &hooks, &receiver.url("/hang"), &["alias.moved"]).await;
    let (fast, _) = endpoint(&server, &hooks, &receiver.url("/fast"), &["alias.moved"]).await;
    // More than the endpoint's share of requests in flight.
    for _ in 0..40 {
        ping(&server, &hooks, &hang).await;
    }
    receiver.wait_for("/hang", Duration::from_secs(10), |got| got.len() >= 16).await;
    let asked = Instant::now();
    ping(&server, &hooks, &fast).await;
    receiver.wait_for("/fast", Duration::from_secs(10), |got| !got.is_empty()).await;
    assert!(asked.elapsed() < Duration::from_secs(4), "the fast endpoint waited {:?} behind the hanging one", asked.elapsed());
    assert_eq!(receiver.on("/hang").len(), 16, "no more than the endpoint's share in flight");
    // The hanging attempts end as timeouts, recorded.
    let first = first_attempt(&server, &hooks, &hang, Duration::from_secs(30)).await;
    assert!(first["status"].is_null() && first["error"].as_str().unwrap().contains("timed out"), "{first}");
    assert!(first["latency_ms"].as_i64().unwrap() >= 7900, "{first}");
}

/// After a rotation, deliveries carry both signatures for a day: each
/// secret verifies on its own, by the independent implementation.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn during_a_rotation_both_secrets_verify() {
    let receiver = Receiver::start().await;
    let dir = tempfile::tempdir().unwrap();
    let server = fast_server(&dir);
    let hooks = server.key("webhooks");
    let (id, old) = endpoint(&server, &hooks, &receiver.url("/rotating"), &["alias.moved"]).await;
    let rotated = json_ok(client().post(server.url(&format!("/v1/webhooks/{id}/rotate-secret"))).bearer_auth(&hooks)).await;
    let new = rotated["secret"].as_str().unwrap().to_string();
    assert_ne!(new, old);
    assert!(rotated["previous_valid_until"].is_string());
    ping(&server, &hooks, &id).await;
    let got = receiver.wait_for("/rotating", Duration::from_secs(10), |got| !got.is_empty()).await;
    assert_eq!(got[0].header("webhook-signature").split(' ').count(), 2, "{:?}", got[0].headers);
    Receiver::verify_independently(&got, &old);
    Receiver::verify_independently(&got, &new);
    let shown = json_ok(client().get(server.url(&format!("/v1/webhooks/{id}"))).bearer_auth(&hooks)).await;
    assert!(shown.get("secret").is_none(), "a secret is shown only when made: {shown}");
    // The audit log has the endpoint's changes.
    let admin = server.key("admin");
    let audit = json_ok(client().get(server.url("/v1/audit")).bearer_auth(&admin)).await;
    let actions: Vec<&str> = audit.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert!(actions.contains(&"webhook.create") && actions.contains(&"webhook.rotate-secret"), "{actions:?}");
}

/// Without --webhook-allow-private, URLs on loopback, private, link-local
/// and metadata addresses, or names resolving to them, are refused, and so
/// is http. With it, the metadata address stays refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn webhook_urls_may_not_reach_private_addresses() {
    let dir = tempfile::tempdir().unwrap();
    let strict = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Sqlite);
    let hooks = strict.key("webhooks");
    let c = client();
    for url in [
        "https://127.0.0.1/hook",
        "https://10.1.2.3/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://[::ffff:192.168.0.1]/hook",
        "https://localhost/hook",
        "http://hooks.example.com/hook",
    ] {
        let p = expect_problem(
            c.post(strict.url("/v1/webhooks")).bearer_auth(&hooks).json(&json!({"url": url, "events": ["document.created"]})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-input",
        )
        .await;
        assert_eq!(p["path"], "url", "{url}: {p}");
    }
    drop(strict);
    let dir = tempfile::tempdir().unwrap();
    let open = fast_server(&dir);
    let hooks = open.key("webhooks");
    json_ok(
        c.post(open.url("/v1/webhooks")).bearer_auth(&hooks).json(&json!({"url": "http://127.0.0.1:9/hook", "events": ["alias.moved"]})),
    )
    .await;
    expect_problem(
        c.post(open.url("/v1/webhooks")).bearer_auth(&hooks).json(&json!({"url": "http://169.254.169.254/", "events": ["alias.moved"]})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    expect_problem(
        c.post(open.url("/v1/webhooks")).bearer_auth(&hooks).json(&json!({"url": "http://127.0.0.1/", "events": ["ping"]})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
}

/// `kill -9` with 1,000 deliveries pending: after the restart every event
/// is delivered, and any duplicate carries its event's webhook-id.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_crash_loses_no_delivery() {
    let receiver = Receiver::start().await;
    receiver.pause();
    let dir = tempfile::tempdir().unwrap();
    let blobs = dir.path().join("blobs");
    let slow = ["--webhook-allow-private", "--webhook-timeout", "60s"];
    let mut server = Server::start_with(dir.path(), &blobs, &Db::Sqlite, &slow);
    let hooks = server.key("webhooks");
    let (id, secret) = endpoint(&server, &hooks, &receiver.url("/crash"), &["alias.moved"]).await;
    let mut events = BTreeSet::new();
    for _ in 0..1000 {
        events.insert(ping(&server, &hooks, &id).await);
    }
    let held = receiver.wait_for("/crash", Duration::from_secs(10), |got| got.len() >= 16).await;
    assert!(held.iter().all(|r| r.answered == 0), "the receiver holds them unanswered");
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    receiver.resume();
    let _server = Server::start_with(dir.path(), &blobs, &Db::Sqlite, &slow);
    let got = receiver
        .wait_for("/crash", Duration::from_secs(60), |got| {
            got.iter().filter(|r| r.answered == 200).map(Received::id).collect::<BTreeSet<_>>().len() >= events.len()
        })
        .await;
    let delivered: BTreeSet<String> = got.iter().filter(|r| r.answered == 200).map(Received::id).collect();
    assert_eq!(delivered, events, "every event, none made up");
    for r in &got {
        assert!(events.contains(&r.id()), "a duplicate carries its event's id");
    }
    Receiver::verify_independently(&got[..50], &secret);
}

/// Two replicas on one PostgreSQL database, 5,000 events: each delivered
/// exactly once, by both replicas between them.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_replicas_deliver_each_event_exactly_once() {
    let receiver = Receiver::start().await;
    let db = PgDatabase::create().await;
    let pg = Db::Postgres(db.url.clone());
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let shared_blobs = one.path().join("blobs");
    let key = [("FOLIO_WEBHOOK_KEY", "5f".repeat(32))];
    let env: Vec<(&str, &str)> = key.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let first = Server::start_env(one.path(), &shared_blobs, &pg, &["--webhook-allow-private"], &env);
    let second = Server::start_env(two.path(), &shared_blobs, &pg, &["--webhook-allow-private"], &env);
    let hooks = first.key("webhooks");
    let (id, _) = endpoint(&first, &hooks, &receiver.url("/replicas"), &["alias.moved"]).await;
    const EVENTS: usize = 5000;
    let mut tasks = Vec::new();
    for lane in 0..8 {
        let (base, hooks, id) = (if lane % 2 == 0 { first.base.clone() } else { second.base.clone() }, hooks.clone(), id.clone());
        tasks.push(tokio::spawn(async move {
            let c = client();
            for _ in 0..EVENTS / 8 {
                json_ok(c.post(format!("{base}/v1/webhooks/{id}/test")).bearer_auth(&hooks)).await;
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    receiver.wait_for("/replicas", Duration::from_secs(120), |got| got.len() >= EVENTS).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let got = receiver.on("/replicas");
    let ids: BTreeSet<String> = got.iter().map(Received::id).collect();
    assert_eq!((got.len(), ids.len()), (EVENTS, EVENTS), "each event once");
    for server in [&first, &second] {
        let metrics = String::from_utf8(send(client().get(server.url("/metrics"))).await.2).unwrap();
        let delivered = metrics
            .lines()
            .find_map(|l| l.strip_prefix("folio_webhook_attempts_total{outcome=\"delivered\"} "))
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        assert!(delivered > 0, "both replicas deliver");
    }
    drop((first, second));
    db.drop_now().await;
}

/// Disabling stops deliveries; replay sends what a window missed once enabled.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_disabled_endpoint_gets_its_window_replayed() {
    let receiver = Receiver::start().await;
    let dir = tempfile::tempdir().unwrap();
    let server = fast_server(&dir);
    let keys = Keys::create(&server);
    let hooks = server.key("webhooks");
    let c = client();
    let (id, _) = endpoint(&server, &hooks, &receiver.url("/replay"), &["plugin.published", "alias.moved"]).await;
    let since = chrono::Utc::now().to_rfc3339();
    let off = json_ok(c.patch(server.url(&format!("/v1/webhooks/{id}"))).bearer_auth(&hooks).json(&json!({"enabled": false}))).await;
    assert_eq!((off["enabled"].as_bool(), off["disabled_reason"].as_str()), (Some(false), Some("manual")));
    install(&server, &keys, "plugins/invoice").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(receiver.on("/replay").is_empty(), "nothing goes to a disabled endpoint");
    expect_problem(c.post(server.url(&format!("/v1/webhooks/{id}/test"))).bearer_auth(&hooks), StatusCode::CONFLICT, "endpoint-disabled")
        .await;
    json_ok(c.patch(server.url(&format!("/v1/webhooks/{id}"))).bearer_auth(&hooks).json(&json!({"enabled": true}))).await;
    let replayed =
        json_ok(c.post(server.url(&format!("/v1/webhooks/{id}/replay"))).bearer_auth(&hooks).json(&json!({"since": since}))).await;
    assert_eq!((replayed["created"].as_u64(), replayed["requeued"].as_u64()), (Some(2), Some(0)), "{replayed}");
    let got = receiver.wait_for("/replay", Duration::from_secs(10), |got| got.len() >= 2).await;
    let types: BTreeSet<String> = got.iter().map(Received::event_type).collect();
    assert_eq!(types, BTreeSet::from(["alias.moved".to_string(), "plugin.published".to_string()]));
    let p = expect_problem(
        c.post(server.url(&format!("/v1/webhooks/{id}/replay"))).bearer_auth(&hooks).json(&json!({"since": "2030-01-01T00:00:00Z"})),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-input",
    )
    .await;
    assert_eq!(p["path"], "since");
    assert_eq!(send(c.delete(server.url(&format!("/v1/webhooks/{id}"))).bearer_auth(&hooks)).await.0, StatusCode::NO_CONTENT);
    expect_problem(c.get(server.url(&format!("/v1/webhooks/{id}"))).bearer_auth(&hooks), StatusCode::NOT_FOUND, "not-found").await;
}

/// Over https, the receiver's certificate is verified: one from a private
/// CA is refused unless `--webhook-ca-file` names that CA, and then the
/// delivery goes through.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn https_receivers_are_verified_against_trusted_cas() {
    let (receiver, ca) = Receiver::start_tls().await;
    let dir = tempfile::tempdir().unwrap();
    let ca_file = dir.path().join("ca.pem");
    std::fs::write(&ca_file, ca).unwrap();
    let url = receiver.url("/tls");
    assert!(url.starts_with("https://localhost:"), "{url}");

    // The system's CAs only: the handshake fails, the attempt says why.
    let plain = Server::start_with(dir.path(), &dir.path().join("blobs"), &Db::Sqlite, &FAST);
    let hooks = plain.key("webhooks");
    let (id, _) = endpoint(&plain, &hooks, &url, &["alias.moved"]).await;
    ping(&plain, &hooks, &id).await;
    let attempt = first_attempt(&plain, &hooks, &id, Duration::from_secs(20)).await;
    assert!(attempt["status"].is_null() && attempt["error"].as_str().unwrap().contains("certificate"), "{attempt}");
    assert!(receiver.on("/tls").is_empty(), "nothing reached a receiver the client could not verify");
    drop(plain);

    // With the CA trusted: delivered, signed.
    let dir2 = tempfile::tempdir().unwrap();
    let ca_arg = ca_file.to_str().unwrap();
    let trusting =
        Server::start_with(dir2.path(), &dir2.path().join("blobs"), &Db::Sqlite, &[&FAST[..], &["--webhook-ca-file", ca_arg]].concat());
    let hooks = trusting.key("webhooks");
    let (id, secret) = endpoint(&trusting, &hooks, &url, &["alias.moved"]).await;
    let event = ping(&trusting, &hooks, &id).await;
    let got = receiver.wait_for("/tls", Duration::from_secs(20), |got| !got.is_empty()).await;
    assert_eq!(got[0].id(), event);
    Receiver::verify_independently(&got, &secret);
}

/// A CA file that is not PEM certificates stops the server at start, naming it.
#[test]
fn a_bad_webhook_ca_file_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("ca.pem");
    std::fs::write(&bad, "not a certificate").unwrap();
    let out =
        folio_command(dir.path(), &Db::Sqlite).args(["serve", "--addr", "127.0.0.1:0", "--webhook-ca-file"]).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ca.pem") && stderr.contains("no certificate"), "{stderr}");
}
