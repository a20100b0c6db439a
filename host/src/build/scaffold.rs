//! `folio plugin new`: a plugin crate that builds and passes
//! `folio plugin check` unchanged.

use super::BuildError;
use std::path::{Path, PathBuf};

/// The SDK path baked in at build time: the `plugins/sdk` crate of the
/// source tree this `folio` binary was built from.
pub fn default_sdk_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../plugins/sdk")
}

/// Creates a plugin crate called `name` in `dir`, depending on the SDK at
/// `sdk`. Refuses to write into a non-empty directory. Returns the files written.
pub fn scaffold(dir: &Path, name: &str, sdk: &Path) -> Result<Vec<PathBuf>, BuildError> {
    scaffold_files(dir, name, sdk).map_err(BuildError::Scaffold)
}

fn scaffold_files(dir: &Path, name: &str, sdk: &Path) -> Result<Vec<PathBuf>, String> {
    if !is_plugin_name(name) {
        return Err(format!("--name `{name}` must be 1-64 lowercase letters, digits or dashes, starting with a letter"));
    }
    let sdk = sdk
        .canonicalize()
        .map_err(|e| format!("the folio-plugin SDK was not found at {} ({e}); pass --sdk <path to plugins/sdk>", sdk.display()))?;
    if !sdk.join("Cargo.toml").is_file() {
        return Err(format!("{} is not the folio-plugin SDK crate (no Cargo.toml); pass --sdk", sdk.display()));
    }
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?.next().is_some() {
        return Err(format!("{} already exists and is not empty; choose a new directory", dir.display()));
    }
    let type_name: String = name
        .split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect();
    let sdk_toml = sdk.display().to_string().replace('\\', "\\\\").replace('"', "\\\"");
    let files = [
        ("Cargo.toml", CARGO_TOML.replace("{name}", name).replace("{sdk}", &sdk_toml)),
        ("src/lib.rs", LIB_RS.replace("{name}", name).replace("{Type}", &type_name)),
        (&*format!("templates/{name}.hbs"), TEMPLATE.to_string()),
        (".gitignore", "/target\n*.folio\n".to_string()),
    ];
    let mut written = Vec::new();
    for (path, text) in files {
        let path = dir.join(path);
        crate::fsutil::write_atomically(&path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// A manifest name that also makes a tidy crate name (no trailing dash).
fn is_plugin_name(s: &str) -> bool {
    crate::contract::types::is_name(s) && !s.ends_with('-')
}

const CARGO_TOML: &str = r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2024"

[lib]
crate-type = ["cdylib", "rlib"]

[dependencies]
folio-plugin = { path = "{sdk}" }
serde = { version = "1", features = ["derive"] }

[profile.release]
opt-level = 3
lto = true
codegen-units = 1
panic = "abort"
strip = "debuginfo"

# A workspace of its own, so the plugin builds wherever it lives.
[workspace]
"#;

const LIB_RS: &str = r#"//! The `{name}` Folio plugin. Build it with `folio plugin build .`
use folio_plugin::prelude::*;
use folio_plugin::serde_json::json;

pub struct {Type};

#[derive(serde::Deserialize)]
struct Data {
    message: String,
}

impl Plugin for {Type} {
    fn describe() -> Manifest {
        Manifest::new("{name}", env!("CARGO_PKG_VERSION"))
            .kind(Kind::new("{name}", DocumentClass::OnDemand, "{name}"))
    }

    fn plan(request: &Request) -> Result<Plan, PlanError> {
        let data: Data = request.data_as()?;
        let view = json!({ "customer": request.customer.display_name, "message": data.message });
        Plan::new("{name}", &view)?.title("{name}").file_name("{name}").ok()
    }
}

folio_plugin::export_plugin!({Type});

#[cfg(test)]
mod tests {
    use super::*;
    use folio_plugin::{chrono::Utc, Customer};

    #[test]
    fn plans_a_greeting() {
        let customer = Customer::new("c1", "Ana", "en", "UTC", "smb");
        let request = Request::for_test("{name}", customer, json!({"message": "hi"}), Utc::now());
        let plan = {Type}::plan(&request).unwrap();
        assert_eq!(plan.view_model()["message"], "hi");
    }
}
"#;

const TEMPLATE: &str = "<h1>{{title}}</h1>\n<p>{{view.customer}}: {{view.message}}</p>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_bad_names_and_non_empty_dirs() {
        let dir = tempfile::tempdir().unwrap();
        let sdk = default_sdk_path();
        assert!(scaffold(&dir.path().join("x"), "Bad_Name", &sdk).unwrap_err().to_string().contains("--name"));
        std::fs::write(dir.path().join("file"), "x").unwrap();
        assert!(scaffold(dir.path(), "ok", &sdk).unwrap_err().to_string().contains("not empty"));
        assert!(scaffold(&dir.path().join("y"), "ok", &dir.path().join("nosdk")).unwrap_err().to_string().contains("--sdk"));
    }

    #[test]
    fn plugin_names_follow_the_manifest_rule_without_a_trailing_dash() {
        assert!(is_plugin_name("a") && is_plugin_name("hello-world2"));
        for bad in ["", "-a", "a-", "A", "a_b", &"a".repeat(65)] {
            assert!(!is_plugin_name(bad), "{bad}");
        }
    }

    #[test]
    fn writes_a_crate_named_after_the_plugin() {
        let dir = tempfile::tempdir().unwrap();
        let files = scaffold(&dir.path().join("p"), "hello-world", &default_sdk_path()).unwrap();
        assert_eq!(files.len(), 4);
        let lib = std::fs::read_to_string(dir.path().join("p/src/lib.rs")).unwrap();
        assert!(lib.contains("pub struct HelloWorld;"));
        assert!(dir.path().join("p/templates/hello-world.hbs").exists());
    }
}
