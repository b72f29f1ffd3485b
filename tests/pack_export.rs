//! Exporting packs and making new ones: personal readiness never leaves, and what comes out
//! installs cleanly in another library.

mod common;

use std::fs;
use std::io::Read;
use std::path::Path;

use common::{BODY, Sandbox, outputs, pack, with_file};

fn run_ok(sandbox: &Sandbox, args: &[&str]) -> (String, String) {
    let output = sandbox.skillbook(args).output().unwrap();
    let (stdout, stderr) = outputs(&output);
    assert!(output.status.success(), "{args:?}\n{stdout}\n{stderr}");
    (stdout, stderr)
}

/// A card whose author left their own ticks in: `ready` and a done checklist item.
fn ticked_card(title: &str) -> String {
    format!(
        "+++\ntitle = {title:?}\nduration = 10\nready = [\"outcome\", \"show-it\"]  # mine\n\n[[checklist]]\nitem = \"Laptop charged\"\ndone = true\n\n[[checklist]]\nitem = \"Adapter packed\"\ndone = false\n+++\n{BODY}"
    )
}

fn assert_no_readiness(path: &str, text: &str) {
    if path.contains("cards/") {
        assert!(!text.contains("ready ="), "{path}: {text}");
        assert!(!text.contains("done = true"), "{path}: {text}");
        assert!(
            text.contains(BODY) || !text.contains("Laptop"),
            "{path}: body kept"
        );
    }
}

/// Every file of a .tar.gz, .zip or folder export, as (path, text).
fn exported_files(path: &Path) -> Vec<(String, String)> {
    let name = path.to_string_lossy();
    let mut files = Vec::new();
    if name.ends_with(".tar.gz") {
        let file = fs::File::open(path).unwrap();
        let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
        for entry in archive.entries().unwrap() {
            let mut entry = entry.unwrap();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            files.push((entry.path().unwrap().display().to_string(), text));
        }
    } else if name.ends_with(".zip") {
        let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
        for index in 0..archive.len() {
            let mut entry = archive.by_index(index).unwrap();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            files.push((entry.name().to_string(), text));
        }
    } else {
        for (relative, kind) in common::snapshot(path) {
            if let common::Kind::File(bytes) = kind {
                files.push((
                    relative.display().to_string(),
                    String::from_utf8(bytes).unwrap(),
                ));
            }
        }
    }
    files
}

