//! The on-disk cache of compiled plugins.
//!
//! Compiling a plugin with Cranelift takes far longer than a render, so each
//! compiled artifact is kept on disk, keyed by the bundle's digest and a
//! fingerprint of the wasmtime version and engine configuration.
//!
//! Deserializing an artifact runs its machine code, so the cache only loads
//! artifacts this host wrote: each file carries an HMAC-SHA256 tag made with
//! a random key kept in the cache directory (mode 0600). A file that fails
//! the check — corrupted, truncated, or planted — is deleted and the plugin
//! is compiled again. Files are written to a temporary name and renamed, so
//! a crash never leaves a half-written artifact behind.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use wasmtime::Engine;
use wasmtime::component::Component;

type HmacSha256 = Hmac<Sha256>;

const MAGIC: &[u8; 8] = b"FOLIOCW1";
const TAG_LEN: usize = 32;
const KEY_FILE: &str = "cache.key";

/// A directory of compiled plugin artifacts for one engine configuration.
pub(crate) struct ArtifactCache {
    dir: PathBuf,
    key: [u8; 32],
    fingerprint: String,
}

impl ArtifactCache {
    /// Opens (creating if needed) the cache in `dir` for `engine`.
    pub(crate) fn open(dir: &Path, engine: &Engine) -> io::Result<Self> {
        create_private_dir(dir)?;
        let key = load_or_create_key(&dir.join(KEY_FILE))?;
        Ok(ArtifactCache { dir: dir.to_path_buf(), key, fingerprint: engine_fingerprint(engine) })
    }

    fn path_for(&self, digest: &str) -> PathBuf {
        self.dir.join(format!("{digest}-{}.cwasm", self.fingerprint))
    }

    /// The cached component for `digest`, if present and written by this host.
    pub(crate) fn get(&self, engine: &Engine, digest: &str) -> Option<Component> {
        let path = self.path_for(digest);
        let bytes = fs::read(&path).ok()?;
        let Some(artifact) = self.verify(&bytes) else {
            tracing::warn!(path = %path.display(), "discarding a compiled artifact that fails its integrity check");
            let _ = fs::remove_file(&path);
            return None;
        };
        // SAFETY: the artifact carries an HMAC made with this cache's private
        // key, so it is bytes this host produced with `Component::serialize`;
        // wasmtime additionally checks it matches this engine's configuration.
        match unsafe { Component::deserialize(engine, artifact) } {
            Ok(component) => Some(component),
            Err(err) => {
                tracing::warn!(path = %path.display(), error = %err, "discarding an incompatible compiled artifact");
                let _ = fs::remove_file(&path);
                None
            }
        }
    }

    /// Stores `component` for `digest`. Failures are logged, not fatal: the
    /// plugin still runs, it is just compiled again next time.
    pub(crate) fn put(&self, digest: &str, component: &Component) {
        let result = component
            .serialize()
            .map_err(|e| io::Error::other(e.to_string()))
            .and_then(|artifact| self.write(digest, &artifact));
        if let Err(err) = result {
            tracing::warn!(dir = %self.dir.display(), error = %err, "could not cache a compiled plugin");
        }
    }

    fn write(&self, digest: &str, artifact: &[u8]) -> io::Result<()> {
        let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
        file.write_all(MAGIC)?;
        file.write_all(&self.tag(artifact))?;
        file.write_all(artifact)?;
        file.as_file().sync_all()?;
        file.persist(self.path_for(digest)).map_err(|e| e.error)?;
        Ok(())
    }

    fn tag(&self, artifact: &[u8]) -> [u8; TAG_LEN] {
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(artifact);
        mac.finalize().into_bytes().into()
    }

    fn verify<'a>(&self, bytes: &'a [u8]) -> Option<&'a [u8]> {
        let rest = bytes.strip_prefix(MAGIC)?;
        if rest.len() < TAG_LEN {
            return None;
        }
        let (tag, artifact) = rest.split_at(TAG_LEN);
        let mut mac = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(artifact);
        mac.verify_slice(tag).ok()?;
        Some(artifact)
    }
}

/// A short hex fingerprint of the wasmtime version and engine settings that
/// affect compiled code.
fn engine_fingerprint(engine: &Engine) -> String {
    struct Sha(Sha256);
    impl Hasher for Sha {
        fn finish(&self) -> u64 {
            0
        }
        fn write(&mut self, bytes: &[u8]) {
            self.0.update(bytes);
        }
    }
    let mut hasher = Sha(Sha256::new());
    hasher.write(b"wasmtime 48");
    engine.precompile_compatibility_hash().hash(&mut hasher);
    hex::encode(&hasher.0.finalize()[..8])
}

fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

fn load_or_create_key(path: &Path) -> io::Result<[u8; 32]> {
    if let Ok(bytes) = fs::read(path) {
        if let Ok(key) = <[u8; 32]>::try_from(bytes.as_slice()) {
            return Ok(key);
        }
        tracing::warn!(path = %path.display(), "replacing a malformed cache key; cached artifacts will be recompiled");
    }
    let mut key = [0u8; 32];
    getrandom::fill(&mut key).map_err(|e| io::Error::other(e.to_string()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file().set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(&key)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        Engine::default()
    }

    #[test]
    fn round_trips_and_rejects_tampering() {
        let dir = tempfile::tempdir().unwrap();
        let engine = engine();
        let cache = ArtifactCache::open(dir.path(), &engine).unwrap();
        let component = Component::new(&engine, "(component)").unwrap();
        assert!(cache.get(&engine, "abc").is_none());
        cache.put("abc", &component);
        assert!(cache.get(&engine, "abc").is_some());

        // Flip one byte of the artifact: the tag no longer matches.
        let path = cache.path_for("abc");
        let mut bytes = fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        fs::write(&path, &bytes).unwrap();
        assert!(cache.get(&engine, "abc").is_none());
        assert!(!path.exists(), "a tampered artifact is deleted");
    }

    #[test]
    fn artifacts_from_another_key_are_refused() {
        let engine = engine();
        let component = Component::new(&engine, "(component)").unwrap();
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let cache_a = ArtifactCache::open(a.path(), &engine).unwrap();
        let cache_b = ArtifactCache::open(b.path(), &engine).unwrap();
        cache_a.put("d", &component);
        fs::copy(cache_a.path_for("d"), cache_b.path_for("d")).unwrap();
        assert!(cache_b.get(&engine, "d").is_none());
    }

    #[test]
    fn key_persists_across_opens() {
        let dir = tempfile::tempdir().unwrap();
        let engine = engine();
        let k1 = ArtifactCache::open(dir.path(), &engine).unwrap().key;
        let k2 = ArtifactCache::open(dir.path(), &engine).unwrap().key;
        assert_eq!(k1, k2);
    }
}
