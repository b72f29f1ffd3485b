//! Ticking items: the one-line tick scheme (see the module documentation of
//! [`crate::checklist`]), toggling on own cards and in the personal state, and saving an own
//! card so that only what changed changes.

use super::{DefaultItem, ItemId, ReadinessState, Ticks};
use crate::card::{SkillCard, parse_card, render_card};
use crate::error::{Error, Result};
use crate::library::LibraryCard;
use crate::store;

/// Prefix of a `requires` item's tick.
const REQUIRES: &str = "requires";
/// Prefix of an own item's tick in the personal state.
const CHECKLIST: &str = "checklist";

/// The entry that stands in a `ready` list when `id` is ticked: `"show-it"`,
/// `"requires: <text>"` or `"checklist: <text>"`. `None` when the card has no such item.
pub fn tick_key(card: &SkillCard, id: ItemId) -> Option<String> {
    match id {
        ItemId::Default(item) => Some(item.key().to_string()),
        ItemId::Requires(index) => card
            .requires
            .get(index)
            .map(|text| format!("{REQUIRES}: {}", text.trim())),
        ItemId::Own(index) => card
            .checklist
            .get(index)
            .map(|own| format!("{CHECKLIST}: {}", own.item.trim())),
    }
}

/// Whether a `ready` entry is the tick `key`: prefixes and default keys ignore case and space
/// around them, so a hand-typed `Requires:Excel` still counts.
fn same_tick(entry: &str, key: &str) -> bool {
    match (entry.split_once(':'), key.split_once(':')) {
        (Some((entry_kind, entry_text)), Some((kind, text))) => {
            entry_kind.trim().eq_ignore_ascii_case(kind) && entry_text.trim() == text.trim()
        }
        (None, None) => entry.trim().eq_ignore_ascii_case(key),
        _ => false,
    }
}

fn listed(ready: &[String], key: &str) -> bool {
    ready.iter().any(|entry| same_tick(entry, key))
}

/// Whether `id` is ticked on `card` as `ticks` says.
pub(super) fn is_done(card: &SkillCard, ticks: Ticks<'_>, id: ItemId) -> bool {
    let Some(key) = tick_key(card, id) else {
        return false;
    };
    match (ticks, id) {
        (Ticks::OnCard, ItemId::Own(index)) => card.checklist.get(index).is_some_and(|i| i.done),
        (Ticks::OnCard, _) => listed(&card.ready, &key),
        (Ticks::Personal(ready), _) => listed(ready, &key),
    }
}

/// Ticks or unticks `key` in a `ready` list; returns whether it is ticked now. Unticking removes
/// every spelling of the tick; ticking appends it at the end, so the list's other entries and
/// layout stay as they were.
pub(super) fn flip(ready: &mut Vec<String>, key: &str) -> bool {
    if listed(ready, key) {
        ready.retain(|entry| !same_tick(entry, key));
        false
    } else {
        ready.push(key.to_string());
        true
    }
}

/// Sets a tick on an own card (`ready` or `[[checklist]] done`); returns whether it changed.
pub(super) fn set_on_card(card: &mut SkillCard, id: ItemId, done: bool) -> bool {
    if is_done(card, Ticks::OnCard, id) == done {
        return false;
    }
    toggle(card, id).is_some()
}

/// Toggles an item on one of the user's own cards; returns whether it is ticked now, `None`
/// when the card has no such item. Save the card with [`save_card`].
pub fn toggle(card: &mut SkillCard, id: ItemId) -> Option<bool> {
    let key = tick_key(card, id)?;
    match id {
        ItemId::Own(index) => {
            let own = card.checklist.get_mut(index)?;
            own.done = !own.done;
            Some(own.done)
        }
        ItemId::Default(_) | ItemId::Requires(_) => Some(flip(&mut card.ready, &key)),
    }
}

/// What a tick changed, and so what must be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Toggled {
    /// An own card changed: save `card` with [`save_card`].
    Card {
        /// The card with the tick changed.
        card: Box<SkillCard>,
        /// Whether the item is ticked now.
        done: bool,
    },
    /// A pack card's tick changed in the personal state: save it with
    /// [`ReadinessState::save`].
    State {
        /// Whether the item is ticked now.
        done: bool,
    },
}

impl Toggled {
    /// Whether the item is ticked now.
    pub fn done(&self) -> bool {
        match self {
            Toggled::Card { done, .. } | Toggled::State { done } => *done,
        }
    }
}

/// Toggles an item of a library card wherever its ticks live: an own card comes back changed
/// (nothing is written yet), a pack card's tick changes in `state`. `None` when the card has no
/// such item.
pub fn toggle_item(card: &LibraryCard, state: &mut ReadinessState, id: ItemId) -> Option<Toggled> {
    if card.is_own() {
        let mut changed = card.card.clone();
        let done = toggle(&mut changed, id)?;
        Some(Toggled::Card {
            card: Box::new(changed),
            done,
        })
    } else {
        let done = state.toggle(&card.qualified_id(), &card.card, id)?;
        Some(Toggled::State { done })
    }
}

/// Saves a changed own card: only what differs from the card as read is rewritten (a tick is
/// one line), the save is atomic, and a file changed on disk since it was read is not
/// overwritten. On success `card` holds the new card, file text and fingerprint.
///
/// # Errors
/// [`Error::Refused`] for a pack card (pack files are never written),
/// [`Error::ChangedOnDisk`] when the file changed since it was read, or an I/O error.
pub fn save_card(card: &mut LibraryCard, new: SkillCard) -> Result<()> {
    if !card.is_own() {
        return Err(Error::Refused {
            path: card.path.clone(),
            message: "is a pack card and is never written; ticks on it go to the library's \
                      readiness state"
                .into(),
        });
    }
    if card.lean {
        // #9: a card loaded without its text cannot be written through it: the save would
        // lose the body. The app reads the whole card before anything can change it.
        return Err(Error::Refused {
            path: card.path.clone(),
            message: "was loaded without its text and is not written; open it again".into(),
        });
    }
    if new == card.card {
        return Ok(());
    }
    let text = render_card(&card.file, &card.card, &new);
    let fingerprint = store::save_checked(&card.path, Some(card.fingerprint), text.as_bytes())?;
    let (saved, file) = parse_card(&card.path, text.as_bytes()).map_err(Error::Invalid)?;
    card.card = saved;
    card.file = file;
    card.fingerprint = fingerprint;
    Ok(())
}

/// Ticks a default item on an own card, unless it is ticked already.
pub(super) fn tick_default(card: &mut SkillCard, item: DefaultItem) {
    set_on_card(card, ItemId::Default(item), true);
}
