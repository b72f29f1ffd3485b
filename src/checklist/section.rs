//! Writing into one body section of a card: the text under a heading is replaced and every
//! other byte of the body stays as it was. A missing section is created in the conventional
//! order (Why it matters · Show it · Try it · Pitfalls · Leave behind).
//!
//! Finding sections in text (not in parsed blocks) is needed here because the result must be
//! the author's own Markdown with one region changed; [`crate::markdown`] reads sections for
//! display and checks.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::SECTIONS;

/// A heading at the top level of the body.
#[derive(Debug, Clone)]
struct Heading {
    level: u8,
    /// From the start of the heading's first line to the start of the line after it.
    lines: Range<usize>,
    key: String,
}

/// Where a section stands in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SectionSpan {
    /// The heading's level (2 for `##`).
    pub level: u8,
    /// What lies under the heading, up to the next heading of the same or a higher level.
    pub content: Range<usize>,
}

/// How headings compare: case, repeated spaces and a trailing colon do not matter.
fn key(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .to_lowercase()
        .trim_end_matches(':')
        .trim_end()
        .to_string()
}

fn headings(body: &str) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut reading: Option<(u8, usize, String)> = None;
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
            }
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => {
                reading = Some((level as u8, range.start, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, start, text)) = reading.take() {
                    let line_start = body[..start].rfind('\n').map_or(0, |i| i + 1);
                    found.push(Heading {
                        level,
                        lines: line_start..line_end(body, range.end),
                        key: key(&text),
                    });
                }
            }
            Event::Text(part) | Event::Code(part) => {
                if let Some((_, _, text)) = &mut reading {
                    text.push_str(&part);
                }
            }
            _ => {}
        }
    }
    found
}

/// The start of the line after the one that `offset` ends in (the end of the text at most).
fn line_end(body: &str, offset: usize) -> usize {
    if offset > 0 && body.as_bytes().get(offset - 1) == Some(&b'\n') {
        return offset;
    }
    body[offset..]
        .find('\n')
        .map_or(body.len(), |i| offset + i + 1)
}

/// Where the section titled `title` stands, if the body has it.
pub(super) fn find(body: &str, title: &str) -> Option<SectionSpan> {
    let wanted = key(title);
    let headings = headings(body);
    let index = headings.iter().position(|h| h.key == wanted)?;
    let heading = &headings[index];
    let end = headings[index + 1..]
        .iter()
        .find(|next| next.level <= heading.level)
        .map_or(body.len(), |next| next.lines.start);
    Some(SectionSpan {
        level: heading.level,
        content: heading.lines.end..end,
    })
}

/// The text under a section's heading without the blank lines around it; `None` when missing.
pub(super) fn text<'a>(body: &'a str, title: &str) -> Option<&'a str> {
    find(body, title).map(|span| body[span.content].trim_matches('\n').trim_end())
}

/// The body with the section `title` holding `content` (a blank line after the heading and
/// one before the next heading), creating the section when it is missing.
pub(super) fn set(body: &str, title: &str, content: &str) -> String {
    let content = content.trim_matches('\n').trim_end();
    match find(body, title) {
        Some(span) => {
            let followed = span.content.end < body.len();
            let mut out = String::with_capacity(body.len() + content.len() + 4);
            out.push_str(&body[..span.content.start]);
            if !body[..span.content.start].ends_with('\n') {
                out.push('\n');
            }
            out.push('\n');
            out.push_str(content);
            out.push('\n');
            if followed {
                out.push('\n');
            }
            out.push_str(&body[span.content.end..]);
            out
        }
        None => insert(body, title, content),
    }
}

/// Adds a new section before the first conventional section that comes after it, or at the end.
fn insert(body: &str, title: &str, content: &str) -> String {
    let order = |name: &str| SECTIONS.iter().position(|s| key(s) == key(name));
    let rank = order(title).unwrap_or(SECTIONS.len());
    let headings = headings(body);
    let level = headings
        .iter()
        .find(|h| order(&h.key).is_some())
        .map_or(2, |h| h.level);
    let later = headings
        .iter()
        .filter(|h| h.level == level)
        .find(|h| order(&h.key).is_some_and(|r| r > rank));
    let hashes = "#".repeat(usize::from(level));
    let section = format!("{hashes} {title}\n\n{content}\n");
    match later {
        Some(next) => {
            let at = next.lines.start;
            format!("{}{section}\n{}", &body[..at], &body[at..])
        }
        None => {
            let mut out = body.to_string();
            if !out.is_empty() {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                if !out.ends_with("\n\n") {
                    out.push('\n');
                }
            }
            out.push_str(&section);
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Intro.\n\n## Why it matters\n\nBecause.\n\n### Detail\n\nMore.\n\n## Show it\n\n\n## Pitfalls:\n\n- one\n";

    #[test]
    fn finds_sections_with_their_subsections() {
        assert_eq!(
            text(BODY, "why it matters"),
            Some("Because.\n\n### Detail\n\nMore.")
        );
        assert_eq!(text(BODY, "Show it"), Some(""));
        assert_eq!(text(BODY, "Pitfalls"), Some("- one"));
        assert_eq!(text(BODY, "Try it"), None);
    }

    #[test]
    fn replacing_keeps_every_other_byte() {
        let out = set(BODY, "Show it", "1. Open the file\n");
        assert_eq!(
            out,
            BODY.replace("## Show it\n\n\n", "## Show it\n\n1. Open the file\n\n")
        );
        let out = set(BODY, "Pitfalls", "- two");
        assert_eq!(out, BODY.replace("- one\n", "- two\n"));
    }

    #[test]
    fn missing_sections_go_in_the_conventional_order() {
        let out = set(BODY, "Try it", "Do it.");
        assert!(
            out.contains("## Show it\n\n\n## Try it\n\nDo it.\n\n## Pitfalls:"),
            "{out}"
        );
        let out = set(BODY, "Leave behind", "- <https://x.example>");
        assert!(out.ends_with("- one\n\n## Leave behind\n\n- <https://x.example>\n"));
        let out = set("", "Show it", "1. x");
        assert_eq!(out, "## Show it\n\n1. x\n");
        let out = set("# Title\n\n## Try it\n\nx", "Why it matters", "y");
        assert_eq!(out, "# Title\n\n## Why it matters\n\ny\n\n## Try it\n\nx");
    }

    #[test]
    fn headings_in_quotes_and_setext_headings() {
        let body = "> ## Show it\n> quoted\n\nShow it\n-------\n\nreal\n";
        assert_eq!(text(body, "Show it"), Some("real"));
    }
}
