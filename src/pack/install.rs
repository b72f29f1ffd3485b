//! Installing a pack in two steps, so the caller can ask before replacing anything:
//!
//! 1. [`stage`] unpacks the source into `<library>/packs/.staging-<random>/` by the
//!    [`Unpacker`]'s rules and validates the manifest. Nothing else in the library changes.
//! 2. [`Staged::commit`] writes the install record, moves any installed version aside and the
//!    new one into place with one rename each, then merges the user's forked cards.
//!
//! Dropping a [`Staged`] (an error, a "no" at the prompt) removes the staging folder and any
//! folder staging created, so a failed install leaves nothing behind.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tempfile::TempDir;

use super::archive::{ArchiveFormat, unpack_archive};
use super::error::{PackError, PackResult};
use super::folder::copy_folder;
use super::git::{clone_shallow, looks_like_url};
use super::merge::{MergeOutcome, merge_forks};
use super::progress::Meter;
use super::provenance::{
    INSTALL_RECORD, InstallRecord, SourceKind, without_credentials, write_record,
};
use super::unpack::{Limits, Unpacker};
use super::{MANIFEST, PackManifest, Version, parse_manifest};
use crate::library::{self, Library, PackLocation};

/// A pack source as the user named it, and what it turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSource {
    /// The text as given on the command line.
    pub given: String,
    pub kind: SourceKind,
    /// The local file or folder; `None` for a remote git URL.
    pub path: Option<PathBuf>,
}

impl PackSource {
    /// Tells what `given` is: a folder (a git repository when it holds `.git`), an archive by
    /// name or content, or a git URL.
    pub fn classify(given: &str) -> PackResult<PackSource> {
        let unknown = |message: &str| PackError::UnknownSource {
            input: given.to_string(),
            message: message.to_string(),
        };
        let path = Path::new(given);
        match fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => {
                let kind = if path.join(".git").exists() {
                    SourceKind::Git
                } else {
                    SourceKind::Folder
                };
                let path = fs::canonicalize(path).map_err(|e| PackError::io(path, e))?;
                Ok(PackSource {
                    given: given.to_string(),
                    kind,
                    path: Some(path),
                })
            }
            Ok(_) => {
                let kind = match ArchiveFormat::detect(path) {
                    Some(ArchiveFormat::Tar) => SourceKind::Tar,
                    Some(ArchiveFormat::TarGz) => SourceKind::TarGz,
                    Some(ArchiveFormat::Zip) => SourceKind::Zip,
                    None => return Err(unknown("not a folder, .tar.gz, .tgz, .tar or .zip")),
                };
                let path = fs::canonicalize(path).map_err(|e| PackError::io(path, e))?;
                Ok(PackSource {
                    given: given.to_string(),
                    kind,
                    path: Some(path),
                })
            }
            Err(_) if looks_like_url(given) => {
                let lower = given.to_lowercase();
                if [".tar.gz", ".tgz", ".tar", ".zip"]
                    .iter()
                    .any(|end| lower.ends_with(end))
                {
                    return Err(unknown(
                        "skillbook does not download archives: download it, then install the file",
                    ));
                }
                Ok(PackSource {
                    given: given.to_string(),
                    kind: SourceKind::Git,
                    path: None,
                })
            }
            Err(_) => Err(unknown(
                "no such file or folder, and not a git URL (https://, ssh://, git@host:path)",
            )),
        }
    }

    /// The source as the install record keeps it: an absolute path, or a URL without
    /// credentials.
    pub fn recorded(&self) -> String {
        match &self.path {
            Some(path) => path.display().to_string(),
            None => without_credentials(&self.given),
        }
    }
}

/// A step of an install, for progress lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    Copying(String),
    Unpacking(String, &'static str),
    Cloning(String),
    /// Flushing what was unpacked to disk, so the pack is whole before it moves into place;
    /// with thousands of files this is the slow part (#8).
    Syncing,
    Checking,
    Installing(PathBuf),
    Merging(usize),
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stage::Copying(source) => write!(f, "copying {source}"),
            Stage::Unpacking(source, format) => write!(f, "unpacking {source} ({format})"),
            Stage::Cloning(source) => {
                write!(
                    f,
                    "cloning {source} (shallow, hooks off; committed files only)"
                )
            }
            Stage::Syncing => f.write_str("writing the unpacked files to disk"),
            Stage::Checking => f.write_str("checking pack.toml"),
            Stage::Installing(folder) => write!(f, "installing into {}", folder.display()),
            Stage::Merging(1) => f.write_str("merging 1 forked card"),
            Stage::Merging(count) => write!(f, "merging {count} forked cards"),
        }
    }
}

