//! Searching as the user types. Most keystrokes add a character, and a longer fuzzy word can
//! only match cards the shorter one matched, so the previous matches are all that need a
//! second look. Anything else (a deleted character, a widened filter, a rebuilt index) searches
//! everything again.

use super::Hit;
use super::index::SearchIndex;
use super::query::Query;

/// The state of a search box: the last query and the cards it matched fuzzily.
#[derive(Debug, Clone, Default)]
pub struct LiveSearch {
    last: Option<Last>,
}

#[derive(Debug, Clone)]
struct Last {
    index_id: u64,
    query: Query,
    fuzzy: Vec<usize>,
}

impl LiveSearch {
    /// A search box with nothing typed yet.
    pub fn new() -> LiveSearch {
        LiveSearch::default()
    }

    /// The same hits as [`SearchIndex::search`], found by narrowing the previous matches when
    /// `query` narrows the previous query on the same index.
    pub fn search(&mut self, index: &SearchIndex, query: Query, limit: usize) -> Vec<Hit> {
        let candidates = self
            .last
            .as_ref()
            .filter(|last| last.index_id == index.id() && query.narrows(&last.query))
            .map(|last| last.fuzzy.as_slice());
        let ranked = index.rank(&query, candidates, limit);
        self.last = Some(Last {
            index_id: index.id(),
            query,
            fuzzy: ranked.fuzzy,
        });
        ranked.hits
    }

    /// Forgets the previous query, so the next search looks at every card.
    pub fn reset(&mut self) {
        self.last = None;
    }

    /// How many cards the next narrowing search would look at, if it narrows (for tests and
    /// diagnostics).
    pub fn candidates(&self) -> Option<usize> {
        self.last.as_ref().map(|last| last.fuzzy.len())
    }
}
