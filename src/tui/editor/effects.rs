//! The editor's side effects and their results: creating, reading and saving card files,
//! keeping and removing recovery files, moving cards to the trash and back. The runtime runs
//! them with [`run`]; `update` only ever sees what came back.

use std::path::{Path, PathBuf};

use super::recovery_folder;
use crate::duplicate::DuplicatePlan;
use crate::error::Error;
use crate::pack::fork::ForkPlan;
use crate::rename::RenamePlan;
use crate::store::{self, Fingerprint};

/// Something the editor needs done outside the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditEffect {
    /// Write a new card file (refusing to replace one), then open it in the editor.
    Create { path: PathBuf, text: String },
    /// Read a card file and open it in the editor, filled with `start` when given (unsaved
    /// text from an earlier run). A missing file opens from `start` alone.
    Open {
        path: PathBuf,
        start: Option<String>,
    },
    /// Fork a pack card into my cards and open the copy. The plan comes from the library the
    /// app holds, so only the pack card's file is read.
    Fork(ForkPlan),
    /// Copy a card to a new card of mine, and open the copy; only the source's file is read.
    Duplicate(DuplicatePlan),
    /// Save over a file read with `expected`; removes the recovery file once saved.
    Save {
        path: PathBuf,
        expected: Option<Fingerprint>,
        text: String,
        recovery: PathBuf,
    },
    /// Keep the unsaved text.
    WriteRecovery { path: PathBuf, text: String },
    /// Forget the unsaved text (saved or discarded).
    RemoveRecovery { path: PathBuf },
    /// Whether files the watcher saw change differ from what the app holds; answered by
    /// `LibraryChanged` (read the library again) or `Done`.
    CheckLibrary { seen: Vec<(PathBuf, Known)> },
    /// Read a card file an editor has open, after the watcher saw it change.
    CheckDisk { path: PathBuf },
    /// Look for unsaved text left by an earlier run.
    ScanRecovery { root: PathBuf },
    /// Run the user's editor on the file (the runtime gives the terminal over for it).
    External { path: PathBuf },
    /// Rename an own card's id and every reference to it; only the files that change are read.
    Rename(RenamePlan),
    /// Move a card file into `<library>/.trash/`, named with the time.
    Trash { root: PathBuf, path: PathBuf },
    /// Move a trashed card back where it was (refusing to replace a file there).
    Untrash { trashed: PathBuf, path: PathBuf },
}

/// How a save went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved(Fingerprint),
    /// The file changed on disk since it was read: what it holds now.
    Conflict {
        theirs: String,
        fingerprint: Fingerprint,
    },
    Failed(String),
}

/// Unsaved text an earlier run left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// The card file the text belongs to.
    pub card: PathBuf,
    /// The recovery file.
    pub recovery: PathBuf,
    pub text: String,
}

/// What the app holds of a file the watcher saw change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A card, whose text as loaded has this fingerprint.
    Card(Fingerprint),
    /// An agenda or a course the library lists.
    Listed,
    /// Nothing: a file or folder the library does not have.
    Unknown,
}

/// What came back from an [`EditEffect`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditResult {
    /// A card file was read (or written, for a new card): open it. `disk` is `None` when the
    /// file does not exist (only `start` then).
    Opened {
        path: PathBuf,
        disk: Option<(String, Fingerprint)>,
        start: Option<String>,
    },
    Saved {
        path: PathBuf,
        text: String,
        outcome: SaveOutcome,
    },
    Recoveries(Vec<Recovered>),
    /// The user's editor ran (or could not): the file before and after.
    ExternalDone {
        path: PathBuf,
        before: Result<String, String>,
        after: Result<String, String>,
        ran: Result<(), String>,
    },
    /// A card went to the trash: where from, and where it is now.
    Trashed {
        path: PathBuf,
        trashed: PathBuf,
    },
    /// A file open in an editor, as it is on disk now after a change from outside; `None`
    /// when it is gone.
    OnDisk {
        path: PathBuf,
        disk: Result<Option<(String, Fingerprint)>, String>,
    },
    /// Files changed on disk from what the app holds: read the library again.
    LibraryChanged,
    /// Done; what to tell the user.
    Told(String),
    /// Nothing to show.
    Done,
    /// Something failed: what to tell the user.
    Failed(String),
}