/// How an install relates to what the library has under the same name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// No pack of that name yet.
    Fresh,
    /// A newer version than the installed (or bundled) one.
    Update { from: String },
    /// The same version again.
    Same,
    /// An older version than the installed (or bundled) one.
    Older { from: String },
    /// An installed folder whose manifest cannot be read.
    Unknown,
}

impl Change {
    /// Whether the user should say yes first: anything but a fresh install or an update.
    pub fn needs_confirmation(&self) -> bool {
        !matches!(self, Change::Fresh | Change::Update { .. })
    }
}

/// Folders that staging created (the library, `packs/`), removed again when the install does
/// not go through and they are still empty.
#[derive(Debug)]
struct CreatedFolders {
    folders: Vec<PathBuf>,
}

impl CreatedFolders {
    fn make(folder: &Path) -> PackResult<CreatedFolders> {
        let folders: Vec<PathBuf> = folder
            .ancestors()
            .take_while(|path| !path.as_os_str().is_empty() && !path.exists())
            .map(Path::to_path_buf)
            .collect();
        fs::create_dir_all(folder).map_err(|e| PackError::io(folder, e))?;
        Ok(CreatedFolders { folders })
    }

    fn keep(&mut self) {
        self.folders.clear();
    }
}

impl Drop for CreatedFolders {
    fn drop(&mut self) {
        // Deepest first; `remove_dir` only removes empty folders, so nothing else can go.
        for folder in &self.folders {
            let _ = fs::remove_dir(folder);
        }
    }
}

/// A pack unpacked and checked, waiting to be committed. Dropping it removes the staging folder.
#[derive(Debug)]
pub struct Staged {
    pub manifest: PackManifest,
    pub source: PackSource,
    pub record: InstallRecord,
    root: PathBuf,
    pack_dir: PathBuf,
    // Field order is drop order: the staging folder goes before the folders that held it.
    staging: TempDir,
    created: CreatedFolders,
}

/// Unpacks `given` into a staging folder in `<root>/packs/` and validates its manifest.
pub fn stage(
    root: &Path,
    given: &str,
    limits: Limits,
    progress: &mut dyn FnMut(Stage),
) -> PackResult<Staged> {
    stage_metered(root, given, limits, &Arc::new(Meter::default()), progress)
}

/// [`stage`], counting entries and bytes into `meter` as they are written, and stopping when
/// the meter asks (a clone is stopped too).
pub fn stage_metered(
    root: &Path,
    given: &str,
    limits: Limits,
    meter: &Arc<Meter>,
    progress: &mut dyn FnMut(Stage),
) -> PackResult<Staged> {
    let source = PackSource::classify(given)?;
    let packs = root.join("packs");
    let created = CreatedFolders::make(&packs)?;
    let staging = tempfile::Builder::new()
        .prefix(".staging-")
        .tempdir_in(&packs)
        .map_err(|e| PackError::io(&packs, e))?;
    let tree = staging.path().join("tree");
    fs::create_dir(&tree).map_err(|e| PackError::io(&tree, e))?;
    let mut unpacker = Unpacker::new(&tree, given, limits).with_meter(Arc::clone(meter));
    let mut commit = None;
    match (&source.kind, &source.path) {
        (SourceKind::Folder, Some(path)) => {
            progress(Stage::Copying(given.to_string()));
            copy_folder(path, &mut unpacker, &[])?;
        }
        (SourceKind::Git, local) => {
            progress(Stage::Cloning(given.to_string()));
            let clone = staging.path().join("clone");
            commit = clone_shallow(given, local.as_deref(), &clone, given, meter)?;
            copy_folder(&clone, &mut unpacker, &[".git"])?;
            let _ = fs::remove_dir_all(&clone);
        }
        (kind, Some(path)) => {
            let format = match kind {
                SourceKind::Tar => ArchiveFormat::Tar,
                SourceKind::Zip => ArchiveFormat::Zip,
                _ => ArchiveFormat::TarGz,
            };
            progress(Stage::Unpacking(given.to_string(), format.label()));
            unpack_archive(path, format, &mut unpacker)?;
        }
        (_, None) => {
            return Err(PackError::UnknownSource {
                input: given.to_string(),
                message: "not a local file".into(),
            });
        }
    }
    progress(Stage::Syncing);
    unpacker.finish()?;
    progress(Stage::Checking);
    let (pack_dir, shown) = find_pack_root(&tree).ok_or_else(|| PackError::NoManifest {
        input: given.to_string(),
    })?;
    let manifest_path = pack_dir.join(MANIFEST);
    let text = fs::read_to_string(&manifest_path).map_err(|e| PackError::io(&manifest_path, e))?;
    let manifest =
        parse_manifest(&Path::new(given).join(shown), &text).map_err(PackError::Invalid)?;
    // The record is ours to write: one shipped inside the pack is dropped.
    let _ = fs::remove_file(pack_dir.join(INSTALL_RECORD));
    let record = InstallRecord {
        source: source.recorded(),
        kind: source.kind,
        version: manifest.version.clone(),
        installed: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        commit,
    };
    Ok(Staged {
        manifest,
        source,
        record,
        root: root.to_path_buf(),
        pack_dir,
        staging,
        created,
    })
}

