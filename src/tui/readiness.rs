//! Readiness in the app: the figures the card list shows (computed once per load, tick or save,
//! never per frame), and the effects that write ticks and answers through the domain — an own
//! card's file changes in the lines that changed ([`save_card`]), a pack card's tick goes to the
//! library's personal state ([`ReadinessState::save`]), never to the pack.

use std::path::{Path, PathBuf};

use super::action::Action;
use super::app::App;
use super::effect::Effect;
use crate::card::SkillCard;
use crate::checklist::{
    ItemId, Readiness, ReadinessState, STATE_FILE, Toggled, card_checklist, save_card, toggle_item,
};
use crate::library::{Library, LibraryCard};

/// An own card to save: the card as it was read (its file and fingerprint, so a file changed
/// on disk since is not overwritten) and the card as it is now.
#[derive(Debug, Clone)]
pub struct CardSave {
    /// The card as read.
    pub card: Box<LibraryCard>,
    /// The card with the change.
    pub new: Box<SkillCard>,
}

impl PartialEq for CardSave {
    fn eq(&self, other: &Self) -> bool {
        self.card.path == other.card.path
            && self.card.fingerprint == other.card.fingerprint
            && self.new == other.new
    }
}

impl Eq for CardSave {}

impl CardSave {
    /// Writes the card; the answer carries the card as saved, or why it was not.
    pub fn run(self) -> Action {
        let CardSave { mut card, new } = self;
        let path = card.path.clone();
        let result = save_card(&mut card, *new)
            .map(|()| card)
            .map_err(|error| error.to_string());
        Action::CardSaved { path, result }
    }
}

/// The personal readiness state to save.
#[derive(Debug, Clone)]
pub struct StateSave(pub Box<ReadinessState>);

impl PartialEq for StateSave {
    fn eq(&self, other: &Self) -> bool {
        self.0.path() == other.0.path() && self.0.render() == other.0.render()
    }
}

impl Eq for StateSave {}

impl StateSave {
    /// Writes the state file; the answer carries the state as saved, or why it was not.
    pub fn run(self) -> Action {
        let mut state = self.0;
        let result = state.save().map(|()| state).map_err(|e| e.to_string());
        Action::ReadinessSaved(result)
    }
}

/// Reads the personal state of the library at `root`.
pub fn load_state(root: &Path) -> Action {
    Action::ReadinessLoaded(
        ReadinessState::load(root)
            .map(Box::new)
            .map_err(|error| error.to_string()),
    )
}

/// Where the personal state of a library lives.
pub fn state_path(library: &Library) -> PathBuf {
    library.root.join(STATE_FILE)
}

/// The readiness of every card of the library, by position in `Library::cards`.
pub fn figures(library: &Library, state: &ReadinessState) -> Vec<Readiness> {
    library
        .cards
        .iter()
        .map(|card| card_checklist(library, state, card).readiness())
        .collect()
}

impl App {
    /// Computes the readiness figures again (after a load, a tick or a save).
    pub fn refresh_readiness(&mut self) {
        self.ready_figures = figures(&self.library, &self.readiness);
    }

    /// The readiness of the card at `index` of `Library::cards`, as last computed.
    pub fn card_readiness(&self, index: usize) -> Option<Readiness> {
        self.ready_figures.get(index).copied()
    }

    /// Ticks or unticks an item of the card at `index`: the state changes at once (so the
    /// figure does), and the save is returned as an effect.
    pub fn toggle_tick(&mut self, index: usize, id: ItemId) -> Vec<Effect> {
        let Some(card) = self.library.cards.get(index) else {
            return Vec::new();
        };
        let effects = match toggle_item(card, &mut self.readiness, id) {
            Some(Toggled::Card { card: new, .. }) => self.change_card(index, *new),
            Some(Toggled::State { .. }) => {
                vec![Effect::SaveReadiness(StateSave(Box::new(
                    self.readiness.clone(),
                )))]
            }
            None => Vec::new(),
        };
        self.refresh_readiness();
        effects
    }

    /// Puts a changed own card in place at once and returns its save. The card as read stays
    /// in the effect, so the save writes only what changed and checks the file on disk.
    pub fn change_card(&mut self, index: usize, new: SkillCard) -> Vec<Effect> {
        let Some(card) = self.library.cards.get_mut(index) else {
            return Vec::new();
        };
        let before = card.clone();
        card.card = new.clone();
        self.refresh_readiness();
        vec![Effect::SaveCard(CardSave {
            card: Box::new(before),
            new: Box::new(new),
        })]
    }

    /// A save came back: keep the card as saved, or say why it was not and read the library
    /// again, so the screen shows what the file holds.
    pub fn card_saved(
        &mut self,
        path: &Path,
        result: Result<Box<LibraryCard>, String>,
    ) -> Vec<Effect> {
        match result {
            Ok(saved) => {
                if let Some(card) = self.library.cards.iter_mut().find(|c| c.path == path) {
                    *card = *saved;
                }
                self.refresh_readiness();
                Vec::new()
            }
            Err(error) => {
                self.show_message("Not saved", error);
                vec![Effect::LoadLibrary(self.library.root.clone())]
            }
        }
    }

    /// The state file was saved (keep its new fingerprint) or was not (say why, read it again).
    pub fn readiness_saved(&mut self, result: Result<Box<ReadinessState>, String>) -> Vec<Effect> {
        match result {
            Ok(state) => {
                self.readiness = *state;
                Vec::new()
            }
            Err(error) => {
                self.show_message("Ticks not saved", error);
                vec![Effect::LoadReadiness(self.library.root.clone())]
            }
        }
    }

    /// The state file was read.
    pub fn readiness_loaded(&mut self, result: Result<Box<ReadinessState>, String>) -> Vec<Effect> {
        match result {
            Ok(state) => self.readiness = *state,
            Err(error) => {
                self.show_message(
                    "Readiness state",
                    format!("{error}\nTicks on pack cards start empty until this is fixed."),
                );
                self.readiness = ReadinessState::empty(state_path(&self.library));
            }
        }
        self.refresh_readiness();
        Vec::new()
    }
}
