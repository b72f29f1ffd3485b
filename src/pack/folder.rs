//! Copying a folder source (or a git clone) through the [`Unpacker`]: the same rules as an
//! archive, and no link is ever followed.

use std::fs::{self, File};
use std::path::Path;

use super::error::{PackError, PackResult};
use super::unpack::{OtherKind, Unpacker};

/// Copies a folder through the unpacker: the same rules as an archive, and no link is followed
/// (a link anywhere refuses the whole folder). `skip` names top-level entries to leave out
/// (`.git` of a clone).
pub fn copy_folder(from: &Path, unpacker: &mut Unpacker, skip: &[&str]) -> PackResult<()> {
    let mut pending = vec![(from.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = pending.pop() {
        let mut entries: Vec<fs::DirEntry> = fs::read_dir(&folder)
            .map_err(|e| PackError::io(&folder, e))?
            .collect::<Result<_, _>>()
            .map_err(|e| PackError::io(&folder, e))?;
        entries.sort_by_key(fs::DirEntry::file_name);
        for entry in entries {
            let file_name = entry.file_name();
            let Some(file_name) = file_name.to_str() else {
                let shown = file_name.to_string_lossy().into_owned();
                return Err(
                    unpacker.refuse(&format!("{prefix}{shown}"), "has a name that is not UTF-8")
                );
            };
            if prefix.is_empty() && skip.contains(&file_name) {
                continue;
            }
            let name = format!("{prefix}{file_name}");
            let path = entry.path();
            // `DirEntry::file_type` does not follow links: a link is seen as a link.
            let kind = entry.file_type().map_err(|e| PackError::io(&path, e))?;
            if kind.is_dir() {
                unpacker.folder(&name)?;
                pending.push((path, format!("{name}/")));
            } else if kind.is_file() {
                let mut file = File::open(&path).map_err(|e| PackError::io(&path, e))?;
                // The entry could have been swapped since it was listed: check what was opened.
                let opened = file.metadata().map_err(|e| PackError::io(&path, e))?;
                if !opened.is_file() {
                    return Err(unpacker.refuse(&name, "changed while it was copied"));
                }
                unpacker.file(&name, &mut file)?;
            } else {
                return Err(unpacker.other(&name, kind_of(kind)));
            }
        }
    }
    Ok(())
}

fn kind_of(kind: fs::FileType) -> OtherKind {
    if kind.is_symlink() {
        return OtherKind::Symlink;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return OtherKind::Fifo;
        }
        if kind.is_char_device() {
            return OtherKind::CharDevice;
        }
        if kind.is_block_device() {
            return OtherKind::BlockDevice;
        }
        if kind.is_socket() {
            return OtherKind::Socket;
        }
    }
    OtherKind::Unknown
}
