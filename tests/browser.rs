//! Script in documents, checked by a real browser: Debian's Chromium,
//! driven by playwright-core (`tests/browser/click-links.mjs`, installed by
//! `make setup`), opens the pages Folio serves and clicks every link. No
//! payload of tests/support/payloads.rs may run, on an open link's page
//! (which also sends a Content-Security-Policy) or in the document alone
//! (the sanitizer, with no policy to help it).

mod support;

use serde_json::{Value, json};
use std::process::Command;
use support::server::*;
use support::*;

/// What the browser saw: links on the page, links clicked, script that ran.
fn click_links(mode: &str, target: &str) -> (u64, u64, Vec<String>) {
    let out = browser_script("click-links.mjs", &[mode, target]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the browser run failed: {stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    let script = report["script"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect();
    (report["links"].as_u64().unwrap(), report["clicked"].as_u64().unwrap(), script)
}

#[test]
fn the_browser_check_sees_script_when_it_runs() {
    // The check itself can fail: unsanitized links do run.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("raw.html");
    std::fs::write(&page, r#"<!DOCTYPE html><p><a href="javascript:alert(1)">a</a> <a href="jav&#x09;ascript:alert(2)">b</a></p>"#)
        .unwrap();
    let (links, clicked, script) = click_links("file", page.to_str().unwrap());
    assert_eq!((links, clicked), (2, 2));
    assert_eq!(script.len(), 2, "{script:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn no_link_on_a_document_runs_script_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Sqlite);
    let keys = Keys::create(&server);
    install(&server, &keys, "tests/plugins/hostile").await;
    install(&server, &keys, "plugins/invoice").await;
    let c = client();
    json_ok(
        c.put(server.url("/v1/customers/cus_xss")).bearer_auth(&keys.billing).json(&json!({"display_name": "<script>alert(1)</script>"})),
    )
    .await;
    let data = json!({"urls": payloads::URL_TRICKS, "html": payloads::MARKUP_TRICKS.join("\n")});

    // The open link's page, as a person opening the email would see it.
    let (_, page) =
        open_link(&server, &keys.billing, json!({"plugin": "hostile", "kind": "links", "customer_id": "cus_xss", "data": data})).await;
    let (links, clicked, script) = click_links("url", &page);
    assert!(links as usize >= payloads::URL_TRICKS.len() && clicked > 0, "{links} links, {clicked} clicked");
    assert_eq!(script, Vec::<String>::new());

    // The same document with no policy in the way: the sanitizer alone.
    let request = json!({"plugin": "hostile", "kind": "links", "format": "html", "customer": {"id": "cus_xss"}, "data": data});
    let (status, _, html) = send(c.post(server.url("/v1/documents")).bearer_auth(&keys.billing).json(&request)).await;
    assert_eq!(status, reqwest::StatusCode::OK);
    let file = dir.path().join("links.html");
    std::fs::write(&file, &html).unwrap();
    let (links, clicked, script) = click_links("file", file.to_str().unwrap());
    assert!(links as usize >= payloads::URL_TRICKS.len() && clicked > 0, "{links} links, {clicked} clicked");
    assert_eq!(script, Vec::<String>::new());

    // An invoice whose payment URL hides javascript: behind a tab or a newline.
    let mut invoice = example("invoice", "en-US")["data"].clone();
    for (i, url) in ["java\tscript:alert(1)", "java\nscript:alert(1)", "javascript\t:alert(1)"].into_iter().enumerate() {
        invoice["payment_url"] = json!(url);
        invoice["number"] = json!(format!("INV-XSS-{i}"));
        let (_, page) =
            open_link(&server, &keys.billing, json!({"plugin": "invoice", "kind": "invoice", "customer_id": "cus_xss", "data": invoice}))
                .await;
        let (links, clicked, script) = click_links("url", &page);
        assert!(links >= 1 && clicked >= 1, "{url:?}: {links} links");
        assert_eq!(script, Vec::<String>::new(), "{url:?}");
    }
}

/// A person adjusts a renewal proposal and accepts it in a real browser,
/// with JavaScript off: open the link, choose the 2-year option, change
/// seats to 150, accept, see the confirmation. The test reads the page's
/// visible text, as the person would.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_person_accepts_a_renewal_proposal_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path(), &dir.path().join("blobs"), &Db::Sqlite);
    let keys = Keys::create(&server);
    install(&server, &keys, "plugins/renewal-proposal").await;
    let c = client();
    json_ok(c.put(server.url("/v1/customers/cus_browser")).bearer_auth(&keys.billing).json(&json!({
        "display_name": "Harbor & Pine Outfitters LLC", "locale": "en-US", "timezone": "America/Los_Angeles", "segment": "smb"})))
    .await;
    let renewal = (chrono::Utc::now() + chrono::Duration::days(40)).format("%Y-%m-%d").to_string();
    let data = json!({
        "plan": {"name": "Business", "seats": 120, "price_per_seat_month": "42.00", "currency": "USD"},
        "renewal_date": renewal, "two_year_discount_percent": "10",
    });
    let (_, page) = open_link(
        &server,
        &keys.billing,
        json!({"plugin": "renewal-proposal", "kind": "renewal-proposal", "customer_id": "cus_browser", "data": data}),
    )
    .await;

    let script = repo().join("tests/browser/accept-proposal.mjs");
    assert!(
        repo().join("tests/browser/node_modules/playwright-core").is_dir(),
        "playwright-core is not installed in tests/browser; run `make setup` (it runs npm ci there)"
    );
    let out =
        Command::new("node").arg(&script).arg(&page).output().unwrap_or_else(|e| panic!("cannot run node ({e}); `make setup` installs it"));
    assert!(out.status.success(), "the browser run failed: {}", String::from_utf8_lossy(&out.stderr));
    let seen: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |step: &str| seen[step].as_str().unwrap().to_string();
    assert!(text("opened").contains("$60,480.00") && text("opened").contains("Accept proposal"), "{}", text("opened"));
    assert!(text("chose").contains("2 years, 10% off (your choice)"), "{}", text("chose"));
    assert!(text("changed").contains("$136,080.00"), "150 seats for two years: {}", text("changed"));
    let accepted = text("accepted");
    assert!(accepted.contains("Accepted on") && accepted.contains("by Harbor & Pine Outfitters LLC"), "{accepted}");
    assert!(accepted.contains("The terms you accepted") && accepted.contains("$136,080.00") && accepted.contains("150"), "{accepted}");
    assert_eq!(seen["buttons"], 0, "no actions once accepted");
    assert_eq!(text("reopened"), accepted);
}
