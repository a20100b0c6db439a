//! The `folio` command line: argument parsing and one function per command.
//! Errors print as one `error:` line naming the cause and exit non-zero.

mod input;
mod plugin;
mod render;
mod serve;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Folio: document generation with sandboxed WebAssembly plugins.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about)]
pub struct Cli {
    /// Directory for compiled plugins (default: $FOLIO_CACHE_DIR, else ~/.cache/folio/compiled).
    #[arg(long, global = true, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Compile plugins on every run instead of caching them.
    #[arg(long, global = true, conflicts_with = "cache_dir")]
    no_cache: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create, build and check plugins.
    #[command(subcommand)]
    Plugin(plugin::PluginCommand),
    /// Run a plugin's `plan` on an input file and print the plan as JSON.
    Plan(plugin::PlanArgs),
    /// Plan and render a document: HTML, text, JSON or PDF.
    Render(render::RenderArgs),
    /// Run the HTTP service: plugin registry, render API, archive.
    Serve(serve::ServeArgs),
    /// Manage API keys.
    #[command(subcommand)]
    Keys(serve::KeysCommand),
}

/// Runs the CLI with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let result = match cli.command {
        Command::Plugin(cmd) => plugin::run(cmd, &runtime_config(cli.cache_dir, cli.no_cache)),
        Command::Plan(args) => plugin::plan(args, &runtime_config(cli.cache_dir, cli.no_cache)),
        Command::Render(args) => render::render(args, &runtime_config(cli.cache_dir, cli.no_cache)),
        Command::Serve(args) => serve::run_serve(args, runtime_config(cli.cache_dir, cli.no_cache)),
        Command::Keys(cmd) => serve::run_keys(cmd),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to standard error, filtered by `FOLIO_LOG` (default `warn`;
/// `folio serve` is worth running with `FOLIO_LOG=info`). With
/// `FOLIO_LOG_FORMAT=json` each event is one JSON object per line, for log
/// pipelines; otherwise it is human-readable text.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("FOLIO_LOG").unwrap_or_else(|_| "warn".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match std::env::var("FOLIO_LOG_FORMAT").as_deref() {
        Ok("json") => builder.json().init(),
        _ => builder.init(),
    }
}

fn runtime_config(cache_dir: Option<PathBuf>, no_cache: bool) -> folio::RuntimeConfig {
    let mut config = folio::RuntimeConfig::with_default_cache();
    if no_cache {
        config.cache_dir = None;
    } else if cache_dir.is_some() {
        config.cache_dir = cache_dir;
    }
    config
}
