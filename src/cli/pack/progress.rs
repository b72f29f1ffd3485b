//! Live progress of `skillbook pack install` on stderr: the step lines as they come, and, when
//! stderr is a terminal and the install takes more than a moment, one line rewritten in place
//! with the entries and bytes unpacked so far (or how long a clone has been running).

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::cli::output::line;
use crate::pack::install::Stage;
use crate::pack::progress::{Meter, progress_line};

/// How long an install runs before the live line appears: a quick install prints only its
/// step lines.
const MOMENT: Duration = Duration::from_millis(400);
/// How often the live line is redrawn.
const TICK: Duration = Duration::from_millis(100);

/// Erases the live line: back to the start, clear to the end.
const ERASE: &str = "\r\x1b[2K";

#[derive(Default)]
struct Shown {
    /// The step being worked on, as its line says it.
    step: String,
    started: Option<Instant>,
    /// Whether the live line is on screen now.
    live: bool,
}

/// Prints an install's progress; [`Progress::finish`] (or dropping it) stops the live line.
pub struct Progress {
    pub meter: Arc<Meter>,
    shown: Arc<Mutex<Shown>>,
    done: Arc<AtomicBool>,
    ticker: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts watching; the live line only runs when stderr is a terminal.
    pub fn start() -> Progress {
        let meter = Arc::new(Meter::default());
        let shown = Arc::new(Mutex::new(Shown::default()));
        let done = Arc::new(AtomicBool::new(false));
        let ticker = std::io::stderr().is_terminal().then(|| {
            let (meter, shown, done) = (Arc::clone(&meter), Arc::clone(&shown), Arc::clone(&done));
            std::thread::spawn(move || tick(&meter, &shown, &done))
        });
        Progress {
            meter,
            shown,
            done,
            ticker,
        }
    }

    /// Prints a step's line (above the live line), and makes it the step the live line names.
    pub fn step(&self, stage: &Stage) {
        let Ok(mut shown) = self.shown.lock() else {
            return;
        };
        let mut err = std::io::stderr().lock();
        if shown.live {
            let _ = write!(err, "{ERASE}");
            shown.live = false;
        }
        let _ = writeln!(err, "{}", line(&stage.to_string()));
        shown.step = line(&stage.to_string()).into_owned();
        shown.started = Some(Instant::now());
    }

    /// Stops the live line and erases it.
    pub fn finish(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
        if let Ok(mut shown) = self.shown.lock()
            && shown.live
        {
            let _ = write!(std::io::stderr(), "{ERASE}");
            shown.live = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

fn tick(meter: &Meter, shown: &Mutex<Shown>, done: &AtomicBool) {
    let began = Instant::now();
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(TICK);
        if began.elapsed() < MOMENT {
            continue;
        }
        let Ok(mut shown) = shown.lock() else {
            return;
        };
        if done.load(Ordering::Relaxed) || shown.step.is_empty() {
            continue;
        }
        let text = match (meter.entries(), shown.started) {
            (0, Some(started)) => format!("{}… {}s", shown.step, started.elapsed().as_secs()),
            (entries, _) => progress_line(&shown.step, entries, meter.bytes()),
        };
        let _ = write!(std::io::stderr().lock(), "{ERASE}{text}");
        shown.live = true;
    }
}
