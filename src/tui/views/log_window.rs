//! The session log window: after a session, three short lines — what was covered, what they
//! will try, what to bring next time — saved as personal state in the library
//! ([`crate::log`]), opened with `L` in the agenda builder and offered when run mode ends.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::{pane_block, wrap_words};
use crate::log::LoadedLog;
use crate::safe_text::sanitize_line;
use crate::tui::action::TextEdit;
use crate::tui::app::App;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::layout::{centered, inner};
use crate::tui::widgets::text_input::TextInput;

/// The fields, in order, with their labels.
pub const FIELDS: [&str; 3] = ["Covered: ", "They will try: ", "Bring next time: "];

/// The log of one agenda being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogWindow {
    /// The agenda's title, for the window's title.
    pub title: String,
    pub loaded: LoadedLog,
    pub fields: [TextInput; 3],
    pub focus: usize,
    /// Why the last save did not go through.
    pub problem: Option<String>,
}

/// What a key in the window leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum LogOutcome {
    Stay,
    Close,
    Save(Effect),
}

fn input_with(text: &str) -> TextInput {
    let mut input = TextInput::default();
    for c in text.chars() {
        input.apply(TextEdit::Insert(c));
    }
    input
}

impl LogWindow {
    /// A window on a log as read (empty fields for a new one).
    pub fn new(title: String, loaded: LoadedLog) -> Self {
        let fields = [
            input_with(&loaded.log.covered),
            input_with(&loaded.log.will_try),
            input_with(&loaded.log.bring),
        ];
        LogWindow {
            title,
            loaded,
            fields,
            focus: 0,
            problem: None,
        }
    }

    /// Types into the focused field.
    pub fn edit(&mut self, edit: TextEdit) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.apply(edit);
        }
    }

    /// Up and down (and Enter) move between the fields; ctrl-s saves; Esc closes unsaved.
    pub fn update(&mut self, command: Command) -> LogOutcome {
        match command {
            Command::Up => self.focus = self.focus.saturating_sub(1),
            Command::Down | Command::Open => self.focus = (self.focus + 1).min(FIELDS.len() - 1),
            Command::Back => return LogOutcome::Close,
            Command::LogSave => {
                let mut loaded = self.loaded.clone();
                loaded.log.covered = self.fields[0].text().trim().to_string();
                loaded.log.will_try = self.fields[1].text().trim().to_string();
                loaded.log.bring = self.fields[2].text().trim().to_string();
                return LogOutcome::Save(Effect::SaveLog(Box::new(loaded)));
            }
            _ => {}
        }
        LogOutcome::Stay
    }
}

/// Draws the window over the screen.
pub fn render(app: &App, window: &LogWindow, frame: &mut Frame<'_>, main: Rect) {
    let theme = &app.theme;
    let area = centered(main, main.width.min(72), main.height.min(10));
    frame.render_widget(Clear, area);
    let title = format!("Session log: {}", sanitize_line(&window.title));
    frame.render_widget(pane_block(&title, true, theme).style(theme.base()), area);
    let inside = inner(area);
    let mut y = inside.y;
    let bottom = inside.y + inside.height;
    let who = window
        .loaded
        .log
        .mentee
        .as_deref()
        .map_or(String::new(), |name| {
            format!("With {}", sanitize_line(name))
        });
    let when = window
        .loaded
        .log
        .date
        .map_or(String::new(), |d| d.format(", %-d %b %Y").to_string());
    if inside.height > 3 && !(who.is_empty() && when.is_empty()) {
        frame.render_widget(
            Line::styled(format!("{who}{when}"), theme.muted()),
            Rect {
                y,
                height: 1,
                ..inside
            },
        );
        y += 1;
    }
    for (index, (label, field)) in FIELDS.iter().zip(&window.fields).enumerate() {
        if y >= bottom {
            return;
        }
        let focused = index == window.focus;
        let style = if focused {
            theme.accent()
        } else {
            theme.muted()
        };
        field.render(
            frame,
            Rect {
                y,
                height: 1,
                ..inside
            },
            // The mark shows the focused field without colour.
            Span::styled(
                format!("{}{label}", if focused { "▶ " } else { "  " }),
                style,
            ),
            theme.text(),
            focused,
        );
        y += 1;
    }
    if let Some(problem) = &window.problem
        && y < bottom
    {
        let lines: Vec<Line<'_>> = wrap_words(&sanitize_line(problem), usize::from(inside.width))
            .into_iter()
            .map(|line| Line::styled(line, theme.warning()))
            .collect();
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }),
            Rect {
                y,
                height: bottom - y,
                ..inside
            },
        );
    }
}
