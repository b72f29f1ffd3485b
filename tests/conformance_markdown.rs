//! The CommonMark spec examples and the GFM table, task list and strikethrough examples, taken
//! from the pulldown-cmark package cargo has already downloaded, each put into a card and laid
//! out through our Markdown path at widths 1, 2, 20, 80 and 200: no panic, no line wider than
//! the width in terminal cells, no control character in the output.

use std::path::{Path, PathBuf};

use skillbook::card::SkillCard;
use skillbook::card_view::card_blocks;
use skillbook::markdown::layout_blocks;
use unicode_width::UnicodeWidthStr;

const SUITE_FILES: [&str; 6] = [
    "spec.rs",
    "gfm_table.rs",
    "gfm_tasklist.rs",
    "gfm_strikethrough.rs",
    "table.rs",
    "strikethrough.rs",
];
const WIDTHS: [u16; 5] = [1, 2, 20, 80, 200];

/// The version of pulldown-cmark this build uses, from Cargo.lock.
fn locked_version() -> String {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock is committed");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"pulldown-cmark\"" {
            let version = lines.next().expect("a version line");
            return version
                .trim_start_matches("version = ")
                .trim_matches('"')
                .to_string();
        }
    }
    panic!("pulldown-cmark is in Cargo.lock");
}

/// The package's `tests/suite` folder in cargo's registry.
fn suite_folder() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .expect("CARGO_HOME or HOME is set");
    let package = format!("pulldown-cmark-{}", locked_version());
    let registries = std::fs::read_dir(cargo_home.join("registry/src")).expect("cargo's registry");
    registries
        .flatten()
        .map(|registry| registry.path().join(&package).join("tests/suite"))
        .find(|folder| folder.is_dir())
        .unwrap_or_else(|| panic!("{package} is unpacked in {}", cargo_home.display()))
}

/// Every `let original = r##"…"##;` example of a generated suite file.
fn examples(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find("let original = r##\"") {
        rest = &rest[start + "let original = r##\"".len()..];
        let end = rest.find("\"##;").expect("examples are closed");
        found.push(rest[..end].to_string());
        rest = &rest[end..];
    }
    found
}

#[test]
fn every_suite_example_lays_out_inside_every_width() {
    let folder = suite_folder();
    let mut count = 0;
    for file in SUITE_FILES {
        let source = std::fs::read_to_string(folder.join(file)).expect(file);
        for (number, example) in examples(&source).into_iter().enumerate() {
            count += 1;
            let mut card = SkillCard::new("example", format!("{file} example {}", number + 1));
            card.body = example;
            let blocks = card_blocks(&card);
            for width in WIDTHS {
                for line in layout_blocks(&blocks, width) {
                    let text = line.plain();
                    assert!(
                        text.width() <= usize::from(width),
                        "{file} #{}: {} cells at width {width}: {text:?}",
                        number + 1,
                        text.width()
                    );
                    assert!(
                        !text.chars().any(char::is_control),
                        "{file} #{}: a control character: {text:?}",
                        number + 1
                    );
                }
            }
        }
    }
    // The CommonMark spec alone has 652 examples in pulldown-cmark 0.13.
    assert!(count > 700, "the suites were read: {count} examples");
}
