//! The domain knows nothing of terminals: only the two faces (`cli`, `tui`) may use ratatui or
//! crossterm. This keeps the library usable from scripts and tests without a terminal, and keeps
//! drawing out of parsing, timing and saving.
//!
//! And the tests stay out of the user's own folders: every test that runs the real binary does
//! it through `tests/common/home.rs`, which points `HOME` and the cache, config and data folders
//! at a folder of the tests'.

use std::path::{Path, PathBuf};

/// Folders and files of the faces, relative to `src/`.
const FACES: [&str; 5] = ["cli", "cli.rs", "tui", "tui.rs", "main.rs"];

fn rust_files(folder: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder)
        .expect("folder is readable")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_domain_never_imports_a_terminal_crate() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let domain: Vec<PathBuf> = files
        .into_iter()
        .filter(|path| {
            let relative = path.strip_prefix(&src).expect("below src");
            let first = relative.components().next().expect("a file");
            !FACES.contains(&first.as_os_str().to_str().unwrap_or_default())
        })
        .collect();
    assert!(
        domain.len() > 20,
        "the domain files were found: {}",
        domain.len()
    );
    let offenders: Vec<String> = domain
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).expect("readable");
            text.lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .any(|line| line.contains("ratatui") || line.contains("crossterm"))
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "domain files using a terminal crate: {offenders:?}"
    );
}

#[test]
fn only_the_shared_helper_starts_the_binary() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let helper = tests.join("common/home.rs");
    let mut files = Vec::new();
    rust_files(&tests, &mut files);
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
        "start the binary through tests/common/home.rs (a test that starts it otherwise writes \
         to the user's ~/.cache/skillbook):\n{}",
        offenders.join("\n")
    );
}
