//! Reading typed fields out of a TOML document while keeping track of where each value stands in
//! the file, so a wrong type reads `cards/pivot.md:4:9: expected a string for "title"`.
//!
//! Cards, agendas, courses and pack manifests all read their fields through [`FieldReader`]; it
//! collects every problem instead of stopping at the first, so `check` can list them all.

use std::ops::Range;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use toml_edit::{Array, Item, Table, Value};

use crate::duration::{Minutes, parse_minutes};
use crate::error::{Diagnostic, Diagnostics};

/// A TOML text that is part of a file (the whole file, or a card's front matter).
#[derive(Debug, Clone, Copy)]
pub struct TomlSource<'a> {
    pub path: &'a Path,
    /// The whole file, for turning offsets into lines and columns.
    pub file_text: &'a str,
    /// Where the TOML text starts in the file, in bytes.
    pub base: usize,
    /// Byte length of the TOML text within the file.
    pub len: usize,
}

impl<'a> TomlSource<'a> {
    /// A file that is TOML from start to end.
    pub fn whole(path: &'a Path, file_text: &'a str) -> Self {
        TomlSource {
            path,
            file_text,
            base: 0,
            len: file_text.len(),
        }
    }

    pub fn text(&self) -> &'a str {
        &self.file_text[self.base..self.base + self.len]
    }

    /// A diagnostic at an offset within the TOML text.
    pub fn diagnostic(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at_offset(self.path, self.file_text, self.base + offset, message)
    }

    /// Parses the TOML text, keeping spans. A syntax error points at its place in the file.
    pub fn parse(&self) -> Result<toml_edit::Document<&'a str>, Diagnostic> {
        toml_edit::Document::parse(self.text()).map_err(|error| {
            let offset = error.span().map_or(0, |span| span.start);
            self.diagnostic(offset, describe_syntax_error(error.message()))
        })
    }
}

/// toml_edit's messages are good but multi-line; ours stay on one line.
fn describe_syntax_error(message: &str) -> String {
    let joined = message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    format!("invalid TOML: {joined}")
}

/// Reads typed fields from tables of one document, collecting problems.
#[derive(Debug)]
pub struct FieldReader<'a> {
    source: TomlSource<'a>,
    problems: Vec<Diagnostic>,
}

impl<'a> FieldReader<'a> {
    pub fn new(source: TomlSource<'a>) -> Self {
        FieldReader {
            source,
            problems: Vec::new(),
        }
    }

