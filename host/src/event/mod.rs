//! Events: what happened to documents and to the plugins that make them,
//! told to the systems around Folio.
//!
//! This module is the contract of those events and nothing else: the closed
//! set of [`EventType`]s and the versioned payload of each (ids and URLs,
//! never a document's bytes). The store writes an event in the same
//! transaction as the change it reports (the outbox, `store::events`);
//! `webhook` delivers it; `GET /v1/events` lists it.
//!
//! Every event, delivered or listed, has the same envelope:
//! `{"id", "type", "version", "timestamp", "data"}`. The id never changes
//! (it is the `webhook-id` of every delivery attempt); `version` is the
//! version of that type's `data` shape, raised only when a field changes
//! meaning or goes away (new fields may appear within a version).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Largest serialized `data` of an event: payloads carry ids and URLs, so
/// this is never reached by Folio's own events; it bounds what a receiver
/// must accept.
pub const MAX_DATA_BYTES: usize = 20 * 1024;

/// Every kind of event. Closed: a receiver can match on all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
pub enum EventType {
    /// A rendered document was archived.
    #[serde(rename = "document.created")]
    DocumentCreated,
    /// An open link was opened by a person: the first time, or again after
    /// a quiet spell.
    #[serde(rename = "document.opened")]
    DocumentOpened,
    /// A plugin version was published (may now be rendered and aliased).
    #[serde(rename = "plugin.published")]
    PluginPublished,
    /// An alias was pointed at another version: what customers receive changed.
    #[serde(rename = "alias.moved")]
    AliasMoved,
    /// A webhook endpoint was disabled (it answered 410, or failed for days).
    #[serde(rename = "endpoint.disabled")]
    EndpointDisabled,
    /// A test event, sent to one endpoint by `POST /v1/webhooks/{id}/test`.
    #[serde(rename = "ping")]
    Ping,
    /// A customer acted on an interactive document (chose an option,
    /// changed a quantity): its offer changed.
    #[serde(rename = "document.interaction")]
    DocumentInteraction,
    /// A customer accepted an interactive document's offer.
    #[serde(rename = "document.accepted")]
    DocumentAccepted,
    /// Every item of a billing run is done, failed or cancelled.
    #[serde(rename = "batch.completed")]
    BatchCompleted,
}

impl EventType {
    /// Every type.
    pub const ALL: [EventType; 9] = [
        EventType::DocumentCreated,
        EventType::DocumentOpened,
        EventType::DocumentInteraction,
        EventType::DocumentAccepted,
        EventType::BatchCompleted,
        EventType::PluginPublished,
        EventType::AliasMoved,
        EventType::EndpointDisabled,
        EventType::Ping,
    ];

    /// The type as the API, the database and receivers spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::DocumentCreated => "document.created",
            EventType::DocumentOpened => "document.opened",
            EventType::PluginPublished => "plugin.published",
            EventType::AliasMoved => "alias.moved",
            EventType::EndpointDisabled => "endpoint.disabled",
            EventType::Ping => "ping",
            EventType::DocumentInteraction => "document.interaction",
            EventType::DocumentAccepted => "document.accepted",
            EventType::BatchCompleted => "batch.completed",
        }
    }

    /// The version of this type's `data` shape.
    pub fn version(self) -> u32 {
        1
    }

    /// Whether an endpoint may subscribe to it. A ping goes only to the
    /// endpoint it tests.
    pub fn subscribable(self) -> bool {
        self != EventType::Ping
    }

    /// The name of this type's payload schema in the OpenAPI document.
    pub fn schema_name(self) -> &'static str {
        match self {
            EventType::DocumentCreated => "DocumentCreated",
            EventType::DocumentOpened => "DocumentOpened",
            EventType::PluginPublished => "PluginPublished",
            EventType::AliasMoved => "AliasMoved",
            EventType::EndpointDisabled => "EndpointDisabled",
            EventType::Ping => "Ping",
            EventType::DocumentInteraction => "DocumentInteraction",
            EventType::DocumentAccepted => "DocumentAccepted",
            EventType::BatchCompleted => "BatchCompleted",
        }
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not an [`EventType`].
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "unknown event type `{0}`; the types are: document.created, document.opened, document.interaction, document.accepted, batch.completed, plugin.published, alias.moved, endpoint.disabled, ping"
)]
pub struct UnknownEventType(pub String);

