//! The personal readiness state: ticks on pack cards, kept in the user's library because pack
//! files are never written and readiness never travels in an exported pack.
//!
//! `<library>/state/readiness.toml` holds one table per pack card, keyed by its qualified id,
//! with a `ready` list in the tick scheme of [`crate::checklist`]:
//!
//! ```toml
//! ["excel-charts/pivot-chart-slicers"]
//! ready = ["outcome", "show-it", "requires: Excel for Microsoft 365 or Excel 2021"]
//! ```
//!
//! The file is edited through toml_edit, so a hand edit (a comment, a reordered table) survives
//! a tick, and it is saved atomically and only over the version that was read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml_edit::{Array, DocumentMut, Item, Table, Value};

use super::ItemId;
use super::ticks::{flip, tick_key};
use crate::card::SkillCard;
use crate::error::{Diagnostics, Error, Result};
use crate::store::{self, Fingerprint};
use crate::toml_read::{FieldReader, TomlSource};

/// Where the state file lives, relative to the library folder.
pub const STATE_FILE: &str = "state/readiness.toml";

/// The first lines of a new state file.
const HEADER: &str = "\
# skillbook's personal readiness state: your ticks on pack cards, by \"pack/id\".
# Pack files are never written; this file is yours and never travels with a pack.
";

/// Ticks on pack cards, as read from the state file and changed since.
#[derive(Debug, Clone)]
pub struct ReadinessState {
    path: PathBuf,
    /// The file as an editable document, so saves keep its comments and layout.
    document: DocumentMut,
    /// What the file held when read; `None` when it did not exist.
    fingerprint: Option<Fingerprint>,
    /// The `ready` list of each card.
    ticks: BTreeMap<String, Vec<String>>,
    changed: bool,
}

impl ReadinessState {
    /// An empty state that would be saved at `path`.
    pub fn empty(path: impl Into<PathBuf>) -> Self {
        ReadinessState {
            path: path.into(),
            document: DocumentMut::new(),
            fingerprint: None,
            ticks: BTreeMap::new(),
            changed: false,
        }
    }

    /// Reads the state of the library at `root`; a missing file is an empty state.
    ///
    /// # Errors
    /// An I/O error, or every problem in a file that is not valid state (with `path:line:col`).
    pub fn load(root: &Path) -> Result<Self> {
        let path = root.join(STATE_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| Error::Refused {
                    path: path.clone(),
                    message: "is not UTF-8 text".into(),
                })?;
                ReadinessState::parse(&path, &text).map_err(Error::Invalid)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                Ok(ReadinessState::empty(path))
            }
            Err(error) => Err(Error::io(path, error)),
        }
    }

    /// Reads state from the text of the file at `path`.
    ///
    /// # Errors
    /// Invalid TOML, a card entry that is not a table, or a `ready` that is not a list of
    /// strings, each at its place in the file.
    pub fn parse(path: &Path, text: &str) -> Result<Self, Diagnostics> {
        let source = TomlSource::whole(path, text);
        let document = source.parse()?;
        let mut reader = FieldReader::new(source);
        let mut ticks = BTreeMap::new();
        for (key, _) in document.as_table().iter() {
            // A non-table is reported by the reader and skipped.
            if let Some(table) = reader.table(document.as_table(), key) {
                let ready = reader.strings(&table.to_table(), "ready");
                ticks.insert(key.to_string(), ready);
            }
        }
        reader.finish()?;
        let editable = text
            .parse::<DocumentMut>()
            .map_err(|error| source.diagnostic(0, error.to_string()))?;
        Ok(ReadinessState {
            path: path.to_path_buf(),
            document: editable,
            fingerprint: Some(Fingerprint::of(text.as_bytes())),
            ticks,
            changed: false,
        })
    }

    /// The file the state is saved to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The ticks of a pack card, by its qualified id (`pack/id`).
    pub fn ticks(&self, card: &str) -> &[String] {
        self.ticks.get(card).map_or(&[], Vec::as_slice)
    }

    /// Whether a pack card has any tick.
    pub fn has_ticks(&self, card: &str) -> bool {
        !self.ticks(card).is_empty()
    }

    /// The cards with ticks, by qualified id.
    pub fn cards(&self) -> impl Iterator<Item = &str> {
        self.ticks
            .iter()
            .filter(|(_, ready)| !ready.is_empty())
            .map(|(card, _)| card.as_str())
    }

    /// Whether anything changed since the state was read or last saved.
    pub fn is_changed(&self) -> bool {
        self.changed
    }

    /// Toggles an item of the pack card `key` (`pack/id`); returns whether it is ticked now,
    /// `None` when the card has no such item. Nothing is written until [`ReadinessState::save`].
    pub fn toggle(&mut self, key: &str, card: &SkillCard, id: ItemId) -> Option<bool> {
        let tick = tick_key(card, id)?;
        let ready = self.ticks.entry(key.to_string()).or_default();
        let done = flip(ready, &tick);
        let ready = ready.clone();
        self.write_ready(key, &ready);
        self.changed = true;
        Some(done)
    }

    /// Mirrors a card's `ready` list into the document, editing the existing array in place so
    /// the rest of the file keeps its layout; a card without ticks loses its table.
    fn write_ready(&mut self, key: &str, ready: &[String]) {
        let root = self.document.as_table_mut();
        if ready.is_empty() {
            let only_ready = root
                .get(key)
                .and_then(Item::as_table_like)
                .is_some_and(|table| table.iter().all(|(k, _)| k == "ready"));
            if only_ready {
                root.remove(key);
            } else if let Some(table) = root.get_mut(key).and_then(Item::as_table_like_mut) {
                table.remove("ready");
            }
            return;
        }
        if !root.contains_key(key) {
            let mut table = Table::new();
            if !root.is_empty() {
                table.decor_mut().set_prefix("\n");
            }
            root.insert(key, Item::Table(table));
        }
        let Some(table) = root.get_mut(key).and_then(Item::as_table_like_mut) else {
            return;
        };
        match table.get_mut("ready").and_then(Item::as_array_mut) {
            Some(array) => {
                array.retain(|value| value.as_str().is_some_and(|v| ready.iter().any(|r| r == v)));
                for entry in ready {
                    if !array.iter().any(|value| value.as_str() == Some(entry)) {
                        array.push(entry.as_str());
                    }
                }
            }
            None => {
                let array: Array = ready.iter().map(String::as_str).collect();
                table.insert("ready", Item::Value(Value::Array(array)));
            }
        }
    }

    /// The file's text as it would be saved.
    pub fn render(&self) -> String {
        let text = self.document.to_string();
        if self.fingerprint.is_none() {
            format!("{HEADER}\n{text}")
        } else {
            text
        }
    }

    /// Writes the state atomically if it changed, refusing when the file changed on disk
    /// since it was read.
    ///
    /// # Errors
    /// [`Error::ChangedOnDisk`], or an I/O error; the state stays unsaved.
    pub fn save(&mut self) -> Result<()> {
        if !self.changed {
            return Ok(());
        }
        let text = self.render();
        let fingerprint = store::save_checked(&self.path, self.fingerprint, text.as_bytes())?;
        if let Ok(document) = text.parse::<DocumentMut>() {
            self.document = document;
        }
        self.fingerprint = Some(fingerprint);
        self.changed = false;
        Ok(())
    }
}
