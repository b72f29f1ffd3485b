//! Forking, duplicating and renaming a card from the library screen, worked out in `update`
//! from the library the app holds. The effect then reads only the files it writes or changes,
//! never the whole library: with 100,000 cards a full load takes seconds.

use super::effects::EditEffect;
use super::fork_id::ForkIdPrompt;
use crate::tui::app::{App, Popup};
use crate::tui::effect::Effect;
use crate::tui::views::ask::AskPopup;

impl App {
    /// Forks the pack card `reference` into my cards and opens the copy; when one of my cards
    /// has its id, asks for a new one first (as the pack browser does).
    pub(crate) fn fork_pack_card(&mut self, reference: &str) -> Vec<Effect> {
        let prompt = self
            .library
            .find_index(reference, None)
            .and_then(|index| ForkIdPrompt::for_card(&self.library, &self.library.cards[index]));
        if let Some(prompt) = prompt {
            self.popups.push(Popup::Ask(AskPopup::fork_id(prompt)));
            return Vec::new();
        }
        self.fork_as(reference, None)
    }

    /// The answer to the fork-id question: the fork under the new id, or the question again
    /// saying why the id was refused.
    pub(crate) fn answer_fork_id(&mut self, prompt: ForkIdPrompt) -> Vec<Effect> {
        match prompt.answer(&self.library) {
            Ok((reference, id)) => self.fork_as(&reference, Some(&id)),
            Err(prompt) => {
                self.popups.push(Popup::Ask(AskPopup::fork_id(prompt)));
                Vec::new()
            }
        }
    }

    fn fork_as(&mut self, reference: &str, id: Option<&str>) -> Vec<Effect> {
        match crate::pack::fork::plan_fork(&self.library, reference, id) {
            Ok(plan) => vec![Effect::Editing(EditEffect::Fork(plan))],
            Err(error) => self.not_done(error.to_string()),
        }
    }

    /// Copies the card `reference` to a new card of mine titled `title`, and opens the copy.
    pub(crate) fn duplicate_card(&mut self, reference: &str, title: &str) -> Vec<Effect> {
        match crate::duplicate::plan_duplicate(&self.library, reference, title) {
            Ok(plan) => vec![Effect::Editing(EditEffect::Duplicate(plan))],
            Err(error) => self.not_done(error.to_string()),
        }
    }

    /// Renames my card `old` to `new`, with every reference to it.
    pub(crate) fn rename_card(&mut self, old: &str, new: &str) -> Vec<Effect> {
        match crate::rename::plan_rename(&self.library, old, new) {
            Ok(plan) => vec![Effect::Editing(EditEffect::Rename(plan))],
            Err(error) => self.not_done(error.to_string()),
        }
    }

    /// Says why a card operation was refused, as a failed effect would.
    fn not_done(&mut self, problem: String) -> Vec<Effect> {
        self.show_message("Not done", problem);
        Vec::new()
    }
}
