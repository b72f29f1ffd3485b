//! #9: the app starts from the library index (lean cards, no bodies held), loads in the
//! background when there is no index yet, never trusts a stale index, and reads a card's body
//! when the preview or the card view shows it.

mod tui_common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use skillbook::library::{self, Library, load_lean};
use skillbook::tui::action::Action;
use skillbook::tui::app::{App, Screen};
use skillbook::tui::command::Command;
use skillbook::tui::keymap::Keymap;
use skillbook::tui::start_loading;
use skillbook::tui::theme::Theme;
use tui_common::{temp_library, text_of, tui_of, without_bundled};

fn index_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("cache/library.index")
}

fn lean(root: &Path, index: &Path) -> Library {
    load_lean(root, Some(index), &|_, _| {})
}

fn ids(library: &Library) -> Vec<String> {
    library
        .cards
        .iter()
        .map(|card| card.qualified_id())
        .collect()
}

fn app_on(library: Library) -> App {
    App::new(
        without_bundled(library),
        Keymap::defaults(),
        Theme::builtin("dark").expect("theme"),
        80,
        24,
    )
}

#[test]
fn the_index_gives_the_same_cards_as_a_full_load_without_bodies() {
    let (dir, root) = temp_library();
    let index = index_in(&dir);
    let full = library::load(&root);
    let cold = lean(&root, &index);
    assert!(index.exists(), "a cold load writes the index");
    let warm = lean(&root, &index);
    assert_eq!(ids(&cold), ids(&full));
    assert_eq!(ids(&warm), ids(&full));
    for (lean_card, full_card) in warm.cards.iter().zip(&full.cards) {
        assert!(lean_card.lean);
        assert!(lean_card.card.body.is_empty());
        assert_eq!(lean_card.card.title, full_card.card.title);
        assert_eq!(lean_card.card.checklist, full_card.card.checklist);
        assert_eq!(lean_card.fingerprint, full_card.fingerprint);
    }
    let counts = |library: &Library| -> Vec<usize> {
        library.packs.iter().map(|pack| pack.card_count).collect()
    };
    assert_eq!(counts(&warm), counts(&full));
    assert_eq!(
        warm.broken.len(),
        full.broken.len(),
        "the broken card is reported"
    );
}

#[test]
fn a_changed_added_or_deleted_card_is_always_seen() {
    let (dir, root) = temp_library();
    let index = index_in(&dir);
    lean(&root, &index);
    let cards = root.join("cards");
    let pivot = cards.join("pivot-chart-slicers.md");
    let text = fs::read_to_string(&pivot).expect("read");
    let changed = text.replacen("title = \"", "title = \"Changed: ", 1);
    fs::write(&pivot, changed).expect("write");
    fs::remove_file(cards.join("linkedin-b2b.md")).expect("delete");
    fs::write(
        cards.join("new-card.md"),
        "+++\ntitle = \"A card added between runs\"\n+++\n\nBody.\n",
    )
    .expect("add");
    let after = lean(&root, &index);
    let titles: Vec<&str> = after.cards.iter().map(|c| c.card.title.as_str()).collect();
    assert!(
        titles.iter().any(|t| t.starts_with("Changed: ")),
        "{titles:?}"
    );
    assert!(titles.contains(&"A card added between runs"), "{titles:?}");
    assert!(!after.cards.iter().any(|c| c.card.id == "linkedin-b2b"));
    assert_eq!(ids(&after), ids(&library::load(&root)));
}

#[test]
fn without_an_index_the_library_arrives_from_the_background() {
    let (dir, root) = temp_library();
    let index = index_in(&dir);
    let (skeleton, background) = start_loading(&root, Some(index.clone()));
    let receiver = background.expect("no index: loads in the background");
    assert!(
        skeleton.cards.iter().all(|card| !card.is_own()),
        "the first frame has what is loaded: no own cards yet"
    );
    let mut app = App::new(
        skeleton,
        Keymap::defaults(),
        Theme::builtin("dark").expect("theme"),
        80,
        24,
    );
    app.loading = Some((0, 0));
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let action = receiver
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the library arrives");
        let done = matches!(action, Action::BackgroundLoaded(_));
        app.update(action);
        if done {
            break;
        }
    }
    assert_eq!(app.loading, None);
    assert_eq!(ids(&app.library), ids(&library::load(&root)));
    assert_eq!(
        app.browser.sources.selected, 0,
        "the app now starts on the own cards, as with the whole library"
    );
    assert!(index.exists(), "the index is written after a cold load");
    let (warm, background) = start_loading(&root, Some(index));
    assert!(background.is_none(), "with an index the app starts from it");
    assert!(warm.cards.iter().any(|card| card.is_own() && card.lean));
}

