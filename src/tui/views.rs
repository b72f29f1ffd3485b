//! One module per pane or window: its state, how it reacts to commands, and how it is drawn.
//! Drawing reads the app and changes nothing.

pub mod browser;
pub mod card_list;
pub mod card_view;
pub mod help;
pub mod message;
pub mod preview;
pub mod search;
pub mod sources;
// Agenda builder and run mode.
pub mod agenda_builder;
pub mod agenda_builder_draw;
pub mod card_picker;
pub mod new_agenda;
pub mod run_mode;
// Pack browser.
pub mod packs;
// The checklist pane and its windows (#6).
pub mod answer;
pub mod checklist;
pub mod checklist_keys;
// Editing cards (#5).
pub mod ask;
pub mod editor;
// The prep list and the offer window (#6).
pub mod offer;
pub mod offer_draw;
pub mod prep;
// Merge conflicts left by a pack update (#8).
pub mod conflict;
// Course planner (#7).
pub mod course_planner;
pub mod course_planner_draw;
pub mod course_planner_edit;
// The session log (#7).
pub mod log_window;
// The export window (#7).
pub mod export_window;

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::Theme;

/// A pane's border and title. The focused pane has a thick border and a marked, bold title,
/// so focus shows without colour.
pub fn pane_block<'a>(title: &str, focused: bool, theme: &Theme) -> Block<'a> {
    let title = if focused {
        Line::from(vec![
            Span::styled("▸ ", theme.accent()),
            Span::styled(
                title.to_string(),
                theme.accent().add_modifier(Modifier::BOLD),
            ),
            Span::raw(" "),
        ])
    } else {
        Line::from(Span::styled(format!(" {title} "), theme.muted()))
    };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(title)
}

/// Text cut to `width` terminal cells, ending in `…` when it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Text broken into lines of at most `width` cells at spaces; a word longer than a line is
/// cut into pieces.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let needed = if line.is_empty() {
                word.width()
            } else {
                line.width() + 1 + word.width()
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word wider than the line: take what fits.
            let mut piece = String::new();
            let mut used = 0;
            let mut rest = word.chars().peekable();
            while let Some(&c) = rest.peek() {
                let w = c.width().unwrap_or(0);
                if used + w > width && !piece.is_empty() {
                    break;
                }
                used += w;
                piece.push(c);
                rest.next();
            }
            lines.push(piece);
            word = rest.collect();
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_cells() {
        assert_eq!(truncate("Excel", 5), "Excel");
        assert_eq!(truncate("Excel charts", 6), "Excel…");
        assert_eq!(truncate("表計算表", 5), "表計…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap_words("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap_words("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap_words("", 3), vec![""]);
    }
}
