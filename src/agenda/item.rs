//! One line of a plan: a card, a break or a free item, optionally pinned to a clock time.
//! Agendas and course sessions hold the same items and read them with the same code, so a
//! session can be timed, checked and exported exactly like an agenda.

use std::fmt;
use std::ops::Range;

use chrono::NaiveTime;
use toml_edit::Table;

use crate::duration::Minutes;
use crate::error::Position;
use crate::toml_read::{FieldReader, TableRef};

/// A card named by an item: `"id"` for a card in the library, `"pack/id"` for a pack's card.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct CardRef(String);

impl CardRef {
    /// Reads a card reference as written in a plan.
    ///
    /// # Errors
    /// A message saying how to write a reference, when `text` is empty or has more than one `/`.
    pub fn parse(text: &str) -> Result<CardRef, String> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('/').collect();
        let well_formed = match parts.as_slice() {
            [id] => !id.trim().is_empty(),
            [pack, id] => !pack.trim().is_empty() && !id.trim().is_empty(),
            _ => false,
        };
        if well_formed {
            Ok(CardRef(text.to_string()))
        } else {
            Err(format!(
                "cannot read {text:?} as a card: write the card's id, or \"pack/id\" for a pack's card"
            ))
        }
    }

    /// The reference as written: `"id"` or `"pack/id"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The pack named by a `"pack/id"` reference.
    pub fn pack(&self) -> Option<&str> {
        self.0.split_once('/').map(|(pack, _)| pack)
    }

    /// The card's id, without the pack.
    pub fn id(&self) -> &str {
        self.0.split_once('/').map_or(&self.0, |(_, id)| id)
    }
}

impl fmt::Display for CardRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an item is; every item is exactly one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    /// A skill card, timed by its own duration unless `minutes` overrides it.
    Card {
        card: CardRef,
        minutes: Option<Minutes>,
        /// Where the `card` value stands in the file, so `check` can point at a missing card.
        card_position: Position,
    },
    /// A pause of the given length.
    Break { minutes: Minutes },
    /// Anything else on the agenda: a welcome, a round of questions, the mentee's turn.
    Free { title: String, minutes: Minutes },
}

/// One item of an agenda or a course session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub kind: ItemKind,
    /// A pinned start (`at = "09:50"`): the item starts then, whatever comes before it.
    pub at: Option<NaiveTime>,
    pub note: Option<String>,
    /// Where the item's table starts in the file (`[[items]]`, or `{` of an inline table).
    pub position: Position,
}

impl AgendaItem {
    /// The card this item names, if it is a card item.
    pub fn card(&self) -> Option<&CardRef> {
        match &self.kind {
            ItemKind::Card { card, .. } => Some(card),
            _ => None,
        }
    }

    /// The item's length when it is known without looking up a card: a break, a free item, or
    /// a card with a `minutes` override.
    pub fn fixed_minutes(&self) -> Option<Minutes> {
        match &self.kind {
            ItemKind::Card { minutes, .. } => *minutes,
            ItemKind::Break { minutes } | ItemKind::Free { minutes, .. } => Some(*minutes),
        }
    }
}

/// The keys that decide what an item is; exactly one must be present.
const FORM_KEYS: [&str; 3] = ["card", "break", "title"];
/// Every key an item may have. Anything else is most likely a typo that would silently change
/// the timing (`minuts = 20`), so it is reported.
const ITEM_KEYS: [&str; 6] = ["card", "break", "title", "minutes", "note", "at"];

/// Reads the items under `key` (`[[items]]`, or `items = [{...}]`), collecting problems.
pub(crate) fn read_items(
    reader: &mut FieldReader<'_>,
    table: &Table,
    key: &str,
) -> Vec<AgendaItem> {
    reader
        .tables(table, key)
        .into_iter()
        .filter_map(|item| read_item(reader, item))
        .collect()
}

fn read_item(reader: &mut FieldReader<'_>, item: TableRef<'_>) -> Option<AgendaItem> {
    let table = item.to_table();
    let item_span = item.span();
    report_unknown_keys(reader, &table);

    let forms: Vec<&str> = FORM_KEYS
        .into_iter()
        .filter(|key| table.contains_key(key))
        .collect();
    // Pins and notes are read whatever the form, so every problem shows in one pass.
    let at = reader.time(&table, "at");
    let note = reader.string(&table, "note");
    let kind = match forms.as_slice() {
        ["card"] => read_card(reader, &table),
        ["break"] => read_break(reader, &table),
        ["title"] => read_free(reader, &table, item_span.clone()),
        [] => {
            reader.problem(
                item_span,
                "an item needs \"card\", \"break\" or \"title\" (with \"minutes\")",
            );
            None
        }
        several => {
            reader.problem(
                item_span,
                format!(
                    "an item is one card, one break or one free item, but this one has {}",
                    quoted_list(several)
                ),
            );
            None
        }
    }?;
    Some(AgendaItem {
        kind,
        at,
        note,
        position: position_of(reader, item.span()),
    })
}

fn read_card(reader: &mut FieldReader<'_>, table: &Table) -> Option<ItemKind> {
    let minutes = reader.minutes(table, "minutes");
    let text = reader.string(table, "card")?;
    let span = table.get("card").and_then(toml_edit::Item::span);
    match CardRef::parse(&text) {
        Ok(card) => Some(ItemKind::Card {
            card,
            minutes,
            card_position: position_of(reader, span),
        }),
        Err(message) => {
            reader.problem(span, message);
            None
        }
    }
}

fn read_break(reader: &mut FieldReader<'_>, table: &Table) -> Option<ItemKind> {
    if table.contains_key("minutes") {
        let span = table.key("minutes").and_then(toml_edit::Key::span);
        reader.problem(
            span,
            "a break takes its length from \"break\" (break = 10); remove \"minutes\"",
        );
    }
    let minutes = reader.minutes(table, "break")?;
    Some(ItemKind::Break { minutes })
}

fn read_free(
    reader: &mut FieldReader<'_>,
    table: &Table,
    item_span: Option<Range<usize>>,
) -> Option<ItemKind> {
    let title = reader.required_string(table, "title", item_span.clone());
    if !table.contains_key("minutes") {
        reader.problem(
            item_span,
            "a free item needs \"minutes\" (how long it takes)",
        );
        return None;
    }
    let minutes = reader.minutes(table, "minutes");
    Some(ItemKind::Free {
        title: title?,
        minutes: minutes?,
    })
}

fn report_unknown_keys(reader: &mut FieldReader<'_>, table: &Table) {
    for (key, _) in table {
        if !ITEM_KEYS.contains(&key) {
            let span = table.key(key).and_then(toml_edit::Key::span);
            reader.problem(
                span,
                format!(
                    "unknown key {key:?} in an item (an item has {})",
                    quoted_list(&ITEM_KEYS)
                ),
            );
        }
    }
}

/// The file position of a span of the TOML text; the start of the text when unknown.
pub(crate) fn position_of(reader: &FieldReader<'_>, span: Option<Range<usize>>) -> Position {
    let source = reader.source();
    let offset = span.map_or(0, |span| span.start);
    Position::of_offset(source.file_text, source.base + offset)
}

/// `"card" and "break"`, `"a", "b" and "c"`.
fn quoted_list(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|key| format!("{key:?}")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}
