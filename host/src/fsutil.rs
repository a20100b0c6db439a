//! Small filesystem helpers shared by the CLI and the library.

use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same directory
/// that is synced and renamed into place, so readers never see a partial
/// file; then syncs the directory, so the new name survives a crash too
/// (a file's own fsync makes its bytes durable, not the entry naming it).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_through_temporary(path, bytes, true)
}

/// [`write_atomically`] without syncing: readers still never see a partial
/// file, but a crash may leave the file empty or damaged, or lose it. For
/// files that are checked when read and can be written again, or that are
/// synced later with [`sync_file`].
pub fn write_atomically_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_through_temporary(path, bytes, false)
}

/// Makes the file at `path` durable: its bytes (`fdatasync`), and its
/// directory's entries, which hold its name. A directory that was created
/// since it was last synced must be synced by its parent as well:
/// [`write_atomically`] does that for the directories it creates.
pub fn sync_file(path: &Path) -> io::Result<()> {
    std::fs::File::open(path)?.sync_data()?;
    sync_dir(parent(path))
}

/// Syncs the entries of directory `dir` (`fsync` of the directory).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn write_through_temporary(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    let dir = parent(path);
    if sync {
        create_dir_durably(dir)?;
    } else {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    if sync {
        file.as_file().sync_all()?;
    }
    file.persist(path).map_err(|e| e.error)?;
    if sync {
        sync_dir(dir)?;
    }
    Ok(())
}

/// `create_dir_all`, with the parent of every directory it created synced,
/// so the new directories survive a crash.
pub fn create_dir_durably(dir: &Path) -> io::Result<()> {
    let missing: Vec<&Path> = dir.ancestors().take_while(|d| !d.as_os_str().is_empty() && !d.exists()).collect();
    if missing.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    for created in missing.iter().rev() {
        sync_dir(parent(created))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_into_directories_it_creates_and_replaces_whole_files() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("a/b/c.txt");
        write_atomically(&path, b"first").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        write_atomically_unsynced(&root.path().join("d/e.txt"), b"later").unwrap();
        sync_file(&root.path().join("d/e.txt")).unwrap();
        // Nothing but the files themselves is left behind.
        let left: Vec<_> = std::fs::read_dir(root.path().join("a/b")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec![std::ffi::OsString::from("c.txt")]);
        assert_eq!(sync_file(&root.path().join("missing")).unwrap_err().kind(), io::ErrorKind::NotFound);
    }
}
