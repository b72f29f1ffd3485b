//! An agenda or course file, loaded and timed against the library: the one place that connects
//! plans (which name cards) with the cards they name. The command line, the checks and the
//! terminal app all time plans through here, so a card's duration is looked up one way.

use std::path::Path;

use crate::agenda::{Agenda, parse_agenda};
use crate::course::{Course, parse_course};
use crate::error::{Diagnostic, Diagnostics};
use crate::library::{CardRef, Library};
use crate::timing::{Fit, Timetable, render_timetable};

/// A plan file: one agenda, or a course of sessions.
#[derive(Debug, Clone)]
pub enum Plan {
    Agenda(Agenda),
    Course(Course),
}

/// Reads a plan, telling a course (it has `sessions` or a `rhythm`) from an agenda.
pub fn load_plan(path: &Path, text: &str) -> Result<Plan, Diagnostics> {
    let is_course = toml_edit::Document::parse(text)
        .map(|document| document.contains_key("sessions") || document.contains_key("rhythm"))
        .unwrap_or(false);
    if is_course {
        parse_course(path, text).map(Plan::Course)
    } else {
        parse_agenda(path, text).map(Plan::Agenda)
    }
}

impl Plan {
    pub fn title(&self) -> &str {
        match self {
            Plan::Agenda(agenda) => &agenda.title,
            Plan::Course(course) => &course.title,
        }
    }

    /// Each session as an agenda: the agenda itself, or every session of a course with the dates
    /// its rhythm gives (sessions without a date stay undated when there is no first date).
    pub fn sessions(&self) -> Vec<Agenda> {
        match self {
            Plan::Agenda(agenda) => vec![agenda.clone()],
            Plan::Course(course) => {
                let dates = course.fill_dates(None).ok();
                (0..course.sessions.len())
                    .filter_map(|index| {
                        let date = dates.as_ref().and_then(|d| d.get(index).copied());
                        course.session_agenda(index, date)
                    })
                    .collect()
            }
        }
    }

    /// A problem at every card item whose card the library does not have.
    pub fn missing_cards(&self, library: &Library, context_pack: Option<&str>) -> Vec<Diagnostic> {
        let exists = |reference: &str| library.find_index(reference, context_pack).is_some();
        match self {
            Plan::Agenda(agenda) => agenda.missing_cards(&exists),
            Plan::Course(course) => course.missing_cards(&exists),
        }
    }
}

/// One session timed against the library.
#[derive(Debug, Clone)]
pub struct TimedSession {
    pub agenda: Agenda,
    pub timetable: Timetable,
    /// Card items naming no card of the library, at their place in the file.
    pub missing_cards: Vec<Diagnostic>,
}

impl TimedSession {
    /// Whether the plan runs past its slot.
    pub fn overruns(&self) -> bool {
        matches!(self.timetable.fit(), Some(Fit::Overrun(_)))
    }

    /// The timetable as text: a heading with the title, date and place, then one line a row.
    /// Card titles come from the library; the caller makes the text safe for its output.
    pub fn render(&self, library: &Library, context_pack: Option<&str>) -> String {
        let title_of = |reference: &str| match library.find(reference, context_pack) {
            CardRef::Found(card) => Some(card.card.title.clone()),
            CardRef::Missing => None,
        };
        let mut heading = self.agenda.title.clone();
        if let Some(date) = self.agenda.date {
            heading.push_str(&format!(" — {}", date.format("%A %Y-%m-%d")));
        }
        if let Some(place) = self
            .agenda
            .place
            .as_deref()
            .filter(|p| !p.trim().is_empty())
        {
            heading.push_str(&format!(" — {place}"));
        }
        format!(
            "{heading}\n{}",
            render_timetable(&self.timetable, &title_of)
        )
    }
}

/// Times one session: card items take their override, else the card's duration.
pub fn timetable(library: &Library, agenda: &Agenda, context_pack: Option<&str>) -> TimedSession {
    let minutes = |reference: &str| match library.find(reference, context_pack) {
        CardRef::Found(card) => card.card.duration,
        CardRef::Missing => None,
    };
    let exists = |reference: &str| library.find_index(reference, context_pack).is_some();
    TimedSession {
        timetable: agenda.timetable(&minutes),
        missing_cards: agenda.missing_cards(&exists),
        agenda: agenda.clone(),
    }
}
