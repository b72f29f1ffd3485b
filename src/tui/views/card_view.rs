//! A card (or file) full screen, for reading: scrolls by line, by page, to the top and bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::preview::{Subject, render_document, subject_blocks, text_width};
use super::sources::source_label;
use crate::library::Library;
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::command::Command;
use crate::tui::layout::inner;
use crate::tui::views::preview::FileCache;
use crate::tui::widgets::document::line_count;
use crate::tui::widgets::scroll::ScrollState;

/// Lines the wheel scrolls by.
const WHEEL_LINES: isize = 3;

/// The full-screen view's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardScreen {
    pub subject: Subject,
    pub scroll: ScrollState,
}

impl CardScreen {
    pub fn new(subject: Subject) -> Self {
        CardScreen {
            subject,
            scroll: ScrollState::default(),
        }
    }

    fn measure(&self, library: &Library, files: &FileCache, main: Rect) -> (usize, usize) {
        let inside = inner(main);
        let blocks = subject_blocks(library, files, &self.subject);
        (
            line_count(&blocks, text_width(inside)),
            usize::from(inside.height),
        )
    }

    /// Scrolls by a command; false for commands it leaves to others.
    pub fn update(
        &mut self,
        command: Command,
        library: &Library,
        files: &FileCache,
        main: Rect,
    ) -> bool {
        let (total, page) = self.measure(library, files, main);
        self.scroll.apply(command, total, page)
    }

    /// A wheel turn.
    pub fn scroll(&mut self, down: bool, library: &Library, files: &FileCache, main: Rect) {
        let (total, page) = self.measure(library, files, main);
        self.scroll
            .scroll_by(if down { WHEEL_LINES } else { -WHEEL_LINES }, total, page);
    }

    /// Keeps the scroll valid after a resize.
    pub fn clamp(&mut self, library: &Library, files: &FileCache, main: Rect) {
        let (total, page) = self.measure(library, files, main);
        self.scroll.clamp(total, page);
    }

    /// The window title: the card's title and where it comes from, or the file's path.
    fn title(&self, library: &Library) -> String {
        match &self.subject {
            Subject::Card(index) => library.cards.get(*index).map_or_else(String::new, |card| {
                let source = source_label(library, &card.source);
                format!("{} · {}", card.card.title, source)
            }),
            Subject::File(path) => library.display_path(path).display().to_string(),
            Subject::Problem(_) => "Problem".to_string(),
        }
    }
}

/// Draws the card full screen in `main`.
pub fn render(app: &App, screen: &CardScreen, frame: &mut Frame<'_>, main: Rect) {
    let title = sanitize_line(&screen.title(&app.library)).into_owned();
    render_document(
        app,
        frame,
        main,
        &title,
        Some(&screen.subject),
        screen.scroll,
        true,
    );
    let (total, page) = screen.measure(&app.library, &app.files, main);
    if total > page && main.width > 20 {
        // Where the reader is, on the bottom border: "12-33/80".
        let last = (screen.scroll.offset + page).min(total);
        let position = format!(" {}-{}/{} ", screen.scroll.offset + 1, last, total);
        let width = u16::try_from(position.len()).unwrap_or(0);
        let area = Rect {
            x: main.right().saturating_sub(width + 2),
            y: main.bottom().saturating_sub(1),
            width,
            height: 1,
        };
        frame.render_widget(Line::styled(position, app.theme.muted()), area);
    }
}
