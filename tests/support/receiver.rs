//! A webhook receiver for the tests: a real HTTP server on loopback that
//! records every request (path, headers, body) and answers as each path is
//! told to: `ok` paths 200, `/gone…` 410, `/hang…` never (until the test
//! ends), `/flaky…` 500 twice and then 200, `/slow…` 200 after 20 ms, and
//! any path while paused waits until resumed.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub at: Instant,
    /// What the receiver answered (0: it never did).
    pub answered: u16,
}

impl Received {
    pub fn header(&self, name: &str) -> &str {
        self.headers.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }

    pub fn id(&self) -> String {
        self.header("webhook-id").to_string()
    }

    pub fn event_type(&self) -> String {
        self.json()["type"].as_str().unwrap_or_default().to_string()
    }
}

#[derive(Default)]
struct Log {
    received: Vec<Received>,
    flaky: HashMap<String, u32>,
}

#[derive(Clone)]
struct Shared {
    log: Arc<Mutex<Log>>,
    paused: watch::Receiver<bool>,
}

/// A running receiver; it stops with the test's runtime.
pub struct Receiver {
    pub base: String,
    log: Arc<Mutex<Log>>,
    pause: watch::Sender<bool>,
}

impl Receiver {
    pub async fn start() -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (receiver, app) = Self::with_base(base);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        receiver
    }

    /// The receiver over HTTPS, at `https://localhost:<port>`, with a
    /// certificate for `localhost` from a CA made for it; returns the CA's
    /// certificate (PEM), which no system trusts.
    pub async fn start_tls() -> (Receiver, String) {
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca.distinguished_name.push(rcgen::DnType::CommonName, "Folio test CA");
        let ca_cert = ca.self_signed(&ca_key).unwrap();
        let issuer = rcgen::Issuer::new(ca, ca_key);
        let leaf_key = rcgen::KeyPair::generate().unwrap();
        let leaf = rcgen::CertificateParams::new(vec!["localhost".to_string()]).unwrap().signed_by(&leaf_key, &issuer).unwrap();
        let key = tokio_rustls::rustls::pki_types::PrivateKeyDer::try_from(leaf_key.serialize_der()).unwrap();
        let config =
            tokio_rustls::rustls::ServerConfig::builder_with_provider(Arc::new(tokio_rustls::rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_no_client_auth()
                .with_single_cert(vec![leaf.der().clone()], key)
                .unwrap();
        let tcp = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("https://localhost:{}", tcp.local_addr().unwrap().port());
        let listener = TlsListener { tcp, acceptor: tokio_rustls::TlsAcceptor::from(Arc::new(config)) };
        let (receiver, app) = Self::with_base(base);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (receiver, ca_cert.pem())
    }

    fn with_base(base: String) -> (Receiver, axum::Router) {
        let log = Arc::new(Mutex::new(Log::default()));
        let (pause, paused) = watch::channel(false);
        let app = axum::Router::new().fallback(receive).with_state(Shared { log: log.clone(), paused });
        (Receiver { base, log, pause }, app)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Requests still wait for an answer until [`Receiver::resume`].
    pub fn pause(&self) {
        let _ = self.pause.send(true);
    }

    pub fn resume(&self) {
        let _ = self.pause.send(false);
    }

    /// Everything received on `path`, in arrival order.
    pub fn on(&self, path: &str) -> Vec<Received> {
        self.log.lock().unwrap().received.iter().filter(|r| r.path == path).cloned().collect()
    }

    /// Waits until `done` holds for what `path` received, or panics after `within`.
    pub async fn wait_for(&self, path: &str, within: Duration, done: impl Fn(&[Received]) -> bool) -> Vec<Received> {
        let started = Instant::now();
        loop {
            let got = self.on(path);
            if done(&got) {
                return got;
            }
            assert!(started.elapsed() < within, "{path}: not done after {within:?}; received {} requests", got.len());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Verifies `requests` with the `standardwebhooks` package from PyPI
    /// (tests/webhooks/verify.py), each against `secret`: an independent
    /// implementation of the specification. Panics if any fails.
    pub fn verify_independently(requests: &[Received], secret: &str) {
        let cases: Vec<Value> = requests
            .iter()
            .map(|r| json!({"secret": secret, "headers": r.headers.iter().cloned().collect::<HashMap<_, _>>(), "body": r.body}))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("requests.json");
        std::fs::write(&file, serde_json::to_vec(&cases).unwrap()).unwrap();
        let python = super::repo().join("tests/api/.venv/bin/python");
        assert!(python.exists(), "{} is missing: run `make setup`, which installs standardwebhooks from PyPI there", python.display());
        let out = std::process::Command::new(python).arg(super::repo().join("tests/webhooks/verify.py")).arg(&file).output().unwrap();
        assert!(
            out.status.success(),
            "standardwebhooks refused Folio's signatures: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// TLS over a TCP listener, for axum: connections whose handshake fails
/// (a client that does not trust the CA) are dropped.
struct TlsListener {
    tcp: tokio::net::TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<tokio::net::TcpStream>;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((stream, addr)) = self.tcp.accept().await else { continue };
            if let Ok(tls) = self.acceptor.accept(stream).await {
                return (tls, addr);
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

async fn receive(State(shared): State<Shared>, uri: Uri, headers: HeaderMap, body: Bytes) -> StatusCode {
    let path = uri.path().to_string();
    let at = Instant::now();
    let headers: Vec<(String, String)> =
        headers.iter().map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or_default().to_string())).collect();
    let mut paused = shared.paused.clone();
    let index = {
        let mut log = shared.log.lock().unwrap();
        log.received.push(Received { path: path.clone(), headers, body: String::from_utf8_lossy(&body).into_owned(), at, answered: 0 });
        log.received.len() - 1
    };
    while *paused.borrow() {
        if paused.changed().await.is_err() {
            break;
        }
    }
    let status = if path.starts_with("/gone") {
        StatusCode::GONE
    } else if path.starts_with("/hang") {
        std::future::pending::<()>().await;
        StatusCode::OK
    } else if path.starts_with("/flaky") {
        let mut log = shared.log.lock().unwrap();
        let seen = log.flaky.entry(path.clone()).or_insert(0);
        *seen += 1;
        if *seen <= 2 { StatusCode::INTERNAL_SERVER_ERROR } else { StatusCode::OK }
    } else if path.starts_with("/slow") {
        tokio::time::sleep(Duration::from_millis(20)).await;
        StatusCode::OK
    } else {
        StatusCode::OK
    };
    shared.log.lock().unwrap().received[index].answered = status.as_u16();
    status
}
