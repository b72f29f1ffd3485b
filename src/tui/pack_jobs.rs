//! The pack browser's side effects: reading install records, installing, removing and forking.
//! They run in the runtime, never in `update`; an install reports each step as a progress
//! action, which the runtime applies and draws at once, so the user sees where it is.
//!
//! An install that replaces the same or a newer version stops after staging and asks. The staged
//! pack waits in a [`PendingInstall`] handle that travels through the question and back, and only
//! the runtime commits or drops it (dropping removes the staging folder: file work).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ratatui::backend::Backend;

use super::action::Action;
use super::runtime::Tui;
use crate::library::{self, Library};
use crate::pack::error::PackError;
use crate::pack::install::{Change, Installed, Stage, Staged, stage_metered};
use crate::pack::installed::{clashes_of, remove_pack};
use crate::pack::merge::MergeOutcome;
use crate::pack::progress::Meter;
use crate::pack::provenance::{InstallRecord, read_record};
use crate::pack::unpack::Limits;

/// A staged install waiting for the user's yes or no. Equal only to itself.
#[derive(Clone)]
pub struct PendingInstall(Arc<Mutex<Option<Staged>>>);

impl PendingInstall {
    fn new(staged: Staged) -> Self {
        PendingInstall(Arc::new(Mutex::new(Some(staged))))
    }

    /// The staged pack, once: a second yes finds nothing.
    fn take(&self) -> Option<Staged> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

impl fmt::Debug for PendingInstall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PendingInstall")
    }
}

impl PartialEq for PendingInstall {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for PendingInstall {}

/// What the pack browser asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackEffect {
    /// Read the install records in `<root>/packs/`; answered by [`PackAction::Records`].
    ReadRecords(PathBuf),
    /// Stage `source` and install it, or ask first when it would replace the same or a newer
    /// version.
    Install { root: PathBuf, source: String },
    /// Install a staged pack the user said yes to.
    Commit {
        root: PathBuf,
        pending: PendingInstall,
    },
    /// Drop a staged pack the user said no to.
    Discard(PendingInstall),
    /// Remove the installed pack `name`.
    Remove { root: PathBuf, name: String },
    /// Fork the pack card `reference` (`pack/id`) into the user's cards.
    Fork { root: PathBuf, reference: String },
    /// Fork the pack card `reference` under the new id `id` (one of my cards has its id) (#8).
    ForkAs {
        root: PathBuf,
        reference: String,
        id: String,
    },
}

/// What comes back to the pack browser.
#[derive(Debug, Clone)]
pub enum PackAction {
    /// The install records, by pack folder name.
    Records(Vec<(String, InstallRecord)>),
    /// A step of a running install.
    Progress(String),
    /// A staged install that replaces the same or a newer version: ask this question.
    Ask {
        question: String,
        pending: PendingInstall,
    },
    /// How far the running install has unpacked (#8).
    Unpacked { entries: u64, bytes: u64 },
    /// The job is over: what to tell the user, whether the library changed on disk, and the
    /// pack it installed (to select once the library is read again).
    Done {
        lines: Vec<String>,
        changed: bool,
        installed: Option<String>,
    },
}

/// Runs a pack job; `progress` gets each step of an install as a line.
pub fn run(effect: PackEffect, progress: &mut dyn FnMut(String)) -> Action {
    Action::Pack(run_metered(effect, &Arc::new(Meter::default()), progress))
}

impl PackEffect {
    /// Whether the job can take long enough to run on a worker thread: installs, and the
    /// commit of one the user said yes to (it merges forks) (#8).
    pub fn runs_in_background(&self) -> bool {
        matches!(self, PackEffect::Install { .. } | PackEffect::Commit { .. })
    }
}

