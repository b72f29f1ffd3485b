use std::path::Path;

use chrono::{NaiveDate, NaiveTime, Weekday};
use rstest::rstest;

use super::*;
use crate::agenda::ItemKind;
use crate::timing::Fit;

const SLACK: &str = r#"title = "Slack for the whole office"
audience = "colleagues at the office"
place = "Meeting room 2"
rhythm = { weekday = "tuesday", start = "16:00", minutes = 90 }

[[sessions]]
date = 2027-01-12
title = "From mail to channels"
[[sessions.items]]
card = "slack-channels-vs-dm"
[[sessions.items]]
card = "slack-threads"
[[sessions.items]]
break = 10

[[sessions]]
date = 2027-01-19
title = "Quieter notifications, faster answers"
[[sessions.items]]
card = "slack-notifications"
"#;

const PATH: &str = "courses/slack.toml";

fn parse(text: &str) -> Course {
    match parse_course(Path::new(PATH), text) {
        Ok(course) => course,
        Err(problems) => panic!("expected a valid course, got:\n{problems}"),
    }
}

fn problems(text: &str) -> Vec<String> {
    match parse_course(Path::new(PATH), text) {
        Ok(course) => panic!("expected problems, got {course:?}"),
        Err(problems) => problems.0.iter().map(ToString::to_string).collect(),
    }
}

/// A date in early 2027; the Tuesdays are 5, 12, 19 and 26 January, 2, 9 and 16 February.
fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, month, day).unwrap()
}

/// A Tuesday course of `sessions` undated sessions after the header `extra` lines.
fn course_text(extra: &str, dates: &[Option<&str>]) -> String {
    let mut text = format!(
        "title = \"c\"\nrhythm = {{ weekday = \"tue\", start = \"16:00\", minutes = 90 }}\n{extra}\n"
    );
    for (index, date) in dates.iter().enumerate() {
        text.push_str(&format!("[[sessions]]\ntitle = \"s{}\"\n", index + 1));
        if let Some(date) = date {
            text.push_str(&format!("date = {date}\n"));
        }
    }
    text
}

#[test]
fn reads_the_example_course() {
    let course = parse(SLACK);
    assert_eq!(course.title, "Slack for the whole office");
    assert_eq!(course.audience.as_deref(), Some("colleagues at the office"));
    assert_eq!(course.place.as_deref(), Some("Meeting room 2"));
    assert_eq!(
        course.rhythm,
        Some(Rhythm {
            weekday: Weekday::Tue,
            start: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            minutes: Minutes(90),
        })
    );
    assert_eq!(course.sessions.len(), 2);
    let first = &course.sessions[0];
    assert_eq!(first.date, Some(date(1, 12)));
    assert_eq!(first.position, Position { line: 6, column: 1 });
    assert_eq!(first.items.len(), 3);
    assert_eq!(
        first.items[2].kind,
        ItemKind::Break {
            minutes: Minutes(10)
        }
    );
    assert_eq!(course.total_minutes(), Minutes(180));
    assert_eq!(course.total_minutes().to_string(), "3 h");
}

#[test]
fn a_session_is_an_agenda_with_the_rhythm_filled_in() {
    let course = parse(SLACK);
    let agenda = course.session_agenda(1, None).unwrap();
    assert_eq!(agenda.title, "Quieter notifications, faster answers");
    assert_eq!(agenda.date, Some(date(1, 19)));
    assert_eq!(agenda.start, NaiveTime::from_hms_opt(16, 0, 0));
    assert_eq!(agenda.slot, Some(Minutes(90)));
    assert_eq!(agenda.place.as_deref(), Some("Meeting room 2"));
    assert_eq!(agenda.items.len(), 1);
    assert!(course.session_agenda(2, None).is_none());
}

#[test]
fn each_session_fits_its_own_time() {
    let text = SLACK.replace(
        "title = \"Quieter notifications, faster answers\"",
        "title = \"Quieter notifications, faster answers\"\nminutes = 60\nstart = \"17:00\"",
    );
    let course = parse(&text);
    assert_eq!(course.session_start(1), NaiveTime::from_hms_opt(17, 0, 0));
    let minutes = |card: &str| match card {
        "slack-channels-vs-dm" => Some(Minutes(45)),
        "slack-threads" => Some(Minutes(50)),
        "slack-notifications" => Some(Minutes(40)),
        _ => None,
    };
    let fits = course.session_fits(&minutes);
    assert_eq!(
        fits,
        [
            SessionFit {
                used: Minutes(105),
                available: Some(Minutes(90)),
                fit: Some(Fit::Overrun(Minutes(15))),
            },
            SessionFit {
                used: Minutes(40),
                available: Some(Minutes(60)),
                fit: Some(Fit::Slack(Minutes(20))),
            },
        ]
    );
    assert_eq!(course.total_minutes(), Minutes(150));
}

