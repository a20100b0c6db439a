//! Interactive documents: a customer adjusts a renewal proposal on its
//! open link's page and accepts it; the acceptance is archived, signed and
//! told to a webhook receiver; every way to get it wrong is refused.
//! (The same flow in a real browser is in `tests/browser.rs`.)

use crate::support::receiver::{Received, Receiver};
use crate::support::server::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

/// A renewal proposal for a customer in en-US: 120 seats at $42.00, renewing in 40 days, 10% off two years.
fn proposal_data(valid_until: Option<&str>) -> Value {
    let renewal = (chrono::Utc::now() + chrono::Duration::days(40)).format("%Y-%m-%d").to_string();
    let mut data = json!({
        "plan": {"name": "Business", "seats": 120, "price_per_seat_month": "42.00", "currency": "USD"},
        "renewal_date": renewal,
        "two_year_discount_percent": "10",
        "max_seats": 500,
    });
    if let Some(until) = valid_until {
        data["valid_until"] = json!(until);
    }
    data
}

/// A server with the renewal-proposal plugin, a customer and one open link.
struct Offer {
    dir: tempfile::TempDir,
    server: Server,
    keys: Keys,
    link_id: String,
    link: Link,
}

/// An open link's page, as a browser or a script reaches it.
struct Link {
    url: String,
}

impl std::ops::Deref for Offer {
    type Target = Link;
    fn deref(&self) -> &Link {
        &self.link
    }
}

async fn offer_on(db: Db, dir: tempfile::TempDir, extra: &[&str], link: Value) -> Offer {
    let server = Server::start_with(dir.path(), &dir.path().join("blobs"), &db, extra);
    let keys = Keys::create(&server);
    install(&server, &keys, "plugins/renewal-proposal").await;
    json_ok(client().put(server.url("/v1/customers/cus_offer")).bearer_auth(&keys.billing).json(
        &json!({"display_name": "Harbor & Pine Outfitters LLC", "locale": "en-US", "timezone": "America/Los_Angeles", "segment": "smb"}),
    ))
    .await;
    let mut body =
        json!({"plugin": "renewal-proposal", "kind": "renewal-proposal", "customer_id": "cus_offer", "data": proposal_data(None)});
    for (k, v) in link.as_object().into_iter().flatten() {
        body[k] = v.clone();
    }
    let (link_id, url) = open_link(&server, &keys.billing, body).await;
    Offer { dir, server, keys, link_id, link: Link { url } }
}

async fn offer(link: Value) -> Offer {
    offer_on(Db::Sqlite, tempfile::tempdir().unwrap(), &[], link).await
}

/// The value of the hidden field `name` in the page's first form for `action`.
fn field(page: &str, action: &str, name: &str) -> String {
    let form = &page[page.find(&format!("/actions/{action}\"")).unwrap_or_else(|| panic!("no form for {action}: {page}"))..];
    let marker = format!("name=\"{name}\" value=\"");
    let start = form.find(&marker).unwrap() + marker.len();
    form[start..start + form[start..].find('"').unwrap()].to_string()
}

impl Link {
    fn action_url(&self, action: &str) -> String {
        format!("{}/actions/{action}", self.url)
    }

