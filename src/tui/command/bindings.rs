//! Where each command applies and which keys it has by default: a table of commands per
//! context, from which the keymap, the help screen and the hints are built.

use serde::Deserialize;

use super::{Command, Context};
use Command::*;

/// Moving up and down a list or a text, by a line or a page.
const MOVE: &[Command] = &[Up, Down, PageUp, PageDown];
/// Moving, and to either end.
const MOVE_ENDS: &[Command] = &[Up, Down, PageUp, PageDown, Top, Bottom];
/// Going from pane to pane on the library screen.
const PANES: &[Command] = &[NextPane, PreviousPane, PaneLeft, PaneRight];
/// The library screen's own commands, wherever its focus is.
const LIBRARY: &[Command] = &[Reload, NewAgenda, Packs, Offer];
/// What can be done with the card in view, in the library or full screen.
const CARD: &[Command] = &[
    Checklist,
    EditCard,
    ExternalEdit,
    ForkCard,
    RenameCard,
    DeleteCard,
    DuplicateCard,
    ShowConflict,
    AddToAgenda,
];
/// A question with a text field: Enter answers, Esc cancels.
const QUESTION: &[Command] = &[Open, Back];

impl Context {
    /// The commands that do something here, in groups; `Quit` works everywhere besides.
    /// Adding a pane is one arm.
    fn commands(self) -> &'static [&'static [Command]] {
        match self {
            Context::Sources => &[&[Help, Search, Open], PANES, MOVE_ENDS, LIBRARY],
            Context::Cards | Context::Preview => &[
                &[Help, Search, Back, Open, NewCard, UndoDelete],
                PANES,
                MOVE_ENDS,
                LIBRARY,
                CARD,
            ],
            Context::CardView => &[&[Help, Search, Back], MOVE_ENDS, CARD],
            Context::Search => &[&[Help, Back, Open], MOVE],
            Context::Help => &[&[Back], MOVE],
            Context::Message => &[&[Back, Open], MOVE],
            Context::Builder => &[
                &[Help, Back, PrepList, AgendaLog],
                MOVE,
                &[
                    AgendaSave,
                    AgendaAddCard,
                    AgendaAddBreak,
                    AgendaAddFree,
                    AgendaMoveDown,
                    AgendaMoveUp,
                    AgendaLonger,
                    AgendaShorter,
                    AgendaDuration,
                    AgendaPin,
                    AgendaNote,
                    AgendaRemove,
                    AgendaRun,
                    AgendaExport,
                ],
            ],
            Context::BuilderPrompt => &[QUESTION],
            Context::CardPicker => &[QUESTION, MOVE],
            Context::BuilderLeave => &[&[Back, AgendaSave, AgendaRemove]],
            Context::Run => &[&[Help, Back, AgendaLonger, RunSkip, RunPause, AgendaLog]],
            Context::NewAgenda => &[&[Back, Open], MOVE],
            Context::PackList => &[
                &[
                    Help,
                    Search,
                    Back,
                    Open,
                    InstallPack,
                    RemovePack,
                    ShowConflict,
                ],
                MOVE_ENDS,
            ],
            Context::PackCards => &[
                &[
                    Help,
                    Search,
                    Back,
                    Open,
                    InstallPack,
                    ForkCard,
                    ShowConflict,
                ],
                &[AddToAgenda],
                MOVE_ENDS,
            ],
            Context::PackPath | Context::PackForkId => &[QUESTION],
            // y and n are typed; Esc is the only command.
            Context::PackConfirm => &[&[Back]],
            Context::Checklist => &[
                &[Help, Back],
                MOVE,
                &[
                    Tick,
                    MakeConcrete,
                    AddItem,
                    EditItem,
                    MoveItemDown,
                    MoveItemUp,
                    RemoveItem,
                ],
            ],
            Context::Answer => &[&[Back, SaveAnswer, NewLine]],
            Context::Editor => &[&[Help, Back, SaveCard]],
            Context::Prep => &[&[Help, Back, Open], MOVE_ENDS],
            Context::Offer => &[
                &[Help, Back, OfferToggleCard, OfferVariant, OfferSave],
                MOVE_ENDS,
            ],
            Context::Conflict => &[
                &[Help, Back, KeepMine, TakeUpstream, ToggleOrigin],
                MOVE_ENDS,
            ],
            Context::CoursePlanner => &[
                &[Help, Back, Open, Up, Down],
                &[
                    CourseAddSession,
                    CourseCopySession,
                    CourseDeleteSession,
                    CourseUndo,
                    CourseBump,
                    CourseRhythm,
                    CourseWhen,
                    CourseSave,
                ],
            ],
            Context::CoursePrompt => &[QUESTION],
            Context::CourseLeave => &[&[Back, CourseSave, CourseDiscard]],
            Context::LogWindow => &[&[Back, Open, Up, Down, LogSave]],
            Context::ExportWindow => &[&[Back, Up, Down, PaneLeft, PaneRight, ExportWrite]],
        }
    }
}

impl Command {
    /// Where the command does something.
    pub fn contexts(self) -> Vec<Context> {
        Context::ALL
            .into_iter()
            .filter(|&context| self.applies_in(context))
            .collect()
    }

