//! Forking from the pack browser: a pack card whose id one of my cards has is forked under a
//! new id the user types (the question the library's `f` asks too), never over my card.

use super::{PackMode, PackOutcome, PackScreen};
use crate::library::Library;
use crate::tui::command::Command;
use crate::tui::editor::fork_id::ForkIdPrompt;
use crate::tui::pack_jobs::PackEffect;

impl PackScreen {
    /// Forks a pack card; when one of my cards has its id (it is never replaced), asks for a
    /// new id first.
    pub(super) fn fork(&mut self, library: &Library, index: usize) -> PackOutcome {
        let Some(card) = library.cards.get(index) else {
            return PackOutcome::default();
        };
        if let Some(prompt) = ForkIdPrompt::for_card(library, card) {
            self.mode = asking(prompt);
            return PackOutcome::default();
        }
        self.say(format!("Forking {}…", card.qualified_id()));
        PackOutcome::run(PackEffect::Fork {
            root: library.root.clone(),
            reference: card.qualified_id(),
        })
    }

    /// A key while typing a fork's new id: Enter forks when the id is usable and free, Esc
    /// gives up.
    pub(super) fn update_fork_id(
        &mut self,
        command: Command,
        prompt: ForkIdPrompt,
        library: &Library,
    ) -> PackOutcome {
        match command {
            Command::Back => {
                self.say("Not forked; nothing changed.");
                PackOutcome::default()
            }
            Command::Open => match prompt.answer(library) {
                Ok((reference, id)) => {
                    self.say(format!("Forking {reference} as {id}…"));
                    PackOutcome::run(PackEffect::ForkAs {
                        root: library.root.clone(),
                        reference,
                        id,
                    })
                }
                Err(prompt) => {
                    self.mode = asking(prompt);
                    PackOutcome::default()
                }
            },
            _ => {
                self.mode = asking(prompt);
                PackOutcome::default()
            }
        }
    }
}

/// The pack browser asking `prompt`.
fn asking(prompt: ForkIdPrompt) -> PackMode {
    PackMode::ForkId {
        reference: prompt.reference,
        input: prompt.input,
        problem: prompt.problem,
    }
}
