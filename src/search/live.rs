//! Searching as the user types. Most keystrokes add a character, and a longer fuzzy word can
//! only match cards the shorter one matched, so the previous matches are all that need a
//! second look. A backspace back to an earlier query of the same typing restores its results
//! without searching (#9); anything else (an edit in the middle, a widened filter, a rebuilt
//! index) searches everything again.

use super::Hit;
use super::index::SearchIndex;
use super::query::Query;

/// How many earlier queries a backspace can go back to without searching.
const HISTORY: usize = 16;

/// The state of a search box: the last query and the cards it matched fuzzily, and the
/// queries typed before it with their results.
#[derive(Debug, Clone, Default)]
pub struct LiveSearch {
    last: Option<Last>,
    /// Earlier queries of this typing, oldest first, each narrowed by the next.
    earlier: Vec<Last>,
}

#[derive(Debug, Clone)]
struct Last {
    index_id: u64,
    query: Query,
    fuzzy: Vec<usize>,
    hits: Vec<Hit>,
    limit: usize,
}

impl LiveSearch {
    /// A search box with nothing typed yet.
    pub fn new() -> LiveSearch {
        LiveSearch::default()
    }

    /// The same hits as [`SearchIndex::search`], found by narrowing the previous matches when
    /// `query` narrows the previous query on the same index.
    pub fn search(&mut self, index: &SearchIndex, query: Query, limit: usize) -> Vec<Hit> {
        let same = |last: &Last| last.index_id == index.id() && last.limit == limit;
        if self
            .last
            .as_ref()
            .is_some_and(|last| same(last) && last.query == query)
        {
            return self
                .last
                .as_ref()
                .map(|last| last.hits.clone())
                .unwrap_or_default();
        }
        // A backspace: the query is one typed before, whose results are kept.
        if let Some(at) = self
            .earlier
            .iter()
            .rposition(|earlier| same(earlier) && earlier.query == query)
        {
            self.earlier.truncate(at + 1);
            self.last = self.earlier.pop();
            return self
                .last
                .as_ref()
                .map(|last| last.hits.clone())
                .unwrap_or_default();
        }
        let narrows = self
            .last
            .as_ref()
            .is_some_and(|last| last.index_id == index.id() && query.narrows(&last.query));
        let candidates = self
            .last
            .as_ref()
            .filter(|_| narrows)
            .map(|last| last.fuzzy.as_slice());
        let ranked = index.rank(&query, candidates, limit);
        let previous = self.last.replace(Last {
            index_id: index.id(),
            query,
            fuzzy: ranked.fuzzy,
            hits: ranked.hits.clone(),
            limit,
        });
        match previous {
            Some(previous) if narrows => {
                self.earlier.push(previous);
                if self.earlier.len() > HISTORY {
                    self.earlier.remove(0);
                }
            }
            _ => self.earlier.clear(),
        }
        ranked.hits
    }

    /// Forgets the previous queries, so the next search looks at every card.
    pub fn reset(&mut self) {
        self.last = None;
        self.earlier.clear();
    }

    /// How many cards the next narrowing search would look at, if it narrows (for tests and
    /// diagnostics).
    pub fn candidates(&self) -> Option<usize> {
        self.last.as_ref().map(|last| last.fuzzy.len())
    }
}
