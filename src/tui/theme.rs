//! Themes: a small set of semantic colours (text, muted, accent, selection, ...) read from TOML
//! and turned into the styles the panes draw with.
//!
//! The built-in themes under `themes/` are embedded in the binary. A user's theme in the config
//! folder (`themes/NAME.toml`) overrides only the colours it names, on top of the built-in of
//! the same name or the one it `extends`. With `NO_COLOR` set no colour is sent at all, and
//! every state that matters still shows through a text style (bold, reverse, underline).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use toml_edit::Item;

use crate::error::Diagnostics;
use crate::toml_read::{FieldReader, TomlSource};

/// The built-in themes, as (name, TOML text); the first is the default.
pub const BUILTIN_THEMES: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

/// The theme used when nothing names one.
pub const DEFAULT_THEME: &str = "dark";

/// Declares the palette once, so its fields, its TOML names and the setter stay in step.
macro_rules! palette {
    ($( $(#[doc = $doc:literal])+ $field:ident, )*) => {
        /// The semantic colours of a theme.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Palette {
            $( $(#[doc = $doc])+ pub $field: Color, )*
        }

        impl Palette {
            /// The colour names a theme file may set, in `[colors]`.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Sets a colour by its TOML name; false when no colour has that name.
            fn set(&mut self, name: &str, color: Color) -> bool {
                match name {
                    $( stringify!($field) => self.$field = color, )*
                    _ => return false,
                }
                true
            }
        }

        impl Default for Palette {
            /// Every colour the terminal's own: a base that themes fill in.
            fn default() -> Self {
                Palette { $( $field: Color::Reset, )* }
            }
        }
    };
}

palette! {
    /// Behind everything.
    background,
    /// Ordinary text.
    text,
    /// Less important text: counts, paths, link targets.
    muted,
    /// List markers, the focused pane's border and title.
    accent,
    /// Borders of panes without focus.
    border,
    /// Behind the selected line.
    selection,
    /// The selected line's text.
    selection_text,
    /// Markdown headings.
    heading,
    /// Inline code and code blocks.
    code,
    /// Behind code blocks.
    code_background,
    /// Link text.
    link,
    /// Block quotes.
    quote,
    /// Matched characters in search results.
    highlight,
    /// Done, ready.
    ok,
    /// Needs attention.
    warning,
    /// Broken, overrun.
    danger,
}

/// A theme resolved for drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: String,
    pub palette: Palette,
    /// False under `NO_COLOR`: styles carry modifiers only.
    pub color: bool,
}

/// Why a theme could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeError {
    /// No built-in or user theme has this name.
    Unknown { name: String, known: Vec<String> },
    /// The theme file has problems.
    Invalid(Diagnostics),
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThemeError::Unknown { name, known } => write!(
                f,
                "there is no theme named {name:?} (themes: {})",
                known.join(", ")
            ),
            ThemeError::Invalid(problems) => write!(f, "{problems}"),
        }
    }
}

impl std::error::Error for ThemeError {}

impl Default for Theme {
    fn default() -> Self {
        Theme::builtin(DEFAULT_THEME).unwrap_or_else(|| Theme {
            name: DEFAULT_THEME.to_string(),
            palette: Palette::default(),
            color: true,
        })
    }
}

impl Theme {
    /// A built-in theme by name. The built-ins are checked by a test, so they parse.
    pub fn builtin(name: &str) -> Option<Theme> {
        let (name, text) = BUILTIN_THEMES.iter().find(|(n, _)| *n == name)?;
        let mut palette = Palette::default();
        read_theme(
            Path::new(&format!("themes/{name}.toml")),
            text,
            &mut palette,
        )
        .ok()?;
        Some(Theme {
            name: (*name).to_string(),
            palette,
            color: true,
        })
    }

