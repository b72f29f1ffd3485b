//! The agenda builder in the real binary under tmux: build an agenda from three cards,
//! reorder, add a break, save, export every format, and quit with the terminal restored.
//! Every wait polls the screen for the text it needs; nothing sleeps blindly.

mod tmux_common;
mod tui_common;

use tmux_common::Tmux;
use tui_common::temp_library;

/// The agenda builder's steps.
impl Tmux {
    /// Adds a card through the picker: waits for it to be the picked one, then Enter.
    fn add_card(&self, typed: &str, title: &str) {
        self.type_text("a");
        self.wait_for("Add a card");
        self.type_text(typed);
        self.wait_for(&format!("▶ {title}"));
        self.press("Enter");
        self.wait_for(&format!("m {title}"));
    }
}

#[test]
fn build_an_agenda_from_three_cards_save_and_export() {
    let (_dir, library) = temp_library();
    let agenda = library.join("agendas/visit-hansen.toml");
    std::fs::write(
        &agenda,
        "# Hansen, first visit\ntitle = \"Visit at Hansen & Co\"\ndate = 2026-12-03\nstart = \"09:00\"\nslot = 90\n",
    )
    .unwrap();
    let tmux = Tmux::start("agenda", 100, 30, &library);
    tmux.launch();
    tmux.wait_for("My cards (4)");
    // Sources: the last are Agendas, Courses and Problems.
    tmux.press("BTab");
    tmux.type_text("Gkk");
    tmux.wait_for("Agendas (1)");
    tmux.press("Tab");
    tmux.press("Enter");
    tmux.wait_for("Agenda: Visit at Hansen & Co");
    tmux.add_card(
        "pivot chart",
        "Build a pivot chart the director can filter himself",
    );
    tmux.add_card("kloft", "Kløften i regnearket: find fejlen");
    tmux.add_card("linkedin", "Find B2B customers on LinkedIn");
    // The last card up one place, then a break after it.
    tmux.type_text("K");
    tmux.wait_for("09:20–10:05  45m Find B2B customers on LinkedIn");
    tmux.type_text("b");
    tmux.wait_for("10:05–10:15  10m ☕ Break");
    tmux.wait_for("unsaved");
    tmux.press("C-s");
    tmux.wait_for("Saved");
    let saved = std::fs::read_to_string(&agenda).unwrap();
    assert!(saved.starts_with("# Hansen, first visit\n"), "{saved}");
    let order: Vec<usize> = [
        "pivot-chart-slicers",
        "linkedin-b2b",
        "break = 10",
        "kloft-i-regnearket",
    ]
    .iter()
    .map(|needle| {
        saved
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {saved}"))
    })
    .collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{saved}");
    // The export window (#7): everything in Markdown, then again in HTML.
    tmux.type_text("X");
    tmux.wait_for("All of them");
    tmux.press("Enter");
    tmux.wait_for("exports/visit-hansen/mail.txt");
    // Each Escape is waited out, so the next key is not read as Alt plus that key.
    tmux.press("Escape");
    tmux.wait_for("R run");
    tmux.type_text("X");
    tmux.wait_for("All of them");
    tmux.press("Right");
    tmux.wait_for("[html]");
    tmux.press("Enter");
    tmux.wait_for("exports/visit-hansen/visit-card.html");
    for name in [
        "visit-card.md",
        "visit-card.html",
        "handout.html",
        "run-sheet.html",
        "calendar.ics",
        "mail.txt",
    ] {
        let file = library.join("exports/visit-hansen").join(name);
        assert!(file.is_file(), "{}", file.display());
    }
    tmux.press("Escape");
    tmux.wait_for("R run");
    tmux.press("Escape");
    tmux.wait_for("My cards");
    tmux.type_text("q");
    tmux.wait_for("exit=0");
}
