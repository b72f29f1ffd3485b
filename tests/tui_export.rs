//! The export window over the agenda builder: at 80x24 and 40x12, and its format choice.

mod tui_common;

use skillbook::tui::app::{App, Popup};
use skillbook::tui::keymap::Keymap;
use skillbook::tui::theme::Theme;
use tui_common::{load, temp_library, text_of, tui_of};

#[test]
fn the_export_window_at_both_sizes() {
    for (width, height) in [(80, 24), (40, 12)] {
        let (_dir, root) = temp_library();
        let app = App::new(
            load(&root),
            Keymap::defaults(),
            Theme::builtin("dark").unwrap(),
            width,
            height,
        );
        let mut tui = tui_of(app);
        tui.type_keys("<shift-tab>Gkk<tab><enter>X<right>").unwrap();
        assert!(matches!(tui.app.popups.last(), Some(Popup::Export(_))));
        insta::assert_snapshot!(format!("export_window_{width}x{height}"), text_of(&tui));
        // The calendar has one format: the window says so.
        tui.type_keys("kk").unwrap();
        assert!(
            text_of(&tui).contains("Format: one only"),
            "{}",
            text_of(&tui)
        );
        tui.type_keys("<esc>").unwrap();
        assert!(tui.app.popups.is_empty());
        assert!(!root.join("exports").exists());
    }
}
