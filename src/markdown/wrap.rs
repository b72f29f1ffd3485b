//! Filling lines to a width measured in terminal cells.
//!
//! Words wrap at spaces; a word wider than the line is broken between grapheme clusters (never
//! inside one, so `é` written as `e` + accent stays whole); a single grapheme wider than the
//! whole line (a CJK character at width 1) is shown as `…`. Every function here returns lines
//! no wider than the width it was given, for any width of at least one cell.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::style::{Role, StyledLine, TextStyle};
use crate::safe_text::sanitize;

/// Stand-in for a grapheme that is wider than the whole line.
const TOO_WIDE: &str = "…";

/// Tabs in verbatim text stop every this many cells.
const TAB_STOP: usize = 4;

/// A run of paragraph text before wrapping. The text must already be sanitized.
#[derive(Debug, Clone)]
pub(super) enum Piece {
    /// Text; whitespace in it is where lines may break.
    Text(String, TextStyle),
    /// A forced line break.
    Break,
}

/// Wraps paragraph text into lines at most `width` cells wide. Runs of whitespace become one
/// space (or a line break); leading and trailing spaces of a line are dropped.
pub(super) fn wrap(pieces: &[Piece], width: usize) -> Vec<StyledLine> {
    let mut filler = Filler::new(width);
    let mut word = Word::default();
    let mut space: Option<TextStyle> = None;
    for piece in pieces {
        match piece {
            Piece::Break => {
                filler.place(&mut word, &mut space);
                filler.break_line();
            }
            Piece::Text(text, style) => {
                for c in text.chars() {
                    if c.is_whitespace() {
                        filler.place(&mut word, &mut space);
                        space = Some(*style);
                    } else {
                        word.push(c, *style);
                    }
                }
            }
        }
    }
    filler.place(&mut word, &mut space);
    filler.finish()
}

/// Breaks verbatim text (code, HTML) into lines of at most `width` cells: one or more screen
/// lines per source line, tabs expanded to the next tab stop, controls made visible, nothing
/// else changed. Takes raw text: line ends (`\n` or `\r\n`) are found before sanitizing.
pub(super) fn hard_wrap(text: &str, style: TextStyle, width: usize) -> Vec<StyledLine> {
    let mut lines = Vec::new();
    for source_line in text.lines() {
        let source_line = sanitize(source_line);
        let mut filler = Filler::new(width);
        let mut column = 0;
        for grapheme in source_line.graphemes(true) {
            if grapheme == "\t" {
                let spaces = TAB_STOP - column % TAB_STOP;
                for _ in 0..spaces {
                    filler.grapheme(" ", style);
                }
                column += spaces;
            } else {
                filler.grapheme(grapheme, style);
                column += grapheme.width();
            }
        }
        let mut wrapped = filler.finish();
        if wrapped.is_empty() {
            wrapped.push(StyledLine::default());
        }
        lines.extend(wrapped);
    }
    lines
}

/// Makes sure a line is at most `width` cells, dropping graphemes from its end if not. The
/// layout already keeps to the width; this is the guarantee, against sums of widths that differ
/// from the width of the joined text in rare grapheme sequences.
pub(super) fn fit(line: &mut StyledLine, width: usize) {
    while line.width() > width {
        let Some(last) = line.spans.last_mut() else {
            return;
        };
        let keep = last
            .text
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(start, _)| start);
        last.text.truncate(keep);
        if last.text.is_empty() {
            line.spans.pop();
        }
    }
}

/// The width of text in terminal cells, as [`StyledLine::width`] counts it.
pub(super) fn cells(text: &str) -> usize {
    text.width()
}

/// A word being collected: its styled fragments and its width.
#[derive(Default)]
struct Word {
    fragments: Vec<(String, TextStyle)>,
}

impl Word {
    fn push(&mut self, c: char, style: TextStyle) {
        match self.fragments.last_mut() {
            Some((text, last)) if *last == style => text.push(c),
            _ => self.fragments.push((c.to_string(), style)),
        }
    }

