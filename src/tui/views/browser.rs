//! The library screen: sources, card list and preview, with the focus on one of them. On a
//! narrow terminal the panes take turns, under a row of tabs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::card_list::{self, Entry, entry, entry_count};
use super::preview::{self, FileCache, Subject, subject_blocks, text_width};
use super::sources::{self, SourceEntry, sources};
use crate::library::Library;
use crate::tui::app::App;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::event::MousePoint;
use crate::tui::layout::{self, BrowserPane, inner};
use crate::tui::widgets::document::line_count;
use crate::tui::widgets::list::ListState;
use crate::tui::widgets::scroll::ScrollState;

/// Lines the wheel scrolls a document by.
const WHEEL_LINES: isize = 3;

/// The library screen's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Browser {
    pub focus: BrowserPane,
    pub sources: ListState,
    pub list: ListState,
    pub preview: ScrollState,
}

/// What the library screen asks of the app after an update.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BrowserOutcome {
    pub effects: Vec<Effect>,
    /// Show this full screen.
    pub open: Option<Subject>,
}

/// What an update needs to know besides the screen's own state.
pub struct UpdateContext<'a> {
    pub library: &'a Library,
    pub files: &'a FileCache,
    /// The area the screen is drawn in.
    pub main: Rect,
}

impl UpdateContext<'_> {
    /// The inside of a pane as it is drawn when it is shown.
    fn inside(&self, pane: BrowserPane) -> Rect {
        layout::browser(self.main, pane)
            .area_of(pane)
            .map(inner)
            .unwrap_or_default()
    }

    fn page(&self, pane: BrowserPane) -> usize {
        usize::from(self.inside(pane).height)
    }
}

impl Browser {
    /// The selected source.
    pub fn source(&self, library: &Library) -> Option<SourceEntry> {
        sources(library).into_iter().nth(self.sources.selected)
    }

    /// How many rows the card list has.
    pub fn entry_count(&self, library: &Library) -> usize {
        self.source(library)
            .map_or(0, |source| entry_count(library, &source.source))
    }

    /// Row `nth` of the card list.
    pub fn entry(&self, library: &Library, nth: usize) -> Option<Entry> {
        self.source(library)
            .and_then(|source| entry(library, &source.source, nth))
    }

    /// What the preview shows.
    pub fn subject(&self, library: &Library) -> Option<Subject> {
        self.entry(library, self.list.selected)
            .as_ref()
            .map(Subject::of)
    }

    fn preview_lines(&self, ctx: &UpdateContext<'_>) -> usize {
        self.subject(ctx.library).map_or(0, |subject| {
            let blocks = subject_blocks(ctx.library, ctx.files, &subject);
            line_count(&blocks, text_width(ctx.inside(BrowserPane::Preview)))
        })
    }

    /// Reacts to a command.
    pub fn update(&mut self, command: Command, ctx: &UpdateContext<'_>) -> BrowserOutcome {
        let mut outcome = BrowserOutcome::default();
        let panes = BrowserPane::ALL;
        let at = panes.iter().position(|&p| p == self.focus).unwrap_or(0);
        match command {
            Command::NextPane => self.focus = panes[(at + 1) % panes.len()],
            Command::PreviousPane => self.focus = panes[(at + panes.len() - 1) % panes.len()],
            Command::PaneRight => self.focus = panes[(at + 1).min(panes.len() - 1)],
            Command::PaneLeft | Command::Back => self.focus = panes[at.saturating_sub(1)],
            Command::Open => match self.focus {
                BrowserPane::Sources => self.focus = BrowserPane::Cards,
                BrowserPane::Cards | BrowserPane::Preview => {
                    outcome.open = self.subject(ctx.library);
                }
            },
            Command::Reload => outcome
                .effects
                .push(Effect::LoadLibrary(ctx.library.root.clone())),
            _ => self.move_in_focus(command, ctx),
        }
        outcome
    }

    fn move_in_focus(&mut self, command: Command, ctx: &UpdateContext<'_>) {
        match self.focus {
            BrowserPane::Sources => {
                let before = self.sources.selected;
                let len = sources(ctx.library).len();
                self.sources
                    .apply(command, len, ctx.page(BrowserPane::Sources));
                if self.sources.selected != before {
                    self.list = ListState::default();
                    self.preview = ScrollState::default();
                }
            }
            BrowserPane::Cards => {
                let before = self.list.selected;
                let len = self.entry_count(ctx.library);
                self.list.apply(command, len, ctx.page(BrowserPane::Cards));
                if self.list.selected != before {
                    self.preview = ScrollState::default();
                }
            }
            BrowserPane::Preview => {
                let total = self.preview_lines(ctx);
                self.preview
                    .apply(command, total, ctx.page(BrowserPane::Preview));
            }
        }
    }

