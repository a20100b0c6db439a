//! Interactive documents on their open link's page: the offer a link shows
//! now, the actions a customer takes on it, and their acceptance.
//!
//! The offer is planned fresh from the customer's stored profile, the
//! link's data and the selections the newest snapshot recorded (with the
//! action that made it), so a page always shows current prices; the
//! plugin is the only source of them. A page names the snapshot it shows
//! and carries its nonce (`crate::offer`). An action re-plans with the
//! selections merged and records a new snapshot with its
//! `document.interaction` event; an accept that names the current
//! snapshot archives the accepted document as HTML and PDF, signs a
//! receipt and writes the acceptance with its events, all in one
//! transaction, at most once per link.

use super::pipeline::{Inputs, customer_from_profile, link_profile, link_version};
use super::problem::{ApiResult, Problem};
use super::state::AppState;
use crate::contain::PluginFiles;
use crate::contract::types::{Interaction, OutputFormat, Plan, Purpose, Request};
use crate::event::{DocumentAccepted, DocumentInteraction, NewEvent, Payload};
use crate::offer::{self, FieldError, KeyPair, Notice, Receipt, Selections, Terms};
use crate::render::{Document, Format, Lang, Page, PageView};
use crate::store::{
    AcceptanceRecord, Accepted, DocumentRecord, OpenLink, PluginVersion, ReceiptKeyRecord, SnapshotRecord, new_id, timestamp,
};
use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use serde_json::{Value, json};
use std::sync::Arc;

/// The offer a link shows now.
pub(crate) struct Current {
    pub version: PluginVersion,
    files: Arc<PluginFiles>,
    /// The request that planned it.
    pub request: Request,
    pub plan: Plan,
    pub selections: Selections,
    pub snapshot_id: String,
    /// Whether the newest stored snapshot is this one.
    pub stored: bool,
    pub terms: Terms,
    pub lang: Lang,
}

/// Who is acting, as an acceptance records them.
pub(crate) struct Client {
    pub address: String,
    pub user_agent: String,
}

/// What an action asked for is wrong.
pub(crate) enum Refusal {
    /// Fields the customer got wrong (the schema's or the plugin's verdict).
    Fields(Vec<FieldError>),
    /// Anything else, as the API says it.
    Problem(Problem),
}

impl From<Problem> for Refusal {
    fn from(problem: Problem) -> Self {
        Refusal::Problem(problem)
    }
}

/// The result of an action that was performed.
pub(crate) enum Done {
    /// The offer changed: the new current offer and its page.
    Changed { current: Box<Current>, page: Vec<u8> },
    /// The offer was accepted: by this post (`new`), or by one before it.
    Accepted { acceptance: Box<AcceptanceRecord>, new: bool },
}

/// Locks that make accepts of one link in this process take turns, so
/// concurrent ones render and archive once (the database keeps one
/// acceptance per link across replicas regardless). Striped: a link's lock
/// is one of a fixed few, chosen by its id.
pub(crate) struct OfferLocks(Vec<tokio::sync::Mutex<()>>);

impl Default for OfferLocks {
    fn default() -> Self {
        OfferLocks((0..64).map(|_| tokio::sync::Mutex::new(())).collect())
    }
}

impl OfferLocks {
    /// Waits for link `link_id`'s turn.
    pub(crate) async fn lock(&self, link_id: &str) -> tokio::sync::MutexGuard<'_, ()> {
        let stripe = link_id.bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(usize::from(b))) % self.0.len();
        self.0[stripe].lock().await
    }
}

/// The link's current offer, planned now.
pub(crate) async fn current(state: &AppState, link: &OpenLink) -> ApiResult<Current> {
    let stored = state.store().current_snapshot(&link.id).await?;
    let selections = match &stored {
        Some(s) => parse_selections(&s.selections)?,
        None => Selections::new(),
    };
    let action = stored.as_ref().and_then(|s| s.made_by());
    let mut current = plan_for(state, link, action, selections, Utc::now()).await?;
    current.stored = stored.is_some_and(|s| s.id == current.snapshot_id);
    Ok(current)
}

