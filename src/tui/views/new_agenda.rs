//! A new agenda from the library: pick a start (office visit 60 min, coffee meeting 30 min,
//! or blank) and type a title; the file is made from the pack's template, with its comments,
//! and opens in the builder.

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::pane_block;
use crate::card::slugify;
use crate::duration::Minutes;
use crate::library::Library;
use crate::templates::{AgendaStart, new_agenda_text};
use crate::tui::action::TextEdit;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::layout::centered;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_input::TextInput;

/// A pack's template, by pack name and file stem.
type TemplateName = (&'static str, &'static str);

/// The starts offered: label, template, slot in minutes.
pub const STARTS: [(&str, Option<TemplateName>, u32); 3] = [
    (
        "Office visit, 60 min",
        Some(("excel-charts", "office-visit-60")),
        60,
    ),
    (
        "Coffee meeting, 30 min",
        Some(("mentoring-craft", "coffee-meeting-30")),
        30,
    ),
    ("Blank, 60 min", None, 60),
];

/// The choice and the title typed so far.
#[derive(Debug, Clone, Default)]
pub struct NewAgenda {
    pub choice: usize,
    pub title: TextInput,
    /// Why the last Enter made nothing.
    pub problem: Option<String>,
}

/// What a key in the window leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum NewAgendaOutcome {
    Stay,
    Cancel,
    Create(Effect),
}

impl NewAgenda {
    /// Types into the title.
    pub fn edit(&mut self, edit: TextEdit) {
        self.title.apply(edit);
        self.problem = None;
    }

    /// Up and down choose the start; Enter makes the file; Esc cancels.
    pub fn update(&mut self, command: Command, library: &Library) -> NewAgendaOutcome {
        match command {
            Command::Up => self.choice = self.choice.saturating_sub(1),
            Command::Down => self.choice = (self.choice + 1).min(STARTS.len() - 1),
            Command::Back => return NewAgendaOutcome::Cancel,
            Command::Open => match self.create(library) {
                Ok(effect) => return NewAgendaOutcome::Create(effect),
                Err(problem) => self.problem = Some(problem),
            },
            _ => {}
        }
        NewAgendaOutcome::Stay
    }

    fn create(&self, library: &Library) -> Result<Effect, String> {
        let title = self.title.text().trim().to_string();
        let slug = slugify(&title);
        if slug.is_empty() {
            return Err("Type a title with letters or digits".to_string());
        }
        let (_, template, slot) = STARTS[self.choice.min(STARTS.len() - 1)];
        let template = match template {
            Some((pack, name)) => Some(
                find_template(library, pack, name)
                    .ok_or_else(|| format!("The {pack} pack has no template {name}"))?,
            ),
            None => None,
        };
        let text = new_agenda_text(&AgendaStart {
            title,
            date: None,
            start: None,
            slot: Some(Minutes(slot)),
            template: template
                .as_ref()
                .map(|(path, text, pack)| (path.as_path(), text.as_str(), pack.as_str())),
        })
        .map_err(|problem| problem.to_string())?;
        let text = without_unnamed_mentee(text);
        let path = library.agendas_folder().join(format!("{slug}.toml"));
        Ok(Effect::CreateAgenda { path, text })
    }
}

/// The text without a `[mentee]` table whose name is still empty: the blank template has
/// one as a form to fill in, but an agenda with an unnamed mentee does not read, and the
/// builder must open what it just made.
fn without_unnamed_mentee(text: String) -> String {
    let Ok(mut document) = text.parse::<toml_edit::DocumentMut>() else {
        return text;
    };
    let unnamed = document
        .get("mentee")
        .and_then(|mentee| mentee.get("name"))
        .and_then(toml_edit::Item::as_str)
        .is_some_and(|name| name.trim().is_empty());
    if !unnamed {
        return text;
    }
    document.remove("mentee");
    document.to_string()
}

/// A pack's template by pack and file stem: its path, text and pack name.
fn find_template(library: &Library, pack: &str, name: &str) -> Option<(PathBuf, String, String)> {
    let found = library.pack(pack)?;
    found
        .templates
        .iter()
        .find(|(path, _)| path.file_stem().is_some_and(|stem| stem == name))
        .map(|(path, text)| (path.clone(), text.clone(), pack.to_string()))
}

/// Draws the window over the library.
pub fn render(window: &NewAgenda, theme: &Theme, frame: &mut Frame<'_>, area: Rect) {
    let rect = centered(area, 44.min(area.width), 10.min(area.height));
    frame.render_widget(Clear, rect);
    let block = pane_block("New agenda", true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    for (i, (label, _, _)) in STARTS.iter().enumerate() {
        let Ok(row) = u16::try_from(i) else { break };
        if row >= inner.height {
            return;
        }
        let (mark, style) = if i == window.choice {
            ("▶ ", theme.selection(true))
        } else {
            ("  ", theme.text())
        };
        frame.render_widget(
            Line::styled(format!("{mark}{label}"), style),
            Rect {
                y: inner.y + row,
                height: 1,
                ..inner
            },
        );
    }
    if inner.height > 4 {
        window.title.render(
            frame,
            Rect {
                y: inner.y + 4,
                height: 1,
                ..inner
            },
            Span::styled("Title: ", theme.accent()),
            theme.text(),
            true,
        );
    }
    if let Some(problem) = &window.problem
        && inner.height > 5
    {
        frame.render_widget(
            Paragraph::new(Line::styled(problem.clone(), theme.warning()))
                .wrap(Wrap { trim: true }),
            Rect {
                y: inner.y + 5,
                height: inner.height - 5,
                ..inner
            },
        );
    }
}
