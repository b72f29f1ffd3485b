//! Course planner edits kept apart from the key handling: bumping a session along the rhythm,
//! taking a session's items back from the agenda builder, and the date words both show.

use chrono::{NaiveDate, Weekday};

use super::course_planner::CoursePlanner;
use crate::templates::weekday_name;

impl CoursePlanner {
    /// Bumps session `at`: it and every later one move to the next free dates of the rhythm.
    pub(super) fn bump(&mut self, at: usize) {
        let bumped = self
            .course
            .fill_dates(None)
            .and_then(|dates| self.course.bump_dates(&dates, at));
        let dates = match bumped {
            Ok(dates) => dates,
            Err(problem) => {
                self.status = Some(format!("Cannot bump: {problem}"));
                return;
            }
        };
        for (session, date) in self.course.sessions.iter_mut().zip(&dates).skip(at) {
            session.date = Some(*date);
        }
        self.dirty = true;
        let later = dates.len() - at - 1;
        self.status = Some(format!(
            "Bumped session {} to {}{}",
            at + 1,
            day_words(dates[at]),
            match later {
                0 => String::new(),
                1 => " and the one after it".to_string(),
                n => format!(" and the {n} after it"),
            }
        ));
    }

    /// Takes back a session's items from the agenda builder. `origins[i]` is the index, among
    /// the items the builder was given, of the item now at `i`.
    pub fn session_edited(
        &mut self,
        at: usize,
        items: Vec<crate::agenda::AgendaItem>,
        origins: &[Option<usize>],
    ) {
        let (Some(session), Some(edit)) =
            (self.course.sessions.get_mut(at), self.edits.get_mut(at))
        else {
            return;
        };
        let before: Vec<Option<usize>> = match &edit.items {
            Some(known) => known.clone(),
            None => (0..session.items.len()).map(Some).collect(),
        };
        edit.items = Some(
            origins
                .iter()
                .map(|origin| origin.and_then(|i| before.get(i).copied().flatten()))
                .collect(),
        );
        session.items = items;
        self.dirty = true;
        self.status = Some(format!(
            "Session {} changed: ctrl-s saves the course",
            at + 1
        ));
    }
}

/// "Tuesday".
pub fn weekday_title(weekday: Weekday) -> String {
    let name = weekday_name(weekday);
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "Tue 26 Jan 2027".
pub fn day_words(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}
