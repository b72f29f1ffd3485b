//! An agenda running against a clock: which item is on, how long it has left, whether the
//! visit is ahead of or behind its plan, and the moments worth saying out loud (an item
//! starts, 20 % of it is left, 5 % is left, it ends).
//!
//! Pure: time comes in as seconds read from a clock the caller owns, so the terminal app can
//! feed it from its tick, the plain mode from a sped-up clock, and tests from a number.

use crate::timing::{RowKind, Timetable};

/// One item to run, in seconds from the start of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunItem {
    /// What the item is called (a card's title, "Break", a free item's title).
    pub title: String,
    /// The card's reference, for its notes at a glance.
    pub card: Option<String>,
    /// When the plan has it start, in seconds after the plan's start.
    pub planned_start: u64,
    /// How long the plan gives it, in seconds.
    pub seconds: u64,
}

/// The items of a timetable (gaps before pinned items are waiting time, not items).
/// `title_of` names a card by its reference.
pub fn run_items(timetable: &Timetable, title_of: &dyn Fn(&str) -> Option<String>) -> Vec<RunItem> {
    timetable
        .rows
        .iter()
        .filter(|row| row.kind != RowKind::Gap)
        .map(|row| {
            let (title, card) = match &row.kind {
                RowKind::Card { card, .. } => (
                    title_of(card.as_str()).unwrap_or_else(|| card.to_string()),
                    Some(card.to_string()),
                ),
                RowKind::Free { title } => (title.clone(), None),
                RowKind::Break | RowKind::Gap => ("Break".to_string(), None),
            };
            let offset = (row.start - timetable.start).num_seconds().max(0);
            RunItem {
                title,
                card,
                planned_start: u64::try_from(offset).unwrap_or(0),
                seconds: u64::from(row.minutes.get()) * 60,
            }
        })
        .collect()
}

/// How much of the current item is left, as a level to show (always with words too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// More than 20 % left.
    Normal,
    /// 20 % or less left.
    Warning,
    /// 5 % or less left.
    Alarm,
    /// The item's time is up.
    Over,
}

/// A moment worth announcing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunEvent {
    /// An item began.
    Started { index: usize, at: u64 },
    /// 20 % of the item is left.
    Warning { index: usize, left: u64, at: u64 },
    /// 5 % of the item is left.
    Alarm { index: usize, left: u64, at: u64 },
    /// The item's time is up (or it was skipped).
    Ended { index: usize, at: u64 },
    /// The plan is now this many whole minutes behind (negative: ahead).
    Pace { behind_minutes: i64 },
    /// Five minutes were added to the item.
    Extended { index: usize },
    /// The clock was paused or started again.
    Paused { paused: bool },
    /// The last item is over.
    Finished { at: u64 },
}

impl RunEvent {
    /// When it happened, in counted seconds since the start, where the event fixes it (a
    /// threshold crossed between two ticks happened at the threshold, not at the tick).
    pub fn at(&self) -> Option<u64> {
        match self {
            RunEvent::Started { at, .. }
            | RunEvent::Warning { at, .. }
            | RunEvent::Alarm { at, .. }
            | RunEvent::Ended { at, .. }
            | RunEvent::Finished { at } => Some(*at),
            RunEvent::Pace { .. } | RunEvent::Extended { .. } | RunEvent::Paused { .. } => None,
        }
    }
}

/// The state of a running agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    items: Vec<RunItem>,
    current: usize,
    /// Seconds counted so far (pauses do not count).
    now: u64,
    last_clock: Option<u64>,
    item_started: u64,
    extra: u64,
    paused: bool,
    warned: bool,
    alarmed: bool,
    ended: bool,
    finished: bool,
    /// Whether an item whose time is up gives way to the next by itself (plain mode) or
    /// stays on, counting over, until skipped (the app).
    auto_advance: bool,
    pace: i64,
}

