//! Themes: a small set of semantic colours (text, muted, accent, selection, ...) read from TOML
//! and turned into the styles the panes draw with.
//!
//! The built-in themes under `themes/` are embedded in the binary. A user's theme in the config
//! folder (`themes/NAME.toml`) overrides only the colours it names, on top of the built-in of
//! the same name or the one it `extends`. With `NO_COLOR` set no colour is sent at all, and
//! every state that matters still shows through a text style (bold, reverse, underline).

mod file;

use std::fmt;
use std::path::Path;

use ratatui::style::{Color, Modifier, Style};

pub use self::file::theme_names;
use self::file::{read_extends, read_theme, unknown};
use crate::error::Diagnostics;

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
