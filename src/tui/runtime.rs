//! The one place the app's effects meet the world: reading files and the library. `Tui` ties an
//! `App` to a terminal of any backend, so whole flows run the same on a test backend with
//! scripted keys as on the real terminal.

use std::collections::VecDeque;
use std::time::Duration;

use anyhow::Context as _;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event as ct;

use super::action::Action;
use super::app::App;
use super::effect::Effect;
use super::event::{Event, script};
use super::terminal::Signals;
use super::view;
use crate::library;

/// How long to wait for input before looking at the signal flags again. Waiting (not
/// spinning) is what keeps the app idle when nothing happens.
const POLL_INTERVAL: Duration = Duration::from_millis(200);

/// How often the app's clock ticks (for the editor's recovery file).
const TICK_INTERVAL: Duration = Duration::from_secs(1);

/// An app and the terminal it draws on.
pub struct Tui<B: Backend> {
    pub terminal: Terminal<B>,
    pub app: App,
}

impl<B> Tui<B>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    pub fn new(backend: B, app: App) -> anyhow::Result<Self> {
        let terminal = Terminal::new(backend).context("cannot use the terminal")?;
        Ok(Tui { terminal, app })
    }

    /// Draws the app as it is now.
    pub fn draw(&mut self) -> anyhow::Result<()> {
        let app = &self.app;
        self.terminal
            .draw(|frame| view::render(app, frame))
            .context("cannot draw to the terminal")?;
        Ok(())
    }

    /// Handles one input event and runs the effects it leads to.
    pub fn handle(&mut self, event: &Event) {
        let effects = self.app.handle_event(event);
        self.run_effects(effects);
    }

    /// Types scripted keys (`"/pivot<enter>"`), drawing after each, as a user would see it.
    pub fn type_keys(&mut self, keys: &str) -> anyhow::Result<()> {
        for key in script(keys) {
            self.handle(&Event::Key(key));
            self.draw()?;
        }
        Ok(())
    }

    /// Runs effects, and the effects their results lead to, until none are left.
    pub fn run_effects(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            let action = match effect {
                // The user's editor needs the terminal itself (#5).
                Effect::Editing(super::editor::effects::EditEffect::External { path }) => {
                    self.external_edit(path)
                }
                effect => run_effect(effect),
            };
            queue.extend(self.app.update(action));
        }
    }
}

impl<B> Tui<B>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    /// Runs the user's editor on a card file with the terminal given back, then redraws fully.
    fn external_edit(&mut self, path: std::path::PathBuf) -> Action {
        use super::editor::effects::EditResult;
        use super::editor::external::run_editor;
        let before = std::fs::read_to_string(&path).map_err(|error| error.to_string());
        let ran = super::terminal::suspend(|| run_editor(&path));
        // What was on screen is gone; draw everything again.
        let _ = self.terminal.clear();
        let after = std::fs::read_to_string(&path).map_err(|error| error.to_string());
        Action::Editing(EditResult::ExternalDone {
            path,
            before,
            after,
            ran,
        })
    }
}

/// Carries out one effect and says how it went.
pub fn run_effect(effect: Effect) -> Action {
    match effect {
        Effect::LoadLibrary(root) => Action::LibraryLoaded(Box::new(library::load(&root))),
        Effect::ReadFile(path) => {
            let text = std::fs::read_to_string(&path).map_err(|error| error.to_string());
            Action::FileRead { path, text }
        }
        Effect::Editing(effect) => Action::Editing(super::editor::effects::run(effect)),
    }
}

/// Runs the app on a real terminal until the user quits, a signal arrives, or the terminal
/// goes away. Returns the signal that ended it, if one did.
pub fn event_loop<B>(tui: &mut Tui<B>, signals: &Signals) -> anyhow::Result<Option<i32>>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    tui.draw()?;
    // The editor's recovery clock (#5): a tick about every second, typing or not.
    let mut last_tick = std::time::Instant::now();
    while tui.app.is_running() {
        if last_tick.elapsed() >= TICK_INTERVAL {
            last_tick = std::time::Instant::now();
            let effects = tui.app.update(Action::Tick);
            if !effects.is_empty() {
                tui.run_effects(effects);
                tui.draw()?;
            }
        }
        if let Some(signal) = signals.received() {
            return Ok(Some(signal));
        }
        // An error here means the terminal is gone (closed window, hung-up line): stop
        // rather than poll a dead terminal in a loop.
        if !ct::poll(POLL_INTERVAL).context("cannot read from the terminal")? {
            continue;
        }
        let event = ct::read().context("cannot read from the terminal")?;
        if let Some(event) = Event::from_crossterm(event) {
            tui.handle(&event);
            tui.draw()?;
        }
    }
    Ok(None)
}
