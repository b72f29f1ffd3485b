//! The library read again (after a reload, an edit, an install or a change on disk), and the
//! selections kept inside their lists: what follows the library's cards moving.

use super::app::{App, Screen};
use super::effect::Effect;
use super::layout;
use super::views::browser::{BrowserOutcome, UpdateContext};
use crate::library::Library;
use crate::search_card::library_search_index;

impl App {
    pub(super) fn library_loaded(&mut self, library: Library) -> Vec<Effect> {
        let old = std::mem::replace(&mut self.library, library);
        self.search_index = std::sync::Arc::new(library_search_index(&mut self.library));
        self.files.clear();
        self.lean_cards.clear();
        // The personal state is read again with the library.
        let mut read_state = vec![Effect::LoadReadiness(self.library.root.clone())];
        // Card positions may have moved: a card shown full screen, or its checklist, follows
        // its file to its new position (a reload after a change on disk keeps the user where
        // they were), and closes when the file is gone.
        let library = &self.library;
        let moved = |index: usize| {
            let path = &old.cards.get(index)?.path;
            library.cards.iter().position(|card| &card.path == path)
        };
        self.screens
            .retain_mut(|screen| screen.pane_mut().follow_cards(&moved));
        for screen in &mut self.screens {
            if let Screen::Search(search) = screen {
                search.rerun(&self.search_index);
            }
        }
        read_state.extend(self.apply_browser(|browser, ctx| {
            browser.clamp(ctx);
            BrowserOutcome::default()
        }));
        read_state
    }

    /// Keeps every selection and scroll position valid for the current size and library.
    pub(super) fn clamp(&mut self) {
        if layout::too_small(self.size) {
            return;
        }
        let mut browser = self.browser.clone();
        browser.clamp(&self.update_context());
        self.browser = browser;
        let ctx = UpdateContext {
            library: &self.library,
            files: &self.files,
            main: self.main_area(),
        };
        for screen in &mut self.screens {
            screen.pane_mut().clamp(&ctx);
        }
    }
}
