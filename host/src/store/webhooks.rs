//! Webhook endpoints, their deliveries and every attempt.
//!
//! A delivery is one event for one endpoint: `pending` (due at
//! `next_attempt_at`), `succeeded` or `failed` (retries exhausted, or the
//! endpoint answered 410). A dispatcher claims due deliveries by setting a
//! lease (owner and expiry) in one statement; on PostgreSQL the rows are
//! picked `FOR UPDATE SKIP LOCKED`, so replicas never claim the same
//! delivery, and a delivery whose claimant died is claimed again once its
//! lease runs out. Endpoint secrets are stored as the ciphertext
//! `webhook::SecretBox` makes; this module never sees them in the clear.

use super::audit::{Audit, AuditAction};
use super::events::Event;
use super::{Backend, Store, StoreError, StoreResult, new_id, placeholders};
use crate::event::{EndpointDisabled, EventType, Payload};
use serde::Serialize;

/// An endpoint as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EndpointRecord {
    pub id: String,
    pub url: String,
    pub description: String,
    /// The signing secret, encrypted.
    pub secret: String,
    /// The secret before the last rotation, encrypted; still signs until `previous_until`.
    pub previous_secret: Option<String>,
    pub previous_until: Option<String>,
    pub disabled_at: Option<String>,
    pub disabled_reason: Option<String>,
    /// When the current run of failed attempts began.
    pub failing_since: Option<String>,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
}

impl EndpointRecord {
    /// A new endpoint, enabled, made by `created_by` now, signing with the
    /// sealed `secret`.
    pub fn new(id: String, url: String, description: String, secret: String, created_by: String) -> Self {
        let now = super::timestamp(chrono::Utc::now());
        EndpointRecord {
            id,
            url,
            description,
            secret,
            previous_secret: None,
            previous_until: None,
            disabled_at: None,
            disabled_reason: None,
            failing_since: None,
            created_at: now.clone(),
            created_by,
            updated_at: now,
        }
    }
}

/// What a change to an endpoint sets; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct EndpointChange {
    pub url: Option<String>,
    pub description: Option<String>,
    pub events: Option<Vec<EventType>>,
    pub enabled: Option<bool>,
}

/// A delivery a dispatcher holds the lease of.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub event: Event,
    pub endpoint_id: String,
    /// Attempts made before this one.
    pub attempts: i64,
}

/// How an attempt ended, and so what becomes of its delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptResult {
    /// 2xx: done.
    Delivered,
    /// Failed; try again at this instant.
    Retry { next_at: String },
    /// Failed, and that was the last attempt of the schedule.
    GaveUp,
    /// 410 Gone: the endpoint is disabled at once.
    Gone,
}

/// One attempt, to record.
#[derive(Debug, Clone)]
pub struct AttemptOutcome {
    pub event_id: String,
    pub endpoint_id: String,
    /// 1 for the first attempt.
    pub attempt: i64,
    pub at: String,
    pub status: Option<i64>,
    pub error: Option<String>,
    pub latency_ms: i64,
    pub result: AttemptResult,
}

/// One attempt, as `GET /v1/webhooks/{id}/deliveries` lists it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct AttemptRecord {
    /// The event sent (its `webhook-id`).
    pub event_id: String,
    /// The event's type.
    #[sqlx(try_from = "String")]
    pub event_type: EventType,
    /// 1 for the first attempt of this event to this endpoint.
    pub attempt: i64,
    /// When it was made (RFC 3339, UTC).
    pub at: String,
    /// The HTTP status the endpoint answered, if it answered.
    pub status: Option<i64>,
    /// Why it failed without a status (timeout, refused address, connection error).
    pub error: Option<String>,
    /// From sending the request to the end of the response's head, in milliseconds.
    pub latency_ms: i64,
    /// When the next attempt is due, if there is one.
    pub next_attempt_at: Option<String>,
}

/// What `POST /v1/webhooks/{id}/replay` queued.
#[derive(Debug, Clone, Copy, Serialize, utoipa::ToSchema)]
pub struct Replayed {
    /// Failed deliveries queued again.
    pub requeued: u64,
    /// Events of the window the endpoint never got (it was disabled, or not yet subscribed) now queued for it.
    pub created: u64,
}

