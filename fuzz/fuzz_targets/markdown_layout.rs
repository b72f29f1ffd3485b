//! Any Markdown at any width: the layout never panics, never draws a line wider than the width
//! and never lets a control character through.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skillbook::markdown::{MarkdownDoc, layout};
use unicode_width::UnicodeWidthStr;

fuzz_target!(|input: (u8, &str)| {
    let (width, text) = input;
    let width = u16::from(width.max(1));
    for line in layout(&MarkdownDoc::parse(text), width) {
        let plain = line.plain();
        assert!(plain.width() <= usize::from(width), "{plain:?} at {width}");
        assert!(!plain.chars().any(char::is_control), "{plain:?}");
    }
});
