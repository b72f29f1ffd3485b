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
use crate::library::Library;
use crate::store::save_checked;

/// Where a new card titled `title` would go, and its id, or why it cannot: an empty title, a
/// title with nothing to make an id from, or an id one of the user's cards has already.
pub fn new_card_slot(
    library: &Library,
    title: &str,
) -> std::result::Result<(String, PathBuf), String> {
    let title = title.trim();
    if title.is_empty() {
        return Err("type a title first".into());
    }
    let id = slugify(title);
    if !is_valid_id(&id) {
        return Err("the title needs a letter or a digit to make an id from".into());
    }
    let path = library.cards_folder().join(format!("{id}.md"));
    if library
        .cards
        .iter()
        .any(|card| card.is_own() && card.card.id == id)
        || path.exists()
    {
        return Err(format!("you have a card with the id \"{id}\" already"));
    }
    Ok((id, path))
}

/// Copies the card `reference` (an own id, `pack/id`, or a plain id) to a new card of the
/// user's titled `title`; returns the new file.
pub fn duplicate_card(library: &Library, reference: &str, title: &str) -> Result<PathBuf> {
    let source = library
        .find_index(reference, None)
        .map(|index| &library.cards[index])
        .ok_or_else(|| Error::Refused {
            path: library.cards_folder(),
            message: format!("no card is {reference:?}"),
        })?;
    let (id, path) = new_card_slot(library, title).map_err(|message| Error::Refused {
        path: library.cards_folder(),
        message,
    })?;
    let mut copy = source.card.clone();
    copy.id = id;
    copy.title = title.trim().to_string();
    copy.origin = None;
    let text = render_card(&source.file, &source.card, &copy);
    save_checked(&path, None, text.as_bytes())?;
    Ok(path)
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
