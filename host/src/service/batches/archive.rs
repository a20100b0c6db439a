//! `GET /v1/batches/{id}/archive`: every document of a run in one zip,
//! written while it is sent.
//!
//! The zip is written on a blocking thread with the `zip` crate's
//! streaming writer (sizes and checksums follow each entry, so nothing is
//! seeked back to) and handed to the response through a bounded channel:
//! no temporary file, and memory for a few chunks and the manifest. The
//! last entry, `manifest.json`, maps each key to its file and SHA-256.

use super::super::state::AppState;
use crate::render::safe_file_stem;
use axum::body::Bytes;
use serde_json::json;
use std::collections::HashSet;
use std::io::Write;
use tokio::sync::mpsc;
use zip::write::SimpleFileOptions;

/// Items read per query while the zip is written.
const PAGE: i64 = 200;
/// Chunks of the zip in flight between the writer and the response.
const IN_FLIGHT: usize = 8;
/// Bytes gathered before a chunk is sent.
const CHUNK: usize = 256 << 10;

/// The zip of run `id`'s documents, as a stream of chunks.
pub fn stream(state: AppState, id: String) -> mpsc::Receiver<Result<Bytes, std::io::Error>> {
    let (tx, rx) = mpsc::channel(IN_FLIGHT);
    let runtime = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let failed = tx.clone();
        if let Err(e) = write(&state, &runtime, &id, Sink { tx, buffer: Vec::with_capacity(CHUNK) }) {
            tracing::warn!(batch = %id, error = %e, "the run's zip stopped part way");
            let _ = failed.blocking_send(Err(e));
        }
    });
    rx
}

/// Writes the zip to `sink`.
fn write(state: &AppState, runtime: &tokio::runtime::Handle, id: &str, sink: Sink) -> std::io::Result<()> {
    let mut zip = zip::ZipWriter::new_stream(sink);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    let mut names = HashSet::new();
    let mut manifest = Vec::new();
    let mut after = 0;
    loop {
        let items = runtime.block_on(state.store().batch_items(id, after, PAGE)).map_err(std::io::Error::other)?;
        let Some(last) = items.last() else { break };
        after = last.seq;
        for item in items.iter().filter(|i| i.document_id.is_some()) {
            let document_id = item.document_id.as_deref().unwrap_or_default();
            let record = runtime
                .block_on(state.store().document(document_id))
                .map_err(std::io::Error::other)?
                .ok_or_else(|| std::io::Error::other(format!("document `{document_id}` of the run is gone")))?;
            let bytes = state.blobs().get(&record.sha256)?;
            let key = item.item_key.clone().unwrap_or_default();
            let extension = record.file_name.rsplit_once('.').map_or("bin", |(_, e)| e);
            let stem = safe_file_stem(&key).unwrap_or_else(|| format!("line-{}", item.line));
            // Keys that clean up to the same name are told apart by their line.
            let mut name = format!("{stem}.{extension}");
            if !names.insert(name.clone()) {
                name = format!("{stem}-line-{}.{extension}", item.line);
                names.insert(name.clone());
            }
            zip.start_file(name.as_str(), options).map_err(std::io::Error::other)?;
            zip.write_all(&bytes)?;
            manifest.push(json!({"key": key, "line": item.line, "file": name, "sha256": record.sha256, "document_id": record.id}));
        }
    }
    zip.start_file("manifest.json", options).map_err(std::io::Error::other)?;
    let text = serde_json::to_vec_pretty(&json!({"batch_id": id, "files": manifest})).map_err(std::io::Error::other)?;
    zip.write_all(&text)?;
    let mut sink = zip.finish().map_err(std::io::Error::other)?.into_inner();
    sink.flush()
}

/// Sends what the zip writer writes, a chunk at a time, waiting while the
/// client is slower than the writer.
struct Sink {
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
    buffer: Vec<u8>,
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        if self.buffer.len() >= CHUNK {
            self.flush()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(&mut self.buffer, Vec::with_capacity(CHUNK)));
        self.tx.blocking_send(Ok(chunk)).map_err(|_| std::io::Error::other("the client went away"))
    }
}
