//! The rules every pack source is unpacked by, whatever its format: only plain files and
//! folders, only relative names that stay inside, and limits on what is written.
//!
//! An [`Unpacker`] writes into a fresh staging folder. Because it never creates a link, every
//! folder below the staging root is a real folder it made, so a checked relative name can only
//! land inside. Sizes are counted on the bytes actually written, never on what a header claims.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::{PackError, PackResult};
use super::progress::Meter;

/// How much a pack may unpack to. A real pack (a few dozen Markdown cards) never comes near
/// these; an archive bomb always passes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// All files together, in bytes.
    pub total_bytes: u64,
    /// One file, in bytes.
    pub file_bytes: u64,
    /// Files and folders together.
    pub entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            total_bytes: 50 * MIB,
            file_bytes: 5 * MIB,
            entries: 5_000,
        }
    }
}

const MIB: u64 = 1024 * 1024;

/// Folders deeper than this are refused: no pack needs them, and they only cost.
const MAX_DEPTH: usize = 32;

/// A size as people read it: `5 MiB`, `300 KiB`, `12 bytes`.
pub fn human_size(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= 1024 && bytes.is_multiple_of(1024) {
        format!("{} KiB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// What an entry is, when it is not a plain file or folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherKind {
    Symlink,
    Hardlink,
    CharDevice,
    BlockDevice,
    Fifo,
    Socket,
    Unknown,
}

impl OtherKind {
    /// Why an entry of this kind is refused.
    pub fn reason(self) -> &'static str {
        match self {
            OtherKind::Symlink => "is a symbolic link (only files and folders are accepted)",
            OtherKind::Hardlink => "is a hard link (only files and folders are accepted)",
            OtherKind::CharDevice => "is a character device (only files and folders are accepted)",
            OtherKind::BlockDevice => "is a block device (only files and folders are accepted)",
            OtherKind::Fifo => "is a named pipe (only files and folders are accepted)",
            OtherKind::Socket => "is a socket (only files and folders are accepted)",
            OtherKind::Unknown => "is of a kind skillbook does not unpack (only files and folders)",
        }
    }
}

/// Checks an entry name and turns it into a relative path below the staging root. `Ok(None)` is
/// the root itself (`./`). Names use `/` between parts, as tar and zip do.
pub fn entry_path(name: &str) -> Result<Option<PathBuf>, &'static str> {
    if name.contains('\0') {
        return Err("has a NUL byte in its name");
    }
    if name.contains('\\') {
        return Err("has a backslash in its name (a Windows path)");
    }
    if name.starts_with('/') {
        return Err("is an absolute path");
    }
    let mut path = PathBuf::new();
    let mut depth = 0;
    for (index, part) in name.split('/').enumerate() {
        match part {
            "" | "." => continue,
            ".." => return Err("climbs out of the pack with '..'"),
            _ => {}
        }
        let bytes = part.as_bytes();
        if index == 0 && bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
            return Err("has a drive prefix (like C:)");
        }
        if part.contains(':') {
            return Err("has a ':' in its name (a drive or stream on Windows)");
        }
        if part.chars().any(char::is_control) {
            return Err("has a control character in its name");
        }
        depth += 1;
        if depth > MAX_DEPTH {
            return Err("is nested too deep");
        }
        path.push(part);
    }
    Ok((!path.as_os_str().is_empty()).then_some(path))
}

/// Whether a path lies in a `.git` folder (or is a submodule's `.git` file). These are left out
/// of every pack: a `.git/config` inside `packs/` could make git, run there by the user or their
/// shell prompt, start a program the pack names.
fn is_git_metadata(path: &Path) -> bool {
    path.components().any(|part| part.as_os_str() == ".git")
}

/// Writes checked entries below a staging root, counting what it writes.
#[derive(Debug)]
pub struct Unpacker {
    root: PathBuf,
    /// The source as the user named it, for messages.
    source: String,
    limits: Limits,
    written: u64,
    entries: usize,
    /// Files written, synced to disk once everything passed the limits.
    files: Vec<PathBuf>,
    /// Where progress is counted and a stop is asked for, when someone watches.
    meter: Option<Arc<Meter>>,
}

impl Unpacker {
    /// An unpacker into `root`, which must be a new, empty folder.
    pub fn new(root: &Path, source: &str, limits: Limits) -> Self {
        Unpacker {
            root: root.to_path_buf(),
            source: source.to_string(),
            limits,
            written: 0,
            entries: 0,
            files: Vec::new(),
            meter: None,
        }
    }

