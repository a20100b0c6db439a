//! Declares 20,000 document kinds: the manifest check must refuse it at
//! once (it is linear, and bounded before anything else is looked at).
//! 20,000 keeps the guest's own work (building the list) well inside
//! describe()'s 100 ms CPU limit, so the refusal tested is the check's.

use folio_plugin::prelude::*;
use folio_plugin::serde_json::json;

pub struct ManyKinds;

impl Plugin for ManyKinds {
    fn describe() -> Manifest {
        (0..20_000).fold(Manifest::new("many-kinds", "0.1.0"), |m, i| {
            m.kind(Kind::new(&format!("kind-{i}"), DocumentClass::OnDemand, "many").slot("s", &["v"]))
        })
    }

    fn plan(_request: &Request) -> Result<Plan, PlanError> {
        Plan::new("many", &json!({}))?.block("s", "v").ok()
    }
}

folio_plugin::export_plugin!(ManyKinds);
