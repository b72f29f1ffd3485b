//! What `App::update` asks the outside world to do. `update` itself does no I/O: it returns
//! effects, the runtime carries them out, and their results come back as actions.

use std::path::PathBuf;

/// A side effect for the runtime to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read the library at this folder again; answered by `Action::LibraryLoaded`.
    LoadLibrary(PathBuf),
    /// Read a text file to show it; answered by `Action::FileRead`.
    ReadFile(PathBuf),
    /// Editing cards (#5): answered by `Action::Editing`.
    Editing(super::editor::effects::EditEffect),
}
