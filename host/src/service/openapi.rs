//! The OpenAPI 3.1 document of the whole API, served at `GET /openapi.json`.
//!
//! The handlers' and types' annotations (utoipa) say what each route takes
//! and returns. What every route shares is added here, in one place, so
//! the document cannot forget it on one route: the problem responses that
//! authentication, body parsing and the render queue can give (401, 403,
//! 400, 413, 503, as `application/problem+json`), the media types of
//! document bytes, and a realistic example for each request body (the
//! invoice of `examples/invoice/en-US.json`). The tests compare it with
//! `docs/service.md`, and CI fuzzes the server against
//! it (`tests/api/`).

use super::routes::{acceptances, actions, admin, batches, customers, documents, events, health, links, open, plugins, webhooks};
use crate::event::EventType;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use std::sync::OnceLock;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Folio",
        description = "Document generation with sandboxed WebAssembly plugins. Every /v1 route needs `Authorization: Bearer <api key>` \
                       (the scheme is case-insensitive) with the scope the route names; errors are RFC 9457 problem+json with a \
                       stable `type`. docs/service.md describes the service.",
    ),
    paths(
        health::healthz,
        health::readyz,
        health::metrics,
        openapi_json,
        plugins::upload,
        plugins::list,
        plugins::show,
        plugins::publish,
        plugins::set_alias,
        documents::create,
        documents::metadata,
        documents::content,
        documents::reproduce,
        customers::put_profile,
        customers::get_profile,
        customers::add_events,
        customers::list_events,
        customers::timeline,
        admin::audit,
        admin::create_key,
        links::create,
        links::revoke,
        links::opens,
        links::rotate,
        links::retire,
        links::stats,
        open::open,
        webhooks::create,
        webhooks::list,
        webhooks::show_one,
        webhooks::update,
        webhooks::delete,
        webhooks::rotate,
        webhooks::test,
        webhooks::deliveries,
        webhooks::replay,
        events::list,
        customers::unopened,
        actions::act,
        acceptances::show,
        acceptances::list,
        acceptances::keys,
        acceptances::rotate,
        batches::submit,
        batches::list,
        batches::show,
        batches::results,
        batches::archive,
        batches::cancel,
        batches::pause,
        batches::resume,
    ),
    components(schemas(
        super::problem::Problem,
        crate::event::DocumentCreated,
        crate::event::DocumentOpened,
        crate::event::DocumentInteraction,
        crate::event::DocumentAccepted,
        crate::event::BatchCompleted,
        crate::event::PluginPublished,
        crate::event::AliasMoved,
        crate::event::EndpointDisabled,
        crate::event::Ping,
    ))
)]
struct ApiDoc;

/// This document.
#[utoipa::path(get, path = "/openapi.json", operation_id = "openapi", tag = "operations",
    responses((status = 200, description = "This OpenAPI 3.1 document", content_type = "application/json")))]
#[expect(dead_code, reason = "documents `serve`, which answers the route")]
fn openapi_json() {}

/// `GET /openapi.json`: built once, served as bytes.
pub async fn serve() -> Response {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    let bytes = BYTES.get_or_init(serialized);
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], bytes.as_slice()).into_response()
}

/// The document as JSON text. Object keys come out sorted, except in the
/// media types of document bytes, which are written in the order of
/// [`DOCUMENT_MEDIA_TYPES`]: generated clients parse a response by the
/// first media type they know, and that must not be `application/json`
/// for a body that may be a PDF.
fn serialized() -> Vec<u8> {
    const MARK: &str = "folio:document-media-types";
    let mut doc = document();
    for (method, path, op) in operations(&mut doc) {
        if DOCUMENT_BYTES.contains(&(method.as_str(), path.as_str())) {
            op["responses"]["200"]["content"] = json!(MARK);
        }
    }
    let ordered: Vec<String> =
        DOCUMENT_MEDIA_TYPES.iter().map(|(media, schema)| format!("{}:{}", json!(media), json!({"schema": schema()}))).collect();
    let text = serde_json::to_string(&doc).unwrap_or_default();
    text.replace(&json!(MARK).to_string(), &format!("{{{}}}", ordered.join(","))).into_bytes()
}

