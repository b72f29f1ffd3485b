//! Hostile text in every field of cards, pack manifests and an agenda, shown through every pane
//! of the app and every command: what reaches the terminal is text and skillbook's own styling,
//! never an escape sequence a stranger wrote, and the layout stays inside its area.
//!
//! The app is checked twice: on ratatui's TestBackend (the cells hold no control character and
//! no row is wider than the screen) and through the real crossterm backend writing into a byte
//! buffer, whose bytes are parsed as a terminal would parse them.

mod reliability_common;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};
use reliability_common::{
    PANE_SCRIPTS, app_on, around, hostile_strings, is_forbidden, load, write_hostile_library,
};
use skillbook::tui::app::App;
use skillbook::tui::event::{Event, script};
use skillbook::tui::runtime::Tui;
use skillbook::tui::view;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

fn hostile_root() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("library");
    write_hostile_library(&root);
    (dir, root)
}

/// Calls `check` on every app state the tests look at: each pane script, and a message window
/// holding each hostile string, at each size.
fn for_each_state(root: &std::path::Path, color: bool, mut check: impl FnMut(&str, &App)) {
    let library = load(root);
    for (width, height) in SIZES {
        let app = app_on(library.clone(), width, height, color);
        let start = app.browser.clone();
        let mut tui = Tui::new(TestBackend::new(width, height), app).expect("terminal");
        for (name, keys) in PANE_SCRIPTS {
            // Back to the start: one app per size, since building one indexes the hostile
            // library for search, which is slow on this text.
            tui.app.browser = start.clone();
            tui.app.screens.clear();
            tui.app.popups.clear();
            // Only the state matters here: the check draws it once.
            for key in script(keys) {
                tui.handle(&Event::Key(key));
            }
            check(&format!("{name} at {width}x{height}"), &tui.app);
        }
        tui.app.screens.clear();
        for (name, text) in hostile_strings() {
            tui.app.popups.clear();
            tui.app.show_message(text.clone(), text.clone());
            check(&format!("message {name} at {width}x{height}"), &tui.app);
        }
    }
}

/// The pane scripts reach the panes they are named for.
#[test]
fn the_pane_scripts_reach_their_panes() {
    use skillbook::tui::app::Screen;
    use skillbook::tui::command::Context;
    use skillbook::tui::views::preview::Subject;
    let (_dir, root) = hostile_root();
    let mut seen = Vec::new();
    for_each_state(&root, true, |name, app| {
        if !name.ends_with("80x24") || name.starts_with("message") {
            return;
        }
        let context = app.context();
        let shown = match app.screens.last() {
            Some(Screen::Card(card)) => Some(card.subject.clone()),
            _ => app.browser.subject(&app.library),
        };
        let expected = match name.trim_end_matches(" at 80x24") {
            "sources" => context == Context::Sources,
            "card list" => context == Context::Cards,
            "preview" | "preview scrolled" => context == Context::Preview,
            "card full screen" | "card full screen end" | "search opened" => {
                context == Context::CardView
            }
            "pack source" | "pack card" => matches!(
                &shown,
                Some(Subject::Card(i)) if app.library.cards[*i].source.pack().is_some()
            ),
            "agenda file" | "agenda full screen" => matches!(&shown, Some(Subject::File(_))),
            "search empty" | "search typed" => context == Context::Search,
            "help" | "help filtered" => context == Context::Help,
            "checklist" => context == Context::Checklist,
            "offer" => context == Context::Offer,
            "pack browser" => context == Context::PackList,
            "new agenda" => context == Context::NewAgenda,
            "duplicate question" => context == Context::Editor,
            other => panic!("no expectation for {other}"),
        };
        assert!(expected, "{name}: {context:?}, {shown:?}");
        seen.push(name.to_string());
    });
    assert_eq!(seen.len(), PANE_SCRIPTS.len());
}

