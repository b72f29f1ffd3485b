//! Which key runs which command, where. A pure resolver: a key and the focused context in, a
//! command out. The bottom line's hints and the help window read the same table, so what they
//! say is always what the keys do.
//!
//! The table is checked when it is built: two commands on one key in one context, or a way out
//! (back, quit) that only plain characters reach where typing goes into a text field, are
//! problems reported before the app runs, not surprises while it does.

use std::collections::BTreeMap;

use super::command::{Command, Context};
use super::event::KeyPress;

/// Commands and their keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: BTreeMap<Command, Vec<KeyPress>>,
}

/// Something wrong with a key table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapProblem {
    /// One key runs two commands in the same context.
    Conflict {
        context: Context,
        key: KeyPress,
        commands: [Command; 2],
    },
    /// A way out has no key that works in a context: every key it has is a plain character,
    /// which a text field takes as text.
    Unreachable { command: Command, context: Context },
}

impl KeymapProblem {
    /// The commands involved, to point at their lines in the config file.
    pub fn commands(&self) -> Vec<Command> {
        match self {
            KeymapProblem::Conflict { commands, .. } => commands.to_vec(),
            KeymapProblem::Unreachable { command, .. } => vec![*command],
        }
    }
}

impl std::fmt::Display for KeymapProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeymapProblem::Conflict {
                context,
                key,
                commands: [a, b],
            } => write!(
                f,
                "the key {key} is bound to both {} and {} in the {} pane",
                a.name(),
                b.name(),
                context.title()
            ),
            KeymapProblem::Unreachable { command, context } => write!(
                f,
                "{} needs a key that is not a plain character: in the {} pane typing goes into \
                 the text field (add one like \"esc\" or \"ctrl-c\")",
                command.name(),
                context.title()
            ),
        }
    }
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::defaults()
    }
}

impl Keymap {
    /// The built-in table. Its keys are literals checked by a test, so parsing cannot fail.
    pub fn defaults() -> Keymap {
        let bindings = Command::ALL
            .iter()
            .map(|&command| {
                let keys = command
                    .default_keys()
                    .iter()
                    .filter_map(|text| text.parse().ok())
                    .collect();
                (command, keys)
            })
            .collect();
        Keymap { bindings }
    }

    /// Gives a command new keys, replacing its old ones.
    pub fn rebind(&mut self, command: Command, keys: Vec<KeyPress>) {
        self.bindings.insert(command, keys);
    }

    /// All keys of a command.
    pub fn keys(&self, command: Command) -> &[KeyPress] {
        self.bindings.get(&command).map_or(&[], Vec::as_slice)
    }

    /// The keys of a command that work in a context (a plain character is text in a text field).
    pub fn keys_in(&self, command: Command, context: Context) -> Vec<KeyPress> {
        if !command.applies_in(context) {
            return Vec::new();
        }
        self.keys(command)
            .iter()
            .copied()
            .filter(|key| !(context.takes_text() && key.typed_char().is_some()))
            .collect()
    }

    /// The command a key runs in a context, if any.
    pub fn resolve(&self, key: KeyPress, context: Context) -> Option<Command> {
        if context.takes_text() && key.typed_char().is_some() {
            return None;
        }
        Command::ALL
            .iter()
            .copied()
            .filter(|command| command.applies_in(context))
            .find(|&command| self.keys(command).contains(&key))
    }

    /// Every command that works in a context, with its keys there, in help order.
    pub fn bindings_in(&self, context: Context) -> Vec<(Command, Vec<KeyPress>)> {
        Command::ALL
            .iter()
            .map(|&command| (command, self.keys_in(command, context)))
            .filter(|(_, keys)| !keys.is_empty())
            .collect()
    }

