//! The on-disk cache of compiled plugins.
//!
//! Compiling a plugin with Cranelift takes far longer than a render, so each
//! compiled artifact is kept on disk, in a file named by two things:
//! - the SHA-256 of the component (the bundle's Wasm file alone, so bundles
//!   that differ only in templates share one artifact), and
//! - the engine's fingerprint ([`engine_fingerprint`], see
//!   [`super::Runtime::fingerprint`]): wasmtime's precompile compatibility
//!   hash, which covers the target, Cranelift's flags, the tunables, the
//!   enabled Wasm features and wasmtime's exact version. An engine set up
//!   differently never reads another's artifacts.
//!
//! Deserializing an artifact runs its machine code, so the cache only hands
//! out artifacts this host wrote: each file carries an HMAC-SHA256 tag made
//! with a random key kept in the cache directory (mode 0600). A file that
//! fails the check — corrupted, truncated, or planted — is deleted and the
//! plugin is compiled again. Files are written to a temporary name and
//! renamed, so a crash never leaves a half-written artifact behind.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use wasmtime::Engine;

type HmacSha256 = Hmac<Sha256>;

const MAGIC: &[u8; 8] = b"FOLIOCW1";
const TAG_LEN: usize = 32;
const KEY_FILE: &str = "cache.key";

/// A directory of compiled plugin artifacts for one engine configuration.
pub struct ArtifactCache {
    dir: PathBuf,
    key: [u8; 32],
    fingerprint: String,
}

impl ArtifactCache {
    /// Opens (creating if needed) the cache in `dir` for artifacts of the
    /// engine whose fingerprint is `fingerprint`.
    pub fn open(dir: &Path, fingerprint: &str) -> io::Result<Self> {
        create_private_dir(dir)?;
        let key = load_or_create_key(&dir.join(KEY_FILE))?;
        Ok(ArtifactCache { dir: dir.to_path_buf(), key, fingerprint: fingerprint.to_string() })
    }

    fn path_for(&self, digest: &str) -> PathBuf {
        self.dir.join(format!("{digest}-{}.cwasm", self.fingerprint))
    }

    /// The cached artifact for component `digest`, if present and written
    /// by this host (its tag verifies).
    pub fn get(&self, digest: &str) -> Option<Vec<u8>> {
        let path = self.path_for(digest);
        let mut bytes = fs::read(&path).ok()?;
        let Some(start) = self.verify(&bytes) else {
            tracing::warn!(path = %path.display(), "discarding a compiled artifact that fails its integrity check");
            let _ = fs::remove_file(&path);
            return None;
        };
        bytes.drain(..start);
        Some(bytes)
    }

    /// Forgets the artifact for `digest` (one the engine refused after all).
    pub fn remove(&self, digest: &str) {
        let _ = fs::remove_file(self.path_for(digest));
    }

    /// Stores `artifact` for component `digest`. Failures are logged, not
    /// fatal: the plugin still runs, it is just compiled again next time.
    pub fn put(&self, digest: &str, artifact: &[u8]) {
        if let Err(err) = self.write(digest, artifact) {
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

    fn mac(&self) -> HmacSha256 {
        // HMAC takes keys of any length, so this never fails.
        <HmacSha256 as Mac>::new_from_slice(&self.key).unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
    }

    fn tag(&self, artifact: &[u8]) -> [u8; TAG_LEN] {
        let mut mac = self.mac();
        mac.update(artifact);
        mac.finalize().into_bytes().into()
    }

    /// Where the artifact starts in `bytes`, if the file's tag verifies.
    fn verify(&self, bytes: &[u8]) -> Option<usize> {
        let rest = bytes.strip_prefix(MAGIC)?;
        if rest.len() < TAG_LEN {
            return None;
        }
        let (tag, artifact) = rest.split_at(TAG_LEN);
        let mut mac = self.mac();
        mac.update(artifact);
        mac.verify_slice(tag).ok()?;
        Some(MAGIC.len() + TAG_LEN)
    }
}

/// A short hex fingerprint of the wasmtime version and engine settings that
/// affect compiled code.
pub(crate) fn engine_fingerprint(engine: &Engine) -> String {
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

    #[test]
    fn round_trips_and_rejects_tampering() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ArtifactCache::open(dir.path(), "f1").unwrap();
        assert!(cache.get("abc").is_none());
        cache.put("abc", b"compiled code");
        assert_eq!(cache.get("abc").unwrap(), b"compiled code");

        // Flip one byte of the artifact: the tag no longer matches.
        let path = cache.path_for("abc");
        let mut bytes = fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        fs::write(&path, &bytes).unwrap();
        assert!(cache.get("abc").is_none());
        assert!(!path.exists(), "a tampered artifact is deleted");
    }

    #[test]
    fn artifacts_from_another_key_or_engine_are_refused() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let cache_a = ArtifactCache::open(a.path(), "f1").unwrap();
        let cache_b = ArtifactCache::open(b.path(), "f1").unwrap();
        cache_a.put("d", b"code");
        fs::copy(cache_a.path_for("d"), cache_b.path_for("d")).unwrap();
        assert!(cache_b.get("d").is_none());
        let other_engine = ArtifactCache::open(a.path(), "f2").unwrap();
        assert!(other_engine.get("d").is_none(), "another fingerprint is another file");
    }

    #[test]
    fn key_persists_across_opens() {
        let dir = tempfile::tempdir().unwrap();
        let k1 = ArtifactCache::open(dir.path(), "f").unwrap().key;
        let k2 = ArtifactCache::open(dir.path(), "f").unwrap().key;
        assert_eq!(k1, k2);
    }
}
