//! The real binary on temporary libraries: every command, its output, its exit code and its
//! errors, the way a user or a script would run it.

mod common;

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use common::home::{binary, skillbook};
use predicates::prelude::*;

fn write(path: PathBuf, text: &str) -> PathBuf {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    path
}

fn card(title: &str, extra: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ntool = \"Excel\"\nduration = 15\n{extra}+++\n\n## Why it matters\n\nBecause.\n"
    )
}

fn stdout_of(command: &mut Command) -> String {
    String::from_utf8(command.output().unwrap().stdout).unwrap()
}

#[test]
fn list_shows_bundled_cards_with_no_library_folder() {
    let home = tempfile::tempdir().unwrap();
    let library = home.path().join("not-yet");
    let output = stdout_of(skillbook(&library).arg("list"));
    assert!(
        output.contains("excel-charts/pivot-chart-slicers"),
        "{output}"
    );
    assert!(output.contains("slack/slack-threads"), "{output}");
    assert!(!library.exists(), "listing must not create the library");
}

#[test]
fn list_filters_and_prints_json() {
    let home = tempfile::tempdir().unwrap();
    write(
        home.path().join("cards/mine.md"),
        &card("My own card", "tags = [\"charts\"]\n"),
    );
    let output = stdout_of(skillbook(home.path()).args(["list", "--tool", "excel", "--json"]));
    let cards: serde_json::Value = serde_json::from_str(&output).unwrap();
    let cards = cards.as_array().unwrap();
    assert!(cards.iter().all(|c| c["tool"] == "Excel"), "{output}");
    assert_eq!(cards[0]["id"], "mine", "own cards come first");
    assert_eq!(cards[0]["source"]["kind"], "own");
    skillbook(home.path())
        .args(["list", "--tool", "no-such-tool"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no cards match"));
}

#[test]
fn a_broken_card_is_reported_by_check_and_the_rest_still_lists() {
    let home = tempfile::tempdir().unwrap();
    write(home.path().join("cards/good.md"), &card("Good card", ""));
    write(
        home.path().join("cards/broken.md"),
        "+++\ntitle = \"Broken\"\nlevel = 3\n+++\n",
    );
    let broken_path = home.path().join("cards/broken.md");
    skillbook(home.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{}:3:9: expected a string for \"level\", found the number 3",
            broken_path.display()
        )));
    skillbook(home.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Good card"))
        .stderr(predicate::str::contains("broken.md:3:9"));
}

#[test]
fn check_passes_on_the_bundled_packs() {
    let home = tempfile::tempdir().unwrap();
    skillbook(home.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("no problems"));
}

#[test]
fn check_reports_duplicates_missing_prerequisites_and_agenda_cards() {
    let home = tempfile::tempdir().unwrap();
    write(
        home.path().join("cards/a.md"),
        &card("A", "prerequisites = [\"nowhere\"]\n"),
    );
    write(
        home.path().join("cards/sub/b.md"),
        &card("B", "id = \"a\"\n"),
    );
    write(
        home.path().join("agendas/visit.toml"),
        "title = \"Visit\"\nstart = \"09:00\"\n\n[[items]]\ncard = \"ghost-card\"\n",
    );
    write(
        home.path().join("packs/halfpack/cards/x.md"),
        &card("X", ""),
    );
    let output = skillbook(home.path())
        .args(["check", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let problems: serde_json::Value = serde_json::from_str(&text).unwrap();
    let messages: Vec<String> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{}:{}:{}: {}",
                p["path"].as_str().unwrap(),
                p["line"],
                p["column"],
                p["message"].as_str().unwrap()
            )
        })
        .collect();
    let all = messages.join("\n");
    assert!(
        all.contains("a.md:5:18: prerequisite \"nowhere\" names no card"),
        "{all}"
    );
    assert!(all.contains("duplicate card id \"a\""), "{all}");
    assert!(
        all.contains("visit.toml:5:8: names a missing card \"ghost-card\""),
        "{all}"
    );
    assert!(all.contains("halfpack/pack.toml:1:1"), "{all}");
}

#[test]
fn show_renders_a_card_and_says_when_there_is_none() {
    let home = tempfile::tempdir().unwrap();
    write(
        home.path().join("cards/kloft.md"),
        "+++\ntitle = \"Kløft \\u001b[2J title\"\noutcomes = [\"Do it\"]\n+++\n\n## Why it matters\n\n**Bold** and a [link](https://example.org).\n",
    );
    let output = stdout_of(skillbook(home.path()).args(["show", "kloft"]));
    assert!(output.contains("Kløft ␛[2J title"), "{output}");
    assert!(output.contains("Why it matters"), "{output}");
    assert!(output.contains("https://example.org"), "{output}");
    assert!(
        !output.contains('\u{1b}'),
        "no escape sequence reaches the terminal: {output:?}"
    );
    skillbook(home.path())
        .args(["show", "no-such-card"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no card \"no-such-card\""));
}

