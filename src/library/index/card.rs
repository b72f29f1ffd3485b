//! A card as the index keeps it: every front-matter field, not the body.

use std::path::{Path, PathBuf};

use super::codes::{level_code, minutes_code};
use crate::card::{ChecklistItem, Level, Origin, SkillCard};
use crate::duration::Minutes;
use crate::library::CardSource;
use crate::search::Searchable;

/// A card as the index keeps it: what search matches and what a result line shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndexedCard {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub tool: Option<String>,
    pub tags: Vec<String>,
    #[serde(with = "level_code")]
    pub level: Option<Level>,
    #[serde(with = "minutes_code")]
    pub duration: Option<Minutes>,
    pub lang: Option<String>,
    /// The pack the card comes from; `None` for the user's own cards.
    pub pack: Option<String>,
    /// The file's path; for bundled cards a `bundled:` path, as in [`super::LibraryCard`].
    pub path: PathBuf,
    /// The other front-matter fields, so the terminal app can hold a card without its body
    /// (see [`super::LibraryCard::lean`]).
    pub rest: CardRest,
}

/// The front-matter fields of a card that search does not use; the body is not kept.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CardRest {
    pub audience: Vec<String>,
    pub prerequisites: Vec<String>,
    pub outcomes: Vec<String>,
    pub requires: Vec<String>,
    pub materials: Vec<String>,
    pub links: Vec<String>,
    pub author: Option<String>,
    pub updated: Option<chrono::NaiveDate>,
    pub checklist: Vec<ChecklistItem>,
    pub ready: Vec<String>,
    pub origin: Option<Origin>,
}

impl IndexedCard {
    pub(super) fn of(card: &SkillCard, pack: Option<&str>, path: &Path) -> IndexedCard {
        IndexedCard {
            id: card.id.clone(),
            title: card.title.clone(),
            summary: card.summary.clone(),
            tool: card.tool.clone(),
            tags: card.tags.clone(),
            level: card.level,
            duration: card.duration,
            lang: card.lang.clone(),
            pack: pack.map(str::to_string),
            path: path.to_path_buf(),
            rest: CardRest {
                audience: card.audience.clone(),
                prerequisites: card.prerequisites.clone(),
                outcomes: card.outcomes.clone(),
                requires: card.requires.clone(),
                materials: card.materials.clone(),
                links: card.links.clone(),
                author: card.author.clone(),
                updated: card.updated,
                checklist: card.checklist.clone(),
                ready: card.ready.clone(),
                origin: card.origin.clone(),
            },
        }
    }

    /// The card without its body, and where it comes from (moving the fields, not copying).
    pub fn into_card(self) -> (SkillCard, CardSource, PathBuf) {
        let source = self.source();
        let rest = self.rest;
        let card = SkillCard {
            id: self.id,
            title: self.title,
            summary: self.summary,
            tool: self.tool,
            tags: self.tags,
            level: self.level,
            duration: self.duration,
            audience: rest.audience,
            lang: self.lang,
            prerequisites: rest.prerequisites,
            outcomes: rest.outcomes,
            requires: rest.requires,
            materials: rest.materials,
            links: rest.links,
            author: rest.author,
            updated: rest.updated,
            checklist: rest.checklist,
            ready: rest.ready,
            origin: rest.origin,
            body: String::new(),
        };
        (card, source, self.path)
    }

    /// Where the card comes from.
    pub fn source(&self) -> CardSource {
        match &self.pack {
            None => CardSource::Own,
            Some(pack) => CardSource::Pack { pack: pack.clone() },
        }
    }

    /// `id` for own cards, `pack/id` for pack cards (as [`super::LibraryCard::qualified_id`]).
    pub fn qualified_id(&self) -> String {
        match &self.pack {
            None => self.id.clone(),
            Some(pack) => format!("{pack}/{}", self.id),
        }
    }
}

/// An indexed card searches by its short fields; its body is in the [`BodyIndex`].
impl Searchable for IndexedCard {
    fn title(&self) -> &str {
        &self.title
    }
    fn tool(&self) -> &str {
        self.tool.as_deref().unwrap_or("")
    }
    fn tags(&self) -> &[String] {
        &self.tags
    }
    fn summary(&self) -> &str {
        self.summary.as_deref().unwrap_or("")
    }
    fn level(&self) -> Option<&str> {
        self.level.map(Level::as_str)
    }
    fn duration(&self) -> Option<Minutes> {
        self.duration
    }
    fn body(&self) -> &str {
        ""
    }
}
