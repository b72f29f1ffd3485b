//! Every pane of the terminal app on a test terminal, at 80x24 and at the smallest supported
//! size, 40x12. Snapshots hold the text; the theme tests below check the styled cells that
//! snapshots cannot see.

mod tui_common;

use ratatui::style::{Color, Modifier};
use skillbook::tui::theme::Theme;
use tui_common::{app, position_of, text_of, tui, tui_of};

const SIZES: [(u16, u16); 2] = [(80, 24), (40, 12)];

/// Each pane, and the keys that reach it from the start.
const PANES: &[(&str, &str)] = &[
    ("library", ""),
    ("sources", "<shift-tab>"),
    ("preview", "jjj<tab>"),
    ("preview_scrolled", "jjj<tab>jjjjj"),
    ("card_view", "jjj<enter>"),
    ("card_view_paged", "jjj<enter><pagedown>"),
    ("card_view_bottom", "jjj<enter>G"),
    ("pack", "<shift-tab>j"),
    ("agenda", "<shift-tab>jj<tab><tab>"),
    ("problems", "<shift-tab>G<tab>"),
    ("search_all", "/"),
    ("search_kloft", "/kloft"),
    ("search_filters", "/tool:excel <25m"),
    ("search_nothing", "/zzzz"),
    ("search_opened", "/kloft<enter>"),
    ("help", "?"),
    ("help_filtered", "?page"),
    ("help_in_search", "/<f1>"),
];

fn screen_after(width: u16, height: u16, theme: &str, keys: &str) -> String {
    let mut tui = tui(width, height, theme);
    tui.type_keys(keys).expect("keys");
    text_of(&tui)
}

#[test]
fn every_pane_at_every_size_in_every_theme() {
    for &(name, keys) in PANES {
        for (width, height) in SIZES {
            let dark = screen_after(width, height, "dark", keys);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), dark);
            // Themes change colours, never text.
            for theme in ["light", "high-contrast"] {
                assert_eq!(
                    screen_after(width, height, theme, keys),
                    dark,
                    "{name} {theme}"
                );
            }
        }
    }
}

#[test]
fn a_message_window() {
    for (width, height) in SIZES {
        let mut app = app(width, height, "dark", true);
        app.show_message(
            "Config file",
            "config.toml:3:1: unknown command \"fly\"\nskillbook runs on the default settings \
             until this is fixed.",
        );
        let tui = tui_of(app);
        insta::assert_snapshot!(format!("message_{width}x{height}"), text_of(&tui));
    }
}

#[test]
fn too_small_terminals_get_a_notice() {
    for (width, height) in [(39, 12), (80, 11), (10, 3)] {
        let tui = tui_of(app(width, height, "dark", true));
        let text = text_of(&tui);
        assert!(text.contains("too small"), "{width}x{height}:\n{text}");
    }
    let tui = tui_of(app(30, 8, "dark", true));
    insta::assert_snapshot!("too_small_30x8", text_of(&tui));
}

#[test]
fn selection_and_headings_take_the_theme_colours() {
    for name in ["dark", "light", "high-contrast"] {
        let theme = Theme::builtin(name).unwrap();
        let mut tui = tui(80, 24, name);
        tui.type_keys("jjj").unwrap();
        let buffer = tui.terminal.backend().buffer();
        let (x, y) = position_of(buffer, "▶ Build a pivot").expect("selected row");
        let selected = buffer[(x + 3, y)].style();
        assert_eq!(selected.bg, Some(theme.palette.selection), "{name}");
        assert_eq!(selected.fg, Some(theme.palette.selection_text), "{name}");
        assert!(selected.add_modifier.contains(Modifier::BOLD));
        // The preview's level-2 heading and inline code, once scrolled into view.
        tui.type_keys("<tab>jjjjjjjjjj").unwrap();
        let buffer = tui.terminal.backend().buffer();
        let (x, y) = position_of(buffer, "Why it matters").expect("heading");
        let heading = buffer[(x, y)].style();
        assert_eq!(heading.fg, Some(theme.palette.heading), "{name}");
        assert!(heading.add_modifier.contains(Modifier::BOLD));
        tui.type_keys("<enter><pagedown>").unwrap();
        let buffer = tui.terminal.backend().buffer();
        let (x, y) = position_of(buffer, "Ctrl+T").expect("inline code");
        assert_eq!(
            buffer[(x, y)].style().fg,
            Some(theme.palette.code),
            "{name}"
        );
    }
}

#[test]
fn search_matches_are_highlighted_without_relying_on_colour() {
    for name in ["dark", "light"] {
        let theme = Theme::builtin(name).unwrap();
        let mut tui = tui(80, 24, name);
        tui.type_keys("/kloft").unwrap();
        let buffer = tui.terminal.backend().buffer();
        // The selected hit: matched characters are underlined (its colours are the selection's).
        let (x, y) = position_of(buffer, "Kløften i").expect("hit");
        for offset in 0..7 {
            let underlined = buffer[(x + offset, y)]
                .style()
                .add_modifier
                .contains(Modifier::UNDERLINED);
            assert_eq!(underlined, offset < 5, "{name}: cell {offset}");
        }
        // A hit below the selection shows its match in the highlight colour too.
        tui.type_keys("<ctrl-u>waterfall").unwrap();
        tui.type_keys("<ctrl-u>chart").unwrap();
        let buffer = tui.terminal.backend().buffer();
        let (x, y) = position_of(buffer, "Waterfall chart").expect("second hit");
        let matched: Vec<_> = (x..x + 15)
            .map(|column| buffer[(column, y)].style())
            .filter(|style| style.add_modifier.contains(Modifier::UNDERLINED))
            .collect();
        assert_eq!(matched.len(), 5, "{name}");
        assert!(
            matched
                .iter()
                .all(|style| style.fg == Some(theme.palette.highlight))
        );
    }
}

#[test]
fn without_colour_the_selection_is_reversed_and_no_colour_is_sent() {
    let app = app(80, 24, "dark", false);
    let tui = tui_of(app);
    let buffer = tui.terminal.backend().buffer();
    for cell in &buffer.content {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    let (x, y) = position_of(buffer, "▶ Escapes").expect("selected row");
    assert!(buffer[(x + 3, y)].modifier.contains(Modifier::REVERSED));
    // The focused pane shows it by its title mark and bold, not by colour.
    assert!(text_of(&tui).contains("▸ My cards"));
}

#[test]
fn escape_sequences_in_cards_are_shown_not_obeyed() {
    let tui = tui(80, 24, "dark");
    let buffer = tui.terminal.backend().buffer();
    let text = text_of(&tui);
    assert!(
        text.contains("holds an escape: ␛[2J and a bell ␇"),
        "{text}"
    );
    assert!(
        buffer
            .content
            .iter()
            .all(|cell| !cell.symbol().contains('\u{1b}'))
    );
}
