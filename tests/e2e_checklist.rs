//! The real binary under tmux: tick an item on an own card, quit, start again and find it
//! ticked, with the card file changed in exactly one line. Every wait polls the screen for the
//! text it needs; nothing sleeps blindly. The test has its own tmux server.

mod tmux_common;
mod tui_common;

use tmux_common::Tmux;
use tui_common::temp_library;

/// The checklist's steps.
impl Tmux {
    /// Starts skillbook, opens the pivot card's checklist and waits for it.
    fn open_pivot_checklist(&self) -> String {
        self.launch();
        self.wait_for("My cards (4)");
        self.type_text("/");
        self.wait_for("Search ·");
        self.type_text("pivot chart the director");
        self.wait_for("▶ Build a pivot chart");
        self.press("Enter");
        self.wait_for("PgDn page");
        self.type_text("c");
        // The bottom line is drawn last: once it shows the pane's keys, the screen is whole.
        self.wait_for("Checklist: Build a pivot chart");
        self.wait_for("Space tick")
    }

    /// Quits and clears the screen, so the next start waits for a fresh screen.
    fn quit_and_clear(&self) {
        self.quit();
        self.type_text("clear");
        self.press("Enter");
    }
}

#[test]
fn a_tick_survives_a_restart_and_changes_one_line() {
    let (_dir, library) = temp_library();
    let card = library.join("cards/pivot-chart-slicers.md");
    let before = std::fs::read_to_string(&card).expect("card");
    let tmux = Tmux::start("checklist", 80, 24, &library);
    let screen = tmux.open_pivot_checklist();
    assert!(screen.contains("[ ] Show it"), "{screen}");
    // Show it is the third item.
    tmux.type_text("jj");
    tmux.wait_for("▶ [ ] Show it");
    tmux.type_text(" ");
    tmux.wait_for("▶ [x] Show it");
    tmux.quit_and_clear();

    let after = std::fs::read_to_string(&card).expect("card");
    let (old, new): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
    let added: Vec<_> = new.iter().filter(|line| !old.contains(line)).collect();
    let removed: Vec<_> = old.iter().filter(|line| !new.contains(line)).collect();
    assert_eq!(added.len().max(removed.len()), 1, "{added:?} {removed:?}");
    assert_eq!(new.len().abs_diff(old.len()) + removed.len(), 1, "{after}");

    let screen = tmux.open_pivot_checklist();
    assert!(screen.contains("[x] Show it"), "{screen}");
    tmux.quit_and_clear();
}
