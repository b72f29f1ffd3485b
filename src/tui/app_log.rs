//! The app's part of the session log: `L` in the builder (or when run mode has ended) opens
//! the log window for the agenda, typing goes to it, and the results of reading and saving
//! come back. The latest log of the same mentee is looked up when an agenda opens, for the
//! builder's header. The I/O at the bottom is run by the runtime.

use std::path::{Path, PathBuf};

use super::action::Action;
use super::app::{App, Popup, Screen};
use super::command::Command;
use super::effect::Effect;
use super::views::agenda_builder::AgendaBuilder;
use super::views::log_window::{LogOutcome, LogWindow};
use crate::log::{self, LoadedLog, SessionLog};

impl App {
    /// Whether the log window has the typing.
    pub(crate) fn log_has_keys(&self) -> bool {
        matches!(self.popups.last(), Some(Popup::Log(_)))
    }

    /// A key in the log window.
    pub(crate) fn log_window_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(Popup::Log(window)) = self.popups.last_mut() else {
            return Vec::new();
        };
        match window.update(command) {
            LogOutcome::Stay => Vec::new(),
            LogOutcome::Close => {
                self.popups.pop();
                Vec::new()
            }
            LogOutcome::Save(effect) => vec![effect],
        }
    }

    /// `L` in the builder or run mode: reads the log of the agenda open in the builder, to
    /// show it in the log window; `None` when no agenda is open.
    pub(crate) fn open_log(&self) -> Option<Vec<Effect>> {
        let builder = self.screens.iter().rev().find_map(|screen| match screen {
            Screen::Builder(builder) => Some(builder),
            _ => None,
        })?;
        Some(vec![Effect::LoadLog {
            root: self.library.root.clone(),
            agenda: builder.path.clone(),
            title: builder.agenda.title.clone(),
            start: Box::new(new_log(builder)),
        }])
    }

    /// The effect that looks up the last log with the builder's mentee, if it has one.
    pub(crate) fn find_last_log(&self, builder: &AgendaBuilder) -> Vec<Effect> {
        match &builder.agenda.mentee {
            Some(mentee) if !mentee.name.trim().is_empty() => vec![Effect::FindLastLog {
                root: self.library.root.clone(),
                agenda: builder.path.clone(),
                mentee: mentee.name.clone(),
            }],
            _ => Vec::new(),
        }
    }

    /// The results of reading and saving logs.
    pub(crate) fn log_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::LogLoaded { title, result } => match result {
                Ok(loaded) => self
                    .popups
                    .push(Popup::Log(Box::new(LogWindow::new(title, *loaded)))),
                Err(problem) => self.show_message("Cannot open the session log", problem),
            },
            Action::LogSaved(result) => match result {
                Ok(saved) => {
                    if self.log_has_keys() {
                        self.popups.pop();
                    }
                    let shown = self.library.display_path(&saved.path).display().to_string();
                    if let Some(Screen::Builder(builder)) = self.screens.last_mut() {
                        builder.status = Some(format!("Session log saved to {shown}"));
                    }
                }
                Err(problem) => {
                    if let Some(Popup::Log(window)) = self.popups.last_mut() {
                        window.problem = Some(problem);
                    }
                }
            },
            Action::LastLogFound { agenda, summary } => match summary {
                Some(summary) => {
                    self.previous_logs.insert(agenda, summary);
                }
                None => {
                    self.previous_logs.remove(&agenda);
                }
            },
            _ => {}
        }
        Vec::new()
    }
}

/// What a new log starts from: the agenda's mentee and date.
fn new_log(builder: &AgendaBuilder) -> SessionLog {
    SessionLog {
        agenda: builder
            .path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
        mentee: builder.agenda.mentee.as_ref().map(|m| m.name.clone()),
        date: builder.agenda.date,
        ..SessionLog::default()
    }
}

/// Runs [`Effect::LoadLog`]: the agenda's log, or `start` for one not written yet.
pub(crate) fn load_log(root: &Path, agenda: &Path, title: String, start: SessionLog) -> Action {
    let result = log::load(root, agenda)
        .map(|mut loaded| {
            if loaded.text.is_none() {
                loaded.log = start;
            }
            Box::new(loaded)
        })
        .map_err(|error| error.to_string());
    Action::LogLoaded { title, result }
}

/// Runs [`Effect::SaveLog`].
pub(crate) fn save_log(loaded: &LoadedLog) -> Action {
    Action::LogSaved(
        log::save(loaded)
            .map(Box::new)
            .map_err(|error| format!("Not saved: {error}")),
    )
}

/// Runs [`Effect::FindLastLog`].
pub(crate) fn find_last_log(root: &Path, agenda: PathBuf, mentee: &str) -> Action {
    let summary = log::latest_for_mentee(root, mentee, &agenda).map(|last| log::summary(&last));
    Action::LastLogFound { agenda, summary }
}
