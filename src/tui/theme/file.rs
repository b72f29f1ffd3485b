//! Reading theme files: the built-ins embedded in the binary and the user's own in the config
//! folder, every problem reported with its line.

use std::path::Path;
use std::str::FromStr;

use ratatui::style::Color;
use toml_edit::Item;

use super::{BUILTIN_THEMES, Palette, ThemeError};
use crate::error::Diagnostics;
use crate::toml_read::{FieldReader, TomlSource};

/// Every theme a user can name: the built-ins and the files in `config_dir/themes`.
pub fn theme_names(config_dir: Option<&Path>) -> Vec<String> {
    let mut names: Vec<String> = BUILTIN_THEMES.iter().map(|(n, _)| n.to_string()).collect();
    if let Some(entries) = config_dir.and_then(|dir| std::fs::read_dir(dir.join("themes")).ok()) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml")
                && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
                && !names.iter().any(|n| n == stem)
            {
                names.push(stem.to_string());
            }
        }
    }
    names
}

pub(super) fn unknown(name: &str, config_dir: Option<&Path>) -> ThemeError {
    ThemeError::Unknown {
        name: name.to_string(),
        known: theme_names(config_dir),
    }
}

/// The `extends` key of a user theme, if it has one.
pub(super) fn read_extends(path: &Path, text: &str) -> Result<Option<String>, ThemeError> {
    let source = TomlSource::whole(path, text);
    let document = source.parse().map_err(|d| ThemeError::Invalid(d.into()))?;
    let mut reader = FieldReader::new(source);
    let extends = reader.string(document.as_table(), "extends");
    reader.finish().map_err(ThemeError::Invalid)?;
    Ok(extends)
}

/// Reads a theme file's colours into `palette`, collecting every problem with its line.
pub(super) fn read_theme(
    path: &Path,
    text: &str,
    palette: &mut Palette,
) -> Result<(), Diagnostics> {
    let source = TomlSource::whole(path, text);
    let document = source.parse().map_err(Diagnostics::from)?;
    let mut reader = FieldReader::new(source);
    let root = document.as_table();
    for (key, _) in root.iter() {
        if !matches!(key, "name" | "extends" | "colors") {
            let span = root.key(key).and_then(|k| k.span());
            reader.problem(
                span,
                format!("unknown key {key:?} in a theme (it has name, extends and [colors])"),
            );
        }
    }
    // The name is only checked to be a string: the file's name is what users type.
    let _ = reader.string(root, "name");
    if let Some(colors) = reader.table(root, "colors") {
        let colors = colors.to_table();
        for (key, item) in colors.iter() {
            let span = item
                .span()
                .or_else(|| colors.key(key).and_then(|k| k.span()));
            let Some(text) = item.as_str() else {
                let found = match item {
                    Item::Value(_) => "a value that is not a string",
                    _ => "a table",
                };
                reader.problem(
                    span,
                    format!("expected a colour string for {key:?}, found {found}"),
                );
                continue;
            };
            match Color::from_str(text) {
                Ok(color) if palette.set(key, color) => {}
                Ok(_) => reader.problem(
                    colors.key(key).and_then(|k| k.span()),
                    format!(
                        "unknown colour {key:?} (a theme sets {})",
                        Palette::NAMES.join(", ")
                    ),
                ),
                Err(_) => reader.problem(
                    span,
                    format!(
                        "cannot read {text:?} as a colour for {key:?} (write \"#rrggbb\", a name \
                         like \"light-blue\", a number 0-255, or \"reset\")"
                    ),
                ),
            }
        }
    }
    reader.finish()
}

#[cfg(test)]
mod tests {
    use super::super::{Theme, theme_names};
    use super::*;
    use ratatui::style::{Modifier, Style};

    #[test]
    fn every_bundled_theme_loads_and_sets_every_colour() {
        for (name, text) in BUILTIN_THEMES {
            let mut palette = Palette::default();
            read_theme(Path::new(name), text, &mut palette).unwrap();
            // Each built-in names every colour, so none falls back to the terminal's own by
            // accident (background may be "reset" on purpose, so count the keys instead).
            let document: toml_edit::DocumentMut = text.parse().unwrap();
            let colors = document["colors"].as_table().unwrap();
            for colour in Palette::NAMES {
                assert!(colors.contains_key(colour), "{name} lacks {colour}");
            }
            assert!(Theme::builtin(name).is_some());
        }
        assert_eq!(Theme::default().name, "dark");
    }

    #[test]
    fn a_user_theme_overrides_only_what_it_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("themes")).unwrap();
        std::fs::write(
            dir.path().join("themes/mine.toml"),
            "extends = \"light\"\n[colors]\naccent = \"#ff0000\"\n",
        )
        .unwrap();
        let theme = Theme::load("mine", Some(dir.path()), true).unwrap();
        let light = Theme::builtin("light").unwrap();
        assert_eq!(theme.palette.accent, Color::Rgb(255, 0, 0));
        assert_eq!(theme.palette.text, light.palette.text);
        assert!(theme_names(Some(dir.path())).contains(&"mine".to_string()));
    }

    #[test]
    fn theme_problems_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("themes")).unwrap();
        std::fs::write(
            dir.path().join("themes/dark.toml"),
            "[colors]\ntext = \"#fff\"\nsparkle = \"red\"\n",
        )
        .unwrap();
        let error = Theme::load("dark", Some(dir.path()), true)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("dark.toml:2:8: cannot read \"#fff\""),
            "{error}"
        );
        assert!(
            error.contains("dark.toml:3:1: unknown colour \"sparkle\""),
            "{error}"
        );
    }

    #[test]
    fn unknown_names_list_the_themes_there_are() {
        let error = Theme::load("neon", None, true).unwrap_err().to_string();
        assert!(error.contains("dark, light, high-contrast"), "{error}");
    }

    #[test]
    fn without_colour_selection_still_shows() {
        let theme = Theme::load("dark", None, false).unwrap();
        let selection = theme.selection(true);
        assert_eq!(selection.fg, None);
        assert!(selection.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(theme.text(), Style::new());
    }
}
