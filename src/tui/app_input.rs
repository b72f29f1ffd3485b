//! Where each input goes: a key's command, typing, a click and a wheel turn, routed to the pane
//! that has the keys. What a pane is and how it is drawn is in [`super::pane`]; what the panes
//! that need the whole app do with a command is in the `app_*` files and beside their views.
//! This file only decides who gets the input, in one place.

use super::action::{Action, TextEdit};
use super::app::{App, Popup, Screen};
use super::command::{Command, Context};
use super::effect::Effect;
use super::event::{Event, MouseInput, MousePoint};
use super::layout;
use super::pack_jobs::PackEffect;
use super::pane::Wheel;
use super::views::browser::UpdateContext;
use super::views::card_view::CardScreen;
use super::views::help::HelpPopup;
use super::views::search::{SearchOutcome, SearchScreen};

impl App {
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

    /// A command: first the editor's and the app's own (quit, help, search, opening a pane
    /// over the one in view), then the pane that has the keys.
    pub(super) fn command(&mut self, command: Command) -> Vec<Effect> {
        if let Some(effects) = self.editing_command(command) {
            return effects;
        }
        // A quit over an unsaved plan closes what lies over the plan first, so the context is
        // taken after it: the plan's own question comes at once.
        let command = self.quit_asks_about_plan(command);
        let context = self.context();
        if let Some(effects) = self.app_command(command, context) {
            return effects;
        }
        match context {
            Context::Answer => self.answer_update(command),
            Context::Checklist => self.checklist_update(command),
            Context::Prep => self.prep_update(command),
            Context::Offer => self.offer_update(command),
            Context::LogWindow => self.log_window_command(command),
            Context::ExportWindow => self.export_window_command(command),
            _ if !self.popups.is_empty() => {
                self.window_command(command);
                Vec::new()
            }
            _ => self.screen_command(command),
        }
    }

    /// An agenda builder or a course planner with unsaved changes: quitting asks first, as
    /// leaving does. Whatever is over it (run mode, a prep list, a checklist) closes, so the
    /// question comes at once. A dirty editor asked already (`editing_command`).
    fn quit_asks_about_plan(&mut self, command: Command) -> Command {
        let unsaved_plan = self.screens.iter().rposition(|screen| match screen {
            Screen::Builder(builder) => builder.dirty,
            Screen::Course(planner) => planner.dirty,
            _ => false,
        });
        match unsaved_plan {
            Some(plan) if command == Command::Quit => {
                self.popups.clear();
                self.screens.truncate(plan + 1);
                Command::Back
            }
            _ => command,
        }
    }

    /// The commands that are the app's rather than a pane's: quitting, help, search and the
    /// pack browser anywhere they apply, and opening a pane over the one in view.
    fn app_command(&mut self, command: Command, context: Context) -> Option<Vec<Effect>> {
        use Context::{Builder, CardView, Cards, Preview, Run, Sources};
        match command {
            Command::Quit => self.stop(),
            Command::Help => self.popups.push(Popup::Help(HelpPopup::new(context))),
            Command::Search => {
                let search = SearchScreen::new(&self.search_index);
                self.screens.push(Screen::Search(Box::new(search)));
            }
            Command::Packs => {
                self.screens.push(Screen::Packs(Box::default()));
                return Some(vec![Effect::Pack(PackEffect::ReadRecords(
                    self.library.root.clone(),
                ))]);
            }
            Command::ShowConflict if self.popups.is_empty() => {
                return Some(self.show_conflict(context));
            }
            Command::Checklist if matches!(context, Cards | Preview | CardView) => {
                if let Some(card) = self.card_in_view() {
                    self.open_checklist(card);
                }
            }
            Command::PrepList if context == Builder => self.open_prep(),
            Command::Offer if matches!(context, Sources | Cards | Preview) => self.open_offer(),
            // With no agenda open the key is left to the builder or run mode.
            Command::AgendaLog if matches!(context, Builder | Run) => return self.open_log(),
            _ => return None,
        }
        Some(Vec::new())
    }

