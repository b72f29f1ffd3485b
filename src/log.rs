//! The session log: after a session, what was covered, what the mentee will try, and what to
//! bring next time. It is personal state, like readiness, so it lives in the library in a file
//! of its own per agenda (`logs/<agenda-file-stem>.toml`), never in the agenda the user wrote.
//! The latest log of the same mentee is what carries one meeting into the next.
//!
//! ```toml
//! agenda = "visit-hansen"
//! mentee = "Bent"
//! date = 2026-11-12
//! covered = "Pivot charts on his sales export"
//! will_try = "Filter the monthly report himself"
//! bring = "Last year's figures"
//! ```
//!
//! Saves go through toml_edit (a hand-added comment stays), atomically, and only over the
//! version that was read.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use toml_edit::{DocumentMut, Item, Value};

use crate::error::{Diagnostics, Error, Result};
use crate::store::{self, Fingerprint};
use crate::toml_read::{FieldReader, TomlSource};

/// The folder of the logs, relative to the library folder.
pub const LOG_FOLDER: &str = "logs";

/// The first lines of a new log file.
const HEADER: &str =
    "# skillbook's session log: what happened, for the next meeting. Yours; never shared.\n";

/// One agenda's log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionLog {
    /// The agenda file's stem the log belongs to.
    pub agenda: String,
    /// Who the session was with (the agenda's mentee), to find the log for the next agenda.
    pub mentee: Option<String>,
    /// When the session was.
    pub date: Option<NaiveDate>,
    pub covered: String,
    pub will_try: String,
    pub bring: String,
}

/// A log as read from its file: the file's text (for format-preserving saves) and its
/// fingerprint; `None` for both when there is no file yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedLog {
    pub path: PathBuf,
    pub log: SessionLog,
    pub text: Option<String>,
    pub fingerprint: Option<Fingerprint>,
}

/// Where the log of the agenda at `agenda` lives in the library at `root`.
pub fn log_path(root: &Path, agenda: &Path) -> PathBuf {
    root.join(LOG_FOLDER)
        .join(format!("{}.toml", agenda_stem(agenda)))
}

fn agenda_stem(agenda: &Path) -> String {
    agenda
        .file_stem()
        .map_or_else(|| "agenda".into(), |s| s.to_string_lossy().into_owned())
}

/// Reads the log of an agenda; with no file yet, an empty log to fill in.
///
/// # Errors
/// An I/O error, or every problem in a file that is not a valid log (`path:line:col`).
pub fn load(root: &Path, agenda: &Path) -> Result<LoadedLog> {
    let path = log_path(root, agenda);
    match std::fs::read(&path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| Error::Refused {
                path: path.clone(),
                message: "is not UTF-8 text".into(),
            })?;
            let log = parse(&path, &text).map_err(Error::Invalid)?;
            Ok(LoadedLog {
                fingerprint: Some(Fingerprint::of(text.as_bytes())),
                path,
                log,
                text: Some(text),
            })
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(LoadedLog {
            path,
            log: SessionLog {
                agenda: agenda_stem(agenda),
                ..SessionLog::default()
            },
            text: None,
            fingerprint: None,
        }),
        Err(error) => Err(Error::io(path, error)),
    }
}

/// Reads a log from the text of the file at `path`.
///
/// # Errors
/// Invalid TOML or a field of the wrong type, each at its place in the file.
pub fn parse(path: &Path, text: &str) -> std::result::Result<SessionLog, Diagnostics> {
    let source = TomlSource::whole(path, text);
    let document = source.parse()?;
    let root = document.as_table();
    let mut reader = FieldReader::new(source);
    let log = SessionLog {
        agenda: reader
            .string(root, "agenda")
            .unwrap_or_else(|| agenda_stem(path)),
        mentee: reader.string(root, "mentee"),
        date: reader.date(root, "date"),
        covered: reader.string(root, "covered").unwrap_or_default(),
        will_try: reader.string(root, "will_try").unwrap_or_default(),
        bring: reader.string(root, "bring").unwrap_or_default(),
    };
    reader.finish()?;
    Ok(log)
}

