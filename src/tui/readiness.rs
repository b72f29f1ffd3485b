//! Readiness in the app: the figures the card list shows (computed once per load, tick or save,
//! never per frame), and the effects that write ticks and answers through the domain — an own
//! card's file changes in the lines that changed ([`save_card`]), a pack card's tick goes to the
//! library's personal state ([`ReadinessState::save`]), never to the pack.
//!
//! The user's agendas and courses are read by an effect after each load of the state, so the
//! library's list can show how ready each one is ([`PlanFigure`]).

use std::path::{Path, PathBuf};

use super::action::Action;
use super::app::App;
use super::effect::Effect;
use crate::card::SkillCard;
use crate::checklist::{
    ItemId, Readiness, ReadinessState, STATE_FILE, Toggled, card_checklist, plan_readiness,
    save_card, toggle_item,
};
use crate::library::{Library, LibraryCard};
use crate::plan::{Plan, load_plan};

/// One of the user's agenda or course files and how ready its cards are.
#[derive(Debug, Clone)]
pub struct PlanFigure {
    /// The file.
    pub path: PathBuf,
    /// The plan as read; `None` when the file could not be read or parsed (it shows no figure).
    pub plan: Option<Plan>,
    /// Its readiness, as last computed.
    pub readiness: Option<Readiness>,
}

/// Reads agenda and course files (the effect behind `Effect::ReadPlans`).
pub fn read_plans(paths: Vec<PathBuf>) -> Action {
    Action::PlansRead(
        paths
            .into_iter()
            .map(|path| {
                let text = std::fs::read_to_string(&path)
                    .map_err(|error| format!("{}: {error}", path.display()));
                (path, text)
            })
            .collect(),
    )
}

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
        for figure in &mut self.plans {
            figure.readiness = figure
                .plan
                .as_ref()
                .map(|plan| plan_readiness(plan, &self.library, &self.readiness, None));
        }
    }

    /// The readiness of an agenda or course file of the library, once it has been read.
    pub fn plan_figure(&self, path: &Path) -> Option<Readiness> {
        self.plans
            .iter()
            .find(|figure| figure.path == path)
            .and_then(|figure| figure.readiness)
    }

    /// The user's agenda and course files were read: keep the plans, compute their figures.
    pub fn plans_read(&mut self, files: Vec<(PathBuf, Result<String, String>)>) -> Vec<Effect> {
        self.plans = files
            .into_iter()
            .map(|(path, text)| {
                // A file that cannot be read or parsed shows no figure; the preview and
                // `skillbook check` say what is wrong with it.
                let plan = text.ok().and_then(|text| load_plan(&path, &text).ok());
                PlanFigure {
                    path,
                    plan,
                    readiness: None,
                }
            })
            .collect();
        self.refresh_readiness();
        Vec::new()
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
        // Plan readiness (#6): with the state known, the agendas' and courses' figures.
        let mut paths = self.library.agenda_paths.clone();
        paths.extend(self.library.course_paths.iter().cloned());
        vec![Effect::ReadPlans(paths)]
    }
}