/// When endpoints are disabled for failing, and the links `endpoint.disabled` carries.
pub struct DisablePolicy<'a> {
    /// The service's public URL, for the payload's links.
    pub base_url: &'a str,
    /// Endpoints failing since before this instant are disabled.
    pub failing_cutoff: &'a str,
}

const SELECT_ENDPOINT: &str = "SELECT * FROM webhook_endpoints";

impl Store {
    /// Stores a new endpoint subscribed to `events`, with its audit entry.
    pub async fn create_endpoint(&self, endpoint: &EndpointRecord, events: &[EventType]) -> StoreResult<()> {
        let doing = "creating a webhook endpoint";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        sqlx::query(
            "INSERT INTO webhook_endpoints (id, url, description, secret, created_at, created_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&endpoint.id)
        .bind(&endpoint.url)
        .bind(&endpoint.description)
        .bind(&endpoint.secret)
        .bind(&endpoint.created_at)
        .bind(&endpoint.created_by)
        .bind(&endpoint.updated_at)
        .execute(&mut *tx)
        .await
        .map_err(err)?;
        subscribe(&mut tx, &endpoint.id, events).await?;
        Audit {
            at: &endpoint.created_at,
            actor: &endpoint.created_by,
            action: AuditAction::WebhookCreate,
            subject: endpoint.id.clone(),
            detail: serde_json::json!({ "url": endpoint.url, "events": events }),
        }
        .write(&mut tx)
        .await?;
        tx.commit().await.map_err(err)
    }

    /// Every endpoint with its subscriptions, oldest first.
    pub async fn endpoints(&self) -> StoreResult<Vec<(EndpointRecord, Vec<EventType>)>> {
        let rows: Vec<EndpointRecord> = sqlx::query_as(&format!("{SELECT_ENDPOINT} ORDER BY created_at, id"))
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing webhook endpoints", e))?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let events = self.subscriptions(&row.id).await?;
            out.push((row, events));
        }
        Ok(out)
    }

    /// One endpoint with its subscriptions.
    pub async fn endpoint(&self, id: &str) -> StoreResult<Option<(EndpointRecord, Vec<EventType>)>> {
        let row: Option<EndpointRecord> = sqlx::query_as(&format!("{SELECT_ENDPOINT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading a webhook endpoint", e))?;
        match row {
            Some(row) => {
                let events = self.subscriptions(&row.id).await?;
                Ok(Some((row, events)))
            }
            None => Ok(None),
        }
    }

    /// One endpoint's record, without its subscriptions (what a delivery needs).
    pub async fn endpoint_record(&self, id: &str) -> StoreResult<Option<EndpointRecord>> {
        sqlx::query_as(&format!("{SELECT_ENDPOINT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading a webhook endpoint", e))
    }

