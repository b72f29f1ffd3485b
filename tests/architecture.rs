//! The domain knows nothing of terminals: only the two faces (`cli`, `tui`) may use ratatui or
//! crossterm. This keeps the library usable from scripts and tests without a terminal, and keeps
//! drawing out of parsing, timing and saving.

use std::path::{Path, PathBuf};

/// Folders and files of the faces, relative to `src/`.
const FACES: [&str; 5] = ["cli", "cli.rs", "tui", "tui.rs", "main.rs"];

fn rust_files(folder: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder)
        .expect("src is readable")
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
