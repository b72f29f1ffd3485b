//! Installing packs through the real binary: from a folder, a tar, a tar.gz, a zip and a local
//! git repository; the install record; versions that ask; updates; clashes; removal; and card
//! text with terminal escapes shown as placeholders.

mod common;

use std::fs;

use common::{Sandbox, card, outputs, pack, snapshot, with_file};

/// Installs `source` and returns stdout, checking it succeeded.
fn install_ok(sandbox: &Sandbox, source: &str) -> String {
    let output = sandbox
        .skillbook(&["pack", "install", source])
        .output()
        .unwrap();
    let (stdout, stderr) = outputs(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    stdout
}

fn pack_list(sandbox: &Sandbox) -> String {
    let output = sandbox.skillbook(&["pack", "list"]).output().unwrap();
    assert!(output.status.success());
    outputs(&output).0
}

/// The line of `pack list` for `name`, its columns split.
fn listed(sandbox: &Sandbox, name: &str) -> Vec<String> {
    let list = pack_list(sandbox);
    let line = list
        .lines()
        .find(|line| line.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("{name} not in:\n{list}"));
    line.split("  ")
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

fn no_staging_left(sandbox: &Sandbox) {
    let names: Vec<String> = fs::read_dir(sandbox.lib().join("packs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn installs_from_a_folder_with_its_provenance() {
    let sandbox = Sandbox::new();
    let source = sandbox.write_folder("demo-src", &pack("demo", "1.0.0"));
    let stdout = install_ok(&sandbox, "demo-src");
    assert!(
        stdout.contains("installed demo 1.0.0 (2 cards) from demo-src"),
        "{stdout}"
    );
    let row = listed(&sandbox, "demo");
    assert_eq!(
        row[1..],
        [
            "1.0.0",
            "2 cards",
            &source.canonicalize().unwrap().display().to_string()
        ]
    );
    let record =
        fs::read_to_string(sandbox.lib().join("packs/demo/.skillbook-install.toml")).unwrap();
    assert!(record.contains("kind = \"folder\""), "{record}");
    assert!(record.contains("version = \"1.0.0\""), "{record}");
    assert!(record.contains("installed = \"20"), "{record}");
    let list = sandbox.skillbook(&["list"]).output().unwrap();
    assert!(
        outputs(&list).0.contains("demo/pivot"),
        "{:?}",
        outputs(&list)
    );
    assert_eq!(listed(&sandbox, "excel-charts")[3], "bundled");
    no_staging_left(&sandbox);
}

#[test]
fn installs_from_tar_gz_tar_and_zip_with_or_without_a_top_folder() {
    let sandbox = Sandbox::new();
    let cases = [
        ("a.tar.gz", "alpha", "alpha-1.0.0/"),
        ("b.tgz", "bravo", ""),
        ("c.tar", "charlie", "charlie/"),
        ("d.zip", "delta", "delta-main/"),
        ("e.zip", "echo", ""),
    ];
    for (file, name, prefix) in cases {
        let path = sandbox.path().join(file);
        let files = pack(name, "1.0.0");
        if file.ends_with(".zip") {
            common::write_zip(&path, prefix, &files);
        } else if file.ends_with(".tar") {
            common::write_tar(&path, prefix, &files);
        } else {
            common::write_tar_gz(&path, prefix, &files);
        }
        let stdout = install_ok(&sandbox, file);
        assert!(
            stdout.contains(&format!("installed {name} 1.0.0 (2 cards)")),
            "{stdout}"
        );
        assert!(
            sandbox
                .lib()
                .join(format!("packs/{name}/cards/pivot.md"))
                .is_file()
        );
    }
    let record =
        fs::read_to_string(sandbox.lib().join("packs/delta/.skillbook-install.toml")).unwrap();
    assert!(record.contains("kind = \"zip\""), "{record}");
    no_staging_left(&sandbox);
}

#[test]
fn installs_from_a_local_git_repository_without_keeping_git() {
    if !common::have_git() {
        eprintln!("note: git is missing; the git install test was skipped");
        return;
    }
    let sandbox = Sandbox::new();
    let repo = sandbox.write_folder("demo-repo", &pack("demo", "1.0.0"));
    common::git(&repo, &["init", "-q"]);
    common::git(&repo, &["add", "."]);
    common::git(&repo, &["commit", "-q", "-m", "first"]);
    // A hook the user has configured globally must not run either: hooks are off for the clone.
    let hooks = sandbox.path().join("hooks");
    fs::create_dir(&hooks).unwrap();
    let marker = sandbox.path().join("hook-ran");
    let hook = hooks.join("post-checkout");
    fs::write(&hook, format!("#!/bin/sh\ntouch '{}'\n", marker.display())).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&hook, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let global = sandbox.path().join("gitconfig");
    fs::write(
        &global,
        format!("[core]\n\thooksPath = {}\n", hooks.display()),
    )
    .unwrap();
    let output = sandbox
        .skillbook(&["pack", "install", "demo-repo"])
        .env("GIT_CONFIG_GLOBAL", &global)
        .output()
        .unwrap();
    let (stdout, stderr) = outputs(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stderr.contains("cloning demo-repo"), "{stderr}");
    assert!(!marker.exists(), "a git hook ran");
    let installed = sandbox.lib().join("packs/demo");
    assert!(installed.join("cards/pivot.md").is_file());
    assert!(!installed.join(".git").exists(), ".git was kept");
    let record = fs::read_to_string(installed.join(".skillbook-install.toml")).unwrap();
    assert!(record.contains("kind = \"git\""), "{record}");
    assert!(record.contains("commit = \""), "{record}");
    no_staging_left(&sandbox);
}

#[cfg(unix)]
#[test]
fn a_git_repository_with_a_committed_link_is_refused() {
    if !common::have_git() {
        eprintln!("note: git is missing; the git link test was skipped");
        return;
    }
    let sandbox = Sandbox::new();
    let repo = sandbox.write_folder("linked-repo", &pack("demo", "1.0.0"));
    std::os::unix::fs::symlink("/etc/passwd", repo.join("cards/passwd.md")).unwrap();
    common::git(&repo, &["init", "-q"]);
    common::git(&repo, &["add", "."]);
    common::git(&repo, &["commit", "-q", "-m", "link"]);
    let before = snapshot(sandbox.path());
    let output = sandbox
        .skillbook(&["pack", "install", "linked-repo"])
        .output()
        .unwrap();
    let (_, stderr) = outputs(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("\"cards/passwd.md\" is a symbolic link"),
        "{stderr}"
    );
    assert_eq!(snapshot(sandbox.path()), before);
}

#[test]
fn the_same_or_an_older_version_is_refused_without_a_terminal_unless_forced() {
    let sandbox = Sandbox::new();
    sandbox.write_folder("v1", &pack("demo", "1.0.0"));
    sandbox.write_folder("v2", &pack("demo", "1.10.0"));
    install_ok(&sandbox, "v2");
    for source in ["v1", "v2"] {
        let before = snapshot(sandbox.path());
        let output = sandbox
            .skillbook(&["pack", "install", source])
            .output()
            .unwrap();
        let (_, stderr) = outputs(&output);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("--force"), "{stderr}");
        assert_eq!(snapshot(sandbox.path()), before, "{source}");
    }
    assert_eq!(listed(&sandbox, "demo")[1], "1.10.0");
    let output = sandbox
        .skillbook(&["pack", "install", "v1", "--force"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{:?}", outputs(&output));
    assert_eq!(listed(&sandbox, "demo")[1], "1.0.0");
    no_staging_left(&sandbox);
}

#[test]
fn a_newer_version_updates_and_unforked_cards_follow_it() {
    let sandbox = Sandbox::new();
    sandbox.write_folder("v1", &pack("demo", "1.0.0"));
    let v2 = with_file(
        pack("demo", "1.1.0"),
        "cards/pivot.md",
        card("Build a pivot chart fast", 30, common::BODY),
    );
    sandbox.write_folder("v2", &v2);
    install_ok(&sandbox, "v1");
    sandbox.write_folder(
        "lib/agendas",
        &[(
            "visit.toml".into(),
            "title = \"Visit\"\nstart = \"09:00\"\nslot = 60\n\n[[items]]\ncard = \"demo/pivot\"\n"
                .into(),
        )],
    );
    let agenda = |sandbox: &Sandbox| {
        outputs(
            &sandbox
                .skillbook(&["agenda", "lib/agendas/visit.toml"])
                .output()
                .unwrap(),
        )
        .0
    };
    assert!(
        agenda(&sandbox).contains("Build a pivot chart"),
        "{}",
        agenda(&sandbox)
    );
    let stdout = install_ok(&sandbox, "v2");
    assert!(stdout.contains("updated demo 1.0.0 -> 1.1.0"), "{stdout}");
    let timetable = agenda(&sandbox);
    assert!(
        timetable.contains("Build a pivot chart fast"),
        "{timetable}"
    );
    assert!(
        timetable.contains("09:30"),
        "the new duration is used: {timetable}"
    );
}

#[test]
fn installing_reports_the_id_clashes_it_creates() {
    let sandbox = Sandbox::new();
    sandbox.write_folder(
        "lib/cards",
        &[("pivot.md".into(), card("My own pivot card", 10, ""))],
    );
    let files = with_file(
        pack("demo", "1.0.0"),
        "cards/excel-tables.md",
        card("Tables", 10, ""),
    );
    sandbox.write_folder("demo-src", &files);
    let output = sandbox
        .skillbook(&["pack", "install", "demo-src"])
        .output()
        .unwrap();
    let (_, stderr) = outputs(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("duplicate card id \"pivot\": cards/pivot.md, packs/demo/cards/pivot.md"),
        "{stderr}"
    );
    assert!(
        stderr.contains("duplicate card id \"excel-tables\""),
        "{stderr}"
    );
    assert!(!stderr.contains("\"slicers\""), "{stderr}");
}

#[test]
fn installed_packs_are_removed_on_request_and_bundled_ones_never() {
    let sandbox = Sandbox::new();
    sandbox.write_folder("demo-src", &pack("demo", "1.0.0"));
    install_ok(&sandbox, "demo-src");
    let output = sandbox
        .skillbook(&["pack", "remove", "demo"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        outputs(&output).1.contains("--yes"),
        "{:?}",
        outputs(&output)
    );
    assert!(sandbox.lib().join("packs/demo").is_dir());
    let output = sandbox
        .skillbook(&["pack", "remove", "demo", "--yes"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{:?}", outputs(&output));
    assert!(outputs(&output).0.contains("removed demo"));
    assert!(!sandbox.lib().join("packs/demo").exists());
    assert_eq!(
        fs::read_dir(sandbox.lib().join("packs")).unwrap().count(),
        0
    );
    for name in ["excel-charts", "no-such-pack", "../lib"] {
        let output = sandbox
            .skillbook(&["pack", "remove", name, "--yes"])
            .output()
            .unwrap();
        let (_, stderr) = outputs(&output);
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
    }
    let output = sandbox
        .skillbook(&["pack", "remove", "excel-charts", "--yes"])
        .output()
        .unwrap();
    assert!(
        outputs(&output).1.contains("bundled"),
        "{:?}",
        outputs(&output)
    );
}

#[test]
fn terminal_escapes_in_a_pack_are_shown_as_placeholders() {
    let sandbox = Sandbox::new();
    // TOML strings carry the escapes as \u escapes; the body carries them raw.
    let files = with_file(
        pack("demo", "1.0.0"),
        "cards/evil.md",
        "+++\ntitle = \"Evil \\u001b[2J\\u001b]52;c;cHduZWQ=\\u0007 chart \\u009b31m \\u202efdp.exe\"\ntool = \"Ex\\u001b[31mcel\"\n+++\n\nBody \u{1b}[31m red\n".into(),
    );
    let files = with_file(
        files,
        "pack.toml",
        "name = \"demo\"\nversion = \"1.0.0\"\ntitle = \"Demo \\u001b[5m blink\"\n".into(),
    );
    let archive = sandbox.path().join("evil.tar.gz");
    common::write_tar_gz(&archive, "", &files);
    install_ok(&sandbox, "evil.tar.gz");
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["pack", "list"],
        vec!["pack", "list", "--json"],
    ] {
        let output = sandbox.skillbook(&args).output().unwrap();
        let (stdout, stderr) = outputs(&output);
        assert!(output.status.success(), "{args:?}: {stderr}");
        for raw in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(!stdout.contains(raw), "{args:?} printed {raw:?}: {stdout}");
        }
        if args == ["list"] {
            assert!(
                stdout.contains("Evil ␛[2J␛]52;c;cHduZWQ=␇ chart ⟨U+009B⟩31m ⟨U+202E⟩fdp.exe"),
                "{stdout}"
            );
            assert!(stdout.contains("Ex␛[31mcel"), "{stdout}");
        }
    }
}

#[test]
fn a_tar_gz_of_several_gzip_members_installs_whole() {
    // pigz and bgzip write one gzip member after another; a reader of the first member alone
    // would see half a pack.
    let sandbox = Sandbox::new();
    let tar_path = sandbox.path().join("plain.tar");
    common::write_tar(&tar_path, "", &pack("demo", "1.0.0"));
    let bytes = fs::read(&tar_path).unwrap();
    let mut joined = Vec::new();
    for half in bytes.chunks(bytes.len() / 2 + 1) {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, half).unwrap();
        joined.extend(encoder.finish().unwrap());
    }
    fs::write(sandbox.path().join("members.tar.gz"), joined).unwrap();
    let stdout = install_ok(&sandbox, "members.tar.gz");
    assert!(
        stdout.contains("installed demo 1.0.0 (2 cards)"),
        "{stdout}"
    );
}
