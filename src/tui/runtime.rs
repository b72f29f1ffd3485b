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
// Loading in the background and timing (#9).
pub use super::search_worker::SearchWorker;
use super::timing::Timing;
use super::view;
use crate::library;
use std::sync::mpsc::{Receiver, TryRecvError};

/// How long to wait for input before looking at the signal flags again. Waiting (not
/// spinning) is what keeps the app idle when nothing happens.
const POLL_INTERVAL: Duration = Duration::from_millis(200);
/// How often a running pack install's progress is shown (#8).
const JOB_INTERVAL: Duration = Duration::from_millis(80);

/// How often the app's clock ticks (for the editor's recovery file).
const TICK_INTERVAL: Duration = Duration::from_secs(1);

/// An app and the terminal it draws on.
pub struct Tui<B: Backend> {
    pub terminal: Terminal<B>,
    pub app: App,
    /// Pack installs running on worker threads (#8).
    pub pack_workers: super::pack_worker::PackWorkers,
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
            pack_workers: super::pack_worker::PackWorkers::default(),
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
            // Pack installs (#8): a script waits for them, as a user watching the pane does.
            self.settle_pack_jobs();
            self.draw()?;
        }
        Ok(())
    }

    /// Pack installs (#8): applies what the worker threads reported so far, without waiting.
    /// Returns whether anything came in (and so the screen should be drawn again).
    pub fn poll_pack_jobs(&mut self) -> bool {
        let reports = self.pack_workers.poll();
        let any = !reports.is_empty();
        for report in reports {
            let effects = self.app.update(Action::Pack(report));
            self.run_effects(effects);
        }
        any
    }

    /// Pack installs (#8): waits for every running job and applies its reports, until none is
    /// left running (a report can start another job).
    pub fn settle_pack_jobs(&mut self) {
        while self.pack_workers.busy() {
            for report in self.pack_workers.wait() {
                let effects = self.app.update(Action::Pack(report));
                self.run_effects(effects);
            }
        }
    }

    /// Runs effects, and the effects their results lead to, until none are left.
    pub fn run_effects(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            let action = match effect {
                // Pack installs run on a worker thread and report through `poll_pack_jobs` (#8).
                Effect::Pack(job) if job.runs_in_background() => {
                    self.pack_workers.spawn(job);
                    continue;
                }
                // Pack browser: installs draw their progress as they go.
                Effect::Pack(job) => self.run_pack_job(job),
                // The user's editor needs the terminal itself (#5).
                Effect::Editing(super::editor::effects::EditEffect::External { path }) => {
                    self.external_edit(path)
                }
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
        Effect::Editing(effect) => Action::Editing(super::editor::effects::run(effect)),
        // The offer window and plan readiness (#6).
        Effect::WriteOffer { folder, stem, text } => {
            super::views::offer::write_offer(&folder, &stem, &text)
        }
        Effect::ReadPlans(paths) => super::readiness::read_plans(paths),
        // Merge conflicts left by a pack update (#8).
        Effect::ResolveConflict(job) => job.run(),
        // Course planner and using a card in the open agenda (#7).
        Effect::OpenCourse(path) => super::app_course::open_course(path),
        Effect::SaveCourse {
            path,
            expected,
            contents,
        } => super::app_course::save_course(path, expected, contents),
        Effect::AddToAgenda { path, card } => super::app_course::add_to_agenda_file(path, card),
        // The session log (#7).
        Effect::LoadLog {
            root,
            agenda,
            title,
            start,
        } => super::app_log::load_log(&root, &agenda, title, *start),
        Effect::SaveLog(loaded) => super::app_log::save_log(&loaded),
        Effect::FindLastLog {
            root,
            agenda,
            mentee,
        } => super::app_log::find_last_log(&root, agenda, &mentee),
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
    background: Option<Receiver<Action>>,
    timing: &mut Timing,
) -> anyhow::Result<Option<i32>>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    let ended = run_until_done(tui, signals, background, timing);
    if !matches!(ended, Ok(None)) {
        // Ended without the user's say (a signal, the terminal gone): text still unsaved in
        // an editor goes to its recovery file first, to be offered back at the next start.
        let effects = tui.app.keep_unsaved();
        tui.run_effects(effects);
    }
    ended
}

fn run_until_done<B>(
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
    // Reliability (#10): notices the terminal hanging up, which crossterm alone spins on.
    let watch = TerminalWatch::new();
    // The last key whose search results are still to come, for the timing mode.
    let mut last_key: Option<(std::time::Instant, String)> = None;
    // One clock for run mode's timer and the editor's recovery saves (#5): run mode reads it
    // on every turn of the loop, the editor about once a second, typing or not.
    let started = std::time::Instant::now();
    let mut last_tick = started;
    // Cards changed by other programs show without a reload (#5).
    let mut watcher = super::watch::LibraryWatcher::new(tui.app.library.root.clone());
    while tui.app.is_running() {
        // Pack installs on worker threads (#8): their progress and results, as they come.
        if tui.poll_pack_jobs() {
            tui.draw()?;
        }
        let run_mode = tui.app.wants_ticks();
        if run_mode || last_tick.elapsed() >= TICK_INTERVAL {
            last_tick = std::time::Instant::now();
            let effects = tui.app.update(Action::Tick(started.elapsed().as_secs()));
            let changed = run_mode || !effects.is_empty();
            tui.run_effects(effects);
            if changed {
                tui.draw()?;
            }
        }
        let changed = watcher.poll();
        if !changed.is_empty() {
            let effects = tui.app.update(Action::FilesChanged(changed));
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
        } else if tui.pack_workers.busy() {
            // While an install runs, look at its progress more often (#8).
            JOB_INTERVAL
        } else {
            POLL_INTERVAL
        };
        // An error here means the terminal is gone (closed window, hung-up line): stop
        // rather than poll a dead terminal in a loop.
        if !poll_terminal(&watch, interval).context("cannot read from the terminal")? {
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
