//! `skillbook export FILE --format md|html|ics|txt [--for mentor|participant] [--card] [-o OUT]`:
//! a plan as a run-sheet, a handout, a visit card or a calendar file. The export itself is the
//! domain's pure function; this command only reads the plan, writes the result (atomically,
//! with `-o`) and reports what the plan names but the library lacks.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};

use super::agenda::find_template;
use super::output::{block, line};
use crate::export::{Document, ExportRequest, Format, export};
use crate::library::Library;
use crate::plan::load_plan;
use crate::store::write_atomic;

/// The arguments of `skillbook export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// An agenda or course file, or a pack template such as excel-charts/office-visit-60
    #[arg(value_name = "FILE")]
    file: String,
    /// The file format: md (Markdown), html (one printable page), ics (calendar), txt (mail)
    #[arg(long, short, value_enum, value_name = "FORMAT")]
    format: FormatArg,
    /// Who the document is for: the mentor's run-sheet or the participant's handout
    #[arg(
        long = "for",
        value_enum,
        default_value = "mentor",
        value_name = "READER"
    )]
    reader: Reader,
    /// Only the one-page visit card: when, where, who, goals, timetable, offer and ask
    #[arg(long, conflicts_with = "reader")]
    card: bool,
    /// Write to this file instead of standard output (replaced in one step, never half-written)
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Md,
    Html,
    Ics,
    Txt,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Reader {
    /// The run-sheet: timings, notes, Show it steps, pitfalls, the before-you-go list
    Mentor,
    /// The handout: what each card teaches, the exercises, the links to keep
    Participant,
}

/// Exports the plan `args` name; exit code 1 when it names missing cards (the export is still
/// made) or cannot be exported at all (a calendar of an undated agenda).
pub fn run(args: &ExportArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let (path, text, context_pack) = if Path::new(&args.file).exists() {
        let text = std::fs::read_to_string(&args.file)
            .with_context(|| format!("reading {}", args.file))?;
        (PathBuf::from(&args.file), text, None)
    } else {
        let (path, text, pack) = find_template(library, &args.file)?;
        (path, text, Some(pack))
    };
    let plan = match load_plan(&path, &text) {
        Ok(plan) => plan,
        Err(problems) => {
            eprintln!("{}", block(&problems.to_string()));
            return Ok(super::problem());
        }
    };
    let request = ExportRequest {
        format: match args.format {
            FormatArg::Md => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Ics => Format::Ics,
            FormatArg::Txt => Format::Text,
        },
        document: match (args.card, args.reader) {
            (true, _) => Document::VisitCard,
            (false, Reader::Mentor) => Document::RunSheet,
            (false, Reader::Participant) => Document::Handout,
        },
        stamp: chrono::Utc::now(),
    };
    let exported = match export(&plan, library, context_pack.as_deref(), &request) {
        Ok(exported) => exported,
        Err(problems) => {
            eprintln!("{}", block(&problems.to_string()));
            return Ok(super::problem());
        }
    };
    match &args.output {
        Some(target) => {
            write_atomic(target, exported.text.as_bytes())?;
            writeln!(out, "{}", line(&target.display().to_string()))?;
        }
        // The export made every piece of card text safe for its format already.
        None => out.write_all(exported.text.as_bytes())?,
    }
    for problem in &exported.missing_cards {
        eprintln!("{}", line(&problem.to_string()));
    }
    Ok(if exported.missing_cards.is_empty() {
        ExitCode::SUCCESS
    } else {
        super::problem()
    })
}
