//! The search screen: a query box, results that change on every keystroke with the matched
//! characters highlighted, and (when there is room) a preview of the selected card. Filters
//! go in the same box: `#tag`, `tool:excel`, `level:beginner`, `<20m`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::preview::{FileCache, Subject, render_document, subject_blocks, text_width};
use super::sources::source_label;
use super::{pane_block, truncate};
use crate::library::Library;
use crate::safe_text::sanitize_line;
use crate::search::{Hit, LiveSearch, Query, SearchIndex, Tier, highlight_runs};
use crate::tui::action::TextEdit;
use crate::tui::app::App;
use crate::tui::command::Command;
use crate::tui::event::MousePoint;
use crate::tui::layout::{self, inner};
use crate::tui::widgets::document::line_count;
use crate::tui::widgets::list::{ListState, SELECTED_MARK, render_visible};
use crate::tui::widgets::scroll::ScrollState;

/// The most results kept; more than a screen can show, few enough to rank on every key.
const RESULT_LIMIT: usize = 500;

/// The search screen's state.
#[derive(Debug, Clone, Default)]
pub struct SearchScreen {
    pub input: TextInput,
    live: LiveSearch,
    /// What the query box says, parsed.
    pub query: Query,
    pub hits: Vec<Hit>,
    pub list: ListState,
    pub preview: ScrollState,
}

use crate::tui::widgets::text_input::TextInput;

/// What the search screen asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchOutcome {
    Nothing,
    /// Show this full screen.
    Open(Subject),
    /// Close the search.
    Close,
}

impl SearchScreen {
    /// A search with nothing typed: every card.
    pub fn new(index: &SearchIndex) -> Self {
        let mut screen = SearchScreen::default();
        screen.run(index);
        screen
    }

    fn run(&mut self, index: &SearchIndex) {
        self.query = Query::parse(self.input.text());
        self.hits = self.live.search(index, self.query.clone(), RESULT_LIMIT);
        self.list = ListState::default();
        self.preview = ScrollState::default();
    }

    /// Searches again over a new index (after the library was reloaded).
    pub fn rerun(&mut self, index: &SearchIndex) {
        self.live.reset();
        let selected = self.list.selected;
        self.run(index);
        self.list.selected = selected;
        self.list.clamp(self.hits.len());
    }

    /// An edit of the query: the results follow at once.
    pub fn edit(&mut self, edit: TextEdit, index: &SearchIndex) {
        if self.input.apply(edit) {
            self.run(index);
        }
    }

    /// An edit of the query whose results are matched elsewhere (#9): the prompt and the parsed
    /// query change now, the results stay until [`SearchScreen::results_arrived`]. Returns the
    /// text to match when it changed.
    pub fn edit_deferred(&mut self, edit: TextEdit) -> Option<String> {
        if !self.input.apply(edit) {
            return None;
        }
        self.query = Query::parse(self.input.text());
        Some(self.input.text().to_string())
    }

    /// Results matched for `text`: shown when the query box still says that (a result for an
    /// older query is dropped; the newer one is coming).
    pub fn results_arrived(&mut self, text: &str, hits: Vec<Hit>) {
        if self.input.text() == text {
            self.hits = hits;
            self.list = ListState::default();
            self.preview = ScrollState::default();
        }
    }

    /// The selected card, as a subject to show.
    pub fn subject(&self) -> Option<Subject> {
        self.hits
            .get(self.list.selected)
            .map(|hit| Subject::Card(hit.index))
    }

    /// Reacts to a command.
    pub fn update(
        &mut self,
        command: Command,
        library: &Library,
        files: &FileCache,
        main: Rect,
    ) -> SearchOutcome {
        match command {
            Command::Back => return SearchOutcome::Close,
            Command::Open => {
                return self
                    .subject()
                    .map_or(SearchOutcome::Nothing, SearchOutcome::Open);
            }
            _ => {}
        }
        let before = self.list.selected;
        let page = usize::from(inner(layout::search(main).results).height);
        self.list.apply(command, self.hits.len(), page);
        if self.list.selected != before {
            self.preview = ScrollState::default();
        }
        self.clamp(library, files, main);
        SearchOutcome::Nothing
    }

    /// A click on a result selects it; a click on the selected result opens it.
    pub fn click(&mut self, at: MousePoint, main: Rect) -> SearchOutcome {
        let results = inner(layout::search(main).results);
        if !results.contains((at.column, at.row).into()) {
            return SearchOutcome::Nothing;
        }
        let row = usize::from(at.row - results.y);
        match self.list.index_at(row, self.hits.len()) {
            Some(index) if index == self.list.selected => self
                .subject()
                .map_or(SearchOutcome::Nothing, SearchOutcome::Open),
            Some(index) => {
                self.list.selected = index;
                self.preview = ScrollState::default();
                SearchOutcome::Nothing
            }
            None => SearchOutcome::Nothing,
        }
    }

