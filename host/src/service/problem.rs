//! Every error the API returns, mapped in one place to an RFC 9457
//! `application/problem+json` response with a stable `type`, a human
//! `detail` and, for input errors, the JSON `path` at fault.

use crate::contain::{Failure, JobError, StopClass};
use crate::render::RenderError;
use crate::runtime::CallError;
use crate::store::StoreError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A problem response. Build one with the constructors; `type` is
/// `urn:folio:problem:<slug>` and never changes for a given slug.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// `urn:folio:problem:<slug>`: what kind of problem, stable for programs to match on.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// The status code's reason phrase.
    pub title: &'static str,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong and what to do, for people.
    pub detail: String,
    /// The JSON path of the input at fault (`customer.id`, `data.lines[2].quantity`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// For `render-failed`: how the render failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<FailureClass>,
    /// Seconds to wait before retrying, for 503s.
    #[serde(skip)]
    pub retry_after: Option<u16>,
    /// For 500s: the cause, which the client never sees and the request
    /// log records (see [`Cause`]).
    #[serde(skip)]
    pub cause: Option<String>,
}

/// How a render was stopped (`class` of a `render-failed` problem).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum FailureClass {
    /// It used its CPU time budget.
    Timeout,
    /// It needed more memory than its budget.
    Memory,
    /// Its worker crashed.
    Crash,
    /// The templates ran into a render limit (depth, size, count).
    Limit,
}

impl From<StopClass> for FailureClass {
    fn from(class: StopClass) -> Self {
        match class {
            StopClass::Timeout => FailureClass::Timeout,
            StopClass::Memory => FailureClass::Memory,
            StopClass::Crash => FailureClass::Crash,
        }
    }
}

/// The cause of an internal error, carried on the response for the request
/// log (`service::observe`), which is where errors are logged.
#[derive(Debug, Clone)]
pub struct Cause(pub String);

/// The error type of every handler.
pub type ApiResult<T> = Result<T, Problem>;

impl Problem {
    /// A problem of kind `slug` with HTTP `status`.
    pub fn new(status: StatusCode, slug: &str, detail: impl Into<String>) -> Self {
        Problem {
            type_uri: format!("urn:folio:problem:{slug}"),
            title: status.canonical_reason().unwrap_or("Error"),
            status: status.as_u16(),
            detail: detail.into(),
            path: None,
            class: None,
            retry_after: None,
            cause: None,
        }
    }

    /// 502 `render-failed` of `class`: the bundle's render was stopped.
    pub fn render_failed(class: FailureClass, detail: impl Into<String>) -> Self {
        let mut p = Problem::new(StatusCode::BAD_GATEWAY, "render-failed", detail);
        p.class = Some(class);
        p
    }

    /// 503 `busy`, to be retried after a second.
    pub fn busy(detail: impl Into<String>) -> Self {
        let mut p = Problem::new(StatusCode::SERVICE_UNAVAILABLE, "busy", detail);
        p.retry_after = Some(1);
        p
    }

    /// The slug this problem was made with.
    pub fn slug(&self) -> &str {
        self.type_uri.trim_start_matches("urn:folio:problem:")
    }

    /// The same problem naming the JSON path at fault.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// 400: the body is not the JSON it should be.
    pub fn malformed(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::BAD_REQUEST, "malformed-request", detail)
    }

    /// 422: well-formed input with a wrong value at `path`.
    pub fn invalid(path: &str, detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid-input", detail).at(path)
    }

    /// 401: no usable API key.
    pub fn unauthorized(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::UNAUTHORIZED, "unauthorized", detail)
    }

    /// 403: the key lacks a scope, or the action is not allowed to this caller.
    pub fn forbidden(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::FORBIDDEN, "forbidden", detail)
    }

    /// 404.
    pub fn not_found(detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::NOT_FOUND, "not-found", detail)
    }

    /// 409: the request conflicts with what is stored.
    pub fn conflict(slug: &str, detail: impl Into<String>) -> Self {
        Problem::new(StatusCode::CONFLICT, slug, detail)
    }

    /// 500: our fault. The detail given to the client is generic; the cause
    /// goes to the request log.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let mut p = Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "an internal error occurred; the server log has the cause");
        p.cause = Some(cause.to_string());
        p
    }
}

impl From<StoreError> for Problem {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict(_) => Problem::conflict("concurrent-change", e.to_string()),
            e => Problem::internal(e),
        }
    }
}

impl From<CallError> for Problem {
    fn from(e: CallError) -> Self {
        use crate::contract::types::PlanError;
        let detail = e.to_string();
        match e {
            CallError::Plan(PlanError::InvalidInput { path, .. }) => Problem::invalid(&path, detail),
            CallError::Plan(PlanError::MissingData { .. }) => Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "missing-data", detail),
            CallError::UnknownKind { .. } => Problem::invalid("kind", detail),
            CallError::RequestTooLarge { .. } => Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "request-too-large", detail),
            CallError::Busy { .. } => Problem::busy(detail),
            // The plugin itself failed or broke a limit: an upstream fault.
            _ => Problem::new(StatusCode::BAD_GATEWAY, "plugin-failed", detail),
        }
    }
}

impl From<RenderError> for Problem {
    fn from(e: RenderError) -> Self {
        match e {
            RenderError::Locale(message) => Problem::invalid("customer.locale", message),
            // The bundle's templates are at fault, not the caller or the host.
            e @ (RenderError::Templates { .. }
            | RenderError::UnknownTemplate { .. }
            | RenderError::Template(_)
            | RenderError::NoImage { .. }) => Problem::new(StatusCode::BAD_GATEWAY, "template-failed", e.to_string()),
            RenderError::Output(message) => Problem::internal(message),
            e @ RenderError::Limit { .. } => Problem::render_failed(FailureClass::Limit, e.to_string()),
        }
    }
}

impl From<Failure> for Problem {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Job(JobError::Plan(e)) => Problem::from(e),
            Failure::Job(JobError::Render(e)) => Problem::from(e),
            Failure::Job(e @ JobError::Memory { .. }) => Problem::render_failed(FailureClass::Memory, e.to_string()),
            Failure::Job(e @ JobError::Panic(_)) => Problem::render_failed(FailureClass::Crash, e.to_string()),
            ref stopped @ Failure::Stopped { class, .. } => Problem::render_failed(class.into(), stopped.to_string()),
            Failure::Busy { .. } => Problem::busy(failure.to_string()),
            Failure::Job(e @ (JobError::Bundle(_) | JobError::Load(_) | JobError::Protocol(_))) => Problem::internal(e),
            e @ Failure::Unavailable(_) => {
                let mut p = Problem::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", e.to_string());
                p.retry_after = Some(5);
                p
            }
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if let Some(cause) = self.cause {
            response.extensions_mut().insert(Cause(cause));
        }
        response
    }
}

/// Parses a JSON body into `T`, naming the JSON path of the first error.
/// Unknown fields are refused where `T` says `deny_unknown_fields`.
pub fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> ApiResult<T> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let detail = format!("request body: {inner}");
        if inner.is_data() { Problem::invalid(if path == "." { "" } else { &path }, detail) } else { Problem::malformed(detail) }
    })?;
    de.end().map_err(|e| Problem::malformed(format!("request body: {e}")))?;
    Ok(value)
}
