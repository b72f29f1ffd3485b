//! Forking pack cards and updating the pack: edits on different lines combine, a real conflict
//! is shown and never overwrites the user's file.

mod common;

use std::fs;

use common::{BODY, Sandbox, card, outputs, pack, with_file};

fn run_ok(sandbox: &Sandbox, args: &[&str]) -> (String, String) {
    let output = sandbox.skillbook(args).output().unwrap();
    let (stdout, stderr) = outputs(&output);
    assert!(output.status.success(), "{args:?}\n{stdout}\n{stderr}");
    (stdout, stderr)
}

/// A library with demo 1.0.0 installed and `demo/pivot` forked into `cards/pivot.md`.
fn forked() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write_folder("v1", &pack("demo", "1.0.0"));
    run_ok(&sandbox, &["pack", "install", "v1"]);
    let (stdout, _) = run_ok(&sandbox, &["pack", "fork", "demo/pivot"]);
    assert!(stdout.trim_end().ends_with("cards/pivot.md"), "{stdout}");
    sandbox
}

fn fork_path(sandbox: &Sandbox) -> std::path::PathBuf {
    sandbox.lib().join("cards/pivot.md")
}

/// Writes demo `version` with the pivot card's body changed by `edit`.
fn upstream(sandbox: &Sandbox, folder: &str, version: &str, duration: u32, body: &str) {
    let files = with_file(
        pack("demo", version),
        "cards/pivot.md",
        card("Build a pivot chart", duration, body),
    );
    sandbox.write_folder(folder, &files);
}

