//! Forgiving readings of what a user types for a course: a rhythm ("tue 16", "tuesdays at
//! 4pm for 1h30") and a session's date and time ("26.1 17:00", "2027-01-26"). Shared by the
//! course planner's prompts; pure, so the readings are tested as tables.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::{Rhythm, parse_weekday};
use crate::duration::{Minutes, parse_minutes};

/// Words that may stand between the parts and mean nothing here.
const FILLER: &[&str] = &[
    "at", "on", "every", "weekly", "for", "kl", "kl.", "from", "om", "på",
];

/// A rhythm from typed text: a weekday, a start time and optionally a length. What is left
/// out comes from `current`; with no current rhythm the length defaults to 90 minutes.
///
/// # Errors
/// A word that is no weekday, time or length, or a missing weekday or time with no current
/// rhythm to take it from; the message says what to type.
pub fn parse_rhythm(text: &str, current: Option<Rhythm>) -> Result<Rhythm, String> {
    let mut weekday = None;
    let mut start = None;
    let mut minutes = None;
    for word in words(text) {
        if weekday.is_none()
            && let Some(day) = read_weekday(&word)
        {
            weekday = Some(day);
        } else if start.is_none()
            && let Some(time) = parse_time(&word)
        {
            start = Some(time);
        } else if minutes.is_none()
            && let Ok(length) = parse_minutes(&word)
        {
            minutes = Some(length);
        } else {
            return Err(format!(
                "cannot read {word:?}: type a weekday and a time, like \"tuesday 16:00\" (a length may follow: \"90\")"
            ));
        }
    }
    let weekday = weekday
        .or(current.map(|r| r.weekday))
        .ok_or("type a weekday too, like \"tuesday 16:00\"")?;
    let start = start
        .or(current.map(|r| r.start))
        .ok_or("type a time too, like \"tuesday 16:00\"")?;
    let minutes = minutes
        .or(current.map(|r| r.minutes))
        .unwrap_or(Minutes(90));
    Ok(Rhythm {
        weekday,
        start,
        minutes,
    })
}

/// A date and/or a time from typed text. A date without a year takes the year of `near`
/// (the session's date, or today). Either part may be left out; `None` leaves it as it was.
///
/// # Errors
/// Nothing readable, or a word that is no date or time; the message gives examples.
pub fn parse_when(
    text: &str,
    near: NaiveDate,
) -> Result<(Option<NaiveDate>, Option<NaiveTime>), String> {
    let mut date = None;
    let mut time = None;
    for word in words(text) {
        if date.is_none()
            && let Some(day) = parse_date(&word, near)
        {
            date = Some(day);
        } else if time.is_none()
            && let Some(clock) = parse_time(&word)
        {
            time = Some(clock);
        } else {
            return Err(format!(
                "cannot read {word:?}: type a date and a time, like \"2027-01-26 16:00\" or \"26.1 16\""
            ));
        }
    }
    if date.is_none() && time.is_none() {
        return Err("type a date and a time, like \"2027-01-26 16:00\"".to_string());
    }
    Ok((date, time))
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .map(|word| word.trim().to_lowercase())
        .filter(|word| !word.is_empty() && !FILLER.contains(&word.as_str()))
        .collect()
}

/// "tuesday", "tue", "tuesdays", "tirsdag".
fn read_weekday(word: &str) -> Option<chrono::Weekday> {
    parse_weekday(word).or_else(|| word.strip_suffix('s').and_then(parse_weekday))
}