/// The whole document.
pub fn document() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_else(|_| json!({}));
    shared_responses(&mut doc);
    bearer_auth(&mut doc);
    event_webhooks(&mut doc);
    for (method, path, op) in operations(&mut doc) {
        conventions(&method, &path, op);
    }
    doc
}

const PROBLEM_REF: &str = "#/components/schemas/Problem";
const PROBLEM_JSON: &str = "application/problem+json";

/// Operations that queue a render (or a plugin check) and so may answer 503 `busy`.
const QUEUED: [(&str, &str); 4] =
    [("post", "/v1/documents"), ("post", "/v1/documents/{id}/reproduce"), ("post", "/v1/open-links"), ("post", "/v1/plugins")];

/// Operations that run a plugin.
const RENDERS: [(&str, &str); 3] = [("post", "/v1/documents"), ("post", "/v1/documents/{id}/reproduce"), ("post", "/v1/open-links")];

/// Operations whose 200 is a document's bytes, in any of the formats.
const DOCUMENT_BYTES: [(&str, &str); 2] = [("post", "/v1/documents"), ("get", "/v1/documents/{id}/content")];

fn shared_responses(doc: &mut Value) {
    let problem = |description: &str| json!({"description": description, "content": {PROBLEM_JSON: {"schema": {"$ref": PROBLEM_REF}}}});
    let mut unauthorized = problem("No usable API key: send `Authorization: Bearer <api key>`");
    unauthorized["headers"] = json!({"WWW-Authenticate": {"description": "`Bearer`", "required": true, "schema": {"type": "string"}}});
    let mut busy = problem("Every render worker is busy and the queue is full; retry after `Retry-After` seconds");
    busy["headers"] = json!({"Retry-After": {"description": "Seconds to wait", "required": true, "schema": {"type": "integer"}}});
    let responses = json!({
        "Unauthorized": unauthorized,
        "Forbidden": problem("The key lacks the scope this route needs, or the action is not allowed to it"),
        "Malformed": problem("The body is not well-formed JSON of the right shape (`malformed-request`)"),
        "Invalid": problem("A value is wrong; `path` names it (`invalid-input`, or the plugin's own problem)"),
        "NotFound": problem("Nothing by that name or id"),
        "TooLarge": problem("The body is larger than the route accepts (`body-too-large`)"),
        "Busy": busy,
        "Upstream": problem("The plugin or its templates failed: `plugin-failed`, `template-failed`, or `render-failed` with its `class`"),
        "Conflict": problem("The request conflicts with what is stored (a draft version, a version or key used before)"),
        "Internal": problem("Folio's fault; the server log has the cause"),
    });
    let components = doc.as_object_mut().map(|d| d.entry("components").or_insert_with(|| json!({})));
    if let Some(Value::Object(components)) = components {
        components.insert("responses".into(), responses);
    }
}

