//! The checklist pane, its make-it-concrete window and readiness in the card list: screens at
//! 80x24 and 40x12, updates (a tick changes the figure and returns the right save), and flows
//! against a temporary library that check the files.

mod tui_common;

use ratatui::backend::TestBackend;
use skillbook::checklist::{DefaultItem, ItemId, STATE_FILE};
use skillbook::tui::action::{Action, TextEdit};
use skillbook::tui::app::{App, Popup, Screen};
use skillbook::tui::command::{Command, Context};
use skillbook::tui::effect::Effect;
use skillbook::tui::keymap::Keymap;
use skillbook::tui::layout::BrowserPane;
use skillbook::tui::runtime::Tui;
use skillbook::tui::theme::Theme;
use skillbook::tui::views::card_list::{Entry, entry, entry_count};
use skillbook::tui::views::sources::sources;
use tui_common::{load, temp_library, text_of, tui_of};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

fn app_on(root: &std::path::Path, width: u16, height: u16) -> App {
    let theme = Theme::builtin("dark").expect("built-in theme");
    App::new(load(root), Keymap::defaults(), theme, width, height)
}

fn tui_on(root: &std::path::Path, width: u16, height: u16) -> Tui<TestBackend> {
    tui_of(app_on(root, width, height))
}

fn command(c: Command) -> Action {
    Action::Command(c)
}

/// The position in `Library::cards` of the card with this id, selected in its source's list.
fn select_card(app: &mut App, id: &str) -> usize {
    let index = app
        .library
        .cards
        .iter()
        .position(|card| card.card.id == id)
        .expect("card in the fixture");
    for (at, source) in sources(&app.library).iter().enumerate() {
        let rows = entry_count(&app.library, &source.source);
        if let Some(row) = (0..rows)
            .position(|nth| entry(&app.library, &source.source, nth) == Some(Entry::Card(index)))
        {
            app.browser.sources.selected = at;
            app.browser.list.selected = row;
            app.browser.focus = BrowserPane::Cards;
        }
    }
    assert_eq!(app.card_in_view(), Some(index));
    index
}

fn checklist_screen(app: &App) -> &skillbook::tui::views::checklist::ChecklistScreen {
    match app.screens.last() {
        Some(Screen::Checklist(screen)) => screen,
        other => panic!("not the checklist pane: {other:?}"),
    }
}

#[test]
fn screens_of_the_checklist_and_the_answer_window() {
    let (_dir, root) = temp_library();
    let panes: &[(&str, &str)] = &[
        ("checklist", "c"),
        ("checklist_ticked", "c<space>j<space>"),
        ("checklist_scrolled", "cjjjjjjjjj"),
        ("concrete_window", "cjjjm"),
        (
            "concrete_typed",
            "cjjjm<ctrl-u>Filter by region<alt-enter>Then by year",
        ),
        ("concrete_empty_answer", "cm<enter>"),
        ("pack_card_checklist", "<shift-tab>j<tab>c"),
        ("pack_card_concrete", "<shift-tab>j<tab>cm"),
        ("add_item", "cA"),
    ];
    for &(name, keys) in panes {
        for (width, height) in SIZES {
            let (_dir, root) = temp_library();
            let mut tui = tui_on(&root, width, height);
            let index = select_card(&mut tui.app, "pivot-chart-slicers");
            assert!(tui.app.library.cards[index].is_own());
            tui.draw().unwrap();
            tui.type_keys(keys).unwrap();
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), text_of(&tui));
        }
    }
    drop(root);
}

#[test]
fn a_tick_on_an_own_card_changes_the_figure_and_saves_the_card() {
    let (_dir, root) = temp_library();
    let mut app = app_on(&root, 80, 24);
    let index = select_card(&mut app, "pivot-chart-slicers");
    let before = app.card_readiness(index).unwrap();
    assert_eq!(app.update(command(Command::Checklist)), vec![]);
    assert_eq!(app.context(), Context::Checklist);
    let effects = app.update(command(Command::Tick));
    let after = app.card_readiness(index).unwrap();
    assert_eq!(after.done, before.done + 1, "{before:?} -> {after:?}");
    assert_eq!(after.total, before.total);
    match effects.as_slice() {
        [Effect::SaveCard(save)] => {
            assert_eq!(save.card.path, app.library.cards[index].path);
            assert!(save.new.ready.iter().any(|r| r == "outcome"));
        }
        other => panic!("expected one card save: {other:?}"),
    }
    // Ticking again unticks.
    app.update(command(Command::Tick));
    assert_eq!(app.card_readiness(index).unwrap(), before);
    assert_eq!(checklist_screen(&app).selected, 0);
}

#[test]
fn a_tick_on_a_pack_card_saves_the_personal_state_never_the_pack() {
    let (_dir, root) = temp_library();
    let mut app = app_on(&root, 80, 24);
    let index = select_card(&mut app, "waterfall-chart");
    assert!(!app.library.cards[index].is_own());
    app.update(command(Command::Checklist));
    let effects = app.update(command(Command::Tick));
    match effects.as_slice() {
        [Effect::SaveReadiness(save)] => {
            assert_eq!(save.0.path(), root.join(STATE_FILE));
            assert!(save.0.render().contains("outcome"), "{}", save.0.render());
        }
        other => panic!("expected the state save: {other:?}"),
    }
    assert_eq!(app.card_readiness(index).unwrap().done, 1);
}

