//! The library index: what search needs from every card (its metadata and the inverted
//! body-word index), kept in one file in the platform cache folder so a search does not read
//! and parse every card file.
//!
//! The index is a cache and never trusted blindly: every card file is checked against the
//! size and modification time it had when indexed, and a file whose time was too close to the
//! moment it was indexed to tell two writes apart ("racy", the same second) is read and
//! compared by content fingerprint. Cards not in the index, or changed, are parsed in parallel;
//! deleted ones drop out. Bundled cards are checked by fingerprint, from memory.
//!
//! [`load_indexed`] returns the cards in the order [`super::load`] loads them, so positions and
//! search results are the same as when searching the full library.

mod card;
mod codes;
mod format;

pub use card::{CardRest, IndexedCard};
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{SystemTime, UNIX_EPOCH};

use super::load::files_below;
use super::{BrokenFile, bundled_files};
use crate::card::parse_card;
use crate::error::{Diagnostic, Position};
use crate::pack::{MANIFEST, parse_manifest};
use crate::search::{BodyIndex, words};
use crate::store::Fingerprint;

/// What a card file was like when indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Stamp {
    len: u64,
    /// Modification time in nanoseconds since the epoch (0 for bundled cards).
    modified: i128,
    hash: u64,
    /// The file was indexed within a second of its modification time: a later write in the
    /// same second could keep size and time, so the content must be compared.
    racy: bool,
}

/// How a load went: how many cards came from the index and how many were parsed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexStats {
    /// Cards taken from the index without reading their file.
    pub reused: usize,
    /// Cards whose file was read only to compare its fingerprint (racy entries), then reused.
    pub verified: usize,
    /// Cards parsed: new, changed, or no usable index.
    pub parsed: usize,
    /// Index entries dropped because their file is gone.
    pub removed: usize,
    /// Whether the index file was written.
    pub saved: bool,
}

/// The library as search sees it: every card's metadata and the body-word index, in load
/// order.
#[derive(Debug, Default)]
pub struct IndexedLibrary {
    pub root: PathBuf,
    pub cards: Vec<IndexedCard>,
    /// Card `i` is `cards[i]`.
    pub body: BodyIndex,
    pub broken: Vec<BrokenFile>,
    pub problems: Vec<Diagnostic>,
    pub stats: IndexStats,
    /// Each card's file fingerprint when indexed, by position in `cards`.
    pub fingerprints: Vec<Fingerprint>,
}

/// The index file for a library root: one file per root in the platform cache folder
/// (`~/.cache/skillbook/libraries/` on Linux), named by a hash of the root's path.
pub fn index_file(root: &Path) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "skillbook")?;
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let hash = Fingerprint::of(root.as_os_str().as_encoded_bytes()).hash;
    Some(
        dirs.cache_dir()
            .join("libraries")
            .join(format!("{hash:016x}.index")),
    )
}

/// Loads what search needs from the library at `root`, through the index in `index_file`
/// when given (see [`index_file`]), and brings that index up to date.
pub fn load_indexed(root: &Path, index_file: Option<&Path>) -> IndexedLibrary {
    load_indexed_with(root, index_file, &|_, _| {})
}