    /// Counts what is written into `meter`, and stops when it asks.
    #[must_use]
    pub fn with_meter(mut self, meter: Arc<Meter>) -> Self {
        self.meter = Some(meter);
        self
    }

    /// Refuses to go on when the meter asks to stop.
    fn check_stop(&self) -> PackResult<()> {
        match &self.meter {
            Some(meter) if meter.stopped() => Err(PackError::Stopped {
                input: self.source.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// The refusal of `entry` for `reason`.
    pub fn refuse(&self, entry: &str, reason: &str) -> PackError {
        PackError::UnsafeEntry {
            input: self.source.clone(),
            entry: entry.to_string(),
            reason: reason.to_string(),
        }
    }

    fn too_large(&self, what: String, limit: String) -> PackError {
        PackError::TooLarge {
            input: self.source.clone(),
            what,
            limit,
        }
    }

    /// Counts one more entry, refusing past the limit.
    fn count(&mut self) -> PackResult<()> {
        self.check_stop()?;
        if let Some(meter) = &self.meter {
            meter.add_entry();
        }
        self.entries += 1;
        if self.entries > self.limits.entries {
            return Err(self.too_large(
                "the number of files and folders".into(),
                format!("{} entries", self.limits.entries),
            ));
        }
        Ok(())
    }

    /// Refuses an entry that is neither a file nor a folder.
    pub fn other(&self, name: &str, kind: OtherKind) -> PackError {
        self.refuse(name, kind.reason())
    }

    /// Creates the folder `name`.
    pub fn folder(&mut self, name: &str) -> PackResult<()> {
        self.count()?;
        let relative = entry_path(name).map_err(|reason| self.refuse(name, reason))?;
        if let Some(relative) = relative.filter(|path| !is_git_metadata(path)) {
            let path = self.root.join(relative);
            fs::create_dir_all(&path).map_err(|e| self.write_error(name, &e))?;
        }
        Ok(())
    }

    /// Writes the file `name` from `content`, stopping at the limits.
    pub fn file(&mut self, name: &str, content: &mut dyn Read) -> PackResult<()> {
        self.count()?;
        let relative = entry_path(name)
            .map_err(|reason| self.refuse(name, reason))?
            .ok_or_else(|| self.refuse(name, "is a file without a name"))?;
        if is_git_metadata(&relative) {
            return Ok(());
        }
        let path = self.root.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| self.write_error(name, &e))?;
        }
        let mut file = create_new(&path).map_err(|error| {
            if error.kind() == io::ErrorKind::AlreadyExists {
                self.refuse(name, "appears twice")
            } else {
                self.write_error(name, &error)
            }
        })?;
        self.copy(name, content, &mut file)?;
        self.files.push(path);
        Ok(())
    }

    /// Flushes every written file to disk, so the pack is whole before it is renamed into
    /// place. Done once at the end: a refused archive costs no syncs.
    pub fn finish(&self) -> PackResult<()> {
        for path in &self.files {
            File::open(path)
                .and_then(|file| file.sync_all())
                .map_err(|e| PackError::io(path, e))?;
        }
        Ok(())
    }

    fn copy(&mut self, name: &str, content: &mut dyn Read, file: &mut File) -> PackResult<()> {
        let mut buffer = vec![0u8; 64 * 1024];
        let mut this_file: u64 = 0;
        loop {
            let read = match content.read(&mut buffer) {
                Ok(0) => return Ok(()),
                Ok(read) => read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(self.read_error(name, &error)),
            };
            let read_bytes = read as u64;
            self.check_stop()?;
            if let Some(meter) = &self.meter {
                meter.add_bytes(read_bytes);
            }
            this_file += read_bytes;
            self.written += read_bytes;
            if this_file > self.limits.file_bytes {
                return Err(self.too_large(
                    format!("the file {name:?}"),
                    human_size(self.limits.file_bytes),
                ));
            }
            if self.written > self.limits.total_bytes {
                return Err(self.too_large(
                    "the unpacked size".into(),
                    human_size(self.limits.total_bytes),
                ));
            }
            file.write_all(&buffer[..read])
                .map_err(|e| self.write_error(name, &e))?;
        }
    }

    fn write_error(&self, name: &str, error: &io::Error) -> PackError {
        self.refuse(name, &format!("cannot be written: {error}"))
    }

    fn read_error(&self, name: &str, error: &io::Error) -> PackError {
        if let Some(limit) = stream_limit_of(error) {
            return self.too_large("the archive stream".into(), human_size(limit));
        }
        PackError::Unreadable {
            input: self.source.clone(),
            format: "pack",
            message: format!("reading {name:?}: {error}"),
        }
    }

    /// The limits this unpacker keeps to.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The bytes written so far.
    pub fn written(&self) -> u64 {
        self.written
    }
}

/// The error a reader fails with when an archive stream runs past its bound (the limit in
/// bytes).
#[derive(Debug)]
pub struct StreamTooLong(pub u64);

impl std::fmt::Display for StreamTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the archive stream is longer than the limits allow")
    }
}

