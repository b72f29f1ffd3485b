//! Writing a card back: only what changed is touched, through toml_edit, so the user's comments,
//! key order, quoting and line layout survive. An unchanged card renders byte for byte as read.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use super::{CardFile, ChecklistItem, Level, Origin, SkillCard};
use crate::duration::Minutes;

/// The text of `file` after changing `old` into `new`.
///
/// Front-matter fields that differ are rewritten in place (keeping the comment after a value and
/// the layout of lists); removed optional fields are removed; the body is replaced. The result
/// keeps the file's byte-order mark and line endings.
pub fn render_card(file: &CardFile, old: &SkillCard, new: &SkillCard) -> String {
    if old == new {
        return file.original_text().to_string();
    }
    let front_matter = if front_matter_equal(old, new) {
        file.front_matter().to_string()
    } else {
        let mut document: DocumentMut = match file.front_matter().parse() {
            Ok(document) => document,
            // The file was parsed before, so this cannot fail; if it ever did, writing a fresh
            // front matter keeps the user's values (only comments would be lost).
            Err(_) => DocumentMut::new(),
        };
        apply_changes(document.as_table_mut(), old, new);
        let mut text = document.to_string();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text
    };
    let mut out = String::with_capacity(file.text.len() + 64);
    out.push_str(&file.text[..file.front_matter.start]);
    out.push_str(&front_matter);
    out.push_str(&file.text[file.front_matter.end..file.body_start]);
    if file.body_start == file.text.len() && !file.text.ends_with('\n') && !new.body.is_empty() {
        out.push('\n');
    }
    out.push_str(&new.body);
    restore_encoding(out, file)
}

fn front_matter_equal(old: &SkillCard, new: &SkillCard) -> bool {
    let mut old_front = old.clone();
    old_front.body.clone_from(&new.body);
    old_front == *new
}

fn restore_encoding(text: String, file: &CardFile) -> String {
    let text = if file.crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    if file.bom {
        format!("\u{feff}{text}")
    } else {
        text
    }
}

fn apply_changes(table: &mut Table, old: &SkillCard, new: &SkillCard) {
    if old.id != new.id {
        set_value(table, "id", one_line(&new.id));
    }
    if old.title != new.title {
        set_value(table, "title", one_line(&new.title));
    }
    set_optional(table, "summary", &old.summary, &new.summary);
    set_optional(table, "tool", &old.tool, &new.tool);
    set_list(table, "tags", &old.tags, &new.tags);
    if old.level != new.level {
        match new.level {
            Some(level) => set_value(table, "level", Value::from(level.as_str())),
            None => remove(table, "level"),
        }
    }
    if old.duration != new.duration {
        match new.duration {
            Some(Minutes(minutes)) => set_value(table, "duration", Value::from(i64::from(minutes))),
            None => remove(table, "duration"),
        }
    }
    set_list(table, "audience", &old.audience, &new.audience);
    set_optional(table, "lang", &old.lang, &new.lang);
    set_list(
        table,
        "prerequisites",
        &old.prerequisites,
        &new.prerequisites,
    );
    set_list(table, "outcomes", &old.outcomes, &new.outcomes);
    set_list(table, "requires", &old.requires, &new.requires);
    set_list(table, "materials", &old.materials, &new.materials);
    set_list(table, "links", &old.links, &new.links);
    set_optional(table, "author", &old.author, &new.author);
    if old.updated != new.updated {
        match new.updated {
            Some(date) => set_value(table, "updated", date_value(date)),
            None => remove(table, "updated"),
        }
    }
    set_list(table, "ready", &old.ready, &new.ready);
    if old.origin != new.origin {
        match &new.origin {
            Some(origin) => {
                table.insert("origin", Item::Table(origin_table(origin)));
            }
            None => remove(table, "origin"),
        }
    }
    if old.checklist != new.checklist {
        update_checklist(table, &old.checklist, &new.checklist);
    }
}

/// Replaces a value, keeping the whitespace and comment around it.
fn set_value(table: &mut Table, key: &str, value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(existing)) => {
            let decor = existing.decor().clone();
            *existing = value;
            *existing.decor_mut() = decor;
        }
        _ => {
            table.insert(key, Item::Value(value));
        }
    }
}