#[test]
fn a_fork_is_the_pack_card_with_its_origin_and_a_pristine_copy() {
    let sandbox = forked();
    let fork = fs::read_to_string(fork_path(&sandbox)).unwrap();
    let original = card("Build a pivot chart", 20, BODY);
    assert!(
        fork.contains("[origin]\npack = \"demo\"\ncard = \"pivot\"\nversion = \"1.0.0\"\n"),
        "{fork}"
    );
    assert!(fork.ends_with(BODY));
    let pristine = sandbox.lib().join(".skillbook/origins/demo/1.0.0/pivot.md");
    assert_eq!(fs::read_to_string(pristine).unwrap(), original);
    // The fork shadows the pack card without a duplicate-id report.
    let output = sandbox.skillbook(&["check"]).output().unwrap();
    assert!(
        !outputs(&output).0.contains("duplicate"),
        "{:?}",
        outputs(&output)
    );
    // A second fork under the same id is refused; another id works.
    let output = sandbox
        .skillbook(&["pack", "fork", "demo/pivot"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        outputs(&output).1.contains("--id"),
        "{:?}",
        outputs(&output)
    );
    run_ok(&sandbox, &["pack", "fork", "pivot", "--id", "pivot-copy"]);
    let copy = fs::read_to_string(sandbox.lib().join("cards/pivot-copy.md")).unwrap();
    assert!(copy.contains("id = \"pivot-copy\""), "{copy}");
    for missing in ["demo/nothing", "nothing", "pivot-copy"] {
        let output = sandbox
            .skillbook(&["pack", "fork", missing])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{missing}");
    }
}

#[test]
fn changes_on_different_lines_merge_and_the_origin_moves_on() {
    let sandbox = forked();
    let mine = fs::read_to_string(fork_path(&sandbox)).unwrap().replace(
        "Make a chart of last month.",
        "Make a chart of their own sales.",
    );
    fs::write(fork_path(&sandbox), &mine).unwrap();
    let body = BODY.replace("Charts tell the story.", "Charts tell the story fast.");
    upstream(&sandbox, "v2", "1.1.0", 25, &body);
    let (stdout, _) = run_ok(&sandbox, &["pack", "install", "v2"]);
    assert!(stdout.contains("updated demo 1.0.0 -> 1.1.0"), "{stdout}");
    assert!(
        stdout.contains(
            "merged: cards/pivot.md: merged the pack's changes, your edits kept (1.0.0 -> 1.1.0)"
        ),
        "{stdout}"
    );
    let merged = fs::read_to_string(fork_path(&sandbox)).unwrap();
    assert!(merged.contains("their own sales"), "{merged}");
    assert!(merged.contains("story fast"), "{merged}");
    assert!(merged.contains("duration = 25"), "{merged}");
    assert!(merged.contains("version = \"1.1.0\""), "{merged}");
    assert!(
        sandbox
            .lib()
            .join(".skillbook/origins/demo/1.1.0/pivot.md")
            .is_file()
    );
    // The next update merges from 1.1.0: the user's edit is not seen as a change again.
    let body = body.replace("- A link.", "- A link to the help page.");
    upstream(&sandbox, "v3", "1.2.0", 25, &body);
    let (stdout, _) = run_ok(&sandbox, &["pack", "install", "v3"]);
    assert!(stdout.contains("merged: cards/pivot.md"), "{stdout}");
    let merged = fs::read_to_string(fork_path(&sandbox)).unwrap();
    assert!(
        merged.contains("their own sales") && merged.contains("help page"),
        "{merged}"
    );
    assert!(merged.contains("version = \"1.2.0\""), "{merged}");
}

#[test]
fn a_real_conflict_is_shown_and_never_overwrites_the_users_card() {
    let sandbox = forked();
    let mine = fs::read_to_string(fork_path(&sandbox))
        .unwrap()
        .replace("Make a chart of last month.", "Make a chart of HIS sales.");
    fs::write(fork_path(&sandbox), &mine).unwrap();
    let body = BODY.replace(
        "Make a chart of last month.",
        "Make a chart of \u{1b}[31mlast quarter.",
    );
    upstream(&sandbox, "v2", "1.1.0", 20, &body);
    let output = sandbox
        .skillbook(&["pack", "install", "v2"])
        .output()
        .unwrap();
    let (stdout, stderr) = outputs(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("updated demo 1.0.0 -> 1.1.0"), "{stdout}");
    assert!(
        stdout
            .contains("conflict: cards/pivot.md: your edits and demo 1.1.0 change the same lines"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  yours:\n    | Make a chart of HIS sales.\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  demo 1.1.0:\n    | Make a chart of ␛[31mlast quarter.\n"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}'), "{stdout}");
    assert!(
        stdout.contains("resolve it in cards/pivot.conflict.md"),
        "{stdout}"
    );
    assert_eq!(fs::read_to_string(fork_path(&sandbox)).unwrap(), mine);
    let conflict = fs::read_to_string(sandbox.lib().join("cards/pivot.conflict.md")).unwrap();
    assert!(
        conflict.contains("<<<<<<< yours (pivot.md)\nMake a chart of HIS sales.\n=======\n"),
        "{conflict}"
    );
    assert!(conflict.contains(">>>>>>> demo 1.1.0\n"), "{conflict}");
    assert!(conflict.contains("version = \"1.1.0\""), "{conflict}");
    // Installing again gives the same conflict file, not a second one.
    let output = sandbox
        .skillbook(&["pack", "install", "v2", "--force"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(!sandbox.lib().join("cards/pivot.conflict-2.md").exists());
    assert_eq!(fs::read_to_string(fork_path(&sandbox)).unwrap(), mine);
}

#[test]
fn a_fork_of_a_bundled_card_merges_a_newer_version_of_that_pack() {
    let sandbox = Sandbox::new();
    run_ok(&sandbox, &["pack", "fork", "excel-charts/sparklines"]);
    let fork = sandbox.lib().join("cards/sparklines.md");
    let mine = fs::read_to_string(&fork).unwrap();
    let mine = mine.replacen("duration = ", "duration = 1", 1);
    fs::write(&fork, &mine).unwrap();
    run_ok(
        &sandbox,
        &["pack", "export", "excel-charts", "-o", "excel-next"],
    );
    let folder = sandbox.path().join("excel-next");
    let manifest = fs::read_to_string(folder.join("pack.toml")).unwrap();
    fs::write(
        folder.join("pack.toml"),
        manifest.replace("version = \"1.0.0\"", "version = \"1.1.0\""),
    )
    .unwrap();
    let card_path = folder.join("cards/sparklines.md");
    let text = fs::read_to_string(&card_path).unwrap();
    let last_line = text.lines().last().unwrap().to_string();
    fs::write(
        &card_path,
        format!("{text}\nA new closing line from the pack.\n"),
    )
    .unwrap();
    let (stdout, _) = run_ok(&sandbox, &["pack", "install", "excel-next"]);
    assert!(
        stdout.contains("updated excel-charts 1.0.0 -> 1.1.0"),
        "{stdout}"
    );
    assert!(stdout.contains("merged: cards/sparklines.md"), "{stdout}");
    let merged = fs::read_to_string(&fork).unwrap();
    assert!(
        merged.contains("A new closing line from the pack."),
        "{merged}"
    );
    assert!(merged.contains("duration = 1"), "{merged}");
    assert!(merged.contains(&last_line));
    assert!(merged.contains("version = \"1.1.0\""), "{merged}");
}