impl Run {
    /// A run at its start. The first `tick` reads the clock's starting point.
    pub fn new(items: Vec<RunItem>, auto_advance: bool) -> Run {
        Run {
            finished: items.is_empty(),
            items,
            current: 0,
            now: 0,
            last_clock: None,
            item_started: 0,
            extra: 0,
            paused: false,
            warned: false,
            alarmed: false,
            ended: false,
            auto_advance,
            pace: 0,
        }
    }

    /// The events of the start: the first item begins.
    pub fn start(&mut self) -> Vec<RunEvent> {
        if self.finished {
            return vec![RunEvent::Finished { at: 0 }];
        }
        vec![RunEvent::Started { index: 0, at: 0 }]
    }

    /// Every item.
    pub fn items(&self) -> &[RunItem] {
        &self.items
    }

    /// The index of the item on now.
    pub fn current_index(&self) -> usize {
        self.current
    }

    /// The item on now (`None` once finished).
    pub fn current(&self) -> Option<&RunItem> {
        (!self.finished)
            .then(|| self.items.get(self.current))
            .flatten()
    }

    /// The item after the current one.
    pub fn next(&self) -> Option<&RunItem> {
        (!self.finished)
            .then(|| self.items.get(self.current + 1))
            .flatten()
    }

    /// Whether the clock is paused.
    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// Whether the last item is over.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Seconds counted since the start, pauses left out.
    pub fn elapsed(&self) -> u64 {
        self.now
    }

    /// The current item's length with the minutes added to it.
    pub fn length(&self) -> u64 {
        self.items
            .get(self.current)
            .map_or(0, |item| item.seconds + self.extra)
    }

    /// Seconds the current item has run.
    pub fn item_elapsed(&self) -> u64 {
        self.now.saturating_sub(self.item_started)
    }

    /// Seconds left of the current item; negative once it runs over.
    pub fn left(&self) -> i64 {
        i64::try_from(self.length()).unwrap_or(i64::MAX)
            - i64::try_from(self.item_elapsed()).unwrap_or(i64::MAX)
    }

    /// How urgent the current item is.
    pub fn level(&self) -> Level {
        let length = i64::try_from(self.length()).unwrap_or(i64::MAX);
        let left = self.left();
        if left <= 0 {
            Level::Over
        } else if left * 20 <= length {
            Level::Alarm
        } else if left * 5 <= length {
            Level::Warning
        } else {
            Level::Normal
        }
    }

    /// Seconds behind the plan (negative: ahead): when the current item will end, at the
    /// earliest, against when the plan ends it.
    pub fn behind(&self) -> i64 {
        let Some(item) = self.items.get(self.current) else {
            return 0;
        };
        let projected = self.item_started + self.length().max(self.item_elapsed());
        let planned = item.planned_start + item.seconds;
        i64::try_from(projected).unwrap_or(i64::MAX) - i64::try_from(planned).unwrap_or(i64::MAX)
    }

    /// Reads the clock (seconds since any fixed point) and says what happened since.
    pub fn tick(&mut self, clock: u64) -> Vec<RunEvent> {
        let delta = self.last_clock.map_or(0, |last| clock.saturating_sub(last));
        self.last_clock = Some(clock);
        if !self.paused && !self.finished {
            self.now += delta;
        }
        let mut events = Vec::new();
        self.check(&mut events);
        events
    }

    /// Gives the current item five more minutes.
    pub fn add_five(&mut self) -> Vec<RunEvent> {
        if self.finished {
            return Vec::new();
        }
        self.extra += 300;
        let level = self.level();
        self.warned = level >= Level::Warning;
        self.alarmed = level >= Level::Alarm;
        self.ended = level >= Level::Over;
        let mut events = vec![RunEvent::Extended {
            index: self.current,
        }];
        self.check(&mut events);
        events
    }

    /// Ends the current item now and starts the next.
    pub fn skip(&mut self) -> Vec<RunEvent> {
        let mut events = Vec::new();
        if !self.finished {
            if !self.ended {
                events.push(RunEvent::Ended {
                    index: self.current,
                    at: self.now,
                });
            }
            self.advance(self.now, &mut events);
            self.check(&mut events);
        }
        events
    }

