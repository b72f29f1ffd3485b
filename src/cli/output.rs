//! Shared helpers for printing: every piece of card or pack text passes through the text-safety
//! function before it reaches a terminal, and JSON gets the same protection.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use unicode_width::UnicodeWidthStr;

use crate::safe_text::{sanitize, sanitize_line};

/// One-line text (a title, a tag) made safe to print.
pub fn line(text: &str) -> Cow<'_, str> {
    sanitize_line(text)
}

/// Multi-line text made safe to print.
pub fn block(text: &str) -> Cow<'_, str> {
    sanitize(text)
}

/// JSON text with C1 controls and bidi controls escaped as `\uXXXX`. serde_json escapes C0
/// controls itself; the others are valid JSON unescaped but some terminals obey them.
pub fn json<T: serde::Serialize>(value: &T) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if needs_json_escape(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

fn needs_json_escape(c: char) -> bool {
    matches!(u32::from(c), 0x7f..=0x9f | 0x200e | 0x200f | 0x061c | 0x202a..=0x202e | 0x2066..=0x2069)
}

/// Rows printed as aligned columns; the last column is not padded (it holds titles, which may
/// be long and are never cut in plain output).
pub fn write_columns(out: &mut dyn Write, rows: &[Vec<String>]) -> io::Result<()> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.width());
        }
    }
    for row in rows {
        let mut text = String::new();
        for (i, cell) in row.iter().enumerate() {
            text.push_str(cell);
            if i + 1 < row.len() {
                let pad = widths[i].saturating_sub(cell.width()) + 2;
                text.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    Ok(())
}

/// Whether styled output is wanted: stdout is a terminal and `NO_COLOR` is unset or empty.
pub fn use_color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The width to lay out text for: the terminal's when stdout is one, else 80.
pub fn output_width() -> u16 {
    if io::stdout().is_terminal() {
        ratatui::crossterm::terminal::size()
            .map(|(width, _)| width.clamp(20, 120))
            .unwrap_or(80)
    } else {
        80
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_what_terminals_obey() {
        let text = json(&"a\u{1b}[2Jb\u{9b}c\u{202e}d").unwrap();
        assert_eq!(text, "\"a\\u001b[2Jb\\u009bc\\u202ed\"");
    }

    #[test]
    fn columns_align_by_display_width() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["kløft".to_string(), "x".to_string()],
            vec!["日本".to_string(), "y".to_string()],
        ];
        write_columns(&mut out, &rows).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "kløft  x\n日本   y\n");
    }
}
