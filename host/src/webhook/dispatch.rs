//! The dispatcher: every `folio serve` replica runs one. It claims due
//! deliveries (with a lease, so replicas never send the same one twice
//! unless one died mid-attempt), sends each as a signed Standard Webhooks
//! request, and records every attempt in batches.
//!
//! Fairness: at most `per_endpoint` requests to one endpoint are in flight
//! (per replica) and at most `concurrency` in all, and deliveries are
//! claimed per endpoint, so a slow or hanging receiver holds its own slots
//! and never delays another's deliveries.

use super::address::{AddressPolicy, GuardedResolver, check_url, system_lookup};
use super::schedule::{RetrySchedule, parse_retry_after};
use super::secret::SecretBox;
use crate::store::{AttemptOutcome, AttemptResult, Claimed, DisablePolicy, EndpointRecord, Store, new_id, random_bytes, timestamp};
use chrono::Utc;
use prometheus::{Histogram, IntCounterVec, IntGauge};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;

/// How deliveries are made.
#[derive(Debug, Clone)]
pub struct WebhookConfig {
    /// Where requests may go.
    pub policy: AddressPolicy,
    /// The longest one attempt may take, connection to response head.
    pub timeout: Duration,
    /// When failed deliveries are tried again.
    pub schedule: RetrySchedule,
    /// Requests in flight at most, in all.
    pub concurrency: usize,
    /// Requests in flight to one endpoint at most.
    pub per_endpoint: usize,
    /// An endpoint failing for this long is disabled.
    pub disable_after: chrono::Duration,
    /// How often other replicas' events are looked for.
    pub poll: Duration,
    /// Events older than this (and done with) are deleted; `None` keeps all.
    pub retention: Option<chrono::Duration>,
    /// The service's public URL, for the links events carry.
    pub base_url: String,
    /// More certificate authorities to trust (PEM), besides the system's:
    /// for on-premises receivers with a private CA.
    pub ca_file: Option<std::path::PathBuf>,
}

impl Default for WebhookConfig {
    fn default() -> Self {
        WebhookConfig {
            policy: AddressPolicy { allow_private: false },
            timeout: Duration::from_secs(15),
            schedule: RetrySchedule::default(),
            concurrency: 256,
            per_endpoint: 16,
            disable_after: chrono::Duration::days(5),
            poll: Duration::from_millis(500),
            retention: Some(chrono::Duration::days(30)),
            base_url: String::new(),
            ca_file: None,
        }
    }
}

/// The dispatcher's metrics, registered by the service.
#[derive(Clone)]
pub struct DispatchMetrics {
    /// Attempts by outcome: `delivered`, `retrying`, `failed` (gave up), `gone` (410).
    pub attempts: IntCounterVec,
    /// Time from sending a request to the end of its response's head.
    pub attempt_seconds: Histogram,
    /// Age of the oldest delivery still waiting, in seconds.
    pub oldest_pending_seconds: IntGauge,
    /// Requests in flight.
    pub in_flight: IntGauge,
}

/// Largest part of a receiver's response body read (the rest is dropped).
const MAX_RESPONSE_BYTES: usize = 64 * 1024;
/// Outcomes recorded in one transaction at most.
const RECORD_BATCH: usize = 512;
/// How long past the attempt timeout a lease lasts.
const LEASE_MARGIN: Duration = Duration::from_secs(60);

struct Shared {
    store: Store,
    secrets: SecretBox,
    config: WebhookConfig,
    client: reqwest::Client,
    owner: String,
    metrics: DispatchMetrics,
    in_flight: Mutex<HashMap<String, usize>>,
    total: AtomicUsize,
    freed: Notify,
    stopping: AtomicBool,
    stop: Notify,
}

/// A running dispatcher. [`Dispatcher::close`] stops it.
pub struct Dispatcher {
    shared: Arc<Shared>,
    tasks: Mutex<Vec<JoinHandle<()>>>,
}

