//! `pack new`: a pack folder made from the user's own cards and plans, ready to share.
//!
//! Cards leave without personal readiness and without `[origin]` (the user's provenance, not
//! the new pack's). Agendas and courses are copied as templates. The folder is built beside its
//! destination and renamed into place, so a failure leaves no half-made pack.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use toml_edit::DocumentMut;

use super::error::{PackError, PackResult};
use super::export::without_readiness;
use super::{MANIFEST, parse_manifest};
use crate::error::Diagnostic;
use crate::library::{CardRef, Library};
use crate::plan::{Plan, load_plan};

/// What a new pack is made of.
#[derive(Debug, Clone, Default)]
pub struct NewPack {
    pub name: String,
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    pub author: Option<String>,
    pub license: Option<String>,
    pub lang: Option<String>,
    /// Ids of the user's own cards.
    pub cards: Vec<String>,
    /// Agenda or course files, copied as templates.
    pub plans: Vec<PathBuf>,
}

/// What `create_pack` made.
#[derive(Debug, Clone)]
pub struct CreatedPack {
    pub folder: PathBuf,
    pub cards: usize,
    pub templates: usize,
    /// Template items naming cards the pack does not have.
    pub warnings: Vec<Diagnostic>,
}

/// Creates the pack folder `<into>/<name>`.
pub fn create_pack(library: &Library, spec: &NewPack, into: &Path) -> PackResult<CreatedPack> {
    let manifest_text = manifest_text(spec);
    let folder = into.join(&spec.name);
    parse_manifest(&folder.join(MANIFEST), &manifest_text).map_err(PackError::Invalid)?;
    if fs::symlink_metadata(&folder).is_ok() {
        return Err(PackError::Refused {
            path: folder,
            message: "exists already; not overwritten".into(),
        });
    }
    let mut files: Vec<(PathBuf, String)> = vec![(PathBuf::from(MANIFEST), manifest_text)];
    let mut ids = HashSet::new();
    for reference in &spec.cards {
        let card = match library.find(reference, None) {
            CardRef::Found(card) if card.is_own() => card,
            _ => {
                return Err(PackError::Card {
                    reference: reference.clone(),
                    message: "names none of your own cards (fork a pack card first)".into(),
                });
            }
        };
        if !ids.insert(card.card.id.clone()) {
            continue;
        }
        let text = without_readiness(&card.path, card.file.original_text().as_bytes(), true)
            .map_err(PackError::Invalid)?;
        files.push((
            PathBuf::from("cards").join(format!("{}.md", card.card.id)),
            text,
        ));
    }
    let mut warnings = Vec::new();
    for path in &spec.plans {
        let text = fs::read_to_string(path).map_err(|e| PackError::io(path, e))?;
        let plan = load_plan(path, &text).map_err(PackError::Invalid)?;
        let exists = |reference: &str| {
            ids.contains(reference)
                || (reference.contains('/')
                    && matches!(library.find(reference, None), CardRef::Found(c) if !c.is_own()))
        };
        let (kind, missing) = match &plan {
            Plan::Agenda(agenda) => ("agendas", agenda.missing_cards(&exists)),
            Plan::Course(course) => ("courses", course.missing_cards(&exists)),
        };
        warnings.extend(missing);
        let file_name = path.file_name().ok_or_else(|| PackError::Refused {
            path: path.clone(),
            message: "is not a file".into(),
        })?;
        files.push((Path::new(kind).join(file_name), text));
    }
    write_new_folder(into, &folder, &files)?;
    Ok(CreatedPack {
        folder,
        cards: ids.len(),
        templates: spec.plans.len(),
        warnings,
    })
}

fn manifest_text(spec: &NewPack) -> String {
    let mut document = DocumentMut::new();
    let table = document.as_table_mut();
    table.insert("name", toml_edit::value(spec.name.as_str()));
    table.insert("version", toml_edit::value(spec.version.as_str()));
    table.insert("title", toml_edit::value(spec.title.as_str()));
    let optional = [
        ("description", &spec.description),
        ("author", &spec.author),
        ("license", &spec.license),
        ("lang", &spec.lang),
    ];
    for (key, value) in optional {
        if let Some(value) = value {
            table.insert(key, toml_edit::value(value.as_str()));
        }
    }
    document.to_string()
}

fn write_new_folder(into: &Path, folder: &Path, files: &[(PathBuf, String)]) -> PackResult<()> {
    fs::create_dir_all(into).map_err(|e| PackError::io(into, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".skillbook-new-")
        .tempdir_in(into)
        .map_err(|e| PackError::io(into, e))?;
    for (path, text) in files {
        let target = staging.path().join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| PackError::io(parent, e))?;
        }
        fs::write(&target, text).map_err(|e| PackError::io(&target, e))?;
    }
    fs::rename(staging.path(), folder).map_err(|e| PackError::io(folder, e))?;
    Ok(())
}