#[test]
fn an_export_strips_readiness_and_installs_cleanly_elsewhere() {
    let sandbox = Sandbox::new();
    let files = with_file(
        pack("demo", "1.2.0"),
        "cards/ticked.md",
        ticked_card("Ticked"),
    );
    let files = with_file(
        files,
        "agendas/visit.toml",
        "title = \"Visit\"\nslot = 45\n\n[[items]]\ncard = \"ticked\"\n".into(),
    );
    sandbox.write_folder("demo-src", &files);
    run_ok(&sandbox, &["pack", "install", "demo-src"]);
    for out in ["out/demo.tar.gz", "out/demo.zip", "out/demo-folder"] {
        let (stdout, stderr) = run_ok(&sandbox, &["pack", "export", "demo", "-o", out]);
        assert!(stdout.contains(out), "{stdout}");
        assert!(stderr.contains("without personal readiness"), "{stderr}");
        let exported = exported_files(&sandbox.path().join(out));
        assert_eq!(
            exported.len(),
            5,
            "{out}: {:?}",
            exported.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        assert!(
            exported
                .iter()
                .all(|(path, _)| !path.contains(".skillbook-install")),
            "{out}"
        );
        for (path, text) in &exported {
            assert_no_readiness(path, text);
        }
        let ticked = &exported
            .iter()
            .find(|(path, _)| path.ends_with("cards/ticked.md"))
            .unwrap()
            .1;
        assert!(
            ticked.contains("item = \"Laptop charged\"\ndone = false"),
            "{ticked}"
        );

        // Into a fresh library: installs, lists, and checks without a problem.
        let elsewhere = Sandbox::new();
        let target = elsewhere.path().join(Path::new(out).file_name().unwrap());
        if out.ends_with("folder") {
            for (path, text) in &exported {
                let file = target.join(path);
                fs::create_dir_all(file.parent().unwrap()).unwrap();
                fs::write(file, text).unwrap();
            }
        } else {
            fs::copy(sandbox.path().join(out), &target).unwrap();
        }
        let (stdout, _) = run_ok(&elsewhere, &["pack", "install", target.to_str().unwrap()]);
        assert!(
            stdout.contains("installed demo 1.2.0 (3 cards)"),
            "{stdout}"
        );
        run_ok(&elsewhere, &["check"]);
    }
    // Nothing is overwritten.
    let output = sandbox
        .skillbook(&["pack", "export", "demo", "-o", "out/demo.zip"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        outputs(&output).1.contains("exists already"),
        "{:?}",
        outputs(&output)
    );
    let output = sandbox
        .skillbook(&["pack", "export", "no-such-pack", "-o", "x.zip"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_bundled_pack_exports_whole() {
    let sandbox = Sandbox::new();
    run_ok(
        &sandbox,
        &["pack", "export", "excel-charts", "-o", "excel.zip"],
    );
    let files = exported_files(&sandbox.path().join("excel.zip"));
    assert!(
        files
            .iter()
            .any(|(path, _)| path == "excel-charts/pack.toml")
    );
    assert!(
        files
            .iter()
            .filter(|(path, _)| path.starts_with("excel-charts/cards/"))
            .count()
            >= 5
    );
    let elsewhere = Sandbox::new();
    let target = elsewhere.path().join("excel.zip");
    fs::copy(sandbox.path().join("excel.zip"), &target).unwrap();
    // The same version as the bundled one: asks, so a script says --force.
    run_ok(&elsewhere, &["pack", "install", "excel.zip", "--force"]);
}

#[test]
fn a_new_pack_is_made_from_own_cards_without_readiness_or_origin() {
    let sandbox = Sandbox::new();
    let mine = ticked_card("My Slack threads");
    let forked = ticked_card("Forked").replace(
        "[[checklist]]\nitem = \"Laptop",
        "[origin]\npack = \"slack\"\ncard = \"threads\"\nversion = \"1.0.0\"\n\n[[checklist]]\nitem = \"Laptop",
    );
    sandbox.write_folder(
        "lib",
        &[
            ("cards/my-threads.md".into(), mine),
            ("cards/forked.md".into(), forked),
            (
                "agendas/after-work.toml".into(),
                "title = \"After work\"\nslot = 60\n\n[[items]]\ncard = \"my-threads\"\n\n[[items]]\ncard = \"not-in-the-pack\"\n".into(),
            ),
        ],
    );
    let output = sandbox
        .skillbook(&[
            "pack",
            "new",
            "team-slack",
            "--card",
            "my-threads",
            "--card",
            "forked",
            "--agenda",
            "lib/agendas/after-work.toml",
            "--title",
            "Slack for the team",
            "--into",
            "authoring",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = outputs(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.trim_end().ends_with("authoring/team-slack"),
        "{stdout}"
    );
    assert!(
        stderr.contains("\"not-in-the-pack\""),
        "a warning names the missing card: {stderr}"
    );
    let folder = sandbox.path().join("authoring/team-slack");
    let manifest = fs::read_to_string(folder.join("pack.toml")).unwrap();
    assert_eq!(
        manifest,
        "name = \"team-slack\"\nversion = \"0.1.0\"\ntitle = \"Slack for the team\"\n"
    );
    for card in ["my-threads", "forked"] {
        let text = fs::read_to_string(folder.join(format!("cards/{card}.md"))).unwrap();
        assert_no_readiness(&format!("cards/{card}.md"), &text);
        assert!(!text.contains("[origin]"), "{text}");
    }
    assert!(folder.join("agendas/after-work.toml").is_file());
    // The user's own cards keep their ticks.
    assert!(
        fs::read_to_string(sandbox.lib().join("cards/my-threads.md"))
            .unwrap()
            .contains("done = true")
    );
    // Made again: refused. Pack cards are not own cards.
    let output = sandbox
        .skillbook(&[
            "pack",
            "new",
            "team-slack",
            "--card",
            "my-threads",
            "--into",
            "authoring",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let output = sandbox
        .skillbook(&["pack", "new", "other", "--card", "excel-charts/sparklines"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // It installs into another library.
    let elsewhere = Sandbox::new();
    let (stdout, _) = run_ok(&elsewhere, &["pack", "install", folder.to_str().unwrap()]);
    assert!(
        stdout.contains("installed team-slack 0.1.0 (2 cards)"),
        "{stdout}"
    );
}
