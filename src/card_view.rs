//! A card as something to read: its front matter as a compact header (tool, level, duration,
//! tags, summary, outcomes, what the session requires) followed by the body, all as Markdown
//! blocks. The command line's `show` and the app's preview lay out the same blocks, so a card
//! reads the same in both.

use crate::card::SkillCard;
use crate::markdown::{Block, Inline, List, ListItem, MarkdownDoc, Span, SpanStyle};

/// The header and body of a card, ready for [`crate::markdown::layout_blocks`].
pub fn card_blocks(card: &SkillCard) -> Vec<Block> {
    card_blocks_from(card, None)
}

/// The same, with where the card comes from (`my card`, a pack's title) in the facts line.
pub fn card_blocks_from(card: &SkillCard, source: Option<&str>) -> Vec<Block> {
    let mut blocks = header_blocks(card, source);
    blocks.extend(MarkdownDoc::parse(&card.body).blocks);
    blocks
}

/// The compact header alone: title, a facts line, the summary, outcomes and requirements.
pub fn header_blocks(card: &SkillCard, source: Option<&str>) -> Vec<Block> {
    let mut blocks = vec![Block::Heading {
        level: 1,
        content: vec![text(&card.title, SpanStyle::default())],
    }];
    let mut facts = facts_line(card);
    if let Some(source) = source.filter(|s| !s.is_empty()) {
        if !facts.is_empty() {
            facts.push_str(" · ");
        }
        facts.push_str(source);
    }
    if !facts.is_empty() {
        blocks.push(Block::Paragraph(vec![text(&facts, emphasis())]));
    }
    if let Some(summary) = card.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        blocks.push(Block::Paragraph(vec![text(summary, SpanStyle::default())]));
    }
    let labels = Labels::for_lang(card.lang.as_deref());
    push_list(&mut blocks, labels.outcomes, &card.outcomes);
    push_list(&mut blocks, labels.requires, &card.requires);
    if !card.prerequisites.is_empty() {
        blocks.push(Block::Paragraph(vec![
            text(labels.builds_on, strong()),
            text(&card.prerequisites.join(", "), SpanStyle::default()),
        ]));
    }
    blocks.push(Block::Rule);
    blocks
}

/// The header's words, in the card's language (English unless it is Danish).
struct Labels {
    outcomes: &'static str,
    requires: &'static str,
    builds_on: &'static str,
}

impl Labels {
    fn for_lang(lang: Option<&str>) -> Labels {
        let danish = lang.is_some_and(|l| l.eq_ignore_ascii_case("da") || l.starts_with("da-"));
        if danish {
            Labels {
                outcomes: "Bagefter kan de",
                requires: "Det kræver mødet",
                builds_on: "Bygger på: ",
            }
        } else {
            Labels {
                outcomes: "They will be able to",
                requires: "The session needs",
                builds_on: "Builds on: ",
            }
        }
    }
}

/// `Excel · beginner · 20 min · #charts #sales`
pub fn facts_line(card: &SkillCard) -> String {
    let mut facts: Vec<String> = Vec::new();
    if let Some(tool) = card.tool.as_deref().filter(|t| !t.trim().is_empty()) {
        facts.push(tool.to_string());
    }
    if let Some(level) = card.level {
        facts.push(level.to_string());
    }
    if let Some(duration) = card.duration {
        facts.push(duration.to_string());
    }
    if !card.tags.is_empty() {
        let tags: Vec<String> = card.tags.iter().map(|tag| format!("#{tag}")).collect();
        facts.push(tags.join(" "));
    }
    facts.join(" · ")
}

fn push_list(blocks: &mut Vec<Block>, label: &str, entries: &[String]) {
    if entries.is_empty() {
        return;
    }
    blocks.push(Block::Paragraph(vec![text(label, strong())]));
    blocks.push(Block::List(List {
        start: None,
        items: entries
            .iter()
            .map(|entry| ListItem {
                task: None,
                blocks: vec![Block::Paragraph(vec![text(entry, SpanStyle::default())])],
            })
            .collect(),
    }));
}

fn text(content: &str, style: SpanStyle) -> Inline {
    Inline::Text(Span {
        text: content.to_string(),
        style,
    })
}

fn emphasis() -> SpanStyle {
    SpanStyle {
        emphasis: true,
        ..SpanStyle::default()
    }
}

fn strong() -> SpanStyle {
    SpanStyle {
        strong: true,
        ..SpanStyle::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::Level;
    use crate::duration::Minutes;
    use crate::markdown::layout_blocks;

    #[test]
    fn the_header_says_what_the_card_is_in_a_few_lines() {
        let mut card = SkillCard::new("pivot", "Build a *pivot* chart");
        card.tool = Some("Excel".into());
        card.level = Some(Level::Beginner);
        card.duration = Some(Minutes(20));
        card.tags = vec!["charts".into(), "sales".into()];
        card.outcomes = vec!["Filter by region".into()];
        card.body = "## Why it matters\n\nBecause.\n".into();
        let lines: Vec<String> = layout_blocks(&card_blocks(&card), 60)
            .iter()
            .map(|line| line.plain().trim_end().to_string())
            .collect();
        let text = lines.join("\n");
        // Card text is data: the asterisks in the title stay asterisks.
        assert!(text.contains("Build a *pivot* chart"), "{text}");
        assert!(
            text.contains("Excel · beginner · 20 min · #charts #sales"),
            "{text}"
        );
        assert!(text.contains("Filter by region"), "{text}");
        assert!(text.contains("Why it matters"), "{text}");
    }
}
