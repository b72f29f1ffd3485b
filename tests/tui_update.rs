//! `App::update`: an action in, the state and the effects out. No terminal, no I/O.

mod tui_common;

use skillbook::tui::action::{Action, TextEdit};
use skillbook::tui::app::{Popup, Screen};
use skillbook::tui::command::{Command, Context};
use skillbook::tui::effect::Effect;
use skillbook::tui::event::{Event, MousePoint};
use skillbook::tui::layout::BrowserPane;
use skillbook::tui::views::preview::Subject;
use tui_common::{app, fixture_root};

fn command(c: Command) -> Action {
    Action::Command(c)
}

#[test]
fn moving_in_the_card_list_needs_no_effect() {
    let mut app = app(80, 24, "dark", true);
    assert_eq!(app.context(), Context::Cards);
    assert_eq!(app.update(command(Command::Down)), vec![]);
    assert_eq!(app.browser.list.selected, 1);
    app.update(command(Command::Bottom));
    assert_eq!(app.browser.list.selected, 3);
    app.update(command(Command::Down));
    assert_eq!(app.browser.list.selected, 3, "stops at the end");
}

#[test]
fn choosing_another_source_starts_its_list_from_the_top() {
    let mut app = app(80, 24, "dark", true);
    app.update(command(Command::Bottom));
    app.update(command(Command::PreviousPane));
    assert_eq!(app.context(), Context::Sources);
    app.update(command(Command::Down));
    assert_eq!(app.browser.list.selected, 0);
    assert_eq!(app.browser.entry_count(&app.library), 2, "the pack's cards");
}

#[test]
fn an_agenda_in_the_preview_is_read_by_an_effect() {
    let mut app = app(80, 24, "dark", true);
    app.update(command(Command::PreviousPane));
    app.update(command(Command::Down));
    let effects = app.update(command(Command::Down));
    let path = fixture_root().join("agendas/visit-hansen.toml");
    assert_eq!(effects, vec![Effect::ReadFile(path.clone())]);
    // The answer comes back as an action and is not asked for again.
    let effects = app.update(Action::FileRead {
        path: path.clone(),
        text: Ok("title = \"Visit\"\n".to_string()),
    });
    assert_eq!(effects, vec![]);
    assert!(app.files.contains_key(&path));
}

#[test]
fn reload_asks_for_the_library_and_takes_it_back() {
    let mut app = app(80, 24, "dark", true);
    app.update(command(Command::Bottom));
    let effects = app.update(command(Command::Reload));
    assert_eq!(effects, vec![Effect::LoadLibrary(fixture_root())]);
    let mut smaller = app.library.clone();
    smaller.cards.truncate(1);
    smaller.reindex();
    app.update(Action::LibraryLoaded(Box::new(smaller)));
    assert_eq!(
        app.browser.list.selected, 0,
        "the selection is kept in bounds"
    );
}

#[test]
fn open_shows_the_card_full_screen_and_back_returns() {
    let mut app = app(80, 24, "dark", true);
    app.update(command(Command::Down));
    app.update(command(Command::Open));
    assert_eq!(app.context(), Context::CardView);
    let Some(Screen::Card(card)) = app.screens.last() else {
        panic!("no card screen");
    };
    assert_eq!(card.subject, Subject::Card(1));
    app.update(command(Command::PageDown));
    app.update(command(Command::Back));
    assert!(app.screens.is_empty());
    assert_eq!(app.context(), Context::Cards);
}

#[test]
fn search_follows_every_keystroke_and_esc_returns() {
    let mut app = app(80, 24, "dark", true);
    app.update(command(Command::PreviousPane));
    app.update(command(Command::Search));
    assert_eq!(app.context(), Context::Search);
    let hits = |app: &skillbook::tui::app::App| match app.screens.last() {
        Some(Screen::Search(search)) => search.hits.len(),
        _ => panic!("no search"),
    };
    assert_eq!(
        hits(&app),
        app.library.cards.len(),
        "nothing typed: every card"
    );
    for c in "kloft".chars() {
        app.update(Action::Edit(TextEdit::Insert(c)));
    }
    assert_eq!(hits(&app), 1);
    app.update(Action::Edit(TextEdit::Clear));
    for c in "#charts".chars() {
        app.update(Action::Edit(TextEdit::Insert(c)));
    }
    assert_eq!(hits(&app), 3);
    app.update(command(Command::Open));
    assert_eq!(app.context(), Context::CardView);
    app.update(command(Command::Back));
    assert_eq!(app.context(), Context::Search);
    app.update(command(Command::Back));
    assert_eq!(
        app.context(),
        Context::Sources,
        "back where the search started"
    );
}

