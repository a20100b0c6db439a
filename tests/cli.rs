//! The `folio` binary as a user runs it: scaffold → build → check, and one
//! clear `error:` line with a non-zero exit for every kind of bad input.

mod support;

use std::path::Path;
use std::process::{Command, Output};
use support::*;

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .env("FOLIO_CACHE_DIR", cache_dir())
        .env("FOLIO_GUEST_TARGET_DIR", guest_target_dir())
        .output()
        .expect("folio runs")
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "folio failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn failed(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(1), "expected exit 1, stdout: {}", String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    // Build commands stream cargo's output first; the last line is folio's verdict.
    let last = stderr.lines().last().unwrap_or_default().to_string();
    assert!(last.starts_with("error: "), "{stderr}");
    last
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn scaffolded_plugin_builds_and_passes_check_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let crate_dir = dir.path().join("greeter");
    let out = ok(&folio(&["plugin", "new", s(&crate_dir), "--name", "greeter"]));
    assert!(out.contains("created plugin `greeter`"), "{out}");
    let bundle = dir.path().join("greeter.folio");
    let out = ok(&folio(&["plugin", "build", s(&crate_dir), "-o", s(&bundle)]));
    assert!(out.contains("built") && out.contains("sha256:"), "{out}");
    // A directory that does not exist yet, written with a trailing slash.
    let into_dir = format!("{}/bundles/", dir.path().display());
    ok(&folio(&["plugin", "build", s(&crate_dir), "-o", &into_dir]));
    assert!(dir.path().join("bundles/greeter-0.1.0.folio").is_file());
    let out = ok(&folio(&["plugin", "check", s(&bundle)]));
    assert!(out.contains("plugin    greeter 0.1.0"), "{out}");
    assert!(out.contains("files     templates/greeter.hbs"), "{out}");

    let input = dir.path().join("input.json");
    std::fs::write(&input, r#"{"customer": {"id": "c1", "display_name": "Ana"}, "data": {"message": "hello"}}"#).unwrap();
    let out = ok(&folio(&["plan", "--plugin", s(&bundle), "--kind", "greeter", "--data", s(&input)]));
    let plan: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(plan["view_model"], serde_json::json!({"customer": "Ana", "message": "hello"}));

    // The scaffold's own template renders as it is.
    let out = ok(&folio(&["render", "--plugin", s(&bundle), "--kind", "greeter", "--data", s(&input), "--format", "text"]));
    assert!(out.contains("Ana: hello"), "{out}");
}

