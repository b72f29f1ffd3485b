//! What `App::update` asks the outside world to do. `update` itself does no I/O: it returns
//! effects, the runtime carries them out, and their results come back as actions.

use std::path::PathBuf;

// Ticks and answers on checklists (#6).
pub use super::readiness::{CardSave, StateSave};

/// A side effect for the runtime to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read the library at this folder again; answered by `Action::LibraryLoaded`.
    LoadLibrary(PathBuf),
    /// Read a text file to show it; answered by `Action::FileRead`.
    ReadFile(PathBuf),
    // Agenda builder and run mode.
    /// Read an agenda file for the builder; answered by `Action::AgendaOpened`.
    OpenAgenda(PathBuf),
    /// Save an agenda unless it changed on disk since it was read; answered by
    /// `Action::AgendaSaved`.
    SaveAgenda {
        path: PathBuf,
        expected: crate::store::Fingerprint,
        contents: String,
    },
    /// Write exported files (atomically); answered by `Action::AgendaExported`.
    WriteExports(Vec<(PathBuf, String)>),
    /// Create a new agenda file, refusing one that exists; answered by
    /// `Action::AgendaCreated`.
    CreateAgenda { path: PathBuf, text: String },
    // Pack browser.
    /// Install, remove or fork, or read install records; answered by `Action::Pack`.
    Pack(super::pack_jobs::PackEffect),
    // Ticks and answers on checklists (#6).
    /// Save an own card changed by a tick or an answer; answered by `Action::CardSaved`.
    SaveCard(CardSave),
    /// Save the personal readiness state (ticks on pack cards); answered by
    /// `Action::ReadinessSaved`.
    SaveReadiness(StateSave),
    /// Read the personal readiness state of the library at this folder; answered by
    /// `Action::ReadinessLoaded`.
    LoadReadiness(PathBuf),
    // Cards read on demand (#9).
    /// Read these lean cards whole (position in `Library::cards`, path, source); answered by
    /// `Action::CardsRead`.
    ReadCards(Vec<(usize, PathBuf, crate::library::CardSource)>),
    /// Match a query of the search pane (off the input thread when there is a worker);
    /// answered by `Action::SearchResults`.
    Search(super::search_worker::SearchJob),
}
