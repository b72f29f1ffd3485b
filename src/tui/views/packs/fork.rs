//! Forking from the pack browser: a pack card whose id one of my cards has is forked under a
//! new id the user types (prefilled with the first free `<id>-N`), never over my card (#8).

use super::{PackMode, PackOutcome, PackScreen};
use crate::card::is_valid_id;
use crate::library::Library;
use crate::tui::action::TextEdit;
use crate::tui::command::Command;
use crate::tui::pack_jobs::PackEffect;
use crate::tui::widgets::text_input::TextInput;

impl PackScreen {
    /// Forks a pack card; when one of my cards has its id (it is never replaced), asks for a
    /// new id first, prefilled with the first free `<id>-N` (#8).
    pub(super) fn fork(&mut self, library: &Library, index: usize) -> PackOutcome {
        let Some(card) = library.cards.get(index) else {
            return PackOutcome::default();
        };
        let id = &card.card.id;
        if own_id_taken(library, id) {
            let free = (2..)
                .map(|n| format!("{id}-{n}"))
                .find(|candidate| !own_id_taken(library, candidate))
                .unwrap_or_default();
            let mut input = TextInput::default();
            for c in free.chars() {
                input.apply(TextEdit::Insert(c));
            }
            self.mode = PackMode::ForkId {
                reference: card.qualified_id(),
                input,
                // Short enough for one line of a 40-column box; mine is never replaced.
                problem: Some(format!("You have {id:?}: pick a new id.")),
            };
            return PackOutcome::default();
        }
        self.say(format!("Forking {}…", card.qualified_id()));
        PackOutcome::run(PackEffect::Fork {
            root: library.root.clone(),
            reference: card.qualified_id(),
        })
    }

    /// A key while typing a fork's new id: Enter forks when the id is usable and free, Esc
    /// gives up (#8).
    pub(super) fn update_fork_id(
        &mut self,
        command: Command,
        reference: String,
        input: TextInput,
        problem: Option<String>,
        library: &Library,
    ) -> PackOutcome {
        match command {
            Command::Back => {
                self.say("Not forked; nothing changed.");
                PackOutcome::default()
            }
            Command::Open => {
                let id = input.text().trim().to_string();
                let refused = if !is_valid_id(&id) {
                    Some(format!(
                        "{id:?} is not a usable id: use lowercase letters, digits and dashes."
                    ))
                } else if own_id_taken(library, &id) {
                    Some(format!("You have a card {id:?} already: pick another id."))
                } else {
                    None
                };
                if let Some(refused) = refused {
                    self.mode = PackMode::ForkId {
                        reference,
                        input,
                        problem: Some(refused),
                    };
                    return PackOutcome::default();
                }
                self.say(format!("Forking {reference} as {id}…"));
                PackOutcome::run(PackEffect::ForkAs {
                    root: library.root.clone(),
                    reference,
                    id,
                })
            }
            _ => {
                self.mode = PackMode::ForkId {
                    reference,
                    input,
                    problem,
                };
                PackOutcome::default()
            }
        }
    }
}

/// Whether one of my own cards has the id `id` (#8).
fn own_id_taken(library: &Library, id: &str) -> bool {
    library.cards.iter().any(|c| c.is_own() && c.card.id == id)
}
