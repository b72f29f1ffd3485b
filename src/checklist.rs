//! The checklist of a card: what makes a mentor's knowledge concrete, and how ready a card,
//! an agenda or a course is.
//!
//! A card's checklist holds, in this order:
//! 1. the seven default items ([`DefaultItem`]: outcome, their world, show it, try it,
//!    pitfalls, leave behind, timing);
//! 2. the card's own items (`[[checklist]]`);
//! 3. one item per `requires` entry: what the session needs to work at all.
//!
//! Beside the items stand automatic [`Gap`]s read from the content (no outcomes, an empty
//! section...). Readiness is the share of items ticked: `5/9 ready`.
//!
//! # Where ticks are stored
//!
//! Readiness is personal. On the user's own cards, ticks live in the card file itself, so a
//! tick changes one line:
//! - a default item: its key in `ready = ["outcome", "show-it"]`;
//! - a `requires` item: `"requires: <the requirement's text>"` in the same `ready` list;
//! - an own item: `done = true` in its `[[checklist]]` table.
//!
//! Pack files are never written: ticks on pack cards live in the library's personal state file
//! `state/readiness.toml` ([`ReadinessState`]), one table per card keyed `"pack/id"` holding a
//! `ready` list in the same scheme, where an own item is `"checklist: <the item's text>"`.
//! Ticks a pack file carries itself (`done = true` in its `[[checklist]]`) are the author's,
//! not the user's, and do not count.
//!
//! Everything here is pure except [`save_card`] and [`ReadinessState::load`] /
//! [`ReadinessState::save`], so the terminal app can call it from its update function and run
//! the saves as effects.

mod checks;
mod concrete;
mod items;
mod own;
// Readiness of whole plans, for the builder, the library lists and the course planner.
mod plan_ready;
mod prep;
mod section;
mod state;
mod ticks;

use std::fmt;

pub use checks::{Gap, SECTIONS, content_gaps};
pub use concrete::{AnswerError, apply_answer, current_answer, next_step};
pub use items::DefaultItem;
pub use own::{ItemError, add_item, edit_item, move_item, remove_item};
pub use plan_ready::{agenda_readiness, course_readiness, plan_readiness};
pub use prep::{
    BeforeYouGo, CardReadiness, PrepList, card_readiness, library_readiness, prep_list,
    same_requirement,
};
pub use state::{ReadinessState, STATE_FILE};
pub use ticks::{Toggled, save_card, tick_key, toggle, toggle_item};

use crate::card::SkillCard;
use crate::library::{Library, LibraryCard};

/// Which item of a card's checklist: a default item, or an own or `requires` item by its
/// position in the card's `checklist` or `requires` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemId {
    /// One of the seven default items.
    Default(DefaultItem),
    /// The card's own item at this index of `checklist`.
    Own(usize),
    /// The requirement at this index of `requires`.
    Requires(usize),
}

/// Where a card's ticks are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ticks<'a> {
    /// The card's own `ready` list and `[[checklist]] done` flags (the user's own cards).
    OnCard,
    /// A `ready` list from the personal state file (pack cards).
    Personal(&'a [String]),
}

/// One line of a checklist as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Which item this is, to toggle it.
    pub id: ItemId,
    /// What the item says: a default item's label, an own item's text, or
    /// `Requires — <text>`.
    pub label: String,
    /// Whether the item is ticked.
    pub done: bool,
    /// Automatic gaps shown beside this item (default items only).
    pub gaps: Vec<Gap>,
}

/// A card's checklist: its items with their ticks, and the gaps its content has.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Checklist {
    /// Default items, then own items, then `requires` items.
    pub entries: Vec<Entry>,
    /// Gaps that belong to no item (a prerequisite that names no card).
    pub card_gaps: Vec<Gap>,
}

