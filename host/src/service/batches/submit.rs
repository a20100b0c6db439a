//! Receiving a billing run: `POST /v1/batches` with one document request
//! per NDJSON line, streamed into the queue.
//!
//! The body is read a chunk at a time and written in groups of lines, so a
//! run of a million lines takes no more memory than a few thousand. Each
//! line is the shape `POST /v1/documents` takes, plus `key` (unique within
//! the run), over the run's defaults: the query string's `plugin`,
//! `alias` or `version`, `kind` and `format`, then a first line of the
//! form `{"defaults": {...}}` if there is one, then the line itself. The
//! plugin version is resolved here, once per plugin and selector, so
//! moving an alias during the run does not change it. A line that is not
//! valid becomes a failed item naming its line and JSON path, and the run
//! goes on; with `strict=true` the first such line refuses the whole run.

use super::super::pipeline::resolve_version;
use super::super::problem::{ApiResult, Problem};
use super::super::routes::documents::{RenderRequest, check_kind_and_format};
use super::super::state::AppState;
use crate::store::{BatchRecord, NewItem, PluginVersion};
use axum::body::Body;
use futures_util::StreamExt;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The longest line accepted: one document request.
pub const MAX_LINE_BYTES: usize = super::super::routes::MAX_JSON_BYTES;
/// Lines written to the queue at a time.
const GROUP: usize = 500;

/// The plugin versions a run's lines named, resolved once each: by
/// (plugin, version, alias), the version or why it could not be had.
type Versions = HashMap<(String, Option<String>, Option<String>), Result<PluginVersion, String>>;

/// What a run was given: its defaults and whether one bad line refuses it.
pub struct Submission {
    pub defaults: Map<String, Value>,
    pub strict: bool,
}

/// How reading a run ended.
pub enum Received {
    /// Every line was queued (or recorded as failed): the line count.
    Queued { total: i64, sha256: String },
    /// A line was not valid and the run is strict: the problem.
    Refused(Problem),
}

/// Reads `body` line by line into batch `batch`'s items.
pub async fn receive(state: &AppState, batch: &BatchRecord, submission: &mut Submission, body: Body) -> ApiResult<Received> {
    let mut reader = Lines { stream: body.into_data_stream(), buffer: Vec::new(), done: false, line: 0, sha: Sha256::new() };
    let mut versions = Versions::new();
    let mut group = Vec::with_capacity(GROUP);
    let mut seq = 0i64;
    while let Some((line, text)) = reader.next().await? {
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if line == 1
            && seq == 0
            && let Some(defaults) = header_line(&text)?
        {
            submission.defaults.extend(defaults);
            continue;
        }
        let item = item(state, &submission.defaults, &mut versions, line, &text).await;
        if submission.strict
            && let Err(problem) = &item.request
        {
            return Ok(Received::Refused(Problem::invalid(&format!("line {line}"), format!("line {line}: {problem}"))));
        }
        group.push(item);
        if group.len() == GROUP {
            state.store().add_batch_items(&batch.id, seq + 1, &group).await?;
            seq += group.len() as i64;
            group.clear();
        }
    }
    if !group.is_empty() {
        state.store().add_batch_items(&batch.id, seq + 1, &group).await?;
        seq += group.len() as i64;
    }
    Ok(Received::Queued { total: seq, sha256: hex::encode(reader.sha.finalize()) })
}

/// A first line of the form `{"defaults": {...}}`, if this is one.
fn header_line(text: &[u8]) -> ApiResult<Option<Map<String, Value>>> {
    let Ok(Value::Object(mut object)) = serde_json::from_slice::<Value>(text) else { return Ok(None) };
    if object.len() != 1 {
        return Ok(None);
    }
    match object.remove("defaults") {
        Some(Value::Object(defaults)) => Ok(Some(defaults)),
        Some(_) => Err(Problem::invalid("line 1.defaults", "line 1: `defaults` must be an object of the fields every line starts from")),
        None => Ok(None),
    }
}