/// Plans the link's offer for `selections`, made by `action` (none: as
/// first opened), at `at`.
async fn plan_for(
    state: &AppState,
    link: &OpenLink,
    action: Option<&str>,
    selections: Selections,
    at: DateTime<Utc>,
) -> ApiResult<Current> {
    let profile = link_profile(state, link).await?;
    let version = link_version(state, link).await?;
    let files = state.plugins().get(&version, state.blobs(), state.workers()).await?.files.clone();
    let customer = customer_from_profile(state, &profile).await?;
    let lang = Lang::of_tag(&customer.locale);
    let interaction = match action {
        Some(action) => Some(Interaction { action: action.to_string(), inputs: raw(&Value::Object(selections.clone()))? }),
        None => None,
    };
    let request = Request {
        kind: link.kind.clone(),
        customer,
        data: RawValue::from_string(link.data.clone()).map_err(Problem::internal)?,
        purpose: if interaction.is_some() { Purpose::Interaction } else { Purpose::OpenTime },
        at,
        interaction,
    };
    let plan = state.workers().plan(&files, request.clone()).await.map_err(Problem::from)?;
    let snapshot_id = offer::snapshot_id(&link.id, &selections, &plan).map_err(Problem::internal)?;
    let terms = Terms::of(&plan, &request.customer.timezone).map_err(|e| plugin_fault(&version, e))?;
    Ok(Current { version, files, request, plan, selections, snapshot_id, stored: false, terms, lang })
}

/// The action that accepts an offer.
pub(crate) const ACCEPT: &str = "accept";

/// Checks `inputs` of `action` against the schema the current plan gives it.
pub(crate) fn check_inputs(
    state: &AppState,
    current: &Current,
    action: &str,
    inputs: Result<&Value, &[(String, String)]>,
) -> Result<Selections, Refusal> {
    let declared = current
        .plan
        .actions
        .iter()
        .find(|a| a.name == action)
        .ok_or_else(|| Problem::not_found(format!("this offer has no action `{action}`; it offers {}", action_names(&current.plan))))?;
    let schema = state.input_schemas().get(action, &declared.inputs).map_err(|e| plugin_fault(&current.version, e.to_string()))?;
    let checked = match inputs {
        Ok(json) => schema.check(json),
        Err(form) => schema.from_form(form),
    };
    checked.map_err(Refusal::Fields)
}

fn action_names(plan: &Plan) -> String {
    let names: Vec<_> = plan.actions.iter().map(|a| format!("`{}`", a.name)).collect();
    if names.is_empty() { "none".to_string() } else { names.join(", ") }
}

/// An open link's page, reached with its token: what acting on it needs.
pub(crate) struct OnPage<'a> {
    pub state: &'a AppState,
    pub link: &'a OpenLink,
    /// The secret of the key that signed the token (it keys the nonces).
    pub secret: &'a str,
    pub token: &'a str,
}

