//! The plugin registry: aliases move, and moving one back is the rollback.

use crate::support::server::*;
use crate::support::*;
use reqwest::StatusCode;
use serde_json::json;
use std::path::Path;

pub(crate) fn greeter_bundle(dir: &Path, version: &str, marker: &str) -> Vec<u8> {
    let crate_dir = dir.join(format!("greeter-{version}"));
    folio::build::scaffold(&crate_dir, "greeter", &folio::build::default_sdk_path()).unwrap();
    let manifest = crate_dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap().replacen("version = \"0.1.0\"", &format!("version = \"{version}\""), 1);
    std::fs::write(&manifest, text).unwrap();
    std::fs::write(crate_dir.join("templates/greeter.hbs"), format!("<h1>{{{{title}}}}</h1>\n<p>{marker}: {{{{view.message}}}}</p>\n"))
        .unwrap();
    let options = folio::build::BuildOptions { target_dir: Some(guest_target_dir()) };
    let bundle = folio::build::build_plugin(&crate_dir, &folio::build::in_process(&runtime()), &options)
        .unwrap_or_else(|e| panic!("building greeter {version}: {e}"));
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
    let listed = json_ok(c.get(server.url("/v1/plugins/greeter")).bearer_auth(&keys.author)).await;
    let versions: Vec<&str> = listed["versions"].as_array().unwrap().iter().map(|v| v["version"].as_str().unwrap()).collect();
    assert_eq!(versions, ["1.0.0", "1.1.0"]);

    // Twenty approvers move the alias at once, alternating versions: every
    // move waits for the write lock and succeeds, none answers 5xx, and
    // each is audited.
    let moves: Vec<_> = (0..20)
        .map(|i| {
            let (c, stable, key) = (c.clone(), stable.clone(), keys.approver.clone());
            tokio::spawn(async move {
                let version = if i % 2 == 0 { "1.0.0" } else { "1.1.0" };
                send(c.put(&stable).bearer_auth(&key).json(&json!({"version": version}))).await
            })
        })
        .collect();
    for (i, moved) in moves.into_iter().enumerate() {
        let (status, _, body) = moved.await.unwrap();
        assert_eq!(status, StatusCode::OK, "move {i}: {}", String::from_utf8_lossy(&body));
    }
    let audit = json_ok(c.get(server.url("/v1/audit?limit=1000")).bearer_auth(&keys.admin)).await;
    let audited = audit.as_array().unwrap().iter().filter(|e| e["action"] == "alias.move").count();
    assert_eq!(audited, 22, "two moves before, twenty at once: {audit}");
}
