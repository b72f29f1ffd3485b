use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use proptest::prelude::*;
use rstest::rstest;

use super::*;
use crate::agenda::{AgendaItem, CardRef, ItemKind};
use crate::error::Position;

fn at(hour: u32, minute: u32) -> NaiveDateTime {
    day(3).and_hms_opt(hour, minute, 0).unwrap()
}

fn day(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
}

fn item(kind: ItemKind) -> AgendaItem {
    AgendaItem {
        kind,
        at: None,
        note: None,
        position: Position::START,
    }
}

fn free(title: &str, minutes: u32) -> AgendaItem {
    item(ItemKind::Free {
        title: title.into(),
        minutes: Minutes(minutes),
    })
}

fn pause(minutes: u32) -> AgendaItem {
    item(ItemKind::Break {
        minutes: Minutes(minutes),
    })
}

fn card(reference: &str, minutes: Option<u32>) -> AgendaItem {
    item(ItemKind::Card {
        card: CardRef::parse(reference).unwrap(),
        minutes: minutes.map(Minutes),
        card_position: Position::START,
    })
}

fn pinned(mut item: AgendaItem, hour: u32, minute: u32) -> AgendaItem {
    item.at = NaiveTime::from_hms_opt(hour, minute, 0);
    item
}

/// Cards the tests know: "pivot" takes 25 minutes, "linkedin" 15; others are missing.
fn card_minutes(reference: &str) -> Option<Minutes> {
    match reference {
        "pivot" => Some(Minutes(25)),
        "linkedin" => Some(Minutes(15)),
        _ => None,
    }
}

fn times(timetable: &Timetable) -> Vec<(String, String)> {
    timetable
        .rows
        .iter()
        .map(|row| {
            (
                row.start.format("%H:%M").to_string(),
                row.end.format("%H:%M").to_string(),
            )
        })
        .collect()
}

#[test]
fn items_follow_each_other_from_the_start() {
    let items = [
        free("Welcome", 5),
        card("pivot", None),
        pause(10),
        free("Wrap up", 5),
    ];
    let timetable = compute_timetable(at(9, 0), Some(Minutes(60)), &items, &card_minutes);
    assert_eq!(
        times(&timetable),
        [
            ("09:00".into(), "09:05".into()),
            ("09:05".into(), "09:30".into()),
            ("09:30".into(), "09:40".into()),
            ("09:40".into(), "09:45".into()),
        ]
    );
    assert_eq!(timetable.used(), Minutes(45));
    assert_eq!(timetable.end, at(9, 45));
    assert_eq!(timetable.fit(), Some(Fit::Slack(Minutes(15))));
}

#[rstest]
#[case::override_wins(card("pivot", Some(20)), 20, MinutesFrom::Override)]
#[case::override_of_zero(card("pivot", Some(0)), 0, MinutesFrom::Override)]
#[case::card_duration(card("pivot", None), 25, MinutesFrom::Card)]
#[case::pack_card_override(card("pack/missing", Some(12)), 12, MinutesFrom::Override)]
#[case::unknown_counts_zero(card("missing", None), 0, MinutesFrom::Unknown)]
fn card_minutes_come_from_override_then_card(
    #[case] item: AgendaItem,
    #[case] expected: u32,
    #[case] from: MinutesFrom,
) {
    let timetable = compute_timetable(at(9, 0), None, &[item], &card_minutes);
    let row = &timetable.rows[0];
    assert_eq!(row.minutes, Minutes(expected));
    assert!(matches!(&row.kind, RowKind::Card { minutes_from, .. } if *minutes_from == from));
    assert_eq!(
        timetable.unknown_lengths().count(),
        usize::from(from == MinutesFrom::Unknown)
    );
}

#[rstest]
#[case::slack(vec![free("a", 40)], Some(60), Some(Fit::Slack(Minutes(20))))]
#[case::exact(vec![free("a", 40), pause(20)], Some(60), Some(Fit::Exact))]
#[case::overrun(vec![free("a", 50), card("pivot", None)], Some(63), Some(Fit::Overrun(Minutes(12))))]
#[case::no_slot(vec![free("a", 50)], None, None)]
#[case::gap_counts_against_the_slot(
    vec![free("a", 10), pinned(free("b", 10), 9, 55)],
    Some(60),
    Some(Fit::Overrun(Minutes(5)))
)]
fn fit_against_the_slot(
    #[case] items: Vec<AgendaItem>,
    #[case] slot: Option<u32>,
    #[case] expected: Option<Fit>,
) {
    let timetable = compute_timetable(at(9, 0), slot.map(Minutes), &items, &card_minutes);
    assert_eq!(timetable.fit(), expected);
}

