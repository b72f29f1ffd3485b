//! The answer window over the checklist pane: "make it concrete" asks the question behind a
//! default item in a multi-line box pre-filled with what the card holds now, and writes the
//! answer where it belongs ([`apply_answer`], which also ticks the item); the same window, one
//! line long in use, takes the text of an own item to add or edit.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{pane_block, truncate, wrap_words};
use crate::checklist::{DefaultItem, add_item, apply_answer, edit_item};
use crate::safe_text::sanitize_line;
use crate::tui::action::TextEdit;
use crate::tui::app::{App, Popup};
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::layout::{centered, inner};

/// What the answer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The answer to a default item's question.
    Concrete(DefaultItem),
    /// The text of a new own item.
    Add,
    /// The new text of the own item at this index.
    Edit(usize),
}

/// The answer window's state: a multi-line text and its cursor (a character index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerWindow {
    /// The card, by its position in `Library::cards`.
    pub card: usize,
    pub purpose: Purpose,
    text: Vec<char>,
    cursor: usize,
    /// Why the last try to save did not work.
    pub error: Option<String>,
}

impl AnswerWindow {
    /// A window pre-filled with `text`, the cursor at its end.
    pub fn new(card: usize, purpose: Purpose, text: &str) -> Self {
        let text: Vec<char> = text.chars().collect();
        AnswerWindow {
            card,
            purpose,
            cursor: text.len(),
            text,
            error: None,
        }
    }

    /// The text typed so far.
    pub fn text(&self) -> String {
        self.text.iter().collect()
    }

    fn line_start(&self) -> usize {
        self.text[..self.cursor]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |at| at + 1)
    }

    fn line_end(&self) -> usize {
        self.text[self.cursor..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(self.text.len(), |at| self.cursor + at)
    }

    /// Applies one edit; Home and End go to the start and end of the cursor's line.
    pub fn edit(&mut self, edit: TextEdit) {
        match edit {
            TextEdit::Insert(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += 1;
            }
            TextEdit::DeleteBack if self.cursor > 0 => {
                self.cursor -= 1;
                self.text.remove(self.cursor);
            }
            TextEdit::DeleteForward if self.cursor < self.text.len() => {
                self.text.remove(self.cursor);
            }
            TextEdit::DeleteWord => {
                let mut start = self.cursor;
                while start > 0 && self.text[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !self.text[start - 1].is_whitespace() {
                    start -= 1;
                }
                self.text.drain(start..self.cursor);
                self.cursor = start;
            }
            TextEdit::Clear => {
                self.text.clear();
                self.cursor = 0;
            }
            TextEdit::Left => self.cursor = self.cursor.saturating_sub(1),
            TextEdit::Right => self.cursor = (self.cursor + 1).min(self.text.len()),
            TextEdit::Home => self.cursor = self.line_start(),
            TextEdit::End => self.cursor = self.line_end(),
            _ => {}
        }
    }

    /// The question or prompt the window shows.
    fn question(&self) -> &'static str {
        match self.purpose {
            Purpose::Concrete(item) => item.question(),
            Purpose::Add => "What else must be true before this card is ready?",
            Purpose::Edit(_) => "The item's new text:",
        }
    }

    fn title(&self) -> String {
        match self.purpose {
            Purpose::Concrete(item) => format!("Make it concrete: {}", item.name()),
            Purpose::Add => "Add an item".to_string(),
            Purpose::Edit(_) => "Edit the item".to_string(),
        }
    }
}

