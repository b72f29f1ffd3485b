//! Durations typed forgivingly: `90`, `1:30`, `1h30`, `1h 30m`, `45m`, `45 min`, `2h`, `1.5h`.
//! Everything is whole minutes; the parser rejects what it cannot read rather than guessing.

use std::fmt;

/// A duration in whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
pub struct Minutes(pub u32);

impl Minutes {
    pub fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for Minutes {
    /// `45 min`, `1 h`, `1 h 30 min`: how a timetable says it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (hours, minutes) = (self.0 / 60, self.0 % 60);
        match (hours, minutes) {
            (0, m) => write!(f, "{m} min"),
            (h, 0) => write!(f, "{h} h"),
            (h, m) => write!(f, "{h} h {m} min"),
        }
    }
}

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read {input:?} as a duration (write minutes like 90, or 1:30, 1h30, 45m)")]
pub struct DurationError {
    pub input: String,
}

/// Longest duration accepted: a week. Anything longer is a typo, not a session.
const MAX_MINUTES: u64 = 7 * 24 * 60;

/// Reads a duration the way people type it.
pub fn parse_minutes(input: &str) -> Result<Minutes, DurationError> {
    let fail = || DurationError {
        input: input.to_string(),
    };
    let text: String = input
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Err(fail());
    }
    let total = if let Some((h, m)) = text.split_once(':') {
        let hours = whole(h).ok_or_else(fail)?;
        let minutes = whole(m).ok_or_else(fail)?;
        if minutes >= 60 || m.len() != 2 {
            return Err(fail());
        }
        hours * 60 + minutes
    } else if let Some(value) = whole(&text) {
        value
    } else {
        parse_units(&text).ok_or_else(fail)?
    };
    if total > MAX_MINUTES {
        return Err(fail());
    }
    u32::try_from(total).map(Minutes).map_err(|_| fail())
}

/// `1h30`, `1h30m`, `2h`, `45m`, `45min`, `1.5h`, `90minutes`.
fn parse_units(text: &str) -> Option<u64> {
    let (hours_part, rest) = match text.find('h') {
        Some(i) => (Some(&text[..i]), &text[i + 1..]),
        None => (None, text),
    };
    // What follows the h: "our(s)" spelled out, then optional minutes.
    let rest = rest
        .strip_prefix("ours")
        .or_else(|| rest.strip_prefix("our"))
        .or_else(|| rest.strip_prefix("rs"))
        .or_else(|| rest.strip_prefix("r"))
        .unwrap_or(rest);
    let hours_minutes = match hours_part {
        Some(h) => hours_in_minutes(h)?,
        None => 0,
    };
    let minutes = if rest.is_empty() {
        // A bare number is handled by the caller; without hours there is nothing here.
        hours_part?;
        0
    } else {
        let digits_end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (number, unit) = rest.split_at(digits_end);
        let unit_ok = matches!(unit, "" | "m" | "min" | "mins" | "minute" | "minutes");
        // A bare number after hours ("1h30") is minutes; without hours it needs no unit either.
        if !unit_ok || (unit.is_empty() && hours_part.is_none()) {
            return None;
        }
        whole(number)?
    };
    Some(hours_minutes + minutes)
}

fn hours_in_minutes(text: &str) -> Option<u64> {
    if let Some(value) = whole(text) {
        return Some(value * 60);
    }
    // Decimal hours: "1.5" or "1,5" (as a Dane types it), in quarters of an hour at most.
    let (whole_part, fraction) = text.split_once(['.', ','])?;
    let hours = whole(whole_part)?;
    let tenths = match fraction {
        "25" => 15,
        "5" | "50" => 30,
        "75" => 45,
        _ => return None,
    };
    Some(hours * 60 + tenths)
}

fn whole(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::plain("90", 90)]
    #[case::colon("1:30", 90)]
    #[case::hours_minutes("1h30", 90)]
    #[case::hours_minutes_unit("1h30m", 90)]
    #[case::spaced(" 1 h 30 min ", 90)]
    #[case::minutes("45m", 45)]
    #[case::min("45 min", 45)]
    #[case::minutes_word("45 minutes", 45)]
    #[case::hours("2h", 120)]
    #[case::hours_word("2 hours", 120)]
    #[case::decimal_hours("1.5h", 90)]
    #[case::danish_decimal("1,5h", 90)]
    #[case::zero("0", 0)]
    #[case::upper("1H30", 90)]
    fn reads_what_people_type(#[case] input: &str, #[case] minutes: u32) {
        assert_eq!(parse_minutes(input), Ok(Minutes(minutes)));
    }

    #[rstest]
    #[case::empty("")]
    #[case::words("soon")]
    #[case::negative("-5")]
    #[case::bad_colon("1:75")]
    #[case::short_colon("1:5")]
    #[case::unit_only("m")]
    #[case::hours_only_letter("h")]
    #[case::odd_fraction("1.3h")]
    #[case::too_long("9999999")]
    #[case::over_a_week("200h")]
    #[case::seconds("30s")]
    fn refuses_what_it_cannot_read(#[case] input: &str) {
        assert!(parse_minutes(input).is_err(), "{input:?} should be refused");
    }

    #[test]
    fn displays_like_a_timetable() {
        assert_eq!(Minutes(45).to_string(), "45 min");
        assert_eq!(Minutes(60).to_string(), "1 h");
        assert_eq!(Minutes(95).to_string(), "1 h 35 min");
    }
}