fn remove(table: &mut Table, key: &str) {
    table.remove(key);
}

fn set_optional(table: &mut Table, key: &str, old: &Option<String>, new: &Option<String>) {
    if old == new {
        return;
    }
    match new {
        Some(text) => set_value(table, key, one_line(text)),
        None => remove(table, key),
    }
}

/// Changes a list of strings, editing the existing array in place so a hand-laid multi-line
/// list keeps its layout and the elements that did not change keep their quoting.
fn set_list(table: &mut Table, key: &str, old: &[String], new: &[String]) {
    if old == new {
        return;
    }
    if new.is_empty() {
        remove(table, key);
        return;
    }
    match table.get_mut(key).and_then(Item::as_value_mut) {
        Some(Value::Array(array)) => rewrite_array(array, new),
        Some(existing) => {
            // A single string written for a list: it becomes a list, keeping its decor.
            let decor = existing.decor().clone();
            let mut array: Array = new.iter().map(|text| one_line(text)).collect();
            array.fmt();
            *array.decor_mut() = decor;
            *existing = Value::Array(array);
        }
        None => {
            let mut array: Array = new.iter().map(|text| one_line(text)).collect();
            // Values built from text carry no spacing: give the list toml_edit's usual layout.
            array.fmt();
            table.insert(key, Item::Value(Value::Array(array)));
        }
    }
}

fn rewrite_array(array: &mut Array, new: &[String]) {
    let previous: Vec<Value> = array.iter().cloned().collect();
    if previous.is_empty() {
        // Nothing to copy the layout from (`tags = []`): use toml_edit's usual one.
        array.clear();
        array.extend(new.iter().map(|text| one_line(text)));
        array.fmt();
        return;
    }
    let trailing = array.trailing().clone();
    let trailing_comma = array.trailing_comma();
    array.clear();
    for (index, text) in new.iter().enumerate() {
        let kept = previous
            .get(index)
            .filter(|value| value.as_str() == Some(text.as_str()));
        let value = match kept {
            Some(value) => value.clone(),
            None => {
                let mut value = one_line(text);
                if let Some(model) = previous.get(index).or_else(|| previous.last()) {
                    *value.decor_mut() = model.decor().clone();
                }
                value
            }
        };
        array.push_formatted(value);
    }
    array.set_trailing(trailing);
    array.set_trailing_comma(trailing_comma);
}

/// Changes the `[[checklist]]` tables. When only values changed (a tick, a reworded item) each
/// table is edited in place; when items were added, removed or moved, the list is rebuilt from
/// the old tables where an item's text still matches, so their comments come along.
fn update_checklist(table: &mut Table, old: &[ChecklistItem], new: &[ChecklistItem]) {
    if new.is_empty() {
        remove(table, "checklist");
        return;
    }
    let existing = table
        .get_mut("checklist")
        .and_then(Item::as_array_of_tables_mut);
    match existing {
        Some(tables) if tables.len() == old.len() && old.len() == new.len() => {
            for ((entry, before), after) in tables.iter_mut().zip(old).zip(new) {
                update_checklist_entry(entry, before, after);
            }
        }
        Some(tables) => {
            let mut previous: Vec<(ChecklistItem, Table)> =
                old.iter().cloned().zip(tables.iter().cloned()).collect();
            let mut rebuilt = ArrayOfTables::new();
            for after in new {
                let entry = match previous
                    .iter()
                    .position(|(before, _)| before.item == after.item)
                {
                    Some(index) => {
                        let (before, mut entry) = previous.remove(index);
                        update_checklist_entry(&mut entry, &before, after);
                        entry
                    }
                    None => checklist_table(after),
                };
                rebuilt.push(entry);
            }
            *tables = rebuilt;
        }
        None => {
            let mut tables = ArrayOfTables::new();
            for item in new {
                tables.push(checklist_table(item));
            }
            table.insert("checklist", Item::ArrayOfTables(tables));
        }
    }
}

fn update_checklist_entry(entry: &mut Table, before: &ChecklistItem, after: &ChecklistItem) {
    if before.item != after.item {
        set_value(entry, "item", one_line(&after.item));
    }
    if before.done != after.done {
        set_value(entry, "done", Value::from(after.done));
    }
}