impl std::str::FromStr for EventType {
    type Err = UnknownEventType;

    fn from_str(text: &str) -> Result<Self, UnknownEventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == text).ok_or_else(|| UnknownEventType(text.to_string()))
    }
}

impl TryFrom<String> for EventType {
    type Error = UnknownEventType;

    fn try_from(text: String) -> Result<Self, UnknownEventType> {
        text.parse()
    }
}

/// An event to write with the change it reports.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub event_type: EventType,
    /// The customer it concerns, for their timeline.
    pub customer_id: Option<String>,
    /// What it is about (a document or link id, `plugin@version`), for timelines.
    pub subject: Option<String>,
    /// The payload, a JSON object of the type's shape.
    pub data: Value,
}

/// A payload: the `data` of one event type.
pub trait Payload: Serialize {
    /// The type this payload is the data of.
    const TYPE: EventType;

    /// The customer the event concerns.
    fn customer(&self) -> Option<&str> {
        None
    }

    /// What the event is about.
    fn subject(&self) -> Option<String> {
        None
    }

    /// The event carrying this payload.
    fn event(&self) -> NewEvent {
        NewEvent {
            event_type: Self::TYPE,
            customer_id: self.customer().map(str::to_string),
            subject: self.subject(),
            data: serde_json::to_value(self).unwrap_or(Value::Null),
        }
    }
}

/// `document.created`: a rendered document was archived.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocumentCreated {
    /// The archived document (`doc_…`).
    pub document_id: String,
    /// The plugin that rendered it.
    pub plugin: String,
    /// The plugin version that rendered it.
    pub version: String,
    /// The document kind.
    pub kind: String,
    /// The customer it was rendered for.
    pub customer_id: String,
    /// `html`, `text`, `json`, `pdf` or `png`.
    pub format: String,
    /// SHA-256 of the document's bytes (hex).
    pub sha256: String,
    /// Its size in bytes.
    pub size: i64,
    /// When it was archived (RFC 3339, UTC).
    pub created_at: String,
    /// The document's metadata (`GET`, needs an API key).
    pub url: String,
    /// The document's bytes (`GET`, needs an API key).
    pub content_url: String,
}

impl Payload for DocumentCreated {
    const TYPE: EventType = EventType::DocumentCreated;
    fn customer(&self) -> Option<&str> {
        Some(&self.customer_id)
    }
    fn subject(&self) -> Option<String> {
        Some(self.document_id.clone())
    }
}

/// `document.opened`: a person opened an open link, for the first time or
/// again after a quiet spell. Scanners and Apple Mail's prefetching never
/// raise it; Gmail's image proxy does (it fetches when the person opens
/// the mail).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocumentOpened {
    /// The open link (`lnk_…`).
    pub link_id: String,
    /// The link's customer.
    pub customer_id: String,
    /// The link's plugin.
    pub plugin: String,
    /// The link's document kind.
    pub kind: String,
    /// What was fetched: `html` (the page) or `png` (the image).
    pub format: String,
    /// Who opened: `human` or `gmail-proxy`.
    pub opener: String,
    /// When (RFC 3339, UTC).
    pub opened_at: String,
    /// Whether this is the link's first open by a person.
    pub first_open: bool,
    /// The person's previous open, for a re-open after a quiet spell.
    pub previous_open_at: Option<String>,
    /// The link's opens (`GET`, needs an API key).
    pub opens_url: String,
}

impl Payload for DocumentOpened {
    const TYPE: EventType = EventType::DocumentOpened;
    fn customer(&self) -> Option<&str> {
        Some(&self.customer_id)
    }
    fn subject(&self) -> Option<String> {
        Some(self.link_id.clone())
    }
}

