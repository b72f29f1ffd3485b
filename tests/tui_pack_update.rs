//! Pack updates in the terminal app (#8): installs run on a worker thread with progress in the
//! pane, a newer version merges into forks and says how they fared, and a merge conflict is
//! shown side by side and resolved (keep mine, take upstream) through the checked save.
//! Screens at 80x24 and 40x12 as insta snapshots.

mod tui_common;

use std::fs;
use std::path::{Path, PathBuf};

use ratatui::backend::TestBackend;
use skillbook::library;
use skillbook::pack::fork::fork_card;
use skillbook::pack::install::stage;
use skillbook::pack::unpack::Limits;
use skillbook::tui::action::{Action, TextEdit};
use skillbook::tui::app::{App, Popup, Screen};
use skillbook::tui::command::{Command, Context};
use skillbook::tui::effect::Effect;
use skillbook::tui::event::{Event, script};
use skillbook::tui::keymap::Keymap;
use skillbook::tui::pack_jobs::PackAction;
use skillbook::tui::runtime::Tui;
use skillbook::tui::theme::Theme;
use skillbook::tui::views::packs::PackScreen;
use tui_common::{load, text_of, tui_of};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

const BODY: &str = "\n## Why it matters\n\nCharts tell the story.\n\n## Try it\n\nMake a chart of last month.\n\n## Leave behind\n\n- A link.\n";

fn card(title: &str, body: &str) -> String {
    format!("+++\ntitle = {title:?}\ntool = \"Excel\"\nduration = 20\n+++\n{body}")
}

/// Writes pack `demo` at `version` into `parent/demo-<version>` with the card `pivot`.
fn demo(parent: &Path, version: &str, body: &str) -> PathBuf {
    let folder = parent.join(format!("demo-{version}"));
    fs::create_dir_all(folder.join("cards")).unwrap();
    fs::write(
        folder.join("pack.toml"),
        format!("name = \"demo\"\nversion = \"{version}\"\ntitle = \"Demo pack\"\n"),
    )
    .unwrap();
    fs::write(
        folder.join("cards/pivot.md"),
        card("Build a pivot chart", body),
    )
    .unwrap();
    folder
}

fn install(root: &Path, source: &Path) {
    let before = library::load(root);
    let staged = stage(
        root,
        &source.to_string_lossy(),
        Limits::default(),
        &mut |_| {},
    )
    .unwrap();
    staged.commit(&before, &mut |_| {}).unwrap();
}

/// A library with demo 1.0.0 installed, `pivot` forked and edited, and demo 1.1.0 installed with
/// a change to the same line: `cards/pivot.conflict.md` waits to be resolved.
fn conflicted() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("library");
    install(&root, &demo(dir.path(), "1.0.0", BODY));
    let forked = fork_card(&library::load(&root), "demo/pivot", None).unwrap();
    let mine = fs::read_to_string(&forked.path)
        .unwrap()
        .replace("last month.", "HIS sales, by region.");
    fs::write(&forked.path, mine).unwrap();
    let theirs = BODY
        .replace("last month.", "the last quarter.")
        .replace("Charts tell", "A chart tells");
    install(&root, &demo(dir.path(), "1.1.0", &theirs));
    assert!(root.join("cards/pivot.conflict.md").exists());
    (dir, root)
}

fn app_on(root: &Path, width: u16, height: u16) -> App {
    App::new(
        load(root),
        Keymap::defaults(),
        Theme::builtin("dark").unwrap(),
        width,
        height,
    )
}

fn keys(tui: &mut Tui<TestBackend>, keys: &str) {
    tui.type_keys(keys).unwrap();
}

fn pack_screen(app: &App) -> &PackScreen {
    match app.screens.last() {
        Some(Screen::Packs(packs)) => packs,
        other => panic!("not the pack browser: {other:?}"),
    }
}

fn message(app: &App) -> String {
    match app.popups.last() {
        Some(Popup::Message(message)) => format!("{message:?}"),
        other => panic!("no message: {other:?}"),
    }
}

