//! The `folio` command line: argument parsing and one function per command.
//! Errors print as one `error:` line naming the cause and exit non-zero.

mod batch;
mod contain;
mod input;
mod limits;
mod plugin;
mod render;
mod serve;
mod verify;

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
    #[command(flatten)]
    limits: limits::LimitArgs,
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
    /// Plan and render a document: HTML, text, JSON, PDF or PNG.
    Render(render::RenderArgs),
    /// Run the HTTP service: plugin registry, render API, archive.
    Serve(serve::ServeArgs),
    /// Work billing runs only (no HTTP): takes `folio serve`'s storage and
    /// render flags (`--addr` is not used) and shares its database and blobs.
    Worker(serve::ServeArgs),
    /// Manage API keys.
    #[command(subcommand)]
    Keys(serve::KeysCommand),
    /// Billing runs on a running service: submit (with a progress bar), status, results, download, cancel.
    #[command(subcommand)]
    Batch(batch::BatchCommand),
    /// Check an acceptance receipt offline, and that a document is the one it accepted.
    Verify(verify::VerifyArgs),
    /// The render zygote, which the service and the other commands start
    /// themselves (not for use by hand).
    #[command(name = "__zygote", hide = true)]
    Zygote,
}

/// Runs the CLI with the process's arguments.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let settings = contain::Settings {
        budgets: cli.limits.budgets(),
        render_limits: cli.limits.render_limits(),
        cache_dir: if cli.no_cache { None } else { cli.cache_dir.or_else(folio::runtime::default_cache_dir) },
    };
    let result = match cli.command {
        Command::Plugin(cmd) => plugin::run(cmd, &settings),
        Command::Plan(args) => plugin::plan(args, &settings),
        Command::Render(args) => render::render(args, &settings),
        Command::Serve(args) => serve::run_serve(args, settings),
        Command::Worker(args) => serve::run_worker(args, settings),
        Command::Keys(cmd) => serve::run_keys(cmd),
        Command::Verify(args) => verify::verify(args),
        Command::Batch(cmd) => batch::run(cmd),
        Command::Zygote => folio::contain::run_zygote(),
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