    fn is_empty(&self) -> bool {
        self.fragments.is_empty()
    }
}

/// Fills lines left to right.
struct Filler {
    width: usize,
    lines: Vec<StyledLine>,
    line: StyledLine,
    used: usize,
}

impl Filler {
    fn new(width: usize) -> Self {
        Filler {
            width: width.max(1),
            lines: Vec::new(),
            line: StyledLine::default(),
            used: 0,
        }
    }

    /// Places a finished word, with the space before it if the word stays on the same line.
    fn place(&mut self, word: &mut Word, space: &mut Option<TextStyle>) {
        if word.is_empty() {
            return;
        }
        let fragments = std::mem::take(&mut word.fragments);
        let word_width = fragments.iter().map(|(text, _)| cells(text)).sum::<usize>();
        let space_style = space.take();
        if self.used > 0 {
            let gap = usize::from(space_style.is_some());
            if self.used + gap + word_width <= self.width {
                if let Some(style) = space_style {
                    self.line.push(" ", style);
                    self.used += 1;
                }
            } else {
                self.break_line();
            }
        }
        if self.used + word_width <= self.width {
            for (text, style) in fragments {
                self.line.push(text, style);
            }
            self.used += word_width;
        } else {
            for (text, style) in &fragments {
                for grapheme in text.graphemes(true) {
                    self.grapheme(grapheme, *style);
                }
            }
        }
    }

    /// Places one grapheme, starting a new line first if it does not fit on this one.
    fn grapheme(&mut self, grapheme: &str, style: TextStyle) {
        let (grapheme, style) = if cells(grapheme) > self.width {
            (TOO_WIDE, TextStyle::of(Role::Muted))
        } else {
            (grapheme, style)
        };
        let width = cells(grapheme);
        if self.used + width > self.width {
            self.break_line();
        }
        self.line.push(grapheme, style);
        self.used += width;
    }

    fn break_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.used = 0;
    }

    fn finish(mut self) -> Vec<StyledLine> {
        if !self.line.is_empty() {
            self.break_line();
        }
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Piece {
        Piece::Text(s.to_string(), TextStyle::default())
    }

    fn plain(lines: &[StyledLine]) -> Vec<String> {
        lines.iter().map(StyledLine::plain).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        let lines = wrap(&[text("the quick brown fox jumps")], 10);
        assert_eq!(plain(&lines), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn long_words_break_by_grapheme() {
        let lines = wrap(&[text("abcdefgh")], 3);
        assert_eq!(plain(&lines), ["abc", "def", "gh"]);
        let lines = wrap(&[text("e\u{301}e\u{301}e\u{301}")], 2);
        assert_eq!(plain(&lines), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn wide_characters_count_two_cells() {
        let lines = wrap(&[text("表計算 ソフト")], 6);
        assert_eq!(plain(&lines), ["表計算", "ソフト"]);
        let lines = wrap(&[text("表計算")], 3);
        assert_eq!(plain(&lines), ["表", "計", "算"]);
        // Too wide for the line at all.
        let lines = wrap(&[text("表")], 1);
        assert_eq!(plain(&lines), ["…"]);
    }

    #[test]
    fn hard_breaks_and_collapsed_spaces() {
        let lines = wrap(&[text("a   b"), Piece::Break, text("  c")], 20);
        assert_eq!(plain(&lines), ["a b", "c"]);
    }

    #[test]
    fn hard_wrap_keeps_spaces_and_expands_tabs() {
        let lines = hard_wrap(
            "a\tb\r\n  indented line\n\nend\u{1b}",
            TextStyle::default(),
            8,
        );
        assert_eq!(plain(&lines), ["a   b", "  indent", "ed line", "", "end␛"]);
    }

    #[test]
    fn fit_trims_to_width() {
        let mut line = StyledLine::of("abcdef", TextStyle::default());
        fit(&mut line, 4);
        assert_eq!(line.plain(), "abcd");
    }
}
