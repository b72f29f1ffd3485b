//! What can go wrong installing, forking, exporting or removing a pack. Every variant says which
//! source, entry or file it is about, so the message alone tells the user what to look at.

use std::io;
use std::path::PathBuf;

use crate::error::Diagnostics;

/// A pack operation that could not be done. Nothing was installed or changed when one of these
/// comes back from an install: the staging folder is removed on the way out.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// An archive or folder entry that is not a plain file or folder inside the pack.
    #[error("{input}: refused: entry {entry:?} {reason}; nothing was installed")]
    UnsafeEntry {
        input: String,
        entry: String,
        reason: String,
    },
    /// The source unpacks past one of the limits.
    #[error("{input}: refused: {what} passes the limit of {limit}; nothing was installed")]
    TooLarge {
        input: String,
        what: String,
        limit: String,
    },
    /// The archive could not be read at all.
    #[error("{input}: not a readable {format} archive: {message}")]
    Unreadable {
        input: String,
        format: &'static str,
        message: String,
    },
    /// The source is neither a folder, an archive, nor something git can clone.
    #[error("{input}: {message}")]
    UnknownSource { input: String, message: String },
    /// No `pack.toml` where a pack has one.
    #[error(
        "{input}: no pack.toml at the top (or in a single folder at the top): is this a skillbook pack?"
    )]
    NoManifest { input: String },
    /// A manifest or card that does not parse, with every problem found.
    #[error("{0}")]
    Invalid(Diagnostics),
    /// `git` could not be started.
    #[error("cannot run git to clone {input}: {error} (install git, or give a folder or archive)")]
    GitMissing { input: String, error: io::Error },
    /// `git` ran and failed.
    #[error("git could not clone {input}: {message}")]
    Git { input: String, message: String },
    /// No pack of that name in the library.
    #[error("no pack named {name:?} (see `skillbook pack list`)")]
    NoSuchPack { name: String },
    /// Bundled packs ship inside the binary.
    #[error("{name:?} is bundled with skillbook and cannot be removed")]
    Bundled { name: String },
    /// A card reference that names no pack card.
    #[error("{reference:?}: {message}")]
    Card { reference: String, message: String },
    /// Something is in the way and is not overwritten.
    #[error("{}: {message}", path.display())]
    Refused { path: PathBuf, message: String },
    /// The install was told to stop (the app quit while it ran).
    #[error("{input}: stopped before it was done; nothing was installed")]
    Stopped { input: String },
    /// A library save failed (changed on disk, unwritable).
    #[error(transparent)]
    Library(#[from] crate::error::Error),
}

impl PackError {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        PackError::Io {
            path: path.into(),
            source,
        }
    }
}

/// The result of pack operations.
pub type PackResult<T> = Result<T, PackError>;