/// The item of line `line`: its request over the defaults, checked and with
/// its plugin version resolved, or why it is not valid.
async fn item(state: &AppState, defaults: &Map<String, Value>, versions: &mut Versions, line: i64, text: &[u8]) -> NewItem {
    let mut fields = defaults.clone();
    let object = match serde_json::from_slice::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return NewItem { line, key: None, request: Err("the line must be a JSON object (a document request with `key`)".into()) },
        Err(e) => return NewItem { line, key: None, request: Err(format!("the line is not JSON: {e}")) },
    };
    // A line naming `version` or `alias` replaces the defaults' selector.
    if object.contains_key("version") || object.contains_key("alias") {
        fields.remove("version");
        fields.remove("alias");
    }
    fields.extend(object);
    let key = match fields.remove("key") {
        Some(Value::String(key)) if (1..=255).contains(&key.len()) && !key.chars().any(char::is_control) => key,
        Some(Value::String(_)) => return failed(line, None, "key: must be 1-255 characters, no control characters"),
        Some(_) => return failed(line, None, "key: must be text (the document's key within the run, such as its invoice number)"),
        None => return failed(line, None, "key: is required (the document's key within the run, such as its invoice number)"),
    };
    match checked(state, versions, fields).await {
        Ok(request) => NewItem { line, key: Some(key), request: Ok(request) },
        Err(problem) => failed(line, Some(key), &problem),
    }
}

fn failed(line: i64, key: Option<String>, problem: &str) -> NewItem {
    NewItem { line, key, request: Err(problem.to_string()) }
}

/// `fields` as a render request, checked, with its version resolved: the JSON text stored for the worker.
async fn checked(state: &AppState, versions: &mut Versions, mut fields: Map<String, Value>) -> Result<String, String> {
    if fields.get("store") == Some(&Value::Bool(false)) {
        return Err("store: a run's documents are always archived (its results and archive come from the archive); drop `store`".into());
    }
    if fields.get("preview") == Some(&Value::Bool(true)) {
        return Err("preview: runs render published versions only; drop `preview`".into());
    }
    fields.insert("store".into(), Value::Bool(true));
    let value = Value::Object(fields);
    let request: RenderRequest = serde_path_to_error::deserialize(&value).map_err(|e| format!("{}: {}", e.path(), e.inner()))?;
    let selector = (request.plugin.clone(), request.version.clone(), request.alias.clone());
    if !versions.contains_key(&selector) {
        let resolved = resolve_version(state, &request.plugin, request.version.as_deref(), request.alias.as_deref(), false)
            .await
            .map_err(|p| format!("{}: {}", p.path.as_deref().unwrap_or("plugin"), p.detail));
        versions.insert(selector.clone(), resolved);
    }
    let version = versions.get(&selector).cloned().unwrap_or_else(|| Err("the plugin version could not be resolved".into()))?;
    check_kind_and_format(&version, &request.kind, request.format)
        .map_err(|p| format!("{}: {}", p.path.as_deref().unwrap_or("kind"), p.detail))?;
    if request.customer.is_some() == request.customer_id.is_some() {
        return Err("customer: give exactly one of `customer` (inline) and `customer_id` (a stored profile)".into());
    }
    let Value::Object(mut fields) = value else { return Err("the request is not an object".into()) };
    // Pinned: the version resolved now is the one every attempt renders.
    fields.remove("alias");
    fields.insert("version".into(), Value::String(version.version.clone()));
    Ok(Value::Object(fields).to_string())
}

/// The body's lines, numbered from 1, each at most [`MAX_LINE_BYTES`].
struct Lines<S> {
    stream: S,
    buffer: Vec<u8>,
    done: bool,
    line: i64,
    sha: Sha256,
}

impl<S> Lines<S>
where
    S: futures_util::Stream<Item = Result<axum::body::Bytes, axum::Error>> + Unpin,
{
    async fn next(&mut self) -> ApiResult<Option<(i64, Vec<u8>)>> {
        loop {
            if let Some(end) = memchr::memchr(b'\n', &self.buffer) {
                let mut text: Vec<u8> = self.buffer.drain(..=end).collect();
                text.pop();
                if text.last() == Some(&b'\r') {
                    text.pop();
                }
                self.line += 1;
                return Ok(Some((self.line, text)));
            }
            if self.buffer.len() > MAX_LINE_BYTES {
                return Err(Problem::new(
                    axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                    "line-too-large",
                    format!("line {} is longer than {MAX_LINE_BYTES} bytes; one line is one document request", self.line + 1),
                ));
            }
            if self.done {
                if self.buffer.is_empty() {
                    return Ok(None);
                }
                self.line += 1;
                return Ok(Some((self.line, std::mem::take(&mut self.buffer))));
            }
            match self.stream.next().await {
                Some(Ok(chunk)) => {
                    self.sha.update(&chunk);
                    self.buffer.extend_from_slice(&chunk);
                }
                Some(Err(e)) => return Err(Problem::malformed(format!("the body could not be read to its end: {e}"))),
                None => self.done = true,
            }
        }
    }
}
