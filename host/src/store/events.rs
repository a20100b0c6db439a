//! The outbox: events written in the transaction of the change they
//! report, with one delivery row per subscribed webhook endpoint, and the
//! event log `GET /v1/events` reads.
//!
//! Event-writing transactions are serialized (SQLite's one writer; on
//! PostgreSQL a table lock held to commit), so `seq` is gapless and in
//! commit order: a consumer that polls with the last id it saw never skips
//! an event that committed late.

use super::{Backend, ROWS_PER_STATEMENT, Store, StoreError, StoreResult, new_id, placeholders, timestamp, value_rows};
use crate::event::{EventType, NewEvent};
use chrono::Utc;
use serde::Serialize;
use sqlx::AnyConnection;
use std::collections::BTreeSet;

/// An event as listed by `GET /v1/events`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct Event {
    /// The event's id (`evt_…`): the `webhook-id` of every delivery attempt.
    pub id: String,
    /// Its position in the log: increases by one per event, in commit order.
    #[serde(skip)]
    pub seq: i64,
    /// The type.
    #[serde(rename = "type")]
    #[sqlx(try_from = "String")]
    pub event_type: EventType,
    /// When it happened (RFC 3339, UTC).
    #[serde(rename = "timestamp")]
    pub at: String,
    /// The customer it concerns, if any.
    #[serde(skip)]
    pub customer_id: Option<String>,
    /// What it is about, if anything (a document or link id, `plugin@version`).
    #[serde(skip)]
    pub subject: Option<String>,
    /// The payload: the type's schema in the OpenAPI document's `webhooks`.
    #[schema(value_type = Object)]
    #[serde(serialize_with = "super::raw_json")]
    pub data: String,
}

impl Event {
    /// The envelope delivered to receivers.
    pub fn body(&self) -> String {
        crate::event::envelope(&self.id, self.event_type, &self.at, &self.data)
    }
}

impl NewEvent {
    /// Writes the event on `conn`, the transaction making the change, and
    /// queues a delivery to every enabled endpoint subscribed to its type
    /// (or only to `only`, for a ping). Returns the event's id. Call it
    /// last in the transaction: on PostgreSQL it takes the lock that
    /// orders events, held until commit.
    pub(super) async fn write(&self, conn: &mut AnyConnection, backend: Backend, only: Option<&str>) -> StoreResult<String> {
        let ids = Self::write_all(conn, backend, &[self], only).await?;
        ids.into_iter().next().ok_or_else(|| StoreError::Corrupt("an event was written but no id came back for it".into()))
    }

    /// Writes `events` in their order, as [`NewEvent::write`] writes one,
    /// with one statement per table: a group of events costs the lock, a
    /// read of the last position and two inserts, however many it holds.
    /// Returns their ids, in the same order.
    pub(super) async fn write_all(
        conn: &mut AnyConnection,
        backend: Backend,
        events: &[&NewEvent],
        only: Option<&str>,
    ) -> StoreResult<Vec<String>> {
        const COLUMNS: usize = 7;
        let doing = "writing an event";
        let err = |e| StoreError::sql(doing, e);
        if events.is_empty() {
            return Ok(Vec::new());
        }
        if backend == Backend::Postgres {
            // Serializes event writers (SHARE ROW EXCLUSIVE conflicts with
            // itself) without blocking readers of the log.
            sqlx::query("LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE").execute(&mut *conn).await.map_err(err)?;
        }
        let (last,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(seq), 0) FROM events").fetch_one(&mut *conn).await.map_err(err)?;
        let at = timestamp(Utc::now());
        let ids: Vec<String> = events.iter().map(|_| new_id("evt")).collect();
        let mut seq = last;
        for (rows, ids) in events.chunks(ROWS_PER_STATEMENT).zip(ids.chunks(ROWS_PER_STATEMENT)) {
            let sql = format!(
                "INSERT INTO events (id, seq, event_type, at, customer_id, subject, data) VALUES {}",
                value_rows(rows.len(), COLUMNS, 1)
            );
            let mut query = sqlx::query(&sql);
            for (event, id) in rows.iter().zip(ids) {
                seq += 1;
                query = query
                    .bind(id)
                    .bind(seq)
                    .bind(event.event_type.as_str())
                    .bind(&at)
                    .bind(&event.customer_id)
                    .bind(&event.subject)
                    .bind(event.data.to_string());
            }
            query.execute(&mut *conn).await.map_err(err)?;
        }
        // The deliveries of every event just written: those after `last`,
        // which no other writer can add to before this transaction ends.
        let deliveries = match only {
            Some(endpoint) => sqlx::query(
                "INSERT INTO webhook_deliveries (event_id, endpoint_id, state, attempts, next_attempt_at, created_at) \
                 SELECT e.id, $1, 'pending', 0, e.at, e.at FROM events e WHERE e.seq > $2 AND e.seq <= $3 ORDER BY e.seq",
            )
            .bind(endpoint)
            .bind(last)
            .bind(seq),
            None => sqlx::query(
                "INSERT INTO webhook_deliveries (event_id, endpoint_id, state, attempts, next_attempt_at, created_at) \
                 SELECT e.id, s.endpoint_id, 'pending', 0, e.at, e.at FROM events e \
                 JOIN webhook_subscriptions s ON s.event_type = e.event_type \
                 JOIN webhook_endpoints w ON w.id = s.endpoint_id \
                 WHERE e.seq > $1 AND e.seq <= $2 AND w.disabled_at IS NULL ORDER BY e.seq",
            )
            .bind(last)
            .bind(seq),
        };
        deliveries.execute(&mut *conn).await.map_err(err)?;
        Ok(ids)
    }
}

