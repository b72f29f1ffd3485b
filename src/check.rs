//! Validating the whole library: what `skillbook check` reports and the app shows. Loading
//! already keeps broken files; this adds what needs the whole library to see: duplicate ids,
//! prerequisites and plan items that name no card, and plans that do not parse.

use std::path::Path;

use crate::error::{Diagnostic, Position};
use crate::library::{CardSource, Library};
use crate::plan::load_plan;

/// Every problem in the library and its packs, sorted by file and position.
pub fn check_library(library: &Library) -> Vec<Diagnostic> {
    let mut problems: Vec<Diagnostic> = library.load_problems().cloned().collect();
    problems.extend(duplicate_ids(library));
    problems.extend(missing_prerequisites(library));
    for path in library.agenda_paths.iter().chain(&library.course_paths) {
        match std::fs::read_to_string(path) {
            Ok(text) => problems.extend(plan_problems(library, path, &text, None)),
            Err(error) => problems.push(Diagnostic::new(
                path,
                Position::START,
                format!("cannot read: {error}"),
            )),
        }
    }
    for pack in &library.packs {
        for (path, text) in &pack.templates {
            problems.extend(plan_problems(
                library,
                path,
                text,
                Some(&pack.manifest.name),
            ));
        }
    }
    problems.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
    problems.dedup();
    problems
}

fn duplicate_ids(library: &Library) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for duplicate in library.duplicate_ids() {
        for (index, path) in duplicate.paths.iter().enumerate() {
            let others: Vec<String> = duplicate
                .paths
                .iter()
                .filter(|other| *other != path)
                .map(|other| other.display().to_string())
                .collect();
            let all_own = duplicate.paths.iter().all(|p| {
                library
                    .cards
                    .iter()
                    .any(|card| &card.path == p && card.is_own())
            });
            let note = match (all_own, index) {
                (true, _) => "give one of them another id",
                (false, 0) => "this one is used for the plain id; name the others as pack/id",
                (false, _) => "name this card as pack/id to use it",
            };
            let position = library
                .cards
                .iter()
                .find(|card| &card.path == path)
                .map_or(Position::START, |card| card.file.position_of("id", None));
            problems.push(Diagnostic::new(
                path,
                position,
                format!(
                    "duplicate card id {:?}: also {} ({note})",
                    duplicate.id,
                    others.join(", ")
                ),
            ));
        }
    }
    problems
}

fn missing_prerequisites(library: &Library) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for card in &library.cards {
        let pack = match &card.source {
            CardSource::Own => None,
            CardSource::Pack { pack } => Some(pack.as_str()),
        };
        for (index, prerequisite) in card.card.prerequisites.iter().enumerate() {
            if library.find_index(prerequisite, pack).is_none() {
                problems.push(Diagnostic::new(
                    &card.path,
                    card.file.position_of("prerequisites", Some(index)),
                    format!("prerequisite {prerequisite:?} names no card"),
                ));
            }
        }
    }
    problems
}

/// Parse problems of a plan file, or the card items that name no card.
pub fn plan_problems(
    library: &Library,
    path: &Path,
    text: &str,
    context_pack: Option<&str>,
) -> Vec<Diagnostic> {
    match load_plan(path, text) {
        Ok(plan) => plan.missing_cards(library, context_pack),
        Err(problems) => problems.0,
    }
}
