//! Forking a pack card whose id one of my cards has: my card is never replaced, so the fork
//! asks for a new id, prefilled with the first free `<id>-N`, and checks the answer before
//! forking. The pack browser and the library ask with this one question.

use crate::card::is_valid_id;
use crate::library::{Library, LibraryCard};
use crate::tui::action::TextEdit;
use crate::tui::widgets::text_input::TextInput;

/// The question: which card is forked, the id typed so far, and why the last one was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForkIdPrompt {
    /// The pack card's qualified id (`pack/id`).
    pub reference: String,
    pub input: TextInput,
    pub problem: Option<String>,
}

impl ForkIdPrompt {
    /// The question for forking `card`, or `None` when none of my cards has its id and the
    /// fork can keep it.
    pub fn for_card(library: &Library, card: &LibraryCard) -> Option<ForkIdPrompt> {
        let id = &card.card.id;
        if !own_id_taken(library, id) {
            return None;
        }
        let free = (2..)
            .map(|n| format!("{id}-{n}"))
            .find(|candidate| !own_id_taken(library, candidate))
            .unwrap_or_default();
        let mut input = TextInput::default();
        for c in free.chars() {
            input.apply(TextEdit::Insert(c));
        }
        Some(ForkIdPrompt {
            reference: card.qualified_id(),
            input,
            // Short enough for one line of a 40-column box.
            problem: Some(format!("You have {id:?}: pick a new id.")),
        })
    }

    /// The id typed when it is usable and none of my cards has it; otherwise the question
    /// again, saying why.
    pub fn answer(self, library: &Library) -> Result<(String, String), ForkIdPrompt> {
        let id = self.input.text().trim().to_string();
        let refused = if !is_valid_id(&id) {
            format!("{id:?} is not a usable id: use lowercase letters, digits and dashes.")
        } else if own_id_taken(library, &id) {
            format!("You have a card {id:?} already: pick another id.")
        } else {
            return Ok((self.reference, id));
        };
        Err(ForkIdPrompt {
            problem: Some(refused),
            ..self
        })
    }
}

/// Whether one of my own cards has the id `id`.
fn own_id_taken(library: &Library, id: &str) -> bool {
    library.cards.iter().any(|c| c.is_own() && c.card.id == id)
}
