"""`make bench-peers`: Folio's PDFs against Typst's, side by side in one run.

Folio renders through its render API (`POST /v1/documents`, driven by wrk
on loopback, a started `folio serve` given by --base/--key/--server-pid);
Typst compiles in-process (the `typst` package from PyPI, one `Compiler`
per process, driven by this script in worker processes). Both render the
same invoice (examples/invoice/en-US.json, `invoice.typ` for Typst) as a
one-page and as a 60-line document, each document with its own invoice
number. Rounds interleave the two tools (Folio first in odd rounds, Typst
first in even ones), so a drift of the machine's speed hits both.

Reported per document and tool:
- p50 and p99 latency, at concurrency 1;
- documents per second at each concurrency, and at the best one;
- CPU per document at the best concurrency (Folio: the server and its
  render processes, not wrk; Typst: its worker processes);
- peak memory (Folio: the largest summed RSS and PSS of the server and its
  render processes seen during the run; Typst: the largest RSS of one
  worker process, and the sum at the best concurrency);
- pages, by pdfinfo.

Before measuring, the two tools' PDFs are checked to carry the same money
amounts (pdftotext): the Typst template computes the lines and totals
itself, and a template that disagreed with Folio's would not be the same
document. A disagreement fails the benchmark.

Exit status 1, with a message on stderr, when anything fails: a non-2xx
answer, a Typst error, a missing tool.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TEMPLATE = HERE / "invoice.typ"
EXAMPLE = ROOT / "examples" / "invoice" / "en-US.json"
# The instant both tools render for (the customer's local date for Typst).
AT = "2026-11-22T09:00:00Z"
AT_DATE = AT[:10]
CLK_TCK = os.sysconf("SC_CLK_TCK")


def fail(message):
    print(f"bench-peers: {message}", file=sys.stderr)
    sys.exit(1)


# --- the documents -----------------------------------------------------------


def documents():
    """The two documents, as the JSON body of Folio's render API."""
    example = json.loads(EXAMPLE.read_text())
    one_page = {"customer": example["customer"], "data": example["data"]}
    sixty = json.loads(json.dumps(one_page))
    sixty["data"]["lines"] = [
        {"description": f"Usage line {i}", "quantity": i, "unit_price": "1.25", "tax_rate": "8"} for i in range(1, 61)
    ]
    return {"one-page": one_page, "60-line": sixty}


def numbered(request, number):
    body = json.loads(json.dumps(request))
    body["data"]["number"] = number
    return body


def folio_body(request):
    return {"plugin": "invoice", "kind": "invoice", "format": "pdf", "at": AT, **request}


# --- Typst, in worker processes ----------------------------------------------


def typst_worker(args):
    """One Typst process: warms up, says `ready`, reads the window to
    measure (`start end`, Unix seconds) from stdin, compiles until `end`,
    prints its figures as one JSON line."""
    import resource

    import typst

    request = json.loads(Path(args.request).read_text())
    compiler = typst.Compiler(str(TEMPLATE))

    def compile_one(number):
        inputs = {"request": json.dumps(numbered(request, number)), "at": AT_DATE}
        return compiler.compile(format="pdf", sys_inputs=inputs)

    compile_one(f"WARM-{args.worker}")
    print("ready", flush=True)
    start, end = (float(x) for x in sys.stdin.readline().split())
    now = time.time()
    if start > now:
        time.sleep(start - now)
    cpu0 = time.process_time()
    latencies = []
    i = 0
    while time.time() < end:
        t0 = time.perf_counter()
        compile_one(f"INV-T{args.worker}-{i}")
        latencies.append(time.perf_counter() - t0)
        i += 1
    cpu = time.process_time() - cpu0
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"docs": len(latencies), "cpu": cpu, "latencies": latencies, "rss_kb": rss_kb}))


