//! How the app opens the conflict pane, hands it its keys, and takes in the written
//! resolution. Kept beside the pane;
//! `app_input.rs` decides when the pane has the keys.

use super::{ConflictOutcome, ConflictScreen, origin_path};
use crate::pack::conflict::{MergeConflict, Side, resolve};
use crate::store::Fingerprint;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::command::{Command, Context};
use crate::tui::effect::Effect;

/// Writing a resolution: the conflict as shown, the card's fingerprint as loaded (`None` when
/// the card is gone), and the side taken. Run by the runtime; answered by
/// `Action::ConflictResolved`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictResolve {
    pub conflict: Box<MergeConflict>,
    pub expected: Option<Fingerprint>,
    pub side: Side,
}

impl ConflictResolve {
    /// Saves the card (checked and atomic) and removes the conflict file.
    pub fn run(self) -> Action {
        Action::ConflictResolved(
            resolve(&self.conflict, self.expected, self.side).map_err(|error| error.to_string()),
        )
    }
}

impl App {
    /// Opens the conflict of the card in view, or of the selected pack, or the first one.
    pub(crate) fn show_conflict(&mut self, context: Context) -> Vec<Effect> {
        let conflicts = &self.library.conflicts;
        let of_card = self
            .card_in_view()
            .and_then(|index| self.library.cards.get(index))
            .and_then(|card| self.library.conflict_of(&card.path));
        let of_pack = match self.screens.last() {
            Some(Screen::Packs(packs)) => packs
                .selected_pack(&self.library)
                .and_then(|name| conflicts.iter().find(|c| c.pack.as_deref() == Some(name))),
            _ => None,
        };
        let chosen = match context {
            Context::PackList | Context::PackCards => of_pack,
            _ => of_card,
        }
        .or_else(|| conflicts.first());
        let Some(conflict) = chosen else {
            self.show_message(
                "Merge conflicts",
                "No merge conflicts: every forked card is up to date with its pack.",
            );
            return Vec::new();
        };
        let path = conflict.path.clone();
        let read = origin_path(&self.library, &path).map(Effect::ReadFile);
        let mut screen = ConflictScreen::new(path);
        screen.scroll.offset = super::render::first_conflict_offset(
            &screen,
            &self.library,
            &self.files,
            self.main_area(),
        );
        self.screens.push(Screen::Conflict(Box::new(screen)));
        read.into_iter().collect()
    }

    /// A key of the conflict pane.
    pub(crate) fn conflict_command(&mut self, command: Command) -> Vec<Effect> {
        let main = self.main_area();
        let Some(Screen::Conflict(screen)) = self.screens.last_mut() else {
            return Vec::new();
        };
        match screen.update(command, &self.library, &self.files, main) {
            ConflictOutcome::Nothing => Vec::new(),
            ConflictOutcome::Close => {
                self.screens.pop();
                Vec::new()
            }
            ConflictOutcome::ReadOrigin => origin_path(&self.library, &screen.path)
                .map(Effect::ReadFile)
                .into_iter()
                .collect(),
            ConflictOutcome::Resolve(side) => {
                let path = screen.path.clone();
                self.resolve_effect(&path, side)
            }
        }
    }

    fn resolve_effect(&mut self, path: &std::path::Path, side: Side) -> Vec<Effect> {
        let Some(conflict) = self.library.conflicts.iter().find(|c| c.path == path) else {
            return Vec::new();
        };
        let card = self
            .library
            .cards
            .iter()
            .find(|card| card.is_own() && card.path == conflict.card_path);
        let broken = self
            .library
            .broken
            .iter()
            .any(|file| file.path == conflict.card_path);
        if card.is_none() && broken {
            let name = self.library.display_path(&conflict.card_path).display();
            let text = format!(
                "Not resolved: your card {name} cannot be read now. Fix it (see Problems in the library), or resolve the .conflict.md by hand."
            );
            self.show_message("Merge conflict", text);
            return Vec::new();
        }
        vec![Effect::ResolveConflict(ConflictResolve {
            conflict: Box::new(conflict.clone()),
            expected: card.map(|card| card.fingerprint),
            side,
        })]
    }

    /// The resolution was written (the conflict pane closes and the library is read again),
    /// or not (the pane stays, and says why).
    pub(crate) fn conflict_resolved(&mut self, result: Result<String, String>) -> Vec<Effect> {
        match result {
            Ok(said) => {
                if matches!(self.screens.last(), Some(Screen::Conflict(_))) {
                    self.screens.pop();
                }
                self.show_message("Merge conflict", said);
                vec![Effect::LoadLibrary(self.library.root.clone())]
            }
            Err(error) => {
                self.show_message("Merge conflict", format!("Not resolved: {error}"));
                Vec::new()
            }
        }
    }
}