impl Checklist {
    /// How many items are ticked, of how many.
    pub fn readiness(&self) -> Readiness {
        Readiness {
            done: self.entries.iter().filter(|entry| entry.done).count(),
            total: self.entries.len(),
        }
    }

    /// The items not ticked yet, in order.
    pub fn open(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|entry| !entry.done)
    }

    /// Every gap: those beside items, then those of the card.
    pub fn gaps(&self) -> impl Iterator<Item = &Gap> {
        self.entries
            .iter()
            .flat_map(|entry| &entry.gaps)
            .chain(&self.card_gaps)
    }

    /// The entry for an item, if the card has it.
    pub fn entry(&self, id: ItemId) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.id == id)
    }
}

/// Items ticked of items in all: `5/9 ready`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Readiness {
    /// Items ticked.
    pub done: usize,
    /// Items in all.
    pub total: usize,
}

impl Readiness {
    /// Every item is ticked.
    pub fn is_ready(self) -> bool {
        self.done == self.total
    }

    /// Items still open.
    pub fn open(self) -> usize {
        self.total - self.done
    }

    /// Done as a share of the total, 1.0 for an empty checklist; for sorting by closeness.
    pub fn fraction(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }
}

impl std::ops::Add for Readiness {
    type Output = Readiness;

    fn add(self, other: Readiness) -> Readiness {
        Readiness {
            done: self.done + other.done,
            total: self.total + other.total,
        }
    }
}

impl std::iter::Sum for Readiness {
    fn sum<I: Iterator<Item = Readiness>>(iter: I) -> Readiness {
        iter.fold(Readiness::default(), |sum, next| sum + next)
    }
}

impl fmt::Display for Readiness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{} ready", self.done, self.total)
    }
}

/// The checklist of a card: its items ticked as `ticks` says, with the gaps of its content.
/// `prerequisite_exists` tells whether a `prerequisites` entry names a card.
pub fn checklist(
    card: &SkillCard,
    ticks: Ticks<'_>,
    prerequisite_exists: &dyn Fn(&str) -> bool,
) -> Checklist {
    let gaps = content_gaps(card, prerequisite_exists);
    let mut entries: Vec<Entry> = DefaultItem::ALL
        .into_iter()
        .map(|item| Entry {
            id: ItemId::Default(item),
            label: item.label().to_string(),
            done: false,
            gaps: gaps
                .iter()
                .filter(|gap| gap.item() == Some(item))
                .cloned()
                .collect(),
        })
        .collect();
    entries.extend(card.checklist.iter().enumerate().map(|(index, own)| Entry {
        id: ItemId::Own(index),
        label: own.item.clone(),
        done: false,
        gaps: Vec::new(),
    }));
    entries.extend(card.requires.iter().enumerate().map(|(index, text)| Entry {
        id: ItemId::Requires(index),
        label: format!("Requires — {text}"),
        done: false,
        gaps: Vec::new(),
    }));
    for entry in &mut entries {
        entry.done = ticks::is_done(card, ticks, entry.id);
    }
    Checklist {
        entries,
        card_gaps: gaps
            .into_iter()
            .filter(|gap| gap.item().is_none())
            .collect(),
    }
}

/// Where the ticks of a library card are: on the card for own cards, in `state` for pack cards.
pub fn ticks_of<'a>(card: &LibraryCard, state: &'a ReadinessState) -> Ticks<'a> {
    if card.is_own() {
        Ticks::OnCard
    } else {
        Ticks::Personal(state.ticks(&card.qualified_id()))
    }
}

/// The checklist of a library card, with its ticks from wherever they live and its
/// prerequisites looked up in the library (from the card's own pack first).
pub fn card_checklist(library: &Library, state: &ReadinessState, card: &LibraryCard) -> Checklist {
    let pack = card.source.pack();
    let exists = |reference: &str| library.find_index(reference, pack).is_some();
    checklist(&card.card, ticks_of(card, state), &exists)
}

#[cfg(test)]
mod tests;
