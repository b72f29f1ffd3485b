//! Duplicating a card: a copy under a new title and id in the user's own cards, to start a
//! variant (the same lesson for another tool version, or for a different audience).
//!
//! Unlike a fork, a duplicate does not remember where it came from: it is a new card of the
//! user's, so a pack update never merges into it. The copy is written through `render_card`, so
//! only the id, the title and a dropped `[origin]` differ from the source's text, and through a
//! checked save that refuses to replace any file.

use std::path::PathBuf;

use crate::card::{is_valid_id, render_card, slugify};
use crate::error::{Error, Result};
use crate::library::{CardSource, Library, LibraryCard, read_full};
use crate::store::save_checked;

/// Where a new card titled `title` would go, and its id, or why it cannot: an empty title, a
/// title with nothing to make an id from, or an id one of the user's cards has already.
pub fn new_card_slot(
    library: &Library,
    title: &str,
) -> std::result::Result<(String, PathBuf), String> {
    let (id, path) = new_card_id(library, title)?;
    if path.exists() {
        return Err(taken(&id));
    }
    Ok((id, path))
}

/// [`new_card_slot`] as far as the loaded library tells, reading nothing from disk.
fn new_card_id(library: &Library, title: &str) -> std::result::Result<(String, PathBuf), String> {
    let title = title.trim();
    if title.is_empty() {
        return Err("type a title first".into());
    }
    let id = slugify(title);
    if !is_valid_id(&id) {
        return Err("the title needs a letter or a digit to make an id from".into());
    }
    if library
        .cards
        .iter()
        .any(|card| card.is_own() && card.card.id == id)
    {
        return Err(taken(&id));
    }
    let path = library.cards_folder().join(format!("{id}.md"));
    Ok((id, path))
}

fn taken(id: &str) -> String {
    format!("you have a card with the id \"{id}\" already")
}

/// A duplicate worked out from a loaded library without touching the disk: the app plans it
/// from the library it holds, and writing it then reads only the source card's file (see
/// [`duplicate_planned`]), however many cards the library has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicatePlan {
    /// The card copied: its file (a `bundled:` path for a bundled pack) and where it is from.
    pub source: PathBuf,
    pub from: CardSource,
    /// The copy's id, title and new file in `cards/`.
    pub id: String,
    pub title: String,
    pub path: PathBuf,
}

/// Plans copying the card `reference` (an own id, `pack/id`, or a plain id) to a new card of
/// the user's titled `title`. Reads nothing from disk.
pub fn plan_duplicate(library: &Library, reference: &str, title: &str) -> Result<DuplicatePlan> {
    plan(library, reference, title).map(|(plan, _)| plan)
}

fn plan<'a>(
    library: &'a Library,
    reference: &str,
    title: &str,
) -> Result<(DuplicatePlan, &'a LibraryCard)> {
    let source = library
        .find_index(reference, None)
        .map(|index| &library.cards[index])
        .ok_or_else(|| Error::Refused {
            path: library.cards_folder(),
            message: format!("no card is {reference:?}"),
        })?;
    let (id, path) = new_card_id(library, title).map_err(|message| Error::Refused {
        path: library.cards_folder(),
        message,
    })?;
    let plan = DuplicatePlan {
        source: source.path.clone(),
        from: source.source.clone(),
        id,
        title: title.trim().to_string(),
        path,
    };
    Ok((plan, source))
}

/// Copies the card `reference` (an own id, `pack/id`, or a plain id) to a new card of the
/// user's titled `title`; returns the new file.
pub fn duplicate_card(library: &Library, reference: &str, title: &str) -> Result<PathBuf> {
    let (plan, source) = plan(library, reference, title)?;
    if source.lean {
        return duplicate_planned(&plan);
    }
    write_duplicate(&plan, source)
}

/// Carries out a [`DuplicatePlan`]: reads the source card's file and writes the copy, refusing
/// to replace any file.
pub fn duplicate_planned(plan: &DuplicatePlan) -> Result<PathBuf> {
    let source = read_full(&plan.source, &plan.from).map_err(|message| Error::Refused {
        path: plan.source.clone(),
        message,
    })?;
    write_duplicate(plan, &source)
}

fn write_duplicate(plan: &DuplicatePlan, source: &LibraryCard) -> Result<PathBuf> {
    if plan.path.exists() {
        return Err(Error::Refused {
            path: plan.path.clone(),
            message: taken(&plan.id),
        });
    }
    let mut copy = source.card.clone();
    copy.id.clone_from(&plan.id);
    copy.title.clone_from(&plan.title);
    copy.origin = None;
    let text = render_card(&source.file, &source.card, &copy);
    save_checked(&plan.path, None, text.as_bytes())?;
    Ok(plan.path.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::parse_card;

    const CARD: &str = "+++\n# how long the demo takes\ntitle = \"Pivot charts\"\ntool = \"Excel\"\nduration = \"20m\"\n\n[origin]\npack = \"excel\"\ncard = \"pivot\"\nversion = \"1.0.0\"\n+++\n## What they will be able to do\nBuild a pivot chart.\n";

    fn library_with_card() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().expect("temp dir");
        let cards = dir.path().join("cards");
        std::fs::create_dir_all(&cards).expect("cards folder");
        std::fs::write(cards.join("pivot.md"), CARD).expect("card");
        let library = crate::library::load(dir.path());
        (dir, library)
    }

    #[test]
    fn a_duplicate_is_a_new_own_card_with_the_same_lesson_and_no_origin() {
        let (_dir, library) = library_with_card();
        let path = duplicate_card(&library, "pivot", "Pivot charts for sales").expect("copied");
        assert_eq!(
            path,
            library.cards_folder().join("pivot-charts-for-sales.md")
        );
        let text = std::fs::read_to_string(&path).expect("read back");
        let (card, _) = parse_card(&path, text.as_bytes()).expect("parses");
        assert_eq!(card.id, "pivot-charts-for-sales");
        assert_eq!(card.title, "Pivot charts for sales");
        assert_eq!(card.origin, None);
        assert_eq!(
            card.body,
            "## What they will be able to do\nBuild a pivot chart.\n"
        );
        // The user's comment survives the copy.
        assert!(text.contains("# how long the demo takes"), "{text}");
        // The source is untouched.
        let source = std::fs::read_to_string(library.cards_folder().join("pivot.md")).unwrap();
        assert_eq!(source, CARD);
    }

    #[test]
    fn a_duplicate_never_replaces_a_card() {
        let (_dir, library) = library_with_card();
        let error = duplicate_card(&library, "pivot", "Pivot").expect_err("clash");
        assert!(error.to_string().contains("already"), "{error}");
        assert_eq!(
            new_card_slot(&library, "  ").expect_err("empty"),
            "type a title first"
        );
        assert!(new_card_slot(&library, "!!!").is_err());
        assert!(duplicate_card(&library, "nowhere", "Elsewhere").is_err());
    }
}
