//! Folding text for matching: lowercase, accents dropped, a few letters spelled out, so typing
//! `kloft` finds `Kløft` and `aeble` finds `æble`.
//!
//! Decomposition (NFD) followed by dropping combining marks handles most accents (`å`, `ä`,
//! `é`, `ü`); letters that do not decompose (`ø`, `æ`, `ß`) come from a small table. Each
//! folded character remembers which character of the original it came from, so a match found
//! in folded text can be highlighted in the text the user sees.

use std::collections::HashSet;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text and, for each of its characters, the index of the original character it came
/// from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    text: String,
    /// Empty when the original was ASCII: then character `i` came from character `i`, and
    /// most titles need no map at all.
    origins: Vec<usize>,
}

impl Folded {
    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The index of the original character that folded character `index` came from.
    pub fn origin(&self, index: usize) -> Option<usize> {
        if self.origins.is_empty() {
            return (index < self.text.len()).then_some(index);
        }
        self.origins.get(index).copied()
    }
}

/// Folds text, keeping the way back to the original characters.
pub fn fold(text: &str) -> Folded {
    if text.is_ascii() {
        return Folded {
            text: text.to_ascii_lowercase(),
            origins: Vec::new(),
        };
    }
    let mut folded = Folded::default();
    for (index, c) in text.chars().enumerate() {
        fold_char(c, &mut |f| {
            folded.text.push(f);
            folded.origins.push(index);
        });
    }
    folded
}

/// Folds text when the way back is not needed (queries, filters, fields not highlighted).
pub fn fold_str(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut |f| folded.push(f));
    }
    folded
}

/// The whole words of some text, folded: runs of letters and digits. Folding comes first, so
/// an accent written as a separate mark does not split its word.
pub fn words(text: &str) -> Vec<String> {
    fold_str(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(String::from)
        .collect()
}

/// The set of folded whole words in a text, for "does the body say this" questions.
pub fn word_set(text: &str) -> HashSet<String> {
    words(text).into_iter().collect()
}

fn fold_char(c: char, emit: &mut impl FnMut(char)) {
    if c.is_ascii() {
        return emit(c.to_ascii_lowercase());
    }
    for lower in c.to_lowercase() {
        if let Some(spelled) = spelled_out(lower) {
            spelled.chars().for_each(&mut *emit);
            continue;
        }
        decompose_canonical(lower, |part| {
            if is_combining_mark(part) {
                return;
            }
            match spelled_out(part) {
                Some(spelled) => spelled.chars().for_each(&mut *emit),
                None => emit(part),
            }
        });
    }
}

/// Letters that carry no separable accent, written the way people type them without the key.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'ð' | 'đ' => "d",
        'þ' => "th",
        'ł' => "l",
        'ı' => "i",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::norwegian("Kløft", "kloft")]
    #[case::danish("Æble på bordet", "aeble pa bordet")]
    #[case::swedish("Ärlig Östen", "arlig osten")]
    #[case::german("Über Straße", "uber strasse")]
    #[case::french("Café crème", "cafe creme")]
    #[case::decomposed("e\u{301}", "e")]
    #[case::icelandic("Þórður", "thordur")]
    #[case::untouched("pivot 表 42", "pivot 表 42")]
    fn folds(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(fold(text).as_str(), expected);
        assert_eq!(fold_str(text), expected);
    }

    #[test]
    fn folded_characters_point_back_to_the_original() {
        let folded = fold("Æb e\u{301}ß");
        assert_eq!(folded.as_str(), "aeb ess");
        let origins: Vec<usize> = (0..7).filter_map(|i| folded.origin(i)).collect();
        // æ -> a e (both from 0), b (1), space (2), e (3; its accent, 4, is dropped), ß -> s s.
        assert_eq!(origins, [0, 0, 1, 2, 3, 5, 5]);
        assert_eq!(folded.origin(7), None);
    }

    #[test]
    fn ascii_text_folds_to_lowercase_and_points_back_to_itself() {
        let folded = fold("Pivot Charts");
        assert_eq!(folded.as_str(), "pivot charts");
        assert_eq!(folded.origin(0), Some(0));
        assert_eq!(folded.origin(11), Some(11));
        assert_eq!(folded.origin(12), None);
        assert_eq!(fold_str("Slack HUDDLES"), "slack huddles");
    }

    #[test]
    fn words_are_folded_runs_of_letters() {
        let found = words("Pivot-tabellen, kløft! 2x cre\u{300}me");
        assert_eq!(found, ["pivot", "tabellen", "kloft", "2x", "creme"]);
    }
}
