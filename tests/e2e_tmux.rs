//! The real binary in a real terminal: tmux runs a shell at a fixed size, the test types into
//! it and reads the screen back. Every wait polls the screen for the text it needs; nothing
//! sleeps blindly. Each test has its own tmux server, so tests run in parallel and never
//! touch a user's sessions.

mod tmux_common;
mod tui_common;

use std::process::Command;

use tmux_common::{PROMPT, Tmux};
use tui_common::temp_library;

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