    /// Loads a theme: the user's `themes/NAME.toml` in `config_dir` over the built-in it extends,
    /// or a built-in. `color` is false under `NO_COLOR`.
    pub fn load(name: &str, config_dir: Option<&Path>, color: bool) -> Result<Theme, ThemeError> {
        let user_path = config_dir.map(|dir| dir.join("themes").join(format!("{name}.toml")));
        let mut theme = match user_path.filter(|path| path.is_file()) {
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|error| {
                    ThemeError::Invalid(
                        crate::error::Diagnostic::new(
                            &path,
                            crate::error::Position::START,
                            format!("cannot read: {error}"),
                        )
                        .into(),
                    )
                })?;
                let extends = read_extends(&path, &text)?;
                let base = extends.as_deref().unwrap_or(
                    if BUILTIN_THEMES.iter().any(|(n, _)| *n == name) {
                        name
                    } else {
                        DEFAULT_THEME
                    },
                );
                let base = Theme::builtin(base).ok_or_else(|| unknown(base, config_dir))?;
                let mut palette = base.palette;
                read_theme(&path, &text, &mut palette).map_err(ThemeError::Invalid)?;
                Theme {
                    name: name.to_string(),
                    palette,
                    color: true,
                }
            }
            None => Theme::builtin(name).ok_or_else(|| unknown(name, config_dir))?,
        };
        theme.color = color;
        Ok(theme)
    }

    /// A colour as a foreground style, or no style without colour.
    pub fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// The style of ordinary text on the theme's background.
    pub fn base(&self) -> Style {
        if self.color {
            Style::new()
                .fg(self.palette.text)
                .bg(self.palette.background)
        } else {
            Style::new()
        }
    }

    pub fn text(&self) -> Style {
        self.fg(self.palette.text)
    }

    pub fn muted(&self) -> Style {
        self.fg(self.palette.muted)
    }

    pub fn accent(&self) -> Style {
        self.fg(self.palette.accent)
    }

    /// A pane's border: the focused one in the accent colour and bold, so focus shows without
    /// colour too.
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.accent().add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.palette.border)
        }
    }

    /// The selected line. Without colour it is drawn reversed.
    pub fn selection(&self, focused: bool) -> Style {
        let style = if self.color {
            Style::new()
                .fg(self.palette.selection_text)
                .bg(self.palette.selection)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        };
        if focused {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }

    /// Characters a search matched: coloured, bold and underlined.
    pub fn matched(&self) -> Style {
        self.fg(self.palette.highlight)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn heading(&self) -> Style {
        self.fg(self.palette.heading).add_modifier(Modifier::BOLD)
    }

    pub fn danger(&self) -> Style {
        self.fg(self.palette.danger).add_modifier(Modifier::BOLD)
    }

    pub fn warning(&self) -> Style {
        self.fg(self.palette.warning).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(self.palette.ok)
    }

    /// Code: the code colour on the code background.
    pub fn code(&self) -> Style {
        if self.color {
            Style::new()
                .fg(self.palette.code)
                .bg(self.palette.code_background)
        } else {
            Style::new()
        }
    }

    pub fn link(&self) -> Style {
        self.fg(self.palette.link)
            .add_modifier(Modifier::UNDERLINED)
    }

    pub fn quote(&self) -> Style {
        self.fg(self.palette.quote).add_modifier(Modifier::ITALIC)
    }
}

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

fn unknown(name: &str, config_dir: Option<&Path>) -> ThemeError {
    ThemeError::Unknown {
        name: name.to_string(),
        known: theme_names(config_dir),
    }
}

/// The `extends` key of a user theme, if it has one.
fn read_extends(path: &Path, text: &str) -> Result<Option<String>, ThemeError> {
    let source = TomlSource::whole(path, text);
    let document = source.parse().map_err(|d| ThemeError::Invalid(d.into()))?;
    let mut reader = FieldReader::new(source);
    let extends = reader.string(document.as_table(), "extends");
    reader.finish().map_err(ThemeError::Invalid)?;
    Ok(extends)
}

/// Reads a theme file's colours into `palette`, collecting every problem with its line.
fn read_theme(path: &Path, text: &str, palette: &mut Palette) -> Result<(), Diagnostics> {
    let source = TomlSource::whole(path, text);
    let document = source.parse().map_err(Diagnostics::from)?;
    let mut reader = FieldReader::new(source);
    let root = document.as_table();
    for (key, item) in root.iter() {
        if !matches!(key, "name" | "extends" | "colors") {
            let span = root.key(key).and_then(|k| k.span());
            reader.problem(
                span,
                format!("unknown key {key:?} in a theme (it has name, extends and [colors])"),
            );
        }
        let _ = item;
    }
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
    use super::*;

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
