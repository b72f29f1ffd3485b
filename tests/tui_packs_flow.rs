//! The pack browser with its real jobs, on a temporary library and a test terminal: scripted
//! keys in, the screen and the files out. Installing from a typed folder, a refused archive that
//! leaves nothing behind, a same-version install that asks, removing and forking.

mod tui_common;

use std::fs;
use std::path::{Path, PathBuf};

use ratatui::backend::TestBackend;
use skillbook::tui::app::{App, Screen};
use skillbook::tui::command::Context;
use skillbook::tui::keymap::Keymap;
use skillbook::tui::runtime::Tui;
use skillbook::tui::theme::Theme;
use skillbook::tui::views::packs::PackScreen;
use tar::{EntryType, Header};
use tui_common::{load, temp_library, text_of, tui_of};

/// A pack folder `demo` at `version` with two cards, in `parent`.
fn demo_pack(parent: &Path, version: &str) -> PathBuf {
    let folder = parent.join(format!("demo-{version}"));
    fs::create_dir_all(folder.join("cards")).unwrap();
    fs::write(
        folder.join("pack.toml"),
        format!("name = \"demo\"\nversion = \"{version}\"\ntitle = \"Demo pack\"\n"),
    )
    .unwrap();
    for (id, title) in [
        ("demo-threads", "Slack threads, not channels"),
        ("demo-apps", "Podio apps in ten minutes"),
    ] {
        fs::write(
            folder.join("cards").join(format!("{id}.md")),
            format!("+++\ntitle = \"{title}\"\ntool = \"Slack\"\nduration = 15\n+++\n\nBody.\n"),
        )
        .unwrap();
    }
    folder
}

fn tui_on(root: &Path) -> Tui<TestBackend> {
    tui_of(App::new(
        load(root),
        Keymap::defaults(),
        Theme::builtin("dark").unwrap(),
        100,
        30,
    ))
}

fn log(tui: &Tui<TestBackend>) -> String {
    match tui.app.screens.last() {
        Some(Screen::Packs(packs)) => {
            let packs: &PackScreen = packs;
            packs.log.join("\n")
        }
        other => panic!("not the pack browser: {other:?}"),
    }
}

