//! The user's library: their own `cards/`, `agendas/` and `courses/`, the installed `packs/`,
//! and the bundled packs that ship inside the binary.
//!
//! Loading never stops at a broken file: a card whose front matter does not parse is kept as a
//! [`BrokenFile`] with its `path:line:col` message, and the rest loads.

mod bundled;
mod index;
mod lean;
mod load;
mod parallel;
mod resolve;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use bundled::bundled_files;
pub use index::{
    CardRest, IndexStats, IndexedCard, IndexedLibrary, index_file, load_indexed, load_indexed_with,
};
pub use lean::{Progress, load_lean, read_full};
pub use load::{load, load_skeleton};
pub use resolve::{CardRef, DuplicateId};

use crate::card::{CardFile, SkillCard};
use crate::error::{Diagnostic, Diagnostics};
use crate::pack::PackManifest;
use crate::store::Fingerprint;

/// Environment variable naming the library folder.
pub const LIBRARY_ENV: &str = "SKILLBOOK_LIBRARY";

/// The library folder when none is given: the platform's data directory
/// (`~/.local/share/skillbook` on Linux).
pub fn default_root() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "skillbook").map(|dirs| dirs.data_dir().to_path_buf())
}

/// Where a card comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum CardSource {
    /// The user's own `cards/` folder.
    Own,
    /// A pack, installed in `packs/` or bundled.
    Pack { pack: String },
}

impl CardSource {
    pub fn pack(&self) -> Option<&str> {
        match self {
            CardSource::Own => None,
            CardSource::Pack { pack } => Some(pack),
        }
    }
}

/// A card as loaded: the typed card and the file it came from.
#[derive(Debug, Clone)]
pub struct LibraryCard {
    pub card: SkillCard,
    pub source: CardSource,
    /// The file's path; for bundled cards a `bundled:` path that names no real file.
    pub path: PathBuf,
    pub file: CardFile,
    pub fingerprint: Fingerprint,
    /// True when the card was loaded from the library index without its body and file text
    /// (`card.body` is empty, `file` holds no text): a large library fits in memory that way.
    /// [`read_full`] reads the whole card when something shows or changes it; a lean card is
    /// never saved.
    pub lean: bool,
}

impl LibraryCard {
    /// The id that names this card unambiguously: `id` for own cards, `pack/id` for pack cards.
    pub fn qualified_id(&self) -> String {
        match &self.source {
            CardSource::Own => self.card.id.clone(),
            CardSource::Pack { pack } => format!("{pack}/{}", self.card.id),
        }
    }

    /// Whether the card can be written (own cards only; packs are read only).
    pub fn is_own(&self) -> bool {
        self.source == CardSource::Own
    }

    /// Drops the body and file text again (the metadata stays), to keep memory small once the
    /// card is no longer shown.
    pub fn make_lean(&mut self) {
        self.card.body = String::new();
        self.file = CardFile::default();
        self.lean = true;
    }
}

/// A file that could not be read, with every problem found in it.
#[derive(Debug, Clone)]
pub struct BrokenFile {
    pub path: PathBuf,
    pub problems: Diagnostics,
}

/// Where a pack's files are.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum PackLocation {
    /// Shipped inside the binary.
    Bundled,
    /// Installed under the library's `packs/` folder.
    Installed { folder: PathBuf },
}

/// A pack as loaded.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LoadedPack {
    pub manifest: PackManifest,
    pub location: PackLocation,
    pub card_count: usize,
    /// Agenda and course templates in the pack, as (path, text).
    #[serde(skip)]
    pub templates: Vec<(PathBuf, String)>,
}

/// Everything the library holds, loaded.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub root: PathBuf,
    /// Own cards first, then pack cards in pack order.
    pub cards: Vec<LibraryCard>,
    pub packs: Vec<LoadedPack>,
    pub broken: Vec<BrokenFile>,
    /// Other problems: packs without a manifest, unreadable folders.
    pub problems: Vec<Diagnostic>,
    /// The user's agenda files (`agendas/*.toml`).
    pub agenda_paths: Vec<PathBuf>,
    /// The user's course files (`courses/*.toml`).
    pub course_paths: Vec<PathBuf>,
    /// The words of every card's body, by position in `cards`, when the library came from the
    /// index with lean cards (their bodies are not in memory to index again).
    pub body_index: Option<crate::search::BodyIndex>,
    /// Card positions in `cards` by plain id, rebuilt whenever `cards` changes.
    by_id: HashMap<String, Vec<usize>>,
    /// Where each source's cards are in `cards`, as runs of positions, rebuilt with `by_id`.
    /// Loading keeps a source's cards together, so this is one run per source, and listing
    /// a source costs nothing however many cards the library holds.
    by_source: HashMap<CardSource, Vec<std::ops::Range<usize>>>,
    /// Merge conflicts a pack update left beside the user's forked cards (#8).
    pub conflicts: Vec<crate::pack::conflict::MergeConflict>,
}

impl Library {
    pub fn cards_folder(&self) -> PathBuf {
        self.root.join("cards")
    }

    pub fn agendas_folder(&self) -> PathBuf {
        self.root.join("agendas")
    }

    pub fn courses_folder(&self) -> PathBuf {
        self.root.join("courses")
    }

    pub fn packs_folder(&self) -> PathBuf {
        self.root.join("packs")
    }

    /// The cards of one source, in load order.
    pub fn cards_of<'a>(&'a self, source: &'a CardSource) -> impl Iterator<Item = &'a LibraryCard> {
        self.positions_of(source)
            .filter_map(|index| self.cards.get(index))
    }

    /// The positions in `cards` of one source's cards, in load order.
    pub fn positions_of(&self, source: &CardSource) -> impl Iterator<Item = usize> + '_ {
        self.source_runs(source).iter().cloned().flatten()
    }

    /// How many cards one source has.
    pub fn count_of(&self, source: &CardSource) -> usize {
        self.source_runs(source)
            .iter()
            .map(ExactSizeIterator::len)
            .sum()
    }

    /// The position in `cards` of a source's `nth` card.
    pub fn nth_of(&self, source: &CardSource, mut nth: usize) -> Option<usize> {
        for run in self.source_runs(source) {
            if nth < run.len() {
                return Some(run.start + nth);
            }
            nth -= run.len();
        }
        None
    }

    fn source_runs(&self, source: &CardSource) -> &[std::ops::Range<usize>] {
        self.by_source.get(source).map_or(&[], Vec::as_slice)
    }

    pub fn pack(&self, name: &str) -> Option<&LoadedPack> {
        self.packs.iter().find(|pack| pack.manifest.name == name)
    }

    /// Every problem the library has when loaded: broken files and folder problems (the checks
    /// that need more than loading are in `check`).
    pub fn load_problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.broken
            .iter()
            .flat_map(|file| file.problems.0.iter())
            .chain(self.problems.iter())
    }

    /// The merge conflict waiting beside the card at `path`, if any (#8).
    pub fn conflict_of(&self, path: &Path) -> Option<&crate::pack::conflict::MergeConflict> {
        self.conflicts.iter().find(|c| c.card_path == path)
    }

    /// The path a card of this library is shown under, relative to the library root when inside.
    pub fn display_path<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }
}
