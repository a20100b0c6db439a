//! Declares 2,000 document kinds, 31 times the cap of 64: the manifest
//! check must refuse it at once (it is linear, and bounded before anything
//! else is looked at). The count keeps describe()'s whole cost (the guest
//! building the list and the host lifting it, in the suite's opt-level-1
//! build) far inside its 100 ms CPU limit, so the refusal tested is the
//! check's. 20,000 kinds came within that limit on a loaded CI machine and
//! were refused for CPU time instead.

use folio_plugin::prelude::*;
use folio_plugin::serde_json::json;

pub struct ManyKinds;

impl Plugin for ManyKinds {
    fn describe() -> Manifest {
        (0..2_000).fold(Manifest::new("many-kinds", "0.1.0"), |m, i| {
            m.kind(Kind::new(&format!("kind-{i}"), DocumentClass::OnDemand, "many").slot("s", &["v"]))
        })
    }

    fn plan(_request: &Request) -> Result<Plan, PlanError> {
        Plan::new("many", &json!({}))?.block("s", "v").ok()
    }
}

folio_plugin::export_plugin!(ManyKinds);
