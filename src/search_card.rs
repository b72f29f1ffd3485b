//! Cards as search sees them: a library card searches as its card, so the terminal app and the
//! command line search the same fields the same way.

use crate::duration::Minutes;
use crate::library::LibraryCard;
use crate::search::Searchable;

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
