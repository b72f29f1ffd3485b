//! Writing a course back into the file the user wrote, through toml_edit, so comments, key
//! order and formatting stay: a session whose date changed changes one line, the rhythm keeps
//! its inline or table form, and a session's items are rewritten only when they changed.
//!
//! Sessions are matched to the tables they came from by [`SessionOrigin`]; a copied session
//! starts from a copy of its source's table (comments and all), a new one from an empty table.
//! Tables without a place in the file (new or copied) are printed right after the table
//! before them, which keeps every item under its own session.

use chrono::{Datelike, NaiveDate, NaiveTime};
use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use super::{Course, Rhythm, Session};
use crate::agenda::save::{set_minutes, set_string, set_value, write_item};
use crate::templates::weekday_name;

/// Where a session's table comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionOrigin {
    /// The session at this index in the file as read.
    File(usize),
    /// A copy of the session at this index in the file as read.
    Copy(usize),
    /// A session made in the app.
    New,
}

/// How each session of a course relates to the file: its origin, and for a session whose
/// items were edited, the origin of each item (its index among the session's item tables as
/// read, `None` for a new item). `items: None` leaves the session's item tables as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionEdit {
    pub origin: SessionOrigin,
    pub items: Option<Vec<Option<usize>>>,
}

impl SessionEdit {
    /// A session as read from the file at `index`, items untouched.
    pub fn unchanged(index: usize) -> Self {
        SessionEdit {
            origin: SessionOrigin::File(index),
            items: None,
        }
    }
}

/// The file's text with the course's rhythm and sessions written into it; `edits[i]` says
/// where `course.sessions[i]` came from.
///
/// # Errors
/// The text is not TOML (it was read as TOML before, so only if it changed meanwhile).
pub fn save_course(
    text: &str,
    course: &Course,
    edits: &[SessionEdit],
) -> Result<String, toml_edit::TomlError> {
    let mut document: DocumentMut = text.parse()?;
    if let Some(rhythm) = course.rhythm {
        write_rhythm(&mut document, rhythm);
    }
    let old: Vec<Table> = document
        .get("sessions")
        .and_then(Item::as_array_of_tables)
        .map(|tables| tables.iter().cloned().collect())
        .unwrap_or_default();
    let mut tables = ArrayOfTables::new();
    for (index, session) in course.sessions.iter().enumerate() {
        let edit = edits
            .get(index)
            .cloned()
            .unwrap_or(SessionEdit::unchanged(index));
        let mut table = match edit.origin {
            SessionOrigin::File(from) => old.get(from).cloned().unwrap_or_default(),
            SessionOrigin::Copy(from) => {
                let mut copy = old.get(from).cloned().unwrap_or_default();
                forget_positions(&mut copy);
                copy
            }
            SessionOrigin::New => Table::new(),
        };
        write_session(&mut table, session, edit.items.as_deref());
        tables.push(table);
    }
    if course.sessions.is_empty() {
        document.remove("sessions");
    } else {
        document.insert("sessions", Item::ArrayOfTables(tables));
    }
    Ok(document.to_string())
}

/// Sets the rhythm's keys that changed, in the form the file has it (inline or a table).
fn write_rhythm(document: &mut DocumentMut, rhythm: Rhythm) {
    let weekday = weekday_name(rhythm.weekday);
    let start = rhythm.start.format("%H:%M").to_string();
    match document.get_mut("rhythm") {
        Some(Item::Table(table)) => {
            set_weekday(table, weekday);
            set_time(table, "start", Some(rhythm.start));
            set_minutes(table, "minutes", Some(rhythm.minutes.get()));
        }
        Some(Item::Value(Value::InlineTable(inline))) => {
            // Work out the changes on a table copy, then put only changed values back into the
            // inline table, each keeping the spacing around the old one.
            let before = inline.clone().into_table();
            let mut table = before.clone();
            set_weekday(&mut table, weekday);
            set_time(&mut table, "start", Some(rhythm.start));
            set_minutes(&mut table, "minutes", Some(rhythm.minutes.get()));
            for (key, item) in table.iter() {
                let Some(value) = item.as_value() else {
                    continue;
                };
                let old = before.get(key).and_then(Item::as_value);
                if old.map(Value::to_string) != Some(value.to_string()) {
                    inline.insert(key, value.clone());
                }
            }
        }
        _ => {
            let mut inline = InlineTable::new();
            inline.insert("weekday", Value::from(weekday));
            inline.insert("start", Value::from(start.as_str()));
            inline.insert("minutes", Value::from(i64::from(rhythm.minutes.get())));
            document.insert("rhythm", Item::Value(Value::InlineTable(inline)));
        }
    }
}

