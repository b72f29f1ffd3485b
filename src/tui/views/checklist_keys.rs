//! Where the checklist pane's commands go: `c` opens the selected card's checklist from the
//! card list, the preview or a card full screen; in the pane and its answer window the
//! commands go to their own update functions. The prep list (`r` in the agenda builder) and
//! the offer window (`O` in the library) are routed here too.

use super::preview::Subject;
use crate::tui::app::{App, Screen};
use crate::tui::command::{Command, Context};
use crate::tui::effect::Effect;

impl App {
    /// The card the user looks at: the one selected in the library, or shown full screen.
    pub fn card_in_view(&self) -> Option<usize> {
        let subject = match self.screens.last() {
            Some(Screen::Card(card)) => Some(card.subject.clone()),
            Some(_) => None,
            None => self.browser.subject(&self.library),
        };
        match subject {
            Some(Subject::Card(index)) => Some(index),
            _ => None,
        }
    }

    /// Runs a command of the checklist pane and its windows; `None` for commands that are
    /// someone else's.
    pub fn checklist_command(&mut self, command: Command, context: Context) -> Option<Vec<Effect>> {
        match context {
            Context::Answer => Some(self.answer_update(command)),
            Context::Checklist => Some(self.checklist_update(command)),
            Context::Cards | Context::Preview | Context::CardView
                if command == Command::Checklist =>
            {
                if let Some(card) = self.card_in_view() {
                    self.open_checklist(card);
                }
                Some(Vec::new())
            }
            // The prep list and the offer window (#6).
            Context::Prep => Some(self.prep_update(command)),
            Context::Offer => Some(self.offer_update(command)),
            Context::Builder if command == Command::PrepList => {
                self.open_prep();
                Some(Vec::new())
            }
            Context::Sources | Context::Cards | Context::Preview if command == Command::Offer => {
                self.open_offer();
                Some(Vec::new())
            }
            _ => None,
        }
    }
}
