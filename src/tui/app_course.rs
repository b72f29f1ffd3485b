//! The app's part of the course planner and of `a` on a card: opening a course from the
//! library, routing keys and typing to the planner, a session open in the agenda builder
//! coming back to the plan, and adding the selected card to the open agenda. The effects'
//! I/O (reading, saving, appending a card to an agenda file) is at the bottom, run by the
//! runtime. Kept apart from `app.rs` so the frame stays small.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};

use super::action::Action;
use super::app::{App, Screen};
use super::command::Command;
use super::effect::Effect;
use super::views::agenda_builder::{AgendaBuilder, Layer};
use super::views::course_planner::{CoursePlanner, PlannerLayer};
use super::views::course_planner_draw::fit_words;
use super::views::preview::Subject;
use crate::agenda::save::save_items;
use crate::agenda::{Agenda, AgendaItem, CardRef, ItemKind, parse_agenda};
use crate::error::Position;
use crate::safe_text::sanitize_line;
use crate::store::Fingerprint;
use crate::tui::widgets::list::ListState;

/// The day sessions are placed from when a course has none yet.
fn today() -> NaiveDate {
    Local::now().date_naive()
}

impl App {
    /// The course file to open in the planner instead of showing it as text: a file in the
    /// library's courses folder (a pack's course templates are read-only and stay text).
    pub(crate) fn course_to_plan(&self, subject: &Subject) -> Option<PathBuf> {
        let Subject::File(path) = subject else {
            return None;
        };
        path.starts_with(self.library.courses_folder())
            .then(|| path.clone())
    }

