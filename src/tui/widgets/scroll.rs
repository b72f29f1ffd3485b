//! Scrolling a document: the offset of its first shown line, moved by commands and the wheel,
//! and a scrollbar that says where in the document the view is.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::tui::command::Command;
use crate::tui::theme::Theme;

/// The first line shown of a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScrollState {
    pub offset: usize,
}

impl ScrollState {
    /// The furthest a document of `total` lines scrolls in a view `page` lines high.
    fn max_offset(total: usize, page: usize) -> usize {
        total.saturating_sub(page.max(1))
    }

    /// Scrolls by a command; true when it is one that scrolls.
    pub fn apply(&mut self, command: Command, total: usize, page: usize) -> bool {
        let max = Self::max_offset(total, page);
        let step = page.saturating_sub(1).max(1);
        self.offset = match command {
            Command::Up => self.offset.saturating_sub(1),
            Command::Down => self.offset + 1,
            Command::PageUp => self.offset.saturating_sub(step),
            Command::PageDown => self.offset + step,
            Command::Top => 0,
            Command::Bottom => max,
            _ => return false,
        }
        .min(max);
        true
    }

    /// Scrolls by `lines` (negative is up), as the wheel does.
    pub fn scroll_by(&mut self, lines: isize, total: usize, page: usize) {
        self.offset = self
            .offset
            .saturating_add_signed(lines)
            .min(Self::max_offset(total, page));
    }

    /// Keeps the offset valid after the document or the view changed size.
    pub fn clamp(&mut self, total: usize, page: usize) {
        self.offset = self.offset.min(Self::max_offset(total, page));
    }

    /// [`ScrollState::clamp`] for a document whose length costs something to measure (a
    /// rendered card): at the top nothing can be out of range, so `total` is not asked for.
    pub fn clamp_with(&mut self, total: impl FnOnce() -> usize, page: usize) {
        if self.offset > 0 {
            self.clamp(total(), page);
        }
    }
}

/// A scrollbar on the right edge of `area` when the document is taller than the view.
pub fn render_scrollbar(
    frame: &mut Frame<'_>,
    area: Rect,
    offset: usize,
    total: usize,
    page: usize,
    theme: &Theme,
) {
    if total <= page || area.height < 3 {
        return;
    }
    let mut state = ScrollbarState::new(total.saturating_sub(page)).position(offset);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("█")
        .track_style(theme.muted())
        .thumb_style(theme.accent());
    frame.render_stateful_widget(bar, area, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_at_both_ends() {
        let mut scroll = ScrollState::default();
        assert!(scroll.apply(Command::Up, 100, 10));
        assert_eq!(scroll.offset, 0);
        scroll.apply(Command::PageDown, 100, 10);
        assert_eq!(scroll.offset, 9);
        scroll.apply(Command::Bottom, 100, 10);
        assert_eq!(scroll.offset, 90);
        scroll.apply(Command::Down, 100, 10);
        assert_eq!(scroll.offset, 90);
        scroll.scroll_by(-3, 100, 10);
        assert_eq!(scroll.offset, 87);
        scroll.clamp(20, 10);
        assert_eq!(scroll.offset, 10);
        assert!(!scroll.apply(Command::Open, 100, 10));
        scroll.apply(Command::Bottom, 5, 10);
        assert_eq!(scroll.offset, 0);
    }
}
