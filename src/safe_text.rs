//! The one place untrusted text is made safe to show.
//!
//! Cards and packs come from other people. Their text is shown, never obeyed: a card that
//! holds `ESC [ 2 J` must not clear the screen, an OSC 52 sequence must not write the
//! clipboard, and a right-to-left override must not make `exe.txt` read as `txt.exe`. Every
//! control character therefore becomes a visible placeholder of its own, so the reader still
//! sees that something odd is there:
//!
//! - C0 controls (except tab and newline) become their Unicode Control Picture: ESC -> `␛`,
//!   CR -> `␍`, NUL -> `␀`; DEL becomes `␡`.
//! - C1 controls (U+0080–U+009F, which some terminals obey as 8-bit escapes) and the Unicode
//!   bidi controls become `⟨U+009B⟩`, naming the code point.
//!
//! Everything else — accents, CJK, emoji, combining marks — passes unchanged, and text that
//! needs no change is returned borrowed, so the common case costs one scan.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Makes text safe to print into a terminal, keeping tabs and newlines for the layout to handle.
///
/// Returns the input borrowed when nothing needed to change.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    clean(text, Mode::Block)
}

/// Like [`sanitize`] for one-line fields such as titles: a newline becomes `␤` and a tab a
/// space, so the field can never break the line it is drawn on.
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    clean(text, Mode::Line)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Tabs and newlines are kept: the Markdown layout turns them into spaces and lines.
    Block,
    /// Tabs become spaces, newlines become visible.
    Line,
}

/// The first Unicode Control Picture, `␀` for NUL; the C0 pictures follow in code point order.
const CONTROL_PICTURES: u32 = 0x2400;

fn clean(text: &str, mode: Mode) -> Cow<'_, str> {
    let Some(first) = text.find(|c| needs_replacing(c, mode)) else {
        return Cow::Borrowed(text);
    };
    let (kept, rest) = text.split_at(first);
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(kept);
    for c in rest.chars() {
        if needs_replacing(c, mode) {
            push_replacement(&mut out, c, mode);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_replacing(c: char, mode: Mode) -> bool {
    match c {
        '\t' | '\n' => mode == Mode::Line,
        _ => c.is_control() || is_bidi_control(c),
    }
}

fn push_replacement(out: &mut String, c: char, mode: Mode) {
    match c {
        '\t' if mode == Mode::Line => out.push(' '),
        '\n' if mode == Mode::Line => out.push('␤'),
        '\u{7f}' => out.push('␡'),
        '\0'..='\u{1f}' => {
            // In range by the match arm: 0x2400 + 0x00..=0x1F are all Control Pictures.
            let picture = char::from_u32(CONTROL_PICTURES + u32::from(c)).unwrap_or('�');
            out.push(picture);
        }
        _ => {
            // Writing into a String cannot fail.
            let _ = write!(out, "⟨U+{:04X}⟩", u32::from(c));
        }
    }
}

/// Characters that reorder text on screen without being seen: embeddings and overrides
/// (U+202A–U+202E), isolates (U+2066–U+2069), the directional marks and the Arabic letter mark.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::plain("Pivot tables in Excel", "Pivot tables in Excel")]
    #[case::danish("Kløft, æble og å", "Kløft, æble og å")]
    #[case::cjk_and_emoji("表計算 📊 👩‍💻", "表計算 📊 👩‍💻")]
    #[case::combining("e\u{301}", "e\u{301}")]
    #[case::tab_and_newline_kept("a\tb\nc", "a\tb\nc")]
    #[case::escape_clear_screen("\u{1b}[2Jgone", "␛[2Jgone")]
    #[case::osc52_clipboard("\u{1b}]52;c;ZXZpbA==\u{7}", "␛]52;c;ZXZpbA==␇")]
    #[case::c1_csi("\u{9b}31mred", "⟨U+009B⟩31mred")]
    #[case::c1_osc("\u{9d}8;;x", "⟨U+009D⟩8;;x")]
    #[case::bidi_override("invoice\u{202e}fdp.exe", "invoice⟨U+202E⟩fdp.exe")]
    #[case::bidi_isolate("a\u{2066}b\u{2069}", "a⟨U+2066⟩b⟨U+2069⟩")]
    #[case::marks("\u{200e}\u{200f}\u{61c}", "⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩")]
    #[case::nul("a\0b", "a␀b")]
    #[case::backspace("ab\u{8}\u{8}cd", "ab␈␈cd")]
    #[case::carriage_return("line\r\n", "line␍\n")]
    #[case::delete("x\u{7f}", "x␡")]
    #[case::unit_separator("\u{1f}", "␟")]
    fn sanitize_makes_controls_visible(#[case] input: &str, #[case] expected: &str) {
        let out = sanitize(input);
        assert_eq!(out, expected);
        assert!(
            !out.chars()
                .any(|c| c.is_control() && c != '\t' && c != '\n')
        );
    }

    #[rstest]
    #[case::newline("Two\nlines", "Two␤lines")]
    #[case::tab("a\tb", "a b")]
    #[case::crlf("a\r\nb", "a␍␤b")]
    #[case::escape("\u{1b}[1mBold", "␛[1mBold")]
    #[case::plain("Plain", "Plain")]
    fn sanitize_line_keeps_one_line(#[case] input: &str, #[case] expected: &str) {
        let out = sanitize_line(input);
        assert_eq!(out, expected);
        assert!(!out.chars().any(char::is_control));
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        assert!(matches!(sanitize("kløft 表 a\tb\n"), Cow::Borrowed(_)));
        assert!(matches!(sanitize_line("kløft 表"), Cow::Borrowed(_)));
        assert!(matches!(sanitize("\u{1b}"), Cow::Owned(_)));
        assert!(matches!(sanitize_line("a\tb"), Cow::Owned(_)));
    }
}