    /// A command for the help or the message window on top; the other windows have theirs
    /// routed by context, and keep the keys they do not use.
    fn window_command(&mut self, command: Command) {
        let main = self.main_area();
        let Some(popup) = self.popups.pop() else {
            return;
        };
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
            other => Some(other),
        };
        self.popups.extend(keep);
    }

    /// A command for the top screen, or the library screen under them all.
    fn screen_command(&mut self, command: Command) -> Vec<Effect> {
        if command == Command::AddToAgenda {
            return self.add_selected_card();
        }
        if let Some(effects) = self.session_builder_command(command) {
            return effects;
        }
        let main = self.main_area();
        match self.screens.last_mut() {
            Some(Screen::Card(_) | Screen::Run(_)) if command == Command::Back => {
                self.screens.pop();
                Vec::new()
            }
            Some(Screen::Card(card)) => {
                card.update(command, &self.library, &self.files, main);
                Vec::new()
            }
            Some(Screen::Run(run)) => {
                run.update(command);
                Vec::new()
            }
            Some(Screen::Search(search)) => {
                let outcome = search.update(command, &self.library, &self.files, main);
                self.search_outcome(outcome)
            }
            Some(Screen::Builder(_)) => self.builder_command(command),
            Some(Screen::NewAgenda(_)) => self.new_agenda_command(command),
            Some(Screen::Packs(packs)) => {
                let outcome = packs.update(command, &self.library, main);
                self.pack_outcome(outcome)
            }
            Some(Screen::Conflict(_)) => self.conflict_command(command),
            Some(Screen::Course(_)) => self.planner_command(command),
            // Their keys are routed by context (the checklist, the prep list) or are the
            // editor's own (`editing_command`).
            Some(Screen::Checklist(_) | Screen::Prep(_) | Screen::Editor(_)) => Vec::new(),
            None if command == Command::NewAgenda => {
                self.screens.push(Screen::NewAgenda(Box::default()));
                Vec::new()
            }
            None => self.apply_browser(|browser, ctx| browser.update(command, ctx)),
        }
    }

    pub(super) fn search_outcome(&mut self, outcome: SearchOutcome) -> Vec<Effect> {
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

    /// Typing, for the text field of the pane that has the keys.
    pub(super) fn edit(&mut self, edit: TextEdit) -> Vec<Effect> {
        if let Some(popup) = self.popups.last_mut() {
            match popup {
                Popup::Help(help) => help.edit(edit),
                Popup::Answer(answer) => answer.edit(edit),
                Popup::Log(window) => window.edit(edit),
                Popup::Message(_) | Popup::Ask(_) | Popup::Offer(_) | Popup::Export(_) => {}
            }
            return Vec::new();
        }
        // Over a large library, matching runs off the input thread.
        if self.search_on_worker() {
            return self.search_edit_on_worker(edit);
        }
        match self.screens.last_mut() {
            Some(Screen::Search(search)) => search.edit(edit, &self.search_index),
            Some(Screen::Builder(builder)) => builder.type_text(edit, &self.search_index),
            Some(Screen::NewAgenda(window)) => window.edit(edit),
            Some(Screen::Course(planner)) => planner.edit(edit),
            // The path field, and y/n answered as typed characters.
            Some(Screen::Packs(packs)) => {
                let outcome = packs.edit(edit, &self.library);
                return self.pack_outcome(outcome);
            }
            _ => {}
        }
        Vec::new()
    }

    /// A click: among the screens only the search results take one.
    pub(super) fn click(&mut self, at: MousePoint) -> Vec<Effect> {
        if layout::too_small(self.size) || !self.popups.is_empty() {
            return Vec::new();
        }
        let main = self.main_area();
        match self.screens.last_mut() {
            Some(Screen::Search(search)) => {
                let outcome = search.click(at, main);
                self.search_outcome(outcome)
            }
            Some(_) => Vec::new(),
            None => self.apply_browser(|browser, ctx| browser.click(at, ctx)),
        }
    }

    /// A wheel turn: the top screen's own scrolling, or the arrow keys' move. Over a window
    /// the wheel always moves as the arrows do.
    pub(super) fn scroll(&mut self, at: MousePoint, down: bool) -> Vec<Effect> {
        if layout::too_small(self.size) {
            return Vec::new();
        }
        let arrow = if down { Command::Down } else { Command::Up };
        if !self.popups.is_empty() {
            return self.command(arrow);
        }
        let ctx = UpdateContext {
            library: &self.library,
            files: &self.files,
            main: layout::screen(self.size).0,
        };
        match self.screens.last_mut() {
            Some(screen) => match screen.pane_mut().wheel(at, down, &ctx) {
                Wheel::Arrows => self.command(arrow),
                Wheel::Done => Vec::new(),
            },
            None => self.apply_browser(|browser, ctx| browser.scroll(at, down, ctx)),
        }
    }
}
