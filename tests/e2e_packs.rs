//! The pack browser in the real binary under tmux: open it with `p`, install a pack from a temp
//! folder by typing its path, see its cards, find one of them in search, quit; the library's
//! `packs/` then has the pack. Every wait polls the screen; nothing sleeps blindly.
//!
//! The tmux driver is a trimmed copy of the one in `e2e_tmux.rs` (a test file cannot import
//! another's items without running its tests twice).

mod tui_common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tui_common::temp_library;

const TIMEOUT: Duration = Duration::from_secs(20);
const PROMPT: &str = "e2e$";

/// A tmux server of its own with one session running `sh` pointed at a library.
struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str, width: u16, height: u16, library: &Path) -> Tmux {
        let home = tempfile::tempdir().expect("temp dir");
        let socket = format!("skillbook-e2e-{name}-{}", std::process::id());
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
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
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

    fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "e2e", format])
            .trim()
            .to_string()
    }

    /// Waits until the screen shows `needle`; returns the screen.
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
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// A pack folder with two cards, outside the library.
fn write_pack(folder: &Path) {
    fs::create_dir_all(folder.join("cards")).unwrap();
    fs::write(
        folder.join("pack.toml"),
        "name = \"after-work\"\nversion = \"1.0.0\"\ntitle = \"After-work course kit\"\n",
    )
    .unwrap();
    for (id, title) in [
        ("room-booking", "Booking the meeting room"),
        ("zebra-sheets", "Zebra stripes in shared sheets"),
    ] {
        fs::write(
            folder.join("cards").join(format!("{id}.md")),
            format!("+++\ntitle = \"{title}\"\ntool = \"Excel\"\nduration = 20\n+++\n\nBody.\n"),
        )
        .unwrap();
    }
}

#[test]
fn install_a_pack_by_typing_its_path_then_find_its_card() {
    let (dir, library) = temp_library();
    let source = dir.path().join("kit");
    write_pack(&source);
    let tmux = Tmux::start("packs", 100, 30, &library);
    let binary = env!("CARGO_BIN_EXE_skillbook");
    tmux.type_text(&format!("{binary}; echo \"exit=$?\""));
    tmux.press("Enter");
    tmux.wait_for("My cards (4)");

    tmux.type_text("p");
    tmux.wait_for("Packs ·");
    tmux.type_text("i");
    tmux.wait_for("Install from");
    tmux.type_text(&source.display().to_string());
    tmux.press("Enter");
    tmux.wait_for("Installed after-work 1.0.0 (2 cards)");
    // The new pack is selected: its cards are one key away.
    tmux.press("Enter");
    let screen = tmux.wait_for("Zebra stripes in shared sheets");
    assert!(screen.contains("Booking the meeting room"), "{screen}");
    assert!(
        screen.contains("After-work course kit · 2 cards"),
        "{screen}"
    );

    tmux.type_text("/");
    tmux.wait_for("Search ·");
    tmux.type_text("zebra stripes");
    tmux.wait_for("/ zebra stripes");
    let screen = tmux.wait_for("Search · 1 card");
    assert!(screen.contains("▶ Zebra stripes in shared"), "{screen}");
    tmux.press("Escape");
    tmux.wait_for("After-work course kit · 2 cards");
    tmux.type_text("q");
    tmux.wait_for("exit=0");
    assert_eq!(tmux.pane("#{alternate_on}"), "0", "alternate screen left");

    assert!(library.join("packs/after-work/pack.toml").is_file());
    assert!(
        library
            .join("packs/after-work/cards/zebra-sheets.md")
            .is_file()
    );
    assert!(
        library
            .join("packs/after-work/.skillbook-install.toml")
            .is_file()
    );
}
