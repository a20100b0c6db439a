//! `make bench-batch`: billing runs against the same documents rendered
//! with no queue at all, in the same run.
//!
//! - Baseline: this process starts the render workers itself (the batch
//!   lane, as `folio serve` configures it) and renders N invoices straight
//!   through them, as many in flight as the runner keeps: no HTTP, no
//!   database, no archive.
//! - SQLite, one process: a fresh `folio serve` works a run of N invoices
//!   submitted as NDJSON, from the request to the last item archived.
//! - PostgreSQL, two `folio worker` processes (the serving replica works no
//!   runs): the same.
//!
//! Each run is made as HTML and as PDF: first a small one, to load the
//! plugin into every batch worker (the baseline warms its workers too);
//! then BENCH_ROUNDS times (default 2) a no-queue measurement and, right
//! after it, the run alone, for the queue's throughput; the machine's
//! speed drifts over minutes, so each run is set against the baseline
//! next to it. Then the same run again while a person's opens of open
//! links (a fresh render each: every link is opened once) arrive at
//! OPEN_RATE a second (default 10), whose p50 and p99 are set against
//! the same opens with no run going. Memory is sampled every second as
//! the summed PSS of each process tree (server, zygote, workers), and the
//! server's own peak RSS (VmHWM). CPU time per document is counted for the whole machine
//! and split: render workers, Folio's own processes (server, `folio
//! worker`s: queue, database client, archive; in the baseline, this
//! process), and the rest (the database server, the kernel's writeback
//! and journal threads, this bench's client), with the time the
//! hypervisor stole. The machine is saturated in both, so CPU per
//! document is what the run's throughput is made of, with less noise.
//!
//! Then, on SQLite: a run of BENCH_LARGE invoices (default 100,000, HTML),
//! whose peak memory must stay under 1 GiB, and a submission of
//! BENCH_SUBMIT lines (default 1,000,000, cancelled once accepted), whose
//! memory shows the body is streamed.
//!
//! BENCH_ITEMS sets N (default 10,000); BENCH_STORES (default
//! `sqlite,postgres`) which deployments run; BENCH_FORMATS (default
//! `html,pdf`) which formats; BENCH_LARGE=0 and BENCH_SUBMIT=0 leave out
//! the large run and submission. PostgreSQL comes from
//! FOLIO_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test);
//! an unreachable server fails the bench.

#[path = "../../tests/support/mod.rs"]
#[allow(unused_imports)]
mod support;

use folio::contain::{ContainConfig, Lane, Workers};
use folio::contract::types::{Customer, Purpose, Request};
use folio::render::Format;
use futures_util::StreamExt;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use support::server::*;

const MIB: f64 = 1024.0 * 1024.0;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|n| n.replace('_', "").parse().ok()).unwrap_or(default)
}

/// Invoice `i` as a run's line (defaults give plugin, kind and format).
fn line(example: &Value, i: usize) -> String {
    let mut customer = example["customer"].clone();
    customer["id"] = json!(format!("cus_{:04}", i % 1000));
    let mut data = example["data"].clone();
    let key = format!("INV-{i:07}");
    data["number"] = json!(key);
    format!("{}\n", json!({"key": key, "customer": customer, "data": data}))
}

/// Process ids of `root` and every process under it.
fn tree(root: u32) -> Vec<u32> {
    let mut parents = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|p| p.parse::<u32>().ok()) else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
        // The parent is the second field after the parenthesised name.
        let ppid = stat.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            parents.push((pid, ppid));
        }
    }
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(parents.iter().filter(|(_, p)| *p == parent).map(|(pid, _)| *pid));
        i += 1;
    }
    found
}

/// CPU time the machine spent, in seconds since boot: busy (user, nice,
/// system, interrupts) and stolen by the hypervisor (`/proc/stat`).
fn machine_cpu() -> (f64, f64) {
    let text = std::fs::read_to_string("/proc/stat").unwrap_or_default();
    let ticks: Vec<f64> = text.lines().next().unwrap_or_default().split_whitespace().skip(1).filter_map(|t| t.parse().ok()).collect();
    let at = |i: usize| ticks.get(i).copied().unwrap_or(0.0);
    // user nice system idle iowait irq softirq steal
    ((at(0) + at(1) + at(2) + at(5) + at(6)) / clock_ticks(), at(7) / clock_ticks())
}

