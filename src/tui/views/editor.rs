//! Drawing the card editor: the form, the body beside a live preview when the terminal is at
//! least 120 columns wide, the problems with the would-be text, and the editor's questions.
//! On a short terminal the form and the body take turns: whichever has the focus is shown.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{pane_block, truncate};
use crate::card_view::card_blocks_from;
use crate::safe_text::sanitize_line;
use crate::tui::app::App;
use crate::tui::editor::{EditorPrompt, EditorScreen};
use crate::tui::layout::{centered, inner};
use crate::tui::widgets::document::render_lines;

/// Wide enough for the preview beside the body.
const PREVIEW_WIDTH: u16 = 120;
/// The label column of the form.
const LABEL: u16 = 10;

/// How many rows a field takes.
fn field_rows(editor: &EditorScreen, index: usize) -> u16 {
    if editor.fields[index].key.is_list() {
        2
    } else {
        1
    }
}

/// Draws the editor in `main`.
pub fn render(app: &App, editor: &EditorScreen, frame: &mut Frame<'_>, main: Rect) {
    if let Some(EditorPrompt::Conflict {
        theirs,
        side_by_side: true,
        ..
    }) = &editor.prompt
    {
        render_both(app, editor, theirs, frame, main);
        return;
    }
    let marker = if editor.is_dirty() {
        " ● unsaved"
    } else {
        ""
    };
    let title = format!("Edit {}{marker}", sanitize_line(editor.id()));
    frame.render_widget(pane_block(&title, true, &app.theme), main);
    let inside = inner(main);
    let problems = u16::try_from(editor.problems.len().min(3)).unwrap_or(3);
    let [work, problem_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(problems)]).areas(inside);
    let form_height: u16 = (0..editor.fields.len())
        .map(|i| field_rows(editor, i))
        .sum();
    let on_body = editor.focused_field().is_none();
    let (form_area, body_area) = if work.height >= form_height + 6 {
        let [form, body] =
            Layout::vertical([Constraint::Length(form_height), Constraint::Min(1)]).areas(work);
        (Some(form), Some(body))
    } else if on_body {
        (None, Some(work))
    } else {
        (Some(work), None)
    };
    if let Some(area) = form_area {
        render_form(app, editor, frame, area);
    }
    if let Some(area) = body_area {
        render_body(app, editor, frame, area);
    }
    for (row, problem) in editor.problems.iter().take(3).enumerate() {
        let y = problem_area.y + u16::try_from(row).unwrap_or(0);
        let text = truncate(
            &format!("! {}", sanitize_line(problem)),
            usize::from(inside.width),
        );
        let line = Line::styled(text, app.theme.warning());
        frame.render_widget(line, Rect::new(problem_area.x, y, problem_area.width, 1));
    }
    if let Some(prompt) = &editor.prompt {
        render_prompt(app, editor, prompt, frame, main);
    }
}

fn render_form(app: &App, editor: &EditorScreen, frame: &mut Frame<'_>, area: Rect) {
    // Scroll so the focused field is in view when the form does not fit.
    let mut skip = 0;
    let mut needed: u16 = (0..=editor.focus.min(editor.fields.len().saturating_sub(1)))
        .map(|i| field_rows(editor, i))
        .sum();
    while needed > area.height && skip < editor.fields.len() {
        needed -= field_rows(editor, skip);
        skip += 1;
    }
    let mut y = area.y;
    for (index, field) in editor.fields.iter().enumerate().skip(skip) {
        let rows = field_rows(editor, index).min(area.bottom().saturating_sub(y));
        if rows == 0 {
            break;
        }
        let focused = index == editor.focus;
        let label_style = if focused {
            app.theme.accent().add_modifier(Modifier::BOLD)
        } else {
            app.theme.muted()
        };
        let mark = if focused { "▸" } else { " " };
        let label = Line::styled(format!("{mark}{}", field.key.label()), label_style);
        frame.render_widget(label, Rect::new(area.x, y, LABEL.min(area.width), 1));
        let input_area = Rect::new(
            area.x + LABEL.min(area.width),
            y,
            area.width.saturating_sub(LABEL),
            rows,
        );
        let mut input = field.input.clone();
        style_input(app, &mut input, focused);
        frame.render_widget(&input, input_area);
        y += rows;
    }
}

