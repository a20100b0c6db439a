//! `folio render`: plan and render one document.

use super::contain::{Settings, line};
use super::plugin::{PlanArgs, prepare};
use clap::{Args, ValueEnum};
use folio::render::Format;
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

pub fn render(args: RenderArgs, settings: &Settings) -> Result<(), String> {
    let (contained, prepared, request) = prepare(&args.plan, settings)?;
    let format = match args.format {
        FormatArg::Html => Format::Html,
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Pdf => Format::Pdf,
        FormatArg::Png => Format::Png,
    };
    let document = contained.block_on(contained.workers().render(&prepared.files, request, format)).map_err(|e| line(&e))?;
    match args.output {
        Some(path) => folio::fsutil::write_atomically(&path, &document.bytes).map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => std::io::stdout().write_all(&document.bytes).map_err(|e| format!("cannot write to standard output: {e}")),
    }
}
