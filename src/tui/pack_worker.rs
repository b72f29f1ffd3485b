//! Pack installs off the UI thread (#8): an install (or the commit of one the user said yes to)
//! runs on a worker thread, so the app keeps drawing and taking keys while an archive unpacks or
//! a repository clones. The worker reports its steps and its result over a channel; the meter it
//! shares with the unpacker gives the entries and bytes written so far. The runtime turns both
//! into actions, so the app learns about a job the way it learns about any effect.
//!
//! Dropping [`PackWorkers`] (the app quits) asks every running install to stop and waits for
//! it: an install stopped while unpacking cleans up its staging folder, and one already moving
//! into place finishes, so quitting never leaves a pack half replaced.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::pack_jobs::{PackAction, PackEffect, run_metered};
use crate::pack::progress::Meter;

/// One install running on its thread.
struct Running {
    meter: Arc<Meter>,
    thread: Option<JoinHandle<()>>,
    /// The counts last reported, so an unchanged meter sends nothing.
    reported: (u64, u64),
}

/// The running pack jobs and the channel their reports come back on.
pub struct PackWorkers {
    sender: Sender<PackAction>,
    receiver: Receiver<PackAction>,
    running: Vec<Running>,
}

impl Default for PackWorkers {
    fn default() -> Self {
        let (sender, receiver) = channel();
        PackWorkers {
            sender,
            receiver,
            running: Vec::new(),
        }
    }
}

impl std::fmt::Debug for PackWorkers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PackWorkers({} running)", self.running.len())
    }
}

impl PackWorkers {
    /// Whether a job is still running.
    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Starts `effect` on a worker thread.
    pub fn spawn(&mut self, effect: PackEffect) {
        let meter = Arc::new(Meter::default());
        let sender = self.sender.clone();
        let shared = Arc::clone(&meter);
        let thread = std::thread::spawn(move || {
            let report = sender.clone();
            let mut progress = |line: String| {
                // A closed channel means the app is gone; the install goes on to its end.
                let _ = report.send(PackAction::Progress(line));
            };
            let done = run_metered(effect, &shared, &mut progress);
            let _ = sender.send(done);
        });
        self.running.push(Running {
            meter,
            thread: Some(thread),
            reported: (0, 0),
        });
    }

    /// What the jobs have to report now, without waiting: changed counts first, then the steps
    /// and results that arrived. Finished threads are joined.
    pub fn poll(&mut self) -> Vec<PackAction> {
        let mut actions = Vec::new();
        for job in &mut self.running {
            let counts = (job.meter.entries(), job.meter.bytes());
            if counts != job.reported {
                job.reported = counts;
                actions.push(PackAction::Unpacked {
                    entries: counts.0,
                    bytes: counts.1,
                });
            }
        }
        actions.extend(self.receiver.try_iter());
        self.running.retain_mut(|job| {
            let finished = job.thread.as_ref().is_none_or(JoinHandle::is_finished);
            if finished && let Some(thread) = job.thread.take() {
                let _ = thread.join();
            }
            !finished
        });
        // A report sent just before its thread ended is read here, not lost.
        actions.extend(self.receiver.try_iter());
        actions
    }

    /// Waits for every running job and returns all it reported (scripted flows and tests: a
    /// scripted key sees the finished install, as a user who waits does).
    pub fn wait(&mut self) -> Vec<PackAction> {
        for job in &mut self.running {
            if let Some(thread) = job.thread.take() {
                let _ = thread.join();
            }
        }
        self.poll()
    }
}

impl Drop for PackWorkers {
    fn drop(&mut self) {
        for job in &self.running {
            job.meter.stop();
        }
        for job in &mut self.running {
            if let Some(thread) = job.thread.take() {
                let _ = thread.join();
            }
        }
    }
}
