//! The terminal going away without a signal: the real binary runs on a pseudo-terminal that is
//! not its controlling terminal, so closing the master side sends no SIGHUP; reads of the
//! terminal then return end-of-file or EIO. The app must notice and exit within seconds, not
//! spin at 100 % CPU (crossterm's reader retries such reads forever).
//!
//! Linux only: it reads the process's CPU time from /proc.

#![cfg(target_os = "linux")]

mod tui_common;

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};
use tui_common::temp_library;

/// How long the app may take to notice the terminal is gone.
const EXIT_WITHIN: Duration = Duration::from_secs(5);

/// Kills the child if the test ends early, so no skillbook is left running.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The CPU time (user + system, in clock ticks) the process has used so far.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: count fields after it.
    let after = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after.split(' ').collect();
    // Fields 14 and 15 of the whole line (utime, stime) are 12 and 13 after the name.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// Reads the terminal until `needle` was drawn and nothing more came for half a second.
fn read_until_quiet(reader: File, needle: &str) -> (File, Vec<u8>) {
    let quiet = Duration::from_millis(500);
    let mut screen = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        let drawn = String::from_utf8_lossy(&screen).contains(needle);
        let timeout = if drawn {
            quiet
        } else {
            Duration::from_secs(20)
        };
        let ready = {
            let mut fds = [PollFd::new(&reader, PollFlags::IN)];
            let timeout = Timespec::try_from(timeout).expect("a timeout");
            poll(&mut fds, Some(&timeout)).unwrap_or(0)
        };
        if ready == 0 {
            return (reader, screen);
        }
        match (&reader).read(&mut buffer) {
            Ok(0) | Err(_) => return (reader, screen),
            Ok(read) => screen.extend_from_slice(&buffer[..read]),
        }
    }
}

#[test]
fn closing_the_terminal_ends_the_app_without_a_busy_loop() {
    let (_dir, root) = temp_library();
    let config = tempfile::tempdir().expect("temp dir");

    // CLOEXEC: a master inherited by the app would keep the terminal open.
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
        .expect("a pseudo-terminal");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let winsize = Winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&master, winsize).expect("window size");
    let slave = OpenOptions::new()
        .read(true)
        .write(true)
        // Never the test's controlling terminal.
        .custom_flags(rustix::fs::OFlags::NOCTTY.bits() as i32)
        .open(name.to_str().expect("a UTF-8 name"))
        .expect("the terminal side");

    // `setsid` starts the app in a session of its own without a controlling terminal: closing
    // the master then hangs the terminal up without sending anyone SIGHUP.
    let child = Command::new("setsid")
        .arg(tui_common::home::BINARY)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .envs(tui_common::home::home_env(config.path()))
        .env("TERM", "xterm-256color")
        .env("SKILLBOOK_LIBRARY", &root)
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave))
        // Messages after the terminal is gone land here, where the test can read them.
        .stderr(Stdio::from(
            File::create(config.path().join("stderr")).expect("a stderr file"),
        ))
        .spawn()
        .expect("setsid and skillbook start");
    let mut running = Running(child);
    let pid = running.0.id();

    // Read the screen until the library is drawn and the app has gone quiet (no output for
    // half a second: it waits for keys). Closing the terminal while it still draws would only
    // test the draw failing. The reader hands its copy of the master back when done, so that
    // dropping both closes the terminal.
    let (done, seen) = mpsc::channel();
    let reader = File::from(master.try_clone().expect("dup"));
    std::thread::spawn(move || {
        let _ = done.send(read_until_quiet(reader, "My cards"));
    });
    let (reader, screen) = seen
        .recv_timeout(Duration::from_secs(30))
        .expect("the app draws its library and goes quiet within 30 s");
    assert!(
        String::from_utf8_lossy(&screen).contains("My cards"),
        "the app never drew: {}",
        String::from_utf8_lossy(&screen)
    );

    drop(reader);
    drop(master);
    let closed = Instant::now();

    let status = loop {
        if let Some(status) = running.0.try_wait().expect("wait") {
            break status;
        }
        if closed.elapsed() > EXIT_WITHIN {
            let before = cpu_ticks(pid).unwrap_or(0);
            std::thread::sleep(Duration::from_secs(1));
            let used = cpu_ticks(pid).unwrap_or(0).saturating_sub(before);
            panic!(
                "skillbook still runs {EXIT_WITHIN:?} after its terminal closed, using {used} \
                 clock ticks of CPU in one second (a busy loop uses about 100)"
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = std::fs::read_to_string(config.path().join("stderr")).unwrap_or_default();
    assert_eq!(
        status.code(),
        Some(1),
        "losing the terminal is an error (exit 1), not a quit or a panic: {stderr}"
    );
    assert!(
        stderr.contains("terminal"),
        "the message says the terminal went away: {stderr}"
    );
}
