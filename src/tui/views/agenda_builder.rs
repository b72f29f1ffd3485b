//! The agenda builder: an agenda's timetable with computed times, edited in place (add cards,
//! breaks and free items, reorder, change minutes, pin start times, notes) and saved back
//! through the format-preserving writer, so the user's comments and layout stay.
//!
//! State and update live here; drawing is in [`super::agenda_builder_draw`].

use std::path::PathBuf;

use chrono::NaiveTime;

use super::card_picker::CardPicker;
use crate::agenda::save::save_items;
use crate::agenda::{Agenda, AgendaItem, CardRef, ItemKind, parse_agenda};
use crate::duration::{Minutes, parse_minutes};
use crate::error::Position;
use crate::library::{self, Library};
use crate::plan::{TimedSession, timetable};
use crate::store::Fingerprint;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::widgets::list::ListState;
use crate::tui::widgets::prompt::{Prompt, Question};

/// What a one-line question in the builder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// The title of a new free item.
    FreeTitle,
    /// The selected item's length (`90`, `1:30`, `45m`).
    Duration,
    /// The selected item's pinned start (`HH:MM`; empty unpins).
    Pin,
    /// The selected item's note (empty removes it).
    Note,
}

impl Question for Ask {
    fn prompt(self) -> &'static str {
        match self {
            Ask::FreeTitle => "Title of the free item: ",
            Ask::Duration => "Minutes (90, 1:30, 45m): ",
            Ask::Pin => "Start at HH:MM (empty unpins): ",
            Ask::Note => "Note: ",
        }
    }
}

/// What has the builder's keys: the timetable, a question, the card picker, or the question
/// whether to save before leaving.
#[derive(Debug, Clone)]
pub enum Layer {
    Timetable,
    Prompt(Prompt<Ask>),
    Picker(Box<CardPicker>),
    Leaving,
}

/// An agenda open in the builder.
#[derive(Debug, Clone)]
pub struct AgendaBuilder {
    pub path: PathBuf,
    /// The file's text as read or last saved: what the writer edits.
    pub text: String,
    pub fingerprint: Fingerprint,
    pub agenda: Agenda,
    /// For each item, its table's index in `text` (`None` for an item added here).
    pub origins: Vec<Option<usize>>,
    pub list: ListState,
    pub dirty: bool,
    pub layer: Layer,
    /// The last thing done or gone wrong, shown under the timetable.
    pub status: Option<String>,
    /// Leave once the save asked for while leaving has gone through.
    pub leave_after_save: bool,
}

/// What the app should do after a builder update.
#[derive(Debug, Default)]
pub struct BuilderOutcome {
    pub effects: Vec<Effect>,
    pub close: bool,
    pub run: bool,
    pub export: bool,
}

impl AgendaBuilder {
    /// A builder on an agenda file's text, or the problems that keep it from being read.
    pub fn open(path: PathBuf, text: String, fingerprint: Fingerprint) -> Result<Self, String> {
        let agenda = parse_agenda(&path, &text).map_err(|problems| problems.to_string())?;
        let origins = (0..agenda.items.len()).map(Some).collect();
        Ok(AgendaBuilder {
            path,
            text,
            fingerprint,
            agenda,
            origins,
            list: ListState::default(),
            dirty: false,
            layer: Layer::Timetable,
            status: None,
            leave_after_save: false,
        })
    }

    /// The timetable as it stands now.
    pub fn timed(&self, library: &Library) -> TimedSession {
        timetable(library, &self.agenda, None)
    }

    /// The title of an item's card, or what the item is.
    pub fn item_title(library: &Library, item: &AgendaItem) -> String {
        match &item.kind {
            ItemKind::Card { card, .. } => match library.find(card.as_str(), None) {
                library::CardRef::Found(found) => found.card.title.clone(),
                library::CardRef::Missing => format!("{card} (missing card)"),
            },
            ItemKind::Break { .. } => "Break".to_string(),
            ItemKind::Free { title, .. } => title.clone(),
        }
    }

    /// Reacts to a command on the timetable.
    pub fn update(&mut self, command: Command, library: &Library, page: usize) -> BuilderOutcome {
        let mut outcome = BuilderOutcome::default();
        let len = self.agenda.items.len();
        let at = self.list.selected;
        match command {
            Command::Back => {
                if self.dirty {
                    self.layer = Layer::Leaving;
                } else {
                    outcome.close = true;
                }
            }
            Command::AgendaAddCard => {
                self.layer = Layer::Picker(Box::new(CardPicker::new(library)));
            }
            Command::AgendaAddBreak => self.insert(ItemKind::Break {
                minutes: Minutes(10),
            }),
            Command::AgendaAddFree => self.ask(Ask::FreeTitle),
            Command::AgendaMoveDown if at + 1 < len => self.swap(at, at + 1),
            Command::AgendaMoveUp if at > 0 && at < len => self.swap(at, at - 1),
            Command::AgendaLonger => self.change_minutes(library, 5),
            Command::AgendaShorter => self.change_minutes(library, -5),
            Command::AgendaDuration if at < len => self.ask(Ask::Duration),
            Command::AgendaPin if at < len => self.ask(Ask::Pin),
            Command::AgendaNote if at < len => self.ask(Ask::Note),
            Command::AgendaRemove if at < len => {
                self.agenda.items.remove(at);
                self.origins.remove(at);
                self.dirty = true;
                self.list.clamp(self.agenda.items.len());
            }
            Command::AgendaSave => outcome.effects.extend(self.save()),
            Command::AgendaRun => outcome.run = true,
            Command::AgendaExport => outcome.export = true,
            _ => {
                self.list.apply(command, len, page);
            }
        }
        outcome
    }

