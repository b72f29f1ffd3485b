//! The course planner: a course's sessions with their dates, times, lengths and how each
//! session's plan fits its time; sessions are added, copied, deleted (and brought back),
//! bumped along the rhythm or given a date by hand, and the rhythm itself is typed forgivingly.
//! Saving goes through the format-preserving writer ([`crate::course::save`]).
//!
//! State and update live here; bumping and taking a session back from the builder are in
//! [`super::course_planner_edit`]; drawing is in [`super::course_planner_draw`].

use std::path::PathBuf;

use chrono::NaiveDate;

pub use super::course_planner_edit::{day_words, weekday_title};
use crate::course::input::{parse_rhythm, parse_when};
use crate::course::save::{SessionEdit, SessionOrigin, save_course};
use crate::course::{Course, Session, parse_course};
use crate::error::Position;
use crate::library::Library;
use crate::plan::timetable;
use crate::store::Fingerprint;
use crate::templates::weekday_name;
use crate::timing::Fit;
use crate::tui::action::TextEdit;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::widgets::list::ListState;
use crate::tui::widgets::prompt::{Prompt, Question};

/// What a one-line question in the planner is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlannerAsk {
    /// The rhythm: weekday, time and optionally length.
    Rhythm,
    /// The selected session's date and time.
    When,
}

impl Question for PlannerAsk {
    fn prompt(self) -> &'static str {
        match self {
            PlannerAsk::Rhythm => "Weekly on (tuesday 16:00 90): ",
            PlannerAsk::When => "Date and time (2027-01-26 16:00): ",
        }
    }
}

/// What has the planner's keys.
#[derive(Debug, Clone)]
pub enum PlannerLayer {
    Sessions,
    Prompt(Prompt<PlannerAsk>),
    /// Asking whether to save before leaving.
    Leaving,
}

/// A deleted session, kept so `u` can bring it back while the planner is open.
#[derive(Debug, Clone)]
pub struct Deleted {
    pub index: usize,
    pub session: Session,
    pub edit: SessionEdit,
}

/// A course open in the planner.
#[derive(Debug, Clone)]
pub struct CoursePlanner {
    pub path: PathBuf,
    /// The file's text as read or last saved: what the writer edits.
    pub text: String,
    pub fingerprint: Fingerprint,
    pub course: Course,
    /// Where each session's table comes from, parallel to `course.sessions`.
    pub edits: Vec<SessionEdit>,
    pub list: ListState,
    pub dirty: bool,
    pub layer: PlannerLayer,
    /// The last thing done or gone wrong, shown under the sessions.
    pub status: Option<String>,
    /// Deleted sessions, the last one on top.
    pub deleted: Vec<Deleted>,
    /// Leave once the save asked for while leaving has gone through.
    pub leave_after_save: bool,
    /// The session open in the agenda builder over the planner, if any.
    pub editing: Option<usize>,
}

/// What the app should do after a planner update.
#[derive(Debug, Default)]
pub struct PlannerOutcome {
    pub effects: Vec<Effect>,
    pub close: bool,
    /// Open this session in the agenda builder.
    pub open_session: Option<usize>,
}

/// One session as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub number: usize,
    pub date: Option<NaiveDate>,
    pub start: Option<chrono::NaiveTime>,
    pub minutes: Option<u32>,
    pub title: String,
    /// The planned minutes of the session's items.
    pub planned: u32,
    pub fit: Option<Fit>,
}

impl CoursePlanner {
    /// A planner on a course file's text, or the problems that keep it from being read.
    pub fn open(path: PathBuf, text: String, fingerprint: Fingerprint) -> Result<Self, String> {
        let course = parse_course(&path, &text).map_err(|problems| problems.to_string())?;
        let edits = (0..course.sessions.len())
            .map(SessionEdit::unchanged)
            .collect();
        Ok(CoursePlanner {
            path,
            text,
            fingerprint,
            course,
            edits,
            list: ListState::default(),
            dirty: false,
            layer: PlannerLayer::Sessions,
            status: None,
            deleted: Vec::new(),
            leave_after_save: false,
            editing: None,
        })
    }

    /// Every session's date: from the rhythm where it can be worked out, else its own.
    pub fn dates(&self) -> Vec<Option<NaiveDate>> {
        match self.course.fill_dates(None) {
            Ok(dates) => dates.into_iter().map(Some).collect(),
            Err(_) => self.course.sessions.iter().map(|s| s.date).collect(),
        }
    }

    /// The table's rows, timed against the library.
    pub fn rows(&self, library: &Library) -> Vec<SessionRow> {
        let dates = self.dates();
        (0..self.course.sessions.len())
            .filter_map(|index| {
                let date = dates.get(index).copied().flatten();
                let agenda = self.course.session_agenda(index, date)?;
                let timed = timetable(library, &agenda, None);
                Some(SessionRow {
                    number: index + 1,
                    date,
                    start: agenda.start,
                    minutes: agenda.slot.map(|m| m.get()),
                    title: agenda.title,
                    planned: timed.timetable.used().get(),
                    fit: timed.timetable.fit(),
                })
            })
            .collect()
    }