#[test]
fn render_writes_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = bundle_path("plugins/invoice");
    let input = repo().join("examples/invoice/ms-MY.json");
    let base = ["render", "--plugin", s(&bundle), "--kind", "invoice", "--data", s(&input), "--at", "2026-11-22T09:00:00Z"];
    let html = ok(&folio(&[&base[..], &["--format", "html"]].concat()));
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Invois INV-2026-0042"), "{html}");
    let out = dir.path().join("invoice.txt");
    assert_eq!(ok(&folio(&[&base[..], &["--format", "text", "-o", s(&out)]].concat())), "");
    assert!(std::fs::read_to_string(&out).unwrap().contains("Bayar sekarang"));
    let json: serde_json::Value = serde_json::from_str(&ok(&folio(&[&base[..], &["--format", "json"]].concat()))).unwrap();
    assert_eq!(json["blocks"][0]["variant"], "due");

    let pdf = dir.path().join("invoice.pdf");
    ok(&folio(&[&base[..], &["--format", "pdf", "-o", s(&pdf)]].concat()));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // The CLI's worker parses the fonts itself, from the files its zygote
    // mapped (it may not open them): a Chinese invoice is drawn with the
    // Noto faces, not the PDF built-ins a missing font falls back to.
    let zh = repo().join("examples/invoice/zh-TW.json");
    let pdf = dir.path().join("invoice-zh.pdf");
    let zh_args = ["render", "--plugin", s(&bundle), "--kind", "invoice", "--data", s(&zh), "--format", "pdf", "-o", s(&pdf)];
    ok(&folio(&zh_args));
    let fonts = Command::new("pdffonts").arg(&pdf).output().expect("pdffonts (make setup installs poppler-utils)");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("NotoSans-Regular") && fonts.contains("NotoSansCJKtc"), "{fonts}");
    assert!(!fonts.contains("Helvetica"), "{fonts}");

    // An unknown format is a usage error (exit 2) naming the value.
    let out = folio(&[&base[..], &["--format", "docx"]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid value 'docx'"));
}

#[test]
fn check_prints_the_manifest() {
    let path = bundle_path("plugins/renewal-proposal");
    let out = ok(&folio(&["plugin", "check", s(&path)]));
    assert!(out.contains("kind      renewal-proposal (interactive"), "{out}");
    assert!(out.contains("slot    health: expansion | support | steady"), "{out}");
    let json: serde_json::Value = serde_json::from_str(&ok(&folio(&["plugin", "check", s(&path), "--json"]))).unwrap();
    assert_eq!(json["manifest"]["name"], "renewal-proposal");
    assert_eq!(json["contract"], "folio:document@0.1.0");
}

#[test]
fn bad_inputs_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = bundle_path("plugins/invoice");

    let not_a_bundle = dir.path().join("x.folio");
    std::fs::write(&not_a_bundle, "hello").unwrap();
    let err = failed(&folio(&["plugin", "check", s(&not_a_bundle)]));
    assert!(err.contains("x.folio") && err.contains("gzipped tar"), "{err}");

    let err = failed(&folio(&["plugin", "check", s(&dir.path().join("missing.folio"))]));
    assert!(err.contains("missing.folio"), "{err}");

    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\n  \"customer\": {\"id\": \"c\"},\n  \"data\": [1,\n").unwrap();
    let err = failed(&folio(&["plan", "--plugin", s(&bundle), "--kind", "invoice", "--data", s(&broken)]));
    assert!(err.contains("broken.json") && err.contains("line 4"), "{err}");

    let unknown = dir.path().join("unknown.json");
    std::fs::write(&unknown, r#"{"customer": {"id": "c"}, "data": {}, "extra": 1}"#).unwrap();
    let err = failed(&folio(&["plan", "--plugin", s(&bundle), "--kind", "invoice", "--data", s(&unknown)]));
    assert!(err.contains("unknown field `extra`"), "{err}");

    let input = dir.path().join("input.json");
    std::fs::write(&input, r#"{"customer": {"id": "c"}, "data": {"number": "1", "currency": "ZZZ"}}"#).unwrap();
    let err = failed(&folio(&["plan", "--plugin", s(&bundle), "--kind", "invoice", "--data", s(&input)]));
    assert!(err.contains("data.currency") && err.contains("ZZZ"), "{err}");

    let err = failed(&folio(&["plan", "--plugin", s(&bundle), "--kind", "receipt", "--data", s(&input)]));
    assert!(err.contains("no document kind `receipt`"), "{err}");

    let err = failed(&folio(&["plan", "--plugin", s(&bundle), "--kind", "invoice", "--data", s(&input), "--at", "tomorrow"]));
    assert!(err.contains("--at `tomorrow`"), "{err}");

    let err = failed(&folio(&["plugin", "new", s(&dir.path().join("p")), "--name", "Bad Name"]));
    assert!(err.contains("--name"), "{err}");
}

#[test]
fn build_refuses_a_wasi_importing_plugin() {
    let dir = tempfile::tempdir().unwrap();
    let err = failed(&folio(&["plugin", "build", s(&repo().join("tests/plugins/wasi-importer")), "-o", s(dir.path())]));
    assert!(err.contains("imports `wasi:clocks/wall-clock@0.2.0`"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no bundle is written");
}

/// Writes `{"customer": …, "data": data}` to `dir/name.json`.
fn input(dir: &Path, name: &str, data: serde_json::Value) -> std::path::PathBuf {
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::json!({"customer": {"id": "cus_h"}, "data": data}).to_string()).unwrap();
    path
}

#[test]
fn hostile_bundles_and_inputs_fail_with_one_line_never_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = bundle_path("tests/plugins/hostile");
    let b = s(&bundle);
    let levels = input(dir.path(), "levels", serde_json::json!({"levels": vec![0; 100_000]}));
    let items = input(dir.path(), "items", serde_json::json!({"items": (0..50).collect::<Vec<u32>>()}));
    let ping = input(dir.path(), "ping", serde_json::json!({"first": "ping", "next": {"ping": "pong", "pong": "ping"}}));
    let radius = input(dir.path(), "radius", serde_json::json!({"radius": 500}));
    let empty = input(dir.path(), "empty", serde_json::json!({}));
    let render = |kind: &str, data: &Path, format: &str, extra: &[&str]| {
        let mut args = vec!["render", "--plugin", b, "--kind", kind, "--data", s(data), "--format", format];
        args.extend_from_slice(extra);
        folio(&args)
    };
    let cases: Vec<(Output, &str)> = vec![
        (render("deep-html", &levels, "pdf", &[]), "nests elements more than 128 deep"),
        (render("deep-html", &levels, "text", &[]), "nests elements more than 128 deep"),
        (render("nested-each", &items, "html", &[]), "visited more than 200000 items"),
        (render("partial-loop", &ping, "html", &[]), "partials nested more than 16 deep"),
        (render("svg-filter", &radius, "png", &[]), "SVG filters would take about"),
        (
            render("partial-loop", &ping, "html", &["--render-limit", "include-depth=1000000"]),
            "stopped (crash): the render crashed its worker process",
        ),
        (
            render("nested-each", &items, "html", &["--render-limit", "iterations=1000000000000", "--render-cpu", "html=500ms"]),
            "stopped (timeout): the render used",
        ),
        (folio(&["plan", "--plugin", b, "--kind", "deep-view", "--data", s(&empty)]), "`view-model` nests objects and arrays"),
        (folio(&["plan", "--plugin", b, "--kind", "huge-error", "--data", s(&empty)]), "[cut: 8388608 bytes in all]"),
    ];
    for (out, says) in cases {
        let err = failed(&out);
        assert!(err.contains(says), "expected `{says}` in: {err}");
        assert!(err.len() < 5000, "one line, cut where long: {err}");
    }

    // Bundles refused by `plugin check`, each within its limit.
    let built = support::bundle("tests/plugins/hostile");
    let with = |files: Vec<(&str, &str)>, wasm: Vec<u8>, manifest: folio::Manifest| {
        let mut all = built.files().clone();
        for (path, text) in files {
            all.insert(path.to_string(), text.as_bytes().to_vec());
        }
        folio::Bundle::create(built.contract(), manifest, wasm, all).unwrap()
    };
    let looping =
        with(vec![("templates/a.hbs", "{{> b}}"), ("templates/b.hbs", "{{> a}}")], built.wasm().to_vec(), built.manifest().plugin.clone());
    let heavy = with(vec![], with_heavy_functions(&core_module("tests/plugins/hostile"), 6, 4000, 2000), built.manifest().plugin.clone());
    let mut claims_one = built.manifest().plugin.clone();
    claims_one.name = "many-kinds".into();
    claims_one.kinds.truncate(1);
    let many = folio::Bundle::create(built.contract(), claims_one, component("tests/plugins/many-kinds"), Default::default()).unwrap();
    for (name, bundle, says) in [
        ("looping", looping, "include each other in a loop: a → b → a"),
        ("heavy", heavy, "stopped (timeout): checking and compiling it used"),
        ("many", many, "kinds: 2000 declared"),
    ] {
        let path = dir.path().join(format!("{name}.folio"));
        bundle.write(&path).unwrap();
        let started = std::time::Instant::now();
        let err = failed(&folio(&["--no-cache", "--compile-cpu", "2s", "plugin", "check", s(&path)]));
        assert!(err.contains(says), "{name}: expected `{says}` in: {err}");
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{name} took {:?}", started.elapsed());
    }
}
