//! Finding cards: the one owner of the fuzzy matcher. This first part holds what a search is
//! made of: folding (`kloft` finds `Kløft`) and the query typed into the search box.

mod fold;
mod query;

pub use fold::{Folded, fold, fold_str, word_set, words};
pub use query::{Comparison, DurationFilter, Query};
