//! A card's parsed body as HTML. Built from the parsed blocks, never from the card's text, so
//! raw HTML in a card is shown as text and every attribute the page has is one we wrote.

use std::fmt::Write as _;

use super::escape;
use crate::export::{one_line, safe_link};
use crate::markdown::{Alignment, Block, Inline, Link, List, Span, Table, TaskState};
use crate::safe_text::{sanitize, sanitize_line};

/// Renders blocks as HTML elements, one or more lines each.
pub(super) fn render_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        render_block(block, &mut out);
    }
    out
}

fn render_block(block: &Block, out: &mut String) {
    match block {
        // The export's own headings set the levels; a heading inside a section is a lead-in.
        Block::Heading { content, .. } => {
            let _ = writeln!(
                out,
                "<p class=\"lead-in\"><strong>{}</strong></p>",
                inlines(content)
            );
        }
        Block::Paragraph(content) => {
            let _ = writeln!(out, "<p>{}</p>", inlines(content));
        }
        Block::CodeBlock { code, .. } => {
            let code = sanitize(code.trim_end_matches('\n'));
            let _ = writeln!(out, "<pre><code>{}</code></pre>", escape(&code));
        }
        Block::BlockQuote(inner) => {
            let _ = write!(out, "<blockquote>\n{}</blockquote>\n", render_blocks(inner));
        }
        Block::List(list) => list_html(list, out),
        Block::Table(table) => table_html(table, out),
        Block::Rule => out.push_str("<hr>\n"),
        // Raw HTML in a card is shown as the text it is, never interpreted.
        Block::Html(html) => {
            let text = sanitize(html.trim_end_matches('\n'));
            let _ = writeln!(
                out,
                "<pre class=\"raw\"><code>{}</code></pre>",
                escape(&text)
            );
        }
    }
}

fn list_html(list: &List, out: &mut String) {
    match list.start {
        Some(1) => out.push_str("<ol>\n"),
        Some(start) => {
            let _ = writeln!(out, "<ol start=\"{start}\">");
        }
        None => out.push_str("<ul>\n"),
    }
    for item in &list.items {
        out.push_str("<li>");
        match item.task {
            Some(TaskState::Done) => out.push_str("<span class=\"box\">☑</span> "),
            Some(TaskState::Open) => out.push_str("<span class=\"box\">☐</span> "),
            None => {}
        }
        // A tight item (one paragraph, maybe a nested list) needs no paragraph element.
        for (i, block) in item.blocks.iter().enumerate() {
            match block {
                Block::Paragraph(content) if i == 0 => out.push_str(&inlines(content)),
                other => {
                    out.push('\n');
                    render_block(other, out);
                }
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str(if list.start.is_some() {
        "</ol>\n"
    } else {
        "</ul>\n"
    });
}

fn table_html(table: &Table, out: &mut String) {
    let columns = table
        .header
        .len()
        .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
    let align = |i: usize| match table.alignments.get(i) {
        Some(Alignment::Center) => " class=\"center\"",
        Some(Alignment::Right) => " class=\"right\"",
        _ => "",
    };
    out.push_str("<table class=\"data\">\n<thead><tr>");
    for i in 0..columns {
        let cell = table.header.get(i).map(|c| inlines(c)).unwrap_or_default();
        let _ = write!(out, "<th scope=\"col\"{}>{cell}</th>", align(i));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for i in 0..columns {
            let cell = row.get(i).map(|c| inlines(c)).unwrap_or_default();
            let _ = write!(out, "<td{}>{cell}</td>", align(i));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Inline content as HTML.
fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text(span) => out.push_str(&span_html(span)),
            Inline::Link(link) => out.push_str(&link_html(link)),
            Inline::SoftBreak => out.push(' '),
            Inline::HardBreak => out.push_str("<br>"),
        }
    }
    out.trim().to_string()
}

fn span_html(span: &Span) -> String {
    let mut text = escape(&sanitize_line(&span.text));
    let style = span.style;
    for (on, tag) in [
        (style.code, "code"),
        (style.strikethrough, "del"),
        (style.emphasis, "em"),
        (style.strong, "strong"),
    ] {
        if on {
            text = format!("<{tag}>{text}</{tag}>");
        }
    }
    text
}

/// A link to a web or mail target; an image becomes a link to it (nothing is fetched); any
/// other target is shown as text beside the link's text.
fn link_html(link: &Link) -> String {
    let text: String = link.content.iter().map(span_html).collect();
    let text = text.trim();
    let shown = match (link.image, text.is_empty()) {
        (true, true) => "image".to_string(),
        (true, false) => format!("image: {text}"),
        (false, true) => escape(&one_line(&link.target)),
        (false, false) => text.to_string(),
    };
    match safe_link(&link.target) {
        Some(href) => format!(
            "<a href=\"{}\" rel=\"noopener noreferrer\">{shown}</a>",
            escape(&href)
        ),
        None if link.target.trim().is_empty() => shown,
        None => format!(
            "{shown} <span class=\"inert-link\">({})</span>",
            escape(&one_line(&link.target))
        ),
    }
}
