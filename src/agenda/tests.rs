use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use rstest::rstest;

use super::*;
use crate::error::Position;

const HANSEN: &str = r#"title = "Digital sparring at Hansen Tømrer"
date = 2026-12-03
start = "09:00"
slot = 60                      # minutes available
place = "Hansen Tømrer ApS, Haderslev"
people = ["Jens Hansen (CEO)"]
goals = ["Jens builds his own monthly sales chart"]
about = "Family carpentry firm, 24 people, sells to builders in Southern Jutland."
offer = ["Excel charts he can update himself", "A LinkedIn profile that brings builders to him"]
ask = ["How he wins and keeps his biggest customers", "What he looks for when he hires"]

[mentee]
name = "Jens Hansen"
role = "CEO"
company = "Hansen Tømrer ApS"
level = "beginner"
goals = ["Stop asking the accountant for charts"]

[[items]]
title = "Welcome and what Jens wants"
minutes = 5

[[items]]
card = "pivot-chart-slicers"
minutes = 20                   # overrides the card's duration
note = "Use his own sales export"

[[items]]
break = 5

[[items]]
card = "linkedin-profile-landing-page"

[[items]]
title = "His turn: how he wins customers"
minutes = 10
at = "09:50"                   # a pinned start time
"#;

const PATH: &str = "agendas/visit.toml";

fn parse(text: &str) -> Agenda {
    match parse_agenda(Path::new(PATH), text) {
        Ok(agenda) => agenda,
        Err(problems) => panic!("expected a valid agenda, got:\n{problems}"),
    }
}

fn problems(text: &str) -> Vec<String> {
    match parse_agenda(Path::new(PATH), text) {
        Ok(agenda) => panic!("expected problems, got {agenda:?}"),
        Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
    }
}

fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
}

#[test]
fn reads_the_example_visit() {
    let agenda = parse(HANSEN);
    assert_eq!(agenda.title, "Digital sparring at Hansen Tømrer");
    assert_eq!(agenda.date, NaiveDate::from_ymd_opt(2026, 12, 3));
    assert_eq!(agenda.start, Some(time(9, 0)));
    assert_eq!(agenda.slot, Some(Minutes(60)));
    assert_eq!(
        agenda.place.as_deref(),
        Some("Hansen Tømrer ApS, Haderslev")
    );
    assert_eq!(agenda.people, ["Jens Hansen (CEO)"]);
    assert_eq!(agenda.offer.len(), 2);
    assert_eq!(agenda.ask.len(), 2);
    assert!(agenda.about.is_some());
    let mentee = agenda.mentee.as_ref().unwrap();
    assert_eq!(mentee.name, "Jens Hansen");
    assert_eq!(mentee.level.as_deref(), Some("beginner"));
    assert_eq!(mentee.goals, ["Stop asking the accountant for charts"]);

    assert_eq!(agenda.items.len(), 5);
    assert_eq!(
        agenda.items[0].kind,
        ItemKind::Free {
            title: "Welcome and what Jens wants".into(),
            minutes: Minutes(5)
        }
    );
    assert_eq!(
        agenda.items[0].position,
        Position {
            line: 19,
            column: 1
        }
    );
    assert_eq!(
        agenda.items[1].kind,
        ItemKind::Card {
            card: CardRef::parse("pivot-chart-slicers").unwrap(),
            minutes: Some(Minutes(20)),
            card_position: Position {
                line: 24,
                column: 8
            },
        }
    );
    assert_eq!(
        agenda.items[1].note.as_deref(),
        Some("Use his own sales export")
    );
    assert_eq!(
        agenda.items[2].kind,
        ItemKind::Break {
            minutes: Minutes(5)
        }
    );
    assert_eq!(agenda.items[3].fixed_minutes(), None);
    assert_eq!(agenda.items[4].at, Some(time(9, 50)));
    let cards: Vec<&str> = agenda.cards().map(CardRef::as_str).collect();
    assert_eq!(
        cards,
        ["pivot-chart-slicers", "linkedin-profile-landing-page"]
    );
}

#[rstest]
#[case::plain_number("minutes = 45", 45)]
#[case::colon("minutes = \"1:30\"", 90)]
#[case::hours_and_minutes("minutes = \"1h30\"", 90)]
#[case::minutes_unit("minutes = \"45m\"", 45)]
#[case::spelled_out("minutes = \"1 hour\"", 60)]
fn item_minutes_are_typed_forgivingly(#[case] line: &str, #[case] expected: u32) {
    let agenda = parse(&format!(
        "title = \"t\"\n[[items]]\ntitle = \"x\"\n{line}\n"
    ));
    assert_eq!(agenda.items[0].fixed_minutes(), Some(Minutes(expected)));
}

#[rstest]
#[case::number("break = 5", 5)]
#[case::string("break = \"10m\"", 10)]
#[case::colon("break = \"0:15\"", 15)]
#[case::hours("break = \"1h\"", 60)]
fn breaks_are_typed_forgivingly(#[case] line: &str, #[case] expected: u32) {
    let agenda = parse(&format!("title = \"t\"\n[[items]]\n{line}\n"));
    assert_eq!(
        agenda.items[0].kind,
        ItemKind::Break {
            minutes: Minutes(expected)
        }
    );
}

