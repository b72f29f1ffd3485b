//! The tests stay out of the user's own folders: every test that runs the real binary does it
//! through `tests/common/home.rs`, which points `HOME` and the cache, config and data folders
//! at a folder of the tests'. A new test that starts the binary another way would write its
//! library indexes to `~/.cache/skillbook` again; this test names it.

mod common;

use std::path::{Path, PathBuf};

use common::home::{TEST_HOME, binary, home_env};

/// Every `.rs` file below `folder`.
fn sources(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("tests folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn only_the_shared_helper_starts_the_binary() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let helper = tests.join("common/home.rs");
    let mut files = Vec::new();
    sources(&tests, &mut files);
    // Spelled in two pieces, so this file does not name itself.
    let ways = [concat!("cargo", "_bin("), concat!("CARGO_BIN", "_EXE_")];
    let mut offenders = Vec::new();
    for file in files.iter().filter(|file| **file != helper) {
        let text = std::fs::read_to_string(file).expect("test source");
        for (number, line) in text.lines().enumerate() {
            if ways.iter().any(|way| line.contains(way)) {
                offenders.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "start the binary through tests/common/home.rs:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_binary_finds_its_folders_in_the_test_home() {
    let command = binary();
    let set: Vec<(String, Option<PathBuf>)> = command
        .get_envs()
        .map(|(name, value)| {
            (
                name.to_string_lossy().into_owned(),
                value.map(PathBuf::from),
            )
        })
        .collect();
    for (name, value) in home_env(Path::new(TEST_HOME)) {
        assert!(
            set.contains(&(name.to_string(), Some(value.clone()))),
            "{name} is not {}: {set:?}",
            value.display()
        );
    }
    assert!(set.contains(&("SKILLBOOK_LIBRARY".to_string(), None)));
}
