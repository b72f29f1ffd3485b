//! Shared helpers for the terminal app's tests: the fixture library, apps on a test backend,
//! and reading the screen back as text.

#![allow(dead_code)]

// A test may use two helpers that both bring it: two copies of the same pure functions, and
// the process environment set to the same values by whichever runs first.
#[allow(clippy::duplicate_mod)]
#[path = "../common/home.rs"]
pub mod home;

use std::path::{Path, PathBuf};

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use skillbook::library::{self, Library, PackLocation};
use skillbook::tui::app::App;
use skillbook::tui::keymap::Keymap;
use skillbook::tui::runtime::Tui;
use skillbook::tui::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// The fixture library: own cards (one broken, one with escape sequences), an installed pack
/// and an agenda.
pub fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-library")
}

/// A library without the bundled packs, so screens do not change when the bundled content
/// does.
pub fn without_bundled(mut library: Library) -> Library {
    home::isolate_this_process();
    let bundled: Vec<String> = library
        .packs
        .iter()
        .filter(|pack| pack.location == PackLocation::Bundled)
        .map(|pack| pack.manifest.name.clone())
        .collect();
    library
        .packs
        .retain(|pack| pack.location != PackLocation::Bundled);
    library.cards.retain(|card| {
        card.source
            .pack()
            .is_none_or(|pack| !bundled.iter().any(|b| b == pack))
    });
    library.reindex();
    library
}

pub fn load(root: &Path) -> Library {
    home::isolate_this_process();
    without_bundled(library::load(root))
}

/// A copy of the fixture library in a temporary folder, for tests that change files.
pub fn temp_library() -> (tempfile::TempDir, PathBuf) {
    home::isolate_this_process();
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("library");
    copy_dir(&fixture_root(), &root);
    (dir, root)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read fixture folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// An app on the fixture library with a built-in theme.
pub fn app(width: u16, height: u16, theme: &str, color: bool) -> App {
    home::isolate_this_process();
    let mut theme = Theme::builtin(theme).expect("built-in theme");
    theme.color = color;
    App::new(
        load(&fixture_root()),
        Keymap::defaults(),
        theme,
        width,
        height,
    )
}

/// An app on a test terminal, drawn once.
pub fn tui(width: u16, height: u16, theme: &str) -> Tui<TestBackend> {
    tui_of(app(width, height, theme, true))
}

pub fn tui_of(app: App) -> Tui<TestBackend> {
    home::isolate_this_process();
    let (width, height) = (app.size.width, app.size.height);
    let mut tui = Tui::new(TestBackend::new(width, height), app).expect("test terminal");
    tui.draw().expect("draw");
    tui
}

/// The screen as text, one line per row, wide characters counted once.
pub fn screen_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        let mut line = String::new();
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = symbol.width().saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn text_of(tui: &Tui<TestBackend>) -> String {
    screen_text(tui.terminal.backend().buffer())
}

/// Where `needle` starts on screen, as (column, row).
pub fn position_of(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buffer.area.height {
        let mut row = String::new();
        // The byte offset in `row` where each cell's symbol starts.
        let mut offsets = Vec::new();
        for x in 0..buffer.area.width {
            offsets.push(row.len());
            row.push_str(buffer[(x, y)].symbol());
        }
        if let Some(found) = row.find(needle) {
            let x = offsets.iter().position(|&o| o == found)?;
            return Some((u16::try_from(x).ok()?, y));
        }
    }
    None
}
