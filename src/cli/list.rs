//! `skillbook list`: the cards, own cards first, then each pack's.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::output::{json, line, write_columns};
use crate::library::{Library, LibraryCard};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only cards for this tool (e.g. Excel; case does not matter)
    #[arg(long, value_name = "TOOL")]
    tool: Option<String>,
    /// Only cards with this tag
    #[arg(long, value_name = "TAG")]
    tag: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

/// One card as `list --json` prints it.
#[derive(Debug, serde::Serialize)]
pub struct CardSummary<'a> {
    pub id: String,
    pub title: &'a str,
    pub summary: Option<&'a str>,
    pub tool: Option<&'a str>,
    pub tags: &'a [String],
    pub level: Option<crate::card::Level>,
    pub duration: Option<u32>,
    pub lang: Option<&'a str>,
    pub source: &'a crate::library::CardSource,
    pub path: String,
}

impl<'a> CardSummary<'a> {
    pub fn of(card: &'a LibraryCard) -> Self {
        CardSummary {
            id: card.qualified_id(),
            title: &card.card.title,
            summary: card.card.summary.as_deref(),
            tool: card.card.tool.as_deref(),
            tags: &card.card.tags,
            level: card.card.level,
            duration: card.card.duration.map(|m| m.get()),
            lang: card.card.lang.as_deref(),
            source: &card.source,
            path: card.path.display().to_string(),
        }
    }
}

pub fn run(args: &ListArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    let cards: Vec<&LibraryCard> = library
        .cards
        .iter()
        .filter(|c| {
            args.tool
                .as_deref()
                .is_none_or(|tool| c.card.tool.as_deref().is_some_and(|t| same(t, tool)))
        })
        .filter(|c| {
            args.tag
                .as_deref()
                .is_none_or(|tag| c.card.tags.iter().any(|t| same(t, tag)))
        })
        .collect();
    for broken in &library.broken {
        for problem in &broken.problems.0 {
            eprintln!("{}", line(&problem.to_string()));
        }
    }
    // Merge conflicts left by a pack update (#8).
    for conflict in &library.conflicts {
        eprintln!("{}", line(&conflict.diagnostic().to_string()));
    }
    if args.json {
        let summaries: Vec<CardSummary<'_>> = cards.iter().map(|c| CardSummary::of(c)).collect();
        writeln!(out, "{}", json(&summaries)?)?;
    } else {
        write_columns(out, &rows(&cards))?;
    }
    if cards.is_empty() {
        eprintln!("no cards match");
        return Ok(super::problem());
    }
    Ok(ExitCode::SUCCESS)
}

/// The text rows: id, tool, level, duration, title.
pub fn rows(cards: &[&LibraryCard]) -> Vec<Vec<String>> {
    cards
        .iter()
        .map(|c| {
            vec![
                line(&c.qualified_id()).into_owned(),
                line(c.card.tool.as_deref().unwrap_or("-")).into_owned(),
                c.card.level.map_or("-".into(), |l| l.to_string()),
                c.card.duration.map_or("-".into(), |m| m.to_string()),
                line(&c.card.title).into_owned(),
            ]
        })
        .collect()
}
