//! `skillbook export` as a user runs it: the real binary on a temporary library, every format
//! written with `-o`, standard output without it, and the exit codes a script relies on.

use std::fs;
use std::path::{Path, PathBuf};

mod common;

use common::home::skillbook;
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name)
}

#[test]
fn every_format_is_written_with_dash_o() {
    let home = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let cases = [
        ("md", "mentor", "# Run-sheet: Sales charts at Brandt VVS\n"),
        (
            "md",
            "participant",
            "# Handout: Sales charts at Brandt VVS\n",
        ),
        ("html", "mentor", "<!DOCTYPE html>\n"),
        (
            "txt",
            "participant",
            "HANDOUT\nSales charts at Brandt VVS\n",
        ),
        ("ics", "mentor", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
    ];
    for (format, reader, start) in cases {
        let target = out.path().join(format!("visit-{reader}.{format}"));
        skillbook(home.path())
            .arg("export")
            .arg(fixture("visit.toml"))
            .args(["--format", format, "--for", reader, "-o"])
            .arg(&target)
            .assert()
            .success()
            .stdout(format!("{}\n", target.display()))
            .stderr("");
        let written = fs::read_to_string(&target).unwrap();
        assert!(written.starts_with(start), "{format}: {written}");
    }
    // Only the exports are in the folder: the atomic write left no temporary file behind.
    assert_eq!(fs::read_dir(out.path()).unwrap().count(), cases.len());
    assert!(
        !home.path().join("cards").exists(),
        "exporting writes nothing to the library"
    );
}

#[test]
fn the_visit_card_goes_to_stdout() {
    let home = tempfile::tempdir().unwrap();
    skillbook(home.path())
        .arg("export")
        .arg(fixture("visit.toml"))
        .args(["--format", "txt", "--card"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("VISIT CARD\n"))
        .stdout(predicate::str::contains(
            "What I would like to learn from you",
        ));
}

#[test]
fn a_course_exports_one_event_per_session() {
    let home = tempfile::tempdir().unwrap();
    let output = skillbook(home.path())
        .arg("export")
        .arg(fixture("course.toml"))
        .args(["--format", "ics"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let ics = String::from_utf8(output.stdout).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 2, "{ics}");
}

#[test]
fn a_pack_template_exports_by_name() {
    let home = tempfile::tempdir().unwrap();
    skillbook(home.path())
        .args(["export", "excel-charts/office-visit-60", "--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Build a pivot chart the director can filter himself",
        ));
}

#[test]
fn a_missing_card_still_exports_and_exits_1() {
    let home = tempfile::tempdir().unwrap();
    let target = home.path().join("out/missing.html");
    skillbook(home.path())
        .arg("export")
        .arg(fixture("missing-card.toml"))
        .args(["--format", "html", "-o"])
        .arg(&target)
        .assert()
        .code(1)
        .stdout(format!("{}\n", target.display()))
        .stderr(predicate::str::contains(
            "missing-card.toml:11:8: names a missing card \"no-such-card\"",
        ));
    let html = fs::read_to_string(&target).unwrap();
    assert!(html.contains("no-such-card (missing card)"), "{html}");
}

#[test]
fn a_calendar_needs_a_date() {
    let home = tempfile::tempdir().unwrap();
    let target = home.path().join("undated.ics");
    skillbook(home.path())
        .arg("export")
        .arg(fixture("undated.toml"))
        .args(["--format", "ics", "-o"])
        .arg(&target)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "undated.toml:1:1: the agenda has no date, so it cannot go in a calendar",
        ));
    assert!(!target.exists(), "nothing is written when the export fails");
}

#[test]
fn usage_errors_exit_2() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        vec!["export", "x.toml"],
        vec!["export", "x.toml", "--format", "pdf"],
        vec!["export", "x.toml", "--format", "md", "--for", "boss"],
        vec![
            "export",
            "x.toml",
            "--format",
            "md",
            "--for",
            "participant",
            "--card",
        ],
    ] {
        skillbook(home.path()).args(&args).assert().code(2);
    }
}

#[test]
fn an_unknown_file_says_so() {
    let home = tempfile::tempdir().unwrap();
    skillbook(home.path())
        .args(["export", "no-such-plan.toml", "--format", "md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no file or pack template named \"no-such-plan.toml\"",
        ));
}
