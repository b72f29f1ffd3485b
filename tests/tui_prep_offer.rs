//! The prep list, the offer window, the builder's readiness gauge and the agendas' figures in
//! the library (#6): updates (an action in, state and effects out), screens at 80x24 and
//! 40x12 (dark in snapshots, light giving the same text), and flows on a temporary library.

mod tui_common;

use std::fs;
use std::path::{Path, PathBuf};

use ratatui::backend::TestBackend;
use skillbook::tui::action::{Action, TextEdit};
use skillbook::tui::app::{App, Popup, Screen};
use skillbook::tui::command::{Command, Context};
use skillbook::tui::effect::Effect;
use skillbook::tui::keymap::Keymap;
use skillbook::tui::runtime::{Tui, run_effect};
use skillbook::tui::theme::Theme;
use skillbook::tui::views::answer::{AnswerWindow, Purpose};
use skillbook::tui::views::prep::{PrepRow, prep_rows};
use skillbook::tui::views::sources::{Source, sources};
use tui_common::{load, text_of, tui_of};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

const ALL_TICKED: &str = "[\"outcome\", \"their-world\", \"show-it\", \"try-it\", \"pitfalls\", \"leave-behind\", \"timing\"]";

/// A small library: a card that is ready, one half done that needs a projector adapter, a
/// bare one, and an agenda naming them (and a card that does not exist).
fn library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("library");
    let write = |relative: &str, text: &str| {
        let path = root.join(relative);
        fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        fs::write(path, text).expect("write");
    };
    write(
        "cards/linkedin.md",
        &format!(
            "+++\ntitle = \"Find B2B customers on LinkedIn\"\ntool = \"LinkedIn\"\n\
             duration = 30\nlang = \"en\"\noutcomes = [\"Find ten buyers in their trade\"]\n\
             ready = {ALL_TICKED}\n+++\n"
        ),
    );
    write(
        "cards/pivot.md",
        "+++\ntitle = \"Pivot charts with slicers\"\ntool = \"Excel\"\nduration = 20\n\
         lang = \"en\"\noutcomes = [\"Filter a chart by region\"]\n\
         requires = [\"Projector adapter (HDMI)\"]\nready = [\"outcome\", \"timing\"]\n+++\n",
    );
    write("cards/slack.md", "+++\ntitle = \"Slack threads\"\n+++\n");
    write(
        "agendas/visit.toml",
        "title = \"Visit at Hansen & Co\"\ndate = 2026-12-03\nstart = \"09:00\"\nslot = 90\n\n\
         [[items]]\ncard = \"pivot\"\n\n[[items]]\ncard = \"linkedin\"\n\n\
         [[items]]\ncard = \"nowhere\"\n\n[[items]]\ncard = \"slack\"\n",
    );
    (dir, root)
}

fn app_on(root: &Path, width: u16, height: u16, theme: &str) -> App {
    let theme = Theme::builtin(theme).expect("built-in theme");
    App::new(load(root), Keymap::defaults(), theme, width, height)
}

fn command(c: Command) -> Action {
    Action::Command(c)
}

/// Runs effects and what they lead to, as the runtime does.
fn run_all(app: &mut App, effects: Vec<Effect>) {
    let mut queue = effects;
    while let Some(effect) = queue.pop() {
        let action = run_effect(effect);
        queue.extend(app.update(action));
    }
}

/// An app with the visit agenda open in the builder.
fn builder_app(root: &Path, width: u16, height: u16, theme: &str) -> App {
    let mut app = app_on(root, width, height, theme);
    run_all(
        &mut app,
        vec![Effect::OpenAgenda(root.join("agendas/visit.toml"))],
    );
    assert_eq!(app.context(), Context::Builder);
    app
}

fn screen(app: App) -> String {
    text_of(&tui_of(app))
}