fn clock_ticks() -> f64 {
    // SAFETY: sysconf only reads a configuration value.
    (unsafe { libc::sysconf(libc::_SC_CLK_TCK) }).max(1) as f64
}

/// CPU time (user and system, in seconds) each of `pids` has used.
fn process_cpu(pids: &[u32]) -> f64 {
    pids.iter()
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // utime and stime: the 12th and 13th fields after the parenthesised name.
            let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
            Some(fields.next()?.parse::<f64>().ok()? + fields.next()?.parse::<f64>().ok()?)
        })
        .sum::<f64>()
        / clock_ticks()
}

/// Where the CPU time of a stretch of work went, counted from [`Cpu::start`].
struct Cpu {
    machine: (f64, f64),
    roots: f64,
    below: f64,
    roots_pids: Vec<u32>,
}

/// CPU seconds per document over a stretch of work: the whole machine's,
/// the root processes' own (the server, `folio worker`s: queue, database
/// client, archive), and their descendants' (render workers), with the
/// share of time the hypervisor took.
#[derive(Clone, Copy, Default)]
struct CpuFigures {
    machine: f64,
    roots: f64,
    below: f64,
    steal: f64,
}

impl CpuFigures {
    /// Each figure's mean over `all`.
    fn mean(all: impl Iterator<Item = CpuFigures> + Clone) -> CpuFigures {
        CpuFigures {
            machine: mean(all.clone().map(|c| c.machine)),
            roots: mean(all.clone().map(|c| c.roots)),
            below: mean(all.clone().map(|c| c.below)),
            steal: mean(all.map(|c| c.steal)),
        }
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0usize), |(sum, count), v| (sum + v, count + 1));
    sum / count.max(1) as f64
}

/// A no-queue measurement and the run made right after it.
struct Pair {
    no_queue: f64,
    cpu: CpuFigures,
    quiet: RunFigures,
}

impl Cpu {
    fn split(roots: &[u32]) -> (f64, f64) {
        let below: Vec<u32> = roots.iter().flat_map(|r| tree(*r).into_iter().skip(1)).collect();
        (process_cpu(roots), process_cpu(&below))
    }

    fn start(roots: Vec<u32>) -> Cpu {
        let (own, below) = Cpu::split(&roots);
        Cpu { machine: machine_cpu(), roots: own, below, roots_pids: roots }
    }

    /// Per document, for `n` documents made in `took`.
    fn per_document(self, n: usize, took: Duration) -> CpuFigures {
        let (busy, steal) = machine_cpu();
        let (own, below) = Cpu::split(&self.roots_pids);
        let n = n.max(1) as f64;
        CpuFigures {
            machine: (busy - self.machine.0) / n,
            roots: (own - self.roots) / n,
            below: (below - self.below) / n,
            steal: (steal - self.machine.1) / took.as_secs_f64().max(1e-9),
        }
    }
}

/// A field (in kB) of a `/proc` file, in bytes.
fn proc_kb(path: &str, field: &str) -> u64 {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// The summed PSS of the trees under `roots`.
fn pss(roots: &[u32]) -> u64 {
    roots.iter().flat_map(|r| tree(*r)).map(|pid| proc_kb(&format!("/proc/{pid}/smaps_rollup"), "Pss:")).sum()
}

/// Samples the summed PSS of `roots` every second until stopped; the peak.
/// (Reading `smaps_rollup` walks every mapping of a process, wasmtime's
/// large reservations included: sampling it more often costs the machine
/// a visible share of the CPU the run is measured on.)
struct Sampler {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<u64>,
}

impl Sampler {
    fn start(roots: Vec<u32>) -> Sampler {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut peak = 0;
            while !flag.load(Ordering::Relaxed) {
                peak = peak.max(pss(&roots));
                std::thread::sleep(Duration::from_secs(1));
            }
            peak
        });
        Sampler { stop, thread }
    }

    fn peak(self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap_or(0)
    }
}

