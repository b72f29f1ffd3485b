//! The course planner: screens at 80x24 and 40x12 in the dark and light themes, adding,
//! copying, deleting (and bringing back), bumping and dating sessions, typing the rhythm,
//! saving that keeps the user's comments, a session edited in the agenda builder coming back
//! to the plan, and `a` adding the selected card to the open agenda.

mod tui_common;

use std::fs;
use std::path::PathBuf;

use ratatui::backend::TestBackend;
use skillbook::tui::app::{App, Popup, Screen};
use skillbook::tui::keymap::Keymap;
use skillbook::tui::runtime::Tui;
use skillbook::tui::theme::Theme;
use skillbook::tui::views::course_planner::CoursePlanner;
use tui_common::{load, temp_library, text_of, tui_of};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

/// A course as a person writes it: comments, a fitting session, one over its time, and one
/// placed by the rhythm.
const HAND_WRITTEN: &str = r#"# Agreed with HR: three Tuesdays after work
title = "Slack after work"
place = "Meeting room 2"
rhythm = { weekday = "tuesday", start = "16:00", minutes = 90 }

[[sessions]]
date = 2027-01-12   # after the holidays
title = "From mail to channels"
[[sessions.items]]
title = "Welcome"
minutes = 10
[[sessions.items]]
card = "pivot-chart-slicers"

[[sessions]]
date = 2027-01-19
title = "Quieter notifications"
[[sessions.items]]
title = "Everything at once"
minutes = 100

[[sessions]]
title = "Talk and automate"
[[sessions.items]]
title = "Huddles"
minutes = 90
"#;

/// Keys from the start to the course in the Courses source, opened.
const OPEN: &str = "<shift-tab>Gk<tab><enter>";

fn planner_tui(
    width: u16,
    height: u16,
    theme: &str,
) -> (tempfile::TempDir, PathBuf, Tui<TestBackend>) {
    let (dir, root) = temp_library();
    let file = root.join("courses/slack-after-work.toml");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, HAND_WRITTEN).unwrap();
    let mut theme = Theme::builtin(theme).unwrap();
    theme.color = true;
    let app = App::new(load(&root), Keymap::defaults(), theme, width, height);
    let mut tui = tui_of(app);
    tui.type_keys(OPEN).unwrap();
    (dir, file, tui)
}

fn planner(tui: &Tui<TestBackend>) -> &CoursePlanner {
    match tui.app.screens.last() {
        Some(Screen::Course(planner)) => planner,
        other => panic!("no planner on top: {other:?}\n{}", text_of(tui)),
    }
}

fn dates(tui: &Tui<TestBackend>) -> Vec<String> {
    planner(tui)
        .dates()
        .iter()
        .map(|date| date.map_or("-".into(), |d| d.to_string()))
        .collect()
}

#[test]
fn the_planner_at_both_sizes_in_dark_and_light() {
    for (width, height) in SIZES {
        let (_dir, _file, tui) = planner_tui(width, height, "dark");
        let dark = text_of(&tui);
        insta::assert_snapshot!(format!("planner_{width}x{height}"), dark);
        let (_dir, _file, tui) = planner_tui(width, height, "light");
        assert_eq!(text_of(&tui), dark, "light {width}x{height}");
    }
}

#[test]
fn the_planner_shows_rhythm_total_and_fit_in_words() {
    let (_dir, _file, tui) = planner_tui(80, 24, "dark");
    let screen = text_of(&tui);
    for needle in [
        "Weekly on Tuesday at 16:00, 90 min",
        "3 sessions · 4 h 30 min in all",
        "1  Tue 2027-01-12  16:00  90 min  From mail to c",
        "30 min  fits",
        "100 min  10 min over",
        "Tue 2027-01-26",
        "90 min  fits",
    ] {
        assert!(screen.contains(needle), "{needle:?} in\n{screen}");
    }
}

#[test]
fn bump_moves_the_session_and_every_later_one() {
    let (_dir, file, mut tui) = planner_tui(80, 24, "dark");
    tui.type_keys("jb").unwrap();
    assert_eq!(dates(&tui), ["2027-01-12", "2027-01-26", "2027-02-02"]);
    assert!(text_of(&tui).contains("Bumped session 2 to Tue 26 Jan 2027 and the one after it"));
    tui.type_keys("<ctrl-s>").unwrap();
    let saved = fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("date = 2027-01-12   # after the holidays"),
        "{saved}"
    );
    assert!(
        saved.contains("date = 2027-01-26\ntitle = \"Quieter"),
        "{saved}"
    );
    assert!(saved.contains("date = 2027-02-02"), "{saved}");
    assert!(!planner(&tui).dirty);
    assert!(text_of(&tui).contains("Saved"));
}

