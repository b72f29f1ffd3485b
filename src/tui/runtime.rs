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
use super::terminal::{Signals, TerminalWatch};
use super::view;
use crate::library;

/// How long to wait for input before looking at the signal flags again. Waiting (not
/// spinning) is what keeps the app idle when nothing happens.
const POLL_INTERVAL: Duration = Duration::from_millis(200);

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
                // Pack browser: installs draw their progress as they go.
                Effect::Pack(job) => self.run_pack_job(job),
                effect => run_effect(effect),
            };
            queue.extend(self.app.update(action));
        }
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
        // Agenda builder and run mode.
        Effect::OpenAgenda(path) => {
            let read = crate::store::read(&path)
                .map_err(|error| error.to_string())
                .and_then(|(bytes, fingerprint)| {
                    String::from_utf8(bytes)
                        .map(|text| (text, fingerprint))
                        .map_err(|_| format!("{}: not UTF-8 text", path.display()))
                });
            Action::AgendaOpened { path, read }
        }
        Effect::SaveAgenda {
            path,
            expected,
            contents,
        } => {
            let saved = crate::store::save_checked(&path, Some(expected), contents.as_bytes())
                .map(|fingerprint| (contents, fingerprint))
                .map_err(|error| match error {
                    crate::error::Error::ChangedOnDisk { .. } => format!(
                        "Not saved: {} changed on disk since it was read",
                        path.display()
                    ),
                    other => format!("Not saved: {other}"),
                });
            Action::AgendaSaved { path, saved }
        }
        Effect::WriteExports(files) => Action::AgendaExported(
            files
                .into_iter()
                .map(|(path, text)| {
                    crate::store::write_atomic(&path, text.as_bytes())
                        .map(|()| path)
                        .map_err(|error| error.to_string())
                })
                .collect(),
        ),
        Effect::CreateAgenda { path, text } => {
            let created = crate::store::save_checked(&path, None, text.as_bytes())
                .map(|_| ())
                .map_err(|error| error.to_string());
            Action::AgendaCreated { path, created }
        }
        // Pack browser.
        Effect::Pack(job) => super::pack_jobs::run(job, &mut |_| {}),
        // Ticks and answers on checklists (#6).
        Effect::SaveCard(save) => save.run(),
        Effect::SaveReadiness(save) => save.run(),
        Effect::LoadReadiness(root) => super::readiness::load_state(&root),
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
    // Reliability (#10): notices the terminal hanging up, which crossterm alone spins on.
    let watch = TerminalWatch::new();
    // Agenda builder and run mode: the clock run mode reads, sent as an action.
    let started = std::time::Instant::now();
    while tui.app.is_running() {
        if tui.app.wants_ticks() {
            let effects = tui.app.update(Action::Tick(started.elapsed().as_secs()));
            tui.run_effects(effects);
            tui.draw()?;
        }
        if let Some(signal) = signals.received() {
            return Ok(Some(signal));
        }
        // An error here means the terminal is gone (closed window, hung-up line): stop
        // rather than poll a dead terminal in a loop.
        if !poll_terminal(&watch, POLL_INTERVAL).context("cannot read from the terminal")? {
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

/// crossterm's `poll`, safe on a hung-up terminal (#10): events crossterm already holds come
/// first; otherwise we wait on the terminal ourselves, and crossterm reads only while the
/// terminal is still there (it would retry end-of-file and EIO forever).
fn poll_terminal(watch: &TerminalWatch, timeout: Duration) -> anyhow::Result<bool> {
    watch.check()?;
    if ct::poll(Duration::ZERO)? {
        return Ok(true);
    }
    watch.wait(timeout)?;
    Ok(ct::poll(Duration::ZERO)?)
}