/// Opens `urls` in turn at `rate` a second (each open a fresh render)
/// until `stop`, as a person's phone; the latency of each.
async fn opens(urls: Arc<Vec<String>>, next: Arc<std::sync::atomic::AtomicUsize>, rate: f64, stop: Arc<AtomicBool>) -> Vec<Duration> {
    let client = client();
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    let mut pending = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        tick.tick().await;
        let i = next.fetch_add(1, Ordering::Relaxed);
        let url = urls[i % urls.len()].clone();
        let client = client.clone();
        pending.push(tokio::spawn(async move {
            let started = Instant::now();
            let res = client.get(&url).header("user-agent", IPHONE).send().await.expect("open answered");
            assert_eq!(res.status(), 200, "open {url}");
            res.bytes().await.expect("open body");
            started.elapsed()
        }));
    }
    let mut latencies = Vec::new();
    for task in pending {
        latencies.push(task.await.expect("open task"));
    }
    latencies
}

fn quantile(samples: &[Duration], q: f64) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort();
    sorted.get(((sorted.len().max(1) - 1) as f64 * q).round() as usize).map_or(f64::NAN, |d| d.as_secs_f64() * 1e3)
}

/// A deployment under test: where it keeps its data, its key, its processes.
struct Deployment {
    server: Server,
    workers: Vec<std::process::Child>,
    key: String,
    links: Arc<Vec<String>>,
    next_link: Arc<std::sync::atomic::AtomicUsize>,
}

impl Deployment {
    fn roots(&self) -> Vec<u32> {
        let mut roots = vec![self.server.pid()];
        roots.extend(self.workers.iter().map(std::process::Child::id));
        roots
    }

    /// Opens at `rate` a second for `window`: the latencies.
    async fn opens_for(&self, rate: f64, window: Duration) -> Vec<Duration> {
        let stop = Arc::new(AtomicBool::new(false));
        let task = tokio::spawn(opens(self.links.clone(), self.next_link.clone(), rate, stop.clone()));
        tokio::time::sleep(window).await;
        stop.store(true, Ordering::Relaxed);
        task.await.expect("opens")
    }

    /// Submits `body` as a run with `query`; its id.
    async fn submit(&self, query: &str, body: reqwest::Body) -> Value {
        let res = client()
            .post(self.server.url(&format!("/v1/batches?{query}")))
            .bearer_auth(&self.key)
            .header("content-type", "application/x-ndjson")
            .body(body)
            .send()
            .await
            .expect("submission answered");
        let status = res.status();
        let run: Value = res.json().await.expect("submission body");
        assert_eq!(status, 201, "{run}");
        run
    }

    async fn status(&self, id: &str) -> Value {
        json_ok(client().get(self.server.url(&format!("/v1/batches/{id}"))).bearer_auth(&self.key)).await
    }

