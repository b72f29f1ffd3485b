//! The app's part of the export window: `X` in the builder opens it, the write key turns the
//! choice into files for the runtime to write, and the written paths are shown.

use std::path::PathBuf;

use chrono::Utc;

use super::app::{App, Popup, Screen};
use super::command::Command;
use super::effect::Effect;
use super::views::export_window::{ExportOutcome, ExportWindow};
use crate::plan::Plan;

impl App {
    /// Opens the export window over the builder.
    pub(crate) fn open_export_window(&mut self) {
        self.popups.push(Popup::Export(ExportWindow::default()));
    }

    /// A key in the export window.
    pub(crate) fn export_window_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(Popup::Export(window)) = self.popups.last_mut() else {
            return Vec::new();
        };
        match window.update(command) {
            ExportOutcome::Stay => Vec::new(),
            ExportOutcome::Close => {
                self.popups.pop();
                Vec::new()
            }
            ExportOutcome::Write => {
                let window = *window;
                self.popups.pop();
                let Some(Screen::Builder(builder)) = self.screens.last() else {
                    return Vec::new();
                };
                let plan = Plan::Agenda(builder.agenda.clone());
                // The calendar's DTSTAMP: when the export is made.
                let (files, problems) =
                    window.files(&plan, &builder.path, &self.library, Utc::now());
                if let Some(Screen::Builder(builder)) = self.screens.last_mut() {
                    builder.status = (!problems.is_empty()).then(|| problems.join("; "));
                }
                if files.is_empty() {
                    self.show_message("Nothing exported", problems.join("\n"));
                    return Vec::new();
                }
                vec![Effect::WriteExports(files)]
            }
        }
    }

    /// Shows the files an export wrote, relative to the library.
    pub(crate) fn exported(&mut self, result: Result<Vec<PathBuf>, String>) {
        match result {
            Ok(paths) => {
                let shown: Vec<String> = paths
                    .iter()
                    .map(|path| self.library.display_path(path).display().to_string())
                    .collect();
                if let Some(Screen::Builder(builder)) = self.screens.last_mut() {
                    let folder = paths
                        .first()
                        .and_then(|p| p.parent())
                        .map(|p| self.library.display_path(p).display().to_string())
                        .unwrap_or_default();
                    let before = builder.status.take();
                    let done = format!("Exported {} files to {folder}", paths.len());
                    builder.status = Some(match before {
                        Some(before) => format!("{done}; {before}"),
                        None => done,
                    });
                }
                self.show_message("Exported", format!("Wrote:\n{}", shown.join("\n")));
            }
            Err(problem) => self.show_message("Export failed", problem),
        }
    }
}
