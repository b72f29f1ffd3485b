//! A card's parsed body written out again as Markdown. Writing from the parsed blocks (rather
//! than copying the card's text) is what keeps a card from smuggling raw HTML or a
//! `javascript:` link into the export, and lets headings inside a section sit below the
//! export's own headings.

use super::escape::{escape, escape_cell, escape_inline};
use crate::export::{one_line, safe_link};
use crate::markdown::{Alignment, Block, Inline, Link, List, Span, Table, TaskState};
use crate::safe_text::{sanitize, sanitize_line};

/// Renders blocks as Markdown, separated by blank lines.
pub(in crate::export) fn render_blocks(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(render_block)
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn render_block(block: &Block) -> String {
    match block {
        // A heading inside a card's section becomes a bold line: the export's own headings
        // set the levels.
        Block::Heading { content, .. } => {
            let text = inlines(content);
            if text.is_empty() {
                text
            } else {
                format!("**{text}**")
            }
        }
        Block::Paragraph(content) => inlines(content),
        Block::CodeBlock { language, code } => code_block(language.as_deref(), code),
        Block::BlockQuote(inner) => render_blocks(inner)
            .lines()
            .map(|line| {
                if line.is_empty() {
                    ">".to_string()
                } else {
                    format!("> {line}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::List(list) => list_text(list),
        Block::Table(table) => table_text(table),
        Block::Rule => "---".to_string(),
        // Raw HTML is shown as text, never passed on to be interpreted.
        Block::Html(html) => sanitize(html.trim())
            .lines()
            .map(escape)
            .collect::<Vec<_>>()
            .join("\\\n"),
    }
}

fn code_block(language: Option<&str>, code: &str) -> String {
    let code = sanitize(code);
    let longest_run = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    let language = language
        .filter(|l| {
            l.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-_".contains(c))
        })
        .unwrap_or("");
    format!(
        "{fence}{language}\n{}\n{fence}",
        code.trim_end_matches('\n')
    )
}

fn list_text(list: &List) -> String {
    let mut items = Vec::new();
    for (i, item) in list.items.iter().enumerate() {
        let number = list.start.map(|start| start.saturating_add(i as u64));
        let mut marker = match number {
            Some(n) => format!("{n}. "),
            None => "- ".to_string(),
        };
        match item.task {
            Some(TaskState::Done) => marker.push_str("[x] "),
            Some(TaskState::Open) => marker.push_str("[ ] "),
            None => {}
        }
        let indent = " ".repeat(marker.len());
        // Items stay tight: a paragraph and the list nested under it are one item's text.
        let body = item
            .blocks
            .iter()
            .map(render_block)
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let mut lines = body.lines();
        let first = lines.next().unwrap_or("");
        let mut text = format!("{marker}{first}").trim_end().to_string();
        for line in lines {
            text.push('\n');
            if !line.is_empty() {
                text.push_str(&indent);
                text.push_str(line);
            }
        }
        items.push(text);
    }
    items.join("\n")
}

fn table_text(table: &Table) -> String {
    let columns = table
        .header
        .len()
        .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
    if columns == 0 {
        return String::new();
    }
    let row = |cells: &[Vec<Inline>]| {
        let texts: Vec<String> = (0..columns)
            .map(|i| cells.get(i).map(|cell| cell_text(cell)).unwrap_or_default())
            .collect();
        format!("| {} |", texts.join(" | "))
    };
    let delimiter: Vec<&str> = (0..columns)
        .map(|i| match table.alignments.get(i) {
            Some(Alignment::Left) => ":--",
            Some(Alignment::Center) => ":-:",
            Some(Alignment::Right) => "--:",
            _ => "---",
        })
        .collect();
    let mut lines = vec![row(&table.header), format!("|{}|", delimiter.join("|"))];
    lines.extend(table.rows.iter().map(|cells| row(cells)));
    lines.join("\n")
}

/// A table cell: one line, and `|` in the text cannot end the cell.
fn cell_text(cell: &[Inline]) -> String {
    let flat: Vec<Inline> = cell
        .iter()
        .map(|inline| match inline {
            Inline::HardBreak => Inline::SoftBreak,
            other => other.clone(),
        })
        .collect();
    // Text spans already escape `|`.
    inlines(&flat)
}

/// Inline content as Markdown, on one line except at hard breaks.
fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    let mut line_start = true;
    for inline in &merge_spans(content) {
        match inline {
            Inline::Text(span) => out.push_str(&span_text(span, line_start)),
            Inline::Link(link) => out.push_str(&link_text(link)),
            Inline::SoftBreak => out.push(' '),
            Inline::HardBreak => {
                out.push_str("\\\n");
                line_start = true;
                continue;
            }
        }
        line_start = false;
    }
    out.trim().to_string()
}

/// The inlines with runs of one style joined, across the soft breaks between them, so
/// `**Refresh\nAll**` comes out as `**Refresh All**` rather than `**Refresh** **All**`.
fn merge_spans(content: &[Inline]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(content.len());
    for (i, inline) in content.iter().enumerate() {
        let style_at = |j: Option<usize>| match j.and_then(|j| content.get(j)) {
            Some(Inline::Text(span)) => Some(span.style),
            _ => None,
        };
        let inline = match inline {
            // A soft break between two runs of one style joins them with a space.
            Inline::SoftBreak => match style_at(i.checked_sub(1)) {
                Some(style) if style_at(Some(i + 1)) == Some(style) => Inline::Text(Span {
                    text: " ".to_string(),
                    style,
                }),
                _ => Inline::SoftBreak,
            },
            other => other.clone(),
        };
        match (out.last_mut(), inline) {
            (Some(Inline::Text(last)), Inline::Text(span)) if last.style == span.style => {
                last.text.push_str(&span.text);
            }
            (_, inline) => out.push(inline),
        }
    }
    out
}

/// A run of text with its style marks; spaces stay outside the marks, where they keep the
/// marks working.
fn span_text(span: &Span, line_start: bool) -> String {
    let clean = sanitize_line(&span.text);
    let text = clean.trim();
    if text.is_empty() {
        return clean.into_owned();
    }
    let lead = &clean[..clean.len() - clean.trim_start().len()];
    let trail = &clean[clean.trim_end().len()..];
    let style = span.style;
    let mut body = if style.code {
        code_span(text)
    } else if line_start && lead.is_empty() {
        escape(text)
    } else {
        escape_inline(text)
    };
    if !style.code {
        body = body.replace('|', "\\|");
    }
    for (on, mark) in [
        (style.strikethrough, "~~"),
        (style.emphasis, "*"),
        (style.strong, "**"),
    ] {
        if on {
            body = format!("{mark}{body}{mark}");
        }
    }
    format!("{lead}{body}{trail}")
}

fn code_span(text: &str) -> String {
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// `[text](target)` for a web or mail link; anything else is its text and target as text.
fn link_text(link: &Link) -> String {
    let text: String = link
        .content
        .iter()
        .map(|span| span_text(span, false))
        .collect::<String>()
        .trim()
        .to_string();
    let shown = match (link.image, text.is_empty()) {
        (true, true) => "image".to_string(),
        (true, false) => format!("image: {text}"),
        (false, true) => escape(&one_line(&link.target)),
        (false, false) => text,
    };
    match safe_link(&link.target) {
        // An autolink stays one: `<https://…>` reads better than the address twice.
        Some(target) if !link.image && link.text().trim() == link.target.trim() => {
            format!("<{target}>")
        }
        Some(target) => format!("[{shown}]({target})"),
        None if link.target.trim().is_empty() => shown,
        None => format!("{shown} ({})", escape_cell(&link.target)),
    }
}