/// The `webhooks` section (OpenAPI 3.1): each event type as the request
/// Folio sends a receiver, with its Standard Webhooks headers and its
/// envelope around the type's payload schema.
fn event_webhooks(doc: &mut Value) {
    let header = |description: &str| json!({"description": description, "required": true, "schema": {"type": "string"}});
    let mut hooks = Map::new();
    for t in EventType::ALL {
        let body = json!({
            "type": "object",
            "required": ["id", "type", "version", "timestamp", "data"],
            "properties": {
                "id": {"type": "string", "description": "The event's id: the same on every attempt (also in `webhook-id`)"},
                "type": {"const": t.as_str(), "description": "The event type"},
                "version": {"const": t.version(), "description": "The version of this type's `data` shape"},
                "timestamp": {"type": "string", "format": "date-time", "description": "When it happened"},
                "data": {"$ref": format!("#/components/schemas/{}", t.schema_name())},
            },
        });
        let operation = json!({
            "operationId": format!("on_{}", t.as_str().replace('.', "_")),
            "summary": format!("`{}`: {}", t.as_str(), schema_summary(t)),
            "description": "Sent as a Standard Webhooks 1.0 request: verify `webhook-signature` (HMAC-SHA256 over                             `webhook-id.webhook-timestamp.body` with the endpoint's secret; during a rotation it lists two                             signatures, either verifies), refuse old timestamps, and use `webhook-id` to drop duplicates:                             delivery is at least once. Answer 2xx within 15 s; 410 disables the endpoint; anything else is retried.",
            "parameters": [
                {"name": "webhook-id", "in": "header", "required": true, "description": "The event's id", "schema": {"type": "string"}},
                {"name": "webhook-timestamp", "in": "header", "required": true, "description": "Unix seconds of this attempt", "schema": {"type": "string"}},
                {"name": "webhook-signature", "in": "header", "required": true, "description": "`v1,<base64>`, space-separated when there are two", "schema": {"type": "string"}},
            ],
            "requestBody": {"required": true, "content": {"application/json": {"schema": body}}},
            "responses": {
                "2XX": {"description": "Received"},
                "410": {"description": "Gone: disable this endpoint"},
                "default": {"description": "Anything else (or no answer in 15 s) is retried on the schedule", "headers": {"Retry-After": header("Seconds (or a date) before the next attempt; lengthens the wait")}},
            },
        });
        hooks.insert(t.as_str().to_string(), json!({"post": operation}));
    }
    if let Some(doc) = doc.as_object_mut() {
        doc.insert("webhooks".into(), Value::Object(hooks));
    }
}

fn schema_summary(t: EventType) -> &'static str {
    match t {
        EventType::DocumentCreated => "a rendered document was archived",
        EventType::DocumentOpened => "a person opened an open link, first or again after a quiet spell",
        EventType::PluginPublished => "a plugin version was published",
        EventType::AliasMoved => "an alias now points at another version",
        EventType::EndpointDisabled => "a webhook endpoint was disabled",
        EventType::Ping => "a test of one endpoint",
        EventType::DocumentInteraction => "a customer acted on an interactive document; its offer changed",
        EventType::DocumentAccepted => "a customer accepted an interactive document's offer",
        EventType::BatchCompleted => "every item of a billing run is done, failed or cancelled",
    }
}

fn bearer_auth(doc: &mut Value) {
    if let Some(Value::Object(components)) = doc.get_mut("components") {
        let schemes = components.entry("securitySchemes").or_insert_with(|| json!({}));
        schemes["bearer"] = json!({"type": "http", "scheme": "bearer", "description": "An API key: `folio_<id>_<secret>`"});
    }
}

/// Every operation: (method, path, operation).
fn operations(doc: &mut Value) -> Vec<(String, String, &mut Map<String, Value>)> {
    let Some(Value::Object(paths)) = doc.get_mut("paths") else { return Vec::new() };
    let mut out = Vec::new();
    for (path, item) in paths.iter_mut() {
        let Value::Object(item) = item else { continue };
        for (method, op) in item.iter_mut() {
            if let Value::Object(op) = op {
                out.push((method.clone(), path.clone(), op));
            }
        }
    }
    out
}

