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

    /// Keeps the selections and scroll positions of what is shown valid for the current size
    /// and library. Only the top screen (or the library screen, with none over it) is clamped
    /// after each update: what lies under it is clamped in the update that uncovers it (and the
    /// library screen also after a reload, in `library_loaded`). So a key typed in the search pane does
    /// not also measure the library screen's lists and preview.
    pub(super) fn clamp(&mut self) {
        if layout::too_small(self.size) {
            return;
        }
        let Some(screen) = self.screens.last_mut() else {
            let mut browser = self.browser.clone();
            browser.clamp(&self.update_context());
            self.browser = browser;
            return;
        };
        let ctx = UpdateContext {
            library: &self.library,
            files: &self.files,
            main: layout::screen(self.size).0,
        };
        screen.pane_mut().clamp(&ctx);
    }
}
