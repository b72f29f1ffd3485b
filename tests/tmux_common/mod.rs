//! The tmux driver the end-to-end tests share: a tmux server of the test's own with one session
//! running `sh` at a fixed size, pointed at a library and an empty config folder. The test types
//! into it and reads the screen back. Every wait polls the screen for the text it needs; nothing
//! sleeps blindly. Dropping the driver kills its server, so no session outlives a test.
//!
//! A test file adds its own steps (open a checklist, add a card) with an `impl Tmux` block of
//! its own.

#![allow(dead_code)]

// A test may use two helpers that both bring it: two copies of the same pure functions, and
// the process environment set to the same values by whichever runs first.
#[allow(clippy::duplicate_mod)]
#[path = "../common/home.rs"]
pub mod home;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails, showing the screen.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// The shell's prompt; the screen shows it without its trailing space.
pub const PROMPT: &str = "e2e$";
pub use home::BINARY;

/// Polls `check` until it gives a value or [`TIMEOUT`] has passed: for waits on files rather
/// than the screen.
pub fn poll<T>(mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let start = Instant::now();
    loop {
        if let Some(value) = check() {
            return Some(value);
        }
        if start.elapsed() > TIMEOUT {
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A tmux server with one session, `e2e`, running `sh`.
pub struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
}

impl Tmux {
    /// A session of `width` x `height` running a shell whose environment points skillbook at
    /// `library` and at an empty config folder. `name` keeps the servers of tests that run at
    /// the same time apart.
    pub fn start(name: &str, width: u16, height: u16, library: &Path) -> Tmux {
        Tmux::start_with_env(name, width, height, library, &[])
    }

    /// [`Tmux::start`] with more variables in the shell's environment (`EDITOR`, say).
    pub fn start_with_env(
        name: &str,
        width: u16,
        height: u16,
        library: &Path,
        extra: &[(&str, &Path)],
    ) -> Tmux {
        let home = tempfile::tempdir().expect("temp dir");
        let socket = format!("skillbook-e2e-{name}-{}", std::process::id());
        let folders = home::home_env(home.path());
        let extra: String = folders
            .iter()
            .map(|(name, value)| (*name, value.as_path()))
            .chain(extra.iter().copied())
            .map(|(name, value)| format!("{name}={} ", value.display()))
            .collect();
        let shell = format!(
            "env -i PATH=/usr/bin:/bin TERM=tmux-256color PS1='{PROMPT} ' \
             {extra}SKILLBOOK_LIBRARY={library} sh",
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

    /// Runs a tmux command against this server; fails the test if tmux fails.
    pub fn run(&self, args: &[&str]) -> String {
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
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    /// Presses named keys (`Enter`, `Escape`).
    pub fn press(&self, key: &str) {
        self.run(&["send-keys", "-t", "e2e", key]);
    }

    /// The visible screen as text.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// A tmux format value for the pane, like `#{alternate_on}`.
    pub fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "e2e", format])
            .trim()
            .to_string()
    }

    /// Waits until the screen shows `needle`; returns the screen.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_for_count(needle, 1)
    }

    /// Waits until the screen shows `needle` at least `count` times; returns the screen.
    pub fn wait_for_count(&self, needle: &str, count: usize) -> String {
        self.wait_until(&format!("{count} of {needle:?}"), |screen| {
            screen.matches(needle).count() >= count
        })
    }

    /// Waits until the screen passes `check`, `what` naming it for the failure message; returns
    /// the screen. A screen may be caught half drawn: waiting for the whole condition, not one
    /// piece of it, keeps a test from reading it too early.
    pub fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
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

    /// Starts skillbook from the shell; `exit=N` shows when it ends. Waits for nothing: the
    /// test waits for the screen it expects (the library, a recovery question).
    pub fn launch(&self) {
        self.type_text(&format!("{BINARY}; echo \"exit=$?\""));
        self.press("Enter");
    }

    /// Quits the app with `q` and waits for it to end well.
    pub fn quit(&self) {
        self.type_text("q");
        self.wait_for("exit=0");
    }

    /// Starts skillbook from the shell, its process id written to `pid_file`; `exit=N` shows
    /// when it ends. Waits for the library and checks the app took the alternate screen.
    pub fn start_app(&self, pid_file: &Path) {
        self.type_text(&format!(
            "sh -c 'echo $$ > {pid}; exec {BINARY}'; echo \"exit=$?\"",
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
    pub fn assert_terminal_restored(&self) {
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
