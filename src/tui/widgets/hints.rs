//! The bottom line: the few keys that matter where the focus is, read from the live keymap so a
//! rebound key shows as it is bound.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::tui::command::{Context, hint_groups};
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// Each hint as (keys, label): `("↑/↓", "move")`, the first key of each command in the group.
pub fn hints(keymap: &Keymap, context: Context) -> Vec<(String, &'static str)> {
    hint_groups(context)
        .iter()
        .filter_map(|group| {
            let keys: Vec<String> = group
                .commands
                .iter()
                .filter_map(|&command| {
                    keymap
                        .keys_in(command, context)
                        .first()
                        .map(ToString::to_string)
                })
                .collect();
            (!keys.is_empty()).then(|| (keys.join("/"), group.label))
        })
        .collect()
}

/// The hints that fit in `width` cells, as one line.
pub fn hints_line(keymap: &Keymap, context: Context, theme: &Theme, width: u16) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (keys, label) in hints(keymap, context) {
        let gap = if spans.is_empty() { 1 } else { 2 };
        let needed = gap + keys.width() + 1 + label.width();
        if used + needed > usize::from(width) {
            break;
        }
        used += needed;
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(
            keys,
            theme.accent().add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::styled(format!(" {label}"), theme.muted()));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::command::Command;

    #[test]
    fn hints_follow_rebinding() {
        let mut keymap = Keymap::defaults();
        assert!(hints(&keymap, Context::Cards).contains(&("/".to_string(), "search")));
        keymap.rebind(Command::Search, vec!["ctrl-f".parse().unwrap()]);
        assert!(hints(&keymap, Context::Cards).contains(&("Ctrl-f".to_string(), "search")));
        assert_eq!(
            hints(&keymap, Context::Search)[0],
            ("↑/↓".to_string(), "move")
        );
    }

    #[test]
    fn only_what_fits_is_shown() {
        let keymap = Keymap::defaults();
        let line = hints_line(&keymap, Context::Cards, &Theme::default(), 20);
        assert!(line.width() <= 20);
        assert!(line.to_string().contains("move"));
    }
}
