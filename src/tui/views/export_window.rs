//! The export window (`X` in the agenda builder): what to export — the visit card, the
//! participant handout, the mentor run-sheet, the calendar file, the mail text, or all of
//! them — and, for the three documents, the format. The files go to the library's
//! `exports/<agenda-stem>/` folder; which files is worked out here, the writing is an effect.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Clear;

use super::pane_block;
use crate::export::{self, Document, ExportRequest, Format};
use crate::library::Library;
use crate::plan::Plan;
use crate::tui::app::App;
use crate::tui::command::Command;
use crate::tui::layout::{centered, inner};

/// What can be exported, in the order the window lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportChoice {
    VisitCard,
    Handout,
    RunSheet,
    Calendar,
    Mail,
    All,
}

impl ExportChoice {
    /// Every choice, in the window's order.
    pub const ALL: [ExportChoice; 6] = [
        ExportChoice::VisitCard,
        ExportChoice::Handout,
        ExportChoice::RunSheet,
        ExportChoice::Calendar,
        ExportChoice::Mail,
        ExportChoice::All,
    ];

    /// What the window shows.
    pub fn label(self) -> &'static str {
        match self {
            ExportChoice::VisitCard => "Visit card",
            ExportChoice::Handout => "Participant handout",
            ExportChoice::RunSheet => "Mentor run-sheet",
            ExportChoice::Calendar => "Calendar (.ics)",
            ExportChoice::Mail => "Mail text (.txt)",
            ExportChoice::All => "All of them",
        }
    }

    /// Whether the format choice applies (the calendar and the mail text have one format).
    pub fn has_format(self) -> bool {
        !matches!(self, ExportChoice::Calendar | ExportChoice::Mail)
    }
}

/// The formats a document can be written in.
pub const FORMATS: [Format; 3] = [Format::Markdown, Format::Html, Format::Text];

/// The window's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportWindow {
    /// Index into [`ExportChoice::ALL`]; starts on "All of them".
    pub choice: usize,
    /// Index into [`FORMATS`].
    pub format: usize,
}

impl Default for ExportWindow {
    fn default() -> Self {
        ExportWindow {
            choice: ExportChoice::ALL.len() - 1,
            format: 0,
        }
    }
}

/// What a key in the window leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum ExportOutcome {
    Stay,
    Close,
    Write,
}

impl ExportWindow {
    /// Up and down choose what, left and right the format; the write key writes; Esc closes.
    pub fn update(&mut self, command: Command) -> ExportOutcome {
        match command {
            Command::Up => self.choice = self.choice.saturating_sub(1),
            Command::Down => self.choice = (self.choice + 1).min(ExportChoice::ALL.len() - 1),
            Command::PaneLeft => self.format = self.format.saturating_sub(1),
            Command::PaneRight => self.format = (self.format + 1).min(FORMATS.len() - 1),
            Command::Back => return ExportOutcome::Close,
            Command::ExportWrite => return ExportOutcome::Write,
            _ => {}
        }
        ExportOutcome::Stay
    }

    pub fn chosen(&self) -> ExportChoice {
        ExportChoice::ALL[self.choice.min(ExportChoice::ALL.len() - 1)]
    }

    pub fn chosen_format(&self) -> Format {
        FORMATS[self.format.min(FORMATS.len() - 1)]
    }

    /// The files to write for `plan` (path and text), and what could not be made.
    pub fn files(
        &self,
        plan: &Plan,
        plan_path: &Path,
        library: &Library,
        stamp: DateTime<Utc>,
    ) -> (Vec<(PathBuf, String)>, Vec<String>) {
        let stem = plan_path.file_stem().map_or_else(
            || "agenda".into(),
            |stem| stem.to_string_lossy().into_owned(),
        );
        let folder = library.root.join("exports").join(stem);
        let format = self.chosen_format();
        let wanted: Vec<(&str, Document, Format)> = match self.chosen() {
            ExportChoice::VisitCard => vec![("visit-card", Document::VisitCard, format)],
            ExportChoice::Handout => vec![("handout", Document::Handout, format)],
            ExportChoice::RunSheet => vec![("run-sheet", Document::RunSheet, format)],
            ExportChoice::Calendar => vec![("calendar", Document::VisitCard, Format::Ics)],
            ExportChoice::Mail => vec![("mail", Document::VisitCard, Format::Text)],
            ExportChoice::All => vec![
                ("visit-card", Document::VisitCard, format),
                ("handout", Document::Handout, format),
                ("run-sheet", Document::RunSheet, format),
                ("calendar", Document::VisitCard, Format::Ics),
                ("mail", Document::VisitCard, Format::Text),
            ],
        };
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for (name, document, format) in wanted {
            let request = ExportRequest {
                format,
                document,
                stamp,
            };
            let file = format!("{name}.{}", format.extension());
            match export::export(plan, library, None, &request) {
                Ok(done) => files.push((folder.join(&file), done.text)),
                Err(problems_here) => problems.push(format!("no {file}: {problems_here}")),
            }
        }
        (files, problems)
    }
}

/// Draws the window over the builder.
pub fn render(app: &App, window: &ExportWindow, frame: &mut Frame<'_>, main: Rect) {
    let theme = &app.theme;
    let area = centered(main, main.width.min(40), main.height.min(11));
    frame.render_widget(Clear, area);
    frame.render_widget(pane_block("Export", true, theme).style(theme.base()), area);
    let inside = inner(area);
    let mut lines: Vec<Line<'_>> = ExportChoice::ALL
        .iter()
        .enumerate()
        .map(|(index, choice)| {
            let (mark, style) = if index == window.choice {
                ("▶ ", theme.selection(true))
            } else {
                ("  ", theme.text())
            };
            Line::styled(format!("{mark}{}", choice.label()), style)
        })
        .collect();
    let format_words = if window.chosen().has_format() {
        let names: Vec<String> = FORMATS
            .iter()
            .enumerate()
            .map(|(index, format)| {
                let name = format.extension();
                if index == window.format {
                    format!("[{name}]")
                } else {
                    name.to_string()
                }
            })
            .collect();
        format!("Format: {}", names.join(" "))
    } else {
        "Format: one only".to_string()
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(format_words, theme.accent()));
    for (row, line) in lines.into_iter().enumerate() {
        let Ok(row) = u16::try_from(row) else { break };
        if row >= inside.height {
            break;
        }
        frame.render_widget(
            line,
            Rect {
                y: inside.y + row,
                height: 1,
                ..inside
            },
        );
    }
}
