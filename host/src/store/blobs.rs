//! The blob store: bundles and rendered documents as files named by their
//! SHA-256 (`<dir>/ab/cdef…`). Content addressing makes writes idempotent
//! and lets several replicas share one directory; every read is verified
//! against its name, so a damaged file is reported, never served.

use std::io;
use std::path::{Path, PathBuf};

/// Files under one directory, addressed by SHA-256.
#[derive(Debug, Clone)]
pub struct BlobStore {
    dir: PathBuf,
}

impl BlobStore {
    /// A blob store in `dir`, created if missing.
    pub fn open(dir: &Path) -> io::Result<Self> {
        crate::fsutil::create_dir_durably(dir)?;
        Ok(BlobStore { dir: dir.to_path_buf() })
    }

    /// Where the blob `sha256` lives (whether or not it exists).
    fn path(&self, sha256: &str) -> io::Result<PathBuf> {
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("`{sha256}` is not a SHA-256 in lowercase hex")));
        }
        Ok(self.dir.join(&sha256[..2]).join(&sha256[2..]))
    }

    /// Stores `bytes` and returns their SHA-256 (hex). Writing bytes that are
    /// already stored does nothing. Written through a temporary file and a
    /// rename, so a crash never leaves a partial blob under a real name.
    pub fn put(&self, bytes: &[u8]) -> io::Result<String> {
        self.put_with(bytes, true)
    }

    /// Stores `bytes` as [`BlobStore::put`] does, but without syncing them to
    /// disk: for bytes whose loss in a crash is harmless (an open link's last
    /// good render, which the next good open writes again). A blob a crash
    /// damaged is never served: reads check it against its name.
    pub fn put_unsynced(&self, bytes: &[u8]) -> io::Result<String> {
        self.put_with(bytes, false)
    }

    fn put_with(&self, bytes: &[u8], sync: bool) -> io::Result<String> {
        blocking(|| self.write(bytes, sync))
    }

    fn write(&self, bytes: &[u8], sync: bool) -> io::Result<String> {
        let sha256 = crate::digest::sha256_hex(bytes);
        let path = self.path(&sha256)?;
        // The fan-out directory (`ab/`) is made durable when it is created,
        // synced or not, so syncing a blob later needs only its own
        // directory: at most 256 times in a store's life.
        if let Some(fan_out) = path.parent() {
            crate::fsutil::create_dir_durably(fan_out)?;
        }
        // A blob written unsynced before a crash may be there but empty or
        // cut short: then it is written again, not trusted.
        let intact = match std::fs::read(&path) {
            Ok(stored) => stored == bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => false,
            Err(e) => return Err(e),
        };
        match (intact, sync) {
            (false, true) => crate::fsutil::write_atomically(&path, bytes)?,
            (false, false) => crate::fsutil::write_atomically_unsynced(&path, bytes)?,
            // The same bytes may have been stored unsynced before (an open
            // link's last good render equal to an archived document).
            (true, true) => crate::fsutil::sync_file(&path)?,
            (true, false) => {}
        }
        Ok(sha256)
    }

    /// Makes the blobs `sha256s` durable, [`BlobStore::put_unsynced`] ones
    /// included: each file's bytes, then each of their directories once. A
    /// billing run writes its documents unsynced and syncs a group of them
    /// before the group is committed, instead of a file and a directory
    /// sync for each document as it is written.
    ///
    /// Only these files: a `syncfs(2)` of the whole filesystem, which this
    /// replaced, also writes out every other process's dirty pages (a
    /// database server's on the same disk), so its cost grew with what
    /// others had written, and its error could be another file's. On the
    /// benchmark machine the two cost the same CPU time per document.
    pub fn sync(&self, sha256s: &[impl AsRef<str>]) -> io::Result<()> {
        blocking(|| {
            let mut dirs = std::collections::BTreeSet::new();
            for sha256 in sha256s {
                let path = self.path(sha256.as_ref())?;
                std::fs::File::open(&path)
                    .and_then(|f| f.sync_data())
                    .map_err(|e| io::Error::new(e.kind(), format!("syncing blob {}: {e}", path.display())))?;
                if let Some(dir) = path.parent() {
                    dirs.insert(dir.to_path_buf());
                }
            }
            dirs.iter().try_for_each(|dir| {
                crate::fsutil::sync_dir(dir).map_err(|e| io::Error::new(e.kind(), format!("syncing directory {}: {e}", dir.display())))
            })
        })
    }

    /// The bytes of blob `sha256`, checked against it.
    pub fn get(&self, sha256: &str) -> io::Result<Vec<u8>> {
        let path = self.path(sha256)?;
        let bytes = std::fs::read(&path).map_err(|e| io::Error::new(e.kind(), format!("blob {}: {e}", path.display())))?;
        let actual = crate::digest::sha256_hex(&bytes);
        if actual != sha256 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("blob {} is damaged: its content hashes to {actual}", path.display()),
            ));
        }
        Ok(bytes)
    }

    /// Checks the directory accepts writes (for readiness).
    pub fn check_writable(&self) -> io::Result<()> {
        tempfile::NamedTempFile::new_in(&self.dir).map(drop)
    }
}

/// Runs `f`, which blocks its thread for milliseconds. From a worker thread
/// of a multi-threaded runtime the runtime is told first (`block_in_place`),
/// so it moves that thread's other tasks (an open waiting for its render's
/// answer) to another thread meanwhile.
fn blocking<T>(f: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current() {
        Ok(handle) if handle.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => tokio::task::block_in_place(f),
        _ => f(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_get_and_detect_damage() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = BlobStore::open(dir.path()).unwrap();
        let sha = blobs.put(b"hello").unwrap();
        assert_eq!(sha, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assert_eq!(blobs.put(b"hello").unwrap(), sha);
        assert_eq!(blobs.get(&sha).unwrap(), b"hello");
        std::fs::write(dir.path().join(&sha[..2]).join(&sha[2..]), b"jello").unwrap();
        assert!(blobs.get(&sha).unwrap_err().to_string().contains("damaged"));
        assert!(blobs.get("../etc/passwd").is_err());
    }

    #[test]
    fn a_blob_cut_short_by_a_crash_is_written_again() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = BlobStore::open(dir.path()).unwrap();
        let sha = blobs.put_unsynced(b"a rendered invoice").unwrap();
        // What an unsynced write can leave after a crash: the name, not the bytes.
        std::fs::write(dir.path().join(&sha[..2]).join(&sha[2..]), b"").unwrap();
        assert!(blobs.get(&sha).is_err());
        assert_eq!(blobs.put_unsynced(b"a rendered invoice").unwrap(), sha);
        blobs.sync(&[&sha]).unwrap();
        assert_eq!(blobs.get(&sha).unwrap(), b"a rendered invoice");
    }
}
