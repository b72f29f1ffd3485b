//! The editor in the real binary under tmux: a new card typed and saved from the app, and a
//! card edited by `$EDITOR` (a small script) with the app showing what changed. Every wait
//! polls the screen or the file for what it needs; nothing sleeps blindly.

mod tmux_common;
mod tui_common;

use std::path::Path;

use tmux_common::{Tmux, poll};
use tui_common::temp_library;

/// The editor's steps.
impl Tmux {
    /// A 100x30 session for the editor tests, `$EDITOR` set to `editor` when given.
    fn for_editing(name: &str, library: &Path, editor: Option<&Path>) -> Tmux {
        let editor: Vec<(&str, &Path)> = editor.map(|path| ("EDITOR", path)).into_iter().collect();
        Tmux::start_with_env(&format!("edit-{name}"), 100, 30, library, &editor)
    }

    /// Starts skillbook and waits for the library.
    fn start_library(&self) {
        self.launch();
        self.wait_for("My cards (4)");
    }
}

#[test]
fn a_card_created_typed_and_saved_in_the_app_is_on_disk() {
    let (_dir, library) = temp_library();
    let tmux = Tmux::for_editing("new", &library, None);
    tmux.start_library();
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
    let saved = poll(|| {
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
    let tmux = Tmux::for_editing("external", &library, Some(&script));
    tmux.start_library();
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
    let tmux = Tmux::for_editing("outside", &library, None);
    tmux.start_library();
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
    let saved = poll(|| {
        let text = std::fs::read_to_string(&path).ok()?;
        text.contains("Mine, typed in skillbook.").then_some(text)
    });
    assert!(saved.is_some(), "kept mine:\n{}", tmux.screen());
}

#[test]
fn a_card_changed_on_disk_shows_in_the_list_without_a_reload() {
    let (_dir, library) = temp_library();
    let tmux = Tmux::for_editing("listing", &library, None);
    tmux.start_library();
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
    let first = Tmux::for_editing("killed", &library, None);
    first.start_library();
    type_into_new_card(
        &first,
        "Half written",
        "half-written",
        "Words not saved yet.",
    );
    // The terminal goes away with the text unsaved: the window is closed, the line hung up.
    drop(first);
    let recovery = library.join(".skillbook/recovery");
    let kept = poll(|| {
        std::fs::read_dir(&recovery).ok()?.flatten().find(|entry| {
            std::fs::read_to_string(entry.path())
                .is_ok_and(|text| text.contains("Words not saved yet."))
        })
    });
    assert!(
        kept.is_some(),
        "the unsaved text reached the recovery folder"
    );
    let second = Tmux::for_editing("reopened", &library, None);
    second.launch();
    second.wait_for("Unsaved changes found");
    second.press("Enter");
    second.wait_for("Edit half-written");
    // The restored text is at the end of the body.
    second.press("BTab");
    second.wait_for("▸ Body");
    second.press("C-End");
    second.wait_for("Words not saved yet.");
}
