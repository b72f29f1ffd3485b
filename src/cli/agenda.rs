//! `skillbook agenda FILE`: the timetable of an agenda, or of every session of a course, with
//! computed start times and how it fits its slot. FILE may also name a pack template
//! (`excel-charts/office-visit-60`), so the bundled templates can be read without files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;

use super::output::block;
use crate::library::Library;
use crate::plan::{load_plan, timetable};

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// An agenda or course file, or a pack template such as excel-charts/office-visit-60
    #[arg(value_name = "FILE", required_unless_present = "templates")]
    file: Option<String>,
    /// List the agenda and course templates the packs ship
    #[arg(long, conflicts_with = "file")]
    templates: bool,
}

pub fn run(args: &AgendaArgs, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    if args.templates {
        for pack in &library.packs {
            for (path, _) in &pack.templates {
                writeln!(out, "{}", block(&template_name(&pack.manifest.name, path)))?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(file) = &args.file else {
        bail!("name an agenda or course file");
    };
    let (path, text, context_pack) = if Path::new(file).exists() {
        let text = std::fs::read_to_string(file).with_context(|| format!("reading {file}"))?;
        (PathBuf::from(file), text, None)
    } else {
        let (path, text, pack) = find_template(library, file)?;
        (path, text, Some(pack))
    };
    let plan = load_plan(&path, &text).map_err(|problems| anyhow::anyhow!("{problems}"))?;
    let mut missing = 0;
    for (index, session) in plan.sessions().iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        let timed = timetable(library, session, context_pack.as_deref());
        write!(
            out,
            "{}",
            block(&timed.render(library, context_pack.as_deref()))
        )?;
        for problem in &timed.missing_cards {
            eprintln!("{}", block(&problem.to_string()));
            missing += 1;
        }
    }
    // The session log (#7): what the last meeting with the same mentee left for this one.
    if let crate::plan::Plan::Agenda(agenda) = &plan
        && let Some(mentee) = &agenda.mentee
        && let Some(last) = crate::log::latest_for_mentee(&library.root, &mentee.name, &path)
    {
        writeln!(out)?;
        writeln!(out, "{}", block(&crate::log::summary(&last)))?;
    }
    Ok(if missing > 0 {
        super::problem()
    } else {
        ExitCode::SUCCESS
    })
}

/// `pack/name` for a template file of a pack.
fn template_name(pack: &str, path: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    format!("{pack}/{stem}")
}

/// A pack template by `pack/name` or a plain `name` that only one pack has: its path, text and
/// pack name.
pub fn find_template(library: &Library, name: &str) -> Result<(PathBuf, String, String)> {
    let mut found = Vec::new();
    for pack in &library.packs {
        for (path, text) in &pack.templates {
            let full = template_name(&pack.manifest.name, path);
            let stem = full.rsplit('/').next().unwrap_or_default();
            if full == name || stem == name {
                found.push((path.clone(), text.clone(), pack.manifest.name.clone()));
            }
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!("no file or pack template named {name:?} (see `skillbook agenda --templates`)"),
        _ => bail!("several packs have a template {name:?}; name it as pack/{name}"),
    }
}
