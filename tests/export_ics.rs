//! The calendar export read back by an independent parser (the `ical` crate, which shares no
//! code with the `icalendar` crate that writes it) and checked field by field: stable UIDs,
//! floating start and end times, summary, location, description, escaping of the characters
//! RFC 5545 reserves, and folding (no line over 75 octets, CRLF line ends).

use std::path::Path;

use chrono::{TimeZone, Utc};
use ical::IcalParser;
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use skillbook::export::{Document, ExportRequest, Format, export};
use skillbook::library::{self, Library};
use skillbook::plan::{Plan, load_plan};

fn bundled_only() -> Library {
    let home = tempfile::tempdir().unwrap();
    library::load(home.path())
}

fn ics_of(path: &str, text: &str, stamp_hour: u32) -> String {
    let plan: Plan = load_plan(Path::new(path), text).unwrap();
    let request = ExportRequest {
        format: Format::Ics,
        document: Document::RunSheet,
        stamp: Utc
            .with_ymd_and_hms(2026, 11, 23, stamp_hour, 0, 0)
            .unwrap(),
    };
    export(&plan, &bundled_only(), None, &request).unwrap().text
}

fn parse(ics: &str) -> IcalCalendar {
    let mut calendars = IcalParser::new(ics.as_bytes());
    let calendar = calendars.next().expect("one calendar").expect("parses");
    assert!(calendars.next().is_none(), "only one calendar");
    calendar
}

/// The value of a property, with RFC 5545 TEXT escapes undone (the `ical` parser leaves them).
fn field(event: &IcalEvent, name: &str) -> String {
    let property = event
        .properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"));
    assert!(
        property.params.is_none(),
        "{name} has no parameters (floating time, no TZID)"
    );
    unescape(property.value.as_deref().unwrap_or(""))
}

fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

const VISIT: &str = r#"
title = "Charts, tables; and a \\ backslash"
date = 2026-12-03
start = "09:00"
slot = 90
place = "Brandt VVS A/S, Vejle; 2nd floor\nThe director's office"
goals = ["See every sales line; then filter, chart and share"]

[[items]]
card = "excel-charts/excel-tables"

[[items]]
card = "excel-charts/pivot-chart-slicers"

[[items]]
title = "Kaffe, kage og spørgsmål: hvad vil I vide om Ærø-kunderne, Østjylland og Åbenrå?"
minutes = 15
"#;

#[test]
fn a_visit_reads_back_field_by_field() {
    let ics = ics_of("agendas/visit-brandt.toml", VISIT, 8);
    let calendar = parse(&ics);
    let version = calendar.properties.iter().find(|p| p.name == "VERSION");
    assert_eq!(version.and_then(|p| p.value.as_deref()), Some("2.0"));
    assert!(calendar.properties.iter().any(|p| p.name == "PRODID"));
    let [event] = calendar.events.as_slice() else {
        panic!("one event: {ics}");
    };
    assert_eq!(
        field(event, "SUMMARY"),
        "Charts, tables; and a \\ backslash"
    );
    assert_eq!(
        field(event, "LOCATION"),
        "Brandt VVS A/S, Vejle; 2nd floor The director's office"
    );
    assert_eq!(field(event, "DTSTART"), "20261203T090000");
    // 20 + 25 + 15 minutes planned, in a 90-minute slot: the event holds the slot.
    assert_eq!(field(event, "DTEND"), "20261203T103000");
    assert_eq!(field(event, "DTSTAMP"), "20261123T080000Z");
    let description = field(event, "DESCRIPTION");
    assert_eq!(
        description,
        "Goals:\n\
         - See every sales line; then filter, chart and share\n\
         \n\
         Timetable:\n\
         09:00–09:20  Turn a list into an Excel table so charts grow with every new row\n\
         09:20–09:45  Build a pivot chart the director can filter himself\n\
         09:45–10:00  Kaffe, kage og spørgsmål: hvad vil I vide om Ærø-kunderne, Østjylland og Åbenrå?"
    );
    let uid = field(event, "UID");
    assert_eq!(uid.len(), 36, "a UUID: {uid}");
    assert_eq!(&uid[14..15], "8", "version 8: {uid}");
}

#[test]
fn lines_are_folded_at_75_octets_and_end_in_crlf() {
    let ics = ics_of("agendas/visit-brandt.toml", VISIT, 8);
    assert!(ics.ends_with("\r\n"));
    let lines: Vec<&str> = ics.split("\r\n").collect();
    assert!(
        lines.iter().any(|line| line.starts_with(' ')),
        "something was folded"
    );
    for line in &lines {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break: {line:?}"
        );
    }
    // Folding never splits a character: every physical line is valid UTF-8 on its own.
    for line in ics.as_bytes().split(|b| *b == b'\n') {
        assert!(std::str::from_utf8(line).is_ok());
    }
}

#[test]
fn reserved_characters_are_escaped_in_the_raw_file() {
    let ics = ics_of("agendas/visit-brandt.toml", VISIT, 8);
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:Charts\\, tables\\; and a \\\\ backslash\r\n"),
        "{unfolded}"
    );
    assert!(
        unfolded
            .contains("LOCATION:Brandt VVS A/S\\, Vejle\\; 2nd floor The director's office\r\n")
    );
    assert!(unfolded.contains("DESCRIPTION:Goals:\\n- See every sales line\\; then"));
}