/// `document.interaction`: a customer acted on an interactive document,
/// and its offer is now the snapshot named here.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocumentInteraction {
    /// The open link acted on (`lnk_…`).
    pub link_id: String,
    /// The link's customer.
    pub customer_id: String,
    /// The plugin that planned the new offer.
    pub plugin: String,
    /// Its version.
    pub version: String,
    /// The document kind.
    pub kind: String,
    /// The action taken (`choose-option`, `change-seats`, ...).
    pub action: String,
    /// The customer's selections so far, this action's included.
    #[schema(value_type = Object)]
    pub selections: Value,
    /// The offer now current (`snp_…`).
    pub snapshot_id: String,
    /// The offer's totals as the plan states them (`offer.totals` of its view model).
    #[schema(value_type = Object)]
    pub totals: Value,
    /// When (RFC 3339, UTC).
    pub at: String,
}

impl Payload for DocumentInteraction {
    const TYPE: EventType = EventType::DocumentInteraction;
    fn customer(&self) -> Option<&str> {
        Some(&self.customer_id)
    }
    fn subject(&self) -> Option<String> {
        Some(self.link_id.clone())
    }
}

/// `document.accepted`: a customer accepted an offer. Carries what a
/// billing system needs to act without calling back: the selections, the
/// totals and the signed receipt.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DocumentAccepted {
    /// The acceptance (`acc_…`).
    pub acceptance_id: String,
    /// The open link accepted (`lnk_…`).
    pub link_id: String,
    /// The customer who accepted.
    pub customer_id: String,
    /// The plugin that planned the offer.
    pub plugin: String,
    /// Its version.
    pub version: String,
    /// The document kind.
    pub kind: String,
    /// The offer accepted (`snp_…`).
    pub snapshot_id: String,
    /// The customer's selections.
    #[schema(value_type = Object)]
    pub selections: Value,
    /// The accepted totals (`offer.totals` of the plan's view model).
    #[schema(value_type = Object)]
    pub totals: Value,
    /// When (RFC 3339, UTC).
    pub accepted_at: String,
    /// The archived accepted document as HTML (`doc_…`).
    pub html_document_id: String,
    /// The archived accepted document as PDF (`doc_…`).
    pub pdf_document_id: String,
    /// The receipt: the acceptance record and its Ed25519 signature (`folio verify` checks it).
    #[schema(value_type = Object)]
    pub receipt: Value,
    /// The acceptance (`GET`, needs an API key).
    pub url: String,
}

impl Payload for DocumentAccepted {
    const TYPE: EventType = EventType::DocumentAccepted;
    fn customer(&self) -> Option<&str> {
        Some(&self.customer_id)
    }
    fn subject(&self) -> Option<String> {
        Some(self.link_id.clone())
    }
}

/// `batch.completed`: every item of a billing run is done or failed (or
/// was cancelled), with the counts and the first failures.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BatchCompleted {
    /// The run (`bat_…`).
    pub batch_id: String,
    /// `done`, or `cancelled` when it was cancelled.
    pub state: String,
    /// Lines submitted.
    pub total: i64,
    /// Documents rendered and archived.
    pub done: i64,
    /// Lines not valid or not rendered.
    pub failed: i64,
    /// Lines dropped by a cancel before they started.
    pub cancelled: i64,
    /// The first failures, in submission order (all of them are in the results).
    pub failures: Vec<BatchFailure>,
    /// When its first item was claimed (RFC 3339), if any was.
    pub started_at: Option<String>,
    /// When it finished (RFC 3339).
    pub finished_at: String,
    /// The run (`GET`, needs an API key).
    pub url: String,
    /// Its results, one NDJSON line per item (`GET`, needs an API key).
    pub results_url: String,
}

impl BatchCompleted {
    /// How many failures the event lists.
    pub const FAILURES_SHOWN: i64 = 20;
}

impl BatchFailure {
    /// The longest problem an event carries (the results have it whole).
    pub const MAX_PROBLEM: usize = 300;

    /// A failure, its problem cut to [`BatchFailure::MAX_PROBLEM`] characters.
    pub fn new(line: i64, key: Option<String>, problem: &str) -> Self {
        BatchFailure { line, key, problem: problem.chars().take(Self::MAX_PROBLEM).collect() }
    }
}

/// One failed line of a run.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BatchFailure {
    /// Its line in the submitted body (1-based).
    pub line: i64,
    /// Its key, when it had a usable one.
    pub key: Option<String>,
    /// What went wrong, naming the JSON path.
    pub problem: String,
}

