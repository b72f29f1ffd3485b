//! The fuzzy matcher behind search, in one place: fields are prepared for it once, when the
//! index is built, and each thread matching a query keeps one matcher with its scratch memory.
//!
//! This is nucleo-matcher rather than fuzzy-matcher's SkimMatcherV2, which the issue named.
//! Typing "pivot chart" over the synthetic libraries (the search bench's query), the first
//! three keys cost SkimMatcherV2 10–27 ms at 10,000 cards and 65–250 ms at 100,000, over the
//! targets of 5 [12] ms and 10 [40] ms. nucleo-matcher reads prepared text without allocating
//! and finds one character or a run with a byte search; with it (and the word-start check
//! below) the same keys cost 4–10 ms and 40–105 ms. The README has the figures.

use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

/// A field's folded text as the matcher reads it: bytes when it is ASCII, characters otherwise.
pub(super) struct Field(Utf32String);

impl Field {
    /// Prepares folded text (see [`super::fold`]) for matching.
    pub(super) fn new(folded: &str) -> Field {
        Field(Utf32String::from(folded))
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A typed word, folded and prepared once per query.
pub(super) struct Needle(Utf32String);

impl Needle {
    pub(super) fn new(folded: &str) -> Needle {
        Needle(Utf32String::from(folded))
    }
}

/// Matches words against fields. One per thread: it reuses its memory for every card.
pub(super) struct FieldMatcher {
    matcher: Matcher,
    positions: Vec<u32>,
}

impl FieldMatcher {
    pub(super) fn new() -> FieldMatcher {
        let mut config = Config::DEFAULT;
        // Fields and words are folded already (lowercase, accents dropped), so the matcher's
        // own folding would only cost time.
        config.ignore_case = false;
        config.normalize = false;
        FieldMatcher {
            matcher: Matcher::new(config),
            positions: Vec::new(),
        }
    }

    /// The score of `needle` in `field` when it matches as a person would mean it (see
    /// [`is_structured`]); the matched characters are then in [`FieldMatcher::positions`].
    pub(super) fn score(&mut self, field: &Field, needle: &Needle) -> Option<i64> {
        let haystack: Utf32Str<'_> = field.0.slice(..);
        let needle = needle.0.slice(..);
        // The word as one run first: the best-scoring subsequence can prefer a later word's
        // first letter to the run (`vo` + `t`ables for `vot` in `pivot tables`).
        // (Looked for here first: the matcher sets up a searcher on every call, which costs
        // more than the look when, as mostly, the run is not there.)
        self.positions.clear();
        if contains_run(haystack, needle)
            && let Some(score) =
                self.matcher
                    .substring_indices(haystack, needle, &mut self.positions)
        {
            self.positions.sort_unstable();
            return Some(i64::from(score));
        }
        // Otherwise only runs that start words can match (see `is_structured`): without a
        // word starting with the word's first letter there is nothing to look for.
        if needle.is_empty() || !starts_a_word(haystack, needle.get(0)) {
            return None;
        }
        self.positions.clear();
        let score = self
            .matcher
            .fuzzy_indices(haystack, needle, &mut self.positions)?;
        self.positions.sort_unstable();
        is_structured(haystack, &self.positions).then_some(i64::from(score))
    }

    /// The character positions the last successful [`FieldMatcher::score`] matched, ascending.
    pub(super) fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.positions
            .iter()
            .filter_map(|&position| usize::try_from(position).ok())
    }
}

/// Whether `needle` occurs in `text` as one run of characters.
fn contains_run(text: Utf32Str<'_>, needle: Utf32Str<'_>) -> bool {
    fn find<H: Copy, N: Copy>(text: &[H], needle: &[N], same: impl Fn(H, N) -> bool) -> bool {
        let Some((&first, rest)) = needle.split_first() else {
            return true;
        };
        (0..text.len().saturating_sub(rest.len())).any(|at| {
            same(text[at], first) && rest.iter().zip(&text[at + 1..]).all(|(&n, &h)| same(h, n))
        })
    }
    match (text, needle) {
        (Utf32Str::Ascii(text), Utf32Str::Ascii(needle)) => find(text, needle, |h, n| h == n),
        (Utf32Str::Unicode(text), Utf32Str::Unicode(needle)) => find(text, needle, |h, n| h == n),
        (Utf32Str::Unicode(text), Utf32Str::Ascii(needle)) => {
            find(text, needle, |h, n| h == char::from(n))
        }
        // ASCII text cannot hold a character that is not.
        (Utf32Str::Ascii(_), Utf32Str::Unicode(_)) => false,
    }
}

/// Whether some word of `text` starts with `first`.
fn starts_a_word(text: Utf32Str<'_>, first: char) -> bool {
    let mut previous_alphanumeric = false;
    text.chars().any(|c| {
        let starts = c == first && !previous_alphanumeric;
        previous_alphanumeric = c.is_alphanumeric();
        starts
    })
}

/// Whether a fuzzy match reads as something a person meant: one run of consecutive characters
/// (`vot` in `pivot`), or runs that each start at the beginning of a word (`pcs` in `pivot
/// chart slicers`). A subsequence scattered through a long text (`pivot` in `Present next to
/// your content in a video`) matches almost any short query and is not a hit.
fn is_structured(text: Utf32Str<'_>, positions: &[u32]) -> bool {
    let consecutive = positions.windows(2).all(|pair| pair[1] == pair[0] + 1);
    if consecutive {
        return true;
    }
    let alphanumeric = |at: u32| (at as usize) < text.len() && text.get(at).is_alphanumeric();
    let starts_word = |at: u32| alphanumeric(at) && (at == 0 || !alphanumeric(at - 1));
    positions.first().is_some_and(|&first| starts_word(first))
        && positions
            .windows(2)
            .all(|pair| pair[1] == pair[0] + 1 || starts_word(pair[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(text: &str, word: &str) -> Option<Vec<usize>> {
        let mut matcher = FieldMatcher::new();
        matcher
            .score(&Field::new(text), &Needle::new(word))
            .map(|_| matcher.positions().collect())
    }

    #[test]
    fn runs_and_word_starts_match_scattered_letters_do_not() {
        assert_eq!(matched("pivot tables", "vot"), Some(vec![2, 3, 4]));
        assert_eq!(matched("pivot chart slicers", "pcs"), Some(vec![0, 6, 12]));
        assert_eq!(
            matched("present next to your content in a video", "pivot"),
            None
        );
        assert_eq!(matched("excel", "pivot"), None);
    }

    #[test]
    fn runs_are_found_in_ascii_and_other_text() {
        let run = |text: &str, word: &str| {
            contains_run(
                Utf32String::from(text).slice(..),
                Utf32String::from(word).slice(..),
            )
        };
        assert!(run("pivot tables", "vot"));
        assert!(run("pivot tables", "les"));
        assert!(!run("pivot tables", "tabel"));
        assert!(run("kløft i tabellen", "tab"));
        assert!(run("kløft", "løf"));
        assert!(!run("kloft", "løf"));
        assert!(run("abc", ""));
        assert!(!run("ab", "abc"));
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        assert_eq!(
            matched("møde – pivot", "pivot"),
            Some(vec![7, 8, 9, 10, 11])
        );
    }
}
