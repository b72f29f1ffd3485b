//! Where each command applies and which keys it has by default: the tables the keymap, the
//! help screen and the hints are built from.

use serde::Deserialize;

use super::{Command, Context};
use Context::{
    CardView, Cards, Editor, Help as HelpWindow, Message, Preview, Search as SearchBox, Sources,
};
// Agenda builder and run mode.
use Context::{
    Builder, BuilderLeave, BuilderPrompt, CardPicker, NewAgenda as NewAgendaWindow, Run as RunMode,
};
// The checklist pane and its windows (#6).
use Context::{Answer as AnswerWindow, Checklist as ChecklistPane};

const LIBRARY: &[Context] = &[Sources, Cards, Preview];
const BROWSING: &[Context] = &[Sources, Cards, Preview, CardView];
const SCROLLING: &[Context] = &[
    Sources,
    Cards,
    Preview,
    CardView,
    SearchBox,
    HelpWindow,
    Message,
    Builder,
    CardPicker,
    NewAgendaWindow,
    ChecklistPane,
];

impl Command {
    /// Where the command does something.
    pub fn contexts(self) -> &'static [Context] {
        match self {
            Command::Quit => &Context::ALL,
            Command::Help => &[
                Sources,
                Cards,
                Preview,
                CardView,
                SearchBox,
                Builder,
                RunMode,
                ChecklistPane,
                Editor,
            ],
            Command::Search => BROWSING,
            Command::Back => &[
                Cards,
                Preview,
                CardView,
                SearchBox,
                HelpWindow,
                Message,
                Builder,
                BuilderPrompt,
                CardPicker,
                BuilderLeave,
                RunMode,
                NewAgendaWindow,
                ChecklistPane,
                AnswerWindow,
                Editor,
            ],
            Command::Open => &[
                Sources,
                Cards,
                Preview,
                SearchBox,
                Message,
                BuilderPrompt,
                CardPicker,
                NewAgendaWindow,
            ],
            Command::NextPane
            | Command::PreviousPane
            | Command::PaneLeft
            | Command::PaneRight
            | Command::Reload => LIBRARY,
            Command::Up | Command::Down | Command::PageUp | Command::PageDown => SCROLLING,
            Command::Top | Command::Bottom => BROWSING,
            // The checklist pane and its windows (#6).
            Command::Checklist => &[Cards, Preview, CardView],
            Command::Tick
            | Command::MakeConcrete
            | Command::AddItem
            | Command::EditItem
            | Command::MoveItemDown
            | Command::MoveItemUp
            | Command::RemoveItem => &[ChecklistPane],
            Command::SaveAnswer | Command::NewLine => &[AnswerWindow],
            // Agenda builder and run mode.
            Command::AgendaSave | Command::AgendaRemove => &[Builder, BuilderLeave],
            Command::AgendaLonger => &[Builder, RunMode],
            Command::AgendaAddCard
            | Command::AgendaAddBreak
            | Command::AgendaAddFree
            | Command::AgendaMoveDown
            | Command::AgendaMoveUp
            | Command::AgendaShorter
            | Command::AgendaDuration
            | Command::AgendaPin
            | Command::AgendaNote
            | Command::AgendaRun
            | Command::AgendaExport => &[Builder],
            Command::RunSkip | Command::RunPause => &[RunMode],
            Command::NewAgenda => LIBRARY,
            // Pack browser.
            Command::Packs => LIBRARY,
            Command::InstallPack => &[Context::PackList, Context::PackCards],
            Command::RemovePack => &[Context::PackList],
            // Editing cards (#5).
            Command::NewCard => &[Cards, Preview],
            Command::EditCard => &[Cards, Preview, CardView],
            Command::SaveCard => &[Editor],
            Command::ExternalEdit => &[Cards, Preview, CardView],
            // One fork: from the library and from the pack browser's card list.
            Command::ForkCard => &[Cards, Preview, CardView, Context::PackCards],
            Command::RenameCard | Command::DeleteCard => &[Cards, Preview, CardView],
            Command::UndoDelete => &[Cards, Preview],
            Command::DuplicateCard => &[Cards, Preview, CardView],
            // The prep list and the offer window (#6).
            Command::PrepList => &[Builder],
            Command::Offer => LIBRARY,
            Command::OfferToggleCard | Command::OfferVariant | Command::OfferSave => {
                &[Context::Offer]
            }
            // Merge conflicts left by a pack update (#8).
            Command::ShowConflict => &[
                Cards,
                Preview,
                CardView,
                Context::PackList,
                Context::PackCards,
            ],
            Command::KeepMine | Command::TakeUpstream | Command::ToggleOrigin => {
                &[Context::Conflict]
            }
            // Course planner and using a card in the open agenda (#7).
            Command::CourseAddSession
            | Command::CourseCopySession
            | Command::CourseDeleteSession
            | Command::CourseUndo
            | Command::CourseBump
            | Command::CourseRhythm
            | Command::CourseWhen => &[Context::CoursePlanner],
            Command::CourseSave => &[Context::CoursePlanner, Context::CourseLeave],
            Command::CourseDiscard => &[Context::CourseLeave],
            Command::AddToAgenda => &[Cards, Preview, CardView, Context::PackCards],
            // The session log (#7).
            Command::AgendaLog => &[Builder, RunMode],
            Command::LogSave => &[Context::LogWindow],
            // The export window (#7).
            Command::ExportWrite => &[Context::ExportWindow],
        }
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
                // The offer window (#6).
                | Command::OfferSave
                // Resolving a merge conflict (#8).
                | Command::KeepMine
                | Command::TakeUpstream
                // The course planner, the log, the export window, adding to an agenda (#7).
                | Command::CourseSave
                | Command::LogSave
                | Command::ExportWrite
                | Command::AddToAgenda
        )
    }

    /// Whether the command does something in `context`.
    pub fn applies_in(self, context: Context) -> bool {
        self.contexts().contains(&context)
            || pack_browser_applies(self, context)
            // The prep list and the offer window (#6).
            || prep_and_offer_apply(self, context)
            // Course planner (#7).
            || course_applies(self, context)
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
            // The checklist pane and its windows (#6).
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
            // Agenda builder and run mode.
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
            // Pack browser.
            Command::Packs => &["p"],
            Command::InstallPack => &["i"],
            Command::RemovePack => &["D"],
            // Editing cards (#5).
            Command::NewCard => &["n"],
            Command::EditCard => &["e"],
            Command::SaveCard => &["ctrl-s"],
            Command::ExternalEdit => &["E"],
            Command::ForkCard => &["f"],
            Command::RenameCard => &["f2"],
            Command::DeleteCard => &["x"],
            Command::UndoDelete => &["u"],
            Command::DuplicateCard => &["y"],
            // The prep list and the offer window (#6).
            Command::PrepList => &["r"],
            Command::Offer => &["O"],
            Command::OfferToggleCard => &["space"],
            Command::OfferVariant => &["tab"],
            Command::OfferSave => &["ctrl-s"],
            // Merge conflicts left by a pack update (#8).
            Command::ShowConflict => &["M"],
            Command::KeepMine => &["m"],
            Command::TakeUpstream => &["t"],
            Command::ToggleOrigin => &["o"],
            // Course planner and using a card in the open agenda (#7).
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
            // The session log (#7).
            Command::AgendaLog => &["L"],
            Command::LogSave => &["ctrl-s"],
            // The export window (#7).
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

/// Pack browser: the shared commands (moving, opening, going back, help, search) in its
/// contexts. Kept apart from `contexts` so the pack browser's additions stay in one place.
fn pack_browser_applies(command: Command, context: Context) -> bool {
    use Command as C;
    match context {
        Context::PackList | Context::PackCards => matches!(
            command,
            C::Help
                | C::Search
                | C::Back
                | C::Open
                | C::Up
                | C::Down
                | C::PageUp
                | C::PageDown
                | C::Top
                | C::Bottom
        ),
        Context::PackPath => matches!(command, C::Open | C::Back),
        Context::PackConfirm => command == C::Back,
        // Merge conflicts and forking under a new id (#8).
        Context::Conflict => matches!(
            command,
            C::Help | C::Back | C::Up | C::Down | C::PageUp | C::PageDown | C::Top | C::Bottom
        ),
        Context::PackForkId => matches!(command, C::Open | C::Back),
        _ => false,
    }
}

/// The prep list and the offer window (#6): the shared commands (moving, opening, going back,
/// help) in their contexts, kept apart like the pack browser's.
fn prep_and_offer_apply(command: Command, context: Context) -> bool {
    use Command as C;
    let moving = matches!(
        command,
        C::Help | C::Back | C::Up | C::Down | C::PageUp | C::PageDown | C::Top | C::Bottom
    );
    match context {
        Context::Prep => moving || command == C::Open,
        Context::Offer => moving,
        _ => false,
    }
}

/// Course planner (#7): the shared commands (moving, opening a session, going back, help) in
/// its contexts, kept apart like the pack browser's.
fn course_applies(command: Command, context: Context) -> bool {
    use Command as C;
    match context {
        Context::CoursePlanner => {
            matches!(command, C::Help | C::Back | C::Open | C::Up | C::Down)
        }
        Context::CoursePrompt => matches!(command, C::Open | C::Back),
        Context::CourseLeave => command == C::Back,
        // The session log window (#7).
        Context::LogWindow => matches!(command, C::Up | C::Down | C::Open | C::Back),
        // The export window (#7).
        Context::ExportWindow => matches!(
            command,
            C::Up | C::Down | C::PaneLeft | C::PaneRight | C::Back
        ),
        _ => false,
    }
}
