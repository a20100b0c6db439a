//! Containment, against a started `folio serve`: every hostile bundle and
//! input of issue 11 gets its typed error within its limit, the server
//! process survives (the same PID), and a normal render right after it
//! succeeds. One test per scenario, each with a server of its own.

mod support;

use folio::Bundle;
use folio::bundle::BundleLimits;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use support::server::*;
use support::*;

const HOSTILE: &str = "tests/plugins/hostile";

/// A server with the hostile and invoice plugins installed.
async fn hostile_server(dir: &std::path::Path, extra: &[&str]) -> (Server, Keys) {
    let server = Server::start_with(dir, &dir.join("blobs"), &Db::Sqlite, extra);
    let keys = Keys::create(&server);
    install(&server, &keys, HOSTILE).await;
    install(&server, &keys, "plugins/invoice").await;
    (server, keys)
}

fn hostile(kind: &str, format: &str, data: Value) -> Value {
    json!({"plugin": "hostile", "kind": kind, "format": format, "customer": {"id": "cus_h", "display_name": "H"}, "data": data})
}

/// Renders through the API; the status, headers, body and time taken.
async fn render(server: &Server, key: &str, request: &Value) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>, Duration) {
    let started = Instant::now();
    let (status, headers, body) = send(client().post(server.url("/v1/documents")).bearer_auth(key).json(request)).await;
    (status, headers, body, started.elapsed())
}

/// The server still runs as the same process and renders a normal invoice.
async fn still_serving(server: &mut Server, pid: u32, keys: &Keys) {
    assert!(server.alive(), "the server process died");
    assert_eq!(server.pid(), pid);
    let request = json!({"plugin": "invoice", "kind": "invoice", "format": "pdf",
        "customer": example("invoice", "en-US")["customer"], "data": example("invoice", "en-US")["data"]});
    let (status, _, body, _) = render(server, &keys.billing, &request).await;
    assert_eq!(status, StatusCode::OK, "a normal render after: {}", String::from_utf8_lossy(&body));
    assert!(body.starts_with(b"%PDF-"));
}

