//! A started `folio serve` for the service tests: the real binary on a free
//! loopback port over SQLite or its own PostgreSQL database, and the small
//! helpers every scenario uses to talk to it.

use super::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Connection;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// Where a server keeps its records.
#[derive(Clone)]
pub enum Db {
    Sqlite,
    Postgres(String),
}

/// A running `folio serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub data_dir: PathBuf,
    pub db: Db,
}

pub fn folio_command(data_dir: &Path, db: &Db) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_folio"));
    cmd.env("FOLIO_CACHE_DIR", cache_dir()).env("FOLIO_DATA_DIR", data_dir).env_remove("FOLIO_DATABASE_URL");
    if let Db::Postgres(url) = db {
        cmd.env("FOLIO_DATABASE_URL", url);
    }
    cmd
}

impl Server {
    /// Starts a server over `data_dir` (blobs go to `blob_dir`).
    pub fn start(data_dir: &Path, blob_dir: &Path, db: &Db) -> Server {
        Self::start_with(data_dir, blob_dir, db, &[])
    }

    /// [`Server::start`] with more `folio serve` arguments.
    pub fn start_with(data_dir: &Path, blob_dir: &Path, db: &Db, extra: &[&str]) -> Server {
        Self::start_env(data_dir, blob_dir, db, extra, &[])
    }

