//! How the app hands the pack browser its keys and its jobs' results. Kept beside the pack
//! browser so `app.rs` only gains one line per place it routes to it.

use super::PackOutcome;
use crate::tui::action::TextEdit;
use crate::tui::app::{App, Screen};
use crate::tui::effect::Effect;
use crate::tui::pack_jobs::{PackAction, PackEffect};
use crate::tui::views::card_view::CardScreen;

impl App {
    /// Whether the pack browser is on top and nothing covers it.
    pub(crate) fn pack_screen_has_keys(&self) -> bool {
        self.popups.is_empty() && matches!(self.screens.last(), Some(Screen::Packs(_)))
    }

    /// A text edit goes to the path field, or answers a question (y or n).
    pub(crate) fn pack_edit(&mut self, edit: TextEdit) -> Vec<Effect> {
        match self.screens.last_mut() {
            Some(Screen::Packs(packs)) => {
                let outcome = packs.edit(edit, &self.library);
                self.pack_outcome(outcome)
            }
            _ => Vec::new(),
        }
    }

    /// Applies what the pack browser asked for: close, show a card, run effects.
    pub(crate) fn pack_outcome(&mut self, outcome: PackOutcome) -> Vec<Effect> {
        if outcome.close {
            self.screens.pop();
        }
        if let Some(subject) = outcome.open {
            self.screens.push(Screen::Card(CardScreen::new(subject)));
        }
        outcome.effects
    }

    /// A job's report goes to the pack browser; when it has been closed meanwhile, a finished
    /// job still reloads what it changed and says how it went.
    pub(crate) fn pack_action(&mut self, action: PackAction) -> Vec<Effect> {
        let root = self.library.root.clone();
        let open = self
            .screens
            .iter_mut()
            .rev()
            .find_map(|screen| match screen {
                Screen::Packs(packs) => Some(packs),
                _ => None,
            });
        match (open, action) {
            (Some(packs), action) => packs.apply(action, root),
            (None, PackAction::Done { lines, changed, .. }) => {
                self.show_message("Packs", lines.join("\n"));
                if changed {
                    vec![Effect::LoadLibrary(root)]
                } else {
                    Vec::new()
                }
            }
            (None, PackAction::Ask { pending, .. }) => {
                vec![Effect::Pack(PackEffect::Discard(pending))]
            }
            (None, _) => Vec::new(),
        }
    }
}
