//! The search index: every card's fields folded once, and the ranking of one query.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use super::body::BodyIndex;
use super::fold::{Folded, fold, fold_str, words};
use super::matcher::{Field, FieldMatcher, Needle};
use super::query::{Query, filter_key};
use super::{Hit, Searchable, Tier};
use crate::duration::Minutes;

/// From this many candidates matching is spread over the cores; below, starting threads costs
/// more than it saves.
const PARALLEL_FROM: usize = 4096;

/// Gives every index an identity, so a [`super::LiveSearch`] notices a rebuilt index.
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// Cards prepared for searching: folded fields and body word sets, built once per library
/// load. Hits refer to cards by their position in the slice the index was built from.
pub struct SearchIndex {
    id: u64,
    entries: Vec<Entry>,
    /// Which cards' bodies hold which whole words.
    body: BodyIndex,
}

struct Entry {
    /// The folded title, mapping matched characters back to the title as shown.
    title: Folded,
    title_field: Field,
    /// Tool, tags and summary, folded, the empty ones left out.
    other_fields: Vec<Field>,
    /// Filter keys: folded, without spaces.
    tool_key: String,
    tag_keys: Vec<String>,
    level_key: Option<String>,
    duration: Option<Minutes>,
}

/// The result of ranking: the hits, and every card that passed the filters and matched the
/// words fuzzily (before any limit), for narrowing the next search.
pub(super) struct Ranked {
    pub hits: Vec<Hit>,
    pub fuzzy: Vec<usize>,
}

impl SearchIndex {
    /// Prepares a slice of cards for searching.
    pub fn new<S: Searchable>(items: &[S]) -> SearchIndex {
        let body = BodyIndex::build(items.iter().map(Searchable::body));
        SearchIndex::with_body_index(items, body)
    }

    /// Prepares cards whose body words are already indexed (card `i` of `body` is `items[i]`),
    /// so the bodies need not be read: the library index keeps them on disk.
    pub fn with_body_index<S: Searchable>(items: &[S], body: BodyIndex) -> SearchIndex {
        let entries = items
            .iter()
            .map(|item| {
                let title = fold(item.title());
                let other_fields = std::iter::once(item.tool())
                    .chain(item.tags().iter().map(String::as_str))
                    .chain(std::iter::once(item.summary()))
                    .map(|field| Field::new(&fold_str(field)))
                    .filter(|field| !field.is_empty())
                    .collect();
                Entry {
                    title_field: Field::new(title.as_str()),
                    title,
                    other_fields,
                    tool_key: filter_key(item.tool()),
                    tag_keys: item.tags().iter().map(|tag| filter_key(tag)).collect(),
                    level_key: item.level().map(filter_key),
                    duration: item.duration(),
                }
            })
            .collect();
        SearchIndex {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            entries,
            body,
        }
    }

    /// How many cards the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the index holds no cards.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` hits for a query, best first (see the module documentation for the
    /// order).
    pub fn search(&self, query: &Query, limit: usize) -> Vec<Hit> {
        self.rank(query, None, limit).hits
    }

    /// This index's identity: a rebuilt index (after a reload) has another, so results
    /// matched on an older one can be told apart.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Ranks the cards for a query. Fuzzy matching looks only at `fuzzy_candidates` when
    /// given (the previous query's fuzzy matches, when this query narrows it); the body is
    /// always checked for every card, because a finished word can be a whole word in a body
    /// where its prefix was not.
    pub(super) fn rank(
        &self,
        query: &Query,
        fuzzy_candidates: Option<&[usize]>,
        limit: usize,
    ) -> Ranked {
        let passes = |&i: &usize| self.entries.get(i).is_some_and(|e| e.passes(query));
        let passing: Vec<usize> = match fuzzy_candidates {
            Some(candidates) => candidates.iter().copied().filter(passes).collect(),
            None => (0..self.entries.len()).filter(passes).collect(),
        };
        if query.has_no_words() {
            let hits = passing
                .iter()
                .take(limit)
                .map(|&index| Hit {
                    index,
                    tier: Tier::Filtered,
                    score: 0,
                    highlights: Vec::new(),
                })
                .collect();
            return Ranked {
                hits,
                fuzzy: passing,
            };
        }
        let needles: Vec<Needle> = query.words.iter().map(|word| Needle::new(word)).collect();
        let mut hits = self.fuzzy_hits(&passing, &needles);
        let fuzzy: Vec<usize> = hits.iter().map(|hit| hit.index).collect();
        hits.extend(self.body_hits(query, &fuzzy));
        let order = |a: &Hit, b: &Hit| (a.tier, b.score, a.index).cmp(&(b.tier, a.score, b.index));
        // Only the best `limit` are shown: pick them out, then sort just those (#9), rather
        // than sorting every hit of a short query over 100,000 cards.
        if limit == 0 {
            hits.clear();
        } else if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_by(order);
        // The matched characters are found again for the hits kept, not kept for every hit
        // on the way: a short query over 100,000 cards matches most of them.
        let mut matcher = FieldMatcher::new();
        for hit in &mut hits {
            if matches!(hit.tier, Tier::Title | Tier::Fields)
                && let Some(marked) = self.fuzzy_hit(hit.index, &needles, &mut matcher, true)
            {
                hit.highlights = marked.highlights;
            }
        }
        Ranked { hits, fuzzy }
    }

