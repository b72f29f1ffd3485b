//! The pack browser: its screens at 80x24 and 40x12 with a pack whose text carries escape
//! sequences, `update` on its keys (install from a typed path, remove asks first, bundled packs
//! stay, forks never replace a card of mine), and whole flows with the real pack jobs on a
//! temporary library: installing, a refused archive, a same-version install that asks.

mod tui_common;

use std::fs;
use std::path::{Path, PathBuf};

use skillbook::library;
use skillbook::tui::action::{Action, TextEdit};
use skillbook::tui::app::{App, Screen};
use skillbook::tui::command::{Command, Context};
use skillbook::tui::effect::Effect;
use skillbook::tui::keymap::Keymap;
use skillbook::tui::pack_jobs::PackEffect;
use skillbook::tui::theme::Theme;
use skillbook::tui::views::packs::PackScreen;
use tui_common::{fixture_root, load, temp_library, text_of, tui_of};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

/// A card file with front matter and a body.
fn card(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\ntool = \"Terminal\"\nduration = 10\n+++\n\n{body}\n")
}

/// Writes a pack folder: a manifest and cards by id.
fn write_pack(folder: &Path, manifest: &str, cards: &[(&str, String)]) {
    fs::create_dir_all(folder.join("cards")).unwrap();
    fs::write(folder.join("pack.toml"), manifest).unwrap();
    for (id, text) in cards {
        fs::write(folder.join("cards").join(format!("{id}.md")), text).unwrap();
    }
}

/// The fixture library with an installed pack whose title, description and card carry escape
/// sequences, one card id shared with one of my cards, and a fixed install record.
fn hostile_library() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = temp_library();
    let pack = root.join("packs/hostile");
    write_pack(
        &pack,
        "name = \"hostile\"\nversion = \"0.3.0\"\ntitle = \"Red \\u001b[31mAlert\"\n\
         description = \"Clears \\u001b[2J the screen\"\nauthor = \"Mallory\"\n\
         license = \"CC0-1.0\"\nlang = \"en\"\n",
        &[
            (
                "red-alert",
                card("Bell \\u0007 and \\u001b[5mblink", "Text \u{1b}[2J wipes."),
            ),
            ("linkedin-b2b", card("LinkedIn, the pack's way", "Theirs.")),
        ],
    );
    fs::write(
        pack.join(".skillbook-install.toml"),
        "source = \"/srv/packs/hostile.tar.gz\"\nkind = \"tar.gz\"\nversion = \"0.3.0\"\n\
         installed = \"2026-01-02T03:04:05Z\"\n",
    )
    .unwrap();
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

#[test]
fn the_pack_browser_at_every_size() {
    let (_dir, root) = hostile_library();
    let screens = [
        ("packs_list", "pj"),
        ("packs_cards", "pj<enter>"),
        ("packs_path", "pi/srv/packs/excel.tgz"),
        ("packs_confirm", "pjD"),
        ("packs_not_removed", "pjDn"),
    ];
    for (name, keys) in screens {
        for (width, height) in SIZES {
            let mut tui = tui_of(app_on(&root, width, height));
            tui.type_keys(keys).unwrap();
            let text = text_of(&tui);
            assert!(
                !text.contains('\u{1b}'),
                "{name}: an escape reached the screen"
            );
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
        }
    }
}

#[test]
fn escapes_in_pack_text_are_shown_as_placeholders() {
    let (_dir, root) = hostile_library();
    let mut tui = tui_of(app_on(&root, 100, 30));
    tui.type_keys("pj").unwrap();
    let text = text_of(&tui);
    assert!(text.contains("Red ␛[31mAlert"), "{text}");
    assert!(text.contains("Clears ␛[2J the screen"), "{text}");
    assert!(
        text.contains("/srv/packs/hostile.tar.gz (tar.gz)"),
        "{text}"
    );
    assert!(text.contains("2026-01-02T03:04:05Z"), "{text}");
    assert!(text.contains("\"linkedin-b2b\""), "the clash: {text}");
    tui.type_keys("<enter>j").unwrap();
    let text = text_of(&tui);
    assert!(text.contains("Bell ␇ and ␛[5mblink"), "{text}");
    assert!(text.contains("␛[2J wipes"), "the preview: {text}");
}