impl Dispatcher {
    /// Starts dispatching on the current tokio runtime.
    pub async fn start(store: Store, secrets: SecretBox, config: WebhookConfig, metrics: DispatchMetrics) -> Result<Self, String> {
        let resolver = GuardedResolver::new(config.policy, system_lookup());
        let mut builder = reqwest::Client::builder();
        if let Some(path) = &config.ca_file {
            let shown = path.display();
            let pem = std::fs::read(path).map_err(|e| format!("cannot read the webhook CA file {shown}: {e}"))?;
            let roots = reqwest::Certificate::from_pem_bundle(&pem)
                .map_err(|e| format!("the webhook CA file {shown} is not a PEM bundle of certificates: {e}"))?;
            if roots.is_empty() {
                return Err(format!("the webhook CA file {shown} holds no certificate; give PEM `BEGIN CERTIFICATE` blocks"));
            }
            for root in roots {
                builder = builder.add_root_certificate(root);
            }
        }
        let client = builder
            .dns_resolver(Arc::new(resolver))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(config.timeout)
            .connect_timeout(config.timeout.min(Duration::from_secs(10)))
            .pool_max_idle_per_host(config.per_endpoint)
            .user_agent(concat!("Folio-Webhooks/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot set up the webhook HTTP client: {e}"))?;
        if store.backend() == crate::store::Backend::Sqlite {
            // One process dispatches from a SQLite database: any lease is a dead one's.
            store.release_delivery_leases().await.map_err(|e| e.to_string())?;
        }
        let (results, outcomes) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            store,
            secrets,
            config,
            client,
            owner: new_id("dsp"),
            metrics,
            in_flight: Mutex::new(HashMap::new()),
            total: AtomicUsize::new(0),
            freed: Notify::new(),
            stopping: AtomicBool::new(false),
            stop: Notify::new(),
        });
        let recorder = tokio::spawn(record(shared.clone(), outcomes));
        let claimer = tokio::spawn(run(shared.clone(), results));
        Ok(Dispatcher { shared, tasks: Mutex::new(vec![claimer, recorder]) })
    }

    /// Stops claiming, lets attempts in flight finish (up to the attempt
    /// timeout) and records them.
    pub async fn close(&self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        self.shared.stop.notify_one();
        let tasks = std::mem::take(&mut *self.tasks.lock().unwrap_or_else(PoisonError::into_inner));
        for task in tasks {
            let _ = task.await;
        }
    }
}

/// Claims and sends until stopped; then waits for attempts in flight.
async fn run(shared: Arc<Shared>, results: mpsc::UnboundedSender<AttemptOutcome>) {
    let mut housekeeping: Option<Instant> = None;
    // The backlog when the planner's statistics were last refreshed.
    let mut analyzed_at: i64 = 0;
    let mut pruned: Option<Instant> = None;
    while !shared.stopping.load(Ordering::SeqCst) {
        let claimed = match claim_round(&shared, &results).await {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(error = %e, "could not claim webhook deliveries; trying again shortly");
                0
            }
        };
        if housekeeping.is_none_or(|at| at.elapsed() >= Duration::from_secs(5)) {
            housekeeping = Some(Instant::now());
            observe_backlog(&shared).await;
            refresh_statistics(&shared, &mut analyzed_at).await;
            if let Some(retention) = shared.config.retention
                && pruned.is_none_or(|at| at.elapsed() >= Duration::from_secs(3600))
            {
                pruned = Some(Instant::now());
                let before = timestamp(Utc::now() - retention);
                match shared.store.prune_events(&before).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(events = n, before = %before, "pruned old events"),
                    Err(e) => tracing::warn!(error = %e, "could not prune old events"),
                }
            }
        }
        let free = shared.config.concurrency.saturating_sub(shared.total.load(Ordering::SeqCst));
        if claimed > 0 && free > 0 {
            continue;
        }
        tokio::select! {
            _ = shared.store.outbox().notified() => {}
            // A freed slot may be one a busy endpoint with due deliveries waits for.
            _ = shared.freed.notified() => {}
            _ = tokio::time::sleep(shared.config.poll) => {}
            _ = shared.stop.notified() => {}
        }
    }
    // Attempts in flight end within the timeout; their outcomes go to the recorder.
    let deadline = Instant::now() + shared.config.timeout + Duration::from_secs(1);
    while shared.total.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        let _ = tokio::time::timeout(Duration::from_millis(100), shared.freed.notified()).await;
    }
    drop(results);
}

/// One pass over the endpoints with due deliveries. Returns how many were claimed.
async fn claim_round(shared: &Arc<Shared>, results: &mpsc::UnboundedSender<AttemptOutcome>) -> Result<usize, crate::store::StoreError> {
    let mut free = shared.config.concurrency.saturating_sub(shared.total.load(Ordering::SeqCst));
    if free == 0 {
        return Ok(0);
    }
    let now = Utc::now();
    let now_text = timestamp(now);
    let lease = chrono::Duration::from_std(shared.config.timeout + LEASE_MARGIN).unwrap_or_else(|_| chrono::Duration::minutes(5));
    let lease_until = timestamp(now + lease);
    let mut claimed_total = 0;
    for endpoint_id in shared.store.endpoints_due(&now_text, 1000).await? {
        let busy = shared.in_flight.lock().unwrap_or_else(PoisonError::into_inner).get(&endpoint_id).copied().unwrap_or(0);
        let room = shared.config.per_endpoint.saturating_sub(busy).min(free);
        if room == 0 {
            continue;
        }
        let Some(endpoint) = shared.store.endpoint_record(&endpoint_id).await? else { continue };
        let claimed = shared.store.claim_deliveries(&endpoint_id, &shared.owner, &now_text, &lease_until, room as i64).await?;
        free -= claimed.len().min(free);
        claimed_total += claimed.len();
        let endpoint = Arc::new(endpoint);
        for delivery in claimed {
            *shared.in_flight.lock().unwrap_or_else(PoisonError::into_inner).entry(endpoint_id.clone()).or_insert(0) += 1;
            shared.total.fetch_add(1, Ordering::SeqCst);
            shared.metrics.in_flight.inc();
            tokio::spawn(attempt(shared.clone(), delivery, endpoint.clone(), results.clone()));
        }
        if free == 0 {
            break;
        }
    }
    Ok(claimed_total)
}

