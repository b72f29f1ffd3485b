//! Changes from outside while the app runs, as the library watcher reports them: a card changed
//! by another program reloads in place, an edit in progress asks instead of losing either text,
//! the app's own saves cost no reload, and a card shown full screen or its checklist stays open
//! on the same card when the library is read again.

mod tui_common;

use ratatui::backend::TestBackend;
use skillbook::tui::action::Action;
use skillbook::tui::app::{Popup, Screen};
use skillbook::tui::editor::effects::{EditEffect, EditResult};
use skillbook::tui::effect::Effect;
use skillbook::tui::runtime::Tui;
use skillbook::tui::{TuiOptions, build_app};
use std::path::{Path, PathBuf};
use tui_common::{load, temp_library, text_of, tui_of};

fn tui_on(root: &Path) -> Tui<TestBackend> {
    let config = tempfile::tempdir().unwrap();
    let app = build_app(
        load(root),
        &TuiOptions::default(),
        Some(config.path()),
        true,
        100,
        30,
    );
    tui_of(app)
}

/// What the runtime does when the watcher reports `paths`.
fn watcher_reports(tui: &mut Tui<TestBackend>, paths: &[PathBuf]) {
    let effects = tui.app.update(Action::FilesChanged(paths.to_vec()));
    tui.run_effects(effects);
    tui.draw().unwrap();
}

fn editor_body(tui: &Tui<TestBackend>) -> String {
    match tui.app.screens.last() {
        Some(Screen::Editor(editor)) => editor.body_text(),
        other => panic!("no editor open: {other:?}"),
    }
}

#[test]
fn an_open_card_with_nothing_unsaved_takes_the_change_in_place() {
    let (_dir, root) = temp_library();
    let path = root.join("cards/linkedin-b2b.md");
    let mut tui = tui_on(&root);
    tui.type_keys("/B2B customers<enter>e").unwrap();
    assert!(matches!(tui.app.screens.last(), Some(Screen::Editor(_))));
    let changed = std::fs::read_to_string(&path).unwrap() + "\nA line from git pull.\n";
    std::fs::write(&path, &changed).unwrap();
    watcher_reports(&mut tui, std::slice::from_ref(&path));
    assert!(
        editor_body(&tui).contains("A line from git pull."),
        "{}",
        editor_body(&tui)
    );
    assert!(
        text_of(&tui).contains("changed on disk"),
        "{}",
        text_of(&tui)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), changed);
}

#[test]
fn unsaved_text_and_a_change_on_disk_ask_keep_mine_or_take_theirs() {
    let (_dir, root) = temp_library();
    let path = root.join("cards/linkedin-b2b.md");
    let mut tui = tui_on(&root);
    tui.type_keys("/B2B customers<enter>e<backtab><ctrl-end>My own words.")
        .unwrap();
    let theirs = std::fs::read_to_string(&path).unwrap() + "\nTheir words.\n";
    std::fs::write(&path, &theirs).unwrap();
    watcher_reports(&mut tui, std::slice::from_ref(&path));
    let screen = text_of(&tui);
    assert!(screen.contains("Changed on disk"), "{screen}");
    // Nothing is written, and my text is still in the editor.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    assert!(editor_body(&tui).contains("My own words."));
    // See both, then keep mine: my text is saved over theirs, knowingly.
    tui.type_keys("b").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("On disk now"), "{screen}");
    tui.type_keys("k").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("My own words."), "{saved}");
}

#[test]
fn the_apps_own_save_raises_no_question_and_no_reload() {
    let (_dir, root) = temp_library();
    let path = root.join("cards/linkedin-b2b.md");
    let mut tui = tui_on(&root);
    tui.type_keys("/B2B customers<enter>e<backtab><ctrl-end>Saved here.<ctrl-s>")
        .unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Saved here.")
    );
    // The editor's own save, reported by the watcher: the file is what the app holds, so the
    // check answers "nothing changed" and no reload follows.
    let effects = tui.app.update(Action::FilesChanged(vec![path.clone()]));
    for effect in &effects {
        if let Effect::Editing(check @ EditEffect::CheckLibrary { .. }) = effect {
            let answer = skillbook::tui::editor::effects::run(check.clone());
            assert_eq!(answer, EditResult::Done);
        }
    }
    tui.run_effects(effects);
    tui.draw().unwrap();
    assert!(tui.app.popups.is_empty(), "{:?}", tui.app.popups);
    assert!(!text_of(&tui).contains("Changed on disk"));
}

#[test]
fn a_card_full_screen_and_its_checklist_stay_open_across_a_reload() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root);
    tui.type_keys("/B2B customers<enter>").unwrap();
    assert!(matches!(tui.app.screens.last(), Some(Screen::Card(_))));
    // Another program adds a card that sorts before it: positions move.
    let new = root.join("cards/aaa-first.md");
    std::fs::write(&new, "+++\ntitle = \"Aaa first\"\n+++\nBody.\n").unwrap();
    watcher_reports(&mut tui, &[new]);
    let screen = text_of(&tui);
    assert!(
        matches!(tui.app.screens.last(), Some(Screen::Card(_))),
        "{screen}"
    );
    assert!(screen.contains("Find B2B customers"), "{screen}");
    tui.type_keys("c").unwrap();
    assert!(matches!(tui.app.screens.last(), Some(Screen::Checklist(_))));
    let gone = root.join("cards/pivot-chart-slicers.md");
    std::fs::remove_file(&gone).unwrap();
    watcher_reports(&mut tui, &[gone]);
    assert!(matches!(tui.app.screens.last(), Some(Screen::Checklist(_))));
    assert!(
        text_of(&tui).contains("Find B2B customers"),
        "{}",
        text_of(&tui)
    );
    assert!(
        !tui.app
            .popups
            .iter()
            .any(|p| matches!(p, Popup::Message(_)))
    );
}
