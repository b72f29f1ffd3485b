//! Shared pieces of the reliability tests: the table of hostile strings, libraries built from
//! them (or from random text) in a temporary folder, the ways to reach every pane of the app,
//! and a hash of a folder tree to tell that nothing was written.

#![allow(dead_code)]

// A test may use two helpers that both bring it: two copies of the same pure functions, and
// the process environment set to the same values by whichever runs first.
#[allow(clippy::duplicate_mod)]
#[path = "../common/home.rs"]
pub mod home;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use skillbook::library::{self, Library};
use skillbook::tui::app::App;
use skillbook::tui::keymap::Keymap;
use skillbook::tui::theme::Theme;

/// Strings a card or pack from a stranger may hold, each meant to make a terminal do something
/// other than show text, or to break the layout.
pub fn hostile_strings() -> Vec<(&'static str, String)> {
    vec![
        ("osc52 clipboard write", "copy\x1b]52;c;cm0gLXJmIH4=\x07me".into()),
        ("osc52 st-terminated", "\x1b]52;p;SGVsbG8=\x1b\\".into()),
        ("title set", "\x1b]0;pwned title\x07after".into()),
        ("title report", "ask\x1b[21tback".into()),
        ("screen clear", "\x1b[2J\x1b[Hcleared".into()),
        ("sgr and cursor", "\x1b[31;1mred\x1b[0m\x1b[10;10Hmoved\x1b[6n".into()),
        (
            "osc8 hyperlink",
            "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\".into(),
        ),
        ("dcs", "\x1bP+q544e\x1b\\tail".into()),
        ("c1 csi", "\u{9b}31mred\u{9b}0m".into()),
        ("c1 osc and st", "\u{9d}0;c1 title\u{9c}\u{90}dcs\u{9c}".into()),
        ("bidi override", "invoice\u{202e}fdp.exe\u{202c}".into()),
        ("bidi isolates", "\u{2066}left\u{2067}right\u{2068}first\u{2069}".into()),
        ("bidi marks", "a\u{200e}b\u{200f}c\u{061c}d\u{202a}e\u{202b}f\u{202d}g".into()),
        ("backspaces", "safe\x08\x08\x08\x08evil".into()),
        ("carriage return", "shown\rhidden over it".into()),
        ("nul and bell", "a\0b\x07c\x7fd".into()),
        ("tabs and newlines", "one\ttwo\nthree\r\nfour".into()),
        ("very long line", "x".repeat(10_000)),
        ("very long words", "word ".repeat(2_000)),
        (
            "zero width",
            "a\u{200b}b\u{200c}c\u{200d}d\u{2060}e\u{feff}f".into(),
        ),
        (
            "combining marks",
            "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308} Z\u{337}\u{322}\u{353}\u{33c}"
                .repeat(20),
        ),
        ("wide cjk", "表計算の基本と応用、한국어テキスト".repeat(40)),
        (
            "emoji zwj",
            "👩\u{200d}💻 👨\u{200d}👩\u{200d}👧\u{200d}👦 🏳\u{fe0f}\u{200d}🌈 🇩🇰 👍🏽".repeat(30),
        ),
        (
            "everything at once",
            "\x1b]52;c;eA==\x07表\u{9b}2J\u{202e}é\u{301}\x08\r\0👩\u{200d}💻\x1b[21t".into(),
        ),
    ]
}

