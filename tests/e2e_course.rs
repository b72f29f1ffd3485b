//! The course planner and `a` on a card in the real binary under tmux: open the bundled Slack
//! course copied into a library, date it, bump a session, save, quit and find the new dates on
//! disk; and add a card from the card list to the agenda opened before. Every wait polls the
//! screen for the text it needs; nothing sleeps blindly.

mod tmux_common;
mod tui_common;

use std::path::Path;

use tmux_common::Tmux;
use tui_common::temp_library;

/// Starts skillbook on `library` in a fresh tmux session and waits for the library screen.
fn start(name: &str, library: &Path) -> Tmux {
    let tmux = Tmux::start(&format!("course-{name}"), 100, 30, library);
    tmux.launch();
    tmux.wait_for("My cards (4)");
    tmux
}

#[test]
fn bump_a_session_of_the_slack_course_and_save() {
    let (_dir, library) = temp_library();
    let course = library.join("courses/slack-after-work.toml");
    std::fs::create_dir_all(course.parent().unwrap()).unwrap();
    let template =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("modules/slack/courses/slack-after-work.toml");
    std::fs::copy(&template, &course).unwrap();
    let tmux = start("bump", &library);
    // Sources: the last are Agendas, Courses and Problems.
    tmux.press("BTab");
    tmux.type_text("Gk");
    tmux.wait_for("Courses (1)");
    tmux.press("Tab");
    tmux.press("Enter");
    tmux.wait_for("Course: Slack after work");
    tmux.wait_for("Weekly on Tuesday at 16:00, 90 min · 3 sessions");
    // The template has no dates: the first session gets one, the rest follow the rhythm.
    tmux.type_text("d");
    tmux.wait_for("Date and time");
    tmux.press("C-u");
    tmux.type_text("12.1.2027");
    tmux.press("Enter");
    tmux.wait_for("Tue 2027-01-19");
    // The second evening is cancelled: it and the third move on a week.
    tmux.type_text("jb");
    tmux.wait_for("Bumped session 2 to Tue 26 Jan 2027 and the one after it");
    tmux.wait_for("Tue 2027-02-02");
    tmux.press("C-s");
    tmux.wait_for("Saved");
    tmux.press("Escape");
    tmux.wait_for("Courses (1)");
    tmux.type_text("q");
    tmux.wait_for("exit=0");
    let saved = std::fs::read_to_string(&course).unwrap();
    assert!(saved.starts_with("title = \"Slack after work"), "{saved}");
    let dates: Vec<&str> = saved
        .lines()
        .filter(|line| line.starts_with("date = "))
        .collect();
    assert_eq!(
        dates,
        [
            "date = 2027-01-12",
            "date = 2027-01-26",
            "date = 2027-02-02"
        ],
        "{saved}"
    );
    // Everything else is as the template wrote it.
    let template = std::fs::read_to_string(&template).unwrap();
    let kept: Vec<&str> = saved
        .lines()
        .filter(|line| !line.starts_with("date = "))
        .collect();
    assert_eq!(kept, template.lines().collect::<Vec<_>>());
}

#[test]
fn a_adds_the_selected_card_to_the_agenda_opened_before() {
    let (_dir, library) = temp_library();
    let agenda = library.join("agendas/visit-hansen.toml");
    let before = std::fs::read_to_string(&agenda).unwrap();
    let tmux = start("add", &library);
    tmux.press("BTab");
    tmux.type_text("Gkk");
    tmux.wait_for("Agendas (1)");
    tmux.press("Tab");
    tmux.press("Enter");
    tmux.wait_for("Agenda: Visit at Hansen & Co");
    tmux.press("Escape");
    tmux.wait_for("Agendas (1)");
    // My cards, the second card.
    tmux.press("BTab");
    tmux.type_text("g");
    tmux.press("Tab");
    tmux.type_text("j");
    tmux.type_text("a");
    let screen = tmux.wait_for("Added to the agenda");
    assert!(screen.contains("Visit at Hansen"), "{screen}");
    // The Escape is waited out, so q is not read as Alt-q.
    tmux.press("Escape");
    tmux.wait_for("q quit");
    tmux.type_text("q");
    tmux.wait_for("exit=0");
    let after = std::fs::read_to_string(&agenda).unwrap();
    assert!(after.starts_with(&before), "{after}");
    assert!(
        after[before.len()..].contains("[[items]]\ncard = "),
        "{after}"
    );
}