def typst_point(python, request_file, processes, duration):
    workers = [
        subprocess.Popen(
            [python, __file__, "typst-worker", "--request", str(request_file), "--worker", str(w)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(processes)
    ]
    # Every process has imported Typst, found its fonts and compiled once
    # before the window opens, so all of them measure the same window.
    for worker in workers:
        if worker.stdout.readline().strip() != "ready":
            worker.wait(timeout=60)
            fail(f"a Typst worker failed before it was ready (exit {worker.returncode}):\n{worker.stderr.read()}")
    start = time.time() + 0.2
    for worker in workers:
        worker.stdin.write(f"{start} {start + duration}\n")
        worker.stdin.flush()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=duration + 120)
        if worker.returncode != 0:
            fail(f"a Typst worker failed (exit {worker.returncode}):\n{err}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    latencies = sorted(x for r in results for x in r["latencies"])
    docs = sum(r["docs"] for r in results)
    if docs == 0:
        fail(f"Typst compiled nothing in {duration} s with {processes} processes")
    return {
        "concurrency": processes,
        "docs_per_s": docs / duration,
        "cpu_ms_per_doc": 1000 * sum(r["cpu"] for r in results) / docs,
        "p50_ms": 1000 * quantile(latencies, 0.50),
        "p99_ms": 1000 * quantile(latencies, 0.99),
        "rss_mb_max": max(r["rss_kb"] for r in results) / 1024,
        "rss_mb_sum": sum(r["rss_kb"] for r in results) / 1024,
    }


def quantile(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


# --- Folio, through its render API ---------------------------------------------


def proc_stats():
    """Every process's /proc/PID/stat fields after the command name, by pid."""
    stats = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stats[int(entry)] = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
    return stats


def process_tree(root, stats=None):
    """The pid of `root` and of every descendant."""
    children = {}
    for pid, fields in (stats or proc_stats()).items():
        children.setdefault(int(fields[1]), []).append(pid)
    tree, stack = [], [root]
    while stack:
        pid = stack.pop()
        tree.append(pid)
        stack.extend(children.get(pid, []))
    return tree


def tree_cpu_seconds(root):
    """CPU time of the tree: each live process's own, plus what its reaped
    children used (so a recycled render worker's time is still counted)."""
    stats = proc_stats()
    # utime, stime, cutime, cstime: fields 14-17 of stat, 12-15 here.
    ticks = sum(sum(int(f) for f in stats[pid][11:15]) for pid in process_tree(root, stats) if pid in stats)
    return ticks / CLK_TCK


class MemoryWatch(threading.Thread):
    """Samples the summed RSS and PSS of Folio's processes; keeps the peaks."""

    def __init__(self, root):
        super().__init__(daemon=True)
        self.root, self.peak_rss_mb, self.peak_pss_mb = root, 0.0, 0.0
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(0.25):
            rss = pss = 0
            for pid in process_tree(self.root):
                try:
                    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                        if line.startswith("Rss:"):
                            rss += int(line.split()[1])
                        elif line.startswith("Pss:"):
                            pss += int(line.split()[1])
                except OSError:
                    continue
            self.peak_rss_mb = max(self.peak_rss_mb, rss / 1024)
            self.peak_pss_mb = max(self.peak_pss_mb, pss / 1024)


WRK_SCRIPT = """
local counter = 0
local prefix = "INV-W" .. tostring(math.random(1, 1000000)) .. "-"
local template = nil
local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer " .. os.getenv("FOLIO_KEY"),
}
function init(args)
  local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
  template = f:read("*a")
  f:close()
end
function request()
  counter = counter + 1
  local body = template:gsub("__NUMBER__", prefix .. counter)
  return wrk.format("POST", "/v1/documents", headers, body)
end
"""


def wrk_point(base, key, body_file, script, connections, duration, server_pid):
    threads = min(connections, 2)
    env = dict(os.environ, FOLIO_KEY=key, BODY_FILE=str(body_file))
    cpu0 = tree_cpu_seconds(server_pid)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(script), f"{base}/v1/documents"],
        env=env,
        capture_output=True,
        text=True,
        timeout=duration + 60,
    )
    cpu = tree_cpu_seconds(server_pid) - cpu0
    if out.returncode != 0:
        fail(f"wrk failed (exit {out.returncode}): {out.stderr}")
    report = out.stdout
    if "Non-2xx" in report or "Socket errors" in report:
        fail(f"Folio answered with errors at {connections} connections:\n{report}")
    requests = int(re.search(r"(\d+) requests in", report).group(1))
    if requests == 0:
        fail(f"Folio rendered nothing in {duration} s at {connections} connections")
    return {
        "concurrency": connections,
        "docs_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", report).group(1)),
        "cpu_ms_per_doc": 1000 * cpu / requests,
        "p50_ms": wrk_ms(report, "50%"),
        "p99_ms": wrk_ms(report, "99%"),
    }


