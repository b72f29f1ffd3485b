//! The app's state and its one way to change: `update(action) -> effects`. Nothing here does
//! I/O or touches the terminal; the runtime runs the effects and feeds their results back.
//!
//! What has the keys is a stack: popups (help, messages) over screens (a card full screen,
//! search) over the library screen. The top one gets every key first. The screens and windows,
//! and what each says about itself, are in [`super::pane`]; which one an input goes to is
//! decided in `app_input.rs`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::command::Context;
use super::effect::Effect;
use super::event::Event;
use super::keymap::Keymap;
use super::layout::{self, BrowserPane};
use super::lean_cards::LeanCards;
use super::readiness::{PlanFigure, state_path};
use super::theme::Theme;
use super::views::browser::{Browser, BrowserOutcome, UpdateContext};
use super::views::card_view::CardScreen;
use super::views::message::MessagePopup;
use super::views::preview::FileCache;
use super::views::sources::sources;
use crate::checklist::{Readiness, ReadinessState};
use crate::library::Library;
use crate::search::SearchIndex;
use crate::search_card::library_search_index;

pub use super::pane::{Popup, Screen};

/// The whole state of the terminal app.
#[derive(Debug)]
pub struct App {
    pub library: Library,
    /// The library's cards prepared for search, rebuilt when the library is reloaded (shared
    /// with the search worker).
    pub search_index: Arc<SearchIndex>,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The terminal's size.
    pub size: Rect,
    pub browser: Browser,
    pub screens: Vec<Screen>,
    pub popups: Vec<Popup>,
    /// Agenda and course files read for showing.
    pub files: FileCache,
    running: bool,
    /// Ticks on pack cards, from the library's personal state file.
    pub readiness: ReadinessState,
    /// Each card's readiness, by position in `Library::cards`: computed once per load, tick
    /// or save, never per frame.
    pub ready_figures: Vec<Readiness>,
    /// Cards moved to the trash this session, last one last, as (where it was, where it is).
    pub deleted: Vec<(PathBuf, PathBuf)>,
    /// The user's agendas and courses with their readiness, read after each load of the
    /// library and its state, computed again on every tick.
    pub plans: Vec<PlanFigure>,
    /// The last agenda file opened in the builder: where `a` on a card adds it once the
    /// builder is closed.
    pub last_agenda: Option<PathBuf>,
    /// For an open agenda (by path), the latest log of its mentee as one line.
    pub previous_logs: HashMap<PathBuf, String>,
    /// (cards loaded, cards in all) while the library loads in the background.
    pub loading: Option<(usize, usize)>,
    /// Which lean cards were read whole.
    pub lean_cards: LeanCards,
}

impl App {
    /// An app on a loaded library, for a terminal of `width` x `height`.
    pub fn new(mut library: Library, keymap: Keymap, theme: Theme, width: u16, height: u16) -> App {
        let search_index = Arc::new(library_search_index(&mut library));
        // Start on the first source that has something in it: with no cards of one's own
        // yet, that is the first pack.
        let first_full = sources(&library)
            .iter()
            .position(|entry| entry.count > 0)
            .unwrap_or(0);
        let mut browser = Browser::default();
        browser.sources.selected = first_full;
        let mut app = App {
            library,
            search_index,
            keymap,
            theme,
            size: Rect::new(0, 0, width, height),
            browser,
            screens: Vec::new(),
            popups: Vec::new(),
            files: FileCache::new(),
            running: true,
            readiness: ReadinessState::empty(PathBuf::new()),
            ready_figures: Vec::new(),
            deleted: Vec::new(),
            plans: Vec::new(),
            last_agenda: None,
            previous_logs: HashMap::new(),
            loading: None,
            lean_cards: LeanCards::default(),
        };
        // The state file is read by an effect; until then no pack card has ticks.
        app.readiness = ReadinessState::empty(state_path(&app.library));
        app.refresh_readiness();
        app.clamp();
        app
    }

    /// Ends the app (the editor quits this way once its question is answered).
    pub(crate) fn stop(&mut self) {
        self.running = false;
    }

    /// False once the user has quit.
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// The area panes are drawn in: the screen less the bottom line.
    pub fn main_area(&self) -> Rect {
        layout::screen(self.size).0
    }

