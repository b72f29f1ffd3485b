//! What a user can bind to a key. Each command's doc comment *is* its help text: the
//! `commands!` macro keeps the comment and hands it to the help screen, so the two cannot drift.
//!
//! Commands are named in the config file in snake_case (`[keys] page_down = "ctrl-f"`); the
//! [`Context`] says where a command does something, and so where its keys are looked up.

use serde::{Deserialize, Serialize};

mod bindings;
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