def wrk_ms(report, label):
    value = re.search(rf"^\s+{re.escape(label)}\s+([\d.]+)(us|ms|s)\s*$", report, re.M)
    number, unit = float(value.group(1)), value.group(2)
    return number * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def folio_pdf(base, key, request):
    body = json.dumps(folio_body(numbered(request, "INV-CHECK")))
    out = subprocess.run(
        ["curl", "-fsS", "-H", f"Authorization: Bearer {key}", "-H", "content-type: application/json", "--data-binary", "@-", f"{base}/v1/documents"],
        input=body.encode(),
        capture_output=True,
        timeout=60,
    )
    if out.returncode != 0:
        fail(f"POST /v1/documents failed: {out.stderr.decode()}")
    return out.stdout


def typst_pdf(python, request_file):
    code = (
        "import json, sys, typst\n"
        f"request = json.load(open({str(request_file)!r}))\n"
        "request['data']['number'] = 'INV-CHECK'\n"
        f"pdf = typst.Compiler({str(TEMPLATE)!r}).compile(format='pdf', sys_inputs={{'request': json.dumps(request), 'at': {AT_DATE!r}}})\n"
        "sys.stdout.buffer.write(pdf)\n"
    )
    out = subprocess.run([python, "-c", code], capture_output=True, timeout=120)
    if out.returncode != 0:
        fail(f"Typst could not compile {TEMPLATE}:\n{out.stderr.decode()}")
    return out.stdout


def pdf_facts(pdf, work, name):
    path = work / f"{name}.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    pages = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    if not pages:
        fail(f"pdfinfo cannot read {path}: {info.stderr}")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    amounts = sorted(re.findall(r"-?\$[\d,]+\.\d\d", text))
    return int(pages.group(1)), amounts


# --- the run -------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("--base", required=True)
    run.add_argument("--key", required=True)
    run.add_argument("--server-pid", type=int, required=True)
    run.add_argument("--work", required=True)
    run.add_argument("--duration", type=int, default=10)
    run.add_argument("--rounds", type=int, default=2)
    run.add_argument("--folio-connections", default="1,2,4,8,16,32")
    run.add_argument("--typst-processes", default="1,2,3,4")
    run.add_argument("--json", help="also write every figure here")
    worker = sub.add_parser("typst-worker")
    worker.add_argument("--request", required=True)
    worker.add_argument("--worker", type=int, required=True)
    args = parser.parse_args()
    if args.command == "typst-worker":
        typst_worker(args)
        return
    bench(args)


