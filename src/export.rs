//! What comes out of a plan: the one-page visit card, the participant handout and the mentor
//! run-sheet as Markdown, self-contained printable HTML or plain text for a mail, and the
//! calendar file (ICS) with one event per visit or course session.
//!
//! Everything here is a pure function of a plan, the library and (for ICS) a time stamp: no
//! terminal, no files. The work is done in three steps, so every format says the same thing:
//!
//! 1. [`facts`]: the plan timed against the library, every card it names looked up and its
//!    sections (Show it, Try it, Pitfalls, Leave behind) pulled out of the body.
//! 2. [`page`]: which of those facts go on which document, as a small tree of sections and
//!    parts ([`Page`]) that knows nothing of any format.
//! 3. One renderer per format: [`md`], [`html`], [`txt`] render a [`Page`]; [`ics`] renders the
//!    sessions straight from the facts, because a calendar holds events, not pages.
//!
//! Text from cards, packs and plans is untrusted: the Markdown and text renderers pass it
//! through [`crate::safe_text`], the HTML renderer escapes it and only links to `http`,
//! `https` and `mailto` targets.

pub mod facts;
pub mod html;
pub mod ics;
pub mod md;
pub mod page;
pub mod txt;

use chrono::{DateTime, Utc};

pub use self::facts::{CardFacts, PlanFacts, SessionFacts, gather};
pub use self::page::{Page, Part, Section, compose};
use crate::error::{Diagnostic, Diagnostics};
use crate::library::Library;
use crate::plan::Plan;

/// The file formats an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown, for a wiki, a repository or a Markdown-aware mail client.
    Markdown,
    /// One self-contained HTML file with a print stylesheet: no scripts, nothing fetched.
    Html,
    /// An iCalendar file (RFC 5545) with one event per session.
    Ics,
    /// Plain text wrapped at 72 columns, to paste into a mail.
    Text,
}

impl Format {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Ics => "ics",
            Format::Text => "txt",
        }
    }
}

/// Which document to make from a plan. A calendar file ignores this: it always holds the
/// sessions as events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Document {
    /// One page to put on the table: when, where, who, the goals, the timetable, what each side
    /// brings and wants to learn.
    VisitCard,
    /// For the participants: what each card teaches, the exercises and the links to keep.
    Handout,
    /// For the mentor: timings and notes, the Show it steps and Pitfalls of every card, the
    /// "before you go" list, and the notes on the organisation and the mentee.
    RunSheet,
}

/// What to export, and the moment the export is made (an ICS file's `DTSTAMP`; passed in so
/// the same input gives the same output in tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRequest {
    pub format: Format,
    pub document: Document,
    pub stamp: DateTime<Utc>,
}

/// A finished export and what it had to leave out or mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file's text (an ICS file's lines end in CRLF, as RFC 5545 requires).
    pub text: String,
    /// Card items naming no card of the library; the export shows them as missing.
    pub missing_cards: Vec<Diagnostic>,
}

/// Exports a plan. `context_pack` names the pack a template comes from, so its plain card ids
/// find the pack's own cards first.
///
/// # Errors
/// Only a calendar file can fail: a visit or course session without a date cannot become an
/// event. The problems name the file and, for a course, the session's place in it.
pub fn export(
    plan: &Plan,
    library: &Library,
    context_pack: Option<&str>,
    request: &ExportRequest,
) -> Result<Exported, Diagnostics> {
    let facts = gather(plan, library, context_pack);
    let text = match request.format {
        Format::Ics => ics::render(&facts, request.stamp)?,
        Format::Markdown => md::render(&compose(&facts, request.document)),
        Format::Html => html::render(&compose(&facts, request.document)),
        Format::Text => txt::render(&compose(&facts, request.document)),
    };
    Ok(Exported {
        text,
        missing_cards: facts.missing_cards,
    })
}

/// Text for one line of output: runs of spaces, tabs and newlines become one space (a note
/// written over several lines in TOML still reads as one), and any other control character is
/// made visible.
pub(crate) fn one_line(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::safe_text::sanitize_line(&joined).into_owned()
}

/// The link target to put in a document, or `None` when it must be shown as text only. Only
/// `http`, `https` and `mailto` targets are linked: a card cannot make a reader run a
/// `javascript:` URL or open a local file. Spaces, quotes, angle brackets and parentheses are
/// percent-encoded, so the target cannot end early in Markdown or HTML.
pub(crate) fn safe_link(target: &str) -> Option<String> {
    let target = target.trim();
    let lower = target.to_ascii_lowercase();
    let allowed = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    if !allowed || target.chars().any(|c| c.is_control()) {
        return None;
    }
    let mut out = String::with_capacity(target.len());
    for c in target.chars() {
        match c {
            ' ' | '"' | '\'' | '<' | '>' | '(' | ')' | '\\' | '`' | '{' | '}' | '|' | '^' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            // A bidi control in a shown address would reorder what the reader sees.
            _ if c.is_whitespace() || crate::safe_text::is_bidi_control(c) => {
                for byte in c.to_string().bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::https("https://example.org/a b", Some("https://example.org/a%20b"))]
    #[case::http_upper("HTTP://example.org", Some("HTTP://example.org"))]
    #[case::mailto("mailto:anna@example.org", Some("mailto:anna@example.org"))]
    #[case::parens("https://x.org/Foo_(bar)", Some("https://x.org/Foo_%28bar%29"))]
    #[case::quote("https://x.org/\"onmouseover=", Some("https://x.org/%22onmouseover="))]
    #[case::javascript("javascript:alert(1)", None)]
    #[case::javascript_mixed_case(" JavaScript:alert(1)", None)]
    #[case::data("data:text/html,<script>", None)]
    #[case::file("file:///etc/passwd", None)]
    #[case::relative("../secret.html", None)]
    #[case::scheme_only("https://", None)]
    #[case::control("https://x.org/\u{1b}[2J", None)]
    fn only_web_and_mail_links_are_linked(#[case] target: &str, #[case] expected: Option<&str>) {
        assert_eq!(safe_link(target).as_deref(), expected);
    }

    #[test]
    fn one_line_joins_lines_and_shows_controls() {
        assert_eq!(one_line("  Use his\n  own\texport "), "Use his own export");
        assert_eq!(one_line("a\u{1b}[2Jb"), "a␛[2Jb");
    }
}
