//! The library index on disk: a magic header, a format version, then the index in postcard.
//!
//! postcard is a maintained serde format with a stable, documented wire format (v1) that is
//! compact (variable-length integers, no field names) and fast to decode; bincode stopped being
//! developed. A file that is missing, from another format version, for another root, or does
//! not decode is simply not used: the index is a cache and is rebuilt from the cards.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{IndexedCard, Stamp};
use crate::search::BodyIndex;

const MAGIC: &[u8; 8] = b"SKBINDEX";
/// Raised whenever what is stored or how it is derived from a card changes (fields, folding).
pub(super) const FORMAT_VERSION: u32 = 2;

/// Everything the index file holds. `cards[i]`, `stamps[i]` and card `i` of `body` are one
/// card, in the order the library loads them.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct IndexFile {
    pub root: PathBuf,
    pub cards: Vec<IndexedCard>,
    pub stamps: Vec<Stamp>,
    pub body: BodyIndex,
}

/// Reads the index for `root`, or `None` when there is no usable one.
pub(super) fn read(file: &Path, root: &Path) -> Option<IndexFile> {
    let bytes = fs::read(file).ok()?;
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (version, payload) = rest.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*version) != FORMAT_VERSION {
        return None;
    }
    let index: IndexFile = postcard::from_bytes(payload).ok()?;
    let consistent = index.root == root
        && index.cards.len() == index.stamps.len()
        && index
            .body
            .max_card()
            .is_none_or(|max| (max as usize) < index.cards.len());
    consistent.then_some(index)
}

/// Writes the index atomically (a temporary file renamed over the old one), so a reader never
/// sees half a file. Failing to write only costs the next start its speed.
pub(super) fn write(file: &Path, index: &IndexFile) -> std::io::Result<()> {
    let folder = file.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(folder)?;
    let payload = postcard::to_stdvec(index).map_err(std::io::Error::other)?;
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(MAGIC)?;
    temp.write_all(&FORMAT_VERSION.to_le_bytes())?;
    temp.write_all(&payload)?;
    temp.persist(file).map_err(|error| error.error)?;
    Ok(())
}