/// Whether a character must never reach the terminal raw: C0 and C1 controls, DEL, and the
/// Unicode bidi controls.
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// A TOML basic string holding `text` exactly: controls and bidi marks as `\u` escapes.
pub fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if is_forbidden(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A card whose every field holds `text`.
pub fn hostile_card(text: &str) -> String {
    let s = toml_string(text);
    format!(
        "+++\ntitle = {s}\nsummary = {s}\ntool = {s}\ntags = [{s}, \"plain\"]\n\
         level = \"beginner\"\nduration = 15\naudience = [{s}]\noutcomes = [{s}]\n\
         requires = [{s}]\nmaterials = [{s}]\nlinks = [{s}]\nauthor = {s}\n\
         [[checklist]]\nitem = {s}\ndone = false\n\
         [[checklist]]\nitem = {s}\ndone = true\n+++\n\n\
         # {text}\n\n## Why it matters\n\n{text}\n\n## Show it\n\n1. {text}\n2. `{text}`\n\n\
         ```\n{text}\n```\n\n## Try it\n\n- [ ] {text}\n\n| {text} | b |\n|---|---|\n| {text} | c |\n\n\
         ## Pitfalls\n\n> {text}\n\n## Leave behind\n\n[{text}](https://example.org/{text})\n"
    )
}

/// A pack manifest whose text fields hold `text`.
pub fn hostile_manifest(name: &str, text: &str) -> String {
    let s = toml_string(text);
    format!(
        "name = \"{name}\"\nversion = \"1.0.0\"\ntitle = {s}\ndescription = {s}\nauthor = {s}\n\
         license = {s}\nlang = \"en\"\nhomepage = {s}\n"
    )
}

/// An agenda naming hostile cards, with hostile text in its own fields.
pub fn hostile_agenda(text: &str, cards: &[String]) -> String {
    let s = toml_string(text);
    let mut out = format!(
        "title = {s}\ndate = 2026-12-03\nstart = \"09:00\"\nslot = 600\nplace = {s}\n\
         goals = [{s}]\nabout = {s}\noffer = {s}\nask = {s}\n"
    );
    for card in cards {
        let _ = write!(out, "\n[[items]]\ncard = \"{card}\"\nnote = {s}\n");
    }
    let _ = write!(out, "\n[[items]]\ntitle = {s}\nminutes = 5\n");
    out
}

/// A library in `root` with one own card per hostile string, an installed pack per hostile
/// string whose manifest and card hold it, and an agenda over all of them.
pub fn write_hostile_library(root: &Path) {
    home::isolate_this_process();
    let strings = hostile_strings();
    let mut ids = Vec::new();
    for (i, (_, text)) in strings.iter().enumerate() {
        let id = format!("hostile-{i:02}");
        write(&root.join(format!("cards/{id}.md")), &hostile_card(text));
        let pack = format!("pack-{i:02}");
        let folder = root.join(format!("packs/{pack}"));
        write(&folder.join("pack.toml"), &hostile_manifest(&pack, text));
        write(&folder.join("cards/card.md"), &hostile_card(text));
        ids.push(id);
    }
    let all: String = strings.iter().map(|(_, t)| t.as_str()).collect();
    write(
        &root.join("agendas/hostile.toml"),
        &hostile_agenda(&all, &ids),
    );
}

pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("create folder");
    std::fs::write(path, text).expect("write");
}

/// The library at `root` without the bundled packs (they hold no hostile text and only make
/// the lists longer).
pub fn load(root: &Path) -> Library {
    home::isolate_this_process();
    let mut library = library::load(root);
    let bundled: Vec<String> = library
        .packs
        .iter()
        .filter(|pack| pack.location == library::PackLocation::Bundled)
        .map(|pack| pack.manifest.name.clone())
        .collect();
    library
        .packs
        .retain(|pack| pack.location != library::PackLocation::Bundled);
    library.cards.retain(|card| {
        card.source
            .pack()
            .is_none_or(|pack| !bundled.iter().any(|b| b == pack))
    });
    library.reindex();
    library
}

/// An app with default keys on the library at `root`.
pub fn app_on(library: Library, width: u16, height: u16, color: bool) -> App {
    home::isolate_this_process();
    let mut theme = Theme::builtin("dark").expect("built-in theme");
    theme.color = color;
    App::new(library, Keymap::defaults(), theme, width, height)
}

/// Key scripts that lead from the start to each pane and window, named for messages. They
/// start with `hh` (to the sources pane from anywhere) and assume a library with no load
/// problems, so the last source is Courses and the one before it Agendas.
pub const PANE_SCRIPTS: &[(&str, &str)] = &[
    ("sources", "hh"),
    ("card list", "hhl"),
    ("preview", "hhll"),
    ("preview scrolled", "hhljl<pagedown><pagedown>"),
    ("card full screen", "hhl<enter>"),
    ("card full screen end", "hhljj<enter>G"),
    ("pack source", "hhgjl"),
    ("pack card", "hhgjl<enter>"),
    ("agenda file", "hhGkll"),
    ("agenda full screen", "hhGkl<enter>"),
    ("search empty", "/"),
    ("search typed", "/x"),
    ("search opened", "/x<enter>"),
    ("help", "?"),
    ("help filtered", "?/x"),
    // The panes and windows added since: a card's checklist, the offer window, the pack
    // browser, the new-agenda window and the duplicate question (its field holds the title).
    ("checklist", "hhlc"),
    ("offer", "hhlO"),
    ("pack browser", "p"),
    ("new agenda", "N"),
    ("duplicate question", "hhly"),
];

/// A stable hash of every file's path and bytes under `root`.
pub fn tree_hash(root: &Path) -> BTreeMap<PathBuf, u64> {
    let mut out = BTreeMap::new();
    hash_into(root, root, &mut out);
    out
}

fn hash_into(root: &Path, folder: &Path, out: &mut BTreeMap<PathBuf, u64>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            hash_into(root, &path, out);
        } else {
            let bytes = std::fs::read(&path).unwrap_or_default();
            let hash = skillbook::store::Fingerprint::of(&bytes).hash;
            out.insert(path.strip_prefix(root).unwrap_or(&path).to_path_buf(), hash);
        }
    }
}

/// Up to 40 characters of `text` either side of byte `at`, for failure messages.
pub fn around(text: &str, at: usize) -> String {
    let before: Vec<char> = text[..at].chars().rev().take(40).collect();
    let after: String = text[at..].chars().take(40).collect();
    before.into_iter().rev().collect::<String>() + &after
}