/// "16", "16:00", "16.30", "1630", "4pm", "4:30pm".
pub fn parse_time(word: &str) -> Option<NaiveTime> {
    let word = word.trim().to_lowercase();
    let (clock, afternoon) = match (word.strip_suffix("pm"), word.strip_suffix("am")) {
        (Some(clock), _) => (clock.trim(), Some(true)),
        (_, Some(clock)) => (clock.trim(), Some(false)),
        _ => (word.as_str(), None),
    };
    let (hours, minutes) = if let Some((h, m)) = clock.split_once([':', '.']) {
        (h, m)
    } else if clock.len() == 4 && afternoon.is_none() {
        clock.split_at(2)
    } else {
        (clock, "00")
    };
    if hours.is_empty() || hours.len() > 2 || minutes.len() != 2 {
        return None;
    }
    let mut hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.parse().ok()?;
    match afternoon {
        Some(true) if (1..12).contains(&hours) => hours += 12,
        Some(false) if hours == 12 => hours = 0,
        Some(_) if hours > 12 => return None,
        _ => {}
    }
    NaiveTime::from_hms_opt(hours, minutes, 0)
}

/// "2027-01-26", "26.1.2027", "26/1/2027", "26.1", "26/1".
fn parse_date(word: &str, near: NaiveDate) -> Option<NaiveDate> {
    if let Ok(date) = NaiveDate::parse_from_str(word, "%Y-%m-%d") {
        return Some(date);
    }
    let parts: Vec<&str> = word
        .trim_end_matches(['.', '/'])
        .split(['.', '/'])
        .collect();
    let number = |text: &str| text.parse::<u32>().ok();
    match parts.as_slice() {
        [day, month] => NaiveDate::from_ymd_opt(near.year(), number(month)?, number(day)?),
        [day, month, year] => {
            let year: i32 = year.parse().ok()?;
            let year = if year < 100 { 2000 + year } else { year };
            NaiveDate::from_ymd_opt(year, number(month)?, number(day)?)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::*;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const TUESDAY_16: Rhythm = Rhythm {
        weekday: Weekday::Tue,
        start: match NaiveTime::from_hms_opt(16, 0, 0) {
            Some(t) => t,
            None => panic!("a time"),
        },
        minutes: Minutes(90),
    };

    #[test]
    fn rhythms_read_forgivingly() {
        let cases = [
            ("tuesday 16:00", Weekday::Tue, time(16, 0), 90),
            ("Thursdays at 4pm", Weekday::Thu, time(16, 0), 90),
            ("wed 17.30 for 1h30", Weekday::Wed, time(17, 30), 90),
            ("mon, 1600, 120", Weekday::Mon, time(16, 0), 120),
            ("torsdag kl 16", Weekday::Thu, time(16, 0), 90),
            ("fri", Weekday::Fri, time(16, 0), 90),
            ("17:15", Weekday::Tue, time(17, 15), 90),
        ];
        for (text, weekday, start, minutes) in cases {
            let rhythm = parse_rhythm(text, Some(TUESDAY_16)).unwrap();
            assert_eq!(
                (rhythm.weekday, rhythm.start, rhythm.minutes.get()),
                (weekday, start, minutes),
                "{text}"
            );
        }
    }

    #[test]
    fn rhythms_that_cannot_be_read_say_what_to_type() {
        for text in ["", "someday", "tue 25:00"] {
            let error = parse_rhythm(text, None).unwrap_err();
            assert!(error.contains("tuesday 16:00"), "{text}: {error}");
        }
    }

    #[test]
    fn dates_and_times_read_forgivingly() {
        let near = date(2027, 1, 12);
        let cases = [
            (
                "2027-01-26 16:00",
                Some(date(2027, 1, 26)),
                Some(time(16, 0)),
            ),
            ("26.1 17", Some(date(2027, 1, 26)), Some(time(17, 0))),
            ("26/1/2027", Some(date(2027, 1, 26)), None),
            (
                "2.2.27 at 4:30pm",
                Some(date(2027, 2, 2)),
                Some(time(16, 30)),
            ),
            ("18:00", None, Some(time(18, 0))),
        ];
        for (text, want_date, want_time) in cases {
            assert_eq!(
                parse_when(text, near).unwrap(),
                (want_date, want_time),
                "{text}"
            );
        }
        assert!(parse_when("tomorrow", near).is_err());
        assert!(parse_when("  ", near).is_err());
        assert!(parse_when("31.2", near).is_err());
    }
}