impl OnPage<'_> {
    /// The page of `current`: its actions as forms while the offer is open,
    /// `notice` above it, `errors` next to their fields.
    pub(crate) async fn page(&self, current: &Current, notice: Option<Notice>, errors: &[FieldError]) -> ApiResult<Vec<u8>> {
        let OnPage { state, link, secret, token } = *self;
        let open = !current.terms.expired(Utc::now());
        let page = open.then(|| Page {
            actions: current.plan.actions.iter().map(|a| (a.name.clone(), format!("/o/{token}/actions/{}", a.name))).collect(),
            snapshot: current.snapshot_id.clone(),
            nonce: offer::nonce(secret, &link.id, &current.snapshot_id),
            errors: errors.iter().map(|e| (e.field.clone(), offer::field_message(e, current.lang))).collect(),
        });
        let notice = notice.or((!open).then_some(Notice::Expired)).map(|n| n.text(current.lang).to_string());
        let view = PageView { page, notice };
        let document = state
            .workers()
            .render_plan(&current.files, current.request.clone(), current.plan.clone(), Format::Html, Some(view))
            .await
            .map_err(Problem::from)?;
        Ok(document.bytes)
    }

    /// Performs `action` with `inputs` (already checked by [`check_inputs`])
    /// on `current`, the offer the customer's post named.
    pub(crate) async fn perform(&self, current: Current, action: &str, inputs: Selections, client: &Client) -> Result<Done, Refusal> {
        let (state, link) = (self.state, self.link);
        let selections = offer::merge(&current.selections, &inputs);
        if action == ACCEPT {
            return self.accept(current, client).await.map(|(acceptance, new)| Done::Accepted { acceptance: Box::new(acceptance), new });
        }
        let now = Utc::now();
        let next = plan_for(state, link, Some(action), selections, now).await.map_err(plugin_refusal)?;
        let page = self.page(&next, None, &[]).await?;
        let page_sha256 = state.blobs().put_unsynced(&page).map_err(Problem::internal)?;
        let snapshot = SnapshotRecord {
            link_id: link.id.clone(),
            seq: 0,
            id: next.snapshot_id.clone(),
            action: action.to_string(),
            selections: Value::Object(next.selections.clone()).to_string(),
            plan: serde_json::to_string(&next.plan).map_err(Problem::internal)?,
            page_sha256,
            created_at: timestamp(now),
        };
        let event = DocumentInteraction {
            link_id: link.id.clone(),
            customer_id: link.customer_id.clone(),
            plugin: next.version.name.clone(),
            version: next.version.version.clone(),
            kind: link.kind.clone(),
            action: action.to_string(),
            selections: Value::Object(next.selections.clone()),
            snapshot_id: next.snapshot_id.clone(),
            totals: next.terms.totals.clone(),
            at: snapshot.created_at.clone(),
        }
        .event();
        // Two actions on one link at the same instant take the same place:
        // the second tries once more, after the first.
        if let Err(crate::store::StoreError::Conflict(_)) = state.store().record_snapshot(&snapshot, &event).await {
            state.store().record_snapshot(&snapshot, &event).await.map_err(Problem::from)?;
        }
        Ok(Done::Changed { current: Box::new(next), page })
    }

    /// Accepts `current` (already checked to be the offer the customer saw):
    /// archives the accepted document as HTML and PDF, signs the receipt, and
    /// records the acceptance with its events. Concurrent accepts of one link
    /// wait for each other here, and the database keeps one per link across
    /// replicas: every one of them answers with the same acceptance.
    async fn accept(&self, current: Current, client: &Client) -> Result<(AcceptanceRecord, bool), Refusal> {
        let (state, link) = (self.state, self.link);
        let _turn = state.offer_locks().lock(&link.id).await;
        if let Some(existing) = state.store().link_acceptance(&link.id).await.map_err(Problem::from)? {
            return Ok((existing, false));
        }
        // The page as the customer saw it, for its consent text and digest.
        let seen = self.page(&current, None, &[]).await?;
        let consent = crate::render::consent_text(&String::from_utf8_lossy(&seen), ACCEPT);
        let page_sha256 = offer::document_sha256(&seen);
        let at = Utc::now();
        let accepted = plan_for(state, link, Some(ACCEPT), current.selections.clone(), at).await.map_err(plugin_refusal)?;
        let mut documents = Vec::new();
        for format in [OutputFormat::Html, OutputFormat::Pdf] {
            let document = state
                .workers()
                .render_plan(&accepted.files, accepted.request.clone(), accepted.plan.clone(), Format::from(format), None)
                .await
                .map_err(Problem::from)?;
            documents.push(archived(state, link, &accepted, format, &document)?);
        }
        let [html, pdf] = <[DocumentRecord; 2]>::try_from(documents).map_err(|_| Problem::internal("two documents were archived"))?;
        let id = new_id("acc");
        let key = receipt_key(state).await?;
        let request_json = serde_json::to_value(&accepted.request).map_err(Problem::internal)?;
        let record = json!({
            "receipt_version": 1,
            "issuer": state.public_url(),
            "acceptance_id": id,
            "link_id": link.id,
            "customer_id": link.customer_id,
            "customer_name": accepted.request.customer.display_name,
            "snapshot_id": current.snapshot_id,
            "selections": Value::Object(current.selections.clone()),
            "totals": accepted.terms.totals,
            "plugin": {"name": accepted.version.name, "version": accepted.version.version, "digest": accepted.version.digest},
            "kind": link.kind,
            "data_sha256": offer::document_sha256(link.data.as_bytes()),
            "request_sha256": offer::document_sha256(offer::canonical(&request_json).map_err(Problem::internal)?.as_bytes()),
            "consent": {"text": consent, "action": ACCEPT, "template": accepted.plan.template, "locale": accepted.request.customer.locale},
            "page_sha256": page_sha256,
            "accepted_at": timestamp(at),
            "client": {"address": client.address, "user_agent": client.user_agent},
            "documents": [
                {"format": "html", "document_id": html.id, "sha256": html.sha256},
                {"format": "pdf", "document_id": pdf.id, "sha256": pdf.sha256},
            ],
        });
        let receipt = key.sign(record).map_err(Problem::internal)?;
        let receipt_json = serde_json::to_value(&receipt).map_err(Problem::internal)?;
        let acceptance = AcceptanceRecord {
            id: id.clone(),
            link_id: link.id.clone(),
            customer_id: link.customer_id.clone(),
            plugin: accepted.version.name.clone(),
            version: accepted.version.version.clone(),
            snapshot_id: current.snapshot_id.clone(),
            accepted_at: timestamp(at),
            html_document_id: html.id.clone(),
            pdf_document_id: pdf.id.clone(),
            receipt: receipt_json.to_string(),
        };
        let plan_json = serde_json::to_string(&current.plan).map_err(Problem::internal)?;
        let snapshot = (!current.stored).then(|| SnapshotRecord {
            link_id: link.id.clone(),
            seq: 0,
            id: current.snapshot_id.clone(),
            action: current.request.interaction.as_ref().map_or_else(String::new, |i| i.action.clone()),
            selections: Value::Object(current.selections.clone()).to_string(),
            plan: plan_json.clone(),
            page_sha256: page_sha256.clone(),
            created_at: timestamp(at),
        });
        let mut events: Vec<NewEvent> = [&html, &pdf].into_iter().map(|d| super::archive::created(state, d).event()).collect();
        events.push(
            DocumentAccepted {
                acceptance_id: id.clone(),
                link_id: link.id.clone(),
                customer_id: link.customer_id.clone(),
                plugin: acceptance.plugin.clone(),
                version: acceptance.version.clone(),
                kind: link.kind.clone(),
                snapshot_id: current.snapshot_id.clone(),
                selections: Value::Object(current.selections.clone()),
                totals: accepted.terms.totals.clone(),
                accepted_at: acceptance.accepted_at.clone(),
                html_document_id: html.id.clone(),
                pdf_document_id: pdf.id.clone(),
                receipt: receipt_json,
                url: format!("{}/v1/acceptances/{id}", state.public_url()),
            }
            .event(),
        );
        match state.store().record_acceptance(&acceptance, snapshot.as_ref(), &[&html, &pdf], &events).await.map_err(Problem::from)? {
            Accepted::New => Ok((acceptance, true)),
            Accepted::Existing(existing) => Ok((*existing, false)),
        }
    }
}

