//! A course: a series of sessions on a weekly rhythm (Tuesdays at 16:00 for 90 minutes), each
//! session an agenda of its own. Read from a hand-written TOML file like an agenda; the dates
//! a session leaves out come from the rhythm (see [`Course::fill_dates`]), and a cancelled
//! session can be bumped along the rhythm (see [`Course::bump`]).

mod dates;
pub mod input;
pub mod save;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime, Weekday};
use toml_edit::{Item, Table, Value};

pub use self::dates::CourseError;
use crate::agenda::{Agenda, AgendaItem, position_of, read_items};
use crate::duration::Minutes;
use crate::error::{Diagnostic, Diagnostics, Position};
use crate::timing::Fit;
use crate::toml_read::{FieldReader, TableRef, TomlSource};

/// A series of sessions for one audience.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    /// The file the course was read from; positions in sessions refer to it.
    pub path: PathBuf,
    pub title: String,
    pub audience: Option<String>,
    pub place: Option<String>,
    /// When sessions happen unless they say otherwise.
    pub rhythm: Option<Rhythm>,
    /// Dates the rhythm never uses (holidays, the week everyone is away).
    pub skip: Vec<NaiveDate>,
    pub sessions: Vec<Session>,
}

/// A weekly rhythm: `rhythm = { weekday = "tuesday", start = "16:00", minutes = 90 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rhythm {
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub minutes: Minutes,
}

/// One session of a course; what it leaves out comes from the course's rhythm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub minutes: Option<Minutes>,
    pub goals: Vec<String>,
    pub items: Vec<AgendaItem>,
    /// Where the session's table starts in the file (`[[sessions]]`).
    pub position: Position,
}

/// How one session's plan fits its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionFit {
    /// The minutes of the session's items.
    pub used: Minutes,
    /// The session's length, if it has one.
    pub available: Option<Minutes>,
    /// Slack or overrun; `None` without a length.
    pub fit: Option<Fit>,
}

impl Course {
    /// The session's start time: its own, else the rhythm's.
    pub fn session_start(&self, index: usize) -> Option<NaiveTime> {
        let session = self.sessions.get(index)?;
        session.start.or(self.rhythm.map(|rhythm| rhythm.start))
    }

    /// The session's length: its own, else the rhythm's.
    pub fn session_minutes(&self, index: usize) -> Option<Minutes> {
        let session = self.sessions.get(index)?;
        session.minutes.or(self.rhythm.map(|rhythm| rhythm.minutes))
    }

    /// The session as an agenda, for timing, checking and export. `date` overrides the
    /// session's own (pass a date from [`Course::fill_dates`] or [`Course::bump`]).
    pub fn session_agenda(&self, index: usize, date: Option<NaiveDate>) -> Option<Agenda> {
        let session = self.sessions.get(index)?;
        Some(Agenda {
            path: self.path.clone(),
            title: session.title.clone(),
            date: date.or(session.date),
            start: self.session_start(index),
            slot: self.session_minutes(index),
            place: self.place.clone(),
            people: Vec::new(),
            goals: session.goals.clone(),
            about: None,
            offer: Vec::new(),
            ask: Vec::new(),
            mentee: None,
            items: session.items.clone(),
        })
    }

    /// The time of all sessions together, from their lengths (a session without one counts 0).
    pub fn total_minutes(&self) -> Minutes {
        Minutes(
            (0..self.sessions.len())
                .filter_map(|index| self.session_minutes(index))
                .map(Minutes::get)
                .sum(),
        )
    }

    /// For each session, its items' minutes against its length; `card_minutes` gives a card's
    /// duration by its reference.
    pub fn session_fits(&self, card_minutes: &dyn Fn(&str) -> Option<Minutes>) -> Vec<SessionFit> {
        (0..self.sessions.len())
            .filter_map(|index| self.session_agenda(index, None))
            .map(|agenda| {
                let timetable = agenda.timetable(card_minutes);
                SessionFit {
                    used: timetable.used(),
                    available: agenda.slot,
                    fit: timetable.fit(),
                }
            })
            .collect()
    }

    /// A diagnostic at each card item, in any session, whose card `card_exists` does not know.
    pub fn missing_cards(&self, card_exists: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
        self.sessions
            .iter()
            .flat_map(|session| {
                crate::agenda::missing_cards(&self.path, &session.items, card_exists)
            })
            .collect()
    }
}