/// Keeps a weekday written in another accepted form ("tue", "tirsdag") when it means the same.
fn set_weekday(table: &mut Table, weekday: &str) {
    let current = table
        .get("weekday")
        .and_then(Item::as_str)
        .and_then(super::parse_weekday)
        .map(weekday_name);
    if current != Some(weekday) {
        set_value(table, "weekday", Value::from(weekday));
    }
}

/// Sets a session's own keys to what the session says, leaving keys that already mean the same.
fn write_session(table: &mut Table, session: &Session, items: Option<&[Option<usize>]>) {
    set_string(table, "title", &session.title);
    set_date(table, "date", session.date);
    set_time(table, "start", session.start);
    set_minutes(table, "minutes", session.minutes.map(|m| m.get()));
    if let Some(origins) = items {
        write_items(table, session, origins);
    }
}

fn write_items(table: &mut Table, session: &Session, origins: &[Option<usize>]) {
    let old: Vec<Table> = table
        .get("items")
        .and_then(Item::as_array_of_tables)
        .map(|tables| tables.iter().cloned().collect())
        .unwrap_or_default();
    let positions: Vec<Option<isize>> = old.iter().map(Table::position).collect();
    let mut tables = ArrayOfTables::new();
    for (slot, item) in session.items.iter().enumerate() {
        let origin = origins.get(slot).copied().flatten();
        let mut item_table = origin
            .and_then(|index| old.get(index).cloned())
            .unwrap_or_default();
        write_item(&mut item_table, item);
        // Each slot keeps the place its table had, so the text follows the new order; a table
        // past the old ones has no place and prints after the one before it.
        item_table.set_position(positions.get(slot).copied().flatten());
        tables.push(item_table);
    }
    if session.items.is_empty() {
        table.remove("items");
    } else {
        table.insert("items", Item::ArrayOfTables(tables));
    }
}

fn set_date(table: &mut Table, key: &str, date: Option<NaiveDate>) {
    let Some(date) = date else {
        table.remove(key);
        return;
    };
    let current = table.get(key).and_then(Item::as_value);
    let same = match current {
        Some(Value::Datetime(datetime)) => {
            let value = datetime.value();
            value.time.is_none()
                && value.date.is_some_and(|d| {
                    i32::from(d.year) == date.year()
                        && u32::from(d.month) == date.month()
                        && u32::from(d.day) == date.day()
                })
        }
        Some(Value::String(text)) => {
            NaiveDate::parse_from_str(text.value().trim(), "%Y-%m-%d") == Ok(date)
        }
        _ => false,
    };
    if same {
        return;
    }
    let written = date.format("%Y-%m-%d").to_string();
    // A date the user wrote as a string stays a string.
    let value = match current {
        Some(Value::String(_)) => Value::from(written.as_str()),
        _ => match written.parse::<toml_edit::Datetime>() {
            Ok(datetime) => Value::from(datetime),
            Err(_) => Value::from(written.as_str()),
        },
    };
    set_value(table, key, value);
}

fn set_time(table: &mut Table, key: &str, time: Option<NaiveTime>) {
    let Some(time) = time else {
        table.remove(key);
        return;
    };
    let same = table
        .get(key)
        .and_then(Item::as_str)
        .and_then(crate::toml_read::parse_clock)
        == Some(time);
    if !same {
        set_value(table, key, Value::from(time.format("%H:%M").to_string()));
    }
}

/// Clears the place in the file of a table and every table in it, so a copy prints where it
/// is put and not beside its source.
fn forget_positions(table: &mut Table) {
    table.set_position(None);
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(inner) => forget_positions(inner),
            Item::ArrayOfTables(array) => {
                for inner in array.iter_mut() {
                    forget_positions(inner);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
#[path = "save_tests.rs"]
mod tests;