/// The folder holding `pack.toml`: the top of the tree, or its single folder (archives often
/// wrap a pack in `name-1.2.0/`). Also the manifest's path inside the source, for messages.
fn find_pack_root(tree: &Path) -> Option<(PathBuf, PathBuf)> {
    if tree.join(MANIFEST).is_file() {
        return Some((tree.to_path_buf(), PathBuf::from(MANIFEST)));
    }
    let mut folders = fs::read_dir(tree).ok()?.flatten().filter(|entry| {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        !name.starts_with('.') && name != "__MACOSX"
    });
    let only = folders.next()?;
    if folders.next().is_some() || !only.file_type().ok()?.is_dir() {
        return None;
    }
    let folder = only.path();
    folder.join(MANIFEST).is_file().then(|| {
        let shown = Path::new(&only.file_name()).join(MANIFEST);
        (folder, shown)
    })
}

/// What an install did.
#[derive(Debug)]
pub struct Installed {
    pub manifest: PackManifest,
    /// `<library>/packs/<name>`.
    pub folder: PathBuf,
    pub change: Change,
    /// One outcome per forked card of this pack that was looked at.
    pub merges: Vec<MergeOutcome>,
    /// The library as loaded right after the pack moved into place (before merges saved).
    pub library: Library,
}

impl Staged {
    /// How this install relates to the pack of the same name in `library`.
    pub fn change(&self, library: &Library) -> Change {
        let name = &self.manifest.name;
        let folder = self.root.join("packs").join(name);
        let existing = if folder.exists() {
            Some(installed_version(&folder))
        } else {
            library
                .pack(name)
                .filter(|pack| pack.location == PackLocation::Bundled)
                .map(|pack| Some(pack.manifest.version.clone()))
        };
        let Some(existing) = existing else {
            return Change::Fresh;
        };
        let (Some(from), Some(new)) = (existing, Version::parse(&self.manifest.version)) else {
            return Change::Unknown;
        };
        match Version::parse(&from).map(|old| new.cmp(&old)) {
            Some(std::cmp::Ordering::Greater) => Change::Update { from },
            Some(std::cmp::Ordering::Equal) => Change::Same,
            Some(std::cmp::Ordering::Less) => Change::Older { from },
            None => Change::Unknown,
        }
    }

    /// Moves the pack into `<library>/packs/<name>` (the installed version, if any, is moved
    /// aside first and removed after), then merges the user's forks of its cards. `library` is
    /// the library as it was before the install.
    pub fn commit(
        mut self,
        library: &Library,
        progress: &mut dyn FnMut(Stage),
    ) -> PackResult<Installed> {
        let change = self.change(library);
        let target = self.root.join("packs").join(&self.manifest.name);
        progress(Stage::Installing(target.clone()));
        write_record(&self.pack_dir, &self.record)?;
        let previous = self.staging.path().join("previous");
        let had_previous = fs::symlink_metadata(&target).is_ok();
        if had_previous {
            fs::rename(&target, &previous).map_err(|e| PackError::io(&target, e))?;
        }
        if let Err(error) = fs::rename(&self.pack_dir, &target) {
            if had_previous {
                let _ = fs::rename(&previous, &target);
            }
            return Err(PackError::io(&target, error));
        }
        self.created.keep();
        let after = library::load(&self.root);
        let forks = super::merge::forks_of(library, &self.manifest.name).count();
        if forks > 0 {
            progress(Stage::Merging(forks));
        }
        let merges = merge_forks(library, &after, &self.root, &self.manifest);
        Ok(Installed {
            manifest: self.manifest.clone(),
            folder: target,
            change,
            merges,
            library: after,
        })
    }
}

/// The version in an installed pack's manifest, `None` when it cannot be read.
fn installed_version(folder: &Path) -> Option<String> {
    let path = folder.join(MANIFEST);
    let text = fs::read_to_string(&path).ok()?;
    parse_manifest(&path, &text)
        .ok()
        .map(|manifest| manifest.version)
}
