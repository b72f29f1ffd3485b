//! Renaming a card's id: the file `cards/<old>.md` becomes `cards/<new>.md`, and every agenda
//! and course item that names the card and every prerequisite that names it follow, so nothing
//! that pointed at the card is left dangling.
//!
//! Every file is changed format-preservingly (`toml_edit` for plans, `render_card` for cards):
//! one value changes, comments and layout stay. Writes are atomic and checked against what was
//! read; the new card is written first and the old file removed last, so a failure half-way
//! leaves the card findable under one of its names, never under none.

use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Table, Value};

use crate::card::{is_valid_id, parse_card, render_card};
use crate::error::{Error, Result};
use crate::library::{CardSource, Library, LibraryCard, read_full};
use crate::store::{self, Fingerprint, save_checked};

/// What a rename changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RenameReport {
    /// The card's new file.
    pub path: PathBuf,
    /// Other files whose references were updated.
    pub updated: Vec<PathBuf>,
}

fn refused(path: &Path, message: impl Into<String>) -> Error {
    Error::Refused {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

/// A rename worked out from a loaded library without touching the disk: the app plans it from
/// the library it holds, and carrying it out then reads only the files it changes (see
/// [`rename_planned`]), however many cards the library has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenamePlan {
    pub old: String,
    pub new: String,
    /// The card's file, and its fingerprint as loaded: a file changed since is not renamed.
    pub card: PathBuf,
    pub fingerprint: Fingerprint,
    /// The card's new file.
    pub target: PathBuf,
    /// My other cards that name `old` as a prerequisite, each with its fingerprint as loaded.
    pub referrers: Vec<(PathBuf, Fingerprint)>,
    /// Every agenda and course file, any of which may name the card.
    pub plans: Vec<PathBuf>,
}

/// Plans renaming the own card `old` to `new`: refuses a card that is not mine, an unusable id
/// and an id one of my cards has. Reads nothing from disk.
pub fn plan_rename(library: &Library, old: &str, new: &str) -> Result<RenamePlan> {
    let card = library
        .cards
        .iter()
        .find(|card| card.is_own() && card.card.id == old)
        .ok_or_else(|| {
            refused(
                &library.cards_folder(),
                format!("no card of yours is {old:?}"),
            )
        })?;
    if !is_valid_id(new) {
        return Err(refused(
            &card.path,
            format!("{new:?} is not a usable id: use lowercase letters, digits and dashes"),
        ));
    }
    let target = library.cards_folder().join(format!("{new}.md"));
    if library.cards.iter().any(|c| c.is_own() && c.card.id == new) {
        return Err(taken(&target, new));
    }
    Ok(RenamePlan {
        old: old.to_string(),
        new: new.to_string(),
        card: card.path.clone(),
        fingerprint: card.fingerprint,
        target,
        referrers: library
            .cards
            .iter()
            .filter(|c| c.is_own() && c.card.id != old)
            .filter(|c| c.card.prerequisites.iter().any(|p| p == old))
            .map(|c| (c.path.clone(), c.fingerprint))
            .collect(),
        plans: library
            .agenda_paths
            .iter()
            .chain(&library.course_paths)
            .cloned()
            .collect(),
    })
}

fn taken(target: &Path, new: &str) -> Error {
    refused(target, format!("a card with the id {new:?} exists already"))
}

/// Renames the own card `old` to `new` in the library, updating every reference to it.
pub fn rename_card(library: &Library, old: &str, new: &str) -> Result<RenameReport> {
    rename_planned(&plan_rename(library, old, new)?)
}

/// Carries out a [`RenamePlan`]: the new card first, then every reference, and the old file
/// last.
pub fn rename_planned(plan: &RenamePlan) -> Result<RenameReport> {
    let (old, new) = (plan.old.as_str(), plan.new.as_str());
    if plan.target.exists() {
        return Err(taken(&plan.target, new));
    }
    let card = read_own(&plan.card, plan.fingerprint)?;
    // The id lives in the front matter only when the file says it; otherwise the file name
    // is the id, and the new name is enough.
    let explicit = card
        .file
        .front_matter()
        .parse::<DocumentMut>()
        .is_ok_and(|document| document.contains_key("id"));
    let mut renamed = card.card.clone();
    if explicit {
        renamed.id = new.to_string();
    }
    let text = render_card(&card.file, &card.card, &renamed);
    save_checked(&plan.target, None, text.as_bytes())?;
    let mut report = RenameReport {
        path: plan.target.clone(),
        updated: Vec::new(),
    };
    for (path, fingerprint) in &plan.referrers {
        let other = read_own(path, *fingerprint)?;
        let mut changed = other.card.clone();
        for prerequisite in &mut changed.prerequisites {
            if prerequisite == old {
                *prerequisite = new.to_string();
            }
        }
        let text = render_card(&other.file, &other.card, &changed);
        save_checked(path, Some(*fingerprint), text.as_bytes())?;
        report.updated.push(path.clone());
    }
    for plan in &plan.plans {
        let (bytes, fingerprint) = store::read(plan)?;
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        if let Some(updated) = replace_card_references(&text, old, new) {
            save_checked(plan, Some(fingerprint), updated.as_bytes())?;
            report.updated.push(plan.clone());
        }
    }
    std::fs::remove_file(&plan.card).map_err(|e| Error::io(&plan.card, e))?;
    // The new file must read as the renamed card.
    if let Err(problems) = parse_card(&report.path, text.as_bytes()) {
        return Err(Error::Invalid(problems));
    }
    Ok(report)
}

/// My card at `path` in full, as it was loaded (its `fingerprint`), or why not.
fn read_own(path: &Path, fingerprint: Fingerprint) -> Result<LibraryCard> {
    let card = read_full(path, &CardSource::Own).map_err(|message| refused(path, message))?;
    if card.fingerprint != fingerprint {
        return Err(Error::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
    Ok(card)
}

/// A plan's text with every `card = "old"` item naming `new` instead, or `None` when no item
/// names the card. Only the value changes: its comment, quoting style and the layout stay.
pub fn replace_card_references(text: &str, old: &str, new: &str) -> Option<String> {
    let mut document: DocumentMut = text.parse().ok()?;
    let changed = replace_in_table(document.as_table_mut(), old, new);
    changed.then(|| document.to_string())
}

fn replace_in_table(table: &mut Table, old: &str, new: &str) -> bool {
    let mut changed = false;
    for (key, item) in table.iter_mut() {
        if key.get() == "card" {
            if let Some(value) = item.as_value_mut() {
                changed |= replace_value(value, old, new);
            }
            continue;
        }
        changed |= replace_in_item(item, old, new);
    }
    changed
}

fn replace_in_item(item: &mut Item, old: &str, new: &str) -> bool {
    match item {
        Item::Table(table) => replace_in_table(table, old, new),
        Item::ArrayOfTables(array) => array.iter_mut().fold(false, |changed, table| {
            replace_in_table(table, old, new) | changed
        }),
        Item::Value(Value::Array(array)) => array.iter_mut().fold(false, |changed, value| {
            let here = match value {
                Value::InlineTable(inline) => inline
                    .get_mut("card")
                    .is_some_and(|card| replace_value(card, old, new)),
                _ => false,
            };
            here | changed
        }),
        Item::Value(Value::InlineTable(inline)) => inline
            .get_mut("card")
            .is_some_and(|card| replace_value(card, old, new)),
        _ => false,
    }
}

fn replace_value(value: &mut Value, old: &str, new: &str) -> bool {
    if value.as_str() != Some(old) {
        return false;
    }
    let decor = value.decor().clone();
    *value = Value::from(new);
    *value.decor_mut() = decor;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const AGENDA: &str = "title = \"Visit\"\n\n[[items]]\ncard = \"pivot\"   # the main one\nminutes = 20\n\n[[items]]\ncard = \"other\"\n";

    #[test]
    fn plan_references_change_and_nothing_else_does() {
        let updated = replace_card_references(AGENDA, "pivot", "pivot-charts").unwrap();
        assert_eq!(updated, AGENDA.replace("\"pivot\"", "\"pivot-charts\""));
        assert_eq!(replace_card_references(AGENDA, "absent", "x"), None);
        let course = "[[sessions]]\ntitle = \"One\"\n[[sessions.items]]\ncard = 'pivot'\n";
        let updated = replace_card_references(course, "pivot", "new").unwrap();
        assert!(updated.contains("card = \"new\""), "{updated}");
        let inline = "items = [{ card = \"pivot\", minutes = 5 }]\n";
        let updated = replace_card_references(inline, "pivot", "new").unwrap();
        assert!(updated.contains("card = \"new\""), "{updated}");
    }

    fn library_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let library = crate::library::load(dir.path());
        (dir, library)
    }

    #[test]
    fn renames_the_file_and_every_reference() {
        let (dir, library) = library_with(&[
            (
                "cards/pivot.md",
                "+++\ntitle = \"Pivot\" # kept\n+++\nBody\n",
            ),
            (
                "cards/slicers.md",
                "+++\ntitle = \"Slicers\"\nprerequisites = [\"pivot\", \"other\"]\n+++\n",
            ),
            ("agendas/visit.toml", AGENDA),
        ]);
        let report = rename_card(&library, "pivot", "pivot-charts").unwrap();
        let root = dir.path();
        assert_eq!(report.path, root.join("cards/pivot-charts.md"));
        assert!(!root.join("cards/pivot.md").exists());
        let moved = std::fs::read_to_string(root.join("cards/pivot-charts.md")).unwrap();
        assert_eq!(moved, "+++\ntitle = \"Pivot\" # kept\n+++\nBody\n");
        let slicers = std::fs::read_to_string(root.join("cards/slicers.md")).unwrap();
        assert!(
            slicers.contains("prerequisites = [\"pivot-charts\", \"other\"]"),
            "{slicers}"
        );
        let agenda = std::fs::read_to_string(root.join("agendas/visit.toml")).unwrap();
        assert!(
            agenda.contains("card = \"pivot-charts\"   # the main one"),
            "{agenda}"
        );
        assert_eq!(report.updated.len(), 2);
        let reloaded = crate::library::load(root);
        assert!(reloaded.cards.iter().any(|c| c.card.id == "pivot-charts"));
    }

    #[test]
    fn an_explicit_id_is_rewritten_and_clashes_are_refused() {
        let (dir, library) = library_with(&[
            ("cards/a.md", "+++\nid = \"a\"\ntitle = \"A\"\n+++\n"),
            ("cards/b.md", "+++\ntitle = \"B\"\n+++\n"),
        ]);
        for (old, new) in [("a", "b"), ("a", "Not An Id"), ("missing", "c")] {
            assert!(rename_card(&library, old, new).is_err(), "{old} -> {new}");
        }
        assert!(dir.path().join("cards/a.md").exists());
        rename_card(&library, "a", "c").unwrap();
        let text = std::fs::read_to_string(dir.path().join("cards/c.md")).unwrap();
        assert!(text.contains("id = \"c\""), "{text}");
    }
}
