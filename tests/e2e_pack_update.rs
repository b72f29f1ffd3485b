//! A pack update in the real binary under tmux (#8): install v1 of a pack from a folder in the
//! pack browser, fork a card, edit the fork's file on disk, install v2 with a change to the same
//! line, see the conflict side by side and keep mine. The card then holds my text and names
//! v2, the conflict file is gone and `skillbook check` is clean. Every wait polls the screen;
//! nothing sleeps blindly.

mod tmux_common;

use std::fs;
use std::path::Path;
use tmux_common::Tmux;

/// Pack `demo` at `version` in `folder`, its card `pivot` asking for a chart of `what`.
fn write_pack(folder: &Path, version: &str, what: &str) {
    fs::create_dir_all(folder.join("cards")).unwrap();
    fs::write(
        folder.join("pack.toml"),
        format!("name = \"demo\"\nversion = \"{version}\"\ntitle = \"Demo pack\"\n"),
    )
    .unwrap();
    fs::write(
        folder.join("cards/pivot.md"),
        format!(
            "+++\ntitle = \"Build a pivot chart\"\ntool = \"Excel\"\nduration = 20\n+++\n\n## Try it\n\nMake a chart of {what}.\n\n## Leave behind\n\n- A link.\n"
        ),
    )
    .unwrap();
}

#[test]
fn an_update_conflict_is_seen_side_by_side_and_resolved() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    let (v1, v2) = (dir.path().join("demo-v1"), dir.path().join("demo-v2"));
    write_pack(&v1, "1.0.0", "last month");
    write_pack(&v2, "1.1.0", "the last quarter");
    let tmux = Tmux::start("pack-update", 100, 30, &library);
    tmux.launch();
    tmux.wait_for("My cards");

    // Install v1 from its folder and fork its card.
    tmux.type_text("p");
    tmux.wait_for("Packs ·");
    tmux.type_text("i");
    tmux.wait_for("Install from");
    tmux.type_text(&v1.display().to_string());
    tmux.press("Enter");
    tmux.wait_for("Installed demo 1.0.0 (1 card)");
    tmux.press("Enter");
    tmux.wait_for("Demo pack · 1 cards");
    tmux.type_text("f");
    tmux.wait_for("Forked demo/pivot into your cards");

    // My edit, made in another editor.
    let fork = library.join("cards/pivot.md");
    let mine = fs::read_to_string(&fork)
        .unwrap()
        .replace("last month.", "HIS sales, by region.");
    fs::write(&fork, &mine).unwrap();

    // v2 changes the same line: an update with a conflict, and my file untouched.
    tmux.type_text("i");
    tmux.wait_for("Install from");
    tmux.type_text(&v2.display().to_string());
    tmux.press("Enter");
    tmux.wait_for("Updated demo 1.0.0 -> 1.1.0");
    tmux.wait_for("1 conflict to resolve");
    assert_eq!(fs::read_to_string(&fork).unwrap(), mine);

    // Side by side: mine on the left, the pack's on the right.
    tmux.type_text("M");
    let screen = tmux.wait_for("both changed (1 of 1)");
    assert!(screen.contains("Mine · pivot.md"), "{screen}");
    assert!(screen.contains("Upstream · demo 1.1.0"), "{screen}");
    assert!(
        screen.contains("Make a chart of HIS sales, by region."),
        "{screen}"
    );
    assert!(
        screen.contains("Make a chart of the last quarter."),
        "{screen}"
    );
    // The original is one key away.
    tmux.type_text("o");
    let screen = tmux.wait_for("Original · demo 1.0.0");
    assert!(screen.contains("Make a chart of last month."), "{screen}");
    tmux.type_text("o");
    tmux.wait_for("Upstream · demo 1.1.0");

    // Keep mine.
    tmux.type_text("m");
    tmux.wait_for("Resolved pivot.md");
    tmux.press("Enter");
    tmux.quit();
    assert_eq!(tmux.pane("#{alternate_on}"), "0", "alternate screen left");

    let card = fs::read_to_string(&fork).unwrap();
    assert!(
        card.contains("Make a chart of HIS sales, by region."),
        "{card}"
    );
    assert!(card.contains("version = \"1.1.0\""), "{card}");
    assert!(!library.join("cards/pivot.conflict.md").exists());
    let check = tmux_common::home::binary()
        .arg("--library")
        .arg(&library)
        .arg("check")
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}