impl App {
    /// Reacts to a command in the answer window.
    pub fn answer_update(&mut self, command: Command) -> Vec<Effect> {
        let Some(Popup::Answer(window)) = self.popups.last_mut() else {
            return Vec::new();
        };
        match command {
            Command::Back => {
                self.popups.pop();
                Vec::new()
            }
            Command::NewLine => {
                // An own item is one line; only answers run over several.
                if matches!(window.purpose, Purpose::Concrete(_)) {
                    window.edit(TextEdit::Insert('\n'));
                }
                Vec::new()
            }
            Command::SaveAnswer => {
                let window = window.clone();
                let Some(card) = self.library.cards.get(window.card) else {
                    self.popups.pop();
                    return Vec::new();
                };
                let text = window.text();
                let mut new = card.card.clone();
                let result = match window.purpose {
                    Purpose::Concrete(item) => apply_answer(&card.card, item, &text)
                        .map(|answered| new = answered)
                        .map_err(|error| error.to_string()),
                    Purpose::Add => add_item(&mut new, &text)
                        .map(|_| ())
                        .map_err(|error| error.to_string()),
                    Purpose::Edit(index) => {
                        edit_item(&mut new, index, &text).map_err(|error| error.to_string())
                    }
                };
                match result {
                    Ok(()) => {
                        self.popups.pop();
                        self.change_card(window.card, new)
                    }
                    Err(error) => {
                        if let Some(Popup::Answer(shown)) = self.popups.last_mut() {
                            shown.error = Some(error);
                        }
                        Vec::new()
                    }
                }
            }
            _ => Vec::new(),
        }
    }
}

/// Draws the answer window over `main`.
pub fn render(app: &App, window: &AnswerWindow, frame: &mut Frame<'_>, main: Rect) {
    let width = main.width.min(72);
    let height = main.height.min(16);
    let area = centered(main, width, height);
    frame.render_widget(Clear, area);
    let block = pane_block(&window.title(), true, &app.theme).style(app.theme.base());
    frame.render_widget(block, area);
    let inside = inner(area);
    let text_width = usize::from(inside.width);
    let mut lines: Vec<Line<'_>> = wrap_words(window.question(), text_width)
        .into_iter()
        .map(|line| Line::styled(line, app.theme.accent()))
        .collect();
    if let Some(error) = &window.error {
        lines.push(Line::styled(
            truncate(&format!("! {}", sanitize_line(error)), text_width),
            app.theme.danger(),
        ));
    }
    let top = u16::try_from(lines.len()).unwrap_or(0).min(inside.height);
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: top,
            ..inside
        },
    );
    let box_area = Rect {
        y: inside.y + top,
        height: inside.height - top,
        ..inside
    };
    render_text(app, window, frame, box_area);
}

/// The text, one screen line per text line (long lines show their end at the cursor, like the
/// one-line fields), scrolled so the cursor's line is in view.
fn render_text(app: &App, window: &AnswerWindow, frame: &mut Frame<'_>, area: Rect) {
    if area.height == 0 || area.width < 3 {
        return;
    }
    let text: String = window.text.iter().collect();
    let before: String = window.text[..window.cursor].iter().collect();
    let cursor_line = before.matches('\n').count();
    let cursor_column = before.rsplit('\n').next().unwrap_or("");
    let height = usize::from(area.height);
    let offset = (cursor_line + 1).saturating_sub(height);
    let room = usize::from(area.width) - 2;
    for (at, line) in text.split('\n').enumerate().skip(offset).take(height) {
        let shown = if at == cursor_line {
            // Keep the cursor in view: drop from the left what does not fit before it.
            let column = sanitize_line(cursor_column).into_owned();
            let mut skip = 0;
            let chars: Vec<char> = column.chars().collect();
            while chars[skip..].iter().collect::<String>().width() > room {
                skip += 1;
            }
            let rest: String = sanitize_line(line).chars().skip(skip).collect();
            truncate(&rest, room)
        } else {
            truncate(&sanitize_line(line), room)
        };
        let y = area.y + u16::try_from(at - offset).unwrap_or(0);
        frame.render_widget(
            Line::from(vec![
                Span::styled("│ ", app.theme.muted()),
                Span::styled(shown, app.theme.text()),
            ]),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
    let column = sanitize_line(cursor_column).width().min(room);
    let x = area.x + 2 + u16::try_from(column).unwrap_or(0);
    let y = area.y + u16::try_from(cursor_line - offset).unwrap_or(0);
    frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), y));
}
