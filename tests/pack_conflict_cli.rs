//! The real binary on a library where a pack update left a merge conflict: `check` and `list`
//! report it as a conflict to resolve (never as a broken card), and pack cards used unforked in
//! an agenda follow an update, named plainly or as `pack/id` (#8).

mod common;

use std::fs;

use common::{BODY, Sandbox, card, outputs, pack, with_file};

fn run_ok(sandbox: &Sandbox, args: &[&str]) -> (String, String) {
    let output = sandbox.skillbook(args).output().unwrap();
    let (stdout, stderr) = outputs(&output);
    assert!(output.status.success(), "{args:?}\n{stdout}\n{stderr}");
    (stdout, stderr)
}

/// demo 1.0.0 installed, `demo/pivot` forked and edited, then demo 1.1.0 installed with a
/// change to the same line: `cards/pivot.conflict.md` is left to resolve.
fn conflicted() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write_folder("v1", &pack("demo", "1.0.0"));
    run_ok(&sandbox, &["pack", "install", "v1"]);
    run_ok(&sandbox, &["pack", "fork", "demo/pivot"]);
    let fork = sandbox.lib().join("cards/pivot.md");
    let mine = fs::read_to_string(&fork)
        .unwrap()
        .replace("Make a chart of last month.", "Make a chart of HIS sales.");
    fs::write(&fork, mine).unwrap();
    let body = BODY.replace("Make a chart of last month.", "Make a chart of Q3.");
    let files = with_file(
        pack("demo", "1.1.0"),
        "cards/pivot.md",
        card("Build a pivot chart", 20, &body),
    );
    sandbox.write_folder("v2", &files);
    let output = sandbox
        .skillbook(&["pack", "install", "v2"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{:?}", outputs(&output));
    assert!(sandbox.lib().join("cards/pivot.conflict.md").exists());
    sandbox
}

const REPORT: &str = "merge conflict with demo 1.1.0: resolve, then delete the .conflict.md";

#[test]
fn check_reports_a_conflict_as_a_conflict_and_fails() {
    let sandbox = conflicted();
    let output = sandbox.skillbook(&["check"]).output().unwrap();
    let (stdout, stderr) = outputs(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    let line = stdout
        .lines()
        .find(|line| line.contains(REPORT))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        line.contains("cards/pivot.conflict.md:") && line.ends_with(REPORT),
        "{line}"
    );
    // Its own message only: not a broken card, not a duplicate id.
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stderr.contains("1 problem in 1 file"), "{stderr}");
    // Resolved by hand and deleted: check is clean again.
    fs::remove_file(sandbox.lib().join("cards/pivot.conflict.md")).unwrap();
    let output = sandbox.skillbook(&["check"]).output().unwrap();
    assert!(output.status.success(), "{:?}", outputs(&output));
}

#[test]
fn list_names_the_conflict_and_still_lists_the_card_once() {
    let sandbox = conflicted();
    let (stdout, stderr) = run_ok(&sandbox, &["list"]);
    assert!(stderr.contains(REPORT), "{stderr}");
    assert!(stderr.contains("cards/pivot.conflict.md:"), "{stderr}");
    let pivots = stdout
        .lines()
        .filter(|line| line.starts_with("pivot "))
        .count();
    assert_eq!(pivots, 1, "{stdout}");
    assert!(!stdout.contains("conflict"), "{stdout}");
}

#[test]
fn unforked_pack_cards_in_an_agenda_follow_an_update() {
    let sandbox = Sandbox::new();
    sandbox.write_folder("v1", &pack("demo", "1.0.0"));
    run_ok(&sandbox, &["pack", "install", "v1"]);
    // A card of my own called `slicers` too: the plain id is mine, `demo/slicers` the pack's.
    let cards = sandbox.lib().join("cards");
    fs::create_dir_all(&cards).unwrap();
    fs::write(cards.join("slicers.md"), card("My own slicers", 10, BODY)).unwrap();
    let agendas = sandbox.lib().join("agendas");
    fs::create_dir_all(&agendas).unwrap();
    let agenda = agendas.join("visit.toml");
    fs::write(
        &agenda,
        "title = \"Visit\"\nstart = \"09:00\"\nslot = 90\n\n[[items]]\ncard = \"pivot\"\n\n[[items]]\ncard = \"demo/slicers\"\n\n[[items]]\ncard = \"slicers\"\n",
    )
    .unwrap();
    let agenda = agenda.to_string_lossy().into_owned();
    let (before, _) = run_ok(&sandbox, &["agenda", &agenda]);
    assert!(before.contains("Build a pivot chart"), "{before}");
    assert!(before.contains("Filter with slicers"), "{before}");
    assert!(before.contains("My own slicers"), "{before}");
    let files = with_file(
        with_file(
            pack("demo", "1.1.0"),
            "cards/pivot.md",
            card("Build a pivot chart, revised", 25, BODY),
        ),
        "cards/slicers.md",
        card("Slicers, revised", 15, BODY),
    );
    sandbox.write_folder("v2", &files);
    run_ok(&sandbox, &["pack", "install", "v2"]);
    let (after, _) = run_ok(&sandbox, &["agenda", &agenda]);
    assert!(after.contains("Build a pivot chart, revised"), "{after}");
    assert!(after.contains("Slicers, revised"), "{after}");
    assert!(after.contains("My own slicers"), "{after}");
    // The new duration counts: 25 + 15 + 10 minutes from 09:00.
    assert!(after.contains("09:25"), "{after}");
    assert!(after.contains("09:40"), "{after}");
    // And the agenda file itself is as the user wrote it.
    let (text, _) = run_ok(&sandbox, &["show", "demo/slicers"]);
    assert!(text.contains("Slicers, revised"), "{text}");
    let (text, _) = run_ok(&sandbox, &["show", "slicers"]);
    assert!(text.contains("My own slicers"), "{text}");
}
