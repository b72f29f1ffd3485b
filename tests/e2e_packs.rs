//! The pack browser in the real binary under tmux: open it with `p`, install a pack from a temp
//! folder by typing its path, see its cards, find one of them in search, quit; the library's
//! `packs/` then has the pack. Every wait polls the screen; nothing sleeps blindly.
//!
//! The tmux driver is shared with the other end-to-end tests (`tests/tmux_common/`).

mod tmux_common;
mod tui_common;

use std::fs;
use std::path::Path;

use tmux_common::Tmux;
use tui_common::temp_library;

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
    tmux.launch();
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