fn open_rows(app: &App) -> Vec<PrepRow> {
    let Some(Screen::Prep(prep)) = app.screens.last() else {
        panic!("not the prep list");
    };
    prep_rows(&app.library, &app.readiness, &prep.agenda).1
}

#[test]
fn r_opens_the_prep_list_in_the_builder_and_still_reloads_in_the_library() {
    let (_dir, root) = library();
    let mut app = app_on(&root, 80, 24, "dark");
    assert_eq!(
        app.update(command(Command::Reload)),
        vec![Effect::LoadLibrary(app.library.root.clone())]
    );
    let key = "r".parse().expect("key");
    assert_eq!(
        app.keymap.resolve(key, Context::Sources),
        Some(Command::Reload)
    );
    assert_eq!(
        app.keymap.resolve(key, Context::Builder),
        Some(Command::PrepList)
    );
    assert!(
        app.keymap.problems().is_empty(),
        "{:?}",
        app.keymap.problems()
    );

    let mut app = builder_app(&root, 80, 24, "dark");
    assert!(app.update(command(Command::PrepList)).is_empty());
    assert_eq!(app.context(), Context::Prep);
    let rows = open_rows(&app);
    // Pivot: 8 items (7 + 1 requires), 2 ticked, so 6 open; LinkedIn ready; Slack 7 open.
    let items = rows
        .iter()
        .filter(|row| matches!(row, PrepRow::Item { .. }))
        .count();
    assert_eq!(items, 6 + 7);
    assert!(rows.contains(&PrepRow::Missing("nowhere".to_string())));
    assert!(rows.iter().any(
        |row| matches!(row, PrepRow::Bring { text, done: false, .. } if text == "Projector adapter (HDMI)")
    ));
    app.update(command(Command::Back));
    assert_eq!(app.context(), Context::Builder);
}

#[test]
fn enter_opens_the_checklist_at_the_item_and_a_tick_there_shortens_the_list() {
    let (_dir, root) = library();
    let mut app = builder_app(&root, 80, 24, "dark");
    app.update(command(Command::PrepList));
    let before = open_rows(&app).len();
    // The first row is the pivot card, the second its first open item: Their world.
    app.update(command(Command::Down));
    app.update(command(Command::Open));
    let Some(Screen::Checklist(checklist)) = app.screens.last() else {
        panic!("not the checklist pane");
    };
    assert_eq!(checklist.selected, 1, "Their world is the second entry");
    let effects = app.update(command(Command::Tick));
    assert!(matches!(effects.as_slice(), [Effect::SaveCard(_)]));
    run_all(&mut app, effects);
    app.update(command(Command::Back));
    assert_eq!(app.context(), Context::Prep);
    assert_eq!(open_rows(&app).len(), before - 1);
    let text = fs::read_to_string(root.join("cards/pivot.md")).expect("card");
    assert!(text.contains("\"their-world\""), "{text}");
}