    /// Works a run of `n` invoices in `format`, with opens at `rate` a
    /// second if given; what it took.
    async fn run(&self, example: &Value, n: usize, format: &str, rate: Option<f64>) -> RunFigures {
        let body: String = (0..n).map(|i| line(example, i)).collect();
        let sampler = Sampler::start(self.roots());
        let cpu = Cpu::start(self.roots());
        let stop = Arc::new(AtomicBool::new(false));
        let opener = rate.map(|rate| tokio::spawn(opens(self.links.clone(), self.next_link.clone(), rate, stop.clone())));
        let started = Instant::now();
        let run = self.submit(&format!("plugin=invoice&kind=invoice&format={format}"), body.into()).await;
        let id = run["id"].as_str().expect("run id").to_string();
        let done = loop {
            let now = self.status(&id).await;
            if now["finished_at"].is_string() {
                break now;
            }
            assert!(started.elapsed() < Duration::from_secs(3600), "the run did not finish: {now}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        let took = started.elapsed();
        let cpu = cpu.per_document(n, took);
        stop.store(true, Ordering::Relaxed);
        let latencies = match opener {
            Some(opener) => opener.await.expect("opens"),
            None => Vec::new(),
        };
        assert_eq!(done["counts"]["done"], n, "every item done: {done}");
        RunFigures {
            rate: n as f64 / took.as_secs_f64(),
            p50: quantile(&latencies, 0.5),
            p99: quantile(&latencies, 0.99),
            opens: latencies.len(),
            cpu,
            pss: sampler.peak(),
            hwm: proc_kb(&format!("/proc/{}/status", self.server.pid()), "VmHWM:"),
        }
    }
}

struct RunFigures {
    rate: f64,
    p50: f64,
    p99: f64,
    opens: usize,
    cpu: CpuFigures,
    pss: u64,
    hwm: u64,
}

/// Starts a deployment over `dir` on `db`: the serving replica with
/// `serve_flags`, and `workers` `folio worker` processes; the invoice
/// plugin published and `links` open links made for opens.
async fn deploy(dir: &Path, db: &Db, serve_flags: &[&str], workers: usize, links: usize, example: &Value) -> Deployment {
    let blobs = dir.join("blobs");
    let server = Server::start_with(dir, &blobs, db, serve_flags);
    let keys = Keys::create(&server);
    install(&server, &keys, "plugins/invoice").await;
    let workers = (0..workers)
        .map(|i| {
            folio_command(&dir.join(format!("worker-{i}")), db)
                .args(["worker", "--blob-dir"])
                .arg(&blobs)
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("folio worker starts")
        })
        .collect();
    let due = json!(chrono::Utc::now().date_naive().to_string());
    let mut data = example["data"].clone();
    data["issued_on"] = due;
    let made: Vec<String> = futures_util::stream::iter(0..links)
        .map(|i| {
            let (server, key, data) = (&server, &keys.admin, data.clone());
            async move {
                let id = format!("cus_open_{i:05}");
                json_ok(
                    client()
                        .put(server.url(&format!("/v1/customers/{id}")))
                        .bearer_auth(key)
                        .json(&json!({"display_name": format!("Customer {i}"), "locale": "en-US", "timezone": "America/New_York"})),
                )
                .await;
                let body = json!({"plugin": "invoice", "kind": "invoice", "customer_id": id, "data": data});
                open_link(server, key, body).await.1
            }
        })
        .buffer_unordered(16)
        .collect()
        .await;
    // Opens within 10 s of a link's creation count as link scanners.
    tokio::time::sleep(Duration::from_secs(11)).await;
    Deployment { server, workers, key: keys.admin, links: Arc::new(made), next_link: Default::default() }
}

impl Drop for Deployment {
    fn drop(&mut self) {
        for worker in &mut self.workers {
            let _ = worker.kill();
            let _ = worker.wait();
        }
    }
}

/// Renders `n` invoices straight through the batch lane's workers, as many
/// in flight as the runner keeps: documents per second, and the CPU time
/// they took (the roots' own: this process).
async fn baseline(bundle: Vec<u8>, example: &Value, n: usize, format: Format) -> (f64, CpuFigures) {
    let config = ContainConfig::new(env!("CARGO_BIN_EXE_folio").into());
    let in_flight = config.batch_workers * 2;
    let workers = Workers::start(config).await.expect("workers start");
    let files = workers.prepare(bundle.into(), None).await.expect("invoice prepared").files;
    let batch = workers.in_lane(Lane::Batch);
    let at = chrono::Utc::now();
    let requests: Vec<Request> = (0..n)
        .map(|i| {
            let line: Value = serde_json::from_str(&line(example, i)).expect("line");
            let customer: Customer = serde_json::from_value(line["customer"].clone()).expect("customer");
            Request::new("invoice", customer, &line["data"].to_string(), Purpose::Batch, at).expect("request")
        })
        .collect();
    // Warm: the plugin loaded into every worker.
    futures_util::stream::iter(requests.iter().take(in_flight))
        .for_each_concurrent(in_flight, |r| {
            let (batch, files) = (&batch, &files);
            async move {
                batch.render(files, r.clone(), format).await.expect("render");
            }
        })
        .await;
    let cpu = Cpu::start(vec![std::process::id()]);
    let started = Instant::now();
    futures_util::stream::iter(requests)
        .for_each_concurrent(in_flight, |r| {
            let (batch, files) = (&batch, &files);
            async move {
                let document = batch.render(files, r, format).await.expect("render");
                assert!(!document.bytes.is_empty());
            }
        })
        .await;
    let took = started.elapsed();
    (n as f64 / took.as_secs_f64(), cpu.per_document(n, took))
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let n = env_usize("BENCH_ITEMS", 10_000);
    let large = env_usize("BENCH_LARGE", 100_000);
    let submit = env_usize("BENCH_SUBMIT", 1_000_000);
    let rate = env_usize("OPEN_RATE", 10) as f64;
    let stores = std::env::var("BENCH_STORES").unwrap_or_else(|_| "sqlite,postgres".into());
    let example = example("invoice", "en-US");
    let bundle = bundle_bytes("plugins/invoice");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("billing runs of {n} invoices on {cores} cores; opens at {rate}/s meanwhile");

    // The machine's speed drifts by a fifth over minutes (a shared VM), so
    // each run is set against a no-queue measurement made right before
    // it, in BENCH_ROUNDS (default 2) alternating pairs per deployment and
    // format; the ratios are the means of the pairs' own.
    let rounds = env_usize("BENCH_ROUNDS", 2).max(1);
    let formats = std::env::var("BENCH_FORMATS").unwrap_or_else(|_| "html,pdf".into());
    let formats: Vec<Format> = [Format::Html, Format::Pdf].into_iter().filter(|f| formats.contains(f.name())).collect();

    // Links for every open the runs make: each opened once (a fresh render),
    // at a run pace of no less than 100 documents a second.
    let seconds = (formats.len() * n) as f64 / 100.0;
    let links = ((seconds + 30.0) * rate * 1.5) as usize + 200;
    let mut rows = Vec::new();
    let deployments: [(&str, &str); 2] = [("sqlite", "SQLite, one process"), ("postgres", "PostgreSQL, two workers")];
    for (name, label) in deployments.into_iter().filter(|(name, _)| stores.contains(name)) {
        let dir = tempfile::tempdir().expect("temp dir");
        let pg = if name == "postgres" { Some(PgDatabase::create().await) } else { None };
        let (db, flags, workers) = match &pg {
            Some(pg) => (Db::Postgres(pg.url.clone()), &["--batch-concurrency", "0"][..], 2),
            None => (Db::Sqlite, &[][..], 0),
        };
        let deployment = deploy(dir.path(), &db, flags, workers, links, &example).await;
        let idle = deployment.opens_for(rate, Duration::from_secs(30)).await;
        let idle = (quantile(&idle, 0.5), quantile(&idle, 0.99));
        for format in &formats {
            let (format, name) = (*format, format.name());
            // Warm, as the baseline is: the plugin loaded into every batch worker.
            deployment.run(&example, 64, name, None).await;
            let mut pairs = Vec::new();
            for _ in 0..rounds {
                let (no_queue, cpu) = baseline(bundle.clone(), &example, n, format).await;
                let quiet = deployment.run(&example, n, name, None).await;
                println!("  {label}, {name}: no queue {no_queue:.0} documents/s, run {:.0}", quiet.rate);
                pairs.push(Pair { no_queue, cpu, quiet });
            }
            // The same run again while opens arrive.
            let busy = deployment.run(&example, n, name, Some(rate)).await;
            rows.push((label, name, idle, pairs, busy));
        }
        drop(deployment);
        if let Some(pg) = pg {
            pg.drop_now().await;
        }
    }

    println!(
        "\n| store | format | no queue (docs/s) | run (docs/s) | run / no queue | open p50 idle → during (ms) | open p99 idle → during (ms) | p99 ratio | peak PSS (MiB) | server VmHWM (MiB) |"
    );
    println!("| --- | --- | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: |");
    for (store, format, (p50, p99), pairs, busy) in &rows {
        let pss = pairs.iter().map(|p| p.quiet.pss).chain([busy.pss]).max().unwrap_or(0);
        println!(
            "| {store} | {format} | {:.0} | {:.0} | {:.2} | {p50:.1} → {:.1} | {p99:.1} → {:.1} | {:.2} | {:.0} | {:.0} |",
            mean(pairs.iter().map(|p| p.no_queue)),
            mean(pairs.iter().map(|p| p.quiet.rate)),
            mean(pairs.iter().map(|p| p.quiet.rate / p.no_queue)),
            busy.p50,
            busy.p99,
            busy.p99 / p99,
            pss as f64 / MIB,
            busy.hwm as f64 / MIB
        );
    }
    for (store, format, _, pairs, busy) in &rows {
        let ratios: Vec<String> = pairs.iter().map(|p| format!("{:.2}", p.quiet.rate / p.no_queue)).collect();
        println!(
            "  ({store}, {format}: run / no queue of each pair {}; {} opens during the run, which went at {:.0} documents/s)",
            ratios.join(", "),
            busy.opens,
            busy.rate
        );
    }
    // Where the CPU went, per document, in the runs without opens. The
    // machine is saturated in both, so CPU per document is what throughput
    // is made of, and less noisy than it.
    println!(
        "\n| store | format | machine CPU per document, no queue → run (ms) | run / no queue | render workers (ms) | Folio's own processes (ms) | rest of the machine (ms) | steal, no queue → run (% of a core) |"
    );
    println!("| --- | --- | --- | ---: | --- | --- | --- | --- |");
    let ms = |s: f64| s * 1e3;
    for (store, format, _, pairs, _) in &rows {
        let base = CpuFigures::mean(pairs.iter().map(|p| p.cpu));
        let run = CpuFigures::mean(pairs.iter().map(|p| p.quiet.cpu));
        let rest = |c: &CpuFigures| ms(c.machine - c.roots - c.below);
        println!(
            "| {store} | {format} | {:.1} → {:.1} | {:.2} | {:.1} → {:.1} | {:.1} → {:.1} | {:.1} → {:.1} | {:.0} → {:.0} |",
            ms(base.machine),
            ms(run.machine),
            mean(pairs.iter().map(|p| p.quiet.cpu.machine / p.cpu.machine)),
            ms(base.below),
            ms(run.below),
            ms(base.roots),
            ms(run.roots),
            rest(&base),
            rest(&run),
            base.steal * 100.0,
            run.steal * 100.0
        );
    }

    // The large run and the large submission, on SQLite.
    let big_dir = tempfile::tempdir().expect("temp dir");
    let deployment = deploy(big_dir.path(), &Db::Sqlite, &[], 0, 1, &example).await;
    if large > 0 {
        let figures = deployment.run(&example, large, "html", None).await;
        println!(
            "\n{large}-item HTML run on SQLite: {:.0} documents/s; peak PSS of server and workers {:.0} MiB; server VmHWM {:.0} MiB (target < 1024)",
            figures.rate,
            figures.pss as f64 / MIB,
            figures.hwm as f64 / MIB
        );
    }
    if submit > 0 {
        let sampler = Sampler::start(deployment.roots());
        let before = proc_kb(&format!("/proc/{}/status", deployment.server.pid()), "VmRSS:");
        let example = example.clone();
        let sent = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let counted = sent.clone();
        let chunks = futures_util::stream::iter((0..submit).step_by(1000)).map(move |start| {
            let chunk: String = (start..(start + 1000).min(submit)).map(|i| line(&example, i + 10_000_000)).collect();
            counted.fetch_add(chunk.len() as u64, Ordering::Relaxed);
            Ok::<_, std::io::Error>(chunk)
        });
        let started = Instant::now();
        let run = deployment.submit("plugin=invoice&kind=invoice&format=html", reqwest::Body::wrap_stream(chunks)).await;
        let took = started.elapsed();
        let id = run["id"].as_str().expect("run id");
        assert_eq!(run["total"], submit, "{run}");
        json_ok(client().delete(deployment.server.url(&format!("/v1/batches/{id}"))).bearer_auth(&deployment.key)).await;
        let peak = sampler.peak();
        let hwm = proc_kb(&format!("/proc/{}/status", deployment.server.pid()), "VmHWM:");
        println!(
            "{submit}-line submission ({:.0} MiB of NDJSON) accepted in {:.1} s ({:.0} lines/s): server RSS {:.0} MiB before; peak PSS of server and workers {:.0} MiB; server VmHWM {:.0} MiB",
            sent.load(Ordering::Relaxed) as f64 / MIB,
            took.as_secs_f64(),
            submit as f64 / took.as_secs_f64(),
            before as f64 / MIB,
            peak as f64 / MIB,
            hwm as f64 / MIB
        );
    }
}
