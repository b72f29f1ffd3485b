//! Every pane of the app drawn at every size from 1x1 to 120x40 in steps, over libraries made
//! up in the test (wide characters, emoji, long words, tables, code): no panic, and no row
//! wider than the screen.

mod reliability_common;

use std::fmt::Write as _;
use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reliability_common::{PANE_SCRIPTS, app_on, load, write};
use skillbook::tui::action::Action;
use skillbook::tui::event::{Event, script};
use skillbook::tui::runtime::Tui;
use skillbook::tui::view;
use unicode_width::UnicodeWidthStr;

const WIDTHS: [u16; 12] = [1, 2, 5, 10, 20, 39, 40, 41, 60, 80, 119, 120];
const HEIGHTS: [u16; 8] = [1, 2, 5, 11, 12, 13, 24, 40];
const SEEDS: [u64; 3] = [1, 0x5eed, 0xdead_beef];

const WORDS: &[&str] = &[
    "Excel",
    "pivot",
    "表計算",
    "한국어",
    "kløft",
    "👩\u{200d}💻",
    "🇩🇰",
    "e\u{301}",
    "Slack",
    "chart",
    "a",
    "",
    "LinkedIn",
    "naïve",
    "日本語のテキスト",
    "x",
    "slicer",
    "🏳\u{fe0f}\u{200d}🌈",
];

fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn words(state: &mut u64, count: u64) -> String {
    let n = 1 + next(state) % count;
    let mut out = Vec::new();
    for _ in 0..n {
        let word = WORDS[(next(state) % WORDS.len() as u64) as usize];
        if next(state).is_multiple_of(20) {
            out.push(word.repeat(40));
        } else {
            out.push(word.to_string());
        }
    }
    out.join(" ")
}

fn random_card(state: &mut u64) -> String {
    let q = |s: String| s.replace('"', "'");
    let mut out = format!(
        "+++\ntitle = \"{}\"\nsummary = \"{}\"\ntool = \"{}\"\ntags = [\"{}\"]\nduration = {}\n\
         outcomes = [\"{}\"]\n+++\n\n",
        q(words(state, 12)),
        q(words(state, 30)),
        q(words(state, 2)),
        q(words(state, 1)),
        1 + next(state) % 120,
        q(words(state, 10)),
    );
    for _ in 0..next(state) % 8 {
        match next(state) % 5 {
            0 => {
                let _ = write!(out, "## {}\n\n", words(state, 6));
            }
            1 => {
                let _ = write!(out, "- {}\n- {}\n\n", words(state, 9), words(state, 9));
            }
            2 => {
                let _ = write!(out, "```\n{}\n```\n\n", words(state, 20));
            }
            3 => {
                let _ = write!(
                    out,
                    "| {} | {} |\n|---|---|\n| {} | {} |\n\n",
                    words(state, 3),
                    words(state, 3),
                    words(state, 8),
                    words(state, 8)
                );
            }
            _ => {
                let _ = write!(out, "{}\n\n", words(state, 80));
            }
        }
    }
    out
}

/// A library of 0 to 40 own cards, a pack of up to 10 and an agenda, from `seed`.
fn random_library(root: &Path, seed: u64) {
    let mut state = seed;
    for i in 0..next(&mut state) % 41 {
        write(
            &root.join(format!("cards/c{i}.md")),
            &random_card(&mut state),
        );
    }
    let pack = root.join("packs/random");
    write(
        &pack.join("pack.toml"),
        &format!(
            "name = \"random\"\nversion = \"1.0.0\"\ntitle = \"{}\"\n",
            words(&mut state, 10).replace('"', "'")
        ),
    );
    for i in 0..next(&mut state) % 11 {
        write(
            &pack.join(format!("cards/p{i}.md")),
            &random_card(&mut state),
        );
    }
    write(
        &root.join("courses/evenings.toml"),
        "title = \"Evenings 表\"\nrhythm = { weekday = \"tuesday\", start = \"16:00\", minutes = 90 }\n\n[[sessions]]\ndate = 2027-01-12\ntitle = \"First\"\n[[sessions.items]]\ncard = \"c0\"\n[[sessions.items]]\nbreak = 10\n",
    );
    write(
        &root.join("agendas/visit.toml"),
        "title = \"Visit 表\"\ndate = 2026-12-03\nstart = \"09:00\"\nslot = 90\n\n[[items]]\ncard = \"c0\"\n",
    );
}

