//! The screens and windows over the library screen, and what each one says about itself.
//!
//! Every pane implements [`Pane`] in one block below: where its keys are looked up, how it is
//! drawn, what the mouse wheel does over it, how it keeps its selection valid and whether it
//! follows the library's cards when they move. The app asks the top pane through
//! [`Screen::pane`] and [`Popup::pane`], so adding a pane is a variant, its two arms there and
//! its block here. Keys that need the whole app (saving, opening other panes) are routed in
//! `app.rs`, in one match over the top screen.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::App;
use super::command::Context;
use super::editor::EditorScreen;
use super::event::MousePoint;
use super::views::agenda_builder::{AgendaBuilder, Layer};
use super::views::answer::AnswerWindow;
use super::views::ask::AskPopup;
use super::views::browser::UpdateContext;
use super::views::card_view::CardScreen;
use super::views::checklist::ChecklistScreen;
use super::views::conflict::ConflictScreen;
use super::views::course_planner::{CoursePlanner, PlannerLayer};
use super::views::export_window::ExportWindow;
use super::views::help::HelpPopup;
use super::views::log_window::LogWindow;
use super::views::message::MessagePopup;
use super::views::new_agenda::NewAgenda;
use super::views::offer::OfferWindow;
use super::views::packs::{PackMode, PackScreen};
use super::views::prep::PrepScreen;
use super::views::preview::Subject;
use super::views::run_mode::RunScreen;
use super::views::search::SearchScreen;
use super::views::{
    agenda_builder_draw, answer, ask, browser, card_view, checklist, conflict, course_planner_draw,
    editor, export_window, help, log_window, message, new_agenda, offer_draw, packs, prep,
    run_mode, search,
};

/// A screen over the library screen.
#[derive(Debug, Clone)]
pub enum Screen {
    /// A card or file full screen.
    Card(CardScreen),
    /// The search box and its results.
    Search(Box<SearchScreen>),
    /// An agenda in the builder.
    Builder(Box<AgendaBuilder>),
    /// An agenda run as a timer.
    Run(Box<RunScreen>),
    /// Starting a new agenda.
    NewAgenda(Box<NewAgenda>),
    /// The pack browser.
    Packs(Box<PackScreen>),
    /// A card's checklist.
    Checklist(ChecklistScreen),
    /// Editing a card.
    Editor(Box<EditorScreen>),
    /// An agenda's prep list.
    Prep(Box<PrepScreen>),
    /// A merge conflict left by a pack update, side by side.
    Conflict(Box<ConflictScreen>),
    /// A course in the planner.
    Course(Box<CoursePlanner>),
}

/// A window over everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// Every key of the pane below.
    Help(HelpPopup),
    /// A message to read and close.
    Message(MessagePopup),
    /// Making a checklist item concrete, and an own item's text.
    Answer(AnswerWindow),
    /// A question from the editing keys.
    Ask(AskPopup),
    /// An invitation or LinkedIn note drafted from ready cards.
    Offer(Box<OfferWindow>),
    /// The session log.
    Log(Box<LogWindow>),
    /// What to export from the builder, and in which format.
    Export(ExportWindow),
}

/// What the mouse wheel did over a pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wheel {
    /// Nothing yet: the wheel moves as the up and down keys do.
    Arrows,
    /// The pane scrolled itself, or has no use for the wheel.
    Done,
}

/// What the app asks of a screen or window. Windows are only asked for their context and
/// drawn; the wheel over a window always moves as the arrow keys do.
pub trait Pane {
    /// Where keys are looked up while the pane has them.
    fn context(&self) -> Context;

    /// Draws the pane in `main`; drawing reads the app and changes nothing.
    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect);

    /// A wheel turn at `at`.
    fn wheel(&mut self, _at: MousePoint, _down: bool, _ctx: &UpdateContext<'_>) -> Wheel {
        Wheel::Arrows
    }

    /// Keeps the selection and scrolling valid for the current size and library.
    fn clamp(&mut self, _ctx: &UpdateContext<'_>) {}

    /// After the library is read again: follows the pane's cards to their new positions
    /// (`moved` maps a position in the old library to the new one). False when a card is gone
    /// and the pane closes.
    fn follow_cards(&mut self, _moved: &dyn Fn(usize) -> Option<usize>) -> bool {
        true
    }
}

