//! Drawing the course planner: the rhythm and total hours on top, then one row per session
//! (number, weekday and date, start, length, title, and how the plan fits in words, so colour
//! is never alone), and the question or status line at the bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::course_planner::{CoursePlanner, PlannerLayer, SessionRow};
use super::{pane_block, truncate};
use crate::safe_text::sanitize_line;
use crate::timing::Fit;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::list::render_list_or_empty;
use crate::tui::widgets::prompt::{render_leaving, render_question_or_status};

/// Widths at which the table shows all its columns.
const WIDE: usize = 64;

/// Draws the planner into `area`.
pub fn render(app: &App, planner: &CoursePlanner, frame: &mut Frame<'_>, area: Rect) {
    let theme = &app.theme;
    let unsaved = if planner.dirty { " • unsaved" } else { "" };
    let title = format!("Course: {}{unsaved}", sanitize_line(&planner.course.title));
    let block = pane_block(&title, true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 4 {
        return;
    }
    let width = usize::from(inner.width);
    let rows = planner.rows(&app.library);
    let total = planner.course.total_minutes().get();
    let summary = format!(
        "{} · {} {} · {} in all",
        planner.rhythm_words(),
        rows.len(),
        if rows.len() == 1 {
            "session"
        } else {
            "sessions"
        },
        hours_words(total)
    );
    let summary_lines: Vec<Line<'_>> = super::wrap_words(&summary, width)
        .into_iter()
        .take(2)
        .map(|line| Line::styled(line, theme.accent()))
        .collect();
    let top = u16::try_from(summary_lines.len()).unwrap_or(1);
    frame.render_widget(
        Paragraph::new(summary_lines),
        Rect {
            height: top,
            ..inner
        },
    );

    let header = Rect {
        y: inner.y + top,
        height: 1,
        ..inner
    };
    frame.render_widget(
        Line::styled(
            truncate(&header_text(width), width),
            theme.muted().add_modifier(Modifier::BOLD),
        ),
        header,
    );
    let rows_area = Rect {
        y: header.y + 1,
        height: inner.height.saturating_sub(top + 2),
        ..inner
    };
    let lines: Vec<Line<'_>> = rows
        .iter()
        .map(|row| row_line(row, width.saturating_sub(2), theme))
        .collect();
    render_list_or_empty(
        lines,
        planner.list,
        "No sessions yet: a adds one on the next date of the rhythm",
        theme,
        rows_area,
        frame,
    );

    let bottom = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    let question = match &planner.layer {
        PlannerLayer::Prompt(prompt) => Some(prompt),
        PlannerLayer::Sessions | PlannerLayer::Leaving => None,
    };
    render_question_or_status(question, planner.status.as_deref(), theme, frame, bottom);
    if matches!(planner.layer, PlannerLayer::Leaving) {
        render_leaving("Save the course before leaving?", theme, frame, inner);
    }
}

/// "4 h 30 min", "90 min".
pub fn hours_words(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, rest) => format!("{rest} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, rest) => format!("{hours} h {rest} min"),
    }
}

/// The fit in words: "fits", "10 min over", "no length".
pub fn fit_words(fit: Option<Fit>) -> String {
    match fit {
        Some(Fit::Exact | Fit::Slack(_)) => "fits".to_string(),
        Some(Fit::Overrun(over)) => format!("{over} over"),
        None => "no length".to_string(),
    }
}

/// The cells before a session's title, and after it: the same widths for the header and
/// every row, so the columns line up.
fn cells(width: usize, number: &str, date: &str, start: &str, length: &str) -> String {
    if width >= WIDE {
        format!("{number:>2}  {date:<14}  {start:<5}  {length:>6}  ")
    } else {
        format!("{number:>2} {date:<6} {start:<5} ")
    }
}

fn tail(width: usize, plan: &str, fit: &str) -> String {
    if width >= WIDE {
        format!("  {plan:>7}  {fit:<12}")
    } else {
        format!(" {fit:<7}")
    }
}

fn header_text(width: usize) -> String {
    let lead = cells(width, "#", "Date", "Start", "Length");
    let tail = tail(width, "Plan", "Fit");
    let room = width.saturating_sub(2 + lead.chars().count() + tail.chars().count());
    format!("  {lead}{:<room$}{tail}", "Session")
}

/// One session: the cells that fit the width, the title cut to the room left, the fit last.
fn row_line<'a>(row: &SessionRow, width: usize, theme: &Theme) -> Line<'a> {
    let full = width + 2;
    let over = matches!(row.fit, Some(Fit::Overrun(_)));
    let fit_style = if over {
        theme.warning().add_modifier(Modifier::BOLD)
    } else if row.fit.is_some() {
        theme.ok()
    } else {
        theme.muted()
    };
    let start = row
        .start
        .map_or_else(|| "--:--".to_string(), |t| t.format("%H:%M").to_string());
    let (date, fit) = if full >= WIDE {
        (
            row.date.map_or_else(
                || "(no date)".to_string(),
                |d| d.format("%a %Y-%m-%d").to_string(),
            ),
            fit_words(row.fit),
        )
    } else {
        (
            row.date
                .map_or_else(|| "--.--.".to_string(), |d| d.format("%d.%m.").to_string()),
            match row.fit {
                Some(Fit::Overrun(over)) => format!("{} over", over.get()),
                Some(_) => "fits".to_string(),
                None => "--".to_string(),
            },
        )
    };
    let length = row
        .minutes
        .map_or_else(|| "--".to_string(), |m| format!("{m} min"));
    let lead = cells(full, &row.number.to_string(), &date, &start, &length);
    let tail = tail(full, &format!("{} min", row.planned), &fit);
    let room = width.saturating_sub(lead.chars().count() + tail.chars().count());
    let title = truncate(&sanitize_line(&row.title), room.max(3));
    let padding =
        " ".repeat(room.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str())));
    Line::from(vec![
        Span::styled(lead, theme.muted()),
        Span::styled(title, theme.text()),
        Span::raw(padding),
        Span::styled(tail, fit_style),
    ])
}
