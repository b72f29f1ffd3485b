//! Automatic checks: gaps read from a card's content, shown beside the manual items they belong
//! to. They never tick or untick anything; a ticked item whose content is missing still shows
//! its gap, so the mentor sees the contradiction.

use std::fmt;

use super::DefaultItem;
use crate::card::SkillCard;
use crate::markdown::{Block, Inline, MarkdownDoc};

/// The body sections every card has by convention, in their order.
pub const SECTIONS: [&str; 5] = [
    "Why it matters",
    "Show it",
    "Try it",
    "Pitfalls",
    "Leave behind",
];

/// Something the card's content is missing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Gap {
    /// `outcomes` is empty.
    NoOutcomes,
    /// A conventional body section has no heading at all.
    MissingSection(&'static str),
    /// A conventional body section has a heading and nothing under it.
    EmptySection(&'static str),
    /// `duration` is not set.
    NoDuration,
    /// The Leave behind section has text but no link.
    NoLeaveBehindLink,
    /// A `prerequisites` entry names no card of the library.
    UnknownPrerequisite(String),
}

impl Gap {
    /// The default item the gap is shown beside; `None` for gaps of the card as a whole.
    pub fn item(&self) -> Option<DefaultItem> {
        match self {
            Gap::NoOutcomes => Some(DefaultItem::Outcome),
            Gap::MissingSection(section) | Gap::EmptySection(section) => DefaultItem::ALL
                .into_iter()
                .find(|item| item.section() == Some(section)),
            Gap::NoDuration => Some(DefaultItem::Timing),
            Gap::NoLeaveBehindLink => Some(DefaultItem::LeaveBehind),
            Gap::UnknownPrerequisite(_) => None,
        }
    }

    /// A stable name for scripts (`--json`).
    pub fn kind(&self) -> &'static str {
        match self {
            Gap::NoOutcomes => "no-outcomes",
            Gap::MissingSection(_) => "missing-section",
            Gap::EmptySection(_) => "empty-section",
            Gap::NoDuration => "no-duration",
            Gap::NoLeaveBehindLink => "no-leave-behind-link",
            Gap::UnknownPrerequisite(_) => "unknown-prerequisite",
        }
    }
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gap::NoOutcomes => f.write_str("no outcomes: say what they can do afterwards"),
            Gap::MissingSection(section) => write!(f, "no \"## {section}\" section"),
            Gap::EmptySection(section) => write!(f, "the \"{section}\" section is empty"),
            Gap::NoDuration => f.write_str("no duration: set how many minutes it takes"),
            Gap::NoLeaveBehindLink => f.write_str("the \"Leave behind\" section has no link"),
            Gap::UnknownPrerequisite(id) => write!(f, "prerequisite {id:?} names no card"),
        }
    }
}

/// Every gap in a card's content, in checklist order: outcomes, the body sections, duration,
/// then prerequisites that `prerequisite_exists` does not know.
pub fn content_gaps(card: &SkillCard, prerequisite_exists: &dyn Fn(&str) -> bool) -> Vec<Gap> {
    let mut gaps = Vec::new();
    if card
        .outcomes
        .iter()
        .all(|outcome| outcome.trim().is_empty())
    {
        gaps.push(Gap::NoOutcomes);
    }
    let doc = MarkdownDoc::parse(&card.body);
    for section in SECTIONS {
        match doc.section(section) {
            None => gaps.push(Gap::MissingSection(section)),
            Some(blocks) if is_empty(blocks) => gaps.push(Gap::EmptySection(section)),
            Some(blocks) if section == "Leave behind" && !blocks.iter().any(has_link) => {
                gaps.push(Gap::NoLeaveBehindLink);
            }
            Some(_) => {}
        }
    }
    if card.duration.is_none() {
        gaps.push(Gap::NoDuration);
    }
    for prerequisite in &card.prerequisites {
        if !prerequisite_exists(prerequisite) {
            gaps.push(Gap::UnknownPrerequisite(prerequisite.clone()));
        }
    }
    gaps
}

/// No blocks, or only HTML comments (`<!-- fill in -->` placeholders count as empty).
fn is_empty(blocks: &[Block]) -> bool {
    blocks.iter().all(|block| match block {
        Block::Html(html) => {
            let html = html.trim();
            html.is_empty() || (html.starts_with("<!--") && html.ends_with("-->"))
        }
        _ => false,
    })
}

/// Whether a block holds a link: a Markdown link, an autolink, or a bare web address.
fn has_link(block: &Block) -> bool {
    match block {
        Block::Heading { content, .. } | Block::Paragraph(content) => inlines_have_link(content),
        Block::BlockQuote(blocks) => blocks.iter().any(has_link),
        Block::List(list) => list
            .items
            .iter()
            .any(|item| item.blocks.iter().any(has_link)),
        Block::Table(table) => table
            .header
            .iter()
            .chain(table.rows.iter().flatten())
            .any(|cell| inlines_have_link(cell)),
        Block::CodeBlock { .. } | Block::Rule | Block::Html(_) => false,
    }
}

fn inlines_have_link(inlines: &[Inline]) -> bool {
    inlines.iter().any(|inline| match inline {
        Inline::Link(link) => !link.image && !link.target.trim().is_empty(),
        Inline::Text(span) => ["http://", "https://", "www."]
            .iter()
            .any(|start| span.text.contains(start)),
        Inline::SoftBreak | Inline::HardBreak => false,
    })
}