#[rstest]
#[case::slack(Fit::Slack(Minutes(5)), "5 min to spare")]
#[case::exact(Fit::Exact, "fits exactly")]
#[case::overrun(Fit::Overrun(Minutes(12)), "12 min over")]
#[case::long_overrun(Fit::Overrun(Minutes(75)), "1 h 15 min over")]
fn fit_reads_in_words(#[case] fit: Fit, #[case] expected: &str) {
    assert_eq!(fit.to_string(), expected);
}

#[test]
fn a_pin_after_the_clock_leaves_a_gap_row() {
    let items = [free("a", 30), pinned(free("Lunch", 30), 12, 0)];
    let timetable = compute_timetable(at(11, 0), None, &items, &card_minutes);
    assert_eq!(
        times(&timetable),
        [
            ("11:00".into(), "11:30".into()),
            ("11:30".into(), "12:00".into()),
            ("12:00".into(), "12:30".into()),
        ]
    );
    let gap = &timetable.rows[1];
    assert_eq!(
        (gap.kind.clone(), gap.item, gap.minutes),
        (RowKind::Gap, None, Minutes(30))
    );
    assert_eq!(timetable.rows[2].item, Some(1));
    assert_eq!(timetable.rows[2].overlap, None);
    assert_eq!(timetable.used(), Minutes(60));
    assert_eq!(timetable.elapsed(), Minutes(90));
}

#[test]
fn a_pin_before_the_clock_overlaps_and_is_not_moved() {
    let items = [
        free("a", 55),
        pinned(free("Director", 10), 9, 50),
        free("c", 5),
    ];
    let timetable = compute_timetable(at(9, 0), Some(Minutes(60)), &items, &card_minutes);
    assert_eq!(
        times(&timetable),
        [
            ("09:00".into(), "09:55".into()),
            ("09:50".into(), "10:00".into()),
            ("10:00".into(), "10:05".into()),
        ]
    );
    assert_eq!(timetable.rows[1].overlap, Some(Minutes(5)));
    assert_eq!(timetable.rows[1].pinned, NaiveTime::from_hms_opt(9, 50, 0));
    assert_eq!(timetable.fit(), Some(Fit::Overrun(Minutes(5))));
}

#[test]
fn a_pin_on_the_clock_needs_no_gap_row() {
    let items = [free("a", 20), pinned(free("b", 10), 9, 20)];
    let timetable = compute_timetable(at(9, 0), None, &items, &card_minutes);
    assert_eq!(timetable.rows.len(), 2);
    assert_eq!(timetable.rows[1].overlap, None);
}

#[rstest]
#[case::plain_run(vec![free("a", 40), free("b", 30)], vec![(3, 23, 30), (4, 0, 10)], (4, 0, 40))]
#[case::pin_after_midnight_is_a_gap(
    vec![free("a", 40), pinned(free("b", 10), 0, 30)],
    vec![(3, 23, 30), (4, 0, 10), (4, 0, 30)],
    (4, 0, 40)
)]
#[case::pin_before_midnight_is_an_overlap(
    vec![free("a", 40), pinned(free("b", 10), 23, 55)],
    vec![(3, 23, 30), (3, 23, 55)],
    (4, 0, 10)
)]
fn a_session_can_cross_midnight(
    #[case] items: Vec<AgendaItem>,
    #[case] starts: Vec<(u32, u32, u32)>,
    #[case] end: (u32, u32, u32),
) {
    let date_time = |(d, h, m): (u32, u32, u32)| day(d).and_hms_opt(h, m, 0).unwrap();
    let timetable = compute_timetable(at(23, 30), Some(Minutes(60)), &items, &card_minutes);
    let found: Vec<NaiveDateTime> = timetable.rows.iter().map(|row| row.start).collect();
    let expected: Vec<NaiveDateTime> = starts.into_iter().map(date_time).collect();
    assert_eq!(found, expected);
    assert_eq!(timetable.end, date_time(end));
}

#[test]
fn renders_the_example_visit() {
    let mut pivot = card("pivot", Some(20));
    pivot.note = Some("Use his own sales export".into());
    let items = [
        free("Welcome and what Jens wants", 5),
        pivot,
        pause(5),
        card("linkedin", None),
        pinned(free("His turn: how he wins customers", 10), 9, 50),
    ];
    let timetable = compute_timetable(at(9, 0), Some(Minutes(60)), &items, &card_minutes);
    let title =
        |reference: &str| (reference == "pivot").then(|| "Pivot charts with slicers".to_string());
    let expected = "\
09:00–09:05   5 min  Welcome and what Jens wants
09:05–09:25  20 min  Pivot charts with slicers — Use his own sales export
09:25–09:30   5 min  Break
09:30–09:45  15 min  linkedin
09:45–09:50   5 min  (free until the pinned item)
09:50–10:00  10 min  His turn: how he wins customers (pinned at 09:50)
Total: 55 min of items, 09:00–10:00; fits the 1 h slot exactly
";
    assert_eq!(render_timetable(&timetable, &title), expected);
}

