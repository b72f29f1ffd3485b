//! The card picker of the agenda builder: a fuzzy search over the library's cards (the same
//! matcher as the search screen), Enter adds the chosen card to the agenda.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::pane_block;
use crate::library::Library;
use crate::safe_text::sanitize_line;
use crate::search::{Hit, LiveSearch, Query, SearchIndex, highlight_runs};
use crate::tui::action::TextEdit;
use crate::tui::command::Command;
use crate::tui::layout::centered;
use crate::tui::theme::Theme;
use crate::tui::widgets::list::{ListState, render_rows};
use crate::tui::widgets::text_input::TextInput;

/// How many matches the picker lists.
const LIMIT: usize = 50;

/// What is typed and what it finds.
#[derive(Debug, Clone)]
pub struct CardPicker {
    pub input: TextInput,
    pub hits: Vec<Hit>,
    pub list: ListState,
    search: LiveSearch,
}

impl CardPicker {
    /// A picker listing every card.
    pub fn new(library: &Library) -> CardPicker {
        let index = SearchIndex::new(&library.cards);
        let mut search = LiveSearch::new();
        let hits = search.search(&index, Query::parse(""), LIMIT);
        CardPicker {
            input: TextInput::default(),
            hits,
            list: ListState::default(),
            search,
        }
    }

    /// Types into the search field and searches again.
    pub fn edit(&mut self, edit: TextEdit, index: &SearchIndex) {
        if self.input.apply(edit) {
            self.hits = self
                .search
                .search(index, Query::parse(self.input.text()), LIMIT);
            self.list = ListState::default();
        }
    }

    /// Moves the selection.
    pub fn update(&mut self, command: Command) {
        self.list.apply(command, self.hits.len(), 8);
    }

    /// The chosen card's reference (`pack/id` for a pack's card).
    pub fn chosen(&self, library: &Library) -> Option<String> {
        let hit = self.hits.get(self.list.selected)?;
        library.cards.get(hit.index).map(|card| card.qualified_id())
    }
}

/// Draws the picker as a window over the builder.
pub fn render(
    picker: &CardPicker,
    library: &Library,
    theme: &Theme,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let window = centered(
        area,
        area.width.saturating_sub(4).max(20),
        area.height.saturating_sub(2).max(5),
    );
    frame.render_widget(Clear, window);
    let block = pane_block("Add a card", true, theme);
    let inner = block.inner(window);
    frame.render_widget(block, window);
    if inner.height == 0 {
        return;
    }
    let field = Rect { height: 1, ..inner };
    picker.input.render(
        frame,
        field,
        Span::styled("> ", theme.accent()),
        theme.text(),
        true,
    );
    let rows_area = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let rows: Vec<Line<'_>> = picker
        .hits
        .iter()
        .filter_map(|hit| {
            let card = library.cards.get(hit.index)?;
            let mut spans: Vec<Span<'_>> = highlight_runs(&card.card.title, &hit.highlights)
                .into_iter()
                .map(|(text, lit)| {
                    Span::styled(text, if lit { theme.matched() } else { theme.text() })
                })
                .collect();
            spans.push(Span::styled(
                format!("  {}", sanitize_line(&card.qualified_id())),
                theme.muted(),
            ));
            Some(Line::from(spans))
        })
        .collect();
    if rows.is_empty() {
        frame.render_widget(Line::styled("No card matches", theme.muted()), rows_area);
        return;
    }
    let mut list = picker.list;
    list.scroll_into_view(usize::from(rows_area.height));
    render_rows(rows, &list, true, theme, rows_area, frame.buffer_mut());
}
