//! The pack browser: installed and bundled packs with their manifest and provenance, a pack's
//! cards with a preview, and installing, removing and forking. The work itself is done by the
//! runtime (`crate::tui::pack_jobs`); this module keeps the state and says what to run.

mod fork;
mod render;
mod routing;

pub use render::render;

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::layout::Rect;

use super::preview::Subject;
use crate::library::{CardSource, Library, PackLocation};
use crate::pack::provenance::InstallRecord;
use crate::tui::action::TextEdit;
use crate::tui::command::Command;
use crate::tui::editor::fork_id::ForkIdPrompt;
use crate::tui::effect::Effect;
use crate::tui::pack_jobs::{PackAction, PackEffect, PendingInstall};
use crate::tui::widgets::list::ListState;
use crate::tui::widgets::scroll::ScrollState;
use crate::tui::widgets::text_input::TextInput;

/// How many lines of progress and results the pane keeps.
const LOG_LINES: usize = 50;

/// The pack browser's state.
#[derive(Debug, Clone, Default)]
pub struct PackScreen {
    /// The selected pack, by its position in `Library::packs`.
    pub list: ListState,
    /// The pack whose cards are listed, when one is open.
    pub opened: Option<OpenedPack>,
    pub mode: PackMode,
    /// Progress and results, oldest first.
    pub log: Vec<String>,
    /// Install records by pack folder name, as the runtime last read them.
    pub records: HashMap<String, InstallRecord>,
    /// A pack just installed, to select once the library has it.
    pub select: Option<String>,
    /// The install running on a worker thread, while it runs (#8).
    pub busy: Option<Busy>,
}

/// How far a running install has got, as its reports say (#8).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Busy {
    /// The step it is on (`unpacking v2.zip (zip)`, `cloning …`).
    pub step: String,
    pub entries: u64,
    pub bytes: u64,
}

/// A pack's cards, listed with a preview of the selected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedPack {
    pub name: String,
    pub list: ListState,
    pub preview: ScrollState,
}

/// What the pane's bottom box is doing.
#[derive(Debug, Clone, Default)]
pub enum PackMode {
    /// Showing progress and results.
    #[default]
    Browse,
    /// Typing the folder, archive or git URL to install from.
    Path(TextInput),
    /// Waiting for y or n.
    Confirm { question: String, on_yes: OnYes },
    /// Typing a new id for the pack card `reference`, whose id one of my cards has (the
    /// question of [`ForkIdPrompt`]).
    ForkId {
        reference: String,
        input: TextInput,
        /// Why the last id typed was not taken.
        problem: Option<String>,
    },
}

/// What a yes does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnYes {
    Remove(String),
    Install(PendingInstall),
}

/// What the pack browser asks of the app.
#[derive(Debug, Default)]
pub struct PackOutcome {
    pub close: bool,
    /// Show this full screen.
    pub open: Option<Subject>,
    pub effects: Vec<Effect>,
}

impl PackOutcome {
    fn run(effect: PackEffect) -> Self {
        PackOutcome {
            effects: vec![Effect::Pack(effect)],
            ..PackOutcome::default()
        }
    }
}

impl PackScreen {
    /// Adds a line to the log, dropping the oldest past the limit.
    pub fn say(&mut self, line: impl Into<String>) {
        self.log.push(line.into());
        let extra = self.log.len().saturating_sub(LOG_LINES);
        self.log.drain(..extra);
    }

