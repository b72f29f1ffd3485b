//! The real binary under tmux (#6): open an agenda of a temporary library in the builder,
//! press `r` for its prep list, open a card's checklist from it, tick an item, come back and
//! find the list one item shorter, with the tick in the card file. Every wait polls the screen
//! for the text it needs; nothing sleeps blindly. The test has its own tmux server.

mod tmux_common;

use std::path::Path;

use tmux_common::Tmux;

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
    let tmux = Tmux::start("prep", 80, 24, &root);
    tmux.launch();
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
