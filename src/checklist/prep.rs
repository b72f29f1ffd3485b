//! Readiness of more than one card: the whole library, or the prep list of an agenda or a
//! course (every open item of every card in agenda order, and the gathered "before you go"
//! list, because a demo that fails in the director's office costs the mentor their
//! credibility).

use std::collections::HashSet;

use super::{Checklist, ItemId, Readiness, ReadinessState, card_checklist};
use crate::agenda::Agenda;
use crate::library::{Library, LibraryCard};

/// One card with its checklist.
#[derive(Debug, Clone)]
pub struct CardReadiness<'a> {
    /// The card as loaded.
    pub card: &'a LibraryCard,
    /// Its items, ticks and gaps.
    pub checklist: Checklist,
}

impl CardReadiness<'_> {
    /// How ready the card is.
    pub fn readiness(&self) -> Readiness {
        self.checklist.readiness()
    }
}

/// One thing to have with you, gathered from the cards' `requires`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BeforeYouGo {
    /// The requirement as the first card that needs it words it.
    pub text: String,
    /// The cards that need it, by qualified id, in agenda order.
    pub cards: Vec<String>,
    /// Ticked on every card that needs it.
    pub done: bool,
}

/// What to prepare for a plan: its cards in agenda order, and what to have with you.
#[derive(Debug, Clone, Default)]
pub struct PrepList<'a> {
    /// Each card the plan names, once, at its first place.
    pub cards: Vec<CardReadiness<'a>>,
    /// The `requires` of all cards, deduplicated (case and spacing do not matter).
    pub before_you_go: Vec<BeforeYouGo>,
    /// Card references that name no card, in plan order.
    pub missing: Vec<String>,
}

impl PrepList<'_> {
    /// The readiness of all the plan's cards together.
    pub fn readiness(&self) -> Readiness {
        self.cards.iter().map(CardReadiness::readiness).sum()
    }
}

/// A library card with its checklist.
pub fn card_readiness<'a>(
    library: &Library,
    state: &ReadinessState,
    card: &'a LibraryCard,
) -> CardReadiness<'a> {
    CardReadiness {
        card,
        checklist: card_checklist(library, state, card),
    }
}

/// The cards whose readiness is the user's business: all own cards, and the pack cards that
/// have a tick in the personal state. In library order.
pub fn library_readiness<'a>(
    library: &'a Library,
    state: &ReadinessState,
) -> Vec<CardReadiness<'a>> {
    library
        .cards
        .iter()
        .filter(|card| card.is_own() || state.has_ticks(&card.qualified_id()))
        .map(|card| card_readiness(library, state, card))
        .collect()
}

/// The prep list of one or more sessions (an agenda, or every session of a course), with card
/// references looked up from `context_pack` first (for a pack's templates).
pub fn prep_list<'a>(
    library: &'a Library,
    state: &ReadinessState,
    sessions: &[Agenda],
    context_pack: Option<&str>,
) -> PrepList<'a> {
    let mut prep = PrepList::default();
    let mut seen = HashSet::new();
    for reference in sessions.iter().flat_map(Agenda::cards) {
        match library.find_index(reference.as_str(), context_pack) {
            Some(index) => {
                if seen.insert(index) {
                    let card = &library.cards[index];
                    prep.cards.push(card_readiness(library, state, card));
                }
            }
            None => {
                let reference = reference.as_str().to_string();
                if !prep.missing.contains(&reference) {
                    prep.missing.push(reference);
                }
            }
        }
    }
    prep.before_you_go = before_you_go(&prep.cards);
    prep
}

/// Whether two requirements are the same thing to bring, as the "before you go" list gathers
/// them (case, repeated spaces and a final full stop do not matter).
pub fn same_requirement(a: &str, b: &str) -> bool {
    requirement_key(a) == requirement_key(b)
}

/// How requirements compare: case, repeated spaces and a final full stop do not matter.
fn requirement_key(text: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    words.trim_end_matches('.').to_lowercase()
}

fn before_you_go(cards: &[CardReadiness<'_>]) -> Vec<BeforeYouGo> {
    let mut gathered: Vec<(String, BeforeYouGo)> = Vec::new();
    for card in cards {
        let id = card.card.qualified_id();
        for (index, text) in card.card.card.requires.iter().enumerate() {
            if text.trim().is_empty() {
                continue;
            }
            let done = card
                .checklist
                .entry(ItemId::Requires(index))
                .is_some_and(|entry| entry.done);
            let key = requirement_key(text);
            match gathered.iter_mut().find(|(k, _)| *k == key) {
                Some((_, item)) => {
                    item.done &= done;
                    if !item.cards.contains(&id) {
                        item.cards.push(id.clone());
                    }
                }
                None => gathered.push((
                    key,
                    BeforeYouGo {
                        text: text.trim().to_string(),
                        cards: vec![id.clone()],
                        done,
                    },
                )),
            }
        }
    }
    gathered.into_iter().map(|(_, item)| item).collect()
}