/// Sends one delivery and hands its outcome to the recorder.
async fn attempt(shared: Arc<Shared>, delivery: Claimed, endpoint: Arc<EndpointRecord>, results: mpsc::UnboundedSender<AttemptOutcome>) {
    let number = delivery.attempts + 1;
    let at = Utc::now();
    let started = Instant::now();
    let sent = send(&shared, &delivery, &endpoint).await;
    let latency = started.elapsed();
    shared.metrics.attempt_seconds.observe(latency.as_secs_f64());
    let (status, error, retry_after) = match &sent {
        Ok((status, retry_after)) => (Some(i64::from(*status)), None, *retry_after),
        Err(e) => (None, Some(e.clone()), None),
    };
    let jitter = u64::from_le_bytes(random_bytes::<8>()) as f64 / u64::MAX as f64;
    let result = match status {
        Some(200..=299) => AttemptResult::Delivered,
        Some(410) => AttemptResult::Gone,
        _ => match shared.config.schedule.next(number, Utc::now(), retry_after, jitter) {
            Some(next) => AttemptResult::Retry { next_at: timestamp(next) },
            None => AttemptResult::GaveUp,
        },
    };
    let outcome_name = match &result {
        AttemptResult::Delivered => "delivered",
        AttemptResult::Retry { .. } => "retrying",
        AttemptResult::GaveUp => "failed",
        AttemptResult::Gone => "gone",
    };
    shared.metrics.attempts.with_label_values(&[outcome_name]).inc();
    tracing::info!(
        endpoint = %endpoint.id, event = %delivery.event.id, event_type = %delivery.event.event_type, attempt = number,
        status = ?status, error = error.as_deref().unwrap_or(""), latency_ms = latency.as_millis() as u64, outcome = outcome_name,
        "webhook attempt"
    );
    let _ = results.send(AttemptOutcome {
        event_id: delivery.event.id.clone(),
        endpoint_id: endpoint.id.clone(),
        attempt: number,
        at: timestamp(at),
        status,
        error,
        latency_ms: i64::try_from(latency.as_millis()).unwrap_or(i64::MAX),
        result,
    });
    {
        let mut in_flight = shared.in_flight.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = in_flight.get_mut(&endpoint.id) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                in_flight.remove(&endpoint.id);
            }
        }
    }
    shared.total.fetch_sub(1, Ordering::SeqCst);
    shared.metrics.in_flight.dec();
    shared.freed.notify_one();
}

/// The request: the event's envelope, signed with the endpoint's secret
/// (and its previous one while that still signs). Answers the status and
/// any `Retry-After`, or why there was no answer.
async fn send(shared: &Shared, delivery: &Claimed, endpoint: &EndpointRecord) -> Result<(u16, Option<Duration>), String> {
    let url = check_url(&endpoint.url, shared.config.policy).map_err(|e| format!("refused: {e}"))?;
    let body = delivery.event.body();
    let now = Utc::now();
    let mut secrets = vec![shared.secrets.open(&endpoint.id, &endpoint.secret).map_err(|e| e.to_string())?];
    if let (Some(previous), Some(until)) = (&endpoint.previous_secret, &endpoint.previous_until)
        && timestamp(now) < *until
    {
        secrets.push(shared.secrets.open(&endpoint.id, previous).map_err(|e| e.to_string())?);
    }
    let signature = sign(&secrets, &delivery.event.id, now.timestamp(), body.as_bytes())?;
    let request = shared
        .client
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(standardwebhooks::HEADER_WEBHOOK_ID, &delivery.event.id)
        .header(standardwebhooks::HEADER_WEBHOOK_TIMESTAMP, now.timestamp().to_string())
        .header(standardwebhooks::HEADER_WEBHOOK_SIGNATURE, signature)
        .body(body);
    let mut response = request.send().await.map_err(describe)?;
    let status = response.status().as_u16();
    let retry_after =
        response.headers().get(reqwest::header::RETRY_AFTER).and_then(|v| v.to_str().ok()).and_then(|v| parse_retry_after(v, Utc::now()));
    // Read a little of the body, so the connection can be reused when it is short; drop the rest.
    let mut read = 0;
    while read < MAX_RESPONSE_BYTES {
        match response.chunk().await {
            Ok(Some(chunk)) => read += chunk.len(),
            _ => break,
        }
    }
    Ok((status, retry_after))
}