impl std::error::Error for StreamTooLong {}

/// The bound an I/O error reports passing, when it is a [`StreamTooLong`].
pub fn stream_limit_of(error: &io::Error) -> Option<u64> {
    error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<StreamTooLong>())
        .map(|too_long| too_long.0)
}

/// A new file, never an existing one, readable by everyone and executable by no one.
fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o644);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_names_are_checked() {
        let cases: &[(&str, Result<Option<&str>, &str>)] = &[
            ("pack.toml", Ok(Some("pack.toml"))),
            ("./cards/a.md", Ok(Some("cards/a.md"))),
            ("pack//cards/", Ok(Some("pack/cards"))),
            ("./", Ok(None)),
            ("../evil", Err("climbs out of the pack with '..'")),
            ("cards/../../evil", Err("climbs out of the pack with '..'")),
            ("/etc/passwd", Err("is an absolute path")),
            ("C:/evil", Err("has a drive prefix (like C:)")),
            ("c:evil", Err("has a drive prefix (like C:)")),
            (
                "..\\evil",
                Err("has a backslash in its name (a Windows path)"),
            ),
            (
                "cards/a.md:stream",
                Err("has a ':' in its name (a drive or stream on Windows)"),
            ),
            (
                "cards/\u{1b}[2J.md",
                Err("has a control character in its name"),
            ),
        ];
        for (name, expected) in cases {
            let got = entry_path(name);
            let expected = expected.map(|p| p.map(PathBuf::from));
            assert_eq!(got, expected, "{name}");
        }
        let deep = vec!["d"; 40].join("/");
        assert_eq!(entry_path(&deep), Err("is nested too deep"));
    }

    #[test]
    fn files_past_the_limits_are_refused() {
        let folder = tempfile::tempdir().unwrap();
        let limits = Limits {
            total_bytes: 10,
            file_bytes: 6,
            entries: 3,
        };
        let mut unpacker = Unpacker::new(folder.path(), "src", limits);
        unpacker.file("a", &mut &b"12345"[..]).unwrap();
        let error = unpacker.file("b", &mut &b"1234567"[..]).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("the file \"b\" passes the limit of 6 bytes"),
            "{error}"
        );
        let error = unpacker.file("c", &mut &b"123456"[..]).unwrap_err();
        assert!(error.to_string().contains("unpacked size"), "{error}");
        let error = unpacker.folder("d").unwrap_err();
        assert!(error.to_string().contains("3 entries"), "{error}");
    }

    #[test]
    fn a_name_twice_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        let mut unpacker = Unpacker::new(folder.path(), "src", Limits::default());
        unpacker.file("a.md", &mut &b"x"[..]).unwrap();
        let error = unpacker.file("./a.md", &mut &b"y"[..]).unwrap_err();
        assert!(error.to_string().contains("appears twice"), "{error}");
        assert_eq!(fs::read(folder.path().join("a.md")).unwrap(), b"x");
    }

    #[test]
    fn git_metadata_is_left_out() {
        let folder = tempfile::tempdir().unwrap();
        let mut unpacker = Unpacker::new(folder.path(), "src", Limits::default());
        unpacker.folder(".git").unwrap();
        unpacker
            .file(".git/config", &mut &b"[core]\nfsmonitor = evil"[..])
            .unwrap();
        unpacker.file("sub/.git", &mut &b"gitdir: x"[..]).unwrap();
        unpacker.file("pack.toml", &mut &b"x"[..]).unwrap();
        let names: Vec<_> = fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["pack.toml"]);
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(5 * MIB), "5 MiB");
        assert_eq!(human_size(2048), "2 KiB");
        assert_eq!(human_size(10), "10 bytes");
    }
}