#[test]
fn add_copy_delete_and_bring_back() {
    let (_dir, _file, mut tui) = planner_tui(80, 24, "dark");
    tui.type_keys("a").unwrap();
    assert_eq!(planner(&tui).course.sessions.len(), 4);
    assert_eq!(dates(&tui)[3], "2027-02-02");
    assert_eq!(planner(&tui).list.selected, 3);
    tui.type_keys("gy").unwrap();
    // g is not the planner's: the copy is of the new session, on the next free date.
    let sessions = &planner(&tui).course.sessions;
    assert_eq!(sessions.len(), 5);
    assert_eq!(sessions[4].title, "Session 4 (copy)");
    assert_eq!(dates(&tui)[4], "2027-02-09");
    tui.type_keys("kkkkx").unwrap();
    assert_eq!(
        planner(&tui).course.sessions[0].title,
        "Quieter notifications"
    );
    assert!(text_of(&tui).contains("u brings it back"));
    tui.type_keys("u").unwrap();
    assert_eq!(
        planner(&tui).course.sessions[0].title,
        "From mail to channels"
    );
    assert_eq!(planner(&tui).course.sessions.len(), 5);
}

#[test]
fn rhythm_and_dates_are_typed_forgivingly() {
    let (_dir, file, mut tui) = planner_tui(80, 24, "dark");
    tui.type_keys("w<ctrl-u>thursdays at 5pm<enter>").unwrap();
    assert!(text_of(&tui).contains("Weekly on Thursday at 17:00, 90 min"));
    tui.type_keys("d<ctrl-u>14.1 16:30<enter>").unwrap();
    assert_eq!(dates(&tui)[0], "2027-01-14");
    tui.type_keys("d<ctrl-u>someday<enter>").unwrap();
    assert!(text_of(&tui).contains("cannot read \"someday\""));
    tui.type_keys("<ctrl-s>").unwrap();
    let saved = fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("rhythm = { weekday = \"thursday\", start = \"17:00\", minutes = 90 }"),
        "{saved}"
    );
    assert!(
        saved.contains("date = 2027-01-14   # after the holidays\ntitle = \"From mail to channels\"\nstart = \"16:30\""),
        "{saved}"
    );
}

#[test]
fn leaving_with_unsaved_changes_asks_and_discard_keeps_the_file() {
    let (_dir, file, mut tui) = planner_tui(80, 24, "dark");
    tui.type_keys("b<esc>").unwrap();
    assert!(text_of(&tui).contains("Save the course before leaving?"));
    tui.type_keys("<esc>").unwrap();
    assert!(planner(&tui).dirty);
    tui.type_keys("<esc>x").unwrap();
    assert!(tui.app.screens.is_empty());
    assert_eq!(fs::read_to_string(&file).unwrap(), HAND_WRITTEN);
}

#[test]
fn a_session_edited_in_the_builder_comes_back_to_the_plan() {
    let (_dir, file, mut tui) = planner_tui(80, 24, "dark");
    tui.type_keys("j<enter>").unwrap();
    assert!(text_of(&tui).contains("Agenda: Quieter notifications"));
    // Ten minutes off the only item: the session now fits.
    tui.type_keys("--<esc>").unwrap();
    assert!(planner(&tui).dirty);
    assert!(text_of(&tui).contains("90 min  fits"), "{}", text_of(&tui));
    tui.type_keys("<ctrl-s>").unwrap();
    let saved = fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("title = \"Everything at once\"\nminutes = 90\n"),
        "{saved}"
    );
    assert!(saved.starts_with("# Agreed with HR"), "{saved}");
}

#[test]
fn a_adds_the_selected_card_to_the_last_agenda_opened() {
    let (_dir, root) = temp_library();
    let agenda = root.join("agendas/visit-hansen.toml");
    let mut tui = tui_of(App::new(
        load(&root),
        Keymap::defaults(),
        Theme::builtin("dark").unwrap(),
        80,
        24,
    ));
    // Before any agenda is open, a says how to open one.
    tui.type_keys("a").unwrap();
    assert!(
        text_of(&tui).contains("No agenda is open yet"),
        "{}",
        text_of(&tui)
    );
    tui.type_keys("<esc>").unwrap();
    // Open the agenda, leave it, pick a card in My cards and add it.
    tui.type_keys("<shift-tab>Gkk<tab><enter>").unwrap();
    assert!(matches!(tui.app.screens.last(), Some(Screen::Builder(_))));
    tui.type_keys("<esc><shift-tab>gg<tab>").unwrap();
    let before = fs::read_to_string(&agenda).unwrap();
    tui.type_keys("a").unwrap();
    let after = fs::read_to_string(&agenda).unwrap();
    assert!(after.starts_with(&before), "{after}");
    assert!(
        after.len() > before.len() && after.contains("[[items]]"),
        "{after}"
    );
    assert!(matches!(tui.app.popups.last(), Some(Popup::Message(_))));
    let screen = text_of(&tui);
    assert!(screen.contains("Added"), "{screen}");
    assert!(screen.contains("Visit at Hansen"), "{screen}");
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let (_dir, file, mut tui) = planner_tui(80, 24, "dark");
    tui.type_keys("bq").unwrap();
    assert!(
        tui.app.is_running(),
        "q with an unsaved course must ask, not quit"
    );
    assert!(text_of(&tui).contains("Save the course before leaving?"));
    assert_eq!(fs::read_to_string(&file).unwrap(), HAND_WRITTEN);
}
