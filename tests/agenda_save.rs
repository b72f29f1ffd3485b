//! Saving an agenda's items through the format-preserving writer: the user's comments, key
//! order and spacing stay, and only the lines of what changed change.

use std::path::Path;

use skillbook::agenda::save::save_items;
use skillbook::agenda::{ItemKind, parse_agenda};
use skillbook::duration::Minutes;

const HAND_WRITTEN: &str = r#"# Visit at Hansen & Co — agreed on the phone
title = "Visit at Hansen & Co"
start = "09:00"
slot   = 60   # he has an hour

# First the charts, he asked for them
[[items]]
card    = "pivot-chart-slicers"
minutes = "20m"   # keep it short
note = "Use his sales export"

# Coffee
[[items]]
break = 10

[[items]]
title   = "His questions"
minutes = 15

[mentee]
name = "Erik Hansen"   # director
"#;

fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    let diff = similar_lines(before, after);
    diff.into_iter().filter(|(a, b)| a != b).collect()
}

/// Lines paired up where the line counts match (the edits below keep them equal).
fn similar_lines(before: &str, after: &str) -> Vec<(String, String)> {
    assert_eq!(before.lines().count(), after.lines().count(), "{after}");
    before
        .lines()
        .zip(after.lines())
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn saving_unchanged_items_changes_nothing() {
    let agenda = parse_agenda(Path::new("visit.toml"), HAND_WRITTEN).unwrap();
    let origins: Vec<_> = (0..agenda.items.len()).map(Some).collect();
    let saved = save_items(HAND_WRITTEN, &agenda.items, &origins).unwrap();
    assert_eq!(saved, HAND_WRITTEN);
}

#[test]
fn changing_minutes_changes_one_line_and_keeps_its_comment() {
    let mut agenda = parse_agenda(Path::new("visit.toml"), HAND_WRITTEN).unwrap();
    if let ItemKind::Card { minutes, .. } = &mut agenda.items[0].kind {
        *minutes = Some(Minutes(25));
    }
    let origins: Vec<_> = (0..agenda.items.len()).map(Some).collect();
    let saved = save_items(HAND_WRITTEN, &agenda.items, &origins).unwrap();
    assert_eq!(
        changed_lines(HAND_WRITTEN, &saved),
        vec![(
            r#"minutes = "20m"   # keep it short"#.to_string(),
            "minutes = 25   # keep it short".to_string()
        )]
    );
    parse_agenda(Path::new("visit.toml"), &saved).unwrap();
}

#[test]
fn reordering_moves_tables_with_their_comments() {
    let agenda = parse_agenda(Path::new("visit.toml"), HAND_WRITTEN).unwrap();
    let items = vec![
        agenda.items[1].clone(),
        agenda.items[0].clone(),
        agenda.items[2].clone(),
    ];
    let saved = save_items(HAND_WRITTEN, &items, &[Some(1), Some(0), Some(2)]).unwrap();
    let coffee = saved.find("# Coffee").unwrap();
    let charts = saved.find("# First the charts").unwrap();
    assert!(coffee < charts, "{saved}");
    assert!(saved.contains("minutes = \"20m\"   # keep it short"));
    assert!(
        saved.ends_with("[mentee]\nname = \"Erik Hansen\"   # director\n"),
        "{saved}"
    );
    let again = parse_agenda(Path::new("visit.toml"), &saved).unwrap();
    assert_eq!(
        again.items[0].kind,
        ItemKind::Break {
            minutes: Minutes(10)
        }
    );
}

#[test]
fn new_and_removed_items_and_pins() {
    let agenda = parse_agenda(Path::new("visit.toml"), HAND_WRITTEN).unwrap();
    let mut items = vec![agenda.items[0].clone(), agenda.items[2].clone()];
    items[1].at = chrono::NaiveTime::from_hms_opt(9, 45, 0);
    let mut added = agenda.items[1].clone();
    added.kind = ItemKind::Break {
        minutes: Minutes(5),
    };
    items.push(added);
    let saved = save_items(HAND_WRITTEN, &items, &[Some(0), Some(2), None]).unwrap();
    assert!(!saved.contains("# Coffee"), "{saved}");
    assert!(saved.contains("at = \"09:45\""), "{saved}");
    assert!(saved.contains("# First the charts, he asked for them"));
    assert!(saved.contains("name = \"Erik Hansen\"   # director"));
    let again = parse_agenda(Path::new("visit.toml"), &saved).unwrap();
    assert_eq!(again.items.len(), 3);
    assert_eq!(
        again.items[2].kind,
        ItemKind::Break {
            minutes: Minutes(5)
        }
    );
    assert!(again.mentee.is_some());
}