    pub fn source(&self) -> TomlSource<'a> {
        self.source
    }

    /// Records a problem at a span of the TOML text (the start of the text when unknown).
    pub fn problem(&mut self, span: Option<Range<usize>>, message: impl Into<String>) {
        let offset = span.map_or(0, |s| s.start);
        self.problems.push(self.source.diagnostic(offset, message));
    }

    /// Ends reading: Ok when no problem was found.
    pub fn finish(self) -> Result<(), Diagnostics> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(self.problems))
        }
    }

    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    fn value<'t>(&mut self, table: &'t Table, key: &str, expected: &str) -> Option<&'t Value> {
        let item = table.get(key)?;
        match item {
            Item::Value(value) => Some(value),
            Item::None => None,
            other => {
                self.problem(
                    item_span(table, key, other),
                    format!("expected {expected} for {key:?}, found a table"),
                );
                None
            }
        }
    }

    fn wrong_type(&mut self, key: &str, expected: &str, value: &Value) {
        self.problem(
            value.span(),
            format!(
                "expected {expected} for {key:?}, found {}",
                describe_value(value)
            ),
        );
    }

    /// An optional string.
    pub fn string(&mut self, table: &Table, key: &str) -> Option<String> {
        let value = self.value(table, key, "a string")?;
        match value.as_str() {
            Some(text) => Some(text.to_string()),
            None => {
                self.wrong_type(key, "a string", value);
                None
            }
        }
    }

    /// A string that must be present and non-empty; `at` is where to point when it is missing.
    pub fn required_string(
        &mut self,
        table: &Table,
        key: &str,
        at: Option<Range<usize>>,
    ) -> Option<String> {
        if table.get(key).is_none() {
            self.problem(at, format!("missing {key:?}"));
            return None;
        }
        let text = self.string(table, key)?;
        if text.trim().is_empty() {
            let span = table.get(key).and_then(Item::span);
            self.problem(span, format!("{key:?} is empty"));
            return None;
        }
        Some(text)
    }

    /// A list of strings; a single string is read as a list of one, because people write
    /// `audience = "manager"` as often as `audience = ["manager"]`.
    pub fn strings(&mut self, table: &Table, key: &str) -> Vec<String> {
        let Some(value) = self.value(table, key, "a list of strings") else {
            return Vec::new();
        };
        if let Some(text) = value.as_str() {
            return vec![text.to_string()];
        }
        let Some(array) = value.as_array() else {
            self.wrong_type(key, "a list of strings", value);
            return Vec::new();
        };
        self.string_elements(key, array)
    }

    fn string_elements(&mut self, key: &str, array: &Array) -> Vec<String> {
        let mut out = Vec::with_capacity(array.len());
        for element in array.iter() {
            match element.as_str() {
                Some(text) => out.push(text.to_string()),
                None => self.problem(
                    element.span(),
                    format!(
                        "expected a string in the list {key:?}, found {}",
                        describe_value(element)
                    ),
                ),
            }
        }
        out
    }

    /// An optional whole number.
    pub fn integer(&mut self, table: &Table, key: &str) -> Option<i64> {
        let value = self.value(table, key, "a whole number")?;
        match value.as_integer() {
            Some(number) => Some(number),
            None => {
                self.wrong_type(key, "a whole number", value);
                None
            }
        }
    }

    /// An optional boolean.
    pub fn boolean(&mut self, table: &Table, key: &str) -> Option<bool> {
        let value = self.value(table, key, "true or false")?;
        match value.as_bool() {
            Some(flag) => Some(flag),
            None => {
                self.wrong_type(key, "true or false", value);
                None
            }
        }
    }

    /// A duration in minutes: a whole number, or a string typed forgivingly (`"1h30"`).
    pub fn minutes(&mut self, table: &Table, key: &str) -> Option<Minutes> {
        let value = self.value(table, key, "a duration")?;
        if let Some(number) = value.as_integer() {
            return match u32::try_from(number) {
                Ok(minutes) if minutes <= 7 * 24 * 60 => Some(Minutes(minutes)),
                _ => {
                    self.problem(
                        value.span(),
                        format!("{key:?} must be between 0 and 10080 minutes, not {number}"),
                    );
                    None
                }
            };
        }
        match value.as_str() {
            Some(text) => match parse_minutes(text) {
                Ok(minutes) => Some(minutes),
                Err(error) => {
                    self.problem(value.span(), format!("{key:?}: {error}"));
                    None
                }
            },
            None => {
                self.wrong_type(
                    key,
                    "a duration (minutes, or a string like \"1h30\")",
                    value,
                );
                None
            }
        }
    }

    /// A calendar date: a TOML date (`2026-12-03`) or the same written as a string.
    pub fn date(&mut self, table: &Table, key: &str) -> Option<NaiveDate> {
        let value = self.value(table, key, "a date")?;
        let parsed = match value {
            Value::Datetime(datetime) => {
                let datetime = datetime.value();
                match (datetime.date, datetime.time) {
                    (Some(date), None) => NaiveDate::from_ymd_opt(
                        i32::from(date.year),
                        u32::from(date.month),
                        u32::from(date.day),
                    ),
                    _ => None,
                }
            }
            Value::String(text) => NaiveDate::parse_from_str(text.value().trim(), "%Y-%m-%d").ok(),
            _ => None,
        };
        if parsed.is_none() {
            self.problem(
                value.span(),
                format!(
                    "expected a date like 2026-12-03 for {key:?}, found {}",
                    describe_value(value)
                ),
            );
        }
        parsed
    }

    /// A time of day: `"09:00"`, or a TOML local time (`09:00:00`).
    pub fn time(&mut self, table: &Table, key: &str) -> Option<NaiveTime> {
        let value = self.value(table, key, "a time")?;
        let parsed = match value {
            Value::Datetime(datetime) => {
                let datetime = datetime.value();
                match (datetime.date, datetime.time) {
                    (None, Some(time)) => NaiveTime::from_hms_opt(
                        u32::from(time.hour),
                        u32::from(time.minute),
                        u32::from(time.second.unwrap_or(0)),
                    ),
                    _ => None,
                }
            }
            Value::String(text) => parse_clock(text.value()),
            _ => None,
        };
        if parsed.is_none() {
            self.problem(
                value.span(),
                format!(
                    "expected a time like \"09:00\" for {key:?}, found {}",
                    describe_value(value)
                ),
            );
        }
        parsed
    }

    /// A sub-table, written either as `[name]` or inline as `name = { ... }`.
    pub fn table<'t>(&mut self, table: &'t Table, key: &str) -> Option<TableRef<'t>> {
        let item = table.get(key)?;
        match item {
            Item::Table(inner) => Some(TableRef::Table(inner)),
            Item::Value(Value::InlineTable(inline)) => Some(TableRef::Inline(inline)),
            Item::None => None,
            other => {
                self.problem(
                    item_span(table, key, other),
                    format!(
                        "expected a table for {key:?}, found {}",
                        describe_item(other)
                    ),
                );
                None
            }
        }
    }

    /// The tables of an array of tables (`[[items]]`); an inline array of inline tables
    /// (`items = [{...}, {...}]`) is read the same way.
    pub fn tables<'t>(&mut self, table: &'t Table, key: &str) -> Vec<TableRef<'t>> {
        let Some(item) = table.get(key) else {
            return Vec::new();
        };
        match item {
            Item::ArrayOfTables(array) => array.iter().map(TableRef::Table).collect(),
            Item::Value(Value::Array(array)) => {
                let mut out = Vec::new();
                for element in array.iter() {
                    match element.as_inline_table() {
                        Some(inline) => out.push(TableRef::Inline(inline)),
                        None => self.problem(
                            element.span(),
                            format!(
                                "expected a table in {key:?}, found {}",
                                describe_value(element)
                            ),
                        ),
                    }
                }
                out
            }
            Item::None => Vec::new(),
            other => {
                self.problem(
                    item_span(table, key, other),
                    format!(
                        "expected a list of tables ([[{key}]]) for {key:?}, found {}",
                        describe_item(other)
                    ),
                );
                Vec::new()
            }
        }
    }
}