/// [`run`], counting an install's entries and bytes into `meter` and stopping when it asks.
pub fn run_metered(
    effect: PackEffect,
    meter: &Arc<Meter>,
    progress: &mut dyn FnMut(String),
) -> PackAction {
    match effect {
        PackEffect::ReadRecords(root) => PackAction::Records(read_records(&root)),
        PackEffect::Install { root, source } => install(&root, &source, meter, progress),
        PackEffect::Commit { root, pending } => match pending.take() {
            Some(staged) => commit(staged, &library::load(&root), progress),
            None => done(
                vec!["Nothing to install: the staged pack is gone.".into()],
                false,
            ),
        },
        PackEffect::Discard(pending) => {
            drop(pending.take());
            done(vec!["Not installed; nothing changed.".into()], false)
        }
        PackEffect::Remove { root, name } => remove(&library::load(&root), &name),
        PackEffect::Fork { root, reference } => fork(&library::load(&root), &reference, None),
        PackEffect::ForkAs {
            root,
            reference,
            id,
        } => fork(&library::load(&root), &reference, Some(&id)),
    }
}

fn done(lines: Vec<String>, changed: bool) -> PackAction {
    PackAction::Done {
        lines,
        changed,
        installed: None,
    }
}

fn read_records(root: &Path) -> Vec<(String, InstallRecord)> {
    let Ok(entries) = std::fs::read_dir(root.join("packs")) else {
        return Vec::new();
    };
    let mut records: Vec<(String, InstallRecord)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            read_record(&entry.path()).map(|record| (name, record))
        })
        .collect();
    records.sort_by(|a, b| a.0.cmp(&b.0));
    records
}

fn install(
    root: &Path,
    source: &str,
    meter: &Arc<Meter>,
    progress: &mut dyn FnMut(String),
) -> PackAction {
    let before = library::load(root);
    let staged = stage_metered(
        root,
        source,
        Limits::default(),
        meter,
        &mut |step: Stage| {
            progress(step.to_string());
        },
    );
    let staged = match staged {
        Ok(staged) => staged,
        Err(error) => return failed("Cannot install the pack", &error),
    };
    let (name, version) = (&staged.manifest.name, &staged.manifest.version);
    let question = match staged.change(&before) {
        Change::Same => Some(format!(
            "{name} {version} is installed already. Install it again?"
        )),
        Change::Older { from } => Some(format!(
            "{name} {from} is installed. Replace it with the older {version}?"
        )),
        Change::Unknown => Some(format!(
            "packs/{name} is there but its version cannot be read. Replace it with {version}?"
        )),
        Change::Fresh | Change::Update { .. } => None,
    };
    match question {
        Some(question) => PackAction::Ask {
            question,
            pending: PendingInstall::new(staged),
        },
        None => commit(staged, &before, progress),
    }
}

fn commit(staged: Staged, before: &Library, progress: &mut dyn FnMut(String)) -> PackAction {
    let source = staged.source.given.clone();
    match staged.commit(before, &mut |step: Stage| progress(step.to_string())) {
        Ok(installed) => PackAction::Done {
            lines: install_report(&installed, &source),
            changed: true,
            installed: Some(installed.manifest.name),
        },
        Err(error) => failed("Cannot install the pack", &error),
    }
}

fn failed(what: &str, error: &PackError) -> PackAction {
    done(vec![format!("{what}: {error}")], false)
}

