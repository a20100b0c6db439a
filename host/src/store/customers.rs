//! Customer profiles and events: the freshest facts about a customer, which
//! renders can use instead of what the request carries (open-time rendering
//! relies on this).

use super::{Store, StoreError, StoreResult, new_id};
use serde::{Deserialize, Serialize};

/// A stored customer profile. `version` increases on every change.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CustomerProfile {
    /// The customer's id.
    pub id: String,
    /// The name documents address the customer by.
    pub display_name: String,
    /// BCP 47 language tag documents are written in.
    pub locale: String,
    /// IANA time zone dates and times are shown in.
    pub timezone: String,
    /// The plugin-defined segment (`enterprise`, `smb`).
    pub segment: String,
    /// Free attributes: a JSON object (renders add `facts` from the events).
    #[schema(value_type = Object)]
    pub attributes: serde_json::Value,
    /// Increases on every change to the profile or its events.
    pub version: i64,
    /// When it last changed (RFC 3339, UTC).
    pub updated_at: String,
}

/// A usage metric or fact about a customer at an instant.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct CustomerEvent {
    /// The event's id.
    pub id: String,
    /// The customer it is about.
    pub customer_id: String,
    /// What happened or what is measured: `invoice.paid`, `active_users`.
    pub name: String,
    /// The event's value: any JSON value.
    #[schema(value_type = Value)]
    #[serde(serialize_with = "super::raw_json")]
    pub value: String,
    /// When it happened (RFC 3339).
    pub at: String,
    /// When Folio recorded it.
    pub recorded_at: String,
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    id: String,
    profile: String,
    version: i64,
    updated_at: String,
}

/// The profile fields kept as one JSON document.
#[derive(Serialize, Deserialize)]
struct ProfileBody {
    // Profiles stored before the field was renamed call it `name`.
    #[serde(alias = "name")]
    display_name: String,
    locale: String,
    timezone: String,
    segment: String,
    attributes: serde_json::Value,
}

impl Store {
    /// Creates or replaces a profile; returns it with its new version.
    pub async fn put_customer(&self, profile: &CustomerProfile) -> StoreResult<CustomerProfile> {
        let body = ProfileBody {
            display_name: profile.display_name.clone(),
            locale: profile.locale.clone(),
            timezone: profile.timezone.clone(),
            segment: profile.segment.clone(),
            attributes: profile.attributes.clone(),
        };
        let text = serde_json::to_string(&body).map_err(|e| StoreError::Corrupt(format!("cannot encode a profile: {e}")))?;
        let (version,): (i64,) = sqlx::query_as(
            "INSERT INTO customers (id, profile, version, updated_at) VALUES ($1, $2, 1, $3) \
             ON CONFLICT (id) DO UPDATE SET profile = excluded.profile, version = customers.version + 1, updated_at = excluded.updated_at \
             RETURNING version",
        )
        .bind(&profile.id)
        .bind(&text)
        .bind(&profile.updated_at)
        .fetch_one(self.pool())
        .await
        .map_err(|e| StoreError::sql("saving a customer profile", e))?;
        Ok(CustomerProfile { version, ..profile.clone() })
    }

    /// The profile of customer `id`.
    pub async fn customer(&self, id: &str) -> StoreResult<Option<CustomerProfile>> {
        let row: Option<ProfileRow> = sqlx::query_as("SELECT * FROM customers WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .map_err(|e| StoreError::sql("looking up a customer profile", e))?;
        let Some(row) = row else { return Ok(None) };
        let body: ProfileBody = serde_json::from_str(&row.profile)
            .map_err(|e| StoreError::Corrupt(format!("customer {} has an unreadable profile: {e}", row.id)))?;
        Ok(Some(CustomerProfile {
            id: row.id,
            display_name: body.display_name,
            locale: body.locale,
            timezone: body.timezone,
            segment: body.segment,
            attributes: body.attributes,
            version: row.version,
            updated_at: row.updated_at,
        }))
    }

    /// Records events for a customer and bumps the profile's version, so
    /// anything cached for the old facts is stale. Returns the stored events.
    pub async fn add_events(
        &self,
        customer_id: &str,
        events: &[(String, String, String)],
        recorded_at: &str,
    ) -> StoreResult<Vec<CustomerEvent>> {
        let err = |e| StoreError::sql("recording customer events", e);
        let mut tx = self.begin("recording customer events").await?;
        let mut stored = Vec::with_capacity(events.len());
        for (name, value, at) in events {
            let event = CustomerEvent {
                id: new_id("evt"),
                customer_id: customer_id.to_string(),
                name: name.clone(),
                value: value.clone(),
                at: at.clone(),
                recorded_at: recorded_at.to_string(),
            };
            sqlx::query("INSERT INTO customer_events (id, customer_id, name, value, at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(&event.id)
                .bind(&event.customer_id)
                .bind(&event.name)
                .bind(&event.value)
                .bind(&event.at)
                .bind(&event.recorded_at)
                .execute(&mut *tx)
                .await
                .map_err(err)?;
            stored.push(event);
        }
        sqlx::query("UPDATE customers SET version = version + 1, updated_at = $1 WHERE id = $2")
            .bind(recorded_at)
            .bind(customer_id)
            .execute(&mut *tx)
            .await
            .map_err(err)?;
        tx.commit().await.map_err(err)?;
        Ok(stored)
    }

    /// A customer's events, newest first, at most `limit`.
    pub async fn customer_events(&self, customer_id: &str, limit: i64) -> StoreResult<Vec<CustomerEvent>> {
        sqlx::query_as("SELECT * FROM customer_events WHERE customer_id = $1 ORDER BY at DESC, id DESC LIMIT $2")
            .bind(customer_id)
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing customer events", e))
    }

    /// The newest event of each name for a customer: its current facts.
    pub async fn customer_facts(&self, customer_id: &str) -> StoreResult<Vec<CustomerEvent>> {
        sqlx::query_as(
            "SELECT e.* FROM customer_events e WHERE e.customer_id = $1 AND e.at = \
             (SELECT MAX(l.at) FROM customer_events l WHERE l.customer_id = e.customer_id AND l.name = e.name) \
             ORDER BY e.name, e.id",
        )
        .bind(customer_id)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::sql("reading a customer's facts", e))
    }
}
