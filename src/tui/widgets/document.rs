//! A card (or a plain file) as lines to draw: the front matter as a compact header, then the
//! Markdown body, laid out by `crate::markdown` at the pane's width and coloured by the theme.
//!
//! The header is built as Markdown blocks too, so it wraps, and is made safe, by the same code
//! as the body.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TextSpan};

use crate::library::LibraryCard;
use crate::markdown::{Block, Inline, Role, Span, SpanStyle, StyledLine, TextStyle, layout_blocks};
use crate::tui::theme::Theme;

/// The blocks that show a card: the shared header (see [`crate::card_view`]) with where the
/// card comes from, a rule, the body.
pub fn card_blocks(card: &LibraryCard, source_label: &str) -> Vec<Block> {
    crate::card_view::card_blocks_from(&card.card, Some(source_label))
}

/// The blocks that show a plain text file: its name and its text, verbatim.
pub fn file_blocks(title: &str, text: &str) -> Vec<Block> {
    vec![
        Block::Heading {
            level: 2,
            content: vec![self::text(title, SpanStyle::default())],
        },
        Block::CodeBlock {
            language: None,
            code: text.to_string(),
        },
    ]
}

fn text(value: &str, style: SpanStyle) -> Inline {
    Inline::Text(Span {
        text: value.to_string(),
        style,
    })
}

/// Lays blocks out at `width` and styles them with the theme.
pub fn render_lines(blocks: &[Block], width: u16, theme: &Theme) -> Vec<Line<'static>> {
    layout_blocks(blocks, width)
        .into_iter()
        .map(|line| styled_line(line, width, theme))
        .collect()
}

/// How many lines the blocks take at `width`.
pub fn line_count(blocks: &[Block], width: u16) -> usize {
    layout_blocks(blocks, width).len()
}

fn styled_line(line: StyledLine, width: u16, theme: &Theme) -> Line<'static> {
    // A code block's lines are painted to the full width, so the block stands apart as one
    // box (its inset is part of the box).
    let code_line = !line.spans.is_empty()
        && line
            .spans
            .iter()
            .all(|span| span.style.role == Role::CodeBlock);
    let used = line.width();
    let mut spans: Vec<TextSpan<'static>> = line
        .spans
        .into_iter()
        .map(|span| TextSpan::styled(span.text, style_of(span.style, theme)))
        .collect();
    if code_line && used < usize::from(width) {
        spans.push(TextSpan::styled(
            " ".repeat(usize::from(width) - used),
            theme.code(),
        ));
    }
    Line::from(spans)
}

/// The theme's style for a semantic text style.
pub fn style_of(text_style: TextStyle, theme: &Theme) -> Style {
    let mut style = match text_style.role {
        Role::Text => {
            if text_style.quote {
                theme.quote()
            } else {
                theme.text()
            }
        }
        Role::Heading(1) => theme.heading().add_modifier(Modifier::UNDERLINED),
        Role::Heading(_) => theme.heading(),
        Role::CodeBlock => theme.code(),
        Role::LinkTarget | Role::Rule | Role::TableBorder | Role::Html | Role::Muted => {
            theme.muted()
        }
        Role::ListMarker => theme.accent(),
        Role::TaskDone => theme.ok().add_modifier(Modifier::BOLD),
        Role::TaskOpen => theme.warning(),
        Role::QuoteBar => theme.quote(),
        Role::TableHeader => theme.text().add_modifier(Modifier::BOLD),
    };
    if text_style.code {
        style = style.patch(theme.code());
    }
    if text_style.link {
        style = style.patch(theme.link());
    }
    if text_style.emphasis {
        style = style.add_modifier(Modifier::ITALIC);
    }
    if text_style.strong {
        style = style.add_modifier(Modifier::BOLD);
    }
    if text_style.strikethrough {
        style = style.add_modifier(Modifier::CROSSED_OUT);
    }
    style
}
