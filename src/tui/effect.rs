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
    // Ticks and answers on checklists (#6).
    /// Save an own card changed by a tick or an answer; answered by `Action::CardSaved`.
    SaveCard(CardSave),
    /// Save the personal readiness state (ticks on pack cards); answered by
    /// `Action::ReadinessSaved`.
    SaveReadiness(StateSave),
    /// Read the personal readiness state of the library at this folder; answered by
    /// `Action::ReadinessLoaded`.
    LoadReadiness(PathBuf),
}
