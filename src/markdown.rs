//! Card bodies: Markdown read once into our own element types, then laid out into styled lines
//! of a given width that the command line prints and the terminal app draws.
//!
//! - [`MarkdownDoc::parse`] turns text into [`Block`]s and [`Inline`]s (CommonMark with tables,
//!   strikethrough and task lists). It never fails: what is not Markdown is text.
//! - [`layout`] turns a document into [`StyledLine`]s no wider than the width, every piece of
//!   text passed through [`crate::safe_text::sanitize`] on the way.
//! - [`section`] and [`MarkdownDoc::section`] find the body of a conventional section such as
//!   `## Try it`, for checks and for run mode.
//!
//! The domain never draws: styles are semantic ([`TextStyle`], [`Role`]) and a theme decides
//! what they look like.

mod layout;
mod model;
mod parse;
mod style;
mod table;
mod wrap;

#[cfg(test)]
mod tests;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

pub use layout::{layout, layout_blocks};
pub use model::{
    Alignment, Block, Cell, Inline, Link, List, ListItem, MarkdownDoc, Span, SpanStyle, Table,
    TaskState, inline_text,
};
pub use style::{Role, StyledLine, StyledSpan, TextStyle};

impl MarkdownDoc {
    /// Parses Markdown text. Never fails; nesting deeper than anyone writes is flattened.
    pub fn parse(text: &str) -> MarkdownDoc {
        parse::parse(text)
    }
}

/// The document as plain text laid out at `width`: what the styled lines say, without styles
/// or trailing spaces. For exports to plain text and mail.
pub fn plain_text(doc: &MarkdownDoc, width: u16) -> String {
    let lines: Vec<String> = layout(doc, width)
        .iter()
        .map(|line| line.plain().trim_end().to_string())
        .collect();
    lines.join("\n")
}

/// The raw Markdown under the heading whose text is `heading` (ignoring case, surrounding
/// space and a trailing colon), up to the next heading of the same or a higher level, without
/// the blank lines around it. Headings inside quotes and lists do not count.
///
/// `Some("")` means the heading is there with nothing under it; `None` that it is missing.
pub fn section<'a>(text: &'a str, heading: &str) -> Option<&'a str> {
    let wanted = model::heading_key(heading);
    let mut depth = 0usize;
    // The heading being read: its level and text so far.
    let mut reading: Option<(u8, String)> = None;
    // The matching heading: its level and where its body starts.
    let mut found: Option<(u8, usize)> = None;
    for (event, range) in Parser::new_ext(text, parse::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
            }
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => {
                let level = parse::heading_level(level);
                if let Some((found_level, start)) = found
                    && level <= found_level
                {
                    return Some(trim_blank_lines(&text[start..range.start]));
                }
                reading = Some((level, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, title)) = reading.take()
                    && found.is_none()
                    && model::heading_key(&title) == wanted
                {
                    found = Some((level, range.end));
                }
            }
            Event::Text(part) | Event::Code(part) => {
                if let Some((_, title)) = &mut reading {
                    title.push_str(&part);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, title)) = &mut reading {
                    title.push(' ');
                }
            }
            _ => {}
        }
    }
    found.map(|(_, start)| trim_blank_lines(&text[start..]))
}

/// Drops blank lines before and whitespace after text, keeping the indentation of its first
/// line (an indented code block stays one).
fn trim_blank_lines(text: &str) -> &str {
    let text = text.trim_end();
    let first_visible = text
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(text.len());
    let line_start = text[..first_visible].rfind('\n').map_or(0, |i| i + 1);
    &text[line_start..]
}
