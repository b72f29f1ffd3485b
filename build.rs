//! Embeds the bundled packs under `modules/` into the binary, so a freshly installed skillbook
//! has content with no files around. Generates a table of (path, text) pairs with `include_str!`;
//! cargo reruns this when anything under `modules/` changes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let modules = manifest_dir.join("modules");
    println!("cargo:rerun-if-changed=modules");
    let mut files = Vec::new();
    if modules.is_dir() {
        collect(&modules, &mut files);
    }
    let mut entries: Vec<(String, String)> = files
        .iter()
        .map(|file| {
            let relative = file
                .strip_prefix(&modules)
                .expect("collected below modules")
                .to_str()
                .expect("bundled file names are UTF-8")
                .replace('\\', "/");
            let absolute = file
                .to_str()
                .expect("bundled file names are UTF-8")
                .to_string();
            (relative, absolute)
        })
        .collect();
    entries.sort();
    let mut out =
        String::from("/// Every file of the bundled packs: path below `modules/`, and text.\n");
    out.push_str("pub static BUNDLED_FILES: &[(&str, &str)] = &[\n");
    for (relative, absolute) in &entries {
        writeln!(out, "    ({relative:?}, include_str!({absolute:?})),").expect("string write");
    }
    out.push_str("];\n");
    let destination =
        PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("bundled.rs");
    fs::write(destination, out).expect("write the bundled file table");
}

fn collect(folder: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(&path, files);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "toml")
        ) {
            files.push(path);
        }
    }
}