impl Screen {
    /// The screen as a pane.
    pub fn pane(&self) -> &dyn Pane {
        match self {
            Screen::Card(screen) => screen,
            Screen::Search(screen) => screen.as_ref(),
            Screen::Builder(screen) => screen.as_ref(),
            Screen::Run(screen) => screen.as_ref(),
            Screen::NewAgenda(screen) => screen.as_ref(),
            Screen::Packs(screen) => screen.as_ref(),
            Screen::Checklist(screen) => screen,
            Screen::Editor(screen) => screen.as_ref(),
            Screen::Prep(screen) => screen.as_ref(),
            Screen::Conflict(screen) => screen.as_ref(),
            Screen::Course(screen) => screen.as_ref(),
        }
    }

    /// The screen as a pane, to change.
    pub fn pane_mut(&mut self) -> &mut dyn Pane {
        match self {
            Screen::Card(screen) => screen,
            Screen::Search(screen) => screen.as_mut(),
            Screen::Builder(screen) => screen.as_mut(),
            Screen::Run(screen) => screen.as_mut(),
            Screen::NewAgenda(screen) => screen.as_mut(),
            Screen::Packs(screen) => screen.as_mut(),
            Screen::Checklist(screen) => screen,
            Screen::Editor(screen) => screen.as_mut(),
            Screen::Prep(screen) => screen.as_mut(),
            Screen::Conflict(screen) => screen.as_mut(),
            Screen::Course(screen) => screen.as_mut(),
        }
    }
}

impl Popup {
    /// The window as a pane.
    pub fn pane(&self) -> &dyn Pane {
        match self {
            Popup::Help(window) => window,
            Popup::Message(window) => window,
            Popup::Answer(window) => window,
            Popup::Ask(window) => window,
            Popup::Offer(window) => window.as_ref(),
            Popup::Log(window) => window.as_ref(),
            Popup::Export(window) => window,
        }
    }
}

impl Pane for CardScreen {
    fn context(&self) -> Context {
        Context::CardView
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        card_view::render(app, self, frame, main);
    }

    fn wheel(&mut self, _at: MousePoint, down: bool, ctx: &UpdateContext<'_>) -> Wheel {
        self.scroll(down, ctx.library, ctx.files, ctx.main);
        Wheel::Done
    }

    fn clamp(&mut self, ctx: &UpdateContext<'_>) {
        CardScreen::clamp(self, ctx.library, ctx.files, ctx.main);
    }

    fn follow_cards(&mut self, moved: &dyn Fn(usize) -> Option<usize>) -> bool {
        match self.subject {
            Subject::Card(index) => moved(index)
                .map(|now| self.subject = Subject::Card(now))
                .is_some(),
            Subject::File(_) => true,
            Subject::Problem(_) => false,
        }
    }
}

impl Pane for SearchScreen {
    fn context(&self) -> Context {
        Context::Search
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        search::render(app, self, frame, main);
    }

    fn wheel(&mut self, at: MousePoint, down: bool, ctx: &UpdateContext<'_>) -> Wheel {
        self.scroll(at, down, ctx.library, ctx.files, ctx.main);
        Wheel::Done
    }

    fn clamp(&mut self, ctx: &UpdateContext<'_>) {
        SearchScreen::clamp(self, ctx.library, ctx.files, ctx.main);
    }
}

impl Pane for AgendaBuilder {
    fn context(&self) -> Context {
        match self.layer {
            Layer::Timetable => Context::Builder,
            Layer::Prompt(_) => Context::BuilderPrompt,
            Layer::Picker(_) => Context::CardPicker,
            Layer::Leaving => Context::BuilderLeave,
        }
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        agenda_builder_draw::render(app, self, frame, main);
    }

