//! Finding cards: the one owner of the fuzzy matcher.
//!
//! A search is fuzzy over each card's title, tool, tags and summary, folded so that `kloft`
//! finds `Kløft`. Results come in tiers, always in this order:
//!
//! 1. [`Tier::Title`]: every typed word matches the title.
//! 2. [`Tier::Fields`]: every word matches the title, tool, a tag or the summary.
//! 3. [`Tier::Body`]: not a fuzzy hit, but the body holds every typed word as a whole word.
//!
//! Within the fuzzy tiers the matcher's score decides, then input order; body hits keep input
//! order. Filters typed in the same box (`#tag`, `tool:`, `level:`, `<20m`) apply to all tiers;
//! with no words typed, every card passing the filters is a [`Tier::Filtered`] hit, in input
//! order. Matched title characters are reported as character indices into the original title;
//! [`highlight_runs`] turns them into safe text runs to draw.
//!
//! [`SearchIndex`] folds every field once; [`LiveSearch`] searches as the user types, looking
//! only at the previous matches when the new query merely narrows the previous one.

mod body;
mod fold;
mod index;
mod live;
mod matcher;
mod query;

#[cfg(test)]
mod tests;

pub use body::{BodyIndex, BodyIndexBuilder};
pub use fold::{Folded, fold, fold_str, word_set, words};
pub use index::SearchIndex;
pub use live::LiveSearch;
pub use query::{Comparison, DurationFilter, Query};

use crate::duration::Minutes;
use crate::safe_text::sanitize_line;

/// What search needs from a card. The card type implements it; search never sees files.
pub trait Searchable {
    /// The card's title, as shown.
    fn title(&self) -> &str;
    /// The tool it teaches (`Excel`), or `""`.
    fn tool(&self) -> &str;
    /// Its tags.
    fn tags(&self) -> &[String];
    /// The one-line summary, or `""`.
    fn summary(&self) -> &str;
    /// `beginner`, `intermediate` or `advanced`, if set.
    fn level(&self) -> Option<&str>;
    /// How long the card takes, if set.
    fn duration(&self) -> Option<Minutes>;
    /// The Markdown body.
    fn body(&self) -> &str;
}

/// A reference searches like what it points at, so an index can be built over borrowed cards.
impl<T: Searchable + ?Sized> Searchable for &T {
    fn title(&self) -> &str {
        (**self).title()
    }
    fn tool(&self) -> &str {
        (**self).tool()
    }
    fn tags(&self) -> &[String] {
        (**self).tags()
    }
    fn summary(&self) -> &str {
        (**self).summary()
    }
    fn level(&self) -> Option<&str> {
        (**self).level()
    }
    fn duration(&self) -> Option<Minutes> {
        (**self).duration()
    }
    fn body(&self) -> &str {
        (**self).body()
    }
}

/// Why a card was found; tiers sort in declaration order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// No words were typed: the card passes the filters.
    Filtered,
    /// Every word matches the title.
    Title,
    /// Every word matches the title, tool, a tag or the summary, but not all the title.
    Fields,
    /// The body holds every word as a whole word.
    Body,
}

/// One found card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Hit {
    /// The card's position in the slice the index was built from.
    pub index: usize,
    /// Why it was found.
    pub tier: Tier,
    /// The fuzzy score (higher is better); 0 for body and filter-only hits.
    pub score: i64,
    /// Indices of matched characters in the original title (`char` indices, ascending).
    pub highlights: Vec<usize>,
}

/// Splits a title into runs of (text, highlighted), made safe for one line with
/// [`sanitize_line`]. Highlight indices count the characters of the original title, so they
/// stay right even when a control character in it is shown as a longer placeholder.
pub fn highlight_runs(title: &str, highlights: &[usize]) -> Vec<(String, bool)> {
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut next_highlight = highlights.iter().copied().peekable();
    let mut buffer = [0u8; 4];
    for (index, c) in title.chars().enumerate() {
        while next_highlight.next_if(|&h| h < index).is_some() {}
        let highlighted = next_highlight.peek() == Some(&index);
        let text = sanitize_line(c.encode_utf8(&mut buffer));
        match runs.last_mut() {
            Some((run, was_highlighted)) if *was_highlighted == highlighted => run.push_str(&text),
            _ => runs.push((text.into_owned(), highlighted)),
        }
    }
    runs
}
