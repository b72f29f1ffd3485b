//! Whole flows through the terminal app on a test terminal: scripted keys against a temporary
//! copy of the fixture library, with the runtime running the effects for real.

mod tui_common;

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use skillbook::tui::app::{App, Popup};
use skillbook::tui::event::{Event, MouseInput, MousePoint};
use skillbook::tui::runtime::Tui;
use skillbook::tui::{TuiOptions, build_app};
use tui_common::{load, temp_library, text_of, tui_of};

fn tui_on(root: &std::path::Path, width: u16, height: u16) -> Tui<TestBackend> {
    let config = tempfile::tempdir().unwrap();
    let app = build_app(
        load(root),
        &TuiOptions::default(),
        Some(config.path()),
        true,
        width,
        height,
    );
    tui_of(app)
}

fn resize(tui: &mut Tui<TestBackend>, width: u16, height: u16) {
    tui.terminal.backend_mut().resize(width, height);
    tui.handle(&Event::Resize { width, height });
    tui.draw().unwrap();
}

#[test]
fn search_open_read_go_back_and_quit() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    assert!(text_of(&tui).contains("My cards (4)"));
    tui.type_keys("/kloft").unwrap();
    assert!(text_of(&tui).contains("Search · 1 card"));
    tui.type_keys("<enter>").unwrap();
    let screen = text_of(&tui);
    assert!(
        screen.contains("Kløften i regnearket: find fejlen · My cards"),
        "{screen}"
    );
    assert!(screen.contains("Fejl i formler koster tid."));
    tui.type_keys("<esc>").unwrap();
    assert!(text_of(&tui).contains("/ kloft"), "back in the search");
    tui.type_keys("<esc>").unwrap();
    assert!(
        text_of(&tui).contains("My cards (4)"),
        "back in the library"
    );
    tui.type_keys("q").unwrap();
    assert!(!tui.app.is_running());
}

#[test]
fn an_agenda_file_is_read_and_shown() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    tui.type_keys("<shift-tab>jj<tab>").unwrap();
    let screen = text_of(&tui);
    assert!(
        screen.contains("title = \"Visit at Hansen & Co\""),
        "{screen}"
    );
    // Enter opens the agenda in the builder (issue #7): its timetable, not its text.
    tui.type_keys("<enter>").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Agenda: Visit at Hansen & Co"), "{screen}");
    assert!(
        screen.contains("09:00–09:20  20m Build a pivot chart"),
        "{screen}"
    );
}

#[test]
fn reload_picks_up_a_new_card() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    std::fs::write(
        root.join("cards/slack-threads.md"),
        "+++\ntitle = \"Slack: threads, not chaos\"\ntool = \"Slack\"\nduration = 15\n+++\nUse threads.\n",
    )
    .unwrap();
    tui.type_keys("r").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("My cards (5)"), "{screen}");
    assert!(screen.contains("Slack: threads, not"), "{screen}");
    tui.type_keys("/chaos").unwrap();
    let screen = text_of(&tui);
    // The new card is found, and first: the search index was rebuilt on reload.
    assert!(screen.contains("▶ Slack: threads, not c"), "{screen}");
}

#[test]
fn resizing_redraws_down_to_the_smallest_size_and_back() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    tui.type_keys("jjj<enter>G").unwrap();
    resize(&mut tui, 40, 12);
    // Narrower lines wrap into more of them; the place read stays, and the end is one key away.
    tui.type_keys("G").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Questions go at the end."), "{screen}");
    resize(&mut tui, 30, 8);
    assert!(text_of(&tui).contains("Terminal too small"));
    resize(&mut tui, 120, 40);
    let screen = text_of(&tui);
    assert!(screen.contains("Build a pivot chart the director can filter himself"));
    tui.type_keys("<esc>").unwrap();
    let screen = text_of(&tui);
    assert!(
        screen.contains("Sources") && screen.contains("Preview"),
        "{screen}"
    );
}

#[test]
fn the_mouse_selects_opens_and_scrolls() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    let click = |column, row| Event::Mouse(MouseInput::Click(MousePoint { column, row }));
    tui.handle(&click(30, 4));
    tui.handle(&click(30, 4));
    tui.draw().unwrap();
    assert!(
        text_of(&tui).contains("Build a pivot chart the director can filter himself · My cards")
    );
    let wheel = Event::Mouse(MouseInput::ScrollDown(MousePoint {
        column: 40,
        row: 10,
    }));
    tui.handle(&wheel);
    tui.draw().unwrap();
    assert!(text_of(&tui).contains(" 4-"), "scrolled by three lines");
}