#[test]
fn typed_characters_go_to_the_text_field_not_to_commands() {
    let mut app = app(80, 24, "dark", true);
    app.update(command(Command::Search));
    let q: Event = Event::Key("q".parse().unwrap());
    assert_eq!(
        app.action_for(&q).map(|a| format!("{a:?}")),
        Some("Edit(Insert('q'))".to_string())
    );
    app.handle_event(&q);
    assert!(app.is_running());
    let ctrl_c = Event::Key("ctrl-c".parse().unwrap());
    app.handle_event(&ctrl_c);
    assert!(!app.is_running());
}

#[test]
fn help_lists_the_pane_it_was_opened_from_and_filters() {
    let mut app = app(80, 24, "dark", true);
    app.update(command(Command::NextPane));
    app.update(command(Command::Help));
    let Some(Popup::Help(help)) = app.popups.last() else {
        panic!("no help");
    };
    assert_eq!(help.context, Context::Preview);
    assert_eq!(app.context(), Context::Help);
    app.update(Action::Edit(TextEdit::Insert('x')));
    let Some(Popup::Help(help)) = app.popups.last() else {
        panic!("no help");
    };
    assert_eq!(help.filter.text(), "x");
    app.update(command(Command::Back));
    assert!(app.popups.is_empty());
    assert_eq!(app.context(), Context::Preview);
}

#[test]
fn quit_stops_the_app() {
    let mut app = app(80, 24, "dark", true);
    assert!(app.is_running());
    assert_eq!(app.update(command(Command::Quit)), vec![]);
    assert!(!app.is_running());
}

#[test]
fn clicks_focus_and_select_and_a_second_click_opens() {
    let mut app = app(80, 24, "dark", true);
    // The sources pane is the left column; its third row is Agendas.
    app.update(Action::Click(MousePoint { column: 5, row: 3 }));
    assert_eq!(app.browser.focus, BrowserPane::Sources);
    assert_eq!(app.browser.sources.selected, 2);
    app.update(Action::Click(MousePoint { column: 5, row: 1 }));
    // The card list: the second card, then again to open it.
    let row = MousePoint { column: 30, row: 2 };
    app.update(Action::Click(row));
    assert_eq!(
        (app.browser.focus, app.browser.list.selected),
        (BrowserPane::Cards, 1)
    );
    app.update(Action::Click(row));
    assert_eq!(app.context(), Context::CardView);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app(80, 24, "dark", true);
    app.update(command(Command::Bottom));
    let over_preview = MousePoint {
        column: 40,
        row: 15,
    };
    app.update(Action::Scroll {
        at: over_preview,
        down: true,
    });
    assert_eq!(app.browser.preview.offset, 3);
    assert_eq!(
        app.browser.focus,
        BrowserPane::Cards,
        "the wheel does not move focus"
    );
    let over_sources = MousePoint { column: 5, row: 3 };
    app.update(Action::Scroll {
        at: over_sources,
        down: true,
    });
    assert_eq!(app.browser.sources.selected, 1);
}

#[test]
fn a_terminal_too_small_ignores_the_mouse_and_keeps_the_state() {
    let mut app = app(80, 24, "dark", true);
    app.update(Action::Resize {
        width: 20,
        height: 5,
    });
    app.update(Action::Click(MousePoint { column: 5, row: 3 }));
    assert_eq!(app.browser.focus, BrowserPane::Cards);
    app.update(Action::Resize {
        width: 40,
        height: 12,
    });
    app.update(command(Command::Down));
    assert_eq!(app.browser.list.selected, 1);
}
