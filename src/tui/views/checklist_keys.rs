//! The card the user looks at, which `c` opens the checklist of (and the offer window and the
//! conflict pane start from). Where the checklist's keys go is decided in `app_input.rs`.

use super::preview::Subject;
use crate::tui::app::{App, Screen};

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
}