/// The text a log is saved as: the old text with the changed values set (comments and
/// layout kept), or a new file.
///
/// # Errors
/// The old text is not TOML (it was read as TOML, so only if it changed meanwhile).
pub fn render(
    old: Option<&str>,
    log: &SessionLog,
) -> std::result::Result<String, toml_edit::TomlError> {
    let mut document: DocumentMut = old.unwrap_or("").parse()?;
    let table = document.as_table_mut();
    set(table, "agenda", Some(log.agenda.as_str()));
    set(table, "mentee", log.mentee.as_deref());
    let date = log.date.map(|d| d.format("%Y-%m-%d").to_string());
    match date.and_then(|d| d.parse::<toml_edit::Datetime>().ok()) {
        Some(datetime) => {
            let same = table
                .get("date")
                .and_then(Item::as_value)
                .is_some_and(|v| v.to_string().trim() == datetime.to_string());
            if !same {
                table.insert("date", Item::Value(Value::from(datetime)));
            }
        }
        None => {
            table.remove("date");
        }
    }
    for (key, value) in [
        ("covered", &log.covered),
        ("will_try", &log.will_try),
        ("bring", &log.bring),
    ] {
        set(table, key, Some(value.trim()).filter(|v| !v.is_empty()));
    }
    let text = document.to_string();
    Ok(match old {
        Some(_) => text,
        None => format!("{HEADER}{text}"),
    })
}

fn set(table: &mut toml_edit::Table, key: &str, value: Option<&str>) {
    match value {
        Some(value) if table.get(key).and_then(Item::as_str) != Some(value) => {
            let mut new = Value::from(value);
            if let Some(old) = table.get(key).and_then(Item::as_value) {
                *new.decor_mut() = old.decor().clone();
            }
            table.insert(key, Item::Value(new));
        }
        Some(_) => {}
        None => {
            table.remove(key);
        }
    }
}

/// Saves a log over the version that was read (or as a new file); returns what was written.
///
/// # Errors
/// [`Error::ChangedOnDisk`] when the file changed since it was read, or an I/O error.
pub fn save(loaded: &LoadedLog) -> Result<LoadedLog> {
    let text = render(loaded.text.as_deref(), &loaded.log).map_err(|error| Error::Refused {
        path: loaded.path.clone(),
        message: error.message().trim().to_string(),
    })?;
    let fingerprint = store::save_checked(&loaded.path, loaded.fingerprint, text.as_bytes())?;
    Ok(LoadedLog {
        path: loaded.path.clone(),
        log: loaded.log.clone(),
        text: Some(text),
        fingerprint: Some(fingerprint),
    })
}

/// The latest log (by date) of `mentee` in the library at `root`, leaving out the log of
/// the agenda at `except`. Logs that cannot be read are passed over: they belong to other
/// agendas and are reported when those are opened.
pub fn latest_for_mentee(root: &Path, mentee: &str, except: &Path) -> Option<SessionLog> {
    let own = agenda_stem(except);
    let wanted = mentee.trim().to_lowercase();
    let entries = std::fs::read_dir(root.join(LOG_FOLDER)).ok()?;
    entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            parse(&path, &text).ok()
        })
        .filter(|log| log.agenda != own)
        .filter(|log| {
            log.mentee
                .as_deref()
                .is_some_and(|name| name.trim().to_lowercase() == wanted)
        })
        .max_by_key(|log| (log.date, log.agenda.clone()))
}