fn command(c: Command) -> Action {
    Action::Command(c)
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| app.update(Action::Edit(TextEdit::Insert(c))))
        .collect()
}

fn pack_screen(app: &App) -> &PackScreen {
    match app.screens.last() {
        Some(Screen::Packs(packs)) => packs,
        other => panic!("not the pack browser: {other:?}"),
    }
}

#[test]
fn p_opens_the_browser_and_reads_the_install_records() {
    let mut app = tui_common::app(80, 24, "dark", true);
    let effects = app.update(command(Command::Packs));
    assert_eq!(
        effects,
        vec![Effect::Pack(PackEffect::ReadRecords(fixture_root()))]
    );
    assert_eq!(app.context(), Context::PackList);
    app.update(command(Command::Back));
    assert_eq!(app.context(), Context::Cards);
}

#[test]
fn enter_on_a_typed_path_installs_it_as_an_effect() {
    let mut app = tui_common::app(80, 24, "dark", true);
    app.update(command(Command::Packs));
    assert_eq!(app.update(command(Command::InstallPack)), vec![]);
    assert_eq!(app.context(), Context::PackPath);
    // Plain characters are text here, even those bound elsewhere (q, j, D).
    assert_eq!(type_text(&mut app, " /tmp/qjD.tgz "), vec![]);
    assert_eq!(
        app.update(command(Command::Open)),
        vec![Effect::Pack(PackEffect::Install {
            root: fixture_root(),
            source: "/tmp/qjD.tgz".into(),
        })]
    );
    assert_eq!(app.context(), Context::PackList);
}

#[test]
fn esc_cancels_the_path_and_an_empty_path_installs_nothing() {
    let mut app = tui_common::app(80, 24, "dark", true);
    app.update(command(Command::Packs));
    app.update(command(Command::InstallPack));
    assert_eq!(app.update(command(Command::Open)), vec![]);
    assert_eq!(app.context(), Context::PackPath);
    type_text(&mut app, "x");
    assert_eq!(app.update(command(Command::Back)), vec![]);
    assert_eq!(app.context(), Context::PackList);
}

#[test]
fn remove_asks_first() {
    let mut app = tui_common::app(80, 24, "dark", true);
    app.update(command(Command::Packs));
    assert_eq!(app.update(command(Command::RemovePack)), vec![]);
    assert_eq!(app.context(), Context::PackConfirm);
    // Keys that are not an answer change nothing.
    assert_eq!(type_text(&mut app, "xq"), vec![]);
    assert_eq!(app.context(), Context::PackConfirm);
    assert_eq!(type_text(&mut app, "n"), vec![]);
    assert_eq!(app.context(), Context::PackList);
    assert!(
        pack_screen(&app)
            .log
            .last()
            .unwrap()
            .contains("Not removed")
    );
    app.update(command(Command::RemovePack));
    assert_eq!(
        type_text(&mut app, "y"),
        vec![Effect::Pack(PackEffect::Remove {
            root: fixture_root(),
            name: "excel-charts".into(),
        })]
    );
}

#[test]
fn bundled_packs_cannot_be_removed() {
    let library = library::load(&fixture_root());
    let bundled = library
        .packs
        .iter()
        .position(|pack| pack.location == library::PackLocation::Bundled)
        .expect("a bundled pack");
    let name = library.packs[bundled].manifest.name.clone();
    let mut app = App::new(library, Keymap::defaults(), Theme::default(), 80, 24);
    app.update(command(Command::Packs));
    for _ in 0..bundled {
        app.update(command(Command::Down));
    }
    assert_eq!(app.update(command(Command::RemovePack)), vec![]);
    assert_eq!(app.context(), Context::PackList, "no question asked");
    let said = pack_screen(&app).log.last().unwrap().clone();
    assert!(said.contains(&name) && said.contains("bundled"), "{said}");
}

