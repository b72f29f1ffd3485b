//! The inverted body-word index: each folded whole word of the card bodies, with the ascending
//! positions of the cards whose body holds it. A body search looks up the typed words and
//! intersects their postings, instead of asking every card whether its body has each word.
//!
//! It is serializable so the library index can keep it on disk and skip reading the bodies.

use std::collections::HashMap;

use super::fold::words;

/// Folded body words and the cards that hold them, sorted by word for binary search.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BodyIndex {
    words: Vec<(String, Vec<u32>)>,
}

impl BodyIndex {
    /// Indexes the bodies, in order: the first body is card 0.
    pub fn build<'a>(bodies: impl IntoIterator<Item = &'a str>) -> BodyIndex {
        let mut builder = BodyIndexBuilder::default();
        for (card, body) in bodies.into_iter().enumerate() {
            builder.add(card_number(card), body);
        }
        builder.finish()
    }

    /// The cards whose body holds `word` (already folded), ascending.
    pub fn cards_with(&self, word: &str) -> &[u32] {
        self.words
            .binary_search_by(|(w, _)| w.as_str().cmp(word))
            .map_or(&[], |found| self.words[found].1.as_slice())
    }

    /// The cards whose body holds every word (already folded), ascending; empty for no words.
    pub fn cards_with_all(&self, wanted: &[String]) -> Vec<u32> {
        let mut lists: Vec<&[u32]> = wanted.iter().map(|w| self.cards_with(w)).collect();
        lists.sort_by_key(|list| list.len());
        let Some((shortest, rest)) = lists.split_first() else {
            return Vec::new();
        };
        shortest
            .iter()
            .copied()
            .filter(|card| rest.iter().all(|list| list.binary_search(card).is_ok()))
            .collect()
    }

    /// The highest card number in any posting, to check an index read from disk.
    pub fn max_card(&self) -> Option<u32> {
        self.words
            .iter()
            .filter_map(|(_, cards)| cards.last().copied())
            .max()
    }

    /// How many distinct words are indexed.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Renumbers the cards: `new_number[old]` is a card's new number, or `None` when it is gone
    /// (deleted or changed, to be added again with [`BodyIndexBuilder::add`]). Returns a
    /// builder holding what is kept, so changed and new cards can be added before finishing.
    pub fn renumber(self, new_number: &[Option<u32>]) -> BodyIndexBuilder {
        let mut builder = BodyIndexBuilder::default();
        for (word, cards) in self.words {
            let kept: Vec<u32> = cards
                .into_iter()
                .filter_map(|old| new_number.get(old as usize).copied().flatten())
                .collect();
            if !kept.is_empty() {
                builder.words.insert(word, kept);
            }
        }
        builder
    }
}

/// Collects postings card by card; [`BodyIndexBuilder::finish`] sorts them.
#[derive(Debug, Default)]
pub struct BodyIndexBuilder {
    words: HashMap<String, Vec<u32>>,
}

impl BodyIndexBuilder {
    /// Adds the whole words of one card's body.
    pub fn add(&mut self, card: u32, body: &str) {
        for word in words(body) {
            let cards = self.words.entry(word).or_default();
            if cards.last() != Some(&card) {
                cards.push(card);
            }
        }
    }

    /// Adds words already folded and split (as the library index keeps them for a new card).
    pub fn add_words(&mut self, card: u32, card_words: impl IntoIterator<Item = String>) {
        for word in card_words {
            let cards = self.words.entry(word).or_default();
            if cards.last() != Some(&card) {
                cards.push(card);
            }
        }
    }

    pub fn finish(self) -> BodyIndex {
        let mut words: Vec<(String, Vec<u32>)> = self
            .words
            .into_iter()
            .map(|(word, mut cards)| {
                cards.sort_unstable();
                cards.dedup();
                (word, cards)
            })
            .collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        BodyIndex { words }
    }
}

/// Card positions are stored as `u32`: four billion cards is far past any library.
fn card_number(position: usize) -> u32 {
    u32::try_from(position).unwrap_or(u32::MAX)
}
