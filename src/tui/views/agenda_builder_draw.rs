//! Drawing the agenda builder: the title (marked when unsaved), a gauge of used against
//! available minutes with the fit in words, the timetable with start and end of every item,
//! gaps and overlaps around pinned items, and the question or status line. Under the gauge, how
//! ready the agenda's cards are.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Gauge;

use super::agenda_builder::{AgendaBuilder, Layer};
use super::{card_picker, pane_block, truncate};
use crate::agenda::ItemKind;
use crate::checklist::agenda_readiness;
use crate::safe_text::sanitize_line;
use crate::timing::{Fit, RowKind, TimetableRow};
use crate::tui::app::App;
use crate::tui::widgets::list::render_list_or_empty;
use crate::tui::widgets::prompt::{render_leaving, render_question_or_status};

/// Draws the builder into `area`.
pub fn render(app: &App, builder: &AgendaBuilder, frame: &mut Frame<'_>, area: Rect) {
    let theme = &app.theme;
    let unsaved = if builder.dirty { " • unsaved" } else { "" };
    let title = format!("Agenda: {}{unsaved}", sanitize_line(&builder.agenda.title));
    let block = pane_block(&title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 {
        return;
    }
    let timed = builder.timed(&app.library);
    let table = &timed.timetable;
    let used = table.elapsed().get();
    // The gauge line: used of available, and the fit in words so colour is never alone.
    let (fit_text, fit_style) = match table.fit() {
        Some(Fit::Overrun(over)) => (
            format!("{} over", over),
            theme.warning().add_modifier(Modifier::BOLD),
        ),
        Some(fit) => (fit.to_string(), theme.ok()),
        None => ("no slot set".to_string(), theme.muted()),
    };
    let label = match table.slot {
        Some(slot) => format!("{used} of {} min · {fit_text}", slot.get()),
        None => format!("{used} min · {fit_text}"),
    };
    let ratio = table.slot.map_or(0.0, |slot| {
        (f64::from(used) / f64::from(slot.get().max(1))).min(1.0)
    });
    let gauge = Gauge::default()
        .ratio(ratio)
        .label(Span::styled(
            truncate(&label, usize::from(inner.width)),
            fit_style,
        ))
        .gauge_style(fit_style);
    frame.render_widget(gauge, Rect { height: 1, ..inner });
    // How ready the agenda's cards are, under the time gauge when there is room.
    let ready_rows = u16::from(inner.height >= 5);
    if ready_rows == 1 {
        let readiness = agenda_readiness(&builder.agenda, &app.library, &app.readiness, None);
        frame.render_widget(
            super::prep::readiness_line(app, "Cards ", readiness, usize::from(inner.width)),
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
        );
    }

    // What the last meeting with the same mentee left for this one.
    let last_time = app
        .previous_logs
        .get(&builder.path)
        .filter(|_| inner.height > 4 + ready_rows);
    if let Some(summary) = last_time {
        frame.render_widget(
            Line::styled(
                truncate(&sanitize_line(summary), usize::from(inner.width)),
                theme.accent(),
            ),
            Rect {
                y: inner.y + 1 + ready_rows,
                height: 1,
                ..inner
            },
        );
    }
    // Under the time gauge: the readiness line, then the last log.
    let header = ready_rows + u16::from(last_time.is_some());
    let rows_area = Rect {
        y: inner.y + 1 + header,
        height: inner.height.saturating_sub(2 + header),
        ..inner
    };
    let width = usize::from(rows_area.width);
    let lines: Vec<Line<'_>> = table
        .rows
        .iter()
        .filter(|row| row.item.is_some())
        .map(|row| item_line(app, builder, row, &timed.timetable.rows, width))
        .collect();
    render_list_or_empty(
        lines,
        builder.list,
        "No items yet: a adds a card, b a break, i a free item",
        theme,
        rows_area,
        frame,
    );

    let bottom = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    let question = match &builder.layer {
        Layer::Prompt(prompt) => Some(prompt),
        Layer::Timetable | Layer::Picker(_) | Layer::Leaving => None,
    };
    render_question_or_status(question, builder.status.as_deref(), theme, frame, bottom);
    match &builder.layer {
        Layer::Picker(picker) => card_picker::render(picker, &app.library, theme, frame, inner),
        Layer::Leaving => render_leaving("Save the changes before leaving?", theme, frame, inner),
        Layer::Timetable | Layer::Prompt(_) => {}
    }
}

/// One item: times, minutes, title, and what is odd about it in words.
fn item_line<'a>(
    app: &App,
    builder: &AgendaBuilder,
    row: &TimetableRow,
    rows: &[TimetableRow],
    width: usize,
) -> Line<'a> {
    let theme = &app.theme;
    let index = row.item.unwrap_or(0);
    let title = builder
        .agenda
        .items
        .get(index)
        .map(|item| AgendaBuilder::item_title(&app.library, item))
        .unwrap_or_default();
    let mut notes = Vec::new();
    if let Some(pin) = row.pinned {
        notes.push(format!("pinned {}", pin.format("%H:%M")));
    }
    // A gap row right before this item is waiting time the pin made.
    if let Some(gap) = rows
        .iter()
        .position(|r| r.item == Some(index))
        .and_then(|at| at.checked_sub(1))
        .and_then(|before| rows.get(before))
        .filter(|r| r.kind == RowKind::Gap)
    {
        notes.push(format!("gap {} min before", gap.minutes.get()));
    }
    if let Some(overlap) = row.overlap {
        notes.push(format!("overlaps {} min", overlap.get()));
    }
    if row.is_unknown_length() {
        notes.push("length unknown".to_string());
    }
    let kind = match builder.agenda.items.get(index).map(|item| &item.kind) {
        Some(ItemKind::Break { .. }) => "☕ ",
        Some(ItemKind::Free { .. }) => "· ",
        _ => "",
    };
    let times = format!(
        "{}–{} {:>3}m ",
        row.start.format("%H:%M"),
        row.end.format("%H:%M"),
        row.minutes.get()
    );
    let note_text = if notes.is_empty() {
        String::new()
    } else {
        format!("  [{}]", notes.join(", "))
    };
    let room = width.saturating_sub(times.chars().count() + note_text.chars().count());
    let warn = row.overlap.is_some() || row.is_unknown_length();
    Line::from(vec![
        Span::styled(times, theme.muted()),
        Span::styled(
            truncate(&format!("{kind}{}", sanitize_line(&title)), room.max(4)),
            theme.text(),
        ),
        Span::styled(
            note_text,
            if warn { theme.warning() } else { theme.muted() },
        ),
    ])
}
