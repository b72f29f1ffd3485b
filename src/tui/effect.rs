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
    /// Editing cards (#5): answered by `Action::Editing`.
    Editing(super::editor::effects::EditEffect),
    // The prep list, the offer window and plan readiness (#6).
    /// Write an offer into `folder` as `<stem>-<date>.txt` (`-2`, `-3`... when that exists:
    /// an earlier offer is never overwritten); answered by `Action::OfferWritten`.
    WriteOffer {
        folder: PathBuf,
        stem: String,
        text: String,
    },
    /// Read the user's agenda and course files for their readiness figures; answered by
    /// `Action::PlansRead`.
    ReadPlans(Vec<PathBuf>),
    // Merge conflicts left by a pack update (#8).
    /// Write a conflict's resolution over the card and remove the conflict file; answered by
    /// `Action::ConflictResolved`.
    ResolveConflict(super::views::conflict::ConflictResolve),
    // Course planner and using a card in the open agenda (#7).
    /// Read a course file for the planner; answered by `Action::CourseOpened`.
    OpenCourse(PathBuf),
    /// Save a course unless it changed on disk since it was read; answered by
    /// `Action::CourseSaved`.
    SaveCourse {
        path: PathBuf,
        expected: crate::store::Fingerprint,
        contents: String,
    },
    /// Append a card to an agenda file that is not open in the builder; answered by
    /// `Action::AddedToAgenda`.
    AddToAgenda { path: PathBuf, card: String },
    // The session log (#7).
    /// Read an agenda's session log (`start` for one not written yet); answered by
    /// `Action::LogLoaded`.
    LoadLog {
        root: PathBuf,
        agenda: PathBuf,
        title: String,
        start: Box<crate::log::SessionLog>,
    },
    /// Save a session log over the version read; answered by `Action::LogSaved`.
    SaveLog(Box<crate::log::LoadedLog>),
    /// Find the latest log of a mentee, other than this agenda's; answered by
    /// `Action::LastLogFound`.
    FindLastLog {
        root: PathBuf,
        agenda: PathBuf,
        mentee: String,
    },
    // Cards read on demand (#9).
    /// Read these lean cards whole (position in `Library::cards`, path, source); answered by
    /// `Action::CardsRead`.
    ReadCards(Vec<(usize, PathBuf, crate::library::CardSource)>),
    /// Match a query of the search pane (off the input thread when there is a worker);
    /// answered by `Action::SearchResults`.
    Search(super::search_worker::SearchJob),
}
