//! Dates along a course's rhythm: placing sessions that have no date, and bumping a cancelled
//! session (and every later one) to the next free dates. Pure: these return new dates and
//! leave writing them to the file to the caller.

use chrono::{Datelike, Days, NaiveDate};

use super::{Course, Rhythm};

/// Why a course's dates cannot be worked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CourseError {
    #[error(
        "the course has no rhythm to place sessions on (rhythm = {{ weekday = \"tuesday\", start = \"16:00\", minutes = 90 }})"
    )]
    NoRhythm,
    #[error("session {} has no date: give it one, or give the course a first date", .session + 1)]
    NoFirstDate { session: usize },
    #[error("there is no session {} (the course has {count})", .index + 1)]
    NoSuchSession { index: usize, count: usize },
    #[error("the rhythm runs past the end of the calendar")]
    OutOfCalendar,
}

impl Rhythm {
    /// The first rhythm date on or after `from` that is not in `skip`.
    pub fn date_on_or_after(&self, from: NaiveDate, skip: &[NaiveDate]) -> Option<NaiveDate> {
        let ahead =
            (7 + self.weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
        let mut date = from.checked_add_days(Days::new(u64::from(ahead)))?;
        // Ends: each skipped date is passed at most once.
        while skip.contains(&date) {
            date = date.checked_add_days(Days::new(7))?;
        }
        Some(date)
    }

    /// The first rhythm date after `date` that is not in `skip`.
    pub fn date_after(&self, date: NaiveDate, skip: &[NaiveDate]) -> Option<NaiveDate> {
        self.date_on_or_after(date.succ_opt()?, skip)
    }
}

impl Course {
    /// Every session's date: its own, or for one without, the next rhythm date after the
    /// session before it (the first rhythm date on or after `first` for a leading session).
    ///
    /// # Errors
    /// [`CourseError::NoFirstDate`] when the first session has no date and `first` is `None`;
    /// [`CourseError::NoRhythm`] when a session has no date and the course no rhythm.
    pub fn fill_dates(&self, first: Option<NaiveDate>) -> Result<Vec<NaiveDate>, CourseError> {
        let mut dates: Vec<NaiveDate> = Vec::with_capacity(self.sessions.len());
        for (index, session) in self.sessions.iter().enumerate() {
            let date = match (session.date, dates.last()) {
                (Some(date), _) => date,
                (None, Some(previous)) => self
                    .rhythm()?
                    .date_after(*previous, &self.skip)
                    .ok_or(CourseError::OutOfCalendar)?,
                (None, None) => {
                    let first = first.ok_or(CourseError::NoFirstDate { session: index })?;
                    self.rhythm()?
                        .date_on_or_after(first, &self.skip)
                        .ok_or(CourseError::OutOfCalendar)?
                }
            };
            dates.push(date);
        }
        Ok(dates)
    }

    /// The dates after cancelling session `cancelled` (0-based), from the sessions' own dates
    /// and the rhythm (see [`Course::bump_dates`]).
    ///
    /// # Errors
    /// As [`Course::fill_dates`] without a first date, and as [`Course::bump_dates`].
    pub fn bump(&self, cancelled: usize) -> Result<Vec<NaiveDate>, CourseError> {
        let dates = self.fill_dates(None)?;
        self.bump_dates(&dates, cancelled)
    }

    /// The dates after cancelling session `cancelled` (0-based) when the sessions stand on
    /// `dates`: it and every later session move to the next free rhythm date after their own,
    /// never onto a `skip` date, and after the session ahead of them (the same day only when
    /// they shared one before). So order holds, and intended gaps between later sessions stay:
    /// nothing moves earlier. Earlier sessions keep their dates.
    ///
    /// # Errors
    /// [`CourseError::NoSuchSession`] when `cancelled` is past the end of `dates`;
    /// [`CourseError::NoRhythm`] when the course has no rhythm to move sessions along.
    pub fn bump_dates(
        &self,
        dates: &[NaiveDate],
        cancelled: usize,
    ) -> Result<Vec<NaiveDate>, CourseError> {
        if cancelled >= dates.len() {
            return Err(CourseError::NoSuchSession {
                index: cancelled,
                count: dates.len(),
            });
        }
        let rhythm = self.rhythm()?;
        let next = |date: NaiveDate, same_day_allowed: bool| {
            let found = if same_day_allowed {
                rhythm.date_on_or_after(date, &self.skip)
            } else {
                rhythm.date_after(date, &self.skip)
            };
            found.ok_or(CourseError::OutOfCalendar)
        };
        let mut bumped = dates[..cancelled].to_vec();
        for index in cancelled..dates.len() {
            let old = dates[index];
            let mut date = next(old, false)?;
            if let Some(index_ahead) = index.checked_sub(1) {
                // Sessions that shared a day keep sharing it; any others stay apart.
                let shared_a_day = dates[index_ahead] == old;
                date = date.max(next(bumped[index_ahead], shared_a_day)?);
            }
            bumped.push(date);
        }
        Ok(bumped)
    }

    fn rhythm(&self) -> Result<Rhythm, CourseError> {
        self.rhythm.ok_or(CourseError::NoRhythm)
    }
}
