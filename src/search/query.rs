//! What a user types into the search box: filters and fuzzy words in one line.
//!
//! `#excel tool:power level:beg <=30 pivot tab` means: a tag starting with `excel`, a tool
//! starting with `power`, a level starting with `beg`, at most 30 minutes, and the fuzzy words
//! `pivot` and `tab`. Filter values match as prefixes because the box searches on every
//! keystroke: `#piv` already narrows to `#pivot` before the word is finished. Every filter must
//! hold. A filter that is still being typed (`tool:`, a lone `<`) is ignored; one that cannot
//! be read (`<soon`) is reported in [`Query::problems`] and otherwise ignored.

use crate::duration::{Minutes, parse_minutes};

use super::fold::fold_str;

/// A parsed search: folded fuzzy words and filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The fuzzy words, folded; each must match the card.
    pub words: Vec<String>,
    /// `#tag` / `tag:x`: some tag of the card starts with each of these (folded).
    pub tags: Vec<String>,
    /// `tool:x`: the card's tool starts with each of these (folded, spaces ignored).
    pub tools: Vec<String>,
    /// `level:x`: the card's level starts with each of these (folded).
    pub levels: Vec<String>,
    /// `<20m`, `<=30`, `>10m`, `>=1h`, `=45`: the card's duration is within each of these.
    pub durations: Vec<DurationFilter>,
    /// Tokens that look like filters but could not be read, as typed.
    pub problems: Vec<String>,
}

/// A bound on a card's duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DurationFilter {
    /// How the card's duration compares to `minutes`.
    pub comparison: Comparison,
    /// The bound.
    pub minutes: Minutes,
}

/// How a duration compares to a bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// `<`
    Less,
    /// `<=`
    AtMost,
    /// `>`
    More,
    /// `>=`
    AtLeast,
    /// `=`
    Equal,
}

impl DurationFilter {
    /// True when a duration satisfies the bound.
    pub fn accepts(self, duration: Minutes) -> bool {
        let (low, high) = self.range();
        (low..=high).contains(&duration.get())
    }

    /// The durations accepted, as an inclusive range of minutes (empty when low > high).
    fn range(self) -> (u32, u32) {
        let m = self.minutes.get();
        match self.comparison {
            Comparison::Less if m == 0 => (1, 0),
            Comparison::Less => (0, m - 1),
            Comparison::AtMost => (0, m),
            Comparison::More if m == u32::MAX => (1, 0),
            Comparison::More => (m + 1, u32::MAX),
            Comparison::AtLeast => (m, u32::MAX),
            Comparison::Equal => (m, m),
        }
    }

    /// True when every duration this filter accepts, `wider` accepts too.
    fn within(self, wider: DurationFilter) -> bool {
        let (low, high) = self.range();
        let (wider_low, wider_high) = wider.range();
        low > high || (wider_low <= low && high <= wider_high)
    }
}

impl Query {
    /// Reads what was typed. Never fails: what is not a filter is a fuzzy word.
    pub fn parse(input: &str) -> Query {
        let mut query = Query::default();
        let mut tokens = input.split_whitespace().peekable();
        while let Some(token) = tokens.next() {
            if let Some(tag) = token.strip_prefix('#') {
                push_value(&mut query.tags, tag);
            } else if let Some((comparison, value)) = comparison(token) {
                // `< 20` with a space reads like `<20`.
                let value = match value {
                    "" => tokens.next_if(|next| starts_with_digit(next)).unwrap_or(""),
                    _ => value,
                };
                query.push_duration(comparison, value, token);
            } else if let Some((key, value)) = token.split_once(':')
                && let Some(values) = query.filter_values(key)
            {
                push_value(values, value);
            } else {
                let word = fold_str(token);
                if !word.is_empty() {
                    query.words.push(word);
                }
            }
        }
        query
    }

    /// True when no fuzzy words were typed (filters may still be set).
    pub fn has_no_words(&self) -> bool {
        self.words.is_empty()
    }

    /// True when every card this query finds, `previous` found too: each earlier word is
    /// contained, in order, in some word now typed, and each earlier filter is implied by one
    /// now set. Searching again then only needs to look at the earlier matches.
    pub fn narrows(&self, previous: &Query) -> bool {
        let prefixes_kept = |old: &[String], new: &[String]| {
            old.iter()
                .all(|o| new.iter().any(|n| n.starts_with(o.as_str())))
        };
        previous
            .words
            .iter()
            .all(|old| self.words.iter().any(|new| is_subsequence(old, new)))
            && prefixes_kept(&previous.tags, &self.tags)
            && prefixes_kept(&previous.tools, &self.tools)
            && prefixes_kept(&previous.levels, &self.levels)
            && previous
                .durations
                .iter()
                .all(|old| self.durations.iter().any(|new| new.within(*old)))
    }

    fn filter_values(&mut self, key: &str) -> Option<&mut Vec<String>> {
        match key.to_lowercase().as_str() {
            "tag" => Some(&mut self.tags),
            "tool" => Some(&mut self.tools),
            "level" => Some(&mut self.levels),
            _ => None,
        }
    }

    fn push_duration(&mut self, comparison: Comparison, value: &str, token: &str) {
        if value.is_empty() {
            return;
        }
        match parse_minutes(value) {
            Ok(minutes) => self.durations.push(DurationFilter {
                comparison,
                minutes,
            }),
            Err(_) => self.problems.push(token.to_string()),
        }
    }
}

/// The folded form a filter value is compared in: no case, no accents, no spaces.
pub(super) fn filter_key(text: &str) -> String {
    fold_str(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn push_value(values: &mut Vec<String>, value: &str) {
    let value = filter_key(value);
    if !value.is_empty() {
        values.push(value);
    }
}

/// A comparison operator and what follows it, when that is a number or nothing yet: `=SUM` is a
/// formula to search for, not a duration.
fn comparison(token: &str) -> Option<(Comparison, &str)> {
    const OPERATORS: [(&str, Comparison); 5] = [
        ("<=", Comparison::AtMost),
        (">=", Comparison::AtLeast),
        ("<", Comparison::Less),
        (">", Comparison::More),
        ("=", Comparison::Equal),
    ];
    OPERATORS
        .iter()
        .find_map(|&(operator, comparison)| Some((comparison, token.strip_prefix(operator)?)))
        .filter(|(_, value)| value.is_empty() || starts_with_digit(value))
}

fn starts_with_digit(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit())
}

/// True when the characters of `part` appear in `whole` in order (what fuzzy matching needs).
fn is_subsequence(part: &str, whole: &str) -> bool {
    let mut rest = whole.chars();
    part.chars().all(|c| rest.any(|w| w == c))
}
