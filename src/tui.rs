//! The terminal app: browse the library and the bundled packs, read cards, search.
//!
//! One direction, one place for side effects:
//!
//! ```text
//! crossterm event -> Event -> keymap.resolve(key, context) -> Command
//!   -> app.update(Action) -> Vec<Effect>         (pure: no I/O, no terminal)
//!   -> runtime runs the effects -> results come back as Actions
//!   -> terminal.draw(|f| view::render(&app, f))  (drawing changes nothing)
//! ```
//!
//! - [`app`] holds the state and `update`; [`action`], [`command`] and [`effect`] are what flows
//!   through it; [`keymap`] resolves keys; [`runtime`] runs effects and the event loop;
//!   [`terminal`] takes the terminal over and always gives it back.
//! - [`view`] draws everything; [`views`] has one module per pane, [`widgets`] the small shared
//!   pieces; [`layout`] computes where panes go for both drawing and mouse handling.
//! - [`theme`] and [`config`] read the user's settings.

pub mod action;
pub mod app;
pub mod command;
pub mod config;
pub mod effect;
pub mod event;
pub mod keymap;
pub mod layout;
pub mod pane;
pub mod readiness;
pub mod runtime;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod views;
pub mod widgets;
// Agenda builder and run mode: the app's side of them.
mod app_agenda;
// Where each input goes.
mod app_input;
// The library read again, and selections kept in their lists.
mod app_library;
// Pack browser.
pub mod pack_jobs;
// Editing cards (#5).
mod editing;
pub mod editor;
pub mod watch;
// Pack installs on worker threads (#8).
pub mod pack_worker;
// Course planner and using a card in the open agenda (#7).
mod app_course;
// The session log (#7).
mod app_log;
// The export window (#7).
mod app_export;
// Loading in the background, cards read on demand, timing (#9).
pub mod lean_cards;
pub mod search_worker;
pub mod timing;

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use self::app::App;
use self::config::{config_dir, load_config};
use self::runtime::{Tui, event_loop_with};
use self::terminal::{Signals, end_by_signal};
use self::theme::{DEFAULT_THEME, Theme};
use crate::library::{self, Library};

/// What the command line passes to the app.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TuiOptions {
    /// `--theme NAME`: wins over the config file's theme.
    pub theme: Option<String>,
}

/// Whether `NO_COLOR` asks for no colour (set and not empty, as no-color.org says).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// The library folder the config file names, if it names one (for the command line, which
/// decides between `--library`, `SKILLBOOK_LIBRARY`, this and the default).
pub fn configured_library() -> Option<PathBuf> {
    load_config(config_dir().as_deref()).0.library
}

/// Builds the app: reads the config in `config_dir` and the theme, and puts every problem
/// with them in a message window, so the app starts on defaults and says why.
pub fn build_app(
    library: Library,
    options: &TuiOptions,
    config_dir: Option<&Path>,
    color: bool,
    width: u16,
    height: u16,
) -> App {
    let (config, config_problems) = load_config(config_dir);
    let theme_name = options.theme.as_deref().or(config.theme.as_deref());
    let (theme, theme_problem) =
        match Theme::load(theme_name.unwrap_or(DEFAULT_THEME), config_dir, color) {
            Ok(theme) => (theme, None),
            Err(error) => {
                // Point at the config line when the name came from there.
                let at = match (&options.theme, &config.theme_at) {
                    (None, Some((path, position))) => format!("{}:{position}: ", path.display()),
                    _ => String::new(),
                };
                let fallback = Theme {
                    color,
                    ..Theme::default()
                };
                (fallback, Some(format!("{at}{error}")))
            }
        };
    let mut app = App::new(library, config.keymap, theme, width, height);
    if let Some(problems) = config_problems {
        app.show_message(
            "Config file",
            format!("{problems}\nskillbook runs on the default settings until this is fixed."),
        );
    }
    if let Some(problem) = theme_problem {
        app.show_message(
            "Theme",
            format!("{problem}\nUsing the {DEFAULT_THEME} theme."),
        );
    }
    app
}

