//! A page as plain text for a mail: wrapped at 72 columns, headings underlined, lists with
//! hanging indents, card bodies laid out by the same Markdown layout the terminal uses (links
//! as `text (https://…)`), every piece of text with its control characters made visible.

use super::page::{Page, Part, Section, TimetableView};
use crate::markdown::{Block, Inline, Span, SpanStyle, layout_blocks};

/// The width of a mail: lines are at most this many columns.
pub const WIDTH: usize = 72;

/// Renders a page as plain text.
pub fn render(page: &Page) -> String {
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut head = vec![page.kind.to_uppercase()];
    head.extend(heading(1, &page.title));
    blocks.push(head);
    for part in &page.parts {
        blocks.push(render_part(part));
    }
    for section in &page.sections {
        render_section(section, 2, &mut blocks);
    }
    let mut text = blocks
        .into_iter()
        .filter(|lines| !lines.is_empty())
        .map(|lines| lines.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n");
    text.push('\n');
    text
}

fn render_section(section: &Section, level: u8, blocks: &mut Vec<Vec<String>>) {
    if section.new_sheet {
        // A clear break between sessions where paper would start a new sheet.
        blocks.push(vec![String::new()]);
    }
    blocks.push(heading(level, &section.heading));
    for part in &section.parts {
        blocks.push(render_part(part));
    }
    for child in &section.children {
        render_section(child, level + 1, blocks);
    }
}

fn render_part(part: &Part) -> Vec<String> {
    match part {
        Part::Facts(facts) => {
            let label_width = facts.iter().map(|f| f.label.len()).max().unwrap_or(0) + 2;
            facts
                .iter()
                .flat_map(|fact| {
                    let label = format!("{:<label_width$}", format!("{}:", fact.label));
                    hang(&label, &fact.value)
                })
                .collect()
        }
        Part::Paragraph(text) => text
            .trim()
            .lines()
            .flat_map(|line| wrap(line, WIDTH))
            .collect(),
        Part::Bullets(items) => items.iter().flat_map(|item| hang("• ", item)).collect(),
        Part::Checklist(ticks) => ticks
            .iter()
            .flat_map(|tick| {
                let text = match &tick.remark {
                    Some(remark) => format!("{} ({remark})", tick.text),
                    None => tick.text.clone(),
                };
                hang("[ ] ", &text)
            })
            .collect(),
        Part::Timetable(view) => timetable(view),
        Part::Note(text) => hang("Note: ", text),
        Part::Warning(text) => hang("WARNING: ", text),
        Part::Blocks(blocks) => lines_of(blocks, WIDTH),
        Part::Links(links) => links.iter().flat_map(|link| hang("• ", link)).collect(),
    }
}

/// `09:05–09:25  20 min  What`, the text wrapped under itself, notes and remarks below it.
fn timetable(view: &TimetableView) -> Vec<String> {
    let minutes_width = view
        .rows
        .iter()
        .map(|row| row.minutes.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for row in &view.rows {
        let lead = format!("{}  {:>minutes_width$}  ", row.time, row.minutes);
        let mut what = row.what.clone();
        if !row.remarks.is_empty() {
            what.push_str(&format!(" ({})", row.remarks.join("; ")));
        }
        lines.extend(hang(&lead, &what));
        if let Some(note) = &row.note {
            let indent = " ".repeat(lead.chars().count());
            let text_width = WIDTH.saturating_sub(indent.len()).max(20);
            for (i, line) in wrap(&format!("Note: {note}"), text_width)
                .into_iter()
                .enumerate()
            {
                let pad = if i == 0 { "" } else { "      " };
                lines.push(format!("{indent}{pad}{line}").trim_end().to_string());
            }
        }
    }
    if let Some(total) = &view.total {
        lines.push(String::new());
        lines.extend(hang("Total: ", total));
    }
    lines
}

/// `label` then `text` wrapped to the mail width, later lines indented under the text.
fn hang(label: &str, text: &str) -> Vec<String> {
    let indent = label.chars().count();
    let width = WIDTH.saturating_sub(indent).max(20);
    let wrapped = wrap(text, width);
    if wrapped.is_empty() {
        return vec![label.trim_end().to_string()];
    }
    wrapped
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 {
                label.to_string()
            } else {
                " ".repeat(indent)
            };
            format!("{lead}{line}").trim_end().to_string()
        })
        .collect()
}

/// Plain text wrapped at `width`, through the Markdown layout so wrapping and text safety are
/// the same as everywhere else.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        return Vec::new();
    }
    let paragraph = Block::Paragraph(vec![Inline::Text(Span {
        text: joined,
        style: SpanStyle::default(),
    })]);
    lines_of(&[paragraph], width)
}

/// A heading as the Markdown layout draws it: levels 1 and 2 underlined, deeper ones `###`.
fn heading(level: u8, text: &str) -> Vec<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let block = Block::Heading {
        level: level.min(6),
        content: vec![Inline::Text(Span {
            text: joined,
            style: SpanStyle::default(),
        })],
    };
    lines_of(&[block], WIDTH)
}

fn lines_of(blocks: &[Block], width: usize) -> Vec<String> {
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    layout_blocks(blocks, width)
        .iter()
        .map(|line| line.plain().trim_end().to_string())
        .collect()
}