    /// "Weekly on Tuesday at 16:00, 90 min", or how to set a rhythm.
    pub fn rhythm_words(&self) -> String {
        match self.course.rhythm {
            Some(rhythm) => format!(
                "Weekly on {} at {}, {} min",
                weekday_title(rhythm.weekday),
                rhythm.start.format("%H:%M"),
                rhythm.minutes.get()
            ),
            None => "No rhythm yet".to_string(),
        }
    }

    /// Reacts to a command on the session table. `today` places the first session of an
    /// empty course.
    pub fn update(&mut self, command: Command, today: NaiveDate) -> PlannerOutcome {
        let mut outcome = PlannerOutcome::default();
        let len = self.course.sessions.len();
        let at = self.list.selected;
        match command {
            Command::Back if self.dirty => self.layer = PlannerLayer::Leaving,
            Command::Back => outcome.close = true,
            Command::Open if at < len => outcome.open_session = Some(at),
            Command::CourseAddSession => self.add_session(today),
            Command::CourseCopySession if at < len => self.copy_session(at, today),
            Command::CourseDeleteSession if at < len => self.delete_session(at),
            Command::CourseUndo => self.undo(),
            Command::CourseBump if at < len => self.bump(at),
            Command::CourseRhythm => {
                let preset = self.course.rhythm.map(|r| {
                    format!(
                        "{} {} {}",
                        weekday_name(r.weekday),
                        r.start.format("%H:%M"),
                        r.minutes.get()
                    )
                });
                self.ask(PlannerAsk::Rhythm, preset);
            }
            Command::CourseWhen if at < len => {
                let date = self.dates().get(at).copied().flatten();
                let start = self.course.session_start(at);
                let preset = [
                    date.map(|d| d.format("%Y-%m-%d").to_string()),
                    start.map(|t| t.format("%H:%M").to_string()),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
                self.ask(PlannerAsk::When, Some(preset));
            }
            Command::CourseSave => outcome.effects.extend(self.save()),
            _ => {
                self.list.apply(command, len, 1);
            }
        }
        outcome
    }

    /// Reacts to a command while leaving with unsaved changes: save, discard or stay.
    pub fn update_leaving(&mut self, command: Command) -> PlannerOutcome {
        let mut outcome = PlannerOutcome::default();
        match command {
            Command::CourseSave => {
                self.leave_after_save = true;
                self.layer = PlannerLayer::Sessions;
                outcome.effects.extend(self.save());
            }
            Command::CourseDiscard => outcome.close = true,
            Command::Back => self.layer = PlannerLayer::Sessions,
            _ => {}
        }
        outcome
    }

    /// Types into the open question.
    pub fn edit(&mut self, edit: TextEdit) {
        if let PlannerLayer::Prompt(prompt) = &mut self.layer {
            prompt.input.apply(edit);
        }
    }

    /// Answers the open question (Enter), or closes it (Esc).
    pub fn update_prompt(&mut self, command: Command, today: NaiveDate) {
        match command {
            Command::Open => self.answer(today),
            Command::Back => self.layer = PlannerLayer::Sessions,
            _ => {}
        }
    }

    fn answer(&mut self, today: NaiveDate) {
        let PlannerLayer::Prompt(prompt) =
            std::mem::replace(&mut self.layer, PlannerLayer::Sessions)
        else {
            return;
        };
        let text = prompt.answer();
        match prompt.ask {
            PlannerAsk::Rhythm => match parse_rhythm(&text, self.course.rhythm) {
                Ok(rhythm) => {
                    if self.course.rhythm != Some(rhythm) {
                        self.course.rhythm = Some(rhythm);
                        self.dirty = true;
                    }
                    self.status = Some(self.rhythm_words());
                }
                Err(problem) => self.status = Some(problem),
            },
            PlannerAsk::When => {
                let at = self.list.selected;
                let near = self.dates().get(at).copied().flatten().unwrap_or(today);
                match parse_when(&text, near) {
                    Ok((date, time)) => self.set_when(at, date, time),
                    Err(problem) => self.status = Some(problem),
                }
            }
        }
    }

    fn set_when(&mut self, at: usize, date: Option<NaiveDate>, time: Option<chrono::NaiveTime>) {
        let rhythm_start = self.course.rhythm.map(|r| r.start);
        let Some(session) = self.course.sessions.get_mut(at) else {
            return;
        };
        if let Some(date) = date
            && session.date != Some(date)
        {
            session.date = Some(date);
            self.dirty = true;
        }
        if let Some(time) = time {
            // The rhythm's own time needs no line of its own in the session.
            let own = (Some(time) != rhythm_start).then_some(time);
            if session.start != own {
                session.start = own;
                self.dirty = true;
            }
        }
    }

    /// The next free date of the rhythm after the last session, or from `today` in an empty
    /// course; `None` (with a status saying why) when there is none to be had.
    fn next_free_date(&mut self, today: NaiveDate) -> Option<NaiveDate> {
        let Some(rhythm) = self.course.rhythm else {
            self.status = Some("The course has no rhythm: w sets one".to_string());
            return None;
        };
        let last = match self.course.fill_dates(None) {
            Ok(dates) => dates.last().copied(),
            Err(problem) => {
                self.status = Some(format!("{problem} (d sets a date)"));
                return None;
            }
        };
        let date = match last {
            Some(last) => rhythm.date_after(last, &self.course.skip),
            None => rhythm.date_on_or_after(today, &self.course.skip),
        };
        if date.is_none() {
            self.status = Some("The rhythm runs past the end of the calendar".to_string());
        }
        date
    }

    fn add_session(&mut self, today: NaiveDate) {
        let Some(date) = self.next_free_date(today) else {
            return;
        };
        let number = self.course.sessions.len() + 1;
        self.course.sessions.push(Session {
            title: format!("Session {number}"),
            date: Some(date),
            start: None,
            minutes: None,
            goals: Vec::new(),
            items: Vec::new(),
            position: Position::START,
        });
        self.edits.push(SessionEdit {
            origin: SessionOrigin::New,
            items: Some(Vec::new()),
        });
        self.list.selected = number - 1;
        self.dirty = true;
        self.status = Some(format!("Added session {number} on {}", day_words(date)));
    }

    fn copy_session(&mut self, at: usize, today: NaiveDate) {
        let Some(date) = self.next_free_date(today) else {
            return;
        };
        let mut copy = self.course.sessions[at].clone();
        copy.title = format!("{} (copy)", copy.title);
        copy.date = Some(date);
        let source = &self.edits[at];
        let edit = match source.origin {
            SessionOrigin::File(from) | SessionOrigin::Copy(from) => SessionEdit {
                origin: SessionOrigin::Copy(from),
                items: source.items.clone(),
            },
            SessionOrigin::New => SessionEdit {
                origin: SessionOrigin::New,
                items: Some(vec![None; copy.items.len()]),
            },
        };
        self.course.sessions.push(copy);
        self.edits.push(edit);
        self.list.selected = self.course.sessions.len() - 1;
        self.dirty = true;
        self.status = Some(format!(
            "Copied session {} to session {} on {}",
            at + 1,
            self.course.sessions.len(),
            day_words(date)
        ));
    }

    fn delete_session(&mut self, at: usize) {
        let session = self.course.sessions.remove(at);
        let edit = self.edits.remove(at);
        self.status = Some(format!(
            "Deleted session {} \"{}\": u brings it back",
            at + 1,
            crate::safe_text::sanitize_line(&session.title)
        ));
        self.deleted.push(Deleted {
            index: at,
            session,
            edit,
        });
        self.list.clamp(self.course.sessions.len());
        self.dirty = true;
    }

    fn undo(&mut self) {
        let Some(deleted) = self.deleted.pop() else {
            self.status = Some("Nothing to bring back".to_string());
            return;
        };
        let at = deleted.index.min(self.course.sessions.len());
        self.status = Some(format!("Brought back session {}", at + 1));
        self.course.sessions.insert(at, deleted.session);
        self.edits.insert(at, deleted.edit);
        self.list.selected = at;
        self.dirty = true;
    }

    fn ask(&mut self, ask: PlannerAsk, preset: Option<String>) {
        self.layer = PlannerLayer::Prompt(Prompt::new(ask, preset));
    }

    /// The save effect: the course written into the text as read.
    fn save(&mut self) -> Option<Effect> {
        match save_course(&self.text, &self.course, &self.edits) {
            Ok(contents) => Some(Effect::SaveCourse {
                path: self.path.clone(),
                expected: self.fingerprint,
                contents,
            }),
            Err(error) => {
                self.status = Some(format!("cannot save: {}", error.message().trim()));
                None
            }
        }
    }

    /// Takes the saved text as the new base; true when the planner should now close.
    pub fn saved(&mut self, result: Result<(String, Fingerprint), String>) -> bool {
        let leave = std::mem::take(&mut self.leave_after_save);
        match result {
            Ok((contents, fingerprint)) => {
                match CoursePlanner::open(self.path.clone(), contents, fingerprint) {
                    Ok(fresh) => {
                        let list = self.list;
                        *self = CoursePlanner {
                            list,
                            status: Some(format!("Saved {}", self.path.display())),
                            ..fresh
                        };
                    }
                    Err(problem) => self.status = Some(problem),
                }
                leave
            }
            Err(message) => {
                self.status = Some(message);
                false
            }
        }
    }
}
