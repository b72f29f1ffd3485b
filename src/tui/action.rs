//! What `App::update` reacts to: a command from the keymap, an edit of the focused text field,
//! the mouse, a resize, or the result of an effect the runtime ran.

use std::path::PathBuf;

use super::command::Command;
use super::event::MousePoint;
use crate::library::Library;
// Ticks and answers on checklists (#6).
use crate::checklist::ReadinessState;
use crate::library::LibraryCard;

/// One thing that happened, for the app to update its state by.
#[derive(Debug, Clone)]
pub enum Action {
    /// A bound key was pressed.
    Command(Command),
    /// A key that edits the focused text field.
    Edit(TextEdit),
    /// A left click.
    Click(MousePoint),
    /// A wheel turn at a point; `down` when scrolling towards the end.
    Scroll { at: MousePoint, down: bool },
    /// The terminal has a new size.
    Resize { width: u16, height: u16 },
    /// The library was read again from disk.
    LibraryLoaded(Box<Library>),
    /// A file the app asked for was read (or could not be: the error as text).
    FileRead {
        path: PathBuf,
        text: Result<String, String>,
    },
    // Agenda builder and run mode.
    /// An agenda file was read for the builder: its text and fingerprint, or why not.
    AgendaOpened {
        path: PathBuf,
        read: Result<(String, crate::store::Fingerprint), String>,
    },
    /// An agenda was saved (the text written and its fingerprint), or why not.
    AgendaSaved {
        path: PathBuf,
        saved: Result<(String, crate::store::Fingerprint), String>,
    },
    /// Exported files were written (their paths), or why not.
    AgendaExported(Result<Vec<PathBuf>, String>),
    /// The clock: seconds since the app started. The runtime's tick sends it; tests send
    /// any reading they like.
    Tick(u64),
    /// A new agenda file was made, or why not.
    AgendaCreated {
        path: PathBuf,
        created: Result<(), String>,
    },
    // Pack browser.
    /// A pack job reported progress or finished.
    Pack(super::pack_jobs::PackAction),
    // Ticks and answers on checklists (#6).
    /// An own card was saved (the card as saved now), or could not be (why).
    CardSaved {
        path: PathBuf,
        result: Result<Box<LibraryCard>, String>,
    },
    /// The personal readiness state was saved, or could not be.
    ReadinessSaved(Result<Box<ReadinessState>, String>),
    /// The personal readiness state was read, or could not be.
    ReadinessLoaded(Result<Box<ReadinessState>, String>),
    // Editing cards (#5).
    /// A key the keymap left to the card editor or its question window.
    EditorKey(super::event::KeyPress),
    /// An editor effect ran.
    Editing(super::editor::effects::EditResult),
    /// The library watcher saw these files change on disk (#5).
    FilesChanged(Vec<PathBuf>),
    // The offer window and plan readiness (#6).
    /// An offer was written (the file's path), or could not be (why).
    OfferWritten(Result<PathBuf, String>),
    /// Agenda and course files were read: each one's text, or why it could not be read.
    PlansRead(Vec<(PathBuf, Result<String, String>)>),
    // Merge conflicts left by a pack update (#8).
    /// A conflict's resolution was written (what was done), or could not be (why).
    ConflictResolved(Result<String, String>),
    // Course planner and using a card in the open agenda (#7).
    /// A course file was read for the planner: its text and fingerprint, or why not.
    CourseOpened {
        path: PathBuf,
        read: Result<(String, crate::store::Fingerprint), String>,
    },
    /// A course was saved (the text written and its fingerprint), or why not.
    CourseSaved {
        path: PathBuf,
        saved: Result<(String, crate::store::Fingerprint), String>,
    },
    /// A card was appended to an agenda file (the agenda as saved), or why not.
    AddedToAgenda {
        path: PathBuf,
        result: Result<Box<crate::agenda::Agenda>, String>,
    },
    // The session log (#7).
    /// An agenda's session log was read (for the window titled `title`), or why not.
    LogLoaded {
        title: String,
        result: Result<Box<crate::log::LoadedLog>, String>,
    },
    /// A session log was saved, or why not.
    LogSaved(Result<Box<crate::log::LoadedLog>, String>),
    /// The latest log of an agenda's mentee, as a line for the builder's header.
    LastLogFound {
        agenda: PathBuf,
        summary: Option<String>,
    },
    // Loading in the background and cards read on demand (#9).
    /// Lean cards read whole (position, path, the card or why not).
    CardsRead(Vec<(usize, PathBuf, Result<Box<LibraryCard>, String>)>),
    /// The background load has this many of so many cards.
    LoadProgress { done: usize, total: usize },
    /// The background load finished: the whole library.
    BackgroundLoaded(Box<Library>),
    /// The search pane's results for the query `text`, matched off the input thread.
    SearchResults {
        text: String,
        /// The [`crate::search::SearchIndex::id`] matched on: results from an index since
        /// replaced (the library was reloaded meanwhile) point at old card positions.
        index: u64,
        hits: Vec<crate::search::Hit>,
    },
}

/// An edit of a one-line text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEdit {
    Insert(char),
    DeleteBack,
    DeleteForward,
    /// Delete the word before the cursor (ctrl-w).
    DeleteWord,
    /// Delete everything (ctrl-u).
    Clear,
    Left,
    Right,
    Home,
    End,
}

impl TextEdit {
    /// The edit a key makes in a text field, if any. Keys bound to commands never get here.
    pub fn for_key(key: super::event::KeyPress) -> Option<TextEdit> {
        use super::event::Key;
        if let Some(c) = key.typed_char() {
            return Some(TextEdit::Insert(c));
        }
        Some(match (key.key, key.ctrl) {
            (Key::Backspace, false) => TextEdit::DeleteBack,
            (Key::Delete, false) => TextEdit::DeleteForward,
            (Key::Char('w') | Key::Backspace, true) => TextEdit::DeleteWord,
            (Key::Char('u'), true) => TextEdit::Clear,
            (Key::Left, false) | (Key::Char('b'), true) => TextEdit::Left,
            (Key::Right, false) | (Key::Char('f'), true) => TextEdit::Right,
            (Key::Home, false) | (Key::Char('a'), true) => TextEdit::Home,
            (Key::End, false) | (Key::Char('e'), true) => TextEdit::End,
            _ => return None,
        })
    }
}