    /// Everything wrong with the table; empty when it is sound.
    pub fn problems(&self) -> Vec<KeymapProblem> {
        let mut problems = Vec::new();
        for context in Context::ALL {
            let mut seen: BTreeMap<KeyPress, Command> = BTreeMap::new();
            for &command in Command::ALL {
                for key in self.keys_in(command, context) {
                    match seen.get(&key) {
                        Some(&other) if other != command => {
                            problems.push(KeymapProblem::Conflict {
                                context,
                                key,
                                commands: [other, command],
                            });
                        }
                        _ => {
                            seen.insert(key, command);
                        }
                    }
                }
            }
            for command in [Command::Back, Command::Quit] {
                if command.applies_in(context) && self.keys_in(command, context).is_empty() {
                    problems.push(KeymapProblem::Unreachable { command, context });
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::event::script;

    fn key(text: &str) -> KeyPress {
        text.parse().unwrap()
    }

    #[test]
    fn the_default_table_is_sound() {
        for &command in Command::ALL {
            for text in command.default_keys() {
                assert!(text.parse::<KeyPress>().is_ok(), "{command:?}: {text}");
            }
        }
        assert_eq!(Keymap::defaults().problems(), Vec::new());
    }

    #[test]
    fn resolves_keys_by_context() {
        use Command as C;
        use Context as X;
        let keymap = Keymap::defaults();
        let table: &[(&str, Context, Option<Command>)] = &[
            ("j", X::Cards, Some(C::Down)),
            ("down", X::Cards, Some(C::Down)),
            ("k", X::Sources, Some(C::Up)),
            ("enter", X::Cards, Some(C::Open)),
            ("tab", X::Sources, Some(C::NextPane)),
            ("shift-tab", X::Preview, Some(C::PreviousPane)),
            ("/", X::Cards, Some(C::Search)),
            ("?", X::CardView, Some(C::Help)),
            ("q", X::CardView, Some(C::Quit)),
            ("G", X::CardView, Some(C::Bottom)),
            ("g", X::Preview, Some(C::Top)),
            ("pagedown", X::CardView, Some(C::PageDown)),
            ("esc", X::CardView, Some(C::Back)),
            ("esc", X::Sources, None),
            ("tab", X::CardView, None),
            // In a text field, characters are text...
            ("j", X::Search, None),
            ("q", X::Search, None),
            ("?", X::Help, None),
            // ...and the other keys still work.
            ("down", X::Search, Some(C::Down)),
            ("ctrl-n", X::Search, Some(C::Down)),
            ("enter", X::Search, Some(C::Open)),
            ("esc", X::Search, Some(C::Back)),
            ("f1", X::Search, Some(C::Help)),
            ("ctrl-c", X::Help, Some(C::Quit)),
            ("esc", X::Message, Some(C::Back)),
            ("enter", X::Message, Some(C::Open)),
            ("x", X::Sources, None),
        ];
        for &(text, context, expected) in table {
            assert_eq!(
                keymap.resolve(key(text), context),
                expected,
                "{text} in {context:?}"
            );
        }
    }

    #[test]
    fn rebinding_replaces_the_old_keys() {
        let mut keymap = Keymap::defaults();
        keymap.rebind(Command::Search, vec![key("ctrl-f")]);
        assert_eq!(
            keymap.resolve(key("ctrl-f"), Context::Cards),
            Some(Command::Search)
        );
        assert_eq!(keymap.resolve(key("/"), Context::Cards), None);
        assert!(keymap.problems().is_empty());
    }

    #[test]
    fn conflicts_are_found_per_context() {
        let mut keymap = Keymap::defaults();
        keymap.rebind(Command::Search, vec![key("j")]);
        let problems = keymap.problems();
        assert!(problems.contains(&KeymapProblem::Conflict {
            context: Context::Cards,
            key: key("j"),
            commands: [Command::Search, Command::Down],
        }));
        let text = problems[0].to_string();
        assert!(text.contains("bound to both search and down"), "{text}");
    }

    #[test]
    fn a_way_out_needs_a_key_that_is_not_text() {
        let mut keymap = Keymap::defaults();
        keymap.rebind(Command::Back, vec![key("x")]);
        assert!(keymap.problems().contains(&KeymapProblem::Unreachable {
            command: Command::Back,
            context: Context::Search,
        }));
    }

    #[test]
    fn help_lists_only_keys_that_work_there() {
        let keymap = Keymap::defaults();
        let search = keymap.bindings_in(Context::Search);
        let (_, up_keys) = search.iter().find(|(c, _)| *c == Command::Up).unwrap();
        assert_eq!(up_keys, &script("<up><ctrl-p>"));
        assert!(search.iter().all(|(c, _)| *c != Command::NextPane));
    }
}
