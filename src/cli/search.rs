//! `skillbook search QUERY`: fuzzy over title, tool, tags and summary (title hits first), then
//! cards whose body holds every typed word. Filters work as in the app: `#tag`, `tool:excel`,
//! `level:beginner`, `<20m`.
//!
//! It reads the library index (see [`crate::library::load_indexed`]), not every card file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::list::CardSummary;
use super::output::{json, line};
use crate::library::{self, CardSource, IndexedCard};
use crate::search::{Query, SearchIndex, Tier};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: words, and filters like #tag, tool:excel, level:beginner, <20m
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    query: Vec<String>,
    /// At most this many results
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

#[derive(serde::Serialize)]
struct JsonHit<'a> {
    #[serde(flatten)]
    card: CardSummary<'a>,
    /// Why it was found: title, fields, body (or filtered when only filters were typed).
    found_in: Tier,
    score: i64,
}

/// Searches the library at `root` through the library index, which it brings up to date:
/// with a warm index no card file is read, only checked.
pub fn run(args: &SearchArgs, root: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let query = Query::parse(&args.query.join(" "));
    for problem in &query.problems {
        eprintln!("{}", line(problem));
    }
    let index_file = library::index_file(root);
    let library = library::load_indexed(root, index_file.as_deref());
    let index = SearchIndex::with_body_index(&library.cards, library.body);
    let hits = index.search(&query, args.limit);
    let found: Vec<(&IndexedCard, Tier, i64)> = hits
        .iter()
        .filter_map(|hit| Some((library.cards.get(hit.index)?, hit.tier, hit.score)))
        .collect();
    if args.json {
        let sources: Vec<CardSource> = found.iter().map(|(card, _, _)| card.source()).collect();
        let rows: Vec<JsonHit<'_>> = found
            .iter()
            .zip(&sources)
            .map(|((card, tier, score), source)| JsonHit {
                card: summary_of(card, source),
                found_in: *tier,
                score: *score,
            })
            .collect();
        writeln!(out, "{}", json(&rows)?)?;
    } else {
        let rows: Vec<Vec<String>> = found.iter().map(|(card, _, _)| row_of(card)).collect();
        super::output::write_columns(out, &rows)?;
    }
    if found.is_empty() {
        eprintln!("nothing found for {:?}", line(&args.query.join(" ")));
        return Ok(super::problem());
    }
    Ok(ExitCode::SUCCESS)
}

/// The same JSON as `list --json` gives for the card.
fn summary_of<'a>(card: &'a IndexedCard, source: &'a CardSource) -> CardSummary<'a> {
    CardSummary {
        id: card.qualified_id(),
        title: &card.title,
        summary: card.summary.as_deref(),
        tool: card.tool.as_deref(),
        tags: &card.tags,
        level: card.level,
        duration: card.duration.map(|m| m.get()),
        lang: card.lang.as_deref(),
        source,
        path: card.path.display().to_string(),
    }
}

/// The same text row as `list` gives for the card: id, tool, level, duration, title.
fn row_of(card: &IndexedCard) -> Vec<String> {
    vec![
        line(&card.qualified_id()).into_owned(),
        line(card.tool.as_deref().unwrap_or("-")).into_owned(),
        card.level.map_or("-".into(), |l| l.to_string()),
        card.duration.map_or("-".into(), |m| m.to_string()),
        line(&card.title).into_owned(),
    ]
}
