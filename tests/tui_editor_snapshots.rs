//! The card editor and its windows on a test terminal, at 80x24, at the smallest supported size
//! (40x12) and wide enough for the live preview (130x40): the new-card question, the form and
//! body, validation shown inline, the duplicate question, and a conflict with the file on disk
//! side by side. Each runs on its own copy of the fixture library, since the editor writes.

mod tui_common;

use ratatui::backend::TestBackend;
use skillbook::tui::app::App;
use skillbook::tui::keymap::Keymap;
use skillbook::tui::runtime::Tui;
use skillbook::tui::theme::Theme;
use tui_common::{load, temp_library, text_of, tui_of};

const SIZES: [(u16, u16); 3] = [(80, 24), (40, 12), (130, 40)];

/// Each editor state, and the keys that reach it from the start.
const STATES: &[(&str, &str)] = &[
    ("new_card_question", "nSlack threads"),
    ("editor_form", "nSlack threads<enter>"),
    (
        "editor_body",
        "nSlack threads<enter><backtab><ctrl-end>Use threads, not chaos.",
    ),
    (
        "editor_invalid_duration",
        "nSlack threads<enter><tab><tab><tab><tab><tab>soon",
    ),
    ("duplicate_question", "/B2B customers<enter>y"),
];

fn tui_on(root: &std::path::Path, width: u16, height: u16, theme: &str) -> Tui<TestBackend> {
    let theme = Theme::builtin(theme).expect("built-in theme");
    tui_of(App::new(
        load(root),
        Keymap::defaults(),
        theme,
        width,
        height,
    ))
}

fn screen_after(width: u16, height: u16, theme: &str, keys: &str) -> String {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, width, height, theme);
    tui.type_keys(keys).expect("keys");
    text_of(&tui)
}

#[test]
fn every_editor_state_at_every_size_in_every_theme() {
    for &(name, keys) in STATES {
        for (width, height) in SIZES {
            let dark = screen_after(width, height, "dark", keys);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), dark);
            assert_eq!(
                screen_after(width, height, "light", keys),
                dark,
                "{name} light"
            );
        }
    }
}

#[test]
fn a_conflict_with_the_file_on_disk_side_by_side() {
    for (width, height) in [(80, 24), (40, 12)] {
        let (_dir, root) = temp_library();
        let mut tui = tui_on(&root, width, height, "dark");
        tui.type_keys("nShared<enter><backtab><ctrl-end>Mine.")
            .unwrap();
        let path = root.join("cards/shared.md");
        let theirs = std::fs::read_to_string(&path).unwrap() + "Theirs.\n";
        std::fs::write(&path, theirs).unwrap();
        tui.type_keys("<ctrl-s>").unwrap();
        insta::assert_snapshot!(format!("conflict_question_{width}x{height}"), text_of(&tui));
        tui.type_keys("b").unwrap();
        insta::assert_snapshot!(
            format!("conflict_side_by_side_{width}x{height}"),
            text_of(&tui)
        );
    }
}