#[test]
fn the_hostile_library_loads_its_cards_and_packs() {
    let (_dir, root) = hostile_root();
    let library = load(&root);
    let count = hostile_strings().len();
    let problems: Vec<String> = library.load_problems().map(|p| p.to_string()).collect();
    // Every hostile card loads: the text is odd, the TOML is valid.
    assert_eq!(library.cards.len(), 2 * count, "{problems:#?}");
    assert_eq!(library.packs.len(), count);
}

/// What a terminal would make of `bytes`: every escape sequence, or the first thing that is
/// not text and not a sequence skillbook's own drawing sends.
fn check_terminal_bytes(name: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: not UTF-8: {e}"));
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '\x1b' {
            assert!(
                !is_forbidden(c),
                "{name}: raw {c:?} at byte {at}: {:?}",
                around(text, at)
            );
            continue;
        }
        // Only CSI sequences: ESC [ params intermediates final.
        let Some((_, '[')) = chars.next() else {
            panic!(
                "{name}: an escape that is not CSI at byte {at}: {:?}",
                around(text, at)
            );
        };
        let mut params = String::new();
        let final_byte = loop {
            match chars.next() {
                Some((_, c @ '\x30'..='\x3f')) | Some((_, c @ '\x20'..='\x2f')) => params.push(c),
                Some((_, c @ '\x40'..='\x7e')) => break c,
                other => panic!("{name}: a broken CSI at byte {at}: {other:?}"),
            }
        };
        let allowed = match final_byte {
            // SGR: colours and bold/italic/underline.
            'm' => params
                .chars()
                .all(|c| c.is_ascii_digit() || c == ';' || c == ':'),
            // Cursor position, moves, erase in display/line.
            'H' | 'f' | 'A' | 'B' | 'C' | 'D' | 'G' | 'J' | 'K' => {
                params.chars().all(|c| c.is_ascii_digit() || c == ';')
            }
            // Cursor show/hide only.
            'h' | 'l' => params == "?25",
            _ => false,
        };
        assert!(
            allowed,
            "{name}: CSI {params:?} {final_byte:?} is not skillbook's own styling"
        );
    }
}

/// A writer whose bytes stay readable after the backend took it (the backend's own accessor
/// is unstable in ratatui).
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Checks one drawn screen: no cell holds a control or bidi character, and no row is wider
/// than the screen.
fn check_cells(name: &str, buffer: &Buffer) {
    let (width, height) = (buffer.area.width, buffer.area.height);
    for y in 0..height {
        let mut row_width = 0;
        let mut skip = 0;
        for x in 0..width {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(is_forbidden),
                "{name}: cell ({x},{y}) holds {symbol:?}"
            );
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let w = symbol.width();
            skip = w.saturating_sub(1);
            row_width += w.max(1);
        }
        assert!(
            row_width <= usize::from(width),
            "{name}: row {y} is {row_width} cells wide"
        );
    }
}

/// Each state is drawn once through the real crossterm backend into a byte buffer: the cells
/// ratatui kept and the bytes it sent are both checked, in colour and with `NO_COLOR`.
#[test]
fn every_pane_shows_hostile_text_as_text_inside_the_screen() {
    let (_dir, root) = hostile_root();
    let mut checked = 0;
    for color in [true, false] {
        for_each_state(&root, color, |name, app| {
            let name = format!("{name} (colour {color})");
            let area = Rect::new(0, 0, app.size.width, app.size.height);
            let sink = Sink::default();
            let backend = CrosstermBackend::new(sink.clone());
            let mut terminal = Terminal::with_options(
                backend,
                TerminalOptions {
                    viewport: Viewport::Fixed(area),
                },
            )
            .expect("terminal");
            let frame = terminal
                .draw(|frame| view::render(app, frame))
                .expect("draw");
            check_cells(&name, frame.buffer);
            let bytes = sink.0.borrow().clone();
            assert!(!bytes.is_empty(), "{name}: nothing drawn");
            check_terminal_bytes(&name, &bytes);
            checked += 1;
        });
    }
    assert_eq!(
        checked,
        2 * SIZES.len() * (PANE_SCRIPTS.len() + hostile_strings().len())
    );
}