/// One event of a customer's timeline, with what became of its deliveries.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct TimelineEvent {
    /// The event's id.
    pub id: String,
    /// The type.
    #[serde(rename = "type")]
    #[sqlx(try_from = "String")]
    pub event_type: EventType,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// What it is about (a document or link id).
    #[serde(skip)]
    pub subject: Option<String>,
    /// Webhook endpoints that acknowledged it (2xx).
    pub delivered: i64,
    /// Webhook endpoints still to be sent it (or being retried).
    pub pending: i64,
    /// Webhook endpoints that never acknowledged it (retries exhausted, endpoint disabled).
    pub failed: i64,
}

impl Store {
    /// Wakes this process's webhook dispatcher: an event was committed.
    pub(super) fn wake_outbox(&self) {
        self.outbox.notify_one();
    }

    /// Signalled whenever this process commits an event; the dispatcher
    /// waits on it (and polls, for events other replicas commit).
    pub fn outbox(&self) -> &tokio::sync::Notify {
        &self.outbox
    }

    /// Writes events that report no other change (a ping), in a
    /// transaction of their own; `only` sends it to one endpoint.
    pub async fn record_event(&self, event: &NewEvent, only: Option<&str>) -> StoreResult<String> {
        let doing = "recording an event";
        let mut tx = self.begin(doing).await?;
        let id = event.write(&mut tx, self.backend, only).await?;
        tx.commit().await.map_err(|e| StoreError::sql(doing, e))?;
        self.wake_outbox();
        Ok(id)
    }

    /// One event.
    pub async fn event(&self, id: &str) -> StoreResult<Option<Event>> {
        sqlx::query_as("SELECT * FROM events WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("reading an event", e))
    }

    /// Events after position `after` (0: from the oldest kept), oldest
    /// first, at most `limit`; `types` filters when not empty. A set, so
    /// the query has at most one parameter per type however the request
    /// spelled the list.
    pub async fn events_after(&self, after: i64, types: &BTreeSet<EventType>, limit: i64) -> StoreResult<Vec<Event>> {
        let mut sql = String::from("SELECT * FROM events WHERE seq > $1");
        if !types.is_empty() {
            sql.push_str(&format!(" AND event_type IN ({})", placeholders(types.len(), 2)));
        }
        sql.push_str(&format!(" ORDER BY seq LIMIT ${}", types.len() + 2));
        let mut query = sqlx::query_as::<_, Event>(&sql).bind(after);
        for t in types {
            query = query.bind(t.as_str());
        }
        query.bind(limit).fetch_all(self.pool()).await.map_err(|e| StoreError::sql("listing events", e))
    }

    /// A customer's events, newest first, with their deliveries counted.
    pub async fn customer_timeline_events(&self, customer_id: &str, limit: i64) -> StoreResult<Vec<TimelineEvent>> {
        sqlx::query_as(
            "SELECT e.id AS id, e.event_type AS event_type, e.at AS at, e.subject AS subject, \
             COALESCE(SUM(CASE WHEN d.state = 'succeeded' THEN 1 ELSE 0 END), 0) AS delivered, \
             COALESCE(SUM(CASE WHEN d.state = 'pending' THEN 1 ELSE 0 END), 0) AS pending, \
             COALESCE(SUM(CASE WHEN d.state = 'failed' THEN 1 ELSE 0 END), 0) AS failed \
             FROM events e LEFT JOIN webhook_deliveries d ON d.event_id = e.id WHERE e.customer_id = $1 \
             GROUP BY e.id, e.event_type, e.at, e.subject, e.seq ORDER BY e.seq DESC LIMIT $2",
        )
        .bind(customer_id)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::sql("reading a customer's events", e))
    }

    /// Deletes events older than `before` whose deliveries are all over
    /// (delivered or given up), with those deliveries and their attempts.
    /// Returns how many events went.
    pub async fn prune_events(&self, before: &str) -> StoreResult<u64> {
        let doing = "pruning old events";
        let err = |e| StoreError::sql(doing, e);
        let mut tx = self.begin(doing).await?;
        let old = "SELECT id FROM events WHERE at < $1 AND seq < (SELECT MAX(seq) FROM events) AND NOT EXISTS \
                   (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = events.id AND d.state = 'pending')";
        sqlx::query(&format!("DELETE FROM webhook_attempts WHERE event_id IN ({old})"))
            .bind(before)
            .execute(&mut *tx)
            .await
            .map_err(err)?;
        sqlx::query(&format!("DELETE FROM webhook_deliveries WHERE event_id IN ({old})"))
            .bind(before)
            .execute(&mut *tx)
            .await
            .map_err(err)?;
        let gone = sqlx::query(
            // The newest event always stays: positions continue from it.
            "DELETE FROM events WHERE at < $1 AND seq < (SELECT MAX(seq) FROM events) \
             AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = events.id)",
        )
        .bind(before)
        .execute(&mut *tx)
        .await
        .map_err(err)?
        .rows_affected();
        tx.commit().await.map_err(err)?;
        Ok(gone)
    }
}
