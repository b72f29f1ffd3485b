//! `skillbook search` through the library index: the same results with no index (cold), with
//! a warm one, and as searching the fully loaded library; and a card changed after indexing is
//! found as it is now.

mod common;

use std::fs;
use std::path::Path;

use skillbook::library;
use skillbook::search::{Query, SearchIndex};

const QUERIES: [&str; 5] = ["pivot", "kloft", "chart excel", "#charts", "slicer"];

fn write_card(root: &Path, name: &str, title: &str, body: &str) {
    let path = root.join("cards").join(format!("{name}.md"));
    fs::create_dir_all(path.parent().expect("parent")).expect("cards folder");
    let text = format!(
        "+++\ntitle = \"{title}\"\ntool = \"Excel\"\ntags = [\"charts\"]\nduration = 15\n+++\n\n{body}\n"
    );
    fs::write(path, text).expect("write card");
}

/// `skillbook --library ROOT search QUERY --json`, with its index kept in `cache`.
fn search(root: &Path, cache: &Path, query: &str) -> String {
    let output = common::home::skillbook(root)
        .env("XDG_CACHE_HOME", cache)
        .args(["search", query, "--json", "--limit", "50"])
        .output()
        .expect("runs");
    String::from_utf8(output.stdout).expect("utf-8")
}

fn ids(json: &str) -> Vec<String> {
    let rows: Vec<serde_json::Value> = serde_json::from_str(json).unwrap_or_default();
    rows.iter()
        .map(|row| row["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The ids searching the fully loaded library gives, as before the index.
fn full_load_ids(root: &Path, query: &str) -> Vec<String> {
    let library = library::load(root);
    let index = SearchIndex::new(&library.cards);
    index
        .search(&Query::parse(query), 50)
        .iter()
        .map(|hit| library.cards[hit.index].qualified_id())
        .collect()
}

fn index_files(cache: &Path) -> usize {
    fs::read_dir(cache.join("skillbook/libraries")).map_or(0, |entries| entries.count())
}

#[test]
fn cold_and_warm_index_give_the_same_results_as_the_full_load() {
    let home = tempfile::tempdir().expect("temp dir");
    let root = home.path().join("library");
    let cache = home.path().join("cache");
    write_card(
        &root,
        "pivot",
        "Build a pivot chart",
        "Drag the field to rows.",
    );
    write_card(&root, "kloft", "Kløft i regnearket", "Find the slicer.");
    write_card(
        &root,
        "plain",
        "Share a sheet",
        "Pivot tables are shared like this.",
    );
    for query in QUERIES {
        let _ = fs::remove_dir_all(&cache);
        let cold = search(&root, &cache, query);
        assert_eq!(index_files(&cache), 1, "the cold search writes the index");
        let warm = search(&root, &cache, query);
        assert_eq!(cold, warm, "{query}");
        assert_eq!(ids(&warm), full_load_ids(&root, query), "{query}");
    }
}

#[test]
fn a_card_changed_after_indexing_is_found_as_it_is_now() {
    let home = tempfile::tempdir().expect("temp dir");
    let root = home.path().join("library");
    let cache = home.path().join("cache");
    write_card(&root, "a", "Build a pivot chart", "Drag the field.");
    search(&root, &cache, "pivot");
    write_card(&root, "a", "Filter a list", "Use the zebrafish slicer.");
    write_card(&root, "b", "Another zebrafish", "New card.");
    let after = search(&root, &cache, "zebrafish");
    assert_eq!(ids(&after), ["b", "a"]);
    assert_eq!(ids(&after), full_load_ids(&root, "zebrafish"));
    fs::remove_file(root.join("cards/b.md")).expect("delete");
    assert_eq!(ids(&search(&root, &cache, "zebrafish")), ["a"]);
}