    /// [`Server::start_with`] with environment variables set.
    pub fn start_env(data_dir: &Path, blob_dir: &Path, db: &Db, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = folio_command(data_dir, db)
            .envs(env.iter().copied())
            .args(["serve", "--addr", "127.0.0.1:0", "--blob-dir"])
            .arg(blob_dir)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("folio serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).expect("folio serve prints its address");
        let base = line.trim().strip_prefix("listening on ").unwrap_or_else(|| panic!("unexpected first line `{line}`")).to_string();
        Server { child, base, data_dir: data_dir.to_path_buf(), db: db.clone() }
    }

    /// Creates a key with `scopes` through `folio keys create`.
    pub fn key(&self, scopes: &str) -> String {
        let out = folio_command(&self.data_dir, &self.db).args(["keys", "create", "--scopes", scopes]).output().unwrap();
        assert!(out.status.success(), "keys create: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A PostgreSQL database of its own for one test, dropped afterwards.
pub struct PgDatabase {
    pub admin_url: String,
    pub name: String,
    pub url: String,
}

impl PgDatabase {
    pub async fn create() -> PgDatabase {
        sqlx::any::install_default_drivers();
        let admin_url = std::env::var("FOLIO_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        let name = format!("folio_test_{}", folio::store::new_id("db").trim_start_matches("db_"));
        let mut conn = sqlx::AnyConnection::connect(&admin_url).await.unwrap_or_else(|e| {
            panic!("PostgreSQL is not reachable at {admin_url} ({e}); run `make setup`, which installs and starts it, or set FOLIO_TEST_POSTGRES_URL")
        });
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("create test database");
        let (base, _) = admin_url.rsplit_once('/').expect("database URL has a path");
        let url = format!("{base}/{name}");
        PgDatabase { admin_url, name, url }
    }

    /// Drops the database now (it is also dropped when this value is).
    pub async fn drop_now(self) {
        drop(self);
    }
}

/// The database goes with the test, however it ends: dropped from a thread
/// of its own (a test's runtime may not block).
impl Drop for PgDatabase {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
            runtime.block_on(async {
                let mut conn = sqlx::AnyConnection::connect(&admin_url).await.ok()?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn).await.ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(_))) {
            eprintln!("could not drop the test database {}; drop it by hand", self.name);
        }
    }
}

/// A server with keys for every role and the invoice plugin published as
/// `stable`; the directory it keeps its data in goes with it.
pub async fn invoice_server() -> (tempfile::TempDir, Server, Keys) {
    invoice_server_with(&[]).await
}

/// [`invoice_server`] with more `folio serve` arguments.
pub async fn invoice_server_with(flags: &[&str]) -> (tempfile::TempDir, Server, Keys) {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(dir.path(), &dir.path().join("blobs"), &Db::Sqlite, flags);
    let keys = Keys::create(&server);
    install(&server, &keys, "plugins/invoice").await;
    (dir, server, keys)
}

pub fn client() -> reqwest::Client {
    reqwest::Client::new()
}

pub fn bundle_bytes(rel: &str) -> Vec<u8> {
    std::fs::read(bundle_path(rel)).unwrap()
}

pub fn example(kind: &str, locale: &str) -> Value {
    let text = std::fs::read_to_string(repo().join(format!("examples/{kind}/{locale}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A render request for the invoice example in `locale`.
pub fn invoice_request(locale: &str, format: &str) -> Value {
    let input = example("invoice", locale);
    json!({
        "plugin": "invoice", "kind": "invoice", "format": format,
        "customer": input["customer"], "data": input["data"],
        "at": "2026-11-22T09:00:00Z",
    })
}

pub async fn send(req: reqwest::RequestBuilder) -> (StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
    let res = req.send().await.expect("request is answered");
    let status = res.status();
    let headers = res.headers().clone();
    (status, headers, res.bytes().await.unwrap().to_vec())
}

pub fn problem(status: StatusCode, headers: &reqwest::header::HeaderMap, body: &[u8]) -> Value {
    assert_eq!(headers["content-type"], "application/problem+json", "status {status}: {}", String::from_utf8_lossy(body));
    let p: Value = serde_json::from_slice(body).unwrap();
    assert_eq!(p["status"], status.as_u16());
    assert!(p["type"].as_str().unwrap().starts_with("urn:folio:problem:"), "{p}");
    p
}

pub async fn expect_problem(req: reqwest::RequestBuilder, status: StatusCode, slug: &str) -> Value {
    let (got, headers, body) = send(req).await;
    assert_eq!(got, status, "{}", String::from_utf8_lossy(&body));
    let p = problem(got, &headers, &body);
    assert_eq!(p["type"], format!("urn:folio:problem:{slug}"), "{p}");
    p
}

pub async fn json_ok(req: reqwest::RequestBuilder) -> Value {
    let (status, _, body) = send(req).await;
    assert!(status.is_success(), "{status}: {}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).unwrap()
}

/// The keys a deployment has: a template author, an approver, a billing
/// system and an admin.
/// The public id of an API key token (`folio_<id>_<secret>`), as the audit
/// log and records name its holder.
pub fn key_id(token: &str) -> &str {
    token.split('_').nth(1).unwrap_or_default()
}

pub struct Keys {
    pub author: String,
    pub approver: String,
    pub billing: String,
    pub admin: String,
}

impl Keys {
    pub fn create(server: &Server) -> Keys {
        Keys {
            author: server.key("plugins:write"),
            approver: server.key("plugins:publish"),
            billing: server.key("render"),
            admin: server.key("admin"),
        }
    }
}

/// Uploads, publishes and points `stable` at the plugin built from `rel`.
pub async fn install(server: &Server, keys: &Keys, rel: &str) -> Value {
    let c = client();
    let (status, _, body) = send(c.post(server.url("/v1/plugins")).bearer_auth(&keys.author).body(bundle_bytes(rel))).await;
    assert_eq!(status, StatusCode::CREATED, "{}", String::from_utf8_lossy(&body));
    let version: Value = serde_json::from_slice(&body).unwrap();
    let (name, v) = (version["name"].as_str().unwrap(), version["version"].as_str().unwrap());
    json_ok(c.post(server.url(&format!("/v1/plugins/{name}/versions/{v}/publish"))).bearer_auth(&keys.approver)).await;
    json_ok(c.put(server.url(&format!("/v1/plugins/{name}/aliases/stable"))).bearer_auth(&keys.approver).json(&json!({"version": v})))
        .await;
    version
}

impl Server {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the server process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// The server's resident memory in bytes (its own process, not its workers).
    pub fn rss(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
            .map_or(0, |kib| kib * 1024)
    }
}

/// Creates an open link; returns its id and page URL.
pub async fn open_link(server: &Server, key: &str, body: Value) -> (String, String) {
    let created = json_ok(client().post(server.url("/v1/open-links")).bearer_auth(key).json(&body)).await;
    let url = created["html_url"].as_str().unwrap().to_string();
    assert!(url.starts_with(&format!("{}/o/", server.base)), "{url}");
    (created["id"].as_str().unwrap().to_string(), url)
}

/// Opens `url` as `agent` would.
pub async fn open_as(url: &str, agent: &str) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let (status, headers, body) = send(client().get(url).header("user-agent", agent)).await;
    (status, headers, String::from_utf8(body).unwrap())
}

/// A person opening an email on a phone.
pub const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
