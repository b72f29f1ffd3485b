//! The config file, `config.toml` in the platform's config folder (`~/.config/skillbook` on
//! Linux): the theme, the library folder and key rebinding.
//!
//! ```toml
//! theme = "light"
//! library = "~/mentoring"
//!
//! [keys]
//! search = ["/", "ctrl-f"]   # a key or a list of keys; replaces the command's default keys
//! quit = "ctrl-q"
//! ```
//!
//! A bad file never stops the app: every problem is reported with its line, and the app runs
//! on the defaults, telling the user so.

use std::path::{Path, PathBuf};

use toml_edit::{Item, Table, Value};

use super::command::Command;
use super::event::KeyPress;
use super::keymap::Keymap;
use crate::error::{Diagnostic, Diagnostics, Position};
use crate::toml_read::{FieldReader, TomlSource};

/// The config file's name inside the config folder.
pub const CONFIG_FILE: &str = "config.toml";

/// What the config file says, or the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The theme's name.
    pub theme: Option<String>,
    /// Where the `theme` setting stands, to point at it when the theme cannot be loaded.
    pub theme_at: Option<(PathBuf, Position)>,
    /// The library folder.
    pub library: Option<PathBuf>,
    /// The key table, defaults with the file's rebinding applied.
    pub keymap: Keymap,
}

/// The platform's config folder for skillbook, if the platform has one.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "skillbook").map(|dirs| dirs.config_dir().to_path_buf())
}

/// Reads `config.toml` in `dir`. A missing file is the defaults; a bad one is the defaults and
/// its problems, so the app can start and say what is wrong.
pub fn load_config(dir: Option<&Path>) -> (Config, Option<Diagnostics>) {
    let Some(path) = dir.map(|dir| dir.join(CONFIG_FILE)) else {
        return (Config::default(), None);
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => match parse_config(&path, &text, dir) {
            Ok(config) => (config, None),
            Err(problems) => (Config::default(), Some(problems)),
        },
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
        Err(error) => {
            let problem = Diagnostic::new(&path, Position::START, format!("cannot read: {error}"));
            (Config::default(), Some(problem.into()))
        }
    }
}

/// Parses a config file's text. `dir` is where relative library paths start.
pub fn parse_config(path: &Path, text: &str, dir: Option<&Path>) -> Result<Config, Diagnostics> {
    let source = TomlSource::whole(path, text);
    let document = source.parse().map_err(Diagnostics::from)?;
    let root = document.as_table();
    let mut reader = FieldReader::new(source);
    for (key, _) in root.iter() {
        if !matches!(key, "theme" | "library" | "keys") {
            reader.problem(
                key_span(root, key),
                format!("unknown setting {key:?} (the config has theme, library and [keys])"),
            );
        }
    }
    let theme = reader.string(root, "theme");
    let theme_at = root.get("theme").and_then(Item::span).map(|span| {
        (
            path.to_path_buf(),
            source.diagnostic(span.start, "").position,
        )
    });
    let library = reader
        .string(root, "library")
        .map(|text| expand_path(&text, dir));
    let mut keymap = Keymap::defaults();
    if let Some(keys) = reader.table(root, "keys") {
        let keys = keys.to_table();
        let mut lines: Vec<(Command, Option<std::ops::Range<usize>>)> = Vec::new();
        for (name, item) in keys.iter() {
            let Some(command) = Command::from_name(name) else {
                reader.problem(key_span(&keys, name), unknown_command(name));
                continue;
            };
            if let Some(presses) = read_keys(&mut reader, name, item) {
                keymap.rebind(command, presses);
                lines.push((command, key_span(&keys, name)));
            }
        }
        for problem in keymap.problems() {
            // Point at a line the user wrote: the first rebound command the problem involves.
            let span = problem
                .commands()
                .iter()
                .find_map(|command| lines.iter().find(|(c, _)| c == command))
                .and_then(|(_, span)| span.clone());
            reader.problem(span, problem.to_string());
        }
    }
    reader.finish()?;
    Ok(Config {
        theme,
        theme_at,
        library,
        keymap,
    })
}

fn key_span(table: &Table, key: &str) -> Option<std::ops::Range<usize>> {
    table.key(key).and_then(|k| k.span())
}

