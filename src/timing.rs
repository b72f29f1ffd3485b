//! Pure timing of a plan: from a start, a slot and the items, the start and end of every item,
//! the gaps and overlaps a pinned item causes, and how the whole fits its slot.
//!
//! Pins are honoured, never corrected: an item pinned later than the running clock leaves a gap
//! row, one pinned earlier starts at its pin anyway and records the overlap, so the mentor sees
//! the conflict and decides. Times are `NaiveDateTime`, so an evening session that runs past
//! midnight keeps counting.

mod render;

use std::cmp::Ordering;

use chrono::{Days, NaiveDateTime, NaiveTime, TimeDelta};

pub use self::render::render_timetable;
use crate::agenda::{AgendaItem, CardRef, ItemKind};
use crate::duration::Minutes;

/// An agenda with computed times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timetable {
    pub start: NaiveDateTime,
    /// When the last row ends (the latest end, should an overlap end a row early).
    pub end: NaiveDateTime,
    /// The time available, if the plan has a slot.
    pub slot: Option<Minutes>,
    /// One row per item in the plan's order, with a gap row before an item pinned later than
    /// the clock.
    pub rows: Vec<TimetableRow>,
}

/// One line of a timetable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimetableRow {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub minutes: Minutes,
    pub kind: RowKind,
    /// The index of the item in the plan; `None` for a gap.
    pub item: Option<usize>,
    pub note: Option<String>,
    /// The item's pinned start, if it has one.
    pub pinned: Option<NaiveTime>,
    /// How far a pinned item starts before the previous item ends.
    pub overlap: Option<Minutes>,
}

/// What a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    Card {
        card: CardRef,
        minutes_from: MinutesFrom,
    },
    Break,
    Free {
        title: String,
    },
    /// Free time before a pinned item.
    Gap,
}

/// Where a card item's minutes come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesFrom {
    /// The item's own `minutes`.
    Override,
    /// The card's `duration`.
    Card,
    /// Neither is known (a missing card, or a card without a duration): counted as 0.
    Unknown,
}

/// How a plan fits its slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Time to spare before the slot ends.
    Slack(Minutes),
    /// The plan ends with the slot.
    Exact,
    /// The plan runs past the slot by this much.
    Overrun(Minutes),
}

impl std::fmt::Display for Fit {
    /// `12 min to spare`, `fits exactly`, `12 min over`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fit::Slack(minutes) => write!(f, "{minutes} to spare"),
            Fit::Exact => f.write_str("fits exactly"),
            Fit::Overrun(minutes) => write!(f, "{minutes} over"),
        }
    }
}

impl TimetableRow {
    /// True when this row is a card whose length is not known (counted as 0 minutes).
    pub fn is_unknown_length(&self) -> bool {
        matches!(
            self.kind,
            RowKind::Card {
                minutes_from: MinutesFrom::Unknown,
                ..
            }
        )
    }
}

impl Timetable {
    /// The minutes of all items, gaps not counted.
    pub fn used(&self) -> Minutes {
        Minutes(
            self.rows
                .iter()
                .filter(|row| row.kind != RowKind::Gap)
                .map(|row| row.minutes.get())
                .sum(),
        )
    }

    /// From the start to the end, gaps included and overlaps not counted twice.
    pub fn elapsed(&self) -> Minutes {
        minutes_between(self.start, self.end)
    }

    /// How the plan fits its slot; `None` without a slot.
    pub fn fit(&self) -> Option<Fit> {
        let slot = self.slot?;
        let slot_end = add_minutes(self.start, slot);
        Some(match self.end.cmp(&slot_end) {
            Ordering::Greater => Fit::Overrun(minutes_between(slot_end, self.end)),
            Ordering::Less => Fit::Slack(minutes_between(self.end, slot_end)),
            Ordering::Equal => Fit::Exact,
        })
    }

