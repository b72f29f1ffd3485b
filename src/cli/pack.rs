//! `skillbook pack list|install|remove|fork|new|export`: the packs of the library, from the
//! shell. The work is done in `crate::pack`; this file asks, prints and picks exit codes.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};

use super::output::{block, json, line, write_columns};
use crate::library::{self, Library, PackLocation};
use crate::pack::author::{NewPack, create_pack};
use crate::pack::export::export_pack;
use crate::pack::fork::fork_card;
use crate::pack::install::{Change, Installed, Stage, stage_metered};
use crate::pack::installed::{clashes_of, pack_summaries, remove_pack};
use crate::pack::merge::MergeOutcome;
use crate::pack::unpack::Limits;

// Live install progress on stderr (#8).
mod progress;

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// List the packs: name, version, cards and where each came from
    List(ListArgs),
    /// Install a pack from a folder, a .tar.gz/.tgz/.tar, a .zip or a git repository
    Install(InstallArgs),
    /// Remove an installed pack (bundled packs stay)
    Remove(RemoveArgs),
    /// Copy a pack card into your own cards to adapt it; pack updates are merged into the copy
    Fork(ForkArgs),
    /// Make a pack folder from your own cards and agendas, ready to share
    New(NewArgs),
    /// Export a pack without personal readiness, as .tar.gz, .zip or a folder
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of text
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct InstallArgs {
    /// A pack folder, a .tar.gz/.tgz/.tar or .zip file, or a git URL or repository folder
    #[arg(value_name = "SOURCE")]
    source: String,
    /// Install even when the same or a newer version is installed, without asking
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The pack's name
    name: String,
    /// Remove without asking
    #[arg(long, short = 'y')]
    yes: bool,
}

#[derive(Debug, Args)]
pub struct ForkArgs {
    /// The pack card, as pack/id (or a plain id only one pack has)
    #[arg(value_name = "PACK/ID")]
    card: String,
    /// The id of your copy (default: the card's own id)
    #[arg(long)]
    id: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The pack's name: lowercase letters, digits and dashes (the folder name and id prefix)
    name: String,
    /// One of your own cards to include (repeat for more)
    #[arg(long = "card", value_name = "ID")]
    cards: Vec<String>,
    /// An agenda or course file to include as a template (repeat for more)
    #[arg(long = "agenda", value_name = "FILE")]
    agendas: Vec<PathBuf>,
    /// The pack's title [default: the name]
    #[arg(long)]
    title: Option<String>,
    /// The first version
    #[arg(long, default_value = "0.1.0")]
    version: String,
    /// One sentence on what the pack is for
    #[arg(long)]
    description: Option<String>,
    /// Who made it
    #[arg(long)]
    author: Option<String>,
    /// Its licence, e.g. CC-BY-4.0
    #[arg(long)]
    license: Option<String>,
    /// Its language (BCP 47, e.g. en, da)
    #[arg(long)]
    lang: Option<String>,
    /// The folder to create the pack folder in
    #[arg(long, value_name = "DIR", default_value = ".")]
    into: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// An installed or bundled pack's name, or the path of a pack folder
    name: String,
    /// Where to write: OUT.tar.gz, OUT.tgz, OUT.zip, or a new folder
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
}