fn problem_of(status: StatusCode, headers: &reqwest::header::HeaderMap, body: &[u8]) -> Value {
    problem(status, headers, body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hostile_templates_and_plans_get_typed_errors_within_their_limits() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, keys) = hostile_server(dir.path(), &[]).await;
    let pid = server.pid();
    let levels = vec![0; 100_000];
    let items: Vec<u32> = (0..50).collect();
    let cases = [
        ("deep-html", "pdf", json!({"levels": levels}), "render-failed", "nests elements more than 128 deep"),
        ("deep-html", "text", json!({"levels": levels}), "render-failed", "nests elements more than 128 deep"),
        ("nested-each", "html", json!({"items": items}), "render-failed", "visited more than 200000 items"),
        (
            "partial-loop",
            "html",
            json!({"first": "ping", "next": {"ping": "pong", "pong": "ping"}}),
            "render-failed",
            "partials nested more than 16 deep",
        ),
        (
            "big-output",
            "html",
            json!({"items": vec![0; 200], "blob": "x".repeat(100_000)}),
            "render-failed",
            "wrote more than 8388608 bytes",
        ),
        ("deep-view", "html", json!({}), "plugin-failed", "view-model"),
        ("huge-error", "html", json!({}), "plugin-failed", "[cut: 8388608 bytes in all]"),
    ];
    for (kind, format, data, slug, says) in cases {
        let (status, headers, body, took) = render(&server, &keys.billing, &hostile(kind, format, data)).await;
        assert_eq!(status, StatusCode::BAD_GATEWAY, "{kind} {format}: {}", String::from_utf8_lossy(&body[..body.len().min(500)]));
        let p = problem_of(status, &headers, &body);
        assert_eq!(p["type"], format!("urn:folio:problem:{slug}"), "{kind}: {p}");
        assert!(p["detail"].as_str().unwrap().contains(says), "{kind}: {p}");
        if slug == "render-failed" {
            assert_eq!(p["class"], "limit", "{kind}: {p}");
        }
        assert!(body.len() < 16 << 10, "{kind}: a {}-byte problem", body.len());
        assert!(took < Duration::from_secs(5), "{kind} {format} took {took:?}");
    }
    // The plan's file name reaches the download header as a safe token only.
    let data = json!({"file_name": "a\r\nSet-Cookie:x=1;filename=\"../../x.html"});
    let (status, headers, _, _) = render(&server, &keys.billing, &hostile("file-name", "html", data)).await;
    assert_eq!(status, StatusCode::OK);
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert_eq!(
        disposition,
        r#"inline; filename="a-Set-Cookie-x-1-filename-x.html.html"; filename*=UTF-8''a-Set-Cookie-x-1-filename-x.html.html"#
    );
    assert!(headers.get("set-cookie").is_none());
    still_serving(&mut server, pid, &keys).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_render_that_crashes_loops_or_runs_out_of_memory_costs_one_render() {
    let dir = tempfile::tempdir().unwrap();
    // The limits raised, as an operator might: what is left to stop these
    // renders is the containment itself.
    let (mut server, keys) = hostile_server(
        dir.path(),
        &[
            "--render-limit",
            "include-depth=1000000",
            "--render-limit",
            "iterations=1000000000000",
            "--render-limit",
            "output=1GiB",
            // Three seconds: enough that the big output reaches its
            // 128 MiB before its CPU budget even on a slow, shared
            // machine, so each case meets the limit it is about.
            "--render-cpu",
            "html=3s",
            "--render-memory",
            "html=128MiB",
        ],
    )
    .await;
    let pid = server.pid();
    let cases = [
        ("partial-loop", json!({"first": "ping", "next": {"ping": "pong", "pong": "ping"}}), "crash"),
        ("nested-each", json!({"items": (0..50).collect::<Vec<u32>>()}), "timeout"),
        ("big-output", json!({"items": vec![0; 2000], "blob": "x".repeat(100_000)}), "memory"),
    ];
    for (kind, data, class) in cases {
        let (status, headers, body, took) = render(&server, &keys.billing, &hostile(kind, "html", data)).await;
        assert_eq!(status, StatusCode::BAD_GATEWAY, "{kind}: {}", String::from_utf8_lossy(&body));
        let p = problem_of(status, &headers, &body);
        assert_eq!((p["type"].as_str().unwrap(), p["class"].as_str().unwrap()), ("urn:folio:problem:render-failed", class), "{kind}: {p}");
        assert!(took < Duration::from_secs(10), "{kind} took {took:?}");
        still_serving(&mut server, pid, &keys).await;
    }
    let metrics = String::from_utf8(send(client().get(server.url("/metrics"))).await.2).unwrap();
    for class in ["crash", "timeout", "memory"] {
        assert!(metrics.contains(&format!("folio_render_stops_total{{class=\"{class}\"}} 1")), "{class}: {metrics}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn workers_run_under_seccomp_and_die_with_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let (server, keys) = hostile_server(dir.path(), &["--render-workers", "2"]).await;
    let (status, _, _, _) = render(&server, &keys.billing, &hostile("ok", "html", json!({}))).await;
    assert_eq!(status, StatusCode::OK);
    let zygotes = children(server.pid());
    assert_eq!(zygotes.len(), 1, "one zygote: {zygotes:?}");
    let workers = children(zygotes[0]);
    assert_eq!(workers.len(), 2, "{workers:?}");
    for worker in &workers {
        let status = std::fs::read_to_string(format!("/proc/{worker}/status")).unwrap();
        assert!(status.lines().any(|l| l == "Seccomp:\t2"), "worker {worker} is not filtered: {status}");
        assert!(status.lines().any(|l| l.starts_with("NoNewPrivs:\t1")), "{status}");
    }
    let mut server = server;
    let _ = server.child.kill();
    let _ = server.child.wait();
    for pid in zygotes.iter().chain(&workers) {
        let gone = (0..50).any(|_| {
            std::thread::sleep(Duration::from_millis(20));
            !std::path::Path::new(&format!("/proc/{pid}")).exists() || is_zombie(*pid)
        });
        assert!(gone, "process {pid} outlived the server");
    }
}

/// The child processes of `pid`, whichever of its threads started them.
fn children(pid: u32) -> Vec<u32> {
    let mut all = Vec::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).into_iter().flatten().flatten() {
        let list = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
        all.extend(list.split_whitespace().filter_map(|p| p.parse::<u32>().ok()));
    }
    all
}

fn is_zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|s| s.rsplit(')').next().is_some_and(|r| r.trim_start().starts_with('Z')))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn hostile_renders_at_full_load_leave_room_for_others_and_readiness_tells() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, keys) = hostile_server(
        dir.path(),
        &["--render-workers", "4", "--render-share", "2", "--render-limit", "iterations=1000000000000", "--render-cpu", "html=2s"],
    )
    .await;
    let pid = server.pid();
    assert_eq!(send(client().get(server.url("/readyz"))).await.0, StatusCode::OK);
    // Eight renders that each burn their whole CPU budget, all at once.
    let burners: Vec<_> = (0..8)
        .map(|_| {
            let (url, key) = (server.url("/v1/documents"), keys.billing.clone());
            let request = hostile("nested-each", "html", json!({"items": (0..50).collect::<Vec<u32>>()}));
            tokio::spawn(async move { send(client().post(url).bearer_auth(key).json(&request)).await.0 })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // The hostile version holds two workers; the other two keep rendering.
    let invoice = json!({"plugin": "invoice", "kind": "invoice", "format": "html",
        "customer": example("invoice", "en-US")["customer"], "data": example("invoice", "en-US")["data"]});
    for _ in 0..10 {
        let (status, _, body, took) = render(&server, &keys.billing, &invoice).await;
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
        assert!(took < Duration::from_secs(2), "a normal render waited {took:?}");
    }
    let (status, _, health) = send(client().get(server.url("/healthz"))).await;
    let health = String::from_utf8(health).unwrap();
    assert_eq!(status, StatusCode::OK, "{health}");
    // "workers: 4 of 4 running, 2 busy; 6 renders waiting" (then the batch lane's line)
    let line = health.lines().find(|l| l.starts_with("workers:")).unwrap();
    let numbers: Vec<usize> = line.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
    assert!(matches!(numbers[..], [alive, 4, busy, waiting] if alive >= 3 && busy >= 2 && waiting > 0), "{health}");
    let (status, headers, body) = send(client().get(server.url("/readyz"))).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{}", String::from_utf8_lossy(&body));
    assert!(problem(status, &headers, &body)["detail"].as_str().unwrap().contains("saturated"));
    for burner in burners {
        let status = burner.await.unwrap();
        assert!(status == StatusCode::BAD_GATEWAY || status == StatusCode::SERVICE_UNAVAILABLE, "{status}");
    }
    assert_eq!(send(client().get(server.url("/readyz"))).await.0, StatusCode::OK, "ready again once the flood is over");
    still_serving(&mut server, pid, &keys).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_costly_open_link_is_suspended_and_served_its_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, keys) = hostile_server(dir.path(), &[]).await;
    let pid = server.pid();
    let c = client();
    json_ok(c.put(server.url("/v1/customers/cus_svg")).bearer_auth(&keys.billing).json(&json!({"display_name": "SVG"}))).await;
    let created = json_ok(c.post(server.url("/v1/open-links")).bearer_auth(&keys.billing).json(&json!({
        "plugin": "hostile", "kind": "svg-filter", "customer_id": "cus_svg", "data": {"radius": 500}, "formats": ["html", "png"]
    })))
    .await;
    let image = created["image_url"].as_str().unwrap();
    for open in 0..5 {
        let started = Instant::now();
        let (status, headers, body) = send(c.get(image).header("user-agent", IPHONE)).await;
        assert_eq!((status, headers["folio-open"].to_str().unwrap()), (StatusCode::OK, "fallback"), "open {open}");
        assert_eq!(headers["content-type"], "image/png");
        assert_eq!(png_size(&body), (1, 1), "the blank image");
        assert!(started.elapsed() < Duration::from_secs(2), "open {open}: {:?}", started.elapsed());
    }
    let metrics = String::from_utf8(send(c.get(server.url("/metrics"))).await.2).unwrap();
    assert!(metrics.contains("folio_opens_suspended_total 4"), "one render, four suspended opens: {metrics}");
    assert!(metrics.contains("outcome=\"render-limit\""), "{metrics}");
    // The page of the same link renders (its HTML has no costly image), with the page policy.
    let (status, headers, page) = open_as(created["html_url"].as_str().unwrap(), IPHONE).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("script-src"), "{csp}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    still_serving(&mut server, pid, &keys).await;
}