/// [`load_indexed`], telling `progress` (cards done, cards in all) as the cards are checked
/// and parsed, from any thread.
pub fn load_indexed_with(
    root: &Path,
    index_file: Option<&Path>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> IndexedLibrary {
    let now = SystemTime::now();
    let mut library = IndexedLibrary {
        root: root.to_path_buf(),
        ..IndexedLibrary::default()
    };
    let sources = discover(root, &mut library.problems);
    let old = index_file
        .and_then(|file| format::read(file, root))
        .unwrap_or_default();
    let old_position: HashMap<&Path, usize> = old
        .cards
        .iter()
        .enumerate()
        .map(|(position, card)| (card.path.as_path(), position))
        .collect();

    // Decide per card: reuse the entry, or parse (with the bytes when already read).
    let mut plans = Vec::with_capacity(sources.len());
    let mut stamps_changed = false;
    for source in &sources {
        let previous = old_position
            .get(source.path.as_path())
            .map(|&p| (p, old.stamps[p]));
        let plan = check(
            source,
            previous,
            now,
            &mut library.stats,
            &mut stamps_changed,
        );
        plans.push(plan);
    }
    // What the index held that is gone from disk, counted while the old paths are at hand.
    let discovered: HashSet<&Path> = sources.iter().map(|s| s.path.as_path()).collect();
    library.stats.removed = old
        .cards
        .iter()
        .filter(|card| !discovered.contains(card.path.as_path()))
        .count();
    drop(old_position);
    let old_count = old.cards.len();
    // Entries are moved out as they are reused, not copied: at 100,000 cards a copy of
    // every entry cost more than checking them.
    let mut old_cards: Vec<Option<IndexedCard>> = old.cards.into_iter().map(Some).collect();
    let reused = plans
        .iter()
        .filter(|plan| matches!(plan, Plan::Reuse { .. }))
        .count();
    progress(reused, plans.len());
    let parsed = parse_all(&sources, &plans, now, &|done| {
        progress(reused + done, plans.len());
    });

    // Assemble in load order, renumbering what the old body index knows.
    let mut new_number: Vec<Option<u32>> = vec![None; old_count];
    let mut cards = Vec::with_capacity(sources.len());
    let mut stamps = Vec::with_capacity(sources.len());
    let mut fresh_words = Vec::new();
    let mut parsed = parsed.into_iter();
    for plan in &plans {
        match plan {
            Plan::Reuse { position, stamp } => {
                // Each entry is reused at most once: paths are unique.
                let Some(card) = old_cards.get_mut(*position).and_then(Option::take) else {
                    continue;
                };
                new_number[*position] = Some(card_number(cards.len()));
                cards.push(card);
                stamps.push(*stamp);
            }
            Plan::Parse { .. } => match parsed.next() {
                Some(Ok((card, stamp, card_words))) => {
                    library.stats.parsed += 1;
                    fresh_words.push((card_number(cards.len()), card_words));
                    cards.push(card);
                    stamps.push(stamp);
                }
                Some(Err(Failure::Broken(file))) => library.broken.push(file),
                Some(Err(Failure::Unreadable(problem))) => library.problems.push(problem),
                None => {}
            },
        }
    }
    let kept: HashSet<usize> = plans
        .iter()
        .filter_map(|plan| match plan {
            Plan::Reuse { position, .. } => Some(*position),
            Plan::Parse { .. } => None,
        })
        .collect();
    let in_order = new_number
        .iter()
        .flatten()
        .zip(0..)
        .all(|(&new, old)| new == old);
    let unchanged =
        fresh_words.is_empty() && kept.len() == old_count && in_order && old_count == cards.len();
    let body = if unchanged {
        old.body
    } else {
        let mut builder = old.body.renumber(&new_number);
        for (card, card_words) in fresh_words {
            builder.add_words(card, card_words);
        }
        builder.finish()
    };
    let index = format::IndexFile {
        root: root.to_path_buf(),
        cards,
        stamps,
        body,
    };
    if let Some(file) = index_file
        && (!unchanged || stamps_changed)
    {
        library.stats.saved = format::write(file, &index).is_ok();
    }
    library.fingerprints = index
        .stamps
        .iter()
        .map(|stamp| Fingerprint {
            len: stamp.len,
            hash: stamp.hash,
        })
        .collect();
    library.cards = index.cards;
    library.body = index.body;
    library
}

/// Where one card comes from, in load order.
struct Source {
    path: PathBuf,
    pack: Option<String>,
    /// The text of a bundled card; `None` for a file.
    bundled: Option<&'static str>,
}

enum Plan {
    Reuse { position: usize, stamp: Stamp },
    Parse { bytes: Option<Vec<u8>> },
}

enum Failure {
    Broken(BrokenFile),
    Unreadable(Diagnostic),
}

type Parsed = Result<(IndexedCard, Stamp, Vec<String>), Failure>;

/// Whether the index entry (position, stamp) still describes the card.
fn check(
    source: &Source,
    previous: Option<(usize, Stamp)>,
    now: SystemTime,
    stats: &mut IndexStats,
    stamps_changed: &mut bool,
) -> Plan {
    let Some((position, stamp)) = previous else {
        return Plan::Parse { bytes: None };
    };
    if let Some(text) = source.bundled {
        let fingerprint = Fingerprint::of(text.as_bytes());
        if fingerprint.len == stamp.len && fingerprint.hash == stamp.hash {
            stats.reused += 1;
            return Plan::Reuse { position, stamp };
        }
        return Plan::Parse { bytes: None };
    }
    let Ok(metadata) = fs::metadata(&source.path) else {
        return Plan::Parse { bytes: None };
    };
    let modified = metadata.modified().ok().map(nanos);
    if metadata.len() != stamp.len || modified != Some(stamp.modified) {
        return Plan::Parse { bytes: None };
    }
    if !stamp.racy {
        stats.reused += 1;
        return Plan::Reuse { position, stamp };
    }
    let Ok(bytes) = fs::read(&source.path) else {
        return Plan::Parse { bytes: None };
    };
    let fingerprint = Fingerprint::of(&bytes);
    if fingerprint.len != stamp.len || fingerprint.hash != stamp.hash {
        return Plan::Parse { bytes: Some(bytes) };
    }
    stats.verified += 1;
    let racy = is_racy(stamp.modified, now);
    *stamps_changed |= racy != stamp.racy;
    Plan::Reuse {
        position,
        stamp: Stamp { racy, ..stamp },
    }
}

/// Parses every card planned for parsing, on all cores, in plan order.
fn parse_all(
    sources: &[Source],
    plans: &[Plan],
    now: SystemTime,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Parsed> {
    let work: Vec<(&Source, Option<&[u8]>)> = sources
        .iter()
        .zip(plans)
        .filter_map(|(source, plan)| match plan {
            Plan::Parse { bytes } => Some((source, bytes.as_deref())),
            Plan::Reuse { .. } => None,
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if work.len() < 64 || threads < 2 {
        return work
            .into_iter()
            .map(|(source, bytes)| parse_one(source, bytes, now))
            .collect();
    }
    let chunk = work.len().div_ceil(threads);
    let done = std::sync::atomic::AtomicUsize::new(0);
    let done = &done;
    std::thread::scope(|scope| {
        let handles: Vec<_> = work
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, &(source, bytes))| {
                            // Progress every few hundred cards: often enough for a smooth
                            // count, rarely enough to cost nothing.
                            if i % 512 == 511 {
                                let now_done = done.fetch_add(512, Ordering::Relaxed) + 512;
                                progress(now_done);
                            }
                            parse_one(source, bytes, now)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    })
}

fn parse_one(source: &Source, bytes: Option<&[u8]>, now: SystemTime) -> Parsed {
    let read;
    let (bytes, modified) = match (source.bundled, bytes) {
        (Some(text), _) => (text.as_bytes(), 0),
        (None, Some(bytes)) => (bytes, modified_of(&source.path)),
        (None, None) => {
            // The time is taken before reading: a write racing the read leaves a newer time,
            // which the next load sees as a change.
            let modified = modified_of(&source.path);
            read = fs::read(&source.path).map_err(|error| {
                Failure::Unreadable(Diagnostic::new(
                    &source.path,
                    Position::START,
                    format!("cannot read: {error}"),
                ))
            })?;
            (read.as_slice(), modified)
        }
    };
    let (card, _file) = parse_card(&source.path, bytes).map_err(|problems| {
        Failure::Broken(BrokenFile {
            path: source.path.clone(),
            problems,
        })
    })?;
    let fingerprint = Fingerprint::of(bytes);
    let stamp = Stamp {
        len: fingerprint.len,
        modified,
        hash: fingerprint.hash,
        racy: source.bundled.is_none() && is_racy(modified, now),
    };
    let mut card_words = words(&card.body);
    card_words.sort_unstable();
    card_words.dedup();
    let indexed = IndexedCard::of(&card, source.pack.as_deref(), &source.path);
    Ok((indexed, stamp, card_words))
}

/// Every card of the library in the order [`super::load`] loads them: own cards, then each
/// pack's (installed or bundled) by pack name, an installed pack replacing a bundled one.
fn discover(root: &Path, problems: &mut Vec<Diagnostic>) -> Vec<Source> {
    let mut sources: Vec<Source> = files_below(&root.join("cards"), "md", problems)
        .into_iter()
        // Merge conflicts left by a pack update are not cards (#8).
        .filter(|path| !crate::pack::conflict::is_conflict_file(path))
        .map(|path| Source {
            path,
            pack: None,
            bundled: None,
        })
        .collect();
    let mut packs: BTreeMap<String, Vec<Source>> = BTreeMap::new();
    for (name, folder) in installed_packs(&root.join("packs")) {
        let cards = files_below(&folder.join("cards"), "md", problems)
            .into_iter()
            .map(|path| Source {
                path,
                pack: Some(name.clone()),
                bundled: None,
            })
            .collect();
        packs.insert(name, cards);
    }
    let installed: HashSet<String> = packs.keys().cloned().collect();
    let mut bundled: BTreeMap<&str, Vec<(&str, &'static str)>> = BTreeMap::new();
    for &(path, text) in bundled_files() {
        if let Some((pack, rest)) = path.split_once('/') {
            bundled.entry(pack).or_default().push((rest, text));
        }
    }
    for (folder_name, files) in bundled {
        if installed.contains(folder_name) {
            continue;
        }
        let display = |rest: &str| PathBuf::from(format!("bundled:{folder_name}/{rest}"));
        let Some(manifest) = files
            .iter()
            .find(|(rest, _)| *rest == MANIFEST)
            .and_then(|(rest, text)| parse_manifest(&display(rest), text).ok())
        else {
            continue;
        };
        let cards = files
            .iter()
            .filter(|(rest, _)| rest.starts_with("cards/") && rest.ends_with(".md"))
            .map(|&(rest, text)| Source {
                path: display(rest),
                pack: Some(manifest.name.clone()),
                bundled: Some(text),
            })
            .collect();
        packs.insert(folder_name.to_string(), cards);
    }
    sources.extend(packs.into_values().flatten());
    sources
}

/// Installed packs with a valid manifest, as (pack name, folder), in folder order (the
/// full load reports the problems with the others).
fn installed_packs(folder: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut folders: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir() && !super::load::is_hidden(path))
        .collect();
    folders.sort();
    folders
        .into_iter()
        .filter_map(|pack_folder| {
            let manifest_path = pack_folder.join(MANIFEST);
            let text = fs::read_to_string(&manifest_path).ok()?;
            let manifest = parse_manifest(&manifest_path, &text).ok()?;
            Some((manifest.name, pack_folder))
        })
        .collect()
}

fn modified_of(path: &Path) -> i128 {
    fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .map_or(0, nanos)
}

fn nanos(time: SystemTime) -> i128 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i128::try_from(after.as_nanos()).unwrap_or(i128::MAX),
        Err(before) => -i128::try_from(before.duration().as_nanos()).unwrap_or(i128::MAX),
    }
}

/// Whether a file modified at `modified` and indexed at `now` could be written again without
/// its time changing: within the same second (file systems keep times as coarse as that), or
/// in the future.
fn is_racy(modified: i128, now: SystemTime) -> bool {
    const SECOND: i128 = 1_000_000_000;
    modified.div_euclid(SECOND) >= nanos(now).div_euclid(SECOND) - 1
}

fn card_number(position: usize) -> u32 {
    u32::try_from(position).unwrap_or(u32::MAX)
}
