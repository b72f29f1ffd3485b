//! The library read again (after a reload, an edit, an install or a change on disk), and the
//! selections kept inside their lists: what follows the library's cards moving.

use super::app::{App, Screen};
use super::effect::Effect;
use super::layout;
use super::views::browser::BrowserOutcome;
use super::views::preview::Subject;
use crate::library::Library;
use crate::search_card::library_search_index;

impl App {
    pub(super) fn library_loaded(&mut self, library: Library) -> Vec<Effect> {
        let old = std::mem::replace(&mut self.library, library);
        self.search_index = std::sync::Arc::new(library_search_index(&mut self.library));
        self.files.clear();
        self.lean_cards.clear();
        // Readiness (#6): the personal state is read again with the library.
        let mut read_state = vec![Effect::LoadReadiness(self.library.root.clone())];
        // Card positions may have moved: a card shown full screen, or its checklist, follows
        // its file to its new position (a reload after a change on disk keeps the user where
        // they were), and closes when the file is gone.
        let library = &self.library;
        let moved = |index: usize| {
            let path = &old.cards.get(index)?.path;
            library.cards.iter().position(|card| &card.path == path)
        };
        self.screens.retain_mut(|screen| match screen {
            Screen::Card(card) => match card.subject {
                Subject::Card(index) => moved(index)
                    .map(|now| card.subject = Subject::Card(now))
                    .is_some(),
                Subject::File(_) => true,
                Subject::Problem(_) => false,
            },
            Screen::Checklist(checklist) => moved(checklist.card)
                .map(|now| checklist.card = now)
                .is_some(),
            Screen::Search(_)
            | Screen::Builder(_)
            | Screen::Run(_)
            | Screen::NewAgenda(_)
            | Screen::Packs(_)
            // Editing cards (#5).
            | Screen::Editor(_)
            // The prep list holds no card positions: it looks cards up as it draws.
            | Screen::Prep(_)
            // Merge conflicts (#8): found again by path; gone once resolved.
            | Screen::Conflict(_)
            // The course planner (#7).
            | Screen::Course(_) => true,
        });
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
        let main = self.main_area();
        let mut browser = self.browser.clone();
        browser.clamp(&self.update_context());
        self.browser = browser;
        let mut screens = std::mem::take(&mut self.screens);
        for screen in &mut screens {
            match screen {
                Screen::Card(card) => card.clamp(&self.library, &self.files, main),
                Screen::Search(search) => search.clamp(&self.library, &self.files, main),
                // Agenda builder and run mode.
                Screen::Builder(builder) => builder.list.clamp(builder.agenda.items.len()),
                Screen::Run(_) | Screen::NewAgenda(_) => {}
                // Pack browser.
                Screen::Packs(packs) => packs.clamp(&self.library, main),
                Screen::Checklist(_) => {}
                // Editing cards (#5).
                Screen::Editor(_) => {}
                Screen::Prep(_) => {}
                // Merge conflicts (#8): scrolling is clamped when drawn.
                Screen::Conflict(_) => {}
                // The course planner (#7).
                Screen::Course(planner) => planner.list.clamp(planner.course.sessions.len()),
            }
        }
        self.screens = screens;
    }
}