#[test]
fn missing_cards_are_found_in_every_session() {
    let course = parse(SLACK);
    let missing: Vec<String> = course
        .missing_cards(&|card| card != "slack-threads")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        missing,
        [r#"courses/slack.toml:12:8: names a missing card "slack-threads""#]
    );
}

#[rstest]
#[case::all_from_a_first_date(&[None, None, None], "", Some(date(1, 1)), &[date(1, 5), date(1, 12), date(1, 19)])]
#[case::first_date_on_the_weekday(&[None, None], "", Some(date(1, 12)), &[date(1, 12), date(1, 19)])]
#[case::after_a_dated_session(&[Some("2027-01-12"), None, None], "", None, &[date(1, 12), date(1, 19), date(1, 26)])]
#[case::skipping_holidays(
    &[Some("2027-01-12"), None, None],
    "skip = [2027-01-19, \"2027-01-26\"]",
    None,
    &[date(1, 12), date(2, 2), date(2, 9)]
)]
#[case::dated_sessions_stay(
    &[None, Some("2027-02-09"), None],
    "",
    Some(date(1, 5)),
    &[date(1, 5), date(2, 9), date(2, 16)]
)]
#[case::off_rhythm_date_is_followed_by_the_next_weekday(
    &[Some("2027-01-14"), None],
    "",
    None,
    &[date(1, 14), date(1, 19)]
)]
fn fills_dates_from_the_rhythm(
    #[case] dates: &[Option<&str>],
    #[case] extra: &str,
    #[case] first: Option<NaiveDate>,
    #[case] expected: &[NaiveDate],
) {
    let course = parse(&course_text(extra, dates));
    assert_eq!(course.fill_dates(first), Ok(expected.to_vec()));
}

#[test]
fn an_undated_first_session_needs_a_first_date() {
    let course = parse(&course_text("", &[None]));
    assert_eq!(
        course.fill_dates(None),
        Err(CourseError::NoFirstDate { session: 0 })
    );
    assert_eq!(
        CourseError::NoFirstDate { session: 0 }.to_string(),
        "session 1 has no date: give it one, or give the course a first date"
    );
}

#[rstest]
#[case::weekly_run(
    "",
    &[date(1, 5), date(1, 12), date(1, 19)],
    1,
    &[date(1, 5), date(1, 19), date(1, 26)]
)]
#[case::across_a_holiday_gap(
    "skip = [2027-01-26, 2027-02-02]",
    &[date(1, 5), date(1, 12), date(1, 19)],
    1,
    &[date(1, 5), date(1, 19), date(2, 9)]
)]
#[case::cancelled_session_jumps_the_holiday(
    "skip = [2027-01-19]",
    &[date(1, 5), date(1, 12), date(1, 26)],
    1,
    &[date(1, 5), date(1, 26), date(2, 2)]
)]
#[case::holidays_never_make_two_sessions_share_a_day(
    "skip = [2027-01-19, 2027-01-26]",
    &[date(1, 5), date(1, 12), date(2, 2)],
    0,
    &[date(1, 12), date(2, 2), date(2, 9)]
)]
#[case::later_gaps_stay(
    "",
    &[date(1, 5), date(1, 12), date(2, 9)],
    0,
    &[date(1, 12), date(1, 19), date(2, 16)]
)]
#[case::the_last_session(
    "",
    &[date(1, 5), date(1, 12)],
    1,
    &[date(1, 5), date(1, 19)]
)]
#[case::sessions_sharing_a_day_keep_it(
    "",
    &[date(1, 5), date(1, 5), date(1, 12)],
    0,
    &[date(1, 12), date(1, 12), date(1, 19)]
)]
fn bump_moves_the_cancelled_and_later_sessions(
    #[case] extra: &str,
    #[case] dates: &[NaiveDate],
    #[case] cancelled: usize,
    #[case] expected: &[NaiveDate],
) {
    let course = parse(&course_text(extra, &vec![None; dates.len()]));
    assert_eq!(course.bump_dates(dates, cancelled), Ok(expected.to_vec()));
}

