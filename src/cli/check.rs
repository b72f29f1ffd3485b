//! `skillbook check`: validate everything and print every problem as `path:line:col: message`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::output::{json, line};
use crate::check::check_library;
use crate::library::Library;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Print the problems as JSON (path, line, column, message)
    #[arg(long)]
    json: bool,
}

#[derive(serde::Serialize)]
struct JsonProblem<'a> {
    path: String,
    line: usize,
    column: usize,
    message: &'a str,
}

pub fn run(args: &CheckArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let problems = check_library(library);
    if args.json {
        let rows: Vec<JsonProblem<'_>> = problems
            .iter()
            .map(|p| JsonProblem {
                path: p.path.display().to_string(),
                line: p.position.line,
                column: p.position.column,
                message: &p.message,
            })
            .collect();
        writeln!(out, "{}", json(&rows)?)?;
    } else {
        for problem in &problems {
            writeln!(out, "{}", line(&problem.to_string()))?;
        }
    }
    let files = problems
        .iter()
        .map(|p| &p.path)
        .collect::<std::collections::HashSet<_>>()
        .len();
    if problems.is_empty() {
        eprintln!(
            "no problems: {} in {} and your library, {}, {}",
            plural(library.cards.len(), "card"),
            plural(library.packs.len(), "pack"),
            plural(library.agenda_paths.len(), "agenda"),
            plural(library.course_paths.len(), "course")
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{} in {}",
            plural(problems.len(), "problem"),
            plural(files, "file")
        );
        Ok(super::problem())
    }
}

/// `1 problem`, `3 problems`.
fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
