//! The record of every open of an open link: who opened (the opener
//! class), what they were answered with (the outcome), and the statistics
//! read from them.

use super::links::{LinkFormat, OpenLink};
use super::{Store, StoreError, StoreResult, new_id, timestamp};
use crate::event::{DocumentOpened, Payload};
use chrono::Utc;
use serde::Serialize;

/// Who opened a link, as far as the request tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OpenerClass {
    /// A person: what open rates count.
    Human,
    /// Gmail's image proxy, which fetches for the person.
    GmailProxy,
    /// Apple Mail Privacy Protection, which fetches whether or not anyone reads.
    AppleMpp,
    /// A link scanner, gateway or bot (and every HEAD).
    Scanner,
}

impl OpenerClass {
    /// Every class.
    pub const ALL: [OpenerClass; 4] = [OpenerClass::Human, OpenerClass::GmailProxy, OpenerClass::AppleMpp, OpenerClass::Scanner];

    /// The class as the API, the database and metrics spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            OpenerClass::Human => "human",
            OpenerClass::GmailProxy => "gmail-proxy",
            OpenerClass::AppleMpp => "apple-mpp",
            OpenerClass::Scanner => "scanner",
        }
    }

    /// Whether a mail client's proxy made the open.
    pub fn is_proxy(self) -> bool {
        matches!(self, OpenerClass::GmailProxy | OpenerClass::AppleMpp)
    }

    /// Whether the open means a person looked: a person's own fetch, or
    /// Gmail's proxy, which fetches when the mail is opened (Apple Mail
    /// prefetches whether or not anyone reads; scanners are not people).
    pub fn is_person(self) -> bool {
        matches!(self, OpenerClass::Human | OpenerClass::GmailProxy)
    }
}

impl TryFrom<String> for OpenerClass {
    type Error = StoreError;

    fn try_from(text: String) -> Result<Self, StoreError> {
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| StoreError::Corrupt(format!("an open has the unknown opener `{text}`")))
    }
}

/// What an open was answered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OpenOutcome {
    /// Rendered now.
    Fresh,
    /// Rendered for the same profile version within the plan's freshness window.
    Cached,
    /// The last good render, the template's fallback, or the neutral page or blank image.
    Fallback,
    /// A HEAD: nothing rendered.
    Head,
}

impl OpenOutcome {
    /// Every outcome.
    pub const ALL: [OpenOutcome; 4] = [OpenOutcome::Fresh, OpenOutcome::Cached, OpenOutcome::Fallback, OpenOutcome::Head];

    /// The outcome as the API, the database, metrics and `Folio-Open` spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            OpenOutcome::Fresh => "fresh",
            OpenOutcome::Cached => "cached",
            OpenOutcome::Fallback => "fallback",
            OpenOutcome::Head => "head",
        }
    }
}

impl TryFrom<String> for OpenOutcome {
    type Error = StoreError;

    fn try_from(text: String) -> Result<Self, StoreError> {
        Self::ALL
            .into_iter()
            .find(|o| o.as_str() == text)
            .ok_or_else(|| StoreError::Corrupt(format!("an open has the unknown outcome `{text}`")))
    }
}

/// One open of a link.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct OpenEvent {
    /// The open's id.
    pub id: String,
    /// The link that was opened.
    pub link_id: String,
    /// The link's customer.
    pub customer_id: String,
    /// When it was opened (RFC 3339, UTC).
    pub at: String,
    /// What was fetched: the page or the image.
    #[sqlx(try_from = "String")]
    pub format: LinkFormat,
    /// `GET` or `HEAD`.
    pub method: String,
    /// Who opened.
    #[sqlx(try_from = "String")]
    pub agent: OpenerClass,
    /// What the open was answered with.
    #[sqlx(try_from = "String")]
    pub outcome: OpenOutcome,
}

impl OpenEvent {
    /// An open of `link` now, in `format`.
    pub fn new(link: &OpenLink, format: LinkFormat, method: &str, agent: OpenerClass, outcome: OpenOutcome) -> Self {
        OpenEvent {
            id: new_id("opn"),
            link_id: link.id.clone(),
            customer_id: link.customer_id.clone(),
            at: timestamp(Utc::now()),
            format,
            method: method.to_string(),
            agent,
            outcome,
        }
    }
}

