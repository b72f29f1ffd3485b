//! Hostile text in every field of cards, pack manifests and an agenda, through every command of
//! the real binary that prints them: with `NO_COLOR` set, nothing on stdout or stderr is an
//! escape, a C1 control, another control character or a raw bidi control, and a rendered card
//! keeps to its width.

mod reliability_common;

use std::path::Path;

use assert_cmd::Command;
use reliability_common::{around, hostile_strings, is_forbidden, write_hostile_library};
use unicode_width::UnicodeWidthStr;

/// `skillbook --library <library>`, its width not set from outside.
fn skillbook(library: &Path) -> Command {
    let mut command = reliability_common::home::skillbook(library);
    command.env_remove("COLUMNS");
    command
}

/// Fails on the first character a terminal would obey rather than show.
fn check_output(what: &str, stream: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for (at, c) in text.char_indices() {
        // Newlines, tabs and the CR of a CRLF line end are layout, not commands.
        let layout = c == '\n' || c == '\t' || (c == '\r' && text[at + 1..].starts_with('\n'));
        if layout {
            continue;
        }
        assert!(
            !is_forbidden(c),
            "{what}: {stream} holds {c:?} at byte {at}: {:?}",
            around(&text, at)
        );
    }
}

/// Every command that prints library text, with its arguments.
fn commands() -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = [
        &["list"][..],
        &["list", "--tag", "plain"],
        &["search", "x"],
        &["search", "word"],
        &["search", "表計算"],
        &["check"],
        &["agenda", "agendas/hostile.toml"],
        &["readiness"],
        &["readiness", "agendas/hostile.toml"],
        &["offer"],
        &[
            "offer",
            "--cards",
            "hostile-00",
            "hostile-10",
            "hostile-20",
            "pack-22/card",
        ],
        &["offer", "--linkedin", "--cards", "hostile-23", "hostile-21"],
        &["pack", "list"],
    ]
    .iter()
    .map(|args| args.iter().map(|a| (*a).to_string()).collect())
    .collect();
    for format in ["md", "txt", "html"] {
        for reader in [
            &["--for", "mentor"][..],
            &["--for", "participant"],
            &["--card"],
        ] {
            let mut args = vec![
                "export".to_string(),
                "agendas/hostile.toml".to_string(),
                "--format".to_string(),
                format.to_string(),
            ];
            args.extend(reader.iter().map(|a| (*a).to_string()));
            out.push(args);
        }
    }
    for i in 0..hostile_strings().len() {
        out.push(vec!["show".into(), format!("hostile-{i:02}")]);
        out.push(vec!["show".into(), format!("pack-{i:02}/card")]);
    }
    out
}

#[test]
fn every_command_prints_hostile_text_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("library");
    write_hostile_library(&root);
    let mut shown = 0;
    for args in commands() {
        let what = args.join(" ");
        let output = skillbook(&root)
            .current_dir(&root)
            .args(&args)
            .output()
            .expect("run");
        // Exit code 1 is "a problem found" (missing cards, open checklist items): fine here.
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{what}: {:?}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        // Plain `offer` with no ready card says so on stderr.
        assert!(
            !output.stdout.is_empty() || !output.stderr.is_empty(),
            "{what}: printed nothing"
        );
        check_output(&what, "stdout", &output.stdout);
        check_output(&what, "stderr", &output.stderr);
        if args[0] == "show" {
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(text.contains("Why it matters"), "{what}: {text}");
            for line in text.lines() {
                assert!(line.width() <= 80, "{what}: a line {} wide", line.width());
            }
            shown += 1;
        }
    }
    assert_eq!(shown, 2 * hostile_strings().len());
}