    /// Whether the command writes to the library by design (a save, a tick, an install, a
    /// new or forked card…), either at once or once the question it asks is answered. Every
    /// other command leaves the user's files as they are; the random-input test holds the
    /// app to that.
    pub fn writes(self) -> bool {
        matches!(
            self,
            Command::AgendaSave
                | Command::AgendaExport
                | Command::NewAgenda
                | Command::InstallPack
                | Command::RemovePack
                | Command::ForkCard
                | Command::Tick
                | Command::AddItem
                | Command::EditItem
                | Command::MoveItemDown
                | Command::MoveItemUp
                | Command::RemoveItem
                | Command::SaveAnswer
                | Command::NewCard
                | Command::EditCard
                | Command::SaveCard
                | Command::ExternalEdit
                | Command::RenameCard
                | Command::DeleteCard
                | Command::UndoDelete
                | Command::DuplicateCard
                | Command::OfferSave
                | Command::KeepMine
                | Command::TakeUpstream
                | Command::CourseSave
                | Command::LogSave
                | Command::ExportWrite
                | Command::AddToAgenda
        )
    }

    /// Whether the command does something in `context`.
    pub fn applies_in(self, context: Context) -> bool {
        self == Quit || context.commands().iter().any(|group| group.contains(&self))
    }

    /// The keys a command has until the config file says otherwise.
    pub fn default_keys(self) -> &'static [&'static str] {
        match self {
            Command::Quit => &["q", "ctrl-c"],
            Command::Help => &["?", "f1"],
            Command::Search => &["/"],
            Command::Back => &["esc"],
            Command::Open => &["enter"],
            Command::NextPane => &["tab"],
            Command::PreviousPane => &["shift-tab"],
            Command::PaneLeft => &["left", "h"],
            Command::PaneRight => &["right", "l"],
            Command::Up => &["up", "k", "ctrl-p"],
            Command::Down => &["down", "j", "ctrl-n"],
            Command::PageUp => &["pageup"],
            Command::PageDown => &["pagedown"],
            Command::Top => &["g", "home"],
            Command::Bottom => &["G", "end"],
            Command::Reload => &["r"],
            // The checklist pane and its windows.
            Command::Checklist => &["c"],
            Command::Tick => &["space"],
            Command::MakeConcrete => &["m"],
            Command::AddItem => &["A"],
            Command::EditItem => &["I"],
            Command::MoveItemDown => &["J"],
            Command::MoveItemUp => &["K"],
            Command::RemoveItem => &["x"],
            Command::SaveAnswer => &["enter", "ctrl-s"],
            // Some terminals never send alt-enter; ctrl-j is the newline they all send.
            Command::NewLine => &["alt-enter", "ctrl-j"],
            // The agenda builder and run mode.
            Command::AgendaSave => &["ctrl-s"],
            Command::AgendaAddCard => &["a"],
            Command::AgendaAddBreak => &["b"],
            Command::AgendaAddFree => &["i"],
            Command::AgendaMoveDown => &["J", "shift-down"],
            Command::AgendaMoveUp => &["K", "shift-up"],
            Command::AgendaLonger => &["+"],
            Command::AgendaShorter => &["-"],
            Command::AgendaDuration => &["t"],
            Command::AgendaPin => &["p"],
            Command::AgendaNote => &["o"],
            Command::AgendaRemove => &["x"],
            Command::AgendaRun => &["R"],
            Command::AgendaExport => &["X"],
            Command::RunSkip => &["n"],
            Command::RunPause => &["p"],
            Command::NewAgenda => &["N"],
            // The pack browser.
            Command::Packs => &["p"],
            Command::InstallPack => &["i"],
            Command::RemovePack => &["D"],
            // Editing cards.
            Command::NewCard => &["n"],
            Command::EditCard => &["e"],
            Command::SaveCard => &["ctrl-s"],
            Command::ExternalEdit => &["E"],
            Command::ForkCard => &["f"],
            Command::RenameCard => &["f2"],
            Command::DeleteCard => &["x"],
            Command::UndoDelete => &["u"],
            Command::DuplicateCard => &["y"],
            // The prep list and the offer window.
            Command::PrepList => &["r"],
            Command::Offer => &["O"],
            Command::OfferToggleCard => &["space"],
            Command::OfferVariant => &["tab"],
            Command::OfferSave => &["ctrl-s"],
            // Merge conflicts left by a pack update.
            Command::ShowConflict => &["M"],
            Command::KeepMine => &["m"],
            Command::TakeUpstream => &["t"],
            Command::ToggleOrigin => &["o"],
            // Course planner and using a card in the open agenda.
            Command::CourseAddSession => &["a"],
            Command::CourseCopySession => &["y"],
            Command::CourseDeleteSession => &["x"],
            Command::CourseUndo => &["u"],
            Command::CourseBump => &["b"],
            Command::CourseRhythm => &["w"],
            Command::CourseWhen => &["d"],
            Command::CourseSave => &["ctrl-s"],
            Command::CourseDiscard => &["x"],
            Command::AddToAgenda => &["a"],
            // The session log.
            Command::AgendaLog => &["L"],
            Command::LogSave => &["ctrl-s"],
            // The export window.
            Command::ExportWrite => &["enter"],
        }
    }

    /// The name used in the config file (`page_down`).
    pub fn name(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => name,
            // A unit variant always serializes to its name; keep the Debug form if it ever does not.
            _ => format!("{self:?}"),
        }
    }

    /// The command a config file names, if any.
    pub fn from_name(name: &str) -> Option<Command> {
        use serde::de::IntoDeserializer;
        let deserializer: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        Command::deserialize(deserializer).ok()
    }
}