/// Runs the terminal app on the library at `library_root` (which need not exist yet: the
/// bundled packs are always there) until the user quits.
///
/// The terminal is restored on every way out. When SIGTERM, SIGHUP or SIGINT ends the app,
/// the process then ends as that signal asks, so the parent sees why it stopped.
pub fn run(library_root: PathBuf, options: TuiOptions) -> anyhow::Result<()> {
    // #9: the library comes from its index when there is one (the cards are checked against
    // it); without one, the first frame shows what is loaded while the rest loads behind it.
    let mut timing = timing::Timing::from_env(std::time::Instant::now());
    let (library, background) = start_loading(&library_root, library::index_file(&library_root));
    let signals = Signals::register().context("cannot listen for signals")?;
    let terminal = terminal::init().context("cannot take over the terminal")?;
    let outcome = (|| {
        let size = terminal.size().context("cannot read the terminal size")?;
        let app = build_app(
            library,
            &options,
            config_dir().as_deref(),
            !no_color_requested(),
            size.width,
            size.height,
        );
        let mut tui = Tui {
            terminal,
            app,
            // Pack installs on worker threads (#8).
            pack_workers: pack_worker::PackWorkers::default(),
            // Matching off the input thread (#9).
            search_worker: runtime::SearchWorker::start(),
        };
        // Loading in the background (#9): the count so far, until the library arrives.
        if background.is_some() {
            tui.app.loading = Some((0, 0));
        }
        // The personal readiness state: ticks on pack cards (#6).
        tui.run_effects(vec![effect::Effect::LoadReadiness(library_root.clone())]);
        // Unsaved text an earlier run left behind is offered back first (#5).
        let root = tui.app.library.root.clone();
        tui.run_effects(vec![effect::Effect::Editing(
            editor::effects::EditEffect::ScanRecovery { root },
        )]);
        event_loop_with(&mut tui, &signals, background, &mut timing)
    })();
    terminal::restore();
    match outcome {
        Ok(Some(signal)) => {
            end_by_signal(signal);
            Ok(())
        }
        Ok(None) => Ok(()),
        Err(error) => Err(error),
    }
}

/// The library to start on, and the background load still to come (#9). With an index file
/// (`index`, see [`library::index_file`]) the library loads through it at once (only new and
/// changed cards are parsed); without one, the app starts on the bundled packs, agendas and
/// courses while a thread parses every card, sending its progress and then the library as
/// actions, and writes the index for next time.
pub fn start_loading(
    root: &Path,
    index: Option<PathBuf>,
) -> (Library, Option<std::sync::mpsc::Receiver<action::Action>>) {
    if index.as_deref().is_some_and(Path::exists) {
        let library = library::load_lean(root, index.as_deref(), &|_, _| {});
        return (library, None);
    }
    let skeleton = library::load_skeleton(root);
    let (sender, receiver) = std::sync::mpsc::channel();
    let (thread_root, thread_index) = (root.to_path_buf(), index.clone());
    let spawned = std::thread::Builder::new()
        .name("library-load".into())
        .spawn(move || {
            let last = std::sync::Mutex::new(0usize);
            let progress = |done: usize, total: usize| {
                // One message per percent at most: the channel stays short.
                let step = (total / 100).max(1);
                if let Ok(mut last) = last.lock()
                    && (done >= *last + step || done == total)
                {
                    *last = done;
                    let _ = sender.send(action::Action::LoadProgress { done, total });
                }
            };
            let library = library::load_lean(&thread_root, thread_index.as_deref(), &progress);
            let _ = sender.send(action::Action::BackgroundLoaded(Box::new(library)));
        });
    match spawned {
        Ok(_) => (skeleton, Some(receiver)),
        // No thread to spare: load here, as before.
        Err(_) => (library::load_lean(root, index.as_deref(), &|_, _| {}), None),
    }
}