    /// The fuzzy hits among `candidates` (ascending positions), in that order. A long list is
    /// matched on every core (#9): the first key of a query over 100,000 cards looks at all of
    /// them.
    fn fuzzy_hits(&self, candidates: &[usize], needles: &[Needle]) -> Vec<Hit> {
        let match_part = |part: &[usize]| {
            let mut matcher = FieldMatcher::new();
            part.iter()
                .filter_map(|&i| self.fuzzy_hit(i, needles, &mut matcher, false))
                .collect::<Vec<_>>()
        };
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        if candidates.len() < PARALLEL_FROM || threads < 2 {
            return match_part(candidates);
        }
        let chunk = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = candidates
                .chunks(chunk)
                .map(|part| scope.spawn(move || match_part(part)))
                .collect();
            handles
                .into_iter()
                .flat_map(|handle| handle.join().unwrap_or_default())
                .collect()
        })
    }

    /// A title or fields hit when every word matches somewhere; with the title's matched
    /// characters when `mark` is set.
    fn fuzzy_hit(
        &self,
        index: usize,
        needles: &[Needle],
        matcher: &mut FieldMatcher,
        mark: bool,
    ) -> Option<Hit> {
        let entry = self.entries.get(index)?;
        let mut all_in_title = true;
        let mut score = 0;
        let mut highlights = Vec::new();
        for needle in needles {
            if let Some(title_score) = matcher.score(&entry.title_field, needle) {
                score += title_score;
                if mark {
                    highlights.extend(matcher.positions().filter_map(|p| entry.title.origin(p)));
                }
                continue;
            }
            all_in_title = false;
            score += entry
                .other_fields
                .iter()
                .filter_map(|field| matcher.score(field, needle))
                .max()?;
        }
        highlights.sort_unstable();
        highlights.dedup();
        let tier = if all_in_title {
            Tier::Title
        } else {
            Tier::Fields
        };
        Some(Hit {
            index,
            tier,
            score,
            highlights,
        })
    }

    /// Cards passing the filters, not fuzzy hits, whose body has every typed word.
    fn body_hits<'a>(
        &'a self,
        query: &'a Query,
        fuzzy: &'a [usize],
    ) -> impl Iterator<Item = Hit> + 'a {
        let wanted: Vec<String> = query.words.iter().flat_map(|w| words(w)).collect();
        // Words without letters or digits (`+`) cannot be whole words of a body, and give no
        // words here: then nothing is a body hit.
        self.body
            .cards_with_all(&wanted)
            .into_iter()
            .map(|card| card as usize)
            .filter(move |index| {
                // `fuzzy` is ascending: it keeps the order of the cards it came from.
                fuzzy.binary_search(index).is_err()
                    && self.entries.get(*index).is_some_and(|e| e.passes(query))
            })
            .map(|index| Hit {
                index,
                tier: Tier::Body,
                score: 0,
                highlights: Vec::new(),
            })
    }
}

impl Entry {
    fn passes(&self, query: &Query) -> bool {
        let level = self.level_key.as_deref().unwrap_or("");
        query
            .tags
            .iter()
            .all(|tag| self.tag_keys.iter().any(|t| t.starts_with(tag.as_str())))
            && query
                .tools
                .iter()
                .all(|tool| self.tool_key.starts_with(tool.as_str()))
            && query.levels.iter().all(|l| level.starts_with(l.as_str()))
            && query.durations.iter().all(|filter| {
                self.duration
                    .is_some_and(|duration| filter.accepts(duration))
            })
    }
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("id", &self.id)
            .field("cards", &self.entries.len())
            .finish_non_exhaustive()
    }
}
