//! What a user can bind to a key. Each command's doc comment *is* its help text: the
//! `commands!` macro keeps the comment and hands it to the help screen, so the two cannot drift.
//!
//! Commands are named in the config file in snake_case (`[keys] page_down = "ctrl-f"`); the
//! [`Context`] says where a command does something, and so where its keys are looked up.

use serde::{Deserialize, Serialize};

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
        // Editing cards (#5).
        /// Write a new card: asks for its title, then opens it in the editor.
        NewCard,
        /// Edit the card in the app (a pack card is forked into your cards first).
        EditCard,
        /// Save the card being edited.
        SaveCard,
        /// Edit the card's file in $VISUAL or $EDITOR, then reload it and say what changed.
        ExternalEdit,
        /// Fork the pack card into your cards, to adapt it, and open your copy.
        ForkCard,
        /// Rename the card's id: its file and every agenda, course and prerequisite naming it.
        RenameCard,
        /// Move the card to the library's trash.
        DeleteCard,
        /// Bring back the card deleted last in this session.
        UndoDelete,
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
    /// The card editor and its questions (#5): keys not bound here are typed into the editor.
    Editor,
}

impl Context {
    /// Every context, for checks that go over all of them.
    pub const ALL: [Context; 8] = [
        Context::Sources,
        Context::Cards,
        Context::Preview,
        Context::CardView,
        Context::Search,
        Context::Help,
        Context::Message,
        Context::Editor,
    ];

    /// Contexts with a text field: plain characters are text there, never commands.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Search | Context::Help | Context::Editor)
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
            Context::Editor => "Editor",
        }
    }
}

use Context::{
    CardView, Cards, Editor, Help as HelpWindow, Message, Preview, Search as SearchBox, Sources,
};

const LIBRARY: &[Context] = &[Sources, Cards, Preview];
const BROWSING: &[Context] = &[Sources, Cards, Preview, CardView];
const SCROLLING: &[Context] = &[
    Sources, Cards, Preview, CardView, SearchBox, HelpWindow, Message,
];

impl Command {
    /// Where the command does something.
    pub fn contexts(self) -> &'static [Context] {
        match self {
            Command::Quit => &Context::ALL,
            Command::Help => &[Sources, Cards, Preview, CardView, SearchBox, Editor],
            Command::Search => BROWSING,
            Command::Back => &[
                Cards, Preview, CardView, SearchBox, HelpWindow, Message, Editor,
            ],
            Command::Open => &[Sources, Cards, Preview, SearchBox, Message],
            Command::NextPane
            | Command::PreviousPane
            | Command::PaneLeft
            | Command::PaneRight
            | Command::Reload => LIBRARY,
            Command::Up | Command::Down | Command::PageUp | Command::PageDown => SCROLLING,
            Command::Top | Command::Bottom => BROWSING,
            // Editing cards (#5).
            Command::NewCard => &[Cards, Preview],
            Command::EditCard => &[Cards, Preview, CardView],
            Command::SaveCard => &[Editor],
            Command::ExternalEdit | Command::ForkCard => &[Cards, Preview, CardView],
            Command::RenameCard | Command::DeleteCard => &[Cards, Preview, CardView],
            Command::UndoDelete => &[Cards, Preview],
        }
    }

    /// Whether the command does something in `context`.
    pub fn applies_in(self, context: Context) -> bool {
        self.contexts().contains(&context)
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
            // Editing cards (#5).
            Command::NewCard => &["n"],
            Command::EditCard => &["e"],
            Command::SaveCard => &["ctrl-s"],
            Command::ExternalEdit => &["E"],
            Command::ForkCard => &["f"],
            Command::RenameCard => &["f2"],
            Command::DeleteCard => &["x"],
            Command::UndoDelete => &["u"],
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

/// One entry of the bottom line: the first key of each command, then what they do here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HintGroup {
    pub commands: &'static [Command],
    pub label: &'static str,
}

const fn hint(commands: &'static [Command], label: &'static str) -> HintGroup {
    HintGroup { commands, label }
}

/// The few keys that matter in a context, most important first; the bottom line shows as many
/// as fit.
pub fn hint_groups(context: Context) -> &'static [HintGroup] {
    use Command as C;
    const MOVE: HintGroup = hint(&[C::Up, C::Down], "move");
    const SCROLL: HintGroup = hint(&[C::Up, C::Down], "scroll");
    const SEARCH: HintGroup = hint(&[C::Search], "search");
    const KEYS: HintGroup = hint(&[C::Help], "keys");
    const QUIT: HintGroup = hint(&[C::Quit], "quit");
    const BACK: HintGroup = hint(&[C::Back], "back");
    const PANE: HintGroup = hint(&[C::NextPane], "pane");
    const OPEN: HintGroup = hint(&[C::Open], "open");
    const LIST: &[HintGroup] = &[MOVE, OPEN, PANE, SEARCH, KEYS, QUIT];
    const PREVIEW: &[HintGroup] = &[
        SCROLL,
        hint(&[C::Open], "full screen"),
        PANE,
        SEARCH,
        KEYS,
        QUIT,
    ];
    const CARD: &[HintGroup] = &[
        SCROLL,
        hint(&[C::PageDown], "page"),
        BACK,
        SEARCH,
        KEYS,
        QUIT,
    ];
    const SEARCHING: &[HintGroup] = &[MOVE, OPEN, BACK, KEYS];
    const HELP: &[HintGroup] = &[SCROLL, hint(&[C::Back], "close")];
    const MESSAGE: &[HintGroup] = &[hint(&[C::Open, C::Back], "close")];
    const EDITOR: &[HintGroup] = &[hint(&[C::SaveCard], "save"), BACK, KEYS, QUIT];
    match context {
        Sources | Cards => LIST,
        Preview => PREVIEW,
        CardView => CARD,
        SearchBox => SEARCHING,
        HelpWindow => HELP,
        Message => MESSAGE,
        Editor => EDITOR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