/// The archive record of `document`, the accepted offer in `format`, its
/// bytes kept in the blob store (synced: it is evidence).
fn archived(state: &AppState, link: &OpenLink, accepted: &Current, format: OutputFormat, document: &Document) -> ApiResult<DocumentRecord> {
    let inputs = Inputs {
        plugin: accepted.version.name.clone(),
        version: accepted.version.version.clone(),
        digest: accepted.version.digest.clone(),
        kind: link.kind.clone(),
        customer: accepted.request.customer.clone(),
        data: accepted.request.data.clone(),
        format,
        purpose: accepted.request.purpose,
        at: accepted.request.at,
        interaction: accepted.request.interaction.clone(),
    };
    let sha256 = state.blobs().put(&document.bytes).map_err(Problem::internal)?;
    super::archive::record(&inputs, document, sha256, format!("link:{}", link.id), timestamp(Utc::now()))
}

/// The key that signs receipts now, made on first use.
async fn receipt_key(state: &AppState) -> ApiResult<KeyPair> {
    let record = match state.store().active_receipt_key().await? {
        Some(record) => record,
        None => rotate_receipt_key(state, "system").await?,
    };
    let secret = state.secrets().open(&sealing_label(&record.id), &record.secret).map_err(Problem::internal)?;
    let secret: [u8; 32] = secret.try_into().map_err(|_| Problem::internal(format!("receipt key `{}` is not 32 bytes", record.id)))?;
    Ok(KeyPair::new(&record.id, &secret))
}