#[test]
fn the_progress_of_an_install_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = tui_common::app(width, height, "dark", true);
        app.update(Action::Command(Command::Packs));
        app.update(Action::Command(Command::InstallPack));
        for c in "demo-2.0.0.tar.gz".chars() {
            app.update(Action::Edit(TextEdit::Insert(c)));
        }
        let effects = app.update(Action::Command(Command::Open));
        assert!(matches!(effects.as_slice(), [Effect::Pack(job)] if job.runs_in_background()));
        app.update(Action::Pack(PackAction::Progress(
            "unpacking demo-2.0.0.tar.gz (tar.gz)".into(),
        )));
        app.update(Action::Pack(PackAction::Unpacked {
            entries: 12,
            bytes: 34_567,
        }));
        let tui = tui_of(app);
        let text = text_of(&tui);
        assert!(
            text.contains("12 files and folders"),
            "{width}x{height}\n{text}"
        );
        insta::assert_snapshot!(format!("pack_install_progress_{width}x{height}"), text);
        // The pane still takes keys while the install runs; a second install waits.
        let mut app = tui.app;
        assert_eq!(app.context(), Context::PackList);
        app.update(Action::Command(Command::Down));
        app.update(Action::Command(Command::InstallPack));
        assert_eq!(app.context(), Context::PackList);
        assert!(
            pack_screen(&app)
                .log
                .last()
                .unwrap()
                .contains("An install is running")
        );
        // The result ends the progress line.
        app.update(Action::Pack(PackAction::Done {
            lines: vec!["Installed demo 2.0.0 (3 cards).".into()],
            changed: false,
            installed: None,
        }));
        assert!(pack_screen(&app).busy.is_none());
    }
}

#[test]
fn an_install_runs_on_a_worker_and_the_pane_keeps_taking_keys() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("library");
    let source = demo(dir.path(), "1.0.0", BODY);
    let mut tui = tui_of(app_on(&root, 100, 30));
    keys(&mut tui, "p");
    keys(&mut tui, &format!("i{}", source.display()));
    // Enter starts the job and comes back at once: the key is handled, not the install.
    for key in script("<enter>j") {
        tui.handle(&Event::Key(key));
    }
    assert!(pack_screen(&tui.app).busy.is_some() || !tui.pack_workers.busy());
    tui.settle_pack_jobs();
    let packs = pack_screen(&tui.app);
    assert!(packs.busy.is_none());
    assert!(
        packs.log.join("\n").contains("Installed demo 1.0.0"),
        "{:?}",
        packs.log
    );
    assert!(tui.app.library.pack("demo").is_some());
}

#[test]
fn a_newer_version_in_the_browser_merges_forks_and_the_same_asks() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("library");
    install(&root, &demo(dir.path(), "1.0.0", BODY));
    fork_card(&library::load(&root), "demo/pivot", None).unwrap();
    let newer = demo(
        dir.path(),
        "1.1.0",
        &BODY.replace("- A link.", "- A link.\n- A cheat sheet."),
    );
    let mut tui = tui_of(app_on(&root, 100, 30));
    keys(&mut tui, &format!("pi{}<enter>", newer.display()));
    let log = pack_screen(&tui.app).log.join("\n");
    assert!(log.contains("Updated demo 1.0.0 -> 1.1.0"), "{log}");
    assert!(log.contains("Forks: 1 merged cleanly."), "{log}");
    let fork = fs::read_to_string(root.join("cards/pivot.md")).unwrap();
    assert!(fork.contains("A cheat sheet") && fork.contains("version = \"1.1.0\""));
    // The same version again asks, and no leaves everything as it was.
    keys(&mut tui, &format!("i{}<enter>", newer.display()));
    assert_eq!(tui.app.context(), Context::PackConfirm);
    keys(&mut tui, "n");
    let log = pack_screen(&tui.app).log.join("\n");
    assert!(log.ends_with("Not installed; nothing changed."), "{log}");
    // An older one asks too.
    let older = demo(dir.path(), "0.9.0", BODY);
    keys(&mut tui, &format!("i{}<enter>", older.display()));
    assert_eq!(tui.app.context(), Context::PackConfirm);
    keys(&mut tui, "n");
}

#[test]
fn the_conflict_view_at_both_sizes() {
    let (_dir, root) = conflicted();
    for (width, height) in SIZES {
        let mut tui = tui_of(app_on(&root, width, height));
        // My cards are first; the fork is the only own card and is marked.
        assert!(
            text_of(&tui).contains('⚠') || width < 60,
            "{}",
            text_of(&tui)
        );
        keys(&mut tui, "<tab>M");
        assert_eq!(tui.app.context(), Context::Conflict);
        let text = text_of(&tui);
        insta::assert_snapshot!(format!("pack_conflict_{width}x{height}"), text);
        keys(&mut tui, "o");
        let text = text_of(&tui);
        assert!(text.contains("Original"), "{text}");
        insta::assert_snapshot!(format!("pack_conflict_origin_{width}x{height}"), text);
    }
}

