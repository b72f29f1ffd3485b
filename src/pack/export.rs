//! Exporting a pack as a `.tar.gz`, a `.zip` or a folder that installs cleanly elsewhere.
//!
//! Readiness is personal, so it never travels: every card leaves without `ready = [...]` and
//! with every `[[checklist]]` item's `done` set to false. Only that changes; the rest of each
//! card is byte for byte as it was. Hidden files (the install record) stay home.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;

use super::error::{PackError, PackResult};
use super::{MANIFEST, PackManifest, parse_manifest};
use crate::card::{SkillCard, parse_card, render_card};
use crate::error::Diagnostics;
use crate::library::{Library, PackLocation, bundled_files};

/// What an export is written as, by the output's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    TarGz,
    Zip,
    Folder,
}

impl ExportFormat {
    /// `.tar.gz` and `.tgz` are gzipped tar, `.zip` is zip, anything else a folder.
    pub fn for_output(path: &Path) -> ExportFormat {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
            ExportFormat::TarGz
        } else if name.ends_with(".zip") {
            ExportFormat::Zip
        } else {
            ExportFormat::Folder
        }
    }
}

/// A pack's files in memory: paths relative to the pack folder (with `/`), and contents.
#[derive(Debug, Clone)]
pub struct PackFiles {
    pub manifest: PackManifest,
    pub files: Vec<(String, Vec<u8>)>,
}

/// The files of the pack `name` (installed or bundled), or of the pack folder at that path.
pub fn pack_files(library: &Library, name: &str) -> PackResult<PackFiles> {
    let files = match library.pack(name).map(|pack| &pack.location) {
        Some(PackLocation::Bundled) => {
            let prefix = format!("{name}/");
            bundled_files()
                .iter()
                .filter_map(|(path, text)| {
                    let rest = path.strip_prefix(&prefix)?;
                    Some((rest.to_string(), text.as_bytes().to_vec()))
                })
                .collect()
        }
        Some(PackLocation::Installed { folder }) => read_folder(folder)?,
        None if Path::new(name).join(MANIFEST).is_file() => read_folder(Path::new(name))?,
        None => {
            return Err(PackError::NoSuchPack {
                name: name.to_string(),
            });
        }
    };
    let manifest_text = files
        .iter()
        .find(|(path, _)| path == MANIFEST)
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .ok_or_else(|| PackError::NoManifest {
            input: name.to_string(),
        })?;
    let manifest = parse_manifest(&Path::new(name).join(MANIFEST), &manifest_text)
        .map_err(PackError::Invalid)?;
    Ok(PackFiles { manifest, files })
}

