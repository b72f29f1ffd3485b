//! The real binary under tmux: tick an item on an own card, quit, start again and find it
//! ticked, with the card file changed in exactly one line. Every wait polls the screen for the
//! text it needs; nothing sleeps blindly. The test has its own tmux server.

mod tui_common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tui_common::temp_library;

const TIMEOUT: Duration = Duration::from_secs(20);
const PROMPT: &str = "e2e$";

/// A tmux server with one session running `sh`, pointed at a library and an empty config.
struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
}

impl Tmux {
    fn start(width: u16, height: u16, library: &Path) -> Tmux {
        let home = tempfile::tempdir().expect("temp dir");
        let socket = format!("skillbook-e2e-checklist-{}", std::process::id());
        let shell = format!(
            "env -i PATH=/usr/bin:/bin HOME={home} TERM=tmux-256color PS1='{PROMPT} ' \
             SKILLBOOK_LIBRARY={library} XDG_CONFIG_HOME={home}/config sh",
            home = home.path().display(),
            library = library.display(),
        );
        let tmux = Tmux {
            socket,
            _home: home,
        };
        let (w, h) = (width.to_string(), height.to_string());
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &w,
            "-y",
            &h,
            &shell,
        ]);
        tmux.wait_for(PROMPT);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs (the end-to-end tests need tmux installed)");
        assert!(
            output.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    fn press(&self, key: &str) {
        self.run(&["send-keys", "-t", "e2e", key]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waited for {needle:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts skillbook, opens the pivot card's checklist and waits for it.
    fn open_pivot_checklist(&self) -> String {
        let binary = env!("CARGO_BIN_EXE_skillbook");
        self.type_text(&format!("{binary}; echo \"exit=$?\""));
        self.press("Enter");
        self.wait_for("My cards (4)");
        self.type_text("/");
        self.wait_for("Search ·");
        self.type_text("pivot chart the director");
        self.wait_for("▶ Build a pivot chart");
        self.press("Enter");
        self.wait_for("PgDn page");
        self.type_text("c");
        // The bottom line is drawn last: once it shows the pane's keys, the screen is whole.
        self.wait_for("Checklist: Build a pivot chart");
        self.wait_for("Space tick")
    }

    fn quit(&self) {
        self.type_text("q");
        self.wait_for("exit=0");
        self.type_text("clear");
        self.press("Enter");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

#[test]
fn a_tick_survives_a_restart_and_changes_one_line() {
    let (_dir, library) = temp_library();
    let card = library.join("cards/pivot-chart-slicers.md");
    let before = std::fs::read_to_string(&card).expect("card");
    let tmux = Tmux::start(80, 24, &library);
    let screen = tmux.open_pivot_checklist();
    assert!(screen.contains("[ ] Show it"), "{screen}");
    // Show it is the third item.
    tmux.type_text("jj");
    tmux.wait_for("▶ [ ] Show it");
    tmux.type_text(" ");
    tmux.wait_for("▶ [x] Show it");
    tmux.quit();

    let after = std::fs::read_to_string(&card).expect("card");
    let (old, new): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
    let added: Vec<_> = new.iter().filter(|line| !old.contains(line)).collect();
    let removed: Vec<_> = old.iter().filter(|line| !new.contains(line)).collect();
    assert_eq!(added.len().max(removed.len()), 1, "{added:?} {removed:?}");
    assert_eq!(new.len().abs_diff(old.len()) + removed.len(), 1, "{after}");

    let screen = tmux.open_pivot_checklist();
    assert!(screen.contains("[x] Show it"), "{screen}");
    tmux.quit();
}
