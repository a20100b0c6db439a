//! Billing runs: NDJSON submitted in one request, worked through the queue,
//! each item archived exactly once, even across a crash; its status,
//! results and `batch.completed` event; strict mode, idempotent
//! resubmission, pause, resume and cancel.

use crate::support::server::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// A line for invoice `key`, for customer `cus_batch` (the defaults give plugin, kind and format).
fn invoice_line(key: &str) -> Value {
    let mut input = example("invoice", "en-US");
    input["customer"]["id"] = json!("cus_batch");
    input["data"]["number"] = json!(key);
    json!({"key": key, "customer": input["customer"], "data": input["data"]})
}

fn ndjson(lines: &[Value]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

async fn submit(server: &Server, key: &str, query: &str, body: String) -> (StatusCode, Value) {
    let (status, _, bytes) = send(
        client()
            .post(server.url(&format!("/v1/batches?{query}")))
            .bearer_auth(key)
            .header("content-type", "application/x-ndjson")
            .body(body),
    )
    .await;
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

async fn status(server: &Server, key: &str, id: &str) -> Value {
    json_ok(client().get(server.url(&format!("/v1/batches/{id}"))).bearer_auth(key)).await
}

/// The run's status once it has finished, waiting up to `within`.
async fn finished(server: &Server, key: &str, id: &str, within: Duration) -> Value {
    let started = Instant::now();
    loop {
        let now = status(server, key, id).await;
        if now["finished_at"].is_string() {
            return now;
        }
        assert!(started.elapsed() < within, "the run did not finish: {now}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn results(server: &Server, key: &str, id: &str) -> Vec<Value> {
    let (status, headers, body) = send(client().get(server.url(&format!("/v1/batches/{id}/results"))).bearer_auth(key)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/x-ndjson");
    String::from_utf8(body).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

const DEFAULTS: &str = "plugin=invoice&kind=invoice&format=html";

/// Submits a run of `n` invoices and waits for every one to be done.
async fn run_to_end(server: &Server, keys: &Keys, n: usize) {
    let lines: Vec<Value> = (1..=n).map(|i| invoice_line(&format!("INV-{i}"))).collect();
    let (_, run) = submit(server, &keys.billing, DEFAULTS, ndjson(&lines)).await;
    let done = finished(server, &keys.billing, run["id"].as_str().unwrap(), Duration::from_secs(60)).await;
    assert_eq!(done["counts"]["done"], n, "{done}");
}

/// Valid and invalid lines in one run: the valid ones are archived, each
/// invalid one is a failed result naming its line and what is wrong, and
/// the run goes on to a `batch.completed` event with the counts.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_run_archives_its_valid_lines_and_names_each_bad_one() {
    let (_dir, server, keys) = invoice_server().await;
    let mut bad_render = invoice_line("INV-BAD-DATA");
    bad_render["data"]["currency"] = json!("XYZ");
    let mut bad_format = invoice_line("INV-BAD-FORMAT");
    bad_format["format"] = json!("docx");
    let mut no_key = invoice_line("x");
    no_key.as_object_mut().unwrap().remove("key");
    let mut body = ndjson(&[invoice_line("INV-1"), invoice_line("INV-2")]);
    body.push_str("this is not json\n");
    body.push_str(&ndjson(&[no_key, bad_render, invoice_line("INV-1"), bad_format, invoice_line("INV-3")]));
    let (code, run) = submit(&server, &keys.billing, DEFAULTS, body).await;
    assert_eq!(code, StatusCode::CREATED, "{run}");
    assert_eq!(run["total"], 8);
    let id = run["id"].as_str().unwrap();
    let done = finished(&server, &keys.billing, id, Duration::from_secs(60)).await;
    assert_eq!(done["state"], "done");
    assert_eq!(done["counts"], json!({"queued": 0, "running": 0, "done": 3, "failed": 5, "cancelled": 0}), "{done}");

    let results = results(&server, &keys.billing, id).await;
    let lines: Vec<i64> = results.iter().map(|r| r["line"].as_i64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7, 8], "one result per line, in submission order");
    let problem = |line: usize| results[line - 1]["problem"].as_str().unwrap_or_default().to_string();
    assert!(problem(3).contains("not JSON"), "{}", problem(3));
    assert!(problem(4).starts_with("key: is required"), "{}", problem(4));
    assert!(problem(5).contains("data.currency"), "the plugin's own path: {}", problem(5));
    assert!(problem(6).contains("`INV-1` is used by an earlier line"), "{}", problem(6));
    assert!(problem(7).starts_with("format:"), "{}", problem(7));
    let c = client();
    for r in results.iter().filter(|r| r["state"] == "done") {
        let meta =
            json_ok(c.get(server.url(&format!("/v1/documents/{}", r["document_id"].as_str().unwrap()))).bearer_auth(&keys.billing)).await;
        assert_eq!((&meta["sha256"], &meta["batch_id"], &meta["batch_key"]), (&r["sha256"], &json!(id), &r["key"]));
    }
    let events = json_ok(c.get(server.url("/v1/events?types=batch.completed")).bearer_auth(&keys.admin)).await;
    let completed = &events["events"][0]["data"];
    assert_eq!((completed["batch_id"].as_str(), completed["done"].as_i64(), completed["failed"].as_i64()), (Some(id), Some(3), Some(5)));
    assert_eq!(completed["failures"].as_array().unwrap().len(), 5);
    let timeline = json_ok(c.get(server.url("/v1/customers/cus_batch/documents")).bearer_auth(&keys.billing)).await;
    assert_eq!(timeline["documents"].as_array().unwrap().len(), 3, "the run's documents are in the customer's timeline");
    let listed = json_ok(c.get(server.url("/v1/batches")).bearer_auth(&keys.billing)).await;
    assert_eq!(listed["batches"][0]["id"], id);
    assert_eq!(listed["batches"][0]["counts"], done["counts"], "the listing counts as the run's own status does");
    zip_matches_results(&server, &keys.billing, id, &results).await;
}

/// The listing gives every run its own counts, newest first.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_listing_counts_each_run_on_its_own() {
    let (_dir, server, keys) = invoice_server().await;
    let mut runs = Vec::new();
    for (good, bad) in [(2, 1), (1, 0), (3, 2)] {
        let mut body = ndjson(&(0..good).map(|i| invoice_line(&format!("INV-{i}"))).collect::<Vec<_>>());
        body.push_str(&"not json\n".repeat(bad));
        let (code, run) = submit(&server, &keys.billing, DEFAULTS, body).await;
        assert_eq!(code, StatusCode::CREATED, "{run}");
        let id = run["id"].as_str().unwrap().to_string();
        finished(&server, &keys.billing, &id, Duration::from_secs(60)).await;
        runs.push((id, good, bad));
    }
    let listed = json_ok(client().get(server.url("/v1/batches")).bearer_auth(&keys.billing)).await;
    let listed = listed["batches"].as_array().unwrap();
    assert_eq!(listed.len(), 3);
    for (entry, (id, good, bad)) in listed.iter().zip(runs.iter().rev()) {
        assert_eq!(entry["id"], json!(id));
        assert_eq!(entry["counts"], json!({"queued": 0, "running": 0, "done": good, "failed": bad, "cancelled": 0}), "{entry}");
    }
}

/// The run's zip holds each archived document under its key, and its
/// manifest gives each one's SHA-256, matching the bytes and the results;
/// Python's zipfile finds the archive sound.
async fn zip_matches_results(server: &Server, key: &str, id: &str, results: &[Value]) {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let (status, headers, bytes) = send(client().get(server.url(&format!("/v1/batches/{id}/archive"))).bearer_auth(key)).await;
    assert_eq!((status, headers["content-type"].to_str().unwrap()), (StatusCode::OK, "application/zip"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.zip");
    std::fs::write(&path, &bytes).unwrap();
    let checked = std::process::Command::new("python3").args(["-m", "zipfile", "-t"]).arg(&path).output().unwrap();
    assert!(checked.status.success(), "python's zipfile: {}", String::from_utf8_lossy(&checked.stderr));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name("manifest.json").unwrap().read_to_string(&mut text).unwrap();
    let manifest: Value = serde_json::from_str(&text).unwrap();
    let files = manifest["files"].as_array().unwrap();
    let done: Vec<&Value> = results.iter().filter(|r| r["state"] == "done").collect();
    assert_eq!(files.len(), done.len());
    for (file, result) in files.iter().zip(done) {
        assert_eq!((&file["key"], &file["sha256"]), (&result["key"], &result["sha256"]));
        let mut content = Vec::new();
        zip.by_name(file["file"].as_str().unwrap()).unwrap().read_to_end(&mut content).unwrap();
        assert_eq!(hex::encode(Sha256::digest(&content)), file["sha256"].as_str().unwrap());
    }
}

/// With `strict=true` the first bad line refuses the whole run, naming it.
#[tokio::test]
async fn a_strict_run_is_refused_at_its_first_bad_line() {
    let (_dir, server, keys) = invoice_server().await;
    let mut bad = invoice_line("INV-2");
    bad["data"] = json!("not an object");
    bad["customer_id"] = json!("cus_batch");
    let body = ndjson(&[invoice_line("INV-1"), bad, invoice_line("INV-3")]);
    let (code, problem) = submit(&server, &keys.billing, &format!("{DEFAULTS}&strict=true"), body).await;
    assert_eq!(code, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert!(problem["detail"].as_str().unwrap().starts_with("line 2: customer"), "{problem}");
    let listed = json_ok(client().get(server.url("/v1/batches")).bearer_auth(&keys.billing)).await;
    assert_eq!(listed["batches"], json!([]), "a refused run leaves nothing");
}

/// The same Idempotency-Key and body return the same run; another body with that key is refused.
#[tokio::test]
async fn resubmitting_with_the_same_idempotency_key_returns_the_same_run() {
    let (_dir, server, keys) = invoice_server().await;
    let body = ndjson(&[invoice_line("INV-1"), invoice_line("INV-2")]);
    let post = |body: String| {
        client()
            .post(server.url(&format!("/v1/batches?{DEFAULTS}")))
            .bearer_auth(&keys.billing)
            .header("idempotency-key", "billing-2026-11")
            .header("content-type", "application/x-ndjson")
            .body(body)
    };
    let first = json_ok(post(body.clone())).await;
    let (status, _, again) = send(post(body)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(serde_json::from_slice::<Value>(&again).unwrap()["id"], first["id"]);
    expect_problem(post(ndjson(&[invoice_line("INV-9")])), StatusCode::UNPROCESSABLE_ENTITY, "idempotency-key-reused").await;
    finished(&server, &keys.billing, first["id"].as_str().unwrap(), Duration::from_secs(60)).await;
    let listed = json_ok(client().get(server.url("/v1/batches")).bearer_auth(&keys.billing)).await;
    assert_eq!(listed["batches"].as_array().unwrap().len(), 1);
}

/// Pause stops new items from starting and resume carries on; cancel drops
/// the items not started, and the run completes as cancelled.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pause_resume_and_cancel() {
    let (_dir, server, keys) = invoice_server_with(&["--batch-concurrency", "1"]).await;
    let lines: Vec<Value> = (1..=400).map(|i| invoice_line(&format!("INV-{i}"))).collect();
    let (_, run) = submit(&server, &keys.billing, "plugin=invoice&kind=invoice&format=pdf", ndjson(&lines)).await;
    let id = run["id"].as_str().unwrap().to_string();
    let c = client();
    let paused = json_ok(c.post(server.url(&format!("/v1/batches/{id}/pause"))).bearer_auth(&keys.billing)).await;
    assert_eq!(paused["state"], "paused");
    // What was claimed before the pause finishes; nothing more starts.
    let waiting = Instant::now();
    let held = loop {
        let now = status(&server, &keys.billing, &id).await;
        if now["counts"]["running"] == 0 {
            break now;
        }
        assert!(waiting.elapsed() < Duration::from_secs(60), "the claimed items never finished: {now}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    let still = status(&server, &keys.billing, &id).await;
    assert_eq!(held["counts"], still["counts"], "a paused run starts nothing");
    assert!(still["counts"]["queued"].as_i64().unwrap() > 0, "{still}");
    expect_problem(c.post(server.url(&format!("/v1/batches/{id}/pause"))).bearer_auth(&keys.billing), StatusCode::CONFLICT, "batch-state")
        .await;
    json_ok(c.post(server.url(&format!("/v1/batches/{id}/resume"))).bearer_auth(&keys.billing)).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let cancelled = json_ok(c.delete(server.url(&format!("/v1/batches/{id}"))).bearer_auth(&keys.billing)).await;
    assert_eq!(cancelled["state"], "cancelled");
    let done = finished(&server, &keys.billing, &id, Duration::from_secs(60)).await;
    let counts = &done["counts"];
    assert!(
        counts["cancelled"].as_i64().unwrap() > 0 && counts["done"].as_i64().unwrap() > still["counts"]["done"].as_i64().unwrap(),
        "{done}"
    );
    assert_eq!(counts["done"].as_i64().unwrap() + counts["cancelled"].as_i64().unwrap(), 400, "{done}");
    let events = json_ok(c.get(server.url("/v1/events?types=batch.completed")).bearer_auth(&keys.admin)).await;
    assert_eq!(events["events"][0]["data"]["state"], "cancelled");
}

/// The nice value and scheduling policy (0 normal, 5 `SCHED_IDLE`) of
/// every process under `root` (not `root` itself).
fn priorities_under(root: u32) -> Vec<(i64, i64)> {
    let stat = |pid: u32| std::fs::read_to_string(format!("/proc/{pid}/stat")).ok();
    // After the parenthesised name: state, ppid, …; nice is field 19 of
    // the line, policy field 41.
    let fields = |text: &str| text.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().map(str::to_string).collect::<Vec<_>>());
    let all: Vec<(u32, u32, (i64, i64))> = std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let f = fields(&stat(pid)?)?;
            Some((pid, f.get(1)?.parse().ok()?, (f.get(16)?.parse().ok()?, f.get(38)?.parse().ok()?)))
        })
        .collect();
    let mut found = vec![root];
    let mut priorities = Vec::new();
    let mut i = 0;
    while i < found.len() {
        for (pid, ppid, priority) in &all {
            if *ppid == found[i] {
                found.push(*pid);
                priorities.push(*priority);
            }
        }
        i += 1;
    }
    priorities
}

fn nice_values_under(root: u32) -> Vec<i64> {
    priorities_under(root).into_iter().map(|(nice, _)| nice).collect()
}

/// A run renders in workers of its own (the batch lane), forked when the
/// run needs them and at the CPU priority `--batch-nice` sets, while the
/// workers of opens and the render API keep theirs; `/healthz` and
/// `/metrics` show both lanes.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn runs_render_in_their_own_lower_priority_workers() {
    let (_dir, server, keys) = invoice_server_with(&["--render-workers", "2", "--batch-workers", "2", "--batch-nice", "15"]).await;
    let health = || async { String::from_utf8(send(client().get(server.url("/healthz"))).await.2).unwrap() };
    let before = health().await;
    assert!(before.contains("batch workers: 0 of 2 running"), "no batch worker before a run: {before}");
    assert!(!nice_values_under(server.pid()).contains(&15));
    run_to_end(&server, &keys, 12).await;
    let health = health().await;
    assert!(health.contains("workers: 2 of 2 running"), "{health}");
    assert!(health.contains("batch workers: 2 of 2 running, 0 busy"), "{health}");
    let nice = nice_values_under(server.pid());
    assert_eq!(nice.iter().filter(|n| **n == 15).count(), 2, "two batch workers at nice 15: {nice:?}");
    assert!(nice.iter().filter(|n| **n == 0).count() >= 3, "the zygote and both render workers keep theirs: {nice:?}");
    let (_, _, metrics) = send(client().get(server.url("/metrics"))).await;
    let metrics = String::from_utf8(metrics).unwrap();
    assert!(metrics.contains(r#"folio_render_workers{lane="batch",state="alive"} 2"#), "{metrics}");
    assert!(metrics.contains(r#"folio_render_workers{lane="interactive",state="alive"} 2"#), "{metrics}");
}

/// `--batch-nice idle` puts batch workers on `SCHED_IDLE`; the others stay normal.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn idle_runs_render_in_sched_idle_workers() {
    let (_dir, server, keys) = invoice_server_with(&["--render-workers", "2", "--batch-workers", "2", "--batch-nice", "idle"]).await;
    run_to_end(&server, &keys, 6).await;
    const SCHED_IDLE: i64 = 5;
    let priorities = priorities_under(server.pid());
    assert_eq!(priorities.iter().filter(|(_, policy)| *policy == SCHED_IDLE).count(), 2, "two idle batch workers: {priorities:?}");
    assert!(
        priorities.iter().filter(|(_, policy)| *policy == 0).count() >= 3,
        "the zygote and both render workers stay normal: {priorities:?}"
    );
}

/// `kill -9` mid-run, then a restart: the run completes with exactly one
/// archived document per line, every key once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_run_survives_a_crash_with_every_item_archived_once() {
    let flags = ["--batch-concurrency", "1", "--batch-lease", "2s"];
    let (dir, mut server, keys) = invoice_server_with(&flags).await;
    const N: usize = 40;
    let lines: Vec<Value> = (1..=N).map(|i| invoice_line(&format!("INV-{i:03}"))).collect();
    let (_, run) = submit(&server, &keys.billing, "plugin=invoice&kind=invoice&format=pdf", ndjson(&lines)).await;
    let id = run["id"].as_str().unwrap().to_string();
    let started = Instant::now();
    while status(&server, &keys.billing, &id).await["counts"]["done"].as_i64().unwrap() < 5 {
        assert!(started.elapsed() < Duration::from_secs(60), "the run does not progress");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    let before = status_after_restart(&dir, &flags, &keys, &id).await;
    let results = results(&before.0, &keys.billing, &id).await;
    assert_eq!(results.len(), N);
    assert!(results.iter().all(|r| r["state"] == "done"), "{results:?}");
    let keys_seen: BTreeSet<&str> = results.iter().map(|r| r["key"].as_str().unwrap()).collect();
    let documents: BTreeSet<&str> = results.iter().map(|r| r["document_id"].as_str().unwrap()).collect();
    assert_eq!((keys_seen.len(), documents.len()), (N, N));
    let timeline = json_ok(client().get(before.0.url("/v1/customers/cus_batch/documents")).bearer_auth(&keys.billing)).await;
    assert_eq!(timeline["documents"].as_array().unwrap().len(), N, "exactly one archived document per line");
}

/// Starts the server again over `dir` and waits for run `id` to finish.
async fn status_after_restart(dir: &tempfile::TempDir, flags: &[&str], keys: &Keys, id: &str) -> (Server, Value) {
    let server = Server::start_with(dir.path(), &dir.path().join("blobs"), &Db::Sqlite, flags);
    let done = finished(&server, &keys.billing, id, Duration::from_secs(120)).await;
    assert_eq!(done["state"], "done", "{done}");
    (server, done)
}

/// On PostgreSQL, two `folio worker` processes share a run; one is killed
/// mid-chunk, and the other finishes it: exactly one document per line.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_on_postgres_survive_one_killed() {
    let db = PgDatabase::create().await;
    let dir = tempfile::tempdir().unwrap();
    let pg = Db::Postgres(db.url.clone());
    let blobs = dir.path().join("blobs");
    let server = Server::start_with(dir.path(), &blobs, &pg, &["--batch-concurrency", "0"]);
    let keys = Keys::create(&server);
    install(&server, &keys, "plugins/invoice").await;
    let worker = |name: &str| {
        folio_command(&dir.path().join(name), &pg)
            .args(["worker", "--blob-dir"])
            .arg(&blobs)
            .args(["--batch-lease", "2s", "--batch-concurrency", "2"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("folio worker starts")
    };
    let mut first = worker("worker-a");
    let mut second = worker("worker-b");
    const N: usize = 80;
    let lines: Vec<Value> = (1..=N).map(|i| invoice_line(&format!("INV-{i:03}"))).collect();
    let (code, run) = submit(&server, &keys.billing, "plugin=invoice&kind=invoice&format=pdf", ndjson(&lines)).await;
    assert_eq!(code, StatusCode::CREATED, "{run}");
    let id = run["id"].as_str().unwrap().to_string();
    let started = Instant::now();
    while status(&server, &keys.billing, &id).await["counts"]["done"].as_i64().unwrap() < 10 {
        assert!(started.elapsed() < Duration::from_secs(60), "the workers do not progress");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    first.kill().unwrap();
    first.wait().unwrap();
    let done = finished(&server, &keys.billing, &id, Duration::from_secs(120)).await;
    second.kill().unwrap();
    second.wait().unwrap();
    assert_eq!(done["counts"]["done"], N, "{done}");
    let results = results(&server, &keys.billing, &id).await;
    let documents: BTreeSet<&str> = results.iter().map(|r| r["document_id"].as_str().unwrap()).collect();
    assert_eq!(documents.len(), N);
    let timeline = json_ok(client().get(server.url("/v1/customers/cus_batch/documents")).bearer_auth(&keys.billing)).await;
    assert_eq!(timeline["documents"].as_array().unwrap().len(), N, "exactly one archived document per line");
    drop(server);
    db.drop_now().await;
}

/// A run's plugin version is resolved when it is submitted: moving the
/// alias during the run changes none of its documents.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn moving_an_alias_mid_run_does_not_change_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = crate::registry::greeter_bundle(dir.path(), "1.0.0", "first edition");
    let v2 = crate::registry::greeter_bundle(dir.path(), "1.1.0", "second edition");
    let server = Server::start_with(&dir.path().join("data"), &dir.path().join("blobs"), &Db::Sqlite, &["--batch-concurrency", "1"]);
    let keys = Keys::create(&server);
    let c = client();
    for (bytes, version) in [(v1, "1.0.0"), (v2, "1.1.0")] {
        let (status, _, body) = send(c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(bytes)).await;
        assert_eq!(status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&body));
        json_ok(c.post(server.url(&format!("/v1/plugins/greeter/versions/{version}/publish"))).bearer_auth(&keys.approver)).await;
    }
    let stable = server.url("/v1/plugins/greeter/aliases/stable");
    json_ok(c.put(&stable).bearer_auth(&keys.approver).json(&json!({"version": "1.0.0"}))).await;
    let lines: Vec<Value> = (1..=150)
        .map(|i| json!({"key": format!("G-{i}"), "customer": {"id": "cus_batch", "display_name": "Ada"}, "data": {"message": "hello"}}))
        .collect();
    let (code, run) = submit(&server, &keys.billing, "plugin=greeter&alias=stable&kind=greeter&format=html", ndjson(&lines)).await;
    assert_eq!(code, StatusCode::CREATED, "{run}");
    let id = run["id"].as_str().unwrap();
    // Held while the alias moves, so the rest of the run renders after it.
    let paused = json_ok(c.post(server.url(&format!("/v1/batches/{id}/pause"))).bearer_auth(&keys.billing)).await;
    assert!(paused["counts"]["queued"].as_i64().unwrap() > 0, "{paused}");
    json_ok(c.put(&stable).bearer_auth(&keys.approver).json(&json!({"version": "1.1.0"}))).await;
    json_ok(c.post(server.url(&format!("/v1/batches/{id}/resume"))).bearer_auth(&keys.billing)).await;
    let done = finished(&server, &keys.billing, id, Duration::from_secs(60)).await;
    assert_eq!(done["counts"]["done"], 150, "{done}");
    assert_eq!(done["defaults"]["alias"], "stable");
    for r in results(&server, &keys.billing, id).await.iter().rev().step_by(30) {
        let document = r["document_id"].as_str().unwrap();
        let meta = json_ok(c.get(server.url(&format!("/v1/documents/{document}"))).bearer_auth(&keys.billing)).await;
        assert_eq!(meta["version"], "1.0.0");
        let (_, _, bytes) = send(c.get(server.url(&format!("/v1/documents/{document}/content"))).bearer_auth(&keys.billing)).await;
        assert!(String::from_utf8(bytes).unwrap().contains("first edition"));
    }
}

/// `folio batch`: submit a file and wait for it (the progress bar goes to
/// standard error), then its status, results and zip.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_cli_submits_waits_and_downloads() {
    let (dir, server, keys) = invoice_server().await;
    let file = dir.path().join("run.ndjson");
    std::fs::write(&file, ndjson(&(1..=12).map(|i| invoice_line(&format!("INV-{i}"))).collect::<Vec<_>>())).unwrap();
    let folio = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(args)
            .args(["--server", &server.base])
            .env("FOLIO_API_KEY", &keys.billing)
            .output()
            .unwrap()
    };
    let path = file.to_str().unwrap();
    let out = folio(&["batch", "submit", path, "--plugin", "invoice", "--kind", "invoice", "--format", "html", "--wait"]);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("12 done, 0 failed"), "{stderr}");
    let id = stderr.split_whitespace().nth(1).unwrap().trim_end_matches(':').to_string();
    let out = folio(&["batch", "results", &id]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 12);
    let zip = dir.path().join("run.zip");
    let out = folio(&["batch", "download", &id, "-o", zip.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap().len(), 13, "12 documents and the manifest");
    let out = folio(&["batch", "cancel", &id]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("409"), "a finished run cannot be cancelled");
    // A file with a bad line: the run completes, and the command says it failed.
    std::fs::write(&file, "{\"key\": \"X\"}\n").unwrap();
    let out = folio(&["batch", "submit", path, "--plugin", "invoice", "--kind", "invoice", "--format", "html", "--wait"]);
    assert!(
        !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("1 of 1 lines failed"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
