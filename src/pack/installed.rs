//! The packs a library has, with where each came from, and removing an installed one.

use std::fs;
use std::path::PathBuf;

use super::error::{PackError, PackResult};
use super::merge::forks_of;
use super::provenance::{InstallRecord, read_record};
use crate::library::{DuplicateId, Library, PackLocation};

/// One pack as `pack list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PackSummary {
    pub name: String,
    pub version: String,
    pub title: String,
    pub cards: usize,
    /// `bundled`, the recorded folder, archive or URL, or `unknown` for a pack copied in by hand.
    pub source: String,
    /// The install record, for installed packs that have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<InstallRecord>,
    /// The installed folder; `None` for bundled packs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder: Option<PathBuf>,
}

/// Every pack in the library, in load order (by name).
pub fn pack_summaries(library: &Library) -> Vec<PackSummary> {
    library
        .packs
        .iter()
        .map(|pack| {
            let (source, record, folder) = match &pack.location {
                PackLocation::Bundled => ("bundled".to_string(), None, None),
                PackLocation::Installed { folder } => {
                    let record = read_record(folder);
                    let source = record
                        .as_ref()
                        .map_or_else(|| "unknown".to_string(), |r| r.source.clone());
                    (source, record, Some(folder.clone()))
                }
            };
            PackSummary {
                name: pack.manifest.name.clone(),
                version: pack.manifest.version.clone(),
                title: pack.manifest.title.clone(),
                cards: pack.card_count,
                source,
                record,
                folder,
            }
        })
        .collect()
}

/// What removing a pack did.
#[derive(Debug, Clone)]
pub struct Removed {
    pub name: String,
    pub folder: PathBuf,
    /// The user's own cards forked from the pack: they stay, and keep their origin.
    pub forks: Vec<PathBuf>,
    /// A bundled pack of the same name, shown again now.
    pub bundled_again: bool,
}

/// Removes the installed pack `name`: its folder is renamed out of sight in one step, then
/// deleted. Bundled packs cannot be removed.
pub fn remove_pack(library: &Library, name: &str) -> PackResult<Removed> {
    let folder = library.packs_folder().join(name);
    let installed = crate::card::is_valid_id(name) && fs::symlink_metadata(&folder).is_ok();
    if !installed {
        return Err(match library.pack(name) {
            Some(pack) if pack.location == PackLocation::Bundled => PackError::Bundled {
                name: name.to_string(),
            },
            _ => PackError::NoSuchPack {
                name: name.to_string(),
            },
        });
    }
    let hidden = tempfile::Builder::new()
        .prefix(".removing-")
        .tempdir_in(library.packs_folder())
        .map_err(|e| PackError::io(library.packs_folder(), e))?;
    let aside = hidden.path().join(name);
    fs::rename(&folder, &aside).map_err(|e| PackError::io(&folder, e))?;
    // `hidden` is removed with everything in it when it drops; links inside are not followed.
    drop(hidden);
    let bundled_again = crate::library::bundled_files().iter().any(|(path, _)| {
        path.strip_prefix(name)
            .is_some_and(|rest| rest.starts_with('/'))
    });
    Ok(Removed {
        name: name.to_string(),
        folder,
        forks: forks_of(library, name)
            .map(|card| card.path.clone())
            .collect(),
        bundled_again,
    })
}

/// The duplicate ids that involve a card of the pack `name` (what installing it created).
pub fn clashes_of(library: &Library, name: &str) -> Vec<DuplicateId> {
    let paths: Vec<&PathBuf> = library
        .cards
        .iter()
        .filter(|card| card.source.pack() == Some(name))
        .map(|card| &card.path)
        .collect();
    library
        .duplicate_ids()
        .into_iter()
        .filter(|duplicate| duplicate.paths.iter().any(|path| paths.contains(&path)))
        .collect()
}
