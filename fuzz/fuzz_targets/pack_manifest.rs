//! Any text as a pack manifest: parsing never panics.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = skillbook::pack::parse_manifest(Path::new("pack.toml"), text);
});
