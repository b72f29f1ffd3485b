//! Synthetic libraries for the benchmarks, made once by the example generator and kept in the
//! temporary folder between runs (the same count always gives the same cards).

#![allow(dead_code)]

use std::path::PathBuf;

#[path = "../../examples/generate_library.rs"]
#[allow(dead_code, clippy::all)]
mod generator;

/// The folder of a generated library of `count` cards, generating it when missing.
pub fn library(count: usize) -> PathBuf {
    let root = std::env::temp_dir()
        .join("skillbook-bench")
        .join(format!("lib{count}"));
    let done = root.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&root);
        generator::generate(&root, count).expect("generate the library");
        std::fs::write(&done, b"").expect("mark the library complete");
    }
    root
}

/// Where the benchmarks keep a library's index (not the user's cache).
pub fn index_file(count: usize, kind: &str) -> PathBuf {
    std::env::temp_dir()
        .join("skillbook-bench")
        .join(format!("lib{count}-{kind}.index"))
}

/// `1k`, `10k`, `100k`.
pub fn label(count: usize) -> String {
    if count.is_multiple_of(1000) {
        format!("{}k", count / 1000)
    } else {
        count.to_string()
    }
}