impl Payload for BatchCompleted {
    const TYPE: EventType = EventType::BatchCompleted;
    fn subject(&self) -> Option<String> {
        Some(self.batch_id.clone())
    }
}

/// `plugin.published`: a version may now be rendered and aliased.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PluginPublished {
    /// The plugin.
    pub plugin: String,
    /// The version published.
    pub version: String,
    /// The bundle's content digest.
    pub digest: String,
    /// The API key id that published it.
    pub published_by: String,
    /// When (RFC 3339, UTC).
    pub published_at: String,
    /// The plugin's versions and aliases (`GET`, needs an API key).
    pub url: String,
}

impl Payload for PluginPublished {
    const TYPE: EventType = EventType::PluginPublished;
    fn subject(&self) -> Option<String> {
        Some(format!("{}@{}", self.plugin, self.version))
    }
}

/// `alias.moved`: documents rendered through the alias now come from
/// another version.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AliasMoved {
    /// The plugin.
    pub plugin: String,
    /// The alias (`stable`).
    pub alias: String,
    /// The version it pointed at before, if any.
    pub from: Option<String>,
    /// The version it points at now.
    pub to: String,
    /// The API key id that moved it.
    pub moved_by: String,
    /// When (RFC 3339, UTC).
    pub moved_at: String,
    /// The plugin's versions and aliases (`GET`, needs an API key).
    pub url: String,
}

impl Payload for AliasMoved {
    const TYPE: EventType = EventType::AliasMoved;
    fn subject(&self) -> Option<String> {
        Some(format!("{}:{}", self.plugin, self.alias))
    }
}

/// `endpoint.disabled`: an endpoint gets no more deliveries until it is
/// enabled again (`PATCH /v1/webhooks/{id}`); what it missed can be sent
/// with `POST /v1/webhooks/{id}/replay`.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EndpointDisabled {
    /// The endpoint (`whk_…`).
    pub endpoint_id: String,
    /// Its URL.
    pub endpoint_url: String,
    /// Why: `gone` (it answered 410) or `failing` (every attempt failed for days).
    pub reason: String,
    /// When it started failing, for `failing`.
    pub failing_since: Option<String>,
    /// When it was disabled (RFC 3339, UTC).
    pub disabled_at: String,
    /// The endpoint (`GET`, needs an API key).
    pub url: String,
}

impl Payload for EndpointDisabled {
    const TYPE: EventType = EventType::EndpointDisabled;
    fn subject(&self) -> Option<String> {
        Some(self.endpoint_id.clone())
    }
}

/// `ping`: a test of one endpoint.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Ping {
    /// The endpoint tested (`whk_…`).
    pub endpoint_id: String,
    /// The API key id that asked for the test.
    pub sent_by: String,
    /// When the test was asked for (RFC 3339, UTC).
    pub sent_at: String,
}

impl Payload for Ping {
    const TYPE: EventType = EventType::Ping;
    fn subject(&self) -> Option<String> {
        Some(self.endpoint_id.clone())
    }
}

