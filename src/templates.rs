//! New agenda and course files: blank, or from a pack's template. Templates are copied through
//! toml_edit so their comments and layout come along; card references inside a pack template
//! are qualified with the pack's name (`excel-charts/pivot-chart-slicers`) because the copy no
//! longer lives inside the pack.

use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use toml_edit::{DocumentMut, Item, Value};

use crate::duration::Minutes;
use crate::error::Diagnostic;

/// What a new agenda starts from.
#[derive(Debug, Clone)]
pub struct AgendaStart<'a> {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub slot: Option<Minutes>,
    /// A pack template: its path (for errors), text and pack name.
    pub template: Option<(&'a Path, &'a str, &'a str)>,
}

/// The text of a new agenda file.
pub fn new_agenda_text(start: &AgendaStart<'_>) -> Result<String, Diagnostic> {
    let mut document: DocumentMut = match start.template {
        Some((path, text, pack)) => {
            let mut document: DocumentMut =
                text.parse().map_err(|error: toml_edit::TomlError| {
                    let offset = error.span().map_or(0, |s| s.start);
                    Diagnostic::at_offset(
                        path,
                        text,
                        offset,
                        format!("invalid TOML: {}", error.message().trim()),
                    )
                })?;
            qualify_card_references(document.as_table_mut(), pack);
            document
        }
        None => blank_agenda(),
    };
    let table = document.as_table_mut();
    set(table, "title", Value::from(start.title.as_str()));
    if let Some(date) = start.date {
        set(table, "date", date_value(date));
    }
    if let Some(time) = start.start {
        set(
            table,
            "start",
            Value::from(time.format("%H:%M").to_string()),
        );
    } else if !table.contains_key("start") {
        set(table, "start", Value::from("09:00"));
    }
    if let Some(Minutes(minutes)) = start.slot {
        set(table, "slot", Value::from(i64::from(minutes)));
    }
    Ok(document.to_string())
}

fn blank_agenda() -> DocumentMut {
    let text = r#"title = ""
start = "09:00"
slot = 60                      # minutes available
place = ""
people = []
goals = []
about = ""                     # notes on the organisation
offer = []                     # what I bring
ask = []                       # what I want to learn from them

# Who the session is for: remove the # signs and fill in.
# [mentee]
# name = "Jens Hansen"
# role = "CEO"
# company = "Hansen Tømrer ApS"
# level = "beginner"
# goals = ["Stop asking the accountant for charts"]

[[items]]
title = "Welcome and what they want"
minutes = 5

[[items]]
title = "Wrap-up and the next step"
minutes = 5
"#;
    // A fixed, valid text: parsing it cannot fail, and if it ever did an empty agenda is fine.
    text.parse().unwrap_or_default()
}

fn qualify_card_references(table: &mut toml_edit::Table, pack: &str) {
    let qualify_items = |items: &mut Item| {
        if let Some(items) = items.as_array_of_tables_mut() {
            for item in items.iter_mut() {
                let reference = item.get("card").and_then(Item::as_str).map(str::to_string);
                if let Some(reference) = reference.filter(|r| !r.contains('/')) {
                    set(item, "card", Value::from(format!("{pack}/{reference}")));
                }
            }
        }
    };
    if let Some(items) = table.get_mut("items") {
        qualify_items(items);
    }
    if let Some(sessions) = table
        .get_mut("sessions")
        .and_then(Item::as_array_of_tables_mut)
    {
        for session in sessions.iter_mut() {
            if let Some(items) = session.get_mut("items") {
                qualify_items(items);
            }
        }
    }
}

/// What a new course starts from.
#[derive(Debug, Clone)]
pub struct CourseStart {
    pub title: String,
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub minutes: Minutes,
    pub sessions: u8,
    /// The first session's date; default: the first rhythm day after `today`.
    pub first: Option<NaiveDate>,
    pub today: NaiveDate,
}

/// The text of a new course file, with its sessions dated on the rhythm.
pub fn new_course_text(start: &CourseStart) -> String {
    let mut date = next_weekday(
        start.first.unwrap_or(start.today + chrono::Days::new(1)),
        start.weekday,
    );
    let mut text = format!(
        "title = {}\naudience = \"\"\nplace = \"\"\nrhythm = {{ weekday = \"{}\", start = \"{}\", minutes = {} }}\n",
        Value::from(start.title.as_str()),
        weekday_name(start.weekday),
        start.start.format("%H:%M"),
        start.minutes.get(),
    );
    for number in 1..=start.sessions {
        text.push_str(&format!(
            "\n[[sessions]]\ndate = {date}\ntitle = \"Session {number}\"\n\n[[sessions.items]]\ntitle = \"Welcome\"\nminutes = 5\n"
        ));
        date = date + chrono::Days::new(7);
    }
    text
}

/// The first date on or after `from` that falls on `weekday`.
pub fn next_weekday(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + chrono::Days::new(u64::from(ahead))
}

/// The lowercase English weekday name, as course files write it.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

fn set(table: &mut dyn toml_edit::TableLike, key: &str, value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(existing)) => {
            let decor = existing.decor().clone();
            *existing = value;
            *existing.decor_mut() = decor;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

fn date_value(date: NaiveDate) -> Value {
    // A TOML date, unquoted: `2026-12-03`.
    date.to_string()
        .parse::<toml_edit::Datetime>()
        .map(Value::from)
        .unwrap_or_else(|_| Value::from(date.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_get_the_title_and_qualified_cards() {
        let template = "# kept\ntitle = \"T\"\nslot = 60\n\n[[items]]\ncard = \"pivot\"  # note\n\n[[items]]\ncard = \"other/x\"\n";
        let text = new_agenda_text(&AgendaStart {
            title: "Visit".into(),
            date: NaiveDate::from_ymd_opt(2026, 12, 3),
            start: None,
            slot: None,
            template: Some((Path::new("t.toml"), template, "excel-charts")),
        })
        .unwrap();
        assert!(text.contains("# kept"));
        assert!(text.contains("title = \"Visit\""));
        assert!(text.contains("date = 2026-12-03"));
        assert!(
            text.contains("card = \"excel-charts/pivot\"  # note"),
            "{text}"
        );
        assert!(text.contains("card = \"other/x\""));
    }

    #[test]
    fn a_blank_agenda_loads_as_written() {
        let text = new_agenda_text(&AgendaStart {
            title: "Visit".into(),
            date: None,
            start: None,
            slot: None,
            template: None,
        })
        .unwrap();
        let agenda = crate::agenda::parse_agenda(Path::new("visit.toml"), &text)
            .unwrap_or_else(|problems| panic!("{problems}\n{text}"));
        assert_eq!(agenda.title, "Visit");
        assert_eq!(agenda.items.len(), 2);
        assert!(
            text.contains("# [mentee]"),
            "the mentee block is there to fill in"
        );
    }

    #[test]
    fn courses_are_dated_on_their_rhythm() {
        let text = new_course_text(&CourseStart {
            title: "Slack".into(),
            weekday: Weekday::Tue,
            start: NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
            minutes: Minutes(90),
            sessions: 3,
            first: None,
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), // a Monday
        });
        assert!(text.contains("date = 2026-11-24"), "{text}");
        assert!(text.contains("date = 2026-12-01"));
        assert!(text.contains("date = 2026-12-08"));
        assert!(text.parse::<DocumentMut>().is_ok());
    }
}
