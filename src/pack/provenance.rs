//! Where an installed pack came from: `packs/<name>/.skillbook-install.toml`, written into the
//! staging folder before the pack moves into place, so the pack and its record arrive together
//! and leave together. The library loader skips hidden files, so the record is never a card.

use std::fs;
use std::path::Path;

use super::error::{PackError, PackResult};
use crate::store::write_atomic;

/// The install record's file name inside an installed pack's folder.
pub const INSTALL_RECORD: &str = ".skillbook-install.toml";

/// What kind of source a pack was installed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Folder,
    Tar,
    #[serde(rename = "tar.gz")]
    TarGz,
    Zip,
    Git,
}

impl SourceKind {
    /// How the kind is named to people and in the record.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Folder => "folder",
            SourceKind::Tar => "tar",
            SourceKind::TarGz => "tar.gz",
            SourceKind::Zip => "zip",
            SourceKind::Git => "git",
        }
    }
}

/// An installed pack's provenance.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InstallRecord {
    /// The folder, archive or repository, as an absolute path or a URL without credentials.
    pub source: String,
    pub kind: SourceKind,
    /// The version from the manifest at install time.
    pub version: String,
    /// When it was installed (RFC 3339, UTC).
    pub installed: String,
    /// The commit a git source was at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

/// Reads the record of the pack installed in `pack_folder`; `None` when there is none or it does
/// not parse (a pack copied in by hand).
pub fn read_record(pack_folder: &Path) -> Option<InstallRecord> {
    let text = fs::read_to_string(pack_folder.join(INSTALL_RECORD)).ok()?;
    toml::from_str(&text).ok()
}

/// Writes the record into `pack_folder`.
pub fn write_record(pack_folder: &Path, record: &InstallRecord) -> PackResult<()> {
    let path = pack_folder.join(INSTALL_RECORD);
    let body = toml::to_string(record).map_err(|e| PackError::Refused {
        path: path.clone(),
        message: format!("cannot write the install record: {e}"),
    })?;
    let text = format!("# Written by skillbook when this pack was installed. Do not edit.\n{body}");
    write_atomic(&path, text.as_bytes())?;
    Ok(())
}

/// A URL with any `user:password@` part taken out, so a token typed into a clone URL is never
/// written to disk.
pub fn without_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let host_end = rest.find('/').unwrap_or(rest.len());
    match rest[..host_end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip() {
        let folder = tempfile::tempdir().unwrap();
        let record = InstallRecord {
            source: "https://example.org/packs/excel.git".into(),
            kind: SourceKind::Git,
            version: "1.2.0".into(),
            installed: "2026-01-02T03:04:05Z".into(),
            commit: Some("abc123".into()),
        };
        write_record(folder.path(), &record).unwrap();
        assert_eq!(read_record(folder.path()), Some(record));
        let text = fs::read_to_string(folder.path().join(INSTALL_RECORD)).unwrap();
        assert!(text.contains("kind = \"git\""), "{text}");
    }

    #[test]
    fn credentials_are_never_recorded() {
        assert_eq!(
            without_credentials("https://me:s3cret@example.org/a/b.git"),
            "https://example.org/a/b.git"
        );
        assert_eq!(
            without_credentials("https://example.org/a@b.git"),
            "https://example.org/a@b.git"
        );
        assert_eq!(without_credentials("git@host:a/b.git"), "git@host:a/b.git");
    }
}
