//! `POST /o/{token}/actions/{action}`: a customer acts on an interactive
//! document: chooses an option, changes a quantity, accepts.
//!
//! No API key: the token is the credential, and the post must carry the
//! snapshot the customer was looking at with its nonce (both in the page's
//! forms), so a post from another site needs the token and a page Folio
//! served. The page's forms post `application/x-www-form-urlencoded` and
//! get the new page back (or the page with what was wrong next to each
//! field); a script posts JSON (`{"snapshot", "nonce", "inputs"}`) and gets
//! JSON. Actions share the open rate limit. Nothing changes on `GET`.

use super::open::{accepted_page, interactive, served_page, token_link};
use crate::offer::{FieldError, Notice};
use crate::render::Format;
use crate::service::offer::{self, ACCEPT, Client, Current, Done, OnPage, Refusal};
use crate::service::problem::Problem;
use crate::service::state::AppState;
use crate::store::AcceptanceRecord;
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::net::SocketAddr;

/// Largest action body: a few fields.
pub const MAX_ACTION_BYTES: usize = 16 << 10;

/// What a script posts.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"snapshot": "snp_0a1b2c3d4e5f60718293a4b5c6d7e8f9", "nonce": "00112233445566778899aabbccddeeff", "inputs": {"seats": 150}}))]
pub struct ActionRequest {
    /// The snapshot the customer is looking at (the page's `_snapshot`).
    #[schema(pattern = "^snp_[0-9a-f]{32}$")]
    pub snapshot: String,
    /// Its nonce (the page's `_nonce`).
    #[schema(pattern = "^[0-9a-f]{32}$")]
    pub nonce: String,
    /// The action's inputs: an object its `inputs` JSON Schema accepts.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub inputs: Value,
}

/// The offer after an action, as a script sees it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OfferView {
    /// The current snapshot: name it in the next post.
    pub snapshot: String,
    /// Its nonce: send it with the next post.
    pub nonce: String,
    /// The customer's selections so far.
    #[schema(value_type = Object)]
    pub selections: Value,
    /// The offer's totals, as the plan states them.
    #[schema(value_type = Object)]
    pub totals: Value,
    /// When the offer stops being open (RFC 3339), if the plan says.
    pub valid_until: Option<String>,
    /// The actions the offer has now.
    pub actions: Vec<String>,
}

/// How the post arrived, and so how to answer it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Form,
    Json,
}

