//! A message window: a problem the user should know about (a bad config file, a theme that
//! cannot be read, a library that cannot be reloaded). It says what is wrong and what the app
//! does instead, and closes with Enter or Esc.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{pane_block, wrap_words};
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::command::Command;
use crate::tui::layout::{centered, inner};
use crate::tui::widgets::scroll::{ScrollState, render_scrollbar};

/// A message window's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessagePopup {
    pub title: String,
    /// The text; each line a paragraph of its own.
    pub text: String,
    pub scroll: ScrollState,
}

impl MessagePopup {
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Self {
        MessagePopup {
            title: title.into(),
            text: text.into(),
            scroll: ScrollState::default(),
        }
    }

    /// The text wrapped at `width`.
    fn lines(&self, width: u16) -> Vec<String> {
        self.text
            .lines()
            .flat_map(|line| wrap_words(&sanitize_line(line), usize::from(width.max(1))))
            .collect()
    }

    /// The window's area in `main`: as tall as the text, within the screen.
    pub fn area(&self, main: Rect) -> Rect {
        let width = main.width.min(72);
        let text_lines = self.lines(width.saturating_sub(3)).len();
        let height = u16::try_from(text_lines + 2).unwrap_or(u16::MAX);
        centered(
            main,
            width,
            height.min(main.height.saturating_sub(2)).max(5),
        )
    }

    /// Scrolls by a command; false for commands it leaves to others.
    pub fn update(&mut self, command: Command, main: Rect) -> bool {
        let inside = inner(self.area(main));
        let total = self.lines(inside.width.saturating_sub(1)).len();
        self.scroll
            .apply(command, total, usize::from(inside.height))
    }
}

/// Draws the message window over `main`.
pub fn render(app: &App, popup: &MessagePopup, frame: &mut Frame<'_>, main: Rect) {
    let window = popup.area(main);
    frame.render_widget(Clear, window);
    // The mark says "problem" where the colour cannot.
    let title = format!("! {}", sanitize_line(&popup.title));
    let block = pane_block(&title, true, &app.theme)
        .border_style(app.theme.warning())
        .style(app.theme.base());
    frame.render_widget(block, window);
    let inside = inner(window);
    let lines = popup.lines(inside.width.saturating_sub(1));
    let total = lines.len();
    let page = usize::from(inside.height);
    let shown: Vec<Line<'_>> = lines
        .into_iter()
        .skip(popup.scroll.offset)
        .take(page)
        .map(|line| Line::from(Span::styled(line, app.theme.text())))
        .collect();
    frame.render_widget(Paragraph::new(shown), inside);
    render_scrollbar(frame, inside, popup.scroll.offset, total, page, &app.theme);
}