#[test]
fn fork_asks_for_a_new_id_on_a_clash_with_my_cards_and_forks_the_rest() {
    let (_dir, root) = hostile_library();
    let mut app = app_on(&root, 80, 24);
    app.update(command(Command::Packs));
    app.update(command(Command::Down));
    app.update(command(Command::Open));
    assert_eq!(app.context(), Context::PackCards);
    // The cards are in load order: linkedin-b2b, then red-alert. My card linkedin-b2b is never
    // replaced: the fork asks for a new id, prefilled with the first free one (#8).
    assert_eq!(app.update(command(Command::ForkCard)), vec![]);
    assert_eq!(app.context(), Context::PackForkId);
    match &pack_screen(&app).mode {
        skillbook::tui::views::packs::PackMode::ForkId { input, .. } => {
            assert_eq!(input.text(), "linkedin-b2b-2");
        }
        other => panic!("{other:?}"),
    }
    // A clash and a bad id are refused where they are typed.
    for _ in 0.."linkedin-b2b-2".len() {
        app.update(Action::Edit(TextEdit::DeleteBack));
    }
    type_text(&mut app, "linkedin-b2b");
    assert_eq!(app.update(command(Command::Open)), vec![]);
    assert_eq!(app.context(), Context::PackForkId);
    type_text(&mut app, "_X");
    assert_eq!(app.update(command(Command::Open)), vec![]);
    app.update(Action::Edit(TextEdit::Clear));
    type_text(&mut app, "my-b2b");
    assert_eq!(
        app.update(command(Command::Open)),
        vec![Effect::Pack(PackEffect::ForkAs {
            root: root.clone(),
            reference: "hostile/linkedin-b2b".into(),
            id: "my-b2b".into(),
        })]
    );
    assert_eq!(app.context(), Context::PackCards);
    // Esc at the question gives up.
    app.update(command(Command::ForkCard));
    app.update(command(Command::Back));
    assert_eq!(app.context(), Context::PackCards);
    let said = pack_screen(&app).log.last().unwrap().clone();
    assert!(said.contains("Not forked"), "{said}");
    app.update(command(Command::Down));
    assert_eq!(
        app.update(command(Command::ForkCard)),
        vec![Effect::Pack(PackEffect::Fork {
            root: root.clone(),
            reference: "hostile/red-alert".into(),
        })]
    );
}

#[test]
fn the_pack_browser_keys_resolve_where_they_belong() {
    use Command as C;
    use Context as X;
    let keymap = Keymap::defaults();
    assert!(keymap.problems().is_empty(), "{:?}", keymap.problems());
    let table: &[(&str, Context, Option<Command>)] = &[
        ("p", X::Cards, Some(C::Packs)),
        ("p", X::Sources, Some(C::Packs)),
        ("p", X::CardView, None),
        ("i", X::PackList, Some(C::InstallPack)),
        ("i", X::PackCards, Some(C::InstallPack)),
        ("D", X::PackList, Some(C::RemovePack)),
        ("D", X::PackCards, None),
        ("f", X::PackCards, Some(C::ForkCard)),
        ("f", X::PackList, None),
        ("enter", X::PackList, Some(C::Open)),
        ("esc", X::PackCards, Some(C::Back)),
        ("j", X::PackCards, Some(C::Down)),
        ("/", X::PackCards, Some(C::Search)),
        // Typing a path or answering: characters are text, not commands.
        ("q", X::PackPath, None),
        ("i", X::PackPath, None),
        ("enter", X::PackPath, Some(C::Open)),
        ("esc", X::PackPath, Some(C::Back)),
        ("y", X::PackConfirm, None),
        ("esc", X::PackConfirm, Some(C::Back)),
        ("ctrl-c", X::PackConfirm, Some(C::Quit)),
    ];
    for &(text, context, expected) in table {
        let key = text.parse().unwrap();
        assert_eq!(
            keymap.resolve(key, context),
            expected,
            "{text} in {context:?}"
        );
    }
}
