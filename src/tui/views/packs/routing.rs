//! How the app hands the pack browser its keys and its jobs' results. Kept beside the pack
//! browser; `app_input.rs` decides when the browser has the keys.

use super::PackOutcome;
use crate::tui::app::{App, Screen};
use crate::tui::effect::Effect;
use crate::tui::pack_jobs::{PackAction, PackEffect};
use crate::tui::views::card_view::CardScreen;

impl App {
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
