//! The library as the terminal app holds it: every card's metadata from the library index,
//! without bodies (see [`LibraryCard::lean`]), so 100,000 cards start in a fraction of a second
//! and fit in little memory. A card's body is read when it is shown ([`read_full`]).
//!
//! The index is validated card by card as for search (size, modification time, and content
//! when those are ambiguous), so a changed, added or deleted card is always seen.

use std::fs;
use std::path::Path;

use super::index::load_indexed_with;
use super::load::load_parts;
use super::{CardSource, Library, LibraryCard, bundled_files};
use crate::card::parse_card;
use crate::store::Fingerprint;

/// Told (cards done, cards in all) while a library loads, from any thread.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// Loads the library at `root` with lean cards, through the index in `index_file` (see
/// [`super::index_file`]; `None` parses every card and keeps no index), and brings the index
/// up to date. Packs, templates, agenda and course paths are read as [`super::load`] reads them.
pub fn load_lean(root: &Path, index_file: Option<&Path>, progress: Progress<'_>) -> Library {
    let indexed = load_indexed_with(root, index_file, progress);
    let mut library = load_parts(root, false, false);
    library.cards = indexed
        .cards
        .into_iter()
        .zip(indexed.fingerprints)
        .map(|(card, fingerprint)| {
            let (card, source, path) = card.into_card();
            LibraryCard {
                card,
                source,
                path,
                file: crate::card::CardFile::default(),
                fingerprint,
                lean: true,
            }
        })
        .collect();
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for card in &library.cards {
        if let CardSource::Pack { pack } = &card.source {
            *counts.entry(pack.as_str()).or_default() += 1;
        }
    }
    let counts: Vec<usize> = library
        .packs
        .iter()
        .map(|pack| {
            counts
                .get(pack.manifest.name.as_str())
                .copied()
                .unwrap_or(0)
        })
        .collect();
    for (pack, count) in library.packs.iter_mut().zip(counts) {
        pack.card_count = count;
    }
    library.broken.extend(indexed.broken);
    // Both walks report an unreadable folder: keep each problem once.
    for problem in indexed.problems {
        if !library.problems.contains(&problem) {
            library.problems.push(problem);
        }
    }
    library.body_index = Some(indexed.body);
    library.reindex();
    library
}

/// The whole card at `path` (a file, or a `bundled:` path), body and file text, read again for
/// a lean card about to be shown or changed. Errors are `path:line:col: message`.
pub fn read_full(path: &Path, source: &CardSource) -> Result<LibraryCard, String> {
    let bundled = path
        .to_str()
        .and_then(|path| path.strip_prefix("bundled:"))
        .and_then(|rest| {
            bundled_files()
                .iter()
                .find(|(path, _)| *path == rest)
                .map(|(_, text)| text.as_bytes())
        });
    let read;
    let bytes = match bundled {
        Some(bytes) => bytes,
        None => {
            read = fs::read(path)
                .map_err(|error| format!("{}:1:1: cannot read: {error}", path.display()))?;
            read.as_slice()
        }
    };
    let (full, file) = parse_card(path, bytes).map_err(|problems| problems.to_string())?;
    Ok(LibraryCard {
        card: full,
        source: source.clone(),
        path: path.to_path_buf(),
        file,
        fingerprint: Fingerprint::of(bytes),
        lean: false,
    })
}
