use std::path::Path;

use chrono::{NaiveDate, NaiveTime, Weekday};

use super::*;
use crate::course::parse_course;
use crate::duration::Minutes;

/// A course as a person writes it: comments, odd spacing, a string date, a table rhythm.
const HAND: &str = r#"# The Slack evenings, agreed with HR
title = "Slack for the whole office"
place   = "Meeting room 2"   # the one with the projector

[rhythm]
weekday = "tue"   # Tuesdays suit everyone
start = "16:00"
minutes = 90

# First evening
[[sessions]]
date = 2027-01-12   # after the holidays
title = "From mail to channels"
[[sessions.items]]
card = "slack-channels-vs-dm"   # the one they asked for
[[sessions.items]]
break = 10

[[sessions]]
date = "2027-01-19"
title = "Quieter notifications"
[[sessions.items]]
card = "slack-notifications"
"#;

fn read(text: &str) -> Course {
    parse_course(Path::new("course.toml"), text).expect("the course reads")
}

fn unchanged(course: &Course) -> Vec<SessionEdit> {
    (0..course.sessions.len())
        .map(SessionEdit::unchanged)
        .collect()
}

fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    assert_eq!(before.lines().count(), after.lines().count(), "{after}");
    before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn nothing_changed_writes_the_same_text() {
    let course = read(HAND);
    assert_eq!(
        save_course(HAND, &course, &unchanged(&course)).unwrap(),
        HAND
    );
}

#[test]
fn a_new_date_changes_one_line_and_keeps_its_comment() {
    let mut course = read(HAND);
    course.sessions[0].date = Some(date(2027, 1, 26));
    let saved = save_course(HAND, &course, &unchanged(&course)).unwrap();
    assert_eq!(
        changed_lines(HAND, &saved),
        [(
            "date = 2027-01-12   # after the holidays".to_string(),
            "date = 2027-01-26   # after the holidays".to_string()
        )]
    );
    assert_eq!(read(&saved).sessions[0].date, Some(date(2027, 1, 26)));
}

#[test]
fn a_date_written_as_a_string_stays_a_string() {
    let mut course = read(HAND);
    course.sessions[1].date = Some(date(2027, 2, 2));
    let saved = save_course(HAND, &course, &unchanged(&course)).unwrap();
    assert_eq!(
        changed_lines(HAND, &saved),
        [(
            "date = \"2027-01-19\"".to_string(),
            "date = \"2027-02-02\"".to_string()
        )]
    );
}

#[test]
fn a_rhythm_change_touches_only_the_changed_key() {
    let mut course = read(HAND);
    let rhythm = course.rhythm.as_mut().unwrap();
    rhythm.start = NaiveTime::from_hms_opt(17, 0, 0).unwrap();
    let saved = save_course(HAND, &course, &unchanged(&course)).unwrap();
    assert_eq!(
        changed_lines(HAND, &saved),
        [(
            "start = \"16:00\"".to_string(),
            "start = \"17:00\"".to_string()
        )]
    );
    // The same weekday in another spelling is left as written.
    assert!(saved.contains("weekday = \"tue\"   # Tuesdays suit everyone"));
}

#[test]
fn an_inline_rhythm_stays_inline() {
    let text = "title = \"C\"\nrhythm = { weekday = \"tuesday\", start = \"16:00\", minutes = 90 }\n\n[[sessions]]\ntitle = \"One\"\ndate = 2027-01-12\n";
    let mut course = read(text);
    course.rhythm = Some(Rhythm {
        weekday: Weekday::Thu,
        start: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
        minutes: Minutes(90),
    });
    let saved = save_course(text, &course, &unchanged(&course)).unwrap();
    assert!(
        saved.contains("rhythm = { weekday = \"thursday\", start = \"16:00\", minutes = 90 }"),
        "{saved}"
    );
    assert_eq!(read(&saved).rhythm.unwrap().weekday, Weekday::Thu);
}

#[test]
fn a_deleted_session_takes_its_lines_and_leaves_the_rest() {
    let mut course = read(HAND);
    course.sessions.remove(0);
    let edits = vec![SessionEdit::unchanged(1)];
    let saved = save_course(HAND, &course, &edits).unwrap();
    assert!(!saved.contains("From mail to channels"));
    assert!(saved.starts_with("# The Slack evenings, agreed with HR\n"));
    assert!(saved.contains("weekday = \"tue\"   # Tuesdays suit everyone"));
    let again = read(&saved);
    assert_eq!(again.sessions.len(), 1);
    assert_eq!(again.sessions[0].title, "Quieter notifications");
}

#[test]
fn a_copied_session_keeps_its_items_and_comments_and_comes_last() {
    let mut course = read(HAND);
    let mut copy = course.sessions[0].clone();
    copy.title = "From mail to channels (again)".into();
    copy.date = Some(date(2027, 1, 26));
    course.sessions.push(copy);
    let mut edits = unchanged(&course);
    edits[2] = SessionEdit {
        origin: SessionOrigin::Copy(0),
        items: None,
    };
    let saved = save_course(HAND, &course, &edits).unwrap();
    let again = read(&saved);
    assert_eq!(again.sessions.len(), 3);
    assert_eq!(again.sessions[2].title, "From mail to channels (again)");
    assert_eq!(again.sessions[2].items.len(), 2);
    assert_eq!(again.sessions[1].items.len(), 1, "{saved}");
    assert_eq!(saved.matches("# the one they asked for").count(), 2);
    assert!(saved.starts_with(HAND.trim_end()), "{saved}");
}

#[test]
fn a_new_session_and_new_items_land_under_the_right_session() {
    let mut course = read(HAND);
    let mut items = course.sessions[0].items.clone();
    items.push(items[0].clone());
    course.sessions[0].items = items;
    course.sessions.push(Session {
        title: "Talk and automate".into(),
        date: Some(date(2027, 1, 26)),
        start: None,
        minutes: None,
        goals: Vec::new(),
        items: Vec::new(),
        position: crate::error::Position::START,
    });
    let mut edits = unchanged(&course);
    edits[0].items = Some(vec![Some(0), Some(1), None]);
    edits[2] = SessionEdit {
        origin: SessionOrigin::New,
        items: Some(Vec::new()),
    };
    let saved = save_course(HAND, &course, &edits).unwrap();
    let again = read(&saved);
    assert_eq!(again.sessions.len(), 3, "{saved}");
    assert_eq!(again.sessions[0].items.len(), 3, "{saved}");
    assert_eq!(again.sessions[1].items.len(), 1, "{saved}");
    assert_eq!(again.sessions[2].title, "Talk and automate");
    assert!(saved.contains("card = \"slack-channels-vs-dm\"   # the one they asked for"));
}