    /// Reacts to a command while leaving with unsaved changes: save, discard or stay.
    pub fn update_leaving(&mut self, command: Command) -> BuilderOutcome {
        let mut outcome = BuilderOutcome::default();
        match command {
            Command::AgendaSave => {
                self.leave_after_save = true;
                self.layer = Layer::Timetable;
                outcome.effects.extend(self.save());
            }
            Command::AgendaRemove => outcome.close = true,
            Command::Back => self.layer = Layer::Timetable,
            _ => {}
        }
        outcome
    }

    /// Answers the open question with what was typed (Enter).
    pub fn answer(&mut self) {
        let Layer::Prompt(prompt) = std::mem::replace(&mut self.layer, Layer::Timetable) else {
            return;
        };
        let text = prompt.answer();
        let at = self.list.selected;
        match prompt.ask {
            Ask::FreeTitle if !text.is_empty() => self.insert(ItemKind::Free {
                title: text,
                minutes: Minutes(10),
            }),
            Ask::FreeTitle => {}
            Ask::Duration => match parse_minutes(&text) {
                Ok(minutes) => self.set_minutes(at, minutes),
                Err(error) => self.status = Some(error.to_string()),
            },
            Ask::Pin if text.is_empty() => self.edit(at, |item| item.at = None),
            Ask::Pin => match NaiveTime::parse_from_str(&text, "%H:%M") {
                Ok(time) => self.edit(at, |item| item.at = Some(time)),
                Err(_) => {
                    self.status = Some(format!("cannot read {text:?} as a time: write HH:MM"));
                }
            },
            Ask::Note => {
                let note = (!text.is_empty()).then_some(text);
                self.edit(at, |item| item.note = note);
            }
        }
    }

    /// Adds the card the picker chose after the selected item.
    pub fn add_card(&mut self, reference: &str) {
        self.layer = Layer::Timetable;
        match CardRef::parse(reference) {
            Ok(card) => self.insert(ItemKind::Card {
                card,
                minutes: None,
                card_position: Position::START,
            }),
            Err(message) => self.status = Some(message),
        }
    }

    /// The save effect: the items written into the text as read.
    fn save(&mut self) -> Option<Effect> {
        match save_items(&self.text, &self.agenda.items, &self.origins) {
            Ok(contents) => Some(Effect::SaveAgenda {
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

    /// Takes the saved text as the new base; `Err` says why the save failed.
    pub fn saved(&mut self, result: Result<(String, Fingerprint), String>) -> bool {
        let leave = std::mem::take(&mut self.leave_after_save);
        match result {
            Ok((contents, fingerprint)) => {
                match AgendaBuilder::open(self.path.clone(), contents, fingerprint) {
                    Ok(fresh) => {
                        let selected = self.list;
                        *self = AgendaBuilder {
                            list: selected,
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

    fn ask(&mut self, ask: Ask) {
        let current = self.agenda.items.get(self.list.selected);
        let preset = match ask {
            Ask::Pin => current
                .and_then(|item| item.at)
                .map(|t| t.format("%H:%M").to_string()),
            Ask::Note => current.and_then(|item| item.note.clone()),
            Ask::FreeTitle | Ask::Duration => None,
        };
        self.layer = Layer::Prompt(Prompt::new(ask, preset));
    }

    fn insert(&mut self, kind: ItemKind) {
        let at = if self.agenda.items.is_empty() {
            0
        } else {
            (self.list.selected + 1).min(self.agenda.items.len())
        };
        self.agenda.items.insert(
            at,
            AgendaItem {
                kind,
                at: None,
                note: None,
                position: Position::START,
            },
        );
        self.origins.insert(at, None);
        self.list.selected = at;
        self.dirty = true;
    }

    fn swap(&mut self, a: usize, b: usize) {
        self.agenda.items.swap(a, b);
        self.origins.swap(a, b);
        self.list.selected = b;
        self.dirty = true;
    }

    fn edit(&mut self, at: usize, change: impl FnOnce(&mut AgendaItem)) {
        if let Some(item) = self.agenda.items.get_mut(at) {
            change(item);
            self.dirty = true;
        }
    }

    fn change_minutes(&mut self, library: &Library, delta: i64) {
        let at = self.list.selected;
        let timed = self.timed(library);
        let Some(row) = timed.timetable.rows.iter().find(|row| row.item == Some(at)) else {
            return;
        };
        let minutes = (i64::from(row.minutes.get()) + delta).max(0);
        self.set_minutes(at, Minutes(u32::try_from(minutes).unwrap_or(0)));
    }

    fn set_minutes(&mut self, at: usize, value: Minutes) {
        self.edit(at, |item| match &mut item.kind {
            ItemKind::Card { minutes, .. } => *minutes = Some(value),
            ItemKind::Break { minutes } | ItemKind::Free { minutes, .. } => *minutes = value,
        });
    }
}