    /// The card rows whose length is unknown, to flag beside the timetable.
    pub fn unknown_lengths(&self) -> impl Iterator<Item = &TimetableRow> {
        self.rows.iter().filter(|row| row.is_unknown_length())
    }
}

/// Times `items` from `start`. A card item takes its `minutes` override, else what
/// `card_minutes` says for its reference, else 0 (flagged as [`MinutesFrom::Unknown`]).
pub fn compute_timetable(
    start: NaiveDateTime,
    slot: Option<Minutes>,
    items: &[AgendaItem],
    card_minutes: &dyn Fn(&str) -> Option<Minutes>,
) -> Timetable {
    let mut rows = Vec::with_capacity(items.len());
    let mut clock = start;
    let mut end = start;
    for (index, item) in items.iter().enumerate() {
        let (minutes, kind) = length_and_kind(item, card_minutes);
        let mut overlap = None;
        if let Some(pin) = item.at {
            let pinned_start = nearest_occurrence(pin, clock);
            if pinned_start > clock {
                rows.push(TimetableRow {
                    start: clock,
                    end: pinned_start,
                    minutes: minutes_between(clock, pinned_start),
                    kind: RowKind::Gap,
                    item: None,
                    note: None,
                    pinned: None,
                    overlap: None,
                });
            } else if pinned_start < clock {
                overlap = Some(minutes_between(pinned_start, clock));
            }
            clock = pinned_start;
        }
        let item_end = add_minutes(clock, minutes);
        rows.push(TimetableRow {
            start: clock,
            end: item_end,
            minutes,
            kind,
            item: Some(index),
            note: item.note.clone(),
            pinned: item.at,
            overlap,
        });
        clock = item_end;
        end = end.max(item_end);
    }
    Timetable {
        start,
        end,
        slot,
        rows,
    }
}

fn length_and_kind(
    item: &AgendaItem,
    card_minutes: &dyn Fn(&str) -> Option<Minutes>,
) -> (Minutes, RowKind) {
    match &item.kind {
        ItemKind::Card { card, minutes, .. } => {
            let (minutes, minutes_from) = match minutes {
                Some(minutes) => (*minutes, MinutesFrom::Override),
                None => match card_minutes(card.as_str()) {
                    Some(minutes) => (minutes, MinutesFrom::Card),
                    None => (Minutes(0), MinutesFrom::Unknown),
                },
            };
            let kind = RowKind::Card {
                card: card.clone(),
                minutes_from,
            };
            (minutes, kind)
        }
        ItemKind::Break { minutes } => (*minutes, RowKind::Break),
        ItemKind::Free { title, minutes } => (
            *minutes,
            RowKind::Free {
                title: title.clone(),
            },
        ),
    }
}

/// The date and time at `pin` nearest to `clock`: the day before, the same day or the day
/// after. A pin exactly twelve hours away resolves forward (a gap rather than an overlap).
fn nearest_occurrence(pin: NaiveTime, clock: NaiveDateTime) -> NaiveDateTime {
    let today = clock.date().and_time(pin);
    let candidates = [
        clock.date().checked_sub_days(Days::new(1)),
        Some(clock.date()),
        clock.date().checked_add_days(Days::new(1)),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|date| date.and_time(pin))
        .min_by_key(|candidate| {
            let distance = (*candidate - clock).abs();
            // On a tie, the later candidate wins.
            (distance, std::cmp::Reverse(*candidate))
        })
        .unwrap_or(today)
}

/// `time + minutes`; saturates at the end of chrono's calendar, which no plan reaches.
fn add_minutes(time: NaiveDateTime, minutes: Minutes) -> NaiveDateTime {
    time.checked_add_signed(TimeDelta::minutes(i64::from(minutes.get())))
        .unwrap_or(NaiveDateTime::MAX)
}

/// Whole minutes from `from` to `to` (0 when `to` is earlier).
fn minutes_between(from: NaiveDateTime, to: NaiveDateTime) -> Minutes {
    let minutes = (to - from).num_minutes().max(0);
    Minutes(u32::try_from(minutes).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests;
