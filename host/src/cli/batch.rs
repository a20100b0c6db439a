//! `folio batch`: billing runs from the command line, against a running
//! service: submit an NDJSON file (streamed, with a progress bar while it
//! runs), and a run's status, results, zip and cancellation.

use clap::{Args, Subcommand};
use futures_util::StreamExt;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;
use tokio::io::AsyncReadExt;

/// Where the service is and the key to use.
#[derive(Debug, Args)]
pub struct Remote {
    /// The service's URL.
    #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:8080", env = "FOLIO_SERVER")]
    server: String,
    /// An API key with the `render` scope.
    #[arg(long, value_name = "KEY", env = "FOLIO_API_KEY", hide_env_values = true)]
    key: String,
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Submit a run: one document request per line of FILE (NDJSON), each with its `key`.
    Submit {
        /// The NDJSON file.
        file: PathBuf,
        #[command(flatten)]
        remote: Remote,
        /// The plugin of every line that names none.
        #[arg(long)]
        plugin: Option<String>,
        /// The alias of every line that names neither alias nor version.
        #[arg(long)]
        alias: Option<String>,
        /// The exact version of every line that names neither.
        #[arg(long = "plugin-version", value_name = "VERSION")]
        version: Option<String>,
        /// The document kind of every line that names none.
        #[arg(long)]
        kind: Option<String>,
        /// The output format of every line that names none.
        #[arg(long)]
        format: Option<String>,
        /// Refuse the whole run at its first line that is not valid.
        #[arg(long)]
        strict: bool,
        /// Submitting again with this key and the same file returns the same run.
        #[arg(long, value_name = "KEY")]
        idempotency_key: Option<String>,
        /// Wait for the run to finish, showing its progress.
        #[arg(long)]
        wait: bool,
    },
    /// A run's progress, as JSON.
    Status {
        id: String,
        #[command(flatten)]
        remote: Remote,
    },
    /// A run's results, one NDJSON line per item, to standard output.
    Results {
        id: String,
        #[command(flatten)]
        remote: Remote,
    },
    /// A run's documents as one zip, with its manifest.
    Download {
        id: String,
        #[command(flatten)]
        remote: Remote,
        /// Where to write the zip (default: <id>.zip).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Cancel a run: items not started are dropped.
    Cancel {
        id: String,
        #[command(flatten)]
        remote: Remote,
    },
}

pub fn run(command: BatchCommand) -> Result<(), String> {
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| format!("cannot start the async runtime: {e}"))?;
    runtime.block_on(async move {
        let client = reqwest::Client::new();
        match command {
            BatchCommand::Submit { file, remote, plugin, alias, version, kind, format, strict, idempotency_key, wait } => {
                let mut query = Vec::new();
                for (name, value) in [("plugin", plugin), ("alias", alias), ("version", version), ("kind", kind), ("format", format)] {
                    if let Some(value) = value {
                        query.push((name, value));
                    }
                }
                if strict {
                    query.push(("strict", "true".to_string()));
                }
                let body = file_body(&file).await?;
                let mut request = client
                    .post(remote.url("/v1/batches"))
                    .bearer_auth(&remote.key)
                    .query(&query)
                    .header("content-type", "application/x-ndjson")
                    .body(body);
                if let Some(key) = idempotency_key {
                    request = request.header("idempotency-key", key);
                }
                let run = json(request, &remote).await?;
                let id = run["id"].as_str().unwrap_or_default().to_string();
                eprintln!("run {id}: {} lines queued; folio batch status {id}", run["total"]);
                if !wait {
                    println!("{id}");
                    return Ok(());
                }
                follow(&client, &remote, &id).await
            }
            BatchCommand::Status { id, remote } => {
                let status = json(client.get(remote.url(&format!("/v1/batches/{id}"))).bearer_auth(&remote.key), &remote).await?;
                println!("{}", serde_json::to_string_pretty(&status).unwrap_or_default());
                Ok(())
            }
            BatchCommand::Results { id, remote } => {
                let response = send(client.get(remote.url(&format!("/v1/batches/{id}/results"))).bearer_auth(&remote.key), &remote).await?;
                let mut stream = response.bytes_stream();
                let mut out = std::io::stdout().lock();
                while let Some(chunk) = stream.next().await {
                    let chunk = chunk.map_err(|e| format!("the results stopped part way: {e}"))?;
                    out.write_all(&chunk).map_err(|e| format!("cannot write to standard output: {e}"))?;
                }
                Ok(())
            }
            BatchCommand::Download { id, remote, output } => {
                let path = output.unwrap_or_else(|| PathBuf::from(format!("{id}.zip")));
                let response = send(client.get(remote.url(&format!("/v1/batches/{id}/archive"))).bearer_auth(&remote.key), &remote).await?;
                let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
                let mut file = tempfile::NamedTempFile::new_in(dir).map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
                let mut stream = response.bytes_stream();
                let mut size = 0usize;
                while let Some(chunk) = stream.next().await {
                    let chunk = chunk.map_err(|e| format!("the zip stopped part way ({size} bytes in); nothing was written: {e}"))?;
                    size += chunk.len();
                    file.write_all(&chunk).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                }
                file.as_file().sync_all().map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                // A download is the user's file, readable as any other (the temporary was private).
                std::fs::set_permissions(file.path(), std::os::unix::fs::PermissionsExt::from_mode(0o644))
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                file.persist(&path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                eprintln!("run {id}: {size} bytes -> {}", path.display());
                Ok(())
            }
            BatchCommand::Cancel { id, remote } => {
                let status = json(client.delete(remote.url(&format!("/v1/batches/{id}"))).bearer_auth(&remote.key), &remote).await?;
                eprintln!("run {id}: {}", status["state"].as_str().unwrap_or("?"));
                Ok(())
            }
        }
    })
}

impl Remote {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.trim_end_matches('/'))
    }
}

