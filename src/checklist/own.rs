//! A card's own checklist items (`[[checklist]]`): added, reworded, moved and removed as pure
//! changes to a [`SkillCard`]; saving goes through [`super::save_card`], which keeps each
//! item's table and comments as far as the change allows.
//!
//! An item is one line of text and unique on its card, because ticks on pack cards are stored
//! by the item's text (`"checklist: <text>"`).

use crate::card::{ChecklistItem, SkillCard};

/// Why an own item could not be changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    /// The text is empty.
    #[error("an item needs some text")]
    Empty,
    /// The text has a line break.
    #[error("an item is one line of text")]
    MultiLine,
    /// Another item of the card has this text.
    #[error("the card already has the item {0:?}")]
    Duplicate(String),
    /// No item at this index.
    #[error("the card has no item number {}", .0 + 1)]
    NoSuchItem(usize),
}

/// The text of an item as it will be stored, or why it cannot be one. `except` is the index of
/// the item being reworded (it may keep its own text).
fn valid_text(card: &SkillCard, text: &str, except: Option<usize>) -> Result<String, ItemError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ItemError::Empty);
    }
    if text.contains(['\n', '\r']) {
        return Err(ItemError::MultiLine);
    }
    let taken = card
        .checklist
        .iter()
        .enumerate()
        .any(|(index, own)| Some(index) != except && own.item.trim() == text);
    if taken {
        return Err(ItemError::Duplicate(text.to_string()));
    }
    Ok(text.to_string())
}

fn check_index(card: &SkillCard, index: usize) -> Result<(), ItemError> {
    if index < card.checklist.len() {
        Ok(())
    } else {
        Err(ItemError::NoSuchItem(index))
    }
}

/// Adds an open item at the end; returns its index.
///
/// # Errors
/// Empty or multi-line text, or an item the card already has.
pub fn add_item(card: &mut SkillCard, text: &str) -> Result<usize, ItemError> {
    let item = valid_text(card, text, None)?;
    card.checklist.push(ChecklistItem { item, done: false });
    Ok(card.checklist.len() - 1)
}

/// Rewords an item, keeping its tick.
///
/// # Errors
/// No item at `index`, empty or multi-line text, or the text of another item.
pub fn edit_item(card: &mut SkillCard, index: usize, text: &str) -> Result<(), ItemError> {
    check_index(card, index)?;
    let item = valid_text(card, text, Some(index))?;
    card.checklist[index].item = item;
    Ok(())
}

/// Moves the item at `from` so that it stands at `to` (both within the list).
///
/// # Errors
/// No item at `from` or `to`.
pub fn move_item(card: &mut SkillCard, from: usize, to: usize) -> Result<(), ItemError> {
    check_index(card, from)?;
    check_index(card, to)?;
    let item = card.checklist.remove(from);
    card.checklist.insert(to, item);
    Ok(())
}

/// Removes the item at `index` and returns it.
///
/// # Errors
/// No item at `index`.
pub fn remove_item(card: &mut SkillCard, index: usize) -> Result<ChecklistItem, ItemError> {
    check_index(card, index)?;
    Ok(card.checklist.remove(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_added_reworded_moved_and_removed() {
        let mut card = SkillCard::new("c", "Card");
        assert_eq!(add_item(&mut card, "  Rehearse  "), Ok(0));
        assert_eq!(add_item(&mut card, "Check the adapter"), Ok(1));
        assert_eq!(
            add_item(&mut card, "Rehearse"),
            Err(ItemError::Duplicate("Rehearse".into()))
        );
        assert_eq!(add_item(&mut card, " "), Err(ItemError::Empty));
        assert_eq!(add_item(&mut card, "a\nb"), Err(ItemError::MultiLine));
        card.checklist[0].done = true;
        edit_item(&mut card, 0, "Rehearse twice").unwrap();
        assert!(card.checklist[0].done);
        edit_item(&mut card, 0, "Rehearse twice").unwrap();
        move_item(&mut card, 1, 0).unwrap();
        assert_eq!(card.checklist[0].item, "Check the adapter");
        assert_eq!(move_item(&mut card, 0, 2), Err(ItemError::NoSuchItem(2)));
        let removed = remove_item(&mut card, 1).unwrap();
        assert_eq!(removed.item, "Rehearse twice");
        assert_eq!(card.checklist.len(), 1);
        assert_eq!(
            ItemError::NoSuchItem(4).to_string(),
            "the card has no item number 5"
        );
    }
}