/// One open link of a customer, with who opened it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct LinkActivity {
    /// The link's id.
    pub link_id: String,
    /// The plugin that renders it.
    pub plugin: String,
    /// The document kind.
    pub kind: String,
    /// The link's customer.
    pub customer_id: String,
    /// When it was created (RFC 3339, UTC).
    pub created_at: String,
    /// When it stops working, if it does.
    pub expires_at: Option<String>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
    /// Opens by people.
    pub human_opens: i64,
    /// Opens by Gmail's image proxy (the person opened the mail).
    pub gmail_proxy_opens: i64,
    /// Fetches by Apple Mail Privacy Protection (whether or not anyone read).
    pub apple_mpp_opens: i64,
    /// Fetches by link scanners and bots.
    pub scanner_opens: i64,
    /// The first open by a person (or Gmail's proxy), if any.
    pub first_opened_at: Option<String>,
    /// The latest open by a person (or Gmail's proxy), if any.
    pub last_opened_at: Option<String>,
}

/// The opener classes that mean a person looked ([`OpenerClass::is_person`]),
/// as an SQL list: `'human', 'gmail-proxy'`. Written from the enum, so the
/// queries and the rule cannot drift apart.
fn person_agents() -> String {
    OpenerClass::ALL.into_iter().filter(|c| c.is_person()).map(|c| format!("'{}'", c.as_str())).collect::<Vec<_>>().join(", ")
}

/// A link with its opens counted by class and its first and last open by a person.
fn link_activity() -> String {
    let count = |class: OpenerClass, column: &str| {
        format!("COALESCE(SUM(CASE WHEN e.agent = '{}' THEN 1 ELSE 0 END), 0) AS {column}", class.as_str())
    };
    let persons = person_agents();
    format!(
        "SELECT l.id AS link_id, l.plugin AS plugin, l.kind AS kind, l.customer_id AS customer_id, \
         l.created_at AS created_at, l.expires_at AS expires_at, l.revoked_at AS revoked_at, {}, {}, {}, {}, \
         MIN(CASE WHEN e.agent IN ({persons}) AND e.method = 'GET' THEN e.at END) AS first_opened_at, \
         MAX(CASE WHEN e.agent IN ({persons}) AND e.method = 'GET' THEN e.at END) AS last_opened_at \
         FROM open_links l LEFT JOIN open_events e ON e.link_id = l.id",
        count(OpenerClass::Human, "human_opens"),
        count(OpenerClass::GmailProxy, "gmail_proxy_opens"),
        count(OpenerClass::AppleMpp, "apple_mpp_opens"),
        count(OpenerClass::Scanner, "scanner_opens"),
    )
}
const LINK_ACTIVITY_GROUP: &str = "GROUP BY l.id, l.plugin, l.kind, l.customer_id, l.created_at, l.expires_at, l.revoked_at";

/// When an open raises `document.opened`.
#[derive(Debug, Clone)]
pub struct OpenedPolicy {
    /// The service's public URL, for the event's links.
    pub base_url: String,
    /// A person's open this long after their previous one raises the event again.
    pub reopen_after: chrono::Duration,
}

/// A link's newest successful render in one format: the blob its fallback serves.
#[derive(Debug, Clone)]
pub struct LastGood {
    pub link_id: String,
    pub format: LinkFormat,
    pub sha256: String,
    pub at: String,
}

/// Open statistics of one plugin's document kind.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct OpenStats {
    /// The plugin.
    pub plugin: String,
    /// The document kind.
    pub kind: String,
    /// Links created.
    pub links: i64,
    /// Every recorded open, whoever made it.
    pub opens: i64,
    /// Links opened at least once by a person: what open rates count.
    pub unique_human_opens: i64,
    /// Opens by mail proxies (Gmail's image proxy, Apple Mail Privacy Protection).
    pub proxy_opens: i64,
    /// Opens by link scanners and bots.
    pub scanner_opens: i64,
    /// Opens answered with the fallback instead of a fresh render.
    pub fallback_opens: i64,
}