/// Makes a new receipt signing key, which signs from now on; receipts
/// signed before stay valid (their public keys stay listed).
pub(crate) async fn rotate_receipt_key(state: &AppState, by: &str) -> ApiResult<ReceiptKeyRecord> {
    let secret = crate::store::random_bytes::<32>();
    let id = format!("rk_{}", hex::encode(crate::store::random_bytes::<4>()));
    let pair = KeyPair::new(&id, &secret);
    let record = ReceiptKeyRecord {
        secret: state.secrets().seal(&sealing_label(&id), &secret),
        public_key: pair.public_key(),
        id,
        created_at: timestamp(Utc::now()),
        retired_at: None,
    };
    state.store().rotate_receipt_key(&record, by).await?;
    Ok(record)
}

/// What a receipt key's secret is sealed to (never a webhook endpoint's id).
fn sealing_label(id: &str) -> String {
    format!("receipt-key:{id}")
}

/// The receipt of `acceptance`.
pub(crate) fn receipt(acceptance: &AcceptanceRecord) -> ApiResult<Receipt> {
    serde_json::from_str(&acceptance.receipt).map_err(Problem::internal)
}

fn parse_selections(text: &str) -> ApiResult<Selections> {
    match serde_json::from_str(text).map_err(Problem::internal)? {
        Value::Object(map) => Ok(map),
        _ => Err(Problem::internal("a stored snapshot's selections are not a JSON object")),
    }
}

fn raw(value: &Value) -> ApiResult<Box<RawValue>> {
    RawValue::from_string(value.to_string()).map_err(Problem::internal)
}

/// A plan that states terms the host cannot read: the plugin's fault.
fn plugin_fault(version: &PluginVersion, detail: String) -> Problem {
    Problem::new(
        axum::http::StatusCode::BAD_GATEWAY,
        "plugin-failed",
        format!("plugin `{}@{}` planned an offer the host cannot use: {detail}", version.name, version.version),
    )
}

/// A plugin's refusal of the customer's selections (`interaction.inputs.x`)
/// as the field it names; any other failure as it is.
fn plugin_refusal(problem: Problem) -> Refusal {
    if let Some(field) = problem.path.as_deref().and_then(|p| p.strip_prefix("interaction.inputs.")) {
        let message = problem.detail.clone();
        return Refusal::Fields(vec![FieldError { field: field.to_string(), problem: offer::FieldProblem::Invalid { message } }]);
    }
    Refusal::Problem(problem)
}
