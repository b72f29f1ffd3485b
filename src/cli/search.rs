//! `skillbook search QUERY`: fuzzy over title, tool, tags and summary (title hits first), then
//! cards whose body holds every typed word. Filters work as in the app: `#tag`, `tool:excel`,
//! `level:beginner`, `<20m`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::list::{CardSummary, rows};
use super::output::{json, line};
use crate::library::{Library, LibraryCard};
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

pub fn run(args: &SearchArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let query = Query::parse(&args.query.join(" "));
    for problem in &query.problems {
        eprintln!("{}", line(problem));
    }
    let cards: Vec<&crate::card::SkillCard> = library.cards.iter().map(|c| &c.card).collect();
    let index = SearchIndex::new(&cards);
    let hits = index.search(&query, args.limit);
    let found: Vec<(&LibraryCard, Tier, i64)> = hits
        .iter()
        .map(|hit| (&library.cards[hit.index], hit.tier, hit.score))
        .collect();
    if args.json {
        let rows: Vec<JsonHit<'_>> = found
            .iter()
            .map(|(card, tier, score)| JsonHit {
                card: CardSummary::of(card),
                found_in: *tier,
                score: *score,
            })
            .collect();
        writeln!(out, "{}", json(&rows)?)?;
    } else {
        let cards: Vec<&LibraryCard> = found.iter().map(|(card, _, _)| *card).collect();
        super::output::write_columns(out, &rows(&cards))?;
    }
    if found.is_empty() {
        eprintln!("nothing found for {:?}", line(&args.query.join(" ")));
        return Ok(super::problem());
    }
    Ok(ExitCode::SUCCESS)
}