/// Perform an action on an interactive document (no API key: the link's token is the credential).
#[utoipa::path(post, path = "/o/{token}/actions/{action}", operation_id = "act_on_offer", tag = "open-time",
    params(
        ("token" = String, Path, description = "The link's token (88 lower-case hex digits)", pattern = r"^[0-9a-f]{88}$"),
        ("action" = String, Path, description = "The action, one the offer's plan declares (`choose-option`, `change-seats`, `accept`)", pattern = r"^[a-z0-9][a-z0-9_-]{0,63}$")),
    request_body(content = ActionRequest, description = "The snapshot the customer saw, its nonce and the inputs (pages post the same fields as a form: `_snapshot`, `_nonce` and the inputs by name)"),
    responses(
        (status = 200, description = "The new offer (or, for `accept` already done, the acceptance)", body = OfferView),
        (status = 201, description = "`accept`: the acceptance, with its receipt", body = super::acceptances::Acceptance),
        (status = 400, description = "The body is not what was expected", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No or a wrong nonce: reload the page", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No live link, or no such action on this offer"),
        (status = 409, description = "The offer changed since the page was shown, or it was already accepted", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The link or the offer has expired", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither a form nor JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Inputs the action's schema refuses, each field named", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address")))]
pub async fn act(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path((token, action)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if !state.open_limiter().allow(client.ip()) {
        state.metrics().opens_limited.inc();
        return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response();
    }
    let Some((link, secret, expired)) = token_link(&state, &token).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !interactive(&state, &link).await {
        return Problem::not_found("this document offers no actions").into_response();
    }
    let mode = match mode(&headers) {
        Ok(mode) => mode,
        Err(problem) => return problem.into_response(),
    };
    let body = match super::body(body) {
        Ok(body) => body,
        Err(problem) => return problem.into_response(),
    };
    let user_agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("").chars().take(512).collect();
    let client = Client { address: client.ip().to_string(), user_agent };
    let act = Act { on: OnPage { state: &state, link: &link, secret: &secret, token: &token }, mode };
    act.run(&action, &body, expired, &client).await
}

/// One action being answered.
struct Act<'a> {
    on: OnPage<'a>,
    mode: Mode,
}

impl Act<'_> {
    async fn run(&self, action: &str, body: &Bytes, expired: bool, client: &Client) -> Response {
        if let Ok(Some(acceptance)) = self.on.state.store().link_acceptance(&self.on.link.id).await {
            return self.already_accepted(action, &acceptance).await;
        }
        let current = match offer::current(self.on.state, self.on.link).await {
            Ok(current) => current,
            Err(problem) => return problem.into_response(),
        };
        if expired || current.terms.expired(chrono::Utc::now()) {
            return self
                .refuse(
                    &current,
                    StatusCode::GONE,
                    Problem::new(StatusCode::GONE, "offer-expired", "this offer has expired"),
                    Notice::Expired,
                    &[],
                )
                .await;
        }
        let (snapshot, nonce, inputs) = match read(self.mode, body) {
            Ok(read) => read,
            Err(problem) => return problem.into_response(),
        };
        if !crate::offer::nonce_matches(self.on.secret, &self.on.link.id, &snapshot, &nonce) {
            let problem = Problem::new(
                StatusCode::FORBIDDEN,
                "stale-form",
                "the post does not carry the nonce of a page this link served; reload the page and try again",
            );
            return self.refuse(&current, StatusCode::FORBIDDEN, problem, Notice::StaleForm, &[]).await;
        }
        let inputs = match offer::check_inputs(self.on.state, &current, action, inputs.as_ref().map_err(|form| form.as_slice())) {
            Ok(inputs) => inputs,
            Err(refusal) => return self.refused(&current, refusal).await,
        };
        if action == ACCEPT && snapshot != current.snapshot_id {
            let problem = Problem::conflict(
                "offer-changed",
                format!("the offer changed; please review it: the current snapshot is `{}`", current.snapshot_id),
            );
            return self.refuse(&current, StatusCode::CONFLICT, problem, Notice::Changed, &[]).await;
        }
        match self.on.perform(current, action, inputs, client).await {
            Ok(Done::Changed { current, page }) => match self.mode {
                Mode::Form => served_page(StatusCode::OK, page, Format::Html),
                Mode::Json => (StatusCode::OK, Json(self.view(&current))).into_response(),
            },
            Ok(Done::Accepted { acceptance, new }) => {
                self.accepted(&acceptance, if new { StatusCode::CREATED } else { StatusCode::OK }).await
            }
            Err(refusal) => match offer::current(self.on.state, self.on.link).await {
                Ok(current) => self.refused(&current, refusal).await,
                Err(problem) => problem.into_response(),
            },
        }
    }

    /// The offer as a script sees it.
    fn view(&self, current: &Current) -> OfferView {
        OfferView {
            snapshot: current.snapshot_id.clone(),
            nonce: crate::offer::nonce(self.on.secret, &self.on.link.id, &current.snapshot_id),
            selections: Value::Object(current.selections.clone()),
            totals: current.terms.totals.clone(),
            valid_until: current.terms.valid_until.map(crate::store::timestamp),
            actions: current.plan.actions.iter().map(|a| a.name.clone()).collect(),
        }
    }

    /// An accepted link: `accept` again answers with the acceptance; any
    /// other action is too late.
    async fn already_accepted(&self, action: &str, acceptance: &AcceptanceRecord) -> Response {
        if action == ACCEPT {
            return self.accepted(acceptance, StatusCode::OK).await;
        }
        let problem = Problem::conflict(
            "already-accepted",
            format!("this offer was accepted on {}; it can no longer change", acceptance.accepted_at),
        );
        match self.mode {
            Mode::Json => problem.into_response(),
            Mode::Form => match accepted_page(self.on.state, acceptance).await {
                Ok(page) => served_page(StatusCode::CONFLICT, page, Format::Html),
                Err(problem) => problem.into_response(),
            },
        }
    }

    async fn accepted(&self, acceptance: &AcceptanceRecord, status: StatusCode) -> Response {
        match self.mode {
            Mode::Json => match super::acceptances::Acceptance::of(acceptance) {
                Ok(view) => (status, Json(view)).into_response(),
                Err(problem) => problem.into_response(),
            },
            Mode::Form => match accepted_page(self.on.state, acceptance).await {
                Ok(page) => served_page(StatusCode::OK, page, Format::Html),
                Err(problem) => problem.into_response(),
            },
        }
    }

    async fn refused(&self, current: &Current, refusal: Refusal) -> Response {
        match refusal {
            Refusal::Problem(problem) => problem.into_response(),
            Refusal::Fields(errors) => {
                let first = errors.first().map(ToString::to_string).unwrap_or_else(|| "the inputs are not valid".to_string());
                let mut problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid-inputs", first);
                problem.path =
                    errors.first().map(|e| if e.field.is_empty() { "inputs".to_string() } else { format!("inputs.{}", e.field) });
                self.refuse(current, StatusCode::UNPROCESSABLE_ENTITY, problem, Notice::CheckFields, &errors).await
            }
        }
    }

    /// Refuses the post: JSON gets `problem` (with the field errors), a
    /// form gets the current page with `notice` and the errors by their fields.
    async fn refuse(&self, current: &Current, status: StatusCode, problem: Problem, notice: Notice, errors: &[FieldError]) -> Response {
        match self.mode {
            Mode::Json => {
                let mut body = serde_json::to_value(&problem).unwrap_or_else(|_| json!({}));
                body["errors"] =
                    json!(errors.iter().map(|e| json!({"field": e.field, "message": e.to_string(), "detail": e})).collect::<Vec<_>>());
                if status == StatusCode::CONFLICT || status == StatusCode::FORBIDDEN {
                    body["current"] = json!(self.view(current));
                }
                let mut response = (status, Json(body)).into_response();
                response.headers_mut().insert(header::CONTENT_TYPE, header::HeaderValue::from_static("application/problem+json"));
                response
            }
            Mode::Form => match self.on.page(current, Some(notice), errors).await {
                Ok(page) => served_page(status, page, Format::Html),
                Err(_) => problem.into_response(),
            },
        }
    }
}

/// Form or JSON, by the request's content type.
fn mode(headers: &HeaderMap) -> Result<Mode, Problem> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match essence.as_str() {
        "application/x-www-form-urlencoded" => Ok(Mode::Form),
        "application/json" => Ok(Mode::Json),
        _ => Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            format!("send the action as application/x-www-form-urlencoded (a page's form) or application/json, not `{content_type}`"),
        )),
    }
}

/// The snapshot, nonce and inputs of a post: JSON inputs, or a form's fields.
type Posted = (String, String, Result<Value, Vec<(String, String)>>);

fn read(mode: Mode, body: &Bytes) -> Result<Posted, Problem> {
    match mode {
        Mode::Json => {
            let request: ActionRequest =
                serde_json::from_slice(body).map_err(|e| Problem::malformed(format!("the body is not an action request: {e}")))?;
            let inputs = if request.inputs.is_null() { json!({}) } else { request.inputs };
            Ok((request.snapshot, request.nonce, Ok(inputs)))
        }
        Mode::Form => {
            let (mut snapshot, mut nonce, mut fields) = (String::new(), String::new(), Vec::new());
            for (name, value) in url::form_urlencoded::parse(body) {
                match name.as_ref() {
                    "_snapshot" => snapshot = value.into_owned(),
                    "_nonce" => nonce = value.into_owned(),
                    _ => fields.push((name.into_owned(), value.into_owned())),
                }
            }
            Ok((snapshot, nonce, Err(fields)))
        }
    }
}
