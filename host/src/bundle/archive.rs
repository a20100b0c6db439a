//! The tar.gz framing of bundles: deterministic packing and bounded,
//! path-checked unpacking (no traversal, no links, no zip bombs).

use super::{BundleError, CONTENT_DIRS, MANIFEST_FILE, WASM_FILE};
use flate2::{Compression, GzBuilder, read::GzDecoder};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Component;

/// Size limits applied when reading a bundle.
#[derive(Debug, Clone)]
pub struct BundleLimits {
    /// The compressed bundle. Default 32 MiB.
    pub max_bundle_bytes: usize,
    /// All files unpacked. Default 64 MiB.
    pub max_unpacked_bytes: usize,
    /// Files in the bundle. Default 1,000.
    pub max_files: usize,
}

impl Default for BundleLimits {
    fn default() -> Self {
        BundleLimits { max_bundle_bytes: 32 << 20, max_unpacked_bytes: 64 << 20, max_files: 1000 }
    }
}

const MAX_PATH_LEN: usize = 200;

/// The largest `plugin.toml` accepted. A manifest of the most kinds, slots
/// and variants allowed fits many times over.
pub const MAX_MANIFEST_BYTES: usize = 256 << 10;

/// Checks a template or locale path: relative, under `templates/` or
/// `locales/`, plain segments of letters, digits, `.`, `_` and `-`.
pub(crate) fn check_content_path(path: &str) -> Result<(), BundleError> {
    let bad = |why: &'static str| BundleError::BadPath { path: path.to_string(), why };
    if path.len() > MAX_PATH_LEN {
        return Err(bad("is too long"));
    }
    if !CONTENT_DIRS.iter().any(|d| path.starts_with(d)) {
        return Err(bad("is not plugin.toml, plugin.wasm, or under templates/ or locales/"));
    }
    for segment in path.split('/') {
        if segment.is_empty() || segment == "." || segment == ".." || segment.starts_with('.') {
            return Err(bad("has an empty, hidden, `.` or `..` segment"));
        }
        if !segment.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')) {
            return Err(bad("may use only letters, digits, `.`, `_` and `-`"));
        }
    }
    Ok(())
}

/// The bytes of the bundle's first file, which must be `plugin.toml`, read
/// without decompressing anything after it: how a server learns a
/// bundle's name and version before deciding to do any real work on it.
pub(crate) fn first_manifest(bytes: &[u8], limits: &BundleLimits) -> Result<Vec<u8>, BundleError> {
    if bytes.len() > limits.max_bundle_bytes {
        return Err(BundleError::TooLarge { size: bytes.len() as u64, limit: limits.max_bundle_bytes });
    }
    let mut archive = tar::Archive::new(GzDecoder::new(bytes));
    let entries = archive.entries().map_err(|e| BundleError::NotAnArchive { reason: e.to_string() })?;
    for entry in entries {
        let mut entry = entry.map_err(|e| BundleError::NotAnArchive { reason: e.to_string() })?;
        if entry.header().entry_type() == tar::EntryType::Directory {
            continue;
        }
        let raw_path = entry.path().map_err(|e| BundleError::NotAnArchive { reason: format!("an entry has an unreadable path: {e}") })?;
        let path = normalize(&raw_path)?;
        if path != MANIFEST_FILE {
            return Err(BundleError::ManifestNotFirst { found: path });
        }
        return read_manifest_entry(&mut entry);
    }
    Err(BundleError::Missing { path: MANIFEST_FILE.into() })
}

fn read_manifest_entry(entry: &mut impl Read) -> Result<Vec<u8>, BundleError> {
    let mut data = Vec::new();
    entry
        .take(MAX_MANIFEST_BYTES as u64 + 1)
        .read_to_end(&mut data)
        .map_err(|e| BundleError::NotAnArchive { reason: format!("cannot read {MANIFEST_FILE}: {e}") })?;
    if data.len() > MAX_MANIFEST_BYTES {
        return Err(BundleError::ManifestTooLarge { limit: MAX_MANIFEST_BYTES });
    }
    Ok(data)
}

/// Unpacks every regular file, refusing anything unsafe or over the limits.
/// `plugin.toml` must be the first file.
pub(crate) fn unpack(bytes: &[u8], limits: &BundleLimits) -> Result<BTreeMap<String, Vec<u8>>, BundleError> {
    if bytes.len() > limits.max_bundle_bytes {
        return Err(BundleError::TooLarge { size: bytes.len() as u64, limit: limits.max_bundle_bytes });
    }
    let mut archive = tar::Archive::new(GzDecoder::new(bytes));
    let mut files = BTreeMap::new();
    let mut budget = limits.max_unpacked_bytes;
    let entries = archive.entries().map_err(|e| BundleError::NotAnArchive { reason: e.to_string() })?;
    for entry in entries {
        let mut entry = entry.map_err(|e| BundleError::NotAnArchive { reason: e.to_string() })?;
        let raw_path = entry.path().map_err(|e| BundleError::NotAnArchive { reason: format!("an entry has an unreadable path: {e}") })?;
        let path = normalize(&raw_path)?;
        match entry.header().entry_type() {
            tar::EntryType::Directory => continue,
            tar::EntryType::Regular | tar::EntryType::Continuous => {}
            other => {
                return Err(BundleError::NotAFile { path, kind: format!("{other:?}") });
            }
        }
        if path != MANIFEST_FILE && path != WASM_FILE {
            check_content_path(&path)?;
        }
        if files.len() >= limits.max_files {
            return Err(BundleError::TooManyFiles { limit: limits.max_files });
        }
        if files.is_empty() {
            if path != MANIFEST_FILE {
                return Err(BundleError::ManifestNotFirst { found: path });
            }
            let data = read_manifest_entry(&mut entry)?;
            if data.len() > budget {
                return Err(BundleError::UnpacksTooLarge { limit: limits.max_unpacked_bytes, path });
            }
            budget -= data.len();
            files.insert(path, data);
            continue;
        }
        let mut data = Vec::new();
        (&mut entry)
            .take(budget as u64 + 1)
            .read_to_end(&mut data)
            .map_err(|e| BundleError::NotAnArchive { reason: format!("cannot read `{path}`: {e}") })?;
        if data.len() > budget {
            return Err(BundleError::UnpacksTooLarge { limit: limits.max_unpacked_bytes, path });
        }
        budget -= data.len();
        if files.insert(path.clone(), data).is_some() {
            return Err(BundleError::Duplicate { path });
        }
    }
    Ok(files)
}