#[test]
fn renders_overlaps_unknown_lengths_and_overruns_in_words() {
    let items = [
        free("Welcome", 45),
        card("missing", None),
        pinned(free("Director", 20), 9, 40),
    ];
    let timetable = compute_timetable(at(9, 0), Some(Minutes(48)), &items, &card_minutes);
    let expected = "\
09:00–09:45  45 min  Welcome
09:45–09:45   ? min  missing (length unknown, counted as 0 min)
09:40–10:00  20 min  Director (pinned at 09:40; starts 5 min before the item before it ends)
Total: 1 h 5 min of items, 09:00–10:00; 12 min over the 48 min slot
1 card has no known length and counts as 0 min: set \"minutes\" on the item or \"duration\" on the card
";
    assert_eq!(render_timetable(&timetable, &|_| None), expected);
}

#[test]
fn renders_slack_and_a_missing_slot() {
    let items = [free("Only", 30)];
    let with_slot = compute_timetable(at(16, 0), Some(Minutes(90)), &items, &card_minutes);
    assert!(
        render_timetable(&with_slot, &|_| None).ends_with(
            "Total: 30 min of items, 16:00–16:30; 1 h to spare in the 1 h 30 min slot\n"
        )
    );
    let without = compute_timetable(at(16, 0), None, &items, &card_minutes);
    assert!(render_timetable(&without, &|_| None).ends_with("16:00–16:30; no slot set\n"));
}

fn any_item() -> impl Strategy<Value = AgendaItem> {
    prop_oneof![
        (0u32..240).prop_map(|minutes| free("free", minutes)),
        (0u32..60).prop_map(pause),
        proptest::option::of(0u32..120).prop_map(|minutes| card("pivot", minutes)),
        Just(card("missing", None)),
    ]
}

fn any_start() -> impl Strategy<Value = NaiveDateTime> {
    (0u32..24, 0u32..60).prop_map(|(hour, minute)| at(hour, minute))
}

proptest! {
    #[test]
    fn without_pins_the_items_fill_the_time_exactly(
        start in any_start(),
        items in proptest::collection::vec(any_item(), 0..12),
    ) {
        let timetable = compute_timetable(start, None, &items, &card_minutes);
        prop_assert_eq!(timetable.rows.len(), items.len());
        prop_assert_eq!(timetable.elapsed(), timetable.used());
        let sum: i64 = timetable.rows.iter().map(|row| i64::from(row.minutes.get())).sum();
        prop_assert_eq!((timetable.end - timetable.start).num_minutes(), sum);
        let mut clock = start;
        for (index, row) in timetable.rows.iter().enumerate() {
            prop_assert_eq!(row.item, Some(index));
            prop_assert_eq!(row.start, clock);
            prop_assert!(row.end >= row.start);
            clock = row.end;
        }
    }

    #[test]
    fn with_pins_every_row_keeps_its_length_and_conflicts_are_shown(
        start in any_start(),
        items in proptest::collection::vec(
            (any_item(), proptest::option::of((0u32..24, 0u32..60))),
            0..12,
        ),
    ) {
        let items: Vec<AgendaItem> = items
            .into_iter()
            .map(|(item, pin)| match pin {
                Some((hour, minute)) => pinned(item, hour, minute),
                None => item,
            })
            .collect();
        let timetable = compute_timetable(start, Some(Minutes(60)), &items, &card_minutes);
        let mut clock = start;
        let mut next_item = 0;
        for row in &timetable.rows {
            prop_assert_eq!((row.end - row.start).num_minutes(), i64::from(row.minutes.get()));
            prop_assert!(row.end <= timetable.end);
            match row.item {
                None => {
                    prop_assert_eq!(row.start, clock);
                    prop_assert!(row.end > row.start, "a gap is never empty");
                }
                Some(index) => {
                    prop_assert_eq!(index, next_item, "items keep their order");
                    next_item += 1;
                    let overlap = (clock - row.start).num_minutes().max(0);
                    prop_assert_eq!(row.overlap.map_or(0, |m| i64::from(m.get())), overlap);
                    // A pin resolves to the occurrence nearest the clock: within 12 hours.
                    prop_assert!((row.start - clock).num_minutes().abs() <= 12 * 60);
                }
            }
            clock = row.end;
        }
        prop_assert_eq!(next_item, items.len());
    }
}