    fn clamp(&mut self, _ctx: &UpdateContext<'_>) {
        self.list.clamp(self.agenda.items.len());
    }
}

impl Pane for RunScreen {
    fn context(&self) -> Context {
        Context::Run
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        run_mode::render(app, self, frame, main);
    }
}

impl Pane for NewAgenda {
    fn context(&self) -> Context {
        Context::NewAgenda
    }

    /// A window over the library screen, which stays in view behind it.
    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        browser::render(app, frame, main);
        new_agenda::render(self, &app.theme, frame, main);
    }
}

impl Pane for PackScreen {
    fn context(&self) -> Context {
        match (&self.mode, &self.opened) {
            (PackMode::Path(_), _) => Context::PackPath,
            (PackMode::Confirm { .. }, _) => Context::PackConfirm,
            (PackMode::ForkId { .. }, _) => Context::PackForkId,
            (PackMode::Browse, None) => Context::PackList,
            (PackMode::Browse, Some(_)) => Context::PackCards,
        }
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        packs::render(app, self, frame, main);
    }

    fn clamp(&mut self, ctx: &UpdateContext<'_>) {
        PackScreen::clamp(self, ctx.library, ctx.main);
    }
}

impl Pane for ChecklistScreen {
    fn context(&self) -> Context {
        Context::Checklist
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        checklist::render(app, self, frame, main);
    }

    fn follow_cards(&mut self, moved: &dyn Fn(usize) -> Option<usize>) -> bool {
        moved(self.card).map(|now| self.card = now).is_some()
    }
}

impl Pane for EditorScreen {
    fn context(&self) -> Context {
        Context::Editor
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        editor::render(app, self, frame, main);
    }

    fn wheel(&mut self, _at: MousePoint, _down: bool, _ctx: &UpdateContext<'_>) -> Wheel {
        Wheel::Done
    }
}

/// The prep list holds no card positions: it looks its cards up as it draws.
impl Pane for PrepScreen {
    fn context(&self) -> Context {
        Context::Prep
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        prep::render(app, self, frame, main);
    }
}

/// The conflict is found again by its path after a reload, and its scrolling is clamped as it
/// is drawn.
impl Pane for ConflictScreen {
    fn context(&self) -> Context {
        Context::Conflict
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        conflict::render(app, self, frame, main);
    }
}

impl Pane for CoursePlanner {
    fn context(&self) -> Context {
        match self.layer {
            PlannerLayer::Sessions => Context::CoursePlanner,
            PlannerLayer::Prompt(..) => Context::CoursePrompt,
            PlannerLayer::Leaving => Context::CourseLeave,
        }
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        course_planner_draw::render(app, self, frame, main);
    }

    fn clamp(&mut self, _ctx: &UpdateContext<'_>) {
        self.list.clamp(self.course.sessions.len());
    }
}

impl Pane for HelpPopup {
    fn context(&self) -> Context {
        Context::Help
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        help::render(app, self, frame, main);
    }
}

impl Pane for MessagePopup {
    fn context(&self) -> Context {
        Context::Message
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        message::render(app, self, frame, main);
    }
}

impl Pane for AnswerWindow {
    fn context(&self) -> Context {
        Context::Answer
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        answer::render(app, self, frame, main);
    }
}

/// The editing keys' questions are typed like the editor, so they share its keys.
impl Pane for AskPopup {
    fn context(&self) -> Context {
        Context::Editor
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        ask::render(app, self, frame, main);
    }
}

impl Pane for OfferWindow {
    fn context(&self) -> Context {
        Context::Offer
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        offer_draw::render(app, self, frame, main);
    }
}

impl Pane for LogWindow {
    fn context(&self) -> Context {
        Context::LogWindow
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        log_window::render(app, self, frame, main);
    }
}

impl Pane for ExportWindow {
    fn context(&self) -> Context {
        Context::ExportWindow
    }

    fn render(&self, app: &App, frame: &mut Frame<'_>, main: Rect) {
        export_window::render(app, self, frame, main);
    }
}
