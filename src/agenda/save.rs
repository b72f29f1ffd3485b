//! Writing an agenda's items back into the file the user wrote, through toml_edit, so their
//! comments, key order and formatting stay: an item that did not change keeps its text, a
//! changed item changes only the keys that changed, and the rest of the file is untouched.
//!
//! Items are matched to the tables they came from by their place in the file as it was read
//! (`origins`), so reordering moves the tables with their comments instead of rewriting them.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::{AgendaItem, ItemKind};
use crate::duration::parse_minutes;

/// The file's text with its `[[items]]` replaced by `items`. `origins[i]` is the index, in the
/// file as read, of the table `items[i]` came from (`None` for a new item).
///
/// # Errors
/// The text is not TOML (it was read as TOML before, so only if it changed meanwhile).
pub fn save_items(
    text: &str,
    items: &[AgendaItem],
    origins: &[Option<usize>],
) -> Result<String, toml_edit::TomlError> {
    let mut document: DocumentMut = text.parse()?;
    let old: Vec<Table> = document
        .get("items")
        .and_then(Item::as_array_of_tables)
        .map(|tables| tables.iter().cloned().collect())
        .unwrap_or_default();
    let positions: Vec<Option<isize>> = old.iter().map(Table::position).collect();
    let mut tables = ArrayOfTables::new();
    let mut last_position = positions.iter().flatten().copied().max();
    for (slot, item) in items.iter().enumerate() {
        let origin = origins.get(slot).copied().flatten();
        let mut table = origin
            .and_then(|index| old.get(index).cloned())
            .unwrap_or_default();
        write_item(&mut table, item);
        // Each slot keeps the place in the file its table had, so the order of tables in the
        // text follows the new order of items; new tables go after the last one.
        match positions.get(slot).copied().flatten() {
            Some(position) => table.set_position(Some(position)),
            None => {
                last_position = last_position.map(|p| p + 1);
                table.set_position(last_position);
            }
        }
        tables.push(table);
    }
    if items.is_empty() {
        document.remove("items");
    } else {
        document.insert("items", Item::ArrayOfTables(tables));
    }
    Ok(document.to_string())
}

/// Sets the keys of one item table to what the item says, leaving keys whose value already
/// means the same (a `minutes = "1:30"` stays as typed when the item still takes 90 minutes).
pub(crate) fn write_item(table: &mut Table, item: &AgendaItem) {
    match &item.kind {
        ItemKind::Card { card, minutes, .. } => {
            remove(table, &["break", "title"]);
            set_string(table, "card", card.as_str());
            set_minutes(table, "minutes", minutes.map(|m| m.get()));
        }
        ItemKind::Break { minutes } => {
            remove(table, &["card", "title", "minutes"]);
            set_minutes(table, "break", Some(minutes.get()));
        }
        ItemKind::Free { title, minutes } => {
            remove(table, &["card", "break"]);
            set_string(table, "title", title);
            set_minutes(table, "minutes", Some(minutes.get()));
        }
    }
    let at = item.at.map(|time| time.format("%H:%M").to_string());
    match at {
        Some(at) if !same_time(table.get("at"), &at) => set_string(table, "at", &at),
        Some(_) => {}
        None => remove(table, &["at"]),
    }
    match &item.note {
        Some(note) => set_string(table, "note", note),
        None => remove(table, &["note"]),
    }
}

fn remove(table: &mut Table, keys: &[&str]) {
    for key in keys {
        table.remove(key);
    }
}

pub(crate) fn set_string(table: &mut Table, key: &str, value: &str) {
    if table.get(key).and_then(Item::as_str) != Some(value) {
        set_value(table, key, Value::from(value));
    }
}

/// Replaces a value, keeping the spacing and comment around the old one.
pub(crate) fn set_value(table: &mut Table, key: &str, mut value: Value) {
    if let Some(old) = table.get(key).and_then(Item::as_value) {
        *value.decor_mut() = old.decor().clone();
    }
    table.insert(key, Item::Value(value));
}

pub(crate) fn set_minutes(table: &mut Table, key: &str, minutes: Option<u32>) {
    let Some(minutes) = minutes else {
        table.remove(key);
        return;
    };
    let current = table
        .get(key)
        .and_then(Item::as_value)
        .and_then(|value| match value {
            Value::Integer(number) => u32::try_from(*number.value()).ok(),
            Value::String(text) => parse_minutes(text.value()).ok().map(|m| m.get()),
            _ => None,
        });
    if current != Some(minutes) {
        set_value(table, key, Value::from(i64::from(minutes)));
    }
}

fn same_time(item: Option<&Item>, at: &str) -> bool {
    let Some(text) = item.and_then(Item::as_str) else {
        return false;
    };
    chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .is_ok_and(|time| time.format("%H:%M").to_string() == at)
}