/// The envelope every event is delivered and listed in, with its `data`
/// as stored (already JSON text): the same bytes on every attempt.
pub fn envelope(id: &str, event_type: EventType, timestamp: &str, data: &str) -> String {
    let head = serde_json::json!({"id": id, "type": event_type.as_str(), "version": event_type.version(), "timestamp": timestamp});
    let mut text = head.to_string();
    text.pop();
    text.push_str(",\"data\":");
    text.push_str(data);
    text.push('}');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long(n: usize) -> String {
        "x".repeat(n)
    }

    /// Every payload with every field as long as the API lets it be stays
    /// under the limit receivers are promised.
    #[test]
    fn every_payload_at_its_largest_is_under_20_kb() {
        let id = long(40);
        let customer = long(200);
        let name = long(64);
        let url = format!("https://{}/v1/documents/{id}/content", long(2000));
        let at = "2026-12-01T00:00:00.000000Z".to_string();
        let events = [
            DocumentCreated {
                document_id: id.clone(),
                plugin: name.clone(),
                version: long(128),
                kind: name.clone(),
                customer_id: customer.clone(),
                format: "html".into(),
                sha256: long(64),
                size: i64::MAX,
                created_at: at.clone(),
                url: url.clone(),
                content_url: url.clone(),
            }
            .event(),
            DocumentOpened {
                link_id: id.clone(),
                customer_id: customer.clone(),
                plugin: name.clone(),
                kind: name.clone(),
                format: "html".into(),
                opener: "gmail-proxy".into(),
                opened_at: at.clone(),
                first_open: false,
                previous_open_at: Some(at.clone()),
                opens_url: url.clone(),
            }
            .event(),
            PluginPublished {
                plugin: name.clone(),
                version: long(128),
                digest: long(71),
                published_by: id.clone(),
                published_at: at.clone(),
                url: url.clone(),
            }
            .event(),
            AliasMoved {
                plugin: name.clone(),
                alias: name.clone(),
                from: Some(long(128)),
                to: long(128),
                moved_by: id.clone(),
                moved_at: at.clone(),
                url: url.clone(),
            }
            .event(),
            EndpointDisabled {
                endpoint_id: id.clone(),
                endpoint_url: long(2048),
                reason: "failing".into(),
                failing_since: Some(at.clone()),
                disabled_at: at.clone(),
                url: url.clone(),
            }
            .event(),
            Ping { endpoint_id: id.clone(), sent_by: id.clone(), sent_at: at.clone() }.event(),
            DocumentInteraction {
                link_id: id.clone(),
                customer_id: customer.clone(),
                plugin: name.clone(),
                version: long(128),
                kind: name.clone(),
                action: long(64),
                selections: serde_json::json!({"option": long(1000), "note": long(2000)}),
                snapshot_id: id.clone(),
                totals: serde_json::json!({"total": {"amount": long(30), "currency": "TWD"}, "seats": 150}),
                at: at.clone(),
            }
            .event(),
            DocumentAccepted {
                acceptance_id: id.clone(),
                link_id: id.clone(),
                customer_id: customer.clone(),
                plugin: name.clone(),
                version: long(128),
                kind: name.clone(),
                snapshot_id: id.clone(),
                selections: serde_json::json!({"option": long(1000), "note": long(2000)}),
                totals: serde_json::json!({"total": {"amount": long(30), "currency": "TWD"}, "seats": 150}),
                accepted_at: at.clone(),
                html_document_id: id.clone(),
                pdf_document_id: id.clone(),
                receipt: serde_json::json!({"record": {"consent": long(2000), "selections": {"option": long(1000), "note": long(2000)}, "user_agent": long(512)}, "signature": {"value": long(88), "public_key": long(44)}}),
                url: url.clone(),
            }
            .event(),
            BatchCompleted {
                batch_id: id.clone(),
                state: "done".into(),
                total: 1_000_000,
                done: 999_980,
                failed: 20,
                cancelled: 0,
                failures: (0..BatchCompleted::FAILURES_SHOWN)
                    .map(|line| BatchFailure { line, key: Some(long(255)), problem: long(BatchFailure::MAX_PROBLEM) })
                    .collect(),
                started_at: Some(at.clone()),
                finished_at: at.clone(),
                url: url.clone(),
                results_url: url.clone(),
            }
            .event(),
        ];
        assert_eq!(events.len(), EventType::ALL.len(), "one payload per type");
        for event in events {
            let body = envelope(&id, event.event_type, &at, &event.data.to_string());
            assert!(body.len() < MAX_DATA_BYTES, "{}: {} bytes", event.event_type, body.len());
            let parsed: Value = serde_json::from_str(&body).unwrap();
            assert_eq!(parsed["type"], event.event_type.as_str());
            assert_eq!(parsed["data"], event.data);
        }
    }

    #[test]
    fn types_round_trip_and_unknown_ones_are_named() {
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>().unwrap(), t);
            assert_eq!(serde_json::to_value(t).unwrap(), t.as_str());
        }
        let err = "document.deleted".parse::<EventType>().unwrap_err().to_string();
        assert!(err.contains("document.deleted"), "{err}");
        // The message lists every type.
        for t in EventType::ALL {
            assert!(err.contains(t.as_str()), "{err} lacks {t}");
        }
    }
}