/// The hostile bundle with `templates` added.
fn hostile_with_templates(templates: &[(&str, &str)]) -> Vec<u8> {
    let built = bundle(HOSTILE);
    let mut files: BTreeMap<String, Vec<u8>> = built.files().clone();
    for (path, text) in templates {
        files.insert(path.to_string(), text.as_bytes().to_vec());
    }
    let manifest = built.manifest().plugin.clone();
    Bundle::create(built.contract(), manifest, built.wasm().to_vec(), files).unwrap().to_bytes().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bundles_that_cannot_be_rendered_safely_are_refused_at_upload() {
    let dir = tempfile::tempdir().unwrap();
    // Only the invoice plugin: the hostile bundles below carry the hostile
    // plugin's own name and version, as its describe() says.
    let mut server = Server::start_with(dir.path(), &dir.path().join("blobs"), &Db::Sqlite, &["--compile-cpu", "2s"]);
    let keys = Keys::create(&server);
    install(&server, &keys, "plugins/invoice").await;
    let pid = server.pid();
    let upload = |bytes: Vec<u8>| {
        let (url, key) = (server.url("/v1/plugins"), keys.author.clone());
        async move {
            let started = Instant::now();
            let (status, headers, body) = send(client().post(url).bearer_auth(key).body(bytes)).await;
            (status, headers, body, started.elapsed())
        }
    };
    // Partials that include each other.
    let looping = hostile_with_templates(&[("templates/cycle-a.hbs", "<p>{{> cycle-b}}</p>"), ("templates/cycle-b.hbs", "{{> cycle-a}}")]);
    // Block helpers nested past the limit.
    let nested = format!("{}x{}", "{{#if true}}".repeat(40), "{{/if}}".repeat(40));
    let deep = hostile_with_templates(&[("templates/deep.hbs", nested.as_str())]);
    // A component with six functions Cranelift takes long to compile.
    let heavy = {
        let built = bundle(HOSTILE);
        let wasm = with_heavy_functions(&core_module(HOSTILE), 6, 4000, 2000);
        Bundle::create(built.contract(), built.manifest().plugin.clone(), wasm, built.files().clone()).unwrap().to_bytes().unwrap()
    };
    assert!(heavy.len() < 1 << 20, "a small bundle: {} bytes", heavy.len());
    // A component that describes 2,000 kinds, in a bundle whose
    // plugin.toml claims one.
    let many = {
        let built = bundle(HOSTILE);
        let mut manifest = built.manifest().plugin.clone();
        manifest.name = "many-kinds".into();
        manifest.kinds.truncate(1);
        Bundle::create(built.contract(), manifest, component("tests/plugins/many-kinds"), BTreeMap::new()).unwrap().to_bytes().unwrap()
    };
    // A plugin.toml that itself lists a thousand kinds.
    let listed = {
        let built = bundle(HOSTILE);
        let mut manifest = built.manifest().plugin.clone();
        let kind = manifest.kinds[0].clone();
        manifest.kinds = (0..1000).map(|i| folio::contract::types::Kind { name: format!("k{i}"), ..kind.clone() }).collect();
        Bundle::create(built.contract(), manifest, built.wasm().to_vec(), built.files().clone()).unwrap().to_bytes().unwrap()
    };
    let cases: [(Vec<u8>, &str, Duration); 5] = [
        (looping, "include each other in a loop: cycle-a → cycle-b → cycle-a", Duration::from_secs(5)),
        (deep, "nests block helpers 40 deep; at most 32", Duration::from_secs(5)),
        (heavy, "past its budget of 2000 ms", Duration::from_secs(8)),
        (many, "kinds: 2000 declared; a plugin may declare at most 64", Duration::from_secs(5)),
        (listed, "kinds: 1000 declared", Duration::from_secs(1)),
    ];
    for (bytes, says, within) in cases {
        let (status, headers, body, took) = upload(bytes).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{says}: {}", String::from_utf8_lossy(&body));
        let p = problem(status, &headers, &body);
        assert_eq!(p["type"], "urn:folio:problem:invalid-bundle");
        assert!(p["detail"].as_str().unwrap().contains(says), "{says}: {p}");
        assert!(took < within, "{says}: took {took:?}");
    }
    still_serving(&mut server, pid, &keys).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn refused_uploads_are_refused_before_any_work_and_keep_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, keys) = hostile_server(dir.path(), &[]).await;
    let pid = server.pid();
    // The invoice bundle again, padded with 30 MiB that does not compress.
    let built = bundle("plugins/invoice");
    let mut files = built.files().clone();
    let mut noise = vec![0u8; 30 << 20];
    getrandom_fill(&mut noise);
    files.insert("templates/padding.bin".into(), noise);
    let padded =
        Bundle::create(built.contract(), built.manifest().plugin.clone(), built.wasm().to_vec(), files).unwrap().to_bytes().unwrap();
    assert!(padded.len() > 30 << 20 && padded.len() < BundleLimits::default().max_bundle_bytes);
    let upload_twelve = || async {
        for _ in 0..12 {
            let started = Instant::now();
            let (status, headers, body) =
                send(client().post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(padded.clone())).await;
            assert_eq!(status, StatusCode::CONFLICT, "{}", String::from_utf8_lossy(&body));
            assert_eq!(problem(status, &headers, &body)["type"], "urn:folio:problem:version-exists");
            assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
        }
    };
    // The first dozen may leave the allocator holding buffers it reuses;
    // the second must not grow the process further: nothing is kept.
    let before = server.rss();
    upload_twelve().await;
    let after_first = server.rss();
    upload_twelve().await;
    let after_second = server.rss();
    let (first, second) = (after_first.saturating_sub(before) >> 20, after_second.saturating_sub(after_first) >> 20);
    assert!(first < 400 && second < 64, "RSS grew by {first} MiB, then by {second} MiB, over two dozen refused uploads");
    still_serving(&mut server, pid, &keys).await;
}

