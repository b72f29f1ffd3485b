//! The app's part of the agenda builder and run mode: opening an agenda from the library,
//! routing keys, typing and clock ticks to the builder or the timer, and the results of
//! saving and exporting. Kept apart from `app.rs` so the frame stays small.

use std::path::PathBuf;

use super::action::{Action, TextEdit};
use super::app::{App, Screen};
use super::command::Command;
use super::effect::Effect;
use super::views::agenda_builder::{AgendaBuilder, Layer};
use super::views::new_agenda::NewAgendaOutcome;
use super::views::preview::Subject;
use super::views::run_mode::RunScreen;
use crate::plan::Plan;
use crate::search::SearchIndex;

impl AgendaBuilder {
    /// Typing, for the builder's question or its card picker's search.
    pub(crate) fn type_text(&mut self, edit: TextEdit, index: &SearchIndex) {
        match &mut self.layer {
            Layer::Prompt(prompt) => {
                prompt.input.apply(edit);
            }
            Layer::Picker(picker) => picker.edit(edit, index),
            Layer::Timetable | Layer::Leaving => {}
        }
    }
}

impl App {
    /// Whether run mode is on screen and wants the clock.
    pub fn wants_ticks(&self) -> bool {
        matches!(self.screens.last(), Some(Screen::Run(_)))
    }

    /// Whether an agenda in the builder has unsaved changes.
    pub fn has_unsaved(&self) -> bool {
        self.screens
            .iter()
            .any(|screen| matches!(screen, Screen::Builder(builder) if builder.dirty))
            || self
                .screens
                .iter()
                .any(|screen| matches!(screen, Screen::Course(planner) if planner.dirty))
    }

    /// The agenda file to open in the builder instead of showing it as text: an agenda (not a
    /// course) in the library's agendas folder.
    pub(crate) fn agenda_to_build(&self, subject: &Subject) -> Option<PathBuf> {
        let Subject::File(path) = subject else {
            return None;
        };
        let in_agendas = path.starts_with(self.library.agendas_folder());
        let is_course = self.files.get(path).is_some_and(|text| {
            text.as_ref()
                .is_ok_and(|text| matches!(crate::plan::load_plan(path, text), Ok(Plan::Course(_))))
        });
        (in_agendas && !is_course).then(|| path.clone())
    }

    /// A key for the agenda builder on top: its timetable, its question, its card picker or
    /// the question before leaving unsaved changes.
    pub(crate) fn builder_command(&mut self, command: Command) -> Vec<Effect> {
        let page = usize::from(self.main_area().height.saturating_sub(4)).max(1);
        let Some(Screen::Builder(builder)) = self.screens.last_mut() else {
            return Vec::new();
        };
        let outcome = match &mut builder.layer {
            Layer::Timetable => builder.update(command, &self.library, page),
            Layer::Leaving => builder.update_leaving(command),
            Layer::Prompt(_) => {
                match command {
                    Command::Open => builder.answer(),
                    Command::Back => builder.layer = Layer::Timetable,
                    _ => {}
                }
                Default::default()
            }
            Layer::Picker(picker) => {
                match command {
                    Command::Open => {
                        if let Some(card) = picker.chosen(&self.library) {
                            builder.add_card(&card);
                        }
                    }
                    Command::Back => builder.layer = Layer::Timetable,
                    other => picker.update(other),
                }
                Default::default()
            }
        };
        if outcome.run {
            let run = RunScreen::new(&builder.agenda, &self.library);
            self.screens.push(Screen::Run(Box::new(run)));
        } else if outcome.close {
            self.screens.pop();
        } else if outcome.export {
            // What to export is chosen in a window before anything is written.
            self.open_export_window();
        }
        outcome.effects
    }

    /// A key for the new agenda window on top.
    pub(crate) fn new_agenda_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(Screen::NewAgenda(window)) = self.screens.last_mut() else {
            return Vec::new();
        };
        match window.update(command, &self.library) {
            NewAgendaOutcome::Stay => Vec::new(),
            NewAgendaOutcome::Cancel => {
                self.screens.pop();
                Vec::new()
            }
            NewAgendaOutcome::Create(effect) => vec![effect],
        }
    }

    /// The results of the builder's effects, and the clock.
    pub(crate) fn agenda_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::AgendaOpened { path, read } => match read {
                Ok((text, fingerprint)) => {
                    if matches!(crate::plan::load_plan(&path, &text), Ok(Plan::Course(_))) {
                        // A course among the agendas is planned too.
                        return vec![Effect::OpenCourse(path)];
                    }
                    // `a` on a card adds to this agenda from now on.
                    self.last_agenda = Some(path.clone());
                    match AgendaBuilder::open(path.clone(), text, fingerprint) {
                        Ok(builder) => {
                            // The last meeting with the same mentee, for the header.
                            let find = self.find_last_log(&builder);
                            self.screens.push(Screen::Builder(Box::new(builder)));
                            return find;
                        }
                        Err(problem) => self.show_message("Cannot open the agenda", problem),
                    }
                }
                Err(problem) => self.show_message("Cannot open the agenda", problem),
            },
            Action::AgendaSaved { path, saved } => {
                let at = self.screens.iter().rposition(
                    |screen| matches!(screen, Screen::Builder(builder) if builder.path == path),
                );
                if let Some(at) = at
                    && let Screen::Builder(builder) = &mut self.screens[at]
                    && builder.saved(saved)
                {
                    self.screens.remove(at);
                }
                return vec![Effect::LoadLibrary(self.library.root.clone())];
            }
            // The written paths are shown.
            Action::AgendaExported(result) => self.exported(result),
            Action::AgendaCreated { path, created } => match created {
                Ok(()) => {
                    if matches!(self.screens.last(), Some(Screen::NewAgenda(_))) {
                        self.screens.pop();
                    }
                    return vec![
                        Effect::LoadLibrary(self.library.root.clone()),
                        Effect::OpenAgenda(path),
                    ];
                }
                Err(problem) => {
                    if let Some(Screen::NewAgenda(window)) = self.screens.last_mut() {
                        window.problem = Some(problem);
                    }
                }
            },
            Action::Tick(seconds) => {
                for screen in &mut self.screens {
                    if let Screen::Run(run) = screen {
                        run.tick(seconds);
                    }
                }
            }
            _ => {}
        }
        Vec::new()
    }
}