    async fn page(&self) -> String {
        let (status, headers, page) = open_as(&self.url, IPHONE).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers["referrer-policy"], "no-referrer");
        assert!(headers["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
        page
    }

    /// Posts the page's form for `action` with `fields`, as a browser would.
    async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
        let mut form =
            vec![("_snapshot".to_string(), field(page, action, "_snapshot")), ("_nonce".to_string(), field(page, action, "_nonce"))];
        form.extend(fields.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let (status, _, body) = send(client().post(self.action_url(action)).header("user-agent", IPHONE).form(&form)).await;
        (status, String::from_utf8(body).unwrap())
    }

    /// Posts `action` as a script would.
    async fn post_json(&self, action: &str, snapshot: &str, nonce: &str, inputs: Value) -> (StatusCode, Value) {
        let body = json!({"snapshot": snapshot, "nonce": nonce, "inputs": inputs});
        let (status, _, bytes) = send(client().post(self.action_url(action)).json(&body)).await;
        (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }

    /// The snapshot and nonce the page shows now.
    async fn current(&self) -> (String, String) {
        let page = self.page().await;
        (field(&page, "accept", "_snapshot"), field(&page, "accept", "_nonce"))
    }
}

impl Offer {
    async fn acceptances(&self) -> Vec<Value> {
        let listed = json_ok(client().get(self.server.url("/v1/acceptances?customer=cus_offer")).bearer_auth(&self.keys.billing)).await;
        listed["acceptances"].as_array().unwrap().clone()
    }
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accepted.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `folio verify` with `args`; its status and its one line.
fn verify(args: &[&std::path::Path]) -> (bool, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_folio"));
    cmd.arg("verify").arg(args[0]);
    if let Some(document) = args.get(1) {
        cmd.arg("--document").arg(document);
    }
    let out = cmd.output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// The customer chooses two years, changes seats to 150 and accepts, all
/// with the page's forms: each step answers with the new page; the
/// receiver gets the interactions and the acceptance, signed; the archived
/// PDF shows the terms; both documents reproduce byte for byte; `folio
/// verify` accepts the receipt and rejects a changed PDF or receipt.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_customer_adjusts_and_accepts_with_the_pages_forms() {
    adjust_and_accept(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_customer_adjusts_and_accepts_with_the_pages_forms_on_postgres() {
    let db = PgDatabase::create().await;
    adjust_and_accept(Db::Postgres(db.url.clone())).await;
    db.drop_now().await;
}

async fn adjust_and_accept(db: Db) {
    let receiver = Receiver::start().await;
    let dir = tempfile::tempdir().unwrap();
    let o = offer_on(db, dir, &["--webhook-allow-private"], json!({})).await;
    let hooks = o.server.key("webhooks");
    let created = json_ok(client().post(o.server.url("/v1/webhooks")).bearer_auth(&hooks).json(&json!({
        "url": receiver.url("/crm"), "events": ["document.interaction", "document.accepted"], "description": "CRM"})))
    .await;
    let secret = created["secret"].as_str().unwrap().to_string();

    let page = o.page().await;
    assert!(page.contains("$60,480.00"), "1 year for 120 seats, selected by default: {page}");
    let (status, page) = o.submit(&page, "choose-option", &[("option", "2-year")]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("2 years, 10% off <strong>(your choice)</strong>"), "{page}");
    let (status, page) = o.submit(&page, "change-seats", &[("seats", "150")]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("$136,080.00"), "two years of 150 seats at $37.80: {page}");
    assert_eq!(o.page().await, page, "a later open shows the current offer, as the action left it");
    let (status, accepted_page) = o.submit(&page, "accept", &[]).await;
    assert_eq!(status, StatusCode::OK, "{accepted_page}");
    assert!(accepted_page.contains("Accepted on") && accepted_page.contains("by Harbor &amp; Pine Outfitters LLC"), "{accepted_page}");
    assert!(!accepted_page.contains("<form"), "no actions once accepted");
    assert_eq!(o.page().await, accepted_page, "the link now shows the accepted document");

    let got = receiver.wait_for("/crm", Duration::from_secs(20), |got| got.iter().any(|r| r.event_type() == "document.accepted")).await;
    Receiver::verify_independently(&got, &secret);
    let interactions: Vec<Value> = got.iter().filter(|r| r.event_type() == "document.interaction").map(Received::json).collect();
    assert_eq!(interactions.len(), 2);
    assert_eq!(interactions[1]["data"]["selections"], json!({"option": "2-year", "seats": 150}));
    let accepted = got.iter().find(|r| r.event_type() == "document.accepted").unwrap().json()["data"].clone();
    assert_eq!(accepted["selections"], json!({"option": "2-year", "seats": 150}));
    assert_eq!((&accepted["totals"]["total"]["amount"], &accepted["totals"]["total"]["currency"]), (&json!("136080.00"), &json!("USD")));
    assert!(accepted["receipt"]["record"]["consent"]["text"].as_str().unwrap().contains("$136,080.00"), "{accepted}");

    let acceptances = o.acceptances().await;
    assert_eq!(acceptances.len(), 1);
    let by_plugin = |plugin: &str| client().get(o.server.url(&format!("/v1/acceptances?plugin={plugin}"))).bearer_auth(&o.keys.billing);
    assert_eq!(json_ok(by_plugin("renewal-proposal")).await["acceptances"][0]["id"], acceptances[0]["id"]);
    assert_eq!(json_ok(by_plugin("invoice")).await["acceptances"], json!([]));
    let one = json_ok(
        client().get(o.server.url(&format!("/v1/acceptances/{}", acceptances[0]["id"].as_str().unwrap()))).bearer_auth(&o.keys.billing),
    )
    .await;
    assert_eq!(one, acceptances[0]);
    let acceptance = &acceptances[0];
    assert_eq!(acceptance["receipt"], accepted["receipt"]);
    assert_eq!(acceptance["receipt"]["record"]["client"]["user_agent"], IPHONE);
    let billing = &o.keys.billing;
    let c = client();
    let pdf_id = acceptance["pdf_document_id"].as_str().unwrap();
    let (_, _, pdf) = send(c.get(o.server.url(&format!("/v1/documents/{pdf_id}/content"))).bearer_auth(billing)).await;
    let text = pdf_text(&pdf);
    assert!(text.contains("150") && text.contains("$136,080.00"), "{text}");
    for id in [pdf_id, acceptance["html_document_id"].as_str().unwrap()] {
        let reproduced = json_ok(c.post(o.server.url(&format!("/v1/documents/{id}/reproduce"))).bearer_auth(billing)).await;
        assert_eq!(reproduced["matches"], true, "{reproduced}");
    }
    let timeline = json_ok(c.get(o.server.url("/v1/customers/cus_offer/documents")).bearer_auth(billing)).await;
    let link = timeline["links"].as_array().unwrap().iter().find(|l| l["link_id"] == o.link_id.as_str()).unwrap();
    assert_eq!(link["acceptance"]["id"], acceptance["id"]);
    let types: Vec<&str> = link["events"].as_array().unwrap().iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert!(types.contains(&"document.accepted") && types.contains(&"document.interaction"), "{types:?}");

    // Offline: the receipt verifies, and names the PDF; one byte changed in either does not.
    let files = tempfile::tempdir().unwrap();
    let (receipt_path, pdf_path) = (files.path().join("receipt.json"), files.path().join("accepted.pdf"));
    std::fs::write(&receipt_path, acceptance["receipt"].to_string()).unwrap();
    std::fs::write(&pdf_path, &pdf).unwrap();
    let (ok, line) = verify(&[&receipt_path, &pdf_path]);
    assert!(ok && line.contains("verifies") && line.contains("is the accepted pdf"), "{line}");
    let mut changed = pdf.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 1;
    std::fs::write(&pdf_path, &changed).unwrap();
    let (ok, line) = verify(&[&receipt_path, &pdf_path]);
    assert!(!ok && line.contains("NOT the accepted document"), "{line}");
    let tampered = acceptance["receipt"].to_string().replacen("136080.00", "136080.01", 1);
    std::fs::write(&receipt_path, tampered).unwrap();
    let (ok, line) = verify(&[&receipt_path]);
    assert!(!ok && line.contains("does NOT verify"), "{line}");
}

/// A script's accept of a snapshot that is no longer current is 409 with
/// the current offer; accepting again answers with the same acceptance.
#[tokio::test]
async fn stale_accept_is_409_and_a_second_accept_returns_the_first() {
    let o = offer(json!({})).await;
    let (first, first_nonce) = o.current().await;
    let (status, changed) = o.post_json("change-seats", &first, &first_nonce, json!({"seats": 200})).await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["totals"]["seats"], 200);
    let (status, stale) = o.post_json("accept", &first, &first_nonce, json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{stale}");
    assert!(stale["detail"].as_str().unwrap().starts_with("the offer changed; please review it"), "{stale}");
    assert_eq!(stale["current"]["snapshot"], changed["snapshot"]);
    let (snapshot, nonce) = (changed["snapshot"].as_str().unwrap(), changed["nonce"].as_str().unwrap());
    let (status, accepted) = o.post_json("accept", snapshot, nonce, json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{accepted}");
    assert_eq!(accepted["totals"]["seats"], 200);
    let (status, again) = o.post_json("accept", snapshot, nonce, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["id"], accepted["id"]);
    let (status, late) = o.post_json("change-seats", snapshot, nonce, json!({"seats": 3})).await;
    assert_eq!((status, late["type"].as_str()), (StatusCode::CONFLICT, Some("urn:folio:problem:already-accepted")));
    assert_eq!(o.acceptances().await.len(), 1);
}

/// An offer accepted as first opened records its snapshot with no action,
/// and the offer is planned again from it as first opened. A post that
/// looked for the acceptance just before another post committed it reads
/// that snapshot next; the acceptance is taken away here to be that post.
#[tokio::test]
async fn an_offer_accepted_as_first_opened_is_planned_again_as_opened() {
    use sqlx::Connection;
    let o = offer(json!({})).await;
    let (snapshot, nonce) = o.current().await;
    let (status, accepted) = o.post_json("accept", &snapshot, &nonce, json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{accepted}");
    sqlx::any::install_default_drivers();
    let db = format!("sqlite://{}", o.dir.path().join("folio.db").display());
    let mut conn = sqlx::AnyConnection::connect(&db).await.unwrap();
    let (action,): (String,) = sqlx::query_as("SELECT action FROM offer_snapshots").fetch_one(&mut conn).await.unwrap();
    assert_eq!(action, "", "the first open is no action");
    sqlx::query("DELETE FROM acceptances").execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();
    assert_eq!(o.current().await, (snapshot.clone(), nonce.clone()), "the same offer, planned as first opened");
    let (status, again) = o.post_json("accept", &snapshot, &nonce, json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{again}");
}

/// Twenty accepts at once make one acceptance, which all of them get.
async fn twenty_concurrent_accepts(o: &Offer) {
    let (snapshot, nonce) = o.current().await;
    // A busy server (every render worker taken, the queue full) answers
    // 503 with Retry-After, and a person clicks again: so does this test.
    let accept = || async {
        for _ in 0..20 {
            let answer = o.post_json("accept", &snapshot, &nonce, json!({})).await;
            if answer.0 != StatusCode::SERVICE_UNAVAILABLE {
                return answer;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        panic!("still busy after 20 tries");
    };
    let posts = (0..20).map(|_| accept());
    let answers = futures_util::future::join_all(posts).await;
    let ids: std::collections::BTreeSet<String> = answers
        .iter()
        .map(|(status, body)| {
            assert!(status.is_success(), "{status}: {body}");
            body["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert_eq!(answers.iter().filter(|(s, _)| *s == StatusCode::CREATED).count(), 1);
    assert_eq!(o.acceptances().await.len(), 1);
    let timeline = json_ok(client().get(o.server.url("/v1/customers/cus_offer/documents")).bearer_auth(&o.keys.billing)).await;
    assert_eq!(timeline["documents"].as_array().unwrap().len(), 2, "one accepted HTML and one PDF archived: {timeline}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_accepts_make_one_acceptance() {
    twenty_concurrent_accepts(&offer(json!({})).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_concurrent_accepts_make_one_acceptance_on_postgres() {
    let db = PgDatabase::create().await;
    let o = offer_on(Db::Postgres(db.url.clone()), tempfile::tempdir().unwrap(), &[], json!({})).await;
    twenty_concurrent_accepts(&o).await;
    // The rest of the flow on PostgreSQL: an interaction is recorded and told.
    let events = json_ok(client().get(o.server.url("/v1/events?types=document.accepted")).bearer_auth(o.server.key("webhooks"))).await;
    assert_eq!(events["events"].as_array().unwrap().len(), 1, "{events}");
    drop(o);
    db.drop_now().await;
}

/// An offer past its own validity date, or a link past its expiry, is 410
/// with a page that says so; the page shows no actions.
#[tokio::test]
async fn expired_offers_and_links_are_410() {
    let o = offer(json!({"data": proposal_data(Some("2020-01-31"))})).await;
    let page = o.page().await;
    assert!(page.contains("This offer has expired") && !page.contains("<form"), "{page}");
    let form = [("_snapshot", "snp_00000000000000000000000000000000"), ("_nonce", "x")];
    let (status, _, body) = send(client().post(o.action_url("accept")).form(&form)).await;
    assert_eq!(status, StatusCode::GONE);
    assert!(String::from_utf8(body).unwrap().contains("This offer has expired"));

    let expires = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let o = offer(json!({"expires_at": expires})).await;
    let (snapshot, nonce) = o.current().await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let (status, body) = o.post_json("accept", &snapshot, &nonce, json!({})).await;
    assert_eq!((status, body["type"].as_str()), (StatusCode::GONE, Some("urn:folio:problem:offer-expired")), "{body}");
    assert!(o.acceptances().await.is_empty());
}

/// A post without the page's nonce, or with another snapshot's, is refused;
/// a GET of an action URL changes nothing.
#[tokio::test]
async fn posts_without_the_pages_nonce_are_refused_and_gets_change_nothing() {
    let o = offer(json!({})).await;
    let (snapshot, nonce) = o.current().await;
    let (status, body) = o.post_json("change-seats", &snapshot, "", json!({"seats": 150})).await;
    assert_eq!((status, body["type"].as_str()), (StatusCode::FORBIDDEN, Some("urn:folio:problem:stale-form")), "{body}");
    let mut tampered = nonce.clone();
    tampered.replace_range(0..1, if nonce.starts_with('0') { "1" } else { "0" });
    assert_eq!(o.post_json("accept", &snapshot, &tampered, json!({})).await.0, StatusCode::FORBIDDEN);
    let other = "snp_00000000000000000000000000000000";
    assert_eq!(o.post_json("accept", other, &nonce, json!({})).await.0, StatusCode::FORBIDDEN);
    let (status, _, page) = send(client().post(o.action_url("accept")).form(&[("_snapshot", snapshot.as_str())])).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(String::from_utf8(page).unwrap().contains("This form is out of date"));
    for url in [o.action_url("accept"), o.action_url("change-seats")] {
        let (status, _, _) = send(client().get(&url)).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    }
    assert_eq!(o.current().await, (snapshot, nonce), "nothing changed");
    assert!(o.acceptances().await.is_empty());
}

/// Inputs the action's JSON Schema refuses: 422 naming the field for a
/// script; the page with the message next to the field for a form.
#[tokio::test]
async fn inputs_that_break_the_schema_are_refused_naming_the_field() {
    let o = offer(json!({})).await;
    let (snapshot, nonce) = o.current().await;
    let cases = [
        (json!({"seats": 501}), "inputs.seats must be at most 500"),
        (json!({"seats": "many"}), "inputs.seats must be a whole number"),
        (json!({}), "inputs.seats is required"),
        (json!({"seats": 5, "price_per_seat_month": "0.01"}), "inputs.price_per_seat_month is not an input of this action; remove it"),
    ];
    for (inputs, message) in cases {
        let (status, body) = o.post_json("change-seats", &snapshot, &nonce, inputs).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["detail"], message, "{body}");
        assert_eq!(body["errors"][0]["message"], message);
    }
    let (status, body) = o.post_json("choose-option", &snapshot, &nonce, json!({"option": "5-year"})).await;
    assert_eq!((status, body["path"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("inputs.option")), "{body}");
    let page = o.page().await;
    let (status, page) = o.submit(&page, "change-seats", &[("seats", "9000")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = &page[page.find("data-field=\"seats\"").expect("the message is next to the seats field")..];
    assert!(error[..error.find("</span>").unwrap()].ends_with(">Please enter 500 or less."), "{page}");
    assert!(page.contains("Please check the highlighted fields."), "{page}");
    assert_eq!(o.current().await.0, snapshot, "a refused action changes nothing");
}

/// The keys that sign receipts are public, and rotate.
#[tokio::test]
async fn receipt_keys_are_listed_and_rotate() {
    let o = offer(json!({})).await;
    let c = client();
    let rotated = json_ok(c.post(o.server.url("/v1/receipt-keys")).bearer_auth(&o.keys.admin)).await;
    let (snapshot, nonce) = o.current().await;
    let (_, accepted) = o.post_json("accept", &snapshot, &nonce, json!({})).await;
    assert_eq!(accepted["receipt"]["signature"]["key_id"], rotated["id"]);
    json_ok(c.post(o.server.url("/v1/receipt-keys")).bearer_auth(&o.keys.admin)).await;
    let keys = json_ok(c.get(o.server.url("/receipt-keys"))).await;
    let keys = keys["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 2);
    assert!(keys[1]["retired_at"].is_string() && keys[0]["retired_at"].is_null());
    assert_eq!(keys[1]["public_key"], accepted["receipt"]["signature"]["public_key"]);
    assert!(keys.iter().all(|k| k.get("secret").is_none()));
    expect_problem(c.post(o.server.url("/v1/receipt-keys")).bearer_auth(&o.keys.billing), StatusCode::FORBIDDEN, "forbidden").await;
}

/// The page speaks the customer's language, the host's own words too: its
/// buttons and consent (the template's), and the notice and the message
/// next to a wrong field (the host's), in each of the four locales; the
/// email's image of the offer is drawn in it as well.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_page_speaks_the_customers_language() {
    let o = offer(json!({})).await;
    let cases = [
        ("en-US", "Accept proposal", "Please check the highlighted fields.", "Please enter 500 or less."),
        ("ms-MY", "Terima cadangan", "Sila semak ruangan yang ditandakan.", "Sila masukkan 500 atau kurang."),
        ("zh-CN", "接受方案", "请检查标出的字段。", "请输入不大于 500 的数。"),
        ("zh-TW", "接受方案", "請檢查標示的欄位。", "請輸入不大於 500 的數。"),
    ];
    let c = client();
    for (locale, accept, notice, message) in cases {
        let customer = format!("cus_{}", locale.replace('-', "_").to_lowercase());
        json_ok(
            c.put(o.server.url(&format!("/v1/customers/{customer}")))
                .bearer_auth(&o.keys.billing)
                .json(&json!({"display_name": "Harbor", "locale": locale, "timezone": "Asia/Taipei"})),
        )
        .await;
        let body = json!({"plugin": "renewal-proposal", "kind": "renewal-proposal", "customer_id": customer,
            "data": proposal_data(None), "formats": ["html", "png"]});
        let created = json_ok(c.post(o.server.url("/v1/open-links")).bearer_auth(&o.keys.billing).json(&body)).await;
        let local = Link { url: created["html_url"].as_str().unwrap().to_string() };
        let page = local.page().await;
        assert!(page.contains(&format!(">{accept}</button>")), "{locale}: {page}");
        assert!(page.contains("data-folio-consent=\"accept\""), "{locale}: the consent is next to the button");
        let (status, page) = local.submit(&page, "change-seats", &[("seats", "501")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains(notice) && page.contains(message), "{locale}: {page}");
        let (status, headers, png) = send(c.get(created["image_url"].as_str().unwrap())).await;
        assert_eq!((status, headers["content-type"].to_str().unwrap()), (StatusCode::OK, "image/png"));
        assert!(png.len() > 2_000, "{locale}: the offer's image, not the blank fallback ({} bytes)", png.len());
    }
}