/// A table written as a section or inline; both read the same.
#[derive(Debug, Clone, Copy)]
pub enum TableRef<'t> {
    Table(&'t Table),
    Inline(&'t toml_edit::InlineTable),
}

impl<'t> TableRef<'t> {
    /// The table as a standard table, so the same field readers work on both forms.
    pub fn to_table(self) -> std::borrow::Cow<'t, Table> {
        match self {
            TableRef::Table(table) => std::borrow::Cow::Borrowed(table),
            TableRef::Inline(inline) => std::borrow::Cow::Owned(inline.clone().into_table()),
        }
    }

    /// Where the table starts, for problems about the table as a whole.
    pub fn span(self) -> Option<Range<usize>> {
        match self {
            TableRef::Table(table) => table.span(),
            TableRef::Inline(inline) => inline.span(),
        }
    }
}

/// `HH:MM` (or `H:MM`, or `HH.MM` as many Europeans write it).
pub fn parse_clock(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    let (hours, minutes) = text.split_once([':', '.'])?;
    if minutes.len() != 2 || hours.is_empty() || hours.len() > 2 {
        return None;
    }
    let hours: u32 = hours.parse().ok()?;
    let minutes: u32 = minutes.parse().ok()?;
    NaiveTime::from_hms_opt(hours, minutes, 0)
}

