//! What a user can bind to a key. Each command's doc comment *is* its help text: the
//! `commands!` macro keeps the comment and hands it to the help screen, so the two cannot drift.
//!
//! Commands are named in the config file in snake_case (`[keys] page_down = "ctrl-f"`); the
//! [`Context`] says where a command does something, and so where its keys are looked up.

use serde::{Deserialize, Serialize};

mod hints;

pub use hints::{HintGroup, hint_groups};

/// Declares the command enum and keeps each variant's doc comment as its help text.
macro_rules! commands {
    ($(#[$meta:meta])* pub enum $name:ident {
        $( $(#[doc = $doc:literal])+ $variant:ident, )*
    }) => {
        $(#[$meta])*
        pub enum $name {
            $( $(#[doc = $doc])+ $variant, )*
        }

        impl $name {
            /// Every command, in the order the help screen lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The help text: the variant's doc comment.
            pub fn help(self) -> &'static str {
                match self {
                    $( $name::$variant => concat!($($doc),+).trim_ascii(), )*
                }
            }
        }
    };
}

commands! {
    /// A command a key can be bound to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Command {
        /// Quit skillbook.
        Quit,
        /// Show every key of the current pane.
        Help,
        /// Search all cards by title, tool, tags, summary and text.
        Search,
        /// Go back: close the card, the search or this window.
        Back,
        /// Open the selected source, card or search result.
        Open,
        /// Move to the next pane.
        NextPane,
        /// Move to the previous pane.
        PreviousPane,
        /// Move to the pane on the left.
        PaneLeft,
        /// Move to the pane on the right.
        PaneRight,
        /// Move the selection up, or scroll up.
        Up,
        /// Move the selection down, or scroll down.
        Down,
        /// Move or scroll up by a page.
        PageUp,
        /// Move or scroll down by a page.
        PageDown,
        /// Go to the top.
        Top,
        /// Go to the bottom.
        Bottom,
        /// Read the library again from disk.
        Reload,
        // Agenda builder and run mode.
        /// Save the agenda.
        AgendaSave,
        /// Add a card to the agenda, picked by fuzzy search.
        AgendaAddCard,
        /// Add a break after the selected item.
        AgendaAddBreak,
        /// Add a free item (asks for its title).
        AgendaAddFree,
        /// Move the selected item down.
        AgendaMoveDown,
        /// Move the selected item up.
        AgendaMoveUp,
        /// Give the item five more minutes.
        AgendaLonger,
        /// Take five minutes from the selected item.
        AgendaShorter,
        /// Type the selected item's length (90, 1:30, 45m).
        AgendaDuration,
        /// Pin or unpin the selected item's start time.
        AgendaPin,
        /// Write a note for the selected item.
        AgendaNote,
        /// Remove the selected item (or discard changes when leaving).
        AgendaRemove,
        /// Run the agenda as a timer.
        AgendaRun,
        /// Export: choose the visit card, handout, run-sheet, calendar, mail text or all.
        AgendaExport,
        /// Skip to the next item.
        RunSkip,
        /// Pause the timer, or go on.
        RunPause,
        /// Start a new agenda: office visit, coffee meeting or blank.
        NewAgenda,
        // Pack browser.
        /// Open the pack browser: packs, their cards, install, remove and fork.
        Packs,
        /// Install a pack from a folder, an archive or a git URL typed in the pane.
        InstallPack,
        /// Remove the selected installed pack (asks first).
        RemovePack,
        // The checklist pane and make it concrete (#6).
        /// Open the selected card's checklist.
        Checklist,
        /// Tick or untick the selected checklist item.
        Tick,
        /// Make the selected default item concrete: answer the question behind it.
        MakeConcrete,
        /// Add an item of your own to the card's checklist.
        AddItem,
        /// Edit the text of the selected item of your own.
        EditItem,
        /// Move the selected item of your own down.
        MoveItemDown,
        /// Move the selected item of your own up.
        MoveItemUp,
        /// Remove the selected item of your own (asks first).
        RemoveItem,
        /// Write the answer into the card and tick the item.
        SaveAnswer,
        /// Start a new line in the answer.
        NewLine,
        // Editing cards (#5).
        /// Write a new card: asks for its title, then opens it in the editor.
        NewCard,
        /// Edit the card in the app (a pack card is forked into your cards first).
        EditCard,
        /// Save the card being edited.
        SaveCard,
        /// Edit the card's file in $VISUAL or $EDITOR, then reload it and say what changed.
        ExternalEdit,
        /// Fork the pack card into your cards, to adapt it.
        ForkCard,
        /// Rename the card's id: its file and every agenda, course and prerequisite naming it.
        RenameCard,
        /// Move the card to the library's trash.
        DeleteCard,
        /// Bring back the card deleted last in this session.
        UndoDelete,
        /// Copy the card to a new card of yours under a new title.
        DuplicateCard,
        // The prep list and the offer window (#6).
        /// Open the agenda's prep list: every open checklist item, and what to bring.
        PrepList,
        /// Draft an invitation or a LinkedIn note from your ready cards.
        Offer,
        /// Take the selected card into the offer, or leave it out.
        OfferToggleCard,
        /// Switch between the invitation and the LinkedIn note.
        OfferVariant,
        /// Write the offer into the library's offers folder.
        OfferSave,
        // Merge conflicts left by a pack update (#8).
        /// Show the merge conflict of the selected card (or the first one) side by side.
        ShowConflict,
        /// Resolve the conflict: keep your text wherever both sides changed.
        KeepMine,
        /// Resolve the conflict: take the pack's new text wherever both sides changed.
        TakeUpstream,
        /// Show the pack's original text (before the update) beside yours, or the new one again.
        ToggleOrigin,
        // Course planner and using a card in the open agenda (#7).
        /// Add a session on the next free date of the rhythm.
        CourseAddSession,
        /// Copy the selected session to the next free date of the rhythm.
        CourseCopySession,
        /// Delete the selected session (u brings it back while the planner is open).
        CourseDeleteSession,
        /// Bring back the last deleted session.
        CourseUndo,
        /// Bump the selected session: it and every later one move to the next free dates.
        CourseBump,
        /// Set the rhythm: a weekday and a time, like "tuesday 16:00".
        CourseRhythm,
        /// Set the selected session's date and time.
        CourseWhen,
        /// Save the course.
        CourseSave,
        /// Leave without saving the changes.
        CourseDiscard,
        /// Add the selected card to the open agenda.
        AddToAgenda,
        // The session log (#7).
        /// Write the session log: covered, what they will try, what to bring next time.
        AgendaLog,
        /// Save the session log.
        LogSave,
        // The export window (#7).
        /// Write the chosen export into the library's exports folder.
        ExportWrite,
    }
}

/// Where keys are looked up: the pane or window that has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// The list of sources: my cards, packs, agendas, courses.
    Sources,
    /// The list of cards (or files) of the selected source.
    Cards,
    /// The preview beside the card list.
    Preview,
    /// A card shown full screen.
    CardView,
    /// The search box and its results.
    Search,
    /// The key help window.
    Help,
    /// A message window.
    Message,
    // Agenda builder and run mode.
    /// The agenda builder's timetable.
    Builder,
    /// A question the agenda builder asks (a title, minutes, a time, a note).
    BuilderPrompt,
    /// The agenda builder's card picker.
    CardPicker,
    /// Leaving the agenda builder with unsaved changes.
    BuilderLeave,
    /// Run mode: the agenda as a timer.
    Run,
    /// The new agenda window: a start to pick and a title to type.
    NewAgenda,
    // Pack browser.
    /// The list of packs.
    PackList,
    /// The cards of one pack.
    PackCards,
    /// Typing where to install a pack from.
    PackPath,
    /// A yes/no question of the pack browser.
    PackConfirm,
    // The checklist pane and its windows (#6).
    /// A card's checklist.
    Checklist,
    /// The make-it-concrete window (and the own item's text).
    Answer,
    /// The card editor and its questions (#5): keys not bound here are typed into the editor.
    Editor,
    // The prep list and the offer window (#6).
    /// An agenda's prep list.
    Prep,
    /// The offer window.
    Offer,
    // Merge conflicts and forking under a new id (#8).
    /// A merge conflict shown side by side.
    Conflict,
    /// Typing the new id of a pack card forked beside a card of mine.
    PackForkId,
    // Course planner (#7).
    /// The course planner: a course's sessions.
    CoursePlanner,
    /// A question the course planner asks (the rhythm, a session's date).
    CoursePrompt,
    /// Leaving the course planner with unsaved changes.
    CourseLeave,
    // The session log (#7).
    /// The session log window.
    LogWindow,
    // The export window (#7).
    /// The export window: what to export, and the format.
    ExportWindow,
}

impl Context {
    /// Every context, for checks that go over all of them.
    pub const ALL: [Context; 29] = [
        Context::Sources,
        Context::Cards,
        Context::Preview,
        Context::CardView,
        Context::Search,
        Context::Help,
        Context::Message,
        // Agenda builder and run mode.
        Context::Builder,
        Context::BuilderPrompt,
        Context::CardPicker,
        Context::BuilderLeave,
        Context::Run,
        Context::NewAgenda,
        // Pack browser.
        Context::PackList,
        Context::PackCards,
        Context::PackPath,
        Context::PackConfirm,
        // The checklist pane and its windows (#6).
        Context::Checklist,
        Context::Answer,
        Context::Editor,
        // The prep list and the offer window (#6).
        Context::Prep,
        Context::Offer,
        // Merge conflicts and forking under a new id (#8).
        Context::Conflict,
        Context::PackForkId,
        // Course planner (#7).
        Context::CoursePlanner,
        Context::CoursePrompt,
        Context::CourseLeave,
        // The session log (#7).
        Context::LogWindow,
        // The export window (#7).
        Context::ExportWindow,
    ];

    /// Contexts with a text field: plain characters are text there, never commands.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Search
                | Context::Help
                | Context::BuilderPrompt
                | Context::CardPicker
                | Context::NewAgenda
        )
            // Pack browser: the path field, and y/n answered as typed characters.
            || matches!(self, Context::PackPath | Context::PackConfirm)
            // The checklist pane's answer window.
            || self == Context::Answer
            // The card editor: keys not bound there are typed into it (#5).
            || self == Context::Editor
            // The new id of a fork (#8).
            || self == Context::PackForkId
            // Course planner (#7): its questions.
            || self == Context::CoursePrompt
            // The session log window (#7).
            || self == Context::LogWindow
    }

    /// The name the help window shows.
    pub fn title(self) -> &'static str {
        match self {
            Context::Sources => "Sources",
            Context::Cards => "Cards",
            Context::Preview => "Preview",
            Context::CardView => "Card",
            Context::Search => "Search",
            Context::Help => "Help",
            Context::Message => "Message",
            // Agenda builder and run mode.
            Context::Builder => "Agenda",
            Context::BuilderPrompt => "Question",
            Context::CardPicker => "Add a card",
            Context::BuilderLeave => "Unsaved changes",
            Context::Run => "Run",
            Context::NewAgenda => "New agenda",
            // Pack browser.
            Context::PackList => "Packs",
            Context::PackCards => "Pack cards",
            Context::PackPath => "Install from",
            Context::PackConfirm => "Confirm",
            // The checklist pane and its windows (#6).
            Context::Checklist => "Checklist",
            Context::Answer => "Answer",
            Context::Editor => "Editor",
            // The prep list and the offer window (#6).
            Context::Prep => "Prep list",
            Context::Offer => "Offer",
            // Merge conflicts and forking under a new id (#8).
            Context::Conflict => "Merge conflict",
            Context::PackForkId => "Fork as",
            // Course planner (#7).
            Context::CoursePlanner => "Course",
            Context::CoursePrompt => "Question",
            Context::CourseLeave => "Unsaved changes",
            // The session log (#7).
            Context::LogWindow => "Session log",
            // The export window (#7).
            Context::ExportWindow => "Export",
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_saving_command_is_known_to_write() {
        for &command in Command::ALL {
            if command.name().contains("save") {
                assert!(command.writes(), "{command:?} saves but writes() says no");
            }
        }
    }

    #[test]
    fn every_command_has_help_text_and_a_config_name() {
        for &command in Command::ALL {
            assert!(!command.help().is_empty(), "{command:?}");
            assert!(
                command.help().ends_with('.'),
                "{command:?}: {}",
                command.help()
            );
            assert_eq!(Command::from_name(&command.name()), Some(command));
            assert!(!command.contexts().is_empty());
        }
        assert_eq!(Command::PageDown.name(), "page_down");
        assert_eq!(Command::from_name("PageDown"), None);
    }

    #[test]
    fn hints_name_only_commands_that_apply_there() {
        for context in Context::ALL {
            for group in hint_groups(context) {
                for command in group.commands {
                    assert!(command.applies_in(context), "{command:?} in {context:?}");
                }
            }
        }
    }
}
