//! Laying a document out into styled lines of a given width, for the command line and the
//! terminal app alike.
//!
//! Indentation (quote bars, list markers, the code block inset) is drawn only while it leaves
//! [`MIN_TEXT`] cells for the text; on a narrower screen the text gets the whole width, because
//! a readable line matters more than a faithful margin. Every line is at most the width.

use super::model::{Block, Inline, Link, List, ListItem, MarkdownDoc, SpanStyle, TaskState};
use super::style::{Role, StyledLine, TextStyle};
use super::table::layout_table;
use super::wrap::{Piece, fit, hard_wrap, wrap};
use crate::safe_text::sanitize;

/// The fewest cells indentation may leave for the text beside it.
pub(super) const MIN_TEXT: usize = 8;

/// Code blocks are set in by this many cells.
const CODE_INDENT: usize = 2;

/// Bullets by nesting depth, repeating past the third level.
const BULLETS: [&str; 3] = ["•", "◦", "▪"];

/// Lays a document out in lines at most `width` terminal cells wide (a width of 0 counts as 1).
pub fn layout(doc: &MarkdownDoc, width: u16) -> Vec<StyledLine> {
    layout_blocks(&doc.blocks, width)
}

/// Lays out some blocks, such as one [`MarkdownDoc::section`], like [`layout`] does.
pub fn layout_blocks(blocks: &[Block], width: u16) -> Vec<StyledLine> {
    let width = usize::from(width).max(1);
    let mut lines = blocks_lines(blocks, width, Context::default());
    for line in &mut lines {
        fit(line, width);
    }
    lines
}

/// What surrounds a block: it decides styles and spacing.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    quote: bool,
    list_depth: usize,
    in_item: bool,
}

impl Context {
    fn style(self, role: Role) -> TextStyle {
        TextStyle {
            quote: self.quote,
            ..TextStyle::of(role)
        }
    }
}

fn blocks_lines(blocks: &[Block], width: usize, ctx: Context) -> Vec<StyledLine> {
    let mut lines = Vec::new();
    for block in blocks {
        let block_lines = block_lines(block, width, ctx);
        if block_lines.is_empty() {
            continue;
        }
        // Blocks are set apart by a blank line, except a list nested in a list item, which
        // belongs to the item's text.
        let nested_list = ctx.in_item && matches!(block, Block::List(_));
        if !lines.is_empty() && !nested_list {
            lines.push(StyledLine::default());
        }
        lines.extend(block_lines);
    }
    lines
}

fn block_lines(block: &Block, width: usize, ctx: Context) -> Vec<StyledLine> {
    match block {
        Block::Heading { level, content } => heading(*level, content, width, ctx),
        Block::Paragraph(content) => wrap(&pieces(content, ctx.style(Role::Text)), width),
        Block::CodeBlock { code, .. } => code_block(code, width, ctx),
        Block::BlockQuote(blocks) => quote(blocks, width, ctx),
        Block::List(list) => list_lines(list, width, ctx),
        Block::Table(table) => layout_table(table, width, ctx.style(Role::Text)),
        Block::Rule => vec![StyledLine::of("─".repeat(width), ctx.style(Role::Rule))],
        Block::Html(html) => hard_wrap(html, ctx.style(Role::Html), width),
    }
}

/// Levels 1 and 2 are underlined (`═`, `─`); deeper levels keep their `###` marks, so the
/// level shows without colour too.
fn heading(level: u8, content: &[Inline], width: usize, ctx: Context) -> Vec<StyledLine> {
    let level = level.clamp(1, 6);
    let style = ctx.style(Role::Heading(level));
    let mut all = Vec::new();
    if level > 2 {
        all.push(Piece::Text("#".repeat(usize::from(level)), style));
        all.push(Piece::Text(" ".to_string(), style));
    }
    all.extend(pieces(content, style));
    let mut lines = wrap(&all, width);
    let underline_width = lines.iter().map(StyledLine::width).max().unwrap_or(0);
    if level <= 2 && underline_width > 0 {
        let mark = if level == 1 { "═" } else { "─" };
        lines.push(StyledLine::of(mark.repeat(underline_width), style));
    }
    lines
}

fn code_block(code: &str, width: usize, ctx: Context) -> Vec<StyledLine> {
    let style = ctx.style(Role::CodeBlock);
    if width < CODE_INDENT + MIN_TEXT {
        return hard_wrap(code, style, width);
    }
    let inset = StyledLine::of(" ".repeat(CODE_INDENT), style);
    let lines = hard_wrap(code, style, width - CODE_INDENT);
    lines
        .into_iter()
        .map(|line| prefixed(&inset, line))
        .collect()
}

fn quote(blocks: &[Block], width: usize, ctx: Context) -> Vec<StyledLine> {
    let inner_ctx = Context {
        quote: true,
        in_item: false,
        ..ctx
    };
    let bar_style = inner_ctx.style(Role::QuoteBar);
    if width < 2 + MIN_TEXT {
        return blocks_lines(blocks, width, inner_ctx);
    }
    blocks_lines(blocks, width - 2, inner_ctx)
        .into_iter()
        .map(|line| {
            // A blank line in a quote keeps its bar but no trailing space.
            let bar = if line.is_empty() { "│" } else { "│ " };
            prefixed(&StyledLine::of(bar, bar_style), line)
        })
        .collect()
}

