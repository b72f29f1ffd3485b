//! The sources pane: where cards come from — my cards, each pack with its card count, my
//! agendas and courses, and the files that could not be read, when there are any.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::pane_block;
use crate::library::{CardSource, Library};
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::layout::{BrowserPane, inner};
use crate::tui::widgets::list::render_rows;

/// One source the library screen lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The user's own cards.
    Own,
    /// A pack, by name.
    Pack(String),
    /// The user's agenda files.
    Agendas,
    /// The user's course files.
    Courses,
    /// Files and folders that could not be read.
    Problems,
}

impl Source {
    /// The cards' source, for the sources that hold cards.
    pub fn card_source(&self) -> Option<CardSource> {
        match self {
            Source::Own => Some(CardSource::Own),
            Source::Pack(pack) => Some(CardSource::Pack { pack: pack.clone() }),
            _ => None,
        }
    }
}

/// A source with what the pane shows for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntry {
    pub source: Source,
    pub label: String,
    pub count: usize,
}

/// The sources of a library, in the order shown.
pub fn sources(library: &Library) -> Vec<SourceEntry> {
    let mut out = vec![SourceEntry {
        source: Source::Own,
        label: "My cards".to_string(),
        count: library.cards_of(&CardSource::Own).count(),
    }];
    for pack in &library.packs {
        out.push(SourceEntry {
            source: Source::Pack(pack.manifest.name.clone()),
            label: pack_label(library, &pack.manifest.name),
            count: pack.card_count,
        });
    }
    out.push(SourceEntry {
        source: Source::Agendas,
        label: "Agendas".to_string(),
        count: library.agenda_paths.len(),
    });
    out.push(SourceEntry {
        source: Source::Courses,
        label: "Courses".to_string(),
        count: library.course_paths.len(),
    });
    let problems = library.load_problems().count();
    if problems > 0 {
        out.push(SourceEntry {
            source: Source::Problems,
            label: "Problems".to_string(),
            count: problems,
        });
    }
    out
}

/// How a pack is named on screen: its title, or its name when the title is empty.
pub fn pack_label(library: &Library, name: &str) -> String {
    library
        .pack(name)
        .map(|pack| pack.manifest.title.trim())
        .filter(|title| !title.is_empty())
        .unwrap_or(name)
        .to_string()
}

/// How a card's source is named on screen.
pub fn source_label(library: &Library, source: &CardSource) -> String {
    match source {
        CardSource::Own => "My cards".to_string(),
        CardSource::Pack { pack } => pack_label(library, pack),
    }
}

/// Draws the sources pane.
pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let focused = app.browser.focus == BrowserPane::Sources;
    frame.render_widget(pane_block("Sources", focused, &app.theme), area);
    let inside = inner(area);
    let width = usize::from(inside.width).saturating_sub(2);
    let rows = sources(&app.library)
        .into_iter()
        .map(|entry| {
            let count = entry.count.to_string();
            let style = if entry.source == Source::Problems {
                app.theme.danger()
            } else {
                app.theme.text()
            };
            let room = width.saturating_sub(count.len() + 1);
            let label = super::truncate(&sanitize_line(&entry.label), room);
            let pad = width.saturating_sub(
                unicode_width::UnicodeWidthStr::width(label.as_str()) + count.len(),
            );
            Line::from(vec![
                Span::styled(label, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, app.theme.muted()),
            ])
        })
        .collect();
    render_rows(
        rows,
        &app.browser.sources,
        focused,
        &app.theme,
        inside,
        frame.buffer_mut(),
    );
}
