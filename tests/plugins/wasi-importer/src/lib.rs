//! Implements the Folio plugin world but also reads the wall clock through
//! WASI — a component the host must refuse to load, naming the import.

wit_bindgen::generate!({
    world: "folio-test:wasi-importer/importer",
    path: ["../../../wit/v0.1", "wit/wasi-clocks.wit", "wit/world.wit"],
    generate_all,
});

use folio::document::types::{DocumentClass, Kind, OutputFormat};
use wasi::clocks::wall_clock;

struct Importer;

impl Guest for Importer {
    fn describe() -> Manifest {
        Manifest {
            name: "wasi-importer".into(),
            version: "0.1.0".into(),
            kinds: vec![Kind {
                name: "clock".into(),
                class: DocumentClass::OnDemand,
                template: "clock".into(),
                slots: vec![],
                formats: vec![OutputFormat::Json],
            }],
        }
    }

    fn plan(_request: Request) -> Result<Plan, PlanError> {
        let now = wall_clock::now();
        Ok(Plan {
            template: "clock".into(),
            view_model: format!("{{\"seconds\": {}}}", now.seconds),
            blocks: vec![],
            title: "clock".into(),
            file_name: "clock".into(),
            freshness_seconds: 0,
            actions: vec![],
        })
    }
}

export!(Importer);
