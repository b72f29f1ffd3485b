//! The preview beside the card list: the selected card rendered (header and Markdown body), or
//! the selected agenda or course file, or a load problem in full.

use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::card_list::Entry;
use super::pane_block;
use super::sources::source_label;
use crate::library::Library;
use crate::markdown::{Block, Inline, Span, SpanStyle};
use crate::tui::app::App;
use crate::tui::layout::{BrowserPane, inner};
use crate::tui::widgets::document::{card_blocks, file_blocks, render_lines};
use crate::tui::widgets::scroll::{ScrollState, render_scrollbar};

/// The files read so far, by path: their text or why they could not be read.
pub type FileCache = HashMap<PathBuf, Result<String, String>>;

/// What a document view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A card, by its position in `Library::cards`.
    Card(usize),
    /// A text file.
    File(PathBuf),
    /// A load problem, by its position in `Library::load_problems`.
    Problem(usize),
}

impl Subject {
    /// What a list entry shows.
    pub fn of(entry: &Entry) -> Subject {
        match entry {
            Entry::Card(index) => Subject::Card(*index),
            Entry::File(path) => Subject::File(path.clone()),
            Entry::Problem(index) => Subject::Problem(*index),
        }
    }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph(vec![Inline::Text(Span {
        text: text.to_string(),
        style: SpanStyle::default(),
    })])
}

/// The blocks a subject is drawn from.
pub fn subject_blocks(library: &Library, files: &FileCache, subject: &Subject) -> Vec<Block> {
    match subject {
        Subject::Card(index) => match library.cards.get(*index) {
            Some(card) => card_blocks(card, &source_label(library, &card.source)),
            None => Vec::new(),
        },
        Subject::File(path) => {
            let name = library.display_path(path).display().to_string();
            match files.get(path) {
                Some(Ok(text)) => file_blocks(&name, text),
                Some(Err(error)) => vec![paragraph(&format!("Cannot read {name}: {error}"))],
                None => vec![paragraph(&format!("Reading {name}…"))],
            }
        }
        Subject::Problem(index) => match library.load_problems().nth(*index) {
            Some(problem) => {
                let path = library.display_path(&problem.path).display().to_string();
                vec![
                    Block::Heading {
                        level: 2,
                        content: vec![Inline::Text(Span {
                            text: format!("{path}:{}", problem.position),
                            style: SpanStyle::default(),
                        })],
                    },
                    paragraph(&problem.message),
                ]
            }
            None => Vec::new(),
        },
    }
}

/// The width documents are laid out at inside a pane: a column of margin on the left, and
/// one kept free on the right for the scrollbar, so it never covers text.
pub fn text_width(inside: Rect) -> u16 {
    inside.width.saturating_sub(2)
}

/// Draws a subject into a bordered pane, scrolled, with a scrollbar when it is taller.
pub fn render_document(
    app: &App,
    frame: &mut Frame<'_>,
    area: Rect,
    title: &str,
    subject: Option<&Subject>,
    scroll: ScrollState,
    focused: bool,
) {
    frame.render_widget(pane_block(title, focused, &app.theme), area);
    let inside = inner(area);
    let Some(subject) = subject else {
        return;
    };
    let blocks = subject_blocks(&app.library, &app.files, subject);
    let lines = render_lines(&blocks, text_width(inside), &app.theme);
    let total = lines.len();
    let page = usize::from(inside.height);
    let shown: Vec<_> = lines.into_iter().skip(scroll.offset).take(page).collect();
    let text_area = Rect {
        x: inside.x + 1,
        width: text_width(inside),
        ..inside
    };
    frame.render_widget(Paragraph::new(shown), text_area);
    render_scrollbar(frame, inside, scroll.offset, total, page, &app.theme);
}

/// Draws the preview pane.
pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let focused = app.browser.focus == BrowserPane::Preview;
    let subject = app.browser.subject(&app.library);
    render_document(
        app,
        frame,
        area,
        "Preview",
        subject.as_ref(),
        app.browser.preview,
        focused,
    );
}
