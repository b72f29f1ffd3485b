//! Reading a card file: splitting front matter from body, and the typed fields.
//!
//! Decisions on odd files (each has a test below):
//! - invalid UTF-8: refused, pointing at the first bad byte;
//! - a byte-order mark: accepted and kept on save;
//! - CRLF line endings: accepted and kept on save (positions are the same as in the file);
//! - no `+++` on the first line, or no closing `+++`: refused, pointing at line 1;
//! - an empty body: accepted.

use std::ops::Range;
use std::path::Path;

use toml_edit::{Item, Table};

use super::{ChecklistItem, Level, Origin, SkillCard, is_valid_id};
use crate::error::{Diagnostic, Diagnostics, Position};
use crate::toml_read::{FieldReader, TomlSource};

const DELIMITER: &str = "+++";

/// The text a card was read from, kept so that saves can change only what changed. The
/// default is no text at all: what a card loaded without its body holds (see
/// `LibraryCard::lean`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardFile {
    /// The file's text with any byte-order mark removed and line endings made `\n`.
    pub(crate) text: String,
    /// The file exactly as read, when it differs from `text` (a BOM or CRLF line endings).
    pub(crate) original: Option<String>,
    pub(crate) bom: bool,
    pub(crate) crlf: bool,
    /// Where the TOML front matter stands in `text`.
    pub(crate) front_matter: Range<usize>,
    /// Where the Markdown body starts in `text`.
    pub(crate) body_start: usize,
}

impl CardFile {
    /// The file as it was read, byte for byte.
    pub fn original_text(&self) -> &str {
        self.original.as_deref().unwrap_or(&self.text)
    }

    /// The front matter's TOML text.
    pub fn front_matter(&self) -> &str {
        &self.text[self.front_matter.clone()]
    }

    /// The line in the file where the body starts (1-based), so body positions can be reported.
    pub fn body_line(&self) -> usize {
        Position::of_offset(&self.text, self.body_start).line
    }

    /// Where a front-matter value stands in the file: the `index`th element when the value is a
    /// list. Falls back to the key, then to the opening `+++`, so a position always exists.
    pub fn position_of(&self, key: &str, index: Option<usize>) -> Position {
        let offset = toml_edit::Document::parse(self.front_matter())
            .ok()
            .and_then(|document| {
                let table = document.as_table();
                let item = table.get(key)?;
                let element = index.and_then(|i| item.as_array()?.get(i)?.span());
                element
                    .or_else(|| item.span())
                    .or_else(|| table.key(key)?.span())
                    .map(|span| span.start)
            });
        match offset {
            Some(offset) => Position::of_offset(&self.text, self.front_matter.start + offset),
            None => Position::START,
        }
    }
}

/// Reads a card from the bytes of its file. `path` names the file in errors and gives the
/// default id (its stem).
pub fn parse_card(path: &Path, bytes: &[u8]) -> Result<(SkillCard, CardFile), Diagnostics> {
    let file = split_card(path, bytes)?;
    let source = TomlSource {
        path,
        file_text: &file.text,
        base: file.front_matter.start,
        len: file.front_matter.len(),
    };
    let document = source.parse()?;
    let card = read_fields(path, source, document.as_table(), &file)?;
    Ok((card, file))
}

