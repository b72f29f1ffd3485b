//! `skillbook run FILE --plain` with the real binary at high speed: one line per change, in
//! order, and typed lines steer it.

mod common;

use std::fs;

use common::home::skillbook;

const AGENDA: &str = r#"title = "Quick visit"
start = "09:00"
slot = 30

[[items]]
title = "Welcome"
minutes = 10

[[items]]
break = 5

[[items]]
title = "Charts"
minutes = 10
"#;

#[test]
fn plain_run_prints_one_line_per_change() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("visit.toml");
    fs::write(&file, AGENDA).unwrap();
    // 0.02 s per minute: the 25-minute plan runs in half a second.
    let output = skillbook(home.path())
        .args(["run", "--plain", "--speed", "0.02"])
        .arg(&file)
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        vec![
            "Running Quick visit",
            "09:00 start: Welcome (10 min). Next: Break",
            "09:08 warning: 20 % left of Welcome, 2 min left",
            "09:09 alarm: 5 % left of Welcome, 30 s left",
            "09:10 end: Welcome",
            "09:10 start: Break (5 min). Next: Charts",
            "09:14 warning: 20 % left of Break, 1 min left",
            "09:14 alarm: 5 % left of Break, 15 s left",
            "09:15 end: Break",
            "09:15 start: Charts (10 min). Next: nothing, this is the last item",
            "09:23 warning: 20 % left of Charts, 2 min left",
            "09:24 alarm: 5 % left of Charts, 30 s left",
            "09:25 end: Charts",
            "09:25 finished: on plan",
        ],
        "{text}"
    );
}

#[test]
fn typed_lines_skip_and_the_plan_gets_ahead() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("visit.toml");
    fs::write(&file, AGENDA).unwrap();
    let output = skillbook(home.path())
        .args(["run", "--plain", "--speed", "0.05"])
        .arg(&file)
        .write_stdin("n\n")
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("end: Welcome"), "{text}");
    assert!(text.contains("min ahead of plan"), "{text}");
    assert!(text.lines().last().unwrap().contains("finished"), "{text}");
}

#[test]
fn without_plain_it_says_what_to_add() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("visit.toml");
    fs::write(&file, AGENDA).unwrap();
    let output = skillbook(home.path())
        .args(["run"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--plain"));
}