#[test]
fn search_is_fuzzy_and_folds_diacritics() {
    let home = tempfile::tempdir().unwrap();
    write(
        home.path().join("cards/kloft.md"),
        &card("Over the kløft with Excel", ""),
    );
    let output = stdout_of(skillbook(home.path()).args(["search", "kloft"]));
    assert_eq!(
        output.lines().next().map(|l| l.contains("kloft")),
        Some(true),
        "{output}"
    );
    let output =
        stdout_of(skillbook(home.path()).args(["search", "pivot", "--json", "--limit", "3"]));
    let hits: serde_json::Value = serde_json::from_str(&output).unwrap();
    assert!(hits.as_array().unwrap().len() <= 3);
    assert_eq!(
        hits[0]["id"], "excel-charts/pivot-chart-slicers",
        "{output}"
    );
    skillbook(home.path())
        .args(["search", "zzqqxxyy"])
        .assert()
        .code(1);
}

#[test]
fn new_card_creates_the_file_once() {
    let home = tempfile::tempdir().unwrap();
    let library = home.path().join("lib");
    skillbook(&library)
        .args([
            "new",
            "card",
            "Threads in Slack",
            "--tool",
            "Slack",
            "--duration",
            "1h30",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("threads-in-slack.md"));
    let text = fs::read_to_string(library.join("cards/threads-in-slack.md")).unwrap();
    assert!(text.contains("duration = 90"), "{text}");
    skillbook(&library)
        .args(["new", "card", "Threads in Slack"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("exists already"));
    skillbook(&library)
        .args(["show", "threads-in-slack"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Threads in Slack"));
}

#[test]
fn agendas_from_templates_print_their_timetable() {
    let home = tempfile::tempdir().unwrap();
    let output = stdout_of(skillbook(home.path()).args([
        "new",
        "agenda",
        "Visit at Hansen",
        "--from",
        "excel-charts/office-visit-60",
        "--date",
        "2026-12-03",
    ]));
    let path = PathBuf::from(output.trim());
    assert!(path.exists(), "{output}");
    let timetable = stdout_of(skillbook(home.path()).arg("agenda").arg(&path));
    assert!(timetable.contains("09:00"), "{timetable}");
    assert!(timetable.contains("Visit at Hansen"), "{timetable}");
    skillbook(home.path()).arg("check").assert().success();
}

#[test]
fn agenda_names_missing_cards_and_overruns() {
    let home = tempfile::tempdir().unwrap();
    let path = write(
        home.path().join("agendas/late.toml"),
        "title = \"Late\"\nstart = \"09:00\"\nslot = 30\n\n[[items]]\ntitle = \"Talk\"\nminutes = \"40m\"\n\n[[items]]\ncard = \"ghost\"\n",
    );
    skillbook(home.path())
        .arg("agenda")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("10 min over"))
        .stderr(predicate::str::contains("ghost"));
}

#[test]
fn courses_print_every_session() {
    let home = tempfile::tempdir().unwrap();
    let output = stdout_of(skillbook(home.path()).args([
        "new",
        "course",
        "Slack for the office",
        "--weekday",
        "tuesday",
        "--first",
        "2027-01-12",
        "--sessions",
        "3",
    ]));
    let timetable = stdout_of(skillbook(home.path()).arg("agenda").arg(output.trim()));
    for date in ["2027-01-12", "2027-01-19", "2027-01-26"] {
        assert!(timetable.contains(date), "{timetable}");
    }
}

#[test]
fn the_environment_variable_names_the_library() {
    let home = tempfile::tempdir().unwrap();
    write(
        home.path().join("cards/env-card.md"),
        &card("From the environment", ""),
    );
    let mut command = Command::from_std(binary());
    command.env("SKILLBOOK_LIBRARY", home.path()).arg("list");
    assert!(stdout_of(&mut command).contains("From the environment"));
}

#[test]
fn usage_errors_exit_2_and_help_helps() {
    let home = tempfile::tempdir().unwrap();
    skillbook(home.path()).arg("frobnicate").assert().code(2);
    skillbook(home.path())
        .args(["list", "--bogus"])
        .assert()
        .code(2);
    skillbook(home.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("search"));
    skillbook(home.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
    for shell in ["bash", "zsh", "fish"] {
        skillbook(home.path())
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("skillbook"));
    }
}
