//! Any bytes as a card file: parsing never panics, and a card that parses saves and parses back
//! to the same card.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use skillbook::card::{parse_card, render_card};

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("cards/fuzz.md");
    if let Ok((card, file)) = parse_card(path, bytes) {
        assert_eq!(render_card(&file, &card, &card), file.original_text());
        let mut changed = card.clone();
        changed.title.push_str(" (changed)");
        let saved = render_card(&file, &card, &changed);
        let (again, _) = parse_card(path, saved.as_bytes()).expect("a saved card parses");
        assert_eq!(again, changed);
    }
});