fn conventions(method: &str, path: &str, op: &mut Map<String, Value>) {
    let authenticated = op.contains_key("security");
    let has_body = op.contains_key("requestBody");
    let has_path_params = path.contains('{');
    let has_query = op.get("parameters").and_then(Value::as_array).is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
    if (method, path) == ("post", "/o/{token}/actions/{action}") {
        // What the page's forms post: the same fields, by name.
        op["requestBody"]["content"]["application/x-www-form-urlencoded"] = json!({"schema": {
            "type": "object",
            "required": ["_snapshot", "_nonce"],
            "properties": {
                "_snapshot": {"type": "string", "description": "The snapshot the page shows"},
                "_nonce": {"type": "string", "description": "The page's nonce for it"},
            },
            "additionalProperties": {"type": "string", "description": "An input, read as the type its JSON Schema declares"},
        }});
    }
    let responses = op.entry("responses").or_insert_with(|| json!({}));
    let Value::Object(responses) = responses else { return };
    for response in responses.values_mut() {
        problem_media_type(response);
    }
    let mut shared = |status: &str, name: &str| {
        responses.entry(status).or_insert_with(|| json!({"$ref": format!("#/components/responses/{name}")}));
    };
    if authenticated {
        shared("401", "Unauthorized");
        shared("403", "Forbidden");
        shared("500", "Internal");
    }
    if has_body {
        shared("400", "Malformed");
        shared("413", "TooLarge");
        shared("422", "Invalid");
    }
    if has_query {
        shared("422", "Invalid");
    }
    if has_path_params && authenticated {
        shared("404", "NotFound");
        shared("422", "Invalid");
    }
    if QUEUED.contains(&(method, path)) {
        shared("503", "Busy");
    }
    if RENDERS.contains(&(method, path)) {
        // A plugin, version, alias or profile that is not there; a draft
        // named where a published version is needed; the plugin failing.
        shared("404", "NotFound");
        shared("409", "Conflict");
        shared("502", "Upstream");
    }
    if DOCUMENT_BYTES.contains(&(method, path))
        && let Some(ok) = responses.get_mut("200")
    {
        ok["content"] = document_media_types();
    }
    if (method, path) == ("get", "/o/{token}") {
        open_responses(responses);
    }
    for (status, link_name, link) in links(method, path) {
        if let Some(response) = responses.get_mut(status) {
            response["links"][link_name] = link;
        }
    }
    if (method, path) == ("get", "/v1/batches/{id}/archive")
        && let Some(ok) = responses.get_mut("200")
    {
        ok["content"] = json!({"application/zip": {"schema": {"type": "string", "contentMediaType": "application/zip"}}});
    }
    if (method, path) == ("post", "/v1/plugins") {
        // Bytes, not the array of integers utoipa makes of `Vec<u8>`.
        op["requestBody"]["content"] = json!({"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}});
    }
    if let Some(example) = request_example(method, path)
        && let Some(Value::Object(content)) = op.get_mut("requestBody").and_then(|b| b.get_mut("content"))
    {
        for media in content.values_mut() {
            media["example"] = example.clone();
        }
    }
}

/// Problems are served as `application/problem+json`; utoipa writes
/// `application/json` for every body it is given.
fn problem_media_type(response: &mut Value) {
    let Some(Value::Object(content)) = response.get_mut("content") else { return };
    let is_problem = content.get("application/json").is_some_and(|m| m["schema"]["$ref"] == PROBLEM_REF);
    if is_problem && let Some(media) = content.remove("application/json") {
        content.insert(PROBLEM_JSON.into(), media);
    }
}

/// A media type and a function making its schema.
type MediaType = (&'static str, fn() -> Value);

/// The media types a document's bytes are served as, and their schemas.
const DOCUMENT_MEDIA_TYPES: [MediaType; 4] = [
    ("text/html; charset=utf-8", || json!({"type": "string"})),
    ("text/plain; charset=utf-8", || json!({"type": "string"})),
    ("application/pdf", || json!({"type": "string", "contentMediaType": "application/pdf"})),
    ("application/json", || json!({})),
];

fn document_media_types() -> Value {
    Value::Object(DOCUMENT_MEDIA_TYPES.iter().map(|(media, schema)| (media.to_string(), json!({"schema": schema()}))).collect())
}

/// `/o/{token}`: the page or the image, a bare 404, or 429 with `Retry-After`.
fn open_responses(responses: &mut Map<String, Value>) {
    responses.insert(
        "200".into(),
        json!({
            "description": "The document rendered now, from the customer's current profile (or its fallback): the page for \
                            `/o/{token}`, the image for `/o/{token}.png`",
            "content": {
                "text/html; charset=utf-8": {"schema": {"type": "string"}},
                "image/png": {"schema": {"type": "string", "contentMediaType": "image/png"}},
            },
        }),
    );
    responses.insert("404".into(), json!({"description": "No live link by that token (never says why)"}));
    responses.insert(
        "429".into(),
        json!({
            "description": "Too many opens from this address",
            "headers": {"Retry-After": {"description": "Seconds to wait", "required": true, "schema": {"type": "integer"}}},
        }),
    );
}

/// OpenAPI links: where the ids an operation returns can be used next
/// (generated clients and the fuzzer's stateful phase follow them).
fn links(method: &str, path: &str) -> Vec<(&'static str, &'static str, Value)> {
    let to = |operation: &str, parameters: Value| json!({"operationId": operation, "parameters": parameters});
    let document = || json!({"id": "$response.header.Folio-Document-Id"});
    let customer = || json!({"id": "$response.body#/id"});
    let link = || json!({"id": "$response.body#/id"});
    let version = || json!({"name": "$response.body#/name", "version": "$response.body#/version"});
    match (method, path) {
        ("post", "/v1/documents") => vec![
            ("200", "DocumentMetadata", to("document_metadata", document())),
            ("200", "DocumentContent", to("document_content", document())),
            ("200", "ReproduceDocument", to("reproduce_document", document())),
        ],
        ("put", "/v1/customers/{id}") => vec![
            ("200", "GetCustomer", to("get_customer", customer())),
            ("200", "AddCustomerEvents", to("add_customer_events", customer())),
            ("200", "ListCustomerEvents", to("list_customer_events", customer())),
            ("200", "CustomerTimeline", to("customer_timeline", customer())),
        ],
        ("post", "/v1/open-links") => {
            vec![
                ("201", "LinkOpens", to("link_opens", link())),
                ("201", "RevokeOpenLink", to("revoke_open_link", link())),
                ("201", "OpenLink", to("open_link", json!({"token": "$response.body#/token"}))),
            ]
        }
        ("post", "/v1/plugins") => vec![
            ("201", "PublishVersion", to("publish_version", version())),
            ("201", "ShowPlugin", to("show_plugin", json!({"name": "$response.body#/name"}))),
        ],
        ("post", "/v1/plugins/{name}/versions/{version}/publish") => {
            vec![("200", "SetAlias", to("set_alias", json!({"name": "$response.body#/name", "alias": "stable"})))]
        }
        ("post", "/v1/signing-keys") => vec![("201", "RetireSigningKey", to("retire_signing_key", json!({"id": "$response.body#/id"})))],
        ("post", "/v1/webhooks") => {
            let endpoint = || json!({"id": "$response.body#/id"});
            vec![
                ("201", "GetWebhook", to("get_webhook", endpoint())),
                ("201", "UpdateWebhook", to("update_webhook", endpoint())),
                ("201", "TestWebhook", to("test_webhook", endpoint())),
                ("201", "WebhookDeliveries", to("webhook_deliveries", endpoint())),
                ("201", "RotateWebhookSecret", to("rotate_webhook_secret", endpoint())),
                ("201", "ReplayWebhook", to("replay_webhook", endpoint())),
                ("201", "DeleteWebhook", to("delete_webhook", endpoint())),
            ]
        }
        _ => Vec::new(),
    }
}

/// The example request body of an operation, from the examples `make run` renders.
fn request_example(method: &str, path: &str) -> Option<Value> {
    let invoice: Value = serde_json::from_str(include_str!("../../../examples/invoice/en-US.json")).ok()?;
    let customer = invoice["customer"].clone();
    let data = invoice["data"].clone();
    Some(match (method, path) {
        ("post", "/v1/documents") => json!({
            "plugin": "invoice", "alias": "stable", "kind": "invoice", "format": "pdf",
            "customer": customer, "data": data, "at": "2026-11-22T09:00:00Z", "store": true,
        }),
        ("put", "/v1/customers/{id}") => customer,
        ("post", "/v1/customers/{id}/events") => json!({
            "events": [{"name": format!("paid:{}", data["number"].as_str().unwrap_or_default()), "value": true, "at": "2026-11-20T10:00:00Z"}],
        }),
        ("post", "/v1/open-links") => json!({
            "plugin": "invoice", "kind": "invoice", "customer_id": customer["id"], "data": data, "formats": ["html", "png"],
        }),
        ("put", "/v1/plugins/{name}/aliases/{alias}") => json!({"version": "1.0.0"}),
        ("post", "/v1/keys") => json!({"name": "billing-eu", "scopes": ["render"]}),
        ("post", "/v1/webhooks") => json!({
            "url": "https://hooks.example.com/folio", "events": ["document.created", "document.opened"], "description": "CRM: invoices and opens",
        }),
        ("patch", "/v1/webhooks/{id}") => json!({"events": ["document.created", "alias.moved"], "description": "CRM and release notes"}),
        ("post", "/v1/webhooks/{id}/replay") => json!({"since": "2026-11-30T00:00:00Z"}),
        ("post", "/o/{token}/actions/{action}") => json!({
            "snapshot": "snp_0a1b2c3d4e5f60718293a4b5c6d7e8f9", "nonce": "00112233445566778899aabbccddeeff", "inputs": {"seats": 150},
        }),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Every property of every schema, and every parameter, says what it is.
    #[test]
    fn every_field_and_parameter_has_a_description() {
        let doc = document();
        let mut missing = Vec::new();
        for (name, schema) in doc["components"]["schemas"].as_object().into_iter().flatten() {
            for (field, property) in schema["properties"].as_object().into_iter().flatten() {
                // An optional reference is `oneOf: [null, {$ref, description}]`.
                let described = |p: &Value| p["description"].as_str().is_some_and(|d| !d.is_empty());
                let optional_ref = property["oneOf"].as_array().is_some_and(|alts| alts.iter().any(described));
                if !described(property) && !optional_ref {
                    missing.push(format!("schema {name}.{field}"));
                }
            }
        }
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                for p in op["parameters"].as_array().into_iter().flatten() {
                    if p["description"].as_str().is_none_or(str::is_empty) {
                        missing.push(format!("{method} {path} parameter {}", p["name"]));
                    }
                }
                if op["description"].as_str().or(op["summary"].as_str()).is_none_or(str::is_empty) {
                    missing.push(format!("{method} {path} has no summary"));
                }
            }
        }
        assert!(missing.is_empty(), "undocumented: {missing:#?}");
    }

    /// Problems are declared as they are served, and every authenticated
    /// route declares the statuses authentication and parsing give.
    #[test]
    fn problems_and_shared_statuses_are_declared() {
        let doc = document();
        let text = doc.to_string();
        assert!(!text.contains(r##""application/json":{"schema":{"$ref":"#/components/schemas/Problem"}}"##), "{text}");
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                let responses = &op["responses"];
                if path.starts_with("/v1/") {
                    for status in ["401", "403", "500"] {
                        assert!(responses[status].is_object(), "{method} {path} lacks {status}");
                    }
                }
                if op.get("requestBody").is_some() {
                    for status in ["400", "413", "422"] {
                        assert!(responses[status].is_object(), "{method} {path} lacks {status}");
                    }
                }
                for p in op["parameters"].as_array().into_iter().flatten() {
                    let expected = if path.contains(&format!("{{{}}}", p["name"].as_str().unwrap_or_default())) { "path" } else { "query" };
                    if p["in"] != "header" {
                        assert_eq!(p["in"], expected, "{method} {path} parameter {}", p["name"]);
                    }
                }
            }
        }
        let open = &doc["paths"]["/o/{token}"]["get"]["responses"]["200"]["content"];
        assert!(open["text/html; charset=utf-8"].is_object() && open["image/png"].is_object(), "{open}");
    }

    /// Every event type is in the `webhooks` section with its payload's schema.
    #[test]
    fn every_event_type_has_its_payload_schema() {
        let doc = document();
        for t in EventType::ALL {
            let body = &doc["webhooks"][t.as_str()]["post"]["requestBody"]["content"]["application/json"]["schema"];
            let reference = body["properties"]["data"]["$ref"].as_str().unwrap_or_default();
            let name = reference.trim_start_matches("#/components/schemas/");
            assert!(doc["components"]["schemas"][name]["properties"].is_object(), "{t}: no schema `{reference}`");
        }
    }

    /// What is served is the document, with document media types in order.
    #[test]
    fn the_served_text_is_the_document() {
        let served: Value = serde_json::from_slice(&serialized()).unwrap_or_default();
        assert_eq!(served, document());
        let text = String::from_utf8(serialized()).unwrap_or_default();
        let ordered = r#""content":{"text/html; charset=utf-8":{"schema":{"type":"string"}},"text/plain; charset=utf-8":"#;
        assert_eq!(text.matches(ordered).count(), DOCUMENT_BYTES.len(), "text/html comes first");
    }

    /// Every operation has an id of its own (generated clients name their
    /// functions by it).
    #[test]
    fn operation_ids_are_unique() {
        let doc = document();
        let mut seen = BTreeSet::new();
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                let id = op["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path} has no operationId"));
                assert!(seen.insert(id.to_string()), "{method} {path}: operationId `{id}` is used twice");
            }
        }
    }

    /// Every JSON request body carries a realistic example (the fuzzer's
    /// example phase sends each one and expects it accepted).
    #[test]
    fn request_bodies_have_examples() {
        let doc = document();
        let mut with_examples = 0;
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for (method, op) in item.as_object().into_iter().flatten() {
                let Some(body) = op["requestBody"]["content"].get("application/json") else { continue };
                assert!(body["example"].is_object(), "{method} {path} has no example");
                with_examples += 1;
            }
        }
        assert_eq!(with_examples, 10);
    }

    /// The routes this document lists and the routes `docs/service.md`
    /// lists are the same (the fuzzer in `tests/api` calls each of them).
    #[test]
    fn the_document_and_the_docs_list_the_same_routes() {
        let doc = document();
        let mut documented = BTreeSet::new();
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            for method in item.as_object().into_iter().flatten().map(|(m, _)| m.to_uppercase()) {
                documented.insert(format!("{method} {path}"));
            }
        }
        let service_md = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/service.md")).unwrap_or_default();
        let listed = routes_table(&service_md);
        assert!(!listed.is_empty(), "docs/service.md has no `## Routes` table");
        let only_docs: Vec<_> = listed.difference(&documented).collect();
        let only_openapi: Vec<_> = documented.difference(&listed).collect();
        assert!(
            only_docs.is_empty() && only_openapi.is_empty(),
            "only in docs/service.md: {only_docs:?}; only in OpenAPI: {only_openapi:?}"
        );
    }

    /// `METHOD /path` of each row of the first table after `## Routes`.
    fn routes_table(markdown: &str) -> BTreeSet<String> {
        let section = markdown.split("\n## Routes").nth(1).unwrap_or_default();
        let section = section.split("\n## ").next().unwrap_or_default();
        section
            .lines()
            .filter_map(|line| {
                let mut cells = line.split('|').map(str::trim).skip(1);
                let (method, path) = (cells.next()?.trim_matches('`'), cells.next()?.trim_matches('`'));
                (["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&method)).then(|| format!("{method} {path}"))
            })
            .collect()
    }
}
