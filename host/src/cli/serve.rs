//! `folio serve` and `folio keys create`.

use super::contain::Settings;
use super::limits::parse_duration;
use clap::{Args, Subcommand};
use folio::contain::ContainConfig;
use folio::service::{ServeConfig, open_store, serve};
use folio::store::Scope;
use folio::webhook::{AddressPolicy, RetrySchedule, WebhookConfig};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the service's data lives: shared by `serve` and `keys`.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// Directory for the SQLite database, blobs and compiled plugins.
    #[arg(long, value_name = "DIR", default_value = "./folio-data", env = "FOLIO_DATA_DIR")]
    data_dir: PathBuf,
    /// Use this PostgreSQL database instead of SQLite (postgres://user@host/db).
    #[arg(long, value_name = "URL", env = "FOLIO_DATABASE_URL")]
    database_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port; the bound address is printed).
    #[arg(long, default_value = "127.0.0.1:8080", env = "FOLIO_ADDR")]
    addr: SocketAddr,
    #[command(flatten)]
    data: DataArgs,
    /// Directory for bundles and rendered documents (default: <data-dir>/blobs).
    /// Replicas sharing one database must share this directory.
    #[arg(long, value_name = "DIR", env = "FOLIO_BLOB_DIR")]
    blob_dir: Option<PathBuf>,
    /// The URL clients reach this service at (open-link URLs start with it);
    /// default http://<addr>.
    #[arg(long, value_name = "URL", env = "FOLIO_PUBLIC_URL")]
    public_url: Option<String>,
    /// Requests a second per client address on /o/… (bursts of twice that);
    /// 0 turns the limit off (do that behind a reverse proxy and limit there).
    #[arg(long, value_name = "N", default_value_t = 50, env = "FOLIO_OPEN_RATE_LIMIT")]
    open_rate_limit: u32,
    /// How long an open link is not rendered again after its render was
    /// stopped (timeout, memory, crash); its opens get the fallback.
    #[arg(long, value_name = "TIME", default_value = "10m", value_parser = parse_duration, env = "FOLIO_OPEN_SUSPEND")]
    open_suspend: std::time::Duration,
    /// Render worker processes (default: twice the number of cores).
    #[arg(long, value_name = "N", env = "FOLIO_RENDER_WORKERS", value_parser = clap::value_parser!(u16).range(1..=512))]
    render_workers: Option<u16>,
    /// Workers one plugin version may hold at once (default: half of them).
    #[arg(long, value_name = "N", env = "FOLIO_RENDER_SHARE", value_parser = clap::value_parser!(u16).range(1..=512))]
    render_share: Option<u16>,
    /// Billing-run items worked at a time by this process; 0 works no runs
    /// (leave them to `folio worker`). Default: twice the batch workers, so
    /// one item is archived while another renders.
    #[arg(long, value_name = "N", env = "FOLIO_BATCH_CONCURRENCY", value_parser = clap::value_parser!(u16).range(0..=512))]
    batch_concurrency: Option<u16>,
    /// Render worker processes for billing runs, apart from the render
    /// workers, forked when a run first needs them (default: one per core).
    #[arg(long, value_name = "N", env = "FOLIO_BATCH_WORKERS", value_parser = clap::value_parser!(u16).range(1..=512))]
    batch_workers: Option<u16>,
    /// The CPU priority of batch work: a nice value (0 to 19), by which the
    /// kernel gives renders people wait for that much precedence over runs,
    /// or `idle` (SCHED_IDLE): runs only take CPU time nothing else wants.
    #[arg(long, value_name = "NICE|idle", default_value = "10", env = "FOLIO_BATCH_NICE")]
    batch_nice: folio::contain::BatchPriority,
    /// How long a worker's claim on billing-run items lasts without its
    /// heartbeat: after a worker dies, its items are taken over this long
    /// after its last heartbeat.
    #[arg(long, value_name = "TIME", default_value = "30s", value_parser = parse_duration, env = "FOLIO_BATCH_LEASE")]
    batch_lease: std::time::Duration,
    #[command(flatten)]
    webhooks: WebhookArgs,
}