fn checklist_table(item: &ChecklistItem) -> Table {
    let mut table = Table::new();
    table.insert("item", Item::Value(one_line(&item.item)));
    table.insert("done", toml_edit::value(item.done));
    table
}

fn origin_table(origin: &Origin) -> Table {
    let mut table = Table::new();
    table.insert("pack", Item::Value(one_line(&origin.pack)));
    table.insert("card", Item::Value(one_line(&origin.card)));
    table.insert("version", Item::Value(one_line(&origin.version)));
    table
}

/// A string value written on one line, as a basic string with escapes: a title with a newline
/// stays one line of the file, so a change to it is a one-line change. (toml_edit would pick a
/// multi-line string for such text.)
pub(crate) fn one_line(text: &str) -> Value {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted.parse().unwrap_or_else(|_| Value::from(text))
}

fn date_value(date: chrono::NaiveDate) -> Value {
    use chrono::Datelike;
    let datetime = toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(date.year()).unwrap_or(1970),
            month: u8::try_from(date.month()).unwrap_or(1),
            day: u8::try_from(date.day()).unwrap_or(1),
        }),
        time: None,
        offset: None,
    };
    Value::from(datetime)
}

/// What a new card starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardTemplate {
    pub title: String,
    pub tool: Option<String>,
    pub level: Option<Level>,
    pub duration: Option<Minutes>,
    pub lang: Option<String>,
    pub tags: Vec<String>,
}

/// The five body sections every card has by convention, in their order.
pub const SECTIONS: [&str; 5] = [
    "Why it matters",
    "Show it",
    "Try it",
    "Pitfalls",
    "Leave behind",
];