fn list_lines(list: &List, width: usize, ctx: Context) -> Vec<StyledLine> {
    let digits = list.start.map_or(0, |start| {
        let count = u64::try_from(list.items.len()).unwrap_or(u64::MAX);
        let last = start.saturating_add(count.saturating_sub(1));
        last.to_string().len()
    });
    let mut lines = Vec::new();
    for (i, item) in list.items.iter().enumerate() {
        let number = list
            .start
            .map(|start| start.saturating_add(u64::try_from(i).unwrap_or(u64::MAX)));
        let marker = item_marker(number, digits, item, ctx);
        lines.extend(item_lines(item, marker, width, ctx));
    }
    lines
}

/// `• `, ` 9. `, `10. `, `[x] `, `3. [ ] `.
fn item_marker(number: Option<u64>, digits: usize, item: &ListItem, ctx: Context) -> StyledLine {
    let marker_style = ctx.style(Role::ListMarker);
    let mut marker = StyledLine::default();
    match (number, item.task) {
        (Some(n), _) => marker.push(format!("{n:>digits$}. "), marker_style),
        (None, None) => {
            let bullet = BULLETS[ctx.list_depth % BULLETS.len()];
            marker.push(format!("{bullet} "), marker_style);
        }
        // A task box is bullet enough.
        (None, Some(_)) => {}
    }
    match item.task {
        Some(TaskState::Done) => marker.push("[x] ", ctx.style(Role::TaskDone)),
        Some(TaskState::Open) => marker.push("[ ] ", ctx.style(Role::TaskOpen)),
        None => {}
    }
    marker
}

fn item_lines(item: &ListItem, marker: StyledLine, width: usize, ctx: Context) -> Vec<StyledLine> {
    let item_ctx = Context {
        list_depth: ctx.list_depth + 1,
        in_item: true,
        ..ctx
    };
    let marker_width = marker.width();
    if width < marker_width + MIN_TEXT {
        // No room for a hanging indent: the marker gets a line of its own.
        let mut lines = vec![marker];
        lines.extend(blocks_lines(&item.blocks, width, item_ctx));
        return lines;
    }
    let mut content = blocks_lines(&item.blocks, width - marker_width, item_ctx);
    if content.is_empty() {
        content.push(StyledLine::default());
    }
    let hang = StyledLine::of(" ".repeat(marker_width), ctx.style(Role::Text));
    content
        .into_iter()
        .enumerate()
        .map(|(i, line)| match i {
            0 => prefixed(&marker, line),
            _ if line.is_empty() => line,
            _ => prefixed(&hang, line),
        })
        .collect()
}

fn prefixed(prefix: &StyledLine, line: StyledLine) -> StyledLine {
    let mut out = prefix.clone();
    out.append(line);
    out
}

/// Inline content as wrappable pieces: sanitized text with the span styles laid over `base`,
/// and link targets after link texts.
pub(super) fn pieces(inlines: &[Inline], base: TextStyle) -> Vec<Piece> {
    let mut out = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Text(span) => out.push(text_piece(&span.text, with_span(base, span.style))),
            Inline::Link(link) => link_pieces(link, base, &mut out),
            Inline::SoftBreak => out.push(Piece::Text(" ".to_string(), base)),
            Inline::HardBreak => out.push(Piece::Break),
        }
    }
    out
}

/// `text (https://…)`; the target is left out when it is the text (autolinks, mail addresses).
/// An image shows as `[alt text] (src)`.
fn link_pieces(link: &Link, base: TextStyle, out: &mut Vec<Piece>) {
    let style = TextStyle { link: true, ..base };
    let text = link.text();
    let target = link.target.trim();
    if text.trim().is_empty() && !link.image {
        out.push(text_piece(target, style));
        return;
    }
    if link.image {
        out.push(text_piece("[", style));
    }
    for span in &link.content {
        out.push(text_piece(&span.text, with_span(style, span.style)));
    }
    if link.image {
        if text.trim().is_empty() {
            out.push(text_piece("image", style));
        }
        out.push(text_piece("]", style));
    }
    let same = text == target || target.strip_prefix("mailto:") == Some(text.as_str());
    if !target.is_empty() && !same {
        out.push(Piece::Text(" ".to_string(), base));
        let target_style = TextStyle {
            role: Role::LinkTarget,
            ..base
        };
        out.push(text_piece(&format!("({target})"), target_style));
    }
}

fn text_piece(text: &str, style: TextStyle) -> Piece {
    Piece::Text(sanitize(text).into_owned(), style)
}

fn with_span(base: TextStyle, span: SpanStyle) -> TextStyle {
    TextStyle {
        emphasis: base.emphasis || span.emphasis,
        strong: base.strong || span.strong,
        strikethrough: base.strikethrough || span.strikethrough,
        code: base.code || span.code,
        ..base
    }
}

/// The widest line of some pieces laid out without a width limit.
pub(super) fn natural_width(pieces: &[Piece]) -> usize {
    const UNBOUNDED: usize = usize::MAX / 4;
    wrap(pieces, UNBOUNDED)
        .iter()
        .map(StyledLine::width)
        .max()
        .unwrap_or(0)
}

/// Spaces of a given width in a style, for padding.
pub(super) fn spaces(count: usize, style: TextStyle) -> StyledLine {
    StyledLine::of(" ".repeat(count), style)
}
