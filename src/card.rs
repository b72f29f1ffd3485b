//! Skill cards: one teachable skill per file, `<id>.md` with TOML front matter between `+++`
//! lines and a Markdown body.
//!
//! A card is read into a [`SkillCard`] (typed fields) plus a [`CardFile`] (the text it came
//! from). Saving goes back through the file's own text, so comments, key order and formatting
//! survive and a change of one value changes one line.

mod parse;
mod save;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

pub use parse::{CardFile, parse_card};
pub use save::{CardTemplate, SECTIONS, new_card_text, render_card};

use crate::duration::Minutes;

/// How much a learner must already know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Beginner, Level::Intermediate, Level::Advanced];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = ();

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Level::ALL
            .into_iter()
            .find(|level| level.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or(())
    }
}

/// One of the card's own checklist items (`[[checklist]]`), beside the default items.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ChecklistItem {
    pub item: String,
    pub done: bool,
}

/// A card forked from a pack remembers where it came from, for three-way merges on update.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    pub pack: String,
    pub card: String,
    pub version: String,
}

/// A teachable skill, as its front matter and body say.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SkillCard {
    /// Unique in the library; the file stem unless the front matter says otherwise.
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub tool: Option<String>,
    pub tags: Vec<String>,
    pub level: Option<Level>,
    pub duration: Option<Minutes>,
    pub audience: Vec<String>,
    pub lang: Option<String>,
    pub prerequisites: Vec<String>,
    pub outcomes: Vec<String>,
    /// What the session needs to work at all: app version, licence, login, sample file.
    pub requires: Vec<String>,
    pub materials: Vec<String>,
    pub links: Vec<String>,
    pub author: Option<String>,
    pub updated: Option<NaiveDate>,
    /// The card's own checklist items; ticks on own cards are stored here.
    pub checklist: Vec<ChecklistItem>,
    /// Default checklist items ticked on this card, by their key (`outcome`, `show-it`, ...).
    pub ready: Vec<String>,
    pub origin: Option<Origin>,
    /// The Markdown body after the closing `+++`.
    pub body: String,
}

impl SkillCard {
    /// A card with only the required fields set, everything else empty.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        SkillCard {
            id: id.into(),
            title: title.into(),
            summary: None,
            tool: None,
            tags: Vec::new(),
            level: None,
            duration: None,
            audience: Vec::new(),
            lang: None,
            prerequisites: Vec::new(),
            outcomes: Vec::new(),
            requires: Vec::new(),
            materials: Vec::new(),
            links: Vec::new(),
            author: None,
            updated: None,
            checklist: Vec::new(),
            ready: Vec::new(),
            origin: None,
            body: String::new(),
        }
    }
}

/// Turns a title into an id: lowercase ASCII letters, digits and single dashes. Letters with
/// diacritics fold (`ø` -> `o`, `æ` -> `ae`), so a Danish title still gives a readable id.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        let folded: &str = match c {
            'æ' | 'ä' => "ae",
            'ø' | 'ö' | 'œ' => "oe",
            'å' => "aa",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            c if c.is_alphanumeric() => {
                // Other letters: keep the base letter when NFD gives an ASCII one.
                use unicode_normalization::UnicodeNormalization;
                let base: String = c
                    .nfd()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>();
                if base.is_empty() {
                    push_dash(&mut slug);
                } else {
                    slug.push_str(&base);
                }
                continue;
            }
            _ => {
                push_dash(&mut slug);
                continue;
            }
        };
        slug.push_str(folded);
    }
    let trimmed = slug.trim_matches('-');
    let mut out: String = trimmed.chars().take(60).collect();
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn push_dash(slug: &mut String) {
    if !slug.is_empty() && !slug.ends_with('-') {
        slug.push('-');
    }
}

/// Whether `id` is a well-formed card or pack id: lowercase letters, digits, `-` and `_`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !id.starts_with('-')
}

impl crate::search::Searchable for SkillCard {
    fn title(&self) -> &str {
        &self.title
    }

    fn tool(&self) -> &str {
        self.tool.as_deref().unwrap_or_default()
    }

    fn tags(&self) -> &[String] {
        &self.tags
    }

    fn summary(&self) -> &str {
        self.summary.as_deref().unwrap_or_default()
    }

    fn level(&self) -> Option<&str> {
        self.level.map(Level::as_str)
    }

    fn duration(&self) -> Option<Minutes> {
        self.duration
    }

    fn body(&self) -> &str {
        &self.body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_ids() {
        assert_eq!(
            slugify("Build a pivot chart the director can filter himself"),
            "build-a-pivot-chart-the-director-can-filter-himself"
        );
        assert_eq!(
            slugify("  Kløft & Æble: første møde! "),
            "kloeft-aeble-foerste-moede"
        );
        assert_eq!(slugify("Café résumé"), "cafe-resume");
        assert_eq!(slugify("日本"), "");
        assert!(is_valid_id(&slugify("Slack: threads, not chaos")));
    }

    #[test]
    fn levels_read_case_insensitively() {
        assert_eq!("Beginner".parse(), Ok(Level::Beginner));
        assert_eq!(" advanced ".parse(), Ok(Level::Advanced));
        assert_eq!("expert".parse::<Level>(), Err(()));
    }
}