#[test]
fn a_bad_config_starts_on_defaults_and_says_where() {
    let (_dir, root) = temp_library();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("config.toml"),
        "theme = \"light\"\n[keys]\nsearch = \"j\"\n",
    )
    .unwrap();
    let app = build_app(
        load(&root),
        &TuiOptions::default(),
        Some(config.path()),
        true,
        80,
        24,
    );
    assert_eq!(app.theme.name, "dark", "defaults, not half a config");
    let Some(Popup::Message(message)) = app.popups.last() else {
        panic!("no message");
    };
    assert!(
        message
            .text
            .contains("config.toml:3:1: the key j is bound to both search and down")
    );
    let mut tui = tui_of(app);
    assert!(text_of(&tui).contains("! Config file"));
    tui.type_keys("<enter>/").unwrap();
    assert!(text_of(&tui).contains("Search ·"), "the default keys work");
}

#[test]
fn the_config_sets_theme_and_keys() {
    let (_dir, root) = temp_library();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("config.toml"),
        "theme = \"light\"\n[keys]\nsearch = [\"s\", \"/\"]\n",
    )
    .unwrap();
    let app = build_app(
        load(&root),
        &TuiOptions::default(),
        Some(config.path()),
        true,
        80,
        24,
    );
    assert_eq!(app.theme.name, "light");
    assert!(app.popups.is_empty());
    let mut tui = tui_of(app);
    tui.type_keys("s").unwrap();
    assert!(text_of(&tui).contains("Search ·"));
    // --theme wins over the config; an unknown theme says so and the app runs on the default.
    let options = TuiOptions {
        theme: Some("neon".to_string()),
    };
    let app: App = build_app(load(&root), &options, Some(config.path()), true, 80, 24);
    assert_eq!(app.theme.name, "dark");
    let Some(Popup::Message(message)) = app.popups.last() else {
        panic!("no message");
    };
    assert!(
        message.text.contains("no theme named \"neon\""),
        "{}",
        message.text
    );
}

fn key_strategy() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "j",
        "k",
        "g",
        "G",
        "<enter>",
        "<esc>",
        "<tab>",
        "<shift-tab>",
        "h",
        "l",
        "/",
        "?",
        "x",
        "<pagedown>",
        "<pageup>",
        "<backspace>",
        "#",
        "<",
        "2",
        "0",
        "m",
        "<ctrl-u>",
        "r",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any key sequence at any supported size: no panic, selections within their lists.
    #[test]
    fn random_keys_keep_the_app_sound(
        keys in prop::collection::vec(key_strategy(), 0..40),
        width in 40u16..130,
        height in 12u16..50,
    ) {
        // A copy: random keys now include delete, rename and new card, which write (#5).
        let (_dir, root) = temp_library();
        let config = tempfile::tempdir().unwrap();
        let app = build_app(load(&root), &TuiOptions::default(), Some(config.path()), true, width, height);
        let mut tui = tui_of(app);
        for key in keys {
            tui.type_keys(key).unwrap();
            let app = &tui.app;
            let sources = skillbook::tui::views::sources::sources(&app.library).len();
            prop_assert!(app.browser.sources.selected < sources);
            let entries = app.browser.entry_count(&app.library);
            prop_assert!(app.browser.list.selected < entries.max(1));
            if !app.is_running() {
                break;
            }
        }
    }
}

#[test]
fn wide_characters_and_long_lines_lay_out_at_every_size() {
    let (_dir, root) = temp_library();
    let long_word = "x".repeat(300);
    std::fs::write(
        root.join("cards/wide.md"),
        format!(
            "+++\ntitle = \"表計算の基本 📊 with a title far longer than any pane is wide, on and on\"\n\
             tool = \"表計算\"\ntags = [\"日本語\", \"emoji👩‍💻\"]\nduration = 5\n+++\n\n\
             # 見出し\n\n{long_word}\n\n```\n\tcode\twith tabs {long_word}\n```\n\n\
             | 列 | Column |\n|---|---|\n| 値 | {long_word} |\n"
        ),
    )
    .unwrap();
    for (width, height) in [(40, 12), (41, 13), (57, 20), (80, 24), (133, 41)] {
        let mut tui = tui_on(&root, width, height);
        tui.type_keys("<shift-tab>k<tab>").unwrap();
        assert!(
            text_of(&tui).contains("表計算"),
            "{width}x{height}\n{}",
            text_of(&tui)
        );
        tui.type_keys("<enter>G<pageup>").unwrap();
        tui.type_keys("<esc><tab>G/表<enter>").unwrap();
        let screen = text_of(&tui);
        assert!(
            screen.contains("表計算の基本"),
            "{width}x{height}\n{screen}"
        );
        for line in screen.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= usize::from(width),
                "{line}"
            );
        }
    }
}
