//! "Make it concrete": a guided step per default item. The step asks the question behind the
//! item ([`DefaultItem::question`]); [`apply_answer`] writes the answer into the right place of
//! the card and ticks the item.
//!
//! Where each answer goes:
//! - Outcome: appended to `outcomes` (one line, spaces collapsed; not added twice).
//! - Their world: a paragraph `**Their world:** …` (`**Deres verden:** …` on a Danish card) at
//!   the end of the "Why it matters" section, replacing an earlier one. It lives there, not in
//!   a section of its own, because it is the reason the skill matters to this person, and
//!   the five conventional sections stay the shape every card and export knows.
//! - Show it: the "Show it" section, as numbered steps (lines are numbered unless the answer
//!   numbers them itself).
//! - Try it: the "Try it" section, as written.
//! - Pitfalls: the "Pitfalls" section, one bullet per line.
//! - Leave behind: the "Leave behind" section, one bullet per line; a web address becomes a
//!   link (`Cheat sheet https://…` -> `[Cheat sheet](https://…)`).
//! - Timing: `duration`, typed forgivingly (`20`, `1:30`, `1h30`, `45m`).
//!
//! A section answer replaces what the section held, and every other byte of the body stays;
//! a missing section is created in the conventional order. The pane pre-fills its editor with
//! [`current_answer`], so rewriting a section starts from its text, never from nothing.

use super::section;
use super::ticks::{is_done, tick_default};
use super::{DefaultItem, ItemId, Ticks};
use crate::card::SkillCard;
use crate::duration::{DurationError, parse_minutes};

/// Why an answer could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// Nothing but spaces was typed.
    #[error("the answer is empty")]
    Empty,
    /// The Timing answer is not a duration.
    #[error(transparent)]
    Duration(#[from] DurationError),
    /// The Timing answer is zero minutes.
    #[error("a card takes at least a minute")]
    NoMinutes,
}

/// The first default item not ticked on an own card: where the guided steps continue.
pub fn next_step(card: &SkillCard) -> Option<DefaultItem> {
    DefaultItem::ALL
        .into_iter()
        .find(|&item| !is_done(card, Ticks::OnCard, ItemId::Default(item)))
}

/// What the card holds for an item now, to pre-fill the answer: a section's text, the
/// "Their world" note, the duration; empty for Outcome (its answers are added, not replaced).
pub fn current_answer(card: &SkillCard, item: DefaultItem) -> String {
    match item {
        DefaultItem::Outcome => String::new(),
        DefaultItem::Timing => card
            .duration
            .map(|minutes| minutes.get().to_string())
            .unwrap_or_default(),
        DefaultItem::TheirWorld => {
            let why = section::text(&card.body, "Why it matters").unwrap_or_default();
            paragraphs(why)
                .into_iter()
                .find_map(their_world_note)
                .unwrap_or_default()
                .to_string()
        }
        _ => item
            .section()
            .and_then(|title| section::text(&card.body, title))
            .unwrap_or_default()
            .to_string(),
    }
}

/// The card with `answer` written where `item` keeps its content, and `item` ticked.
///
/// # Errors
/// An empty answer, or for Timing a duration that cannot be read or is zero.
pub fn apply_answer(
    card: &SkillCard,
    item: DefaultItem,
    answer: &str,
) -> Result<SkillCard, AnswerError> {
    let answer = answer.trim();
    if answer.is_empty() {
        return Err(AnswerError::Empty);
    }
    let mut new = card.clone();
    match item {
        DefaultItem::Outcome => {
            let sentence = answer.split_whitespace().collect::<Vec<_>>().join(" ");
            if !new.outcomes.iter().any(|o| o.trim() == sentence) {
                new.outcomes.push(sentence);
            }
        }
        DefaultItem::Timing => {
            let minutes = parse_minutes(answer)?;
            if minutes.get() == 0 {
                return Err(AnswerError::NoMinutes);
            }
            new.duration = Some(minutes);
        }
        DefaultItem::TheirWorld => {
            let why = section::text(&card.body, "Why it matters").unwrap_or_default();
            let note = format!("**{}:** {}", their_world_label(card), join_lines(answer));
            new.body = section::set(&card.body, "Why it matters", &with_note(why, &note));
        }
        DefaultItem::ShowIt => new.body = set(card, item, &numbered(answer)),
        DefaultItem::TryIt => new.body = set(card, item, answer),
        DefaultItem::Pitfalls => new.body = set(card, item, &bullets(answer, str::to_string)),
        DefaultItem::LeaveBehind => new.body = set(card, item, &bullets(answer, linked)),
    }
    tick_default(&mut new, item);
    Ok(new)
}