/// How events reach webhook endpoints.
#[derive(Debug, Args)]
pub struct WebhookArgs {
    /// Allow webhook URLs on http and on loopback, private and link-local
    /// addresses (tests, on-premises receivers). Cloud metadata addresses
    /// stay refused.
    #[arg(long, env = "FOLIO_WEBHOOK_ALLOW_PRIVATE")]
    webhook_allow_private: bool,
    /// A PEM file of certificate authorities to trust for webhook
    /// receivers, besides the system's (on-premises receivers with a
    /// private CA).
    #[arg(long, value_name = "FILE", env = "FOLIO_WEBHOOK_CA_FILE")]
    webhook_ca_file: Option<PathBuf>,
    /// The longest one delivery attempt may take.
    #[arg(long, value_name = "TIME", default_value = "15s", value_parser = parse_duration, env = "FOLIO_WEBHOOK_TIMEOUT")]
    webhook_timeout: std::time::Duration,
    /// The waits before the retries of a failed delivery, comma-separated
    /// (default: the Standard Webhooks schedule 5s,5m,30m,2h,5h,10h,10h).
    #[arg(long, value_name = "WAITS", value_parser = RetrySchedule::parse, env = "FOLIO_WEBHOOK_RETRY_SCHEDULE")]
    webhook_retry_schedule: Option<RetrySchedule>,
    /// Webhook requests in flight at most, from this replica.
    #[arg(long, value_name = "N", default_value_t = 256, env = "FOLIO_WEBHOOK_CONCURRENCY", value_parser = clap::value_parser!(u16).range(1..=4096))]
    webhook_concurrency: u16,
    /// Webhook requests in flight to one endpoint at most, from this replica.
    #[arg(long, value_name = "N", default_value_t = 16, env = "FOLIO_WEBHOOK_ENDPOINT_CONCURRENCY", value_parser = clap::value_parser!(u16).range(1..=256))]
    webhook_endpoint_concurrency: u16,
    /// An endpoint whose every attempt failed for this long is disabled.
    #[arg(long, value_name = "SPAN", default_value = "5d", value_parser = parse_span, env = "FOLIO_WEBHOOK_DISABLE_AFTER")]
    webhook_disable_after: chrono::Duration,
    /// Events older than this are deleted once every delivery of them is
    /// over (`GET /v1/events` lists what is kept).
    #[arg(long, value_name = "SPAN", default_value = "30d", value_parser = parse_span, env = "FOLIO_EVENT_RETENTION")]
    event_retention: chrono::Duration,
    /// A person's open this long after their previous one raises
    /// `document.opened` again.
    #[arg(long, value_name = "SPAN", default_value = "7d", value_parser = parse_span, env = "FOLIO_REOPEN_AFTER")]
    reopen_after: chrono::Duration,
}

impl WebhookArgs {
    fn config(&self) -> WebhookConfig {
        WebhookConfig {
            policy: AddressPolicy { allow_private: self.webhook_allow_private },
            timeout: self.webhook_timeout,
            schedule: self.webhook_retry_schedule.clone().unwrap_or_default(),
            concurrency: usize::from(self.webhook_concurrency),
            per_endpoint: usize::from(self.webhook_endpoint_concurrency),
            disable_after: self.webhook_disable_after,
            retention: Some(self.event_retention),
            ca_file: self.webhook_ca_file.clone(),
            ..WebhookConfig::default()
        }
    }
}

