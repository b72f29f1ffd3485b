//! The help window: every key of the pane it was opened from, with the command's help text,
//! read from the live keymap. Typing filters the list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{pane_block, wrap_words};
use crate::tui::action::TextEdit;
use crate::tui::app::App;
use crate::tui::command::{Command, Context};
use crate::tui::keymap::Keymap;
use crate::tui::layout::{centered, inner};
use crate::tui::widgets::scroll::{ScrollState, render_scrollbar};
use crate::tui::widgets::text_input::TextInput;

/// Widest the key column gets; longer key lists wrap.
const KEY_COLUMN_MAX: usize = 18;

/// The help window's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPopup {
    /// The pane whose keys are shown.
    pub context: Context,
    pub filter: TextInput,
    pub scroll: ScrollState,
}

/// One row: the keys, and what they do.
pub type HelpRow = (String, &'static str);

/// The rows for a context whose keys or text contain the filter (ignoring case).
pub fn rows(keymap: &Keymap, context: Context, filter: &str) -> Vec<HelpRow> {
    let filter = filter.trim().to_lowercase();
    keymap
        .bindings_in(context)
        .into_iter()
        .map(|(command, keys): (Command, _)| {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            (keys.join(", "), command.help())
        })
        .filter(|(keys, help)| {
            filter.is_empty()
                || help.to_lowercase().contains(&filter)
                || keys.to_lowercase().contains(&filter)
        })
        .collect()
}

impl HelpPopup {
    pub fn new(context: Context) -> Self {
        HelpPopup {
            context,
            filter: TextInput::default(),
            scroll: ScrollState::default(),
        }
    }

    /// The window's area in `main`: as tall as the full list (so it does not jump while the
    /// filter shortens it), within the screen.
    pub fn area(&self, app: &App, main: Rect) -> Rect {
        let width = main.width.min(72);
        let unfiltered = HelpPopup::new(self.context);
        // Borders, filter line and the blank line under it take four rows.
        let list_width = width.saturating_sub(3);
        let rows = unfiltered.lines(app, list_width).len() + 4;
        let height = u16::try_from(rows).unwrap_or(u16::MAX).min(main.height);
        centered(main, width, height)
    }

    /// The lines of the list at the window's width.
    fn lines(&self, app: &App, width: u16) -> Vec<Line<'static>> {
        let rows = rows(&app.keymap, self.context, self.filter.text());
        if rows.is_empty() {
            return vec![Line::styled("No key matches.", app.theme.muted())];
        }
        let key_width = rows
            .iter()
            .map(|(keys, _)| keys.width())
            .max()
            .unwrap_or(0)
            .min(KEY_COLUMN_MAX);
        let text_width = usize::from(width).saturating_sub(key_width + 2).max(10);
        let mut lines = Vec::new();
        for (keys, help) in rows {
            let key_lines = wrap_words(&keys, key_width.max(1));
            let help_lines = wrap_words(help, text_width);
            for i in 0..key_lines.len().max(help_lines.len()) {
                let key = key_lines.get(i).cloned().unwrap_or_default();
                let pad = key_width.saturating_sub(key.width());
                lines.push(Line::from(vec![
                    Span::styled(key, app.theme.accent()),
                    Span::raw(" ".repeat(pad + 2)),
                    Span::styled(
                        help_lines.get(i).cloned().unwrap_or_default(),
                        app.theme.text(),
                    ),
                ]));
            }
        }
        lines
    }

    /// (list area, total lines) for the window in `main`.
    fn measure(&self, app: &App, main: Rect) -> (Rect, usize) {
        let list = list_area(self.area(app, main));
        (list, self.lines(app, list.width.saturating_sub(1)).len())
    }

    /// Scrolls by a command; false for commands it leaves to others.
    pub fn update(&mut self, command: Command, app: &App, main: Rect) -> bool {
        let (list, total) = self.measure(app, main);
        self.scroll.apply(command, total, usize::from(list.height))
    }

    /// Edits the filter; the list starts from the top again.
    pub fn edit(&mut self, edit: TextEdit) {
        if self.filter.apply(edit) {
            self.scroll = ScrollState::default();
        }
    }
}

/// Inside the window, under the filter line.
fn list_area(window: Rect) -> Rect {
    let inside = inner(window);
    Rect {
        y: inside.y + 2,
        height: inside.height.saturating_sub(2),
        ..inside
    }
}

/// Draws the help window over `main`.
pub fn render(app: &App, popup: &HelpPopup, frame: &mut Frame<'_>, main: Rect) {
    let window = popup.area(app, main);
    frame.render_widget(Clear, window);
    let title = format!("Keys · {}", popup.context.title());
    frame.render_widget(
        pane_block(&title, true, &app.theme).style(app.theme.base()),
        window,
    );
    let inside = inner(window);
    let filter_line = Rect {
        height: 1,
        ..inside
    };
    popup.filter.render(
        frame,
        filter_line,
        Span::styled("Filter: ", app.theme.muted()),
        app.theme.text(),
        true,
    );
    let (list, total) = popup.measure(app, main);
    let lines = popup.lines(app, list.width.saturating_sub(1));
    let page = usize::from(list.height);
    let shown: Vec<_> = lines
        .into_iter()
        .skip(popup.scroll.offset)
        .take(page)
        .collect();
    frame.render_widget(Paragraph::new(shown), list);
    render_scrollbar(frame, list, popup.scroll.offset, total, page, &app.theme);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_from_the_keymap_and_filter() {
        let keymap = Keymap::defaults();
        let all = rows(&keymap, Context::Cards, "");
        assert!(all.contains(&("/".to_string(), Command::Search.help())));
        assert!(all.contains(&("↓, j, Ctrl-n".to_string(), Command::Down.help())));
        let filtered = rows(&keymap, Context::Cards, "SEARCH ALL");
        assert_eq!(filtered.len(), 1);
        let by_key = rows(&keymap, Context::Cards, "ctrl-c");
        assert_eq!(by_key[0].1, Command::Quit.help());
        assert!(rows(&keymap, Context::Cards, "zzz").is_empty());
    }
}
