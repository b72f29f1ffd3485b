//! A selectable list's state and drawing: which row is selected and which row is at the top.
//!
//! The app keeps the offset itself (ratatui's own list state is changed while drawing, and
//! drawing here changes nothing), moving it in `update` so the selection stays in view.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::command::Command;
use crate::tui::theme::Theme;

/// The mark before the selected row, so the selection shows without colour.
pub const SELECTED_MARK: &str = "▶ ";
/// What stands before the other rows, as wide as the mark.
pub const UNSELECTED_MARK: &str = "  ";

/// Selection and scroll position of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

impl ListState {
    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.selected = target.min(len.saturating_sub(1));
    }

    pub fn first(&mut self) {
        self.selected = 0;
    }

    pub fn last(&mut self, len: usize) {
        self.selected = len.saturating_sub(1);
    }

    /// Keeps the selection inside a list that may have shrunk.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = self.offset.min(self.selected);
    }

    /// Moves the offset so the selected row is one of the `height` rows shown.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    /// Moves by a command, keeping the selection in the `page` rows shown; true when the
    /// command is one that moves a list.
    pub fn apply(&mut self, command: Command, len: usize, page: usize) -> bool {
        let step = isize::try_from(page.saturating_sub(1).max(1)).unwrap_or(isize::MAX);
        match command {
            Command::Up => self.move_by(-1, len),
            Command::Down => self.move_by(1, len),
            Command::PageUp => self.move_by(-step, len),
            Command::PageDown => self.move_by(step, len),
            Command::Top => self.first(),
            Command::Bottom => self.last(len),
            _ => return false,
        }
        self.scroll_into_view(page);
        true
    }

    /// The index of the row drawn `row` lines below the top, if there is one.
    pub fn index_at(&self, row: usize, len: usize) -> Option<usize> {
        let index = self.offset + row;
        (index < len).then_some(index)
    }
}

/// Draws the visible rows of a list: the selected one marked and in the selection style.
pub fn render_rows(
    rows: Vec<Line<'_>>,
    state: &ListState,
    focused: bool,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut rows: Vec<Option<Line<'_>>> = rows.into_iter().map(Some).collect();
    let len = rows.len();
    let row = |index: usize| {
        rows.get_mut(index)
            .and_then(Option::take)
            .unwrap_or_default()
    };
    render_visible(len, row, state, focused, theme, area, buf);
}

/// Draws a list of `len` rows, making only the rows in view with `row` (by index): a list of
/// 100,000 cards costs what a screenful costs.
pub fn render_visible<'a>(
    len: usize,
    mut row: impl FnMut(usize) -> Line<'a>,
    state: &ListState,
    focused: bool,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let end = len.min(state.offset.saturating_add(usize::from(area.height)));
    for (i, y) in (state.offset..end).zip(area.y..area.bottom()) {
        let row_area = Rect {
            y,
            height: 1,
            ..area
        };
        let selected = i == state.selected;
        let (mark, style) = if selected {
            (SELECTED_MARK, theme.selection(focused))
        } else {
            (UNSELECTED_MARK, Style::new())
        };
        buf.set_style(row_area, style);
        let mut spans = vec![Span::styled(mark, theme.accent())];
        spans.extend(row(i).spans);
        if selected {
            // The selection's colours win over the row's own, so the whole row reads as one
            // bar; modifiers (a match's underline) stay.
            for span in &mut spans {
                span.style = span.style.patch(style);
            }
        }
        Line::from(spans).render(row_area, buf);
    }
}

/// A focused pane's list: its rows with the selection scrolled into view, or `empty` (muted,
/// wrapped: what to do to add a first row) when there are none.
pub fn render_list_or_empty(
    rows: Vec<Line<'_>>,
    state: ListState,
    empty: &str,
    theme: &Theme,
    area: Rect,
    frame: &mut Frame<'_>,
) {
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(empty.to_string())
                .style(theme.muted())
                .wrap(Wrap { trim: true }),
            area,
        );
    } else {
        let mut state = state;
        state.scroll_into_view(usize::from(area.height));
        render_rows(rows, &state, true, theme, area, frame.buffer_mut());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stays_in_bounds_and_in_view() {
        let mut state = ListState::default();
        state.move_by(-1, 5);
        assert_eq!(state.selected, 0);
        state.move_by(10, 5);
        assert_eq!(state.selected, 4);
        state.scroll_into_view(3);
        assert_eq!(state.offset, 2);
        state.first();
        state.scroll_into_view(3);
        assert_eq!(state.offset, 0);
        state.last(5);
        state.clamp(2);
        assert_eq!((state.selected, state.offset), (1, 0));
        state.move_by(1, 0);
        assert_eq!(state.selected, 0);
        assert_eq!(state.index_at(1, 2), Some(1));
        assert_eq!(state.index_at(2, 2), None);
    }
}
