//! The app's state and its one way to change: `update(action) -> effects`. Nothing here does
//! I/O or touches the terminal; the runtime runs the effects and feeds their results back.
//!
//! What has the keys is a stack: popups (help, messages) over screens (a card full screen,
//! search) over the library screen. The top one gets every key first.

use ratatui::layout::Rect;

use super::action::{Action, TextEdit};
use super::command::{Command, Context};
use super::effect::Effect;
use super::event::{Event, MouseInput};
use super::keymap::Keymap;
use super::layout::{self, BrowserPane};
use super::theme::Theme;
use super::views::browser::{Browser, BrowserOutcome, UpdateContext};
use super::views::card_view::CardScreen;
use super::views::help::HelpPopup;
use super::views::message::MessagePopup;
use super::views::preview::FileCache;
use super::views::search::{SearchOutcome, SearchScreen};
use super::views::sources::sources;
use crate::library::Library;
use crate::search::SearchIndex;
// Loading in the background and cards read on demand (#9).
use super::lean_cards::LeanCards;
use crate::search_card::library_search_index;
// Pack browser.
use super::pack_jobs::PackEffect;
use super::views::packs::PackScreen;
// Readiness and the checklist pane (#6).
use super::readiness::state_path;
use super::views::answer::AnswerWindow;
use super::views::checklist::ChecklistScreen;
use crate::checklist::{Readiness, ReadinessState};
use std::path::PathBuf;
// The prep list, the offer window and plan readiness (#6).
use super::readiness::PlanFigure;
use super::views::offer::OfferWindow;
use super::views::prep::PrepScreen;

/// A screen over the library screen.
#[derive(Debug, Clone)]
pub enum Screen {
    Card(CardScreen),
    Search(Box<SearchScreen>),
    // Agenda builder and run mode.
    Builder(Box<super::views::agenda_builder::AgendaBuilder>),
    Run(Box<super::views::run_mode::RunScreen>),
    NewAgenda(Box<super::views::new_agenda::NewAgenda>),
    // Pack browser.
    Packs(Box<PackScreen>),
    // The checklist pane (#6).
    Checklist(ChecklistScreen),
    /// Editing a card (#5).
    Editor(Box<super::editor::EditorScreen>),
    // An agenda's prep list (#6).
    Prep(Box<PrepScreen>),
    // Merge conflicts left by a pack update (#8).
    Conflict(Box<super::views::conflict::ConflictScreen>),
    // The course planner (#7).
    Course(Box<super::views::course_planner::CoursePlanner>),
}

/// A window over everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help(HelpPopup),
    Message(MessagePopup),
    // Make it concrete, and an own item's text (#6).
    Answer(AnswerWindow),
    /// A question from the editing keys (#5).
    Ask(super::views::ask::AskPopup),
    // The offer window (#6).
    Offer(Box<OfferWindow>),
    // The session log (#7).
    Log(Box<super::views::log_window::LogWindow>),
    // The export window (#7).
    Export(super::views::export_window::ExportWindow),
}

/// The whole state of the terminal app.
#[derive(Debug)]
pub struct App {
    pub library: Library,
    /// The library's cards prepared for search, rebuilt when the library is reloaded (shared
    /// with the search worker, #9).
    pub search_index: std::sync::Arc<SearchIndex>,
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
    // Readiness (#6).
    /// Ticks on pack cards, from the library's personal state file.
    pub readiness: ReadinessState,
    /// Each card's readiness, by position in `Library::cards`: computed once per load, tick
    /// or save, never per frame.
    pub ready_figures: Vec<Readiness>,
    /// Cards moved to the trash this session, last one last, as (where it was, where it is) (#5).
    pub deleted: Vec<(std::path::PathBuf, std::path::PathBuf)>,
    // Plan readiness (#6).
    /// The user's agendas and courses with their readiness, read after each load of the
    /// library and its state, computed again on every tick.
    pub plans: Vec<PlanFigure>,
    // Using a card in the open agenda (#7).
    /// The last agenda file opened in the builder: where `a` on a card adds it once the
    /// builder is closed.
    pub last_agenda: Option<PathBuf>,
    // The session log (#7).
    /// For an open agenda (by path), the latest log of its mentee as one line.
    pub previous_logs: std::collections::HashMap<PathBuf, String>,
    // Loading in the background and cards read on demand (#9).
    /// (cards loaded, cards in all) while the library loads in the background.
    pub loading: Option<(usize, usize)>,
    /// Which lean cards were read whole.
    pub lean_cards: LeanCards,
}