fn item_span(table: &Table, key: &str, item: &Item) -> Option<Range<usize>> {
    item.span()
        .or_else(|| table.key(key).and_then(|k| k.span()))
}

fn describe_value(value: &Value) -> String {
    match value {
        Value::String(s) => format!("the string {:?}", s.value()),
        Value::Integer(i) => format!("the number {}", i.value()),
        Value::Float(f) => format!("the number {}", f.value()),
        Value::Boolean(b) => format!("{}", b.value()),
        Value::Datetime(d) => format!("the date/time {}", d.value()),
        Value::Array(_) => "a list".to_string(),
        Value::InlineTable(_) => "a table".to_string(),
    }
}

fn describe_item(item: &Item) -> String {
    match item {
        Item::Value(value) => describe_value(value),
        Item::Table(_) => "a table".to_string(),
        Item::ArrayOfTables(_) => "a list of tables".to_string(),
        Item::None => "nothing".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn read<T>(text: &str, f: impl FnOnce(&mut FieldReader<'_>, &Table) -> T) -> (T, Vec<String>) {
        let path = PathBuf::from("x.toml");
        let source = TomlSource::whole(&path, text);
        let document = source.parse().expect("valid TOML");
        let mut reader = FieldReader::new(source);
        let value = f(&mut reader, document.as_table());
        let problems = match reader.finish() {
            Ok(()) => Vec::new(),
            Err(d) => d.0.iter().map(ToString::to_string).collect(),
        };
        (value, problems)
    }

    #[test]
    fn wrong_types_point_at_the_value() {
        let (title, problems) = read("# c\ntitle = 42\n", |r, t| r.string(t, "title"));
        assert_eq!(title, None);
        assert_eq!(
            problems,
            ["x.toml:2:9: expected a string for \"title\", found the number 42"]
        );
    }

    #[test]
    fn lists_accept_a_single_string_and_point_at_bad_elements() {
        let (tags, problems) = read("tags = \"one\"", |r, t| r.strings(t, "tags"));
        assert_eq!(tags, ["one"]);
        assert!(problems.is_empty());
        let (tags, problems) = read("tags = [\"a\", 3]", |r, t| r.strings(t, "tags"));
        assert_eq!(tags, ["a"]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("x.toml:1:14:"), "{problems:?}");
    }

    #[test]
    fn durations_dates_and_times_are_forgiving() {
        let text = "a = 90\nb = \"1h30\"\nd = 2026-12-03\ne = \"2026-12-04\"\nt = \"9:05\"\nu = 16:00:00\n";
        let (values, problems) = read(text, |r, t| {
            (
                r.minutes(t, "a"),
                r.minutes(t, "b"),
                r.date(t, "d"),
                r.date(t, "e"),
                r.time(t, "t"),
                r.time(t, "u"),
            )
        });
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(values.0, Some(Minutes(90)));
        assert_eq!(values.1, Some(Minutes(90)));
        assert_eq!(values.2, NaiveDate::from_ymd_opt(2026, 12, 3));
        assert_eq!(values.3, NaiveDate::from_ymd_opt(2026, 12, 4));
        assert_eq!(values.4, NaiveTime::from_hms_opt(9, 5, 0));
        assert_eq!(values.5, NaiveTime::from_hms_opt(16, 0, 0));
    }

    #[test]
    fn syntax_errors_carry_the_file_position() {
        let path = PathBuf::from("f.md");
        let file = "+++\ntitle = \"x\"\ntags = [\n+++\n";
        let source = TomlSource {
            path: &path,
            file_text: file,
            base: 4,
            len: file.len() - 8,
        };
        let error = source.parse().unwrap_err();
        assert_eq!(error.path, path);
        assert!(error.position.line >= 3, "{error}");
        assert!(error.message.starts_with("invalid TOML"), "{error}");
    }

    #[test]
    fn missing_required_points_where_asked() {
        let (value, problems) = read("x = 1\n", |r, t| r.required_string(t, "title", None));
        assert_eq!(value, None);
        assert_eq!(problems, ["x.toml:1:1: missing \"title\""]);
    }
}
