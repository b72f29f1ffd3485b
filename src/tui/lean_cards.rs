//! Cards read on demand (#9). A large library is loaded from its index with lean cards
//! (metadata, no body: see [`LibraryCard::lean`]); whatever shows or changes a card (the
//! preview, the card view, the checklist, the agenda builder and so run mode and exports)
//! needs the whole card. After each update the app asks for the lean cards in view to be read
//! ([`Effect::ReadCards`]); the runtime reads them before the next frame is drawn, and they
//! come back as [`Action::CardsRead`]. A few read cards are kept; older ones are made lean
//! again, so memory stays small however many cards are looked at.
//!
//! The search pane's side of matching off the input thread is here too.

use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;

use super::action::{Action, TextEdit};
use super::app::{App, Screen};
use super::effect::Effect;
use super::search_worker::{SearchJob, WORKER_FROM};
use super::views::preview::Subject;
use super::views::sources::sources;
use crate::library::{CardSource, Library, LibraryCard, read_full};

/// How many read cards are kept beyond those in view.
const KEEP: usize = 32;

/// Which cards were read whole, oldest first, and which reads are asked for.
#[derive(Debug, Clone, Default)]
pub struct LeanCards {
    read: VecDeque<usize>,
    /// Paths asked for and not answered, or that could not be read (not asked again until the
    /// library is loaded again).
    asked: HashSet<PathBuf>,
}

impl LeanCards {
    /// Forgets everything: the library was replaced, positions changed.
    pub fn clear(&mut self) {
        self.read.clear();
        self.asked.clear();
    }
}

/// Reads cards whole, for [`Effect::ReadCards`].
pub fn read_cards(cards: Vec<(usize, PathBuf, CardSource)>) -> Action {
    Action::CardsRead(
        cards
            .into_iter()
            .map(|(index, path, source)| {
                let read = read_full(&path, &source).map(Box::new);
                (index, path, read)
            })
            .collect(),
    )
}

impl App {
    /// The library the background load finished. While it loaded the app started on the
    /// first source with cards then (a bundled pack, own cards not being there yet); unless
    /// the user moved, it now starts where it would have with the whole library: own cards
    /// first when there are any.
    pub(super) fn background_loaded(&mut self, library: Library) -> Vec<Effect> {
        let first_full = |library: &Library| {
            sources(library)
                .iter()
                .position(|entry| entry.count > 0)
                .unwrap_or(0)
        };
        let untouched = self.screens.is_empty()
            && self.browser.sources.selected == first_full(&self.library)
            && self.browser.list.selected == 0;
        self.loading = None;
        let effects = self.library_loaded(library);
        if untouched {
            self.browser.sources.selected = first_full(&self.library);
        }
        effects
    }

    /// Whether a key typed now goes to the search pane's query over a library large enough to
    /// match off the input thread (see [`super::search_worker`]).
    pub(super) fn search_on_worker(&self) -> bool {
        self.popups.is_empty()
            && matches!(self.screens.last(), Some(Screen::Search(_)))
            && self.search_index.len() >= WORKER_FROM
    }

    /// The prompt changes now; the results are asked for.
    pub(super) fn search_edit_on_worker(&mut self, edit: TextEdit) -> Vec<Effect> {
        let Some(Screen::Search(search)) = self.screens.last_mut() else {
            return Vec::new();
        };
        match search.edit_deferred(edit) {
            Some(text) => vec![Effect::Search(SearchJob {
                index: std::sync::Arc::clone(&self.search_index),
                text,
            })],
            None => Vec::new(),
        }
    }

    /// Positions of the cards shown or worked on now: the browser's preview, and each screen's
    /// card, selected result or agenda cards.
    fn cards_in_view(&self) -> Vec<usize> {
        let mut wanted = Vec::new();
        if let Some(Subject::Card(index)) = self.browser.subject(&self.library) {
            wanted.push(index);
        }
        for screen in &self.screens {
            match screen {
                Screen::Card(card) => {
                    if let Subject::Card(index) = card.subject {
                        wanted.push(index);
                    }
                }
                Screen::Search(search) => {
                    if let Some(Subject::Card(index)) = search.subject() {
                        wanted.push(index);
                    }
                }
                Screen::Checklist(checklist) => wanted.push(checklist.card),
                Screen::Builder(builder) => {
                    wanted.extend(builder.agenda.items.iter().filter_map(|item| {
                        let card = item.card()?;
                        self.library.find_index(card.as_str(), None)
                    }));
                }
                // The prep list's open items come from its cards' bodies too (#6).
                Screen::Prep(prep) => {
                    wanted.extend(prep.agenda.items.iter().filter_map(|item| {
                        let card = item.card()?;
                        self.library.find_index(card.as_str(), None)
                    }));
                }
                // The pack browser previews its selected card (#8).
                Screen::Packs(packs) => wanted.extend(packs.selected_card(&self.library)),
                // The editor and the conflict view read their file from disk; the planner and
                // the rest show no card text.
                Screen::Run(_)
                | Screen::NewAgenda(_)
                | Screen::Editor(_)
                | Screen::Conflict(_)
                | Screen::Course(_) => {}
            }
        }
        wanted
    }

    /// The read of the lean cards in view not read or asked for yet, if any.
    pub(super) fn wanted_cards(&mut self) -> Option<Effect> {
        let wanted: Vec<(usize, PathBuf, CardSource)> = self
            .cards_in_view()
            .into_iter()
            .filter_map(|index| {
                let card = self.library.cards.get(index)?;
                (card.lean && !self.lean_cards.asked.contains(&card.path))
                    .then(|| (index, card.path.clone(), card.source.clone()))
            })
            .collect();
        if wanted.is_empty() {
            return None;
        }
        for (_, path, _) in &wanted {
            self.lean_cards.asked.insert(path.clone());
        }
        Some(Effect::ReadCards(wanted))
    }

    /// Puts cards read whole in place of their lean entries, and makes the oldest read cards
    /// not in view lean again. A card that could not be read stays lean: the preview shows its
    /// metadata, and it is never saved.
    pub(super) fn cards_read(
        &mut self,
        read: Vec<(usize, PathBuf, Result<Box<LibraryCard>, String>)>,
    ) {
        for (index, path, result) in read {
            let Ok(card) = result else {
                continue;
            };
            let Some(slot) = self.library.cards.get_mut(index) else {
                continue;
            };
            if slot.path != path || !slot.lean {
                continue;
            }
            *slot = *card;
            self.lean_cards.asked.remove(&path);
            self.lean_cards.read.push_back(index);
        }
        if self.lean_cards.read.len() > KEEP {
            let in_view: HashSet<usize> = self.cards_in_view().into_iter().collect();
            while self.lean_cards.read.len() > KEEP {
                let Some(oldest) = self.lean_cards.read.pop_front() else {
                    break;
                };
                if in_view.contains(&oldest) {
                    self.lean_cards.read.push_back(oldest);
                    if self.lean_cards.read.iter().all(|i| in_view.contains(i)) {
                        break;
                    }
                    continue;
                }
                if let Some(card) = self.library.cards.get_mut(oldest) {
                    card.make_lean();
                }
            }
        }
        // Readiness figures do not depend on bodies; the search index keeps its body words.
    }
}
