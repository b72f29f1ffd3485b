//! Forking a pack card into the user's own `cards/`, and the pristine copies merges start from.
//!
//! A fork is the pack card's file with `[origin]` added (pack, card, version), so everything
//! else in it is byte for byte the pack's. The pack's text of that version is kept in
//! `<library>/.skillbook/origins/<pack>/<version>/<card>.md`: when the pack is updated, it is the
//! common ancestor of the user's edits and the pack's.

use std::fs;
use std::path::{Path, PathBuf};

use super::Version;
use super::error::{PackError, PackResult};
use crate::card::{Origin, is_valid_id, render_card};
use crate::library::{CardSource, Library, LibraryCard};
use crate::store::{save_checked, write_atomic};

/// Where pristine copies live, below the library root.
pub const ORIGINS_FOLDER: &str = ".skillbook/origins";

/// The pristine copy's path for `origin`, when its parts are safe to use as folder names (they
/// come from a card's front matter, which the user or a pack wrote).
pub fn pristine_path(root: &Path, origin: &Origin) -> Option<PathBuf> {
    let safe = is_valid_id(&origin.pack)
        && is_valid_id(&origin.card)
        && Version::parse(&origin.version).is_some()
        && origin
            .version
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.');
    safe.then(|| {
        root.join(ORIGINS_FOLDER)
            .join(&origin.pack)
            .join(origin.version.trim())
            .join(format!("{}.md", origin.card))
    })
}

/// The pristine text of `origin`'s version of the card, if one was kept.
pub fn read_pristine(root: &Path, origin: &Origin) -> Option<String> {
    fs::read_to_string(pristine_path(root, origin)?).ok()
}

/// Keeps `text` as the pristine copy of `origin`'s version of the card.
pub fn keep_pristine(root: &Path, origin: &Origin, text: &str) -> PackResult<()> {
    let Some(path) = pristine_path(root, origin) else {
        return Err(PackError::Card {
            reference: format!("{}/{}", origin.pack, origin.card),
            message: format!("origin version {:?} is not a version", origin.version),
        });
    };
    if fs::read_to_string(&path).is_ok_and(|kept| kept == text) {
        return Ok(());
    }
    write_atomic(&path, text.as_bytes())?;
    Ok(())
}

/// A card forked into the user's library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forked {
    /// The new file in `cards/`.
    pub path: PathBuf,
    pub id: String,
    pub origin: Origin,
}

/// A fork worked out from a loaded library without touching the disk: the app plans it from
/// the library it holds, and writing it then reads only the pack card's own file (see
/// [`fork_planned`]), however many cards the library has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForkPlan {
    /// The library root, below which the pristine copy is kept.
    pub root: PathBuf,
    /// The pack card's file; a `bundled:` path for a bundled pack.
    pub source: PathBuf,
    /// Where the copy comes from: the pack, the card's id there and the pack's version.
    pub origin: Origin,
    /// The copy's id.
    pub id: String,
    /// The copy's new file in `cards/`.
    pub path: PathBuf,
}

/// Plans forking the pack card `reference` (`pack/id`, or a plain id only one pack has) into
/// `cards/<id>.md`, `new_id` renaming the copy: refuses an own card, an unusable id and an id
/// one of my cards has. Reads nothing from disk.
pub fn plan_fork(library: &Library, reference: &str, new_id: Option<&str>) -> PackResult<ForkPlan> {
    plan(library, reference, new_id).map(|(plan, _)| plan)
}

fn plan<'a>(
    library: &'a Library,
    reference: &str,
    new_id: Option<&str>,
) -> PackResult<(ForkPlan, &'a LibraryCard)> {
    let card = find_pack_card(library, reference)?;
    let CardSource::Pack { pack } = &card.source else {
        return Err(card_error(reference, "is your own card already"));
    };
    let version = library
        .pack(pack)
        .map(|loaded| loaded.manifest.version.clone())
        .ok_or_else(|| card_error(reference, "its pack is not loaded"))?;
    let id = new_id.unwrap_or(&card.card.id).to_string();
    if !is_valid_id(&id) {
        return Err(card_error(
            &id,
            "is not a usable id: use lowercase letters, digits and dashes",
        ));
    }
    if let Some(own) = library.cards.iter().find(|c| c.is_own() && c.card.id == id) {
        return Err(PackError::Refused {
            path: own.path.clone(),
            message: format!("you have a card with the id {id:?} already; fork with --id NEW_ID"),
        });
    }
    let plan = ForkPlan {
        root: library.root.clone(),
        source: card.path.clone(),
        origin: Origin {
            pack: pack.clone(),
            card: card.card.id.clone(),
            version,
        },
        path: library.cards_folder().join(format!("{id}.md")),
        id,
    };
    Ok((plan, card))
}

