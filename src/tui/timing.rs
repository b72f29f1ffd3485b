//! The timing mode (#9): with `SKILLBOOK_TIMING=FILE` set, the app appends how long things
//! took to FILE, one line each, tab-separated: what, milliseconds, detail.
//!
//! - `first_frame`: from the start of the process's terminal app to its first frame drawn;
//! - `all_loaded`: to the end of a background load (a library without a warm index);
//! - `key`: from reading a key to the frame that shows what it did drawn (in the search pane,
//!   keystroke to updated results), with the pane and the key.
//!
//! `benches/latency.sh` drives the app in tmux and reads the file. Writing a line costs a few
//! microseconds; without the variable nothing is measured or written.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::Instant;

/// Environment variable naming the file timings are appended to.
pub const TIMING_ENV: &str = "SKILLBOOK_TIMING";

/// Where timings go, and when the app started.
#[derive(Debug)]
pub struct Timing {
    out: Option<BufWriter<File>>,
    started: Instant,
}

impl Timing {
    /// Timing as the environment asks, counted from `started`.
    pub fn from_env(started: Instant) -> Timing {
        let out = std::env::var_os(TIMING_ENV)
            .filter(|path| !path.is_empty())
            .and_then(|path| File::options().create(true).append(true).open(path).ok())
            .map(BufWriter::new);
        Timing { out, started }
    }

    /// Whether timings are written.
    pub fn is_on(&self) -> bool {
        self.out.is_some()
    }

    /// Records `what` as the time since the start.
    pub fn since_start(&mut self, what: &str, detail: &str) {
        let elapsed = self.started.elapsed();
        self.record(what, elapsed.as_secs_f64() * 1000.0, detail);
    }

    /// Records `what` as the time since `from`.
    pub fn since(&mut self, what: &str, from: Instant, detail: &str) {
        self.record(what, from.elapsed().as_secs_f64() * 1000.0, detail);
    }

    fn record(&mut self, what: &str, millis: f64, detail: &str) {
        if let Some(out) = &mut self.out {
            // A timing that cannot be written is not worth stopping the app for.
            let _ = writeln!(out, "{what}\t{millis:.3}\t{detail}");
            let _ = out.flush();
        }
    }
}
