//! `folio render`: plan and render one document.

use super::plugin::{PlanArgs, run_plan};
use clap::{Args, ValueEnum};
use folio::RuntimeConfig;
use folio::render::{Format, Renderer};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Html,
    Text,
    Json,
    Pdf,
    /// The first chosen block that has an SVG variant, as an image.
    Png,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    plan: PlanArgs,
    /// The output format.
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Write the document here (atomically) instead of to standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn render(args: RenderArgs, config: &RuntimeConfig) -> Result<(), String> {
    let (bundle, request, plan) = run_plan(&args.plan, config)?;
    let format = match args.format {
        FormatArg::Html => Format::Html,
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Pdf => Format::Pdf,
        FormatArg::Png => Format::Png,
    };
    let renderer = Renderer::new().map_err(|e| e.to_string())?;
    let document = renderer.render(&bundle, &plan, &request, format).map_err(|e| e.to_string())?;
    match args.output {
        Some(path) => folio::fsutil::write_atomically(&path, &document.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => std::io::stdout().write_all(&document.bytes).map_err(|e| format!("cannot write to standard output: {e}")),
    }
}