/// The file, streamed as the request body (never read whole).
async fn file_body(path: &PathBuf) -> Result<reqwest::Body, String> {
    let file = tokio::fs::File::open(path).await.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let chunks = futures_util::stream::unfold(file, |mut file| async move {
        let mut buffer = vec![0u8; 64 << 10];
        match file.read(&mut buffer).await {
            Ok(0) => None,
            Ok(n) => {
                buffer.truncate(n);
                Some((Ok::<Vec<u8>, std::io::Error>(buffer), file))
            }
            Err(e) => Some((Err(e), file)),
        }
    });
    Ok(reqwest::Body::wrap_stream(chunks))
}

/// Sends `request`; an error answer becomes its problem's detail.
async fn send(request: reqwest::RequestBuilder, remote: &Remote) -> Result<reqwest::Response, String> {
    let response = request.send().await.map_err(|e| format!("cannot reach {}: {e}", remote.server))?;
    if response.status().is_success() {
        return Ok(response);
    }
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    Err(format!("{} {}: {}", status.as_u16(), status.canonical_reason().unwrap_or(""), body["detail"].as_str().unwrap_or("(no detail)")))
}

async fn json(request: reqwest::RequestBuilder, remote: &Remote) -> Result<Value, String> {
    send(request, remote).await?.json().await.map_err(|e| format!("the service's answer is not JSON: {e}"))
}

/// Shows run `id`'s progress until it finishes: done, failed, rate, time left.
async fn follow(client: &reqwest::Client, remote: &Remote, id: &str) -> Result<(), String> {
    let bar = ProgressBar::new(0);
    bar.set_style(ProgressStyle::with_template("{spinner} [{bar:40}] {pos}/{len} {msg}").map_err(|e| e.to_string())?.progress_chars("=> "));
    loop {
        let status = json(client.get(remote.url(&format!("/v1/batches/{id}"))).bearer_auth(&remote.key), remote).await?;
        let counts = &status["counts"];
        let n = |k: &str| counts[k].as_u64().unwrap_or(0);
        bar.set_length(status["total"].as_u64().unwrap_or(0));
        bar.set_position(n("done") + n("failed") + n("cancelled"));
        let left = status["seconds_left"].as_f64().map_or(String::new(), |s| format!(", {s:.0} s left"));
        bar.set_message(format!("done {}, failed {}, {}/s{left}", n("done"), n("failed"), status["documents_per_second"]));
        if status["finished_at"].is_string() {
            bar.finish();
            let state = status["state"].as_str().unwrap_or("?");
            eprintln!(
                "run {id} {state}: {} done, {} failed, {} cancelled; folio batch results {id}",
                n("done"),
                n("failed"),
                n("cancelled")
            );
            if n("failed") > 0 {
                return Err(format!("{} of {} lines failed; `folio batch results {id}` says why", n("failed"), status["total"]));
            }
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
