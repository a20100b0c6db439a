//! `.folio` bundles built by the real toolchain: deterministic, verified end
//! to end, and refused with a message naming what is wrong.

mod support;

use flate2::{Compression, write::GzEncoder};
use folio::{Bundle, BundleLimits};
use std::io::Write;
use support::*;

const INVOICE: &str = "plugins/invoice";

/// Re-packs `files` as a tar.gz without recomputing any digest.
fn repack(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut tar = tar::Builder::new(GzEncoder::new(Vec::new(), Compression::fast()));
    for (path, data) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, path, data.as_slice()).unwrap();
    }
    let mut gz = tar.into_inner().unwrap();
    gz.flush().unwrap();
    gz.finish().unwrap()
}

/// Every file of `bundle`, `plugin.toml` first and `plugin.wasm` second.
fn parts(bundle: &Bundle) -> Vec<(&str, Vec<u8>)> {
    parts_with(bundle, bundle.manifest())
}

fn parts_with<'a>(bundle: &'a Bundle, manifest: &folio::bundle::BundleManifest) -> Vec<(&'a str, Vec<u8>)> {
    let toml = toml::to_string(manifest).unwrap().into_bytes();
    let mut files = vec![("plugin.toml", toml), ("plugin.wasm", bundle.wasm().to_vec())];
    files.extend(bundle.files().iter().map(|(p, b)| (p.as_str(), b.clone())));
    files
}

/// The bundle's files packed with an edited `plugin.toml`.
fn with_manifest(bundle: &Bundle, manifest: &folio::bundle::BundleManifest) -> Vec<u8> {
    repack(&parts_with(bundle, manifest))
}

fn refused(bytes: &[u8]) -> String {
    Bundle::from_bytes(bytes, &BundleLimits::default()).expect_err("bundle must be refused").to_string()
}

#[test]
fn built_bundle_round_trips_byte_for_byte() {
    let bundle = bundle(INVOICE);
    let bytes = bundle.to_bytes().unwrap();
    assert_eq!(bytes, bundle.to_bytes().unwrap(), "packing is deterministic");
    assert_eq!(std::fs::read(bundle_path(INVOICE)).unwrap(), bytes, "the file on disk is what we pack");
    let again = Bundle::from_bytes(&bytes, &BundleLimits::default()).unwrap();
    assert_eq!(again.digest(), bundle.digest());
    assert_eq!(bundle.file_name(), "invoice-0.1.0.folio");
    assert_eq!(bundle.manifest().digest, format!("sha256:{}", bundle.digest()));
    assert!(bundle.manifest().files.contains_key("plugin.wasm"));
    assert_eq!(format!("sha256:{}", bundle.wasm_digest()), folio::bundle::file_digest(bundle.wasm()));
}

#[test]
fn altered_component_is_detected() {
    let bundle = bundle(INVOICE);
    let mut files = parts(&bundle);
    let last = files[1].1.len() - 1;
    files[1].1[last] ^= 1;
    let err = refused(&repack(&files));
    assert!(err.contains("plugin.wasm does not match its digest"), "{err}");
}

#[test]
fn unlisted_and_missing_files_are_refused() {
    let bundle = bundle(INVOICE);
    let mut files = parts(&bundle);
    files.push(("templates/extra.hbs", b"sneaky".to_vec()));
    let err = refused(&repack(&files));
    assert!(err.contains("templates/extra.hbs is in the bundle but not listed"), "{err}");

    let files: Vec<_> = parts(&bundle).into_iter().filter(|(p, _)| *p != "plugin.wasm").collect();
    let err = refused(&repack(&files));
    assert!(err.contains("lists plugin.wasm, which is not in the bundle"), "{err}");
}

#[test]
fn altered_manifest_breaks_the_content_digest() {
    let bundle = bundle(INVOICE);
    let mut manifest = bundle.manifest().clone();
    manifest.plugin.kinds[0].template = "other".into();
    let err = refused(&with_manifest(&bundle, &manifest));
    assert!(err.contains("does not match the bundle's content"), "{err}");
}

#[test]
fn unsupported_contract_and_bad_toml_are_named() {
    let bundle = bundle(INVOICE);
    let mut manifest = bundle.manifest().clone();
    manifest.contract = "folio:document@9.0.0".into();
    let err = refused(&with_manifest(&bundle, &manifest));
    assert!(err.contains("contract `folio:document@9.0.0` is not supported"), "{err}");

    let mut files = parts(&bundle);
    files[0].1 = b"contract = [".to_vec();
    let err = refused(&repack(&files));
    assert!(err.starts_with("plugin.toml:") && err.contains("line 1"), "{err}");
}

#[test]
fn size_limits_apply() {
    let bytes = bundle(INVOICE).to_bytes().unwrap();
    let small = BundleLimits { max_bundle_bytes: 1000, ..BundleLimits::default() };
    let err = Bundle::from_bytes(&bytes, &small).unwrap_err().to_string();
    assert!(err.contains("over the 1000-byte limit"), "{err}");
    let tight = BundleLimits { max_unpacked_bytes: 10_000, ..BundleLimits::default() };
    let err = Bundle::from_bytes(&bytes, &tight).unwrap_err().to_string();
    assert!(err.contains("unpacks to more than 10000 bytes"), "{err}");
}
