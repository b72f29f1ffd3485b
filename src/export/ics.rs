//! The calendar file: one event per visit or course session, for invitations and the
//! participants' own calendars (RFC 5545). The `icalendar` crate writes the lines: it escapes
//! commas, semicolons, backslashes and newlines in text and ends lines with CRLF.
//!
//! **Folding** is redone here ([`fold`]): lines are still at most 75 octets and never split a
//! UTF-8 character, but a fold also never falls beside a space. RFC 5545 unfolding keeps such a
//! space, yet real readers trim line ends, and "a table that charts" came back "thatcharts".
//!
//! **Time zone: floating local time.** `DTSTART:20261203T090000` with no `Z` and no `TZID`
//! (RFC 5545 §3.3.5, form 1) means nine o'clock wherever the visit happens, which is exactly
//! what a plan says: it has a clock time and a place, not a time zone. A calendar shows the
//! event at 09:00 in the reader's own zone, which is right for everyone who is at the place.
//!
//! **UIDs** are stable: the same file gives the same UIDs on every export, so importing an
//! updated file (a bumped date, a changed timetable) moves the events instead of adding new
//! ones. A UID is derived from the file's name (not its folder, so moving the library keeps
//! them), the plan's title and the session's number; renaming the file or retitling the plan
//! starts new events.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

use super::facts::{PlanFacts, SessionFacts, What};
use super::one_line;
use crate::error::{Diagnostic, Diagnostics, Position};
use crate::safe_text::sanitize;
use crate::store::Fingerprint;

/// The product identifier every calendar file names (RFC 5545 §3.7.3).
pub const PRODID: &str = concat!(
    "-//skillbook//skillbook ",
    env!("CARGO_PKG_VERSION"),
    "//EN"
);

/// Renders a plan's sessions as an iCalendar file, stamped with `stamp` (`DTSTAMP`).
///
/// # Errors
/// A problem for every session without a date (with its place in the file): an event needs a
/// day. A course without sessions has nothing to put in a calendar.
pub fn render(facts: &PlanFacts, stamp: DateTime<Utc>) -> Result<String, Diagnostics> {
    let undated: Vec<Diagnostic> = facts
        .sessions
        .iter()
        .filter(|session| session.agenda.date.is_none())
        .map(|session| undated(facts, session))
        .collect();
    if !undated.is_empty() {
        return Err(Diagnostics(undated));
    }
    if facts.sessions.is_empty() {
        return Err(Diagnostic::new(
            &facts.path,
            Position::START,
            "the course has no sessions, so there is nothing to put in a calendar",
        )
        .into());
    }
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", PRODID))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"));
    for session in &facts.sessions {
        calendar.push(event(facts, session, stamp));
    }
    Ok(fold(&calendar.to_string()))
}

/// MurmurHash3's finalizer: FNV-1a of inputs that differ in one character (session 1 and 2)
/// differ in few bits; this spreads them over the whole word, so UIDs do not look alike.
fn mix(mut hash: u64) -> u64 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

/// The most octets of a physical line, CRLF not counted (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// How far back a fold looks for a place between two non-space characters.
const FOLD_SEARCH: usize = 20;

/// Unfolds `ics` and folds every line again at 75 octets, on a character boundary and,
/// where one is near, between two characters that are not spaces.
pub fn fold(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(ics.len() + ics.len() / 32);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        // The first physical line has 75 octets; the others a space and 74.
        let mut room = LINE_OCTETS;
        while rest.len() > room {
            let at = fold_point(rest, room);
            out.push_str(&rest[..at]);
            out.push_str("\r\n ");
            rest = &rest[at..];
            room = LINE_OCTETS - 1;
        }
        out.push_str(rest);
        out.push_str("\r\n");
    }
    out
}

/// Where to fold `line` so the first part has at most `room` octets: the last character
/// boundary in reach with no space on either side of it, else the last character boundary.
fn fold_point(line: &str, room: usize) -> usize {
    let boundaries: Vec<usize> = (1..=room)
        .rev()
        .filter(|&i| line.is_char_boundary(i))
        .collect();
    let beside_space = |i: usize| {
        line[..i].ends_with(char::is_whitespace) || line[i..].starts_with(char::is_whitespace)
    };
    boundaries
        .iter()
        .take(FOLD_SEARCH)
        .copied()
        .find(|&i| !beside_space(i))
        .or_else(|| boundaries.first().copied())
        .unwrap_or(line.len())
}