#[test]
fn cards_may_name_a_pack_and_items_may_be_inline() {
    let agenda = parse(
        "title = \"t\"\nitems = [{ card = \"office-basics/excel-charts\", minutes = \"15m\" }, { break = 5, at = \"10:00\" }]\n",
    );
    let card = agenda.items[0].card().unwrap();
    assert_eq!(card.pack(), Some("office-basics"));
    assert_eq!(card.id(), "excel-charts");
    assert_eq!(card.to_string(), "office-basics/excel-charts");
    assert_eq!(
        agenda.items[0].position,
        Position {
            line: 2,
            column: 10
        }
    );
    assert_eq!(agenda.items[1].at, Some(time(10, 0)));
}

#[rstest]
#[case::card_and_break(
    "title = \"t\"\n\n[[items]]\ncard = \"pivot\"\nbreak = 5\n",
    &[r#"agendas/visit.toml:3:1: an item is one card, one break or one free item, but this one has "card" and "break""#]
)]
#[case::all_three(
    "title = \"t\"\n[[items]]\ncard = \"a\"\nbreak = 5\ntitle = \"b\"\nminutes = 5\n",
    &[r#"agendas/visit.toml:2:1: an item is one card, one break or one free item, but this one has "card", "break" and "title""#]
)]
#[case::none_of_them(
    "title = \"t\"\n[[items]]\nminutes = 5\n",
    &[r#"agendas/visit.toml:2:1: an item needs "card", "break" or "title" (with "minutes")"#]
)]
#[case::missing_title(
    "date = 2026-12-03\n",
    &[r#"agendas/visit.toml:1:1: missing "title""#]
)]
#[case::bad_time(
    "title = \"t\"\nstart = \"25:00\"\n",
    &[r#"agendas/visit.toml:2:9: expected a time like "09:00" for "start", found the string "25:00""#]
)]
#[case::bad_date(
    "title = \"t\"\ndate = \"2026-02-30\"\n",
    &[r#"agendas/visit.toml:2:8: expected a date like 2026-12-03 for "date", found the string "2026-02-30""#]
)]
#[case::bad_pin(
    "title = \"t\"\n[[items]]\nbreak = 5\nat = \"9:75\"\n",
    &[r#"agendas/visit.toml:4:6: expected a time like "09:00" for "at", found the string "9:75""#]
)]
#[case::bad_duration(
    "title = \"t\"\n[[items]]\ntitle = \"x\"\nminutes = \"soon\"\n",
    &[r#"agendas/visit.toml:4:11: "minutes": cannot read "soon" as a duration (write minutes like 90, or 1:30, 1h30, 45m)"#]
)]
#[case::free_item_without_minutes(
    "title = \"t\"\n[[items]]\ntitle = \"x\"\n",
    &[r#"agendas/visit.toml:2:1: a free item needs "minutes" (how long it takes)"#]
)]
#[case::break_with_minutes(
    "title = \"t\"\n[[items]]\nbreak = 5\nminutes = 10\n",
    &[r#"agendas/visit.toml:4:1: a break takes its length from "break" (break = 10); remove "minutes""#]
)]
#[case::misspelt_key(
    "title = \"t\"\n[[items]]\ncard = \"a\"\nminuts = 10\n",
    &[r#"agendas/visit.toml:4:1: unknown key "minuts" in an item (an item has "card", "break", "title", "minutes", "note" and "at")"#]
)]
#[case::bad_card_reference(
    "title = \"t\"\n[[items]]\ncard = \"a/b/c\"\n",
    &[r#"agendas/visit.toml:3:8: cannot read "a/b/c" as a card: write the card's id, or "pack/id" for a pack's card"#]
)]
#[case::mentee_without_name(
    "title = \"t\"\n[mentee]\nrole = \"CEO\"\n",
    &[r#"agendas/visit.toml:2:1: missing "name""#]
)]
fn problems_point_at_their_place(#[case] text: &str, #[case] expected: &[&str]) {
    assert_eq!(problems(text), expected);
}

#[test]
fn a_broken_toml_date_is_a_syntax_error_at_its_place() {
    let found = problems("title = \"t\"\ndate = 2026-13-01\n");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("agendas/visit.toml:2:") && found[0].contains("invalid TOML"),
        "{found:?}"
    );
}

#[test]
fn every_problem_is_collected_in_file_order() {
    let found = problems(
        "start = \"noon\"\nslot = \"long\"\n[[items]]\ncard = \"a\"\nbreak = 5\n[[items]]\nbreak = \"x\"\n",
    );
    let places: Vec<&str> = found
        .iter()
        .map(|problem| problem.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        places,
        [
            "agendas/visit.toml:1:1",
            "agendas/visit.toml:1:9",
            "agendas/visit.toml:2:8",
            "agendas/visit.toml:3:1",
            "agendas/visit.toml:7:9",
        ]
    );
}

#[test]
fn missing_cards_point_at_the_card_value() {
    let agenda = parse(HANSEN);
    let missing = agenda.missing_cards(&|card| card == "pivot-chart-slicers");
    let messages: Vec<String> = missing.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [r#"agendas/visit.toml:32:8: names a missing card "linkedin-profile-landing-page""#]
    );
}

#[test]
fn an_agenda_without_date_or_start_starts_at_nine_on_a_fixed_day() {
    let agenda = parse("title = \"t\"\n");
    assert_eq!(agenda.starts_at(), UNDATED.and_time(DEFAULT_START));
    let dated = parse("title = \"t\"\ndate = 2026-12-03\nstart = \"13:15\"\n");
    let expected = NaiveDate::from_ymd_opt(2026, 12, 3)
        .unwrap()
        .and_hms_opt(13, 15, 0)
        .unwrap();
    assert_eq!(dated.starts_at(), expected);
}
