//! Loading a library folder and the bundled packs into a [`Library`].

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use super::parallel::{CardOutcome, read_cards};
use super::{
    BrokenFile, CardSource, Library, LibraryCard, LoadedPack, PackLocation, bundled_files,
};
use crate::card::parse_card;
use crate::error::{Diagnostic, Position};
use crate::pack::conflict::{MergeConflict, is_conflict_file};
use crate::pack::{MANIFEST, PackManifest, parse_manifest};
use crate::store::Fingerprint;

/// Loads the library at `root` (which need not exist: an empty library still has the bundled
/// packs). Problems are collected in the library, never returned as an error.
pub fn load(root: &Path) -> Library {
    load_parts(root, true, true)
}

/// The library at `root` without its own and installed packs' cards: what the terminal app
/// shows while those load in the background (#9). The bundled packs' cards are there (they
/// are in memory already), and the agendas and courses.
pub fn load_skeleton(root: &Path) -> Library {
    load_parts(root, false, true)
}

/// Loads the library at `root`; without its cards when `with_cards` is false (the packs,
/// templates, agenda and course paths and folder problems only: the cards then come from
/// the index, see [`super::load_lean`]).
pub(super) fn load_parts(root: &Path, with_cards: bool, with_bundled_cards: bool) -> Library {
    let mut library = Library {
        root: root.to_path_buf(),
        ..Library::default()
    };
    let own = files_below(&root.join("cards"), "md", &mut library.problems);
    // Merge conflicts left by a pack update are not cards: reported as conflicts (#8), also
    // when the cards themselves come from the index.
    let (conflicts, own): (Vec<PathBuf>, Vec<PathBuf>) =
        own.into_iter().partition(|path| is_conflict_file(path));
    load_conflicts(&mut library, &conflicts);
    if with_cards {
        let own = collect_cards(&mut library, read_cards(&own, &CardSource::Own));
        library.cards = own;
    }
    let mut packs: BTreeMap<String, (LoadedPack, Vec<LibraryCard>)> = BTreeMap::new();
    load_installed_packs(&mut library, &mut packs, with_cards);
    load_bundled_packs(&mut library, &mut packs, with_bundled_cards);
    for (_, (pack, cards)) in packs {
        library.packs.push(pack);
        library.cards.extend(cards);
    }
    library.agenda_paths = files_below(&root.join("agendas"), "toml", &mut library.problems);
    library.course_paths = files_below(&root.join("courses"), "toml", &mut library.problems);
    library.reindex();
    library
}

/// Reads the merge conflicts in the user's cards: each is kept for the app and reported as a
/// problem of its own, never as a broken card.
fn load_conflicts(library: &mut Library, paths: &[PathBuf]) {
    for path in paths {
        match fs::read(path) {
            Ok(bytes) => {
                let conflict = MergeConflict::parse(path, &bytes);
                library.problems.push(conflict.diagnostic());
                library.conflicts.push(conflict);
            }
            Err(error) => library.problems.push(Diagnostic::new(
                path,
                Position::START,
                format!("cannot read this merge conflict: {error}"),
            )),
        }
    }
}

/// The cards read, in order; broken and unreadable files go to the library's problems.
fn collect_cards(library: &mut Library, outcomes: Vec<CardOutcome>) -> Vec<LibraryCard> {
    let mut cards = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        match outcome {
            CardOutcome::Card(card) => cards.push(*card),
            CardOutcome::Broken(file) => library.broken.push(file),
            CardOutcome::Unreadable(problem) => library.problems.push(problem),
        }
    }
    cards
}

fn card_from_bytes(
    library: &mut Library,
    path: &Path,
    bytes: &[u8],
    source: CardSource,
) -> Option<LibraryCard> {
    match parse_card(path, bytes) {
        Ok((card, file)) => Some(LibraryCard {
            card,
            source,
            path: path.to_path_buf(),
            file,
            fingerprint: Fingerprint::of(bytes),
            lean: false,
        }),
        Err(problems) => {
            library.broken.push(BrokenFile {
                path: path.to_path_buf(),
                problems,
            });
            None
        }
    }
}

