//! Cards as search sees them: a library card searches as its card, so the terminal app and the
//! command line search the same fields the same way.

use crate::duration::Minutes;
use crate::library::{Library, LibraryCard};
use crate::search::{SearchIndex, Searchable};

impl Searchable for LibraryCard {
    fn title(&self) -> &str {
        self.card.title()
    }

    fn tool(&self) -> &str {
        self.card.tool()
    }

    fn tags(&self) -> &[String] {
        self.card.tags()
    }

    fn summary(&self) -> &str {
        self.card.summary()
    }

    fn level(&self) -> Option<&str> {
        Searchable::level(&self.card)
    }

    fn duration(&self) -> Option<Minutes> {
        Searchable::duration(&self.card)
    }

    fn body(&self) -> &str {
        self.card.body()
    }
}

/// Prepares a library's cards for searching. A library loaded with lean cards (#9) carries
/// the body words its index kept, since the bodies are not in memory: they move into the
/// search index (the library has no other use for them).
pub fn library_search_index(library: &mut Library) -> SearchIndex {
    match library.body_index.take() {
        Some(body)
            if body
                .max_card()
                .is_none_or(|max| (max as usize) < library.cards.len()) =>
        {
            SearchIndex::with_body_index(&library.cards, body)
        }
        _ => SearchIndex::new(&library.cards),
    }
}
