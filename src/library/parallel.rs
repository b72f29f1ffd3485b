//! Reading and parsing card files on every core. Parsing TOML front matter is most of the cost
//! of loading a large library, and each card is independent; results keep the files' order so
//! the library loads the same however many threads ran.

use std::fs;
use std::path::PathBuf;

use super::{BrokenFile, CardSource, LibraryCard};
use crate::card::parse_card;
use crate::error::{Diagnostic, Position};
use crate::store::Fingerprint;

/// What reading one card file gave.
pub(super) enum CardOutcome {
    Card(Box<LibraryCard>),
    Broken(BrokenFile),
    Unreadable(Diagnostic),
}

/// Below this many files one thread is faster than starting more.
const PARALLEL_FROM: usize = 64;

/// Reads and parses `paths`, in order, spread over the available cores.
pub(super) fn read_cards(paths: &[PathBuf], source: &CardSource) -> Vec<CardOutcome> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if paths.len() < PARALLEL_FROM || threads < 2 {
        return paths.iter().map(|path| read_card(path, source)).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|p| read_card(p, source)).collect()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_else(|_| Vec::new()))
            .collect()
    })
}

fn read_card(path: &PathBuf, source: &CardSource) -> CardOutcome {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            return CardOutcome::Unreadable(Diagnostic::new(
                path,
                Position::START,
                format!("cannot read: {error}"),
            ));
        }
    };
    match parse_card(path, &bytes) {
        Ok((card, file)) => CardOutcome::Card(Box::new(LibraryCard {
            card,
            source: source.clone(),
            path: path.clone(),
            file,
            fingerprint: Fingerprint::of(&bytes),
            lean: false,
        })),
        Err(problems) => CardOutcome::Broken(BrokenFile {
            path: path.clone(),
            problems,
        }),
    }
}