#[test]
fn every_pane_draws_at_every_size() {
    let mut drawn = 0;
    for seed in SEEDS {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("library");
        random_library(&root, seed);
        let library = load(&root);
        let app = app_on(library, 80, 24, true);
        let start = app.browser.clone();
        let mut tui = Tui::new(TestBackend::new(80, 24), app).expect("terminal");
        for (name, keys) in PANE_SCRIPTS {
            tui.app.browser = start.clone();
            tui.app.screens.clear();
            tui.app.popups.clear();
            tui.app.update(Action::Resize {
                width: 80,
                height: 24,
            });
            for key in script(keys) {
                tui.handle(&Event::Key(key));
            }
            for width in WIDTHS {
                for height in HEIGHTS {
                    let effects = tui.app.update(Action::Resize { width, height });
                    tui.run_effects(effects);
                    let mut terminal =
                        Terminal::new(TestBackend::new(width, height)).expect("terminal");
                    let frame = terminal
                        .draw(|frame| view::render(&tui.app, frame))
                        .expect("draw");
                    let text = screen_rows(frame.buffer);
                    for row in text {
                        assert!(
                            row.width() <= usize::from(width),
                            "seed {seed}, {name} at {width}x{height}: {row:?}"
                        );
                    }
                    drawn += 1;
                }
            }
        }
    }
    assert_eq!(
        drawn,
        SEEDS.len() * PANE_SCRIPTS.len() * WIDTHS.len() * HEIGHTS.len()
    );
}

/// Keys typed while the terminal is tiny, then a resize to a usable size: no panic.
#[test]
fn keys_at_tiny_sizes_then_a_resize() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("library");
    random_library(&root, 7);
    let library = load(&root);
    for (width, height) in [(1, 1), (2, 5), (20, 2), (39, 11), (40, 11), (39, 12)] {
        let app = app_on(library.clone(), width, height, true);
        let mut tui = Tui::new(TestBackend::new(width, height), app).expect("terminal");
        tui.type_keys("jj<tab>G<enter>/表<enter>?x<esc><esc><esc>k")
            .expect("keys");
        tui.terminal.backend_mut().resize(80, 24);
        tui.handle(&Event::Resize {
            width: 80,
            height: 24,
        });
        tui.draw().expect("draw");
    }
}

fn screen_rows(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..buffer.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = symbol.width().saturating_sub(1);
                row.push_str(symbol);
            }
            row
        })
        .collect()
}

/// The panes that open on a file of their own, each reached by its keys and then drawn at
/// every size: the agenda builder, its prep list and run mode, the course planner, and the
/// card editor (on a card the script writes).
#[test]
fn the_builder_prep_run_planner_and_editor_draw_at_every_size() {
    use skillbook::tui::app::Screen;
    // The keys that reach a pane, and how to tell it was reached.
    type Reached = fn(&Screen) -> bool;
    let scripts: [(&str, &str, Reached); 5] = [
        ("builder", "hhGkl<enter>", |s| {
            matches!(s, Screen::Builder(_))
        }),
        ("prep list", "hhGkl<enter>r", |s| {
            matches!(s, Screen::Prep(_))
        }),
        ("run mode", "hhGkl<enter>R", |s| matches!(s, Screen::Run(_))),
        ("course planner", "hhGl<enter>", |s| {
            matches!(s, Screen::Course(_))
        }),
        ("editor", "hhlnSized card<enter>", |s| {
            matches!(s, Screen::Editor(_))
        }),
    ];
    let mut drawn = 0;
    for seed in SEEDS {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("library");
        random_library(&root, seed);
        for (name, keys, reached) in scripts {
            let app = app_on(load(&root), 80, 24, true);
            let mut tui = Tui::new(TestBackend::new(80, 24), app).expect("terminal");
            for key in script(keys) {
                tui.handle(&Event::Key(key));
            }
            let top = tui.app.screens.last();
            assert!(
                top.is_some_and(reached),
                "seed {seed}: {name} not reached: {top:?}"
            );
            for width in WIDTHS {
                for height in HEIGHTS {
                    let effects = tui.app.update(Action::Resize { width, height });
                    tui.run_effects(effects);
                    let mut terminal =
                        Terminal::new(TestBackend::new(width, height)).expect("terminal");
                    let frame = terminal
                        .draw(|frame| view::render(&tui.app, frame))
                        .expect("draw");
                    for row in screen_rows(frame.buffer) {
                        assert!(
                            row.width() <= usize::from(width),
                            "seed {seed}, {name} at {width}x{height}: {row:?}"
                        );
                    }
                    drawn += 1;
                }
            }
        }
    }
    assert_eq!(drawn, SEEDS.len() * 5 * WIDTHS.len() * HEIGHTS.len());
}