#[test]
fn bump_uses_the_sessions_own_dates() {
    let text = course_text("skip = [2027-01-19]", &[Some("2027-01-05"), None, None]);
    let course = parse(&text);
    // Filled: 5, 12, 26 January (19 is skipped). Cancelling the second moves it past the
    // holiday to the 26th, and the third on to 2 February.
    assert_eq!(
        course.fill_dates(None),
        Ok(vec![date(1, 5), date(1, 12), date(1, 26)])
    );
    assert_eq!(
        course.bump(1),
        Ok(vec![date(1, 5), date(1, 26), date(2, 2)])
    );
    assert_eq!(
        course.bump(3),
        Err(CourseError::NoSuchSession { index: 3, count: 3 })
    );
}

#[test]
fn without_a_rhythm_nothing_can_be_bumped() {
    let course = parse("title = \"c\"\n[[sessions]]\ntitle = \"s\"\ndate = 2027-01-05\n");
    assert_eq!(course.bump(0), Err(CourseError::NoRhythm));
    assert_eq!(course.total_minutes(), Minutes(0));
}

#[rstest]
#[case::english("tuesday", Weekday::Tue)]
#[case::short("Tue", Weekday::Tue)]
#[case::capitalised("Thursday", Weekday::Thu)]
#[case::danish("onsdag", Weekday::Wed)]
#[case::danish_with_letters("Lørdag", Weekday::Sat)]
fn weekdays_read_as_people_write_them(#[case] text: &str, #[case] expected: Weekday) {
    assert_eq!(parse_weekday(text), Some(expected));
}

#[rstest]
#[case::missing_title(
    "rhythm = { weekday = \"tue\", start = \"16:00\", minutes = 90 }\n",
    &[r#"courses/slack.toml:1:1: missing "title""#]
)]
#[case::bad_weekday(
    "title = \"c\"\nrhythm = { weekday = \"someday\", start = \"16:00\", minutes = 90 }\n",
    &[r#"courses/slack.toml:2:22: cannot read "someday" as a weekday (write it like "tuesday" or "tue")"#]
)]
#[case::bad_rhythm_time(
    "title = \"c\"\nrhythm = { weekday = \"tue\", start = \"4pm\", minutes = 90 }\n",
    &[r#"courses/slack.toml:2:37: expected a time like "09:00" for "start", found the string "4pm""#]
)]
#[case::incomplete_rhythm(
    "title = \"c\"\nrhythm = { weekday = \"tue\" }\n",
    &[
        r#"courses/slack.toml:2:10: missing "start""#,
        r#"courses/slack.toml:2:10: missing "minutes""#,
    ]
)]
#[case::bad_skip_date(
    "title = \"c\"\nrhythm = { weekday = \"tue\", start = \"16:00\", minutes = 90 }\nskip = [2027-01-19, \"soon\"]\n",
    &[r#"courses/slack.toml:3:21: expected a date like 2026-12-03 for "skip", found the string "soon""#]
)]
#[case::bad_session_date(
    "title = \"c\"\n[[sessions]]\ntitle = \"s\"\ndate = \"2027-02-30\"\n",
    &[r#"courses/slack.toml:4:8: expected a date like 2026-12-03 for "date", found the string "2027-02-30""#]
)]
#[case::undated_session_without_rhythm(
    "title = \"c\"\n\n[[sessions]]\ntitle = \"s\"\n",
    &[r#"courses/slack.toml:3:1: a session without "date" needs the course's "rhythm" to be placed"#]
)]
#[case::session_without_title(
    "title = \"c\"\n[[sessions]]\ndate = 2027-01-05\n",
    &[r#"courses/slack.toml:2:1: missing "title""#]
)]
#[case::session_item_with_card_and_break(
    "title = \"c\"\n[[sessions]]\ntitle = \"s\"\ndate = 2027-01-05\n[[sessions.items]]\ncard = \"a\"\nbreak = 5\n",
    &[r#"courses/slack.toml:5:1: an item is one card, one break or one free item, but this one has "card" and "break""#]
)]
fn problems_point_at_their_place(#[case] text: &str, #[case] expected: &[&str]) {
    assert_eq!(problems(text), expected);
}
