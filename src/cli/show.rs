//! `skillbook show CARD_ID`: a card rendered for reading. Plain text when stdout is not a
//! terminal; styled (bold headings, dim link targets...) on a terminal unless `NO_COLOR` is set.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use ratatui::crossterm::style::{Attribute, Color, ContentStyle, Stylize};

use super::output::{line, output_width, use_color};
use crate::card_view::card_blocks;
use crate::library::{CardRef, Library};
use crate::markdown::{Role, StyledLine, TextStyle, layout_blocks};

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The card: its id, or pack/id for a pack's card
    #[arg(value_name = "CARD_ID")]
    card: String,
}

pub fn run(args: &ShowArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let CardRef::Found(entry) = library.find(&args.card, None) else {
        eprintln!(
            "no card {:?}; `skillbook search` finds cards by words",
            line(&args.card)
        );
        return Ok(super::problem());
    };
    let color = use_color();
    for styled in layout_blocks(&card_blocks(&entry.card), output_width()) {
        writeln!(out, "{}", render_line(&styled, color).trim_end())?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        line(&format!(
            "{} — {}",
            entry.qualified_id(),
            entry.path.display()
        ))
    )?;
    Ok(ExitCode::SUCCESS)
}

/// A laid-out line as text, with terminal styling when `color` is on. The layout has made the
/// text safe already; the only escape sequences here are our own.
fn render_line(styled: &StyledLine, color: bool) -> String {
    if !color {
        return styled.plain();
    }
    styled
        .spans
        .iter()
        .map(|span| {
            terminal_style(span.style)
                .apply(span.text.as_str())
                .to_string()
        })
        .collect()
}

fn terminal_style(style: TextStyle) -> ContentStyle {
    let mut content = ContentStyle::new();
    content = match style.role {
        Role::Heading(1) => content.bold().underlined().with(Color::Cyan),
        Role::Heading(_) => content.bold().with(Color::Cyan),
        Role::CodeBlock => content.with(Color::Yellow),
        Role::LinkTarget | Role::Muted | Role::Rule | Role::TableBorder | Role::QuoteBar => {
            content.attribute(Attribute::Dim)
        }
        Role::ListMarker => content.with(Color::Cyan),
        Role::TaskDone => content.with(Color::Green),
        Role::TaskOpen | Role::Html => content.with(Color::Yellow),
        Role::TableHeader => content.bold(),
        Role::Text => content,
    };
    if style.strong {
        content = content.bold();
    }
    if style.emphasis {
        content = content.italic();
    }
    if style.strikethrough {
        content = content.crossed_out();
    }
    if style.code {
        content = content.with(Color::Yellow);
    }
    if style.link {
        content = content.underlined();
    }
    content
}