fn getrandom_fill(buf: &mut [u8]) {
    // A fast, incompressible, deterministic filler (xorshift).
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for chunk in buf.chunks_mut(8) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        for (b, v) in chunk.iter_mut().zip(x.to_le_bytes()) {
            *b = v;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bounded_caches_load_an_evicted_version_again() {
    use folio::contain::{ContainConfig, Workers};
    use folio::service::prepared::PreparedPlugins;
    use folio::store::{BlobStore, PluginVersion, VersionStatus};

    let dir = tempfile::tempdir().unwrap();
    let mut config = ContainConfig::new(env!("CARGO_BIN_EXE_folio").into());
    config.workers = 1;
    config.per_version = 1;
    // Each worker keeps one bundle loaded, and the service one version prepared.
    config.loaded_plugins = 1;
    let workers = Workers::start(config).await.unwrap();
    let blobs = BlobStore::open(&dir.path().join("blobs")).unwrap();
    let artifacts = folio::runtime::ArtifactCache::open(&cache_dir(), workers.fingerprint()).unwrap();
    let prepared = PreparedPlugins::new(artifacts, 1);
    let version = |rel: &str| {
        let bundle = bundle(rel);
        let bytes = bundle.to_bytes().unwrap();
        PluginVersion {
            name: bundle.manifest().plugin.name.clone(),
            version: bundle.manifest().plugin.version.clone(),
            digest: bundle.digest().to_string(),
            bundle_sha256: blobs.put(&bytes).unwrap(),
            bundle_size: bytes.len() as i64,
            manifest: bundle.manifest().plugin.clone(),
            status: VersionStatus::Published,
            uploaded_by: "test".into(),
            uploaded_at: "2026-11-30T00:00:00Z".into(),
            published_by: None,
            published_at: None,
        }
    };
    let (invoice, hostile) = (version("plugins/invoice"), version(HOSTILE));
    let request = |kind: &str, data: Value| {
        let customer = folio::contract::types::Customer::new("cus_c", "C", "en", "UTC", "");
        let at = chrono::Utc::now();
        folio::contract::types::Request::new(kind, customer, &data.to_string(), folio::contract::types::Purpose::OnDemand, at).unwrap()
    };
    let invoice_data = example("invoice", "en-US")["data"].clone();
    for (round, (v, kind, data)) in
        [(&invoice, "invoice", invoice_data.clone()), (&hostile, "ok", json!({})), (&invoice, "invoice", invoice_data)]
            .into_iter()
            .enumerate()
    {
        let p = prepared.get(v, &blobs, &workers).await.unwrap();
        let document = workers.render(&p.files, request(kind, data), folio::render::Format::Html).await.unwrap();
        assert!(!document.bytes.is_empty());
        assert_eq!(prepared.loads(), round as u64 + 1, "round {round}: prepared again after it was evicted");
    }
}