/// "Last time with Bent, 12 Nov: covered …; will try …; bring …".
pub fn summary(log: &SessionLog) -> String {
    let who = log.mentee.as_deref().map_or("them", str::trim);
    let when = log
        .date
        .map(|d| format!(", {}", d.format("%-d %b")))
        .unwrap_or_default();
    let parts: Vec<String> = [
        ("covered", &log.covered),
        ("will try", &log.will_try),
        ("bring", &log.bring),
    ]
    .iter()
    .filter(|(_, text)| !text.trim().is_empty())
    .map(|(label, text)| format!("{label} {}", text.trim()))
    .collect();
    if parts.is_empty() {
        format!("Last time with {who}{when}: nothing written down")
    } else {
        format!("Last time with {who}{when}: {}", parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(agenda: &str, mentee: &str, date: (i32, u32, u32), covered: &str) -> SessionLog {
        SessionLog {
            agenda: agenda.into(),
            mentee: Some(mentee.into()),
            date: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
            covered: covered.into(),
            will_try: "filter the report".into(),
            bring: "last year's figures".into(),
        }
    }

    #[test]
    fn a_new_log_saves_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let agenda = dir.path().join("agendas/visit-hansen.toml");
        let mut loaded = load(dir.path(), &agenda).unwrap();
        assert_eq!(loaded.log.agenda, "visit-hansen");
        assert!(loaded.text.is_none());
        loaded.log = log("visit-hansen", "Bent", (2026, 11, 12), "pivot charts");
        let saved = save(&loaded).unwrap();
        assert_eq!(saved.path, dir.path().join("logs/visit-hansen.toml"));
        let again = load(dir.path(), &agenda).unwrap();
        assert_eq!(again.log, loaded.log);
        assert!(again.text.unwrap().starts_with("# skillbook's session log"));
    }

    #[test]
    fn a_changed_field_changes_one_line_and_comments_stay() {
        let old = "# after the first visit\nagenda = \"visit-hansen\"\nmentee = \"Bent\"   # the director\ndate = 2026-11-12\ncovered = \"pivot charts\"\nwill_try = \"filter the report\"\nbring = \"last year's figures\"\n";
        let mut changed = parse(Path::new("logs/visit-hansen.toml"), old).unwrap();
        changed.covered = "pivot charts and slicers".into();
        let text = render(Some(old), &changed).unwrap();
        let lines: Vec<(&str, &str)> = old
            .lines()
            .zip(text.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(
            lines,
            [(
                "covered = \"pivot charts\"",
                "covered = \"pivot charts and slicers\""
            )]
        );
        assert_eq!(old.lines().count(), text.lines().count());
    }

    #[test]
    fn a_log_changed_on_disk_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let agenda = dir.path().join("agendas/a.toml");
        let mut loaded = load(dir.path(), &agenda).unwrap();
        loaded.log.covered = "one".into();
        let saved = save(&loaded).unwrap();
        std::fs::write(&saved.path, "covered = \"theirs\"\n").unwrap();
        let mut mine = saved.clone();
        mine.log.covered = "mine".into();
        assert!(matches!(save(&mine), Err(Error::ChangedOnDisk { .. })));
        assert_eq!(
            std::fs::read_to_string(&saved.path).unwrap(),
            "covered = \"theirs\"\n"
        );
    }

    #[test]
    fn the_latest_log_of_the_same_mentee_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for entry in [
            log("first", "Bent", (2026, 10, 1), "first"),
            log("second", "bent ", (2026, 11, 12), "second"),
            log("other", "Grete", (2026, 12, 1), "other"),
            log("third", "Bent", (2026, 12, 3), "this one"),
        ] {
            let loaded = LoadedLog {
                path: log_path(root, Path::new(&format!("{}.toml", entry.agenda))),
                log: entry,
                text: None,
                fingerprint: None,
            };
            save(&loaded).unwrap();
        }
        std::fs::write(root.join("logs/broken.toml"), "covered = [").unwrap();
        let found = latest_for_mentee(root, "Bent", Path::new("agendas/third.toml")).unwrap();
        assert_eq!(found.agenda, "second");
        assert_eq!(
            summary(&found),
            "Last time with bent, 12 Nov: covered second; will try filter the report; bring last year's figures"
        );
        assert!(latest_for_mentee(root, "Nobody", Path::new("x.toml")).is_none());
    }
}
