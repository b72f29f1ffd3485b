//! Safe writes: a save goes to a temporary file in the same folder, is flushed to disk, renamed
//! over the old file in one step and the folder is synced, so a crash or a full disk mid-save
//! leaves the old file whole. A save also refuses to overwrite a file that changed on disk since
//! it was read.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// What a file held when it was read: enough to tell that it changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Fingerprint {
    pub len: u64,
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of some content (FNV-1a: fast, stable across builds and platforms).
    pub fn of(bytes: &[u8]) -> Self {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        Fingerprint {
            len: bytes.len() as u64,
            hash,
        }
    }
}

/// Reads a whole file and its fingerprint.
pub fn read(path: &Path) -> Result<(Vec<u8>, Fingerprint)> {
    let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
    let fingerprint = Fingerprint::of(&bytes);
    Ok((bytes, fingerprint))
}

/// Writes `contents` to `path` atomically, creating the folder if needed.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    let mut temporary = tempfile::Builder::new()
        .prefix(".skillbook-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| Error::io(folder, e))?;
    temporary
        .write_all(contents)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|e| Error::io(path, e))?;
    // Keep the permissions of the file we replace (a read-only pack file stays read-only).
    if let Ok(metadata) = fs::metadata(path) {
        let _ = fs::set_permissions(temporary.path(), metadata.permissions());
    }
    temporary
        .persist(path)
        .map_err(|e| Error::io(path, e.error))?;
    sync_folder(folder);
    Ok(())
}

/// Makes the rename durable. Not every platform or file system can sync a folder; the rename
/// itself is still atomic there, so a failure here is not an error.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(folder) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// Saves `contents` over a file that was read with fingerprint `expected`, refusing when the file
/// on disk is no longer what was read. `expected = None` means the file must not exist yet.
/// Returns the fingerprint of what was written.
pub fn save_checked(
    path: &Path,
    expected: Option<Fingerprint>,
    contents: &[u8],
) -> Result<Fingerprint> {
    let current = match fs::read(path) {
        Ok(bytes) => Some(Fingerprint::of(&bytes)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(Error::io(path, error)),
    };
    if current != expected {
        return Err(match (current, expected) {
            (Some(_), None) => Error::Refused {
                path: path.to_path_buf(),
                message: "already exists; not overwritten".into(),
            },
            _ => Error::ChangedOnDisk {
                path: path.to_path_buf(),
            },
        });
    }
    write_atomic(path, contents)?;
    Ok(Fingerprint::of(contents))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_replace_the_file_and_leave_no_temporaries() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("sub/card.md");
        let written = save_checked(&path, None, b"one").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one");
        save_checked(&path, Some(written), b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["card.md"]);
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_overwritten() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("card.md");
        fs::write(&path, "mine").unwrap();
        let (_, fingerprint) = read(&path).unwrap();
        fs::write(&path, "theirs").unwrap();
        let error = save_checked(&path, Some(fingerprint), b"new").unwrap_err();
        assert!(matches!(error, Error::ChangedOnDisk { .. }), "{error}");
        assert_eq!(fs::read(&path).unwrap(), b"theirs");
        let error = save_checked(&path, None, b"new").unwrap_err();
        assert!(error.to_string().contains("already exists"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn a_save_into_a_read_only_folder_fails_and_keeps_the_old_file() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("card.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o555)).unwrap();
        let result = write_atomic(&path, b"new");
        fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o755)).unwrap();
        // Root ignores folder permissions; the guarantee that matters is the old file whole.
        if let Err(error) = result {
            assert!(error.to_string().contains(folder.path().to_str().unwrap()));
            assert_eq!(fs::read(&path).unwrap(), b"old");
        }
    }
}