/// Every regular, non-hidden file below `folder`, sorted. A link is refused, not followed.
fn read_folder(folder: &Path) -> PackResult<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    let mut pending = vec![(folder.to_path_buf(), String::new())];
    while let Some((current, prefix)) = pending.pop() {
        for entry in fs::read_dir(&current).map_err(|e| PackError::io(&current, e))? {
            let entry = entry.map_err(|e| PackError::io(&current, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| PackError::io(&path, e))?;
            let relative = format!("{prefix}{name}");
            if kind.is_dir() {
                pending.push((path, format!("{relative}/")));
            } else if kind.is_file() {
                let bytes = fs::read(&path).map_err(|e| PackError::io(&path, e))?;
                files.push((relative, bytes));
            } else {
                return Err(PackError::Refused {
                    path,
                    message: "is a link or special file; a pack holds only files and folders"
                        .into(),
                });
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A card's text without personal readiness: no `ready`, every checklist item not done.
/// `strip_origin` also drops `[origin]` (a card leaving the user's own library for a new pack).
pub fn without_readiness(
    path: &Path,
    bytes: &[u8],
    strip_origin: bool,
) -> Result<String, Diagnostics> {
    let (card, file) = parse_card(path, bytes)?;
    let mut shared: SkillCard = card.clone();
    shared.ready.clear();
    for item in &mut shared.checklist {
        item.done = false;
    }
    if strip_origin {
        shared.origin = None;
    }
    Ok(render_card(&file, &card, &shared))
}

/// The pack's files as they may be shared: cards without readiness. A card that does not parse
/// stops the export, since its readiness cannot be taken out.
pub fn shareable(pack: &PackFiles, name: &str) -> PackResult<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::with_capacity(pack.files.len());
    let mut problems = Vec::new();
    for (path, bytes) in &pack.files {
        if path.starts_with("cards/") && path.ends_with(".md") {
            match without_readiness(&Path::new(name).join(path), bytes, false) {
                Ok(text) => out.push((path.clone(), text.into_bytes())),
                Err(found) => problems.extend(found.0),
            }
        } else {
            out.push((path.clone(), bytes.clone()));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(PackError::Invalid(Diagnostics(problems)))
    }
}

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct Exported {
    pub path: PathBuf,
    pub format: ExportFormat,
    pub manifest: PackManifest,
    pub files: usize,
}

/// Exports the pack `name` (installed, bundled, or a pack folder's path) to `out`, whose name
/// picks the format. An existing file or non-empty folder at `out` is not replaced.
pub fn export_pack(library: &Library, name: &str, out: &Path) -> PackResult<Exported> {
    let pack = pack_files(library, name)?;
    let files = shareable(&pack, name)?;
    let format = ExportFormat::for_output(out);
    let in_the_way = match fs::symlink_metadata(out) {
        Ok(metadata) if metadata.is_dir() && format == ExportFormat::Folder => fs::read_dir(out)
            .map(|mut entries| entries.next().is_some())
            .unwrap_or(true),
        Ok(_) => true,
        Err(_) => false,
    };
    if in_the_way {
        return Err(PackError::Refused {
            path: out.to_path_buf(),
            message: "exists already; not overwritten".into(),
        });
    }
    let folder = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(folder).map_err(|e| PackError::io(folder, e))?;
    let top = &pack.manifest.name;
    match format {
        ExportFormat::TarGz => write_tar_gz(folder, out, top, &files)?,
        ExportFormat::Zip => write_zip(folder, out, top, &files)?,
        ExportFormat::Folder => write_folder(folder, out, &files)?,
    }
    Ok(Exported {
        path: out.to_path_buf(),
        format,
        manifest: pack.manifest,
        files: files.len(),
    })
}

fn temporary_in(folder: &Path) -> PackResult<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(".skillbook-export-")
        .tempfile_in(folder)
        .map_err(|e| PackError::io(folder, e))
}

fn write_tar_gz(
    folder: &Path,
    out: &Path,
    top: &str,
    files: &[(String, Vec<u8>)],
) -> PackResult<()> {
    let temporary = temporary_in(folder)?;
    let io_error = |e| PackError::io(out, e);
    let encoder = GzEncoder::new(temporary.as_file(), Compression::default());
    let mut builder = tar::Builder::new(encoder);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    for (path, bytes) in files {
        let mut header = tar::Header::new_gnu();
        header.set_entry_type(tar::EntryType::Regular);
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(now);
        builder
            .append_data(&mut header, format!("{top}/{path}"), bytes.as_slice())
            .map_err(io_error)?;
    }
    let encoder = builder.into_inner().map_err(io_error)?;
    encoder.finish().map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    temporary
        .persist(out)
        .map_err(|e| PackError::io(out, e.error))?;
    Ok(())
}

fn write_zip(folder: &Path, out: &Path, top: &str, files: &[(String, Vec<u8>)]) -> PackResult<()> {
    let temporary = temporary_in(folder)?;
    let zip_error = |e: zip::result::ZipError| PackError::io(out, std::io::Error::other(e));
    let mut writer = zip::ZipWriter::new(temporary.as_file());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for (path, bytes) in files {
        writer
            .start_file(format!("{top}/{path}"), options)
            .map_err(zip_error)?;
        writer.write_all(bytes).map_err(|e| PackError::io(out, e))?;
    }
    writer.finish().map_err(zip_error)?;
    temporary
        .as_file()
        .sync_all()
        .map_err(|e| PackError::io(out, e))?;
    temporary
        .persist(out)
        .map_err(|e| PackError::io(out, e.error))?;
    Ok(())
}

/// Writes the files into a new folder beside `out`, then renames it into place.
fn write_folder(folder: &Path, out: &Path, files: &[(String, Vec<u8>)]) -> PackResult<()> {
    let staging = tempfile::Builder::new()
        .prefix(".skillbook-export-")
        .tempdir_in(folder)
        .map_err(|e| PackError::io(folder, e))?;
    for (path, bytes) in files {
        let target = staging.path().join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| PackError::io(parent, e))?;
        }
        fs::write(&target, bytes).map_err(|e| PackError::io(&target, e))?;
    }
    if out.is_dir() {
        // Checked empty above.
        fs::remove_dir(out).map_err(|e| PackError::io(out, e))?;
    }
    fs::rename(staging.path(), out).map_err(|e| PackError::io(out, e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_is_taken_out_and_nothing_else_changes() {
        let text = "+++\ntitle = \"T\"  # kept\nready = [\"outcome\", \"show-it\"]\n\n[[checklist]]\nitem = \"A\"\ndone = true # mine\n\n[origin]\npack = \"p\"\ncard = \"c\"\nversion = \"1.0.0\"\n+++\nBody\n";
        let shared = without_readiness(Path::new("c.md"), text.as_bytes(), false).unwrap();
        assert_eq!(
            shared,
            "+++\ntitle = \"T\"  # kept\n\n[[checklist]]\nitem = \"A\"\ndone = false # mine\n\n[origin]\npack = \"p\"\ncard = \"c\"\nversion = \"1.0.0\"\n+++\nBody\n"
        );
        let fresh = without_readiness(Path::new("c.md"), text.as_bytes(), true).unwrap();
        assert!(!fresh.contains("[origin]"), "{fresh}");
    }

    #[test]
    fn formats_follow_the_output_name() {
        assert_eq!(
            ExportFormat::for_output(Path::new("a.tar.gz")),
            ExportFormat::TarGz
        );
        assert_eq!(
            ExportFormat::for_output(Path::new("A.TGZ")),
            ExportFormat::TarGz
        );
        assert_eq!(
            ExportFormat::for_output(Path::new("a.zip")),
            ExportFormat::Zip
        );
        assert_eq!(
            ExportFormat::for_output(Path::new("out/excel")),
            ExportFormat::Folder
        );
    }
}