impl Store {
    /// Open statistics per plugin and kind; `plugin` and `kind` filter when
    /// not empty.
    pub async fn open_stats(&self, plugin: &str, kind: &str) -> StoreResult<Vec<OpenStats>> {
        // The classes and outcomes are bound as parameters, spelled by their enums.
        let proxies: Vec<&str> = OpenerClass::ALL.into_iter().filter(|c| c.is_proxy()).map(OpenerClass::as_str).collect();
        sqlx::query_as(
            "SELECT l.plugin AS plugin, l.kind AS kind, COUNT(DISTINCT l.id) AS links, COUNT(e.id) AS opens, \
             COUNT(DISTINCT CASE WHEN e.agent = $3 THEN e.link_id END) AS unique_human_opens, \
             SUM(CASE WHEN e.agent IN ($4, $5) THEN 1 ELSE 0 END) AS proxy_opens, \
             SUM(CASE WHEN e.agent = $6 THEN 1 ELSE 0 END) AS scanner_opens, \
             SUM(CASE WHEN e.outcome = $7 THEN 1 ELSE 0 END) AS fallback_opens \
             FROM open_links l LEFT JOIN open_events e ON e.link_id = l.id \
             WHERE ($1 = '' OR l.plugin = $1) AND ($2 = '' OR l.kind = $2) \
             GROUP BY l.plugin, l.kind ORDER BY l.plugin, l.kind",
        )
        .bind(plugin)
        .bind(kind)
        .bind(OpenerClass::Human.as_str())
        .bind(proxies[0])
        .bind(proxies[1])
        .bind(OpenerClass::Scanner.as_str())
        .bind(OpenOutcome::Fallback.as_str())
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::sql("computing open statistics", e))
    }

    /// Writes `opens` and moves links' last good renders, in one
    /// transaction (see `service::openlog`). Of several `last_good` entries
    /// for one link and format, the last wins. An open by a person that is
    /// the link's first, or comes after `policy.reopen_after` without one,
    /// gets its `document.opened` event in the same transaction.
    pub async fn record_opens(&self, opens: &[OpenEvent], last_good: &[LastGood], policy: &OpenedPolicy) -> StoreResult<()> {
        let fail = |e| StoreError::sql("recording opens", e);
        let mut tx = self.begin("recording opens").await?;
        let mut events = Vec::new();
        for event in opens {
            sqlx::query(
                "INSERT INTO open_events (id, link_id, customer_id, at, format, method, agent, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&event.id)
            .bind(&event.link_id)
            .bind(&event.customer_id)
            .bind(&event.at)
            .bind(event.format.as_str())
            .bind(&event.method)
            .bind(event.agent.as_str())
            .bind(event.outcome.as_str())
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
            if event.agent.is_person() && event.method == "GET" {
                // The person's previous open of this link, if any.
                let (previous,): (Option<String>,) = sqlx::query_as(&format!(
                    "SELECT MAX(at) FROM open_events WHERE link_id = $1 AND agent IN ({}) AND method = 'GET' AND id <> $2 AND at <= $3",
                    person_agents()
                ))
                .bind(&event.link_id)
                .bind(&event.id)
                .bind(&event.at)
                .fetch_one(&mut *tx)
                .await
                .map_err(fail)?;
                let quiet_since = chrono::DateTime::parse_from_rfc3339(&event.at)
                    .map(|at| timestamp(at.with_timezone(&Utc) - policy.reopen_after))
                    .unwrap_or_default();
                if previous.as_ref().is_none_or(|p| *p < quiet_since) {
                    let link: Option<(String, String)> = sqlx::query_as("SELECT plugin, kind FROM open_links WHERE id = $1")
                        .bind(&event.link_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(fail)?;
                    if let Some((plugin, kind)) = link {
                        events.push(DocumentOpened {
                            link_id: event.link_id.clone(),
                            customer_id: event.customer_id.clone(),
                            plugin,
                            kind,
                            format: event.format.as_str().to_string(),
                            opener: event.agent.as_str().to_string(),
                            opened_at: event.at.clone(),
                            first_open: previous.is_none(),
                            previous_open_at: previous,
                            opens_url: format!("{}/v1/open-links/{}/opens", policy.base_url, event.link_id),
                        });
                    }
                }
            }
        }
        for entry in last_good {
            let statement = match entry.format {
                LinkFormat::Png => "UPDATE open_links SET last_good_png_sha256 = $1, last_good_png_at = $2 WHERE id = $3",
                LinkFormat::Html => "UPDATE open_links SET last_good_sha256 = $1, last_good_at = $2 WHERE id = $3",
            };
            sqlx::query(statement).bind(&entry.sha256).bind(&entry.at).bind(&entry.link_id).execute(&mut *tx).await.map_err(fail)?;
        }
        for event in &events {
            event.event().write(&mut tx, self.backend, None).await?;
        }
        tx.commit().await.map_err(fail)?;
        if !events.is_empty() {
            self.wake_outbox();
        }
        Ok(())
    }

    /// The opens of link `id`, newest first.
    pub async fn link_opens(&self, id: &str, limit: i64) -> StoreResult<Vec<OpenEvent>> {
        sqlx::query_as("SELECT * FROM open_events WHERE link_id = $1 ORDER BY at DESC, id DESC LIMIT $2")
            .bind(id)
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing a link's opens", e))
    }

    /// A customer's opens, newest first (for their timeline).
    pub async fn customer_opens(&self, customer_id: &str, limit: i64) -> StoreResult<Vec<OpenEvent>> {
        sqlx::query_as("SELECT * FROM open_events WHERE customer_id = $1 ORDER BY at DESC, id DESC LIMIT $2")
            .bind(customer_id)
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .map_err(|e| StoreError::sql("listing a customer's opens", e))
    }

    /// A customer's open links, newest first, with who opened them.
    pub async fn customer_links(&self, customer_id: &str, limit: i64) -> StoreResult<Vec<LinkActivity>> {
        sqlx::query_as(&format!(
            "{} WHERE l.customer_id = $1 {LINK_ACTIVITY_GROUP} ORDER BY l.created_at DESC, l.id DESC LIMIT $2",
            link_activity()
        ))
        .bind(customer_id)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::sql("listing a customer's open links", e))
    }

    /// Links created since `since` (of `kind`, when not empty), not
    /// revoked, that no person has opened (scanners and Apple Mail's
    /// prefetching do not count), oldest first.
    pub async fn unopened_links(&self, since: &str, kind: &str, limit: i64) -> StoreResult<Vec<LinkActivity>> {
        sqlx::query_as(&format!(
            "{} WHERE l.created_at >= $1 AND ($2 = '' OR l.kind = $2) AND l.revoked_at IS NULL \
             AND NOT EXISTS (SELECT 1 FROM open_events p WHERE p.link_id = l.id AND p.agent IN ({}) AND p.method = 'GET') \
             {LINK_ACTIVITY_GROUP} ORDER BY l.created_at, l.id LIMIT $3",
            link_activity(),
            person_agents()
        ))
        .bind(since)
        .bind(kind)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .map_err(|e| StoreError::sql("listing unopened links", e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::EventType;
    use crate::store::OpenLink;

    fn open(link: &OpenLink, agent: OpenerClass, at: chrono::DateTime<Utc>) -> OpenEvent {
        OpenEvent { at: timestamp(at), ..OpenEvent::new(link, LinkFormat::Html, "GET", agent, OpenOutcome::Fresh) }
    }

    /// `document.opened` is raised by a person's first open and by one
    /// after a quiet spell, never by scanners or Apple Mail's prefetching,
    /// and once for several opens written in one batch.
    #[tokio::test]
    async fn a_persons_first_open_and_a_reopen_after_days_raise_document_opened() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_sqlite(dir.path()).await.unwrap();
        let link = OpenLink::fixture("lnk_1");
        store.insert_link(&link).await.unwrap();
        let policy = OpenedPolicy { base_url: "http://f".into(), reopen_after: chrono::Duration::days(7) };
        let now = Utc::now();
        let day = |n: i64| now + chrono::Duration::days(n);
        let opened = || async { store.events_after(0, &[EventType::DocumentOpened].into(), 100).await.unwrap() };
        // Machines first: nothing.
        store
            .record_opens(&[open(&link, OpenerClass::Scanner, day(0)), open(&link, OpenerClass::AppleMpp, day(0))], &[], &policy)
            .await
            .unwrap();
        assert!(opened().await.is_empty());
        // The person's first open and another the same day, in one batch: one event.
        let first = open(&link, OpenerClass::Human, day(1));
        store.record_opens(&[first.clone(), open(&link, OpenerClass::Human, day(1))], &[], &policy).await.unwrap();
        let events = opened().await;
        assert_eq!(events.len(), 1);
        let data: serde_json::Value = serde_json::from_str(&events[0].data).unwrap();
        assert_eq!((data["first_open"].as_bool(), data["opener"].as_str()), (Some(true), Some("human")));
        assert_eq!(events[0].customer_id.as_deref(), Some("c1"));
        // Within the week: nothing; Gmail's proxy ten days later: a re-open.
        store.record_opens(&[open(&link, OpenerClass::Human, day(5))], &[], &policy).await.unwrap();
        assert_eq!(opened().await.len(), 1);
        store.record_opens(&[open(&link, OpenerClass::GmailProxy, day(15))], &[], &policy).await.unwrap();
        let events = opened().await;
        assert_eq!(events.len(), 2);
        let data: serde_json::Value = serde_json::from_str(&events[1].data).unwrap();
        assert_eq!((data["first_open"].as_bool(), data["opener"].as_str()), (Some(false), Some("gmail-proxy")));
        assert_eq!(data["previous_open_at"], timestamp(day(5)).as_str());
    }
}