impl App {
    /// An app on a loaded library, for a terminal of `width` x `height`.
    pub fn new(mut library: Library, keymap: Keymap, theme: Theme, width: u16, height: u16) -> App {
        let search_index = std::sync::Arc::new(library_search_index(&mut library));
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
            // Using a card in the open agenda (#7).
            last_agenda: None,
            // The session log (#7).
            previous_logs: std::collections::HashMap::new(),
            loading: None,
            lean_cards: LeanCards::default(),
        };
        // Readiness (#6): the state file is read by an effect; until then no pack card has ticks.
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

    /// Where keys are looked up now.
    pub fn context(&self) -> Context {
        if let Some(popup) = self.popups.last() {
            return match popup {
                Popup::Help(_) => Context::Help,
                Popup::Message(_) => Context::Message,
                Popup::Answer(_) => Context::Answer,
                Popup::Ask(_) => Context::Editor,
                Popup::Offer(_) => Context::Offer,
                // The session log (#7).
                Popup::Log(_) => Context::LogWindow,
                // The export window (#7).
                Popup::Export(_) => Context::ExportWindow,
            };
        }
        match self.screens.last() {
            Some(Screen::Card(_)) => Context::CardView,
            Some(Screen::Search(_)) => Context::Search,
            // Agenda builder and run mode.
            Some(Screen::Builder(builder)) => builder.context(),
            Some(Screen::Run(_)) => Context::Run,
            Some(Screen::NewAgenda(_)) => Context::NewAgenda,
            Some(Screen::Packs(packs)) => packs.context(),
            Some(Screen::Checklist(_)) => Context::Checklist,
            Some(Screen::Editor(_)) => Context::Editor,
            Some(Screen::Prep(_)) => Context::Prep,
            // Merge conflicts left by a pack update (#8).
            Some(Screen::Conflict(_)) => Context::Conflict,
            // The course planner (#7).
            Some(Screen::Course(planner)) => planner.context(),
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

    /// The action an input event means here: a bound key's command, an edit of the focused
    /// text field, a click, a wheel turn or a resize.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match *event {
            Event::Key(key) => {
                let context = self.context();
                match self.keymap.resolve(key, context) {
                    Some(command) => Some(Action::Command(command)),
                    None if context == Context::Editor => Some(Action::EditorKey(key)),
                    None if context.takes_text() => TextEdit::for_key(key).map(Action::Edit),
                    None => None,
                }
            }
            Event::Mouse(MouseInput::Click(at)) => Some(Action::Click(at)),
            Event::Mouse(MouseInput::ScrollUp(at)) => Some(Action::Scroll { at, down: false }),
            Event::Mouse(MouseInput::ScrollDown(at)) => Some(Action::Scroll { at, down: true }),
            Event::Resize { width, height } => Some(Action::Resize { width, height }),
        }
    }

