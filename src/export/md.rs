//! A page as Markdown, for a wiki, a repository or a Markdown-aware mail client.
//!
//! Card text is untrusted and Markdown is a markup language, so text is never pasted in as
//! written: card bodies are written out again from their parsed blocks, and every piece of
//! text has its control characters made visible and the characters that would start markup
//! (emphasis, links, raw HTML, a heading or list at the start of a line) escaped. Only `http`,
//! `https` and `mailto` targets become links; images become links too, so nothing is fetched.

mod blocks;
mod escape;

use self::blocks::render_blocks;
use self::escape::{escape, escape_cell, escape_inline};
use super::page::{Page, Part, RowClass, Section, TimetableView};
use super::{one_line, safe_link};
use crate::safe_text::sanitize;

/// Renders a page as Markdown.
pub fn render(page: &Page) -> String {
    let mut out = Vec::new();
    out.push(format!(
        "# {}: {}",
        page.kind,
        escape_inline(&one_line(&page.title))
    ));
    for part in &page.parts {
        out.push(render_part(part));
    }
    for section in &page.sections {
        render_section(section, 2, &mut out);
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

fn render_section(section: &Section, level: usize, out: &mut Vec<String>) {
    let marks = "#".repeat(level.min(6));
    out.push(format!(
        "{marks} {}",
        escape_inline(&one_line(&section.heading))
    ));
    for part in &section.parts {
        out.push(render_part(part));
    }
    for child in &section.children {
        render_section(child, level + 1, out);
    }
}

fn render_part(part: &Part) -> String {
    match part {
        Part::Facts(facts) => facts
            .iter()
            .map(|fact| {
                format!(
                    "- **{}:** {}",
                    fact.label,
                    escape_inline(&one_line(&fact.value))
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Part::Paragraph(text) => paragraph(text),
        Part::Bullets(items) => items
            .iter()
            .map(|item| format!("- {}", escape(&one_line(item))))
            .collect::<Vec<_>>()
            .join("\n"),
        Part::Checklist(ticks) => ticks
            .iter()
            .map(|tick| {
                let mut line = format!("- [ ] {}", escape(&one_line(&tick.text)));
                if let Some(remark) = &tick.remark {
                    line.push_str(&format!(" *({})*", escape_inline(&one_line(remark))));
                }
                line
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Part::Timetable(view) => timetable(view),
        Part::Note(text) => format!("> **Note:** {}", escape_inline(&one_line(text))),
        Part::Warning(text) => format!("> **Warning:** {}", escape_inline(&one_line(text))),
        Part::Blocks(blocks) => render_blocks(blocks),
        Part::Links(links) => links
            .iter()
            .map(|link| match safe_link(link) {
                Some(target) => format!("- <{target}>"),
                None => format!("- {}", escape(&one_line(link))),
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// A paragraph of plain text; its own line breaks are kept as Markdown line breaks.
fn paragraph(text: &str) -> String {
    sanitize(text.trim())
        .lines()
        .map(|line| escape(line.trim()))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// A pipe table; the mentor's version has a column for notes.
fn timetable(view: &TimetableView) -> String {
    let with_notes = view.rows.iter().any(|row| row.note.is_some());
    let mut lines = if with_notes {
        vec![
            "| Time | Length | What | Note |".to_string(),
            "|---|--:|---|---|".to_string(),
        ]
    } else {
        vec![
            "| Time | Length | What |".to_string(),
            "|---|--:|---|".to_string(),
        ]
    };
    for row in &view.rows {
        let mut what = escape_cell(&row.what);
        match row.kind {
            RowClass::Break | RowClass::Gap => what = format!("*{what}*"),
            RowClass::MissingCard => what = format!("**{what}**"),
            RowClass::Card | RowClass::Free => {}
        }
        if !row.remarks.is_empty() {
            what.push_str(&format!(" ({})", escape_cell(&row.remarks.join("; "))));
        }
        let mut line = format!("| {} | {} | {what} |", row.time, row.minutes);
        if with_notes {
            let note = row.note.as_deref().map(escape_cell).unwrap_or_default();
            line.push_str(&format!(" {note} |"));
        }
        lines.push(line);
    }
    if let Some(total) = &view.total {
        lines.push(String::new());
        lines.push(format!("**Total:** {}", escape_inline(&one_line(total))));
    }
    lines.join("\n")
}