    /// The wheel moves through the results, or scrolls the preview when over it.
    pub fn scroll(
        &mut self,
        at: MousePoint,
        down: bool,
        library: &Library,
        files: &FileCache,
        main: Rect,
    ) {
        let areas = layout::search(main);
        let point = (at.column, at.row).into();
        if let Some(preview) = areas.preview.filter(|area| area.contains(point)) {
            let inside = inner(preview);
            let total = self.preview_lines(library, files, inside);
            self.preview
                .scroll_by(if down { 3 } else { -3 }, total, usize::from(inside.height));
        } else if areas.results.contains(point) {
            let page = usize::from(inner(areas.results).height);
            let command = if down { Command::Down } else { Command::Up };
            self.update(command, library, files, main);
            self.list.scroll_into_view(page);
        }
    }

    fn preview_lines(&self, library: &Library, files: &FileCache, inside: Rect) -> usize {
        self.subject().map_or(0, |subject| {
            line_count(
                &subject_blocks(library, files, &subject),
                text_width(inside),
            )
        })
    }

    /// Keeps selection and scrolling valid after a change of size or library.
    pub fn clamp(&mut self, library: &Library, files: &FileCache, main: Rect) {
        let areas = layout::search(main);
        self.list.clamp(self.hits.len());
        self.list
            .scroll_into_view(usize::from(inner(areas.results).height));
        if let Some(preview) = areas.preview {
            let inside = inner(preview);
            let total = || self.preview_lines(library, files, inside);
            let mut preview = self.preview;
            preview.clamp_with(total, usize::from(inside.height));
            self.preview = preview;
        }
    }
}

/// One result: the title with its matched characters highlighted, then tool and source.
fn hit_row(app: &App, hit: &Hit, width: usize) -> Line<'static> {
    let Some(card) = app.library.cards.get(hit.index) else {
        return Line::default();
    };
    let mut details = Vec::new();
    if let Some(tool) = &card.card.tool {
        details.push(sanitize_line(tool).into_owned());
    }
    details.push(sanitize_line(&source_label(&app.library, &card.source)).into_owned());
    if hit.tier == Tier::Body {
        // Say why a card whose title does not match is here.
        details.push("in text".to_string());
    }
    let details = format!("  {}", details.join(" · "));
    // The title comes first; details get what is left, but at least a third of the row.
    let title_width = card.card.title.width();
    let title_room = title_width.min(width.saturating_sub(details.width().min(width / 3)));
    let mut spans = Vec::new();
    let mut used = 0;
    for (text, highlighted) in highlight_runs(&card.card.title, &hit.highlights) {
        let room = title_room.saturating_sub(used);
        if room == 0 {
            break;
        }
        let piece = truncate(&text, room);
        used += piece.width();
        let style = if highlighted {
            app.theme.matched()
        } else {
            app.theme.text()
        };
        spans.push(Span::styled(piece, style));
    }
    let rest = width.saturating_sub(used);
    spans.push(Span::styled(truncate(&details, rest), app.theme.muted()));
    Line::from(spans)
}

/// Draws the search screen in `main`.
pub fn render(app: &App, screen: &SearchScreen, frame: &mut Frame<'_>, main: Rect) {
    let areas = layout::search(main);
    let count = match screen.hits.len() {
        1 => "1 card".to_string(),
        n if n >= RESULT_LIMIT => format!("first {n} cards"),
        n => format!("{n} cards"),
    };
    let mut block = pane_block(&format!("Search · {count}"), true, &app.theme);
    if !screen.query.problems.is_empty() {
        let problems = sanitize_line(&screen.query.problems.join(" ")).into_owned();
        block = block.title_bottom(Line::from(vec![
            Span::styled(" ! cannot read ", app.theme.warning()),
            Span::styled(format!("{problems} "), app.theme.text()),
        ]));
    }
    frame.render_widget(block, areas.input);
    screen.input.render(
        frame,
        inner(areas.input),
        Span::styled("/ ", app.theme.accent()),
        app.theme.text(),
        true,
    );
    frame.render_widget(pane_block("Results", false, &app.theme), areas.results);
    let inside = inner(areas.results);
    if screen.hits.is_empty() {
        let text = "  No card matches. Esc goes back.";
        frame.render_widget(Line::styled(text, app.theme.muted()), inside);
    } else {
        let width = usize::from(inside.width).saturating_sub(SELECTED_MARK.width());
        let row = |index: usize| {
            screen
                .hits
                .get(index)
                .map(|hit| hit_row(app, hit, width))
                .unwrap_or_default()
        };
        render_visible(
            screen.hits.len(),
            row,
            &screen.list,
            true,
            &app.theme,
            inside,
            frame.buffer_mut(),
        );
    }
    if let Some(preview) = areas.preview {
        let subject = screen.subject();
        render_document(
            app,
            frame,
            preview,
            "Preview",
            subject.as_ref(),
            screen.preview,
            false,
        );
    }
}
