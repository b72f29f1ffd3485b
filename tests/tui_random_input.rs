//! Random input to the app, beyond the key list in tui_flow.rs: any key with ctrl, alt or shift,
//! typed characters (wide ones too), mouse clicks and wheel turns anywhere, and resizes down to
//! 1x1, on a temporary copy of the fixture library with the runtime running effects for real.
//! No panic, every selection inside its list, and no file under the library changed unless a
//! key bound to a saving command was pressed.

mod reliability_common;
mod tui_common;

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use reliability_common::tree_hash;
use skillbook::tui::app::{App, Screen};
use skillbook::tui::event::{Event, Key, KeyPress, MouseInput, MousePoint};
use skillbook::tui::runtime::Tui;
use skillbook::tui::{TuiOptions, build_app};
use tui_common::{load, temp_library};

/// Keys, weighted towards the bound ones. `q` is left to `any::<char>()`: it quits, which ends
/// the sequence, so it comes rarely.
fn key_strategy() -> impl Strategy<Value = Key> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'j', 'k', 'g', 'G', 'h', 'l', '/', '?', 'r', 'x', ' ', 'a', 'e', 'E', 's',
            '表', '👍', 'ø',
        ])
        .prop_map(Key::Char),
        1 => any::<char>().prop_map(Key::Char),
        4 => prop::sample::select(vec![
            Key::Enter, Key::Esc, Key::Tab, Key::BackTab, Key::Backspace, Key::Delete,
            Key::Insert, Key::Up, Key::Down, Key::Left, Key::Right, Key::Home, Key::End,
            Key::PageUp, Key::PageDown, Key::F(1), Key::F(5),
        ]),
    ]
}

fn event_strategy() -> impl Strategy<Value = Event> {
    let point = (0u16..130, 0u16..50).prop_map(|(column, row)| MousePoint { column, row });
    prop_oneof![
        12 => (key_strategy(), prop::bool::weighted(0.15), prop::bool::weighted(0.05), any::<bool>())
            .prop_map(|(key, ctrl, alt, shift)| Event::Key(KeyPress { key, ctrl, alt, shift })),
        2 => point.clone().prop_map(|at| Event::Mouse(MouseInput::Click(at))),
        1 => point.clone().prop_map(|at| Event::Mouse(MouseInput::ScrollUp(at))),
        1 => point.prop_map(|at| Event::Mouse(MouseInput::ScrollDown(at))),
        1 => (1u16..130, 1u16..50).prop_map(|(width, height)| Event::Resize { width, height }),
    ]
}

/// Whether this event, in the app's state now, runs a command that writes by design. Typed
/// text answered with Enter (a path to install from, a y to confirm) counts as well, since the
/// command it confirms was pressed first.
fn saves(app: &App, event: &Event) -> bool {
    let Event::Key(key) = event else {
        return false;
    };
    app.keymap
        .resolve(*key, app.context())
        .is_some_and(|command| command.writes())
}

/// Every selection is inside its list.
fn check_bounds(app: &App) -> Result<(), TestCaseError> {
    let sources = skillbook::tui::views::sources::sources(&app.library).len();
    prop_assert!(app.browser.sources.selected < sources.max(1));
    let entries = app.browser.entry_count(&app.library);
    prop_assert!(app.browser.list.selected < entries.max(1));
    for screen in &app.screens {
        match screen {
            Screen::Search(search) => {
                prop_assert!(search.list.selected < search.hits.len().max(1));
            }
            Screen::Card(card) => {
                if let skillbook::tui::views::preview::Subject::Card(index) = card.subject {
                    prop_assert!(index < app.library.cards.len());
                }
            }
            // The agenda builder, run mode, pack browser and checklist keep their own bounds
            // (their update tests check them); here they must only not panic.
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Up to 120 random events per case, 64 cases: several thousand events in all.
    #[test]
    fn random_input_keeps_the_app_sound_and_the_files_unchanged(
        events in prop::collection::vec(event_strategy(), 1..120),
        width in 1u16..130,
        height in 1u16..50,
    ) {
        // A random `E` runs the user's editor: here one that changes nothing and exits.
        // SAFETY: the only test in this binary; nothing reads the environment concurrently.
        unsafe {
            std::env::set_var("VISUAL", "true");
            std::env::set_var("EDITOR", "true");
        }
        let (_dir, root) = temp_library();
        let before = tree_hash(&root);
        let config = tempfile::tempdir().expect("config dir");
        let app = build_app(load(&root), &TuiOptions::default(), Some(config.path()), true, width, height);
        let mut tui = Tui::new(TestBackend::new(width, height), app).expect("terminal");
        tui.draw().expect("draw");
        let mut saved = false;
        for event in &events {
            saved |= saves(&tui.app, event);
            if let Event::Resize { width, height } = *event {
                tui.terminal.backend_mut().resize(width, height);
            }
            tui.handle(event);
            tui.draw().expect("draw");
            check_bounds(&tui.app)?;
            if !tui.app.is_running() {
                break;
            }
        }
        if !saved {
            prop_assert_eq!(before, tree_hash(&root), "a file changed with no save key pressed");
        }
    }
}
