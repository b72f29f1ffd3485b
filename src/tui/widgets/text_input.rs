//! A one-line text field: the search box and the help filter. Editing is pure state; drawing
//! shows the end of a text that is wider than the field, so the cursor is always in view.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use crate::safe_text::sanitize_line;
use crate::tui::action::TextEdit;

/// The text and the cursor (a character index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl TextInput {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Applies one edit; true when the text changed (not just the cursor).
    pub fn apply(&mut self, edit: TextEdit) -> bool {
        let len = self.text.chars().count();
        match edit {
            TextEdit::Insert(c) => {
                let at = self.byte_index(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            TextEdit::DeleteBack if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_index(self.cursor);
                self.text.remove(at);
                true
            }
            TextEdit::DeleteForward if self.cursor < len => {
                let at = self.byte_index(self.cursor);
                self.text.remove(at);
                true
            }
            TextEdit::DeleteWord if self.cursor > 0 => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                let (from, to) = (self.byte_index(start), self.byte_index(self.cursor));
                self.text.replace_range(from..to, "");
                self.cursor = start;
                true
            }
            TextEdit::Clear if !self.text.is_empty() => {
                self.text.clear();
                self.cursor = 0;
                true
            }
            TextEdit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            TextEdit::Right => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            TextEdit::Home => {
                self.cursor = 0;
                false
            }
            TextEdit::End => {
                self.cursor = len;
                false
            }
            _ => false,
        }
    }

    fn byte_index(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Draws `prompt` and the text in one line of `area`, and puts the terminal's cursor at
    /// the text cursor when `focused`.
    pub fn render(
        &self,
        frame: &mut Frame<'_>,
        area: Rect,
        prompt: Span<'_>,
        style: Style,
        focused: bool,
    ) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let prompt_width = u16::try_from(prompt.width()).unwrap_or(u16::MAX);
        let room = usize::from(area.width.saturating_sub(prompt_width).saturating_sub(1));
        let chars: Vec<char> = self.text.chars().collect();
        // Show the characters that end at the cursor (and as many after it as fit).
        let mut start = self.cursor;
        let mut used = 0;
        while start > 0 {
            let w = chars[start - 1].width().unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            start -= 1;
        }
        let mut end = self.cursor;
        let mut width_after = used;
        while end < chars.len() {
            let w = chars[end].width().unwrap_or(0);
            if width_after + w > room {
                break;
            }
            width_after += w;
            end += 1;
        }
        let shown: String = chars[start..end].iter().collect();
        let line = Line::from(vec![
            prompt,
            Span::styled(sanitize_line(&shown).into_owned(), style),
        ]);
        frame.render_widget(line, area);
        if focused {
            let x = area.x + prompt_width + u16::try_from(used).unwrap_or(0);
            frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::default();
        for c in text.chars() {
            input.apply(TextEdit::Insert(c));
        }
        input
    }

    #[test]
    fn edits_at_the_cursor() {
        let mut input = typed("kløft");
        assert!(!input.apply(TextEdit::Left));
        assert!(input.apply(TextEdit::DeleteBack));
        assert_eq!(input.text(), "kløt");
        input.apply(TextEdit::Home);
        assert!(input.apply(TextEdit::DeleteForward));
        assert_eq!(input.text(), "løt");
        input.apply(TextEdit::End);
        input.apply(TextEdit::Insert(' '));
        input.apply(TextEdit::Insert('x'));
        assert!(input.apply(TextEdit::DeleteWord));
        assert_eq!(input.text(), "løt ");
        assert!(input.apply(TextEdit::Clear));
        assert!(!input.apply(TextEdit::DeleteBack));
        assert_eq!(input, TextInput::default());
    }
}