    async fn subscriptions(&self, id: &str) -> StoreResult<Vec<EventType>> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT event_type FROM webhook_subscriptions WHERE endpoint_id = $1 ORDER BY event_type")
                .bind(id)
                .fetch_all(self.pool())
                .await
                .map_err(|e| StoreError::sql("reading a webhook endpoint's events", e))?;
        rows.into_iter().map(|(t,)| t.parse().map_err(|e: crate::event::UnknownEventType| StoreError::Corrupt(e.to_string()))).collect()
    }

    /// Applies `change` to endpoint `id`, with its audit entry. Enabling
    /// clears the record of failures. Returns `false` if there is no such endpoint.
    pub async fn update_endpoint(&self, id: &str, change: &EndpointChange, by: &str, at: &str) -> StoreResult<bool> {
        let doing = "changing a webhook endpoint";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let found = sqlx::query(
            "UPDATE webhook_endpoints SET url = COALESCE($1, url), description = COALESCE($2, description), updated_at = $3 WHERE id = $4",
        )
        .bind(&change.url)
        .bind(&change.description)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(err)?
        .rows_affected();
        if found != 1 {
            return Ok(false);
        }
        match change.enabled {
            Some(true) => {
                sqlx::query("UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = NULL, failing_since = NULL WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(err)?;
            }
            Some(false) => {
                sqlx::query(
                    "UPDATE webhook_endpoints SET disabled_at = $1, disabled_reason = 'manual' WHERE id = $2 AND disabled_at IS NULL",
                )
                .bind(at)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(err)?;
            }
            None => {}
        }
        if let Some(events) = &change.events {
            sqlx::query("DELETE FROM webhook_subscriptions WHERE endpoint_id = $1").bind(id).execute(&mut *tx).await.map_err(err)?;
            subscribe(&mut tx, id, events).await?;
        }
        Audit {
            at,
            actor: by,
            action: AuditAction::WebhookUpdate,
            subject: id.to_string(),
            detail: serde_json::json!({
                "url": change.url, "description": change.description, "events": change.events, "enabled": change.enabled,
            }),
        }
        .write(&mut tx)
        .await?;
        tx.commit().await.map_err(err)?;
        if change.enabled == Some(true) {
            self.wake_outbox();
        }
        Ok(true)
    }

    /// Deletes endpoint `id` with its subscriptions, deliveries and
    /// attempts. Returns `false` if there is no such endpoint.
    pub async fn delete_endpoint(&self, id: &str, by: &str, at: &str) -> StoreResult<bool> {
        let doing = "deleting a webhook endpoint";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let found = sqlx::query("DELETE FROM webhook_endpoints WHERE id = $1").bind(id).execute(&mut *tx).await.map_err(err)?;
        if found.rows_affected() != 1 {
            return Ok(false);
        }
        for table in ["webhook_subscriptions", "webhook_deliveries", "webhook_attempts"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE endpoint_id = $1")).bind(id).execute(&mut *tx).await.map_err(err)?;
        }
        Audit { at, actor: by, action: AuditAction::WebhookDelete, subject: id.to_string(), detail: serde_json::json!({}) }
            .write(&mut tx)
            .await?;
        tx.commit().await.map_err(err)?;
        Ok(true)
    }

    /// Makes `secret` endpoint `id`'s signing secret; the one it replaces
    /// keeps signing until `previous_until`. Returns `false` if there is no such endpoint.
    pub async fn rotate_endpoint_secret(&self, id: &str, secret: &str, previous_until: &str, by: &str, at: &str) -> StoreResult<bool> {
        let doing = "rotating a webhook endpoint's secret";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let found = sqlx::query(
            "UPDATE webhook_endpoints SET previous_secret = secret, previous_until = $1, secret = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(previous_until)
        .bind(secret)
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(err)?;
        if found.rows_affected() != 1 {
            return Ok(false);
        }
        Audit {
            at,
            actor: by,
            action: AuditAction::WebhookRotate,
            subject: id.to_string(),
            detail: serde_json::json!({ "previous_valid_until": previous_until }),
        }
        .write(&mut tx)
        .await?;
        tx.commit().await.map_err(err)?;
        Ok(true)
    }

    /// A transaction for the dispatcher's bookkeeping (leases, attempts).
    /// On PostgreSQL it commits without waiting for the disk
    /// (`synchronous_commit` off for it alone): if the database server
    /// crashes, the last few may be lost, and all that means is a
    /// delivery sent once more with the same `webhook-id` (an endpoint
    /// disabled there is lost with its `endpoint.disabled` event, and
    /// disabled again at its next failure). The changes that raise
    /// document and plugin events are never written this way.
    async fn begin_bookkeeping(&self, doing: &'static str) -> StoreResult<super::Tx> {
        let mut tx = self.begin(doing).await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SET LOCAL synchronous_commit TO OFF").execute(&mut *tx).await.map_err(|e| StoreError::sql(doing, e))?;
        }
        Ok(tx)
    }

    /// Drops every lease: on SQLite one process dispatches, so at its start
    /// no lease is held by anyone alive.
    pub async fn release_delivery_leases(&self) -> StoreResult<u64> {
        let done = sqlx::query("UPDATE webhook_deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL")
            .execute(self.pool())
            .await
            .map_err(|e| StoreError::sql("releasing delivery leases", e))?;
        Ok(done.rows_affected())
    }

    /// Enabled endpoints with deliveries due at `now`, at most `limit`.
    pub async fn endpoints_due(&self, now: &str, limit: i64) -> StoreResult<Vec<String>> {
        // One probe of the (endpoint, state, next attempt) index per
        // endpoint: the cost does not grow with the backlog.
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT w.id FROM webhook_endpoints w WHERE w.disabled_at IS NULL AND EXISTS \
             (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = w.id AND d.state = 'pending' AND d.next_attempt_at <= $1 \
             AND (d.lease_until IS NULL OR d.lease_until < $1)) ORDER BY w.id LIMIT $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::sql("finding due deliveries", e))?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// Claims up to `limit` deliveries to `endpoint` due at `now` for
    /// `owner` until `lease_until`, oldest due first.
    pub async fn claim_deliveries(
        &self,
        endpoint: &str,
        owner: &str,
        now: &str,
        lease_until: &str,
        limit: i64,
    ) -> StoreResult<Vec<Claimed>> {
        let doing = "claiming deliveries";
        let err = |e| StoreError::sql(doing, e);
        let lock = match self.backend {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let mut tx = self.begin_bookkeeping(doing).await?;
        let claimed: Vec<(String, i64)> = sqlx::query_as(&format!(
            "UPDATE webhook_deliveries SET lease_owner = $1, lease_until = $2 WHERE endpoint_id = $3 AND event_id IN \
             (SELECT event_id FROM webhook_deliveries WHERE endpoint_id = $3 AND state = 'pending' AND next_attempt_at <= $4 \
             AND (lease_until IS NULL OR lease_until < $4) ORDER BY next_attempt_at LIMIT $5{lock}) \
             RETURNING event_id, attempts"
        ))
        .bind(owner)
        .bind(lease_until)
        .bind(endpoint)
        .bind(now)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await
        .map_err(err)?;
        tx.commit().await.map_err(err)?;
        if claimed.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!("SELECT * FROM events WHERE id IN ({})", placeholders(claimed.len(), 1));
        let mut query = sqlx::query_as::<_, Event>(&sql);
        for (id, _) in &claimed {
            query = query.bind(id);
        }
        let events = query.fetch_all(self.pool()).await.map_err(err)?;
        let mut out = Vec::with_capacity(claimed.len());
        for event in events {
            let attempts = claimed.iter().find(|(id, _)| *id == event.id).map_or(0, |(_, n)| *n);
            out.push(Claimed { event, endpoint_id: endpoint.to_string(), attempts });
        }
        Ok(out)
    }

    /// Records attempts and what becomes of their deliveries, in one
    /// transaction, and disables endpoints that answered 410 or have failed
    /// since before the policy's cutoff (each with an `endpoint.disabled`
    /// event). Deliveries whose lease `owner` no longer holds keep their
    /// state (whoever holds it now decides); the attempt is recorded.
    /// Returns the endpoints disabled.
    pub async fn complete_deliveries(
        &self,
        owner: &str,
        outcomes: &[AttemptOutcome],
        policy: &DisablePolicy<'_>,
    ) -> StoreResult<Vec<String>> {
        let doing = "recording delivery attempts";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin_bookkeeping(doing).await?;
        let mut disable: Vec<(String, &'static str, String)> = Vec::new();
        let mut succeeded: Vec<&str> = Vec::new();
        for o in outcomes {
            let next_at = match &o.result {
                AttemptResult::Retry { next_at } => Some(next_at.clone()),
                _ => None,
            };
            sqlx::query(
                "INSERT INTO webhook_attempts (id, event_id, endpoint_id, attempt, at, status, error, latency_ms, next_attempt_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(new_id("att"))
            .bind(&o.event_id)
            .bind(&o.endpoint_id)
            .bind(o.attempt)
            .bind(&o.at)
            .bind(o.status)
            .bind(&o.error)
            .bind(o.latency_ms)
            .bind(&next_at)
            .execute(&mut *tx)
            .await
            .map_err(err)?;
            let (state, next) = match &o.result {
                AttemptResult::Delivered => ("succeeded", o.at.clone()),
                AttemptResult::Retry { next_at } => ("pending", next_at.clone()),
                AttemptResult::GaveUp | AttemptResult::Gone => ("failed", o.at.clone()),
            };
            sqlx::query(
                "UPDATE webhook_deliveries SET state = $1, attempts = $2, next_attempt_at = $3, lease_owner = NULL, lease_until = NULL \
                 WHERE event_id = $4 AND endpoint_id = $5 AND lease_owner = $6 AND state = 'pending'",
            )
            .bind(state)
            .bind(o.attempt)
            .bind(&next)
            .bind(&o.event_id)
            .bind(&o.endpoint_id)
            .bind(owner)
            .execute(&mut *tx)
            .await
            .map_err(err)?;
            if o.result == AttemptResult::Delivered {
                // Once per endpoint and batch is enough.
                if !succeeded.contains(&o.endpoint_id.as_str()) {
                    succeeded.push(&o.endpoint_id);
                    sqlx::query("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL")
                        .bind(&o.endpoint_id)
                        .execute(&mut *tx)
                        .await
                        .map_err(err)?;
                }
                continue;
            }
            sqlx::query("UPDATE webhook_endpoints SET failing_since = $1 WHERE id = $2 AND failing_since IS NULL")
                .bind(&o.at)
                .bind(&o.endpoint_id)
                .execute(&mut *tx)
                .await
                .map_err(err)?;
            if o.result == AttemptResult::Gone {
                disable.push((o.endpoint_id.clone(), "gone", o.at.clone()));
                continue;
            }
            let failing: Option<(Option<String>,)> = sqlx::query_as("SELECT failing_since FROM webhook_endpoints WHERE id = $1")
                .bind(&o.endpoint_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(err)?;
            if let Some((Some(since),)) = failing
                && since.as_str() < policy.failing_cutoff
            {
                disable.push((o.endpoint_id.clone(), "failing", o.at.clone()));
            }
        }
        let mut disabled = Vec::new();
        for (id, reason, at) in disable {
            let row: Option<EndpointRecord> = sqlx::query_as(&format!("{SELECT_ENDPOINT} WHERE id = $1 AND disabled_at IS NULL"))
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(err)?;
            let Some(row) = row else { continue };
            sqlx::query("UPDATE webhook_endpoints SET disabled_at = $1, disabled_reason = $2 WHERE id = $3")
                .bind(&at)
                .bind(reason)
                .bind(&id)
                .execute(&mut *tx)
                .await
                .map_err(err)?;
            let payload = EndpointDisabled {
                endpoint_id: id.clone(),
                endpoint_url: row.url,
                reason: reason.to_string(),
                failing_since: row.failing_since.or(Some(at.clone())).filter(|_| reason == "failing"),
                disabled_at: at,
                url: format!("{}/v1/webhooks/{id}", policy.base_url),
            };
            payload.event().write(&mut tx, self.backend, None).await?;
            disabled.push(id);
        }
        tx.commit().await.map_err(err)?;
        if !disabled.is_empty() {
            self.wake_outbox();
        }
        Ok(disabled)
    }

    /// Endpoint `id`'s attempts, newest first, at most `limit`.
    pub async fn endpoint_attempts(&self, id: &str, limit: i64) -> StoreResult<Vec<AttemptRecord>> {
        sqlx::query_as(
            "SELECT a.event_id AS event_id, e.event_type AS event_type, a.attempt AS attempt, a.at AS at, a.status AS status, \
             a.error AS error, a.latency_ms AS latency_ms, a.next_attempt_at AS next_attempt_at \
             FROM webhook_attempts a JOIN events e ON e.id = a.event_id WHERE a.endpoint_id = $1 ORDER BY a.at DESC, a.id DESC LIMIT $2",
        )
        .bind(id)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::sql("listing delivery attempts", e))
    }

    /// Deliveries to endpoint `id` waiting for an attempt.
    pub async fn pending_deliveries(&self, id: &str) -> StoreResult<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = $1 AND state = 'pending'")
            .bind(id)
            .fetch_one(self.pool())
            .await
            .map_err(|e| StoreError::sql("counting pending deliveries", e))?;
        Ok(n)
    }

    /// Queues again, from the first attempt, endpoint `id`'s failed
    /// deliveries of events in `[since, until)`, and queues the window's
    /// events of the types it subscribes to that it never got.
    pub async fn replay(&self, id: &str, since: &str, until: &str, now: &str) -> StoreResult<Replayed> {
        let doing = "replaying deliveries";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let requeued = sqlx::query(
            "UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = $1, lease_owner = NULL, lease_until = NULL \
             WHERE endpoint_id = $2 AND state = 'failed' AND event_id IN (SELECT id FROM events WHERE at >= $3 AND at < $4)",
        )
        .bind(now)
        .bind(id)
        .bind(since)
        .bind(until)
        .execute(&mut *tx)
        .await
        .map_err(err)?
        .rows_affected();
        let created = sqlx::query(
            "INSERT INTO webhook_deliveries (event_id, endpoint_id, state, attempts, next_attempt_at, created_at) \
             SELECT e.id, $1, 'pending', 0, $2, $2 FROM events e JOIN webhook_subscriptions s ON s.event_type = e.event_type AND s.endpoint_id = $1 \
             WHERE e.at >= $3 AND e.at < $4 AND NOT EXISTS \
             (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.endpoint_id = $1)",
        )
        .bind(id)
        .bind(now)
        .bind(since)
        .bind(until)
        .execute(&mut *tx)
        .await
        .map_err(err)?
        .rows_affected();
        tx.commit().await.map_err(err)?;
        self.wake_outbox();
        Ok(Replayed { requeued, created })
    }

    /// Deliveries waiting, to every endpoint.
    pub async fn pending_delivery_count(&self) -> StoreResult<i64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'pending'")
            .fetch_one(self.pool())
            .await
            .map_err(|e| StoreError::sql("counting pending deliveries", e))?;
        Ok(n)
    }

    /// Refreshes PostgreSQL's planner statistics of the outbox tables. A
    /// burst of events (a billing run) can grow the deliveries table a
    /// hundredfold within autovacuum's minute; planned from the old
    /// statistics, the claim queries scan instead of probing their indexes
    /// (measured: 1,609 instead of 5,309 deliveries a second). SQLite plans
    /// by its indexes without statistics: nothing to do there.
    pub async fn refresh_outbox_statistics(&self) -> StoreResult<()> {
        if self.backend == Backend::Postgres {
            sqlx::query("ANALYZE webhook_deliveries, events")
                .execute(self.pool())
                .await
                .map_err(|e| StoreError::sql("refreshing the outbox's statistics", e))?;
        }
        Ok(())
    }

    /// When the oldest delivery still waiting was queued, if any waits
    /// (for the age-of-oldest-pending metric).
    pub async fn oldest_pending_delivery(&self) -> StoreResult<Option<String>> {
        let (at,): (Option<String>,) = sqlx::query_as(
            "SELECT MIN(d.created_at) FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id \
             WHERE d.state = 'pending' AND w.disabled_at IS NULL",
        )
        .fetch_one(self.pool())
        .await
        .map_err(|e| StoreError::sql("finding the oldest pending delivery", e))?;
        Ok(at)
    }
}

async fn subscribe(conn: &mut sqlx::AnyConnection, id: &str, events: &[EventType]) -> StoreResult<()> {
    for event in events {
        sqlx::query("INSERT INTO webhook_subscriptions (endpoint_id, event_type) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(event.as_str())
            .execute(&mut *conn)
            .await
            .map_err(|e| StoreError::sql("subscribing a webhook endpoint", e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{DocumentCreated, Ping};
    use crate::store::{DocumentRecord, timestamp};
    use chrono::Utc;

    async fn count(store: &Store, table: &str) -> i64 {
        let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(store.pool()).await.unwrap();
        n
    }

    fn endpoint(id: &str) -> EndpointRecord {
        EndpointRecord::new(id.into(), "https://hooks.example.com/".into(), String::new(), "sealed".into(), "k1".into())
    }

    fn document(id: &str) -> (DocumentRecord, NewEventOwned) {
        let d = DocumentRecord::fixture(id);
        let event = DocumentCreated {
            document_id: d.id.clone(),
            plugin: d.plugin.clone(),
            version: d.version.clone(),
            kind: d.kind.clone(),
            customer_id: d.customer_id.clone(),
            format: d.format.clone(),
            sha256: d.sha256.clone(),
            size: d.size,
            created_at: d.created_at.clone(),
            url: String::new(),
            content_url: String::new(),
        }
        .event();
        (d, event)
    }

    type NewEventOwned = crate::event::NewEvent;

    /// The outbox: an event is written with its change, or neither is.
    /// Its deliveries go to enabled endpoints subscribed to its type.
    #[tokio::test]
    async fn an_event_is_written_with_its_change_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(dir.path()).await.unwrap();
        store.create_endpoint(&endpoint("whk_on"), &[EventType::DocumentCreated]).await.unwrap();
        store.create_endpoint(&endpoint("whk_other"), &[EventType::AliasMoved]).await.unwrap();
        store.create_endpoint(&endpoint("whk_off"), &[EventType::DocumentCreated]).await.unwrap();
        let off = EndpointChange { enabled: Some(false), ..Default::default() };
        assert!(store.update_endpoint("whk_off", &off, "k1", &timestamp(Utc::now())).await.unwrap());

        sqlx::query("ALTER TABLE events RENAME TO events_refused").execute(store.pool()).await.unwrap();
        let (d, event) = document("doc_1");
        let err = store.record_render(None, Some((&d, &event))).await.err().unwrap();
        assert!(err.to_string().contains("writing an event"), "{err}");
        assert!(store.document("doc_1").await.unwrap().is_none(), "no change without its event");
        assert!(store.set_alias("invoice", "stable", "1.0.0", "k1", &timestamp(Utc::now()), "http://f").await.is_err());
        assert_eq!(store.alias("invoice", "stable").await.unwrap(), None);
        sqlx::query("ALTER TABLE events_refused RENAME TO events").execute(store.pool()).await.unwrap();
        assert_eq!(count(&store, "events").await, 0, "no event without its change");

        store.record_render(None, Some((&d, &event))).await.unwrap();
        assert!(store.document("doc_1").await.unwrap().is_some());
        let events = store.events_after(0, &Default::default(), 10).await.unwrap();
        assert_eq!(events.len(), 1);
        let deliveries: Vec<(String,)> =
            sqlx::query_as("SELECT endpoint_id FROM webhook_deliveries").fetch_all(store.pool()).await.unwrap();
        assert_eq!(deliveries, [("whk_on".to_string(),)], "subscribed and enabled endpoints only");
        // Positions are gapless and in commit order.
        store
            .record_event(&Ping { endpoint_id: "whk_on".into(), sent_by: "k1".into(), sent_at: String::new() }.event(), Some("whk_on"))
            .await
            .unwrap();
        let events = store.events_after(0, &Default::default(), 10).await.unwrap();
        assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(store.events_after(1, &Default::default(), 10).await.unwrap()[0].event_type, EventType::Ping);
        assert!(store.events_after(0, &[EventType::AliasMoved].into(), 10).await.unwrap().is_empty());
    }

    /// A lease keeps a delivery from every other dispatcher until it runs
    /// out; an outcome recorded by a dispatcher that lost its lease
    /// changes nothing but the attempt log.
    #[tokio::test]
    async fn leases_give_each_delivery_to_one_dispatcher() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(dir.path()).await.unwrap();
        store.create_endpoint(&endpoint("whk_1"), &[EventType::DocumentCreated]).await.unwrap();
        let (d, event) = document("doc_1");
        store.record_render(None, Some((&d, &event))).await.unwrap();
        let now = Utc::now();
        let at = |s: i64| timestamp(now + chrono::Duration::seconds(s));
        assert_eq!(store.endpoints_due(&at(0), 10).await.unwrap(), ["whk_1"]);
        let a = store.claim_deliveries("whk_1", "dsp_a", &at(0), &at(60), 10).await.unwrap();
        assert_eq!(a.len(), 1);
        assert!(store.claim_deliveries("whk_1", "dsp_b", &at(1), &at(61), 10).await.unwrap().is_empty(), "leased");
        assert!(store.endpoints_due(&at(1), 10).await.unwrap().is_empty());
        // A's lease runs out (it died): B claims it.
        let b = store.claim_deliveries("whk_1", "dsp_b", &at(61), &at(121), 10).await.unwrap();
        assert_eq!(b.len(), 1);
        let outcome = |result| AttemptOutcome {
            event_id: a[0].event.id.clone(),
            endpoint_id: "whk_1".into(),
            attempt: 1,
            at: at(62),
            status: Some(200),
            error: None,
            latency_ms: 5,
            result,
        };
        let policy = DisablePolicy { base_url: "http://f", failing_cutoff: &at(-5 * 86_400) };
        // A comes back and reports: its lease is gone, so the delivery stays B's.
        store.complete_deliveries("dsp_a", &[outcome(AttemptResult::Delivered)], &policy).await.unwrap();
        assert_eq!(store.pending_deliveries("whk_1").await.unwrap(), 1);
        store.complete_deliveries("dsp_b", &[outcome(AttemptResult::Delivered)], &policy).await.unwrap();
        assert_eq!(store.pending_deliveries("whk_1").await.unwrap(), 0);
        assert_eq!(store.endpoint_attempts("whk_1", 10).await.unwrap().len(), 2, "both attempts are on record");
    }

    /// An endpoint failing since before the cutoff is disabled, with an
    /// `endpoint.disabled` event delivered to the others.
    #[tokio::test]
    async fn an_endpoint_failing_for_days_is_disabled() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(dir.path()).await.unwrap();
        store.create_endpoint(&endpoint("whk_bad"), &[EventType::DocumentCreated]).await.unwrap();
        store.create_endpoint(&endpoint("whk_ops"), &[EventType::EndpointDisabled]).await.unwrap();
        let (d, event) = document("doc_1");
        store.record_render(None, Some((&d, &event))).await.unwrap();
        let now = Utc::now();
        let at = |s: i64| timestamp(now + chrono::Duration::seconds(s));
        let claimed = store.claim_deliveries("whk_bad", "dsp", &at(0), &at(60), 10).await.unwrap();
        let failed = AttemptOutcome {
            event_id: claimed[0].event.id.clone(),
            endpoint_id: "whk_bad".into(),
            attempt: 1,
            at: at(0),
            status: Some(500),
            error: None,
            latency_ms: 5,
            result: AttemptResult::Retry { next_at: at(5) },
        };
        // Failing since now: not yet past a cutoff five days ago.
        let recent = DisablePolicy { base_url: "http://f", failing_cutoff: &at(-5 * 86_400) };
        assert!(store.complete_deliveries("dsp", std::slice::from_ref(&failed), &recent).await.unwrap().is_empty());
        let claimed = store.claim_deliveries("whk_bad", "dsp", &at(10), &at(70), 10).await.unwrap();
        assert_eq!(claimed.len(), 1);
        // Five days on, still failing.
        let later = DisablePolicy { base_url: "http://f", failing_cutoff: &at(1) };
        let disabled = store.complete_deliveries("dsp", &[AttemptOutcome { attempt: 2, at: at(10), ..failed }], &later).await.unwrap();
        assert_eq!(disabled, ["whk_bad"]);
        let (record, _) = store.endpoint("whk_bad").await.unwrap().unwrap();
        assert_eq!(record.disabled_reason.as_deref(), Some("failing"));
        let events = store.events_after(0, &[EventType::EndpointDisabled].into(), 10).await.unwrap();
        assert_eq!(events.len(), 1);
        assert!(events[0].data.contains("whk_bad"));
        assert_eq!(store.pending_deliveries("whk_ops").await.unwrap(), 1, "the other endpoint is told");
    }
}
