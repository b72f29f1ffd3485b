//! The bundled packs are what a mentor sees on day one and the model for their own cards: every
//! card must be a complete lesson plan, every link official-looking and well-formed, every
//! template must name existing cards and fit its slot.

use std::collections::HashSet;
use std::path::Path;

use skillbook::card::SECTIONS;
use skillbook::library::{self, CardSource, Library, PackLocation};
use skillbook::markdown::{Block, Inline, MarkdownDoc};

/// A library with no folder of its own: only the bundled packs.
fn bundled() -> Library {
    let empty = tempfile::tempdir().unwrap();
    let library = library::load(&empty.path().join("none"));
    assert!(
        library.broken.is_empty(),
        "broken bundled cards: {:?}",
        library.broken
    );
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    library
}

const PACKS: [&str; 10] = [
    "excel-charts",
    "powerpoint-animations",
    "prezi",
    "linkedin-b2b",
    "facebook-pages",
    "slack",
    "salesforce-basics",
    "podio",
    "mentoring-craft",
    "mentoring-craft-da",
];

#[test]
fn every_pack_is_there_with_five_to_eight_cards() {
    let library = bundled();
    for name in PACKS {
        let pack = library
            .pack(name)
            .unwrap_or_else(|| panic!("pack {name} is bundled"));
        assert_eq!(pack.location, PackLocation::Bundled);
        assert!(
            (5..=8).contains(&pack.card_count),
            "{name} has {} cards",
            pack.card_count
        );
        assert!(
            pack.manifest.description.is_some(),
            "{name} has a description"
        );
        assert!(pack.manifest.license.is_some(), "{name} has a licence");
    }
    assert!(library.cards.len() >= 60, "{} cards", library.cards.len());
    let danish = library.pack("mentoring-craft-da").unwrap();
    assert_eq!(danish.manifest.lang.as_deref(), Some("da"));
}

#[test]
fn every_card_is_a_complete_lesson_plan() {
    let library = bundled();
    let mut problems = Vec::new();
    for entry in &library.cards {
        let card = &entry.card;
        let name = entry.path.display();
        let mut fail = |what: &str| problems.push(format!("{name}: {what}"));
        if card.summary.as_deref().is_none_or(str::is_empty) {
            fail("no summary");
        }
        if card.tool.is_none() {
            fail("no tool");
        }
        if card.tags.is_empty() {
            fail("no tags");
        }
        if card.level.is_none() {
            fail("no level");
        }
        if card.duration.is_none_or(|d| d.get() == 0) {
            fail("no duration");
        }
        if card.outcomes.len() < 2 {
            fail("fewer than two outcomes");
        }
        if card.checklist.len() < 2 {
            fail("fewer than two card-specific checklist items");
        }
        if card.checklist.iter().any(|item| item.done) {
            fail("a bundled card carries a tick (readiness is personal)");
        }
        if card.lang.is_none() {
            fail("no lang");
        }
        let document = MarkdownDoc::parse(&card.body);
        for section in SECTIONS {
            match document.section(section) {
                Some(blocks) if !blocks.is_empty() => {}
                Some(_) => fail(&format!("section {section:?} is empty")),
                None => fail(&format!("section {section:?} is missing")),
            }
        }
        let leave_behind = links(document.section("Leave behind").unwrap_or_default());
        if leave_behind.is_empty() {
            fail("no link under Leave behind");
        }
        for link in leave_behind.iter().chain(&card.links) {
            if !link.starts_with("https://") || link.contains(' ') || link.contains("example.") {
                fail(&format!("link {link:?} is not a real https address"));
            }
        }
        let text = format!("{:?}{}", card, card.body);
        for placeholder in ["lorem", "TODO", "coming soon", "...", "\u{2026}"] {
            if text.contains(placeholder) {
                fail(&format!("placeholder text {placeholder:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_prerequisite_resolves() {
    let library = bundled();
    for entry in &library.cards {
        let pack = entry.source.pack();
        for prerequisite in &entry.card.prerequisites {
            assert!(
                library.find_index(prerequisite, pack).is_some(),
                "{}: prerequisite {prerequisite:?} names no card",
                entry.path.display()
            );
        }
    }
}

#[test]
fn ids_are_unique_across_the_bundled_packs() {
    let library = bundled();
    assert_eq!(library.duplicate_ids(), []);
    let mut seen = HashSet::new();
    for card in &library.cards {
        assert!(seen.insert(card.qualified_id()));
        assert!(matches!(card.source, CardSource::Pack { .. }));
    }
}

#[test]
fn the_templates_name_existing_cards_and_fit_their_slots() {
    let library = bundled();
    let templates: Vec<(&Path, &str, &str)> = library
        .packs
        .iter()
        .flat_map(|pack| {
            pack.templates.iter().map(move |(path, text)| {
                (path.as_path(), text.as_str(), pack.manifest.name.as_str())
            })
        })
        .collect();
    let names: Vec<String> = templates
        .iter()
        .map(|(p, _, _)| p.display().to_string())
        .collect();
    for wanted in ["office-visit-60", "coffee-meeting-30", "slack-after-work"] {
        assert!(
            names.iter().any(|n| n.contains(wanted)),
            "template {wanted} ships: {names:?}"
        );
    }
    for (path, text, pack) in templates {
        let plans = skillbook::plan::load_plan(path, text).unwrap_or_else(|e| panic!("{e}"));
        for session in plans.sessions() {
            let timed = skillbook::plan::timetable(&library, &session, Some(pack));
            let name = path.display();
            assert!(
                timed.missing_cards.is_empty(),
                "{name}: {:?}",
                timed.missing_cards
            );
            assert!(
                !timed.overruns(),
                "{name}: {} overruns its slot",
                session.title
            );
            assert!(session.slot.is_some(), "{name}: a template has a slot");
            assert_eq!(timed.timetable.unknown_lengths().count(), 0, "{name}");
        }
    }
}

/// Every link target in some blocks, nested lists included.
fn links(blocks: &[Block]) -> Vec<String> {
    let mut found = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(inlines)
            | Block::Heading {
                content: inlines, ..
            } => {
                found.extend(inlines.iter().filter_map(|inline| match inline {
                    Inline::Link(link) => Some(link.target.clone()),
                    _ => None,
                }));
            }
            Block::List(list) => {
                for item in &list.items {
                    found.extend(links(&item.blocks));
                }
            }
            Block::BlockQuote(inner) => found.extend(links(inner)),
            _ => {}
        }
    }
    found
}