fn undated(facts: &PlanFacts, session: &SessionFacts) -> Diagnostic {
    let message = match session.number {
        Some(number) => format!(
            "session {number} ({:?}) has no date, so it cannot go in a calendar: give it one \
             (date = 2027-01-12), or give the course a rhythm and its first session a date",
            session.agenda.title
        ),
        None => "the agenda has no date, so it cannot go in a calendar: add one \
                 (date = 2026-12-03)"
            .to_string(),
    };
    Diagnostic::new(&facts.path, session.position, message)
}

fn event(facts: &PlanFacts, session: &SessionFacts, stamp: DateTime<Utc>) -> Event {
    let summary = match session.number {
        Some(_) => format!("{}: {}", facts.title, session.agenda.title),
        None => session.agenda.title.clone(),
    };
    let mut event = Event::new();
    event
        .uid(&uid(facts, session))
        .timestamp(stamp)
        .summary(&one_line(&summary))
        .description(&description(session));
    match (session.agenda.date, session.agenda.start) {
        // Floating local time: see the module documentation.
        (Some(_), Some(_)) => {
            let (start, end) = (session.timetable.start, session.end());
            event.starts(start);
            // An event with nothing planned and no slot has no length: RFC 5545 wants DTEND
            // after DTSTART, and without one the event simply takes no time.
            if end > start {
                event.ends(end);
            }
        }
        // A day without a time: an all-day event (a DATE start and no end is one day), rather
        // than a made-up 09:00 in someone's calendar.
        (Some(date), None) => {
            event.starts(date);
        }
        // Undated sessions were refused before any event was made.
        (None, _) => {}
    }
    if let Some(place) = session
        .agenda
        .place
        .as_deref()
        .map(one_line)
        .filter(|place| !place.is_empty())
    {
        event.location(&place);
    }
    event.done()
}

/// The goals and the timetable, as plain lines (the calendar escapes and folds them).
fn description(session: &SessionFacts) -> String {
    let mut lines = Vec::new();
    let agenda = &session.agenda;
    if !agenda.goals.is_empty() {
        lines.push("Goals:".to_string());
        lines.extend(
            agenda
                .goals
                .iter()
                .map(|goal| format!("- {}", one_line(goal))),
        );
        lines.push(String::new());
    }
    if agenda.start.is_none() {
        lines.push(format!(
            "The time is not set yet; the timetable counts from {}.",
            session.timetable.start.format("%H:%M")
        ));
        lines.push(String::new());
    }
    lines.push("Timetable:".to_string());
    for row in &session.rows {
        let what = match &row.what {
            What::Card { .. } => session.card_of(row).map_or_else(String::new, |card| {
                if card.is_missing() {
                    format!("{} (missing card)", card.reference)
                } else {
                    card.title().to_string()
                }
            }),
            What::Break => "Break".to_string(),
            What::Free { title } => title.clone(),
            What::Gap => "Free until the pinned item".to_string(),
        };
        lines.push(format!(
            "{}–{}  {}",
            row.start.format("%H:%M"),
            row.end.format("%H:%M"),
            one_line(&what)
        ));
    }
    sanitize(&lines.join("\n")).into_owned()
}

/// A UUID (version 8, RFC 9562: vendor-defined) from FNV-1a hashes of the file's name, the
/// plan's title and the session's number. The same input gives the same UID on any machine.
pub fn uid(facts: &PlanFacts, session: &SessionFacts) -> String {
    let file = facts
        .path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let seed = format!(
        "skillbook\n{file}\n{}\n{}",
        facts.title,
        session.number.unwrap_or(0)
    );
    let high = mix(Fingerprint::of(seed.as_bytes()).hash);
    let low = mix(Fingerprint::of(format!("{seed}\nlow").as_bytes()).hash);
    // Version 8 in the high word's version nibble, the RFC 9562 variant in the low word.
    let high = (high & !0xF000) | 0x8000;
    let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0xFFFF,
        low >> 48,
        low & 0xFFFF_FFFF_FFFF
    )
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_beside_no_space_and_within_75_octets() {
        let line = format!("DESCRIPTION:{}end", "word ".repeat(40));
        let folded = fold(&format!("{line}\r\n"));
        for physical in folded.split_terminator("\r\n") {
            assert!(physical.len() <= 75, "{physical:?}");
            assert!(!physical.ends_with(' '), "{physical:?}");
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn never_splits_a_character() {
        let line = format!("SUMMARY:{}", "æøå🙂".repeat(30));
        let folded = fold(&format!("{line}\r\n"));
        assert!(folded.split_terminator("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn a_line_of_spaces_still_folds() {
        let line = format!("DESCRIPTION:{}", " ".repeat(200));
        let folded = fold(&format!("{line}\r\n"));
        assert!(folded.split_terminator("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }
}