fn split_card(path: &Path, bytes: &[u8]) -> Result<CardFile, Diagnostic> {
    let raw = std::str::from_utf8(bytes).map_err(|error| {
        let valid = error.valid_up_to();
        // The valid prefix is text: count lines and columns in it.
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        Diagnostic::at_offset(
            path,
            prefix,
            valid,
            "not UTF-8 text: save the file as UTF-8 (byte cannot be read here)",
        )
    })?;
    let (without_bom, bom) = match raw.strip_prefix('\u{feff}') {
        Some(rest) => (rest, true),
        None => (raw, false),
    };
    let crlf = without_bom.contains("\r\n");
    let text = if crlf {
        without_bom.replace("\r\n", "\n")
    } else {
        without_bom.to_string()
    };
    let original = (bom || crlf).then(|| raw.to_string());

    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != DELIMITER {
        return Err(Diagnostic::new(
            path,
            Position::START,
            "a card starts with a \"+++\" line, then TOML front matter, then a closing \"+++\" line",
        ));
    }
    let front_start = (first_line_end + 1).min(text.len());
    let mut offset = front_start;
    let mut closing = None;
    for line in text[front_start..].split_inclusive('\n') {
        if line.trim_end() == DELIMITER {
            closing = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((front_end, body_start)) = closing else {
        return Err(Diagnostic::new(
            path,
            Position::START,
            "the front matter opened here is never closed by a \"+++\" line",
        ));
    };
    Ok(CardFile {
        text,
        original,
        bom,
        crlf,
        front_matter: front_start..front_end,
        body_start,
    })
}

fn read_fields(
    path: &Path,
    source: TomlSource<'_>,
    table: &Table,
    file: &CardFile,
) -> Result<SkillCard, Diagnostics> {
    let mut reader = FieldReader::new(source);
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let id = reader.string(table, "id").unwrap_or(stem);
    if !is_valid_id(&id) {
        let span = table.get("id").and_then(Item::span);
        reader.problem(
            span,
            format!("{id:?} is not a usable id: use lowercase letters, digits and dashes"),
        );
    }
    let title = reader.required_string(table, "title", None);
    let level = read_level(&mut reader, table);
    let checklist = reader
        .tables(table, "checklist")
        .into_iter()
        .filter_map(|entry| {
            let entry_span = entry.span();
            let entry = entry.to_table();
            let item = reader.required_string(&entry, "item", entry_span)?;
            let done = reader.boolean(&entry, "done").unwrap_or(false);
            Some(ChecklistItem { item, done })
        })
        .collect();
    let origin = reader.table(table, "origin").and_then(|entry| {
        let span = entry.span();
        let entry = entry.to_table();
        Some(Origin {
            pack: reader.required_string(&entry, "pack", span.clone())?,
            card: reader.required_string(&entry, "card", span.clone())?,
            version: reader.string(&entry, "version").unwrap_or_default(),
        })
    });
    let card = SkillCard {
        id,
        title: title.unwrap_or_default(),
        summary: reader.string(table, "summary"),
        tool: reader.string(table, "tool"),
        tags: reader.strings(table, "tags"),
        level,
        duration: reader.minutes(table, "duration"),
        audience: reader.strings(table, "audience"),
        lang: reader.string(table, "lang"),
        prerequisites: reader.strings(table, "prerequisites"),
        outcomes: reader.strings(table, "outcomes"),
        requires: reader.strings(table, "requires"),
        materials: reader.strings(table, "materials"),
        links: reader.strings(table, "links"),
        author: reader.string(table, "author"),
        updated: reader.date(table, "updated"),
        checklist,
        ready: reader.strings(table, "ready"),
        origin,
        body: file.text[file.body_start..].to_string(),
    };
    reader.finish()?;
    Ok(card)
}

fn read_level(reader: &mut FieldReader<'_>, table: &Table) -> Option<Level> {
    let text = reader.string(table, "level")?;
    match text.parse() {
        Ok(level) => Some(level),
        Err(()) => {
            let span = table.get("level").and_then(Item::span);
            reader.problem(
                span,
                format!(
                    "expected beginner, intermediate or advanced for \"level\", found {text:?}"
                ),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::duration::Minutes;

    fn parse(text: &str) -> Result<SkillCard, String> {
        parse_card(Path::new("cards/pivot.md"), text.as_bytes())
            .map(|(card, _)| card)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn reads_every_field() {
        let card = parse(concat!(
            "+++\n",
            "title = \"Pivot\"\n",
            "summary = \"S\"\ntool = \"Excel\"\ntags = [\"a\", \"b\"]\nlevel = \"Beginner\"\n",
            "duration = \"1h30\"\naudience = \"manager\"\nlang = \"en\"\n",
            "prerequisites = [\"tables\"]\noutcomes = [\"o\"]\nrequires = [\"r\"]\n",
            "materials = [\"m\"]\nlinks = [\"https://x\"]\nauthor = \"A\"\nupdated = 2026-11-01\n",
            "ready = [\"outcome\"]\n",
            "[origin]\npack = \"p\"\ncard = \"c\"\nversion = \"1.0.0\"\n",
            "[[checklist]]\nitem = \"one\"\n[[checklist]]\nitem = \"two\"\ndone = true\n",
            "+++\n## Why it matters\n",
        ))
        .unwrap();
        assert_eq!(card.id, "pivot");
        assert_eq!(card.level, Some(Level::Beginner));
        assert_eq!(card.duration, Some(Minutes(90)));
        assert_eq!(card.audience, ["manager"]);
        assert!(card.checklist[1].done);
        assert!(!card.checklist[0].done);
        assert_eq!(
            card.origin.as_ref().map(|o| o.version.as_str()),
            Some("1.0.0")
        );
        assert_eq!(card.body, "## Why it matters\n");
        assert_eq!(
            card.updated.map(|d| d.to_string()).as_deref(),
            Some("2026-11-01")
        );
    }

    #[test]
    fn errors_carry_file_line_and_column() {
        let error = parse("+++\n# comment\nlevel = \"beginner\"\ntitle = 3\n+++\n").unwrap_err();
        assert_eq!(
            error,
            "cards/pivot.md:4:9: expected a string for \"title\", found the number 3"
        );
        let error = parse("+++\ntitle = \"x\"\nlevel = \"expert\"\n+++\n").unwrap_err();
        assert!(
            error.starts_with("cards/pivot.md:3:9: expected beginner"),
            "{error}"
        );
        let error = parse("+++\ntitle = \"x\"\ntags = [\n+++\nbody").unwrap_err();
        assert!(error.starts_with("cards/pivot.md:3:"), "{error}");
        assert!(error.contains("invalid TOML"), "{error}");
    }

    #[test]
    fn every_problem_is_listed() {
        let error = parse("+++\nduration = \"soon\"\nlevel = 2\n+++\n").unwrap_err();
        assert_eq!(error.lines().count(), 3, "{error}");
        assert!(error.contains(":1:1: missing \"title\"") || error.contains("missing \"title\""));
    }

    #[test]
    fn odd_files_are_handled() {
        // No front matter: refused at 1:1.
        let error = parse("# Just markdown\n").unwrap_err();
        assert!(
            error.starts_with("cards/pivot.md:1:1: a card starts with"),
            "{error}"
        );
        // Unclosed front matter: refused at 1:1.
        let error = parse("+++\ntitle = \"x\"\n").unwrap_err();
        assert!(error.contains("never closed"), "{error}");
        // Empty body: accepted, also without a final newline.
        assert_eq!(parse("+++\ntitle = \"x\"\n+++").unwrap().body, "");
        // BOM and CRLF: accepted, positions as in the file.
        let card = parse("\u{feff}+++\r\ntitle = \"x\"\r\n+++\r\nbody\r\n").unwrap();
        assert_eq!(card.body, "body\n");
        let error = parse("+++\r\ntitle = 1\r\n+++\r\n").unwrap_err();
        assert!(error.starts_with("cards/pivot.md:2:9:"), "{error}");
        // Invalid UTF-8: refused at the bad byte.
        let error = parse_card(Path::new("c.md"), b"+++\ntitle = \"\xff\"\n+++\n").unwrap_err();
        assert!(
            error.to_string().starts_with("c.md:2:10: not UTF-8"),
            "{error}"
        );
    }

    #[test]
    fn ids_default_to_the_stem_and_must_be_slugs() {
        assert_eq!(parse("+++\ntitle = \"x\"\n+++\n").unwrap().id, "pivot");
        assert_eq!(
            parse("+++\nid = \"other\"\ntitle = \"x\"\n+++\n")
                .unwrap()
                .id,
            "other"
        );
        let error = parse("+++\nid = \"Has Spaces\"\ntitle = \"x\"\n+++\n").unwrap_err();
        assert!(error.starts_with("cards/pivot.md:2:6:"), "{error}");
    }

    #[test]
    fn values_can_be_located_for_later_checks() {
        let (_, file) = parse_card(
            Path::new("c.md"),
            b"+++\ntitle = \"x\"\nprerequisites = [\"a\", \"missing\"]\n+++\n",
        )
        .unwrap();
        assert_eq!(
            file.position_of("prerequisites", Some(1)),
            Position {
                line: 3,
                column: 23
            }
        );
        assert_eq!(
            file.position_of("title", None),
            Position { line: 2, column: 9 }
        );
        assert_eq!(file.position_of("nothing", None), Position::START);
    }

    #[test]
    fn a_bad_checklist_entry_points_at_its_table() {
        let error = parse("+++\ntitle = \"x\"\n\n[[checklist]]\ndone = true\n+++\n").unwrap_err();
        assert!(
            error.starts_with("cards/pivot.md:4:1: missing \"item\""),
            "{error}"
        );
    }
}
