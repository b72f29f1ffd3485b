//! Property tests: a card saved and read back is the same card, and saving a card that did not
//! change gives back the file byte for byte, whatever the values hold.

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;
use skillbook::card::{
    CardTemplate, ChecklistItem, Level, Origin, SkillCard, new_card_text, parse_card, render_card,
};
use skillbook::duration::Minutes;

fn text() -> impl Strategy<Value = String> {
    // Any characters but CR, which a file's line endings decide (see the CRLF unit test).
    "[^\r]{0,24}"
}

fn title() -> impl Strategy<Value = String> {
    "[^\r]{0,20}[a-zA-Zæøå0-9][^\r]{0,20}"
}

fn list() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..4)
}

fn optional() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

prop_compose! {
    fn card()(
        id in "[a-z0-9][a-z0-9-]{0,12}",
        title in title(),
        (summary, tool, lang, author) in (optional(), optional(), optional(), optional()),
        (tags, audience, prerequisites, outcomes) in (list(), list(), list(), list()),
        (requires, materials, links, ready) in (list(), list(), list(), list()),
        level in prop::option::of(prop::sample::select(Level::ALL.to_vec())),
        duration in prop::option::of(0u32..600),
        updated in prop::option::of(0u32..20_000),
        checklist in prop::collection::vec((title(), any::<bool>()), 0..4),
        origin in prop::option::of((title(), title(), "[0-9]\\.[0-9]")),
        body in "[^\r]{0,200}",
    ) -> SkillCard {
        SkillCard {
            id,
            title,
            summary,
            tool,
            tags,
            level,
            duration: duration.map(Minutes),
            audience,
            lang,
            prerequisites,
            outcomes,
            requires,
            materials,
            links,
            author,
            updated: updated.map(|days| NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Days::new(days.into())),
            checklist: checklist.into_iter().map(|(item, done)| ChecklistItem { item, done }).collect(),
            ready,
            origin: origin.map(|(pack, card, version)| Origin { pack, card, version }),
            body,
        }
    }
}

fn starting_file() -> (SkillCard, skillbook::card::CardFile) {
    let text = new_card_text(&CardTemplate {
        title: "Start".into(),
        tool: Some("Excel".into()),
        level: None,
        duration: Some(Minutes(20)),
        lang: None,
        tags: vec!["a".into()],
    });
    parse_card(Path::new("start.md"), text.as_bytes()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_saved_card_reads_back_the_same(card in card()) {
        let (start, file) = starting_file();
        let saved = render_card(&file, &start, &card);
        let (read, read_file) = parse_card(Path::new("start.md"), saved.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n--- saved:\n{saved}")))?;
        // Empty optional strings and lists stay as written; compare what the user sees.
        prop_assert_eq!(&read, &card, "saved text:\n{}", saved);
        // And saving it again unchanged gives the same bytes.
        prop_assert_eq!(render_card(&read_file, &read, &read), saved);
    }

    #[test]
    fn one_changed_title_changes_one_line(card in card(), new_title in title()) {
        let (start, file) = starting_file();
        let saved = render_card(&file, &start, &card);
        let (read, read_file) = parse_card(Path::new("start.md"), saved.as_bytes()).unwrap();
        let mut renamed = read.clone();
        renamed.title = new_title;
        let again = render_card(&read_file, &read, &renamed);
        let changed = saved.lines().zip(again.lines()).filter(|(a, b)| a != b).count();
        prop_assert_eq!(saved.lines().count(), again.lines().count());
        prop_assert!(changed <= 1, "{} lines changed", changed);
    }
}