/// Reads a course from the text of the file at `path`.
///
/// # Errors
/// Every problem found, each at its `path:line:col`, as [`crate::agenda::parse_agenda`] does;
/// also a session that has no date when the course has no rhythm to place it on.
pub fn parse_course(path: &Path, text: &str) -> Result<Course, Diagnostics> {
    let source = TomlSource::whole(path, text);
    let document = source.parse()?;
    let root = document.as_table();
    let mut reader = FieldReader::new(source);
    let title = reader.required_string(root, "title", None);
    let audience = reader.string(root, "audience");
    let place = reader.string(root, "place");
    let rhythm = read_rhythm(&mut reader, root);
    let skip = read_dates(&mut reader, root, "skip");
    let has_rhythm = root.contains_key("rhythm");
    let sessions: Vec<Session> = reader
        .tables(root, "sessions")
        .into_iter()
        .filter_map(|session| read_session(&mut reader, session, has_rhythm))
        .collect();
    reader.finish()?;
    let Some(title) = title else {
        // finish() reports a missing title; this only keeps the compiler sure of it.
        return Err(source.diagnostic(0, "missing \"title\"").into());
    };
    Ok(Course {
        path: path.to_path_buf(),
        title,
        audience,
        place,
        rhythm,
        skip,
        sessions,
    })
}

fn read_rhythm(reader: &mut FieldReader<'_>, root: &Table) -> Option<Rhythm> {
    let section = reader.table(root, "rhythm")?;
    let table = section.to_table();
    let span = section.span();
    let weekday = match reader.required_string(&table, "weekday", span.clone()) {
        Some(text) => {
            let weekday = parse_weekday(&text);
            if weekday.is_none() {
                let value_span = table.get("weekday").and_then(Item::span);
                reader.problem(
                    value_span,
                    format!(
                        "cannot read {text:?} as a weekday (write it like \"tuesday\" or \"tue\")"
                    ),
                );
            }
            weekday
        }
        None => None,
    };
    let start = required(reader, &table, "start", span.clone(), FieldReader::time);
    let minutes = required(reader, &table, "minutes", span, FieldReader::minutes);
    Some(Rhythm {
        weekday: weekday?,
        start: start?,
        minutes: minutes?,
    })
}

/// Reads `key` with `read`, reporting it at `at` when it is missing.
fn required<'source, T>(
    reader: &mut FieldReader<'source>,
    table: &Table,
    key: &str,
    at: Option<std::ops::Range<usize>>,
    read: impl FnOnce(&mut FieldReader<'source>, &Table, &str) -> Option<T>,
) -> Option<T> {
    if !table.contains_key(key) {
        reader.problem(at, format!("missing {key:?}"));
        return None;
    }
    read(reader, table, key)
}

/// English weekday names and their three-letter forms (chrono's reading), and Danish names.
pub(crate) fn parse_weekday(text: &str) -> Option<Weekday> {
    let text = text.trim();
    if let Ok(weekday) = text.parse::<Weekday>() {
        return Some(weekday);
    }
    match text.to_lowercase().as_str() {
        "mandag" => Some(Weekday::Mon),
        "tirsdag" => Some(Weekday::Tue),
        "onsdag" => Some(Weekday::Wed),
        "torsdag" => Some(Weekday::Thu),
        "fredag" => Some(Weekday::Fri),
        "lørdag" => Some(Weekday::Sat),
        "søndag" => Some(Weekday::Sun),
        _ => None,
    }
}

/// A list of dates; a single date is read as a list of one.
fn read_dates(reader: &mut FieldReader<'_>, root: &Table, key: &str) -> Vec<NaiveDate> {
    let Some(item) = root.get(key) else {
        return Vec::new();
    };
    let Some(Value::Array(array)) = item.as_value() else {
        return reader.date(root, key).into_iter().collect();
    };
    array
        .iter()
        .filter_map(|element| {
            // Each element goes through the same date reading as a single field, so messages
            // and positions (spans survive the copy) match the rest of the file.
            let mut single = Table::new();
            single.insert(key, Item::Value(element.clone()));
            reader.date(&single, key)
        })
        .collect()
}

fn read_session(
    reader: &mut FieldReader<'_>,
    session: TableRef<'_>,
    has_rhythm: bool,
) -> Option<Session> {
    let table = session.to_table();
    let span = session.span();
    let title = reader.required_string(&table, "title", span.clone());
    let date = reader.date(&table, "date");
    if !has_rhythm && !table.contains_key("date") {
        reader.problem(
            span.clone(),
            "a session without \"date\" needs the course's \"rhythm\" to be placed",
        );
    }
    let start = reader.time(&table, "start");
    let minutes = reader.minutes(&table, "minutes");
    let goals = reader.strings(&table, "goals");
    let items = read_items(reader, &table, "items");
    Some(Session {
        title: title?,
        date,
        start,
        minutes,
        goals,
        items,
        position: position_of(reader, span),
    })
}

#[cfg(test)]
mod tests;
