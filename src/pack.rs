//! Module packs: a folder with `pack.toml` and `cards/` (optionally `agendas/` and `courses/` as
//! templates). This module reads manifests; the submodules install, fork, merge and export:
//!
//! - [`install`]: staging a source and moving it into `<library>/packs/<name>` in one rename
//! - [`unpack`], [`archive`], [`folder`], [`git`]: the rules every source is unpacked by; tar
//!   and zip; folders; clones
//! - [`provenance`]: where an installed pack came from
//! - [`fork`], [`merge`]: forked cards and the three-way merge of pack updates into them
//! - [`conflict`]: the conflicts a merge leaves, reported and resolved
//! - [`export`], [`author`]: sharing a pack without personal readiness, and making a new one
//! - [`installed`]: listing and removing installed packs
//! - [`progress`]: how far a running install has got, for the app and the command line

pub mod archive;
pub mod author;
pub mod conflict;
pub mod error;
pub mod export;
pub mod folder;
pub mod fork;
pub mod git;
pub mod install;
pub mod installed;
pub mod merge;
pub mod progress;
pub mod provenance;
pub mod unpack;

pub use error::{PackError, PackResult};

use std::cmp::Ordering;
use std::path::Path;

use crate::card::is_valid_id;
use crate::error::Diagnostics;
use crate::toml_read::{FieldReader, TomlSource};

/// The manifest file's name inside a pack folder.
pub const MANIFEST: &str = "pack.toml";

/// What `pack.toml` says about a pack.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PackManifest {
    /// The folder name and the id prefix (`excel-charts/pivot-chart-slicers`).
    pub name: String,
    pub version: String,
    pub title: String,
    pub description: Option<String>,
    pub author: Option<String>,
    pub license: Option<String>,
    pub lang: Option<String>,
    pub homepage: Option<String>,
}

/// Reads a pack manifest. `name`, `version` and `title` are required; the name must be usable as
/// a folder name and id prefix, the version must be dotted numbers (`1.2.0`).
pub fn parse_manifest(path: &Path, text: &str) -> Result<PackManifest, Diagnostics> {
    let source = TomlSource::whole(path, text);
    let document = source.parse()?;
    let table = document.as_table();
    let mut reader = FieldReader::new(source);
    let name = reader.required_string(table, "name", None);
    if let Some(name) = &name
        && !is_valid_id(name)
    {
        let span = table.get("name").and_then(toml_edit::Item::span);
        reader.problem(
            span,
            format!("{name:?} is not a usable pack name: use lowercase letters, digits and dashes"),
        );
    }
    let version = reader.required_string(table, "version", None);
    if let Some(version) = &version
        && Version::parse(version).is_none()
    {
        let span = table.get("version").and_then(toml_edit::Item::span);
        reader.problem(
            span,
            format!("{version:?} is not a version: write dotted numbers like \"1.2.0\""),
        );
    }
    let title = reader.required_string(table, "title", None);
    let manifest = PackManifest {
        name: name.unwrap_or_default(),
        version: version.unwrap_or_default(),
        title: title.unwrap_or_default(),
        description: reader.string(table, "description"),
        author: reader.string(table, "author"),
        license: reader.string(table, "license"),
        lang: reader.string(table, "lang"),
        homepage: reader.string(table, "homepage"),
    };
    reader.finish()?;
    Ok(manifest)
}

/// A pack version: dotted whole numbers, compared numerically (`1.10.0` > `1.9.2`).
#[derive(Debug, Clone)]
pub struct Version(Vec<u64>);

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Version {}

impl Version {
    pub fn parse(text: &str) -> Option<Version> {
        let parts: Option<Vec<u64>> = text.trim().split('.').map(|p| p.parse().ok()).collect();
        parts.filter(|p| !p.is_empty() && p.len() <= 4).map(Version)
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        let length = self.0.len().max(other.0.len());
        let part = |v: &Version, i: usize| v.0.get(i).copied().unwrap_or(0);
        (0..length)
            .map(|i| part(self, i).cmp(&part(other, i)))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_example_manifest_shape() {
        let text =
            "name = \"excel-charts\" # folder\nversion = \"1.2.0\"\ntitle = \"T\"\nlang = \"en\"\n";
        let manifest = parse_manifest(Path::new("pack.toml"), text).unwrap();
        assert_eq!(manifest.name, "excel-charts");
        assert_eq!(manifest.lang.as_deref(), Some("en"));
    }

    #[test]
    fn bad_manifests_say_where() {
        let error = parse_manifest(
            Path::new("p/pack.toml"),
            "name = \"Bad Name\"\nversion = \"one\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.contains("p/pack.toml:1:8: \"Bad Name\" is not a usable pack name"),
            "{error}"
        );
        assert!(
            error.contains("p/pack.toml:2:11: \"one\" is not a version"),
            "{error}"
        );
        assert!(error.contains("missing \"title\""), "{error}");
    }

    #[test]
    fn versions_compare_numerically() {
        let v = |s| Version::parse(s).unwrap();
        assert!(v("1.10.0") > v("1.9.2"));
        assert_eq!(v("1.2"), v("1.2.0"));
        assert!(Version::parse("1.x").is_none());
    }
}