    /// A key for the course planner on top: its sessions, its question or the question
    /// before leaving unsaved changes.
    pub(crate) fn planner_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(Screen::Course(planner)) = self.screens.last_mut() else {
            return Vec::new();
        };
        let outcome = match planner.layer {
            PlannerLayer::Sessions => planner.update(command, today()),
            PlannerLayer::Leaving => planner.update_leaving(command),
            PlannerLayer::Prompt(..) => {
                planner.update_prompt(command, today());
                Default::default()
            }
        };
        if outcome.close {
            self.screens.pop();
        } else if let Some(index) = outcome.open_session {
            self.open_session(index);
        }
        outcome.effects
    }

    /// Opens a session of the planner on top in the agenda builder: the builder edits the
    /// session's items, which come back to the plan when the builder is left.
    fn open_session(&mut self, index: usize) {
        let Some(Screen::Course(planner)) = self.screens.last_mut() else {
            return;
        };
        let date = planner.dates().get(index).copied().flatten();
        let Some(agenda) = planner.course.session_agenda(index, date) else {
            return;
        };
        planner.editing = Some(index);
        let origins = (0..agenda.items.len()).map(Some).collect();
        let builder = AgendaBuilder {
            path: planner.path.clone(),
            text: String::new(),
            fingerprint: planner.fingerprint,
            agenda,
            origins,
            list: ListState::default(),
            dirty: false,
            layer: Layer::Timetable,
            status: Some(format!(
                "Session {} of the course: esc takes the changes back to the plan",
                index + 1
            )),
            leave_after_save: false,
        };
        self.screens.push(Screen::Builder(Box::new(builder)));
    }

    /// Esc and ctrl-s in a builder that holds a course session: the items go back to the
    /// planner (and ctrl-s saves the course). Other keys are the builder's own.
    pub(crate) fn session_builder_command(&mut self, command: Command) -> Option<Vec<Effect>> {
        if !matches!(command, Command::Back | Command::AgendaSave) {
            return None;
        }
        let [.., Screen::Course(planner), Screen::Builder(builder)] = self.screens.as_mut_slice()
        else {
            return None;
        };
        let index = planner.editing?;
        if !matches!(builder.layer, Layer::Timetable) {
            return None;
        }
        if builder.dirty {
            planner.session_edited(index, builder.agenda.items.clone(), &builder.origins);
        }
        planner.editing = None;
        self.screens.pop();
        if command == Command::AgendaSave {
            return Some(self.planner_command(Command::CourseSave));
        }
        Some(Vec::new())
    }

    /// `a` on a card: appends it to the agenda in the builder, or to the last agenda opened,
    /// and says so; with neither, says how to open one.
    pub(crate) fn add_selected_card(&mut self) -> Vec<Effect> {
        let index = match self.screens.last() {
            Some(Screen::Packs(packs)) => packs.selected_card(&self.library),
            _ => self.card_in_view(),
        };
        let Some(card) = index.and_then(|i| self.library.cards.get(i)) else {
            self.show_message("Add to agenda", "Select a card first.");
            return Vec::new();
        };
        let reference = card.qualified_id();
        let title = sanitize_line(&card.card.title);
        let open_builder = self
            .screens
            .iter_mut()
            .rev()
            .find_map(|screen| match screen {
                Screen::Builder(builder) => Some(builder),
                _ => None,
            });
        if let Some(builder) = open_builder {
            let Ok(card_ref) = CardRef::parse(&reference) else {
                return Vec::new();
            };
            builder.agenda.items.push(card_item(card_ref));
            builder.origins.push(None);
            builder.dirty = true;
            builder.list.selected = builder.agenda.items.len() - 1;
            let agenda = builder.agenda.clone();
            let words = format!(
                "Added \"{title}\" to \"{}\" (not saved yet): {}",
                sanitize_line(&agenda.title),
                self.total_words(&agenda)
            );
            self.show_message("Added to the agenda", words);
            return Vec::new();
        }
        match self.last_agenda.clone() {
            Some(path) => vec![Effect::AddToAgenda {
                path,
                card: reference,
            }],
            None => {
                self.show_message(
                    "No agenda open",
                    "No agenda is open yet. Open one from Agendas in the library with Enter (or start one with N), leave it with Esc, then a adds the selected card to it.",
                );
                Vec::new()
            }
        }
    }

    /// "now 75 of 60 min, 15 min over".
    fn total_words(&self, agenda: &Agenda) -> String {
        let timed = crate::plan::timetable(&self.library, agenda, None);
        let used = timed.timetable.used().get();
        match agenda.slot {
            Some(slot) => format!(
                "now {used} of {} min, {}",
                slot.get(),
                fit_words(timed.timetable.fit())
            ),
            None => format!("now {used} min"),
        }
    }

    /// The results of the planner's effects and of adding a card to an agenda file.
    pub(crate) fn course_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::CourseOpened { path, read } => match read
                .and_then(|(text, fingerprint)| CoursePlanner::open(path, text, fingerprint))
            {
                Ok(planner) => self.screens.push(Screen::Course(Box::new(planner))),
                Err(problem) => self.show_message("Cannot open the course", problem),
            },
            Action::CourseSaved { path, saved } => {
                let at = self.screens.iter().rposition(
                    |screen| matches!(screen, Screen::Course(planner) if planner.path == path),
                );
                if let Some(at) = at
                    && let Screen::Course(planner) = &mut self.screens[at]
                    && planner.saved(saved)
                {
                    self.screens.remove(at);
                }
                self.files.remove(&path);
            }
            Action::AddedToAgenda { path, result } => {
                self.files.remove(&path);
                match result {
                    Ok(agenda) => {
                        let added = agenda
                            .items
                            .last()
                            .map(|item| AgendaBuilder::item_title(&self.library, item))
                            .unwrap_or_default();
                        let words = format!(
                            "Added \"{}\" to \"{}\": {}",
                            sanitize_line(&added),
                            sanitize_line(&agenda.title),
                            self.total_words(&agenda)
                        );
                        self.show_message("Added to the agenda", words);
                    }
                    Err(problem) => self.show_message("Not added", problem),
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

fn card_item(card: CardRef) -> AgendaItem {
    AgendaItem {
        kind: ItemKind::Card {
            card,
            minutes: None,
            card_position: Position::START,
        },
        at: None,
        note: None,
        position: Position::START,
    }
}

/// Reads a file for the planner or the builder: its text and fingerprint.
fn read_text(path: &Path) -> Result<(String, Fingerprint), String> {
    crate::store::read(path)
        .map_err(|error| error.to_string())
        .and_then(|(bytes, fingerprint)| {
            String::from_utf8(bytes)
                .map(|text| (text, fingerprint))
                .map_err(|_| format!("{}: not UTF-8 text", path.display()))
        })
}

/// Runs [`Effect::OpenCourse`].
pub(crate) fn open_course(path: PathBuf) -> Action {
    let read = read_text(&path);
    Action::CourseOpened { path, read }
}

/// Runs [`Effect::SaveCourse`]: atomic, and never over a file changed since it was read.
pub(crate) fn save_course(path: PathBuf, expected: Fingerprint, contents: String) -> Action {
    let saved = crate::store::save_checked(&path, Some(expected), contents.as_bytes())
        .map(|fingerprint| (contents, fingerprint))
        .map_err(|error| match error {
            crate::error::Error::ChangedOnDisk { .. } => format!(
                "Not saved: {} changed on disk since it was read",
                path.display()
            ),
            other => format!("Not saved: {other}"),
        });
    Action::CourseSaved { path, saved }
}

/// Runs [`Effect::AddToAgenda`]: the card goes at the end of the agenda file's items, the
/// rest of the file as it was; saved atomically over the version just read.
pub(crate) fn add_to_agenda_file(path: PathBuf, card: String) -> Action {
    let result = append_card(&path, &card);
    Action::AddedToAgenda { path, result }
}

fn append_card(path: &Path, card: &str) -> Result<Box<Agenda>, String> {
    let (text, fingerprint) = read_text(path)?;
    let mut agenda = parse_agenda(path, &text).map_err(|problems| problems.to_string())?;
    let mut origins: Vec<Option<usize>> = (0..agenda.items.len()).map(Some).collect();
    agenda.items.push(card_item(CardRef::parse(card)?));
    origins.push(None);
    let contents = save_items(&text, &agenda.items, &origins)
        .map_err(|error| format!("{}: {}", path.display(), error.message().trim()))?;
    crate::store::save_checked(path, Some(fingerprint), contents.as_bytes())
        .map_err(|error| error.to_string())?;
    parse_agenda(path, &contents)
        .map(Box::new)
        .map_err(|problems| problems.to_string())
}
