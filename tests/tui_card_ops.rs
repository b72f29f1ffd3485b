//! Card operations from the card list: delete to the trash and undo, duplicate, and rename with the
//! references following. Scripted keys against a temporary copy of the fixture library.

mod tui_common;

use ratatui::backend::TestBackend;
use skillbook::tui::runtime::Tui;
use skillbook::tui::{TuiOptions, build_app};
use tui_common::{load, temp_library, text_of, tui_of};

fn tui_on(root: &std::path::Path) -> Tui<TestBackend> {
    let config = tempfile::tempdir().unwrap();
    let app = build_app(
        load(root),
        &TuiOptions::default(),
        Some(config.path()),
        true,
        80,
        24,
    );
    tui_of(app)
}

#[test]
fn delete_moves_the_card_to_the_trash_and_undo_brings_it_back() {
    let (_dir, root) = temp_library();
    let path = root.join("cards/linkedin-b2b.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut tui = tui_on(&root);
    tui.type_keys("/B2B customers<enter>x").unwrap();
    assert!(!path.exists());
    let trashed: Vec<_> = std::fs::read_dir(root.join(".trash")).unwrap().collect();
    assert_eq!(trashed.len(), 1);
    let screen = text_of(&tui);
    assert!(screen.contains("Moved to .trash/linkedin-b2b."), "{screen}");
    tui.type_keys("<esc><esc>").unwrap();
    assert!(text_of(&tui).contains("My cards (3)"), "{}", text_of(&tui));
    tui.type_keys("u").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    tui.type_keys("<esc>").unwrap();
    assert!(text_of(&tui).contains("My cards (4)"));
    tui.type_keys("u").unwrap();
    assert!(text_of(&tui).contains("No card was deleted"));
}

#[test]
fn rename_changes_the_file_and_the_agenda_that_names_it() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root);
    tui.type_keys("/Build a pivot chart<enter><f2>").unwrap();
    assert!(
        text_of(&tui).contains("> pivot-chart-slicers"),
        "{}",
        text_of(&tui)
    );
    tui.type_keys("<ctrl-u>pivot-slicers<enter>").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("is now pivot-slicers"), "{screen}");
    assert!(root.join("cards/pivot-slicers.md").exists());
    assert!(!root.join("cards/pivot-chart-slicers.md").exists());
    let agenda = std::fs::read_to_string(root.join("agendas/visit-hansen.toml")).unwrap();
    assert!(agenda.contains("card = \"pivot-slicers\""), "{agenda}");
}

#[test]
fn duplicate_copies_a_pack_card_into_my_cards_under_a_new_title_and_opens_it() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root);
    // A card of the fixture's excel-charts pack, found by search and opened full screen.
    tui.type_keys("/Sparklines in a sales<enter>y").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Duplicate"), "{screen}");
    assert!(screen.contains("(copy)"), "{screen}");
    // A title that clashes with one of my cards is refused in the window, nothing written.
    tui.type_keys("<ctrl-u>Pivot chart slicers<enter>").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("already"), "{screen}");
    tui.type_keys("<ctrl-u>Sparklines for the board<enter>")
        .unwrap();
    let copy = root.join("cards/sparklines-for-the-board.md");
    let text = std::fs::read_to_string(&copy).expect("the copy is written");
    assert!(
        text.contains("title = \"Sparklines for the board\""),
        "{text}"
    );
    assert!(
        !text.contains("[origin]"),
        "a duplicate is a new card: {text}"
    );
    assert!(
        matches!(
            tui.app.screens.last(),
            Some(skillbook::tui::app::Screen::Editor(_))
        ),
        "the copy opens in the editor"
    );
}
