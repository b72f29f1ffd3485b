//! The command line: the same library as the terminal app, for scripts, tests and people who
//! prefer a shell. Plain text by default, `--json` where noted; problems go to stderr as
//! `path:line:col: message`; exit codes are 0 fine, 1 a problem found or nothing found, 2 wrong
//! usage (clap's own code for usage errors).

mod agenda;
mod check;
mod export;
mod list;
mod new;
mod offer;
mod output;
mod pack;
mod readiness;
mod search;
mod show;
// Run mode: plain text for screen readers.
mod run;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use crate::library::{self, LIBRARY_ENV, Library};

/// A terminal workbook for teaching a concrete digital skill to someone more experienced.
///
/// Skill cards (Markdown with TOML front matter) hold what you can teach; agendas and courses
/// put cards into timed plans. With no command, skillbook opens the terminal app.
#[derive(Debug, Parser)]
#[command(name = "skillbook", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// The library folder [default: the platform data folder, e.g. ~/.local/share/skillbook]
    #[arg(long, global = true, env = LIBRARY_ENV, value_name = "DIR")]
    pub library: Option<PathBuf>,

    /// The terminal app's colour theme: dark, light, high-contrast or one of yours
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What skillbook can do from the shell.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List cards: own cards first, then each pack's
    List(list::ListArgs),
    /// Fuzzy search over title, tool, tags and summary, then words in card bodies
    Search(search::SearchArgs),
    /// Print a card, rendered (styled on a terminal unless NO_COLOR is set)
    Show(show::ShowArgs),
    /// Validate the library and packs; prints every problem as path:line:col: message
    Check(check::CheckArgs),
    /// Print the timetable of an agenda, or of every session of a course
    Agenda(agenda::AgendaArgs),
    /// Open checklist items by card: the whole library, or one agenda or course
    Readiness(readiness::ReadinessArgs),
    /// Draft an invitation or a LinkedIn note from the cards that are ready
    Offer(offer::OfferArgs),
    /// Export an agenda or course: run-sheet, handout or visit card (md, html, txt), or calendar (ics)
    Export(export::ExportArgs),
    /// Create a card, agenda or course in the library
    #[command(subcommand)]
    New(new::NewCommand),
    /// Install, list, fork, export and remove module packs
    #[command(subcommand)]
    Pack(pack::PackCommand),
    /// Print a shell completion script (bash, zsh or fish)
    Completions(CompletionsArgs),
    // Run mode: plain text for screen readers.
    /// Run an agenda as a timer, printing one line of text per change (--plain)
    Run(run::RunArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Runs a parsed command line; with no command, the terminal app.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let Some(command) = cli.command else {
        // The app also honours the config file's library before the platform default.
        let root = cli
            .library
            .or_else(crate::tui::configured_library)
            .map_or_else(|| library_root(None), Ok)?;
        crate::tui::run(root, crate::tui::TuiOptions { theme: cli.theme })?;
        return Ok(ExitCode::SUCCESS);
    };
    let root = library_root(cli.library)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let code = match command {
        Command::List(args) => list::run(&args, &load(&root), &mut out)?,
        Command::Search(args) => search::run(&args, &root, &mut out)?,
        Command::Show(args) => show::run(&args, &load(&root), &mut out)?,
        Command::Check(args) => check::run(&args, &load(&root), &mut out)?,
        Command::Agenda(args) => agenda::run(&args, &load(&root), &mut out)?,
        Command::Readiness(args) => readiness::run(&args, &load(&root), &mut out)?,
        Command::Offer(args) => offer::run(&args, &load(&root), &mut out)?,
        Command::Export(args) => export::run(&args, &load(&root), &mut out)?,
        Command::New(command) => new::run(&command, &load(&root), &mut out)?,
        Command::Pack(command) => pack::run(&command, &root, &mut out)?,
        Command::Completions(args) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut command, "skillbook", &mut out);
            ExitCode::SUCCESS
        }
        // Run mode: plain text for screen readers.
        Command::Run(args) => run::run(&args, &load(&root), &mut out)?,
    };
    out.flush().context("writing to standard output")?;
    Ok(code)
}

/// The library folder: `--library`, then `SKILLBOOK_LIBRARY` (both through clap), then the
/// platform data folder.
pub fn library_root(given: Option<PathBuf>) -> Result<PathBuf> {
    given.or_else(library::default_root).context(
        "cannot tell where your library is: no home folder found; pass --library DIR or set SKILLBOOK_LIBRARY",
    )
}

fn load(root: &std::path::Path) -> Library {
    library::load(root)
}

/// Exit code 1: a problem found, or nothing found.
fn problem() -> ExitCode {
    ExitCode::from(1)
}
