//! Card operations from the card list: delete to the trash and undo, duplicate, rename with the
//! references following, and fork under a new id when one of my cards has the pack card's.
//! Scripted keys against a temporary copy of the fixture library; and the effects of these
//! operations, which read only the files they change.

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

#[test]
fn f_on_a_pack_card_whose_id_i_have_asks_for_a_new_id_as_the_pack_browser_does() {
    let (_dir, root) = temp_library();
    // My own card with the id of the pack's sparklines card, under another title.
    let mine = root.join("cards/sparklines.md");
    let my_text = "+++\ntitle = \"Trend lines in cells\"\nduration = 10\n+++\n\nMine.\n";
    std::fs::write(&mine, my_text).unwrap();
    let mut tui = tui_on(&root);
    tui.type_keys("/Sparklines in a sales<enter>f").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Fork as"), "{screen}");
    assert!(screen.contains("> sparklines-2"), "{screen}");
    assert!(
        screen.contains("You have \"sparklines\": pick a new id."),
        "{screen}"
    );
    // An id of mine is refused in the window, and so is an unusable one; nothing is written.
    tui.type_keys("<ctrl-u>sparklines<enter>").unwrap();
    let screen = text_of(&tui);
    assert!(
        screen.contains("You have a card \"sparklines\" already"),
        "{screen}"
    );
    tui.type_keys("<ctrl-u>Not An Id<enter>").unwrap();
    assert!(
        text_of(&tui).contains("not a usable id"),
        "{}",
        text_of(&tui)
    );
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), my_text);
    // A free id forks the pack card under it and opens the fork in the editor.
    tui.type_keys("<ctrl-u>board-sparklines<enter>").unwrap();
    let fork = std::fs::read_to_string(root.join("cards/board-sparklines.md"))
        .expect("the fork is written");
    assert!(fork.contains("[origin]"), "{fork}");
    assert!(fork.contains("card = \"sparklines\""), "{fork}");
    assert!(
        matches!(
            tui.app.screens.last(),
            Some(skillbook::tui::app::Screen::Editor(_))
        ),
        "the fork opens in the editor"
    );
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), my_text);
}

/// Fork, duplicate and rename are planned from the library the app holds (lean, as the app
/// holds it: no bodies) and their effects read only the files they change: they still work with
/// the rest of the library gone from disk, where a full load no longer finds the installed pack.
#[test]
fn card_effects_read_only_the_files_they_change() {
    use skillbook::tui::editor::effects::{EditEffect, EditResult, run};
    let (_dir, root) = temp_library();
    let lean = skillbook::library::load_lean(&root, None, &|_, _| {});
    let fork = skillbook::pack::fork::plan_fork(&lean, "excel-charts/sparklines", None).unwrap();
    let duplicate = skillbook::duplicate::plan_duplicate(
        &lean,
        "excel-charts/waterfall-chart",
        "Waterfall for the board",
    )
    .unwrap();
    let rename = skillbook::rename::plan_rename(&lean, "linkedin-b2b", "linkedin-sales").unwrap();
    // The pack's manifest and every card the operations do not touch go.
    std::fs::remove_file(root.join("packs/excel-charts/pack.toml")).unwrap();
    for gone in ["broken", "escape-test", "kloft-i-regnearket"] {
        std::fs::remove_file(root.join(format!("cards/{gone}.md"))).unwrap();
    }
    // A full load now sees only the bundled excel-charts pack (1.0.0, no waterfall card).
    let full = skillbook::library::load(&root);
    assert!(
        full.find_index("excel-charts/waterfall-chart", None)
            .is_none(),
        "a full load no longer finds the installed pack"
    );

    let opened = |result: EditResult| match result {
        EditResult::Opened {
            path,
            disk: Some((text, _)),
            ..
        } => (path, text),
        other => panic!("{other:?}"),
    };
    let (path, text) = opened(run(EditEffect::Fork(fork)));
    assert_eq!(path, root.join("cards/sparklines.md"));
    assert!(text.contains("version = \"1.2.0\""), "{text}");
    assert!(text.contains("Sparklines in a sales report"), "{text}");
    let (path, text) = opened(run(EditEffect::Duplicate(duplicate)));
    assert_eq!(path, root.join("cards/waterfall-for-the-board.md"));
    assert!(
        text.contains("title = \"Waterfall for the board\""),
        "{text}"
    );
    match run(EditEffect::Rename(rename)) {
        EditResult::Told(told) => assert!(told.contains("linkedin-b2b is now linkedin-sales")),
        other => panic!("{other:?}"),
    }
    assert!(root.join("cards/linkedin-sales.md").exists());
    assert!(!root.join("cards/linkedin-b2b.md").exists());
}