/// The text of a new card: the fields from the template, empty lists to fill, and the five body
/// sections as headings. The default checklist applies by itself; the card lists only its own.
pub fn new_card_text(template: &CardTemplate) -> String {
    let mut document = DocumentMut::new();
    let table = document.as_table_mut();
    table.insert("title", Item::Value(one_line(&template.title)));
    table.insert("summary", toml_edit::value(""));
    if let Some(tool) = &template.tool {
        table.insert("tool", toml_edit::value(tool.as_str()));
    }
    let tags: Array = template.tags.iter().map(String::as_str).collect();
    table.insert("tags", toml_edit::value(tags));
    table.insert(
        "level",
        toml_edit::value(template.level.unwrap_or(Level::Beginner).as_str()),
    );
    if let Some(Minutes(minutes)) = template.duration {
        table.insert("duration", toml_edit::value(i64::from(minutes)));
    }
    table.insert(
        "lang",
        toml_edit::value(template.lang.as_deref().unwrap_or("en")),
    );
    table.insert("outcomes", toml_edit::value(Array::new()));
    table.insert("requires", toml_edit::value(Array::new()));
    table.insert("links", toml_edit::value(Array::new()));
    let mut text = String::from("+++\n");
    text.push_str(&document.to_string());
    text.push_str("+++\n");
    for section in SECTIONS {
        text.push_str(&format!("\n## {section}\n\n"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::parse_card;
    use std::path::Path;

    const HAND_FORMATTED: &str = r#"+++
# Front matter is TOML. Comments like this one survive saves.
title    = "Build a pivot chart"   # aligned by hand
tool = 'Excel'
tags = [
  "charts",   # the main one
  "sales",
]
duration = 20
outcomes = ["Turn a table into a chart", "Add a slicer"]
mystery_key = { kept = true }

[[checklist]]
item = "No merged cells"
done = false

[[checklist]]
item = "Rehearsed"   # on the small laptop
done = true
+++

## Why it matters

Body text.
"#;

    fn load(text: &str) -> (SkillCard, CardFile) {
        parse_card(Path::new("cards/pivot.md"), text.as_bytes()).expect("valid card")
    }

    fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
        assert_eq!(before.lines().count(), after.lines().count(), "{after}");
        before
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn unchanged_cards_save_byte_for_byte() {
        let (card, file) = load(HAND_FORMATTED);
        assert_eq!(render_card(&file, &card, &card), HAND_FORMATTED);
    }

    #[test]
    fn a_new_title_changes_one_line_and_keeps_its_comment() {
        let (card, file) = load(HAND_FORMATTED);
        let mut new = card.clone();
        new.title = "Build a pivot chart he can filter".into();
        let saved = render_card(&file, &card, &new);
        assert_eq!(
            changed_lines(HAND_FORMATTED, &saved),
            [(
                "title    = \"Build a pivot chart\"   # aligned by hand".to_string(),
                "title    = \"Build a pivot chart he can filter\"   # aligned by hand".to_string()
            )]
        );
        assert_eq!(load(&saved).0, new);
    }

    #[test]
    fn a_tick_changes_one_line() {
        let (card, file) = load(HAND_FORMATTED);
        let mut new = card.clone();
        new.checklist[0].done = true;
        let saved = render_card(&file, &card, &new);
        assert_eq!(
            changed_lines(HAND_FORMATTED, &saved),
            [("done = false".to_string(), "done = true".to_string())]
        );
    }

    #[test]
    fn a_list_edit_keeps_the_layout() {
        let (card, file) = load(HAND_FORMATTED);
        let mut new = card.clone();
        new.tags[1] = "reporting".into();
        let saved = render_card(&file, &card, &new);
        assert_eq!(
            changed_lines(HAND_FORMATTED, &saved),
            [("  \"sales\",".to_string(), "  \"reporting\",".to_string())]
        );
        assert!(saved.contains("mystery_key = { kept = true }"));
    }

    #[test]
    fn adding_and_removing_fields_round_trips() {
        let (card, file) = load(HAND_FORMATTED);
        let mut new = card.clone();
        new.summary = Some("A summary".into());
        new.duration = None;
        new.checklist.remove(0);
        new.checklist.push(ChecklistItem {
            item: "New item".into(),
            done: false,
        });
        new.body = "## Why it matters\n\nNew body.\n".into();
        let saved = render_card(&file, &card, &new);
        assert_eq!(load(&saved).0, new);
        assert!(saved.contains("# on the small laptop"), "{saved}");
        assert!(saved.contains("# Front matter is TOML."));
    }

    #[test]
    fn strings_stay_on_one_line_with_escapes() {
        let value = one_line("a \"quote\", a \\ and\na newline\u{1b}");
        assert_eq!(
            value.to_string(),
            r#""a \"quote\", a \\ and\na newline\u001B""#
        );
        assert_eq!(
            value.as_str(),
            Some("a \"quote\", a \\ and\na newline\u{1b}")
        );
    }

    #[test]
    fn new_and_emptied_lists_read_like_hand_written_ones() {
        let (card, file) = load("+++\ntitle = \"x\"\ntags = []\n+++\n");
        let mut new = card.clone();
        new.ready = vec!["outcome".into(), "show-it".into()];
        new.tags = vec!["a".into(), "b".into()];
        let saved = render_card(&file, &card, &new);
        assert!(
            saved.contains("ready = [\"outcome\", \"show-it\"]"),
            "{saved}"
        );
        assert!(saved.contains("tags = [\"a\", \"b\"]"), "{saved}");
    }

    #[test]
    fn crlf_and_bom_are_kept() {
        let original = "\u{feff}+++\r\ntitle = \"x\"\r\n+++\r\nbody\r\n";
        let (card, file) = load(original);
        assert_eq!(render_card(&file, &card, &card), original);
        let mut new = card.clone();
        new.title = "y".into();
        assert_eq!(
            render_card(&file, &card, &new),
            "\u{feff}+++\r\ntitle = \"y\"\r\n+++\r\nbody\r\n"
        );
    }

    #[test]
    fn new_cards_parse_and_have_the_five_sections() {
        let text = new_card_text(&CardTemplate {
            title: "Threads in Slack".into(),
            tool: Some("Slack".into()),
            level: None,
            duration: Some(Minutes(15)),
            lang: None,
            tags: vec!["slack".into()],
        });
        let (card, _) = parse_card(Path::new("threads.md"), text.as_bytes()).unwrap();
        assert_eq!(card.title, "Threads in Slack");
        assert_eq!(card.duration, Some(Minutes(15)));
        for section in SECTIONS {
            assert!(card.body.contains(&format!("## {section}")));
        }
    }
}
