//! The index always sees what changed on disk, and never trusts an entry it cannot vouch for.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::{IndexedLibrary, load_indexed};
use crate::library;

fn card(title: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\ntool = \"Excel\"\ntags = [\"charts\"]\n+++\n\n{body}\n")
}

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    index: PathBuf,
}

impl Fixture {
    fn new(cards: &[(&str, &str, &str)]) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("library");
        let index = dir.path().join("cache/library.index");
        let fixture = Fixture {
            _dir: dir,
            root,
            index,
        };
        for (name, title, body) in cards {
            fixture.write(name, title, body);
        }
        fixture
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.join("cards").join(format!("{name}.md"))
    }

    fn write(&self, name: &str, title: &str, body: &str) {
        let path = self.path(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("cards folder");
        fs::write(&path, card(title, body)).expect("write card");
    }

    fn load(&self) -> IndexedLibrary {
        load_indexed(&self.root, Some(&self.index))
    }

    fn own_titles(&self) -> Vec<String> {
        own_titles(&self.load())
    }
}

fn own_titles(library: &IndexedLibrary) -> Vec<String> {
    library
        .cards
        .iter()
        .filter(|card| card.pack.is_none())
        .map(|card| card.title.clone())
        .collect()
}

fn set_modified(path: &Path, time: SystemTime) {
    File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(time))
        .expect("set modification time");
}

fn an_hour_ago() -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600)
}

fn body_cards(library: &IndexedLibrary, word: &str) -> Vec<String> {
    library
        .body
        .cards_with(word)
        .iter()
        .map(|&card| &library.cards[card as usize])
        .filter(|card| card.pack.is_none())
        .map(|card| card.title.clone())
        .collect()
}

#[test]
fn a_cold_index_parses_everything_and_a_warm_one_reads_nothing() {
    let fixture = Fixture::new(&[("a", "Alpha", "pivot"), ("b", "Beta", "chart")]);
    for name in ["a", "b"] {
        set_modified(&fixture.path(name), an_hour_ago());
    }
    let cold = fixture.load();
    assert!(cold.stats.parsed >= 2, "{:?}", cold.stats);
    assert!(cold.stats.saved);
    let warm = fixture.load();
    assert_eq!(warm.stats.parsed, 0, "{:?}", warm.stats);
    assert_eq!(warm.stats.verified, 0, "{:?}", warm.stats);
    assert!(!warm.stats.saved);
    assert_eq!(warm.cards, cold.cards);
    assert_eq!(warm.body, cold.body);
    assert_eq!(body_cards(&warm, "pivot"), ["Alpha"]);
}

#[test]
fn the_cards_come_in_the_order_the_full_load_gives() {
    let fixture = Fixture::new(&[
        ("b", "Beta", "x"),
        ("a", "Alpha", "y"),
        ("c/d", "Delta", "z"),
    ]);
    let indexed = fixture.load();
    let full = library::load(&fixture.root);
    let ids = |ids: Vec<String>| ids;
    assert_eq!(
        ids(indexed.cards.iter().map(|c| c.qualified_id()).collect()),
        ids(full.cards.iter().map(|c| c.qualified_id()).collect())
    );
    let paths: Vec<&Path> = indexed.cards.iter().map(|c| c.path.as_path()).collect();
    let full_paths: Vec<&Path> = full.cards.iter().map(|c| c.path.as_path()).collect();
    assert_eq!(paths, full_paths);
}

#[test]
fn a_changed_card_is_seen() {
    let fixture = Fixture::new(&[("a", "Alpha", "pivot"), ("b", "Beta", "chart")]);
    set_modified(&fixture.path("a"), an_hour_ago());
    fixture.load();
    fixture.write("a", "Alpha two", "slicer");
    let library = fixture.load();
    assert_eq!(own_titles(&library), ["Alpha two", "Beta"]);
    assert_eq!(library.stats.removed, 0, "{:?}", library.stats);
    assert_eq!(library.stats.parsed, 1, "{:?}", library.stats);
    assert!(body_cards(&library, "pivot").is_empty());
    assert_eq!(body_cards(&library, "slicer"), ["Alpha two"]);
}

#[test]
fn an_added_card_is_seen() {
    let fixture = Fixture::new(&[("b", "Beta", "chart")]);
    fixture.load();
    fixture.write("a", "Alpha", "chart pivot");
    let library = fixture.load();
    assert_eq!(own_titles(&library), ["Alpha", "Beta"]);
    assert_eq!(body_cards(&library, "chart"), ["Alpha", "Beta"]);
    // The renumbered index is what was saved.
    assert_eq!(fixture.load().body, library.body);
}

#[test]
fn a_deleted_card_is_gone() {
    let fixture = Fixture::new(&[("a", "Alpha", "chart"), ("b", "Beta", "chart")]);
    fixture.load();
    fs::remove_file(fixture.path("a")).expect("delete");
    let library = fixture.load();
    assert_eq!(own_titles(&library), ["Beta"]);
    assert_eq!(library.stats.removed, 1);
    assert_eq!(body_cards(&library, "chart"), ["Beta"]);
}

#[test]
fn same_size_and_time_but_new_content_is_seen_when_the_time_is_ambiguous() {
    let fixture = Fixture::new(&[("a", "Alpha", "pivot")]);
    let path = fixture.path("a");
    let stamp = SystemTime::now();
    set_modified(&path, stamp);
    fixture.load();
    // Rewritten in the same second: same size, same time, other words.
    fixture.write("a", "Gamma", "chart");
    set_modified(&path, stamp);
    let library = fixture.load();
    assert_eq!(own_titles(&library), ["Gamma"]);
    assert_eq!(body_cards(&library, "chart"), ["Gamma"]);
    assert!(body_cards(&library, "pivot").is_empty());
}

#[test]
fn an_ambiguous_entry_is_verified_by_content_not_trusted() {
    let fixture = Fixture::new(&[("a", "Alpha", "pivot")]);
    fixture.load();
    let library = fixture.load();
    assert_eq!(library.stats.verified, 1, "{:?}", library.stats);
    assert_eq!(own_titles(&library), ["Alpha"]);
}

#[test]
fn a_damaged_or_foreign_index_is_rebuilt() {
    let fixture = Fixture::new(&[("a", "Alpha", "pivot")]);
    fs::create_dir_all(fixture.index.parent().expect("parent")).expect("cache folder");
    fs::write(&fixture.index, b"SKBINDEX\x01\x00\x00\x00garbage").expect("write");
    assert_eq!(fixture.own_titles(), ["Alpha"]);
    let other = Fixture::new(&[("z", "Zeta", "pivot")]);
    fs::copy(&fixture.index, &other.index)
        .or_else(|_| {
            fs::create_dir_all(other.index.parent().expect("parent"))?;
            fs::copy(&fixture.index, &other.index)
        })
        .expect("copy index");
    assert_eq!(other.own_titles(), ["Zeta"]);
}

#[test]
fn a_broken_card_is_reported_and_not_indexed() {
    let fixture = Fixture::new(&[("a", "Alpha", "pivot")]);
    fs::write(fixture.path("bad"), "+++\ntitle = \n+++\n").expect("write");
    let library = fixture.load();
    assert_eq!(own_titles(&library), ["Alpha"]);
    assert_eq!(library.broken.len(), 1);
    assert_eq!(fixture.load().broken.len(), 1);
}