#[test]
fn uids_are_stable_across_runs_and_distinct_per_session() {
    let course = r#"
title = "Slack for the whole office"
place = "Meeting room 2"
rhythm = { weekday = "tuesday", start = "16:00", minutes = 90 }

[[sessions]]
date = 2027-01-12
title = "From mail to channels"
[[sessions.items]]
card = "slack/slack-threads"

[[sessions]]
title = "Quieter notifications"
[[sessions.items]]
card = "slack/slack-notifications"

[[sessions]]
title = "Search"
[[sessions.items]]
card = "slack/slack-search"
"#;
    let uids = |path: &str, text: &str, hour: u32| -> Vec<String> {
        parse(&ics_of(path, text, hour))
            .events
            .iter()
            .map(|event| field(event, "UID"))
            .collect()
    };
    let first = uids("courses/slack.toml", course, 8);
    // Another run, another moment, another folder: the same UIDs.
    assert_eq!(first, uids("courses/slack.toml", course, 9));
    assert_eq!(first, uids("/elsewhere/courses/slack.toml", course, 9));
    assert_eq!(first.len(), 3);
    assert!(first[0] != first[1] && first[1] != first[2] && first[0] != first[2]);
    // A bumped date keeps the session's UID, so a calendar moves the event.
    let bumped = course.replace("date = 2027-01-12", "date = 2027-01-19");
    assert_eq!(first, uids("courses/slack.toml", &bumped, 8));
    // Another file is another series of events.
    assert_ne!(first, uids("courses/slack-2.toml", course, 8));

    let calendar = parse(&ics_of("courses/slack.toml", course, 8));
    let starts: Vec<String> = calendar
        .events
        .iter()
        .map(|e| field(e, "DTSTART"))
        .collect();
    assert_eq!(
        starts,
        ["20270112T160000", "20270119T160000", "20270126T160000"]
    );
    let ends: Vec<String> = calendar.events.iter().map(|e| field(e, "DTEND")).collect();
    assert_eq!(
        ends,
        ["20270112T173000", "20270119T173000", "20270126T173000"]
    );
    let summaries: Vec<String> = calendar
        .events
        .iter()
        .map(|e| field(e, "SUMMARY"))
        .collect();
    assert_eq!(
        summaries[1],
        "Slack for the whole office: Quieter notifications"
    );
}

#[test]
fn control_characters_cannot_break_the_calendar() {
    let hostile = "title = \"Visit\\r\\nBEGIN:VEVENT\\u001b[2J\"\ndate = 2026-12-03\nstart = \"09:00\"\n\
                   place = \"Room\\rX\"\n\n[[items]]\ntitle = \"a\\tb\"\nminutes = 10\n";
    let ics = ics_of("agendas/hostile.toml", hostile, 8);
    let calendar = parse(&ics);
    assert_eq!(calendar.events.len(), 1, "{ics}");
    let event = &calendar.events[0];
    assert_eq!(field(event, "SUMMARY"), "Visit BEGIN:VEVENT␛[2J");
    assert_eq!(field(event, "LOCATION"), "Room X");
    assert!(!ics.replace("\r\n", "").contains('\r'));
}

#[test]
fn folding_keeps_every_space_for_parsers_that_trim_lines() {
    // Folding between a word and a space leaves the space at a line's end, where some readers
    // (this parser among them) trim it: "a table that charts" would come back "thatcharts".
    let text = std::fs::read_to_string("tests/fixtures/export/visit.toml").unwrap();
    let ics = ics_of("tests/fixtures/export/visit.toml", &text, 8);
    for line in ics.split("\r\n") {
        assert!(!line.ends_with(' '), "a line ends in a space: {line:?}");
        assert!(
            !line.starts_with("  "),
            "a continuation starts with a space: {line:?}"
        );
    }
    let calendar = parse(&ics);
    let description = field(&calendar.events[0], "DESCRIPTION");
    assert!(
        description.contains("into a table that charts grow with"),
        "{description}"
    );
    assert!(description.contains("Coffee, and the one question her numbers should answer"));
}

#[test]
fn a_day_without_a_time_is_an_all_day_event() {
    let text = "title = \"Visit, time to be agreed\"\ndate = 2026-12-03\nslot = 60\n\n\
                [[items]]\ncard = \"excel-charts/excel-tables\"\n";
    let ics = ics_of("agendas/untimed.toml", text, 8);
    let calendar = parse(&ics);
    let event = &calendar.events[0];
    let start = event
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .unwrap();
    assert_eq!(start.value.as_deref(), Some("20261203"));
    let params = start.params.clone().unwrap_or_default();
    assert!(
        params.contains(&("VALUE".to_string(), vec!["DATE".to_string()])),
        "{params:?}"
    );
    assert!(
        !event.properties.iter().any(|p| p.name == "DTEND"),
        "one day, no end: {ics}"
    );
    assert!(field(event, "DESCRIPTION").starts_with("The time is not set yet"));
}