/// Runs a pack command on the library at `root`.
pub fn run(command: &PackCommand, root: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    match command {
        PackCommand::List(args) => list(args, &library::load(root), out),
        PackCommand::Install(args) => install(args, root, out),
        PackCommand::Remove(args) => remove(args, &library::load(root), out),
        PackCommand::Fork(args) => {
            let library = library::load(root);
            let forked = fork_card(&library, &args.card, args.id.as_deref())
                .context("cannot fork the card")?;
            writeln!(out, "{}", forked.path.display())?;
            eprintln!(
                "forked {}/{} ({}) as {:?}; updates of the pack will be merged into your copy",
                forked.origin.pack, forked.origin.card, forked.origin.version, forked.id
            );
            Ok(ExitCode::SUCCESS)
        }
        PackCommand::New(args) => new_pack(args, &library::load(root), out),
        PackCommand::Export(args) => {
            let exported = export_pack(&library::load(root), &args.name, &args.output)
                .context("cannot export the pack")?;
            writeln!(out, "{}", exported.path.display())?;
            eprintln!(
                "exported {} {} ({} files), without personal readiness",
                exported.manifest.name, exported.manifest.version, exported.files
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn list(args: &ListArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let packs = pack_summaries(library);
    if args.json {
        writeln!(out, "{}", json(&packs)?)?;
    } else {
        let rows: Vec<Vec<String>> = packs
            .iter()
            .map(|pack| {
                vec![
                    line(&pack.name).into_owned(),
                    line(&pack.version).into_owned(),
                    cards(pack.cards),
                    line(&pack.source).into_owned(),
                ]
            })
            .collect();
        write_columns(out, &rows)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn install(args: &InstallArgs, root: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let before = library::load(root);
    let mut shown = progress::Progress::start();
    let meter = std::sync::Arc::clone(&shown.meter);
    let staged = stage_metered(
        root,
        &args.source,
        Limits::default(),
        &meter,
        &mut |stage| {
            shown.step(&stage);
        },
    );
    shown.finish();
    let staged = staged.context("cannot install the pack")?;
    let mut progress = |stage: Stage| eprintln!("{}", line(&stage.to_string()));
    let (name, version) = (&staged.manifest.name, &staged.manifest.version);
    let change = staged.change(&before);
    let question = match &change {
        Change::Same => Some(format!(
            "{name} {version} is installed already; install it again?"
        )),
        Change::Older { from } => Some(format!(
            "{name} {from} is installed; replace it with the older {version}?"
        )),
        Change::Unknown => Some(format!(
            "packs/{name} is there but its version cannot be read; replace it with {version}?"
        )),
        Change::Fresh | Change::Update { .. } => None,
    };
    if let Some(question) = question
        && !args.force
        && !confirmed(&question, "Not installed: pass --force to install anyway")?
    {
        return Ok(super::problem());
    }
    let installed = staged
        .commit(&before, &mut progress)
        .context("cannot install the pack")?;
    report_install(&installed, &args.source, out)
}

fn report_install(installed: &Installed, source: &str, out: &mut dyn Write) -> Result<ExitCode> {
    let library = &installed.library;
    let (name, version) = (&installed.manifest.name, &installed.manifest.version);
    let count = library.pack(name).map_or(0, |pack| pack.card_count);
    let what = match &installed.change {
        Change::Update { from } => format!("updated {name} {from} -> {version}"),
        _ => format!("installed {name} {version}"),
    };
    writeln!(
        out,
        "{}",
        line(&format!("{what} ({}) from {source}", cards(count)))
    )?;
    for broken in library
        .broken
        .iter()
        .filter(|file| file.path.starts_with(&installed.folder))
    {
        for problem in &broken.problems.0 {
            eprintln!("warning: {}", line(&problem.to_string()));
        }
    }
    for clash in clashes_of(library, name) {
        let paths: Vec<String> = clash
            .paths
            .iter()
            .map(|p| library.display_path(p).display().to_string())
            .collect();
        eprintln!(
            "{}",
            line(&format!(
                "warning: duplicate card id {:?}: {} (the first is used for the plain id; name the others as pack/id)",
                clash.id,
                paths.join(", ")
            ))
        );
    }
    let mut conflicts = 0;
    for outcome in &installed.merges {
        conflicts += usize::from(matches!(outcome, MergeOutcome::Conflict { .. }));
        report_merge(library, outcome, name, out)?;
    }
    if conflicts > 0 {
        eprintln!(
            "{} with conflicts: your files are unchanged; resolve the .conflict.md files",
            if conflicts == 1 {
                "1 forked card".to_string()
            } else {
                format!("{conflicts} forked cards")
            }
        );
        return Ok(super::problem());
    }
    Ok(ExitCode::SUCCESS)
}

fn report_merge(
    library: &Library,
    outcome: &MergeOutcome,
    pack: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let shown = |path: &Path| library.display_path(path).display().to_string();
    match outcome {
        MergeOutcome::Merged {
            path,
            from,
            to,
            upstream_changed,
        } => {
            let how = if *upstream_changed {
                "merged the pack's changes, your edits kept"
            } else {
                "no changes in the pack for this card"
            };
            writeln!(
                out,
                "{}",
                line(&format!("merged: {}: {how} ({from} -> {to})", shown(path)))
            )?;
        }
        MergeOutcome::Conflict {
            path,
            conflict_path,
            hunks,
            to,
        } => {
            writeln!(
                out,
                "{}",
                line(&format!(
                    "conflict: {}: your edits and {pack} {to} change the same lines; your file is unchanged",
                    shown(path)
                ))
            )?;
            for hunk in hunks {
                writeln!(out, "  yours:")?;
                write_side(out, &hunk.mine)?;
                writeln!(out, "  {}:", line(&format!("{pack} {to}")))?;
                write_side(out, &hunk.upstream)?;
            }
            writeln!(
                out,
                "{}",
                line(&format!(
                    "  resolve it in {}, then save that over {}",
                    shown(conflict_path),
                    shown(path)
                ))
            )?;
        }
        MergeOutcome::Skipped { path, reason } => {
            writeln!(
                out,
                "{}",
                line(&format!("not merged: {}: {reason}", shown(path)))
            )?;
        }
    }
    Ok(())
}

/// One side of a conflict, each line marked so empty lines still show.
fn write_side(out: &mut dyn Write, text: &str) -> io::Result<()> {
    if text.is_empty() {
        return writeln!(out, "    | (nothing)");
    }
    for text_line in text.lines() {
        writeln!(out, "    | {}", block(text_line))?;
    }
    Ok(())
}

fn remove(args: &RemoveArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let name = &args.name;
    if library
        .pack(name)
        .is_some_and(|pack| pack.location == PackLocation::Bundled)
    {
        bail!("{name:?} is bundled with skillbook and cannot be removed");
    }
    let question = format!("remove the pack {name} and its cards from your library?");
    if !args.yes
        && !confirmed(
            &question,
            "Not removed: pass --yes to remove without asking",
        )?
    {
        return Ok(super::problem());
    }
    let removed = remove_pack(library, name).context("cannot remove the pack")?;
    writeln!(out, "{}", line(&format!("removed {}", removed.name)))?;
    for fork in &removed.forks {
        eprintln!(
            "{}",
            line(&format!(
                "kept your fork {} (it still names {} as its origin)",
                library.display_path(fork).display(),
                removed.name
            ))
        );
    }
    if removed.bundled_again {
        eprintln!("the bundled {name} pack is used again");
    }
    Ok(ExitCode::SUCCESS)
}

fn new_pack(args: &NewArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    if args.cards.is_empty() && args.agendas.is_empty() {
        bail!("name at least one of your cards with --card ID (or a template with --agenda FILE)");
    }
    let spec = NewPack {
        name: args.name.clone(),
        title: args.title.clone().unwrap_or_else(|| args.name.clone()),
        version: args.version.clone(),
        description: args.description.clone(),
        author: args.author.clone(),
        license: args.license.clone(),
        lang: args.lang.clone(),
        cards: args.cards.clone(),
        plans: args.agendas.clone(),
    };
    let created = create_pack(library, &spec, &args.into).context("cannot create the pack")?;
    for warning in &created.warnings {
        eprintln!("warning: {}", line(&warning.to_string()));
    }
    writeln!(out, "{}", created.folder.display())?;
    eprintln!(
        "created the pack {} with {} and {} templates, without personal readiness",
        args.name,
        cards(created.cards),
        created.templates
    );
    Ok(ExitCode::SUCCESS)
}

/// "1 card", "7 cards".
fn cards(count: usize) -> String {
    if count == 1 {
        "1 card".into()
    } else {
        format!("{count} cards")
    }
}

/// Asks on a terminal; elsewhere prints the question with `refusal` (which names the flag that
/// says yes) and answers no.
fn confirmed(question: &str, refusal: &str) -> Result<bool> {
    match confirm(question)? {
        Some(true) => Ok(true),
        Some(false) => {
            eprintln!("nothing changed");
            Ok(false)
        }
        None => {
            eprintln!("{}", line(&format!("{question} {refusal}")));
            Ok(false)
        }
    }
}

/// Asks a yes/no question on stderr. `None` when stdin or stderr is not a terminal: scripts
/// must say what they want with a flag.
fn confirm(question: &str) -> Result<Option<bool>> {
    if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
        return Ok(None);
    }
    eprint!("{} [y/N] ", line(question));
    io::stderr().flush().context("writing to standard error")?;
    let mut answer = String::new();
    io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("reading the answer")?;
    Ok(Some(matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes"
    )))
}
