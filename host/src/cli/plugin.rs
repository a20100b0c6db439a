//! `folio plugin new|build|check` and `folio plan`.

use super::contain::{Contained, Settings, line, line_about};
use super::input::{parse_instant, read_request};
use clap::{Args, Subcommand, ValueEnum};
use folio::build::{BuildOptions, build_plugin, default_sdk_path, scaffold};
use folio::contain::Prepared;
use folio::contract::types::{Plan, Purpose, Request};
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum PluginCommand {
    /// Create a plugin crate that builds and passes `folio plugin check` as is.
    New {
        /// Directory to create (must not exist or be empty).
        dir: PathBuf,
        /// Plugin name: lowercase letters, digits and dashes.
        #[arg(long)]
        name: String,
        /// Path to the folio-plugin SDK crate (default: plugins/sdk of this source tree).
        #[arg(long, value_name = "PATH")]
        sdk: Option<PathBuf>,
    },
    /// Build a plugin crate into a verified `<name>-<version>.folio` bundle.
    Build {
        /// The plugin crate's directory.
        crate_dir: PathBuf,
        /// Output file, or an existing directory to write `<name>-<version>.folio` into.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Cargo target directory for the guest build (default: $FOLIO_GUEST_TARGET_DIR).
        #[arg(long, value_name = "DIR")]
        target_dir: Option<PathBuf>,
    },
    /// Load and validate a bundle, call `describe`, and print its manifest.
    Check {
        bundle: PathBuf,
        /// Print the manifest as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PurposeArg {
    Batch,
    OnDemand,
    OpenTime,
    Interaction,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The plugin bundle.
    #[arg(long, value_name = "BUNDLE")]
    plugin: PathBuf,
    /// The document kind.
    #[arg(long)]
    kind: String,
    /// Input JSON: {"customer": {...}, "data": {...}}.
    #[arg(long, value_name = "FILE")]
    data: PathBuf,
    /// The render instant, RFC 3339 (default: now).
    #[arg(long, value_name = "INSTANT")]
    at: Option<String>,
    /// Override the customer's locale.
    #[arg(long)]
    locale: Option<String>,
    #[arg(long, value_enum, default_value = "on-demand")]
    purpose: PurposeArg,
}

pub fn run(cmd: PluginCommand, settings: &Settings) -> Result<(), String> {
    match cmd {
        PluginCommand::New { dir, name, sdk } => {
            let sdk = sdk.unwrap_or_else(default_sdk_path);
            let files = scaffold(&dir, &name, &sdk).map_err(|e| e.to_string())?;
            println!("created plugin `{name}` in {}:", dir.display());
            for f in files {
                println!("  {}", f.display());
            }
            println!("next: folio plugin build {}", dir.display());
            Ok(())
        }
        PluginCommand::Build { crate_dir, output, target_dir } => {
            let contained = Contained::start(settings)?;
            // The component is compiled and described in a contained worker,
            // as the service will.
            let describe = |wasm: &[u8], contract| {
                contained
                    .block_on(contained.workers().compile(wasm.to_vec(), contract))
                    .map(|(manifest, _)| manifest)
                    .map_err(|e| line_about(&e, "compiling it"))
            };
            let bundle = build_plugin(&crate_dir, &describe, &BuildOptions { target_dir }).map_err(|e| e.to_string())?;
            let path = match output {
                // An existing directory, or a path written as one (`out/`), gets the conventional name.
                Some(p) if p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/') => p.join(bundle.file_name()),
                Some(p) => p,
                None => PathBuf::from(bundle.file_name()),
            };
            bundle.write(&path).map_err(|e| e.to_string())?;
            println!("built {} ({}, digest sha256:{})", path.display(), bundle.contract(), bundle.digest());
            Ok(())
        }
        PluginCommand::Check { bundle, json } => check(&bundle, json, settings),
    }
}

/// Verifies a bundle in a contained worker (digests, contract, the plugin
/// compiled and described, templates compiled) and prints its manifest.
fn check(path: &Path, json: bool, settings: &Settings) -> Result<(), String> {
    let contained = Contained::start(settings)?;
    let (claimed, admitted) = contained.admit(path)?;
    let m = &admitted.manifest;
    if json {
        let out = serde_json::json!({
            "bundle": path.display().to_string(),
            "contract": claimed.contract,
            "digest": format!("sha256:{}", admitted.digest),
            "manifest": m,
            "files": claimed.files,
            "image_kinds": admitted.facts.image_kinds,
        });
        println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
        return Ok(());
    }
    println!("{} ok", path.display());
    println!("  plugin    {} {}", m.name, m.version);
    println!("  contract  {}", claimed.contract);
    println!("  digest    sha256:{}", admitted.digest);
    for kind in &m.kinds {
        let formats: Vec<_> = kind.formats.iter().map(|f| format!("{f:?}").to_lowercase()).collect();
        println!(
            "  kind      {} ({}, template `{}`, formats: {})",
            kind.name,
            serde_json::to_value(kind.class).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            kind.template,
            formats.join(", ")
        );
        for slot in &kind.slots {
            println!("    slot    {}: {}", slot.name, slot.variants.join(" | "));
        }
    }
    let content: Vec<_> = claimed.files.keys().filter(|p| *p != folio::bundle::WASM_FILE).cloned().collect();
    if !content.is_empty() {
        println!("  files     {}", content.join(", "));
    }
    Ok(())
}

/// The request the arguments describe, and the bundle prepared in a
/// started worker.
pub fn prepare(args: &PlanArgs, settings: &Settings) -> Result<(Contained, Prepared, Request), String> {
    let at = match &args.at {
        Some(text) => parse_instant("--at", text)?,
        None => chrono::Utc::now(),
    };
    let purpose = match args.purpose {
        PurposeArg::Batch => Purpose::Batch,
        PurposeArg::OnDemand => Purpose::OnDemand,
        PurposeArg::OpenTime => Purpose::OpenTime,
        PurposeArg::Interaction => Purpose::Interaction,
    };
    let request = read_request(&args.data, &args.kind, purpose, at, args.locale.as_deref())?;
    let contained = Contained::start(settings)?;
    let prepared = contained.prepare(&args.plugin)?;
    Ok((contained, prepared, request))
}

pub fn plan(args: PlanArgs, settings: &Settings) -> Result<(), String> {
    let (contained, prepared, request) = prepare(&args, settings)?;
    let plan: Plan = contained.block_on(contained.workers().plan(&prepared.files, request)).map_err(|e| line(&e))?;
    println!("{}", serde_json::to_string_pretty(&plan).map_err(|e| e.to_string())?);
    Ok(())
}
