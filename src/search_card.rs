//! Cards as search sees them: [`Searchable`] for a library card, so the terminal app and the
//! command line search the same fields the same way.

use crate::duration::Minutes;
use crate::library::LibraryCard;
use crate::search::Searchable;

impl Searchable for LibraryCard {
    fn title(&self) -> &str {
        &self.card.title
    }

    fn tool(&self) -> &str {
        self.card.tool.as_deref().unwrap_or("")
    }

    fn tags(&self) -> &[String] {
        &self.card.tags
    }

    fn summary(&self) -> &str {
        self.card.summary.as_deref().unwrap_or("")
    }

    fn level(&self) -> Option<&str> {
        self.card.level.map(|level| level.as_str())
    }

    fn duration(&self) -> Option<Minutes> {
        self.card.duration
    }

    fn body(&self) -> &str {
        &self.card.body
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::library::{CardSource, LibraryCard};
    use crate::search::{Query, SearchIndex, Tier};
    use crate::store::Fingerprint;

    fn card(text: &str) -> LibraryCard {
        let (card, file) =
            crate::card::parse_card(Path::new("cards/x.md"), text.as_bytes()).unwrap();
        LibraryCard {
            card,
            source: CardSource::Own,
            path: "cards/x.md".into(),
            file,
            fingerprint: Fingerprint::of(text.as_bytes()),
        }
    }

    #[test]
    fn library_cards_are_found_by_folded_title_and_filters() {
        let cards = vec![
            card(
                "+++\ntitle = \"Kløften i Excel\"\ntool = \"Excel\"\nlevel = \"beginner\"\nduration = 15\n+++\nbody\n",
            ),
            card(
                "+++\ntitle = \"Slack threads\"\ntool = \"Slack\"\ntags = [\"chat\"]\n+++\nA pivot word.\n",
            ),
        ];
        let index = SearchIndex::new(&cards);
        let hits = index.search(&Query::parse("kloft"), 10);
        assert_eq!(hits[0].index, 0);
        assert_eq!(hits[0].tier, Tier::Title);
        assert_eq!(
            index
                .search(&Query::parse("tool:excel level:beg <20m"), 10)
                .len(),
            1
        );
        assert_eq!(index.search(&Query::parse("#chat"), 10)[0].index, 1);
        assert_eq!(index.search(&Query::parse("pivot"), 10)[0].tier, Tier::Body);
    }
}
