//! An agenda: one timed session (an office visit, a coffee meeting, one evening of a course),
//! read from a hand-written TOML file. Reading collects every problem with its `path:line:col`;
//! start times are not stored but computed by [`crate::timing`].

mod item;
// Agenda builder: the format-preserving writer for items.
pub mod save;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use toml_edit::Table;

pub use self::item::{AgendaItem, CardRef, ItemKind};
pub(crate) use self::item::{position_of, read_items};
use crate::duration::Minutes;
use crate::error::{Diagnostic, Diagnostics};
use crate::timing::{Timetable, compute_timetable};
use crate::toml_read::{FieldReader, TomlSource};

/// The date used for timing an agenda that has none. Timetables only show clock times, so any
/// fixed date works; it only has to stay the same between runs.
pub const UNDATED: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 3) {
    Some(date) => date,
    None => panic!("2000-01-03 is a date"),
};

/// The start assumed when an agenda sets none, so a draft still gets a readable timetable.
pub const DEFAULT_START: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => panic!("09:00 is a time"),
};

/// One timed session and what surrounds it: who it is for, what each side brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agenda {
    /// The file the agenda was read from; positions in items refer to it.
    pub path: PathBuf,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    /// The time available, to compare the plan against.
    pub slot: Option<Minutes>,
    pub place: Option<String>,
    pub people: Vec<String>,
    pub goals: Vec<String>,
    /// Notes on the organisation.
    pub about: Option<String>,
    /// What the mentor brings.
    pub offer: Vec<String>,
    /// What the mentor wants to learn from the mentee.
    pub ask: Vec<String>,
    pub mentee: Option<Mentee>,
    pub items: Vec<AgendaItem>,
}

/// Who an agenda is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentee {
    pub name: String,
    pub role: Option<String>,
    pub company: Option<String>,
    /// Starting level as the mentor judges it ("beginner"); free text, not an enum, because
    /// mentors describe people in their own words.
    pub level: Option<String>,
    pub goals: Vec<String>,
}

impl Agenda {
    /// When the session starts: its date and start, or [`UNDATED`] and [`DEFAULT_START`].
    pub fn starts_at(&self) -> NaiveDateTime {
        NaiveDateTime::new(
            self.date.unwrap_or(UNDATED),
            self.start.unwrap_or(DEFAULT_START),
        )
    }

    /// The computed timetable; `card_minutes` gives a card's duration by its reference.
    pub fn timetable(&self, card_minutes: &dyn Fn(&str) -> Option<Minutes>) -> Timetable {
        compute_timetable(self.starts_at(), self.slot, &self.items, card_minutes)
    }

    /// Every card the agenda names, in order.
    pub fn cards(&self) -> impl Iterator<Item = &CardRef> {
        self.items.iter().filter_map(AgendaItem::card)
    }

    /// A diagnostic at each card item whose card `card_exists` does not know.
    pub fn missing_cards(&self, card_exists: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
        missing_cards(&self.path, &self.items, card_exists)
    }
}

/// Reads an agenda from the text of the file at `path`.
///
/// # Errors
/// Every problem found (invalid TOML, a missing title, a wrong type, an item that is not
/// exactly one of card, break or free item...), each at its `path:line:col`.
pub fn parse_agenda(path: &Path, text: &str) -> Result<Agenda, Diagnostics> {
    let source = TomlSource::whole(path, text);
    let document = source.parse()?;
    let root = document.as_table();
    let mut reader = FieldReader::new(source);
    let title = reader.required_string(root, "title", None);
    let date = reader.date(root, "date");
    let start = reader.time(root, "start");
    let slot = reader.minutes(root, "slot");
    let place = reader.string(root, "place");
    let people = reader.strings(root, "people");
    let goals = reader.strings(root, "goals");
    let about = reader.string(root, "about");
    let offer = reader.strings(root, "offer");
    let ask = reader.strings(root, "ask");
    let mentee = read_mentee(&mut reader, root);
    let items = read_items(&mut reader, root, "items");
    reader.finish()?;
    let Some(title) = title else {
        // finish() reports a missing title; this only keeps the compiler sure of it.
        return Err(source.diagnostic(0, "missing \"title\"").into());
    };
    Ok(Agenda {
        path: path.to_path_buf(),
        title,
        date,
        start,
        slot,
        place,
        people,
        goals,
        about,
        offer,
        ask,
        mentee,
        items,
    })
}

fn read_mentee(reader: &mut FieldReader<'_>, root: &Table) -> Option<Mentee> {
    let section = reader.table(root, "mentee")?;
    let table = section.to_table();
    let name = reader.required_string(&table, "name", section.span());
    let role = reader.string(&table, "role");
    let company = reader.string(&table, "company");
    let level = reader.string(&table, "level");
    let goals = reader.strings(&table, "goals");
    Some(Mentee {
        name: name?,
        role,
        company,
        level,
        goals,
    })
}

/// `path:line:col: names a missing card "x"` for each card item `card_exists` does not know.
pub(crate) fn missing_cards(
    path: &Path,
    items: &[AgendaItem],
    card_exists: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    items
        .iter()
        .filter_map(|item| match &item.kind {
            ItemKind::Card {
                card,
                card_position,
                ..
            } if !card_exists(card.as_str()) => Some(Diagnostic::new(
                path,
                *card_position,
                format!("names a missing card {:?}", card.as_str()),
            )),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
