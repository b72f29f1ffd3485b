//! The offer window (`O` in the library): the invitation or LinkedIn note that
//! `skillbook offer` drafts ([`crate::offer`]), with the cards it is made from. Ready cards
//! start chosen; `space` takes a card in or out and the text follows at once; `tab` switches
//! between the invitation and the LinkedIn note, whose length is shown against its limit in
//! words as well as colour; `ctrl-s` writes the text into the library's `offers/` folder (an
//! effect, never over an earlier offer) and shows where.
//!
//! State and update live here; drawing is in [`super::offer_draw`].

use std::path::{Path, PathBuf};

use crate::checklist::library_readiness;
use crate::library::Library;
use crate::offer::{Draft, Lang, OfferCard, OfferKind, common_lang, draft_offer};
use crate::tui::action::Action;
use crate::tui::app::{App, Popup};
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::widgets::list::ListState;

/// The offer window's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferWindow {
    /// The cards to choose from, by position in `Library::cards`, and whether each is in.
    pub cards: Vec<(usize, bool)>,
    /// The selected card.
    pub list: ListState,
    /// The invitation or the LinkedIn note.
    pub kind: OfferKind,
    /// How many lines of the text are scrolled off the top.
    pub scroll: usize,
    /// What the last save did: the file written, or why not.
    pub status: Option<Result<String, String>>,
}

impl OfferWindow {
    /// The window over a library: the cards whose readiness is the user's business (own cards
    /// and pack cards with a tick), ready ones chosen, and the card in view if it is not among
    /// them, not chosen.
    pub fn new(app: &App, in_view: Option<usize>) -> Self {
        let library = &app.library;
        let mut cards: Vec<(usize, bool)> = library_readiness(library, &app.readiness)
            .iter()
            .filter_map(|card| {
                let index = library
                    .cards
                    .iter()
                    .position(|c| std::ptr::eq(c, card.card))?;
                Some((index, card.readiness().is_ready()))
            })
            .collect();
        if let Some(index) = in_view
            && !cards.iter().any(|(card, _)| *card == index)
        {
            cards.push((index, false));
        }
        OfferWindow {
            cards,
            list: ListState::default(),
            kind: OfferKind::Invitation,
            scroll: 0,
            status: None,
        }
    }

    /// The chosen cards as the offer sees them, in list order.
    fn chosen(&self, library: &Library) -> Vec<OfferCard> {
        self.cards
            .iter()
            .filter(|(_, chosen)| *chosen)
            .filter_map(|(index, _)| library.cards.get(*index))
            .map(|card| OfferCard::of(&card.card).made_safe())
            .collect()
    }

    /// The draft of the chosen cards in their language, as `skillbook offer` writes it;
    /// `None` while no card is chosen.
    pub fn draft(&self, library: &Library) -> Option<(Draft, Lang, usize)> {
        let cards = self.chosen(library);
        if cards.is_empty() {
            return None;
        }
        let lang = common_lang(&cards);
        Some((draft_offer(&cards, self.kind, lang), lang, cards.len()))
    }
}

/// `1,300`: a count with thousands separated, as the limit is written.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (at, c) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl App {
    /// Opens the offer window.
    pub fn open_offer(&mut self) {
        let window = OfferWindow::new(self, self.card_in_view());
        self.popups.push(Popup::Offer(Box::new(window)));
    }

    /// Reacts to a command in the offer window.
    pub fn offer_update(&mut self, command: Command) -> Vec<Effect> {
        let Some(Popup::Offer(window)) = self.popups.last_mut() else {
            return Vec::new();
        };
        let len = window.cards.len();
        match command {
            Command::Back => {
                self.popups.pop();
            }
            Command::OfferToggleCard => {
                if let Some((_, chosen)) = window.cards.get_mut(window.list.selected) {
                    *chosen = !*chosen;
                    window.scroll = 0;
                }
            }
            Command::OfferVariant => {
                window.kind = match window.kind {
                    OfferKind::Invitation => OfferKind::LinkedIn,
                    OfferKind::LinkedIn => OfferKind::Invitation,
                };
                window.scroll = 0;
            }
            Command::PageDown => window.scroll += 5,
            Command::PageUp => window.scroll = window.scroll.saturating_sub(5),
            Command::OfferSave => {
                let kind = window.kind;
                match window.draft(&self.library) {
                    Some((draft, _, _)) => {
                        let stem = match kind {
                            OfferKind::Invitation => "invitation",
                            OfferKind::LinkedIn => "linkedin-note",
                        };
                        return vec![Effect::WriteOffer {
                            folder: self.library.root.join("offers"),
                            stem: stem.to_string(),
                            text: draft.text,
                        }];
                    }
                    None => {
                        window.status = Some(Err(
                            "Nothing to write: take at least one card in first.".to_string(),
                        ));
                    }
                }
            }
            other => {
                window.list.apply(other, len, 1);
            }
        }
        Vec::new()
    }

    /// An offer was written, or could not be: say so in the window, or in a message if the
    /// window was closed meanwhile.
    pub fn offer_written(&mut self, result: Result<PathBuf, String>) -> Vec<Effect> {
        let status = result.map(|path| {
            let shown = self.library.display_path(&path).display().to_string();
            format!("Wrote {shown}")
        });
        let window = self.popups.iter_mut().rev().find_map(|popup| match popup {
            Popup::Offer(window) => Some(window),
            _ => None,
        });
        match window {
            Some(window) => window.status = Some(status),
            None => match status {
                Ok(text) => self.show_message("Offer", text),
                Err(error) => self.show_message("Offer not written", error),
            },
        }
        Vec::new()
    }
}

/// Writes an offer as `<folder>/<stem>-<today>.txt`, or `-2`, `-3`... when that file exists,
/// so an earlier offer (which the user may have edited) is never overwritten.
pub fn write_offer(folder: &Path, stem: &str, text: &str) -> Action {
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d");
    let mut last_error = String::new();
    for n in 1..=99 {
        let name = if n == 1 {
            format!("{stem}-{today}.txt")
        } else {
            format!("{stem}-{today}-{n}.txt")
        };
        let path = folder.join(name);
        match crate::store::save_checked(&path, None, text.as_bytes()) {
            Ok(_) => return Action::OfferWritten(Ok(path)),
            Err(crate::error::Error::Refused { .. }) => {
                last_error = format!("{}: already exists", path.display());
            }
            Err(error) => return Action::OfferWritten(Err(error.to_string())),
        }
    }
    Action::OfferWritten(Err(format!("{last_error}; 99 offers today already")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_the_limit_is_written() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1300), "1,300");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
