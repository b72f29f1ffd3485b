//! The real binary in a real terminal: tmux runs a shell at a fixed size, the test types into
//! it and reads the screen back. Every wait polls the screen for the text it needs; nothing
//! sleeps blindly. Each test has its own tmux server, so tests run in parallel and never
//! touch a user's sessions.

mod tui_common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tui_common::temp_library;

const TIMEOUT: Duration = Duration::from_secs(20);
/// The shell's prompt; the screen shows it without its trailing space.
const PROMPT: &str = "e2e$";

/// A tmux server with one session running `sh`.
struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
}

impl Tmux {
    /// A session of `width` x `height` running a shell whose environment points skillbook at
    /// `library` and at an empty config folder.
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

    /// Types text as it is (no key names).
    fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    /// Presses named keys (`Enter`, `Escape`).
    fn press(&self, key: &str) {
        self.run(&["send-keys", "-t", "e2e", key]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// A tmux format value for the pane, like `#{alternate_on}`.
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

    /// Waits until the screen shows `needle` at least `count` times.
    fn wait_for_count(&self, needle: &str, count: usize) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.matches(needle).count() >= count {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "waited for {count} of {needle:?}:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts skillbook from the shell; `exit=N` shows when it ends.
    fn start_app(&self, pid_file: &Path) {
        let binary = env!("CARGO_BIN_EXE_skillbook");
        self.type_text(&format!(
            "sh -c 'echo $$ > {pid}; exec {binary}'; echo \"exit=$?\"",
            pid = pid_file.display()
        ));
        self.press("Enter");
        self.wait_for("My cards (4)");
        assert_eq!(
            self.pane("#{alternate_on}"),
            "1",
            "the app draws on the alternate screen"
        );
    }

    /// Checks the terminal is as the shell left it: the normal screen, the cursor shown, no
    /// mouse reporting, and the line discipline cooked (not raw).
    fn assert_terminal_restored(&self) {
        assert_eq!(self.pane("#{alternate_on}"), "0", "alternate screen left");
        assert_eq!(self.pane("#{cursor_flag}"), "1", "cursor shown");
        assert_eq!(self.pane("#{mouse_any_flag}"), "0", "mouse reporting off");
        self.type_text(
            r#"case "$(stty -a)" in *-icanon*) echo "tty=raw";; *) echo "tty=cooked";; esac"#,
        );
        self.press("Enter");
        let screen = self.wait_for("tty=");
        assert!(screen.contains("tty=cooked"), "{screen}");
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
fn search_open_read_and_quit_leave_the_terminal_as_it_was() {
    let (dir, library) = temp_library();
    let tmux = Tmux::start("quit", 80, 24, &library);
    tmux.start_app(&dir.path().join("pid"));
    tmux.type_text("/");
    tmux.wait_for("Search ·");
    tmux.type_text("kloften i regnea");
    tmux.wait_for("/ kloften i regnea");
    tmux.wait_for("▶ Kløften i regnearket");
    tmux.press("Enter");
    // The card full screen: its window title names the card and its source (the search
    // preview showed the same text, so wait for what only the card view has).
    tmux.wait_for("Kløften i regnearket: find fejlen · My cards");
    // The bottom line is drawn last: once it shows the card view's keys, the screen is whole.
    let screen = tmux.wait_for("PgDn page");
    assert!(
        screen.contains("Kløften i regnearket: find fejlen · My cards"),
        "{screen}"
    );
    assert!(screen.contains("Fejl i formler koster tid."), "{screen}");
    tmux.type_text("q");
    let screen = tmux.wait_for("exit=0");
    assert!(
        !screen.contains("Fejl i formler"),
        "the app's screen is gone:\n{screen}"
    );
    tmux.assert_terminal_restored();
}

#[test]
fn signals_restore_the_terminal_and_end_the_app_as_asked() {
    for (signal, status) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let (dir, library) = temp_library();
        let tmux = Tmux::start(&signal.to_lowercase(), 80, 24, &library);
        let pid_file = dir.path().join("pid");
        tmux.start_app(&pid_file);
        // Leave the app somewhere other than its start: mid-search.
        tmux.type_text("/pivot");
        tmux.wait_for("/ pivot");
        let pid = std::fs::read_to_string(&pid_file).expect("pid file");
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), pid.trim()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        match status {
            // A shell stops the rest of a command line whose command died of SIGINT, as if
            // the user had pressed ctrl-c: the prompt comes back without the `echo`.
            130 => tmux.wait_for_count(PROMPT, 2),
            _ => tmux.wait_for(&format!("exit={status}")),
        };
        tmux.assert_terminal_restored();
    }
}

#[test]
fn a_small_terminal_gets_the_narrow_layout() {
    let (dir, library) = temp_library();
    let tmux = Tmux::start("small", 40, 12, &library);
    tmux.start_app(&dir.path().join("pid"));
    let screen = tmux.screen();
    assert!(screen.contains("Sources │ Cards │ Preview"), "{screen}");
    tmux.type_text("?");
    tmux.wait_for("Keys · Cards");
    tmux.press("Escape");
    tmux.wait_for("My cards (4)");
    tmux.type_text("q");
    tmux.wait_for("exit=0");
    tmux.assert_terminal_restored();
}