    /// The selected pack's name.
    pub fn selected_pack<'a>(&self, library: &'a Library) -> Option<&'a str> {
        library
            .packs
            .get(self.list.selected)
            .map(|pack| pack.manifest.name.as_str())
    }

    /// The cards of the open pack, as positions in `Library::cards`.
    pub fn card_indices(&self, library: &Library) -> Vec<usize> {
        let Some(opened) = &self.opened else {
            return Vec::new();
        };
        let source = CardSource::Pack {
            pack: opened.name.clone(),
        };
        library
            .cards
            .iter()
            .enumerate()
            .filter(|(_, card)| card.source == source)
            .map(|(index, _)| index)
            .collect()
    }

    /// The selected card of the open pack.
    pub fn selected_card(&self, library: &Library) -> Option<usize> {
        let opened = self.opened.as_ref()?;
        self.card_indices(library)
            .get(opened.list.selected)
            .copied()
    }

    /// Reacts to a command.
    pub fn update(&mut self, command: Command, library: &Library, main: Rect) -> PackOutcome {
        let root = library.root.clone();
        match std::mem::take(&mut self.mode) {
            PackMode::Path(input) => return self.update_path(command, input, root),
            PackMode::Confirm { question, on_yes } => {
                if command == Command::Back {
                    return self.answer(false, on_yes, root);
                }
                self.mode = PackMode::Confirm { question, on_yes };
                return PackOutcome::default();
            }
            PackMode::ForkId {
                reference,
                input,
                problem,
            } => {
                let prompt = ForkIdPrompt {
                    reference,
                    input,
                    problem,
                };
                return self.update_fork_id(command, prompt, library);
            }
            PackMode::Browse => {}
        }
        let page = usize::from(render::list_height(main, self));
        if command == Command::InstallPack {
            // One install at a time: a second would race the first into the same folders (#8).
            if self.busy.is_some() {
                self.say("An install is running: wait for it to finish.");
            } else {
                self.mode = PackMode::Path(TextInput::default());
            }
            return PackOutcome::default();
        }
        if self.opened.is_some() {
            return self.update_cards(command, library, page);
        }
        match command {
            Command::Back => {
                return PackOutcome {
                    close: true,
                    ..PackOutcome::default()
                };
            }
            Command::Open => {
                if let Some(name) = self.selected_pack(library) {
                    self.opened = Some(OpenedPack {
                        name: name.to_string(),
                        list: ListState::default(),
                        preview: ScrollState::default(),
                    });
                }
            }
            Command::RemovePack => self.ask_remove(library),
            _ => {
                self.list.apply(command, library.packs.len(), page);
            }
        }
        PackOutcome::default()
    }

    fn update_path(&mut self, command: Command, input: TextInput, root: PathBuf) -> PackOutcome {
        match command {
            Command::Back => PackOutcome::default(),
            Command::Open if !input.text().trim().is_empty() => {
                let source = input.text().trim().to_string();
                self.say(format!("Installing from {source}…"));
                self.busy = Some(Busy {
                    step: format!("installing from {source}"),
                    ..Busy::default()
                });
                PackOutcome::run(PackEffect::Install { root, source })
            }
            _ => {
                self.mode = PackMode::Path(input);
                PackOutcome::default()
            }
        }
    }

    fn update_cards(&mut self, command: Command, library: &Library, page: usize) -> PackOutcome {
        let count = self.card_indices(library).len();
        let selected = self.selected_card(library);
        let Some(opened) = self.opened.as_mut() else {
            return PackOutcome::default();
        };
        match command {
            Command::Back => self.opened = None,
            Command::Open => {
                return PackOutcome {
                    open: selected.map(Subject::Card),
                    ..PackOutcome::default()
                };
            }
            Command::ForkCard => {
                if let Some(index) = selected {
                    return self.fork(library, index);
                }
            }
            _ => {
                if opened.list.apply(command, count, page) {
                    opened.preview = ScrollState::default();
                }
            }
        }
        PackOutcome::default()
    }

    fn ask_remove(&mut self, library: &Library) {
        let Some(pack) = library.packs.get(self.list.selected) else {
            return;
        };
        let name = pack.manifest.name.clone();
        if pack.location == PackLocation::Bundled {
            self.say(format!(
                "{name} is bundled with skillbook and cannot be removed."
            ));
            return;
        }
        self.mode = PackMode::Confirm {
            question: format!("Remove the pack {name} and its cards from your library?"),
            on_yes: OnYes::Remove(name),
        };
    }

    fn answer(&mut self, yes: bool, on_yes: OnYes, root: PathBuf) -> PackOutcome {
        self.mode = PackMode::Browse;
        match (yes, on_yes) {
            (true, OnYes::Remove(name)) => {
                self.say(format!("Removing {name}…"));
                PackOutcome::run(PackEffect::Remove { root, name })
            }
            (true, OnYes::Install(pending)) => {
                self.busy = Some(Busy {
                    step: "installing".into(),
                    ..Busy::default()
                });
                PackOutcome::run(PackEffect::Commit { root, pending })
            }
            (false, OnYes::Remove(_)) => {
                self.say("Not removed; nothing changed.");
                PackOutcome::default()
            }
            (false, OnYes::Install(pending)) => PackOutcome::run(PackEffect::Discard(pending)),
        }
    }

    /// An edit of the path being typed, or the y or n of a question.
    pub fn edit(&mut self, edit: TextEdit, library: &Library) -> PackOutcome {
        match &mut self.mode {
            PackMode::Path(input) => {
                input.apply(edit);
                PackOutcome::default()
            }
            PackMode::ForkId { input, .. } => {
                input.apply(edit);
                PackOutcome::default()
            }
            PackMode::Confirm { on_yes, .. } => {
                let yes = match edit {
                    TextEdit::Insert('y' | 'Y') => true,
                    TextEdit::Insert('n' | 'N') => false,
                    _ => return PackOutcome::default(),
                };
                let on_yes = on_yes.clone();
                self.answer(yes, on_yes, library.root.clone())
            }
            PackMode::Browse => PackOutcome::default(),
        }
    }

    /// Takes in what a pack job reports; a finished job that changed the library asks for it
    /// to be read again, with the install records.
    pub fn apply(&mut self, action: PackAction, root: PathBuf) -> Vec<Effect> {
        match action {
            PackAction::Records(records) => self.records = records.into_iter().collect(),
            PackAction::Progress(line) => {
                if let Some(busy) = &mut self.busy {
                    busy.step.clone_from(&line);
                }
                self.say(line);
            }
            PackAction::Unpacked { entries, bytes } => {
                if let Some(busy) = &mut self.busy {
                    busy.entries = entries;
                    busy.bytes = bytes;
                }
            }
            PackAction::Ask { question, pending } => {
                self.busy = None;
                self.mode = PackMode::Confirm {
                    question,
                    on_yes: OnYes::Install(pending),
                };
            }
            PackAction::Done {
                lines,
                changed,
                installed,
            } => {
                self.busy = None;
                for line in lines {
                    self.say(line);
                }
                if installed.is_some() {
                    self.select = installed;
                    self.opened = None;
                }
                if changed {
                    return vec![
                        Effect::LoadLibrary(root.clone()),
                        Effect::Pack(PackEffect::ReadRecords(root)),
                    ];
                }
            }
        }
        Vec::new()
    }

    /// Keeps the selections valid after a change of size or library.
    pub fn clamp(&mut self, library: &Library, main: Rect) {
        let page = usize::from(render::list_height(main, self));
        if let Some(name) = &self.select
            && let Some(index) = library.packs.iter().position(|p| &p.manifest.name == name)
        {
            self.list.selected = index;
            self.select = None;
        }
        self.list.clamp(library.packs.len());
        self.list.scroll_into_view(page);
        if let Some(opened) = &self.opened
            && library.pack(&opened.name).is_none()
        {
            // The pack was removed.
            self.opened = None;
        }
        let count = self.card_indices(library).len();
        if let Some(opened) = &mut self.opened {
            opened.list.clamp(count);
            opened.list.scroll_into_view(page);
        }
    }
}