/// Runs one editor effect.
pub fn run(effect: EditEffect) -> EditResult {
    match effect {
        EditEffect::Create { path, text } => {
            match store::save_checked(&path, None, text.as_bytes()) {
                Ok(fingerprint) => EditResult::Opened {
                    path,
                    disk: Some((text, fingerprint)),
                    start: None,
                },
                Err(error) => EditResult::Failed(error.to_string()),
            }
        }
        EditEffect::Open { path, start } => open(path, start),
        EditEffect::Fork(plan) => match crate::pack::fork::fork_planned(&plan) {
            Ok(forked) => open(forked.path, None),
            Err(error) => EditResult::Failed(error.to_string()),
        },
        EditEffect::Duplicate(plan) => match crate::duplicate::duplicate_planned(&plan) {
            Ok(path) => open(path, None),
            Err(error) => EditResult::Failed(error.to_string()),
        },
        EditEffect::CheckLibrary { seen } => {
            // Our own saves show up here too; they match what the app holds and cost no reload.
            let stale = seen.iter().any(|(path, known)| match known {
                Known::Card(fingerprint) => {
                    store::read(path).map_or(true, |(_, now)| now != *fingerprint)
                }
                Known::Listed => !path.is_file(),
                Known::Unknown => path.exists(),
            });
            if stale {
                EditResult::LibraryChanged
            } else {
                EditResult::Done
            }
        }
        EditEffect::CheckDisk { path } => {
            let disk = match store::read(&path) {
                Ok((bytes, fingerprint)) => String::from_utf8(bytes)
                    .map(|text| Some((text, fingerprint)))
                    .map_err(|_| format!("{}: not UTF-8 text", path.display())),
                Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                    Ok(None)
                }
                Err(error) => Err(error.to_string()),
            };
            EditResult::OnDisk { path, disk }
        }
        EditEffect::Save {
            path,
            expected,
            text,
            recovery,
        } => {
            let outcome = save(&path, expected, &text, &recovery);
            EditResult::Saved {
                path,
                text,
                outcome,
            }
        }
        EditEffect::WriteRecovery { path, text } => {
            match store::write_atomic(&path, text.as_bytes()) {
                Ok(()) => EditResult::Done,
                Err(error) => EditResult::Failed(format!("cannot keep unsaved text: {error}")),
            }
        }
        EditEffect::RemoveRecovery { path } => match std::fs::remove_file(&path) {
            Ok(()) => EditResult::Done,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => EditResult::Done,
            Err(error) => EditResult::Failed(format!("{}: {error}", path.display())),
        },
        EditEffect::ScanRecovery { root } => EditResult::Recoveries(scan(&root)),
        // Needs the terminal: the runtime runs it itself; here it only says so.
        EditEffect::External { path } => {
            EditResult::Failed(format!("{}: no terminal to edit in", path.display()))
        }
        EditEffect::Rename(plan) => match crate::rename::rename_planned(&plan) {
            Ok(report) => EditResult::Told(format!(
                "{} is now {}; {} other files updated.",
                plan.old,
                plan.new,
                report.updated.len()
            )),
            Err(error) => EditResult::Failed(error.to_string()),
        },
        EditEffect::Trash { root, path } => trash(&root, path),
        EditEffect::Untrash { trashed, path } => {
            if path.exists() {
                return EditResult::Failed(format!(
                    "{}: a card is there again; the deleted one stays in {}",
                    path.display(),
                    trashed.display()
                ));
            }
            match std::fs::rename(&trashed, &path) {
                Ok(()) => EditResult::Told(format!("{} is back.", path.display())),
                Err(error) => EditResult::Failed(format!("{}: {error}", trashed.display())),
            }
        }
    }
}

fn open(path: PathBuf, start: Option<String>) -> EditResult {
    match store::read(&path) {
        Ok((bytes, fingerprint)) => match String::from_utf8(bytes) {
            Ok(text) => EditResult::Opened {
                path,
                disk: Some((text, fingerprint)),
                start,
            },
            Err(_) => EditResult::Failed(format!("{}: not UTF-8 text", path.display())),
        },
        Err(Error::Io { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound && start.is_some() =>
        {
            EditResult::Opened {
                path,
                disk: None,
                start,
            }
        }
        Err(error) => EditResult::Failed(error.to_string()),
    }
}

/// Moves a card into the trash folder: a rename within the library, never a removal.
fn trash(root: &Path, path: PathBuf) -> EditResult {
    let folder = root.join(".trash");
    if let Err(error) = std::fs::create_dir_all(&folder) {
        return EditResult::Failed(format!("{}: {error}", folder.display()));
    }
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
    let trashed = folder.join(format!("{stem}.{stamp}.md"));
    match std::fs::rename(&path, &trashed) {
        Ok(()) => EditResult::Trashed { path, trashed },
        Err(error) => EditResult::Failed(format!("{}: {error}", path.display())),
    }
}

fn save(path: &Path, expected: Option<Fingerprint>, text: &str, recovery: &Path) -> SaveOutcome {
    match store::save_checked(path, expected, text.as_bytes()) {
        Ok(fingerprint) => {
            // The text is on disk now; a recovery file left behind would only offer it again.
            let _ = std::fs::remove_file(recovery);
            SaveOutcome::Saved(fingerprint)
        }
        Err(Error::ChangedOnDisk { .. } | Error::Refused { .. }) => match store::read(path) {
            Ok((bytes, fingerprint)) => SaveOutcome::Conflict {
                theirs: String::from_utf8_lossy(&bytes).into_owned(),
                fingerprint,
            },
            Err(error) => SaveOutcome::Failed(error.to_string()),
        },
        Err(error) => SaveOutcome::Failed(error.to_string()),
    }
}

/// The recovery files in a library, oldest name first.
fn scan(root: &Path) -> Vec<Recovered> {
    let folder = recovery_folder(root);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut found: Vec<Recovered> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .filter_map(|recovery| {
            let text = std::fs::read_to_string(&recovery).ok()?;
            let card = root.join("cards").join(recovery.file_name()?);
            Some(Recovered {
                card,
                recovery,
                text,
            })
        })
        .collect();
    found.sort_by(|a, b| a.recovery.cmp(&b.recovery));
    found
}