#[test]
fn the_byte_checker_catches_what_it_should() {
    for bad in [
        &b"\x1b]52;c;eA==\x07"[..],
        b"\x1b]0;t\x07",
        b"\x1b[21t",
        b"\x1bP+q\x1b\\",
        "\u{9b}2J".as_bytes(),
        "a\u{202e}b".as_bytes(),
        b"\x08",
        b"\r",
        b"\x1b[6n",
    ] {
        let caught = std::panic::catch_unwind(|| check_terminal_bytes("probe", bad));
        assert!(caught.is_err(), "{:?} passed", String::from_utf8_lossy(bad));
    }
    check_terminal_bytes("own", b"\x1b[1;1H\x1b[38;5;12mok\x1b[0m\x1b[2J\x1b[?25l");
}

/// The panes that open on a file: an agenda with a hostile string in its fields and notes,
/// naming a hostile card, in the builder (with its log and export windows), its prep list and
/// run mode; a course with hostile text in the course planner; a merge conflict beside the
/// hostile card in the conflict view; and the hostile card in the editor. Each is drawn
/// through the real crossterm backend and checked as the panes above are.
#[test]
fn plan_panes_show_hostile_text_as_text_inside_the_screen() {
    use reliability_common::{toml_string, write};
    use skillbook::tui::app::Screen;
    let (_dir, root) = hostile_root();
    let strings = hostile_strings();
    // One short agenda per hostile string, so each opens on a plan the parser accepts.
    for (i, (_, text)) in strings.iter().enumerate() {
        let s = toml_string(text);
        write(
            &root.join(format!("agendas/a{i:02}.toml")),
            &format!(
                "title = {s}\ndate = 2026-12-03\nstart = \"09:00\"\nslot = 60\nplace = {s}\n\
                 [[items]]\ncard = \"hostile-{i:02}\"\nnote = {s}\n\n[[items]]\ntitle = {s}\n\
                 minutes = 5\n"
            ),
        );
        // A merge conflict a pack update left beside the hostile card, hostile on both sides.
        write(
            &root.join(format!("cards/hostile-{i:02}.conflict.md")),
            &format!(
                "+++\ntitle = {s}\n+++\n<<<<<<< yours (hostile-{i:02}.md)\n{text}\n=======\n\
                 {text} (upstream)\n>>>>>>> pack-{i:02} 1.1.0\n"
            ),
        );
        write(
            &root.join(format!("courses/c{i:02}.toml")),
            &format!(
                "title = {s}\nrhythm = {{ weekday = \"tuesday\", start = \"16:00\", minutes = 90 }}\n\n\
                 [[sessions]]\ndate = 2027-01-12\ntitle = {s}\n[[sessions.items]]\n\
                 card = \"hostile-{i:02}\"\n"
            ),
        );
    }
    // How to tell that a pane was reached.
    type Reached = fn(&Screen) -> bool;
    let library = load(&root);
    let mut checked = 0;
    // One app per size (building one indexes the hostile library, which is slow on this
    // text); each plan is opened on it in turn.
    for (width, height) in SIZES {
        let app = app_on(library.clone(), width, height, true);
        let mut tui = Tui::new(TestBackend::new(width, height), app).expect("terminal");
        for (i, (label, _)) in strings.iter().enumerate() {
            let agenda = root.join(format!("agendas/a{i:02}.toml"));
            let course = root.join(format!("courses/c{i:02}.toml"));
            let states: [(&str, &std::path::Path, &str, Reached); 6] = [
                ("builder", &agenda, "", |s| matches!(s, Screen::Builder(_))),
                // The session log and the export window, over the builder.
                ("log window", &agenda, "L", |s| {
                    matches!(s, Screen::Builder(_))
                }),
                ("export window", &agenda, "X", |s| {
                    matches!(s, Screen::Builder(_))
                }),
                ("prep list", &agenda, "r", |s| matches!(s, Screen::Prep(_))),
                ("run mode", &agenda, "R", |s| matches!(s, Screen::Run(_))),
                ("course planner", &course, "", |s| {
                    matches!(s, Screen::Course(_))
                }),
            ];
            for (pane, path, keys, reached) in states {
                tui.app.screens.clear();
                tui.app.popups.clear();
                let open = skillbook::tui::effect::Effect::OpenAgenda(path.to_path_buf());
                tui.run_effects(vec![open]);
                for key in script(keys) {
                    tui.handle(&Event::Key(key));
                }
                let name = format!("{pane} with {label} at {width}x{height}");
                let top = tui.app.screens.last();
                assert!(top.is_some_and(reached), "{name}: not reached, {top:?}");
                if pane.ends_with("window") {
                    assert!(!tui.app.popups.is_empty(), "{name}: no window open");
                }
                let area = Rect::new(0, 0, width, height);
                let sink = Sink::default();
                let mut terminal = Terminal::with_options(
                    CrosstermBackend::new(sink.clone()),
                    TerminalOptions {
                        viewport: Viewport::Fixed(area),
                    },
                )
                .expect("terminal");
                let frame = terminal
                    .draw(|frame| view::render(&tui.app, frame))
                    .expect("draw");
                check_cells(&name, frame.buffer);
                check_terminal_bytes(&name, &sink.0.borrow());
                checked += 1;
            }
            // The merge conflict beside the hostile card, side by side.
            tui.app.screens.clear();
            tui.app.popups.clear();
            let conflict = root.join(format!("cards/hostile-{i:02}.conflict.md"));
            let screen = skillbook::tui::views::conflict::ConflictScreen::new(conflict.clone());
            assert!(
                screen.conflict(&tui.app.library).is_some(),
                "{label}: the library has the conflict"
            );
            tui.app.screens.push(Screen::Conflict(Box::new(screen)));
            let name = format!("conflict view with {label} at {width}x{height}");
            let sink = Sink::default();
            let mut terminal = Terminal::with_options(
                CrosstermBackend::new(sink.clone()),
                TerminalOptions {
                    viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
                },
            )
            .expect("terminal");
            let frame = terminal
                .draw(|frame| view::render(&tui.app, frame))
                .expect("draw");
            check_cells(&name, frame.buffer);
            check_terminal_bytes(&name, &sink.0.borrow());
            checked += 1;
            // The card editor on the hostile card: it opens, or (for text it cannot show as
            // it is) says to use the external editor; either way nothing escapes.
            tui.app.screens.clear();
            tui.app.popups.clear();
            let opened = skillbook::tui::editor::effects::run(
                skillbook::tui::editor::effects::EditEffect::Open {
                    path: root.join(format!("cards/hostile-{i:02}.md")),
                    start: None,
                },
            );
            // Only the editor's state matters: the library reload it asks for is left out
            // (indexing the hostile library again for every card would be slow).
            let _reload = tui
                .app
                .update(skillbook::tui::action::Action::Editing(opened));
            let name = format!("editor with {label} at {width}x{height}");
            let editing = matches!(tui.app.screens.last(), Some(Screen::Editor(_)));
            assert!(editing || !tui.app.popups.is_empty(), "{name}: neither");
            let sink = Sink::default();
            let mut terminal = Terminal::with_options(
                CrosstermBackend::new(sink.clone()),
                TerminalOptions {
                    viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
                },
            )
            .expect("terminal");
            let frame = terminal
                .draw(|frame| view::render(&tui.app, frame))
                .expect("draw");
            check_cells(&name, frame.buffer);
            check_terminal_bytes(&name, &sink.0.borrow());
            checked += 1;
        }
    }
    assert_eq!(checked, strings.len() * 8 * SIZES.len());
}
