//! Matching off the input thread (#9). Over a large library the first keys of a query look at
//! every card, which takes longer than a frame; the search pane then echoes the key at once and
//! asks for the results with [`Effect::Search`]. On the real terminal a worker thread does the
//! matching, keeping its own [`LiveSearch`] so each key narrows the previous matches and a
//! backspace restores them; when keys come faster than results, only the newest query is
//! matched. Its results come back as [`Action::SearchResults`] through the event loop. On a
//! test backend the runtime runs the search in place, so flows stay deterministic.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use super::action::Action;
use crate::search::{LiveSearch, Query, SearchIndex};

/// From this many cards the search pane matches on the worker; below, matching takes less than
/// a millisecond or two and the results come with the key.
pub const WORKER_FROM: usize = 20_000;

/// The most results the search pane keeps.
pub const RESULT_LIMIT: usize = 500;

/// One query to match.
#[derive(Debug, Clone)]
pub struct SearchJob {
    pub index: Arc<SearchIndex>,
    /// The query box's text.
    pub text: String,
}

/// Two jobs are the same when they ask the same of the same index.
impl PartialEq for SearchJob {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.index, &other.index) && self.text == other.text
    }
}

impl Eq for SearchJob {}

/// Runs one job in place (a test backend, or no worker thread).
pub fn run_in_place(job: SearchJob) -> Action {
    let hits = LiveSearch::new().search(&job.index, Query::parse(&job.text), RESULT_LIMIT);
    Action::SearchResults {
        text: job.text,
        index: job.index.id(),
        hits,
    }
}

/// The worker thread's two ends, as the event loop sees them.
#[derive(Debug)]
pub struct SearchWorker {
    jobs: Sender<SearchJob>,
    /// An answer per job: its results, or `None` for a job skipped for a newer one.
    results: Receiver<Option<Action>>,
    /// Jobs sent whose results have not arrived.
    pending: usize,
}

impl SearchWorker {
    /// Starts the worker thread; `None` when no thread can be started (searches then run in
    /// place).
    pub fn start() -> Option<SearchWorker> {
        let (jobs, job_queue) = mpsc::channel::<SearchJob>();
        let (result_sender, results) = mpsc::channel();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || work(&job_queue, &result_sender))
            .ok()?;
        Some(SearchWorker {
            jobs,
            results,
            pending: 0,
        })
    }

    /// Hands a job to the worker; false when the worker is gone (run it in place then).
    pub fn send(&mut self, job: SearchJob) -> bool {
        let sent = self.jobs.send(job).is_ok();
        if sent {
            self.pending += 1;
        }
        sent
    }

    /// Whether results are still to come.
    pub fn is_busy(&self) -> bool {
        self.pending > 0
    }

    /// The results that arrived, oldest first.
    pub fn arrived(&mut self) -> Vec<Action> {
        let mut arrived = Vec::new();
        loop {
            match self.results.try_recv() {
                Ok(answer) => {
                    self.pending = self.pending.saturating_sub(1);
                    arrived.extend(answer);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.pending = 0;
                    break;
                }
            }
        }
        arrived
    }
}

/// The worker: the newest job first, older ones skipped (each answered with `None`, so the
/// count of pending jobs stays right).
fn work(jobs: &Receiver<SearchJob>, results: &Sender<Option<Action>>) {
    let mut live = LiveSearch::new();
    while let Ok(mut job) = jobs.recv() {
        while let Ok(newer) = jobs.try_recv() {
            job = newer;
            if results.send(None).is_err() {
                return;
            }
        }
        let hits = live.search(&job.index, Query::parse(&job.text), RESULT_LIMIT);
        if results
            .send(Some(Action::SearchResults {
                text: job.text,
                index: job.index.id(),
                hits,
            }))
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::SkillCard;

    fn index() -> Arc<SearchIndex> {
        let cards: Vec<SkillCard> = ["Build a pivot chart", "Share the team channel", "Plan"]
            .iter()
            .enumerate()
            .map(|(i, title)| SkillCard::new(format!("c{i}"), *title))
            .collect();
        Arc::new(SearchIndex::new(&cards))
    }

    fn wait_for(worker: &mut SearchWorker) -> Vec<Action> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let mut all = Vec::new();
        while worker.is_busy() && std::time::Instant::now() < deadline {
            all.extend(worker.arrived());
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        all
    }

    #[test]
    fn the_worker_answers_the_newest_query_as_a_search_in_place_would() {
        let index = index();
        let mut worker = SearchWorker::start().expect("a thread");
        for text in ["p", "pi", "piv"] {
            assert!(worker.send(SearchJob {
                index: Arc::clone(&index),
                text: text.to_string(),
            }));
        }
        let answers = wait_for(&mut worker);
        assert!(!worker.is_busy(), "every job answered");
        let last = answers.last().expect("results");
        let in_place = run_in_place(SearchJob {
            index: Arc::clone(&index),
            text: "piv".into(),
        });
        let (
            Action::SearchResults { text, hits, .. },
            Action::SearchResults { hits: expected, .. },
        ) = (last, in_place)
        else {
            panic!("search results");
        };
        assert_eq!(text, "piv");
        assert_eq!(hits, &expected);
        assert_eq!(hits.len(), 1);
    }
}
