//! Drawing the merge conflict pane: two columns, each row wrapped in its own column and the
//! shorter side padded, so the two sides of a conflicting place stay level. Conflicting rows are
//! marked with `!` and headings with `»`, so they show without colour. All text goes through
//! `crate::safe_text`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthChar;

use super::{ConflictScreen, RowKind, origin_path, rows};
use crate::library::Library;
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::layout::inner;
use crate::tui::views::pane_block;
use crate::tui::views::preview::FileCache;

/// The two columns' areas in `main`.
fn columns(main: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(main)
}

/// Cuts `text` into pieces of at most `width` cells, keeping every character (and indentation).
fn wrap_cells(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut pieces = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && used > 0 {
            pieces.push(String::new());
            used = 0;
        }
        if let Some(last) = pieces.last_mut() {
            last.push(c);
        }
        used += w;
    }
    pieces
}

/// The rows as drawn in columns `width` cells wide (less the two-cell mark): (mark, left,
/// right, kind), one per screen row.
fn visual_rows(
    screen: &ConflictScreen,
    library: &Library,
    files: &FileCache,
    width: usize,
) -> Vec<(&'static str, String, String, RowKind)> {
    let Some(conflict) = screen.conflict(library) else {
        return Vec::new();
    };
    let origin = if screen.show_origin {
        let text = origin_path(library, &screen.path).and_then(|path| files.get(&path).cloned());
        match text {
            Some(Ok(text)) => Some(text),
            Some(Err(error)) => Some(format!("No copy of the original could be read: {error}")),
            None if origin_path(library, &screen.path).is_none() => {
                Some("No copy of the pack's original text is kept for this card.".into())
            }
            None => Some("Reading the original…".into()),
        }
    } else {
        None
    };
    let text_width = width.saturating_sub(2).max(1);
    let mut out = Vec::new();
    for row in rows(conflict, origin.as_deref()) {
        let mark = match row.kind {
            RowKind::Conflict => "! ",
            RowKind::Heading => "» ",
            RowKind::Same | RowKind::Origin => "  ",
        };
        let left = wrap_cells(&sanitize_line(&row.left), text_width);
        let right = wrap_cells(&sanitize_line(&row.right), text_width);
        for i in 0..left.len().max(right.len()) {
            out.push((
                if i == 0 { mark } else { "  " },
                left.get(i).cloned().unwrap_or_default(),
                right.get(i).cloned().unwrap_or_default(),
                row.kind,
            ));
        }
    }
    out
}

/// How many rows the view has and how many it shows at once in `main`.
pub fn extent(
    screen: &ConflictScreen,
    library: &Library,
    files: &FileCache,
    main: Rect,
) -> (usize, usize) {
    let [left, _] = columns(main);
    let inside = inner(left);
    let total = visual_rows(screen, library, files, usize::from(inside.width)).len();
    (total, usize::from(inside.height))
}

/// Where the view starts when opened: a few rows above the first place both changed, so the
/// conflict is in view without scrolling and its context is too.
pub fn first_conflict_offset(
    screen: &ConflictScreen,
    library: &Library,
    files: &FileCache,
    main: Rect,
) -> usize {
    let [left, _] = columns(main);
    let inside = inner(left);
    let rows = visual_rows(screen, library, files, usize::from(inside.width));
    let first = rows
        .iter()
        .position(|row| row.3 == RowKind::Heading)
        .unwrap_or(0);
    let page = usize::from(inside.height);
    first.saturating_sub(2).min(rows.len().saturating_sub(page))
}

/// Draws the conflict pane in `main`.
pub fn render(app: &App, screen: &ConflictScreen, frame: &mut Frame<'_>, main: Rect) {
    let [left, right] = columns(main);
    let Some(conflict) = screen.conflict(&app.library) else {
        frame.render_widget(pane_block("Merge conflict", true, &app.theme), main);
        let text = "  This conflict is resolved.";
        frame.render_widget(Line::styled(text, app.theme.muted()), inner(main));
        return;
    };
    let card_name = conflict
        .card_path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let pack = conflict.pack.as_deref().unwrap_or("the pack");
    let right_title = if screen.show_origin {
        let old = app
            .library
            .cards
            .iter()
            .find(|c| c.is_own() && c.path == conflict.card_path)
            .and_then(|c| c.card.origin.as_ref())
            .map_or_else(String::new, |o| format!(" {}", o.version));
        format!("Original · {pack}{old}")
    } else {
        let version = conflict.version.as_deref().unwrap_or_default();
        format!("Upstream · {pack} {version}")
    };
    let left_title = format!("Mine · {card_name}");
    frame.render_widget(
        pane_block(&sanitize_line(&left_title), true, &app.theme),
        left,
    );
    frame.render_widget(
        pane_block(&sanitize_line(&right_title), false, &app.theme),
        right,
    );
    let (inside_left, inside_right) = (inner(left), inner(right));
    let rows = visual_rows(
        screen,
        &app.library,
        &app.files,
        usize::from(inside_left.width),
    );
    let page = usize::from(inside_left.height);
    let offset = screen.scroll.offset.min(rows.len().saturating_sub(page));
    let style = |kind: RowKind| -> Style {
        match kind {
            RowKind::Same => app.theme.muted(),
            RowKind::Heading => app.theme.warning().add_modifier(Modifier::BOLD),
            RowKind::Conflict => app.theme.warning(),
            RowKind::Origin => app.theme.text(),
        }
    };
    let shown = rows.iter().skip(offset).take(page);
    let (lefts, rights): (Vec<Line<'_>>, Vec<Line<'_>>) = shown
        .map(|(mark, l, r, kind)| {
            (
                Line::styled(format!("{mark}{l}"), style(*kind)),
                Line::styled(format!("{mark}{r}"), style(*kind)),
            )
        })
        .unzip();
    frame.render_widget(Paragraph::new(lefts), inside_left);
    frame.render_widget(Paragraph::new(rights), inside_right);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_character() {
        assert_eq!(wrap_cells("  abcdef", 4), ["  ab", "cdef"]);
        assert_eq!(wrap_cells("", 4), [""]);
        assert_eq!(wrap_cells("日本語", 4), ["日本", "語"]);
    }
}