fn load_installed_packs(
    library: &mut Library,
    packs: &mut BTreeMap<String, (LoadedPack, Vec<LibraryCard>)>,
    with_cards: bool,
) {
    let folder = library.packs_folder();
    let Ok(entries) = fs::read_dir(&folder) else {
        return;
    };
    let mut folders: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir() && !is_hidden(path))
        .collect();
    folders.sort();
    for pack_folder in folders {
        let manifest_path = pack_folder.join(MANIFEST);
        let manifest = match fs::read_to_string(&manifest_path) {
            Ok(text) => match parse_manifest(&manifest_path, &text) {
                Ok(manifest) => manifest,
                Err(problems) => {
                    library.problems.extend(problems.0);
                    continue;
                }
            },
            Err(_) => {
                library.problems.push(Diagnostic::new(
                    &manifest_path,
                    Position::START,
                    "this pack folder has no readable pack.toml manifest; its cards are not loaded",
                ));
                continue;
            }
        };
        let folder_name = pack_folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if manifest.name != folder_name {
            library.problems.push(Diagnostic::new(
                &manifest_path,
                Position::START,
                format!(
                    "the manifest names the pack {:?} but its folder is {folder_name:?}",
                    manifest.name
                ),
            ));
        }
        let source = CardSource::Pack {
            pack: manifest.name.clone(),
        };
        let cards = if with_cards {
            let paths = files_below(&pack_folder.join("cards"), "md", &mut library.problems);
            collect_cards(library, read_cards(&paths, &source))
        } else {
            Vec::new()
        };
        let mut templates = Vec::new();
        for kind in ["agendas", "courses"] {
            for path in files_below(&pack_folder.join(kind), "toml", &mut library.problems) {
                if let Ok(text) = fs::read_to_string(&path) {
                    templates.push((path, text));
                }
            }
        }
        let pack = LoadedPack {
            card_count: cards.len(),
            manifest,
            location: PackLocation::Installed {
                folder: pack_folder.clone(),
            },
            templates,
        };
        packs.insert(pack.manifest.name.clone(), (pack, cards));
    }
}

/// The bundled packs, except those an installed pack of the same name replaces.
fn load_bundled_packs(
    library: &mut Library,
    packs: &mut BTreeMap<String, (LoadedPack, Vec<LibraryCard>)>,
    with_cards: bool,
) {
    let installed: HashSet<String> = packs.keys().cloned().collect();
    let mut by_pack: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for &(path, text) in bundled_files() {
        if let Some((pack, rest)) = path.split_once('/') {
            by_pack.entry(pack).or_default().push((rest, text));
        }
    }
    for (name, files) in by_pack {
        if installed.contains(name) {
            continue;
        }
        let display = |rest: &str| PathBuf::from(format!("bundled:{name}/{rest}"));
        let manifest: Option<PackManifest> = files
            .iter()
            .find(|(rest, _)| *rest == MANIFEST)
            .and_then(|(rest, text)| match parse_manifest(&display(rest), text) {
                Ok(manifest) => Some(manifest),
                Err(problems) => {
                    library.problems.extend(problems.0);
                    None
                }
            });
        let Some(manifest) = manifest else {
            library.problems.push(Diagnostic::new(
                display(MANIFEST),
                Position::START,
                "bundled pack without a valid manifest",
            ));
            continue;
        };
        let source = CardSource::Pack {
            pack: manifest.name.clone(),
        };
        let mut cards = Vec::new();
        let mut templates = Vec::new();
        for (rest, text) in files {
            if rest.starts_with("cards/") && rest.ends_with(".md") {
                if !with_cards {
                    continue;
                }
                let path = display(rest);
                cards.extend(card_from_bytes(
                    library,
                    &path,
                    text.as_bytes(),
                    source.clone(),
                ));
            } else if (rest.starts_with("agendas/") || rest.starts_with("courses/"))
                && rest.ends_with(".toml")
            {
                templates.push((display(rest), text.to_string()));
            }
        }
        let pack = LoadedPack {
            card_count: cards.len(),
            manifest,
            location: PackLocation::Bundled,
            templates,
        };
        packs.insert(name.to_string(), (pack, cards));
    }
}

/// Files with `extension` below `folder`, sorted, skipping hidden files and folders (the trash,
/// editors' swap files). A missing folder has no files.
pub(super) fn files_below(
    folder: &Path,
    extension: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = match fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => {
                problems.push(Diagnostic::new(
                    &current,
                    Position::START,
                    format!("cannot read folder: {error}"),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if is_hidden(&path) {
                continue;
            }
            // Only follow real folders: a link could point anywhere, even in a loop.
            let is_folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
            if is_folder {
                pending.push(path);
            } else if path.extension().and_then(|e| e.to_str()) == Some(extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

pub(super) fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with('.'))
}