#[test]
fn an_answer_is_applied_ticks_its_item_and_saves() {
    let (_dir, root) = temp_library();
    let mut app = app_on(&root, 80, 24);
    let index = select_card(&mut app, "pivot-chart-slicers");
    app.update(command(Command::Checklist));
    // Timing is the seventh default item.
    for _ in 0..6 {
        app.update(command(Command::Down));
    }
    app.update(command(Command::MakeConcrete));
    assert_eq!(app.context(), Context::Answer);
    app.update(Action::Edit(TextEdit::Clear));
    for c in "1h30".chars() {
        app.update(Action::Edit(TextEdit::Insert(c)));
    }
    let effects = app.update(command(Command::SaveAnswer));
    assert!(app.popups.is_empty());
    match effects.as_slice() {
        [Effect::SaveCard(save)] => {
            assert_eq!(save.new.duration.map(|m| m.get()), Some(90));
            assert!(save.new.ready.iter().any(|r| r == "timing"));
        }
        other => panic!("expected one card save: {other:?}"),
    }
    let checklist = app.checklist_of(index).unwrap();
    assert!(
        checklist
            .entry(ItemId::Default(DefaultItem::Timing))
            .unwrap()
            .done
    );
}

#[test]
fn a_bad_answer_keeps_the_window_and_says_why() {
    let (_dir, root) = temp_library();
    let mut app = app_on(&root, 80, 24);
    select_card(&mut app, "pivot-chart-slicers");
    app.update(command(Command::Checklist));
    app.update(command(Command::MakeConcrete));
    let effects = app.update(command(Command::SaveAnswer));
    assert_eq!(effects, vec![]);
    match app.popups.last() {
        Some(Popup::Answer(window)) => {
            assert_eq!(window.error.as_deref(), Some("the answer is empty"))
        }
        other => panic!("the window should stay: {other:?}"),
    }
}

#[test]
fn own_items_are_added_moved_and_removed_after_asking() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    let index = select_card(&mut tui.app, "pivot-chart-slicers");
    let own = tui.app.library.cards[index].card.checklist.len();
    tui.type_keys("cAPrint the handout<enter>").unwrap();
    tui.type_keys("AAsk for their export<enter>").unwrap();
    let card = &tui.app.library.cards[index].card;
    assert_eq!(card.checklist.len(), own + 2);
    assert_eq!(card.checklist[own].item, "Print the handout");
    // Go to the first of the new items and move it down.
    while checklist_screen(&tui.app).selected != 7 + own {
        tui.type_keys("j").unwrap();
    }
    tui.type_keys("J").unwrap();
    let card = &tui.app.library.cards[index].card;
    assert_eq!(card.checklist[own + 1].item, "Print the handout");
    assert_eq!(
        checklist_screen(&tui.app).selected,
        8 + own,
        "the selection follows"
    );
    tui.type_keys("x").unwrap();
    assert!(text_of(&tui).contains("x again removes"));
    assert_eq!(tui.app.library.cards[index].card.checklist.len(), own + 2);
    tui.type_keys("x").unwrap();
    assert_eq!(tui.app.library.cards[index].card.checklist.len(), own + 1);
    // What is on disk is what the app shows.
    let text = std::fs::read_to_string(&tui.app.library.cards[index].path).unwrap();
    assert!(text.contains("Ask for their export"));
    assert!(!text.contains("Print the handout"));
}

#[test]
fn the_card_list_shows_readiness_and_it_follows_a_tick() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    let index = select_card(&mut tui.app, "pivot-chart-slicers");
    let before = tui.app.card_readiness(index).unwrap();
    tui.draw().unwrap();
    let figure = format!("{}/{}", before.done, before.total);
    assert!(text_of(&tui).contains(&figure), "{}", text_of(&tui));
    tui.type_keys("c<space><esc>").unwrap();
    let figure = format!("{}/{}", before.done + 1, before.total);
    assert!(text_of(&tui).contains(&figure), "{}", text_of(&tui));
}

#[test]
fn a_tick_changes_one_line_of_the_card_file() {
    let (_dir, root) = temp_library();
    let mut tui = tui_on(&root, 80, 24);
    let index = select_card(&mut tui.app, "pivot-chart-slicers");
    let path = tui.app.library.cards[index].path.clone();
    let before = std::fs::read_to_string(&path).unwrap();
    tui.type_keys("cjj<space>").unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(changed_lines(&before, &after), 1, "{after}");
    // Reading the library again finds the tick.
    let library = load(&root);
    let card = library.cards.iter().find(|c| c.path == path).unwrap();
    assert!(card.card.ready.iter().any(|r| r == "show-it"));
}

/// Lines in `after` that are not in `before` plus lines gone, counted as changed pairs.
fn changed_lines(before: &str, after: &str) -> usize {
    let (a, b): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
    let added = b.iter().filter(|line| !a.contains(line)).count();
    let removed = a.iter().filter(|line| !b.contains(line)).count();
    added.max(removed)
}