    /// Pauses the clock, or starts it again.
    pub fn toggle_pause(&mut self) -> Vec<RunEvent> {
        self.paused = !self.paused;
        vec![RunEvent::Paused {
            paused: self.paused,
        }]
    }

    fn advance(&mut self, started: u64, events: &mut Vec<RunEvent>) {
        self.current += 1;
        self.item_started = started;
        self.extra = 0;
        self.warned = false;
        self.alarmed = false;
        self.ended = false;
        if self.current >= self.items.len() {
            self.finished = true;
            events.push(RunEvent::Finished { at: started });
        } else {
            events.push(RunEvent::Started {
                index: self.current,
                at: started,
            });
        }
    }

    fn check(&mut self, events: &mut Vec<RunEvent>) {
        while !self.finished {
            let index = self.current;
            let level = self.level();
            let length = self.length();
            let end = self.item_started + length;
            // Report the thresholds themselves, so what is said does not depend on when the
            // clock happened to be read.
            if level >= Level::Warning && !self.warned {
                self.warned = true;
                let left = length / 5;
                events.push(RunEvent::Warning {
                    index,
                    left,
                    at: end - left,
                });
            }
            if level >= Level::Alarm && !self.alarmed {
                self.alarmed = true;
                let left = length / 20;
                events.push(RunEvent::Alarm {
                    index,
                    left,
                    at: end - left,
                });
            }
            if level == Level::Over && !self.ended {
                self.ended = true;
                events.push(RunEvent::Ended { index, at: end });
                if self.auto_advance {
                    // The next item starts when this one's time was up, not at this tick.
                    self.advance(end, events);
                    continue;
                }
            }
            break;
        }
        let pace = self.behind() / 60;
        if pace != self.pace && !self.finished {
            self.pace = pace;
            events.push(RunEvent::Pace {
                behind_minutes: pace,
            });
        }
    }

    /// One line of plain text for an event, as the plain mode prints it and a screen reader
    /// reads it.
    pub fn describe(&self, event: &RunEvent) -> String {
        let title = |index: usize| {
            self.items
                .get(index)
                .map_or_else(String::new, |item| item.title.clone())
        };
        match event {
            RunEvent::Started { index, .. } => {
                let item = &self.items[(*index).min(self.items.len().saturating_sub(1))];
                let next = self.items.get(index + 1).map_or_else(
                    || "nothing, this is the last item".to_string(),
                    |n| n.title.clone(),
                );
                format!(
                    "start: {} ({} min). Next: {next}",
                    item.title,
                    item.seconds / 60
                )
            }
            RunEvent::Warning { index, left, .. } => {
                format!(
                    "warning: 20 % left of {}, {}",
                    title(*index),
                    left_words(*left)
                )
            }
            RunEvent::Alarm { index, left, .. } => {
                format!(
                    "alarm: 5 % left of {}, {}",
                    title(*index),
                    left_words(*left)
                )
            }
            RunEvent::Ended { index, .. } => format!("end: {}", title(*index)),
            RunEvent::Pace { behind_minutes } => pace_words(*behind_minutes),
            RunEvent::Extended { index } => format!("added 5 min to {}", title(*index)),
            RunEvent::Paused { paused: true } => "paused".to_string(),
            RunEvent::Paused { paused: false } => "running again".to_string(),
            RunEvent::Finished { .. } => {
                format!("finished: {}", pace_words(self.pace))
            }
        }
    }
}

/// "2 min behind plan", "3 min ahead of plan", "on plan".
pub fn pace_words(behind_minutes: i64) -> String {
    match behind_minutes {
        0 => "on plan".to_string(),
        m if m > 0 => format!("{m} min behind plan"),
        m => format!("{} min ahead of plan", -m),
    }
}

/// "4 min 30 s left", "40 s left".
pub fn left_words(seconds: u64) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s left"),
        (m, 0) => format!("{m} min left"),
        (m, s) => format!("{m} min {s} s left"),
    }
}

#[cfg(test)]
mod tests;