fn style_input(app: &App, input: &mut ratatui_textarea::TextArea<'static>, focused: bool) {
    input.set_style(app.theme.text());
    input.set_cursor_line_style(Style::default());
    input.set_selection_style(app.theme.selection(true));
    let cursor = if focused {
        app.theme.text().add_modifier(Modifier::REVERSED)
    } else {
        app.theme.text()
    };
    input.set_cursor_style(cursor);
}

fn render_body(app: &App, editor: &EditorScreen, frame: &mut Frame<'_>, area: Rect) {
    let focused = editor.focused_field().is_none();
    let (body_area, preview_area) = if area.width >= PREVIEW_WIDTH {
        let [body, preview] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        (body, Some(preview))
    } else {
        (area, None)
    };
    let mut body = editor.body.clone();
    style_input(app, &mut body, focused);
    body.set_block(
        Block::bordered()
            .title(if focused { "▸ Body" } else { " Body" })
            .border_style(app.theme.border(focused)),
    );
    frame.render_widget(&body, body_area);
    if let Some(area) = preview_area {
        frame.render_widget(pane_block("Preview", false, &app.theme), area);
        let inside = inner(area);
        let lines = editor
            .would_be_card()
            .map(|card| {
                let blocks = card_blocks_from(&card, None);
                render_lines(&blocks, inside.width.saturating_sub(1), &app.theme)
            })
            .unwrap_or_default();
        let shown: Vec<Line<'static>> =
            lines.into_iter().take(usize::from(inside.height)).collect();
        frame.render_widget(Paragraph::new(shown), inside);
    }
}

fn render_prompt(
    app: &App,
    editor: &EditorScreen,
    prompt: &EditorPrompt,
    frame: &mut Frame<'_>,
    main: Rect,
) {
    let (title, text) = match prompt {
        EditorPrompt::Leave { .. } => (
            "Unsaved changes",
            format!(
                "{} has unsaved changes. s save · d discard · Esc cancel",
                sanitize_line(editor.id())
            ),
        ),
        EditorPrompt::Conflict { .. } => (
            "Changed on disk",
            "The file changed on disk since you opened it. k keep mine (shows both first) · \
             t take theirs · b see both side by side · Esc cancel"
                .to_string(),
        ),
    };
    let window = centered(main, main.width.min(60), main.height.min(6));
    frame.render_widget(Clear, window);
    frame.render_widget(
        pane_block(title, true, &app.theme)
            .border_style(app.theme.warning())
            .style(app.theme.base()),
        window,
    );
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.text())
            .wrap(Wrap { trim: true }),
        inner(window),
    );
}

/// Mine and theirs side by side; lines that differ are marked `≠`, not only coloured.
fn render_both(app: &App, editor: &EditorScreen, theirs: &str, frame: &mut Frame<'_>, main: Rect) {
    let [columns, help] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(main);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(columns);
    let mine: Vec<&str> = editor.text.lines().collect();
    let other: Vec<&str> = theirs.lines().collect();
    // Start just above the first difference, so what differs is in view.
    let first_difference = (0..mine.len().max(other.len()))
        .find(|&i| mine.get(i) != other.get(i))
        .unwrap_or(0);
    let skip = first_difference.saturating_sub(2);
    for (area, title, lines, against) in [
        (left, "Mine (unsaved)", &mine, &other),
        (right, "On disk now", &other, &mine),
    ] {
        frame.render_widget(pane_block(title, true, &app.theme), area);
        let inside = inner(area);
        let width = usize::from(inside.width.saturating_sub(2));
        let shown: Vec<Line<'_>> = lines
            .iter()
            .enumerate()
            .skip(skip)
            .take(usize::from(inside.height))
            .map(|(i, line)| {
                let differs = against.get(i) != Some(line);
                let (mark, style) = if differs {
                    ("≠ ", app.theme.warning())
                } else {
                    ("  ", app.theme.text())
                };
                Line::from(vec![
                    Span::styled(mark, style),
                    Span::styled(truncate(&sanitize_line(line), width), style),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(shown), inside);
    }
    let line = Line::styled(
        "k keep mine (save over theirs) · t take theirs · Esc back to editing",
        app.theme.accent(),
    );
    frame.render_widget(line, help);
}