    /// Changes the state by one action; returns what the runtime should do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = match action {
            Action::Command(command) => self.command(command),
            // Pack browser: its path field and y/n answers.
            Action::Edit(edit) if self.pack_screen_has_keys() => self.pack_edit(edit),
            // The session log window (#7).
            Action::Edit(edit) if self.log_has_keys() => {
                self.log_edit(edit);
                Vec::new()
            }
            // The course planner's questions (#7).
            Action::Edit(edit) if self.course_has_keys() => {
                self.course_edit(edit);
                Vec::new()
            }
            // Matching off the input thread over a large library (#9).
            Action::Edit(edit) if self.search_on_worker() => self.search_edit_on_worker(edit),
            Action::Edit(edit) => {
                self.edit(edit);
                Vec::new()
            }
            Action::Click(at) if !layout::too_small(self.size) && self.popups.is_empty() => {
                let main = self.main_area();
                match self.screens.last_mut() {
                    Some(Screen::Search(search)) => {
                        let outcome = search.click(at, main);
                        self.search_outcome(outcome)
                    }
                    // Agenda builder and run mode.
                    Some(Screen::Builder(_) | Screen::Run(_) | Screen::NewAgenda(_)) => Vec::new(),
                    // Pack browser.
                    Some(Screen::Packs(_)) => Vec::new(),
                    Some(Screen::Card(_) | Screen::Checklist(_)) => Vec::new(),
                    // Editing cards (#5).
                    Some(Screen::Editor(_)) => Vec::new(),
                    Some(Screen::Prep(_)) => Vec::new(),
                    // Merge conflicts (#8).
                    Some(Screen::Conflict(_)) => Vec::new(),
                    // The course planner (#7).
                    Some(Screen::Course(_)) => Vec::new(),
                    None => self.apply_browser(|browser, ctx| browser.click(at, ctx)),
                }
            }
            Action::Click(_) => Vec::new(),
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
            // Pack browser.
            Action::Pack(action) => self.pack_action(action),
            // Ticks and answers on checklists (#6).
            Action::CardSaved { path, result } => self.card_saved(&path, result),
            Action::ReadinessSaved(result) => self.readiness_saved(result),
            Action::ReadinessLoaded(result) => self.readiness_loaded(result),
            // Editing cards (#5). The clock also drives the editor's recovery saves.
            Action::EditorKey(key) => self.editor_key(key),
            Action::Editing(result) => self.editing_result(result),
            Action::FilesChanged(paths) => self.files_changed(&paths),
            Action::Tick(seconds) => {
                let mut effects = self.editing_tick();
                effects.extend(self.agenda_action(Action::Tick(seconds)));
                effects
            }
            // The offer window and plan readiness (#6).
            Action::OfferWritten(result) => self.offer_written(result),
            Action::PlansRead(files) => self.plans_read(files),
            // Merge conflicts left by a pack update (#8).
            Action::ConflictResolved(result) => self.conflict_resolved(result),
            // The course planner and using a card in the open agenda (#7).
            action @ (Action::CourseOpened { .. }
            | Action::CourseSaved { .. }
            | Action::AddedToAgenda { .. }) => self.course_action(action),
            // The session log (#7).
            action @ (Action::LogLoaded { .. }
            | Action::LogSaved(_)
            | Action::LastLogFound { .. }) => self.log_action(action),
            // Loading in the background and cards read on demand (#9).
            Action::CardsRead(read) => {
                self.cards_read(read);
                Vec::new()
            }
            Action::LoadProgress { done, total } => {
                self.loading = Some((done, total));
                Vec::new()
            }
            Action::BackgroundLoaded(library) => self.background_loaded(*library),
            Action::SearchResults { text, hits } => {
                if self.popups.is_empty()
                    && let Some(Screen::Search(search)) = self.screens.last_mut()
                {
                    search.results_arrived(&text, hits);
                }
                Vec::new()
            }
            // Agenda builder and run mode.
            other => self.agenda_action(other),
        };
        self.clamp();
        if let Some(read) = self.browser.wanted_file(&self.update_context())
            && !effects.contains(&read)
        {
            effects.push(read);
        }
        // Cards read on demand (#9): the lean cards in view are read before the next frame.
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
            // The course planner (#7): a course of the library opens in the planner.
            if let Some(path) = self.course_to_plan(&subject) {
                effects.push(Effect::OpenCourse(path));
                return effects;
            }
            // Agenda builder: an agenda opens in the builder, read fresh from disk.
            if let Some(path) = self.agenda_to_build(&subject) {
                effects.push(Effect::OpenAgenda(path));
                return effects;
            }
            self.screens.push(Screen::Card(CardScreen::new(subject)));
        }
        effects
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        if let Some(effects) = self.editing_command(command) {
            return effects;
        }
        let context = self.context();
        // An agenda builder or a course planner with unsaved changes: quitting asks first, as
        // leaving does. Whatever is over it (run mode, a prep list, a checklist) closes, so
        // the question comes at once. A dirty editor asked already (editing_command, above).
        let unsaved_plan = self.screens.iter().rposition(|screen| match screen {
            Screen::Builder(builder) => builder.dirty,
            Screen::Course(planner) => planner.dirty,
            _ => false,
        });
        let command = if command == Command::Quit
            && let Some(plan) = unsaved_plan
        {
            self.popups.clear();
            self.screens.truncate(plan + 1);
            Command::Back
        } else {
            command
        };
        match command {
            Command::Quit => {
                self.running = false;
                return Vec::new();
            }
            Command::Help => {
                self.popups.push(Popup::Help(HelpPopup::new(context)));
                return Vec::new();
            }
            Command::Search => {
                let search = SearchScreen::new(&self.search_index);
                self.screens.push(Screen::Search(Box::new(search)));
                return Vec::new();
            }
            // Pack browser.
            Command::Packs => {
                self.screens.push(Screen::Packs(Box::default()));
                return vec![Effect::Pack(PackEffect::ReadRecords(
                    self.library.root.clone(),
                ))];
            }
            // Merge conflicts left by a pack update (#8).
            Command::ShowConflict if self.popups.is_empty() => {
                return self.show_conflict(context);
            }
            _ => {}
        }
        // The checklist pane and its windows (#6).
        if let Some(effects) = self.checklist_command(command, context) {
            return effects;
        }
        // The session log window, and L where it opens (#7).
        if let Some(effects) = self.log_command(command, context) {
            return effects;
        }
        let main = self.main_area();
        if let Some(popup) = self.popups.pop() {
            let keep = match popup {
                Popup::Help(mut help) => {
                    let close = command == Command::Back;
                    if !close {
                        help.update(command, self, main);
                    }
                    (!close).then_some(Popup::Help(help))
                }
                Popup::Message(mut message) => {
                    let close = matches!(command, Command::Back | Command::Open);
                    if !close {
                        message.update(command, main);
                    }
                    (!close).then_some(Popup::Message(message))
                }
                popup @ Popup::Answer(_) => Some(popup),
                Popup::Ask(ask) => Some(Popup::Ask(ask)),
                popup @ Popup::Offer(_) => Some(popup),
                // The session log (#7): handled above.
                popup @ Popup::Log(_) => Some(popup),
                // The export window (#7): handled above.
                popup @ Popup::Export(_) => Some(popup),
            };
            self.popups.extend(keep);
            return Vec::new();
        }
        // The course planner and using a card in the open agenda (#7).
        if let Some(effects) = self.course_command(command) {
            return effects;
        }
        // Agenda builder and run mode.
        if let Some(effects) = self.agenda_command(command) {
            return effects;
        }
        match self.screens.last_mut() {
            Some(Screen::Card(card)) => {
                if command == Command::Back {
                    self.screens.pop();
                } else {
                    card.update(command, &self.library, &self.files, main);
                }
                Vec::new()
            }
            Some(Screen::Search(search)) => {
                let outcome = search.update(command, &self.library, &self.files, main);
                self.search_outcome(outcome)
            }
            // Agenda builder and run mode: handled above.
            Some(Screen::Builder(_) | Screen::Run(_) | Screen::NewAgenda(_)) => Vec::new(),
            // Pack browser.
            Some(Screen::Packs(packs)) => {
                let outcome = packs.update(command, &self.library, main);
                self.pack_outcome(outcome)
            }
            Some(Screen::Checklist(_)) => Vec::new(),
            // Editing cards (#5).
            Some(Screen::Editor(_)) => Vec::new(),
            Some(Screen::Prep(_)) => Vec::new(),
            // Merge conflicts left by a pack update (#8).
            Some(Screen::Conflict(_)) => self.conflict_command(command),
            // The course planner (#7): handled above.
            Some(Screen::Course(_)) => Vec::new(),
            None => self.apply_browser(|browser, ctx| browser.update(command, ctx)),
        }
    }

    fn search_outcome(&mut self, outcome: SearchOutcome) -> Vec<Effect> {
        match outcome {
            SearchOutcome::Nothing => {}
            SearchOutcome::Close => {
                self.screens.pop();
            }
            SearchOutcome::Open(subject) => {
                self.screens.push(Screen::Card(CardScreen::new(subject)));
            }
        }
        Vec::new()
    }

    fn edit(&mut self, edit: TextEdit) {
        if let Some(Popup::Help(help)) = self.popups.last_mut() {
            help.edit(edit);
        } else if self.popups.is_empty()
            && let Some(Screen::Search(search)) = self.screens.last_mut()
        {
            search.edit(edit, &self.search_index);
        } else if self.popups.is_empty() {
            // Agenda builder: its question and card picker.
            self.agenda_edit(edit);
        } else if let Some(Popup::Answer(answer)) = self.popups.last_mut() {
            answer.edit(edit);
        }
    }

    fn scroll(&mut self, at: super::event::MousePoint, down: bool) -> Vec<Effect> {
        if layout::too_small(self.size) {
            return Vec::new();
        }
        let main = self.main_area();
        let command = if down { Command::Down } else { Command::Up };
        if !self.popups.is_empty() {
            // The wheel scrolls a window the way the arrow keys do.
            return self.command(command);
        }
        match self.screens.last_mut() {
            Some(Screen::Card(card)) => {
                card.scroll(down, &self.library, &self.files, main);
                Vec::new()
            }
            Some(Screen::Search(search)) => {
                search.scroll(at, down, &self.library, &self.files, main);
                Vec::new()
            }
            // Agenda builder and run mode: the wheel moves as the arrows do.
            Some(Screen::Builder(_) | Screen::Run(_) | Screen::NewAgenda(_)) => {
                self.command(command)
            }
            // Pack browser: the wheel moves through its list.
            Some(Screen::Packs(_)) => self.command(command),
            Some(Screen::Checklist(_)) => self.checklist_update(command),
            // Editing cards (#5).
            Some(Screen::Editor(_)) => Vec::new(),
            Some(Screen::Prep(_)) => self.command(command),
            // Merge conflicts (#8): the wheel scrolls as the arrows do.
            Some(Screen::Conflict(_)) => self.command(command),
            // The course planner (#7): the wheel moves as the arrows do.
            Some(Screen::Course(_)) => self.command(command),
            None => self.apply_browser(|browser, ctx| browser.scroll(at, down, ctx)),
        }
    }
}
