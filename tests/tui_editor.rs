//! The card editor through the app's actions: new cards, typing, undo and redo, saving, the
//! questions on leaving and quitting, conflicts with changes on disk, recovery of unsaved text,
//! and forking a pack card to edit it. The runtime runs the effects for real on a temporary
//! copy of the fixture library.

mod tui_common;

use ratatui::backend::TestBackend;
use skillbook::tui::action::Action;
use skillbook::tui::app::{Popup, Screen};
use skillbook::tui::editor::effects::EditEffect;
use skillbook::tui::editor::{RECOVERY_TICKS, recovery_folder};
use skillbook::tui::effect::Effect;
use skillbook::tui::runtime::Tui;
use skillbook::tui::{TuiOptions, build_app};
use tui_common::{load, temp_library, text_of, tui_of};

fn tui_on(root: &std::path::Path, width: u16, height: u16) -> Tui<TestBackend> {
    let config = tempfile::tempdir().unwrap();
    let app = build_app(
        load(root),
        &TuiOptions::default(),
        Some(config.path()),
        true,
        width,
        height,
    );
    tui_of(app)
}

fn body_of(tui: &Tui<TestBackend>) -> String {
    match tui.app.screens.last() {
        Some(Screen::Editor(editor)) => editor.body_text(),
        _ => panic!("no editor open"),
    }
}

fn ticks(tui: &mut Tui<TestBackend>) {
    for _ in 0..RECOVERY_TICKS {
        let effects = tui.app.update(Action::Tick(0));
        tui.run_effects(effects);
    }
}

/// `n`, a title, Enter: the card is written and open in the editor, focus on the body.
fn new_card(tui: &mut Tui<TestBackend>, title: &str) {
    tui.type_keys(&format!("n{title}<enter>")).unwrap();
    assert!(
        matches!(tui.app.screens.last(), Some(Screen::Editor(_))),
        "{}",
        text_of(tui)
    );
    // Shift-Tab from the first field goes round to the body.
    tui.type_keys("<backtab>").unwrap();
}

#[test]
fn a_new_card_is_written_typed_into_saved_and_listed() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    tui.type_keys("nSlack threads").unwrap();
    assert!(text_of(&tui).contains("> Slack threads"));
    tui.type_keys("<enter>").unwrap();
    let path = root.join("cards/slack-threads.md");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("title = \"Slack threads\""), "{written}");
    assert!(
        written.contains("## Try it"),
        "the five sections: {written}"
    );
    tui.type_keys("<backtab><ctrl-end>Use threads, not chaos.")
        .unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("● unsaved"), "{screen}");
    tui.type_keys("<ctrl-s>").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.ends_with("Use threads, not chaos."), "{saved}");
    assert!(saved.starts_with(&written[..written.len() - 1]), "{saved}");
    assert!(!text_of(&tui).contains("● unsaved"));
    tui.type_keys("<esc>").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("My cards (5)"), "{screen}");
}

#[test]
fn a_title_whose_id_is_taken_is_refused_and_nothing_is_written() {
    let (_dir, root) = temp_library();
    let before = std::fs::read_to_string(root.join("cards/linkedin-b2b.md")).unwrap();
    let mut tui = tui_on(&root, 80, 24);
    tui.type_keys("nLinkedIn B2B<enter>").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("already"), "{screen}");
    assert!(matches!(tui.app.popups.last(), Some(Popup::Ask(_))));
    tui.type_keys("<esc>").unwrap();
    assert!(tui.app.popups.is_empty());
    let after = std::fs::read_to_string(root.join("cards/linkedin-b2b.md")).unwrap();
    assert_eq!(before, after);
}

#[test]
fn typing_undo_and_redo_in_the_body() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    new_card(&mut tui, "Undo test");
    tui.type_keys("<ctrl-end>").unwrap();
    let start = body_of(&tui);
    tui.type_keys("abc").unwrap();
    assert_eq!(body_of(&tui), format!("{start}abc"));
    tui.type_keys("<ctrl-z>").unwrap();
    assert_eq!(body_of(&tui), format!("{start}ab"));
    tui.type_keys("<ctrl-u><ctrl-u>").unwrap();
    assert_eq!(body_of(&tui), start);
    tui.type_keys("<ctrl-r>").unwrap();
    assert_eq!(body_of(&tui), format!("{start}a"));
    // "q" is text in the editor, not quit.
    tui.type_keys("q").unwrap();
    assert!(tui.app.is_running());
    assert_eq!(body_of(&tui), format!("{start}aq"));
}

#[test]
fn form_values_are_read_forgivingly_and_problems_show_inline() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 30);
    tui.type_keys("nForm test<enter>").unwrap();
    // Title, Summary, Tool, Tags, Level, Duration.
    tui.type_keys("<tab>Short<tab>Excel<tab>charts, sales<tab><right><right><tab>1h3o")
        .unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("! Duration:"), "{screen}");
    tui.type_keys("<backspace>0<ctrl-s>").unwrap();
    assert!(!text_of(&tui).contains("! Duration:"));
    let saved = std::fs::read_to_string(root.join("cards/form-test.md")).unwrap();
    for expected in [
        "summary = \"Short\"",
        "tool = \"Excel\"",
        "tags = [\"charts\", \"sales\"]",
        "level = \"advanced\"",
        "duration = 90",
    ] {
        assert!(saved.contains(expected), "{expected} in {saved}");
    }
}

