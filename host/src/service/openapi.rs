//! The OpenAPI 3.1 document of the whole API, generated from the handlers'
//! and types' annotations (utoipa) and served at `GET /openapi.json`.

use super::routes::{admin, customers, documents, health, links, open, plugins};
use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Folio", description = "Document generation with sandboxed WebAssembly plugins. Every /v1 route needs `Authorization: Bearer <api key>`; errors are RFC 9457 problem+json."),
    paths(
        health::healthz, health::readyz, health::metrics,
        plugins::upload, plugins::list, plugins::show, plugins::publish, plugins::set_alias,
        documents::create, documents::metadata, documents::content, documents::reproduce,
        customers::put_profile, customers::get_profile, customers::add_events, customers::list_events, customers::timeline,
        admin::audit, admin::create_key,
        links::create, links::revoke, links::opens, links::rotate, links::retire, links::stats, open::open,
    ),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
    }
}

/// `GET /openapi.json`.
pub async fn serve() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
