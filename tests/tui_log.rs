//! The session log: the window at 80x24 and 40x12, writing and saving a log from the builder
//! (and from run mode once it has ended), the last log of the same mentee in the next
//! agenda's header, and in `skillbook agenda FILE`.

mod tui_common;

use std::fs;

use ratatui::backend::TestBackend;
use skillbook::tui::action::Action;
use skillbook::tui::app::{App, Popup, Screen};
use skillbook::tui::keymap::Keymap;
use skillbook::tui::runtime::Tui;
use skillbook::tui::theme::Theme;
use tui_common::{load, temp_library, text_of, tui_of};

const FIRST: &str = r#"title = "First visit at Hansen"
date = 2026-11-12
start = "09:00"
slot = 60

[mentee]
name = "Bent"

[[items]]
title = "His questions"
minutes = 15
"#;

const SECOND: &str = r#"title = "Second visit at Hansen"
date = 2026-12-03
start = "09:00"
slot = 60

[mentee]
name = "Bent"

[[items]]
title = "What he tried"
minutes = 15
"#;

/// A library with the two agendas for Bent; the first is opened in the builder.
fn library_tui(
    width: u16,
    height: u16,
) -> (tempfile::TempDir, std::path::PathBuf, Tui<TestBackend>) {
    let (dir, root) = temp_library();
    fs::remove_file(root.join("agendas/visit-hansen.toml")).unwrap();
    fs::write(root.join("agendas/a-first.toml"), FIRST).unwrap();
    fs::write(root.join("agendas/b-second.toml"), SECOND).unwrap();
    let app = App::new(
        load(&root),
        Keymap::defaults(),
        Theme::builtin("dark").unwrap(),
        width,
        height,
    );
    let mut tui = tui_of(app);
    tui.type_keys("<shift-tab>Gkk<tab><enter>").unwrap();
    assert!(
        text_of(&tui).contains("First visit at Hansen"),
        "{}",
        text_of(&tui)
    );
    (dir, root, tui)
}

fn write_log(tui: &mut Tui<TestBackend>) {
    tui.type_keys("L").unwrap();
    assert!(matches!(tui.app.popups.last(), Some(Popup::Log(_))));
    tui.type_keys(
        "Pivot charts on his export<down>Filter the report himself<enter>Last year's figures",
    )
    .unwrap();
}

#[test]
fn the_log_window_at_both_sizes() {
    for (width, height) in [(80, 24), (40, 12)] {
        let (_dir, _root, mut tui) = library_tui(width, height);
        write_log(&mut tui);
        insta::assert_snapshot!(format!("log_window_{width}x{height}"), text_of(&tui));
    }
}

#[test]
fn a_log_is_saved_in_the_library_and_shown_on_the_next_agenda() {
    let (_dir, root, mut tui) = library_tui(80, 24);
    write_log(&mut tui);
    tui.type_keys("<ctrl-s>").unwrap();
    assert!(tui.app.popups.is_empty(), "{}", text_of(&tui));
    assert!(text_of(&tui).contains("Session log saved to logs/a-first.toml"));
    let saved = fs::read_to_string(root.join("logs/a-first.toml")).unwrap();
    for line in [
        "mentee = \"Bent\"",
        "date = 2026-11-12",
        "covered = \"Pivot charts on his export\"",
        "will_try = \"Filter the report himself\"",
        "bring = \"Last year's figures\"",
    ] {
        assert!(saved.contains(line), "{line} in {saved}");
    }
    // The agenda file itself is untouched: the log is personal state.
    assert_eq!(
        fs::read_to_string(root.join("agendas/a-first.toml")).unwrap(),
        FIRST
    );
    // Reopened, the window shows what was written.
    tui.type_keys("L").unwrap();
    assert!(text_of(&tui).contains("Pivot charts on his export"));
    tui.type_keys("<esc><esc>j<enter>").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Second visit at Hansen"), "{screen}");
    assert!(
        screen
            .contains("Last time with Bent, 12 Nov: covered Pivot charts on his export; will try"),
        "{screen}"
    );
}

#[test]
fn run_mode_offers_the_log_when_it_ends() {
    let (_dir, _root, mut tui) = library_tui(80, 24);
    tui.type_keys("R").unwrap();
    assert!(matches!(tui.app.screens.last(), Some(Screen::Run(_))));
    let effects = tui.app.update(Action::Tick(0));
    tui.run_effects(effects);
    let effects = tui.app.update(Action::Tick(60));
    tui.run_effects(effects);
    // Skipping the last item ends the session.
    tui.type_keys("n").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("L: write the session log"), "{screen}");
    tui.type_keys("L").unwrap();
    assert!(matches!(tui.app.popups.last(), Some(Popup::Log(_))));
}

#[test]
fn skillbook_agenda_prints_the_last_log_of_the_mentee() {
    let (_dir, root, mut tui) = library_tui(80, 24);
    write_log(&mut tui);
    tui.type_keys("<ctrl-s>").unwrap();
    let output = tui_common::home::binary()
        .arg("--library")
        .arg(&root)
        .arg("agenda")
        .arg(root.join("agendas/b-second.toml"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("Last time with Bent, 12 Nov: covered Pivot charts on his export; will try Filter the report himself; bring Last year's figures"),
        "{text}"
    );
    // The first agenda's own log is not "last time" for itself.
    let first = tui_common::home::binary()
        .arg("--library")
        .arg(&root)
        .arg("agenda")
        .arg(root.join("agendas/a-first.toml"))
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&first.stdout).contains("Last time"));
}