/// `30d`, `12h`, `90m` or `45s`: a span of up to ten years.
fn parse_span(text: &str) -> Result<chrono::Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: i64 = number.parse().map_err(|_| format!("`{text}` is not a span such as 30d, 12h or 90m"))?;
    let span = match unit {
        "d" => chrono::Duration::try_days(n),
        "h" => chrono::Duration::try_hours(n),
        "m" => chrono::Duration::try_minutes(n),
        "s" => chrono::Duration::try_seconds(n),
        _ => return Err(format!("`{text}`: use d, h, m or s")),
    };
    span.filter(|s| *s > chrono::Duration::zero() && *s <= chrono::Duration::days(3650))
        .ok_or_else(|| format!("`{text}` must be more than 0 and at most ten years"))
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create an API key and print it (it is shown only this once).
    Create {
        /// Comma-separated: render, plugins:write, plugins:publish, webhooks, admin.
        #[arg(long)]
        scopes: String,
        /// What the key is for.
        #[arg(long, default_value = "cli")]
        name: String,
        #[command(flatten)]
        data: DataArgs,
    },
}

fn tokio_runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| format!("cannot start the async runtime: {e}"))
}

pub fn run_serve(args: ServeArgs, settings: Settings) -> Result<(), String> {
    let config = serve_config(args, settings)?;
    tokio_runtime()?.block_on(serve(config))
}

/// `folio worker`: the same storage and render flags as `folio serve`; it
/// listens on nothing.
pub fn run_worker(args: ServeArgs, settings: Settings) -> Result<(), String> {
    let interactive = args.render_workers.is_some();
    let mut config = serve_config(args, settings)?;
    // A worker renders only runs: one interactive worker (which names the
    // engine for the compiled-plugin cache) is all it needs of that lane.
    if !interactive {
        config.contain.workers = 1;
        config.contain.per_version = 1;
    }
    // Everything a worker does is batch work: the whole process (its
    // database writes, its zygote and workers, all started after this)
    // yields the CPU to a replica serving people on the same machine.
    // This thread, before any other starts: they all inherit it.
    if let Err(e) = folio::contain::lower_priority(0, config.contain.batch_priority) {
        tracing::warn!("cannot lower this worker's CPU priority: {e}");
    }
    tokio_runtime()?.block_on(folio::service::work(config))
}

fn serve_config(args: ServeArgs, settings: Settings) -> Result<ServeConfig, String> {
    let mut contain = ContainConfig::for_this_program()?;
    contain.budgets = settings.budgets;
    contain.render_limits = settings.render_limits;
    if let Some(workers) = args.render_workers {
        contain.workers = usize::from(workers);
        contain.per_version = contain.workers.div_ceil(2);
    }
    if let Some(share) = args.render_share {
        contain.per_version = usize::from(share).min(contain.workers);
    }
    if let Some(workers) = args.batch_workers {
        contain.batch_workers = usize::from(workers);
    }
    contain.batch_priority = args.batch_nice;
    let config = ServeConfig {
        addr: args.addr,
        data_dir: args.data.data_dir,
        database_url: args.data.database_url,
        blob_dir: args.blob_dir,
        contain,
        cache_dir: settings.cache_dir,
        public_url: args.public_url,
        open_rate_limit: args.open_rate_limit,
        open_suspend: args.open_suspend,
        webhooks: args.webhooks.config(),
        reopen_after: args.webhooks.reopen_after,
        batch_concurrency: args.batch_concurrency.map(usize::from),
        batch_lease: args.batch_lease.max(std::time::Duration::from_secs(1)),
    };
    Ok(config)
}

pub fn run_keys(cmd: KeysCommand) -> Result<(), String> {
    match cmd {
        KeysCommand::Create { scopes, name, data } => {
            let scopes = Scope::parse_list(&scopes).map_err(|e| format!("--scopes: {e}"))?;
            tokio_runtime()?.block_on(async {
                let store = open_store(&data.data_dir, data.database_url.as_deref()).await?;
                let (key, token) = store.create_key(&name, &scopes, "cli").await.map_err(|e| e.to_string())?;
                store.close().await;
                let scopes = key.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",");
                eprintln!("created key {} ({}) with scopes {scopes}; it is shown only once:", key.id, key.name);
                println!("{token}");
                Ok(())
            })
        }
    }
}
