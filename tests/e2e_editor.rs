//! The editor in the real binary under tmux: a new card typed and saved from the app, and a
//! card edited by `$EDITOR` (a small script) with the app showing what changed. Every wait
//! polls the screen or the file for what it needs; nothing sleeps blindly.

mod tui_common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tui_common::temp_library;

const TIMEOUT: Duration = Duration::from_secs(20);
const PROMPT: &str = "e2e$";

/// A tmux server of its own with one session running `sh`.
struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str, library: &Path, editor: Option<&Path>) -> Tmux {
        let home = tempfile::tempdir().expect("temp dir");
        let socket = format!("skillbook-e2e-edit-{name}-{}", std::process::id());
        let editor = editor
            .map(|path| format!("EDITOR={} ", path.display()))
            .unwrap_or_default();
        let shell = format!(
            "env -i PATH=/usr/bin:/bin HOME={home} TERM=tmux-256color PS1='{PROMPT} ' \
             {editor}SKILLBOOK_LIBRARY={library} XDG_CONFIG_HOME={home}/config sh",
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
            "100",
            "-y",
            "30",
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
        assert!(output.status.success(), "tmux {args:?}");
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
        wait_until(|| {
            let screen = self.screen();
            screen.contains(needle).then_some(screen)
        })
        .unwrap_or_else(|| {
            panic!(
                "waited for {needle:?}; the screen shows:\n{}",
                self.screen()
            )
        })
    }

    fn start_app(&self) {
        let binary = env!("CARGO_BIN_EXE_skillbook");
        self.type_text(&format!("{binary}; echo \"exit=$?\""));
        self.press("Enter");
        self.wait_for("My cards (4)");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// Polls `check` until it gives a value or the time is up.
fn wait_until<T>(mut check: impl FnMut() -> Option<T>) -> Option<T> {
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

#[test]
fn a_card_created_typed_and_saved_in_the_app_is_on_disk() {
    let (_dir, library) = temp_library();
    let tmux = Tmux::start("new", &library, None);
    tmux.start_app();
    tmux.type_text("n");
    tmux.wait_for("New card");
    tmux.type_text("Prezi basics");
    tmux.wait_for("> Prezi basics");
    tmux.press("Enter");
    tmux.wait_for("Edit prezi-basics");
    tmux.press("BTab");
    tmux.wait_for("▸ Body");
    tmux.press("C-End");
    tmux.type_text("Zoom out before you zoom in.");
    tmux.wait_for("● unsaved");
    tmux.press("C-s");
    let path = library.join("cards/prezi-basics.md");
    let saved = wait_until(|| {
        let text = std::fs::read_to_string(&path).ok()?;
        text.contains("Zoom out before you zoom in.")
            .then_some(text)
    });
    assert!(saved.is_some(), "saved:\n{}", tmux.screen());
    tmux.press("Escape");
    tmux.wait_for("My cards (5)");
    tmux.type_text("q");
    tmux.wait_for("exit=0");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("+++\ntitle = \"Prezi basics\""), "{text}");
    assert!(text.ends_with("Zoom out before you zoom in."), "{text}");
}

#[test]
fn a_change_made_in_the_external_editor_is_shown() {
    let (dir, library) = temp_library();
    let script = dir.path().join("editor.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nsed -i 's/^title = .*/title = \"Changed by the script\"/' \"$1\"\n\
         printf 'Added by the script\\n' >> \"$1\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let tmux = Tmux::start("external", &library, Some(&script));
    tmux.start_app();
    // A new card to edit, so the test does not depend on the list's order.
    tmux.type_text("n");
    tmux.wait_for("New card");
    tmux.type_text("Script target");
    tmux.press("Enter");
    tmux.wait_for("Edit script-target");
    tmux.press("Escape");
    tmux.wait_for("My cards (5)");
    tmux.type_text("/script target");
    tmux.wait_for("▶ Script target");
    tmux.press("Enter");
    tmux.wait_for("Script target · My cards");
    tmux.type_text("E");
    let screen = tmux.wait_for("Changed: title.");
    assert!(screen.contains("Edited cards/script-target.md"), "{screen}");
    assert!(screen.contains("+ Added by the script"), "{screen}");
    let text = std::fs::read_to_string(library.join("cards/script-target.md")).unwrap();
    assert!(text.contains("Changed by the script"), "{text}");
}

/// Opens a new card titled `title` in the editor and types `text` at the end of its body.
fn type_into_new_card(tmux: &Tmux, title: &str, id: &str, text: &str) {
    tmux.type_text("n");
    tmux.wait_for("New card");
    tmux.type_text(title);
    tmux.press("Enter");
    tmux.wait_for(&format!("Edit {id}"));
    tmux.press("BTab");
    tmux.wait_for("▸ Body");
    tmux.press("C-End");
    tmux.type_text(text);
    tmux.wait_for("● unsaved");
    // Every key has arrived before the test goes on.
    tmux.wait_for(text);
}

#[test]
fn a_card_changed_by_another_program_during_an_edit_asks_and_loses_neither_text() {
    let (_dir, library) = temp_library();
    let tmux = Tmux::start("outside", &library, None);
    tmux.start_app();
    type_into_new_card(
        &tmux,
        "Shared card",
        "shared-card",
        "Mine, typed in skillbook.",
    );
    // Another program (a second editor, a git pull) changes the file on disk.
    let path = library.join("cards/shared-card.md");
    let theirs = std::fs::read_to_string(&path).unwrap() + "Theirs, from outside.\n";
    std::fs::write(&path, &theirs).unwrap();
    tmux.wait_for("Changed on disk");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    tmux.type_text("b");
    let both = tmux.wait_for("On disk now");
    assert!(both.contains("Theirs, from outside."), "{both}");
    assert!(both.contains("Mine, typed in skillbook."), "{both}");
    tmux.type_text("k");
    let saved = wait_until(|| {
        let text = std::fs::read_to_string(&path).ok()?;
        text.contains("Mine, typed in skillbook.").then_some(text)
    });
    assert!(saved.is_some(), "kept mine:\n{}", tmux.screen());
}

#[test]
fn a_card_changed_on_disk_shows_in_the_list_without_a_reload() {
    let (_dir, library) = temp_library();
    let tmux = Tmux::start("listing", &library, None);
    tmux.start_app();
    let path = library.join("cards/linkedin-b2b.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let retitled = text.replacen(
        "title = \"Find B2B customers on LinkedIn\"",
        "title = \"Renamed by git pull\"",
        1,
    );
    assert_ne!(retitled, text, "the fixture's title line");
    std::fs::write(&path, retitled).unwrap();
    tmux.wait_for("Renamed by git pull");
    tmux.type_text("q");
    tmux.wait_for("exit=0");
}

#[test]
fn killing_the_terminal_mid_edit_offers_the_text_back_at_the_next_start() {
    let (_dir, library) = temp_library();
    let first = Tmux::start("killed", &library, None);
    first.start_app();
    type_into_new_card(
        &first,
        "Half written",
        "half-written",
        "Words not saved yet.",
    );
    // The terminal goes away with the text unsaved: the window is closed, the line hung up.
    drop(first);
    let recovery = library.join(".skillbook/recovery");
    let kept = wait_until(|| {
        std::fs::read_dir(&recovery).ok()?.flatten().find(|entry| {
            std::fs::read_to_string(entry.path())
                .is_ok_and(|text| text.contains("Words not saved yet."))
        })
    });
    assert!(
        kept.is_some(),
        "the unsaved text reached the recovery folder"
    );
    let second = Tmux::start("reopened", &library, None);
    let binary = env!("CARGO_BIN_EXE_skillbook");
    second.type_text(&format!("{binary}; echo \"exit=$?\""));
    second.press("Enter");
    second.wait_for("Unsaved changes found");
    second.press("Enter");
    second.wait_for("Edit half-written");
    // The restored text is at the end of the body.
    second.press("BTab");
    second.wait_for("▸ Body");
    second.press("C-End");
    second.wait_for("Words not saved yet.");
}