#[test]
fn the_offer_window_starts_on_the_ready_cards_and_follows_the_choices() {
    let (_dir, root) = library();
    let mut app = app_on(&root, 80, 24, "dark");
    assert!(app.update(command(Command::Offer)).is_empty());
    assert_eq!(app.context(), Context::Offer);
    let window = |app: &App| match app.popups.last() {
        Some(Popup::Offer(window)) => (**window).clone(),
        other => panic!("not the offer window: {other:?}"),
    };
    let chosen: Vec<bool> = window(&app).cards.iter().map(|(_, on)| *on).collect();
    assert_eq!(
        chosen,
        [true, false, false],
        "linkedin, pivot, slack in library order"
    );
    let (draft, _, _) = window(&app).draft(&app.library).expect("a draft");
    assert!(draft.text.contains("Find B2B customers on LinkedIn"));
    assert!(!draft.text.contains("Pivot"));
    // Take the pivot card in: the text follows at once.
    app.update(command(Command::Down));
    app.update(command(Command::OfferToggleCard));
    let (draft, _, _) = window(&app).draft(&app.library).expect("a draft");
    assert!(
        draft.text.contains("Pivot charts with slicers"),
        "{}",
        draft.text
    );
    // The LinkedIn note, and its save.
    app.update(command(Command::OfferVariant));
    let (note, _, _) = window(&app).draft(&app.library).expect("a draft");
    assert!(note.text.chars().count() <= 1300);
    assert_ne!(note.text, draft.text);
    let effects = app.update(command(Command::OfferSave));
    let [Effect::WriteOffer { folder, stem, text }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(folder, &app.library.root.join("offers"));
    assert_eq!(stem, "linkedin-note");
    assert_eq!(text, &note.text);
    // Written twice: the second gets a name of its own, the first stays.
    run_all(&mut app, effects.clone());
    run_all(&mut app, effects);
    let written: Vec<PathBuf> = fs::read_dir(root.join("offers"))
        .expect("offers folder")
        .map(|entry| entry.expect("entry").path())
        .collect();
    assert_eq!(written.len(), 2, "{written:?}");
    for path in &written {
        assert_eq!(fs::read_to_string(path).expect("offer"), note.text);
    }
    let status = window(&app).status.expect("a status");
    let status = status.expect("written");
    assert!(
        status.starts_with("Wrote offers/linkedin-note-"),
        "{status}"
    );
    assert!(status.ends_with("-2.txt"), "{status}");
    // With no card chosen there is nothing to write, and it says so.
    app.update(command(Command::Top));
    app.update(command(Command::OfferToggleCard));
    app.update(command(Command::Down));
    app.update(command(Command::OfferToggleCard));
    assert!(window(&app).draft(&app.library).is_none());
    assert!(app.update(command(Command::OfferSave)).is_empty());
    assert!(matches!(window(&app).status, Some(Err(_))));
    app.update(command(Command::Back));
    assert!(app.popups.is_empty());
}

#[test]
fn danish_cards_get_a_danish_offer() {
    let (_dir, root) = library();
    fs::write(
        root.join("cards/kloft.md"),
        format!(
            "+++\ntitle = \"Kløften i regnearket\"\nlang = \"da\"\nduration = 15\n\
             outcomes = [\"Finde fejlen selv\"]\nready = {ALL_TICKED}\n+++\n"
        ),
    )
    .expect("card");
    fs::write(
        root.join("cards/linkedin.md"),
        "+++\ntitle = \"Not ready\"\n+++\n",
    )
    .expect("card");
    let mut app = app_on(&root, 80, 24, "dark");
    app.update(command(Command::Offer));
    let Some(Popup::Offer(window)) = app.popups.last() else {
        panic!("no offer window");
    };
    let (draft, lang, _) = window.draft(&app.library).expect("a draft");
    assert_eq!(lang.as_str(), "da");
    assert!(
        draft.text.contains("Kløften i regnearket"),
        "{}",
        draft.text
    );
}

#[test]
fn ctrl_j_starts_a_new_line_in_the_answer_window() {
    let (_dir, root) = library();
    let mut app = app_on(&root, 80, 24, "dark");
    let key = "ctrl-j".parse().expect("key");
    assert_eq!(
        app.keymap.resolve(key, Context::Answer),
        Some(Command::NewLine)
    );
    app.popups.push(Popup::Answer(AnswerWindow::new(
        0,
        Purpose::Concrete(skillbook::checklist::DefaultItem::ShowIt),
        "1. Open",
    )));
    app.handle_event(&skillbook::tui::event::Event::Key(key));
    app.update(Action::Edit(TextEdit::Insert('2')));
    let Some(Popup::Answer(window)) = app.popups.last() else {
        panic!("no answer window");
    };
    assert_eq!(window.text(), "1. Open\n2");
}

#[test]
fn agendas_show_their_readiness_once_read() {
    let (_dir, root) = library();
    let path = root.join("agendas/visit.toml");
    let course = root.join("courses/after-work.toml");
    fs::create_dir_all(root.join("courses")).expect("courses folder");
    fs::write(
        &course,
        "title = \"After work\"\n\
         rhythm = { weekday = \"tuesday\", start = \"16:00\", minutes = 90 }\n\
         [[sessions]]\ntitle = \"One\"\n[[sessions.items]]\ncard = \"linkedin\"\n\
         [[sessions]]\ntitle = \"Two\"\n[[sessions.items]]\ncard = \"linkedin\"\n",
    )
    .expect("course");
    let mut app = app_on(&root, 80, 24, "dark");
    assert_eq!(app.plan_figure(&path), None);
    run_all(&mut app, vec![Effect::LoadReadiness(root.clone())]);
    // Each card counted once: pivot 2/8, linkedin 7/7, slack 0/7.
    let figure = app.plan_figure(&path).expect("a figure");
    assert_eq!((figure.done, figure.total), (9, 22));
    // A course counts a card taught twice once.
    let figure = app.plan_figure(&course).expect("a course figure");
    assert_eq!((figure.done, figure.total), (7, 7));
    let agendas = sources(&app.library)
        .iter()
        .position(|entry| entry.source == Source::Agendas)
        .expect("agendas");
    app.browser.sources.selected = agendas;
    let text = screen(app);
    assert!(text.contains("9/22 ready"), "{text}");
}

fn snapshot(name: &str, make: impl Fn(u16, u16, &str) -> App) {
    for (width, height) in SIZES {
        let dark = screen(make(width, height, "dark"));
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), dark);
        // Themes change colours, never text.
        assert_eq!(screen(make(width, height, "light")), dark, "{name} light");
    }
}