/// What an install did, in a few lines: the pack, then anything the user should look at.
fn install_report(installed: &Installed, source: &str) -> Vec<String> {
    let library = &installed.library;
    let (name, version) = (&installed.manifest.name, &installed.manifest.version);
    let count = library.pack(name).map_or(0, |pack| pack.card_count);
    let what = match &installed.change {
        Change::Update { from } => format!("Updated {name} {from} -> {version}"),
        _ => format!("Installed {name} {version}"),
    };
    let mut lines = vec![format!("{what} ({}) from {source}.", cards(count))];
    let broken = library
        .broken
        .iter()
        .filter(|file| file.path.starts_with(&installed.folder))
        .count();
    if broken > 0 {
        lines.push(format!(
            "{} of it cannot be read: see Problems in the library.",
            files(broken)
        ));
    }
    for clash in clashes_of(library, name) {
        lines.push(format!(
            "Card id {:?} is in {} places: the first wins for the plain id.",
            clash.id,
            clash.paths.len()
        ));
    }
    for outcome in &installed.merges {
        let shown = |path: &Path| library.display_path(path).display().to_string();
        lines.push(match outcome {
            MergeOutcome::Merged { path, .. } => format!("Merged into your fork {}.", shown(path)),
            MergeOutcome::Conflict {
                path,
                conflict_path,
                ..
            } => format!(
                "Conflict in your fork {}: resolve {} (your file is unchanged).",
                shown(path),
                shown(conflict_path)
            ),
            MergeOutcome::Skipped { path, reason } => {
                format!("Not merged into {}: {reason}.", shown(path))
            }
        });
    }
    // The update's result in one line (#8).
    if !installed.merges.is_empty() {
        lines.push(merge_summary(&installed.merges));
    }
    lines
}

/// How the forks fared: `Forks: 2 merged cleanly, 1 conflict (marked ⚠ in your cards).`
fn merge_summary(merges: &[MergeOutcome]) -> String {
    let count = |f: fn(&MergeOutcome) -> bool| merges.iter().filter(|m| f(m)).count();
    let merged = count(|m| matches!(m, MergeOutcome::Merged { .. }));
    let conflicts = count(|m| matches!(m, MergeOutcome::Conflict { .. }));
    let skipped = count(|m| matches!(m, MergeOutcome::Skipped { .. }));
    let mut parts = vec![format!("{merged} merged cleanly")];
    if conflicts > 0 {
        parts.push(match conflicts {
            1 => "1 conflict to resolve (marked ⚠ in your cards)".to_string(),
            n => format!("{n} conflicts to resolve (marked ⚠ in your cards)"),
        });
    }
    if skipped > 0 {
        parts.push(format!("{skipped} not merged"));
    }
    format!("Forks: {}.", parts.join(", "))
}

fn remove(library: &Library, name: &str) -> PackAction {
    match remove_pack(library, name) {
        Ok(removed) => {
            let mut lines = vec![format!("Removed {}.", removed.name)];
            if !removed.forks.is_empty() {
                lines.push(match removed.forks.len() {
                    1 => "Your fork of it stays in your cards.".to_string(),
                    n => format!("Your {n} forks of it stay in your cards."),
                });
            }
            if removed.bundled_again {
                lines.push(format!("The bundled {name} pack is used again."));
            }
            done(lines, true)
        }
        Err(error) => failed("Cannot remove the pack", &error),
    }
}

fn fork(library: &Library, reference: &str, id: Option<&str>) -> PackAction {
    match crate::pack::fork::fork_card(library, reference, id) {
        Ok(forked) => done(
            vec![format!(
                "Forked {reference} into your cards as {}: updates of the pack are merged into it.",
                library.display_path(&forked.path).display()
            )],
            true,
        ),
        Err(error) => failed("Cannot fork the card", &error),
    }
}

fn cards(count: usize) -> String {
    if count == 1 {
        "1 card".into()
    } else {
        format!("{count} cards")
    }
}

fn files(count: usize) -> String {
    if count == 1 {
        "1 file".into()
    } else {
        format!("{count} files")
    }
}

impl<B> Tui<B>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
{
    /// Runs a pack job, applying and drawing each progress line as it comes, so a slow clone
    /// or a large archive shows where it is.
    pub fn run_pack_job(&mut self, effect: PackEffect) -> Action {
        let mut progress = |line: String| {
            self.app.update(Action::Pack(PackAction::Progress(line)));
            // A failed draw is not the install's business; the next draw reports it.
            let _ = self.draw();
        };
        run(effect, &mut progress)
    }
}