#[test]
fn leaving_or_quitting_with_unsaved_changes_asks() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    new_card(&mut tui, "Leave test");
    let path = root.join("cards/leave-test.md");
    let written = std::fs::read_to_string(&path).unwrap();
    tui.type_keys("Draft").unwrap();
    tui.type_keys("<esc>").unwrap();
    assert!(text_of(&tui).contains("s save · d discard"));
    tui.type_keys("<esc>").unwrap();
    assert!(matches!(tui.app.screens.last(), Some(Screen::Editor(_))));
    tui.type_keys("<ctrl-c>").unwrap();
    assert!(tui.app.is_running(), "asks before quitting");
    tui.type_keys("d").unwrap();
    assert!(!tui.app.is_running());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);

    // Save from the question: written, then the app quits.
    let mut tui = tui_on(&root, 80, 24);
    tui.type_keys("nLeave two<enter><backtab>Kept<ctrl-c>s")
        .unwrap();
    assert!(!tui.app.is_running());
    let saved = std::fs::read_to_string(root.join("cards/leave-two.md")).unwrap();
    assert!(saved.contains("Kept"), "{saved}");
}

#[test]
fn a_change_on_disk_during_an_edit_raises_the_conflict_instead_of_overwriting() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    new_card(&mut tui, "Conflict test");
    let path = root.join("cards/conflict-test.md");
    tui.type_keys("<ctrl-end>Mine").unwrap();
    let theirs = std::fs::read_to_string(&path).unwrap() + "Theirs\n";
    std::fs::write(&path, &theirs).unwrap();
    tui.type_keys("<ctrl-s>").unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let screen = text_of(&tui);
    assert!(screen.contains("Changed on disk"), "{screen}");
    // Keep mine shows both first, then saves over theirs.
    tui.type_keys("k").unwrap();
    let screen = text_of(&tui);
    assert!(
        screen.contains("Mine (unsaved)") && screen.contains("On disk now"),
        "{screen}"
    );
    assert!(
        screen.contains("≠ Theirs") || screen.contains("≠"),
        "{screen}"
    );
    tui.type_keys("k").unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.ends_with("Mine"), "{saved}");
    assert!(!saved.contains("Theirs"));

    // Take theirs: the editor starts again from the file on disk.
    std::fs::write(&path, saved.replace("Mine", "Theirs again")).unwrap();
    tui.type_keys(" more<ctrl-s>t").unwrap();
    assert!(body_of(&tui).ends_with("Theirs again"), "{}", body_of(&tui));
    assert!(!text_of(&tui).contains("● unsaved"));
}

#[test]
fn unsaved_text_is_kept_on_ticks_and_offered_back_at_the_next_start() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    new_card(&mut tui, "Crash test");
    tui.type_keys("<ctrl-end>Every word counts").unwrap();
    let recovery = recovery_folder(&root).join("crash-test.md");
    assert!(!recovery.exists(), "nothing written before the clock ticks");
    ticks(&mut tui);
    let kept = std::fs::read_to_string(&recovery).unwrap();
    assert!(kept.ends_with("Every word counts"), "{kept}");
    // The app dies here without saving; the next one offers the text back.
    drop(tui);
    let mut tui = tui_on(&root, 80, 24);
    let effects = vec![Effect::Editing(EditEffect::ScanRecovery {
        root: root.clone(),
    })];
    tui.run_effects(effects);
    tui.draw().unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Unsaved changes found"), "{screen}");
    tui.type_keys("<enter>").unwrap();
    assert!(body_of(&tui).ends_with("Every word counts"));
    assert!(text_of(&tui).contains("● unsaved"));
    tui.type_keys("<ctrl-s>").unwrap();
    assert!(!recovery.exists(), "a save removes the recovery file");
    let saved = std::fs::read_to_string(root.join("cards/crash-test.md")).unwrap();
    assert!(saved.ends_with("Every word counts"));
}

#[test]
fn discarding_removes_the_recovery_file() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    new_card(&mut tui, "Discard test");
    tui.type_keys("x").unwrap();
    ticks(&mut tui);
    let recovery = recovery_folder(&root).join("discard-test.md");
    assert!(recovery.exists());
    tui.type_keys("<esc>d").unwrap();
    assert!(!recovery.exists());
}

#[test]
fn editing_a_pack_card_offers_to_fork_it_first() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    tui.type_keys("/sparklines<enter>e").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Fork to edit"), "{screen}");
    tui.type_keys("<enter>").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Edit sparklines"), "{screen}");
    let forked = std::fs::read_to_string(root.join("cards/sparklines.md")).unwrap();
    assert!(forked.contains("[origin]"), "{forked}");
}

#[test]
fn the_editor_draws_at_the_smallest_size_and_beside_a_preview_when_wide() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 40, 12);
    tui.type_keys("nSmall<enter>").unwrap();
    assert!(text_of(&tui).contains("▸Title"), "{}", text_of(&tui));
    tui.type_keys("<backtab>").unwrap();
    assert!(text_of(&tui).contains("▸ Body"), "{}", text_of(&tui));
    let mut wide = tui_on(&root, 130, 40);
    wide.type_keys("nWide card<enter><backtab>").unwrap();
    let screen = text_of(&wide);
    assert!(
        screen.contains("Preview") && screen.contains("Wide card"),
        "{screen}"
    );
}