    /// A file the preview needs and nobody has read yet.
    pub fn wanted_file(&self, ctx: &UpdateContext<'_>) -> Option<Effect> {
        match self.subject(ctx.library) {
            Some(Subject::File(path)) if !ctx.files.contains_key(&path) => {
                Some(Effect::ReadFile(path))
            }
            _ => None,
        }
    }

    /// Keeps selections and scrolling valid after the library or the terminal changed.
    pub fn clamp(&mut self, ctx: &UpdateContext<'_>) {
        self.sources.clamp(sources(ctx.library).len());
        self.sources
            .scroll_into_view(ctx.page(BrowserPane::Sources));
        self.list.clamp(self.entry_count(ctx.library));
        self.list.scroll_into_view(ctx.page(BrowserPane::Cards));
        let total = || self.preview_lines(ctx);
        let mut preview = self.preview;
        preview.clamp_with(total, ctx.page(BrowserPane::Preview));
        self.preview = preview;
    }

    /// A click: focuses the pane under the pointer and selects the row clicked. Clicking the
    /// selected card again opens it.
    pub fn click(&mut self, at: MousePoint, ctx: &UpdateContext<'_>) -> BrowserOutcome {
        let mut outcome = BrowserOutcome::default();
        let layout = layout::browser(ctx.main, self.focus);
        if let Some(tabs) = layout.tabs
            && let Some((pane, _)) = layout::tabs(tabs)
                .into_iter()
                .find(|(_, area)| area.contains((at.column, at.row).into()))
        {
            self.focus = pane;
            return outcome;
        }
        let Some(pane) = layout.pane_at(at.column, at.row) else {
            return outcome;
        };
        let was_focused = self.focus == pane;
        self.focus = pane;
        let inside = layout.area_of(pane).map(inner).unwrap_or_default();
        let Some(row) = at.row.checked_sub(inside.y).map(usize::from) else {
            return outcome;
        };
        if at.row >= inside.bottom() {
            return outcome;
        }
        match pane {
            BrowserPane::Sources => {
                if let Some(index) = self.sources.index_at(row, sources(ctx.library).len())
                    && index != self.sources.selected
                {
                    self.sources.selected = index;
                    self.list = ListState::default();
                    self.preview = ScrollState::default();
                }
            }
            BrowserPane::Cards => {
                if let Some(index) = self.list.index_at(row, self.entry_count(ctx.library)) {
                    if index == self.list.selected && was_focused {
                        outcome.open = self.subject(ctx.library);
                    } else {
                        self.list.selected = index;
                        self.preview = ScrollState::default();
                    }
                }
            }
            BrowserPane::Preview => {}
        }
        outcome
    }

    /// A wheel turn over a pane: lists move their selection, the preview scrolls.
    pub fn scroll(
        &mut self,
        at: MousePoint,
        down: bool,
        ctx: &UpdateContext<'_>,
    ) -> BrowserOutcome {
        let layout = layout::browser(ctx.main, self.focus);
        let Some(pane) = layout.pane_at(at.column, at.row) else {
            return BrowserOutcome::default();
        };
        let command = if down { Command::Down } else { Command::Up };
        if pane == BrowserPane::Preview {
            let total = self.preview_lines(ctx);
            let lines = if down { WHEEL_LINES } else { -WHEEL_LINES };
            self.preview
                .scroll_by(lines, total, ctx.page(BrowserPane::Preview));
            return BrowserOutcome::default();
        }
        // Move the pane under the pointer, whichever has the focus.
        let focus = std::mem::replace(&mut self.focus, pane);
        self.move_in_focus(command, ctx);
        self.focus = focus;
        BrowserOutcome::default()
    }
}

/// Draws the library screen in `main`.
pub fn render(app: &App, frame: &mut Frame<'_>, main: Rect) {
    let layout = layout::browser(main, app.browser.focus);
    if let Some(tabs) = layout.tabs {
        render_tabs(app, frame, tabs);
    }
    for (pane, area) in layout.panes {
        match pane {
            BrowserPane::Sources => sources::render(app, frame, area),
            BrowserPane::Cards => card_list::render(app, frame, area),
            BrowserPane::Preview => preview::render(app, frame, area),
        }
    }
}

fn render_tabs(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for (i, pane) in BrowserPane::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("│", app.theme.muted()));
        }
        let label = format!(" {} ", pane.title());
        if pane == app.browser.focus {
            spans.push(Span::styled(
                label,
                app.theme.selection(true).add_modifier(Modifier::BOLD),
            ));
        } else {
            spans.push(Span::styled(label, app.theme.muted()));
        }
    }
    frame.render_widget(Line::from(spans), area);
}
