//! The timetable as plain text, as `skillbook agenda FILE` prints it: one line per row, then a
//! total that says in words how the plan fits its slot. Nothing here relies on colour.

use std::fmt::Write as _;

use chrono::NaiveDateTime;

use super::{Fit, MinutesFrom, RowKind, Timetable, TimetableRow};

/// Renders `timetable` as lines of text:
///
/// ```text
/// 09:00–09:05   5 min  Welcome and what Jens wants
/// 09:05–09:25  20 min  Pivot charts with slicers — Use his own sales export
/// 09:25–09:30   5 min  Break
/// 09:30–09:50  20 min  (free until the pinned item)
/// 09:50–10:00  10 min  His turn: how he wins customers (pinned at 09:50)
/// Total: 1 h of items, 09:00–10:00; fits the 1 h slot exactly
/// ```
///
/// `card_title` names a card by its reference; a card it does not know shows its reference.
/// Titles and notes are printed as they are: callers showing them on a terminal pass the
/// result through the crate's one place for making untrusted text safe.
pub fn render_timetable(
    timetable: &Timetable,
    card_title: &dyn Fn(&str) -> Option<String>,
) -> String {
    let minute_texts: Vec<String> = timetable.rows.iter().map(minutes_text).collect();
    let width = minute_texts
        .iter()
        .map(|text| text.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (row, minutes) in timetable.rows.iter().zip(&minute_texts) {
        let _ = writeln!(
            out,
            "{}–{}  {minutes:>width$}  {}",
            clock(row.start),
            clock(row.end),
            row_text(row, card_title),
        );
    }
    let _ = writeln!(out, "{}", total_line(timetable));
    let unknown = timetable.unknown_lengths().count();
    if unknown > 0 {
        let (cards_have, count) = if unknown == 1 {
            ("card has", "counts")
        } else {
            ("cards have", "count")
        };
        let _ = writeln!(
            out,
            "{unknown} {cards_have} no known length and {count} as 0 min: set \"minutes\" on the item or \"duration\" on the card"
        );
    }
    out
}

fn minutes_text(row: &TimetableRow) -> String {
    if row.is_unknown_length() {
        "? min".to_string()
    } else {
        row.minutes.to_string()
    }
}

fn row_text(row: &TimetableRow, card_title: &dyn Fn(&str) -> Option<String>) -> String {
    let mut text = match &row.kind {
        RowKind::Card { card, .. } => {
            card_title(card.as_str()).unwrap_or_else(|| card.as_str().to_string())
        }
        RowKind::Break => "Break".to_string(),
        RowKind::Free { title } => title.clone(),
        RowKind::Gap => "(free until the pinned item)".to_string(),
    };
    if let Some(note) = &row.note {
        let _ = write!(text, " — {note}");
    }
    let mut remarks = Vec::new();
    if let Some(pin) = row.pinned {
        remarks.push(format!("pinned at {}", pin.format("%H:%M")));
    }
    if let Some(overlap) = row.overlap {
        remarks.push(format!("starts {overlap} before the item before it ends"));
    }
    if let RowKind::Card {
        minutes_from: MinutesFrom::Unknown,
        ..
    } = row.kind
    {
        remarks.push("length unknown, counted as 0 min".to_string());
    }
    if !remarks.is_empty() {
        let _ = write!(text, " ({})", remarks.join("; "));
    }
    text
}

fn total_line(timetable: &Timetable) -> String {
    let fit = match (timetable.slot, timetable.fit()) {
        (Some(slot), Some(Fit::Slack(minutes))) => format!("{minutes} to spare in the {slot} slot"),
        (Some(slot), Some(Fit::Overrun(minutes))) => format!("{minutes} over the {slot} slot"),
        (Some(slot), Some(Fit::Exact)) => format!("fits the {slot} slot exactly"),
        _ => "no slot set".to_string(),
    };
    format!(
        "Total: {} of items, {}–{}; {fit}",
        timetable.used(),
        clock(timetable.start),
        clock(timetable.end),
    )
}

fn clock(time: NaiveDateTime) -> String {
    time.format("%H:%M").to_string()
}