fn normalize(path: &std::path::Path) -> Result<String, BundleError> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => {
                parts.push(part.to_str().ok_or_else(|| BundleError::BadPath { path: path.display().to_string(), why: "is not UTF-8" })?)
            }
            Component::CurDir => {}
            _ => {
                return Err(BundleError::BadPath { path: path.display().to_string(), why: "is absolute or climbs out of the bundle" });
            }
        }
    }
    Ok(parts.join("/"))
}

/// Packs files in the given order with fixed metadata (mode 0644, uid/gid 0,
/// mtime 0), so equal inputs give byte-identical bundles.
pub(crate) fn pack(files: &[(&str, &[u8])]) -> Result<Vec<u8>, BundleError> {
    let io = |e: std::io::Error| BundleError::Io { doing: "pack", path: "the bundle".into(), reason: e.to_string() };
    let gz = GzBuilder::new().mtime(0).write(Vec::new(), Compression::best());
    let mut tar = tar::Builder::new(gz);
    tar.mode(tar::HeaderMode::Deterministic);
    for (path, data) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_uid(0);
        header.set_gid(0);
        header.set_mtime(0);
        header.set_entry_type(tar::EntryType::Regular);
        tar.append_data(&mut header, path, *data).map_err(io)?;
    }
    let mut gz = tar.into_inner().map_err(io)?;
    gz.flush().map_err(io)?;
    gz.finish().map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_paths_are_confined() {
        assert!(check_content_path("templates/invoice.hbs").is_ok());
        assert!(check_content_path("locales/zh-TW.json").is_ok());
        for bad in ["templates/../plugin.wasm", "src/lib.rs", "templates/.hidden", "templates//x", "templates/a b", "/templates/x"] {
            assert!(check_content_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pack_is_deterministic_and_round_trips() {
        let files: Vec<(&str, &[u8])> = vec![("plugin.toml", b"a"), ("templates/x.hbs", b"b")];
        let a = pack(&files).unwrap();
        assert_eq!(a, pack(&files).unwrap());
        let back = unpack(&a, &BundleLimits::default()).unwrap();
        assert_eq!(back["templates/x.hbs"], b"b");
        assert_eq!(first_manifest(&a, &BundleLimits::default()).unwrap(), b"a");
    }

    #[test]
    fn the_manifest_comes_first_and_is_small() {
        let limits = BundleLimits::default();
        let late = pack(&[("templates/x.hbs", b"b"), ("plugin.toml", b"a")]).unwrap();
        for err in [unpack(&late, &limits).unwrap_err(), first_manifest(&late, &limits).unwrap_err()] {
            assert!(err.to_string().contains("plugin.toml must come first"), "{err}");
        }
        let huge = vec![b'#'; MAX_MANIFEST_BYTES + 1];
        let big = pack(&[("plugin.toml", &huge)]).unwrap();
        for err in [unpack(&big, &limits).unwrap_err(), first_manifest(&big, &limits).unwrap_err()] {
            assert!(err.to_string().contains("plugin.toml is over"), "{err}");
        }
    }

    fn raw_tar(path: &str, entry_type: tar::EntryType, data: &[u8]) -> Vec<u8> {
        let mut tar = tar::Builder::new(GzBuilder::new().write(Vec::new(), Compression::fast()));
        let mut header = tar::Header::new_gnu();
        // Write the name bytes directly so traversal paths are not rejected by the builder.
        header.as_gnu_mut().unwrap().name[..path.len()].copy_from_slice(path.as_bytes());
        header.set_size(data.len() as u64);
        header.set_entry_type(entry_type);
        header.set_cksum();
        tar.append(&header, data).unwrap();
        tar.into_inner().unwrap().finish().unwrap()
    }

    #[test]
    fn refuses_traversal_links_and_bombs() {
        let limits = BundleLimits::default();
        let err = unpack(&raw_tar("../etc/passwd", tar::EntryType::Regular, b"x"), &limits).unwrap_err();
        assert!(err.to_string().contains("climbs out"), "{err}");
        let err = unpack(&raw_tar("templates/link", tar::EntryType::Symlink, b""), &limits).unwrap_err();
        assert!(err.to_string().contains("regular files only"), "{err}");
        let small = BundleLimits { max_unpacked_bytes: 1000, ..BundleLimits::default() };
        let err = unpack(&raw_tar("plugin.toml", tar::EntryType::Regular, &vec![0u8; 5000]), &small).unwrap_err();
        assert!(err.to_string().contains("more than 1000 bytes"), "{err}");
        let err = unpack(b"definitely not gzip", &limits).unwrap_err();
        assert!(err.to_string().contains("gzipped tar"), "{err}");
    }
}