def bench(args):
    work = Path(args.work)
    python = sys.executable
    connections = [int(c) for c in args.folio_connections.split(",")]
    processes = [int(p) for p in args.typst_processes.split(",")]
    script = work / "peers.lua"
    script.write_text(WRK_SCRIPT)
    docs = documents()

    import typst

    print(f"bench-peers: Folio through its render API against Typst {typst.__version__} in-process; "
          f"{args.rounds} interleaved rounds of {args.duration} s per point; {os.cpu_count()} cores")
    files, facts = {}, {}
    for name, request in docs.items():
        files[name] = {"request": work / f"{name}.request.json", "body": work / f"{name}.body.json"}
        files[name]["request"].write_text(json.dumps(request))
        body = json.dumps(folio_body(numbered(request, "__NUMBER__")))
        files[name]["body"].write_text(body)
        folio_pages, folio_amounts = pdf_facts(folio_pdf(args.base, args.key, request), work, f"folio-{name}")
        typst_pages, typst_amounts = pdf_facts(typst_pdf(python, files[name]["request"]), work, f"typst-{name}")
        if folio_amounts != typst_amounts:
            fail(
                f"the {name} invoice's amounts differ between Folio and {TEMPLATE.name}; "
                f"fix the Typst template so both make the same document:\n  Folio: {folio_amounts}\n  Typst: {typst_amounts}"
            )
        facts[name] = {"folio_pages": folio_pages, "typst_pages": typst_pages, "amounts": len(folio_amounts)}
        print(f"  {name}: same {len(folio_amounts)} amounts in both PDFs; pages: Folio {folio_pages}, Typst {typst_pages}")

    watch = MemoryWatch(args.server_pid)
    watch.start()
    points = {(tool, name): {} for tool in ("folio", "typst") for name in docs}
    for round_ in range(args.rounds):
        for name in docs:
            order = ("folio", "typst") if round_ % 2 == 0 else ("typst", "folio")
            for tool in order:
                for c in connections if tool == "folio" else processes:
                    if tool == "folio":
                        point = wrk_point(args.base, args.key, files[name]["body"], script, c, args.duration, args.server_pid)
                    else:
                        point = typst_point(python, files[name]["request"], c, args.duration)
                    points[(tool, name)].setdefault(c, []).append(point)
                    print(f"  round {round_ + 1} {name:8} {tool:5} x{c:<2} {point['docs_per_s']:7.1f} docs/s  "
                          f"{point['cpu_ms_per_doc']:6.2f} ms CPU/doc  p50 {point['p50_ms']:6.2f} ms  p99 {point['p99_ms']:6.2f} ms",
                          flush=True)
    watch.stopped.set()
    watch.join()

    summary = {"typst_version": typst.__version__, "duration_s": args.duration, "rounds": args.rounds, "documents": {}}
    for name in docs:
        row = {}
        for tool in ("folio", "typst"):
            # Each concurrency's median over the rounds; the best is the fastest median.
            medians = {c: median_point(runs) for c, runs in points[(tool, name)].items()}
            best = max(medians.values(), key=lambda p: p["docs_per_s"])
            first = medians[min(medians)]
            row[tool] = {
                "p50_ms": first["p50_ms"],
                "p99_ms": first["p99_ms"],
                "best_concurrency": best["concurrency"],
                "docs_per_s": best["docs_per_s"],
                "cpu_ms_per_doc": best["cpu_ms_per_doc"],
                "by_concurrency": {c: round(p["docs_per_s"], 1) for c, p in sorted(medians.items())},
                "pages": facts[name][f"{tool}_pages"],
            }
            if tool == "typst":
                row[tool]["rss_mb_per_process"] = max(p["rss_mb_max"] for p in medians.values())
                row[tool]["rss_mb_at_best"] = best["rss_mb_sum"]
        summary["documents"][name] = row
    summary["folio_peak_rss_mb"] = watch.peak_rss_mb
    summary["folio_peak_pss_mb"] = watch.peak_pss_mb
    report(summary)
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2))


def median_point(runs):
    keys = [k for k in runs[0] if k != "concurrency"]
    return {"concurrency": runs[0]["concurrency"], **{k: statistics.median(r[k] for r in runs) for k in keys}}


def report(summary):
    print()
    print("| | one-page Folio | one-page Typst | ratio | 60-line Folio | 60-line Typst | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    rows = [
        ("p50 latency, concurrency 1 (ms)", "p50_ms", "{:.2f}", lambda f, t: t / f),
        ("p99 latency, concurrency 1 (ms)", "p99_ms", "{:.2f}", lambda f, t: t / f),
        ("documents/s, best concurrency", "docs_per_s", "{:.1f}", lambda f, t: f / t),
        ("CPU per document (ms)", "cpu_ms_per_doc", "{:.2f}", lambda f, t: t / f),
        ("pages", "pages", "{}", lambda f, t: t / f),
    ]
    docs = summary["documents"]
    for label, key, fmt, ratio in rows:
        cells = []
        for name in ("one-page", "60-line"):
            f, t = docs[name]["folio"][key], docs[name]["typst"][key]
            cells += [fmt.format(f), fmt.format(t), f"{ratio(f, t):.2f}×"]
        print(f"| {label} | " + " | ".join(cells) + " |")
    for name in ("one-page", "60-line"):
        print(f"| best concurrency, {name} | Folio {docs[name]['folio']['best_concurrency']} connections | "
              f"Typst {docs[name]['typst']['best_concurrency']} processes | | | | |")
    typst_rss = max(docs[n]["typst"]["rss_mb_per_process"] for n in docs)
    typst_sum = max(docs[n]["typst"]["rss_mb_at_best"] for n in docs)
    print(f"| peak memory (MB) | Folio: summed RSS {summary['folio_peak_rss_mb']:.0f}, summed PSS {summary['folio_peak_pss_mb']:.0f} | "
          f"Typst: {typst_rss:.0f} per process, {typst_sum:.0f} summed at the best concurrency | | | | |")
    print()
    print("Ratios: above 1 means Folio is ahead (faster, less CPU, fewer pages).")
    for name in ("one-page", "60-line"):
        print(f"documents/s by concurrency, {name}: Folio {docs[name]['folio']['by_concurrency']}, "
              f"Typst {docs[name]['typst']['by_concurrency']}")


if __name__ == "__main__":
    main()
