//! The real binary under tmux (#6): open an agenda of a temporary library in the builder,
//! press `r` for its prep list, open a card's checklist from it, tick an item, come back and
//! find the list one item shorter, with the tick in the card file. Every wait polls the screen
//! for the text it needs; nothing sleeps blindly. The test has its own tmux server.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

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
        let socket = format!("skillbook-e2e-prep-{}", std::process::id());
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

    /// Waits until the screen passes `check` (a screen may be caught half drawn: waiting for
    /// the whole condition, not one piece of it, keeps the test from reading it too early).
    fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waited for {what}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn quit(&self) {
        self.type_text("q");
        self.wait_for("exit=0");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// A library with a half-prepared card, a ready one, and an agenda naming both.
fn library(root: &Path) {
    let write = |relative: &str, text: &str| {
        let path = root.join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(path, text).expect("write");
    };
    write(
        "cards/pivot.md",
        "+++\ntitle = \"Pivot charts with slicers\"\nduration = 20\n\
         requires = [\"Projector adapter (HDMI)\"]\nready = [\"outcome\", \"timing\"]\n+++\n",
    );
    write(
        "cards/linkedin.md",
        "+++\ntitle = \"Find B2B customers on LinkedIn\"\nduration = 30\nready = [\"outcome\", \
         \"their-world\", \"show-it\", \"try-it\", \"pitfalls\", \"leave-behind\", \"timing\"]\n+++\n",
    );
    write(
        "agendas/visit.toml",
        "title = \"Visit at Hansen\"\nstart = \"09:00\"\nslot = 60\n\n\
         [[items]]\ncard = \"pivot\"\n\n[[items]]\ncard = \"linkedin\"\n",
    );
}

/// The open items the prep list shows.
fn open_items(screen: &str) -> usize {
    screen.matches("[ ]").count()
}

#[test]
fn a_tick_from_the_prep_list_shortens_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("library");
    library(&root);
    let tmux = Tmux::start(80, 24, &root);
    let binary = env!("CARGO_BIN_EXE_skillbook");
    tmux.type_text(&format!("{binary}; echo \"exit=$?\""));
    tmux.press("Enter");
    tmux.wait_for("My cards (2)");
    // To the sources, the last but one (agendas: courses come last), then the agenda itself.
    tmux.press("BTab");
    tmux.wait_for("▸ Sources");
    tmux.type_text("Gk");
    tmux.wait_for("Agendas (1)");
    tmux.press("Tab");
    tmux.wait_for("▸ Agendas (1)");
    // The agenda's figure in the list: pivot 2/8 and the ready card 7/7.
    tmux.wait_for("9/15 ready");
    tmux.press("Enter");
    tmux.wait_for("Agenda: Visit at Hansen");
    tmux.wait_for("9/15 ready");

    tmux.type_text("r");
    tmux.wait_for("Prep list: Visit at Hansen");
    // Six open items on the pivot card, the adapter to bring; nothing on the ready card.
    let before = tmux.wait_until("the open items and what to bring", |screen| {
        screen.contains("[ ] Their world")
            && screen.contains("Before you go")
            && screen.contains("Enter checklist")
            && open_items(screen) == 6 + 1
    });

    // The first open item of the pivot card: Their world.
    tmux.type_text("j");
    tmux.wait_for("▶   [ ] Their world");
    tmux.press("Enter");
    tmux.wait_for("Checklist: Pivot charts with slicers");
    tmux.wait_for("▶ [ ] Their world");
    tmux.press("Space");
    tmux.wait_for("▶ [x] Their world");
    tmux.press("Escape");
    tmux.wait_for("Prep list: Visit at Hansen");
    let after = tmux.wait_until("the list one item shorter", |screen| {
        screen.contains("10/15 ready")
            && !screen.contains("Their world")
            && screen.contains("Enter checklist")
            && open_items(screen) == open_items(&before) - 1
    });
    assert!(after.contains("[ ] Show it"), "{after}");
    tmux.quit();

    let card = std::fs::read_to_string(root.join("cards/pivot.md")).expect("card");
    assert!(card.contains("\"their-world\""), "{card}");
}