fn unknown_command(name: &str) -> String {
    let names: Vec<String> = Command::ALL.iter().map(|c| c.name()).collect();
    format!("unknown command {name:?} (commands: {})", names.join(", "))
}

/// A key or a list of keys.
fn read_keys(reader: &mut FieldReader<'_>, name: &str, item: &Item) -> Option<Vec<KeyPress>> {
    let values: Vec<&Value> = match item {
        Item::Value(Value::Array(array)) => array.iter().collect(),
        Item::Value(value) => vec![value],
        _ => {
            reader.problem(
                item.span(),
                format!("expected a key or a list of keys for {name:?}"),
            );
            return None;
        }
    };
    if values.is_empty() {
        reader.problem(item.span(), format!("{name:?} needs at least one key"));
        return None;
    }
    let mut presses = Vec::new();
    let mut all_read = true;
    for value in values {
        match value.as_str().map(str::parse::<KeyPress>) {
            Some(Ok(press)) => presses.push(press),
            Some(Err(error)) => {
                all_read = false;
                reader.problem(value.span(), error.to_string());
            }
            None => {
                all_read = false;
                reader.problem(
                    value.span(),
                    format!("expected a key like \"ctrl-s\" for {name:?}"),
                );
            }
        }
    }
    all_read.then_some(presses)
}

/// `~/x` is in the home folder; a relative path is relative to the config folder.
fn expand_path(text: &str, dir: Option<&Path>) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = home()
    {
        return home.join(rest);
    }
    if text == "~"
        && let Some(home) = home()
    {
        return home;
    }
    let path = PathBuf::from(text);
    match dir {
        Some(dir) if path.is_relative() => dir.join(path),
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::command::Context;

    fn parse(text: &str) -> Result<Config, Diagnostics> {
        parse_config(Path::new("config.toml"), text, Some(Path::new("/cfg")))
    }

    #[test]
    fn reads_theme_library_and_keys() {
        let config = parse(
            "theme = \"light\"\nlibrary = \"notes\"\n[keys]\nsearch = [\"/\", \"ctrl-f\"]\nquit = \"ctrl-q\"\n",
        )
        .unwrap();
        assert_eq!(config.theme.as_deref(), Some("light"));
        assert_eq!(config.theme_at.unwrap().1, Position { line: 1, column: 9 });
        assert_eq!(config.library, Some(PathBuf::from("/cfg/notes")));
        let ctrl_f: KeyPress = "ctrl-f".parse().unwrap();
        assert_eq!(
            config.keymap.resolve(ctrl_f, Context::Cards),
            Some(Command::Search)
        );
        let q: KeyPress = "q".parse().unwrap();
        assert_eq!(config.keymap.resolve(q, Context::Cards), None);
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn problems_name_their_line() {
        let cases = [
            (
                "[keys]\nfly = \"f\"\n",
                "config.toml:2:1: unknown command \"fly\"",
            ),
            (
                "[keys]\nquit = \"hyper-q\"\n",
                "config.toml:2:8: cannot read \"hyper-q\" as a key",
            ),
            (
                "[keys]\nsearch = \"j\"\n",
                "config.toml:2:1: the key j is bound to both",
            ),
            (
                "[keys]\nback = \"ü\"\n",
                "config.toml:2:1: back needs a key that is not",
            ),
            (
                "colour = 1\n",
                "config.toml:1:1: unknown setting \"colour\"",
            ),
            (
                "theme = 3\n",
                "config.toml:1:9: expected a string for \"theme\"",
            ),
            ("theme = \n", "config.toml:1:9: invalid TOML"),
            (
                "[keys]\nquit = []\n",
                "config.toml:2:8: \"quit\" needs at least one key",
            ),
        ];
        for (text, expected) in cases {
            let error = parse(text).unwrap_err().to_string();
            assert!(error.starts_with(expected), "{text:?}: {error}");
        }
    }

    #[test]
    fn a_bad_file_gives_defaults_and_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "theme = \"light\"\n[keys]\nfly = \"f\"\n",
        )
        .unwrap();
        let (config, problems) = load_config(Some(dir.path()));
        assert_eq!(config, Config::default());
        assert!(problems.unwrap().to_string().contains("config.toml:3:1"));
        let (config, problems) = load_config(Some(&dir.path().join("missing")));
        assert_eq!((config, problems), (Config::default(), None));
    }
}
