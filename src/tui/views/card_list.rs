//! The card list: the cards of the selected source with their tool, level and duration, or the
//! agenda and course files, or the problems found while loading.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::sources::{Source, SourceEntry};
use super::{pane_block, truncate};
use crate::card::Level;
use crate::duration::Minutes;
use crate::library::Library;
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::layout::{BrowserPane, inner};
use crate::tui::widgets::list::{SELECTED_MARK, render_visible};

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A card, by its position in `Library::cards`.
    Card(usize),
    /// An agenda or course file.
    File(PathBuf),
    /// A load problem, by its position in `Library::load_problems`.
    Problem(usize),
}

/// How many rows a source has. Counting and [`entry`] cost the same at any library size:
/// the list asks for the rows it shows, never for all of them.
pub fn entry_count(library: &Library, source: &Source) -> usize {
    match source {
        Source::Own | Source::Pack(_) => source
            .card_source()
            .map_or(0, |wanted| library.count_of(&wanted)),
        Source::Agendas => library.agenda_paths.len(),
        Source::Courses => library.course_paths.len(),
        Source::Problems => library.load_problems().count(),
    }
}

/// A source's row `nth`, if it has one.
pub fn entry(library: &Library, source: &Source, nth: usize) -> Option<Entry> {
    match source {
        Source::Own | Source::Pack(_) => source
            .card_source()
            .and_then(|wanted| library.nth_of(&wanted, nth))
            .map(Entry::Card),
        Source::Agendas => library.agenda_paths.get(nth).cloned().map(Entry::File),
        Source::Courses => library.course_paths.get(nth).cloned().map(Entry::File),
        Source::Problems => (nth < library.load_problems().count()).then_some(Entry::Problem(nth)),
    }
}

/// A duration as the list shows it: `20m`, `1h30`, `2h`.
pub fn short_duration(minutes: Minutes) -> String {
    match (minutes.get() / 60, minutes.get() % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

fn level_text(level: Option<Level>, wide: bool) -> &'static str {
    match (level, wide) {
        (None, _) => "",
        (Some(level), true) => level.as_str(),
        (Some(Level::Beginner), false) => "beg",
        (Some(Level::Intermediate), false) => "int",
        (Some(Level::Advanced), false) => "adv",
    }
}

/// A cell of `width` cells: the text cut to fit, then padded.
fn cell(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

fn card_row(app: &App, index: usize, width: usize) -> Line<'static> {
    let Some(card) = app.library.cards.get(index) else {
        return Line::default();
    };
    // Merge conflicts (#8): a card waiting for a resolution is marked, in text, not colour.
    let conflict = app.library.conflict_of(&card.path).is_some();
    let card = &card.card;
    let wide = width >= 50;
    let (tool_w, level_w, time_w) = if wide { (10, 12, 5) } else { (8, 3, 5) };
    let title_w = width.saturating_sub(tool_w + level_w + time_w + 3 + READY_WIDTH + 1);
    let ready = ready_cell(app, index);
    let tool = card.tool.as_deref().map(sanitize_line).unwrap_or_default();
    let time = card.duration.map(short_duration).unwrap_or_default();
    let title = if conflict {
        format!("⚠ {}", sanitize_line(&card.title))
    } else {
        sanitize_line(&card.title).into_owned()
    };
    Line::from(vec![
        Span::styled(cell(&title, title_w), app.theme.text()),
        Span::raw(" "),
        Span::styled(cell(&tool, tool_w), app.theme.accent()),
        Span::raw(" "),
        Span::styled(
            cell(level_text(card.level, wide), level_w),
            app.theme.muted(),
        ),
        Span::raw(" "),
        Span::styled(format!("{time:>time_w$}"), app.theme.muted()),
        // Readiness (#6): the figure computed at load, tick or save.
        Span::raw(" "),
        Span::styled(format!("{ready:>READY_WIDTH$}"), app.theme.muted()),
    ])
}

/// Cells of the readiness column (`10/12`).
const READY_WIDTH: usize = 5;

/// A card's readiness as the list shows it: `5/9`.
fn ready_cell(app: &App, index: usize) -> String {
    app.card_readiness(index)
        .map(|r| format!("{}/{}", r.done, r.total))
        .unwrap_or_default()
}

fn file_row(app: &App, path: &std::path::Path, width: usize) -> Line<'static> {
    let name = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Readiness (#6): how ready the agenda's or course's cards are, once the file was read.
    let figure = app
        .plan_figure(path)
        .filter(|r| r.total > 0)
        .map(|r| r.to_string())
        .unwrap_or_default();
    let room = if figure.is_empty() {
        width
    } else {
        width.saturating_sub(figure.width() + 1)
    };
    let name = truncate(&sanitize_line(&name), room);
    let pad = width.saturating_sub(name.width() + figure.width());
    Line::from(vec![
        Span::styled(name, app.theme.text()),
        Span::raw(" ".repeat(pad)),
        Span::styled(figure, app.theme.muted()),
    ])
}

fn problem_row(app: &App, index: usize, width: usize) -> Line<'static> {
    let Some(problem) = app.library.load_problems().nth(index) else {
        return Line::default();
    };
    let path = app
        .library
        .display_path(&problem.path)
        .display()
        .to_string();
    let text = format!("{path}:{}", problem.position.line);
    Line::from(vec![
        Span::styled("! ", app.theme.danger()),
        Span::styled(
            truncate(&sanitize_line(&text), width.saturating_sub(2)),
            app.theme.text(),
        ),
    ])
}

/// The pane's title: the source's name and count.
fn title(source: Option<&SourceEntry>) -> String {
    match source {
        Some(entry) => format!("{} ({})", entry.label, entry.count),
        None => "Cards".to_string(),
    }
}

/// Draws the card list.
pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let focused = app.browser.focus == BrowserPane::Cards;
    let source = app.browser.source(&app.library);
    let title = sanitize_line(&title(source.as_ref())).into_owned();
    frame.render_widget(pane_block(&title, focused, &app.theme), area);
    let inside = inner(area);
    let width = usize::from(inside.width).saturating_sub(SELECTED_MARK.width());
    let count = app.browser.entry_count(&app.library);
    if count == 0 {
        let empty = match source.map(|entry| entry.source) {
            Some(Source::Own) => "No cards of your own yet.",
            Some(Source::Agendas) => "No agendas yet.",
            Some(Source::Courses) => "No courses yet.",
            _ => "Nothing here.",
        };
        frame.render_widget(
            Line::styled(format!("  {empty}"), app.theme.muted()),
            inside,
        );
        return;
    }
    let row = |nth: usize| match app.browser.entry(&app.library, nth) {
        Some(Entry::Card(index)) => card_row(app, index, width),
        Some(Entry::File(path)) => file_row(app, &path, width),
        Some(Entry::Problem(index)) => problem_row(app, index, width),
        None => Line::default(),
    };
    render_visible(
        count,
        row,
        &app.browser.list,
        focused,
        &app.theme,
        inside,
        frame.buffer_mut(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_short() {
        assert_eq!(short_duration(Minutes(20)), "20m");
        assert_eq!(short_duration(Minutes(90)), "1h30");
        assert_eq!(short_duration(Minutes(125)), "2h05");
        assert_eq!(short_duration(Minutes(120)), "2h");
    }

    #[test]
    fn cells_cut_and_pad_to_width() {
        assert_eq!(cell("Excel", 8), "Excel   ");
        assert_eq!(cell("PowerPoint", 8).width(), 8);
        assert!(cell("PowerPoint", 8).ends_with('…'));
    }
}
