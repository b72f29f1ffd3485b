//! The parts every document shares: when, where and who in words, the timetable as a page
//! shows it, and how dates and clock times are written.

use chrono::{NaiveDate, NaiveDateTime, Weekday};

use super::{Fact, RowClass, RowView, TimetableView};
use crate::agenda::Mentee;
use crate::export::facts::{SessionFacts, What};
use crate::timing::{Fit, Timetable};

/// `Thursday 3 December 2026, 09:00–10:00`; the mentor also sees the slot and a missing start.
pub(super) fn when(session: &SessionFacts, for_mentor: bool) -> String {
    let agenda = &session.agenda;
    let day = agenda
        .date
        .map_or_else(|| "Date not set".to_string(), long_date);
    let mut text = if agenda.start.is_some() {
        format!(
            "{day}, {}–{}",
            clock(session.timetable.start),
            clock(session.end())
        )
    } else {
        format!(
            "{day}, time not set (the timetable counts from {})",
            clock(session.timetable.start)
        )
    };
    if for_mentor && let Some(slot) = agenda.slot {
        text.push_str(&format!(" ({slot} slot)"));
    }
    text
}

pub(super) fn where_and_who(session: &SessionFacts, facts: &mut Vec<Fact>, for_mentor: bool) {
    let agenda = &session.agenda;
    if let Some(place) = non_empty(agenda.place.as_deref()) {
        facts.push(Fact::new("Where", place));
    }
    if !agenda.people.is_empty() {
        facts.push(Fact::new("With", agenda.people.join(", ")));
    }
    if let Some(mentee) = &agenda.mentee {
        facts.push(Fact::new("Mentee", mentee_line(mentee, for_mentor)));
    }
}

/// `Jens Hansen, CEO, Hansen Tømrer ApS`; the mentor also sees the starting level they noted.
fn mentee_line(mentee: &Mentee, for_mentor: bool) -> String {
    let mut parts = vec![mentee.name.as_str()];
    parts.extend(non_empty(mentee.role.as_deref()));
    parts.extend(non_empty(mentee.company.as_deref()));
    let mut line = parts.join(", ");
    if for_mentor && let Some(level) = non_empty(mentee.level.as_deref()) {
        line.push_str(&format!(" (starting level: {level})"));
    }
    line
}

pub(super) fn timetable(session: &SessionFacts, for_mentor: bool) -> TimetableView {
    let rows = session
        .rows
        .iter()
        .map(|row| {
            let (what, kind) = match &row.what {
                What::Card { .. } => match session.card_of(row) {
                    Some(card) if !card.is_missing() => (card.title().to_string(), RowClass::Card),
                    Some(card) => (
                        format!("{} (missing card)", card.reference),
                        RowClass::MissingCard,
                    ),
                    None => (String::new(), RowClass::MissingCard),
                },
                What::Break => ("Break".to_string(), RowClass::Break),
                What::Free { title } => (title.clone(), RowClass::Free),
                What::Gap => ("Free until the pinned item".to_string(), RowClass::Gap),
            };
            let unknown = row.remarks.iter().any(|r| r.starts_with("length unknown"));
            RowView {
                time: format!("{}–{}", clock(row.start), clock(row.end)),
                minutes: if unknown {
                    "? min".to_string()
                } else {
                    row.minutes.to_string()
                },
                what,
                kind,
                note: if for_mentor { row.note.clone() } else { None },
                remarks: row.remarks.clone(),
            }
        })
        .collect();
    TimetableView {
        rows,
        total: for_mentor.then(|| total(&session.timetable)),
    }
}

/// `55 min of items, 09:00–09:55; 5 min to spare in the 1 h slot`
fn total(timetable: &Timetable) -> String {
    let fit = match (timetable.slot, timetable.fit()) {
        (Some(slot), Some(Fit::Slack(minutes))) => format!("{minutes} to spare in the {slot} slot"),
        (Some(slot), Some(Fit::Overrun(minutes))) => format!("{minutes} over the {slot} slot"),
        (Some(slot), Some(Fit::Exact)) => format!("fits the {slot} slot exactly"),
        _ => "no slot set".to_string(),
    };
    let mut text = format!(
        "{} of items, {}–{}; {fit}",
        timetable.used(),
        clock(timetable.start),
        clock(timetable.end)
    );
    let unknown = timetable.unknown_lengths().count();
    if unknown > 0 {
        let cards = if unknown == 1 { "card" } else { "cards" };
        text.push_str(&format!(
            "; {unknown} {cards} of unknown length counted as 0 min"
        ));
    }
    text
}

/// `Thursday 3 December 2026`
pub(super) fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// `Tuesdays`
pub(super) fn weekdays(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mondays",
        Weekday::Tue => "Tuesdays",
        Weekday::Wed => "Wednesdays",
        Weekday::Thu => "Thursdays",
        Weekday::Fri => "Fridays",
        Weekday::Sat => "Saturdays",
        Weekday::Sun => "Sundays",
    }
}

pub(super) fn clock(time: NaiveDateTime) -> String {
    time.format("%H:%M").to_string()
}

/// The text, trimmed, unless there is none.
pub(super) fn non_empty(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}
