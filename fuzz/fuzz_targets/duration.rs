//! Any text as a duration: never panics, and what it reads is at most a week.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(minutes) = skillbook::duration::parse_minutes(text) {
        assert!(minutes.get() <= 7 * 24 * 60);
    }
});