fn set(card: &SkillCard, item: DefaultItem, content: &str) -> String {
    match item.section() {
        Some(title) => section::set(&card.body, title, content),
        None => card.body.clone(),
    }
}

/// The note's label in the card's language.
fn their_world_label(card: &SkillCard) -> &'static str {
    let danish = card
        .lang
        .as_deref()
        .is_some_and(|lang| lang.to_lowercase().starts_with("da"));
    if danish {
        "Deres verden"
    } else {
        "Their world"
    }
}

/// The text of a "Their world" paragraph, if `paragraph` is one.
fn their_world_note(paragraph: &str) -> Option<&str> {
    ["**Their world:**", "**Deres verden:**"]
        .iter()
        .find_map(|label| paragraph.strip_prefix(label))
        .map(str::trim)
}

/// Paragraphs of text: runs of lines between blank lines.
fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(|p| p.trim_matches('\n'))
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// The section's text with the note replacing an earlier note, or added at the end.
fn with_note(section_text: &str, note: &str) -> String {
    let mut parts: Vec<String> = paragraphs(section_text)
        .into_iter()
        .map(str::to_string)
        .collect();
    match parts.iter().position(|p| their_world_note(p).is_some()) {
        Some(index) => parts[index] = note.to_string(),
        None => parts.push(note.to_string()),
    }
    parts.join("\n\n")
}

/// Non-empty lines joined into one paragraph (line breaks kept as soft breaks).
fn join_lines(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// A list marker at the start of a line (`- `, `* `, `• `, `1. `, `2) `), and the rest.
fn strip_marker(line: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim_start());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    if digits > 0 && (rest.starts_with(". ") || rest.starts_with(") ")) {
        return Some(rest[2..].trim_start());
    }
    None
}

/// Numbered steps: the answer as written when it numbers its lines, else each line numbered
/// (indented lines continue the step above).
fn numbered(answer: &str) -> String {
    let numbers_itself = answer.lines().any(|line| {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
    });
    if numbers_itself {
        return answer.to_string();
    }
    let mut step = 0;
    let mut lines = Vec::new();
    for line in answer.lines().filter(|l| !l.trim().is_empty()) {
        if line.starts_with(char::is_whitespace) && step > 0 {
            lines.push(format!("   {}", line.trim()));
        } else {
            step += 1;
            let text = strip_marker(line.trim()).unwrap_or(line.trim());
            lines.push(format!("{step}. {text}"));
        }
    }
    lines.join("\n")
}

/// One bullet per line, each line's text passed through `shape`. Indented lines continue the
/// bullet above, and so do unmarked lines when the answer marks its bullets itself (a long
/// bullet wrapped by hand).
fn bullets(answer: &str, shape: fn(&str) -> String) -> String {
    let marks_itself = answer.lines().any(|l| strip_marker(l.trim()).is_some());
    let mut lines = Vec::new();
    for line in answer.lines().filter(|l| !l.trim().is_empty()) {
        let continues = line.starts_with(char::is_whitespace)
            || (marks_itself && strip_marker(line.trim()).is_none());
        if continues && !lines.is_empty() {
            lines.push(format!("  {}", line.trim()));
        } else {
            let text = strip_marker(line.trim()).unwrap_or(line.trim());
            lines.push(format!("- {}", shape(text)));
        }
    }
    lines.join("\n")
}

/// A leave-behind line with its web address made a link: `<https://…>` alone,
/// `[what it is](https://…)` after a description. Markdown links are kept.
fn linked(line: &str) -> String {
    if line.contains("](") || line.contains("<http") {
        return line.to_string();
    }
    let (before, address) = line.rsplit_once(char::is_whitespace).unwrap_or(("", line));
    let is_web = address.starts_with("https://") || address.starts_with("http://");
    if !is_web {
        return line.to_string();
    }
    let description = before
        .trim()
        .trim_end_matches([':', '-', '—', '–'])
        .trim_end();
    if description.is_empty() {
        format!("<{address}>")
    } else {
        format!("[{description}]({address})")
    }
}