/// Copies the pack card `reference` (`pack/id`, or a plain id only one pack has) into
/// `cards/<id>.md` with `[origin]` set, refusing to replace anything. `new_id` renames the copy.
pub fn fork_card(library: &Library, reference: &str, new_id: Option<&str>) -> PackResult<Forked> {
    let (plan, card) = plan(library, reference, new_id)?;
    if card.lean {
        return fork_planned(&plan);
    }
    write_fork(&plan, card)
}

/// Carries out a [`ForkPlan`]: reads the pack card's file, keeps its pristine copy and writes
/// the copy into my cards, refusing to replace any file.
pub fn fork_planned(plan: &ForkPlan) -> PackResult<Forked> {
    let source = CardSource::Pack {
        pack: plan.origin.pack.clone(),
    };
    let card = crate::library::read_full(&plan.source, &source).map_err(|message| {
        card_error(
            &format!("{}/{}", plan.origin.pack, plan.origin.card),
            &message,
        )
    })?;
    write_fork(plan, &card)
}

/// Writes the fork `plan` describes from `card`, the pack card in full.
fn write_fork(plan: &ForkPlan, card: &LibraryCard) -> PackResult<Forked> {
    let mut forked = card.card.clone();
    forked.id.clone_from(&plan.id);
    forked.origin = Some(plan.origin.clone());
    let text = render_card(&card.file, &card.card, &forked);
    keep_pristine(&plan.root, &plan.origin, card.file.original_text())?;
    save_checked(&plan.path, None, text.as_bytes())?;
    Ok(Forked {
        path: plan.path.clone(),
        id: plan.id.clone(),
        origin: plan.origin.clone(),
    })
}

/// The pack card a reference names: `pack/id`, or a plain id that exactly one pack has.
fn find_pack_card<'a>(library: &'a Library, reference: &str) -> PackResult<&'a LibraryCard> {
    let reference = reference.trim();
    if reference.contains('/') {
        return library
            .find_index(reference, None)
            .map(|index| &library.cards[index])
            .filter(|card| !card.is_own())
            .ok_or_else(|| card_error(reference, "names no pack card (see `skillbook list`)"));
    }
    let candidates: Vec<&LibraryCard> = library
        .cards
        .iter()
        .filter(|card| !card.is_own() && card.card.id == reference)
        .collect();
    match candidates.as_slice() {
        [only] => Ok(only),
        [] => Err(card_error(
            reference,
            "names no pack card (see `skillbook list`)",
        )),
        several => {
            let names: Vec<String> = several.iter().map(|c| c.qualified_id()).collect();
            Err(card_error(
                reference,
                &format!(
                    "several packs have this card; name one: {}",
                    names.join(", ")
                ),
            ))
        }
    }
}

fn card_error(reference: &str, message: &str) -> PackError {
    PackError::Card {
        reference: reference.to_string(),
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(pack: &str, card: &str, version: &str) -> Origin {
        Origin {
            pack: pack.into(),
            card: card.into(),
            version: version.into(),
        }
    }

    #[test]
    fn pristine_paths_never_leave_the_store() {
        let root = Path::new("/lib");
        assert_eq!(
            pristine_path(root, &origin("excel", "pivot", "1.2.0")),
            Some(PathBuf::from(
                "/lib/.skillbook/origins/excel/1.2.0/pivot.md"
            ))
        );
        assert_eq!(pristine_path(root, &origin("../x", "pivot", "1")), None);
        assert_eq!(pristine_path(root, &origin("excel", "../../x", "1")), None);
        assert_eq!(pristine_path(root, &origin("excel", "pivot", "../1")), None);
        assert_eq!(pristine_path(root, &origin("excel", "pivot", " 1.0")), None);
    }

    #[test]
    fn pristine_copies_are_kept_and_read() {
        let folder = tempfile::tempdir().unwrap();
        let o = origin("excel", "pivot", "1.2.0");
        keep_pristine(folder.path(), &o, "text").unwrap();
        assert_eq!(read_pristine(folder.path(), &o).as_deref(), Some("text"));
        assert_eq!(
            read_pristine(folder.path(), &origin("excel", "pivot", "1.3.0")),
            None
        );
    }
}
