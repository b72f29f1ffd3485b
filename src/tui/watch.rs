//! Watching the library folder, so a card changed by another program or by `git pull` shows
//! in the app without a manual reload, and an edit in progress learns that its file changed.
//!
//! The watcher only reports paths; the app decides what they mean (reload the library, or ask
//! the editor's keep-mine / take-theirs question). Events are gathered until the folder has
//! been quiet for a moment, so a `git pull` touching a hundred files is one reload, not a
//! hundred. When watching is not possible (no library folder yet, no inotify watches left),
//! the app works as before and `r` reloads by hand; a folder created later is picked up.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the folder must be quiet before gathered changes are reported.
const SETTLE: Duration = Duration::from_millis(150);
/// How often to try again to watch a library folder that could not be watched.
const RETRY: Duration = Duration::from_secs(2);

/// The library folder's watcher and the changes it gathered.
pub struct LibraryWatcher {
    root: PathBuf,
    watching: Option<(RecommendedWatcher, Receiver<notify::Result<Event>>)>,
    last_try: Option<Instant>,
    pending: BTreeSet<PathBuf>,
    last_event: Option<Instant>,
}

impl LibraryWatcher {
    /// A watcher for the library at `root`; it starts watching on the first `poll`.
    pub fn new(root: PathBuf) -> LibraryWatcher {
        LibraryWatcher {
            root,
            watching: None,
            last_try: None,
            pending: BTreeSet::new(),
            last_event: None,
        }
    }

    /// Whether the folder is being watched now.
    pub fn is_watching(&self) -> bool {
        self.watching.is_some()
    }

    /// The card, agenda, course and pack files that changed, once the folder has settled;
    /// empty otherwise. Never blocks.
    pub fn poll(&mut self) -> Vec<PathBuf> {
        self.start_if_due();
        let Some((_, events)) = &self.watching else {
            return Vec::new();
        };
        let mut lost = false;
        loop {
            match events.try_recv() {
                Ok(Ok(event)) => {
                    if is_change(&event.kind) {
                        let relevant = event
                            .paths
                            .into_iter()
                            .filter(|path| relevant(&self.root, path));
                        self.pending.extend(relevant);
                        self.last_event = Some(Instant::now());
                    }
                }
                // An overflowed queue loses events: reload everything to be sure.
                Ok(Err(_)) => {
                    self.pending.insert(self.root.clone());
                    self.last_event = Some(Instant::now());
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    lost = true;
                    break;
                }
            }
        }
        if lost {
            self.watching = None;
        }
        let settled = self.last_event.is_some_and(|at| at.elapsed() >= SETTLE);
        if self.pending.is_empty() || !settled {
            return Vec::new();
        }
        self.last_event = None;
        std::mem::take(&mut self.pending).into_iter().collect()
    }

    fn start_if_due(&mut self) {
        if self.watching.is_some() || self.last_try.is_some_and(|at| at.elapsed() < RETRY) {
            return;
        }
        self.last_try = Some(Instant::now());
        if !self.root.is_dir() {
            return;
        }
        let (sender, receiver) = channel();
        let watcher = notify::recommended_watcher(move |event| {
            // The app may be gone while the watcher thread still reports; nothing to do then.
            let _ = sender.send(event);
        });
        if let Ok(mut watcher) = watcher
            && watcher.watch(&self.root, RecursiveMode::Recursive).is_ok()
        {
            self.watching = Some((watcher, receiver));
        }
    }
}

/// Whether an event changes what a file holds (or whether it is there at all).
fn is_change(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    ) && !matches!(
        kind,
        EventKind::Modify(notify::event::ModifyKind::Metadata(_))
    )
}

/// Whether a changed path is something the app shows: a card, agenda, course or pack file,
/// not skillbook's own bookkeeping (recovery files, readiness state, the trash, exports) and
/// not a save's temporary file.
pub fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(inside) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = inside
        .components()
        .map(|part| part.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else {
        return false;
    };
    if !matches!(first.as_ref(), "cards" | "agendas" | "courses" | "packs") {
        return false;
    }
    let Some(name) = path.file_name().map(|name| name.to_string_lossy()) else {
        return false;
    };
    // Atomic saves write a hidden temporary file first, then rename it over the real one.
    if name.starts_with('.') {
        return false;
    }
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("md" | "toml") => true,
        // A folder appearing or going (a pack installed, a cards folder made) changes the list.
        None => true,
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_the_app_shows_is_relevant() {
        let root = Path::new("/lib");
        assert!(relevant(root, Path::new("/lib/cards/pivot.md")));
        assert!(relevant(root, Path::new("/lib/agendas/visit.toml")));
        assert!(relevant(root, Path::new("/lib/courses/slack.toml")));
        assert!(relevant(root, Path::new("/lib/packs/excel/cards/a.md")));
        assert!(relevant(root, Path::new("/lib/packs/excel")));
        assert!(!relevant(root, Path::new("/lib/cards/.tmpA1b2.md")));
        assert!(!relevant(
            root,
            Path::new("/lib/.skillbook/recovery/pivot.md")
        ));
        assert!(!relevant(root, Path::new("/lib/.trash/pivot.md")));
        assert!(!relevant(
            root,
            Path::new("/lib/exports/visit/handout.html")
        ));
        assert!(!relevant(root, Path::new("/lib/cards/pivot.md~")));
        assert!(!relevant(root, Path::new("/elsewhere/cards/pivot.md")));
        assert!(!relevant(root, Path::new("/lib")));
    }

    #[test]
    fn a_card_written_by_another_program_is_reported_once_settled() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cards = dir.path().join("cards");
        std::fs::create_dir_all(&cards).expect("cards folder");
        let mut watcher = LibraryWatcher::new(dir.path().to_path_buf());
        assert!(watcher.poll().is_empty());
        assert!(
            watcher.is_watching(),
            "inotify is available on the test machines"
        );
        let card = cards.join("pivot.md");
        std::fs::write(&card, "+++\ntitle = \"Pivot\"\n+++\n").expect("write");
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut seen = Vec::new();
        while seen.is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
            seen = watcher.poll();
        }
        assert_eq!(seen, vec![card]);
    }
}