/// The names in `<root>/packs/`, hidden ones too.
fn packs_folder(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root.join("packs"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn install(tui: &mut Tui<TestBackend>, source: &Path) {
    tui.type_keys(&format!("i{}<enter>", source.display()))
        .unwrap();
}

#[test]
fn installing_a_typed_folder_shows_progress_and_reloads_the_library() {
    let (dir, root) = temp_library();
    let source = demo_pack(dir.path(), "1.0.0");
    let mut tui = tui_on(&root);
    tui.type_keys("p").unwrap();
    install(&mut tui, &source);
    let log = log(&tui);
    assert!(log.contains("copying"), "{log}");
    assert!(log.contains("checking pack.toml"), "{log}");
    assert!(log.contains("Installed demo 1.0.0 (2 cards)"), "{log}");
    assert!(root.join("packs/demo/pack.toml").is_file());
    assert!(root.join("packs/demo/.skillbook-install.toml").is_file());
    let screen = text_of(&tui);
    assert!(screen.contains("Demo pack"), "{screen}");
    // The new pack is selected, its record read back for the details.
    let screen = text_of(&tui);
    assert!(
        screen.contains("Source:") && screen.contains("(folder)"),
        "{screen}"
    );
    assert!(screen.contains("Installed: 20"), "{screen}");
    tui.type_keys("<enter>").unwrap();
    assert!(text_of(&tui).contains("Slack threads, not channels"));
    // The cards are in search straight away.
    tui.type_keys("/podio apps").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("▶ Podio apps in ten minutes"), "{screen}");
}

/// A tar header written byte by byte, so a name the tar crate would refuse gets in.
fn raw_header(name: &str, size: u64) -> Header {
    let mut header = Header::new_gnu();
    header.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
    header.set_mode(0o644);
    header.set_size(size);
    header.set_entry_type(EntryType::Regular);
    header.set_mtime(0);
    header.set_cksum();
    header
}

#[test]
fn a_refused_archive_says_which_entry_and_installs_nothing() {
    let (dir, root) = temp_library();
    let archive = dir.path().join("evil.tar");
    let mut builder = tar::Builder::new(fs::File::create(&archive).unwrap());
    let manifest = b"name = \"evil\"\nversion = \"1.0.0\"\ntitle = \"Evil\"\n";
    builder
        .append(
            &raw_header("pack.toml", manifest.len() as u64),
            &manifest[..],
        )
        .unwrap();
    let card = b"+++\ntitle = \"x\"\n+++\n";
    builder
        .append(&raw_header("../escaped.md", card.len() as u64), &card[..])
        .unwrap();
    builder.into_inner().unwrap();
    let before = packs_folder(&root);
    let mut tui = tui_on(&root);
    tui.type_keys("p").unwrap();
    install(&mut tui, &archive);
    let log = log(&tui);
    assert!(log.contains("refused"), "{log}");
    assert!(log.contains("../escaped.md"), "the entry is named: {log}");
    assert_eq!(packs_folder(&root), before, "nothing left in packs/");
    assert!(!dir.path().join("escaped.md").exists());
    assert!(!text_of(&tui).contains("Evil"));
}

#[test]
fn the_same_version_again_asks_and_no_leaves_it_as_it_was() {
    let (dir, root) = temp_library();
    let source = demo_pack(dir.path(), "1.0.0");
    let mut tui = tui_on(&root);
    tui.type_keys("p").unwrap();
    install(&mut tui, &source);
    let record = fs::read_to_string(root.join("packs/demo/.skillbook-install.toml")).unwrap();
    install(&mut tui, &source);
    assert_eq!(tui.app.context(), Context::PackConfirm);
    assert!(text_of(&tui).contains("demo 1.0.0 is installed already. Install it again?"));
    tui.type_keys("n").unwrap();
    assert!(log(&tui).ends_with("Not installed; nothing changed."));
    assert_eq!(
        packs_folder(&root),
        ["demo", "excel-charts"],
        "staging removed"
    );
    let after = fs::read_to_string(root.join("packs/demo/.skillbook-install.toml")).unwrap();
    assert_eq!(after, record);
    // An older version asks too, and yes installs it.
    let older = demo_pack(dir.path(), "0.9.0");
    install(&mut tui, &older);
    assert!(text_of(&tui).contains("demo 1.0.0 is installed. Replace it with the older 0.9.0?"));
    tui.type_keys("y").unwrap();
    assert!(log(&tui).contains("Installed demo 0.9.0"), "{}", log(&tui));
    let manifest = fs::read_to_string(root.join("packs/demo/pack.toml")).unwrap();
    assert!(manifest.contains("0.9.0"));
    assert_eq!(packs_folder(&root), ["demo", "excel-charts"]);
}

#[test]
fn remove_after_yes_and_fork_into_my_cards() {
    let (dir, root) = temp_library();
    let source = demo_pack(dir.path(), "1.0.0");
    let mut tui = tui_on(&root);
    tui.type_keys("p").unwrap();
    install(&mut tui, &source);
    // Packs are listed by name: demo, then excel-charts.
    tui.type_keys("g<enter>jf").unwrap();
    assert!(
        log(&tui).contains("Forked demo/demo-threads"),
        "{}",
        log(&tui)
    );
    let fork = fs::read_to_string(root.join("cards/demo-threads.md")).unwrap();
    assert!(
        fork.contains("[origin]") && fork.contains("pack = \"demo\""),
        "{fork}"
    );
    // A second fork of the same card never replaces mine: it asks for a new id, prefilled with
    // the first free one (#8).
    tui.type_keys("f").unwrap();
    assert_eq!(tui.app.context(), Context::PackForkId);
    assert!(
        text_of(&tui).contains("demo-threads-2"),
        "{}",
        text_of(&tui)
    );
    tui.type_keys("<enter>").unwrap();
    assert!(
        log(&tui).contains("as cards/demo-threads-2.md"),
        "{}",
        log(&tui)
    );
    let second = fs::read_to_string(root.join("cards/demo-threads-2.md")).unwrap();
    assert!(second.contains("id = \"demo-threads-2\""), "{second}");
    assert_eq!(
        fs::read_to_string(root.join("cards/demo-threads.md")).unwrap(),
        fork,
        "my first fork is untouched"
    );
    tui.type_keys("<esc>gD").unwrap();
    assert!(
        root.join("packs/demo").exists(),
        "nothing removed before the answer"
    );
    tui.type_keys("y").unwrap();
    assert!(log(&tui).contains("Removed demo."), "{}", log(&tui));
    assert!(
        log(&tui).contains("Your 2 forks of it stay"),
        "{}",
        log(&tui)
    );
    assert!(!root.join("packs/demo").exists());
    assert!(root.join("cards/demo-threads.md").exists(), "forks stay");
    assert!(!text_of(&tui).contains("Demo pack"));
}
