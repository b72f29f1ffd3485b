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
// Loading in the background and timing (#9).
pub use super::search_worker::SearchWorker;
use super::timing::Timing;
use super::view;
use crate::library;
use std::sync::mpsc::{Receiver, TryRecvError};

/// How long to wait for input before looking at the signal flags again. Waiting (not
/// spinning) is what keeps the app idle when nothing happens.
const POLL_INTERVAL: Duration = Duration::from_millis(200);

/// An app and the terminal it draws on.
pub struct Tui<B: Backend> {
    pub terminal: Terminal<B>,
    pub app: App,
    /// Matches search queries off the input thread (#9); without it (tests) searches run in
    /// place.
    pub search_worker: Option<SearchWorker>,
}

impl<B> Tui<B>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    pub fn new(backend: B, app: App) -> anyhow::Result<Self> {
        let terminal = Terminal::new(backend).context("cannot use the terminal")?;
        Ok(Tui {
            terminal,
            app,
            search_worker: None,
        })
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
                // Matching off the input thread (#9): the results come through the event loop.
                Effect::Search(job) => {
                    let sent = match &mut self.search_worker {
                        Some(worker) => worker.send(job.clone()),
                        None => false,
                    };
                    if sent {
                        continue;
                    }
                    super::search_worker::run_in_place(job)
                }
                effect => run_effect(effect),
            };
            queue.extend(self.app.update(action));
        }
    }
}

/// Carries out one effect and says how it went.
pub fn run_effect(effect: Effect) -> Action {
    match effect {
        // The library as the app holds it: through the index, with lean cards (#9).
        Effect::LoadLibrary(root) => Action::LibraryLoaded(Box::new(library::load_lean(
            &root,
            library::index_file(&root).as_deref(),
            &|_, _| {},
        ))),
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
        // Cards read on demand and matching (#9).
        Effect::ReadCards(cards) => super::lean_cards::read_cards(cards),
        Effect::Search(job) => super::search_worker::run_in_place(job),
    }
}

/// Runs the app on a real terminal until the user quits, a signal arrives, or the terminal
/// goes away. Returns the signal that ended it, if one did.
pub fn event_loop<B>(tui: &mut Tui<B>, signals: &Signals) -> anyhow::Result<Option<i32>>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let mut timing = Timing::from_env(std::time::Instant::now());
    event_loop_with(tui, signals, None, &mut timing)
}

/// How often to look for search results while they are coming (#9): a fraction of a frame.
const SEARCH_POLL: Duration = Duration::from_millis(1);

/// How often to look for background results while they are coming (#9): often enough that
/// progress moves smoothly.
const BACKGROUND_POLL: Duration = Duration::from_millis(50);

/// [`event_loop`] that also takes actions from a background job (the library loading, #9) as
/// they come, and writes timings (see [`Timing`]).
pub fn event_loop_with<B>(
    tui: &mut Tui<B>,
    signals: &Signals,
    mut background: Option<Receiver<Action>>,
    timing: &mut Timing,
) -> anyhow::Result<Option<i32>>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    tui.draw()?;
    timing.since_start("first_frame", "");
    // The last key whose search results are still to come, for the timing mode.
    let mut last_key: Option<(std::time::Instant, String)> = None;
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
        // Loading in the background (#9): whatever arrived, in order, then one frame.
        if let Some(receiver) = &background {
            let (arrived, finished) = drain(receiver, tui, timing);
            if finished {
                background = None;
            }
            if arrived {
                tui.draw()?;
            }
        }
        // Matching off the input thread (#9): results that arrived, then one frame.
        if searched(tui, timing, last_key.as_ref())? {
            last_key = None;
        }
        let interval = if tui
            .search_worker
            .as_ref()
            .is_some_and(SearchWorker::is_busy)
        {
            SEARCH_POLL
        } else if background.is_some() {
            BACKGROUND_POLL
        } else {
            POLL_INTERVAL
        };
        // An error here means the terminal is gone (closed window, hung-up line): stop
        // rather than poll a dead terminal in a loop.
        if !ct::poll(interval).context("cannot read from the terminal")? {
            continue;
        }
        let event = ct::read().context("cannot read from the terminal")?;
        let read_at = std::time::Instant::now();
        if let Some(event) = Event::from_crossterm(event) {
            let context = tui.app.context();
            tui.handle(&event);
            tui.draw()?;
            if timing.is_on()
                && let Event::Key(key) = &event
            {
                timing.since("key", read_at, &format!("{context:?}\t{:?}", key.key));
                if tui
                    .search_worker
                    .as_ref()
                    .is_some_and(SearchWorker::is_busy)
                {
                    last_key = Some((read_at, format!("{context:?}\t{:?}", key.key)));
                }
            }
        }
    }
    Ok(None)
}

/// Runs the actions a background job sent so far (#9). Returns whether any arrived, and
/// whether the job is over (its last action arrived, or it went away).
fn drain<B>(receiver: &Receiver<Action>, tui: &mut Tui<B>, timing: &mut Timing) -> (bool, bool)
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let mut arrived = false;
    loop {
        match receiver.try_recv() {
            Ok(action) => {
                arrived = true;
                let finished = matches!(action, Action::BackgroundLoaded(_));
                let effects = tui.app.update(action);
                tui.run_effects(effects);
                if finished {
                    timing.since_start("all_loaded", "");
                    return (true, true);
                }
            }
            Err(TryRecvError::Empty) => return (arrived, false),
            Err(TryRecvError::Disconnected) => {
                // The job ended without its result (it panicked): say so, never spin.
                tui.app.loading = None;
                tui.app.show_message(
                    "Library",
                    "Loading the library stopped before it finished; the cards shown are \
                     those loaded. Start skillbook again to load the rest.",
                );
                return (arrived, true);
            }
        }
    }
}

/// Applies the search results the worker sent (#9) and draws them; records the time from
/// `last_key` to them. Returns whether results arrived.
fn searched<B>(
    tui: &mut Tui<B>,
    timing: &mut Timing,
    last_key: Option<&(std::time::Instant, String)>,
) -> anyhow::Result<bool>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let Some(worker) = &mut tui.search_worker else {
        return Ok(false);
    };
    let arrived = worker.arrived();
    if arrived.is_empty() {
        return Ok(false);
    }
    let busy = worker.is_busy();
    for action in arrived {
        let effects = tui.app.update(action);
        tui.run_effects(effects);
    }
    tui.draw()?;
    if !busy && let Some((read_at, detail)) = last_key {
        timing.since("results", *read_at, detail);
    }
    Ok(!busy)
}