/// The `webhook-signature` value: one `v1,<base64>` per secret, space-separated.
pub fn sign(secrets: &[Vec<u8>], id: &str, timestamp: i64, body: &[u8]) -> Result<String, String> {
    let mut signatures = Vec::with_capacity(secrets.len());
    for secret in secrets {
        let signer = standardwebhooks::Webhook::from_bytes(secret.clone()).map_err(|e| e.to_string())?;
        signatures.push(signer.sign(id, timestamp, body).map_err(|e| e.to_string())?);
    }
    Ok(signatures.join(" "))
}

fn describe(e: reqwest::Error) -> String {
    use std::error::Error;
    let mut text = if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        "cannot connect".to_string()
    } else {
        "request failed".to_string()
    };
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text.chars().take(500).collect()
}

/// Writes outcomes in batches; on a database error, tries the batch
/// again (an outcome never written means its lease runs out and the
/// delivery is sent again: at least once, never lost).
async fn record(shared: Arc<Shared>, mut outcomes: mpsc::UnboundedReceiver<AttemptOutcome>) {
    let cutoff = || timestamp(Utc::now() - shared.config.disable_after);
    while let Some(first) = outcomes.recv().await {
        let mut batch = vec![first];
        while batch.len() < RECORD_BATCH {
            match outcomes.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        for round in 0..5 {
            let failing_cutoff = cutoff();
            let policy = DisablePolicy { base_url: &shared.config.base_url, failing_cutoff: &failing_cutoff };
            match shared.store.complete_deliveries(&shared.owner, &batch, &policy).await {
                Ok(disabled) => {
                    for id in disabled {
                        tracing::warn!(endpoint = %id, "webhook endpoint disabled");
                    }
                    break;
                }
                Err(e) => {
                    tracing::warn!(error = %e, attempts = batch.len(), round, "could not record webhook attempts; retrying");
                    tokio::time::sleep(Duration::from_millis(200 << round)).await;
                }
            }
        }
    }
}

/// Refreshes the planner's statistics when the backlog has grown fourfold
/// (and past a thousand) since they were last refreshed.
async fn refresh_statistics(shared: &Shared, analyzed_at: &mut i64) {
    let pending = match shared.store.pending_delivery_count().await {
        Ok(n) => n,
        Err(e) => {
            tracing::warn!(error = %e, "could not count the webhook backlog");
            return;
        }
    };
    if pending >= 1_000 && pending >= analyzed_at.saturating_mul(4) {
        match shared.store.refresh_outbox_statistics().await {
            Ok(()) => {
                tracing::info!(pending, "refreshed the outbox's planner statistics");
                *analyzed_at = pending;
            }
            Err(e) => tracing::warn!(error = %e, "could not refresh the outbox's statistics"),
        }
    } else if pending < *analyzed_at / 4 {
        // Drained: the next burst refreshes again.
        *analyzed_at = pending;
    }
}

async fn observe_backlog(shared: &Shared) {
    match shared.store.oldest_pending_delivery().await {
        Ok(Some(oldest)) => {
            let age =
                chrono::DateTime::parse_from_rfc3339(&oldest).map(|at| (Utc::now() - at.with_timezone(&Utc)).num_seconds()).unwrap_or(0);
            shared.metrics.oldest_pending_seconds.set(age.max(0));
        }
        Ok(None) => shared.metrics.oldest_pending_seconds.set(0),
        Err(e) => tracing::warn!(error = %e, "could not measure the webhook backlog"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The signature header verifies with either secret during a rotation,
    /// through the specification's own implementation.
    #[test]
    fn both_secrets_sign_during_a_rotation() {
        let (old, new) = (vec![1u8; 32], vec![2u8; 32]);
        let body = br#"{"id":"evt_1","type":"ping","version":1,"timestamp":"t","data":{}}"#;
        let now = Utc::now().timestamp();
        let header = sign(&[new.clone(), old.clone()], "evt_1", now, body).unwrap();
        assert_eq!(header.split(' ').count(), 2);
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("webhook-id", "evt_1".parse().unwrap());
        headers.insert("webhook-timestamp", now.to_string().parse().unwrap());
        headers.insert("webhook-signature", header.parse().unwrap());
        for secret in [old, new] {
            standardwebhooks::Webhook::from_bytes(secret).unwrap().verify(body, &headers).unwrap();
        }
        assert!(standardwebhooks::Webhook::from_bytes(vec![3u8; 32]).unwrap().verify(body, &headers).is_err());
    }
}