#[test]
fn the_prep_list_on_screen() {
    let (_dir, root) = library();
    snapshot("prep_list", |w, h, theme| {
        let mut app = builder_app(&root, w, h, theme);
        app.update(command(Command::PrepList));
        app
    });
}

#[test]
fn the_builder_header_shows_how_ready_the_agenda_is() {
    let (_dir, root) = library();
    snapshot("builder_readiness", |w, h, theme| {
        builder_app(&root, w, h, theme)
    });
}

#[test]
fn the_offer_window_on_screen() {
    let (_dir, root) = library();
    snapshot("offer_invitation", |w, h, theme| {
        let mut app = app_on(&root, w, h, theme);
        app.update(command(Command::Offer));
        app.update(command(Command::Down));
        app.update(command(Command::OfferToggleCard));
        app
    });
    snapshot("offer_linkedin", |w, h, theme| {
        let mut app = app_on(&root, w, h, theme);
        app.update(command(Command::Offer));
        app.update(command(Command::OfferVariant));
        app
    });
}

/// The LinkedIn count is over the limit only if the domain ever let it be; the style and the
/// words are checked on the count the window shows.
#[test]
fn the_linkedin_count_is_shown_against_the_limit() {
    let (_dir, root) = library();
    let mut app = app_on(&root, 80, 24, "dark");
    app.update(command(Command::Offer));
    app.update(command(Command::OfferVariant));
    let tui: Tui<TestBackend> = tui_of(app);
    let text = text_of(&tui);
    assert!(text.contains("/1,300 characters"), "{text}");
    assert!(text.contains("[LinkedIn]"), "{text}");
}

#[test]
fn q_in_the_prep_list_over_an_unsaved_agenda_asks_at_once() {
    let (_dir, root) = library();
    let mut app = builder_app(&root, 80, 24, "dark");
    let Some(Screen::Builder(builder)) = app.screens.last_mut() else {
        panic!("not the builder");
    };
    builder.dirty = true;
    app.update(command(Command::PrepList));
    assert_eq!(app.context(), Context::Prep);
    app.update(command(Command::Quit));
    assert!(
        app.is_running(),
        "q with an unsaved agenda must ask, not quit"
    );
    let text = screen(app);
    assert!(text.contains("Save the changes before leaving?"), "{text}");
}