    /// Where keys are looked up now: in the top window, else the top screen, else the
    /// library screen's focused pane.
    pub fn context(&self) -> Context {
        if let Some(popup) = self.popups.last() {
            return popup.pane().context();
        }
        match self.screens.last() {
            Some(screen) => screen.pane().context(),
            None => match self.browser.focus {
                BrowserPane::Sources => Context::Sources,
                BrowserPane::Cards => Context::Cards,
                BrowserPane::Preview => Context::Preview,
            },
        }
    }

    /// Puts a message window on top.
    pub fn show_message(&mut self, title: impl Into<String>, text: impl Into<String>) {
        self.popups
            .push(Popup::Message(MessagePopup::new(title, text)));
    }

    /// Changes the state by one action; returns what the runtime should do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = match action {
            Action::Command(command) => self.command(command),
            Action::Edit(edit) => self.edit(edit),
            Action::Click(at) => self.click(at),
            Action::Scroll { at, down } => self.scroll(at, down),
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                Vec::new()
            }
            Action::LibraryLoaded(library) => self.library_loaded(*library),
            Action::FileRead { path, text } => {
                self.files.insert(path, text);
                Vec::new()
            }
            Action::Pack(action) => self.pack_action(action),
            Action::CardSaved { path, result } => self.card_saved(&path, result),
            Action::ReadinessSaved(result) => self.readiness_saved(result),
            Action::ReadinessLoaded(result) => self.readiness_loaded(result),
            Action::EditorKey(key) => self.editor_key(key),
            Action::Editing(result) => self.editing_result(result),
            Action::FilesChanged(paths) => self.files_changed(&paths),
            // The clock drives the editor's recovery saves as well as run mode.
            Action::Tick(seconds) => {
                let mut effects = self.editing_tick();
                effects.extend(self.agenda_action(Action::Tick(seconds)));
                effects
            }
            Action::OfferWritten(result) => self.offer_written(result),
            Action::PlansRead(files) => self.plans_read(files),
            Action::ConflictResolved(result) => self.conflict_resolved(result),
            action @ (Action::CourseOpened { .. }
            | Action::CourseSaved { .. }
            | Action::AddedToAgenda { .. }) => self.course_action(action),
            action @ (Action::LogLoaded { .. }
            | Action::LogSaved(_)
            | Action::LastLogFound { .. }) => self.log_action(action),
            Action::CardsRead(read) => {
                self.cards_read(read);
                Vec::new()
            }
            Action::LoadProgress { done, total } => {
                self.loading = Some((done, total));
                Vec::new()
            }
            Action::BackgroundLoaded(library) => self.background_loaded(*library),
            Action::SearchResults { text, index, hits } => {
                if self.popups.is_empty()
                    && index == self.search_index.id()
                    && let Some(Screen::Search(search)) = self.screens.last_mut()
                {
                    search.results_arrived(&text, hits);
                }
                Vec::new()
            }
            other => self.agenda_action(other),
        };
        self.clamp();
        if let Some(read) = self.browser.wanted_file(&self.update_context())
            && !effects.contains(&read)
        {
            effects.push(read);
        }
        // The lean cards in view are read whole before the next frame.
        effects.extend(self.wanted_cards());
        effects
    }

    /// Resolves an event and updates by it: what the runtime and flow tests call.
    pub fn handle_event(&mut self, event: &Event) -> Vec<Effect> {
        match self.action_for(event) {
            Some(action) => self.update(action),
            None => Vec::new(),
        }
    }

    pub(super) fn update_context(&self) -> UpdateContext<'_> {
        UpdateContext {
            library: &self.library,
            files: &self.files,
            main: self.main_area(),
        }
    }

    /// Runs a browser update on a copy (the update reads the rest of the app while it changes
    /// the browser), then keeps the copy and turns its outcome into effects.
    pub(super) fn apply_browser(
        &mut self,
        run: impl FnOnce(&mut Browser, &UpdateContext<'_>) -> BrowserOutcome,
    ) -> Vec<Effect> {
        let mut browser = self.browser.clone();
        let outcome = run(&mut browser, &self.update_context());
        self.browser = browser;
        let mut effects = outcome.effects;
        if let Some(subject) = outcome.open {
            // A course of the library opens in the planner, an agenda in the builder (read
            // fresh from disk), anything else full screen.
            if let Some(path) = self.course_to_plan(&subject) {
                effects.push(Effect::OpenCourse(path));
                return effects;
            }
            if let Some(path) = self.agenda_to_build(&subject) {
                effects.push(Effect::OpenAgenda(path));
                return effects;
            }
            self.screens.push(Screen::Card(CardScreen::new(subject)));
        }
        effects
    }
}