#[test]
fn keep_mine_writes_the_card_and_removes_the_conflict() {
    let (_dir, root) = conflicted();
    let mut tui = tui_of(app_on(&root, 100, 30));
    keys(&mut tui, "<tab>Mm");
    assert!(message(&tui.app).contains("Resolved pivot.md"));
    assert!(!root.join("cards/pivot.conflict.md").exists());
    let card = fs::read_to_string(root.join("cards/pivot.md")).unwrap();
    assert!(card.contains("HIS sales, by region."), "{card}");
    // The change that did not conflict came in, and the origin moved on.
    assert!(card.contains("A chart tells the story."), "{card}");
    assert!(card.contains("version = \"1.1.0\""), "{card}");
    assert!(
        !card.contains("<<<<") && !card.contains("Merge conflict"),
        "{card}"
    );
    assert!(tui.app.library.conflicts.is_empty());
    assert!(!text_of(&tui).contains('⚠'));
}

#[test]
fn take_upstream_from_the_pack_browser() {
    let (_dir, root) = conflicted();
    let mut tui = tui_of(app_on(&root, 100, 30));
    keys(&mut tui, "pMt");
    assert!(message(&tui.app).contains("took the pack's text"));
    let card = fs::read_to_string(root.join("cards/pivot.md")).unwrap();
    assert!(card.contains("the last quarter."), "{card}");
    assert!(!card.contains("HIS sales"), "{card}");
}

#[test]
fn a_card_changed_on_disk_is_not_overwritten_by_a_resolution() {
    let (_dir, root) = conflicted();
    let mut tui = tui_of(app_on(&root, 100, 30));
    keys(&mut tui, "<tab>M");
    let card_path = root.join("cards/pivot.md");
    let edited = fs::read_to_string(&card_path).unwrap() + "\nTyped in another editor.\n";
    fs::write(&card_path, &edited).unwrap();
    keys(&mut tui, "t");
    assert!(
        message(&tui.app).contains("Not resolved"),
        "{}",
        message(&tui.app)
    );
    assert_eq!(fs::read_to_string(&card_path).unwrap(), edited);
    assert!(root.join("cards/pivot.conflict.md").exists());
    keys(&mut tui, "<esc>");
    assert_eq!(tui.app.context(), Context::Conflict);
}

#[test]
fn no_conflict_says_so() {
    let mut app = tui_common::app(80, 24, "dark", true);
    app.update(Action::Command(Command::ShowConflict));
    assert!(message(&app).contains("No merge conflicts"));
}

#[test]
fn an_agenda_follows_an_update_made_in_the_app_by_plain_id_and_pack_id() {
    use skillbook::tui::views::sources::{Source, sources};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("library");
    install(&root, &demo(dir.path(), "1.0.0", BODY));
    // My own card `slicers` beside nothing of the pack's; the agenda names the pack's card
    // plainly and as `demo/pivot`, and mine.
    fs::create_dir_all(root.join("cards")).unwrap();
    fs::write(root.join("cards/slicers.md"), card("My own slicers", BODY)).unwrap();
    fs::create_dir_all(root.join("agendas")).unwrap();
    fs::write(
        root.join("agendas/visit.toml"),
        "title = \"Visit\"\nstart = \"09:00\"\nslot = 90\n\n[[items]]\ncard = \"pivot\"\n\n[[items]]\ncard = \"demo/pivot\"\n\n[[items]]\ncard = \"slicers\"\n",
    )
    .unwrap();
    let newer = dir.path().join("demo-1.1.0");
    demo(dir.path(), "1.1.0", BODY);
    fs::write(
        newer.join("cards/pivot.md"),
        card("Build a pivot chart, revised", BODY),
    )
    .unwrap();
    let mut tui = tui_of(app_on(&root, 100, 30));
    keys(&mut tui, &format!("pi{}<enter>", newer.display()));
    assert!(
        pack_screen(&tui.app)
            .log
            .join("\n")
            .contains("Updated demo")
    );
    keys(&mut tui, "<esc>");
    let agendas = sources(&tui.app.library)
        .iter()
        .position(|entry| entry.source == Source::Agendas)
        .unwrap();
    tui.app.browser.sources.selected = agendas;
    keys(&mut tui, "<tab><enter>");
    let text = text_of(&tui);
    assert_eq!(
        text.matches("Build a pivot chart, revised").count(),
        2,
        "{text}"
    );
    assert!(text.contains("My own slicers"), "{text}");
    assert!(!text.contains("names no card"), "{text}");
}

#[test]
fn forking_beside_my_card_asks_for_an_id_at_both_sizes() {
    let (_dir, root) = conflicted();
    for (width, height) in SIZES {
        let mut tui = tui_of(app_on(&root, width, height));
        keys(&mut tui, "p<enter>f");
        assert_eq!(tui.app.context(), Context::PackForkId);
        let text = text_of(&tui);
        assert!(text.contains("> pivot-2"), "{text}");
        insta::assert_snapshot!(format!("pack_fork_id_{width}x{height}"), text);
    }
}