#[test]
fn the_progress_shows_on_the_first_frame() {
    let (dir, root) = temp_library();
    let (skeleton, _background) = start_loading(&root, Some(index_in(&dir)));
    let mut app = app_on(skeleton);
    app.loading = Some((34_000, 100_000));
    let tui = tui_of(app);
    assert!(
        text_of(&tui).contains("loading 34,000 / 100,000 cards"),
        "{}",
        text_of(&tui)
    );
}

#[test]
fn preview_and_card_view_read_the_body_on_demand() {
    let (dir, root) = temp_library();
    let index = index_in(&dir);
    lean(&root, &index);
    let mut tui = tui_of(app_on(lean(&root, &index)));
    tui.type_keys("/kloft").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Fejl i formler koster tid."), "{screen}");
    tui.type_keys("<enter>").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Fejl i formler koster tid."), "{screen}");
    let kloft = tui
        .app
        .library
        .cards
        .iter()
        .find(|card| card.card.id == "kloft-i-regnearket")
        .expect("card");
    assert!(!kloft.lean, "read whole while shown");
    assert!(kloft.card.body.contains("Fejl i formler"));
    let lean_left = tui
        .app
        .library
        .cards
        .iter()
        .filter(|card| card.lean)
        .count();
    assert!(lean_left > 0, "cards not shown stay lean");
}

#[test]
fn search_finds_words_in_bodies_not_held_in_memory() {
    let (dir, root) = temp_library();
    let index = index_in(&dir);
    lean(&root, &index);
    // The bundled packs stay: the index's body words are by position in the whole library.
    let app = App::new(
        lean(&root, &index),
        Keymap::defaults(),
        Theme::builtin("dark").expect("theme"),
        80,
        24,
    );
    let mut tui = tui_of(app);
    // "koster" is only in the body.
    tui.type_keys("/koster").unwrap();
    let screen = text_of(&tui);
    assert!(screen.contains("Kløften i regnearket"), "{screen}");
    let Some(skillbook::tui::app::Screen::Search(search)) = tui.app.screens.last() else {
        panic!("the search screen");
    };
    assert!(
        search
            .hits
            .iter()
            .any(|hit| hit.tier == skillbook::search::Tier::Body),
        "found through the body words of the index"
    );
}

#[test]
fn a_lean_card_is_never_written() {
    let (dir, root) = temp_library();
    let index = index_in(&dir);
    let mut library = lean(&root, &index);
    let card = library
        .cards
        .iter_mut()
        .find(|card| card.card.id == "pivot-chart-slicers")
        .expect("card");
    let before = fs::read(&card.path).expect("read");
    let mut new = card.card.clone();
    new.title = "Overwritten".into();
    assert!(skillbook::checklist::save_card(card, new).is_err());
    assert_eq!(
        fs::read(&card.path).expect("read"),
        before,
        "file untouched"
    );
}

#[test]
fn deferred_search_echoes_now_and_takes_only_results_for_what_the_box_says() {
    use skillbook::search::{Query, SearchIndex};
    use skillbook::tui::action::TextEdit;
    use skillbook::tui::views::search::SearchScreen;
    let (_dir, root) = temp_library();
    let library = library::load(&root);
    let index = SearchIndex::new(&library.cards);
    let mut screen = SearchScreen::new(&index);
    let before = screen.hits.clone();
    assert_eq!(
        screen.edit_deferred(TextEdit::Insert('k')),
        Some("k".to_string())
    );
    assert_eq!(screen.input.text(), "k", "the prompt echoes at once");
    assert_eq!(screen.hits, before, "the results wait for the worker");
    let stale = index.search(&Query::parse("x"), 500);
    screen.results_arrived("x", stale);
    assert_eq!(screen.hits, before, "results for another query are dropped");
    let fresh = index.search(&Query::parse("k"), 500);
    screen.results_arrived("k", fresh.clone());
    assert_eq!(screen.hits, fresh);
}

#[test]
fn results_matched_on_an_index_since_replaced_are_dropped() {
    let (dir, root) = temp_library();
    let mut app = app_on(lean(&root, &index_in(&dir)));
    app.update(Action::Command(Command::Search));
    let shown = |app: &App| match app.screens.last() {
        Some(Screen::Search(search)) => search.hits.len(),
        _ => panic!("not the search pane"),
    };
    let all = shown(&app);
    assert!(all > 0);
    let current = app.search_index.id();
    app.update(Action::SearchResults {
        text: String::new(),
        index: current + 1,
        hits: Vec::new(),
    });
    assert_eq!(shown(&app), all, "results from another index are not shown");
    app.update(Action::SearchResults {
        text: String::new(),
        index: current,
        hits: Vec::new(),
    });
    assert_eq!(shown(&app), 0, "results from this index are");
}
