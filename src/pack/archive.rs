//! Reading `.tar`, `.tar.gz` and `.zip` archives through the [`Unpacker`]'s rules. Nothing here
//! writes a file itself, so no archive entry can get around the checks.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use super::error::{PackError, PackResult};
use super::unpack::{OtherKind, StreamTooLong, Unpacker, human_size, stream_limit_of};

/// The archive formats a pack can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArchiveFormat {
    /// `.tar`
    Tar,
    /// `.tar.gz` or `.tgz`
    TarGz,
    /// `.zip`
    Zip,
}

impl ArchiveFormat {
    /// The format by file name, then by the first bytes of the file.
    pub fn detect(path: &Path) -> Option<ArchiveFormat> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if name.ends_with(".tar.gz") || name.ends_with(".tgz") {
            return Some(ArchiveFormat::TarGz);
        }
        if name.ends_with(".tar") {
            return Some(ArchiveFormat::Tar);
        }
        if name.ends_with(".zip") {
            return Some(ArchiveFormat::Zip);
        }
        let mut head = [0u8; 262];
        let mut file = File::open(path).ok()?;
        let read = read_up_to(&mut file, &mut head).ok()?;
        let head = &head[..read];
        if head.starts_with(&[0x1f, 0x8b]) {
            Some(ArchiveFormat::TarGz)
        } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            Some(ArchiveFormat::Zip)
        } else if head.get(257..262) == Some(b"ustar") {
            Some(ArchiveFormat::Tar)
        } else {
            None
        }
    }

    /// How the format is named to people.
    pub fn label(self) -> &'static str {
        match self {
            ArchiveFormat::Tar => "tar",
            ArchiveFormat::TarGz => "tar.gz",
            ArchiveFormat::Zip => "zip",
        }
    }
}

fn read_up_to(reader: &mut dyn Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match reader.read(&mut buffer[filled..])? {
            0 => break,
            read => filled += read,
        }
    }
    Ok(filled)
}

/// Unpacks the archive at `path` through `unpacker`.
pub fn unpack_archive(
    path: &Path,
    format: ArchiveFormat,
    unpacker: &mut Unpacker,
) -> PackResult<()> {
    let file = File::open(path).map_err(|e| PackError::io(path, e))?;
    let source = path.display().to_string();
    match format {
        ArchiveFormat::Tar => unpack_tar(BufReader::new(file), &source, unpacker),
        ArchiveFormat::TarGz => {
            // pigz and bgzip write several gzip members one after the other: read them all.
            let gzip = flate2::read::MultiGzDecoder::new(BufReader::new(file));
            unpack_tar(gzip, &source, unpacker)
        }
        ArchiveFormat::Zip => unpack_zip(file, &source, unpacker),
    }
}

/// A reader that fails once more than `limit` bytes went through. The tar reader skips the data
/// of entries it does not hand out (a folder that claims a size); this bounds that reading too,
/// so a bomb costs at most a little more than the unpacked-size limit.
struct Bounded<R> {
    inner: R,
    limit: u64,
    read: u64,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.read += read as u64;
        if self.read > self.limit {
            return Err(io::Error::other(StreamTooLong(self.limit)));
        }
        Ok(read)
    }
}

fn unpack_tar<R: Read>(reader: R, source: &str, unpacker: &mut Unpacker) -> PackResult<()> {
    let limits = unpacker.limits();
    // Room for the files, plus a header (and a long-name header) per entry, plus some slack.
    let stream_limit = limits.total_bytes + (limits.entries as u64 + 16) * 2048;
    let bounded = Bounded {
        inner: reader,
        limit: stream_limit,
        read: 0,
    };
    let mut archive = tar::Archive::new(bounded);
    let unreadable = |error: io::Error| {
        if let Some(limit) = stream_limit_of(&error) {
            PackError::TooLarge {
                input: source.to_string(),
                what: "the archive stream".into(),
                limit: human_size(limit),
            }
        } else {
            PackError::Unreadable {
                input: source.to_string(),
                format: "tar",
                message: error.to_string(),
            }
        }
    };
    for entry in archive.entries().map_err(unreadable)? {
        let mut entry = entry.map_err(unreadable)?;
        let kind = entry.header().entry_type();
        if kind.is_pax_global_extensions() {
            // `git archive` puts the commit id here: metadata, not a file.
            continue;
        }
        let raw = entry.path_bytes();
        let Ok(name) = std::str::from_utf8(&raw).map(str::to_string) else {
            let shown = String::from_utf8_lossy(&raw).into_owned();
            return Err(unpacker.refuse(&shown, "has a name that is not UTF-8"));
        };
        if kind.is_dir() {
            unpacker.folder(&name)?;
        } else if kind.is_file() || kind.is_contiguous() {
            unpacker.file(&name, &mut entry)?;
        } else {
            return Err(unpacker.other(&name, tar_kind(kind)));
        }
    }
    Ok(())
}

fn tar_kind(kind: tar::EntryType) -> OtherKind {
    if kind.is_symlink() {
        OtherKind::Symlink
    } else if kind.is_hard_link() {
        OtherKind::Hardlink
    } else if kind.is_character_special() {
        OtherKind::CharDevice
    } else if kind.is_block_special() {
        OtherKind::BlockDevice
    } else if kind.is_fifo() {
        OtherKind::Fifo
    } else {
        OtherKind::Unknown
    }
}

/// The file-type bits of a Unix mode.
const TYPE_MASK: u32 = 0o170_000;

fn unpack_zip(file: File, source: &str, unpacker: &mut Unpacker) -> PackResult<()> {
    let unreadable = |error: zip::result::ZipError| PackError::Unreadable {
        input: source.to_string(),
        format: "zip",
        message: error.to_string(),
    };
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(unreadable)?;
    let limits = unpacker.limits();
    if archive.len() > limits.entries {
        // The central directory says how many entries there are: refuse before writing any.
        return Err(PackError::TooLarge {
            input: source.to_string(),
            what: format!("the number of files and folders ({})", archive.len()),
            limit: format!("{} entries", limits.entries),
        });
    }
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(unreadable)?;
        let name = entry.name().to_string();
        let mode = entry.unix_mode().unwrap_or(0) & TYPE_MASK;
        let other = match mode {
            0 | 0o100_000 | 0o040_000 => None,
            0o120_000 => Some(OtherKind::Symlink),
            0o020_000 => Some(OtherKind::CharDevice),
            0o060_000 => Some(OtherKind::BlockDevice),
            0o010_000 => Some(OtherKind::Fifo),
            0o140_000 => Some(OtherKind::Socket),
            _ => Some(OtherKind::Unknown),
        };
        if let Some(kind) = other {
            return Err(unpacker.other(&name, kind));
        }
        if entry.encrypted() {
            return Err(unpacker.refuse(&name, "is encrypted"));
        }
        if entry.is_dir() || mode == 0o040_000 {
            unpacker.folder(&name)?;
        } else {
            unpacker.file(&name, &mut entry)?;
        }
    }
    Ok(())
}
